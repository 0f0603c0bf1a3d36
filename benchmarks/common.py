"""Timing helpers shared by the benchmark scripts: run a command N times, keep the median."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

PYTHON = sys.executable
#: Users run caselint from an installed wheel, whose bytecode pip compiled at install time. A
#: session that sets PYTHONDONTWRITEBYTECODE would recompile caselint's own modules (not those of
#: python-docx or jieba, installed with their bytecode) on every run and time the compiler instead;
#: dropping it lets the warm-up run cache the bytecode, as an install does.
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "CASELINT_LANG": "zh",
}


def caselint(*args: str) -> list[str]:
    return [PYTHON, "-m", "caselint", *args]


def time_command(command: list[str], repeat: int, cwd: Path | None = None) -> float:
    """Median wall time of ``command`` in seconds (after one warm-up run)."""
    subprocess.run(command, capture_output=True, env=ENV, cwd=cwd, check=False)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, env=ENV, cwd=cwd, check=False)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr.decode()}")
    return statistics.median(times)


def peak_tree_rss_mb(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """(seconds, peak resident memory in MB of the process and all its children together).

    Sampled every 20 ms from /proc (Linux); falls back to the largest single process reported
    by ``resource`` where /proc is missing.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, cwd=cwd
    )
    peak = 0
    proc = Path("/proc")
    while process.poll() is None:
        if proc.is_dir():
            peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    if not proc.is_dir():
        import resource

        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return elapsed, peak / 1024 / 1024


def _tree_rss(root: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            ppid = int(stat[1])
            pages = int((entry / "statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        pid = int(entry.name)
        children.setdefault(ppid, []).append(pid)
        rss[pid] = pages * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total

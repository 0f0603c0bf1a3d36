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


def run_timed(command: list[str], cwd: Path | None = None) -> float:
    """Wall time of one run of ``command`` in seconds; exit codes 0 and 1 (findings) are fine."""
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, env=ENV, cwd=cwd, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr.decode()}")
    return elapsed


def time_command(command: list[str], repeat: int, cwd: Path | None = None) -> float:
    """Median wall time of ``command`` in seconds (after one warm-up run)."""
    run_timed(command, cwd)
    return statistics.median(run_timed(command, cwd) for _ in range(repeat))


def peak_tree_rss_mb(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """(seconds, peak of the summed resident memory in MB of the process and its children)."""
    seconds, rss, _ = peak_tree_memory(command, cwd)
    return seconds, rss


def peak_tree_memory(command: list[str], cwd: Path | None = None) -> tuple[float, float, float]:
    """(seconds, peak summed RSS, peak summed PSS) in MB of the process and all its children.

    RSS counts a page in every process that maps it, so workers forked from a parent count the
    parent's memory again each; PSS (proportional set size) divides a shared page among the
    processes that share it, so the tree's PSS is the memory it really holds. Sampled every
    20 ms from /proc (Linux); where /proc is missing, both are the largest single process that
    ``resource`` reports.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, cwd=cwd
    )
    peak_rss = peak_pss = 0
    proc = Path("/proc")
    while process.poll() is None:
        if proc.is_dir():
            rss, pss = _tree_memory(process.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    if not proc.is_dir():
        import resource

        peak_rss = peak_pss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return elapsed, peak_rss / 1024 / 1024, peak_pss / 1024 / 1024


def _pss(pid: Path) -> int:
    """Proportional set size of a process in bytes (0 where the kernel does not say)."""
    try:
        for line in (pid / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _tree_memory(root: int) -> tuple[int, int]:
    children: dict[int, list[int]] = {}
    entries: dict[int, Path] = {}
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
        entries[pid] = entry
        rss[pid] = pages * os.sysconf("SC_PAGE_SIZE")
    total_rss = total_pss = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        total_rss += rss.get(pid, 0)
        total_pss += _pss(entries[pid]) if pid in entries else 0
        stack.extend(children.get(pid, []))
    return total_rss, total_pss

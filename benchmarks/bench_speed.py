"""Issue 15 in one alternating run: start-up, one case, batches, the cache and memory.

Every figure is the median of ``--repeat`` runs, the commands of a group taking turns (floor,
caselint, floor, caselint …) so that a burst of load on a shared machine hits both sides of a
ratio alike. The load average is printed before and after each group.

* ``check`` of one case (969 + 4870 字 .docx, generated) vs the bare python-docx open of the
  same two files (target ≤ 4×); also a case made of real station text when the project's
  ``shared/research/realtext-dev.jsonl`` is beside the repository (read, never copied).
* ``count`` table of the same two files vs the same floor (≤ 1.2×).
* ``caselint --version`` vs ``python -c pass`` (≤ 2×).
* batches of 10, 50 and 400 cases with ``--jobs 1`` and ``--jobs 2`` (2 never slower than 1;
  ≥ 1.8× at 400), a cold run filling an empty cache vs ``--no-cache`` (≤ 1.05×), and the peak
  memory of the whole process tree at 400 cases (≤ 300 MB; PSS, which counts a page shared by
  forked workers once, and the plain sum of RSS, which counts it in every process).

``--break-even`` instead times batches of 1 to 6 cases with one and two processes, the
measurement behind ``batch.MIN_CASES_FOR_POOL``.

    python benchmarks/bench_speed.py [--repeat 7] [--batch-repeat 3] [--sizes 10 50 400]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

import docx
from common import PYTHON, caselint, peak_tree_memory, run_timed
from drafts import write_case

REALTEXT = Path(__file__).resolve().parents[1].parent / "shared" / "research" / "realtext-dev.jsonl"
FLOOR = "import sys, docx\nfor path in sys.argv[1:]:\n    docx.Document(path)\n"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (2 cores)"


def alternate(
    commands: dict[str, list[str]], repeat: int, measure: Callable[[list[str]], float] = run_timed
) -> dict[str, float]:
    """Median seconds of each command, the commands taking turns ``repeat`` times."""
    for command in commands.values():
        measure(command)  # warm-up: bytecode, page cache, the segmenter's index
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(measure(command))
    return {name: statistics.median(values) for name, values in times.items()}


def realtext_case(folder: Path) -> list[Path] | None:
    """A one-case folder of real station text: ~1000 字 综合材料 and ~5000 字 详细材料."""
    if not REALTEXT.is_file():
        return None
    passages = [json.loads(line)["text"] for line in REALTEXT.read_text("utf-8").splitlines()]
    folder.mkdir(parents=True)
    paths, used = [], 0
    for part, limit in (("综合材料", 1000), ("详细材料", 5000)):
        document = docx.Document()
        document.add_heading(f"真实文本案例{part}", 0)
        written = 0
        while written < limit and used < len(passages):
            for paragraph in passages[used].splitlines():
                document.add_paragraph(paragraph)
                written += len(paragraph)
            used += 1
        paths.append(folder / f"真实文本案例{part}.docx")
        document.save(str(paths[-1]))
    return paths


def row(label: str, ours: float, floor: float, target: str) -> str:
    return (
        f"  {label:<44} {ours * 1000:8.0f} ms   floor {floor * 1000:6.0f} ms"
        f"   ratio {ours / floor:5.2f}   target {target}"
    )


def single(root: Path, repeat: int) -> None:
    case = root / "case"
    summary, detailed = write_case(case, seed=7, summary_chars=950, detailed_chars=4900)
    files = [str(summary), str(detailed)]
    commands = {
        "floor": [PYTHON, "-c", FLOOR, *files],
        "check": caselint("check", "--no-cache", "--format", "json", str(case)),
        "count": caselint("count", *files),
        "pass": [PYTHON, "-c", "pass"],
        "version": caselint("--version"),
    }
    real = realtext_case(root / "real")
    if real:
        commands["real floor"] = [PYTHON, "-c", FLOOR, *map(str, real)]
        commands["real check"] = caselint(
            "check", "--no-cache", "--format", "json", str(real[0].parent)
        )
    print(f"one case, {repeat} alternating runs each   [{load()}]")
    t = alternate(commands, repeat)
    print(row("check, one case (969 + 4870 字 .docx)", t["check"], t["floor"], "≤ 4"))
    if real:
        print(row("check, one case of real text (.docx)", t["real check"], t["real floor"], "≤ 4"))
    print(row("count table, the same two files", t["count"], t["floor"], "≤ 1.2"))
    print(row("--version vs python -c pass", t["version"], t["pass"], "≤ 2"))
    print(f"  [{load()}]")


def province(root: Path, sizes: list[int]) -> dict[int, Path]:
    """Folders of 10, 50, 400 … generated cases (the smaller ones copies of the first cases)."""
    largest = root / f"province-{max(sizes)}"
    for seed in range(max(sizes)):
        write_case(largest / f"case{seed:04d}", seed=seed)
    folders = {max(sizes): largest}
    for size in sizes:
        if size != max(sizes):
            folders[size] = root / f"province-{size}"
            for seed in range(size):
                name = f"case{seed:04d}"
                shutil.copytree(largest / name, folders[size] / name)
    return folders


def batches(root: Path, sizes: list[int], repeat: int) -> None:
    folders = province(root, sizes)
    base = ["check", "--quiet", "--format", "json"]
    commands: dict[str, list[str]] = {}
    for size in sizes:
        for jobs in (1, 2):
            commands[f"{size} j{jobs}"] = caselint(
                *base, "--no-cache", "--jobs", str(jobs), str(folders[size])
            )
    largest = max(sizes)
    cache = root / "cache"
    commands["cold cache"] = caselint(*base, "--cache-dir", str(cache), str(folders[largest]))
    memory: list[tuple[float, float]] = []

    def measure(command: list[str]) -> float:
        shutil.rmtree(cache, ignore_errors=True)  # every cached run starts cold
        seconds, rss, pss = peak_tree_memory(command)
        if command == commands[f"{largest} j2"]:
            memory.append((pss, rss))
        return seconds

    print(f"batches, {repeat} alternating runs each   [{load()}]")
    t = alternate(commands, repeat, measure)
    for size in sizes:
        one, two = t[f"{size} j1"], t[f"{size} j2"]
        target = "≥ 1.8×" if size == largest else "≥ 1× (never slower)"
        print(
            f"  {size:4d} cases / {2 * size:4d} .docx   --jobs 1 {one:7.2f} s   --jobs 2 {two:7.2f} s"
            f"   speed-up {one / two:4.2f}×   target {target}"
        )
    cold, plain = t["cold cache"], t[f"{largest} j2"]
    print(
        f"  {largest} cases, cold with cache {cold:.2f} s vs --no-cache {plain:.2f} s"
        f"   ratio {cold / plain:4.2f}   target ≤ 1.05"
    )
    pss, rss = statistics.median(p for p, _ in memory), statistics.median(r for _, r in memory)
    print(
        f"  peak memory of the process tree, {largest} cases, --jobs 2:  PSS {pss:.0f} MB"
        f"   (sum of RSS {rss:.0f} MB)   target ≤ 300 MB"
    )
    print(f"  [{load()}]")


def break_even(root: Path, repeat: int) -> None:
    folders = province(root, [1, 2, 3, 4, 5, 6])
    commands = {
        f"{size} j{jobs}": caselint(
            "check", "-q", "--no-cache", "--format", "json", "--jobs", str(jobs), str(folders[size])
        )
        for size in folders
        for jobs in (1, 2)
    }
    print(f"break-even, {repeat} alternating runs each   [{load()}]")
    t = alternate(commands, repeat)
    for size in sorted(folders):
        one, two = t[f"{size} j1"], t[f"{size} j2"]
        print(
            f"  {size} cases   --jobs 1 {one:6.2f} s   --jobs 2 {two:6.2f} s   speed-up {one / two:4.2f}×"
        )
    print(f"  [{load()}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--batch-repeat", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 400])
    parser.add_argument("--break-even", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="caselint-bench-") as tmp:
        root = Path(tmp)
        if args.break_even:
            break_even(root, args.repeat)
            return
        single(root, args.repeat)
        batches(root, sorted(args.sizes), args.batch_repeat)


if __name__ == "__main__":
    main()

"""Workers pay nothing twice: forked from the process that built the analysers, when safe."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from pathlib import Path

import pytest
from province_folder import example

import caselint.batch as batch
import caselint.text.analysis as analysis
from caselint.batch import RunStats, run_cases
from caselint.cases.discover import discover
from caselint.cli.run import ProgressBar
from caselint.engine import Settings
from caselint.rulepack.pack import load_pack

PACK = load_pack()
SOURCES = [
    "02-南屏发布短视频矩阵/南屏发布短视频矩阵.md",
    "05-云渡乡村账号矩阵/云渡乡村账号矩阵.md",
    "08-南屏早知道/南屏早知道.md",
    "02-南屏发布短视频矩阵/南屏发布短视频矩阵.md",
]


def _cases(root: Path) -> Path:
    for i, source in enumerate(SOURCES):
        (root / f"0{i}-案例").mkdir(parents=True)
        (root / f"0{i}-案例" / "案例.md").write_text(example(source), encoding="utf-8")
    return root


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(),
    reason="workers are forked only where the platform can fork",
)
def test_workers_start_with_the_analysers_the_parent_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds = tmp_path / "builds"
    original = analysis.Analysers

    def recording(*args: object) -> object:
        with builds.open("a", encoding="utf-8") as log:
            log.write(f"{os.getpid()}\n")
        return original(*args)

    monkeypatch.setattr(analysis, "_built", {})
    monkeypatch.setattr(analysis, "Analysers", recording)
    assert threading.active_count() == 1
    stats = RunStats()

    results = run_cases(
        discover([_cases(tmp_path / "批")], PACK), Settings(pack=PACK), jobs=2, stats=stats
    )

    assert stats.workers == 2 and len(results) == len(SOURCES)
    assert all(r.parts["detailed"] is not None for r in results)
    assert builds.read_text(encoding="utf-8").split() == [str(os.getpid())]


def test_another_thread_means_a_fork_server() -> None:
    if not sys.platform.startswith("linux"):
        assert batch._pool_context() is None
        return
    assert batch._pool_context().get_start_method() == "fork"
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert batch._pool_context().get_start_method() == "forkserver"
    finally:
        stop.set()
        other.join()


def test_the_progress_bar_runs_no_thread(capsys: pytest.CaptureFixture[str]) -> None:
    before = threading.active_count()
    with ProgressBar(True, "zh") as update:
        update(1, 3)
        assert threading.active_count() == before
        update(3, 3)

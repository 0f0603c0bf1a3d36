"""A cold run with the cache costs little more than without: entries are stored as results
arrive, without waiting for the disk (checksums, not fsync, protect them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_cache import build_small, entries

from caselint.batch import RunStats, run_cases
from caselint.cache import Cache
from caselint.cases.discover import discover
from caselint.engine import Settings
from caselint.rulepack.pack import load_pack


def test_entries_are_stored_as_results_arrive_without_fsync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = load_pack()
    inputs = discover([build_small(tmp_path / "东湖省")], pack)
    cache = Cache(tmp_path / "cache")
    stored_before_progress: list[int] = []
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd))

    def progress(done: int, total: int) -> None:
        stored_before_progress.append(len(entries(cache.root)))

    run_cases(inputs, Settings(pack=pack), jobs=1, cache=cache, progress=progress)

    # Each case's entry is on disk by the time its progress is reported, not all at the end.
    assert stored_before_progress == list(range(len(inputs) + 1))
    assert synced == []
    stats = RunStats()
    again = run_cases(inputs, Settings(pack=pack), jobs=1, cache=cache, stats=stats)
    assert stats.cached == len(inputs) and len(again) == len(inputs)

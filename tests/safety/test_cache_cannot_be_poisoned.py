"""Attack 4 (and 10, last item): the cache holds only results of the bytes they were keyed on.

A draft edited while a cached batch ran, then reverted, left the result of the temporary
content stored under the original content's key: an over-limit case passed on every later run.
An entry edited on disk could turn a fail into a pass. Now a result is stored under the key of
the bytes the check read, and only when they are the bytes the lookup read; entries carry a
checksum of their payload and key, and one that fails it is recomputed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile import case_folder, caselint, snapshot

import caselint.cases.case as case_module
from caselint.cache import Cache

LONG = "本段补充说明融媒体中心的建设过程和各项工作安排。" * 600  # over 5000 字


def _verdict(run_stdout: str) -> str:
    (case,) = json.loads(run_stdout)["cases"]
    return case["verdict"]


def _check(case: Path, cache: Path):
    return caselint("check", case, "--cache-dir", cache, "--format", "json", "-j", "1")


def test_an_edit_reverted_mid_run_is_never_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = case_folder(tmp_path / "案例")
    draft = case / "案例.md"
    failing = draft.read_text(encoding="utf-8") + "\n" + LONG + "\n"
    draft.write_text(failing, encoding="utf-8")
    passing = failing.replace(LONG, "")
    cache = tmp_path / "cache"
    read = case_module.read_or_error

    def edited_while_checked(path, **kwargs):
        """A colleague saves a shorter version just as the check reads it, then undoes it."""
        draft.write_text(passing, encoding="utf-8")
        try:
            return read(path, **kwargs)
        finally:
            draft.write_text(failing, encoding="utf-8")

    monkeypatch.setattr(case_module, "read_or_error", edited_while_checked)
    during = _check(case, cache)
    monkeypatch.setattr(case_module, "read_or_error", read)
    before = snapshot(case)

    after = _check(case, cache)

    assert _verdict(during.stdout) == "pass"  # what was read mid-run: the shorter version
    assert after.code == 1 and _verdict(after.stdout) == "fail"
    assert "length-over-limit" in after.stdout
    assert list(cache.rglob("*.json")) != []  # the second run's own result was stored
    assert _verdict(_check(case, cache).stdout) == "fail"  # and is served from the cache
    assert snapshot(case) == before


def test_an_edited_cache_entry_is_ignored(tmp_path: Path) -> None:
    case = case_folder(tmp_path / "案例")
    draft = case / "案例.md"
    draft.write_text(draft.read_text(encoding="utf-8") + "\n" + LONG + "\n", encoding="utf-8")
    cache = tmp_path / "cache"
    assert _check(case, cache).code == 1
    (entry,) = cache.rglob("*.json")
    header, _, payload = entry.read_bytes().partition(b"\n")
    forged = payload.replace(b'"verdict":"fail"', b'"verdict":"pass"')
    assert forged != payload
    entry.write_bytes(header + b"\n" + forged)

    assert Cache(cache).get(entry.stem) is None
    again = _check(case, cache)

    assert again.code == 1 and _verdict(again.stdout) == "fail"


def test_an_entry_copied_under_another_key_is_ignored(tmp_path: Path) -> None:
    """A passing case's entry renamed to a failing case's key does not verify."""
    good = case_folder(tmp_path / "好")
    bad = case_folder(tmp_path / "坏")
    (bad / "案例.md").write_text(
        (bad / "案例.md").read_text(encoding="utf-8") + "\n" + LONG + "\n", encoding="utf-8"
    )
    cache = tmp_path / "cache"
    assert _check(good, cache).code == 0
    (good_entry,) = cache.rglob("*.json")
    assert _check(bad, cache).code == 1
    (bad_entry,) = [p for p in cache.rglob("*.json") if p != good_entry]
    bad_entry.write_bytes(good_entry.read_bytes())

    assert _check(bad, cache).code == 1

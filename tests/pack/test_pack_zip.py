"""Deterministic zips: fixed time, permissions, order and UTF-8 names, whatever the clock says."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile

import pytest

from caselint.pack.zipfile_det import ZIP_EPOCH, rezip, write_zip

ENTRIES = [
    ("包/详细材料.docx", b"detailed"),
    ("包/manifest.json", b"{}"),
    ("包/申请表.docx", b"form"),
]


def test_same_input_same_bytes_at_another_time_and_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    first = write_zip(ENTRIES, dt.datetime(2025, 4, 11))
    if not hasattr(time, "tzset"):
        pytest.skip("no tzset on this platform")
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        time.sleep(1.1)
        second = write_zip(list(reversed(ENTRIES)), dt.datetime(2025, 4, 11))
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert first == second


def test_entries_sorted_with_folders_fixed_metadata() -> None:
    data = write_zip(ENTRIES, dt.datetime(2025, 4, 11, 8, 30, 15))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos] == [
        "包/",
        "包/manifest.json",
        "包/申请表.docx",
        "包/详细材料.docx",
    ]
    for info in infos:
        assert info.date_time == (2025, 4, 11, 8, 30, 14)  # DOS time has 2-second steps
        assert info.create_system == 3
        assert info.compress_type == zipfile.ZIP_STORED
        assert info.flag_bits & 0x800  # every name here is Chinese
    assert infos[0].external_attr >> 16 == 0o40755
    assert infos[1].external_attr >> 16 == 0o100644


def test_names_are_nfc() -> None:
    decomposed = "e\u0301.txt"
    data = write_zip([(decomposed, b"")], folders=False)
    assert zipfile.ZipFile(io.BytesIO(data)).namelist() == ["\u00e9.txt"]


def test_duplicate_names_are_refused() -> None:
    with pytest.raises(ValueError):
        write_zip([("a", b"1"), ("a", b"2")])


def test_rezip_keeps_order_replaces_and_drops() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in ("[Content_Types].xml", "word/document.xml", "docProps/thumbnail.jpeg"):
            zf.writestr(name, name * 10)
    data = rezip(
        buffer.getvalue(),
        replace={"word/document.xml": b"new", "docProps/thumbnail.jpeg": None, "extra.xml": b"x"},
    )
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist() == ["[Content_Types].xml", "word/document.xml", "extra.xml"]
        assert zf.read("word/document.xml") == b"new"
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zf.infolist())
    assert ZIP_EPOCH.year == 1980

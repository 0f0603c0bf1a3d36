"""Deterministic zips: one instant, permissions, order and UTF-8 names, whatever the zone says."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile

import pytest

from caselint.pack.zipfile_det import (
    ZIP_EPOCH,
    Stamp,
    content_digest,
    only_entries,
    rezip,
    write_zip,
    zip_content_digest,
)

BEIJING = dt.timezone(dt.timedelta(hours=8))
ENTRIES = [
    ("包/详细材料.docx", b"detailed"),
    ("包/manifest.json", b"{}"),
    ("包/申请表.docx", b"form"),
]


def test_same_input_same_bytes_at_another_time_and_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    instant = Stamp(dt.datetime(2025, 4, 10, 16, tzinfo=dt.timezone.utc), BEIJING)
    first = write_zip(ENTRIES, instant, exact_time=True)
    if not hasattr(time, "tzset"):
        pytest.skip("no tzset on this platform")
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        time.sleep(1.1)
        second = write_zip(list(reversed(ENTRIES)), instant, exact_time=True)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert first == second


def test_entries_sorted_with_folders_fixed_metadata() -> None:
    data = write_zip(ENTRIES, Stamp(dt.datetime(2025, 4, 11, 8, 30, 15)))
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
        expected = zipfile.ZIP_STORED if info.is_dir() else zipfile.ZIP_DEFLATED
        assert info.compress_type == expected
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


def test_dos_time_is_the_zones_wall_clock_and_ut_the_exact_instant() -> None:
    import struct

    instant = dt.datetime(2025, 4, 10, 16, 0, 1, tzinfo=dt.timezone.utc)
    data = write_zip([("a.txt", b"x")], Stamp(instant, BEIJING), exact_time=True, folders=False)
    (info,) = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert info.date_time == (2025, 4, 11, 0, 0, 0)  # 16:00 UTC is midnight in Beijing
    tag, size, flags, mtime = struct.unpack("<HHBl", info.extra)
    assert (tag, size, flags, mtime) == (0x5455, 5, 1, int(instant.timestamp()))


def test_content_digest_ignores_compression_dates_and_order_only() -> None:
    entries = [("word/document.xml", b"<w:document/>" * 50), ("[Content_Types].xml", b"<Types/>")]
    ours = write_zip(entries, folders=False, sort=False)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as other:
        for name, data in reversed(entries):
            other.writestr(name, data)  # another level, another order, today's date
    theirs = buffer.getvalue()
    assert ours != theirs
    assert zip_content_digest(ours) == zip_content_digest(theirs) == content_digest(entries)
    assert only_entries(ours) and only_entries(theirs)
    assert not only_entries(theirs + b"payload")
    changed = write_zip([entries[0], ("[Content_Types].xml", b"<Types />")], folders=False)
    assert zip_content_digest(changed) != zip_content_digest(ours)

"""Zip archives that are byte-identical for identical input and time, whatever the time zone.

``zipfile`` stamps each entry with the current local time and the creating system: two
packings of one case would never hash alike, and the same instant packed in Beijing and in
Urumqi-set-to-UTC would differ. Here every entry gets one given instant (:class:`Stamp`), written
as the wall time of a fixed zone (the pack's ``bundle.utc_offset``, never the machine's), Unix
permissions 0644 (folders 0755), the UTF-8 name flag (bit 0x800, so Chinese names survive
Windows Explorer and 7-Zip) and DEFLATE at level 9. A bundle zip also carries each entry's
exact instant as an extended-timestamp field (``UT``, 0x5455) that unzip, 7-Zip and macOS read.
Entries are written in sorted order unless the caller fixes an order (a .docx keeps
``[Content_Types].xml`` first, as Word writes it).

DEFLATE output can differ between zlib builds (zlib, zlib-ng, Apple's): the same input gives the
same bytes on one machine, not necessarily on every machine. That is why ``verify`` judges a
bundle's documents by their content (:func:`content_digest`), not only by their bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import struct
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from caselint.core.safezip import read_member, unsafe_name

#: The earliest time a zip can hold.
ZIP_EPOCH = dt.datetime(1980, 1, 1)
UTF8_FLAG = 0x800
FILE_MODE = 0o644
DIR_MODE = 0o755
LEVEL = 9
_UNIX = 3
_S_IFREG = 0o100000
_S_IFDIR = 0o040000
_MSDOS_DIRECTORY = 0x10
_EXTENDED_TIMESTAMP = 0x5455
#: The most one entry of a .docx being rewritten may inflate to (its readers refuse more).
MAX_ENTRY_BYTES = 300 * 1024 * 1024


@dataclass(frozen=True)
class Stamp:
    """One instant, and the zone whose wall time zip entries show (DOS times have no zone)."""

    instant: dt.datetime
    zone: dt.tzinfo = dt.timezone.utc

    def __post_init__(self) -> None:
        instant = self.instant
        if instant.tzinfo is None:  # a wall time in the stamp's zone
            instant = instant.replace(tzinfo=self.zone)
        object.__setattr__(self, "instant", instant.replace(microsecond=0))

    @property
    def wall(self) -> dt.datetime:
        """The instant as the zone's wall clock shows it (naive)."""
        return self.instant.astimezone(self.zone).replace(tzinfo=None)

    @property
    def utc(self) -> dt.datetime:
        """The instant in UTC (naive), as document properties record it (``…Z``)."""
        return self.instant.astimezone(dt.timezone.utc).replace(tzinfo=None)

    @property
    def unix(self) -> int:
        return int(self.instant.timestamp())


EPOCH_STAMP = Stamp(ZIP_EPOCH)


def _date_time(stamp: Stamp) -> tuple[int, int, int, int, int, int]:
    when = max(stamp.wall, ZIP_EPOCH)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second // 2 * 2)


def _info(name: str, stamp: Stamp, *, directory: bool, empty: bool, exact: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(unicodedata.normalize("NFC", name), _date_time(stamp))
    info.compress_type = zipfile.ZIP_STORED if directory or empty else zipfile.ZIP_DEFLATED
    info.create_system = _UNIX  # ZipInfo uses the running OS (0 on Windows)
    info.create_version = 20
    info.extract_version = 20
    info.flag_bits |= UTF8_FLAG
    if directory:
        info.external_attr = ((_S_IFDIR | DIR_MODE) << 16) | _MSDOS_DIRECTORY
    else:
        info.external_attr = (_S_IFREG | FILE_MODE) << 16
    if exact and 0 <= stamp.unix < 2**31:
        # Extended timestamp, modification time only: the same field in local and central
        # headers (the central form holds at most the modification time anyway).
        info.extra = struct.pack("<HHBl", _EXTENDED_TIMESTAMP, 5, 1, stamp.unix)
    return info


def write_zip(
    entries: Iterable[tuple[str, bytes]],
    stamp: Stamp = EPOCH_STAMP,
    *,
    sort: bool = True,
    folders: bool = True,
    exact_time: bool = False,
) -> bytes:
    """A zip holding ``entries`` (``posix/name`` → bytes) with fixed metadata, deflated.

    ``folders`` adds an entry for every folder, so unpacking recreates empty-looking folders
    the same way on every tool; ``sort=False`` keeps the given order; ``exact_time`` adds the
    ``UT`` field (a .docx does without: Word writes none).
    """
    items = [(unicodedata.normalize("NFC", name), data) for name, data in entries]
    names = {name for name, _ in items}
    if len(names) != len(items):
        raise ValueError("duplicate zip entry names")
    if folders:
        dirs = {
            "/".join(name.split("/")[:i]) + "/"
            for name, _ in items
            for i in range(1, name.count("/") + 1)
        }
        items += [(d, b"") for d in dirs - names]
    if sort:
        items.sort(key=lambda item: item[0])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in items:
            directory = name.endswith("/")
            info = _info(name, stamp, directory=directory, empty=not data, exact=exact_time)
            archive.writestr(info, data, compresslevel=LEVEL)
    return buffer.getvalue()


def read_entries(data: bytes) -> list[tuple[str, bytes]]:
    """The file entries of a zip in their order, inflated under a cap: unsafe names (absolute,
    ``..``) and repeats of a name are dropped, folders skipped."""
    entries: list[tuple[str, bytes]] = []
    seen: set[str] = set()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            # Folders, entries that would land outside the folder they are unpacked into
            # (``../x``, ``/etc/x``) and repeats of a name are not carried into the new file.
            if info.is_dir() or unsafe_name(info.filename) or info.filename in seen:
                continue
            seen.add(info.filename)
            entries.append((info.filename, read_member(archive, info, MAX_ENTRY_BYTES)))
    return entries


def rezip(
    data: bytes, stamp: Stamp = EPOCH_STAMP, *, replace: dict[str, bytes | None] | None = None
) -> bytes:
    """Rewrite a zip (a .docx) with fixed metadata, in its own entry order.

    ``replace`` maps entry names to new content, or to None to drop the entry; names not yet in
    the archive are appended. Unsafe names (absolute, ``..``) and repeated names are dropped.
    """
    return write_zip(replaced(read_entries(data), replace or {}), stamp, sort=False, folders=False)


def replaced(
    entries: list[tuple[str, bytes]], replace: dict[str, bytes | None]
) -> list[tuple[str, bytes]]:
    """``entries`` in their order with ``replace`` applied (name → new bytes, None drops it);
    names not among the entries are appended."""
    changes = dict(replace)
    out: list[tuple[str, bytes]] = []
    for name, content in entries:
        new = changes.pop(name, content) if name in changes else content
        if new is not None:
            out.append((name, new))
    out += [(name, new) for name, new in changes.items() if new is not None]
    return out


def content_digest(entries: Iterable[tuple[str, bytes]]) -> str:
    """SHA-256 of a zip's content: every entry's name and inflated bytes, in name order.

    Compression, entry dates and order do not enter it; a repeated or added entry does.
    """
    lines = sorted(f"{name}\0{hashlib.sha256(data).hexdigest()}" for name, data in entries)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def only_entries(data: bytes) -> bool:
    """Whether every byte of the zip ``data`` belongs to an entry or its directory: no bytes
    before the first entry, between entries or after the end record, no archive comment.

    A file that only differs in compression can carry nothing else; one with bytes hidden
    between entries (a polyglot, an appended payload) is not "the same content".
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = sorted(archive.infolist(), key=lambda i: i.header_offset)
            start = archive.start_dir
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    if len(data) < 22 or data[-22:-18] != b"PK\x05\x06":
        return False  # a comment after the end record, or a Zip64 archive
    size, offset, comment = struct.unpack("<IIH", data[-10:])
    if comment or offset != start or offset + size != len(data) - 22:
        return False
    position = 0
    for info in infos:
        header = data[position : position + 30]
        if info.header_offset != position or header[:4] != b"PK\x03\x04":
            return False
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        position += 30 + name_length + extra_length + info.compress_size
        if info.flag_bits & 0x08:  # a data descriptor follows the data
            position += 16 if data[position : position + 4] == b"PK\x07\x08" else 12
    return position == start


def zip_content_digest(data: bytes, limit: int = MAX_ENTRY_BYTES) -> str:
    """:func:`content_digest` of the zip ``data``, every entry (folders, repeats) included,
    each inflated under ``limit`` (:class:`~caselint.core.safezip.InflateLimit`)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = [(i.filename, read_member(archive, i, limit)) for i in archive.infolist()]
    return content_digest(entries)

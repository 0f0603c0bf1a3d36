"""Zip archives that are byte-identical for identical input, whenever and wherever they are made.

``zipfile`` stamps each entry with the current local time and the creating system, and DEFLATE
output differs between zlib builds (zlib, zlib-ng, Apple's): two packings of one case would
never hash alike. Here every entry gets the same fixed time, Unix permissions 0644 (folders
0755), the UTF-8 name flag (bit 0x800, so Chinese names survive Windows Explorer and 7-Zip) and
no compression — the .docx files inside are zips already, so storing costs little. Entries are
written in sorted order unless the caller fixes an order (a .docx keeps ``[Content_Types].xml``
first, as Word writes it).
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
import zipfile
from collections.abc import Iterable

from caselint.core.safezip import read_member, unsafe_name

#: The earliest time a zip can hold: what a build without a meaningful date records.
ZIP_EPOCH = dt.datetime(1980, 1, 1)
UTF8_FLAG = 0x800
FILE_MODE = 0o644
DIR_MODE = 0o755
_UNIX = 3
_S_IFREG = 0o100000
_S_IFDIR = 0o040000
_MSDOS_DIRECTORY = 0x10
#: The most one entry of a .docx being rewritten may inflate to (its readers refuse more).
MAX_ENTRY_BYTES = 300 * 1024 * 1024


def _date_time(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    when = max(when.replace(tzinfo=None), ZIP_EPOCH)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second // 2 * 2)


def _info(name: str, when: dt.datetime, *, directory: bool = False) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(unicodedata.normalize("NFC", name), _date_time(when))
    info.compress_type = zipfile.ZIP_STORED
    info.create_system = _UNIX  # ZipInfo uses the running OS (0 on Windows)
    info.create_version = 20
    info.extract_version = 20
    info.flag_bits |= UTF8_FLAG
    if directory:
        info.external_attr = ((_S_IFDIR | DIR_MODE) << 16) | _MSDOS_DIRECTORY
    else:
        info.external_attr = (_S_IFREG | FILE_MODE) << 16
    return info


def write_zip(
    entries: Iterable[tuple[str, bytes]],
    when: dt.datetime = ZIP_EPOCH,
    *,
    sort: bool = True,
    folders: bool = True,
) -> bytes:
    """A zip holding ``entries`` (``posix/name`` → bytes) with fixed metadata.

    ``folders`` adds an entry for every folder, so unpacking recreates empty-looking folders
    the same way on every tool; ``sort=False`` keeps the given order.
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
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in items:
            archive.writestr(_info(name, when, directory=name.endswith("/")), data)
    return buffer.getvalue()


def rezip(
    data: bytes, when: dt.datetime = ZIP_EPOCH, *, replace: dict[str, bytes | None] | None = None
) -> bytes:
    """Rewrite a zip (a .docx) with fixed metadata, in its own entry order.

    ``replace`` maps entry names to new content, or to None to drop the entry; names not yet in
    the archive are appended. Unsafe names (absolute, ``..``) and repeated names are dropped.
    """
    replace = dict(replace or {})
    entries: list[tuple[str, bytes]] = []
    seen: set[str] = set()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            # Folders, entries that would land outside the folder they are unpacked into
            # (``../x``, ``/etc/x``) and repeats of a name are not carried into the new file.
            if info.is_dir() or unsafe_name(info.filename) or info.filename in seen:
                continue
            seen.add(info.filename)
            if info.filename in replace:
                new = replace.pop(info.filename)
                if new is not None:
                    entries.append((info.filename, new))
            else:
                entries.append((info.filename, read_member(archive, info, MAX_ENTRY_BYTES)))
    entries += [(name, new) for name, new in replace.items() if new is not None]
    return write_zip(entries, when, sort=False, folders=False)

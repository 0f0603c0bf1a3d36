"""Reading zip members (a .docx, a bundle) by what they really inflate to, not what they claim.

A zip entry's header states its size, and ``ZipFile.read`` trusts it: it inflates up to two
gigabytes in one call before the CRC check notices a header that understated the size. Here a
member is inflated in chunks and counted as it goes; past the cap the read stops with
:class:`InflateLimit`, whatever the header said. Entry names are untrusted too: an absolute
path or a ``..`` segment must never reach a file written elsewhere.
"""

from __future__ import annotations

import re
import zipfile

_CHUNK = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


class InflateLimit(Exception):
    """A member (or the members read so far) inflated past the cap; ``size`` bytes were read."""

    def __init__(self, name: str, size: int, limit: int) -> None:
        super().__init__(f"{name}: more than {limit} bytes")
        self.name = name
        self.size = size
        self.limit = limit


def read_member(archive: zipfile.ZipFile, member: str | zipfile.ZipInfo, limit: int) -> bytes:
    """The inflated bytes of ``member``, at most ``limit`` of them (:class:`InflateLimit`).

    Damage raises what ``zipfile`` raises (``BadZipFile``, ``zlib.error``, ``EOFError``).
    """
    name = member.filename if isinstance(member, zipfile.ZipInfo) else member
    chunks: list[bytes] = []
    size = 0
    with archive.open(member) as stream:
        while True:
            chunk = stream.read(min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise InflateLimit(name, size, limit)
    return b"".join(chunks)


def inflated_sizes(archive: zipfile.ZipFile, total_limit: int) -> int:
    """Inflate every member without keeping it; the total, or :class:`InflateLimit` past
    ``total_limit`` (for packages handed whole to another library, such as python-docx)."""
    total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(min(_CHUNK, total_limit + 1 - total))
                if not chunk:
                    break
                total += len(chunk)
                if total > total_limit:
                    raise InflateLimit(info.filename, total, total_limit)
    return total


def unsafe_name(name: str) -> bool:
    """An entry name that would escape the folder it is extracted to, or mean another file on
    another system: absolute, a drive letter, a ``..`` segment, a backslash, a NUL, empty."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or _DRIVE.match(name):
        return True
    return ".." in name.split("/")

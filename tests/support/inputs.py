"""Build the odd input files the reader tests need, as real files.

* :func:`build_cfb`: an OLE compound file (MS-CFB, version 3, 512-byte sectors) holding the
  given streams, with a mini stream for the small ones, as Office writes them. Encrypted
  Office documents (``EncryptionInfo`` + ``EncryptedPackage``) and Word 97-2003 documents
  (``WordDocument``) are both such files; olefile reads them but cannot create one.
* :func:`write_zeros_zip`: a zip whose one member expands to ``size`` zero bytes, written in
  constant memory and time: the deflate stream is one compressed megabyte of zeros repeated.
* :func:`write_docx`: a small real .docx through python-docx.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _pad(data: bytes, unit: int) -> bytes:
    return data + b"\0" * (-len(data) % unit)


def _dir_entry(
    name: str,
    kind: int,
    start: int,
    size: int,
    *,
    left: int = NOSTREAM,
    right: int = NOSTREAM,
    child: int = NOSTREAM,
) -> bytes:
    encoded = name.encode("utf-16-le") + b"\0\0" if name else b""
    assert len(encoded) <= 64, name
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        encoded,
        len(encoded),
        kind,
        1,  # black
        left,
        right,
        child,
        b"\0" * 16,
        0,
        0,
        0,
        start,
        size,
    )


def _balanced(ids: list[int], links: dict[int, tuple[int, int]]) -> int:
    """Root of a balanced binary search tree over ``ids`` (already in CFB name order)."""
    if not ids:
        return NOSTREAM
    middle = len(ids) // 2
    root = ids[middle]
    links[root] = (_balanced(ids[:middle], links), _balanced(ids[middle + 1 :], links))
    return root


def build_cfb(streams: dict[str, bytes]) -> bytes:
    """An OLE compound file with ``streams`` in its root storage."""
    # CFB orders siblings by name length, then by upper-cased name.
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    small = [n for n in names if len(streams[n]) < MINI_CUTOFF]
    big = [n for n in names if len(streams[n]) >= MINI_CUTOFF]

    mini_stream = b""
    mini_fat: list[int] = []
    mini_start: dict[str, int] = {}
    for name in small:
        data = streams[name]
        count = max(1, -(-len(data) // MINI_SECTOR))
        first = len(mini_fat)
        mini_start[name] = first if data else ENDOFCHAIN
        mini_fat.extend(range(first + 1, first + count))
        mini_fat.append(ENDOFCHAIN)
        mini_stream += _pad(data or b"\0", MINI_SECTOR)
    if mini_fat:
        mini_fat.extend([FREESECT] * (-len(mini_fat) % (SECTOR // 4)))
    mini_fat_bytes = struct.pack(f"<{len(mini_fat)}I", *mini_fat)

    entries = 1 + len(names)
    dir_sectors = -(-entries // 4)
    chunks: list[tuple[str, bytes]] = [("dir", b""), ("minifat", mini_fat_bytes)]
    chunks.append(("ministream", _pad(mini_stream, SECTOR)))
    chunks.extend((name, _pad(streams[name], SECTOR)) for name in big)
    data_sectors = dir_sectors + sum(len(data) // SECTOR for _, data in chunks)

    fat_sectors = 1
    while fat_sectors * (SECTOR // 4) < fat_sectors + data_sectors:
        fat_sectors += 1
    assert fat_sectors <= 109, "too big for a header-only DIFAT"

    fat = [FATSECT] * fat_sectors
    starts: dict[str, int] = {}

    def allocate(label: str, sectors: int) -> None:
        if sectors == 0:
            starts[label] = ENDOFCHAIN
            return
        first = len(fat)
        starts[label] = first
        fat.extend(range(first + 1, first + sectors))
        fat.append(ENDOFCHAIN)

    allocate("dir", dir_sectors)
    for label, data in chunks[1:]:
        allocate(label, len(data) // SECTOR)
    fat.extend([FREESECT] * (fat_sectors * (SECTOR // 4) - len(fat)))

    links: dict[int, tuple[int, int]] = {}
    ids = list(range(1, len(names) + 1))
    top = _balanced(ids, links)
    directory = [_dir_entry("Root Entry", 5, starts["ministream"], len(mini_stream), child=top)]
    for i, name in enumerate(names, start=1):
        left, right = links[i]
        data = streams[name]
        start = mini_start[name] if name in mini_start else starts[name]
        directory.append(_dir_entry(name, 2, start, len(data), left=left, right=right))
    while len(directory) % 4:
        directory.append(_dir_entry("", 0, 0, 0))
    body = b"".join(directory)
    for _, data in chunks[1:]:
        body += data

    difat = list(range(fat_sectors)) + [FREESECT] * (109 - fat_sectors)
    header = (
        OLE_SIGNATURE
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack(
            "<IIIIIIIII",
            0,
            fat_sectors,
            starts["dir"],
            0,
            MINI_CUTOFF,
            starts["minifat"],
            len(mini_fat_bytes) // SECTOR,
            ENDOFCHAIN,
            0,
        )
        + struct.pack("<109I", *difat)
    )
    assert len(header) == SECTOR
    return header + struct.pack(f"<{len(fat)}I", *fat) + body


def encrypted_office_file() -> bytes:
    """What Word writes for a password-protected .docx: an OLE file, not a zip."""
    info = struct.pack("<HHI", 4, 4, 0x40) + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
        b'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" '
        b'saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>'
    )
    package = struct.pack("<Q", 6000) + bytes((i * 37 + 11) % 256 for i in range(6016))
    return build_cfb({"EncryptionInfo": info, "EncryptedPackage": package})


def legacy_word_file() -> bytes:
    """An OLE file shaped like a Word 97-2003 .doc (``WordDocument`` and ``1Table`` streams)."""
    fib = struct.pack("<HH", 0xA5EC, 0x00C1) + b"\0" * 5000
    return build_cfb({"WordDocument": fib, "1Table": b"\0" * 1024})


def _zip_headers(name: bytes, crc: int, compressed: int, size: int) -> tuple[bytes, bytes]:
    local = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, compressed, size, len(name), 0
    )
    central = struct.pack(
        "<IHHHHHHIIIHHHHHII",
        0x02014B50,
        20,
        20,
        0,
        8,
        0,
        0x21,
        crc,
        compressed,
        size,
        len(name),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    return local + name, central + name


def write_zeros_zip(
    path: Path,
    member: str,
    size: int,
    others: dict[str, bytes] | None = None,
    *,
    claimed_size: int | None = None,
) -> None:
    """A zip whose ``member`` inflates to ``size`` zero bytes (a multiple of 1 MiB).

    Each megabyte of zeros deflates to the same few hundred bytes after a full flush, so the
    member is written by repeating them: no gigabyte ever passes through zlib. ``claimed_size``
    puts another size in the member's headers (a zip that understates what it inflates to).
    """
    chunk = 1024 * 1024
    assert size % chunk == 0 and size < 2**32
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    segment = compressor.compress(b"\0" * chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush(zlib.Z_FINISH)
    zeros = b"\0" * chunk
    crc = 0
    for _ in range(size // chunk):
        crc = zlib.crc32(zeros, crc)
    compressed = len(segment) * (size // chunk) + len(tail)

    stated = size if claimed_size is None else claimed_size
    entries = [(member.encode(), crc, compressed, stated, None)]
    for name, data in (others or {}).items():
        deflated = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = deflated.compress(data) + deflated.flush()
        entries.append((name.encode(), zlib.crc32(data), len(packed), len(data), packed))

    centrals: list[bytes] = []
    with path.open("wb") as out:
        for name, crc_value, compressed_size, plain_size, packed in entries:
            offset = out.tell()
            local, central = _zip_headers(name, crc_value, compressed_size, plain_size)
            out.write(local)
            if packed is None:
                for _ in range(size // chunk):
                    out.write(segment)
                out.write(tail)
            else:
                out.write(packed)
            centrals.append(central[:42] + struct.pack("<I", offset) + central[46:])
        start = out.tell()
        directory = b"".join(centrals)
        out.write(directory)
        out.write(
            struct.pack(
                "<IHHHHIIH",
                0x06054B50,
                0,
                0,
                len(centrals),
                len(centrals),
                len(directory),
                start,
                0,
            )
        )


def write_docx(path: Path, paragraphs: list[str], *, heading: str | None = None) -> Path:
    """A real .docx through python-docx: an optional level-1 heading, then the paragraphs."""
    import docx

    document = docx.Document()
    if heading is not None:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path

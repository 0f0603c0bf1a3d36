"""What is this file? Decide from its first bytes, not only from its name.

Drafts travel through e-mail and shared drives and get renamed: a ``.docx`` may be an old
``.doc``, an encrypted package, a text file or half a download. Sniffing first lets each case get
the advice that fits it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from caselint.readers.errors import ReadError

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_MAGIC = b"{\\rtf"

DOCX_SUFFIXES = frozenset({".docx", ".docm", ".dotx", ".dotm"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
LEGACY_SUFFIXES = frozenset({".doc", ".wps", ".rtf", ".odt", ".dot", ".wpt"})
SUPPORTED_SUFFIXES = DOCX_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES | LEGACY_SUFFIXES

MIB = 1024 * 1024
DEFAULT_MAX_FILE_BYTES = 50 * MIB


class Kind(str, Enum):
    DOCX = "docx"
    MARKDOWN = "markdown"
    TEXT = "text"
    LEGACY = "legacy"


@dataclass(frozen=True)
class Sniffed:
    kind: Kind
    data: bytes


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bytes:
    """Read a whole input file once, refusing empty, oversized and unreadable files."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError("too-large", size=round(size / MIB, 1), limit=round(max_bytes / MIB))
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError("missing") from exc
    except PermissionError as exc:
        raise ReadError("permission") from exc
    except IsADirectoryError as exc:
        raise ReadError("os-error", detail="is a directory") from exc
    except OSError as exc:
        raise ReadError("os-error", detail=exc.strerror or str(exc)) from exc
    if not data:
        raise ReadError("empty")
    return data


def sniff(path: Path, data: bytes) -> Kind:
    """The reader for ``data``; raise :class:`ReadError` with advice when none fits."""
    suffix = path.suffix.lower()
    head = data[:8]
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(suffix, data)
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        if suffix in (".odt", ".wps"):
            return Kind.LEGACY
        if suffix in DOCX_SUFFIXES:
            return Kind.DOCX
        if suffix in MARKDOWN_SUFFIXES | TEXT_SUFFIXES:
            raise ReadError("binary", suffix=suffix)
        raise ReadError("unsupported", suffix=suffix or "(无扩展名)")
    if head.startswith(RTF_MAGIC):
        return Kind.LEGACY
    if suffix in DOCX_SUFFIXES:
        raise ReadError("not-zip")
    if suffix in LEGACY_SUFFIXES:
        return Kind.LEGACY
    if suffix in MARKDOWN_SUFFIXES:
        return Kind.MARKDOWN
    if suffix in TEXT_SUFFIXES:
        return Kind.TEXT
    raise ReadError("unsupported", suffix=suffix or "(无扩展名)")


def _sniff_ole(suffix: str, data: bytes) -> Kind:
    """Tell an encrypted OOXML package from a legacy binary document."""
    import io

    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(entry).lower() for entry in ole.listdir()}
    except (OSError, ValueError) as exc:  # olefile raises OSError subclasses on damage
        raise ReadError("corrupt-zip", detail=f"OLE: {exc}") from exc
    if "encryptedpackage" in streams or "encryptioninfo" in streams:
        raise ReadError("encrypted")
    if suffix in DOCX_SUFFIXES:
        raise ReadError("legacy-misnamed", suffix=suffix)
    if suffix in MARKDOWN_SUFFIXES | TEXT_SUFFIXES:
        raise ReadError("binary", suffix=suffix)
    return Kind.LEGACY

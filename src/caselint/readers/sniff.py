"""What is this file? Decide from its first bytes, not only from its name.

Drafts travel through e-mail and shared drives and get renamed: a ``.docx`` may be an old
``.doc``, an encrypted package, a text file or half a download. Sniffing first lets each case get
the advice that fits it.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from caselint.core.read_error import ReadError
from caselint.core.readfile import read_regular

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_MAGIC = b"{\\rtf"
ODF_MIMETYPE = b"application/vnd.oasis.opendocument"

DOCX_SUFFIXES = frozenset({".docx", ".docm", ".dotx", ".dotm"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
LEGACY_SUFFIXES = frozenset({".doc", ".wps", ".rtf", ".odt", ".dot", ".wpt"})
#: Legacy formats stored in an OLE compound file (Word 97-2003, WPS, their templates).
_OLE_LEGACY_SUFFIXES = frozenset({".doc", ".wps", ".dot", ".wpt"})
SUPPORTED_SUFFIXES = DOCX_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES | LEGACY_SUFFIXES

MIB = 1024 * 1024
DEFAULT_MAX_FILE_BYTES = 50 * MIB


class Kind(str, Enum):
    DOCX = "docx"
    MARKDOWN = "markdown"
    TEXT = "text"
    LEGACY = "legacy"


def read_bytes(path: Path, max_bytes: int | None = None, *, root: Path | None = None) -> bytes:
    """Read a whole input file once, refusing empty, oversized and unreadable files.

    Only a regular file is read (:func:`caselint.core.readfile.read_regular`): a FIFO, device or
    socket, or a symlink that loops or leaves ``root`` (the case folder, by default the file's
    own folder), is refused before anything is read. ``max_bytes`` defaults to
    :data:`DEFAULT_MAX_FILE_BYTES`, looked up at call time.
    """
    limit = DEFAULT_MAX_FILE_BYTES if max_bytes is None else max_bytes
    data = read_regular(path, limit, root=root if root is not None else path.parent)
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
        return _sniff_zip(suffix, data)
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
    raise ReadError("unsupported", suffix=suffix)


def legacy_format(path: Path, data: bytes) -> str:
    """The extension LibreOffice should see for a file :func:`sniff` called legacy.

    The content decides over the name: an RTF file saved as ``.docx`` converts (and is reported)
    as ``.rtf``, and an old Word file renamed ``.rtf`` or ``.odt`` as ``.doc``.
    """
    suffix = path.suffix.lower()
    if data.startswith(RTF_MAGIC):
        return ".rtf"
    if data.startswith(OLE_MAGIC):
        return suffix if suffix in _OLE_LEGACY_SUFFIXES else ".doc"
    if _is_opendocument(data):
        return ".odt"
    return suffix if suffix in LEGACY_SUFFIXES else ".doc"


def _is_opendocument(data: bytes) -> bool:
    """An OpenDocument package: its first entry is ``mimetype`` naming the ODF type."""
    return data[30:38] == b"mimetype" and ODF_MIMETYPE in data[38:120]


def _sniff_zip(suffix: str, data: bytes) -> Kind:
    """A zip named as a draft is a .docx, unless it is an OpenDocument or WPS package.

    Word opens a .docx renamed ``.doc`` or ``.rtf`` without complaint, so caselint reads it too.
    """
    if suffix in MARKDOWN_SUFFIXES | TEXT_SUFFIXES:
        raise ReadError("binary", suffix=suffix)
    if suffix not in DOCX_SUFFIXES | LEGACY_SUFFIXES:
        raise ReadError("unsupported", suffix=suffix)
    if suffix in (".odt", ".wps") or _is_opendocument(data):
        return Kind.LEGACY
    return Kind.DOCX


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
    if suffix not in LEGACY_SUFFIXES:
        # An Excel or PowerPoint file (or anything else in an OLE container) is not a draft;
        # LibreOffice would fail to turn it into .docx after a slow start.
        raise ReadError("unsupported", suffix=suffix)
    return Kind.LEGACY

"""Turn any draft into a :class:`~caselint.core.model.Document`, or a :class:`ReadError` saying why not.

Readers know nothing of rule packs or checks: they only report what the file says. Format
libraries are imported on demand, so reading a .docx never loads the Markdown parser or the
encoding detector.
"""

from __future__ import annotations

import hashlib
import zlib
from pathlib import Path

from caselint.core.model import Document
from caselint.core.read_error import ReadError
from caselint.readers.sniff import (
    DEFAULT_MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    Kind,
    legacy_format,
    read_bytes,
)
from caselint.readers.sniff import sniff as detect_kind  # keeps ``readers.sniff`` the module

__all__ = ["DEFAULT_MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "ReadError", "read_document"]


def _read_docx(path: Path, data: bytes) -> Document:
    """The .docx reader, with a damaged deflate stream reported as a damaged file.

    ``zipfile`` raises ``zlib.error`` (neither ``BadZipFile`` nor ``OSError``) when a member's
    compressed data is corrupt; it means the same to the user as any other broken zip.
    """
    from caselint.readers.docx import read_docx

    try:
        return read_docx(str(path), data)
    except zlib.error as exc:
        raise ReadError("corrupt-zip", detail=str(exc)) from exc


def read_document(
    path: Path, *, max_bytes: int | None = None, root: Path | None = None
) -> Document:
    """Read one draft from disk; every failure is a :class:`ReadError`.

    ``max_bytes`` caps the file size (default :data:`DEFAULT_MAX_FILE_BYTES`); ``root`` is the
    case folder a symlinked draft must stay inside (default: the draft's own folder). The
    document records the SHA-256 of the bytes it was read from (the cache keys results on it).
    """
    data = read_bytes(path, max_bytes, root=root)
    document = _parse(path, data)
    document.sha256 = hashlib.sha256(data).hexdigest()
    return document


def _parse(path: Path, data: bytes) -> Document:
    kind = detect_kind(path, data)
    if kind is Kind.DOCX:
        return _read_docx(path, data)
    if kind is Kind.LEGACY:
        from caselint.readers.legacy import convert_to_docx

        source_format = legacy_format(path, data)
        document = _read_docx(path, convert_to_docx(path, data, source_format))
        document.converted_from = source_format
        return document
    from caselint.core.encoding import decode

    text, encoding = decode(data, path)
    if kind is Kind.MARKDOWN:
        from caselint.readers.markdown import read_markdown_text

        return read_markdown_text(text, path, encoding)
    from caselint.readers.text import read_plain_text

    return read_plain_text(text, path, encoding)


def read_or_error(
    path: Path, *, max_bytes: int | None = None, root: Path | None = None, debug: bool = False
) -> Document | ReadError:
    """Read a draft, turning any failure into a :class:`ReadError` instead of raising.

    A reader bug on one odd draft must not cost a provincial office the results of the other
    forty: unexpected exceptions become an ``internal`` read error naming the exception, unless
    ``debug`` asks for the traceback. Nesting deep enough to exhaust Python's stack (tables in
    tables hundreds of levels down) is the file's problem, not a bug: ``too-deep``.
    """
    try:
        return read_document(path, max_bytes=max_bytes, root=root)
    except ReadError as error:
        return error
    except RecursionError:
        return ReadError("too-deep")
    except Exception as exc:
        if debug:
            raise
        return ReadError("internal", detail=repr(exc))

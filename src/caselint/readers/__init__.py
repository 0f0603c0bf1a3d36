"""Turn any draft into a :class:`~caselint.model.Document`, or a :class:`ReadError` saying why not.

Readers know nothing of rule packs or checks: they only report what the file says. Format
libraries are imported on demand, so reading a .docx never loads the Markdown parser or the
encoding detector.
"""

from __future__ import annotations

from pathlib import Path

from caselint.model import Document
from caselint.readers.errors import ReadError
from caselint.readers.sniff import (
    DEFAULT_MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    Kind,
    read_bytes,
    sniff,
)

__all__ = ["SUPPORTED_SUFFIXES", "ReadError", "read_document"]


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Document:
    """Read one draft from disk; every failure is a :class:`ReadError`."""
    data = read_bytes(path, max_bytes)
    kind = sniff(path, data)
    if kind is Kind.DOCX:
        from caselint.readers.docx import read_docx

        return read_docx(str(path), data)
    if kind is Kind.LEGACY:
        from caselint.readers.docx import read_docx
        from caselint.readers.legacy import convert_to_docx

        document = read_docx(str(path), convert_to_docx(path, data))
        document.converted_from = path.suffix.lower()
        return document
    from caselint.readers.encoding import decode

    text, encoding = decode(data, path)
    if kind is Kind.MARKDOWN:
        from caselint.readers.markdown import read_markdown_text

        return read_markdown_text(text, path, encoding)
    from caselint.readers.text import read_plain_text

    return read_plain_text(text, path, encoding)

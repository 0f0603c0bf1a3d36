"""Read a plain-text draft: every non-empty line is a paragraph, as when pasted into Word."""

from __future__ import annotations

import re
from pathlib import Path

from caselint.core.model import Block, BlockKind, Document, Location

#: Windows (CRLF), Unix (LF) and classic Mac (CR) line ends, the ones Word's paste splits on.
_LINE_END = re.compile(r"\r\n|\r|\n")


def read_plain_text(text: str, path: Path, encoding: str | None) -> Document:
    """One paragraph block per non-empty line; ``Location.line`` is the 1-based line number.

    A line of nothing but spaces is kept: Word counts its spaces in 字符数(计空格), though not as
    a paragraph.
    """
    blocks = [
        Block(kind=BlockKind.PARAGRAPH, text=line, location=Location(line=number))
        for number, line in enumerate(_LINE_END.split(text), start=1)
        if line
    ]
    return Document(path=str(path), format="text", blocks=blocks, encoding=encoding)

"""Read a plain-text draft: every non-empty line is a paragraph, as when pasted into Word."""

from __future__ import annotations

from pathlib import Path

from caselint.model import Block, BlockKind, Document, Location


def read_plain_text(text: str, path: Path, encoding: str | None) -> Document:
    blocks = [
        Block(kind=BlockKind.PARAGRAPH, text=line.rstrip("\r"), location=Location(line=number))
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    ]
    return Document(path=str(path), format="text", blocks=blocks, encoding=encoding)

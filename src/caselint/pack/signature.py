"""What a part's text is, for comparing one reading with another: at packing and at ``verify``.

The signature of a part is what must survive any rewriting of its file — each counted block's
story, kind, heading level, numbering label, text and boldness — and its digest is what the
manifest records (``text_sha256``), so ``verify`` can tell a document whose text is the one
packed from one whose text was edited, whatever happened to the zip around it.
"""

from __future__ import annotations

import hashlib
import json

from caselint.core.model import INCLUSIVE_STORIES, Block, BlockKind, Story


def signature(blocks: list[Block]) -> list[tuple[object, ...]]:
    """What must survive a conversion: counted blocks' story, kind, level, label, text, bold."""
    out: list[tuple[object, ...]] = []
    for block in blocks:
        if block.story is not Story.MAIN and block.story not in INCLUSIVE_STORIES:
            continue
        if not (block.text.strip() or block.label):
            continue
        heading = block.kind is BlockKind.HEADING
        out.append(
            (
                block.story.value,
                block.kind.value,
                block.level if heading else None,
                block.label,
                block.text,
                None if heading else block.bold,
            )
        )
    return out


def text_digest(blocks: list[Block]) -> str:
    """SHA-256 of the signature, serialised canonically (UTF-8 JSON)."""
    data = json.dumps(signature(blocks), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()

"""Find a case's 综合材料 (summary) and 详细材料 (detailed) in its files.

Either one file holds both, each under a heading or title line naming it ("一、综合材料",
"附件2：详细材料", "XX案例详细材料"), or each file is one part and says so in its name
("…综合材料….docx"). The marker line itself and anything before the first marker (the case
title) belong to no part: they are not what is pasted into the platform's part fields. Nor do
headers, footers and comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from caselint.model import (
    PART_NAMES,
    UNCOUNTED_STORIES,
    Block,
    BlockKind,
    Document,
    PartName,
    Story,
)
from caselint.packfiles import PackLimits

if TYPE_CHECKING:
    from caselint.rulepack import RulePack

MAX_MARKER_CHARS = 40
_SENTENCE_END = re.compile(r"[。！？!?；;]\s*$")


@dataclass
class SplitDocument:
    """A document cut into its parts; ``how`` says what the cut was based on."""

    document: Document
    parts: dict[PartName, list[Block]] = field(default_factory=dict)
    markers: dict[PartName, Block] = field(default_factory=dict)
    how: str | None = None  # "heading", "filename" or None (no part recognised)


def part_from_name(path: str | Path, pack: RulePack | PackLimits) -> PartName | None:
    """The part a file name announces, when it names exactly one."""
    stem = Path(path).stem
    named = [p for p in PART_NAMES if any(alias in stem for alias in pack.parts[p].names)]
    return named[0] if len(named) == 1 else None


def _marker_part(block: Block, pack: RulePack | PackLimits) -> PartName | None:
    if block.story is not Story.MAIN or block.kind is BlockKind.TABLE_CELL:
        return None
    text = block.display_text.strip()
    if not text or len(text) > MAX_MARKER_CHARS or _SENTENCE_END.search(text):
        return None
    heading_like = block.kind is BlockKind.HEADING or block.bold or len(text) <= 20
    if not heading_like:
        return None
    named = [p for p in PART_NAMES if any(alias in text for alias in pack.parts[p].names)]
    return named[0] if len(named) == 1 else None


def split_document(document: Document, pack: RulePack | PackLimits) -> SplitDocument:
    """Assign every block to a part (see the module docstring)."""
    split = SplitDocument(document)
    current: PartName | None = None
    # Headers, footers and comments belong to no part: they are never counted, never pasted
    # into the platform, and a reviewer's comment must not satisfy (or fail) a check.
    content = [b for b in document.blocks if b.story not in UNCOUNTED_STORIES]
    for block in content:
        part = _marker_part(block, pack)
        if part is not None and part not in split.markers:
            split.markers[part] = block
            split.parts.setdefault(part, [])
            current = part
            continue
        if current is not None:
            split.parts[current].append(block)
    if split.markers:
        split.how = "heading"
        if len(split.markers) == 1:
            # A file titled "XX详细材料" is wholly that part, title line apart.
            only = next(iter(split.markers))
            named = part_from_name(document.path, pack)
            if named not in (None, only):
                split.parts = {named: content}
                split.markers = {}
                split.how = "filename"
        return split
    named = part_from_name(document.path, pack)
    if named is not None:
        split.parts[named] = content
        split.how = "filename"
    return split

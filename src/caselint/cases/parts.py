"""Find a case's 综合材料 (summary) and 详细材料 (detailed) in its files.

Either one file holds both, each under a heading or title line naming it ("一、综合材料",
"附件2：详细材料", "XX案例详细材料"), or each file is one part and says so in its name
("…综合材料….docx", "…-综合.docx", "summary.md", "zonghe.docx") or in its front matter or
custom properties (``part: 综合材料``; also ``material``, ``部分``, ``材料类型``). The marker line itself and anything before the first marker (the case
title) belong to no part: they are not what is pasted into the platform's part fields. Nor do
headers, footers and comments.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from caselint.core.model import (
    PART_NAMES,
    UNCOUNTED_STORIES,
    Block,
    BlockKind,
    Document,
    PartName,
    Story,
)
from caselint.rulepack.files import PackLimits

if TYPE_CHECKING:
    from caselint.rulepack.pack import RulePack

MAX_MARKER_CHARS = 40
_SENTENCE_END = re.compile(r"[。！？!?；;]\s*$")


@dataclass
class SplitDocument:
    """A document cut into its parts; ``how`` says what the cut was based on."""

    document: Document
    parts: dict[PartName, list[Block]] = field(default_factory=dict)
    markers: dict[PartName, Block] = field(default_factory=dict)
    how: str | None = None  # "heading", "filename", "metadata" or None (no part recognised)


_WORDS = re.compile(r"[\s_\-—–·.、，,()（）\[\]【】:：;；]+")
#: Front-matter / custom-property keys that say which part a document is.
PART_KEYS = ("part", "material", "部分", "材料类型", "材料")


def _short_name(stem: str, alias: str) -> bool:
    """A short part name (综合, summary) as a word of a file name or at its end."""
    folded, wanted = stem.casefold(), alias.casefold()
    words = [w for w in _WORDS.split(folded) if w]
    if wanted in words:
        return True
    return not wanted.isascii() and folded.endswith(wanted)


def part_from_name(path: str | Path, pack: RulePack | PackLimits) -> PartName | None:
    """The part a file name announces (…综合材料…, …-综合, summary.md), when it names one."""
    stem = Path(path).stem
    named = [p for p in PART_NAMES if any(alias in stem for alias in pack.parts[p].names)]
    if not named:
        named = [
            p
            for p in PART_NAMES
            if any(_short_name(stem, alias) for alias in pack.parts[p].file_aliases)
        ]
    return named[0] if len(named) == 1 else None


def part_from_value(value: object, pack: RulePack | PackLimits) -> PartName | None:
    """The part a metadata value names: 综合材料, 详细, summary …"""
    text = str(value or "").strip().casefold()
    if not text:
        return None
    for name in PART_NAMES:
        part = pack.parts[name]
        spellings = [name, *part.names, *part.file_aliases]
        if any(text == s.casefold() for s in spellings):
            return name
    return None


def part_from_metadata(metadata: dict, pack: RulePack | PackLimits) -> PartName | None:
    """The part a document's front matter or custom properties declare (``part: 综合材料``)."""
    for key, value in metadata.items():
        if "".join(str(key).split()).casefold() in PART_KEYS:
            found = part_from_value(value, pack)
            if found is not None:
                return found
    return None


_TRAILING_NOTE = re.compile(r"\s*[（(][^）)]*[）)]\s*$")
_REFERENCE = re.compile(r"[见附详参]|如下|后附")
_LABEL = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|附件\s*\d*\s*[：:、.．]?|第[一二三四五六七八九十]+部分[：:、]?)\s*"
)


def _marker_part(block: Block, pack: RulePack | PackLimits) -> tuple[PartName, int] | None:
    """The part a line opens, and how strongly it reads as a heading (2 style, 1 bold, 0 line).

    The line must *end* with the part's name (「一、综合材料」「XX案例详细材料」「综合材料（800字）」),
    so 「（数据详见详细材料）」, a reference inside the summary, is not taken for a heading.
    """
    if block.story is not Story.MAIN or block.kind is BlockKind.TABLE_CELL:
        return None
    text = block.display_text.strip()
    if not text or len(text) > MAX_MARKER_CHARS or _SENTENCE_END.search(text):
        return None
    strength = 2 if block.kind is BlockKind.HEADING else 1 if block.bold else 0
    if strength == 0 and len(text) > 20:
        return None
    core = _TRAILING_NOTE.sub("", text).rstrip("：:　 ")
    named = [p for p in PART_NAMES if any(core.endswith(alias) for alias in pack.parts[p].names)]
    if len(named) != 1:
        return None
    alias = next(a for a in pack.parts[named[0]].names if core.endswith(a))
    lead = _LABEL.sub("", core[: len(core) - len(alias)])
    others = [p for p in PART_NAMES if p != named[0]]
    if _REFERENCE.search(lead) or any(a in lead for p in others for a in pack.parts[p].names):
        return None  # 「详见详细材料」 refers; 「综合材料和详细材料」 titles the whole file
    return named[0], strength


def split_document(document: Document, pack: RulePack | PackLimits) -> SplitDocument:
    """Assign every block to a part (see the module docstring), and number its paragraphs
    from the part's start (``Location.part_paragraph``).

    When a part is named by several lines, the one that reads most like a heading wins (a Word
    heading over a bold line over a plain short line), the first among equals.
    """
    split = _split(document, pack)
    for blocks in split.parts.values():
        number_within_part(blocks)
    return split


def number_within_part(blocks: list[Block]) -> None:
    """第1段 is the part's first paragraph: a detailed part that starts at the file's 40th
    paragraph counts its own from one, as the person reading it does."""
    numbers = [
        b.location.paragraph
        for b in blocks
        if b.story is Story.MAIN and b.location.paragraph is not None
    ]
    if not numbers:
        return
    before = min(numbers) - 1
    for block in blocks:
        if block.location.paragraph is not None:
            block.location.part_paragraph = max(1, block.location.paragraph - before)


def _split(document: Document, pack: RulePack | PackLimits) -> SplitDocument:
    split = SplitDocument(document)
    # Headers, footers and comments belong to no part: they are never counted, never pasted
    # into the platform, and a reviewer's comment must not satisfy (or fail) a check.
    content = [b for b in document.blocks if b.story not in UNCOUNTED_STORIES]
    best: dict[PartName, tuple[int, int]] = {}  # part -> (strength, index)
    for index, block in enumerate(content):
        found = _marker_part(block, pack)
        if found is not None:
            part, strength = found
            if part not in best or strength > best[part][0]:
                best[part] = (strength, index)
    starts = {index: part for part, (_, index) in best.items()}
    current: PartName | None = None
    for index, block in enumerate(content):
        if index in starts:
            current = starts[index]
            split.markers[current] = block
            split.parts[current] = []
            continue
        if current is not None:
            split.parts[current].append(block)
    declared = part_from_metadata(document.metadata, pack)
    if declared is not None and len(split.markers) < 2:
        # front matter ``part: 综合材料`` (or a custom property): the whole file is that part
        return SplitDocument(document, {declared: content}, {}, "metadata")
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


#: Bytes read of a Markdown/text file, and of a .docx's custom properties, to peek at its part.
PEEK_BYTES = 64 * 1024


def peek_part(path: Path, pack: RulePack | PackLimits) -> PartName | None:
    """The part a file is, from its name or its declared ``part`` — without reading it whole
    (discovery decides which files form a case before any is read)."""
    named = part_from_name(path, pack)
    if named is not None:
        return named
    try:
        if path.suffix.lower() == ".docx":
            with zipfile.ZipFile(path) as archive:
                info = archive.getinfo("docProps/custom.xml")
                if info.file_size > PEEK_BYTES:
                    return None
                text = archive.read(info).decode("utf-8", "replace")
            pairs = re.findall(r'name="([^"]+)"[^>]*>\s*<[^>]+>([^<]*)<', text)
            return part_from_metadata(dict(pairs), pack)
        if path.suffix.lower() in (".md", ".markdown", ".txt"):
            with path.open("rb") as handle:
                head = handle.read(PEEK_BYTES).decode("utf-8", "replace").lstrip("\ufeff")
            match = re.match(r"---\s*\n(.*?)\n---", head, re.DOTALL)
            if match:
                pairs = re.findall(r"^\s*([^:#\n]+?)\s*:\s*(.+?)\s*$", match.group(1), re.MULTILINE)
                return part_from_metadata({k: v.strip("'\"") for k, v in pairs}, pack)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None
    return None

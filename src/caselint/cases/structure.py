"""Headings of a part, and which required element each of them names.

Drafts mark their element headings every way Word and WPS allow: heading styles, automatic
numbering, typed labels (一、 （一） 1. 第一部分 ①), bold lines, Markdown ``#``, or a run-in
heading that opens a paragraph ("一、基本情况。本台……"). Headings are reworded freely
(「存在的困难与对策」 is element 5), so an element is recognised by its keywords — matched as whole
jieba words — and each heading is assigned to at most one element, top-level headings first.
Keywords count as whole words or as the head or tail of a compound jieba keeps whole (取得成效),
never when buried inside another word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from caselint.core.model import Block, BlockKind, Story
from caselint.text import nlp

if TYPE_CHECKING:
    from caselint.rulepack.pack import Category, Element

MAX_HEADING_CHARS = 40
MAX_RUN_IN_CHARS = 30
KEYWORD_WEIGHT = 2
RELATED_WEIGHT = 1
MIN_SCORE = 2

_CN = "一二三四五六七八九十"
_NUMBERING = [
    (1, re.compile(rf"^\s*[{_CN}]+\s*[、.．，,]\s*")),
    (1, re.compile(rf"^\s*第[{_CN}]+(?:部分|章|节|条|点)?\s*[、.．：:，,]?\s*")),
    (2, re.compile(rf"^\s*[（(]\s*[{_CN}]+\s*[）)]\s*[、.．]?\s*")),
    (3, re.compile(r"^\s*[0-9０-９]{1,2}\s*[、.．](?![0-9０-９])\s*")),
    (4, re.compile(r"^\s*[（(]\s*[0-9０-９]{1,2}\s*[）)]\s*")),
    (4, re.compile(r"^\s*[①-⑳]\s*")),
]
_SENTENCE_END = re.compile(r"[。！？!?；;]\s*$")
_RUN_IN_END = re.compile(r"[。：:！？!?；;]")


@dataclass(frozen=True)
class Heading:
    """A line that reads as a heading: its text without label, level and position."""

    index: int  # position of the block in the part's block list
    block: Block
    text: str
    level: int
    run_in: bool = False


@dataclass(frozen=True)
class ElementMatch:
    element: Element
    heading: Heading
    score: int


@dataclass
class Outline:
    """The element headings of one part."""

    blocks: list[Block]
    headings: list[Heading]
    matches: dict[int, ElementMatch] = field(default_factory=dict)

    @cached_property
    def order(self) -> list[ElementMatch]:
        return sorted(self.matches.values(), key=lambda m: m.heading.index)

    def unmatched_top_headings(self) -> list[Heading]:
        """Top-level headings no element claimed: perhaps an element worded unrecognisably."""
        if not self.headings:
            return []
        top = min(h.level for h in self.headings)
        taken = {m.heading.index for m in self.matches.values()}
        return [h for h in self.headings if h.level == top and h.index not in taken]

    def section(self, n: int) -> list[Block]:
        """Blocks under element ``n``'s heading; a run-in heading's own paragraph included."""
        match = self.matches.get(n)
        if match is None:
            return []
        heading = match.heading
        out = [heading.block] if heading.run_in else []
        stops = {h.index for h in self.headings if h.level <= heading.level}
        stops |= {m.heading.index for m in self.matches.values()}
        for i in range(heading.index + 1, len(self.blocks)):
            if i in stops:
                break
            out.append(self.blocks[i])
        return out


def body_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks that carry text beyond headings (body paragraphs, list items, table cells)."""
    return [
        b
        for b in blocks
        if b.text.strip() and not b.heading_like and b.kind is not BlockKind.HEADING
    ]


def _strip_label(text: str) -> tuple[str, int | None]:
    for level, pattern in _NUMBERING:
        match = pattern.match(text)
        if match and match.end() < len(text):
            return text[match.end() :].strip(), level
    return text.strip(), None


def find_headings(blocks: list[Block]) -> list[Heading]:
    """Every line of the part that reads as a heading (see the module docstring)."""
    found: list[Heading] = []
    for index, block in enumerate(blocks):
        if block.story is not Story.MAIN or block.kind is BlockKind.TABLE_CELL:
            continue
        display = block.display_text.strip()
        if not display:
            continue
        text, numbered_level = _strip_label(display)
        short = len(display) <= MAX_HEADING_CHARS and not _SENTENCE_END.search(display)
        if block.kind is BlockKind.HEADING and block.level:
            found.append(Heading(index, block, text, block.level))
        elif numbered_level is not None and short:
            found.append(Heading(index, block, text, numbered_level + 1))
        elif block.bold and short:
            found.append(Heading(index, block, text, 2))
        elif numbered_level is not None:
            end = _RUN_IN_END.search(text)
            if end and 0 < end.start() <= MAX_RUN_IN_CHARS:
                found.append(Heading(index, block, text[: end.start()], numbered_level + 1, True))
    return found


def mark_headings(blocks: list[Block]) -> None:
    """Mark heading-like lines and give every block its nearest heading as location.

    Readers know only styled headings (Word heading styles, Markdown ``#``); drafts as often
    head their sections with bold or numbered lines. Findings then say 「二、主要做法」 whatever
    the style, and checks can tell a heading from a sentence.
    """
    main = [b for b in blocks if b.story is Story.MAIN]
    starts = {h.index: h for h in find_headings(main)}
    current: str | None = None
    for index, block in enumerate(main):
        heading = starts.get(index)
        if heading is not None and not heading.run_in:
            block.heading_like = True
            current = block.display_text.strip()
            continue
        if heading is not None:  # 「（二）就近服务。……」 heads its own paragraph and what follows
            display = block.display_text.strip()
            end = display.find(heading.text)
            current = display[: end + len(heading.text)] if end >= 0 else heading.text.strip()
        if block.location.heading is None or current is not None:
            block.location.heading = current


def _word_hits(text: str, words: list[str], bounds: frozenset[int]) -> int:
    """Distinct ``words`` found in ``text`` as a word or as the head or tail of a compound.

    jieba keeps compounds whole (取得成效, 社会效益, 发展潜力), so a keyword may end or start
    a longer word; a keyword buried inside a word on both sides is not a match.
    """
    hits = 0
    for word in words:
        start = text.find(word)
        while start >= 0:
            if start in bounds or start + len(word) in bounds:
                hits += 1
                break
            start = text.find(word, start + 1)
    return hits


def score(heading_text: str, element: Element) -> int:
    """How strongly a heading names an element: keywords count 2, related words 1."""
    bounds = nlp.boundaries(heading_text)
    return KEYWORD_WEIGHT * _word_hits(heading_text, element.keywords, bounds) + (
        RELATED_WEIGHT * _word_hits(heading_text, element.related, bounds)
    )


def outline(blocks: list[Block], category: Category) -> Outline:
    """Assign headings to elements: shallowest level first, then score, then position."""
    headings = find_headings(blocks)
    result = Outline(blocks, headings)
    if not headings:
        return result
    top = min(h.level for h in headings)
    ranks = {h.index: rank for rank, h in enumerate(x for x in headings if x.level == top)}
    pairs = []
    for heading in headings:
        for element in category.elements:
            value = score(heading.text, element)
            if value >= MIN_SCORE:
                rank = ranks.get(heading.index, len(ranks))
                pairs.append((heading.level, -value, abs(rank - (element.n - 1)), heading, element))
    used: set[int] = set()
    for _, neg_score, _, heading, element in sorted(pairs, key=lambda p: p[:3]):
        if element.n in result.matches or heading.index in used:
            continue
        result.matches[element.n] = ElementMatch(element, heading, -neg_score)
        used.add(heading.index)
    return result

"""Headings of a part, and which required element each of them names.

Drafts mark their element headings every way Word and WPS allow: heading styles, outline
levels, automatic numbering, typed labels (一、 （一） 1. 第一， 第一部分 ①), bold lines, a bold
opening of a paragraph ("**成效反响。**2024年……"), Markdown ``#``, a run-in heading that opens a
paragraph ("一、基本情况。本台……", "一、基本情况" and the text after a line break), or
sequence words that open paragraphs in turn (首先，…其次，…). Headings are reworded freely
(「存在的困难与对策」 is element 5), so an element is recognised by its keywords — matched as whole
jieba words — top-level headings first. Keywords count as whole words or as the head or tail of a
compound jieba keeps whole (取得成效), never when buried inside another word.

A heading that joins two elements (「三、成效反响与推广价值」) counts for both: each of its
segments (split at 与 及 和 、 …) is read on its own.

How deep a heading sits is read from how it is marked, in the order the marks first appear in
the part: a Heading 3 「二、主要创新做法」 followed by paragraphs opening 「（一）重构首页。……」 has
those run-in points below it, not beside it. Heading styles keep their own order among
themselves. A heading nested under another element's heading belongs to that element's section:
「（二）破解群众办事难问题」 under 「二、主要做法」 is a practice, never element 5.

An element with no heading is missing when the summary heads the others (a reviewer looks for
each heading). Only a summary with few element headings may carry an element in a paragraph
that opens by naming it as its topic (「该模式可复制、可推广，……」「下一步，……」); an opening that
states a purpose, a target or a circumstance (「针对……问题，」「对群众反映的问题，」「在解决……的
过程中，」) or uses the keyword as a verb (「学习借鉴先进地区，」) supports nothing (the pack's
``[structure]`` lists). In a headed summary such a paragraph, or a nested heading naming the
element, is only a hint the finding quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from caselint.core.model import Block, BlockKind, Story
from caselint.text import nlp

if TYPE_CHECKING:
    from caselint.rulepack.pack import Category, Element, Structure

MAX_HEADING_CHARS = 40
MAX_RUN_IN_CHARS = 30
KEYWORD_WEIGHT = 2
RELATED_WEIGHT = 1
MIN_SCORE = 2
#: How much of a run-in heading's paragraph is shown as its heading.
MAX_SHOWN_CHARS = 20

_CN = "一二三四五六七八九十"
_NUMBERING = [
    (1, re.compile(rf"^\s*[{_CN}]+\s*[、.．，,]\s*")),
    (1, re.compile(rf"^\s*第[{_CN}]+(?:部分|章|节|条|点)?\s*[、.．：:，,]?\s*")),
    (2, re.compile(rf"^\s*[（(]\s*[{_CN}]+\s*[）)]\s*[、.．]?\s*")),
    (3, re.compile(r"^\s*[0-9０-９]{1,2}\s*[、.．](?![0-9０-９])\s*")),
    (4, re.compile(r"^\s*[（(]\s*[0-9０-９]{1,2}\s*[）)]\s*")),
    (4, re.compile(r"^\s*[①-⑳]\s*")),
]
#: Sequence words that open paragraphs in turn (首先，…其次，…最后，): labels of prose drafts.
_SEQUENCE = re.compile(r"^\s*(首先|其次|再次|再者|然后|此外|另外|最后)\s*[，,、：:]\s*")
MIN_SEQUENCE = 2
MAX_LEAD_CLAUSE = 18
_SENTENCE_END = re.compile(r"[。！？!?；;]\s*$")
_RUN_IN_END = re.compile(r"[。：:！？!?；;\n]")
_CLAUSE_END = re.compile(r"[，,。：:！？!?；;\n]")
#: Where a heading joins elements: 「成效反响与推广价值」 is two segments.
_JOINERS = re.compile(r"[、，,；;/／]|以及|及其|及|与|和|暨|并且|并")
#: A negated word names nothing: 「在不突破编制总量的前提下」 is not about 突破.
_NEGATED = re.compile(r"[不未无没非][\u4e00-\u9fff]{1,2}")
_PARENTHESES = re.compile(r"[（(][^）)]*[）)]")


#: How a heading is marked: ("label", 1) for 一、/第一，, ("label", 2) for （一） …, ("style", n)
#: for a heading style or outline level without a label, ("bold",), ("bold-lead",), ("sequence",).
Kind = tuple


@dataclass(frozen=True)
class Heading:
    """A line that reads as a heading: its text without label, depth (1 shallowest) and place."""

    index: int  # position of the block in the part's block list
    block: Block
    text: str
    level: int
    run_in: bool = False
    kind: Kind = ()

    @property
    def shown(self) -> str:
        """The heading as a reader names it: the line, or a run-in heading's label and words
        without the paragraph they open (「（一）重构首页」, not the whole paragraph)."""
        display = self.block.display_text.strip()
        if not self.run_in:
            return display
        end = display.find(self.text)
        shown = display[: end + len(self.text)] if end >= 0 and self.text else self.text
        shown = shown.strip()
        return shown if len(shown) <= MAX_SHOWN_CHARS else shown[:MAX_SHOWN_CHARS] + "…"


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

    #: Elements present in the text without a heading of their own: n → the paragraph.
    content: dict[int, Block] = field(default_factory=dict)
    #: For elements missing from a headed summary: what seems to touch on them (a heading
    #: nested in another element's section, or a paragraph naming them) — quoted, not counted.
    hints: dict[int, Block] = field(default_factory=dict)
    #: The heading a hint sits under, when the hint is a nested heading.
    hint_parents: dict[int, Heading] = field(default_factory=dict)
    #: Whether the part has headings: any besides sequence words (首先，…其次，…), or sequence
    #: words naming enough of its elements.
    headed: bool = True

    @cached_property
    def order(self) -> list[ElementMatch]:
        return sorted(self.matches.values(), key=lambda m: (m.heading.index, m.element.n))

    def top_headings(self) -> list[Heading]:
        """The headings of the shallowest level: the ones a reviewer reads as the outline."""
        if not self.headings:
            return []
        top = min(h.level for h in self.headings)
        return [h for h in self.headings if h.level == top]

    def elements_of(self, heading: Heading) -> list[int]:
        """The elements a heading was taken for (two for a merged heading)."""
        return sorted(n for n, m in self.matches.items() if m.heading.index == heading.index)

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


def _sequence_openers(blocks: list[Block]) -> set[int]:
    """Indexes of paragraphs opened by sequence words, when at least two different ones take
    turns (a lone 最后， in a paragraph is prose, not a label)."""
    found: dict[int, str] = {}
    for index, block in enumerate(blocks):
        if block.story is Story.MAIN and block.kind is not BlockKind.TABLE_CELL:
            match = _SEQUENCE.match(block.display_text)
            if match:
                found[index] = match.group(1)
    return set(found) if len(set(found.values())) >= MIN_SEQUENCE else set()


def _bold_lead(block: Block) -> str | None:
    """The bold opening of a paragraph (「**成效反响。**2024年…」) when it is short."""
    if not block.bold_lead:
        return None
    lead = block.text[: block.bold_lead].strip()
    end = _RUN_IN_END.search(lead)
    if end:
        lead = lead[: end.start()]
    lead = lead.strip()
    return lead if 0 < len(lead) <= MAX_RUN_IN_CHARS else None


def _marks(blocks: list[Block]) -> list[tuple[int, Block, str, Kind, bool]]:
    """(index, block, heading text, kind, run-in) of every line that reads as a heading."""
    found: list[tuple[int, Block, str, Kind, bool]] = []
    sequence = _sequence_openers(blocks)
    for index, block in enumerate(blocks):
        if block.story is not Story.MAIN or block.kind is BlockKind.TABLE_CELL:
            continue
        display = block.display_text.strip()
        if not display:
            continue
        text, numbered_level = _strip_label(display)
        short = (
            len(display) <= MAX_HEADING_CHARS
            and not _SENTENCE_END.search(display)
            and "\n" not in display
        )
        lead = _bold_lead(block)
        label: Kind | None = ("label", numbered_level) if numbered_level is not None else None
        if block.kind is BlockKind.HEADING and block.level:
            found.append((index, block, text, label or ("style", block.level), False))
        elif label is not None and short:
            found.append((index, block, text, label, False))
        elif block.bold and short:
            found.append((index, block, text, ("bold",), False))
        elif lead is not None:
            heading_text, lead_level = _strip_label(lead)
            kind = ("label", lead_level) if lead_level is not None else ("bold-lead",)
            found.append((index, block, heading_text, kind, True))
        elif label is not None:
            end = _RUN_IN_END.search(text)
            if end and 0 < end.start() <= MAX_RUN_IN_CHARS:
                found.append((index, block, text[: end.start()], label, True))
        elif index in sequence:
            rest = _SEQUENCE.sub("", display, count=1)
            end = _CLAUSE_END.search(rest)
            if end and 0 < end.start() <= MAX_RUN_IN_CHARS:
                found.append((index, block, rest[: end.start()], ("sequence",), True))
    return found


def _depths(kinds: list[Kind]) -> dict[Kind, int]:
    """Depth of each kind of mark, 1 shallowest: in the order the kinds first appear, heading
    styles without a label together (in their own order) where the first of them appears."""
    styles = sorted({k[1] for k in kinds if k[0] == "style"})
    ordered: list[Kind] = []
    for kind in kinds:
        if kind in ordered:
            continue
        if kind[0] == "style":
            ordered.extend(("style", level) for level in styles if ("style", level) not in ordered)
        else:
            ordered.append(kind)
    return {kind: depth for depth, kind in enumerate(ordered, start=1)}


def find_headings(blocks: list[Block]) -> list[Heading]:
    """Every line of the part that reads as a heading, with its depth (see the module
    docstring). A lone heading opening the part above the others (the case title of a file
    that is wholly one part) is not part of the outline."""
    marks = _marks(blocks)
    depths = _depths([kind for _, _, _, kind, _ in marks])
    headings = [
        Heading(index, block, text, depths[kind], run_in, kind)
        for index, block, text, kind, run_in in marks
    ]
    if len(headings) > 1:
        first = headings[0]
        alone = sum(h.level == first.level for h in headings) == 1
        opening = next((i for i, b in enumerate(blocks) if b.text.strip()), None)
        unlabelled = first.kind[0] != "label"
        below = all(h.level > first.level for h in headings[1:])
        if alone and unlabelled and below and first.index == opening:
            headings = headings[1:]
    return headings


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
            current = heading.shown
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


def segment_elements(text: str, elements: list[Element]) -> dict[int, int]:
    """Elements named by the segments of a heading (「成效反响与推广价值」 → 3 and 4): each
    segment counts for the element it names best, if it names one element best."""
    found: dict[int, int] = {}
    plain = _PARENTHESES.sub("", text)
    for segment in _JOINERS.split(plain):
        if len(segment.strip()) < 2:
            continue
        scores = {e.n: score(segment, e) for e in elements}
        best = max(scores.values(), default=0)
        leaders = [n for n, value in scores.items() if value == best]
        if best >= MIN_SCORE and len(leaders) == 1:
            found[leaders[0]] = max(found.get(leaders[0], 0), best)
    return found


def _parents(headings: list[Heading]) -> dict[int, Heading]:
    """Heading index → the nearest heading above it at a shallower depth."""
    parents: dict[int, Heading] = {}
    stack: list[Heading] = []
    for heading in headings:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        if stack:
            parents[heading.index] = stack[-1]
        stack.append(heading)
    return parents


def _owner(heading: Heading, parents: dict[int, Heading], taken: set[int]) -> Heading | None:
    """The element heading ``heading`` sits under, if any: its section is that element's."""
    parent = parents.get(heading.index)
    while parent is not None:
        if parent.index in taken:
            return parent
        parent = parents.get(parent.index)
    return None


def headed_threshold(category: Category) -> int:
    """How many elements headings must name for the summary to count as headed by them."""
    return max(2, (len(category.elements) + 1) // 2)


def outline(
    blocks: list[Block], category: Category, structure: Structure | list[str] | None = None
) -> Outline:
    """Assign headings to elements level by level, shallowest first: by score, then position;
    then the further elements of headings that join two; headings inside an element's section
    are that element's. Then, in a summary with few element headings, elements present in the
    content only; in one headed by them, hints for the missing (see the module docstring)."""
    headings = find_headings(blocks)
    result = Outline(blocks, headings)
    parents = _parents(headings)
    top = min((h.level for h in headings), default=0)
    ranks = {h.index: rank for rank, h in enumerate(x for x in headings if x.level == top)}
    used: set[int] = set()
    nested: list[tuple[Heading, Heading]] = []
    for depth in sorted({h.level for h in headings}):
        layer = []
        for heading in headings:
            if heading.level != depth:
                continue
            owner = _owner(heading, parents, used)
            if owner is None:
                layer.append(heading)
            else:
                nested.append((heading, owner))
        pairs = []
        for heading in layer:
            for element in category.elements:
                value = score(heading.text, element)
                if value >= MIN_SCORE:
                    rank = ranks.get(heading.index, len(ranks))
                    pairs.append((-value, abs(rank - (element.n - 1)), heading, element))
        for neg_score, _, heading, element in sorted(pairs, key=lambda p: p[:2]):
            if element.n in result.matches or heading.index in used:
                continue
            result.matches[element.n] = ElementMatch(element, heading, -neg_score)
            used.add(heading.index)
        _merged(result, layer, category, used)
    rules = _structure_rules(structure)
    enough = len(result.matches) >= headed_threshold(category)
    # sequence words (首先，…其次，…) head a summary only when they name its elements
    result.headed = enough or any(h.kind[0] != "sequence" for h in headings)
    if not enough:
        _content_support(result, category, rules, result.content)
    else:
        _content_support(result, category, rules, result.hints)
        _nested_hints(result, category, nested)
    return result


def _structure_rules(structure: Structure | list[str] | None) -> Structure:
    from caselint.rulepack.pack import Structure

    if structure is None:
        return Structure()
    if isinstance(structure, (list, tuple)):
        return Structure(lead_exclusions=list(structure))
    return structure


def _nested_hints(
    result: Outline, category: Category, nested: list[tuple[Heading, Heading]]
) -> None:
    """A missing element named by a heading inside another element's section (「（二）破解群众
    办事难问题」 under 「二、主要做法」): quoted by the finding, not counted."""
    for heading, owner in nested:
        for element in category.elements:
            n = element.n
            if n in result.matches or n in result.hints:
                continue
            if score(heading.text, element) >= MIN_SCORE and all(
                score(heading.text, other) <= score(heading.text, element)
                for other in category.elements
            ):
                result.hints[n] = heading.block
                result.hint_parents[n] = owner


def _merged(result: Outline, layer: list[Heading], category: Category, used: set[int]) -> None:
    """The further elements of headings joining two (「三、成效反响与推广价值」)."""
    by_n = {e.n: e for e in category.elements}
    primary = {n: m.heading.index for n, m in result.matches.items()}
    for heading in layer:
        named = segment_elements(heading.text, category.elements)
        taken = set(result.elements_of(heading))
        if len(named) < 2 or (heading.index in used and not set(named) & taken):
            continue
        # A heading joins neighbouring elements: the ones named around it bound what it may
        # add (「四、短板不足与改进措施」 after element 4 is not also element 2, 主要做法).
        before = max((n for n, i in primary.items() if i < heading.index), default=0)
        after = min((n for n, i in primary.items() if i > heading.index), default=len(by_n) + 1)
        for n, value in sorted(named.items()):
            if n not in result.matches and before < n < after:
                result.matches[n] = ElementMatch(by_n[n], heading, value)
                used.add(heading.index)


def _lead_clause(text: str) -> str:
    end = _CLAUSE_END.search(text)
    clause = text[: end.start()] if end else text
    return clause.strip() if len(clause.strip()) <= MAX_LEAD_CLAUSE else ""


def names_topic(clause: str, element: Element, rules: Structure) -> bool:
    """Whether an opening clause is about ``element``: it names one of its keywords as its
    topic — at the clause's end or before a topic follower (是, 有, 方面, ：…) — and does not
    open with a purpose, target or circumstance (see the module docstring)."""
    excluded = any(clause.startswith(word) for word in rules.lead_exclusions)
    if excluded and not clause.endswith(tuple(rules.topic_frame_ends)):
        return False
    plain = _NEGATED.sub("", clause)
    bounds = nlp.boundaries(plain)
    for word in element.keywords:
        start = plain.find(word)
        while start >= 0:
            end = start + len(word)
            if start in bounds or end in bounds:
                rest = plain[end:]
                if not rest or rest.startswith(tuple(rules.topic_followers)):
                    return True
            start = plain.find(word, start + 1)
    return False


def _content_support(
    result: Outline, category: Category, rules: Structure, into: dict[int, Block]
) -> None:
    """Elements without a heading whose topic a paragraph's opening names (into ``content``
    when the summary has few element headings, else into ``hints``)."""
    missing = [e for e in category.elements if e.n not in result.matches]
    if not missing:
        return
    heading_blocks = {h.index for h in result.headings if not h.run_in}
    for index, block in enumerate(result.blocks):
        if index in heading_blocks or block.story is not Story.MAIN or not block.text.strip():
            continue
        if block.kind is BlockKind.TABLE_CELL:
            continue
        clause = _lead_clause(_SEQUENCE.sub("", _strip_label(block.text)[0], count=1))
        if not clause:
            continue
        scores = {e.n: score(_NEGATED.sub("", clause), e) for e in category.elements}
        best = max(scores.values())
        leaders = [n for n, value in scores.items() if value == best]
        if best < MIN_SCORE or len(leaders) != 1:
            continue
        n = leaders[0]
        element = next(e for e in category.elements if e.n == n)
        if n in result.matches or n in into or not names_topic(clause, element, rules):
            continue
        into[n] = block

"""Where each finding's comment goes in the copy.

A finding that names characters (``location.start``/``end``) is anchored on exactly those
characters; one that names only a paragraph (a heading out of order, a results section without
a figure) on that whole paragraph. A finding about a whole part (a missing element, a data
dimension, the part's length) is listed in one comment on the line that starts the part
(「综合材料」/「详细材料」) when the file has one; anything else (category, case metadata, a part
with no marker line) is listed in the summary comment at the top.

Paragraph numbers count body paragraphs, table cells included; notes and text boxes carry the
number of the paragraph citing or anchoring them. A finding's excerpt tells which of these
blocks it is about. Text boxes live in the main document and are anchored like any paragraph;
text in a footnote, endnote or existing comment cannot carry a comment of the main document,
so its comment goes on the citing paragraph and says where the text is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from caselint.core.model import Finding, PartName, Story
from caselint.readers.docx import TracedBlock

#: Stories whose paragraphs are in the main document part, where comments can be anchored.
ANCHORABLE = frozenset({Story.MAIN, Story.TEXTBOX})
_PREFERENCE = {Story.MAIN: 0, Story.TEXTBOX: 1}


@dataclass
class Anchored:
    """A finding anchored on characters ``start:end`` of a traced block's text."""

    finding: Finding
    traced: TracedBlock
    start: int
    end: int
    story: Story = Story.MAIN  # where the flagged text is, when not where the comment is


@dataclass
class Plan:
    anchored: list[Anchored] = field(default_factory=list)
    on_parts: dict[PartName, list[Finding]] = field(default_factory=dict)
    markers: dict[PartName, TracedBlock] = field(default_factory=dict)
    in_summary: list[Finding] = field(default_factory=list)
    top: TracedBlock | None = None


def plan(
    findings: Iterable[Finding],
    traced: list[TracedBlock],
    markers: dict[PartName, TracedBlock],
    root: etree._Element,
) -> Plan:
    """Decide where each finding goes (see the module docstring).

    ``markers`` are the traced blocks starting each part in this file; ``root`` the document
    element being annotated (blocks outside it cannot carry a comment).
    """
    in_tree = [t for t in traced if t.block.story in ANCHORABLE and _within(t.paragraph, root)]
    by_number: dict[int, list[TracedBlock]] = {}
    for item in traced:
        number = item.block.location.paragraph
        if number is not None:
            by_number.setdefault(number, []).append(item)
    result = Plan(markers=markers, top=_top(in_tree))
    for finding in findings:
        anchored = _anchor(finding, by_number, root)
        if anchored is not None:
            result.anchored.append(anchored)
        elif finding.part is not None and finding.part in markers:
            result.on_parts.setdefault(finding.part, []).append(finding)
        else:
            result.in_summary.append(finding)
    return result


def _within(element: etree._Element, root: etree._Element) -> bool:
    return element.getroottree().getroot() is root


def _top(in_tree: list[TracedBlock]) -> TracedBlock | None:
    """The first body paragraph with text (the title line, usually); else the first one."""
    body = [t for t in in_tree if t.block.story is Story.MAIN]
    return next((t for t in body if t.block.text.strip()), body[0] if body else None)


def _fits(finding: Finding, item: TracedBlock) -> bool:
    """Whether ``finding``'s excerpt and span are those of ``item``'s text."""
    text = item.block.text
    loc = finding.location
    if finding.excerpt and finding.excerpt_offset is not None:
        offset = finding.excerpt_offset
        if text[offset : offset + len(finding.excerpt)] != finding.excerpt:
            return False
    elif finding.excerpt and finding.excerpt not in item.block.display_text:
        return False
    return loc.end is None or loc.end <= len(text)


def _anchor(
    finding: Finding, by_number: dict[int, list[TracedBlock]], root: etree._Element
) -> Anchored | None:
    loc = finding.location
    if loc.paragraph is None:
        return None
    candidates = [
        item
        for item in by_number.get(loc.paragraph, [])
        if (item.block.location.table, item.block.location.row, item.block.location.cell)
        == (loc.table, loc.row, loc.cell)
    ]
    body = next((c for c in candidates if c.block.story is Story.MAIN), None)
    fitting = sorted(
        (c for c in candidates if _fits(finding, c)),
        key=lambda c: _PREFERENCE.get(c.block.story, 2),
    )
    chosen = fitting[0] if fitting else body
    if chosen is None:
        return None
    if chosen.block.story in ANCHORABLE and _within(chosen.paragraph, root):
        text = chosen.block.text
        if loc.start is not None and loc.end is not None and 0 <= loc.start < loc.end:
            return Anchored(finding, chosen, loc.start, min(loc.end, len(text)))
        return Anchored(finding, chosen, 0, len(text))
    if body is None or not _within(body.paragraph, root):
        return None
    # Text in a note or comment: the comment goes on the paragraph citing it.
    return Anchored(finding, body, 0, len(body.block.text), story=chosen.block.story)

"""Write the blocks of a Markdown or text part into a .docx that counts exactly as the draft did.

The blocks are what caselint counted, so writing them — not the Markdown source — is what keeps
the figures identical: headings become Word headings of the same level, list markers become
automatic numbering (labels count only in the inclusive figures, in both formats), Markdown
tables become Word tables, hard line breaks ``w:br``. Ambiguous punctuation (“ ” —— …) that the
Markdown count took as East-Asian (it touches a 汉字) goes into runs carrying
``w:rFonts w:hint="eastAsia"``, which is how Word — and caselint's .docx reader — know to count
it as East-Asian; the rest stays in plain runs. The part's title line (综合材料) is written in the
title font: it names the part, so it belongs to no part and is not counted, as in the draft.

Not carried over: inline emphasis inside a sentence (a block is bold only when all of it is),
pictures, links' targets, nested-list indentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from caselint.core.model import Block, BlockKind, Story
from caselint.pack.docx_finish import finish_bundle_docx
from caselint.pack.docx_props import DocProps
from caselint.pack.layout import TABLE_STYLE, TABLE_TEXT_STYLE, new_document, set_fonts, set_indent
from caselint.readers.markdown import BULLET_LABEL
from caselint.rulepack.pack import Layout
from caselint.text.count import resolve_ambiguous

_ORDERED = re.compile(r"^([1-9][0-9]*)([^0-9%]*)$")


class ConversionError(ValueError):
    """A block that cannot be written to .docx as it was counted (the reason is in English)."""


def east_asian_offsets(block: Block) -> set[int]:
    """Offsets of the ambiguous marks that counted as East-Asian in ``block``."""
    if block.ea_hint is not None:
        return set(block.ea_hint)
    resolved = resolve_ambiguous(block.text, None)
    return {i for i, (a, b) in enumerate(zip(block.text, resolved, strict=True)) if a != b}


def write_part(blocks: list[Block], *, title: str, layout: Layout, props: DocProps) -> bytes:
    """A .docx in the official layout holding ``title`` then ``blocks`` (main story only)."""
    levels = [b.level or 1 for b in blocks if b.kind is BlockKind.HEADING]
    document = new_document(layout, top_heading=min(levels, default=1))
    _title(document, title, layout)
    numbering = _Numbering(document, layout)
    last_was_table = False
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.story is not Story.MAIN:
            raise ConversionError(f"cannot write a {block.story.value} block")
        if block.kind is BlockKind.TABLE_CELL:
            j = i
            while (
                j < len(blocks)
                and blocks[j].kind is BlockKind.TABLE_CELL
                and blocks[j].location.table == block.location.table
            ):
                j += 1
            if last_was_table:
                document.add_paragraph()  # adjacent tables would merge when edited in Word
            _table(document, blocks[i:j])
            last_was_table = True
            i = j
            continue
        last_was_table = False
        if block.kind is BlockKind.HEADING:
            level = min(max(block.level or 1, 1), 9)
            paragraph = document.add_paragraph(style=f"Heading {level}")
        else:
            paragraph = document.add_paragraph()
        if block.label:
            numbering.apply(paragraph, block.label)
        bold = block.bold and block.kind is not BlockKind.HEADING
        write_runs(paragraph, block, bold=bold)
        i += 1
    return finish_bundle_docx(document, props)


def write_runs(paragraph: Any, block: Block, *, bold: bool = False) -> None:
    """The text of ``block`` as runs, East-Asian-hinted exactly where it counted so."""
    text = block.text
    hinted = east_asian_offsets(block)
    start = 0
    for end in range(1, len(text) + 1):
        if end == len(text) or (end in hinted) != (start in hinted):
            run = _add_run(paragraph, text[start:end])
            if start in hinted:
                run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hint"), "eastAsia")
            if bold:
                run.bold = True
            start = end


def _add_run(paragraph: Any, text: str) -> Any:
    try:
        return paragraph.add_run(text)
    except ValueError as exc:  # control characters XML cannot hold
        raise ConversionError(str(exc)) from exc


def _title(document: Any, title: str, layout: Layout) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(round(layout.title_size_pt * 1.6))
    fmt.space_after = Pt(layout.line_spacing_pt)
    set_indent(paragraph._p.get_or_add_pPr(), 0, layout.title_size_pt)
    run = paragraph.add_run(title)
    set_fonts(run._r.get_or_add_rPr(), layout.title_font, layout.latin_font)
    run.font.size = Pt(layout.title_size_pt)


def _table(document: Any, cells: list[Block]) -> None:
    rows = max(b.location.row or 1 for b in cells)
    cols = max(b.location.cell or 1 for b in cells)
    table = document.add_table(rows=rows, cols=cols)
    table.style = document.styles[TABLE_STYLE]
    for block in cells:
        cell = table.cell((block.location.row or 1) - 1, (block.location.cell or 1) - 1)
        paragraph = cell.paragraphs[0]
        paragraph.style = document.styles[TABLE_TEXT_STYLE]
        write_runs(paragraph, block, bold=block.bold)


@dataclass
class _Sequence:
    suffix: str
    next: int
    num_id: int


class _Numbering:
    """Word numbering that renders the labels the Markdown reader produced.

    Each ordered list (``1.`` ``2.`` …, or ``1)``) gets its own abstract definition, so its
    counter neither continues another list nor is restarted by one; a label continues the most
    recent list whose next number it is (a nested list in between does not break it). Bullets
    share one definition; any other label is written as literal label text.
    """

    def __init__(self, document: Any, layout: Layout) -> None:
        self.root = document.part.numbering_part.element
        self.indent = layout.indent_chars
        self.size = layout.body_size_pt
        abstract_ids = [
            int(a.get(qn("w:abstractNumId"))) for a in self.root.iter(qn("w:abstractNum"))
        ]
        num_ids = [int(n.get(qn("w:numId"))) for n in self.root.iter(qn("w:num"))]
        self.next_abstract = max(abstract_ids, default=0) + 1
        self.next_num = max(num_ids, default=0) + 1
        self.sequences: list[_Sequence] = []
        self.fixed: dict[str, int] = {}

    def apply(self, paragraph: Any, label: str) -> None:
        num_id = self._num_for(label)
        ppr = paragraph._p.get_or_add_pPr()
        num_pr = ppr.get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id

    def _num_for(self, label: str) -> int:
        match = _ORDERED.match(label)
        if match:
            n, suffix = int(match.group(1)), match.group(2)
            for sequence in reversed(self.sequences):
                if sequence.suffix == suffix and sequence.next == n:
                    sequence.next += 1
                    return sequence.num_id
            num_id = self._define("decimal", f"%1{suffix}", start=n, suffix_kind="nothing")
            self.sequences.append(_Sequence(suffix, n + 1, num_id))
            return num_id
        if label not in self.fixed:
            if "%" in label:
                raise ConversionError(f"cannot write the list label {label!r}")
            bullet = label == BULLET_LABEL
            self.fixed[label] = self._define(
                "bullet" if bullet else "none",
                label,
                start=1,
                suffix_kind="space" if bullet else "nothing",
            )
        return self.fixed[label]

    def _define(self, fmt: str, text: str, *, start: int, suffix_kind: str) -> int:
        abstract_id, num_id = self.next_abstract, self.next_num
        self.next_abstract += 1
        self.next_num += 1
        first_line = round(self.indent * self.size * 20)
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            '<w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="{suffix_kind}"/><w:lvlText w:val="{_attr(text)}"/>'
            '<w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLineChars="{self.indent * 100}" '
            f'w:firstLine="{first_line}"/></w:pPr></w:lvl></w:abstractNum>'
        )
        first_num = self.root.find(qn("w:num"))
        if first_num is None:
            self.root.append(abstract)
        else:
            first_num.addprevious(abstract)
        num = parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
        nums = self.root.findall(qn("w:num"))
        if nums:
            nums[-1].addnext(num)
        else:
            self.root.append(num)
        return num_id


def _attr(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )

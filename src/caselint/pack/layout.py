"""A blank python-docx document set up in the pack's official layout (``pack.bundle.layout``).

The defaults follow the usual typesetting of government documents (GB/T 9704): A4, 仿宋_GB2312
三号 (16 pt) body at a fixed 28 pt line, headings in 黑体 / 楷体_GB2312 / 仿宋_GB2312 by level,
titles in 方正小标宋简体, two-character first-line indents, a centred page number. Fonts are set
explicitly for East-Asian and Latin text and the template's theme fonts are removed: Word lets a
theme font win over a named one, and the template's theme is Calibri/Cambria.
"""

from __future__ import annotations

from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from caselint.rulepack.pack import Layout

A4 = (Cm(21.0), Cm(29.7))
TABLE_STYLE = "Table Grid"
TABLE_TEXT_STYLE = "表格文字"
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def new_document(layout: Layout, *, top_heading: int = 1) -> Any:
    """A python-docx ``Document`` with page, default fonts, body, heading and table styles set.

    ``top_heading`` is the level of the highest headings the text uses: a Markdown part whose
    element headings are ``##`` (under the ``#`` part title) gets the first-level font (黑体)
    on Heading 2, the second-level one on Heading 3, and so on. The levels themselves stay as
    the draft has them, so the converted part reads exactly like the draft.
    """
    document = Document()
    _prune(document)
    section = document.sections[0]
    section.page_width, section.page_height = A4
    section.top_margin = Cm(layout.margin_top_cm)
    section.bottom_margin = Cm(layout.margin_bottom_cm)
    section.left_margin = Cm(layout.margin_left_cm)
    section.right_margin = Cm(layout.margin_right_cm)
    _defaults(document, layout)
    styles = document.styles
    normal = styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr(), layout.body_font, layout.latin_font)
    normal.font.size = Pt(layout.body_size_pt)
    _paragraph_format(normal.paragraph_format, layout.line_spacing_pt)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    set_indent(normal.element.get_or_add_pPr(), layout.indent_chars, layout.body_size_pt)
    for level in range(1, 10):
        _heading(styles[f"Heading {level}"], max(1, level - top_heading + 1), layout)
    table_text = styles.add_style(TABLE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(layout.table_size_pt)
    _paragraph_format(table_text.paragraph_format, layout.table_size_pt * 1.5)
    table_text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    set_indent(table_text.element.get_or_add_pPr(), 0, layout.table_size_pt)
    if layout.page_numbers:
        _page_number(section, layout)
    return document


def _prune(document: Any) -> None:
    """Drop what the template carries for nothing: 98 unused table styles (340 KB of the
    template's 350 KB styles.xml) and ``stylesWithEffects.xml``, Word 2010's second copy of the
    styles. Bundles store documents uncompressed (see :mod:`caselint.pack.zipfile_det`)."""
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        keep = style.get(qn("w:default")) in ("1", "true") or (
            name is not None and name.get(qn("w:val")) == TABLE_STYLE
        )
        if style.get(qn("w:type")) == "table" and not keep:
            styles.remove(style)
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.rels.pop(rid)


def set_fonts(rpr: Any, east_asian: str, latin: str) -> None:
    """Name the fonts of a run or style explicitly, dropping theme fonts that would win."""
    fonts = rpr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        key = qn(attr)
        if key in fonts.attrib:
            del fonts.attrib[key]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def set_indent(ppr: Any, chars: int, size_pt: float) -> None:
    """A first-line indent of ``chars`` characters (Word's 首行缩进 N 字符), nothing else."""
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        ppr.append(ind)
        _reorder(ppr)
    ind.attrib.clear()
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(round(chars * size_pt * 20)))


def _reorder(ppr: Any) -> None:
    """Put ``w:ind`` where the schema wants it (Word rejects misplaced pPr children)."""
    order = [
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
        "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
        "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
        "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
        "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
        "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    ]  # fmt: skip
    rank = {qn(f"w:{name}"): i for i, name in enumerate(order)}
    children = sorted(ppr, key=lambda el: rank.get(el.tag, len(order)))
    for child in children:
        ppr.append(child)


def _paragraph_format(fmt: Any, line_pt: float) -> None:
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line_pt)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)


def _defaults(document: Any, layout: Layout) -> None:
    """Document defaults: the body fonts and Chinese as the East-Asian language."""
    styles = document.styles.element
    rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        return
    set_fonts(rpr, layout.body_font, layout.latin_font)
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


def _heading(style: Any, rank: int, layout: Layout) -> None:
    """Heading style of typographic ``rank`` (1: 一、 headings, 2: （一）, 3: 1. …)."""
    fonts = layout.heading_fonts or [layout.body_font]
    font = fonts[min(rank, len(fonts)) - 1]
    rpr = style.element.get_or_add_rPr()
    for child in list(rpr):
        rpr.remove(child)
    set_fonts(rpr, font, layout.latin_font)
    bold = layout.heading_bold[rank - 1] if rank <= len(layout.heading_bold) else False
    style.font.bold = bold
    style.font.italic = False
    style.font.size = Pt(layout.body_size_pt)
    _paragraph_format(style.paragraph_format, layout.line_spacing_pt)
    style.paragraph_format.keep_with_next = True
    set_indent(style.element.get_or_add_pPr(), layout.indent_chars, layout.body_size_pt)


def _page_number(section: Any, layout: Layout) -> None:
    """``— 1 —`` centred in the footer (宋体 四号), as official documents number pages."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_indent(paragraph._p.get_or_add_pPr(), 0, layout.body_size_pt)
    paragraph.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    number = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    number.append(text)
    field.append(number)
    paragraph._p.append(field)
    paragraph.add_run(" —")
    for run in paragraph.runs:
        set_fonts(run._r.get_or_add_rPr(), "宋体", layout.latin_font)
        run.font.size = Pt(14)

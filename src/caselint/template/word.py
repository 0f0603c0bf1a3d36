"""A new draft as .docx: the official layout, guidance in placeholder fields, metadata in properties.

The page, fonts and heading styles are those of the documents ``caselint pack`` writes
(:mod:`caselint.pack.layout`), and the file is saved the same deterministic way
(:mod:`caselint.pack.docx_finish`), so a draft started here looks like what is uploaded.

Each guide line is a ``MACROBUTTON NoMacro ［指引：…］`` field, Word's classic "click here and
type" placeholder: Word shows the text (grey here), one click selects the whole field and typing
replaces it; LibreOffice shows the text too. The guide lives in the field's code, which caselint's reader never reads
(field codes are not visible text), so a guide is never counted and never satisfies a check,
even when an author leaves it in place. The case metadata goes into the custom document
properties (文件 → 属性 → 自定义), which caselint reads as metadata and never as body text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.sax.saxutils import escape

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from caselint.core.model import Block, BlockKind, Location
from caselint.pack.docx_finish import finish_docx
from caselint.pack.docx_writer import write_runs
from caselint.pack.layout import new_document, set_fonts, set_indent
from caselint.rulepack.pack import Layout
from caselint.template.outline import Guide, MetadataField, Template

GUIDE_COLOR = "7F7F7F"
_RT_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def render(template: Template, layout: Layout, when: dt.datetime | None = None) -> bytes:
    document = new_document(layout)
    _title(document, template.title_guide, layout)
    for part in template.parts:
        _heading(document, part.title, 1)
        for guide in part.guides:
            _guide(document, guide)
        for section in part.sections:
            _heading(document, section.heading, 2)
            for guide in section.guides:
                _guide(document, guide)
    _custom_properties(document, template.metadata)
    return finish_docx(document, title=template.doc_title, when=when or dt.datetime.now())


def _heading(document: Any, text: str, level: int) -> None:
    paragraph = document.add_paragraph(style=f"Heading {level}")
    write_runs(paragraph, Block(BlockKind.HEADING, text, Location(), level=level))


def placeholder_xml(text: str, *, size_pt: float | None = None, font: str | None = None) -> str:
    """The runs of a ``MACROBUTTON`` placeholder field showing ``text`` in grey."""
    props = f'<w:rFonts w:eastAsia="{escape(font)}" w:hint="eastAsia"/>' if font else ""
    props += f'<w:color w:val="{GUIDE_COLOR}"/>'
    if size_pt:
        props += f'<w:sz w:val="{round(size_pt * 2)}"/><w:szCs w:val="{round(size_pt * 2)}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>"
    shown = escape(text.replace("\n", " "))
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> MACROBUTTON NoMacro ［{shown}］ </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def _append_runs(paragraph: Any, xml: str) -> None:
    wrapper = parse_xml(f"<w:p {nsdecls('w')}>{xml}</w:p>")
    for run in list(wrapper):
        paragraph._p.append(run)


def _guide(document: Any, guide: Guide) -> None:
    _append_runs(document.add_paragraph(), placeholder_xml(guide.text))


def _title(document: Any, guide: Guide, layout: Layout) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(layout.line_spacing_pt)
    set_indent(paragraph._p.get_or_add_pPr(), 0, layout.title_size_pt)
    xml = placeholder_xml(f"点击此处输入{guide.text}", size_pt=layout.title_size_pt)
    _append_runs(paragraph, xml)
    for run in paragraph.runs:
        set_fonts(run._r.get_or_add_rPr(), layout.title_font, layout.latin_font)


def custom_properties_xml(fields: list[MetadataField]) -> str:
    items = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{escape(f.label, {chr(34): "&quot;"})}">'
        f"<vt:lpwstr>{escape(f.value)}</vt:lpwstr></property>"
        for pid, f in enumerate(fields, start=2)  # Word numbers custom properties from 2
    )
    return f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT}">{items}</Properties>'


def _custom_properties(document: Any, fields: list[MetadataField]) -> None:
    package = document.part.package
    part = XmlPart(
        PackURI("/docProps/custom.xml"),
        CT.OFC_CUSTOM_PROPERTIES,
        parse_xml(custom_properties_xml(fields)),
        package,
    )
    package.relate_to(part, _RT_CUSTOM)

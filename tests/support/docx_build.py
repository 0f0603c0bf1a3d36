"""Build real .docx files for tests: python-docx for the package, raw WordprocessingML for content.

python-docx has no API for most of what a reader must survive (tracked changes, complex fields,
content controls, text boxes, footnotes, numbering definitions), so tests write those constructs
as XML fragments and :func:`build_docx` puts them into a document python-docx created::

    from support.docx_build import build_docx, p, run, table

    path = build_docx(
        tmp_path / "case.docx",
        p("一、基本情况", style="Heading1") + table([[p("指标"), p("数值")]]),
        footnotes_xml=footnote(1, p("数据来源：台内统计。")),
    )

Every fragment may use the prefixes in :data:`NAMESPACES` without declaring them. The package
starts from ``docx.Document()``, so styles.xml, settings.xml and numbering.xml are python-docx's
realistic defaults (styles ``Normal``, ``Heading1`` … ``Heading9`` named "heading N", ``Title``,
``Strong``); new parts get proper relationships and content types through python-docx's own
``docx.opc`` machinery, so the result opens in python-docx (and Word) as well as in caselint.

The small helpers below (:func:`run`, :func:`p`, :func:`table`, :func:`textbox` …) only build
XML strings; combine them with plain XML wherever a test needs something they do not cover.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.parser import parse_xml

#: Prefixes every fragment may use (those Word itself declares on ``w:document``).
NAMESPACES: dict[str, str] = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "wpc": "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
}
NSDECLS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())

_W = NAMESPACES["w"]
_RT_CUSTOM_PROPERTIES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"

#: The separator notes Word writes in front of every footnotes/endnotes part (ids -1 and 0).
_SEPARATORS = (
    '<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    '<w:{kind} w:type="continuationSeparator" w:id="0">'
    "<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>"
)


# -- the package ------------------------------------------------------------------------------


def build_docx(
    path: str | Path,
    body_xml: str = "",
    *,
    styles_extra: str | None = None,
    numbering_xml: str | None = None,
    footnotes_xml: str | None = None,
    endnotes_xml: str | None = None,
    header_xml: str | None = None,
    footer_xml: str | None = None,
    comments_xml: str | None = None,
    custom_props: Mapping[str, Any] | None = None,
    core_props: Mapping[str, Any] | None = None,
) -> Path:
    """Write a .docx to ``path`` and return the path.

    ``body_xml``: block-level content (``<w:p>``, ``<w:tbl>``, ``<w:sdt>`` …) that becomes the
    whole body, in front of python-docx's section properties.
    ``styles_extra``: ``<w:style>`` elements added to styles.xml; one whose ``w:styleId``
    already exists replaces the built-in definition.
    ``numbering_xml``: ``<w:abstractNum>`` and ``<w:num>`` elements that replace python-docx's
    default numbering definitions (put back into schema order: abstract definitions first).
    ``footnotes_xml`` / ``endnotes_xml``: ``<w:footnote>`` / ``<w:endnote>`` elements; Word's
    separator and continuation-separator notes (ids -1 and 0) are added in front, as Word does.
    ``header_xml`` / ``footer_xml``: block-level content of the default header / footer, wired
    to the section with ``w:headerReference`` / ``w:footerReference``.
    ``comments_xml``: ``<w:comment>`` elements (anchor them in the body with
    ``w:commentRangeStart`` / ``w:commentReference`` if the test needs that).
    ``custom_props``: docProps/custom.xml, typed from the Python value (str → ``vt:lpwstr``,
    bool → ``vt:bool``, int → ``vt:i4``, float → ``vt:r8``, datetime → ``vt:filetime``).
    ``core_props``: attributes of python-docx's ``core_properties`` (``title``, ``author`` …).
    """
    document = docx.Document()
    _set_body(document, body_xml)
    if styles_extra:
        _add_styles(document, styles_extra)
    if numbering_xml is not None:
        _set_numbering(document, numbering_xml)
    _add_stories(document, footnotes_xml, endnotes_xml, comments_xml)
    _add_header_footer(document, header_xml, footer_xml)
    if custom_props:
        package = document.part.package
        custom = _xml_part(
            "/docProps/custom.xml", CT.OFC_CUSTOM_PROPERTIES, custom_xml(custom_props), package
        )
        package.relate_to(custom, _RT_CUSTOM_PROPERTIES)
    for name, value in (core_props or {}).items():
        setattr(document.core_properties, name, value)
    path = Path(path)
    document.save(str(path))
    return path


def _set_body(document: Any, body_xml: str) -> None:
    """Replace the body's content, keeping python-docx's final ``w:sectPr``."""
    body = document.element.body
    sect_pr = body.sectPr
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    for element in _fragment(body_xml):
        sect_pr.addprevious(element)


def _add_styles(document: Any, styles_xml: str) -> None:
    styles = document.styles.element
    for style in _fragment(styles_xml):
        style_id = style.get(f"{{{_W}}}styleId")
        for old in styles.findall(f"{{{_W}}}style"):
            if old.get(f"{{{_W}}}styleId") == style_id:
                styles.remove(old)
        styles.append(style)


def _set_numbering(document: Any, numbering_xml: str) -> None:
    numbering = document.part.numbering_part.element
    for old in list(numbering):
        numbering.remove(old)
    new = _fragment(numbering_xml)
    abstract = f"{{{_W}}}abstractNum"
    for element in [el for el in new if el.tag == abstract] + [
        el for el in new if el.tag != abstract
    ]:
        numbering.append(element)


def _add_stories(
    document: Any, footnotes: str | None, endnotes: str | None, comments: str | None
) -> None:
    """Footnotes, endnotes and comments parts, related from the main document part."""
    part = document.part
    for kind, xml, content_type, reltype in (
        ("footnote", footnotes, CT.WML_FOOTNOTES, RT.FOOTNOTES),
        ("endnote", endnotes, CT.WML_ENDNOTES, RT.ENDNOTES),
    ):
        if xml is not None:
            root = f"<w:{kind}s {NSDECLS}>{_SEPARATORS.format(kind=kind)}{xml}</w:{kind}s>"
            new = _xml_part(f"/word/{kind}s.xml", content_type, root, part.package)
            part.relate_to(new, reltype)
    if comments is not None:
        root = f"<w:comments {NSDECLS}>{comments}</w:comments>"
        new = _xml_part("/word/comments.xml", CT.WML_COMMENTS, root, part.package)
        part.relate_to(new, RT.COMMENTS)


def _add_header_footer(document: Any, header: str | None, footer: str | None) -> None:
    """Default header and footer parts, referenced from the section as Word does."""
    part = document.part
    sect_pr = document.element.body.sectPr
    references = []
    for kind, tag, xml, content_type, reltype in (
        ("header", "hdr", header, CT.WML_HEADER, RT.HEADER),
        ("footer", "ftr", footer, CT.WML_FOOTER, RT.FOOTER),
    ):
        if xml is not None:
            root = f"<w:{tag} {NSDECLS}>{xml}</w:{tag}>"
            new = _xml_part(f"/word/{kind}1.xml", content_type, root, part.package)
            rid = part.relate_to(new, reltype)
            references.append(f'<w:{kind}Reference w:type="default" r:id="{rid}"/>')
    for element in reversed(_fragment("".join(references))):
        sect_pr.insert(0, element)  # references come first in w:sectPr


def custom_xml(props: Mapping[str, Any]) -> str:
    """docProps/custom.xml holding ``props`` (see :func:`build_docx` for the value types)."""
    items = []
    for pid, (name, value) in enumerate(props.items(), start=2):  # Word starts at pid 2
        if isinstance(value, bool):
            typed = f"<vt:bool>{'true' if value else 'false'}</vt:bool>"
        elif isinstance(value, int):
            typed = f"<vt:i4>{value}</vt:i4>"
        elif isinstance(value, float):
            typed = f"<vt:r8>{value!r}</vt:r8>"
        elif isinstance(value, dt.datetime):
            typed = f"<vt:filetime>{value.strftime('%Y-%m-%dT%H:%M:%SZ')}</vt:filetime>"
        else:
            typed = f"<vt:lpwstr>{escape(str(value))}</vt:lpwstr>"
        items.append(
            f'<property fmtid="{_CUSTOM_FMTID}" pid="{pid}" name={quoteattr(name)}>{typed}</property>'
        )
    return f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT}">{"".join(items)}</Properties>'


def _fragment(xml: str) -> list[Any]:
    """Parse a run of sibling elements that may use any prefix of :data:`NAMESPACES`."""
    if not xml.strip():
        return []
    return list(parse_xml(f"<w:fragment {NSDECLS}>{xml}</w:fragment>"))


def _xml_part(name: str, content_type: str, xml: str, package: Any) -> XmlPart:
    return XmlPart(PackURI(name), content_type, parse_xml(xml), package)


# -- content helpers: each returns an XML string ----------------------------------------------


def t(text: str, tag: str = "w:t") -> str:
    """A text element, whitespace preserved (``w:t``, or ``w:delText`` / ``w:instrText``)."""
    return f'<{tag} xml:space="preserve">{escape(text)}</{tag}>'


def run(
    text: str = "",
    *,
    bold: bool | None = None,
    hint: bool = False,
    vanish: bool = False,
    style: str | None = None,
    rpr: str = "",
    inner: str = "",
) -> str:
    """A ``w:r`` holding ``text`` (omitted when empty) after ``inner`` XML.

    ``bold`` writes ``<w:b/>`` (True) or ``<w:b w:val="0"/>`` (False); ``hint`` the
    ``w:rFonts w:hint="eastAsia"`` Word writes for text typed with a Chinese IME; ``vanish``
    hidden text; ``style`` a character style; ``rpr`` any further run properties.
    """
    props = ""
    if style:
        props += f'<w:rStyle w:val="{style}"/>'
    if hint:
        props += '<w:rFonts w:hint="eastAsia"/>'
    if bold is not None:
        props += "<w:b/>" if bold else '<w:b w:val="0"/>'
    if vanish:
        props += "<w:vanish/>"
    props += rpr
    rpr_xml = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f"<w:r>{rpr_xml}{inner}{t(text) if text else ''}</w:r>"


def para(
    content: str | Iterable[str] = "",
    *,
    style: str | None = None,
    num: tuple[int, int] | None = None,
    outline: int | None = None,
    ppr: str = "",
) -> str:
    """A ``w:p`` around inline XML ``content``.

    ``num`` is ``(numId, ilvl)`` for automatic numbering, ``outline`` a direct
    ``w:outlineLvl`` (0 = level 1), ``ppr`` any further paragraph properties.
    """
    inline = content if isinstance(content, str) else "".join(content)
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if outline is not None:
        props += f'<w:outlineLvl w:val="{outline}"/>'
    props += ppr
    ppr_xml = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr_xml}{inline}</w:p>"


def p(text: str = "", **kwargs: Any) -> str:
    """A paragraph of one plain run; keyword arguments as for :func:`para`."""
    return para(run(text) if text else "", **kwargs)


def table(rows: Sequence[Sequence[str]]) -> str:
    """A ``w:tbl``; each cell is block-level XML (one or more ``w:p``, maybe a nested table).

    A cell that does not end with a paragraph gets an empty one, as Word requires.
    """
    width = max((len(row) for row in rows), default=0)
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(width))
    body = []
    for row in rows:
        cells = []
        for cell in row:
            content = cell if cell.rstrip().endswith("</w:p>") else cell + "<w:p/>"
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{content}</w:tc>')
        body.append(f"<w:tr>{''.join(cells)}</w:tr>")
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>"
    )


def field(code: str, result: str = "", *, result_runs: str | None = None) -> str:
    """A complex field as Word writes it: begin, code, separate, result runs, end.

    ``result_runs`` replaces the plain result run (e.g. for nested fields).
    """
    shown = result_runs if result_runs is not None else (run(result) if result else "")
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f"<w:r>{t(f' {code} ', 'w:instrText')}</w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{shown}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def textbox(content: str, *, fallback: bool = True, box_id: int = 1) -> str:
    """A run holding a floating text box whose block-level XML is ``content``.

    Written the way Word 2010+ saves it: ``mc:AlternateContent`` with a DrawingML
    ``wps:txbx`` in ``mc:Choice`` and, when ``fallback``, a VML copy of the same text in
    ``mc:Fallback`` for older readers (that copy must not be read twice).
    """
    drawing = (
        "<w:drawing>"
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="1828800" cy="457200"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="bothSides"/>'
        f'<wp:docPr id="{box_id}" name="文本框 {box_id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1828800" cy="457200"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>"
        "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    if not fallback:
        return f"<w:r>{drawing}</w:r>"
    vml = (
        '<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
        'path="m,l,21600r21600,l21600,xe"/>'
        f'<v:shape id="文本框 {box_id}" o:spid="_x0000_s{1025 + box_id}" type="#_x0000_t202" '
        'style="width:144pt;height:36pt">'
        f"<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict>"
    )
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        f"{drawing}</mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>"
    )


def footnote(note_id: int, content: str) -> str:
    """A ``w:footnote`` (reference it in the body with :func:`note_reference`)."""
    return f'<w:footnote w:id="{note_id}">{content}</w:footnote>'


def endnote(note_id: int, content: str) -> str:
    """A ``w:endnote`` (reference it in the body with :func:`note_reference`)."""
    return f'<w:endnote w:id="{note_id}">{content}</w:endnote>'


def note_reference(kind: str, note_id: int) -> str:
    """The body run Word writes where a footnote or endnote (``kind``) is referenced."""
    style = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
    return (
        f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr>'
        f'<w:{kind}Reference w:id="{note_id}"/></w:r>'
    )


def comment(comment_id: int, content: str, *, author: str = "审稿人") -> str:
    """A ``w:comment`` of ``content`` (block-level XML)."""
    return (
        f'<w:comment w:id="{comment_id}" w:author="{escape(author)}" w:initials="审" '
        f'w:date="2025-01-01T00:00:00Z">{content}</w:comment>'
    )


def paragraph_style(
    style_id: str,
    name: str,
    *,
    based_on: str | None = None,
    outline: int | None = None,
    bold: bool | None = None,
    ppr: str = "",
    rpr: str = "",
    custom: bool = True,
) -> str:
    """A paragraph ``w:style`` for ``styles_extra``.

    ``ppr`` goes in front of the ``w:outlineLvl`` (``w:numPr`` precedes it in the schema);
    ``custom=False`` for a redefinition of a built-in style (``Heading1`` …).
    """
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    ppr_all = ppr + (f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else "")
    rpr_all = ("<w:b/>" if bold else '<w:b w:val="0"/>' if bold is False else "") + rpr
    custom_attr = ' w:customStyle="1"' if custom else ""
    return (
        f'<w:style w:type="paragraph"{custom_attr} w:styleId="{style_id}">'
        f'<w:name w:val="{escape(name)}"/>{based}<w:qFormat/>'
        + (f"<w:pPr>{ppr_all}</w:pPr>" if ppr_all else "")
        + (f"<w:rPr>{rpr_all}</w:rPr>" if rpr_all else "")
        + "</w:style>"
    )


def level(ilvl: int, fmt: str, text: str, *, start: int = 1, extra: str = "") -> str:
    """One ``w:lvl`` of an abstract numbering definition (``fmt`` is a ``w:numFmt`` value)."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>{extra}</w:lvl>'
    )


def abstract_num(abstract_id: int, *levels: str) -> str:
    """A ``w:abstractNum`` made of :func:`level` strings."""
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
    )


def num(num_id: int, abstract_id: int, *, start_overrides: Mapping[int, int] | None = None) -> str:
    """A ``w:num`` instance; ``start_overrides`` maps a level to its ``w:startOverride``."""
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (start_overrides or {}).items()
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'

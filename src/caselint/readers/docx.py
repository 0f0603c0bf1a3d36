"""Read a .docx the way its author sees it in Word.

python-docx's ``paragraph.text`` drops tracked insertions, skips content controls and knows
nothing of automatic numbering, so this reader walks the WordprocessingML itself with lxml (the
XML engine python-docx is built on) straight from the zip: body paragraphs and tables in document
order (nested tables and content controls included), tracked insertions in and deletions out,
field results in and field codes out, hidden text out, automatic numbering labels rendered
(一、 （一） 1.), text boxes, footnotes and endnotes, headers, footers and comments each in their
own story. Text boxes, notes and comments follow the paragraph that anchors or cites them, so
they fall in the part (综合材料/详细材料) their anchor is in. Reading the package directly also
keeps python-docx's object model (≈60 ms of imports and parsing) off the ``count`` and ``check``
paths; python-docx writes documents (pack, annotate, new).

``DocxReader(..., trace=True)`` also records where each block's text comes from
(:class:`TracedBlock`): ``caselint annotate`` maps a finding's offsets back to the runs it must
anchor a comment on with the very text model the checks saw. Off by default, at no cost.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from caselint.core.model import Block, BlockKind, Document, Location, Story
from caselint.core.read_error import ReadError
from caselint.core.safezip import InflateLimit, read_member
from caselint.readers.numbering import Numbering

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, R, T, TBL, TR, TC = _w("p"), _w("r"), _w("t"), _w("tbl"), _w("tr"), _w("tc")
SDT, SDT_CONTENT, CUSTOM_XML = _w("sdt"), _w("sdtContent"), _w("customXml")
PPR, RPR, TXBX = _w("pPr"), _w("rPr"), _w("txbxContent")
VAL = _w("val")
MC_ALT, MC_CHOICE = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice"
MATH_T = f"{{{M}}}t"
_COMMENT_START = _w("commentRangeStart")
_COMMENT_END = _w("commentRangeEnd")
#: Run content citing a note or comment, and the story the cited text is read into.
_REFERENCES = {
    _w("footnoteReference"): Story.FOOTNOTE,
    _w("endnoteReference"): Story.ENDNOTE,
    _w("commentReference"): Story.COMMENT,
}

#: Containers whose children are read as if they stood in their parent.
_TRANSPARENT = frozenset(
    {
        _w("ins"),
        _w("moveTo"),
        _w("hyperlink"),
        _w("smartTag"),
        CUSTOM_XML,
        SDT_CONTENT,
        _w("fldSimple"),
        _w("bdo"),
        _w("dir"),
        f"{{{M}}}oMathPara",
        f"{{{M}}}oMath",
    }
)
#: Elements whose content is never text the reader sees.
_SKIPPED = frozenset(
    {
        _w("del"),
        _w("moveFrom"),
        PPR,
        _w("sdtPr"),
        _w("sdtEndPr"),
        _w("customXmlPr"),
        _w("smartTagPr"),
        _w("proofErr"),
        _w("bookmarkStart"),
        _w("bookmarkEnd"),
        _w("commentRangeStart"),
        _w("commentRangeEnd"),
    }
)
#: Zip safety: the most a .docx may expand to, and the highest compression ratio of a big part.
#: Sizes are measured while inflating (:mod:`caselint.core.safezip`); headers only refuse early.
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024
#: The most one XML part may inflate to. A 5000-字 draft's document.xml is well under a
#: megabyte, a heavily revised one a few; 32 MB is a long book. Parsing costs about three times
#: the XML in memory, so the cap keeps checking any .docx within a few hundred megabytes and a
#: minute (benchmarks/bench_huge_xml.py).
MAX_XML_PART_BYTES = 32 * 1024 * 1024
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024  # parts smaller than this are never judged by their ratio

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLES = frozenset({"title", "标题"})
_FALSE = frozenset({"0", "false", "off", "none"})

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None
    bold: bool | None = None
    hidden: bool | None = None
    num_id: str | None = None
    ilvl: int | None = None


@dataclass(frozen=True, slots=True)
class Piece:
    """Characters ``start:end`` of a block's text and the element they are read from.

    ``element`` is a ``w:t`` or ``m:t`` (whose whole text is the piece, so character ``i`` of
    the block is character ``i - start`` of the element's text) or a one-character element:
    ``w:tab``/``w:ptab`` ("\\t"), ``w:br``/``w:cr`` ("\\n"), ``w:noBreakHyphen`` ("-"), ``w:sym``.
    """

    start: int
    end: int
    element: etree._Element


@dataclass(slots=True)
class TracedBlock:
    """A block with the ``w:p`` it was read from and the pieces its text is made of."""

    block: Block
    paragraph: etree._Element
    pieces: list[Piece]


@dataclass
class _Paragraph:
    hidden: bool = False  # the paragraph style hides its text (``w:vanish``)
    text: list[str] = field(default_factory=list)
    hints: list[int] = field(default_factory=list)
    length: int = 0
    bold_chars: int = 0
    plain_chars: int = 0
    bold_lead: int = 0  # characters of bold text the paragraph opens with
    boxes: list[etree._Element] = field(default_factory=list)
    refs: list[tuple[Story, str]] = field(default_factory=list)  # notes and comments cited
    #: Offsets of the text each comment of this paragraph is anchored on, by comment id (the
    #: end None when the range goes on into a later paragraph).
    ranges: dict[str, list[int | None]] = field(default_factory=dict)

    def add(
        self, text: str, *, hinted: bool, bold: bool, source: etree._Element | None = None
    ) -> None:
        if hinted:
            self.hints.extend(range(self.length, self.length + len(text)))
        self.text.append(text)
        self.length += len(text)
        visible = len(text.strip())
        if bold:
            self.bold_chars += visible
            if self.plain_chars == 0:
                self.bold_lead = self.length
        else:
            self.plain_chars += visible


@dataclass
class _TracedParagraph(_Paragraph):
    """A paragraph that also records which element each piece of its text comes from."""

    pieces: list[Piece] = field(default_factory=list)

    def add(
        self, text: str, *, hinted: bool, bold: bool, source: etree._Element | None = None
    ) -> None:
        if text and source is not None:
            self.pieces.append(Piece(self.length, self.length + len(text), source))
        super().add(text, hinted=hinted, bold=bold)


def _read_zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ReadError("corrupt-zip", detail=str(exc)) from exc
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_UNZIPPED_BYTES or (info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO):
            raise ReadError("zip-bomb", size=round(total / 1024 / 1024), ratio=round(max(ratio, 1)))
    return archive


class Package:
    """The parts of a .docx zip, found through its relationships like Word finds them."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.names = set(archive.namelist())
        self.inflated = 0  # bytes inflated so far, measured (headers can lie)
        main = self._main_part_name()
        if main not in self.names:
            raise ReadError("no-document-part")
        self.main = main
        self.rels = self._relationships(main)

    def _main_part_name(self) -> str:
        rels = self.xml("_rels/.rels")
        if rels is not None:
            for rel in rels.iter(f"{{{PKG_REL}}}Relationship"):
                if rel.get("Type", "").endswith("/officeDocument"):
                    return rel.get("Target", "").lstrip("/")
        return "word/document.xml"

    def _relationships(self, part: str) -> dict[str, list[str]]:
        folder, name = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", f"{name}.rels"))
        found: dict[str, list[str]] = {}
        if rels is None:
            return found
        for rel in rels.iter(f"{{{PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            found.setdefault(kind, []).append(posixpath.normpath(path))
        return found

    def xml(self, name: str) -> etree._Element | None:
        if name not in self.names:
            return None
        room = MAX_UNZIPPED_BYTES - self.inflated
        try:
            raw = read_member(self.archive, name, min(MAX_XML_PART_BYTES, room))
        except InflateLimit as exc:
            if exc.limit == MAX_XML_PART_BYTES:
                raise ReadError(
                    "part-too-large", part=name, limit=MAX_XML_PART_BYTES >> 20
                ) from exc
            total = self.inflated + exc.size
            packed = max(1, sum(info.compress_size for info in self.archive.infolist()))
            raise ReadError(
                "zip-bomb", size=round(total / 1024 / 1024), ratio=max(1, round(total / packed))
            ) from exc
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise ReadError("corrupt-zip", detail=f"{name}: {exc}") from exc
        self.inflated += len(raw)
        try:
            return etree.fromstring(raw, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise ReadError("bad-xml", part=name, detail=str(exc)) from exc

    def related(self, kind: str) -> list[etree._Element]:
        roots = (self.xml(name) for name in self.rels.get(kind, []))
        return [root for root in roots if root is not None]


def _on(element: etree._Element | None) -> bool | None:
    """The value of an on/off property (``<w:b/>``, ``<w:b w:val="0"/>``), None when absent."""
    if element is None:
        return None
    return element.get(VAL, "true").lower() not in _FALSE


class _Styles:
    """Paragraph and character styles with their ``basedOn`` inheritance resolved."""

    def __init__(self, root: etree._Element | None) -> None:
        # Styles are parsed when a paragraph first uses them: Word templates define 150+ styles
        # (latent ones included) and a draft uses a dozen.
        self._elements: dict[str, etree._Element] = {}
        self._parsed: dict[str, _Style | None] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        style_id, style_type, default = _w("styleId"), _w("type"), _w("default")
        for el in root.iterchildren(_w("style")):
            sid = el.get(style_id, "")
            self._elements[sid] = el
            if el.get(style_type) == "paragraph" and el.get(default) in ("1", "true", "on"):
                self.default_paragraph = sid

    def get(self, sid: str) -> _Style | None:
        if sid not in self._parsed:
            el = self._elements.get(sid)
            self._parsed[sid] = None if el is None else self._parse(sid, el)
        return self._parsed[sid]

    @staticmethod
    def _parse(sid: str, el: etree._Element) -> _Style:
        name_el = el.find(_w("name"))
        based = el.find(_w("basedOn"))
        ppr = el.find(PPR)
        rpr = el.find(RPR)
        style = _Style(
            name=name_el.get(VAL, "") if name_el is not None else sid,
            based_on=based.get(VAL) if based is not None else None,
            bold=_on(rpr.find(_w("b"))) if rpr is not None else None,
            hidden=_on(rpr.find(_w("vanish"))) if rpr is not None else None,
        )
        if ppr is not None:
            outline = ppr.find(_w("outlineLvl"))
            if outline is not None and outline.get(VAL, "").isdigit():
                style.outline = int(outline.get(VAL))
            num_pr = ppr.find(_w("numPr"))
            if num_pr is not None:
                num_id, ilvl = num_pr.find(_w("numId")), num_pr.find(_w("ilvl"))
                style.num_id = num_id.get(VAL) if num_id is not None else None
                if ilvl is not None and ilvl.get(VAL, "").isdigit():
                    style.ilvl = int(ilvl.get(VAL))
        return style

    def chain(self, sid: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while sid and sid not in seen:
            seen.add(sid)
            style = self.get(sid)
            if style is None:
                return
            yield style
            sid = style.based_on

    def first(self, sid: str | None, attr: str) -> object:
        for style in self.chain(sid):
            value = getattr(style, attr)
            if value is not None:
                return value
        return None

    def name(self, sid: str | None) -> str | None:
        style = self.get(sid or "")
        return style.name if style else None

    def heading_level(self, sid: str | None) -> int | None:
        """1-9 for Heading N / 标题 N, 0 for Title, else the outline level; None for body text.

        The nearest style in the ``basedOn`` chain decides: a style derived from Heading 1 that
        sets its own outline level is a heading of that level, as in Word's navigation pane.
        """
        for style in self.chain(sid):
            name = style.name.strip()
            match = _HEADING_STYLE.match(name)
            if match:
                return int(match.group(1))
            if name.lower() in _TITLE_STYLES:
                return 0
            if style.outline is not None:
                return style.outline + 1 if style.outline < 9 else None
        return None


class DocxReader:
    """One pass over a .docx package, producing the blocks of every story.

    ``trace=True`` fills :attr:`trace` with a :class:`TracedBlock` per block, in block order.
    ``root`` is the ``w:document`` element to read instead of parsing the main part from
    ``data``: annotate passes python-docx's own tree, so the traced elements are the ones it
    edits and saves.
    """

    def __init__(
        self,
        path: str,
        data: bytes,
        *,
        trace: bool = False,
        root: etree._Element | None = None,
    ) -> None:
        self.path = path
        self.trace: list[TracedBlock] | None = [] if trace else None
        self._root = root
        self.package = Package(_read_zip(data))
        self.styles = _Styles(_first(self.package.related("styles")))
        self.numbering = Numbering(_first(self.package.related("numbering")), W)
        self.blocks: list[Block] = []
        self.paragraph_no = 0
        self.table_no: dict[Story, int] = {}
        self.current_heading: str | None = None
        # Notes and comments by (story, id), read where the body cites them (see _paragraph).
        self.pending: dict[tuple[Story, str], etree._Element] = {}
        self._collect_notes("footnotes", _w("footnote"), Story.FOOTNOTE)
        self._collect_notes("endnotes", _w("endnote"), Story.ENDNOTE)
        for part in self.package.related("comments"):
            for comment in part.iter(_w("comment")):
                self.pending.setdefault((Story.COMMENT, comment.get(_w("id"), "")), comment)

    # -- document ---------------------------------------------------------------------------

    def read(self) -> Document:
        root = self._root if self._root is not None else self.package.xml(self.package.main)
        body = root.find(_w("body")) if root is not None else None
        if body is None:
            raise ReadError("no-document-part")
        self._container(body, Story.MAIN, cell=None)
        self._uncited(Story.FOOTNOTE, Story.ENDNOTE)
        for kind, story in (("header", Story.HEADER), ("footer", Story.FOOTER)):
            for part in self.package.related(kind):
                self._container(part, story, cell=None, numbered=False)
        self._uncited(Story.COMMENT)
        return Document(
            path=self.path,
            format="docx",
            blocks=self.blocks,
            metadata=self._custom_properties(),
            properties=self._core_properties(),
        )

    def _collect_notes(self, kind: str, tag: str, story: Story) -> None:
        """Index the notes of a part; separator and continuation notes are never text."""
        for part in self.package.related(kind):
            for note in part.iter(tag):
                if note.get(_w("type")) in (None, "normal"):
                    self.pending.setdefault((story, note.get(_w("id"), "")), note)

    def _cited(
        self,
        ref: tuple[Story, str],
        anchor: int | None,
        span: list[int | None] | None = None,
    ) -> None:
        """Read a note or comment right after the paragraph citing it (first citation only).

        A comment's blocks carry the anchor paragraph's number and, as ``start``/``end``, the
        offsets of the text it is anchored on (a ``caselint: ignore`` comment covers those)."""
        element = self.pending.pop(ref, None)
        if element is not None:
            first = len(self.blocks)
            self._container(element, ref[0], cell=None, numbered=False, anchor=anchor)
            if span is not None:
                for block in self.blocks[first:]:
                    block.location.start, block.location.end = span

    def _uncited(self, *stories: Story) -> None:
        """Notes or comments no paragraph cites: read last, with no paragraph to point at."""
        for key in [key for key in self.pending if key[0] in stories]:
            self._cited(key, anchor=None)

    # -- block-level content ----------------------------------------------------------------

    def _container(
        self,
        element: etree._Element,
        story: Story,
        cell: tuple[int, int, int] | None,
        numbered: bool = True,
        anchor: int | None = None,
    ) -> None:
        for child in block_content(element):
            tag = child.tag
            if tag == P:
                self._paragraph(child, story, cell, numbered, anchor)
            elif tag == TBL:
                self._table(child, story, numbered, anchor)

    def _table(
        self, table: etree._Element, story: Story, numbered: bool, anchor: int | None
    ) -> None:
        # Tables are numbered per story, so a table in a text box or a note does not shift
        # the numbers of the body tables a reader counts on the page.
        number = self.table_no[story] = self.table_no.get(story, 0) + 1
        for row_no, row in enumerate(table_children(table, TR), start=1):
            for cell_no, cell in enumerate(table_children(row, TC), start=1):
                self._container(cell, story, (number, row_no, cell_no), numbered, anchor)

    def _paragraph(
        self,
        p: etree._Element,
        story: Story,
        cell: tuple[int, int, int] | None,
        numbered: bool,
        anchor: int | None,
    ) -> None:
        # Body paragraphs are numbered; other stories point at the body paragraph anchoring or
        # citing them, and headers and footers (anchored nowhere) have no number.
        if story is Story.MAIN and anchor is None:
            self.paragraph_no += 1
            number: int | None = self.paragraph_no
        else:
            number = anchor
        ppr = p.find(PPR)
        sid = self._style_id(ppr)
        style_bold = bool(self.styles.first(sid, "bold"))
        hidden = bool(self.styles.first(sid, "hidden"))
        content = (
            _Paragraph(hidden=hidden) if self.trace is None else _TracedParagraph(hidden=hidden)
        )
        self._inline(p, content, style_bold, fields=[])
        text = "".join(content.text)
        label = self._label(ppr, sid) if numbered else ""
        level = self._level(ppr, sid)
        if cell is not None:
            kind = BlockKind.TABLE_CELL
        elif level is not None:
            kind = BlockKind.HEADING
        elif label:
            kind = BlockKind.LIST_ITEM
        else:
            kind = BlockKind.PARAGRAPH
        if kind is BlockKind.HEADING and story is Story.MAIN and text.strip():
            self.current_heading = (label + text).strip()
        table, row, col = cell if cell is not None else (None, None, None)
        self.blocks.append(
            Block(
                kind=kind,
                text=text,
                label=label,
                level=level if kind is BlockKind.HEADING else None,
                story=story,
                bold=content.bold_chars > 0 and content.plain_chars == 0,
                bold_lead=content.bold_lead if content.plain_chars else 0,
                style=self.styles.name(sid),
                ea_hint=frozenset(content.hints),
                location=Location(
                    paragraph=number,
                    table=table,
                    row=row,
                    cell=col,
                    heading=(
                        self.current_heading
                        if kind is not BlockKind.HEADING and number is not None
                        else None
                    ),
                ),
            )
        )
        if self.trace is not None:
            pieces = content.pieces if isinstance(content, _TracedParagraph) else []
            self.trace.append(TracedBlock(self.blocks[-1], p, pieces))
        # A text box in a header, footer or comment belongs to that story: never counted.
        box_story = Story.TEXTBOX if story in (Story.MAIN, Story.TEXTBOX) else story
        for box in content.boxes:
            self._container(box, box_story, cell=None, numbered=numbered, anchor=number)
        for ref in content.refs:
            self._cited(
                ref, number, content.ranges.get(ref[1]) if ref[0] is Story.COMMENT else None
            )

    def _style_id(self, ppr: etree._Element | None) -> str | None:
        style = ppr.find(_w("pStyle")) if ppr is not None else None
        if style is not None:
            return style.get(VAL)
        return self.styles.default_paragraph

    def _level(self, ppr: etree._Element | None, sid: str | None) -> int | None:
        if ppr is not None:
            outline = ppr.find(_w("outlineLvl"))
            if outline is not None and outline.get(VAL, "").isdigit():
                value = int(outline.get(VAL))
                return value + 1 if value < 9 else None
        return self.styles.heading_level(sid)

    def _label(self, ppr: etree._Element | None, sid: str | None) -> str:
        num_id: str | None = None
        ilvl: int | None = None
        num_pr = ppr.find(_w("numPr")) if ppr is not None else None
        if num_pr is not None:
            num_el, lvl_el = num_pr.find(_w("numId")), num_pr.find(_w("ilvl"))
            num_id = num_el.get(VAL) if num_el is not None else None
            if lvl_el is not None and lvl_el.get(VAL, "").isdigit():
                ilvl = int(lvl_el.get(VAL))
        if num_id is None:
            num_id = self.styles.first(sid, "num_id")  # type: ignore[assignment]
            if ilvl is None:
                ilvl = self.styles.first(sid, "ilvl")  # type: ignore[assignment]
        if not num_id or num_id == "0":
            return ""
        return self.numbering.next_label(num_id, ilvl or 0)

    # -- inline content ---------------------------------------------------------------------

    def _inline(
        self, element: etree._Element, out: _Paragraph, bold: bool, fields: list[bool]
    ) -> None:
        """Collect the visible text of ``element``; ``fields`` tracks open complex fields.

        Each entry of ``fields`` is True while that field's code (before ``separate``) is read,
        False while its result is read; only results are visible.
        """
        for child in element:
            tag = child.tag
            if tag == R:
                self._run(child, out, bold, fields)
            elif tag in _TRANSPARENT or tag == SDT:
                self._inline(child, out, bold, fields)
            elif tag == MC_ALT:
                choice = child.find(MC_CHOICE)
                if choice is not None:
                    self._inline(choice, out, bold, fields)
            elif tag == MATH_T and not any(fields):
                out.add(child.text or "", hinted=False, bold=bold, source=child)
            elif tag == _COMMENT_START:
                comment_id = child.get(_w("id"), "")
                out.refs.append((Story.COMMENT, comment_id))
                out.ranges.setdefault(comment_id, [out.length, None])
            elif tag == _COMMENT_END:
                span = out.ranges.get(child.get(_w("id"), ""))
                if span is not None and span[1] is None:
                    span[1] = out.length
            elif tag not in _SKIPPED and isinstance(tag, str) and tag.startswith(f"{{{M}}}"):
                self._inline(child, out, bold, fields)

    def _run(self, run: etree._Element, out: _Paragraph, bold: bool, fields: list[bool]) -> None:
        rpr = run.find(RPR)
        hinted = False
        hidden = out.hidden
        if rpr is not None:
            fonts = rpr.find(_w("rFonts"))
            hinted = fonts is not None and fonts.get(_w("hint")) == "eastAsia"
            run_style = rpr.find(_w("rStyle"))
            style_id = run_style.get(VAL) if run_style is not None else None
            # Direct formatting beats the character style, which beats the paragraph style.
            direct_bold = self._run_flag(rpr, "b", style_id, "bold")
            bold = bold if direct_bold is None else direct_bold
            direct_hidden = self._run_flag(rpr, "vanish", style_id, "hidden")
            hidden = hidden if direct_hidden is None else direct_hidden
            hidden = hidden or bool(_on(rpr.find(_w("specVanish"))))
        for child in run:
            tag = child.tag
            if tag == _w("fldChar"):
                # Field structure holds even in hidden runs: skipping a hidden ``separate``
                # would leave the field in its code and hide the visible result.
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    fields.append(True)
                elif kind == "separate" and fields:
                    fields[-1] = False
                elif kind == "end" and fields:
                    fields.pop()
                continue
            if hidden or any(fields):
                continue
            if tag in _REFERENCES:
                out.refs.append((_REFERENCES[tag], child.get(_w("id"), "")))
            elif tag == T:
                out.add(child.text or "", hinted=hinted, bold=bold, source=child)
            elif tag == _w("tab") or tag == _w("ptab"):
                out.add("\t", hinted=False, bold=bold, source=child)
            elif tag in (_w("br"), _w("cr")):
                out.add("\n", hinted=False, bold=bold, source=child)
            elif tag == _w("noBreakHyphen"):
                out.add("-", hinted=False, bold=bold, source=child)
            elif tag == _w("sym"):
                code = child.get(_w("char"), "")
                try:
                    out.add(chr(int(code, 16)), hinted=False, bold=bold, source=child)
                except ValueError:
                    continue
            elif tag in (_w("drawing"), _w("pict"), _w("object"), MC_ALT):
                self._collect_boxes(child, out)

    def _run_flag(
        self, rpr: etree._Element, prop: str, style_id: str | None, attr: str
    ) -> bool | None:
        """An on/off run property set directly or by the run's character style, else None."""
        value = _on(rpr.find(_w(prop)))
        if value is None and style_id:
            inherited = self.styles.first(style_id, attr)
            value = inherited if isinstance(inherited, bool) else None
        return value

    def _collect_boxes(self, element: etree._Element, out: _Paragraph) -> None:
        """Text boxes anchored in this run, each once (``mc:Choice``, never ``mc:Fallback``)."""
        for box in element.iter(TXBX):
            if _inside_fallback(box, stop=element) or _inside_box(box, stop=element):
                continue
            out.boxes.append(box)

    # -- metadata ---------------------------------------------------------------------------

    def _custom_properties(self) -> dict[str, object]:
        root = self.package.xml("docProps/custom.xml")
        found: dict[str, object] = {}
        if root is None:
            return found
        for prop in root:
            name = prop.get("name")
            value = next(iter(prop), None)
            if not name or value is None:
                continue
            kind = etree.QName(value).localname
            text = value.text or ""
            if kind == "bool":
                found[name] = text.strip().lower() in ("true", "1")
            elif kind in ("i1", "i2", "i4", "i8", "int", "ui1", "ui2", "ui4", "ui8", "uint"):
                try:
                    found[name] = int(text)
                except ValueError:
                    found[name] = text
            elif kind in ("r4", "r8", "decimal"):
                try:
                    found[name] = float(text)
                except ValueError:
                    found[name] = text
            else:
                found[name] = text
        return found

    def _core_properties(self) -> dict[str, str]:
        root = self.package.xml("docProps/core.xml")
        if root is None:
            return {}
        props = {}
        for el in root:
            if isinstance(el.tag, str) and el.text and el.text.strip():
                props[etree.QName(el).localname] = el.text.strip()
        return props


def _first(roots: list[etree._Element]) -> etree._Element | None:
    return roots[0] if roots else None


def block_content(element: etree._Element) -> Iterator[etree._Element]:
    """Block-level children, looking through content controls and custom XML wrappers."""
    for child in element:
        tag = child.tag
        if tag in (SDT, CUSTOM_XML, SDT_CONTENT, _w("ins"), _w("moveTo")):
            yield from block_content(child)
        elif tag == MC_ALT:
            choice = child.find(MC_CHOICE)
            if choice is not None:
                yield from block_content(choice)
        elif tag in (P, TBL):
            yield child


def table_children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Rows of a table or cells of a row, including those wrapped in content controls."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (SDT, SDT_CONTENT, CUSTOM_XML, _w("ins")):
            yield from table_children(child, tag)


def _inside_fallback(element: etree._Element, stop: etree._Element) -> bool:
    for parent in element.iterancestors():
        if parent is stop:
            return False
        if parent.tag == f"{{{MC}}}Fallback":
            return True
    return False


def _inside_box(element: etree._Element, stop: etree._Element) -> bool:
    """A text box nested in another text box is read with its parent box, not twice."""
    for parent in element.iterancestors():
        if parent is stop:
            return False
        if parent.tag == TXBX:
            return True
    return False


def read_docx(path: str, data: bytes) -> Document:
    return DocxReader(path, data).read()


def trace_docx(
    path: str, data: bytes, root: etree._Element | None = None
) -> tuple[Document, list[TracedBlock]]:
    """Read a .docx and trace every block's text to its elements (see :class:`DocxReader`)."""
    reader = DocxReader(path, data, trace=True, root=root)
    document = reader.read()
    return document, reader.trace or []

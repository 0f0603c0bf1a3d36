"""Anchor Word comments on exact characters: cut runs where a span starts or ends, then mark.

Word (and python-docx's ``add_comment``) anchors a comment on whole runs: a
``w:commentRangeStart`` before the first run, a ``w:commentRangeEnd`` after the last. A flagged
phrase (「全国领先」) usually sits inside a longer run, so the run is cut in two at each end of the
span. Both halves keep a copy of the run's properties (``w:rPr``: bold, size, fonts, the
East-Asian hint), no character is added or lost, and every element other than a cut ``w:t``
keeps its identity, so the pieces the reader traced stay valid while further cuts are made.

Offsets are those of the reader's text model (:class:`~caselint.readers.docx.TracedBlock`):
tracked insertions in, deletions, field codes and hidden text out, tabs and breaks one
character each. Text inside an equation (``m:t``) is never cut: a span reaching into one is
widened to the whole equation.

The comment reference mark (the run holding ``w:commentReference``) is put after the range,
lifted out of a tracked insertion, hyperlink or content control and moved past the end of a
complex field, so accepting or rejecting a change, or updating a field, never deletes it.
"""

from __future__ import annotations

from copy import deepcopy

from lxml import etree

from caselint.readers.docx import PPR, RPR, M, Piece, TracedBlock, W

_R = f"{{{W}}}r"
_T = f"{{{W}}}t"
_VAL = f"{{{W}}}val"
_ID = f"{{{W}}}id"
_FLD_CHAR = f"{{{W}}}fldChar"
_FLD_TYPE = f"{{{W}}}fldCharType"
_DEL = f"{{{W}}}del"
_MATH = frozenset({f"{{{M}}}oMath", f"{{{M}}}oMathPara"})
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
RANGE_START = f"{{{W}}}commentRangeStart"
RANGE_END = f"{{{W}}}commentRangeEnd"
REFERENCE = f"{{{W}}}commentReference"


class ParagraphAnchors:
    """The runs of one traced paragraph, cut so that comment spans start and end between runs.

    Cut every offset first (:meth:`cut`), then :meth:`mark` each span: a mark never cuts, so
    marks made on the same paragraph cannot disturb each other.
    """

    def __init__(self, traced: TracedBlock) -> None:
        self.paragraph = traced.paragraph
        self.pieces: list[Piece] = list(traced.pieces)
        self.length = len(traced.block.text)

    # -- cutting ----------------------------------------------------------------------------

    def cut(self, offset: int) -> None:
        """Make ``offset`` of the paragraph's text fall between two runs (at 0 and at the
        end, between the text and whatever else its run holds: a field code, a note mark)."""
        if offset < 0 or offset > self.length:
            return
        for i, piece in enumerate(self.pieces):
            if piece.start < offset < piece.end:
                if piece.element.tag != _T:
                    return  # inside an equation: the span is widened instead
                tail = _split_text(piece.element, offset - piece.start)
                self.pieces[i : i + 1] = [
                    Piece(piece.start, offset, piece.element),
                    Piece(offset, piece.end, tail),
                ]
                break
        for piece in self.pieces:
            if piece.start == offset and piece.element.getparent().tag == _R:
                _make_first(piece.element)
            elif piece.end == offset and piece.element.getparent().tag == _R:
                _make_last(piece.element)

    # -- marking ----------------------------------------------------------------------------

    def mark(self, start: int, end: int, comment_id: int) -> None:
        """Put comment ``comment_id``'s range around characters ``start:end`` (already cut).

        A span covering no text (an empty paragraph) becomes a point comment at the start of
        the paragraph.
        """
        inside = [p for p in self.pieces if p.end > start and p.start < end]
        if not inside:
            self.mark_point(comment_id)
            return
        first, last = self._anchor(inside[0]), self._anchor(inside[-1])
        first.addprevious(_marker(first, RANGE_START, comment_id))
        range_end = _marker(last, RANGE_END, comment_id)
        last.addnext(range_end)
        self._place_reference(range_end, comment_id)

    def mark_point(self, comment_id: int) -> None:
        p = self.paragraph
        ppr = p.find(PPR)
        index = p.index(ppr) + 1 if ppr is not None else 0
        start = _marker(p, RANGE_START, comment_id)
        end = _marker(p, RANGE_END, comment_id)
        p.insert(index, start)
        start.addnext(end)
        self._place_reference(end, comment_id)

    def _anchor(self, piece: Piece) -> etree._Element:
        """The element range markers go around: the piece's run, or its whole equation."""
        parent = piece.element.getparent()
        if parent.tag == _R:
            return parent
        top = piece.element
        for ancestor in piece.element.iterancestors():
            if ancestor is self.paragraph:
                break
            if ancestor.tag in _MATH:
                top = ancestor
        return top

    def _place_reference(self, range_end: etree._Element, comment_id: int) -> None:
        p = self.paragraph
        node = range_end
        while node.getparent() is not None and node.getparent() is not p:
            node = node.getparent()
        node = _past_open_field(p, node)
        # After the marks already there, so marks read in the order the comments were made.
        while (following := node.getnext()) is not None and _is_reference_run(following):
            node = following
        node.addnext(_reference_run(p, comment_id))


def _split_text(t: etree._Element, at: int) -> etree._Element:
    """Cut a ``w:t`` at character ``at``; the new ``w:t`` holding the rest follows it."""
    text = t.text or ""
    tail = t.makeelement(t.tag, dict(t.attrib))
    t.text, tail.text = text[:at], text[at:]
    t.set(_XML_SPACE, "preserve")
    tail.set(_XML_SPACE, "preserve")
    t.addnext(tail)
    return tail


def _content(element: etree._Element) -> bool:
    return isinstance(element.tag, str) and element.tag != RPR


def _make_first(element: etree._Element) -> None:
    """Cut ``element``'s run so that ``element`` is the first content of its (new) run."""
    if any(_content(e) for e in element.itersiblings(preceding=True)):
        _split_run_before(element)


def _make_last(element: etree._Element) -> None:
    """Cut ``element``'s run so that ``element`` is the last content of its run."""
    following = next((e for e in element.itersiblings() if _content(e)), None)
    if following is not None:
        _split_run_before(following)


def _split_run_before(element: etree._Element) -> None:
    """Move ``element`` and what follows it into a new run, with a copy of the run's ``w:rPr``."""
    run = element.getparent()
    new = run.makeelement(run.tag, dict(run.attrib))
    rpr = run.find(RPR)
    if rpr is not None:
        new.append(deepcopy(rpr))
    for child in [element, *element.itersiblings()]:
        new.append(child)
    run.addnext(new)


def _marker(near: etree._Element, tag: str, comment_id: int) -> etree._Element:
    return near.makeelement(tag, {_ID: str(comment_id)})


def _reference_run(near: etree._Element, comment_id: int) -> etree._Element:
    """The run Word writes for a comment's mark: ``CommentReference`` style, no text."""
    run = near.makeelement(_R, {})
    rpr = etree.SubElement(run, RPR)
    etree.SubElement(rpr, f"{{{W}}}rStyle", {_VAL: "CommentReference"})
    etree.SubElement(run, REFERENCE, {_ID: str(comment_id)})
    return run


def _is_reference_run(element: etree._Element) -> bool:
    return element.tag == _R and element.find(REFERENCE) is not None


def _field_depth(element: etree._Element, depth: int) -> int:
    for char in element.iter(_FLD_CHAR):
        if any(a.tag == _DEL for a in char.iterancestors()):
            continue
        kind = char.get(_FLD_TYPE)
        if kind == "begin":
            depth += 1
        elif kind == "end":
            depth = max(0, depth - 1)
    return depth


def _past_open_field(p: etree._Element, node: etree._Element) -> etree._Element:
    """``node``, or the paragraph child ending the complex field ``node`` stands in."""
    depth = 0
    for child in p:
        depth = _field_depth(child, depth)
        if child is node:
            break
    if depth == 0:
        return node
    for child in node.itersiblings():
        depth = _field_depth(child, depth)
        if depth == 0:
            return child
    return node


def mark_new_paragraph(root: etree._Element, comment_id: int) -> None:
    """A point comment in a new empty paragraph at the top of a body that has none at all.

    Word itself never saves such a body; an empty paragraph adds no text and no count.
    """
    body = root.find(f"{{{W}}}body")
    if body is None:
        return
    p = body.makeelement(f"{{{W}}}p", {})
    body.insert(0, p)
    start = _marker(p, RANGE_START, comment_id)
    p.append(start)
    start.addnext(_marker(p, RANGE_END, comment_id))
    p.append(_reference_run(p, comment_id))


def remove_marks(root: etree._Element, ids: set[str]) -> None:
    """Remove the range markers and reference marks of comments ``ids`` from the body.

    A run left with nothing but its properties after its reference mark is removed goes too.
    """
    for tag in (RANGE_START, RANGE_END, REFERENCE):
        for element in list(root.iter(tag)):
            if element.get(_ID) not in ids:
                continue
            parent = element.getparent()
            parent.remove(element)
            if tag == REFERENCE and parent.tag == _R and not any(_content(c) for c in parent):
                parent.getparent().remove(parent)

"""Cut a .docx that holds both parts into a .docx per part, keeping everything else as it was.

The platform takes the 综合材料 and the 详细材料 as separate files, but many drafts keep both in
one document. Re-typesetting would lose the author's formatting, so the part's file is the
original package with the other part taken out: its marker line (详细材料) and every body
paragraph and table up to the next marker, with the footnotes, endnotes and comments cited only
there. Styles, numbering, headers, pictures and the text of the kept part stay byte for byte.

The cut follows caselint's own reading exactly: body paragraphs are numbered as the .docx reader
numbers them (every body and table-cell paragraph, through content controls), and the part
boundaries are the marker paragraphs the part splitter found. Notes no paragraph cites belong to
the last part, as when the whole file is read. Whatever the cut could still change (a list
numbered across both parts restarts) is caught afterwards: the bundle compares the new file's
text and counts with the draft's and refuses to pack on any difference.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from caselint.cases.parts import SplitDocument
from caselint.core.model import PartName
from caselint.pack.docx_props import DocProps, scrub_properties
from caselint.readers.docx import TBL, TC, TR, P, Package, W, block_content, table_children

_NOTE_PARTS = {"footnotes": "footnote", "endnotes": "endnote", "comments": "comment"}
_REFERENCE_TAGS = {
    "footnote": (f"{{{W}}}footnoteReference",),
    "endnote": (f"{{{W}}}endnoteReference",),
    "comment": (
        f"{{{W}}}commentReference",
        f"{{{W}}}commentRangeStart",
        f"{{{W}}}commentRangeEnd",
    ),
}
_ID = f"{{{W}}}id"


class SplitError(ValueError):
    """The document cannot be cut where the part splitter put the boundary."""


def _ranges(split: SplitDocument) -> list[tuple[int, PartName]]:
    """(first paragraph number, part) of each part's marker, in document order."""
    starts = []
    for part, block in split.markers.items():
        number = block.location.paragraph
        if number is None:
            raise SplitError("a part marker has no paragraph number")
        starts.append((number, part))
    return sorted(starts)


def _owner(number: int, starts: list[tuple[int, PartName]]) -> PartName | None:
    owner = None
    for first, part in starts:
        if number >= first:
            owner = part
    return owner


class _Cutter:
    """Walks the body in the reader's order and marks the paragraphs and tables to drop."""

    def __init__(self, starts: list[tuple[int, PartName]], wanted: PartName) -> None:
        self.starts = starts
        self.wanted = wanted
        self.number = 0
        self.drop: list[etree._Element] = []

    def _dropped(self, number: int) -> bool:
        owner = _owner(number, self.starts)
        return owner is not None and owner != self.wanted

    def walk(self, container: etree._Element) -> None:
        for child in block_content(container):
            if child.tag == P:
                self.number += 1
                if self._dropped(self.number):
                    self.drop.append(child)
            elif child.tag == TBL:
                first = self.number + 1
                self._count_table(child)
                numbers = range(first, self.number + 1)
                dropped = [self._dropped(n) for n in numbers]
                if dropped and all(dropped):
                    self.drop.append(child)
                elif any(dropped):
                    raise SplitError("a table spans both parts")

    def _count_table(self, table: etree._Element) -> None:
        for row in table_children(table, TR):
            for cell in table_children(row, TC):
                for child in block_content(cell):
                    if child.tag == P:
                        self.number += 1
                    elif child.tag == TBL:
                        self._count_table(child)


def _ids(elements: list[etree._Element], kind: str) -> set[str]:
    found: set[str] = set()
    for element in elements:
        for tag in _REFERENCE_TAGS[kind]:
            found.update(el.get(_ID, "") for el in element.iter(tag))
    return found


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def split_docx(data: bytes, split: SplitDocument, wanted: PartName, props: DocProps) -> bytes:
    """The package of ``data`` with every part but ``wanted`` removed (see the module doc),
    its properties those of ``props`` (:mod:`caselint.pack.docx_props`)."""
    starts = _ranges(split)
    archive = zipfile.ZipFile(io.BytesIO(data))
    package = Package(archive)
    root = package.xml(package.main)
    body = root.find(f"{{{W}}}body") if root is not None else None
    if body is None:
        raise SplitError("no document body")
    cutter = _Cutter(starts, wanted)
    cutter.walk(body)
    for element in cutter.drop:
        element.getparent().remove(element)
    last_part = starts[-1][1] if starts else wanted
    replace: dict[str, bytes | None] = {}
    for rel_kind, note_kind in _NOTE_PARTS.items():
        cited_dropped = _ids(cutter.drop, note_kind)
        cited_kept = _ids([body], note_kind)
        for name in package.rels.get(rel_kind, []):
            notes = package.xml(name)
            if notes is None:
                continue
            removed = _drop_notes(notes, note_kind, cited_dropped, cited_kept, wanted == last_part)
            if removed:
                replace[name] = _serialize(notes)
                _drop_references(body, note_kind, removed)
    _drop_orphan_bookmarks(body)
    replace[package.main] = _serialize(root)
    return scrub_properties(data, props, replace=replace)


def _drop_notes(
    notes: etree._Element,
    kind: str,
    cited_dropped: set[str],
    cited_kept: set[str],
    keep_uncited: bool,
) -> set[str]:
    """Remove the notes only the dropped part cites (and uncited ones, unless they are ours)."""
    removed: set[str] = set()
    for note in list(notes.iter(f"{{{W}}}{kind}")):
        if note.get(f"{{{W}}}type") not in (None, "normal"):
            continue  # separators
        note_id = note.get(_ID, "")
        if note_id in cited_kept:
            continue
        if note_id in cited_dropped or not keep_uncited:
            note.getparent().remove(note)
            removed.add(note_id)
    return removed


def _drop_references(body: etree._Element, kind: str, removed: set[str]) -> None:
    for tag in _REFERENCE_TAGS[kind]:
        for element in list(body.iter(tag)):
            if element.get(_ID, "") in removed:
                element.getparent().remove(element)


def _drop_orphan_bookmarks(body: etree._Element) -> None:
    """Bookmark halves whose other half was in the dropped part."""
    starts = {el.get(_ID) for el in body.iter(f"{{{W}}}bookmarkStart")}
    ends = {el.get(_ID) for el in body.iter(f"{{{W}}}bookmarkEnd")}
    for tag, others in ((f"{{{W}}}bookmarkStart", ends), (f"{{{W}}}bookmarkEnd", starts)):
        for element in list(body.iter(tag)):
            if element.get(_ID) not in others:
                element.getparent().remove(element)

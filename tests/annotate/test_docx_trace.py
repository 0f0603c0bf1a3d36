"""The docx reader's opt-in trace: the same text model, with each character's element."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from annotate_drafts import rich_draft
from lxml import etree

from caselint.readers.docx import DocxReader, read_docx, trace_docx
from support.docx_build import abstract_num, build_docx, level, num, para, run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
ONE_CHAR = {f"{{{W}}}tab": "\t", f"{{{W}}}br": "\n", f"{{{W}}}noBreakHyphen": "-"}


def _numbered(path: Path) -> Path:
    body = "".join(
        para(run(text), num=(1, 0)) for text in ("基本情况", "主要做法", "取得成效")
    ) + para(
        [
            run("符号", inner='<w:sym w:font="Wingdings" w:char="F0FC"/>'),
            run("不断", inner="<w:noBreakHyphen/>"),
            run("行", inner="<w:br/>"),
            "<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>",
            run("末尾"),
        ]
    )
    return build_docx(
        path,
        body,
        numbering_xml=abstract_num(1, level(0, "chineseCounting", "%1、")) + num(1, 1),
    )


@pytest.fixture(params=["rich", "numbered"])
def draft(request, tmp_path: Path) -> Path:
    if request.param == "rich":
        return rich_draft(tmp_path / "rich.docx")
    return _numbered(tmp_path / "numbered.docx")


def _view(document):
    return [
        (b.story, b.kind, b.text, b.label, b.level, b.location, b.bold) for b in document.blocks
    ]


def test_tracing_reads_the_same_document(draft: Path) -> None:
    data = draft.read_bytes()
    plain = read_docx(str(draft), data)
    traced_doc, traced = trace_docx(str(draft), data)
    assert _view(plain) == _view(traced_doc)
    assert plain.metadata == traced_doc.metadata
    assert [t.block for t in traced] == traced_doc.blocks  # one entry per block, in order
    # python-docx's own tree read in place of the parsed main part: the same again.
    tree = docx.Document(str(draft)).element
    in_place, _ = trace_docx(str(draft), data, root=tree)
    assert _view(in_place) == _view(plain)


def test_pieces_tile_the_text_and_name_their_elements(draft: Path) -> None:
    _, traced = trace_docx(str(draft), draft.read_bytes())
    for item in traced:
        text = item.block.text
        position = 0
        for piece in item.pieces:
            assert piece.start == position < piece.end
            chunk = text[piece.start : piece.end]
            tag = piece.element.tag
            if tag in (f"{{{W}}}t", f"{{{M}}}t"):
                assert piece.element.text == chunk
            elif tag == f"{{{W}}}sym":
                assert chunk == chr(int(piece.element.get(f"{{{W}}}char"), 16))
            else:
                assert ONE_CHAR.get(tag, "\t") == chunk, etree.QName(tag).localname
            position = piece.end
        assert position == len(text)
        assert item.paragraph.tag == f"{{{W}}}p"


def test_labels_are_not_traced(tmp_path: Path) -> None:
    """Automatic numbering labels are not text: offsets start after them."""
    path = _numbered(tmp_path / "n.docx")
    _, traced = trace_docx(str(path), path.read_bytes())
    first = traced[0]
    assert first.block.label == "一、" and first.block.text == "基本情况"
    assert first.pieces[0].start == 0 and first.pieces[0].element.text == "基本情况"


def test_tracing_is_off_by_default(tmp_path: Path) -> None:
    path = _numbered(tmp_path / "n.docx")
    reader = DocxReader(str(path), path.read_bytes())
    reader.read()
    assert reader.trace is None

"""Cutting runs and placing comment marks on exact characters, construct by construct.

Each test marks spans in python-docx's tree, then reads that very tree again with caselint's
reader: the text must be unchanged and each range must hold exactly the characters asked for.
"""

from __future__ import annotations

from pathlib import Path

import docx
from annotate_drafts import anchored_text
from lxml import etree

from caselint.annotate.anchors import ParagraphAnchors
from caselint.readers.docx import trace_docx
from support.docx_build import build_docx, field, para, run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _mark(tmp_path: Path, body: str, spans: list[tuple[int, int]]):
    """Mark ``spans`` of the first paragraph; return the tree, its text before and after."""
    path = build_docx(tmp_path / "a.docx", body)
    data = path.read_bytes()
    document = docx.Document(str(path))
    _, traced = trace_docx(str(path), data, root=document.element)
    before = [t.block.text for t in traced]
    anchors = ParagraphAnchors(traced[0])
    for start, end in spans:
        anchors.cut(start)
        anchors.cut(end)
    for n, (start, end) in enumerate(spans):
        anchors.mark(start, end, n)
    _, again = trace_docx(str(path), data, root=document.element)
    return document.element, before, [t.block.text for t in again], traced[0].paragraph


def test_phrase_inside_a_run(tmp_path: Path) -> None:
    body = para(run("本台打造了全国领先的平台。", bold=True, hint=True))
    root, before, after, p = _mark(tmp_path, body, [(5, 9)])
    assert before == after
    assert anchored_text(root, 0) == "全国领先"
    runs = p.findall(_q("r"))
    texts = ["".join(t.text for t in r.iter(_q("t"))) for r in runs]
    assert texts == ["本台打造了", "全国领先", "", "的平台。"]  # "" is the reference mark
    properties = {etree.tostring(r.find(_q("rPr"))) for r in runs if r.find(_q("t")) is not None}
    assert len(properties) == 1  # every piece kept the run's properties


def test_span_across_runs_tabs_and_overlaps(tmp_path: Path) -> None:
    body = para([run("一是统一"), run("指挥，\t二是", inner=""), run("多元生成。")])
    text = "一是统一指挥，\t二是多元生成。"
    spans = [(2, 6), (4, 10), (0, len(text))]
    root, before, after, _ = _mark(tmp_path, body, spans)
    assert before == after == [text]
    for n, (start, end) in enumerate(spans):
        assert anchored_text(root, n) == text[start:end]


def test_symbols_and_breaks_count_one_character(tmp_path: Path) -> None:
    body = para(
        [
            run("甲", inner='<w:sym w:font="Wingdings" w:char="F0FC"/>'),
            run("乙", inner="<w:noBreakHyphen/>"),
            run("丙", inner="<w:br/>"),
            run("全国第一丁"),
        ]
    )
    text = "\uf0fc甲-乙\n丙全国第一丁"  # run content (the symbol, the hyphen) precedes its text
    root, before, after, _ = _mark(tmp_path, body, [(6, 10)])
    assert before == after == [text]
    assert anchored_text(root, 0) == "全国第一"


def test_field_code_and_result_in_one_run(tmp_path: Path) -> None:
    """A run holding the end of a field code and visible text is cut between the two."""
    body = para(
        [
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            '<w:r><w:instrText xml:space="preserve"> DOCPROPERTY 来源 </w:instrText>'
            '<w:fldChar w:fldCharType="separate"/><w:t>极大提升</w:t></w:r>',
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            run("影响力。"),
        ]
    )
    root, before, after, p = _mark(tmp_path, body, [(0, 2)])
    assert before == after == ["极大提升影响力。"]
    assert anchored_text(root, 0) == "极大"
    start = p.find(_q("commentRangeStart"))
    assert start.getprevious().find(_q("fldChar")).get(_q("fldCharType")) == "separate"
    # The reference mark comes after the field's end.
    children = list(p)
    end = next(
        i
        for i, c in enumerate(children)
        if c.find(f".//{_q('fldChar')}[@{_q('fldCharType')}='end']") is not None
    )
    ref = next(i for i, c in enumerate(children) if c.find(_q("commentReference")) is not None)
    assert ref > end


def test_span_reaching_into_an_equation_covers_the_equation(tmp_path: Path) -> None:
    body = para([run("公式"), "<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>", run("成立")])
    _, before, after, p = _mark(tmp_path, body, [(1, 3)])
    assert before == after == ["公式x+1成立"]
    assert next(p.iter(f"{{{M}}}t")).text == "x+1"  # never cut
    start, end = p.find(_q("commentRangeStart")), p.find(_q("commentRangeEnd"))
    assert start.getnext().getnext().tag == f"{{{M}}}oMath"
    assert end.getprevious().tag == f"{{{M}}}oMath"


def test_empty_paragraph_gets_a_point_comment(tmp_path: Path) -> None:
    _, before, after, p = _mark(tmp_path, para(""), [(0, 0)])
    assert before == after == [""]
    tags = [etree.QName(c).localname for c in p]
    assert tags == ["commentRangeStart", "commentRangeEnd", "r"]


def test_reference_marks_keep_their_order(tmp_path: Path) -> None:
    body = para(field("DOCPROPERTY x", "极大震撼"))
    root, _, _, p = _mark(tmp_path, body, [(0, 2), (2, 4)])
    ids = [r.get(_q("id")) for r in p.iter(_q("commentReference"))]
    assert ids == ["0", "1"]
    assert anchored_text(root, 0) == "极大" and anchored_text(root, 1) == "震撼"

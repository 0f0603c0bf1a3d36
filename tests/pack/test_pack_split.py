"""One .docx holding both parts → a .docx per part, cut where caselint's reader cuts."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from pack_cases import PACK

from caselint.cases.parts import split_document
from caselint.core.model import Story
from caselint.pack.docx_props import DocProps
from caselint.pack.docx_split import split_docx
from caselint.pack.errors import PackError
from caselint.pack.part_files import PartFile, confirm, signature
from caselint.pack.zipfile_det import Stamp
from caselint.readers import read_document
from caselint.text.count import count_blocks
from support.docx_build import (
    abstract_num,
    build_docx,
    comment,
    footnote,
    level,
    note_reference,
    num,
    p,
    para,
    run,
    table,
)

PROPS = DocProps("某台融合传播案例 综合材料", "某台", Stamp(dt.datetime(2025, 4, 11)))
#: Entries whose bytes the bundle rewrites in every document: the properties and their lists.
PROPERTY_ENTRIES = ("[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml")


def _both_parts(path: Path) -> Path:
    body = (
        p("某台融合传播案例", style="Title")
        + p("综合材料", style="Heading1")
        + p("一、基本情况", style="Heading2")
        + para(run("综合材料正文，截至2024年底用户18万。") + note_reference("footnote", 1))
        + table([[p("指标"), p("数值")], [p("用户"), p("18万")]])
        + para('<w:bookmarkStart w:id="3" w:name="span"/>' + run("跨两部分的书签。"))
        + p("详细材料", style="Heading1")
        + p("一、总体情况", style="Heading2")
        + para(
            '<w:commentRangeStart w:id="7"/>'
            + run("详细材料正文“甲”，两处注释。", hint=True)
            + note_reference("footnote", 2)
            + '<w:commentRangeEnd w:id="7"/>'
            + '<w:r><w:commentReference w:id="7"/></w:r>'
        )
        + para(run("结尾段落。") + '<w:bookmarkEnd w:id="3"/>')
    )
    return build_docx(
        path,
        body,
        footnotes_xml=footnote(1, p("注一：来源为台内统计。"))
        + footnote(2, p("注二：来源为第三方调查报告。"))
        + footnote(3, p("无人引用的注。")),
        comments_xml=comment(7, p("请核实。")),
    )


def _cut(source: Path, part: str, tmp_path: Path) -> tuple[list, list, Path]:
    document = read_document(source)
    split = split_document(document, PACK)
    data = split_docx(source.read_bytes(), split, part, PROPS)  # type: ignore[arg-type]
    target = tmp_path / f"{PACK.parts[part].title}.docx"  # type: ignore[index]
    target.write_bytes(data)
    back = split_document(read_document(target), PACK)
    assert set(back.parts) == {part}
    return split.parts[part], back.parts[part], target  # type: ignore[index]


@pytest.mark.parametrize("part", ["summary", "detailed"])
def test_each_part_keeps_its_text_counts_and_notes(tmp_path: Path, part: str) -> None:
    source = _both_parts(tmp_path / "案例.docx")
    original, cut, target = _cut(source, part, tmp_path)
    assert count_blocks(cut) == count_blocks(original)
    assert signature(cut) == signature(original)
    notes = [b.text for b in cut if b.story is Story.FOOTNOTE]
    if part == "summary":
        assert notes == ["注一：来源为台内统计。"]
    else:
        # its own note, and the uncited one, which the whole file counted in its last part
        assert notes == ["注二：来源为第三方调查报告。", "无人引用的注。"]
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as zf:
        footnotes = zf.read("word/footnotes.xml").decode()
        comments = zf.read("word/comments.xml").decode()
        text = zf.read("word/document.xml").decode()
    other = "详细材料正文" if part == "summary" else "综合材料正文"
    assert other not in text
    assert ("请核实" in comments) == (part == "detailed")
    assert ('w:id="7"' in text) == (part == "detailed")
    assert ("注二" in footnotes, "注一" in footnotes) == (
        (False, True) if part == "summary" else (True, False)
    )
    assert "bookmark" not in text  # half a bookmark is dropped with its other half


def test_the_rest_of_the_package_is_untouched(tmp_path: Path) -> None:
    source = _both_parts(tmp_path / "案例.docx")
    _, _, target = _cut(source, "summary", tmp_path)
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(target) as b:
        dropped = {"docProps/custom.xml", "docProps/thumbnail.jpeg"}
        assert [n for n in a.namelist() if n not in dropped] == b.namelist()
        for name in b.namelist():
            cut = ("word/document.xml", "word/footnotes.xml", "word/comments.xml")
            if name not in cut + PROPERTY_ENTRIES:
                assert a.read(name) == b.read(name), name


def test_a_list_numbered_across_both_parts_is_refused(tmp_path: Path) -> None:
    numbering = abstract_num(1, level(0, "decimal", "%1.")) + num(1, 1)
    source = build_docx(
        tmp_path / "案例.docx",
        p("综合材料", style="Heading1")
        + p("第一条", num=(1, 0))
        + p("详细材料", style="Heading1")
        + p("第二条", num=(1, 0)),
        numbering_xml=numbering,
    )
    original, cut, target = _cut(source, "detailed", tmp_path)
    assert [b.label for b in original] == ["2."]
    assert [b.label for b in cut] == ["1."]  # the cut changed the label: must not be packed
    part_file = PartFile(
        "detailed", target.name, target.read_bytes(), source.name, "split", count_blocks(original)
    )
    with pytest.raises(PackError, match="不一致"):
        confirm(target, part_file, original, PACK, "zh")

"""Markdown → .docx: the same six figures (and inclusive ones), the same text, the official layout."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from pack_cases import PACK

from caselint.cases.parts import split_document
from caselint.core.model import BlockKind
from caselint.pack.docx_props import DocProps
from caselint.pack.docx_writer import east_asian_offsets, write_part
from caselint.pack.part_files import signature
from caselint.pack.zipfile_det import Stamp
from caselint.readers import read_document
from caselint.text.count import COUNT_FIELDS, count_blocks, resolve_ambiguous

WHEN = Stamp(dt.datetime(2025, 4, 11))

MARKDOWN = """\
# 综合材料

## 一、基本情况

推出“AI+”服务——覆盖全县……本台的“App”。版本号为 “V3.2”。Latin A“B”C and x — y · z.

1. 第一项
2. 第二项
   1. 嵌套一
   2. 嵌套二
3. 第三项

- 要点一
- 要点二

**全部加粗的一行**

第一行\\
第二行（硬换行）

| 指标 | 数值 |
|---|---|
| 用户“数” | 18.6万 |
| 空 | |

3. 从三开始
4. 接着四

1) 括号编号
2) 第二个

### 三级标题‘引’

```
代码  保留  空格
```
"""


def _convert(tmp_path: Path, markdown: str) -> tuple[list, list, Path]:
    source = tmp_path / "综合材料.md"
    source.write_text(markdown, encoding="utf-8")
    blocks = split_document(read_document(source), PACK).parts["summary"]
    data = write_part(
        blocks,
        title="综合材料",
        layout=PACK.bundle.layout,
        props=DocProps("测试 综合材料", "某台", WHEN),
    )
    target = tmp_path / "综合材料.docx"
    target.write_bytes(data)
    back = split_document(read_document(target), PACK).parts["summary"]
    return blocks, back, target


def test_counts_and_text_survive_conversion(tmp_path: Path) -> None:
    blocks, back, _ = _convert(tmp_path, MARKDOWN)
    before, after = count_blocks(blocks), count_blocks(back)
    for field in COUNT_FIELDS:
        assert getattr(after, field) == getattr(before, field), field
    assert before.inclusive is not None  # list labels count in the inclusive figures
    assert after.inclusive == before.inclusive
    assert signature(back) == signature(blocks)


def test_ambiguous_marks_are_hinted_exactly_where_markdown_counted_them_east_asian(
    tmp_path: Path,
) -> None:
    blocks, back, _ = _convert(tmp_path, MARKDOWN)
    source = next(b for b in blocks if b.text.startswith("推出"))
    written = next(b for b in back if b.text.startswith("推出"))
    expected = east_asian_offsets(source)
    assert written.ea_hint == frozenset(expected)
    text = source.text
    assert text.index("“") in expected  # after 推出
    assert text.index("——") in expected
    assert text.index(" “V") + 1 not in expected  # between a space and a Latin letter
    assert text.index("”。") in expected
    assert text.index("A“B") + 1 not in expected
    assert text.index(" — ") + 1 not in expected
    assert resolve_ambiguous(written.text, written.ea_hint) == resolve_ambiguous(text, None)


def test_lists_restart_and_continue_like_markdown(tmp_path: Path) -> None:
    blocks, back, _ = _convert(tmp_path, MARKDOWN)
    labels = [b.label for b in back if b.kind is BlockKind.LIST_ITEM]
    assert labels == ["1.", "2.", "1.", "2.", "3.", "•", "•", "3.", "4.", "1)", "2)"]
    assert labels == [b.label for b in blocks if b.kind is BlockKind.LIST_ITEM]


def test_tables_bold_lines_breaks_and_headings(tmp_path: Path) -> None:
    _, back, _ = _convert(tmp_path, MARKDOWN)
    cells = [
        (b.location.row, b.location.cell, b.text) for b in back if b.kind is BlockKind.TABLE_CELL
    ]
    assert cells[:4] == [(1, 1, "指标"), (1, 2, "数值"), (2, 1, "用户“数”"), (2, 2, "18.6万")]
    assert next(b for b in back if b.text == "全部加粗的一行").bold
    assert any(b.text == "第一行\n第二行（硬换行）" for b in back)
    headings = [(b.level, b.text) for b in back if b.kind is BlockKind.HEADING]
    assert headings == [(2, "一、基本情况"), (3, "三级标题‘引’")]
    assert any(b.text == "代码  保留  空格" for b in back)


def test_official_layout(tmp_path: Path) -> None:
    _, _, target = _convert(tmp_path, MARKDOWN)
    document = docx.Document(str(target))
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    normal = document.styles["Normal"]
    fonts = normal.element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert normal.font.size == Pt(16)
    assert normal.paragraph_format.line_spacing == Pt(28)
    # The part's top headings are ## (under the # part title): they get the first-level font.
    fonts = {level: document.styles[f"Heading {level}"].element.rPr.rFonts for level in (2, 3, 4)}
    assert fonts[2].get(qn("w:eastAsia")) == "黑体"
    assert fonts[3].get(qn("w:eastAsia")) == "楷体_GB2312"
    assert fonts[4].get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert document.styles["Heading 4"].font.bold  # third level: 仿宋 加粗
    assert not document.styles["Heading 2"].font.bold
    assert fonts[2].get(qn("w:eastAsiaTheme")) is None  # a theme font would win
    title = document.paragraphs[0]
    assert title.text == "综合材料"
    title_fonts = title.runs[0]._r.rPr.rFonts
    assert title_fonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    footer = "".join(p.text for p in section.footer.paragraphs)
    assert footer.startswith("—")


def test_layout_comes_from_the_pack(tmp_path: Path) -> None:
    layout = PACK.bundle.layout.model_copy(
        update={"body_font": "宋体", "body_size_pt": 14, "page_numbers": False}
    )
    data = write_part([], title="详细材料", layout=layout, props=DocProps("x", "某台", WHEN))
    document = docx.Document(io.BytesIO(data))
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    assert document.styles["Normal"].font.size == Pt(14)
    assert "".join(p.text for p in document.sections[0].footer.paragraphs) == ""


def test_conversion_is_deterministic(tmp_path: Path) -> None:
    blocks, _, _ = _convert(tmp_path, MARKDOWN)
    layout = PACK.bundle.layout
    one = write_part(blocks, title="综合材料", layout=layout, props=DocProps("t", "某台", WHEN))
    two = write_part(blocks, title="综合材料", layout=layout, props=DocProps("t", "某台", WHEN))
    assert one == two
    with zipfile.ZipFile(io.BytesIO(one)) as zf:
        names = zf.namelist()
        assert names[0] == "[Content_Types].xml"
        assert "docProps/thumbnail.jpeg" not in names
        assert "word/stylesWithEffects.xml" not in names
        core = zf.read("docProps/core.xml").decode()
    assert "2025-04-11T00:00:00Z" in core and "python-docx" not in core


@pytest.mark.parametrize("text", ["纯文本一行\n\n第二段 “quoted” 文本", "单行"])
def test_plain_text_parts_convert_too(tmp_path: Path, text: str) -> None:
    source = tmp_path / "综合材料.txt"
    source.write_text(text, encoding="utf-8")
    blocks = split_document(read_document(source), PACK).parts["summary"]
    data = write_part(
        blocks, title="综合材料", layout=PACK.bundle.layout, props=DocProps("t", "某台", WHEN)
    )
    target = tmp_path / "综合材料.docx"
    target.write_bytes(data)
    back = split_document(read_document(target), PACK).parts["summary"]
    assert count_blocks(back) == count_blocks(blocks)

"""The Markdown reader: what a reader of the rendered page sees, block by block.

Every test writes a real ``.md`` file and reads it through :func:`read_document`, the path
``caselint count`` takes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caselint.core.model import Block, BlockKind, Document
from caselint.readers import read_document
from caselint.text.count import count_blocks

SAMPLE = """\
---
title: 县级融媒体中心建设
category: 新媒体平台
applicant: 某某广播电视台
---
# 案例名称

## 一、综合材料

本案例介绍了融媒体中心的
建设情况。

**加粗标题**

### （一）主要做法

- 第一条
- 第二条

1. 甲
2. 乙

## 二、详细材料

| 指标 | 数值 |
|---|---|
| 用户 | 35.6% |
"""


def _read(tmp_path: Path, text: str, name: str = "draft.md") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def _texts(document: Document) -> list[str]:
    return [block.text for block in document.blocks]


def _only(document: Document, text: str) -> Block:
    matches = [block for block in document.blocks if block.text == text]
    assert len(matches) == 1, _texts(document)
    return matches[0]


def test_sample_blocks_in_order(tmp_path: Path) -> None:
    document = _read(tmp_path, SAMPLE)
    assert document.format == "markdown"
    assert document.encoding == "UTF-8"
    assert [(b.kind, b.text) for b in document.blocks] == [
        (BlockKind.HEADING, "案例名称"),
        (BlockKind.HEADING, "一、综合材料"),
        (BlockKind.PARAGRAPH, "本案例介绍了融媒体中心的建设情况。"),
        (BlockKind.PARAGRAPH, "加粗标题"),
        (BlockKind.HEADING, "（一）主要做法"),
        (BlockKind.LIST_ITEM, "第一条"),
        (BlockKind.LIST_ITEM, "第二条"),
        (BlockKind.LIST_ITEM, "甲"),
        (BlockKind.LIST_ITEM, "乙"),
        (BlockKind.HEADING, "二、详细材料"),
        (BlockKind.TABLE_CELL, "指标"),
        (BlockKind.TABLE_CELL, "数值"),
        (BlockKind.TABLE_CELL, "用户"),
        (BlockKind.TABLE_CELL, "35.6%"),
    ]


def test_heading_levels(tmp_path: Path) -> None:
    document = _read(tmp_path, SAMPLE)
    levels = {b.text: b.level for b in document.blocks if b.kind is BlockKind.HEADING}
    assert levels == {"案例名称": 1, "一、综合材料": 2, "（一）主要做法": 3, "二、详细材料": 2}


def test_setext_headings(tmp_path: Path) -> None:
    document = _read(tmp_path, "综合材料\n====\n\n做法\n----\n\n正文\n")
    assert [(b.kind, b.level) for b in document.blocks] == [
        (BlockKind.HEADING, 1),
        (BlockKind.HEADING, 2),
        (BlockKind.PARAGRAPH, None),
    ]


def test_front_matter_is_metadata_not_text(tmp_path: Path) -> None:
    document = _read(tmp_path, SAMPLE)
    assert document.metadata == {
        "title": "县级融媒体中心建设",
        "category": "新媒体平台",
        "applicant": "某某广播电视台",
    }
    assert document.metadata_error is None
    assert not any("某某" in text for text in _texts(document))


@pytest.mark.parametrize(
    "front_matter",
    [
        "title: [未闭合\n",  # a YAML syntax error
        "title: a\n  bad: indent\n",
        "- 只是\n- 一个列表\n",  # valid YAML, but not key: value
    ],
)
def test_invalid_front_matter_is_reported_not_raised(tmp_path: Path, front_matter: str) -> None:
    document = _read(tmp_path, f"---\n{front_matter}---\n正文内容\n")
    assert document.metadata == {}
    assert document.metadata_error
    assert _texts(document) == ["正文内容"]


def test_empty_front_matter(tmp_path: Path) -> None:
    document = _read(tmp_path, "---\n---\n正文\n")
    assert (document.metadata, document.metadata_error) == ({}, None)
    assert _texts(document) == ["正文"]


def test_list_labels_count_only_inclusively(tmp_path: Path) -> None:
    document = _read(tmp_path, "- 第一条\n- 第二条\n\n3. 甲\n4. 乙\n\n1) 丙\n")
    assert [b.label for b in document.blocks] == ["•", "•", "3.", "4.", "1)"]
    assert all(b.kind is BlockKind.LIST_ITEM for b in document.blocks)
    counts = count_blocks(document.blocks)
    assert counts.words == 3 + 3 + 1 + 1 + 1
    assert counts.inclusive is not None
    assert counts.inclusive.words == counts.words + 5  # •, •, 3., 4., 1) are one word each
    assert counts.inclusive.paragraphs == counts.paragraphs == 5


def test_nested_and_loose_lists(tmp_path: Path) -> None:
    text = "1. 甲\n\n   甲的第二段\n\n   - 子项\n2. 乙\n"
    document = _read(tmp_path, text)
    assert [(b.kind, b.label, b.text) for b in document.blocks] == [
        (BlockKind.LIST_ITEM, "1.", "甲"),
        (BlockKind.PARAGRAPH, "", "甲的第二段"),
        (BlockKind.LIST_ITEM, "•", "子项"),
        (BlockKind.LIST_ITEM, "2.", "乙"),
    ]


def test_an_empty_list_item_does_not_label_the_next_paragraph(tmp_path: Path) -> None:
    document = _read(tmp_path, "- 甲\n-\n\n列表之后的段落\n")
    after = _only(document, "列表之后的段落")
    assert (after.kind, after.label) == (BlockKind.PARAGRAPH, "")


def test_a_list_item_holding_only_code_does_not_label_the_next_paragraph(tmp_path: Path) -> None:
    document = _read(tmp_path, "- ```\n  代码\n  ```\n\n之后的段落\n")
    after = _only(document, "之后的段落")
    assert (after.kind, after.label) == (BlockKind.PARAGRAPH, "")


def test_table_locations(tmp_path: Path) -> None:
    text = "前文\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n| 3 |  |\n\n| 丙 |\n|---|\n| 4 |\n"
    document = _read(tmp_path, text)
    cells = [
        (b.text, b.location.table, b.location.row, b.location.cell, b.location.line)
        for b in document.blocks
        if b.kind is BlockKind.TABLE_CELL
    ]
    assert cells == [
        ("甲", 1, 1, 1, 3),
        ("乙", 1, 1, 2, 3),
        ("1", 1, 2, 1, 5),
        ("2", 1, 2, 2, 5),
        ("3", 1, 3, 1, 6),
        ("", 1, 3, 2, 6),
        ("丙", 2, 1, 1, 8),
        ("4", 2, 2, 1, 10),
    ]
    before = _only(document, "前文")
    assert (before.location.table, before.location.row, before.location.cell) == (None,) * 3
    assert count_blocks(document.blocks).paragraphs == 8  # the empty cell is no paragraph


def test_markup_link_targets_images_and_comments_are_not_counted(tmp_path: Path) -> None:
    text = (
        '**加粗**与*斜体*和~~删除~~，见[官网](https://example.com/很长的/地址 "标题")。\n'
        '![示意图](images/图1.png "图题")\n'
        "<!-- 这是给自己的备注，不计字数 -->\n"
        "行内<!-- 备注 -->注释。\n"
        "\n"
        "<!--\n多行备注\n-->\n"
        "\n"
        "结尾\n"
    )
    document = _read(tmp_path, text)
    # The comment line is an HTML block: it ends the paragraph before it.
    assert _texts(document) == ["加粗与斜体和删除，见官网。", "行内注释。", "结尾"]
    counts = count_blocks(document.blocks)
    assert counts.words == len("加粗与斜体和删除，见官网。行内注释。结尾")
    assert counts.paragraphs == 3


def test_code_spans_and_blocks_are_counted(tmp_path: Path) -> None:
    document = _read(tmp_path, "运行`caselint count`命令\n\n```bash\necho 你好\n```\n")
    assert _texts(document) == ["运行caselint count命令", "echo 你好"]
    counts = count_blocks(document.blocks)
    assert counts.words == 4 + 2 + 1 + 2  # 运行命令, caselint, count, echo, 你好


def test_html_block_text_is_counted_with_entities_decoded(tmp_path: Path) -> None:
    document = _read(tmp_path, '<div align="center">图表&amp;说明&nbsp;一</div>\n')
    assert _texts(document) == ["图表&说明\u00a0一"]
    assert count_blocks(document.blocks).words == 6


def test_soft_line_breaks_between_chinese_add_nothing(tmp_path: Path) -> None:
    joined = _read(tmp_path, "本案例介绍了\n融媒体中心。\n", "a.md")
    one_line = _read(tmp_path, "本案例介绍了融媒体中心。\n", "b.md")
    assert _texts(joined) == _texts(one_line)
    assert count_blocks(joined.blocks) == count_blocks(one_line.blocks)


def test_soft_line_breaks_between_latin_words_are_spaces(tmp_path: Path) -> None:
    document = _read(tmp_path, "media\nconvergence\n中文\nEnglish\n")
    assert _texts(document) == ["media convergence 中文 English"]
    counts = count_blocks(document.blocks)
    assert (counts.words, counts.chars_with_spaces - counts.chars_no_spaces) == (5, 3)


def test_hard_line_break_keeps_a_line_break(tmp_path: Path) -> None:
    document = _read(tmp_path, "第一行  \n第二行\\\n第三行\n")
    assert _texts(document) == ["第一行\n第二行\n第三行"]
    counts = count_blocks(document.blocks)
    assert (counts.chars_with_spaces, counts.paragraphs) == (9, 1)


def test_line_numbers_include_the_front_matter(tmp_path: Path) -> None:
    document = _read(tmp_path, SAMPLE)
    lines = {b.text: b.location.line for b in document.blocks}
    source = SAMPLE.splitlines()
    assert lines["案例名称"] == source.index("# 案例名称") + 1 == 6
    assert lines["本案例介绍了融媒体中心的建设情况。"] == 10
    assert lines["加粗标题"] == 13
    assert lines["第一条"] == 17
    assert lines["乙"] == 21
    assert lines["用户"] == 27
    for block in document.blocks:
        assert block.location.paragraph is None


def test_line_numbers_with_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n\r\n# \xe6\xa0\x87\xe9\xa2\x98\r\n")
    document = read_document(path)
    assert document.metadata == {"title": "x"}
    assert [(b.text, b.location.line) for b in document.blocks] == [("标题", 5)]


def test_bold_only_lines_are_bold(tmp_path: Path) -> None:
    text = "**一、综合材料**\n\n__二、详细材料__\n\n**部分**加粗\n\n普通\n\n- **加粗的列表项**\n"
    document = _read(tmp_path, text)
    bold = {b.text: b.bold for b in document.blocks}
    assert bold == {
        "一、综合材料": True,
        "二、详细材料": True,
        "部分加粗": False,
        "普通": False,
        "加粗的列表项": True,
    }


def test_location_heading_is_the_nearest_heading(tmp_path: Path) -> None:
    document = _read(tmp_path, SAMPLE)
    heading = {b.text: b.location.heading for b in document.blocks}
    assert heading["本案例介绍了融媒体中心的建设情况。"] == "一、综合材料"
    assert heading["第一条"] == "（一）主要做法"
    assert heading["乙"] == "（一）主要做法"
    assert heading["用户"] == "二、详细材料"


def test_text_before_any_heading_has_no_heading(tmp_path: Path) -> None:
    document = _read(tmp_path, "引言\n\n# 标题\n\n正文\n")
    assert [b.location.heading for b in document.blocks] == [None, None, "标题"]


def test_counts_of_the_sample(tmp_path: Path) -> None:
    counts = count_blocks(_read(tmp_path, SAMPLE).blocks)
    # headings 4+6+7+6, paragraphs 17+4, list items 3+3+1+1, cells 2+2+2+1 (35.6% one word)
    assert counts.words == 23 + 21 + 8 + 7
    assert counts.paragraphs == 14
    assert counts.inclusive is not None
    assert counts.inclusive.words == counts.words + 4


def test_empty_markdown_after_front_matter(tmp_path: Path) -> None:
    document = _read(tmp_path, "---\ntitle: 只有元数据\n---\n")
    assert document.blocks == []
    assert document.metadata == {"title": "只有元数据"}

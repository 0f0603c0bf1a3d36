"""The .docx reader, one real document per construct.

Each test builds a .docx with python-docx plus raw WordprocessingML (``support.docx_build``),
reads it through ``read_document`` and checks the blocks (text, label, story, location) and the
Word-compatible counts of ``count_blocks``. Expected counts are worked out by hand from the
rules in research/wordcount.md, written as ``C(words, cjk_chars, non_cjk_words,
chars_no_spaces, chars_with_spaces, paragraphs)``:

* every East-Asian character (汉字, full-width punctuation such as ，。：、（）) is one word;
  every other maximal run of non-space characters (``120``, ``SD-2020``, ``x+1``) is one word;
* 字符数 counts every non-space character, 计空格 adds spaces and tabs, never line breaks;
* paragraphs = non-empty paragraphs;
* main text = body paragraphs and table cells; the inclusive figures add numbering labels,
  text boxes, footnotes and endnotes; headers, footers and comments never count.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import pytest

from caselint.core.model import Block, BlockKind, Counts, Document, Location, Story
from caselint.readers import read_document
from caselint.text.count import count_blocks
from support.docx_build import (
    abstract_num,
    build_docx,
    comment,
    endnote,
    field,
    footnote,
    level,
    note_reference,
    num,
    p,
    para,
    paragraph_style,
    run,
    t,
    table,
    textbox,
)

MAIN, TEXTBOX, FOOTNOTE, ENDNOTE = Story.MAIN, Story.TEXTBOX, Story.FOOTNOTE, Story.ENDNOTE
HEADER, FOOTER, COMMENT = Story.HEADER, Story.FOOTER, Story.COMMENT
HEADING, PARAGRAPH = BlockKind.HEADING, BlockKind.PARAGRAPH
LIST_ITEM, CELL = BlockKind.LIST_ITEM, BlockKind.TABLE_CELL

INS = 'w:id="{}" w:author="编辑" w:date="2025-03-01T10:00:00Z"'
TAB, BR = "<w:r><w:tab/></w:r>", "<w:r><w:br/></w:r>"


def C(
    words: int,
    cjk: int,
    non_cjk: int,
    no_spaces: int,
    with_spaces: int,
    paragraphs: int,
    inclusive: Counts | None = None,
) -> Counts:
    """Counts in COUNT_FIELDS order, so expectations read as one line."""
    return Counts(
        words=words,
        cjk_chars=cjk,
        non_cjk_words=non_cjk,
        chars_no_spaces=no_spaces,
        chars_with_spaces=with_spaces,
        paragraphs=paragraphs,
        inclusive=inclusive,
    )


def read(tmp_path: Path, body: str, **parts: Any) -> Document:
    """Build ``case.docx`` from ``body`` (and extra parts) and read it as caselint does."""
    path = build_docx(tmp_path / "case.docx", body, **parts)
    docx.Document(str(path))  # the fixture is a valid package python-docx opens
    return read_document(path)


def shape(doc: Document) -> list[tuple[Story, BlockKind, str, str]]:
    """(story, kind, label, text) of every block, in document order."""
    return [(b.story, b.kind, b.label, b.text) for b in doc.blocks]


def where(block: Block) -> tuple[int | None, int | None, int | None, int | None, str | None]:
    """(paragraph, table, row, cell, heading) of a block's location."""
    loc = block.location
    return (loc.paragraph, loc.table, loc.row, loc.cell, loc.heading)


# -- tables ------------------------------------------------------------------------------------


def test_table_cells_in_order_with_locations(tmp_path: Path) -> None:
    doc = read(
        tmp_path,
        p("正文开头。") + table([[p("指标"), p("数值")], [p("用户数"), p("120万")]]) + p("结尾"),
    )
    assert shape(doc) == [
        (MAIN, PARAGRAPH, "", "正文开头。"),
        (MAIN, CELL, "", "指标"),
        (MAIN, CELL, "", "数值"),
        (MAIN, CELL, "", "用户数"),
        (MAIN, CELL, "", "120万"),
        (MAIN, PARAGRAPH, "", "结尾"),
    ]
    assert [where(b) for b in doc.blocks] == [
        (1, None, None, None, None),
        (2, 1, 1, 1, None),
        (3, 1, 1, 2, None),
        (4, 1, 2, 1, None),
        (5, 1, 2, 2, None),
        (6, None, None, None, None),
    ]
    # 正文开头。5 + 指标 2 + 数值 2 + 用户数 3 + 120万 (万 + "120") 2 + 结尾 2 = 16 words;
    # 15 East-Asian, 1 other run; characters 5+2+2+3+4+2 = 18; six non-empty paragraphs.
    assert count_blocks(doc.blocks) == C(16, 15, 1, 18, 18, 6)


def test_nested_table_numbered_in_document_order(tmp_path: Path) -> None:
    inner = table([[p("内一")], [p("内二")]])
    doc = read(
        tmp_path,
        table([[p("外层") + inner + p("之后"), p("右")]]) + table([[p("第二表")]]),
    )
    # The outer table is 1, the nested one 2 (met second), the next body table 3; text after
    # the nested table is back in outer cell (1, 1, 1).
    assert [(b.text, where(b)) for b in doc.blocks] == [
        ("外层", (1, 1, 1, 1, None)),
        ("内一", (2, 2, 1, 1, None)),
        ("内二", (3, 2, 2, 1, None)),
        ("之后", (4, 1, 1, 1, None)),
        ("右", (5, 1, 1, 2, None)),
        ("第二表", (6, 3, 1, 1, None)),
    ]
    assert {b.kind for b in doc.blocks} == {CELL}
    # 2 + 2 + 2 + 2 + 1 + 3 = 12 汉字 in six paragraphs.
    assert count_blocks(doc.blocks) == C(12, 12, 0, 12, 12, 6)


def test_tables_outside_the_body_do_not_shift_body_table_numbers(tmp_path: Path) -> None:
    doc = read(
        tmp_path,
        para(run("见框") + textbox(table([[p("框内表")]])))
        + table([[p("正文表")]])
        + para(run("注") + note_reference("footnote", 1)),
        footnotes_xml=footnote(1, table([[p("注内表")]])),
        header_xml=table([[p("页眉表")]]),
    )
    assert [(b.story, b.text, where(b)[:4]) for b in doc.blocks] == [
        (MAIN, "见框", (1, None, None, None)),
        (TEXTBOX, "框内表", (1, 1, 1, 1)),
        (MAIN, "正文表", (2, 1, 1, 1)),  # still the first body table
        (MAIN, "注", (3, None, None, None)),
        (FOOTNOTE, "注内表", (3, 1, 1, 1)),
        (HEADER, "页眉表", (None, 1, 1, 1)),
    ]


# -- content controls --------------------------------------------------------------------------


def _sdt(content: str, alias: str) -> str:
    return (
        f'<w:sdt><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{alias}"/>'
        '<w:id w:val="-1"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_1"/>'
        f"</w:placeholder><w:text/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"
    )


def test_block_run_and_cell_content_controls(tmp_path: Path) -> None:
    cell_sdt = _sdt(
        '<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>' + p("某某台") + "</w:tc>",
        "单位",
    )
    doc = read(
        tmp_path,
        _sdt(p("融媒体中心建设"), "案例名称")
        + para(run("申报单位：") + _sdt(run("某某广播电视台"), "单位") + run("。"))
        + f"<w:tbl><w:tblGrid/><w:tr><w:tc>{p('单位')}</w:tc>{cell_sdt}</w:tr></w:tbl>",
    )
    assert shape(doc) == [
        (MAIN, PARAGRAPH, "", "融媒体中心建设"),
        (MAIN, PARAGRAPH, "", "申报单位：某某广播电视台。"),
        (MAIN, CELL, "", "单位"),
        (MAIN, CELL, "", "某某台"),
    ]
    assert [where(b)[:4] for b in doc.blocks] == [
        (1, None, None, None),
        (2, None, None, None),
        (3, 1, 1, 1),
        (4, 1, 1, 2),
    ]
    # 7 + (申报单位 4 + ： + 某某广播电视台 7 + 。) 13 + 2 + 3 = 25, all East-Asian.
    assert count_blocks(doc.blocks) == C(25, 25, 0, 25, 25, 4)


# -- tracked changes ---------------------------------------------------------------------------


def test_tracked_insertions_count_and_deletions_do_not(tmp_path: Path) -> None:
    deleted_paragraph = (
        f"<w:p><w:pPr><w:rPr><w:del {INS.format(9)}/></w:rPr></w:pPr>"
        f"<w:del {INS.format(8)}><w:r>{t('整段删除', 'w:delText')}</w:r></w:del></w:p>"
    )
    inserted_paragraph = (
        f"<w:p><w:pPr><w:rPr><w:ins {INS.format(7)}/></w:rPr></w:pPr>"
        f"<w:ins {INS.format(10)}>{run('插入段')}</w:ins></w:p>"
    )
    doc = read(
        tmp_path,
        para(
            run("原有")
            + f"<w:ins {INS.format(1)}>{run('新增')}</w:ins>"
            + f"<w:del {INS.format(2)}><w:r>{t('删除', 'w:delText')}</w:r></w:del>"
            + run("文字")
        )
        + para(
            f'<w:moveFromRangeStart {INS.format(3)} w:name="move1"/>'
            + f"<w:moveFrom {INS.format(4)}>{run('搬走')}</w:moveFrom>"
            + '<w:moveFromRangeEnd w:id="3"/>'
            + run("留下")
        )
        + para(
            run("到此")
            + f'<w:moveToRangeStart {INS.format(5)} w:name="move1"/>'
            + f"<w:moveTo {INS.format(6)}>{run('搬走')}</w:moveTo>"
            + '<w:moveToRangeEnd w:id="5"/>'
        )
        + deleted_paragraph
        + inserted_paragraph,
    )
    assert shape(doc) == [
        (MAIN, PARAGRAPH, "", "原有新增文字"),
        (MAIN, PARAGRAPH, "", "留下"),
        (MAIN, PARAGRAPH, "", "到此搬走"),
        (MAIN, PARAGRAPH, "", ""),
        (MAIN, PARAGRAPH, "", "插入段"),
    ]
    # 6 + 2 + 4 + 0 + 3 = 15 汉字; the emptied paragraph is not a paragraph.
    assert count_blocks(doc.blocks) == C(15, 15, 0, 15, 15, 4)


# -- fields ------------------------------------------------------------------------------------


def test_field_results_count_and_codes_do_not(tmp_path: Path) -> None:
    begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    separate = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'

    def instr(code: str) -> str:
        return f"<w:r>{t(code, 'w:instrText')}</w:r>"

    def toc_entry(text: str, anchor: str, page: str) -> str:
        page_ref = field(f"PAGEREF {anchor} \\h", page)
        return f'<w:hyperlink w:anchor="{anchor}" w:history="1">{run(text)}{TAB}{page_ref}</w:hyperlink>'

    date = (
        '<w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; ">'
        f"{run('2025年3月1日')}</w:fldSimple>"
    )
    # IF with a nested field inside its code: the nested result "1" is part of the code.
    nested_if = (
        begin
        + instr(" IF ")
        + field("DOCPROPERTY 推荐", "1")
        + instr(' = "1" "是" "否" ')
        + separate
        + run("是")
        + end
    )
    doc = read(
        tmp_path,
        # A TOC spans paragraphs: begin/code/separate in the first, end in the last.
        para(
            begin
            + instr(' TOC \\o "1-3" \\h \\z \\u ')
            + separate
            + toc_entry("一、基本情况", "_Toc1", "1")
        )
        + para(toc_entry("二、主要做法", "_Toc2", "3"))
        + para(end)
        + para(run("第") + field("PAGE", "2") + run("页"))
        + para(run("日期：") + date)
        + para(run("结论：") + nested_if)
        + para(run("索引") + begin + instr(' XE "词条" ') + end),  # no result at all
    )
    assert [b.text for b in doc.blocks] == [
        "一、基本情况\t1",
        "二、主要做法\t3",
        "",
        "第2页",
        "日期：2025年3月1日",
        "结论：是",
        "索引",
    ]
    # TOC lines: 一、基本情况 6 East-Asian + "1" = 7 words, 7 characters, 8 with the tab (×2);
    # 第2页 3/3; 日期：2025年3月1日: 日期：年月日 6 + "2025" "3" "1" = 9 words, 12 characters;
    # 结论：是 4; 索引 2. Words 7+7+3+9+4+2 = 32 (26 East-Asian + 6 runs),
    # characters 7+7+3+12+4+2 = 35, with spaces 37 (two tabs), six non-empty paragraphs.
    assert count_blocks(doc.blocks) == C(32, 26, 6, 35, 37, 6)


# -- text boxes --------------------------------------------------------------------------------


def test_text_box_read_once_in_its_own_story(tmp_path: Path) -> None:
    vml_only = (
        '<w:r><w:pict><v:shape id="tb2" style="width:100pt;height:20pt">'
        f"<v:textbox><w:txbxContent>{p('VML框')}</w:txbxContent></v:textbox>"
        "</v:shape></w:pict></w:r>"
    )
    doc = read(
        tmp_path,
        p("开头")
        + para(run("正文") + textbox(p("框内文字") + p("第二行")) + run("继续"))
        + para(run("旧版") + vml_only)
        + para(run("新版") + textbox(p("无备份"), fallback=False, box_id=3)),
    )
    assert shape(doc) == [
        (MAIN, PARAGRAPH, "", "开头"),
        (MAIN, PARAGRAPH, "", "正文继续"),
        (TEXTBOX, PARAGRAPH, "", "框内文字"),  # from mc:Choice; the mc:Fallback copy is skipped
        (TEXTBOX, PARAGRAPH, "", "第二行"),
        (MAIN, PARAGRAPH, "", "旧版"),
        (TEXTBOX, PARAGRAPH, "", "VML框"),
        (MAIN, PARAGRAPH, "", "新版"),
        (TEXTBOX, PARAGRAPH, "", "无备份"),
    ]
    # A text box paragraph is found at the body paragraph that anchors it.
    assert [b.location.paragraph for b in doc.blocks] == [1, 2, 2, 2, 3, 3, 4, 4]
    # Main: 开头 2 + 正文继续 4 + 旧版 2 + 新版 2 = 10 in four paragraphs.
    # Boxes: 框内文字 4 + 第二行 3 + VML框 (框 + "VML", 4 characters) 2 + 无备份 3 = 12 words,
    # 11 East-Asian, 1 run, 4+3+4+3 = 14 characters, four paragraphs: inclusive only.
    assert count_blocks(doc.blocks) == C(10, 10, 0, 10, 10, 4, inclusive=C(22, 21, 1, 24, 24, 8))


# -- notes, headers, footers, comments ---------------------------------------------------------


def test_footnotes_and_endnotes_follow_their_reference(tmp_path: Path) -> None:
    footnote_ref = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
    doc = read(
        tmp_path,
        p("数据说明", style="Heading1")
        + para(run("正文引用") + note_reference("footnote", 1) + run("。"))
        + para(run("另一段") + note_reference("endnote", 1)),
        # Word writes the note's own number (w:footnoteRef) and a space before the note text.
        footnotes_xml=footnote(1, para(footnote_ref + run(" 数据来源：统计局。"))),
        endnotes_xml=endnote(1, p("尾注内容")),
    )
    # Separator notes (ids -1, 0) give no block; each note comes right after the paragraph
    # that cites it, so a note belongs to the part (综合材料/详细材料) that cites it.
    assert shape(doc) == [
        (MAIN, HEADING, "", "数据说明"),
        (MAIN, PARAGRAPH, "", "正文引用。"),
        (FOOTNOTE, PARAGRAPH, "", " 数据来源：统计局。"),
        (MAIN, PARAGRAPH, "", "另一段"),
        (ENDNOTE, PARAGRAPH, "", "尾注内容"),
    ]
    assert [where(b) for b in doc.blocks] == [
        (1, None, None, None, None),
        (2, None, None, None, "数据说明"),
        (2, None, None, None, "数据说明"),
        (3, None, None, None, "数据说明"),
        (3, None, None, None, "数据说明"),
    ]
    # Main: 数据说明 4 + 正文引用。5 + 另一段 3 = 12 (reference marks add nothing).
    # Notes: 数据来源：统计局。9 East-Asian (+1 space) + 尾注内容 4 → 25 words, 26 with spaces.
    assert count_blocks(doc.blocks) == C(12, 12, 0, 12, 12, 3, inclusive=C(25, 25, 0, 25, 26, 5))


def test_separator_and_uncited_notes(tmp_path: Path) -> None:
    # A separator-type note holding text (some tools write one) is still never read.
    odd_separator = (
        '<w:footnote w:type="continuationNotice" w:id="1">' + p("续注") + "</w:footnote>"
    )
    doc = read(
        tmp_path,
        para(run("正文") + note_reference("footnote", 2)) + p("后文"),
        footnotes_xml=odd_separator + footnote(2, p("脚注")) + footnote(3, p("无人引用")),
    )
    # A note no paragraph cites comes after the body, pointing at no paragraph or heading.
    assert shape(doc) == [
        (MAIN, PARAGRAPH, "", "正文"),
        (FOOTNOTE, PARAGRAPH, "", "脚注"),
        (MAIN, PARAGRAPH, "", "后文"),
        (FOOTNOTE, PARAGRAPH, "", "无人引用"),
    ]
    assert [b.location.paragraph for b in doc.blocks] == [1, 1, 2, None]
    # Main 正文 后文 = 4; notes 脚注 2 + 无人引用 4 = 6 more, two more paragraphs.
    assert count_blocks(doc.blocks) == C(4, 4, 0, 4, 4, 2, inclusive=C(10, 10, 0, 10, 10, 4))


def test_headers_and_footers_are_read_never_counted(tmp_path: Path) -> None:
    doc = read(
        tmp_path,
        p("第一章", style="Heading1") + p("正文"),
        header_xml=p("某某广播电视台") + para(textbox(p("页眉文本框"))),
        footer_xml=para(run("第") + field("PAGE", "1") + run("页")),
    )
    # A text box anchored in the header belongs to the header, not to the TEXTBOX story.
    assert shape(doc) == [
        (MAIN, HEADING, "", "第一章"),
        (MAIN, PARAGRAPH, "", "正文"),
        (HEADER, PARAGRAPH, "", "某某广播电视台"),
        (HEADER, PARAGRAPH, "", ""),
        (HEADER, PARAGRAPH, "", "页眉文本框"),
        (FOOTER, PARAGRAPH, "", "第1页"),
    ]
    # Header and footer paragraphs are not body paragraphs: no paragraph number, no heading.
    assert [where(b) for b in doc.blocks[2:]] == [(None, None, None, None, None)] * 4
    assert count_blocks(doc.blocks) == C(5, 5, 0, 5, 5, 2)


def test_comments_are_read_never_counted(tmp_path: Path) -> None:
    doc = read(
        tmp_path,
        p("一段")
        + para(
            '<w:commentRangeStart w:id="0"/>'
            + run("被批注的文字")
            + '<w:commentRangeEnd w:id="0"/>'
            + '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
            '<w:commentReference w:id="0"/></w:r>'
        )
        + p("后文"),
        comments_xml=comment(0, para("<w:r><w:annotationRef/></w:r>" + run("请补充数据来源"))),
    )
    assert shape(doc) == [
        (MAIN, PARAGRAPH, "", "一段"),
        (MAIN, PARAGRAPH, "", "被批注的文字"),
        (COMMENT, PARAGRAPH, "", "请补充数据来源"),
        (MAIN, PARAGRAPH, "", "后文"),
    ]
    assert doc.blocks[2].location.paragraph == 2  # the commented paragraph
    # 一段 2 + 被批注的文字 6 + 后文 2; the comment adds nothing, even inclusively.
    assert count_blocks(doc.blocks) == C(10, 10, 0, 10, 10, 3)


# -- hidden text -------------------------------------------------------------------------------


def test_hidden_text_is_not_read(tmp_path: Path) -> None:
    hidden_style = (
        '<w:style w:type="character" w:customStyle="1" w:styleId="Hidden">'
        '<w:name w:val="隐藏"/><w:rPr><w:vanish/></w:rPr></w:style>'
    )
    separate_hidden = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f"<w:r>{t(' PAGE ', 'w:instrText')}</w:r>"
        '<w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("7")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    doc = read(
        tmp_path,
        para(run("可见") + run("隐藏", vanish=True) + run("文字"))
        + para(run("显示", rpr='<w:vanish w:val="0"/>'))
        + para(run("样式") + run("藏起来", style="Hidden"))
        # A hidden field character still opens and closes its field: the result shows.
        + para(run("第") + separate_hidden + run("页"))
        + para(run("整段隐藏", vanish=True)),
        styles_extra=hidden_style,
    )
    assert [b.text for b in doc.blocks] == ["可见文字", "显示", "样式", "第7页", ""]
    # 4 + 2 + 2 + (第 页 + "7") 3 = 11 words, 10 East-Asian; four non-empty paragraphs.
    assert count_blocks(doc.blocks) == C(11, 10, 1, 11, 11, 4)


# -- automatic numbering -----------------------------------------------------------------------

_NUMBERING = (
    abstract_num(
        0,
        level(0, "chineseCounting", "%1、"),
        level(1, "chineseCounting", "（%2）"),
        level(2, "decimal", "%3."),
    )
    + abstract_num(1, level(0, "decimal", "%1."))
    + num(1, 0)
    + num(2, 1)
    + num(3, 1)  # a second instance of abstract 1: continues its numbering
    + num(4, 1, start_overrides={0: 1})  # another one restarting at 1
)


def test_chinese_and_decimal_numbering_labels(tmp_path: Path) -> None:
    doc = read(
        tmp_path,
        p("基本情况", num=(1, 0))
        + p("背景", num=(1, 1))
        + p("目标", num=(1, 1))
        + p("步骤", num=(1, 2))
        + p("要求", num=(1, 2))
        + p("主要做法", num=(1, 0))
        + p("创新", num=(1, 1))  # （一） again: level 1 restarts under each 一、
        + p("落实", num=(1, 2))  # 1. again: level 2 restarts under each （一）
        + p("甲", num=(2, 0))
        + p("乙", num=(2, 0))
        + p("丙", num=(3, 0))  # same abstractNum, another w:num: 3.
        + p("丁", num=(4, 0))  # startOverride: 1.
        + p("戊", num=(4, 0))
        + p("无编号", num=(0, 0)),  # numId 0 switches numbering off
        numbering_xml=_NUMBERING,
    )
    assert [(b.kind, b.label, b.text) for b in doc.blocks] == [
        (LIST_ITEM, "一、", "基本情况"),
        (LIST_ITEM, "（一）", "背景"),
        (LIST_ITEM, "（二）", "目标"),
        (LIST_ITEM, "1.", "步骤"),
        (LIST_ITEM, "2.", "要求"),
        (LIST_ITEM, "二、", "主要做法"),
        (LIST_ITEM, "（一）", "创新"),
        (LIST_ITEM, "1.", "落实"),
        (LIST_ITEM, "1.", "甲"),
        (LIST_ITEM, "2.", "乙"),
        (LIST_ITEM, "3.", "丙"),
        (LIST_ITEM, "1.", "丁"),
        (LIST_ITEM, "2.", "戊"),
        (PARAGRAPH, "", "无编号"),
    ]
    assert doc.blocks[0].display_text == "一、基本情况"
    # Text: 4+2+2+2+2+4+2+2+1+1+1+1+1+3 = 28 汉字 in 14 paragraphs.
    # Labels (inclusive only, never a paragraph of their own): 一、 二、 2 East-Asian words
    # each = 4; （一）（二）（一） 3 each = 9; eight decimal labels (1. ×4, 2. ×3, 3. ×1) of
    # one word and two characters = 8 words, 16 characters. Labels: 21 words (13 East-Asian,
    # 8 runs), 29 characters.
    assert count_blocks(doc.blocks) == C(28, 28, 0, 28, 28, 14, inclusive=C(49, 41, 8, 57, 57, 14))


def test_numbering_from_a_heading_style(tmp_path: Path) -> None:
    # Multilevel list linked to heading styles: the numPr lives in the style, not the paragraph.
    styles = paragraph_style(
        "Heading1",
        "heading 1",
        based_on="Normal",
        outline=0,
        ppr='<w:numPr><w:numId w:val="1"/></w:numPr>',
        custom=False,
    ) + paragraph_style(
        "Heading2",
        "heading 2",
        based_on="Normal",
        outline=1,
        ppr='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>',
        custom=False,
    )
    doc = read(
        tmp_path,
        p("基本情况", style="Heading1")
        + p("项目背景", style="Heading2")
        + p("正文段落。")
        + p("主要做法", style="Heading1")
        + p("不编号", style="Heading2", ppr='<w:numPr><w:numId w:val="0"/></w:numPr>'),
        styles_extra=styles,
        numbering_xml=_NUMBERING,
    )
    assert [(b.kind, b.level, b.label, b.text) for b in doc.blocks] == [
        (HEADING, 1, "一、", "基本情况"),
        (HEADING, 2, "（一）", "项目背景"),
        (PARAGRAPH, None, "", "正文段落。"),
        (HEADING, 1, "二、", "主要做法"),
        (HEADING, 2, "", "不编号"),
    ]
    assert doc.blocks[2].location.heading == "（一）项目背景"


# -- headings and bold -------------------------------------------------------------------------


def test_heading_levels_from_styles_and_outline(tmp_path: Path) -> None:
    styles = (
        paragraph_style("a2", "标题 2", based_on="Normal", outline=1)
        + paragraph_style("CaseSub", "案例小标题", based_on="Heading2")
        + paragraph_style("Outline3", "三级要点", based_on="Normal", outline=2)
        # Derived from Heading 1 but with its own outline level: the nearer setting wins.
        + paragraph_style("Derived", "派生标题", based_on="Heading1", outline=2)
    )
    doc = read(
        tmp_path,
        p("案例标题", style="Title")
        + p("一级", style="Heading1")
        + p("二级中文样式", style="a2")
        + p("基于标题二", style="CaseSub")
        + p("大纲三级", style="Outline3")
        + p("派生", style="Derived")
        + p("直接大纲", outline=3)
        + p("正文文本级", style="Heading1", outline=9)  # outline level 9 = body text
        + table([[p("表内标题", style="Heading1")]])
        + p("正文"),
        styles_extra=styles,
    )
    assert [(b.kind, b.level, b.style, b.text) for b in doc.blocks] == [
        (HEADING, 0, "Title", "案例标题"),
        (HEADING, 1, "heading 1", "一级"),
        (HEADING, 2, "标题 2", "二级中文样式"),
        (HEADING, 2, "案例小标题", "基于标题二"),
        (HEADING, 3, "三级要点", "大纲三级"),
        (HEADING, 3, "派生标题", "派生"),
        (HEADING, 4, "Normal", "直接大纲"),
        (PARAGRAPH, None, "heading 1", "正文文本级"),
        (CELL, None, "heading 1", "表内标题"),
        (PARAGRAPH, None, "Normal", "正文"),
    ]
    # A block's heading is the nearest heading above it (label and text); headings carry none.
    assert [b.location.heading for b in doc.blocks[-3:]] == ["直接大纲"] * 3


def test_bold_paragraph_detection(tmp_path: Path) -> None:
    styles = paragraph_style("BoldPara", "加粗段落", based_on="Normal", bold=True)
    doc = read(
        tmp_path,
        para(run("直接加粗", bold=True) + run("全部", bold=True))
        + p("样式加粗", style="BoldPara")
        + para(run("字符样式", style="Strong"))
        + para(run("部分", bold=True) + run("加粗"))
        + para(run("关掉", bold=False), style="BoldPara")
        + para(run("  ") + run("空白不算", bold=True))
        + p("普通"),
        styles_extra=styles,
    )
    assert [(b.text.strip(), b.bold) for b in doc.blocks] == [
        ("直接加粗全部", True),
        ("样式加粗", True),
        ("字符样式", True),
        ("部分加粗", False),  # mixed bold and plain → not a bold paragraph
        ("关掉", False),  # direct w:b w:val="0" beats the bold style
        ("空白不算", True),  # whitespace carries no weight
        ("普通", False),
    ]


# -- characters --------------------------------------------------------------------------------


def test_east_asian_hint_decides_ambiguous_punctuation(tmp_path: Path) -> None:
    text = "他说：“AI”——未来……"
    doc = read(
        tmp_path,
        para(run(text, hint=True))
        + para(run(text))
        # Hint on the middle run only, after a tab: offsets must line up with the text.
        + para(run("他说：") + TAB + run("“AI”——", hint=True) + run("未来……")),
    )
    assert [b.text for b in doc.blocks] == [text, text, "他说：\t“AI”——未来……"]
    assert doc.blocks[0].ea_hint == frozenset(range(13))
    assert doc.blocks[1].ea_hint == frozenset()
    assert doc.blocks[2].ea_hint == frozenset(range(4, 10))
    # 他说：“AI”——未来…… has 13 characters.
    # Hinted: 他 说 ： “ ” — — 未 来 … … are 11 East-Asian words + "AI" = 12.
    assert count_blocks(doc.blocks[:1]) == C(12, 11, 1, 13, 13, 1)
    # No hint: 他 说 ： 未 来 = 5, runs "“AI”——" and "……" = 2 → 7.
    assert count_blocks(doc.blocks[1:2]) == C(7, 5, 2, 13, 13, 1)
    # Middle hinted: 他说： 3 + “ ” — — 4 + 未来 2 = 9, runs "AI" and "……" = 2 → 11;
    # the tab adds one character with spaces.
    assert count_blocks(doc.blocks[2:]) == C(11, 9, 2, 13, 14, 1)


def test_tab_break_hyphen_and_symbol(tmp_path: Path) -> None:
    doc = read(
        tmp_path,
        para(
            run("甲")
            + TAB
            + run("乙")
            + BR
            + run("丙")
            + f"<w:r>{t('SD')}<w:noBreakHyphen/>{t('2020')}</w:r>"
            + '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'
        ),
    )
    assert [b.text for b in doc.blocks] == ["甲\t乙\n丙SD-2020\uf0fc"]
    # 甲 乙 丙 + one run "SD-2020" glued to the symbol = 4 words; characters: 3 + 7 + 1 = 11;
    # the tab counts with spaces, the line break never.
    assert count_blocks(doc.blocks) == C(4, 3, 1, 11, 12, 1)


def test_math_text_is_read(tmp_path: Path) -> None:
    omath = (
        "<m:oMath><m:r><m:t>E</m:t></m:r><m:r><m:t>=</m:t></m:r>"
        "<m:sSup><m:e><m:r><m:t>mc</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup>"
        "</m:sSup></m:oMath>"
    )
    doc = read(
        tmp_path,
        para(run("公式") + omath + run("成立"))
        + para("<m:oMathPara><m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath></m:oMathPara>"),
    )
    assert [b.text for b in doc.blocks] == ["公式E=mc2成立", "x+1"]
    # 公式 成立 4 + "E=mc2" 1 = 5 words, 9 characters; "x+1" 1 word, 3 characters.
    assert count_blocks(doc.blocks) == C(6, 4, 2, 12, 12, 2)


# -- properties --------------------------------------------------------------------------------


def test_custom_and_core_properties(tmp_path: Path) -> None:
    doc = read(
        tmp_path,
        p("正文"),
        custom_props={
            "类别": "融合生产传播",
            "申报单位": "某某广播电视台",
            "序号": 3,
            "推荐": True,
            "评分": 9.5,
            "截止": dt.datetime(2025, 6, 30, 12, 0),
        },
        core_props={"title": "案例标题", "author": "张三", "subject": "媒体融合", "keywords": ""},
    )
    assert doc.metadata == {
        "类别": "融合生产传播",
        "申报单位": "某某广播电视台",
        "序号": 3,
        "推荐": True,
        "评分": 9.5,
        "截止": "2025-06-30T12:00:00Z",
    }
    assert doc.properties["title"] == "案例标题"
    assert doc.properties["creator"] == "张三"
    assert doc.properties["subject"] == "媒体融合"
    assert "keywords" not in doc.properties  # empty properties are left out
    assert doc.format == "docx"


# -- a realistic draft, end to end -------------------------------------------------------------


def test_realistic_case_draft(tmp_path: Path) -> None:
    numbering = abstract_num(0, level(0, "chineseCounting", "%1、")) + num(1, 0)
    styles = paragraph_style(
        "Heading2",
        "heading 2",
        based_on="Normal",
        outline=1,
        bold=True,
        ppr='<w:numPr><w:numId w:val="1"/></w:numPr>',
        custom=False,
    )
    body = (
        para(
            run("某某台")
            + run("“", hint=True)
            + run("融媒体+政务")
            + run("”", hint=True)
            + run("服务平台建设案例"),
            style="Title",
        )
        + p("综合材料", style="Heading1")
        + p("基本情况", style="Heading2")
        + p("平台于2023年上线，累计用户达120万，日活跃用户8.5万，同比增长35.6%。")
        + p("主要做法", style="Heading2")
        + para(
            run("依托")
            + run("“", hint=True)
            + run("中央厨房")
            + run("”", hint=True)
            + run("机制，整合3个频道和APP资源。")
        )
        + table(
            [
                [p("指标"), p("2023年"), p("2024年")],
                [p("用户数（万）"), p("80"), p("120")],
            ]
        )
        + p("成效亮点", style="Heading2")
        + p("获评2024年度优秀案例。")
    )
    doc = read(tmp_path, body, styles_extra=styles, numbering_xml=numbering)
    assert [(b.kind, b.level, b.label, b.text) for b in doc.blocks] == [
        (HEADING, 0, "", "某某台“融媒体+政务”服务平台建设案例"),
        (HEADING, 1, "", "综合材料"),
        (HEADING, 2, "一、", "基本情况"),
        (
            PARAGRAPH,
            None,
            "",
            "平台于2023年上线，累计用户达120万，日活跃用户8.5万，同比增长35.6%。",
        ),
        (HEADING, 2, "二、", "主要做法"),
        (PARAGRAPH, None, "", "依托“中央厨房”机制，整合3个频道和APP资源。"),
        (CELL, None, "", "指标"),
        (CELL, None, "", "2023年"),
        (CELL, None, "", "2024年"),
        (CELL, None, "", "用户数（万）"),
        (CELL, None, "", "80"),
        (CELL, None, "", "120"),
        (HEADING, 2, "三、", "成效亮点"),
        (PARAGRAPH, None, "", "获评2024年度优秀案例。"),
    ]
    assert [b.bold for b in doc.blocks[1:3]] == [True, True]
    assert doc.blocks[6].location == Location(
        paragraph=7, table=1, row=1, cell=1, heading="二、主要做法"
    )
    # Hand count, block by block (words = East-Asian + runs; characters without spaces):
    #  title  某某台 3 + “ ” (hinted) 2 + 融媒体 3 + "+" 1 run + 政务 2 + 服务平台建设案例 8
    #         → 18 EA + 1 run = 19 words, 19 characters
    #  综合材料 4/4 · 基本情况 4/4 · 主要做法 4/4 · 成效亮点 4/4
    #  平台于…35.6%。  EA: 平台于 3, 年上线， 4, 累计用户达 5, 万， 2, 日活跃用户 5, 万， 2,
    #         同比增长 4, 。 1 = 26; runs 2023 120 8.5 35.6% = 4 → 30 words;
    #         characters 26 + 4+3+3+5 = 41
    #  依托“中央厨房”机制，整合3个频道和APP资源。  EA: 依托 2 “ ” 2 中央厨房 4 机制， 3
    #         整合 2 个频道和 4 资源。 3 = 20; runs "3" "APP" = 2 → 22 words; 20+1+3 = 24 chars
    #  cells  指标 2/2 · 2023年 2 words/5 chars · 2024年 2/5 · 用户数（万） 6/6 · 80 1/2 · 120 1/3
    #  获评2024年度优秀案例。  EA 获评 年度优秀案例 。 = 9 + "2024" → 10 words, 13 characters
    # Words 19+16+30+22+(2+2+2+6+1+1)+10 = 111; EA 18+16+26+20+(2+1+1+6)+9 = 99;
    # runs 1+4+2+4+1 = 12; characters 19+16+41+24+(2+5+5+6+2+3)+13 = 136; 14 paragraphs.
    # Labels 一、二、三、 add 6 East-Asian words and characters to the inclusive figures.
    assert count_blocks(doc.blocks) == C(
        111, 99, 12, 136, 136, 14, inclusive=C(117, 105, 12, 142, 142, 14)
    )


# -- the builder itself ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "part",
    [
        "word/footnotes.xml",
        "word/endnotes.xml",
        "word/comments.xml",
        "word/header1.xml",
        "word/footer1.xml",
        "docProps/custom.xml",
    ],
)
def test_builder_parts_are_wired_into_the_package(tmp_path: Path, part: str) -> None:
    import zipfile

    path = build_docx(
        tmp_path / "all.docx",
        p("正文"),
        footnotes_xml=footnote(1, p("脚注")),
        endnotes_xml=endnote(1, p("尾注")),
        comments_xml=comment(0, p("批注")),
        header_xml=p("页眉"),
        footer_xml=p("页脚"),
        custom_props={"类别": "x"},
    )
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
        rels += archive.read("_rels/.rels").decode()
    assert part in names
    assert f'PartName="/{part}"' in types
    assert part.rsplit("/", 1)[-1] in rels
    document = docx.Document(str(path))
    assert document.sections[0].header.paragraphs[0].text == "页眉"
    assert document.sections[0].footer.paragraphs[0].text == "页脚"

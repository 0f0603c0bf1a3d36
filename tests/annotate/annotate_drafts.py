"""Real .docx drafts for the annotate tests, and helpers to read an annotated copy back.

:func:`rich_draft` is a 融合生产传播 draft of an invented station written the way Word saves a
worked-over document: formatted runs (bold, italic, size, East-Asian font and hint), a tracked
insertion and deletion, a table, a complex field, a content control, a hyperlink, a footnote, a
text box, tabs and an earlier reviewer's comment; its summary lacks element 5 (an error).
Flagged phrases sit in the middle of longer runs, so anchoring them means cutting runs.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from caselint.core.model import Story
from caselint.readers.docx import trace_docx
from support.docx_build import (
    build_docx,
    comment,
    field,
    footnote,
    note_reference,
    p,
    para,
    run,
    table,
    textbox,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FORMATTED = (
    '<w:rFonts w:ascii="Times New Roman" w:eastAsia="黑体" w:hint="eastAsia"/>'
    '<w:i/><w:sz w:val="32"/><w:szCs w:val="32"/>'
)
INS = '<w:ins w:id="91" w:author="张编辑" w:date="2025-03-01T09:00:00Z">{}</w:ins>'
DEL = (
    '<w:del w:id="92" w:author="张编辑" w:date="2025-03-01T09:00:00Z">'
    '<w:r><w:delText xml:space="preserve">（此处删去的旧表述）</w:delText></w:r></w:del>'
)


def rich_draft(path: Path) -> Path:
    body = "".join(
        [
            p("青川市融媒体中心“一次采集、多端分发”融合生产传播案例", style="Title"),
            p("综合材料", style="Heading1"),
            p("一、基本情况", style="Heading2"),
            para(
                [
                    run("2021年6月，青川市融媒体中心建成", hint=True),
                    run("具有全国领先水平的融合生产平台", bold=True, rpr=FORMATTED),
                    run("，截至2024年12月31日采编人员186人。", hint=True),
                ]
            ),
            p("二、主要做法", style="Heading2"),
            para(
                [
                    run("一是统一指挥，每日召开两次策划会。"),
                    INS.format(run("重大直播形成现象级传播效应，带动了本地账号。")),
                    DEL,
                    run("二是多元生成：\t一次采集生成4种形态。"),
                ]
            ),
            p("三、取得成效", style="Heading2"),
            p("2024年全网播放量8.6亿次，同比增长31.2%；经营收入2340万元。"),
            p("四、可持续运营与发展预期", style="Heading2"),
            para(
                [
                    run("运营团队86人，2024年经营收入覆盖运营支出的82%。"),
                    '<w:commentRangeStart w:id="7"/>',
                    run("预计到2026年经营收入达到2600万元。"),
                    '<w:commentRangeEnd w:id="7"/>',
                    '<w:r><w:commentReference w:id="7"/></w:r>',
                ]
            ),
            p("六、下一阶段计划", style="Heading2"),
            p("2025年计划与本省8家市级台开展联动直播50场。"),
            p("详细材料", style="Heading1"),
            p("一、总体情况", style="Heading2"),
            table(
                [
                    [p("指标"), p("2024年")],
                    [p("全网播放量"), p("播放量8.6亿次，用户规模全国第一，同比增长31.2%")],
                ]
            ),
            para(
                [
                    run("技术平台由本省技术公司建设，"),
                    field(' HYPERLINK "https://example.com/report" ', "取得了极大的成功的报道"),
                    run("见附件。"),
                ]
            ),
            para(
                [
                    run("中心开设了"),
                    '<w:sdt><w:sdtPr><w:alias w:val="栏目"/></w:sdtPr><w:sdtContent>'
                    + run("震撼人心的直播栏目")
                    + "</w:sdtContent></w:sdt>",
                    '<w:hyperlink w:anchor="top">'
                    + run("实现了跨越式发展的转型")
                    + "</w:hyperlink>",
                    run("，共计12期。"),
                ]
            ),
            para([run("受众评价见注"), note_reference("footnote", 1), run("。")]),
            para([run("平台架构见图。"), textbox(p("平台运行稳定，获得巨大成功。"))]),
        ]
    )
    return build_docx(
        path,
        body,
        footnotes_xml=footnote(1, p("节目播出后广受好评。")),
        comments_xml=comment(7, p("这个预计有依据吗？")),
        custom_props={
            "类别": "融合生产传播",
            "案例名称": "融合生产传播体系",
            "申报单位": "青川市融媒体中心",
        },
    )


def clean_draft(path: Path, *, summary: bool = True, detailed: bool = True) -> Path:
    """A short compliant-looking draft (the parts asked for), with one emotive phrase."""
    parts = []
    if summary:
        parts += [p("综合材料", style="Heading1")]
        for title, text in SUMMARY_SECTIONS:
            parts += [p(title, style="Heading2"), p(text)]
    if detailed:
        parts += [p("详细材料", style="Heading1")]
        for title, text in DETAILED_SECTIONS:
            parts += [p(title, style="Heading2"), p(text)]
    return build_docx(path, "".join(parts), custom_props={"类别": "融合生产传播"})


SUMMARY_SECTIONS = [
    ("一、基本情况", "2021年6月，中心建成融合生产平台，截至2024年12月31日采编人员186人。"),
    ("二、主要做法", "统一指挥，每日两次策划会；一次采集生成4种形态。"),
    ("三、取得成效", "2024年全网播放量8.6亿次，同比增长31.2%。"),
    ("四、可持续运营与发展预期", "运营团队86人，2024年经营收入2340万元。"),
    ("五、问题、困难及破解办法", "技术岗位空缺12个，与省级平台共建运维。"),
    ("六、下一阶段计划", "2025年计划开展联动直播50场。"),
]
DETAILED_SECTIONS = [
    ("一、总体情况", "截至2024年12月31日，客户端注册用户46.8万，日活5.2万，同比增长23.5%。"),
    ("二、主要做法", "与8家市级台联动直播42场，跨平台协同发布作品1.2万条，打造了全国领先的平台。"),
    ("三、成效与反响", "满意度调查（样本3200人）满意率91.2%；经营收入2340万元，支出2100万元。"),
    (
        "四、可持续运营",
        "运营团队86人，合作方37家；广告收入1120万元，占40.6%；预计2026年收入2600万元。",
    ),
    ("五、问题与对策", "技术岗位空缺12个，通过与省级平台共建运维解决。"),
    ("六、下一步计划", "2025年计划完成平台二期建设，新增频道5个。"),
]


# -- reading an annotated copy back ------------------------------------------------------------


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def anchored_text(root: etree._Element, comment_id: int) -> str:
    """The visible text between a comment's range start and end, in document order."""
    key = str(comment_id)
    inside = False
    out: list[str] = []
    for element in root.iter():
        tag = element.tag
        if tag == _q("commentRangeStart") and element.get(_q("id")) == key:
            inside = True
        elif tag == _q("commentRangeEnd") and element.get(_q("id")) == key:
            break
        elif inside and tag == _q("t"):
            out.append(element.text or "")
        elif inside and tag == _q("tab"):
            out.append("\t")
    return "".join(out)


def char_formats(path: Path) -> list[tuple[str, str]]:
    """Each visible character of the main document with its run's properties (C14N XML)."""
    _, traced = trace_docx(str(path), path.read_bytes())
    out = []
    for item in traced:
        if item.block.story is Story.COMMENT:
            continue  # the copy's own comments
        for piece in item.pieces:
            run = piece.element.getparent()
            rpr = run.find(_q("rPr")) if run.tag == _q("r") else None
            props = etree.tostring(rpr, method="c14n").decode() if rpr is not None else ""
            text = item.block.text[piece.start : piece.end]
            out.extend((char, props) for char in text)
    return out

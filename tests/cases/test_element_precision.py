"""Elements are never invented, and a section's run-in points never end it (issue 9 review).

A reviewer does not sign a verdict that a draft missing a whole section passes because one of
its practices is headed 「（一）提升传播效果」, nor one that calls a section empty because its
points open paragraphs 「（一）重构首页。……」 under a Heading 3. Real .docx (python-docx and raw
WordprocessingML) and Markdown.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from caselint.cases.case import CaseInput
from caselint.engine import Settings, check_case
from caselint.rulepack.pack import load_pack
from support.docx_build import build_docx, p, para, run

SETTINGS = Settings(pack=load_pack())
_CN = "一二三四五六"


def _sections(text: str) -> list[tuple[str, str]]:
    """「heading｜text」 lines → the six (heading, text) sections of a summary."""
    return [tuple(line.split("｜")) for line in text.strip().splitlines()]


SERVICE = _sections(
    """
基本情况｜河湾市广播电视台自2022年起建设“河湾办”政务民生服务平台，上线服务事项312项。
主要做法与实践｜平台采用“媒体受理、部门办理、电视回访”的流程，派单至相关部门办理。
取得成效｜2024年平台累计办件41.3万件，同比增长52%，群众满意率95.3%。
可持续运营与发展预期｜平台已签订三年期运营协议，预计到2026年服务事项扩展到450项。
存在的困难与对策｜初期部门数据互不相通，平台推动市数据局建立统一接口。
下一阶段发展计划｜下一步，平台将开发企业服务专区，2025年上线涉企事项60项。
"""
)
PLATFORM = _sections(
    """
总体情况｜“掌上青岩”客户端于2021年6月上线，截至2024年底注册用户26.4万。
主要创新做法｜重构客户端首页，首页打开时间由4.2秒缩短至1.6秒。
成效成果与社会反响｜2024年客户端总阅读量1.37亿次，较2023年增长63%。
可借鉴性与发展潜力｜技术运维费用控制在60万元以内，适合人口30万以下的县参照。
问题困难与破解办法｜35岁以下用户仅占19%，中心开设青年栏目，新增用户4100人。
经验启示与下一步方向｜下一步，中心将把客户端接入市级平台的统一用户体系。
"""
)


def _check(path: Path):
    result = check_case(CaseInput(id=path.stem, files=[path], folder=path.parent), SETTINGS)
    summary = {e.n: e for e in result.elements if e.part == "summary"}
    return result, summary


def _present(summary) -> list[int]:
    return [n for n, e in sorted(summary.items()) if e.heading or e.text]


def _missing_errors(result) -> list[int]:
    return [
        f.element
        for f in result.findings
        if f.rule == "element-missing" and f.severity == "error" and f.part == "summary"
    ]


def _word_draft(
    path: Path,
    category: str,
    sections: list[tuple[str, str]],
    drop: int,
    subs: dict[int, list[tuple[str, str]]] | None = None,
    extra: dict[int, list[str]] | None = None,
    *,
    styled: bool = True,
) -> Path:
    """A python-docx summary: Heading 2 (or bold) element headings, element ``drop`` left out,
    subheadings (Heading 3 or bold) and extra paragraphs under the sections given."""
    document = docx.Document()
    document.add_paragraph("“河湾办”服务平台", style="Title")
    document.add_paragraph(f"申报类别：{category}")
    document.add_paragraph("申报单位：河湾市广播电视台")
    number = 0
    for n, (heading, text) in enumerate(sections, start=1):
        if n == drop:
            continue
        label = f"{_CN[number]}、{heading}"
        number += 1
        if styled:
            document.add_paragraph(label, style="Heading 2")
        else:
            document.add_paragraph().add_run(label).bold = True
        document.add_paragraph(text)
        for k, (sub, body) in enumerate((subs or {}).get(n, [])):
            if styled:
                document.add_paragraph(f"（{_CN[k]}）{sub}", style="Heading 3")
            else:
                document.add_paragraph().add_run(f"（{_CN[k]}）{sub}").bold = True
            document.add_paragraph(body)
        for body in (extra or {}).get(n, []):
            document.add_paragraph(body)
    document.save(str(path))
    return path


PRACTICE_POINTS = {
    2: [
        ("整合服务入口", "平台把政务、民生、网格三类服务整合为一个入口，新增服务事项64项。"),
        ("破解群众办事难问题", "平台在12个乡镇设立代办点，全年代办1.2万件。"),
    ]
}


@pytest.mark.parametrize("styled", [True, False], ids=["heading3", "bold"])
def test_a_practice_headed_with_problem_words_is_not_element_5(styled, tmp_path: Path) -> None:
    path = _word_draft(
        tmp_path / "缺5-综合材料.docx",
        "综合信息服务",
        SERVICE,
        5,
        PRACTICE_POINTS,
        styled=styled,
    )
    result, summary = _check(path)
    assert _present(summary) == [1, 2, 3, 4, 6]
    assert _missing_errors(result) == [5]
    (error,) = [f for f in result.findings if f.rule == "element-missing" and f.severity == "error"]
    assert "“（二）破解群众办事难问题”是“二、主要做法与实践”下的小点" in error.suggestion


def test_a_practice_headed_with_result_words_is_not_element_3(tmp_path: Path) -> None:
    points = {2: [("提升传播效果", "为重要报道配套制作短视频，全年2300件。"), *PRACTICE_POINTS[2]]}
    path = _word_draft(tmp_path / "缺3-综合材料.docx", "综合信息服务", SERVICE, 3, points)
    result, summary = _check(path)
    assert _present(summary) == [1, 2, 4, 5, 6]
    assert summary[2].heading == "二、主要做法与实践"
    assert _missing_errors(result) == [3]


def test_the_same_draft_with_every_section_passes(tmp_path: Path) -> None:
    """The control: the subheadings nested under 二、 take nothing from the real sections."""
    path = _word_draft(tmp_path / "全-综合材料.docx", "综合信息服务", SERVICE, 0, PRACTICE_POINTS)
    result, summary = _check(path)
    assert _present(summary) == [1, 2, 3, 4, 5, 6]
    assert summary[5].heading == "五、存在的困难与对策"
    assert [f for f in result.findings if f.rule.startswith("element")] == []


@pytest.mark.parametrize(
    ("category", "sections", "drop", "opening"),
    [
        ("综合信息服务", SERVICE, 5, "对群众反映的问题，平台实行24小时内响应、5个工作日内答复。"),
        ("新媒体平台建设", PLATFORM, 5, "在解决群众反映问题的过程中，中心建立了记者跟踪回访制度。"),
        ("新媒体平台建设", PLATFORM, 4, "学习借鉴先进地区，中心在2023年引入了统一的内容管理系统。"),
        ("新媒体平台建设", PLATFORM, 6, "下一步工作中，我们将持续深化改革。"),
    ],
    ids=["对…问题", "在解决…过程中", "学习借鉴", "下一步工作中"],
)
def test_an_opening_that_mentions_a_keyword_is_no_element(
    category, sections, drop, opening, tmp_path: Path
) -> None:
    path = _word_draft(
        tmp_path / "缺-综合材料.docx", category, sections, drop, extra={2: [opening]}
    )
    result, summary = _check(path)
    assert drop not in _present(summary)
    assert _missing_errors(result) == [drop]
    assert not [f for f in result.findings if f.rule == "element-missing" and f.severity == "info"]


def test_run_in_points_under_a_heading_3_stay_in_its_section(tmp_path: Path) -> None:
    """Title, 综合材料 as Heading 2, 二、 as Heading 3, then 「（一）重构首页。……」 paragraphs."""
    document = docx.Document()
    document.add_heading("“掌上青岩”客户端建设案例", level=1)
    document.add_paragraph("申报类别：新媒体平台建设")
    for part in ("综合材料", "详细材料"):
        document.add_heading(part, level=2)
        for i, (heading, text) in enumerate(PLATFORM):
            document.add_heading(f"{_CN[i]}、{heading}", level=3)
            if i == 1:
                document.add_paragraph(
                    "（一）重构首页。将九个频道合并为四个入口，加载时间缩短至1.6秒。"
                )
                document.add_paragraph("（二）统一调度账号矩阵。8名编辑按三班统一管理12个账号。")
            else:
                document.add_paragraph(text)
    document.save(str(tmp_path / "掌上青岩.docx"))
    result, summary = _check(tmp_path / "掌上青岩.docx")
    assert [f for f in result.findings if f.rule == "element-missing"] == []
    assert _present(summary) == [1, 2, 3, 4, 5, 6]
    assert summary[2].heading == "二、主要创新做法"


def test_markdown_numbered_headings_with_chinese_points_below(tmp_path: Path) -> None:
    lines = ["# 掌上青岩客户端", "", "申报类别：新媒体平台建设", "", "# 综合材料", ""]
    for i, (heading, text) in enumerate(PLATFORM, start=1):
        lines += [f"### {i}. {heading}", ""]
        if i == 2:
            lines += [
                "（一）重构首页。首页加载时间缩短至1.6秒。",
                "",
                "（二）统一调度。12个账号统一管理。",
                "",
            ]
        else:
            lines += [text, ""]
    path = tmp_path / "稿件.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    result, summary = _check(path)
    assert _present(summary) == [1, 2, 3, 4, 5, 6]
    assert not [f for f in result.findings if f.rule == "element-missing"]


def test_run_in_headings_are_shown_without_their_paragraph(tmp_path: Path) -> None:
    blocks = p("河湾办服务平台", style="Title") + p("申报类别：综合信息服务")
    for i, (heading, text) in enumerate(SERVICE):
        blocks += para(run(f"{_CN[i]}是{heading}。", bold=True) + run(text))
    path = build_docx(tmp_path / "河湾办-综合材料.docx", blocks)
    _result, summary = _check(path)
    assert summary[1].heading == "一是基本情况"
    assert summary[4].heading == "四是可持续运营与发展预期"


def test_a_merged_heading_with_promotion_counts_for_production_element_4(tmp_path: Path) -> None:
    sections = ["基本情况", "主要做法", "成效反响与推广价值", "短板与对策", "下一步打算"]
    body = "\n".join(
        f"## {_CN[i]}、{h}\n\n2024年项目产品全网播放量18.6亿次。\n" for i, h in enumerate(sections)
    )
    path = tmp_path / "稿件.md"
    path.write_text(f"申报类别：融合生产传播\n\n# 综合材料\n\n{body}", encoding="utf-8")
    result, summary = _check(path)
    assert summary[3].heading == summary[4].heading == "三、成效反响与推广价值"
    assert _missing_errors(result) == []


def test_prose_without_headings_is_one_request_for_headings(tmp_path: Path) -> None:
    """首先，…其次，… paragraphs whose openings name no element: a reviewer asks for headings."""
    words = ["首先", "其次", "再次", "此外", "另外", "最后"]
    body = "\n".join(f"{w}，{text}" for w, (_, text) in zip(words, SERVICE, strict=True))
    text = f"河湾办服务平台\n申报类别: 综合信息服务\n\n综合材料\n{body}\n\n详细材料\n{body}\n"
    path = tmp_path / "河湾办.txt"
    path.write_bytes(text.encode("gbk"))
    result, _summary = _check(path)
    element = [f for f in result.findings if f.rule == "element-missing"]
    assert [f for f in element if f.severity == "error"] == []
    summary_findings = [f for f in element if f.part == "summary"]
    (warning,) = [f for f in summary_findings if f.severity == "warning"]
    assert warning.message.startswith("综合材料没有小标题，无法逐项确认要素1、2、3、4、5")
    assert len([f for f in element if f.part == "detailed"]) <= 1

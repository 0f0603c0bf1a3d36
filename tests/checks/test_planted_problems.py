"""Realistic drafts: compliant ones pass, and every planted problem is found where it is.

The drafts are in ``tests/fixtures/cases`` (one compliant case per category, one problem draft
per rule, each saying in an HTML comment what must be found). Each runs as Markdown and as
.docx in four heading styles — Word heading styles, bold-only lines, automatic 一、 numbering and
typed labels — so element matching is shown to hold however a station marks its headings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caselint.cases.case import CaseInput
from caselint.core.model import CaseResult
from caselint.engine import Settings, check_case
from caselint.rulepack.pack import load_pack
from support.cases import (
    CATEGORY_IDS,
    build_docx_case,
    compliant,
    expectations,
    load_case,
    problem_names,
)

PACK = load_pack()
SETTINGS = Settings(pack=PACK)
STYLES = ["markdown", "styles", "bold", "numbering", "typed"]
WORDING_RULES = {"emotive-wording"}


def run(md_text: str, style: str, folder: Path, name: str = "draft") -> CaseResult:
    if style == "markdown":
        path = folder / f"{name}.md"
        path.write_text(md_text, encoding="utf-8")
    else:
        path = folder / f"{name}.docx"
        build_docx_case(md_text, path, heading_style=style)
    return check_case(CaseInput(id=name, files=[path], folder=folder), SETTINGS)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("category_id", list(CATEGORY_IDS))
def test_compliant_draft_passes(category_id: str, style: str, tmp_path: Path) -> None:
    result = run(compliant(category_id), style, tmp_path)
    errors = [f"{f.rule}: {f.message}" for f in result.findings if f.severity == "error"]
    assert errors == []
    assert result.verdict == "pass"
    summary = [e for e in result.elements if e.part == "summary"]
    assert [e.n for e in summary if e.heading] == [1, 2, 3, 4, 5, 6]
    wording = [f for f in result.findings if f.rule in WORDING_RULES]
    assert len(wording) <= 3, [f.message for f in wording]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", problem_names())
def test_planted_problem_is_found(name: str, style: str, tmp_path: Path) -> None:
    md_text = load_case(name)
    planted = expectations(md_text)
    assert planted, f"{name} says nothing about what must be found"
    result = run(md_text, style, tmp_path)
    for expectation in planted:
        if expectation.rule == "pass":
            errors = [f.message for f in result.findings if f.severity == "error"]
            assert errors == [], expectation.raw
            if expectation.category:
                assert result.category == PACK.category(expectation.category).name
            continue
        matching = [f for f in result.findings if expectation.matches(f)]
        assert matching, f"{style}: {expectation.raw} not in {[f.rule for f in result.findings]}"
        for finding in matching:
            if expectation.text:
                # Found where it is: the finding points at the paragraph holding the phrase.
                assert finding.location.paragraph or finding.location.line


def test_data_rich_draft_gets_at_most_three_wording_findings(tmp_path: Path) -> None:
    result = run(compliant("production"), "markdown", tmp_path)
    detailed = result.parts["detailed"]
    assert detailed is not None and detailed.words >= 4600
    wording = [f for f in result.findings if f.rule in WORDING_RULES]
    assert len(wording) <= 3


HEADING_REWORDINGS = {
    1: ["基本情况", "总体概况", "项目概述"],
    2: ["主要做法", "创新举措", "实践探索"],
    3: ["取得成效", "成效与反响", "社会效益与经济效益"],
    4: ["推广价值", "可复制可推广的价值", "发展潜力"],
    5: ["存在的困难与对策", "面临的挑战及应对", "短板与破解路径"],
    6: ["经验启示与下一步打算", "启示与展望", "思考与下一步方向"],
}


@pytest.mark.parametrize("variant", [0, 1, 2])
@pytest.mark.parametrize("style", STYLES)
def test_element_headings_reworded(variant: int, style: str, tmp_path: Path) -> None:
    """Three rewordings per element of 新媒体平台建设, in every heading style."""
    summary = "# 综合材料\n\n" + "\n\n".join(
        f"## {'一二三四五六'[n - 1]}、{words[variant]}\n\n截至2024年12月31日，客户端注册用户86万，同比增长18%。"
        for n, words in HEADING_REWORDINGS.items()
    )
    text = compliant("platform")
    start, end = text.index("# 综合材料"), text.index("# 详细材料")
    result = run(text[:start] + summary + "\n\n" + text[end:], style, tmp_path)
    matched = {e.n: e.heading for e in result.elements if e.part == "summary" and e.heading}
    assert sorted(matched) == [1, 2, 3, 4, 5, 6], matched
    assert not [
        f
        for f in result.findings
        if f.rule in ("element-missing", "element-order") and f.part == "summary"
    ]

"""Elements found in every layout Word and WPS drafts use, and never invented.

Hand-built .docx files (python-docx, raw WordprocessingML) and Markdown for each way a station
marks its sections, then the generated drafts of ``support.draft_builder`` in every layout: a
compliant one shows all six elements and passes, a dropped element is reported and nothing else.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from caselint.cases.case import CaseInput
from caselint.cases.discover import discover
from caselint.engine import Settings, check_case
from caselint.rulepack.pack import load_pack
from support.docx_build import abstract_num, build_docx, level, num, p, para, paragraph_style, run
from support.draft_builder import LAYOUTS, generate, write

PACK = load_pack()
SETTINGS = Settings(pack=PACK)
CATEGORY = "新媒体平台建设"

#: The six sections of a platform summary: heading wording as drafts write it, and the text.
SECTIONS = [
    ("项目概况", "本台客户端于2021年上线，截至2024年12月31日注册用户86万。"),
    ("创新举措", "建设账号矩阵32个，由新媒体中心统一调度、统一审核。"),
    ("实施成效", "2024年客户端日活4.2万，同比增长18%，经营收入1260万元。"),
    ("示范意义与发展潜力", "模式已在本省6个县级融媒体中心复制，2025年计划再推广至10个县。"),
    ("面临的挑战及应对", "县级中心技术人员不足，通过省级平台集中运维解决。"),
    ("启示与展望", "下一步计划接入本省12个地市的服务事项。"),
]
_CN = "一二三四五六"


def _check(path: Path):
    result = check_case(CaseInput(id=path.stem, files=[path], folder=path.parent), SETTINGS)
    summary = {e.n: e for e in result.elements if e.part == "summary"}
    return result, summary


def _headed(summary) -> list[int]:
    return [n for n, e in sorted(summary.items()) if e.heading]


def _errors(result) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in result.findings if f.severity == "error"]


def _summary_docx(path: Path, blocks: str, **kwargs) -> Path:
    """A 综合材料 file (the name says which part) with the category stated under its title."""
    head = p("青禾视听客户端建设", style="Title") + p(f"申报类别：{CATEGORY}")
    return build_docx(path, head + blocks, **kwargs)


def test_python_docx_heading_styles_and_bold_lines(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("青禾视听客户端建设", style="Title")
    document.add_paragraph(f"申报类别：{CATEGORY}")
    for i, (heading, text) in enumerate(SECTIONS):
        if i % 2:
            document.add_paragraph(f"{_CN[i]}、{heading}", style="Heading 2")
        else:
            document.add_paragraph().add_run(f"{_CN[i]}、{heading}").bold = True
        document.add_paragraph(text)
    path = tmp_path / "青禾-综合材料.docx"
    document.save(str(path))
    result, summary = _check(path)
    assert _headed(summary) == [1, 2, 3, 4, 5, 6]
    assert summary[4].heading == "四、示范意义与发展潜力"
    assert not [e for e in _errors(result) if "element" in e]


def test_wps_outline_levels_without_heading_styles(tmp_path: Path) -> None:
    """WPS marks headings with an outline level on a plain paragraph, or its 标题 2 style."""
    styles = paragraph_style("a5", "标题 2", outline=1)
    blocks = ""
    for i, (heading, text) in enumerate(SECTIONS):
        label = f"{_CN[i]}、{heading}"
        blocks += para(run(label, hint=True), outline=1) if i < 3 else p(label, style="a5")
        blocks += p(text)
    path = _summary_docx(tmp_path / "稿-综合材料.docx", blocks, styles_extra=styles)
    result, summary = _check(path)
    assert _headed(summary) == [1, 2, 3, 4, 5, 6]
    assert not _errors(result) or all("element" not in e for e in _errors(result))


def test_bold_openings_of_paragraphs_are_headings(tmp_path: Path) -> None:
    blocks = "".join(
        para(run(f"{_CN[i]}、{heading}。", bold=True) + run(text))
        for i, (heading, text) in enumerate(SECTIONS)
    )
    path = _summary_docx(tmp_path / "稿-综合材料.docx", blocks)
    result, summary = _check(path)
    assert _headed(summary) == [1, 2, 3, 4, 5, 6]
    assert summary[3].heading == "三、实施成效"  # the heading, not its paragraph
    # the section of a run-in heading holds its own paragraph: the results have figures
    assert "unquantified-claim" not in {f.rule for f in result.findings if f.element == 3}


def test_automatic_list_labels_in_decimal(tmp_path: Path) -> None:
    numbering = abstract_num(7, level(0, "decimal", "%1.")) + num(8, 7)
    blocks = "".join(para(run(heading), num=(8, 0)) + p(text) for heading, text in SECTIONS)
    path = _summary_docx(tmp_path / "稿-综合材料.docx", blocks, numbering_xml=numbering)
    _, summary = _check(path)
    assert _headed(summary) == [1, 2, 3, 4, 5, 6]
    assert summary[6].heading == "6.启示与展望"


@pytest.mark.parametrize(
    "form", ["第{n}，{h}。{t}", "第{n}部分　{h}\n{t}", "{n}、{h}\n{t}", "（{n}）{h}\n{t}"]
)
def test_typed_labels_in_markdown(form: str, tmp_path: Path) -> None:
    lines = [f"申报类别：{CATEGORY}", "", "# 综合材料", ""]
    for i, (heading, text) in enumerate(SECTIONS):
        lines += [form.format(n=_CN[i], h=heading, t=text).replace("\n", "\n\n"), ""]
    path = tmp_path / "稿件.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    result, summary = _check(path)
    assert _headed(summary) == [1, 2, 3, 4, 5, 6]
    assert not [e for e in _errors(result) if e.startswith("element")]


def test_sequence_words_take_turns_as_labels(tmp_path: Path) -> None:
    words = ["首先", "其次", "再次", "然后", "此外", "最后"]
    text = "\n\n".join(
        f"{word}，在{heading}方面，{body}"
        for word, (heading, body) in zip(words, SECTIONS, strict=True)
    )
    path = tmp_path / "稿件.md"
    path.write_text(f"申报类别：{CATEGORY}\n\n# 综合材料\n\n{text}\n", encoding="utf-8")
    _, summary = _check(path)
    assert _headed(summary) == [1, 2, 3, 4, 5, 6]
    # a lone 最后， is prose, not a label
    lone = f"申报类别：{CATEGORY}\n\n# 综合材料\n\n最后，在面临的挑战及应对方面，人员不足。\n"
    path.write_text(lone, encoding="utf-8")
    _, summary = _check(path)
    assert _headed(summary) == []


def test_heading_and_text_split_by_a_line_break(tmp_path: Path) -> None:
    blocks = "".join(
        para(run(f"{_CN[i]}、{heading}") + "<w:r><w:br/></w:r>" + run(text))
        for i, (heading, text) in enumerate(SECTIONS)
    )
    path = _summary_docx(tmp_path / "稿-综合材料.docx", blocks)
    _, summary = _check(path)
    assert _headed(summary) == [1, 2, 3, 4, 5, 6]


def _markdown(sections: list[tuple[str, str]], extra: str = "") -> str:
    body = "\n".join(f"## {_CN[i]}、{h}\n\n{t}\n" for i, (h, t) in enumerate(sections))
    return f"申报类别：{CATEGORY}\n\n# 综合材料\n\n{body}{extra}"


def test_a_heading_joining_two_elements_counts_for_both(tmp_path: Path) -> None:
    sections = [
        *SECTIONS[:2],
        ("成效反响与推广价值", SECTIONS[2][1] + SECTIONS[3][1]),
        *SECTIONS[4:],
    ]
    path = tmp_path / "稿件.md"
    path.write_text(_markdown(sections), encoding="utf-8")
    result, summary = _check(path)
    assert summary[3].heading == summary[4].heading == "三、成效反响与推广价值"
    assert _headed(summary) == [1, 2, 3, 4, 5, 6]
    assert not [f for f in result.findings if f.rule in ("element-missing", "element-order")]


def test_an_element_without_its_heading_in_a_headed_summary_is_missing(tmp_path: Path) -> None:
    """The other elements have headings: a reviewer looks for this one's and finds none. The
    paragraph that touches on it is quoted, not counted."""
    sections = [
        SECTIONS[0],
        SECTIONS[1],
        (SECTIONS[2][0], SECTIONS[2][1] + "\n\n该模式可复制、可推广，已在本省6个县推广。"),
        *SECTIONS[4:],
    ]
    path = tmp_path / "稿件.md"
    path.write_text(_markdown(sections), encoding="utf-8")
    result, summary = _check(path)
    assert summary[4].heading is None and summary[4].text is None
    (missing,) = [f for f in result.findings if f.rule == "element-missing"]
    assert missing.severity == "error" and missing.element == 4
    assert "第17行“该模式可复制、可推广，已在本省6个县推广…”似写到该要素" in missing.suggestion


def test_an_element_in_the_content_of_a_summary_with_few_headings(tmp_path: Path) -> None:
    """Two headings only: the elements written as paragraphs opening by naming them count,
    with a hint to head them; a paragraph that names a keyword in passing does not."""
    text = "\n\n".join(
        [
            "申报类别：新媒体平台建设",
            "# 综合材料",
            "## 一、项目概况",
            SECTIONS[0][1],
            "## 二、创新举措",
            SECTIONS[1][1],
            "学习借鉴先进地区，中心在2023年引入了统一的内容管理系统。",
            "取得的成效主要是：" + SECTIONS[2][1],
            "该模式可复制、可推广，已在本省6个县推广。",
            "对群众反映的问题，平台实行24小时内响应。",
            "下一步，计划接入本省12个地市的服务事项。",
        ]
    )
    path = tmp_path / "稿件.md"
    path.write_text(text + "\n", encoding="utf-8")
    result, summary = _check(path)
    assert _headed(summary) == [1, 2]
    assert [n for n, e in sorted(summary.items()) if e.text] == [3, 4, 6]
    assert summary[4].text.startswith("该模式可复制")
    errors = [f for f in result.findings if f.rule == "element-missing" and f.severity == "error"]
    assert [f.element for f in errors] == [5]
    hints = [f for f in result.findings if f.rule == "element-missing" and f.severity == "info"]
    assert [f.element for f in hints] == [3, 4, 6] and all(f.location.line for f in hints)


def test_a_purpose_or_a_passing_mention_invents_no_element(tmp_path: Path) -> None:
    practice = (
        "针对县级中心技术人员不足的问题，省台统一建设技术平台。改革在不突破编制总量的前提下完成。"
    )
    sections = [SECTIONS[0], (SECTIONS[1][0], practice), SECTIONS[2], SECTIONS[3], SECTIONS[5]]
    path = tmp_path / "稿件.md"
    path.write_text(_markdown(sections), encoding="utf-8")
    result, summary = _check(path)
    assert summary[5].heading is None and summary[5].text is None
    (missing,) = [f for f in result.findings if f.rule == "element-missing"]
    assert missing.severity == "error" and missing.element == 5
    # the finding lists the headings considered and what each was taken for
    assert "一、项目概况（要素1）" in missing.suggestion
    assert "五、启示与展望（要素6）" in missing.suggestion


# -- the generated drafts, every layout --------------------------------------------------------

GENERATED = generate(len(LAYOUTS) * 2, seed=31)


@pytest.mark.parametrize("draft", GENERATED, ids=lambda d: d.name)
def test_generated_draft_is_read_as_a_reviewer_reads_it(draft, tmp_path: Path) -> None:
    (case,) = discover([write(draft, tmp_path)], PACK)
    result = check_case(case, SETTINGS)
    if draft.info != "none":
        assert result.category == draft.category
    elif result.category is not None:
        assert result.category == draft.category  # inferred: never a wrong category
    summary = [e for e in result.elements if e.part == "summary" and (e.heading or e.text)]
    missing = {
        f.element
        for f in result.findings
        if f.rule == "element-missing" and f.severity == "error" and f.part == "summary"
    }
    if result.category is not None:
        assert {e.n for e in summary} == draft.present
        assert missing == draft.dropped
    if draft.compliant:
        assert _errors(result) == []

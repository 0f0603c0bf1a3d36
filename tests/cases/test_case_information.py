"""Case information written in the draft itself: lines and table rows under the title.

Real drafts open with 申报类别：…, 【申报单位】…, 联 系 人：… or a small table of them, in Word
(python-docx, raw WordprocessingML as WPS writes it) and Markdown alike. These tests assert the
values read, where each came from, the precedence of the sources and what ``check`` and ``pack``
do with a draft whose category, unit and name are only in its own lines.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
from typer.testing import CliRunner

from caselint.cases.case import CaseInput, assemble
from caselint.cases.metadata import case_info
from caselint.cli.app import app
from caselint.engine import Settings, check_case
from caselint.rulepack.pack import load_pack
from support.cases import body, build_docx_case, compliant
from support.docx_build import build_docx, p, para, paragraph_style, run, table

PACK = load_pack()
SETTINGS = Settings(pack=PACK)


def _info(path: Path, folder: Path | None = None, **metadata):
    case_input = CaseInput(id=path.stem, files=[path], folder=folder or path.parent)
    case_input.metadata = metadata
    return case_info(assemble(case_input, PACK, "zh"), PACK)


def _check(path: Path):
    return check_case(CaseInput(id=path.stem, files=[path], folder=path.parent), SETTINGS)


def cli(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def _with_lines(category: str, *lines: str) -> str:
    """The compliant draft without front matter, ``lines`` under its title."""
    text = body(compliant(category)).lstrip()
    title, _, rest = text.partition("\n")
    return title + "\n\n" + "\n\n".join(lines) + "\n\n" + rest.lstrip()


# -- Markdown ---------------------------------------------------------------------------------


def test_markdown_lines_give_values_and_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "青禾视听.md"
    path.write_text(
        _with_lines(
            "platform",
            "申报类别：新媒体平台建设",
            "【申报单位】青禾市广播电视台",
            "联 系 人：周晓岚　　联系电话：0736-55501238",
        ),
        encoding="utf-8",
    )
    info = _info(path)
    assert info.values["category"] == "新媒体平台建设"
    assert info.values["unit"] == "青禾市广播电视台"
    assert info.values["contact"] == "周晓岚"
    assert info.values["phone"] == "0736-55501238"
    assert info.sources["category"].kind == "text" and info.sources["category"].line == 3
    assert info.sources["unit"].line == 5
    assert info.sources["phone"].line == 7
    # The title names the case; its unit prefix is dropped.
    assert info.values["case_name"] == "“青禾视听”客户端与账号矩阵一体化运营"
    assert info.sources["case_name"].kind == "title"


def test_lines_of_one_markdown_paragraph_are_split_into_fields(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(
        _with_lines("service", "申报类别：综合信息服务\n申报单位：江川县融媒体中心\n省份：西岭省"),
        encoding="utf-8",
    )
    values = _info(path).values
    assert (values["category"], values["unit"], values["province"]) == (
        "综合信息服务",
        "江川县融媒体中心",
        "西岭省",
    )


def test_prose_after_the_first_element_heading_is_never_case_information(tmp_path: Path) -> None:
    text = compliant("platform").replace(
        "## 二、主要做法\n", "## 二、主要做法\n\n联系人：各区县融媒体中心的值班编辑。\n\n", 1
    )
    path = tmp_path / "draft.md"
    path.write_text(body(text), encoding="utf-8")
    info = _info(path)
    assert "contact" not in info.values
    assert info.lines == []


def test_checked_box_names_the_category(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(
        _with_lines(
            "production", "申报类别  □新媒体平台建设 ☑融合生产传播 □综合信息服务 □创新发展机制"
        ),
        encoding="utf-8",
    )
    result = _check(path)
    assert result.category == "融合生产传播"
    assert result.metadata["sources"]["category"]["kind"] == "text"
    assert not [f for f in result.findings if f.rule.startswith("category")]


# -- Word -------------------------------------------------------------------------------------


def test_python_docx_lines_and_spaced_labels(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("柳湾县融媒体中心：“中心制”改革案例综合材料", style="Title")
    document.add_paragraph("申报类别：体制机制创新")
    document.add_paragraph("所属省份：南湾省")
    document.add_paragraph("联 系 人：唐文博")
    document.add_paragraph("手    机：13800001234")
    document.add_paragraph("一、改革背景与总体思路", style="Heading 1")
    document.add_paragraph("联系人：本段是正文，不是案例信息。")
    path = tmp_path / "改革.docx"
    document.save(str(path))
    info = _info(path)
    assert info.values["category"] == "体制机制创新"
    assert info.values["province"] == "南湾省"
    assert info.values["contact"] == "唐文博"
    assert info.values["phone"] == "13800001234"
    assert info.sources["province"].paragraph == 3
    # The title opens with the unit and ends with suffixes the case name drops.
    assert info.values["unit"] == "柳湾县融媒体中心"
    assert info.sources["unit"].kind == "title"
    assert info.values["case_name"] == "“中心制”改革"
    assert PACK.category(info.values["category"]).name == "创新发展机制"


def test_two_and_four_column_tables_in_raw_wordprocessingml(tmp_path: Path) -> None:
    rows = [
        [p("案例名称"), p("“爱江川”政务民生一体化服务平台")],
        [p("申报类别"), p("综合信息服务"), p("单位层级"), p("县")],
        [p("申报单位："), p("江川县融媒体中心")],
        [p("联系人"), p("何小青"), p("联系电话"), p("0736-5550123")],
    ]
    path = build_docx(
        tmp_path / "申报.docx",
        p("江川县融媒体中心“爱江川”平台", style="Title")
        + table(rows)
        + p("一、基本情况", style="Heading1")
        + p("截至2024年底注册用户21万。")
        + table([[p("指标"), p("数值")], [p("单位"), p("万人")]]),
    )
    info = _info(path)
    assert info.values["case_name"] == "“爱江川”政务民生一体化服务平台"
    assert info.values["category"] == "综合信息服务"
    assert info.values["level"] == "县"
    assert info.values["unit"] == "江川县融媒体中心"
    assert info.values["phone"] == "0736-5550123"
    assert info.sources["phone"].table == 1 and info.sources["phone"].row == 4
    # the data table after the first heading is not case information
    assert [line.value for line in info.lines if line.key == "unit"] == ["江川县融媒体中心"]


def test_wps_like_file_bracketed_labels_and_outline_levels(tmp_path: Path) -> None:
    """WPS saves styles named 标题 1 / 正文, East-Asian font hints and direct outline levels."""
    hint = '<w:rFonts w:hint="eastAsia"/>'
    styles = paragraph_style("a3", "标题 1", outline=0, bold=True) + paragraph_style(
        "a4", "正文", custom=False
    )
    body_xml = (
        para(run("“云上青禾”融媒体改革", rpr=hint), style="a3")
        + para(run("【申报单位】", rpr=hint, bold=True) + run("青禾市广播电视台", rpr=hint))
        + para(run("【申报类别】", rpr=hint, bold=True) + run("创新机制", rpr=hint))
        + para(run("二、主要做法", rpr=hint), outline=1)
        + para(run("【联系人】不应读到这里", rpr=hint))
    )
    path = build_docx(tmp_path / "wps.docx", body_xml, styles_extra=styles)
    info = _info(path)
    assert info.values["unit"] == "青禾市广播电视台"
    assert info.values["category"] == "创新机制"
    assert "contact" not in info.values
    assert PACK.category("创新机制").name == "创新发展机制"


# -- precedence and sources --------------------------------------------------------------------


def test_sidecar_over_lines_over_title_over_path(tmp_path: Path) -> None:
    folder = tmp_path / "01-柳湾县融媒体中心"
    folder.mkdir()
    path = folder / "综合材料.md"
    path.write_text(
        "# 柳湾县融媒体中心“全员聘任”机制改革典型案例\n\n申报单位：柳湾县融媒体中心（盖章）\n\n"
        "联系人：唐文博\n\n## 一、基本情况\n\n正文。\n",
        encoding="utf-8",
    )
    info = _info(path, folder, 联系人="王五")
    assert info.values["contact"] == "王五" and info.sources["contact"].kind == "sidecar"
    assert info.values["unit"] == "柳湾县融媒体中心"  # （盖章） is a note on the form
    assert info.sources["unit"].kind == "text"
    assert info.values["case_name"] == "“全员聘任”机制改革"
    assert info.sources["case_name"].kind == "title"
    # nothing in the draft gives the unit: the folder name does
    path.write_text("## 一、基本情况\n\n正文。\n", encoding="utf-8")
    info = _info(path, folder)
    assert info.values["unit"] == "柳湾县融媒体中心"
    assert info.sources["unit"].kind == "path"


def test_front_matter_beats_the_lines(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(
        "---\n申报单位: 青禾市广播电视台\n---\n" + _with_lines("platform", "申报单位：别的台"),
        encoding="utf-8",
    )
    info = _info(path)
    assert info.values["unit"] == "青禾市广播电视台"
    assert info.sources["unit"].kind == "front_matter"


# -- what check and pack do with it -------------------------------------------------------------


def _lines_only_case(folder: Path) -> Path:
    """A compliant .docx whose category, unit and name are only in its first lines; a
    case.toml beside it holds 省份, 联系人 and 联系电话."""
    folder.mkdir(parents=True)
    md = _with_lines("platform", "申报类别：新媒体平台建设", "申报单位：青禾市广播电视台")
    build_docx_case(md, folder / "青禾视听.docx", heading_style="styles")
    (folder / "case.toml").write_text(
        '"省份" = "东湖省"\n"联系人" = "周晓岚"\n"联系电话" = "0736-55501238"\n', encoding="utf-8"
    )
    return folder


def test_draft_with_information_only_in_its_lines_passes_and_packs(tmp_path: Path) -> None:
    folder = _lines_only_case(tmp_path / "case")
    result = cli("check", folder, "--format", "json", "--no-cache")
    assert result.exit_code == 0, result.stdout
    case = json.loads(result.stdout)["cases"][0]
    assert case["verdict"] == "pass"
    assert case["category"] == "新媒体平台建设"
    rules = {f["rule"] for f in case["findings"]}
    assert not rules & {"category-unknown", "category-inferred", "metadata-missing"}
    sources = case["metadata"]["sources"]
    assert sources["category"] == {
        "kind": "text",
        "file": str(folder / "青禾视听.docx"),
        "paragraph": 2,
    }
    assert sources["unit"]["kind"] == "text" and sources["province"]["kind"] == "sidecar"
    assert case["metadata"]["case_name"] == "“青禾视听”客户端与账号矩阵一体化运营"

    text = cli("check", folder, "--no-cache")
    assert "案例信息：" in text.stdout
    assert "类别 新媒体平台建设（正文第2段）" in text.stdout
    assert "名称 “青禾视听”客户端与账号矩阵一体化运营（标题）" in text.stdout

    out = tmp_path / "out"
    packed = cli("pack", folder, "-o", out)
    assert packed.exit_code == 0, packed.output
    bundles = [d.name for d in out.iterdir() if d.is_dir()]
    assert bundles == ["东湖省-青禾市广播电视台-“青禾视听”客户端与账号矩阵一体化运营"]


def test_lines_inside_a_part_count_and_an_info_says_so(tmp_path: Path) -> None:
    md = compliant("platform")
    summary = body(md)[body(md).index("# 综合材料") : body(md).index("# 详细材料")]
    summary = summary.replace(
        "# 综合材料\n", "# 综合材料\n\n申报类别：新媒体平台建设\n\n申报单位：青禾市广播电视台\n", 1
    )
    path = build_docx_case(summary, tmp_path / "青禾视听-综合材料.docx", heading_style="numbering")
    result = _check(path)
    counted = [f for f in result.findings if f.rule == "metadata-counted"]
    assert len(counted) == 1
    assert counted[0].severity == "info" and counted[0].part == "summary"
    assert re.search(r"类别、申报单位，共 2\d 字", counted[0].message)
    assert result.category == "新媒体平台建设"

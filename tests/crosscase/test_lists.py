"""Shortlists and selected-case lists as offices have them (issue 9, point 5), and the parts
and cases of a folder by every name people use (point 3)."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from openpyxl import Workbook
from typer.testing import CliRunner

from caselint.cases.discover import FoundLists, discover
from caselint.cli.app import app
from caselint.crosscase.intake import IntakeError, batch_options
from caselint.crosscase.lists import read_list
from caselint.crosscase.selected import read_selected
from caselint.rulepack.pack import load_pack
from support.cases import body, build_docx_case, compliant

PACK = load_pack()


def cli(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_published_numbered_list_under_category_headings(tmp_path: Path) -> None:
    path = tmp_path / "入选名单.txt"
    path.write_text(
        "2024年全国广播电视媒体融合典型案例名单\n"
        "一、新媒体平台建设\n"
        "1. 《青禾视听》客户端（青禾市广播电视台）\n"
        "2、“云上澄溪”——澄溪县融媒体中心\n"
        "（3）东湖云平台（东湖广电网络股份有限公司，综合信息服务，提名）\n"
        "四、体制机制改革\n"
        "1. 温岭融媒县域治理平台（温岭市融媒体中心）\n"
        "2. （待补）\n",
        encoding="gbk",
    )
    listed = read_selected(path, PACK)
    rows = [(r.case_name, r.unit, r.category, r.year, r.status) for r in listed.rows]
    assert rows == [
        ("《青禾视听》客户端", "青禾市广播电视台", "新媒体平台建设", 2024, "入选"),
        ("“云上澄溪”", "澄溪县融媒体中心", "新媒体平台建设", 2024, "入选"),
        ("东湖云平台", "东湖广电网络股份有限公司", "综合信息服务", 2024, "提名"),
        ("温岭融媒县域治理平台", "温岭市融媒体中心", "体制机制改革", 2024, "入选"),
    ]
    assert listed.unparsed == ["2. （待补）"]


def test_tab_separated_and_csv_with_english_or_chinese_headers(tmp_path: Path) -> None:
    tsv = tmp_path / "list.tsv"
    tsv.write_text("case_name\tunit\tcategory\tyear\n甲平台\t甲台\t融合生产传播\t2023\n", "utf-8")
    (row,) = read_selected(tsv, PACK).rows
    assert (row.case_name, row.unit, row.category, row.year) == (
        "甲平台",
        "甲台",
        "融合生产传播",
        2023,
    )
    csv = tmp_path / "list.csv"
    csv.write_text("案例名称,申报单位,类别,状态\n乙平台,乙台,创新发展机制,提名\n,,,\n", "utf-8-sig")
    (row,) = read_selected(csv, PACK).rows
    assert (row.case_name, row.year, row.status) == ("乙平台", 2024, "提名")


def test_xlsx_and_docx_tables(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "案例名称", "申报单位", "类别", "是否推荐"])
    sheet.append([1, "甲平台", "甲台", "新媒体平台建设", "是"])
    sheet.append([2, "乙平台", "乙台", "融合生产传播", "否"])
    book.save(tmp_path / "推荐名单.xlsx")
    listed = read_list(tmp_path / "推荐名单.xlsx", PACK)
    assert [(r.case_name, r.recommended) for r in listed.rows] == [
        ("甲平台", "是"),
        ("乙平台", "否"),
    ]
    options = batch_options(PACK, shortlist=tmp_path / "推荐名单.xlsx")
    assert options.shortlist == frozenset({"甲平台"})

    document = docx.Document()
    document.add_paragraph("2024年入选名单")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["名称", "单位", "类别"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["丙平台", "丙台", "综合信息服务"], strict=True):
        cell.text = text
    document.save(str(tmp_path / "名单.docx"))
    (row,) = read_selected(tmp_path / "名单.docx", PACK).rows
    assert (row.case_name, row.unit, row.category) == ("丙平台", "丙台", "综合信息服务")


def test_a_plain_shortlist_and_a_missing_one(tmp_path: Path) -> None:
    path = tmp_path / "推荐.txt"
    path.write_text("# 东湖省推荐\n甲平台\n乙平台,备注\n\n", encoding="utf-8")
    assert batch_options(PACK, shortlist=path).shortlist == frozenset({"甲平台", "乙平台"})
    try:
        batch_options(PACK, shortlist=tmp_path / "none.txt")
    except IntakeError as exc:
        assert "none.txt" in str(exc)
    else:  # pragma: no cover - the assertion above must run
        raise AssertionError("a missing shortlist must be refused")


def test_unparseable_lines_of_a_selected_list_are_a_hint_not_a_failure(tmp_path: Path) -> None:
    draft = tmp_path / "case" / "案例.md"
    draft.parent.mkdir()
    draft.write_text(compliant("platform"), encoding="utf-8")
    listed = tmp_path / "list.txt"
    listed.write_text("1. 甲平台（甲台，新媒体平台建设）\n2. 乙\n3. 丙平台\n", encoding="utf-8")
    result = cli("check", draft.parent, "--selected", listed, "--format", "json", "--no-cache")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    hints = [f for f in report["findings"] if f["rule"] == "list-used"]
    (unread,) = [f for f in hints if "读不出案例" in f["message"]]
    assert unread["severity"] == "info" and "2. 乙" in unread["message"]
    # an entry without a category is kept, matched on name and unit, and said
    (uncategorised,) = [f for f in hints if "未写类别" in f["message"]]
    assert uncategorised["message"].endswith("：丙平台")


# -- parts and cases by every name -----------------------------------------------------------


def _parts(category: str = "platform") -> tuple[str, str]:
    text = body(compliant(category))
    index = text.index("# 详细材料")
    return text[:index], text[index:]


def test_summary_and_detailed_by_english_and_pinyin_names(tmp_path: Path) -> None:
    summary, detailed = _parts()
    for stems in (("summary", "detailed"), ("青禾-zonghe", "青禾-xiangxi"), ("甲-综合", "乙-详细")):
        folder = tmp_path / stems[0]
        folder.mkdir()
        (folder / f"{stems[0]}.md").write_text("申报类别：新媒体平台建设\n\n" + summary, "utf-8")
        build_docx_case(detailed, folder / f"{stems[1]}.docx", heading_style="bold")
        (case,) = discover([folder], PACK)
        assert len(case.files) == 2, stems
        result = cli("check", folder, "--format", "json", "--no-cache")
        (checked,) = json.loads(result.stdout)["cases"]
        rules = {f["rule"] for f in checked["findings"]}
        assert not rules & {"part-missing", "case-layout-ambiguous"}, (stems, rules)


def test_front_matter_part_and_one_summary_one_detailed_whatever_the_names(tmp_path: Path) -> None:
    summary, detailed = _parts("service")
    (tmp_path / "概要.md").write_text(
        "---\n类别: 综合信息服务\n材料类型: 综合材料\n---\n" + summary.replace("# 综合材料", ""),
        encoding="utf-8",
    )
    (tmp_path / "正文.md").write_text(
        "---\npart: detailed\n---\n" + detailed.replace("# 详细材料", ""), encoding="utf-8"
    )
    (case,) = discover([tmp_path], PACK)
    assert sorted(p.name for p in case.files) == ["概要.md", "正文.md"]
    result = cli("check", tmp_path, "--format", "json", "--no-cache")
    (checked,) = json.loads(result.stdout)["cases"]
    assert checked["parts"]["summary"] and checked["parts"]["detailed"]
    assert "part-missing" not in {f["rule"] for f in checked["findings"]}


def test_a_recommendation_workbook_at_the_root_is_the_shortlist(tmp_path: Path) -> None:
    province = tmp_path / "东湖省"
    for name in ("甲", "乙"):
        folder = province / name
        folder.mkdir(parents=True)
        (folder / "案例.md").write_text(compliant("platform"), encoding="utf-8")
    book = Workbook()
    book.active.append(["案例名称"])
    book.active.append(["甲"])
    book.save(province / "推荐汇总表.xlsx")
    found = FoundLists()
    cases = discover([province], PACK, [], found)
    assert [c.id for c in cases] == ["乙", "甲"]
    assert [p.name for p in found.shortlists] == ["推荐汇总表.xlsx"]
    options = batch_options(PACK, found_shortlists=found.shortlists)
    assert options.shortlist == frozenset({"甲"}) and options.shortlist_source.found

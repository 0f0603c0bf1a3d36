"""Outputs of a provincial run: the workbook and CSV for people, JUnit / SARIF / GitHub / JSON for
machines (validated against schemas written for these tests), and writing them safely."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jsonschema
import openpyxl
import pytest
from batch_cli import check_json, cli
from lxml import etree
from province_folder import (
    CASE_IDS,
    CASES,
    SELECTED_ROWS,
    example,
    expected_metadata,
    tree_hashes,
    write_selected,
    write_toml,
)
from rich.cells import cell_len

from caselint.core.model import CaseResult, Location, Report, Summary
from caselint.engine import Settings
from caselint.reports.tables import case_rows, quota_rows
from caselint.reports.text import where
from caselint.rulepack.pack import load_pack

SCHEMAS = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
CASE_HEADER = [
    "序号",
    "类别",
    "案例名称",
    "申报单位",
    "单位层级",
    "省份",
    "联系人",
    "联系电话",
    "综合材料字数",
    "详细材料字数",
    "错误",
    "警告",
    "结论",
    "主要问题",
    "推荐",
    "案例编号",
    "文件",
]
FINDING_HEADER = ["案例编号", "文件", "级别", "代码", "规则", "位置", "说明", "摘录", "建议"]
QUOTA_HEADER = ["推荐单位", "类别", "案例数", "其中推荐", "每类名额", "超出"]
CATEGORY = {
    case_id: ("创新发展机制" if category == "体制机制改革" else category)
    for case_id, (category, _, _) in CASES.items()
}


@pytest.fixture(scope="module")
def run(province: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One run over the province writing every format at once; the inputs hashed around it."""
    out = tmp_path_factory.mktemp("outputs")
    selected = write_selected(out / "2024入选.csv", SELECTED_ROWS)
    before = tree_hashes(province)
    result = cli(
        "check",
        province,
        "--no-cache",
        "--jobs",
        "1",
        "--selected",
        selected,
        "--format",
        "json",
        "-o",
        out / "report.json",
        "-o",
        out / "junit.xml",
        "-o",
        out / "results.sarif",
        "-o",
        f"github:{out / 'annotations.log'}",
        "-o",
        out / "report.txt",
        "--report",
        out / "summary.xlsx",
        "--report",
        out / "summary.csv",
    )
    return {
        "out": out,
        "result": result,
        "before": before,
        "after": tree_hashes(province),
        "report": json.loads(result.stdout),
    }


def test_one_run_writes_every_output_and_nothing_else(run: dict[str, Any]) -> None:
    assert run["result"].exit_code == 1  # the re-submission and the ambiguous layout
    assert sorted(p.name for p in run["out"].iterdir()) == sorted(
        [
            "2024入选.csv",
            "report.json",
            "junit.xml",
            "results.sarif",
            "annotations.log",
            "report.txt",
            "summary.xlsx",
            "summary.csv",
        ]
    )  # and no temporary file left behind
    assert json.loads((run["out"] / "report.json").read_text("utf-8")) == run["report"]
    text = (run["out"] / "report.txt").read_text("utf-8")
    assert "10-白石应急广播网格" in text and "\x1b[" not in text


def test_inputs_are_never_modified(run: dict[str, Any]) -> None:
    assert run["after"] == run["before"]
    assert len(run["before"]) == 47  # every file, skipped ones included


# -- the workbook -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workbook(run: dict[str, Any]) -> openpyxl.Workbook:
    return openpyxl.load_workbook(run["out"] / "summary.xlsx")


def _values(sheet) -> list[list[Any]]:
    """The table of a sheet: its header row (the one above the frozen panes) and the rows below."""
    header_row = int(sheet.freeze_panes[1:]) - 1
    return [list(row) for row in sheet.iter_rows(min_row=header_row, values_only=True)]


def test_workbook_sheets_headers_and_layout(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == ["案例汇总", "问题明细", "名额核查"]
    cases, findings, quotas = (workbook[name] for name in workbook.sheetnames)

    assert _values(cases)[0] == CASE_HEADER
    assert _values(findings)[0] == FINDING_HEADER
    assert _values(quotas)[0] == QUOTA_HEADER
    title = "东湖省2025年全国广播电视媒体融合典型案例推荐汇总"
    # The case sheet: title, the counts, then the table; the others: title, then the table.
    for sheet, header_row in ((cases, 3), (findings, 2), (quotas, 2)):
        assert sheet["A1"].value == title and sheet["A1"].font.bold
        assert sheet.freeze_panes == f"A{header_row + 1}"
        last = sheet.cell(header_row, sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A{header_row}:{last}{sheet.max_row}"
        assert f"A1:{last}1" in {str(r) for r in sheet.merged_cells.ranges}
        assert all(cell.font.bold for cell in sheet[header_row])
        assert sheet.print_title_rows == f"${header_row}:${header_row}"
        assert sheet.page_setup.orientation == "landscape"
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        for column in range(1, sheet.max_column + 1):
            letter = sheet.cell(header_row, column).column_letter
            values = [c.value for c in sheet[letter][header_row:]]
            longest = max([cell_len(str(v)) for v in values if v not in (None, "")] + [0])
            width = sheet.column_dimensions[letter].width
            assert width <= 40, letter  # long text wraps instead of widening the page
            assert width >= min(width, longest + 2), letter
        for row in sheet.iter_rows(min_row=header_row):
            assert all(cell.alignment.wrap_text for cell in row)
            # Tall enough for its longest wrapped cell (a 汉字 is two of Excel's width units).
            needed = max(
                -(
                    -cell_len(str(c.value))
                    // int(sheet.column_dimensions[c.column_letter].width - 1.5)
                )
                for c in row
                if c.value not in (None, "")
            )
            assert sheet.row_dimensions[row[0].row].height >= needed * 15, row[0].row
    assert cases["A2"].value.startswith("共 15 个案例：")


def test_workbook_has_one_row_per_case_with_its_values(
    workbook: openpyxl.Workbook, run: dict[str, Any]
) -> None:
    rows = _values(workbook["案例汇总"])[1:]
    report = run["report"]
    assert len(rows) == 15
    by_id = {row[15]: row for row in rows}
    assert list(by_id) == CASE_IDS
    for number, case in enumerate(report["cases"], start=1):
        row = by_id[case["id"]]
        meta = expected_metadata(case["id"])
        parts = case["parts"]
        assert row[:10] == [
            number,
            CATEGORY[case["id"]],
            meta["case_name"],
            meta["unit"],
            "县",
            "东湖省",
            meta.get("contact"),
            meta.get("phone"),
            parts["summary"]["words"] if parts["summary"] else None,
            parts["detailed"]["words"] if parts["detailed"] else None,
        ], case["id"]
        # Counted as the verdict is: the case's own findings and those across cases naming it.
        own = case["findings"] + [f for f in report["findings"] if case["id"] in f["cases"]]
        assert row[10] == sum(f["severity"] == "error" for f in own), case["id"]
        assert row[11] == sum(f["severity"] == "warning" for f in own), case["id"]
        assert row[12].split("（")[0] == {"pass": "通过", "fail": "不通过"}[case["verdict"]]
        assert (row[10] > 0) == (case["verdict"] == "fail"), case["id"]
        assert row[16] == "；".join(case["files"])

    ambiguous = by_id["10-白石应急广播网格"]
    assert ambiguous[8] is None and ambiguous[10] == 1 and ambiguous[12] == "不通过"
    assert ambiguous[13].startswith("综合材料出现在多个文件中：白石应急广播网格-综合材料v1.docx")
    resubmitted = by_id["11-广电农业数据服务"]
    assert resubmitted[10] == 1 and resubmitted[12] == "不通过（重复申报）"
    assert "同类别重复申报" in resubmitted[13]
    # A warning that names one case alone belongs to its row: the possible re-submission.
    (wenling_case,) = [c for c in report["cases"] if c["id"] == "14-温岭融媒县域治理平台"]
    (confirm,) = [f for f in report["findings"] if f["cases"] == ["14-温岭融媒县域治理平台"]]
    # and so does the intake's quota warning, which names every case of the province.
    (intake,) = [f for f in report["findings"] if len(f["cases"]) == 15]
    assert intake["rule"] == "quota-exceeded" and intake["severity"] == "warning"
    own = [f for f in wenling_case["findings"] if f["severity"] == "warning"]
    wenling = by_id["14-温岭融媒县域治理平台"]
    assert wenling[10:13] == [0, len(own) + 2, "通过"]
    assert wenling[13] == "；".join(f["message"] for f in [*own, confirm, intake][:3])
    assert "请确认" in wenling[13]
    missing = by_id["07-石门村晚融媒直播"]
    assert missing[6:8] == [None, None]
    assert "案例信息缺少：联系人、联系电话" in missing[13]


def test_workbook_lists_every_finding(workbook: openpyxl.Workbook, run: dict[str, Any]) -> None:
    rows = _values(workbook["问题明细"])[1:]
    report = run["report"]
    expected = [(c["id"], f) for c in report["cases"] for f in c["findings"]]
    expected += [("；".join(f["cases"]), f) for f in report["findings"]]
    assert len(rows) == len(expected)
    severity = {"error": "错误", "warning": "警告", "info": "提示"}
    for row, (case_id, f) in zip(rows, expected, strict=True):
        assert row[0] == (case_id or None)
        assert row[2:5] == [severity[f["severity"]], f["code"], f["rule"]]
        assert row[6] == f["message"]
    assert [row[0] for row in rows if row[4] == "previously-selected" and row[2] == "错误"] == [
        "11-广电农业数据服务"
    ]


def test_workbook_quota_sheet_per_body_and_category(workbook: openpyxl.Workbook) -> None:
    # Categories in the notice's order (一、新媒体平台建设 二、融合生产传播 三、综合信息服务 四、…).
    assert _values(workbook["名额核查"])[1:] == [
        ["东湖省", "新媒体平台建设", 5, 0, 4, 1],
        ["东湖省", "融合生产传播", 3, 0, 4, 0],
        ["东湖省", "综合信息服务", 4, 0, 4, 0],
        ["东湖省", "创新发展机制", 3, 0, 4, 0],
        ["东湖省", "合计", 15, 0, 12, 3],
    ]


def _result(case_id: str, category: str, **metadata: Any) -> CaseResult:
    return CaseResult(
        id=case_id,
        files=[],
        category=category,
        parts={"summary": None, "detailed": None},
        verdict="pass",
        metadata={"province": "东湖省", **metadata},
    )


def test_quota_sheet_counts_only_marked_cases_once_a_body_marks_any() -> None:
    """As the quota check: 5 unmarked cases of a category are not over the quota when the
    province marked its recommendations elsewhere (nothing of that category is recommended)."""
    cases = [_result(f"平台{i}", "新媒体平台建设") for i in range(5)]
    cases += [_result(f"服务{i}", "综合信息服务", recommended="是") for i in range(2)]
    cases += [_result("服务9", "综合信息服务", recommended="否")]
    report = Report(rulepack="x", cases=cases, summary=Summary(cases=8, errors=0, warnings=0))

    assert quota_rows(report, Settings(pack=load_pack())) == [
        ["东湖省", "新媒体平台建设", 5, 0, 4, 0],
        ["东湖省", "综合信息服务", 3, 2, 4, 0],
        ["东湖省", "合计", 8, 2, 12, 0],
    ]


def test_the_recommended_column_reads_yes_or_no() -> None:
    """A shortlist or YAML ``yes`` gives booleans; the workbook says 是/否, not True/False."""
    cases = [
        _result("a", "新媒体平台建设", recommended=True),
        _result("b", "新媒体平台建设", recommended=False),
        _result("c", "新媒体平台建设", recommended="是"),
        _result("d", "新媒体平台建设"),
    ]
    report = Report(rulepack="x", cases=cases, summary=Summary(cases=4, errors=0, warnings=0))

    assert [row[14] for row in case_rows(report, "zh")] == ["是", "否", "是", ""]
    assert [row[14] for row in case_rows(report, "en")] == ["yes", "no", "是", ""]


# -- untrusted text in spreadsheets ---------------------------------------------------------------

FORMULAS = {
    "=1+1": ('=HYPERLINK("http://x","点我")', "+86-0736-5551", "-东湖省"),
    "案例二": ("@SUM(A1:A9)", "=cmd|' /C calc'!A0", "东湖省"),
    "案例三": ("+“东湖云”平台", "@南屏台", "=东湖省"),
    "案例四": ("-1", "-", "普通省"),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("hostile") / "汇总"
    draft = example("02-南屏发布短视频矩阵/南屏发布短视频矩阵.md")
    for folder, (name, unit, province) in FORMULAS.items():
        (root / folder).mkdir(parents=True)
        (root / folder / "案例.md").write_text(draft, encoding="utf-8")
        write_toml(
            root / folder / "case.toml",
            {"案例名称": name, "申报单位": unit, "省份": province, "类别": "新媒体平台建设"},
        )
    out = root.parent / "out"
    result = cli(
        "check",
        root,
        "--no-cache",
        "-j",
        "1",
        "-q",
        "--report",
        out / "summary.xlsx",
        "--report",
        out / "summary.csv",
    )
    assert result.exit_code in (0, 1), result.stderr
    return {"xlsx": out / "summary.xlsx", "csv": out / "summary.csv"}


def test_workbook_stores_formula_like_text_as_text(hostile: dict[str, Path]) -> None:
    workbook = openpyxl.load_workbook(hostile["xlsx"])
    rows = list(workbook["案例汇总"].iter_rows(min_row=4))
    cells = {row[15].value: row for row in rows}
    assert sorted(cells) == sorted(FORMULAS)
    for folder, (name, unit, province) in FORMULAS.items():
        row = cells[folder]
        for cell, value in zip((row[2], row[3], row[5]), (name, unit, province), strict=True):
            assert cell.value == value
            assert cell.data_type == "s", (folder, value)
    assert cells["=1+1"][15].data_type == "s"  # the case id, from a folder name
    ids = [row[0] for row in workbook["问题明细"].iter_rows(min_row=3) if row[0].value]
    assert "=1+1" in [cell.value for cell in ids]
    assert all(cell.data_type == "s" for cell in ids)
    with zipfile.ZipFile(hostile["xlsx"]) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name).decode("utf-8")
                assert "<f>" not in xml and "<f " not in xml, name


def test_csv_is_utf8_with_bom_and_neutralises_formulas(hostile: dict[str, Path]) -> None:
    data = hostile["csv"].read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))
    assert rows[0] == CASE_HEADER
    by_id = {row[15]: row for row in rows[1:]}
    assert sorted(by_id) == sorted(["'=1+1", "案例二", "案例三", "案例四"])

    def named(row: list[str]) -> list[str]:
        return [row[2], row[3], row[5]]

    assert named(by_id["'=1+1"]) == [
        '\'=HYPERLINK("http://x","点我")',
        "'+86-0736-5551",
        "'-东湖省",
    ]
    assert named(by_id["案例二"]) == ["'@SUM(A1:A9)", "'=cmd|' /C calc'!A0", "东湖省"]
    assert named(by_id["案例三"]) == ["'+“东湖云”平台", "'@南屏台", "'=东湖省"]
    assert named(by_id["案例四"]) == ["'-1", "'-", "普通省"]
    for row in rows[1:]:
        assert not any(value[:1] in "=+-@" and value for value in row if value), row


# -- machine formats ------------------------------------------------------------------------------


def _all_findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for c in report["cases"] for f in c["findings"]] + report["findings"]


@pytest.fixture(scope="module")
def junit_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "junit.xsd")))


def test_junit_file_validates_and_counts_add_up(
    run: dict[str, Any], junit_schema: etree.XMLSchema
) -> None:
    document = etree.parse(str(run["out"] / "junit.xml"))
    junit_schema.assertValid(document)
    root = document.getroot()
    report = run["report"]

    # One suite per case holding one test case, the case; the deadline hint has a suite of
    # its own (it names no case).
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [*CASE_IDS, "跨案例检查"]
    verdicts = {case["id"]: case["verdict"] for case in report["cases"]}
    for suite in suites:
        (case,) = suite.findall("testcase")
        assert case.get("name") == suite.get("name") and suite.get("tests") == "1"
        failed = suite.get("failures") == "1"
        assert failed == (case.find("failure") is not None)
        if suite.get("name") in verdicts:
            assert failed == (verdicts[suite.get("name")] == "fail"), suite.get("name")
    assert int(root.get("tests")) == len(suites)
    assert int(root.get("failures")) == 2
    failures = root.findall("testsuite/testcase/failure")
    assert sorted(f.get("type") for f in failures) == [
        "case-layout-ambiguous",
        "previously-selected",
    ]
    # The suite's properties count the case's findings as its verdict does.
    for case in report["cases"]:
        (suite,) = [s for s in suites if s.get("name") == case["id"]]
        properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
        own = case["findings"] + [f for f in report["findings"] if case["id"] in f["cases"]]
        for severity, name in (("error", "errors"), ("warning", "warnings"), ("info", "infos")):
            assert properties[name] == str(sum(f["severity"] == severity for f in own))
        assert properties["verdict"] == case["verdict"]
        assert properties["category"] == (case["category"] or "")
        for part in ("summary", "detailed"):
            if case["parts"][part]:
                assert properties[f"{part}_words"] == str(case["parts"][part]["words"])


def test_junit_carries_every_findings_text(run: dict[str, Any]) -> None:
    """Warnings are not lost in CI: message, place and fix of each finding are in the case's
    system-out (warnings, hints) or its failure (errors)."""
    root = etree.parse(str(run["out"] / "junit.xml")).getroot()
    report = run["report"]
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    checked = 0
    for case in report["cases"]:
        testcase = suites[case["id"]].find("testcase")
        out = "".join(testcase.xpath("system-out/text()"))
        failure = "".join(testcase.xpath("failure/text()"))
        own = case["findings"] + [f for f in report["findings"] if case["id"] in f["cases"]]
        for f in own:
            text = failure if f["severity"] == "error" else out
            assert f["message"] in text, (case["id"], f["message"])
            if f["suggestion"]:
                assert " ".join(f["suggestion"].split()) in text, (case["id"], f["rule"])
            place = where(Location(**f["location"]), f["part"], "zh")
            assert place in text, (case["id"], f["rule"], place)
            if f["location"]["line"] is not None:
                assert f"第{f['location']['line']}行" in place, (case["id"], f["rule"])
            checked += 1
    assert checked > 30
    warned = suites["07-石门村晚融媒直播"].find("testcase")
    assert "[警告] F003 metadata-missing  案例信息缺少：联系人、联系电话" in warned.findtext(
        "system-out"
    )
    assert warned.find("failure") is None


def test_junit_on_stdout_validates(province: Path, junit_schema: etree.XMLSchema) -> None:
    result = cli("check", province, "--no-cache", "-j", "1", "--format", "junit")
    assert result.exit_code == 1
    junit_schema.assertValid(etree.fromstring(result.stdout_bytes))


def test_the_junit_schema_rejects_what_readers_reject(junit_schema: etree.XMLSchema) -> None:
    bad = [
        "<testsuites><testsuite tests='1'><testcase name='a'/></testsuite></testsuites>",
        "<testsuites><testsuite name='s' tests='1'><testcase/></testsuite></testsuites>",
        "<testsuites><testsuite name='s' tests='x'/></testsuites>",
        "<testsuites><testsuite name='s' tests='1'><testcase name='a'>"
        "<system-out/><failure/></testcase></testsuite></testsuites>",
        "<testsuites><testsuite name='s' tests='1'><testcase name='a' colour='red'/>"
        "</testsuite></testsuites>",
    ]
    for text in bad:
        assert not junit_schema.validate(etree.fromstring(text)), text


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMAS / "sarif-2.1.0-subset.json").read_text("utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def test_sarif_file_validates_and_indexes_its_rules(
    run: dict[str, Any], sarif_validator: jsonschema.Draft7Validator
) -> None:
    log = json.loads((run["out"] / "results.sarif").read_text("utf-8"))
    sarif_validator.validate(log)

    (sarif_run,) = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    results = sarif_run["results"]
    findings = _all_findings(run["report"])
    assert len(results) == len(findings)
    level = {"error": "error", "warning": "warning", "info": "note"}
    for result, finding in zip(results, findings, strict=True):
        assert result["ruleId"] == finding["code"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == level[finding["severity"]]
        assert result["message"]["text"].startswith(finding["message"])
        for location in result.get("locations", []):
            uri = location["physicalLocation"]["artifactLocation"]["uri"]
            assert is_uri_reference(uri), uri
            # The province lies outside the working directory: an absolute file: URI.
            assert uri.startswith("file:///")
            assert unquote(urlsplit(uri).path) == Path(finding["file"]).as_posix()


# RFC 3986 URI-reference, which "format": "uri-reference" means (jsonschema checks it only
# with an optional package): a scheme, or a relative path whose first segment has no colon.
_PCHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})"
_SEGMENT_NC = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=@]|%[0-9A-Fa-f]{2})+"
_URI = re.compile(rf"[A-Za-z][A-Za-z0-9+.\-]*:(?://{_PCHAR}*)?(?:/{_PCHAR}*)*")
_RELATIVE = re.compile(rf"(?:/|{_SEGMENT_NC}(?:/|$)){_PCHAR}*(?:/{_PCHAR}*)*")


def is_uri_reference(text: str) -> bool:
    return bool(_URI.fullmatch(text) or _RELATIVE.fullmatch(text))


def test_the_uri_check_itself() -> None:
    assert is_uri_reference("file:///tmp/%E6%A1%88.md")
    assert is_uri_reference("%E6%A1%88/a%3Ab.md")
    assert is_uri_reference("../x/y.md")
    assert not is_uri_reference("案例/a.md")
    assert not is_uri_reference("a b.md")
    assert not is_uri_reference("50%25:x/a.md")  # a relative first segment with a colon


def test_sarif_uris_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sarif_validator: jsonschema.Draft7Validator
) -> None:
    odd = tmp_path / "汇总" / "50%,提速:试点 #1"
    odd.mkdir(parents=True)
    (odd / "案例.docx").write_bytes(b"PK\x03\x04 broken")
    monkeypatch.chdir(tmp_path)

    result = cli("check", "汇总", "--no-cache", "--format", "sarif")

    log = json.loads(result.stdout)
    sarif_validator.validate(log)
    (broken,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "F001"]
    uri = broken["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert is_uri_reference(uri), uri
    assert (
        uri
        == "%E6%B1%87%E6%80%BB/50%25%2C%E6%8F%90%E9%80%9F%3A%E8%AF%95%E7%82%B9%20%231/%E6%A1%88%E4%BE%8B.docx"
    )
    assert unquote(uri) == "汇总/50%,提速:试点 #1/案例.docx"


def test_sarif_on_stdout_validates(
    province: Path, sarif_validator: jsonschema.Draft7Validator
) -> None:
    result = cli("check", province, "--no-cache", "-j", "1", "--format", "sarif")
    assert result.exit_code == 1
    sarif_validator.validate(json.loads(result.stdout))


def test_sarif_of_markdown_findings_carries_lines_and_snippets(
    tmp_path: Path, sarif_validator: jsonschema.Draft7Validator
) -> None:
    case = tmp_path / "案例"
    case.mkdir()
    text = example("02-南屏发布短视频矩阵/南屏发布短视频矩阵.md").replace(
        "## 三、", "## 三、\n\n我台打造了全国领先、业界一流的爆款矩阵，效果非常显著。\n\n## 三、", 1
    )
    (case / "案例.md").write_text(text, encoding="utf-8")
    result = cli("check", case, "--no-cache", "--format", "sarif")
    log = json.loads(result.stdout)
    sarif_validator.validate(log)
    regions = [
        loc["physicalLocation"]["region"]
        for r in log["runs"][0]["results"]
        for loc in r.get("locations", [])
        if "region" in loc["physicalLocation"]
    ]
    assert regions and all(r["startLine"] >= 1 for r in regions)
    assert any("snippet" in r for r in regions)


def test_the_sarif_schema_rejects_what_the_standard_forbids(
    sarif_validator: jsonschema.Draft7Validator,
) -> None:
    def log(result: dict[str, Any], **run: Any) -> dict[str, Any]:
        return {
            "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": "caselint"}}, "results": [result], **run}],
        }

    ok = {"ruleId": "X001", "level": "error", "message": {"text": "m"}}
    assert sarif_validator.is_valid(log(ok))
    for bad in (
        {"ruleId": "X001", "level": "info", "message": {"text": "m"}},
        {"ruleId": "X001", "level": "error"},
        {"ruleId": "X001", "message": {}},
        {**ok, "severity": "error"},
        {**ok, "ruleIndex": -2},
        {**ok, "locations": [{"physicalLocation": {"region": {"startLine": 1}}}]},
        {
            **ok,
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": "a.md"},
                        "region": {"startLine": 0},
                    }
                }
            ],
        },
    ):
        assert not sarif_validator.is_valid(log(bad)), bad
    assert not sarif_validator.is_valid({**log(ok), "version": "2.0.0"})
    assert not sarif_validator.is_valid(log(ok, columnKind="bytes"))


_COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def _unescape_data(value: str) -> str:
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_property(value: str) -> str:
    return _unescape_data(value.replace("%3A", ":").replace("%2C", ","))


def test_github_annotations_are_well_formed_and_escaped(tmp_path: Path) -> None:
    root = tmp_path / "汇总"
    odd = root / "50%,提速:试点"
    odd.mkdir(parents=True)
    (odd / "案例.docx").write_bytes(b"PK\x03\x04 broken")
    good = root / "正常"
    good.mkdir()
    (good / "案例.md").write_text(example("02-南屏发布短视频矩阵/南屏发布短视频矩阵.md"), "utf-8")

    result = cli("check", root, "--no-cache", "-j", "1", "--format", "github")
    report = check_json(root, "--no-cache")
    findings = _all_findings(report)

    lines = result.stdout.rstrip("\n").split("\n")
    assert len(lines) == len(findings)
    command = {"error": "error", "warning": "warning", "info": "notice"}
    for line, finding in zip(lines, findings, strict=True):
        match = _COMMAND.match(line)
        assert match, line
        assert "\r" not in line
        assert match.group(1) == command[finding["severity"]]
        props = dict(p.split("=", 1) for p in match.group(2).split(","))
        assert set(props) <= {"file", "line", "title"}
        for value in props.values():
            assert ":" not in value and "," not in value
        assert _unescape_property(props["title"]) == f"{finding['code']} {finding['rule']}"
        if finding["file"]:
            assert _unescape_property(props["file"]) == finding["file"]
        message = _unescape_data(match.group(3))
        assert message.startswith(finding["message"])
        if finding["suggestion"]:
            assert message.endswith("\n" + finding["suggestion"])
            assert "%0A" in match.group(3)
    broken = next(line for line in lines if "F001" in line)
    assert "50%25%2C提速%3A试点" in broken


def test_json_matches_the_published_schema(run: dict[str, Any]) -> None:
    result = cli("schema", "report")
    schema = json.loads(result.stdout)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator_class(schema).validate(run["report"])
    with pytest.raises(jsonschema.ValidationError):
        validator_class(schema).validate({**run["report"], "schema_version": 2})


# -- writing outputs safely -----------------------------------------------------------------------


def test_an_existing_output_is_not_overwritten_without_overwrite(
    province: Path, tmp_path: Path
) -> None:
    existing = tmp_path / "report.json"
    existing.write_text("上次的结果", encoding="utf-8")
    fresh = tmp_path / "new.sarif"

    result = cli("check", province, "--no-cache", "-j", "1", "-o", fresh, "-o", existing)

    assert result.exit_code == 2
    assert f"输出文件已存在：{existing}（加 --overwrite 覆盖）" in result.stderr
    assert existing.read_text(encoding="utf-8") == "上次的结果"
    assert not fresh.exists()  # nothing is written when one target is refused
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_overwrite_replaces_the_file(province: Path, tmp_path: Path) -> None:
    existing = tmp_path / "summary.xlsx"
    existing.write_bytes(b"old")

    result = cli(
        "check", province, "--no-cache", "-j", "1", "-q", "--report", existing, "--overwrite"
    )

    assert result.exit_code == 1
    assert openpyxl.load_workbook(existing).sheetnames == ["案例汇总", "问题明细", "名额核查"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.xlsx"]


def test_a_failed_write_leaves_neither_a_partial_file_nor_a_temporary_one(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import caselint.core.fsutil

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(caselint.core.fsutil.os, "replace", full_disk)
    monkeypatch.setattr(caselint.core.fsutil.os, "link", full_disk)  # a new file: linked in
    target = tmp_path / "out" / "report.json"

    result = cli("check", province, "--no-cache", "-j", "1", "-q", "-o", target)

    assert result.exit_code == 2
    assert f"无法写入 {target}" in result.stderr
    assert list((tmp_path / "out").iterdir()) == []


def test_unknown_output_suffix_is_a_usage_error(province: Path, tmp_path: Path) -> None:
    result = cli("check", province, "--no-cache", "-o", tmp_path / "report.pdf")
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_control_characters_from_drafts_never_break_the_xml_formats(
    tmp_path: Path,
    junit_schema: etree.XMLSchema,
    sarif_validator: jsonschema.Draft7Validator,
) -> None:
    """A form feed or bell pasted into a draft or its metadata is dropped, not fatal."""
    case = tmp_path / "汇总" / "案例\x07一"
    case.mkdir(parents=True)
    text = example("02-南屏发布短视频矩阵/南屏发布短视频矩阵.md").replace(
        "## 三、",
        "## 三、\n\n我台打造了全国领先\x0c、业界一流\x07的爆款矩阵，效果非常显著。\n\n## 三、",
        1,
    )
    (case / "案例.md").write_text(text, encoding="utf-8")
    (case / "case.toml").write_text(
        '"案例名称" = "名称\\u0007带\\u001b控制符"\n"类别" = "新媒体平台建设"\n', encoding="utf-8"
    )
    out = tmp_path / "out"

    result = cli(
        "check",
        tmp_path / "汇总",
        "--no-cache",
        "-q",
        "-o",
        out / "junit.xml",
        "-o",
        out / "results.sarif",
        "--report",
        out / "summary.xlsx",
    )

    assert result.exit_code in (0, 1), result.stderr
    junit = etree.parse(str(out / "junit.xml"))
    junit_schema.assertValid(junit)
    assert junit.getroot().find("testsuite").get("name") == "案例一"
    sarif_validator.validate(json.loads((out / "results.sarif").read_text("utf-8")))
    row = next(openpyxl.load_workbook(out / "summary.xlsx")["案例汇总"].iter_rows(min_row=4))
    assert row[2].value == "名称带控制符"


def test_quota_sheet_total_row_and_spellings_of_a_province() -> None:
    """东湖 and 东湖省 are one province; its total is checked against the total quota."""
    cases = [_result(f"p{i}", "新媒体平台建设", recommended="是") for i in range(4)]
    cases += [_result(f"s{i}", "综合信息服务", recommended="是") for i in range(4)]
    cases += [_result(f"m{i}", "创新发展机制", recommended="是") for i in range(4)]
    cases += [_result("x", "融合生产传播", recommended="是", province="东湖")]
    report = Report(rulepack="x", cases=cases, summary=Summary(cases=13, errors=0, warnings=0))
    rows = quota_rows(report, Settings(pack=load_pack()))
    assert {row[0] for row in rows} == {"东湖省"}
    assert rows[-1] == ["东湖省", "合计", 13, 13, 12, 1]

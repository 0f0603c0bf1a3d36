"""The workbook an office forwards: one verdict per case (over the quota included), the counts of
the JSON summary, and a print layout that LibreOffice renders on landscape A4 pages with every
column of a case row on the first page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from batch_cli import cli
from province_folder import CASES, PLATFORM, build_province

from support.office import needs_soffice, soffice_convert

CASE_SHEET = "案例汇总"
#: A column header found only in each sheet's header row.
SHEET_MARKS = {CASE_SHEET: "主要问题", "问题明细": "摘录", "名额核查": "每类名额"}
HEADER_ROW = 3  # title, counts, header


@pytest.fixture(scope="module")
def over_quota(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every case of the province recommended: 5 platform cases (quota 4), 15 in all (12)."""
    root = tmp_path_factory.mktemp("recommended")
    folder = build_province(root / "东湖省", recommended=dict.fromkeys(CASES, True))
    out = root / "out"
    result = cli(
        "check",
        folder,
        "--no-cache",
        "-j",
        "1",
        "-q",
        "--format",
        "json",
        "--report",
        out / "推荐汇总.xlsx",
    )
    assert result.exit_code == 1, result.stderr
    workbook = openpyxl.load_workbook(out / "推荐汇总.xlsx")
    return {"report": json.loads(result.stdout), "workbook": workbook, "out": out}


def _rows(workbook: openpyxl.Workbook) -> list[list[Any]]:
    sheet = workbook[CASE_SHEET]
    return [list(r) for r in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]


def test_an_over_quota_case_fails_in_the_workbook_as_in_the_json(
    over_quota: dict[str, Any],
) -> None:
    report = over_quota["report"]
    quota_errors = [
        f for f in report["findings"] if f["rule"] == "quota-exceeded" and f["severity"] == "error"
    ]
    assert len(quota_errors) == 2  # the platform category and the total
    by_id = {row[15]: row for row in _rows(over_quota["workbook"])}
    cases = {case["id"]: case for case in report["cases"]}
    platform = [cid for cid, (category, _, _) in CASES.items() if category == PLATFORM]
    clean = [
        cid for cid in platform if not any(f["severity"] == "error" for f in cases[cid]["findings"])
    ]
    assert clean, "the fixture must hold a platform case whose only errors are the quota's"
    for case_id in clean:
        row = by_id[case_id]
        # One verdict: the JSON says fail, the workbook says why, and both errors are counted.
        assert cases[case_id]["verdict"] == "fail"
        assert row[10] == 2 and row[12] == "不通过（超出名额）", case_id
        assert row[13].startswith("东湖省推荐“新媒体平台建设”类 5 个案例，超过每类 4 个的名额")
        assert "“东湖新闻”客户端" not in row[13]  # the row does not repeat the five names
    for case_id, case in cases.items():
        assert case["verdict"] == "fail", case_id  # the total is over the quota for every case
        assert by_id[case_id][12].startswith("不通过"), case_id


def test_the_counts_line_is_the_json_summary(over_quota: dict[str, Any]) -> None:
    summary = over_quota["report"]["summary"]
    sheet = over_quota["workbook"][CASE_SHEET]
    assert sheet["A1"].value == "东湖省2025年全国广播电视媒体融合典型案例推荐汇总"
    line = sheet["A2"].value
    failed = sum(c["verdict"] == "fail" for c in over_quota["report"]["cases"])
    assert line == (
        f"共 {summary['cases']} 个案例：通过 {summary['cases'] - failed} 个，不通过 {failed} 个；"
        f"错误 {summary['errors']} 个，警告 {summary['warnings']} 个，提示 {summary['infos']} 条"
        f"（规则包 {over_quota['report']['rulepack']}）"
    )


def test_contacts_level_and_quota_categories_in_the_notices_order(
    over_quota: dict[str, Any],
) -> None:
    workbook = over_quota["workbook"]
    header = [c.value for c in workbook[CASE_SHEET][HEADER_ROW]]
    assert header[4:8] == ["单位层级", "省份", "联系人", "联系电话"]
    first = _rows(workbook)[0]
    assert first[4:8] == ["县", "东湖省", "陈思远", "0736-55510021"]
    quota = workbook["名额核查"]
    categories = [r[1] for r in quota.iter_rows(min_row=3, values_only=True)]
    assert categories == ["新媒体平台建设", "融合生产传播", "综合信息服务", "创新发展机制", "合计"]


# -- printed ----------------------------------------------------------------------------------


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@needs_soffice
def test_printed_landscape_one_page_wide_every_column_on_page_one(
    over_quota: dict[str, Any], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    pdf = PdfReader(soffice_convert(over_quota["out"] / "推荐汇总.xlsx", "pdf", tmp_path))
    pages = [_flat(page.extract_text()) for page in pdf.pages]
    # Each sheet's header row is printed on every page of it (print titles), so each page
    # says which sheet it belongs to. 15 cases take two pages (13 portrait pages before).
    sheets = [
        next(name for name, column in SHEET_MARKS.items() if column in page) for page in pages
    ]
    assert sheets == sorted(sheets, key=list(SHEET_MARKS).index), sheets
    assert sheets.count(CASE_SHEET) == 2 and sheets.count("名额核查") == 1, sheets
    assert len(pages) <= 7, sheets
    for page in pdf.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
    first = pages[0]
    assert "东湖省2025年全国广播电视媒体融合典型案例推荐汇总" in first
    workbook = over_quota["workbook"]
    header = [c.value for c in workbook[CASE_SHEET][HEADER_ROW]]
    row = _rows(workbook)[0]
    for name, value in zip(header, row, strict=True):
        assert _flat(name) in first, name
        # A wrapped cell's lines may come out of the PDF apart: its first line is on the page.
        start = _flat(str(value))[:6]
        assert start in first, (name, value)
    # The header row is printed again on the next page of the same sheet.
    assert "主要问题" in pages[1] and "案例编号" in pages[1]
    # Wrapped text is shown whole, not cut at the column's edge: the longest 主要问题 of page 1.
    longest = max((r[13] for r in _rows(workbook)[:3]), key=len)
    assert _flat(longest)[-12:] in first

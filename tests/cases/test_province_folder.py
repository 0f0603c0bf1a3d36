"""A province folder whose case information is only in the drafts' own lines (issue 9).

See :mod:`province_lines` for the folder. ``check`` must find exactly fourteen cases, read the
recommendation table at the root as the shortlist and the published list as the selected list,
report the category over quota and the re-submitted case, and give the case without a province
the folder's.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from province_lines import NO_PROVINCE, RESUBMITTED, build, case_names
from typer.testing import CliRunner

from caselint.cli.app import app

PLATFORM = "新媒体平台建设"


def cli(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("intake"))


@pytest.fixture(scope="module")
def report(folder: Path) -> dict:
    result = cli("check", folder, "--format", "json", "--no-cache", "-j", "1")
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def test_exactly_fourteen_cases_with_categories_and_units_from_their_lines(report) -> None:
    cases = {c["id"]: c for c in report["cases"]}
    assert sorted(cases) == sorted(case_names())
    assert len(cases) == 14
    for case_id, case in cases.items():
        assert case["category"], case_id
        sources = case["metadata"]["sources"]
        assert sources["category"]["kind"] == "text", case_id
        assert sources["unit"]["kind"] == "text", case_id
        assert case["metadata"]["case_name"] == case_names()[case_id], case_id
        assert sources["case_name"]["kind"] == "title", case_id
        summary = [e for e in case["elements"] if e["part"] == "summary"]
        assert all(e["heading"] for e in summary), (case_id, summary)
        rules = {f["rule"] for f in case["findings"]}
        assert not rules & {"part-missing", "case-layout-ambiguous", "category-unknown"}, case_id


def test_the_category_over_quota_is_an_error(report) -> None:
    (over,) = [
        f for f in report["findings"] if f["rule"] == "quota-exceeded" and f["severity"] == "error"
    ]
    assert f"“{PLATFORM}”类 5 个案例" in over["message"]
    assert len(over["cases"]) == 5
    found = [f for f in report["findings"] if f["rule"] == "list-used"]
    assert any("推荐汇总表.md" in f["message"] and "12 项" in f["message"] for f in found)


def test_the_resubmitted_case_from_the_published_list(report) -> None:
    errors = [
        f
        for f in report["findings"]
        if f["rule"] == "previously-selected" and f["severity"] == "error"
    ]
    assert [f["cases"] for f in errors] == [[RESUBMITTED]]
    infos = [f["message"] for f in report["findings"] if f["rule"] == "list-used"]
    assert any("2024年入选名单.txt" in m and "3 项" in m for m in infos), infos
    # the entry without a name is said, never fatal
    assert any("（单位待补）" in m for m in infos), infos


def test_the_case_without_a_province_takes_the_folders(report) -> None:
    (case,) = [c for c in report["cases"] if c["id"] == NO_PROVINCE]
    assert case["metadata"]["province"] == "东湖省"
    # the province folder is named 东湖省: its name says the province (before the other cases)
    assert case["metadata"]["sources"]["province"]["kind"] == "folder_name"
    hints = [f for f in case["findings"] if f["rule"] == "metadata-missing"]
    assert [f["severity"] for f in hints] == ["info"]
    assert "东湖省" in hints[0]["message"]


def test_root_files_are_never_cases_and_verbose_says_why(folder: Path) -> None:
    result = cli("check", folder, "--no-cache", "-j", "1", "-v", "-q")
    assert "报送通知.docx（省级文件夹根目录下的非案例文件）" in result.stderr
    assert "推荐汇总表.md（推荐名单，按 --shortlist 读取）" in result.stderr
    assert "共 14 个案例" in result.stdout


def test_a_named_list_wins_over_the_folders(folder: Path, tmp_path: Path) -> None:
    names = [n for i, n in case_names().items() if i.startswith(("01", "02", "03", "04"))]
    shortlist = tmp_path / "推荐.txt"
    shortlist.write_text("\n".join(f"{i + 1}、{n}" for i, n in enumerate(names)), encoding="utf-8")
    result = cli("check", folder, "--shortlist", shortlist, "--format", "json", "--no-cache")
    report = json.loads(result.stdout)
    quota = [f for f in report["findings"] if f["rule"] == "quota-exceeded"]
    assert not [f for f in quota if f["severity"] == "error"]
    assert not [f for f in quota if "推荐汇总表" in f["message"]]


def test_province_option_for_a_single_case(folder: Path) -> None:
    result = cli(
        "check", folder / NO_PROVINCE, "--province", "东湖省", "--format", "json", "--no-cache"
    )
    (case,) = json.loads(result.stdout)["cases"]
    assert case["metadata"]["province"] == "东湖省"
    assert case["metadata"]["sources"]["province"] == {"kind": "option"}
    assert (
        "--province"
        in next(f for f in case["findings"] if f["rule"] == "metadata-missing")["message"]
    )

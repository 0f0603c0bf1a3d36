"""Behaviours settled after review: where a re-submission shows in JUnit, one quota per province
however its bureau is written, outputs that would clobber or pollute the inputs, CSV prefixes."""

from __future__ import annotations

from pathlib import Path

from batch_cli import cli
from lxml import etree

from caselint.crosscase import BatchOptions
from caselint.crosscase.quota import recommending_body
from caselint.engine import Settings
from caselint.model import CaseResult, Finding, Report, Summary
from caselint.reports import csv_report, junit
from caselint.rulepack import load_pack
from support.cases import compliant

PACK = load_pack()
SETTINGS = Settings(pack=PACK)


def _case(case_id: str, **metadata: object) -> CaseResult:
    return CaseResult(
        id=case_id, files=[f"{case_id}.md"], parts={}, verdict="pass", metadata=metadata
    )


def test_resubmission_fails_its_own_junit_suite() -> None:
    resubmitted = Finding(
        rule="previously-selected", code="X002", severity="error", message="重复申报", cases=["b"]
    )
    quota = Finding(
        rule="quota-exceeded", code="X001", severity="error", message="超额", cases=["a", "b"]
    )
    report = Report(
        rulepack="nrta-2025@2025.1",
        cases=[_case("a"), _case("b")],
        findings=[resubmitted, quota],
        summary=Summary(cases=2, errors=2, warnings=0),
    )
    root = etree.fromstring(junit.render(report).encode())
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert suites["a"].get("failures") == "0"
    assert suites["b"].get("failures") == "1"
    assert [c.get("name") for c in suites["b"].iter("testcase")] == [
        "X002 previously-selected: 重复申报"
    ]
    assert [c.get("name") for c in suites["跨案例检查"].iter("testcase")] == [
        "X001 quota-exceeded: 超额"
    ]


def test_a_provincial_bureau_is_its_province() -> None:
    by_bureau = _case("a", province="东湖省", recommender="东湖省广播电视局")
    by_province = _case("b", province="东湖省")
    central = _case("c", unit="中央广播电视总台新闻中心")
    corps = _case("d", province="新疆生产建设兵团")
    assert recommending_body(by_bureau, SETTINGS) == ("东湖省", False)
    assert recommending_body(by_province, SETTINGS) == ("东湖省", False)
    assert recommending_body(central, SETTINGS) == ("中央广播电视总台", True)
    assert recommending_body(corps, SETTINGS) == ("新疆生产建设兵团", False)
    assert BatchOptions().shortlist is None


def test_output_may_not_overwrite_an_input(tmp_path: Path) -> None:
    draft = tmp_path / "case" / "draft.md"
    draft.parent.mkdir()
    draft.write_text(compliant("platform"), encoding="utf-8")
    before = draft.read_bytes()
    result = cli("check", "--no-cache", "-o", f"text:{draft}", "--overwrite", str(draft))
    assert result.exit_code == 2
    assert "输出文件不能是被检查的文件" in result.stderr
    assert draft.read_bytes() == before


def test_text_output_inside_a_checked_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "收件"
    folder.mkdir()
    (folder / "draft.md").write_text(compliant("platform"), encoding="utf-8")
    refused = cli("check", "--no-cache", "-o", str(folder / "report.txt"), str(folder))
    assert refused.exit_code == 2
    assert "下次检查会被当作草稿读取" in refused.stderr
    assert not (folder / "report.txt").exists()
    allowed = cli("check", "--no-cache", "-o", str(folder / "report.json"), str(folder))
    assert allowed.exit_code == 0
    assert (folder / "report.json").is_file()


def test_csv_neutralises_tab_and_carriage_return_prefixes() -> None:
    report = Report(
        rulepack="nrta-2025@2025.1",
        cases=[_case("x", case_name="\t=1+1"), _case("y", case_name="\r=2+2")],
        summary=Summary(cases=2, errors=0, warnings=0),
    )
    text = csv_report.render_bytes(report, "zh").decode("utf-8-sig")
    assert "'\t=1+1" in text and "'\r=2+2" in text

"""Behaviours settled after review: where a re-submission shows in JUnit, one quota per province
however its bureau is written, outputs that would clobber or pollute the inputs, CSV prefixes."""

from __future__ import annotations

from pathlib import Path

from batch_cli import cli
from lxml import etree

from caselint.core.model import CaseResult, Finding, Report, Summary
from caselint.crosscase import BatchOptions
from caselint.crosscase.quota import recommending_body
from caselint.engine import Settings
from caselint.reports import csv_report, junit
from caselint.rulepack.pack import load_pack
from support.cases import compliant

PACK = load_pack()
SETTINGS = Settings(pack=PACK)


def _case(case_id: str, **metadata: object) -> CaseResult:
    return CaseResult(
        id=case_id, files=[f"{case_id}.md"], parts={}, verdict="pass", metadata=metadata
    )


def test_errors_across_cases_fail_the_junit_case_of_every_case_they_name() -> None:
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
    # Both cases are named by the quota error; b also by its re-submission.
    assert suites["a"].get("failures") == "1" and suites["b"].get("failures") == "1"
    assert "跨案例检查" not in suites  # every finding across cases names its cases
    # Test names stay the same from day to day (the case ids); messages go into the failure.
    assert [c.get("name") for c in suites["b"].iter("testcase")] == ["b"]
    assert [f.get("message") for f in suites["a"].iter("failure")] == ["超额"]
    (failure,) = suites["b"].iter("failure")
    assert (
        failure.get("message") == "2 个错误：重复申报"
        and failure.get("type") == "previously-selected"
    )
    assert "[错误] X002 previously-selected  重复申报" in failure.text
    assert "[错误] X001 quota-exceeded  超额" in failure.text


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
    assert f"输出路径就是输入：{draft}" in result.stderr
    assert draft.read_bytes() == before


def test_text_output_inside_a_checked_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "收件"
    (folder / "A").mkdir(parents=True)
    (folder / "A" / "draft.md").write_text(compliant("platform"), encoding="utf-8")
    refused = cli("check", "--no-cache", "-o", str(folder / "report.txt"), str(folder))
    assert refused.exit_code == 2
    assert "下次检查会被当作草稿读取" in refused.stderr
    assert not (folder / "report.txt").exists()
    allowed = cli("check", "--no-cache", "-o", str(folder / "report.json"), str(folder))
    assert allowed.exit_code == 0
    assert (folder / "report.json").is_file()
    # Inside a case's own folder, no output at all: the next run reads that folder as the case.
    inside = cli("check", "--no-cache", "-o", str(folder / "A" / "report.json"), str(folder))
    assert inside.exit_code == 2
    assert "在案例文件夹" in inside.stderr
    assert not (folder / "A" / "report.json").exists()


def test_csv_neutralises_tab_and_carriage_return_prefixes() -> None:
    report = Report(
        rulepack="nrta-2025@2025.1",
        cases=[_case("x", case_name="\t=1+1"), _case("y", case_name="\r=2+2")],
        summary=Summary(cases=2, errors=0, warnings=0),
    )
    text = csv_report.render_bytes(report, "zh").decode("utf-8-sig")
    assert "'\t=1+1" in text and "'\r=2+2" in text


def test_a_shortlist_entry_matching_no_case_is_said(tmp_path: Path) -> None:
    from caselint.crosscase.quota import check as quota_check

    cases = [_case("01-东湖新闻客户端", case_name="“东湖新闻”客户端", province="东湖省")]
    options = BatchOptions(shortlist=frozenset({"01-东湖新闻客户端", "16-不存在的案例"}))
    findings = list(quota_check(cases, SETTINGS, options))
    assert [(f.severity, "16-不存在的案例" in f.message) for f in findings] == [("warning", True)]
    assert "01-东湖新闻客户端" not in findings[0].message


def test_category_is_not_read_from_body_sentences(tmp_path: Path) -> None:
    from caselint.cases.case import CaseInput
    from caselint.engine import check_case

    folder = tmp_path / "综合信息服务" / "爱江川"
    folder.mkdir(parents=True)
    text = compliant("service")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("类别:"))
    text = text.replace(
        "# 综合材料\n", "# 综合材料\n\n依托前期新媒体平台建设成果，本中心继续拓展服务。\n", 1
    )
    (folder / "draft.md").write_text(text, encoding="utf-8")
    result = check_case(CaseInput(id="x", files=[folder / "draft.md"], folder=folder), SETTINGS)
    assert result.category == "综合信息服务"  # from the folder, not the body sentence


def test_case_id_does_not_depend_on_how_the_path_is_spelt(tmp_path: Path, monkeypatch) -> None:
    from caselint.cases.discover import discover

    folder = tmp_path / "01-青禾视听"
    folder.mkdir()
    (folder / "综合材料.md").write_text("# 综合材料\n\n正文。\n", encoding="utf-8")
    (folder / "详细材料.md").write_text("# 详细材料\n\n正文。\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    assert [c.id for c in discover([Path(".")], PACK)] == ["01-青禾视听"]
    assert [c.id for c in discover([folder], PACK)] == ["01-青禾视听"]


def test_gbk_case_toml_and_config_are_read(tmp_path: Path) -> None:
    from caselint.cases.discover import read_sidecar
    from caselint.rulepack.config import load_config

    sidecar = tmp_path / "case.toml"
    sidecar.write_bytes('"案例名称" = "爱江川"\n"类别" = "综合信息服务"\n'.encode("gbk"))
    assert read_sidecar(sidecar) == ({"案例名称": "爱江川", "类别": "综合信息服务"}, None)
    (tmp_path / "caselint.toml").write_bytes(
        'category = "融合生产传播"\n# 注释：省内配置\n'.encode("gbk")
    )
    assert load_config(tmp_path).category == "融合生产传播"


def test_bare_chinese_toml_keys_get_a_hint(tmp_path: Path) -> None:
    from caselint.cases.discover import read_sidecar

    sidecar = tmp_path / "case.toml"
    sidecar.write_text('案例名称 = "爱江川"\n', encoding="utf-8")
    metadata, error = read_sidecar(sidecar)
    assert metadata == {} and "中文键名要加引号" in error


def test_invalid_config_values_are_usage_errors(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(compliant("platform"), encoding="utf-8")
    (tmp_path / "caselint.toml").write_text('output-format = "JSON"\n', encoding="utf-8")
    result = cli("check", "--no-cache", str(draft))
    assert result.exit_code == 2 and "output-format" in result.stderr
    (tmp_path / "caselint.toml").write_text('category = "不存在的类别"\n', encoding="utf-8")
    result = cli("check", "--no-cache", str(draft))
    assert result.exit_code == 2 and "未知类别" in result.stderr


def test_a_third_file_in_a_case_is_reported(tmp_path: Path) -> None:
    from caselint.cases.case import CaseInput
    from caselint.engine import check_case

    (tmp_path / "案例.md").write_text(compliant("platform"), encoding="utf-8")
    (tmp_path / "附件-数据补充.md").write_text("补充数据表：日活4.2万。\n", encoding="utf-8")
    files = sorted(tmp_path.glob("*.md"))
    result = check_case(CaseInput(id="x", files=files, folder=tmp_path), SETTINGS)
    layout = [f for f in result.findings if f.rule == "case-layout-ambiguous"]
    assert [(f.severity, "附件-数据补充.md" in f.message) for f in layout] == [("warning", True)]
    assert result.verdict == "pass"


def test_a_folder_without_drafts_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = cli("check", "--no-cache", str(tmp_path / "empty"))
    assert result.exit_code == 2 and "没有找到任何草稿" in result.stderr


def test_the_form_names_the_province_when_no_recommender_is_given() -> None:
    from caselint.crosscase.quota import body_of

    assert body_of({"province": "东湖省", "unit": "江川县融媒体中心"}, PACK) == "东湖省"
    assert body_of({"unit": "中央广播电视总台新闻中心"}, PACK) == "中央广播电视总台"


def test_pack_refuses_a_case_selected_before_in_its_category(tmp_path: Path) -> None:
    draft = tmp_path / "案例" / "爱江川.md"
    draft.parent.mkdir()
    draft.write_text(compliant("service"), encoding="utf-8")
    selected = tmp_path / "2024入选.csv"
    selected.write_text(
        "year,category,case_name,unit,status\n"
        "2024,综合信息服务,江川县融媒体中心“爱江川”政务民生一体化服务平台,江川县融媒体中心,入选\n",
        encoding="utf-8",
    )
    refused = cli("pack", str(draft), "-o", str(tmp_path / "out"), "--selected", str(selected))
    assert refused.exit_code == 1
    assert "X002" in refused.stderr and "同类别重复申报" in refused.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    packed = cli("pack", str(draft), "-o", str(tmp_path / "out2"))
    assert packed.exit_code == 0, packed.stderr

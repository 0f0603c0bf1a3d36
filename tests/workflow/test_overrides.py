"""Per-path config: ``[[overrides]]`` with globs, and ``accept`` entries with reasons.

Each test lays out an intake folder of real drafts (Markdown, or .docx through python-docx)
with a caselint.toml at its root, runs ``caselint`` on it and reads the exit code, the JSON,
SARIF and text outputs.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import jsonschema
import pytest
from workflow_drafts import LEADING, PRAISED, check_json, draft_with, excerpt_has, findings, run

from support.cases import build_docx_case, compliant

SCHEMAS = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
REASON = "引用2024年度省级客户端排行榜（第三方）"


def intake(root: Path, drafts: dict[str, str], suffix: str = "md") -> Path:
    """``root/<folder>/案例.<suffix>`` for each folder and draft text; returns ``root``."""
    for folder, text in drafts.items():
        where = root / folder
        where.mkdir(parents=True)
        if suffix == "docx":
            build_docx_case(text, where / "案例.docx")
        else:
            (where / "案例.md").write_text(text, encoding="utf-8")
    return root


def configure(root: Path, text: str) -> Path:
    path = root / "caselint.toml"
    path.write_text(text, encoding="utf-8")
    return path


def rules_of(report: dict, case_id: str) -> list[str]:
    (case,) = [c for c in report["cases"] if c["id"] == case_id]
    return [f["rule"] for f in case["findings"]]


def w001(report: dict, case_id: str) -> list[dict]:
    (case,) = [c for c in report["cases"] if c["id"] == case_id]
    return [f for f in case["findings"] if f["rule"] == "emotive-wording"]


TWO_STATIONS = {"东湖台/案例一": draft_with(LEADING), "西山台/案例二": draft_with(LEADING)}


# -- rules per path -----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["md", "docx"])
def test_override_ignores_w001_for_one_folder_only(tmp_path: Path, suffix: str) -> None:
    root = intake(tmp_path / "收件", TWO_STATIONS, suffix)
    before = check_json(root, "--ignore", "X")
    assert len(w001(before, "东湖台/案例一")) == len(w001(before, "西山台/案例二")) == 1
    configure(root, '[[overrides]]\nfiles = ["东湖台/**"]\nextend-ignore = ["W001"]\n')
    report = check_json(root, "--ignore", "X")
    assert w001(report, "东湖台/案例一") == []
    (kept,) = w001(report, "西山台/案例二")
    assert excerpt_has(kept, "全国领先") and kept["suppression"] is None
    # Deselected, not accepted: nothing suppressed, nothing about a suppression.
    assert report["summary"]["suppressed"] == 0
    assert findings(report, "unused-suppression") == []
    assert report["summary"]["warnings"] == before["summary"]["warnings"] - 1


def test_top_level_ignore_keeps_its_meaning(tmp_path: Path) -> None:
    """``ignore = ["W001"]`` deselects the rule, as before overrides and acceptances."""
    root = intake(tmp_path / "收件", TWO_STATIONS)
    configure(root, 'ignore = ["W001"]\n')
    report = check_json(root, "--ignore", "X")
    assert findings(report, "emotive-wording") == []
    assert report["summary"]["suppressed"] == 0
    assert findings(report, "unused-suppression") == []


@pytest.mark.parametrize("suffix", ["md", "docx"])
def test_override_fails_on_warnings_for_one_path(tmp_path: Path, suffix: str) -> None:
    root = intake(tmp_path / "收件", TWO_STATIONS, suffix)
    configure(root, '[[overrides]]\nfiles = ["西山台/**"]\nfail-on = "warning"\n')

    def code(*args: str | Path) -> int:
        return run("check", *args, "--ignore", "X", "--no-cache", "--jobs", "1")[0]

    assert code(root / "东湖台") == 0  # the same warning, the default level
    assert code(root / "西山台") == 1
    assert code(root) == 1  # one case of the run fails on its warning
    assert code(root, "--fail-on", "error") == 0  # the command line over the override
    assert code(root, "--exit-zero") == 0
    draft = root / "西山台" / "案例二" / f"案例.{suffix}"
    if suffix == "docx":
        out = tmp_path / "审阅稿.docx"
        assert run("annotate", draft, "-o", out, "--ignore", "X")[0] == 1
        other = root / "东湖台" / "案例一" / "案例.docx"
        assert run("annotate", other, "-o", tmp_path / "审阅稿2.docx", "--ignore", "X")[0] == 0
    else:
        assert run("pack", draft.parent, "-o", tmp_path / "包1")[0] == 1
        assert list((tmp_path / "包1").glob("*.zip")), "packed whatever the level"
        assert run("pack", root / "东湖台" / "案例一", "-o", tmp_path / "包2")[0] == 0


def test_precedence_command_line_then_override_then_top_level(tmp_path: Path) -> None:
    root = intake(tmp_path / "收件", TWO_STATIONS)
    configure(
        root,
        'ignore = ["X", "W001"]\nfail-on = "warning"\n'
        '[[overrides]]\nfiles = ["西山台/**"]\nignore = ["X"]\n'  # replaces the top-level one
        '[[overrides]]\nfiles = ["东湖台/**"]\nfail-on = "error"\nselect = ["W", "D"]\n',
    )
    report = check_json(root)
    assert "emotive-wording" not in rules_of(report, "东湖台/案例一")  # top-level ignore
    assert rules_of(report, "西山台/案例二") == ["emotive-wording"]  # the override's ignore
    assert findings(report, "previously-selected") == findings(report, "deadline") == []
    # --ignore adds to every ignore list.
    assert findings(check_json(root, "--ignore", "W001"), "emotive-wording") == []

    def code(*args: str | Path) -> int:
        return run("check", *args, "--no-cache", "--jobs", "1")[0]

    assert code(root / "西山台") == 1  # top-level fail-on = "warning"
    assert code(root / "东湖台", "--ignore", "W") == 0  # no warning left there
    # 东湖台 fails on errors only (the override over the top level) …
    (tmp_path / "收件" / "东湖台" / "案例一" / "案例.md").write_text(
        draft_with(LEADING), encoding="utf-8"
    )
    configure(
        root,
        'fail-on = "warning"\nignore = ["X"]\n'
        '[[overrides]]\nfiles = ["东湖台/**"]\nfail-on = "error"\n',
    )
    assert code(root / "东湖台") == 0
    assert code(root / "西山台") == 1
    # … unless the command line says otherwise.
    assert code(root / "东湖台", "--fail-on", "warning") == 1
    assert code(root / "西山台", "--fail-on", "error") == 0


def test_select_of_the_command_line_over_the_overrides(tmp_path: Path) -> None:
    root = intake(tmp_path / "收件", TWO_STATIONS)
    configure(root, '[[overrides]]\nfiles = ["西山台/**"]\nselect = ["W002"]\n')
    report = check_json(root, "--ignore", "X")
    assert rules_of(report, "西山台/案例二") == []  # only W002 there, and it finds nothing
    assert rules_of(report, "东湖台/案例一") == ["emotive-wording"]
    report = check_json(root, "--ignore", "X", "--select", "W001")
    assert rules_of(report, "西山台/案例二") == ["emotive-wording"]


# -- acceptances with reasons -------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["md", "docx"])
def test_config_acceptances_with_and_without_reason(tmp_path: Path, suffix: str) -> None:
    root = intake(tmp_path / "收件", TWO_STATIONS, suffix)
    config = configure(
        root,
        f'accept = [{{ rule = "W001", text = "全国领先", reason = "{REASON}" }}]\n'
        '[[overrides]]\nfiles = ["西山台/**"]\naccept = ["emotive-wording"]\n',
    )
    report = check_json(root, "--ignore", "X")
    (east,) = w001(report, "东湖台/案例一")
    (west,) = w001(report, "西山台/案例二")
    # The override's entry is tried before the top-level one.
    assert west["suppression"] == {
        "kind": "config",
        "reason": None,
        "file": str(config),
        "location": None,
        "key": "overrides[1].accept[1]",
    }
    assert east["suppression"] == {
        "kind": "config",
        "reason": REASON,
        "file": str(config),
        "location": None,
        "key": "accept[1]",
    }
    assert report["summary"]["suppressed"] == 2
    assert report["summary"]["warnings"] == 1  # the reasonless acceptance, said once
    (reasonless,) = findings(report, "suppression-without-reason")
    assert reasonless in report["findings"]  # about the config, not about a case
    assert reasonless["file"] == str(config) and reasonless["cases"] == []
    assert reasonless["excerpt"] == 'overrides[1].accept[1] = "emotive-wording"'
    assert 'reason = "……"' in reasonless["suggestion"]
    assert findings(report, "unused-suppression") == []
    assert run("check", root, "--ignore", "X", "--no-cache", "--fail-on", "warning")[0] == 1
    configure(
        root,
        f'accept = ["W001 原因：{REASON}"]\n',
    )
    assert run("check", root, "--ignore", "X", "--no-cache", "--fail-on", "warning")[0] == 0


def test_config_acceptances_in_sarif_and_text(tmp_path: Path) -> None:
    root = intake(tmp_path / "收件", TWO_STATIONS)
    configure(
        root,
        f'accept = ["W001 原因：{REASON}"]\n'
        '[[overrides]]\nfiles = ["西山台/**"]\naccept = [{ rule = "W001" }]\n',
    )
    code, out, err = run("check", root, "-f", "sarif", "--ignore", "X", "--no-cache")
    assert code == 0, err
    log = json.loads(out)
    schema = json.loads((SCHEMAS / "sarif-2.1.0-subset.json").read_text("utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    suppressions = [r["suppressions"][0] for r in log["runs"][0]["results"] if "suppressions" in r]
    assert len(suppressions) == 2
    by_key = {s["properties"]["key"]: s for s in suppressions}
    assert by_key["accept[1]"]["justification"] == REASON
    assert "justification" not in by_key["overrides[1].accept[1]"]
    for suppression in suppressions:
        assert suppression["kind"] == "external" and suppression["status"] == "accepted"
        uri = suppression["location"]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.endswith("caselint.toml")
    code, out, _ = run("check", root, "--ignore", "X", "--no-cache", "--show-suppressed")
    assert f"已接受：{REASON}（caselint.toml accept[1]）" in out
    assert "已接受：未写原因（caselint.toml overrides[1].accept[1]）" in out
    assert "忽略 W001 时没有写原因" in out and str(root / "caselint.toml") in out


def test_unmatched_config_acceptances_are_reported_once(tmp_path: Path) -> None:
    root = intake(tmp_path / "收件", TWO_STATIONS)
    configure(
        root,
        'accept = ["W002 原因：数据已补", "W999 原因：笔误", "D003 原因：未运行的规则"]\n'
        '[[overrides]]\nfiles = ["南湖台/**"]\naccept = ["W001 原因：另一个台"]\n'
        '[[overrides]]\nfiles = ["东湖台/**"]\naccept = [{ rule = "W001", text = "不存在的话", '
        'reason = "已删去" }]\n',
    )
    report = check_json(root, "--ignore", "X", "--ignore", "D003")
    unused = findings(report, "unused-suppression")
    assert all(f in report["findings"] and f["code"] == "A001" for f in unused)
    assert sorted(f["excerpt"] for f in unused) == [
        'accept[1] = "W002 原因：数据已补"',  # used in no case (not once per case)
        'accept[2] = "W999 原因：笔误"',  # no such rule
        'overrides[2].accept[1] = { rule = "W001", reason = "已删去", text = "不存在的话" }',
    ]
    assert any("W999" in f["message"] and "不存在" in f["message"] for f in unused)
    # 南湖台 matches no case of this run; D003 is not checked: neither is reported.
    assert not any("南湖台" in f["excerpt"] or "D003" in f["excerpt"] for f in unused)
    assert len(w001(report, "东湖台/案例一")) == 1  # its text does not match: not accepted
    # --verbose says how many cases each override applies to: a mistyped glob shows.
    _, _, err = run("check", root, "--ignore", "X", "--no-cache", "--verbose")
    assert "caselint.toml overrides[1]：适用于 0 个案例（没有匹配到任何案例）" in err
    assert "caselint.toml overrides[2]：适用于 1 个案例" in err


def wenling(root: Path) -> Path:
    """An intake folder with the 2024 winner shipped in the pack, again: previously-selected
    (X002, an error across cases about this case), and a compliant case beside it."""
    folder = root / "温岭"
    folder.mkdir(parents=True)
    (folder / "案例.md").write_text(compliant("mechanism"), encoding="utf-8")
    (folder / "case.toml").write_text(
        '"案例名称" = "温岭融媒打造全国一流的县域治理现代化服务平台"\n'
        '"申报单位" = "温岭市融媒体中心"\n"省份" = "浙江省"\n',
        encoding="utf-8",
    )
    return intake(root, {"东湖台/案例一": compliant("platform")})


def x002(report: dict) -> list[dict]:
    return [f for f in findings(report, "previously-selected") if f["cases"]]


def test_checks_across_cases_follow_the_rules_of_the_cases_they_name(tmp_path: Path) -> None:
    root = wenling(tmp_path / "收件")
    assert len(x002(check_json(root, "--ignore", "X003"))) == 1
    configure(root, '[[overrides]]\nfiles = ["温岭/**"]\nextend-ignore = ["X002"]\n')
    assert x002(check_json(root, "--ignore", "X003")) == []
    configure(
        root,
        'ignore = ["X002"]\n[[overrides]]\nfiles = ["温岭/**"]\nignore = []\n',
    )
    assert len(x002(check_json(root, "--ignore", "X003"))) == 1  # checked for that case only
    configure(root, 'ignore = ["X002"]\n[[overrides]]\nfiles = ["东湖台/**"]\nignore = []\n')
    assert x002(check_json(root, "--ignore", "X003")) == []


def test_case_toml_entry_for_a_rule_an_override_turns_off_is_not_unused(tmp_path: Path) -> None:
    root = wenling(tmp_path / "收件")
    with (root / "温岭" / "case.toml").open("a", encoding="utf-8") as sidecar:
        sidecar.write('ignore = ["X002 原因：二期工程"]\n')
    report = check_json(root, "--ignore", "X003")
    assert x002(report)[0]["suppression"]["kind"] == "case"
    configure(root, '[[overrides]]\nfiles = ["温岭/**"]\nextend-ignore = ["X002"]\n')
    report = check_json(root, "--ignore", "X003")
    assert x002(report) == []
    assert findings(report, "unused-suppression") == []  # X002 is not checked for that case
    configure(root, '[[overrides]]\nfiles = ["东湖台/**"]\nextend-ignore = ["X002"]\n')
    report = check_json(root, "--ignore", "X003")
    assert x002(report)[0]["suppression"]["kind"] == "case"


def test_config_acceptance_of_a_finding_across_cases(tmp_path: Path) -> None:
    """A re-submission finding about one case, accepted by an override for its folder."""
    root = wenling(tmp_path / "收件")
    configure(
        root,
        '[[overrides]]\nfiles = ["其他/**"]\naccept = ["X002 原因：别的台"]\n'
        '[[overrides]]\nfiles = ["温岭/**"]\n'
        'accept = ["X002 原因：不同案例：2025年申报的是二期工程"]\n',
    )
    report = check_json(root, "--ignore", "X003")
    (resubmitted,) = x002(report)
    assert resubmitted["suppression"]["kind"] == "config"
    assert resubmitted["suppression"]["key"] == "overrides[2].accept[1]"
    assert resubmitted["suppression"]["reason"] == "不同案例：2025年申报的是二期工程"
    assert findings(report, "unused-suppression") == []
    assert report["summary"]["errors"] == 0


# -- globs --------------------------------------------------------------------------------------

NESTED = {
    "东湖台/县台/案例一": draft_with(LEADING),
    "东湖台/试点/案例二": draft_with(LEADING),
    "西山 台/案例（三）": draft_with(LEADING),
    "案例[1]": draft_with(LEADING),
    "Café/案例五": draft_with(LEADING),
    "Rene\u0301/案例六": draft_with(LEADING),  # a name stored decomposed (as macOS does)
}


@pytest.mark.parametrize(
    ("files", "ignored"),
    [
        (['"东湖台/**"'], ["东湖台/县台/案例一", "东湖台/试点/案例二"]),
        (['"东湖台/**"', '"!东湖台/试点/**"'], ["东湖台/县台/案例一"]),
        (['"**/案例二"'], ["东湖台/试点/案例二"]),
        (['"县台"'], ["东湖台/县台/案例一"]),  # a name without a slash, at any depth
        (['"/县台"'], []),  # anchored at the config's folder
        (['"东湖台/*/案例一/*.md"'], ["东湖台/县台/案例一"]),
        (['"西山 台/案例（三）/"'], ["西山 台/案例（三）"]),
        (["'案例\\[1\\]'"], ["案例[1]"]),  # brackets escaped: not a character class
        (['"东湖台\\\\试点\\\\**"'], ["东湖台/试点/案例二"]),  # Windows separators
        (['"Cafe\\u0301/**"'], ["Café/案例五"]),  # decomposed é matches the composed name
        (['"René/**"'], ["Rene\u0301/案例六"]),  # and the other way round
        (['"*.md"'], list(NESTED)),
        (['"*.docx"'], []),
    ],
)
def test_glob_patterns_on_nested_and_non_ascii_folders(
    tmp_path: Path, files: list[str], ignored: list[str]
) -> None:
    root = intake(tmp_path / "收件", NESTED)
    configure(root, f'[[overrides]]\nfiles = [{", ".join(files)}]\nextend-ignore = ["W001"]\n')
    report = check_json(root, "--ignore", "X")
    without = sorted(c["id"] for c in report["cases"] if not w001(report, c["id"]))
    assert without == sorted(ignored)
    assert len(report["cases"]) == len(NESTED)


def test_globs_are_relative_to_the_config_file_and_match_nothing_outside(tmp_path: Path) -> None:
    root = intake(tmp_path / "收件", TWO_STATIONS)
    elsewhere = tmp_path / "配置"
    elsewhere.mkdir()
    config = elsewhere / "caselint.toml"
    config.write_text('[[overrides]]\nfiles = ["**"]\nextend-ignore = ["W001"]\n', "utf-8")
    report = check_json(root, "--ignore", "X", "--config", config)
    assert len(findings(report, "emotive-wording")) == 2  # the drafts are not under 配置/
    # Run from another working directory, with a relative path: the same cases match.
    configure(root, '[[overrides]]\nfiles = ["东湖台/案例一/**"]\nextend-ignore = ["W001"]\n')
    import os

    cwd = os.getcwd()
    os.chdir(root / "西山台")
    try:
        report = check_json(Path("..") / "东湖台", "--ignore", "X")
    finally:
        os.chdir(cwd)
    assert findings(report, "emotive-wording") == []


def test_cases_reached_through_a_link_still_match(tmp_path: Path) -> None:
    root = intake(tmp_path / "收件", TWO_STATIONS)
    configure(root, '[[overrides]]\nfiles = ["东湖台/**"]\nextend-ignore = ["W001"]\n')
    link = tmp_path / "捷径"
    try:
        link.symlink_to(root / "东湖台", target_is_directory=True)
    except OSError:
        pytest.skip("no symbolic links on this file system")
    report = check_json(link, "--config", root / "caselint.toml", "--ignore", "X")
    assert findings(report, "emotive-wording") == []


def test_patterns_ignore_case_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    from caselint.rulepack import overrides

    patterns = overrides.Patterns("/收件", ("Dong/**",))
    assert not patterns.matches(["/收件/dong/案例.md"])
    monkeypatch.setattr(overrides, "_fold_case", lambda: True)
    assert patterns.matches(["/收件/dong/案例.md"])
    assert patterns.matches(["/收件/DONG/案例.md"])


def test_pyproject_table_and_its_folder(tmp_path: Path) -> None:
    root = intake(tmp_path / "收件", TWO_STATIONS)
    (root / "pyproject.toml").write_text(
        '[project]\nname = "intake"\n[tool.caselint]\nignore = ["X"]\n'
        '[[tool.caselint.overrides]]\nfiles = ["西山台/**"]\n'
        'accept = ["W001 原因：已核实"]\n',
        encoding="utf-8",
    )
    report = check_json(root)
    assert w001(report, "东湖台/案例一")[0]["suppression"] is None
    assert w001(report, "西山台/案例二")[0]["suppression"]["file"] == str(root / "pyproject.toml")


# -- runs: cache, workers, errors ---------------------------------------------------------------


def test_an_edited_override_is_not_served_from_the_cache(tmp_path: Path) -> None:
    root = intake(tmp_path / "收件", TWO_STATIONS)
    cache = tmp_path / "缓存"
    args = ("check", root, "-f", "json", "--ignore", "X", "--cache-dir", cache, "--jobs", "1")
    first = json.loads(run(*args)[1])
    assert len(findings(first, "emotive-wording")) == 2
    configure(root, '[[overrides]]\nfiles = ["东湖台/**"]\naccept = ["W001 原因：已核实"]\n')
    second = json.loads(run(*args)[1])
    assert w001(second, "东湖台/案例一")[0]["suppression"]["key"] == "overrides[1].accept[1]"
    configure(root, '[[overrides]]\nfiles = ["西山台/**"]\naccept = ["W001 原因：已核实"]\n')
    third = json.loads(run(*args)[1])
    assert w001(third, "东湖台/案例一")[0]["suppression"] is None
    assert w001(third, "西山台/案例二")[0]["suppression"] is not None


def test_overrides_reach_worker_processes(tmp_path: Path) -> None:
    drafts = {f"东湖台/案例{n}": draft_with(LEADING) for n in range(3)}
    drafts |= {f"西山台/案例{n}": draft_with(PRAISED) for n in range(3)}
    root = intake(tmp_path / "收件", drafts)
    configure(root, '[[overrides]]\nfiles = ["东湖台/**"]\naccept = ["W001 原因：已核实"]\n')
    code, out, err = run("check", root, "-f", "json", "--ignore", "X", "--no-cache", "--jobs", "2")
    assert code == 0, err
    report = json.loads(out)
    for case in report["cases"]:
        accepted = all(f["suppression"] for f in case["findings"])
        assert accepted == case["id"].startswith("东湖台"), case["id"]
    assert report["summary"]["suppressed"] == 3


def test_later_overrides_win_and_lists_add_up(tmp_path: Path) -> None:
    from caselint.rulepack.config import load_config

    configure(
        tmp_path,
        'fail-on = "info"\nignore = ["D"]\nextend-ignore = ["X"]\naccept = ["W002 原因：顶层"]\n'
        '[[overrides]]\nfiles = ["东湖台/**"]\nfail-on = "warning"\nselect = ["W"]\n'
        'ignore = ["W002"]\nextend-ignore = ["A"]\naccept = ["W001 原因：一"]\n'
        '[[overrides]]\nfiles = ["东湖台/试点/**"]\nfail-on = "error"\nselect = ["W", "L"]\n'
        'extend-ignore = ["L002"]\naccept = ["W001 原因：二"]\n',
    )
    paths = load_config(tmp_path).path_config(None, ["F"])
    inner = paths.for_files([tmp_path / "东湖台" / "试点" / "案例" / "案例.md"])
    assert inner.overrides == ("overrides[1]", "overrides[2]")
    assert inner.fail_on == "error"  # the last override that sets it
    assert inner.enabled == {"emotive-wording", "length-over-limit"}
    assert [a.key for a in inner.accepts] == [
        "overrides[1].accept[1]",
        "overrides[2].accept[1]",
        "accept[1]",
    ]
    outer = paths.for_files([tmp_path / "东湖台" / "县台" / "案例.md"])
    assert outer.fail_on == "warning" and outer.enabled == {"emotive-wording"}
    elsewhere = paths.for_files([tmp_path / "西山台" / "案例.md"])
    assert elsewhere.fail_on is None and elsewhere.overrides == ()
    assert "unquantified-claim" in elsewhere.enabled and "category-focus" not in elsewhere.enabled
    assert not any(rule.startswith("quota") for rule in elsewhere.enabled)  # --ignore F, X
    assert "unreadable-file" not in elsewhere.enabled
    cli = load_config(tmp_path).path_config(["D001"], [])
    assert cli.for_files([tmp_path / "东湖台" / "试点" / "a.md"]).enabled == {
        "data-dimension-missing"
    }


def test_settings_with_overrides_pickle_for_spawned_workers(tmp_path: Path) -> None:
    """Windows and macOS start workers by pickling the settings."""
    from caselint.engine import Settings
    from caselint.rulepack.config import load_config
    from caselint.rulepack.pack import load_pack

    configure(tmp_path, '[[overrides]]\nfiles = ["东湖台/**"]\naccept = ["W001 原因：x"]\n')
    config = load_config(tmp_path)
    settings = Settings(pack=load_pack(None), paths=config.path_config(None, []))
    again = pickle.loads(pickle.dumps(settings))
    assert again.paths == settings.paths
    chosen = again.paths.for_files([tmp_path / "东湖台" / "a" / "案例.md"])
    assert [a.key for a in chosen.accepts] == ["overrides[1].accept[1]"]


#: What a wrong config says, by case: its text, the key named, words of the message in Chinese
#: and in English.
CONFIG_ERRORS = {
    "empty files": ("[[overrides]]\nfiles = []\n", "overrides[1].files", "不能为空", "is empty"),
    "no files": (
        '[[overrides]]\nignore = ["W001"]\n',
        "overrides[1].files",
        "缺少此项",
        "required",
    ),
    "bad level": (
        '[[overrides]]\nfiles = ["a/**"]\nfail-on = "warnings"\n',
        "overrides[1].fail-on",
        "应为 'error'、'warning'、'info' 之一",
        "'error', 'warning' or 'info'",
    ),
    "outside": (
        '[[overrides]]\nfiles = ["a/**"]\n[[overrides]]\nfiles = ["../b/**"]\n',
        "overrides[2].files",
        "不能用 ..",
        "cannot leave",
    ),
    "absolute": (
        '[[overrides]]\nfiles = ["D:/收件/**"]\n',
        "overrides[1].files",
        "相对于",
        "relative",
    ),
    "unknown rule": (
        '[[overrides]]\nfiles = ["a/**"]\nselect = ["W999"]\n',
        "overrides[1].select",
        "未知规则：W999",
        "unknown rule",
    ),
    "unknown key": (
        '[[overrides]]\nfiles = ["a/**"]\nignor = ["W001"]\n',
        "overrides[1].ignor",
        "未知的配置项",
        "Extra",
    ),
    "entry key": (
        'accept = [{ rule = "W001", reson = "x" }]\n',
        "accept[1]",
        "未知的键 reson",
        "reson",
    ),
    "entry rule": ('accept = ["W001", { reason = "x" }]\n', "accept[2]", "缺少 rule", "no rule"),
    "entry part": (
        'accept = [{ rule = "W001", part = "正文" }]\n',
        "accept[1]",
        "part 应为",
        "part must",
    ),
    "reason in ignore": (
        'ignore = ["W001 原因：引用榜单"]\n',
        "ignore",
        "请写在 accept 中",
        "write it in accept",
    ),
    "not tables": ("overrides = 3\n", "overrides", "[[overrides]]", "[[overrides]]"),
}


@pytest.mark.parametrize(("text", "key", "zh", "en"), CONFIG_ERRORS.values(), ids=CONFIG_ERRORS)
def test_config_errors_name_the_file_and_key(
    tmp_path: Path, text: str, key: str, zh: str, en: str
) -> None:
    root = intake(tmp_path / "收件", {"东湖台/案例一": draft_with(LEADING)})
    configure(root, text)
    code, _, err = run("check", root)
    assert code == 2
    assert f"{root / 'caselint.toml'}: 配置无效" in err
    assert f"  {key}：" in err and zh in err, err
    assert "Traceback" not in err
    code, _, err = run("check", root, "--lang", "en")
    assert code == 2
    assert "invalid config" in err and f"  {key}: " in err and en in err, err

"""``--write-baseline`` and ``--baseline``: a nightly job sees only what is new, and what got fixed.

The drafts are edited between runs as people do on a shared drive: a paragraph inserted above
a finding (every later paragraph and line number moves), a new problem added, an old one fixed.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from workflow_drafts import LEADING, PRAISED, draft_with, findings, run

from support.cases import build_docx_case

SCHEMAS = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
INSERTED = "客户端设置新闻、问政、服务三个频道，接入本地服务23项。"
NEW_PROBLEM = "我们的做法震撼人心，2024年推广到12个县。"


def _write(folder: Path, suffix: str, lead: str) -> Path:
    """The case's draft as Markdown or .docx (replacing the previous version)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = draft_with(lead)
    if suffix == "md":
        path = folder / "案例.md"
        path.write_text(text, encoding="utf-8")
        return path
    return build_docx_case(text, folder / "案例.docx")


def _json(*args: str | Path) -> tuple[int, dict]:
    code, out, err = run("check", *args, "--format", "json", "--no-cache", "--jobs", "1")
    assert code in (0, 1), err
    return code, json.loads(out)


@pytest.mark.parametrize("suffix", ["md", "docx"])
def test_baseline_survives_a_paragraph_inserted_above_and_shows_only_new(
    tmp_path: Path, suffix: str
) -> None:
    root = tmp_path / "收件"
    case = root / "甲"
    _write(case, suffix, f"{LEADING}\n\n{PRAISED}")
    baseline = tmp_path / "caselint-baseline.json"
    code, out, err = run("check", root, "--ignore", "X", "--no-cache", "--write-baseline", baseline)
    assert code == 0, err
    recorded = json.loads(baseline.read_text("utf-8"))
    assert recorded["caselint_baseline"] == 1
    assert {f["rule"] for f in recorded["findings"]} == {"emotive-wording"}
    assert len(recorded["findings"]) == 2

    # Someone inserts a paragraph above both findings: every location moves.
    _write(case, suffix, f"{INSERTED}\n\n{LEADING}\n\n{PRAISED}")
    code, report = _json(root, "--ignore", "X", "--baseline", baseline, "--fail-on", "warning")
    assert code == 0
    states = {f["baseline"] for f in findings(report)}
    assert states == {"unchanged"}
    assert report["summary"]["warnings"] == 0
    assert report["summary"]["unchanged"] == 2
    assert report["fixed"] == []

    # A new problem appears, and 全国领先 is fixed.
    _write(case, suffix, f"{INSERTED}\n\n{NEW_PROBLEM}\n\n{PRAISED}")
    code, report = _json(root, "--ignore", "X", "--baseline", baseline, "--fail-on", "warning")
    assert code == 1
    new = [f for f in findings(report) if f["baseline"] == "new"]
    assert [f["rule"] for f in new] == ["emotive-wording"] and "震撼" in new[0]["message"]
    assert report["summary"]["warnings"] == 1 and report["summary"]["fixed"] == 1
    (fixed,) = report["fixed"]
    assert "全国领先" in fixed["message"] and fixed["baseline"] == "fixed"

    code, out, _ = run("check", root, "--ignore", "X", "--no-cache", "--baseline", baseline)
    assert code == 0  # a new warning does not fail the default threshold
    assert "震撼" in out and "广受好评" not in out  # only what is new is printed
    assert "已修复" in out and "全国领先" in out


def test_baseline_on_a_single_file_and_its_sarif_states(tmp_path: Path) -> None:
    draft = _write(tmp_path / "稿", "md", LEADING)
    baseline = tmp_path / "base.json"
    assert run("check", draft, "--no-cache", "--write-baseline", baseline)[0] == 0
    _write(tmp_path / "稿", "md", f"{INSERTED}\n\n{LEADING}\n\n{NEW_PROBLEM}")
    code, out, err = run("check", draft, "--no-cache", "--baseline", baseline, "--format", "sarif")
    assert code == 0, err
    log = json.loads(out)
    schema = json.loads((SCHEMAS / "sarif-2.1.0-subset.json").read_text("utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    states = [r.get("baselineState") for r in log["runs"][0]["results"]]
    assert states.count("new") == 1
    assert "unchanged" in states and None not in states


def test_a_second_identical_sentence_is_new(tmp_path: Path) -> None:
    """Two findings alike are told apart by their order: a copy of a flagged sentence is new."""
    draft = _write(tmp_path / "稿", "md", LEADING)
    baseline = tmp_path / "base.json"
    run("check", draft, "--no-cache", "--ignore", "X", "--write-baseline", baseline)
    _write(tmp_path / "稿", "md", f"{LEADING}\n\n{LEADING}")
    _, report = _json(draft, "--ignore", "X", "--baseline", baseline)
    states = sorted(f["baseline"] for f in findings(report, "emotive-wording"))
    assert states == ["new", "unchanged"]


def test_baseline_file_errors_are_usage_errors(tmp_path: Path) -> None:
    draft = _write(tmp_path / "稿", "md", LEADING)
    code, _, err = run("check", draft, "--baseline", tmp_path / "missing.json")
    assert code == 2 and "missing.json" in err
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a baseline"}', encoding="utf-8")
    code, _, err = run("check", draft, "--baseline", bad)
    assert code == 2 and "--write-baseline" in err
    existing = tmp_path / "exists.json"
    existing.write_text("{}", encoding="utf-8")
    code, _, err = run("check", draft, "--write-baseline", existing)
    assert code == 2 and "--overwrite" in err
    assert existing.read_text(encoding="utf-8") == "{}"
    assert run("check", draft, "--write-baseline", existing, "--overwrite")[0] == 0
    assert json.loads(existing.read_text("utf-8"))["caselint_baseline"] == 1


def test_baseline_from_the_config(tmp_path: Path) -> None:
    root = tmp_path / "收件"
    _write(root / "甲", "md", LEADING)
    run("check", root, "--no-cache", "--write-baseline", tmp_path / "基线.json")
    (tmp_path / "caselint.toml").write_text(
        'baseline = "基线.json"\nfail-on = "warning"\n', encoding="utf-8"
    )
    assert run("check", root, "--no-cache")[0] == 0
    _write(root / "甲", "md", f"{LEADING}\n\n{NEW_PROBLEM}")
    assert run("check", root, "--no-cache")[0] == 1

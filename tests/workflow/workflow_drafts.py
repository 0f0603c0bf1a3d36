"""Drafts and a CLI runner shared by the team-workflow tests (fail threshold, suppressions,
baseline, figures between parts, per-path config)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from caselint.cli.app import app
from support.cases import compliant

#: Two paragraphs with one emotive phrase each (emotive-wording, W001), backed by figures so
#: that nothing else is reported on them.
LEADING = "我台打造了全国领先的县级融媒体客户端，2024年日活8.7万。"
PRAISED = "这一环节推出后广受好评，2024年节目采用观众线索1420条。"


def draft_with(detailed_lead: str, category: str = "platform", summary_lead: str = "") -> str:
    """The compliant draft of ``category`` with text inserted right under each part's heading."""
    text = compliant(category)
    text = text.replace("# 详细材料\n", f"# 详细材料\n\n{detailed_lead}\n", 1)
    if summary_lead:
        text = text.replace("# 综合材料\n", f"# 综合材料\n\n{summary_lead}\n", 1)
    return text


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def check_json(*args: str | Path) -> dict[str, Any]:
    code, out, err = run("check", *args, "--format", "json", "--jobs", "1", "--no-cache")
    assert code in (0, 1), err
    return json.loads(out)


def findings(report: dict[str, Any], rule: str | None = None) -> list[dict[str, Any]]:
    found = [f for case in report["cases"] for f in case["findings"]] + report["findings"]
    return [f for f in found if rule is None or f["rule"] == rule or f["code"] == rule]


def excerpt_has(finding: dict[str, Any], phrase: str) -> bool:
    return phrase in (finding.get("excerpt") or "") or phrase in finding["message"]


def line_of(text: str, phrase: str) -> int:
    """The 1-based line of the first line holding ``phrase``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if phrase in line:
            return number
    raise AssertionError(phrase)


def strip_comments(text: str) -> str:
    return re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)

"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

Values are escaped as the runner requires (``%``, CR, LF, and ``:``/``,`` in properties).
"""

from __future__ import annotations

from caselint.core.model import Finding, Report
from caselint.reports.text import where

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def line(finding: Finding, lang: str = "zh") -> str:
    props = []
    if finding.file:
        props.append(f"file={_property(finding.file)}")
    if finding.location.line:
        props.append(f"line={finding.location.line}")
    props.append(f"title={_property(f'{finding.code} {finding.rule}')}")
    place = where(finding.location, finding.part, lang)
    message = (
        f"{finding.message}（{place}）"
        if place and lang == "zh"
        else (f"{finding.message} ({place})" if place else finding.message)
    )
    if finding.suggestion:
        message += f"\n{finding.suggestion}"
    return f"::{_COMMAND[finding.severity]} {','.join(props)}::{_data(message)}"


def render(report: Report, lang: str = "zh") -> str:
    findings = [f for case in report.cases for f in case.findings] + report.findings
    findings = [f for f in findings if f.active]  # accepted findings are no annotations
    return "\n".join(line(f, lang) for f in findings)

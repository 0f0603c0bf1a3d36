"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning and others).

Each finding is a result with its rule, level and file. A finding accepted with
``caselint: ignore`` (a case.toml ``ignore`` or caselint.toml ``accept`` entry) carries a SARIF
``suppressions`` entry: ``inSource`` for a comment in the draft, ``external`` otherwise (with
the location of the case.toml or caselint.toml, and a caselint.toml entry's ``key`` as a
property), status ``accepted`` and the reason as its justification. Markdown and text findings
carry their line; .docx has no lines, so the paragraph, table cell and heading go into a
logical location and the message. URIs are relative to the working directory (``file:`` URIs
for files outside it), forward-slashed and percent-encoded (Chinese file names).
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from urllib.parse import quote

from caselint import __version__
from caselint.core.codes import RULES
from caselint.core.model import Finding, Report
from caselint.reports.text import where

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """Relative to the working directory when the file is under it, else a ``file:`` URI; a
    colon is percent-encoded (``a:b/x.md`` would read as a URI of scheme ``a``)."""
    candidate = Path(path)
    with contextlib.suppress(ValueError):
        candidate = candidate.resolve().relative_to(Path.cwd().resolve())
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix(), safe="/")


def _result(finding: Finding, index: dict[str, int], lang: str) -> dict[str, object]:
    place = where(finding.location, finding.part, lang)
    text = f"{finding.message} ({place})" if place else finding.message
    if finding.suggestion:
        text += f" — {finding.suggestion}"
    result: dict[str, object] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": _LEVEL[finding.severity],
        "message": {"text": text},
    }
    if finding.file:
        physical: dict[str, object] = {"artifactLocation": {"uri": _uri(finding.file)}}
        if finding.location.line:
            region: dict[str, object] = {"startLine": finding.location.line}
            if finding.excerpt:
                region["snippet"] = {"text": finding.excerpt}
            physical["region"] = region
        location: dict[str, object] = {"physicalLocation": physical}
        if place:
            location["logicalLocations"] = [{"name": place, "kind": "element"}]
        result["locations"] = [location]
    if finding.suppression is not None:
        accepted = finding.suppression
        suppression: dict[str, object] = {
            "kind": "inSource" if accepted.kind == "comment" else "external",
            "status": "accepted",
        }
        if accepted.reason:
            suppression["justification"] = accepted.reason
        if accepted.kind != "comment" and accepted.file:  # case.toml, caselint.toml
            written = {"physicalLocation": {"artifactLocation": {"uri": _uri(accepted.file)}}}
            suppression["location"] = written
        if accepted.key:  # which acceptance of caselint.toml: accept[1], overrides[2].accept[1]
            suppression["properties"] = {"key": accepted.key}
        result["suppressions"] = [suppression]
    if finding.baseline is not None:
        result["baselineState"] = "absent" if finding.baseline == "fixed" else finding.baseline
    return result


def render(report: Report, lang: str = "zh") -> str:
    index = {rule.code: i for i, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary(lang)},
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        }
        for rule in RULES
    ]
    findings = [f for case in report.cases for f in case.findings] + report.findings
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "caselint",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/caselint/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index, lang) for f in [*findings, *report.fixed]],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)

"""A baseline: today's findings recorded, so that a job re-checking a folder sees only new ones.

Takes a :class:`~caselint.core.model.Report`; gives the baseline file
(``check --write-baseline``), or marks the report against one (``check --baseline``): each
finding ``new`` or ``unchanged``, and the recorded findings that are gone listed as ``fixed``.

A finding is recognised by a fingerprint that survives edits elsewhere in the draft: its case,
rule, part, element or data dimension, its excerpt (the sentence, normalised: full-width and
half-width forms alike, no spaces) and the flagged words — never its paragraph or line number,
which move whenever a paragraph is inserted above, nor its message, which quotes counts that
change with any edit. Two findings with the same fingerprint are told apart by their order.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caselint import __version__
from caselint.core.model import Finding, Report

FORMAT = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the file."""


def _normalise(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def _flagged(finding: Finding) -> str:
    loc = finding.location
    if finding.excerpt is None or loc.start is None or loc.end is None:
        return ""
    offset = finding.excerpt_offset or 0
    return finding.excerpt[max(0, loc.start - offset) : max(0, loc.end - offset)]


def _key(case: str, finding: Finding) -> str:
    parts = [
        case,
        finding.rule,
        finding.part or "",
        "" if finding.element is None else str(finding.element),
        finding.dimension or "",
        _normalise(finding.excerpt),
        _normalise(_flagged(finding)),
        "|".join(sorted(finding.cases)),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def fingerprints(report: Report) -> list[tuple[str, Finding]]:
    """Every finding of the report with its fingerprint (``…#2`` for the second alike)."""
    seen: Counter[str] = Counter()
    out = []
    pairs = [(case.id, f) for case in report.cases for f in case.findings]
    pairs += [("", f) for f in report.findings]
    for case, finding in pairs:
        key = _key(case, finding)
        seen[key] += 1
        out.append((key if seen[key] == 1 else f"{key}#{seen[key]}", finding))
    return out


@dataclass(frozen=True)
class Recorded:
    """A finding as the baseline records it: enough to name it once it is fixed."""

    fingerprint: str
    rule: str
    code: str
    severity: str
    message: str
    case: str
    file: str | None = None
    part: str | None = None
    excerpt: str | None = None

    def as_finding(self) -> Finding:
        return Finding(
            rule=self.rule,
            code=self.code,
            severity=self.severity,  # type: ignore[arg-type]
            message=self.message,
            file=self.file,
            part=self.part,  # type: ignore[arg-type]
            excerpt=self.excerpt,
            cases=[self.case] if self.case else [],
            baseline="fixed",
        )


def write(report: Report) -> bytes:
    """The baseline of a report: its findings that stand (accepted ones need no baseline)."""
    cases = {id(f): case.id for case in report.cases for f in case.findings}
    entries = [
        {
            "fingerprint": key,
            "rule": f.rule,
            "code": f.code,
            "severity": f.severity,
            "message": f.message,
            "case": cases.get(id(f), ""),
            "file": f.file,
            "part": f.part,
            "excerpt": f.excerpt,
        }
        for key, f in fingerprints(report)
        if f.suppression is None
    ]
    data = {
        "caselint_baseline": FORMAT,
        "tool": f"caselint {__version__}",
        "rulepack": report.rulepack,
        "findings": entries,
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read(path: Path) -> dict[str, Recorded]:
    """A baseline file's findings by fingerprint."""
    try:
        data: Any = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BaselineError(f"{path}: 无法读取基线文件 / cannot read the baseline: {exc}") from exc
    if not isinstance(data, dict) or data.get("caselint_baseline") != FORMAT:
        raise BaselineError(
            f"{path}: 不是 caselint 基线文件（用 --write-baseline 生成）"
            " / not a caselint baseline (write one with --write-baseline)"
        )
    found: dict[str, Recorded] = {}
    try:
        for entry in data.get("findings", []):
            found[entry["fingerprint"]] = Recorded(
                **{k: entry.get(k) for k in Recorded.__dataclass_fields__}
            )
    except (TypeError, KeyError) as exc:
        raise BaselineError(f"{path}: 基线文件已损坏 / damaged baseline: {exc}") from exc
    return found


def compare(report: Report, recorded: dict[str, Recorded]) -> list[Finding]:
    """Mark each finding ``new`` or ``unchanged``; return the recorded ones now gone."""
    present = set()
    for key, finding in fingerprints(report):
        if finding.suppression is not None:
            continue
        if key in recorded:
            finding.baseline = "unchanged"
            present.add(key)
        else:
            finding.baseline = "new"
    return [entry.as_finding() for key, entry in recorded.items() if key not in present]

"""JUnit XML for CI test tabs: a test suite per case holding one test case, the case itself.

A case with error-level findings fails: its ``failure`` lists every error with its message,
where it is, the sentence and the fix. Warnings and hints go into ``system-out``, so a CI tab
shows them too without failing the build. The suite's ``properties`` carry the case's counts
(verdict, errors, warnings, hints, words per part) for dashboards. Findings across cases belong
to every case they name (a re-submission, a category over the quota), as the verdict does;
those naming no case (the deadline) form a suite of their own. Findings accepted with
``caselint: ignore`` (or recorded in the ``--baseline``) are left out, as from the counts. Test names are case ids, stable
from run to run (CI history tracks tests by name).
"""

from __future__ import annotations

from lxml import etree

from caselint.core.i18n import SEVERITY_LABELS, Lang
from caselint.core.model import PART_NAMES, CaseResult, Finding, Report
from caselint.core.xmltext import xml_safe
from caselint.reports.text import where

_LABELS = {
    "zh": {"where": "位置", "excerpt": "原文", "help": "建议", "errors": "{n} 个错误："},
    "en": {"where": "where", "excerpt": "excerpt", "help": "fix", "errors": "{n} error(s): "},
}
_ACROSS = {"zh": "跨案例检查", "en": "across-cases"}


def describe(finding: Finding, lang: Lang) -> str:
    """One finding as a block of text: severity, code, rule and message, then where it is,
    the sentence it is in and what to do, each on its own indented line."""
    labels = _LABELS[lang]
    severity = SEVERITY_LABELS[lang][finding.severity]
    lines = [f"[{severity}] {finding.code} {finding.rule}  {finding.message}"]
    place = " · ".join(p for p in (finding.file, where(finding.location, finding.part, lang)) if p)
    sep = "：" if lang == "zh" else ": "
    for key, value in (
        ("where", place),
        ("excerpt", finding.excerpt),
        ("help", finding.suggestion),
    ):
        if value:
            lines.append(f"    {labels[key]}{sep}{' '.join(value.split())}")
    return "\n".join(lines)


def _properties(suite: etree._Element, case: CaseResult | None, findings: list[Finding]) -> None:
    values: list[tuple[str, object]] = []
    if case is not None:
        values += [("verdict", case.verdict), ("category", case.category or "")]
    for severity, name in (("error", "errors"), ("warning", "warnings"), ("info", "infos")):
        values.append((name, sum(f.severity == severity for f in findings)))
    if case is not None:
        for part in PART_NAMES:
            result = case.parts.get(part)
            if result is not None:
                values += [(f"{part}_words", result.words), (f"{part}_limit", result.limit)]
    properties = etree.SubElement(suite, "properties")
    for name, value in values:
        etree.SubElement(properties, "property", name=name, value=xml_safe(str(value)))


def _testcase(
    suite: etree._Element, name: str, file: str | None, findings: list[Finding], lang: Lang
) -> bool:
    """The one test case of a suite; True when it fails."""
    case = etree.SubElement(suite, "testcase", name=name, classname="caselint", time="0")
    if file:
        case.set("file", xml_safe(file))
    errors = [f for f in findings if f.severity == "error"]
    others = [f for f in findings if f.severity != "error"]
    if errors:
        head = _LABELS[lang]["errors"].format(n=len(errors)) if len(errors) > 1 else ""
        failure = etree.SubElement(
            case,
            "failure",
            message=xml_safe(head + errors[0].message),
            type=errors[0].rule,
        )
        failure.text = xml_safe("\n\n".join(describe(f, lang) for f in errors))
    if others:
        out = etree.SubElement(case, "system-out")
        out.text = xml_safe("\n\n".join(describe(f, lang) for f in others))
    return bool(errors)


def render(report: Report, lang: Lang = "zh") -> str:
    root = etree.Element("testsuites", name="caselint")
    failures = 0
    named = {case.id for case in report.cases}
    groups: list[tuple[str, CaseResult | None, list[Finding], str | None]] = [
        (
            case.id,
            case,
            [
                f
                for f in [*case.findings, *(f for f in report.findings if case.id in f.cases)]
                if f.active  # accepted (caselint: ignore) or already in the baseline
            ],
            case.files[0] if case.files else None,
        )
        for case in report.cases
    ]
    unowned = [f for f in report.findings if not named & set(f.cases) and f.active]
    if unowned:
        groups.append((_ACROSS[lang], None, unowned, None))
    for raw_name, case, findings, file in groups:
        name = xml_safe(raw_name)
        suite = etree.SubElement(root, "testsuite", name=name, tests="1")
        if file:
            suite.set("file", xml_safe(file))
        _properties(suite, case, findings)
        failed = _testcase(suite, name[:250], file, findings, lang)
        suite.set("failures", str(int(failed)))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        suite.set("time", "0")
        failures += failed
    root.set("tests", str(len(groups)))
    root.set("failures", str(failures))
    root.set("errors", "0")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True).decode()

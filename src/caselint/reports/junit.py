"""JUnit XML for CI test tabs: a test suite per case, a failing test per error-level finding.

Warnings and hints are passing tests carrying their message in ``system-out``, so they show in
the CI tab without failing the build. A finding across cases that concerns one case alone (a
re-submission) goes into that case's suite, whose verdict it decides; the others (quotas,
deadline) form their own suite.
"""

from __future__ import annotations

from lxml import etree

from caselint.core.model import Finding, Report
from caselint.core.xmltext import xml_safe
from caselint.reports.text import where


def _name(finding: Finding, lang: str) -> str:
    """A test name that stays the same from run to run while the finding does (the message of
    ``deadline`` changes every day; CI history tracks tests by name)."""
    bits = [where(finding.location, finding.part, lang)]
    if finding.element is not None:
        bits.append(f"要素{finding.element}" if lang == "zh" else f"element {finding.element}")
    if finding.dimension:
        bits.append(finding.dimension)
    if finding.location.start is not None and finding.excerpt:
        start = finding.location.start - (finding.excerpt_offset or 0)
        end = (finding.location.end or start) - (finding.excerpt_offset or 0)
        bits.append(finding.excerpt[max(0, start) : max(0, end)])
    place = " · ".join(b for b in bits if b)
    return f"{finding.code} {finding.rule}" + (f": {place}" if place else "")


def _testcase(suite: etree._Element, classname: str, finding: Finding, lang: str) -> None:
    message = xml_safe(finding.message)
    name = xml_safe(_name(finding, lang))
    case = etree.SubElement(suite, "testcase", name=name[:250], classname=classname, time="0")
    if finding.file:
        case.set("file", xml_safe(finding.file))
    if finding.location.line:
        case.set("line", str(finding.location.line))
    detail = "\n".join(
        part
        for part in (
            finding.message,
            where(finding.location, finding.part, lang),
            finding.excerpt,
            finding.suggestion,
        )
        if part
    )
    if finding.severity == "error":
        failure = etree.SubElement(case, "failure", message=message, type=finding.rule)
        failure.text = xml_safe(detail)
    else:
        out = etree.SubElement(case, "system-out")
        out.text = xml_safe(f"[{finding.severity}] {detail}")


def render(report: Report, lang: str = "zh") -> str:
    root = etree.Element("testsuites", name="caselint")
    total = failures = 0
    own = {case.id: [f for f in report.findings if f.cases == [case.id]] for case in report.cases}
    shared = [f for f in report.findings if not (len(f.cases) == 1 and f.cases[0] in own)]
    groups = [
        (case.id, [*case.findings, *own[case.id]], case.files[0] if case.files else None)
        for case in report.cases
    ]
    if shared:
        groups.append(("across-cases" if lang == "en" else "跨案例检查", shared, None))
    for raw_name, findings, file in groups:
        name = xml_safe(raw_name)
        suite = etree.SubElement(root, "testsuite", name=name)
        if file:
            suite.set("file", xml_safe(file))
        if not findings:
            etree.SubElement(suite, "testcase", name="verdict: pass", classname=name, time="0")
        for finding in findings:
            _testcase(suite, name, finding, lang)
        tests = max(1, len(findings))
        failed = sum(f.severity == "error" for f in findings)
        suite.set("tests", str(tests))
        suite.set("failures", str(failed))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        suite.set("time", "0")
        total += tests
        failures += failed
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True).decode()

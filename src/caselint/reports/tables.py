"""The provincial summary as rows: one per case, one per finding, one per body × category.

Shared by the workbook and the CSV exports, so both say the same thing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from caselint.core.i18n import SEVERITY_LABELS, Lang, join_list
from caselint.core.model import PART_NAMES, CaseResult, Finding, Report
from caselint.engine import Settings
from caselint.reports.text import where

CASE_HEADERS = {
    "zh": [
        "序号",
        "类别",
        "案例名称",
        "申报单位",
        "单位层级",
        "省份",
        "联系人",
        "联系电话",
        "综合材料字数",
        "详细材料字数",
        "错误",
        "警告",
        "结论",
        "主要问题",
        "推荐",
        "案例编号",
        "文件",
    ],
    "en": [
        "No.",
        "category",
        "case name",
        "unit",
        "level",
        "province",
        "contact",
        "phone",
        "summary words",
        "detailed words",
        "errors",
        "warnings",
        "verdict",
        "main problems",
        "recommended",
        "case id",
        "files",
    ],
}
FINDING_HEADERS = {
    "zh": ["案例编号", "文件", "级别", "代码", "规则", "位置", "说明", "摘录", "建议"],
    "en": [
        "case id",
        "file",
        "severity",
        "code",
        "rule",
        "where",
        "message",
        "excerpt",
        "suggestion",
    ],
}
QUOTA_HEADERS = {
    "zh": ["推荐单位", "类别", "案例数", "其中推荐", "每类名额", "超出"],
    "en": ["recommending body", "category", "cases", "recommended", "quota", "over"],
}
#: Widest each column may grow in the workbook (Excel's width, a 汉字 counts two): long text
#: wraps, so a landscape A4 page holds every column at a readable scale.
CASE_WIDTHS = (6, 14, 26, 20, 6, 8, 8, 14, 10, 10, 6, 6, 12, 36, 6, 16, 22)
FINDING_WIDTHS = (16, 18, 6, 6, 16, 20, 40, 30, 30)
QUOTA_WIDTHS = (24, 16, 8, 8, 8, 8)
VERDICT_LABELS = {"zh": {"pass": "通过", "fail": "不通过"}, "en": {"pass": "pass", "fail": "fail"}}
#: Why a case fails when only checks across cases hold it back, as its verdict says it.
_ACROSS_REASONS = {
    "quota-exceeded": {"zh": "超出名额", "en": "over quota"},
    "previously-selected": {"zh": "重复申报", "en": "re-submission"},
}
_YES_NO = {"zh": {True: "是", False: "否"}, "en": {True: "yes", False: "no"}}
MAX_PROBLEMS = 3
_TOTAL = {"zh": "合计", "en": "total"}
_TITLE = {
    "zh": "{where}{year}年全国广播电视媒体融合典型案例推荐汇总",
    "en": "{where}{year} NRTA media-convergence typical cases: recommendation summary",
}
_SUMMARY = {
    "zh": "共 {cases} 个案例：通过 {passed} 个，不通过 {failed} 个；"
    "错误 {errors} 个，警告 {warnings} 个，提示 {infos} 条（规则包 {rulepack}）",
    "en": "{cases} case(s): {passed} pass, {failed} fail; {errors} error(s), "
    "{warnings} warning(s), {infos} info (rule pack {rulepack})",
}


def _text(value: object) -> object:
    """A metadata value as one cell: numbers kept, lists joined, anything else as text."""
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return str(value)


@dataclass
class CaseVerdict:
    """A case's findings as its row counts them: its own and the errors across cases that
    name it (a re-submission names it alone, a category over the quota names the group)."""

    errors: list[Finding]
    warnings: list[Finding]
    across_errors: list[Finding]
    failed: bool

    def label(self, lang: Lang) -> str:
        """通过, 不通过, or 不通过（超出名额） when only checks across cases fail the case."""
        verdict = VERDICT_LABELS[lang]["fail" if self.failed else "pass"]
        if not self.failed or len(self.errors) != len(self.across_errors):
            return verdict
        reasons = [_ACROSS_REASONS.get(f.rule, {}).get(lang, f.rule) for f in self.across_errors]
        unique = list(dict.fromkeys(reasons))
        return (
            f"{verdict}（{'、'.join(unique)}）"
            if lang == "zh"
            else f"{verdict} ({', '.join(unique)})"
        )


def case_verdict(case: CaseResult, report: Report) -> CaseVerdict:
    # Those naming the case alone first: a province-wide warning comes after its own.
    across = [f for f in report.findings if f.cases == [case.id]]
    across += [f for f in report.findings if case.id in f.cases and len(f.cases) > 1]
    own = [f for f in case.findings + across if f.active]  # accepted ones decide nothing
    errors = [f for f in own if f.severity == "error"]
    return CaseVerdict(
        errors=errors,
        warnings=[f for f in own if f.severity == "warning"],
        across_errors=[f for f in across if f.severity == "error"],
        failed=case.verdict == "fail" or bool(errors),
    )


def title_text(report: Report, settings: Settings, lang: Lang) -> str:
    """省份 + 年份 + 推荐汇总: the line an office prints above the table."""
    provinces = list(
        dict.fromkeys(str(c.metadata.get("province") or "").strip() for c in report.cases)
    )
    provinces = [p for p in provinces if p]
    if len(provinces) > 2:
        provinces = provinces[:2] + (["等"] if lang == "zh" else ["…"])
    where = ("、" if lang == "zh" else ", ").join(provinces)
    if where and lang == "en":
        where += " "
    return _TITLE[lang].format(where=where, year=settings.pack.pack.year)


def summary_text(report: Report, lang: Lang) -> str:
    """The JSON summary's counts, and how many cases pass, as one line under the title."""
    failed = sum(case_verdict(case, report).failed for case in report.cases)
    s = report.summary
    return _SUMMARY[lang].format(
        cases=s.cases,
        passed=len(report.cases) - failed,
        failed=failed,
        errors=s.errors,
        warnings=s.warnings,
        infos=s.infos,
        rulepack=report.rulepack,
    )


def row_message(finding: Finding, report: Report, lang: Lang) -> str:
    """A finding as one case's row says it: a finding across several cases without the list
    of their names it ends with (the row is one of them; the findings sheet keeps it whole)."""
    if len(finding.cases) < 2:
        return finding.message
    names = {c.id: str(c.metadata.get("case_name") or c.id) for c in report.cases}
    listed = join_list([names.get(i, i) for i in finding.cases], lang)
    for separator in ("：", ": "):
        if finding.message.endswith(separator + listed):
            return finding.message[: -len(separator + listed)]
    return finding.message


def case_rows(report: Report, lang: Lang) -> list[list[object]]:
    rows: list[list[object]] = []
    for number, case in enumerate(report.cases, start=1):
        meta = case.metadata
        words = [case.parts[p].words if case.parts.get(p) else "" for p in PART_NAMES]
        verdict = case_verdict(case, report)
        # Errors across cases (the quota, a re-submission) first: dropping or confirming a case
        # is decided before its wording is polished.
        own_errors = [f for f in verdict.errors if f not in verdict.across_errors]
        listed = verdict.across_errors + (own_errors or verdict.warnings)
        separator = "；" if lang == "zh" else "; "
        problems = separator.join(row_message(f, report, lang) for f in listed[:MAX_PROBLEMS])
        recommended = meta.get("recommended", "")
        rows.append(
            [
                number,
                case.category or "",
                _text(meta.get("case_name")),
                _text(meta.get("unit")),
                _text(meta.get("level")),
                _text(meta.get("province")),
                _text(meta.get("contact")),
                _text(meta.get("phone")),
                *words,
                len(verdict.errors),
                len(verdict.warnings),
                verdict.label(lang),
                problems,
                _YES_NO[lang][recommended] if isinstance(recommended, bool) else _text(recommended),
                case.id,
                "；".join(case.files),
            ]
        )
    return rows


def finding_rows(report: Report, lang: Lang) -> list[list[object]]:
    rows: list[list[object]] = []
    pairs = [(case.id, f) for case in report.cases for f in case.findings]
    pairs += [("；".join(f.cases), f) for f in report.findings]
    for case_id, f in pairs:
        rows.append(
            [
                case_id,
                f.file or "",
                SEVERITY_LABELS[lang][f.severity],
                f.code,
                f.rule,
                where(f.location, f.part, lang),
                f.message,
                f.excerpt or "",
                f.suggestion or "",
            ]
        )
    return rows


def quota_rows(report: Report, settings: Settings, lang: Lang = "zh") -> list[list[object]]:
    """Per recommending body: one row per category, then its total against the total quota.

    The bodies and the cases that count are the quota check's own (a shortlist marks the
    report's cases as recommended), so the sheet and ``quota-exceeded`` always agree.
    """
    from caselint.crosscase.quota import group_by_body, notice_order

    if settings.pack.quotas is None:
        return []
    rows: list[list[object]] = []
    for body in group_by_body(report.cases, settings, None):
        per_category = defaultdict(int)
        for case in body.members:
            per_category[case.category or "?"] += 1
        counted = body.by_category(settings.pack)
        for category in notice_order(per_category, settings.pack):
            total = per_category[category]
            chosen = len(counted.get(category, []))
            recommended = chosen if body.marked else 0
            rows.append(
                [
                    body.name,
                    category,
                    total,
                    recommended,
                    body.quota.per_category,
                    max(0, chosen - body.quota.per_category),
                ]
            )
        pool = len(body.pool)
        rows.append(
            [
                body.name,
                _TOTAL[lang],
                len(body.members),
                len(body.chosen) if body.marked else 0,
                body.quota.total,
                max(0, pool - body.quota.total),
            ]
        )
    return rows

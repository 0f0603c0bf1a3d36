"""The provincial summary as rows: one per case, one per finding, one per body × category.

Shared by the workbook and the CSV exports, so both say the same thing.
"""

from __future__ import annotations

from collections import defaultdict

from caselint.core.i18n import SEVERITY_LABELS, Lang
from caselint.core.model import PART_NAMES, Report
from caselint.engine import Settings
from caselint.reports.text import where

CASE_HEADERS = {
    "zh": [
        "序号",
        "类别",
        "案例名称",
        "申报单位",
        "省份",
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
        "province",
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
_VERDICT = {"zh": {"pass": "通过", "fail": "不通过"}, "en": {"pass": "pass", "fail": "fail"}}
_YES_NO = {"zh": {True: "是", False: "否"}, "en": {True: "yes", False: "no"}}
MAX_PROBLEMS = 3
_TOTAL = {"zh": "合计", "en": "total"}


def _text(value: object) -> object:
    """A metadata value as one cell: numbers kept, lists joined, anything else as text."""
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return str(value)


def case_rows(report: Report, lang: Lang) -> list[list[object]]:
    rows: list[list[object]] = []
    for number, case in enumerate(report.cases, start=1):
        meta = case.metadata
        words = [case.parts[p].words if case.parts.get(p) else "" for p in PART_NAMES]
        # A finding across cases that names this case alone (a re-submission) is the case's own
        # and counts as its verdict does; an error shared with other cases (a category over
        # quota) is listed among the problems first, but decides neither counts nor verdict.
        alone = [f for f in report.findings if f.cases == [case.id]]
        shared = [f for f in report.findings if case.id in f.cases and f.cases != [case.id]]
        own = case.findings + alone
        errors = [f for f in own if f.severity == "error"]
        warnings = [f for f in own if f.severity == "warning"]
        listed = [f for f in shared if f.severity == "error"] + (errors or warnings)
        problems = "；".join(f.message for f in listed[:MAX_PROBLEMS])
        recommended = meta.get("recommended", "")
        rows.append(
            [
                number,
                case.category or "",
                _text(meta.get("case_name")),
                _text(meta.get("unit")),
                _text(meta.get("province")),
                *words,
                len(errors),
                len(warnings),
                _VERDICT[lang][case.verdict],
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
    from caselint.crosscase.quota import group_by_body

    if settings.pack.quotas is None:
        return []
    rows: list[list[object]] = []
    for body in group_by_body(report.cases, settings, None):
        per_category = defaultdict(int)
        for case in body.members:
            per_category[case.category or "?"] += 1
        counted = body.by_category()
        for category, total in sorted(per_category.items()):
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

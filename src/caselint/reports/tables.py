"""The provincial summary as rows: one per case, one per finding, one per body × category.

Shared by the workbook and the CSV exports, so both say the same thing.
"""

from __future__ import annotations

from collections import defaultdict

from caselint.engine import Settings
from caselint.i18n import Lang
from caselint.model import PART_NAMES, Report
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
_SEVERITY = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
_YES_NO = {"zh": {True: "是", False: "否"}, "en": {True: "yes", False: "no"}}
MAX_PROBLEMS = 3


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
    # Findings across cases that concern a case: errors (a quota it is part of) and anything
    # naming it alone (a possible re-submission to confirm).
    across = [f for f in report.findings if f.severity == "error" or len(f.cases) == 1]
    for number, case in enumerate(report.cases, start=1):
        meta = case.metadata
        words = [case.parts[p].words if case.parts.get(p) else "" for p in PART_NAMES]
        own = case.findings + [f for f in across if case.id in f.cases]
        errors = [f for f in own if f.severity == "error"]
        warnings = [f for f in own if f.severity == "warning"]
        problems = "；".join(f.message for f in (errors or warnings)[:MAX_PROBLEMS])
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
                _SEVERITY[lang][f.severity],
                f.code,
                f.rule,
                where(f.location, f.part, lang),
                f.message,
                f.excerpt or "",
                f.suggestion or "",
            ]
        )
    return rows


def quota_rows(report: Report, settings: Settings) -> list[list[object]]:
    from caselint.crosscase.quota import recommending_body
    from caselint.metadata import truthy

    quotas = settings.pack.quotas
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    central: dict[str, bool] = {}
    marked: dict[str, bool] = defaultdict(bool)
    for case in report.cases:
        body, is_central = recommending_body(case, settings)
        central[body] = is_central
        # As the quota check does: once a body marks any case, only marked cases count.
        marked[body] |= "recommended" in case.metadata
        entry = counts[(body, case.category or "?")]
        entry[0] += 1
        entry[1] += int(truthy(case.metadata.get("recommended", False)))
    rows: list[list[object]] = []
    for (body, category), (total, recommended) in sorted(counts.items()):
        quota = 0
        if quotas is not None:
            quota = (quotas.central if central[body] else quotas.province).per_category
        basis = recommended if marked[body] else total
        rows.append([body, category, total, recommended, quota, max(0, basis - quota)])
    return rows

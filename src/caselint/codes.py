"""The one table of rule codes and names (stable API: never renumber, never rename).

A rule's name (kebab case) and its code are both accepted by ``--select``/``--ignore``, config
files and ``caselint rules``; a code prefix (``W``) selects a family. The explanation shown by
``caselint rules NAME`` lives with the rule's check module (its docstring) or, for rules checked
outside ``checks/``, in :data:`DOCS` below.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caselint.model import Finding, Location, Severity


@dataclass(frozen=True)
class RuleInfo:
    code: str
    name: str
    severity: Severity
    summary_zh: str
    summary_en: str
    scope: str = "case"  # "file", "case" or "batch"

    def summary(self, lang: str) -> str:
        return self.summary_en if lang == "en" else self.summary_zh


FAMILIES = {
    "F": ("文件与案例组成", "files and case layout"),
    "S": ("结构与要素", "structure and elements"),
    "L": ("字数", "length"),
    "W": ("措辞", "wording"),
    "D": ("数据", "data"),
    "X": ("跨案例（名额、重复申报、截止日期）", "across cases (quotas, re-submission, deadline)"),
    "B": ("上传包", "bundle"),
}

RULES: tuple[RuleInfo, ...] = (
    RuleInfo("F001", "unreadable-file", "error", "文件无法读取", "file cannot be read", "file"),
    RuleInfo(
        "F002", "case-layout-ambiguous", "error", "案例文件组成有歧义", "ambiguous case layout"
    ),
    RuleInfo("F003", "metadata-missing", "warning", "案例信息不全", "case metadata incomplete"),
    RuleInfo(
        "S001",
        "part-missing",
        "error",
        "缺少综合材料或详细材料",
        "summary or detailed part missing",
    ),
    RuleInfo(
        "S002", "category-unknown", "error", "无法确定申报类别", "category cannot be determined"
    ),
    RuleInfo("S003", "element-missing", "error", "缺少规定要素", "required element missing"),
    RuleInfo("S004", "element-order", "warning", "要素顺序与通知不一致", "elements out of order"),
    RuleInfo(
        "S005", "element-empty", "error", "要素只有标题没有内容", "element heading without text"
    ),
    RuleInfo("L001", "length-over-limit", "error", "超出字数上限", "over the length limit"),
    RuleInfo("L002", "length-near-limit", "warning", "接近字数上限", "close to the length limit"),
    RuleInfo(
        "W001", "emotive-wording", "warning", "主观感性或夸大措辞", "emotive or exaggerated wording"
    ),
    RuleInfo("W002", "unquantified-claim", "warning", "效果表述缺少数据", "claim without a figure"),
    RuleInfo(
        "W003", "wording-density", "warning", "套话、程度词过密", "formulaic wording too dense"
    ),
    RuleInfo(
        "D001", "data-dimension-missing", "warning", "缺少某类数据说明", "data dimension missing"
    ),
    RuleInfo(
        "D002",
        "data-context-missing",
        "info",
        "缺少对比数据或统计截止日期",
        "no comparison or cut-off date",
    ),
    RuleInfo(
        "D003", "category-focus", "info", "未体现类别侧重点", "category emphasis not addressed"
    ),
    RuleInfo(
        "X001", "quota-exceeded", "error", "超出推荐名额", "over the recommendation quota", "batch"
    ),
    RuleInfo(
        "X002",
        "previously-selected",
        "error",
        "2024年已入选案例同类别重复申报",
        "previously selected",
        "batch",
    ),
    RuleInfo("X003", "deadline", "info", "截止日期提醒", "deadline reminder", "batch"),
    RuleInfo(
        "B001",
        "bundle-mismatch",
        "error",
        "上传包文件与清单不一致",
        "bundle does not match manifest",
        "file",
    ),
)

#: Documentation of rules that are not checks of one case (checks document themselves).
DOCS = {
    "unreadable-file": """A file of the case cannot be read: empty, damaged or truncated, not what its
extension says (a .doc or a text file named .docx), password-protected, a zip bomb, too large,
not readable with the current permissions, or text in an unknown encoding. The message names the
file and the reason; the rest of the run goes on. Fix: save the draft again as .docx (or UTF-8
Markdown/text) and check it again.""",
    "case-layout-ambiguous": """The files of a case do not say unambiguously what to check: two drafts of
the same part (…综合材料v1.docx and …综合材料v2.docx, 修订稿, 副本), or a part found in two files.
caselint never guesses which one counts; that part is not checked. Fix: keep one file per part
in the case folder (move old versions elsewhere).""",
    "metadata-missing": """The case metadata lacks fields the application form and the bundle need
(案例名称, 申报单位, 省份, 类别, 联系人, 联系电话 …), or the metadata file cannot be parsed.
Metadata lives in Markdown front matter, a case.toml / case.yaml beside the drafts or a .docx's
custom properties — never in the body, where it would be counted and uploaded.""",
    "quota-exceeded": """More recommended cases than the notice allows for one recommending body: per
province (and 新疆生产建设兵团) 4 per category and 12 in all, per central unit 1 and 3. Applies
to cases marked recommended (推荐: 是, or --shortlist); an intake folder without a shortlist gets a
warning saying how many to drop per category.""",
    "previously-selected": """A case selected in 2024 is submitted again in the same category (nominations
excepted), matched on normalised case and unit names against --selected or the pack's list. A
confident match is an error; a weaker one, or one only through a renamed category (体制机制改革
→ 创新发展机制), is a warning asking to confirm. The pack's list is partial and every run says so.""",
    "deadline": """The pack's submission deadline has passed or is near.""",
    "bundle-mismatch": """A file of an upload bundle differs from the bundle's manifest (changed, missing
or added after packing), or its counts no longer match. Pack the case again.""",
}

BY_NAME = {rule.name: rule for rule in RULES}
BY_CODE = {rule.code: rule for rule in RULES}


def finding(
    name: str,
    message: str,
    *,
    severity: Severity | None = None,
    location: Location | None = None,
    **fields: Any,
) -> Finding:
    """A finding of rule ``name`` with its registered code and default severity."""
    rule = BY_NAME[name]
    return Finding(
        rule=rule.name,
        code=rule.code,
        severity=severity or rule.severity,
        message=message,
        location=location or Location(),
        **fields,
    )


def unreadable_finding(path: Path, reason: str, lang: str) -> Finding:
    """The ``unreadable-file`` finding for ``path``; ``reason`` is already in ``lang``."""
    if lang == "en":
        message = f"cannot read {path.name}: {reason}"
    else:
        message = f"无法读取 {path.name}：{reason}"
    return finding("unreadable-file", message, file=str(path))


def lookup(key: str) -> RuleInfo | None:
    """A rule by name or code (case-insensitive code)."""
    return BY_NAME.get(key) or BY_CODE.get(key.upper())


def select(selectors: list[str] | None, ignores: list[str] | None) -> frozenset[str]:
    """Rule names enabled by ``--select``/``--ignore``; selectors are names, codes or prefixes."""

    def matches(rule: RuleInfo, selector: str) -> bool:
        selector = selector.strip()
        if not selector:
            return False
        return selector in (rule.name, "ALL", "all") or rule.code.startswith(selector.upper())

    chosen = [r for r in RULES if not selectors or any(matches(r, s) for s in selectors)]
    return frozenset(
        r.name for r in chosen if not any(matches(r, s) for s in ignores or [] if s.strip())
    )


def unknown_selectors(selectors: list[str]) -> list[str]:
    """Selectors that match no rule (typos in --select/--ignore or config)."""
    unknown = []
    for selector in selectors:
        s = selector.strip()
        if not s or s in ("ALL", "all") or s in BY_NAME:
            continue
        if not any(rule.code.startswith(s.upper()) for rule in RULES):
            unknown.append(s)
    return unknown

"""quota-exceeded (X001): more cases than a recommending body may forward.

What it does
    Groups cases by recommending body — the 推荐单位 in the metadata; otherwise a central unit
    named in the pack, 新疆生产建设兵团, or the 省份 — and counts them per category and in all
    against the pack's quotas (province 4 / 12, central unit 1 / 3). Only cases marked as
    recommended count (metadata 推荐: 是, or a ``--shortlist`` file): more is an error naming the
    cases. An intake folder where nothing is marked gets a warning per body saying how many cases
    must be dropped in which category.
Why it matters
    五、（二）: 各省每个类别报送的典型事例不超过4个，总数不超过12个。中央单位每个类别报送的典
    型事例不超过1个，总数不超过3个.
How to fix
    Drop cases from the shortlist until every category and the total are within the quota.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from caselint.cases.metadata import truthy
from caselint.core.codes import finding
from caselint.core.i18n import Catalog, join_list, render
from caselint.core.model import CaseResult, Finding
from caselint.crosscase.names import normalize_name, unit_core

if TYPE_CHECKING:
    from caselint.crosscase.options import BatchOptions
    from caselint.engine import Settings
    from caselint.rulepack.pack import Quota, RulePack

NAME = "quota-exceeded"
UNKNOWN_BODY = "（未填省份）"

MESSAGES: Catalog = {
    "category": {
        "zh": "{body}推荐“{category}”类 {count} 个案例，超过每类 {limit} 个的名额：{cases}",
        "en": "{body} recommends {count} “{category}” cases, over the quota of {limit} per category: {cases}",
    },
    "total": {
        "zh": "{body}共推荐 {count} 个案例，超过总数 {limit} 个的名额：{cases}",
        "en": "{body} recommends {count} cases in all, over the total quota of {limit}: {cases}",
    },
    "intake-category": {
        "zh": "{body}收到“{category}”类 {count} 个案例，最多推荐 {limit} 个，需删减 {drop} 个：{cases}",
        "en": "{body} has {count} “{category}” cases; at most {limit} may be recommended, drop {drop}: {cases}",
    },
    "intake-total": {
        "zh": "{body}共收到 {count} 个案例，最多推荐 {limit} 个，需删减 {drop} 个",
        "en": "{body} has {count} cases; at most {limit} may be recommended, drop {drop}",
    },
    "unmatched": {
        "zh": "推荐名单中有 {count} 个条目找不到对应的案例：{entries}（名称是否写错？未匹配的条目不会被推荐）",
        "en": "{count} shortlist entries match no case: {entries} (misspelt? they recommend nothing)",
    },
    "unmatched-fix": {
        "zh": "按案例名称或案例文件夹名逐字填写推荐名单",
        "en": "write shortlist entries exactly as the case names or case folder names",
    },
    "fix": {
        "zh": "在案例信息中标记推荐（推荐: 是/否）或用 --shortlist 给出推荐名单，使每类和总数都不超过名额",
        "en": "mark recommended cases (推荐: 是/否) or pass --shortlist so every category and the total fit the quota",
    },
}


def recommending_body(case: CaseResult, settings: Settings) -> tuple[str, bool]:
    """(body, is_central): who forwards this case, and whether central-unit quotas apply."""
    return _body(case.metadata, settings.pack)


def body_of(metadata: dict[str, object], pack: RulePack) -> str:
    """The recommending body of a case's metadata (the 申请表's 推荐单位 when left empty)."""
    return _body(metadata, pack)[0]


def _body(meta: dict[str, object], pack: RulePack) -> tuple[str, bool]:
    """A province's bureau written out (东湖省广播电视局) is the province itself (东湖省), so
    cases that name the bureau and cases that give only the province share one quota."""
    quotas = pack.quotas
    explicit = str(meta.get("recommender") or "").strip()
    province_name = str(meta.get("province") or "").strip()
    if explicit and province_name and explicit.startswith(province_name):
        explicit = ""  # the province's own bureau
    unit = str(meta.get("unit") or "")
    central_units = quotas.central_units if quotas else []
    for name in (explicit, unit):
        for central in central_units:
            if name and central in name:
                return (explicit or central), True
    if explicit:
        return explicit, False
    for independent in quotas.independent if quotas else []:
        if independent in province_name or independent in unit:
            return independent, False
    return province_name or UNKNOWN_BODY, False


def is_recommended(case: CaseResult, shortlist: frozenset[str] | None) -> bool:
    """Named (by id or case name) in the shortlist when there is one, else marked 推荐."""
    if shortlist is None:
        return truthy(case.metadata.get("recommended", False))
    names = {normalize_name(case.id), normalize_name(str(case.metadata.get("case_name", "")))}
    return bool(names & {normalize_name(s) for s in shortlist} - {""})


@dataclass
class Body:
    """One recommending body: its cases, which of them count, and its quota."""

    name: str
    central: bool
    quota: Quota
    members: list[CaseResult] = field(default_factory=list)
    marked: bool = False  # some case says whether it is recommended, or a shortlist was given
    chosen: list[CaseResult] = field(default_factory=list)

    @property
    def pool(self) -> list[CaseResult]:
        """The cases the quota applies to: the recommended ones once any case is marked."""
        return self.chosen if self.marked else self.members

    def by_category(self, pack: RulePack) -> dict[str, list[CaseResult]]:
        """The counted cases per category, categories in the notice's order."""
        groups: dict[str, list[CaseResult]] = defaultdict(list)
        for case in self.pool:
            groups[case.category or "?"].append(case)
        return {name: groups[name] for name in notice_order(groups, pack)}


def notice_order(categories: Iterable[str], pack: RulePack) -> list[str]:
    """Category names in the order the notice lists them; unknown names after, sorted."""
    rank = {category.name: i for i, category in enumerate(pack.categories)}
    return sorted(set(categories), key=lambda name: (rank.get(name, len(rank)), name))


def _key(name: str) -> str:
    """东湖省, 东湖 and ＂东湖省 ＂ are one body (administrative suffix dropped once)."""
    return unit_core(name, [], {})


def group_by_body(
    cases: list[CaseResult], settings: Settings, shortlist: frozenset[str] | None
) -> list[Body]:
    """Cases grouped by who recommends them (the quota check and the workbook share this)."""
    quotas = settings.pack.quotas
    assert quotas is not None
    bodies: dict[str, Body] = {}
    for case in cases:
        name, is_central = recommending_body(case, settings)
        key = _key(name)
        if key not in bodies:
            quota = quotas.central if is_central else quotas.province
            bodies[key] = Body(name, is_central, quota)
        body = bodies[key]
        body.name = max(body.name, name, key=len)  # show the fullest spelling: 东湖省, not 东湖
        body.members.append(case)
        body.marked |= shortlist is not None or "recommended" in case.metadata
        if is_recommended(case, shortlist):
            body.chosen.append(case)
    return sorted(bodies.values(), key=lambda b: b.name)


def check(cases: list[CaseResult], settings: Settings, options: BatchOptions) -> Iterator[Finding]:
    if settings.pack.quotas is None:
        return
    lang = settings.lang
    if options.shortlist is not None:
        named = {normalize_name(c.id) for c in cases} | {
            normalize_name(str(c.metadata.get("case_name", ""))) for c in cases
        }
        unmatched = sorted(e for e in options.shortlist if normalize_name(e) not in named)
        if unmatched:
            yield finding(
                NAME,
                render(
                    MESSAGES,
                    "unmatched",
                    lang,
                    count=len(unmatched),
                    entries=join_list(unmatched, lang),
                ),
                severity="warning",
                suggestion=render(MESSAGES, "unmatched-fix", lang),
            )
    for body in group_by_body(cases, settings, options.shortlist):
        quota, pool = body.quota, body.pool
        severity = "error" if body.marked else "warning"
        for category, group in body.by_category(settings.pack).items():
            if len(group) > quota.per_category:
                key = "category" if body.marked else "intake-category"
                yield _finding(
                    key,
                    severity,
                    lang,
                    body.name,
                    group,
                    limit=quota.per_category,
                    category=category,
                    drop=len(group) - quota.per_category,
                )
        if len(pool) > quota.total:
            key = "total" if body.marked else "intake-total"
            yield _finding(
                key,
                severity,
                lang,
                body.name,
                pool,
                limit=quota.total,
                drop=len(pool) - quota.total,
            )


def _finding(
    key: str, severity: str, lang, body: str, group: list[CaseResult], **params
) -> Finding:
    names = [str(c.metadata.get("case_name") or c.id) for c in group]
    return finding(
        NAME,
        render(
            MESSAGES, key, lang, body=body, count=len(group), cases=join_list(names, lang), **params
        ),
        severity=severity,  # type: ignore[arg-type]
        cases=[c.id for c in group],
        suggestion=render(MESSAGES, "fix", lang),
    )

"""previously-selected (X002): a case selected last year comes back in the same category.

What it does
    Compares every case's name and unit with the list of previously selected cases (the pack's
    known rows and ``--selected FILE.csv``), after normalising both (quotes and 《》, full and
    half width, unit short forms: 温岭融媒 = 温岭市融媒体中心). Nominations (提名) never block.
    Same category and a confident match → error. A weaker match, or a match only through the
    renamed category (体制机制改革 → 创新发展机制) → warning asking to confirm. When the list is
    known to be partial, every run says so (名单不完整：1/40).
Why it matters
    五、（二）: 2024年已获选事例和项目不可再以相同事例类别进行申报（不包括提名事例）.
How to fix
    Submit the case in another category, or not at all; if the match is wrong, say so to the
    provincial office.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from caselint.core.codes import finding
from caselint.core.i18n import Catalog, quoted, render
from caselint.core.model import CaseResult, Finding
from caselint.crosscase.names import normalize_name, similarity, unit_core

if TYPE_CHECKING:
    from caselint.crosscase.options import BatchOptions
    from caselint.crosscase.selected import SelectedRow
    from caselint.engine import Settings
    from caselint.rulepack.pack import Resubmission

NAME = "previously-selected"
CONFIDENT = 0.85
POSSIBLE = 0.6

MESSAGES: Catalog = {
    "match": {
        "zh": "案例{case}与{year}年已入选案例{selected}（{unit}，{category}）同类别重复申报",
        "en": "case {case} repeats the {year} selected case {selected} ({unit}, {category}) in the same category",
    },
    "possible": {
        "zh": "案例{case}可能是{year}年已入选案例{selected}（{unit}，{category}）的重复申报，请确认",
        "en": "case {case} may repeat the {year} selected case {selected} ({unit}, {category}); please confirm",
    },
    "category-unstated": {"zh": "类别未写", "en": "category not given"},
    "no-category": {
        "zh": "（名单未写该案例的类别，同类别才不可再报）",
        "en": " (the list gives no category; only the same category is barred)",
    },
    "renamed": {
        "zh": "（{year}年类别“{old}”即今年的“{new}”）",
        "en": " (the {year} category “{old}” is this year's “{new}”)",
    },
    "fix": {
        "zh": "同一案例不可以相同类别再次申报（提名案例除外）；如确非同一案例，请在报送说明中注明",
        "en": "a selected case may not be submitted again in the same category (nominations excepted); if this is a different case, say so",
    },
}


def known_cases(rows: Iterable[SelectedRow], rules: Resubmission) -> list[SelectedRow]:
    """The blocking rows of the re-submission year, each case once: the pack's row and the
    same case in the user's list count once, however its name and unit are spelled."""
    blocking = {s.lower() for s in rules.blocking_status}
    seen: set[tuple[str, str]] = set()
    known = []
    for row in rows:
        if row.year != rules.year or row.status.lower() not in blocking:
            continue
        key = (
            normalize_name(row.case_name),
            unit_core(row.unit, rules.unit_suffixes, rules.unit_short_forms),
        )
        if key not in seen:
            seen.add(key)
            known.append(row)
    return known


def check(cases: list[CaseResult], settings: Settings, options: BatchOptions) -> Iterator[Finding]:
    pack = settings.pack
    rules = pack.resubmission
    if rules is None:
        return
    lang = settings.lang
    known = known_cases(options.selected, rules)
    for case in cases:
        if case.category is None:
            continue
        name = normalize_name(case.metadata.get("case_name") or case.id)
        unit = unit_core(
            str(case.metadata.get("unit", "")), rules.unit_suffixes, rules.unit_short_forms
        )
        for row in known:
            category = pack.category(row.category)
            uncategorised = not row.category.strip()
            if not uncategorised and (category is None or category.name != case.category):
                continue
            renamed = not uncategorised and row.category.removesuffix("类") != category.name
            score = similarity(name, normalize_name(row.case_name))
            row_unit = unit_core(row.unit, rules.unit_suffixes, rules.unit_short_forms)
            same_unit = bool(unit) and unit == row_unit
            confident = score >= CONFIDENT and (same_unit or not unit)
            possible = score >= CONFIDENT or (same_unit and score >= POSSIBLE)
            if not (confident or possible):
                continue
            # a list without the category cannot say "the same category": possible only
            level = "error" if confident and not renamed and not uncategorised else "warning"
            key = "match" if level == "error" else "possible"
            message = render(
                MESSAGES,
                key,
                lang,
                case=quoted(case.metadata.get("case_name") or case.id),
                year=row.year,
                selected=quoted(row.case_name),
                unit=row.unit,
                category=row.category or render(MESSAGES, "category-unstated", lang),
            )
            if uncategorised:
                message += render(MESSAGES, "no-category", lang)
            if renamed:
                message += render(
                    MESSAGES, "renamed", lang, year=row.year, old=row.category, new=category.name
                )
            yield finding(
                NAME,
                message,
                severity=level,
                file=case.files[0] if case.files else None,
                cases=[case.id],
                suggestion=render(MESSAGES, "fix", lang),
            )
            break

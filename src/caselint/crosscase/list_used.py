"""list-used (X004): which lists the run used and how it read them (see ``core.codes.DOCS``).

The shortlist decides which cases count toward the quota and the selected-case list which are
re-submissions; these notes say where each came from, how many entries it gave, what could not
be read and what was matched on name and unit only. They were once filed under
``quota-exceeded`` and ``previously-selected``; a note about a list is not a quota finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from caselint.core.codes import finding
from caselint.core.i18n import Catalog, join_list, render
from caselint.core.model import CaseResult, Finding

if TYPE_CHECKING:
    from caselint.crosscase.options import BatchOptions, ListSource
    from caselint.engine import Settings

NAME = "list-used"

SHORTLIST: Catalog = {
    "found-list": {
        "zh": "按文件夹中的推荐名单 {file} 确定推荐的案例（{count} 项），如同 --shortlist",
        "en": "the shortlist {file} found in the folder says which cases are recommended "
        "({count} entries), as --shortlist would",
    },
    "unparsed": {
        "zh": "推荐名单 {file} 中有 {count} 行无法读出案例名称，已忽略：{lines}",
        "en": "{count} line(s) of the shortlist {file} name no case and were ignored: {lines}",
    },
}

SELECTED: Catalog = {
    "found-list": {
        "zh": "按文件夹中的往年入选名单 {file} 核查重复申报（{count} 项），如同 --selected",
        "en": "the selected-case list {file} found in the folder was checked against "
        "({count} entries), as --selected would",
    },
    "unparsed": {
        "zh": "入选名单 {file} 中有 {count} 行读不出案例，已忽略：{lines}",
        "en": "{count} line(s) of the selected list {file} give no case and were ignored: {lines}",
    },
    "uncategorised": {
        "zh": "入选名单 {file} 中有 {count} 项未写类别，只按名称和单位核对（对上的报“可能重复申报”，请确认类别）：{lines}",
        "en": "{count} entries of the selected list {file} give no category and are matched on "
        "name and unit only (a match is a possible re-submission to confirm): {lines}",
    },
    "partial": {
        "zh": "{year}年入选名单不完整：{known}/{total}，未列入名单的入选案例无法核查；可用 --selected 提供完整名单",
        "en": "the {year} selected list is partial: {known}/{total}; cases missing from it cannot be checked; pass the full list with --selected",
    },
}


def source_findings(catalog: Catalog, source: ListSource, name: str, lang) -> list[Finding]:
    """Notes about one list: found in the folder, lines it could not read, entries without a
    category (``catalog`` holds the messages, with ``file``, ``count`` and ``lines``)."""
    out = []
    if source.found:
        message = render(catalog, "found-list", lang, file=name, count=source.entries)
        out.append(finding(NAME, message, severity="info"))
    for key, lines in (("unparsed", source.unparsed), ("uncategorised", source.uncategorised)):
        if lines:
            message = render(
                catalog, key, lang, file=name, count=len(lines), lines=join_list(list(lines), lang)
            )
            out.append(finding(NAME, message, severity="info"))
    return out


def check(cases: list[CaseResult], settings: Settings, options: BatchOptions) -> Iterator[Finding]:
    from caselint.crosscase.previously_selected import known_cases

    lang = settings.lang
    pack = settings.pack
    source = options.shortlist_source
    if source is not None and pack.quotas is not None:
        yield from source_findings(SHORTLIST, source, source.file, lang)
    rules = pack.resubmission
    if rules is None:
        return
    for source in options.selected_sources:
        yield from source_findings(SELECTED, source, Path(source.file).name, lang)
    known = known_cases(options.selected, rules)
    if rules.known_total and not options.selected_is_complete and len(known) < rules.known_total:
        message = render(
            SELECTED, "partial", lang, year=rules.year, known=len(known), total=rules.known_total
        )
        yield finding(NAME, message, severity="info")

"""The run's lists: the shortlist and the selected cases, from the command line or the folder.

``--shortlist`` and ``--selected`` name them; a province folder may also hold them at its root
(推荐汇总表.xlsx, 2024年入选名单.txt — found by :mod:`caselint.cases.discover`). A list named on
the command line wins over one found in the folder. Each list used is recorded with its entry
count and unreadable lines, so the report can say what was used (:data:`BatchOptions`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from caselint.cases.metadata import truthy
from caselint.crosscase.lists import ListError, read_list
from caselint.crosscase.options import BatchOptions, ListSource
from caselint.crosscase.selected import SelectedListError, read_selected

if TYPE_CHECKING:
    from caselint.rulepack.pack import RulePack


class IntakeError(Exception):
    """A list that was asked for cannot be read; the message names the file and the problem."""


def _shortlist(path: Path, pack: RulePack, found: bool) -> tuple[frozenset[str], ListSource]:
    try:
        listed = read_list(path, pack, plain_names=True)
    except ListError as exc:
        raise IntakeError(str(exc)) from exc
    names = frozenset(
        row.case_name for row in listed.rows if not row.recommended or truthy(row.recommended)
    )
    return names, ListSource(str(path), len(names), tuple(listed.unparsed), found)


def batch_options(
    pack: RulePack,
    shortlist: Path | None = None,
    selected: Path | None = None,
    *,
    found_shortlists: list[Path] | None = None,
    found_selected: list[Path] | None = None,
) -> BatchOptions:
    """Options for the cross-case checks; raises :class:`IntakeError` for a list that is named
    but cannot be read (a list found in the folder that cannot be read is left out, said)."""
    from caselint.crosscase.previously_selected import known_cases

    rows = []
    sources: list[ListSource] = []
    if pack.resubmission and pack.resubmission.selected_list:
        try:
            rows.extend(read_selected(pack.resolve(pack.resubmission.selected_list), pack).rows)
        except SelectedListError as exc:
            raise IntakeError(str(exc)) from exc
    complete = False
    chosen = [(selected, False)] if selected is not None else []
    chosen += [(p, True) for p in found_selected or [] if selected is None]
    for path, found in chosen:
        if not found and not path.is_file():
            raise IntakeError(f"找不到往年入选名单 / selected-case list not found: {path}")
        try:
            listed = read_selected(path, pack)
        except SelectedListError as exc:
            if found:
                sources.append(ListSource(str(path), 0, (str(exc),), True))
                continue
            raise IntakeError(str(exc)) from exc
        rows.extend(listed.rows)
        sources.append(
            ListSource(
                str(path),
                len(listed.rows),
                tuple(listed.unparsed),
                found,
                tuple(listed.uncategorised),
            )
        )
        rules = pack.resubmission
        complete = (
            rules is None
            or not rules.known_total
            or len(known_cases(rows, rules)) >= rules.known_total
        )
    names = None
    shortlist_source = None
    if shortlist is not None:
        if not shortlist.is_file():
            raise IntakeError(f"找不到推荐名单 / shortlist not found: {shortlist}")
        names, shortlist_source = _shortlist(shortlist, pack, False)
    elif found_shortlists:
        gathered: set[str] = set()
        unparsed: list[str] = []
        for path in found_shortlists:
            try:
                part, source = _shortlist(path, pack, True)
            except IntakeError:
                continue
            gathered |= part
            unparsed += source.unparsed
        if gathered:
            files = "、".join(Path(p).name for p in found_shortlists)
            names = frozenset(gathered)
            shortlist_source = ListSource(files, len(names), tuple(unparsed), True)
    return BatchOptions(
        shortlist=names,
        selected=tuple(rows),
        selected_is_complete=complete,
        shortlist_source=shortlist_source,
        selected_sources=tuple(sources),
    )

"""What a run knows beyond the drafts, shared by every cross-case check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from caselint.crosscase.selected import SelectedRow


@dataclass(frozen=True)
class ListSource:
    """A list the run used: the file, how many entries it gave, the lines it could not read,
    and whether it was found in the folder rather than named on the command line."""

    file: str
    entries: int
    unparsed: tuple[str, ...] = ()
    found: bool = False


def list_findings(rule: str, catalog, source: ListSource, name: str, lang) -> list:
    """Hints about a list the run used: found in the folder (``found-list``), lines it could
    not read (``unparsed``); ``catalog`` holds both messages with ``file``, ``count``, ``lines``."""
    from caselint.core.codes import finding
    from caselint.core.i18n import join_list, render

    out = []
    if source.found:
        message = render(catalog, "found-list", lang, file=name, count=source.entries)
        out.append(finding(rule, message, severity="info"))
    if source.unparsed:
        lines = join_list(list(source.unparsed), lang)
        message = render(
            catalog, "unparsed", lang, file=name, count=len(source.unparsed), lines=lines
        )
        out.append(finding(rule, message, severity="info"))
    return out


@dataclass(frozen=True)
class BatchOptions:
    """What the office tells caselint beyond the drafts: its shortlist and selected-case list."""

    shortlist: frozenset[str] | None = None
    selected: tuple[SelectedRow, ...] = ()
    selected_is_complete: bool = False
    today: dt.date = field(default_factory=dt.date.today)
    shortlist_source: ListSource | None = None
    selected_sources: tuple[ListSource, ...] = ()

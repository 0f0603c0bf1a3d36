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
    #: Entries of a selected list that give no category (matched on name and unit only).
    uncategorised: tuple[str, ...] = ()


@dataclass(frozen=True)
class BatchOptions:
    """What the office tells caselint beyond the drafts: its shortlist and selected-case list."""

    shortlist: frozenset[str] | None = None
    selected: tuple[SelectedRow, ...] = ()
    selected_is_complete: bool = False
    today: dt.date = field(default_factory=dt.date.today)
    shortlist_source: ListSource | None = None
    selected_sources: tuple[ListSource, ...] = ()

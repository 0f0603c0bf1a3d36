"""The list of previously selected cases: the pack's known rows plus the user's list.

Any list :mod:`caselint.crosscase.lists` reads: a CSV with ``year, category, case_name, unit,
status`` (or 年份, 类别, 案例名称, 申报单位, 状态), an .xlsx or .docx table, or the list as
published — ``1. 案例名称（申报单位，类别）`` under category headings. A year left out is the
year before the rule pack's; a status left out is 入选.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from caselint.crosscase.lists import ListError, read_list

if TYPE_CHECKING:
    from caselint.rulepack.pack import RulePack


class SelectedListError(Exception):
    """A selected-case list that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class SelectedRow:
    year: int
    category: str
    case_name: str
    unit: str
    status: str
    province: str = ""
    source: str = ""


@dataclass
class SelectedList:
    """The rows of one list file, and the lines in it that could not be read as entries."""

    path: Path
    rows: list[SelectedRow] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)
    #: Names of the entries that give no category (kept: matched on name and unit).
    uncategorised: list[str] = field(default_factory=list)


def read_selected(path: Path, pack: RulePack) -> SelectedList:
    try:
        found = read_list(path, pack)
    except ListError as exc:
        raise SelectedListError(str(exc)) from exc
    default_year = pack.resubmission.year if pack.resubmission else pack.pack.year - 1
    result = SelectedList(path, unparsed=list(found.unparsed))
    for row in found.rows:
        if not row.category:
            result.uncategorised.append(row.case_name)  # kept: matched on name and unit
        result.rows.append(
            SelectedRow(
                year=row.year or default_year,
                category=row.category,
                case_name=row.case_name,
                unit=row.unit,
                status=row.status or "入选",
                province=row.province,
                source=row.source,
            )
        )
    return result

"""Checks across the cases of a run: quotas, re-submissions of selected cases, the deadline.

They read finished :class:`~caselint.model.CaseResult` objects (cached or fresh) and their
metadata, never the drafts, and return top-level findings naming the cases involved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from caselint.crosscase import deadline, previously_selected, quota
from caselint.crosscase.selected import SelectedRow
from caselint.engine import Settings, apply_settings
from caselint.model import CaseResult, Finding


@dataclass(frozen=True)
class BatchOptions:
    """What the office tells caselint beyond the drafts: its shortlist and selected-case list."""

    shortlist: frozenset[str] | None = None
    selected: tuple[SelectedRow, ...] = ()
    selected_is_complete: bool = False
    today: dt.date = field(default_factory=dt.date.today)


CROSS_CHECKS = (quota, previously_selected, deadline)


def check_across(
    cases: list[CaseResult], settings: Settings, options: BatchOptions
) -> list[Finding]:
    findings: list[Finding] = []
    for module in CROSS_CHECKS:
        if module.NAME in settings.enabled:
            findings.extend(module.check(cases, settings, options))
    return apply_settings(findings, settings)

"""Checks across the cases of a run: quotas, re-submissions of selected cases, the deadline.

They read finished :class:`~caselint.core.model.CaseResult` objects (cached or fresh) and their
metadata, never the drafts, and return top-level findings naming the cases involved.
"""

from __future__ import annotations

from caselint.core.model import CaseResult, Finding
from caselint.crosscase import deadline, list_used, previously_selected, quota
from caselint.crosscase.options import BatchOptions
from caselint.engine import Settings, apply_settings

__all__ = ["BatchOptions", "check_across"]


CROSS_CHECKS = (quota, list_used, previously_selected, deadline)


def check_across(
    cases: list[CaseResult], settings: Settings, options: BatchOptions
) -> list[Finding]:
    findings: list[Finding] = []
    for module in CROSS_CHECKS:
        if module.NAME in settings.enabled:
            findings.extend(module.check(cases, settings, options))
    return apply_settings(findings, settings)

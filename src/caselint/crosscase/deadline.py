"""deadline (X003): the pack's submission deadline has passed or is near.

What it does
    Compares today's date with the pack's deadline (2025: 4 月 11 日) and gives a hint when
    it is within the pack's warning window or already past.
Why it matters
    五、（一）征集的截止时间为2025年4月11日. A late case is not accepted.
How to fix
    Submit before the deadline; after it, check with the provincial office.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from caselint.core.codes import finding
from caselint.core.i18n import Catalog, render
from caselint.core.model import CaseResult, Finding

if TYPE_CHECKING:
    from caselint.crosscase.options import BatchOptions
    from caselint.engine import Settings

NAME = "deadline"

MESSAGES: Catalog = {
    "passed": {
        "zh": "{name}的申报截止日期 {date} 已过 {days} 天",
        "en": "the deadline of {name}, {date}, passed {days} day(s) ago",
    },
    "today": {
        "zh": "{name}今天（{date}）截止申报",
        "en": "{name} closes today ({date})",
    },
    "near": {
        "zh": "距{name}申报截止（{date}）还有 {days} 天",
        "en": "{days} day(s) left before {name} closes ({date})",
    },
}


def check(cases: list[CaseResult], settings: Settings, options: BatchOptions) -> Iterator[Finding]:
    info = settings.pack.pack
    if info.deadline is None:
        return
    days = (info.deadline - options.today).days
    params = {"name": info.name, "date": info.deadline.isoformat()}
    if days < 0:
        yield finding(NAME, render(MESSAGES, "passed", settings.lang, days=-days, **params))
    elif days == 0:
        yield finding(NAME, render(MESSAGES, "today", settings.lang, **params))
    elif days <= info.deadline_warn_days:
        yield finding(NAME, render(MESSAGES, "near", settings.lang, days=days, **params))

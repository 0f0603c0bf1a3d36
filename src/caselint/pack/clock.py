"""When a bundle was packed, as its files' dates say it: now, or ``SOURCE_DATE_EPOCH``.

Every file of one ``pack`` run (the zip entries, the documents' created and modified
properties) carries the same instant: the time of packing, so a bundle on a shared drive shows
when it was made. A run that must be reproducible sets ``SOURCE_DATE_EPOCH`` (seconds since
1970-01-01 UTC, the convention of reproducible builds); a rule pack may fix a date instead
(``bundle.timestamp``). Zip entries show the instant as the wall time of the pack's zone
(``bundle.utc_offset``, Beijing time for the national pack: the platform's and the offices'
clock), never the machine's, so the same instant packed under any ``TZ`` gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable

from caselint.core.i18n import Catalog, Lang, render
from caselint.pack.errors import PackError
from caselint.pack.zipfile_det import Stamp
from caselint.rulepack.pack import RulePack

ENV = "SOURCE_DATE_EPOCH"

MESSAGES: Catalog = {
    "bad-epoch": {
        "zh": "环境变量 SOURCE_DATE_EPOCH 应为 1980 年以后的秒数（整数），现为 {value!r}",
        "en": "SOURCE_DATE_EPOCH must be a whole number of seconds after 1980, not {value!r}",
    },
}

#: 1980-01-01 00:00 UTC: a zip cannot hold an earlier date.
_EARLIEST = 315532800
#: 2099-12-31: the last date a zip entry can hold (DOS dates end in 2107; leave room for zones).
_LATEST = 4102358400


def zone_of(pack: RulePack) -> dt.timezone:
    """The pack's zone (``+08:00`` → UTC+8)."""
    sign = -1 if pack.bundle.utc_offset.startswith("-") else 1
    hours, minutes = pack.bundle.utc_offset[1:].split(":")
    return dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes)))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def packing_stamp(
    pack: RulePack, lang: Lang, now: Callable[[], dt.datetime] | None = None
) -> Stamp:
    """The instant of this run's files (see the module docstring); a malformed
    ``SOURCE_DATE_EPOCH`` is a usage error, as the convention asks."""
    zone = zone_of(pack)
    raw = os.environ.get(ENV)
    if raw is not None and raw.strip():
        value = raw.strip()
        if not value.isdigit() or not _EARLIEST <= int(value) <= _LATEST:
            raise PackError(render(MESSAGES, "bad-epoch", lang, value=raw), usage=True)
        return Stamp(dt.datetime.fromtimestamp(int(value), dt.timezone.utc), zone)
    if pack.bundle.timestamp is not None:
        return Stamp(pack.bundle.timestamp, zone)  # a wall time without offset is the zone's
    return Stamp((now or _now)(), zone)

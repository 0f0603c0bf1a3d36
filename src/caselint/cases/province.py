"""The province a text names at its start: 地区：西岭省青岩县 is 西岭省, 广西 is 广西壮族自治区.

Quotas count cases by province, so every source — a 省份 line, the unit's name (西岭省广播电视台),
a folder named 西岭省2025年媒体融合典型案例申报 — must give the same name. The pack's
``[provinces]`` lists the full names and short forms; a name of two to four characters ending
with one of its ``suffixes`` (省, 自治区) counts too, so a folder of test drafts may invent one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caselint.rulepack.pack import RulePack

#: After a short form (河北, 广西) these make it a place below a province: 河北区, 广西路.
_NOT_AFTER_SHORT = "区县市镇乡路街村"
_SPACE = re.compile(r"[\s\u3000]+")

_tables: dict[str, tuple[list[tuple[str, str]], re.Pattern[str] | None]] = {}


def _table(pack: RulePack) -> tuple[list[tuple[str, str]], re.Pattern[str] | None]:
    """(spelling, full name) longest first, and the suffix pattern (built once per pack)."""
    key = pack.digest or str(id(pack))
    if key not in _tables:
        provinces = pack.provinces
        spellings: dict[str, str] = {name: name for name in provinces.names}
        for name in provinces.names:
            for suffix in ("省", "市"):
                short = name.removesuffix(suffix)
                if short != name and len(short) >= 2:
                    spellings.setdefault(short, name)
        for alias, name in provinces.aliases.items():
            spellings.setdefault(alias, name)
        ordered = sorted(spellings.items(), key=lambda item: -len(item[0]))
        suffixes = "|".join(re.escape(s) for s in sorted(provinces.suffixes, key=len, reverse=True))
        pattern = re.compile(rf"^[\u4e00-\u9fff]{{2,4}}?(?:{suffixes})") if suffixes else None
        _tables[key] = (ordered, pattern)
    return _tables[key]


def province_at_start(text: str, pack: RulePack) -> str | None:
    """The province ``text`` opens with (西岭省青岩县 → 西岭省), by its full name or the pack's."""
    compact = _SPACE.sub("", str(text or "")).lstrip("（(【[")
    if not compact:
        return None
    spellings, pattern = _table(pack)
    full_names = set(pack.provinces.names)
    for spelling, name in spellings:
        if not compact.startswith(spelling):
            continue
        after = compact[len(spelling) : len(spelling) + 1]
        if spelling in full_names or not after or after not in _NOT_AFTER_SHORT:
            return name
    if pattern is not None:
        match = pattern.match(compact)
        if match:
            return match.group(0)
    return None


def province_named(text: str, pack: RulePack) -> str | None:
    """The province a value names: its start, or a bracketed note (青岩县融媒体中心（西岭省）)."""
    found = province_at_start(text, pack)
    if found:
        return found
    for note in re.findall(r"[（(]([^）)]{2,12})[）)]", str(text or "")):
        found = province_at_start(note, pack)
        if found:
            return found
    return None

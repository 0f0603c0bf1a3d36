"""Normalise case and unit names so that re-submissions are found despite rewording.

Names drift: quotes and book-title marks (《》“”), full- and half-width forms, spaces, and unit
short forms (温岭融媒 for 温岭市融媒体中心). A unit is reduced to its core (温岭) by dropping the
administrative level and the kind of unit.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)
_ADMIN = re.compile(r"(?:特别行政区|自治区|自治州|自治县|地区|新区|省|市|县|区|旗|盟|州)$")


def normalize_name(text: str) -> str:
    """Case-folded, NFKC (full width → half width), without punctuation or spaces."""
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    return _PUNCTUATION.sub("", folded)


MIN_CORE = 2


def unit_core(unit: str, suffixes: list[str], short_forms: dict[str, str]) -> str:
    """温岭市融媒体中心 → 温岭; 温岭融媒 → 温岭 (with the pack's suffixes and short forms)."""
    name = normalize_name(unit)
    for short, full in sorted(short_forms.items(), key=lambda kv: len(kv[0]), reverse=True):
        short_n, full_n = normalize_name(short), normalize_name(full)
        if name.endswith(short_n) and not name.endswith(full_n):
            name = name[: -len(short_n)] + full_n
    # The kind of unit (融媒体中心, 广播电视台 …) is dropped as often as it repeats; the
    # administrative level (市, 县 …) once, and never down to one character: 温州 must not
    # become 温, which 温岭 contains.
    changed = True
    while changed:
        changed = False
        for suffix in sorted((normalize_name(s) for s in suffixes), key=len, reverse=True):
            if suffix and name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
                changed = True
    stripped = _ADMIN.sub("", name)
    if len(stripped) >= MIN_CORE:
        name = stripped
    return name


def similarity(a: str, b: str) -> float:
    """Similarity of two normalised names, 0..1 (containment counts as a strong match)."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ratio = SequenceMatcher(None, a, b).ratio()
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 6 and shorter in longer:
        ratio = max(ratio, 0.9)
    return ratio

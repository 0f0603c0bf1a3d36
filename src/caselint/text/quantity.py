"""Sentences and the figures in them: is a claim backed by a number?

A quantity is a number with a unit or a percent sign (``35.6%``, ``1579万次``, ``200余条``,
``三倍``, ``百分之三十``, ``12/12个``) or a Chinese number word a reader can weigh (近百万,
千余人, 数十万, 破亿, 翻番; the pack's ``number_words``). Not quantities, as a reviewer reads
them: dates (``2024年``, ``5月``) and ordinals (``第3季度``); durations that only frame a period
(两年来, 经过两年多的探索, 短短三年时间; the pack's ``not_quantity_patterns``); set phrases and
political formulas that merely contain a numeral (一体化, 三位一体, 四个意识; ``not_quantities``);
numerals inside quotation marks or 《》, which name a programme, a slogan or a formula
(“五个融媒”, “1+5”平台, “1155”发展战略); and 一 used as an article (一条新路子, 一支队伍).

:func:`amount_at` reads what a figure says — 万 and 亿 multiplied out, 千余 as a lower bound,
full-width digits, the precision it is written to — so that two ways of writing one figure
(1.2万 and 12000, 186万 and 185.6万) compare equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caselint.rulepack.pack import DataRules

_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")
_DIGITS = r"[0-9０-９]+(?:[.,．，][0-9０-９]+)*"
_CN_DIGITS = r"[一二两三四五六七八九十百千万亿零〇几]+"
#: A Chinese numeral that holds a digit, not only a magnitude (千家万户 and 百家号 are no counts).
_CN_NUMBER = r"[一二两三四五六七八九十百千万亿零〇几]*[一二两三四五六七八九十几][一二两三四五六七八九十百千万亿零〇几]*"
_DATE = re.compile(
    r"(?:[12][0-9]{3}|[１２][０-９]{3})\s*年(?:\s*[0-9０-９]{1,2}\s*月(?:\s*[0-9０-９]{1,2}\s*[日号])?)?"
    r"|[0-9０-９]{1,2}\s*月(?:\s*[0-9０-９]{1,2}\s*[日号])?|[0-9０-９]{1,2}\s*[日号]"
    r"|[12][0-9]{3}[-/.][01]?[0-9](?:[-/.][0-3]?[0-9])?"
)
_ORDINAL = re.compile(f"第(?:{_DIGITS}|{_CN_DIGITS})")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def sentences(text: str) -> Iterator[Sentence]:
    """Sentences of a paragraph with their offsets (split at 。！？； and line breaks)."""
    for match in _SENTENCE.finditer(text):
        if match.group().strip():
            yield Sentence(match.group(), match.start(), match.end())


#: Quotation marks and title brackets whose content names something (“五个融媒”, 《2024年报》).
_QUOTED = re.compile(r"“[^“”\n]{1,24}”|‘[^‘’\n]{1,24}’|「[^「」\n]{1,24}」|《[^《》\n]{1,40}》")


class QuantityFinder:
    """Finds quantities using the pack's units and its lists of numeral set phrases."""

    def __init__(
        self,
        units: Iterable[str],
        not_quantities: Iterable[str],
        chinese_units: Iterable[str] = (),
        *,
        not_quantity_patterns: Iterable[str] = (),
        number_words: Iterable[str] = (),
    ) -> None:
        unit = _alternation(units) or "%"
        cn_unit = _alternation(chinese_units) or unit
        scale = r"(?:[万亿千百]|余|多|\+|＋|几)*"
        self._arabic = re.compile(f"{_DIGITS}\\s*{scale}\\s*(?:{unit})")
        self._percent = re.compile(r"百分之[一二两三四五六七八九十百零点〇]+|[0-9０-９.]+\s*[%％‰]")
        self._chinese = re.compile(f"(?P<number>{_CN_NUMBER})(?:余|多)?(?P<unit>{cn_unit})")
        self._fraction = re.compile(f"{_DIGITS}\\s*/\\s*{_DIGITS}")
        phrases = sorted({p for p in not_quantities if p}, key=len, reverse=True)
        self._set_phrases = re.compile("|".join(re.escape(p) for p in phrases)) if phrases else None
        framing = [p for p in not_quantity_patterns if p]
        self._framing = re.compile("|".join(f"(?:{p})" for p in framing)) if framing else None
        words = [p for p in number_words if p]
        self._words = re.compile("|".join(f"(?:{p})" for p in words)) if words else None

    @classmethod
    def for_rules(cls, data: DataRules) -> QuantityFinder:
        """The finder a rule pack's ``[data]`` table describes."""
        return cls(
            data.quantity_units,
            data.not_quantities,
            data.chinese_numeral_units,
            not_quantity_patterns=data.not_quantity_patterns,
            number_words=data.number_words,
        )

    def _mask(self, text: str) -> str:
        """Blank out names, dates, durations, ordinals and numeral set phrases, keeping offsets."""
        patterns = [_QUOTED, _DATE, _ORDINAL]
        if self._framing is not None:
            patterns.append(self._framing)
        if self._set_phrases is not None:
            patterns.append(self._set_phrases)
        for pattern in patterns:
            text = pattern.sub(lambda m: " " * len(m.group()), text)
        return text

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Offsets of every quantity in ``text``."""
        return _spans(self, text)

    def has_quantity(self, text: str) -> bool:
        return bool(self.spans(text))


#: Units after which 一 still counts: 增长一倍, 提高一成, 上升一个百分点.
_ONE_COUNTS = frozenset({"倍", "成", "百分点", "个百分点"})


def _article(match: re.Match[str]) -> bool:
    """一条新路子, 一支队伍, 一套机制: 一 plus a measure word is an article, not a figure."""
    return match.group("number") == "一" and match.group("unit") not in _ONE_COUNTS


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation trying longer words first."""
    return "|".join(re.escape(w) for w in sorted({w for w in words if w}, key=len, reverse=True))


@lru_cache(maxsize=16384)
def _spans(finder: QuantityFinder, text: str) -> list[tuple[int, int]]:
    masked = finder._mask(text)
    found: list[tuple[int, int]] = []
    patterns = [finder._percent, finder._arabic, finder._chinese, finder._fraction]
    if finder._words is not None:
        patterns.append(finder._words)
    for pattern in patterns:
        for match in pattern.finditer(masked):
            if pattern is finder._chinese and _article(match):
                continue
            if not any(s < match.end() and match.start() < e for s, e in found):
                found.append((match.start(), match.end()))
    return sorted(found)


# -- the value of a figure ---------------------------------------------------------------------

_HALF = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
_SCALE = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}
_CN_DIGIT = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_AMOUNT = re.compile(
    f"(?P<lead>超过|超|逾|近|约|突破)?\\s*"
    f"(?:(?P<digits>{_DIGITS})|(?P<cn>[一二两三四五六七八九十百千零〇]*[一二两三四五六七八九十百千]))"
    r"\s*(?P<scale>[万亿]{0,2})\s*(?P<more>余|多|\+|＋)?\s*(?P<percent>[%％‰])?"
)
_PERCENT_CN = re.compile(
    r"百分之(?P<cn>[一二两三四五六七八九十百零〇]+)(?:点(?P<frac>[一二两三四五六七八九零〇]+))?"
)


@dataclass(frozen=True)
class Amount:
    """What a figure says: its value with 万 and 亿 multiplied out, the interval the writing
    allows (``186万`` is anything that rounds to it, ``千余`` is 1000 up to 2000), and its unit.

    ``unit`` is what follows the number and its scale (元, 次, 人次, ``%``; empty for a bare
    count); ``end`` is the offset in the text just after the figure and its unit.
    """

    value: float
    low: float
    high: float
    unit: str
    end: int

    def agrees(self, other: Amount) -> bool:
        """Whether both can be the same figure written differently (1.2万 and 12000, 186万 and
        185.6万, 千余 and 1200): their intervals overlap."""
        slack = 1e-9 * max(abs(self.value), abs(other.value), 1.0)
        return self.low < other.high - slack and other.low < self.high - slack


def _chinese_integer(text: str) -> int | None:
    """三千二百 → 3200, 十二 → 12, 千 → 1000 (a magnitude alone is one of it)."""
    total, digit = 0, None
    for char in text:
        if char in _CN_DIGIT:
            digit = _CN_DIGIT[char]
        elif char in _CN_UNIT:
            total += (1 if digit is None else digit) * _CN_UNIT[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def _decimal(text: str) -> tuple[float, float] | None:
    """The value of written digits and the value of their last digit (12,000 → 12000, 1)."""
    text = text.translate(_HALF).replace(" ", "")
    parts = re.split(r"[,，]", text)
    if len(parts) > 1 and all(len(p) == 3 and p.isdigit() for p in parts[1:]):
        text = "".join(parts)  # thousands separators
    elif len(parts) > 1:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    return value, 10.0**-decimals


def amount_at(text: str, start: int = 0, units: Iterable[str] = ()) -> Amount | None:
    """The figure written at ``start`` of ``text`` (after spaces), with the longest of
    ``units`` that follows it; None when no figure starts there."""
    position = start
    while position < len(text) and text[position] in " \t":
        position += 1
    percent = _PERCENT_CN.match(text, position)
    if percent is not None:
        whole = _chinese_integer(percent.group("cn"))
        if whole is None:
            return None
        frac = percent.group("frac") or ""
        value = whole + float("0." + "".join(str(_CN_DIGIT[c]) for c in frac)) if frac else whole
        step = 10.0 ** -len(frac)
        return Amount(value, value - step / 2, value + step / 2, "%", percent.end())
    match = _AMOUNT.match(text, position)
    if match is None:
        return None
    if match.group("digits"):
        parsed = _decimal(match.group("digits"))
        if parsed is None:
            return None
        value, step = parsed
    else:
        number = _chinese_integer(match.group("cn"))
        if number is None:
            return None
        cn = match.group("cn")
        value = float(number)
        step = float(_CN_UNIT.get(cn[-1], 1)) if cn[-1] in _CN_UNIT else 1.0
    scale = 1.0
    for char in match.group("scale"):
        scale *= _SCALE[char]
    value, step = value * scale, step * scale
    end = match.end()
    unit = "%" if match.group("percent") else ""
    if not unit:
        for candidate in sorted(units, key=len, reverse=True):
            if candidate and text.startswith(candidate, end):
                unit, end = candidate, end + len(candidate)
                break
    lead, more = match.group("lead"), match.group("more")
    if more or lead in ("超过", "超", "逾", "突破"):
        low, high = value, value + step
    elif lead in ("近", "约"):
        low, high = value - step, value + step / 2
    else:
        low, high = value - step / 2, value + step / 2
    return Amount(value, low, high, unit, end)

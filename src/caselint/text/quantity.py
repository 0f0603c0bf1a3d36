"""Sentences and the figures in them: is a claim backed by a number?

A quantity is a number with a unit or a percent sign (``35.6%``, ``1579万次``, ``200余条``,
``三倍``, ``百分之三十``, ``12/12个``) or a Chinese number word a reader can weigh (近百万,
千余人, 数十万, 破亿, 翻番; the pack's ``number_words``). Not quantities, as a reviewer reads
them: dates (``2024年``, ``5月``) and ordinals (``第3季度``); durations that only frame a period
(两年来, 经过两年多的探索, 短短三年时间; the pack's ``not_quantity_patterns``); set phrases and
political formulas that merely contain a numeral (一体化, 三位一体, 四个意识; ``not_quantities``);
numerals inside quotation marks or 《》, which name a programme, a slogan or a formula
(“五个融媒”, “1+5”平台, “1155”发展战略); and 一 used as an article (一条新路子, 一支队伍).
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

"""Render Word's automatic numbering labels (一、 （一） 1. ①) paragraph by paragraph.

Chinese drafts number their element headings with Word's list numbering far more often than by
typing the label, so the label exists only in ``numbering.xml``. Element matching needs it (an
「一、基本情况」 heading) and counting must be able to include it.

Counters follow Word: instances (``w:num``) sharing an abstract definition continue one sequence
unless a ``w:startOverride`` restarts it; using a level restarts every deeper level, unless the
deeper level's ``w:lvlRestart`` says it restarts only after a higher level (or never: 0).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]
LEVELS = 9
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def chinese_number(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """Spell ``n`` (0 < n < 10000) in Chinese: 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百〇五."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts: list[str] = []
    places = [(1000, units[2]), (100, units[1]), (10, units[0]), (1, "")]
    pending_zero = False
    for value, unit in places:
        digit = (n // value) % 10
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append(digits[0])
            pending_zero = False
        parts.append(digits[digit] + unit)
    text = "".join(parts)
    if 10 <= n < 20 and digits is _DIGITS:
        text = text[1:]  # 十一, not 一十一
    return text


def _letters(n: int) -> str:
    """Word repeats the letter: A … Z, AA … ZZ, AAA …"""
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _cycle(symbols: str, n: int) -> str:
    return symbols[(n - 1) % len(symbols)] if n > 0 else str(n)


#: Word's own range for list start values; a hostile file cannot make a label cost more.
MAX_START = 32767


def _start(value: str) -> int:
    """A ``w:start`` value, clamped to Word's 0..32767 (1 when absent or invalid)."""
    if not value.lstrip("-").isdigit():
        return 1
    return max(0, min(MAX_START, int(value)))


def format_number(n: int, fmt: str) -> str:
    """One counter value in a ``w:numFmt`` format (counters above Word's range are clamped)."""
    n = min(n, 10 * MAX_START)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting"):
        return chinese_number(n)
    if fmt in ("taiwaneseCounting", "taiwaneseCountingThousand", "koreanCounting"):
        return chinese_number(n)
    if fmt == "chineseLegalSimplified":
        return chinese_number(n, _LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt in ("ideographTraditional",):
        return _cycle(_STEMS, n)
    if fmt in ("ideographZodiac",):
        return _cycle(_BRANCHES, n)
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False
    restart: int | None = None  # w:lvlRestart: restart after this 1-based level; 0 = never


@dataclass
class _Instance:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


def _bullet(text: str) -> str:
    """Symbol-font bullets live in the private use area; show them as a plain bullet."""
    return "".join("•" if 0xF000 <= ord(ch) <= 0xF0FF else ch for ch in text)


class Numbering:
    """The numbering part of one document, with live counters."""

    def __init__(self, root: etree._Element | None, w_ns: str) -> None:
        self._w = w_ns
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, _Instance] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        if root is not None:
            self._parse(root)

    def _q(self, tag: str) -> str:
        return f"{{{self._w}}}{tag}"

    def _val(self, el: etree._Element | None, default: str = "") -> str:
        return el.get(self._q("val"), default) if el is not None else default

    def _level(self, el: etree._Element) -> Level:
        q, val = self._q, self._val
        start = val(el.find(q("start")), "1")
        legal = el.find(q("isLgl"))
        restart = val(el.find(q("lvlRestart")))
        fmt = el.find(q("numFmt"))
        if fmt is None:
            # Word 2010+ wraps formats older readers lack (custom "01, 02, 03") in
            # mc:AlternateContent; its mc:Fallback holds the nearest standard format.
            fmt = el.find(f"{{{_MC}}}AlternateContent/{{{_MC}}}Fallback/{q('numFmt')}")
        return Level(
            start=_start(start),
            fmt=val(fmt, "decimal"),
            text=val(el.find(q("lvlText")), ""),
            legal=legal is not None and val(legal, "true") not in ("0", "false", "off"),
            restart=int(restart) if restart.isdigit() else None,
        )

    def _parse(self, root: etree._Element) -> None:
        q = self._q
        for abstract in root.iter(q("abstractNum")):
            levels = {}
            for lvl in abstract.iter(q("lvl")):
                ilvl = lvl.get(q("ilvl"), "0")
                if ilvl.isdigit():
                    levels[int(ilvl)] = self._level(lvl)
            self.abstracts[abstract.get(q("abstractNumId"), "")] = levels
        for num in root.iter(q("num")):
            instance = _Instance(abstract=self._val(num.find(q("abstractNumId"))))
            for override in num.iter(q("lvlOverride")):
                ilvl = override.get(q("ilvl"), "0")
                if not ilvl.isdigit():
                    continue
                start = override.find(q("startOverride"))
                if start is not None and self._val(start).lstrip("-").isdigit():
                    instance.overrides[int(ilvl)] = _start(self._val(start))
                lvl = override.find(q("lvl"))
                if lvl is not None:
                    instance.levels[int(ilvl)] = self._level(lvl)
            self.instances[num.get(q("numId"), "")] = instance

    def next_label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of ``num_id`` at ``ilvl`` and return the rendered label."""
        instance = self.instances.get(num_id)
        if instance is None or not 0 <= ilvl < LEVELS:
            return ""
        levels = {**self.abstracts.get(instance.abstract, {}), **instance.levels}
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(instance.abstract, [None] * LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl_no, start in instance.overrides.items():
                if 0 <= lvl_no < LEVELS:
                    counters[lvl_no] = start - 1
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or ilvl < restart:  # ilvl is 0-based, w:lvlRestart 1-based
                counters[deeper] = None
        if level.fmt == "bullet":
            return _bullet(level.text)
        return self._render(level, levels, counters)

    @staticmethod
    def _render(level: Level, levels: dict[int, Level], counters: list[int | None]) -> str:
        out = []
        text = level.text
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                ref = int(text[i + 1]) - 1
                ref_level = levels.get(ref, Level())
                value = counters[ref] if 0 <= ref < LEVELS else None
                if value is None:
                    value = ref_level.start
                fmt = "decimal" if level.legal else ref_level.fmt
                out.append(format_number(value, fmt))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out)

"""Count 字 the way Microsoft Word's 字数统计 does.

Word's 字数 is 中文字符和朝鲜语单词 + 非中文单词: every East-Asian character (汉字, full-width
punctuation, letters and digits, kana, hangul) is one word, and every other maximal run of
non-space characters is one word (``35.6%``, ``2020/3/14``, ``Hello,`` are one word each).
Ambiguous punctuation (“ ” ‘ ’ — ― … ‥ ·) is East-Asian when Word renders it with the
East-Asian font: in a .docx that is the ``w:hint="eastAsia"`` the reader records per character;
in Markdown and text, where no hint exists, a run of such marks is East-Asian when it touches an
East-Asian character. Paragraph marks and line breaks are never characters. Research and the
evidence behind each rule: ``docs/counting.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from caselint.core.model import INCLUSIVE_STORIES, Block, Counts, Story

#: Code point ranges Word counts as East-Asian characters (one word each).
_EAST_ASIAN_RANGES = (
    "\u1100-\u11ff"  # Hangul Jamo
    "\u2e80-\u2fdf"  # CJK Radicals Supplement, Kangxi Radicals
    "\u2ff0-\u2fff"  # Ideographic Description Characters
    "\u3001-\u303f"  # CJK Symbols and Punctuation (U+3000 is a space)
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3100-\u312f"  # Bopomofo
    "\u3130-\u318f"  # Hangul Compatibility Jamo
    "\u3190-\u31ff"  # Kanbun, Bopomofo Extended, CJK Strokes, Katakana Phonetic Extensions
    "\u3200-\u33ff"  # Enclosed CJK Letters and Months, CJK Compatibility
    "\u3400-\u4dbf"  # CJK Unified Ideographs Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\ua960-\ua97f"  # Hangul Jamo Extended-A
    "\uac00-\ud7ff"  # Hangul Syllables, Jamo Extended-B
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
    "\ufe10-\ufe1f"  # Vertical Forms
    "\ufe30-\ufe6f"  # CJK Compatibility Forms, Small Form Variants
    "\uff01-\uff60"  # Fullwidth Forms
    "\uff61-\uffdc"  # Halfwidth Katakana and Hangul
    "\uffe0-\uffe6"  # Fullwidth signs
    "\U0001b000-\U0001b16f"  # Kana Supplement, Extended-A, Small Kana
    "\U00020000-\U0003ffff"  # CJK Unified Ideographs Extensions B-H, Compatibility Supplement
)
#: Punctuation whose width depends on the font Word renders it with.
AMBIGUOUS_PUNCTUATION = "\u201c\u201d\u2018\u2019\u2014\u2015\u2026\u2025\u00b7"
#: Characters Word does not count at all (zero-width space, BOM, soft hyphen, joiners).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
#: Whitespace counted by 字符数(计空格): spaces and tabs, not line or paragraph breaks.
_SPACES = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
#: A character standing in for an East-Asian-rendered ambiguous mark.
_EA_STAND_IN = "\u3001"

_EAST_ASIAN = re.compile(f"[{_EAST_ASIAN_RANGES}]")
_NON_CJK_WORD = re.compile(f"[^\\s{_EAST_ASIAN_RANGES}]+")
_WHITESPACE = re.compile(r"\s")
_SPACE = re.compile(f"[{_SPACES}]")
_AMBIGUOUS_NEAR_EAST_ASIAN_PATTERN = (
    f"(?<=[{_EAST_ASIAN_RANGES}])[{AMBIGUOUS_PUNCTUATION}]+"
    f"|[{AMBIGUOUS_PUNCTUATION}]+(?=[{_EAST_ASIAN_RANGES}])"
)
_AMBIGUOUS = frozenset(AMBIGUOUS_PUNCTUATION)

COUNT_FIELDS = (
    "words",
    "cjk_chars",
    "non_cjk_words",
    "chars_no_spaces",
    "chars_with_spaces",
    "paragraphs",
)


def is_east_asian(char: str) -> bool:
    """True when Word counts ``char`` as one 中文字符 on its own."""
    return _EAST_ASIAN.match(char) is not None


def resolve_ambiguous(text: str, ea_hint: Iterable[int] | None) -> str:
    """Replace ambiguous marks rendered East-Asian by an East-Asian stand-in.

    ``ea_hint`` is the set of offsets the document marks as East-Asian (a .docx ``w:hint``);
    ``None`` applies the neighbour rule used for Markdown and plain text.
    """
    if ea_hint is None:
        # Compiled on first use: .docx carries hints and never needs it (saves ~2 ms a run).
        pattern = re.compile(_AMBIGUOUS_NEAR_EAST_ASIAN_PATTERN)
        return pattern.sub(lambda m: _EA_STAND_IN * len(m.group()), text)
    hinted = [i for i in ea_hint if i < len(text) and text[i] in _AMBIGUOUS]
    if not hinted:
        return text
    chars = list(text)
    for i in hinted:
        chars[i] = _EA_STAND_IN
    return "".join(chars)


def tally(text: str, ea_hint: Iterable[int] | None = None) -> list[int]:
    """The six figures of one paragraph, in ``COUNT_FIELDS`` order."""
    if not _AMBIGUOUS.isdisjoint(text):
        text = resolve_ambiguous(text, ea_hint)
    text = text.translate(_INVISIBLE)
    cjk = len(_EAST_ASIAN.findall(text))
    runs = len(_NON_CJK_WORD.findall(text))
    non_space = len(text) - len(_WHITESPACE.findall(text))
    spaces = len(_SPACE.findall(text))
    return [cjk + runs, cjk, runs, non_space, non_space + spaces, 1 if non_space else 0]


def count_text(text: str, ea_hint: Iterable[int] | None = None) -> Counts:
    """Count one paragraph of text (newlines inside it are line breaks, not paragraphs)."""
    return Counts(**dict(zip(COUNT_FIELDS, tally(text, ea_hint), strict=True)))


def _add(total: list[int], more: list[int]) -> None:
    for i, value in enumerate(more):
        total[i] += value


def count_blocks(blocks: Iterable[Block]) -> Counts:
    """Count blocks as Word does, main text and inclusive figures.

    Main text: body paragraphs and table cells. Inclusive: plus automatic numbering labels, text
    boxes, footnotes and endnotes, whose treatment by Word is either unsettled (labels) or
    depends on the "包括文本框、脚注和尾注" checkbox. Headers, footers and comments never count.
    """
    main = [0] * len(COUNT_FIELDS)
    extra = [0] * len(COUNT_FIELDS)
    for block in blocks:
        if block.story is Story.MAIN:
            _add(main, tally(block.text, block.ea_hint))
            if block.label:
                label = tally(block.label)
                label[-1] = 0  # a label never makes a paragraph of its own
                _add(extra, label)
        elif block.story in INCLUSIVE_STORIES:
            _add(extra, tally(block.text, block.ea_hint))
    counts = Counts(**dict(zip(COUNT_FIELDS, main, strict=True)))
    if any(extra):
        inclusive = [a + b for a, b in zip(main, extra, strict=True)]
        counts.inclusive = Counts(**dict(zip(COUNT_FIELDS, inclusive, strict=True)))
    return counts


def sum_counts(items: Iterable[Counts | None]) -> Counts:
    """Add several counts (parts of a case spread over files), keeping inclusive figures."""
    main = [0] * len(COUNT_FIELDS)
    inclusive = [0] * len(COUNT_FIELDS)
    differs = False
    for counts in items:
        if counts is None:
            continue
        _add(main, [getattr(counts, f) for f in COUNT_FIELDS])
        source = counts.inclusive or counts
        differs = differs or counts.inclusive is not None
        _add(inclusive, [getattr(source, f) for f in COUNT_FIELDS])
    total = Counts(**dict(zip(COUNT_FIELDS, main, strict=True)))
    if differs:
        total.inclusive = Counts(**dict(zip(COUNT_FIELDS, inclusive, strict=True)))
    return total

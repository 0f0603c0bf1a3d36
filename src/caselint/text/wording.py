"""Find the pack's wording-lexicon entries in Chinese text without false alarms.

jieba splits many lexicon phrases (广受好评 → 广受/好评, 第一时间 → 第一/时间), so entries are
matched on the text, at every position and longest first; ASCII letters match in any case
(No.1, TOP1). Before matching, the contexts that must never be flagged are masked: the pack's
exempt compounds (最终, 第一季度, 非常规 …) and exempt patterns (最佳创意奖, 第一，…), quoted policy
wording, names in 《》, short quoted names (“最江阴”) and reported speech (网友留言：“太震撼了”).
A hit overlapping a masked character is dropped, so an exempt compound beats a lexicon entry that
starts before it (全国第一季度 is not 全国第一). A hit must then start and end on jieba word
boundaries: 最 in 最近 or 极 in 积极 cuts through a word and is dropped (classes marked
``open_end`` need the boundary only where they start: 数百 in 数百万 and 巨大 in 巨大成就 keep
their meaning inside the longer word). Where two hits overlap, the earlier, then the longer,
wins; a rejected candidate does not hide one starting inside it (有效果明显: 有效 cuts 效果,
效果明显 is found), but an entry excused by a figure does (人数最多达3.2万: no 最).

Two conditions turn a claim into data. ``exempt_near_number``: a figure other than the entry
itself stands within :data:`NEAR_NUMBER_CHARS` characters in the same sentence
(单日最高访问12万人次); the entry is dropped and its span counts as data. ``exempt_with_source``:
the sentence names a source (the pack's ``source_cues``) and gives a date or figure
(2024年省内同类客户端下载量排名第一（数据来源：XX榜单）); the hit drops to weight L, which the
density check counts and emotive-wording does not report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from caselint.rulepack.pack import LexiconClass, Wording, fold
from caselint.text import nlp
from caselint.text.quantity import QuantityFinder, sentences

NEAR_NUMBER_CHARS = 12
MAX_QUOTED_NAME_CHARS = 15
#: Brackets whose content is always a title or name, however long.
TITLE_OPENERS = frozenset("《〈")
#: Characters that introduce reported speech before a quote (……说：“……”).
SPEECH_INTRO = frozenset("：:")
#: A date or period in a sentence: the "time" half of a sourced ranking.
_DATE = re.compile(
    r"(?:19|20)[0-9]{2}\s*年|〔(?:19|20)[0-9]{2}〕|[0-9]{4}[-/.][0-9]{1,2}|截至|截止"
)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    term: str
    cls: LexiconClass
    #: True when a named source downgraded the entry's class to weight L.
    downgraded: bool = False


class WordingMatcher:
    def __init__(
        self,
        wording: Wording,
        quantities: QuantityFinder,
        *,
        keep_apart: Iterable[str] = (),
    ) -> None:
        """``keep_apart``: words other checks find on jieba word boundaries (claim cues,
        element keywords), never to be glued into a longer dictionary word."""
        self.wording = wording
        self.quantities = quantities
        self.keep_apart = tuple(w for w in keep_apart if w)
        self.classes: dict[str, LexiconClass] = {}
        for cls in wording.classes:
            for term in cls.terms:
                self.classes.setdefault(fold(term), cls)
        self.patterns = [(re.compile(p), cls) for cls in wording.classes for p in cls.patterns]
        self._terms = _Index(self.classes)
        self._exempt = _Index(fold(e) for e in wording.all_exempt)
        self._exempt_patterns = [re.compile(p) for p in wording.exempt_patterns]
        self._brackets = {pair[0]: pair[1] for pair in wording.name_brackets}
        self._downgraded: dict[str, LexiconClass] = {}

    @cached_property
    def dictionary_words(self) -> list[str]:
        """Lexicon entries jieba must know, so that a neighbour is not glued onto them.

        jieba's HMM glues unknown characters to their neighbours (节目播出后广受好评 →
        后广受/好评), which would make 广受好评 cut through a word; such entries are added to its
        dictionary. Words jieba already cuts whole (第一, 积极) are left as they are: adding
        them would only change their frequency and so how jieba cuts other text. Compounds of
        lexicon words or claim cues (取得显著成效, 全面提升, 取得新突破) are not added either:
        their ends already fall on word boundaries, and gluing them into one word would hide
        显著 or 突破 from the checks that look for those. Exempt contexts need no entry: they
        are masked on the text, not on words.
        """
        terms = [t for cls in self.wording.classes for t in cls.terms if len(t) > 1]
        parts = {*terms, *self.keep_apart}

        def compound(term: str) -> bool:
            inner = (term[i:j] for i in range(len(term)) for j in range(i + 1, len(term) + 1))
            return any(piece != term and piece in parts for piece in inner)

        return [t for t in terms if not compound(t) and len(nlp.tokens(t)) > 1]

    def masked(self, text: str) -> list[bool]:
        """True for every character inside a context that is never flagged."""
        mask = [False] * len(text)
        folded = fold(text)
        for start, end in self._exempt.spans(folded):
            mask[start:end] = [True] * (end - start)
        for pattern in self._exempt_patterns:
            for match in pattern.finditer(text):
                mask[match.start() : match.end()] = [True] * (match.end() - match.start())
        self._mask_names(text, mask)
        return mask

    def _mask_names(self, text: str, mask: list[bool]) -> None:
        """Titles always; quotes when short and not a lexicon entry, or when reported speech.

        “全国领先” stays a claim (the quote holds a lexicon entry and nothing else); “最江阴” is a
        name; 网友留言：“太震撼了，为家乡自豪！” is somebody else's words, however long.
        """
        i = 0
        while i < len(text):
            close = self._brackets.get(text[i])
            end = text.find(close, i + 1) if close else -1
            if end < 0:
                i += 1
                continue
            inner = text[i + 1 : end]
            is_title = text[i] in TITLE_OPENERS
            is_name = len(inner) <= MAX_QUOTED_NAME_CHARS and fold(inner) not in self.classes
            is_speech = text[:i].rstrip()[-1:] in SPEECH_INTRO
            if is_title or is_name or is_speech:
                mask[i : end + 1] = [True] * (end + 1 - i)
            i = end + 1

    def hits(self, text: str) -> list[Hit]:
        """Lexicon entries in ``text`` that survive masking, word boundaries and figures."""
        if not self.classes and not self.patterns:
            return []
        candidates = [
            Hit(start, end, text[start:end], self.classes[fold(text[start:end])])
            for start, end in self._terms.spans(fold(text))
        ]
        for pattern, cls in self.patterns:
            for match in pattern.finditer(text):
                if match.end() > match.start():
                    candidates.append(Hit(match.start(), match.end(), match.group(), cls))
        if not candidates:
            return []
        mask = self.masked(text)
        bounds = nlp.boundaries(text)
        kept: list[Hit] = []
        taken_until = 0
        for hit in sorted(candidates, key=lambda h: (h.start, -(h.end - h.start))):
            if hit.start < taken_until or any(mask[hit.start : hit.end]):
                continue
            if hit.start not in bounds:
                continue
            if hit.cls.exempt_near_number and self._near_figure(text, hit):
                # Data, even where jieba cut it otherwise (人数最多达3.2万: 最/多达): the
                # entries inside it, such as the catch-all 最, are no claim either.
                taken_until = hit.end
                continue
            if hit.end not in bounds and not hit.cls.open_end:
                continue
            taken_until = hit.end
            if hit.cls.exempt_with_source and hit.cls.weight != "L" and self._sourced(text, hit):
                hit = Hit(hit.start, hit.end, hit.term, self._as_low(hit.cls), downgraded=True)
            kept.append(hit)
        return kept

    def _sentence(self, text: str, offset: int) -> tuple[int, str]:
        for sentence in sentences(text):
            if sentence.start <= offset < sentence.end:
                return sentence.start, sentence.text
        return 0, text

    def _near_figure(self, text: str, hit: Hit) -> bool:
        """A quantity other than the entry itself within reach in the same sentence."""
        base, sentence = self._sentence(text, hit.start)
        for start, end in self.quantities.spans(sentence):
            a, b = base + start, base + end
            if a < hit.end and hit.start < b:
                continue
            if a - hit.end <= NEAR_NUMBER_CHARS and hit.start - b <= NEAR_NUMBER_CHARS:
                return True
        return False

    def _sourced(self, text: str, hit: Hit) -> bool:
        """The sentence names a source and pins the claim to a date or a figure."""
        _, sentence = self._sentence(text, hit.start)
        if not any(cue in sentence for cue in self.wording.source_cues):
            return False
        return bool(_DATE.search(sentence)) or self.quantities.has_quantity(sentence)

    def _as_low(self, cls: LexiconClass) -> LexiconClass:
        if cls.id not in self._downgraded:
            self._downgraded[cls.id] = cls.model_copy(update={"weight": "L"})
        return self._downgraded[cls.id]


class _Index:
    """Every occurrence of every word of a list in a text, overlapping ones included.

    A regex alternation reports one match per position and skips text it has matched, so a
    rejected candidate would hide the next one; this index reports all of them.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.by_first: dict[str, list[str]] = {}
        for word in sorted({w for w in words if w}, key=len, reverse=True):
            self.by_first.setdefault(word[0], []).append(word)

    def spans(self, text: str) -> list[tuple[int, int]]:
        found = []
        for i, char in enumerate(text):
            for word in self.by_first.get(char, ()):
                if text.startswith(word, i):
                    found.append((i, i + len(word)))
        return found

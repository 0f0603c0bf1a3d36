"""Find the pack's wording-lexicon entries in Chinese text without false alarms.

jieba splits many lexicon phrases (广受好评 → 广受/好评, 第一时间 → 第一/时间), so entries are
matched on the text, longest first. Before matching, the contexts that must never be flagged are
masked: the pack's exempt compounds (最终, 第一季度, 非常规 …), quoted policy wording, names in
《》, and short quoted names (“最江阴”). A hit must then start and end on jieba word boundaries:
最 in 最近 or 极 in 积极 cuts through a word and is dropped. Entries whose class allows it are
not flagged when a figure stands next to them (单日最高访问12万人次).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from caselint import nlp
from caselint.quantity import QuantityFinder, sentences
from caselint.rulepack import LexiconClass, RulePack, Wording

NEAR_NUMBER_CHARS = 12
MAX_QUOTED_NAME_CHARS = 15
_BRACKETS = {"《": "》", "〈": "〉", "“": "”", "「": "」", "『": "』", '"': '"'}


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    term: str
    cls: LexiconClass


class WordingMatcher:
    def __init__(self, wording: Wording, quantities: QuantityFinder) -> None:
        self.wording = wording
        self.quantities = quantities
        self.classes: dict[str, LexiconClass] = {}
        for cls in wording.classes:
            for term in cls.terms:
                self.classes.setdefault(term, cls)
        self.patterns = [(re.compile(p), cls) for cls in wording.classes for p in cls.patterns]
        terms = sorted(self.classes, key=len, reverse=True)
        self.term_regex = re.compile("|".join(map(re.escape, terms))) if terms else None
        exempt = sorted(set(wording.all_exempt), key=len, reverse=True)
        self.exempt_regex = re.compile("|".join(map(re.escape, exempt))) if exempt else None

    @cached_property
    def dictionary_words(self) -> list[str]:
        """Lexicon and exempt words for jieba's dictionary, so they stay whole."""
        return [*self.classes, *self.wording.all_exempt]

    def masked(self, text: str) -> list[bool]:
        """True for every character inside a context that is never flagged."""
        mask = [False] * len(text)
        if self.exempt_regex is not None:
            for match in self.exempt_regex.finditer(text):
                mask[match.start() : match.end()] = [True] * (match.end() - match.start())
        self._mask_names(text, mask)
        return mask

    def _mask_names(self, text: str, mask: list[bool]) -> None:
        """Names in 《》 always; quoted text when short and not itself a lexicon entry."""
        i = 0
        while i < len(text):
            close = _BRACKETS.get(text[i])
            end = text.find(close, i + 1) if close else -1
            if end < 0:
                i += 1
                continue
            inner = text[i + 1 : end]
            is_title = text[i] in "《〈"
            if is_title or (len(inner) <= MAX_QUOTED_NAME_CHARS and inner not in self.classes):
                mask[i : end + 1] = [True] * (end + 1 - i)
            i = end + 1

    def hits(self, text: str) -> list[Hit]:
        """Lexicon entries in ``text`` that survive masking, word boundaries and figures."""
        if self.term_regex is None and not self.patterns:
            return []
        candidates: list[Hit] = []
        if self.term_regex is not None:
            for match in self.term_regex.finditer(text):
                term = match.group()
                candidates.append(Hit(match.start(), match.end(), term, self.classes[term]))
        for pattern, cls in self.patterns:
            for match in pattern.finditer(text):
                if match.end() > match.start():
                    candidates.append(Hit(match.start(), match.end(), match.group(), cls))
        if not candidates:
            return []
        mask = self.masked(text)
        bounds = nlp.boundaries(text)
        kept: list[Hit] = []
        for hit in sorted(candidates, key=lambda h: (h.start, -(h.end - h.start))):
            if any(mask[hit.start : hit.end]):
                continue
            if hit.start not in bounds or hit.end not in bounds:
                continue
            if kept and hit.start < kept[-1].end:
                continue
            if hit.cls.exempt_near_number and self._near_figure(text, hit):
                continue
            kept.append(hit)
        return kept

    def _near_figure(self, text: str, hit: Hit) -> bool:
        for sentence in sentences(text):
            if sentence.start <= hit.start < sentence.end:
                for start, end in self.quantities.spans(sentence.text):
                    a, b = sentence.start + start, sentence.start + end
                    if a - hit.end <= NEAR_NUMBER_CHARS and hit.start - b <= NEAR_NUMBER_CHARS:
                        return True
        return False


_matchers: dict[str, WordingMatcher] = {}


def matcher_for(pack: RulePack, quantities: QuantityFinder) -> WordingMatcher:
    """One matcher per pack and process (building it adds the lexicon to jieba's dictionary)."""
    key = pack.digest or str(id(pack))
    if key not in _matchers:
        matcher = WordingMatcher(pack.wording, quantities)
        nlp.add_words(matcher.dictionary_words)
        _matchers[key] = matcher
    return _matchers[key]

"""Find the pack's wording-lexicon entries in Chinese text the way a reviewer reads them.

One pass over the text finds every candidate: plain terms at every position (longest first,
ASCII letters in any case, No.1 = NO.1) and phrase templates (奏响…强音, 强烈⇄反响; see
:mod:`caselint.rulepack.phrases`) at the places their first literal piece occurs. Candidates then
meet the context a reviewer applies:

* **Masked contexts** are never claims: the pack's exempt compounds and patterns (最终, 第一季度,
  首批, 百姓最关注的, 国内首家…成立以来), quoted policy wording, titles in 《》, and quotes that
  are names or somebody else's words — a conferred title (获评“最美基层记者”), a product
  (“最江阴”APP), an attribution (省委“……”的部署, 评价我台“……”), reported speech (……：“……”),
  or a short brand name holding nothing but the catch-all 最. Any other quote is the writer's own
  slogan and is read: “全省示范、全国一流”的目标, 打造县融改革“浙江样板”.
* **Word boundaries**: a hit must start and end on jieba word boundaries (最 in 最近, 极 in 积极
  cut through a word); ``open_end`` classes need only the start (数百万, 巨大成就). jieba runs only
  on texts that have a candidate. Where two hits overlap, the earlier, then the longer, wins; a
  rejected candidate does not hide one starting inside it.
* **Figures**: ``exempt_near_number`` — a figure in the same clause, or within
  :data:`NEAR_NUMBER_CHARS` characters in the same sentence, makes the entry a description of
  data (单日最高访问12万人次).
* **Evidence**: ``exempt_with_source`` — the sentence names a document, list, statistic or survey
  (据省广电局发布的榜单, 数据来源：…); ``exempt_with_award`` — it names an award or selection
  (获评…称号, 入选…名单, 在…评选中). Such a hit drops to weight L (counted for density, never
  reported). A sentence repeating a ranking its paragraph already sourced is sourced too
  (…统计中位居全省第一。已连续三个月保持全省第一。).
* **Vague standing** (``rank_figure_clears``): 位居…前列 is cleared only by a rank given as a
  figure in its clause (前十名, 第3位); naming the list alone does not say where one stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from caselint.rulepack.pack import LexiconClass, Wording, fold
from caselint.rulepack.phrases import CompiledPhrase, compile_phrase
from caselint.text import nlp
from caselint.text.quantity import QuantityFinder, sentences

NEAR_NUMBER_CHARS = 12
MAX_QUOTED_NAME_CHARS = 15
#: How far before a quote a naming or attribution word may stand (same clause).
QUOTE_CONTEXT_CHARS = 10
#: Brackets whose content is always a title or name, however long.
TITLE_OPENERS = frozenset("《〈")
#: Characters that introduce reported speech before a quote (……说：“……”).
SPEECH_INTRO = frozenset("：:")
_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?\n]")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    term: str
    cls: LexiconClass
    #: True when named evidence downgraded the entry's class to weight L.
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
        self.patterns = [(p, cls) for cls in wording.classes for p in cls.patterns]
        self.phrases: dict[str, list[tuple[CompiledPhrase, LexiconClass]]] = {}
        for cls in wording.classes:
            for template in cls.phrases:
                for compiled in compile_phrase(template, cls.gap):
                    for anchor in compiled.anchors:
                        self.phrases.setdefault(fold(anchor), []).append((compiled, cls))
        self._terms = _Index([*self.classes, *self.phrases])
        self._exempt = _Index(fold(e) for e in wording.all_exempt)
        self._exempt_patterns = list(wording.exempt_patterns)
        self._brackets = {pair[0]: pair[1] for pair in wording.name_brackets}
        self._source = _alternation(wording.source_cues)
        self._awards = list(wording.award_patterns)
        self._sources = list(wording.source_patterns)
        self._naming = tuple(wording.naming_cues)
        self._suffixes = tuple(sorted(wording.name_suffixes, key=len, reverse=True))
        self._attribution = tuple(wording.attribution_cues)
        self._rank_figure = re.compile(wording.rank_figure) if wording.rank_figure else None
        self._downgraded: dict[str, LexiconClass] = {}
        self._cache: dict[str, list[Hit]] = {}

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

    # -- masking --------------------------------------------------------------------------------

    def masked(self, text: str) -> list[bool]:
        """True for every character inside a context that is never flagged."""
        mask = [False] * len(text)
        folded = fold(text)
        for start, end in self._exempt.spans(folded):
            mask[start:end] = [True] * (end - start)
        for pattern in self._exempt_patterns:
            for match in re.finditer(pattern, text):
                mask[match.start() : match.end()] = [True] * (match.end() - match.start())
        self._mask_names(text, mask)
        return mask

    def _mask_names(self, text: str, mask: list[bool]) -> None:
        """Titles, names and other people's words in quotes; the writer's own slogans are read."""
        i = 0
        while i < len(text):
            close = self._brackets.get(text[i])
            end = text.find(close, i + 1) if close else -1
            if end < 0:
                i += 1
                continue
            if self._is_name_or_quotation(text, i, end):
                mask[i : end + 1] = [True] * (end + 1 - i)
            i = end + 1

    def _is_name_or_quotation(self, text: str, open_at: int, close_at: int) -> bool:
        inner = text[open_at + 1 : close_at]
        if text[open_at] in TITLE_OPENERS:
            return True
        before = text[max(0, open_at - QUOTE_CONTEXT_CHARS) : open_at]
        clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0)
        lead = before[clause_start:]
        sentence_start = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
        if text[:open_at].rstrip()[-1:] in SPEECH_INTRO:
            return True  # 网友留言：“太震撼了，为家乡自豪！”
        if any(cue in before[sentence_start:] for cue in self._attribution):
            return True  # 省委“在全省率先实现……”的部署, 正如文件所说，“……”
        if any(cue in lead for cue in self._naming):
            return True  # 获评“最美基层记者”
        if text.startswith(self._suffixes, close_at + 1) if self._suffixes else False:
            return True  # “最江阴”APP
        # A short brand name whose only entry is the catch-all 最 (“最江阴”); a quote holding
        # a real entry (“浙江样板”, “全国一流”) is the writer's own label.
        if len(inner) <= MAX_QUOTED_NAME_CHARS:
            folded = fold(inner)
            spans = self._terms.spans(folded)
            return all(folded[s:e] in ("最", "第一") for s, e in spans) if spans else True
        return False

    # -- matching -------------------------------------------------------------------------------

    def hits(self, text: str) -> list[Hit]:
        """Lexicon entries in ``text`` that survive masking, word boundaries and evidence."""
        cached = self._cache.get(text)
        if cached is None:
            cached = self._hits(text)
            if len(self._cache) > 4096:
                self._cache.clear()
            self._cache[text] = cached
        return cached

    def _candidates(self, text: str) -> list[Hit]:
        folded = fold(text)
        found: list[Hit] = []
        for start, end in self._terms.spans(folded):
            key = folded[start:end]
            cls = self.classes.get(key)
            if cls is not None:
                found.append(Hit(start, end, text[start:end], cls))
            for compiled, phrase_cls in self.phrases.get(key, ()):
                match = compiled.regex.match(text, start)
                if match and match.end() > match.start():
                    found.append(Hit(start, match.end(), match.group(), phrase_cls))
        for pattern, cls in self.patterns:
            for match in re.finditer(pattern, text):
                if match.end() > match.start():
                    found.append(Hit(match.start(), match.end(), match.group(), cls))
        return found

    def _hits(self, text: str) -> list[Hit]:
        candidates = self._candidates(text)
        if not candidates:
            return []
        mask = self.masked(text)
        bounds = nlp.boundaries(text)
        unique = {(h.start, h.end, h.cls.id): h for h in candidates}.values()
        ordered = sorted(unique, key=lambda h: (h.start, -(h.end - h.start)))
        reported = set(self.wording.report_weights)
        strong = [h for h in ordered if h.cls.weight in reported]
        # A long L formula (探索出一条…之路) steps aside for a reported entry that starts inside
        # it (独具特色); at the same start the longer entry wins (最大限度, not 最大).
        ordered = [
            h
            for h in ordered
            if h.cls.weight in reported
            or not any(h.start < s.start and s.end <= h.end for s in strong)
        ]
        return self._select(text, ordered, mask, bounds, [])

    def _select(
        self,
        text: str,
        ordered: list[Hit],
        mask: list[bool],
        bounds: frozenset[int],
        occupied: list[tuple[int, int]],
    ) -> list[Hit]:
        kept: list[Hit] = []
        for hit in ordered:
            if any(a < hit.end and hit.start < b for a, b in occupied):
                continue
            if self._masked_hit(hit, mask) or (hit.start not in bounds and hit.end not in bounds):
                continue
            if hit.cls.exempt_near_number and self._near_figure(text, hit):
                # Data, even where jieba cut it otherwise (人数最多达3.2万: 最/多达): the
                # entries inside it, such as the catch-all 最, are no claim either.
                occupied.append((hit.start, hit.end))
                continue
            if not self._on_word(hit, bounds):
                continue
            if hit.cls.rank_figure_clears and self._rank_given(text, hit):
                occupied.append((hit.start, hit.end))
                continue
            occupied.append((hit.start, hit.end))
            if hit.cls.weight != "L" and self._evidenced(text, hit):
                hit = Hit(hit.start, hit.end, hit.term, self._as_low(hit.cls), downgraded=True)
            kept.append(hit)
        return kept

    def _on_word(self, hit: Hit, bounds: frozenset[int]) -> bool:
        """Whole words, or the head of a compound (强大 in 功能强大); never cut through a word.

        A single character must stand alone (最 in 最近 and 极 in 积极 are parts of words); a
        longer entry must end where a word ends (十分 in 十分钟 is another word). ``open_end``
        classes may also start one (数百万, 巨大成就), and phrases need only their start (谱写…新篇|章).
        """
        starts, ends = hit.start in bounds, hit.end in bounds
        several = hit.end - hit.start >= 2
        if self._is_phrase(hit):
            return starts
        if hit.cls.open_end:
            return starts or (ends and several)
        return ends if several else starts and ends

    def _is_phrase(self, hit: Hit) -> bool:
        return bool(hit.cls.phrases) and self.classes.get(fold(hit.term)) is not hit.cls

    def _masked_hit(self, hit: Hit, mask: list[bool]) -> bool:
        """A term is masked if any of it is; a phrase only where it starts, since a name may
        stand in its gap or at its end (构建起了“新闻+政务”数字化治理新格局, 跑出了“加速度”)."""
        if not self._is_phrase(hit):
            return any(mask[hit.start : hit.end])
        return mask[hit.start]

    # -- context --------------------------------------------------------------------------------

    def _sentence(self, text: str, offset: int) -> tuple[int, str]:
        for sentence in sentences(text):
            if sentence.start <= offset < sentence.end:
                return sentence.start, sentence.text
        return 0, text

    def _near_figure(self, text: str, hit: Hit) -> bool:
        """A quantity other than the entry itself in the same clause (员工最高月绩效与最低月绩效
        差距拉大到3.2倍), or within reach across a clause break of the same sentence (收入达到
        9500万元，彻底摆脱了对广告的依赖). A figure further off measures something else."""
        base, sentence = self._sentence(text, hit.start)
        start, end = hit.start - base, hit.end - base
        left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
        right = _CLAUSE_BREAK.search(sentence, end)
        clause_end = right.start() if right else len(sentence)
        for a, b in self.quantities.spans(sentence):
            if a < end and start < b:
                continue
            if left <= a and b <= clause_end:
                return True
            if a - end <= NEAR_NUMBER_CHARS and start - b <= NEAR_NUMBER_CHARS:
                return True
        return False

    def _rank_given(self, text: str, hit: Hit) -> bool:
        """A rank as a figure in the hit's clause: 位居全省前列（第3名）."""
        if self._rank_figure is None:
            return False
        left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, hit.start)), default=0)
        right = _CLAUSE_BREAK.search(text, hit.end)
        clause = text[left : right.start() if right else len(text)]
        return bool(self._rank_figure.search(clause))

    def _names_evidence(self, cls: LexiconClass, sentence: str) -> bool:
        if cls.exempt_with_source and (
            (self._source and self._source.search(sentence))
            or any(re.search(p, sentence) for p in self._sources)
        ):
            return True
        return cls.exempt_with_award and any(re.search(p, sentence) for p in self._awards)

    def evidence_spans(self, sentence: str) -> list[tuple[int, int]]:
        """Where a sentence names an award or selection (荣获…称号, 入选…名单, 在…评选中)."""
        return [m.span() for p in self._awards for m in re.finditer(p, sentence)]

    def _evidenced(self, text: str, hit: Hit) -> bool:
        """The sentence names the claim's evidence, or repeats a ranking sourced just before."""
        cls = hit.cls
        if not (cls.exempt_with_source or cls.exempt_with_award):
            return False
        _, sentence = self._sentence(text, hit.start)
        if self._names_evidence(cls, sentence):
            return True
        previous = [s for s in sentences(text) if s.end <= hit.start]
        if previous:
            before = previous[-1].text
            core = hit.term[-4:]
            return core in before and self._names_evidence(cls, before)
        return False

    def _as_low(self, cls: LexiconClass) -> LexiconClass:
        if cls.id not in self._downgraded:
            self._downgraded[cls.id] = cls.model_copy(update={"weight": "L"})
        return self._downgraded[cls.id]


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ordered)) if ordered else None


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

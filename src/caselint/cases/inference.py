"""Which category a draft that names none was written for, read from its text.

Each category of the pack brings its vocabulary: the words of its definition, emphasis and
element titles that no other category uses (「造船出海」「自主可控」 for 新媒体平台建设, 「组织架构」
「评价激励」 for 创新发展机制), its emphasis cues and its ``cues`` (what drafts of the category
write about: 客户端, 政务服务, 考核 …). A draft scores each category by the square roots of how
often it uses each word (so one word repeated cannot decide alone), words in the title and
headings counting ``title_weight`` times. Words shared by several categories are worth
nothing: they cannot tell categories apart. The pack's ``[category_inference]`` says how far
ahead the best category must be to be trusted.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caselint.rulepack.pack import Category, RulePack

_CJK_OR_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z+]")


@dataclass(frozen=True)
class Candidate:
    """A category, its score and the words that earned it (word, times used), best first."""

    category: Category
    score: float
    evidence: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Inference:
    """The ranked candidates and whether the best one leads clearly enough to be trusted."""

    candidates: tuple[Candidate, ...]
    confident: bool

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


def _words(text: str) -> set[str]:
    from caselint.text import nlp

    return {w for w, _, _ in nlp.tokens(text) if len(w) > 1 and _CJK_OR_WORD.search(w)}


_built: dict[str, dict[str, dict[str, float]]] = {}


def _vocabulary(pack: RulePack) -> dict[str, dict[str, float]]:
    """Category id → {word: weight}: derived words unique to the category, and its cues."""
    key = pack.digest or str(id(pack))
    if key not in _built:
        _built[key] = _build_vocabulary(pack)
    return _built[key]


def _build_vocabulary(pack: RulePack) -> dict[str, dict[str, float]]:
    derived: dict[str, set[str]] = {}
    # Words the elements of several categories share (成效, 借鉴, 下一步 …) say how a draft is
    # built, not what it is about: they would tell categories apart by accident.
    element_owners: dict[str, int] = {}
    for category in pack.categories:
        for word in set(category.dictionary_words()):
            element_owners[word] = element_owners.get(word, 0) + 1
    structural = {w for w, n in element_owners.items() if n > 1}
    for category in pack.categories:
        sources = [
            category.definition,
            category.expectation,
            category.emphasis,
            *(e.title for e in category.elements),
        ]
        words: set[str] = set()
        for text in sources:
            words |= _words(text)
        words |= set(category.names) | set(category.emphasis_cues)
        derived[category.id] = words - structural
    owners: dict[str, int] = {}
    for words in derived.values():
        for word in words:
            owners[word] = owners.get(word, 0) + 1
    vocabulary: dict[str, dict[str, float]] = {}
    for category in pack.categories:
        table = {w: (1.0 if len(w) > 2 else 0.5) for w in derived[category.id] if owners[w] == 1}
        for cue in category.cues:
            table[cue] = 1.0
        vocabulary[category.id] = table
    return vocabulary


def infer(title_text: str, body_text: str, pack: RulePack) -> Inference:
    """Rank the pack's categories for a draft (see the module docstring)."""
    settings = pack.category_inference
    vocabulary = _vocabulary(pack)
    candidates = []
    for category in pack.categories:
        score = 0.0
        evidence = []
        for word, weight in vocabulary[category.id].items():
            times = body_text.count(word) + settings.title_weight * title_text.count(word)
            if times:
                score += weight * math.sqrt(times)
                evidence.append((word, body_text.count(word) + title_text.count(word)))
        evidence.sort(key=lambda item: (-item[1], item[0]))
        candidates.append(
            Candidate(category, round(score, 1), tuple(evidence[: settings.evidence_terms]))
        )
    candidates.sort(key=lambda c: -c.score)
    best = candidates[0]
    second = candidates[1].score if len(candidates) > 1 else 0.0
    confident = best.score >= settings.min_score and best.score >= settings.min_ratio * second
    return Inference(tuple(candidates), confident)

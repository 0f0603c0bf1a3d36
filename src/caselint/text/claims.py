"""Which clauses claim an achieved effect (大幅提升, 取得良好进展, 影响力不断提升) — and which only
look so.

A reviewer reads a claim clause by clause. Three shapes claim a result:

* claim words, which always do (显著, 大幅, 日益凸显, 可观, 发展壮大; the pack's ``claim_cues``);
* result phrases, where an achievement verb meets an evaluative result (取得良好进展, 做出重要
  贡献, 营造了良好的舆论氛围, 探索出一条新路; the pack's ``result_patterns``);
* change verbs (提升, 增强, 加强, 突破 …) with a degree word before them (不断提高, 全面加强),
  at the end of their clause (服务能力全面加强。 活力增强了。), or — for the verbs that name an
  improvement (``effect_verbs``: 提升, 提高, 增强, 壮大 …) — taking 了 (提高了县级媒体的传播力).
  增加直播功能 and 加强了管理 state actions.

No claim is made where the word is negated (不突破, 无法增加), states a purpose in its clause (为
减少人工统计, 推动融媒体业务更好地开展, 以…为目标), a plan (下一步将提高, a clause with 计划/预计, or a
sentence under a 下一步 heading) or labels an item (突破：…). Headings name topics, not results.
All these words come from the rule pack; the code only knows the shapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from caselint.core.model import Block, BlockKind
from caselint.rulepack.pack import DataRules
from caselint.text import nlp

#: Where a sentence divides into clauses (、 only separates list items, so it is not one).
_CLAUSE_BREAK = re.compile(r"[，,；;：:]|——")
_CLAUSE_END = frozenset("，,。；;！!？?、）)”\n")
NEGATION_WINDOW = 4
DEGREE_WINDOW = 4


@dataclass(frozen=True)
class Claim:
    cue: str
    start: int  # offset in the text searched
    end: int


@dataclass(frozen=True)
class Clause:
    text: str
    start: int
    end: int


def clauses(sentence: str) -> list[Clause]:
    """The clauses of a sentence with their offsets (split at ，；：and ——)."""
    found, start = [], 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        if match.start() > start:
            found.append(Clause(sentence[start : match.start()], start, match.start()))
        start = match.end()
    if start < len(sentence):
        found.append(Clause(sentence[start:], start, len(sentence)))
    return [c for c in found if c.text.strip()]


class ClaimFinder:
    def __init__(self, data: DataRules) -> None:
        self.claims = sorted(data.claim_cues, key=len, reverse=True)
        self.changes = sorted(data.change_cues, key=len, reverse=True)
        self.effects = frozenset(data.effect_verbs)
        self.degrees = tuple(data.degree_cues)
        self.followers = tuple(data.claim_followers)
        self.negations = tuple(data.negation_cues)
        self.not_negations = tuple(data.negation_exceptions)
        self.purposes = tuple(data.purpose_cues)
        self.purpose_verbs = tuple(data.purpose_verbs)
        self.plans = tuple(data.plan_cues)
        self.aims = tuple(data.aim_cues)
        self.results = list(data.result_patterns)  # compiled on first use (re's cache)

    @property
    def cues(self) -> list[str]:
        return [*self.claims, *self.changes]

    @cached_property
    def _words(self) -> list[tuple[str, bool]]:
        """Claim words (always a claim) before change verbs (a claim in some positions)."""
        return [*((c, True) for c in self.claims), *((c, False) for c in self.changes)]

    def in_plan_section(self, block: Block) -> bool:
        """Blocks under a 下一步 / 计划 / 展望 heading describe intentions, not results."""
        heading = block.location.heading or ""
        return any(cue in heading for cue in self.plans)

    def skip_block(self, block: Block) -> bool:
        return block.kind is BlockKind.HEADING or block.heading_like or self.in_plan_section(block)

    def find(self, sentence: str, taken: list[tuple[int, int]] = ()) -> Claim | None:
        """The first claim in ``sentence`` outside the spans ``taken``, in any clause."""
        for clause in clauses(sentence):
            claim = self.in_clause(sentence, clause, taken)
            if claim is not None:
                return claim
        return None

    def in_clause(
        self, sentence: str, clause: Clause, taken: list[tuple[int, int]] = ()
    ) -> Claim | None:
        """The first claim of ``clause`` (offsets in ``sentence``), or None."""
        if self._is_plan(sentence, clause):
            return None
        candidates: list[Claim] = []
        for pattern in self.results:
            for match in re.compile(pattern).finditer(sentence, clause.start, clause.end):
                candidates.append(Claim(match.group(), match.start(), match.end()))
        bounds: frozenset[int] | None = None
        for cue, always in self._words:
            start = sentence.find(cue, clause.start, clause.end)
            while start >= 0:
                end = start + len(cue)
                if bounds is None:
                    bounds = nlp.boundaries(sentence)
                if (start in bounds or end in bounds) and (
                    always or self._asserts_change(sentence, cue, start, end, clause)
                ):
                    # 明显减少: the degree word and the change it qualifies are one claim.
                    following = next((c for c in self.changes if sentence.startswith(c, end)), "")
                    if always and following:
                        end += len(following)
                    candidates.append(Claim(sentence[start:end], start, end))
                start = sentence.find(cue, start + 1, clause.end)
        for claim in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
            if any(a < claim.end and claim.start < b for a, b in taken):
                continue
            if not self._not_a_claim(sentence, clause, claim.start, claim.end):
                return claim
        return None

    def is_aim(self, sentence: str, claim: Claim) -> bool:
        """The claim is an aim or a plan, not a result: its clause names a plan or a purpose, or
        an aim (旨在, 致力于) opens the sentence before it and the claim is not done (no 了)."""
        clause = next(
            (c for c in clauses(sentence) if c.start <= claim.start < c.end),
            Clause(sentence, 0, len(sentence)),
        )
        if self._is_plan(sentence, clause) or self._not_a_claim(
            sentence, clause, claim.start, claim.end
        ):
            return True
        if "了" in sentence[claim.start : claim.end + 1]:
            return False
        return any(aim in sentence[: claim.start] for aim in self.aims)

    def _asserts_change(
        self, sentence: str, cue: str, start: int, end: int, clause: Clause
    ) -> bool:
        """A change verb claims a result after a degree word, at its clause's end, or — for
        the verbs that name an improvement — when it takes 了 (提高了传播力)."""
        before = sentence[max(clause.start, start - DEGREE_WINDOW) : start]
        after = sentence[end : clause.end]
        if any(d in before for d in self.degrees):
            return True
        if cue in self.effects and after.startswith("了"):
            return True
        rest = after.lstrip("了").strip()
        return not rest or rest[0] in _CLAUSE_END or after.startswith(self.followers)

    def _is_plan(self, sentence: str, clause: Clause) -> bool:
        """A plan: the sentence opens with one (下一步，…), or the clause names one."""
        opening = sentence.lstrip()[:6]
        if any(opening.startswith(cue) for cue in self.plans):
            return True
        return any(cue in clause.text for cue in self.plans)

    def _not_a_claim(self, sentence: str, clause: Clause, start: int, end: int) -> bool:
        before = sentence[max(clause.start, start - NEGATION_WINDOW) : start]
        for compound in self.not_negations:
            before = before.replace(compound, "　" * len(compound))
        if any(n in before for n in self.negations):
            return True
        if sentence[end : end + 1] in ("：", ":"):
            return True  # 突破：… labels an item
        if "了" in sentence[start : end + 1]:
            return False  # achieved: 为全县发展营造了良好的舆论氛围 is no purpose
        lead = sentence[clause.start : start].lstrip()
        if lead.startswith(self.purposes):
            return True  # 为减少人工统计, 以…为目标
        return any(verb in lead for verb in self.purpose_verbs)  # 推动…更好地开展

"""Which sentences claim an achieved effect (大幅提升, 成效显著, 用户数增长) — and which only look so.

Claim words (显著, 大幅, 成效显著 …) always claim. Change verbs (提升, 增加, 突破 …) claim only
with a degree word before them (有效提高), or when they end a clause or take 了 (用户数增长。
提高了效率): 增加直播功能 states an action. No claim is made when the word is negated (不突破,
无法增加), states a purpose (为减少人工统计), a plan (下一步将提高, or any sentence under a
下一步/计划 heading) or labels an item (突破：…). Headings name topics, not results. All these
words come from the rule pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from caselint.core.model import Block, BlockKind
from caselint.rulepack.pack import DataRules
from caselint.text import nlp

_CLAUSE_BREAK = re.compile(r"[，,；;：:、]")
_CLAUSE_END = frozenset("，,。；;！!？?、）)”\n")
NEGATION_WINDOW = 4
DEGREE_WINDOW = 4


@dataclass(frozen=True)
class Claim:
    cue: str
    start: int  # offset in the sentence


class ClaimFinder:
    def __init__(self, data: DataRules) -> None:
        self.claims = sorted(data.claim_cues, key=len, reverse=True)
        self.changes = sorted(data.change_cues, key=len, reverse=True)
        self.degrees = tuple(data.degree_cues)
        self.followers = tuple(data.claim_followers)
        self.negations = tuple(data.negation_cues)
        self.not_negations = tuple(data.negation_exceptions)
        self.purposes = tuple(data.purpose_cues)
        self.plans = tuple(data.plan_cues)

    @property
    def cues(self) -> list[str]:
        return [*self.claims, *self.changes]

    def in_plan_section(self, block: Block) -> bool:
        """Blocks under a 下一步 / 计划 / 展望 heading describe intentions, not results."""
        heading = block.location.heading or ""
        return any(cue in heading for cue in self.plans)

    def skip_block(self, block: Block) -> bool:
        return block.kind is BlockKind.HEADING or block.heading_like or self.in_plan_section(block)

    def find(self, sentence: str, taken: list[tuple[int, int]] = ()) -> Claim | None:
        """The first real claim in ``sentence``, outside the spans ``taken`` by emotive-wording
        (大大提高 is reported once, as exaggeration)."""
        if any(cue in sentence for cue in self.plans):
            return None
        bounds = nlp.boundaries(sentence)
        for cue, always in [*((c, True) for c in self.claims), *((c, False) for c in self.changes)]:
            start = sentence.find(cue)
            while start >= 0:
                end = start + len(cue)
                if (
                    (start in bounds or end in bounds)
                    and not any(a < end and start < b for a, b in taken)
                    and (always or self._asserts_change(sentence, start, end))
                    and not self._not_a_claim(sentence, start, end)
                ):
                    # 明显减少: the degree word and the change it qualifies are one claim.
                    following = next((c for c in self.changes if sentence.startswith(c, end)), "")
                    return Claim(cue + following if always else cue, start)
                start = sentence.find(cue, start + 1)
        return None

    def _asserts_change(self, sentence: str, start: int, end: int) -> bool:
        """A change verb claims a result with a degree word before it, or at a clause end."""
        before = sentence[max(0, start - DEGREE_WINDOW) : start]
        after = sentence[end:]
        return (
            any(d in before for d in self.degrees)
            or not after
            or after[0] in _CLAUSE_END
            or after.startswith(self.followers)
        )

    def _not_a_claim(self, sentence: str, start: int, end: int) -> bool:
        before = sentence[max(0, start - NEGATION_WINDOW) : start]
        for compound in self.not_negations:
            before = before.replace(compound, "　" * len(compound))
        if any(n in before for n in self.negations):
            return True
        if sentence[end : end + 1] in ("：", ":"):
            return True  # 突破：… labels an item
        clause_start = 0
        for match in _CLAUSE_BREAK.finditer(sentence, 0, start):
            clause_start = match.end()
        return sentence[clause_start:start].lstrip().startswith(self.purposes)

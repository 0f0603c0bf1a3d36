"""The analysers of a rule pack, built once per process, and the vocabulary jieba is taught.

Adding words to jieba's dictionary changes how it cuts *other* text. Teaching it every word
the pack relies on — element keywords of every category, claim words, lexicon entries — in one
fixed order before any case is segmented makes a case's result independent of which cases the
same process checked before, and so of ``--jobs`` and of what the cache holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from caselint.text import nlp
from caselint.text.claims import ClaimFinder
from caselint.text.quantity import QuantityFinder
from caselint.text.wording import WordingMatcher

if TYPE_CHECKING:
    from caselint.rulepack.pack import RulePack


@dataclass(frozen=True)
class Analysers:
    quantities: QuantityFinder
    wording: WordingMatcher
    claims: ClaimFinder


_built: dict[str, Analysers] = {}


def analysers(pack: RulePack) -> Analysers:
    """The pack's analysers; the first call also teaches jieba the pack's vocabulary."""
    key = pack.digest or str(id(pack))
    if key not in _built:
        data = pack.data
        quantities = QuantityFinder.for_rules(data)
        element_words = [w for category in pack.categories for w in category.dictionary_words()]
        claims = ClaimFinder(data)
        # Words other checks find on word boundaries are kept apart from the lexicon's compounds,
        # so unquantified-claim still finds 显著 in 取得显著成效 and a heading's 成效 is not
        # swallowed by 取得良好成效.
        wording = WordingMatcher(
            pack.wording, quantities, keep_apart=[*data.claim_cues, *element_words]
        )
        nlp.add_words([*element_words, *claims.cues])
        nlp.add_words(wording.dictionary_words)
        _built[key] = Analysers(quantities, wording, claims)
    return _built[key]


def matcher_for(pack: RulePack, quantities: QuantityFinder | None = None) -> WordingMatcher:
    """The pack's wording matcher, built once with the rest of its analysers."""
    return analysers(pack).wording

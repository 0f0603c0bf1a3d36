"""Chinese word segmentation (jieba), loaded only by the checks that need it.

jieba is the segmenter; what changes is how its dictionary is read. By default the tokenizer is
:mod:`caselint.text.dictindex`'s: jieba's own code over a prefix dictionary read from an index
as texts need it (~20 ms to open instead of 0.5–1.4 s and 90 MB to load). The reference — jieba
loading its whole dictionary — is used where no index can be built or read, or when
``CASELINT_SEGMENTER=jieba`` asks for it; both cut every text the same way (a test compares
them on the suite's drafts and on real case text).

Words the rule pack relies on (element keywords, lexicon terms) are added to the dictionary, so
that 下一步 stays one word instead of 及下/一步. They are remembered in order: adding words changes
how jieba cuts other text, and a tokenizer replaced mid-run (a damaged index) is taught the same
words in the same order before it cuts anything.

Cost per call (2-core machine, CPU time, real 详细材料 sentences of ~60 字): ``tokens`` or
``boundaries`` of a text not seen before take ~4.5 µs per character (jieba's cut), plus ~3.5 µs
per character where the text brings bigrams no earlier text had (reading the index) — ~0.3-0.5
ms a sentence. Both are memoised per text (8192 texts): a repeat costs under 1 µs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from caselint.text import dictindex

_tokenizer: Any = None
#: Every ``add_word`` made, in order (repeats included), to replay on a new tokenizer.
_added: list[str] = []
_known: set[str] = set()


def _reference(jieba: Any) -> Any:
    """jieba's tokenizer with its whole dictionary loaded (jieba's own cache in the temp dir)."""
    import warnings

    tokenizer = jieba.Tokenizer()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tokenizer.initialize()
    return tokenizer


def _open(reference: bool) -> Any:
    jieba = dictindex.jieba_module()
    index = None if reference else dictindex.open_index(jieba, dictindex.index_folders())
    tokenizer = _reference(jieba) if index is None else dictindex.indexed_tokenizer(jieba, index)
    for word in _added:
        tokenizer.add_word(word)
    return tokenizer


def _jieba() -> Any:
    global _tokenizer
    if _tokenizer is None:
        _tokenizer = _open(os.environ.get("CASELINT_SEGMENTER", "").lower() == "jieba")
    return _tokenizer


def added_words() -> tuple[str, ...]:
    """Every word added so far, in the order added (repeats included)."""
    return tuple(_added)


def use_reference(reference: bool = True) -> None:
    """Cut with jieba's whole dictionary (True) or through the index (False) from now on; the
    words added so far are taught to the new tokenizer in the same order."""
    global _tokenizer
    _tokenizer = _open(reference)
    tokens.cache_clear()
    boundaries.cache_clear()


def _with_fallback(action: Any) -> Any:
    """Run ``action(tokenizer)``; on a damaged index switch to the reference and run it again."""
    try:
        return action(_jieba())
    except dictindex.DamagedIndex:
        index = getattr(_tokenizer, "index", None)
        if index is not None:
            index.discard()
        use_reference(True)
        return action(_jieba())


def add_words(words: Iterable[str]) -> None:
    """Teach the segmenter multi-character words it must not split (idempotent across calls).

    A word repeated within one call is added each time, as it always was: jieba adds its
    frequency to the total again, and the segmentation the checks were tuned on depends on it.
    """
    new = [w for w in words if len(w) > 1 and w not in _known]
    if not new:
        return
    for word in new:
        _with_fallback(lambda tokenizer, word=word: tokenizer.add_word(word))
        _added.append(word)
        _known.add(word)
    tokens.cache_clear()
    boundaries.cache_clear()


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """``(word, start, end)`` for every word of ``text`` (HMM on, as jieba's default cut)."""
    return _with_fallback(lambda tokenizer: tuple(tokenizer.tokenize(text)))


@lru_cache(maxsize=8192)
def boundaries(text: str) -> frozenset[int]:
    """Offsets where a word starts or ends; a match that does not sit on them cuts a word."""
    found = {0, len(text)}
    for _, start, end in tokens(text):
        found.add(start)
        found.add(end)
    return frozenset(found)

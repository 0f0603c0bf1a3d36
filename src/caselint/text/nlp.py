"""Chinese word segmentation (jieba), loaded only by the checks that need it.

jieba costs about half a second and 90 MB to initialise, so nothing on the ``count`` path
imports this module. Its start-up log is silenced, and setuptools' ``pkg_resources`` (~100 ms
and a deprecation warning) is kept out of its import: they would reach every user. Words the rule pack relies on (element
keywords, lexicon terms) are added to the dictionary, so that 下一步 stays one word instead of
及下/一步.
"""

from __future__ import annotations

import logging
import sys
import warnings
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_tokenizer: Any = None
_added: set[str] = set()


def _import_jieba() -> Any:
    """Import jieba without setuptools' ``pkg_resources``.

    jieba only uses ``pkg_resources`` to open its dictionary if it is importable, and falls back
    to a plain file path otherwise. Importing it costs ~100 ms and a deprecation warning, so it
    is hidden for the duration of the import (unless something already imported it).
    """
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    return jieba


def _jieba() -> Any:
    global _tokenizer
    if _tokenizer is None:
        jieba = _import_jieba()

        jieba.setLogLevel(logging.WARNING)
        logging.getLogger("jieba").setLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tokenizer.initialize()
        _tokenizer = tokenizer
    return _tokenizer


def add_words(words: Iterable[str]) -> None:
    """Teach the segmenter multi-character words it must not split (idempotent)."""
    new = [w for w in words if len(w) > 1 and w not in _added]
    if not new:
        return
    tokenizer = _jieba()
    for word in new:
        tokenizer.add_word(word)
        _added.add(word)
    tokens.cache_clear()


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """``(word, start, end)`` for every word of ``text`` (HMM on, as jieba's default cut)."""
    return tuple(_jieba().tokenize(text))


def boundaries(text: str) -> frozenset[int]:
    """Offsets where a word starts or ends; a match that does not sit on them cuts a word."""
    found = {0, len(text)}
    for _, start, end in tokens(text):
        found.add(start)
        found.add(end)
    return frozenset(found)

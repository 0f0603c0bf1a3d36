"""The phrase templates of a wording lexicon: phrases with words in between, as data.

A reviewer hears 奏响…强音 whatever stands between, and 强烈反响 and 反响强烈 alike. The pack
says so in a small template language that people who are not programmers can write:

``…``
    a gap of up to the class's ``gap`` characters, never across a sentence end (。！？；);
``{a|b|c}``
    one of the alternatives (an empty one, ``{了|}``, makes the slot optional);
``A⇄B``
    A and B in either order, at most :data:`SWAP_GAP` characters apart.

Everything else is literal text. A template compiles to one or two :class:`CompiledPhrase`, each
a regular expression and the literal *anchors* it can start with, so a matcher finds every
template in the same single pass over the text that finds its plain terms. The expression is
compiled the first time an anchor is found: most texts meet few of a pack's templates, and
compiling them all would cost every run more than matching does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

GAP_CHARS = "[^。！？；;!?\\n]"
SWAP_GAP = 4
SWAP = "⇄"
GAP = "…"


class PhraseError(ValueError):
    """A template the pack cannot hold: unbalanced braces, an empty start, a nested swap."""


@dataclass(frozen=True)
class CompiledPhrase:
    source: str
    anchors: tuple[str, ...]
    pattern: str

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.pattern)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE if _has_ascii_letter(pattern) else 0)


def _has_ascii_letter(pattern: str) -> bool:
    return any("a" <= c.lower() <= "z" for c in pattern.replace("\\n", ""))


def _tokens(template: str) -> list[tuple[str, tuple[str, ...]]]:
    """``(kind, values)`` pieces: ("lit", (text,)), ("alt", options) or ("gap", ())."""
    pieces: list[tuple[str, tuple[str, ...]]] = []
    i = 0
    literal = ""
    while i < len(template):
        char = template[i]
        if char in "{}" or char == GAP:
            if literal:
                pieces.append(("lit", (literal,)))
                literal = ""
            if char == "}":
                raise PhraseError("“}” without “{”")
            if char == GAP:
                pieces.append(("gap", ()))
                i += 1
                continue
            end = template.find("}", i)
            if end < 0:
                raise PhraseError("“{” without “}”")
            options = tuple(template[i + 1 : end].split("|"))
            if "{" in template[i + 1 : end] or GAP in template[i + 1 : end]:
                raise PhraseError("alternatives hold plain text only")
            pieces.append(("alt", options))
            i = end + 1
            continue
        literal += char
        i += 1
    if literal:
        pieces.append(("lit", (literal,)))
    return pieces


def _compile_one(template: str, gap: int) -> CompiledPhrase:
    pieces = _tokens(template)
    if not pieces or pieces[0][0] == "gap" or any(v == "" for v in pieces[0][1]):
        raise PhraseError("a template must start with text (its anchor)")
    if pieces[-1][0] == "gap":
        raise PhraseError("a template must end with text")
    parts = []
    for kind, values in pieces:
        if kind == "lit":
            parts.append(re.escape(values[0]))
        elif kind == "alt":
            ordered = sorted(values, key=len, reverse=True)
            parts.append("(?:" + "|".join(re.escape(v) for v in ordered) + ")")
        else:
            parts.append(f"{GAP_CHARS}{{0,{gap}}}?")
    anchors = tuple(sorted(set(pieces[0][1]), key=len, reverse=True))
    return CompiledPhrase(template, anchors, "".join(parts))


def compile_phrase(template: str, gap: int) -> list[CompiledPhrase]:
    """The expressions a template stands for (two for ``A⇄B``: A…B and B…A)."""
    if template.count(SWAP) > 1:
        raise PhraseError("at most one “⇄” per template")
    if SWAP in template:
        left, right = template.split(SWAP)
        if not left or not right or GAP in left or GAP in right:
            raise PhraseError("“⇄” joins two plain pieces")
        joined = f"{{0,{SWAP_GAP}}}"
        return [
            _compile_swapped(left, right, joined, template),
            _compile_swapped(right, left, joined, template),
        ]
    return [_compile_one(template, gap)]


def _compile_swapped(first: str, second: str, joined: str, source: str) -> CompiledPhrase:
    head = _compile_one(first, 1)
    tail = _compile_one(second, 1)
    return CompiledPhrase(source, head.anchors, f"{head.pattern}{GAP_CHARS}{joined}?{tail.pattern}")

"""``caselint: ignore W001 原因：引用第三方榜单`` — a finding accepted where it is, and why.

The same words are read from a Markdown comment, a Word comment and (without the
``caselint: ignore`` prefix) an entry of a case.toml ``ignore`` list. Rules are named by code or
name, several separated by spaces, commas or 、; what follows them is the reason, with an
optional label (原因：, 理由：, reason:). A token shaped like a code that names no rule
(``W999``) is kept as unknown, so a typo is reported instead of silently accepting nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from caselint.core.codes import BY_NAME, lookup

_PREFIX = re.compile(r"^\s*caselint\s*[:：]\s*ignore(?![A-Za-z-])", re.IGNORECASE)
_CODE = re.compile(r"[A-Za-z]\d{3}(?![A-Za-z0-9])")
_NAME = re.compile(r"[a-z]+(?:-[a-z]+)+")
_SEPARATORS = " \t\r\n,，、;；"
_REASON_LEAD = re.compile(
    r"^[\s:：\-—–=|｜]*(?:(?:原因|理由|说明|备注|reason|because)\s*[:：]?)?[\s:：\-—–]*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Directive:
    """The rules a suppression names (by rule name), the unknown ones, and its reason."""

    rules: tuple[str, ...]
    unknown: tuple[str, ...] = ()
    reason: str | None = None


def is_directive(text: str) -> bool:
    """Whether a comment's text is a ``caselint: ignore`` suppression."""
    return bool(_PREFIX.match(text))


def parse_directive(text: str) -> Directive | None:
    """The suppression a comment holds, or None when it is no ``caselint: ignore`` comment."""
    match = _PREFIX.match(text)
    if match is None:
        return None
    return parse_entry(text[match.end() :])


def parse_entry(text: str) -> Directive:
    """Rules then reason: ``W001 emotive-wording 原因：…`` (no ``caselint: ignore`` prefix)."""
    rules: list[str] = []
    unknown: list[str] = []
    position = 0
    while True:
        while position < len(text) and text[position] in _SEPARATORS:
            position += 1
        code = _CODE.match(text, position)
        if code is not None:
            rule = lookup(code.group())
            if rule is None:
                unknown.append(code.group().upper())
            elif rule.name not in rules:
                rules.append(rule.name)
            position = code.end()
            continue
        name = _NAME.match(text, position)
        if name is not None and name.group() in BY_NAME:
            if name.group() not in rules:
                rules.append(name.group())
            position = name.end()
            continue
        break
    reason = _REASON_LEAD.sub("", text[position:], count=1).strip()
    return Directive(tuple(rules), tuple(unknown), reason or None)

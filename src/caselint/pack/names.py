"""Bundle names every file system accepts and no metadata value can steer out of the output folder.

A name comes from the pack's pattern (``{province}-{unit}-{case_name}``) filled with case
metadata, which is untrusted: a 申报单位 of ``../x``, ``a:b`` or ``CON`` must neither climb out of
OUTDIR nor produce a folder Windows refuses. The whole name is therefore cleaned after the
pattern is filled, for the strictest file system a bundle travels to (a Windows share, a zip
opened in Explorer): ``\\ / : * ? " < > |``, control and invisible format characters (a
right-to-left override can disguise a name) become ``_``; leading dots (hidden files, ``..``)
and trailing dots and spaces (Windows drops them) go; a reserved device name (CON, NUL, COM1 …,
with any extension) gets a ``_``; the length is capped in characters and, for Linux and macOS, in
UTF-8 bytes. The pattern itself is data too: only plain field names are allowed, never format
specs or attribute access (``{case_name.__class__}``).
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from caselint.cases.metadata import normalize
from caselint.core.i18n import Catalog, Lang, join_list, render
from caselint.pack.errors import PackError
from caselint.rulepack.pack import RulePack

REPLACEMENT = "_"
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_DEVICES = ("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$")
#: Device names Windows reserves in every folder, with or without an extension.
RESERVED = frozenset(
    [*_DEVICES, *(f"{port}{n}" for port in ("COM", "LPT") for n in "0123456789¹²³")]
)
#: The longest name ext4 and APFS take, in UTF-8 bytes (NTFS: 255 UTF-16 units, never less).
MAX_NAME_BYTES = 255
#: Room left for the longest suffix a bundle name gets (``-99`` and ``.zip``, or the report's
#: ``.检查报告.md``, 16 bytes).
SUFFIX_ROOM = 24
#: Placeholders that are not metadata fields.
EXTRA_FIELDS = ("id", "year")

MESSAGES: Catalog = {
    "bad-pattern": {
        "zh": "命名规则无效：{pattern}（{reason}）",
        "en": "invalid name pattern: {pattern} ({reason})",
    },
    "spec": {
        "zh": "占位符只能是字段名，如 {{province}}，不能带格式或属性：{{{field}}}",
        "en": "placeholders are plain field names such as {{province}}, without format or attributes: {{{field}}}",
    },
    "unknown": {
        "zh": "未知字段 {field}，可用：{known}",
        "en": "unknown field {field}; known: {known}",
    },
    "empty": {"zh": "没有任何占位符", "en": "no placeholder"},
}


def pattern_fields(pattern: str, pack: RulePack, lang: Lang) -> list[str]:
    """The canonical metadata keys a pattern uses (Chinese labels allowed: ``{省份}``)."""
    known = _known_fields(pack)
    fields: list[str] = []
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise _bad(pattern, str(exc), lang) from exc
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion or not name or any(c in name for c in ".[]"):
            raise _bad(pattern, render(MESSAGES, "spec", lang, field=name), lang)
        key = canonical_key(name, pack)
        if key not in known:
            listing = join_list(sorted(known), lang)
            raise _bad(pattern, render(MESSAGES, "unknown", lang, field=name, known=listing), lang)
        fields.append(key)
    if not fields:
        raise _bad(pattern, render(MESSAGES, "empty", lang), lang)
    return fields


def canonical_key(name: str, pack: RulePack) -> str:
    """``省份`` → ``province``: the spellings metadata accepts are accepted in patterns too."""
    return next(iter(normalize({name: "x"}, pack)), name)


def _known_fields(pack: RulePack) -> set[str]:
    keys = {f.key for f in pack.metadata.fields} if pack.metadata else set()
    return keys | {"case_name", "unit", "province", "category", *EXTRA_FIELDS}


def _bad(pattern: str, reason: str, lang: Lang) -> PackError:
    return PackError(
        render(MESSAGES, "bad-pattern", lang, pattern=pattern, reason=reason), usage=True
    )


def fill_pattern(pattern: str, values: Mapping[str, Any], pack: RulePack) -> str:
    """The pattern with each placeholder replaced by its value (lists joined with 、).

    Substitution is done here rather than by ``str.format``: values are never interpreted, and
    the pattern was validated by :func:`pattern_fields`.
    """
    out: list[str] = []
    for literal, name, _, _ in string.Formatter().parse(pattern):
        out.append(literal)
        if name is not None:
            value = values.get(canonical_key(name, pack), "")
            if isinstance(value, (list, tuple)):
                value = "、".join(str(v) for v in value)
            out.append(str(value))
    return "".join(out)


def safe_name(text: str, max_length: int) -> str:
    """``text`` as one Windows-safe path component (see the module docstring)."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(REPLACEMENT if _unsafe(ch) else ch for ch in text)
    text = " ".join(text.split())
    text = _truncate(text.lstrip(". "), max_length).rstrip(". ")
    if not text:
        return REPLACEMENT
    stem, dot, rest = text.partition(".")
    if stem.rstrip(" ").upper() in RESERVED:
        text = f"{stem}{REPLACEMENT}{dot}{rest}"
    return text


def _unsafe(char: str) -> bool:
    if _FORBIDDEN.match(char):
        return True
    category = unicodedata.category(char)
    # Cf: format characters (bidi overrides, zero-width joiners); Cs/Co/Cn: no character at all.
    return category in ("Cf", "Cs", "Co", "Cn") or (category == "Cc")


def _truncate(text: str, max_length: int) -> str:
    """At most ``max_length`` characters and ``MAX_NAME_BYTES - SUFFIX_ROOM`` UTF-8 bytes."""
    text = text[: max(1, max_length)]
    budget = MAX_NAME_BYTES - SUFFIX_ROOM
    while len(text.encode("utf-8")) > budget:
        text = text[:-1]
    return text


def unique(name: str, taken: Iterable[str], max_length: int) -> str:
    """``name``, or ``name-2``, ``name-3`` … when it clashes with a name already taken.

    A bundle is a folder ``name`` and a zip ``name.zip``: both must be free, so a case named
    ``X.zip`` beside a case named ``X`` gets another name. Windows and macOS folders are
    case-insensitive: ``A`` and ``a`` would be one bundle.
    """
    used = {t.casefold() for t in taken}

    def free(candidate: str) -> bool:
        return candidate.casefold() not in used and f"{candidate}.zip".casefold() not in used

    if free(name):
        return name
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = safe_name(name[: max(1, max_length - len(suffix))], max_length) + suffix
        if free(candidate):
            return candidate
        n += 1

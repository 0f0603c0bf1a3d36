"""The shape of an acceptance written in TOML: case.toml's ``ignore``, caselint.toml's ``accept``.

An entry is a string, ``"W001 原因：引用第三方榜单"`` (rules, then the reason), or a table
``{ rule = "W001", reason = "…", part = "详细材料", text = "全国领先" }`` whose keys may also be
written in Chinese. case.toml reads its entries leniently (a bad one is reported as a finding
of the case); caselint.toml validates them on load (:func:`entry_problem`), since one bad entry
there concerns every case. Kept free of pydantic and of rule parsing: both callers add theirs.
"""

from __future__ import annotations

from typing import Any

from caselint.core.model import PartName

RULE_KEYS = ("rule", "rules", "规则")
REASON_KEYS = ("reason", "原因", "理由")
PART_KEYS = ("part", "部分")
TEXT_KEYS = ("text", "文字")
TABLE_KEYS = (*RULE_KEYS, *REASON_KEYS, *PART_KEYS, *TEXT_KEYS)

#: How an entry may name a part.
PART_WORDS: dict[str, PartName] = {
    "summary": "summary",
    "detailed": "detailed",
    "综合材料": "summary",
    "详细材料": "detailed",
}

SHAPE_HINT = '"W001 原因：……" 或 { rule = "W001", reason = "……" }'
SHAPE_HINT_EN = '"W001 reason" or { rule = "W001", reason = "…" }'


def first(table: dict[str, Any], keys: tuple[str, ...]) -> Any:
    """The value of the first of ``keys`` the table has (None if none)."""
    return next((table[k] for k in keys if k in table), None)


def part_of(value: Any) -> PartName | None:
    return PART_WORDS.get(str(value).strip()) if value is not None else None


def entry_problem(entry: Any) -> tuple[str, str] | None:
    """What makes ``entry`` unusable as an acceptance (Chinese, English); None when its shape is
    right. Whether the rules it names exist is judged when it is applied: a typo is reported like
    an unknown rule in a comment (``unused-suppression``)."""
    if isinstance(entry, str):
        if entry.strip():
            return None
        return f"不能为空，应写成 {SHAPE_HINT}", f"is empty; write {SHAPE_HINT_EN}"
    if not isinstance(entry, dict):
        return f"应写成 {SHAPE_HINT}", f"write {SHAPE_HINT_EN}"
    unknown = [str(k) for k in entry if k not in TABLE_KEYS]
    if unknown:
        names = "、".join(unknown)
        return (
            f"未知的键 {names}，可用的键：rule、reason、part、text",
            f"unknown key(s) {', '.join(unknown)}; the keys are rule, reason, part, text",
        )
    for keys in (RULE_KEYS, REASON_KEYS, PART_KEYS, TEXT_KEYS):
        given = [k for k in keys if k in entry]
        if len(given) > 1:
            return f"{' 与 '.join(given)} 只能写一个", f"{' and '.join(given)}: write one"
    rule = first(entry, RULE_KEYS)
    rules = rule if isinstance(rule, list) else [rule]
    if rule is None or not rules or not all(isinstance(r, str) and r.strip() for r in rules):
        return (
            '缺少 rule（规则代码或名称，如 rule = "W001"，多条写成列表）',
            'no rule (a rule code or name, rule = "W001", or a list of them)',
        )
    for keys, what in ((REASON_KEYS, "reason"), (TEXT_KEYS, "text")):
        value = first(entry, keys)
        if value is not None and not isinstance(value, str):
            return f"{what} 应为字符串", f"{what} must be a string"
    part = first(entry, PART_KEYS)
    if part is not None and part_of(part) is None:
        words = "、".join(PART_WORDS)
        return (
            f"part 应为 {words} 之一：{part}",
            f"part must be one of {', '.join(PART_WORDS)}: {part}",
        )
    return None

"""Case metadata (案例名称, 申报单位, 类别 …) under canonical keys, whatever language it came in.

Metadata never lives in the body of a draft (it would be counted and uploaded): it comes from
Markdown front matter, a ``case.toml`` / ``case.yaml`` beside the files, or a .docx's custom
document properties. Keys may be Chinese or English (案例名称 / case_name); the pack's form
fields list the accepted spellings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from caselint.cases.case import Case
    from caselint.rulepack.pack import FormField, RulePack


FALLBACK_FIELDS = {
    "case_name": ("案例名称",),
    "category": ("类别", "申报类别"),
    "unit": ("申报单位",),
    "province": ("省份",),
}


def _spellings(pack: RulePack) -> dict[str, str]:
    """Every accepted key spelling (case-folded, spaces removed) → canonical key."""
    table: dict[str, str] = {}
    fields: list[FormField] = pack.metadata.fields if pack.metadata else []
    for field in fields:
        for spelling in (field.key, field.label, *field.aliases):
            table[_fold(spelling)] = field.key
    for key, labels in FALLBACK_FIELDS.items():
        for spelling in (key, *labels):
            table.setdefault(_fold(spelling), key)
    return table


def _fold(key: str) -> str:
    return "".join(str(key).split()).replace("-", "_").casefold()


def normalize(raw: dict[str, Any], pack: RulePack) -> dict[str, Any]:
    """Map known spellings to canonical keys; unknown keys are kept as they were written."""
    spellings = _spellings(pack)
    out: dict[str, Any] = {}
    for key, value in raw.items():
        canonical = spellings.get(_fold(key), str(key))
        if isinstance(value, str):
            value = value.strip()
        if value in ("", None):
            continue
        out.setdefault(canonical, value)
    return out


def case_metadata(case: Case, pack: RulePack) -> dict[str, Any]:
    """A case's metadata under canonical keys: the documents' own (front matter, custom
    properties), then the sidecar file over them, whatever spelling each source used."""
    merged: dict[str, Any] = {}
    for document in case.documents:
        merged.update(normalize(document.metadata, pack))
    merged.update(normalize(case.input.metadata, pack))
    return merged


def truthy(value: Any) -> bool:
    """推荐: 是 / yes / true / 1 / ✓."""
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("是", "yes", "y", "true", "1", "√", "✓", "推荐", "x")

"""Messages in Simplified Chinese first, English with ``--lang en``.

Each module keeps the messages it emits next to its code, as a catalog
``{key: {"zh": ..., "en": ...}}`` of ``str.format`` templates, and renders them with the
language of the run.
"""

from __future__ import annotations

from typing import Any, Literal

Lang = Literal["zh", "en"]

#: How severities read in each language (reports, comments, the workbook, the CLI).
SEVERITY_LABELS: dict[Lang, dict[str, str]] = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}

Catalog = dict[str, dict[str, str]]


def render(catalog: Catalog, key: str, lang: Lang, /, **params: Any) -> str:
    """Format one catalog entry in ``lang`` (Chinese when a translation is missing)."""
    entry = catalog[key]
    return (entry.get(lang) or entry["zh"]).format(**params)


def join_list(items: list[str], lang: Lang) -> str:
    """Join names the way each language lists them: 、 in Chinese, commas in English."""
    return ("、" if lang == "zh" else ", ").join(items)


def quoted(name: str) -> str:
    """A name in quotes as Chinese typesetting does it (GB/T 15834): “name”; quotes inside it
    become single quotes (“‘广电+农业’数据服务平台”); a title already in 《》 stays as it is."""
    text = str(name).strip()
    if text.startswith("《") and text.endswith("》") and text.count("《") == 1:
        return text
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"

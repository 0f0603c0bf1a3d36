"""Case metadata as the files of a bundle can hold it, and a finding for every change made.

Metadata is typed or pasted by people: a 案例名称 copied from a web page can carry control
characters, a U+FFFE from a broken converter, or run to 300 characters. python-docx refuses to
write any of these into a .docx (the 申请表, the part files' titles), which used to fail the
whole pack with an internal error. Here every text value written into a document loses the
characters XML and Word cannot hold, and a document title is cut to Word's 255-character
limit; each change is an info finding (``metadata-adjusted``), so the bundle says what it did.
The manifest keeps the values as they were written (JSON holds any character).
"""

from __future__ import annotations

from typing import Any

from caselint.core.codes import finding
from caselint.core.i18n import Catalog, Lang, render
from caselint.core.model import Finding
from caselint.core.xmltext import plain_text

#: Word's limit for a core property such as the title (python-docx enforces it).
MAX_TITLE = 255

MESSAGES: Catalog = {
    "cleaned": {
        "zh": "案例信息“{field}”中有 {n} 个控制字符或无法写入 Word 文档的字符，写入申请表时已删除",
        "en": "{n} control or non-XML character(s) removed from the metadata field “{field}” "
        "written into the form",
    },
    "title": {
        "zh": "文档标题“{title}…”超过 Word 的 {limit} 个字符上限，已截断（申请表中的案例名称不变）",
        "en": "the document title “{title}…” exceeds Word's {limit}-character limit and was cut "
        "(the case name in the form is unchanged)",
    },
}


def fit_values(
    values: dict[str, Any], labels: dict[str, str], lang: Lang
) -> tuple[dict[str, Any], list[Finding]]:
    """``values`` with every text (lists included) made writable, and a finding per field
    (named by its label in ``labels`` in Chinese runs, by its key in English ones)."""
    fitted: dict[str, Any] = {}
    findings: list[Finding] = []
    for key, value in values.items():
        if isinstance(value, str):
            new: Any = plain_text(value)
            removed = len(value) - len(new)
        elif isinstance(value, (list, tuple)):
            items = [plain_text(v) if isinstance(v, str) else v for v in value]
            removed = sum(
                len(a) - len(b) for a, b in zip(value, items, strict=True) if isinstance(a, str)
            )
            new = type(value)(items)
        else:
            new, removed = value, 0
        fitted[key] = new
        if removed:
            field = labels.get(key, key) if lang == "zh" else key
            message = render(MESSAGES, "cleaned", lang, field=field, n=removed)
            findings.append(finding("metadata-adjusted", message))
    return fitted, findings


def fit_title(title: str) -> str:
    """A document title Word accepts: writable characters, at most :data:`MAX_TITLE` of them."""
    return plain_text(title)[:MAX_TITLE]


def title_finding(title: str, lang: Lang) -> Finding | None:
    """The ``metadata-adjusted`` finding when ``title`` had to be cut, else None."""
    if len(plain_text(title)) <= MAX_TITLE:
        return None
    shown = plain_text(title)[:20]
    return finding(
        "metadata-adjusted", render(MESSAGES, "title", lang, title=shown, limit=MAX_TITLE)
    )

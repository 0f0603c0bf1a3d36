"""``caselint new``: start a draft of a category that already has the shape reviewers look for.

:func:`outline.build <caselint.template.outline.build>` decides what a draft holds (from the
rule pack); :mod:`~caselint.template.markdown` and :mod:`~caselint.template.word` write it, each
putting the guidance where caselint never reads it. :func:`new_draft` is the library entry point.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from caselint.rulepack.pack import Category, RulePack
from caselint.template import outline

Format = Literal["docx", "md"]


class UnknownCategoryError(ValueError):
    """The category asked for is none of the pack's (by id, name or alias)."""

    def __init__(self, name: str, choices: list[str]) -> None:
        super().__init__(name)
        self.name = name
        self.choices = choices


def find_category(pack: RulePack, name: str) -> Category:
    """The pack's category named ``name`` (id, name or alias such as 体制机制改革)."""
    category = pack.category(name)
    if category is None:
        raise UnknownCategoryError(name, [c.name for c in pack.categories])
    return category


def new_draft(
    pack: RulePack, category: str, fmt: Format = "docx", *, when: dt.datetime | None = None
) -> bytes:
    """The bytes of a new draft of ``category`` in ``fmt`` (.docx or Markdown, UTF-8)."""
    template = outline.build(pack, find_category(pack, category))
    if fmt == "md":
        from caselint.template.markdown import render

        return render(template).encode("utf-8")
    from caselint.template.word import render as render_docx

    return render_docx(template, pack.bundle.layout, when)

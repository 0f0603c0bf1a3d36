"""Which of the pack's categories a case was written for, and where that was said.

Sources, first found wins: ``--category``; the case metadata (类别 / category); a title line
naming a category (「融合生产传播类」, the full name or an alias followed by 类); the folder and
file names, by the same rule. A value that was given but names no category is kept as the claim,
so ``category-unknown`` can quote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from caselint.cases.case import Case
from caselint.cases.metadata import case_metadata
from caselint.core.model import BlockKind, Story
from caselint.rulepack.pack import Category, RulePack

TITLE_BLOCKS = 6
MAX_TITLE_CHARS = 80


@dataclass(frozen=True)
class Resolution:
    category: Category | None
    claimed: str | None = None
    source: str | None = None


def _named_in(text: str, pack: RulePack) -> Category | None:
    """A category named in free text: its full name, or an alias followed by 类."""
    compact = "".join(text.split())
    for category in pack.categories:
        if category.name in compact:
            return category
        if any(f"{alias}类" in compact for alias in category.aliases):
            return category
    return None


def _title_lines(case: Case) -> list[str]:
    """The title property, the first line, and heading lines near the top — never body text:
    「依托前期新媒体平台建设成果……」 in a paragraph says nothing of the case's category."""
    lines: list[str] = []
    for document in case.documents:
        lines.extend(document.properties.get(k, "") for k in ("title", "subject"))
        main = [b for b in document.blocks if b.story is Story.MAIN and b.text.strip()]
        for index, block in enumerate(main[:TITLE_BLOCKS]):
            if index == 0 or block.heading_like or block.kind is BlockKind.HEADING:
                lines.append(block.display_text)
    return [line for line in lines if line and len(line) <= MAX_TITLE_CHARS]


def resolve(case: Case, pack: RulePack, explicit: str | None = None) -> Resolution:
    if explicit:
        return Resolution(pack.category(explicit), explicit, "option")
    claimed = case_metadata(case, pack).get("category")
    if claimed:
        return Resolution(pack.category(str(claimed)), str(claimed), "metadata")
    for line in _title_lines(case):
        found = _named_in(line, pack)
        if found:
            return Resolution(found, None, "title")
    names: list[str] = [p.stem for p in case.input.files]
    folder = case.input.folder or (case.input.files[0].parent if case.input.files else None)
    if folder is not None:
        names.extend(part for part in Path(folder).parts[-2:])
    for name in names:
        found = _named_in(name, pack)
        if found:
            return Resolution(found, None, "path")
    return Resolution(None)

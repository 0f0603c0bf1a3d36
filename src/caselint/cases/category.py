"""Which of the pack's categories a case was written for, and where that was said.

Sources, first found wins: ``--category``; the case metadata, including the draft's own
opening lines (申报类别：…, see :mod:`metadata`); a title line naming a category; the folder
and file names; last, the text itself (:mod:`inference`). A category is named by its full
name, an alias (体制机制改革 is 创新发展机制), an alias followed by 类, or — in a title or a
name — an unambiguous part of a name (全媒体协同生产传播 names 融合生产传播: 生产传播 belongs to
no other category). A value that was given but names no category is kept as the claim, so
``category-unknown`` can quote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from caselint.cases.case import Case
from caselint.cases.inference import Inference, infer
from caselint.cases.metadata import Source, case_info, document_title
from caselint.core.model import BlockKind, Story
from caselint.rulepack.pack import Category, RulePack

TITLE_BLOCKS = 6
MAX_TITLE_CHARS = 80
#: The shortest part of a category name that may name it alone (生产传播, 信息服务).
MIN_PARTIAL = 4


@dataclass(frozen=True)
class Resolution:
    category: Category | None
    claimed: str | None = None
    source: Source | None = None
    #: The text's reading, when the category was inferred or could not be determined.
    inference: Inference | None = None
    #: The categories a value names when it names more than one (新媒体平台建设、综合信息服务).
    several: tuple[Category, ...] = ()

    @property
    def inferred(self) -> bool:
        return self.source is not None and self.source.kind == "inferred"


_partial_names: dict[str, dict[str, Category]] = {}


def _partials(pack: RulePack) -> dict[str, Category]:
    """Parts of category names (≥ MIN_PARTIAL characters) that no other category's names hold
    (computed once per pack)."""
    key = pack.digest or str(id(pack))
    if key not in _partial_names:
        _partial_names[key] = _build_partials(pack)
    return _partial_names[key]


def _build_partials(pack: RulePack) -> dict[str, Category]:
    owners: dict[str, set[str]] = {}
    for category in pack.categories:
        for name in category.names:
            for size in range(MIN_PARTIAL, len(name) + 1):
                for start in range(len(name) - size + 1):
                    owners.setdefault(name[start : start + size], set()).add(category.id)
    by_id = {c.id: c for c in pack.categories}
    return {part: by_id[next(iter(ids))] for part, ids in owners.items() if len(ids) == 1}


def named_in(text: str, pack: RulePack, *, partial: bool = False) -> Category | None:
    """A category named in free text: its full name, or an alias followed by 类; with
    ``partial``, also an unambiguous part of a name (only one category may be named)."""
    compact = "".join(text.split())
    for category in pack.categories:
        if category.name in compact:
            return category
        if any(f"{alias}类" in compact for alias in category.aliases):
            return category
    if not partial:
        return None
    found = {c.id: c for part, c in _partials(pack).items() if part in compact}
    return next(iter(found.values())) if len(found) == 1 else None


def categories_named(text: str, pack: RulePack) -> tuple[Category, ...]:
    """Every category a value names by its full name or an alias (in the order written):
    「新媒体平台建设、综合信息服务」 names two, and a case may be submitted under one only."""
    compact = "".join(text.split())
    found: list[tuple[int, Category]] = []
    for category in pack.categories:
        spots = [compact.find(name) for name in category.names if name in compact]
        if spots:
            found.append((min(spots), category))
    return tuple(category for _, category in sorted(found, key=lambda item: item[0]))


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


def _path_names(case: Case) -> list[str]:
    names: list[str] = [p.stem for p in case.input.files]
    folder = case.input.folder or (case.input.files[0].parent if case.input.files else None)
    if folder is not None:
        names.extend(part for part in Path(folder).parts[-2:])
    return names


def _texts(case: Case) -> tuple[str, str]:
    """(title and headings, body) of every document of the case, for inference."""
    heads: list[str] = []
    body: list[str] = []
    for document in case.documents:
        for block in document.blocks:
            if block.story is not Story.MAIN:
                continue
            if block.heading_like or block.kind is BlockKind.HEADING:
                heads.append(block.text)
            else:
                body.append(block.text)
    return "\n".join(heads), "\n".join(body)


def resolve(case: Case, pack: RulePack, explicit: str | None = None) -> Resolution:
    if explicit:
        return Resolution(pack.category(explicit), explicit, Source("option"))
    info = case_info(case, pack)
    claimed = info.values.get("category")
    if claimed:
        text = str(claimed)
        several = categories_named(text, pack)
        if len(several) > 1:
            source = info.sources.get("category")
            return Resolution(None, text, source, _inference(case, pack), several)
        found = pack.category(text) or named_in(text, pack, partial=True)
        if found is not None:
            return Resolution(found, text, info.sources.get("category"))
        return Resolution(None, text, info.sources.get("category"), _inference(case, pack))
    for line in _title_lines(case):
        found = named_in(line, pack)
        if found:
            return Resolution(found, None, Source("title"))
    titles = [document_title(d, pack) or "" for d in case.documents]
    for line in titles:
        found = named_in(line, pack, partial=True)
        if found:
            return Resolution(found, None, Source("title"))
    for name in _path_names(case):
        found = named_in(name, pack, partial=True)
        if found:
            return Resolution(found, None, Source("path"))
    inference = _inference(case, pack)
    if inference is not None and inference.confident and inference.best is not None:
        return Resolution(inference.best.category, None, Source("inferred"), inference)
    return Resolution(None, None, None, inference)


def _inference(case: Case, pack: RulePack) -> Inference | None:
    if not case.documents:
        return None
    heads, body = _texts(case)
    return infer(heads, body, pack)


_shared: dict[str, Category] = {}


def _overlap(a: list[str], b: list[str]) -> float:
    left, right = set(a), set(b)
    return len(left & right) / len(left | right) if left | right else 0.0


def shared_elements(pack: RulePack) -> Category:
    """The elements every category asks for alike, as one category to check an unknown case by.

    Element ``n`` is shared when its keywords overlap enough in every pair of categories
    (``[category_inference] shared_element_overlap``): 总体情况, 做法, 成效 and 问题 are; 4 and 6
    differ (借鉴 vs 可持续运营, 经验启示 vs 发展计划). A shared element matches the keywords of
    all categories; its title is the first category's.
    """
    key = pack.digest or str(id(pack))
    if key in _shared:
        return _shared[key]
    from caselint.rulepack.pack import Element

    threshold = pack.category_inference.shared_element_overlap
    first = pack.categories[0]
    elements = []
    for element in first.elements:
        same = [next((e for e in c.elements if e.n == element.n), None) for c in pack.categories]
        if any(e is None for e in same):
            continue
        found = [e for e in same if e is not None]
        if all(_overlap(a.keywords, b.keywords) >= threshold for a in found for b in found):
            elements.append(
                Element.model_construct(
                    **{
                        **element.model_dump(),
                        "keywords": _union(e.keywords for e in found),
                        "related": _union(e.related for e in found),
                        "detail_cues": _union(e.detail_cues for e in found),
                    }
                )
            )
    shared = Category.model_construct(
        **{**first.model_dump(), "id": "shared", "name": "", "aliases": [], "elements": elements}
    )
    _shared[key] = shared
    return shared


def _union(lists) -> list[str]:
    out: dict[str, None] = {}
    for words in lists:
        out.update(dict.fromkeys(words))
    return list(out)

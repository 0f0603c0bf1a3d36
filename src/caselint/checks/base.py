"""What a check sees of a case, and how it reports.

A check is a module with a docstring (its user documentation, shown by ``caselint rules``),
``NAME`` (its rule name in :mod:`caselint.core.codes`), ``EXAMPLES`` (drafts it must flag and drafts
it must pass; the test suite runs them both ways) and ``check(ctx)``, a generator of findings.
Checks never print and never read files: everything they need is on :class:`CaseContext`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from caselint.cases.case import Case, PartText
from caselint.cases.category import Resolution, shared_elements
from caselint.cases.limits import Figure, limited_figure
from caselint.core.codes import BY_NAME, finding
from caselint.core.i18n import Catalog, Lang, render
from caselint.core.model import (
    PART_NAMES,
    Block,
    Counts,
    Document,
    Finding,
    Location,
    PartName,
    Severity,
)
from caselint.rulepack.pack import Category, RulePack
from caselint.text.analysis import analysers
from caselint.text.claims import ClaimFinder
from caselint.text.quantity import QuantityFinder, sentences
from caselint.text.wording import WordingMatcher


@dataclass(frozen=True)
class Example:
    """A draft a check must flag (``fail``) or pass, as Markdown pieces of a compliant case.

    Unset pieces come from the compliant base case of the category (``tests`` build it), so an
    example shows only what matters: a summary without element 5, a sentence with 全国领先.
    """

    note: str
    summary: str | None = None
    detailed: str | None = None
    add_to_detailed: str | None = None
    category: str = "新媒体平台建设"
    front_matter: bool = True


@dataclass(frozen=True)
class Examples:
    fail: tuple[Example, ...]
    pass_: tuple[Example, ...]


#: The six element headings of the 新媒体平台建设 category, as a draft numbers them.
_SUMMARY_HEADINGS = (
    "一、基本情况",
    "二、主要做法",
    "三、取得成效",
    "四、推广价值",
    "五、存在的困难与对策",
    "六、经验启示与下一步打算",
)


def padded_summary(sentence: str, repeat: int) -> str:
    """A complete 综合材料 in Markdown whose every section is ``sentence`` ``repeat`` times.

    Length examples need a summary of a given size that is otherwise compliant.
    """
    sections = (f"## {heading}\n{sentence * repeat}" for heading in _SUMMARY_HEADINGS)
    return "# 综合材料\n" + "\n".join(sections)


class CheckModule(Protocol):
    NAME: str
    EXAMPLES: Examples
    __doc__: str | None

    def check(self, ctx: CaseContext) -> Iterator[Finding]: ...


@dataclass
class CaseContext:
    case: Case
    pack: RulePack
    category: Category | None
    lang: Lang
    scope: str = "inclusive"
    category_claim: str | None = None
    resolution: Resolution | None = None
    _cache: dict[str, Any] = field(default_factory=dict)

    @property
    def elements(self) -> Category | None:
        """The category whose elements are checked: the case's own, or — when it is unknown —
        the elements every category shares (:func:`~caselint.cases.category.shared_elements`)."""
        if self.category is not None:
            return self.category
        if not self.case.documents:
            return None
        return shared_elements(self.pack)

    @property
    def partial_elements(self) -> bool:
        """Only the shared elements are checked (the category is unknown)."""
        return self.category is None and self.elements is not None

    @property
    def parts(self) -> dict[PartName, PartText]:
        return self.case.parts

    def part(self, name: PartName) -> PartText | None:
        return self.case.parts.get(name)

    def part_title(self, name: PartName) -> str:
        return self.pack.parts[name].title if self.lang == "zh" else name

    def t(self, catalog: Catalog, key: str, /, **params: Any) -> str:
        return render(catalog, key, self.lang, **params)

    @property
    def quantities(self) -> QuantityFinder:
        return analysers(self.pack).quantities

    @property
    def wording(self) -> WordingMatcher:
        return analysers(self.pack).wording

    @property
    def claims(self) -> ClaimFinder:
        return analysers(self.pack).claims

    def outline(self, name: PartName):
        """Element headings of a part (computed once per case and part)."""
        key = f"outline:{name}"
        if key not in self._cache:
            from caselint.cases.structure import outline

            part = self.part(name)
            elements = self.elements
            rules = self.pack.structure
            self._cache[key] = outline(part.blocks, elements, rules) if part and elements else None
        return self._cache[key]

    def owner(self, block: Block) -> Document | None:
        """The document a block was read from."""
        for document in self.case.documents:
            if any(b is block for b in document.blocks):
                return document
        return None

    @staticmethod
    def sentence_at(block: Block, offset: int) -> tuple[str, int]:
        """The sentence of ``block`` holding ``offset``, stripped, and where it starts."""
        for sentence in sentences(block.text):
            if sentence.start <= offset < sentence.end:
                text = sentence.text
                lead = len(text) - len(text.lstrip())
                return text.strip(), sentence.start + lead
        text = block.text
        return text.strip(), len(text) - len(text.lstrip())

    def report(
        self,
        rule: str,
        message: str,
        *,
        part: PartName | None = None,
        block: Block | None = None,
        document: Document | None = None,
        start: int | None = None,
        end: int | None = None,
        severity: Severity | None = None,
        **fields: Any,
    ) -> Finding:
        """A finding located at ``block`` (and the span ``start:end`` of its text)."""
        location = Location()
        if block is not None:
            location = replace(block.location, start=start, end=end)
            if document is None:
                document = self.owner(block)
        if document is None and part is not None and self.part(part) is not None:
            file = self.part(part).file  # type: ignore[union-attr]
        else:
            file = document.path if document is not None else None
        if file is None and self.case.input.files:
            file = str(self.case.input.files[0])
        if rule not in BY_NAME:
            raise KeyError(rule)
        return finding(
            rule, message, severity=severity, location=location, file=file, part=part, **fields
        )


@dataclass(frozen=True)
class MeasuredPart:
    name: PartName
    limit: int
    counts: Counts
    figure: Figure


def measured_parts(ctx: CaseContext) -> Iterator[MeasuredPart]:
    """Each part the case has, with its limit and the figure the limit is measured in."""
    for name in PART_NAMES:
        part = ctx.part(name)
        if part is None:
            continue
        counts = part.counts
        figure = limited_figure(counts, ctx.pack.counting, ctx.scope)
        yield MeasuredPart(name, ctx.pack.parts[name].limit, counts, figure)

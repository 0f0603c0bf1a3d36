"""The data every stage hands to the next: documents, counts, findings, cases.

Readers produce a :class:`Document` (ordered :class:`Block` objects). Counting turns blocks into
:class:`Counts`. Checks yield :class:`Finding` objects. Reports dump :class:`Report`. The JSON
field names of ``Counts``, ``Finding``, ``Location``, ``CaseResult`` and ``Report`` are stable API
(see ``docs/json.md``): add fields, never rename them.

These are plain dataclasses, not pydantic models: ``caselint count`` builds them for every run
and pydantic would add ~100 ms of imports and class building to a command that takes less.
Pydantic still validates them where data comes from outside (cache entries) and generates their
JSON Schema (:mod:`caselint.core.serialize`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
PartName = Literal["summary", "detailed"]
PART_NAMES: tuple[PartName, ...] = ("summary", "detailed")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"


class Story(str, Enum):
    """Where a block lives in a Word document; only MAIN is counted by default."""

    MAIN = "main"
    TEXTBOX = "textbox"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    HEADER = "header"
    FOOTER = "footer"
    COMMENT = "comment"


#: Stories that count towards the inclusive count (Word's "包括文本框、脚注和尾注").
INCLUSIVE_STORIES = frozenset({Story.TEXTBOX, Story.FOOTNOTE, Story.ENDNOTE})
#: Stories that are read (for checks and annotation) but never counted.
UNCOUNTED_STORIES = frozenset({Story.HEADER, Story.FOOTER, Story.COMMENT})


@dataclass
class Location:
    """Where a person finds a finding: a Word paragraph or table cell, or a Markdown line.

    ``paragraph`` counts a .docx's body paragraphs from the file's start (tools find it by
    that); ``part_paragraph`` counts them from the start of the part the block belongs to,
    as a person reading 详细材料 counts (Word shows no paragraph numbers).
    """

    paragraph: int | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    start: int | None = None
    end: int | None = None
    heading: str | None = None
    part_paragraph: int | None = None


@dataclass(slots=True)
class Block:
    """One paragraph of a document as its author sees it.

    ``text`` is the visible text without an automatic numbering label; ``label`` holds the label
    Word renders in front of it (``一、``, ``（一）``, ``1.``). ``heading_like`` marks a line the
    structure stage reads as a heading whatever its style (bold, typed 一、). ``ea_hint`` lists
    the offsets in
    ``text`` of ambiguous punctuation (“ ” — …) that the document renders with its East-Asian
    font; ``None`` means the format carries no such information and counting decides from the
    neighbouring characters. ``bold_lead`` is the length of a bold opening of a paragraph
    that is not bold throughout.
    """

    kind: BlockKind
    text: str
    location: Location
    level: int | None = None
    label: str = ""
    story: Story = Story.MAIN
    bold: bool = False
    style: str | None = None
    ea_hint: frozenset[int] | None = None
    heading_like: bool = False
    #: Characters of ``text`` that open it in bold when the rest is not (「**成效。**2024年…」):
    #: a run-in heading drafts mark by weight alone. 0 when none, or when all of it is bold.
    bold_lead: int = 0

    @property
    def display_text(self) -> str:
        """Label and text as printed on the page, used for heading matching."""
        return f"{self.label}{self.text}" if self.label else self.text


@dataclass(slots=True)
class Document:
    """A parsed draft: ordered blocks plus what the file says about itself.

    ``metadata`` holds case metadata the author attached (Markdown front matter, .docx custom
    properties); ``properties`` the file's own core properties (title, author, dates).
    ``sha256`` is the digest of the bytes the document was read from (set by the reader).
    """

    path: str
    format: str
    blocks: list[Block]
    encoding: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    properties: dict[str, str] = field(default_factory=dict)
    metadata_error: str | None = None
    converted_from: str | None = None
    sha256: str | None = None


@dataclass
class Counts:
    """Word-compatible statistics of a text (see ``caselint.text.count``).

    ``inclusive`` holds the same figures with automatic numbering labels, text boxes, footnotes
    and endnotes added, present only when it differs from the main-text figures.
    """

    words: int = 0
    cjk_chars: int = 0
    non_cjk_words: int = 0
    chars_no_spaces: int = 0
    chars_with_spaces: int = 0
    paragraphs: int = 0
    inclusive: Counts | None = None

    def measure(self, name: str, *, inclusive: bool) -> int:
        """The value of one measure, from the inclusive figures when asked and present."""
        source = self.inclusive if inclusive and self.inclusive is not None else self
        return int(getattr(source, name))


@dataclass(kw_only=True)
class Suppression:
    """Why a finding is accepted, and where that is written.

    ``kind``: ``comment`` (a ``caselint: ignore`` comment in the draft, Markdown or Word),
    ``case`` (the ``ignore`` list of the case's case.toml) or ``config`` (an ``accept`` entry
    of caselint.toml, whose ``key`` says which: ``accept[1]``, ``overrides[2].accept[1]``).
    ``reason`` is None when none was given (reported as ``suppression-without-reason``).
    """

    kind: Literal["comment", "case", "config"]
    reason: str | None = None
    file: str | None = None
    location: Location | None = None
    key: str | None = None


@dataclass(kw_only=True)
class Finding:
    """One thing a reviewer would hold against a case. Shared by every command and format.

    ``location.start``/``end`` are offsets of the flagged span in its paragraph's text;
    ``excerpt`` is the sentence around it, starting at offset ``excerpt_offset`` of that text.
    ``cases`` names the cases a finding across cases concerns (quota, re-submission).
    """

    rule: str
    code: str
    severity: Severity
    message: str
    file: str | None = None
    part: PartName | None = None
    element: int | None = None
    dimension: str | None = None
    excerpt: str | None = None
    location: Location = field(default_factory=Location)
    suggestion: str | None = None
    excerpt_offset: int | None = None
    cases: list[str] = field(default_factory=list)
    suppression: Suppression | None = None
    #: Against ``--baseline``: ``new``, ``unchanged`` (recorded there) or ``fixed`` (recorded,
    #: now gone: listed in ``Report.fixed``); None without a baseline.
    baseline: Literal["new", "unchanged", "fixed"] | None = None

    @property
    def active(self) -> bool:
        """Counted, printed and able to fail a run: neither accepted by a suppression nor
        already recorded in the baseline the run compares against."""
        return self.suppression is None and self.baseline in (None, "new")


@dataclass(kw_only=True)
class FileCount:
    """``caselint count`` output for one file."""

    path: str
    encoding: str | None = None
    parts: dict[PartName, Counts | None]
    total: Counts
    findings: list[Finding] = field(default_factory=list)


@dataclass(kw_only=True)
class CountReport:
    files: list[FileCount]


@dataclass(kw_only=True)
class PartResult:
    """A part of a checked case: the figure its limit is measured in, and all its counts."""

    file: str | None = None
    words: int
    limit: int
    measure: str = "words"
    scope: str = "inclusive"
    counts: Counts


@dataclass(kw_only=True)
class ElementResult:
    """Which heading of a part was recognised as which required element."""

    part: PartName
    n: int
    title: str
    heading: str | None = None
    file: str | None = None
    location: Location | None = None
    #: The opening of the paragraph that carries an element without a heading of its own.
    text: str | None = None


@dataclass(kw_only=True)
class CaseResult:
    id: str
    files: list[str]
    category: str | None = None
    parts: dict[PartName, PartResult | None]
    verdict: Literal["pass", "fail"]
    findings: list[Finding] = field(default_factory=list)
    elements: list[ElementResult] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


def at_least(findings: Iterable[Finding], severity: Severity) -> int:
    """How many active ``findings`` are of ``severity`` or worse (``--fail-on``)."""
    floor = SEVERITY_RANK[severity]
    return sum(f.active and SEVERITY_RANK[f.severity] >= floor for f in findings)


@dataclass(kw_only=True)
class Summary:
    cases: int
    errors: int
    warnings: int
    infos: int = 0
    #: Findings accepted by a suppression: kept in the report, not in the counts above.
    suppressed: int = 0
    #: Against ``--baseline``: findings recorded there (kept, not counted above) and recorded
    #: findings now gone (``Report.fixed``).
    unchanged: int = 0
    fixed: int = 0

    def at_least(self, severity: Severity) -> int:
        """How many findings are of ``severity`` or worse (``--fail-on``)."""
        counts = {"error": self.errors, "warning": self.warnings, "info": self.infos}
        return sum(
            n for level, n in counts.items() if SEVERITY_RANK[level] >= SEVERITY_RANK[severity]
        )


@dataclass(kw_only=True)
class Report:
    """``caselint check --format json`` (``schema_version`` changes only on breaking changes)."""

    schema_version: Literal[1] = 1
    rulepack: str
    cases: list[CaseResult]
    findings: list[Finding] = field(default_factory=list)
    summary: Summary
    #: Findings of the ``--baseline`` that this run no longer finds.
    fixed: list[Finding] = field(default_factory=list)

"""A case: its files read, cut into parts, with its metadata and category.

Discovery decides which files form a case (:class:`CaseInput`); :func:`assemble` reads them,
cuts each into its summary and detailed parts and joins the parts across files. A file that
cannot be read becomes an ``unreadable-file`` finding; the rest of the case is still checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caselint.cases.parts import split_document
from caselint.cases.structure import mark_headings
from caselint.core.codes import finding, unreadable_finding
from caselint.core.i18n import Catalog, Lang, join_list, render
from caselint.core.model import PART_NAMES, Block, Counts, Document, Finding, PartName
from caselint.readers import ReadError, read_or_error
from caselint.text.count import count_blocks, sum_counts

if TYPE_CHECKING:
    from caselint.rulepack.pack import RulePack

MESSAGES: Catalog = {
    "unparted": {
        "zh": "{file} 既不是综合材料也不是详细材料（文件名和标题都没有写明），未检查；"
        "如属本案例，请在文件中加“综合材料”或“详细材料”标题，或改文件名",
        "en": "{file} is neither the summary nor the detailed part (neither its name nor a "
        "heading says so) and was not checked; add a 综合材料/详细材料 heading or rename it",
    },
    "part-twice": {
        "zh": "{part}出现在多个文件中：{files}；无法判断以哪个为准（未检查该部分），请只保留一份",
        "en": "the {part} appears in several files: {files}; which one counts is unclear "
        "(that part was not checked); keep only one",
    },
}


@dataclass
class CaseInput:
    """Which files form a case, and the metadata found beside them.

    ``metadata_sha256`` is the digest of the metadata file's bytes that ``metadata`` was parsed
    from (read once, at discovery), so the cache keys a result on what was actually read.
    """

    id: str
    files: list[Path]
    metadata: dict[str, Any] = field(default_factory=dict)
    metadata_file: Path | None = None
    metadata_error: str | None = None
    folder: Path | None = None
    metadata_sha256: str | None = None
    findings: list[Finding] = field(default_factory=list)
    #: The folder the user named, when the case was found in it (cases of one root agree on
    #: a province).
    root: Path | None = None
    #: The 申请表 beside the drafts: read for the case's metadata, never checked.
    form: Path | None = None

    @property
    def inputs(self) -> list[Path]:
        """Every file the case's result depends on: its drafts and its form."""
        return [*self.files, *([self.form] if self.form is not None else [])]


@dataclass
class Segment:
    document: Document
    blocks: list[Block]


@dataclass
class PartText:
    """One part of a case, possibly spread over several files (in file order)."""

    name: PartName
    segments: list[Segment] = field(default_factory=list)

    def located(self) -> Iterator[tuple[Document, Block]]:
        for segment in self.segments:
            for block in segment.blocks:
                yield segment.document, block

    @property
    def blocks(self) -> list[Block]:
        return [block for segment in self.segments for block in segment.blocks]

    @cached_property
    def counts(self) -> Counts:
        """Counted once: length checks, reports and the bundle all ask."""
        return sum_counts(count_blocks(s.blocks) for s in self.segments)

    @property
    def file(self) -> str | None:
        return self.segments[0].document.path if self.segments else None


@dataclass
class Case:
    input: CaseInput
    documents: list[Document]
    parts: dict[PartName, PartText]
    findings: list[Finding]
    unparted: list[Document]
    ambiguous: set[PartName] = field(default_factory=set)
    #: Values derived from the case once and shared by its checks (metadata with sources).
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    #: The 申请表 beside the drafts, read for metadata only.
    form: Document | None = None


def assemble(case: CaseInput, pack: RulePack, lang: Lang, *, debug: bool = False) -> Case:
    """Read the case's files and join their parts; unreadable files become findings."""
    documents: list[Document] = []
    findings = list(case.findings)
    parts: dict[PartName, PartText] = {}
    sources: dict[PartName, list[str]] = {}
    unparted: list[Document] = []
    for path in case.files:
        document = read_or_error(path, root=case.folder, debug=debug)
        if isinstance(document, ReadError):
            findings.append(unreadable_finding(path, document.message(lang), lang))
            continue
        mark_headings(document.blocks)
        documents.append(document)
        split = split_document(document, pack)
        if not split.parts:
            unparted.append(document)
        for name in PART_NAMES:
            if name in split.parts:
                parts.setdefault(name, PartText(name)).segments.append(
                    Segment(document, split.parts[name])
                )
                sources.setdefault(name, []).append(path.name)
    ambiguous: set[PartName] = set()
    for name, files in sources.items():
        if len(files) > 1:
            ambiguous.add(name)
            del parts[name]
            title = pack.parts[name].title if lang == "zh" else name
            findings.append(
                finding(
                    "case-layout-ambiguous",
                    render(MESSAGES, "part-twice", lang, part=title, files=join_list(files, lang)),
                    part=name,
                    file=str(case.files[0]),
                )
            )
    if len(case.files) > 1:
        # A third file beside the parts (附件-数据补充.md) is said, never silently dropped.
        for document in unparted:
            findings.append(
                finding(
                    "case-layout-ambiguous",
                    render(MESSAGES, "unparted", lang, file=Path(document.path).name),
                    severity="warning",
                    file=document.path,
                )
            )
    form = None
    if case.form is not None:
        read = read_or_error(case.form, root=case.folder, debug=debug)
        if isinstance(read, ReadError):
            findings.append(unreadable_finding(case.form, read.message(lang), lang))
        else:
            form = read
    return Case(case, documents, parts, findings, unparted, ambiguous, form=form)

"""Check a .docx draft's case and write a copy of the draft with every finding as a comment.

The case is checked exactly as ``caselint check FILE`` checks it (its other part is looked for
beside the file). The copy is then made from the draft's own bytes: python-docx opens the
package, caselint's reader reads python-docx's tree with tracing on, so the offsets of every
finding land on the elements that hold those characters in the text model the checks saw
(tracked insertions, fields, content controls, tabs included), and python-docx saves it.

Only this file's findings are annotated: when the case's other part is in another file, the
summary comment says how many findings that file has and how to annotate it. Comments left by
an earlier run (author ``caselint``) are removed first, so annotating a reworked copy never
stacks stale comments — except those an editor turned into ``caselint: ignore …``: they are
the editor's decision, kept where they are, and the findings they accept get no comment.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from caselint.annotate import anchors, messages, placement
from caselint.cases.discover import ANNOTATED_SUFFIX, case_for_file
from caselint.cases.parts import split_document
from caselint.core.i18n import Catalog, Lang, render
from caselint.core.model import CaseResult, Finding, PartName
from caselint.core.read_error import ReadError
from caselint.core.xmltext import xml_safe
from caselint.engine import Settings, check_case
from caselint.readers.docx import TracedBlock, W, trace_docx
from caselint.readers.sniff import Kind, read_bytes
from caselint.readers.sniff import sniff as detect_kind
from caselint.text.directives import is_directive

AUTHOR = "caselint"
#: The bytes of an XML part a DOCTYPE would be in (it must come before the root element).
_PROLOG = 4096
INITIALS = "CL"

MESSAGES: Catalog = {
    "markdown": {
        "zh": "annotate 只能批注 .docx：{file} 是 Markdown。先用 caselint pack 把它转成 .docx"
        "（或在 Word/WPS 中另存为 .docx）再批注；Markdown 草稿的问题可直接用 caselint check 查看",
        "en": "annotate works on .docx only: {file} is Markdown. Convert it with caselint pack "
        "(or save it as .docx in Word/WPS) and annotate that; caselint check reports on "
        "Markdown drafts directly",
    },
    "not-docx": {
        "zh": "annotate 只能批注 .docx：{file} 不是 .docx。请在 Word/WPS 中另存为 .docx 后再批注",
        "en": "annotate works on .docx only: {file} is not a .docx; save it as .docx in "
        "Word/WPS and annotate that",
    },
    "unreadable": {
        "zh": "无法读取 {file}：{reason}",
        "en": "cannot read {file}: {reason}",
    },
    "doctype": {
        "zh": "{file} 的 {part} 含有 DTD 或实体声明（Word 不会生成），无法生成能用 Word 打开的审阅稿；"
        "请用 Word/WPS 打开后另存为 .docx 再批注",
        "en": "{part} of {file} declares a DTD or entities (Word never writes one); an annotated "
        "copy would not open in Word: save the draft again from Word or WPS and annotate that",
    },
    "own-output": {
        "zh": "{file} 是 caselint 生成的审阅稿；请对原稿运行 annotate",
        "en": "{file} is an annotated copy made by caselint; annotate the original draft",
    },
}


class AnnotateError(Exception):
    """A draft annotate cannot work on; :meth:`message` says why in the user's language."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: Lang) -> str:
        return render(MESSAGES, self.key, lang, **self.params)


@dataclass
class AnnotatedCopy:
    """The annotated copy's bytes and what went into it."""

    data: bytes
    result: CaseResult
    findings: list[Finding]  # this file's findings, all of them in a comment
    anchored: int = 0  # comments on characters or paragraphs of the text
    on_parts: dict[PartName, int] = field(default_factory=dict)  # listed on part headings
    in_summary: int = 0  # listed in the summary comment
    comments: int = 0  # comments written, the summary included
    removed: int = 0  # earlier caselint comments removed


def default_output(path: Path) -> Path:
    """``草稿.docx`` → ``草稿.审阅.docx`` beside it (discovery skips such files)."""
    return path.with_name(f"{path.stem}{ANNOTATED_SUFFIX}.docx")


def annotate_docx(path: Path, settings: Settings) -> AnnotatedCopy:
    """Check ``path``'s case and return the annotated copy of ``path`` (nothing is written)."""
    if path.stem.endswith(ANNOTATED_SUFFIX):
        raise AnnotateError("own-output", file=path.name)
    data = _read(path, settings.lang)
    document = _open(path, data, settings.lang)
    removed = _remove_own_comments(document)
    if removed:
        # caselint's earlier comments are not the author's text (and the checks read comments):
        # check the draft as it is without them.
        data = _save(document)
        document = _open(path, data, settings.lang)
        result = _check_stand_in(path, data, settings)
    else:
        result = check_case(case_for_file(path, settings.pack), settings)
    unreadable = [f for f in result.findings if f.rule == "unreadable-file" and _is(f.file, path)]
    if unreadable:
        raise AnnotateError("unreadable", file=path.name, reason=unreadable[0].message)
    try:
        model, traced = trace_docx(str(path), data, root=document.element)
    except ReadError as exc:
        raise AnnotateError(
            "unreadable", file=path.name, reason=exc.message(settings.lang)
        ) from exc

    mine, others = _split_by_file(result, path)
    mine = [f for f in mine if f.active]  # accepted: the suppression comment is already there
    by_block = {id(t.block): t for t in traced}
    split = split_document(model, settings.pack)
    markers = {
        name: by_block[id(block)] for name, block in split.markers.items() if id(block) in by_block
    }
    layout = placement.plan(mine, traced, markers, document.element)
    copy = AnnotatedCopy(data=b"", result=result, findings=mine, removed=removed)
    _write_comments(document, layout, result, settings, path, others, copy)
    copy.data = _save(document)
    return copy


def _read(path: Path, lang: Lang) -> bytes:
    """The draft's bytes, when it is a .docx; otherwise why annotate cannot take it."""
    try:
        data = read_bytes(path, None)
        kind = detect_kind(path, data)
    except ReadError as exc:
        raise AnnotateError("unreadable", file=path.name, reason=exc.message(lang)) from exc
    if kind is Kind.MARKDOWN:
        raise AnnotateError("markdown", file=path.name)
    if kind is not Kind.DOCX:
        raise AnnotateError("not-docx", file=path.name)
    _inspect_package(path, data, lang)
    return data


def _inspect_package(path: Path, data: bytes, lang: Lang) -> None:
    """Refuse what python-docx would read unguarded or save broken.

    python-docx inflates every part trusting the zip headers, so the true sizes are measured
    first; and it drops a part's DOCTYPE when it saves, leaving its entity references undefined
    (a copy Word cannot open), so a package declaring one is refused — Word writes none.
    """
    from caselint.core.safezip import InflateLimit, inflated_sizes
    from caselint.readers.docx import MAX_UNZIPPED_BYTES

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated_sizes(archive, MAX_UNZIPPED_BYTES)
            for info in archive.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    with archive.open(info) as member:
                        head = member.read(_PROLOG)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise AnnotateError("doctype", file=path.name, part=info.filename)
    except InflateLimit as exc:
        reason = ReadError("zip-bomb", size=exc.size >> 20, ratio="?").message(lang)
        raise AnnotateError("unreadable", file=path.name, reason=reason) from exc
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
        reason = ReadError("corrupt-zip", detail=str(exc)).message(lang)
        raise AnnotateError("unreadable", file=path.name, reason=reason) from exc


def _open(path: Path, data: bytes, lang: Lang):
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx refuses some packages caselint's reader accepts
        from caselint.readers import read_or_error

        error = read_or_error(path)
        reason = error.message(lang) if isinstance(error, ReadError) else repr(exc)
        raise AnnotateError("unreadable", file=path.name, reason=reason) from exc


def _save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _check_stand_in(path: Path, data: bytes, settings: Settings) -> CaseResult:
    """Check ``path``'s case with ``data`` standing in for ``path`` (same name, so the same
    part and case), then name ``path`` again wherever the result names the stand-in."""
    case = case_for_file(path, settings.pack)
    with tempfile.TemporaryDirectory(prefix="caselint-") as folder:
        stand_in = Path(folder) / path.name
        stand_in.write_bytes(data)
        case.files = [stand_in if file == path else file for file in case.files]
        result = check_case(case, settings)
    old, new = str(stand_in), str(path)

    def named(value: str | None) -> str | None:
        return new if value == old else value

    return replace(
        result,
        files=[named(f) for f in result.files],
        findings=[replace(f, file=named(f.file)) for f in result.findings],
        parts={k: replace(p, file=named(p.file)) if p else None for k, p in result.parts.items()},
        elements=[replace(e, file=named(e.file)) for e in result.elements],
    )


_RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


def _is(file: str | None, path: Path) -> bool:
    return file is not None and Path(file).resolve() == path.resolve()


def _split_by_file(result: CaseResult, path: Path) -> tuple[list[Finding], dict[str, int]]:
    """This file's findings (and case-wide ones), and how many each other file has."""
    mine: list[Finding] = []
    others: dict[str, int] = {}
    for finding in result.findings:
        case_wide = finding.part is None and finding.location.paragraph is None
        if case_wide or finding.file is None or _is(finding.file, path):
            mine.append(finding)
        else:
            name = Path(finding.file).name
            others[name] = others.get(name, 0) + 1
    return mine, others


def _has_comments(document: Any) -> bool:
    rels = document.part.rels.values()
    return any(rel.reltype == _RT_COMMENTS and not rel.is_external for rel in rels)


def _remove_own_comments(document: Any) -> int:
    """Drop comments an earlier run of caselint wrote, with their marks in the body."""
    if not _has_comments(document):
        return 0
    root = document.part.part_related_by(_RT_COMMENTS).element
    tag = f"{{{W}}}comment"
    author = f"{{{W}}}author"
    ids = set()
    for comment in list(root.iter(tag)):
        if comment.get(author) == AUTHOR and not is_directive(_comment_text(comment)):
            ids.add(comment.get(f"{{{W}}}id"))
            comment.getparent().remove(comment)
    if ids:
        anchors.remove_marks(document.element, ids)
    return len(ids)


def _comment_text(comment: Any) -> str:
    """The text of a ``w:comment`` (its paragraphs joined), to tell a suppression apart."""
    return "\n".join(
        "".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in comment.iter(f"{{{W}}}p")
    )


def _write_comments(
    document: Any,
    layout: placement.Plan,
    result: CaseResult,
    settings: Settings,
    path: Path,
    others: dict[str, int],
    copy: AnnotatedCopy,
) -> None:
    lang = settings.lang
    comments = document.comments

    def add(text: str) -> int:
        copy.comments += 1
        # Messages quote metadata and file names, which may hold characters XML cannot.
        text = xml_safe(text)
        return comments.add_comment(text=text, author=AUTHOR, initials=INITIALS).comment_id

    spans: dict[int, list[tuple[int, int, int]]] = {}
    blocks: dict[int, TracedBlock] = {}

    def queue(traced: TracedBlock, start: int, end: int, comment_id: int) -> None:
        blocks[id(traced)] = traced
        spans.setdefault(id(traced), []).append((start, end, comment_id))

    pack = settings.pack.pack
    summary = messages.summary_comment(
        result,
        pack=f"{pack.id}@{pack.version}",
        lang=lang,
        file=str(path),
        anchored=len(layout.anchored),
        on_parts=layout.on_parts,
        unplaced=layout.in_summary,
        other_files=others,
        near_ratio=settings.pack.counting.near_ratio,
    )
    # The summary first: comment 1 in Word's list as well as the first on the page.
    if layout.top is not None:
        queue(layout.top, 0, len(layout.top.block.text), add(summary))
    else:  # a body without a single paragraph
        anchors.mark_new_paragraph(document.element, add(summary))
    copy.in_summary = len(layout.in_summary)
    for name, findings in layout.on_parts.items():
        marker = layout.markers[name]
        queue(marker, 0, len(marker.block.text), add(messages.part_comment(name, findings, lang)))
        copy.on_parts[name] = len(findings)
    for item in layout.anchored:
        comment_id = add(messages.finding_comment(item.finding, lang, item.story))
        queue(item.traced, item.start, item.end, comment_id)
    copy.anchored = len(layout.anchored)

    for key, traced in blocks.items():
        paragraph = anchors.ParagraphAnchors(traced)
        for start, end, _ in spans[key]:
            paragraph.cut(start)
            paragraph.cut(end)
        for start, end, comment_id in spans[key]:
            paragraph.mark(start, end, comment_id)

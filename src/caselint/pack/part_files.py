"""综合材料.docx and 详细材料.docx: the draft's part as the platform takes it, never counted differently.

Three ways, chosen by what the draft is:

``copied``
    the part is a .docx file holding just that part: its package, every part of it as the
    author saved it but the document properties;
``split``
    one .docx holds both parts: the package with the other part cut out
    (:mod:`caselint.pack.docx_split`);
``converted``
    Markdown or plain text: its blocks written in the official layout
    (:mod:`caselint.pack.docx_writer`).

Legacy formats (.doc, .wps, .rtf, .odt) and macro-enabled or template packages (.docm, .dotx)
are refused with advice to save as .docx: what they would become is LibreOffice's rendering,
not the author's file. Whatever the way, the properties are written afresh — a title, the
申报单位 as author, the packing time; no custom properties (contact data), no program names
(:mod:`caselint.pack.docx_props`) — and the package is compressed deterministically. Then the file is read back with caselint's own readers
under its bundle name and must give the same part — the same counts (all six figures and the
inclusive ones) and the same text, heading by heading — or packing stops.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

from lxml import etree

from caselint.cases.case import Case
from caselint.cases.parts import split_document
from caselint.core.i18n import Catalog, Lang, render
from caselint.core.model import Block, Counts, PartName
from caselint.core.safezip import InflateLimit, unsafe_name
from caselint.pack.docx_props import DocProps, scrub_properties
from caselint.pack.docx_split import SplitError, split_docx
from caselint.pack.docx_writer import ConversionError, write_part
from caselint.pack.errors import PackError
from caselint.pack.manifest import How
from caselint.pack.signature import signature, text_digest
from caselint.readers import ReadError, read_document
from caselint.readers.sniff import read_bytes
from caselint.rulepack.pack import RulePack
from caselint.text.count import count_blocks

MESSAGES: Catalog = {
    "unsafe-entry": {
        "zh": "{file} 内部含有不安全的路径（{entry}），Word 不会生成这样的文件，未打包；请用 Word/WPS 打开后另存为 .docx 再打包",
        "en": "{file} holds an unsafe internal path ({entry}) Word never writes; not packed: save it again from Word or WPS",
    },
    "format": {
        "zh": "{file} 是 {fmt} 格式，无法原样放入上传包；请在 Word 或 WPS 中另存为 .docx 后重新打包",
        "en": "{file} is a {fmt} file and cannot go into the bundle as it is; save it as .docx in Word or WPS and pack again",
    },
    "convert": {
        "zh": "{file} 的{part}无法转换为 .docx：{reason}",
        "en": "the {part} of {file} cannot be converted to .docx: {reason}",
    },
    "split": {
        "zh": "{file} 同时包含综合材料和详细材料，无法拆分出{part}：{reason}；请把两部分分别保存为两个 .docx 文件",
        "en": "{file} holds both parts and its {part} cannot be cut out: {reason}; save the two parts as two .docx files",
    },
    "differs": {
        "zh": "生成的 {name} 与草稿的{part}不一致（{what}），未打包；请把该部分另存为单独的 .docx 文件后重试",
        "en": "the generated {name} differs from the draft's {part} ({what}); nothing was packed; save that part as its own .docx and try again",
    },
    "counts": {"zh": "字数 {before} → {after}", "en": "counts {before} → {after}"},
    "text": {
        "zh": "第 {n} 段文字不同：{before!r} → {after!r}",
        "en": "paragraph {n} differs: {before!r} → {after!r}",
    },
    "unreadable": {"zh": "无法读回：{reason}", "en": "cannot be read back: {reason}"},
    "note-split": {
        "zh": "{name} 由 {file}（同时包含综合材料和详细材料）拆分而来：删去了另一部分，其余内容原样保留",
        "en": "{name} was cut out of {file} (which holds both parts): the other part was removed, the rest kept as it was",
    },
    "note-converted": {
        "zh": "{name} 由 {file} 按规则包版式转换生成（A4，仿宋_GB2312 三号正文，固定行距），字数与草稿一致",
        "en": "{name} was converted from {file} in the pack's official layout (A4, 16 pt body, fixed line spacing); counts equal the draft's",
    },
}


#: What rewriting a draft's package can meet (the readers accepted it, but a part they never
#: read, such as ``_rels/.rels`` or ``[Content_Types].xml``, may still be damaged).
REWRITE_ERRORS = (
    zipfile.BadZipFile,
    etree.XMLSyntaxError,
    InflateLimit,
    zlib.error,
    EOFError,
    ValueError,
    OSError,
)


@dataclass
class PartFile:
    part: PartName
    name: str
    data: bytes
    source: str
    how: How
    counts: Counts
    note: str | None = None


def part_file_name(pack: RulePack, part: PartName) -> str:
    return f"{pack.parts[part].title}.docx"


def unsupported(case: Case, part: PartName, lang: Lang) -> str | None:
    """Why the draft of ``part`` cannot go into a bundle, or None."""
    text = case.parts.get(part)
    if text is None or not text.segments:
        return None
    document = text.segments[0].document
    suffix = Path(document.path).suffix.lower()
    if document.converted_from or (document.format == "docx" and suffix != ".docx"):
        fmt = document.converted_from or suffix.lstrip(".")
        return render(MESSAGES, "format", lang, file=Path(document.path).name, fmt=fmt)
    return None


def _unsafe_entries(data: bytes) -> list[str]:
    """Entry names of a .docx that would land outside the folder it is unpacked into."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [name for name in archive.namelist() if unsafe_name(name)]
    except (zipfile.BadZipFile, OSError, ValueError):
        return []  # the readers said what is wrong with it


def make_part_file(
    case: Case, part: PartName, pack: RulePack, *, props: DocProps, lang: Lang
) -> PartFile:
    """The bundle file of ``part`` (not yet read back: see :func:`confirm`)."""
    text = case.parts[part]
    document = text.segments[0].document
    source = Path(document.path)
    name = part_file_name(pack, part)
    title = pack.parts[part].title  # the document's title line: it names the part
    label = title if lang == "zh" else part
    if document.format == "docx":
        try:
            data = read_bytes(source)
        except ReadError as exc:
            raise PackError(render(MESSAGES, "unreadable", lang, reason=exc.message(lang))) from exc
        unsafe = _unsafe_entries(data)
        if unsafe:
            raise PackError(
                render(MESSAGES, "unsafe-entry", lang, file=source.name, entry=unsafe[0])
            )
        split = split_document(document, pack)
        if set(split.parts) == {part}:
            try:
                data = scrub_properties(data, props)
            except REWRITE_ERRORS as exc:
                raise PackError(render(MESSAGES, "unreadable", lang, reason=exc)) from exc
            return PartFile(part, name, data, source.name, "copied", text.counts)
        try:
            data = split_docx(data, split, part, props)
        except (SplitError, KeyError, *REWRITE_ERRORS) as exc:
            raise PackError(
                render(MESSAGES, "split", lang, file=source.name, part=label, reason=exc)
            ) from exc
        note = render(MESSAGES, "note-split", lang, name=name, file=source.name)
        return PartFile(part, name, data, source.name, "split", text.counts, note)
    try:
        data = write_part(text.blocks, title=title, layout=pack.bundle.layout, props=props)
    except ConversionError as exc:
        raise PackError(
            render(MESSAGES, "convert", lang, file=source.name, part=label, reason=exc)
        ) from exc
    note = render(MESSAGES, "note-converted", lang, name=name, file=source.name)
    return PartFile(part, name, data, source.name, "converted", text.counts, note)


def confirm(
    written: Path, part_file: PartFile, original: list[Block], pack: RulePack, lang: Lang
) -> tuple[Counts, str]:
    """Read the written file back as caselint would and insist it is the draft's part; its
    counts and text digest (:func:`caselint.pack.signature.text_digest`)."""
    title = pack.parts[part_file.part].title if lang == "zh" else part_file.part
    try:
        document = read_document(written)
    except ReadError as exc:
        what = render(MESSAGES, "unreadable", lang, reason=exc.message(lang))
        raise PackError(
            render(MESSAGES, "differs", lang, name=part_file.name, part=title, what=what)
        ) from exc
    split = split_document(document, pack)
    blocks = split.parts.get(part_file.part, [])
    counts = count_blocks(blocks)
    problem = None
    if set(split.parts) != {part_file.part} or counts != part_file.counts:
        problem = render(
            MESSAGES,
            "counts",
            lang,
            before=_brief(part_file.counts),
            after=_brief(counts) if set(split.parts) == {part_file.part} else "/".join(split.parts),
        )
    else:
        before, after = signature(original), signature(blocks)
        for n, (a, b) in enumerate(zip_longest(before, after), start=1):
            if a != b:
                problem = render(MESSAGES, "text", lang, n=n, before=_text(a), after=_text(b))
                break
    if problem:
        raise PackError(
            render(MESSAGES, "differs", lang, name=part_file.name, part=title, what=problem)
        )
    return counts, text_digest(blocks)


def _text(item: tuple[object, ...] | None) -> str:
    return str(item[4]) if item is not None else ""


def _brief(counts: Counts) -> str:
    inclusive = counts.inclusive.words if counts.inclusive else counts.words
    return f"{counts.words}/{inclusive}"

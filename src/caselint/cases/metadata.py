"""Case metadata (案例名称, 申报单位, 类别 …) under canonical keys, and where each value came from.

A value is taken from the first source that has it:

1. a ``case.toml`` / ``case.yaml`` beside the drafts, then the documents' own Markdown front
   matter or .docx custom properties (keys Chinese or English: 案例名称 / case_name);
2. case information written in the draft's opening lines (申报单位：…, :mod:`infolines`);
3. the document title: the case name without its unit prefix and suffixes (案例, 综合材料 …),
   the unit when the title opens with one (柳湾县融媒体中心：…);
4. the path: the case folder or file name.

:class:`Source` records the origin of each value, so a reviewer sees that 类别 was read from
line 2 of the draft and not from a file beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caselint.core.model import BlockKind, Story

if TYPE_CHECKING:
    from caselint.cases.case import Case
    from caselint.cases.infolines import InfoLine
    from caselint.core.i18n import Lang
    from caselint.core.model import Document
    from caselint.rulepack.pack import FormField, RulePack


FALLBACK_FIELDS = {
    "case_name": ("案例名称",),
    "category": ("类别", "申报类别"),
    "unit": ("申报单位",),
    "province": ("省份",),
}

#: Kinds of source, strongest first; ``explicit`` ones are what the author filled in as fields.
EXPLICIT = ("option", "sidecar", "front_matter", "properties")
MAX_TITLE_CHARS = 80
MIN_NAME_CHARS = 4


@dataclass(frozen=True)
class Source:
    """Where a metadata value was read: the kind of source and, for lines, the place."""

    kind: str  # option sidecar form front_matter properties text title path inferred folder
    # unit recommender folder_name
    file: str | None = None
    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    def describe(self, lang: Lang) -> str:
        """正文第2行 / case.toml / 标题 …: what a person reads next to the value."""
        zh = lang == "zh"
        if self.kind == "text":
            if self.table is not None:
                return (
                    f"正文表格{self.table}第{self.row}行"
                    if zh
                    else f"table {self.table} row {self.row}"
                )
            if self.line is not None:
                return f"正文第{self.line}行" if zh else f"line {self.line}"
            return f"正文第{self.paragraph}段" if zh else f"paragraph {self.paragraph}"
        names = {
            "option": ("命令行参数", "command line"),
            "sidecar": (Path(self.file or "case.toml").name, Path(self.file or "case.toml").name),
            "front_matter": ("文件开头的信息块", "front matter"),
            "properties": ("文档属性", "document properties"),
            "title": ("标题", "title"),
            "path": ("文件名", "file name"),
            "inferred": ("按内容推断", "inferred from the text"),
            "folder": ("同一文件夹的其他案例", "the other cases of the folder"),
            "form": (Path(self.file or "申请表").name, Path(self.file or "form").name),
            "unit": ("申报单位名称", "the unit's name"),
            "recommender": ("推荐单位名称", "the recommender's name"),
            "folder_name": ("文件夹名", "the folder name"),
        }
        pair = names.get(self.kind, (self.kind, self.kind))
        return pair[0] if zh else pair[1]

    @classmethod
    def of_line(cls, line: InfoLine) -> Source:
        loc = line.block.location
        return cls(
            "text",
            file=line.document.path,
            line=loc.line,
            paragraph=loc.paragraph if loc.line is None else None,
            table=loc.table,
            row=loc.row,
        )


@dataclass
class CaseInfo:
    """A case's metadata values under canonical keys, each with its :class:`Source`."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    lines: list[InfoLine] = field(default_factory=list)

    def offer(self, key: str, value: Any, source: Source) -> None:
        """Keep ``value`` unless a stronger source already gave one."""
        if value in ("", None) or self.values.get(key) not in ("", None):
            return
        self.values[key] = value
        self.sources[key] = source


def _spellings(pack: RulePack) -> dict[str, str]:
    """Every accepted key spelling (case-folded, spaces removed) → canonical key."""
    table: dict[str, str] = {}
    fields: list[FormField] = pack.metadata.fields if pack.metadata else []
    for form_field in fields:
        for spelling in (form_field.key, form_field.label, *form_field.aliases):
            table[_fold(spelling)] = form_field.key
    for key, labels in FALLBACK_FIELDS.items():
        for spelling in (key, *labels):
            table.setdefault(_fold(spelling), key)
    return table


def _fold(key: str) -> str:
    return "".join(str(key).split()).replace("-", "_").casefold()


def normalize(raw: dict[str, Any], pack: RulePack) -> dict[str, Any]:
    """Map known spellings to canonical keys; unknown keys are kept as they were written."""
    spellings = _spellings(pack)
    out: dict[str, Any] = {}
    for key, value in raw.items():
        canonical = spellings.get(_fold(key), str(key))
        if isinstance(value, str):
            value = value.strip()
        if value in ("", None):
            continue
        out.setdefault(canonical, value)
    return out


def _document_kind(document: Document) -> str:
    return "front_matter" if document.format in ("markdown", "text") else "properties"


def case_info(case: Case, pack: RulePack) -> CaseInfo:
    """The case's metadata with sources (computed once per case; see the module docstring)."""
    cached = case.cache.get("info")
    if cached is not None:
        return cached
    from caselint.cases.infolines import info_lines

    info = CaseInfo()
    sidecar = normalize(case.input.metadata, pack)
    for key, value in sidecar.items():
        file = str(case.input.metadata_file) if case.input.metadata_file else None
        info.offer(key, value, Source("sidecar", file=file))
    if case.form is not None:  # the 申请表 beside the drafts: filled in as a form
        for line in info_lines(case.form, pack, whole=True):
            info.offer(line.key, line.value, Source("form", file=case.form.path))
    for document in case.documents:
        for key, value in normalize(document.metadata, pack).items():
            info.offer(key, value, Source(_document_kind(document), file=document.path))
    for document in case.documents:
        for line in info_lines(document, pack):
            info.lines.append(line)
            info.offer(line.key, line.value, Source.of_line(line))
    _from_title(case, pack, info)
    _tidy(info, pack)
    _from_path(case, pack, info)
    case.cache["info"] = info
    return info


_UNIT_NOTE = re.compile(r"\s*[（(]([^）)]{1,20})[）)]\s*$")


def _tidy(info: CaseInfo, pack: RulePack) -> None:
    """Values as a form wants them: 青岩县融媒体中心（西岭省） is the unit 青岩县融媒体中心 (the
    note a province); 地区：西岭省青岩县 is the province 西岭省; a unit named 西岭省广播电视台
    says its province when nothing else did."""
    from caselint.cases.province import province_at_start, province_named

    unit = info.values.get("unit")
    if isinstance(unit, str):
        note = _UNIT_NOTE.search(unit)
        if note and len(unit[: note.start()]) >= MIN_NAME_CHARS:
            info.values["unit"] = unit[: note.start()]
            named = province_at_start(note.group(1), pack)
            if named:
                info.offer("province", named, info.sources["unit"])
    province = info.values.get("province")
    if isinstance(province, str):
        named = province_named(province, pack)
        if named:
            info.values["province"] = named
    for key in ("unit", "recommender"):  # 西岭省广播电视台, 西岭省广播电视局
        value = info.values.get(key)
        named = province_at_start(value, pack) if isinstance(value, str) else None
        if named:
            info.offer("province", named, Source(key, file=info.sources[key].file))


def case_metadata(case: Case, pack: RulePack) -> dict[str, Any]:
    """A case's metadata values under canonical keys (see :func:`case_info` for sources)."""
    return dict(case_info(case, pack).values)


# -- the title and the path ------------------------------------------------------------------

_ATTACHMENT = re.compile(r"^附件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?\s*$")
_EDGES = " \u3000-—–_:：|｜·.,，、"
_BRACKETED = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMBER_PREFIX = re.compile(r"^\s*\d+\s*[-_.、．\s]+")


def document_title(document: Document, pack: RulePack) -> str | None:
    """The title a reader sees first: the first short line that is not an 附件 mark, a part
    name or case information; the document's title property when there is none."""
    from caselint.cases.infolines import NUMBERED, is_info_line

    part_names = {n for part in pack.parts.values() for n in part.names}
    for block in document.blocks:
        if block.story is not Story.MAIN or block.kind is BlockKind.TABLE_CELL:
            continue
        text = block.display_text.strip()
        if not text:
            continue
        unlabelled = NUMBERED.sub("", text, count=1).strip()
        if _ATTACHMENT.match(text) or unlabelled in part_names or is_info_line(text, pack):
            continue
        if unlabelled != text:
            break  # 一、基本情况: the elements begin, there is no title line
        if len(text) > MAX_TITLE_CHARS:
            break
        return text
    title = document.properties.get("title", "").strip()
    return title or None


def _strip_suffixes(name: str, suffixes: list[str]) -> str:
    previous = None
    while previous != name:
        previous = name
        name = _BRACKETED.sub("", name).strip(_EDGES)
        for suffix in sorted(suffixes, key=len, reverse=True):
            if name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)].strip(_EDGES)
    return name


#: A place name before a unit suffix (溪口市融媒体中心, 青岩县融媒体中心): such a unit opens a
#: title even with no separator after it (溪口市融媒体中心工作室制改革).
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州|旗|盟)")
MIN_PLACE_SUFFIX = 3


def _unit_prefix(title: str, known: str | None, suffixes: list[str]) -> str | None:
    """The unit a title opens with: the known unit, a name ending in a unit suffix that a
    separator or an opening quote follows (柳湾县融媒体中心：…, 青禾市广播电视台“…”), or a
    place and a unit suffix of three or more characters (溪口市融媒体中心工作室制改革)."""
    if known and title.startswith(known):
        return known
    ordered = sorted(suffixes, key=len, reverse=True)
    for suffix in ordered:
        at = title.find(suffix)
        while at > 0:
            end = at + len(suffix)
            if end < len(title) and title[end] in _EDGES + '“"《「『':
                return title[:end]
            at = title.find(suffix, at + 1)
    place = _PLACE.match(title)
    if place:
        for suffix in ordered:
            at = title.find(suffix, place.end())
            if len(suffix) >= MIN_PLACE_SUFFIX and at == place.end():
                end = at + len(suffix)
                return title[:end] if end < len(title) else None
    return None


def _category_prefix(title: str, pack: RulePack) -> str:
    """A title opening with its category (综合信息服务类案例：“云上柳湾”客户端) without it."""
    for category in pack.categories:
        for name in sorted(category.names, key=len, reverse=True):
            match = re.match(
                rf"^{re.escape(name)}类?(?:典型)?(?:案例)?\s*[{re.escape(_EDGES)}]+", title
            )
            if match and len(title) - match.end() >= MIN_NAME_CHARS:
                return title[match.end() :]
    return title


def _from_title(case: Case, pack: RulePack, info: CaseInfo) -> None:
    meta = pack.metadata
    if meta is None or not case.documents:
        return
    document = case.documents[0]
    title = document_title(document, pack)
    if not title:
        return
    source = Source("title", file=document.path)
    suffixes = [*meta.title_suffixes, *(n for p in pack.parts.values() for n in p.names)]
    title = _category_prefix(title, pack)
    unit = _unit_prefix(title, info.values.get("unit"), meta.unit_suffixes)
    name = title[len(unit) :] if unit else title
    if unit:
        info.offer("unit", unit, source)
    name = _strip_suffixes(name.strip(_EDGES), suffixes)
    if len(name) >= MIN_NAME_CHARS:
        info.offer("case_name", name, source)


def _from_path(case: Case, pack: RulePack, info: CaseInfo) -> None:
    """The case folder or file names: a unit when one ends like a unit, else the case name."""
    meta = pack.metadata
    if meta is None:
        return
    suffixes = [*meta.title_suffixes, *(n for p in pack.parts.values() for n in p.names)]
    names = [Path(case.input.id).name, *(p.stem for p in case.input.files)]
    if case.input.folder is not None:
        names.append(Path(case.input.folder).name)
    source = Source("path", file=str(case.input.folder) if case.input.folder else None)
    _province_from_folders(case, pack, info)
    for raw in names:
        stem = _strip_suffixes(_NUMBER_PREFIX.sub("", raw).strip(_EDGES), suffixes)
        if len(stem) < MIN_NAME_CHARS - 1 or not _CJK.search(stem):
            continue
        if any(stem.endswith(s) for s in meta.unit_suffixes):
            info.offer("unit", stem, source)
        elif len(stem) >= MIN_NAME_CHARS:
            info.offer("case_name", stem, source)


def truthy(value: Any) -> bool:
    """推荐: 是 / yes / true / 1 / ✓."""
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("是", "yes", "y", "true", "1", "√", "✓", "推荐", "x")


def _province_from_folders(case: Case, pack: RulePack, info: CaseInfo) -> None:
    """A folder named for its province (西岭省2025年媒体融合典型案例申报, 西岭省): the case's own
    folder and those above it, up to the folder the user named."""
    from caselint.cases.province import province_at_start

    if case.input.folder is None or info.values.get("province"):
        return
    folder = Path(case.input.folder)
    root = Path(case.input.root) if case.input.root is not None else folder.parent
    chain = [folder, *folder.parents]
    for current in chain:
        named = province_at_start(_NUMBER_PREFIX.sub("", current.name), pack)
        if named:
            info.offer("province", named, Source("folder_name", file=str(current)))
            return
        if current == root:
            return

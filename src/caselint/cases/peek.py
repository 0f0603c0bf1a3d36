"""What a file is, read from its own first lines when its name does not say: a part
(附件1.docx opening with 「综合材料」), a case draft (补报-掌上白水客户端.docx opening with
申报类别：…), or the 申请表 (a form of label and value rows, titled …申请表).

Discovery decides which files form a case before any is checked; names decide when they can
(…综合材料.docx, summary.md, 申请表.docx). Only when they cannot is a file read — once per
process, through the same capped readers the check uses.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from caselint.core.model import BlockKind, Document, PartName, Story

if TYPE_CHECKING:
    from caselint.rulepack.pack import RulePack

#: Blocks of a form or a draft's opening looked at for its title.
TITLE_BLOCKS = 3
#: Fields whose lines make a file read as a case draft (申报类别：…, 申报单位：…).
CASE_FIELDS = frozenset({"category", "unit", "case_name"})


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return str(path), -1, -1
    return str(path), stat.st_size, stat.st_mtime_ns


@lru_cache(maxsize=64)
def _read(stamp: tuple[str, int, int], root: str | None) -> Document | None:
    from caselint.cases.structure import mark_headings
    from caselint.readers import ReadError, read_or_error

    document = read_or_error(Path(stamp[0]), root=Path(root) if root else None)
    if isinstance(document, ReadError):
        return None
    mark_headings(document.blocks)
    return document


def read(path: Path, root: Path | None = None) -> Document | None:
    """The document, or None when it cannot be read (the check then says why)."""
    return _read(_stamp(path), str(root) if root else None)


def _parts(document: Document, pack: RulePack) -> dict[PartName, object]:
    from caselint.cases.parts import split_document

    split = split_document(document, pack)
    return split.parts if split.how in ("heading", "metadata") else {}


def part_by_content(path: Path, pack: RulePack, root: Path | None = None) -> PartName | None:
    """The one part a file's own lines name (a 「综合材料」 line, a title ending 详细材料)."""
    document = read(path, root)
    if document is None:
        return None
    parts = _parts(document, pack)
    return next(iter(parts)) if len(parts) == 1 else None


def looks_like_case(path: Path, pack: RulePack, root: Path | None = None) -> bool:
    """Whether a file is a case draft by its content: it names its parts, or states the case's
    category, unit or name in lines under its title."""
    from caselint.cases.infolines import info_lines

    document = read(path, root)
    if document is None or is_form_document(document, pack):
        return False
    if _parts(document, pack):
        return True
    return any(line.key in CASE_FIELDS for line in info_lines(document, pack))


def _title(document: Document) -> str:
    texts = [
        b.display_text.strip()
        for b in document.blocks
        if b.story is Story.MAIN and b.kind is not BlockKind.TABLE_CELL and b.text.strip()
    ]
    return " ".join(texts[:TITLE_BLOCKS])


def is_form_document(document: Document, pack: RulePack) -> bool:
    """A 申请表: titled with a form name, its fields in a table, no part of a case in it."""
    names = pack.intake.form_names
    if not names or not any(name in _title(document) for name in names):
        return False
    has_table = any(b.kind is BlockKind.TABLE_CELL for b in document.blocks)
    return has_table and not _parts(document, pack)


def is_form(path: Path, pack: RulePack, root: Path | None = None) -> bool:
    """Whether a file is the case's 申请表: by its name (申请表.docx) unless the name also says
    it is a part, or by its content (see :func:`is_form_document`)."""
    from caselint.cases.parts import part_from_name

    names = pack.intake.form_names
    if not names:
        return False
    if any(name in path.stem for name in names):
        return part_from_name(path, pack) is None
    document = read(path, root)
    return document is not None and is_form_document(document, pack)

"""``caselint count``: the counts of every file and part, as Word would show them.

A file that cannot be read becomes an ``unreadable-file`` finding and the run goes on with the
next file. That holds for unexpected failures too (a reader bug on one odd draft must not cost
the user the counts of the other forty): they become the same finding, naming the error, unless
``debug`` asks for the traceback.
"""

from __future__ import annotations

from pathlib import Path

from caselint.cases.parts import split_document
from caselint.core.codes import unreadable_finding
from caselint.core.i18n import Lang
from caselint.core.model import PART_NAMES, CountReport, FileCount
from caselint.readers import ReadError, read_or_error
from caselint.rulepack.files import PackLimits
from caselint.text.count import count_blocks


def _unreadable(path: Path, error: ReadError, lang: Lang) -> FileCount:
    return FileCount(
        path=str(path),
        parts=dict.fromkeys(PART_NAMES),
        total=count_blocks([]),
        findings=[unreadable_finding(path, error.message(lang), lang)],
    )


def count_file(
    path: Path,
    pack: PackLimits,
    lang: Lang = "zh",
    *,
    max_bytes: int | None = None,
    debug: bool = False,
) -> FileCount:
    """Counts of one file, whole and per part, or its ``unreadable-file`` finding."""
    document = read_or_error(path, max_bytes=max_bytes, debug=debug)
    if isinstance(document, ReadError):
        return _unreadable(path, document, lang)
    split = split_document(document, pack)
    return FileCount(
        path=str(path),
        encoding=document.encoding,
        parts={p: count_blocks(split.parts[p]) if p in split.parts else None for p in PART_NAMES},
        total=count_blocks(document.blocks),
    )


def count_paths(
    paths: list[Path],
    pack: PackLimits,
    lang: Lang = "zh",
    *,
    max_bytes: int | None = None,
    debug: bool = False,
) -> CountReport:
    """Counts of every draft named or found in the folders of ``paths``, in order."""
    from caselint.cases.walk import expand

    return CountReport(
        files=[count_file(p, pack, lang, max_bytes=max_bytes, debug=debug) for p in expand(paths)]
    )

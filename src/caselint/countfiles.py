"""``caselint count``: the counts of every file and part, as Word would show them."""

from __future__ import annotations

from pathlib import Path

from caselint.codes import unreadable_finding
from caselint.count import count_blocks
from caselint.i18n import Lang
from caselint.model import PART_NAMES, CountReport, FileCount
from caselint.parts import split_document
from caselint.readers import ReadError, read_document
from caselint.rulepack import RulePack


def count_file(path: Path, pack: RulePack, lang: Lang = "zh") -> FileCount:
    try:
        document = read_document(path)
    except ReadError as error:
        return FileCount(
            path=str(path),
            parts=dict.fromkeys(PART_NAMES),
            total=count_blocks([]),
            findings=[unreadable_finding(path, error.message(lang), lang)],
        )
    split = split_document(document, pack)
    return FileCount(
        path=str(path),
        encoding=document.encoding,
        parts={p: count_blocks(split.parts[p]) if p in split.parts else None for p in PART_NAMES},
        total=count_blocks(document.blocks),
    )


def count_paths(paths: list[Path], pack: RulePack, lang: Lang = "zh") -> CountReport:
    from caselint.discover import expand

    return CountReport(files=[count_file(p, pack, lang) for p in expand(paths)])

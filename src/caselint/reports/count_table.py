"""The ``caselint count`` tables: one per file, one row per part, Word's figures side by side.

On a terminal the tables are drawn by rich, in colour. Piped or redirected, the same layout is
written as plain text without importing rich (~50 ms, a third of what ``count`` takes):
:func:`plain_count_report` lays the columns out as rich's borderless ``SIMPLE_HEAD`` box does,
measuring CJK characters as two columns (a test holds the two renderings equal).
"""

from __future__ import annotations

import sys
import unicodedata
from typing import TYPE_CHECKING, TextIO

from caselint.core.i18n import Lang
from caselint.core.model import PART_NAMES, CountReport, Counts, FileCount
from caselint.core.terminal import printable
from caselint.rulepack.files import PackLimits

if TYPE_CHECKING:
    from rich.table import Table

_HEADERS = {
    "zh": ["部分", "字数", "含编号等¹", "上限", "中文字符", "非中文词", "字符²", "字符³", "段落"],
    "en": ["part", "words", "incl.¹", "limit", "CJK", "other", "chars²", "chars³", "par."],
}
_NOTES = {
    "zh": "¹ 含自动编号、文本框、脚注和尾注的字数  ² 不计空格  ³ 计空格。"
    "字数按 Word“字数统计”规则计算，上限按{scope}字数核对。",
    "en": "¹ with numbering labels, text boxes, foot- and endnotes  ² without spaces  "
    "³ with spaces. Words as Word counts them; limits apply to the {scope} count.",
}
_SCOPES = {
    ("zh", "inclusive"): "含编号等的",
    ("zh", "main"): "正文",
    ("en", "inclusive"): "inclusive",
    ("en", "main"): "main-text",
}
_TOTAL = {"zh": "全文", "en": "whole file"}


def _row(counts: Counts, limit: int | None, pack: PackLimits, markup: bool = True) -> list[str]:
    limited = counts.measure(pack.counting.measure, inclusive=pack.counting.scope == "inclusive")
    over = markup and limit is not None and limited > limit
    words = f"[bold red]{counts.words}[/]" if over else str(counts.words)
    inclusive = counts.inclusive.words if counts.inclusive else counts.words
    return [
        words,
        f"[bold red]{inclusive}[/]" if over else str(inclusive),
        str(limit) if limit is not None else "",
        str(counts.cjk_chars),
        str(counts.non_cjk_words),
        str(counts.chars_no_spaces),
        str(counts.chars_with_spaces),
        str(counts.paragraphs),
    ]


def _title(file: FileCount) -> str:
    """The file's heading line, as the user named the file (control characters escaped)."""
    return printable(file.path if file.encoding is None else f"{file.path}  ({file.encoding})")


def _rows(file: FileCount, pack: PackLimits, lang: Lang, markup: bool) -> list[list[str]]:
    """One row per part the file has, then the whole file's."""
    rows = []
    for part in PART_NAMES:
        counts = file.parts.get(part)
        if counts is not None:
            name = pack.parts[part].title if lang == "zh" else part
            rows.append([name, *_row(counts, pack.parts[part].limit, pack, markup)])
    rows.append([_TOTAL[lang], *_row(file.total, None, pack, markup)])
    return rows


def _file_table(file: FileCount, pack: PackLimits, lang: Lang) -> Table:
    from rich import box
    from rich.table import Table

    # Without the outer frame the nine columns fit an 80-column terminal with numbers up to
    # five digits; with it the headers were cut to "中文字…".
    table = Table(
        header_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    for i, header in enumerate(_HEADERS[lang]):
        table.add_column(header, justify="left" if i == 0 else "right", no_wrap=True)
    *rows, total = _rows(file, pack, lang, markup=True)
    for row in rows:
        table.add_row(*row)
    table.add_row(*total, style="dim")
    return table


def print_count_report(
    report: CountReport, pack: PackLimits, lang: Lang, stream: TextIO | None = None
) -> None:
    """The tables in colour on a terminal, as plain text anywhere else."""
    stream = stream or sys.stdout
    if stream.isatty():
        rich_count_report(report, pack, lang, stream)
    else:
        stream.write(plain_count_report(report, pack, lang))


def rich_count_report(report: CountReport, pack: PackLimits, lang: Lang, stream: TextIO) -> None:
    """A table per readable file, the findings of the others, then the footnotes."""
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=stream, highlight=False)
    for file in report.files:
        if file.findings:
            for finding in file.findings:
                # soft_wrap: one finding, one line, whatever the width (greppable when piped).
                console.print(
                    f"[bold red]{finding.code} {finding.rule}[/] {escape(printable(finding.message))}",
                    soft_wrap=True,
                )
            continue
        # The path is printed on its own unwrapped line (a table title would break a long path
        # in the middle), so it can be copied.
        console.print(escape(_title(file)), style="bold", soft_wrap=True)
        console.print(_file_table(file, pack, lang))
        console.print()
    scope = _SCOPES[(lang, pack.counting.scope)]
    console.print(_NOTES[lang].format(scope=scope), style="dim", soft_wrap=True)


def plain_count_report(report: CountReport, pack: PackLimits, lang: Lang) -> str:
    """What :func:`rich_count_report` prints to a file, without rich."""
    lines: list[str] = []
    for file in report.files:
        if file.findings:
            lines += [f"{f.code} {f.rule} {printable(f.message)}" for f in file.findings]
            continue
        lines.append(_title(file))
        lines += _plain_table([_HEADERS[lang], *_rows(file, pack, lang, markup=False)])
        lines.append("")
    lines.append(_NOTES[lang].format(scope=_SCOPES[(lang, pack.counting.scope)]))
    return "\n".join(lines) + "\n"


def _plain_table(rows: list[list[str]]) -> list[str]:
    """Header, rule, rows: the first column left-aligned, the others right, three spaces apart."""
    widths = [max(_cells(row[i]) for row in rows) for i in range(len(rows[0]))]

    def line(row: list[str]) -> str:
        cells = [
            text + " " * (width - _cells(text)) if i == 0 else " " * (width - _cells(text)) + text
            for i, (text, width) in enumerate(zip(row, widths, strict=True))
        ]
        return "   ".join(cells).rstrip()

    header, *body = rows
    return [line(header), "─" * (sum(widths) + 3 * (len(widths) - 1)), *map(line, body)]


def _cells(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

"""The ``caselint count`` tables: one per file, one row per part, Word's figures side by side."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from caselint.core.i18n import Lang
from caselint.core.model import PART_NAMES, CountReport, Counts, FileCount
from caselint.rulepack.files import PackLimits

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


def _row(counts: Counts, limit: int | None, pack: PackLimits) -> list[str]:
    limited = counts.measure(pack.counting.measure, inclusive=pack.counting.scope == "inclusive")
    over = limit is not None and limited > limit
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
    """The file's heading line; the name is the user's ("[草稿]案例.docx"), never rich markup."""
    return escape(file.path if file.encoding is None else f"{file.path}  ({file.encoding})")


def _file_table(file: FileCount, pack: PackLimits, lang: Lang) -> Table:
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
    for part in PART_NAMES:
        counts = file.parts.get(part)
        if counts is not None:
            name = pack.parts[part].title if lang == "zh" else part
            table.add_row(name, *_row(counts, pack.parts[part].limit, pack))
    table.add_row(_TOTAL[lang], *_row(file.total, None, pack), style="dim")
    return table


def print_count_report(report: CountReport, pack: PackLimits, lang: Lang) -> None:
    """A table per readable file, the findings of the others, then the footnotes."""
    console = Console(highlight=False)
    for file in report.files:
        if file.findings:
            for finding in file.findings:
                # soft_wrap: one finding, one line, whatever the width (greppable when piped).
                console.print(
                    f"[bold red]{finding.code} {finding.rule}[/] {escape(finding.message)}",
                    soft_wrap=True,
                )
            continue
        # The path is printed on its own unwrapped line (a table title would break a long path
        # in the middle), so it can be copied.
        console.print(_title(file), style="bold", soft_wrap=True)
        console.print(_file_table(file, pack, lang))
        console.print()
    scope = _SCOPES[(lang, pack.counting.scope)]
    console.print(_NOTES[lang].format(scope=scope), style="dim", soft_wrap=True)

"""The ``caselint count`` tables: one per file, one row per part, Word's figures side by side."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from caselint.i18n import Lang
from caselint.model import PART_NAMES, CountReport, Counts, FileCount
from caselint.rulepack import RulePack

_HEADERS = {
    "zh": ["部分", "字数", "含编号等¹", "上限", "中文字符", "非中文词", "字符²", "字符³", "段落"],
    "en": ["part", "words", "inclusive¹", "limit", "CJK", "non-CJK", "chars²", "chars³", "paras"],
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


def _row(counts: Counts, limit: int | None, pack: RulePack) -> list[str]:
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


def _file_table(file: FileCount, pack: RulePack, lang: Lang) -> Table:
    title = file.path if file.encoding is None else f"{file.path}  ({file.encoding})"
    table = Table(title=title, title_justify="left", header_style="bold", title_style="bold")
    for i, header in enumerate(_HEADERS[lang]):
        table.add_column(header, justify="left" if i == 0 else "right", no_wrap=True)
    for part in PART_NAMES:
        counts = file.parts.get(part)
        if counts is not None:
            name = pack.parts[part].title if lang == "zh" else part
            table.add_row(name, *_row(counts, pack.parts[part].limit, pack))
    table.add_row(_TOTAL[lang], *_row(file.total, None, pack), style="dim")
    return table


def print_count_report(report: CountReport, pack: RulePack, lang: Lang) -> None:
    console = Console(highlight=False)
    for file in report.files:
        if file.findings:
            for finding in file.findings:
                console.print(f"[bold red]{finding.code} {finding.rule}[/] {finding.message}")
            continue
        console.print(_file_table(file, pack, lang))
    scope = _SCOPES[(lang, pack.counting.scope)]
    console.print(_NOTES[lang].format(scope=scope), style="dim")

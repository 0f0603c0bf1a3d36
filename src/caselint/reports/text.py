"""The human report: per case, per file, each finding with where it is and a code frame.

The frame shows the sentence with the flagged span underlined; widths are measured in terminal
cells, so carets stay under Chinese text (each 汉字 is two columns wide).
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape as markup_escape

from caselint.core.i18n import SEVERITY_LABELS, Lang, quoted
from caselint.core.model import PART_NAMES, CaseResult, Finding, Location, Report
from caselint.core.terminal import printable

FRAME_CONTEXT = 36
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_PARTS = {
    "zh": {"summary": "综合材料", "detailed": "详细材料"},
    "en": {"summary": "summary", "detailed": "detailed"},
}
_WORDS = {
    "zh": {
        "case": "案例",
        "pass": "通过",
        "fail": "不通过",
        "elements": "要素",
        "missing": "缺失",
        "in-text": "（正文）",
        "help": "建议",
        "batch": "跨案例检查",
        "no-category": "类别未知",
        "info": "案例信息",
        "summary": "共 {cases} 个案例：{errors} 个错误，{warnings} 个警告，{infos} 条提示",
        "suppressed": "；另有 {n} 条已接受（caselint: ignore，未显示；--show-suppressed 可显示）",
        "suppressed-shown": "；另有 {n} 条已接受（caselint: ignore）",
        "baseline": "；基线中已有 {n} 条（未显示）",
        "fixed-title": "基线中已修复 {n} 条：",
        "accepted": "已接受",
        "no-reason": "未写原因",
        "clean": "未发现问题。",
    },
    "en": {
        "case": "case",
        "pass": "pass",
        "fail": "fail",
        "elements": "elements",
        "missing": "missing",
        "in-text": "(in the text)",
        "help": "help",
        "batch": "across cases",
        "no-category": "category unknown",
        "info": "case information",
        "summary": "{cases} case(s): {errors} error(s), {warnings} warning(s), {infos} info",
        "suppressed": "; {n} accepted (caselint: ignore, not shown; --show-suppressed shows them)",
        "suppressed-shown": "; {n} accepted (caselint: ignore)",
        "baseline": "; {n} already in the baseline (not shown)",
        "fixed-title": "{n} finding(s) of the baseline fixed:",
        "accepted": "accepted",
        "no-reason": "no reason given",
        "clean": "No problems found.",
    },
}


#: Case information fields shown with their source, in this order, when not filled in as fields.
_INFO_FIELDS = {
    "case_name": ("名称", "name"),
    "category": ("类别", "category"),
    "unit": ("单位", "unit"),
    "province": ("省份", "province"),
    "recommender": ("推荐单位", "recommender"),
    "level": ("层级", "level"),
    "contact": ("联系人", "contact"),
    "phone": ("电话", "phone"),
}


def case_information(case: CaseResult, lang: Lang) -> str:
    """「类别 新媒体平台建设（正文第2行） · 单位 …（标题）」: values caselint read from a draft's
    lines, title, path or text rather than from fields the author filled in, with where."""
    from caselint.cases.metadata import EXPLICIT, Source

    sources = case.metadata.get("sources")
    if not isinstance(sources, dict):
        return ""
    shown = []
    for key, (zh, en) in _INFO_FIELDS.items():
        raw = sources.get(key)
        if not isinstance(raw, dict) or raw.get("kind") in EXPLICIT:
            continue
        value = case.category if key == "category" else case.metadata.get(key)
        if not value:
            continue
        source = Source(**{k: v for k, v in raw.items() if k in Source.__dataclass_fields__})
        where_from = source.describe(lang)
        label = zh if lang == "zh" else en
        shown.append(
            f"{label} {value}（{where_from}）"
            if lang == "zh"
            else f"{label} {value} ({where_from})"
        )
    return " · ".join(shown)


def escape(text: str) -> str:
    """Text from a draft, inert on a terminal: no rich markup, no control characters."""
    return markup_escape(printable(text))


def where(location: Location, part: str | None, lang: Lang) -> str:
    """A place a person can find: part, paragraph (counted within the part) or table cell or
    line, and the nearest heading above it, quoted."""
    bits: list[str] = []
    if part:
        bits.append(_PARTS[lang][part])
    if location.table is not None:
        if lang == "zh":
            bits.append(f"表格{location.table} 第{location.row}行第{location.cell}列")
        else:
            bits.append(f"table {location.table} row {location.row} cell {location.cell}")
    elif location.paragraph is not None:
        number = location.part_paragraph or location.paragraph
        bits.append(f"第{number}段" if lang == "zh" else f"paragraph {number}")
    if location.line is not None:
        bits.append(f"第{location.line}行" if lang == "zh" else f"line {location.line}")
    if location.heading and location.heading not in (_PARTS["zh"].get(part or ""), part):
        # Word shows no paragraph numbers: the heading above is what a reader looks for.
        bits.append(quoted(location.heading) if lang == "zh" else f"under “{location.heading}”")
    return " · ".join(bits)


def frame(finding: Finding) -> list[str]:
    """The excerpt with the span underlined, trimmed to a window around it."""
    excerpt = finding.excerpt
    if not excerpt:
        return []
    loc = finding.location
    text = excerpt.replace("\n", " ").replace("\t", " ")
    if loc.start is None or loc.end is None or finding.excerpt_offset is None:
        return [text if len(text) <= 2 * FRAME_CONTEXT else text[: 2 * FRAME_CONTEXT] + "…"]
    start = max(0, min(len(text), loc.start - finding.excerpt_offset))
    end = max(start, min(len(text), loc.end - finding.excerpt_offset))
    left = max(0, start - FRAME_CONTEXT)
    right = min(len(text), end + FRAME_CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    shown = prefix + text[left:right] + suffix
    pad = cell_len(prefix + text[left:start])
    return [shown, " " * pad + "^" * max(1, cell_len(text[start:end]))]


class TextReporter:
    """``show_suppressed`` prints accepted findings too, each with its reason."""

    def __init__(
        self,
        console: Console,
        lang: Lang,
        *,
        show_elements: bool = True,
        show_suppressed: bool = False,
    ) -> None:
        self.console = console
        self.lang = lang
        self.words = _WORDS[lang]
        self.show_elements = show_elements
        self.show_suppressed = show_suppressed

    def shown(self, findings: list[Finding]) -> list[Finding]:
        """Findings to print: not those of the baseline, accepted ones on request."""
        return [
            f for f in findings if f.active or (self.show_suppressed and f.suppression is not None)
        ]

    def finding(self, finding: Finding, indent: str = "  ") -> None:
        severity = SEVERITY_LABELS[self.lang][finding.severity]
        style = _STYLE[finding.severity]
        self.console.print(
            f"{indent}[{style}]{severity}[/] [bold]{finding.code}[/] [dim]{finding.rule}[/]  "
            f"{escape(finding.message)}"
        )
        place = where(finding.location, finding.part, self.lang)
        if place:
            self.console.print(f"{indent}  [dim]--> {escape(place)}[/]")
        lines = frame(finding)
        for i, line in enumerate(lines):
            marker = "|" if i == 0 else " "
            self.console.print(
                f"{indent}   [dim]{marker}[/] {escape(line)}", style=None if i == 0 else style
            )
        if finding.suggestion:
            self.console.print(
                f"{indent}  [green]= {self.words['help']}：{escape(finding.suggestion)}[/]"
                if self.lang == "zh"
                else f"{indent}  [green]= {self.words['help']}: {escape(finding.suggestion)}[/]"
            )
        if finding.suppression is not None:
            reason = finding.suppression.reason or self.words["no-reason"]
            if finding.suppression.key and finding.suppression.file:  # caselint.toml accept[1]
                entry = f"{Path(finding.suppression.file).name} {finding.suppression.key}"
                reason += f"（{entry}）" if self.lang == "zh" else f" ({entry})"
            colon = "：" if self.lang == "zh" else ": "
            self.console.print(
                f"{indent}  [dim]= {self.words['accepted']}{colon}{escape(reason)}[/]"
            )

    def case(self, case: CaseResult) -> None:
        w = self.words
        mark = (
            f"[green]✓ {w['pass']}[/]" if case.verdict == "pass" else f"[bold red]✗ {w['fail']}[/]"
        )
        category = case.category or f"[red]{w['no-category']}[/]"
        self.console.print(f"[bold]{w['case']} {escape(case.id)}[/]  ({category})  {mark}")
        sizes = []
        for name in PART_NAMES:
            part = case.parts.get(name)
            if part is not None:
                over = part.words > part.limit
                figure = f"[bold red]{part.words}[/]" if over else str(part.words)
                sizes.append(f"{_PARTS[self.lang][name]} {figure}/{part.limit}")
        if sizes:
            self.console.print("  " + " · ".join(sizes))
        information = case_information(case, self.lang)
        if information:
            sep = "：" if self.lang == "zh" else ": "
            self.console.print(f"  [dim]{w['info']}{sep}[/]{escape(information)}")
        if self.show_elements and case.elements:
            summary = [e for e in case.elements if e.part == "summary"]
            if summary:
                shown = [
                    f"{e.n}←{escape(e.heading)}"
                    if e.heading
                    else f"{e.n}←{w['in-text']}"
                    if e.text
                    else f"[red]{e.n} {w['missing']}[/]"
                    for e in summary
                ]
                self.console.print(f"  [dim]{w['elements']}：[/]" + "  ".join(shown))
        by_file: dict[str, list[Finding]] = {}
        for finding in self.shown(case.findings):
            by_file.setdefault(finding.file or "", []).append(finding)
        for file, findings in by_file.items():
            if file:
                self.console.print(f"  [underline]{escape(file)}[/]")
            for finding in findings:
                self.finding(finding, indent="    ")
        self.console.print()

    def report(self, report: Report) -> None:
        for case in report.cases:
            self.case(case)
        across = self.shown(report.findings)
        if across:
            self.console.print(f"[bold]{self.words['batch']}[/]")
            shown_file = None
            for finding in across:
                if finding.file and finding.file != shown_file:  # e.g. caselint.toml
                    self.console.print(f"  [underline]{escape(finding.file)}[/]")
                shown_file = finding.file
                self.finding(finding)
            self.console.print()
        if report.fixed:
            self.console.print(
                f"[bold green]{self.words['fixed-title'].format(n=len(report.fixed))}[/]"
            )
            for finding in report.fixed:
                file = f" [dim]{escape(finding.file)}[/]" if finding.file else ""
                self.console.print(
                    f"  [green]✓[/] {finding.code} [dim]{finding.rule}[/]  {escape(finding.message)}{file}"
                )
            self.console.print()
        self.summary(report)

    def summary(self, report: Report) -> None:
        s = report.summary
        line = self.words["summary"].format(
            cases=s.cases, errors=s.errors, warnings=s.warnings, infos=s.infos
        )
        if s.suppressed:
            key = "suppressed-shown" if self.show_suppressed else "suppressed"
            line += self.words[key].format(n=s.suppressed)
        if s.unchanged:
            line += self.words["baseline"].format(n=s.unchanged)
        style = "bold red" if s.errors else ("yellow" if s.warnings else "green")
        self.console.print(f"[{style}]{line}[/]")


def make_console() -> Console:
    """Chinese has no spaces to break at: let the terminal wrap lines, not rich."""
    return Console(highlight=False, soft_wrap=True)


def print_report(
    report: Report,
    lang: Lang,
    console: Console | None = None,
    *,
    show_suppressed: bool = False,
) -> None:
    TextReporter(console or make_console(), lang, show_suppressed=show_suppressed).report(report)

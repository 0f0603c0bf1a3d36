"""The provincial summary workbook (openpyxl), readable in Excel and WPS and ready to print.

Three sheets: one row per case, every finding, and the quota per recommending body and
category. Each sheet opens with a title line and the run's counts, then the table: header row
frozen and repeated on every printed page, filters, column widths fitted to Chinese text and
capped so long text wraps, row heights that show the wrapped lines, landscape A4 one page wide.
Every value from a draft is untrusted: text that starts with ``= + - @`` is stored as text,
never as a formula.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from caselint.core.i18n import Lang
from caselint.core.model import Report
from caselint.core.xmltext import xml_safe
from caselint.engine import Settings
from caselint.reports.tables import (
    CASE_HEADERS,
    CASE_WIDTHS,
    FINDING_HEADERS,
    FINDING_WIDTHS,
    QUOTA_HEADERS,
    QUOTA_WIDTHS,
    case_rows,
    finding_rows,
    quota_rows,
    summary_text,
    title_text,
)

FORMULA_PREFIXES = ("=", "+", "-", "@")
#: Widest a column grows when the caller sets no cap of its own (characters of Excel's width).
MAX_WIDTH = 40
#: Points per line of 11-pt text (Excel's default row is 15 pt), and the padding of a row.
LINE_HEIGHT = 15.0
ROW_PADDING = 2.0
SHEETS = {
    "zh": ("案例汇总", "问题明细", "名额核查"),
    "en": ("cases", "findings", "quotas"),
}


@dataclass(frozen=True)
class Heading:
    """The lines above a table: a bold title and, optionally, a line of counts."""

    title: str
    summary: str | None = None

    @property
    def lines(self) -> list[str]:
        return [self.title] + ([self.summary] if self.summary else [])


def _cell(value: object) -> object:
    """A value openpyxl can store: numbers as they are, anything else as XML-safe text."""
    if value is None or isinstance(value, (int, float)):
        return value
    return xml_safe(value if isinstance(value, str) else str(value))


def column_width(header: str, values: Sequence[object], cap: int) -> int:
    """Wide enough for the longest value up to ``cap``; a long header wraps onto two lines
    rather than widen a column of figures."""
    head = cell_len(header)
    if head > 8:
        head = max(8, (head + 1) // 2 + 1)
    longest = max([head] + [cell_len(str(v)) for v in values if v not in (None, "")])
    return min(cap, longest + 2)


def line_count(value: object, width: float) -> int:
    """Lines a wrapped cell takes in a column ``width`` characters wide (Chinese counts two)."""
    if value in (None, ""):
        return 1
    usable = max(1.0, width - 1.5)
    total = 0
    for line in str(value).split("\n"):
        total += max(1, -(-cell_len(line) // int(usable)))
    return total


def _row_height(values: Sequence[object], widths: Sequence[float]) -> float:
    lines = max(line_count(v, w) for v, w in zip(values, widths, strict=False))
    return lines * LINE_HEIGHT + ROW_PADDING


def sheet(
    workbook,
    title: str,
    headers: list[str],
    rows: list[list[object]],
    *,
    heading: Heading | None = None,
    widths: Sequence[int] | None = None,
) -> None:
    """One table as a printable sheet; ``widths`` caps each column (default ``MAX_WIDTH``)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    ws = workbook.create_sheet(title)
    ncols = len(headers)
    caps = list(widths) if widths is not None else [MAX_WIDTH] * ncols
    column_widths = [
        column_width(header, [r[i] for r in rows if i < len(r)], caps[i])
        for i, header in enumerate(headers)
    ]
    last = get_column_letter(ncols)
    wrap = Alignment(wrap_text=True, vertical="top")
    lines = heading.lines if heading else []
    for n, text in enumerate(lines, start=1):
        ws.cell(row=n, column=1, value=_cell(text))
        ws.merge_cells(f"A{n}:{last}{n}")
        cell = ws.cell(row=n, column=1)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.font = Font(bold=n == 1, size=14 if n == 1 else 11)
        total = sum(column_widths)
        per_line = LINE_HEIGHT * (1.4 if n == 1 else 1.0)
        ws.row_dimensions[n].height = line_count(text, total) * per_line + ROW_PADDING
    header_row = len(lines) + 1
    ws.append(headers)
    for row in rows:
        ws.append([_cell(v) for v in row])

    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for row in ws.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.border = border
            cell.alignment = wrap
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula or an error code
                if cell.value.startswith(FORMULA_PREFIXES):
                    cell.quotePrefix = True
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in ws[header_row]:
        cell.font = bold
        cell.fill = fill
        cell.border = border
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for index, width in enumerate(column_widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.row_dimensions[header_row].height = _row_height(headers, column_widths)
    for offset, row in enumerate(rows, start=header_row + 1):
        ws.row_dimensions[offset].height = _row_height(row, column_widths)

    ws.freeze_panes = f"A{header_row + 1}"
    ws.auto_filter.ref = f"A{header_row}:{last}{max(header_row, ws.max_row)}"
    _print_setup(ws, header_row)


def _print_setup(ws, header_row: int) -> None:
    """Landscape A4, all columns on one page wide, the header row repeated on every page."""
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, footer=0.3)
    ws.oddFooter.center.text = "&P / &N"


def render_bytes(report: Report, settings: Settings, lang: Lang) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    cases, findings, quotas = SHEETS[lang]
    heading = Heading(title_text(report, settings, lang), summary_text(report, lang))
    sheet(
        workbook,
        cases,
        CASE_HEADERS[lang],
        case_rows(report, lang),
        heading=heading,
        widths=CASE_WIDTHS,
    )
    sheet(
        workbook,
        findings,
        FINDING_HEADERS[lang],
        finding_rows(report, lang),
        heading=Heading(heading.title),
        widths=FINDING_WIDTHS,
    )
    quota_sheet(workbook, quotas, report, settings, heading.title)
    return to_bytes(workbook)


def quota_sheet(workbook, name: str, report: Report, settings: Settings, title: str) -> None:
    """名额核查, the same in the check's workbook and the pack's index."""
    lang = settings.lang
    rows = quota_rows(report, settings, lang)
    sheet(workbook, name, QUOTA_HEADERS[lang], rows, heading=Heading(title), widths=QUOTA_WIDTHS)


def to_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

"""The provincial summary workbook (openpyxl), readable in Excel and WPS.

Three sheets: one row per case, every finding, and the quota per recommending body and
category; frozen header row, filters, column widths fitted to Chinese text. Every value from a
draft is untrusted: text that starts with ``= + - @`` is stored as text, never as a formula.
"""

from __future__ import annotations

import io

from rich.cells import cell_len

from caselint.core.i18n import Lang
from caselint.core.model import Report
from caselint.core.xmltext import xml_safe
from caselint.engine import Settings
from caselint.reports.tables import (
    CASE_HEADERS,
    FINDING_HEADERS,
    QUOTA_HEADERS,
    case_rows,
    finding_rows,
    quota_rows,
)

FORMULA_PREFIXES = ("=", "+", "-", "@")
MAX_WIDTH = 60
SHEETS = {
    "zh": ("案例汇总", "问题明细", "名额核查"),
    "en": ("cases", "findings", "quotas"),
}


def _cell(value: object) -> object:
    """A value openpyxl can store: numbers as they are, anything else as XML-safe text."""
    if value is None or isinstance(value, (int, float)):
        return value
    return xml_safe(value if isinstance(value, str) else str(value))


def sheet(workbook, title: str, headers: list[str], rows: list[list[object]]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet = workbook.create_sheet(title)
    sheet.append(headers)
    for row in rows:
        sheet.append([_cell(v) for v in row])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula or an error code
                if cell.value.startswith(FORMULA_PREFIXES):
                    cell.quotePrefix = True
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
    for index, header in enumerate(headers, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        longest = max(
            [cell_len(str(header))]
            + [cell_len(str(r[index - 1])) for r in rows if index - 1 < len(r)]
        )
        sheet.column_dimensions[letter].width = min(MAX_WIDTH, longest + 2)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def render_bytes(report: Report, settings: Settings, lang: Lang) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    cases, findings, quotas = SHEETS[lang]
    sheet(workbook, cases, CASE_HEADERS[lang], case_rows(report, lang))
    sheet(workbook, findings, FINDING_HEADERS[lang], finding_rows(report, lang))
    sheet(workbook, quotas, QUOTA_HEADERS[lang], quota_rows(report, settings, lang))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

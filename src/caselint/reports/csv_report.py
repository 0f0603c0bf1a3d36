"""The case summary as CSV, UTF-8 with BOM so Excel and WPS open Chinese text correctly.

A value that starts with ``= + - @`` (or a tab or carriage return, which some programs skip
before reading a formula) gets a leading apostrophe so spreadsheet programs show it as text
instead of running it (drafts are untrusted input).
"""

from __future__ import annotations

import csv
import io

from caselint.core.i18n import Lang
from caselint.core.model import Report
from caselint.reports.tables import CASE_HEADERS, case_rows
from caselint.reports.xlsx import FORMULA_PREFIXES


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith((*FORMULA_PREFIXES, "\t", "\r")):
        return "'" + value
    return value


def render_bytes(report: Report, lang: Lang) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CASE_HEADERS[lang])
    for row in case_rows(report, lang):
        writer.writerow([_safe(v) for v in row])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")

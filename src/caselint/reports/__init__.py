"""Report formats, one module each; none of them decides anything, they only render.

``FORMATS`` maps a format name to the function producing its bytes; ``format_for_path`` picks a
format from an output file's name (``summary.xlsx``, ``results.sarif``, ``junit.xml``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caselint.core.i18n import Lang
    from caselint.core.model import Report
    from caselint.engine import Settings

Renderer = Callable[["Report", "Settings", "Lang"], bytes]

#: Characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF). Drafts
#: and metadata may hold them (a form feed pasted from Word, \x07 in a case.toml); the XML
#: formats (JUnit, the workbook) drop them rather than fail the run.


def _text(report: Report, settings: Settings, lang: Lang) -> bytes:
    from rich.console import Console

    from caselint.reports.text import TextReporter

    console = Console(
        record=True,
        width=100,
        force_terminal=False,
        color_system=None,
        soft_wrap=True,
        file=_Null(),
    )
    TextReporter(console, lang).report(report)
    return console.export_text().encode("utf-8")


class _Null:
    def write(self, _: str) -> int:
        return 0

    def flush(self) -> None:
        pass


def _json(report: Report, settings: Settings, lang: Lang) -> bytes:
    from caselint.reports import json_report

    return json_report.render(report, lang).encode("utf-8")


def _junit(report: Report, settings: Settings, lang: Lang) -> bytes:
    from caselint.reports import junit

    return junit.render(report, lang).encode("utf-8")


def _sarif(report: Report, settings: Settings, lang: Lang) -> bytes:
    from caselint.reports import sarif

    return sarif.render(report, lang).encode("utf-8")


def _github(report: Report, settings: Settings, lang: Lang) -> bytes:
    from caselint.reports import github

    return github.render(report, lang).encode("utf-8")


def _xlsx(report: Report, settings: Settings, lang: Lang) -> bytes:
    from caselint.reports import xlsx

    return xlsx.render_bytes(report, settings, lang)


def _csv(report: Report, settings: Settings, lang: Lang) -> bytes:
    from caselint.reports import csv_report

    return csv_report.render_bytes(report, lang)


FORMATS: dict[str, Renderer] = {
    "text": _text,
    "json": _json,
    "junit": _junit,
    "sarif": _sarif,
    "github": _github,
    "xlsx": _xlsx,
    "csv": _csv,
}

_SUFFIXES = (
    (".sarif.json", "sarif"),
    (".sarif", "sarif"),
    (".junit.xml", "junit"),
    (".xml", "junit"),
    (".json", "json"),
    (".xlsx", "xlsx"),
    (".csv", "csv"),
    (".txt", "text"),
    (".log", "text"),
)


_ALIASES = {"txt": "text", "xml": "junit", "excel": "xlsx"}


def format_for_path(spec: str) -> tuple[str, Path] | None:
    """``fmt:path`` or a path whose suffix names the format; None when it cannot be told."""
    head, sep, tail = spec.partition(":")
    head = _ALIASES.get(head, head)
    if sep and head in FORMATS and len(head) > 1:
        return (head, Path(tail)) if tail and tail != "-" else None
    lowered = spec.lower()
    for suffix, fmt in _SUFFIXES:
        if lowered.endswith(suffix):
            return fmt, Path(spec)
    return None

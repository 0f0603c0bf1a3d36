"""The JSON contract (``caselint schema`` prints its JSON Schema)."""

from __future__ import annotations

from caselint.model import Report


def render(report: Report, lang: str = "zh") -> str:
    return report.model_dump_json(indent=2)

"""The JSON contract (``caselint schema`` prints its JSON Schema)."""

from __future__ import annotations

from caselint.core.model import Report
from caselint.core.serialize import to_json


def render(report: Report, lang: str = "zh") -> str:
    return to_json(report)

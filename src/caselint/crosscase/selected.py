"""The list of previously selected cases: the pack's known rows plus the user's CSV.

CSV columns: ``year, category, case_name, unit, status`` (``入选`` / ``提名``), optionally
``province`` and ``source``. Chinese headers (年份, 类别, 案例名称, 申报单位, 状态) are accepted.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from caselint.core.encoding import decode

_HEADERS = {
    "year": ("year", "年份", "年度"),
    "category": ("category", "类别"),
    "case_name": ("case_name", "案例名称", "名称"),
    "unit": ("unit", "申报单位", "单位"),
    "status": ("status", "状态", "结果"),
    "province": ("province", "省份"),
    "source": ("source", "来源"),
}


class SelectedListError(Exception):
    """A selected-case list that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class SelectedRow:
    year: int
    category: str
    case_name: str
    unit: str
    status: str
    province: str = ""
    source: str = ""


def read_selected(path: Path) -> list[SelectedRow]:
    try:
        text, _ = decode(path.read_bytes(), path)
    except Exception as exc:  # any read or decode failure is reported with the file name
        raise SelectedListError(f"{path}: {exc}") from exc
    reader = csv.DictReader(io.StringIO(text))
    fields = {
        name: _column(reader.fieldnames or [], spellings) for name, spellings in _HEADERS.items()
    }
    missing = [n for n in ("year", "category", "case_name", "status") if fields[n] is None]
    if missing:
        raise SelectedListError(f"{path}: 缺少列 / missing columns: {', '.join(missing)}")
    rows = []
    for number, raw in enumerate(reader, start=2):
        values = {name: (raw.get(col) or "").strip() if col else "" for name, col in fields.items()}
        try:
            year = int(values.pop("year"))
        except ValueError as exc:
            raise SelectedListError(f"{path}:{number}: year 不是年份 / not a year") from exc
        rows.append(SelectedRow(year=year, **values))
    return rows


def _column(names: list[str], spellings: tuple[str, ...]) -> str | None:
    for name in names:
        if name and name.strip().lstrip("\ufeff").lower() in spellings:
            return name
    return None

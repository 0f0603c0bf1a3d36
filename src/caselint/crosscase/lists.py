"""Lists as offices keep them: a province's shortlist, last year's selected cases.

The same reader serves ``--shortlist``, ``--selected`` and the tables found at the root of a
province folder. It takes what offices have at hand:

* numbered lines as published (``1. 案例名称（申报单位，类别）``, ``1、案例名称——申报单位``),
  under group headings that name a category (``一、新媒体平台建设（10个）``);
* tab- or comma-separated text, ``.csv``, ``.xlsx`` and ``.docx`` / Markdown tables, with
  Chinese or English headers (案例名称 / case_name, 申报单位 / unit, 类别, 年份, 状态, 推荐 …).

A line that looks like an entry but yields no case name is kept in ``unparsed``: the caller
reports it as a hint, never as a failure. Reading the file itself may fail (missing, not a
list): :class:`ListError` names the file and the problem.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caselint.rulepack.pack import RulePack

MAX_LIST_BYTES = 8 * 1024 * 1024
_HEADERS = {
    "case_name": ("case_name", "name", "案例名称", "名称", "案例", "项目名称", "事例名称"),
    "unit": ("unit", "申报单位", "单位", "单位名称", "申报单位全称"),
    "category": ("category", "类别", "申报类别", "案例类别"),
    "year": ("year", "年份", "年度"),
    "status": ("status", "状态", "结果", "入选情况"),
    "province": ("province", "省份", "所属省份", "地区"),
    "recommended": ("recommended", "推荐", "是否推荐"),
    "source": ("source", "来源"),
}
_NUMBER = re.compile(r"^\s*(?:[（(]\s*\d{1,3}\s*[）)]|\d{1,3}\s*[.、．)）]|[①-⑳])\s*")
_GROUP = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十]+类)\s*")
_TAIL = re.compile(r"[（(]([^（）()]*)[）)]\s*$")
_DASH = re.compile(r"\s*(?:——|--|—|－－)\s*")
_SPLIT = re.compile(r"\s*[，,、；;/]\s*")


class ListError(Exception):
    """A list file that cannot be read; the message names the file and the problem."""


@dataclass
class ListRow:
    """One entry: the case name, and whatever else the list says about it."""

    case_name: str
    unit: str = ""
    category: str = ""
    year: int | None = None
    status: str = ""
    province: str = ""
    recommended: str = ""
    source: str = ""


@dataclass
class ListFile:
    path: Path
    rows: list[ListRow] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)


def read_list(path: Path, pack: RulePack, *, plain_names: bool = False) -> ListFile:
    """Read a list file (see the module docstring). ``plain_names``: a bare line is a case name
    (a shortlist written one name per line), not a title."""
    from caselint.core.read_error import ReadError
    from caselint.core.readfile import read_regular

    try:
        if not path.is_file():
            raise ListError(f"{path}: 找不到文件 / not found")
        try:  # read once, as a regular file within the cap (a FIFO or a link loop never blocks)
            data = read_regular(path, MAX_LIST_BYTES)
        except ReadError as exc:
            raise ListError(f"{path}: {exc}") from exc
        suffix = path.suffix.lower()
        if suffix == ".xlsx":
            rows = _xlsx_rows(data)
            lines: list[str] = []
        elif suffix == ".docx":
            rows, lines = _docx_rows(path, data)
        else:
            from caselint.core.encoding import decode

            text, _ = decode(data, path)
            rows, lines = _text_rows(text, markdown=suffix in (".md", ".markdown"))
    except ListError:
        raise
    except Exception as exc:  # a damaged workbook or document, unreadable bytes
        raise ListError(f"{path}: {type(exc).__name__}: {exc}".splitlines()[0][:300]) from exc
    result = ListFile(path)
    if rows:
        _from_table(rows, result, pack)
    # beside a table, bare lines are its title and notes, never case names
    _from_lines(lines, result, pack, plain_names=plain_names and not result.rows)
    return result


# -- sources ---------------------------------------------------------------------------------


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [
            ["" if v is None else str(v).strip() for v in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    finally:
        book.close()


def _docx_rows(path: Path, data: bytes) -> tuple[list[list[str]], list[str]]:
    from caselint.core.model import BlockKind
    from caselint.readers.docx import read_docx

    document = read_docx(str(path), data)
    rows: dict[tuple[int, int], dict[int, str]] = {}
    lines = []
    for block in document.blocks:
        if block.kind is BlockKind.TABLE_CELL and block.location.table == 1:
            key = (block.location.table, block.location.row or 0)
            cells = rows.setdefault(key, {})
            cell = block.location.cell or 0
            cells[cell] = (cells.get(cell, "") + block.text).strip()
        elif block.kind is not BlockKind.TABLE_CELL and block.display_text.strip():
            lines.append(block.display_text.strip())
    table = [[cells[c] for c in sorted(cells)] for _, cells in sorted(rows.items())]
    return table, lines


def _text_rows(text: str, *, markdown: bool) -> tuple[list[list[str]], list[str]]:
    """A Markdown table or delimited text with a header row; otherwise the lines."""
    lines = [line.strip().lstrip("\ufeff") for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    if markdown:
        table = [line for line in lines if line.startswith("|")]
        if table:
            rows = [
                [c.strip() for c in line.strip("|").split("|")]
                for line in table
                if not re.fullmatch(r"\|?[\s:\-|]+\|?", line)
            ]
            rest = [line for line in lines if not line.startswith("|")]
            return rows, rest
        return [], [re.sub(r"^[-*+]\s+", "", line) for line in lines]
    for delimiter in ("\t", ","):
        if lines and delimiter in lines[0] and _header(lines[0].split(delimiter)):
            reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
            return [[c.strip() for c in row] for row in reader], []
    return [], lines


# -- interpretation --------------------------------------------------------------------------


def _header(cells: list[str]) -> dict[str, int] | None:
    """Column of each known field, when the row is a header naming the case-name column."""
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = cell.strip().lstrip("\ufeff").casefold().replace(" ", "")
        for key, spellings in _HEADERS.items():
            if key not in found and name in spellings:
                found[key] = index
    return found if "case_name" in found else None


#: Words of a table's footer or note rows (（盖章） 填报日期：…, 合计, 制表人).
_FOOTER = re.compile(r"盖章|公章|签章|填报|日期|制表|审核|合计|总计|备注|说明|注：")


def _from_table(rows: list[list[str]], result: ListFile, pack: RulePack) -> None:
    """Rows under the header row; rows above it are the table's title (西岭省…推荐汇总表)
    and footer rows its seal and date (（盖章） 填报日期：…): skipped, not listed."""
    columns = None
    above: list[str] = []
    for row in rows:
        if columns is None:
            columns = _header(row)
            if columns is None and any(c.strip() for c in row):
                above.append(" | ".join(row))
            continue
        values = {k: row[i].strip() if i < len(row) else "" for k, i in columns.items()}
        name = _clean_name(values.get("case_name", ""))
        filled = {c.strip() for c in row if c.strip()}
        if not name or _FOOTER.search(name):
            if filled and not any(_FOOTER.search(c) for c in filled):
                result.unparsed.append(" | ".join(row))
            continue
        year = values.get("year", "")
        result.rows.append(
            ListRow(
                case_name=name,
                unit=values.get("unit", ""),
                category=values.get("category", ""),
                year=int(year) if year.isdigit() else None,
                status=values.get("status", ""),
                province=values.get("province", ""),
                recommended=values.get("recommended", ""),
                source=values.get("source", ""),
            )
        )

    if columns is None:
        result.unparsed.extend(above)  # no header row: nothing was read, say what was there


def _clean_name(name: str) -> str:
    return _NUMBER.sub("", name).strip().strip("　")


def _category_named(text: str, pack: RulePack) -> str:
    """The category a group heading names, as written (体制机制改革 stays 2024's name)."""
    for category in pack.categories:
        for name in sorted(category.names, key=len, reverse=True):
            if name in text:
                return name
    return ""


def _from_lines(lines: list[str], result: ListFile, pack: RulePack, *, plain_names: bool) -> None:
    group = ""
    for line in lines:
        numbered = bool(_NUMBER.match(line))
        body = _NUMBER.sub("", line).strip()
        if not numbered and _GROUP.match(line):
            group = _category_named(line, pack) or group
            continue
        tail = _TAIL.search(body)
        dashed = _DASH.search(body)
        delimited = "\t" in body
        if not (numbered or plain_names or (tail and _SPLIT.search(tail.group(1))) or delimited):
            group = _category_named(line, pack) or group  # a title or a group heading
            continue
        row = _entry(body, pack, tail, dashed, delimited)
        if row is None:
            result.unparsed.append(line)
            continue
        row.category = row.category or group
        if "提名" in line:
            row.status = "提名"
        result.rows.append(row)


def _entry(body: str, pack: RulePack, tail, dashed, delimited: bool) -> ListRow | None:
    if delimited:
        cells = [c.strip() for c in body.split("\t")]
        row = ListRow(case_name=cells[0])
        for cell in cells[1:]:
            _assign(row, cell, pack)
        return row if row.case_name else None
    name = body
    row = ListRow(case_name="")
    if tail is not None:
        name = body[: tail.start()]
        for part in _SPLIT.split(tail.group(1)):
            _assign(row, part, pack)
    elif dashed is not None:
        name = body[: dashed.start()]
        for part in _SPLIT.split(body[dashed.end() :]):
            _assign(row, part, pack)
    elif "," in body:  # 名称,备注: a shortlist line with a note after a comma
        name, _, rest = body.partition(",")
        for part in _SPLIT.split(rest):
            _assign(row, part, pack)
    row.case_name = name.strip().rstrip("，,。；;")
    return row if len(row.case_name) >= 2 else None


def _assign(row: ListRow, text: str, pack: RulePack) -> None:
    """A bracketed or dashed detail: a category, a status, a year, else the unit."""
    text = text.strip()
    if not text:
        return
    if pack.category(text) is not None:
        row.category = text
    elif text in ("入选", "获选", "提名"):
        row.status = text
    elif re.fullmatch(r"(?:19|20)\d{2}年?", text):
        row.year = int(text[:4])
    elif not row.unit:
        row.unit = text

"""The 申请表 (application form) of a bundle, filled from the case metadata with the pack's template.

The form is data (``rules/<pack>/application-form.toml``, see the comments there) because it
changes from year to year and the 2025 one was never published: the pack marks the fields whose
names are unconfirmed (``confirmed = false`` with a note), and the generated form shows those
labels with a mark and lists the notes under the table, so whoever types the form into the
platform knows which names to look for.
"""

from __future__ import annotations

import hashlib
import string
from pathlib import Path
from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from pydantic import BaseModel, ConfigDict, ValidationError

from caselint.core.read_error import ReadError
from caselint.core.readfile import read_regular
from caselint.pack.docx_finish import finish_bundle_docx
from caselint.pack.docx_props import DocProps
from caselint.pack.errors import PackError
from caselint.pack.layout import TABLE_STYLE, TABLE_TEXT_STYLE, new_document, set_fonts, set_indent
from caselint.pack.names import fill_pattern
from caselint.rulepack.files import MAX_TOML_BYTES
from caselint.rulepack.pack import FormField, RulePack, tomllib

COMPUTED = ("summary_words", "detailed_words", "year", "id")


class FormRow(BaseModel):
    """One row: a metadata ``field``, or a ``label`` with a ``value`` template (maybe blank)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str | None = None
    label: str | None = None
    value: str | None = None
    height_cm: float | None = None
    confirmed: bool | None = None
    note: str | None = None


class FormTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    subtitle: str = ""
    unconfirmed_mark: str = "※"
    legend: str = ""
    #: The note of an unconfirmed field that has none of its own.
    default_note: str = "字段名待核"
    caution: str = ""
    label_width_cm: float = 4.5
    rows: list[FormRow]


class Form:
    """A template bound to its pack: where it came from, and the rows with labels resolved."""

    def __init__(
        self, template: FormTemplate, pack: RulePack, source: Path | None, digest: str | None
    ):
        self.template = template
        self.pack = pack
        self.source = source
        self.digest = digest
        self.fields: dict[str, FormField] = (
            {f.key: f for f in pack.metadata.fields} if pack.metadata else {}
        )

    def rows(self, values: dict[str, Any]) -> list[tuple[str, str, bool, str, float | None]]:
        """(label, value, confirmed, note, height) of every row, filled from ``values``."""
        out = []
        for row in self.template.rows:
            field = self.fields.get(row.field or "")
            label = row.label or (field.label if field else row.field or "")
            confirmed = (
                row.confirmed if row.confirmed is not None else (field.confirmed if field else True)
            )
            note = row.note if row.note is not None else (field.note if field else "")
            if not confirmed and not note:
                note = self.template.default_note
            if row.value is not None:
                value = fill_pattern(row.value, values, self.pack)
            else:
                value = _text(values.get(row.field or ""))
            out.append((label, value, confirmed, note, row.height_cm))
        return out

    def empty(self, values: dict[str, Any]) -> list[str]:
        """Labels of the rows naming a metadata field that has no value."""
        filled = zip(self.template.rows, self.rows(values), strict=True)
        return [
            label
            for row, (label, value, *_) in filled
            if row.field and row.value is None and not value.strip()
        ]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return str(value)


def load_form(pack: RulePack) -> Form:
    """The pack's form template (``bundle.form_template``), or one row per metadata field."""
    reference = pack.bundle.form_template
    if not reference:
        fields = pack.metadata.fields if pack.metadata else []
        rows = [FormRow(field=f.key) for f in fields if f.key not in ("recommended",)]
        return Form(FormTemplate(title=f"{pack.pack.program}申请表", rows=rows), pack, None, None)
    path = pack.resolve(reference)
    try:
        raw = read_regular(path, MAX_TOML_BYTES)
        template = FormTemplate.model_validate(tomllib.loads(raw.decode("utf-8")))
    except (ReadError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise PackError(
            f"{path}: 申请表模板无效 / invalid form template: {exc}", usage=True
        ) from exc
    known = set(COMPUTED) | {f.key for f in (pack.metadata.fields if pack.metadata else [])}
    known |= {"case_name", "unit", "province", "category"}
    for row in template.rows:
        names = [row.field] if row.field else []
        names += [n for _, n, _, _ in string.Formatter().parse(row.value or "") if n]
        names += [n for _, n, _, _ in string.Formatter().parse(template.subtitle) if n]
        unknown = [n for n in names if n not in known]
        if unknown:
            raise PackError(
                f"{path}: 申请表模板引用了未知字段 / unknown form field: {', '.join(unknown)}",
                usage=True,
            )
    return Form(template, pack, path, hashlib.sha256(raw).hexdigest())


def write_form(form: Form, values: dict[str, Any], props: DocProps) -> bytes:
    """申请表.docx: title, a two-column table, the unconfirmed-field notes and a caution."""
    template = form.template
    layout = form.pack.bundle.layout.model_copy(update={"page_numbers": False})
    document = new_document(layout)
    _centred(document, template.title, layout.title_font, layout.title_size_pt, layout)
    subtitle = fill_pattern(template.subtitle, values, form.pack) if template.subtitle else ""
    if subtitle.strip("（）() "):
        _centred(
            document,
            subtitle,
            layout.heading_fonts[-1] if layout.heading_fonts else layout.body_font,
            layout.body_size_pt,
            layout,
        )
    rows = form.rows(values)
    table = document.add_table(rows=len(rows), cols=2)
    table.style = document.styles[TABLE_STYLE]
    label_width = Cm(template.label_width_cm)
    section = document.sections[0]
    value_width = section.page_width - section.left_margin - section.right_margin - label_width
    notes = []
    for (label, value, confirmed, note, height), row in zip(rows, table.rows, strict=True):
        if height:
            row.height = Cm(height)
        label_cell, value_cell = row.cells
        label_cell.width, value_cell.width = label_width, value_width
        shown = label if confirmed else f"{label}{template.unconfirmed_mark}"
        _cell(
            document,
            label_cell,
            shown,
            layout.heading_fonts[0] if layout.heading_fonts else layout.body_font,
            layout,
            center=True,
        )
        _cell(document, value_cell, value, layout.body_font, layout)
        if not confirmed:
            notes.append(
                f"{template.unconfirmed_mark} {label}：{note}"
                if note
                else f"{template.unconfirmed_mark} {label}"
            )
    if notes and template.legend:
        _note(document, template.legend, layout)
    for note in notes:
        _note(document, note, layout)
    if template.caution:
        _note(document, template.caution, layout)
    return finish_bundle_docx(document, props)


def _centred(document: Any, text: str, font: str, size: float, layout: Any) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.line_spacing = Pt(round(size * 1.6))
    paragraph.paragraph_format.space_after = Pt(layout.body_size_pt / 2)
    set_indent(paragraph._p.get_or_add_pPr(), 0, size)
    run = paragraph.add_run(text)
    set_fonts(run._r.get_or_add_rPr(), font, layout.latin_font)
    run.font.size = Pt(size)


def _cell(
    document: Any, cell: Any, text: str, font: str, layout: Any, *, center: bool = False
) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    paragraph.style = document.styles[TABLE_TEXT_STYLE]
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    set_fonts(run._r.get_or_add_rPr(), font, layout.latin_font)


def _note(document: Any, text: str, layout: Any) -> None:
    paragraph = document.add_paragraph()
    paragraph.style = document.styles[TABLE_TEXT_STYLE]
    paragraph.paragraph_format.space_before = Pt(4)
    paragraph.add_run(text)

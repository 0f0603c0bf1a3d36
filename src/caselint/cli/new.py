"""``caselint new --category 融合生产传播 -o 草稿.docx``: a draft to start from."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from caselint.cli.common import (
    DebugOption,
    Exit,
    LangOption,
    RulesOption,
    h,
    load_pack_or_exit,
    parse_lang,
    refuse_overlap,
    require_writable,
    usage_error,
)

if TYPE_CHECKING:
    from caselint.core.i18n import Lang


class DraftFormat(str, Enum):
    docx = "docx"
    md = "md"


_SUFFIXES = {".docx": DraftFormat.docx, ".md": DraftFormat.md, ".markdown": DraftFormat.md}


def new(
    category: Annotated[
        str | None,
        typer.Option(
            "--category",
            "-c",
            help=h(
                "申报类别：名称、编号或别名（如 融合生产传播、production、体制机制改革）",
                "category: name, id or alias (融合生产传播, production, 体制机制改革)",
            ),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=h(
                "草稿文件（默认：<类别>案例草稿.docx，写在当前目录）",
                "draft file (default: <category>案例草稿.docx in the current folder)",
            ),
        ),
    ] = None,
    draft_format: Annotated[
        DraftFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=h(
                "docx 或 md（默认按输出文件扩展名，否则 docx）", "docx or md (default: from -o)"
            ),
        ),
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help=h("覆盖已存在的文件", "replace an existing file"))
    ] = False,
    rules: RulesOption = None,
    lang: LangOption = "zh",
    debug: DebugOption = False,
) -> None:
    """按类别生成申报材料草稿：标题、综合材料与详细材料、六个要素小标题和填写指引。"""
    language = parse_lang(lang)
    pack = load_pack_or_exit(rules, language)
    choices = "、".join(c.name for c in pack.categories)
    if not category:
        usage_error(
            f"请用 --category 指定类别：{choices}",
            f"choose a category with --category: {choices}",
            language,
        )
    fmt = _format(draft_format, output, language)

    from caselint.core.fsutil import OutputExistsError, atomic_write_bytes
    from caselint.template import UnknownCategoryError, find_category, new_draft

    try:
        chosen = find_category(pack, category)
    except UnknownCategoryError:
        usage_error(
            f"未知类别：{category}，应为：{choices}",
            f"unknown category: {category}; one of: {choices}",
            language,
        )
    target = output or Path(f"{chosen.name}案例草稿.{fmt.value}")
    if not target.suffix:
        target = target.with_name(f"{target.name}.{fmt.value}")
    require_writable(target, overwrite, language, ("文件", "file"))
    refuse_overlap([target], [Path(p) for p in pack.sources], [], language)
    data = new_draft(pack, chosen.name, fmt.value)
    try:
        atomic_write_bytes(target, data, overwrite=overwrite)
    except OutputExistsError:
        usage_error(
            f"文件已存在：{target}（加 --overwrite 覆盖）",
            f"file exists: {target} (use --overwrite)",
            language,
        )
    except OSError as exc:
        usage_error(f"无法写入 {target}：{exc}", f"cannot write {target}: {exc}", language)
    if language == "en":
        typer.echo(
            f"wrote {target}: a {chosen.name} draft; fill in each section, then run "
            f"caselint check {target}"
        )
    else:
        typer.echo(
            f"已生成 {target}（{chosen.name}）：按指引填写各节后运行 caselint check {target}"
        )
    raise typer.Exit(Exit.OK)


def _format(given: DraftFormat | None, output: Path | None, lang: Lang) -> DraftFormat:
    """The format asked for, or the output's suffix; the two must agree."""
    implied = _SUFFIXES.get(output.suffix.lower()) if output is not None else None
    if output is not None and implied is None and output.suffix:
        usage_error(
            f"草稿只能是 .docx 或 .md：{output}",
            f"a draft is a .docx or .md file: {output}",
            lang,
        )
    if given is not None and implied is not None and given is not implied:
        usage_error(
            f"--format {given.value} 与文件扩展名不一致：{output}",
            f"--format {given.value} does not match {output}",
            lang,
        )
    return given or implied or DraftFormat.docx


def register(app: typer.Typer) -> None:
    app.command(
        "new",
        help=h(
            "按类别生成申报材料草稿：标题、综合材料与详细材料、六个要素小标题和填写指引。",
            "Start a draft of a category: parts, the six element headings and writing guides.",
        ),
    )(new)

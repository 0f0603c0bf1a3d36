"""``caselint annotate 草稿.docx``: a copy of the draft with every finding as a Word comment."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from caselint.cli.common import (
    DebugOption,
    Exit,
    LangOption,
    RulesOption,
    h,
    refuse_overlap,
    require_writable,
    run_inputs,
    usage_error,
)
from caselint.cli.run import (
    CategoryOption,
    ConfigOption,
    ExitZeroOption,
    FailOnOption,
    IgnoreOption,
    ScopeOption,
    SelectOption,
    fail_threshold,
    findings_exit,
    load_run_config,
    make_settings,
)

if TYPE_CHECKING:
    from caselint.core.i18n import Lang


def annotate(
    paths: Annotated[
        list[Path],
        typer.Argument(help=h("要批注的 .docx 草稿（可多个）", ".docx drafts"), show_default=False),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=h(
                "审阅稿路径（默认：原文件名.审阅.docx，与原稿同目录；只用于一个输入文件）",
                "annotated copy (default: <name>.审阅.docx beside the draft; one input only)",
            ),
        ),
    ] = None,
    overwrite: Annotated[
        bool,
        typer.Option("--overwrite", help=h("覆盖已存在的审阅稿", "replace an existing copy")),
    ] = False,
    category: CategoryOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    count_scope: ScopeOption = None,
    exit_zero: ExitZeroOption = False,
    fail_on: FailOnOption = None,
    config_file: ConfigOption = None,
    rules: RulesOption = None,
    lang: LangOption = "",
    debug: DebugOption = False,
) -> None:
    """把检查结果作为 Word 批注写入草稿副本（原文件名.审阅.docx），原稿不变。"""
    config, language = load_run_config(paths, config_file, lang)
    settings = make_settings(config, rules, category, select, ignore, count_scope, language)
    jobs = _jobs(paths, output, overwrite, language)
    _refuse_outputs_among_inputs(jobs, settings, config.source, language)

    from caselint.annotate import AnnotateError, annotate_docx
    from caselint.core.fsutil import OutputExistsError, atomic_write_bytes
    from caselint.core.model import at_least

    failed = False
    failing = 0
    for source, target in jobs:
        try:
            copy = annotate_docx(source, settings)
        except AnnotateError as exc:
            typer.echo(f"caselint: {exc.message(language)}", err=True)
            failed = True
            continue
        try:
            atomic_write_bytes(target, copy.data, overwrite=overwrite)
        except OutputExistsError:
            message = (
                f"审阅稿已存在：{target}（加 --overwrite 覆盖）"
                if language == "zh"
                else f"output exists: {target} (use --overwrite)"
            )
            typer.echo(f"caselint: {message}", err=True)
            failed = True
            continue
        except OSError as exc:
            message = (
                f"无法写入 {target}：{exc}" if language == "zh" else f"cannot write {target}: {exc}"
            )
            typer.echo(f"caselint: {message}", err=True)
            failed = True
            continue
        threshold = fail_threshold(fail_on, config, settings, copy.result.files)
        failing += at_least(copy.result.findings, threshold)
        typer.echo(_done(target, copy, language))
    if failed:
        raise typer.Exit(Exit.USAGE)
    raise typer.Exit(findings_exit(failing, exit_zero, config))


def _jobs(
    paths: list[Path], output: Path | None, overwrite: bool, lang: Lang
) -> list[tuple[Path, Path]]:
    """Each draft and where its copy goes; refuses what would lose a file."""
    from caselint.annotate import default_output

    if output is not None and len(paths) > 1:
        usage_error(
            "-o/--output 只能用于一个输入文件；多个文件时审阅稿写在各自原稿旁",
            "-o/--output takes one input file; with several, each copy goes beside its draft",
            lang,
        )
    jobs = []
    for path in paths:
        if path.is_dir():
            usage_error(
                f"annotate 需要 .docx 文件，而不是文件夹：{path}",
                f"annotate takes .docx files, not folders: {path}",
                lang,
            )
        target = output if output is not None else default_output(path)
        if target.exists() and target.resolve() == path.resolve():
            usage_error(
                f"审阅稿不能覆盖原稿：{target}",
                f"the copy cannot replace the draft: {target}",
                lang,
            )
        require_writable(target, overwrite, lang, ("审阅稿", "output"))
        jobs.append((path, target))
    return jobs


def _refuse_outputs_among_inputs(
    jobs: list[tuple[Path, Path]], settings, config_source: str | None, lang: Lang
) -> None:
    """No copy may replace, hold or sit inside what the run reads: each draft, the other part
    of its case (read beside it), its metadata file, the config and the rule pack."""
    from caselint.cases.discover import case_for_file

    cases = [case_for_file(source, settings.pack) for source, _ in jobs if source.is_file()]
    named = [source for source, _ in jobs]
    inputs, folders = run_inputs(named, cases, [config_source, *settings.pack.sources])
    refuse_overlap([target for _, target in jobs], inputs, folders, lang)


def _done(target: Path, copy, lang: Lang) -> str:
    findings = [f for f in copy.result.findings if f.active]
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    infos = sum(f.severity == "info" for f in findings)
    if lang == "en":
        line = (
            f"wrote {target}: {copy.comments} comment(s), {copy.anchored} in the text; "
            f"{errors} error(s), {warnings} warning(s), {infos} info"
        )
        if copy.removed:
            line += f"; replaced {copy.removed} comment(s) of an earlier run"
        return line
    line = (
        f"已写入 {target}：{copy.comments} 条批注，其中正文 {copy.anchored} 处；"
        f"{errors} 个错误、{warnings} 个警告、{infos} 条提示"
    )
    if copy.removed:
        line += f"；已替换上次运行留下的 {copy.removed} 条批注"
    return line


def register(app: typer.Typer) -> None:
    app.command(
        "annotate",
        help=h(
            "把检查结果作为 Word 批注写入草稿副本（原文件名.审阅.docx），原稿不变。",
            "Write the findings into a copy of a .docx draft as Word comments (<name>.审阅.docx).",
        ),
    )(annotate)

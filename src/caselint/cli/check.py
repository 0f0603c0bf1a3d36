"""``caselint check PATH...``: what a reviewer would hold against each case, and across cases."""

from __future__ import annotations

import dataclasses
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from caselint.cli.common import (
    DebugOption,
    LangOption,
    RulesOption,
    h,
    refuse_overlap,
    require_writable,
    run_inputs,
    usage_error,
    write_stdout,
)
from caselint.cli.run import (
    CategoryOption,
    ConfigOption,
    ExitZeroOption,
    FailOnOption,
    IgnoreOption,
    JobsOption,
    ProgressBar,
    ProvinceOption,
    QuietOption,
    ScopeOption,
    SelectedOption,
    SelectOption,
    ShortlistOption,
    batch_options,
    failing_findings,
    findings_exit,
    load_run_config,
    make_settings,
    path_or_none,
    print_overrides,
    print_skipped,
)

if TYPE_CHECKING:
    from caselint.core.i18n import Lang


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    junit = "junit"
    sarif = "sarif"
    github = "github"


def check(
    paths: Annotated[
        list[Path],
        typer.Argument(help=h("草稿文件或文件夹", "draft files or folders"), show_default=False),
    ],
    output_format: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help=h("终端输出格式", "format printed to the terminal")),
    ] = None,
    outputs: Annotated[
        list[str] | None,
        typer.Option(
            "--output",
            "-o",
            help=h(
                "同时写入文件，格式由扩展名决定（.json .sarif .xml .xlsx .csv .txt）或写成 格式:路径；可重复",
                "also write a file, format from its suffix (.json .sarif .xml .xlsx .csv .txt) or fmt:path; repeatable",
            ),
        ),
    ] = None,
    reports: Annotated[
        list[Path] | None,
        typer.Option(
            "--report",
            help=h("汇总表（.xlsx 或 .csv），可重复", "summary workbook (.xlsx or .csv)"),
        ),
    ] = None,
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite", help=h("覆盖已存在的输出文件", "replace existing output files")
        ),
    ] = False,
    category: CategoryOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    exit_zero: ExitZeroOption = False,
    fail_on: FailOnOption = None,
    count_scope: ScopeOption = None,
    shortlist: ShortlistOption = None,
    selected: SelectedOption = None,
    province: ProvinceOption = None,
    jobs: JobsOption = None,
    cache_dir: Annotated[
        Path | None, typer.Option("--cache-dir", help=h("缓存目录", "cache folder"))
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help=h("不使用缓存", "do not use the cache"))
    ] = False,
    quiet: QuietOption = False,
    show_suppressed: Annotated[
        bool,
        typer.Option(
            "--show-suppressed",
            help=h(
                "也显示已接受（caselint: ignore）的问题及其原因",
                "also print findings accepted by caselint: ignore, with their reasons",
            ),
        ),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help=h("说明跳过了哪些文件", "say which files were skipped")
        ),
    ] = False,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline",
            help=h(
                "把本次的问题记入基线文件（之后用 --baseline 只看新增的问题），以 0 退出",
                "record this run's findings in a baseline file (see --baseline); exits 0",
            ),
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help=h(
                "与基线文件比较：只报告新增的问题，并列出已修复的",
                "compare with a baseline file: report only new findings, list the fixed ones",
            ),
        ),
    ] = None,
    config_file: ConfigOption = None,
    rules: RulesOption = None,
    lang: LangOption = "",
    debug: DebugOption = False,
) -> None:
    """检查案例材料：缺少的要素、超出的字数、主观夸大的措辞、缺少的数据；文件夹内还核查名额与重复申报。"""
    config, language = load_run_config(paths, config_file, lang)
    settings = make_settings(config, rules, category, select, ignore, count_scope, language)
    if province:
        settings = dataclasses.replace(settings, province=province)
    targets = _targets(outputs, reports, overwrite, language)
    if write_baseline is not None:
        require_writable(write_baseline, overwrite, language)
    recorded = _read_baseline(baseline or path_or_none(config.baseline), language)

    from caselint.batch import RunStats, is_interactive, run
    from caselint.cache import Cache, default_cache_dir
    from caselint.cases.discover import FoundLists, Skipped, discover

    skipped: list[Skipped] = []
    found = FoundLists()
    inputs = discover(paths, settings.pack, skipped, found)
    options = batch_options(
        shortlist or path_or_none(config.shortlist),
        selected or path_or_none(config.selected),
        settings,
        found,
    )
    if not inputs:
        # A CI job pointed at the wrong folder must not pass quietly.
        names = "、".join(map(str, paths)) if language == "zh" else ", ".join(map(str, paths))
        usage_error(
            f"没有找到任何草稿：{names}（支持 .docx .md .txt 及 .doc .wps .rtf .odt）",
            f"no drafts found in {names} (.docx .md .txt, or .doc .wps .rtf .odt)",
            language,
        )
    written = [*targets, *([("json", write_baseline)] if write_baseline else [])]
    extra = [config.source, *settings.pack.sources, shortlist, selected]
    extra += [config.shortlist, config.selected]
    _refuse_outputs_among_inputs(written, paths, inputs, extra, language)
    if verbose:
        print_skipped(skipped, language)
        print_overrides(settings, inputs, language)
    cache = None
    if not no_cache:
        cache = Cache(cache_dir or path_or_none(config.cache_dir) or default_cache_dir())
    stats = RunStats()
    with ProgressBar(not quiet and is_interactive() and len(inputs) > 1, language) as progress:
        report = run(
            inputs,
            settings,
            options,
            jobs=jobs or config.jobs,
            cache=cache,
            progress=progress,
            stats=stats,
            debug=debug,
        )
    if verbose:
        typer.echo(
            f"{stats.cases} 个案例：{stats.cached} 个来自缓存，{stats.checked} 个已检查（{stats.workers} 个进程）"
            if language == "zh"
            else f"{stats.cases} case(s): {stats.cached} from cache, {stats.checked} checked ({stats.workers} process(es))",
            err=True,
        )
    if recorded is not None:
        from caselint.baseline import compare
        from caselint.engine import summarize

        report.fixed = compare(report, recorded)
        report.summary = summarize(report.cases, report.findings, len(report.fixed))
    _write_outputs(report, settings, targets, overwrite, language)
    fmt = output_format or OutputFormat(config.output_format or "text")
    if fmt is OutputFormat.text:
        from caselint.reports.text import print_report

        print_report(report, language, show_suppressed=show_suppressed)
    else:
        from caselint.reports import FORMATS

        write_stdout(FORMATS[fmt.value](report, settings, language).decode("utf-8"))
    if write_baseline is not None:
        _write_baseline(report, write_baseline, overwrite, language)
        raise typer.Exit(0)  # the findings are recorded as accepted for now
    failing = failing_findings(report, fail_on, config, settings)
    raise typer.Exit(findings_exit(failing, exit_zero, config))


def _read_baseline(path: Path | None, lang: Lang):
    """The recorded findings of ``--baseline`` (or the config's), read before any work."""
    if path is None:
        return None
    from caselint.baseline import BaselineError, read

    if not path.is_file():
        usage_error(f"找不到基线文件：{path}", f"baseline not found: {path}", lang)
    try:
        return read(path)
    except BaselineError as exc:
        usage_error(str(exc), str(exc), lang)


def _write_baseline(report, path: Path, overwrite: bool, lang: Lang) -> None:
    from caselint.baseline import write
    from caselint.core.fsutil import atomic_write_bytes

    data = write(report)
    try:
        atomic_write_bytes(path, data, overwrite=overwrite)
    except OSError as exc:
        usage_error(f"无法写入 {path}：{exc}", f"cannot write {path}: {exc}", lang)
    n = data.count(b'"fingerprint"')
    typer.echo(
        f"已把 {n} 条问题记入基线 {path}；之后用 --baseline {path} 只看新增的问题"
        if lang == "zh"
        else f"recorded {n} finding(s) in {path}; run with --baseline {path} to see only new ones",
        err=True,
    )


def _targets(
    outputs: list[str] | None, reports: list[Path] | None, overwrite: bool, lang: Lang
) -> list[tuple[str, Path]]:
    from caselint.reports import format_for_path

    targets: list[tuple[str, Path]] = []
    for spec in outputs or []:
        found = format_for_path(spec)
        if found is None:
            usage_error(
                f"无法从文件名判断输出格式：{spec}（用 .json .sarif .xml .xlsx .csv .txt 或 格式:路径）",
                f"cannot tell the format of {spec} (use .json .sarif .xml .xlsx .csv .txt or fmt:path)",
                lang,
            )
        targets.append(found)
    for path in reports or []:
        fmt = {".xlsx": "xlsx", ".csv": "csv"}.get(path.suffix.lower())
        if fmt is None:
            usage_error(
                f"--report 只支持 .xlsx 或 .csv：{path}",
                f"--report takes .xlsx or .csv: {path}",
                lang,
            )
        targets.append((fmt, path))
    for _, path in targets:
        require_writable(path, overwrite, lang)
    return targets


def _refuse_outputs_among_inputs(
    targets: list[tuple[str, Path]], paths: list[Path], inputs: list, extra: list, lang: Lang
) -> None:
    """Never write over an input; never leave a report the next run would read as a draft."""
    from caselint.core.fsutil import real, within
    from caselint.readers.sniff import SUPPORTED_SUFFIXES

    sources, folders = run_inputs(paths, inputs, extra)
    refuse_overlap([path for _, path in targets], sources, folders, lang)
    checked = [real(p) for p in paths if p.is_dir()]
    for _, path in targets:
        inside = any(within(real(path), folder) for folder in checked)
        if inside and path.suffix.lower() in SUPPORTED_SUFFIXES:
            usage_error(
                f"输出文件 {path} 在被检查的文件夹内，下次检查会被当作草稿读取；请写到文件夹外或改用 .json/.xlsx 等格式",
                f"{path} is inside a checked folder and would be read as a draft next time; write it elsewhere",
                lang,
            )


def _write_outputs(report, settings, targets, overwrite: bool, lang: Lang) -> None:
    from caselint.core.fsutil import OutputExistsError, atomic_write_bytes
    from caselint.reports import FORMATS

    for fmt, path in targets:
        try:
            atomic_write_bytes(path, FORMATS[fmt](report, settings, lang), overwrite=overwrite)
        except OutputExistsError:
            usage_error(
                f"输出文件已存在：{path}（加 --overwrite 覆盖）",
                f"output exists: {path} (use --overwrite)",
                lang,
            )
        except OSError as exc:
            usage_error(f"无法写入 {path}：{exc}", f"cannot write {path}: {exc}", lang)


def register(app: typer.Typer) -> None:
    app.command(
        "check",
        help=h(
            "检查案例材料：缺少的要素、超出的字数、主观夸大的措辞、缺少的数据；文件夹内还核查名额与重复申报。",
            "Check cases: missing elements, length limits, emotive wording, missing data; quotas and re-submissions across a folder.",
        ),
    )(check)

"""``caselint check PATH...``: what a reviewer would hold against each case, and across cases."""

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
    require_paths,
    usage_error,
    write_stdout,
)

if TYPE_CHECKING:
    from caselint.config import Config
    from caselint.engine import Settings
    from caselint.i18n import Lang


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    junit = "junit"
    sarif = "sarif"
    github = "github"


class Scope(str, Enum):
    main = "main"
    inclusive = "inclusive"


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
    category: Annotated[
        str | None,
        typer.Option("--category", "-c", help=h("申报类别（如 融合生产传播）", "category")),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            help=h(
                "只运行这些规则（名称、代码或代码前缀，可逗号分隔）",
                "only these rules (names, codes or prefixes)",
            ),
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help=h("不运行这些规则", "skip these rules"))
    ] = None,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero", help=h("即使有错误也以 0 退出（仅报告）", "exit 0 even with errors")
        ),
    ] = False,
    count_scope: Annotated[
        Scope | None,
        typer.Option(
            "--count-scope",
            help=h(
                "字数上限按正文（main）或含自动编号、文本框、脚注（inclusive，默认）核对",
                "measure limits on the main text or the inclusive count (default)",
            ),
        ),
    ] = None,
    shortlist: Annotated[
        Path | None,
        typer.Option(
            "--shortlist",
            help=h("推荐名单文件（每行一个案例名称或编号）", "shortlist file, one case per line"),
        ),
    ] = None,
    selected: Annotated[
        Path | None,
        typer.Option(
            "--selected",
            help=h(
                "往年入选名单 CSV（year,category,case_name,unit,status）",
                "previously selected cases CSV",
            ),
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help=h("并行进程数（默认按 CPU）", "worker processes")),
    ] = None,
    cache_dir: Annotated[
        Path | None, typer.Option("--cache-dir", help=h("缓存目录", "cache folder"))
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help=h("不使用缓存", "do not use the cache"))
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help=h("不显示进度条", "no progress bar"))
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help=h("说明跳过了哪些文件", "say which files were skipped")
        ),
    ] = False,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help=h("配置文件（默认就近查找 caselint.toml / pyproject.toml）", "config file"),
        ),
    ] = None,
    rules: RulesOption = None,
    lang: LangOption = "",
    debug: DebugOption = False,
) -> None:
    """检查案例材料：缺少的要素、超出的字数、主观夸大的措辞、缺少的数据；文件夹内还核查名额与重复申报。"""
    from caselint.config import ConfigError, load_config

    language = parse_lang(lang or "zh")
    require_paths(paths, language)
    try:
        config = load_config(paths[0], config_file)
    except ConfigError as exc:
        usage_error(str(exc), str(exc), language)
    language = parse_lang(lang or config.lang or "zh")
    settings = make_settings(config, rules, category, select, ignore, count_scope, language)
    targets = _targets(outputs, reports, overwrite, language)
    options = _batch_options(
        shortlist or _path(config.shortlist), selected or _path(config.selected), settings
    )

    from caselint.batch import RunStats, is_interactive, run
    from caselint.cache import Cache, default_cache_dir
    from caselint.discover import Skipped, discover

    skipped: list[Skipped] = []
    inputs = discover(paths, settings.pack, skipped)
    if verbose:
        _print_skipped(skipped, language)
    cache = None
    if not no_cache:
        cache = Cache(cache_dir or _path(config.cache_dir) or default_cache_dir())
    stats = RunStats()
    with _progress(not quiet and is_interactive() and len(inputs) > 1, language) as progress:
        report = run(
            inputs,
            settings,
            options,
            jobs=jobs or config.jobs,
            cache=cache,
            progress=progress,
            stats=stats,
        )
    if verbose:
        typer.echo(
            f"{stats.cases} 个案例：{stats.cached} 个来自缓存，{stats.checked} 个已检查（{stats.workers} 个进程）"
            if language == "zh"
            else f"{stats.cases} case(s): {stats.cached} from cache, {stats.checked} checked ({stats.workers} process(es))",
            err=True,
        )
    _write_outputs(report, settings, targets, overwrite, language)
    fmt = output_format or OutputFormat(config.output_format or "text")
    if fmt is OutputFormat.text:
        from caselint.reports.text import print_report

        print_report(report, language)
    else:
        from caselint.reports import FORMATS

        write_stdout(FORMATS[fmt.value](report, settings, language).decode("utf-8"))
    failed = report.summary.errors > 0 and not (exit_zero or config.exit_zero)
    raise typer.Exit(Exit.FINDINGS if failed else Exit.OK)


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def make_settings(
    config: Config,
    rules: str | None,
    category: str | None,
    select: list[str] | None,
    ignore: list[str] | None,
    count_scope: Scope | None,
    language: Lang,
) -> Settings:
    """Command line over config file over the pack's defaults."""
    from caselint.codes import select as select_rules
    from caselint.codes import unknown_selectors
    from caselint.engine import Settings

    chosen = _split(select) or config.select
    ignored = (_split(ignore) or []) + list(config.ignore) + list(config.extend_ignore)
    unknown = unknown_selectors([*(chosen or []), *ignored])
    if unknown:
        names = ", ".join(unknown)
        usage_error(
            f"未知规则：{names}（caselint rules 可列出全部规则）",
            f"unknown rule(s): {names} (see caselint rules)",
            language,
        )
    pack = load_pack_or_exit(rules or config.rules, language)
    if category and pack.category(category) is None:
        choices = "、".join(c.name for c in pack.categories)
        usage_error(
            f"未知类别：{category}，应为：{choices}",
            f"unknown category: {category}; one of: {choices}",
            language,
        )
    return Settings(
        pack=pack,
        lang=language,
        enabled=select_rules(chosen, ignored),
        category=category or config.category,
        scope=(count_scope.value if count_scope else None) or config.count_scope,
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
        if path.exists() and not overwrite:
            usage_error(
                f"输出文件已存在：{path}（加 --overwrite 覆盖）",
                f"output exists: {path} (use --overwrite)",
                lang,
            )
        if path.is_dir():
            usage_error(f"输出路径是文件夹：{path}", f"output path is a folder: {path}", lang)
    return targets


def _write_outputs(report, settings, targets, overwrite: bool, lang: Lang) -> None:
    from caselint.fsutil import atomic_write_bytes
    from caselint.reports import FORMATS

    for fmt, path in targets:
        try:
            atomic_write_bytes(path, FORMATS[fmt](report, settings, lang), overwrite=overwrite)
        except OSError as exc:
            usage_error(f"无法写入 {path}：{exc}", f"cannot write {path}: {exc}", lang)


def _batch_options(shortlist: Path | None, selected: Path | None, settings: Settings):
    from caselint.crosscase import BatchOptions
    from caselint.crosscase.previously_selected import known_cases
    from caselint.crosscase.selected import SelectedListError, read_selected

    lang = settings.lang
    rows = []
    pack = settings.pack
    if pack.resubmission and pack.resubmission.selected_list:
        try:
            rows.extend(read_selected(pack.resolve(pack.resubmission.selected_list)))
        except SelectedListError as exc:
            usage_error(str(exc), str(exc), lang)
    complete = False
    if selected is not None:
        if not selected.is_file():
            usage_error(
                f"找不到往年入选名单：{selected}", f"selected-case list not found: {selected}", lang
            )
        try:
            extra = read_selected(selected)
        except SelectedListError as exc:
            usage_error(str(exc), str(exc), lang)
        rows.extend(extra)
        rules = pack.resubmission
        complete = (
            rules is None
            or not rules.known_total
            or len(known_cases(rows, rules)) >= rules.known_total
        )
    names = None
    if shortlist is not None:
        if not shortlist.is_file():
            usage_error(f"找不到推荐名单：{shortlist}", f"shortlist not found: {shortlist}", lang)
        from caselint.readers.encoding import decode

        text, _ = decode(shortlist.read_bytes(), shortlist)
        names = frozenset(
            line.strip().split(",")[0]
            for line in text.splitlines()
            if line.strip() and not line.startswith("#")
        )
    return BatchOptions(shortlist=names, selected=tuple(rows), selected_is_complete=complete)


def _print_skipped(skipped, lang: Lang) -> None:
    reasons = {
        "lock-file": ("Office 临时锁文件", "Office lock file"),
        "hidden": ("隐藏文件", "hidden"),
        "caselint-output": ("caselint 生成的文件", "caselint output"),
        "readme": ("说明文件", "README"),
        "unsupported": ("不是可检查的文件类型", "not a draft format"),
    }
    for item in skipped:
        zh, en = reasons.get(item.reason, (item.reason, item.reason))
        typer.echo(
            f"跳过 {item.path}（{zh}）" if lang == "zh" else f"skipped {item.path} ({en})",
            err=True,
        )


class _progress:
    """A rich progress bar on stderr for a person at a terminal; a no-op otherwise."""

    def __init__(self, enabled: bool, lang: Lang) -> None:
        self.enabled = enabled
        self.lang = lang
        self.bar = None

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.bar = Progress(
            TextColumn("检查中" if self.lang == "zh" else "checking"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.start()
        task = self.bar.add_task("check", total=None)

        def update(done: int, total: int) -> None:
            self.bar.update(task, completed=done, total=total)

        return update

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def register(app: typer.Typer) -> None:
    app.command(
        "check",
        help=h(
            "检查案例材料：缺少的要素、超出的字数、主观夸大的措辞、缺少的数据；文件夹内还核查名额与重复申报。",
            "Check cases: missing elements, length limits, emotive wording, missing data; quotas and re-submissions across a folder.",
        ),
    )(check)

"""What check, annotate and pack share: the run's config, settings and batch options.

Command line over config file over the rule pack's defaults, resolved once here so the three
commands agree on what a case is checked against.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from caselint.cli.common import h, load_pack_or_exit, parse_lang, require_paths, usage_error

if TYPE_CHECKING:
    from caselint.cases.discover import FoundLists
    from caselint.core.i18n import Lang
    from caselint.core.model import Report, Severity
    from caselint.crosscase import BatchOptions
    from caselint.engine import Settings
    from caselint.rulepack.config import Config


class Scope(str, Enum):
    """Which count a part's limit is measured on (``--count-scope``)."""

    main = "main"
    inclusive = "inclusive"


CategoryOption = Annotated[
    str | None,
    typer.Option("--category", "-c", help=h("申报类别（如 融合生产传播）", "category")),
]
SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        help=h(
            "只运行这些规则（名称、代码或代码前缀，可逗号分隔）",
            "only these rules (names, codes or code prefixes)",
        ),
    ),
]
IgnoreOption = Annotated[
    list[str] | None, typer.Option("--ignore", help=h("不运行这些规则", "skip these rules"))
]
ExitZeroOption = Annotated[
    bool,
    typer.Option(
        "--exit-zero", help=h("即使有错误也以 0 退出（仅报告）", "exit 0 even with errors")
    ),
]


class FailOn(str, Enum):
    """The least severe finding that makes a run exit 1 (``--fail-on``)."""

    error = "error"
    warning = "warning"
    info = "info"


FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on",
        help=h(
            "出现该级别或更严重的问题时以 1 退出：error（默认）、warning、info",
            "exit 1 on findings of this severity or worse: error (default), warning or info",
        ),
    ),
]
ScopeOption = Annotated[
    Scope | None,
    typer.Option(
        "--count-scope",
        help=h(
            "字数上限按正文（main）或含自动编号、文本框、脚注（inclusive，默认）核对",
            "measure limits on the main text or the inclusive count (default)",
        ),
    ),
]
ShortlistOption = Annotated[
    Path | None,
    typer.Option(
        "--shortlist",
        help=h(
            "推荐名单：每行一个案例名称，或编号行、CSV、.xlsx/.docx/Markdown 表格",
            "shortlist: one case per line, numbered lines, CSV, or an .xlsx/.docx/Markdown table",
        ),
    ),
]
ProvinceOption = Annotated[
    str | None,
    typer.Option(
        "--province",
        help=h(
            "未写省份的案例按此省份计入名额（默认取文件夹中其他案例一致的省份）",
            "province of cases that state none (default: the one the folder's other cases agree on)",
        ),
    ),
]
SelectedOption = Annotated[
    Path | None,
    typer.Option(
        "--selected",
        help=h(
            "往年入选名单：编号行（1. 名称（单位，类别））、CSV/制表符文本、.xlsx 或 .docx 表格",
            "previously selected cases: numbered lines (1. name（unit，category）), CSV/TSV, .xlsx or .docx table",
        ),
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help=h("并行进程数（默认按 CPU）", "worker processes")),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help=h("不显示进度条", "no progress bar"))
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help=h("配置文件（默认就近查找 caselint.toml / pyproject.toml）", "config file"),
    ),
]


def load_run_config(paths: list[Path], explicit: Path | None, lang: str) -> tuple[Config, Lang]:
    """The config nearest the first path (or ``--config``) and the run's language.

    Exits 2 when a path does not exist or the config is invalid, before any work starts.
    """
    from caselint.rulepack.config import ConfigError, load_config

    language = parse_lang(lang or "zh")
    require_paths(paths, language)
    try:
        config = load_config(paths[0], explicit, language)
    except ConfigError as exc:
        usage_error(str(exc), str(exc), language)
    return config, parse_lang(lang or config.lang or "zh")


def fail_threshold(
    option: FailOn | None, config: Config, settings: Settings | None = None, files=()
) -> Severity:
    """``--fail-on`` over the ``fail-on`` of the config's last override matching ``files``
    over the config's ``fail-on`` over ``error``."""
    if option is not None:
        return option.value  # type: ignore[return-value]
    if settings is not None and settings.paths is not None and files:
        chosen = settings.paths.for_files(files).fail_on
        if chosen is not None:
            return chosen  # type: ignore[return-value]
    return config.fail_on or "error"


def failing_findings(
    report: Report, option: FailOn | None, config: Config, settings: Settings
) -> int:
    """How many findings reach the failing level of their case (an override's ``fail-on``);
    one across cases by the strictest level of the cases it names, else the run's."""
    from caselint.core.model import SEVERITY_RANK, at_least

    run_level = fail_threshold(option, config)
    if option is not None or settings.paths is None:
        return report.summary.at_least(run_level)
    levels = {case.id: fail_threshold(None, config, settings, case.files) for case in report.cases}
    failing = sum(at_least(case.findings, levels[case.id]) for case in report.cases)
    for finding in report.findings:
        named = [levels[c] for c in finding.cases if c in levels]
        level = min(named, key=SEVERITY_RANK.__getitem__) if named else run_level
        failing += at_least([finding], level)
    return failing


def findings_exit(failing: int, exit_zero: bool, config: Config) -> int:
    """Exit 1 when findings reach the threshold, unless ``--exit-zero`` (or the config) says 0."""
    from caselint.cli.common import Exit

    return Exit.FINDINGS if failing and not (exit_zero or config.exit_zero) else Exit.OK


def path_or_none(value: str | None) -> Path | None:
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
    from caselint.core.codes import select as select_rules
    from caselint.core.codes import unknown_selectors
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
    paths = config.path_config(_split(select), _split(ignore) or [])
    pack = load_pack_or_exit(rules or config.rules, language)
    category = category or config.category
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
        category=category,
        scope=(count_scope.value if count_scope else None) or config.count_scope,
        paths=paths,
    )


def batch_options(
    shortlist: Path | None,
    selected: Path | None,
    settings: Settings,
    found: FoundLists | None = None,
) -> BatchOptions:
    """The lists named on the command line, or found at the root of a province folder."""
    from caselint.crosscase.intake import IntakeError
    from caselint.crosscase.intake import batch_options as load

    try:
        return load(
            settings.pack,
            shortlist,
            selected,
            found_shortlists=found.shortlists if found else None,
            found_selected=found.selected if found else None,
        )
    except IntakeError as exc:
        usage_error(str(exc), str(exc), settings.lang)


def print_skipped(skipped, lang: Lang) -> None:
    from caselint.core.terminal import printable

    reasons = {
        "lock-file": ("Office 临时锁文件", "Office lock file"),
        "hidden": ("隐藏文件", "hidden"),
        "caselint-output": ("caselint 生成的文件", "caselint output"),
        "readme": ("说明文件", "README"),
        "unsupported": ("不是可检查的文件类型", "not a draft format"),
        "not-a-case": (
            "省级文件夹根目录下的非案例文件",
            "not a case document at a province folder's root",
        ),
        "shortlist-list": ("推荐名单，按 --shortlist 读取", "the shortlist, read as --shortlist"),
        "application-form": (
            "申请表，读取其中的案例信息，不作为案例检查",
            "the application form: its fields are read as the case's metadata, not checked",
        ),
        "application-form-unused": (
            "申请表，对应不到唯一的案例，未读取",
            "an application form that belongs to no single case: not read",
        ),
        "selected-list": (
            "往年入选名单，按 --selected 读取",
            "the selected list, read as --selected",
        ),
    }
    for item in skipped:
        zh, en = reasons.get(item.reason, (item.reason, item.reason))
        line = f"跳过 {item.path}（{zh}）" if lang == "zh" else f"skipped {item.path} ({en})"
        typer.echo(printable(line), err=True)


def print_overrides(settings: Settings, inputs, lang: Lang) -> None:
    """How many cases each ``[[overrides]]`` table applies to (a mistyped glob matches none)."""
    if settings.paths is None:
        return
    counts = dict.fromkeys((o.key for o in settings.paths.overrides), 0)
    for case in inputs:
        for key in settings.paths.for_files(case.files).overrides:
            counts[key] += 1
    name = Path(settings.paths.file).name
    for key, n in counts.items():
        if lang == "zh":
            line = f"{name} {key}：适用于 {n} 个案例" + ("（没有匹配到任何案例）" if not n else "")
        else:
            line = f"{name} {key}: applies to {n} case(s)" + (" (matches none)" if not n else "")
        typer.echo(line, err=True)


class ProgressBar:
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
            # Redrawn on each update instead of by a refresh thread: batch workers are forked
            # from this process, which is safe only while no other thread runs.
            auto_refresh=False,
        )
        self.bar.start()
        task = self.bar.add_task("check", total=None)

        def update(done: int, total: int) -> None:
            self.bar.update(task, completed=done, total=total, refresh=True)

        return update

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

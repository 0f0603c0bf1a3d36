"""``caselint check PATH...``: what a reviewer would hold against each case."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from caselint.cli.common import (
    DebugOption,
    Exit,
    LangOption,
    RulesOption,
    h,
    parse_lang,
    require_paths,
    usage_error,
    write_stdout,
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


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
        typer.Option("--format", "-f", help=h("输出格式", "output format")),
    ] = None,
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
                "only these rules (names, codes or code prefixes)",
            ),
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help=h("不运行这些规则", "skip these rules")),
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
                "字数上限按正文（main）或含自动编号、文本框、脚注（inclusive）核对",
                "limit measured on main text or inclusive count",
            ),
        ),
    ] = None,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help=h(
                "配置文件（默认就近查找 caselint.toml / pyproject.toml）",
                "config file (default: nearest caselint.toml / pyproject.toml)",
            ),
        ),
    ] = None,
    rules: RulesOption = None,
    lang: LangOption = "",
    debug: DebugOption = False,
) -> None:
    """检查案例材料：缺少的要素、超出的字数、主观夸大的措辞、缺少的数据。"""
    from caselint.config import ConfigError, load_config

    language = parse_lang(lang or "zh")
    require_paths(paths, language)
    try:
        config = load_config(paths[0], config_file)
    except ConfigError as exc:
        usage_error(str(exc), str(exc), language)
    language = parse_lang(lang or config.lang or "zh")
    settings = _settings(config, rules, category, select, ignore, count_scope, language)

    from caselint.discover import discover
    from caselint.engine import check_cases

    report = check_cases(discover(paths, settings.pack), settings)
    fmt = output_format or OutputFormat(config.output_format or "text")
    if fmt is OutputFormat.json:
        write_stdout(report.model_dump_json(indent=2))
    else:
        from caselint.reports.text import print_report

        print_report(report, language)
    failed = report.summary.errors > 0 and not (exit_zero or config.exit_zero)
    raise typer.Exit(Exit.FINDINGS if failed else Exit.OK)


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _settings(config, rules, category, select, ignore, count_scope, language):
    from caselint.cli.common import load_pack_or_exit
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
    return Settings(
        pack=pack,
        lang=language,
        enabled=select_rules(chosen, ignored),
        category=category or config.category,
        scope=(count_scope.value if count_scope else None) or config.count_scope,
    )


def register(app: typer.Typer) -> None:
    app.command(
        "check",
        help=h(
            "检查案例材料：缺少的要素、超出的字数、主观夸大的措辞、缺少的数据。",
            "Check cases: missing elements, length limits, emotive wording, missing data.",
        ),
    )(check)

"""``caselint count PATH...``: Word-compatible counts per file and part."""

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
    load_limits_or_exit,
    parse_lang,
    require_paths,
    usage_error,
    write_stdout,
)


class CountFormat(str, Enum):
    text = "text"
    json = "json"


def count(
    paths: Annotated[
        list[Path], typer.Argument(help=h("文件或文件夹", "files or folders"), show_default=False)
    ],
    output_format: Annotated[
        CountFormat, typer.Option("--format", "-f", help=h("输出格式", "output format"))
    ] = CountFormat.text,
    rules: RulesOption = None,
    lang: LangOption = "",
    debug: DebugOption = False,
) -> None:
    """统计字数（与 Word“字数统计”一致），按文件和综合材料/详细材料分别列出。"""
    from caselint.rulepack.configfile import ConfigError, count_settings

    require_paths(paths, parse_lang(lang or "zh"))
    try:
        config_rules, config_lang = count_settings(paths[0])
    except ConfigError as exc:
        usage_error(str(exc), str(exc), parse_lang(lang or "zh"))
    language = parse_lang(lang or config_lang or "zh")
    pack = load_limits_or_exit(rules or config_rules, language)
    from caselint.cases.countfiles import count_paths
    from caselint.core.serialize import to_json

    report = count_paths(paths, pack, language, debug=debug)
    if output_format is CountFormat.json:
        write_stdout(to_json(report))
    else:
        from caselint.reports.count_table import print_count_report

        print_count_report(report, pack, language)
    failed = any(f.severity == "error" for file in report.files for f in file.findings)
    raise typer.Exit(Exit.FINDINGS if failed else Exit.OK)


def register(app: typer.Typer) -> None:
    app.command(
        "count",
        help=h(
            "统计字数（与 Word“字数统计”一致），按文件和综合材料/详细材料分别列出。",
            "Count words as Word's word count does, per file and per part.",
        ),
    )(count)

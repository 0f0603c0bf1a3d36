"""``caselint rules [NAME]``: list every rule, or explain one with the clause it enforces."""

from __future__ import annotations

import inspect
import json
from typing import Annotated

import typer

from caselint.cli.common import (
    LangOption,
    RulesOption,
    h,
    load_pack_or_exit,
    parse_lang,
    usage_error,
    write_stdout,
)
from caselint.core.i18n import SEVERITY_LABELS, Lang


def _t(language: Lang, zh: str, en: str) -> str:
    """A label in the language of ``--lang`` (``h()`` follows argv and CASELINT_LANG, which a
    caller of :func:`rules` — a test's CliRunner, a config — need not have set)."""
    return en if language == "en" else zh


def rule_doc(name: str, language: Lang) -> str:
    """The explanation of rule ``name`` in ``language``: a check module's ``DOC_ZH`` or
    docstring, else :data:`caselint.core.codes.DOCS_ZH` or :data:`caselint.core.codes.DOCS`."""
    from caselint.checks import BY_NAME as CHECKS
    from caselint.core.codes import DOCS, DOCS_ZH

    module = CHECKS.get(name)
    if module is not None:
        english = module.__doc__ or ""
        doc = english if language == "en" else getattr(module, "DOC_ZH", "") or english
    elif language == "en":
        doc = DOCS.get(name, "")
    else:
        doc = DOCS_ZH.get(name) or DOCS.get(name, "")
    return inspect.cleandoc(doc)


def rules(
    name: Annotated[
        str | None, typer.Argument(help=h("规则名称或代码", "rule name or code"))
    ] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text | json")] = "text",
    rules_pack: RulesOption = None,
    lang: LangOption = "zh",
) -> None:
    """列出全部规则；给出规则名称或代码时解释该规则并引用通知原文。"""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from caselint.checks import BY_NAME as CHECKS
    from caselint.core.codes import RULES, lookup

    language = parse_lang(lang)
    pack = load_pack_or_exit(rules_pack, language)
    console = Console(highlight=False, soft_wrap=True)
    if name is None:
        if output_format == "json":
            write_stdout(
                json.dumps(
                    [
                        {
                            "code": r.code,
                            "name": r.name,
                            "severity": r.severity,
                            "summary": r.summary(language),
                            "clause": pack.clauses.get(r.name),
                        }
                        for r in RULES
                    ],
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        table = Table(header_style="bold")
        for header in (
            _t(language, "代码", "code"),
            _t(language, "名称", "name"),
            _t(language, "级别", "severity"),
            _t(language, "说明", "summary"),
        ):
            table.add_column(header)
        for rule in RULES:
            table.add_row(
                rule.code,
                rule.name,
                SEVERITY_LABELS[language][rule.severity],
                rule.summary(language),
            )
        console.print(table)
        return
    rule = lookup(name)
    if rule is None:
        usage_error(
            f"未知规则：{name}（caselint rules 列出全部规则）", f"unknown rule: {name}", language
        )
    module = CHECKS.get(rule.name)
    doc = rule_doc(rule.name, language)
    if output_format == "json":
        write_stdout(
            json.dumps(
                {
                    "code": rule.code,
                    "name": rule.name,
                    "severity": rule.severity,
                    "summary": rule.summary(language),
                    "doc": doc,
                    "clause": pack.clauses.get(rule.name),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    console.print(
        f"[bold]{rule.code} {rule.name}[/]  ({SEVERITY_LABELS[language][rule.severity]})  {rule.summary(language)}"
    )
    console.print()
    console.print(escape(doc))
    clause = pack.clauses.get(rule.name)
    if clause:
        console.print()
        console.print(
            f"[bold]{_t(language, '依据', 'Notice clause')}[/]"
            + _t(language, f"（{escape(pack.pack.notice)}）：", f" ({escape(pack.pack.notice)}): ")
            + escape(clause)
        )
    if module is not None:
        console.print()
        for label, examples in (
            (_t(language, "会报告", "flags"), module.EXAMPLES.fail),
            (_t(language, "不会报告", "passes"), module.EXAMPLES.pass_),
        ):
            for example in examples:
                snippet = example.add_to_detailed or ""
                console.print(
                    f"[bold]{label}[/]{_t(language, '：', ': ')}{escape(example.note)}"
                    + (f"  「{escape(snippet)}」" if snippet else "")
                )


def register(app: typer.Typer) -> None:
    app.command(
        "rules",
        help=h(
            "列出全部规则，或解释一条规则并引用通知原文。",
            "List all rules, or explain one and quote the notice.",
        ),
    )(rules)

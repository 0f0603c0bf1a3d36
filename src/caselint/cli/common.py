"""What every command shares: language, error output, exit codes, machine-readable writes."""

from __future__ import annotations

import os
import sys
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from caselint.core.i18n import Lang

if TYPE_CHECKING:
    from collections.abc import Iterable

    from caselint.cases.case import CaseInput


class Exit(IntEnum):
    """0 nothing blocks, 1 error-level findings, 2 usage, configuration or internal error."""

    OK = 0
    FINDINGS = 1
    USAGE = 2


def argv_lang(argv: list[str] | None = None) -> Lang:
    """The language asked for on the command line or in ``CASELINT_LANG`` (for help texts)."""
    args = sys.argv if argv is None else argv
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1].lower().startswith("en") else "zh"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1].lower().startswith("en") else "zh"
    return "en" if os.environ.get("CASELINT_LANG", "").lower().startswith("en") else "zh"


HELP_LANG: Lang = argv_lang()


def h(zh: str, en: str) -> str:
    """A help text in the language of this invocation."""
    return en if HELP_LANG == "en" else zh


LangOption = Annotated[
    str,
    typer.Option(
        "--lang", help=h("消息语言：zh（默认）或 en", "message language: zh (default) or en")
    ),
]
DebugOption = Annotated[
    bool,
    typer.Option("--debug", help=h("出错时显示 Python 调用栈", "show Python tracebacks on errors")),
]
RulesOption = Annotated[
    str | None,
    typer.Option(
        "--rules",
        help=h(
            "规则包：内置包名（如 nrta-2025）或 TOML 文件路径（可为 extends 基础包的补充规则）",
            "rule pack: a bundled pack id (nrta-2025) or a TOML file (an overlay may extend one)",
        ),
    ),
]


def parse_lang(value: str) -> Lang:
    if value.lower() in ("zh", "zh-cn", "cn", "chinese"):
        return "zh"
    if value.lower() in ("en", "en-us", "english"):
        return "en"
    usage_error(f"--lang 只能是 zh 或 en：{value}", f"--lang must be zh or en: {value}", "zh")


def usage_error(zh: str, en: str, lang: Lang) -> NoReturn:
    """Say what is wrong with the command and exit 2."""
    typer.echo(f"caselint: {en if lang == 'en' else zh}", err=True)
    raise typer.Exit(Exit.USAGE)


def require_paths(paths: list[Path], lang: Lang) -> None:
    """A path that does not exist is a usage error (exit 2), named in the message."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        names = "、".join(missing) if lang == "zh" else ", ".join(missing)
        usage_error(f"路径不存在：{names}", f"no such file or folder: {names}", lang)


def require_writable(
    target: Path, overwrite: bool, lang: Lang, noun: tuple[str, str] = ("输出文件", "output")
) -> None:
    """Refuse, before any work, an output path that is a folder or exists without --overwrite.

    ``noun`` names the output in the message (输出文件/审阅稿/文件, in Chinese and English).
    """
    if target.is_dir():
        usage_error(f"输出路径是文件夹：{target}", f"output path is a folder: {target}", lang)
    if target.exists() and not overwrite:
        zh, en = noun
        usage_error(
            f"{zh}已存在：{target}（加 --overwrite 覆盖）",
            f"{en} exists: {target} (use --overwrite)",
            lang,
        )


def run_inputs(
    paths: Iterable[Path], cases: Iterable[CaseInput] = (), extra: Iterable[str | Path | None] = ()
) -> tuple[list[Path], list[Path]]:
    """(inputs, case folders) of a run, for :func:`refuse_overlap`.

    Inputs: the paths named on the command line, every draft and metadata file of the cases,
    and ``extra`` files the run reads (config, shortlist, selected list, rule pack files). Case
    folders: the folder of each case that has one to itself and was found in a folder named on
    the command line (a case named by its file has its drafts for inputs, not its folder).
    """
    from caselint.core.fsutil import real, within

    named = [Path(p) for p in paths]
    inputs = list(named)
    folders: dict[Path, int] = {}
    roots = [real(p) for p in named if p.is_dir()]
    for case in cases:
        inputs += [*case.files, *([case.metadata_file] if case.metadata_file else [])]
        if case.folder is not None and any(within(real(case.folder), r) for r in roots):
            folders[case.folder] = folders.get(case.folder, 0) + 1
    inputs += [Path(p) for p in extra if p]
    return inputs, [folder for folder, n in folders.items() if n == 1]


def refuse_overlap(
    outputs: Iterable[Path], inputs: list[Path], folders: list[Path], lang: Lang
) -> None:
    """Exit 2 when an output would be, contain or sit inside an input (with --overwrite too).

    Replacing a case folder by its own bundle, or a draft by a report, loses the user's work; an
    output inside a case folder would be read as part of the case by the next run.
    """
    from caselint.core.fsutil import overlap

    for output in outputs:
        found = overlap(output, inputs, folders)
        if found is None:
            continue
        how, source = found
        if how == "same":
            usage_error(
                f"输出路径就是输入：{output}；输出不能覆盖被读取的文件或文件夹，请换一个位置",
                f"the output path is an input: {output}; outputs never replace what is read, choose another path",
                lang,
            )
        if how == "contains":
            usage_error(
                f"输出路径 {output} 包含输入 {source}；请写到案例文件夹以外（加 --overwrite 也不会覆盖输入）",
                f"the output path {output} contains the input {source}; write outside the cases (--overwrite never replaces inputs)",
                lang,
            )
        usage_error(
            f"输出路径 {output} 在案例文件夹 {source} 内，下次检查会被当作案例的一部分；请写到案例文件夹以外",
            f"the output path {output} is inside the case folder {source} and would be read as part of the case; write it elsewhere",
            lang,
        )


def write_stdout(text: str) -> None:
    """Machine-readable output: UTF-8 bytes whatever the console code page (Windows: cp936)."""
    data = text if text.endswith("\n") else text + "\n"
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data)
    else:
        sys.stdout.flush()
        buffer.write(data.encode("utf-8"))
        buffer.flush()


def load_limits_or_exit(reference: str | None, lang: Lang):
    """The parts and counting policy of a pack, without loading its validator (count)."""
    from caselint.rulepack.files import RulePackError
    from caselint.rulepack.limits import load_limits

    try:
        return load_limits(reference)
    except RulePackError as exc:
        usage_error(str(exc), str(exc), lang)


def load_pack_or_exit(reference: str | None, lang: Lang):
    from caselint.rulepack.pack import RulePackError, load_pack

    try:
        return load_pack(reference)
    except RulePackError as exc:
        usage_error(str(exc), str(exc), lang)

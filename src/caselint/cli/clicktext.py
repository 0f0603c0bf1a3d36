"""click's own words — the usage line, help chrome, usage errors — in the run's language.

typer prints click's English ("Usage:", "Show this message and exit.", "No such option: --formt")
whatever the language of caselint's messages. The command classes here speak Chinese unless the
command line says ``--lang en`` (or ``CASELINT_LANG=en``): they translate click's usage errors
from the exception's own fields, retitle typer's help panels, and fold long help text (rich
cuts a Chinese line, which has no spaces to break at, with "…" at the terminal's edge).

Only typer's core is imported here; rich and ``typer.rich_utils`` load when help or an error is
actually shown. Other command classes (a lazily loading group, say) take the same behaviour by
putting :class:`LocalizedMixin` first among their bases; :class:`LocalizedTyper` registers
sub-commands as :class:`LocalizedCommand`.
"""

from __future__ import annotations

import re
from typing import Any

import typer
from typer import core as typer_core
from typer.core import TyperCommand, TyperGroup

from caselint.cli.common import argv_lang
from caselint.core.i18n import Lang

#: click's exception classes, from the click typer is built on (vendored or not).
_click = getattr(typer_core, "_click", None) or typer_core.click
_errors = _click.exceptions

USAGE = {"zh": "用法：", "en": "Usage: "}
#: The usage line's placeholders; an argument typer shows as ``{paths}`` reads ``PATHS``.
USAGE_PIECES = {
    "zh": {"[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]..."},
    "en": {},
}
_METAVAR = re.compile(r"\{(\w+)\}")
HELP_OPTION = {"zh": "显示本帮助并退出", "en": "Show this message and exit."}

#: typer.rich_utils' texts, in Chinese (English: typer's own, restored when asked).
RICH_TEXTS_ZH = {
    "ARGUMENTS_PANEL_TITLE": "参数",
    "OPTIONS_PANEL_TITLE": "选项",
    "COMMANDS_PANEL_TITLE": "命令",
    "ERRORS_PANEL_TITLE": "错误",
    "ABORTED_TEXT": "已中止。",
    "RICH_HELP": "运行 [blue]'{command_path} {help_option}'[/] 查看帮助。",
    "DEFAULT_STRING": "[默认：{}]",
    "REQUIRED_LONG_STRING": "[必填]",
    "ENVVAR_STRING": "[环境变量：{}]",
    "DEPRECATED_STRING": "（已弃用）",
}
_RICH_TEXTS_EN: dict[str, Any] = {}

#: click's usage errors in Chinese (English is click's own text, passed through as it is).
ERRORS_ZH = {
    "no-such-option": "没有这个选项：{name}",
    "did-you-mean": "（是否要用：{names}）",
    "missing-argument": "缺少参数 {name}",
    "missing-option": "缺少选项 {name}",
    "needs-value": "选项 {name} 需要一个值",
    "takes-no-value": "选项 {name} 不接受值",
    "invalid": "{name} 的值无效：{detail}",
    "extra": "多余的参数：{args}",
    "no-such-command": "没有这个命令：{name}（可用命令：{names}）",
}

#: What a parameter type said of a bad value (click's English), as Chinese says it.
_DETAILS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^'?(?P<v>.*?)'? is not one of (?P<c>.*?)\.?$"), "“{v}”不是可选值（{c}）"),
    (re.compile(r"^'?(?P<v>.*?)'? is not (?P<c>'[^']*')\.?$"), "“{v}”不是可选值（{c}）"),
    (re.compile(r"^'?(?P<v>.*?)'? is not a valid integer\.?$"), "“{v}”不是整数"),
    (re.compile(r"^'?(?P<v>.*?)'? is not a valid float\.?$"), "“{v}”不是数字"),
    (re.compile(r"^'?(?P<v>.*?)'? is not a valid boolean\.?$"), "“{v}”不是是/否值"),
    (re.compile(r"^'?(?P<v>.*?)'? is not in the range (?P<c>.*?)\.?$"), "{v} 不在范围 {c} 内"),
    (re.compile(r"^(?:File|Directory|Path) '(?P<v>.*)' does not exist\.?$"), "“{v}”不存在"),
    (re.compile(r"^(?:File|Path) '(?P<v>.*)' is a directory\.?$"), "“{v}”是文件夹"),
    (re.compile(r"^(?:Directory|Path) '(?P<v>.*)' is a file\.?$"), "“{v}”是文件"),
    (re.compile(r"^.*'(?P<v>.*)' is not readable\.?$"), "“{v}”不可读"),
]
_EXTRA = re.compile(r"unexpected extra arguments?(?:\(s\))? \((?P<args>.*)\)")


def _hint(exc: Any, ctx: Any) -> str:
    """The option or argument an error is about, as the user typed it."""
    param = getattr(exc, "param", None)
    if param is None:
        return ""
    opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
    if opts:
        return " / ".join(opts)
    return (param.human_readable_name or param.name or "").upper()


def _detail(message: str, lang: Lang) -> str:
    if lang == "en":
        return message
    for pattern, template in _DETAILS:
        found = pattern.match(message.strip())
        if found:
            values = {k: v.replace("'", "") for k, v in found.groupdict().items()}
            if "c" in values:
                values["c"] = "、".join(p.strip() for p in values["c"].split(","))
            return template.format(**values)
    return message


def translate(exc: Exception, lang: Lang) -> Exception:
    """A usage error of click's, said in ``lang``; anything unknown is returned as it is."""
    if lang == "en" or not isinstance(exc, _errors.UsageError):
        return exc
    ctx = exc.ctx
    if isinstance(exc, _errors.NoSuchOption):
        text = ERRORS_ZH["no-such-option"].format(name=exc.option_name)
        if exc.possibilities:
            names = "、".join(sorted(exc.possibilities))
            text += ERRORS_ZH["did-you-mean"].format(names=names)
    elif isinstance(exc, _errors.MissingParameter):
        kind = exc.param_type or getattr(exc.param, "param_type_name", "argument")
        key = "missing-option" if kind == "option" else "missing-argument"
        text = ERRORS_ZH[key].format(name=_hint(exc, ctx))
    elif isinstance(exc, _errors.BadParameter):
        text = ERRORS_ZH["invalid"].format(name=_hint(exc, ctx), detail=_detail(exc.message, lang))
    elif isinstance(exc, _errors.BadOptionUsage):
        key = "takes-no-value" if "does not take" in exc.message else "needs-value"
        text = ERRORS_ZH[key].format(name=exc.option_name)
    elif _EXTRA.search(exc.message):
        text = ERRORS_ZH["extra"].format(args=_EXTRA.search(exc.message).group("args"))
    else:
        return exc
    translated = _errors.UsageError(text, ctx)
    translated.exit_code = exc.exit_code
    return translated


def _no_such_command(exc: Exception, group: Any, ctx: Any, name: str) -> Exception:
    names = "、".join(group.list_commands(ctx))
    text = ERRORS_ZH["no-such-command"].format(name=name, names=names)
    return _errors.UsageError(text, ctx)


def prepare_rich(lang: Lang) -> None:
    """Set typer's rich help and error texts to ``lang`` and make help text fold, not cut."""
    from typer import rich_utils

    if not _RICH_TEXTS_EN:
        _RICH_TEXTS_EN.update(
            {k: getattr(rich_utils, k) for k in RICH_TEXTS_ZH if hasattr(rich_utils, k)}
        )
    texts = RICH_TEXTS_ZH if lang == "zh" else _RICH_TEXTS_EN
    for name, value in texts.items():
        if name in _RICH_TEXTS_EN:
            setattr(rich_utils, name, value)
    make = getattr(rich_utils, "_make_rich_text", None)
    if make is not None and not getattr(make, "_folds", False):

        def folding(*args: Any, **kwargs: Any) -> Any:
            text = make(*args, **kwargs)
            if hasattr(text, "overflow"):
                text.overflow = "fold"  # break a long Chinese line, never cut it with "…"
            return text

        folding._folds = True  # type: ignore[attr-defined]
        rich_utils._make_rich_text = folding


_META_KEY = "caselint.lang"


def run_lang(ctx: Any) -> Lang:
    """The language of this invocation, from the root command's arguments (or the env)."""
    return ctx.find_root().meta.get(_META_KEY) or argv_lang()


class LocalizedMixin:
    """Usage line, help option, help panels and usage errors in the run's language."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if ctx.parent is None:
            # The root command sees the whole command line, --lang included.
            ctx.meta[_META_KEY] = argv_lang(["caselint", *args])
        lang = run_lang(ctx)
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc]
        except _errors.UsageError as exc:
            prepare_rich(lang)  # the error panel's title and hint
            raise translate(exc, lang) from None

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        lang = run_lang(ctx)
        pieces = [
            _METAVAR.sub(lambda m: m.group(1).upper(), piece)
            for piece in super().collect_usage_pieces(ctx)  # type: ignore[misc]
        ]
        return [USAGE_PIECES[lang].get(piece, piece) for piece in pieces]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE[run_lang(ctx)])

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION[run_lang(ctx)]
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        prepare_rich(run_lang(ctx))
        super().format_help(ctx, formatter)  # type: ignore[misc]


class LocalizedCommand(LocalizedMixin, TyperCommand):
    """A sub-command (``check``, ``pack`` …)."""


class LocalizedGroup(LocalizedMixin, TyperGroup):
    """The ``caselint`` command itself."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except _errors.UsageError as exc:
            lang = run_lang(ctx)
            prepare_rich(lang)
            if lang == "zh" and self.get_command(ctx, args[0]) is None and "command" in exc.message:
                raise _no_such_command(exc, self, ctx, args[0]) from None
            raise translate(exc, lang) from None


class LocalizedTyper(typer.Typer):
    """A typer app whose commands are :class:`LocalizedCommand` unless told otherwise."""

    def command(self, *args: Any, cls: Any = None, **kwargs: Any) -> Any:
        return super().command(*args, cls=cls or LocalizedCommand, **kwargs)

"""The ``caselint`` command: sub-commands are registered here, implemented one per module."""

from __future__ import annotations

import contextlib
import os
import sys

import typer

from caselint import __version__
from caselint.cli import annotate, check, count, new, pack, rules, schema, verify
from caselint.cli.common import HELP_LANG, Exit, h

app = typer.Typer(
    name="caselint",
    help=h(
        "检查、统计并打包全国广播电视媒体融合典型案例申报材料。",
        "Check, count and pack NRTA media-convergence typical-case submissions.",
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"caselint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help=h("显示版本", "show version")
    ),
) -> None:
    """caselint"""


annotate.register(app)
check.register(app)
count.register(app)
new.register(app)
pack.register(app)
rules.register(app)
schema.register(app)
verify.register(app)


def _tolerant_streams() -> None:
    """A console or redirect in GBK (Chinese Windows: ``> 结果.txt``) cannot encode ✓ ✗ ¹;
    replace what it cannot hold instead of failing the run after the work is done."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def main() -> None:
    """Entry point: no Python traceback reaches a user unless ``--debug`` is given."""
    debug = "--debug" in sys.argv
    # pydantic looks up plugins through package metadata at the first model (~10 ms); the CLI
    # uses none. A user who wants plugins can still set the variable.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _tolerant_streams()
    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("\ncaselint: 已中断 / interrupted\n")
        sys.exit(130)
    except Exception as exc:
        if debug:
            raise
        if HELP_LANG == "en":
            sys.stderr.write(
                f"caselint: internal error: {exc!r}\nrun again with --debug for details\n"
            )
        else:
            sys.stderr.write(f"caselint：内部错误：{exc!r}\n加 --debug 重新运行可查看详细信息\n")
        sys.exit(Exit.USAGE)

"""The ``caselint`` entry point: ``--version`` answered before typer loads, then the typer app.

The application itself (:mod:`caselint.cli.root`) is imported only when a command runs, and it
imports a sub-command's module only when that command is dispatched. ``app`` stays importable
from here (``from caselint.cli.app import app``) for tests and embedders.
"""

from __future__ import annotations

import os
import sys

from caselint import __version__

TYPE_CHECKING = False  # typing costs ~10 ms of imports that --version never needs

if TYPE_CHECKING:
    import typer


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        from caselint.cli.root import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _tolerant_streams() -> None:
    """A console or redirect in GBK (Chinese Windows: ``> 结果.txt``) cannot encode ✓ ✗ ¹;
    replace what it cannot hold instead of failing the run after the work is done."""
    import contextlib

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def main() -> None:
    """Entry point: no Python traceback reaches a user unless ``--debug`` is given."""
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"caselint {__version__}\n")
        return
    debug = "--debug" in sys.argv
    # pydantic looks up plugins through package metadata at the first model (~10 ms); the CLI
    # uses none. A user who wants plugins can still set the variable.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _tolerant_streams()
    try:
        from caselint.cli.root import app

        app(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("\ncaselint: 已中断 / interrupted\n")
        sys.exit(130)
    except Exception as exc:
        if debug:
            raise
        from caselint.cli.common import HELP_LANG, Exit

        if HELP_LANG == "en":
            sys.stderr.write(
                f"caselint: internal error: {exc!r}\nrun again with --debug for details\n"
            )
        else:
            sys.stderr.write(f"caselint：内部错误：{exc!r}\n加 --debug 重新运行可查看详细信息\n")
        sys.exit(Exit.USAGE)

"""The typer application, its sub-commands imported only when dispatched.

Each command lives in a module of its own with a ``register(app)`` function. Importing them all
up front made every run pay for every command's imports; here the group holds only their names
and imports a module the first time its command is looked up (``caselint check`` imports
``caselint.cli.check`` alone; the root ``--help`` imports them all to list their help).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from typing import Any

import typer

from caselint import __version__
from caselint.cli.clicktext import LocalizedGroup, LocalizedTyper
from caselint.cli.common import h

#: Command name → the module that registers it, in the order ``--help`` lists them.
COMMANDS = {
    name: f"caselint.cli.{name}"
    for name in ("annotate", "check", "count", "new", "pack", "rules", "schema", "verify")
}
MARKUP = "rich"


class LazyCommands(MutableMapping[str, Any]):
    """The group's command table: names known up front, commands built on first look-up."""

    def __init__(self, modules: dict[str, str]) -> None:
        self._modules = dict(modules)
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            module = importlib.import_module(self._modules[name])  # KeyError: no such command
            single = LocalizedTyper(add_completion=False, rich_markup_mode=MARKUP)
            module.register(single)
            self._built[name] = typer.main.get_command(single)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._modules.setdefault(name, "")
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._modules[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


class LazyGroup(LocalizedGroup):
    """The ``caselint`` group: commands loaded lazily, click's texts in the run's language."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands(COMMANDS)


app = typer.Typer(
    name="caselint",
    cls=LazyGroup,
    help=h(
        "检查、统计并打包全国广播电视媒体融合典型案例申报材料。",
        "Check, count and pack NRTA media-convergence typical-case submissions.",
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=MARKUP,
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

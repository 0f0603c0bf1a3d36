"""``caselint schema``: JSON Schema of the machine-readable outputs, generated from the models."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer

from caselint.cli.common import h, write_stdout


class Which(str, Enum):
    report = "report"
    count = "count"
    manifest = "manifest"
    rulepack = "rulepack"
    config = "config"


def schema(
    which: Annotated[
        Which, typer.Argument(help=h("哪个输出的模式", "which schema"))
    ] = Which.report,
) -> None:
    """输出 JSON Schema（check/count 的 JSON 输出、清单、规则包、配置）。"""
    from caselint.core.serialize import json_schema

    if which is Which.report:
        from caselint.core.model import Report as model
    elif which is Which.count:
        from caselint.core.model import CountReport as model
    elif which is Which.manifest:
        from caselint.pack.manifest import Manifest as model
    elif which is Which.rulepack:
        from caselint.rulepack.pack import RulePack as model
    else:
        from caselint.rulepack.config import Config as model
    write_stdout(json.dumps(json_schema(model), ensure_ascii=False, indent=2))


def register(app: typer.Typer) -> None:
    app.command(
        "schema",
        help=h(
            "输出 JSON 模式（由数据模型生成）", "Print JSON Schema (generated from the models)."
        ),
    )(schema)

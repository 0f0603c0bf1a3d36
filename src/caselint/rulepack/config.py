"""Project configuration: ``[tool.caselint]`` in pyproject.toml, or caselint.toml; nearest wins.

The search starts at the first path on the command line (its folder, for a file) and walks up
to the file-system root, then tries the working directory. The first ``caselint.toml`` or
``pyproject.toml`` holding a ``[tool.caselint]`` table is used, alone: configs do not cascade.
Command-line options override it. Keys use dashes (``count-scope``) or underscores.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from caselint.rulepack.configfile import ConfigError, find_config, resolve_path, table_of

__all__ = ["Config", "ConfigError", "find_config", "load_config"]


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    rules: str | None = None
    lang: Literal["zh", "en"] | None = None
    select: list[str] | None = None
    ignore: list[str] = []
    extend_ignore: list[str] = Field([], alias="extend-ignore")
    category: str | None = None
    count_scope: Literal["main", "inclusive"] | None = Field(None, alias="count-scope")
    output_format: Literal["text", "json", "junit", "sarif", "github"] | None = Field(
        None, alias="output-format"
    )
    exit_zero: bool = Field(False, alias="exit-zero")
    fail_on: Literal["error", "warning", "info"] | None = Field(None, alias="fail-on")
    baseline: str | None = None
    jobs: int | None = Field(None, ge=1)
    cache_dir: str | None = Field(None, alias="cache-dir")
    selected: str | None = None
    shortlist: str | None = None
    source: str | None = Field(None, exclude=True)


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    """The config for a run: ``explicit`` if given (``--config``), else the nearest file."""
    path = explicit or find_config(start)
    if path is None:
        return Config()
    table = table_of(path) or {}
    try:
        config = Config.model_validate(table)
    except ValidationError as exc:
        lines = [f"{path}: 配置无效 / invalid config"]
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"])
            lines.append(f"  {where}: {error['msg']}")
        raise ConfigError("\n".join(lines)) from exc
    config.source = str(path)
    for name in ("rules", "selected", "shortlist", "cache_dir", "baseline"):
        value = getattr(config, name)
        if value:
            setattr(config, name, resolve_path(path, value, pack_reference=name == "rules"))
    return config

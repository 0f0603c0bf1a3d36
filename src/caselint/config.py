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

from caselint.rulepack import tomllib

CONFIG_NAMES = ("caselint.toml", "pyproject.toml")


class ConfigError(Exception):
    """An invalid config file; the message names the file and key."""


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    rules: str | None = None
    lang: Literal["zh", "en"] | None = None
    select: list[str] | None = None
    ignore: list[str] = []
    extend_ignore: list[str] = Field([], alias="extend-ignore")
    category: str | None = None
    count_scope: Literal["main", "inclusive"] | None = Field(None, alias="count-scope")
    output_format: str | None = Field(None, alias="output-format")
    exit_zero: bool = Field(False, alias="exit-zero")
    jobs: int | None = Field(None, ge=1)
    cache_dir: str | None = Field(None, alias="cache-dir")
    selected: str | None = None
    shortlist: str | None = None
    source: str | None = Field(None, exclude=True)


def _table(path: Path) -> dict[str, object] | None:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("caselint")
        return table if isinstance(table, dict) else None
    return data.get("tool", {}).get("caselint", data)


def find_config(start: Path | None) -> Path | None:
    """The nearest config file above ``start`` (then above the working directory)."""
    starts = []
    if start is not None:
        start = start.resolve()
        starts.append(start if start.is_dir() else start.parent)
    starts.append(Path.cwd().resolve())
    for origin in starts:
        for folder in (origin, *origin.parents):
            for name in CONFIG_NAMES:
                candidate = folder / name
                if candidate.is_file() and _table(candidate) is not None:
                    return candidate
    return None


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    """The config for a run: ``explicit`` if given (``--config``), else the nearest file."""
    path = explicit or find_config(start)
    if path is None:
        return Config()
    table = _table(path) or {}
    try:
        config = Config.model_validate(table)
    except ValidationError as exc:
        lines = [f"{path}: 配置无效 / invalid config"]
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"])
            lines.append(f"  {where}: {error['msg']}")
        raise ConfigError("\n".join(lines)) from exc
    config.source = str(path)
    # Paths in a config file are relative to that file, not to the working directory.
    for name in ("rules", "selected", "shortlist", "cache_dir"):
        value = getattr(config, name)
        is_path = name != "rules" or value.endswith(".toml") or "/" in value if value else False
        if value and is_path and not Path(value).is_absolute():
            setattr(config, name, str((path.parent / value).resolve()))
    return config

"""Finding and reading the config file, without validating it (``count`` needs two keys).

The search starts at the first path on the command line (its folder, for a file) and walks up
to the file-system root, then tries the working directory. The first ``caselint.toml`` or
``pyproject.toml`` holding a ``[tool.caselint]`` table is used, alone: configs do not cascade.
:mod:`caselint.rulepack.config` validates the table for the commands that check.
"""

from __future__ import annotations

from pathlib import Path

from caselint.rulepack.files import TOML_HINT, load_toml_file, tomllib

CONFIG_NAMES = ("caselint.toml", "pyproject.toml")


class ConfigError(Exception):
    """An invalid config file; the message names the file and key."""


def table_of(path: Path) -> dict[str, object] | None:
    try:
        data = load_toml_file(path)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML 语法错误 / invalid TOML: {exc}（{TOML_HINT}）") from exc
    except Exception as exc:  # unreadable or undecodable: named with the file, never a traceback
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
                if candidate.is_file() and table_of(candidate) is not None:
                    return candidate
    return None


def resolve_path(config_file: Path, value: str, *, pack_reference: bool = False) -> str:
    """A path written in a config file is relative to that file, not to the working directory.

    A rule-pack reference that is a bundled pack id (``nrta-2025``) is left as it is.
    """
    if pack_reference and not (value.endswith(".toml") or "/" in value or "\\" in value):
        return value
    if Path(value).is_absolute():
        return value
    return str((config_file.parent / value).resolve())


def count_settings(start: Path | None) -> tuple[str | None, str | None]:
    """(rules, lang) from the nearest config, for ``count``; None where unset or not a string."""
    path = find_config(start)
    if path is None:
        return None, None
    table = table_of(path) or {}
    rules, lang = table.get("rules"), table.get("lang")
    rules = resolve_path(path, rules, pack_reference=True) if isinstance(rules, str) else None
    return rules, lang if isinstance(lang, str) else None

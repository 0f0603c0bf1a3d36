"""Project configuration: ``[tool.caselint]`` in pyproject.toml, or caselint.toml; nearest wins.

The search starts at the first path on the command line (its folder, for a file) and walks up
to the file-system root, then tries the working directory. The first ``caselint.toml`` or
``pyproject.toml`` holding a ``[tool.caselint]`` table is used, alone: configs do not cascade.
Command-line options override it. Keys use dashes (``count-scope``) or underscores.

``ignore`` deselects rules (as ``--ignore`` does); ``accept`` lists findings accepted with a
reason, in the form of case.toml's ``ignore`` entries (suppressions of kind ``config``). Each
``[[overrides]]`` table sets ``select``, ``ignore``, ``extend-ignore``, ``fail-on`` and
``accept`` for the cases whose files its ``files`` globs match (:mod:`.overrides`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from caselint.core.codes import unknown_selectors
from caselint.core.i18n import Lang
from caselint.rulepack.acceptance import (
    PART_KEYS,
    REASON_KEYS,
    RULE_KEYS,
    TEXT_KEYS,
    entry_problem,
    first,
)
from caselint.rulepack.configfile import ConfigError, find_config, resolve_path, table_of
from caselint.rulepack.overrides import (
    ConfigAccept,
    Override,
    PathConfig,
    Patterns,
    pattern_problem,
)

__all__ = ["Config", "ConfigError", "find_config", "load_config"]

FailOn = Literal["error", "warning", "info"]


def _problem(zh: str, en: str) -> PydanticCustomError:
    """A validation error in both languages; :func:`_describe` picks the run's."""
    return PydanticCustomError("caselint", "{en}", {"zh": zh, "en": en})


def _entry(value: Any) -> Any:
    problem = entry_problem(value)
    if problem is not None:
        raise _problem(*problem)
    return value


#: ``"W001 原因：……"`` or ``{ rule = "W001", reason = "……", part = "详细材料", text = "……" }``.
AcceptEntry = Annotated[str | dict[str, str | list[str]], BeforeValidator(_entry)]


def _known_rules(values: list[str] | None) -> list[str] | None:
    """``select``/``ignore`` name rules to run or skip; an acceptance with a reason written
    there by mistake is pointed to ``accept``."""
    unknown = unknown_selectors(values or [])
    if unknown:
        zh, en = "、".join(unknown), ", ".join(unknown)
        hint_zh, hint_en = "caselint rules 可列出全部规则", "see caselint rules"
        if any(len(name.split()) > 1 for name in unknown):
            hint_zh = "接受某条问题并写明原因，请写在 accept 中"
            hint_en = "to accept a finding with a reason, write it in accept"
        raise _problem(f"未知规则：{zh}（{hint_zh}）", f"unknown rule(s): {en} ({hint_en})")
    return values


class OverrideTable(BaseModel):
    """One ``[[overrides]]`` table: settings for the cases whose files ``files`` matches."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    files: list[str]
    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_ignore: list[str] = Field([], alias="extend-ignore")
    fail_on: FailOn | None = Field(None, alias="fail-on")
    accept: list[AcceptEntry] = []

    @field_validator("files")
    @classmethod
    def _patterns(cls, value: list[str]) -> list[str]:
        if not value:
            raise _problem(
                '不能为空，应列出路径模式，如 files = ["东湖台/**"]',
                'is empty; list glob patterns, e.g. files = ["东湖台/**"]',
            )
        for pattern in value:
            problem = pattern_problem(pattern)
            if problem is not None:
                raise _problem(*problem)
        return value

    @field_validator("select", "ignore", "extend_ignore")
    @classmethod
    def _rules(cls, value: list[str] | None) -> list[str] | None:
        return _known_rules(value)


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
    fail_on: FailOn | None = Field(None, alias="fail-on")
    baseline: str | None = None
    jobs: int | None = Field(None, ge=1)
    cache_dir: str | None = Field(None, alias="cache-dir")
    selected: str | None = None
    shortlist: str | None = None
    #: Findings accepted with a reason, for every case (``ignore`` deselects rules instead).
    accept: list[AcceptEntry] = []
    overrides: list[OverrideTable] = []
    source: str | None = Field(None, exclude=True)

    @field_validator("select", "ignore", "extend_ignore")
    @classmethod
    def _rules(cls, value: list[str] | None) -> list[str] | None:
        return _known_rules(value)

    def path_config(self, select: list[str] | None, ignore: list[str]) -> PathConfig | None:
        """The per-path settings with the command line's ``--select``/``--ignore``; None when
        the config has neither overrides nor acceptances (every case is checked alike)."""
        if not self.overrides and not self.accept:
            return None
        file = self.source or "caselint.toml"
        base = os.path.dirname(os.path.abspath(file))
        return PathConfig(
            file=file,
            select=tuple(select or self.select or ()) if (select or self.select) else None,
            select_from_cli=bool(select),
            ignore=tuple(self.ignore),
            extend_ignore=(*ignore, *self.extend_ignore),
            accept=_accepts(file, "accept", self.accept),
            overrides=tuple(
                Override(
                    key=f"overrides[{n}]",
                    files=Patterns(base, tuple(table.files)),
                    select=tuple(table.select) if table.select is not None else None,
                    ignore=tuple(table.ignore) if table.ignore is not None else None,
                    extend_ignore=tuple(table.extend_ignore),
                    fail_on=table.fail_on,
                    accept=_accepts(file, f"overrides[{n}].accept", table.accept),
                )
                for n, table in enumerate(self.overrides, start=1)
            ),
        )


_CANONICAL = (
    ("rule", RULE_KEYS),
    ("reason", REASON_KEYS),
    ("part", PART_KEYS),
    ("text", TEXT_KEYS),
)


def _accepts(file: str, key: str, entries: list[Any]) -> tuple[ConfigAccept, ...]:
    out = []
    for n, entry in enumerate(entries, start=1):
        if isinstance(entry, dict):
            pairs = []
            for name, keys in _CANONICAL:
                value = first(entry, keys)
                if value is not None:
                    pairs.append((name, tuple(value) if isinstance(value, list) else value))
            entry = tuple(pairs)
        out.append(ConfigAccept(file=file, key=f"{key}[{n}]", entry=entry))
    return tuple(out)


def load_config(
    start: Path | None = None, explicit: Path | None = None, lang: Lang = "zh"
) -> Config:
    """The config for a run: ``explicit`` if given (``--config``), else the nearest file.

    Raises :class:`ConfigError` naming the file and each wrong key, in ``lang``.
    """
    path = explicit or find_config(start)
    if path is None:
        return Config()
    table = table_of(path) or {}
    try:
        config = Config.model_validate(table)
    except ValidationError as exc:
        lines = [f"{path}: 配置无效" if lang == "zh" else f"{path}: invalid config"]
        for error in exc.errors():
            sep = "：" if lang == "zh" else ": "
            lines.append(f"  {_key(error['loc'])}{sep}{_describe(error, lang)}")
        raise ConfigError("\n".join(lines)) from exc
    config.source = str(path)
    for name in ("rules", "selected", "shortlist", "cache_dir", "baseline"):
        value = getattr(config, name)
        if value:
            setattr(config, name, resolve_path(path, value, pack_reference=name == "rules"))
    return config


def _key(loc: tuple[int | str, ...]) -> str:
    """``overrides[2].fail-on``: a key path as the file spells it, tables counted from 1."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        elif part not in ("str", "dict[str,union[str,list[str]]]"):  # union branches
            out += f".{part}" if out else str(part)
    return out or "(top level)"


#: pydantic's error types in Chinese (``{…}`` from the error's context).
_ZH = {
    "extra_forbidden": "未知的配置项（caselint schema config 可列出全部配置项）",
    "missing": "缺少此项",
    "literal_error": "应为 {expected} 之一",
    "list_type": "应为列表（写在方括号 [ ] 中）",
    "string_type": "应为字符串",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "greater_than_equal": "应不小于 {ge}",
    "model_type": "应为表（[[overrides]] 或 { … }）",
    "model_attributes_type": "应为表（[[overrides]] 或 { … }）",
    "dict_type": "应为表（{ … }）",
}


def _describe(error: Any, lang: Lang) -> str:
    context = error.get("ctx") or {}
    if error["type"] == "caselint":
        return str(context[lang])
    if error["type"] == "list_type" and error["loc"] == ("overrides",):
        return "应写成 [[overrides]] 表" if lang == "zh" else "write [[overrides]] tables"
    if lang == "en" or error["type"] not in _ZH:
        return str(error["msg"])
    text = _ZH[error["type"]]
    for name, value in context.items():
        text = text.replace(f"{{{name}}}", str(value).replace(" or ", "、").replace(", ", "、"))
    return text

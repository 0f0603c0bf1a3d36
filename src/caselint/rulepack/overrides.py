"""Per-path settings: the config's ``[[overrides]]`` and ``accept``, resolved for one case.

An ``[[overrides]]`` table applies to a case when one of its ``files`` patterns matches one of
the case's files. Patterns follow the rules of ``.gitignore`` (through ``pathspec``), relative
to the folder of the config file: ``东湖台/**`` (everything under 东湖台), ``*.docx`` (a .docx at
any depth), ``**/案例一`` or ``案例一/`` (a folder 案例一 anywhere, and what is in it), ``!…``
(takes files back out). Paths are compared with forward slashes, Unicode-normalised (NFC), and
without regard to case on Windows; a file outside the config's folder matches nothing.

Per key, the command line wins, then the last matching override that sets the key, then the top
level of the config. An override's ``ignore`` replaces the top-level ``ignore`` for its cases;
``--ignore`` and every ``extend-ignore`` (top level and matching overrides) add to it.
Acceptances add up: the matching overrides' ``accept`` entries, then the top-level ones.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import Any

from caselint.core.codes import select as select_rules

#: An acceptance table as stored: its (canonical key, value) pairs, hashable.
Table = tuple[tuple[str, Any], ...]


def _fold_case() -> bool:
    """File names differ only in case on Windows' file systems."""
    return os.name == "nt"


def _normal(text: str, fold: bool) -> str:
    text = unicodedata.normalize("NFC", text)
    return text.casefold() if fold else text


#: A backslash escapes these in a pattern (``案例\[1\]``); before anything else it is a Windows
#: folder separator (``东湖台\**``), since Windows file names cannot hold ``*``, ``?`` or ``\``.
_ESCAPE = re.compile(r"\\(?![\[\]!# ])")


def _slashed(pattern: str) -> str:
    return _ESCAPE.sub("/", pattern.strip())


_SPECS: dict[tuple[tuple[str, ...], bool], Any] = {}


def _spec(patterns: tuple[str, ...], fold: bool) -> Any:
    """The compiled patterns (imported and compiled only for a config that has overrides)."""
    key = (patterns, fold)
    if key not in _SPECS:
        from pathspec import GitIgnoreSpec

        _SPECS[key] = GitIgnoreSpec.from_lines([_normal(_slashed(p), fold) for p in patterns])
    return _SPECS[key]


def pattern_problem(pattern: str) -> tuple[str, str] | None:
    """Why ``pattern`` cannot be a ``files`` pattern (Chinese, English), or None."""
    text = pattern.strip()
    if not text:
        return "路径模式不能为空", "a pattern cannot be empty"
    slashed = _slashed(text)
    if PureWindowsPath(text).drive or slashed.startswith("//"):
        return (
            f"{pattern}：应为相对于配置文件所在文件夹的路径模式，如 东湖台/**",
            f"{pattern}: write a pattern relative to the config file's folder, e.g. 东湖台/**",
        )
    if ".." in slashed.lstrip("!").split("/"):
        return (
            f"{pattern}：不能用 .. 指向配置文件所在文件夹之外；请把配置文件放在更上层的文件夹",
            f"{pattern}: .. cannot leave the config file's folder; move the config up instead",
        )
    try:
        _spec((text,), False)
    except Exception as exc:  # pathspec's own errors name the problem
        return f"{pattern}：无法理解的路径模式（{exc}）", f"{pattern}: not a valid pattern ({exc})"
    return None


def relative_path(path: Path, base: Path) -> str | None:
    """``path`` relative to ``base`` with forward slashes; None when it is not inside."""
    for resolve in (False, True):  # as written, then through links and mapped drives
        candidate = path.resolve() if resolve else Path(os.path.abspath(path))
        root = base.resolve() if resolve else Path(os.path.abspath(base))
        try:
            relative = candidate.relative_to(root)
        except ValueError:
            continue
        return relative.as_posix() if relative.parts else None
    return None


@dataclass(frozen=True)
class Patterns:
    """The ``files`` globs of one override and the folder they are relative to."""

    base: str
    patterns: tuple[str, ...]

    def matches(self, files: Iterable[Path | str]) -> bool:
        return self.matches_relative(self.relative(files))

    def relative(self, files: Iterable[Path | str]) -> list[str]:
        """The files as the patterns see them: relative to the base, normalised."""
        fold, base = _fold_case(), Path(self.base)
        found = (relative_path(Path(file), base) for file in files)
        return [_normal(relative, fold) for relative in found if relative is not None]

    def matches_relative(self, relative: list[str]) -> bool:
        spec = _spec(self.patterns, _fold_case())
        return any(spec.match_file(path) for path in relative)


@dataclass(frozen=True)
class ConfigAccept:
    """One acceptance written in the config: the file, its key there, the entry as written."""

    file: str
    key: str  # accept[1], overrides[2].accept[1] (counted from 1, as a reader counts tables)
    entry: str | Table

    def as_entry(self) -> str | dict[str, Any]:
        """The entry in the form case.toml's ignore entries are read in."""
        if isinstance(self.entry, str):
            return self.entry
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.entry}

    @property
    def written(self) -> str:
        """The entry as a TOML line, quoted where it is reported."""
        if isinstance(self.entry, str):
            return f"{self.key} = {_toml(self.entry)}"
        pairs = ", ".join(f"{k} = {_toml(v)}" for k, v in self.entry)
        return f"{self.key} = {{ {pairs} }}"


def _toml(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


@dataclass(frozen=True)
class Override:
    """One ``[[overrides]]`` table, ready to match."""

    key: str  # overrides[2]
    files: Patterns
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    accept: tuple[ConfigAccept, ...] = ()


@dataclass(frozen=True)
class CaseConfig:
    """What the config decides for one case: its rules, acceptances and failing level."""

    enabled: frozenset[str]
    accepts: tuple[ConfigAccept, ...]
    fail_on: str | None  # an override's; None leaves the run's
    overrides: tuple[str, ...]  # the keys of the overrides that apply


@dataclass(frozen=True)
class PathConfig:
    """The config's per-path settings with the command line's rule options, for any case."""

    file: str
    select: tuple[str, ...] | None  # the command line's, else the config's
    select_from_cli: bool
    ignore: tuple[str, ...]  # the top-level ignore, which an override's ignore replaces
    extend_ignore: tuple[str, ...]  # --ignore and the top-level extend-ignore: always added
    accept: tuple[ConfigAccept, ...] = ()
    overrides: tuple[Override, ...] = ()

    def for_files(self, files: Iterable[Path | str]) -> CaseConfig:
        # Every override is relative to the config's folder: the paths are worked out once.
        relative = self.overrides[0].files.relative(files) if self.overrides else []
        layers = [o for o in self.overrides if o.files.matches_relative(relative)]
        select = self.select
        chosen = None if self.select_from_cli else _last(o.select for o in layers)
        if chosen is not None:
            select = chosen
        ignore = _last(o.ignore for o in layers)
        ignores = [*(self.ignore if ignore is None else ignore), *self.extend_ignore]
        ignores += [name for o in layers for name in o.extend_ignore]
        return CaseConfig(
            enabled=select_rules(list(select) if select else None, ignores),
            accepts=tuple(a for o in layers for a in o.accept) + self.accept,
            fail_on=_last(o.fail_on for o in layers),
            overrides=tuple(o.key for o in layers),
        )

    @property
    def entries(self) -> tuple[ConfigAccept, ...]:
        """Every acceptance of the config, in the order they are tried."""
        return tuple(a for o in self.overrides for a in o.accept) + self.accept


def _last(values: Iterable[Any]) -> Any:
    """The last value that is set (an override further down the file wins)."""
    found = None
    for value in values:
        if value is not None:
            found = value
    return found

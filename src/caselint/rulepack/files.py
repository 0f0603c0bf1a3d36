"""Rule-pack files: finding, reading and merging them, and the two tables every command needs.

Kept free of pydantic: ``caselint count`` needs only the parts (names and limits) and the
counting policy, and reads them here in a few milliseconds; :mod:`caselint.rulepack.pack` validates
the whole pack for the commands that check. ``Part`` and ``Counting`` check their own values, so
both paths agree on what a valid part is.

A pack is a TOML file in ``rules/`` (``nrta-2025.toml``) that may ``include`` further TOML files
beside it; an overlay says ``extends = "nrta-2025"`` (a pack id or a path). Tables merge key by
key, arrays of tables with an ``id`` merge by id, other arrays are replaced unless the key is
prefixed ``extend-`` (``extend-terms = [...]`` appends).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from caselint.core.model import PartName

DEFAULT_PACK = "nrta-2025"
LIMIT_MEASURES = ("words", "cjk_chars", "chars_no_spaces", "chars_with_spaces")
SCOPES = ("main", "inclusive")


class RulePackError(Exception):
    """A pack that cannot be loaded; the message names the file and key."""


#: ``"<field>: <problem>"``: the form of the errors ``Part`` and ``Counting`` raise, so that a
#: validator reporting them can name the field (``parts.summary.limit``).
FIELD_ERROR = re.compile(r"^(?:Value error, )?(\w+): (.*)$", re.DOTALL)


def _strings(value: object, what: str) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what}: must be a list of strings")


@dataclass(frozen=True)
class Part:
    """One part of a case (综合材料, 详细材料): its names and its limit."""

    title: str
    limit: int
    aliases: list[str] = field(default_factory=list)
    clause: str = ""
    #: Short names a file name may use for the part (综合, summary, zonghe): matched as a whole
    #: word of the name or at its end, never inside a word (综合信息服务 is no summary).
    file_aliases: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.title, str) or not self.title:
            raise ValueError("title: must be a non-empty string")
        if not isinstance(self.limit, int) or isinstance(self.limit, bool) or self.limit <= 0:
            raise ValueError("limit: must be a positive integer")
        _strings(self.aliases, "aliases")
        _strings(self.file_aliases, "file_aliases")
        if not isinstance(self.clause, str):
            raise ValueError("clause: must be a string")

    @property
    def names(self) -> list[str]:
        return [self.title, *[a for a in self.aliases if a != self.title]]


@dataclass(frozen=True)
class Counting:
    """Which figure a part's limit is measured in; 字 is not defined by the notice."""

    measure: str = "words"
    scope: str = "inclusive"
    near_ratio: float = 0.95
    alternatives: list[str] = field(default_factory=lambda: ["chars_no_spaces"])
    #: Beyond this many times its limit a part is still counted exactly and its structure
    #: checked, but the sentence-by-sentence checks skip it (``checks-skipped``): their cost
    #: grows with the text, and a part twenty times too long fails on its length anyway.
    check_cap_ratio: float = 20

    def __post_init__(self) -> None:
        if self.measure not in LIMIT_MEASURES:
            raise ValueError(f"measure: must be one of {', '.join(LIMIT_MEASURES)}")
        if self.scope not in SCOPES:
            raise ValueError(f"scope: must be one of {', '.join(SCOPES)}")
        ratio = self.near_ratio
        if not isinstance(ratio, (int, float)) or isinstance(ratio, bool) or not 0 < ratio <= 1:
            raise ValueError("near_ratio: must be a number in (0, 1]")
        _strings(self.alternatives, "alternatives")
        cap = self.check_cap_ratio
        if not isinstance(cap, (int, float)) or isinstance(cap, bool) or cap < 1:
            raise ValueError("check_cap_ratio: must be a number of at least 1")
        if any(a not in LIMIT_MEASURES for a in self.alternatives):
            raise ValueError(f"alternatives: must be among {', '.join(LIMIT_MEASURES)}")


@dataclass(frozen=True)
class PackLimits:
    """What ``count`` needs of a pack: which parts there are, their limits, the counting."""

    id: str
    version: str
    parts: dict[PartName, Part]
    counting: Counting


def rules_dir() -> Path:
    """The bundled ``rules/`` folder: inside the wheel, or at the top of a checkout."""
    here = Path(__file__).resolve()
    for folder in (here.parents[1] / "_rules", here.parents[3] / "rules"):
        if folder.is_dir():
            return folder
    # Installs that are not plain folders (zip imports); importlib.resources costs ~10 ms of
    # imports, so it is asked last.
    from importlib import resources

    packaged = resources.files("caselint") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    raise RulePackError("找不到内置规则包目录 rules/（安装不完整）")


#: Rule packs, overlays and config files are read as regular files of at most this size.
MAX_TOML_BYTES = 16 * 1024 * 1024

#: Said with a TOML syntax error: the usual cause when people write Chinese keys.
TOML_HINT = 'TOML 中的中文键名要加引号，如 "案例名称" = "……"'


def load_toml_file(path: Path) -> dict[str, Any]:
    """A TOML file in UTF-8 (with or without BOM) or GBK/GB18030, as saved by Windows editors.

    Raises ``OSError``, ``UnicodeDecodeError``-like read errors from the decoder, and
    ``tomllib.TOMLDecodeError``.
    """
    from caselint.core.encoding import decode
    from caselint.core.readfile import read_regular

    text, _ = decode(read_regular(path, MAX_TOML_BYTES), path)
    return tomllib.loads(text)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return load_toml_file(path)
    except FileNotFoundError as exc:
        raise RulePackError(f"{path}: 规则文件不存在 / rule file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(f"{path}: TOML 语法错误 / invalid TOML: {exc}（{TOML_HINT}）") from exc
    except OSError as exc:
        raise RulePackError(f"{path}: {exc.strerror or exc}") from exc
    except Exception as exc:  # a decoding failure names the file like any other
        raise RulePackError(f"{path}: {exc}") from exc


def locate(reference: str, relative_to: Path | None) -> Path:
    """A pack reference is a bundled pack id (``nrta-2025``) or a path to a TOML file."""
    candidate = Path(reference)
    if candidate.suffix == ".toml" or candidate.exists() or "/" in reference or "\\" in reference:
        if not candidate.is_absolute() and relative_to is not None:
            nearby = relative_to / candidate
            if nearby.exists():
                return nearby
        return candidate
    return rules_dir() / f"{reference}.toml"


def merge(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``overlay`` into a copy of ``base`` (see the module docstring)."""
    merged = dict(base)
    for key, value in overlay.items():
        if key.startswith("extend-"):
            target = key.removeprefix("extend-")
            merged[target] = [*merged.get(target, []), *value]
            continue
        current = merged.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            merged[key] = merge(current, value)
        elif _is_id_table_list(current) and _is_id_table_list(value):
            by_id = {item["id"]: item for item in current}
            for item in value:
                by_id[item["id"]] = merge(by_id[item["id"]], item) if item["id"] in by_id else item
            merged[key] = list(by_id.values())
        else:
            merged[key] = value
    return merged


def _is_id_table_list(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, dict) and "id" in v for v in value)
    )


def load_raw(
    path: Path, chain: tuple[Path, ...] = (), *, tables: tuple[str, ...] | None = None
) -> tuple[dict[str, Any], list[Path]]:
    """The merged TOML data of a pack or overlay, and every file it was read from, in order.

    ``tables`` names the only top-level tables the caller needs: included files whose text
    never mentions them are not parsed (the wording lexicon, when counting).
    """
    path = path.resolve()
    if path in chain:
        raise RulePackError(f"{path}: extends 形成循环 / circular extends")
    data = read_toml(path)
    sources = [path]
    includes = data.pop("include", [])
    if not isinstance(includes, list):
        raise RulePackError(f"{path}: include 必须是文件列表 / include must be a list of files")
    for name in includes:
        part = (path.parent / name).resolve()
        sources.append(part)
        if tables is not None and not _mentions(part, tables):
            continue
        data = merge(data, read_toml(part))
    parent = data.pop("extends", None)
    if parent is None:
        return data, sources
    if not isinstance(parent, str):
        raise RulePackError(f"{path}: extends 必须是字符串 / extends must be a string")
    base, base_sources = load_raw(locate(parent, path.parent), (*chain, path), tables=tables)
    return merge(base, data), [*base_sources, *sources]


def _mentions(path: Path, tables: tuple[str, ...]) -> bool:
    """Whether a TOML file may define one of ``tables`` (a plain text test, erring on yes)."""
    from caselint.core.read_error import ReadError
    from caselint.core.readfile import read_regular

    try:
        text = read_regular(path, MAX_TOML_BYTES).decode("utf-8")
    except (ReadError, UnicodeDecodeError):
        return True  # let the parser report it
    names = "|".join(map(re.escape, tables))
    return re.search(rf"^\s*\[*\s*[\"']?(?:{names})\b", text, re.MULTILINE) is not None


def digest_of(sources: list[Path]) -> str:
    """The identity of a pack as loaded (every file of it, overlays included): cache keys."""
    import hashlib

    from caselint.core.readfile import read_regular

    digest = hashlib.sha256()
    for source in sources:
        digest.update(read_regular(source, MAX_TOML_BYTES))
    return digest.hexdigest()

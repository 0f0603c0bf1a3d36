"""Find the cases under the paths a user names (drafts are found by :mod:`caselint.cases.walk`).

A folder whose drafts belong together (or that holds a ``case.toml``) is one case; otherwise
files pair up by name (…综合材料 / …详细材料), draft-version marks (v2, 修订稿) ignored so that
two versions of one part end up in one case and are reported, never silently picked.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caselint.cases.case import CaseInput
from caselint.cases.walk import (
    ANNOTATED_SUFFIX,
    BUNDLE_MANIFEST,
    SIDECAR_NAMES,
    SIDECAR_SUFFIXES,
    Skipped,
    expand,
    is_sidecar,
    iter_files,
    iter_files_shallow,
    skip_reason,
)

if TYPE_CHECKING:
    from caselint.rulepack.pack import RulePack

__all__ = [
    "ANNOTATED_SUFFIX",
    "BUNDLE_MANIFEST",
    "Skipped",
    "case_for_file",
    "cases_in_folder",
    "discover",
    "expand",
    "is_sidecar",
    "iter_files",
    "skip_reason",
]


# -- cases -----------------------------------------------------------------------------------

_VERSION = re.compile(
    r"(?:[\s_\-—.（(]*(?:[vV]\d+(?:\.\d+)?|第?[一二三四五六七八九十\d]+稿|修订稿|修改稿|修订版|终稿|定稿"
    r"|初稿|最终版|终版|最新版|副本|copy|\d{8}|\d{4}[.\-]\d{1,2}[.\-]\d{1,2})[)）]?)+$"
)
_SEPARATORS = " _-—–·.、，,()（）[]【】:：;；"


def case_key(stem: str, pack: RulePack) -> str:
    """A file name without its part name and draft-version marks: files of one case share it."""
    key = stem
    for part in pack.parts.values():
        for alias in sorted(part.names, key=len, reverse=True):
            key = key.replace(alias, " ")
    previous = None
    while previous != key:
        previous = key
        key = _VERSION.sub("", key.strip(_SEPARATORS)).strip(_SEPARATORS)
    return key


def read_sidecar(path: Path) -> tuple[dict[str, Any], str | None]:
    """Metadata from ``case.toml`` / ``case.yaml``; the error text when it cannot be parsed."""
    try:
        if path.suffix == ".toml":
            from caselint.rulepack.files import TOML_HINT, load_toml_file, tomllib

            try:
                data = load_toml_file(path)
            except tomllib.TOMLDecodeError as exc:
                return {}, f"TOML: {exc}（{TOML_HINT}）"
        else:
            import yaml

            from caselint.core.encoding import decode

            text, _ = decode(path.read_bytes(), path)
            data = yaml.safe_load(text) or {}
    except Exception as exc:
        return {}, f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
    if not isinstance(data, dict):
        return {}, "not a table of key = value"
    table = data.get("case", data) if isinstance(data.get("case"), dict) else data
    return {str(k): v for k, v in table.items()}, None


def _sidecar_for(folder: Path, key: str | None) -> Path | None:
    names = [f"{key}{suffix}" for suffix in SIDECAR_SUFFIXES] if key else []
    names += list(SIDECAR_NAMES) if key is None else []
    for name in names:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def _case(case_id: str, files: list[Path], folder: Path, sidecar: Path | None) -> CaseInput:
    case = CaseInput(id=case_id, files=sorted(files), folder=folder, metadata_file=sidecar)
    if sidecar is not None:
        case.metadata, error = read_sidecar(sidecar)
        case.metadata_error = error
    return case


def _group(files: list[Path], pack: RulePack) -> dict[str, list[Path]]:
    groups: dict[str, list[Path]] = {}
    for path in files:
        groups.setdefault(case_key(path.stem, pack), []).append(path)
    return groups


def cases_in_folder(
    root: Path, pack: RulePack, skipped: list[Skipped] | None = None
) -> list[CaseInput]:
    """Every case under ``root``: a folder whose drafts belong together (or that holds a
    ``case.toml``) is one case; otherwise files pair up by name (…综合材料 / …详细材料)."""
    by_folder: dict[Path, list[Path]] = {}
    for path in iter_files(root, skipped):
        by_folder.setdefault(path.parent, []).append(path)
    cases: list[CaseInput] = []
    for folder in sorted(by_folder):
        files = by_folder[folder]
        groups = _group(files, pack)
        relative = folder.relative_to(root).as_posix() if folder != root else ""
        sidecar = _sidecar_for(folder, None)
        if sidecar is not None or len(groups) == 1:
            case_id = relative or root.resolve().name or next(iter(groups)) or files[0].stem
            cases.append(_case(case_id, files, folder, sidecar))
            continue
        for key, members in sorted(groups.items()):
            name = key or members[0].stem
            case_id = f"{relative}/{name}" if relative else name
            cases.append(_case(case_id, members, folder, _sidecar_for(folder, key or None)))
    return cases


def case_for_file(path: Path, pack: RulePack) -> CaseInput:
    """The case of one named file: its other part is looked for beside it by name."""
    from caselint.cases.parts import part_from_name

    files = [path]
    key = case_key(path.stem, pack)
    part = part_from_name(path, pack)
    if part is not None and path.parent.is_dir():
        for sibling in iter_files_shallow(path.parent):
            if sibling == path or case_key(sibling.stem, pack) != key:
                continue
            other = part_from_name(sibling, pack)
            if other is not None and other != part:
                files.append(sibling)
    sidecar = _sidecar_for(path.parent, key or None) or (
        _sidecar_for(path.parent, None)
        if len(_group(list(iter_files_shallow(path.parent)), pack)) == 1
        else None
    )
    return _case(key or path.stem, files, path.parent, sidecar)


def discover(
    paths: list[Path], pack: RulePack, skipped: list[Skipped] | None = None
) -> list[CaseInput]:
    """Cases under the paths a user names, in a stable order."""
    cases: list[CaseInput] = []
    for path in paths:
        if path.is_dir():
            cases.extend(cases_in_folder(path, pack, skipped))
        else:
            cases.append(case_for_file(path, pack))
    return cases

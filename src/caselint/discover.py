"""Find the drafts under the paths a user names, skipping what is not a draft.

Skipped, and reported with ``--verbose``: Office lock files (``~$草稿.docx``), hidden files and
folders, README / 说明 files that document a folder, and caselint's own outputs (annotated copies
``*.审阅.docx``, bundles), so re-running over a shared folder never checks its own results; also
files of other types (a scanned .pdf beside the drafts), so a draft in an unreadable format is
never dropped silently. Metadata files (``case.toml``) are read, not skipped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caselint.case import CaseInput
from caselint.readers.sniff import SUPPORTED_SUFFIXES
from caselint.rulepack import RulePack

#: Names of files that document a folder, not a case (README.md beside the drafts).
_NOT_DRAFTS = frozenset({"README", "LICENSE", "CHANGELOG", "说明", "填写说明"})
#: Markers of files caselint wrote itself.
ANNOTATED_SUFFIX = ".审阅"
BUNDLE_MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str  # "lock-file", "hidden", "readme", "caselint-output", "unsupported"


def skip_reason(path: Path) -> str | None:
    """Why discovery leaves ``path`` out, or None for a draft to read."""
    name = path.name
    if name.startswith("~$") or name.startswith(".~lock."):
        return "lock-file"
    if name.startswith("."):
        return "hidden"
    if path.stem.upper() in _NOT_DRAFTS:
        return "readme"
    if Path(name).stem.endswith(ANNOTATED_SUFFIX) or (path.parent / BUNDLE_MANIFEST).exists():
        return "caselint-output"
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return "unsupported"
    return None


def iter_files(root: Path, skipped: list[Skipped] | None = None) -> Iterator[Path]:
    """Draft files under ``root`` in a stable (sorted) order."""
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        kept = []
        for d in sorted(dirs):
            if d.startswith("."):
                if skipped is not None:
                    skipped.append(Skipped(here / d, "hidden"))
            elif (here / d / BUNDLE_MANIFEST).exists():
                if skipped is not None:
                    skipped.append(Skipped(here / d, "caselint-output"))
            else:
                kept.append(d)
        dirs[:] = kept
        for name in sorted(files):
            path = here / name
            reason = skip_reason(path)
            if reason is None:
                yield path
            elif skipped is not None and not (reason == "unsupported" and _is_sidecar(name)):
                skipped.append(Skipped(path, reason))


def expand(paths: list[Path], skipped: list[Skipped] | None = None) -> list[Path]:
    """Files named directly are kept as given; folders are searched."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(iter_files(path, skipped))
        else:
            found.append(path)
    return found


# -- cases -----------------------------------------------------------------------------------

SIDECAR_NAMES = ("case.toml", "case.yaml", "case.yml")
SIDECAR_SUFFIXES = (".case.toml", ".case.yaml", ".case.yml")
_VERSION = re.compile(
    r"(?:[\s_\-—.（(]*(?:[vV]\d+(?:\.\d+)?|第?[一二三四五六七八九十\d]+稿|修订稿|修改稿|修订版|终稿|定稿"
    r"|初稿|最终版|终版|最新版|副本|copy|\d{8}|\d{4}[.\-]\d{1,2}[.\-]\d{1,2})[)）]?)+$"
)
_SEPARATORS = " _-—–·.、，,()（）[]【】"


def _is_sidecar(name: str) -> bool:
    """case.toml / 某台.case.yaml: read as a case's metadata, never skipped as a draft."""
    return name in SIDECAR_NAMES or name.endswith(SIDECAR_SUFFIXES)


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
            from caselint.rulepack import tomllib

            with path.open("rb") as handle:
                data = tomllib.load(handle)
        else:
            import yaml

            from caselint.readers.encoding import decode

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
            case_id = relative or root.name or next(iter(groups)) or files[0].stem
            cases.append(_case(case_id, files, folder, sidecar))
            continue
        for key, members in sorted(groups.items()):
            name = key or members[0].stem
            case_id = f"{relative}/{name}" if relative else name
            cases.append(_case(case_id, members, folder, _sidecar_for(folder, key or None)))
    return cases


def case_for_file(path: Path, pack: RulePack) -> CaseInput:
    """The case of one named file: its other part is looked for beside it by name."""
    from caselint.parts import part_from_name

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


def iter_files_shallow(folder: Path) -> list[Path]:
    """Drafts directly inside ``folder`` (no sub-folders), skipping locks and outputs."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [p for p in entries if p.is_file() and skip_reason(p) is None]


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

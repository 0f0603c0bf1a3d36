"""Find the cases under the paths a user names (drafts are found by :mod:`caselint.cases.walk`).

A folder whose drafts belong together (or that holds a ``case.toml``) is one case, and so is a
folder holding exactly one summary and one detailed document whatever their names (by name:
…综合材料, …-综合, summary; or by ``part:`` in front matter or custom properties); otherwise
files pair up by name (…综合材料 / …详细材料), draft-version marks (v2, 修订稿) ignored so that
two versions of one part end up in one case and are reported, never silently picked.

Files at the root of a province folder (a folder whose sub-folders hold cases) that are not
case documents are recognised: a recommendation table (推荐汇总表 …, the pack's
``intake.shortlist_names``) becomes the shortlist, a list of selected cases (入选名单 …) the
selected list (:class:`FoundLists`); anything else is skipped with its reason
(``not-a-case``), never checked as a case.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
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
    "FoundLists",
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
#: A bracketed ordinal ending a name (大河之声（一）, 大河之声（二）): the files of one case numbered.
_ORDINAL = re.compile(r"\s*[（(][一二三四五六七八九十\d]{1,2}[)）]$")
_SEPARATORS = " _-—–·.、，,()（）[]【】:：;；"


def case_key(stem: str, pack: RulePack) -> str:
    """A file name without its part name and draft-version marks: files of one case share it."""
    key = stem
    for part in pack.parts.values():
        for alias in sorted(part.names, key=len, reverse=True):
            key = key.replace(alias, " ")
    from caselint.cases.parts import part_from_name

    if key == stem and part_from_name(stem, pack) is not None:
        # a short part name (…-综合, summary): dropped as a word or an ending
        for part in pack.parts.values():
            for alias in sorted(part.file_aliases, key=len, reverse=True):
                key = re.sub(
                    rf"(?:(?<=[{re.escape(_SEPARATORS)}])|^){re.escape(alias)}"
                    rf"(?=[{re.escape(_SEPARATORS)}]|$)|{re.escape(alias)}$",
                    " ",
                    key,
                    flags=re.IGNORECASE,
                )
    previous = None
    while previous != key:
        previous = key
        key = _ORDINAL.sub("", _VERSION.sub("", _trim(key)))
        key = _trim(key)
    return key


def _trim(key: str) -> str:
    """Separators off both ends, but not a closing bracket whose opening one stays (大河之声（上）
    keeps its bracket, never 「大河之声（上」)."""
    trimmed = key.strip(_SEPARATORS)
    for opening, closing in (("（", "）"), ("(", ")"), ("【", "】"), ("[", "]")):
        if trimmed.count(opening) > trimmed.count(closing) and key.rstrip().endswith(closing):
            trimmed += closing
    return trimmed


#: A metadata file is a dozen lines; anything near this size is not one.
MAX_SIDECAR_BYTES = 1024 * 1024


def read_sidecar(path: Path) -> tuple[dict[str, Any], str | None]:
    """Metadata from ``case.toml`` / ``case.yaml``; the error text when it cannot be parsed."""
    table, error, _ = load_sidecar(path)
    return table, error


def load_sidecar(
    path: Path, root: Path | None = None
) -> tuple[dict[str, Any], str | None, str | None]:
    """Metadata from ``case.toml`` / ``case.yaml``: (table, error text, SHA-256 of the bytes).

    The file is read once, as a regular file inside ``root`` with a size cap; the digest is of
    the bytes parsed, so a cache key never describes other bytes than those checked.
    """
    from caselint.core.read_error import ReadError
    from caselint.core.readfile import read_regular

    digest = None
    try:
        raw = read_regular(path, MAX_SIDECAR_BYTES, root=root)
        digest = hashlib.sha256(raw).hexdigest()
        from caselint.core.encoding import decode

        text, _ = decode(raw, path)
        if path.suffix == ".toml":
            from caselint.rulepack.files import TOML_HINT, tomllib

            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                return {}, f"TOML: {exc}（{TOML_HINT}）", digest
        else:
            from caselint.core.safeyaml import load_yaml

            data = load_yaml(text) or {}
    except ReadError as exc:
        return {}, exc.message("en"), digest
    except Exception as exc:
        return {}, f"{type(exc).__name__}: {exc}".splitlines()[0][:200], digest
    if not isinstance(data, dict):
        return {}, "not a table of key = value", digest
    table = data.get("case", data) if isinstance(data.get("case"), dict) else data
    return {str(k): v for k, v in table.items()}, None, digest


def _sidecar_for(folder: Path, key: str | None) -> Path | None:
    names = [f"{key}{suffix}" for suffix in SIDECAR_SUFFIXES] if key else []
    names += list(SIDECAR_NAMES) if key is None else []
    for name in names:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def _case(
    case_id: str, files: list[Path], folder: Path, sidecar: Path | None, root: Path | None = None
) -> CaseInput:
    case = CaseInput(
        id=case_id, files=sorted(files), folder=folder, metadata_file=sidecar, root=root
    )
    if sidecar is not None:
        case.metadata, case.metadata_error, case.metadata_sha256 = load_sidecar(sidecar, folder)
    return case


def _group(files: list[Path], pack: RulePack) -> dict[str, list[Path]]:
    groups: dict[str, list[Path]] = {}
    for path in files:
        groups.setdefault(case_key(path.stem, pack), []).append(path)
    return groups


@dataclass
class FoundLists:
    """Lists found at the root of a province folder (see the module docstring)."""

    shortlists: list[Path] = field(default_factory=list)
    selected: list[Path] = field(default_factory=list)


#: Files a province folder's root may hold as lists (tables and text).
LIST_SUFFIXES = (".md", ".txt", ".csv", ".tsv", ".xlsx", ".docx")


def _list_kind(path: Path, pack: RulePack) -> str | None:
    if path.suffix.lower() not in LIST_SUFFIXES:
        return None
    stem = path.stem.casefold()
    if any(n.casefold() in stem for n in pack.intake.selected_names):
        return "selected"
    if any(n.casefold() in stem for n in pack.intake.shortlist_names):
        return "shortlist"
    return None


def _root_files(
    root: Path,
    files: list[Path],
    pack: RulePack,
    skipped: list[Skipped] | None,
    found: FoundLists | None,
) -> list[Path]:
    """The case documents among the files at a province folder's root; lists and other files
    are set aside (lists into ``found``, the rest skipped as ``not-a-case``); a document that
    reads as a case draft by its content is kept."""
    from caselint.cases.parts import part_from_name
    from caselint.cases.peek import looks_like_case

    keep = []
    for path in files:
        kind = _list_kind(path, pack)
        if kind is not None:
            if found is not None:
                (found.selected if kind == "selected" else found.shortlists).append(path)
            if skipped is not None:
                skipped.append(Skipped(path, f"{kind}-list"))
        elif part_from_name(path, pack) is not None or _sidecar_for(
            root, case_key(path.stem, pack)
        ):
            keep.append(path)
        elif looks_like_case(path, pack, root):
            keep.append(path)  # 补报-掌上白水客户端.docx, opening with 申报类别：…
        elif skipped is not None:
            skipped.append(Skipped(path, "not-a-case"))
    return keep


def _lists_at_root(
    root: Path, pack: RulePack, found: FoundLists | None, skipped: list[Skipped] | None
) -> None:
    """Lists at the root in formats the draft walk leaves out (.xlsx, .csv): used as lists,
    and ``--verbose`` says so (not "not a draft format")."""
    if found is None:
        return
    try:
        entries = sorted(p for p in root.iterdir() if p.is_file())
    except OSError:
        return
    for path in entries:
        if path.suffix.lower() in (".xlsx", ".csv", ".tsv") and not path.name.startswith(
            (".", "~$")
        ):
            kind = _list_kind(path, pack)
            if kind == "selected" and path not in found.selected:
                found.selected.append(path)
            elif kind == "shortlist" and path not in found.shortlists:
                found.shortlists.append(path)
            if kind is not None and skipped is not None:
                skipped[:] = [s for s in skipped if s.path != path]
                skipped.append(Skipped(path, f"{kind}-list"))


def _one_summary_one_detailed(files: list[Path], pack: RulePack, root: Path) -> bool:
    """Exactly one summary and one detailed document, by name, declared ``part`` or, when
    neither says, the part the document's own first lines name (附件1.docx opening 综合材料)."""
    from caselint.cases.parts import peek_part
    from caselint.cases.peek import part_by_content

    if len(files) != 2:
        return False
    parts = [peek_part(path, pack) or part_by_content(path, pack, root) for path in files]
    return set(parts) == {"summary", "detailed"}


def _forms(files: list[Path], pack: RulePack, root: Path, *, read: bool) -> list[Path]:
    """The 申请表 among a folder's files: by name, and with ``read`` by content too."""
    from caselint.cases.parts import part_from_name
    from caselint.cases.peek import is_form

    found = []
    for path in files:
        if part_from_name(path, pack) is not None:
            continue  # 申请表-综合材料.docx is a part
        if any(n in path.stem for n in pack.intake.form_names) or (
            read and is_form(path, pack, root)
        ):
            found.append(path)
    return found


def cases_in_folder(
    root: Path,
    pack: RulePack,
    skipped: list[Skipped] | None = None,
    found: FoundLists | None = None,
) -> list[CaseInput]:
    """Every case under ``root`` (see the module docstring)."""
    by_folder: dict[Path, list[Path]] = {}
    for path in iter_files(root, skipped):
        by_folder.setdefault(path.parent, []).append(path)
    if any(folder != root for folder in by_folder):
        if root in by_folder:
            by_folder[root] = _root_files(root, by_folder[root], pack, skipped, found)
            if not by_folder[root]:
                del by_folder[root]
        _lists_at_root(root, pack, found, skipped)
    cases: list[CaseInput] = []
    for folder in sorted(by_folder):
        files = by_folder[folder]
        sidecar = _sidecar_for(folder, None)
        forms = _forms(files, pack, root, read=False)
        files = [f for f in files if f not in forms]
        groups = _group(files, pack)
        # drafts left at a province folder's root are cases of their own, by name
        loose = folder == root and len(by_folder) > 1
        one = not loose and (sidecar is not None or len(groups) == 1)
        if loose:
            pass
        elif not one and not _one_summary_one_detailed(files, pack, root):
            # the names do not settle it: a form among the unnamed files is read as one
            more = _forms(files, pack, root, read=True)
            forms += more
            files = [f for f in files if f not in more]
            groups = _group(files, pack)
            one = len(groups) == 1 or _one_summary_one_detailed(files, pack, root)
        else:
            one = True
        relative = folder.relative_to(root).as_posix() if folder != root else ""
        if not files:
            _skip_all(forms, "application-form-unused", skipped)
            continue
        if one:
            case_id = relative or root.resolve().name or next(iter(groups)) or files[0].stem
            case = _case(case_id, files, folder, sidecar, root)
            if len(forms) == 1:
                case.form = forms[0]
                _skip_all(forms, "application-form", skipped)
            else:
                _skip_all(forms, "application-form-unused", skipped)
            cases.append(case)
            continue
        _skip_all(forms, "application-form-unused", skipped)
        for key, members in sorted(groups.items()):
            name = key or members[0].stem
            case_id = f"{relative}/{name}" if relative else name
            cases.append(_case(case_id, members, folder, _sidecar_for(folder, key or None), root))
    return cases


def _skip_all(paths: list[Path], reason: str, skipped: list[Skipped] | None) -> None:
    if skipped is not None:
        skipped.extend(Skipped(path, reason) for path in paths)


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
    paths: list[Path],
    pack: RulePack,
    skipped: list[Skipped] | None = None,
    found: FoundLists | None = None,
) -> list[CaseInput]:
    """Cases under the paths a user names, in a stable order."""
    cases: list[CaseInput] = []
    for path in paths:
        if path.is_dir():
            cases.extend(cases_in_folder(path, pack, skipped, found))
        else:
            cases.append(case_for_file(path, pack))
    return cases

"""Walk folders for drafts, skipping what is not a draft (shared by count and case discovery).

Skipped, and reported with ``--verbose``: Office lock files (``~$草稿.docx``), hidden files and
folders, README / 说明 files that document a folder, and caselint's own outputs (annotated copies
``*.审阅.docx``, bundles, a bundle's check report ``NAME.检查报告.md`` beside it), so re-running
over a shared folder never checks its own results; also
files of other types (a scanned .pdf beside the drafts), so a draft in an unreadable format is
never dropped silently. Metadata files (``case.toml``) are read, not skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from caselint.readers.sniff import SUPPORTED_SUFFIXES

SIDECAR_NAMES = ("case.toml", "case.yaml", "case.yml")
SIDECAR_SUFFIXES = (".case.toml", ".case.yaml", ".case.yml")
#: Names of files that document a folder, not a case (README.md beside the drafts).
_NOT_DRAFTS = frozenset({"README", "LICENSE", "CHANGELOG", "说明", "填写说明"})
#: Markers of files caselint wrote itself.
ANNOTATED_SUFFIX = ".审阅"
BUNDLE_MANIFEST = "manifest.json"
REPORT_SUFFIX = ".检查报告"


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
    if path.suffix.lower() == ".md" and _bundle_report(path):
        return "caselint-output"
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return "unsupported"
    return None


def _bundle_report(path: Path) -> bool:
    """A check report ``pack`` wrote: ``NAME.检查报告.md``, or any ``NAME.<report>.md`` beside a
    bundle folder ``NAME`` (a pack may name its report otherwise)."""
    stem = path.name[: -len(".md")]
    if stem.endswith(REPORT_SUFFIX):
        return True
    bundle = stem.rpartition(".")[0]
    return bool(bundle) and (path.parent / bundle / BUNDLE_MANIFEST).exists()


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
            elif skipped is not None and not (reason == "unsupported" and is_sidecar(name)):
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


def is_sidecar(name: str) -> bool:
    """case.toml / 某台.case.yaml: read as a case's metadata, never skipped as a draft."""
    return name in SIDECAR_NAMES or name.endswith(SIDECAR_SUFFIXES)


def iter_files_shallow(folder: Path) -> list[Path]:
    """Drafts directly inside ``folder`` (no sub-folders), skipping locks and outputs."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [p for p in entries if p.is_file() and skip_reason(p) is None]

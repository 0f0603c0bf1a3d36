"""Is this output something caselint wrote? ``pack --overwrite`` replaces nothing else.

``--overwrite`` says "replace my earlier bundles", not "replace whatever has that name": a case
folder named like its bundle, a colleague's folder or a zip of drafts must survive it. A bundle
folder is recognised by its caselint ``manifest.json``, a bundle zip by the same manifest inside
under the bundle's name, a check report beside it by its first line naming the bundle, the index
workbook by its three sheets. Symlinks are never replaced.
"""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

from caselint.core.read_error import ReadError
from caselint.core.readfile import read_regular
from caselint.core.safezip import InflateLimit, read_member
from caselint.pack.manifest import MANIFEST_NAME

#: A manifest is kilobytes; a file this large is not one.
_MAX_MANIFEST_BYTES = 16 * 1024 * 1024
#: How a check report's first line starts (:data:`caselint.pack.report_md.MARKER`).
REPORT_MARKER_START = "<!-- caselint bundle report: "
#: The sheets of 推荐汇总.xlsx, in either language (see :mod:`caselint.pack.index_xlsx`).
INDEX_SHEETS = (("推荐汇总", "未打包", "名额核查"), ("bundles", "not packed", "quotas"))


def _is_manifest(data: bytes) -> bool:
    try:
        value = json.loads(data)
    except ValueError:
        return False
    tool = value.get("tool") if isinstance(value, dict) else None
    return isinstance(tool, dict) and tool.get("name") == "caselint" and "bundle" in value


def _mode(path: Path) -> int:
    """The file type of ``path`` itself (a symlink is a symlink), 0 when it cannot be seen."""
    try:
        return os.lstat(path).st_mode
    except OSError:
        return 0


def _zip_member(path: Path, member: str) -> bytes | None:
    """The first megabytes of ``member`` of the zip ``path`` (a regular file), or None."""
    if not stat.S_ISREG(_mode(path)):
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            return read_member(archive, member, _MAX_MANIFEST_BYTES)
    except (KeyError, OSError, zipfile.BadZipFile, ValueError, EOFError, InflateLimit):
        return None


def is_bundle_folder(path: Path) -> bool:
    """A real folder (not a symlink) holding a caselint manifest.json."""
    if not stat.S_ISDIR(_mode(path)):
        return False
    try:
        return _is_manifest(read_regular(path / MANIFEST_NAME, _MAX_MANIFEST_BYTES, root=path))
    except ReadError:
        return False


def is_bundle_zip(path: Path, name: str) -> bool:
    """A regular file that is a zip holding ``name/manifest.json`` written by caselint."""
    data = _zip_member(path, f"{name}/{MANIFEST_NAME}")
    return data is not None and _is_manifest(data)


def is_index_workbook(path: Path) -> bool:
    """A regular .xlsx file whose sheets are those of caselint's index workbook."""
    data = _zip_member(path, "xl/workbook.xml")
    if data is None:
        return False
    text = data.decode("utf-8", "replace")
    return any(all(f'name="{sheet}"' in text for sheet in sheets) for sheets in INDEX_SHEETS)


def is_bundle_report(path: Path) -> bool:
    """A regular file whose first line is the marker of a check report caselint wrote."""
    if not stat.S_ISREG(_mode(path)):
        return False
    try:
        head = read_regular(path, _MAX_MANIFEST_BYTES)[:4096]
    except ReadError:
        return False
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace")
    return first.startswith(REPORT_MARKER_START) and first.endswith(" -->")


def kind_of(name: str) -> str:
    """What caselint writes under ``name`` in OUTDIR: ``zip``, ``index`` (.xlsx), ``report``
    (.md) or ``folder``."""
    if name.endswith(".zip"):
        return "zip"
    if name.endswith(".xlsx"):
        return "index"
    if name.endswith(".md"):
        return "report"
    return "folder"


def written_by_caselint(path: Path) -> bool:
    """Whether the existing ``path`` in OUTDIR is an output caselint wrote under its name (and
    so may replace): a bundle folder, a bundle zip, or the index workbook."""
    if stat.S_ISDIR(_mode(path)):
        return is_bundle_folder(path)  # a bundle named like a file (X.md) is still a folder
    kind = kind_of(path.name)
    if kind == "zip":
        return is_bundle_zip(path, path.name[: -len(".zip")])
    if kind == "index":
        return is_index_workbook(path)
    if kind == "report":
        return is_bundle_report(path)
    return is_bundle_folder(path)

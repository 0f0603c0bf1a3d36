"""Case folders for the pack tests, built from the compliant drafts in ``tests/fixtures/cases``.

* :func:`markdown_case`: one Markdown file holding both parts, metadata in its front matter;
* :func:`docx_case`: 综合材料.docx and 详细材料.docx (one part each, rendered with
  ``support.cases.build_docx_case``), metadata in a ``case.toml`` beside them;
* :func:`single_docx_case`: one .docx holding both parts (the bundle must split it).

Also the small tools the tests share: running the CLI, hashing files and folders, reading a
bundle zip, and counting a part the way caselint does.
"""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from caselint.cases.case import CaseInput
from caselint.cases.discover import discover
from caselint.cases.parts import split_document
from caselint.cli.app import app
from caselint.core.model import Counts, PartName
from caselint.readers import read_document
from caselint.rulepack.pack import RulePack, load_pack
from caselint.text.count import count_blocks
from support.cases import body, build_docx_case, compliant, front_matter, with_front_matter

PACK = load_pack()
PART_MARKERS = {"summary": "# 综合材料", "detailed": "# 详细材料"}


def draft(category: str = "platform", **changes: Any) -> str:
    """A compliant draft with front-matter keys changed (None removes a key)."""
    return with_front_matter(compliant(category), **changes) if changes else compliant(category)


def markdown_case(folder: Path, category: str = "platform", **changes: Any) -> Path:
    """``folder/案例.md`` holding both parts; returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "案例.md"
    path.write_text(draft(category, **changes), encoding="utf-8")
    return path


def _part_markdown(md_text: str, part: PartName) -> str:
    """The body of one part, under its marker heading (the case title line dropped)."""
    text = body(md_text)
    start = text.index(PART_MARKERS["summary"])
    middle = text.index(PART_MARKERS["detailed"])
    return text[start:middle] if part == "summary" else text[middle:]


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def write_case_toml(folder: Path, metadata: dict[str, Any]) -> Path:
    lines = [f'"{key}" = {_toml_value(value)}' for key, value in metadata.items()]
    path = folder / "case.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def docx_case(folder: Path, category: str = "service", **changes: Any) -> Path:
    """``folder`` with 综合材料.docx, 详细材料.docx and case.toml; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    text = draft(category, **changes)
    for part, name in (("summary", "综合材料.docx"), ("detailed", "详细材料.docx")):
        build_docx_case(_part_markdown(text, part), folder / name)
    write_case_toml(folder, front_matter(text))
    return folder


def single_docx_case(folder: Path, category: str = "production", **changes: Any) -> Path:
    """``folder/案例.docx`` holding the title, both parts and custom-property metadata."""
    folder.mkdir(parents=True, exist_ok=True)
    return build_docx_case(draft(category, **changes), folder / "案例.docx")


def case_input(path: Path, pack: RulePack = PACK) -> CaseInput:
    (found,) = discover([path], pack)
    return found


# -- tools -------------------------------------------------------------------------------------


def cli(*args: str | Path) -> Any:
    """Run ``caselint`` in-process; the result has ``exit_code``, ``stdout``, ``stderr``."""
    return CliRunner().invoke(app, [str(a) for a in args])


def pack_in_subprocess(case: Path, outdir: Path, tz: str, epoch: str | None = None) -> None:
    """``caselint pack CASE -o OUTDIR`` in a fresh interpreter with ``TZ`` (and
    ``SOURCE_DATE_EPOCH`` when given) set; fails the test unless it packs."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["TZ"] = tz
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    done = subprocess.run(
        [sys.executable, "-m", "caselint", "pack", str(case), "-o", str(outdir)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree_hashes(root: Path) -> dict[str, str]:
    """Every file under ``root`` (relative path → SHA-256): proof that nothing changed."""
    return {
        p.relative_to(root).as_posix(): sha256(p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def only_bundle(outdir: Path) -> tuple[Path, Path]:
    """The one bundle folder and its zip in ``outdir``."""
    (folder,) = [p for p in outdir.iterdir() if p.is_dir()]
    archive = outdir / f"{folder.name}.zip"
    assert archive.is_file()
    return folder, archive


def bundle_report(outdir: Path) -> Path:
    """The check report beside the one bundle of ``outdir`` (``NAME.检查报告.md``)."""
    folder, _ = only_bundle(outdir)
    report = outdir / f"{folder.name}.检查报告.md"
    assert report.is_file()
    return report


def zip_entries(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def part_counts(path: Path, part: PartName, pack: RulePack = PACK) -> Counts:
    """The counts of ``part`` in a draft or bundle file, read as caselint reads drafts."""
    split = split_document(read_document(path), pack)
    return count_blocks(split.parts[part])

"""Attack 8 (and verify's items of 10): what ``verify`` must not accept or trip over.

A bundle zip with a tampered 详细材料.docx first and the original last verified as 一致 (only the
last entry of a name was hashed, while other readers take the first); one corrupt zip among
several arguments aborted them all; a FIFO was 内部错误. Now duplicate entries, entries that are
not regular files and links are mismatches, each bundle is judged on its own, and anything that
is not a folder or regular file is refused by name.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from hostile import case_folder, caselint, isolated, no_internal_error, snapshot


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("verify")
    case = case_folder(root / "案例")
    assert caselint("pack", case, "-o", root / "out").code == 0
    (folder,) = [p for p in (root / "out").iterdir() if p.is_dir()]
    return folder, root / "out" / f"{folder.name}.zip"


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_a_duplicate_entry_is_a_mismatch(packed: tuple[Path, Path], tmp_path: Path) -> None:
    folder, archive = packed
    name = folder.name
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(tampered, "w") as target:
        target.writestr(f"{name}/详细材料.docx", b"PK tampered copy read by other tools")
        for info in source.infolist():
            target.writestr(info, source.read(info))
    assert [i.filename for i in zipfile.ZipFile(tampered).infolist()].count(
        f"{name}/详细材料.docx"
    ) == 2
    before = snapshot(tmp_path)

    run = caselint("verify", tampered, "--format", "json")

    assert run.code == 1, run.output
    report = json.loads(run.stdout)
    assert report["ok"] is False
    statuses = {(f["path"], f["status"]) for f in report["files"]}
    assert ("详细材料.docx", "duplicate") in statuses
    assert any("出现了不止一次" in f["message"] for f in report["findings"])
    assert snapshot(tmp_path) == before


def test_one_bad_zip_does_not_hide_the_others(packed: tuple[Path, Path], tmp_path: Path) -> None:
    folder, archive = packed
    bad = tmp_path / "坏.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")

    run = caselint("verify", bad, archive, folder)

    assert run.code == 2, run.output  # one could not be read at all
    assert "压缩包无法读取" in run.stderr and str(bad) in run.stderr
    assert run.stdout.count("结论：上传包与 manifest.json 一致") == 2
    no_internal_error(run)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_verify_on_a_fifo_names_it(tmp_path: Path) -> None:
    fifo = tmp_path / "上传包.zip"
    os.mkfifo(fifo)

    run = isolated("verify", fifo)

    assert run.code == 2, run.output
    assert "不是普通文件" in run.stderr or "不是文件夹也不是普通文件" in run.stderr
    assert str(fifo) in run.stderr
    no_internal_error(run)
    assert run.seconds < 60


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_a_link_inside_a_bundle_folder_is_not_followed(
    packed: tuple[Path, Path], tmp_path: Path
) -> None:
    import shutil

    folder, _ = packed
    copy = Path(shutil.copytree(folder, tmp_path / folder.name))
    secret = tmp_path / "secret.txt"
    secret.write_text("not part of any bundle", encoding="utf-8")
    (copy / "附件.txt").symlink_to(secret)

    run = caselint("verify", copy, "--format", "json")

    assert run.code == 1, run.output
    report = json.loads(run.stdout)
    assert ("附件.txt", "irregular") in {(f["path"], f["status"]) for f in report["files"]}
    assert "not part of any bundle" not in run.stdout

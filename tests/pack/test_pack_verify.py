"""``caselint verify``: a clean bundle verifies; a changed, missing or added file is a mismatch."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from pack_cases import cli, markdown_case, only_bundle, single_docx_case

from caselint.pack.manifest import Manifest
from caselint.pack.verify import verify_bundle


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("verify")
    result = cli("pack", markdown_case(root / "case"), "-o", root / "out")
    assert result.exit_code == 0, result.output
    return only_bundle(root / "out")


@pytest.fixture
def bundle(packed: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the packed folder and zip, free to tamper with."""
    folder, archive = packed
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy)
    return copy, Path(shutil.copy2(archive, tmp_path / archive.name))


def test_clean_bundle_verifies_as_folder_and_zip(bundle: tuple[Path, Path]) -> None:
    folder, archive = bundle
    for target in (folder, archive):
        result = cli("verify", target)
        assert result.exit_code == 0, result.output
        assert "一致" in result.stdout
    report = verify_bundle(archive)
    assert report.ok and {f.status for f in report.files} == {"ok"}
    assert [p.status for p in report.parts] == ["ok", "ok"]


def test_modified_file_is_a_bundle_mismatch(bundle: tuple[Path, Path]) -> None:
    folder, _ = bundle
    target = folder / "综合材料.docx"
    target.write_bytes(target.read_bytes() + b"\0")

    result = cli("verify", folder)

    assert result.exit_code == 1
    assert "B001 bundle-mismatch" in result.stdout
    assert "综合材料.docx 与清单不一致" in result.stdout


def test_a_replaced_part_is_caught_by_hash_and_by_count(
    bundle: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, _ = bundle
    other = tmp_path / "other"
    cli("pack", single_docx_case(tmp_path / "c2", "production"), "-o", other)
    other_folder, _ = only_bundle(other)
    shutil.copy2(other_folder / "详细材料.docx", folder / "详细材料.docx")

    report = verify_bundle(folder, "en")

    assert not report.ok
    statuses = {f.path: f.status for f in report.files}
    assert statuses["详细材料.docx"] == "changed"
    detailed = next(p for p in report.parts if p.part == "detailed")
    assert detailed.status == "differs"
    messages = " ".join(f.message for f in report.findings)
    assert "counts of 详细材料.docx differ" in messages and "words" in messages


def test_missing_and_extra_files_in_a_zip(bundle: tuple[Path, Path], tmp_path: Path) -> None:
    _, archive = bundle
    name = archive.stem
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            if info.filename != f"{name}/申请表.docx":
                target.writestr(info, source.read(info))
        target.writestr(f"{name}/说明.txt", "加了一个文件")
        target.writestr("../evil.txt", "never extracted")

    result = cli("verify", tampered, "--format", "json")

    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    statuses = {f["path"]: f["status"] for f in data["files"]}
    assert statuses["申请表.docx"] == "missing"
    assert statuses["说明.txt"] == "extra"
    assert statuses["../evil.txt"] == "extra"
    assert {f["code"] for f in data["findings"]} == {"B001"}
    assert not (tmp_path.parent / "evil.txt").exists()


def test_counts_in_the_manifest_are_checked(bundle: tuple[Path, Path]) -> None:
    folder, _ = bundle
    path = folder / "manifest.json"
    manifest = Manifest.loads(path.read_bytes())
    manifest.parts["summary"].counts.words += 1
    path.write_bytes(manifest.dumps())

    report = verify_bundle(folder)

    assert not report.ok
    assert [p.status for p in report.parts] == ["differs", "ok"]
    assert "字数与清单不一致" in report.findings[0].message


def test_not_a_bundle_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    result = cli("verify", tmp_path)
    assert result.exit_code == 2
    assert "manifest.json" in result.stderr
    (tmp_path / "bad.zip").write_bytes(b"not a zip")
    assert cli("verify", tmp_path / "bad.zip").exit_code == 2


def test_os_litter_is_not_a_mismatch(bundle: tuple[Path, Path]) -> None:
    folder, _ = bundle
    (folder / "Thumbs.db").write_bytes(b"\0")
    (folder / ".DS_Store").write_bytes(b"\0")
    assert cli("verify", folder).exit_code == 0

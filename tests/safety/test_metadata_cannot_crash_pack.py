"""Attack 6: metadata that crashed ``pack`` with 内部错误 (and made ``--batch`` pack nothing).

A 案例名称 of 253+ characters (the 申请表's title passes Word's 255-character property limit), C0
control characters or U+FFFE in any field written to XML, and a case named ``X.zip`` beside a
case named ``X`` in one batch. Now the values written into documents are cleaned and cut, each
change an info finding (``metadata-adjusted``, B002) in the manifest, and bundle names are unique
whatever their suffixes.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hostile import case_folder, caselint, no_internal_error, snapshot

from caselint.readers import read_document


def _toml_escaped(value: str) -> str:
    """``value`` as a TOML basic string's content: control and non-characters as \\uXXXX."""
    return "".join(
        f"\\u{ord(c):04x}" if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or ord(c) >= 0xFFFE else c
        for c in value
    )


@pytest.mark.parametrize(
    ("field", "value", "expect"),
    [
        ("案例名称", "长" * 260, "超过 Word 的 255 个字符上限"),
        ("申报单位", "青禾市\x01广播\x1b[31m电视台\x7f", "3 个控制字符"),
        ("案例名称", "青禾\ufffe视听\uffff客户端", "2 个控制字符"),
        ("联系人", "周\x00晓岚", "1 个控制字符"),
    ],
)
def test_hostile_metadata_is_cleaned_and_reported(
    tmp_path: Path, field: str, value: str, expect: str
) -> None:
    case = case_folder(tmp_path / "案例")
    (case / "case.toml").write_text(f'"{field}" = "{_toml_escaped(value)}"\n', encoding="utf-8")
    before = snapshot(case)
    outdir = tmp_path / "上传"

    run = caselint("pack", case, "-o", outdir)

    assert run.code == 0, run.output
    no_internal_error(run)
    assert run.seconds < 60
    (folder,) = [p for p in outdir.iterdir() if p.is_dir()]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    adjusted = [f for f in manifest["findings"]["items"] if f["rule"] == "metadata-adjusted"]
    assert adjusted and all(f["code"] == "B002" and f["severity"] == "info" for f in adjusted)
    assert any(expect in f["message"] for f in adjusted), adjusted
    form = read_document(folder / "申请表.docx")  # the form opens: it is valid WordprocessingML
    assert form.blocks
    with zipfile.ZipFile(folder / "申请表.docx") as archive:
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "\x01" not in core and "\ufffe" not in core
    report = outdir / f"{folder.name}.检查报告.md"  # beside the zip, not in the bundle
    assert "\x1b" not in report.read_text(encoding="utf-8")
    assert caselint("verify", folder).code == 0
    assert snapshot(case) == before


def test_x_and_x_zip_in_one_batch_get_distinct_bundles(tmp_path: Path) -> None:
    inbox = tmp_path / "收件"
    case_folder(inbox / "1", 案例名称="X")
    case_folder(inbox / "2", "service", 案例名称="X.zip")
    before = snapshot(inbox)
    outdir = tmp_path / "上传"

    run = caselint("pack", inbox, "--batch", "-o", outdir, "--name-pattern", "{case_name}")

    assert run.code == 0, run.output
    no_internal_error(run)
    assert sorted(p.name for p in outdir.iterdir()) == sorted(
        [
            "X",
            "X.检查报告.md",
            "X.zip",
            "X.zip-2",
            "X.zip-2.检查报告.md",
            "X.zip-2.zip",
            "推荐汇总.xlsx",
        ]
    )
    assert (outdir / "X" / "manifest.json").is_file()
    assert zipfile.is_zipfile(outdir / "X.zip")
    assert (outdir / "X.zip-2" / "manifest.json").is_file()
    assert snapshot(inbox) == before

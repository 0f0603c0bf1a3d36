"""Attack 1: no output may be, hold or sit inside an input — with or without ``--overwrite``.

The attack run packed a case folder named like its own bundle into its parent folder with
``--overwrite``: exit 0, and the drafts and case.toml were replaced by the bundle. Every command
that writes now refuses such an output with a usage error (exit 2) naming it, before any work,
and ``--overwrite`` only ever replaces what caselint wrote.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import case_folder, caselint, no_internal_error, snapshot

BUNDLE = "东湖省-青禾市广播电视台-青禾视听"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """收件/<bundle name>/案例.md: a case whose folder has the name of its own bundle."""
    case_folder(tmp_path / "收件" / BUNDLE, 案例名称="青禾视听")
    return tmp_path / "收件"


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("zh", "包含输入"),
        ("en", "contains the input"),
    ],
)
def test_pack_into_the_folder_holding_the_case_is_refused(
    inbox: Path, lang: str, message: str
) -> None:
    before = snapshot(inbox)

    run = caselint("pack", inbox / BUNDLE, "-o", inbox, "--overwrite", "--lang", lang)

    assert run.code == 2, run.output
    assert message in run.stderr and str(inbox) in run.stderr
    no_internal_error(run)
    assert run.seconds < 60
    assert snapshot(inbox) == before


def test_pack_batch_into_its_own_folder_is_refused(inbox: Path) -> None:
    before = snapshot(inbox)

    run = caselint("pack", inbox, "--batch", "-o", inbox, "--overwrite")

    assert run.code == 2, run.output
    assert "输出路径就是输入" in run.stderr
    assert snapshot(inbox) == before


def test_pack_into_the_case_folder_itself_is_refused(inbox: Path) -> None:
    before = snapshot(inbox)

    run = caselint("pack", inbox / BUNDLE, "-o", inbox / BUNDLE / "上传包", "--lang", "en")

    assert run.code == 2, run.output
    assert "inside the case folder" in run.stderr
    assert snapshot(inbox) == before


def test_overwrite_never_replaces_a_folder_caselint_did_not_write(
    inbox: Path, tmp_path: Path
) -> None:
    """OUTDIR/<bundle name> exists but is someone's folder (no manifest): kept, exit 2."""
    outdir = tmp_path / "上传"
    theirs = case_folder(outdir / BUNDLE, 案例名称="别人的案例")
    (outdir / f"{BUNDLE}.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    before = snapshot(inbox, outdir)

    run = caselint("pack", inbox / BUNDLE, "-o", outdir, "--overwrite")

    assert run.code == 2, run.output
    assert "不是 caselint 生成的" in run.stderr and str(theirs) in run.stderr
    assert snapshot(inbox, outdir) == before


def test_overwrite_replaces_caselint_bundles(inbox: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "上传"
    assert caselint("pack", inbox / BUNDLE, "-o", outdir).code == 0
    before = snapshot(inbox)

    again = caselint("pack", inbox / BUNDLE, "-o", outdir, "--overwrite")

    assert again.code == 0, again.output
    assert (outdir / BUNDLE / "manifest.json").is_file()
    assert snapshot(inbox) == before


def test_check_report_cannot_replace_a_draft_or_the_shortlist(tmp_path: Path) -> None:
    case = case_folder(tmp_path / "案例")
    shortlist = tmp_path / "名单.csv"
    shortlist.write_text("青禾视听\n", encoding="utf-8")
    before = snapshot(tmp_path)

    draft = caselint("check", case, "--no-cache", "-o", f"txt:{case / '案例.md'}", "--overwrite")
    listed = caselint(
        "check", case, "--no-cache", "--shortlist", shortlist, "--report", "x.csv", "-o",
        f"csv:{shortlist}", "--overwrite",
    )  # fmt: skip

    for run in (draft, listed):
        assert run.code == 2, run.output
        assert "输出路径就是输入" in run.stderr
        no_internal_error(run)
    assert snapshot(tmp_path) == before


def test_annotate_copy_cannot_replace_the_other_part(tmp_path: Path) -> None:
    """annotate reads the draft's other part beside it: that file is an input too."""
    from support.cases import body, build_docx_case, compliant

    folder = tmp_path / "案例"
    folder.mkdir()
    text = body(compliant("service"))
    middle = text.index("# 详细材料")
    summary = build_docx_case(text[:middle], folder / "青禾综合材料.docx")
    detailed = build_docx_case(text[middle:], folder / "青禾详细材料.docx")
    before = snapshot(tmp_path)

    run = caselint("annotate", summary, "-o", detailed, "--overwrite", "--lang", "en")

    assert run.code == 2, run.output
    assert "the output path is an input" in run.stderr
    assert snapshot(tmp_path) == before


def test_new_cannot_replace_its_rule_pack(tmp_path: Path) -> None:
    from caselint.rulepack.files import rules_dir

    overlay = tmp_path / "overlay.md"  # a rule pack path new reads, named like a draft
    overlay.write_text(f'extends = "{rules_dir() / "nrta-2025.toml"}"\n', encoding="utf-8")
    before = snapshot(tmp_path)

    run = caselint("new", "-c", "融合生产传播", "-o", overlay, "--rules", overlay, "--overwrite")

    assert run.code == 2, run.output
    assert f"输出路径就是输入：{overlay}" in run.stderr
    assert snapshot(tmp_path) == before

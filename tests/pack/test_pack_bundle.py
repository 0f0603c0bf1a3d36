"""``caselint pack CASE -o OUTDIR``: the bundle, its zip and manifest, and every refusal."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from pack_cases import (
    PACK,
    bundle_report,
    case_input,
    cli,
    docx_case,
    markdown_case,
    only_bundle,
    pack_in_subprocess,
    part_counts,
    sha256,
    single_docx_case,
    tree_hashes,
    zip_entries,
)

from caselint.engine import Settings
from caselint.pack import bundle as bundle_module
from caselint.pack.bundle import pack_case
from caselint.pack.gate import PackOptions
from caselint.pack.manifest import Manifest
from caselint.pack.names import RESERVED
from caselint.pack.staging import TEMP_PREFIX
from caselint.text.count import COUNT_FIELDS
from support.cases import compliant

BUNDLE_FILES = {"申请表.docx", "综合材料.docx", "详细材料.docx", "manifest.json"}
EPOCH = "1744300800"  # SOURCE_DATE_EPOCH: 2025-04-11 00:00 in Beijing
WINDOWS_FORBIDDEN = set('\\/:*?"<>|')


def _manifest(folder: Path) -> Manifest:
    return Manifest.loads((folder / "manifest.json").read_bytes())


def _assert_bundle(outdir: Path, expected_name: str) -> tuple[Path, Manifest]:
    """The folder and zip hold exactly the bundle files, hashed as the manifest says."""
    folder, archive = only_bundle(outdir)
    assert folder.name == expected_name
    assert {p.name for p in folder.iterdir()} == BUNDLE_FILES
    entries = zip_entries(archive)
    assert set(entries) == {f"{expected_name}/"} | {f"{expected_name}/{n}" for n in BUNDLE_FILES}
    manifest = _manifest(folder)
    assert manifest.bundle == expected_name
    assert {f.path for f in manifest.files} == BUNDLE_FILES - {"manifest.json"}
    for item in manifest.files:
        data = (folder / item.path).read_bytes()
        assert entries[f"{expected_name}/{item.path}"] == data
        assert item.sha256 == sha256(data)
        assert item.size == len(data)
    assert entries[f"{expected_name}/manifest.json"] == (folder / "manifest.json").read_bytes()
    report = bundle_report(outdir)  # beside the zip, never in it
    assert manifest.report == report.name
    assert sorted(p.name for p in outdir.iterdir()) == sorted(
        [expected_name, f"{expected_name}.zip", report.name]
    )
    return folder, manifest


def test_markdown_case_is_packed_converted_and_counted_identically(tmp_path: Path) -> None:
    draft = markdown_case(tmp_path / "case", "platform")
    before = tree_hashes(draft.parent)
    outdir = tmp_path / "out"

    result = cli("pack", draft, "-o", outdir)

    assert result.exit_code == 0, result.output
    expected = "东湖省-青禾市广播电视台-青禾市广播电视台“青禾视听”客户端与账号矩阵一体化运营"
    folder, manifest = _assert_bundle(outdir, expected)
    assert tree_hashes(draft.parent) == before  # the draft was only read
    assert manifest.verdict == "pass" and not manifest.forced
    assert manifest.category == "新媒体平台建设"
    assert manifest.rulepack.id == "nrta-2025" and manifest.rulepack.digest == PACK.digest
    assert [s.name for s in manifest.sources] == ["案例.md"]
    for part, file in (("summary", "综合材料.docx"), ("detailed", "详细材料.docx")):
        entry = manifest.parts[part]
        assert (entry.file, entry.how, entry.source) == (file, "converted", "案例.md")
        draft_counts = part_counts(draft, part)
        docx_counts = part_counts(folder / file, part)
        for field in COUNT_FIELDS:
            assert getattr(docx_counts, field) == getattr(draft_counts, field), (part, field)
        assert docx_counts.inclusive == draft_counts.inclusive
        assert entry.counts == draft_counts
    report = bundle_report(outdir).read_text(encoding="utf-8")
    assert "检查结论：**通过（无错误）**" in report
    assert manifest.files[1].sha256 in report


#: The entries a copied part may differ in from its draft: its properties, and the lists of
#: parts and relationships that name them.
PROPERTY_ENTRIES = {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml"}


def test_docx_parts_are_copied_with_only_their_properties_replaced(tmp_path: Path) -> None:
    case = docx_case(tmp_path / "case", "service")
    before = tree_hashes(case)

    result = cli("pack", case, "-o", tmp_path / "out")

    assert result.exit_code == 0, result.output
    folder, manifest = _assert_bundle(
        tmp_path / "out", "西岭省-江川县融媒体中心-江川县融媒体中心“爱江川”政务民生一体化服务平台"
    )
    for part, file in (("summary", "综合材料.docx"), ("detailed", "详细材料.docx")):
        assert manifest.parts[part].how == "copied"
        copied, draft = zip_entries(folder / file), zip_entries(case / file)
        assert "docProps/custom.xml" not in copied
        kept = set(draft) - PROPERTY_ENTRIES - {"docProps/custom.xml", "docProps/thumbnail.jpeg"}
        assert kept and set(copied) - PROPERTY_ENTRIES == kept
        assert all(copied[name] == draft[name] for name in kept)  # every other part as saved
        assert manifest.parts[part].counts == part_counts(case / file, part)
    assert {s.name for s in manifest.sources} == {"case.toml", "综合材料.docx", "详细材料.docx"}
    assert tree_hashes(case) == before


def test_one_docx_holding_both_parts_is_split(tmp_path: Path) -> None:
    draft = single_docx_case(tmp_path / "case", "production")

    result = cli("pack", draft, "-o", tmp_path / "out")

    assert result.exit_code == 0, result.output
    folder, _ = only_bundle(tmp_path / "out")
    manifest = _manifest(folder)
    for part, file in (("summary", "综合材料.docx"), ("detailed", "详细材料.docx")):
        assert manifest.parts[part].how == "split"
        assert part_counts(folder / file, part) == part_counts(draft, part)
    assert any("拆分" in note for note in manifest.notes)


@pytest.mark.parametrize("make", [markdown_case, docx_case], ids=["markdown", "docx"])
def test_packing_twice_gives_byte_identical_zips(tmp_path: Path, make) -> None:
    first_case = make(tmp_path / "a" / "case")
    folder = first_case if first_case.is_dir() else first_case.parent
    copy = tmp_path / "elsewhere" / "deeper" / "case"
    shutil.copytree(folder, copy)  # the same bytes in another folder
    second_case = copy / first_case.name if first_case.is_file() else copy
    pack_in_subprocess(first_case, tmp_path / "out1", "Asia/Shanghai", EPOCH)
    time.sleep(1.1)  # a later second, in another time zone, the same SOURCE_DATE_EPOCH
    pack_in_subprocess(second_case, tmp_path / "out2", "America/New_York", EPOCH)

    folder1, zip1 = only_bundle(tmp_path / "out1")
    folder2, zip2 = only_bundle(tmp_path / "out2")
    assert zip1.name == zip2.name
    assert zip1.read_bytes() == zip2.read_bytes()
    assert tree_hashes(folder1) == tree_hashes(folder2)


def test_zip_entries_are_utf8_flagged_deflated_with_one_time_and_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1744300800")  # 2025-04-10 16:00 UTC
    cli("pack", markdown_case(tmp_path / "case"), "-o", tmp_path / "out")
    _, archive = only_bundle(tmp_path / "out")
    with zipfile.ZipFile(archive) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    for info in infos:
        assert info.date_time == (2025, 4, 11, 0, 0, 0)  # Beijing time, the pack's zone
        expected = zipfile.ZIP_STORED if info.is_dir() else zipfile.ZIP_DEFLATED
        assert info.compress_type == expected
        mode = info.external_attr >> 16
        assert mode & 0o777 == (0o755 if info.is_dir() else 0o644)
        if not info.filename.isascii():
            assert info.flag_bits & 0x800


def test_application_form_marks_unconfirmed_fields(tmp_path: Path) -> None:
    import docx

    cli("pack", markdown_case(tmp_path / "case", "platform"), "-o", tmp_path / "out")
    folder, _ = only_bundle(tmp_path / "out")
    document = docx.Document(str(folder / "申请表.docx"))
    rows = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert rows["案例名称"].startswith("青禾市广播电视台")  # confirmed: no mark
    assert rows["类别"] == "新媒体平台建设"
    assert rows["申报单位※"] == "青禾市广播电视台"  # unconfirmed in the pack: marked
    assert rows["联系电话※"] == "0736-55501238"
    notes = "\n".join(p.text for p in document.paragraphs)
    assert "申报单位：2025 申请表未公开" in notes


def test_failing_case_is_refused_and_force_packs_it(tmp_path: Path) -> None:
    # The summary loses element 5 (its heading and paragraph): element-missing, an error.
    text = compliant("platform")
    start = text.index("## 五、存在的困难与对策")
    text = text[:start] + text[text.index("## 六、", start) :]
    draft = tmp_path / "case" / "案例.md"
    draft.parent.mkdir()
    draft.write_text(text, encoding="utf-8")
    outdir = tmp_path / "out"

    refused = cli("pack", draft, "-o", outdir)

    assert refused.exit_code == 1
    assert "未打包" in refused.stderr and "S003 element-missing" in refused.stderr
    assert not outdir.exists()

    forced = cli("pack", draft, "-o", outdir, "--force")

    assert forced.exit_code == 0, forced.output
    _, manifest = _assert_bundle(outdir, only_bundle(outdir)[0].name)
    assert manifest.forced and manifest.verdict == "fail"
    assert manifest.findings.errors >= 1
    assert "element-missing" in manifest.findings.by_rule
    assert any(f.rule == "element-missing" for f in manifest.findings.items)
    assert "强制打包" in bundle_report(outdir).read_text(encoding="utf-8")


def test_refusal_in_english(tmp_path: Path) -> None:
    draft = markdown_case(tmp_path / "case", **{"联系电话": None})
    result = cli("pack", draft, "-o", tmp_path / "out", "--lang", "en")
    assert result.exit_code == 1
    assert "lacks fields the bundle needs: phone" in result.stderr


def test_missing_metadata_is_refused_even_with_force(tmp_path: Path) -> None:
    draft = markdown_case(tmp_path / "case", **{"联系电话": None, "联系人": None})
    for extra in ([], ["--force"]):
        result = cli("pack", draft, "-o", tmp_path / "out", *extra)
        assert result.exit_code == 1
        assert "联系人、联系电话" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("pattern", "field", "value", "expected"),
    [
        ("{unit}", "申报单位", "../x", "_x"),
        ("{case_name}", "案例名称", "CON", "CON_"),
        ("{province}", "省份", "a:b", "a_b"),
        ("{case_name}", "案例名称", "nul.txt", "nul_.txt"),
        (
            "{unit}-{case_name}",
            "申报单位",
            "/etc/passwd",
            "_etc_passwd-青禾市广播电视台“青禾视听”客户端与账号矩阵一体化运营",
        ),
    ],
)
def test_hostile_metadata_yields_a_safe_name_inside_outdir(
    tmp_path: Path, pattern: str, field: str, value: str, expected: str
) -> None:
    draft = markdown_case(tmp_path / "case", **{field: value})
    outdir = tmp_path / "out"

    result = cli("pack", draft, "-o", outdir, "--name-pattern", pattern)

    assert result.exit_code == 0, result.output
    outputs = [expected, f"{expected}.检查报告.md", f"{expected}.zip"]
    assert sorted(p.name for p in outdir.iterdir()) == sorted(outputs)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case", "out"]  # nothing escaped
    assert not set(expected) & WINDOWS_FORBIDDEN
    assert expected.split(".")[0].upper() not in RESERVED
    entries = zip_entries(outdir / f"{expected}.zip")
    assert all(name.startswith(f"{expected}/") for name in entries)


def test_hostile_values_in_the_default_pattern(tmp_path: Path) -> None:
    draft = markdown_case(
        tmp_path / "case", **{"省份": "a:b", "申报单位": "../x", "案例名称": "CON"}
    )
    result = cli("pack", draft, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    folder, _ = only_bundle(tmp_path / "out")
    assert folder.name == "a_b-.._x-CON"
    assert folder.parent == tmp_path / "out"


def test_bad_name_pattern_is_a_usage_error(tmp_path: Path) -> None:
    draft = markdown_case(tmp_path / "case")
    for pattern in ("{case_name.__class__}", "{case_name:>300}", "{nonsense}", "plain"):
        result = cli("pack", draft, "-o", tmp_path / "out", "--name-pattern", pattern)
        assert result.exit_code == 2, pattern
        assert "命名规则无效" in result.stderr
    chinese = cli("pack", draft, "-o", tmp_path / "out", "--name-pattern", "{省份}_{案例名称}")
    assert chinese.exit_code == 0, chinese.output
    assert only_bundle(tmp_path / "out")[0].name.startswith("东湖省_青禾市")


def test_existing_bundle_is_kept_without_overwrite(tmp_path: Path) -> None:
    draft = markdown_case(tmp_path / "case")
    outdir = tmp_path / "out"
    assert cli("pack", draft, "-o", outdir).exit_code == 0
    folder, _ = only_bundle(outdir)
    (folder / "note.txt").write_text("mine", encoding="utf-8")

    again = cli("pack", draft, "-o", outdir)

    assert again.exit_code == 2
    assert "--overwrite" in again.stderr
    assert (folder / "note.txt").exists()

    replaced = cli("pack", draft, "-o", outdir, "--overwrite")

    assert replaced.exit_code == 0, replaced.output
    assert not (folder / "note.txt").exists()
    assert {p.name for p in folder.iterdir()} == BUNDLE_FILES
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)] == []


def _leftovers(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in tmp_path.rglob("*") if TEMP_PREFIX in p.name or ".old-" in p.name)


@pytest.mark.parametrize("outdir_exists", [False, True])
def test_a_failure_midway_leaves_nothing(tmp_path: Path, monkeypatch, outdir_exists: bool) -> None:
    draft = markdown_case(tmp_path / "case")
    outdir = tmp_path / "shared" / "out"
    if outdir_exists:
        outdir.mkdir(parents=True)
        (outdir / "other-bundle.zip").write_bytes(b"PK")

    def broken_form(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(bundle_module, "write_form", broken_form)
    with pytest.raises(RuntimeError, match="disk full"):
        pack_case(case_input(draft), Settings(pack=PACK), outdir, PackOptions())

    assert _leftovers(tmp_path) == []
    if outdir_exists:
        assert [p.name for p in outdir.iterdir()] == ["other-bundle.zip"]
    else:
        assert not (tmp_path / "shared").exists()


def test_a_failure_while_renaming_restores_the_old_bundle(tmp_path: Path, monkeypatch) -> None:
    draft = markdown_case(tmp_path / "case")
    outdir = tmp_path / "out"
    assert cli("pack", draft, "-o", outdir).exit_code == 0
    before = tree_hashes(outdir)
    real_rename = os.rename
    calls = {"n": 0}

    def flaky_rename(src, dst):
        calls["n"] += 1
        if calls["n"] == 4:  # old folder aside, new folder in, old report aside, new one in: fail
            raise OSError("network drive went away")
        return real_rename(src, dst)

    monkeypatch.setattr(os, "rename", flaky_rename)
    with pytest.raises(OSError, match="network drive"):
        pack_case(
            case_input(draft),
            Settings(pack=PACK),
            outdir,
            PackOptions(overwrite=True),
        )
    monkeypatch.setattr(os, "rename", real_rename)

    assert tree_hashes(outdir) == before
    assert _leftovers(tmp_path) == []


def test_case_folder_with_several_cases_is_a_usage_error(tmp_path: Path) -> None:
    markdown_case(tmp_path / "cases" / "a")
    markdown_case(tmp_path / "cases" / "b", "service")
    result = cli("pack", tmp_path / "cases", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "--batch" in result.stderr


def test_manifest_schema_is_generated() -> None:
    result = cli("schema", "manifest")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert "manifest_version" in schema["properties"]
    assert "PartEntry" in schema["$defs"]

"""What a bundle hands the platform: small documents, one date, clean properties, the report aside.

Issue 12 ("Bundle"): split parts grew from 43 KB to 840 KB (stored entries), every file was
dated the deadline, the parts carried the contact name and phone in custom properties and
"python-docx" as author, 检查报告.md travelled inside the uploaded zip, and 推荐单位 read 湖南省.
Each test packs real drafts (Markdown, python-docx-made .docx) with the CLI and reads what was
written.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import time
import zipfile
from pathlib import Path

import docx
import pytest
from pack_cases import (
    PACK,
    _part_markdown,
    bundle_report,
    cli,
    docx_case,
    draft,
    markdown_case,
    only_bundle,
    pack_in_subprocess,
    single_docx_case,
    write_case_toml,
    zip_entries,
)

from caselint.cases.parts import split_document
from caselint.core.model import BlockKind
from caselint.pack import clock
from caselint.pack.recommender import default_recommender, full_province
from caselint.pack.verify import verify_bundle
from caselint.pack.zipfile_det import read_entries
from caselint.readers import read_document
from support.cases import build_docx_case, front_matter

CONTACT = {"联系人": "林志航", "联系电话": "0736-55507716", "电子邮箱": "lzh@qinghe-tv.example"}
TOOL_NAMES = ("python-docx", "caselint")
EPOCH = "1744300800"  # 2025-04-10 16:00:00 UTC, 2025-04-11 00:00 in Beijing


def _python_docx_size(path: Path, part: str) -> int:
    """What python-docx itself writes for the text of ``part`` of ``path``: a paragraph per
    block, headings as headings, with its own template."""
    blocks = split_document(read_document(path), PACK).parts[part]  # type: ignore[index]
    document = docx.Document()
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            document.add_heading(block.text, level=min(max(block.level or 1, 1), 9))
        else:
            document.add_paragraph(block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return len(buffer.getvalue())


@pytest.mark.parametrize(
    "make", [single_docx_case, markdown_case, docx_case], ids=["split", "converted", "copied"]
)
def test_part_files_are_no_larger_than_python_docx_writes_for_their_text(
    tmp_path: Path, make
) -> None:
    case = make(tmp_path / "case", "production")
    assert cli("pack", case, "-o", tmp_path / "out").exit_code == 0
    folder, archive = only_bundle(tmp_path / "out")
    reference = 0
    for part, name in (("summary", "综合材料.docx"), ("detailed", "详细材料.docx")):
        ours = (folder / name).stat().st_size
        theirs = _python_docx_size(folder / name, part)
        assert ours <= 1.2 * theirs, (name, ours, theirs)
        with zipfile.ZipFile(folder / name) as package:  # deflated inside, not stored
            assert all(
                i.compress_type == zipfile.ZIP_DEFLATED for i in package.infolist() if i.file_size
            )
        reference += theirs
    # The zip: both parts, the form and the manifest, smaller than python-docx's two parts.
    assert archive.stat().st_size <= 1.2 * reference
    with zipfile.ZipFile(archive) as bundle:
        sizes = {i.filename.split("/")[-1]: i for i in bundle.infolist()}
    manifest = sizes["manifest.json"]
    assert manifest.compress_type == zipfile.ZIP_DEFLATED
    assert manifest.compress_size < manifest.file_size / 2


def _all_bytes(outdir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(outdir).as_posix(): p.read_bytes()
        for p in sorted(outdir.rglob("*"))
        if p.is_file()
    }


def test_source_date_epoch_gives_identical_bytes_under_two_time_zones(tmp_path: Path) -> None:
    case = single_docx_case(tmp_path / "case", "production")
    pack_in_subprocess(case, tmp_path / "shanghai", "Asia/Shanghai", EPOCH)
    time.sleep(1.1)
    pack_in_subprocess(case, tmp_path / "new-york", "America/New_York", EPOCH)

    first, second = _all_bytes(tmp_path / "shanghai"), _all_bytes(tmp_path / "new-york")
    assert first == second  # zip, documents, manifest and report, byte for byte
    _, archive = only_bundle(tmp_path / "shanghai")
    with zipfile.ZipFile(archive) as bundle:
        assert {i.date_time for i in bundle.infolist()} == {(2025, 4, 11, 0, 0, 0)}
    folder, _ = only_bundle(tmp_path / "shanghai")
    props = docx.Document(str(folder / "综合材料.docx")).core_properties
    assert props.created == props.modified == dt.datetime(2025, 4, 10, 16, tzinfo=dt.timezone.utc)
    assert int((folder / "综合材料.docx").stat().st_mtime) == int(EPOCH)


def _set_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time zones are switched with tzset")
def test_the_time_of_packing_is_the_date_and_the_zone_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    instant = dt.datetime(2026, 1, 15, 2, 30, 8, tzinfo=dt.timezone.utc)
    monkeypatch.setattr(clock, "_now", lambda: instant)
    case = markdown_case(tmp_path / "case")
    try:
        _set_zone(monkeypatch, "Asia/Shanghai")
        assert cli("pack", case, "-o", tmp_path / "a").exit_code == 0
        _set_zone(monkeypatch, "Pacific/Honolulu")
        assert cli("pack", case, "-o", tmp_path / "b").exit_code == 0
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert _all_bytes(tmp_path / "a") == _all_bytes(tmp_path / "b")
    _, archive = only_bundle(tmp_path / "a")
    with zipfile.ZipFile(archive) as bundle:
        dates = {i.date_time for i in bundle.infolist()}
    assert dates == {(2026, 1, 15, 10, 30, 8)}  # Beijing time, not the deadline


def test_without_source_date_epoch_files_are_dated_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) - dt.timedelta(seconds=2)
    assert cli("pack", markdown_case(tmp_path / "case"), "-o", tmp_path / "out").exit_code == 0
    after = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=2)
    folder, archive = only_bundle(tmp_path / "out")
    created = docx.Document(str(folder / "申请表.docx")).core_properties.created
    assert before <= created.replace(tzinfo=dt.timezone.utc) <= after
    beijing = dt.timezone(dt.timedelta(hours=8))
    with zipfile.ZipFile(archive) as bundle:
        stamp = dt.datetime(*bundle.infolist()[0].date_time, tzinfo=beijing)
    assert before - dt.timedelta(seconds=2) <= stamp <= after


def test_a_malformed_source_date_epoch_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = cli("pack", markdown_case(tmp_path / "case"), "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH" in result.stderr and "yesterday" in result.stderr
    assert not (tmp_path / "out").exists()


def _docx_with_contacts_per_part(folder: Path) -> Path:
    """A case of two .docx parts whose custom properties carry the contact data, as a
    station's drafts do when the metadata was typed into Word's 属性 → 自定义."""
    case = docx_case(folder, "production", 电子邮箱=CONTACT["电子邮箱"])
    text = draft("production", 电子邮箱=CONTACT["电子邮箱"])
    props = front_matter(text)
    head = "---\n" + "".join(f"{k}: '{v}'\n" for k, v in props.items()) + "---\n"
    for part, name in (("summary", "综合材料.docx"), ("detailed", "详细材料.docx")):
        build_docx_case(head + _part_markdown(text, part), case / name)
    write_case_toml(case, props)
    return case


@pytest.mark.parametrize("how", ["split", "copied", "converted"])
def test_no_contact_data_nor_tool_name_in_any_documents_properties(
    tmp_path: Path, how: str
) -> None:
    if how == "split":
        case = single_docx_case(tmp_path / "case", "production", 电子邮箱=CONTACT["电子邮箱"])
        source = zip_entries(case)["docProps/custom.xml"].decode()
        assert all(value in source for value in CONTACT.values())  # the draft has them
    elif how == "copied":
        case = _docx_with_contacts_per_part(tmp_path / "case")
        assert (
            CONTACT["联系电话"]
            in zip_entries(case / "综合材料.docx")["docProps/custom.xml"].decode()
        )
    else:
        case = markdown_case(tmp_path / "case", "production", 电子邮箱=CONTACT["电子邮箱"])
    assert cli("pack", case, "-o", tmp_path / "out").exit_code == 0
    folder, _ = only_bundle(tmp_path / "out")
    unit = "东湖省广播电视总台"
    for name in ("申请表.docx", "综合材料.docx", "详细材料.docx"):
        entries = zip_entries(folder / name)
        properties = {n: d.decode() for n, d in entries.items() if n.startswith("docProps/")}
        assert set(properties) == {"docProps/core.xml", "docProps/app.xml"}, name
        packaging = properties | {
            n: entries[n].decode() for n in ("_rels/.rels", "[Content_Types].xml")
        }
        for part_name, text in packaging.items():
            for value in (*CONTACT.values(), *TOOL_NAMES, "custom-properties", "thumbnail"):
                assert value not in text, (name, part_name, value)
        core = docx.Document(str(folder / name)).core_properties
        assert core.author == core.last_modified_by == unit
        assert core.title.startswith("东湖省广播电视总台“一次采集") and core.title.endswith(
            name.removesuffix(".docx")
        )
        assert (core.subject, core.keywords, core.comments, core.category) == ("", "", "", "")
        assert "<Application>" not in properties["docProps/app.xml"]
        assert "<Company>" not in properties["docProps/app.xml"]


def test_the_report_is_beside_the_zip_and_says_what_to_upload(tmp_path: Path) -> None:
    case = markdown_case(tmp_path / "case")
    result = cli("pack", case, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    folder, archive = only_bundle(tmp_path / "out")
    report = bundle_report(tmp_path / "out")

    assert report.parent == archive.parent and report.name == f"{folder.name}.检查报告.md"
    assert not any(n.endswith(".md") for n in zip_entries(archive))
    assert not any(p.suffix == ".md" for p in folder.iterdir())
    text = report.read_text(encoding="utf-8")
    assert "上传 **综合材料.docx** 和 **详细材料.docx**" in text
    assert f"**{archive.name}**" in text and "不需要上传" in text
    assert (tmp_path / "out" / archive.name).exists()
    import hashlib

    assert hashlib.sha256(archive.read_bytes()).hexdigest() in text  # the zip's hash, outside
    assert f"检查报告：{report}" in result.stdout or report.name in result.stdout
    assert "上传：综合材料.docx、详细材料.docx" in result.stdout
    assert cli("verify", archive).exit_code == 0 and cli("verify", folder).exit_code == 0


def test_overwrite_replaces_caselints_report_but_not_a_foreign_file(tmp_path: Path) -> None:
    case = markdown_case(tmp_path / "case")
    outdir = tmp_path / "out"
    assert cli("pack", case, "-o", outdir).exit_code == 0
    report = bundle_report(outdir)
    assert cli("pack", case, "-o", outdir, "--overwrite").exit_code == 0
    report.write_text("我们自己的说明", encoding="utf-8")  # someone's file under that name

    refused = cli("pack", case, "-o", outdir, "--overwrite")

    assert refused.exit_code == 2 and "不是 caselint 生成" in refused.stderr
    assert report.read_text(encoding="utf-8") == "我们自己的说明"


def _recompressed(data: bytes) -> bytes:
    """The same entries, the same bytes inflated: another zlib level, order and dates."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as other:
        for name, content in reversed(read_entries(data)):
            other.writestr(name, content)
    return buffer.getvalue()


@pytest.fixture
def packed_folder(tmp_path: Path) -> Path:
    assert cli("pack", single_docx_case(tmp_path / "case"), "-o", tmp_path / "out").exit_code == 0
    return only_bundle(tmp_path / "out")[0]


def test_verify_reports_a_recompressed_part_as_such_not_as_tampering(packed_folder: Path) -> None:
    part = packed_folder / "详细材料.docx"
    before = part.read_bytes()
    part.write_bytes(_recompressed(before))
    assert part.read_bytes() != before

    report = verify_bundle(packed_folder)
    result = cli("verify", packed_folder)

    assert report.ok and result.exit_code == 0, result.output
    statuses = {f.path: f.status for f in report.files}
    assert statuses["详细材料.docx"] == "recompressed"
    assert [(f.code, f.severity) for f in report.findings] == [("B003", "info")]
    detailed = next(p for p in report.parts if p.part == "detailed")
    assert detailed.status == "ok" and detailed.actual_text_sha256 == detailed.expected_text_sha256
    assert "重新压缩过" in result.stdout and "提示 B003 bundle-recompressed" in result.stdout


def test_verify_still_reports_an_edited_part_whose_counts_are_unchanged(
    packed_folder: Path,
) -> None:
    part = packed_folder / "详细材料.docx"
    entries = dict(read_entries(part.read_bytes()))
    document = entries["word/document.xml"].decode()
    # One 汉字 of the text for another: the counts stay, the text does not.
    matches = list(re.finditer(r"<w:t(?: [^>]*)?>[^<]*?([\u4e00-\u9fff])", document))
    index = matches[-1].start(1)  # the last paragraph's (the title line is in no part)
    edited = document[:index] + ("乙" if document[index] != "乙" else "甲") + document[index + 1 :]
    entries["word/document.xml"] = edited.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as other:
        for name, content in entries.items():
            other.writestr(name, content)
    part.write_bytes(buffer.getvalue())

    report = verify_bundle(packed_folder)

    assert not report.ok
    assert {f.path: f.status for f in report.files}["详细材料.docx"] == "changed"
    detailed = next(p for p in report.parts if p.part == "detailed")
    assert detailed.status == "differs" and detailed.actual == detailed.expected  # same counts
    assert any("正文与打包时不同" in f.message for f in report.findings)


def test_verify_keeps_rejecting_a_duplicate_entry_in_a_recompressed_part(
    packed_folder: Path,
) -> None:
    part = packed_folder / "综合材料.docx"
    entries = read_entries(part.read_bytes())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as other:
        for name, content in entries:
            other.writestr(name, content)
        with pytest.warns(UserWarning, match="Duplicate"):
            other.writestr(*entries[-1])  # one entry twice: tools differ on which they take
    part.write_bytes(buffer.getvalue())

    report = verify_bundle(packed_folder)

    assert not report.ok
    assert {f.path: f.status for f in report.files}["综合材料.docx"] == "changed"


# -- 推荐单位 and the empty fields of the 申请表 --------------------------------------------------


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"province": "湖南省", "unit": "湖南广播影视集团"}, "湖南省广播电视局"),
        ({"province": "湖南", "unit": "某县融媒体中心"}, "湖南省广播电视局"),
        ({"province": "广西", "unit": "某市广播电视台"}, "广西壮族自治区广播电视局"),
        ({"province": "北京", "unit": "某区融媒体中心"}, "北京市广播电视局"),
        (
            {"province": "新疆生产建设兵团", "unit": "兵团广播电视台"},
            "新疆生产建设兵团文化体育广电和旅游局",
        ),
        ({"province": "北京市", "unit": "中国教育电视台"}, "中国教育电视台"),
        ({"province": "东湖省", "unit": "青禾市广播电视台"}, "东湖省广播电视局"),
        ({"unit": "某台"}, ""),
    ],
)
def test_default_recommender_follows_the_packs_rule(values: dict, expected: str) -> None:
    assert default_recommender(values, PACK) == expected


def test_the_rule_is_data_in_the_rule_pack(tmp_path: Path) -> None:
    from caselint.rulepack.pack import load_pack

    overlay = tmp_path / "某省.toml"
    overlay.write_text(
        'extends = "nrta-2025"\n[recommenders.named]\n"海南" = "海南省旅游和文化广电体育厅"\n',
        encoding="utf-8",
    )
    pack = load_pack(overlay)
    assert default_recommender({"province": "海南省", "unit": "某台"}, pack) == (
        "海南省旅游和文化广电体育厅"
    )
    assert full_province("内蒙古", PACK) == "内蒙古自治区"


def _form_rows(folder: Path) -> dict[str, str]:
    document = docx.Document(str(folder / "申请表.docx"))
    return {r.cells[0].text.rstrip("※"): r.cells[1].text for r in document.tables[0].rows}


def test_the_form_names_the_provinces_bureau_unless_the_metadata_names_one(
    tmp_path: Path,
) -> None:
    case = markdown_case(tmp_path / "a", 省份="湖南")
    assert cli("pack", case, "-o", tmp_path / "out-a").exit_code == 0
    assert _form_rows(only_bundle(tmp_path / "out-a")[0])["推荐单位"] == "湖南省广播电视局"
    stated = markdown_case(tmp_path / "b", 推荐单位="湖南省广播电视局（审核）")
    assert cli("pack", stated, "-o", tmp_path / "out-b").exit_code == 0
    assert _form_rows(only_bundle(tmp_path / "out-b")[0])["推荐单位"] == "湖南省广播电视局（审核）"


def test_empty_form_fields_are_listed_in_chinese_and_english(tmp_path: Path) -> None:
    case = markdown_case(tmp_path / "case")  # no 电子邮箱, no 推荐单位 (filled by default)
    zh = cli("pack", case, "-o", tmp_path / "zh")
    en = cli("pack", case, "-o", tmp_path / "en", "--lang", "en")

    assert zh.exit_code == 0 and en.exit_code == 0
    assert "申请表未填：电子邮箱（" in zh.stdout
    assert "empty in the 申请表: 电子邮箱 (email)" in en.stdout
    assert "推荐单位" not in zh.stdout.split("申请表未填：")[1].splitlines()[0]
    folder, _ = only_bundle(tmp_path / "zh")
    assert _form_rows(folder)["电子邮箱"] == ""
    report = bundle_report(tmp_path / "zh").read_text(encoding="utf-8")
    assert "申请表中以下栏目为空：电子邮箱" in report

    full = markdown_case(tmp_path / "full", 电子邮箱="zxl@example.cn")
    filled = cli("pack", full, "-o", tmp_path / "filled")
    assert filled.exit_code == 0 and "申请表未填" not in filled.stdout


def test_batch_lists_empty_form_fields_per_bundle(tmp_path: Path) -> None:
    root = tmp_path / "东湖省汇总"
    markdown_case(root / "01-青禾", "platform", 推荐="是")
    markdown_case(root / "02-总台", "production", 推荐="是", 电子邮箱="lzh@example.cn")
    result = cli("pack", root, "--batch", "-o", tmp_path / "上传", "-j", "1")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    qinghe = next(i for i, line in enumerate(lines) if "青禾市广播电视台" in line and "✓" in line)
    assert "申请表未填：电子邮箱" in lines[qinghe + 1]
    assert sum("申请表未填" in line for line in lines) == 1

"""Case discovery over a provincial folder: which files form which case, where metadata comes
from, what is skipped (and said with ``--verbose``), and layouts that must not be guessed."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_cli import check_json, cli, findings_of
from province_folder import (
    CASE_FILES,
    CASE_IDS,
    METADATA_FILES,
    SKIPPED,
    example,
    expected_metadata,
    write_toml,
)

from caselint.cases.discover import Skipped, case_key, discover
from caselint.engine import Settings, check_case
from caselint.rulepack.pack import load_pack

PACK = load_pack()


@pytest.fixture(scope="module")
def report(province: Path) -> dict:
    """The unmarked folder checked once, without a selected list or shortlist."""
    return check_json(province, "--no-cache")


def test_the_folder_holds_exactly_the_expected_cases(province: Path) -> None:
    skipped: list[Skipped] = []
    cases = discover([province], PACK, skipped)

    assert [c.id for c in cases] == CASE_IDS
    assert len(cases) == 15
    for case in cases:
        folder = province / case.id if "/" not in case.id else province / "市县台报送"
        assert case.files == [folder / name for name in CASE_FILES[case.id]], case.id
        expected = METADATA_FILES[case.id]
        assert case.metadata_file == (folder / expected if expected else None), case.id
        assert case.metadata_error is None
    assert {s.path.relative_to(province).as_posix(): s.reason for s in skipped} == SKIPPED


def test_metadata_from_toml_yaml_and_docx_properties_under_canonical_keys(report: dict) -> None:
    metadata = {case["id"]: case["metadata"] for case in report["cases"]}

    assert list(metadata) == CASE_IDS
    for case_id in CASE_IDS:
        values = {k: v for k, v in metadata[case_id].items() if k != "sources"}
        assert values == expected_metadata(case_id), case_id
        kinds = {k: s["kind"] for k, s in metadata[case_id]["sources"].items()}
        expected_kind = "properties" if case_id == "09-桑榆帮办" else "sidecar"
        assert set(kinds) >= set(values) and set(kinds.values()) == {expected_kind}, case_id
    # Chinese keys in case.toml, English keys in case.yaml, custom properties of a .docx.
    assert metadata["01-东湖新闻客户端"]["contact"] == "陈思远"
    assert metadata["03-爱澄溪客户端"]["contact"] == "黄立群"
    assert metadata["09-桑榆帮办"]["case_name"] == "“桑榆帮办”县域民生诉求融媒服务平台"


def test_the_docx_metadata_is_not_counted_as_text(report: dict, tmp_path: Path) -> None:
    """The .docx holds the same body as the Markdown example; its custom properties add
    nothing to the counts (metadata never lives in the counted body)."""
    (case,) = [c for c in report["cases"] if c["id"] == "09-桑榆帮办"]
    markdown = tmp_path / "桑榆帮办.md"
    markdown.write_text(example("09-桑榆帮办/桑榆帮办.md"), encoding="utf-8")
    (plain,) = discover([markdown], PACK)
    expected = check_case(plain, Settings(pack=PACK))

    assert case["category"] == "综合信息服务"
    for part in ("summary", "detailed"):
        assert case["parts"][part]["words"] == expected.parts[part].words > 0


def test_flat_files_pair_up_by_name(report: dict) -> None:
    flat = {c["id"]: c for c in report["cases"] if c["id"].startswith("市县台报送/")}

    assert sorted(flat) == ["市县台报送/柳港台", "市县台报送/青禾台"]
    for case_id, case in flat.items():
        assert [Path(f).name for f in case["files"]] == CASE_FILES[case_id]
        assert case["parts"]["summary"] is not None
        assert case["parts"]["detailed"] is not None
        assert Path(case["parts"]["summary"]["file"]).name.endswith("-综合材料.md")
        assert Path(case["parts"]["detailed"]["file"]).name.endswith("-详细材料.md")
    assert flat["市县台报送/青禾台"]["category"] == "创新发展机制"


def test_two_versions_of_one_part_are_named_never_guessed(report: dict) -> None:
    (case,) = [c for c in report["cases"] if c["id"] == "10-白石应急广播网格"]
    (finding,) = findings_of({"cases": [case], "findings": []}, "case-layout-ambiguous")

    assert finding["severity"] == "error"
    assert finding["part"] == "summary"
    assert finding["message"] == (
        "综合材料出现在多个文件中：白石应急广播网格-综合材料v1.docx、白石应急广播网格-综合材料v2.docx；"
        "无法判断以哪个为准（未检查该部分），请只保留一份"
    )
    assert case["verdict"] == "fail"
    assert case["parts"]["summary"] is None
    assert case["parts"]["detailed"] is not None


def test_only_the_cases_at_fault_have_file_and_metadata_findings(report: dict) -> None:
    structural = {"unreadable-file", "case-layout-ambiguous", "metadata-missing"}
    found = {
        case["id"]: sorted(f["rule"] for f in case["findings"] if f["rule"] in structural)
        for case in report["cases"]
    }
    assert found == {
        **{case_id: [] for case_id in CASE_IDS},
        "07-石门村晚融媒直播": ["metadata-missing"],
        "10-白石应急广播网格": ["case-layout-ambiguous"],
    }


def test_metadata_missing_lists_the_fields(report: dict) -> None:
    (case,) = [c for c in report["cases"] if c["id"] == "07-石门村晚融媒直播"]
    (finding,) = [f for f in case["findings"] if f["rule"] == "metadata-missing"]
    assert finding["severity"] == "warning"
    assert finding["message"] == "案例信息缺少：联系人、联系电话（填写申请表和打包上传时需要）"


def test_metadata_missing_in_english_lists_every_field(tmp_path: Path) -> None:
    case = tmp_path / "案例"
    case.mkdir()
    (case / "草稿.md").write_text(example("02-南屏发布短视频矩阵/南屏发布短视频矩阵.md"), "utf-8")
    write_toml(case / "case.toml", {"类别": "新媒体平台建设"})

    report = check_json(case, "--no-cache", "--lang", "en")

    (finding,) = findings_of(report, "metadata-missing")
    assert finding["message"] == (
        "case metadata lacks: 案例名称, 申报单位, 省份, 联系人, 联系电话 "
        "(needed for the application form and the bundle)"
    )


def test_verbose_says_what_was_skipped_and_why(province: Path) -> None:
    result = cli("check", province, "--no-cache", "--verbose", "--jobs", "1", "--format", "json")

    reasons = {
        "lock-file": "Office 临时锁文件",
        "hidden": "隐藏文件",
        "caselint-output": "caselint 生成的文件",
        "readme": "说明文件",
        "unsupported": "不是可检查的文件类型",
    }
    expected = {f"跳过 {province / path}（{reasons[why]}）" for path, why in SKIPPED.items()}
    lines = result.stderr.splitlines()
    assert {line for line in lines if line.startswith("跳过")} == expected
    assert "15 个案例：0 个来自缓存，15 个已检查（1 个进程）" in lines


def test_verbose_in_english(province: Path) -> None:
    result = cli(
        "check", province, "--no-cache", "-v", "-j", "1", "--lang", "en", "--format", "json"
    )
    lines = result.stderr.splitlines()
    assert f"skipped {province / '~$草稿.docx'} (Office lock file)" in lines
    assert (
        f"skipped {province / '已打包/东湖省-东湖省广播电视总台-旧案例'} (caselint output)" in lines
    )
    assert f"skipped {province / '.DS_Store'} (hidden)" in lines
    pdf = province / "02-南屏发布短视频矩阵" / "盖章扫描件.pdf"
    assert f"skipped {pdf} (not a draft format)" in lines
    assert not [line for line in lines if "case.toml" in line or "case.yaml" in line]


def test_without_verbose_nothing_is_said_about_skipped_files(province: Path) -> None:
    result = cli("check", province, "--no-cache", "-j", "1", "--format", "json", "-q")
    assert "跳过" not in result.stderr
    assert "来自缓存" not in result.stderr


@pytest.mark.parametrize(
    "stem",
    [
        "白石台-综合材料",
        "白石台-综合材料v1",
        "白石台-综合材料V2",
        "白石台-综合材料v2.1",
        "白石台-综合材料（修订稿）",
        "白石台-综合材料修订稿",
        "白石台-综合材料 第二稿",
        "白石台-综合材料_终稿",
        "白石台-综合材料-定稿",
        "白石台-综合材料20250301",
        "白石台-综合材料 2025.3.1",
        "白石台-综合材料 - 副本",
        "白石台-综合材料v2（修订稿）",
        "白石台-详细材料",
        "白石台详细材料初稿",
    ],
)
def test_draft_version_marks_do_not_split_a_case(stem: str) -> None:
    assert case_key(stem, PACK) == "白石台"


@pytest.mark.parametrize(
    ("stem", "key"),
    [
        ("东湖云2.0-综合材料", "东湖云2.0"),
        ("5G新媒体平台-详细材料", "5G新媒体平台"),
        ("一稿多用融合生产-综合材料", "一稿多用融合生产"),
    ],
)
def test_names_that_merely_look_like_versions_are_kept(stem: str, key: str) -> None:
    assert case_key(stem, PACK) == key


def test_a_revised_draft_beside_the_original_is_ambiguous(tmp_path: Path) -> None:
    flat = tmp_path / "报送"
    flat.mkdir()
    summary = example("12-柳港帮帮团/柳港帮帮团-综合材料.md")
    (flat / "柳港台-综合材料.md").write_text(summary, encoding="utf-8")
    (flat / "柳港台-综合材料（修订稿）.md").write_text(summary + "\n补充。\n", encoding="utf-8")
    (flat / "柳港台-详细材料.md").write_text(
        example("12-柳港帮帮团/柳港帮帮团-详细材料.md"), encoding="utf-8"
    )
    (flat / "青禾台.md").write_text(example("02-南屏发布短视频矩阵/南屏发布短视频矩阵.md"), "utf-8")

    cases = discover([flat], PACK)

    assert [(c.id, [p.name for p in c.files]) for c in cases] == [
        ("柳港台", ["柳港台-综合材料.md", "柳港台-综合材料（修订稿）.md", "柳港台-详细材料.md"]),
        ("青禾台", ["青禾台.md"]),
    ]
    result = check_case(cases[0], Settings(pack=PACK))
    (finding,) = [f for f in result.findings if f.rule == "case-layout-ambiguous"]
    assert finding.message == (
        "综合材料出现在多个文件中：柳港台-综合材料.md、柳港台-综合材料（修订稿）.md；"
        "无法判断以哪个为准（未检查该部分），请只保留一份"
    )


def test_a_bundle_named_directly_is_still_skipped_inside_a_folder(tmp_path: Path) -> None:
    """A folder holding manifest.json is caselint's bundle wherever it sits in the tree."""
    root = tmp_path / "汇总"
    deep = root / "2024" / "打包结果" / "东湖省-某台-某案例"
    deep.mkdir(parents=True)
    (deep / "manifest.json").write_text("{}", encoding="utf-8")
    (deep / "综合材料.md").write_text("# 综合材料\n\n正文。\n", encoding="utf-8")
    case = root / "01-案例"
    case.mkdir()
    (case / "案例.md").write_text(example("02-南屏发布短视频矩阵/南屏发布短视频矩阵.md"), "utf-8")

    skipped: list[Skipped] = []
    cases = discover([root], PACK, skipped)

    assert [c.id for c in cases] == ["01-案例"]
    assert skipped == [Skipped(deep, "caselint-output")]


def test_verbose_speaks_the_language_of_the_run_not_of_the_command_line(tmp_path: Path) -> None:
    """``lang = "en"`` in the config: the skipped files and the run summary are in English."""
    (tmp_path / "pyproject.toml").write_text('[tool.caselint]\nlang = "en"\n', encoding="utf-8")
    case = tmp_path / "汇总" / "01"
    case.mkdir(parents=True)
    (case / "案例.md").write_text(example("02-南屏发布短视频矩阵/南屏发布短视频矩阵.md"), "utf-8")
    (case / "~$案例.md").write_bytes(b"lock")

    result = cli("check", tmp_path / "汇总", "--no-cache", "-v", "-j", "1", "--format", "json")

    assert result.stderr.splitlines() == [
        f"skipped {case / '~$案例.md'} (Office lock file)",
        "1 case(s): 0 from cache, 1 checked (1 process(es))",
    ]

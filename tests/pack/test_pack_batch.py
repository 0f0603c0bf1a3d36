"""``caselint pack FOLDER --batch``: bundles for the recommended cases that pass, and an index."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pack_cases import cli, docx_case, draft, markdown_case, tree_hashes

from caselint.pack.manifest import Manifest


def _failing(folder: Path, **changes: str) -> Path:
    """A service case whose summary lacks element 5 (element-missing, an error)."""
    text = draft("service", **changes)
    start = text.index("## 五、")
    text = text[:start] + text[text.index("## 六、", start) :]
    folder.mkdir(parents=True)
    path = folder / "案例.md"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def province(tmp_path: Path) -> Path:
    root = tmp_path / "东湖省汇总"
    markdown_case(root / "01-青禾", "platform", 推荐="是")
    _failing(root / "02-江川", 省份="东湖省", 推荐="是")
    markdown_case(root / "03-机制", "mechanism", 省份="东湖省", 推荐="否")
    docx_case(root / "04-总台", "production", 推荐="是")
    (root / "~$草稿.docx").write_bytes(b"lock")
    return root


def test_only_recommended_passing_cases_are_packed(province: Path, tmp_path: Path) -> None:
    before = tree_hashes(province)
    outdir = tmp_path / "上传"

    result = cli("pack", province, "--batch", "-o", outdir, "-j", "1")

    assert result.exit_code == 1  # a recommended case was left out
    assert tree_hashes(province) == before
    bundles = sorted(p.name for p in outdir.iterdir() if p.is_dir())
    assert bundles == [
        "东湖省-东湖省广播电视总台-东湖省广播电视总台“一次采集、多元生成、多端分发”融合生产传播体系",
        "东湖省-青禾市广播电视台-青禾市广播电视台“青禾视听”客户端与账号矩阵一体化运营",
    ]
    assert sorted(p.name for p in outdir.iterdir() if p.is_file()) == sorted(
        [f"{b}.zip" for b in bundles] + [f"{b}.检查报告.md" for b in bundles] + ["推荐汇总.xlsx"]
    )
    assert "未打包 1 个推荐案例" in result.stderr and "S003" in result.stderr
    for name in bundles:
        manifest = Manifest.loads((outdir / name / "manifest.json").read_bytes())
        assert manifest.verdict == "pass" and not manifest.forced
        assert cli("verify", outdir / f"{name}.zip").exit_code == 0
    # The whole output folder at once: each bundle folder and each zip, four in all.
    everything = cli("verify", outdir)
    assert everything.exit_code == 0
    assert everything.stdout.count("结论：上传包与 manifest.json 一致") == 4

    workbook = openpyxl.load_workbook(outdir / "推荐汇总.xlsx")
    assert workbook.sheetnames == ["推荐汇总", "未打包", "名额核查"]
    sheet = workbook["推荐汇总"]
    assert sheet["A1"].value == "东湖省2025年全国广播电视媒体融合典型案例推荐汇总"
    assert sheet["A2"].value.startswith("已打包 2 个上传包，未打包 2 个案例。共 4 个案例：")
    header = [c.value for c in sheet[3]]
    assert header[:9] == [
        "序号",
        "类别",
        "案例名称",
        "申报单位",
        "单位层级",
        "省份",
        "推荐单位",
        "联系人",
        "联系电话",
    ]
    assert sheet.freeze_panes == "A4" and sheet.print_title_rows == "$3:$3"
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert [r[1] for r in rows] == ["新媒体平台建设", "融合生产传播"]
    assert rows[0][2] == "青禾市广播电视台“青禾视听”客户端与账号矩阵一体化运营"
    assert rows[0][6] == "东湖省广播电视局"  # the 申请表's 推荐单位: the province's bureau
    assert rows[0][8] == "0736-55501238"
    assert rows[0][11] == "通过"
    assert rows[0][13] == f"{bundles[1]}.zip"
    assert len(rows[0][14]) == 64
    skipped = [[c.value for c in row] for row in workbook["未打包"].iter_rows(min_row=3)]
    assert [(r[1], r[3]) for r in skipped] == [("02-江川", "是"), ("03-机制", "否")]
    assert "错误" in skipped[0][4]
    assert skipped[1][4] == "未列入推荐"
    quota = [[c.value for c in row] for row in workbook["名额核查"].iter_rows(min_row=3)]
    assert {r[0] for r in quota} == {"东湖省"}


def test_force_packs_the_failing_recommended_case(province: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "上传"
    result = cli("pack", province, "--batch", "-o", outdir, "-j", "1", "--force")
    assert result.exit_code == 0, result.output
    assert len([p for p in outdir.iterdir() if p.is_dir()]) == 3
    forced = [
        Manifest.loads((p / "manifest.json").read_bytes()) for p in outdir.iterdir() if p.is_dir()
    ]
    assert [m.case.id for m in forced if m.forced] == ["02-江川"]


def test_shortlist_decides_what_is_recommended(province: Path, tmp_path: Path) -> None:
    shortlist = tmp_path / "推荐名单.txt"
    shortlist.write_text("03-机制\n", encoding="utf-8")
    outdir = tmp_path / "上传"
    result = cli("pack", province, "--batch", "-o", outdir, "-j", "1", "--shortlist", shortlist)
    assert result.exit_code == 0, result.output
    (bundle,) = [p for p in outdir.iterdir() if p.is_dir()]
    assert Manifest.loads((bundle / "manifest.json").read_bytes()).case.id == "03-机制"


def test_over_quota_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    root = tmp_path / "东湖省汇总"
    for n in range(5):
        markdown_case(root / f"case-{n}", "platform", 案例名称=f"第{n}个客户端案例", 推荐="是")
    outdir = tmp_path / "上传"

    result = cli("pack", root, "--batch", "-o", outdir, "-j", "1")

    assert result.exit_code == 1
    assert "超出名额" in result.stderr and "X001 quota-exceeded" in result.stderr
    assert not outdir.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["东湖省汇总"]


def test_nothing_marked_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "收件"
    markdown_case(root / "a", "platform", 推荐=None)
    result = cli("pack", root, "--batch", "-o", tmp_path / "out", "-j", "1")
    assert result.exit_code == 1
    assert "没有标记为推荐的案例" in result.stderr
    assert not (tmp_path / "out").exists()


def test_same_names_get_distinct_bundles(tmp_path: Path) -> None:
    root = tmp_path / "汇总"
    markdown_case(root / "a", "platform", 推荐="是")
    markdown_case(root / "b", "platform", 推荐="是")
    result = cli("pack", root, "--batch", "-o", tmp_path / "out", "-j", "1")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_dir())
    assert names[1] == f"{names[0]}-2"

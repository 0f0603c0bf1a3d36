"""Files known by what they say when their names do not (issue 9 review): 附件1/附件2 that
open with 综合材料/详细材料, （一）/（二） files titled …综合材料/…详细材料, a 申请表 beside the
drafts (read for the case's metadata, never a case), a case draft left at a province folder's
root, and the lists there: titles and seals skipped, entries without a category kept.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
from typer.testing import CliRunner

from caselint.cases.discover import FoundLists, Skipped, discover
from caselint.cli.app import app
from caselint.engine import Settings, check_case
from caselint.rulepack.pack import load_pack

PACK = load_pack()
SETTINGS = Settings(pack=PACK)
_CN = "一二三四五六"
HEADINGS = [
    "基本情况",
    "主要做法与实践",
    "取得成效",
    "可持续运营与发展预期",
    "存在的困难与对策",
    "下一阶段发展计划",
]
TEXT = "2024年平台累计办件41.3万件，同比增长52%，群众满意率95.3%（回访样本3500人）。"


def _part(path: Path, title: str, lines: list[str], marker: str | None = None) -> Path:
    """One part of a service case as a .docx: title, lines, an optional part line, six sections."""
    document = docx.Document()
    document.add_paragraph().add_run(title).bold = True
    for line in lines:
        document.add_paragraph(line)
    if marker:
        document.add_paragraph().add_run(marker).bold = True
    for i, heading in enumerate(HEADINGS):
        document.add_heading(f"{_CN[i]}、{heading}", level=2)
        document.add_paragraph(TEXT)
    document.save(str(path))
    return path


def _form(path: Path, rows: list[tuple[str, str]]) -> Path:
    document = docx.Document()
    document.add_paragraph().add_run("2025年全国广播电视媒体融合典型案例申请表").bold = True
    table = document.add_table(rows=len(rows), cols=2)
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    document.save(str(path))
    return path


def _one_case(folder: Path):
    skipped: list[Skipped] = []
    cases = discover([folder], PACK, skipped)
    assert [c.id for c in cases] == [folder.name]
    return cases[0], skipped


def test_attachments_named_by_number_are_one_case_by_their_part_lines(tmp_path: Path) -> None:
    folder = tmp_path / "河湾办"
    folder.mkdir()
    _part(folder / "附件1.docx", "“河湾办”政务民生服务平台", ["申报类别：综合信息服务"], "综合材料")
    _part(folder / "附件2.docx", "“河湾办”政务民生服务平台", [], "详细材料")
    case, _ = _one_case(folder)
    result = check_case(case, SETTINGS)
    assert sorted(p.file.rsplit("/", 1)[-1] for p in result.parts.values()) == [
        "附件1.docx",
        "附件2.docx",
    ]
    assert result.parts["summary"].file.endswith("附件1.docx")
    assert not [f for f in result.findings if f.rule in ("part-missing", "case-layout-ambiguous")]


def test_numbered_files_titled_with_their_part(tmp_path: Path) -> None:
    folder = tmp_path / "大河之声"
    folder.mkdir()
    _part(folder / "大河之声（一）.docx", "“大河之声”融合报道综合材料", ["申报类别：融合生产传播"])
    _part(folder / "大河之声（二）.docx", "“大河之声”融合报道详细材料", [])
    case, _ = _one_case(folder)
    result = check_case(case, SETTINGS)
    assert set(result.parts) == {"summary", "detailed"}
    assert result.metadata["case_name"] == "“大河之声”融合报道"
    # at a folder holding several cases, the pair still keeps its name whole
    other = tmp_path / "另一案例.md"
    other.write_text("# 另一案例\n", encoding="utf-8")
    ids = [c.id for c in discover([tmp_path], PACK)]
    assert "大河之声" in ids and not any(i.endswith("（一") for i in ids)


def test_an_application_form_beside_the_drafts_gives_metadata(tmp_path: Path) -> None:
    folder = tmp_path / "大河之声"
    folder.mkdir()
    _part(folder / "综合材料.docx", "“大河之声”融合报道", ["申报类别：融合生产传播"])
    _part(folder / "详细材料.docx", "“大河之声”融合报道", [])
    _form(
        folder / "申请表.docx",
        [("申报单位", "东川省广播电视台"), ("联系人", "王磊"), ("联系电话", "0531-88881234")],
    )
    case, skipped = _one_case(folder)
    assert [p.name for p in case.files] == ["综合材料.docx", "详细材料.docx"]
    assert case.form == folder / "申请表.docx"
    assert [(s.path.name, s.reason) for s in skipped] == [("申请表.docx", "application-form")]
    result = check_case(case, SETTINGS)
    assert result.metadata["contact"] == "王磊"
    assert result.metadata["sources"]["contact"] == {"kind": "form", "file": str(case.form)}
    assert result.metadata["province"] == "东川省"  # the unit says it


def test_a_form_named_otherwise_is_known_by_its_title_and_table(tmp_path: Path) -> None:
    folder = tmp_path / "大河之声"
    folder.mkdir()
    _part(folder / "综合材料.docx", "“大河之声”融合报道", ["申报类别：融合生产传播"])
    _part(folder / "详细材料.docx", "“大河之声”融合报道", [])
    _form(folder / "附件3.docx", [("联系人", "王磊")])
    case, _ = _one_case(folder)
    assert case.form == folder / "附件3.docx"
    assert "contact" in check_case(case, SETTINGS).metadata


def test_a_case_draft_at_a_province_root_is_checked(tmp_path: Path) -> None:
    root = tmp_path / "西岭省"
    (root / "01-河湾办").mkdir(parents=True)
    _part(root / "01-河湾办" / "河湾办.docx", "“河湾办”", ["申报类别：综合信息服务"], "综合材料")
    _part(root / "补报-掌上白水客户端.docx", "“掌上白水”客户端", ["申报类别：新媒体平台建设"])
    (root / "报送说明.md").write_text("请各单位于3月31日前报送。\n", encoding="utf-8")
    skipped: list[Skipped] = []
    cases = discover([root], PACK, skipped)
    assert sorted(c.id for c in cases) == ["01-河湾办", "补报-掌上白水客户端"]
    assert [(s.path.name, s.reason) for s in skipped] == [("报送说明.md", "not-a-case")]


def test_lists_at_the_root_as_offices_make_them(tmp_path: Path) -> None:
    """An .xlsx with a title row, a .docx table under a title with a seal row, a selected list
    of 名称——单位 lines without categories."""
    root = tmp_path / "西岭省"
    (root / "01-云上柳湾").mkdir(parents=True)
    _part(
        root / "01-云上柳湾" / "稿.docx",
        "“云上柳湾”客户端",
        ["申报类别：新媒体平台建设", "申报单位：柳湾县融媒体中心"],
        "综合材料",
    )
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["西岭省2025年全国广播电视媒体融合典型案例推荐汇总表"])
    sheet.append(["序号", "案例名称", "申报单位", "申报类别"])
    sheet.append([1, "“云上柳湾”客户端", "柳湾县融媒体中心", "新媒体平台建设"])
    sheet.append(["（盖章）", "", "填报日期：2025年4月3日", ""])
    book.save(root / "推荐汇总表.xlsx")
    (root / "往年入选名单.txt").write_text(
        "2024年入选案例\n1、云上柳湾客户端——柳湾县融媒体中心\n2. 某某平台（某某台）\n",
        encoding="utf-8",
    )
    found = FoundLists()
    skipped: list[Skipped] = []
    discover([root], PACK, skipped, found)
    reasons = {s.path.name: s.reason for s in skipped}
    assert reasons["推荐汇总表.xlsx"] == "shortlist-list"  # used, not "not a draft format"
    result = CliRunner().invoke(
        app, ["check", str(root), "--no-cache", "-j", "1", "-q", "-f", "json"]
    )
    report = json.loads(result.stdout)
    notes = [f["message"] for f in report["findings"] if f["rule"] == "list-used"]
    assert any("推荐汇总表.xlsx" in m and "（1 项）" in m for m in notes), notes
    assert not any("无法读出" in m or "盖章" in m for m in notes), notes
    assert any("2 项未写类别" in m and "云上柳湾客户端" in m for m in notes), notes
    (possible,) = [f for f in report["findings"] if f["rule"] == "previously-selected"]
    assert possible["severity"] == "warning" and possible["cases"] == ["01-云上柳湾"]
    assert "名单未写该案例的类别" in possible["message"]

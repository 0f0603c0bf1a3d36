"""Case information as forms are really filled in (issue 9 review): ticked boxes of every kind,
two categories, labels with （盖章）, two fields under one label, values on the next line,
provinces written with their county, units with a note, titles opening with a unit or a
category. Real .docx (python-docx) and Markdown; values, their sources and the findings.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from caselint.cases.case import CaseInput, assemble
from caselint.cases.metadata import case_info
from caselint.engine import Settings, check_case
from caselint.rulepack.pack import load_pack

PACK = load_pack()
SETTINGS = Settings(pack=PACK)
_CN = "一二三四五六"
HEADINGS = [
    "总体情况",
    "主要创新做法",
    "成效成果与社会反响",
    "可借鉴性与发展潜力",
    "问题困难与破解办法",
    "经验启示与下一步方向",
]
TEXT = "“掌上青岩”客户端于2021年上线，截至2024年底注册用户26.4万，同比增长18%。"


def _docx(path: Path, title: str, lines: list[str], table: list[tuple[str, str]] = ()) -> Path:
    """A platform draft: title, ``lines`` (and a two-column table) under it, both parts."""
    document = docx.Document()
    document.add_paragraph().add_run(title).bold = True
    if table:
        grid = document.add_table(rows=len(table), cols=2)
        for row, (label, value) in zip(grid.rows, table, strict=True):
            row.cells[0].text = label
            values = value.split("\n")
            row.cells[1].text = values[0]
            for more in values[1:]:
                row.cells[1].add_paragraph(more)
    for line in lines:
        document.add_paragraph(line)
    for part in ("综合材料", "详细材料"):
        document.add_paragraph().add_run(part).bold = True
        for i, heading in enumerate(HEADINGS):
            document.add_paragraph().add_run(f"{_CN[i]}、{heading}").bold = True
            document.add_paragraph(TEXT)
    document.save(str(path))
    return path


def _markdown(path: Path, title: str, lines: list[str]) -> Path:
    sections = "".join(f"## {_CN[i]}、{h}\n\n{TEXT}\n\n" for i, h in enumerate(HEADINGS))
    head = "".join(f"{line}\n\n" for line in lines)
    path.write_text(
        f"# {title}\n\n{head}# 综合材料\n\n{sections}# 详细材料\n\n{sections}", encoding="utf-8"
    )
    return path


def _info(path: Path, folder: Path | None = None, root: Path | None = None):
    case = CaseInput(id=path.stem, files=[path], folder=folder or path.parent, root=root)
    return case_info(assemble(case, PACK, "zh"), PACK)


def _check(path: Path):
    return check_case(CaseInput(id=path.stem, files=[path], folder=path.parent), SETTINGS)


# -- the category -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "申报类别：新媒体平台建设、综合信息服务",
        "申报类别：☑新媒体平台建设 ☑综合信息服务 □融合生产传播 □创新发展机制",
        "申报类别：新媒体平台建设（√）  融合生产传播（ ）  综合信息服务（√）",
    ],
    ids=["顿号", "两个勾", "括号两个勾"],
)
def test_two_categories_stated_is_an_error_saying_so(line: str, tmp_path: Path) -> None:
    result = _check(_docx(tmp_path / "稿.docx", "“掌上青岩”客户端建设案例", [line]))
    assert result.category is None
    (error,) = [f for f in result.findings if f.rule == "category-unknown"]
    assert error.severity == "error"
    assert error.message.startswith("申报类别写了2个：新媒体平台建设、")
    assert "每个案例只能申报一个类别" in error.message


@pytest.mark.parametrize(
    ("line", "category"),
    [
        (
            "申报类别：新媒体平台建设（√）  融合生产传播（ ）  综合信息服务（ ）  创新发展机制（ ）",
            "新媒体平台建设",
        ),
        ("申报类别：新媒体平台建设( )  融合生产传播(√)", "融合生产传播"),
        ("申报类别：[ ] 新媒体平台建设 [x] 综合信息服务", "综合信息服务"),
        ("申报类别：■创新发展机制 □新媒体平台建设", "创新发展机制"),
        ("申报类别：新媒体平台建设✓ 融合生产传播□", "新媒体平台建设"),
    ],
    ids=["括号勾", "半角括号勾", "[x]", "实心方块", "勾在后"],
)
def test_the_ticked_box_is_the_category(line: str, category: str, tmp_path: Path) -> None:
    result = _check(_markdown(tmp_path / "稿.md", "“掌上青岩”客户端", [line]))
    assert result.category == category
    assert result.metadata["category"] == category
    assert result.metadata["sources"]["category"]["kind"] == "text"


def test_the_category_with_its_suffix_is_named_as_the_pack_names_it(tmp_path: Path) -> None:
    result = _check(_markdown(tmp_path / "稿.md", "掌上青岩客户端", ["申报类别：新媒体平台建设类"]))
    assert result.category == result.metadata["category"] == "新媒体平台建设"


# -- labels and values --------------------------------------------------------------------------


def test_sealed_labels_and_two_fields_under_one_label(tmp_path: Path) -> None:
    path = _docx(
        tmp_path / "盖章.docx",
        "“掌上青岩”客户端建设案例",
        [
            "申报单位（盖章）：青岩县融媒体中心",
            "推荐单位（盖章）：西岭省广播电视局",
            "联系人及电话：周晓岚 13800001234",
            "填报日期：2025年3月20日",
        ],
    )
    info = _info(path)
    assert info.values["unit"] == "青岩县融媒体中心"
    assert info.values["recommender"] == "西岭省广播电视局"
    assert (info.values["contact"], info.values["phone"]) == ("周晓岚", "13800001234")
    assert info.sources["phone"].paragraph == info.sources["contact"].paragraph == 4
    # the recommender names the province when nothing else does, and a hint says so
    assert info.values["province"] == "西岭省"
    assert info.sources["province"].kind == "recommender"


def test_a_value_on_the_line_below_its_label(tmp_path: Path) -> None:
    path = _docx(
        tmp_path / "下一行.docx",
        "“掌上青岩”客户端建设案例",
        ["申报类别：", "新媒体平台建设", "申报单位：", "青岩县融媒体中心"],
    )
    info = _info(path)
    assert info.values["category"] == "新媒体平台建设"
    assert info.sources["category"].paragraph == 3
    assert info.values["unit"] == "青岩县融媒体中心"
    assert info.sources["unit"].paragraph == 5


def test_a_table_cell_of_ticked_lines(tmp_path: Path) -> None:
    table = [
        ("申报类别", "□新媒体平台建设\n☑融合生产传播\n□综合信息服务"),
        ("申报单位", "青岩县融媒体中心"),
    ]
    info = _info(_docx(tmp_path / "表格.docx", "“掌上青岩”客户端建设案例", [], table))
    assert info.values["category"] == "融合生产传播"
    assert info.sources["category"].table == 1 and info.sources["category"].row == 1


def test_values_as_forms_want_them(tmp_path: Path) -> None:
    lines = "申报类别：新媒体平台建设|地区：西岭省青岩县|联系方式：周晓岚 13800001234|申报单位：青岩县融媒体中心（西岭省）"
    values = _check(_markdown(tmp_path / "稿.md", "掌上青岩客户端建设", lines.split("|"))).metadata
    assert values["province"] == "西岭省"
    assert (values["contact"], values["phone"]) == ("周晓岚", "13800001234")
    assert values["unit"] == "青岩县融媒体中心"


# -- the title ---------------------------------------------------------------------------------


def test_a_title_opening_with_its_unit_without_a_separator(tmp_path: Path) -> None:
    info = _info(
        _markdown(tmp_path / "稿.md", "溪口市融媒体中心工作室制改革", ["类别：创新发展机制"])
    )
    assert info.values["unit"] == "溪口市融媒体中心" and info.sources["unit"].kind == "title"
    assert info.values["case_name"] == "工作室制改革"


def test_a_title_opening_with_its_category(tmp_path: Path) -> None:
    path = _markdown(
        tmp_path / "稿.md", "综合信息服务类案例：“云上柳湾”客户端", ["申报单位：柳湾县融媒体中心"]
    )
    result = _check(path)
    assert result.metadata["case_name"] == "“云上柳湾”客户端"
    assert result.category == "综合信息服务"


# -- the province ------------------------------------------------------------------------------


def test_the_province_from_the_folder_name(tmp_path: Path) -> None:
    root = tmp_path / "西岭省2025年媒体融合典型案例申报"
    folder = root / "01-掌上青岩"
    folder.mkdir(parents=True)
    path = _markdown(folder / "稿.md", "“掌上青岩”客户端", ["申报单位：青岩县融媒体中心"])
    info = _info(path, folder, root)
    assert info.values["province"] == "西岭省"
    assert info.sources["province"].kind == "folder_name"
    assert info.sources["province"].file == str(root)


def test_the_province_from_the_unit_comes_before_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "东川省" / "大河之声"
    folder.mkdir(parents=True)
    path = _markdown(folder / "稿.md", "“大河之声”融合报道", ["申报单位：西岭省广播电视台"])
    result = _check(path)
    assert result.metadata["province"] == "西岭省"
    (hint,) = [f for f in result.findings if f.rule == "metadata-missing" and f.severity == "info"]
    assert hint.message == "案例未写省份，按申报单位名称取“西岭省”计入名额"


@pytest.mark.parametrize(
    ("written", "province"),
    [
        ("广西南宁市", "广西壮族自治区"),
        ("河北省石家庄市", "河北省"),
        ("新疆生产建设兵团第八师", "新疆生产建设兵团"),
        ("北京", "北京市"),
    ],
)
def test_provinces_by_their_full_names(written: str, province: str, tmp_path: Path) -> None:
    path = _markdown(tmp_path / "稿.md", "“掌上青岩”客户端", [f"所属地区：{written}"])
    assert _info(path).values["province"] == province


def test_a_folder_not_named_for_a_province_still_agrees_on_one(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from caselint.cli.app import app

    root = tmp_path / "2025年申报材料"
    for name, lines in (
        ("01-掌上青岩", ["申报单位：青岩县融媒体中心", "省份：西岭省"]),
        ("02-云上柳湾", ["申报单位：柳湾县融媒体中心"]),
    ):
        (root / name).mkdir(parents=True)
        _markdown(root / name / "稿.md", "“掌上青岩”客户端", ["申报类别：新媒体平台建设", *lines])
    result = CliRunner().invoke(
        app, ["check", str(root), "--no-cache", "-j", "1", "-q", "-f", "json"]
    )
    report = json.loads(result.stdout)
    (case,) = [c for c in report["cases"] if c["id"] == "02-云上柳湾"]
    assert case["metadata"]["province"] == "西岭省"
    assert case["metadata"]["sources"]["province"] == {"kind": "folder"}

"""No category silently lost: names of other years, parts of names, and the text itself.

The inference is judged on drafts written for this project independently of the scorer — the
four compliant fixtures, the problem drafts and the fifteen cases of ``examples/province-东湖省``
— with their stated category removed: it must name the right category or admit it cannot tell,
never confidently name a wrong one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from caselint.cases.case import CaseInput, assemble
from caselint.cases.category import resolve, shared_elements
from caselint.engine import Settings, check_case
from caselint.rulepack.pack import load_pack
from support.cases import body, build_docx_case, compliant

PACK = load_pack()
SETTINGS = Settings(pack=PACK)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def _check(path: Path):
    return check_case(CaseInput(id=path.stem, files=[path], folder=path.parent), SETTINGS)


def _without_category(text: str) -> str:
    return re.sub(r"^类别:.*\n", "", text, flags=re.MULTILINE)


@pytest.mark.parametrize("alias", ["体制机制改革", "体制机制创新", "创新机制", "创新机制类"])
def test_names_of_other_years_are_the_mechanism_category(alias: str, tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(
        _without_category(compliant("mechanism")).replace("---\n", f"---\n类别: {alias}\n", 1),
        encoding="utf-8",
    )
    result = _check(path)
    assert result.category == "创新发展机制"
    assert not [f for f in result.findings if f.rule.startswith("category-")]


def test_an_unambiguous_part_of_a_name_in_the_title(tmp_path: Path) -> None:
    text = body(compliant("production"))
    title = text.lstrip().splitlines()[0]
    text = text.replace(title, "# 青禾台“节气”全媒体协同生产传播实践", 1)
    path = build_docx_case(text, tmp_path / "节气.docx", heading_style="bold")
    result = _check(path)
    assert result.category == "融合生产传播"
    assert result.metadata["sources"]["category"]["kind"] == "title"
    assert not [f for f in result.findings if f.rule.startswith("category-")]


def test_a_part_shared_by_two_names_names_none(tmp_path: Path) -> None:
    from caselint.cases.category import named_in

    assert named_in("媒体融合发展报告", PACK, partial=True) is None  # 发展 alone, 融合 alone
    assert named_in("综合信息服务平台建设", PACK, partial=True).name == "综合信息服务"
    assert named_in("“爱江川”政务民生信息服务", PACK, partial=True).name == "综合信息服务"


def test_inferred_category_is_a_warning_and_every_check_runs(tmp_path: Path) -> None:
    text = body(compliant("platform"))
    # no category anywhere, and element 5 dropped: the element check must still run
    text = re.sub(r"## 五、存在的困难与对策\n\n.*?\n\n", "", text, count=1, flags=re.DOTALL)
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    result = _check(path)
    assert result.category == "新媒体平台建设"
    assert result.metadata["sources"]["category"] == {"kind": "inferred"}
    (inferred,) = [f for f in result.findings if f.rule == "category-inferred"]
    assert inferred.severity == "warning" and inferred.code == "S005"
    assert "新媒体平台建设" in inferred.message
    assert re.search(r"客户端 \d+次", inferred.message)
    assert "category-unknown" not in {f.rule for f in result.findings}
    missing = [f for f in result.findings if f.rule == "element-missing" and f.severity == "error"]
    assert [f.element for f in missing] == [5]


def _mixed() -> str:
    from caselint.checks.category_unknown import _MIXED_DETAILED, _MIXED_SUMMARY

    return "# “爱山城”客户端政务服务专区\n\n" + _MIXED_SUMMARY + "\n" + _MIXED_DETAILED


def test_close_call_names_two_candidates_and_checks_shared_elements(tmp_path: Path) -> None:
    text = _mixed().replace(
        "## 五、存在的困难与对策\n部门数据接口不统一，通过市大数据局统一对接解决。\n", ""
    )
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    result = _check(path)
    assert result.category is None
    (unknown,) = [f for f in result.findings if f.rule == "category-unknown"]
    assert unknown.severity == "error"
    assert "最接近“" in unknown.message and "其次是“" in unknown.message
    named = set(
        re.findall(r"“(新媒体平台建设|综合信息服务|融合生产传播|创新发展机制)”", unknown.message)
    )
    assert named == {"新媒体平台建设", "综合信息服务"}
    element = [f for f in result.findings if f.rule == "element-missing"]
    partial = [f for f in element if f.severity == "info"]
    assert len(partial) == 1 and "1、2、3、5" in partial[0].message and "4、6" in partial[0].message
    assert [f.element for f in element if f.severity == "error"] == [5]
    focus = [f for f in result.findings if f.rule == "category-focus"]
    assert focus and "未检查" in focus[0].message


def test_shared_elements_are_1_2_3_and_5() -> None:
    assert [e.n for e in shared_elements(PACK).elements] == [1, 2, 3, 5]


def _drafts() -> list[Path]:
    paths = sorted((EXAMPLES / "province-东湖省").glob("*/"))
    return [p for p in paths if p.is_dir()]


@pytest.mark.parametrize("folder", _drafts(), ids=lambda p: p.name)
def test_inference_is_never_confidently_wrong_on_the_province_examples(
    folder: Path, tmp_path: Path
) -> None:
    from caselint.rulepack.files import tomllib

    stated = tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))
    expected = PACK.category(str(stated["类别"])).name
    target = tmp_path / "case"
    target.mkdir()
    for draft in folder.glob("*.md"):
        text = draft.read_text(encoding="utf-8")
        # the folder's category stays out of reach: neutral names, no category in the text
        (target / draft.name.replace(folder.name.split("-", 1)[1], "稿件")).write_text(
            _FRONT.sub("", text), encoding="utf-8"
        )
    case = assemble(
        CaseInput(id="case", files=sorted(target.glob("*.md")), folder=target), PACK, "zh"
    )
    resolution = resolve(case, PACK)
    if resolution.category is not None:
        assert resolution.category.name == expected, resolution.inference


@pytest.mark.parametrize("category_id", ["platform", "production", "service", "mechanism"])
def test_inference_reads_the_compliant_drafts(category_id: str, tmp_path: Path) -> None:
    path = tmp_path / "稿件.md"
    text = body(compliant(category_id))
    title = text.lstrip().splitlines()[0]
    path.write_text(text.replace(title, "# 案例材料", 1), encoding="utf-8")
    result = _check(path)
    assert (
        result.category
        == PACK.categories[
            ["platform", "production", "service", "mechanism"].index(category_id)
        ].name
    )
    assert "category-inferred" in {f.rule for f in result.findings}

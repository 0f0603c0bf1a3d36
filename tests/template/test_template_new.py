"""``caselint new``'s templates: the right shape, guidance that is never text, and a round trip
through ``check`` for every category and both formats (fresh → what is missing; filled → pass)."""

from __future__ import annotations

import io
import re
import zipfile
from copy import deepcopy
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from template_fill import CASE_NAME, DETAILED, METADATA, SUMMARY

from caselint.cases.discover import case_for_file
from caselint.core.model import Story
from caselint.engine import Settings, check_case
from caselint.readers import read_document
from caselint.rulepack.pack import load_pack
from caselint.template import UnknownCategoryError, find_category, new_draft
from caselint.template.outline import build, heading
from caselint.text.count import count_blocks
from support.docx_build import custom_xml
from support.office import needs_soffice, soffice_convert

PACK = load_pack(None)
CATEGORIES = [c.id for c in PACK.categories]
FORMATS = ["docx", "md"]
DIMENSIONS = {d.name for d in PACK.data.dimensions}


def _write(tmp_path: Path, category: str, fmt: str, name: str = "草稿") -> Path:
    path = tmp_path / f"{name}.{fmt}"
    path.write_bytes(new_draft(PACK, category, fmt))  # type: ignore[arg-type]
    return path


def _check(path: Path):
    return check_case(case_for_file(path, PACK), Settings(pack=PACK))


def _rules(result, severity: str | None = None) -> list[str]:
    return [f.rule for f in result.findings if severity is None or f.severity == severity]


# -- what a template holds -------------------------------------------------------------------


def test_category_by_name_id_or_alias() -> None:
    assert find_category(PACK, "融合生产传播").id == "production"
    assert find_category(PACK, "production").name == "融合生产传播"
    assert find_category(PACK, "体制机制改革").name == "创新发展机制"  # 2024's name
    with pytest.raises(UnknownCategoryError) as caught:
        find_category(PACK, "网络视听")
    assert caught.value.choices == [c.name for c in PACK.categories]


@pytest.mark.parametrize("category", CATEGORIES)
def test_outline_follows_the_notice(category: str) -> None:
    chosen = find_category(PACK, category)
    template = build(PACK, chosen)
    assert [p.title for p in template.parts] == ["综合材料", "详细材料"]
    expected = [heading(e) for e in chosen.elements]
    assert expected[0].startswith("一、") and expected[5].startswith("六、")
    for part in template.parts:
        assert [s.heading for s in part.sections] == expected
        assert all(s.guides for s in part.sections)  # a one-line guide under every heading
    # The summary's guides quote the notice's own wording of each element.
    for section, element in zip(template.parts[0].sections, chosen.elements, strict=True):
        assert element.title in section.guides[0].text
    # Every data dimension is prompted, with the pack's advice, in the detailed part.
    detailed = template.parts[1]
    prompts = [g.text for s in detailed.sections for g in s.guides] + [
        g.text for g in detailed.guides
    ]
    for dimension in PACK.data.dimensions:
        assert any(f"数据·{dimension.name}：{dimension.advice}" in t for t in prompts)
    assert chosen.emphasis in detailed.guides[0].text
    metadata = {m.label: m.value for m in template.metadata}
    assert list(metadata) == [
        "类别",
        "案例名称",
        "申报单位",
        "单位层级",
        "省份",
        "联系人",
        "联系电话",
        "推荐",
    ]
    assert metadata["类别"] == chosen.name


def test_markdown_template_text() -> None:
    text = new_draft(PACK, "融合生产传播", "md").decode("utf-8")
    assert text.startswith('---\n类别: "融合生产传播"\n案例名称: ""\n')
    assert "\n# 综合材料\n" in text and "\n# 详细材料\n" in text
    assert "## 一、总体情况" in text and "## 六、下一阶段发展计划与推进方向" in text
    # Every guide is an HTML comment; outside comments and front matter only headings remain.
    body = text.split("---\n", 2)[2]
    visible = re.sub(r"<!--.*?-->", "", body, flags=re.DOTALL)
    assert "指引" not in visible and "数据·" not in visible
    assert all(line.startswith("#") for line in visible.splitlines() if line.strip())


def test_docx_template_structure() -> None:
    document = docx.Document(io.BytesIO(new_draft(PACK, "综合信息服务", "docx")))
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert ("Heading 1", "综合材料") in styles and ("Heading 1", "详细材料") in styles
    assert ("Heading 2", "三、成效成果与社会反响") in styles
    instructions = [el.text for el in document.element.body.iter(qn("w:instrText"))]
    assert instructions and all(i.startswith(" MACROBUTTON NoMacro ［") for i in instructions)
    assert any("数据·收支情况" in i for i in instructions)
    # python-docx's paragraph text (what Word shows once a field is typed over) has no guide.
    assert not any("指引" in p.text for p in document.paragraphs)


def test_docx_metadata_is_in_custom_properties_never_in_the_body(tmp_path: Path) -> None:
    path = _write(tmp_path, "platform", "docx")
    with zipfile.ZipFile(path) as archive:
        custom = archive.read("docProps/custom.xml").decode("utf-8")
    for label in ("类别", "案例名称", "申报单位", "单位层级", "省份", "联系人", "联系电话", "推荐"):
        assert f'name="{label}"' in custom
    document = read_document(path)
    assert document.metadata["类别"] == "新媒体平台建设"
    assert document.metadata["申报单位"] == ""
    body = "".join(b.text for b in document.blocks)
    assert "申报单位" not in body and "新媒体平台建设" not in body


# -- fresh templates -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("category", CATEGORIES)
def test_fresh_template_reports_what_is_missing(tmp_path: Path, category: str, fmt: str) -> None:
    path = _write(tmp_path, category, fmt)
    result = _check(path)
    chosen = find_category(PACK, category)
    assert result.category == chosen.name
    # Every element heading is recognised, in both parts.
    assert {(e.part, e.n) for e in result.elements if e.heading} == {
        (part, e.n) for part in ("summary", "detailed") for e in chosen.elements
    }
    assert "element-missing" not in _rules(result)
    assert "element-order" not in _rules(result)
    # Both parts are found, and both are reported as still empty (headings only).
    empty_parts = [f for f in result.findings if f.rule == "part-missing"]
    assert [(f.part, "只有标题" in f.message) for f in empty_parts] == [
        ("summary", True),
        ("detailed", True),
    ]
    # What is still empty is reported: every summary section, every data dimension, the
    # metadata (an empty results section is element-missing's, not a missing figure).
    missing = {
        f.dimension
        for f in result.findings
        if f.rule == "data-dimension-missing" and f.severity == "warning"
    }
    assert missing == DIMENSIONS
    assert "unquantified-claim" not in _rules(result)
    assert {
        f.dimension
        for f in result.findings
        if f.rule == "data-dimension-missing" and f.severity == "info"
    } == {
        "comparison",
        "cutoff",
    }
    metadata = next(f for f in result.findings if f.rule == "metadata-missing")
    assert "申报单位" in metadata.message and "联系电话" in metadata.message
    # Guides are never counted: each part counts exactly its headings.
    for name, part in (("summary", "综合材料"), ("detailed", "详细材料")):
        headings = sum(len(heading(e)) for e in chosen.elements)
        assert result.parts[name].words == headings, part


@pytest.mark.parametrize("fmt", FORMATS)
def test_guides_are_never_text(tmp_path: Path, fmt: str) -> None:
    document = read_document(_write(tmp_path, "production", fmt))
    for block in document.blocks:
        assert "指引" not in block.text and "数据·" not in block.text
        assert "请" not in block.text


# -- filling a template --------------------------------------------------------------------


def _fill_markdown(path: Path, category: str) -> None:
    """Write each section's text under its heading, leaving the guide comments in place."""
    lines = path.read_text(encoding="utf-8").splitlines()
    chosen = find_category(PACK, category)
    numbers = {heading(e): e.n for e in chosen.elements}
    out: list[str] = []
    part = None
    pending: list[str] = []
    for line in lines:
        if line.startswith("# ") and line[2:] in ("综合材料", "详细材料"):
            out.extend(pending)
            pending = []
            part = line[2:]
        elif line.startswith("## ") and line[3:] in numbers:
            out.extend(pending)
            n = numbers[line[3:]]
            texts = [SUMMARY[category][n]] if part == "综合材料" else DETAILED[category][n]
            pending = [""] + [x for t in texts for x in (t, "")]
        elif line.startswith("案例名称:"):
            line = f'案例名称: "{CASE_NAME[category]}"'
        elif line.split(":")[0] in METADATA and line.split(":")[0] != "案例名称":
            line = f'{line.split(":")[0]}: "{METADATA[line.split(":")[0]]}"'
        elif line.startswith("# （"):
            line = f"# {CASE_NAME[category]}"
        out.append(line)
    out.extend(pending)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _fill_docx(path: Path, category: str) -> None:
    """Type each section's text over its first guide field (the others stay, as an author who
    never deletes them would leave them), and fill the metadata in the custom properties."""
    document = docx.Document(str(path))
    chosen = find_category(PACK, category)
    numbers = {heading(e): e.n for e in chosen.elements}
    part = None
    filled: set[tuple[str, int]] = set()
    current: int | None = None
    for paragraph in list(document.paragraphs):
        style = paragraph.style.name
        if style == "Heading 1":
            part, current = paragraph.text, None
            continue
        if style == "Heading 2":
            current = numbers.get(paragraph.text)
            continue
        has_field = paragraph._p.find(f".//{qn('w:instrText')}") is not None
        if not has_field:
            continue
        if part is None and current is None:  # the title line
            _type_over(paragraph, CASE_NAME[category])
            continue
        if current is None or (part, current) in filled:
            continue
        filled.add((part, current))
        texts = [SUMMARY[category][current]] if part == "综合材料" else DETAILED[category][current]
        _type_over(paragraph, texts[0])
        anchor = paragraph
        for text in texts[1:]:
            new = deepcopy(anchor._p)
            anchor._p.addnext(new)
            anchor = type(paragraph)(new, paragraph._parent)
            _type_over(anchor, text)
    document.save(str(path))
    values = {**METADATA, "案例名称": CASE_NAME[category], "类别": chosen.name}
    _replace_member(path, "docProps/custom.xml", custom_xml(values).encode("utf-8"))


def _type_over(paragraph, text: str) -> None:
    """What Word does when an author clicks a placeholder field and types: the field goes."""
    for run in list(paragraph._p.findall(qn("w:r"))):
        paragraph._p.remove(run)
    paragraph.add_run(text)


def _replace_member(path: Path, name: str, data: bytes) -> None:
    source = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info, data if info.filename == name else old.read(info.filename))
    path.write_bytes(out.getvalue())


def _fill(path: Path, category: str) -> None:
    (_fill_docx if path.suffix == ".docx" else _fill_markdown)(path, category)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("category", CATEGORIES)
def test_filled_template_passes(tmp_path: Path, category: str, fmt: str) -> None:
    path = _write(tmp_path, category, fmt)
    _fill(path, category)
    result = _check(path)
    assert result.verdict == "pass", [f.message for f in result.findings]
    assert _rules(result, "error") == []
    rules = _rules(result)
    for gone in ("element-missing", "data-dimension-missing"):
        assert gone not in rules, [f.message for f in result.findings]
    assert "metadata-missing" not in rules
    assert "category-focus" not in rules
    assert result.metadata["case_name"] == CASE_NAME[category]
    assert result.parts["summary"].words <= 1000 and result.parts["detailed"].words <= 5000


@pytest.mark.parametrize("category", CATEGORIES)
def test_guides_left_in_place_change_nothing(tmp_path: Path, category: str) -> None:
    """A filled .docx (guide fields left under each section) counts and checks exactly like
    the filled Markdown (guide comments left in place)."""
    docx_path = _write(tmp_path, category, "docx")
    md_path = _write(tmp_path, category, "md")
    _fill(docx_path, category)
    _fill(md_path, category)
    word, markdown = read_document(docx_path), read_document(md_path)

    def main(document):
        return [b.text for b in document.blocks if b.story is Story.MAIN and b.text.strip()]

    assert main(word) == main(markdown)
    assert count_blocks(word.blocks).words == count_blocks(markdown.blocks).words
    docx_result, md_result = _check(docx_path), _check(md_path)
    assert sorted(f.rule for f in docx_result.findings) == sorted(
        f.rule for f in md_result.findings
    )


@needs_soffice
def test_docx_template_opens_in_libreoffice(tmp_path: Path) -> None:
    path = _write(tmp_path, "mechanism", "docx")
    shown = soffice_convert(path, "txt:Text (encoded):UTF8", tmp_path).read_text(
        encoding="utf-8-sig"
    )
    # LibreOffice shows the placeholders (the author sees the guides) and the headings.
    assert "［点击此处输入案例名称］" in shown
    assert "一、总体情况" in shown and "［指引：写创新发展机制的总体情况" in shown

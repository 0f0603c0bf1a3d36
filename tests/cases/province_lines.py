"""A province folder as an office receives it when stations write everything in their drafts.

Fourteen cases from ``examples/province-东湖省`` (case 14, the imitation of a 2024 winner, left
out): each draft states its category and unit only in its own lines under the title
(``申报类别：…`` / ``申报单位：…``), its name only in the title; ``case.toml`` holds no more than
省份, 联系人 and 联系电话 (and one case not even its province). The parts come in every way
offices see them: one Markdown file holding both, ``…-综合.docx`` / ``…-详细.docx``, two files
whose front matter says ``part: 综合材料`` / ``part: 详细材料`` whatever their names. At the
root: ``推荐汇总表.md`` (the shortlist, twelve cases, five of them 新媒体平台建设 — one over the
quota of four) and ``2024年入选名单.txt``, last year's list as published — numbered lines
under category headings — naming 11-广电农业数据服务.
"""

from __future__ import annotations

import re
from pathlib import Path

from caselint.rulepack.files import tomllib
from support.cases import build_docx_case
from support.inputs import write_docx

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "province-东湖省"
LEFT_OUT = "14-温岭融媒县域治理平台"
#: The case with no province anywhere: it takes the folder's.
NO_PROVINCE = "09-桑榆帮办"
RESUBMITTED = "11-广电农业数据服务"
#: Cases the shortlist leaves out (so it names 12: five platform, over the quota of four).
NOT_SHORTLISTED = {"13-青禾中心制改革", "07-石门村晚融媒直播"}


def _meta(folder: Path) -> dict[str, str]:
    return {k: str(v) for k, v in tomllib.loads((folder / "case.toml").read_text("utf-8")).items()}


def _parts(folder: Path) -> tuple[str, str]:
    files = sorted(folder.glob("*.md"))
    if len(files) == 1:
        text = files[0].read_text(encoding="utf-8")
        return text[: text.index("# 详细材料")], text[text.index("# 详细材料") :]
    summary = next(f for f in files if "综合" in f.stem).read_text(encoding="utf-8")
    detailed = next(f for f in files if "详细" in f.stem).read_text(encoding="utf-8")
    return "# 综合材料\n\n" + summary, "# 详细材料\n\n" + detailed


def _head(meta: dict[str, str]) -> str:
    return (
        f"# {meta['申报单位']}{meta['案例名称']}\n\n"
        f"申报类别：{meta['类别']}\n\n申报单位：{meta['申报单位']}\n\n"
    )


def case_names() -> dict[str, str]:
    """Case id → the name caselint must read from the title (the case name)."""
    return {
        folder.name: _meta(folder)["案例名称"]
        for folder in sorted(EXAMPLES.iterdir())
        if folder.is_dir() and folder.name != LEFT_OUT
    }


def build(root: Path) -> Path:
    """Write the province folder under ``root`` and return it."""
    province = root / "东湖省"
    province.mkdir(parents=True)
    names = case_names()
    for index, case_id in enumerate(names):
        source = EXAMPLES / case_id
        meta = _meta(source)
        folder = province / case_id
        folder.mkdir()
        keys = ["联系人", "联系电话"] + ([] if case_id == NO_PROVINCE else ["省份"])
        (folder / "case.toml").write_text(
            "".join(f'"{k}" = "{meta[k]}"\n' for k in keys), encoding="utf-8"
        )
        summary, detailed = _parts(source)
        head = _head(meta)
        layout = index % 3
        if layout == 0:  # one Markdown file holding both parts
            (folder / "材料.md").write_text(head + summary + "\n" + detailed, encoding="utf-8")
        elif layout == 1:  # 简称-综合.docx / 简称-详细.docx
            stem = re.sub(r"^\d+-", "", case_id)
            build_docx_case(head + summary, folder / f"{stem}-综合.docx", heading_style="numbering")
            build_docx_case(detailed, folder / f"{stem}-详细.docx", heading_style="styles")
        else:  # names that say nothing; the front matter says which part
            (folder / "概要.md").write_text(
                "---\npart: 综合材料\n---\n" + head + summary, encoding="utf-8"
            )
            (folder / "正文.md").write_text(
                "---\n部分: 详细材料\n---\n" + detailed, encoding="utf-8"
            )
    rows = ["| 序号 | 案例名称 | 申报单位 | 类别 |", "|---|---|---|---|"]
    number = 0
    for case_id, name in names.items():
        if case_id in NOT_SHORTLISTED:
            continue
        number += 1
        meta = _meta(EXAMPLES / case_id)
        rows.append(f"| {number} | {name} | {meta['申报单位']} | {meta['类别']} |")
    (province / "推荐汇总表.md").write_text(
        "# 东湖省推荐汇总表\n\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    (province / "2024年入选名单.txt").write_text(
        "2024年全国广播电视媒体融合典型案例入选名单\n"
        "一、新媒体平台建设（10个）\n"
        "1. 澜沧江融媒客户端（澜沧县融媒体中心）\n"
        "二、综合信息服务（10个）\n"
        "1. 广电+农业数据服务平台（东湖广电网络股份有限公司）\n"
        "2、某某县智慧广电乡村服务——某某县融媒体中心\n"
        "3. （单位待补）\n",
        encoding="utf-8",
    )
    # a real notice, not a case: prose, no parts, no case information under its title
    write_docx(
        province / "报送通知.docx",
        [
            "各市、县（区）广播电视台、融媒体中心：",
            "现将2025年全国广播电视媒体融合典型案例征集工作有关事项通知如下，请于3月31日前报送。",
            "报送材料须经本单位审核，联系人见附件。",
        ],
        heading="关于报送2025年媒体融合典型案例的通知",
    )
    return province

"""A provincial intake folder of 15 cases, as a provincial bureau's shared drive holds it.

Built from the drafts of ``examples/province-东湖省`` (Markdown, a few rendered as .docx) with
metadata chosen by the tests, plus everything a real shared folder accumulates and discovery
must leave out or flag::

    东湖省/
      ~$草稿.docx                          Office lock file           (skipped: lock-file)
      .~lock.汇总表.xlsx#                   LibreOffice lock file      (skipped: lock-file)
      .DS_Store                             hidden file                (skipped: hidden)
      README.md                             notes on the folder        (skipped: readme)
      .备份/旧稿.md                         hidden folder              (skipped: hidden)
      已打包/东湖省-…/manifest.json …       an old caselint bundle     (skipped: caselint-output)
      已打包/东湖省-….检查报告.md           its check report beside it (skipped: caselint-output)
      01-东湖新闻客户端/ …-综合材料.md …-详细材料.md case.toml (Chinese keys)
      02-南屏发布短视频矩阵/ one .md, case.toml, 盖章扫描件.pdf (skipped: unsupported)
      03-爱澄溪客户端/ one .md, case.yaml (English keys)
      04-东湖云技术平台/ two .md, case.toml
      05-云渡乡村账号矩阵/ one .md, case.toml        → 5 × 新媒体平台建设: one over the quota
      06-跟着节气看东湖/ one .md, case.toml          → weak match with a --selected row
      07-石门村晚融媒直播/ two .md, case.toml without 联系人 / 联系电话 → metadata-missing
      08-南屏早知道/ one .md, case.toml              → 提名 in 2024: never blocks
      09-桑榆帮办/ 桑榆帮办.docx (metadata in custom document properties)
      10-白石应急广播网格/ …-综合材料v1.docx …-综合材料v2.docx …-详细材料.md case.toml
                                                    → case-layout-ambiguous naming v1 and v2
      11-广电农业数据服务/ one .md, case.toml        → confident same-category re-submission
      市县台报送/ flat: 柳港台-综合材料.md 柳港台-详细材料.md 柳港台.case.toml
                        青禾台-综合材料.md 青禾台-详细材料.md 青禾台.case.toml
                        柳港台-综合材料.审阅.docx (annotated copy: skipped)
      14-温岭融媒县域治理平台/ one .md, case.toml    → the 2024 winner, unit 温岭融媒, 《name》
      15-东湖台首席制工作室制/ one .md, case.toml
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from caselint.rulepack.pack import load_pack
from support.cases import build_docx_case

PACK = load_pack()

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "province-东湖省"
PROVINCE = "东湖省"

PLATFORM = "新媒体平台建设"
PRODUCTION = "融合生产传播"
SERVICE = "综合信息服务"
MECHANISM = "创新发展机制"

#: The real 2024 winner shipped in the pack (rules/nrta-2025/selected-2024.csv).
WENLING_NAME = "温岭融媒打造全国一流的县域治理现代化服务平台"
WENLING_UNIT = "温岭市融媒体中心"

#: Case id → (category as the metadata writes it, case name, unit).
CASES: dict[str, tuple[str, str, str]] = {
    "01-东湖新闻客户端": (PLATFORM, "“东湖新闻”客户端省级移动传播主平台", "东湖省广播电视总台"),
    "02-南屏发布短视频矩阵": (PLATFORM, "“南屏发布”短视频账号矩阵建设", "南屏市广播电视台"),
    "03-爱澄溪客户端": (PLATFORM, "“爱澄溪”县级客户端建设与运营", "澄溪县融媒体中心"),
    "04-东湖云技术平台": (PLATFORM, "“东湖云”省域融媒体技术支撑平台", "东湖广电网络股份有限公司"),
    "05-云渡乡村账号矩阵": (PLATFORM, "“云渡乡村”短视频账号矩阵", "云渡县融媒体中心"),
    "06-跟着节气看东湖": (PRODUCTION, "《跟着节气看东湖》大小屏融合传播", "东湖省广播电视总台"),
    "07-石门村晚融媒直播": (PRODUCTION, "石门县“村晚”融媒直播", "石门县融媒体中心"),
    "08-南屏早知道": (PRODUCTION, "《南屏早知道》市县协同融合新闻产品", "南屏市广播电视台"),
    "09-桑榆帮办": (SERVICE, "“桑榆帮办”县域民生诉求融媒服务平台", "桑榆县融媒体中心"),
    "10-白石应急广播网格": (SERVICE, "白石县“应急广播+网格”基层治理服务", "白石县融媒体中心"),
    "11-广电农业数据服务": (SERVICE, "“广电+农业”数据服务平台", "东湖广电网络股份有限公司"),
    "市县台报送/柳港台": (SERVICE, "“柳港帮帮团”社区民生服务", "柳港区融媒体中心"),
    "市县台报送/青禾台": (MECHANISM, "青禾市广播电视台“频道制”向“中心制”改革", "青禾市广播电视台"),
    "14-温岭融媒县域治理平台": ("体制机制改革", f"《{WENLING_NAME}》", "温岭融媒"),
    "15-东湖台首席制工作室制": (
        MECHANISM,
        "东湖台“首席制+工作室制”人才激励机制",
        "东湖省广播电视总台",
    ),
}
CASE_IDS = sorted(CASES)
PLATFORM_CASES = [cid for cid, (category, _, _) in CASES.items() if category == PLATFORM]

#: What ``--verbose`` must report as skipped (path relative to the folder → reason).
SKIPPED = {
    "~$草稿.docx": "lock-file",
    ".~lock.汇总表.xlsx#": "lock-file",
    ".DS_Store": "hidden",
    ".备份": "hidden",
    "已打包/东湖省-东湖省广播电视总台-旧案例": "caselint-output",
    "已打包/东湖省-东湖省广播电视总台-旧案例.检查报告.md": "caselint-output",
    "市县台报送/柳港台-综合材料.审阅.docx": "caselint-output",
    "README.md": "readme",
    "02-南屏发布短视频矩阵/盖章扫描件.pdf": "unsupported",
}

#: ``--selected`` rows (besides the shipped Wenling row): a confident same-category match, a
#: weak match, a nomination, and a row whose name matches nothing.
SELECTED_ROWS = [
    # year, category, case_name, unit, status
    (2024, SERVICE, "广电+农业数据服务平台", "东湖广电网络股份有限公司", "入选"),
    (2024, PRODUCTION, "跟着节气看东湖融媒体传播", "东湖省广播电视总台", "入选"),
    (2024, PRODUCTION, "“南屏早知道”市县协同融合新闻产品", "南屏市广播电视台", "提名"),
    (2024, PLATFORM, "澜沧江融媒客户端", "澜沧县融媒体中心", "入选"),
]


def example(relative: str) -> str:
    return (EXAMPLES / relative).read_text(encoding="utf-8")


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def write_toml(path: Path, metadata: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{toml_value(key)} = {toml_value(value)}" for key, value in metadata.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def chinese_metadata(case_id: str, **extra: Any) -> dict[str, Any]:
    category, name, unit = CASES[case_id]
    data = {
        "案例名称": name,
        "申报单位": unit,
        "单位层级": "县",
        "省份": PROVINCE,
        "类别": category,
        "联系人": "陈思远",
        "联系电话": "0736-55510021",
    }
    data.update(extra)
    return {k: v for k, v in data.items() if v is not None}


#: Chinese metadata keys → the canonical keys caselint reports them under.
CANONICAL = {
    "案例名称": "case_name",
    "申报单位": "unit",
    "单位层级": "level",
    "省份": "province",
    "类别": "category",
    "联系人": "contact",
    "联系电话": "phone",
    "推荐": "recommended",
}

#: Files of each case, relative to the folder, in the order discovery lists them.
CASE_FILES = {
    "01-东湖新闻客户端": ["东湖新闻客户端-综合材料.md", "东湖新闻客户端-详细材料.md"],
    "02-南屏发布短视频矩阵": ["南屏发布短视频矩阵.md"],
    "03-爱澄溪客户端": ["爱澄溪客户端.md"],
    "04-东湖云技术平台": ["东湖云技术平台-综合材料.md", "东湖云技术平台-详细材料.md"],
    "05-云渡乡村账号矩阵": ["云渡乡村账号矩阵.md"],
    "06-跟着节气看东湖": ["跟着节气看东湖.md"],
    "07-石门村晚融媒直播": ["石门村晚融媒直播-综合材料.md", "石门村晚融媒直播-详细材料.md"],
    "08-南屏早知道": ["南屏早知道.md"],
    "09-桑榆帮办": ["桑榆帮办.docx"],
    "10-白石应急广播网格": [
        "白石应急广播网格-综合材料v1.docx",
        "白石应急广播网格-综合材料v2.docx",
        "白石应急广播网格-详细材料.md",
    ],
    "11-广电农业数据服务": ["广电农业数据服务.md"],
    "市县台报送/柳港台": ["柳港台-综合材料.md", "柳港台-详细材料.md"],
    "市县台报送/青禾台": ["青禾台-综合材料.md", "青禾台-详细材料.md"],
    "14-温岭融媒县域治理平台": ["温岭融媒县域治理平台.md"],
    "15-东湖台首席制工作室制": ["东湖台首席制工作室制.md"],
}
#: Where each case's metadata comes from (None: the .docx custom document properties).
METADATA_FILES = {
    **{case_id: "case.toml" for case_id in CASES},
    "03-爱澄溪客户端": "case.yaml",
    "09-桑榆帮办": None,
    "市县台报送/柳港台": "柳港台.case.toml",
    "市县台报送/青禾台": "青禾台.case.toml",
}


def expected_metadata(case_id: str) -> dict[str, Any]:
    """The metadata caselint must report for a case of the unmarked folder, canonical keys."""
    category, name, unit = CASES[case_id]
    if case_id == "03-爱澄溪客户端":
        return {
            "case_name": name,
            "unit": unit,
            "level": "县",
            "province": PROVINCE,
            "category": category,
            "contact": "黄立群",
            "phone": "0736-55512064",
        }
    data = chinese_metadata(case_id)
    if case_id.startswith("07"):
        del data["联系人"], data["联系电话"]
    values = {CANONICAL[k]: v for k, v in data.items()}
    if "category" in values:  # as the rule pack names it (体制机制改革 is 创新发展机制)
        values["category"] = PACK.category(values["category"]).name
    return values


def build_province(root: Path, *, recommended: dict[str, bool] | None = None) -> Path:
    """The 15-case folder at ``root`` (see the module docstring); returns ``root``.

    ``recommended`` adds a 推荐 key (是/否) to the metadata of the cases named.
    """
    marks = recommended or {}

    def meta(case_id: str, **extra: Any) -> dict[str, Any]:
        if case_id in marks:
            extra.setdefault("推荐", "是" if marks[case_id] else "否")
        return chinese_metadata(case_id, **extra)

    def folder(case_id: str) -> Path:
        path = root / case_id
        path.mkdir(parents=True, exist_ok=True)
        return path

    # 01, 04, 07: two Markdown files each, case.toml in Chinese keys.
    for case_id, stem in (
        ("01-东湖新闻客户端", "东湖新闻客户端"),
        ("04-东湖云技术平台", "东湖云技术平台"),
        ("07-石门村晚融媒直播", "石门村晚融媒直播"),
    ):
        here = folder(case_id)
        for part in ("综合材料", "详细材料"):
            name = f"{stem}-{part}.md"
            (here / name).write_text(example(f"{case_id}/{name}"), encoding="utf-8")
        extra = {"联系人": None, "联系电话": None} if case_id.startswith("07") else {}
        write_toml(here / "case.toml", meta(case_id, **extra))

    # One-file Markdown cases with case.toml.
    for case_id in (
        "02-南屏发布短视频矩阵",
        "05-云渡乡村账号矩阵",
        "06-跟着节气看东湖",
        "08-南屏早知道",
        "11-广电农业数据服务",
        "14-温岭融媒县域治理平台",
        "15-东湖台首席制工作室制",
    ):
        here = folder(case_id)
        stem = case_id.split("-", 1)[1]
        (here / f"{stem}.md").write_text(example(f"{case_id}/{stem}.md"), encoding="utf-8")
        write_toml(here / "case.toml", meta(case_id))

    # 03: case.yaml with English keys.
    here = folder("03-爱澄溪客户端")
    (here / "爱澄溪客户端.md").write_text(
        example("03-爱澄溪客户端/爱澄溪客户端.md"), encoding="utf-8"
    )
    category, name, unit = CASES["03-爱澄溪客户端"]
    yaml_lines = [
        f"case_name: {json.dumps(name, ensure_ascii=False)}",
        f"unit: {unit}",
        "level: 县",
        f"province: {PROVINCE}",
        f"category: {category}",
        "contact: 黄立群",
        "phone: '0736-55512064'",
    ]
    if "03-爱澄溪客户端" in marks:
        yaml_lines.append(f"recommended: {'yes' if marks['03-爱澄溪客户端'] else 'no'}")
    (here / "case.yaml").write_text("\n".join(yaml_lines) + "\n", encoding="utf-8")

    # 09: a .docx holding both parts, metadata in its custom document properties only.
    here = folder("09-桑榆帮办")
    props = meta("09-桑榆帮办")
    front = "\n".join(f"{k}: {json.dumps(str(v), ensure_ascii=False)}" for k, v in props.items())
    build_docx_case(
        f"---\n{front}\n---\n" + example("09-桑榆帮办/桑榆帮办.md"), here / "桑榆帮办.docx"
    )

    # 10: two versions of the summary (.docx) and one detailed part.
    here = folder("10-白石应急广播网格")
    summary = example("10-白石应急广播网格/白石应急广播网格-综合材料.md")
    build_docx_case(summary, here / "白石应急广播网格-综合材料v1.docx")
    build_docx_case(
        summary + "\n修订：补充了2024年全年数据。\n", here / "白石应急广播网格-综合材料v2.docx"
    )
    (here / "白石应急广播网格-详细材料.md").write_text(
        example("10-白石应急广播网格/白石应急广播网格-详细材料.md"), encoding="utf-8"
    )
    write_toml(here / "case.toml", meta("10-白石应急广播网格"))

    # 市县台报送/: a flat folder where files pair up by name, metadata in <key>.case.toml.
    flat = root / "市县台报送"
    flat.mkdir(parents=True, exist_ok=True)
    for key, source in (
        ("柳港台", "12-柳港帮帮团/柳港帮帮团"),
        ("青禾台", "13-青禾中心制改革/青禾中心制改革"),
    ):
        for part in ("综合材料", "详细材料"):
            (flat / f"{key}-{part}.md").write_text(example(f"{source}-{part}.md"), encoding="utf-8")
        write_toml(flat / f"{key}.case.toml", meta(f"市县台报送/{key}"))
    # caselint's annotated copy of a draft (junk bytes: reading it would fail loudly).
    (flat / "柳港台-综合材料.审阅.docx").write_bytes(b"PK\x03\x04 not a real annotated copy")

    # What discovery must leave out.
    (root / "README.md").write_text(
        "# 东湖省2025年报送材料汇总\n\n各台请按案例建文件夹。\n", "utf-8"
    )
    (root / "02-南屏发布短视频矩阵" / "盖章扫描件.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (root / "~$草稿.docx").write_bytes(b"\x05owner\x00" * 20)
    (root / ".~lock.汇总表.xlsx#").write_text(",user,host,01.04.2025 10:00,user;", encoding="utf-8")
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / ".备份").mkdir()
    (root / ".备份" / "旧稿.md").write_text(
        example("02-南屏发布短视频矩阵/南屏发布短视频矩阵.md"), encoding="utf-8"
    )
    bundle = root / "已打包" / "东湖省-东湖省广播电视总台-旧案例"
    bundle.mkdir(parents=True)
    (bundle / "manifest.json").write_text('{"format": 1}', encoding="utf-8")
    (bundle / "综合材料.md").write_text(
        example("01-东湖新闻客户端/东湖新闻客户端-综合材料.md"), encoding="utf-8"
    )
    (bundle / "详细材料.md").write_text(
        example("01-东湖新闻客户端/东湖新闻客户端-详细材料.md"), encoding="utf-8"
    )
    report = bundle.parent / f"{bundle.name}.检查报告.md"  # Markdown, but caselint's own
    report.write_text("# 检查报告：旧案例\n\n## 综合材料\n\n正文摘录。\n", encoding="utf-8")
    return root


def write_selected(path: Path, rows: list[tuple[int, str, str, str, str]]) -> Path:
    lines = ["year,category,case_name,unit,status"]
    lines += [",".join(str(v) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def complete_selected_rows() -> list[tuple[int, str, str, str, str]]:
    """A complete 2024 list (40 selected rows): the shipped one, ours, and made-up fillers."""
    rows = [(2024, "体制机制改革", WENLING_NAME, WENLING_UNIT, "入选"), *SELECTED_ROWS]
    selected = sum(1 for r in rows if r[4] == "入选")
    categories = [PLATFORM, PRODUCTION, SERVICE, "体制机制改革"]
    for i in range(40 - selected):
        rows.append(
            (2024, categories[i % 4], f"西岭省填充案例第{i + 1}号", f"西岭县{i + 1}台", "入选")
        )
    return rows


def tree_hashes(root: Path) -> dict[str, str]:
    """Every file under ``root`` (relative path → SHA-256)."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }

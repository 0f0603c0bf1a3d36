"""Realistic generated drafts for the benchmarks: seeded, so every run measures the same files.

Each case has a 综合材料 of about 1000 字 with the six element headings and a 详细材料 of about
5000 字 with figures, written as .docx with python-docx (headings in Word heading styles, a data
table, mixed Chinese and figures) — the shape of what stations submit.
"""

from __future__ import annotations

import random
from pathlib import Path

import docx

CATEGORIES = ["新媒体平台建设", "融合生产传播", "综合信息服务", "创新发展机制"]
HEADINGS = [
    "基本情况",
    "主要做法",
    "取得成效",
    "推广价值",
    "存在的困难与对策",
    "经验启示与下一步打算",
]
CN = "一二三四五六"
_SUBJECTS = [
    "客户端",
    "融媒体中心",
    "账号矩阵",
    "短视频栏目",
    "政务服务平台",
    "直播间",
    "指挥调度系统",
    "新闻频道",
]
_VERBS = ["上线", "接入", "完成", "发布", "服务", "覆盖", "运营", "整合"]
_OBJECTS = [
    "服务事项",
    "注册用户",
    "原创稿件",
    "直播场次",
    "合作单位",
    "乡镇站点",
    "短视频作品",
    "办件量",
]
_UNITS = ["万人", "项", "条", "场", "家", "个", "万次", "件"]
_LINKS = ["同比增长", "较上年提高", "环比增加", "占比达到"]
_PLAIN = [
    "中心建立了采编发一体化的工作流程，统一策划、分类生产、多端分发。",
    "平台按照“一次采集、多元生成、多渠道发布”的要求重构了生产链条。",
    "项目组每月召开选题会，编辑、技术和运营人员共同确定报道重点。",
    "运营团队根据后台数据调整推送时段，并对重点栏目进行专项考核。",
    "县级站点通过省级平台共享技术服务，减少了重复建设。",
]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.35:
        return rng.choice(_PLAIN)
    year = rng.choice([2023, 2024])
    return (
        f"截至{year}年12月31日，{rng.choice(_SUBJECTS)}累计{rng.choice(_VERBS)}"
        f"{rng.choice(_OBJECTS)}{rng.randint(12, 980)}{rng.choice(_UNITS)}，"
        f"{rng.choice(_LINKS)}{rng.randint(3, 60)}.{rng.randint(0, 9)}%。"
    )


def paragraph(rng: random.Random, chars: int) -> str:
    out = ""
    while len(out) < chars:
        out += sentence(rng)
    return out


def write_case(
    folder: Path, seed: int, summary_chars: int = 900, detailed_chars: int = 4700
) -> list[Path]:
    """Write ``<id>综合材料.docx`` and ``<id>详细材料.docx``; return their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    category = CATEGORIES[seed % len(CATEGORIES)]
    name = f"案例{seed:04d}"
    paths = []
    for part, target in (("综合材料", summary_chars), ("详细材料", detailed_chars)):
        document = docx.Document()
        props = document.core_properties
        props.title = f"{category}类典型案例：{name}"
        document.add_heading(f"{category}类典型案例：{name}{part}", 0)
        per_section = target // len(HEADINGS)
        for n, heading in enumerate(HEADINGS):
            document.add_heading(f"{CN[n]}、{heading}", 1)
            written = 0
            while written < per_section:
                text = paragraph(rng, min(220, per_section - written))
                document.add_paragraph(text)
                written += len(text)
        if part == "详细材料":
            table = document.add_table(rows=4, cols=3)
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row.cells):
                    cell.text = "指标" if r == 0 and c == 0 else f"{rng.randint(1, 999)}万"
        path = folder / f"{name}{part}.docx"
        document.save(str(path))
        paths.append(path)
    return paths

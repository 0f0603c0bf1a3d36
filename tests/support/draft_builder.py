"""Varied drafts laid out as stations write them, each with the truth a reviewer would state.

The text comes from nineteen drafts written for this project independently of caselint's
rules: the compliant drafts of ``tests/fixtures/cases`` (one per category) and the fifteen cases
of ``examples/province-东湖省`` — their six summary sections, their detailed part, their unit and
case name. What varies is how a station lays them out and what goes wrong:

* **layouts** — Markdown ``##``; Word heading styles; outline levels set on plain paragraphs
  (as WPS does); bold lines; a bold opening of the section's first paragraph; automatic
  一、 numbering; typed 一、; run-in 第一，; 第一部分; prose opened by 首先，…其次，; a heading and
  its text in one paragraph split by a line break;
* **heading wording** — drawn from how real drafts head their sections (基本情况 / 项目概况 /
  案例概述, 主要做法 / 创新举措 / 实施路径, 取得成效 / 实施效果 …), never the notice's titles;
* **case information** — front matter or document properties, lines under the title, a
  two-column table, only the title, or nothing (the category must be inferred: such a draft
  is not compliant, the 申请表 needs a category, but its category must never be read wrong);
* **planted problems** — an element dropped (its heading and text), two elements merged under
  one heading, an element written as a paragraph inside another section without a heading.

:func:`generate` gives the specifications (seeded, reproducible), :func:`write` writes one as
files and returns its folder; :class:`Draft` holds the truth: which elements are present,
which category, unit and case name. ``benchmarks/structure_eval.py`` scores caselint on them.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from support.cases import CATEGORY_IDS, body, build_docx_case, compliant, front_matter
from support.docx_build import abstract_num, build_docx, level, num, p, para, run, table

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "province-东湖省"

LAYOUTS = (
    "markdown",
    "styles",
    "outline",
    "bold",
    "bold-lead",
    "numbering",
    "typed",
    "di",
    "part",
    "sequence",
    "linebreak",
)
INFO_MODES = ("fields", "lines", "table", "title", "none")
PROBLEMS = ("none", "missing", "missing-two", "merged", "content", "merged-missing")

_CN = "一二三四五六七八九十"
_SEQUENCE = ("首先", "其次", "再次", "然后", "此外", "最后")

#: How drafts head each element (research: 基本情况 → 主要做法 → 取得成效 → 经验启示 → 下一步).
HEADINGS: dict[int, tuple[str, ...]] = {
    1: ("基本情况", "项目概况", "案例概述", "总体情况", "项目背景与总体情况", "项目简介"),
    2: ("主要做法", "创新举措", "主要创新做法与实践", "具体做法", "实施路径与主要举措", "重点举措"),
    3: ("取得成效", "主要成效", "实施成效", "成效与反响", "工作成效与社会反响", "取得的成果"),
    5: (
        "存在的困难与对策",
        "问题与破解办法",
        "面临的挑战及应对",
        "短板不足与改进措施",
        "发展难点与解决办法",
    ),
}
#: Elements 4 and 6 differ by category (借鉴 vs 可持续运营, 经验启示 vs 发展计划); 5 for 创新发展机制.
BY_CATEGORY: dict[str, dict[int, tuple[str, ...]]] = {
    "platform": {
        4: ("推广价值", "可复制可推广的经验价值", "示范意义与发展潜力", "借鉴意义与发展前景"),
        6: ("经验启示与下一步打算", "经验与启示", "启示与展望", "经验体会与优化方向"),
    },
    "mechanism": {
        4: ("推广价值", "示范意义与推广前景", "可借鉴可复制的价值", "借鉴意义与发展潜力"),
        5: ("重点环节与制约因素的突破", "改革难点与突破", "制约性问题及破解", "关键环节与突破创新"),
        6: ("几点体会与优化方向", "经验启示与下一步打算", "启示与展望", "经验总结与下步打算"),
    },
    "production": {
        4: ("可持续运营与发展预期", "运营能力与发展前景", "可持续发展能力与行业影响", "发展预期"),
        6: ("下一阶段计划", "下一步工作打算", "发展规划与推进方向", "下一阶段发展计划"),
    },
    "service": {
        4: ("运营能力与发展前景", "可持续运营能力", "发展预期与行业影响", "可持续运营与发展潜力"),
        6: ("下一步工作规划", "下一阶段发展计划", "下一步打算", "发展规划与推进方向"),
    },
}
#: Openings of a paragraph that carries an element without a heading (4 and 6 by category).
LEADS: dict[int, tuple[str, ...]] = {
    1: ("从总体情况看，", "本项目的基本情况是："),
    2: ("主要做法有以下几点：", "在具体做法上，"),
    3: ("从实施成效看，", "取得的成效主要是："),
    5: ("发展中遇到的主要困难是：", "存在的问题和对策是："),
}
LEADS_BY_CATEGORY: dict[str, dict[int, tuple[str, ...]]] = {
    "platform": {4: ("该模式可复制、可推广，", "从发展前景看，"), 6: ("下一步，", "经验启示是：")},
    "mechanism": {
        4: ("这一改革可复制、可推广，", "从推广前景看，"),
        5: ("改革的难点和突破口是：", "制约改革的问题主要是："),
        6: ("下一步，", "几点体会是："),
    },
    "production": {4: ("从可持续运营看，", "发展预期方面，"), 6: ("下一阶段，", "下一步计划是：")},
    "service": {4: ("从可持续运营能力看，", "发展前景方面，"), 6: ("下一步，", "下一阶段计划是：")},
}
#: Headings joining two adjacent elements (the first heading of the pair, then the second).
MERGED_JOIN = ("与", "及", "和")


@dataclass
class Draft:
    """One generated case: how it is laid out, what was planted, and the truth."""

    name: str
    source: Source
    layout: str
    info: str
    problem: str
    present: set[int]
    dropped: set[int] = field(default_factory=set)
    merged: tuple[int, int] | None = None
    content_only: int | None = None
    headings: dict[int, str] = field(default_factory=dict)

    @property
    def category_id(self) -> str:
        return self.source.category_id

    @property
    def category(self) -> str:
        return CATEGORY_IDS[self.category_id]

    @property
    def compliant(self) -> bool:
        """No element dropped, and the category stated somewhere (the 申请表 needs it)."""
        return not self.dropped and self.info != "none"

    @property
    def states_unit(self) -> bool:
        """Whether the draft says its unit: as a field, a line, a table row or in its title."""
        return self.info in ("fields", "lines", "table") or self.source.title.startswith(
            self.source.unit
        )

    def truth(self) -> dict[str, str]:
        """What a reviewer reads: the name stated as a field or table row, else the title
        without the unit it opens with."""
        name = self.source.case_name
        if self.info not in ("fields", "table"):
            title, unit = self.source.title, self.source.unit
            name = title[len(unit) :] if title.startswith(unit) else title
        return {"category": self.category, "unit": self.source.unit, "case_name": name}


@dataclass(frozen=True)
class Source:
    """A draft the text is taken from: its six summary sections, its detailed part, its facts."""

    key: str
    category_id: str
    unit: str
    case_name: str
    sections: tuple[tuple[str, ...], ...]
    detailed: str
    contact: dict[str, str]

    @property
    def title(self) -> str:
        """The case name under the unit, unless the name already opens with the place."""
        if self.case_name.startswith(self.unit[:2]):
            return self.case_name
        return f"{self.unit}{self.case_name}"


def _sections(summary: str) -> tuple[tuple[str, ...], ...]:
    """The paragraphs of the six ``##`` sections of a summary (list markers dropped)."""
    parts = re.split(r"^## .*$", summary, flags=re.MULTILINE)[1:]
    out = []
    for section in parts:
        lines = [line.strip() for line in section.strip().splitlines() if line.strip()]
        out.append(tuple(re.sub(r"^[-*]\s*", "", line) for line in lines))
    return tuple(out)


def _fixture_source(category_id: str) -> Source:
    text = compliant(category_id)
    meta = front_matter(text)
    draft = body(text)
    title = draft.lstrip().splitlines()[0].lstrip("# ").strip()
    unit = str(meta["申报单位"])
    return Source(
        category_id,
        category_id,
        unit,
        title[len(unit) :] if title.startswith(unit) else title,
        _sections(draft[draft.index("# 综合材料") : draft.index("# 详细材料")]),
        draft[draft.index("# 详细材料") :],
        {k: str(meta[k]) for k in ("省份", "联系人", "联系电话")},
    )


def _example_source(folder: Path) -> Source:
    from caselint.rulepack.files import tomllib
    from caselint.rulepack.pack import load_pack

    meta = tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))
    files = sorted(folder.glob("*.md"))
    if len(files) == 1:
        text = files[0].read_text(encoding="utf-8")
        summary = text[text.index("# 综合材料") : text.index("# 详细材料")]
        detailed = text[text.index("# 详细材料") :]
    else:
        summary = next(f for f in files if "综合" in f.stem).read_text(encoding="utf-8")
        detailed = "# 详细材料\n\n" + next(f for f in files if "详细" in f.stem).read_text(
            encoding="utf-8"
        )
    category = load_pack().category(str(meta["类别"]))
    ids = {name: cid for cid, name in CATEGORY_IDS.items()}
    return Source(
        folder.name,
        ids[category.name],
        str(meta["申报单位"]),
        str(meta["案例名称"]),
        _sections(summary),
        detailed,
        {k: str(meta[k]) for k in ("省份", "联系人", "联系电话")},
    )


def sources() -> list[Source]:
    """The nineteen drafts the generated ones are made of (fixtures first)."""
    found = [_fixture_source(cid) for cid in CATEGORY_IDS]
    for folder in sorted(f for f in EXAMPLES.iterdir() if (f / "case.toml").is_file()):
        found.append(_example_source(folder))
    return found


def generate(count: int = 66, seed: int = 2025) -> list[Draft]:
    """``count`` drafts: every layout in turn, each with a source draft, a problem and a place
    for the case information drawn at random (reproducibly)."""
    rng = random.Random(seed)
    pool = sources()
    drafts = []
    for i in range(count):
        layout = LAYOUTS[i % len(LAYOUTS)]
        source = pool[(i * 7 + i // len(LAYOUTS)) % len(pool)]
        problem = PROBLEMS[i % len(PROBLEMS)]
        problem = rng.choice(PROBLEMS) if i % 3 == 2 else problem
        info = rng.choice(INFO_MODES)
        name = f"d{i:02d}-{layout}-{source.category_id}"
        drafts.append(_plan(name, source, layout, info, problem, rng))
    return drafts


def _plan(
    name: str, source: Source, layout: str, info: str, problem: str, rng: random.Random
) -> Draft:
    category_id = source.category_id
    present = set(range(1, 7))
    draft = Draft(name, source, layout, info, problem, present)
    if problem in ("missing", "merged-missing"):
        draft.dropped.add(rng.choice([2, 3, 4, 5, 6]))
    if problem == "missing-two":
        draft.dropped |= set(rng.sample([1, 3, 4, 5, 6], 2))
    if problem in ("merged", "merged-missing"):
        pairs = [
            (n, n + 1) for n in range(1, 6) if n not in draft.dropped and n + 1 not in draft.dropped
        ]
        draft.merged = rng.choice(pairs)
    if problem == "content":
        # written as a paragraph inside another section of a summary headed by the others'
        # headings: a reviewer looks for its heading and finds none — it is missing
        draft.content_only = rng.choice([4, 5, 6])
        draft.dropped.add(draft.content_only)
    draft.present = present - draft.dropped
    variants = {**HEADINGS, **BY_CATEGORY[category_id]}
    for n in range(1, 7):
        draft.headings[n] = rng.choice(variants[n])
    return draft


# -- writing ----------------------------------------------------------------------------------


@dataclass
class _Item:
    kind: str  # "heading" or "text"
    text: str
    number: int = 0  # the heading's place in the outline (一、二、…)


def _items(draft: Draft) -> list[_Item]:
    """The summary as a sequence of headings and paragraphs, problems applied."""
    sections = draft.source.sections
    items: list[_Item] = []
    number = 0
    n = 1
    while n <= 6:
        if n in draft.dropped and draft.content_only != n:
            n += 1
            continue
        paragraphs = list(sections[n - 1])
        if draft.merged and draft.merged[0] == n:
            second = draft.merged[1]
            join = MERGED_JOIN[n % len(MERGED_JOIN)]
            heading = f"{_short(draft.headings[n])}{join}{_short(draft.headings[second])}"
            paragraphs += sections[second - 1]
            n += 2
        elif draft.content_only == n:
            # the element goes into the previous section, as a paragraph opening by naming it
            leads = {**LEADS, **LEADS_BY_CATEGORY[draft.category_id]}[n]
            lead = leads[len(items) % len(leads)]
            for item in reversed(items):
                if item.kind == "text":
                    index = items.index(item)
                    items.insert(index + 1, _Item("text", lead + paragraphs[0]))
                    items[index + 2 : index + 2] = [_Item("text", t) for t in paragraphs[1:]]
                    break
            n += 1
            continue
        else:
            heading = draft.headings[n]
            n += 1
        number += 1
        items.append(_Item("heading", heading, number))
        items.extend(_Item("text", t) for t in paragraphs)
    return items


def _short(heading: str) -> str:
    """The first half of a heading joining two things (成效与反响 → 成效), for merging."""
    return re.split(r"与|及|和", heading)[0]


def _info_lines(draft: Draft) -> list[str]:
    truth = draft.truth()
    if draft.info == "lines":
        return [f"申报类别：{truth['category']}", f"申报单位：{truth['unit']}"]
    return []


def _title_line(draft: Draft) -> str:
    title = draft.source.title
    if draft.info == "title" and draft.category not in title:
        return f"{title}（{draft.category}类）"
    return title


def _sidecar(draft: Draft, folder: Path) -> None:
    values = dict(draft.source.contact)
    if draft.info == "fields":
        truth = draft.truth()
        values.update(类别=truth["category"], 申报单位=truth["unit"], 案例名称=truth["case_name"])
    lines = [f'"{k}" = "{v}"' for k, v in values.items()]
    (folder / "case.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write(draft: Draft, root: Path) -> Path:
    """Write the case into ``root/name/`` and return that folder."""
    folder = root / draft.name
    folder.mkdir(parents=True)
    _sidecar(draft, folder)
    items = _items(draft)
    if draft.layout == "markdown":
        (folder / "稿件.md").write_text(_markdown(draft, items), encoding="utf-8")
        return folder
    build_docx_case(draft.source.detailed, folder / "稿件-详细材料.docx", heading_style="styles")
    _summary_docx(draft, items, folder / "稿件-综合材料.docx")
    return folder


def _markdown(draft: Draft, items: list[_Item]) -> str:
    lines = [f"# {_title_line(draft)}", ""]
    lines += [f"{line}\n" for line in _info_lines(draft)]
    if draft.info == "table":
        truth = draft.truth()
        lines += [
            "| 项目 | 内容 |",
            "|---|---|",
            f"| 案例名称 | {truth['case_name']} |",
            f"| 申报类别 | {truth['category']} |",
            f"| 申报单位 | {truth['unit']} |",
            "",
        ]
    lines += ["# 综合材料", ""]
    for item in items:
        if item.kind == "heading":
            lines += [f"## {_CN[item.number - 1]}、{item.text}", ""]
        else:
            lines += [item.text, ""]
    return "\n".join(lines) + "\n" + draft.source.detailed


_HEADING_NUM = 30


def _summary_docx(draft: Draft, items: list[_Item], path: Path) -> None:
    truth = draft.truth()
    xml = [para(run(_title_line(draft)), style="Title")]
    xml += [p(line) for line in _info_lines(draft)]
    if draft.info == "table":
        xml.append(
            table(
                [
                    [p("案例名称"), p(truth["case_name"])],
                    [p("申报类别"), p(truth["category"])],
                    [p("申报单位"), p(truth["unit"])],
                ]
            )
        )
    pending: _Item | None = None
    for item in items:
        if item.kind == "heading":
            if pending is not None:
                xml.append(_heading_alone(draft.layout, pending))
            pending = item
            continue
        if pending is not None and draft.layout in ("bold-lead", "di", "sequence", "linebreak"):
            xml.append(_heading_with_text(draft.layout, pending, item.text))
        else:
            if pending is not None:
                xml.append(_heading_alone(draft.layout, pending))
            xml.append(p(item.text))
        pending = None
    if pending is not None:
        xml.append(_heading_alone(draft.layout, pending))
    props = None
    if draft.info == "fields":
        props = {
            "类别": truth["category"],
            "申报单位": truth["unit"],
            "案例名称": truth["case_name"],
        }
    numbering = abstract_num(20, level(0, "chineseCounting", "%1、")) + num(_HEADING_NUM, 20)
    build_docx(path, "".join(xml), numbering_xml=numbering, custom_props=props)


def _label(item: _Item) -> str:
    return f"{_CN[item.number - 1]}、"


def _heading_alone(layout: str, item: _Item) -> str:
    text = item.text
    if layout == "styles":
        return para(run(_label(item) + text), style="Heading2")
    if layout == "outline":
        return para(run(_label(item) + text, hint=True), outline=1)
    if layout == "bold":
        return para(run(_label(item) + text, bold=True))
    if layout == "numbering":
        return para(run(text), num=(_HEADING_NUM, 0))
    if layout == "part":
        return p(f"第{_CN[item.number - 1]}部分　{text}")
    if layout == "di":
        return p(f"第{_CN[item.number - 1]}，{text}")
    if layout == "sequence":
        return p(f"{_SEQUENCE[(item.number - 1) % len(_SEQUENCE)]}，{text}")
    return p(_label(item) + text)  # typed, and run-in layouts without text to run into


def _heading_with_text(layout: str, item: _Item, text: str) -> str:
    if layout == "bold-lead":
        return para(run(f"{_label(item)}{item.text}。", bold=True) + run(text))
    if layout == "di":
        return p(f"第{_CN[item.number - 1]}，{item.text}。{text}")
    if layout == "sequence":
        word = _SEQUENCE[(item.number - 1) % len(_SEQUENCE)]
        return p(f"{word}，在{item.text}方面，{text}")
    return para(run(_label(item) + item.text) + "<w:r><w:br/></w:r>" + run(text))

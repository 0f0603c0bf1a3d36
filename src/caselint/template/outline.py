"""What a new draft of a category holds, whatever file format it is written in.

A draft has a title line, the 综合材料 with the category's six element headings in the notice's
order, the 详细材料 with the same headings, and the case metadata. Everything else is guidance:
under each heading one line saying what to write (the notice's own wording of the element) and
which data to give, and in the detailed part the six data dimensions with the pack's advice,
each under the element where that data belongs. Guidance is marked as such (:class:`Guide`) so
the writers can put it where caselint never reads it: a guide line that says 「请填写用户规模数据」
must never pass for data.

Headings, titles, limits, emphasis, dimensions and metadata fields all come from the rule pack;
the per-element hints below only say how to write a kind of section (the overview, the results,
the problems), which the notice's structure fixes, not the year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from caselint.rulepack.pack import Category, Element, RulePack

_LABELS = "一二三四五六七八九十"

#: How to write the section of element ``n`` (the notice gives every category the same six kinds
#: of section: overview, practices, results, outlook or value, problems, next steps).
ELEMENT_HINTS: dict[int, str] = {
    1: "简述起步时间、定位、目标和当前规模，让评审一段读懂案例是什么",
    2: "选两三项最主要的创新做法，每项写清做了什么、怎么做、投入了什么",
    3: "突出社会效益、经济效益及可持续性，每项成效给出数据、时间范围和来源，少用形容词",
    4: "用团队、收入来源、已推广的范围等说明持续发展或复制推广的基础，并写出发展预期",
    5: "如实写遇到的问题或制约，以及已采取的破解办法和效果",
    6: "写下一步的具体计划、时间表和可核验的目标",
}
#: Where each data dimension of the pack is asked for in the detailed part (by element number);
#: a dimension not listed is asked for at the top of the detailed part.
DIMENSION_SECTIONS: dict[str, int] = {
    "scale": 1,
    "feedback": 3,
    "finance": 3,
    "operations": 4,
    "business_model": 4,
    "outlook": 4,
}
#: The metadata a draft carries, by canonical key (labels come from the pack's form fields).
METADATA_KEYS = (
    "category",
    "case_name",
    "unit",
    "level",
    "province",
    "contact",
    "phone",
    "recommended",
)
_FALLBACK_LABELS = {
    "category": "类别",
    "case_name": "案例名称",
    "unit": "申报单位",
    "level": "单位层级",
    "province": "省份",
    "contact": "联系人",
    "phone": "联系电话",
    "recommended": "推荐",
}


@dataclass(frozen=True)
class Guide:
    """A line of guidance: shown to the author, never text of the draft."""

    text: str


@dataclass
class Section:
    """An element heading (label included, 「一、总体情况」) and the guidance under it."""

    heading: str
    element: Element
    guides: list[Guide] = field(default_factory=list)


@dataclass
class PartOutline:
    title: str  # the marker line caselint recognises: 综合材料 / 详细材料
    limit: int
    guides: list[Guide] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


@dataclass
class MetadataField:
    key: str
    label: str
    value: str = ""
    hint: str = ""


@dataclass
class Template:
    category: Category
    title_guide: Guide
    parts: list[PartOutline]
    metadata: list[MetadataField]

    @property
    def doc_title(self) -> str:
        return f"{self.category.name}典型案例（草稿）"


def heading(element: Element) -> str:
    """The heading a draft gives element ``n``: 「一、总体情况」."""
    label = f"{_LABELS[element.n - 1]}、" if element.n <= len(_LABELS) else f"{element.n}. "
    return f"{label}{element.short}"


def build(pack: RulePack, category: Category) -> Template:
    """The outline of a new draft of ``category`` (see the module docstring)."""
    summary, detailed = pack.parts["summary"], pack.parts["detailed"]
    summary_part = PartOutline(
        summary.title,
        summary.limit,
        [
            Guide(
                f"指引：{summary.title}不超过 {summary.limit} 字，条理清晰、突出整体性；"
                f"按下列 {len(category.elements)} 个要素的顺序写，保留各要素的小标题。"
            )
        ],
    )
    for element in category.elements:
        summary_part.sections.append(
            Section(heading(element), element, [Guide(_summary_guide(element, pack))])
        )

    placed = {dim.id: DIMENSION_SECTIONS.get(dim.id) for dim in pack.data.dimensions}
    numbers = {e.n for e in category.elements}
    loose = [d for d in pack.data.dimensions if placed[d.id] not in numbers]
    intro = (
        f"指引：{detailed.title}不超过 {detailed.limit} 字，对{summary.title}的各个要素逐一"
        f"展开、重点阐述；本类别侧重“{category.emphasis}”，请用做法和数据体现。提供详细真实的"
        f"数据（{'、'.join(d.name for d in pack.data.dimensions)}），写明统计截至日期，"
        "给出同比、较上年等对比数据，避免主观感性描述。"
    )
    detailed_part = PartOutline(detailed.title, detailed.limit, [Guide(intro)])
    detailed_part.guides.extend(Guide(_dimension_guide(d.name, d.advice)) for d in loose)
    for element in category.elements:
        guides = [Guide(f"指引：展开阐述“{element.short}”——{_hint(element)}。")]
        guides.extend(
            Guide(_dimension_guide(d.name, d.advice))
            for d in pack.data.dimensions
            if placed[d.id] == element.n
        )
        detailed_part.sections.append(Section(heading(element), element, guides))

    return Template(
        category=category,
        title_guide=Guide("案例名称"),
        parts=[summary_part, detailed_part],
        metadata=_metadata(pack, category),
    )


def _hint(element: Element) -> str:
    return ELEMENT_HINTS.get(element.n, f"写清“{element.title}”")


def _summary_guide(element: Element, pack: RulePack) -> str:
    text = f"指引：写{element.title}。{_hint(element)}。"
    if element.results:
        text += f"本节至少给出 {max(pack.data.results_min_figures, 1)} 个数据。"
    return text


def _dimension_guide(name: str, advice: str) -> str:
    return f"数据·{name}：{advice or '给出具体数值、时间范围和来源'}。"


def _metadata(pack: RulePack, category: Category) -> list[MetadataField]:
    fields = {f.key: f for f in (pack.metadata.fields if pack.metadata else [])}
    levels = pack.metadata.levels if pack.metadata else ["中央", "省", "市", "县"]
    hints = {"level": "、".join(levels), "recommended": "是/否（省级推荐名单）"}
    out = []
    for key in METADATA_KEYS:
        label = fields[key].label if key in fields else _FALLBACK_LABELS[key]
        value = category.name if key == "category" else ""
        out.append(MetadataField(key, label, value, hints.get(key, "")))
    return out

"""element-missing (S003): a required element of the category is not in the case.

What it does
    Reads the headings of the 综合材料 — Word heading styles and outline levels, automatic or
    typed numbering (一、 （一） 1. 第一， 第一部分), bold lines and bold openings of paragraphs,
    Markdown ``#``, run-in headings, paragraphs opened by 首先，…其次，… — and recognises each of
    the category's six elements by its keywords, however the heading is worded (「存在的困难与对
    策」 is element 5 of 新媒体平台建设). A heading joining two elements (「三、成效反响与推广价
    值」) counts for both. A point nested in an element's section (「（二）破解群众办事难问题」
    under 「二、主要做法」) belongs to that section and never stands for another element. In a
    summary headed by its elements, an element without a heading is an error, which lists the
    headings considered and quotes what touched on it. Only a summary with few element headings
    may carry an element in a paragraph that opens by naming it as its topic (「该模式可复制、
    可推广，……」): a hint (info) suggests a heading. A summary with no headings at all gets one
    warning asking for them instead of an error per element. In the 详细材料 an element
    neither headed nor discussed is a warning: the notice asks the detailed part to elaborate
    the summary's elements. When the category is unknown, only the elements all categories
    share are checked, and a hint says which were not.
Why it matters
    四、材料编写体例: 综合材料应包括但不限于以下要素 — reviewers look for each element.
How to fix
    Give each element its own heading, in the notice's order, e.g. 「五、问题、困难及破解办法」.
"""

from __future__ import annotations

from collections.abc import Iterator

from caselint.cases.structure import body_blocks
from caselint.checks.base import CaseContext, Example, Examples
from caselint.core.i18n import Catalog, join_list
from caselint.core.model import Finding

DOC_ZH = """element-missing（S003）：案例缺少所报类别规定的要素。

作用
    读取综合材料的各级标题，无论是 Word 标题样式或大纲级别、自动编号或手打编号（一、（一）1.
    第一，第一部分）、加粗的一行或段首加粗的几个字、Markdown 的“#”、段首直接带出的标题，还是依次
    以“首先，”“其次，”开头的段落，再按关键词判断每个标题对应六项要素中的哪一项，不要求标题与通知
    原文一字不差。例如新媒体平台建设类写成“五、存在的困难与对策”，也认作要素5“问题、困难及破解
    办法”；一个标题合写两个要素（如“三、成效反响与推广价值”），两个要素都算有。某一节下面的小点
    （如“二、主要做法”下的“（二）破解群众办事难问题”）属于该节，不当作别的要素。其他要素都有小
    标题而某个要素没有，报错误，列出查看过的各个小标题及其对应的要素，并指出似乎写到它的段落或
    小点，方便核对。只有小标题很少的综合材料，某个要素写在以它为话题开头的段落里（如“该模式可
    复制、可推广，……”“下一步，……”）才算作有，只提示建议单列小标题；“对群众反映的问题，”“在解决
    ……的过程中，”“学习借鉴先进地区，”这类开头不算。综合材料完全没有小标题的，只报一条警告，请按
    要素分设小标题。详细材料中某个要素既没有下面写了正文的小标题，正文里也没有谈到，报警告。类别无法
    确定时，只检查各类别共有的要素，并提示哪些要素未检查。不会报告：六个要素齐全、只是标题措辞
    与通知不同，或标题只是加粗的一行。综合材料中某个要素只有小标题、下面没有内容，同样视为缺少
    该要素（错误）。
原因
    通知“四、材料编写体例”规定“综合材料应包括但不限于以下要素”，并要求“详细材料应对综合材料
    包含的要素进行重点阐述”。评审专家会逐项查找这些要素。
修改
    每个要素单列一个小标题，按通知的顺序排列，标题中点明要素，如“五、问题、困难及破解办法”。
"""

NAME = "element-missing"

MESSAGES: Catalog = {
    "summary": {
        "zh": "综合材料缺少要素{n}“{title}”",
        "en": "the summary lacks element {n} “{title}”",
    },
    "summary-fix": {
        "zh": "增加小标题“{label}{short}”，简述相关内容",
        "en": "add a heading “{label}{short}” and cover it briefly",
    },
    "considered": {
        "zh": "；已查看的小标题：{headings}（如其中之一写的就是该要素，请在标题中点明“{short}”）",
        "en": "; headings considered: {headings} (if one of them covers it, name “{short}” in it)",
    },
    "as-element": {"zh": "要素{numbers}", "en": "element {numbers}"},
    "as-none": {"zh": "未对应要素", "en": "no element"},
    "content": {
        "zh": "综合材料的要素{n}“{short}”写在正文中，没有单独的小标题",
        "en": "element {n} “{short}” of the summary is in the text without a heading of its own",
    },
    "content-fix": {
        "zh": "评审逐项查找各要素的小标题，建议为它单列一个，如“{label}{short}”",
        "en": "reviewers look for each element's heading; consider giving it one, e.g. “{label}{short}”",
    },
    "detailed": {
        "zh": "详细材料未对要素{n}“{short}”展开阐述",
        "en": "the detailed part does not elaborate element {n} “{short}”",
    },
    "detailed-unheaded": {
        "zh": "详细材料没有小标题，正文中也看不出对要素{numbers}（{titles}）的阐述",
        "en": "the detailed part has no headings, and its text does not visibly elaborate "
        "elements {numbers} ({titles})",
    },
    "detailed-fix": {
        "zh": "在详细材料中为“{short}”设一节，给出具体做法和数据",
        "en": "give “{short}” its own section in the detailed part, with facts and figures",
    },
    "empty": {
        "zh": "综合材料的要素{n}“{short}”只有标题，没有内容",
        "en": "element {n} “{short}” of the summary has a heading but no text",
    },
    "nested-hint": {
        "zh": "；“{hint}”是“{parent}”下的小点，算作该节内容，不作为本要素的标题",
        "en": "; “{hint}” is a point under “{parent}” and counts as that section, not as "
        "this element's heading",
    },
    "content-hint": {
        "zh": "；{where}“{hint}”似写到该要素，但其他要素都有小标题，它也需要单列一个",
        "en": "; {where} “{hint}” seems to touch on it, but the other elements have headings "
        "and this one needs its own",
    },
    "unheaded": {
        "zh": "综合材料没有小标题，无法逐项确认要素{numbers}（{titles}）",
        "en": "the summary has no headings: elements {numbers} ({titles}) cannot be confirmed "
        "one by one",
    },
    "unheaded-fix": {
        "zh": "评审逐项查找各要素，请按通知所列六个要素分设小标题，如“一、{first}”“二、{second}”……",
        "en": "reviewers look for each element: give each of the notice's elements a heading, "
        "e.g. “一、{first}”, “二、{second}” …",
    },
    "partial": {
        "zh": "申报类别未确定，只检查了各类别共有的要素{checked}；要素{unchecked}因类别而异，未检查",
        "en": "the category is unknown: only the elements all categories share ({checked}) were "
        "checked; elements {unchecked} differ by category and were not",
    },
    "empty-fix": {
        "zh": "在该标题下写明相关内容（可参照通知所列要素：{title}）",
        "en": "write the section under this heading (the notice's element: {title})",
    },
}
_LABELS = "一二三四五六七八九十"
#: How much of a paragraph a hint quotes.
HINT_CHARS = 20

EXAMPLES = Examples(
    fail=(
        Example(
            "“存在的困难与对策”下没有内容",
            summary="""# 综合材料
## 一、基本情况
本台客户端于2021年上线，截至2024年12月31日注册用户86万。
## 二、主要做法
建设账号矩阵32个，统一调度。
## 三、取得成效
2024年客户端日活4.2万，同比增长18%。
## 四、推广价值
模式已在本省6个县级融媒体中心复制。
## 五、存在的困难与对策
## 六、经验启示与下一步打算
下一步计划接入本省12个地市的服务事项。
""",
        ),
        Example(
            "综合材料没有“问题、困难及破解办法”",
            summary="""# 综合材料
## 一、基本情况
本台客户端于2021年上线，截至2024年12月31日注册用户86万。
## 二、主要做法
建设账号矩阵32个，统一调度。
## 三、取得成效
2024年客户端日活4.2万，同比增长18%。
## 四、推广价值
模式已在本省6个县级融媒体中心复制。
## 六、经验启示与下一步打算
下一步计划接入本省12个地市的服务事项。
""",
        ),
    ),
    pass_=(
        Example("六个要素齐全（标题措辞与通知不同）"),
        Example(
            "要素标题只是加粗的行",
            summary="""# 综合材料
**一、总体概况**

本台客户端于2021年上线，截至2024年12月31日注册用户86万。

**二、创新举措**

建设账号矩阵32个，统一调度。

**三、成效与反响**

2024年客户端日活4.2万，同比增长18%。

**四、可复制可推广的价值**

模式已在本省6个县级融媒体中心复制。

**五、面临的挑战及应对**

县级中心技术人员不足，通过省级平台集中运维解决。

**六、启示与展望**

下一步计划接入本省12个地市的服务事项。
""",
        ),
        Example(
            "一个标题合写成效和推广价值，另一个合写问题对策和下一步打算",
            summary="""# 综合材料
## 一、基本情况
本台客户端于2021年上线，截至2024年12月31日注册用户86万。
## 二、主要做法
建设账号矩阵32个，统一调度。
## 三、成效反响与推广价值
2024年客户端日活4.2万，同比增长18%。模式已在本省6个县级融媒体中心复制。
## 四、困难对策与下一步打算
县级中心技术人员不足，对策是由省级平台集中运维。下一步计划接入本省12个地市的服务事项。
""",
        ),
    ),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    category = ctx.elements
    if category is None:
        return
    if ctx.partial_elements:
        checked = [e.n for e in category.elements]
        every = sorted({e.n for c in ctx.pack.categories for e in c.elements})
        unchecked = [n for n in every if n not in checked]
        if unchecked:
            yield ctx.report(
                NAME,
                ctx.t(
                    MESSAGES,
                    "partial",
                    checked=join_list([str(n) for n in checked], ctx.lang),
                    unchecked=join_list([str(n) for n in unchecked], ctx.lang),
                ),
                severity="info",
            )
    summary = ctx.outline("summary")
    if summary is not None:
        considered = _considered(ctx, summary)
        unconfirmed = []
        for element in category.elements:
            if element.n in summary.matches:
                continue
            label = f"{_LABELS[element.n - 1]}、" if element.n <= len(_LABELS) else ""
            block = summary.content.get(element.n)
            if block is not None:
                yield ctx.report(
                    NAME,
                    ctx.t(MESSAGES, "content", n=element.n, short=element.short),
                    part="summary",
                    element=element.n,
                    block=block,
                    excerpt=block.text.strip()[:60],
                    severity="info",
                    suggestion=ctx.t(MESSAGES, "content-fix", label=label, short=element.short),
                )
                continue
            if not summary.headed:
                unconfirmed.append(element)
                continue
            suggestion = ctx.t(MESSAGES, "summary-fix", label=label, short=element.short)
            suggestion += _hint(ctx, summary, element.n)
            if considered:
                suggestion += ctx.t(
                    MESSAGES, "considered", headings=considered, short=element.short
                )
            yield ctx.report(
                NAME,
                ctx.t(MESSAGES, "summary", n=element.n, title=element.title),
                part="summary",
                element=element.n,
                suggestion=suggestion,
            )
        if unconfirmed:
            # no headings at all: one request for them, not an error per element (whether
            # prose covers an element is the reviewer's call; headings make it checkable)
            shorts = [e.short for e in category.elements]
            yield _unheaded(
                ctx,
                "unheaded",
                "summary",
                unconfirmed,
                "unheaded-fix",
                first=shorts[0],
                second=shorts[min(1, len(shorts) - 1)],
            )
    yield from _empty_sections(ctx)
    detailed = ctx.outline("detailed")
    part = ctx.part("detailed")
    if detailed is None or part is None:
        return
    body = body_blocks(part.blocks)
    if not body:
        return  # a detailed part of headings only is part-missing's to report
    text = "\n".join(b.text for b in body)
    lacking = []
    for element in category.elements:
        if element.n in detailed.matches and body_blocks(detailed.section(element.n)):
            continue  # a section with text under its heading
        cues = element.detail_cues or element.keywords
        if element.n not in detailed.matches and any(cue in text for cue in cues):
            continue  # discussed in the body without a heading of its own
        lacking.append(element)
    if lacking and not detailed.headed:
        yield _unheaded(
            ctx, "detailed-unheaded", "detailed", lacking, "detailed-fix", short=lacking[0].short
        )
        return
    for element in lacking:
        yield ctx.report(
            NAME,
            ctx.t(MESSAGES, "detailed", n=element.n, short=element.short),
            part="detailed",
            element=element.n,
            severity="warning",
            suggestion=ctx.t(MESSAGES, "detailed-fix", short=element.short),
        )


def _hint(ctx: CaseContext, summary, n: int) -> str:
    """What seemed to touch on a missing element in a headed summary, and why it does not count."""
    block = summary.hints.get(n)
    if block is None:
        return ""
    parent = summary.hint_parents.get(n)
    if parent is not None:
        nested = next(h for h in summary.headings if h.block is block)
        return ctx.t(MESSAGES, "nested-hint", hint=nested.shown, parent=parent.shown)
    location = block.location
    if location.line is not None:
        where = f"第{location.line}行" if ctx.lang == "zh" else f"line {location.line}"
    else:
        number = location.part_paragraph or location.paragraph
        where = f"第{number}段" if ctx.lang == "zh" else f"paragraph {number}"
    text = block.text.strip()
    shown = text[:HINT_CHARS] + ("…" if len(text) > HINT_CHARS else "")
    return ctx.t(MESSAGES, "content-hint", where=where, hint=shown)


def _unheaded(
    ctx: CaseContext, key: str, part: str, elements: list, fix: str, **fix_params: str
) -> Finding:
    """One warning for a part without headings, naming the elements it could not confirm."""
    return ctx.report(
        NAME,
        ctx.t(
            MESSAGES,
            key,
            numbers=join_list([str(e.n) for e in elements], ctx.lang),
            titles=join_list([e.short for e in elements], ctx.lang),
        ),
        part=part,
        element=elements[0].n,
        severity="warning",
        suggestion=ctx.t(MESSAGES, fix, **fix_params),
    )


def _considered(ctx: CaseContext, summary) -> str:
    """「一、基本情况（要素1）、三、成效与推广（要素3、4）、五、其他（未对应要素）」."""
    shown = []
    for heading in summary.top_headings():
        numbers = summary.elements_of(heading)
        what = (
            ctx.t(MESSAGES, "as-element", numbers=join_list([str(n) for n in numbers], ctx.lang))
            if numbers
            else ctx.t(MESSAGES, "as-none")
        )
        text = heading.shown
        shown.append(f"{text}（{what}）" if ctx.lang == "zh" else f"{text} ({what})")
    return join_list(shown, ctx.lang)


def _empty_sections(ctx: CaseContext) -> Iterator[Finding]:
    """Summary elements whose heading has nothing under it."""
    summary = ctx.outline("summary")
    if summary is None or not body_blocks(summary.blocks):
        return  # a summary of headings only is part-missing's to report
    reported: set[int] = set()
    for match in summary.order:
        heading = match.heading
        section = summary.section(match.element.n)
        if heading.run_in or heading.index in reported:
            continue  # 「五、存在的困难与对策：……」 carries its text in the same paragraph
        if any(b.text.strip() and not b.heading_like for b in section):
            continue
        reported.add(heading.index)
        yield ctx.report(
            NAME,
            ctx.t(MESSAGES, "empty", n=match.element.n, short=match.element.short),
            part="summary",
            element=match.element.n,
            block=heading.block,
            excerpt=heading.block.display_text.strip(),
            suggestion=ctx.t(MESSAGES, "empty-fix", title=match.element.title),
        )

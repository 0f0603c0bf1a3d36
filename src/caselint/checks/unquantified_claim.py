"""unquantified-claim (W002): a sentence claims an effect and gives no figure.

What it does
    Flags sentences that claim a result — 提升, 增长, 显著, 大幅, 成效显著 … (the pack's claim
    words, matched as words or as the head or tail of a compound) — without any quantity in the same sentence: a number with a
    unit or a percent sign, in Arabic or Chinese numerals (35.6%, 1579万次, 三倍). Dates,
    ordinals and set phrases such as 一体化, 一系列, 一站式, 第一季度 are not quantities. A claim
    word that is negated (不突破), states a purpose (为减少…), a plan (下一步将提高…, or any
    sentence under a 下一步/计划 heading) or labels an item (突破：…) is no claim; headings are
    not checked. The summary's results element (成效) must carry at least one figure.
Why it matters
    四、材料编写体例: 应提供详细真实的数据说明……避免过多主观感性描述. A reviewer cannot weigh
    "用户规模大幅增长"; "用户由 12 万增至 86 万（2022—2024年）" can be weighed.
How to fix
    Put the figure, its period and its base in the sentence: 由 A 增至 B、同比增长 X%.
"""

from __future__ import annotations

from collections.abc import Iterator

from caselint.checks.base import CaseContext, Example, Examples
from caselint.core.i18n import Catalog
from caselint.core.model import PART_NAMES, Finding
from caselint.text.quantity import sentences

DOC_ZH = """unquantified-claim（W002）：句子声称取得了效果，却没有给出任何数据。

作用
    找出宣称效果的句子：含有规则包里的效果用语（显著、大幅、成效显著等），或“提升、增长、增加”
    这类变化词前面有程度词（有效提高）、或位于句末（用户数增长。），而同一句里没有任何数量，即带
    单位或百分号的数字，阿拉伯数字和汉字数字都算（35.6%、1579万次、三倍）。日期、序号和“一体化、
    一系列、一站式、第一季度”这类固定说法不算数量。会报告：“平台用户活跃度大幅提升。”“改革成效
    显著。”“通过一体化改革，传播效果显著增强。”不会报告：“日活由2.1万提升至4.2万”这样带数据的；
    只是陈述做了什么的（增加直播功能）；否定（不突破编制总量）、目的（为减少人工统计）、计划（下一步
    将提高……，以及“下一步”“计划”等标题下的所有句子）和条目标签（突破：……）；标题本身。此外，
    综合材料的“成效”要素中至少要有一个数据。
原因
    通知“四、材料编写体例”要求“应提供详细真实的数据说明”“避免过多主观感性描述”。专家无法掂量
    “用户规模大幅增长”，“用户由 12 万增至 86 万（2022—2024年）”才能比较。
修改
    在同一句里写出数字、时间段和基数，如“由 A 增至 B”“同比增长 X%”。
"""

NAME = "unquantified-claim"
MAX_PER_PART = 20

MESSAGES: Catalog = {
    "claim": {
        "zh": "“{cue}”是效果表述，但本句没有任何数据",
        "en": "“{cue}” claims an effect, but the sentence gives no figure",
    },
    "claim-fix": {
        "zh": "补充具体数值、时间段和基数，如“由 A 增至 B（2023—2024年）”“同比增长 X%”",
        "en": "add the figure, its period and base, e.g. “from A to B (2023–2024)”, “up X% year on year”",
    },
    "results": {
        "zh": "综合材料的要素{n}“{short}”没有任何数据",
        "en": "element {n} “{short}” of the summary gives no figure",
    },
    "results-fix": {
        "zh": "至少给出一项可核实的成效数据（用户数、收入、服务量等，并注明截至日期）",
        "en": "give at least one verifiable result figure (users, income, services …, with a date)",
    },
}

EXAMPLES = Examples(
    fail=(
        Example("“大幅提升”没有数据", add_to_detailed="平台用户活跃度大幅提升。"),
        Example("一体化不是数量", add_to_detailed="通过一体化改革，传播效果显著增强。"),
        Example("“成效显著”连写也是效果表述", add_to_detailed="改革成效显著。"),
    ),
    pass_=(
        Example("有数据的效果表述", add_to_detailed="2024年平台日活由2.1万提升至4.2万。"),
        Example("第一季度不是数量但有百分比", add_to_detailed="第一季度广告收入同比增长12.5%。"),
        Example(
            "否定与目的不是效果表述",
            add_to_detailed="为减少人工统计，中心开发了积分系统，且不突破编制总量。",
        ),
    ),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    claims = ctx.claims
    quantities = ctx.quantities
    reported = set(ctx.pack.wording.report_weights)
    for name in PART_NAMES:
        part = ctx.part(name)
        if part is None:
            continue
        count = 0
        for document, block in part.located():
            if claims.skip_block(block):
                continue
            for sentence in sentences(block.text):
                if count >= MAX_PER_PART or quantities.has_quantity(sentence.text):
                    continue
                taken = [
                    (h.start, h.end)
                    for h in ctx.wording.hits(sentence.text)
                    if h.cls.weight in reported and not h.downgraded
                ]
                claim = claims.find(sentence.text, taken)
                if claim is None:
                    continue
                count += 1
                start = sentence.start + claim.start
                lead = len(sentence.text) - len(sentence.text.lstrip())
                yield ctx.report(
                    NAME,
                    ctx.t(MESSAGES, "claim", cue=claim.cue),
                    part=name,
                    block=block,
                    document=document,
                    start=start,
                    end=start + len(claim.cue),
                    excerpt=sentence.text.strip(),
                    excerpt_offset=sentence.start + lead,
                    suggestion=ctx.t(MESSAGES, "claim-fix"),
                )
    yield from _results_without_figures(ctx)


def _results_without_figures(ctx: CaseContext) -> Iterator[Finding]:
    summary = ctx.outline("summary")
    if summary is None or ctx.category is None:
        return
    quantities = ctx.quantities
    for element in ctx.category.elements:
        if not element.results or element.n not in summary.matches:
            continue
        blocks = summary.section(element.n)
        if not any(b.text.strip() and not b.heading_like for b in blocks):
            continue  # an empty section is element-missing's to report
        figures = sum(len(quantities.spans(b.text)) for b in blocks)
        if figures < ctx.pack.data.results_min_figures:
            heading = summary.matches[element.n].heading
            yield ctx.report(
                NAME,
                ctx.t(MESSAGES, "results", n=element.n, short=element.short),
                part="summary",
                element=element.n,
                block=heading.block,
                excerpt=heading.block.display_text.strip(),
                suggestion=ctx.t(MESSAGES, "results-fix"),
            )

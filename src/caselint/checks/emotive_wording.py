"""emotive-wording (W001): superlative, absolute, exaggerated, emotive or formulaic wording.

What it does
    Finds the pack's wording-lexicon entries in both parts: superlatives (最佳, 全国领先),
    rankings and firsts (全国首创, 唯一), exaggeration (颠覆性, 现象级), emotion (震撼, 振奋人心),
    unattributed praise (广受好评) and hollow formulas (取得显著成效). Contexts that are not
    claims are left alone: 最终, 第一季度, 非常规, names in 《》 or short quotes, quoted policy
    wording, and entries that cut through a word (极 in 积极). Each finding says why a reviewer
    discounts the phrase and what to write instead. Always a warning, never an error: the notice
    asks to avoid *excessive* subjective description, so a single 最 never blocks a case.
Why it matters
    四、材料编写体例: 详细材料……避免过多主观感性描述.
How to fix
    Replace the claim by the fact behind it: a figure, its period and its source
    (「2024年省内同类客户端下载量排名第一（数据来源：XX榜单）」).
"""

from __future__ import annotations

from collections.abc import Iterator

from caselint.checks.base import CaseContext, Example, Examples
from caselint.i18n import Catalog
from caselint.model import PART_NAMES, BlockKind, Finding

NAME = "emotive-wording"

MESSAGES: Catalog = {
    "hit": {
        "zh": "“{term}”：{reason}",
        "en": "“{term}”: {reason}",
    },
}
DEFAULT_ADVICE = {
    "zh": "删去，或改为可核实的事实：数据、时间范围和来源",
    "en": "remove it, or state the verifiable fact behind it: figure, period and source",
}

EXAMPLES = Examples(
    fail=(
        Example("自称全国领先", add_to_detailed="我台打造了全国领先的县级融媒体客户端。"),
        Example("广受好评", add_to_detailed="节目播出后广受好评，社会反响热烈。"),
    ),
    pass_=(
        Example(
            "最终、第一季度不是最高级", add_to_detailed="第一季度完成了改版，最终上线三个频道。"
        ),
        Example("《》中的节目名称", add_to_detailed="开设《最美基层干部》栏目，播出48期。"),
    ),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    matcher = ctx.wording
    report_weights = set(ctx.pack.wording.report_weights)
    for name in PART_NAMES:
        part = ctx.part(name)
        if part is None:
            continue
        for document, block in part.located():
            if not block.text.strip():
                continue
            value_cell = block.kind is BlockKind.TABLE_CELL
            for hit in matcher.hits(block.text):
                if hit.cls.weight not in report_weights:
                    continue
                if value_cell and block.text.strip() == hit.term:
                    continue  # a table cell holding only 100% is a value under its column header
                excerpt, offset = ctx.sentence_at(block, hit.start)
                reason, advice = hit.cls.explain(ctx.lang)
                yield ctx.report(
                    NAME,
                    ctx.t(MESSAGES, "hit", term=hit.term, reason=reason),
                    part=name,
                    block=block,
                    document=document,
                    start=hit.start,
                    end=hit.end,
                    excerpt=excerpt,
                    excerpt_offset=offset,
                    suggestion=advice or DEFAULT_ADVICE[ctx.lang],
                )

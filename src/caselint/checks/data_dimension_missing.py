"""data-dimension-missing (D001): the detailed part gives no figure for a data dimension.


What it does
    For each data dimension the notice names — 数量规模、用户反馈、收支情况、经营现状、商业模式、
    发展预期 — looks for a sentence of the 详细材料 that has both one of the dimension's cue words
    (用户数, 满意度, 营收, 团队, 广告, 预计 …) and a quantity. A dimension with none is reported
    with what data would fill it.
Why it matters
    四、材料编写体例: 应提供详细真实的数据说明，包括但不限于数量规模、用户反馈、收支情况、经营
    现状、商业模式和发展预期等反映社会效益、经济效益及可持续性等方面的数据.
    It also gives two hints (severity info) when the detailed part has no comparative data at
    all (同比, 环比, 较上年, 较2022年, 由 A 增至 B …) or no statistics cut-off date (截至2024年12月31日);
    their findings carry ``dimension`` ``comparison`` and ``cutoff``.
How to fix
    Add a sentence with the figure: 「2024年经营性收入1260万元，其中广告占42%」; date figures
    (截至……) and compare them with a previous period (可增加对比性数据).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caselint.cases.case import PartText
from caselint.checks.base import CaseContext, Example, Examples
from caselint.core.i18n import Catalog
from caselint.core.model import Finding
from caselint.text.quantity import sentences

DOC_ZH = """data-dimension-missing（D001）：详细材料缺少某一类数据。

作用
    通知点名了六类数据：数量规模、用户反馈、收支情况、经营现状、商业模式、发展预期。本规则逐类在
    详细材料中找一句话，要求这句话既有该类的指标词（用户数、满意度、营收、团队、广告、预计等），
    又有具体数值。某一类一句也找不到，就报告这一类，并说明补哪些数据合适。例如：详细材料只写了
    注册用户和日活，会报告“用户反馈”“收支情况”等几类缺数据；“我们高度重视用户反馈”没有数值，
    不算；“2024年用户满意度调查回收问卷3200份，满意率92%”则补齐了用户反馈。
原因
    通知“四、材料编写体例”要求“应提供详细真实的数据说明，包括但不限于数量规模、用户反馈、收支
    情况、经营现状、商业模式和发展预期等反映社会效益、经济效益及可持续性等方面的数据”。
    此外，详细材料通篇没有对比性数据（同比、环比、较上年、较2022年、由 A 增至 B 等），或没有写统计
    截止日期（如“截至2024年12月31日”）时，各给一条提示（级别为“提示”）。全文有一处即可。
修改
    补上带数值的句子，如“2024年经营性收入1260万元，其中广告收入占42%”；在数据前注明“截至某年
    某月某日”，并给关键指标配上与上一年度或改革前的对比。
"""

NAME = "data-dimension-missing"

MESSAGES: Catalog = {
    "missing": {
        "zh": "详细材料缺少“{dimension}”方面的数据（没有同时含相关指标和数值的句子）",
        "en": "the detailed part gives no “{dimension}” data (no sentence with a cue and a figure)",
    },
    "comparison": {
        "zh": "详细材料没有对比性数据（同比、环比、较上年等）",
        "en": "the detailed part has no comparative data (year on year, versus last year …)",
    },
    "comparison-fix": {
        "zh": "为关键指标补充与上一年度或改革前的对比，如“同比增长 X%”“由 A 增至 B”",
        "en": "compare key figures with the previous year or the baseline",
    },
    "cutoff": {
        "zh": "详细材料没有写明统计截止日期（如“截至2024年12月31日”）",
        "en": "the detailed part gives no cut-off date for its figures (截至……)",
    },
    "cutoff-fix": {
        "zh": "在数据前注明“截至某年某月某日”",
        "en": "date the figures: “截至 YYYY年M月D日”",
    },
}

EXAMPLES = Examples(
    fail=(
        Example(
            "没有对比也没有截止日期（两条提示）",
            detailed="""# 详细材料
## 一、基本情况
客户端注册用户86万，日活4.2万。
""",
        ),
        Example(
            "详细材料只有规模数据",
            detailed="""# 详细材料
## 一、基本情况
截至2024年12月31日，客户端注册用户86万，日活4.2万。
## 二、主要做法
我们持续优化内容生产流程。
""",
        ),
    ),
    pass_=(Example("六类数据齐全，有同比数据和截止日期"),),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    part = ctx.part("detailed")
    if part is None:
        return
    quantified = [
        s.text
        for b in part.blocks
        for s in sentences(b.text)
        if ctx.quantities.has_quantity(s.text)
    ]
    for dimension in ctx.pack.data.dimensions:
        if any(cue in text for text in quantified for cue in dimension.cues):
            continue
        yield ctx.report(
            NAME,
            ctx.t(MESSAGES, "missing", dimension=dimension.name),
            part="detailed",
            dimension=dimension.name,
            suggestion=dimension.advice or None,
        )
    yield from _context_hints(ctx, part)


def _context_hints(ctx: CaseContext, part: PartText) -> Iterator[Finding]:
    """Hints (info): no comparison anywhere, no cut-off date anywhere (可增加对比性数据)."""
    text = "\n".join(b.text for b in part.blocks)
    data = ctx.pack.data
    compared = any(cue in text for cue in data.comparison_cues) or any(
        re.search(pattern, text) for pattern in data.comparison_patterns
    )
    if (data.comparison_cues or data.comparison_patterns) and not compared:
        yield ctx.report(
            NAME,
            ctx.t(MESSAGES, "comparison"),
            severity="info",
            part="detailed",
            dimension="comparison",
            suggestion=ctx.t(MESSAGES, "comparison-fix"),
        )
    if data.cutoff_cues and not any(cue in text for cue in data.cutoff_cues):
        yield ctx.report(
            NAME,
            ctx.t(MESSAGES, "cutoff"),
            severity="info",
            part="detailed",
            dimension="cutoff",
            suggestion=ctx.t(MESSAGES, "cutoff-fix"),
        )

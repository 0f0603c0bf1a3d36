"""data-context-missing (D002): no comparison or no cut-off date anywhere in the detailed part.

What it does
    Looks in the 详细材料 for comparative data (同比, 环比, 较上年, 较2022年, 由 A 增至 B, 从 A
    提高到 B …; words and patterns from the pack) and for a
    statistics cut-off date (截至2024年12月31日). Either missing is a hint (info).
Why it matters
    四、材料编写体例: 可增加对比性数据. Figures without a date or a base cannot be compared
    across cases.
How to fix
    Date your figures (截至……) and compare them with a previous period.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caselint.checks.base import CaseContext, Example, Examples
from caselint.i18n import Catalog
from caselint.model import Finding

DOC_ZH = """data-context-missing（D002）：详细材料通篇没有对比数据，或没有写统计截止日期。

作用
    在详细材料中查找两样东西：一是对比性数据，如“同比”“环比”“较上年”“较2022年”“由 A 增至 B”
    “从 A 提高到 B”（用词和句式来自规则包）；二是统计截止日期，如“截至2024年12月31日”。缺哪一样
    就提示哪一样。例如：只写“客户端注册用户86万，日活4.2万”，既无对比也无日期，两条提示都会给出；
    写了“截至2024年12月31日，注册用户86万，同比增长21%”的不会提示。只要全文有一处即可，不要求每个
    数字都带。级别为“提示”。
原因
    通知“四、材料编写体例”提出“可增加对比性数据”。没有日期、没有基数的数字，评审时无法在案例之间
    比较。
修改
    在数据前注明“截至某年某月某日”，并给关键指标配上与上一年度或改革前的对比。
"""

NAME = "data-context-missing"

MESSAGES: Catalog = {
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
            "没有对比也没有截止日期",
            detailed="""# 详细材料
## 一、基本情况
客户端注册用户86万，日活4.2万。
""",
        ),
    ),
    pass_=(Example("有同比数据和截止日期"),),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    part = ctx.part("detailed")
    if part is None:
        return
    text = "\n".join(b.text for b in part.blocks)
    data = ctx.pack.data
    compared = any(cue in text for cue in data.comparison_cues) or any(
        re.search(pattern, text) for pattern in data.comparison_patterns
    )
    if (data.comparison_cues or data.comparison_patterns) and not compared:
        yield ctx.report(
            NAME,
            ctx.t(MESSAGES, "comparison"),
            part="detailed",
            dimension="comparison",
            suggestion=ctx.t(MESSAGES, "comparison-fix"),
        )
    if data.cutoff_cues and not any(cue in text for cue in data.cutoff_cues):
        yield ctx.report(
            NAME,
            ctx.t(MESSAGES, "cutoff"),
            part="detailed",
            dimension="cutoff",
            suggestion=ctx.t(MESSAGES, "cutoff-fix"),
        )

"""element-order (S004): the summary's elements are not in the notice's order.

What it does
    Compares the order of the recognised element headings in the 综合材料 with the order the
    notice lists them in, and names the first element that comes too early.
Why it matters
    Reviewers read many cases side by side in the notice's order; a case that follows it is
    easier to assess. A warning, not an error: the notice lists the elements without requiring
    their order.
How to fix
    Move the section so the elements run 1 to 6.
"""

from __future__ import annotations

from collections.abc import Iterator

from caselint.checks.base import CaseContext, Example, Examples
from caselint.core.i18n import Catalog
from caselint.core.model import Finding

DOC_ZH = """element-order（S004）：综合材料各要素的顺序与通知所列顺序不一致。

作用
    把综合材料中认出的要素标题的先后顺序，与通知列出要素的顺序对照，指出第一个排得过早的要素，
    每个案例只报一处。例如：“五、经验启示与下一步打算”写在“六、存在的困难与对策”前面，会报告。
    不会报告：要素按 1 到 6 排列，只是标题措辞与通知不同；缺了某个要素（那是 element-missing
    报告的问题）。
原因
    评审专家按通知的顺序把许多案例放在一起读，顺序一致的材料更便于比较评判。通知列出了要素，
    但没有明确要求顺序，所以本规则只是“警告”，不是“错误”。
修改
    调整各部分的位置，让要素按 1 到 6 的顺序排列。
"""

NAME = "element-order"

MESSAGES: Catalog = {
    "order": {
        "zh": "要素{n}“{short}”排在要素{before}“{before_short}”之后，与通知所列顺序不一致",
        "en": "element {n} “{short}” comes after element {before} “{before_short}”, "
        "unlike the notice's order",
    },
    "fix": {
        "zh": "按通知顺序（要素1至6）调整各部分位置",
        "en": "reorder the sections as the notice lists the elements (1 to 6)",
    },
}

EXAMPLES = Examples(
    fail=(
        Example(
            "“经验启示”写在“问题与对策”之前",
            summary="""# 综合材料
## 一、基本情况
本台客户端于2021年上线，截至2024年12月31日注册用户86万。
## 二、主要做法
建设账号矩阵32个，统一调度。
## 三、取得成效
2024年客户端日活4.2万，同比增长18%。
## 四、推广价值
模式已在本省6个县级融媒体中心复制。
## 五、经验启示与下一步打算
下一步计划接入本省12个地市的服务事项。
## 六、存在的困难与对策
县级中心技术人员不足，通过省级平台集中运维解决。
""",
        ),
    ),
    pass_=(Example("要素按顺序排列"),),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    summary = ctx.outline("summary")
    if summary is None:
        return
    highest = None
    for match in summary.order:
        if highest is not None and match.element.n < highest.element.n:
            yield ctx.report(
                NAME,
                ctx.t(
                    MESSAGES,
                    "order",
                    n=match.element.n,
                    short=match.element.short,
                    before=highest.element.n,
                    before_short=highest.element.short,
                ),
                part="summary",
                element=match.element.n,
                block=match.heading.block,
                excerpt=match.heading.block.display_text.strip(),
                suggestion=ctx.t(MESSAGES, "fix"),
            )
            return
        if highest is None or match.element.n > highest.element.n:
            highest = match

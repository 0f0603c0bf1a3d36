"""category-focus (D002): the detailed part never addresses the category's emphasis.

What it does
    The notice gives each category an emphasis: 新媒体平台建设 前瞻性与互动性, 融合生产传播 多元
    性与协同性, 综合信息服务 全面性与精准性, 创新发展机制 引领性与实效性. The check looks for the
    emphasis's cue words (互动, 协同, 精准, 引领 …) in the 详细材料 and gives a hint (info) when
    none appears. When the category is unknown it says (info) that this was not checked.
Why it matters
    四、材料编写体例: 详细材料应……按照所申报类别的相关要求明确本案例的侧重点.
How to fix
    Say explicitly how the case shows the category's emphasis, with data.
"""

from __future__ import annotations

from collections.abc import Iterator

from caselint.checks.base import CaseContext, Example, Examples
from caselint.core.i18n import Catalog
from caselint.core.model import Finding

DOC_ZH = """category-focus（D002）：详细材料没有体现所报类别的侧重点。

作用
    通知给每个类别定了侧重点：新媒体平台建设看前瞻性与互动性，融合生产传播看多元性与协同性，
    综合信息服务看全面性与精准性，创新发展机制看引领性与实效性。本规则在详细材料中查找与侧重点
    对应的提示词（互动、协同、精准、引领等），一个也找不到时给出提示。类别无法确定时无从检查，
    也给出提示说明未检查。例如：新媒体平台建设类的
    详细材料通篇只写注册用户和同比增幅，不谈互动和前瞻，会提示；写了“用户留言互动量”“版本迭代”
    等内容的不会提示。综合材料不在检查范围内。级别为“提示”，不算错误。
原因
    通知“四、材料编写体例”要求详细材料“按照所申报类别的相关要求明确本案例的侧重点”。
修改
    专门用一段文字讲清本案例如何体现所报类别的侧重点，并配上数据。
"""

NAME = "category-focus"

MESSAGES: Catalog = {
    "focus": {
        "zh": "详细材料未体现“{category}”类别的侧重点“{emphasis}”",
        "en": "the detailed part does not address the emphasis of “{category}”: “{emphasis}”",
    },
    "skipped": {
        "zh": "申报类别未确定，未检查详细材料是否体现类别侧重点",
        "en": "the category is unknown: whether the detailed part addresses its emphasis was not checked",
    },
    "fix": {
        "zh": "用一段文字和数据说明本案例如何体现“{emphasis}”",
        "en": "explain, with figures, how the case shows “{emphasis}”",
    },
}

EXAMPLES = Examples(
    fail=(
        Example(
            "平台类详细材料完全不谈互动和前瞻",
            detailed="""# 详细材料
## 一、基本情况
截至2024年12月31日，客户端注册用户86万，同比增长21%。
""",
        ),
    ),
    pass_=(Example("详细材料写了用户互动数据"),),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    part = ctx.part("detailed")
    if part is None:
        return
    if ctx.category is None:
        yield ctx.report(NAME, ctx.t(MESSAGES, "skipped"), part="detailed")
        return
    text = "\n".join(b.text for b in part.blocks)
    if any(cue in text for cue in ctx.category.emphasis_cues):
        return
    yield ctx.report(
        NAME,
        ctx.t(MESSAGES, "focus", category=ctx.category.name, emphasis=ctx.category.emphasis),
        part="detailed",
        suggestion=ctx.t(MESSAGES, "fix", emphasis=ctx.category.emphasis),
    )

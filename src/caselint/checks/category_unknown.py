"""category-unknown (S002): the case's category cannot be determined.

What it does
    Looks for the category in ``--category``, the case metadata (front matter, case.toml,
    document properties: 类别 / category), the title line (「融合生产传播类」), then the folder
    and file names. The 2024 name 体制机制改革 counts as 创新发展机制.
Why it matters
    The six required elements and the emphasis differ per category; without it they cannot be
    checked, and the platform files each case under one category.
How to fix
    State the category: ``类别: 融合生产传播`` in the metadata, ``--category``, or in the title.
"""

from __future__ import annotations

from collections.abc import Iterator

from caselint.cases.metadata_advice import metadata_where
from caselint.checks.base import CaseContext, Example, Examples
from caselint.core.i18n import Catalog, join_list
from caselint.core.model import Finding

DOC_ZH = """category-unknown（S002）：无法确定案例的申报类别。

作用
    依次在这些地方查找申报类别：命令行的 --category 参数；案例信息（Markdown 文件开头的信息块、
    同目录的 case.toml，或 Word 文档属性中的“类别”）；标题行（如“融合生产传播类”）；最后是文件夹名
    和文件名。会报告：哪里都没写类别；写了通知里没有的类别（如“融媒体建设”），此时会列出四个可选
    类别。不会报告：标题写“某某客户端建设（新媒体平台建设类）”；沿用 2024 年的类别名称“体制机制
    改革”，按“创新发展机制”处理。
原因
    各类别的六项要素和侧重点各不相同，不知道类别就无法检查；申报平台上每个案例也只能归入一个
    类别。
修改
    写明类别：在案例信息中写“类别: 融合生产传播”，或用 --category 指定，或写进标题。
"""

NAME = "category-unknown"

MESSAGES: Catalog = {
    "unknown": {
        "zh": "无法确定申报类别，应为以下之一：{choices}",
        "en": "the category cannot be determined; it must be one of: {choices}",
    },
    "invalid": {
        "zh": "申报类别“{value}”无效，应为以下之一：{choices}",
        "en": "invalid category “{value}”; it must be one of: {choices}",
    },
    "fix": {
        "zh": "{where}；或用 --category 指定，或在标题中写明类别",
        "en": "{where}; or pass --category, or name it in the title",
    },
}

EXAMPLES = Examples(
    fail=(Example("没有任何地方写明类别", front_matter=False),),
    pass_=(
        Example("front matter 写明类别"),
        Example("2024 年的类别名称按别名识别", category="体制机制改革"),
    ),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    if ctx.category is not None or not ctx.case.documents:
        return
    choices = join_list([c.name for c in ctx.pack.categories], ctx.lang)
    claimed = ctx.category_claim
    key = "invalid" if claimed else "unknown"
    yield ctx.report(
        NAME,
        ctx.t(MESSAGES, key, value=claimed, choices=choices),
        suggestion=ctx.t(
            MESSAGES,
            "fix",
            where=metadata_where(ctx.case, ctx.lang, "类别", ctx.pack.categories[0].name),
        ),
    )

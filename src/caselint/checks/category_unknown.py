"""category-unknown (S002): the case's category cannot be determined.

What it does
    Looks for the category in ``--category``, the case metadata (case.toml, front matter,
    document properties: 类别 / category), the draft's opening lines (申报类别：融合生产传播),
    the title line (「融合生产传播类」, or an unambiguous part of a name: 全媒体协同生产传播), then
    the folder and file names. Names of other years count (体制机制改革, 体制机制创新, 创新机制 →
    创新发展机制). When none is stated the text is read against the four categories'
    definitions and elements: a clear reading is ``category-inferred`` (a warning); a close
    call is this error, naming the two closest categories and the words that point to each.
    The elements all categories share (总体情况, 做法, 成效, 问题) are still checked; the
    others and the category's emphasis are not, and their rules say so.
Why it matters
    The six required elements and the emphasis differ per category; without it they cannot be
    checked, and the platform files each case under one category.
How to fix
    State the category: ``申报类别：融合生产传播`` under the title, ``类别: 融合生产传播`` in the
    metadata, ``--category``, or in the title.
"""

from __future__ import annotations

from collections.abc import Iterator

from caselint.cases.metadata_advice import metadata_where
from caselint.checks.base import CaseContext, Example, Examples
from caselint.core.i18n import Catalog, join_list
from caselint.core.model import Finding

DOC_ZH = """category-unknown（S002）：无法确定案例的申报类别。

作用
    依次在这些地方查找申报类别：命令行的 --category 参数；案例信息（同目录的 case.toml、Markdown
    文件开头的信息块，或 Word 文档属性中的“类别”）；稿件开头标题下的“申报类别：融合生产传播”这类
    信息行或表格；标题行（如“融合生产传播类”，或只含某一类别名称的一部分，如“全媒体协同生产传播”）；
    最后是文件夹名和文件名。往年的类别名称也认（“体制机制改革”“体制机制创新”“创新机制”按
    “创新发展机制”处理）。哪里都没写类别时，按四个类别的定义和要素用词阅读正文：明显接近某一类别
    的，报 category-inferred（警告）并按该类别检查；难以判定的，报本规则（错误），列出最接近的
    两个类别及各自的依据词。此时仍检查各类别共有的要素（总体情况、做法、成效、问题），其余要素和
    类别侧重点无法检查，相应规则会说明。会报告：写了通知里没有的类别（如“融媒体建设”），此时会
    列出四个可选类别；哪里都没写、正文也看不出类别。不会报告：标题写“某某客户端建设（新媒体平台
    建设类）”；沿用 2024 年的类别名称“体制机制改革”。
原因
    各类别的六项要素和侧重点各不相同，不知道类别就无法检查；申报平台上每个案例也只能归入一个
    类别。
修改
    写明类别：在标题下写“申报类别：融合生产传播”，或在案例信息中写“类别: 融合生产传播”，或用
    --category 指定，或写进标题。
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
    "candidates": {
        "zh": "；按内容最接近“{first}”（{first_evidence}），其次是“{second}”（{second_evidence}），差距不足以判定",
        "en": "; the text reads closest to “{first}” ({first_evidence}), then “{second}” ({second_evidence}), too close to call",
    },
    "several": {
        "zh": "申报类别写了{count}个：{names}；每个案例只能申报一个类别",
        "en": "{count} categories are stated: {names}; a case is submitted under one only",
    },
    "several-fix": {
        "zh": "只保留一个类别（按案例的侧重点选择），其余删去",
        "en": "keep one category (the one the case is about) and remove the others",
    },
    "no-evidence": {"zh": "无依据词", "en": "no telling words"},
    "fix": {
        "zh": "{where}；或用 --category 指定，或在标题中写明类别",
        "en": "{where}; or pass --category, or name it in the title",
    },
}

_MIXED_SUMMARY = """# 综合材料
## 一、基本情况
“爱山城”客户端于2021年上线，截至2024年12月31日注册用户42万，其中政务服务专区用户18万。
## 二、主要做法
客户端首页开设政务服务专区，接入民生事项86项；同步运营账号矩阵12个，引导用户在客户端办件。
## 三、取得成效
2024年专区办件量9.6万件，客户端日活3.1万，同比增长15%。
## 四、推广价值
“客户端+政务服务”的做法已在本省4个县复制。
## 五、存在的困难与对策
部门数据接口不统一，通过市大数据局统一对接解决。
## 六、经验启示与下一步打算
下一步计划新增民生服务事项30项，账号矩阵增至20个。
"""

_MIXED_DETAILED = """# 详细材料
## 一、总体情况
截至2024年12月31日，客户端注册用户42万，账号矩阵粉丝总量168万，政务服务专区累计办件21万件。
"""

EXAMPLES = Examples(
    fail=(
        Example(
            "没有写类别，内容在客户端与政务服务之间难以判定",
            summary=_MIXED_SUMMARY,
            detailed=_MIXED_DETAILED,
            front_matter=False,
        ),
    ),
    pass_=(
        Example("front matter 写明类别"),
        Example("2024 年的类别名称按别名识别", category="体制机制改革"),
    ),
)


def evidence(ctx: CaseContext, words: tuple[tuple[str, int], ...]) -> str:
    """「客户端 37次、账号 36次」: the words that pointed to a category, as a reader checks them."""
    if not words:
        return ctx.t(MESSAGES, "no-evidence")
    unit = "次" if ctx.lang == "zh" else "×"
    return join_list([f"{word} {times}{unit}" for word, times in words], ctx.lang)


def check(ctx: CaseContext) -> Iterator[Finding]:
    if ctx.category is not None or not ctx.case.documents:
        return
    several = ctx.resolution.several if ctx.resolution else ()
    if several:
        names = join_list([c.name for c in several], ctx.lang)
        yield ctx.report(
            NAME,
            ctx.t(MESSAGES, "several", count=len(several), names=names),
            suggestion=ctx.t(MESSAGES, "several-fix"),
        )
        return
    choices = join_list([c.name for c in ctx.pack.categories], ctx.lang)
    claimed = ctx.category_claim
    key = "invalid" if claimed else "unknown"
    message = ctx.t(MESSAGES, key, value=claimed, choices=choices)
    inference = ctx.resolution.inference if ctx.resolution else None
    if inference is not None and len(inference.candidates) > 1 and inference.best.score > 0:
        first, second = inference.candidates[:2]
        message += ctx.t(
            MESSAGES,
            "candidates",
            first=first.category.name,
            first_evidence=evidence(ctx, first.evidence),
            second=second.category.name,
            second_evidence=evidence(ctx, second.evidence),
        )
    example = inference.best.category.name if inference else ctx.pack.categories[0].name
    yield ctx.report(
        NAME,
        message,
        suggestion=ctx.t(
            MESSAGES, "fix", where=metadata_where(ctx.case, ctx.lang, "类别", example)
        ),
    )

"""category-inferred (S005): the case names no category; it was read from the text.

What it does
    When neither ``--category``, the case metadata, the draft's opening lines, its title nor
    its path names a category, the text is read against the four categories of the rule pack:
    the words of each category's definition, of what the notice expects of its cases
    (拟推选的案例应……), of its emphasis and element titles, that no other category uses, and the
    cues the pack lists for it (客户端, 账号矩阵 for 新媒体平台建设; 政务服务, 诉求 for 综合信息服务
    …). Words every category's elements share (成效, 借鉴, 下一步) count for none: they say how a
    draft is built, not what it is about. When one category leads clearly, the case is checked as that
    category — elements, emphasis, quota — and this warning names it with the words that
    decided it and the runner-up. A close call is ``category-unknown`` instead.
Why it matters
    The platform files each case under the category the applicant chooses; a reviewer reads
    the six elements of that category. An inferred category is a guess to confirm, not a
    choice.
How to fix
    Write the category under the title (``申报类别：新媒体平台建设``), in the metadata, or pass
    ``--category``.
"""

from __future__ import annotations

from collections.abc import Iterator

from caselint.cases.metadata_advice import metadata_where
from caselint.checks.base import CaseContext, Example, Examples
from caselint.checks.category_unknown import evidence
from caselint.core.i18n import Catalog
from caselint.core.model import Finding

DOC_ZH = """category-inferred（S005）：案例没有写明申报类别，按内容推断。

作用
    命令行 --category、案例信息、稿件开头的信息行、标题和文件名都没有写明类别时，按规则包中四个
    类别的定义、通知对该类案例的要求（“拟推选的案例应……”）、侧重点和要素标题里各自独有的词，以及
    规则包为各类别列出的提示词（新媒体平台建设的客户端、账号矩阵，综合信息服务的政务服务、诉求等）
    阅读正文；各类别要素共有的词（成效、借鉴、下一步等）只说明材料的结构，不计入。某一类别明显领先时，按该类别检查
    要素、侧重点和名额，并报本警告，写明推断的类别、起决定作用的词和次接近的类别。难以判定时报
    category-unknown（错误）。例如：通篇讲客户端注册用户、账号矩阵粉丝的稿件没写类别，推断为
    “新媒体平台建设”。不会报告：类别写在了任何地方（包括标题下“申报类别：……”一行）。
原因
    申报平台按申报单位选定的类别归档，评审专家按该类别的六个要素阅读。推断出的类别只是供核对的
    猜测，不能代替申报单位的选择。
修改
    在标题下写“申报类别：新媒体平台建设”，或在案例信息中写明，或用 --category 指定。
"""

NAME = "category-inferred"

MESSAGES: Catalog = {
    "inferred": {
        "zh": "未写明申报类别，按内容推断为“{category}”（依据：{evidence}；其次是“{second}”），已按该类别检查",
        "en": "no category stated; the text reads as “{category}” ({evidence}; next: “{second}”), "
        "and the case was checked as such",
    },
    "fix": {
        "zh": "请确认后写明类别：{where}",
        "en": "confirm it and state the category: {where}",
    },
}

EXAMPLES = Examples(
    fail=(Example("平台类稿件没有写明类别", front_matter=False),),
    pass_=(
        Example("front matter 写明类别"),
        Example(
            "标题下一行写明类别",
            front_matter=False,
            summary="# 综合材料\n申报类别：新媒体平台建设\n"
            "## 一、基本情况\n本台客户端于2021年上线，截至2024年12月31日注册用户86万。\n"
            "## 二、主要做法\n建设账号矩阵32个，统一调度。\n"
            "## 三、取得成效\n2024年客户端日活4.2万，同比增长18%。\n"
            "## 四、推广价值\n模式已在本省6个县级融媒体中心复制。\n"
            "## 五、存在的困难与对策\n县级中心技术人员不足，通过省级平台集中运维解决。\n"
            "## 六、经验启示与下一步打算\n下一步计划接入本省12个地市的服务事项。\n",
        ),
    ),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    resolution = ctx.resolution
    if resolution is None or not resolution.inferred or ctx.category is None:
        return
    inference = resolution.inference
    if inference is None or inference.best is None:
        return
    best = inference.best
    second = inference.candidates[1].category.name if len(inference.candidates) > 1 else "—"
    yield ctx.report(
        NAME,
        ctx.t(
            MESSAGES,
            "inferred",
            category=ctx.category.name,
            evidence=evidence(ctx, best.evidence),
            second=second,
        ),
        suggestion=ctx.t(
            MESSAGES, "fix", where=metadata_where(ctx.case, ctx.lang, "类别", ctx.category.name)
        ),
    )

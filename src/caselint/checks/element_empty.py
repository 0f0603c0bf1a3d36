"""element-empty (S005): an element of the summary has its heading but nothing under it.

What it does
    For every element heading recognised in the 综合材料, looks at what stands between it and
    the next heading of the same or a higher level. Nothing but (sub)headings — or a template's
    guide comments — means the element is named but not written.
Why it matters
    四、材料编写体例: 综合材料应包括但不限于以下要素. A heading alone does not give the
    element; reviewers see an unfinished draft.
How to fix
    Write the section, or remove the heading if the element is covered elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from caselint.checks.base import CaseContext, Example, Examples
from caselint.i18n import Catalog
from caselint.model import Finding
from caselint.structure import body_blocks

DOC_ZH = """element-empty（S005）：综合材料中某个要素只有标题，没有内容。

作用
    对综合材料里认出的每个要素标题，看它和下一个同级或更高一级标题之间有没有正文。如果只有下级
    小标题，或只有模板里的填写提示，就说明这个要素只列了标题、没有写。例如：“五、存在的困难与
    对策”下面紧接着就是“六、经验启示与下一步打算”，会报告。不会报告：标题和正文写在同一段里的，
    如“五、存在的困难与对策：县级中心技术人员不足……”；小标题下面有哪怕一段正文的。
原因
    通知“四、材料编写体例”规定“综合材料应包括但不限于以下要素”。只有标题不等于写了这个要素，
    评审专家看到的是一份没写完的稿子。
修改
    在该标题下把内容写上；如果这部分内容已在别处写过，就删掉这个空标题。
"""

NAME = "element-empty"

MESSAGES: Catalog = {
    "empty": {
        "zh": "综合材料的要素{n}“{short}”只有标题，没有内容",
        "en": "element {n} “{short}” of the summary has a heading but no text",
    },
    "fix": {
        "zh": "在该标题下写明相关内容（可参照通知所列要素：{title}）",
        "en": "write the section under this heading (the notice's element: {title})",
    },
}

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
    ),
    pass_=(Example("每个要素都有内容"),),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    summary = ctx.outline("summary")
    if summary is None or not body_blocks(summary.blocks):
        return  # a summary of headings only is part-missing's to report
    for match in summary.order:
        heading = match.heading
        section = summary.section(match.element.n)
        if heading.run_in:
            continue  # 「五、存在的困难与对策：……」 carries its text in the same paragraph
        if any(b.text.strip() and not b.heading_like for b in section):
            continue
        yield ctx.report(
            NAME,
            ctx.t(MESSAGES, "empty", n=match.element.n, short=match.element.short),
            part="summary",
            element=match.element.n,
            block=heading.block,
            excerpt=heading.block.display_text.strip(),
            suggestion=ctx.t(MESSAGES, "fix", title=match.element.title),
        )

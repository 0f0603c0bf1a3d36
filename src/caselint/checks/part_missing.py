"""part-missing (S001): the case lacks its 综合材料 or its 详细材料.

What it does
    Looks for both parts of the case: a heading or title line naming 综合材料 / 详细材料 inside a
    file, or a file whose name says which part it holds (…综合材料.docx).
    A part that holds only headings counts as missing too.
Why it matters
    The platform asks for both parts; a case without one is not reviewed.
How to fix
    Put each part under its own heading (「综合材料」「详细材料」) or save them as two files whose
    names contain 综合材料 and 详细材料.
"""

from __future__ import annotations

from collections.abc import Iterator

from caselint.cases.structure import body_blocks
from caselint.checks.base import CaseContext, Example, Examples
from caselint.core.i18n import Catalog
from caselint.core.model import PART_NAMES, Finding

DOC_ZH = """part-missing（S001）：案例缺少综合材料或详细材料。

作用
    检查案例是否两部分齐全。认得出的写法有两种：文件中有一行写明“综合材料”或“详细材料”的标题，
    其后的内容即为该部分（“案例综述”“详细介绍”等说法也认）；或者文件名标明了是哪一部分，如
    “……综合材料.docx”。会报告：只交了综合材料，找不到详细材料；详细材料只有“一、基本情况”
    “二、主要做法”等小标题，下面没有正文。不会报告：两部分写在同一个文件里、各有标题的；同一部分
    出现在两个文件里的（由 case-layout-ambiguous 报告）；文件都读不出来的（由 unreadable-file
    说明原因）。
原因
    通知“四、材料编写体例”要求按照线上申报系统提示“提供综合材料和详细材料”，缺少任何一部分的
    案例都无法进入评审。
修改
    给两部分各加一行标题（“综合材料”“详细材料”），或分别存成文件名含“综合材料”和“详细材料”的
    两个文件；只有标题的部分要把正文补上。
"""

NAME = "part-missing"

MESSAGES: Catalog = {
    "missing": {
        "zh": "未找到{part}",
        "en": "no {part} found",
    },
    "empty": {
        "zh": "{part}只有标题，没有正文",
        "en": "the {part} has headings but no text",
    },
    "empty-fix": {
        "zh": "在各小标题下写明内容",
        "en": "write the sections under the headings",
    },
    "fix": {
        "zh": "在文件中加一行标题“{title}”并把该部分放在其下，或另存为文件名含“{title}”的文件",
        "en": "add a heading line “{title}” above that part, or save it as a file whose name "
        "contains “{title}”",
    },
}

EXAMPLES = Examples(
    fail=(
        Example("只有综合材料，没有详细材料", detailed=""),
        Example(
            "详细材料只有标题",
            detailed="# 详细材料\n## 一、基本情况\n## 二、主要做法\n## 三、取得成效\n",
        ),
    ),
    pass_=(Example("两部分齐全"),),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    if not ctx.case.documents:
        return  # nothing could be read: unreadable-file already says why
    for name in PART_NAMES:
        part = ctx.part(name)
        if part is not None and not body_blocks(part.blocks):
            yield ctx.report(
                NAME,
                ctx.t(MESSAGES, "empty", part=ctx.part_title(name)),
                part=name,
                suggestion=ctx.t(MESSAGES, "empty-fix"),
            )
            continue
        if part is not None or name in ctx.case.ambiguous:
            continue  # an ambiguous part is reported by case-layout-ambiguous
        title = ctx.pack.parts[name].title
        yield ctx.report(
            NAME,
            ctx.t(MESSAGES, "missing", part=ctx.part_title(name)),
            part=name,
            suggestion=ctx.t(MESSAGES, "fix", title=title),
        )

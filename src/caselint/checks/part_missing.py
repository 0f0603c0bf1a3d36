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

from caselint.checks.base import CaseContext, Example, Examples
from caselint.i18n import Catalog
from caselint.model import PART_NAMES, Finding
from caselint.structure import body_blocks

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

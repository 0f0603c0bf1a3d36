"""metadata-counted (F005): case information lines stand inside a part and count toward it.

What it does
    Case information written in a draft (申报类别：…, 申报单位：…, a two-column table of them)
    is read wherever it stands before the first element heading. Lines above the part's own
    heading (「综合材料」) belong to no part, like the title. Lines inside a part — in a file that
    is wholly the 综合材料, or under its heading — are part of what a reviewer counts with Word's
    字数统计, so they count toward the part's limit; this hint says which lines and how many 字.
Why it matters
    四、材料编写体例: 综合材料不超过 1000 字. The 申请表 carries these fields already; lines that
    repeat them in the part cost 字 the elements could use.
How to fix
    Nothing, if the part is within its limit. Otherwise move the lines above the part's heading,
    or into a case.toml, and fill them in the 申请表.
"""

from __future__ import annotations

from collections.abc import Iterator

from caselint.cases.metadata import case_info
from caselint.checks.base import CaseContext, Example, Examples, padded_summary
from caselint.core.i18n import Catalog, join_list
from caselint.core.model import PART_NAMES, Finding
from caselint.text.count import count_blocks

DOC_ZH = """metadata-counted（F005）：案例信息行写在某一部分之内，计入该部分字数。

作用
    稿件中写的案例信息（“申报类别：……”“申报单位：……”或由这些内容组成的两列表格），只要写在第一个
    要素标题之前，都会被读取。写在部分标题（“综合材料”）之上的信息行与标题一样不属于任何部分、不计
    字数；写在部分之内的（整个文件就是综合材料，或写在“综合材料”标题之下），评审用 Word 字数统计时
    会算进去，所以计入该部分的字数上限。本提示说明是哪几行、共多少字。不会报告：信息写在 case.toml、
    文件开头的信息块或部分标题之上。
原因
    通知“四、材料编写体例”规定综合材料不超过 1000 字。申请表本已填写这些信息，在材料中重复会占用
    本可用于要素的字数。
修改
    字数未超限可以不改；否则把这些行移到部分标题之上或写进 case.toml，并在申请表中填写。
"""

NAME = "metadata-counted"

MESSAGES: Catalog = {
    "counted": {
        "zh": "{part}中的案例信息（{fields}，共 {words} 字）计入该部分字数",
        "en": "the case information in the {part} ({fields}; {words} words) counts toward its length",
    },
    "fix": {
        "zh": "如需节省字数，可把这些行移到“{title}”标题之上或写进 case.toml",
        "en": "to save words, move these lines above the “{title}” heading or into case.toml",
    },
}

_INFO = "# 综合材料\n申报类别：新媒体平台建设\n申报单位：青禾市广播电视台\n" + padded_summary(
    "截至2024年12月31日，客户端注册用户86万，同比增长18%。", 1
).removeprefix("# 综合材料\n")

EXAMPLES = Examples(
    fail=(Example("类别和单位写在“综合材料”标题之下", summary=_INFO),),
    pass_=(Example("案例信息在 front matter 中"),),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    lines = case_info(ctx.case, ctx.pack).lines
    if not lines or ctx.pack.metadata is None:
        return
    labels = {f.key: f.label for f in ctx.pack.metadata.fields}
    for name in PART_NAMES:
        part = ctx.part(name)
        if part is None:
            continue
        inside = {id(b) for b in part.blocks}
        counted = [line for line in lines if id(line.block) in inside]
        if not counted:
            continue
        blocks = list({id(line.block): line.block for line in counted}.values())
        fields = [
            labels.get(line.key, line.label) if ctx.lang == "zh" else line.key for line in counted
        ]
        yield ctx.report(
            NAME,
            ctx.t(
                MESSAGES,
                "counted",
                part=ctx.part_title(name),
                fields=join_list(list(dict.fromkeys(fields)), ctx.lang),
                words=count_blocks(blocks).words,
            ),
            part=name,
            block=counted[0].block,
            document=counted[0].document,
            excerpt=counted[0].block.display_text.strip(),
            suggestion=ctx.t(MESSAGES, "fix", title=ctx.pack.parts[name].title),
        )

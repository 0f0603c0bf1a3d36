"""length-over-limit (L001): a part is longer than the notice allows.

What it does
    Counts each part as Word's 字数统计 does (each 汉字 and full-width mark one, each run of
    Latin letters or digits one) and compares it with the pack's limit: 综合材料 1000, 详细材料
    5000. By default the count includes automatic numbering labels, text boxes and notes (the
    larger figure, as Word shows when "包括文本框、脚注和尾注" is ticked); ``--count-scope main``
    leaves them out.
Why it matters
    四、材料编写体例: 综合材料不超过 1000 字，详细材料不超过 5000 字. The platform or the
    reviewer rejects longer parts.
How to fix
    Cut the part below the limit; ``caselint count`` shows every figure.
"""

from __future__ import annotations

from collections.abc import Iterator

from caselint.checks.base import CaseContext, Example, Examples, measured_parts, padded_summary
from caselint.core.i18n import Catalog
from caselint.core.model import Finding

DOC_ZH = """length-over-limit（L001）：某部分字数超过通知规定的上限。

作用
    按 Word“字数统计”的方法统计每一部分的字数（每个汉字、每个全角标点算一个字，连在一起的一串
    字母或数字算一个字），与规则包中的上限比较：综合材料 1000 字，详细材料 5000 字。默认把自动
    编号、文本框、脚注和尾注也算在内，即 Word 勾选“包括文本框、脚注和尾注”时显示的较大数字；加
    --count-scope main 则只算正文。例如：综合材料 1003 字，报错误并说明多出几个字；综合材料 998 字
    不在这里报告（可能由 length-near-limit 提醒留余量）。
原因
    通知“四、材料编写体例”规定“综合材料不超过 1000 字，详细材料不超过 5000 字”。超过上限的部分
    会被申报平台或评审退回。
修改
    把该部分删减到上限以内；用 caselint count 可以看到各种口径下的字数。
"""

NAME = "length-over-limit"

MESSAGES: Catalog = {
    "over": {
        "zh": "{part}共 {value} 字，超出上限 {limit} 字（多 {excess} 字；计数口径：{label}）",
        "en": "the {part} has {value} words, over the limit of {limit} by {excess} ({label})",
    },
    "fix": {
        "zh": "删减至 {limit} 字以内",
        "en": "cut it to {limit} words or fewer",
    },
}

_LONG_SUMMARY = padded_summary("本台客户端截至2024年12月31日注册用户86万，日活4.2万。", 8)

EXAMPLES = Examples(
    fail=(Example("综合材料超过 1000 字", summary=_LONG_SUMMARY),),
    pass_=(Example("综合材料约 300 字"),),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    for part in measured_parts(ctx):
        figure, limit = part.figure, part.limit
        if figure.value > limit:
            yield ctx.report(
                NAME,
                ctx.t(
                    MESSAGES,
                    "over",
                    part=ctx.part_title(part.name),
                    value=figure.value,
                    limit=limit,
                    excess=figure.value - limit,
                    label=figure.label(ctx.lang),
                ),
                part=part.name,
                suggestion=ctx.t(MESSAGES, "fix", limit=limit),
            )

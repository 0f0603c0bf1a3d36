"""length-near-limit (L002): a part is at the limit, or over it by another reading of 字.

What it does
    Warns when a part reaches the pack's share of its limit (95 % by default), and when another
    plausible measure — the count with or without numbering labels, text boxes and notes, or
    the character count without spaces — is over the limit while the pack's measure is not.
    Both figures are given.
Why it matters
    The notice does not define 字; a reviewer's Word (or WPS, which adds one per footnote mark)
    may count a little differently. A part at 998 字 can be rejected at 1003.
How to fix
    Leave a margin below the limit.
"""

from __future__ import annotations

from collections.abc import Iterator

from caselint.cases.limits import alternative_figures
from caselint.checks.base import CaseContext, Example, Examples, measured_parts, padded_summary
from caselint.core.i18n import Catalog
from caselint.core.model import Finding

DOC_ZH = """length-near-limit（L002）：某部分字数已贴近上限，或换一种算法就超限。

作用
    两种情况会发出警告。一是某部分字数达到上限的 95%（比例由规则包设定），例如综合材料 960 字。
    二是按规则包的口径没有超限，但换一种同样说得通的算法就超了：例如材料里数字、字母很多，按字数
    统计是 930 字，按“字符数（不计空格）”却有 1040 个；又如加 --count-scope main 只算正文是 940 字，
    算上自动编号、文本框和脚注就超过了 1000。提示中会同时给出两个数字。不会报告：综合材料 800 字
    这样留有余量的；已经超限的（由 length-over-limit 报告）。
原因
    通知只说“不超过 1000 字”“不超过 5000 字”，没有规定字怎么数。评审专家用的 Word 或 WPS 统计
    结果可能略有出入（WPS 每个脚注标记还会多算一个字），998 字的材料换个软件就可能变成 1003 字
    而被退回。
修改
    删减内容，在上限以下留出余量。
"""

NAME = "length-near-limit"

MESSAGES: Catalog = {
    "near": {
        "zh": "{part}共 {value} 字，已达上限 {limit} 字的 {percent}%（计数口径：{label}）",
        "en": "the {part} has {value} words, {percent}% of the {limit} limit ({label})",
    },
    "other": {
        "zh": "{part}按{label}计为 {value} 字，但按{other_label}计为 {other}，超过上限 {limit}",
        "en": "the {part} has {value} words by {label}, but {other} by {other_label}, "
        "over the limit of {limit}",
    },
    "fix": {
        "zh": "建议删减，留出余量（不同软件、不同计数口径的结果略有差异）",
        "en": "cut it to leave a margin: counts differ slightly between programs and readings",
    },
}

_NEAR_SUMMARY = padded_summary("本台客户端截至2024年12月31日注册用户86万，日活4.2万。", 6)

EXAMPLES = Examples(
    fail=(Example("综合材料约 960 字（上限的 95% 以上）", summary=_NEAR_SUMMARY),),
    pass_=(Example("综合材料约 300 字"),),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    for part in measured_parts(ctx):
        figure, limit = part.figure, part.limit
        if figure.value > limit:
            continue  # length-over-limit reports it
        title = ctx.part_title(part.name)
        if figure.value >= ctx.pack.counting.near_ratio * limit:
            yield ctx.report(
                NAME,
                ctx.t(
                    MESSAGES,
                    "near",
                    part=title,
                    value=figure.value,
                    limit=limit,
                    percent=100 * figure.value // limit,  # 997/1000 is 99%, not 100%
                    label=figure.label(ctx.lang),
                ),
                part=part.name,
                suggestion=ctx.t(MESSAGES, "fix"),
            )
            continue
        for other in alternative_figures(part.counts, ctx.pack.counting, ctx.scope):
            if other.value > limit:
                yield ctx.report(
                    NAME,
                    ctx.t(
                        MESSAGES,
                        "other",
                        part=title,
                        value=figure.value,
                        label=figure.label(ctx.lang),
                        other=other.value,
                        other_label=other.label(ctx.lang),
                        limit=limit,
                    ),
                    part=part.name,
                    suggestion=ctx.t(MESSAGES, "fix"),
                )
                break

"""wording-density (W003): a part is saturated with formulaic or degree words.

What it does
    Counts the pack's low-weight wording entries (进一步, 积极, 全面, 扎实推进, 赋能 …) per
    1000 字 of each part. Each one alone is ordinary 公文 language and is not reported; a part
    above the pack's density (15 per 1000 字 by default, at least 8 hits) is, with its most
    frequent words and the densest paragraph.
Why it matters
    四、材料编写体例: 避免过多主观感性描述. Reviewers skim past paragraphs of slogans.
How to fix
    Replace adverbs and slogans by what was done: who, how many, by when.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from caselint.checks.base import CaseContext, Example, Examples
from caselint.i18n import Catalog, join_list
from caselint.model import PART_NAMES, Finding

DOC_ZH = """wording-density（W003）：某部分套话、程度词过于密集。

作用
    统计规则包中低权重措辞（进一步、积极、全面、扎实推进、赋能等）在每一部分中每千字出现几次。
    这些词单独出现是正常的公文用语，不会报告；某部分超过规则包设定的密度（默认每千字 15 处，且
    至少 8 处）才报告，并列出用得最多的几个词和最密集的一段。例如：一段接一段“高度重视、精心组织、
    扎实推进、积极探索、持续发力”式的口号，会报告；通篇偶尔一句“我们扎实推进改革”，不会报告。
原因
    通知“四、材料编写体例”要求“避免过多主观感性描述”。满篇口号的段落，评审专家会直接略过。
修改
    删去空泛的副词和口号，改写成做了什么：谁来做、做了多少、什么时候完成。
"""

NAME = "wording-density"

MESSAGES: Catalog = {
    "dense": {
        "zh": "{part}套话、程度词过密：每千字 {rate} 处（共 {hits} 处，阈值 {limit}），"
        "最多的是 {top}",
        "en": "the {part} is dense with formulaic words: {rate} per 1000 words "
        "({hits} in all, threshold {limit}); most frequent: {top}",
    },
    "fix": {
        "zh": "删去空泛的副词和口号，改写为具体做法和数据；最密集的段落见定位",
        "en": "drop empty adverbs and slogans in favour of concrete actions and figures; "
        "the densest paragraph is located",
    },
}

_SLOGANS = (
    "我们高度重视，精心组织，扎实推进，积极探索，不断创新，持续发力，全面提升，"
    "进一步深入推进融合发展，切实增强服务能力，大力推动改革，有效凝心聚力，"
    "多措并举，统筹推进，稳步推进，全方位赋能。"
)
EXAMPLES = Examples(
    fail=(Example("详细材料满是套话", add_to_detailed=_SLOGANS * 3),),
    pass_=(Example("偶尔一句套话", add_to_detailed="我们扎实推进改革。"),),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    wording = ctx.pack.wording
    weights = set(wording.density_weights)
    matcher = ctx.wording
    for name in PART_NAMES:
        part = ctx.part(name)
        if part is None:
            continue
        words = part.counts.words
        terms: Counter[str] = Counter()
        per_block = []
        for document, block in part.located():
            hits = [h for h in matcher.hits(block.text) if h.cls.weight in weights]
            terms.update(h.term for h in hits)
            if hits:
                per_block.append((len(hits), document, block))
        total = sum(terms.values())
        if not words or total < wording.density_min_hits:
            continue
        rate = total * 1000 / words
        if rate <= wording.density_per_1000:
            continue
        _, document, block = max(per_block, key=lambda item: item[0])
        top = join_list([f"{t}×{n}" for t, n in terms.most_common(5)], ctx.lang)
        yield ctx.report(
            NAME,
            ctx.t(
                MESSAGES,
                "dense",
                part=ctx.part_title(name),
                rate=round(rate, 1),
                hits=total,
                limit=wording.density_per_1000,
                top=top,
            ),
            part=name,
            block=block,
            document=document,
            excerpt=block.text.strip()[:120],
            suggestion=ctx.t(MESSAGES, "fix"),
        )

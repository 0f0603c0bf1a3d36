"""emotive-wording (W001): superlative, absolute, exaggerated, emotive or formulaic wording.

What it does
    Finds the pack's wording-lexicon entries in both parts: superlatives (最佳, 全国领先),
    rankings and firsts (全国首创, 唯一), exaggeration (颠覆性, 现象级), emotion (震撼, 振奋人心),
    unattributed praise (广受好评) and hollow formulas (迈上新台阶, 开创新局面). Contexts that are not
    claims are left alone: 最终, 第一季度, 非常规, names in 《》 or short quotes, quoted policy
    wording, and entries that cut through a word (极 in 积极). Each finding says why a reviewer
    discounts the phrase and what to write instead. Always a warning, never an error: the notice
    asks to avoid *excessive* subjective description, so a single 最 never blocks a case.
    Ordinary 公文 words of low weight (进一步, 积极, 全面, 扎实推进, 赋能 …) are not reported one
    by one; a part saturated with them (15 per 1000 字 by default, at least 8) gets one density
    finding with its most frequent words, located at its densest paragraph.
Why it matters
    四、材料编写体例: 详细材料……避免过多主观感性描述.
How to fix
    Replace the claim by the fact behind it: a figure, its period and its source
    (「2024年省内同类客户端下载量排名第一（数据来源：XX榜单）」).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from caselint.checks.base import CaseContext, Example, Examples
from caselint.core.i18n import Catalog, join_list
from caselint.core.model import PART_NAMES, BlockKind, Finding

DOC_ZH = """emotive-wording（W001）：最高级、绝对化、夸大、煽情或口号式的措辞。

作用
    在综合材料和详细材料中查找规则包措辞词库里的说法：最高级（最佳、全国领先），排名与“首创”
    （全国首创、唯一），夸大（颠覆性、现象级），煽情（震撼、振奋人心），没有出处的好评（广受好评），
    口号式结论（迈上新台阶、开创新局面）。会报告：“我台打造了全国领先的县级融媒体客户端”“节目播出
    后广受好评”。不会报告不属于自我评价的用法：最终、第一季度、非常规，书名号里的名称（《最美基层
    干部》）或引号里的简称（“最江阴”），引用的政策原文，紧挨着具体数字的（单日最高访问12万人次），
    注明了数据来源的排名，以及只是词的一部分的（“积极”里的“极”）。“大幅提升”“取得显著成效”这类
    效果用语也不在这里报告，没有数据时由 unquantified-claim 逐句提示。每条结果都说明专家为什么不认
    这种说法、可以改成什么。本规则始终是“警告”而不是“错误”：通知要求的是避免“过多”主观感性描述，
    偶尔一个“最”不会挡住案例报送。
    另外，“进一步、积极、全面、扎实推进、赋能”这类低权重的公文用语单独出现不报告；某部分用得过密
    （默认每千字超过 15 处且至少 8 处）时，报告一条“过密”，列出用得最多的词，并定位到最密集的一段。
原因
    通知“四、材料编写体例”要求“避免过多主观感性描述”。
修改
    用事实代替评价：写出数据、时间范围和来源，如“2024年省内同类客户端下载量排名第一（数据来源：
    某某榜单）”。
"""

NAME = "emotive-wording"

MESSAGES: Catalog = {
    "hit": {
        "zh": "“{term}”：{reason}",
        "en": "“{term}”: {reason}",
    },
    "dense": {
        "zh": "{part}套话、程度词过密：每千字 {rate} 处（共 {hits} 处，阈值 {limit}），"
        "最多的是 {top}",
        "en": "the {part} is dense with formulaic words: {rate} per 1000 words "
        "({hits} in all, threshold {limit}); most frequent: {top}",
    },
    "dense-fix": {
        "zh": "删去空泛的副词和口号，改写为具体做法和数据；最密集的段落见定位",
        "en": "drop empty adverbs and slogans in favour of concrete actions and figures; "
        "the densest paragraph is located",
    },
}
DEFAULT_ADVICE = {
    "zh": "删去，或改为可核实的事实：数据、时间范围和来源",
    "en": "remove it, or state the verifiable fact behind it: figure, period and source",
}

_SLOGANS = (
    "我们高度重视，精心组织，扎实推进，积极探索，不断创新，持续发力，全面提升，"
    "进一步深入推进融合发展，切实增强服务能力，大力推动改革，有效凝心聚力，"
    "多措并举，统筹推进，稳步推进，全方位赋能。"
)
EXAMPLES = Examples(
    fail=(
        Example("自称全国领先", add_to_detailed="我台打造了全国领先的县级融媒体客户端。"),
        Example("广受好评", add_to_detailed="节目播出后广受好评，社会反响热烈。"),
        Example("详细材料满是套话（过密）", add_to_detailed=_SLOGANS * 3),
    ),
    pass_=(
        Example(
            "最终、第一季度不是最高级", add_to_detailed="第一季度完成了改版，最终上线三个频道。"
        ),
        Example("《》中的节目名称", add_to_detailed="开设《最美基层干部》栏目，播出48期。"),
        Example("偶尔一句套话不算过密", add_to_detailed="我们扎实推进改革。"),
    ),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    matcher = ctx.wording
    report_weights = set(ctx.pack.wording.report_weights)
    for name in PART_NAMES:
        part = ctx.part(name)
        if part is None:
            continue
        for document, block in part.located():
            if not block.text.strip():
                continue
            value_cell = block.kind is BlockKind.TABLE_CELL
            for hit in matcher.hits(block.text):
                if hit.cls.weight not in report_weights:
                    continue
                if value_cell and block.text.strip() == hit.term:
                    continue  # a table cell holding only 100% is a value under its column header
                excerpt, offset = ctx.sentence_at(block, hit.start)
                reason, advice = hit.cls.explain(ctx.lang)
                yield ctx.report(
                    NAME,
                    ctx.t(MESSAGES, "hit", term=hit.term, reason=reason),
                    part=name,
                    block=block,
                    document=document,
                    start=hit.start,
                    end=hit.end,
                    excerpt=excerpt,
                    excerpt_offset=offset,
                    suggestion=advice or DEFAULT_ADVICE[ctx.lang],
                )
    yield from _density(ctx)


def _density(ctx: CaseContext) -> Iterator[Finding]:
    """One finding per part saturated with low-weight formulas (not reported one by one)."""
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
            suggestion=ctx.t(MESSAGES, "dense-fix"),
        )

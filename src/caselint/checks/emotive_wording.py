"""emotive-wording (W001): wording a reviewer discounts as subjective or self-praising.

What it does
    Finds the pack's wording lexicon in both parts, sorted the way a reviewer sorts it:
    superlatives (最具影响力), rankings without a named list (位居全省首位), firsts and “only”
    (首创, 唯一), vague standing (位居…前列, even with a list named), self-assessed levels (全国
    一流), exaggeration (双丰收, 体量庞大), emotive or poetic wording (铿锵步伐, 飞入寻常百姓家),
    unsourced acclaim (引起强烈反响, 被业界誉为), slogans (奏响…时代强音, 答好…答卷) and
    self-labels or status metaphors (“浙江样板”, 拳头产品, 城市名片). Phrases with words in
    between and in either order are one entry (走在全市乃至全省、全国…前列; 强烈反响 and 反响强烈).
    A reviewer's context applies: a ranking, first or award whose list, statistic, survey or
    selection is named in the same sentence is evidence; figures are never emotive; 群众最关注的
    is a survey finding; a conferred title, a product name or somebody else's words in quotes is
    not self-praise, but the station's own slogan in quotes is; 国内首家…成立以来 is history;
    首批 is a designation. Each finding says why a reviewer discounts the phrase and what to
    write instead. Always a warning: the notice asks to avoid *excessive* subjective description.
    Ordinary 公文 words (进一步, 积极, 全面, 一系列) are counted, not reported; a part saturated
    with them (15 per 1000 字 by default, at least 8) gets one density finding.
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

DOC_ZH = """emotive-wording（W001）：评审会认为主观、自夸或煽情的措辞。

作用
    在综合材料和详细材料中查找规则包措辞词库里的说法，按评审的分类：最高级（最具影响力），没有
    榜单出处的排名（位居全省首位），首创与唯一（首创、唯一），含糊的领先位次（位居……前列，即使
    提到了榜单），自评的级别（全国一流），拔高成绩（双丰收、体量庞大），煽情与文学化描写（铿锵步伐、
    飞入寻常百姓家），没有出处的赞誉（引起强烈反响、被业界誉为），口号式结论（奏响……时代强音、
    答好……答卷），自封地位与比喻（“浙江样板”、拳头产品、城市名片）。中间夹着别的字、前后颠倒的
    说法也能找到（走在全市乃至全省、全国……前列；强烈反响与反响强烈）。
    按评审的读法，这些不报告：同一句写明了榜单、统计、调查或评选出处的排名、首创、获奖；数字本身；
    “群众最关注的”这类调查结论；引号里的获评称号、产品名称和引用的上级原话（但引号里自己的口号
    照样报告，如“全省示范、全国一流”）；“国内首家……成立以来”这类历史叙述；“首批”这类官方批次；
    书名号里的名称；最终、第一季度等固定说法。每条结果都说明专家为什么不认这种说法、可以改成什么。
    本规则始终是“警告”：通知要求的是避免“过多”主观感性描述。
    “进一步、积极、全面、一系列”这类公文常用语单独出现不报告；某部分用得过密（默认每千字超过 15 处
    且至少 8 处）时，报告一条“过密”，列出用得最多的词，并定位到最密集的一段。
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
        # one per class a reviewer sorts wording by
        Example("最高级", add_to_detailed="中心打造了全县最具影响力的移动平台。"),
        Example("没有出处的排名", add_to_detailed="客户端下载量位居全省同类平台首位。"),
        Example("首创与唯一", add_to_detailed="我台首创“问政+督办”工作法，是本地唯一的政务入口。"),
        Example(
            "含糊的领先位次，即使提到榜单",
            add_to_detailed="“青禾发布”微博一直位居全省政务排行榜前列。",
        ),
        Example("自评的级别", add_to_detailed="技术平台达到全国一流水平。"),
        Example("拔高成绩", add_to_detailed="融媒改革实现了社会效益和经济效益双丰收。"),
        Example("无数据的程度与声势", add_to_detailed="系列直播火爆全网，采编效率大大提高。"),
        Example("煽情与文学化描写", add_to_detailed="应急广播织就了一张守护城乡的防护网。"),
        Example("没有出处的赞誉", add_to_detailed="节目播出后引起强烈反响，深受群众喜爱。"),
        Example("口号式结论", add_to_detailed="中心踔厉奋发，为全县发展奏响了昂扬奋进的时代强音。"),
        Example(
            "自封地位与比喻", add_to_detailed="打造了县级融媒改革的“青禾样板”，推出六大拳头产品。"
        ),
        Example(
            "引号里是自己的口号",
            add_to_detailed="中心围绕“全省示范、全国一流”的目标推进改革。",
        ),
        Example("详细材料满是套话（过密）", add_to_detailed=_SLOGANS * 3),
    ),
    pass_=(
        Example(
            "最终、第一季度不是最高级", add_to_detailed="第一季度完成了改版，最终上线三个频道。"
        ),
        Example("《》中的节目名称", add_to_detailed="开设《最美基层干部》栏目，播出48期。"),
        Example("偶尔一句套话不算过密", add_to_detailed="我们扎实推进改革。"),
        Example(
            "排名写明了榜单",
            add_to_detailed="据省网信办发布的2024年政务新媒体榜单，我台账号综合排名全省第一。",
        ),
        Example(
            "唯一写明了评选",
            add_to_detailed="中心入选2024年典型案例名单，为本省唯一入选的县级单位。",
        ),
        Example("紧挨着具体数字", add_to_detailed="直播间同时在线人数最多达3.2万人。"),
        Example("调查中群众最关注的", add_to_detailed="围绕群众最关注的出行、就医问题开设专栏。"),
        Example("获评的称号", add_to_detailed="3名记者获评全省“最美基层记者”。"),
        Example(
            "引用上级的原话",
            add_to_detailed="落实省委“在全省率先实现县级融媒体深度融合”的部署。",
        ),
        Example(
            "别人的历史中的“首家”",
            add_to_detailed="自2018年国内首家广电MCN机构成立以来，各地相继开展探索。",
        ),
        Example("官方批次", add_to_detailed="2022年，我台入选全国首批县级融媒体中心建设示范单位。"),
        Example(
            "给出名次的位次", add_to_detailed="“青禾发布”微博位居全省政务排行榜前列（第3名）。"
        ),
        Example(
            "列举用语与数字", add_to_detailed="出台一系列举措：一是重组采编流程，二是覆盖率达100%。"
        ),
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

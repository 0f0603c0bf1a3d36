"""unquantified-claim (W002): a clause claims an effect and no figure backs it.

What it does
    Reads each sentence clause by clause (，；：) and flags a claim of an achieved effect that no
    figure supports: claim words (大幅, 显著, 日益凸显, 可观, 发展壮大), change verbs after a degree
    word or ending their clause (影响力不断提升, 服务能力全面加强, 活力增强了, 提高了传播力),
    result phrases (取得良好进展, 做出重要贡献, 营造了良好的舆论氛围, 探索出一条新路, 更加融洽),
    praise as a result (赢得交口称赞) and a status after a verb of becoming (成为全市媒体融合的
    标杆). A figure supports a claim in its own clause or the clause beside it, so a number in
    one clause no longer hides a claim two clauses on. Figures are numbers with a unit or %,
    and Chinese number words (近百万, 千余, 数十万, 破亿, 翻番); durations and dates alone
    (两年来, 2023年), ordinals, and numerals in names and formulas (“五个融媒”, 三位一体, 四个意识)
    are not. A short claim whose figures follow at once in its paragraph, about the same thing,
    is a lead-in and passes. Negation (不突破), modality (有待提高), purpose (为减少…, 推动…更好地
    开展), plans (下一步将提高, or anything under a 下一步/计划 heading) and item labels (突破：…)
    are no claims; headings are not checked. The summary's results element (成效) must carry at
    least one figure. All the words are rule-pack data.
Why it matters
    四、材料编写体例: 应提供详细真实的数据说明……避免过多主观感性描述. A reviewer cannot weigh
    "用户规模大幅增长"; "用户由 12 万增至 86 万（2022—2024年）" can be weighed.
How to fix
    Put the figure, its period and its base in the clause: 由 A 增至 B、同比增长 X%.
"""

from __future__ import annotations

from collections.abc import Iterator

from caselint.checks.base import CaseContext, Example, Examples
from caselint.core.i18n import Catalog
from caselint.core.model import PART_NAMES, Finding
from caselint.text.claims import Claim, Clause, clauses
from caselint.text.quantity import sentences

DOC_ZH = """unquantified-claim（W002）：分句声称取得了效果，却没有数据支撑。

作用
    按分句（，；：）阅读每一句，找出没有数据支撑的效果宣称：效果用语（大幅、显著、日益凸显、可观、
    发展壮大），前面有程度词或位于分句末尾的变化词（影响力不断提升、服务能力全面加强、活力增强了、
    提高了传播力），结果性说法（取得良好进展、做出重要贡献、营造了良好的舆论氛围、探索出一条新路、
    更加融洽），作为结果的赞誉（赢得交口称赞），以及“成为……标杆”这类地位宣称。数据只支撑它所在的
    分句和相邻的分句，一句里前面有数字，不能替隔了两个分句的效果表述作证。
    算作数据的：带单位或百分号的数字，以及“近百万、千余、数十万、破亿、翻番”这类数量词。不算数据的：
    单独的时长和日期（两年来、2023年）、序号，以及名称和提法里的数字（“五个融媒”、三位一体、四个意识）。
    紧跟着就给出相关数据的简短引导句（客户端活跃度持续提升。2024年日均活跃用户8.7万……）不报告。
    否定（不突破编制总量）、尚未达到（有待提高）、目的（为减少人工统计、推动业务更好地开展）、计划
    （下一步将提高……，以及“下一步”“计划”等标题下的所有句子）和条目标签（突破：……）不是效果宣称；
    标题本身不检查。此外，综合材料的“成效”要素中至少要有一个数据。
原因
    通知“四、材料编写体例”要求“应提供详细真实的数据说明”“避免过多主观感性描述”。专家无法掂量
    “用户规模大幅增长”，“用户由 12 万增至 86 万（2022—2024年）”才能比较。
修改
    在同一分句里写出数字、时间段和基数，如“由 A 增至 B”“同比增长 X%”。
"""

NAME = "unquantified-claim"
MAX_PER_PART = 20

MESSAGES: Catalog = {
    "claim": {
        "zh": "“{cue}”是效果表述，但本句没有任何数据",
        "en": "“{cue}” claims an effect, but the sentence gives no figure",
    },
    "claim-clause": {
        "zh": "“{cue}”是效果表述，本句的数据说的是别的内容，不能支撑它",
        "en": "“{cue}” claims an effect; the sentence's figures measure something else",
    },
    "claim-fix": {
        "zh": "补充具体数值、时间段和基数，如“由 A 增至 B（2023—2024年）”“同比增长 X%”",
        "en": "add the figure, its period and base, e.g. “from A to B (2023–2024)”, “up X% year on year”",
    },
    "results": {
        "zh": "综合材料的要素{n}“{short}”没有任何数据",
        "en": "element {n} “{short}” of the summary gives no figure",
    },
    "results-fix": {
        "zh": "至少给出一项可核实的成效数据（用户数、收入、服务量等，并注明截至日期）",
        "en": "give at least one verifiable result figure (users, income, services …, with a date)",
    },
}

EXAMPLES = Examples(
    fail=(
        Example("“大幅提升”没有数据", add_to_detailed="平台用户活跃度大幅提升。"),
        Example("一体化不是数量", add_to_detailed="通过一体化改革，传播效果显著增强。"),
        Example("“成效显著”连写也是效果表述", add_to_detailed="改革成效显著。"),
        Example(
            "数字只支撑它所在和相邻的分句",
            add_to_detailed="全年发稿2.4万条，推出专题12个，组建了短视频团队，用户黏性显著增强。",
        ),
        Example("时长不是数据", add_to_detailed="经过两年多的探索，中心的传播力不断提升。"),
        Example(
            "名称和提法里的数字不是数据",
            add_to_detailed="实施“五个融媒”建设，推进三位一体改革，取得良好进展。",
        ),
        Example("“成为……标杆”是结果宣称", add_to_detailed="平台已成为全市媒体融合的标杆。"),
        Example("没有数据的反馈", add_to_detailed="新栏目开播后赢得群众交口称赞。"),
        Example("比较级的结果", add_to_detailed="问题办理更加高效，干群关系更加融洽。"),
    ),
    pass_=(
        Example("有数据的效果表述", add_to_detailed="2024年平台日活由2.1万提升至4.2万。"),
        Example("第一季度不是数量但有百分比", add_to_detailed="第一季度广告收入同比增长12.5%。"),
        Example(
            "否定与目的不是效果表述",
            add_to_detailed="为减少人工统计，中心开发了积分系统，且不突破编制总量。",
        ),
        Example("数量词也是数据", add_to_detailed="直播累计观看近百万人次，带动销售千余单。"),
        Example(
            "相邻分句的数字支撑效果",
            add_to_detailed="平均办结时间由5.2天缩短至2.1天，群众满意度明显提升。",
        ),
        Example(
            "紧跟数据的引导句",
            add_to_detailed="客户端活跃度持续提升。2024年日均活跃用户8.7万，较上年增长26.1%。",
        ),
        Example("尚未达到的不是结果", add_to_detailed="用户黏性有待提高，需进一步加强运营。"),
        Example("做了什么不是效果", add_to_detailed="中心加强了采编管理，增加了直播功能。"),
    ),
)


def check(ctx: CaseContext) -> Iterator[Finding]:
    claims = ctx.claims
    for name in PART_NAMES:
        part = ctx.part(name)
        if part is None:
            continue
        blocks = [(d, b) for d, b in part.located() if not claims.skip_block(b)]
        count = 0
        for document, block in blocks:
            said = list(sentences(block.text))
            for n, sentence in enumerate(said):
                if count >= MAX_PER_PART:
                    break
                claim = _unsupported_claim(ctx, sentence.text)
                if claim is None:
                    continue
                following = said[n + 1].text if n + 1 < len(said) else ""
                if _lead_in(ctx, sentence.text, following):
                    continue
                count += 1
                start = sentence.start + claim.start
                lead = len(sentence.text) - len(sentence.text.lstrip())
                yield ctx.report(
                    NAME,
                    ctx.t(MESSAGES, _message(ctx, sentence.text), cue=_short(claim.cue)),
                    part=name,
                    block=block,
                    document=document,
                    start=start,
                    end=start + len(claim.cue),
                    excerpt=sentence.text.strip(),
                    excerpt_offset=sentence.start + lead,
                    suggestion=ctx.t(MESSAGES, "claim-fix"),
                )
    yield from _results_without_figures(ctx)


def _message(ctx: CaseContext, sentence: str) -> str:
    return "claim-clause" if _data_spans(ctx, sentence) else "claim"


def _short(cue: str, limit: int = 24) -> str:
    """A clause quoted in a message is cut to its first characters (the excerpt shows it all)."""
    return cue if len(cue) <= limit else cue[: limit - 1] + "…"


def _data_spans(ctx: CaseContext, sentence: str) -> list[tuple[int, int]]:
    """Figures, and rankings whose source the sentence names (位居全省第一, per a named list)."""
    spans = list(ctx.quantities.spans(sentence))
    spans += [
        (h.start, h.end)
        for h in ctx.wording.hits(sentence)
        if h.downgraded and h.cls.exempt_with_award
    ]
    return spans


def _unsupported_claim(ctx: CaseContext, sentence: str) -> Claim | None:
    """The first claim no figure supports: none in the sentence, or none in its own clause or
    the clauses beside it (a figure in one clause does not vouch for a claim two clauses on)."""
    data = _data_spans(ctx, sentence)
    parts = clauses(sentence)
    backed = [any(c.start <= a < c.end for a, _ in data) for c in parts]
    for k, clause in enumerate(parts):
        if any(backed[max(0, k - 1) : k + 2]):
            continue
        claim = ctx.claims.in_clause(sentence, clause) or _wording_claim(ctx, sentence, clause)
        if claim is not None:
            return claim
    return None


def _wording_claim(ctx: CaseContext, sentence: str, clause: Clause) -> Claim | None:
    """A result claimed in the lexicon's words: acclaim (反响强烈, 一致称赞), or a status after
    a verb of becoming (成为全国地市级媒体融合的标杆)."""
    data = ctx.pack.data
    claiming, status = set(data.claim_wording_classes), set(data.status_wording_classes)
    if not claiming and not status:
        return None
    reported = set(ctx.pack.wording.report_weights)
    parts = clauses(sentence)
    k = next((i for i, c in enumerate(parts) if c.start == clause.start), 0)
    near = (parts[max(0, k - 1)].start, parts[min(len(parts) - 1, k + 1)].end)
    evidence: list[tuple[int, int]] | None = None
    for hit in ctx.wording.hits(sentence):
        if not (clause.start <= hit.start < clause.end) or hit.cls.weight not in reported:
            continue
        # The wording itself is emotive-wording's finding; this one marks the clause it leaves
        # without a figure, so the two never sit on the same characters.
        text = sentence[clause.start : clause.end]
        lead = len(text) - len(text.lstrip())
        claim = Claim(text.strip(), clause.start + lead, clause.start + lead + len(text.strip()))
        if evidence is None:
            evidence = ctx.wording.evidence_spans(sentence)
        if any(near[0] <= a < near[1] for a, _ in evidence):
            continue  # 走在前列，荣获全国县级十佳电视台称号: the award is the evidence
        before = sentence[clause.start : hit.start]
        is_status = hit.cls.id in status and any(verb in before for verb in data.status_verbs)
        if (hit.cls.id in claiming or is_status) and not ctx.claims.is_aim(sentence, claim):
            return claim
    return None


def _lead_in(ctx: CaseContext, sentence: str, following: str) -> bool:
    """A short one-clause claim whose figures follow at once in its paragraph, about the same
    thing (客户端的活跃度正在提升。当地客户端注册用户数……52%), is a lead-in, not an
    unsupported claim. An unrelated figure after it (……权重为5分) backs nothing."""
    text = sentence.strip()
    short = len(text) <= ctx.pack.data.lead_in_max_chars and len(clauses(text)) == 1
    if not (short and following and _data_spans(ctx, following)):
        return False
    return bool(_content_pairs(text) & _content_pairs(following))


#: Function characters: a pair holding one says nothing about what a sentence is about.
_FUNCTION_CHARS = frozenset("的了和与及在是也都将已为对把被从向等中上下有")


def _content_pairs(text: str) -> set[str]:
    """Pairs of adjacent Chinese characters that carry content (客户, 活跃, 经营)."""
    return {
        text[i : i + 2]
        for i in range(len(text) - 1)
        if all("\u4e00" <= c <= "\u9fff" and c not in _FUNCTION_CHARS for c in text[i : i + 2])
    }


def _results_without_figures(ctx: CaseContext) -> Iterator[Finding]:
    summary = ctx.outline("summary")
    if summary is None or ctx.elements is None:
        return
    quantities = ctx.quantities
    for element in ctx.elements.elements:
        if not element.results or element.n not in summary.matches:
            continue
        blocks = summary.section(element.n)
        if not any(b.text.strip() and not b.heading_like for b in blocks):
            continue  # an empty section is element-missing's to report
        figures = sum(len(quantities.spans(b.text)) for b in blocks)
        if figures < ctx.pack.data.results_min_figures:
            heading = summary.matches[element.n].heading
            yield ctx.report(
                NAME,
                ctx.t(MESSAGES, "results", n=element.n, short=element.short),
                part="summary",
                element=element.n,
                block=heading.block,
                excerpt=heading.block.display_text.strip(),
                suggestion=ctx.t(MESSAGES, "results-fix"),
            )

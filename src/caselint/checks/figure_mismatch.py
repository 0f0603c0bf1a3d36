"""figure-mismatch (D003): the same figure quoted differently in the two parts.

What it does
    Finds the figures of the measures the rule pack names (注册用户, 下载量, 粉丝, 营收, 播放量,
    日活 …) in both parts — a measure's word followed closely by a figure — and compares each
    figure of the 综合材料 with the 详细材料's figures of the same measure. Reported, with both
    places: a different value (86万 here, 68万 there), a different unit (亿次 against 亿人次), the
    same value with a different cut-off date (截至2024年6月 against 截至2024年12月31日), and a
    figure dated (截至…, 统计时间…, or a year) on one side but not on the other. Figures written
    differently agree: 1.2万 and 12000, 186万 and 185.6万 (rounding), 千余 and 1200, full-width
    digits. Growth rates, shares and averages after the measure's word (增长18.2%, 占31.3%) and
    figures in sentences of plans (计划, 预计, 到2026年) are not the measure's value and are
    left alone, as are figures of other periods (2023年 in one part, 2024年 in the other).
Why it matters
    四、材料编写体例: 应提供详细真实的数据说明. A reviewer reads the summary first and checks the
    detailed part against it; one figure in two versions casts doubt on all of them.
How to fix
    Use one figure, one unit and one cut-off date for the same measure in both parts, and date
    every figure the same way (截至2024年12月31日).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from caselint.checks.base import CaseContext, Example, Examples
from caselint.core.i18n import Catalog
from caselint.core.model import Block, Document, Finding, PartName
from caselint.rulepack.pack import FigureMeasure
from caselint.text.quantity import Amount, amount_at

DOC_ZH = """figure-mismatch（D003）：同一数据在综合材料和详细材料中写法不一致。

作用
    在两部分中找出规则包列出的指标（注册用户、下载量、粉丝、营收、播放量、日活等）后面紧跟的
    数值，把综合材料中的每个数值与详细材料中同一指标的数值对照。以下情况报告，并写明两处位置：
    数值不同（这里86万、那里68万），单位不同（亿次与亿人次），数值相同但截止时间不同（截至2024年
    6月与截至2024年12月31日），以及一边注明了时间（截至、统计时间或年份）、另一边没有注明。写法
    不同但实为同一数值的不报告：1.2万与12000，186万与185.6万（四舍五入），千余与1200，全角数字。
    指标后面的增长率、占比、平均数（增长18.2%、占31.3%），写计划的句子（计划、预计、到2026年）
    中的数值，以及不同年份的数据（一处2023年、一处2024年），都不参与对照。
原因
    通知“四、材料编写体例”要求“应提供详细真实的数据说明”。评审先读综合材料，再用详细材料核对；
    同一个数据出现两个版本，会让人怀疑所有数据。
修改
    同一指标在两部分使用同一数值、同一单位和同一截止时间，并用同样的方式注明时间，如“截至
    2024年12月31日”。
"""

NAME = "figure-mismatch"

MESSAGES: Catalog = {
    "value": {
        "zh": "“{measure}”两部分数值不一致：综合材料为“{a}”（{a_at}），详细材料为“{b}”（{b_at}）",
        "en": "“{measure}” differs between the parts: the summary says “{a}” ({a_at}), the "
        "detailed part “{b}” ({b_at})",
    },
    "unit": {
        "zh": "“{measure}”两部分单位不一致：综合材料为“{a}”（{a_at}），详细材料为“{b}”（{b_at}）",
        "en": "“{measure}” has different units in the parts: the summary says “{a}” ({a_at}), "
        "the detailed part “{b}” ({b_at})",
    },
    "date": {
        "zh": "“{measure}”两部分截止时间不一致：综合材料为{a_date}（“{a}”，{a_at}），详细材料为"
        "{b_date}（“{b}”，{b_at}）",
        "en": "“{measure}” has different cut-off dates in the parts: {a_date} in the summary "
        "(“{a}”, {a_at}), {b_date} in the detailed part (“{b}”, {b_at})",
    },
    "undated": {
        "zh": "{part}中的“{measure}”“{a}”没有注明截止时间，而{other}注明为{date}（“{b}”，{b_at}）",
        "en": "“{measure}” “{a}” in the {part} gives no cut-off date, the {other} gives {date} "
        "(“{b}”, {b_at})",
    },
    "fix": {
        "zh": "两部分同一指标使用同一数值、单位和截止时间（如“截至2024年12月31日”）",
        "en": "use one value, unit and cut-off date for the measure in both parts",
    },
}

_BASE = """# 详细材料
## 一、平台总体情况
截至2024年12月31日，客户端注册用户{detailed_users}，2024年全网播放量38.7亿次。
## 二、主要做法
一是以客户端为主阵地，设置新闻、问政、服务三个频道。二是整合账号，统一排期。
## 三、取得成效
2024年客户端日均活跃用户8.7万，同比增长26.1%。新媒体板块经营性收入3860万元，同比增长22.7%。
用户满意度为91.3%，有效样本2864份。合作方18家，运营团队42人。广告收入占42%。
## 四、推广价值与发展潜力
2025年计划注册用户达到110万。
## 五、存在的困难与对策
技术人才短缺，2024年引进3人。
## 六、经验启示与下一步打算
下一步计划新增服务事项10项。
"""


def _detailed(users: str, cutoff: str = "截至2024年12月31日，") -> str:
    return _BASE.replace("截至2024年12月31日，", cutoff).replace("{detailed_users}", users)


EXAMPLES = Examples(
    fail=(
        Example("综合材料97.6万、详细材料96.7万", detailed=_detailed("96.7万")),
        Example(
            "同一数值，截止时间不同",
            detailed=_detailed("97.6万", cutoff="截至2024年6月30日，"),
        ),
        Example("详细材料的数据没有注明截止时间", detailed=_detailed("97.6万", cutoff="")),
    ),
    pass_=(
        Example("写法不同的同一数值：97.6万与976000", detailed=_detailed("976000")),
        Example("四舍五入：97.6万与98万", detailed=_detailed("98万")),
        Example("两部分一致", detailed=_detailed("97.6万")),
    ),
)

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*")
_DATE = re.compile(
    r"(?P<cut>截至|截止到|截止|统计时间[为：:]?|统计截至)?\s*"
    r"(?P<y>[12][0-9]{3})\s*年(?:\s*(?P<m>[0-9]{1,2})\s*月(?:\s*(?P<d>[0-9]{1,2})\s*[日号])?"
    r"|(?P<end>底|末))?"
)
_HALF = str.maketrans("０１２３４５６７８９", "0123456789")
_STOP = set("的为和及与了是在达共约近超逾累计合其中全年当月日，、；：（）() ")


@dataclass(frozen=True)
class Quoted:
    """One figure of a measure, where it is and what period it is dated to."""

    measure: FigureMeasure
    cue: str
    qualifier: str
    amount: Amount
    written: str
    date: str | None
    cutoff: bool  # dated with 截至/截止/统计时间, not only a year
    document: Document
    block: Block
    part: PartName
    start: int

    @property
    def unit(self) -> str:
        return "" if self.amount.unit in self.measure.units else self.amount.unit


def check(ctx: CaseContext) -> Iterator[Finding]:
    summary = list(_quoted(ctx, "summary"))
    detailed = list(_quoted(ctx, "detailed"))
    if not summary or not detailed:
        return
    for quoted in summary:
        peers = [d for d in detailed if _comparable(quoted, d)]
        if peers:
            finding = _compare(ctx, quoted, peers)
            if finding is not None:
                yield finding
    for quoted in detailed:  # dated in the detailed part only: said on the summary's side
        peers = [s for s in summary if _comparable(quoted, s)]
        same = [s for s in peers if s.unit == quoted.unit and s.amount.agrees(quoted.amount)]
        if quoted.cutoff and same and all(s.date is None for s in same):
            yield _undated(ctx, same[0], quoted)


def _comparable(a: Quoted, b: Quoted) -> bool:
    if a.measure.id != b.measure.id or a.cue != b.cue:
        return False
    return not a.qualifier or not b.qualifier or a.qualifier == b.qualifier


def _compare(ctx: CaseContext, quoted: Quoted, peers: list[Quoted]) -> Finding | None:
    same_unit = [p for p in peers if p.unit == quoted.unit]
    equal = [p for p in same_unit if p.amount.agrees(quoted.amount)]
    if equal:
        if any(_same_period(quoted.date, p.date) for p in equal if p.date and quoted.date):
            return None
        dated = [p for p in equal if p.date]
        if quoted.cutoff and not dated:
            return _undated(ctx, equal[0], quoted)
        if quoted.date and dated and not any(_same_period(quoted.date, p.date) for p in dated):
            return _report(ctx, "date", quoted, dated[0])
        return None
    in_period = [p for p in peers if _same_period(quoted.date, p.date)]
    if not in_period:
        return None  # the detailed part's figures are of other periods
    units = [p for p in in_period if p.unit == quoted.unit]
    if not units:
        return _report(ctx, "unit", quoted, in_period[0])
    return _report(ctx, "value", quoted, units[0])


def _same_period(a: str | None, b: str | None) -> bool:
    """Undated figures may be of any period; a year agrees with its year end."""
    if a is None or b is None or a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) == 4 and long_ in (f"{short}-12-31", f"{short}-12")


def _place(ctx: CaseContext, quoted: Quoted) -> str:
    loc = quoted.block.location
    if loc.paragraph is not None:
        return f"第{loc.paragraph}段" if ctx.lang == "zh" else f"paragraph {loc.paragraph}"
    if loc.line is not None:
        return f"第{loc.line}行" if ctx.lang == "zh" else f"line {loc.line}"
    return ctx.part_title(quoted.part)


def _date_text(ctx: CaseContext, date: str | None) -> str:
    if date is None:
        return "未注明" if ctx.lang == "zh" else "none"
    bits = date.split("-")
    if ctx.lang != "zh":
        return date
    return "".join(f"{int(b)}{u}" for b, u in zip(bits, ("年", "月", "日"), strict=False))


def _report(ctx: CaseContext, key: str, summary: Quoted, detailed: Quoted) -> Finding:
    message = ctx.t(
        MESSAGES,
        key,
        measure=summary.measure.name,
        a=summary.written,
        a_at=_place(ctx, summary),
        a_date=_date_text(ctx, summary.date),
        b=detailed.written,
        b_at=_place(ctx, detailed),
        b_date=_date_text(ctx, detailed.date),
    )
    return _at(ctx, detailed, message)


def _undated(ctx: CaseContext, undated: Quoted, dated: Quoted) -> Finding:
    message = ctx.t(
        MESSAGES,
        "undated",
        part=ctx.part_title(undated.part),
        other=ctx.part_title(dated.part),
        measure=undated.measure.name,
        a=undated.written,
        b=dated.written,
        b_at=_place(ctx, dated),
        date=_date_text(ctx, dated.date),
    )
    return _at(ctx, undated, message)


def _at(ctx: CaseContext, quoted: Quoted, message: str) -> Finding:
    excerpt, offset = ctx.sentence_at(quoted.block, quoted.start)
    return ctx.report(
        NAME,
        message,
        part=quoted.part,
        block=quoted.block,
        document=quoted.document,
        start=quoted.start,
        end=quoted.amount.end,
        excerpt=excerpt,
        excerpt_offset=offset,
        suggestion=ctx.t(MESSAGES, "fix"),
    )


def _quoted(ctx: CaseContext, name: PartName) -> Iterator[Quoted]:
    """Every figure of a pack measure in a part (plans and changes left out)."""
    part = ctx.part(name)
    rules = ctx.pack.data.figures
    if part is None or rules is None or not rules.measures:
        return
    cues = sorted(
        ((cue, measure) for measure in rules.measures for cue in measure.cues),
        key=lambda item: len(item[0]),
        reverse=True,
    )
    plans = ctx.pack.data.plan_cues
    for document, block in part.located():
        text = block.text.translate(_HALF)
        for sentence in _SENTENCE.finditer(text):
            if any(cue in sentence.group() for cue in plans):
                continue
            taken: list[tuple[int, int]] = []
            for cue, measure in cues:
                for hit in re.finditer(re.escape(cue), sentence.group()):
                    start = sentence.start() + hit.start()
                    end = start + len(cue)
                    if any(s < end and start < e for s, e in taken):
                        continue
                    taken.append((start, end))
                    found = _figure_after(text, end, sentence.end(), measure, rules, cues)
                    if found is None:
                        continue
                    amount, at = found
                    date, cutoff = _date(text, at, sentence.end())
                    yield Quoted(
                        measure=measure,
                        cue=cue,
                        qualifier=_qualifier(text, start),
                        amount=amount,
                        written=block.text[at : amount.end].strip(),
                        date=date,
                        cutoff=cutoff,
                        document=document,
                        block=block,
                        part=name,
                        start=start,
                    )


def _figure_after(text, end, stop, measure, rules, cues) -> tuple[Amount, int] | None:
    """The first figure within the pack's window after a measure's word, unless a change, a
    share or another measure comes first (增长18.2%, 占31.3%)."""
    limit = min(stop, end + rules.window)
    for position in range(end, limit):
        between = text[end:position]
        if any(word in between for word in rules.breaks):
            return None
        if any(cue in between for cue, _ in cues):
            return None
        if position > end and (text[position - 1].isdigit() or text[position - 1] in ".．"):
            continue
        amount = amount_at(text, position, rules.units)
        if amount is None:
            continue
        if amount.unit == "%" and "%" not in measure.units:
            return None  # a share or a rate (占8.9%), not the measure's own figure
        if text[amount.end : amount.end + 1] in ("年", "月", "日", "号", "届", "期"):
            return None  # a date or an issue number, not the measure's value
        chinese = not text[position].isdigit()
        if chinese and not (amount.unit or amount.high - amount.low >= 1e4):
            continue  # 一直, 两个: a numeral word, not a figure
        return amount, position
    return None


def _qualifier(text: str, start: int) -> str:
    """The word in front of a measure's word (广告 in 广告收入), up to two characters."""
    out = ""
    position = start - 1
    while position >= 0 and len(out) < 2 and text[position] not in _STOP:
        if not ("\u4e00" <= text[position] <= "\u9fff"):
            break
        out = text[position] + out
        position -= 1
    return out


def _date(text: str, at: int, stop: int) -> tuple[str | None, bool]:
    """The period a figure is dated to — the last date before it in its paragraph, else a
    cut-off stated after it in its sentence (（统计时间：2024年12月）) — and whether that date
    is an explicit cut-off (截至, 统计时间)."""
    before = [m for m in _DATE.finditer(text, 0, at) if m.group("y") and not _compared(text, m)]
    if before:
        return _normal(before[-1]), bool(before[-1].group("cut"))
    after = [m for m in _DATE.finditer(text, at, stop) if m.group("y") and m.group("cut")]
    return (_normal(after[0]), True) if after else (None, False)


def _compared(text: str, match: re.Match[str]) -> bool:
    """A date a comparison starts from (由2021年的, 较2023年), not the figure's period."""
    lead = text[max(0, match.start() - 6) : match.start()]
    return text.startswith("的", match.end()) or any(w in lead for w in ("由", "从", "较", "比"))


def _normal(match: re.Match[str]) -> str:
    year = match.group("y")
    if match.group("end"):
        return f"{year}-12-31"
    if match.group("m"):
        month = int(match.group("m"))
        if match.group("d"):
            return f"{year}-{month:02d}-{int(match.group('d')):02d}"
        return f"{year}-{month:02d}"
    return year

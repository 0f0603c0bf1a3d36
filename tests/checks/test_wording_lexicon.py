"""The nrta-2025 wording lexicon (rules/nrta-2025/wording.toml) against realistic sentences.

* Every false-positive context of the research notes (the 易误报语境 column of classes A–H and
  the matching rules of §0, shared/research/lexicon.md) is a row of :data:`NOT_CLAIMS`: a
  sentence a station would write, the context in it, and what must hold there. The table was
  built once from the notes and lives here, since CI has no copy of them.
* Every class has sentences it must flag, with the exact term (:data:`CLAIMS`).
* The pack is consistent: one class per term, no exempt context silencing a term, reasons in
  both languages, and no H/M entry that unquantified-claim already reports.
* A clean, data-rich detailed part yields at most three reported wording findings and stays
  under the density threshold; a paragraph of slogans goes over it.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

import pytest

from caselint.rulepack.pack import RulePack, fold, load_pack
from caselint.text.analysis import matcher_for
from caselint.text.quantity import QuantityFinder
from caselint.text.wording import Hit, WordingMatcher

PACK: RulePack = load_pack()
WORDING = PACK.wording
REPORTED = frozenset(WORDING.report_weights)


def make_matcher() -> WordingMatcher:
    data = PACK.data
    quantities = QuantityFinder(
        data.quantity_units, data.not_quantities, data.chinese_numeral_units
    )
    return matcher_for(PACK, quantities)


MATCHER = make_matcher()


def overlapping(hits: list[Hit], text: str, context: str) -> list[Hit]:
    start = text.index(context)
    end = start + len(context)
    return [h for h in hits if h.start < end and start < h.end]


class NotAClaim(NamedTuple):
    """``context`` in ``sentence`` is not reported by emotive-wording.

    ``none``: no lexicon hit at all overlaps it (an exempt compound, a name, data).
    ``unreported``: what overlaps it is weight L (counted for density, never reported alone) —
    a downgrade condition of the notes is met, or the entry is L by design.
    """

    ref: str
    sentence: str
    context: str
    expect: Literal["none", "unreported"] = "none"


NOT_CLAIMS: list[NotAClaim] = [
    # §0.1 — whitelist before flag list
    NotAClaim("0.1 最终", "经过三轮测试，客户端最终于2023年6月正式上线。", "最终"),
    NotAClaim("0.1 最后", "打通服务群众的最后一公里。", "最后"),
    NotAClaim("0.1 最初", "平台最初只有新闻资讯一个板块。", "最初"),
    NotAClaim("0.1 最近", "最近一次改版于2024年9月完成。", "最近"),
    NotAClaim("0.1 最怕", "基层群众最怕办事来回跑，我们把服务搬到了手机上。", "最怕"),
    NotAClaim("0.1 第一季度", "2024年第一季度广告收入同比增长12.5%。", "第一季度"),
    NotAClaim("0.1 第一时间", "突发事件发生后，记者第一时间赶赴现场。", "第一时间"),
    NotAClaim("0.1 第一批", "我台入选第一批全国县级融媒体中心建设试点。", "第一批"),
    NotAClaim("0.1 非常规", "对非常规选题实行总编辑终审。", "非常规"),
    NotAClaim("0.1 非常态", "建立非常态下的应急播出机制。", "非常态"),
    NotAClaim("0.1 积极 ⊅ 极", "积极拓展政务服务，积极大力推进融合。", "积极", "unreported"),
    NotAClaim("0.1 十分钟", "每天推出十分钟的新闻快讯。", "十分钟"),
    NotAClaim("0.1 相当于", "全年发稿3.2万条，相当于改革前的2.4倍。", "相当于"),
    NotAClaim("0.1 特别节目", "春节期间推出特别节目12期。", "特别节目"),
    # §0.2 — number, time and source: a qualified fact
    NotAClaim(
        "0.2 排名第一 + 时间 + 来源",
        "2024年省内同类客户端下载量排名第一（数据来源：XX榜单）。",
        "排名第一",
        "unreported",
    ),
    # §0.3 — names, titles, awards and designations
    NotAClaim("0.3 《》", "开设《最美基层干部》栏目，全年播出48期。", "《最美基层干部》"),
    NotAClaim("0.3 最江阴（引号）", "“最江阴”客户端累计下载86万次。", "“最江阴”"),
    NotAClaim("0.3 最江阴", "最江阴客户端累计下载86万次。", "最江阴"),
    NotAClaim("0.3 第一现场", "第一现场栏目改版后收视率提升0.3个百分点。", "第一现场"),
    NotAClaim("0.3 第一书记", "联合驻村第一书记开展直播带货。", "第一书记"),
    NotAClaim(
        "0.3 国家级…示范",
        "我台被认定为国家级广播电视公共服务示范单位（广电发〔2023〕56号）。",
        "国家级",
    ),
    NotAClaim("0.3 首批…试点", "我台入选全国首批县级融媒体中心建设试点。", "首批", "unreported"),
    NotAClaim("0.3 最美…称号", "3名记者获评全省最美基层记者称号。", "最美"),
    # §0.4 — quoted policy wording
    NotAClaim("0.4 广泛征集", "面向社会广泛征集节目创意。", "广泛征集"),
    NotAClaim("0.4 深度融合", "推动县级媒体深度融合发展。", "深度融合"),
    NotAClaim("0.4 全面深化改革", "贯彻落实全面深化改革的决策部署。", "全面深化改革"),
    NotAClaim(
        "0.4 全面建成小康社会", "在全面建成小康社会进程中做好脱贫攻坚报道。", "全面建成小康社会"
    ),
    NotAClaim("0.4 主力军全面挺进主战场", "推动主力军全面挺进主战场。", "主力军全面挺进主战场"),
    NotAClaim(
        "0.4 坚持正确政治方向、舆论导向、价值取向",
        "始终坚持正确政治方向、舆论导向、价值取向。",
        "坚持正确政治方向、舆论导向、价值取向",
    ),
    NotAClaim("0.4 守正创新", "坚持守正创新，做强新型主流媒体。", "守正创新"),
    NotAClaim("0.4 移动优先", "实施移动优先战略。", "移动优先"),
    # A — superlatives
    NotAClaim("A 最多 + 数字", "直播间同时在线人数最多达3.2万人。", "最多"),
    NotAClaim("A 最少 + 数字", "每个镇街最少配备2名通讯员。", "最少"),
    NotAClaim("A 最高 + 数字", "单日最高访问12万人次。", "最高"),
    NotAClaim("A 最低 + 数字", "系统响应时间最低降至0.8秒。", "最低"),
    NotAClaim("A 最佳方法", "编辑部总结出处置突发舆情的最佳方法。", "最佳方法"),
    NotAClaim("A 最佳时间", "系统为每条短视频推荐最佳时间发布。", "最佳时间"),
    NotAClaim("A 最佳期限", "平台提示商户在最佳期限内完成资质年审。", "最佳期限"),
    NotAClaim("A 最佳XX奖", "《乡村振兴直播间》荣获全省广播电视节目评选最佳创意奖。", "最佳创意奖"),
    NotAClaim("A 最好在", "系统提示：稿件最好在当日18时前提交审核。", "最好在"),
    NotAClaim("A 最优解", "排班算法求得最优解，人力成本下降18%。", "最优解"),
    NotAClaim("A 最优化", "通过资源配置最优化，节省机房电费42万元。", "最优化"),
    NotAClaim("A 最大限度（另列）", "最大限度减少群众跑腿次数。", "最大限度", "unreported"),
    NotAClaim("A 最大值", "并发请求按峰值的最大值配置带宽。", "最大值"),
    NotAClaim("A 最大并发 + 数字", "平台最大并发用户数达10万。", "最大并发"),
    NotAClaim("A 最高 紧邻数字（峰值）", "春晚直播峰值最高达到3.6万人次同时在线。", "最高"),
    NotAClaim("A 最低价格", "助农直播最低价格为每斤2.5元。", "最低"),
    NotAClaim("A 最具X 奖项名", "荣获2024年度最具影响力融媒体奖。", "最具影响力"),
    NotAClaim(
        "A 最受欢迎 + 第三方榜单与时间",
        "在省网信办发布的2024年度政务新媒体榜单中，我台账号获评最受欢迎县级政务账号。",
        "最受欢迎",
        "unreported",
    ),
    NotAClaim("A 最早于（叙事时间）", "客户端最早于2019年上线。", "最早于"),
    NotAClaim("A 最新数据", "根据最新数据，日活用户4.2万。", "最新数据"),
    NotAClaim("A 最新版本", "最新版本新增适老化模式。", "最新版本"),
    NotAClaim("A 最新统计", "据后台最新统计，累计下载86万次。", "最新统计"),
    NotAClaim("A 最美XX（引号称号）", "3名记者获评全省“最美基层记者”。", "最美"),
    # B — rankings, firsts, uniqueness
    NotAClaim("B 第一次", "这是我台第一次承办省级网络春晚。", "第一次"),
    NotAClaim("B 第一届", "第一届乡村网红直播大赛吸引320名选手报名。", "第一届"),
    NotAClaim("B 第一阶段", "改革第一阶段完成了机构整合。", "第一阶段"),
    NotAClaim("B 第一部分", "本材料第一部分介绍平台总体情况。", "第一部分"),
    NotAClaim("B 第一条", "《管理办法》第一条明确了适用范围。", "第一条"),
    NotAClaim("B 第一步", "迈出智慧广电建设的第一步。", "第一步"),
    NotAClaim("B 第一年", "上线第一年注册用户突破20万。", "第一年"),
    NotAClaim("B 第一责任人", "台长是安全播出的第一责任人。", "第一责任人"),
    NotAClaim("B 第一线", "记者常年扎根采访第一线。", "第一线"),
    NotAClaim("B 《第一现场》", "《第一现场》栏目全年播出250期。", "《第一现场》"),
    NotAClaim("B 第一，（列举）", "第一，重构采编流程；第二，完善考核办法。", "第一"),
    NotAClaim(
        "B 全省第一 + 榜单、时间、发布方",
        "据省广电局2024年12月发布的IPTV点播榜单，我台点播量全省第一。",
        "全省第一",
        "unreported",
    ),
    NotAClaim(
        "B 全网第一 + 榜单、时间",
        "2024年11月助农直播单场带货额全网第一（数据来源：抖音电商榜单）。",
        "全网第一",
        "unreported",
    ),
    NotAClaim(
        "B 排名第一 + 第三方榜单",
        "在2024年度全国县级融媒体传播力榜单中，我台排名第一。",
        "排名第一",
        "unreported",
    ),
    NotAClaim("B 唯一标识", "每条稿件分配唯一标识，实现全流程溯源。", "唯一标识"),
    NotAClaim("B 唯一ID", "用户注册后生成唯一ID。", "唯一ID"),
    NotAClaim("B 唯一性校验", "系统对手机号做唯一性校验。", "唯一性校验"),
    NotAClaim("B 独家报道", "全年推出独家报道46篇。", "独家报道"),
    NotAClaim("B 独家专访", "推出对非遗传承人的独家专访。", "独家专访"),
    NotAClaim("B 独家首发", "纪录片在客户端独家首发。", "独家首发"),
    NotAClaim("B 率先（政策原文）", "落实省委“在全省率先实现媒体深度融合”的部署。", "率先"),
    # C — levels and leadership
    NotAClaim("C 国家级…试点", "2022年入选国家级媒体融合试点。", "国家级"),
    NotAClaim(
        "C 国际领先 + 鉴定结论",
        "经省科技厅组织专家鉴定，该系统总体达到国际领先水平（2023年12月鉴定）。",
        "国际领先",
        "unreported",
    ),
    NotAClaim("C 双一流", "与本地双一流高校共建融媒体实验室。", "一流"),
    NotAClaim("C 一流学科", "依托新闻传播一流学科开展人才培养。", "一流"),
    NotAClaim("C 顶级域名", "门户网站启用.cn顶级域名。", "顶级"),
    NotAClaim(
        "C 领先X个百分点（来源）",
        "完播率领先同类账号5个百分点（数据来源：抖音创作者后台）。",
        "领先",
    ),
    NotAClaim(
        "C 全国领先 + 排名来源",
        "据《2024年中国县级融媒体发展报告》，我台融合传播指数全国领先（来源：该报告第42页）。",
        "全国领先",
        "unreported",
    ),
    NotAClaim(
        "C 领跑（官方文件称谓引用）",
        "省委宣传部2024年第3期通报称我台“领跑全省县级融媒体改革”。",
        "领跑",
    ),
    NotAClaim(
        "C 走在前列（上级评价原文 + 出处）",
        "省委宣传部在2024年第12期《宣传工作通报》中评价我台“在县级融媒体中心建设中走在全省前列”。",
        "走在全省前列",
        "unreported",
    ),
    NotAClaim(
        "C 名列前茅（上级评价原文 + 出处）",
        "省广电局在2024年县级融媒体中心评估报告中评价我台“综合得分名列前茅”。",
        "名列前茅",
    ),
    NotAClaim(
        "C 标杆（官方称号 + 文件）",
        "我台被省广电局命名为“媒体融合标杆单位”（湘广发〔2024〕8号）。",
        "标杆",
    ),
    NotAClaim(
        "C 样板（官方称号 + 文件）",
        "我台被确定为全省智慧广电样板工程（省广电局2023年认定）。",
        "样板",
        "unreported",
    ),
    NotAClaim("C 金牌栏目奖", "《百姓热线》获评全省金牌栏目奖。", "金牌"),
    NotAClaim("C 世界冠军", "邀请世界冠军王濛担任冰雪节目嘉宾。", "冠军"),
    NotAClaim("C 绝对值", "以绝对值计算，广告收入增加560万元。", "绝对值"),
    NotAClaim("C 绝对数", "从绝对数看，用户增量为12.6万。", "绝对数"),
    NotAClaim("C 100% + 分子分母", "行政村应急广播覆盖率100%（12/12个乡镇）。", "100%"),
    NotAClaim(
        "C 全覆盖 + X/X个", "应急广播实现全覆盖（126/126个行政村）。", "全覆盖", "unreported"
    ),
    NotAClaim(
        "C 零差错 + 统计期与来源",
        "2024年全年安全播出零差错（数据来源：省广电局监测报告）。",
        "零差错",
        "unreported",
    ),
    NotAClaim(
        "C 零投诉 + 统计期与来源",
        "2024年1月至12月政务服务零投诉（来源：12345热线平台统计）。",
        "零投诉",
        "unreported",
    ),
    # D — exaggeration
    NotAClaim("D 极大值", "根据收视曲线的极大值确定黄金时段。", "极大值"),
    NotAClaim("D 彻底 + 可核实事实", "彻底关停3个低效频道。", "彻底"),
    NotAClaim(
        "D 革命性（政策原文）",
        "中央文件要求：“以革命性重塑推动主流媒体系统性变革。”",
        "革命性",
    ),
    NotAClaim("D 颠覆性（政策原文）", "正如文件所说，“颠覆性技术”正在重塑传播格局。", "颠覆性"),
    NotAClaim("D 跨越式发展（政策用语引用）", "落实省委提出的“跨越式发展”要求。", "跨越式"),
    NotAClaim("D 爆款 + 阈值", "全年推出爆款（播放量≥100万）作品23条。", "爆款", "unreported"),
    NotAClaim(
        "D 广受好评 + 调查样本与结果",
        "节目广受好评（满意度96.3%，问卷样本1200份）。",
        "广受好评",
        "unreported",
    ),
    NotAClaim(
        "D 广受赞誉 + 调查", "活动广受赞誉（满意度95.2%，样本800份）。", "广受赞誉", "unreported"
    ),
    NotAClaim(
        "D 赢得广泛赞誉 + 调查",
        "服务赢得广泛赞誉（回访满意度98%）。",
        "赢得广泛赞誉",
        "unreported",
    ),
    NotAClaim(
        "D 一致好评 + 评分",
        "方案获得参会代表一致好评（现场评分9.6分）。",
        "一致好评",
        "unreported",
    ),
    NotAClaim(
        "D 高度评价 + 评价主体",
        "省委宣传部在《2024年全省媒体融合工作通报》中对该做法给予高度评价。",
        "高度评价",
        "unreported",
    ),
    NotAClaim(
        "D 充分肯定 + 评价主体",
        "国家广电总局在2024年全国县级融媒体中心建设推进会上充分肯定了我台做法。",
        "充分肯定",
        "unreported",
    ),
    # E — emotive
    NotAClaim("E 震撼（用户原话）", "网友留言：“太震撼了，第一次这样看家乡！”", "震撼"),
    NotAClaim("E 震惊（受访者原话）", "受访村民说：“听到这个消息我很震惊。”", "震惊"),
    NotAClaim("E 感人至深（作品内容引述）", "纪录片以“一封感人至深的家书”为线索展开。", "感人至深"),
    NotAClaim(
        "E 热泪盈眶、温暖人心（观众评论）",
        "观众在评论区写道：“看得热泪盈眶，节目温暖人心。”",
        "热泪盈眶，节目温暖人心",
    ),
    NotAClaim("E 蓬勃发展（政策原文）", "落实“推动文化产业蓬勃发展”的部署。", "蓬勃发展"),
    NotAClaim("E 重磅（栏目名称）", "开设《重磅》深度报道栏目。", "重磅"),
    NotAClaim("E 强势（栏目名称）", "《强势围观》栏目全年播出52期。", "强势"),
    NotAClaim("E 炸裂（栏目名称）", "推出《炸裂吧，非遗》短视频系列。", "炸裂"),
    NotAClaim("E 燃爆（活动名称）", "推出“燃爆青春”校园直播活动。", "燃爆"),
    NotAClaim("E 骄傲（受访者原话）", "返乡青年表示：“能为家乡代言，我很骄傲。”", "骄傲"),
    NotAClaim("E 自豪（受访者原话）", "老党员感慨：“作为村里人，我很自豪。”", "自豪"),
    NotAClaim("E 荣耀（受访者原话）", "获奖教师说：“这是一辈子的荣耀。”", "荣耀"),
    NotAClaim("E 非常时期", "疫情等非常时期实行24小时值班。", "非常时期"),
    NotAClaim("E 十分之一", "广告时长不超过节目时长的十分之一。", "十分之一"),
    NotAClaim("E 特别报道", "推出“两会”特别报道36篇。", "特别报道"),
    NotAClaim("E 特别策划", "国庆特别策划累计播放1200万次。", "特别策划"),
    NotAClaim("E 特别行政区", "与香港特别行政区媒体开展合作。", "特别行政区"),
    NotAClaim("E 异常数据", "系统自动标记异常数据。", "异常数据"),
    NotAClaim("E 异常检测", "部署播出信号异常检测系统。", "异常检测"),
    NotAClaim("E 异常流量", "拦截异常流量1.2万次。", "异常流量"),
    NotAClaim("E 超级计算机", "依托超级计算机完成4K超高清转码。", "超级计算机"),
    NotAClaim(
        "E 高大上、给力、点赞（网友评论）",
        "网友评论：“这个节目既高大上又给力，必须点赞！”",
        "高大上又给力，必须点赞",
    ),
    # F — formulaic phrases
    NotAClaim(
        "F 扎实推进 + 具体举措与时间",
        "扎实推进“新闻+政务”改革，2024年新增服务事项86项。",
        "扎实推进",
        "unreported",
    ),
    NotAClaim(
        "F 取得显著成效 + 数据",
        "取得显著成效：日活用户由2.1万增至4.2万。",
        "取得显著成效",
        "unreported",
    ),
    NotAClaim("F 取得良好成效 + 数据", "取得良好成效，全年营收增至1860万元。", "取得良好成效"),
    NotAClaim("F 取得积极成效 + 数据", "取得积极成效，新增入驻部门26个。", "取得积极成效"),
    NotAClaim(
        "F 成效显著 + 数据", "改革成效显著，日活由2.1万增至4.2万。", "成效显著", "unreported"
    ),
    NotAClaim("F 效果明显 + 数据", "效果明显，投诉量下降37%。", "效果明显", "unreported"),
    NotAClaim(
        "F 形成可复制可推广的经验 + 已推广单位数",
        "形成可复制可推广的经验，已在全省23个县推广。",
        "形成可复制可推广的经验",
    ),
    NotAClaim("F 赋能（技术语境）", "为商户提供直播带货能力。", "提供直播带货能力"),
    NotAClaim("F 打造……高地（活动名称）", "举办“打造数字文化高地”主题论坛。", "打造数字文化高地"),
    NotAClaim("F 擦亮……名片（栏目名称）", "策划《擦亮古城名片》系列直播。", "擦亮古城名片"),
    NotAClaim("F 讲好……故事（栏目名称）", "开设“讲好乡村故事”专栏。", "讲好乡村故事"),
    NotAClaim("F 有效用户", "有效用户占注册用户的62%。", "有效用户"),
    NotAClaim("F 有效播放", "有效播放量达1.3亿次。", "有效播放"),
    NotAClaim("F 有效期", "会员有效期为一年。", "有效期"),
    NotAClaim("F 全面从严治党", "落实全面从严治党主体责任。", "全面从严治党"),
    NotAClaim("F 持续时间", "单场直播持续时间为3小时。", "持续时间"),
    NotAClaim("F 持续集成", "技术团队采用持续集成方式发布客户端。", "持续集成"),
    NotAClaim(
        "F 显著提升 + 由A提升至B",
        "用户满意度显著提升，由86%提升至94%。",
        "显著提升",
        "unreported",
    ),
    NotAClaim(
        "F 四力（评价维度名称）",
        "从传播力、引导力、影响力、公信力四个维度设置考核指标。",
        "传播力、引导力、影响力、公信力",
    ),
    NotAClaim(
        "F 在……领导下（开篇政治表述）",
        "在县委县政府的坚强领导下，中心完成机构整合。",
        "在县委县政府的坚强领导下",
        "unreported",
    ),
    # G — vague quantities and time
    NotAClaim("G 若干规定", "依据省里的若干规定开展审核。", "若干规定"),
    NotAClaim("G 若干意见", "按照省政府若干意见要求推进改革。", "若干意见"),
    NotAClaim("G 第一批 ⊅ 一批", "入选第一批智慧广电乡村工程。", "一批"),
    NotAClaim(
        "G 一系列 + 紧接列举",
        "出台一系列举措：一是建立中央厨房，二是重组采编流程。",
        "一系列",
    ),
    NotAClaim("G 第X部分", "具体数据详见第三部分。", "部分"),
    NotAClaim("G 组成部分", "融媒体中心是基层治理的重要组成部分。", "组成部分"),
    NotAClaim("G 部分地区", "省内部分地区已开通应急广播。", "部分", "unreported"),
    NotAClaim("G 多个 + （X个）", "建成多个（6个）乡镇分中心。", "多个", "unreported"),
    NotAClaim("G 大幅 + 具体百分比", "广告收入大幅增长38.6%。", "大幅增长", "unreported"),
    NotAClaim("G 显著性（统计学）", "经检验，差异具有统计学显著性（p<0.05）。", "显著性"),
    NotAClaim("G 较高 + 对比值", "完播率较高，为41%，行业平均为28%。", "较高", "unreported"),
    NotAClaim("G 高速公路", "在高速公路服务区设置应急广播终端。", "高速公路"),
    NotAClaim("G 高速网络", "县城已实现千兆高速网络覆盖。", "高速网络"),
    NotAClaim("G 基本情况（小标题）", "一、基本情况", "基本情况"),
    NotAClaim(
        "G 快速增长 + 由A到B",
        "用户快速增长，由2022年的12万增至2024年的86万。",
        "快速增长",
        "unreported",
    ),
    NotAClaim("G 10万+ + 条数与统计期", "2024年阅读量10万+的稿件有126篇。", "10万+", "unreported"),
    NotAClaim(
        "G X余 + 截至日期", "截至2024年12月31日，累计注册用户86万余人。", "86万余人", "unreported"
    ),
    NotAClaim(
        "G 目前 + 具体日期", "目前（截至2025年3月31日），平台入驻部门62个。", "目前", "unreported"
    ),
    NotAClaim("G 不少于", "每个乡镇每月发稿不少于20条。", "不少于"),
    # H — attribution
    NotAClaim(
        "H 据统计 + 来源与截止日期",
        "据统计（来源：客户端后台，截至2024年12月31日），全年发稿3.2万条。",
        "据统计",
        "unreported",
    ),
    NotAClaim(
        "H 数据显示 + 来源与截止日期",
        "后台数据显示（来源：客户端后台，截至2024年12月31日），日活4.2万。",
        "数据显示",
        "unreported",
    ),
    NotAClaim(
        "H 专家认为 → 写明姓名单位",
        "中国传媒大学新闻学院张明教授认为，该模式可在县级台复制。",
        "张明教授认为",
    ),
    NotAClaim(
        "H 全国首家 + 权威机构认定",
        "经国家广电总局认定（广电办发〔2024〕12号），我台为全国首家完成IP化改造的县级台。",
        "首家",
        "unreported",
    ),
]


@pytest.mark.parametrize("row", NOT_CLAIMS, ids=[row.ref for row in NOT_CLAIMS])
def test_false_positive_context_is_not_reported(row: NotAClaim) -> None:
    hits = overlapping(MATCHER.hits(row.sentence), row.sentence, row.context)
    reported = [(h.term, h.cls.id) for h in hits if h.cls.weight in REPORTED]
    assert reported == [], row.ref
    if row.expect == "none":
        assert [(h.term, h.cls.id) for h in hits] == [], row.ref


def test_the_table_covers_every_row_of_the_notes() -> None:
    """One row per context: the research lists about 90 compounds and conditions."""
    assert len(NOT_CLAIMS) >= 150
    assert len({row.ref for row in NOT_CLAIMS}) == len(NOT_CLAIMS)


# -- what must be flagged --------------------------------------------------------------------


class Claim(NamedTuple):
    sentence: str
    term: str
    class_id: str


CLAIMS: list[Claim] = [
    Claim("打造最温暖的新闻客户端。", "最", "superlative"),
    Claim("我们要做全省最好的县级客户端。", "最好", "superlative"),
    Claim("平台拥有最先进的4K制作系统。", "最先进", "superlative"),
    Claim("成为全市最受欢迎的政务服务平台。", "最受欢迎", "superlative"),
    Claim("打造全省最大的县级融媒体中心。", "最大", "superlative"),
    Claim("探索形成了县级融媒体运营的最佳实践。", "最佳", "superlative"),
    Claim("我台是本地最具影响力的媒体。", "最具影响力", "superlative"),
    Claim("在本地同类平台中用户最多。", "最多", "superlative-amount"),
    Claim("该栏目收视率在全台最高。", "最高", "superlative-amount"),
    Claim("尽最大限度满足群众需求。", "最大限度", "superlative-l"),
    Claim("及时发布最新政策解读。", "最新", "superlative-l"),
    Claim("客户端下载量全省第一。", "全省第一", "ranking"),
    Claim("在全市同类平台中排名第一。", "排名第一", "ranking"),
    Claim("我台是全省第一家完成IP化改造的县级台。", "第一家", "first-only"),
    Claim("建成全国首个县级5G融媒体实验室。", "首个", "first-only"),
    Claim("该系统填补了国内空白。", "填补了国内空白", "first-only"),
    Claim("该平台是本地唯一的政务服务入口。", "唯一", "first-only"),
    Claim("纪录片在客户端全网首发。", "全网首发", "first-only"),
    Claim("打造区域短视频No.1。", "No.1", "ranking"),
    Claim("日活用户数在全市县级客户端中居第一。", "第一", "ranking-m"),
    Claim("在全省率先实现县级融媒体中心全覆盖。", "率先", "first-only-m"),
    Claim("推出独家内容吸引用户。", "独家", "first-only-m"),
    Claim("新剧在客户端首发。", "首发", "ranking-l"),
    Claim("纪录片今晚在视频号首发。", "首发", "ranking-l"),
    Claim("这种模式在全国前所未有。", "前所未有", "absolute"),
    Claim("我台的采编体系无可替代。", "无可替代", "absolute"),
    Claim("该模式独一无二。", "独一无二", "absolute"),
    Claim("打造了全国领先的县级客户端。", "全国领先", "level"),
    Claim("技术水平达到国际一流。", "国际一流", "level"),
    Claim("给用户带来极致体验。", "极致", "superlative"),
    Claim("建设国家级融媒体平台。", "国家级", "level"),
    Claim("打造全省媒体融合的标杆。", "标杆", "self-label"),
    Claim("改革工作走在全国前列。", "走在全国前列", "standing"),
    Claim("我台是全省县级台的排头兵。", "排头兵", "standing"),
    Claim("建设一流的新型主流媒体。", "一流", "level"),
    Claim("实现了行政村全覆盖。", "全覆盖", "vague-quantity"),
    Claim("完播率在同类账号中领先。", "领先", "comparative-m"),
    Claim("全年安全播出零差错。", "零差错", "vague-quantity"),
    Claim("取得的成就举世瞩目。", "举世瞩目", "absolute"),
    Claim("跨年晚会万众瞩目。", "万众瞩目", "absolute"),
    Claim("这是县级融媒体发展的里程碑。", "里程碑", "exaggeration"),
    Claim("推出现象级融媒体产品。", "现象级", "exaggeration"),
    Claim("实现了质的飞跃。", "质的飞跃", "exaggeration"),
    Claim("斩获多个重要奖项。", "斩获", "vague-degree"),
    Claim("取得重大突破。", "重大突破", "exaggeration"),
    Claim("极大地调动了基层通讯员的积极性。", "极大地", "magnitude"),
    Claim("大大提高了采编效率。", "大大提高", "magnitude"),
    Claim("相关话题在朋友圈刷屏。", "刷屏", "magnitude"),
    Claim("带来了巨大的社会效益。", "巨大", "magnitude"),
    Claim("推出多条爆款短视频。", "爆款", "magnitude"),
    Claim("非遗直播成功出圈。", "出圈", "vague-degree"),
    Claim("节目播出后广受好评，社会反响热烈。", "广受好评", "acclaim"),
    Claim("节目播出后广受好评，社会反响热烈。", "反响热烈", "acclaim"),
    Claim("栏目在当地家喻户晓。", "家喻户晓", "acclaim"),
    Claim("新版客户端上线后好评如潮。", "好评如潮", "acclaim"),
    Claim("晚会现场气氛震撼。", "震撼", "emotion"),
    Claim("推出重磅融媒体产品。", "重磅", "emotion"),
    Claim("打造城市服务的超级入口。", "超级入口", "self-label"),
    Claim("评选全县最美基层干部。", "最美", "superlative"),
    Claim("倾力打造城市会客厅。", "倾力打造", "emotion"),
    Claim("这项工作非常重要。", "非常", "vague-degree"),
    Claim("该栏目特别受欢迎。", "特别", "vague-degree"),
    Claim("用心用情做好服务。", "用心", "vague-degree"),
    Claim("融媒体改革迈上新台阶。", "迈上新台阶", "slogan"),
    Claim("探索出一条县级融媒体发展新路。", "探索出一条县级融媒体发展新路", "effect-l"),
    Claim("形成可复制可推广的经验。", "形成可复制可推广的经验", "effect-l"),
    Claim("各项工作取得良好成效。", "取得良好成效", "effect-l"),
    Claim("我们高度重视融合改革。", "高度重视", "formula-l"),
    Claim("进一步深化改革。", "进一步", "formula-l"),
    Claim("以技术赋能基层治理。", "赋能", "formula-l"),
    Claim("讲好新时代乡村故事。", "讲好新时代乡村故事", "formula-l"),
    Claim("用户活跃度大幅提升。", "大幅提升", "effect-l"),
    Claim("项目取得显著成效。", "取得显著成效", "effect-l"),
    Claim(
        "传播力、引导力、影响力、公信力显著提升。",
        "传播力、引导力、影响力、公信力显著提升",
        "effect-l",
    ),
    Claim("出台了一系列管理制度。", "一系列", "vague-quantity"),
    Claim("平台汇聚了海量数据。", "海量", "vague-quantity"),
    Claim("吸引了众多用户参与。", "众多", "vague-quantity"),
    Claim("培养了一批骨干人才。", "一批", "vague-quantity"),
    Claim("基本实现了数据互通。", "基本实现", "effect-l"),
    Claim("开展了多项培训。", "多项", "vague-quantity"),
    Claim("用户规模较大。", "较大", "vague-quantity"),
    Claim("约3000人左右参加活动。", "约3000人左右", "vague-quantity"),
    Claim("近年来，我台持续推进改革。", "近年来", "time-l"),
    Claim("目前平台运行平稳。", "目前", "time-l"),
    Claim("据统计，全年发稿量大幅增加。", "据统计", "attribution-l"),
    Claim("专家认为该模式值得推广。", "专家认为", "attribution-l"),
    Claim("荣获多项荣誉。", "荣获多项荣誉", "attribution-l"),
    Claim("该做法得到上级肯定。", "得到上级肯定", "attribution-l"),
    Claim("得到省领导的高度评价。", "高度评价", "acclaim"),
    Claim("该栏目收视率稳居同时段冠军。", "冠军", "ranking-m"),
    Claim("我们在技术上具有绝对优势。", "绝对优势", "comparative-m"),
    # new classes and the phrase templates (gaps, slots, both orders)
    Claim("客户端下载量位居全省同类平台首位。", "位居全省同类平台首位", "ranking"),
    Claim("短视频账号粉丝量稳居全市第一。", "稳居全市第一", "ranking"),
    Claim("我台首创“问政+督办”工作法。", "首创", "first-only"),
    Claim(
        "该系统填补了全省县级台在数据服务方面的空白。",
        "填补了全省县级台在数据服务方面的空白",
        "first-only",
    ),
    Claim("这一做法开创了全省先河。", "开创了全省先河", "first-only"),
    Claim(
        "平台建设走在全市乃至全省县级融媒体的前列。", "走在全市乃至全省县级融媒体的前列", "standing"
    ),
    Claim("客户端影响力位居全省政务新媒体榜单前列。", "位居全省政务新媒体榜单前列", "standing"),
    Claim("融媒体改革跻身全国第一方阵。", "跻身全国第一方阵", "standing"),
    Claim("我台成为全县宣传思想战线的领头雁。", "领头雁", "standing"),
    Claim("技术水平达到全国一流。", "全国一流", "level"),
    Claim("多项业务处于行业领先水平。", "处于行业领先水平", "standing"),
    Claim("实现了社会效益和经济效益双丰收。", "双丰收", "exaggeration"),
    Claim("平台已形成体量庞大的用户群。", "体量庞大", "exaggeration"),
    Claim("为全县发展做出了重要贡献。", "做出了重要贡献", "exaggeration"),
    Claim("依托强大的传播力服务大局。", "强大的传播力", "exaggeration"),
    Claim("推动本地声音向全国辐射。", "向全国辐射", "exaggeration"),
    Claim("新栏目强力提升了主流媒体的影响力。", "强力提升", "exaggeration"),
    Claim("改革的脚步铿锵，成效逐步显现。", "铿锵", "emotion"),
    Claim("推出有温度、有态度的融媒产品。", "有温度、有态度", "emotion"),
    Claim("织就了一张守护群众安全的防护网。", "织就了一张守护群众安全的防护网", "emotion"),
    Claim("让党的声音飞入寻常百姓家。", "飞入寻常百姓家", "emotion"),
    Claim("活动引起强烈反响。", "强烈反响", "acclaim"),
    Claim("活动在群众中反响十分强烈。", "反响十分强烈", "acclaim"),
    Claim("节目深受广大农民朋友喜爱。", "深受广大农民朋友喜爱", "acclaim"),
    Claim("该做法被业界誉为县级融媒改革的范例。", "被业界誉为", "acclaim"),
    Claim("展示效果令记者嘉宾叹为观止。", "叹为观止", "acclaim"),
    Claim("为全县发展奏响昂扬奋进的时代强音。", "奏响昂扬奋进的时代强音", "slogan"),
    Claim("唱响“时代强音”，讲好县域故事。", "唱响“时代强音", "slogan"),
    Claim("答好融合发展的时代答卷。", "答好融合发展的时代答卷", "slogan"),
    Claim("全体干部踔厉奋发、勇毅前行。", "踔厉奋发", "slogan"),
    Claim("率先拉开县级媒体融合改革大幕。", "拉开县级媒体融合改革大幕", "slogan"),
    Claim("构建起了“新闻+政务”数字化治理新格局。", "构建起了“新闻+政务”数字化治理新格局", "slogan"),
    Claim("打造了县融改革“浙江样板”。", "样板", "self-label"),
    Claim("组建新媒体“融合旗舰”。", "旗舰", "self-label"),
    Claim("推出六大拳头产品。", "拳头产品", "self-label"),
    Claim("成为温暖的城市名片。", "城市名片", "self-label"),
    Claim("应急广播成为防汛救灾的急先锋。", "急先锋", "self-label"),
]


@pytest.mark.parametrize("claim", CLAIMS, ids=[f"{c.class_id}:{c.term}" for c in CLAIMS])
def test_claim_is_found_with_its_class(claim: Claim) -> None:
    found = [(h.term, h.cls.id) for h in MATCHER.hits(claim.sentence)]
    assert (claim.term, claim.class_id) in found, found


def test_every_class_has_at_least_two_claims() -> None:
    counts = {cls.id: 0 for cls in WORDING.classes}
    for claim in CLAIMS:
        counts[claim.class_id] += 1
    assert {cid: n for cid, n in counts.items() if n < 2} == {}


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("打造最温暖的新闻客户端。", "最"),
        ("打造全省最温暖的新闻客户端。", "最"),
        ("最终上线三个频道。", None),
        ("最近一年新增用户12万。", None),
        ("尽最大限度满足需求。", "最大限度"),
        ("单日最高访问12万人次。", None),
        ("积极推进媒体融合。", "积极"),
        ("每天十分钟，读懂家乡事。", None),
        ("基本情况", None),
    ],
)
def test_catch_all_superlative_and_boundaries(sentence: str, term: str | None) -> None:
    terms = [h.term for h in MATCHER.hits(sentence)]
    assert terms == ([term] if term else [])


# -- the pack itself -------------------------------------------------------------------------


def test_pack_has_a_lexicon_of_every_class_a_reviewer_sorts_by() -> None:
    """The classes of issue 10, each with entries, reported ones at H or M."""
    by_id = {cls.id: cls for cls in WORDING.classes}
    reported = {
        "superlative",
        "ranking",
        "first-only",
        "standing",
        "level",
        "exaggeration",
        "emotion",
        "acclaim",
        "slogan",
        "self-label",
    }
    assert reported <= set(by_id)
    assert all(by_id[cid].weight in REPORTED for cid in reported)
    assert {"vague-degree", "vague-quantity", "formula-l", "effect-l"} <= set(by_id)
    assert all(by_id[cid].weight == "L" for cid in ("vague-degree", "vague-quantity"))
    entries = sum(len(c.terms) + len(c.patterns) + len(c.phrases) for c in WORDING.classes)
    assert entries >= 500
    assert sum(len(c.phrases) for c in WORDING.classes) >= 25


def test_no_term_is_in_two_classes() -> None:
    seen: dict[str, str] = {}
    for cls in WORDING.classes:
        for term in cls.terms:
            assert fold(term) not in seen, (term, seen.get(fold(term)), cls.id)
            seen[fold(term)] = cls.id


def test_no_exempt_context_silences_a_term() -> None:
    exempt = [fold(e) for e in WORDING.all_exempt]
    for cls in WORDING.classes:
        for term in cls.terms:
            assert not any(e in fold(term) for e in exempt), term
            assert not any(MATCHER.masked(term)), term


def test_every_class_explains_itself_in_both_languages() -> None:
    for cls in WORDING.classes:
        assert cls.name and cls.name_en, cls.id
        for lang in ("zh", "en"):
            reason, advice = cls.explain(lang)
            assert reason and advice, (cls.id, lang)
        assert cls.reason != cls.reason_en and cls.advice != cls.advice_en, cls.id
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in cls.reason_en.replace("“", "")), cls.id


def test_low_weight_is_counted_not_reported() -> None:
    assert set(WORDING.report_weights) == {"H", "M"}
    assert set(WORDING.density_weights) == {"L"}


@pytest.mark.parametrize("word", ["积极", "进一步", "全面", "有效", "持续", "深入", "赋能", "不断"])
def test_ordinary_official_words_are_low_weight(word: str) -> None:
    classes = {fold(t): cls for cls in WORDING.classes for t in cls.terms}
    assert classes[word].weight == "L"


def test_effect_words_are_left_to_unquantified_claim() -> None:
    """Effect words are counted here (L); whether a figure backs them is W002's to judge.

    An exaggerated effect (大大提高, 强力提升) is reported by both rules on purpose: the
    wording is one fault, the missing figure another.
    """
    effect = next(c for c in WORDING.classes if c.id == "effect-l")
    assert effect.weight == "L"
    for word in ("大幅", "显著", "明显", "快速增长", "大幅提升", "基本实现"):
        assert word in effect.terms
    hits = MATCHER.hits("采编效率大大提高。")
    assert [(h.term, h.cls.weight) for h in hits] == [("大大提高", "M")]


def test_quoted_policy_holds_the_phrases_of_the_notes() -> None:
    for phrase in (
        "广泛征集",
        "深度融合",
        "全面深化改革",
        "全面建成小康社会",
        "主力军全面挺进主战场",
        "坚持正确政治方向、舆论导向、价值取向",
        "守正创新",
        "移动优先",
    ):
        assert phrase in WORDING.quoted_policy
    for evaluative in ("显著成效", "取得显著成效", "可复制、可推广"):
        assert evaluative not in WORDING.quoted_policy


# -- whole parts -----------------------------------------------------------------------------

CLEAN_DETAILED = """\
一、平台总体情况
“云上清河”客户端由清河县融媒体中心于2019年6月上线，2022年完成第三次改版。截至2024年12月31日，客户端累计下载86.4万次，注册用户41.2万人，占全县常住人口的63%；2024年日活用户4.2万，月活用户18.6万，分别较2023年增长31%和24%。客户端开设新闻、政务、民生、文旅4个频道，入驻县直部门和乡镇62个。
中心同步运营抖音、快手、视频号、微博、微信公众号等账号23个，账号矩阵粉丝总数218万，其中抖音主账号粉丝96万。2024年矩阵发布短视频1.36万条，总播放量9.8亿次，单条播放量超过100万的作品有214条。
二、主要做法
（一）重构采编流程。2023年3月起，中心撤并原电视、广播、网站3个采编部门，组建全媒体采集中心、内容生产中心和分发运营中心，采编人员由86人调整为74人，人均年发稿量由310条提高到452条。选题会由每周1次改为每日早晚2次，重大选题从策划到首发的平均时长由6.5小时缩短至2.1小时。
（二）打通政务服务。客户端接入县政务服务平台的办事事项318项，其中“掌上办”事项146项。2024年办件量12.7万件，较2023年增长45%。12345热线工单通过客户端“问政”栏目转办，2024年受理群众诉求8620件，办结8433件，办结率97.8%，平均办理时长由7.2天缩短至3.4天。
（三）发展经营业务。中心成立全资子公司，承接政府购买服务、活动策划、直播带货和技术服务。2024年经营性收入2860万元，较2022年的1410万元增长103%；其中政府购买服务1120万元，占39%；直播带货销售额4100万元，中心分成收入610万元，占21%；技术服务输出收入480万元，为周边3个县建设客户端。
三、取得成效
社会效益方面，2024年客户端推送突发事件预警信息126条，覆盖用户累计380万人次；防汛期间“应急广播+客户端”联动发布预警，转移群众1.2万人。用户反馈方面，2024年11月委托县统计局开展问卷调查，回收有效问卷2036份，总体满意度91.6%，较2023年提高3.2个百分点；客户端应用商店评分4.7分，评论数1.1万条。
经济效益方面，2024年中心总收入5120万元，其中财政拨款2260万元，经营性收入2860万元，经营性收入占比由2022年的38%提高到56%；总支出4680万元，实现结余440万元。
四、可推广性与发展潜力
客户端技术平台已输出到周边3个县，2024年新增技术服务合同5份，合同金额480万元。按照规划，到2026年客户端注册用户达到50万人，经营性收入达到3500万元，技术服务输出县扩大到8个。
五、困难与对策
一是人才结构不匹配，具备数据分析能力的人员仅9人，占采编人员的12%。中心计划2025年引进数据分析、短视频运营人才10名，并与2所高校共建实训基地。二是经营收入集中于政府购买服务，2024年占经营性收入的39%。下一步将拓展文旅营销和技术输出，力争2026年把这一比例降到30%以下。
六、经验与启示
县级客户端要把政务服务作为留住用户的入口：2024年使用过政务服务的用户中，次月留存率为58%，未使用的仅为21%。经营收入要依托本地资源，直播带货选品中本县农产品占83%，带动合作社67家。
七、平台建设细节
（一）技术架构。客户端后台部署在省级技术平台的县级租户上，2023年将内容管理、用户中心、政务接口3个系统迁移上云，机房面积由120平方米减少到40平方米，年电费由38万元降到14万元。客户端版本每月迭代1次，2024年发布12个版本，修复问题217个，崩溃率由0.42%降到0.08%。
（二）内容生产。2024年客户端发布原创稿件1.86万条，其中视频稿件7420条，占40%；图文稿件1.12万条。县内32个部门、18个乡镇设有通讯员186名，全年供稿6340条，采用4210条，采用率66%。重大主题报道设专班，2024年完成“两会”、防汛、秋收等专题23个，专题页面访问量合计1260万次。
（三）用户运营。客户端设积分体系，用户签到、阅读、评论、办事可获积分，积分可兑换本地商户的优惠券。2024年参与积分活动的用户9.6万人，兑换优惠券3.8万张，合作商户142家。每月举办线下活动2场，全年24场，参与群众1.1万人次。评论区实行先审后发，2024年审核评论8.7万条，删除违规评论1260条，占1.4%。
（四）政务接口。客户端与县政务服务中心、医保局、人社局、公安局等11个单位的系统对接，接口调用量2024年为3860万次，平均响应时间0.6秒。社保缴费、医保查询、不动产登记预约、车辆违章查询4项服务的月均使用量超过1万次。2024年9月上线“适老化模式”，60岁以上用户由2.3万人增至3.5万人。
八、融合生产与传播
中心实行“一次采集、多种生成、多元发布”，每条重要新闻同时生成客户端图文、短视频和广播口播3种版本。2024年电视新闻栏目播出新闻2960条，其中有1870条首发于客户端，占63%。广播频率每天安排2小时与客户端互动的直播节目，全年接听热线电话1.26万个，网友留言3.4万条。
短视频由12人的新媒体团队生产，每人每月平均产出48条。2024年短视频平均完播率为34%，较2023年的27%提高7个百分点；单条播放量超过1000万的作品有6条，其中防汛救援系列单条最高播放量为3280万次。中心与县文旅局联合推出文旅短视频212条，当年全县接待游客680万人次，同比增长12.6%，旅游收入58亿元，同比增长9.8%。
九、经营与收支
2024年中心经营性收入构成如下：政府购买服务1120万元，活动策划与执行520万元，直播带货分成610万元，技术服务输出480万元，广告130万元。中心与县内7家企业签订年度宣传服务合同，合同金额合计360万元，续约率为86%。直播带货全年开展386场，场均销售额10.6万元，退货率为2.4%。
支出方面，2024年人员支出2310万元，设备购置与维护860万元，内容制作740万元，运营推广420万元，其他支出350万元。中心在编人员96人、聘用人员58人，人均创收33.2万元，较2022年的19.8万元增加13.4万元。
十、风险与应对
一是政策性收入占比较高的风险。2024年政府购买服务占经营性收入的39%，中心计划通过技术服务输出和文旅营销，在2026年把这一比例降到30%以下。二是用户增长放缓的风险。2024年新增注册用户6.1万人，比2023年少0.8万人。中心计划在2025年完成客户端与县教育、卫健系统的对接，新增服务事项40项，力争新增注册用户8万人。三是技术人员流失的风险。2022年至2024年技术人员离职5人，中心已在2025年薪酬方案中为技术岗位设立专项绩效，标准为每人每年1.2万元。
十一、下一步计划
2025年，中心将完成以下工作：客户端注册用户达到46万人，日活用户达到5万人；上线“一老一小”服务专区，接入托育、养老服务机构38家；技术服务输出新增2个县，合同金额达到300万元；经营性收入达到3200万元，其中技术服务和文旅营销收入合计达到1000万元。中心按季度向县委宣传部报送进度，年底由第三方机构对用户满意度进行调查，样本量不少于2000份。
"""

SLOGANS = (
    "我们高度重视，精心组织，扎实推进，积极探索，不断创新，持续发力，"
    "进一步深入推进融合发展，切实增强服务能力，大力推动改革，有效凝心聚力，"
    "多措并举，统筹推进，稳步推进，全方位赋能，全面提升传播力影响力。"
)


def density(text: str) -> tuple[int, float]:
    hits = [h for h in MATCHER.hits(text) if h.cls.weight in WORDING.density_weights]
    chars = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return len(hits), len(hits) * 1000 / max(chars, 1)


def test_clean_data_rich_part_gets_at_most_three_findings() -> None:
    assert len(CLEAN_DETAILED) >= 2500
    reported = [
        (h.term, h.cls.id)
        for paragraph in CLEAN_DETAILED.splitlines()
        for h in MATCHER.hits(paragraph)
        if h.cls.weight in REPORTED
    ]
    assert len(reported) <= 3, reported
    _, rate = density(CLEAN_DETAILED)
    assert rate <= WORDING.density_per_1000


def test_a_part_of_slogans_is_over_the_density_threshold() -> None:
    hits, rate = density(SLOGANS * 3)
    assert hits >= WORDING.density_min_hits
    assert rate > WORDING.density_per_1000
    assert not [h for h in MATCHER.hits(SLOGANS) if h.cls.weight in REPORTED]

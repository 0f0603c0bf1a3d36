"""The wording matcher's mechanisms, each on a small hand-made lexicon.

The real lexicon is tested in ``test_wording_lexicon.py``; here every rule of
:mod:`caselint.text.wording` is shown on the fewest entries that exercise it: longest match first,
masking (exempt compounds and patterns, 《》, short quotes, reported speech, policy wording),
jieba word boundaries, overlapping candidates, figures next to an entry, and named sources.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from pydantic import ValidationError

from caselint.rulepack.pack import LexiconClass, Wording
from caselint.text.quantity import QuantityFinder
from caselint.text.wording import NEAR_NUMBER_CHARS, Hit, WordingMatcher

QUANTITIES = QuantityFinder(
    ["%", "个", "万", "人次", "人", "条", "个百分点", "秒", "元"],
    ["第一季度", "第一时间"],
    ["个", "条"],
)


def lexicon_class(cid: str, weight: str, terms: list[str], **extra: Any) -> LexiconClass:
    return LexiconClass(
        id=cid, name=cid, weight=weight, reason=f"{cid} 的理由", terms=terms, **extra
    )


def matcher(*classes: LexiconClass, **wording: Any) -> WordingMatcher:
    return WordingMatcher(Wording(classes=list(classes), **wording), QUANTITIES)


def found(m: WordingMatcher, text: str) -> list[tuple[str, str]]:
    return [(hit.term, hit.cls.id) for hit in m.hits(text)]


LEVEL = (
    lexicon_class("level-h", "H", ["全国领先", "遥遥领先"]),
    lexicon_class("lead-m", "M", ["领先"]),
)


# -- longest match first ---------------------------------------------------------------------


def test_longest_entry_wins_at_the_same_position() -> None:
    assert found(matcher(*LEVEL), "打造了全国领先的县级客户端。") == [("全国领先", "level-h")]


def test_shorter_entry_found_where_the_longer_one_is_absent() -> None:
    assert found(matcher(*LEVEL), "完播率在同类账号中领先。") == [("领先", "lead-m")]


def test_hits_carry_offsets_of_the_surface_text() -> None:
    text = "我台客户端遥遥领先。"
    (hit,) = matcher(*LEVEL).hits(text)
    assert isinstance(hit, Hit)
    assert text[hit.start : hit.end] == hit.term == "遥遥领先"


def test_ascii_entries_match_in_any_case() -> None:
    m = matcher(lexicon_class("rank", "H", ["No.1", "Top1"]))
    assert found(m, "打造区域短视频NO.1，进入TOP1榜单。") == [("NO.1", "rank"), ("TOP1", "rank")]


def test_patterns_are_matched_like_terms() -> None:
    m = matcher(lexicon_class("first", "H", [], patterns=["填补了?(?:国内)?空白"]))
    assert found(m, "该系统填补了国内空白。") == [("填补了国内空白", "first")]


# -- masking ---------------------------------------------------------------------------------


def test_titles_in_angle_brackets_are_names() -> None:
    m = matcher(lexicon_class("beauty", "M", ["最美"]))
    assert found(m, "开设《最美基层干部》栏目，播出48期。") == []
    assert found(m, "评选全县最美基层干部。") == [("最美", "beauty")]


def test_short_quotes_are_names_but_a_quoted_entry_stays_a_claim() -> None:
    m = matcher(lexicon_class("sup", "H", ["最"]), *LEVEL)
    assert found(m, "我台“最江阴”客户端累计下载86万次。") == []
    assert found(m, "我们的目标是“全国领先”。") == [("全国领先", "level-h")]


def test_long_quotes_are_text_unless_reported_speech() -> None:
    m = matcher(lexicon_class("emotive", "M", ["震撼"]))
    long_claim = "我们推出“让每一位观众都感到无比震撼的沉浸式跨年晚会直播”。"
    assert found(m, long_claim) == [("震撼", "emotive")]
    speech = "一位网友在评论区留言：“看了这场晚会真的很震撼，为家乡的变化感到骄傲！”"
    assert found(m, speech) == []


def test_exempt_compound_masks_the_entries_inside_it() -> None:
    m = matcher(lexicon_class("rank-m", "M", ["第一"], exempt=["第一季度", "第一时间"]))
    assert found(m, "第一季度完成改版，记者第一时间赶到现场。") == []
    assert found(m, "下载量居全省第一。") == [("第一", "rank-m")]


def test_exempt_compound_beats_an_entry_that_starts_earlier() -> None:
    m = matcher(
        lexicon_class("rank-h", "H", ["全国第一"]),
        lexicon_class("rank-m", "M", ["第一"], exempt=["第一季度"]),
    )
    assert found(m, "全国第一季度广电经营数据显示，我台排名靠前。") == []


def test_exempt_patterns_and_quoted_policy_are_masked() -> None:
    m = matcher(
        lexicon_class("best", "H", ["最佳"]),
        lexicon_class("formula", "L", ["全面"]),
        exempt_patterns=["最佳[\u4e00-\u9fff]{1,8}奖"],
        quoted_policy=["全面深化改革"],
    )
    assert found(m, "荣获全省广播电视节目最佳创意奖。") == []
    assert found(m, "贯彻全面深化改革部署，全面推进改革。") == [("全面", "formula")]


def test_exempt_contexts_apply_to_every_class() -> None:
    m = matcher(
        lexicon_class("degree", "L", ["十分", "相当"]), exempt_contexts=["十分钟", "相当于"]
    )
    assert found(m, "十分钟内完成审核，相当于过去的三分之一。") == []


def test_name_brackets_come_from_the_pack() -> None:
    m = matcher(lexicon_class("sup", "H", ["最"]), name_brackets=["《》", "【】"])
    assert found(m, "推出【最乡村】短视频系列。") == []
    assert found(m, "推出“最乡村”短视频系列。") == [("最", "sup")]


# -- jieba word boundaries -------------------------------------------------------------------


def test_an_entry_inside_a_word_is_rejected() -> None:
    m = matcher(lexicon_class("sup", "H", ["最"]), lexicon_class("mag", "M", ["极", "极大"]))
    assert found(m, "最近一年，我们积极推进改革，最终上线三个频道。") == []


def test_the_catch_all_superlative_needs_a_word_of_its_own() -> None:
    m = matcher(lexicon_class("sup", "H", ["最"]))
    assert found(m, "打造最温暖的新闻客户端。") == [("最", "sup")]


def test_a_word_cut_in_two_is_rejected_at_either_end() -> None:
    m = matcher(lexicon_class("deg", "L", ["十分"]))
    assert found(m, "每天播出十分钟的新闻快讯。") == []
    assert found(m, "这项工作十分重要。") == [("十分", "deg")]


# -- overlapping candidates ------------------------------------------------------------------


def test_a_rejected_candidate_does_not_hide_the_next_one() -> None:
    m = matcher(lexicon_class("formula", "L", ["有效"]), lexicon_class("effect", "M", ["效果明显"]))
    assert found(m, "群众反映有效果明显的变化。") == [("效果明显", "effect")]


def test_overlapping_accepted_candidates_keep_the_earlier_one() -> None:
    m = matcher(
        lexicon_class("a", "M", ["全面领先"]),
        lexicon_class("b", "H", ["领先全国"]),
    )
    assert found(m, "各项指标全面领先全国同类平台。") == [("全面领先", "a")]


def test_hits_do_not_overlap_and_come_in_text_order() -> None:
    m = matcher(*LEVEL, lexicon_class("formula", "L", ["积极"]))
    hits = m.hits("积极推进改革，遥遥领先，全国领先，领先同行。")
    assert [h.term for h in hits] == ["积极", "遥遥领先", "全国领先", "领先"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(hits))


# -- figures next to an entry ----------------------------------------------------------------

PEAK = lexicon_class("peak", "M", ["最高", "最多"], exempt_near_number=True)


def test_a_figure_next_to_the_entry_makes_it_data() -> None:
    m = matcher(PEAK)
    assert found(m, "单日最高访问12万人次。") == []
    assert found(m, "全省访问量最高。") == [("最高", "peak")]


def test_a_figure_out_of_reach_does_not_count() -> None:
    m = matcher(PEAK)
    filler = "其中来自县外的访问" * 2
    text = f"访问量最高，{filler}占比为35%。"
    assert text.index("35%") - text.index("最高") - 2 > NEAR_NUMBER_CHARS
    assert found(m, text) == [("最高", "peak")]


def test_a_figure_in_the_next_sentence_does_not_count() -> None:
    assert found(matcher(PEAK), "访问量全省最高。日活12万人。") == [("最高", "peak")]


def test_the_entry_itself_is_not_the_figure_that_excuses_it() -> None:
    m = matcher(lexicon_class("measure", "M", ["100%", "全覆盖"], exempt_near_number=True))
    assert found(m, "应急广播覆盖率达100%。") == [("100%", "measure")]
    assert found(m, "应急广播覆盖率100%（12/12个乡镇）。") == []
    assert found(m, "实现全覆盖（126/126个行政村）。") == []


def test_an_excused_entry_still_occupies_its_span() -> None:
    m = matcher(PEAK, lexicon_class("sup", "H", ["最"]))
    assert found(m, "直播间同时在线人数最多达3.2万人。") == []


# -- named sources ---------------------------------------------------------------------------

RANK = lexicon_class("rank", "H", ["排名第一"], exempt_with_source=True)
SOURCED = {"source_cues": ["数据来源", "榜单"]}


def test_a_sourced_and_dated_ranking_drops_to_low_weight() -> None:
    m = matcher(RANK, **SOURCED)
    (hit,) = m.hits("2024年省内同类客户端下载量排名第一（数据来源：XX榜单）。")
    assert (hit.term, hit.cls.id, hit.cls.weight, hit.downgraded) == ("排名第一", "rank", "L", True)
    assert RANK.weight == "H"


def test_a_named_list_is_evidence_without_a_date() -> None:
    """A reviewer can check a named list; a date is good practice, not what makes it evidence."""
    (hit,) = matcher(RANK, **SOURCED).hits("客户端下载量排名第一（数据来源：XX榜单）。")
    assert hit.cls.weight == "L" and hit.downgraded


def test_a_source_in_another_sentence_is_not_evidence() -> None:
    text = "客户端下载量排名第一。数据来源：XX榜单。"
    (hit,) = matcher(RANK, **SOURCED).hits(text)
    assert hit.cls.weight == "H" and not hit.downgraded


def test_a_ranking_repeated_after_its_source_is_sourced() -> None:
    """…统计中位居全省第一。已连续三个月保持全省第一。 — the second is the same fact."""
    text = "在省广电局8月用稿统计中，我台排名第一。我台已连续三个月排名第一。"
    hits = matcher(RANK, source_cues=["统计中"]).hits(text)
    assert [h.downgraded for h in hits] == [True, True]
    hits = matcher(RANK, source_cues=["统计中"]).hits("我台已连续三个月排名第一。")
    assert [h.downgraded for h in hits] == [False]


def test_a_date_without_source_is_not_enough() -> None:
    (hit,) = matcher(RANK, **SOURCED).hits("2024年客户端下载量排名第一。")
    assert hit.cls.weight == "H"


def test_classes_without_the_flag_ignore_sources() -> None:
    m = matcher(lexicon_class("emotive", "M", ["震撼"]), **SOURCED)
    (hit,) = m.hits("2024年跨年晚会效果震撼（数据来源：XX榜单）。")
    assert hit.cls.weight == "M"


# -- jieba's dictionary ----------------------------------------------------------------------


def test_compounds_of_known_words_are_not_glued_in_jiebas_dictionary() -> None:
    wording = Wording(
        classes=[
            lexicon_class("effect", "L", ["显著", "取得显著成效"]),
            lexicon_class("praise", "M", ["好评连连"]),
            lexicon_class("slogan", "M", ["取得新突破"]),
        ]
    )
    words = WordingMatcher(wording, QUANTITIES, keep_apart=["突破"]).dictionary_words
    assert "好评连连" in words
    assert "取得显著成效" not in words
    assert "取得新突破" not in words
    assert "显著" not in words


# -- validation ------------------------------------------------------------------------------


def test_a_term_in_two_classes_is_rejected() -> None:
    with pytest.raises(ValidationError, match="two classes"):
        Wording(classes=[lexicon_class("a", "H", ["唯一"]), lexicon_class("b", "M", ["唯一"])])


def test_terms_differing_only_in_ascii_case_are_one_term() -> None:
    with pytest.raises(ValidationError, match="two classes"):
        Wording(classes=[lexicon_class("a", "H", ["No.1"]), lexicon_class("b", "H", ["NO.1"])])


def test_an_exempt_context_that_silences_a_term_is_rejected() -> None:
    with pytest.raises(ValidationError, match="masked wherever it appears"):
        Wording(
            exempt_contexts=["领先"],
            classes=[lexicon_class("a", "H", ["全国领先"])],
        )


def test_invalid_regular_expressions_are_rejected() -> None:
    with pytest.raises(ValidationError, match="invalid regular expression"):
        Wording(exempt_patterns=["最佳[奖"])
    with pytest.raises(ValidationError, match="invalid regular expression"):
        lexicon_class("a", "H", [], patterns=["(?:"])


def test_duplicate_class_ids_are_rejected() -> None:
    with pytest.raises(ValidationError, match="unique"):
        Wording(classes=[lexicon_class("a", "H", ["唯一"]), lexicon_class("a", "M", ["独家"])])


# -- evidence: awards and selections ---------------------------------------------------------

FIRST = lexicon_class("first", "H", ["唯一"], exempt_with_award=True)
AWARDS = {"award_patterns": ["(?:获评|荣获|入选)[^，。]{0,20}?(?:奖|名单)"]}


def test_a_named_award_or_selection_is_evidence() -> None:
    m = matcher(FIRST, **AWARDS)
    (hit,) = m.hits("入选2024年典型案例名单，为县级融媒唯一入选。")
    assert hit.downgraded
    (hit,) = m.hits("平台是本地唯一的政务服务入口。")
    assert not hit.downgraded


def test_classes_without_the_award_flag_ignore_awards() -> None:
    m = matcher(lexicon_class("self", "M", ["样板"]), **AWARDS)
    (hit,) = m.hits("荣获省新闻奖，打造了县融改革样板。")
    assert hit.cls.weight == "M"


# -- vague standing: a rank as a figure clears it, a named list does not -----------------------

STANDING = lexicon_class("standing", "M", ["名列前茅"], rank_figure_clears=True, open_end=True)
RANK_FIGURE = {"rank_figure": "第[0-9一二三四五六七八九十]+名|前[0-9一二三四五六七八九十]+名"}


def test_vague_standing_is_cleared_by_a_rank_given_as_a_figure() -> None:
    m = matcher(STANDING, source_cues=["榜单"], **RANK_FIGURE)
    assert found(m, "综合得分名列前茅（第3名）。") == []
    assert found(m, "在省级榜单中名列前茅。") == [("名列前茅", "standing")]
    assert found(m, "综合得分名列前茅，另有3个账号进入前十名。") == [("名列前茅", "standing")]


# -- phrase templates ------------------------------------------------------------------------


def test_a_phrase_template_matches_across_a_bounded_gap() -> None:
    m = matcher(lexicon_class("slogan", "M", [], phrases=["奏响…{强音|凯歌}"], gap=8))
    assert found(m, "为全县发展奏响时代强音。") == [("奏响时代强音", "slogan")]
    assert found(m, "为全县发展奏响了一曲昂扬奋进的时代强音。") == []  # a gap of 10


def test_a_phrase_gap_never_crosses_a_sentence_end() -> None:
    m = matcher(lexicon_class("slogan", "M", [], phrases=["奏响…强音"]))
    assert found(m, "晚会奏响序曲。强音响起。") == []


def test_a_swapped_phrase_is_found_in_either_order() -> None:
    m = matcher(lexicon_class("acclaim", "M", [], phrases=["{强烈|热烈}⇄反响"]))
    assert found(m, "活动引起强烈反响。") == [("强烈反响", "acclaim")]
    assert found(m, "活动反响十分热烈。") == [("反响十分热烈", "acclaim")]
    assert found(m, "反响机制运行了一个月后才见强烈变化。") == []


def test_a_name_in_a_phrase_gap_does_not_mask_the_phrase() -> None:
    m = matcher(lexicon_class("slogan", "M", [], phrases=["构建…新格局"], gap=14))
    text = "构建起“新闻+政务”数字化治理新格局。"
    assert found(m, text) == [("构建起“新闻+政务”数字化治理新格局", "slogan")]


def test_invalid_phrase_templates_are_rejected() -> None:
    for bad in ("奏响{强音", "…强音", "奏响…", "{|x}反响", "a⇄b⇄c", "强烈⇄反响…"):
        with pytest.raises(ValidationError):
            lexicon_class("bad", "M", [], phrases=[bad])


# -- whose words a quote holds ----------------------------------------------------------------

SLOGAN_WORDS = lexicon_class("level", "H", ["全国一流", "样板"])
QUOTES = {
    "naming_cues": ["获评"],
    "name_suffixes": ["APP"],
    "attribution_cues": ["省委", "评价"],
}


def test_the_writers_own_quoted_slogan_is_read() -> None:
    m = matcher(SLOGAN_WORDS, **QUOTES)
    assert found(m, "围绕“全省示范、全国一流”的目标推进改革。") == [("全国一流", "level")]
    assert found(m, "打造了县融改革“浙江样板”。") == [("样板", "level")]


def test_conferred_titles_names_and_attributed_words_are_not() -> None:
    m = matcher(SLOGAN_WORDS, lexicon_class("sup", "H", ["最"]), **QUOTES)
    assert found(m, "我台获评“全国一流县级台”。") == []
    assert found(m, "“全国一流”APP累计下载12万次。") == []
    assert found(m, "落实省委“建设全国一流县级融媒体”的部署。") == []
    assert found(m, "上级评价我台“达到全国一流水平”。") == []
    assert found(m, "“最江阴”上线五年。") == []


# -- boundaries of compounds and formulas -------------------------------------------------------


def test_the_head_of_a_compound_is_a_word_of_its_own() -> None:
    """强大 in 功能强大 is the judgement; 十分 in 十分钟 is another word."""
    m = matcher(lexicon_class("mag", "M", ["强大"]), lexicon_class("deg", "L", ["十分"]))
    assert ("强大", "mag") in found(m, "界面美观、功能强大。")
    assert found(m, "每天播出十分钟的新闻快讯。") == []


def test_a_low_weight_formula_steps_aside_for_a_reported_entry_inside_it() -> None:
    m = matcher(
        lexicon_class("formula", "L", [], patterns=["探索出一条[^，。]{0,20}?之路"]),
        lexicon_class("exaggeration", "M", ["独具特色"]),
        lexicon_class("sup", "H", ["最大"]),
        lexicon_class("stock", "L", ["最大限度"]),
    )
    assert found(m, "探索出一条独具特色的发展之路。") == [("独具特色", "exaggeration")]
    assert found(m, "最大限度减少群众跑腿次数。") == [("最大限度", "stock")]

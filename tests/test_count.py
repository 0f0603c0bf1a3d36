"""Word-compatible counting (``caselint.text.count``): the research vectors and the rule table.

Rules and evidence: ``shared/research/wordcount.md`` (§2.1 words, §2.2 characters, §2.3 which
parts count). The vectors are strings whose Word count third parties measured in Word; a copy
lives in ``tests/fixtures`` because CI clones only this repository, and the research folder's
file is read as well when it is there, so a vector added there is tested at once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caselint.core.model import Block, BlockKind, Counts, Location, Story
from caselint.text.count import count_blocks, count_text, is_east_asian, sum_counts, tally

FIXTURE = Path(__file__).parent / "fixtures" / "wordcount-vectors.json"
_REPO = Path(__file__).resolve().parent.parent
SHARED_CANDIDATES = (
    _REPO.parent / "shared" / "research" / "wordcount-vectors.json",
    Path("/work/shared/research/wordcount-vectors.json"),
)


def _shared_vectors_file() -> Path | None:
    return next((p for p in SHARED_CANDIDATES if p.is_file()), None)


def _load(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["vectors"]


def _all_vectors() -> list[dict]:
    vectors = {v["text"]: v for v in _load(FIXTURE)}
    shared = _shared_vectors_file()
    if shared is not None:
        for vector in _load(shared):
            vectors.setdefault(vector["text"], vector)
    return list(vectors.values())


VECTORS = _all_vectors()


def test_fixture_copy_keeps_its_provenance() -> None:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert "Word" in data["about"]
    assert len(data["vectors"]) >= 13
    assert all(v["source"] for v in data["vectors"])


def test_fixture_copy_holds_every_research_vector() -> None:
    shared = _shared_vectors_file()
    if shared is None:
        pytest.skip("the research folder is not beside this checkout")
    mine = {(v["text"], v["words"], v.get("characters")) for v in _load(FIXTURE)}
    theirs = {(v["text"], v["words"], v.get("characters")) for v in _load(shared)}
    assert theirs <= mine, "tests/fixtures/wordcount-vectors.json is behind the research copy"


@pytest.mark.parametrize("vector", VECTORS, ids=[v["text"] for v in VECTORS])
def test_word_verified_vectors(vector: dict) -> None:
    counts = count_text(vector["text"])
    assert counts.words == vector["words"], vector["source"]
    if "characters" in vector:
        assert counts.chars_no_spaces == vector["characters"], vector["source"]


# -- §2.1 rule table -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("中文测试", 4),
        ("2024年5月", 4),
        ("增长35.6%", 3),
        ("2020/3/14", 1),
        ("SD-20200303", 1),
        ("(1)", 1),
        ("中文(测试", 5),
        ("中国（China）", 5),
        ("中国(China)", 3),
        ("见http://www.example.com/a?b=1。", 3),
        ("Hello, world!", 2),
        ("x = 1 + 2", 5),
        ("ＡＢＣＤＥ", 5),
        ("①②③④⑤", 1),
        ("Hello “世界”", 5),
        ("中文,测试", 5),
        ("𠀀𠀁", 2),  # CJK extension B ideographs are one word each
    ],
)
def test_rule_table(text: str, words: int) -> None:
    assert count_text(text).words == words


def test_url_is_one_word() -> None:
    counts = count_text("见http://www.example.com/a?b=1。")
    assert (counts.cjk_chars, counts.non_cjk_words) == (2, 1)


def test_split_of_words_into_cjk_and_non_cjk() -> None:
    counts = count_text("2024年5月增长35.6%")
    assert (counts.words, counts.cjk_chars, counts.non_cjk_words) == (7, 4, 3)


@pytest.mark.parametrize(
    ("text", "hint", "words"),
    [
        ("——", None, 1),  # no East-Asian neighbour, no hint: one non-Chinese run
        ("——", frozenset({0, 1}), 2),  # typed with a Chinese IME: two East-Asian characters
        ("他说——好", None, 5),  # in Markdown a dash touching 汉字 counts as East-Asian
        ("他说——好", frozenset(), 4),  # a .docx without the hint: one run
        ("……", None, 1),
        ("……", frozenset({0, 1}), 2),
        ("“引号”", frozenset({0, 3}), 4),
    ],
)
def test_dash_and_ellipsis_depend_on_the_east_asian_hint(
    text: str, hint: frozenset[int] | None, words: int
) -> None:
    assert count_text(text, hint).words == words


def test_hint_offsets_out_of_range_or_on_plain_characters_are_ignored() -> None:
    assert count_text("ab——", frozenset({0, 1, 99})).words == 1


def test_east_asian_classification() -> None:
    for char in "中。、（）％Ａ１あアㄅ가𠀀〔":
        assert is_east_asian(char), char
    for char in "a1,(-①😀—“\u3000":
        assert not is_east_asian(char), char


# -- §2.2 characters -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "no_spaces", "with_spaces"),
    [
        ("中 文", 2, 3),
        ("中\u3000文", 2, 3),  # 全角空格
        ("中\u00a0文", 2, 3),  # NBSP
        ("中\t文", 2, 3),
        ("中\n文", 2, 2),  # a manual line break is not a character
        ("中\r\n文", 2, 2),
        ("Hello World", 10, 11),
        ("  ", 0, 2),
    ],
)
def test_characters_with_and_without_spaces(text: str, no_spaces: int, with_spaces: int) -> None:
    counts = count_text(text)
    assert (counts.chars_no_spaces, counts.chars_with_spaces) == (no_spaces, with_spaces)


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u00ad", "\u200d", "\u2060"])
def test_invisible_characters_count_nothing(invisible: str) -> None:
    plain = count_text("中文ab")
    assert count_text(f"中{invisible}文a{invisible}b") == plain
    assert count_text(invisible) == Counts()


def test_a_line_break_inside_a_paragraph_separates_words() -> None:
    assert count_text("abc\ndef").words == 2


def test_tally_order_matches_counts_fields() -> None:
    assert tally("中文 ab") == [3, 2, 1, 4, 5, 1]


# -- paragraphs and stories ------------------------------------------------------------------


def _block(
    text: str,
    *,
    story: Story = Story.MAIN,
    label: str = "",
    kind: BlockKind = BlockKind.PARAGRAPH,
) -> Block:
    return Block(kind=kind, text=text, location=Location(), story=story, label=label)


def test_paragraphs_are_non_empty_blocks() -> None:
    counts = count_blocks(
        [_block("中文"), _block(""), _block("   "), _block("\u200b"), _block("a")]
    )
    assert counts.paragraphs == 2
    assert counts.chars_with_spaces == 2 + 3 + 1  # the spaces of the blank paragraph count


def test_labels_count_only_in_the_inclusive_figures() -> None:
    blocks = [
        _block("基本情况", kind=BlockKind.LIST_ITEM, label="一、"),
        _block("做法", kind=BlockKind.LIST_ITEM, label="（一）"),
        _block("效果", kind=BlockKind.LIST_ITEM, label="1."),
    ]
    counts = count_blocks(blocks)
    assert counts.words == 8
    assert counts.inclusive is not None
    assert counts.inclusive.words == 8 + 2 + 3 + 1
    assert counts.inclusive.cjk_chars == counts.cjk_chars + 5
    assert counts.inclusive.non_cjk_words == 1
    assert counts.inclusive.paragraphs == counts.paragraphs == 3  # a label is no paragraph
    assert counts.measure("words", inclusive=True) == 14
    assert counts.measure("words", inclusive=False) == 8


@pytest.mark.parametrize("story", [Story.TEXTBOX, Story.FOOTNOTE, Story.ENDNOTE])
def test_textboxes_and_notes_count_only_inclusively(story: Story) -> None:
    counts = count_blocks([_block("正文"), _block("注释内容", story=story)])
    assert (counts.words, counts.paragraphs) == (2, 1)
    assert counts.inclusive is not None
    assert (counts.inclusive.words, counts.inclusive.paragraphs) == (6, 2)


@pytest.mark.parametrize("story", [Story.HEADER, Story.FOOTER, Story.COMMENT])
def test_headers_footers_comments_never_count(story: Story) -> None:
    counts = count_blocks([_block("正文"), _block("页眉页脚批注", story=story, label="1.")])
    assert counts == count_blocks([_block("正文")])
    assert counts.inclusive is None
    assert counts.measure("words", inclusive=True) == 2


def test_inclusive_is_absent_when_it_would_equal_the_main_count() -> None:
    counts = count_blocks([_block("正文"), _block("", story=Story.FOOTNOTE)])
    assert counts.inclusive is None


def test_count_blocks_of_nothing_is_zero() -> None:
    assert count_blocks([]) == Counts()


def test_sum_counts_adds_main_and_inclusive_figures() -> None:
    plain = count_blocks([_block("综合材料正文")])
    labelled = count_blocks([_block("详细", kind=BlockKind.LIST_ITEM, label="一、")])
    total = sum_counts([plain, None, labelled])
    assert total.words == 6 + 2
    assert total.paragraphs == 2
    assert total.inclusive is not None
    assert total.inclusive.words == 6 + 4  # plain has no inclusive figures: its main ones count


def test_sum_counts_without_inclusive_figures_has_none() -> None:
    total = sum_counts([count_text("中文"), count_text("ab cd")])
    assert (total.words, total.cjk_chars, total.non_cjk_words) == (4, 2, 2)
    assert total.inclusive is None
    assert sum_counts([]) == Counts()

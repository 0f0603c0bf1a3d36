"""Word's automatic numbering labels, straight from numbering.xml definitions.

The .docx-level behaviour (labels attached to paragraphs, counted only inclusively) is in
``test_docx.py``; here the counters and formats are checked one by one.
"""

from __future__ import annotations

import pytest
from lxml import etree

from caselint.readers.numbering import Numbering, chinese_number, format_number
from support.docx_build import NSDECLS, abstract_num, level, num

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def numbering(xml: str) -> Numbering:
    return Numbering(etree.fromstring(f"<w:numbering {NSDECLS}>{xml}</w:numbering>"), W)


def labels(numbering: Numbering, *steps: tuple[str, int]) -> list[str]:
    return [numbering.next_label(num_id, ilvl) for num_id, ilvl in steps]


# -- number formats ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (2, "二"),
        (9, "九"),
        (10, "十"),  # not 一十
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
    ],
)
def test_chinese_counting(n: int, expected: str) -> None:
    assert chinese_number(n) == expected
    assert format_number(n, "chineseCounting") == expected


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (3, "decimal", "3"),
        (12, "decimal", "12"),
        (3, "decimalZero", "03"),
        (3, "decimalFullWidth", "３"),
        (12, "decimalFullWidth", "１２"),
        (3, "decimalEnclosedCircle", "③"),
        (3, "decimalEnclosedCircleChinese", "③"),
        (20, "decimalEnclosedCircle", "⑳"),
        (3, "upperLetter", "C"),
        (28, "upperLetter", "BB"),  # Word repeats the letter: Z, AA, BB
        (3, "lowerLetter", "c"),
        (4, "upperRoman", "IV"),
        (14, "lowerRoman", "xiv"),
        (3, "ideographTraditional", "丙"),
        (3, "ideographZodiac", "寅"),
        (3, "chineseLegalSimplified", "叁"),
        (3, "japaneseCounting", "三"),
        (3, "none", ""),
        (3, "unknownFormat", "3"),
    ],
)
def test_number_formats(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


# -- counters ----------------------------------------------------------------------------------

_CHINESE = abstract_num(
    0,
    level(0, "chineseCounting", "%1、"),
    level(1, "chineseCounting", "（%2）"),
    level(2, "decimal", "%3."),
    level(3, "decimal", "（%4）"),
)


def test_levels_nest_and_restart_under_their_parent() -> None:
    n = numbering(_CHINESE + num(1, 0))
    assert labels(
        n, ("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 3), ("1", 2), ("1", 0), ("1", 1), ("1", 2)
    ) == ["一、", "（一）", "（二）", "1.", "（1）", "2.", "二、", "（一）", "1."]


def test_level_restart_setting() -> None:
    # Level 3 (w:lvlRestart 1) restarts after level 0 only, not after level 1 or 2;
    # level 2 (w:lvlRestart 0) never restarts and numbers on across every heading.
    n = numbering(
        abstract_num(
            0,
            level(0, "chineseCounting", "%1、"),
            level(1, "chineseCounting", "（%2）"),
            level(2, "decimal", "%3.", extra='<w:lvlRestart w:val="0"/>'),
            level(3, "decimal", "%4)", extra='<w:lvlRestart w:val="1"/>'),
        )
        + num(1, 0)
    )
    assert labels(
        n, ("1", 0), ("1", 2), ("1", 3), ("1", 1), ("1", 3), ("1", 2), ("1", 0), ("1", 2), ("1", 3)
    ) == ["一、", "1.", "1)", "（一）", "2)", "2.", "二、", "3.", "1)"]


def test_eleventh_item_is_shi_yi() -> None:
    n = numbering(_CHINESE + num(1, 0))
    assert labels(n, *[("1", 0)] * 11)[-2:] == ["十、", "十一、"]


def test_instances_of_one_abstract_share_the_counter() -> None:
    n = numbering(abstract_num(1, level(0, "decimal", "%1.")) + num(2, 1) + num(3, 1))
    assert labels(n, ("2", 0), ("2", 0), ("3", 0), ("3", 0)) == ["1.", "2.", "3.", "4."]


def test_start_override_restarts_on_first_use_only() -> None:
    n = numbering(
        abstract_num(1, level(0, "decimal", "%1."))
        + num(2, 1)
        + num(4, 1, start_overrides={0: 1})
        + num(5, 1, start_overrides={0: 5})
    )
    assert labels(n, ("2", 0), ("2", 0), ("4", 0), ("4", 0), ("5", 0)) == [
        "1.",
        "2.",
        "1.",
        "2.",
        "5.",
    ]


def test_level_start_value() -> None:
    n = numbering(abstract_num(0, level(0, "chineseCounting", "第%1章", start=3)) + num(1, 0))
    assert labels(n, ("1", 0), ("1", 0)) == ["第三章", "第四章"]


def test_multilevel_decimal_and_legal_numbering() -> None:
    legal = "<w:isLgl/>"
    n = numbering(
        abstract_num(
            0,
            level(0, "chineseCounting", "第%1章"),
            level(1, "decimal", "%1.%2", extra=legal),  # isLgl: every level in Arabic digits
            level(2, "decimal", "%1.%2.%3"),
        )
        + num(1, 0)
    )
    assert labels(n, ("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 0), ("1", 1)) == [
        "第一章",
        "1.1",
        "1.2",
        "一.2.1",  # without isLgl the chapter keeps its own format
        "第二章",
        "2.1",
    ]


def test_level_override_replaces_the_definition() -> None:
    override = (
        '<w:num w:numId="7"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0">' + level(0, "upperLetter", "%1)") + "</w:lvlOverride></w:num>"
    )
    n = numbering(_CHINESE + override)
    assert labels(n, ("7", 0), ("7", 0)) == ["A)", "B)"]


def test_format_in_alternate_content_uses_the_fallback() -> None:
    alternate = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<mc:AlternateContent><mc:Choice Requires="w14">'
        '<w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice>'
        '<mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
    )
    n = numbering(abstract_num(0, alternate) + num(1, 0))
    assert labels(n, ("1", 0), ("1", 0)) == ["01、", "02、"]


def test_bullets_and_unknown_references() -> None:
    n = numbering(
        abstract_num(
            0,
            level(0, "bullet", "\uf0b7"),  # Symbol-font bullet in the private use area
            level(1, "bullet", "●"),
        )
        + num(1, 0)
    )
    assert labels(n, ("1", 0), ("1", 1)) == ["•", "●"]
    assert n.next_label("99", 0) == ""  # no such w:num
    assert n.next_label("1", 5) == ""  # no such level
    assert n.next_label("1", 12) == ""  # out of range


def test_no_numbering_part() -> None:
    assert Numbering(None, W).next_label("1", 0) == ""

"""Bundle names: Windows-safe, length-capped, unable to leave OUTDIR, patterns validated."""

from __future__ import annotations

import pytest
from pack_cases import PACK

from caselint.pack.errors import PackError
from caselint.pack.names import (
    MAX_NAME_BYTES,
    fill_pattern,
    pattern_fields,
    safe_name,
    unique,
)


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("../x", "_x"),
        ("..\\..\\x", "_.._x"),
        ("/etc/passwd", "_etc_passwd"),
        ("C:\\Windows", "C__Windows"),
        ("a:b", "a_b"),
        ('问*号?"引"<尖>|竖', "问_号__引__尖__竖"),
        ("CON", "CON_"),
        ("con", "con_"),
        ("NUL.txt", "NUL_.txt"),
        ("COM1", "COM1_"),
        ("LPT9.docx", "LPT9_.docx"),
        ("COM¹", "COM¹_"),
        ("CONSOLE", "CONSOLE"),
        ("名称. . .", "名称"),
        ("  前后空格  ", "前后空格"),
        (".hidden", "hidden"),
        ("..", "_"),
        ("", "_"),
        ("换\n行\t符", "换_行_符"),
        ("右\u202e向覆盖", "右_向覆盖"),
        ("多个   空格", "多个 空格"),
    ],
)
def test_safe_name(raw: str, safe: str) -> None:
    assert safe_name(raw, 80) == safe


def test_length_is_capped_in_characters_and_bytes() -> None:
    assert safe_name("字" * 200, 60) == "字" * 60
    long = safe_name("字" * 200, 200)
    assert len(long.encode("utf-8")) + len("-99.检查报告.md".encode()) <= MAX_NAME_BYTES
    assert len(safe_name("字" * 200, 80)) == 77  # 231 bytes: the report's name still fits
    assert safe_name("名称." * 30, 9) == "名称.名称.名称"  # no trailing dot after cutting


def test_truncation_never_leaves_a_trailing_dot_or_space() -> None:
    assert safe_name("abc. def", 4) == "abc"


def test_unique_is_case_insensitive() -> None:
    assert unique("Case", ["case"], 80) == "Case-2"
    assert unique("Case", ["case", "CASE-2"], 80) == "Case-3"
    assert unique("新", [], 80) == "新"
    assert len(unique("字" * 70, ["字" * 70], 70)) == 70


def test_pattern_fields_accept_chinese_labels() -> None:
    assert pattern_fields("{省份}-{申报单位}-{案例名称}", PACK, "zh") == [
        "province",
        "unit",
        "case_name",
    ]


@pytest.mark.parametrize(
    "pattern",
    [
        "{case_name.__class__}",
        "{case_name[0]}",
        "{case_name!r}",
        "{case_name:>99}",
        "{x}",
        "x",
        "{",
    ],
)
def test_bad_patterns_are_usage_errors(pattern: str) -> None:
    with pytest.raises(PackError) as caught:
        pattern_fields(pattern, PACK, "zh")
    assert caught.value.usage


def test_values_are_never_interpreted() -> None:
    values = {"case_name": "{unit}", "unit": "单位", "province": ["甲", "乙"]}
    assert fill_pattern("{province}-{case_name}", values, PACK) == "甲、乙-{unit}"

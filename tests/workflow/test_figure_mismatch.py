"""figure-mismatch (D003): one measure, one figure in both parts — on Markdown and .docx.

The compliant platform draft's summary says 「截至2024年12月31日，客户端注册用户97.6万」 and
「新媒体板块经营性收入3860万元」; each test rewrites the detailed part's sentence and checks what is
reported (with both places) and what is not (the same figure written another way).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from workflow_drafts import check_json, findings

from caselint.text.quantity import amount_at
from support.cases import build_docx_case, compliant


def _draft(users: str, income: str = "3860万元", cutoff: str | None = None) -> str:
    """The compliant draft with the detailed part's 注册用户 and 收入 figures (and the cut-off
    date of the paragraph they are in) rewritten."""
    text = compliant("platform")
    head, marker, detailed = text.partition("# 详细材料\n")
    assert "注册用户97.6万" in detailed and "收入3860万元" in detailed
    detailed = detailed.replace("注册用户97.6万", f"注册用户{users}")
    detailed = detailed.replace("收入3860万元", f"收入{income}")
    if cutoff is not None:
        detailed = detailed.replace("截至2024年12月31日，", cutoff, 1)
    return head + marker + detailed


def _mismatches(tmp_path: Path, suffix: str, text: str) -> list[dict]:
    if suffix == "md":
        path = tmp_path / "案例.md"
        path.write_text(text, encoding="utf-8")
    else:
        path = build_docx_case(text, tmp_path / "案例.docx")
    return findings(check_json(path, "--select", "D003"), "figure-mismatch")


@pytest.mark.parametrize("suffix", ["md", "docx"])
@pytest.mark.parametrize(
    ("users", "income", "cutoff", "expect"),
    [
        ("96.7万", "3860万元", None, "数值不一致"),
        ("97.6万", "3.86亿元", None, "数值不一致"),  # 3.86亿 is ten times 3860万
        ("97.6万", "3860万次", None, "单位不一致"),
        ("97.6万", "3860万元", "截至2024年6月30日，", "截止时间不一致"),
        ("97.6万", "3860万元", "", "没有注明截止时间"),
    ],
    ids=["value", "scale", "unit", "cut-off", "undated"],
)
def test_reported_with_both_places(tmp_path, suffix, users, income, cutoff, expect) -> None:
    found = _mismatches(tmp_path, suffix, _draft(users, income, cutoff))
    assert len(found) == 1, [f["message"] for f in found]
    (finding,) = found
    assert expect in finding["message"]
    assert finding["severity"] == "warning" and finding["code"] == "D003"
    assert "综合材料" in finding["message"] and "详细材料" in finding["message"]
    place = "段" if suffix == "docx" else "行"
    assert finding["message"].count(place) >= 1  # the other part's place, by paragraph or line
    location = finding["location"]
    assert (location["paragraph"] if suffix == "docx" else location["line"]) is not None


@pytest.mark.parametrize("suffix", ["md", "docx"])
@pytest.mark.parametrize(
    ("users", "income"),
    [
        ("976000", "3860万元"),  # 万 against plain digits
        ("976000人", "38600000元"),
        ("９７.６万", "３８６０万元"),  # full-width digits
        ("97.6万", "0.386亿元"),  # 亿 against 万
        ("98万", "3860万元"),  # 98万 is 97.6万 rounded
        ("97.6万", "3860万元"),
    ],
    ids=["wan-digits", "units-spelt", "full-width", "yi", "rounded", "same"],
)
def test_the_same_figure_written_another_way_passes(tmp_path, suffix, users, income) -> None:
    assert _mismatches(tmp_path, suffix, _draft(users, income)) == []


def test_other_periods_and_changes_are_not_compared(tmp_path: Path) -> None:
    extra = (
        "2023年客户端注册用户82.6万。注册用户较上年末增长18.2%，占全市常住人口的31.3%。"
        "2026年计划注册用户达到150万。"
    )
    text = _draft("97.6万").replace("# 详细材料\n\n", f"# 详细材料\n\n{extra}\n\n", 1)
    assert _mismatches(tmp_path, "md", text) == []


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("186万", "185.6万", True),
        ("186万", "187万", False),
        ("1万", "10000", True),
        ("1.2万", "12000", True),
        ("1.2万", "13000", False),
        ("千余", "1200", True),
        ("千余", "2500", False),
        ("１２０万次", "120万", True),
        ("12,000", "1.2万", True),
        ("91.3%", "百分之九十一点三", True),
        ("91.3%", "91.8%", False),
        ("超过3亿", "3.2亿", True),
        ("超过3亿", "2.9亿", False),
    ],
)
def test_amounts_compare_as_written(a: str, b: str, agree: bool) -> None:
    first, second = amount_at(a), amount_at(b)
    assert first is not None and second is not None
    assert first.agrees(second) is agree
    assert second.agrees(first) is agree


def test_amount_reads_scale_unit_and_end() -> None:
    amount = amount_at("达到38.7亿人次，", 2, ["人次", "次"])
    assert amount is not None
    assert amount.value == pytest.approx(3.87e9)
    assert amount.unit == "人次"
    assert "达到38.7亿人次，"[amount.end] == "，"
    assert amount_at("增长") is None

"""Rule packs: the bundled 2025 pack validates, overlays extend it, errors name file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from caselint.rulepack.pack import RulePackError, load_pack, merge, rules_dir

NOTICE_CATEGORIES = ["新媒体平台建设", "融合生产传播", "综合信息服务", "创新发展机制"]


def test_bundled_pack_holds_what_the_notice_decides() -> None:
    pack = load_pack()
    assert pack.pack.id == "nrta-2025"
    assert pack.pack.deadline.isoformat() == "2025-04-11"
    assert [c.name for c in pack.categories] == NOTICE_CATEGORIES
    assert [c.emphasis for c in pack.categories] == [
        "前瞻性与互动性",
        "多元性与协同性",
        "全面性与精准性",
        "引领性与实效性",
    ]
    assert all(len(c.elements) == 6 for c in pack.categories)
    assert (pack.parts["summary"].limit, pack.parts["detailed"].limit) == (1000, 5000)
    assert [d.name for d in pack.data.dimensions] == [
        "数量规模",
        "用户反馈",
        "收支情况",
        "经营现状",
        "商业模式",
        "发展预期",
    ]
    assert (pack.quotas.province.per_category, pack.quotas.province.total) == (4, 12)
    assert (pack.quotas.central.per_category, pack.quotas.central.total) == (1, 3)
    assert pack.counting.measure == "words"
    assert pack.category("体制机制改革").name == "创新发展机制"
    assert pack.category("融合生产传播类").id == "production"
    assert pack.category("不存在的类别") is None
    assert pack.digest and len(pack.sources) >= 2


def test_every_rule_quotes_a_clause() -> None:
    from caselint.core.codes import RULES

    pack = load_pack()
    assert {r.name for r in RULES if r.scope != "tool"} <= set(pack.clauses)


def test_rules_dir_is_found_from_a_checkout() -> None:
    assert (rules_dir() / "nrta-2025.toml").is_file()


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_overlay_extends_the_national_pack(tmp_path: Path) -> None:
    overlay = _write(
        tmp_path / "province.toml",
        """
extends = "nrta-2025"

[pack]
id = "nrta-2025-东湖省"
version = "2025.1-dh"

[parts.summary]
limit = 900

[wording]
extend-quoted_policy = ["东湖发展新格局"]

[[wording.classes]]
id = "province-slogans"
name = "本省口号"
weight = "M"
reason = "省内通报点名的口号式表述"
reason_en = "slogans the province asked to avoid"
terms = ["东湖第一台"]

[rules.category-focus]
enabled = false
""",
    )
    pack = load_pack(overlay)
    assert pack.pack.id == "nrta-2025-东湖省"
    assert pack.parts["summary"].limit == 900
    assert pack.parts["detailed"].limit == 5000  # untouched keys stay
    assert "东湖发展新格局" in pack.wording.quoted_policy
    assert "深度融合" in pack.wording.quoted_policy  # appended, not replaced
    ids = [c.id for c in pack.wording.classes]
    assert "province-slogans" in ids and "superlative" in ids
    assert pack.rules["category-focus"].enabled is False
    assert len(pack.sources) == len(load_pack().sources) + 1
    assert pack.digest != load_pack().digest


def test_overlay_rules_change_the_verdict(tmp_path: Path) -> None:
    from caselint.cases.case import CaseInput
    from caselint.engine import Settings, check_case
    from support.cases import compliant

    draft = _write(tmp_path / "draft.md", compliant("platform"))
    overlay = _write(
        tmp_path / "tight.toml", 'extends = "nrta-2025"\n[parts.summary]\nlimit = 500\n'
    )
    case = CaseInput(id="draft", files=[draft], folder=tmp_path)
    national = check_case(case, Settings(pack=load_pack()))
    tightened = check_case(case, Settings(pack=load_pack(overlay)))
    assert national.verdict == "pass"
    assert tightened.verdict == "fail"
    over = [f for f in tightened.findings if f.rule == "length-over-limit"]
    assert over and "500" in over[0].message


def test_invalid_pack_names_file_and_key(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.toml", 'extends = "nrta-2025"\n[parts.summary]\nlimit = -3\n')
    with pytest.raises(RulePackError) as error:
        load_pack(bad)
    message = str(error.value)
    assert "bad.toml" in message
    assert "parts.summary.limit" in message


def test_unknown_key_is_an_error(tmp_path: Path) -> None:
    bad = _write(tmp_path / "typo.toml", 'extends = "nrta-2025"\n[counting]\nmeasur = "words"\n')
    with pytest.raises(RulePackError, match=r"counting\.measur"):
        load_pack(bad)


def test_broken_toml_and_missing_file(tmp_path: Path) -> None:
    broken = _write(tmp_path / "broken.toml", "[pack\nid = 1\n")
    with pytest.raises(RulePackError, match=r"broken\.toml"):
        load_pack(broken)
    with pytest.raises(RulePackError, match=r"nope\.toml"):
        load_pack(tmp_path / "nope.toml")


def test_circular_extends(tmp_path: Path) -> None:
    _write(tmp_path / "a.toml", 'extends = "b.toml"\n')
    _write(tmp_path / "b.toml", 'extends = "a.toml"\n')
    with pytest.raises(RulePackError, match="circular"):
        load_pack(tmp_path / "a.toml")


def test_merge_semantics() -> None:
    base = {
        "a": {"x": 1, "y": 2},
        "list": [1, 2],
        "items": [{"id": "p", "v": 1}, {"id": "q", "v": 2}],
    }
    overlay = {
        "a": {"y": 3},
        "extend-list": [3],
        "items": [{"id": "q", "v": 9}, {"id": "r", "v": 0}],
    }
    merged = merge(base, overlay)
    assert merged["a"] == {"x": 1, "y": 3}
    assert merged["list"] == [1, 2, 3]
    assert merged["items"] == [{"id": "p", "v": 1}, {"id": "q", "v": 9}, {"id": "r", "v": 0}]
    assert base["a"] == {"x": 1, "y": 2}  # inputs untouched

"""``caselint rules``: every rule explained in Chinese by default, in English with ``--lang en``."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re

import pytest
from typer.testing import CliRunner

import caselint.checks
from caselint.checks import BY_NAME as CHECKS
from caselint.cli import common
from caselint.cli.app import app
from caselint.core.codes import DOCS, DOCS_ZH, RULES
from caselint.rulepack.pack import load_pack

CODES = [rule.code for rule in RULES]
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_ENGLISH_LINE = re.compile(r"[A-Za-z]{3,}")
#: Share of CJK characters among CJK characters and Latin letters a Chinese explanation reaches
#: (rule names, file names such as case.toml and options such as --category are Latin).
MIN_CJK_RATIO = 0.7


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


def _rule(code: str):
    return next(rule for rule in RULES if rule.code == code)


def _english_doc(name: str) -> str:
    module = CHECKS.get(name)
    return inspect.cleandoc(module.__doc__ or "" if module is not None else DOCS[name])


def _chinese_doc(name: str) -> str:
    module = CHECKS.get(name)
    return (
        inspect.cleandoc(module.DOC_ZH) if module is not None else inspect.cleandoc(DOCS_ZH[name])
    )


def _what_it_does(name: str) -> list[str]:
    """The English lines of the "What it does" section (all of a DOCS entry)."""
    doc = _english_doc(name)
    if "What it does" in doc:
        doc = doc.split("What it does", 1)[1].split("Why it matters", 1)[0]
    return [line.strip() for line in doc.splitlines() if _ENGLISH_LINE.search(line)]


def _cjk_ratio(text: str) -> float:
    cjk, latin = len(_CJK.findall(text)), len(_LATIN.findall(text))
    return cjk / (cjk + latin) if cjk + latin else 0.0


@pytest.fixture(scope="module")
def clauses() -> dict[str, str]:
    return load_pack(None).clauses


@pytest.mark.parametrize("code", CODES)
def test_rule_explained_in_chinese_by_default(code: str, clauses: dict[str, str]) -> None:
    rule = _rule(code)
    status, out = _invoke("rules", code)
    assert status == 0
    assert "作用" in out and "原因" in out and "修改" in out
    assert _chinese_doc(rule.name).splitlines()[0] in out
    assert _cjk_ratio(out) >= MIN_CJK_RATIO, out
    english = _what_it_does(rule.name)
    assert english
    for line in english:
        assert line not in out
    assert "What it does" not in out
    if rule.scope == "tool":  # caselint's own failure quotes no clause of the notice
        assert rule.name not in clauses
    else:
        assert "依据" in out and "Notice clause" not in out
        assert clauses[rule.name] in out


@pytest.mark.parametrize("code", CODES)
def test_rule_explained_in_english_with_lang_en(code: str, clauses: dict[str, str]) -> None:
    rule = _rule(code)
    status, out = _invoke("rules", code, "--lang", "en")
    assert status == 0
    english = _english_doc(rule.name)
    assert english.splitlines()[0] in out
    for line in _what_it_does(rule.name):
        assert line in out
    if rule.name in CHECKS:
        assert "What it does" in out
    assert "作用" not in out
    if rule.scope != "tool":
        assert "Notice clause" in out and "依据" not in out
        assert clauses[rule.name] in out


def test_rule_by_name_is_the_same_as_by_code() -> None:
    assert _invoke("rules", "emotive-wording") == _invoke("rules", "W001")
    assert _invoke("rules", "w001")[1] == _invoke("rules", "W001")[1]


@pytest.mark.parametrize("help_lang", ["zh", "en"])
def test_headings_follow_lang_not_help_language(
    help_lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """h() follows argv and CASELINT_LANG; the explanation follows the --lang actually passed."""
    monkeypatch.setattr(common, "HELP_LANG", help_lang)
    _, zh = _invoke("rules", "W001")
    assert "依据" in zh and "会报告" in zh and "不会报告" in zh
    assert "Notice clause" not in zh and "flags:" not in zh
    _, en = _invoke("rules", "W001", "--lang", "en")
    assert "Notice clause" in en and "flags:" in en and "passes:" in en
    assert "依据" not in en and "会报告" not in en


@pytest.mark.parametrize("code", CODES)
def test_json_doc_in_chosen_language(code: str) -> None:
    rule = _rule(code)
    _, zh = _invoke("rules", code, "--format", "json")
    _, en = _invoke("rules", code, "--format", "json", "--lang", "en")
    assert json.loads(zh)["doc"] == _chinese_doc(rule.name)
    assert json.loads(en)["doc"] == _english_doc(rule.name)
    assert json.loads(zh)["clause"] == json.loads(en)["clause"]


def test_every_check_module_has_doc_zh() -> None:
    names = [
        m.name
        for m in pkgutil.iter_modules(caselint.checks.__path__)
        if m.name not in ("base", "__init__")
    ]
    assert len(names) == len(CHECKS)
    for name in names:
        module = importlib.import_module(f"caselint.checks.{name}")
        doc = getattr(module, "DOC_ZH", "")
        assert isinstance(doc, str) and doc.strip(), name
        code = next(r.code for r in RULES if r.name == module.NAME)
        assert doc.startswith(f"{module.NAME}（{code}）："), name
        for heading in ("作用", "原因", "修改"):
            assert f"\n{heading}\n" in doc, (name, heading)
        assert _cjk_ratio(doc) >= MIN_CJK_RATIO, name


def test_every_docs_entry_has_a_chinese_one() -> None:
    assert DOCS_ZH.keys() == DOCS.keys()
    codes = {r.name: r.code for r in RULES}
    for name, doc in DOCS_ZH.items():
        assert doc.startswith(f"{name}（{codes[name]}）："), name
        for heading in ("作用", "原因", "修改"):
            assert f"\n{heading}\n" in doc, (name, heading)
        assert _cjk_ratio(doc) >= MIN_CJK_RATIO, name


def test_every_rule_is_documented() -> None:
    for rule in RULES:
        assert rule.name in CHECKS or rule.name in DOCS, rule.name


def test_rules_lists_all_codes() -> None:
    status, out = _invoke("rules")
    assert status == 0
    for rule in RULES:
        assert rule.code in out
        assert rule.name in out
    assert "代码" in out
    _, en = _invoke("rules", "--lang", "en")
    assert "code" in en and "代码" not in en
    _, listing = _invoke("rules", "--format", "json")
    assert [r["code"] for r in json.loads(listing)] == CODES


def test_unknown_rule_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["rules", "nope"])
    assert result.exit_code == 2
    assert "nope" in result.stderr

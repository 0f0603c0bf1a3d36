"""Every check ships pass and fail examples, and they hold both ways.

An example changes one thing in the compliant draft of its category (``tests/fixtures/cases``):
it replaces the summary or the detailed part, adds a sentence to the detailed part, or removes
the metadata. The check must report its rule on every ``fail`` example and never on a ``pass``
example — the same drafts ``caselint rules NAME`` shows to users.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from caselint.cases.case import CaseInput
from caselint.checks import CHECKS
from caselint.checks.base import Example
from caselint.engine import Settings, check_case
from caselint.rulepack.pack import load_pack
from support.cases import compliant

PACK = load_pack()
SETTINGS = Settings(pack=PACK)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def _category_id(name: str) -> str:
    category = PACK.category(name)
    assert category is not None, name
    return category.id


def _sections(text: str) -> tuple[str, str, str]:
    """(preamble, summary section, detailed section) of a compliant draft."""
    summary = re.search(r"^# 综合材料\s*$", text, re.MULTILINE)
    detailed = re.search(r"^# 详细材料\s*$", text, re.MULTILINE)
    assert summary and detailed
    return (
        text[: summary.start()],
        text[summary.start() : detailed.start()],
        text[detailed.start() :],
    )


def render_example(example: Example) -> str:
    """The compliant draft of the example's category with the example's change applied."""
    text = compliant(_category_id(example.category))
    if example.front_matter:
        text = re.sub(r"^类别:.*$", f"类别: {example.category}", text, count=1, flags=re.MULTILINE)
    else:
        text = _FRONT_MATTER.sub("", text)
    preamble, summary, detailed = _sections(text)
    if not example.front_matter:
        preamble = (
            "\n".join(line for line in preamble.splitlines() if not line.startswith("# ")) + "\n"
        )
    if example.summary is not None:
        summary = example.summary.rstrip() + "\n\n"
    if example.detailed is not None:
        detailed = example.detailed.rstrip() + "\n" if example.detailed else ""
    if example.add_to_detailed:
        # Right under the part's heading: the last section is the plan (下一步), where claims
        # are intentions and wording is judged differently.
        head, _, rest = detailed.partition("\n")
        detailed = f"{head}\n\n{example.add_to_detailed}\n{rest}"
    return preamble + summary + detailed


def _rules_found(example: Example, tmp_path: Path) -> list[str]:
    path = tmp_path / "draft.md"
    path.write_text(render_example(example), encoding="utf-8")
    result = check_case(CaseInput(id="draft", files=[path], folder=tmp_path), SETTINGS)
    return [f.rule for f in result.findings]


CASES = [
    pytest.param(module, example, outcome, id=f"{module.NAME}-{outcome}-{i}")
    for module in CHECKS
    for outcome, examples in (("fail", module.EXAMPLES.fail), ("pass", module.EXAMPLES.pass_))
    for i, example in enumerate(examples)
]


@pytest.mark.parametrize(("module", "example", "outcome"), CASES)
def test_example(module, example: Example, outcome: str, tmp_path: Path) -> None:
    found = _rules_found(example, tmp_path)
    if outcome == "fail":
        assert module.NAME in found, f"{example.note}: expected {module.NAME}, got {found}"
    else:
        assert module.NAME not in found, f"{example.note}: unexpected {module.NAME}"


@pytest.mark.parametrize("module", CHECKS, ids=lambda m: m.NAME)
def test_every_check_has_examples_both_ways(module) -> None:
    assert module.EXAMPLES.fail, f"{module.NAME} has no fail example"
    assert module.EXAMPLES.pass_, f"{module.NAME} has no pass example"
    assert module.__doc__ and module.NAME in module.__doc__


@pytest.mark.parametrize("category_id", ["platform", "production", "service", "mechanism"])
def test_compliant_drafts_have_no_error(category_id: str, tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(compliant(category_id), encoding="utf-8")
    result = check_case(CaseInput(id="draft", files=[path], folder=tmp_path), SETTINGS)
    errors = [f"{f.rule}: {f.message}" for f in result.findings if f.severity == "error"]
    assert errors == []
    assert result.verdict == "pass"

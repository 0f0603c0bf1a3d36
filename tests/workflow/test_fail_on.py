"""``--fail-on error|warning|info``: the exit code of check, annotate and pack, in full.

Four drafts whose worst finding is none, an info, a warning and an error (planted problems of
``tests/fixtures/cases``; the checks across cases are left out so the deadline's date cannot
move a row), each checked as Markdown and as .docx, under every threshold, with and without
``--exit-zero``, and with the threshold taken from ``caselint.toml``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from caselint.cli.app import app
from support.cases import build_docx_case, load_case

#: Worst finding of each draft (with ``--ignore X``), lowest first.
DRAFTS = {
    "none": "compliant/platform",
    "info": "problems/category-focus",
    "warning": "problems/emotive-wording",
    "error": "problems/length-over-limit",
}
RANK = {"none": -1, "info": 0, "warning": 1, "error": 2}


def caselint(*args: str | Path) -> int:
    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """(worst, suffix) → a draft file, each in a folder of its own."""
    root = tmp_path_factory.mktemp("fail-on")
    out = {}
    for worst, name in DRAFTS.items():
        folder = root / worst
        folder.mkdir()
        md = folder / "案例.md"
        md.write_text(load_case(name), encoding="utf-8")
        out[worst, "md"] = md
        docx_folder = root / f"{worst}-docx"
        docx_folder.mkdir()
        out[worst, "docx"] = build_docx_case(load_case(name), docx_folder / "案例.docx")
    return out


def expected(worst: str, fail_on: str | None, exit_zero: bool) -> int:
    threshold = fail_on or "error"
    return int(RANK[worst] >= RANK[threshold] and not exit_zero)


@pytest.mark.parametrize("suffix", ["md", "docx"])
@pytest.mark.parametrize("worst", list(DRAFTS))
def test_check_exit_code_matrix(drafts, worst: str, suffix: str) -> None:
    path = drafts[worst, suffix]
    for fail_on in (None, "error", "warning", "info"):
        for exit_zero in (False, True):
            args = ["check", path, "--ignore", "X", "--no-cache", "--jobs", "1"]
            if fail_on:
                args += ["--fail-on", fail_on]
            if exit_zero:
                args.append("--exit-zero")
            want = expected(worst, fail_on, exit_zero)
            assert caselint(*args) == want, (worst, suffix, fail_on, exit_zero)


def test_fail_on_from_the_config_and_the_command_line_over_it(drafts) -> None:
    path = drafts["warning", "md"]
    config = path.parent / "caselint.toml"
    config.write_text('fail-on = "warning"\nignore = ["X"]\n', encoding="utf-8")
    try:
        assert caselint("check", path, "--no-cache") == 1
        assert caselint("check", path, "--no-cache", "--fail-on", "error") == 0
        assert caselint("check", path, "--no-cache", "--exit-zero") == 0
    finally:
        config.unlink()
    assert caselint("check", path, "--no-cache", "--ignore", "X") == 0


def test_an_invalid_threshold_is_a_usage_error(drafts, tmp_path: Path) -> None:
    path = drafts["none", "md"]
    result = CliRunner().invoke(app, ["check", str(path), "--fail-on", "notice"])
    assert result.exit_code == 2
    config = tmp_path / "caselint.toml"
    config.write_text('fail-on = "warnings"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--config", str(config)])
    assert result.exit_code == 2
    assert "fail-on" in result.stderr or "fail_on" in result.stderr


@pytest.mark.parametrize(
    ("fail_on", "code"), [(None, 0), ("error", 0), ("warning", 1), ("info", 1)]
)
def test_annotate_exits_like_check(drafts, tmp_path: Path, fail_on: str | None, code: int) -> None:
    args = ["annotate", drafts["warning", "docx"], "-o", tmp_path / "审阅稿.docx"]
    args += ["--ignore", "X"] + (["--fail-on", fail_on] if fail_on else [])
    assert caselint(*args) == code
    assert (tmp_path / "审阅稿.docx").is_file()


@pytest.mark.parametrize(
    ("fail_on", "code"), [(None, 0), ("error", 0), ("warning", 1), ("info", 1)]
)
def test_pack_packs_and_exits_by_the_threshold(drafts, tmp_path: Path, fail_on, code) -> None:
    """A case with warnings is packed whatever the threshold; the exit code says whether the
    warnings fail the job."""
    out = tmp_path / "上传包"
    args = ["pack", drafts["warning", "md"], "-o", out]
    args += ["--fail-on", fail_on] if fail_on else []
    assert caselint(*args) == code
    assert list(out.glob("*.zip")), "the bundle is written whatever the threshold"


def test_pack_refusal_fails_under_any_threshold(drafts, tmp_path: Path) -> None:
    out = tmp_path / "上传包"
    assert caselint("pack", drafts["error", "md"], "-o", out, "--fail-on", "error") == 1
    assert not out.exists() or not list(out.glob("*.zip"))

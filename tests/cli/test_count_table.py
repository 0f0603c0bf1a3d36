"""The piped ``count`` table is written without rich and reads exactly as rich draws it."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from caselint.cases.countfiles import count_paths
from caselint.reports.count_table import plain_count_report, print_count_report, rich_count_report
from caselint.rulepack.limits import load_limits
from support.inputs import write_docx


def _drafts(folder: Path) -> list[Path]:
    folder.mkdir()
    summary = write_docx(
        folder / "案例综合材料.docx", ["本案例介绍县级融媒体中心的建设。" * 80], heading="综合材料"
    )  # over the 1000-字 limit: rich marks it red, the text is the same
    detailed = write_docx(
        folder / "[草稿]详细材料.docx", ["用户规模增长35.6%，日活跃用户12万。"] * 30
    )
    gbk = folder / "说明.txt"
    gbk.write_bytes("综合材料\n本案例共有用户 120000 人。\n".encode("gbk"))
    broken = folder / "坏文件.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    return [summary, detailed, gbk, broken]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plain_table_equals_what_rich_prints_to_a_file(tmp_path: Path, lang: str) -> None:
    pack = load_limits(None)
    report = count_paths(_drafts(tmp_path / "drafts"), pack, lang)  # type: ignore[arg-type]
    assert any(f.findings for f in report.files) and any(not f.findings for f in report.files)
    drawn = io.StringIO()
    rich_count_report(report, pack, lang, drawn)  # type: ignore[arg-type]

    plain = plain_count_report(report, pack, lang)  # type: ignore[arg-type]

    assert plain == drawn.getvalue()
    assert "[草稿]详细材料.docx" in plain  # a file name is never read as markup


def test_count_piped_does_not_import_rich(tmp_path: Path) -> None:
    (path,) = _drafts(tmp_path / "drafts")[:1]
    code = (
        "import sys; from caselint.cli.app import main; sys.argv = ['caselint', 'count', "
        f"{str(path)!r}]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'rich' not in sys.modules, sorted(m for m in sys.modules if 'rich' in m)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "综合材料" in result.stdout and "───" in result.stdout


def test_a_terminal_gets_the_table_in_colour(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("TERM", "xterm-256color")
    for name in ("NO_COLOR", "CI", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    pack = load_limits(None)
    report = count_paths(_drafts(tmp_path / "drafts")[:1], pack, "zh")
    terminal, pipe = Terminal(), io.StringIO()
    print_count_report(report, pack, "zh", terminal)
    print_count_report(report, pack, "zh", pipe)
    assert "\x1b[1;31m" in terminal.getvalue()  # the count over the limit, bold red
    assert "\x1b[" not in pipe.getvalue() and "综合材料" in pipe.getvalue()

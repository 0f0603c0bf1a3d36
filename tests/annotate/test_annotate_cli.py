"""``caselint annotate`` on the command line: outputs, refusals and exit codes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import docx
from annotate_drafts import clean_draft, rich_draft
from typer.testing import CliRunner

from caselint.cli.app import app


def _invoke(*args: str):
    result = CliRunner().invoke(app, ["annotate", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def _authors(path: Path) -> list[str]:
    return [c.author for c in docx.Document(str(path)).comments]


def test_writes_the_copy_beside_the_draft(tmp_path: Path) -> None:
    draft = rich_draft(tmp_path / "青川案例.docx")
    result = _invoke(str(draft))
    assert result.exit_code == 1  # the draft has an error-level finding (element 5 missing)
    copy = tmp_path / "青川案例.审阅.docx"
    assert copy.is_file()
    assert f"已写入 {copy}" in result.stdout
    assert "caselint" in _authors(copy)


def test_exit_zero_without_errors_and_exit_zero_option(tmp_path: Path) -> None:
    draft = clean_draft(tmp_path / "青川案例.docx")
    assert _invoke(str(draft)).exit_code == 0
    other = rich_draft(tmp_path / "另一案例.docx")
    assert _invoke(str(other), "--exit-zero").exit_code == 0


def test_refuses_to_overwrite_without_the_option(tmp_path: Path) -> None:
    draft = clean_draft(tmp_path / "案例.docx")
    target = tmp_path / "审阅稿.docx"
    target.write_bytes(b"keep me")
    result = _invoke(str(draft), "-o", str(target))
    assert result.exit_code == 2
    assert "--overwrite" in result.stderr
    assert target.read_bytes() == b"keep me"
    assert _invoke(str(draft), "-o", str(target), "--overwrite").exit_code == 0
    assert "caselint" in _authors(target)
    # Never onto the draft itself, even when asked to overwrite.
    digest = hashlib.sha256(draft.read_bytes()).digest()
    result = _invoke(str(draft), "-o", str(draft), "--overwrite")
    assert result.exit_code == 2
    assert hashlib.sha256(draft.read_bytes()).digest() == digest


def test_several_files_and_output_option(tmp_path: Path) -> None:
    first = clean_draft(tmp_path / "甲案例.docx")
    second = clean_draft(tmp_path / "乙案例.docx")
    result = _invoke(str(first), str(second), "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 2 and "-o/--output" in result.stderr
    assert _invoke(str(first), str(second)).exit_code == 0
    assert (tmp_path / "甲案例.审阅.docx").is_file() and (tmp_path / "乙案例.审阅.docx").is_file()


def test_markdown_is_refused_with_advice(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.md"
    draft.write_text("---\n类别: 融合生产传播\n---\n# 综合材料\n\n正文\n", encoding="utf-8")
    result = _invoke(str(draft))
    assert result.exit_code == 2
    assert "caselint pack" in result.stderr and ".docx" in result.stderr
    assert not (tmp_path / "草稿.审阅.docx").exists()
    result = _invoke(str(draft), "--lang", "en")
    assert "annotate works on .docx only" in result.stderr


def test_options_like_check(tmp_path: Path) -> None:
    draft = rich_draft(tmp_path / "案例.docx")
    result = _invoke(str(draft), "--select", "W001", "--lang", "en")
    assert result.exit_code == 0  # element-missing is not selected: no error-level finding
    assert "wrote" in result.stdout
    comments = docx.Document(str(tmp_path / "案例.审阅.docx")).comments
    texts = [c.text for c in comments if c.author == "caselint"]
    assert all(t.startswith(("warning W001", "caselint review")) for t in texts)
    assert _invoke(str(draft), "--select", "nonsense", "--overwrite").exit_code == 2
    result = _invoke(str(draft), "--category", "网络视听", "--overwrite")
    assert result.exit_code == 2 and "融合生产传播" in result.stderr


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert _invoke(str(tmp_path / "无.docx")).exit_code == 2
    assert _invoke(str(tmp_path)).exit_code == 2


def test_real_process_without_traceback(tmp_path: Path) -> None:
    draft = rich_draft(tmp_path / "青川案例.docx")
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    env = {k: v for k, v in os.environ.items() if k != "CASELINT_LANG"}
    run = subprocess.run(
        [sys.executable, "-m", "caselint", "annotate", draft.name],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert "已写入 青川案例.审阅.docx" in run.stdout
    run = subprocess.run(
        [sys.executable, "-m", "caselint", "annotate", broken.name],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and "无法读取 坏.docx" in run.stderr

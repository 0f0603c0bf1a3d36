"""``caselint new`` on the command line, and a fresh draft straight into ``caselint check``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caselint.cli.app import app
from caselint.readers import read_document

CHOICES = ("新媒体平台建设", "融合生产传播", "综合信息服务", "创新发展机制")


def _invoke(*args: str):
    result = CliRunner().invoke(app, ["new", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.mark.parametrize(
    ("args", "name", "fmt"),
    [
        (["-o", "草稿.docx"], "草稿.docx", "docx"),
        (["-o", "草稿.md"], "草稿.md", "markdown"),
        (["--format", "md", "-o", "草稿"], "草稿.md", "markdown"),
        ([], "融合生产传播案例草稿.docx", "docx"),
    ],
)
def test_writes_the_draft(tmp_path: Path, monkeypatch, args, name: str, fmt: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = _invoke("--category", "融合生产传播", *args)
    assert result.exit_code == 0, result.output
    document = read_document(tmp_path / name)
    assert document.format == fmt
    assert document.metadata["类别"] == "融合生产传播"
    assert f"caselint check {name}" in result.stdout


def test_alias_and_id(tmp_path: Path) -> None:
    out = tmp_path / "a.md"
    assert _invoke("-c", "体制机制改革", "-o", str(out)).exit_code == 0
    assert read_document(out).metadata["类别"] == "创新发展机制"
    out = tmp_path / "b.md"
    assert _invoke("-c", "service", "-o", str(out)).exit_code == 0
    assert read_document(out).metadata["类别"] == "综合信息服务"


@pytest.mark.parametrize("args", [["-c", "网络视听"], []])
def test_unknown_or_missing_category_lists_the_four(tmp_path: Path, args: list[str]) -> None:
    result = _invoke(*args, "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 2
    assert all(name in result.stderr for name in CHOICES)
    assert not (tmp_path / "x.docx").exists()


def test_refusals(tmp_path: Path) -> None:
    existing = tmp_path / "草稿.docx"
    existing.write_bytes(b"an author's work")
    result = _invoke("-c", "融合生产传播", "-o", str(existing))
    assert result.exit_code == 2 and "--overwrite" in result.stderr
    assert existing.read_bytes() == b"an author's work"
    assert _invoke("-c", "融合生产传播", "-o", str(existing), "--overwrite").exit_code == 0
    assert existing.read_bytes().startswith(b"PK")
    result = _invoke("-c", "融合生产传播", "-o", str(tmp_path / "x.md"), "--format", "docx")
    assert result.exit_code == 2
    result = _invoke("-c", "融合生产传播", "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 2
    result = _invoke("-c", "融合生产传播", "-o", str(tmp_path / "x.md"), "--lang", "en")
    assert result.exit_code == 0 and result.stdout.startswith("wrote ")


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_new_then_check_in_real_processes(tmp_path: Path, fmt: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CASELINT_LANG"}

    def caselint(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "caselint", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    made = caselint("new", "--category", "综合信息服务", "-o", f"草稿.{fmt}")
    assert made.returncode == 0 and "Traceback" not in made.stderr
    checked = caselint("check", "--no-cache", "--format", "json", f"草稿.{fmt}")
    assert "Traceback" not in checked.stderr
    assert checked.returncode == 1  # the empty sections block, each named
    assert checked.stdout.count('"rule": "part-missing"') == 2  # both parts: headings only
    assert '"data-dimension-missing"' in checked.stdout
    assert '"element-missing"' not in checked.stdout
    if fmt == "docx":
        annotated = caselint("annotate", "草稿.docx")
        assert annotated.returncode == 1 and "Traceback" not in annotated.stderr  # as check
        assert (tmp_path / "草稿.审阅.docx").is_file()

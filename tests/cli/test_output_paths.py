"""Every command that writes a file refuses the same two outputs, before any work: a folder, and
an existing file without ``--overwrite``; the message names the path."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from caselint.cli.app import app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "01-compliant-platform"


def _invoke(args: list[str]):
    result = CliRunner().invoke(app, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def _command(name: str, output: Path) -> list[str]:
    """The command line of ``name`` writing to ``output``."""
    return {
        "check": ["check", "--no-cache", str(EXAMPLE), "-o", str(output)],
        "new": ["new", "-c", "融合生产传播", "-o", str(output)],
        "annotate": ["annotate", str(EXAMPLE / "综合材料.md"), "-o", str(output)],
    }[name]


#: Each command with an output name its format accepts, so only the folder can be refused.
OUTPUT_NAMES = {"check": "结果.json", "new": "草稿.md", "annotate": "审阅稿.docx"}


@pytest.mark.parametrize("name", list(OUTPUT_NAMES))
@pytest.mark.parametrize(
    ("lang", "message"), [("zh", "输出路径是文件夹：{}"), ("en", "output path is a folder: {}")]
)
def test_a_folder_is_not_an_output(tmp_path: Path, name: str, lang: str, message: str) -> None:
    folder = tmp_path / OUTPUT_NAMES[name]
    folder.mkdir()
    result = _invoke([*_command(name, folder), "--lang", lang])
    assert result.exit_code == 2
    assert message.format(folder) in result.stderr
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "suffix", "zh", "en"),
    [
        ("check", ".json", "输出文件已存在", "output exists"),
        ("new", ".md", "文件已存在", "file exists"),
        ("annotate", ".docx", "审阅稿已存在", "output exists"),
    ],
)
def test_an_existing_file_is_kept(tmp_path: Path, name: str, suffix: str, zh: str, en: str) -> None:
    existing = tmp_path / f"已有{suffix}"
    existing.write_bytes(b"keep me")
    for lang, wording in (
        ("zh", f"{zh}：{existing}（加 --overwrite 覆盖）"),
        ("en", f"{en}: {existing} (use --overwrite)"),
    ):
        result = _invoke([*_command(name, existing), "--lang", lang])
        assert result.exit_code == 2
        assert wording in result.stderr
    assert existing.read_bytes() == b"keep me"

"""Start-up: ``--version`` before typer loads, one sub-command module per run, help lists all."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from caselint import __version__
from caselint.cli.app import app
from caselint.cli.root import COMMANDS
from support.inputs import write_docx

PROBE = """
import sys
from caselint.cli.app import main
sys.argv = ["caselint", *{args!r}]
try:
    main()
except SystemExit:
    pass
loaded = sorted(m for m in sys.modules if m in {commands!r})
print("LOADED", loaded, "typer" in sys.modules)
"""


def _probe(*args: str) -> tuple[list[str], bool, str]:
    code = PROBE.format(args=list(args), commands=set(COMMANDS.values()))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    out, _, last = result.stdout.rstrip().rpartition("\n")
    loaded, typer_loaded = last.removeprefix("LOADED ").rsplit(" ", 1)
    return ast.literal_eval(loaded), typer_loaded == "True", out


def test_version_is_answered_without_typer() -> None:
    loaded, typer_loaded, out = _probe("--version")
    assert out.strip() == f"caselint {__version__}"
    assert loaded == [] and not typer_loaded


def test_a_command_imports_its_own_module_only(tmp_path: Path) -> None:
    draft = write_docx(tmp_path / "综合材料.docx", ["本案例介绍县级融媒体中心的建设。"])
    loaded, typer_loaded, out = _probe("count", str(draft))
    assert loaded == ["caselint.cli.count"] and typer_loaded
    assert "综合材料" in out


def test_root_help_lists_every_command_and_typos_get_suggestions() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.stdout
    result = CliRunner().invoke(app, ["chek"])
    assert result.exit_code == 2 and "check" in result.output
    result = CliRunner().invoke(app, ["--version"])
    assert result.stdout.strip() == f"caselint {__version__}"

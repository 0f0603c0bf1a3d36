"""Running ``caselint`` from the batch tests: in-process (CliRunner) or as a child process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from caselint.cli.app import app


def cli(*args: str | Path, env: dict[str, str] | None = None) -> Any:
    """``caselint ARGS`` in-process; the result has ``exit_code``, ``stdout`` and ``stderr``."""
    result = CliRunner(env=env).invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def check_json(*args: str | Path) -> dict[str, Any]:
    """``caselint check ARGS --format json`` in-process (one worker), parsed."""
    result = cli("check", *args, "--format", "json", "--jobs", "1")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def run_process(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m caselint ARGS`` in a child process (process pool, concurrency)."""
    environment = {k: v for k, v in os.environ.items() if k != "CI"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "caselint", *map(str, args)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def findings_of(report: dict[str, Any], rule: str) -> list[dict[str, Any]]:
    """Findings of one rule, per case and across cases."""
    found = [f for case in report["cases"] for f in case["findings"] if f["rule"] == rule]
    return found + [f for f in report["findings"] if f["rule"] == rule]

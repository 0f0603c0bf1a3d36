"""Tools of the attack tests: real cases in a temp folder, caselint in a child process with a
time limit (a hang fails the test instead of hanging the suite), and proof that no input
changed (every file hashed before and after, symlinks and FIFOs by what they are).
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from support.cases import compliant, with_front_matter

#: Enough for a cold caselint on a busy two-core CI machine; a hang or a runaway never ends.
TIME_LIMIT = 90


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def caselint(*args: str | Path) -> Run:
    """``caselint ARGS`` in this process (for runs that cannot hang: refusals, bundles)."""
    from typer.testing import CliRunner

    from caselint.cli.app import app

    started = time.perf_counter()
    result = CliRunner().invoke(app, [str(a) for a in args])
    seconds = time.perf_counter() - started
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr, seconds)


def isolated(*args: str | Path, timeout: float = TIME_LIMIT, cwd: Path | None = None) -> Run:
    """``python -m caselint ARGS`` in a child process; fails the test past ``timeout`` (for
    inputs that used to hang or run away: a hang must fail the test, not stop the suite)."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "CASELINT_LANG")}
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "caselint", *map(str, args)],
            capture_output=True,
            timeout=timeout,
            env=env,
            cwd=cwd,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"caselint {args} ran past {timeout} s") from exc
    seconds = time.perf_counter() - started
    return Run(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
        seconds,
    )


def snapshot(*roots: Path) -> dict[str, str]:
    """What is under ``roots``: each regular file's SHA-256, each symlink's target, each other
    entry's kind (nothing is read that could block: FIFOs and devices are only named)."""
    found: dict[str, str] = {}
    for root in roots:
        for folder, dirs, files in os.walk(root):
            for name in [*dirs, *files]:
                path = Path(folder) / name
                mode = os.lstat(path).st_mode
                if stat.S_ISLNK(mode):
                    found[str(path)] = f"link:{os.readlink(path)}"
                elif stat.S_ISREG(mode):
                    found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
                elif stat.S_ISDIR(mode):
                    found[str(path)] = "dir"
                else:
                    found[str(path)] = f"special:{stat.S_IFMT(mode)}"
    return found


def draft(category: str = "platform", **changes: Any) -> str:
    return with_front_matter(compliant(category), **changes) if changes else compliant(category)


def case_folder(folder: Path, category: str = "platform", **changes: Any) -> Path:
    """``folder/案例.md``: a compliant case (front-matter keys changed); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "案例.md").write_text(draft(category, **changes), encoding="utf-8")
    return folder


def no_internal_error(run: Run) -> None:
    """The run reported problems as findings or usage errors, never as a crash."""
    for marker in ("内部错误", "internal error", "Traceback", "请报告", "please report"):
        assert marker not in run.output, run.output

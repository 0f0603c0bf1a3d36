"""LibreOffice as the tests run it: headless, a profile of its own, one file at a time."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

#: Mark a test that needs the real LibreOffice (CI installs it, see .ci/run).
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is not installed"
)


def soffice_convert(source: Path, target: str, workdir: Path) -> Path:
    """Convert ``source`` with ``soffice --convert-to target`` into ``workdir/out``; the file
    written. A profile under ``workdir`` keeps parallel runs from sharing LibreOffice's lock."""
    outdir = workdir / "out"
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(workdir / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        timeout=240,
        env={**os.environ, "HOME": str(workdir)},
    )
    assert result.returncode == 0, result.stderr
    return outdir / f"{source.stem}.{target.split(':')[0]}"

"""The wheel carries the rule packs, and caselint finds them when installed from it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_rules_and_finds_them(tmp_path: Path) -> None:
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("caselint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for rule_file in (
        "nrta-2025.toml",
        "nrta-2025/wording.toml",
        "nrta-2025/selected-2024.csv",
        "nrta-2025/application-form.toml",
    ):
        assert f"caselint/_rules/{rule_file}" in names
    # Installed from the wheel alone (no checkout beside it), the bundled pack loads.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "from caselint.rulepack.files import rules_dir; from caselint.rulepack.limits import load_limits; "
            "print(rules_dir()); print(load_limits().parts['summary'].limit)",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PYTHONPATH": str(site), "PATH": ""},
    )
    assert probe.returncode == 0, probe.stderr
    where, limit = probe.stdout.split()
    assert Path(where) == site / "caselint" / "_rules"
    assert limit == "1000"

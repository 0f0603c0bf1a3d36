"""Attack 9: races and crashes at the end of a write.

Two runs writing the same new output without ``--overwrite`` both succeeded (check, then
replace); a ``kill -9`` between the folder and zip renames of ``pack --overwrite`` left a mixed
output, the old copy stranded in a hidden folder, and ``verify OUTDIR`` exiting 0. Now the final
step is create-exclusive without ``--overwrite``, and the overwrite swap is journalled: the next
pack rolls an interrupted swap back and verify reports it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hostile import TIME_LIMIT, case_folder, caselint, snapshot

from caselint.core import fsutil
from caselint.core.fsutil import OutputExistsError, atomic_write_bytes
from caselint.pack.staging import JOURNAL, TEMP_PREFIX, Staging


def test_a_file_created_meanwhile_is_never_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other run's report appears after the existence check, before the rename."""
    target = tmp_path / "结果.json"
    real_fsync = os.fsync

    def other_run_writes(fd: int) -> None:
        real_fsync(fd)
        target.write_text("the other run's report", encoding="utf-8")

    monkeypatch.setattr(fsutil.os, "fsync", other_run_writes)
    with pytest.raises(OutputExistsError):
        atomic_write_bytes(target, b"mine", overwrite=False)

    assert target.read_text(encoding="utf-8") == "the other run's report"
    assert [p.name for p in tmp_path.iterdir()] == ["结果.json"]


def test_two_packs_of_one_new_bundle_cannot_both_succeed(tmp_path: Path) -> None:
    """Both stage a bundle, then commit into the same OUTDIR: the second commit is refused."""
    outdir = tmp_path / "上传"
    first, second = Staging(outdir), Staging(outdir)
    with first, second:
        for stage, text in ((first, "first"), (second, "second")):
            (stage.path / "案例").mkdir()
            (stage.path / "案例" / "manifest.json").write_text(text, encoding="utf-8")
            (stage.path / "案例.zip").write_text(text, encoding="utf-8")
        first.commit()
        with pytest.raises(Exception, match="已存在"):
            second.commit()

    assert (outdir / "案例" / "manifest.json").read_text(encoding="utf-8") == "first"
    assert (outdir / "案例.zip").read_text(encoding="utf-8") == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["上传"]


def test_check_reports_are_written_exclusively(tmp_path: Path) -> None:
    case = case_folder(tmp_path / "案例")
    report = tmp_path / "结果.json"
    report.write_text("kept", encoding="utf-8")

    run = caselint("check", case, "--no-cache", "-o", report)

    assert run.code == 2
    assert report.read_text(encoding="utf-8") == "kept"


_KILL_MIDWAY = """
import os, sys
from pathlib import Path
from caselint.cases.discover import discover
from caselint.engine import Settings
from caselint.pack.bundle import PackOptions, pack_case
from caselint.rulepack.pack import load_pack

renames = {"n": 0}
real = os.rename

def rename(src, dst):
    renames["n"] += 1
    if renames["n"] == 3:  # old folder aside, new folder in: killed before the zip moves
        os._exit(9)
    return real(src, dst)

os.rename = rename
pack = load_pack()
(case,) = discover([Path(sys.argv[1])], pack)
pack_case(case, Settings(pack=pack), Path(sys.argv[2]), PackOptions(overwrite=True))
"""


def test_a_pack_killed_mid_swap_is_reported_then_rolled_back(tmp_path: Path) -> None:
    case = case_folder(tmp_path / "收件" / "案例")
    outdir = tmp_path / "上传"
    assert caselint("pack", case, "-o", outdir).code == 0
    (bundle,) = [p for p in outdir.iterdir() if p.is_dir()]
    old = snapshot(outdir)
    inputs = snapshot(case)
    # The case changes, so the new bundle differs from the old one.
    (case / "案例.md").write_text(
        (case / "案例.md").read_text(encoding="utf-8") + "\n补充一句。\n", encoding="utf-8"
    )
    inputs = snapshot(case)

    killed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_KILL_MIDWAY), str(case), str(outdir)],
        capture_output=True,
        timeout=TIME_LIMIT,
        check=False,
    )

    assert killed.returncode == 9, killed.stderr.decode()
    assert (outdir / JOURNAL).is_file()
    assert snapshot(outdir) != old  # mixed: the new folder, the old zip
    verify = caselint("verify", outdir)
    assert verify.code == 1
    assert "打包在写入时被中断" in verify.stdout

    again = caselint("pack", case, "-o", outdir)  # without --overwrite: the old bundle is back

    assert again.code == 2, again.output
    assert "已存在" in again.stderr
    assert not (outdir / JOURNAL).exists()
    assert {k: v for k, v in snapshot(outdir).items() if JOURNAL not in k} == old
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)] == []
    assert caselint("verify", outdir).code == 0
    assert caselint("pack", case, "-o", outdir, "--overwrite").code == 0
    assert caselint("verify", bundle).code == 0
    assert snapshot(case) == inputs

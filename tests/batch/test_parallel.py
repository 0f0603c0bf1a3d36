"""The process pool: the same report from one worker or two; a bad file, or a case that trips a
bug, fails only its case; a progress bar only for a person at a terminal."""

from __future__ import annotations

import json
import multiprocessing
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest
from batch_cli import run_process
from province_folder import CASE_IDS, example, write_toml

from caselint.batch import RunStats, run_cases
from caselint.cache import Cache
from caselint.cases.discover import discover
from caselint.engine import Settings
from caselint.rulepack.pack import load_pack

PACK = load_pack()


def test_two_workers_give_the_same_report_as_one(province: Path) -> None:
    one = run_process("check", province, "--no-cache", "-j", "1", "-v", "--format", "json")
    two = run_process("check", province, "--no-cache", "-j", "2", "-v", "--format", "json")

    assert one.returncode == two.returncode == 1, two.stderr
    assert "15 个案例：0 个来自缓存，15 个已检查（1 个进程）" in one.stderr
    assert "15 个案例：0 个来自缓存，15 个已检查（2 个进程）" in two.stderr
    first, second = json.loads(one.stdout), json.loads(two.stdout)
    assert [c["id"] for c in second["cases"]] == CASE_IDS
    assert second == first


def _bad_batch(root: Path) -> Path:
    """Five cases; one holds a damaged .docx, one an empty Markdown file."""
    for name, source in (
        ("01-正常", "02-南屏发布短视频矩阵/南屏发布短视频矩阵.md"),
        ("02-正常", "05-云渡乡村账号矩阵/云渡乡村账号矩阵.md"),
        ("04-正常", "08-南屏早知道/南屏早知道.md"),
    ):
        (root / name).mkdir(parents=True)
        (root / name / "案例.md").write_text(example(source), encoding="utf-8")
    (root / "03-损坏").mkdir()
    (root / "03-损坏" / "案例.docx").write_bytes(b"PK\x03\x04" + os.urandom(2000))
    (root / "05-空文件").mkdir()
    (root / "05-空文件" / "综合材料.md").write_bytes(b"")
    (root / "05-空文件" / "详细材料.md").write_text(
        example("10-白石应急广播网格/白石应急广播网格-详细材料.md"), encoding="utf-8"
    )
    return root


def test_a_bad_file_fails_only_its_case(tmp_path: Path) -> None:
    root = _bad_batch(tmp_path / "汇总")

    result = run_process("check", root, "--no-cache", "-j", "2", "-v", "--format", "json")

    assert result.returncode == 1, result.stderr
    assert "（2 个进程）" in result.stderr
    report = json.loads(result.stdout)
    cases = {c["id"]: c for c in report["cases"]}
    assert list(cases) == ["01-正常", "02-正常", "03-损坏", "04-正常", "05-空文件"]

    broken = cases["03-损坏"]
    assert [(f["rule"], f["severity"]) for f in broken["findings"]] == [
        ("unreadable-file", "error")
    ]
    assert broken["findings"][0]["message"].startswith("无法读取 案例.docx：")
    assert broken["verdict"] == "fail"
    empty = cases["05-空文件"]
    unreadable = [f for f in empty["findings"] if f["rule"] == "unreadable-file"]
    assert [f["message"] for f in unreadable] == ["无法读取 综合材料.md：文件是空的（0 字节）"]
    assert empty["parts"]["detailed"]["words"] > 0  # the readable part is still checked
    for name in ("01-正常", "02-正常", "04-正常"):
        case = cases[name]
        assert case["parts"]["summary"]["words"] > 0 and case["parts"]["detailed"]["words"] > 0
        assert not [f for f in case["findings"] if f["rule"] == "unreadable-file"]


@pytest.mark.parametrize(
    "jobs",
    [
        1,
        pytest.param(
            2,
            marks=pytest.mark.skipif(
                multiprocessing.get_start_method() != "fork",
                reason="the patched check reaches workers only when they are forked",
            ),
        ),
    ],
)
def test_a_case_that_trips_a_bug_fails_alone_and_is_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    import caselint.checks.metadata_missing as module

    original = module.check

    def crash_on_one(ctx):
        if ctx.case.input.id == "02-正常":
            raise RuntimeError("planted bug")
        yield from original(ctx)

    monkeypatch.setattr(module, "check", crash_on_one)
    root = _bad_batch(tmp_path / "汇总")
    inputs = discover([root], PACK)
    cache = Cache(tmp_path / "cache")
    stats = RunStats()

    # Forked workers inherit the planted bug (a fork server would start them clean).
    fork = multiprocessing.get_context("fork")
    results = run_cases(
        inputs, Settings(pack=PACK), jobs=jobs, cache=cache, stats=stats, mp_context=fork
    )

    assert (stats.checked, stats.workers) == (5, jobs)
    by_id = {r.id: r for r in results}
    assert list(by_id) == ["01-正常", "02-正常", "03-损坏", "04-正常", "05-空文件"]
    (crash,) = by_id["02-正常"].findings
    assert crash.rule == "internal-error"
    assert crash.message == (
        "检查该案例时发生内部错误（RuntimeError('planted bug')），其他案例照常检查；请报告此问题"
    )
    assert by_id["02-正常"].verdict == "fail"
    assert by_id["01-正常"].parts["summary"] is not None
    # Two entries: the crash is reported, never remembered; nor are the two unreadable
    # files (a file unreadable today may read tomorrow).
    assert len([p for p in (tmp_path / "cache").rglob("*.json")]) == 2
    monkeypatch.setattr(module, "check", original)
    again = RunStats()
    run_cases(inputs, Settings(pack=PACK), jobs=1, cache=cache, stats=again)
    assert (again.cached, again.checked) == (2, 3)


def _four_cases(root: Path) -> Path:
    sources = (
        "02-南屏发布短视频矩阵/南屏发布短视频矩阵.md",
        "05-云渡乡村账号矩阵/云渡乡村账号矩阵.md",
        "06-跟着节气看东湖/跟着节气看东湖.md",
        "08-南屏早知道/南屏早知道.md",
    )
    for number, source in enumerate(sources, start=1):
        folder = root / f"0{number}"
        folder.mkdir(parents=True)
        (folder / "案例.md").write_text(example(source), encoding="utf-8")
        write_toml(folder / "case.toml", {"类别": "新媒体平台建设"})
    return root


def _stderr_on_a_terminal(*args: str | Path, env: dict[str, str] | None = None) -> str:
    """Run caselint with stderr on a pseudo-terminal; what it wrote there."""
    pty = pytest.importorskip("pty", reason="pseudo-terminals are POSIX-only")
    master, slave = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "CI"}
    environment.update({"TERM": "xterm-256color", "COLUMNS": "100"}, **(env or {}))
    process = subprocess.Popen(
        [sys.executable, "-m", "caselint", *map(str, args)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,  # a full stdout pipe would block the child
        stderr=slave,
        env=environment,
    )
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=60)
    os.close(master)
    assert process.returncode in (0, 1)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    root = _four_cases(tmp_path / "汇总")
    common = ("check", root, "--no-cache", "-j", "2", "-v", "--format", "json")

    on_terminal = _stderr_on_a_terminal(*common)
    quiet = _stderr_on_a_terminal(*common, "--quiet")
    in_ci = _stderr_on_a_terminal(*common, env={"CI": "true"})
    piped = run_process(*common)

    summary = "4 个案例：0 个来自缓存，4 个已检查（2 个进程）"
    assert "检查中" in on_terminal and summary in on_terminal
    for stderr in (quiet, in_ci, piped.stderr):
        assert stderr.strip() == summary  # the --verbose line, and no bar


def test_a_case_is_judged_the_same_whatever_was_checked_before(tmp_path: Path) -> None:
    """jieba's vocabulary is complete before the first case, not grown category by category."""
    from support.cases import compliant

    first = tmp_path / "a-production"
    second = tmp_path / "b-platform"
    first.mkdir()
    second.mkdir()
    (first / "draft.md").write_text(compliant("production"), encoding="utf-8")
    text = compliant("platform").replace(
        "# 详细材料\n",
        "# 详细材料\n\n" + "项目对行业产生积极影响，持续产生积极影响。" * 40 + "\n",
        1,
    )
    (second / "draft.md").write_text(text, encoding="utf-8")

    def findings_of_b(*paths: Path) -> list[tuple[str, str]]:
        run = run_process("check", "--no-cache", "-j", "1", "-f", "json", *paths)
        report = json.loads(run.stdout)
        (case,) = [c for c in report["cases"] if c["id"].endswith("b-platform")]
        return sorted((f["rule"], f["message"]) for f in case["findings"])

    assert findings_of_b(second) == findings_of_b(first, second)


def test_a_case_that_kills_its_worker_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker process that dies (a crash in C code, the OOM killer) costs one case, not the run."""
    import os

    import caselint.checks.metadata_missing as module

    original = module.check

    def die_on_one(ctx):
        if ctx.case.input.id == "02-正常":
            os._exit(3)
        yield from original(ctx)

    monkeypatch.setattr(module, "check", die_on_one)
    inputs = discover([_bad_batch(tmp_path / "汇总")], PACK)
    cache = Cache(tmp_path / "cache")
    fork = multiprocessing.get_context("fork")
    results = run_cases(inputs, Settings(pack=PACK), jobs=2, cache=cache, mp_context=fork)

    by_id = {r.id: r for r in results}
    assert list(by_id) == ["01-正常", "02-正常", "03-损坏", "04-正常", "05-空文件"]
    assert [f.rule for f in by_id["02-正常"].findings] == ["internal-error"]
    assert by_id["02-正常"].verdict == "fail"
    assert by_id["01-正常"].parts["summary"] is not None
    assert by_id["04-正常"].parts["summary"] is not None
    # Only the two readable, normally checked cases are remembered: not the dead one, and not
    # the unreadable ones (a file unreadable today may read tomorrow).
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 2

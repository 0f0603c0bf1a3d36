"""Attacks 2, 3 and 5: files that are not files, YAML that explodes, links that loop.

A FIFO named ``x.md`` blocked ``check`` (cache on) in the cache key and ``pack`` in the input
hashing forever; a symlink ``z.md → /dev/zero`` ate memory; a kilobyte of nested YAML aliases
took minutes and gigabytes; a symlink loop in a batch folder aborted ``check`` with 内部错误.
Each now becomes an ``unreadable-file`` finding (or a metadata error) within seconds, the rest
of the batch is checked, and nothing in the folder changes. Runs are child processes with a
time limit, so a regression fails the test instead of hanging the suite.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hostile import case_folder, caselint, draft, isolated, no_internal_error, snapshot

from support.cases import body

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
needs_symlinks = pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """汇总/ with two compliant cases, A and B; A's case.toml makes all of A one case."""
    a = case_folder(tmp_path / "汇总" / "A", 案例名称="甲案例")
    (a / "case.toml").write_text('"联系人" = "周晓岚"\n', encoding="utf-8")
    case_folder(tmp_path / "汇总" / "B", "service", 案例名称="乙案例")
    return tmp_path / "汇总"


@needs_fifo
def test_a_fifo_is_an_unreadable_file_with_the_cache_on(batch: Path, tmp_path: Path) -> None:
    os.mkfifo(batch / "A" / "x.md")
    before = snapshot(batch)

    run = isolated("check", batch, "--cache-dir", tmp_path / "cache", "--format", "json")

    assert run.code == 1, run.output
    verdicts = {case["id"]: case["verdict"] for case in json.loads(run.stdout)["cases"]}
    assert verdicts == {"A": "fail", "B": "pass"}
    (unreadable,) = [
        f for c in json.loads(run.stdout)["cases"] for f in c["findings"] if f["code"] == "F001"
    ]
    assert unreadable["file"].endswith("x.md") and "不是普通文件" in unreadable["message"]
    no_internal_error(run)
    assert run.seconds < 60
    assert snapshot(batch) == before


@needs_fifo
def test_pack_refuses_a_case_holding_a_fifo(batch: Path, tmp_path: Path) -> None:
    os.mkfifo(batch / "A" / "x.md")
    before = snapshot(batch)

    run = isolated("pack", batch / "A", "-o", tmp_path / "上传", "--force")

    assert run.code == 1, run.output
    assert "未打包" in run.stderr
    no_internal_error(run)
    assert not (tmp_path / "上传").exists()
    assert snapshot(batch) == before


@needs_symlinks
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_never_followed(batch: Path, tmp_path: Path) -> None:
    (batch / "A" / "z.md").symlink_to("/dev/zero")
    before = snapshot(batch)

    run = isolated("check", batch / "A", "--cache-dir", tmp_path / "cache", "--lang", "en")

    assert run.code == 1, run.output
    assert "F001 unreadable-file" in run.stdout
    assert "z.md" in run.stdout and "outside the case folder" in run.stdout
    no_internal_error(run)
    assert run.seconds < 60
    assert snapshot(batch) == before


@needs_symlinks
@pytest.mark.parametrize("command", ["check", "count"])
def test_a_symlink_loop_fails_its_file_alone(batch: Path, command: str) -> None:
    (batch / "A" / "x.md").symlink_to("x.md")
    before = snapshot(batch)

    run = caselint(command, batch, *(["--no-cache"] if command == "check" else []))

    assert run.code == 1, run.output
    assert "符号链接指向自身或形成循环" in run.stdout
    assert "乙案例" in run.stdout or "B" in run.stdout  # the other case is still there
    no_internal_error(run)
    assert snapshot(batch) == before


@needs_symlinks
def test_pack_batch_with_a_symlink_loop_packs_the_other_case(batch: Path, tmp_path: Path) -> None:
    (batch / "A" / "x.md").symlink_to("x.md")
    before = snapshot(batch)

    run = caselint("pack", batch, "--batch", "-o", tmp_path / "上传")

    assert run.code == 1, run.output  # A is recommended and not packed
    assert "乙案例" in run.stdout
    assert (tmp_path / "上传" / "推荐汇总.xlsx").is_file()
    no_internal_error(run)
    assert snapshot(batch) == before


def _alias_bomb(levels: int = 9) -> str:
    """A kilobyte of YAML whose aliases expand to 9**9 (387 million) items."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("where", ["front matter", "case.yaml"])
def test_a_yaml_alias_bomb_is_refused_quickly(tmp_path: Path, where: str) -> None:
    case = tmp_path / "案例"
    case.mkdir()
    bomb = _alias_bomb()
    assert len(bomb) < 1024
    if where == "front matter":
        (case / "案例.md").write_text(f"---\n{bomb}---\n{body(draft())}", encoding="utf-8")
    else:
        (case / "案例.md").write_text(body(draft()), encoding="utf-8")
        (case / "case.yaml").write_text(bomb, encoding="utf-8")
    before = snapshot(case)

    run = isolated("check", case, "--no-cache", "--format", "json")

    assert run.code in (0, 1), run.output
    (metadata,) = [
        f
        for c in json.loads(run.stdout)["cases"]
        for f in c["findings"]
        if f["code"] == "F003" and "aliases" in f["message"]
    ]
    assert where != "case.yaml" or "case.yaml" in metadata["message"]
    no_internal_error(run)
    assert run.seconds < 60
    assert snapshot(case) == before


def test_deeply_nested_yaml_is_a_metadata_error(tmp_path: Path) -> None:
    case = tmp_path / "案例"
    case.mkdir()
    nested = "[" * 1000 + "]" * 1000
    (case / "案例.md").write_text(f"---\n案例名称: {nested}\n---\n{body(draft())}", "utf-8")

    run = caselint("check", case, "--no-cache", "--format", "json")

    assert run.code in (0, 1), run.output
    assert "nested deeper than" in run.stdout
    no_internal_error(run)

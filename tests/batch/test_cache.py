"""The content-hash cache: re-runs are served from it; what decides a result (config, metadata,
draft bytes, rule pack) invalidates exactly the entries concerned; mtime does not; two runs may
share it; a damaged entry is recomputed; ``--no-cache`` writes nothing."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from batch_cli import cli
from province_folder import chinese_metadata, example, write_toml

from caselint.cache import Cache

SMALL = {
    "01-东湖新闻客户端": ["东湖新闻客户端-综合材料.md", "东湖新闻客户端-详细材料.md"],
    "02-南屏发布短视频矩阵": ["南屏发布短视频矩阵.md"],
    "06-跟着节气看东湖": ["跟着节气看东湖.md"],
    "09-桑榆帮办": ["桑榆帮办.md"],
}
_STATS = re.compile(
    r"(\d+) 个案例：(\d+) 个来自缓存，(\d+) 个已检查|(\d+) case\(s\): (\d+) from cache, (\d+) checked"
)


def build_small(root: Path) -> Path:
    """Four Markdown cases with case.toml, in a project whose config sits above them."""
    for case_id, names in SMALL.items():
        (root / case_id).mkdir(parents=True)
        for name in names:
            (root / case_id / name).write_text(example(f"{case_id}/{name}"), encoding="utf-8")
        write_toml(root / case_id / "case.toml", chinese_metadata(case_id))
    return root


@pytest.fixture
def project(tmp_path: Path) -> dict[str, Path]:
    return {
        "root": tmp_path,
        "cases": build_small(tmp_path / "东湖省"),
        "cache": tmp_path / "cache",
    }


def checked(project: dict[str, Path], *extra: str | Path) -> tuple[int, int, dict[str, Any]]:
    """(cached, checked, report) of one in-process run sharing the project's cache."""
    result = cli(
        "check",
        project["cases"],
        "--cache-dir",
        project["cache"],
        "--verbose",
        "--jobs",
        "1",
        "--format",
        "json",
        *extra,
    )
    assert result.exit_code in (0, 1), result.stderr
    (match,) = [m for line in result.stderr.splitlines() if (m := _STATS.search(line))]
    total, cached, fresh = (int(g) for g in match.groups() if g is not None)
    assert total == cached + fresh == 4
    return cached, fresh, json.loads(result.stdout)


def entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*") if p.is_file())


def test_a_rerun_is_served_from_the_cache(project: dict[str, Path]) -> None:
    cold = checked(project)
    warm = checked(project)

    assert cold[:2] == (0, 4)
    assert warm[:2] == (4, 0)
    assert warm[2] == cold[2]
    files = entries(project["cache"])
    assert len(files) == 4
    assert all(
        re.fullmatch(r"[0-9a-f]{64}\.json", p.name) and p.parent.name == p.name[:2] for p in files
    )


def test_touching_files_without_changing_bytes_keeps_the_cache(project: dict[str, Path]) -> None:
    checked(project)
    for path in project["cases"].rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))

    assert checked(project)[:2] == (4, 0)


def test_a_changed_draft_is_rechecked_alone(project: dict[str, Path]) -> None:
    _, _, before = checked(project)
    draft = project["cases"] / "02-南屏发布短视频矩阵" / "南屏发布短视频矩阵.md"
    draft.write_text(draft.read_text("utf-8") + "\n补充一句。\n", encoding="utf-8")

    cached, fresh, after = checked(project)

    assert (cached, fresh) == (3, 1)
    words = {c["id"]: c["parts"]["detailed"]["words"] for c in after["cases"]}
    old = {c["id"]: c["parts"]["detailed"]["words"] for c in before["cases"]}
    assert words["02-南屏发布短视频矩阵"] == old["02-南屏发布短视频矩阵"] + 5
    assert checked(project)[:2] == (4, 0)


def test_a_changed_metadata_file_is_rechecked_alone(project: dict[str, Path]) -> None:
    checked(project)
    write_toml(
        project["cases"] / "06-跟着节气看东湖" / "case.toml",
        chinese_metadata("06-跟着节气看东湖", 联系人=None),
    )

    cached, fresh, report = checked(project)

    assert (cached, fresh) == (3, 1)
    (case,) = [c for c in report["cases"] if c["id"] == "06-跟着节气看东湖"]
    assert "contact" not in case["metadata"]
    assert [f["message"] for f in case["findings"] if f["rule"] == "metadata-missing"] == [
        "案例信息缺少：联系人（填写申请表和打包上传时需要）"
    ]


def test_a_new_metadata_file_beside_a_case_is_seen(project: dict[str, Path]) -> None:
    case = project["cases"] / "09-桑榆帮办"
    (case / "case.toml").unlink()
    _, _, before = checked(project)
    write_toml(case / "case.toml", chinese_metadata("09-桑榆帮办"))

    cached, fresh, after = checked(project)

    assert (cached, fresh) == (3, 1)
    meta = {c["id"]: c["metadata"] for c in after["cases"]}
    old = {c["id"]: c["metadata"] for c in before["cases"]}["09-桑榆帮办"]
    assert "unit" not in old and "contact" not in old  # only the title and path gave values
    assert meta["09-桑榆帮办"]["unit"] == "桑榆县融媒体中心"


@pytest.mark.parametrize(
    "config",
    [
        '[tool.caselint]\nignore = ["category-focus"]\n',
        '[tool.caselint]\ncount-scope = "main"\n',
        '[tool.caselint]\nlang = "en"\n',
    ],
)
def test_a_changed_config_invalidates_every_entry(project: dict[str, Path], config: str) -> None:
    checked(project)
    pyproject = project["root"] / "pyproject.toml"
    pyproject.write_text(config, encoding="utf-8")

    changed = checked(project)
    assert changed[:2] == (0, 4)
    assert checked(project)[:2] == (4, 0)

    pyproject.unlink()
    assert checked(project)[:2] == (4, 0)  # the first config's entries are still there


def test_ignore_from_config_changes_the_cached_results(project: dict[str, Path]) -> None:
    write_toml(
        project["cases"] / "09-桑榆帮办" / "case.toml",
        chinese_metadata("09-桑榆帮办", 联系电话=None),
    )

    def rules(report: dict[str, Any]) -> list[str]:
        return [f["rule"] for c in report["cases"] for f in c["findings"]]

    assert rules(checked(project)[2]).count("metadata-missing") == 1
    (project["root"] / "pyproject.toml").write_text(
        '[tool.caselint]\nignore = ["metadata-missing"]\n', encoding="utf-8"
    )
    cached, fresh, ignored = checked(project)
    assert (cached, fresh) == (0, 4)
    assert "metadata-missing" not in rules(ignored)


def test_a_rule_pack_overlay_invalidates_and_its_edits_too(project: dict[str, Path]) -> None:
    checked(project)
    overlay = project["root"] / "东湖省规则.toml"
    overlay.write_text(
        'extends = "nrta-2025"\n\n[pack]\nid = "nrta-2025-dh"\nversion = "1"\n\n'
        "[parts.summary]\nlimit = 900\n",
        encoding="utf-8",
    )

    cached, fresh, report = checked(project, "--rules", overlay)
    assert (cached, fresh) == (0, 4)
    assert {c["parts"]["summary"]["limit"] for c in report["cases"]} == {900}
    assert checked(project, "--rules", overlay)[:2] == (4, 0)

    overlay.write_text(overlay.read_text("utf-8").replace("900", "800"), encoding="utf-8")
    cached, fresh, report = checked(project, "--rules", overlay)
    assert (cached, fresh) == (0, 4)
    assert {c["parts"]["summary"]["limit"] for c in report["cases"]} == {800}


def test_a_damaged_entry_is_recomputed_and_repaired(project: dict[str, Path]) -> None:
    checked(project)
    damaged = entries(project["cache"])
    damaged[0].write_bytes(b'{"id": "truncated')
    damaged[1].write_bytes(b"")
    damaged[2].write_text(json.dumps({"id": "x"}), encoding="utf-8")  # valid JSON, not a result

    cached, fresh, _ = checked(project)

    assert (cached, fresh) == (1, 3)
    for path in entries(project["cache"]):
        assert Cache(project["cache"]).get(path.stem) is not None
    assert checked(project)[:2] == (4, 0)


def test_no_cache_reads_and_writes_nothing(project: dict[str, Path], tmp_path: Path) -> None:
    user_cache = Path(os.environ["XDG_CACHE_HOME"])
    checked(project)  # a filled cache that --no-cache must not use
    result = cli(
        "check", project["cases"], "--no-cache", "--cache-dir", tmp_path / "other", "-v", "-j", "1"
    )
    assert "4 个案例：0 个来自缓存，4 个已检查" in result.stderr
    assert not (tmp_path / "other").exists()
    result = cli("check", project["cases"], "--no-cache", "-v", "-j", "1")
    assert "0 个来自缓存" in result.stderr
    assert list(user_cache.rglob("*")) == []


def test_the_default_cache_lives_in_the_user_cache_dir(project: dict[str, Path]) -> None:
    user_cache = Path(os.environ["XDG_CACHE_HOME"]) / "caselint"
    for expected in ("0 个来自缓存，4 个已检查", "4 个来自缓存，0 个已检查"):
        result = cli("check", project["cases"], "-v", "-j", "1", "-q")
        assert expected in result.stderr
    assert len(entries(user_cache)) == 4


def test_two_runs_sharing_a_cache_both_succeed(tmp_path: Path) -> None:
    cases = tmp_path / "收件"  # a folder named for no province: the cases agree on one
    build_small(cases)
    for i in range(4):  # eight cases, so both runs write while the other one does
        source = cases / "02-南屏发布短视频矩阵"
        copy = cases / f"2{i}-副本案例{i}"
        copy.mkdir()
        text = (source / "南屏发布短视频矩阵.md").read_text("utf-8")
        (copy / "案例.md").write_text(text + f"\n第{i}份。\n", encoding="utf-8")
    cache = tmp_path / "shared-cache"
    command = [sys.executable, "-m", "caselint", "check", str(cases), "--cache-dir", str(cache)]
    command += ["--format", "json", "-j", "1", "-q"]
    env = {k: v for k, v in os.environ.items() if k != "CI"}

    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]

    codes = [run.returncode for run in runs]
    assert codes[0] == codes[1] in (0, 1), [err.decode() for _, err in outputs]
    first, second = (json.loads(out) for out, _ in outputs)
    assert first == second
    files = entries(cache)
    # eight cases; the four copies state no province, so each is also checked (and cached)
    # with the province the folder's other cases agree on
    assert len(files) == 12
    assert not [p for p in files if not p.name.endswith(".json") or p.name.startswith(".")]
    for path in files:
        assert Cache(cache).get(path.stem) is not None

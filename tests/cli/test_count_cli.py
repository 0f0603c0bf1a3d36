"""``caselint count``: the JSON shape (stable API), parts, folders and the table."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from caselint.cli.app import app
from support.inputs import write_docx

COUNTS_KEYS = {
    "words",
    "cjk_chars",
    "non_cjk_words",
    "chars_no_spaces",
    "chars_with_spaces",
    "paragraphs",
    "inclusive",
}
FINDING_KEYS = {
    "rule",
    "code",
    "severity",
    "message",
    "file",
    "part",
    "element",
    "dimension",
    "excerpt",
    "location",
    "suggestion",
}
LOCATION_KEYS = {
    "paragraph",
    "line",
    "table",
    "row",
    "cell",
    "start",
    "end",
    "heading",
    "part_paragraph",
}

ONE_FILE = """\
# 某县融媒体中心“看见”客户端建设

## 一、综合材料

本案例介绍了县级融媒体中心的建设情况。

## 二、详细材料

1. 用户规模增长35.6%。
2. 日活跃用户12万。
"""


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


def _json(*args: str) -> tuple[int, dict[str, Any]]:
    code, out = _invoke("count", "--format", "json", *args)
    return code, json.loads(out)


def _check_counts(counts: dict[str, Any], *, nested: bool = True) -> None:
    assert set(counts) == COUNTS_KEYS
    for key in COUNTS_KEYS - {"inclusive"}:
        assert isinstance(counts[key], int) and counts[key] >= 0
    if counts["inclusive"] is not None:
        assert nested, "inclusive figures never nest"
        _check_counts(counts["inclusive"], nested=False)
        assert counts["inclusive"]["inclusive"] is None


def _check_shape(report: dict[str, Any]) -> None:
    assert set(report) == {"files"}
    for entry in report["files"]:
        assert set(entry) == {"path", "encoding", "parts", "total", "findings"}
        assert isinstance(entry["path"], str)
        assert entry["encoding"] is None or isinstance(entry["encoding"], str)
        assert set(entry["parts"]) == {"summary", "detailed"}
        for part in entry["parts"].values():
            if part is not None:
                _check_counts(part)
        _check_counts(entry["total"])
        for finding in entry["findings"]:
            # Later issues add keys (``excerpt_offset``, ``cases``); none may disappear.
            assert set(finding) >= FINDING_KEYS
            assert finding["severity"] in ("error", "warning", "info")
            assert set(finding["location"]) == LOCATION_KEYS


def test_json_shape_for_every_kind_of_file(tmp_path: Path) -> None:
    markdown = tmp_path / "案例.md"
    markdown.write_text(ONE_FILE, encoding="utf-8")
    text = tmp_path / "案例详细材料.txt"
    text.write_text("正文", encoding="utf-8")
    document = write_docx(tmp_path / "案例综合材料.docx", ["综合材料正文"])
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"not a zip")
    code, report = _json(str(markdown), str(text), str(document), str(broken))
    assert code == 1
    _check_shape(report)
    assert [f["encoding"] for f in report["files"]] == ["UTF-8", "UTF-8", None, None]
    assert report["files"][3]["findings"][0]["location"] == dict.fromkeys(LOCATION_KEYS)


def test_json_is_utf8_without_escapes(tmp_path: Path) -> None:
    """Through a real process: the bytes on stdout are UTF-8 JSON, Chinese left readable."""
    path = tmp_path / "案例.md"
    path.write_text(ONE_FILE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CASELINT_LANG"}
    env["PYTHONIOENCODING"] = "gbk"  # a Chinese Windows console: JSON must stay UTF-8
    result = subprocess.run(
        [sys.executable, "-m", "caselint", "count", "--format", "json", path.name],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    text = result.stdout.decode("utf-8")  # raises if not UTF-8
    assert "案例.md" in text and "\\u" not in text
    report = json.loads(text)
    _check_shape(report)


def test_parts_from_headings_inside_one_file(tmp_path: Path) -> None:
    path = tmp_path / "案例.md"
    path.write_text(ONE_FILE, encoding="utf-8")
    code, report = _json(str(path))
    assert code == 0
    (entry,) = report["files"]
    summary, detailed = entry["parts"]["summary"], entry["parts"]["detailed"]
    assert summary["words"] == 19 and summary["paragraphs"] == 1
    # 用户规模增长 35.6% 。 (8) + 日活跃用户 12 万 。 (8); the labels 1. 2. only inclusively
    assert detailed["words"] == 16 and detailed["paragraphs"] == 2
    assert detailed["inclusive"]["words"] == 18
    assert summary["inclusive"] is None
    # The total also holds the title and the two marker headings.
    title = len("某县融媒体中心“看见”客户端建设")
    assert entry["total"]["words"] == title + 6 + 6 + 19 + 16
    assert entry["total"]["inclusive"]["words"] == entry["total"]["words"] + 2


def test_parts_from_bold_lines_in_a_docx(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "案例.docx",
        ["案例标题", "一、综合材料", "综合内容。", "二、详细材料", "详细内容，共九个字。"],
    )
    code, report = _json(str(path))
    assert code == 0
    parts = report["files"][0]["parts"]
    assert parts["summary"]["words"] == 5
    assert parts["detailed"]["words"] == 10


@pytest.mark.parametrize(
    ("name", "part"),
    [
        ("某台综合材料.md", "summary"),
        ("某台案例_详细材料.txt", "detailed"),
        ("XX综合材料.docx", "summary"),
    ],
)
def test_part_from_file_name(tmp_path: Path, name: str, part: str) -> None:
    path = tmp_path / name
    if path.suffix == ".docx":
        write_docx(path, ["正文内容"])
    else:
        path.write_text("正文内容\n", encoding="utf-8")
    code, report = _json(str(path))
    assert code == 0
    parts = report["files"][0]["parts"]
    assert parts[part]["words"] == 4
    other = "detailed" if part == "summary" else "summary"
    assert parts[other] is None


def test_no_part_found(tmp_path: Path) -> None:
    path = tmp_path / "草稿.md"
    path.write_text("正文内容\n", encoding="utf-8")
    _, report = _json(str(path))
    assert report["files"][0]["parts"] == {"summary": None, "detailed": None}
    assert report["files"][0]["total"]["words"] == 4


def test_folder_counts_its_drafts_and_skips_locks_and_hidden_files(tmp_path: Path) -> None:
    folder = tmp_path / "案例"
    (folder / "子目录").mkdir(parents=True)
    (folder / ".git").mkdir()
    write_docx(folder / "综合材料.docx", ["综合"])
    (folder / "详细材料.md").write_text("详细\n", encoding="utf-8")
    (folder / "子目录" / "附件.txt").write_text("附件\n", encoding="utf-8")
    (folder / "~$综合材料.docx").write_bytes(b"\x0cowner" + b"\0" * 150)  # Word's lock file
    (folder / ".~lock.详细材料.md#").write_text("lock", encoding="utf-8")
    (folder / ".隐藏.md").write_text("隐藏\n", encoding="utf-8")
    (folder / ".git" / "说明.md").write_text("不该读\n", encoding="utf-8")
    (folder / "图片.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    code, report = _json(str(folder))
    assert code == 0
    names = [Path(f["path"]).relative_to(folder).as_posix() for f in report["files"]]
    assert names == ["综合材料.docx", "详细材料.md", "子目录/附件.txt"]
    assert all(f["findings"] == [] for f in report["files"])


def test_missing_path_exit_2_names_it() -> None:
    result = CliRunner().invoke(app, ["count", "没有这个文件夹"])
    assert result.exit_code == 2
    assert "路径不存在：没有这个文件夹" in result.stderr


def test_table_output_in_chinese_and_english(tmp_path: Path) -> None:
    path = tmp_path / "案例.md"
    path.write_text(ONE_FILE, encoding="utf-8")
    code, out = _invoke("count", str(path))
    assert code == 0
    assert f"{path}  (UTF-8)" in out
    for header in ("部分", "字数", "含编号等¹", "上限", "中文字符", "非中文词", "段落"):
        assert header in out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip()}
    assert rows["综合材料"][:3] == ["19", "19", "1000"]
    assert rows["详细材料"][:3] == ["16", "18", "5000"]
    assert "…" not in out  # nothing cut at 80 columns
    code, out = _invoke("count", "--lang", "en", str(path))
    assert code == 0
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip()}
    assert rows["summary"][:3] == ["19", "19", "1000"]
    assert "limits apply to the inclusive count" in out


def test_file_names_with_brackets_print_as_they_are(tmp_path: Path) -> None:
    """Rich markup must not eat "[draft]" from a file name or a finding."""
    good = tmp_path / "[draft]案例.md"
    good.write_text("正文", encoding="utf-8")
    bad = tmp_path / "[bold]空.md"
    bad.write_bytes(b"")
    code, out = _invoke("count", str(good), str(bad))
    assert code == 1
    assert "[draft]案例.md  (UTF-8)" in out
    assert "无法读取 [bold]空.md：文件是空的" in out


def test_a_long_finding_stays_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / ("很长的文件名" * 8 + ".docx")
    path.write_text("不是 zip", encoding="utf-8")
    code, out = _invoke("count", str(path))
    assert code == 1
    (line,) = [x for x in out.splitlines() if x.startswith("F001")]
    assert line.endswith("请用 Word/WPS 打开后另存为 .docx")


def test_an_unexpected_reader_failure_is_a_finding_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashing = tmp_path / "触发错误.md"
    crashing.write_text("会出错", encoding="utf-8")
    fine = tmp_path / "正常.txt"
    fine.write_text("正常内容", encoding="utf-8")
    import caselint.readers.markdown

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("reader bug")

    monkeypatch.setattr(caselint.readers.markdown, "read_markdown_text", boom)
    code, report = _json(str(crashing), str(fine))
    assert code == 1
    first, second = report["files"]
    (finding,) = first["findings"]
    assert finding["code"] == "F001"
    assert "内部错误" in finding["message"] and "reader bug" in finding["message"]
    assert "--debug" in finding["message"]
    assert second["total"]["words"] == 4

    result = CliRunner().invoke(app, ["count", "--debug", str(crashing)])
    assert isinstance(result.exception, RuntimeError)

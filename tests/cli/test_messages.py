"""What the commands say, as a station editor reads it: click's usage errors and help in Chinese
(English with ``--lang en``), help wrapped rather than cut, library errors as Chinese causes,
paths relative to the working folder, places counted within the part under a quoted heading,
and metadata advice for the kind of file at hand."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from caselint.cli.app import app
from support.cases import build_docx_case, compliant, with_front_matter


def cli(*args: str | Path) -> object:
    return CliRunner().invoke(app, [str(a) for a in args])


#: The installed ``caselint`` command beside this Python (its usage line says ``caselint``).
SCRIPT = shutil.which("caselint", path=str(Path(sys.executable).parent)) or "caselint"


def run(*args: str, columns: int = 80) -> subprocess.CompletedProcess[str]:
    """``python -m caselint ARGS`` in a terminal ``columns`` wide."""
    env = {k: v for k, v in os.environ.items() if k not in ("CASELINT_LANG", "CI")}
    env.update(COLUMNS=str(columns), TERMINAL_WIDTH=str(columns), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [SCRIPT, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


# -- usage errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ["check", "x.md", "--formt", "json"],
            "没有这个选项：--formt（是否要用：--format、--report）",
            "No such option: --formt (Possible options: --format, --report)",
        ),
        (["check"], "缺少参数 PATHS", "Missing argument"),
        (
            ["check", "x.md", "-f", "xml"],
            "--format / -f 的值无效：“xml”不是可选值（text、json、junit、sarif、github）",
            "Invalid value for '--format' / '-f'",
        ),
        (["check", "x.md", "-j", "0"], "--jobs / -j 的值无效：0 不在范围 x>=1 内", "x>=1"),
        (["chek", "x.md"], "没有这个命令：chek（可用命令：annotate、check", "No such command"),
        (["--bogus"], "没有这个选项：--bogus", "No such option: --bogus"),
    ],
)
def test_usage_errors_in_chinese_and_in_english(args: list[str], zh: str, en: str) -> None:
    chinese = cli(*args)
    assert chinese.exit_code == 2
    assert zh in chinese.stderr
    assert "用法：caselint" in chinese.stderr and "查看帮助" in chinese.stderr
    assert not re.search(r"No such|Missing|Invalid|Usage|Try '", chinese.stderr), chinese.stderr

    english = cli(*args, "--lang", "en")
    assert english.exit_code == 2
    assert en in english.stderr
    assert "Usage: caselint" in english.stderr and "用法" not in english.stderr


def test_a_misspelt_option_as_a_person_sees_it() -> None:
    result = run("check", "草稿.docx", "--formt", "json")
    assert result.returncode == 2
    assert result.stderr.splitlines()[:2] == [
        "用法：caselint check [选项] PATHS...",
        "运行 'caselint check -h' 查看帮助。",
    ]
    assert "╭─ 错误 ─" in result.stderr


# -- help ------------------------------------------------------------------------------------


def _help_column(text: str) -> str:
    """The option panel's text, borders dropped, lines joined (what a person reads)."""
    return "".join(line.strip("│ ").replace(" ", "") for line in text.splitlines())


@pytest.mark.parametrize("command", ["check", "pack", "annotate", "count", "new", "verify"])
def test_help_is_chinese_and_wrapped_not_cut_at_80_columns(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "…" not in text
    assert all(cell_len(line) <= 80 for line in text.splitlines()), text
    assert "用法：caselint" in text and "[选项]" in text
    assert "╭─ 选项 ─" in text and "显示本帮助并退出" in text
    assert "Show this message" not in text and "Usage:" not in text


def test_long_option_help_is_shown_whole() -> None:
    flat = _help_column(run("check", "--help").stdout)
    whole = "同时写入文件，格式由扩展名决定（.json.sarif.xml.xlsx.csv.txt）或写成格式:路径；可重复"
    assert whole in flat
    assert "往年入选名单：编号行（1.名称（单位，类别））、CSV/制表符文本、.xlsx或.docx表格" in flat


def test_help_in_english_with_lang_en() -> None:
    result = run("check", "--help", "--lang", "en")
    assert result.returncode == 0
    assert "Usage: caselint check [OPTIONS]" in result.stdout
    assert "Showthismessageandexit." in _help_column(result.stdout)
    assert "…" not in result.stdout
    assert "显示本帮助" not in result.stdout


# -- library errors --------------------------------------------------------------------------


def _check_json(*args: str | Path) -> dict:
    result = cli("check", *args, "--no-cache", "-j", "1", "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_a_damaged_docx_is_explained_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "综合材料.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)  # a zip header and nothing after it
    (finding,) = [
        f for f in _check_json(path)["cases"][0]["findings"] if f["rule"] == "unreadable-file"
    ]
    assert "综合材料.docx：不是有效的 .docx（压缩包损坏）" in finding["message"]
    library_words = finding["message"].replace(".docx", "").replace("Word/WPS", "")
    assert not re.search(r"[A-Za-z]{3,}", library_words), finding
    english = cli("check", path, "--no-cache", "--format", "json", "--lang", "en")
    (en,) = [f for f in json.loads(english.stdout)["cases"][0]["findings"] if f["code"] == "F001"]
    assert "File is not a zip file" in en["message"]


def test_damaged_xml_inside_a_docx_names_the_line_in_chinese(tmp_path: Path) -> None:
    good = build_docx_case(compliant("service"), tmp_path / "good.docx")
    path = tmp_path / "案例.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b"</w:bod>")
            target.writestr(item, data)
    findings = _check_json(path)["cases"][0]["findings"]
    (finding,) = [f for f in findings if f["rule"] == "unreadable-file"]
    assert "XML 格式错误，第" in finding["message"] and "列" in finding["message"]
    assert "mismatch" not in finding["message"] and "line" not in finding["message"]


# -- paths -----------------------------------------------------------------------------------


def test_pack_prints_paths_relative_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "草稿.md").write_text(compliant("service"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for output in ("上传包", str(tmp_path / "上传包2")):
        result = cli("pack", "草稿.md", "-o", output)
        assert result.exit_code == 0, result.stderr
        name = Path(output).name
        lines = result.stdout.splitlines()
        assert any(line.startswith(f"  文件夹：{name}/西岭省-") for line in lines), lines
        assert any(line.startswith(f"  压缩包：{name}/西岭省-") for line in lines), lines
        assert str(tmp_path) not in result.stdout
    verified = cli("verify", "上传包")
    assert verified.exit_code == 0 and str(tmp_path) not in verified.stdout
    assert "（上传包/西岭省-" in verified.stdout


def test_a_path_outside_the_working_folder_stays_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caselint.core.fsutil import shown

    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    assert shown(tmp_path / "here" / "a" / "b.zip") == str(Path("a") / "b.zip")
    assert shown(tmp_path / "elsewhere.zip") == str(tmp_path / "elsewhere.zip")
    assert shown(Path("rel") / "x") == str(Path("rel") / "x")


# -- places ----------------------------------------------------------------------------------


def test_paragraphs_are_counted_within_the_part_under_a_quoted_heading(tmp_path: Path) -> None:
    text = compliant("service").replace(
        "江川县融媒体中心2019年3月挂牌，",
        "江川县融媒体中心打造了全国领先的县级平台。江川县融媒体中心2019年3月挂牌，",
    )
    path = build_docx_case(text, tmp_path / "案例.docx")
    report = _check_json(path)
    (finding,) = [
        f
        for f in report["cases"][0]["findings"]
        if f["rule"] == "emotive-wording" and "全国领先" in f["message"]
    ]
    location = finding["location"]
    assert finding["part"] == "detailed"
    # The file counts from its title line; the part from its own first paragraph.
    assert location["paragraph"] > 20
    # 一、服务平台总体情况, （一）县情与平台定位, 江川县位于…, then this one.
    assert location["part_paragraph"] == 4
    assert location["heading"] == "（一）县情与平台定位"
    shown = cli("check", path, "--no-cache", "-j", "1").stdout
    assert "--> 详细材料 · 第4段 · “（一）县情与平台定位”" in shown


# -- advice ----------------------------------------------------------------------------------


def _suggestion(path: Path, rule: str) -> str:
    findings = _check_json(path)["cases"][0]["findings"]
    (finding,) = [f for f in findings if f["rule"] == rule]
    return finding["suggestion"]


def test_word_users_are_told_where_in_word_to_fill_metadata(tmp_path: Path) -> None:
    text = with_front_matter(compliant("service"), 联系人=None, 联系电话=None, 类别=None)
    (tmp_path / "word").mkdir()
    word = build_docx_case(text, tmp_path / "word" / "案例.docx")
    # no category anywhere: the service text reads as 综合信息服务 (category-inferred)
    for rule in ("metadata-missing", "category-inferred"):
        advice = _suggestion(word, rule)
        assert "文件 → 信息 → 属性 → 高级属性 → 自定义" in advice, advice
        assert "front matter" not in advice and "case.toml" not in advice
        assert "在标题下另起一行写" in advice
    assert "“类别”" in _suggestion(word, "category-inferred")
    assert "“综合信息服务”" in _suggestion(word, "category-inferred")

    markdown = tmp_path / "md" / "案例.md"
    markdown.parent.mkdir()
    markdown.write_text(text, encoding="utf-8")
    advice = _suggestion(markdown, "metadata-missing")
    assert "front matter" in advice and "Word" not in advice and "case.toml" not in advice

    sidecar = tmp_path / "toml"
    sidecar.mkdir()
    (sidecar / "案例.md").write_text(text.split("---", 2)[2], encoding="utf-8")
    (sidecar / "case.toml").write_text('"案例名称" = "某案例"\n', encoding="utf-8")
    advice = _suggestion(sidecar, "metadata-missing")
    assert advice.startswith("在 case.toml 中写") and "Word" not in advice

"""Old and foreign formats (.doc, .rtf, .odt, .wps) through LibreOffice, and what happens without.

Tests marked ``needs_soffice`` run the real LibreOffice (CI installs it); the others replace it
with a small script through ``CASELINT_SOFFICE`` so the plumbing (temporary copy, output pick-up,
failure messages) is tested everywhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caselint.cli.app import app
from caselint.readers import ReadError, read_document
from caselint.readers.legacy import find_soffice
from caselint.text.count import count_blocks
from support.inputs import write_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")

PARAGRAPHS = ["本案例介绍了县级融媒体中心的建设情况。", "用户增长35.6%，日活跃用户12万。"]
HEADING = "一、综合材料"
EXPECTED_WORDS = 6 + 19 + 14

#: Hand-written RTF: 中文 as \uN escapes, 测试 as GBK bytes (\'hh), then a Latin paragraph.
RTF = (
    r"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}}"
    "\n"
    r"\uc1\pard\f0 \u20013?\u25991?\'b2\'e2\'ca\'d4\par"
    "\n"
    r"\pard Hello world\par"
    "\n}\n"
)


@pytest.fixture(autouse=True)
def _real_soffice_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test decides about CASELINT_SOFFICE itself."""
    monkeypatch.delenv("CASELINT_SOFFICE", raising=False)


def _soffice_convert(source: Path, target_format: str, outdir: Path) -> Path:
    """Use LibreOffice directly (not caselint) to make a legacy file for a test."""
    assert SOFFICE is not None
    profile = (outdir / "profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target_format,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = outdir / f"{source.stem}.{target_format}"
    assert converted.is_file()
    return converted


@pytest.fixture(scope="module")
def legacy_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A .doc and an .odt LibreOffice made from a python-docx draft, and a hand-made .rtf."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed")
    folder = tmp_path_factory.mktemp("legacy")
    source = write_docx(folder / "草稿.docx", PARAGRAPHS, heading=HEADING)
    out = folder / "out"
    out.mkdir()
    files = {suffix: _soffice_convert(source, suffix, out) for suffix in ("doc", "odt")}
    files["rtf"] = folder / "草稿.rtf"
    files["rtf"].write_text(RTF, encoding="ascii")
    return files


@needs_soffice
@pytest.mark.parametrize("suffix", ["doc", "odt"])
def test_doc_and_odt_are_converted_and_counted(
    legacy_files: dict[str, Path], suffix: str, tmp_path: Path
) -> None:
    path = tmp_path / f"案例.{suffix}"
    shutil.copyfile(legacy_files[suffix], path)
    before = path.read_bytes()
    document = read_document(path)
    assert document.converted_from == f".{suffix}"
    assert document.format == "docx"
    assert document.path == str(path)
    texts = [b.text for b in document.blocks if b.text]
    assert texts == [HEADING, *PARAGRAPHS]
    assert count_blocks(document.blocks).words == EXPECTED_WORDS
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # nothing left beside it


@needs_soffice
def test_hand_made_rtf(legacy_files: dict[str, Path], tmp_path: Path) -> None:
    path = tmp_path / "手写.rtf"
    shutil.copyfile(legacy_files["rtf"], path)
    document = read_document(path)
    assert document.converted_from == ".rtf"
    assert [b.text for b in document.blocks if b.text] == ["中文测试", "Hello world"]
    assert count_blocks(document.blocks).words == 4 + 2
    assert path.read_text(encoding="ascii") == RTF


@needs_soffice
def test_rtf_saved_under_a_docx_name_converts_as_rtf(
    legacy_files: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "其实是RTF.docx"
    shutil.copyfile(legacy_files["rtf"], path)
    document = read_document(path)
    assert document.converted_from == ".rtf"
    assert [b.text for b in document.blocks if b.text] == ["中文测试", "Hello world"]


@needs_soffice
def test_cli_counts_legacy_files(legacy_files: dict[str, Path], tmp_path: Path) -> None:
    for suffix, source in legacy_files.items():
        shutil.copyfile(source, tmp_path / f"案例综合材料.{suffix}")
    env = {k: v for k, v in os.environ.items() if k not in ("CASELINT_SOFFICE", "CASELINT_LANG")}
    result = subprocess.run(
        [sys.executable, "-m", "caselint", "count", "--format", "json", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    files = json.loads(result.stdout)["files"]
    words = {Path(f["path"]).suffix: f["total"]["words"] for f in files}
    assert words == {".doc": EXPECTED_WORDS, ".odt": EXPECTED_WORDS, ".rtf": 6}
    summary = {Path(f["path"]).suffix: f["parts"]["summary"]["words"] for f in files}
    # The heading 一、综合材料 marks the part in the .doc and .odt (the marker is not counted);
    # the .rtf has no marker and is the 综合材料 by its file name.
    assert summary == {".doc": EXPECTED_WORDS - 6, ".odt": EXPECTED_WORDS - 6, ".rtf": 6}


# -- without LibreOffice ---------------------------------------------------------------------


def test_soffice_lookup_honours_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASELINT_SOFFICE", str(tmp_path / "nowhere" / "soffice"))
    assert find_soffice() is None
    monkeypatch.setenv("CASELINT_SOFFICE", "")
    assert find_soffice() is None
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.setenv("CASELINT_SOFFICE", str(fake))
    assert find_soffice() == str(fake)


def test_soffice_lookup_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_soffice() is None
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(0o755)
    assert find_soffice() == str(fake)


@pytest.mark.parametrize(
    ("name", "content", "shown"),
    [
        ("案例.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc"),
        ("案例.rtf", RTF.encode(), ".rtf"),
        ("案例.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".wps"),
    ],
)
def test_without_soffice_the_finding_says_save_as_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: bytes, shown: str
) -> None:
    if content.startswith(b"\xd0\xcf"):
        from support.inputs import legacy_word_file

        content = legacy_word_file()
    path = tmp_path / name
    path.write_bytes(content)
    monkeypatch.setenv("CASELINT_SOFFICE", str(tmp_path / "no-such-soffice"))
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert caught.value.reason == "legacy-no-soffice"
    message = caught.value.message("zh")
    assert shown in message and "另存为 .docx" in message and "安装 LibreOffice" in message
    assert "save the file as .docx or install LibreOffice" in caught.value.message("en")

    result = CliRunner().invoke(app, ["count", str(path)])
    assert result.exit_code == 1
    assert f"F001 unreadable-file 无法读取 {name}：" in result.stdout
    assert "安装 LibreOffice" in result.stdout


def test_without_soffice_through_a_process(tmp_path: Path) -> None:
    path = tmp_path / "案例.rtf"
    path.write_text(RTF, encoding="ascii")
    env = {k: v for k, v in os.environ.items() if k != "CASELINT_LANG"}
    env["CASELINT_SOFFICE"] = str(tmp_path / "no-such-soffice")
    result = subprocess.run(
        [sys.executable, "-m", "caselint", "count", "--lang", "en", path.name],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "cannot read 案例.rtf: .rtf files need LibreOffice" in result.stdout


def test_an_opendocument_named_docx_is_converted_as_odt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WPS and LibreOffice users send .odt files renamed .docx; they are not Word packages."""
    import zipfile

    path = tmp_path / "其实是ODT.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text"
        )  # stored, first: how ODF packages start
        archive.writestr("content.xml", "<office:document-content/>")
    monkeypatch.setenv("CASELINT_SOFFICE", str(tmp_path / "no-such-soffice"))
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert caught.value.reason == "legacy-no-soffice"
    assert ".odt" in caught.value.message("zh")


def test_a_docx_renamed_doc_needs_no_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASELINT_SOFFICE", str(tmp_path / "no-such-soffice"))
    path = write_docx(tmp_path / "改了扩展名.doc", PARAGRAPHS, heading=HEADING)
    document = read_document(path)
    assert document.converted_from is None
    assert count_blocks(document.blocks).words == EXPECTED_WORDS


# -- the conversion plumbing, with a stand-in for soffice ------------------------------------


def _fake_soffice(folder: Path, body: str) -> Path:
    """An executable that takes soffice's arguments and runs ``body`` (Python)."""
    script = folder / "fake-soffice"
    script.write_text(
        f"#!{sys.executable}\n"
        "import shutil, sys, time\n"
        "from pathlib import Path\n"
        "args = sys.argv[1:]\n"
        "outdir = Path(args[args.index('--outdir') + 1])\n"
        "source = Path(args[-1])\n"
        f"{body}\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


@pytest.mark.skipif(os.name == "nt", reason="the stand-in is a POSIX script")
def test_conversion_works_on_a_private_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    converted = write_docx(tmp_path / "converted.docx", PARAGRAPHS, heading=HEADING)
    log = tmp_path / "args.txt"
    body = (
        f"Path({str(log)!r}).write_text('\\n'.join(args))\n"
        "source.write_bytes(b'scribbled over')\n"  # soffice may touch its input: a copy
        "outdir.mkdir(exist_ok=True)\n"
        f"shutil.copyfile({str(converted)!r}, outdir / (source.stem + '.docx'))"
    )
    monkeypatch.setenv("CASELINT_SOFFICE", str(_fake_soffice(tmp_path, body)))
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    path = drafts / "案例.wps"
    path.write_bytes(RTF.encode())
    document = read_document(path)
    assert document.converted_from == ".rtf"  # the content is RTF whatever the name says
    assert count_blocks(document.blocks).words == EXPECTED_WORDS
    assert path.read_bytes() == RTF.encode()
    assert sorted(p.name for p in drafts.iterdir()) == ["案例.wps"]
    args = log.read_text().splitlines()
    assert "--headless" in args and "docx:MS Word 2007 XML" in args
    assert args[0].startswith("-env:UserInstallation=file://")  # a throw-away profile
    assert args[-1].endswith("input.rtf") and not Path(args[-1]).exists()  # temp, cleaned up


@pytest.mark.skipif(os.name == "nt", reason="the stand-in is a POSIX script")
def test_conversion_failure_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = "print('Error: source file could not be loaded', file=sys.stderr)\nsys.exit(1)"
    monkeypatch.setenv("CASELINT_SOFFICE", str(_fake_soffice(tmp_path, body)))
    path = tmp_path / "坏.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0 not really")
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert caught.value.reason == "legacy-convert-failed"
    assert "source file could not be loaded" in caught.value.message("zh")
    assert "另存为 .docx" in caught.value.message("zh")


@pytest.mark.skipif(os.name == "nt", reason="the stand-in is a POSIX script")
def test_conversion_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASELINT_SOFFICE", str(_fake_soffice(tmp_path, "time.sleep(30)")))
    monkeypatch.setattr("caselint.readers.legacy.CONVERT_TIMEOUT_SECONDS", 0.5)
    path = tmp_path / "慢.rtf"
    path.write_text(RTF, encoding="ascii")
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert caught.value.reason == "legacy-convert-failed"
    assert caught.value.params["detail"] == "timeout"

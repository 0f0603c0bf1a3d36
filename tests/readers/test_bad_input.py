"""Every kind of bad input, through the library and through ``caselint count``.

Each case is a real file in ``tmp_path``. The library must raise :class:`ReadError` with the
right ``reason``; the CLI must exit 1 with an ``unreadable-file`` (F001) finding that names the
file and gives the reason in Chinese (English with ``--lang en``), without a traceback, and go
on with the other files.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import olefile
import pytest
from typer.testing import CliRunner

from caselint.cli.app import app
from caselint.readers import ReadError, read_document
from caselint.readers.sniff import DEFAULT_MAX_FILE_BYTES
from support.inputs import (
    build_cfb,
    encrypted_office_file,
    legacy_word_file,
    write_docx,
    write_zeros_zip,
)

MIB = 1024 * 1024


# -- the bad files ---------------------------------------------------------------------------


def _good_docx(path: Path) -> Path:
    return write_docx(path, ["本案例介绍了融媒体中心的建设情况。" * 40], heading="一、基本情况")


def empty_docx(tmp: Path) -> Path:
    path = tmp / "空文件.docx"
    path.write_bytes(b"")
    return path


def empty_md(tmp: Path) -> Path:
    path = tmp / "空文件.md"
    path.write_bytes(b"")
    return path


def text_named_docx(tmp: Path) -> Path:
    path = tmp / "其实是文本.docx"
    path.write_text("一、基本情况\n这是纯文本，不是 Word 文档。\n", encoding="utf-8")
    return path


def truncated_docx(tmp: Path) -> Path:
    data = _good_docx(tmp / "source.docx").read_bytes()
    path = tmp / "下载一半.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def damaged_deflate_docx(tmp: Path) -> Path:
    """A zip whose directory is intact but whose document.xml data is scrambled."""
    data = bytearray(_good_docx(tmp / "source.docx").read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 8, start + 40):
        data[i] ^= 0x5A
    path = tmp / "损坏.docx"
    path.write_bytes(bytes(data))
    return path


def zip_junk_docx(tmp: Path) -> Path:
    path = tmp / "坏zip.docx"
    path.write_bytes(b"PK\x03\x04" + bytes((i * 7919) % 251 for i in range(3000)))
    return path


def zip_without_document(tmp: Path) -> Path:
    path = tmp / "没有正文.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/styles.xml", "<styles/>")
    return path


def encrypted_docx(tmp: Path) -> Path:
    path = tmp / "加密.docx"
    path.write_bytes(encrypted_office_file())
    return path


def legacy_doc_named_docx(tmp: Path) -> Path:
    path = tmp / "旧版.docx"
    path.write_bytes(legacy_word_file())
    return path


def zip_bomb(tmp: Path) -> Path:
    """document.xml inflates to 400 MB of zeros: over the total cap."""
    path = tmp / "炸弹.docx"
    write_zeros_zip(path, "word/document.xml", 400 * MIB, {"[Content_Types].xml": b"<Types/>"})
    return path


def high_ratio_zip(tmp: Path) -> Path:
    """20 MB, under the total cap, but compressed a thousand to one."""
    path = tmp / "高压缩比.docx"
    write_zeros_zip(path, "word/document.xml", 20 * MIB, {"[Content_Types].xml": b"<Types/>"})
    return path


def oversized(tmp: Path) -> Path:
    """A sparse file just over the default cap: costs no disk and is never read."""
    path = tmp / "超大.docx"
    with path.open("wb") as handle:
        handle.truncate(DEFAULT_MAX_FILE_BYTES + MIB)
    return path


def damaged_utf8_md(tmp: Path) -> Path:
    path = tmp / "乱码.md"
    good = "本案例介绍了融媒体中心的建设情况。\n".encode()
    path.write_bytes(good * 2 + b"\xc3\x28\xa0\xa1 " + good * 2)
    return path


def undecodable_txt(tmp: Path) -> Path:
    path = tmp / "未知编码.txt"
    path.write_bytes("café résumé naïve".encode("latin-1"))
    return path


def junk_md(tmp: Path) -> Path:
    path = tmp / "二进制.md"
    path.write_bytes(bytes((i * 131 + 7) % 256 for i in range(4096)))
    return path


def png_md(tmp: Path) -> Path:
    path = tmp / "图片.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64)
    return path


def docx_named_md(tmp: Path) -> Path:
    return _good_docx(tmp / "其实是Word.md")


def ole_named_txt(tmp: Path) -> Path:
    path = tmp / "其实是doc.txt"
    path.write_bytes(legacy_word_file())
    return path


def ole_spreadsheet(tmp: Path) -> Path:
    path = tmp / "表格.xls"
    path.write_bytes(build_cfb({"Workbook": b"\x09\x08" + b"\0" * 5000}))
    return path


def damaged_ole_docx(tmp: Path) -> Path:
    path = tmp / "坏OLE.docx"
    path.write_bytes(encrypted_office_file()[:700])
    return path


def pdf_file(tmp: Path) -> Path:
    path = tmp / "材料.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    return path


@dataclass(frozen=True)
class Bad:
    make: Callable[[Path], Path]
    reason: str
    zh: str  # a phrase of the Chinese message
    en: str  # a phrase of the English message


BAD = {
    "empty-docx": Bad(empty_docx, "empty", "文件是空的", "file is empty"),
    "empty-md": Bad(empty_md, "empty", "文件是空的", "file is empty"),
    "text-named-docx": Bad(text_named_docx, "not-zip", "不是 zip 格式", "not a zip file"),
    "truncated-docx": Bad(truncated_docx, "corrupt-zip", "损坏或不完整", "damaged or incomplete"),
    "damaged-deflate": Bad(
        damaged_deflate_docx, "corrupt-zip", "损坏或不完整", "damaged or incomplete"
    ),
    "zip-junk": Bad(zip_junk_docx, "corrupt-zip", "损坏或不完整", "damaged or incomplete"),
    "no-document-part": Bad(
        zip_without_document, "no-document-part", "word/document.xml", "main document part"
    ),
    "encrypted": Bad(encrypted_docx, "encrypted", "打开密码", "password-protected"),
    "legacy-named-docx": Bad(
        legacy_doc_named_docx, "legacy-misnamed", "另存为 .docx", "save it as .docx"
    ),
    "zip-bomb": Bad(zip_bomb, "zip-bomb", "为安全起见", "refused for safety"),
    "high-ratio": Bad(high_ratio_zip, "zip-bomb", "压缩比", "ratio"),
    "oversized": Bad(oversized, "too-large", "文件过大（51 MB，上限 50 MB）", "51 MB, limit 50 MB"),
    "damaged-utf8": Bad(damaged_utf8_md, "bad-utf8", "第 3 行", "line 3"),
    "undecodable": Bad(undecodable_txt, "undecodable", "无法识别文本编码", "unknown text encoding"),
    "junk-md": Bad(junk_md, "binary", "二进制数据", "binary data"),
    "png-md": Bad(png_md, "binary", "二进制数据", "binary data"),
    "docx-named-md": Bad(docx_named_md, "binary", "扩展名是 .md", "named .md"),
    "ole-named-txt": Bad(ole_named_txt, "binary", "扩展名是 .txt", "named .txt"),
    "ole-spreadsheet": Bad(ole_spreadsheet, "unsupported", "不支持的文件类型 .xls", "type .xls"),
    "damaged-ole": Bad(damaged_ole_docx, "corrupt-zip", "损坏或不完整", "damaged or incomplete"),
    "pdf": Bad(pdf_file, "unsupported", "请提供 .docx、.md 或 .txt", "use .docx, .md or .txt"),
}


# -- the library -----------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(BAD))
def test_library_raises_read_error_with_reason(tmp_path: Path, case: str) -> None:
    bad = BAD[case]
    path = bad.make(tmp_path)
    before = path.read_bytes() if path.stat().st_size < MIB else None
    with pytest.raises(ReadError) as caught:
        read_document(path)
    error = caught.value
    assert error.reason == bad.reason
    assert bad.zh in error.message("zh")
    assert bad.en in error.message("en")
    if before is not None:
        assert path.read_bytes() == before


def test_encrypted_and_legacy_advice_differ(tmp_path: Path) -> None:
    messages = {}
    for make in (encrypted_docx, legacy_doc_named_docx):
        with pytest.raises(ReadError) as caught:
            read_document(make(tmp_path))
        messages[caught.value.reason] = caught.value.message("zh")
    assert set(messages) == {"encrypted", "legacy-misnamed"}
    assert "密码" in messages["encrypted"] and "密码" not in messages["legacy-misnamed"]
    assert ".doc" in messages["legacy-misnamed"]


def test_support_files_are_what_they_claim(tmp_path: Path) -> None:
    """The OLE files parse with olefile and the zero zips inflate to what they declare."""
    with olefile.OleFileIO(io.BytesIO(encrypted_office_file())) as ole:
        assert sorted("/".join(e) for e in ole.listdir()) == ["EncryptedPackage", "EncryptionInfo"]
        assert ole.openstream("EncryptionInfo").read()[:4] == b"\x04\x00\x04\x00"
        assert ole.get_size("EncryptedPackage") == 6024
    with olefile.OleFileIO(io.BytesIO(legacy_word_file())) as ole:
        assert ole.exists("WordDocument")
        assert ole.openstream("WordDocument").read()[:2] == b"\xec\xa5"
    path = tmp_path / "small.zip"
    write_zeros_zip(path, "word/document.xml", 3 * MIB, {"a.txt": b"hi"})
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert archive.read("word/document.xml") == bytes(3 * MIB)
        assert archive.read("a.txt") == b"hi"
        assert archive.getinfo("word/document.xml").compress_size < 10_000


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    """The 400 MB member is judged from the zip directory, not by inflating it."""
    path = zip_bomb(tmp_path)
    assert path.stat().st_size < MIB
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert "400" in caught.value.message("zh")


def test_size_cap_is_a_parameter(tmp_path: Path) -> None:
    path = _good_docx(tmp_path / "正常.docx")
    size = path.stat().st_size
    with pytest.raises(ReadError) as caught:
        read_document(path, max_bytes=size - 1)
    assert caught.value.reason == "too-large"
    assert read_document(path, max_bytes=size).blocks


def test_size_cap_default_is_read_at_call_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.md"
    path.write_text("中文" * 600, encoding="utf-8")
    monkeypatch.setattr("caselint.readers.sniff.DEFAULT_MAX_FILE_BYTES", 1024)
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert caught.value.message("zh") == "文件过大（3.5 KB，上限 1 KB），请确认文件是否正确"


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make opening ``denied`` fail as chmod 000 does for a normal user (root reads anyway)."""
    from caselint.core import readfile

    original = readfile._open

    def deny(path: str) -> int:
        if Path(path) == denied:
            raise PermissionError(13, "Permission denied", path)
        return original(path)

    monkeypatch.setattr(readfile, "_open", deny)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _good_docx(tmp_path / "无权限.docx")
    _deny(monkeypatch, path)
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert caught.value.reason == "permission"
    assert "没有读取权限" in caught.value.message("zh")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads a chmod 000 file; covered by test_permission_denied's monkeypatch",
)
def test_chmod_000(tmp_path: Path) -> None:
    path = _good_docx(tmp_path / "无权限.docx")
    path.chmod(0)
    try:
        with pytest.raises(ReadError) as caught:
            read_document(path)
        assert caught.value.reason == "permission"
        result = _run(tmp_path, "count", str(path))
        assert result.returncode == 1
        assert "没有读取权限" in result.stdout
    finally:
        path.chmod(0o644)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_not_read(tmp_path: Path) -> None:
    """/dev/zero says it is empty and never ends; reading it would hang the run."""
    with pytest.raises(ReadError) as caught:
        read_document(Path("/dev/zero"))
    assert caught.value.reason == "not-a-file"
    assert "不是普通文件" in caught.value.message("zh")


def test_a_directory_is_not_read(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        read_document(tmp_path)
    assert caught.value.reason == "not-a-file"


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        read_document(tmp_path / "不存在.docx")
    assert caught.value.reason == "missing"


def test_no_extension_is_named_in_each_language(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text("文字", encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert "（无扩展名）" in caught.value.message("zh")
    assert "(no extension)" in caught.value.message("en")


# -- the command line ------------------------------------------------------------------------


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CASELINT_LANG"}
    return subprocess.run(
        [sys.executable, "-m", "caselint", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def _no_traceback(*outputs: str) -> None:
    for output in outputs:
        assert "Traceback" not in output
        assert "内部错误" not in output and "internal error" not in output


@pytest.mark.parametrize("case", list(BAD))
def test_cli_reports_f001_in_chinese(tmp_path: Path, case: str) -> None:
    bad = BAD[case]
    path = bad.make(tmp_path)
    result = _run(tmp_path, "count", path.name)
    _no_traceback(result.stdout, result.stderr)
    assert result.returncode == 1, result.stdout + result.stderr
    (line,) = [x for x in result.stdout.splitlines() if x.startswith("F001")]
    assert line.startswith("F001 unreadable-file 无法读取 ")
    assert path.name in line
    assert bad.zh in line


@pytest.mark.parametrize("case", list(BAD))
def test_cli_json_finding_in_english(tmp_path: Path, case: str) -> None:
    bad = BAD[case]
    path = bad.make(tmp_path)
    result = CliRunner().invoke(app, ["count", "--lang", "en", "--format", "json", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1
    (entry,) = json.loads(result.stdout)["files"]
    assert entry["path"] == str(path)
    assert entry["encoding"] is None
    assert entry["parts"] == {"summary": None, "detailed": None}
    assert entry["total"]["words"] == 0
    (finding,) = entry["findings"]
    assert (finding["rule"], finding["code"], finding["severity"]) == (
        "unreadable-file",
        "F001",
        "error",
    )
    assert finding["file"] == str(path)
    assert finding["message"].startswith(f"cannot read {path.name}: ")
    assert bad.en in finding["message"]
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in finding["message"].replace(path.name, ""))


def test_cli_honours_the_size_cap_end_to_end(tmp_path: Path) -> None:
    """The real default cap, through a subprocess: the sparse file is never read."""
    path = oversized(tmp_path)
    result = _run(tmp_path, "count", "--format", "json", str(path))
    assert result.returncode == 1
    (entry,) = json.loads(result.stdout)["files"]
    assert "文件过大（51 MB，上限 50 MB）" in entry["findings"][0]["message"]


def test_cli_size_cap_follows_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.md"
    path.write_text("中文" * 600, encoding="utf-8")
    monkeypatch.setattr("caselint.readers.sniff.DEFAULT_MAX_FILE_BYTES", 1024)
    result = CliRunner().invoke(app, ["count", str(path)])
    assert result.exit_code == 1
    assert "文件过大（3.5 KB，上限 1 KB）" in result.stdout


def test_cli_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    denied = _good_docx(tmp_path / "无权限.docx")
    fine = tmp_path / "正常.md"
    fine.write_text("正文内容", encoding="utf-8")
    _deny(monkeypatch, denied)
    result = CliRunner().invoke(app, ["count", "--format", "json", str(denied), str(fine)])
    assert result.exit_code == 1
    denied_entry, fine_entry = json.loads(result.stdout)["files"]
    assert "无权限.docx" in denied_entry["findings"][0]["message"]
    assert "没有读取权限" in denied_entry["findings"][0]["message"]
    assert fine_entry["total"]["words"] == 4


def test_cli_with_debug_still_reports_bad_input_as_findings(tmp_path: Path) -> None:
    path = encrypted_docx(tmp_path)
    result = _run(tmp_path, "count", "--debug", path.name)
    _no_traceback(result.stdout, result.stderr)
    assert result.returncode == 1
    assert "打开密码" in result.stdout


def test_batch_goes_on_after_bad_files(tmp_path: Path) -> None:
    good = _good_docx(tmp_path / "好.docx")
    bad = truncated_docx(tmp_path)
    markdown = tmp_path / "好.md"
    markdown.write_text("# 标题\n\n正文内容。\n", encoding="utf-8")
    encrypted = encrypted_docx(tmp_path)
    result = _run(
        tmp_path, "count", "--format", "json", good.name, bad.name, markdown.name, encrypted.name
    )
    _no_traceback(result.stderr)
    assert result.returncode == 1
    files = json.loads(result.stdout)["files"]
    assert [f["path"] for f in files] == [good.name, bad.name, markdown.name, encrypted.name]
    assert files[0]["findings"] == [] and files[0]["total"]["words"] == 6 + 17 * 40
    assert [f["code"] for f in files[1]["findings"]] == ["F001"]
    assert files[2]["findings"] == [] and files[2]["total"]["words"] == 2 + 5
    assert [f["code"] for f in files[3]["findings"]] == ["F001"]

    text = _run(tmp_path, "count", good.name, bad.name, markdown.name)
    _no_traceback(text.stdout, text.stderr)
    assert text.returncode == 1
    assert text.stdout.count("F001 unreadable-file") == 1
    assert "好.docx" in text.stdout and "好.md  (UTF-8)" in text.stdout
    assert "686" in text.stdout  # the good .docx's count is printed


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    good = tmp_path / "好.md"
    good.write_text("正文", encoding="utf-8")
    result = _run(tmp_path, "count", good.name, "不存在的文件.docx")
    _no_traceback(result.stdout, result.stderr)
    assert result.returncode == 2
    assert "路径不存在" in result.stderr
    assert "不存在的文件.docx" in result.stderr
    assert result.stdout == ""
    english = _run(tmp_path, "count", "--lang", "en", "不存在的文件.docx")
    assert english.returncode == 2
    assert "no such file or folder: 不存在的文件.docx" in english.stderr

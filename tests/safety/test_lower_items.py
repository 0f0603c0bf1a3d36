"""Attack 10: the lower findings of the attack run.

A symlinked draft pointing outside the case folder was packed; ``annotate`` on a draft with an
entity reference wrote a document.xml Word cannot open; a combined draft's ``../`` and absolute
zip entries were copied into the split part files; ANSI escapes in drafts reached the terminal
raw; nesting 900–1200 levels deep was worded as 内部错误 “请报告”. (Verify's items and edited
cache entries are in their own files.)
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from hostile import caselint, draft, no_internal_error, snapshot

from support.cases import build_docx_case

needs_symlinks = pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")


@needs_symlinks
def test_a_draft_linked_from_outside_the_case_folder_is_never_packed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "私人" / "案例.md"
    elsewhere.parent.mkdir()
    elsewhere.write_text(draft(), encoding="utf-8")
    case = tmp_path / "收件" / "案例"
    case.mkdir(parents=True)
    (case / "案例.md").symlink_to(elsewhere)
    before = snapshot(tmp_path)

    run = caselint("pack", case, "-o", tmp_path / "上传", "--force")

    assert run.code == 1, run.output
    assert "未打包" in run.stderr and "案例文件夹以外的符号链接" in run.stderr
    assert not (tmp_path / "上传").exists()
    assert snapshot(tmp_path) == before


@needs_symlinks
def test_a_link_inside_the_case_folder_is_read(tmp_path: Path) -> None:
    case = tmp_path / "案例"
    (case / "原稿").mkdir(parents=True)
    (case / "原稿" / "稿.md").write_text(draft(), encoding="utf-8")
    (case / "案例.md").symlink_to(Path("原稿") / "稿.md")

    from caselint.readers import read_document

    assert read_document(case / "案例.md", root=case).blocks


def _with_entity(docx: Path) -> Path:
    """The draft's document.xml with a DOCTYPE declaring an entity, used in the text."""
    with zipfile.ZipFile(docx) as source:
        entries = [(i, source.read(i)) for i in source.infolist()]
    out = docx.with_name("实体.docx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                head, _, rest = text.partition("?>")
                text = f'{head}?><!DOCTYPE w:document [<!ENTITY unit "青禾台">]>{rest}'
                text = text.replace("综合材料</w:t>", "综合材料&unit;</w:t>", 1)
                data = text.encode("utf-8")
            target.writestr(info, data)
    return out


def test_annotate_refuses_a_draft_declaring_entities(tmp_path: Path) -> None:
    folder = tmp_path / "案例"
    folder.mkdir()
    docx = _with_entity(build_docx_case(draft("service"), folder / "原稿.docx"))
    (folder / "原稿.docx").unlink()
    before = snapshot(tmp_path)

    run = caselint("annotate", docx)

    assert run.code == 2, run.output
    assert "DTD 或实体声明" in run.stderr and "word/document.xml" in run.stderr
    assert not (folder / "实体.审阅.docx").exists()
    no_internal_error(run)
    assert snapshot(tmp_path) == before


def _with_escaping_entries(docx: Path) -> Path:
    with zipfile.ZipFile(docx, "a") as archive:
        archive.writestr("../../逃逸.txt", "outside")
        archive.writestr("/etc/caselint-test.txt", "absolute")
    return docx


@pytest.mark.parametrize("combined", [True, False])
def test_unsafe_zip_entries_of_a_draft_never_reach_a_bundle(tmp_path: Path, combined: bool) -> None:
    """A combined draft is split, a one-part draft copied: neither carries such entries."""
    from support.cases import body

    folder = tmp_path / "案例"
    folder.mkdir()
    text = draft("production")
    if combined:
        _with_escaping_entries(build_docx_case(text, folder / "案例.docx"))
    else:
        main = body(text)
        middle = main.index("# 详细材料")
        build_docx_case(text[: text.index(main)] + main[:middle], folder / "综合材料.docx")
        _with_escaping_entries(build_docx_case(main[middle:], folder / "详细材料.docx"))
        from support.cases import front_matter

        lines = [f'"{k}" = "{v}"' for k, v in front_matter(text).items()]
        (folder / "case.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = snapshot(tmp_path)

    run = caselint("pack", folder, "-o", tmp_path / "上传")

    assert run.code == 1, run.output
    assert "不安全的路径" in run.stderr and "逃逸.txt" in run.stderr
    assert not (tmp_path / "上传").exists()
    assert not (tmp_path.parent / "逃逸.txt").exists()
    no_internal_error(run)
    assert snapshot(tmp_path) == before


def test_rezip_drops_entries_that_would_escape(tmp_path: Path) -> None:
    from caselint.pack.zipfile_det import rezip

    docx = _with_escaping_entries(build_docx_case(draft(), tmp_path / "案例.docx"))

    names = zipfile.ZipFile(__import__("io").BytesIO(rezip(docx.read_bytes()))).namelist()

    assert "word/document.xml" in names
    assert not [n for n in names if n.startswith("/") or ".." in n.split("/")]


def test_terminal_escapes_in_a_draft_are_shown_not_sent(tmp_path: Path) -> None:
    case = tmp_path / "案例"
    case.mkdir()
    hostile = "本平台\u202e全国领先\x1b[2J\x1b]0;owned\x07。"
    (case / "案例.md").write_text(draft() + "\n" + hostile + "\n", encoding="utf-8")
    (case / "案例\x1b[31m.md").write_text("", encoding="utf-8")
    before = snapshot(case)

    run = caselint("check", case, "--no-cache", "--verbose")
    packed = caselint("pack", case, "-o", tmp_path / "上传")

    for output in (run.output, packed.output):
        assert "\x1b" not in output and "\x07" not in output and "\u202e" not in output
    assert "\\u202e全国领先\\x1b[2J" in run.stdout  # the excerpt, escapes shown
    assert "案例\\x1b[31m.md" in run.stdout + run.stderr  # and the file name
    assert snapshot(case) == before


def _nested_docx(path: Path, depth: int) -> Path:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = (
        "<w:sdt><w:sdtContent>" * depth
        + "<w:p><w:r><w:t>正文</w:t></w:r></w:p>"
        + "</w:sdtContent></w:sdt>" * depth
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>',
        )
    return path


@pytest.mark.parametrize("depth", [900, 1200])
def test_deep_nesting_is_the_documents_problem_not_a_bug(tmp_path: Path, depth: int) -> None:
    case = tmp_path / "案例"
    case.mkdir()
    _nested_docx(case / "案例.docx", depth)
    before = snapshot(case)

    run = caselint("check", case, "--no-cache")

    assert run.code == 1, run.output
    assert "F001 unreadable-file" in run.stdout
    # Python's stack runs out first (too-deep), or past 2048 elements the XML parser refuses.
    assert "嵌套层级过深" in run.stdout or "内部 XML 损坏" in run.stdout
    no_internal_error(run)
    assert snapshot(case) == before

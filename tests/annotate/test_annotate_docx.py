"""``caselint.annotate``: the annotated copy, opened with python-docx and caselint's reader.

Each finding becomes a comment by caselint anchored on exactly the flagged characters; the copy's
text, counts and character formatting are the original's; tracked changes, tables, fields,
content controls, notes, text boxes and an earlier reviewer's comment survive; the original is
never written.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from annotate_drafts import anchored_text, char_formats, clean_draft, rich_draft
from docx.oxml.ns import qn

from caselint.annotate import AnnotateError, annotate_docx, default_output
from caselint.core.model import Story
from caselint.engine import Settings
from caselint.readers import read_document
from caselint.rulepack.pack import load_pack
from caselint.text.count import count_blocks
from support.docx_build import build_docx, p

PACK = load_pack(None)
SETTINGS = Settings(pack=PACK)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return rich_draft(tmp_path / "青川案例.docx")


def _annotate(path: Path, settings: Settings = SETTINGS) -> tuple[Path, object]:
    copy = annotate_docx(path, settings)
    out = default_output(path)
    out.write_bytes(copy.data)
    return out, copy


def _comments(path: Path) -> tuple[docx.document.Document, dict[int, tuple[str, str]]]:
    """python-docx's view: comment id → (comment text, anchored text) of caselint's comments."""
    document = docx.Document(str(path))
    found = {
        c.comment_id: (c.text, anchored_text(document.element, c.comment_id))
        for c in document.comments
        if c.author == "caselint"
    }
    return document, found


def _by_anchor(comments: dict[int, tuple[str, str]], anchor: str) -> list[str]:
    return [text for text, anchored in comments.values() if anchored == anchor]


def test_default_output_name() -> None:
    assert default_output(Path("/a/草稿.docx")) == Path("/a/草稿.审阅.docx")


def test_each_finding_is_a_comment_on_exactly_its_phrase(draft: Path) -> None:
    out, copy = _annotate(draft)
    document, comments = _comments(out)
    assert all(c.initials == "CL" for c in document.comments if c.author == "caselint")
    # A phrase inside a longer formatted run: the comment covers the phrase, not the paragraph.
    [text] = _by_anchor(comments, "全国领先水平")
    assert text.startswith("警告 W001（emotive-wording）：“全国领先水平”")
    assert "建议：" in text
    # Inside a tracked insertion, two findings on one sentence, each on its own words.
    assert _by_anchor(comments, "现象级")[0].startswith("警告 W001")
    assert _by_anchor(comments, "带动")[0].startswith("警告 W002（unquantified-claim）")
    # A table cell, a field result, a content control, a hyperlink, a text box.
    for phrase in ("全国第一", "极大", "震撼人心", "跨越式", "巨大成功"):
        assert len(_by_anchor(comments, phrase)) == 1, phrase
    # Text in a footnote: the comment sits on the citing paragraph and says so.
    on_note = _by_anchor(comments, "受众评价见注。")
    assert on_note and all("脚注" in t for t in on_note)
    assert any("“广受好评”" in t for t in on_note)
    # Every finding with a paragraph has its comment in the text.
    located = [f for f in copy.findings if f.location.paragraph is not None]
    assert copy.anchored == len(located) >= 9


def test_summary_and_part_comments(draft: Path) -> None:
    out, copy = _annotate(draft)
    _, comments = _comments(out)
    [summary] = _by_anchor(comments, "青川市融媒体中心“一次采集、多端分发”融合生产传播案例")
    lines = summary.splitlines()
    assert lines[0] == "caselint 审阅意见（规则包 nrta-2025@2025.1）"
    assert "类别：融合生产传播" in lines[1]
    assert lines[2].startswith("综合材料：") and "/ 1000 字" in lines[2]
    assert lines[3].startswith("详细材料：") and "/ 5000 字" in lines[3]
    assert "5 缺失" in lines[4]  # the summary's missing element
    assert "共 1 个错误" in summary and f"正文批注 {copy.anchored} 处" in summary
    assert "metadata-missing" in summary  # case-wide findings are listed in the summary
    assert lines[-1] == "结论：有错误，需修改后再报送。"
    # Findings about a whole part are listed on the part's heading.
    [on_summary] = _by_anchor(comments, "综合材料")
    assert "S003（element-missing）" in on_summary and "要素5" in on_summary
    [on_detailed] = _by_anchor(comments, "详细材料")
    # Five data dimensions without figures, and the hint that no cut-off date is given.
    assert on_detailed.count("data-dimension-missing") == 6
    assert "没有写明统计截止日期" in on_detailed
    # Every finding of the file is in exactly one comment.
    listed = sum(text.count("• ") for text, _ in comments.values())
    assert copy.anchored + listed == len(copy.findings)
    assert copy.comments == len(comments)


def test_copy_text_and_counts_are_the_originals(draft: Path) -> None:
    out, _ = _annotate(draft)
    before, after = read_document(draft), read_document(out)

    def shown(document):
        return [
            (b.story, b.kind, b.text, b.label, b.location)
            for b in document.blocks
            if b.story is not Story.COMMENT
        ]

    assert shown(before) == shown(after)
    assert count_blocks(before.blocks) == count_blocks(after.blocks)
    assert before.metadata == after.metadata
    # The reviewer's comment is still there, with its text.
    reviewer = [b.text for b in after.blocks if b.story is Story.COMMENT]
    assert "这个预计有依据吗？" in reviewer


def test_run_formatting_is_unchanged(draft: Path) -> None:
    out, _ = _annotate(draft)
    before, after = char_formats(draft), char_formats(out)
    assert before == after
    # The cut run kept its formatting on both sides of the cut.
    document = docx.Document(str(out))
    runs = [r for para in document.paragraphs for r in para.runs if r.text == "全国领先水平"]
    [run] = runs
    assert run.bold and run.italic and run.font.size.pt == 16
    fonts = run._r.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "黑体" and fonts.get(qn("w:hint")) == "eastAsia"


def test_tracked_changes_tables_and_fields_survive(draft: Path) -> None:
    out, _ = _annotate(draft)
    document = docx.Document(str(out))
    body = document.element.body
    [ins] = body.iter(qn("w:ins"))
    assert ins.get(qn("w:author")) == "张编辑"
    assert (
        "".join(t.text for t in ins.iter(qn("w:t")))
        == "重大直播形成现象级传播效应，带动了本地账号。"
    )
    [deleted] = body.iter(qn("w:delText"))
    assert deleted.text == "（此处删去的旧表述）"
    assert len(document.tables) == 1
    assert document.tables[0].cell(1, 1).text == "播放量8.6亿次，用户规模全国第一，同比增长31.2%"
    # The comment marks of a phrase in a field result are placed after the field ends, where
    # updating the field cannot delete them.
    paragraph = next(p for p in body.iter(qn("w:p")) if "HYPERLINK" in "".join(p.itertext()))
    children = list(paragraph)
    end = max(i for i, c in enumerate(children) if c.find(qn("w:fldChar")) is not None)
    refs = [i for i, c in enumerate(children) if c.find(qn("w:commentReference")) is not None]
    assert refs and min(refs) > end
    # Reference marks are never inside a tracked insertion (rejecting it would drop them).
    assert not list(ins.iter(qn("w:commentReference")))


def test_the_original_is_never_written(draft: Path) -> None:
    digest = hashlib.sha256(draft.read_bytes()).hexdigest()
    mtime = draft.stat().st_mtime_ns
    _annotate(draft)
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == digest
    assert draft.stat().st_mtime_ns == mtime


def test_reannotating_replaces_caselints_earlier_comments(draft: Path, tmp_path: Path) -> None:
    first, copy = _annotate(draft)
    reworked = tmp_path / "青川案例v2.docx"
    shutil.copy(first, reworked)
    second = annotate_docx(reworked, SETTINGS)
    assert second.removed == copy.comments

    # The reworked copy is checked without caselint's comments: the same findings as before.
    def seen(findings):
        return sorted((f.rule, f.message, str(f.location)) for f in findings)

    assert seen(second.findings) == seen(copy.findings)
    assert {Path(f.file).name for f in second.findings if f.file} == {reworked.name}
    again = tmp_path / "v2.审阅.docx"
    again.write_bytes(second.data)
    _, comments = _comments(again)
    assert len(comments) == copy.comments  # replaced, not stacked
    document = docx.Document(str(again))
    assert [c.author for c in document.comments].count("审稿人") == 1
    assert read_document(again).blocks[0].text == read_document(draft).blocks[0].text


def test_english_comments(draft: Path) -> None:
    out, _ = _annotate(draft, Settings(pack=PACK, lang="en"))
    _, comments = _comments(out)
    assert _by_anchor(comments, "全国第一")[0].startswith("warning W001 (emotive-wording): ")
    summary = _by_anchor(comments, "青川市融媒体中心“一次采集、多端分发”融合生产传播案例")[0]
    assert summary.startswith("caselint review (nrta-2025@2025.1)")


def test_selected_rules_only(draft: Path) -> None:
    from caselint.core.codes import select

    settings = Settings(pack=PACK, enabled=select(["emotive-wording"], []))
    out, copy = _annotate(draft, settings)
    assert {f.rule for f in copy.findings} == {"emotive-wording"}
    _, comments = _comments(out)
    assert len(comments) == 1 + 8  # the summary and the eight phrases


def test_parts_in_two_files_annotate_only_the_given_file(tmp_path: Path) -> None:
    summary = clean_draft(tmp_path / "青川案例综合材料.docx", detailed=False)
    detailed = clean_draft(tmp_path / "青川案例详细材料.docx", summary=False)
    out, copy = _annotate(summary)
    assert all(f.file is None or Path(f.file) == summary for f in copy.findings)
    _, comments = _comments(out)
    top = next(text for text, anchored in comments.values() if anchored == "综合材料")
    assert "（在 青川案例详细材料.docx 中）" in top  # the other part's count, and where it is
    assert "青川案例详细材料.docx 中的 1 条问题未在本文件批注" in top
    out, copy = _annotate(detailed)
    _, comments = _comments(out)
    assert _by_anchor(comments, "全国领先")  # the detailed file's own finding


def test_empty_paragraph_and_whole_paragraph_findings(tmp_path: Path) -> None:
    """A heading out of order is commented as a whole; an empty first paragraph is skipped."""
    body = p("") + p("综合材料", style="Heading1")
    sections = [
        ("二、主要做法", "统一指挥，每日两次策划会。"),
        ("一、基本情况", "截至2024年12月31日采编人员186人。"),
    ]
    for title, text in sections:
        body += p(title, style="Heading2") + p(text)
    path = build_docx(tmp_path / "乱序.docx", body, custom_props={"类别": "融合生产传播"})
    out, _ = _annotate(path)
    _, comments = _comments(out)
    assert any("element-order" in text for text in _by_anchor(comments, "一、基本情况"))
    summary = next(t for t in comments.values() if t[0].startswith("caselint"))
    assert summary[1] == "综合材料"  # the first paragraph with text carries the summary


def test_markdown_and_other_files_are_refused(tmp_path: Path) -> None:
    markdown = tmp_path / "草稿.md"
    markdown.write_text("# 综合材料\n\n正文\n", encoding="utf-8")
    with pytest.raises(AnnotateError) as caught:
        annotate_docx(markdown, SETTINGS)
    assert caught.value.key == "markdown"
    assert "caselint pack" in caught.value.message("zh")
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"not a zip at all")
    with pytest.raises(AnnotateError) as caught:
        annotate_docx(broken, SETTINGS)
    assert caught.value.key == "unreadable"
    copy = tmp_path / "草稿.审阅.docx"
    clean_draft(copy)
    with pytest.raises(AnnotateError) as caught:
        annotate_docx(copy, SETTINGS)
    assert caught.value.key == "own-output"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_annotated_copy_opens_in_libreoffice(draft: Path, tmp_path: Path) -> None:
    out, copy = _annotate(draft)
    env = {**os.environ, "HOME": str(tmp_path)}
    for target in ("pdf", "odt"):
        result = subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(tmp_path / "lo"),
                str(out),
            ],
            capture_output=True,
            timeout=180,
            env=env,
        )
        assert result.returncode == 0, result.stderr
    pdf = tmp_path / "lo" / f"{out.stem}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    # LibreOffice read every comment, the one inside the text box included (its own .docx
    # export drops comments in text boxes; its OpenDocument export keeps all of them).
    with zipfile.ZipFile(tmp_path / "lo" / f"{out.stem}.odt") as odt:
        content = odt.read("content.xml").decode("utf-8")
    assert content.count("<dc:creator>caselint</dc:creator>") == copy.comments
    assert content.count("<office:annotation ") + content.count("<office:annotation>") == (
        copy.comments + 1  # and the reviewer's
    )


def test_a_body_without_paragraphs_still_gets_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "空白.docx"
    docx.Document().save(str(path))  # python-docx's template: a body with no paragraph at all
    out, copy = _annotate(path)
    _, comments = _comments(out)
    [(summary, anchored)] = comments.values()
    assert anchored == "" and "part-missing" in summary and "category-unknown" in summary
    assert copy.in_summary == len(copy.findings)
    assert [b.text for b in read_document(out).blocks if b.story is Story.MAIN] == [""]

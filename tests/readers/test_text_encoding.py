"""Plain-text drafts and the encodings Chinese editors save: UTF-8, UTF-8 with BOM, GBK, GB18030.

The same draft saved in each encoding must read to the same text and the same counts, and the
encoding found is reported (``Document.encoding`` and the ``encoding`` field of
``caselint count --format json``).
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caselint.cli.app import app
from caselint.core.model import BlockKind
from caselint.readers import ReadError, read_document
from caselint.text.count import count_blocks

#: Encodable in GBK.
DRAFT = """\
# 一、综合材料

本案例介绍了县级融媒体中心的建设情况，用户增长35.6%。
“中央厨房”——统一指挥；全角空格：\u3000结束。

## 二、详细材料

- 日活跃用户 12 万
"""
#: With 𠀀 (U+20000), which GBK cannot encode and GB18030 can (four bytes).
DRAFT_EXT = DRAFT + "\n生僻字：𠀀\n"

ENCODINGS = {
    # name reported: (Python codec, BOM)
    "UTF-8": ("utf-8", b""),
    "UTF-8-BOM": ("utf-8", codecs.BOM_UTF8),
    "GBK": ("gbk", b""),
    "GB18030": ("gb18030", b""),
}


def _write(path: Path, text: str, reported: str) -> Path:
    codec, bom = ENCODINGS[reported]
    path.write_bytes(bom + text.encode(codec))
    return path


def test_gbk_cannot_hold_the_extension_character() -> None:
    with pytest.raises(UnicodeEncodeError):
        DRAFT_EXT.encode("gbk")
    assert DRAFT.encode("gbk") == DRAFT.encode("gb18030")  # why GB18030 needs DRAFT_EXT


@pytest.mark.parametrize("suffix", [".md", ".txt"])
@pytest.mark.parametrize(
    ("reported", "text"),
    [
        ("UTF-8", DRAFT),
        ("UTF-8-BOM", DRAFT),
        ("GBK", DRAFT),
        ("UTF-8", DRAFT_EXT),
        ("UTF-8-BOM", DRAFT_EXT),
        ("GB18030", DRAFT_EXT),
    ],
)
def test_same_text_and_counts_in_every_encoding(
    tmp_path: Path, suffix: str, reported: str, text: str
) -> None:
    reference = read_document(_write(tmp_path / f"ref{suffix}", text, "UTF-8"))
    document = read_document(_write(tmp_path / f"draft{suffix}", text, reported))
    assert document.encoding == reported
    assert [b.text for b in document.blocks] == [b.text for b in reference.blocks]
    assert count_blocks(document.blocks) == count_blocks(reference.blocks)
    assert not any("\ufeff" in b.text for b in document.blocks)  # the BOM is not text
    if text is DRAFT_EXT:
        assert document.blocks[-1].text.endswith("𠀀")


def test_counts_of_the_draft(tmp_path: Path) -> None:
    document = read_document(_write(tmp_path / "draft.md", DRAFT_EXT, "GB18030"))
    counts = count_blocks(document.blocks)
    # 6 + 25 (35.6% is one word) + 21 (“ ” — touch 汉字: East-Asian; 全角空格 is a space)
    # + 6 + 7 (12 one word) + 5 (𠀀 one word)
    assert counts.words == 6 + 25 + 21 + 6 + 7 + 5
    assert counts.cjk_chars == counts.words - 2  # 35.6% and 12
    # U+3000 and the two spaces around 12; in Markdown the line break after 。 adds none,
    # in the .txt the two lines are two paragraphs.
    assert counts.chars_with_spaces - counts.chars_no_spaces == 1 + 2


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_short_gbk_heading_is_gbk(tmp_path: Path, suffix: str) -> None:
    """Charset detectors call these twelve bytes Korean (cp949); they are GBK."""
    path = tmp_path / f"heading{suffix}"
    path.write_bytes("一、基本情况".encode("gbk"))
    document = read_document(path)
    assert document.encoding == "GBK"
    assert [b.text for b in document.blocks] == ["一、基本情况"]


@pytest.mark.parametrize(
    "text", ["二、详细材料", "（一）主要做法", "联通", "综合材料\n详细材料", "数据：35.6%"]
)
def test_short_gbk_texts(tmp_path: Path, text: str) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode("gbk"))
    document = read_document(path)
    assert document.encoding == "GBK"
    assert "\n".join(b.text for b in document.blocks) == text


def test_short_gb18030_text_of_extension_characters(tmp_path: Path) -> None:
    path = tmp_path / "rare.txt"
    path.write_bytes("𠀀𠀁𪚥".encode("gb18030"))
    document = read_document(path)
    assert document.encoding == "GB18030"
    assert [b.text for b in document.blocks] == ["𠀀𠀁𪚥"]


def test_ascii_is_utf8(tmp_path: Path) -> None:
    path = tmp_path / "ascii.md"
    path.write_bytes(b"# Title\n\nplain text\n")
    assert read_document(path).encoding == "UTF-8"


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "一、基本情况\n正文".encode("utf-16-le"))
    document = read_document(path)
    assert document.encoding == "UTF-16"
    assert [b.text for b in document.blocks] == ["一、基本情况", "正文"]


@pytest.mark.parametrize("reported", ["UTF-8", "UTF-8-BOM", "GBK", "GB18030"])
def test_json_reports_the_encoding(tmp_path: Path, reported: str) -> None:
    text = DRAFT_EXT if reported == "GB18030" else DRAFT
    path = _write(tmp_path / "案例.md", text, reported)
    result = CliRunner().invoke(app, ["count", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    (entry,) = json.loads(result.stdout)["files"]
    assert entry["encoding"] == reported
    reference = count_blocks(read_document(_write(tmp_path / "ref.md", text, "UTF-8")).blocks)
    assert entry["total"]["words"] == reference.words


def test_docx_reports_no_encoding(tmp_path: Path) -> None:
    from support.inputs import write_docx

    path = write_docx(tmp_path / "a.docx", ["正文"])
    assert read_document(path).encoding is None


# -- plain text layout -----------------------------------------------------------------------


def test_every_non_empty_line_is_a_paragraph_with_its_line_number(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes("标题\r\n\r\n第一段\r\n第二段\n\n\n第三段\r旧式换行\n".encode())
    document = read_document(path)
    assert document.format == "text"
    assert [(b.kind, b.text, b.location.line) for b in document.blocks] == [
        (BlockKind.PARAGRAPH, "标题", 1),
        (BlockKind.PARAGRAPH, "第一段", 3),
        (BlockKind.PARAGRAPH, "第二段", 4),
        (BlockKind.PARAGRAPH, "第三段", 7),
        (BlockKind.PARAGRAPH, "旧式换行", 8),
    ]
    assert count_blocks(document.blocks).paragraphs == 5


def test_markdown_syntax_in_a_txt_file_is_text(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("# 标题\n**加粗**\n", encoding="utf-8")
    document = read_document(path)
    assert [b.text for b in document.blocks] == ["# 标题", "**加粗**"]


def test_spaces_and_tabs_in_text_are_counted_as_word_does(tmp_path: Path) -> None:
    path = tmp_path / "spaces.txt"
    path.write_text("\u3000\u3000首行缩进\t制表\n   \n尾部空格 \n", encoding="utf-8")
    counts = count_blocks(read_document(path).blocks)
    assert counts.chars_no_spaces == 10
    assert counts.chars_with_spaces == 10 + 3 + 3 + 1  # the blank line's spaces count too
    assert counts.paragraphs == 2


# -- what cannot be decoded ------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_damaged_utf8_names_the_line(tmp_path: Path, suffix: str) -> None:
    good = "本案例介绍了县级融媒体中心的建设情况。\n".encode()
    path = tmp_path / f"damaged{suffix}"
    path.write_bytes(good * 3 + b"\xff\xfe broken " + good)
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert caught.value.reason == "bad-utf8"
    assert "第 4 行" in caught.value.message("zh")
    assert "line 4" in caught.value.message("en")


def test_utf8_cut_off_inside_a_character(tmp_path: Path) -> None:
    """A truncated copy must not be decoded as GBK nonsense."""
    path = tmp_path / "cut.md"
    path.write_bytes("融媒体中心".encode()[:-1])
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert caught.value.reason == "bad-utf8"


def test_mojibake_is_refused_not_counted(tmp_path: Path) -> None:
    """charset-normalizer calls these bytes Urdu (cp1006); counting that would be nonsense."""
    path = tmp_path / "other.txt"
    path.write_bytes("café résumé naïve".encode("latin-1"))
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert caught.value.reason == "undecodable"
    assert "UTF-8" in caught.value.message("zh")

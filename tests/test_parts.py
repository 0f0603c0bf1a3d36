"""Finding the parts in a file: a line that opens a part, not one that mentions it."""

from __future__ import annotations

from pathlib import Path

import pytest

from caselint.cases.parts import split_document
from caselint.readers import read_document
from caselint.rulepack.limits import load_limits
from caselint.text.count import count_blocks

PACK = load_limits()


def _split(tmp_path: Path, text: str, name: str = "draft.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return split_document(read_document(path), PACK)


def test_a_reference_to_a_part_is_not_its_heading(tmp_path: Path) -> None:
    split = _split(
        tmp_path,
        "# 某台案例综合材料和详细材料\n\n# 综合材料\n\n本台客户端注册用户86万。\n\n"
        "（数据详见详细材料）\n\n下一步计划接入12个地市。\n\n# 详细材料\n\n截至2024年底日活4.2万。\n",
    )
    assert [b.text for b in split.parts["summary"]] == [
        "本台客户端注册用户86万。",
        "（数据详见详细材料）",
        "下一步计划接入12个地市。",
    ]
    assert [b.text for b in split.parts["detailed"]] == ["截至2024年底日活4.2万。"]
    assert count_blocks(split.parts["summary"]).words > 18


@pytest.mark.parametrize(
    "line",
    [
        "一、综合材料",
        "附件2：综合材料",
        "某台“云上”客户端案例综合材料",
        "综合材料（不超过1000字）",
        "第一部分 综合材料",
    ],
)
def test_lines_that_open_a_part(tmp_path: Path, line: str) -> None:
    split = _split(tmp_path, f"{line}\n\n正文一段。\n\n二、详细材料\n\n正文二段。\n", name="d.txt")
    assert [b.text for b in split.parts["summary"]] == ["正文一段。"]
    assert [b.text for b in split.parts["detailed"]] == ["正文二段。"]


def test_a_styled_heading_beats_an_earlier_plain_line(tmp_path: Path) -> None:
    split = _split(
        tmp_path,
        "详细材料\n\n这一行出现在目录里。\n\n# 综合材料\n\n正文一段。\n\n# 详细材料\n\n正文二段。\n",
    )
    assert [b.text for b in split.parts["detailed"]] == ["正文二段。"]

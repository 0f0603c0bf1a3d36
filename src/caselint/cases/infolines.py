"""Case information written in a draft's opening lines, as stations really write it.

Under the title, before the first element heading, drafts state what the 申请表 asks::

    申报类别：新媒体平台建设
    【申报单位】青禾市广播电视台
    联 系 人：周晓岚      联系电话：0736-55501238
    申报类别  ☑新媒体平台建设 □融合生产传播 □综合信息服务 □创新发展机制

or put the same pairs in a two- or four-column table. The labels recognised are data (the
pack's ``metadata.fields[].text_labels``); a line is read as case information only when its
label is one of them, so prose that happens to hold a colon is never taken for a field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from caselint.core.model import Block, BlockKind, Document, Story

if TYPE_CHECKING:
    from caselint.rulepack.pack import RulePack

#: Lines looked at before giving up on finding case information (title, 附件 marks, pairs …).
MAX_OPENING_BLOCKS = 40
#: A line longer than this that is not case information is prose: the opening is over.
MAX_OPENING_PROSE = 60
MAX_LABEL_CHARS = 12
MAX_VALUE_CHARS = 120

_SPACE = re.compile(r"[\s\u3000]+")
_SEPARATOR = "：:"
_CHECKED = "☑☒■√✓✔▣●◉"
_UNCHECKED = "□☐○◯"
_CHOICE = re.compile(rf"[{_CHECKED}]\s*([^{_CHECKED}{_UNCHECKED}\s，,、；;]+)")
#: A numbering label in front of a heading (一、 1. （一） 第一部分): the elements have begun.
NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．，,]|[（(]\s*[一二三四五六七八九十]+\s*[）)]"
    r"|[0-9０-９]{1,2}\s*[、.．](?![0-9０-９])|第[一二三四五六七八九十]+(?:部分|章|节)?\s*[、，,：:])"
)
_TRAILING = "。；;，,"


@dataclass(frozen=True)
class InfoLine:
    """One field of case information: canonical key, the label and value as written, where."""

    key: str
    label: str
    value: str
    block: Block
    document: Document


def fold_label(label: str) -> str:
    """联 系 人 and 联系人 are one label; so are 申报单位(全称) and 申报单位（全称）."""
    text = _SPACE.sub("", label).replace("(", "（").replace(")", "）")
    return text.strip("【】[]")


def text_labels(pack: RulePack) -> dict[str, str]:
    """Folded label → canonical key, from the pack's form fields."""
    table: dict[str, str] = {}
    for field in pack.metadata.fields if pack.metadata else []:
        for label in field.text_labels:
            table.setdefault(fold_label(label), field.key)
    return table


def checked_choice(value: str) -> str:
    """The ticked option of a checkbox list (☑融合生产传播 □…), else the value itself."""
    if not any(mark in value for mark in _UNCHECKED + _CHECKED):
        return value
    chosen = _CHOICE.findall(value)
    return chosen[0] if len(chosen) == 1 else ""


def _clean(value: str) -> str:
    value = _SPACE.sub(" ", value).strip().rstrip(_TRAILING).strip()
    return checked_choice(value).strip()


class _Labels:
    """Matches known labels at the start of a text and inside it (several pairs on a line)."""

    def __init__(self, labels: dict[str, str]) -> None:
        self.labels = labels
        spelled = sorted(labels, key=len, reverse=True)
        # Each label may be spaced out for alignment (联 系 人), bracketed (【联系人】). Inside a
        # line a label needs its colon or bracket: Markdown joins the lines of a paragraph, so
        # 「申报类别：新媒体平台建设申报单位：…」 holds two fields.
        alternatives = "|".join(
            r"[\s\u3000]*".join(re.escape(c) for c in label) for label in spelled
        )
        self.inner = re.compile(
            rf"[\s\u3000；;，,]*(?:【\s*(?P<bracketed>{alternatives})\s*】"
            rf"|(?P<label>{alternatives})\s*[{_SEPARATOR}])"
        )

    def key(self, label: str) -> str | None:
        return self.labels.get(fold_label(label))

    def pairs(self, text: str) -> list[tuple[str, str]] | None:
        """(label, value) pairs of one line, or None when the line is not case information."""
        text = text.strip()
        head = self._head(text)
        if head is None:
            return None
        label, rest = head
        pairs: list[tuple[str, str]] = []
        while True:
            following = self.inner.search(rest)
            value = rest[: following.start()] if following else rest
            pairs.append((label, value))
            if following is None:
                break
            label = following.group("label") or following.group("bracketed")
            rest = rest[following.end() :]
        return pairs

    def _head(self, text: str) -> tuple[str, str] | None:
        """The line's own label and what follows it: 【KEY】VALUE, KEY：VALUE or KEY VALUE."""
        if text.startswith(("【", "[")):
            close = re.search(r"[】\]]", text)
            if close and close.start() <= MAX_LABEL_CHARS + 1:
                label = text[1 : close.start()]
                if self.key(label):
                    return label, text[close.end() :].lstrip(_SEPARATOR + " \u3000")
        colon = re.search(rf"[{_SEPARATOR}]", text)
        if colon and 0 < colon.start() <= MAX_LABEL_CHARS + 4:
            label = text[: colon.start()]
            if self.key(label):
                return label, text[colon.end() :]
        first = _SPACE.search(text)
        if first and 0 < first.start() <= MAX_LABEL_CHARS:
            label = text[: first.start()]
            if self.key(label) and len(text) <= MAX_OPENING_PROSE:
                return label, text[first.end() :]
        return None


def _rows(blocks: list[Block], start: int) -> tuple[list[list[Block]], int]:
    """The cells of the table starting at ``blocks[start]``, row by row; and where it ends."""
    table = blocks[start].location.table
    rows: dict[int, dict[int, list[Block]]] = {}
    index = start
    while index < len(blocks) and blocks[index].kind is BlockKind.TABLE_CELL:
        block = blocks[index]
        if block.location.table != table:
            break
        row = rows.setdefault(block.location.row or 0, {})
        row.setdefault(block.location.cell or 0, []).append(block)
        index += 1
    ordered = []
    for _, cells in sorted(rows.items()):
        ordered.append([cells[c] for c in sorted(cells)])
    return [[_joined(cell) for cell in row] for row in ordered], index


def _joined(cell: list[Block]) -> Block:
    """A cell of several paragraphs as one block (its first paragraph's place)."""
    if len(cell) == 1:
        return cell[0]
    first = cell[0]
    text = "".join(b.display_text for b in cell)
    return Block(kind=first.kind, text=text, location=first.location, story=first.story)


_matchers: dict[str, _Labels] = {}


def _labels_of(pack: RulePack) -> _Labels:
    key = pack.digest or str(id(pack))
    if key not in _matchers:
        _matchers[key] = _Labels(text_labels(pack))
    return _matchers[key]


def is_info_line(text: str, pack: RulePack) -> bool:
    """Whether a line states case information (申报单位：…) rather than, say, a title."""
    labels = _labels_of(pack)
    return bool(labels.labels) and labels.pairs(NUMBERED.sub("", text, count=1)) is not None


def info_lines(document: Document, pack: RulePack) -> list[InfoLine]:
    """Case information stated in the opening of ``document`` (see the module docstring)."""
    labels = _labels_of(pack)
    if not labels.labels:
        return []
    blocks = [b for b in document.blocks if b.story is Story.MAIN]
    found: list[InfoLine] = []
    seen = 0
    index = 0
    while index < len(blocks) and seen < MAX_OPENING_BLOCKS:
        block = blocks[index]
        if block.kind is BlockKind.TABLE_CELL:
            rows, index = _rows(blocks, index)
            hits = _table_pairs(rows, labels, document)
            if not hits and found:
                break  # a data table after the case information: the body has begun
            found.extend(hits)
            seen += len(rows)
            continue
        index += 1
        text = block.display_text.strip()
        if not text:
            continue
        seen += 1
        pairs = labels.pairs(NUMBERED.sub("", text, count=1))
        if pairs:
            found.extend(_lines(pairs, labels, block, document))
            continue
        if NUMBERED.match(text) or len(text) > MAX_OPENING_PROSE:
            break
    return found


def _lines(
    pairs: list[tuple[str, str]], labels: _Labels, block: Block, document: Document
) -> list[InfoLine]:
    out = []
    for label, raw in pairs:
        key = labels.key(label)
        value = _clean(raw)
        if key and value and len(value) <= MAX_VALUE_CHARS:
            out.append(InfoLine(key, fold_label(label), value, block, document))
    return out


def _table_pairs(rows: list[list[Block]], labels: _Labels, document: Document) -> list[InfoLine]:
    """Rows of ``label | value`` (or ``label | value | label | value``) cells."""
    found: list[InfoLine] = []
    for row in rows:
        cells = [c for c in row if c.display_text.strip()]
        for i in range(0, len(cells) - 1, 2):
            label = cells[i].display_text.strip().rstrip(_SEPARATOR)
            if labels.key(label):
                found.extend(
                    _lines([(label, cells[i + 1].display_text)], labels, cells[i + 1], document)
                )
    return found

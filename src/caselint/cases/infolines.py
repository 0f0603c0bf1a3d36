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
#: Ticks written in brackets (新媒体平台建设（√）, [x] 融合生产传播) and empty brackets.
_BRACKET_TICK = re.compile(r"[（(\[【]\s*[√✓✔xX×☑■]\s*[）)\]】]")
_BRACKET_EMPTY = re.compile(r"[（(\[【][\s\u3000]*[）)\]】]")
_MARKS = _CHECKED + _UNCHECKED
_OPTION = rf"[^{_MARKS}\s，,、；;]+"
#: A note after a label (申报单位（盖章）, 推荐单位（公章）) that is not part of it.
_LABEL_NOTE = re.compile(r"[（(][^）)]{1,6}[）)]$")
#: Labels naming two fields at once (联系人及电话).
_LABEL_JOINERS = re.compile(r"及|和|与|、|/|／")
#: A telephone number: mobile, or area code and number, with an extension.
PHONE = re.compile(
    r"(?:\+?86[-\s]?)?(?:1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}|0\d{2,3}[-－—\s]?\d{7,8}(?:[-－转]\d{1,6})?)"
)
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")
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


def split_contact(value: str) -> tuple[str, str]:
    """(name, phone) of 「周晓岚 13800001234」; either may be empty."""
    match = PHONE.search(value)
    if match is None:
        return value.strip(), ""
    rest = (value[: match.start()] + " " + value[match.end() :]).strip(" ，,、；;/：:（）()")
    return (rest if _NAME.match(rest) else ""), match.group(0).strip()


def text_labels(pack: RulePack) -> dict[str, str]:
    """Folded label → canonical key, from the pack's form fields."""
    table: dict[str, str] = {}
    for field in pack.metadata.fields if pack.metadata else []:
        for label in field.text_labels:
            table.setdefault(fold_label(label), field.key)
    return table


def checked_choice(value: str) -> str:
    """The ticked options of a checkbox list, joined with 、 (☑融合生产传播 □… → 融合生产传播;
    新媒体平台建设（√） 融合生产传播（ ） → 新媒体平台建设; two ticked → both, for the check
    to say so); the value itself when it is no checkbox list; "" when nothing is ticked."""
    marked = _BRACKET_EMPTY.sub("□", _BRACKET_TICK.sub("☑", value))
    if not any(mark in marked for mark in _MARKS):
        return value
    text = marked.strip()
    if text[0] in _MARKS:  # ☑新媒体平台建设 □融合生产传播
        options = re.findall(rf"([{_MARKS}])\s*({_OPTION})", text)
    else:  # 新媒体平台建设☑ 融合生产传播□
        options = [(m, o) for o, m in re.findall(rf"({_OPTION})\s*([{_MARKS}])", text)]
    chosen = [option for mark, option in options if mark in _CHECKED]
    return "、".join(dict.fromkeys(chosen))


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
        keys = self.keys(label)
        return keys[0] if keys else None

    def keys(self, label: str) -> list[str]:
        """The fields a label names: one (申报单位, 申报单位（盖章）), or two (联系人及电话)."""
        folded = fold_label(label)
        for candidate in (folded, _LABEL_NOTE.sub("", folded)):
            if candidate in self.labels:
                return [self.labels[candidate]]
        parts = [p for p in _LABEL_JOINERS.split(_LABEL_NOTE.sub("", folded)) if p]
        if len(parts) == 2:
            first = self.labels.get(parts[0])
            second = self.labels.get(parts[1]) or self.labels.get(parts[0][:1] + parts[1])
            if first and second and first != second:
                return [first, second]
        return []

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


def info_lines(document: Document, pack: RulePack, *, whole: bool = False) -> list[InfoLine]:
    """Case information stated in the opening of ``document`` (see the module docstring);
    with ``whole``, anywhere in it (a 申请表 is nothing but case information)."""
    labels = _labels_of(pack)
    if not labels.labels:
        return []
    blocks = [b for b in document.blocks if b.story is Story.MAIN]
    found: list[InfoLine] = []
    seen = 0
    index = 0
    limit = len(blocks) if whole else MAX_OPENING_BLOCKS
    while index < len(blocks) and seen < limit:
        block = blocks[index]
        if block.kind is BlockKind.TABLE_CELL:
            rows, index = _rows(blocks, index)
            hits = _table_pairs(rows, labels, document)
            if not hits and found and not whole:
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
            label, value = pairs[-1]
            following = _next_value(blocks, index, labels) if not _clean(value) else None
            if following is not None:  # 申报类别： and the value on the line below
                pairs[-1] = (label, blocks[following].display_text)
                found.extend(_lines(pairs[:-1], labels, block, document))
                found.extend(_lines(pairs[-1:], labels, blocks[following], document))
                index = following + 1
                continue
            found.extend(_lines(pairs, labels, block, document))
            continue
        if (NUMBERED.match(text) or len(text) > MAX_OPENING_PROSE) and not whole:
            break
    return found


def _next_value(blocks: list[Block], index: int, labels: _Labels) -> int | None:
    """The paragraph below a label written alone (申报类别：), when it reads as its value."""
    while index < len(blocks) and not blocks[index].display_text.strip():
        index += 1
    if index >= len(blocks) or blocks[index].kind is BlockKind.TABLE_CELL:
        return None
    text = blocks[index].display_text.strip()
    if len(text) > MAX_VALUE_CHARS or NUMBERED.match(text) or _SENTENCE.search(text):
        return None
    if labels.pairs(text) is not None:
        return None
    return index


_SENTENCE = re.compile(r"[。！？!?]")


def _lines(
    pairs: list[tuple[str, str]], labels: _Labels, block: Block, document: Document
) -> list[InfoLine]:
    out = []
    for label, raw in pairs:
        keys = labels.keys(label)
        value = _clean(raw)
        if not keys or not value or len(value) > MAX_VALUE_CHARS:
            continue
        folded = fold_label(label)
        if set(keys) & {"contact", "phone"}:
            name, phone = split_contact(value)
            if phone and ("phone" in keys or name):
                split = {"contact": name, "phone": phone}
                for key in ("contact", "phone"):
                    if split[key]:
                        out.append(InfoLine(key, folded, split[key], block, document))
                continue
        out.append(InfoLine(keys[0], folded, value, block, document))
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

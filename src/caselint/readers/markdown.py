"""Read a Markdown draft with markdown-it-py: what a reader of the rendered page sees.

Markup characters, link targets, images and HTML comments are not text; YAML front matter is
case metadata, never body text. A ``<!-- caselint: ignore … -->`` comment is kept, as a block of
the comment story (like a Word comment) carrying the line of the paragraph it is attached to:
the one it ends, or the one on the line after it. Ordered and bullet list markers become labels, as Word's
automatic numbering does, so a draft counts the same before and after conversion to .docx.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from caselint.core.model import Block, BlockKind, Document, Location, Story
from caselint.text.count import AMBIGUOUS_PUNCTUATION, is_east_asian
from caselint.text.directives import is_directive

BULLET_LABEL = "•"

_parser: MarkdownIt | None = None


def _markdown() -> MarkdownIt:
    global _parser
    if _parser is None:
        _parser = (
            MarkdownIt("commonmark", {"html": True})
            .enable(["table", "strikethrough"])
            .use(front_matter_plugin)
        )
    return _parser


def _join_soft_break(before: str, after: str) -> str:
    """A source line break inside a paragraph: nothing between Chinese text, else a space.

    Only a break with East-Asian characters on both sides disappears, as with pandoc's
    ``east_asian_line_breaks``; ``中文`` broken before ``English`` keeps its space. Curly quotes,
    dashes and ellipses count as East-Asian here: in Chinese prose a line that starts with “
    after one ending in 。 is one run of text.
    """
    if not before or not after:
        return ""
    if _wide(before[-1]) and _wide(after[0]):
        return ""
    return " "


def _wide(char: str) -> bool:
    return is_east_asian(char) or char in AMBIGUOUS_PUNCTUATION


def inline_text(token: Token) -> tuple[str, bool, int]:
    """Visible text of an inline token, whether all of it is strong (a bold-only line), and
    how many characters of strong text it opens with when the rest is not strong."""
    parts: list[str] = []
    pending_break = False
    strong = 0
    bold_chars = plain_chars = 0
    lead = 0
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind in ("text", "code_inline"):
            content = child.content
            if not content:
                continue
            if pending_break:
                parts.append(_join_soft_break("".join(parts[-1:]), content))
                pending_break = False
            parts.append(content)
            visible = len(content.strip())
            if strong:
                bold_chars += visible
                if plain_chars == 0:
                    lead = sum(len(p) for p in parts)
            else:
                plain_chars += visible
        elif kind == "softbreak":
            pending_break = True
        elif kind == "hardbreak":
            parts.append("\n")
            pending_break = False
    text = "".join(parts)
    return text, bold_chars > 0 and plain_chars == 0, lead if plain_chars else 0


_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


def _directives(html: str) -> list[str]:
    """The ``caselint: ignore`` comments of a piece of raw HTML, their text stripped."""
    return [c.strip() for c in _COMMENT.findall(html) if is_directive(c)]


def _html_text(html: str) -> str:
    """Text of a raw HTML block as a browser shows it: no comments or tags, entities decoded."""
    without_comments = re.sub(r"<!--.*?-->", "", html, flags=re.DOTALL)
    return unescape(re.sub(r"<[^>]+>", "", without_comments)).strip()


class _Walker:
    def __init__(self, path: str) -> None:
        self.path = path
        self.blocks: list[Block] = []
        self.metadata: dict[str, Any] = {}
        self.metadata_error: str | None = None
        self.heading: str | None = None
        self.lists: list[dict[str, Any]] = []
        self.item_label: str | None = None
        self.table = 0
        self.row = 0
        self.cell = 0
        self.in_table = False
        #: Directive comments standing on lines of their own, waiting for the next block:
        #: (text, first line, line after the comment, previous block's line if it ends right
        #: above the comment).
        self.waiting: list[tuple[str, int, int, int | None]] = []
        self.last: tuple[int, int] | None = None  # (line, line after) of the last block

    def add(self, kind: BlockKind, text: str, line: int, **extra: Any) -> None:
        location = Location(
            line=line, heading=self.heading if kind is not BlockKind.HEADING else None
        )
        if self.in_table:
            location.table, location.row, location.cell = self.table, self.row, self.cell
        self.blocks.append(Block(kind=kind, text=text, location=location, **extra))
        for comment, _, after, previous in self.waiting:
            # On the line before this block, or ending no paragraph: it is this block's.
            target = line if line == after or previous is None else previous
            self.directive(comment, target)
        self.waiting = []

    def directive(self, text: str, line: int) -> None:
        self.blocks.append(
            Block(
                kind=BlockKind.PARAGRAPH,
                text=text,
                story=Story.COMMENT,
                location=Location(line=line),
            )
        )

    def comment_block(self, token: Token) -> None:
        """Directive comments of an HTML block, held until the block they belong to is read."""
        start, end = token.map or (0, 0)
        previous = self.last[0] if self.last is not None and self.last[1] == start + 1 else None
        for comment in _directives(token.content):
            self.waiting.append((comment, start + 1, end + 1, previous))

    def finish(self) -> None:
        """Directives after the last block belong to it (or, in an empty file, to themselves)."""
        for comment, first, _, previous in self.waiting:
            last = self.last[0] if self.last is not None else None
            self.directive(comment, previous or last or first)
        self.waiting = []

    def walk(self, tokens: list[Token]) -> None:
        pending: Token | None = None
        for token in tokens:
            kind = token.type
            line = token.map[0] + 1 if token.map else 0
            if kind == "front_matter":
                self._front_matter(token.content)
            elif kind in ("bullet_list_open", "ordered_list_open"):
                start = int(token.attrs.get("start", 1) or 1)
                self.lists.append({"ordered": kind == "ordered_list_open", "n": start - 1})
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                current = self.lists[-1]
                current["n"] += 1
                marker = token.markup if token.markup in (".", ")") else "."
                self.item_label = f"{current['n']}{marker}" if current["ordered"] else BULLET_LABEL
            elif kind == "list_item_close":
                # An item without a paragraph of its own (empty, or a code block) must not hand
                # its label to the next paragraph.
                self.item_label = None
            elif kind == "table_open":
                self.table += 1
                self.row = 0
                self.in_table = True
            elif kind == "table_close":
                self.in_table = False
            elif kind == "tr_open":
                self.row += 1
                self.cell = 0
            elif kind in ("th_open", "td_open"):
                self.cell += 1
            elif kind in ("heading_open", "paragraph_open"):
                pending = token
            elif kind == "inline":
                self._inline(token, pending, line)
                self._ended(token)
                for child in token.children or []:
                    if child.type == "html_inline":
                        for comment in _directives(child.content):
                            self.directive(comment, line)
                pending = None
            elif kind in ("code_block", "fence"):
                self.add(BlockKind.PARAGRAPH, token.content.rstrip("\n"), line)
                self._ended(token)
            elif kind == "html_block":
                text = _html_text(token.content)
                self.comment_block(token)
                if text:
                    self.add(BlockKind.PARAGRAPH, text, line)
                    self._ended(token)
        self.finish()

    def _ended(self, token: Token) -> None:
        if token.map:
            self.last = (token.map[0] + 1, token.map[1] + 1)

    def _inline(self, token: Token, opener: Token | None, line: int) -> None:
        text, bold, lead = inline_text(token)
        if self.in_table and opener is None:
            self.add(BlockKind.TABLE_CELL, text, line, bold=bold)
        elif opener is not None and opener.type == "heading_open":
            level = int(opener.tag[1:])
            self.add(BlockKind.HEADING, text, line, level=level)
            if text.strip():
                self.heading = text.strip()
        elif self.item_label is not None:
            self.add(
                BlockKind.LIST_ITEM, text, line, label=self.item_label, bold=bold, bold_lead=lead
            )
            self.item_label = None
        else:
            self.add(BlockKind.PARAGRAPH, text, line, bold=bold, bold_lead=lead)

    def _front_matter(self, content: str) -> None:
        from caselint.core.safeyaml import YamlError, load_yaml

        try:
            data = load_yaml(content) if content.strip() else {}
        except YamlError as exc:
            self.metadata_error = str(exc)
            return
        if isinstance(data, dict):
            self.metadata = {str(k): v for k, v in data.items()}
        elif data is not None:
            self.metadata_error = "front matter is not a mapping (key: value)"


def read_markdown_text(text: str, path: Path, encoding: str | None) -> Document:
    walker = _Walker(str(path))
    walker.walk(_markdown().parse(text))
    return Document(
        path=str(path),
        format="markdown",
        blocks=walker.blocks,
        encoding=encoding,
        metadata=walker.metadata,
        metadata_error=walker.metadata_error,
    )

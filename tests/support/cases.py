"""Realistic case drafts for tests, and a renderer that turns them into real .docx files.

The drafts live in ``tests/fixtures/cases/`` as Markdown with YAML front matter:

* ``compliant/<category-id>.md``: one clean case per category (``platform``, ``production``,
  ``service``, ``mechanism``). Each has a title line, ``# 综合材料`` with the six elements under
  ``##`` headings worded differently from the notice, and ``# 详细材料`` with data for all six
  data dimensions. ``production`` is the data-rich one (详细材料 between 4600 and 4950 字, with
  tables); ``service`` uses numbered lists.
* ``problems/<rule-name>.md``: a copy of a compliant case with one planted problem, named after
  the rule that must find it. An HTML comment at the top of the body (never counted) says what
  must be found and where::

      <!--
      expect: emotive-wording @ detailed text=全国领先
      note: free text for the reader
      -->

  ``expect: RULE @ PART [element=N] [dimension=NAME] [text=PHRASE]`` — PART is ``summary``,
  ``detailed`` or ``case``; ``element=4|5`` accepts either element; ``text`` is a phrase the
  finding's excerpt or message must contain. ``expect: pass [category=NAME]`` marks a draft
  that must pass (no error-level finding). :meth:`Expectation.matches` tests a finding.

Use :func:`load_case` / :func:`compliant` for the Markdown, :func:`expectations` for the planted
problems and :func:`build_docx_case` to render any draft as a .docx with one of four heading
styles (Word heading styles, bold-only lines, automatic 一、 numbering, typed labels).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from caselint.text.count import AMBIGUOUS_PUNCTUATION, is_east_asian
from support.docx_build import abstract_num, build_docx, level, num, para, run, table

CASES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "cases"
COMPLIANT_DIR = CASES_DIR / "compliant"
PROBLEMS_DIR = CASES_DIR / "problems"

#: Category ids of the compliant drafts, and the names and aliases that select them.
CATEGORY_IDS: dict[str, str] = {
    "platform": "新媒体平台建设",
    "production": "融合生产传播",
    "service": "综合信息服务",
    "mechanism": "创新发展机制",
}
_CATEGORY_ALIASES: dict[str, str] = {
    **{name: cid for cid, name in CATEGORY_IDS.items()},
    "新媒体平台": "platform",
    "融合生产": "production",
    "信息服务": "service",
    "体制机制改革": "mechanism",  # the 2024 name of the fourth category
}

HeadingStyle = Literal["styles", "bold", "numbering", "typed"]
HEADING_STYLES: tuple[HeadingStyle, ...] = ("styles", "bold", "numbering", "typed")


# -- the Markdown drafts ----------------------------------------------------------------------


def load_case(name: str) -> str:
    """The Markdown of a draft: ``"compliant/platform"``, ``"problems/element-missing"``, or a
    bare name looked up in ``compliant/`` then ``problems/`` (``.md`` optional)."""
    stem = name[:-3] if name.endswith(".md") else name
    candidates = [CASES_DIR / f"{stem}.md"]
    if "/" not in stem:
        candidates += [COMPLIANT_DIR / f"{stem}.md", PROBLEMS_DIR / f"{stem}.md"]
    for path in candidates:
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no case draft named {name!r} under {CASES_DIR}")


def category_id(category: str) -> str:
    """``platform`` … ``mechanism`` for an id, a category name or one of its aliases."""
    if category in CATEGORY_IDS:
        return category
    try:
        return _CATEGORY_ALIASES[category]
    except KeyError:
        raise KeyError(
            f"unknown category {category!r}; use one of {sorted(CATEGORY_IDS)}"
        ) from None


def compliant(category: str) -> str:
    """The compliant draft of a category (id such as ``platform``, or 新媒体平台建设 …)."""
    return load_case(f"compliant/{category_id(category)}")


def problem_names() -> list[str]:
    """Names of the problem drafts (file stems), sorted."""
    return sorted(p.stem for p in PROBLEMS_DIR.glob("*.md"))


def case_path(name: str) -> Path:
    """The fixture file of a draft named as for :func:`load_case`."""
    stem = name[:-3] if name.endswith(".md") else name
    for path in (
        CASES_DIR / f"{stem}.md",
        COMPLIANT_DIR / f"{stem}.md",
        PROBLEMS_DIR / f"{stem}.md",
    ):
        if path.is_file():
            return path
    raise FileNotFoundError(name)


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def front_matter(md_text: str) -> dict[str, Any]:
    """The YAML front matter of a draft as a dict (empty when there is none)."""
    match = _FRONT_MATTER.match(md_text)
    if not match:
        return {}
    data = yaml.safe_load(match.group(1)) or {}
    return {str(k): v for k, v in data.items()}


def body(md_text: str) -> str:
    """The draft without its front matter."""
    return _FRONT_MATTER.sub("", md_text, count=1)


def with_front_matter(md_text: str, **changes: Any) -> str:
    """The draft with front-matter keys changed; a value of None removes the key."""
    data = front_matter(md_text)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    if not data:
        return body(md_text)
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).rstrip("\n")
    return f"---\n{dumped}\n---\n{body(md_text)}"


@dataclass(frozen=True)
class Expectation:
    """One ``expect:`` line of a problem draft."""

    rule: str  # a rule name, or "pass"
    part: str | None = None  # summary, detailed, case
    elements: tuple[int, ...] = ()  # any of these; empty: any element
    dimension: str | None = None
    text: str | None = None
    category: str | None = None
    raw: str = ""

    @property
    def element(self) -> int | None:
        return self.elements[0] if self.elements else None

    def matches(self, finding: Any) -> bool:
        """Whether a finding (a pydantic ``Finding`` or its JSON dict) is the one expected."""

        def get(key: str) -> Any:
            if isinstance(finding, dict):
                return finding.get(key)
            return getattr(finding, key, None)

        if self.rule == "pass" or get("rule") != self.rule:
            return False
        if self.part not in (None, "case") and get("part") != self.part:
            return False
        if self.elements and get("element") not in self.elements:
            return False
        if self.dimension is not None and get("dimension") != self.dimension:
            return False
        if self.text is not None:
            haystack = f"{get('excerpt') or ''}\n{get('message') or ''}"
            if self.text not in haystack:
                return False
        return True


_EXPECT = re.compile(r"^\s*expect:\s*(?P<spec>.+?)\s*$", re.MULTILINE)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


def expectations(md_text: str) -> list[Expectation]:
    """The ``expect:`` lines of the draft's HTML comments (see the module docstring)."""
    found: list[Expectation] = []
    for comment in _COMMENT.finditer(md_text):
        for match in _EXPECT.finditer(comment.group(1)):
            spec = match.group("spec")
            head, _, where = spec.partition("@")
            tokens = head.split()
            rule = tokens[0]
            options = dict(_options(tokens[1:] + where.split()[1:]))
            part = where.split()[0] if where.strip() else None
            found.append(
                Expectation(
                    rule=rule,
                    part=part,
                    elements=tuple(int(n) for n in options["element"].split("|"))
                    if "element" in options
                    else (),
                    dimension=options.get("dimension"),
                    text=options.get("text"),
                    category=options.get("category"),
                    raw=spec,
                )
            )
    return found


def _options(tokens: list[str]) -> Iterator[tuple[str, str]]:
    for token in tokens:
        key, sep, value = token.partition("=")
        if not sep:
            raise ValueError(f"bad expect option {token!r} (want key=value)")
        yield key, value


# -- rendering a draft as .docx ---------------------------------------------------------------

_CN = "一二三四五六七八九十"
_LABEL_1 = re.compile(rf"^([{_CN}]+)、\s*")
_LABEL_2 = re.compile(rf"^（([{_CN}]+)）\s*")
_PART_TITLES = ("综合材料", "详细材料")

# numbering.xml: one definition for the element headings (一、 / （一） / 1.), one for ordered
# lists, one for bullets. Every part and every list gets its own w:num restarting at 1.
_HEADINGS_ABSTRACT = 10
_ORDERED_ABSTRACT = 11
_BULLET_ABSTRACT = 12
_IND = '<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>'


def _md() -> MarkdownIt:
    return (
        MarkdownIt("commonmark", {"html": True})
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
    )


def _chinese_value(label: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23."""
    digits = {c: i + 1 for i, c in enumerate(_CN[:9])}
    if label == "十":
        return 10
    if label.startswith("十"):
        return 10 + digits[label[1]]
    if "十" in label:
        tens, _, ones = label.partition("十")
        return digits[tens] * 10 + (digits[ones] if ones else 0)
    return digits[label]


def _wide(char: str) -> bool:
    return is_east_asian(char) or char in AMBIGUOUS_PUNCTUATION


def _join_soft_break(before: str, after: str) -> str:
    """As the Markdown reader joins a source line break: nothing between Chinese text."""
    if not before or not after:
        return ""
    return "" if _wide(before[-1]) and _wide(after[0]) else " "


@dataclass
class _Span:
    text: str
    bold: bool = False
    hard_break: bool = False


def _inline_spans(token: Token) -> list[_Span]:
    """The visible text of an inline token as bold/plain spans (as the Markdown reader sees it)."""
    spans: list[_Span] = []
    strong = 0
    pending_break = False
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind in ("text", "code_inline"):
            if not child.content:
                continue
            if pending_break:
                before = "".join(s.text for s in spans[-1:])
                joint = _join_soft_break(before, child.content)
                if joint:
                    spans.append(_Span(joint, bold=strong > 0))
                pending_break = False
            spans.append(_Span(child.content, bold=strong > 0))
        elif kind == "softbreak":
            pending_break = True
        elif kind == "hardbreak":
            spans.append(_Span("", hard_break=True))
            pending_break = False
    return spans


def _runs(spans: list[_Span], *, bold: bool | None = None) -> str:
    """``w:r`` elements for the spans. Each run of ambiguous marks (“ ” — … ·) gets a run of
    its own, with the East-Asian font hint exactly when the Markdown reader counts it
    East-Asian (it touches an East-Asian character), so both formats count the same."""
    text = "".join(s.text for s in spans)
    out: list[str] = []
    offset = 0
    for span in spans:
        if span.hard_break:
            out.append("<w:r><w:br/></w:r>")
            continue
        is_bold = True if bold else (span.bold or None)
        for piece, start in _split_ambiguous(span.text):
            absolute = offset + start
            hinted = False
            if piece[0] in AMBIGUOUS_PUNCTUATION:
                before = text[absolute - 1] if absolute > 0 else ""
                after_index = absolute + len(piece)
                after = text[after_index] if after_index < len(text) else ""
                hinted = bool(before and is_east_asian(before)) or bool(
                    after and is_east_asian(after)
                )
            out.append(run(piece, bold=is_bold, hint=hinted))
        offset += len(span.text)
    return "".join(out)


def _split_ambiguous(text: str) -> Iterator[tuple[str, int]]:
    """Pieces of ``text`` alternating between ambiguous marks and everything else."""
    for match in re.finditer(
        f"[{re.escape(AMBIGUOUS_PUNCTUATION)}]+|[^{re.escape(AMBIGUOUS_PUNCTUATION)}]+", text
    ):
        yield match.group(), match.start()


def _strip_comments(html: str) -> str:
    from html import unescape

    without = re.sub(r"<!--.*?-->", "", html, flags=re.DOTALL)
    return unescape(re.sub(r"<[^>]+>", "", without)).strip()


@dataclass
class _Renderer:
    style: HeadingStyle
    body: list[str] = field(default_factory=list)
    nums: list[str] = field(default_factory=list)
    next_num: int = 20
    heading_num: int | None = None
    heading_counters: list[int] = field(default_factory=lambda: [0, 0])
    lists: list[dict[str, Any]] = field(default_factory=list)
    item_pending: bool = False
    seen_heading: bool = False
    table_rows: list[list[str]] | None = None
    row: list[str] | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def new_num(self, abstract: int, *, levels: int = 1, start: int = 1) -> int:
        """A new ``w:num`` of ``abstract`` whose first ``levels`` levels restart (at ``start``)."""
        num_id = self.next_num
        self.next_num += 1
        overrides = {i: (start if i == 0 else 1) for i in range(levels)}
        self.nums.append(num(num_id, abstract, start_overrides=overrides))
        return num_id

    # -- blocks -----------------------------------------------------------------------------

    def heading(self, level_no: int, spans: list[_Span]) -> None:
        text = "".join(s.text for s in spans)
        first = not self.seen_heading
        self.seen_heading = True
        is_part = text.strip() in _PART_TITLES
        if is_part:
            self.heading_num = None
            self.heading_counters = [0, 0]
        if self.style == "styles":
            style = (
                "Title" if first and level_no == 1 and not is_part else f"Heading{min(level_no, 9)}"
            )
            self.body.append(para(_runs(spans), style=style))
        elif self.style == "bold":
            self.body.append(para(_runs(spans, bold=True)))
        elif self.style == "typed":
            self.body.append(para(_runs(spans)))
        else:
            self.numbered_heading(spans, text)

    def numbered_heading(self, spans: list[_Span], text: str) -> None:
        """一、 and （一） labels become Word numbering; other headings are bold lines."""
        for ilvl, pattern in ((0, _LABEL_1), (1, _LABEL_2)):
            match = pattern.match(text)
            if not match:
                continue
            value = _chinese_value(match.group(1))
            expected = self.heading_counters[ilvl] + 1
            if value != expected:
                break  # a draft numbered out of sequence keeps its typed label
            if self.heading_num is None:
                self.heading_num = self.new_num(_HEADINGS_ABSTRACT, levels=2)
            self.heading_counters[ilvl] = value
            if ilvl == 0:
                self.heading_counters[1] = 0
            rest = _drop_prefix(spans, match.end())
            self.body.append(para(_runs(rest), num=(self.heading_num, ilvl)))
            return
        self.body.append(para(_runs(spans, bold=True)))

    def paragraph(self, spans: list[_Span]) -> None:
        if self.lists and self.item_pending:
            current = self.lists[-1]
            if current["num"] is None:
                abstract = _ORDERED_ABSTRACT if current["ordered"] else _BULLET_ABSTRACT
                current["num"] = self.new_num(abstract, start=current["start"])
            ilvl = min(len(self.lists) - 1, 8)
            self.body.append(para(_runs(spans), style="ListParagraph", num=(current["num"], ilvl)))
            self.item_pending = False
            return
        self.body.append(para(_runs(spans)))

    def plain(self, text: str) -> None:
        self.body.append(para(_runs([_Span(text)])))

    def cell(self, spans: list[_Span]) -> None:
        assert self.row is not None
        self.row.append(para(_runs(spans)))

    # -- walk -------------------------------------------------------------------------------

    def walk(self, tokens: list[Token]) -> None:
        opener: Token | None = None
        for token in tokens:
            kind = token.type
            if kind == "front_matter":
                data = yaml.safe_load(token.content) if token.content.strip() else {}
                if isinstance(data, dict):
                    self.metadata = {str(k): v for k, v in data.items()}
            elif kind in ("bullet_list_open", "ordered_list_open"):
                start = int(token.attrs.get("start", 1) or 1)
                self.lists.append(
                    {"ordered": kind == "ordered_list_open", "num": None, "start": start}
                )
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                self.item_pending = True
            elif kind == "list_item_close":
                self.item_pending = False
            elif kind == "table_open":
                self.table_rows = []
            elif kind == "table_close":
                assert self.table_rows is not None
                self.body.append(table(self.table_rows))
                self.table_rows = None
            elif kind == "tr_open":
                self.row = []
            elif kind == "tr_close":
                assert self.table_rows is not None and self.row is not None
                self.table_rows.append(self.row)
                self.row = None
            elif kind in ("heading_open", "paragraph_open"):
                opener = token
            elif kind == "inline":
                spans = _inline_spans(token)
                if self.table_rows is not None and opener is None:
                    self.cell(spans)
                elif opener is not None and opener.type == "heading_open":
                    self.heading(int(opener.tag[1:]), spans)
                else:
                    self.paragraph(spans)
                opener = None
            elif kind in ("code_block", "fence"):
                for line in token.content.rstrip("\n").split("\n"):
                    self.plain(line)
            elif kind == "html_block":
                text = _strip_comments(token.content)
                if text:
                    self.plain(text)

    def numbering_xml(self) -> str:
        headings = abstract_num(
            _HEADINGS_ABSTRACT,
            level(0, "chineseCounting", "%1、", extra=_IND.format(left=640, hanging=640)),
            level(1, "chineseCounting", "（%2）", extra=_IND.format(left=1280, hanging=640)),
            level(2, "decimal", "%3.", extra=_IND.format(left=1920, hanging=640)),
        )
        ordered = abstract_num(
            _ORDERED_ABSTRACT,
            *(
                level(
                    i, "decimal", f"%{i + 1}.", extra=_IND.format(left=420 * (i + 1), hanging=420)
                )
                for i in range(9)
            ),
        )
        bullets = abstract_num(
            _BULLET_ABSTRACT,
            *(
                level(i, "bullet", "•", extra=_IND.format(left=420 * (i + 1), hanging=420))
                for i in range(9)
            ),
        )
        return headings + ordered + bullets + "".join(self.nums)


def _drop_prefix(spans: list[_Span], count: int) -> list[_Span]:
    """The spans without their first ``count`` characters (a typed label)."""
    out: list[_Span] = []
    for span in spans:
        if count <= 0 or span.hard_break:
            out.append(span)
            continue
        if len(span.text) <= count:
            count -= len(span.text)
            continue
        out.append(_Span(span.text[count:], bold=span.bold))
        count = 0
    return out


def build_docx_case(
    md_text: str,
    path: str | Path,
    *,
    heading_style: HeadingStyle = "styles",
) -> Path:
    """Render a Markdown draft into a real .docx at ``path`` and return the path.

    Front matter becomes custom document properties (docProps/custom.xml, keys as written:
    类别, 案例名称 …; ``案例名称`` is also the core title), never body text. Headings, by
    ``heading_style``:

    * ``"styles"``: Word heading styles (``#`` → Heading 1 …; the first heading, the case
      title, in the Title style);
    * ``"bold"``: Normal paragraphs whose text is all bold;
    * ``"numbering"``: headings typed ``一、…`` / ``（一）…`` lose the typed label and get
      Word automatic numbering instead (numbering.xml, ``chineseCounting``, ``%1、`` and
      ``（%2）``, restarting in each part); other headings are bold lines;
    * ``"typed"``: Normal, not bold, labels typed as in the Markdown.

    Tables become Word tables, ordered and bullet lists Word numbered lists (``%1.`` / ``•``).
    Ambiguous marks (“ ” — …) are written with ``w:rFonts w:hint="eastAsia"`` where the
    Markdown reader counts them East-Asian, so the .docx counts exactly as the Markdown in the
    inclusive scope (numbering labels included).
    """
    if heading_style not in HEADING_STYLES:
        raise ValueError(f"heading_style must be one of {HEADING_STYLES}")
    renderer = _Renderer(heading_style)
    renderer.walk(_md().parse(md_text))
    props = {
        key: value if isinstance(value, bool) else str(value)
        for key, value in renderer.metadata.items()
        if value is not None
    }
    core = {"title": str(props["案例名称"])} if "案例名称" in props else None
    return build_docx(
        path,
        "".join(renderer.body),
        numbering_xml=renderer.numbering_xml(),
        custom_props=props or None,
        core_props=core,
    )

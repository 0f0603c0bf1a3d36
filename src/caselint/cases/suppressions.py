"""Findings a case's authors accepted, and why: ``caselint: ignore`` in the drafts, case.toml.

Where a suppression is written decides what it covers:

* a comment (Markdown ``<!-- caselint: ignore W001 原因：… -->``, a Word comment starting
  ``caselint: ignore W001 …``) on a paragraph covers that paragraph's findings of the rules it
  names; a Word comment anchored on some characters covers the findings on those characters;
* the same comment on a part's heading line (「详细材料」) covers that part's findings that name
  no paragraph (a data dimension, the length); on the title line, before both parts, the case's
  (metadata, category) — where ``caselint annotate`` lists those findings;
* an entry of the ``ignore`` list of the case's case.toml covers the case's findings of its
  rules, optionally only in one ``part`` or only those whose excerpt or message holds ``text``;
* an ``accept`` entry of caselint.toml does the same for every case, or, in an
  ``[[overrides]]`` table, for the cases its globs match.

A suppressed finding is kept with its :class:`~caselint.core.model.Suppression`; it is not
counted and fails nothing. A suppression that covers nothing is reported (``unused-suppression``),
one without a reason too (``suppression-without-reason``). Entries naming a rule checked across
cases (quotas, re-submission) are judged when those checks run (:func:`apply_across`). The
config's entries cover many cases, so they are judged once over the whole run
(:func:`judge_config`): unused if they accepted nothing in any case they apply to.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from caselint.cases.parts import split_document
from caselint.core.codes import BY_NAME, SUPPRESSION_RULES, finding
from caselint.core.i18n import Catalog, Lang, join_list, render
from caselint.core.model import (
    Block,
    Document,
    Finding,
    Location,
    PartName,
    Story,
    Suppression,
)
from caselint.rulepack.acceptance import (
    PART_KEYS,
    REASON_KEYS,
    RULE_KEYS,
    TEXT_KEYS,
    first,
    part_of,
)
from caselint.text.directives import Directive, parse_directive, parse_entry

if TYPE_CHECKING:
    from caselint.cases.case import Case, CaseInput
    from caselint.rulepack.overrides import ConfigAccept
    from caselint.rulepack.pack import RulePack

Kind = Literal["comment", "case", "config"]
Scope = Literal["text", "part", "case", "all"]

#: Keys of case.toml read as the ignore list.
IGNORE_KEYS = ("ignore", "忽略")

MESSAGES: Catalog = {
    "unused": {
        "zh": "忽略标记没有对应的问题：{rules}（问题已改掉，或规则写错了）",
        "en": "this suppression accepts nothing: {rules} (the finding is gone, or the rule is wrong)",
    },
    "unused-fix": {
        "zh": "删去这条忽略标记，或改正其中的规则",
        "en": "delete the suppression or correct its rule",
    },
    "unknown": {
        "zh": "忽略标记中的规则不存在：{rules}（caselint rules 可列出全部规则）",
        "en": "the suppression names no rule: {rules} (see caselint rules)",
    },
    "no-rule": {
        "zh": "忽略标记没有写明规则，应写成“caselint: ignore W001 原因：……”",
        "en": "the suppression names no rule; write “caselint: ignore W001 reason …”",
    },
    "bad-entry": {
        "zh": 'case.toml 的 ignore 列表中有一项无法理解：{entry}（应为 "W001 原因：……" 或 '
        '{{ rule = "W001", reason = "……" }}）',
        "en": 'an entry of case.toml\'s ignore list cannot be read: {entry} (write "W001 reason" '
        'or {{ rule = "W001", reason = "…" }})',
    },
    "no-reason": {
        "zh": "忽略 {rules} 时没有写原因",
        "en": "{rules} is accepted without a reason",
    },
    "no-reason-fix": {
        "zh": "在规则后写上原因，如“caselint: ignore W001 原因：引用第三方榜单”",
        "en": "give the reason after the rule: “caselint: ignore W001 reason: quoted ranking”",
    },
    "no-reason-fix-entry": {
        "zh": '在规则后写上原因，如 "W001 原因：引用第三方榜单"，或在表中写 reason = "……"',
        "en": 'give the reason after the rule, "W001 reason: quoted ranking", or reason = "…" '
        "in the table",
    },
}


@dataclass
class Accepted:
    """One suppression as written: the rules it names, what it covers, how often it was used.

    ``scope``: ``text`` (a paragraph of ``target_file``: its ``paragraph`` or Markdown ``line``,
    narrowed to ``start:end`` when the comment is anchored on characters), ``part`` (findings of
    ``part`` that name no paragraph), ``case`` (findings of no part and no paragraph) or
    ``all`` (every finding of the case, narrowed by ``part`` and ``text``).
    """

    directive: Directive
    kind: Kind
    scope: Scope
    file: str | None = None
    location: Location = field(default_factory=Location)
    target_file: str | None = None
    paragraph: int | None = None
    line: int | None = None
    start: int | None = None
    end: int | None = None
    part: PartName | None = None
    text: str | None = None
    written: str | None = None  # the suppression's own words, shown when it is reported
    problem: str | None = None  # a catalog key when the entry cannot be used at all
    key: str | None = None  # where in the config file a ``config`` entry is written
    used: int = 0

    @property
    def rules(self) -> tuple[str, ...]:
        return self.directive.rules

    def covers(self, item: Finding) -> bool:
        if item.rule not in self.rules or item.rule in SUPPRESSION_RULES:
            return False
        loc = item.location
        placed = loc.paragraph is not None or loc.line is not None
        if self.scope == "all":
            if self.part is not None and item.part != self.part:
                return False
            return self.text is None or self.text in (item.excerpt or "") + item.message
        if self.scope == "part":
            return item.part == self.part and not placed
        if self.scope == "case":
            return item.part is None and not placed
        if item.file is None or item.file != self.target_file:
            return False
        if self.paragraph is not None:
            if loc.paragraph != self.paragraph:
                return False
            if not _spans(self.start, self.end) or not _spans(loc.start, loc.end):
                return True  # the whole paragraph, or a finding about all of it
            return loc.start < self.end and self.start < max(loc.end, loc.start + 1)  # type: ignore[operator]
        return self.line is not None and loc.line == self.line

    def record(self) -> Suppression:
        location = self.location if self.kind == "comment" else None
        return Suppression(
            kind=self.kind,
            reason=self.directive.reason,
            file=self.file,
            location=location,
            key=self.key,
        )


def _spans(start: int | None, end: int | None) -> bool:
    """Whether ``start:end`` names some characters (a point comment names the paragraph)."""
    return start is not None and end is not None and start < end


# -- reading suppressions ---------------------------------------------------------------------


def written_in(case: Case, pack: RulePack, config: Sequence[ConfigAccept] = ()) -> list[Accepted]:
    """Every suppression of a case, most particular first: comments in its drafts, its
    case.toml's list, then the config's entries that apply to it."""
    found: list[Accepted] = []
    for document in case.documents:
        found.extend(_in_document(document, pack))
    found.extend(in_sidecar(case.input))
    found.extend(in_config(config))
    return found


def _in_document(document: Document, pack: RulePack) -> Iterator[Accepted]:
    comments = [b for b in document.blocks if b.story is Story.COMMENT]
    if not any(parse_directive(b.text) for b in comments):
        return
    split = split_document(document, pack)
    markers = {id(block): name for name, block in split.markers.items()}
    in_part = {id(b): name for name, blocks in split.parts.items() for b in blocks}
    docx = document.format == "docx"
    for comment in comments:
        directive = parse_directive(comment.text)
        if directive is None:
            continue
        loc = comment.location
        target = _target(document.blocks, loc, docx)
        accepted = Accepted(
            directive,
            "comment",
            "text",
            file=document.path,
            location=Location(paragraph=loc.paragraph) if docx else Location(line=loc.line),
            target_file=document.path,
            written=comment.text.strip(),
        )
        if target is not None and id(target) in markers:
            accepted.scope, accepted.part = "part", markers[id(target)]
        elif target is not None and id(target) not in in_part and split.markers:
            accepted.scope = "case"  # the title line, before both parts
        else:
            accepted.part = in_part.get(id(target)) if target is not None else None
            if docx:
                accepted.paragraph, accepted.start, accepted.end = loc.paragraph, loc.start, loc.end
            else:
                accepted.line = loc.line
        yield accepted


def _target(blocks: list[Block], loc: Location, docx: bool) -> Block | None:
    """The body paragraph a comment is attached to (by paragraph number, or Markdown line)."""
    for block in blocks:
        if block.story is not Story.MAIN:
            continue
        if docx and loc.paragraph is not None and block.location.paragraph == loc.paragraph:
            return block
        if not docx and loc.line is not None and block.location.line == loc.line:
            return block
    return None


def in_sidecar(case: CaseInput) -> list[Accepted]:
    """The ``ignore`` list of a case's case.toml / case.yaml (a string or a table per entry)."""
    raw = next((case.metadata[k] for k in IGNORE_KEYS if k in case.metadata), None)
    if raw is None:
        return []
    entries = raw if isinstance(raw, list) else [raw]
    file = str(case.metadata_file) if case.metadata_file else None
    return [entry_to_accepted(entry, "case", file) for entry in entries]


def in_config(entries: Sequence[ConfigAccept]) -> list[Accepted]:
    """The config's ``accept`` entries that apply to a case (validated when it was loaded)."""
    out = []
    for item in entries:
        accepted = entry_to_accepted(item.as_entry(), "config", item.file)
        accepted.key, accepted.written = item.key, item.written
        out.append(accepted)
    return out


def entry_to_accepted(entry: Any, kind: Kind, file: str | None) -> Accepted:
    """One ``ignore`` entry: ``"W001 原因：…"`` or ``{ rule, reason, part, text }``."""
    written = str(entry)
    if isinstance(entry, str):
        return Accepted(parse_entry(entry), kind, "all", file=file, written=entry.strip())
    if isinstance(entry, dict):
        rules = first(entry, RULE_KEYS)
        names = rules if isinstance(rules, list) else [rules] if rules is not None else []
        head = parse_entry(" ".join(str(n) for n in names))
        reason = first(entry, REASON_KEYS)
        reason_text = str(reason).strip() if reason is not None else ""
        directive = Directive(head.rules, head.unknown, reason_text or None)
        part = part_of(first(entry, PART_KEYS))
        text = first(entry, TEXT_KEYS)
        accepted = Accepted(
            directive,
            kind,
            "all",
            file=file,
            part=part,
            text=str(text) if text else None,
            written=written,
        )
        if part is None and first(entry, PART_KEYS) is not None:
            accepted.problem = "bad-entry"
        return accepted
    return Accepted(Directive(()), kind, "all", file=file, written=written, problem="bad-entry")


# -- applying them ----------------------------------------------------------------------------


def is_batch(rule: str) -> bool:
    info = BY_NAME.get(rule)
    return info is not None and info.scope == "batch"


def apply(
    findings: Iterable[Finding],
    accepted: Sequence[Accepted],
    enabled: frozenset[str],
    lang: Lang,
) -> list[Finding]:
    """Mark the findings the suppressions cover, then report unused and reasonless ones.

    ``enabled`` are the rules this run checks: a suppression of a rule not checked is neither
    used nor unused. Entries naming a rule checked across cases wait for :func:`apply_across`,
    the config's for :func:`judge_config`.
    """
    out = [_mark(item, accepted) for item in findings]
    for entry in accepted:
        if entry.kind == "config" or any(is_batch(rule) for rule in entry.rules):
            continue
        out.extend(judge(entry, enabled, lang))
    return out


def _mark(item: Finding, accepted: Sequence[Accepted]) -> Finding:
    if item.suppression is not None:
        return item
    for entry in accepted:
        if entry.problem is None and entry.covers(item):
            entry.used += 1
            item.suppression = entry.record()
            break
    return item


def judge(entry: Accepted, enabled: frozenset[str], lang: Lang) -> list[Finding]:
    """The findings about a suppression itself, once it has been applied."""
    place: dict[str, Any] = {
        "file": entry.file,
        "part": entry.part,
        "location": entry.location,
        "excerpt": entry.written,
    }
    rules = join_list([BY_NAME[r].code for r in entry.rules], lang)
    if entry.problem is not None:
        message = render(MESSAGES, entry.problem, lang, entry=entry.written)
        return [finding("unused-suppression", message, **place)]
    out = []
    if entry.directive.unknown:
        names = join_list(list(entry.directive.unknown), lang)
        out.append(
            finding("unused-suppression", render(MESSAGES, "unknown", lang, rules=names), **place)
        )
    if not entry.rules:
        if not entry.directive.unknown:
            out.append(finding("unused-suppression", render(MESSAGES, "no-rule", lang), **place))
        return out
    if not entry.used:
        if any(rule in enabled for rule in entry.rules):
            message = render(MESSAGES, "unused", lang, rules=rules)
            suggestion = render(MESSAGES, "unused-fix", lang)
            out.append(finding("unused-suppression", message, suggestion=suggestion, **place))
        return out
    if entry.directive.reason is None:
        message = render(MESSAGES, "no-reason", lang, rules=rules)
        fix = "no-reason-fix" if entry.kind == "comment" else "no-reason-fix-entry"
        suggestion = render(MESSAGES, fix, lang)
        out.append(finding("suppression-without-reason", message, suggestion=suggestion, **place))
    return out


def apply_across(
    across: list[Finding],
    cases: Iterable[tuple[CaseInput, list[Finding], frozenset[str]]],
    lang: Lang,
) -> None:
    """Entries of each case's ignore list naming a rule checked across cases, applied to the
    findings across cases that concern that case alone; what they leave unused is added to
    the case's findings. Each case comes with the rules checked for it (the config's overrides
    may turn some off for some cases)."""
    for case_input, case_findings, enabled in cases:
        entries = [e for e in in_sidecar(case_input) if any(is_batch(r) for r in e.rules)]
        if not entries:
            continue
        for item in across:
            if item.cases == [case_input.id]:
                _mark(item, entries)
        for entry in entries:
            case_findings.extend(f for f in judge(entry, enabled, lang) if f.rule in enabled)


@dataclass
class ConfigUse:
    """Where the config's acceptances apply in a run: per case, its enabled rules and entries."""

    cases: dict[str, tuple[frozenset[str], tuple[ConfigAccept, ...]]] = field(default_factory=dict)

    def enabled(self, case_id: str, default: frozenset[str]) -> frozenset[str]:
        """The rules checked for a case (``default``, the run's, without overrides)."""
        return self.cases[case_id][0] if case_id in self.cases else default

    def entries_for(self, case_ids: Sequence[str]) -> list[ConfigAccept]:
        """The entries that apply to every one of ``case_ids`` (to every case, if none)."""
        ids = list(case_ids) or list(self.cases)
        if not ids or any(i not in self.cases for i in ids):
            return []
        common = set.intersection(*(set(self.cases[i][1]) for i in ids))
        return [e for e in self.cases[ids[0]][1] if e in common]


def apply_config_across(across: Iterable[Finding], use: ConfigUse) -> None:
    """The config's entries over the findings across cases: an entry covers one when it
    applies to every case the finding names (a finding naming none: to every case)."""
    for item in across:
        entries = use.entries_for(item.cases)
        if entries:
            _mark(item, in_config(entries))


def judge_config(
    entries: Sequence[ConfigAccept], use: ConfigUse, findings: Iterable[Finding], lang: Lang
) -> list[Finding]:
    """The findings about the config's acceptances, once over the run: an entry is unused when
    it accepted nothing in any case it applies to (and one of those checks a rule it names);
    one used without a reason is reported once, not in every case."""
    used: dict[str, int] = {}
    for item in findings:
        accepted = item.suppression
        if accepted is not None and accepted.kind == "config" and accepted.key:
            used[accepted.key] = used.get(accepted.key, 0) + 1
    out = []
    for entry, accepted in zip(entries, in_config(entries), strict=True):
        enabled = frozenset().union(
            *(rules for rules, applying in use.cases.values() if entry in applying)
        )
        if not enabled:
            continue  # applies to no case of this run
        accepted.used = used.get(entry.key, 0)
        out.extend(judge(accepted, enabled, lang))
    return out

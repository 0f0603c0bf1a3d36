"""Precision and recall of emotive-wording (W001) and unquantified-claim (W002) on real text.

Usage::

    python benchmarks/wording_eval.py [--data FILE] [--errors] [--strict]

Two sets are scored the same way:

* the labelled development set of real passages, ``../shared/research/realtext-dev.jsonl``
  beside the checkout (or ``--data`` / ``CASELINT_REALTEXT``). It is other people's text: it is
  read here at run time and never copied into the repository. When it is absent that part is
  skipped with a note;
* a generated set (:mod:`wording_corpus`): passages assembled from sentences we wrote in the
  style of real drafts, each sentence labelled by us.

Scoring, as ``realtext.md`` describes it: every passage becomes the whole 详细材料 of a one-file
case beside a compliant 综合材料 and goes through ``check_case`` like any draft. A W001 finding is
right when its span overlaps a labelled phrase; a W002 finding is right when its sentence
(split at 。！？；) overlaps a labelled sentence. Lead-in sentences whose figures follow
(``unquantified_supported``) count as positives only with ``--strict``; findings on them are
otherwise neutral, as are findings on ``masked_clauses`` (an unsupported claim in a sentence
whose figure measures something else). Recall is also given on the clear labels alone (those
not tagged ``borderline``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests"), str(Path(__file__).resolve().parent)]

from caselint.cases.case import CaseInput  # noqa: E402
from caselint.engine import Settings, check_case  # noqa: E402
from caselint.rulepack.pack import load_pack  # noqa: E402
from support.cases import compliant  # noqa: E402

DEV_SET = ROOT.parent / "shared" / "research" / "realtext-dev.jsonl"
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]*")
W001, W002 = "emotive-wording", "unquantified-claim"


@dataclass
class Passage:
    id: str
    text: str
    emotive: list[str]
    unquantified: list[str]
    supported: list[str] = field(default_factory=list)
    masked: list[str] = field(default_factory=list)
    borderline: list[str] = field(default_factory=list)


@dataclass
class Found:
    rule: str
    start: int
    end: int
    term: str


@dataclass
class Score:
    findings: int = 0
    right: int = 0
    neutral: int = 0
    labels: int = 0
    hit: int = 0
    clear_labels: int = 0
    clear_hit: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        counted = self.findings - self.neutral
        return self.right / counted if counted else 1.0

    @property
    def recall(self) -> float:
        return self.hit / self.labels if self.labels else 1.0

    @property
    def clear_recall(self) -> float:
        return self.clear_hit / self.clear_labels if self.clear_labels else 1.0


def load_passages(path: Path) -> list[Passage]:
    passages = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        labels = record["labels"]
        passages.append(
            Passage(
                id=record["id"],
                text=record["text"],
                emotive=labels.get("emotive", []),
                unquantified=labels.get("unquantified", []),
                supported=labels.get("unquantified_supported", []),
                masked=labels.get("masked_clauses", []),
                borderline=labels.get("borderline", []),
            )
        )
    return passages


def _case_text(passage: str) -> tuple[str, list[tuple[int, int]]]:
    """A one-file draft whose 详细材料 is ``passage``; (line number, offset) of each paragraph."""
    draft = compliant("platform")
    head = draft[: draft.index("# 详细材料")] + "# 详细材料\n\n"
    lines, places, offset = head.count("\n") + 1, [], 0
    body = []
    for paragraph in passage.split("\n"):
        places.append((lines, offset))
        body.append(paragraph)
        lines += 2
        offset += len(paragraph) + 1
    return head + "\n\n".join(body) + "\n", places


def run_checks(passages: Iterable[Passage], settings: Settings) -> dict[str, list[Found]]:
    """W001/W002 findings on each passage, as (start, end) offsets in the passage text."""
    found: dict[str, list[Found]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, passage in enumerate(passages):
            folder = Path(tmp) / f"p{n}"
            folder.mkdir()
            path = folder / "draft.md"
            text, places = _case_text(passage.text)
            path.write_text(text, encoding="utf-8")
            result = check_case(CaseInput(id=passage.id, files=[path], folder=folder), settings)
            by_line = dict(places)
            items = []
            for f in result.findings:
                if f.rule not in (W001, W002) or f.part != "detailed":
                    continue
                loc = f.location
                base = by_line.get(loc.line) if loc and loc.line is not None else None
                if base is None or loc.start is None:
                    items.append(Found(f.rule, -1, -1, f.message))  # unlocated: never right
                    continue
                start, end = base + loc.start, base + (loc.end or loc.start + 1)
                items.append(Found(f.rule, start, end, passage.text[start:end]))
            found[passage.id] = items
    return found


def _spans(text: str, phrases: Iterable[str]) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each labelled phrase with every place it occurs in ``text``."""
    out = []
    for phrase in phrases:
        places = [
            (m.start(), m.start() + len(phrase)) for m in re.finditer(re.escape(phrase), text)
        ]
        out.append((phrase, places))
    return out


def _sentence_of(text: str, offset: int) -> tuple[int, int]:
    for m in _SENTENCE.finditer(text):
        if m.start() <= offset < m.end():
            return m.start(), m.end()
    return offset, offset + 1


def _overlaps(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def score(passages: list[Passage], found: dict[str, list[Found]], strict: bool) -> dict[str, Score]:
    scores = {W001: Score(), W002: Score()}
    for p in passages:
        border = set(p.borderline)
        positives = {
            W001: _spans(p.text, p.emotive),
            W002: _spans(p.text, [*p.unquantified, *(p.supported if strict else [])]),
        }
        neutral = {W001: [], W002: _spans(p.text, [*p.masked, *([] if strict else p.supported)])}
        for rule, s in scores.items():
            mine = [f for f in found[p.id] if f.rule == rule]
            spans = [
                (f, _sentence_of(p.text, f.start) if rule == W002 else (f.start, f.end))
                for f in mine
            ]
            hit_labels = set()
            for f, span in spans:
                s.findings += 1
                matched = [
                    i for i, (_, places) in enumerate(positives[rule]) if _overlaps(span, places)
                ]
                if matched:
                    s.right += 1
                    hit_labels.update(matched)
                elif any(_overlaps(span, places) for _, places in neutral[rule]):
                    s.neutral += 1
                else:
                    s.false_positives.append(
                        f"{p.id}: “{f.term}” in {p.text[span[0] : span[1]][:60]}"
                    )
            for i, (phrase, _) in enumerate(positives[rule]):
                s.labels += 1
                clear = phrase not in border
                s.clear_labels += clear
                if i in hit_labels:
                    s.hit += 1
                    s.clear_hit += clear
                else:
                    mark = "" if clear else " (borderline)"
                    s.false_negatives.append(f"{p.id}: {phrase[:70]}{mark}")
    return scores


def report(title: str, scores: dict[str, Score], errors: bool) -> None:
    print(f"\n{title}")
    print(
        f"  {'rule':<22}{'findings':>9}{'right':>7}{'neutral':>8}{'labels':>7}"
        f"{'precision':>10}{'recall':>8}{'clear recall':>13}"
    )
    for rule, s in scores.items():
        print(
            f"  {rule:<22}{s.findings:>9}{s.right:>7}{s.neutral:>8}{s.labels:>7}"
            f"{s.precision:>10.2f}{s.recall:>8.2f}{s.clear_recall:>13.2f}"
        )
    if errors:
        for rule, s in scores.items():
            print(f"\n  {rule} false positives ({len(s.false_positives)}):")
            for line in s.false_positives:
                print(f"    {line}")
            print(f"  {rule} false negatives ({len(s.false_negatives)}):")
            for line in s.false_negatives:
                print(f"    {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("CASELINT_REALTEXT", DEV_SET))
    )
    parser.add_argument("--errors", action="store_true", help="list false positives and negatives")
    parser.add_argument(
        "--strict", action="store_true", help="lead-in sentences count as positives"
    )
    parser.add_argument("--only", choices=["dev", "generated"], help="score one set only")
    args = parser.parse_args(argv)
    settings = Settings(pack=load_pack())
    if args.only != "generated":
        if args.data.is_file():
            passages = load_passages(args.data)
            found = run_checks(passages, settings)
            report(
                f"{args.data.name}: {len(passages)} real passages",
                score(passages, found, args.strict),
                args.errors,
            )
        else:
            print(f"{args.data}: not found — the real-text set is skipped")
    if args.only != "dev":
        from wording_corpus import generated_passages

        passages = generated_passages()
        found = run_checks(passages, settings)
        report(
            f"generated set: {len(passages)} passages",
            score(passages, found, args.strict),
            args.errors,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

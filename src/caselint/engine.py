"""Run the selected checks over cases and gather a :class:`~caselint.core.model.Report`.

One case at a time: assemble its files, resolve its category, run every enabled check, apply
the pack's severity overrides, sort the findings by where they are. Cross-case checks (quotas,
re-submissions, deadline) run over the results in :mod:`caselint.crosscase`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from caselint.cases.case import Case, CaseInput, assemble
from caselint.cases.category import Resolution, resolve
from caselint.cases.limits import limited_figure
from caselint.cases.metadata import Source, case_info
from caselint.cases.suppressions import IGNORE_KEYS, written_in
from caselint.cases.suppressions import apply as apply_suppressions
from caselint.checks import CHECKS
from caselint.checks.base import CaseContext
from caselint.core.codes import RULES
from caselint.core.i18n import Catalog, Lang
from caselint.core.model import (
    PART_NAMES,
    SEVERITY_RANK,
    CaseResult,
    ElementResult,
    Finding,
    PartName,
    PartResult,
    Report,
    Summary,
)
from caselint.rulepack.overrides import ConfigAccept, PathConfig
from caselint.rulepack.pack import RulePack
from caselint.text.analysis import analysers

ALL_RULES = frozenset(rule.name for rule in RULES)


@dataclass(frozen=True)
class Settings:
    """Everything that decides a verdict besides the files themselves (part of cache keys)."""

    pack: RulePack
    lang: Lang = "zh"
    enabled: frozenset[str] = ALL_RULES
    category: str | None = None
    scope: str | None = None
    #: The province of cases that state none: ``--province`` ("option"), or the one the other
    #: cases of the folder agree on ("folder", set by the batch runner).
    province: str | None = None
    province_source: str = "option"
    #: The config's per-path settings (``[[overrides]]``, ``accept``), resolved per case by
    #: :meth:`for_case`, which sets ``enabled`` and ``accepts`` for the case and drops this.
    paths: PathConfig | None = None
    accepts: tuple[ConfigAccept, ...] = ()

    def for_case(self, case: CaseInput) -> Settings:
        """The settings ``case`` is checked with: the config's overrides whose globs match its
        files decide its rules and add their acceptances."""
        if self.paths is None:
            return self
        chosen = self.paths.for_files(case.files)
        return replace(self, enabled=chosen.enabled, accepts=chosen.accepts, paths=None)

    @property
    def count_scope(self) -> str:
        return self.scope or self.pack.counting.scope

    def key(self) -> dict[str, object]:
        return {
            "pack": self.pack.digest,
            "lang": self.lang,
            "enabled": sorted(self.enabled),
            "category": self.category,
            "scope": self.count_scope,
            "province": [self.province, self.province_source] if self.province else None,
            "accepts": [[a.file, a.key, a.entry] for a in self.accepts],
        }


def _sort_key(finding: Finding) -> tuple[object, ...]:
    loc = finding.location
    part = PART_NAMES.index(finding.part) if finding.part in PART_NAMES else -1
    return (
        finding.file or "",
        part,
        loc.paragraph or loc.line or 0,
        loc.start or 0,
        -SEVERITY_RANK[finding.severity],
        finding.code,
    )


def apply_settings(findings: Iterable[Finding], settings: Settings) -> list[Finding]:
    """Drop findings of rules switched off; apply the pack's severity overrides."""
    out = []
    for finding in findings:
        rule = settings.pack.rules.get(finding.rule)
        if finding.rule not in settings.enabled or (rule is not None and not rule.enabled):
            continue
        if rule is not None and rule.severity is not None and finding.rule != "unreadable-file":
            finding = replace(finding, severity=rule.severity)
        out.append(finding)
    return out


#: Checks that see a part beyond the pack's ``counting.check_cap_ratio`` times its limit: those
#: of its structure, length and metadata, whose work does not grow with the text. Every other
#: check (wording, claims, data, figures, and any check added later) skips such a part.
UNCAPPED_CHECKS = frozenset(
    {
        "part-missing",
        "category-unknown",
        "category-inferred",
        "element-missing",
        "element-order",
        "length-over-limit",
        "length-near-limit",
        "metadata-missing",
        "metadata-counted",
    }
)

MESSAGES: Catalog = {
    "skipped": {
        "zh": "{part}有 {value} 字，超过上限 {limit} 字的 {ratio} 倍：字数和结构照常检查，"
        "措辞、效果表述、数据等逐句的检查未做",
        "en": "the {part} has {value} words, more than {ratio} times its limit of {limit}: its "
        "length and structure were checked, the sentence-by-sentence checks (wording, claims, "
        "data) were skipped",
    },
    "skipped-fix": {
        "zh": "确认文件是否正确，把该部分删减到字数上限以内后再检查",
        "en": "check it is the right file, cut the part to its limit and check it again",
    },
}


def _over_cap(case: Case, pack: RulePack, scope: str) -> dict[PartName, int]:
    """The parts beyond the work cap, with the figure their limit is measured in."""
    over: dict[PartName, int] = {}
    for name, part in case.parts.items():
        value = limited_figure(part.counts, pack.counting, scope).value
        if value > pack.parts[name].limit * pack.counting.check_cap_ratio:
            over[name] = value
    return over


def _without(ctx: CaseContext, parts: dict[PartName, int]) -> CaseContext:
    """The context the text checks see: the case without the parts beyond the cap."""
    if not parts:
        return ctx
    kept = {name: part for name, part in ctx.case.parts.items() if name not in parts}
    return replace(ctx, case=replace(ctx.case, parts=kept), _cache={})


def _skipped(ctx: CaseContext, part: PartName, value: int) -> Finding:
    ratio = ctx.pack.counting.check_cap_ratio
    return ctx.report(
        "checks-skipped",
        ctx.t(
            MESSAGES,
            "skipped",
            part=ctx.part_title(part),
            value=f"{value:,}",
            limit=ctx.pack.parts[part].limit,
            ratio=f"{ratio:g}",
        ),
        part=part,
        suggestion=ctx.t(MESSAGES, "skipped-fix"),
    )


def verdict(findings: Iterable[Finding]) -> str:
    """``fail`` on an error-level finding no suppression accepts."""
    return "fail" if any(f.severity == "error" and f.active for f in findings) else "pass"


def check_case(case_input: CaseInput, settings: Settings, *, debug: bool = False) -> CaseResult:
    """Check one case; never raises for a bad file (it becomes an ``unreadable-file`` finding)
    unless ``debug`` asks for the traceback of a reader failure."""
    return check_case_read(case_input, settings, debug=debug)[0]


def check_case_read(
    case_input: CaseInput, settings: Settings, *, debug: bool = False
) -> tuple[CaseResult, dict[str, str]]:
    """:func:`check_case`, with the SHA-256 of the bytes each readable file was checked from
    (by path): the cache keys a result on exactly what was read."""
    settings = settings.for_case(case_input)
    pack = settings.pack
    analysers(pack)  # builds the pack's analysers and jieba's vocabulary once, first
    case = assemble(case_input, pack, settings.lang, debug=debug)
    if settings.province:
        case_info(case, pack).offer("province", settings.province, Source(settings.province_source))
    resolution = resolve(case, pack, settings.category)
    ctx = CaseContext(
        case=case,
        pack=pack,
        category=resolution.category,
        lang=settings.lang,
        scope=settings.count_scope,
        category_claim=resolution.claimed,
        resolution=resolution,
    )
    findings = list(case.findings)
    capped = _over_cap(case, pack, settings.count_scope)
    text_ctx = _without(ctx, capped)
    for module in CHECKS:
        if module.NAME in settings.enabled:
            findings.extend(module.check(ctx if module.NAME in UNCAPPED_CHECKS else text_ctx))
    findings += [_skipped(ctx, name, value) for name, value in capped.items()]
    findings = apply_settings(findings, settings)
    accepted = written_in(case, pack, settings.accepts)
    if accepted:
        marked = apply_suppressions(findings, accepted, settings.enabled, settings.lang)
        findings = marked[: len(findings)] + apply_settings(marked[len(findings) :], settings)
    findings = sorted(findings, key=_sort_key)
    parts = {}
    for name in PART_NAMES:
        part = case.parts.get(name)
        if part is None:
            parts[name] = None
            continue
        counts = part.counts
        figure = limited_figure(counts, pack.counting, settings.count_scope)
        parts[name] = PartResult(
            file=part.file,
            words=figure.value,
            limit=pack.parts[name].limit,
            measure=figure.measure,
            scope=figure.scope,
            counts=counts,
        )
    result = CaseResult(
        id=case_input.id,
        files=[str(p) for p in case_input.files],
        category=resolution.category.name if resolution.category else None,
        parts=parts,
        verdict=verdict(findings),
        findings=findings,
        elements=_elements(ctx),
        metadata=_metadata(ctx, resolution),
    )
    return result, {d.path: d.sha256 for d in case.documents if d.sha256}


def _metadata(ctx: CaseContext, resolution: Resolution) -> dict[str, object]:
    """The case's metadata as JSON carries it, with ``sources``: where each value was read."""
    info = case_info(ctx.case, ctx.pack)
    # The ignore list is what the case accepts (cases.suppressions), not case metadata.
    values = _jsonable({k: v for k, v in info.values.items() if k not in IGNORE_KEYS})
    sources = {
        key: source.as_json() for key, source in info.sources.items() if key not in IGNORE_KEYS
    }
    if resolution.category is not None and resolution.source is not None:
        sources["category"] = resolution.source.as_json()
    if resolution.category is not None and "category" in values:
        values["category"] = resolution.category.name  # 新媒体平台建设类 as the category is named
    if sources:
        values["sources"] = sources
    return values


def _elements(ctx: CaseContext) -> list[ElementResult]:
    if ctx.elements is None:
        return []
    out = []
    for name in PART_NAMES:
        outline = ctx.outline(name)
        if outline is None:
            continue
        for element in ctx.elements.elements:
            match = outline.matches.get(element.n)
            heading = match.heading if match else None
            carrier = outline.content.get(element.n) if match is None else None
            block = heading.block if heading else carrier
            document = ctx.owner(block) if block else None
            out.append(
                ElementResult(
                    part=name,
                    n=element.n,
                    title=element.short,
                    heading=heading.shown if heading else None,
                    file=document.path if document else None,
                    location=block.location if block else None,
                    text=carrier.text.strip()[:40] if carrier else None,
                )
            )
    return out


def _jsonable(metadata: dict[str, object]) -> dict[str, object]:
    """Metadata values as JSON can carry them (dates from YAML/TOML become ISO strings)."""
    out: dict[str, object] = {}
    for key, value in metadata.items():
        if isinstance(value, (str, int, float, bool)) or value is None:
            out[key] = value
        elif isinstance(value, (list, tuple)):
            out[key] = [v if isinstance(v, (str, int, float, bool)) else str(v) for v in value]
        else:
            out[key] = str(value)
    return out


def summarize(cases: list[CaseResult], findings: list[Finding], fixed: int = 0) -> Summary:
    everything = [f for case in cases for f in case.findings] + findings
    active = [f for f in everything if f.active]
    suppressed = sum(f.suppression is not None for f in everything)
    return Summary(
        cases=len(cases),
        errors=sum(f.severity == "error" for f in active),
        warnings=sum(f.severity == "warning" for f in active),
        infos=sum(f.severity == "info" for f in active),
        suppressed=suppressed,
        unchanged=len(everything) - len(active) - suppressed,
        fixed=fixed,
    )


def build_report(cases: list[CaseResult], findings: list[Finding], settings: Settings) -> Report:
    pack = settings.pack.pack
    return Report(
        rulepack=f"{pack.id}@{pack.version}",
        cases=cases,
        findings=findings,
        summary=summarize(cases, findings),
    )


def check_cases(inputs: Iterable[CaseInput], settings: Settings) -> Report:
    """Check cases one after another (the batch runner adds processes and a cache)."""
    cases = [check_case(case_input, settings) for case_input in inputs]
    return build_report(cases, [], settings)

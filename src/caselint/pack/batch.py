"""``pack --batch``: a bundle for every recommended case of a provincial folder that passes.

A province collects its stations' cases in one folder, marks the ones it forwards (metadata
推荐: 是, or ``--shortlist``) and needs exactly those as bundles, plus an index for its own
records. The folder is checked as ``check`` does (process pool, cross-case checks, never the
cache: a bundle certifies a fresh check). Over quota, the whole run is refused — forwarding the
bundles would be forwarding too many — and nothing is written; so it is when no case is marked.
Otherwise each recommended case is packed unless it is refused (errors without ``--force``,
missing metadata, an unsupported format), and the refusals go into 推荐汇总.xlsx with their
reasons. All bundles and the workbook are written in one staging folder and renamed into place
together: an unexpected failure leaves none of them.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from caselint.batch import Progress, run
from caselint.cases.case import CaseInput
from caselint.core.i18n import Catalog, render
from caselint.core.model import Finding, Report
from caselint.crosscase import BatchOptions
from caselint.crosscase.quota import is_recommended
from caselint.engine import Settings
from caselint.pack.bundle import Built, build, output_names
from caselint.pack.clock import packing_stamp
from caselint.pack.errors import PackError
from caselint.pack.form import load_form
from caselint.pack.gate import PackOptions, Refusal, ensure_unchanged, hash_inputs, prepare
from caselint.pack.index_xlsx import index_workbook
from caselint.pack.names import pattern_fields, unique
from caselint.pack.staging import Staging

MESSAGES: Catalog = {
    "quota": {
        "zh": "推荐案例超出名额，未打包任何案例：",
        "en": "the recommended cases exceed the quota; nothing was packed:",
    },
    "none": {
        "zh": "没有标记为推荐的案例，未打包：在案例信息中填写 推荐: 是，或用 --shortlist 给出推荐名单",
        "en": "no case is marked as recommended; nothing was packed: set 推荐: 是 in the metadata or pass --shortlist",
    },
    "not-recommended": {"zh": "未列入推荐", "en": "not recommended"},
    "failed": {"zh": "打包失败：{reason}", "en": "packing failed: {reason}"},
}


@dataclass
class BatchOutcome:
    """What ``pack --batch`` did: refused outright, or bundles and the cases left out."""

    report: Report
    refused: list[str] = field(default_factory=list)
    blocking: list[Finding] = field(default_factory=list)
    built: list[Built] = field(default_factory=list)
    skipped: list[Refusal] = field(default_factory=list)
    index: Path | None = None

    @property
    def left_out_recommended(self) -> list[Refusal]:
        return [r for r in self.skipped if r.recommended]


def pack_batch(
    inputs: list[CaseInput],
    settings: Settings,
    batch_options: BatchOptions,
    outdir: Path,
    options: PackOptions,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> BatchOutcome:
    pack, lang = settings.pack, settings.lang
    pattern_keys = pattern_fields(options.name_pattern or pack.bundle.name_pattern, pack, lang)
    form = load_form(pack)
    stamp = packing_stamp(pack, lang)
    before = {case.id: hash_inputs(case) for case in inputs}
    report = run(inputs, settings, batch_options, jobs=jobs, cache=None, progress=progress)
    outcome = BatchOutcome(report)
    over = [f for f in report.findings if f.rule == "quota-exceeded" and f.severity == "error"]
    if over:
        outcome.refused.append(render(MESSAGES, "quota", lang))
        outcome.blocking = over
        return outcome
    flags = [is_recommended(case, batch_options.shortlist) for case in report.cases]
    if not any(flags):
        outcome.refused.append(render(MESSAGES, "none", lang))
        return outcome
    with Staging(outdir, overwrite=options.overwrite, lang=lang) as stage:
        taken: list[str] = [pack.bundle.index_file]
        for case_input, result, flagged in zip(inputs, report.cases, flags, strict=True):
            name = str(result.metadata.get("case_name") or "") or None
            if not flagged:
                reason = render(MESSAGES, "not-recommended", lang)
                outcome.skipped.append(Refusal(result.id, name, [reason], recommended=False))
                continue
            across = [f for f in report.findings if result.id in f.cases]
            own = settings.for_case(case_input)  # its rules as the config's overrides say
            prepared = prepare(case_input, result, own, options, pattern_keys, across)
            if isinstance(prepared, Refusal):
                prepared.recommended = True
                outcome.skipped.append(prepared)
                continue
            prepared.name = unique(prepared.name, taken, pack.bundle.max_name_length)
            outputs = output_names(pack, prepared.name)
            taken += outputs
            stage.check_free(outputs)
            try:
                built = build(prepared, own, form, stage.path, stamp)
                ensure_unchanged(case_input, before[case_input.id], lang)
            except PackError as exc:
                _discard(stage.path, outputs)
                reason = render(MESSAGES, "failed", lang, reason=exc.message)
                outcome.skipped.append(Refusal(result.id, name, [reason], recommended=True))
                continue
            outcome.built.append(built)
        workbook = index_workbook(outcome.built, outcome.skipped, report, settings)
        (stage.path / pack.bundle.index_file).write_bytes(workbook)
        stage.check_free([pack.bundle.index_file])
        paths = stage.commit()
    by_name = {p.name: p for p in paths}
    for built in outcome.built:
        built.paths = [by_name[n] for n in output_names(pack, built.name)]
    outcome.index = by_name.get(pack.bundle.index_file)
    return outcome


def _discard(stage: Path, names: list[str]) -> None:
    """Remove what a failed bundle (its folder, zip and report) left in the staging folder."""
    for name in names:
        path = stage / name
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)

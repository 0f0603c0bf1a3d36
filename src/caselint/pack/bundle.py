"""One checked case → one bundle folder and its zip, or a refusal saying why not.

The order matters. Everything that can refuse is decided first, before anything is written
(:mod:`caselint.pack.gate`). Then every file is written into a staging folder
(:mod:`caselint.pack.staging`), each part file is read back and compared with the draft, the
drafts are hashed again, and only then is the bundle renamed into OUTDIR. The drafts themselves
are only ever read. The manifest and report are built last, from what was actually written.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from caselint import __version__
from caselint.cases.case import CaseInput
from caselint.core.i18n import Catalog, Lang, render
from caselint.core.model import PART_NAMES, CaseResult, Finding
from caselint.core.read_error import ReadError
from caselint.crosscase import BatchOptions
from caselint.engine import ALL_RULES, Settings, check_case
from caselint.pack.errors import PackError
from caselint.pack.form import Form, load_form, write_form
from caselint.pack.gate import (
    PackOptions,
    Prepared,
    Refusal,
    ensure_unchanged,
    hash_inputs,
    input_paths,
    prepare,
    read_input,
    sha256,
)
from caselint.pack.manifest import (
    MANIFEST_NAME,
    BundleFile,
    CaseInfo,
    Manifest,
    PartEntry,
    RulePackInfo,
    SourceFile,
    ToolInfo,
    summarize_findings,
)
from caselint.pack.names import pattern_fields
from caselint.pack.part_files import confirm, make_part_file
from caselint.pack.report_md import render_report
from caselint.pack.staging import Staging
from caselint.pack.zipfile_det import ZIP_EPOCH, write_zip
from caselint.rulepack.pack import RulePack

__all__ = ["Built", "PackOptions", "Refusal", "build", "pack_case"]

#: Windows' classic path limit: longer paths break Explorer and many upload dialogs.
WINDOWS_MAX_PATH = 259

MESSAGES: Catalog = {
    "long-path": {
        "zh": "路径较长（{n} 个字符），在 Windows 上可能无法打开：{path}",
        "en": "long path ({n} characters) may not open on Windows: {path}",
    },
    "forced": {
        "zh": "检查有 {n} 个错误，按 --force 强制打包",
        "en": "packed with --force despite {n} error(s)",
    },
}


@dataclass
class Built:
    """A bundle written into a staging folder (``paths`` are filled in once committed)."""

    name: str
    manifest: Manifest
    zip_sha256: str
    zip_size: int
    result: CaseResult
    warnings: list[str] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)


def bundle_time(pack: RulePack) -> dt.datetime:
    """The fixed time of every zip entry and generated document (see ``Bundle.timestamp``)."""
    if pack.bundle.timestamp is not None:
        return pack.bundle.timestamp.replace(tzinfo=None)
    if pack.pack.deadline is not None:
        return dt.datetime.combine(pack.pack.deadline, dt.time())
    return ZIP_EPOCH


def _portable(findings: list[Finding], case_input: CaseInput) -> list[Finding]:
    """Findings without absolute paths, so the manifest does not depend on where drafts live."""
    roots = {str(p.parent) for p in input_paths(case_input)}
    if case_input.folder is not None:
        roots.add(str(case_input.folder))
    prefixes = sorted((r.rstrip(os.sep) + os.sep for r in roots if r), key=len, reverse=True)

    def clean(text: str | None) -> str | None:
        if text is None:
            return None
        for prefix in prefixes:
            text = text.replace(prefix, "")
        return text

    out = []
    for finding in findings:
        out.append(
            replace(
                finding,
                file=Path(finding.file).name if finding.file else None,
                message=clean(finding.message),
                excerpt=clean(finding.excerpt),
                suggestion=clean(finding.suggestion),
            )
        )
    return out


def _portable_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    """Metadata whose ``sources`` name files, not paths: a bundle does not depend on where the
    drafts lived."""
    sources = metadata.get("sources")
    if not isinstance(sources, dict):
        return metadata
    portable = {
        key: {**value, "file": Path(value["file"]).name}
        if isinstance(value, dict) and value.get("file")
        else value
        for key, value in sources.items()
    }
    return {**metadata, "sources": portable}


def _sources(case_input: CaseInput) -> list[SourceFile]:
    sources = []
    for path in input_paths(case_input):
        try:
            data = read_input(case_input, path)
        except ReadError as exc:
            raise PackError(f"{path}: {exc}") from exc
        sources.append(SourceFile(name=path.name, size=len(data), sha256=sha256(data)))
    return sorted(sources, key=lambda s: s.name)


def disabled_rules(settings: Settings) -> list[str]:
    off = set(ALL_RULES - settings.enabled)
    off |= {name for name, rule in settings.pack.rules.items() if not rule.enabled}
    return sorted(off)


def build(prepared: Prepared, settings: Settings, form: Form, stage: Path) -> Built:
    """Write the bundle folder and its zip into ``stage`` (a staging folder)."""
    pack, lang = settings.pack, settings.lang
    case, result, values, name = prepared.case, prepared.result, prepared.values, prepared.name
    when = bundle_time(pack)
    case_name = str(values.get("case_name") or case.input.id)
    folder = stage / name
    folder.mkdir()
    contents: dict[str, bytes] = {}
    documents: list[BundleFile] = []
    parts: dict[str, PartEntry] = {}
    notes: list[str] = []
    form_bytes = write_form(form, values, when=when, doc_title=f"{case_name} 申请表")
    contents[pack.bundle.form_file] = form_bytes
    documents.append(
        BundleFile(
            path=pack.bundle.form_file,
            role="form",
            how="generated",
            size=len(form_bytes),
            sha256=sha256(form_bytes),
        )
    )
    for part in PART_NAMES:
        title = pack.parts[part].title
        part_file = make_part_file(
            case, part, pack, when=when, doc_title=f"{case_name} {title}", lang=lang
        )
        written = folder / part_file.name
        written.write_bytes(part_file.data)
        counts = confirm(written, part_file, case.parts[part].blocks, pack, lang)
        contents[part_file.name] = part_file.data
        part_result = result.parts[part]
        assert part_result is not None  # prepare() refused cases without both parts
        parts[part] = PartEntry(
            file=part_file.name,
            source=part_file.source,
            how=part_file.how,
            words=part_result.words,
            limit=part_result.limit,
            measure=part_result.measure,
            scope=part_result.scope,
            counts=counts,
        )
        documents.append(
            BundleFile(
                path=part_file.name,
                role=part,
                how=part_file.how,
                size=len(part_file.data),
                sha256=sha256(part_file.data),
                source=part_file.source,
            )
        )
        if part_file.note:
            notes.append(part_file.note)
    errors = sum(f.severity == "error" for f in prepared.findings)
    if prepared.forced:
        notes.insert(0, render(MESSAGES, "forced", lang, n=errors))
    info = pack.pack
    manifest = Manifest(
        tool=ToolInfo(version=__version__),
        rulepack=RulePackInfo(
            id=info.id,
            version=info.version,
            digest=pack.digest,
            form_template=form.source.name if form.source else None,
            form_template_sha256=form.digest,
        ),
        bundle=name,
        case=CaseInfo(
            id=case.input.id,
            case_name=_str(values.get("case_name")),
            unit=_str(values.get("unit")),
            province=_str(values.get("province")),
            category=_str(values.get("category")),
            metadata=_portable_metadata(result.metadata),
        ),
        category=result.category,
        verdict="fail" if errors else "pass",
        forced=prepared.forced,
        lang=lang,
        files=list(documents),
        parts=parts,
        sources=_sources(case.input),
        findings=summarize_findings(_portable(prepared.findings, case.input)),
        rules_disabled=disabled_rules(settings),
        notes=notes,
    )
    report = render_report(manifest, documents, lang)
    contents[pack.bundle.report_file] = report
    manifest.files.append(
        BundleFile(
            path=pack.bundle.report_file,
            role="report",
            how="generated",
            size=len(report),
            sha256=sha256(report),
        )
    )
    contents[MANIFEST_NAME] = manifest.dumps()
    for file_name, data in contents.items():
        (folder / file_name).write_bytes(data)
    archive = write_zip([(f"{name}/{n}", d) for n, d in contents.items()], when)
    (stage / f"{name}.zip").write_bytes(archive)
    return Built(name, manifest, sha256(archive), len(archive), result)


def _str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def long_paths(outdir: Path, built: Built, lang: Lang) -> list[str]:
    """Warnings for paths Windows' classic limit would break (OUTDIR is the user's choice)."""
    base = Path(os.path.abspath(outdir)) / built.name
    longest = max((base / f.path for f in built.manifest.files), key=lambda p: len(str(p)))
    n = len(str(longest))
    return [render(MESSAGES, "long-path", lang, n=n, path=longest)] if n > WINDOWS_MAX_PATH else []


def pack_case(
    case_input: CaseInput,
    settings: Settings,
    outdir: Path,
    options: PackOptions,
    across: BatchOptions | None = None,
) -> Built | Refusal:
    """Check one case and, unless refused, write its bundle and zip into ``outdir``.

    The case is also checked against the previously selected cases (the pack's list and
    ``across.selected``): a 2024 winner resubmitted in its category is refused like any error.
    """
    settings = settings.for_case(case_input)  # its rules as the config's overrides say
    pack, lang = settings.pack, settings.lang
    pattern_keys = pattern_fields(options.name_pattern or pack.bundle.name_pattern, pack, lang)
    form = load_form(pack)
    before = hash_inputs(case_input)
    result = check_case(case_input, settings)
    extra = []
    if across is not None and "previously-selected" in settings.enabled:
        from caselint.crosscase import previously_selected

        extra = [
            f
            for f in previously_selected.check([result], settings, across)
            if f.cases == [result.id]
        ]
    prepared = prepare(case_input, result, settings, options, pattern_keys, extra)
    if isinstance(prepared, Refusal):
        return prepared
    with Staging(outdir, overwrite=options.overwrite, lang=lang) as stage:
        stage.check_free([prepared.name, f"{prepared.name}.zip"])
        built = build(prepared, settings, form, stage.path)
        ensure_unchanged(case_input, before, lang)
        built.paths = stage.commit()
    built.warnings = long_paths(outdir, built, lang)
    return built

"""One checked case → one bundle folder and its zip, or a refusal saying why not.

The order matters. Everything that can refuse is decided first, before anything is written
(:mod:`caselint.pack.gate`). Then every file is written into a staging folder
(:mod:`caselint.pack.staging`), each part file is read back and compared with the draft, the
drafts are hashed again, and only then is the bundle renamed into OUTDIR. The drafts themselves
are only ever read. The manifest and report are built last, from what was actually written.

What a bundle is: the folder ``NAME/`` (申请表.docx, the two part files, manifest.json), its zip
``NAME.zip`` — the same files, what is uploaded or forwarded — and the check report
``NAME.检查报告.md`` beside them, for the people packing (never inside the zip: the platform does
not need caselint's warnings). Every file carries the time of packing (:mod:`caselint.pack.clock`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from caselint import __version__
from caselint.cases.case import CaseInput
from caselint.core.i18n import Catalog, Lang, join_list, render
from caselint.core.model import PART_NAMES, CaseResult, Finding
from caselint.core.read_error import ReadError
from caselint.crosscase import BatchOptions
from caselint.engine import ALL_RULES, Settings, check_case
from caselint.pack.clock import packing_stamp
from caselint.pack.docx_props import DocProps
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
from caselint.pack.names import MAX_NAME_BYTES, pattern_fields
from caselint.pack.part_files import confirm, make_part_file
from caselint.pack.report_md import render_report
from caselint.pack.staging import Staging
from caselint.pack.zipfile_det import Stamp, write_zip, zip_content_digest
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
    "form-empty": {
        "zh": "{form}中以下栏目为空：{fields}（在案例信息中补充后重新打包，或在线上申报系统中直接填写）",
        "en": "{form} has empty fields: {fields} (add them to the case metadata and pack again, or fill them in on the platform)",
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
    #: The bundle folder, its zip and the report beside them, once committed.
    paths: list[Path] = field(default_factory=list)
    #: The 申请表's 推荐单位 (stated in the metadata, or the pack's default).
    recommender: str = ""


def report_name(pack: RulePack, name: str) -> str:
    """The check report's file name beside the bundle ``name`` (``NAME.检查报告.md``)."""
    candidate = f"{name}.{pack.bundle.report_file}"
    return candidate if len(candidate.encode("utf-8")) <= MAX_NAME_BYTES else f"{name}.md"


def output_names(pack: RulePack, name: str) -> list[str]:
    """What a bundle ``name`` puts into OUTDIR: its folder, its zip and its report."""
    return [name, f"{name}.zip", report_name(pack, name)]


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


def build(prepared: Prepared, settings: Settings, form: Form, stage: Path, stamp: Stamp) -> Built:
    """Write the bundle folder, its zip and its report into ``stage`` (a staging folder);
    every file is dated ``stamp``."""
    pack, lang = settings.pack, settings.lang
    case, result, values, name = prepared.case, prepared.result, prepared.values, prepared.name
    case_name = str(values.get("case_name") or case.input.id)
    unit = str(values.get("unit") or "")
    folder = stage / name
    folder.mkdir()
    contents: dict[str, bytes] = {}
    documents: list[BundleFile] = []
    parts: dict[str, PartEntry] = {}
    notes: list[str] = []
    form_name = pack.bundle.form_file
    form_bytes = write_form(form, values, DocProps(f"{case_name} 申请表", unit, stamp))
    contents[form_name] = form_bytes
    documents.append(
        BundleFile(
            path=form_name,
            role="form",
            how="generated",
            size=len(form_bytes),
            sha256=sha256(form_bytes),
            content_sha256=zip_content_digest(form_bytes),
        )
    )
    for part in PART_NAMES:
        title = pack.parts[part].title
        props = DocProps(f"{case_name} {title}", unit, stamp)
        part_file = make_part_file(case, part, pack, props=props, lang=lang)
        written = folder / part_file.name
        written.write_bytes(part_file.data)
        counts, text_sha256 = confirm(written, part_file, case.parts[part].blocks, pack, lang)
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
            text_sha256=text_sha256,
        )
        documents.append(
            BundleFile(
                path=part_file.name,
                role=part,
                how=part_file.how,
                size=len(part_file.data),
                sha256=sha256(part_file.data),
                source=part_file.source,
                content_sha256=zip_content_digest(part_file.data),
            )
        )
        if part_file.note:
            notes.append(part_file.note)
    errors = sum(f.severity == "error" for f in prepared.findings)
    if prepared.forced:
        notes.insert(0, render(MESSAGES, "forced", lang, n=errors))
    empty = form.empty(values)
    if empty:
        form_title = form_name.removesuffix(".docx")
        listing = join_list(empty, lang)
        notes.append(render(MESSAGES, "form-empty", lang, form=form_title, fields=listing))
    report_file = report_name(pack, name)
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
        report=report_file,
        form_empty=empty,
    )
    contents[MANIFEST_NAME] = manifest.dumps()
    for file_name, data in contents.items():
        (folder / file_name).write_bytes(data)
    entries = [(f"{name}/{n}", d) for n, d in contents.items()]
    archive = write_zip(entries, stamp, exact_time=True)
    zip_name = f"{name}.zip"
    (stage / zip_name).write_bytes(archive)
    report = render_report(manifest, documents, lang, archive=(zip_name, sha256(archive)))
    (stage / report_file).write_bytes(report)
    for path in (folder, *folder.iterdir(), stage / zip_name, stage / report_file):
        os.utime(path, (stamp.unix, stamp.unix))  # the folder as the zip shows it
    built = Built(name, manifest, sha256(archive), len(archive), result)
    built.recommender = str(values.get("recommender") or "")
    return built


def _str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def long_paths(outdir: Path, built: Built, lang: Lang) -> list[str]:
    """Warnings for paths Windows' classic limit would break (OUTDIR is the user's choice)."""
    base = Path(os.path.abspath(outdir)) / built.name
    paths = [base / f.path for f in built.manifest.files]
    if built.manifest.report:
        paths.append(base.parent / built.manifest.report)
    longest = max(paths, key=lambda p: len(str(p)))
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
    stamp = packing_stamp(pack, lang)
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
        stage.check_free(output_names(pack, prepared.name))
        built = build(prepared, settings, form, stage.path, stamp)
        ensure_unchanged(case_input, before, lang)
        placed = {path.name: path for path in stage.commit()}
    built.paths = [placed[n] for n in output_names(pack, built.name)]
    built.warnings = long_paths(outdir, built, lang)
    return built

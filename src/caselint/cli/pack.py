"""``caselint pack CASE -o OUTDIR`` and ``caselint pack FOLDER --batch -o OUTDIR``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from caselint.cli.common import (
    DebugOption,
    Exit,
    LangOption,
    RulesOption,
    h,
    refuse_overlap,
    run_inputs,
    usage_error,
)
from caselint.cli.run import (
    CategoryOption,
    ConfigOption,
    FailOnOption,
    JobsOption,
    ProgressBar,
    QuietOption,
    ScopeOption,
    SelectedOption,
    ShortlistOption,
    batch_options,
    fail_threshold,
    load_run_config,
    make_settings,
    path_or_none,
)
from caselint.core.fsutil import shown
from caselint.core.i18n import SEVERITY_LABELS
from caselint.core.terminal import printable

if TYPE_CHECKING:
    from caselint.core.i18n import Lang
    from caselint.core.model import Finding, Severity
    from caselint.pack.batch import BatchOutcome
    from caselint.pack.bundle import Built
    from caselint.pack.gate import Refusal
    from caselint.rulepack.pack import RulePack

_T = {
    "zh": {
        "packed": "已打包：{name}",
        "folder": "  文件夹：{path}",
        "zip": "  压缩包：{path}（SHA-256 {sha}…）",
        "report": "  检查报告：{path}（本单位留存，不上传）",
        "upload": "  上传：{parts}（或整个压缩包）；{form} 供对照填写系统中的申请表",
        "form-empty": "  申请表未填：{fields}（在案例信息中补充后重新打包，或在线上申报系统中填写）",
        "words": "  {part} {words} 字（上限 {limit}）",
        "pass": "  检查：通过",
        "pass-warnings": "  检查：通过（另有 {n} 条警告，见检查报告；caselint check 可查看位置）",
        "forced": "  检查：未通过，已按 --force 强制打包（{n} 个错误已记入 manifest.json）",
        "refused": "未打包 {case}：",
        "several": "{path} 中有 {n} 个案例；请逐个打包，或用 --batch 按推荐名单批量打包",
        "none": "{path} 中没有找到案例材料",
        "not-folder": "--batch 需要一个文件夹：{path}",
        "batch-packed": "已打包 {n} 个推荐案例到 {path}：",
        "batch-left": "未打包 {n} 个推荐案例：",
        "batch-other": "另有 {n} 个案例未列入推荐（见 {index}）",
        "index": "推荐汇总：{path}",
        "batch-refused": "未打包任何案例：",
    },
    "en": {
        "packed": "packed: {name}",
        "folder": "  folder: {path}",
        "zip": "  zip: {path} (SHA-256 {sha}…)",
        "report": "  report: {path} (for your records, not uploaded)",
        "upload": "  upload: {parts} (or the whole zip); type the platform's form from {form}",
        "form-empty": "  empty in the 申请表: {fields} (add them to the case metadata and pack again, or fill them in on the platform)",
        "words": "  {part}: {words} words (limit {limit})",
        "pass": "  checks: pass",
        "pass-warnings": "  checks: pass ({n} warning(s) left, see the report; caselint check shows where)",
        "forced": "  checks: fail, packed with --force ({n} error(s) recorded in manifest.json)",
        "refused": "not packed: {case}",
        "several": "{path} holds {n} cases; pack them one by one, or use --batch for the recommended ones",
        "none": "no case found in {path}",
        "not-folder": "--batch needs a folder: {path}",
        "batch-packed": "packed {n} recommended case(s) into {path}:",
        "batch-left": "{n} recommended case(s) not packed:",
        "batch-other": "{n} more case(s) not recommended (see {index})",
        "index": "index: {path}",
        "batch-refused": "nothing was packed:",
    },
}


def pack(
    case: Annotated[
        Path,
        typer.Argument(
            help=h("案例文件或案例文件夹（--batch：省级汇总文件夹）", "a case file or folder"),
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help=h("输出文件夹", "output folder"), show_default=False),
    ],
    batch: Annotated[
        bool,
        typer.Option(
            "--batch",
            help=h(
                "按推荐名单批量打包文件夹中的案例，并生成推荐汇总.xlsx",
                "pack every recommended case of a folder, with an index workbook",
            ),
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=h(
                "有错误也打包（记入清单；缺少案例信息或材料时仍不打包）",
                "pack despite errors (recorded in the manifest)",
            ),
        ),
    ] = False,
    overwrite: Annotated[
        bool,
        typer.Option("--overwrite", help=h("覆盖已存在的上传包", "replace existing bundles")),
    ] = False,
    name_pattern: Annotated[
        str | None,
        typer.Option(
            "--name-pattern",
            help=h(
                "上传包命名规则，如 {province}-{unit}-{case_name}（也可用 {省份} 等中文字段名）",
                "bundle name pattern, e.g. {province}-{unit}-{case_name}",
            ),
        ),
    ] = None,
    category: CategoryOption = None,
    count_scope: ScopeOption = None,
    fail_on: FailOnOption = None,
    shortlist: ShortlistOption = None,
    selected: SelectedOption = None,
    jobs: JobsOption = None,
    quiet: QuietOption = False,
    config_file: ConfigOption = None,
    rules: RulesOption = None,
    lang: LangOption = "",
    debug: DebugOption = False,
) -> None:
    """检查并打包上传材料：申请表、综合材料、详细材料和清单及其压缩包，检查报告放在压缩包旁。"""
    from caselint.cases.discover import discover
    from caselint.pack.errors import PackError

    config, language = load_run_config([case], config_file, lang)
    settings = make_settings(config, rules, category, None, None, count_scope, language)
    from caselint.pack.gate import PackOptions

    options = PackOptions(force=force, overwrite=overwrite, name_pattern=name_pattern)
    read = [config.source, *settings.pack.sources, shortlist, selected]
    read += [config.shortlist, config.selected]
    t = _T[language]

    def threshold(built: Built) -> Severity:
        return fail_threshold(fail_on, config, settings, built.result.files)

    try:
        if batch:
            if not case.is_dir():
                usage_error(
                    _T["zh"]["not-folder"].format(path=case),
                    _T["en"]["not-folder"].format(path=case),
                    language,
                )
            across = batch_options(
                shortlist or path_or_none(config.shortlist),
                selected or path_or_none(config.selected),
                settings,
            )
            from caselint.batch import is_interactive
            from caselint.pack.batch import pack_batch

            inputs = discover([case], settings.pack)
            _refuse_output_among_inputs(output, case, inputs, read, language)
            with ProgressBar(not quiet and is_interactive() and len(inputs) > 1, language) as bar:
                outcome = pack_batch(
                    inputs,
                    settings,
                    across,
                    output,
                    options,
                    jobs=jobs or config.jobs,
                    progress=bar,
                )
            code = _print_batch(outcome, output, language, settings.pack)
            if any(_fails(built, threshold(built)) for built in outcome.built):
                code = Exit.FINDINGS
            raise typer.Exit(code)
        inputs = discover([case], settings.pack)
        if len(inputs) != 1:
            key = "none" if not inputs else "several"
            usage_error(
                _T["zh"][key].format(path=case, n=len(inputs)),
                _T["en"][key].format(path=case, n=len(inputs)),
                language,
            )
        from caselint.pack.bundle import pack_case
        from caselint.pack.gate import Refusal

        across = batch_options(
            shortlist or path_or_none(config.shortlist),
            selected or path_or_none(config.selected),
            settings,
        )
        _refuse_output_among_inputs(output, case, inputs, read, language)
        outcome = pack_case(inputs[0], settings, output, options, across)
    except PackError as exc:
        _echo(f"caselint: {exc.message}", err=True)
        raise typer.Exit(Exit.USAGE if exc.usage else Exit.FINDINGS) from None
    if isinstance(outcome, Refusal):
        _echo(t["refused"].format(case=outcome.case_name or outcome.case_id), err=True)
        _print_refusal(outcome, language)
        raise typer.Exit(Exit.FINDINGS)
    _print_built(outcome, language, settings.pack)
    raise typer.Exit(Exit.FINDINGS if _fails(outcome, threshold(outcome)) else Exit.OK)


def _fails(built: Built, threshold: Severity) -> bool:
    """Whether a packed case's findings reach ``--fail-on``; the errors a ``--force`` packed
    past were accepted by the user and do not count (a forced bundle exits 0, as before)."""
    from caselint.core.model import at_least

    findings = built.result.findings
    if built.manifest.forced:
        findings = [f for f in findings if f.severity != "error"]
    return at_least(findings, threshold) > 0


def _refuse_output_among_inputs(
    output: Path, case: Path, inputs: list, extra: list, lang: Lang
) -> None:
    """OUTDIR may not be, hold or sit inside a case folder or any file the run reads: with
    ``-o 收件``, a case folder named like its bundle would be replaced by the bundle."""
    sources, folders = run_inputs([case], inputs, extra)
    refuse_overlap([output], sources, folders, lang)


def _finding_line(finding: Finding, lang: Lang) -> str:
    from caselint.reports.text import where

    place = where(finding.location, finding.part, lang)
    file = Path(finding.file).name if finding.file else ""
    tail = " · ".join(x for x in (file, place) if x)
    tail = (f"（{tail}）" if lang == "zh" else f" ({tail})") if tail else ""
    line = f"    {SEVERITY_LABELS[lang][finding.severity]} {finding.code} {finding.rule}  {finding.message}{tail}"
    return line


def _print_refusal(refusal: Refusal, lang: Lang) -> None:
    for reason in refusal.reasons:
        _echo(f"  - {reason}", err=True)
    for finding in refusal.errors:
        _echo(_finding_line(finding, lang), err=True)


def _form_empty(built: Built, lang: Lang, pack: RulePack) -> str:
    """The 申请表's empty fields by their labels (with their keys in English), or ""."""
    from caselint.core.i18n import join_list

    labels = built.manifest.form_empty
    if lang == "en" and pack.metadata:
        keys = {f.label: f.key for f in pack.metadata.fields}
        labels = [f"{label} ({keys[label]})" if label in keys else label for label in labels]
    return join_list(labels, lang) if labels else ""


def _print_built(built: Built, lang: Lang, pack: RulePack) -> None:
    t = _T[lang]
    folder, archive, report = built.paths
    manifest = built.manifest
    _echo(t["packed"].format(name=built.name))
    _echo(t["folder"].format(path=shown(folder)))
    _echo(t["zip"].format(path=shown(archive), sha=built.zip_sha256[:16]))
    _echo(t["report"].format(path=shown(report)))
    for part, entry in manifest.parts.items():
        title = entry.file.removesuffix(".docx") if lang == "zh" else part
        _echo(t["words"].format(part=title, words=entry.words, limit=entry.limit))
    roles = {f.role: f.path for f in manifest.files}
    parts = [roles[p] for p in ("summary", "detailed") if p in roles]
    sep = "、" if lang == "zh" else ", "
    _echo(t["upload"].format(parts=sep.join(parts), form=roles.get("form", "")))
    empty = _form_empty(built, lang, pack)
    if empty:
        _echo(t["form-empty"].format(fields=empty))
    if built.manifest.forced:
        _echo(t["forced"].format(n=built.manifest.findings.errors))
        for finding in built.manifest.findings.items:
            if finding.severity == "error":
                _echo(_finding_line(finding, lang))
    else:
        warnings = sum(f.severity == "warning" and f.active for f in built.result.findings)
        _echo(t["pass-warnings"].format(n=warnings) if warnings else t["pass"])
    for warning in built.warnings:
        _echo(f"  ! {warning}", err=True)


def _print_batch(outcome: BatchOutcome, output: Path, lang: Lang, pack: RulePack) -> int:
    t = _T[lang]
    if outcome.refused:
        _echo(t["batch-refused"], err=True)
        for reason in outcome.refused:
            _echo(f"  - {reason}", err=True)
        for finding in outcome.blocking:
            _echo(_finding_line(finding, lang), err=True)
        return Exit.FINDINGS
    _echo(t["batch-packed"].format(n=len(outcome.built), path=shown(output)))
    for built in outcome.built:
        forced = " (--force)" if built.manifest.forced else ""
        _echo(f"  ✓ {built.name}{forced}")
        empty = _form_empty(built, lang, pack)
        if empty:
            _echo("  " + t["form-empty"].format(fields=empty))
    left = outcome.left_out_recommended
    if left:
        _echo(t["batch-left"].format(n=len(left)), err=True)
        for refusal in left:
            _echo(f"  ✗ {refusal.case_name or refusal.case_id}", err=True)
            _print_refusal(refusal, lang)
    others = len(outcome.skipped) - len(left)
    index = outcome.index.name if outcome.index else ""
    if others:
        _echo(t["batch-other"].format(n=others, index=index))
    if outcome.index:
        _echo(t["index"].format(path=shown(outcome.index)))
    return Exit.FINDINGS if left else Exit.OK


def _echo(text: str, err: bool = False) -> None:
    """Print a line that may quote drafts, metadata or zip entries: control characters shown
    as escapes, never sent to the terminal (:mod:`caselint.core.terminal`)."""
    typer.echo(printable(text), err=err)


def register(app: typer.Typer) -> None:
    app.command(
        "pack",
        help=h(
            "检查并打包上传材料：申请表、综合材料、详细材料和清单及其压缩包，检查报告放在压缩包旁；--batch 按推荐名单批量打包。",
            "Check and pack a case for upload (form, parts, manifest, zip; the report beside it); --batch for a province's recommended cases.",
        ),
    )(pack)

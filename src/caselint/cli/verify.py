"""``caselint verify BUNDLE``: does a bundle (folder or zip) still match its manifest?"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from caselint.cli.common import (
    DebugOption,
    Exit,
    LangOption,
    RulesOption,
    h,
    load_pack_or_exit,
    parse_lang,
    require_paths,
    write_stdout,
)
from caselint.core.fsutil import shown
from caselint.core.i18n import SEVERITY_LABELS
from caselint.core.terminal import printable

if TYPE_CHECKING:
    from caselint.core.i18n import Lang
    from caselint.pack.verify import VerifyReport


class VerifyFormat(str, Enum):
    text = "text"
    json = "json"


_T = {
    "zh": {
        "bundle": "上传包：{name}（{path}）",
        "ok": "与清单一致",
        "changed": "已修改",
        "missing": "缺失",
        "extra": "清单外文件",
        "duplicate": "重复条目",
        "irregular": "不是普通文件",
        "recompressed": "重新压缩过，内容与清单一致",
        "counts": "正文和字数",
        "differs": "与清单不一致",
        "unreadable": "无法核对",
        "skipped": "未核对",
        "clean": "结论：上传包与 manifest.json 一致（{n} 个文件，正文和字数相同）",
        "dirty": "结论：上传包与 manifest.json 不一致（{n} 处），请重新打包",
        "error": "错误",
    },
    "en": {
        "bundle": "bundle: {name} ({path})",
        "ok": "matches",
        "changed": "changed",
        "missing": "missing",
        "extra": "not in the manifest",
        "duplicate": "duplicate entry",
        "irregular": "not a regular file",
        "recompressed": "recompressed, content matches",
        "counts": "text and counts",
        "differs": "differ",
        "unreadable": "cannot be checked",
        "skipped": "not checked",
        "clean": "the bundle matches manifest.json ({n} files, same text and counts)",
        "dirty": "the bundle does not match manifest.json ({n} difference(s)); pack it again",
        "error": "error",
    },
}


def verify(
    bundles: Annotated[
        list[Path],
        typer.Argument(
            help=h(
                "上传包文件夹或 .zip；也可以是 caselint pack 的输出文件夹（核对其中每个包）",
                "bundle folders or .zip files, or a caselint pack output folder (each bundle in it)",
            ),
            show_default=False,
        ),
    ],
    output_format: Annotated[
        VerifyFormat,
        typer.Option("--format", "-f", help=h("输出格式", "output format")),
    ] = VerifyFormat.text,
    rules: RulesOption = None,
    lang: LangOption = "",
    debug: DebugOption = False,
) -> None:
    """按 manifest.json 核对上传包：重新计算每个文件的 SHA-256，并重新统计字数。"""
    from caselint.pack.errors import PackError
    from caselint.pack.verify import verify_bundle

    language = parse_lang(lang or "zh")
    require_paths(bundles, language)
    pack = load_pack_or_exit(rules, language) if rules else None
    targets = [found for path in bundles for found in _bundles_in(path)]
    reports = []
    failed: list[int] = []
    for target in targets:
        # Each bundle is judged on its own: one unreadable zip never hides the others' results.
        try:
            reports.append(verify_bundle(target, language, pack))
        except PackError as exc:
            _echo(f"caselint: {exc.message}", err=True)
            failed.append(Exit.USAGE if exc.usage else Exit.FINDINGS)
    if output_format is VerifyFormat.json:
        dumped = [json.loads(r.model_dump_json()) for r in reports]
        write_stdout(
            json.dumps(dumped[0] if len(dumped) == 1 else dumped, ensure_ascii=False, indent=2)
        )
    else:
        for report in reports:
            _print(report, language)
    if failed:
        raise typer.Exit(max(failed))
    raise typer.Exit(Exit.OK if all(r.ok for r in reports) else Exit.FINDINGS)


def _bundles_in(path: Path) -> list[Path]:
    """A bundle (folder with manifest.json, or .zip), or each bundle of a pack output folder.

    Anything that is not a folder (a zip, a FIFO, a device) is handed to ``verify_bundle`` as
    it is, which reads only regular files and says what else it found.
    """
    if not path.is_dir() or path.is_symlink() or (path / "manifest.json").is_file():
        return [path]
    found = sorted(
        p
        for p in path.iterdir()
        if p.is_dir() and not p.is_symlink() and (p / "manifest.json").is_file()
    )
    found += sorted(p for p in path.glob("*.zip") if p.is_file() and not p.is_symlink())
    return found or [path]  # not a bundle at all: verify_bundle says so


def _print(report: VerifyReport, lang: Lang) -> None:
    t = _T[lang]
    _echo(t["bundle"].format(name=report.name, path=shown(report.bundle)))
    for item in report.files:
        mark = "✓" if item.status in ("ok", "recompressed") else "✗"
        _echo(f"  {mark} {item.path}  {t[item.status]}")
    for part in report.parts:
        mark = "✓" if part.status == "ok" else "✗"
        status = t["ok"] if part.status == "ok" else t[part.status]
        _echo(f"  {mark} {part.file} {t['counts']}  {status}")
    for finding in report.findings:
        label = SEVERITY_LABELS[lang][finding.severity]
        _echo(f"{label} {finding.code} {finding.rule}  {finding.message}")
    for note in report.notes:
        _echo(f"  ! {note}")
    if report.ok:
        _echo(t["clean"].format(n=len(report.files)))
    else:
        errors = sum(f.severity == "error" for f in report.findings)
        _echo(t["dirty"].format(n=errors))


def _echo(text: str, err: bool = False) -> None:
    """Print a line that may quote drafts, metadata or zip entries: control characters shown
    as escapes, never sent to the terminal (:mod:`caselint.core.terminal`)."""
    typer.echo(printable(text), err=err)


def register(app: typer.Typer) -> None:
    app.command(
        "verify",
        help=h(
            "按 manifest.json 核对上传包（文件夹或 .zip）：重新计算 SHA-256 并重新统计字数。",
            "Verify a bundle (folder or .zip) against its manifest: re-hash and re-count.",
        ),
    )(verify)

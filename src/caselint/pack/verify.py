"""``caselint verify``: is this still the bundle that was packed?

Bundles sit on shared drives and travel by e-mail between packing and upload; someone "just
fixes a typo" in 详细材料.docx. Verification re-hashes every file the manifest lists, notices
files missing or added, and re-counts each part with caselint's readers against the counts the
manifest recorded (a file can be replaced by one with the same name and a different length).
Every difference is a ``bundle-mismatch`` finding. A zip is verified in memory — its entries are
never extracted to disk except the part documents, into a private temporary folder, under the
names the manifest gives after checking they are plain file names.

What it cannot see: a manifest edited to match edited files. The zip and the folder are two
copies; verifying both catches an edit to one of them.
"""

from __future__ import annotations

import hashlib
import posixpath
import tempfile
import zipfile
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

from caselint.cases.parts import split_document
from caselint.core.codes import finding
from caselint.core.i18n import Catalog, Lang, render
from caselint.core.model import Counts, Finding, PartName
from caselint.pack.errors import PackError
from caselint.pack.manifest import MANIFEST_NAME, Manifest
from caselint.pack.names import safe_name
from caselint.readers import ReadError, read_document
from caselint.rulepack.pack import RulePack, RulePackError, load_pack
from caselint.text.count import COUNT_FIELDS, count_blocks

#: Files operating systems drop into folders by themselves; never a reason to reject a bundle.
OS_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", "Desktop.ini"})
MAX_BUNDLE_BYTES = 500 * 1024 * 1024

MESSAGES: Catalog = {
    "not-bundle": {
        "zh": "不是 caselint 上传包：{path}（找不到 manifest.json）",
        "en": "not a caselint bundle: {path} (no manifest.json)",
    },
    "bad-manifest": {
        "zh": "manifest.json 无法解析：{path}：{error}",
        "en": "manifest.json cannot be parsed: {path}: {error}",
    },
    "bad-zip": {
        "zh": "压缩包无法读取：{path}：{error}",
        "en": "cannot read the zip {path}: {error}",
    },
    "too-large": {
        "zh": "压缩包解压后过大（{size} MB），未核对：{path}",
        "en": "the zip expands to {size} MB; not verified: {path}",
    },
    "changed": {
        "zh": "{file} 与清单不一致：SHA-256 应为 {expected}…，现为 {actual}…（打包后被修改）",
        "en": "{file} differs from the manifest: SHA-256 {expected}… expected, {actual}… found (changed after packing)",
    },
    "missing": {
        "zh": "清单中的 {file} 不在上传包中",
        "en": "{file} is in the manifest but not in the bundle",
    },
    "extra": {
        "zh": "上传包中有清单以外的文件：{file}",
        "en": "{file} is in the bundle but not in the manifest",
    },
    "counts": {
        "zh": "{file} 的{part}字数与清单不一致：{diffs}",
        "en": "the {part} counts of {file} differ from the manifest: {diffs}",
    },
    "unreadable": {
        "zh": "{file} 无法读取，未能核对字数：{reason}",
        "en": "{file} cannot be read; counts not verified: {reason}",
    },
    "no-part": {
        "zh": "{file} 中找不到{part}，未能核对字数",
        "en": "no {part} found in {file}; counts not verified",
    },
    "other-pack": {
        "zh": "打包时的规则包为 {packed}，当前为 {current}：字数按当前规则包核对",
        "en": "packed with rule pack {packed}, verifying with {current}",
    },
    "other-tool": {
        "zh": "打包时的 caselint 版本为 {packed}，当前为 {current}",
        "en": "packed with caselint {packed}, verifying with {current}",
    },
}


class FileCheck(BaseModel):
    path: str
    status: Literal["ok", "changed", "missing", "extra"]
    expected_sha256: str | None = None
    actual_sha256: str | None = None
    expected_size: int | None = None
    actual_size: int | None = None


class PartCheck(BaseModel):
    part: PartName
    file: str
    status: Literal["ok", "differs", "unreadable", "skipped"]
    expected: Counts
    actual: Counts | None = None


class VerifyReport(BaseModel):
    """``caselint verify --format json`` (``schema_version`` changes only on breaking changes)."""

    schema_version: Literal[1] = 1
    bundle: str
    name: str | None = None
    ok: bool
    files: list[FileCheck] = []
    parts: list[PartCheck] = []
    findings: list[Finding] = []
    notes: list[str] = []


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_folder(path: Path) -> tuple[bytes | None, dict[str, bytes]]:
    files: dict[str, bytes] = {}
    for item in sorted(path.rglob("*")):
        if item.is_file() and item.name not in OS_LITTER:
            files[item.relative_to(path).as_posix()] = item.read_bytes()
    return files.pop(MANIFEST_NAME, None), files


def _read_zip(path: Path, lang: Lang) -> tuple[bytes | None, dict[str, bytes]]:
    try:
        archive = zipfile.ZipFile(path)
        infos = [i for i in archive.infolist() if not i.is_dir()]
        total = sum(i.file_size for i in infos)
        if total > MAX_BUNDLE_BYTES:
            size = total // (1024 * 1024)
            raise PackError(render(MESSAGES, "too-large", lang, size=size, path=path), usage=True)
        entries = {i.filename: archive.read(i) for i in infos}
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise PackError(
            render(MESSAGES, "bad-zip", lang, path=path, error=exc), usage=True
        ) from exc
    manifests = sorted(
        (n for n in entries if posixpath.basename(n) == MANIFEST_NAME and n.count("/") <= 1),
        key=len,
    )
    if not manifests:
        return None, entries
    prefix = posixpath.dirname(manifests[0])
    prefix = f"{prefix}/" if prefix else ""
    files: dict[str, bytes] = {}
    for name, data in entries.items():
        if posixpath.basename(name) in OS_LITTER:
            continue
        inside = (
            name.startswith(prefix) and ".." not in name.split("/") and not name.startswith("/")
        )
        files[name[len(prefix) :] if inside else name] = data
    return files.pop(MANIFEST_NAME, None), files


def load_bundle(path: Path, lang: Lang) -> tuple[Manifest, dict[str, bytes]]:
    """The manifest and every other file of a bundle folder or zip (by bundle-relative path)."""
    if path.is_dir():
        raw, files = _read_folder(path)
    else:
        raw, files = _read_zip(path, lang)
    if raw is None:
        raise PackError(render(MESSAGES, "not-bundle", lang, path=path), usage=True)
    try:
        return Manifest.loads(raw), files
    except ValidationError as exc:
        error = str(exc).splitlines()[0]
        raise PackError(
            render(MESSAGES, "bad-manifest", lang, path=path, error=error), usage=True
        ) from exc


def _pack_for(manifest: Manifest, pack: RulePack | None, notes: list[str], lang: Lang) -> RulePack:
    if pack is None:
        try:
            pack = load_pack(manifest.rulepack.id)
        except RulePackError:
            pack = load_pack()
    if pack.digest != manifest.rulepack.digest:
        packed = f"{manifest.rulepack.id}@{manifest.rulepack.version}"
        current = f"{pack.pack.id}@{pack.pack.version}"
        notes.append(render(MESSAGES, "other-pack", lang, packed=packed, current=current))
    return pack


def verify_bundle(path: Path, lang: Lang = "zh", pack: RulePack | None = None) -> VerifyReport:
    """Compare a bundle with its manifest (see the module docstring)."""
    from caselint import __version__

    manifest, files = load_bundle(path, lang)
    notes: list[str] = []
    if manifest.tool.version != __version__:
        notes.append(
            render(MESSAGES, "other-tool", lang, packed=manifest.tool.version, current=__version__)
        )
    pack = _pack_for(manifest, pack, notes, lang)
    checks: list[FileCheck] = []
    findings: list[Finding] = []
    listed = set()
    for item in manifest.files:
        listed.add(item.path)
        data = files.get(item.path)
        check = FileCheck(
            path=item.path,
            status="ok",
            expected_sha256=item.sha256,
            expected_size=item.size,
            actual_sha256=_sha(data) if data is not None else None,
            actual_size=len(data) if data is not None else None,
        )
        if data is None:
            check.status = "missing"
            findings.append(_mismatch("missing", lang, item.path))
        elif check.actual_sha256 != item.sha256 or len(data) != item.size:
            check.status = "changed"
            findings.append(
                _mismatch(
                    "changed",
                    lang,
                    item.path,
                    expected=item.sha256[:12],
                    actual=(check.actual_sha256 or "")[:12],
                )
            )
        checks.append(check)
    for extra in sorted(set(files) - listed):
        checks.append(
            FileCheck(
                path=extra,
                status="extra",
                actual_sha256=_sha(files[extra]),
                actual_size=len(files[extra]),
            )
        )
        findings.append(_mismatch("extra", lang, extra))
    parts = [
        _check_part(name, entry.file, entry.counts, files, pack, lang, findings)
        for name, entry in manifest.parts.items()
    ]
    return VerifyReport(
        bundle=str(path),
        name=manifest.bundle,
        ok=not findings,
        files=checks,
        parts=parts,
        findings=findings,
        notes=notes,
    )


def _mismatch(key: str, lang: Lang, path: str, **params: object) -> Finding:
    return finding("bundle-mismatch", render(MESSAGES, key, lang, file=path, **params), file=path)


def _check_part(
    part: PartName,
    file: str,
    expected: Counts,
    files: dict[str, bytes],
    pack: RulePack,
    lang: Lang,
    findings: list[Finding],
) -> PartCheck:
    """Re-count one part from its file, read as caselint reads drafts."""
    check = PartCheck(part=part, file=file, status="skipped", expected=expected)
    data = files.get(file)
    title = pack.parts[part].title if lang == "zh" else part
    if data is None or safe_name(file, len(file)) != file:
        return check
    with tempfile.TemporaryDirectory(prefix="caselint-verify-") as tmp:
        target = Path(tmp) / file
        target.write_bytes(data)
        try:
            document = read_document(target)
        except ReadError as exc:
            check.status = "unreadable"
            findings.append(_mismatch("unreadable", lang, file, reason=exc.message(lang)))
            return check
    blocks = split_document(document, pack).parts.get(part)
    if blocks is None:
        check.status = "unreadable"
        findings.append(_mismatch("no-part", lang, file, part=title))
        return check
    check.actual = count_blocks(blocks)
    if check.actual == expected:
        check.status = "ok"
        return check
    check.status = "differs"
    diffs = _differences(expected, check.actual, lang)
    findings.append(_mismatch("counts", lang, file, part=title, diffs=diffs))
    return check


def _differences(expected: Counts, actual: Counts, lang: Lang) -> str:
    out = []
    for name in COUNT_FIELDS:
        a, b = getattr(expected, name), getattr(actual, name)
        if a != b:
            out.append(f"{name} {a} → {b}")
    a_inc = expected.measure("words", inclusive=True)
    b_inc = actual.measure("words", inclusive=True)
    if a_inc != b_inc or (expected.inclusive is None) != (actual.inclusive is None):
        out.append(f"inclusive words {a_inc} → {b_inc}")
    return ("，" if lang == "zh" else ", ").join(out) or "inclusive"

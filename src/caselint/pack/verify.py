"""``caselint verify``: is this still the bundle that was packed?

Bundles sit on shared drives and travel by e-mail between packing and upload; someone "just
fixes a typo" in 详细材料.docx. Verification re-hashes every file the manifest lists, notices
files missing or added, and re-reads each part with caselint's readers against the text digest
and counts the manifest recorded (a file can be replaced by one with the same name and a
different length). Every difference is a ``bundle-mismatch`` finding — except one: a .docx
whose bytes differ but whose every entry inflates to what was packed (another zlib, a zip tool
that re-compressed or re-dated it) is judged by that content and reported as
``bundle-recompressed`` (info). Duplicate, added and irregular entries stay mismatches. A zip is verified in memory — its entries are
never extracted to disk except the part documents, into a private temporary folder, under the
names the manifest gives after checking they are plain file names.

What it cannot see: a manifest edited to match edited files. The zip and the folder are two
copies; verifying both catches an edit to one of them.
"""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

from caselint.cases.parts import split_document
from caselint.core.codes import finding
from caselint.core.i18n import Catalog, Lang, render
from caselint.core.model import Counts, Finding, PartName
from caselint.core.read_error import ReadError
from caselint.core.readfile import read_regular
from caselint.core.safezip import InflateLimit, read_member, unsafe_name
from caselint.pack.errors import PackError
from caselint.pack.manifest import MANIFEST_NAME, Manifest, PartEntry
from caselint.pack.names import safe_name
from caselint.pack.signature import text_digest
from caselint.pack.staging import journal_near
from caselint.pack.zipfile_det import only_entries, zip_content_digest
from caselint.readers import read_document
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
    "not-regular": {
        "zh": "不是文件夹也不是普通文件（是管道、设备或套接字），未核对：{path}",
        "en": "neither a folder nor a regular file (a pipe, device or socket); not verified: {path}",
    },
    "duplicate": {
        "zh": "压缩包中 {file} 出现了不止一次：不同软件会取不同的一份，无法确认上传的是哪一份",
        "en": "{file} appears more than once in the zip: tools differ on which copy they take",
    },
    "irregular": {
        "zh": "{file} 不是普通文件（符号链接、管道或设备），未读取",
        "en": "{file} is not a regular file (a symbolic link, pipe or device); not read",
    },
    "interrupted": {
        "zh": "上一次打包在写入时被中断（{file}），输出文件夹中可能新旧混杂；重新运行 caselint pack 会恢复原状",
        "en": "an earlier pack was interrupted while writing ({file}); the output folder may mix old and new files: run caselint pack again to restore it",
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
    "recompressed": {
        "zh": "{file} 的字节与清单不同，但其中每个部件解压后都与打包时相同（只是重新压缩过），正文文字和字数另行核对",
        "en": "{file} has other bytes than the manifest records but every entry inflates to what was packed (only recompressed); its text and counts are checked on their own",
    },
    "text": {
        "zh": "{file} 的{part}正文与打包时不同（文字摘要 {expected}… → {actual}…）",
        "en": "the {part} text of {file} differs from what was packed (digest {expected}… → {actual}…)",
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
    status: Literal["ok", "changed", "missing", "extra", "duplicate", "irregular", "recompressed"]
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
    expected_text_sha256: str | None = None
    actual_text_sha256: str | None = None


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


@dataclass
class Contents:
    """What a bundle holds: its manifest's bytes, every other regular file by bundle-relative
    path, and the entries that cannot be taken at face value (each a ``bundle-mismatch``)."""

    manifest: bytes | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    duplicates: list[str] = field(default_factory=list)
    irregular: list[str] = field(default_factory=list)


def _read_folder(path: Path, lang: Lang) -> Contents:
    """Every regular file under ``path``; symlinks, FIFOs and devices are listed, never read."""
    found = Contents()
    total = 0
    for folder, dirs, names in os.walk(path):
        here = Path(folder)
        for name in sorted(dirs):
            if os.path.islink(here / name):
                found.irregular.append((here / name).relative_to(path).as_posix())
        for name in sorted(names):
            item = here / name
            relative = item.relative_to(path).as_posix()
            if name in OS_LITTER:
                continue
            if not stat.S_ISREG(os.lstat(item).st_mode):
                found.irregular.append(relative)
                continue
            try:
                data = read_regular(item, MAX_BUNDLE_BYTES - total, root=path)
            except ReadError as exc:
                if exc.reason == "too-large":
                    raise _too_large(path, MAX_BUNDLE_BYTES, lang) from exc
                found.irregular.append(relative)
                continue
            total += len(data)
            found.files[relative] = data
    found.manifest = found.files.pop(MANIFEST_NAME, None)
    return found


def _too_large(path: Path, size: int, lang: Lang) -> PackError:
    return PackError(
        render(MESSAGES, "too-large", lang, size=size // (1024 * 1024), path=path), usage=True
    )


def _read_zip(path: Path, lang: Lang) -> Contents:
    """Every entry of a bundle zip, inflated under a measured cap; duplicates and links noted."""
    try:
        raw = read_regular(path, MAX_BUNDLE_BYTES)
    except ReadError as exc:
        raise PackError(
            render(MESSAGES, "bad-zip", lang, path=path, error=exc.message(lang)), usage=True
        ) from exc
    entries: dict[str, bytes] = {}
    found = Contents()
    total = 0
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        for info in archive.infolist():
            if info.is_dir():
                continue
            if info.filename in entries:
                found.duplicates.append(info.filename)  # other tools read the first, or the last
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                found.irregular.append(info.filename)
                continue
            data = read_member(archive, info, MAX_BUNDLE_BYTES - total)
            total += len(data)
            entries[info.filename] = data
    except InflateLimit as exc:
        raise _too_large(path, MAX_BUNDLE_BYTES, lang) from exc
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
        raise PackError(
            render(MESSAGES, "bad-zip", lang, path=path, error=exc), usage=True
        ) from exc
    manifests = sorted(
        (n for n in entries if posixpath.basename(n) == MANIFEST_NAME and n.count("/") <= 1),
        key=len,
    )
    prefix = posixpath.dirname(manifests[0]) if manifests else ""
    prefix = f"{prefix}/" if prefix else ""

    def relative(name: str) -> str:
        inside = name.startswith(prefix) and not unsafe_name(name)
        return name[len(prefix) :] if inside else name

    for name, data in entries.items():
        if posixpath.basename(name) not in OS_LITTER:
            found.files[relative(name)] = data
    found.duplicates = [relative(n) for n in found.duplicates]
    found.irregular = [relative(n) for n in found.irregular]
    found.manifest = found.files.pop(MANIFEST_NAME, None) if manifests else None
    return found


def load_bundle(path: Path, lang: Lang) -> tuple[Manifest, Contents]:
    """The manifest and the contents of a bundle folder or zip (by bundle-relative path)."""
    mode = os.lstat(path).st_mode
    if stat.S_ISDIR(mode):
        contents = _read_folder(path, lang)
    elif stat.S_ISREG(mode) or stat.S_ISLNK(mode):
        contents = _read_zip(path, lang)
    else:
        raise PackError(render(MESSAGES, "not-regular", lang, path=path), usage=True)
    if contents.manifest is None:
        raise PackError(render(MESSAGES, "not-bundle", lang, path=path), usage=True)
    try:
        return Manifest.loads(contents.manifest), contents
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

    manifest, contents = load_bundle(path, lang)
    files = contents.files
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
            if item.content_sha256 and _content(data) == item.content_sha256:
                check.status = "recompressed"
                findings.append(_recompressed(lang, item.path))
                checks.append(check)
                continue
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
    for name in contents.duplicates:
        checks.append(FileCheck(path=name, status="duplicate"))
        findings.append(_mismatch("duplicate", lang, name))
    for name in contents.irregular:
        checks.append(FileCheck(path=name, status="irregular"))
        findings.append(_mismatch("irregular", lang, name))
    interrupted = journal_near(path)
    if interrupted is not None:
        findings.append(_mismatch("interrupted", lang, str(interrupted)))
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
        _check_part(name, entry, files, pack, lang, findings)
        for name, entry in manifest.parts.items()
    ]
    return VerifyReport(
        bundle=str(path),
        name=manifest.bundle,
        ok=not any(f.severity == "error" for f in findings),
        files=checks,
        parts=parts,
        findings=findings,
        notes=notes,
    )


def _content(data: bytes) -> str | None:
    """The content digest of a .docx's bytes; None when they are not a readable zip, or hold
    bytes outside its entries (an appended or hidden payload is not a re-compression)."""
    if not only_entries(data):
        return None
    try:
        return zip_content_digest(data, MAX_BUNDLE_BYTES)
    except (zipfile.BadZipFile, InflateLimit, OSError, EOFError, ValueError, zlib.error):
        return None


def _recompressed(lang: Lang, path: str) -> Finding:
    message = render(MESSAGES, "recompressed", lang, file=path)
    return finding("bundle-recompressed", message, file=path)


def _mismatch(key: str, lang: Lang, path: str, **params: object) -> Finding:
    return finding("bundle-mismatch", render(MESSAGES, key, lang, file=path, **params), file=path)


def _check_part(
    part: PartName,
    entry: PartEntry,
    files: dict[str, bytes],
    pack: RulePack,
    lang: Lang,
    findings: list[Finding],
) -> PartCheck:
    """Re-read one part from its file as caselint reads drafts: its text digest and counts."""
    file, expected = entry.file, entry.counts
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
    if entry.text_sha256 is not None:
        check.expected_text_sha256 = entry.text_sha256
        check.actual_text_sha256 = text_digest(blocks)
    if check.actual == expected and check.expected_text_sha256 == check.actual_text_sha256:
        check.status = "ok"
        return check
    if check.expected_text_sha256 != check.actual_text_sha256:
        check.status = "differs"
        findings.append(
            _mismatch(
                "text",
                lang,
                file,
                part=title,
                expected=(check.expected_text_sha256 or "")[:12],
                actual=(check.actual_text_sha256 or "")[:12],
            )
        )
        if check.actual == expected:
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

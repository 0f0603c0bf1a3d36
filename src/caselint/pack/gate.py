"""Whether a checked case may be packed, decided before anything is written.

What refuses: error-level findings, unless ``force`` (forcing is recorded in the manifest with
the findings); metadata the bundle name and the 申请表 need (``bundle_required`` and the name
pattern's fields); a part that is missing or in a format that cannot go into a bundle. Missing
metadata and missing parts refuse even with ``force``: without them there is no name, no form
and nothing to upload, and the platform would reject the case anyway. The drafts are hashed
before the check and again before the bundle is committed: a colleague saving a draft on the
shared drive mid-way must not yield a bundle of two versions.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from caselint.cases.case import Case, CaseInput, assemble
from caselint.cases.metadata import case_metadata
from caselint.cases.metadata_advice import metadata_where
from caselint.core.i18n import Catalog, Lang, join_list, render
from caselint.core.model import PART_NAMES, CaseResult, Finding
from caselint.core.read_error import ReadError
from caselint.core.readfile import read_regular
from caselint.engine import Settings
from caselint.pack.errors import PackError
from caselint.pack.fit import fit_values, title_finding
from caselint.pack.names import EXTRA_FIELDS, fill_pattern, safe_name
from caselint.pack.part_files import unsupported
from caselint.pack.recommender import default_recommender
from caselint.readers.sniff import DEFAULT_MAX_FILE_BYTES
from caselint.rulepack.pack import RulePack

MESSAGES: Catalog = {
    "errors": {
        "zh": "检查仍有 {n} 个错误，未打包（修改后重试，或加 --force 强制打包并记入清单）",
        "en": "{n} error(s) remain, nothing was packed (fix them, or use --force to pack anyway; the manifest records it)",
    },
    "metadata": {
        "zh": "案例信息缺少打包所需的字段：{fields}（{where}；--force 不能代替）",
        "en": "the case metadata lacks fields the bundle needs: {fields} ({where}; --force cannot replace them)",
    },
    "unreadable": {
        "zh": "案例中有文件无法读取：{files}（--force 不能代替；原因见 F001）",
        "en": "files of the case cannot be read: {files} (--force cannot replace them; see F001)",
    },
    "no-part": {
        "zh": "没有可打包的{part}（--force 不能代替）",
        "en": "there is no {part} to pack (--force cannot replace it)",
    },
    "changed": {
        "zh": "打包期间草稿被修改：{files}；未打包，请重新运行",
        "en": "drafts changed while packing: {files}; nothing was packed, run again",
    },
}


@dataclass(frozen=True)
class PackOptions:
    """What the user decides beyond the drafts: force past errors, replace bundles, naming."""

    force: bool = False
    overwrite: bool = False
    name_pattern: str | None = None


@dataclass
class Refusal:
    """A case not packed: the reasons, and the error findings that blocked it."""

    case_id: str
    case_name: str | None
    reasons: list[str]
    errors: list[Finding] = field(default_factory=list)
    recommended: bool | None = None


@dataclass
class Prepared:
    """A case cleared for packing: its content, check result, metadata and bundle name."""

    case: Case
    result: CaseResult
    values: dict[str, Any]
    name: str
    findings: list[Finding]
    forced: bool


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def input_paths(case_input: CaseInput) -> list[Path]:
    paths = list(case_input.files)
    if case_input.metadata_file is not None:
        paths.append(case_input.metadata_file)
    return paths


def read_input(case_input: CaseInput, path: Path) -> bytes:
    """The bytes of a draft or metadata file, read as the checks read it: a regular file inside
    the case folder, within the size cap (:class:`ReadError` otherwise, never a hang)."""
    return read_regular(path, DEFAULT_MAX_FILE_BYTES, root=case_input.folder)


def hash_inputs(case_input: CaseInput) -> dict[str, str]:
    """SHA-256 of every draft and metadata file (``unreadable`` for one that cannot be read)."""
    hashes = {}
    for path in input_paths(case_input):
        try:
            hashes[str(path)] = sha256(read_input(case_input, path))
        except ReadError:
            hashes[str(path)] = "unreadable"
    return hashes


def required_fields(pack: RulePack, pattern_keys: list[str]) -> list[str]:
    required = list(pack.metadata.bundle_required) if pack.metadata else []
    for key in pattern_keys:
        if key not in required and key not in EXTRA_FIELDS:
            required.append(key)
    return required


def bundle_values(case: Case, result: CaseResult, pack: RulePack) -> dict[str, Any]:
    """Metadata under canonical keys, the category as the pack names it, and computed values."""
    values = case_metadata(case, pack)
    if result.category:
        values["category"] = result.category
    values["id"] = case.input.id
    values["year"] = pack.pack.year
    if not values.get("recommender"):
        # As the form's note says: unless stated, the province's bureau (or the central unit
        # itself, or 兵团's bureau) recommends — see the pack's [recommenders].
        values["recommender"] = default_recommender(values, pack)
    for part in PART_NAMES:
        part_result = result.parts.get(part)
        values[f"{part}_words"] = part_result.words if part_result else ""
    return values


def prepare(
    case_input: CaseInput,
    result: CaseResult,
    settings: Settings,
    options: PackOptions,
    pattern_keys: list[str],
    extra_findings: list[Finding] | None = None,
) -> Prepared | Refusal:
    """Decide whether the case may be packed (see the module docstring), before writing."""
    pack, lang = settings.pack, settings.lang
    case = assemble(case_input, pack, lang)
    labels = {f.key: f.label for f in pack.metadata.fields} if pack.metadata else {}
    values, adjusted = fit_values(bundle_values(case, result, pack), labels, lang)
    name_value = str(values.get("case_name") or case_input.id)
    titles = [f"{name_value} 申请表", *(f"{name_value} {p.title}" for p in pack.parts.values())]
    cut = next((f for f in (title_finding(t, lang) for t in titles) if f is not None), None)
    adjusted += [cut] if cut is not None else []
    findings = list(result.findings) + list(extra_findings or []) + adjusted
    errors = [f for f in findings if f.severity == "error" and f.active]
    reasons = []
    if errors and not options.force:
        reasons.append(render(MESSAGES, "errors", lang, n=len(errors)))
    missing = [
        labels.get(k, k) if lang == "zh" else k
        for k in required_fields(pack, pattern_keys)
        if values.get(k) in (None, "")
    ]
    if missing:
        where = metadata_where(case, lang, missing[0], more=len(missing) > 1)
        fields = join_list(missing, lang)
        reasons.append(render(MESSAGES, "metadata", lang, fields=fields, where=where))
    unreadable = sorted(
        {Path(f.file).name for f in result.findings if f.rule == "unreadable-file" and f.file}
    )
    if unreadable:
        # A file that cannot be read cannot be hashed into the manifest, nor left out unseen.
        reasons.append(render(MESSAGES, "unreadable", lang, files=join_list(unreadable, lang)))
    for part in PART_NAMES:
        title = pack.parts[part].title if lang == "zh" else part
        if part not in case.parts:
            reasons.append(render(MESSAGES, "no-part", lang, part=title))
        else:
            why = unsupported(case, part, lang)
            if why:
                reasons.append(why)
    if reasons:
        name = values.get("case_name")
        return Refusal(case_input.id, str(name) if name else None, reasons, errors)
    pattern = options.name_pattern or pack.bundle.name_pattern
    name = safe_name(fill_pattern(pattern, values, pack), pack.bundle.max_name_length)
    return Prepared(case, result, values, name, findings, forced=bool(errors))


def ensure_unchanged(case_input: CaseInput, before: dict[str, str], lang: Lang) -> None:
    after = hash_inputs(case_input)
    changed = [Path(p).name for p in before if before[p] != after.get(p)]
    if changed:
        raise PackError(render(MESSAGES, "changed", lang, files=join_list(changed, lang)))

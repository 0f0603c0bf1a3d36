"""manifest.json: what a bundle holds and what was checked, so anyone can verify it later.

It is the contract between ``caselint pack`` and ``caselint verify`` (and whatever a province
builds on top), so it is a pydantic model whose JSON Schema ``caselint schema manifest`` prints;
add fields, never rename them. Nothing in it depends on where the bundle was packed — no
absolute paths (finding paths are reduced to file names) — nor on how its documents happen to
be compressed: besides each file's SHA-256 it records each document's content digest (its
entries inflated) and each part's text digest, which is what ``verify`` judges a document by.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from caselint.core.model import Counts, Finding, PartName

MANIFEST_NAME = "manifest.json"
Role = Literal["form", "summary", "detailed", "report"]
#: How a bundle file came to be: written by caselint, the draft's bytes, the draft converted
#: from Markdown/text, or the draft's .docx with the other part cut out.
How = Literal["generated", "copied", "converted", "split"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")  # a newer caselint's manifest stays readable


class ToolInfo(_Model):
    name: Literal["caselint"] = "caselint"
    version: str


class RulePackInfo(_Model):
    id: str
    version: str
    digest: str
    form_template: str | None = None
    form_template_sha256: str | None = None


class BundleFile(_Model):
    """One file of the bundle, by its path inside the bundle folder."""

    path: str
    role: Role
    how: How
    size: int
    sha256: str
    source: str | None = None
    #: A .docx: SHA-256 of its entries' names and inflated bytes (compression and dates aside).
    content_sha256: str | None = None


class SourceFile(_Model):
    """A draft the bundle was made from (its name only: the folder is not the bundle's business)."""

    name: str
    size: int
    sha256: str


class PartEntry(_Model):
    """A part's file in the bundle and its counts, as caselint reads that file."""

    file: str
    source: str | None = None
    how: How
    words: int
    limit: int
    measure: str
    scope: str
    counts: Counts
    #: SHA-256 of the part's text as caselint reads the file (:mod:`caselint.pack.signature`).
    text_sha256: str | None = None


class CaseInfo(_Model):
    id: str
    case_name: str | None = None
    unit: str | None = None
    province: str | None = None
    category: str | None = None
    metadata: dict[str, Any] = {}


class FindingsSummary(_Model):
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    by_rule: dict[str, int] = {}
    items: list[Finding] = []


class Manifest(_Model):
    """``manifest.json`` of a bundle (``manifest_version`` changes only on breaking changes)."""

    manifest_version: Literal[1] = 1
    tool: ToolInfo
    rulepack: RulePackInfo
    bundle: str
    case: CaseInfo
    category: str | None = None
    verdict: Literal["pass", "fail"]
    forced: bool = False
    lang: Literal["zh", "en"] = "zh"
    files: list[BundleFile]
    parts: dict[PartName, PartEntry]
    sources: list[SourceFile] = []
    findings: FindingsSummary = FindingsSummary()
    rules_disabled: list[str] = []
    notes: list[str] = []
    #: The check report, written beside the bundle's zip (never inside: it is not uploaded).
    report: str | None = None
    #: Labels of the 申请表 rows left empty (fill them in the platform or the metadata).
    form_empty: list[str] = []

    def dumps(self) -> bytes:
        """Stable JSON: UTF-8, Chinese as is, two-space indent, a final newline."""
        data = self.model_dump(mode="json")
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @classmethod
    def loads(cls, data: bytes) -> Manifest:
        return cls.model_validate_json(data)


def summarize_findings(findings: list[Finding]) -> FindingsSummary:
    by_rule: dict[str, int] = {}
    for finding in findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    active = [f for f in findings if f.active]  # accepted ones are listed, not counted
    return FindingsSummary(
        errors=sum(f.severity == "error" for f in active),
        warnings=sum(f.severity == "warning" for f in active),
        infos=sum(f.severity == "info" for f in active),
        by_rule=dict(sorted(by_rule.items())),
        items=findings,
    )

"""A content-hash cache of case results, safe on shared and network drives.

The key is a SHA-256 of everything that decides a case's result: the tool version, the
effective settings (rule pack digest with overlays, language, enabled rules, category, count
scope), the case's paths and the digests of its files' bytes. Never modification times: copies
on a shared drive keep or lose them at random.

A result is stored under the key of the bytes it was computed from — the digests the readers
took of the very bytes they parsed (:func:`case_key` with the check's own digests) — and only
when those equal the digests read before the check: a draft edited while the run goes on is
not stored at all, so neither the edit nor its reversal can leave a result under the wrong key.
Files are read as regular files inside the case folder with a size cap (never a FIFO or a
device), and a case with a file that cannot be read is never cached.

One file per entry, written (as each case's result arrives, while workers check the next ones)
to a temporary file and renamed into place, so two runs sharing the cache never see half an
entry; not fsynced, since an entry torn by a power cut fails its checksum and is recomputed; no SQLite, whose locking is unreliable on network file systems.
An entry is a header line (format, key, SHA-256 of the payload) and the result's JSON; an entry
whose header does not match its name or its payload is ignored and recomputed. The checksum
catches damage and casual edits, not a forger who recomputes it: the cache folder is trusted as
far as its permissions go.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from caselint import __version__
from caselint.cases.case import CaseInput
from caselint.core.fsutil import atomic_write_bytes
from caselint.core.model import CaseResult
from caselint.core.read_error import ReadError
from caselint.core.readfile import read_regular
from caselint.core.serialize import from_json, to_json
from caselint.engine import Settings
from caselint.readers.sniff import DEFAULT_MAX_FILE_BYTES

CACHE_FORMAT = 2
#: No entry is this large (a case result is kilobytes); a bigger file is not an entry.
MAX_ENTRY_BYTES = 64 * 1024 * 1024


def default_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("caselint", appauthor=False))


def file_digests(case: CaseInput) -> dict[str, str] | None:
    """SHA-256 of each draft's current bytes and of the metadata file's bytes as parsed at
    discovery, by path; None when a file cannot be read (such cases are never cached)."""
    digests: dict[str, str] = {}
    for path in case.inputs:
        try:
            data = read_regular(path, DEFAULT_MAX_FILE_BYTES, root=case.folder)
        except ReadError:
            return None
        digests[str(path)] = hashlib.sha256(data).hexdigest()
    return digests


def case_key(case: CaseInput, settings: Settings, digests: Mapping[str, str] | None) -> str | None:
    """The cache key of a case whose drafts have ``digests`` (path → SHA-256), or None when a
    file's digest is missing (unreadable: never cached)."""
    if digests is None:
        return None
    if case.metadata_file is not None and case.metadata_sha256 is None:
        return None  # the metadata file could not be read
    digest = hashlib.sha256()
    header = {
        "format": CACHE_FORMAT,
        "version": __version__,
        "settings": settings.for_case(case).key(),
        "id": case.id,
        "metadata": [str(case.metadata_file), case.metadata_sha256] if case.metadata_file else None,
    }
    digest.update(json.dumps(header, sort_keys=True, ensure_ascii=False).encode())
    for path in case.inputs:
        sha = digests.get(str(path))
        if sha is None:
            return None
        digest.update(str(path).encode())
        digest.update(bytes.fromhex(sha))
    return digest.hexdigest()


class Cache:
    """Results by key: :meth:`get` returns a verified entry or None; :meth:`put` stores one."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> CaseResult | None:
        path = self._path(key)
        try:
            raw = read_regular(path, MAX_ENTRY_BYTES)
            head, _, payload = raw.partition(b"\n")
            header = json.loads(head)
            if (
                header.get("format") != CACHE_FORMAT
                or header.get("key") != key
                or header.get("sha256") != hashlib.sha256(payload).hexdigest()
            ):
                return None  # damaged, edited or from another version: recompute
            return from_json(CaseResult, payload)
        except (ReadError, ValueError, AttributeError):
            return None  # missing, unreadable or damaged: recompute

    def put(self, key: str, result: CaseResult) -> None:
        """Store a result; a read-only or full cache drive only costs the next run time."""
        payload = to_json(result, indent=None).encode()
        header = {"format": CACHE_FORMAT, "key": key, "sha256": hashlib.sha256(payload).hexdigest()}
        data = json.dumps(header).encode() + b"\n" + payload
        # No fsync: an entry torn by a power cut fails its checksum and is computed again,
        # and a cold run no longer waits for the disk once per case.
        with contextlib.suppress(OSError):
            atomic_write_bytes(self._path(key), data, durable=False)

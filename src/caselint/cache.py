"""A content-hash cache of case results, safe on shared and network drives.

The key is a SHA-256 of everything that decides a case's result: the tool version, the
effective settings (rule pack digest with overlays, language, enabled rules, category, count
scope), the bytes and paths of the case's files and of its metadata file. Never modification
times: copies on a shared drive keep or lose them at random. One JSON file per entry, written
to a temporary file and renamed into place, so two runs sharing the cache never see half an
entry; no SQLite, whose locking is unreliable on network file systems.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from caselint import __version__
from caselint.cases.case import CaseInput
from caselint.core.fsutil import atomic_write_bytes
from caselint.core.model import CaseResult
from caselint.core.serialize import from_json, to_json
from caselint.engine import Settings

CACHE_FORMAT = 1


def default_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("caselint", appauthor=False))


def case_key(case: CaseInput, settings: Settings) -> str | None:
    """The cache key of a case, or None when a file cannot be read (never cache those)."""
    digest = hashlib.sha256()
    header = {
        "format": CACHE_FORMAT,
        "version": __version__,
        "settings": settings.key(),
        "id": case.id,
    }
    digest.update(json.dumps(header, sort_keys=True, ensure_ascii=False).encode())
    paths = [*case.files, *([case.metadata_file] if case.metadata_file else [])]
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        digest.update(str(path).encode())
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


class Cache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> CaseResult | None:
        try:
            return from_json(CaseResult, self._path(key).read_bytes())
        except (OSError, ValueError):
            return None  # missing, unreadable or damaged: recompute

    def put(self, key: str, result: CaseResult) -> None:
        """Store a result; a read-only or full cache drive only costs the next run time."""
        with contextlib.suppress(OSError):
            atomic_write_bytes(self._path(key), to_json(result, indent=None).encode())

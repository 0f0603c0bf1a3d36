"""Writing outputs safely: a temporary file beside the target, then an atomic rename.

A crash or a full disk leaves the previous file (or nothing), never half a report; readers on a
shared drive never see a partial file. Existing files are replaced only when asked to.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputExistsError(FileExistsError):
    """The target exists and overwriting was not asked for."""


def atomic_write_bytes(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` atomically (same folder, so the rename stays on one drive)."""
    if not overwrite and path.exists():
        raise OutputExistsError(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)  # mkstemp makes 0600 files; outputs are for colleagues too
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def umask() -> int:
    """The process's file-creation mask (read without changing it for long)."""
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_text(path: Path, text: str, *, overwrite: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite)


def shown(path: str | os.PathLike[str]) -> str:
    """A path as the user would type it: relative to the working folder when it lies below
    it (``上传包/x.zip``, not ``/home/…/上传包/x.zip``), otherwise as it is."""
    candidate = Path(path)
    if not candidate.is_absolute():
        return str(candidate)
    try:
        here = Path.cwd()
    except OSError:  # the working folder was removed
        return str(candidate)
    for base, target in ((here, candidate), (here.resolve(), candidate.resolve())):
        try:
            return str(target.relative_to(base))
        except ValueError:
            continue
    return str(candidate)

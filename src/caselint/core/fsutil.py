"""Writing outputs safely: never over an input, never half a file, never over a file by accident.

An output goes to a temporary file beside the target, then is renamed into place: a crash or a
full disk leaves the previous file (or nothing), never half a report, and readers on a shared
drive never see a partial file. Without ``overwrite`` the final step is create-exclusive (a hard
link, or a rename that cannot replace on Windows), so two runs writing the same new path cannot
both succeed. :func:`overlap` is the one test every command applies before writing: no output
may be, contain or sit inside one of the run's inputs.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Literal


class OutputExistsError(FileExistsError):
    """The target exists and overwriting was not asked for."""


Overlap = Literal["same", "contains", "inside"]


def real(path: Path | str) -> str:
    """``path`` absolute, with symlinks resolved and case folded where the file system folds it
    (never raises: a dangling link or a loop resolves as far as it goes)."""
    return os.path.normcase(os.path.realpath(os.path.abspath(path)))


def within(path: str, folder: str) -> bool:
    """Whether the real path ``path`` is ``folder`` or lies below it."""
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # different drives (Windows)
        return False


def overlap(
    output: Path, inputs: Iterable[Path], folders: Iterable[Path] = ()
) -> tuple[Overlap, Path] | None:
    """How ``output`` collides with the run's inputs, or None.

    ``inputs`` are files and folders the run reads (an output may be neither one of them nor
    hold one); ``folders`` are case folders (an output may not be inside one either: the next
    run would read it as part of the case). Paths are compared after resolving symlinks.
    """
    target = real(output)
    sources = [*((path, False) for path in inputs), *((folder, True) for folder in folders)]
    for path, case_folder in sources:
        source = real(path)
        if target == source:
            return "same", path
        if within(source, target):
            return "contains", path
        if case_folder and within(target, source):
            return "inside", path
    return None


def atomic_write_bytes(
    path: Path, data: bytes, *, overwrite: bool = True, durable: bool = True
) -> None:
    """Write ``data`` to ``path`` atomically (same folder, so the rename stays on one drive).

    Without ``overwrite`` an existing ``path`` is never replaced, not even one created while
    the data was being written: :class:`OutputExistsError`. ``durable=False`` skips the fsync
    (~1 ms a file, far more on a network drive), for files whose damage after a power cut is
    detected and harmless: checksummed cache entries.
    """
    if not overwrite and os.path.lexists(path):
        raise OutputExistsError(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if overwrite and path.exists() else 0o666 & ~umask()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, mode)  # mkstemp makes 0600 files; outputs are for colleagues too
        if overwrite:
            os.replace(tmp, path)
        else:
            place_new(Path(tmp), path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def place_new(source: Path, target: Path) -> None:
    """Move the file ``source`` to ``target`` only if ``target`` does not exist, atomically.

    POSIX ``rename`` replaces silently, so the file is hard-linked into place (which fails on an
    existing name) and the source removed; Windows' rename never replaces. Where hard links are
    not supported, the name is claimed with an exclusive create first.
    """
    if os.name == "nt":
        try:
            os.rename(source, target)
        except FileExistsError as exc:
            raise OutputExistsError(str(target)) from exc
        return
    try:
        os.link(source, target)
    except FileExistsError as exc:
        raise OutputExistsError(str(target)) from exc
    except OSError as exc:
        if exc.errno not in (
            errno.EPERM,
            errno.ENOTSUP,
            errno.EOPNOTSUPP,
            errno.EXDEV,
            errno.EMLINK,
        ):
            raise
        _claim_then_rename(source, target)
    else:
        source.unlink()


def _claim_then_rename(source: Path, target: Path) -> None:
    """Claim ``target`` with O_EXCL, then rename over the empty claim (no hard links here)."""
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError as exc:
        raise OutputExistsError(str(target)) from exc
    os.replace(source, target)


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

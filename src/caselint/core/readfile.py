"""Read an input file only when it is a regular file, inside its folder, and not too large.

Case folders on shared drives hold whatever people put there. A FIFO named ``x.md`` blocks the
first ``read()`` forever; a symlink to ``/dev/zero`` never ends; a symlink loop raises deep in
``pathlib``; a symlink to ``~/.ssh/id_rsa`` would be read, checked and packed for upload. Every
reader of user input — drafts, metadata files, the cache key, the pack's input hashes — reads
through :func:`read_regular`, which looks before it reads (``lstat``), follows a symlink only
when its target stays inside the case folder, opens without blocking, confirms on the open file
that it is the regular file it looked at, and never reads more than the cap.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from caselint.core.read_error import ReadError, format_size

#: Opening flags: never block on a FIFO swapped in after the check; never follow a symlink the
#: check did not resolve (both flags are missing on Windows, which has neither problem).
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
)
_CHUNK = 1024 * 1024


def _open(path: str) -> int:
    """``os.open`` with :data:`_OPEN_FLAGS` (a seam tests use to simulate a denied read)."""
    return os.open(path, _OPEN_FLAGS)


def resolve_inside(path: Path, root: Path | None) -> str:
    """The real path to open for ``path``: itself, or a symlink's target inside ``root``.

    ``root`` is the case folder for a draft or metadata file; None for a file the user named
    for what it is (a config, a rule pack, a list), whose link may point anywhere. Raises
    :class:`ReadError` for a symlink loop or a target outside ``root``.
    """
    try:
        link = stat.S_ISLNK(os.lstat(path).st_mode)
    except FileNotFoundError as exc:
        raise ReadError("missing") from exc
    except PermissionError as exc:
        raise ReadError("permission") from exc
    except OSError as exc:
        raise ReadError("os-error", detail=exc.strerror or str(exc)) from exc
    if not link:
        return str(path)
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError("symlink-loop") from exc
        if isinstance(exc, FileNotFoundError):
            raise ReadError("missing") from exc
        raise ReadError("os-error", detail=exc.strerror or str(exc)) from exc
    target = os.path.realpath(path)
    if root is None:
        return target
    folder = os.path.realpath(root)
    try:
        inside = os.path.commonpath([target, folder]) == folder
    except ValueError:  # another drive (Windows)
        inside = False
    if not inside:
        raise ReadError("symlink-outside", target=target)
    return target


def read_regular(path: Path, limit: int, *, root: Path | None = None) -> bytes:
    """The bytes of ``path``, at most ``limit`` of them; :class:`ReadError` when refused.

    Refused: a missing file, a folder, FIFO, device or socket (reason ``not-a-file``), a symlink
    that loops or leaves ``root`` (see :func:`resolve_inside`), a file larger than ``limit`` (``too-large``, checked before
    and while reading, so a file growing meanwhile is caught), an unreadable file. An empty
    file is returned as ``b""``; callers decide whether that is an error.
    """
    real = resolve_inside(path, root)
    try:
        if not stat.S_ISREG(os.stat(real).st_mode):
            raise ReadError("not-a-file")
        fd = _open(real)
    except FileNotFoundError as exc:
        raise ReadError("missing") from exc
    except PermissionError as exc:
        raise ReadError("permission") from exc
    except IsADirectoryError as exc:
        raise ReadError("not-a-file") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # replaced by a symlink after the check
            raise ReadError("symlink-loop") from exc
        raise ReadError("os-error", detail=exc.strerror or str(exc)) from exc
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise ReadError("not-a-file")
        if status.st_size > limit:
            raise ReadError("too-large", size=format_size(status.st_size), limit=format_size(limit))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise ReadError(
                    "too-large", size=f"> {format_size(limit)}", limit=format_size(limit)
                )
    except OSError as exc:
        raise ReadError("os-error", detail=exc.strerror or str(exc)) from exc
    finally:
        os.close(fd)
    return b"".join(chunks)

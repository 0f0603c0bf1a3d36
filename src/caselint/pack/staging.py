"""Build outputs in a hidden folder beside OUTDIR, then rename them into place.

A bundle is several files; a colleague opening the shared drive halfway through, a crash or a
full disk must never leave half of one behind. Everything is written into a temporary folder
created in OUTDIR's parent — the same drive, so the final step is a rename, not a copy — and
only when all of it is written are the entries renamed into OUTDIR (or the folder itself
becomes OUTDIR when that does not exist yet). An existing entry is replaced only with
``overwrite``: it is first moved aside into the temporary folder, so a failure puts it back.
The temporary folder is removed whatever happens, and parent folders created for OUTDIR are
removed again when nothing was committed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from types import TracebackType

from caselint.core.fsutil import umask
from caselint.core.i18n import Catalog, Lang, join_list, render
from caselint.pack.errors import PackError

TEMP_PREFIX = ".caselint-pack-"

MESSAGES: Catalog = {
    "exists": {
        "zh": "输出已存在：{paths}（加 --overwrite 覆盖）",
        "en": "output exists: {paths} (use --overwrite)",
    },
    "not-dir": {
        "zh": "输出路径不是文件夹：{path}",
        "en": "the output path is not a folder: {path}",
    },
}


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


class Staging:
    """``with Staging(outdir) as stage:`` write into ``stage.path``, then ``stage.commit()``."""

    def __init__(self, outdir: Path, *, overwrite: bool = False, lang: Lang = "zh") -> None:
        self.outdir = Path(os.path.abspath(outdir))
        self.overwrite = overwrite
        self.lang = lang
        self.path = self.outdir  # set on entry
        self._created: list[Path] = []
        self._committed = False

    def __enter__(self) -> Staging:
        if self.outdir.exists() and not self.outdir.is_dir():
            raise PackError(render(MESSAGES, "not-dir", self.lang, path=self.outdir), usage=True)
        parent = self.outdir.parent
        missing = []
        while not parent.exists():
            missing.append(parent)
            parent = parent.parent
        for folder in reversed(missing):
            folder.mkdir()
            self._created.append(folder)
        self.path = Path(
            tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{self.outdir.name}-", dir=self.outdir.parent)
        )
        return self

    def check_free(self, names: list[str]) -> None:
        """Refuse early when an output exists and may not be replaced."""
        if self.overwrite:
            return
        taken = [str(self.outdir / n) for n in names if os.path.lexists(self.outdir / n)]
        if taken:
            raise PackError(
                render(MESSAGES, "exists", self.lang, paths=join_list(taken, self.lang)), usage=True
            )

    def commit(self) -> list[Path]:
        """Move everything written into ``path`` to OUTDIR; returns the new paths."""
        names = sorted(os.listdir(self.path))
        self.check_free(names)
        os.chmod(self.path, 0o777 & ~umask())  # mkdtemp makes a private folder
        if not os.path.lexists(self.outdir):
            try:
                os.rename(self.path, self.outdir)
            except OSError:
                self.outdir.mkdir(exist_ok=True)  # created meanwhile: move entry by entry
            else:
                self._committed = True
                return [self.outdir / n for n in names]
        aside = Path(tempfile.mkdtemp(prefix=".old-", dir=self.path))
        placed: list[tuple[Path, Path | None, bool]] = []  # target, its old version, moved in
        try:
            for name in names:
                target = self.outdir / name
                old = None
                if os.path.lexists(target):
                    old = aside / name
                    os.rename(target, old)
                placed.append((target, old, False))
                os.rename(self.path / name, target)
                placed[-1] = (target, old, True)
        except BaseException:
            for target, old, moved in reversed(placed):
                if moved:
                    _remove(target)
                if old is not None:
                    os.rename(old, target)
            raise
        self._committed = True
        return [target for target, _, _ in placed]

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.path != self.outdir and self.path.exists():
            shutil.rmtree(self.path, ignore_errors=True)
        if not self._committed:
            for folder in reversed(self._created):
                try:
                    folder.rmdir()
                except OSError:
                    break

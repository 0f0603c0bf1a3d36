"""Build outputs in a hidden folder beside OUTDIR, then move them into place without losing a file.

A bundle is several files; a colleague opening the shared drive halfway through, a crash or a
full disk must never leave half of one behind. Everything is written into a temporary folder
created in OUTDIR's parent — the same drive, so the final step is a rename, not a copy — and
only when all of it is written are the entries moved into OUTDIR (or the folder itself becomes
OUTDIR when that does not exist yet).

Without ``overwrite`` every move is create-exclusive (:func:`caselint.core.fsutil.place_new`, a
claimed empty folder for a bundle folder): of two runs writing the same new bundle, one fails
cleanly. With ``overwrite`` only what caselint wrote is replaced (:mod:`caselint.pack.owned`;
anything else is refused), and the swap is journalled: ``OUTDIR/.caselint-pack-journal.json``
names the staging folder and the entries before the first old entry is moved aside, and is
removed once all new entries are in. A run killed in between (``kill -9``, a power cut) leaves
the journal; the next ``pack`` into OUTDIR rolls the swap back — old entries restored, new ones
removed — before it starts, and ``verify`` reports it. The temporary folder is removed whatever
happens, and parent folders created for OUTDIR are removed again when nothing was committed.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from types import TracebackType

from caselint.core.fsutil import OutputExistsError, atomic_write_bytes, place_new, umask
from caselint.core.i18n import Catalog, Lang, join_list, render
from caselint.core.read_error import ReadError
from caselint.core.readfile import read_regular
from caselint.pack.errors import PackError
from caselint.pack.owned import written_by_caselint

TEMP_PREFIX = ".caselint-pack-"
JOURNAL = ".caselint-pack-journal.json"

MESSAGES: Catalog = {
    "exists": {
        "zh": "输出已存在：{paths}（加 --overwrite 覆盖）",
        "en": "output exists: {paths} (use --overwrite)",
    },
    "not-ours": {
        "zh": "输出位置已有不是 caselint 生成的内容：{paths}；即使加 --overwrite 也不会覆盖，请换一个输出文件夹或先移走它",
        "en": "{paths} exists and was not written by caselint; --overwrite never replaces it: choose another output folder or move it",
    },
    "bad-journal": {
        "zh": "输出文件夹中有一次中断的打包留下的记录，但无法识别：{path}；请检查输出文件夹后删除该文件再打包",
        "en": "an interrupted pack left a record that cannot be read: {path}; check the output folder, delete the file and pack again",
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


def _place_new(source: Path, target: Path) -> None:
    """Move the staged entry ``source`` to ``target``, failing if ``target`` exists."""
    if not source.is_dir() or os.name == "nt":
        place_new(source, target)  # Windows' rename never replaces, folders included
        return
    try:
        os.mkdir(target)  # claim the name: only one run can create it
    except FileExistsError as exc:
        raise OutputExistsError(str(target)) from exc
    try:
        os.rename(source, target)  # replaces the empty folder just claimed
    except BaseException:
        os.rmdir(target)
        raise


class JournalError(Exception):
    """A journal file this module cannot act on (damaged, or naming folders it never uses)."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def journal_path(outdir: Path) -> Path:
    return outdir / JOURNAL


def journal_near(bundle: Path) -> Path | None:
    """The journal of an interrupted ``pack --overwrite`` in ``bundle`` (a pack output folder)
    or beside it (a bundle folder or zip in one), if there is one."""
    for folder in (bundle, bundle.parent):
        journal = journal_path(folder)
        if os.path.lexists(journal):
            return journal
    return None


def recover(outdir: Path) -> list[str]:
    """Roll back a swap a killed ``pack --overwrite`` left half done; the names restored.

    Per entry of the journal: an old version moved aside goes back (the new one in its place is
    removed); a new entry placed where nothing was is removed; an entry not yet moved is left.
    """
    journal = journal_path(outdir)
    if not os.path.lexists(journal):
        return []
    try:
        record = json.loads(read_regular(journal, 1024 * 1024))
        stage = Path(record["stage"])
        aside = Path(record["aside"])
        names = [str(n) for n in record["names"]]
    except (ReadError, ValueError, KeyError, TypeError) as exc:
        raise JournalError(journal) from exc
    # Only a journal this module wrote is acted on: its folders are a staging folder beside
    # OUTDIR and the aside folder inside it, never paths elsewhere on the disk.
    if not (
        stage.name.startswith(TEMP_PREFIX)
        and Path(os.path.abspath(stage.parent)) == Path(os.path.abspath(outdir.parent))
        and aside.parent == stage
    ):
        raise JournalError(journal)
    restored = []
    for name in names:
        if "/" in name or "\\" in name or name in ("", ".", ".."):
            continue
        target, old, new = outdir / name, aside / name, stage / name
        if os.path.lexists(old):
            if os.path.lexists(target):
                _remove(target)
            os.rename(old, target)
            restored.append(name)
        elif not os.path.lexists(new) and os.path.lexists(target):
            _remove(target)  # placed by the interrupted run where nothing was before
            restored.append(name)
    shutil.rmtree(stage, ignore_errors=True)
    journal.unlink(missing_ok=True)
    return restored


class Staging:
    """``with Staging(outdir) as stage:`` write into ``stage.path``, then ``stage.commit()``."""

    def __init__(self, outdir: Path, *, overwrite: bool = False, lang: Lang = "zh") -> None:
        self.outdir = Path(os.path.abspath(outdir))
        self.overwrite = overwrite
        self.lang = lang
        self.path = self.outdir  # set on entry
        self.recovered: list[str] = []
        self._created: list[Path] = []
        self._committed = False

    def __enter__(self) -> Staging:
        if self.outdir.exists() and not self.outdir.is_dir():
            raise PackError(render(MESSAGES, "not-dir", self.lang, path=self.outdir), usage=True)
        if self.outdir.is_dir():
            try:
                self.recovered = recover(self.outdir)
            except JournalError as exc:
                raise PackError(
                    render(MESSAGES, "bad-journal", self.lang, path=exc.path), usage=True
                ) from exc
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
        taken = [self.outdir / n for n in names if os.path.lexists(self.outdir / n)]
        if not taken:
            return
        if not self.overwrite:
            self._refuse("exists", taken)
        foreign = [path for path in taken if not written_by_caselint(path)]
        if foreign:
            self._refuse("not-ours", foreign)

    def _refuse(self, key: str, paths: list[Path]) -> None:
        listing = join_list([str(p) for p in paths], self.lang)
        raise PackError(render(MESSAGES, key, self.lang, paths=listing), usage=True)

    def commit(self) -> list[Path]:
        """Move everything written into ``path`` to OUTDIR; returns the new paths."""
        names = sorted(os.listdir(self.path))
        self.check_free(names)
        os.chmod(self.path, 0o777 & ~umask())  # mkdtemp makes a private folder
        if not os.path.lexists(self.outdir) and self._rename_whole():
            self._committed = True
            return [self.outdir / n for n in names]
        self.outdir.mkdir(exist_ok=True)
        if any(os.path.lexists(self.outdir / n) for n in names):
            placed = self._swap(names)
        else:
            placed = self._place_all(names)
        self._committed = True
        return placed

    def _rename_whole(self) -> bool:
        """Make the staging folder OUTDIR in one rename, if OUTDIR can still be claimed."""
        try:
            if os.name == "nt":
                os.rename(self.path, self.outdir)  # fails when OUTDIR appeared meanwhile
                return True
            os.mkdir(self.outdir)  # claim it: a concurrent run now moves entry by entry
        except OSError:
            return False
        try:
            os.rename(self.path, self.outdir)
        except OSError:
            return False  # another run put entries into the claimed folder meanwhile
        return True

    def _place_all(self, names: list[str]) -> list[Path]:
        """Create-exclusive moves; on a clash, what this run placed is taken back."""
        placed: list[Path] = []
        try:
            for name in names:
                target = self.outdir / name
                try:
                    _place_new(self.path / name, target)
                except OutputExistsError:
                    if not self.overwrite:
                        self._refuse("exists", [target])
                    raise
                placed.append(target)
        except BaseException:
            for target in placed:
                os.rename(target, self.path / target.name)
            raise
        return placed

    def _swap(self, names: list[str]) -> list[Path]:
        """Replace caselint's own entries, journalled so a killed run can be rolled back."""
        aside = Path(tempfile.mkdtemp(prefix=".old-", dir=self.path))
        record = {"stage": str(self.path), "aside": str(aside), "names": names}
        journal = journal_path(self.outdir)
        atomic_write_bytes(
            journal, json.dumps(record, ensure_ascii=False).encode(), overwrite=False
        )
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
            journal.unlink(missing_ok=True)
            raise
        journal.unlink()
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

"""jieba's prefix dictionary as an indexed file, read only where a text needs it.

``jieba.Tokenizer.initialize`` unmarshals its whole prefix dictionary (498,000 entries, a 9 MB
cache) before it cuts a word: 0.5–1.4 s on every start, the larger part of a ``caselint check``.
Yet cutting a text only ever looks up *substrings of that text*. :class:`IndexedTokenizer` is
jieba's own ``Tokenizer`` — the same DAG over the prefix dictionary, maximum-probability route
and HMM for unknown runs, unchanged — whose ``FREQ`` dict is filled on demand: before jieba sees
a string, every entry that can be a substring of it is copied in from the index.

The index is built once from jieba's dictionary by jieba's own ``gen_pfdict`` and kept in the
user cache folder, keyed by jieba's version, the dictionary file and the Python version (the
buckets are ``marshal`` data). It holds:

* every one-character entry (12,000; loaded when the index opens);
* every longer entry, grouped by its first two characters and hashed into one of
  :data:`BUCKETS` buckets. A substring of length ≥ 2 starts with one of the text's bigrams, so
  loading the buckets of the text's bigrams (about a thousand for a 5000-字 draft) brings in every
  entry jieba can look up, and nothing it cannot.

Writes (``add_word``) only ever touch keys whose bucket was loaded first, so a bucket read later
never overwrites a word added at run time. Each bucket carries a CRC-32: a damaged index raises
:class:`DamagedIndex`, and the caller falls back to the reference tokenizer.
"""

from __future__ import annotations

import contextlib
import marshal
import mmap
import os
import struct
import sys
import zlib
from array import array
from pathlib import Path
from typing import Any

MAGIC = b"caselint-jieba-index\n"
FORMAT = 1
#: Enough buckets that most hold one two-character prefix group: a text's bigram then loads
#: little besides the entries it can meet.
BUCKETS = 1 << 18
_HEAD = struct.Struct("<IQII")  # format, total frequency, buckets, length of the singles blob


class DamagedIndex(Exception):
    """The index file does not hold what it says (truncated, overwritten, bit rot)."""


def _bucket_of(gram: str) -> int:
    """Bucket of a two-character prefix: stable across processes (``hash()`` is salted)."""
    return (ord(gram[0]) * 40503 + ord(gram[1]) * 131) & (BUCKETS - 1)


def jieba_module() -> Any:
    """Import jieba without setuptools' ``pkg_resources``.

    jieba only uses ``pkg_resources`` to open its dictionary if it is importable, and falls back
    to a plain file path otherwise. Importing it costs ~100 ms and a deprecation warning, so it
    is hidden for the duration of the import (unless something already imported it). jieba's
    start-up log is silenced.
    """
    import logging
    import warnings

    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    return jieba


def dictionary_file(jieba: Any) -> Path:
    """jieba's default dictionary (``dict.txt`` beside its package)."""
    return Path(jieba.__file__).resolve().parent / jieba.DEFAULT_DICT_NAME


def index_name(jieba: Any) -> str:
    """File name of the index for this jieba, its dictionary file and this Python."""
    source = dictionary_file(jieba)
    stat = source.stat()
    key = "|".join(map(str, (FORMAT, source, stat.st_size, stat.st_mtime_ns, sys.version_info[:2])))
    return f"jieba-{jieba.__version__}-{zlib.crc32(key.encode('utf-8')):08x}.idx"


def build(target: Path, jieba: Any) -> None:
    """Write the index of jieba's default dictionary to ``target`` (atomically: a temporary file
    beside it, then renamed; a concurrent build of the same index is equally good)."""
    with dictionary_file(jieba).open("rb") as source:
        freq, total = jieba.Tokenizer.gen_pfdict(source)
    singles = {w: f for w, f in freq.items() if len(w) == 1}
    buckets: list[dict[str, int]] = [{} for _ in range(BUCKETS)]
    for word, f in freq.items():
        if len(word) > 1:
            buckets[_bucket_of(word)][word] = f
    blobs = [marshal.dumps(b) if b else b"" for b in buckets]
    offsets = array("I", [0])
    for blob in blobs:
        offsets.append(offsets[-1] + len(blob))
    checksums = array("I", (zlib.crc32(b) for b in blobs))
    singles_blob = marshal.dumps(singles)
    if sys.byteorder == "big":
        offsets.byteswap()
        checksums.byteswap()
    head = _HEAD.pack(FORMAT, total, BUCKETS, len(singles_blob))
    table = head + singles_blob + offsets.tobytes() + checksums.tobytes()
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("xb") as out:
            out.write(MAGIC + table + zlib.crc32(table).to_bytes(4, "little"))
            for blob in blobs:
                out.write(blob)
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            temporary.unlink()


class DictionaryIndex:
    """A built index, memory-mapped: the one-character entries, then buckets on request."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with path.open("rb") as file:
            self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            self._read_table()
        except (ValueError, EOFError, TypeError, struct.error) as exc:
            self.close()
            raise DamagedIndex(f"{path}: {exc}") from exc

    def _read_table(self) -> None:
        view = self._map
        if view[: len(MAGIC)] != MAGIC:
            raise ValueError("not a caselint dictionary index")
        start = len(MAGIC)
        fmt, self.total, buckets, singles_len = _HEAD.unpack_from(view, start)
        if fmt != FORMAT or buckets != BUCKETS:
            raise ValueError(f"format {fmt} with {buckets} buckets")
        at = start + _HEAD.size
        singles_blob = view[at : at + singles_len]
        at += singles_len
        self._offsets = array("I", view[at : at + 4 * (BUCKETS + 1)])
        at += 4 * (BUCKETS + 1)
        self._checksums = array("I", view[at : at + 4 * BUCKETS])
        at += 4 * BUCKETS
        if zlib.crc32(view[start:at]) != int.from_bytes(view[at : at + 4], "little"):
            raise ValueError("table checksum")
        self._data = at + 4
        if sys.byteorder == "big":
            self._offsets.byteswap()
            self._checksums.byteswap()
        if self._data + self._offsets[-1] != len(view):
            raise ValueError("truncated")
        self.singles: dict[str, int] = marshal.loads(singles_blob)

    def bucket(self, number: int) -> dict[str, int]:
        """Entries of two or more characters whose first two characters hash to ``number``."""
        start, end = self._offsets[number], self._offsets[number + 1]
        if start == end:
            return {}
        blob = self._map[self._data + start : self._data + end]
        if zlib.crc32(blob) != self._checksums[number]:
            raise DamagedIndex(f"{self.path}: bucket {number}")
        try:
            return marshal.loads(blob)
        except (ValueError, EOFError, TypeError) as exc:
            raise DamagedIndex(f"{self.path}: bucket {number}: {exc}") from exc

    def close(self) -> None:
        self._map.close()

    def discard(self) -> None:
        """Close and delete a damaged index, so that the next run builds a sound one."""
        self.close()
        with contextlib.suppress(OSError):
            self.path.unlink()


def indexed_tokenizer(jieba: Any, index: DictionaryIndex) -> Any:
    """A ``jieba.Tokenizer`` reading its prefix dictionary from ``index`` as texts need it."""

    class IndexedTokenizer(jieba.Tokenizer):  # type: ignore[misc,name-defined]
        """jieba's tokenizer; ``FREQ`` holds the entries of every text it has been given."""

        def __init__(self) -> None:
            super().__init__()
            self.index = index
            self.FREQ = dict(index.singles)
            self.total = index.total
            self.initialized = True
            self._loaded: set[int] = set()
            self._grams: set[str] = set()

        def initialize(self, dictionary: Any = None) -> None:
            """Nothing to load: entries come from the index as texts need them."""

        def prepare(self, text: str) -> None:
            """Copy in every entry that can be a substring of ``text``."""
            grams = {text[i : i + 2] for i in range(len(text) - 1)}
            grams -= self._grams
            if not grams:
                return
            for gram in grams:
                number = _bucket_of(gram)
                if number not in self._loaded:
                    self.FREQ.update(self.index.bucket(number))
                    self._loaded.add(number)
            self._grams |= grams

        def cut(self, sentence: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(sentence, str):
                self.prepare(sentence)
            return super().cut(sentence, *args, **kwargs)

        def add_word(self, word: Any, freq: Any = None, tag: Any = None) -> None:
            if isinstance(word, str):
                self.prepare(word)
            super().add_word(word, freq, tag)

    return IndexedTokenizer()


def index_folders() -> list[Path]:
    """Where the index may live: ``CASELINT_SEGMENTER_CACHE`` if set, else the user cache
    folder, then the temporary folder (a read-only or missing home still gets an index)."""
    chosen = os.environ.get("CASELINT_SEGMENTER_CACHE")
    if chosen:
        return [Path(chosen)]
    import tempfile

    import platformdirs

    user = Path(platformdirs.user_cache_dir("caselint", appauthor=False)) / "segmenter"
    return [user, Path(tempfile.gettempdir()) / "caselint-segmenter"]


def open_index(jieba: Any, folders: list[Path]) -> DictionaryIndex | None:
    """The index in the first folder that has or can build one; None where none can (the
    caller then loads jieba's whole dictionary, as jieba itself does)."""
    name = index_name(jieba)
    for folder in folders:
        path = folder / name
        try:
            return DictionaryIndex(path)
        except (OSError, ValueError, DamagedIndex):
            pass  # missing, unreadable or damaged: built (again) below, or the next folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            build(path, jieba)
            return DictionaryIndex(path)
        except (OSError, ValueError, DamagedIndex):
            continue
    return None

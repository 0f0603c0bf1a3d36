"""The indexed segmenter cuts every text exactly as jieba does: same tokens, same findings.

jieba with its whole dictionary loaded is the reference. The indexed tokenizer runs jieba's own
code over entries read from an index as texts need them; these tests hold the two equal on real
case text (the project's ``shared/research/realtext-dev.jsonl``, read where it lies), on every
draft of the suite and examples, with the rule pack's vocabulary and words added at run time,
and check that a damaged or unwritable index falls back to the reference without changing a
finding.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caselint.rulepack.pack import load_pack
from caselint.text import dictindex, nlp
from caselint.text.analysis import analysers

ROOT = Path(__file__).resolve().parents[2]
REALTEXT = ROOT.parent / "shared" / "research" / "realtext-dev.jsonl"
DRAFT_FOLDERS = [ROOT / "examples", ROOT / "tests" / "fixtures" / "cases"]
COMPLIANT = ROOT / "tests" / "fixtures" / "cases" / "compliant" / "platform.md"
#: The heading of the 详细材料 section the real passages are placed under.
RESULTS_HEADING = "## 三、取得成效"


def realtext() -> list[dict[str, Any]]:
    """The real passages, read at run time from the project's shared folder."""
    if not REALTEXT.is_file():
        pytest.skip(f"{REALTEXT} is not there (shared/ sits beside the repository)")
    lines = REALTEXT.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def drafts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for f in DRAFT_FOLDERS for p in sorted(f.rglob("*.md"))]
    assert len(texts) > 20
    return texts


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。！？；\n])", text) if s.strip()]


@pytest.fixture(scope="module")
def jieba() -> Any:
    return dictindex.jieba_module()


@pytest.fixture(scope="module")
def index(jieba: Any) -> dictindex.DictionaryIndex:
    found = dictindex.open_index(jieba, dictindex.index_folders())
    assert found is not None
    return found


@pytest.fixture(scope="module")
def loaded_reference(jieba: Any) -> Any:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@pytest.fixture
def pair(
    jieba: Any, index: dictindex.DictionaryIndex, loaded_reference: Any
) -> Callable[[], tuple[Any, Any]]:
    """Fresh (reference, indexed) tokenizers, no word added to either."""

    def make() -> tuple[Any, Any]:
        reference = jieba.Tokenizer()
        reference.FREQ = dict(loaded_reference.FREQ)
        reference.total = loaded_reference.total
        reference.initialized = True
        return reference, dictindex.indexed_tokenizer(jieba, index)

    return make


def pack_vocabulary() -> tuple[str, ...]:
    """The words caselint teaches jieba before it checks a case, in its order."""
    analysers(load_pack())
    return nlp.added_words()


def test_same_tokens_as_jieba_on_real_text_and_drafts(
    pair: Callable[[], tuple[Any, Any]],
) -> None:
    reference, indexed = pair()
    for word in pack_vocabulary():
        reference.add_word(word)
        indexed.add_word(word)
    passages = [p["text"] for p in realtext()]
    texts = [*passages, *(s for p in passages for s in sentences(p)), *drafts()]

    differing = [t for t in texts if list(indexed.tokenize(t)) != list(reference.tokenize(t))]

    assert differing == []
    assert indexed.total == reference.total
    # The indexed tokenizer read a small part of the dictionary for all that text.
    assert len(indexed.FREQ) < len(reference.FREQ) / 4


def test_words_added_at_run_time_are_honoured_identically(
    pair: Callable[[], tuple[Any, Any]],
) -> None:
    reference, indexed = pair()
    text = "湖声云平台上线后广受好评，青禾视听客户端的融合生产传播体系下一步将接入湖声云。"
    before = list(indexed.tokenize(text))
    assert before == list(reference.tokenize(text))
    # Words whose buckets the cut above has loaded, words in buckets never read, a repeat.
    for word in ["湖声云", "广受好评", "青禾视听", "蓝莓果酱厂", "湖声云", "传播体系下"]:
        reference.add_word(word)
        indexed.add_word(word)
        assert list(indexed.tokenize(text)) == list(reference.tokenize(text)), word
    after = [w for w, _, _ in indexed.tokenize(text)]
    assert "湖声云" in after and "广受好评" in after and after != [w for w, _, _ in before]
    assert indexed.total == reference.total
    later = "蓝莓果酱厂的湖声云账号"
    assert list(indexed.tokenize(later)) == list(reference.tokenize(later))


def _realtext_cases(folder: Path) -> Path:
    """Each passage as the 详细材料 results section of an otherwise compliant one-file case."""
    folder.mkdir()
    base = COMPLIANT.read_text(encoding="utf-8")
    at = base.rindex(RESULTS_HEADING) + len(RESULTS_HEADING)
    for passage in realtext():
        body = "\n\n".join(p for p in passage["text"].splitlines() if p.strip())
        case = f"{base[:at]}\n\n{body}\n{base[at:]}"
        (folder / f"{passage['id']}.md").write_text(case, encoding="utf-8")
    return folder


def _check(paths: list[Path], **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("CASELINT_SEGMENTER", "CI")}
    command = [sys.executable, "-m", "caselint", "check", "--no-cache", "--format", "json"]
    result = subprocess.run(
        [*command, *map(str, paths)],
        capture_output=True,
        env={**environment, **env},
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def test_same_findings_as_jieba_on_the_suite_drafts_and_real_text(tmp_path: Path) -> None:
    paths = [*DRAFT_FOLDERS, _realtext_cases(tmp_path / "realtext")]

    indexed = _check(paths)
    reference = _check(paths, CASELINT_SEGMENTER="jieba")

    assert indexed == reference
    found = [f["rule"] for case in json.loads(indexed)["cases"] for f in case["findings"]]
    for rule in ("emotive-wording", "unquantified-claim", "element-missing"):
        assert rule in found  # findings that rest on word boundaries were compared


def _damage_bucket(path: Path, index: dictindex.DictionaryIndex, gram: str) -> None:
    """Overwrite the middle of the bucket holding the entries that start with ``gram``."""
    number = dictindex._bucket_of(gram)
    start = index._data + index._offsets[number]
    end = index._data + index._offsets[number + 1]
    assert end > start
    data = bytearray(path.read_bytes())
    data[(start + end) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _copy(index: dictindex.DictionaryIndex, folder: Path, size: int | None = None) -> Path:
    """The index file (or its first ``size`` bytes) in a cache folder of its own."""
    folder.mkdir()
    copy = folder / index.path.name
    copy.write_bytes(index.path.read_bytes()[:size])
    return copy


def test_a_damaged_bucket_falls_back_to_jieba_with_the_same_findings(
    tmp_path: Path, jieba: Any, index: dictindex.DictionaryIndex
) -> None:
    damaged = _copy(index, tmp_path / "segmenter")
    folder = damaged.parent
    _damage_bucket(damaged, index, "中心")
    opened = dictindex.DictionaryIndex(damaged)  # the table is intact, one bucket is not
    with pytest.raises(dictindex.DamagedIndex):
        list(dictindex.indexed_tokenizer(jieba, opened).tokenize("县级融媒体中心"))
    opened.close()
    case = ROOT / "tests" / "fixtures" / "cases" / "compliant" / "platform.md"

    output = _check([case], CASELINT_SEGMENTER_CACHE=str(folder))

    assert output == _check([case], CASELINT_SEGMENTER="jieba")
    assert not damaged.exists()  # discarded, so the next run builds a sound one


def test_a_truncated_index_is_built_again(
    tmp_path: Path, jieba: Any, index: dictindex.DictionaryIndex
) -> None:
    truncated = _copy(index, tmp_path / "segmenter", size=100_000)

    rebuilt = dictindex.open_index(jieba, [truncated.parent])

    assert rebuilt is not None and rebuilt.path == truncated
    assert truncated.stat().st_size == index.path.stat().st_size
    rebuilt.close()


def test_unwritable_cache_folders_fall_back(
    tmp_path: Path, jieba: Any, index: dictindex.DictionaryIndex
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    unusable = blocker / "segmenter"  # mkdir fails here, even for root
    assert dictindex.open_index(jieba, [unusable]) is None
    usable = index.path.parent
    found = dictindex.open_index(jieba, [unusable, usable])
    assert found is not None and found.path == index.path
    found.close()
    case = ROOT / "tests" / "fixtures" / "cases" / "problems" / "emotive-wording.md"

    output = _check([case], CASELINT_SEGMENTER_CACHE=str(unusable))

    assert output == _check([case])
    assert '"emotive-wording"' in output


def test_the_default_folders_are_the_user_cache_then_the_temp_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CASELINT_SEGMENTER_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    monkeypatch.setattr("tempfile.tempdir", None)
    folders = dictindex.index_folders()
    if sys.platform.startswith("linux"):
        assert folders[0] == tmp_path / "cache" / "caselint" / "segmenter"
    assert folders[1] == tmp_path / "tmp" / "caselint-segmenter"

"""Attack 7: unbounded work on oversized documents and zip headers that understate sizes.

A 32 MB .docx whose document.xml was 200 MB passed every size guard and took 31 minutes and
1.5 GB, almost all in word segmentation; zip entries whose headers understated their size were
inflated two gigabytes at a time before the CRC check. Now sizes are measured while inflating
(an XML part past 32 MB is ``unreadable-file``), and a part read but longer than 20 times its
limit is counted exactly while the sentence-by-sentence checks skip it (``checks-skipped``, F006). The full
200 MB case is timed in ``benchmarks/bench_huge_xml.py``.
"""

from __future__ import annotations

import json
import random
import resource
import zipfile
from pathlib import Path

import pytest
from hostile import case_folder, caselint, isolated, no_internal_error, snapshot

from caselint.engine import UNCAPPED_CHECKS
from caselint.readers import ReadError, read_document
from caselint.readers.docx import MAX_XML_PART_BYTES
from support.cases import body
from support.inputs import write_zeros_zip

MIB = 1024 * 1024
#: A sentence the wording check flags wherever it is read (全国领先 is emotive wording).
FLAGGED = "本台融媒体中心建设水平全国领先，各项工作取得显著成效。"


def test_a_part_beyond_twenty_times_its_limit_is_counted_but_not_scanned(tmp_path: Path) -> None:
    case = case_folder(tmp_path / "案例")
    draft = case / "案例.md"
    text = draft.read_text(encoding="utf-8")
    padding = "\n\n".join([FLAGGED * 20] * 200)  # about 110,000 字 in the 详细材料
    draft.write_text(text + "\n" + padding + "\n", encoding="utf-8")
    before = snapshot(case)

    run = caselint("check", case, "--no-cache", "--format", "json")

    assert run.code == 1, run.output
    (result,) = json.loads(run.stdout)["cases"]
    rules = [f["rule"] for f in result["findings"]]
    assert "checks-skipped" in rules and "length-over-limit" in rules
    (skipped,) = [f for f in result["findings"] if f["rule"] == "checks-skipped"]
    assert skipped["code"] == "F006" and skipped["part"] == "detailed"
    words = result["parts"]["detailed"]["words"]
    assert words > 100_000 and f"{words:,}" in skipped["message"]
    scanned = {
        f["rule"]
        for f in result["findings"]
        if f["part"] == "detailed" and f["rule"] not in UNCAPPED_CHECKS | {"checks-skipped"}
    }
    assert scanned == set()  # no wording, claim, data or figure finding on the long part
    no_internal_error(run)
    assert run.seconds < 60
    assert snapshot(case) == before


def test_the_same_text_under_the_cap_is_scanned(tmp_path: Path) -> None:
    case = case_folder(tmp_path / "案例")
    draft = case / "案例.md"
    draft.write_text(draft.read_text(encoding="utf-8") + "\n" + FLAGGED + "\n", encoding="utf-8")

    run = caselint("check", case, "--no-cache", "--format", "json")

    (result,) = json.loads(run.stdout)["cases"]
    rules = [f["rule"] for f in result["findings"]]
    assert "emotive-wording" in rules and "checks-skipped" not in rules


def _docx_with_document_xml(path: Path, size: int) -> Path:
    """A small .docx whose document.xml inflates to ``size`` bytes of one long paragraph."""
    head = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
        'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    )
    tail = "</w:t></w:r></w:p></w:body></w:document>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        with archive.open("word/document.xml", "w", force_zip64=True) as out:
            out.write(head.encode())
            # A megabyte of phrases drawn from a few hundred: it compresses about as prose does.
            rng = random.Random(11)
            phrases = [
                "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(6)) for _ in range(300)
            ]
            block = "".join(rng.choice(phrases) for _ in range(60_000)).encode()
            written = len(head)
            while written < size:
                out.write(block)
                written += len(block)
            out.write(tail.encode())
    return path


def test_an_xml_part_past_the_cap_is_refused_while_inflating(tmp_path: Path) -> None:
    case = tmp_path / "案例"
    case.mkdir()
    docx = _docx_with_document_xml(case / "案例.docx", MAX_XML_PART_BYTES + MIB)
    assert docx.stat().st_size < 8 * MIB  # far below the 50 MB file cap
    before = snapshot(case)

    run = caselint("check", case, "--no-cache")

    assert run.code == 1, run.output
    assert "F001 unreadable-file" in run.stdout and "word/document.xml" in run.stdout
    assert "解压后超过 32 MB" in run.stdout
    no_internal_error(run)
    assert run.seconds < 60
    assert snapshot(case) == before


@pytest.mark.parametrize("claimed", [1024, 10 * MIB])
def test_a_header_understating_the_size_is_not_trusted(tmp_path: Path, claimed: int) -> None:
    """document.xml says it is small and inflates to a gigabyte of zeros."""
    path = tmp_path / "案例.docx"
    write_zeros_zip(path, "word/document.xml", 1024 * MIB, claimed_size=claimed)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    with pytest.raises(ReadError) as caught:
        read_document(path)

    assert caught.value.reason in ("corrupt-zip", "bad-xml")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
    assert grown_mb < 200  # never the gigabyte the data inflates to


def test_a_header_hiding_a_bomb_in_a_bundle_zip(tmp_path: Path) -> None:
    """verify inflates by measure too: a member claiming 1 KB that inflates to 1 GB."""
    path = tmp_path / "bundle.zip"
    write_zeros_zip(
        path, "b/详细材料.docx", 1024 * MIB, {"b/manifest.json": b"{}"}, claimed_size=1024
    )

    run = isolated("verify", path)

    assert run.code == 2, run.output
    assert "压缩包无法读取" in run.stderr
    no_internal_error(run)
    assert run.seconds < 60


def test_body_text_of_a_case_is_unchanged_by_the_cap(tmp_path: Path) -> None:
    """Counting stays exact past the cap: the figure equals the uncapped reader's count."""
    from caselint.text.count import count_blocks

    case = case_folder(tmp_path / "案例")
    draft = case / "案例.md"
    padding = "\n\n".join([FLAGGED * 20] * 200)
    draft.write_text(body(draft.read_text(encoding="utf-8")) + padding, encoding="utf-8")
    document = read_document(draft)
    start = next(i for i, b in enumerate(document.blocks) if b.text == "详细材料")
    expected = count_blocks(document.blocks[start + 1 :]).words

    run = caselint("check", case, "--no-cache", "--format", "json")

    (result,) = json.loads(run.stdout)["cases"]
    assert result["parts"]["detailed"]["counts"]["words"] == expected

"""``caselint check`` on a hostile .docx: a 25 MB file whose document.xml is 200 MB (issue 11).

An attack run found such a file passed every size guard and took 31 minutes and 1.5 GB, almost
all of it in word segmentation. Now an XML part is measured while it is inflated and refused
past 32 MB (``unreadable-file``), and a part that is read but longer than 20 times its limit is
counted exactly while the sentence-by-sentence checks skip it (``checks-skipped``). Both
cases are timed: the 200 MB document and the largest one still read (31 MB of XML, about ten
million 字 in the 详细材料). Target: under 60 s and 500 MB for the whole process tree.

The files are built in a temporary folder (nothing is downloaded); the script prints the time
and the peak resident memory of caselint and its children.

    python benchmarks/bench_huge_xml.py [--xml-mb 200 31] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from common import caselint, peak_tree_rss_mb
from drafts import HEADINGS, paragraph

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
METADATA = """案例名称 = "青禾视听超长稿件"
申报单位 = "青禾市广播电视台"
省份 = "东湖省"
类别 = "新媒体平台建设"
联系人 = "周晓岚"
联系电话 = "0736-55501238"
"""


def _paragraph(text: str, *, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f"<w:p><w:r>{props}<w:t>{escape(text)}</w:t></w:r></w:p>"


def build(path: Path, xml_bytes: int, seed: int = 11) -> int:
    """A .docx whose document.xml holds ``xml_bytes`` of paragraphs; returns its real size.

    A short summary with the six element headings, then a 详细材料 whose six sections are
    repeated until the XML reaches the size: generated sentences with figures, compressing
    about 6:1 like ordinary prose.
    """
    rng = random.Random(seed)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as out:
            written = 0

            def put(xml: str) -> None:
                nonlocal written
                data = xml.encode("utf-8")
                out.write(data)
                written += len(data)

            put(
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
            )
            put(_paragraph("综合材料", bold=True))
            for n, heading in enumerate(HEADINGS):
                put(_paragraph(f"{'一二三四五六'[n]}、{heading}", bold=True))
                put(_paragraph(paragraph(rng, 140)))
            put(_paragraph("详细材料", bold=True))
            section = 0
            while written < xml_bytes:
                put(
                    _paragraph(f"{'一二三四五六'[section % 6]}、{HEADINGS[section % 6]}", bold=True)
                )
                chunk = "".join(_paragraph(paragraph(rng, 200)) for _ in range(200))
                put(chunk)
                section += 1
            put("</w:body></w:document>")
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--xml-mb", type=int, nargs="+", default=[200, 31], help="sizes of document.xml in MB"
    )
    parser.add_argument("--keep", type=Path, help="build the cases in this folder and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="caselint-bench-") as tmp:
        for xml_mb in args.xml_mb:
            folder = (args.keep or Path(tmp)) / f"case-{xml_mb}mb"
            folder.mkdir(parents=True, exist_ok=True)
            docx_path = folder / "案例.docx"
            started = time.perf_counter()
            size = build(docx_path, xml_mb * 1024 * 1024)
            (folder / "case.toml").write_text(METADATA, encoding="utf-8")
            built = time.perf_counter() - started
            xml = zipfile.ZipFile(docx_path).getinfo("word/document.xml").file_size
            print(
                f"built {docx_path.name}: {size / 2**20:.1f} MB, document.xml {xml / 2**20:.0f} MB "
                f"({built:.0f} s)"
            )
            command = caselint("check", "--no-cache", "--quiet", "--format", "json", str(folder))
            seconds, peak = peak_tree_rss_mb(command)
            outcome = _outcome(command)
            print(
                f"check, {xml_mb} MB document.xml   {seconds:5.1f} s   peak {peak:5.0f} MB   "
                f"{outcome}   (target: under 60 s and 500 MB)"
            )


def _outcome(command: list[str]) -> str:
    """The rules the run reported for the case (unreadable-file, checks-skipped …)."""
    import json
    import subprocess

    from common import ENV

    result = subprocess.run(command, capture_output=True, env=ENV, check=False)
    report = json.loads(result.stdout)
    rules = sorted({f["rule"] for case in report["cases"] for f in case["findings"]})
    return ", ".join(
        r for r in rules if r in ("unreadable-file", "checks-skipped", "length-over-limit")
    )


if __name__ == "__main__":
    main()

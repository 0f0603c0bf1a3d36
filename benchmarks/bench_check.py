"""``caselint check`` speed on one case (issue 3): a 1000-字 summary and a 5000-字 detailed .docx.

The floor is a bare ``python -c`` that imports python-docx and jieba, opens both files and cuts
their text with jieba — the least any Chinese checker of these files must do. Target:
caselint / floor ≤ 1.3. ``--profile`` prints where caselint's own time goes.

    python benchmarks/bench_check.py [--repeat 5] [--profile]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import pstats
import tempfile
from pathlib import Path

from common import PYTHON, caselint, time_command
from drafts import write_case

FLOOR = """
import sys, docx, jieba
text = []
for path in sys.argv[1:]:
    document = docx.Document(path)
    text += [p.text for p in document.paragraphs]
    text += [c.text for t in document.tables for r in t.rows for c in r.cells]
list(jieba.cut("\\n".join(text)))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="caselint-bench-") as tmp:
        folder = Path(tmp) / "case"
        summary, detailed = write_case(folder, seed=7, summary_chars=950, detailed_chars=4900)
        floor = time_command([PYTHON, "-c", FLOOR, str(summary), str(detailed)], args.repeat)
        ours = time_command(
            caselint("check", "--no-cache", "--format", "json", str(folder)), args.repeat
        )
        text = time_command(caselint("check", "--no-cache", str(folder)), args.repeat)
        print(
            f"check, one case (1000 + 5000 字 .docx)   floor {floor * 1000:5.0f} ms   "
            f"caselint {ours * 1000:5.0f} ms   ratio {ours / floor:4.2f}   (text output {text * 1000:.0f} ms)"
        )
        if args.profile:
            _profile(folder)


def _profile(folder: Path) -> None:
    """In-process profile of one cold check, grouped by caselint module."""
    import sys

    from caselint.cli.app import app

    profiler = cProfile.Profile()
    profiler.enable()
    with contextlib.suppress(SystemExit):
        app(["check", "--no-cache", "--format", "json", str(folder)], standalone_mode=False)
    profiler.disable()
    sys.stdout.flush()
    stats = pstats.Stats(profiler, stream=sys.stderr)
    stats.sort_stats("cumulative").print_stats(r"caselint|jieba|docx|lxml", 25)


if __name__ == "__main__":
    main()

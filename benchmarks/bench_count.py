"""``caselint count`` speed (issue 2): one 5000-字 .docx against the floor, and files per second.

The floor is a bare ``python -c`` that imports python-docx and opens the same file: a user
cannot get a .docx read faster from Python. Target: caselint / floor ≤ 1.5.

    python benchmarks/bench_count.py [--repeat 7] [--files 200]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import PYTHON, caselint, time_command
from drafts import write_case


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--files", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="caselint-bench-") as tmp:
        root = Path(tmp)
        _, detailed = write_case(root / "one", seed=1, detailed_chars=4900)
        floor = time_command(
            [PYTHON, "-c", f"import docx; docx.Document({str(detailed)!r})"], args.repeat
        )
        ours = time_command(caselint("count", str(detailed)), args.repeat)
        ours_json = time_command(caselint("count", "--format", "json", str(detailed)), args.repeat)
        print(
            f"count, one 5000-字 .docx   floor {floor * 1000:6.0f} ms   caselint {ours * 1000:6.0f} ms"
            f"   ratio {ours / floor:4.2f}   (json: {ours_json * 1000:.0f} ms, ratio {ours_json / floor:4.2f})"
        )

        folder = root / "many"
        for seed in range(args.files // 2):
            write_case(folder, seed=100 + seed)
        files = len(list(folder.glob("*.docx")))
        start = time.perf_counter()
        import subprocess

        subprocess.run(
            caselint("count", "--format", "json", str(folder)), capture_output=True, check=True
        )
        elapsed = time.perf_counter() - start
        print(
            f"count, {files} drafts in one run   {elapsed:5.2f} s   {files / elapsed:6.1f} files/s"
        )


if __name__ == "__main__":
    main()

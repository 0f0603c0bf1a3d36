"""Provincial batch speed (issue 4): 400 generated cases (800 .docx).

Reports the cold throughput, the speed-up from 1 to 2 worker processes (target ≥ 1.7×), a
cached re-run against the cold run (target ≤ 0.1×) and the peak memory of the whole process
tree (target ≤ 400 MB).

    python benchmarks/bench_batch.py [--cases 400]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import caselint, peak_tree_rss_mb
from drafts import write_case


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="caselint-bench-") as tmp:
        root = Path(tmp)
        province = root / "province"
        for seed in range(args.cases):
            write_case(province / f"case{seed:04d}", seed=seed)
        files = args.cases * 2
        base = ["check", "--quiet", "--format", "json", str(province)]
        one, mem_one = peak_tree_rss_mb(caselint(*base, "--no-cache", "--jobs", "1"))
        two, mem_two = peak_tree_rss_mb(caselint(*base, "--no-cache", "--jobs", "2"))
        cache = root / "cache"
        cold, mem_cold = peak_tree_rss_mb(caselint(*base, "--cache-dir", str(cache)))
        warm, _ = peak_tree_rss_mb(caselint(*base, "--cache-dir", str(cache)))
        print(f"batch, {args.cases} cases / {files} .docx")
        print(f"  1 process    {one:6.1f} s  {files / one:6.1f} files/s  peak {mem_one:5.0f} MB")
        print(
            f"  2 processes  {two:6.1f} s  {files / two:6.1f} files/s  peak {mem_two:5.0f} MB   speed-up {one / two:4.2f}x"
        )
        print(f"  cold (default jobs, filling cache) {cold:6.1f} s  peak {mem_cold:5.0f} MB")
        print(f"  cached re-run                      {warm:6.2f} s  = {warm / cold:5.3f} x cold")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""make bench-python: pith.extract_many() with 1 and N threads on the
corpus held in memory, best of REPS, next to what a CPU-bound loop in N
threads gains on this machine now (pith_bench --scaling): the ceiling.
A benchmark, not a test.

    bench_python.py PITH_BENCH CORPUS_DIR [THREADS [REPS]]
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pith


def best(pages, threads, reps):
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        for _record in pith.extract_many(pages, threads=threads):
            pass
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv):
    bench, corpus = argv[1], Path(argv[2])
    threads = int(argv[3]) if len(argv) > 3 else 2
    reps = int(argv[4]) if len(argv) > 4 else 3
    pages = [p.read_bytes() for p in sorted(corpus.glob("*.html"))]
    if not pages:
        sys.exit(f"bench-python: no *.html pages in {corpus}")
    megabytes = sum(map(len, pages)) / 1e6
    one = best(pages, 1, reps)
    many = best(pages, threads, reps)
    ceiling = subprocess.run([bench, "--scaling", "-j", str(threads)], capture_output=True,
                             text=True, check=True).stdout.strip()
    print(f"bench-python: {len(pages)} pages, {megabytes:.0f} MB, best of {reps}, "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"  extract_many(threads=1)  {len(pages) / one:7.1f} pages/s")
    print(f"  extract_many(threads={threads})  {len(pages) / many:7.1f} pages/s: "
          f"{one / many:.2f}x (a CPU-bound loop in {threads} threads: {ceiling}x now)")


if __name__ == "__main__":
    main(sys.argv)

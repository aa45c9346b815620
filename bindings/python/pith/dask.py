"""Extract WARC files (or page files) on a dask.distributed cluster.

    python3 -m pith.dask -o OUT 'crawl/*.warc.gz'                 # a LocalCluster here
    python3 -m pith.dask -o OUT --scheduler tcp://host:8786 FILE... # a cluster already running

One task per input file: the worker that runs it reads the file itself and
extracts it with the library's threads (``--threads``), writing
``OUT/NAME.jsonl``, the lines ``pith -f json FILE`` prints, byte for byte.
Only the file's name goes to the worker and only its counts come back, so
no page crosses the scheduler; on a cluster, the inputs and OUT must be on
a file system every worker sees, under the same paths. At the end,
``OUT/summary.json`` (and a line on stderr) gives the files, pages,
failures, the seconds from the first task submitted to the last result,
pages/s, and apart from that the cluster's start-up time.

This is a module of the package rather than an example program because
Dask ships a task's function to the workers by reference: they import
``pith.dask`` the way they import ``pith``, which they need anyway.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time
from typing import Any, Dict, Iterable, List, Optional

from . import _jsonl
from ._options import ALL, PAGE_TYPE_NAMES, validate


# Seconds to wait for a first worker before giving up.
_WORKER_WAIT = 120


def expand(inputs: Iterable[str]) -> List[str]:
    """Each input glob's matches in name order; an input that matches
    nothing stays as it is (and fails as the pith command fails on it)."""
    paths: List[str] = []
    for pattern in inputs:
        matches = sorted(glob.glob(pattern))
        paths.extend(matches or [pattern])
    return paths


def output_names(paths: List[str], out_dir: str) -> List[str]:
    """OUT/NAME.jsonl per input; ValueError when two inputs share a name."""
    outs = [os.path.join(out_dir, os.path.basename(p) + ".jsonl") for p in paths]
    seen: Dict[str, str] = {}
    for path, out in zip(paths, outs):
        if out in seen:
            raise ValueError(f"{seen[out]} and {path} would both write {out}")
        seen[out] = path
    return outs


def extract_file(path: str, out: str, threads: int, options: Dict[str, Any]) -> Dict[str, Any]:
    """The task: extract one input into `out` (written whole, then renamed
    into place) and return its counts."""
    start = time.monotonic()
    pages = failures = 0
    partial = out + ".part"
    with open(partial, "wb") as sink:
        for line in _jsonl.file_lines(path, threads, options):
            sink.write(line.data)
            pages += 1
            failures += not line.ok
    os.replace(partial, out)
    return {"file": path, "pages": pages, "failures": failures,
            "seconds": time.monotonic() - start}


def run(
    inputs: Iterable[str],
    out_dir: str,
    *,
    scheduler: Optional[str] = None,
    workers: Optional[int] = None,
    threads: int = 2,
    **options: Any,
) -> Dict[str, Any]:
    """Extract every input (globs expanded) on the cluster at `scheduler`,
    or on a LocalCluster of `workers` processes (default one per core) of
    one thread each, listening on 127.0.0.1 only; each task runs the
    library in `threads` threads (2 by default, so that reading the file
    overlaps extracting it: with 1 a worker's core waits on the reader). `options` are pith.extract_many()'s.
    Returns the summary, also written to OUT/summary.json."""
    from distributed import Client, LocalCluster, as_completed

    validate(ALL, options)
    paths = expand(inputs)
    outs = output_names(paths, out_dir)
    os.makedirs(out_dir, exist_ok=True)

    started = time.monotonic()
    if scheduler:
        cluster = None
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        client.wait_for_workers(1, timeout=_WORKER_WAIT)
        startup = time.monotonic() - started
        first = time.monotonic()
        futures = client.map(
            extract_file, paths, outs, threads=threads, options=options, pure=False
        )
        results = [future.result() for future in as_completed(futures)]
        seconds = time.monotonic() - first
        worker_count = len(client.scheduler_info()["workers"])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    pages = sum(r["pages"] for r in results)
    summary = {
        "files": len(paths),
        "pages": pages,
        "failures": sum(r["failures"] for r in results),
        "seconds": round(seconds, 3),
        "pages_per_second": round(pages / seconds, 1) if seconds > 0 else None,
        "startup_seconds": round(startup, 3),
        "workers": worker_count,
        "threads": threads,
        "scheduler": scheduler or "LocalCluster",
    }
    with open(os.path.join(out_dir, "summary.json"), "w", encoding="utf-8") as sink:
        json.dump(summary, sink, indent=1)
        sink.write("\n")
    return summary


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m pith.dask",
        description="Extract WARC or page files on a dask.distributed cluster into "
        "OUT/NAME.jsonl (pith -f json's lines) and OUT/summary.json.",
    )
    parser.add_argument("inputs", nargs="+", help="files or globs (quote them)")
    parser.add_argument("-o", "--output-dir", required=True, help="where the .jsonl files go")
    parser.add_argument("--scheduler", help="tcp://host:port of a running cluster "
                        "(default: a LocalCluster on this machine)")
    parser.add_argument("--workers", type=int, help="LocalCluster worker processes "
                        "(default: one per core)")
    parser.add_argument("--threads", type=int, default=2,
                        help="the library's threads per task (default 2: the file is "
                        "read while pages are extracted)")
    parser.add_argument("--favor", choices=("balanced", "precision", "recall"))
    parser.add_argument("--page-type", choices=PAGE_TYPE_NAMES)
    parser.add_argument("--json-content", choices=("markdown", "html"))
    args = parser.parse_args(argv)
    options = {k: v for k, v in (("favor", args.favor), ("page_type", args.page_type),
                                 ("json_content", args.json_content)) if v}
    try:
        summary = run(args.inputs, args.output_dir, scheduler=args.scheduler,
                      workers=args.workers, threads=args.threads, **options)
    except (ValueError, OSError, TimeoutError) as exc:
        print(f"pith.dask: {exc}", file=sys.stderr)
        return 2
    print(
        f"pith.dask: {summary['files']} files, {summary['pages']} pages, "
        f"{summary['failures']} failed, {summary['seconds']} s ({summary['pages_per_second']} "
        f"pages/s) on {summary['workers']} workers; cluster start-up {summary['startup_seconds']} s",
        file=sys.stderr,
    )
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    # Run as pith.dask, not __main__, so that the task goes to the workers
    # by reference (see above).
    from pith.dask import main as _main

    sys.exit(_main())

#!/usr/bin/env python3
"""Evaluate pith on every dataset under a corpus folder.

    eval.py --runner CORPUS_RUN --score SCORE_PY [--floors FILE] [--worst N] CORPUS|DATASET

For each dataset folder (one holding <id>.html and <id>.json), runs the
library over every page (corpus_run writes <id>.txt), scores the texts with
the shared score.py, and prints its summary. With --floors, checks the figures
against the floors file (lines "dataset key minimum") and exits 1 if one is
below its floor. Standard library only.
"""
import argparse
import subprocess
import sys
import tempfile
from pathlib import Path


def datasets(path):
    p = Path(path)
    if any(p.glob("*.json")) and any(p.glob("*.html")):
        return [p]
    return sorted(d for d in p.iterdir() if d.is_dir() and any(d.glob("*.html")))


def parse_summary(line):
    out = {}
    for kv in line.split():
        k, _, v = kv.partition("=")
        try:
            out[k] = float(v)
        except ValueError:
            out[k] = v
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runner", required=True)
    ap.add_argument("--score", required=True)
    ap.add_argument("--floors")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("corpus")
    a = ap.parse_args()

    if not Path(a.corpus).is_dir():
        print(f"eval: no corpus at {a.corpus}", file=sys.stderr)
        return 77
    results = {}
    for ds in datasets(a.corpus):
        with tempfile.TemporaryDirectory() as pred:
            run = subprocess.run([a.runner, "-o", pred, str(ds)], capture_output=True, text=True)
            sys.stderr.write(run.stderr)
            speed = parse_summary(run.stdout.strip().splitlines()[-1]) if run.stdout.strip() else {}
            cmd = [sys.executable, a.score, str(ds), pred]
            if a.worst:
                cmd += ["--worst", str(a.worst)]
            sc = subprocess.run(cmd, capture_output=True, text=True)
            if sc.returncode != 0:
                sys.stderr.write(sc.stderr)
                return 1
            lines = sc.stdout.splitlines()
            figures = parse_summary(lines[0])
            figures.update({"failed": speed.get("failed", 0), "pages_per_s": speed.get("pages_per_s", 0)})
            results[ds.name] = figures
            print(f"== {ds.name}: {int(speed.get('pages', 0))} pages, "
                  f"{int(speed.get('failed', 0))} failed, {int(speed.get('empty', 0))} empty, "
                  f"{speed.get('pages_per_s', 0):.0f} pages/s")
            for line in lines[1:]:
                print("  " + line)
            if run.returncode not in (0, 1):
                print(f"eval: {a.runner} crashed on {ds} (status {run.returncode})", file=sys.stderr)
                return 1

    if not a.floors:
        return 0
    bad = 0
    for raw in Path(a.floors).read_text().splitlines():
        raw = raw.split("#")[0].strip()
        if not raw:
            continue
        ds, key, floor = raw.split()
        if ds not in results:
            print(f"floor {ds} {key}: dataset not found, skipped")
            continue
        got = results[ds].get(key)
        ok = isinstance(got, float) and got >= float(floor)
        print(f"floor {ds} {key} >= {floor}: {got if got is not None else 'missing'} "
              f"{'ok' if ok else 'BELOW FLOOR'}")
        bad += not ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

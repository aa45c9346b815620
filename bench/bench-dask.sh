#!/bin/sh
# make bench-dask: pith.dask on a LocalCluster of N worker processes
# against pith -j N on the same WARC files (COPIES copies of a .warc.gz of
# the corpus, enough for a run of a minute or more), both writing JSON
# Lines. Dask's time runs from the first task submitted to the last result
# (its summary.json); the cluster's start-up is reported apart. A
# benchmark, not a test.
# TASK_THREADS is pith.dask's --threads, the library's threads per task
# (default 2: the reader then overlaps the extraction, as in pith -j).
#   bench-dask.sh [CORPUS_DIR [THREADS [COPIES]]]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
builddir=${top_builddir:-$top/_build}
dir=${1:-${PITH_SHARED:-$top/../shared}/corpus/trafilatura}
threads=${2:-2}
copies=${3:-18}
task_threads=${TASK_THREADS:-2}
pith="$builddir/examples/pith"
py=/usr/bin/python3
PITH_LIBRARY=$builddir/lib/.libs/libpith.so
PYTHONPATH=$top/bindings/python
export PITH_LIBRARY PYTHONPATH

[ -x "$pith" ] || { echo "bench-dask: $pith is not built" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pith-bench-dask.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/in"
# shellcheck disable=SC2046 # no spaces in corpus names
"$py" "$top/tests/warc_tools.py" pack "$tmp/in/crawl-01.warc.gz" $(find "$dir" -name '*.html' | sort)
i=2
while [ $i -le "$copies" ]; do
    cp "$tmp/in/crawl-01.warc.gz" "$tmp/in/crawl-$(printf %02d $i).warc.gz"
    i=$((i + 1))
done

load0=$(cut -d' ' -f1 /proc/loadavg)
t0=$(date +%s.%N)
"$pith" -q -j "$threads" -f json "$tmp"/in/*.warc.gz > "$tmp/cli.jsonl"
t1=$(date +%s.%N)
"$py" -m pith.dask --workers "$threads" --threads "$task_threads" -o "$tmp/out" "$tmp/in/*.warc.gz" 2>"$tmp/log" || {
    cat "$tmp/log" >&2; exit 1; }
load1=$(cut -d' ' -f1 /proc/loadavg)
pages=$(wc -l < "$tmp/cli.jsonl")
cat "$tmp"/out/*.warc.gz.jsonl | cmp -s - "$tmp/cli.jsonl" && same=yes || same=NO
"$py" - "$tmp/out/summary.json" "$t0" "$t1" "$pages" "$threads" "$load0" "$load1" "$same" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
cli = float(sys.argv[3]) - float(sys.argv[2])
pages, threads = int(sys.argv[4]), sys.argv[5]
print(f"bench-dask: {s['files']} WARC files, {pages} pages; load average {sys.argv[6]} -> {sys.argv[7]}")
print(f"  pith -j {threads}               {cli:7.1f} s {pages / cli:7.1f} pages/s")
print(f"  pith.dask, {s['workers']}x{s['threads']} threads {s['seconds']:7.1f} s {s['pages_per_second']:7.1f} pages/s"
      f" (cluster start-up {s['startup_seconds']:.1f} s apart)")
print(f"  overhead {100 * (s['seconds'] / cli - 1):+.1f}% (goal: at most 15%); outputs identical: {sys.argv[8]}")
PY

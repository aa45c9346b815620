#!/bin/sh
# pith.dask (bindings/python/pith/dask.py) on Debian's python3-distributed:
# WARC files made here, extracted on a LocalCluster of 2 worker processes
# on 127.0.0.1 and then on a scheduler and worker started apart (the
# --scheduler path), give per input the same JSON Lines as the pith
# command on the same file, record for record, and a summary that counts
# them. A missing python3-distributed fails the test.
name=test-dask.sh module=distributed
# shellcheck source=tests/python_env.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/python_env.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/pith-dask.XXXXXX") || exit 99
pids=
cleanup() { for p in $pids; do kill "$p" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT
mkdir "$work/in"
ls "$corpus"/*.html | head -n 30 > "$work/pages"
n=0
for part in 1 2 3; do
    sed -n "$((part * 10 - 9)),$((part * 10))p" "$work/pages" | tr '\n' ' ' > "$work/list"
    # shellcheck disable=SC2046 # one word per page file
    "$py" "$top_srcdir/tests/warc_tools.py" pack "$work/in/crawl-$part.warc.gz" $(cat "$work/list") || exit 1
done
printf 'WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99\r\n\r\nshort' > "$work/in/broken.warc"
cp "$(head -n 1 "$work/pages")" "$work/in/page.html"

status=0
check() { # OUTDIR: every input's lines equal the command's, and the summary
    for f in "$work"/in/*; do
        name=$(basename "$f")
        "$pith" -f json "$f" > "$work/cli.jsonl" 2>/dev/null
        if ! cmp -s "$work/cli.jsonl" "$1/$name.jsonl"; then
            echo "FAIL: $1/$name.jsonl differs from pith -f json $f"
            diff "$work/cli.jsonl" "$1/$name.jsonl" | head -n 4
            status=1
        fi
    done
    "$py" - "$1/summary.json" "$2" <<'PY' || status=1
import json, sys
s = json.load(open(sys.argv[1]))
want = {"files": 5, "pages": 32, "failures": 1, "workers": int(sys.argv[2])}
got = {k: s[k] for k in want}
assert got == want, (got, want)
assert s["pages_per_second"] > 0 and s["startup_seconds"] >= 0, s
PY
}

# 1. A LocalCluster of 2 worker processes, the inputs as a glob.
timeout 120 "$py" -m pith.dask --workers 2 -o "$work/local" "$work/in/*" 2> "$work/log"
[ $? -eq 1 ] || { echo "FAIL: pith.dask should exit 1 (one failed record)"; cat "$work/log"; status=1; }
grep -q '32 pages, 1 failed' "$work/log" || { echo "FAIL: no summary line"; cat "$work/log"; status=1; }
check "$work/local" 2

# 2. A cluster that is already running: a scheduler and one worker.
"$py" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port 0 --no-dashboard \
    --scheduler-file "$work/scheduler.json" > "$work/scheduler.log" 2>&1 &
pids="$pids $!"
i=0
while [ ! -s "$work/scheduler.json" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
address=$("$py" -c 'import json, sys; print(json.load(open(sys.argv[1]))["address"])' "$work/scheduler.json") ||
    { echo "FAIL: the scheduler did not start"; cat "$work/scheduler.log"; exit 1; }
"$py" -m distributed.cli.dask_worker --nworkers 1 --nthreads 1 --no-dashboard \
    --host 127.0.0.1 "$address" > "$work/worker.log" 2>&1 &
pids="$pids $!"
timeout 120 "$py" -m pith.dask --scheduler "$address" --threads 2 -o "$work/remote" "$work"/in/* 2> "$work/log"
[ $? -eq 1 ] || { echo "FAIL: pith.dask --scheduler"; cat "$work/log" "$work/worker.log"; status=1; }
check "$work/remote" 1

[ $status -eq 0 ] && echo "pith.dask: LocalCluster and --scheduler outputs equal pith -f json's"
exit $status

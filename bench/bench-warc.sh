#!/bin/sh
# make bench-warc: the CLI on a WARC file against the CLI on the same pages
# as files, and -j N against -j 1 (a benchmark, not a test).
#
#   sh bench/bench-warc.sh [DIR] [THREADS] [REPS]
#
# DIR (default ../shared/corpus/trafilatura) is packed into a .warc.gz, one
# gzip member per record (tests/warc_tools.py pack: a request and a
# response record per page, as crawlers write, without WARC-Target-URI so
# that pages are read without a URL as the page files are), in a temporary
# directory.
# Then, each REPS times (default 3, the fastest kept), with -f json to
# /dev/null:
#   files     pith -j 1 -i LIST: the pages read from their files;
#   warc      pith -j 1 on the .warc.gz: records read and inflated too;
#   warc -jN  pith -j THREADS (default: online cores) on the .warc.gz;
# and prints pages/s and MB/s (of page bytes) for each, what reading the
# WARC adds to extraction at -j 1 (issue 16: at most 20%), the speed-up of
# -j N, and, as pith_bench does, what a CPU-bound loop in N threads gains on
# this machine right now (pith_bench --scaling): the ceiling for -j N.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
builddir=${top_builddir:-$top/_build}
dir=${1:-${PITH_SHARED:-$top/../shared}/corpus/trafilatura}
threads=${2:-$(nproc 2>/dev/null || echo 2)}
reps=${3:-3}
pith="$builddir/examples/pith"
bench="$builddir/bench/pith_bench"
PYTHON3=${PYTHON3:-python3}

[ -x "$pith" ] || { echo "bench-warc: $pith is not built" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pith-bench-warc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
find "$dir" -name '*.html' | sort >"$tmp/list"
n=$(wc -l <"$tmp/list")
[ "$n" -gt 0 ] || { echo "bench-warc: no *.html pages in $dir" >&2; exit 1; }
# shellcheck disable=SC2046 # no spaces in corpus names
"$PYTHON3" "$top/tests/warc_tools.py" pack --no-uri "$tmp/pages.warc.gz" $(cat "$tmp/list")
bytes=$(cat $(cat "$tmp/list") | wc -c)
warc_bytes=$(wc -c <"$tmp/pages.warc.gz")

# best SECONDS of REPS runs of a command
best() {
    b=
    i=0
    while [ $i -lt "$reps" ]; do
        t0=$(date +%s.%N)
        "$@" >/dev/null
        t1=$(date +%s.%N)
        b=$(echo "$t0 $t1 ${b:-}" | awk '{ d = $2 - $1; if ($3 == "" || d < $3) print d; else print $3 }')
        i=$((i + 1))
    done
    echo "$b"
}

files=$(best "$pith" -q -j 1 -f json -i "$tmp/list")
warc=$(best "$pith" -q -j 1 -f json "$tmp/pages.warc.gz")
warcn=$(best "$pith" -q -j "$threads" -f json "$tmp/pages.warc.gz")
scaling=$("$bench" --scaling -j "$threads" 2>/dev/null || echo "?")

echo "bench-warc: $n pages, $((bytes / 1000000)) MB of HTML, $((warc_bytes / 1000000)) MB as .warc.gz; best of $reps"
awk -v n="$n" -v b="$bytes" -v f="$files" -v w="$warc" -v wn="$warcn" -v j="$threads" -v s="$scaling" 'BEGIN {
    printf "  %-22s %8.1f pages/s %7.1f MB/s\n", "files, -j 1", n / f, b / f / 1e6
    printf "  %-22s %8.1f pages/s %7.1f MB/s\n", ".warc.gz, -j 1", n / w, b / w / 1e6
    printf "  %-22s %8.1f pages/s %7.1f MB/s\n", ".warc.gz, -j " j, n / wn, b / wn / 1e6
    printf "  the WARC adds %.1f%% to the time at -j 1 (goal: at most 20%%)\n", (w / f - 1) * 100
    printf "  -j %d: %.2fx the pages/s of -j 1 (a CPU-bound loop in %d threads: %sx now)\n", j, w / wn, j, s
}'

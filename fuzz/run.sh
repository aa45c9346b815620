#!/bin/sh
# Build fuzz_extract if needed and run it for a bounded time on a seed corpus
# made at run time from ../shared/corpus (never committed).
#
#   sh fuzz/run.sh [SECONDS] [WORKDIR]
#
# SECONDS defaults to 60; WORKDIR (default: a temporary directory, removed
# afterwards) keeps the binary, the growing corpus and any crash-* files, so
# a long run can be resumed. Extra libFuzzer flags go in FUZZ_FLAGS, e.g.
# FUZZ_FLAGS=-jobs=2. Exit status: 0 clean, 77 no clang/libFuzzer, else the
# fuzzer's (a crash, leak, UB report or timeout).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
secs=${1:-60}
shared=${PITH_SHARED:-$top/../shared}
if [ -n "${2:-}" ]; then
    work=$2
    mkdir -p "$work"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/pith-fuzz.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi

if [ ! -x "$work/fuzz_extract" ] || [ -n "$(find "$here" "$top/lib" "$top/include" \
    -newer "$work/fuzz_extract" -name '*.[ch]' | head -n 1)" ]; then
    sh "$here/build.sh" "$work" >"$work/build.log" 2>&1 || {
        st=$?
        cat "$work/build.log" >&2
        exit "$st"
    }
fi

# Seeds: every readability page and every 8th trafilatura page, each behind
# one of a few option bytes (see fuzz_extract.c): defaults, options with
# keep-title, a windows-1252 hint with a URL, tight limits, plain rendering.
mkdir -p "$work/corpus" "$work/seeds"
if [ -z "$(ls "$work/seeds")" ]; then
    i=0
    for f in "$shared"/corpus/readability/*.html "$shared"/corpus/trafilatura/*.html; do
        [ -f "$f" ] || continue
        i=$((i + 1))
        case "$f" in */trafilatura/*) [ $((i % 8)) -eq 0 ] || continue ;; esac
        case $((i % 5)) in
        0) b='\000' ;;
        1) b='\101' ;;
        2) b='\124' ;;
        3) b='\140' ;;
        *) b='\300' ;;
        esac
        { printf "$b"; cat "$f"; } >"$work/seeds/$i"
    done
    # WARC seeds: a response record around a page, plain and gzipped.
    for f in "$shared"/corpus/readability/00[1-3].html; do
        [ -f "$f" ] || continue
        i=$((i + 1))
        n=$(($(wc -c <"$f") + 38))
        {
            printf 'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://e.test/\r\n'
            printf 'Content-Type: application/http\r\nContent-Length: %d\r\n\r\n' "$n"
            printf 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'
            cat "$f"
            printf '\r\n\r\n'
        } >"$work/warc.tmp"
        { printf '\000'; cat "$work/warc.tmp"; } >"$work/seeds/$i"
        { printf '\100'; gzip -c "$work/warc.tmp"; } >"$work/seeds/$i.gz"
    done
    rm -f "$work/warc.tmp"
fi

cd "$work"
# shellcheck disable=SC2086 # extra flags are words
./fuzz_extract -max_total_time="$secs" -timeout=30 -rss_limit_mb=4096 -max_len=131072 \
    -print_final_stats=1 ${FUZZ_FLAGS:-} corpus seeds

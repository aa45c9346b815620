#!/bin/sh
# Valgrind memcheck of the CLI over every page of ../shared/corpus (or
# CORPUS=DIR): no error and no definite, indirect or possible leak allowed.
# Slow (about half a second a page per format), so `make leakcheck` runs it,
# not `make check`.
#
#   FORMATS="txt json"   formats to run (default: txt with metadata, json
#                        with the article as Markdown too)
#   JOBS=2               valgrind processes at once
#   BATCH=100            pages per process (pith -q -o DIR FILE...)
set -u

srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
builddir=${top_builddir:-.}
corpus=${CORPUS:-$srcdir/../shared/corpus}
formats=${FORMATS:-txt json}
jobs=${JOBS:-2}
batch=${BATCH:-100}
if ! command -v valgrind >/dev/null 2>&1; then
    echo "leakcheck: valgrind not found (Debian: apt-get install valgrind)"
    exit 77
fi
if ldd "$builddir/lib/.libs/libpith.so" 2>/dev/null | grep -q libasan; then
    echo "leakcheck: sanitizer build: valgrind cannot run it; use a plain build"
    exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pith-leakcheck.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
find "$corpus" -name '*.html' | sort >"$tmp/files"
pages=$(wc -l <"$tmp/files")
echo "leakcheck: $pages pages, formats: $formats"

status=0
for fmt in $formats; do
    case $fmt in
    txt) args="-m" ;;
    json) args="-f json --json-content markdown" ;;
    *) args="-f $fmt" ;;
    esac
    mkdir -p "$tmp/out-$fmt" "$tmp/log-$fmt"
    # One valgrind process per batch of pages, each with its own log.
    # shellcheck disable=SC2016 # expanded by the inner shell
    xargs -n "$batch" -P "$jobs" sh -c '
        log=$(mktemp "$0/vg.XXXXXX")
        lt=$1 pith=$2 args=$3 out=$4 supp=$5
        shift 5
        exec "$lt" --mode=execute valgrind --quiet --leak-check=full \
            --show-leak-kinds=definite,indirect,possible \
            --errors-for-leak-kinds=definite,indirect,possible \
            --error-exitcode=99 --suppressions="$supp" --log-file="$log" \
            "$pith" -q $args -o "$out" "$@"' \
        "$tmp/log-$fmt" "$builddir/libtool" "$builddir/examples/pith" "$args" "$tmp/out-$fmt" \
        "$srcdir/tests/valgrind.supp" \
        <"$tmp/files"
    xs=$?
    errors=$(cat "$tmp/log-$fmt"/vg.* | grep -c 'ERROR SUMMARY: [1-9]\|are definitely lost\|are indirectly lost\|are possibly lost\|Invalid \|uninitialised')
    outputs=$(find "$tmp/out-$fmt" -type f | wc -l)
    echo "leakcheck: $fmt: $outputs outputs, $(ls "$tmp/log-$fmt" | wc -l) processes, $errors problem lines"
    if [ "$errors" -ne 0 ] || [ "$xs" -ne 0 ]; then
        echo "leakcheck: $fmt: xargs exit $xs (123: a process failed)"
        cat "$tmp/log-$fmt"/vg.* | head -n 200
        status=1
    fi
done
exit $status

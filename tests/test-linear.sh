#!/bin/sh
# Extraction and rendering must take linear time on pathological pages. For
# each shape of shapes.h, count the instructions (valgrind's callgrind:
# deterministic, no clocks) of shape_run at sizes 0, N and 2N; the work above the size-0
# baseline may at most grow 2.5 times when the input doubles. Skips (77)
# without valgrind.
#
#   SHAPES="deep attrs" sh tests/test-linear.sh     only some shapes
set -u

builddir=${top_builddir:-.}
run="$builddir/tests/shape_run"
[ -x "$run" ] || run="$builddir/shape_run"
if ! command -v valgrind >/dev/null 2>&1; then
    echo "test-linear: valgrind not found: skipped"
    exit 77
fi
if [ ! -x "$run" ]; then
    echo "test-linear: $run not built"
    exit 99
fi
# valgrind cannot run an ASan build; the plain build measures linearity.
if [ -n "${PITH_LIBRARY:-}" ] && command -v ldd >/dev/null 2>&1 &&
    ldd "$PITH_LIBRARY" 2>/dev/null | grep -q libasan; then
    echo "test-linear: sanitizer build: skipped"
    exit 77
fi
libtool="$builddir/libtool"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pith-linear.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# shape:N, N chosen so that each page is 50-150 KB. "authors" is larger: the
# metadata module bounds its searches below bylines by a budget of node
# visits per page, so the work is linear only once the budget is spent.
all="deep:10000 deepclose:5000 siblings:1000 attrs:10000 longattr:5000
entities:10000 numeric:5000 unknown:10000 longword:5000 links:1000 table:1000
comment:1000 script:1000 inline:10000 tables:2500 lists:2500 hidden:1000
authors:8000 comments:1000 thread:800 replies:800 scripts:1000 markup:1000 quotes:2000 noscripts:2000
datelines:1500"

# Instructions executed by one extraction of SHAPE at size N.
instructions() {
    "$libtool" --mode=execute valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
        "$run" "$1" "$2" >"$tmp/out" 2>"$tmp/err" || {
        echo "test-linear: shape_run $1 $2 failed:" >&2
        cat "$tmp/out" "$tmp/err" >&2
        return 1
    }
    sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$tmp/cg.out"
}

status=0
for pair in $all; do
    shape=${pair%%:*}
    n=${pair#*:}
    if [ -n "${SHAPES:-}" ]; then
        case " $SHAPES " in *" $shape "*) ;; *) continue ;; esac
    fi
    i0=$(instructions "$shape" 0) || { status=1; continue; }
    i1=$(instructions "$shape" "$n") || { status=1; continue; }
    i2=$(instructions "$shape" $((2 * n))) || { status=1; continue; }
    verdict=$(awk -v a="$i0" -v b="$i1" -v c="$i2" 'BEGIN {
        w1 = b - a; w2 = c - a; if (w1 < 1) w1 = 1
        r = w2 / w1
        printf "%.2f %s", r, (r < 2.5 ? "ok" : "FAIL") }')
    printf 'test-linear: %-10s N=%-6s Ir(0)=%-11s Ir(N)=%-11s Ir(2N)=%-11s ratio %s\n' \
        "$shape" "$n" "$i0" "$i1" "$i2" "$verdict"
    case $verdict in *FAIL) status=1 ;; esac
done
exit $status

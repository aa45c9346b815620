#!/bin/sh
# Every allocation failure survived (tests/torture.c): each allocation of a
# run failed in turn, in a child process per failure point, over the pages
# of tests/data/torture (every failure point: JSON-LD metadata, a table,
# code, comments, every output format, a windows-1252 page, a gzipped WARC
# file, a noscript holding the page, which is unwrapped) and two larger corpus pages (every 5th and 23rd point, from an
# offset of a fixed seed); then a sample of failure points, each in a
# process of its own, under valgrind for leaks and memory errors. Needs the
# plain build (failmalloc is compiled out under sanitizers) and valgrind:
# without either it fails.
set -u

srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
builddir=${top_builddir:-.}
corpus=${PITH_SHARED:-$srcdir/../shared}/corpus/readability
data=$srcdir/tests/data/torture
run=$builddir/tests/torture
status=0

small="page:$data/article.html page:$data/blog.html warc:$data/blog.html page:$data/noscript.html"
large="page:$corpus/mercurial.html:5 page:$corpus/wikipedia.html:23"
for f in "$corpus/mercurial.html" "$corpus/wikipedia.html"; do
    [ -f "$f" ] || { echo "test-torture: no $f"; exit 1; }
done

# shellcheck disable=SC2086 # one word per spec
"$run" -j 2 $small $large || status=1

if ! command -v valgrind >/dev/null 2>&1; then
    echo "test-torture: valgrind not found (Debian: apt-get install valgrind)"
    exit 1
fi
# Valgrind must leave the program's malloc (failmalloc.c) in place: it
# still sees every block, through glibc's __libc_malloc.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pith-torture.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086
{ "$run" --points 12 $small && "$run" --points 4 "page:$corpus/mercurial.html"; } >"$tmp/points" ||
    status=1
n=0
bad=0
while read -r spec point; do
    n=$((n + 1))
    if ! "$builddir/libtool" --mode=execute valgrind --quiet --leak-check=full \
        --show-leak-kinds=definite,indirect,possible \
        --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
        --soname-synonyms=somalloc=nouserintercepts \
        --suppressions="$srcdir/tests/valgrind.supp" --suppressions="$srcdir/tests/torture.supp" \
        --log-file="$tmp/vg.$n" \
        "$run" --one "$spec" "$point" >"$tmp/out.$n" 2>&1; then
        bad=$((bad + 1))
        echo "test-torture: FAIL under valgrind: $spec allocation $point"
        cat "$tmp/out.$n" "$tmp/vg.$n" | head -n 40
    fi
done <<EOF
$(grep -E '^(page|warc):' "$tmp/points")
EOF
echo "test-torture: valgrind: $n failure points, $bad with a leak, a memory error or a wrong end"
[ "$n" -gt 0 ] && [ "$bad" -eq 0 ] || status=1
exit $status

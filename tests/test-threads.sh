#!/bin/sh
# pith_extract from 8 threads at once gives what one thread gives, on a
# subset of ../shared/corpus (threads_run), and the threads race on nothing:
# the same program built with clang's ThreadSanitizer (our code) and run
# under valgrind's helgrind (libxml2 and ICU too). Each sanitizer part is
# skipped when its tool is missing or in a sanitizer build; bounded to a few
# dozen pages so that it takes about a minute.
set -u

srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
builddir=${top_builddir:-.}
corpus=${PITH_SHARED:-$srcdir/../shared}/corpus
run="$builddir/tests/threads_run"
if [ ! -d "$corpus" ]; then
    echo "test-threads: no corpus at $corpus"
    exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pith-threads.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Every 20th page of the corpus (56 of 1,120), in a fixed order.
find "$corpus" -name '*.html' | sort | awk 'NR % 20 == 1' >"$tmp/pages"
# shellcheck disable=SC2046 # one word per file name (no spaces in the corpus)
set -- $(cat "$tmp/pages")
status=0

echo "test-threads: 8 threads, $# pages"
"$run" -t 8 "$@" || status=1

asan=no
if [ -n "${PITH_LIBRARY:-}" ] && ldd "$PITH_LIBRARY" 2>/dev/null | grep -q libasan; then
    asan=yes
fi

# ThreadSanitizer: the library sources and threads_run compiled together.
CLANG=${CLANG:-clang}
if [ "$asan" = yes ]; then
    echo "test-threads: tsan: skipped in a sanitizer build"
elif ! command -v "$CLANG" >/dev/null 2>&1; then
    echo "test-threads: tsan: $CLANG not found: skipped"
else
    pkgs="libxml-2.0 icu-uc icu-i18n json-c zlib"
    # shellcheck disable=SC2046 # flag lists are words
    if "$CLANG" -g -O1 -std=c11 -D_GNU_SOURCE -pthread -fsanitize=thread -w \
        -I"$srcdir/include" -I"$srcdir/lib" $(pkg-config --cflags $pkgs) \
        "$srcdir/tests/threads_run.c" $(find "$srcdir/lib" -name "*.c" | sort) \
        $(pkg-config --libs $pkgs) -lpthread -o "$tmp/threads_tsan" 2>"$tmp/tsan-build.log"; then
        # 16 of the pages: TSan is 5-15 times slower.
        # shellcheck disable=SC2046
        TSAN_OPTIONS="halt_on_error=1 exitcode=66 ${TSAN_OPTIONS:-}" \
            "$tmp/threads_tsan" -t 8 $(head -n 16 "$tmp/pages") >"$tmp/tsan.out" 2>&1
        st=$?
        cat "$tmp/tsan.out" | sed 's/^/tsan: /' | head -n 100
        [ "$st" -eq 0 ] || status=1
    else
        echo "test-threads: tsan: cannot build with -fsanitize=thread: skipped"
        tail -n 5 "$tmp/tsan-build.log"
    fi
fi

# helgrind sees libxml2's and ICU's memory too. 6 pages, 4 threads.
if [ "$asan" = yes ]; then
    echo "test-threads: helgrind: skipped in a sanitizer build"
elif ! command -v valgrind >/dev/null 2>&1; then
    echo "test-threads: helgrind: valgrind not found: skipped"
else
    # shellcheck disable=SC2046
    "$builddir/libtool" --mode=execute valgrind --tool=helgrind -q --error-exitcode=66 \
        "$run" -t 4 $(head -n 6 "$tmp/pages") >"$tmp/hg.out" 2>&1
    st=$?
    sed 's/^/helgrind: /' "$tmp/hg.out" | head -n 100
    [ "$st" -eq 0 ] || status=1
fi
exit $status

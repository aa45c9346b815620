#!/bin/sh
# A short libFuzzer run of fuzz/fuzz_extract (clang, ASan + UBSan) on seeds
# from ../shared/corpus: FUZZ_TIME seconds (default 60). Fails when clang
# or its libFuzzer runtime is missing; skipped (77) in a sanitizer build (the
# plain build runs it once). A crash leaves tests/fuzz-crash-* behind.
set -u

srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
builddir=${top_builddir:-.}
if [ -n "${PITH_LIBRARY:-}" ] && command -v ldd >/dev/null 2>&1 &&
    ldd "$PITH_LIBRARY" 2>/dev/null | grep -q libasan; then
    echo "test-fuzz: sanitizer build: skipped (the plain build runs the fuzzer)"
    exit 77
fi
PITH_SHARED=${PITH_SHARED:-$srcdir/../shared}
export PITH_SHARED
if [ ! -d "$PITH_SHARED/corpus" ]; then
    echo "test-fuzz: no corpus at $PITH_SHARED/corpus"
    exit 1
fi
FUZZ_FLAGS="-max_len=16384 -artifact_prefix=$builddir/tests/fuzz- ${FUZZ_FLAGS:-}"
export FUZZ_FLAGS
sh "$srcdir/fuzz/run.sh" "${FUZZ_TIME:-60}" >"$builddir/tests/test-fuzz.out" 2>&1
status=$?
grep -E '^(#[0-9]+.*DONE|Done|stat::)|ERROR|SUMMARY|fuzz:' "$builddir/tests/test-fuzz.out"
if [ "$status" -eq 77 ]; then
    echo "test-fuzz: clang with libFuzzer is missing (scripts/setup.sh installs clang libclang-rt-dev)"
    exit 1
fi
[ "$status" -eq 0 ] || tail -n 80 "$builddir/tests/test-fuzz.out"
exit $status

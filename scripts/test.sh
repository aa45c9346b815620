#!/bin/sh
# Build when needed and run every test, C and Python (make check). On failure
# print the logs of the failing tests; always end with the summary.
# In a build without sanitizers it then runs `make check-torture` (every
# allocation of a run failed in turn, tests/test-torture.sh: a few minutes),
# counted as one more test.
# BUILD_DIR and CONFIGURE_FLAGS work as for scripts/setup.sh, e.g. a
# sanitizer run: BUILD_DIR=_build-asan CONFIGURE_FLAGS=--enable-sanitizers sh scripts/test.sh
# Without BUILD_DIR the suite then runs a second time in _build-asan, built
# with ASan and UBSan (SANITIZERS=no skips that), and the last line counts
# both runs.
set -u

cd "$(dirname "$0")/.." || exit 1
build=${BUILD_DIR:-_build}
jobs=$(nproc 2>/dev/null || echo 2)
log="$build/tests/test-suite.log"

sh scripts/setup.sh || exit $?

rm -f "$log"
status=0
make -s -C "$build" -j"$jobs" check || status=$?

if [ ! -f "$log" ]; then
    echo "test: make check stopped before the tests ran (exit $status); see above"
    [ "$status" -ne 0 ] || status=1
    exit "$status"
fi
if [ "$status" -ne 0 ]; then
    echo
    echo "======== $log (the failing tests' output) ========"
    cat "$log"
fi

# automake's summary once more, last, then one plain line.
count() { sed -n "s/^# $1: *//p" "$log"; }
echo
echo "======== Test summary ($build) ========"
grep '^# [A-Z]*:' "$log"
pass=$(( $(count PASS) + $(count XFAIL) ))
fail=$(( $(count FAIL) + $(count ERROR) + $(count XPASS) ))

# The allocation-failure torture needs the program's own malloc, which a
# sanitizer build cannot have (failmalloc.c is compiled out there).
case " ${CONFIGURE_FLAGS:-} " in
*" --enable-sanitizers "*) ;;
*)
    echo
    echo "======== make check-torture ($build) ========"
    if make -s -C "$build" check-torture; then
        pass=$((pass + 1))
        echo "PASS: check-torture"
    else
        fail=$((fail + 1))
        echo "FAIL: check-torture"
    fi
    ;;
esac
echo "tests: $pass passed, $fail failed, $(count SKIP) skipped"
[ "$status" -ne 0 ] || [ "$fail" -eq 0 ] || status=1

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
if [ -z "${BUILD_DIR:-}" ] && [ "${SANITIZERS:-yes}" != no ]; then
    echo
    echo "======== The suite again with --enable-sanitizers (_build-asan) ========"
    BUILD_DIR=_build-asan CONFIGURE_FLAGS="${CONFIGURE_FLAGS:-} --enable-sanitizers" \
        sh scripts/test.sh || status=1
    log="_build-asan/tests/test-suite.log"
    if [ -f "$log" ]; then
        pass=$(( pass + $(count PASS) + $(count XFAIL) ))
        fail=$(( fail + $(count FAIL) + $(count ERROR) + $(count XPASS) ))
        skip=$(( $(count SKIP) + $(sed -n "s/^# SKIP: *//p" "$build/tests/test-suite.log") ))
    else
        fail=$(( fail + 1 ))
        skip=$(sed -n "s/^# SKIP: *//p" "$build/tests/test-suite.log")
    fi
    echo
    echo "tests: $pass passed, $fail failed, $skip skipped"
fi
exit "$status"

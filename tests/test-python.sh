#!/bin/sh
# Run the Python binding's unittest suite against the library just built.
# make check sets PITH_LIBRARY (the build tree's lib/.libs/libpith.so),
# PYTHON3, top_srcdir and PITH_SHARED; each has a fallback for a manual run
# from the build directory's tests/ folder.
set -u
: "${top_srcdir:=$(dirname "$0")/..}"
: "${PYTHON3:=python3}"
: "${PITH_LIBRARY:=$(pwd)/../lib/.libs/libpith.so}"
export PITH_LIBRARY

if [ ! -f "$PITH_LIBRARY" ]; then
    echo "test-python.sh: $PITH_LIBRARY does not exist: build the library first" >&2
    exit 99 # a hard error for automake's test driver, not a skip
fi

# A library built with --enable-sanitizers needs the ASan runtime loaded
# before Python itself; Python's own allocations are not ours to report.
if command -v ldd >/dev/null 2>&1 && ldd "$PITH_LIBRARY" | grep -q libasan; then
    asan=$(${CC:-cc} -print-file-name=libasan.so)
    LD_PRELOAD="$asan${LD_PRELOAD:+ $LD_PRELOAD}"
    ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    export LD_PRELOAD ASAN_OPTIONS
fi

PYTHONPATH="$top_srcdir/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONPATH
# Byte-compiled files would land in the (possibly read-only) source tree.
PYTHONDONTWRITEBYTECODE=1
export PYTHONDONTWRITEBYTECODE

exec "$PYTHON3" -m unittest discover -s "$top_srcdir/bindings/python/tests" -v

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

# shellcheck source=tests/asan_preload.sh
asan_lib="$PITH_LIBRARY"
. "$top_srcdir/tests/asan_preload.sh"

PYTHONPATH="$top_srcdir/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONPATH
# Byte-compiled files would land in the (possibly read-only) source tree.
PYTHONDONTWRITEBYTECODE=1
export PYTHONDONTWRITEBYTECODE

exec "$PYTHON3" -m unittest discover -s "$top_srcdir/bindings/python/tests" -v

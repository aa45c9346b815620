# python_env.sh - sourced by the tests that drive the Python package with
# Debian's Python and compare it with the pith command on corpus pages
# (test-dask.sh, test-scrapy.sh): the paths, the environment the package
# reads, and the checks that fail such a test (never skip it) when what it
# needs is missing. Set `name` (the test's name) and `module` (the Debian
# module it needs) before sourcing.
set -u
: "${top_srcdir:=$(dirname "$0")/..}"
: "${top_builddir:=$(pwd)/..}"
: "${SYSTEM_PYTHON3:=/usr/bin/python3}"
: "${PITH_SHARED:=$top_srcdir/../shared}"
: "${PITH_LIBRARY:=$top_builddir/lib/.libs/libpith.so}"
PYTHONPATH="$top_srcdir/bindings/python"
PYTHONDONTWRITEBYTECODE=1
export PITH_LIBRARY PYTHONPATH PYTHONDONTWRITEBYTECODE
# shellcheck source=tests/asan_preload.sh
asan_lib="$PITH_LIBRARY"
. "$top_srcdir/tests/asan_preload.sh"
py=$SYSTEM_PYTHON3
pith=$top_builddir/examples/pith
corpus=$PITH_SHARED/corpus/trafilatura

"$py" -c "import $module" || { echo "$name: $py cannot import $module (apt-get install python3-$module)"; exit 1; }
[ -x "$pith" ] || { echo "$name: $pith is not built"; exit 1; }
[ -d "$corpus" ] || { echo "$name: no corpus at $corpus"; exit 1; }

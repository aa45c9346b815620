#!/bin/sh
# The Python package installs offline the way README.md says on Debian 12:
# a venv of Debian's Python made with --system-site-packages (so that
# Debian's setuptools and wheel build it) and `pip install
# --no-build-isolation`, without any registry. The installed copy, run from
# outside the checkout, imports as `pith`, carries py.typed and its
# distribution name, and finds libpith: the build tree's through
# PITH_BUILD_DIR, an installed one through the dynamic loader's path.
set -u
: "${top_srcdir:=$(dirname "$0")/..}"
: "${top_builddir:=$(pwd)/..}"
: "${SYSTEM_PYTHON3:=/usr/bin/python3}"
unset PITH_LIBRARY PYTHONPATH
# shellcheck source=tests/asan_preload.sh
asan_lib="$top_builddir/lib/.libs/libpith.so"
. "$top_srcdir/tests/asan_preload.sh"

stage=$(mktemp -d "${TMPDIR:-/tmp}/pith-venv.XXXXXX") || exit 99
trap 'rm -rf "$stage"' EXIT
fail() { echo "test-python-venv.sh: $*" >&2; [ -f "$stage/log" ] && cat "$stage/log" >&2; exit 1; }

"$SYSTEM_PYTHON3" -m venv --system-site-packages "$stage/venv" >"$stage/log" 2>&1 ||
    fail "$SYSTEM_PYTHON3 -m venv failed (is python3-venv installed?)"
# pip builds in the source directory; the checkout may be read-only.
cp -R "$top_srcdir/bindings/python" "$stage/src" && chmod -R u+w "$stage/src" || exit 99
PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    "$stage/venv/bin/python" -m pip install --no-build-isolation "$stage/src" >"$stage/log" 2>&1 ||
    fail "pip install --no-build-isolation failed"
rm -rf "$stage/src"

probe='
import importlib.metadata, pathlib, sys
import pith
where = pathlib.Path(pith.__file__).resolve()
assert where.is_relative_to(pathlib.Path(sys.prefix).resolve()), where
assert (where.parent / "py.typed").is_file(), "no py.typed"
assert importlib.metadata.version("pith-extract") == pith.__version__
with pith.extract("<article><p>" + "Words of a paragraph. " * 20 + "</p></article>") as doc:
    assert doc.text.startswith("Words of a paragraph."), doc.text
import pith.dask, pith.scrapy  # installed too; pith.scrapy imports the Debian scrapy
print(pith.version())
'
cd "$stage" || exit 99
PITH_BUILD_DIR=$top_builddir "$stage/venv/bin/python" -c "$probe" >"$stage/log" 2>&1 ||
    fail "the installed package does not work with PITH_BUILD_DIR"
LD_LIBRARY_PATH="$top_builddir/lib/.libs" "$stage/venv/bin/python" -c "$probe" >"$stage/log" 2>&1 ||
    fail "the installed package does not find libpith on the loader's path"
echo "pith-extract installs offline in a venv and finds libpith ($(cat "$stage/log"))"

#!/bin/sh
# Install what the build needs (Debian), generate the build system, configure
# out of tree and build. Run it from anywhere; it is quick when nothing
# changed, so scripts/test.sh runs it every time.
#
# Environment:
#   BUILD_DIR        where to build, relative to the checkout (default _build)
#   CONFIGURE_FLAGS  extra arguments for configure, e.g. --enable-sanitizers;
#                    a change of flags reconfigures the build directory
set -eu

PACKAGES="build-essential autoconf automake libtool pkgconf libxml2-dev
libicu-dev libjson-c-dev zlib1g-dev check python3 valgrind cmark-gfm libxml2-utils
clang libclang-rt-dev clang-format groff-base wget chromium-headless-shell
python3-venv python3-setuptools python3-wheel python3-distributed python3-scrapy
abigail-tools python3-html5lib"

cd "$(dirname "$0")/.."
top=$(pwd)
build=${BUILD_DIR:-_build}
flags=${CONFIGURE_FLAGS:-}
jobs=$(nproc 2>/dev/null || echo 2)

say() { printf 'setup: %s\n' "$*"; }

# 1. System packages.
if command -v dpkg-query >/dev/null 2>&1; then
    missing=""
    for pkg in $PACKAGES; do
        if ! dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q ' installed$'; then
            missing="$missing $pkg"
        fi
    done
    if [ -n "$missing" ]; then
        if [ "$(id -u)" -ne 0 ]; then
            say "missing packages:$missing"
            say "install them first with:"
            printf '    sudo apt-get install -y%s\n' "$missing"
            exit 1
        fi
        say "installing:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q
        # shellcheck disable=SC2086 # one word per package
        apt-get install -y -q --no-install-recommends $missing
    fi
else
    say "not a Debian system: make sure these (or your system's equivalents) are installed:"
    # shellcheck disable=SC2086 # one line, words joined by say
    say $PACKAGES
fi

# 2. The build system, when it is missing or older than its sources.
if [ -f config.status ]; then
    say "this checkout was configured in place; builds go to $build/."
    say "run 'make distclean' in $top first."
    exit 1
fi
if [ ! -x configure ] || [ -n "$(find . -path "./$build" -prune -o \
    \( -name configure.ac -o -name Makefile.am \) -newer configure -print | head -n 1)" ]; then
    say "autoreconf -fi"
    autoreconf -fi
fi

# 3. Configure out of tree, again when the flags changed.
mkdir -p "$build"
stamp="$build/.configure-flags"
if [ ! -f "$build/config.status" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$flags" ]; then
    say "configure $flags (in $build/)"
    # shellcheck disable=SC2086 # flags are words
    (cd "$build" && "$top/configure" -q $flags)
    printf '%s\n' "$flags" >"$stamp"
fi

# 4. Build.
say "make (in $build/)"
make -s -C "$build" -j"$jobs"

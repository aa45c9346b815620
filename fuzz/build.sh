#!/bin/sh
# Build the libFuzzer target fuzz_extract with clang, compiling the library's
# sources straight into it (no libtool, no configure flags), with ASan and
# UBSan. `make fuzz` calls this.
#
#   sh fuzz/build.sh [OUTDIR]      default OUTDIR: the current directory
#
# Exit status 77 when clang or its libFuzzer runtime is missing.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
out=${1:-.}
CLANG=${CLANG:-clang}

if ! command -v "$CLANG" >/dev/null 2>&1; then
    echo "fuzz: $CLANG not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2
    exit 77
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' >"$probe/p.c"
if ! "$CLANG" -fsanitize=fuzzer,address,undefined "$probe/p.c" -o "$probe/p" 2>/dev/null; then
    echo "fuzz: $CLANG cannot link -fsanitize=fuzzer (Debian: apt-get install libclang-rt-14-dev)" >&2
    exit 77
fi

pkgs="libxml-2.0 icu-uc icu-i18n json-c zlib"
cflags=$(pkg-config --cflags $pkgs)
libs=$(pkg-config --libs $pkgs)
mkdir -p "$out"
# shellcheck disable=SC2086 # flag lists are words
"$CLANG" -g -O1 -std=c11 -D_GNU_SOURCE -pthread \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -fno-omit-frame-pointer \
    -I"$top/include" -I"$top/lib" $cflags \
    "$here/fuzz_extract.c" $(find "$top/lib" -name "*.c" | sort) \
    $libs -lpthread -o "$out/fuzz_extract"
echo "fuzz: built $out/fuzz_extract"

#!/bin/sh
# `make install DESTDIR=...` puts the program, library, header, pkg-config
# file and man page in place, and a program builds against the installed
# copy with pkg-config alone.
set -u
stage=$(mktemp -d "${TMPDIR:-/tmp}/pith-install.XXXXXX") || exit 99
trap 'rm -rf "$stage"' EXIT
${MAKE:-make} -s -C "$top_builddir" install DESTDIR="$stage" >"$stage/log" 2>&1 || {
    cat "$stage/log"; exit 1; }
prefix=$(sed -n 's/^prefix=//p' "$top_builddir/pith.pc")
root="$stage$prefix"
status=0
for f in bin/pith include/pith.h lib/libpith.so lib/pkgconfig/pith.pc share/man/man1/pith.1; do
    [ -e "$root/$f" ] || { echo "not installed: $f"; status=1; }
done
ls "$root"/lib/libpith.so.* >/dev/null 2>&1 || { echo "no versioned libpith.so.N"; status=1; }
[ $status -eq 0 ] || exit $status

# Build examples/embed.c against the staged install.
pc() { PKG_CONFIG_PATH="$root/lib/pkgconfig" pkg-config --define-variable=prefix="$root" "$@" pith; }
cflags=$(pc --cflags) && libs=$(pc --libs) || {
    echo "pkg-config cannot read the installed pith.pc"; exit 1; }
${CC:-cc} $cflags -o "$stage/embed" "$top_srcdir/examples/embed.c" $libs || exit 1
# A library built with --enable-sanitizers needs the ASan runtime first.
preload=
if ldd "$root/lib/libpith.so" 2>/dev/null | grep -q libasan; then
    preload=$(${CC:-cc} -print-file-name=libasan.so)
fi
LD_PRELOAD="$preload" LD_LIBRARY_PATH="$root/lib" "$stage/embed" "$top_srcdir/examples/news-page.html" https://news.example.org/a >"$stage/out" || {
    echo "the example built against the install failed"; exit 1; }
[ -s "$stage/out" ] || { echo "no output from the installed library"; exit 1; }
echo "installed $(find "$stage" -type f | wc -l) files; examples/embed.c builds and runs against them"

#!/bin/sh
# pith(3), the man page that scripts/header2man.py writes from include/pith.h:
# every function declared with PITH_API is in the synopsis and has an entry,
# every enum value and PITH_ macro is there with its number, every doc
# comment is there, groff renders the page without a warning, and
# `make install` puts it in man3. The names are read from the header here
# with grep and sed, not with the generator's own parser.
set -u
: "${top_builddir:?}" "${top_srcdir:?}"
header=$top_srcdir/include/pith.h
page=$top_builddir/pith.3

if ! command -v groff >/dev/null 2>&1; then
    echo "groff not found: install Debian's groff-base (sh scripts/setup.sh does)"
    exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/pith-man.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT

# make check runs tests/ before the top directory, where the page is made.
${MAKE:-make} -s -C "$top_builddir" pith.3 >"$work/log" 2>&1 || {
    cat "$work/log"; echo "cannot make pith.3"; exit 1; }

# 1. groff reads it without a warning (-ww: all of them).
groff -man -Tutf8 -ww -z "$page" >"$work/warnings" 2>&1
if [ -s "$work/warnings" ]; then
    cat "$work/warnings"
    echo "groff warns about pith.3"
    exit 1
fi

# The page as plain ASCII text on one line, for the checks below.
groff -man -Tascii -P-c -P-b -P-u -P-o "$page" 2>/dev/null | tr -s ' \n' '  ' >"$work/text"
synopsis=$(sed -n 's/.* SYNOPSIS \(.*\) DESCRIPTION .*/\1/p' "$work/text")
[ -n "$synopsis" ] || { echo "pith.3 has no SYNOPSIS before its DESCRIPTION"; exit 1; }

status=0
missing() { echo "pith.3: $*"; status=1; }
has() { grep -qF -- "$1" "$work/text"; }

# 2. Every PITH_API function: in the synopsis, and once more with its entry.
functions=$(grep '^PITH_API' "$header" | sed 's/(.*//; s/.*[ *]//')
[ -n "$functions" ] || { echo "no PITH_API function found in $header"; exit 1; }
nf=0
for f in $functions; do
    nf=$((nf + 1))
    case " $synopsis " in
        *" $f("* | *"*$f("*) ;;
        *) missing "$f() is not in the SYNOPSIS" ;;
    esac
    n=$(grep -o -- "[ *]$f(" "$work/text" | wc -l)
    [ "$n" -ge 2 ] || missing "$f() has no entry of its own"
done

# 3. Every enum value with its number (PITH_OK = 0, PITH_OPT_URL = 1 ...).
values=$(sed -n 's/^ *\(PITH_[A-Z0-9_]*\) = \([0-9][0-9]*\),\{0,1\}$/\1 = \2/p' "$header")
[ -n "$values" ] || { echo "no enum value found in $header"; exit 1; }
nv=0
while read -r v; do
    nv=$((nv + 1))
    has " $v " || missing "no '$v'"
done <<EOF
$values
EOF

# 4. Every macro of the API (the include guard and PITH_API aside).
macros=$(sed -n 's/^#define \(PITH_[A-Z0-9_]*\).*/\1/p' "$header" | grep -vx 'PITH_H\|PITH_API')
for m in $macros; do
    has " $m" || missing "no macro $m"
done

# 5. Every doc comment: the first words of each one appear in the page.
sed -n 's|^ */\*\* *\(.*\)|\1|p' "$header" | sed 's/`//g; s/\*\/$//' |
    awk '{ w = $1; for (i = 2; i <= 5 && i <= NF; i++) w = w " " $i; print w }' >"$work/docs"
nd=0
while read -r d; do
    nd=$((nd + 1))
    has "$d" || missing "no doc comment starting '$d'"
done <"$work/docs"

# 6. make install puts it in man3.
${MAKE:-make} -s -C "$top_builddir" install-man DESTDIR="$work/stage" >"$work/log" 2>&1 || {
    cat "$work/log"; echo "make install-man failed"; exit 1; }
[ -n "$(find "$work/stage" -path '*/man3/pith.3')" ] || missing "not installed in man3"

[ $status -eq 0 ] || exit 1
echo "pith.3: $nf functions, $nv enum values, $(echo "$macros" | wc -w) macros and $nd doc comments; groff has no warning"

#!/bin/sh
# The ABI of the built library against lib/libpith.abi, pith 0.1.0's as
# abidw describes it from the types of include/pith.h (make abi-update
# writes it). abidiff's exit status is a bit field: 1 an error, 2 a usage
# error, 4 an ABI change, 8 an incompatible change. 8 fails; 4 passes only
# when every change is an addition (new functions or variables, enum values
# appended, which abidiff counts as harmless), else it fails too: a changed
# type or parameter is a break abidiff may not call incompatible.
# lib/Makefile.am says what to do when this fails.
lib=${top_builddir:-..}/lib/.libs/libpith.so
ref=${top_srcdir:-..}/lib/libpith.abi
headers=${top_srcdir:-..}/include
command -v abidiff >/dev/null 2>&1 || { echo "abidiff not installed (abigail-tools; scripts/setup.sh installs it)"; exit 1; }
[ -f "$lib" ] || { echo "no $lib"; exit 99; }
[ -f "$ref" ] || { echo "no $ref"; exit 99; }

# The sanitizer build (--enable-sanitizers) passes too: instrumentation
# changes code, not the exported functions or the header's types.
report=$(abidiff --drop-private-types --headers-dir2 "$headers" "$ref" "$lib" 2>&1)
rc=$?
printf '%s\n' "$report"
if [ $((rc & 3)) -ne 0 ]; then
    echo "abidiff failed (exit $rc)"
    exit 1
fi
if [ $((rc & 8)) -ne 0 ]; then
    echo "incompatible ABI change against $ref (abidiff exit $rc)"
    exit 1
fi
if [ $((rc & 4)) -ne 0 ]; then
    # Only additions: no summary line counts a removed or changed entity,
    # and nothing else (SONAME, architecture, needed libraries) changed.
    if printf '%s\n' "$report" | grep -Eq '[1-9][0-9]* (Removed|Changed)' ||
        printf '%s\n' "$report" | grep -Eiq '(SONAME|architecture) changed'; then
        echo "ABI change that is not only additions against $ref (abidiff exit $rc)"
        exit 1
    fi
    echo "ABI additions only: compatible with $ref"
    exit 0
fi
echo "the ABI is the one of $ref"

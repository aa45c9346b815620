#!/bin/sh
# The shared library exports exactly the symbols listed in lib/libpith.map.
lib=${top_builddir:-..}/lib/.libs/libpith.so
map=${top_srcdir:-..}/lib/libpith.map
[ -f "$lib" ] || { echo "no $lib"; exit 99; }
exported=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sed 's/@.*//' | sort -u)
listed=$(sed -n 's/^ *\(pith_[a-z0-9_]*\);.*/\1/p' "$map" | sort -u)
if [ "$exported" != "$listed" ]; then
    echo "exported symbols differ from $map:"
    printf '%s\n' "$exported" > exported.tmp
    printf '%s\n' "$listed" > listed.tmp
    diff exported.tmp listed.tmp
    rm -f exported.tmp listed.tmp
    exit 1
fi
echo "$(echo "$exported" | wc -l) symbols exported, all pith_*, all in the map"

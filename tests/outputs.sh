#!/bin/sh
# Every output of every corpus page, saved or compared: the proof that a
# change which should not change behaviour does not.
#
#   sh tests/outputs.sh save DIR   [BUILD_DIR]   write DIR/<dataset>/<id>.{txt,md,html,json}
#   sh tests/outputs.sh diff DIR   [BUILD_DIR]   render again and compare with DIR
#
# Pages are read from BUILD_DIR/corpus (make check or make eval unpacks it
# there), each given its gold URL (corpus_run -u). `diff` prints, per
# dataset and format, how many pages changed and the first few of them, and
# exits 1 when any did. BUILD_DIR defaults to _build.
set -u
mode=${1:-}
dir=${2:-}
build=${3:-_build}
if [ -z "$mode" ] || [ -z "$dir" ] || { [ "$mode" != save ] && [ "$mode" != diff ]; }; then
    echo "usage: sh tests/outputs.sh save|diff DIR [BUILD_DIR]" >&2
    exit 2
fi
runner=$build/tests/corpus_run
corpus=$build/corpus
[ -x "$runner" ] || { echo "outputs: no $runner (make -C $build check builds it)" >&2; exit 2; }
[ -d "$corpus" ] || { echo "outputs: no $corpus (make -C $build eval unpacks it)" >&2; exit 2; }

render() { # render OUT: every dataset into OUT/<dataset>/
    for ds in "$corpus"/*/; do
        name=$(basename "$ds")
        mkdir -p "$1/$name"
        "$runner" -u -o "$1/$name" -f md -f html -f json "$ds" >/dev/null || {
            echo "outputs: corpus_run failed on $name" >&2
            return 1
        }
    done
}

if [ "$mode" = save ]; then
    rm -rf "$dir" && mkdir -p "$dir" && render "$dir" || exit 1
    echo "outputs: $(find "$dir" -type f | wc -l) files in $dir"
    exit 0
fi

[ -d "$dir" ] || { echo "outputs: no saved outputs in $dir" >&2; exit 2; }
now=$(mktemp -d "${TMPDIR:-/tmp}/pith-outputs.XXXXXX") || exit 2
trap 'rm -rf "$now"' EXIT
render "$now" || exit 1
status=0
for ds in "$dir"/*/; do
    name=$(basename "$ds")
    for ext in txt md html json; do
        changed=$(diff -rq "$ds" "$now/$name" 2>&1 | grep -E "\.$ext( |$)" |
            sed -E 's/^Files .*\/([^/]*) and .* differ$/\1/; s/^Only in (.*): (.*)$/\2 (only in \1)/')
        n=$(printf '%s' "$changed" | grep -c .)
        if [ "$n" -gt 0 ]; then
            status=1
            echo "$name .$ext: $n pages differ: $(printf '%s\n' "$changed" | head -n 8 | tr '\n' ' ')"
        fi
    done
done
[ "$status" -eq 0 ] && echo "outputs: identical ($(find "$dir" -type f | wc -l) files)"
exit $status

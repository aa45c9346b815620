#!/bin/sh
# Markdown, HTML and JSON of every page of corpus/readability (see
# check_formats.py): Markdown parsed back by cmark-gfm gives the text output,
# HTML is well-formed and safe, JSON parses and has every key.
shared=${PITH_SHARED:-$top_srcdir/../shared}
[ -d "$shared/corpus/readability" ] || { echo "no corpus: skipped"; exit 77; }
for tool in cmark-gfm xmllint; do
    command -v $tool >/dev/null 2>&1 || { echo "$tool not installed: skipped"; exit 77; }
done
out=$(mktemp -d "${TMPDIR:-/tmp}/pith-formats.XXXXXX") || exit 99
trap 'rm -rf "$out"' EXIT
./corpus_run -o "$out" -I -f md -f html -f json "$shared/corpus/readability" || exit 1
"${PYTHON3:-python3}" "$top_srcdir/tests/check_formats.py" "$out"

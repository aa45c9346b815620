#!/bin/sh
# Markdown, HTML and JSON of every page of corpus/readability (see
# check_formats.py): Markdown parsed back by cmark-gfm gives the text output,
# HTML is well-formed and safe, JSON parses and has every key.
corpus=${PITH_CORPUS:-$top_builddir/corpus}
[ -d "$corpus/readability" ] || { echo "no corpus at $corpus/readability"; exit 1; }
for tool in cmark-gfm xmllint; do
    command -v $tool >/dev/null 2>&1 || { echo "$tool not installed (scripts/setup.sh installs it)"; exit 1; }
done
out=$(mktemp -d "${TMPDIR:-/tmp}/pith-formats.XXXXXX") || exit 99
trap 'rm -rf "$out"' EXIT
./corpus_run -u -o "$out" -I -f md -f html -f json "$corpus/readability" || exit 1
"${PYTHON3:-python3}" "$top_srcdir/tests/check_formats.py" "$out"

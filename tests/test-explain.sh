#!/bin/sh
# The explain view in a real browser (check_explain.py): for written pages
# and a few pages of each dataset, chromium's DOM of `pith --explain` shows
# the kept blocks as the text output and every dropped one with a reason;
# a hostile page's view makes no request with JavaScript on; a screenshot
# is no blank page. PITH_EXPLAIN_PNG=FILE keeps the screenshot (README's
# picture: PITH_EXPLAIN_PNG=$PWD/explain.png make check TESTS=test-explain.sh).
corpus=${PITH_CORPUS:-$top_builddir/corpus}
data=$top_srcdir/tests/data/explain
command -v "${CHROMIUM:-chromium-headless-shell}" >/dev/null 2>&1 || {
    echo "chromium-headless-shell not installed (scripts/setup.sh installs it)"
    exit 1
}
out=$(mktemp -d "${TMPDIR:-/tmp}/pith-explain.XXXXXX") || exit 99
trap 'rm -rf "$out"' EXIT
pages="$data/article.html $data/structure.html"
for ds in readability trafilatura wcxb-dev wcxb-val; do
    [ -d "$corpus/$ds" ] || { echo "no corpus at $corpus/$ds"; exit 1; }
    pages="$pages $(ls "$corpus/$ds"/*.html | head -n 3 | tr '\n' ' ')"
done
# shellcheck disable=SC2086 # one word per page
"${PYTHON3:-python3}" "$top_srcdir/tests/check_explain.py" "$top_builddir/examples/pith" "$out" \
    $pages --hostile "$data/hostile.html" --screenshot "$data/article.html" ${PITH_EXPLAIN_PNG:-}

#!/bin/sh
# The pith command line: formats, options, batch names, JSON Lines, exit
# codes. make check runs it from the build tree's examples/ directory with
# srcdir and PYTHON3 set; both have fallbacks for a manual run there.
set -u
: "${srcdir:=$(dirname "$0")}"
: "${PYTHON3:=python3}"
pith=./pith
page="$srcdir/news-page.html"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pith-cli.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# expect STATUS COMMAND...: run COMMAND with stdout to $tmp/out and stderr
# to $tmp/err, and check its exit status.
expect() {
    want=$1
    shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    [ "$got" -eq "$want" ] || fail "$* exited $got, expected $want: $(head -c 300 "$tmp/err")"
}

has() { grep -q -e "$1" "$tmp/out" || fail "$2: no '$1' in the output"; }
lacks() { ! grep -q -e "$1" "$tmp/out" || fail "$2: '$1' in the output"; }

[ -x "$pith" ] || { echo "test-cli.sh: $pith is not built"; exit 99; }

# txt, the default, is one block per line.
expect 0 "$pith" "$page"
has '^What the plan includes$' txt
lacks 'Share on Facebook' txt
expect 0 "$pith" -f txt "$page"
cp "$tmp/out" "$tmp/default"
expect 0 "$pith" -f TEXT "$page"
cmp -s "$tmp/out" "$tmp/default" || fail "-f TEXT differs from the default"

# --title, and --metadata with one line per value.
expect 0 "$pith" -t "$page"
head -n 1 "$tmp/out" | grep -q '^Saltby lets the sea back in' || fail "-t: no title line"
expect 0 "$pith" -m "$page"
has '^title: Saltby lets the sea back in' -m
has '^authors: Ruth Okonkwo-Hale$' -m
has '^published: 2026-03-12' -m
has '^language: en$' -m
has '^encoding: UTF-8$' -m
lacks '^modified:' "-m (absent field)"
sed -n '/^$/q;p' "$tmp/out" | grep -v -q '^[a-z_]*: ' && fail "-m: a header line is not 'key: value'"
sed -n '/^$/,$p' "$tmp/out" | grep -q '^What the plan includes$' || fail "-m: no text after the blank line"

# markdown
expect 0 "$pith" -f markdown "$page"
has '^## What the plan includes$' markdown
has '^- a new clay bank' markdown
has '](' markdown
cp "$tmp/out" "$tmp/md"
expect 0 "$pith" -f md "$page"
cmp -s "$tmp/out" "$tmp/md" || fail "-f md differs from -f markdown"
expect 0 "$pith" -f md --no-links --no-images "$page"
lacks '](' "--no-links --no-images"
has '^## What the plan includes$' "--no-links --no-images"

# html: a fragment, or a page with --standalone.
expect 0 "$pith" -f html "$page"
head -n 1 "$tmp/out" | grep -q '^<article>$' || fail "html: not an <article> fragment"
has '<h2>What the plan includes</h2>' html
lacks '<script' html
expect 0 "$pith" -f html --standalone "$page"
head -n 1 "$tmp/out" | grep -qi '^<!DOCTYPE html>' || fail "--standalone: no doctype"
has '<title>Saltby lets the sea back in' --standalone

# explain: a page of its own, the same with -f explain; the text unchanged.
expect 0 "$pith" --explain "$page"
head -n 1 "$tmp/out" | grep -qi '^<!DOCTYPE html>' || fail "--explain: no doctype"
has 'Content-Security-Policy' --explain
has '<tr class="b kept' --explain
lacks '<script' --explain
cp "$tmp/out" "$tmp/explain"
expect 0 "$pith" -f explain "$page"
cmp -s "$tmp/out" "$tmp/explain" || fail "-f explain differs from --explain"

# json: one object per line (JSON Lines), with --json-content.
expect 0 "$pith" -f json --json-content md "$page" "$page"
"$PYTHON3" - "$tmp/out" <<'EOF' || fail "json: not two JSON objects with the keys"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[-1] == "" and len(lines) == 3, lines
for line in lines[:2]:
    doc = json.loads(line)
    for key in ("title", "authors", "published", "site_name", "language",
                "encoding", "layer", "text", "format", "content"):
        assert key in doc, key
    assert doc["authors"] == ["Ruth Okonkwo-Hale"], doc["authors"]
    assert doc["format"] == "markdown" and "## What the plan includes" in doc["content"]
EOF

# --favor: precision keeps no more words than recall; the confidence is a
# number from 0 to 1 in the JSON and a "confidence:" line with -m.
expect 0 "$pith" -f json --favor precision "$page"
cp "$tmp/out" "$tmp/precision"
expect 0 "$pith" -f json --favor recall "$page"
"$PYTHON3" - "$tmp/precision" "$tmp/out" <<'EOF' || fail "--favor: precision kept more than recall"
import json, sys
p, r = (json.load(open(f, encoding="utf-8")) for f in sys.argv[1:3])
assert p["words"] <= r["words"], (p["words"], r["words"])
assert 0.0 <= p["confidence"] <= 1.0, p["confidence"]
EOF
expect 0 "$pith" -m "$page"
has '^confidence: [01]\.[0-9][0-9]$' "-m confidence"
expect 2 "$pith" --favor speed "$page"
grep -q "unknown --favor 'speed'" "$tmp/err" || fail "--favor speed: no message"

# --page-type: the field says the type given (blog too), in -m and JSON;
# an unknown type is a usage error.
expect 0 "$pith" -m --page-type product "$page"
has '^page_type: product$' "--page-type product"
expect 0 "$pith" -f json --page-type blog "$page"
has '"page_type":"blog"' "--page-type blog"
expect 0 "$pith" --help
has '--page-type TYPE' "--help"
expect 2 "$pith" --page-type recipe "$page"
grep -q "unknown --page-type 'recipe'" "$tmp/err" || fail "--page-type recipe: no message"

# Usage errors exit with 2 and say why.
expect 2 "$pith" -f xml "$page"
grep -q "unknown format 'xml'" "$tmp/err" || fail "-f xml: no message"
expect 2 "$pith" --standalone "$page"
expect 2 "$pith" -f json --json-content txt "$page"
expect 2 "$pith" -f md --json-content html "$page"
expect 2 "$pith" -f json -m "$page"
expect 2 "$pith" -f html -t "$page"
expect 2 "$pith" --explain -m "$page"
expect 2 "$pith" --no-such-option "$page"
[ -s "$tmp/out" ] && fail "a usage error wrote to stdout"

# Batch mode: the extension follows the format; a missing file is reported,
# the others are still written, and the status is 1.
for f in txt:txt md:md markdown:md html:html json:json explain:explain.html; do
    expect 1 "$pith" -q -f "${f%%:*}" -o "$tmp/batch" "$page" "$tmp/missing.html"
    [ -s "$tmp/batch/news-page.${f#*:}" ] || fail "-f ${f%%:*} -o: no news-page.${f#*:}"
    grep -q "missing.html" "$tmp/err" || fail "-o: the missing file is not reported"
done
ls "$tmp/batch" | grep -q missing && fail "-o: a file was written for a missing input"

# A failed input among several on stdout: reported, the others printed,
# and in json an error record in its place.
expect 1 "$pith" -f json "$page" "$tmp/missing.html" "$page"
[ "$(wc -l <"$tmp/out")" -eq 3 ] || fail "json with a missing input: not three lines"
sed -n 2p "$tmp/out" | grep -q '"error":.*"status":{"name":"PITH_ERR_IO","code":14}' ||
    fail "json: no error record for the missing input"
grep -q "1 of 3 inputs failed" "$tmp/err" || fail "no failure count"
expect 1 "$pith" -f txt "$page" "$tmp/missing.html"
[ "$(grep -c 'What the plan includes' "$tmp/out")" -eq 1 ] || fail "txt with a missing input"

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all CLI checks passed"

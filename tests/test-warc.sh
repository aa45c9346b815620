#!/bin/sh
# WARC files and crawler-scale input, end to end through the pith CLI:
#
# 1. a WARC written by a real producer: wget --warc-file crawling a test
#    server on 127.0.0.1 (tests/warc_tools.py serve: HTTP/1.1, some pages
#    gzip-encoded, some chunked); every page record read back through
#    pith_warc_* equals the bytes served, and pith on the WARC gives, page
#    for page, what pith gives on the page file with the same URL;
# 2. hand-made WARCs with malformed records: an error record each, with the
#    status's name and number, the good records still extracted, exit 1;
# 3. -j 1 and -j 2 byte-identical on a .warc.gz of the trafilatura corpus;
# 4. binary input (PNG, PDF, a zip) fails with PITH_ERR_NOT_HTML, a .gz
#    page reads as the page; -r, -i, -o (mirrored paths, WARC record
#    names, no silent replacement), --progress.
# Fails (never skips) when wget or python3 is missing.
set -u

srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
builddir=${top_builddir:-.}
PYTHON3=${PYTHON3:-python3}
pith="$builddir/examples/pith"
tools="$srcdir/tests/warc_tools.py"
library=${PITH_LIBRARY:-$builddir/lib/.libs/libpith.so}
corpus=${PITH_CORPUS:-$builddir/corpus}
page="$srcdir/examples/news-page.html"
failures=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

for tool in wget "$PYTHON3"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "test-warc: $tool not found (Debian: apt-get install wget python3)"
        exit 1
    fi
done
[ -x "$pith" ] || { echo "test-warc: $pith is not built"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pith-warc.XXXXXX") || exit 99
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

# The ASan runtime for Python's ctypes, in a sanitizer build.
py_lib() {
    if command -v ldd >/dev/null 2>&1 && ldd "$library" | grep -q libasan; then
        LD_PRELOAD="$(${CC:-cc} -print-file-name=libasan.so)" ASAN_OPTIONS=detect_leaks=0 \
            "$PYTHON3" "$@"
    else
        "$PYTHON3" "$@"
    fi
}

# ---- 1. wget's WARC ---------------------------------------------------------
site="$tmp/site"
mkdir "$site"
cp "$page" "$site/plain-news.html"
cp "$page" "$site/gz-news.html"
cat >"$site/chunked-notes.html" <<'EOF'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Field notes | Tide Log</title></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Field notes from the estuary</h1>
<p>The survey team walked the north bank at low water on Thursday and counted the
posts of the old fish weir, which the storms of the winter had uncovered again.</p>
<p>Forty-one posts stand in two lines that meet at a point downstream, the shape the
records of the parish describe; the timber is oak and some of it still shows the marks
of the axe that shaped it.</p>
<p>Samples went to the laboratory for dating, and the results are expected before the
summer, when the weir will be drawn and photographed before the sand covers it.</p>
</article><footer>Tide Log, all rights reserved</footer></body></html>
EOF
cat >"$site/index.html" <<'EOF'
<html><body><a href="plain-news.html">plain</a> <a href="gz-news.html">gz</a>
<a href="chunked-notes.html">chunked</a></body></html>
EOF
"$PYTHON3" "$tools" serve "$site" "$tmp/port" &
server=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
port=$(cat "$tmp/port" 2>/dev/null)
[ -n "$port" ] || { echo "test-warc: the test server did not start"; exit 1; }
base="http://127.0.0.1:$port"
(cd "$tmp" && wget -q --recursive --level=1 --no-directories --directory-prefix=dl \
    --compression=auto --warc-file=crawl --no-warc-keep-log "$base/index.html") ||
    echo "test-warc: wget exited $? (its crawl is checked below)"
wget -q -O /dev/null "$base/quit" 2>/dev/null
wait "$server" 2>/dev/null
server=
[ -s "$tmp/crawl.warc.gz" ] || { echo "test-warc: wget wrote no crawl.warc.gz"; exit 1; }

# Every page record's body is the page as served (gzip and chunks undone).
py_lib "$tools" read "$library" "$tmp/crawl.warc.gz" >"$tmp/records" ||
    fail "reading wget's WARC through pith_warc_*"
"$PYTHON3" - "$tmp/records" "$site" "$base" <<'EOF' || fail "wget's WARC: bodies differ from the pages"
import base64, json, os, sys
records = [json.loads(l) for l in open(sys.argv[1])]
site, base = sys.argv[2], sys.argv[3]
seen = set()
for r in records:
    assert r["status"] == 0, r
    if r["http"] != 200:
        continue  # robots.txt, 404
    name = r["uri"][len(base) + 1:] or "index.html"
    body = base64.b64decode(r["body"])
    assert body == open(os.path.join(site, name), "rb").read(), name
    seen.add(name)
want = {"index.html", "plain-news.html", "gz-news.html", "chunked-notes.html"}
assert want <= seen, seen
EOF
# wget did ask for gzip and the server did send it and chunks: the WARC
# holds the coded bytes, not the pages.
gzip -dc "$tmp/crawl.warc.gz" | grep -a -q '^Content-Encoding: gzip' ||
    fail "wget's WARC has no gzip-encoded response"
gzip -dc "$tmp/crawl.warc.gz" | grep -a -q '^Transfer-Encoding: chunked' ||
    fail "wget's WARC has no chunked response"

# pith on the WARC gives what pith gives on each page file with its URL
# and the charset the server declared.
"$pith" -q -f json "$tmp/crawl.warc.gz" >"$tmp/warc.jsonl" || fail "pith on wget's WARC exited $?"
for name in plain-news.html gz-news.html chunked-notes.html; do
    "$pith" -q -f json -u "$base/$name" -e utf-8 "$site/$name" >>"$tmp/pages.jsonl"
done
"$PYTHON3" - "$tmp/warc.jsonl" "$tmp/pages.jsonl" "$base" <<'EOF' || fail "extraction from the WARC differs"
import json, sys
warc = [json.loads(l) for l in open(sys.argv[1])]
pages = [json.loads(l) for l in open(sys.argv[2])]
by_uri = {d["source"]["uri"]: d for d in warc}
names = ["plain-news.html", "gz-news.html", "chunked-notes.html"]
for name, p in zip(names, pages):
    w = by_uri.get(sys.argv[3] + "/" + name)
    assert w is not None, name
    assert w["source"]["file"].endswith("crawl.warc.gz") and w["source"]["record"] > 0
    assert w["source"]["record_id"].startswith("<urn:uuid:")
    del w["source"], p["source"]
    assert w == p, (w, p)
    assert len(p["text"]) > 200
EOF

# ---- 2. malformed records ------------------------------------------------------
"$PYTHON3" - "$tmp/bad.warc" "$page" <<'EOF'
import sys
page = open(sys.argv[2], "rb").read()
def rec(kind, uri, block, length=None, extra=b""):
    length = str(len(block)).encode() if length is None else length
    return (b"WARC/1.0\r\nWARC-Type: " + kind + b"\r\nWARC-Target-URI: " + uri +
            b"\r\nWARC-Record-ID: <urn:uuid:" + uri[-1:] + b">\r\n" + extra +
            b"Content-Type: text/html\r\nContent-Length: " + length + b"\r\n\r\n" + block +
            b"\r\n\r\n")
out = rec(b"resource", b"http://bad.test/1", page)
out += rec(b"resource", b"http://bad.test/2", page, length=b"12x")
out += rec(b"resource", b"http://bad.test/3", page)
out += rec(b"response", b"http://bad.test/4", b"no status line\r\n\r\n" + page).replace(
    b"Content-Type: text/html", b"Content-Type: application/http")
out += rec(b"resource", b"http://bad.test/5", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
out += rec(b"resource", b"http://bad.test/6", page)[:-200]
open(sys.argv[1], "wb").write(out)
EOF
"$pith" -f json "$tmp/bad.warc" >"$tmp/bad.jsonl" 2>"$tmp/bad.err"
[ $? -eq 1 ] || fail "malformed WARC: exit status not 1"
"$PYTHON3" - "$tmp/bad.jsonl" <<'EOF' || fail "malformed WARC: records"
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
got = [(d["source"].get("uri"), d["status"]["name"] if "error" in d else "ok") for d in docs]
want = [("http://bad.test/1", "ok"), ("http://bad.test/2", "PITH_ERR_WARC_LENGTH"),
        ("http://bad.test/3", "ok"), ("http://bad.test/4", "PITH_ERR_HTTP"),
        ("http://bad.test/5", "PITH_ERR_NOT_HTML"), ("http://bad.test/6", "PITH_ERR_TRUNCATED")]
assert got == want, got
for d in docs:
    if "error" in d:
        assert d["status"]["code"] in (13, 15, 17, 20) and d["error"], d
        assert d["url"] == d["source"]["uri"]
EOF
grep -q 'bad.warc: record 2 http://bad.test/2: ' "$tmp/bad.err" || fail "malformed WARC: no message"
grep -q '4 of 6 inputs failed\|3 of 6 inputs failed\|of 6 inputs failed' "$tmp/bad.err" ||
    fail "malformed WARC: no failure count"

# ---- 3. -j 1 and -j 2 on the trafilatura corpus --------------------------------
if [ -d "$corpus/trafilatura" ]; then
    # shellcheck disable=SC2046 # no spaces in corpus names
    "$PYTHON3" "$tools" pack "$tmp/corpus.warc.gz" $(find "$corpus/trafilatura" -name '*.html' | sort)
    "$pith" -q -j 1 -f json "$tmp/corpus.warc.gz" >"$tmp/j1" || fail "-j 1 on the corpus WARC"
    "$pith" -q -j 2 -f json "$tmp/corpus.warc.gz" >"$tmp/j2" || fail "-j 2 on the corpus WARC"
    cmp -s "$tmp/j1" "$tmp/j2" || fail "-j 1 and -j 2 differ on the corpus WARC"
    n=$(find "$corpus/trafilatura" -name '*.html' | wc -l)
    [ "$(wc -l <"$tmp/j1")" -eq "$n" ] || fail "corpus WARC: not $n lines"
    echo "test-warc: -j 1 and -j 2 agree on $n pages"
else
    fail "no corpus at $corpus/trafilatura"
fi

# ---- 4. binary input, .gz, -r, -i, -o, progress -----------------------------------
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >"$tmp/image.html"
printf '%%PDF-1.7\n%%\342\343\n' >"$tmp/doc.pdf"
"$pith" -f json "$tmp/image.html" "$tmp/doc.pdf" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "binary input: exit status not 1"
[ "$(grep -c '"name":"PITH_ERR_NOT_HTML","code":13' "$tmp/out")" -eq 2 ] ||
    fail "binary input: no NOT_HTML records"
grep -q "image.html: not HTML" "$tmp/err" || fail "binary input: no message"

gzip -c "$page" >"$tmp/page.html.gz"
"$pith" "$page" >"$tmp/plain.txt"
"$pith" "$tmp/page.html.gz" >"$tmp/gz.txt" || fail ".gz page exited $?"
cmp -s "$tmp/plain.txt" "$tmp/gz.txt" || fail ".gz page differs from the page"
"$pith" <"$tmp/page.html.gz" >"$tmp/gz.txt" || fail ".gz page on stdin exited $?"
cmp -s "$tmp/plain.txt" "$tmp/gz.txt" || fail ".gz page on stdin differs"
"$pith" -q -f json <"$tmp/crawl.warc.gz" >"$tmp/stdin.jsonl" || fail "WARC on stdin exited $?"
[ "$(wc -l <"$tmp/stdin.jsonl")" -eq "$(wc -l <"$tmp/warc.jsonl")" ] || fail "WARC on stdin"

mkdir -p "$tmp/tree/a/b" "$tmp/tree/.hidden"
cp "$page" "$tmp/tree/a/one.html"
cp "$page" "$tmp/tree/a/b/two.htm"
cp "$tmp/page.html.gz" "$tmp/tree/three.html.gz"
cp "$page" "$tmp/tree/.hidden/no.html"
cp "$page" "$tmp/tree/a/notes.txt"
cp "$tmp/crawl.warc.gz" "$tmp/tree/crawl.warc.gz"
(cd "$tmp" && "$pith" -q -r -f json tree) >"$tmp/out" || fail "-r exited $?"
"$PYTHON3" - "$tmp/out" <<'EOF' || fail "-r: wrong files or order"
import json, sys
files = [json.loads(l)["source"]["file"] for l in open(sys.argv[1])]
plain = [f for f in files if not f.endswith(".warc.gz")]
assert plain == ["tree/a/b/two.htm", "tree/a/one.html", "tree/three.html.gz"], files
assert len(files) - len(plain) >= 4, files
assert files.index("tree/crawl.warc.gz") == 2, files
EOF
printf '%s\n' "$tmp/tree/a/one.html" "" "$tmp/tree/three.html.gz" >"$tmp/list"
"$pith" -q -f json -i "$tmp/list" >"$tmp/out" || fail "-i exited $?"
[ "$(wc -l <"$tmp/out")" -eq 2 ] || fail "-i: not two documents"
"$pith" -q -f json -i - <"$tmp/list" >"$tmp/out" || fail "-i - exited $?"
[ "$(wc -l <"$tmp/out")" -eq 2 ] || fail "-i -: not two documents"

(cd "$tmp" && "$pith" -q -r -o mirror tree) || fail "-r -o exited $?"
for f in mirror/tree/a/one.txt mirror/tree/a/b/two.txt mirror/tree/three.txt; do
    [ -s "$tmp/$f" ] || fail "-r -o: no $f"
done
ls "$tmp/mirror/tree/crawl/" | grep -q '^0000[0-9][0-9]\.txt$' || fail "-r -o: no WARC record files"
cp "$page" "$tmp/tree/a/one.htm"
(cd "$tmp" && "$pith" -q -o out2 tree/a/one.html tree/a/one.htm) 2>"$tmp/err"
[ $? -eq 1 ] || fail "-o: two inputs for one output did not fail"
grep -q "already written" "$tmp/err" || fail "-o: the collision is not reported"

"$pith" --progress -o "$tmp/out3" "$page" "$tmp/crawl.warc.gz" 2>"$tmp/err" || fail "--progress exited $?"
grep -q 'pages/s' "$tmp/err" || fail "--progress: no progress line"
tr '\r' '\n' <"$tmp/err" | tail -n 1 | grep -q '[a-z]' && fail "--progress: the line was not cleared"
"$pith" -o "$tmp/out4" "$page" "$page" 2>"$tmp/err"
grep -q 'pages/s' "$tmp/err" && fail "progress shown on a stderr that is no terminal"
"$pith" -j 0 "$page" >/dev/null 2>&1
[ $? -eq 2 ] || fail "-j 0 is not a usage error"

if [ "$failures" -gt 0 ]; then
    echo "test-warc: $failures check(s) failed"
    exit 1
fi
echo "test-warc: all checks passed"

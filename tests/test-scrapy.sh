#!/bin/sh
# pith.scrapy.PithMiddleware in a real crawl with Debian's python3-scrapy:
# a spider crawls a small site served on 127.0.0.1 (warc_tools.py serve)
# and every item's "pith" record and Markdown equal what the pith command
# gives for the same page with the same URL and charset. A missing
# python3-scrapy fails the test.
name=test-scrapy.sh module=scrapy
# shellcheck source=tests/python_env.sh
. "${top_srcdir:-$(dirname "$0")/..}/tests/python_env.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/pith-scrapy.XXXXXX") || exit 99
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir "$work/site"
i=0
links=
for page in $(ls "$corpus"/*.html | head -n 4); do
    i=$((i + 1))
    cp "$page" "$work/site/page-$i.html"
    links="$links<li><a href=\"page-$i.html\">page $i</a></li>"
done
echo "<html><body><ul>$links</ul></body></html>" > "$work/site/index.html"
"$py" "$top_srcdir/tests/warc_tools.py" serve "$work/site" "$work/port" &
server=$!
n=0
while [ ! -s "$work/port" ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
port=$(cat "$work/port") || { echo "FAIL: the server did not start"; exit 1; }

cat > "$work/crawl.py" <<'PY'
import sys
import scrapy
from scrapy.crawler import CrawlerProcess

class Site(scrapy.Spider):
    name = "site"
    start_urls = [sys.argv[1]]

    def parse(self, response):
        if response.url.endswith("/index.html"):
            yield from response.follow_all(css="a", callback=self.parse)
        else:
            yield {"url": response.url}

process = CrawlerProcess(settings={
    "SPIDER_MIDDLEWARES": {"pith.scrapy.PithMiddleware": 543},
    "PITH_FORMATS": ["markdown"],
    "FEEDS": {sys.argv[2]: {"format": "jsonlines"}},
    "LOG_LEVEL": "WARNING",
    "ROBOTSTXT_OBEY": False,
    "TELNETCONSOLE_ENABLED": False,
    "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
})
process.crawl(Site)
process.start()
PY
timeout 120 "$py" "$work/crawl.py" "http://127.0.0.1:$port/index.html" "$work/items.jsonl" ||
    { echo "FAIL: the crawl failed"; exit 1; }

# Every item against the command on the same page, URL and charset.
status=0
"$py" - "$work/items.jsonl" "$pith" "$work/site" <<'PY' || status=1
import json, os, subprocess, sys
items = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
pith, site = sys.argv[2], sys.argv[3]
assert len(items) == 4, f"{len(items)} items, not 4"
for item in items:
    url = item["url"]
    page = os.path.join(site, url.rsplit("/", 1)[1])
    args = [pith, "-u", url, "-e", "utf-8", page]
    record = json.loads(subprocess.run(args[:1] + ["-f", "json"] + args[1:], check=True,
                                       capture_output=True).stdout)
    record.pop("source")
    got = dict(item["pith"])
    markdown = got.pop("markdown")
    assert got == record, (url, sorted(set(got.items()) ^ set(record.items()), key=str)[:4])
    want = subprocess.run(args[:1] + ["-f", "md"] + args[1:], check=True,
                          capture_output=True).stdout.decode("utf-8")
    assert markdown.rstrip("\n") == want.rstrip("\n"), url
    assert record["words"] > 0, url
print(f"{len(items)} items equal the command's records and Markdown")
PY
exit $status

#!/usr/bin/env python3
"""Check the Markdown, HTML and JSON output of every page of a dataset.

    check_formats.py OUTDIR

OUTDIR holds, per page, <id>.txt, <id>.md (rendered without images),
<id>.html and <id>.json, as `corpus_run -I -f md -f html -f json` writes them.
- Markdown: parsed back by an independent CommonMark parser (cmark-gfm with
  its table extension) to HTML; the text of that HTML must equal the text
  output after whitespace normalisation.
- HTML: well-formed (xmllint), and free of script, style, event handlers and
  script URLs.
- JSON: parses, and has every documented key.
Exits 1 listing the pages that fail.
"""
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

BLOCK = {"p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote",
         "br", "table", "ul", "ol", "thead", "tbody", "div", "hr", "figure", "figcaption", "img"}
KEYS = {"title", "headline", "authors", "published", "modified", "site_name", "description",
        "language", "direction", "url", "image", "tags", "page_type", "encoding", "layer", "confidence", "words",
        "sentences", "paragraphs", "text"}
SPACE = re.compile(r"\s+")


class Text(HTMLParser):
    """The text of an HTML fragment, with a space at block boundaries."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK:
            self.out.append(" ")

    handle_endtag = lambda self, tag: self.out.append(" ") if tag in BLOCK else None

    def handle_data(self, data):
        self.out.append(data)


class Unsafe(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "iframe", "object", "embed", "form"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append(f"{name}= on <{tag}>")
            if name in ("href", "src") and value and not re.match(r"(?i)(https?|mailto|ftp):", value):
                self.problems.append(f"{name}={value[:40]!r}")


def norm(s):
    return SPACE.sub(" ", s).strip()


def main():
    out = Path(sys.argv[1])
    bad = []
    pages = sorted(out.glob("*.txt"))
    for txt in pages:
        stem = txt.with_suffix("")
        text = txt.read_text(encoding="utf-8")
        md = stem.with_suffix(".md").read_bytes()
        html = subprocess.run(["cmark-gfm", "-e", "table", "-t", "html"], input=md,
                              capture_output=True, check=True).stdout.decode("utf-8")
        t = Text()
        t.feed(html)
        t.close()
        if norm("".join(t.out)) != norm(text):
            bad.append(f"{stem.name}: Markdown text differs from the text output")
        page = stem.with_suffix(".html")
        lint = subprocess.run(["xmllint", "--noout", str(page)], capture_output=True)
        if lint.returncode != 0:
            bad.append(f"{stem.name}: HTML not well-formed: {lint.stderr.decode()[:200]}")
        u = Unsafe()
        u.feed(page.read_text(encoding="utf-8"))
        if u.problems:
            bad.append(f"{stem.name}: unsafe HTML: {u.problems[:3]}")
        try:
            doc = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
            missing = KEYS - set(doc)
            if missing:
                bad.append(f"{stem.name}: JSON lacks {sorted(missing)}")
            elif doc["text"] != text:
                bad.append(f"{stem.name}: JSON text differs from the text output")
        except ValueError as e:
            bad.append(f"{stem.name}: JSON does not parse: {e}")
    for line in bad:
        print(line)
    print(f"{len(pages)} pages: {len(pages) - len({b.split(':')[0] for b in bad})} pass every format check")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

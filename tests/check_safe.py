#!/usr/bin/env python3
"""Safe output, checked by independent parsers (issue 19).

    check_safe.py PITH HOSTILE_DIR

Runs the CLI PITH on every page of HOSTILE_DIR in every format and checks,
with html5lib parsing as a browser does:
- html (fragment and --standalone page, links and images on): no element
  that runs or loads active content, no event-handler attribute, no style
  attribute with expression() or url(), every URL attribute http, https or
  mailto (relative ones resolved against the page URL first);
- markdown: rendered by cmark-gfm --unsafe (which keeps raw HTML), the
  same checks, so any raw HTML that pith leaks shows;
- explain: the page loads nothing (no script, frame, object, remote image,
  stylesheet link, CSS url() or @import off the page) and has no event
  handler;
- json: parses, and its "content" (--json-content html) passes the html check;
- every format still has the page's ordinary paragraph.
Exits 1 listing every problem.
"""
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import html5lib

PAGE_URL = "https://example.org/news/harbour.html"
# The paragraph every hostile page has, as words that survive every format.
MARKER = "breakwater before the sun rose over the hills"
# Text that looks like markup must come out as that text, escaped.
AS_TEXT = {"text.html": ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>"]}
ACTIVE = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
          "form", "input", "button", "textarea", "select", "base", "link", "meta", "noscript",
          "template", "svg", "math", "video", "audio", "source", "track", "param", "portal"}
URL_ATTRS = {"href", "src", "srcset", "action", "formaction", "poster", "xlink:href",
             "background", "cite", "data", "longdesc", "usemap", "lowsrc", "dynsrc", "ping",
             "manifest", "codebase", "archive", "classid", "profile", "icon"}
SAFE_SCHEMES = {"http", "https", "mailto"}
# What cmark-gfm writes for Markdown (and html5lib adds around it): any other
# element in the rendering is raw HTML that pith let through.
CMARK_ELEMENTS = {"html", "head", "body", "p", "a", "img", "em", "strong", "code", "pre", "h1",
                  "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "hr", "br",
                  "table", "thead", "tbody", "tr", "th", "td", "del"}
BAD_CSS = re.compile(r"(?i)expression\s*\(|url\s*\(|@import|behavio(u)?r\s*:|-moz-binding|javascript:")


def local(tag):
    """The local name of an etree tag ("{ns}svg" -> "svg"), lowercased."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else "!-- (a comment)"


def attr_name(name):
    if name.startswith("{http://www.w3.org/1999/xlink}"):
        return "xlink:" + name.rsplit("}", 1)[-1]
    return name.rsplit("}", 1)[-1].lower()


def url_ok(value):
    """Does a browser, resolving `value` against the page URL, land on http,
    https or mailto? It drops ASCII tab and newlines and leading/trailing
    C0 controls and spaces first (WHATWG URL), as we do here."""
    v = re.sub(r"[\t\n\r]", "", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"
                                                 "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17"
                                                 "\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    try:
        scheme = urlsplit(urljoin(PAGE_URL, v)).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES


def html_problems(markup, allowed=frozenset(), only=None):
    """Everything unsafe in `markup` as html5lib parses it; with `only`, every
    element not in it too."""
    root = html5lib.parse(markup, treebuilder="etree", namespaceHTMLElements=False)
    out = []
    for el in root.iter():
        tag = local(el.tag)
        if only is not None and tag not in only:
            out.append(f"raw <{tag}>")
        if tag in ACTIVE and tag not in allowed:
            out.append(f"<{tag}>")
        for name, value in el.attrib.items():
            n = attr_name(name)
            if n.startswith("on"):
                out.append(f"{n}= on <{tag}>")
            elif n == "style" and BAD_CSS.search(value):
                out.append(f"style={value[:40]!r} on <{tag}>")
            elif n == "srcset":
                for cand in value.split(","):
                    u = cand.strip().split(" ")[0]
                    if u and not url_ok(u):
                        out.append(f"srcset entry {u[:40]!r} on <{tag}>")
            elif n in URL_ATTRS and not url_ok(value):
                out.append(f"{n}={value[:40]!r} on <{tag}>")
            elif n == "http-equiv" and value.strip().lower() == "refresh":
                out.append("meta refresh")
    return out, "".join(root.itertext())


def explain_problems(markup):
    """The explain view must load nothing: no script, frame, object, remote
    image or stylesheet, no CSS url() or @import off the page, no handler.
    Its own <style> and meta (charset, CSP) are allowed."""
    root = html5lib.parse(markup, treebuilder="etree", namespaceHTMLElements=False)
    out = []
    for el in root.iter():
        tag = local(el.tag)
        if tag in ("script", "iframe", "frame", "object", "embed", "applet", "base", "portal",
                   "form", "video", "audio", "source"):
            out.append(f"<{tag}>")
        if tag == "link":
            out.append(f"<link rel={el.get('rel')!r}>")
        if tag == "meta" and (el.get("http-equiv") or "").strip().lower() == "refresh":
            out.append("meta refresh")
        if tag == "style" and re.search(r"(?i)url\s*\(\s*['\"]?(?!#|data:image/svg)|@import", "".join(el.itertext())):
            out.append("CSS url() or @import in <style>")
        for name, value in el.attrib.items():
            n = attr_name(name)
            if n.startswith("on"):
                out.append(f"{n}= on <{tag}>")
            elif n == "style" and BAD_CSS.search(value):
                out.append(f"style={value[:40]!r} on <{tag}>")
            elif n in ("src", "srcset", "data", "poster", "background", "xlink:href"):
                out.append(f"{n}={value[:40]!r} on <{tag}> (loads)")
    return out, "".join(root.itertext())


def run(pith, args, page, url=True):
    r = subprocess.run([pith, *(["-u", PAGE_URL] if url else []), *args, str(page)],
                       capture_output=True)
    if r.returncode != 0:
        raise RuntimeError(f"pith {' '.join(args)} exit {r.returncode}: {r.stderr.decode()[:200]}")
    return r.stdout.decode("utf-8")


def norm(s):
    return re.sub(r"\s+", " ", s)


def main():
    pith, folder = sys.argv[1], Path(sys.argv[2])
    pages = sorted(folder.glob("*.html"))
    bad = []
    for page in pages:
        name = page.name

        def report(fmt, problems, text):
            for p in problems:
                bad.append(f"{name} {fmt}: {p}")
            if MARKER not in norm(text):
                bad.append(f"{name} {fmt}: the ordinary paragraph is missing")
            for want in AS_TEXT.get(name, []):
                if want not in text:
                    bad.append(f"{name} {fmt}: {want!r} is not in the text")

        try:
            txt = run(pith, ["-f", "txt"], page)
            report("txt", [], txt)
            for fmt, args in (("html", ["-f", "html"]),
                              ("html --standalone", ["-f", "html", "--standalone"]),
                              ("html --comments", ["-f", "html", "--comments"])):
                # A page has the head's own <meta charset> and <style>-free head.
                allowed = {"meta"} if "--standalone" in args else frozenset()
                out = run(pith, args, page)
                problems, text = html_problems(out, allowed)
                if "--standalone" in args:
                    problems += [p for p in explain_problems(out)[0] if p.startswith("<link") or
                                 "refresh" in p]
                report(fmt, problems, text)
            # Without a page URL, relative references stay relative.
            report("html, no URL", *html_problems(run(pith, ["-f", "html"], page, url=False)))
            for fmt, url in (("markdown", True), ("markdown, no URL", False)):
                md = run(pith, ["-f", "markdown"], page, url)
                rendered = subprocess.run(["cmark-gfm", "--unsafe", "-e", "table", "-e",
                                           "autolink", "-e", "strikethrough", "-t", "html"],
                                          input=md.encode(), capture_output=True,
                                          check=True).stdout.decode("utf-8")
                report(fmt, *html_problems(rendered, only=CMARK_ELEMENTS))
            doc = json.loads(run(pith, ["-f", "json", "--json-content", "html"], page))
            report("json", [], doc.get("text", ""))
            report("json content", *html_problems(doc.get("content", "")))
            report("explain", *explain_problems(run(pith, ["-f", "explain"], page)))
        except (RuntimeError, ValueError, subprocess.CalledProcessError) as e:
            bad.append(f"{name}: {e}")
    for line in bad:
        print(line)
    print(f"{len(pages)} hostile pages, 10 outputs each: {len(bad)} problems")
    return 1 if bad or not pages else 0


if __name__ == "__main__":
    sys.exit(main())

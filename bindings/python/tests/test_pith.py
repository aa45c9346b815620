"""Tests of the pith Python package against the libpith it loads: extraction,
metadata, the formats of Document.render(), lifetime and threads.

Run from the checkout with the library built:
    PITH_LIBRARY=_build/lib/.libs/libpith.so PYTHONPATH=bindings/python \
        python3 -m unittest discover -s bindings/python/tests -v
"""

import gc
import html.parser
import json
import os
import re
import threading
import unittest
from pathlib import Path

import pith

REPO = Path(__file__).resolve().parents[3]
SHARED = Path(os.environ.get("PITH_SHARED") or REPO.parent / "shared")

ARTICLE = [
    "The river authority opened the new fish pass at Kelling weir on Monday, "
    "the first time in a century that salmon can swim past the old mill.",
    "Engineers spent two summers building a staircase of shallow pools beside "
    "the weir, each one a few centimetres higher than the last, so that fish "
    "can rest as they climb.",
    "Volunteers will count the fish that use it from a small hut on the bank, "
    "and the authority says it will publish the numbers every month.",
]

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Fish pass opens at Kelling weir</title></head>
<body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News desk</a></li>
<li><a href="/weather">Weather forecast</a></li><li><a href="/contact">Contact us</a></li></ul></nav>
<article><h1>Fish pass opens at Kelling weir</h1>
<p>{0}</p><p>{1}</p><p>{2}</p></article>
<footer><p>Copyright 2026 Example Gazette. All rights reserved.</p></footer>
</body></html>""".format(*ARTICLE)


# A page that states its metadata in JSON-LD, OpenGraph, <meta> and <html
# lang>, with the structures every format has to carry.
META_PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Otters return to the Wenn valley | Valley Chronicle</title>
<meta property="og:site_name" content="Valley Chronicle">
<meta name="description" content="Ten years after the clean-up, otters breed again on the upper Wenn.">
<meta name="keywords" content="wildlife, rivers">
<link rel="canonical" href="https://chronicle.example/nature/otters-return">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Otters return to the Wenn valley",
 "author": [{"@type": "Person", "name": "Amara Lind"}, {"@type": "Person", "name": "Jonas Pike"}],
 "datePublished": "2026-04-02T07:30:00+01:00", "dateModified": "2026-04-03",
 "publisher": {"@type": "Organization", "name": "Valley Chronicle"},
 "image": "https://chronicle.example/img/otter.jpg"}
</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/nature">Nature</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Otters return to the Wenn valley</h1>
<p>Volunteers counting wildlife on the upper Wenn found fresh otter tracks and a holt
with two cubs last week, the first breeding record on the river for more than thirty years.</p>
<h2>How the river recovered</h2>
<p>The clean-up began in 2016, when the old tannery outfall was closed and
<a href="https://chronicle.example/nature/tannery">the banks were replanted</a> with
<em>alder</em> and <strong>willow</strong> by local schools.</p>
<script>document.write("tracker")</script>
<ul><li>Fish stocks doubled within five years</li><li>Kingfishers were seen again from 2020</li>
<li>Water voles followed in 2023</li></ul>
<h2>What happens next</h2>
<p>The wildlife trust will fit two camera traps near the holt and asks walkers to keep
dogs on leads along the stretch between the mill and the footbridge.</p>
<figure><img src="https://chronicle.example/img/otter.jpg" alt="An otter on the bank">
<figcaption>An otter on the upper Wenn.</figcaption></figure>
<table><tr><th>Year</th><th>Sightings</th></tr><tr><td>2024</td><td>12</td></tr>
<tr><td>2025</td><td>31</td></tr></table>
<p>Anyone who sees an otter is asked to report the time and place to the trust, which
keeps a public map of every sighting on its website.</p>
</article>
<footer>Copyright 2026 Valley Chronicle</footer>
</body></html>"""

JSON_KEYS = {
    "title", "headline", "authors", "published", "modified", "site_name", "description",
    "language", "direction", "url", "image", "tags", "page_type", "encoding",
    "layer", "confidence", "words", "paragraphs", "text",
}


def html_escape(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


class TagCollector(html.parser.HTMLParser):
    """Start tags and their attributes; fails on tags left open or closed
    out of order (void elements aside)."""

    VOID = {"img", "br", "hr", "meta", "link", "input", "source", "wbr", "col"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.open, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.open or self.open.pop() != tag:
            self.errors.append(f"</{tag}> does not close the open element")


def squash(s):
    """Whitespace collapsed, as the evaluation compares snippets."""
    return re.sub(r"\s+", " ", s).strip()


class ExtractTest(unittest.TestCase):
    def test_article_kept_and_navigation_dropped(self):
        doc = pith.extract(PAGE.encode("utf-8"))
        for paragraph in ARTICLE:
            self.assertIn(paragraph, doc.text)
        for furniture in ("News desk", "Weather forecast", "All rights reserved"):
            self.assertNotIn(furniture, doc.text)

    def test_one_block_per_line(self):
        lines = [l for l in pith.extract(PAGE).text.split("\n") if l]
        for paragraph in ARTICLE:
            self.assertIn(paragraph, lines)

    def test_title(self):
        self.assertEqual(pith.extract(PAGE).title, "Fish pass opens at Kelling weir")

    def test_str_and_bytes_give_the_same_document(self):
        from_bytes = pith.extract(PAGE.encode("utf-8"))
        from_str = pith.extract(PAGE)
        self.assertEqual(from_bytes.text, from_str.text)
        self.assertEqual(from_bytes.title, from_str.title)

    def test_str_is_read_as_utf8_whatever_the_page_declares(self):
        words = "Zoë and Dvořák met at the café in Łódź for a crème brûlée. " * 3
        page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(ARTICLE[1], words)
        self.assertIn(words.strip(), pith.extract(page).text)

    def test_encoding_hint_for_bytes(self):
        words = "Городская дума утвердила новый план реконструкции набережной. " * 3
        page = PAGE.replace('<meta charset="utf-8">', "").replace(ARTICLE[0], words)
        doc = pith.extract(page.encode("windows-1251"), encoding="windows-1251")
        self.assertIn(words.strip(), doc.text)

    def test_bytes_like_inputs(self):
        expected = pith.extract(PAGE).text
        data = PAGE.encode("utf-8")
        self.assertEqual(pith.extract(bytearray(data)).text, expected)
        self.assertEqual(pith.extract(memoryview(data)).text, expected)

    def test_url_keyword(self):
        doc = pith.extract(PAGE, url="https://news.example.org/2026/kelling-fish-pass")
        self.assertEqual(doc.text, pith.extract(PAGE).text)

    def test_keep_title(self):
        kept = pith.extract(PAGE, keep_title=True).text.split("\n")
        dropped = pith.extract(PAGE).text.split("\n")
        self.assertEqual(kept[0], "Fish pass opens at Kelling weir")
        self.assertNotEqual(dropped[0], "Fish pass opens at Kelling weir")

    def test_favor(self):
        words = {}
        for favor in ("precision", "balanced", "recall"):
            with pith.extract(PAGE, favor=favor) as doc:
                words[favor] = len(doc.text.split())
        self.assertLessEqual(words["precision"], words["balanced"])
        self.assertLessEqual(words["balanced"], words["recall"])
        with self.assertRaisesRegex(ValueError, "favor='speed'.*'precision'"):
            pith.extract(PAGE, favor="speed")

    def test_page_type(self):
        for page_type in ("product", "blog", "forum", "documentation"):
            with pith.extract(PAGE, page_type=page_type) as doc:
                self.assertEqual(doc.page_type, page_type)
        with pith.extract(PAGE) as doc:
            self.assertEqual(doc.page_type, "article")
        cards = (REPO / "tests" / "data" / "pagetype" / "collection.html").read_bytes()
        kept = {}
        for page_type in ("article", "collection"):
            with pith.extract(cards, page_type=page_type) as doc:
                names = ("Oak desk lamp", "Cotton rug", "Glass carafe", "Felt slippers")
                kept[page_type] = sum(name in doc.text for name in names)
        self.assertGreater(kept["collection"], kept["article"])
        self.assertEqual(pith.extract_dict(PAGE, page_type="service")["page_type"], "service")
        with self.assertRaisesRegex(pith.OptionError, r"page_type='recipe'.*'article'.*'service'") as caught:
            pith.extract(PAGE, page_type="recipe")
        self.assertEqual(caught.exception.status, pith.Status.OPTION_VALUE)
        with self.assertRaises(TypeError):
            pith.extract(PAGE, page_type=3)

    def test_confidence(self):
        with pith.extract(PAGE) as doc:
            self.assertIsInstance(doc.confidence, float)
            self.assertGreaterEqual(doc.confidence, 0.0)
            self.assertLessEqual(doc.confidence, 1.0)
            self.assertAlmostEqual(doc.to_dict()["confidence"], doc.confidence, places=2)

    def test_comments(self):
        here = Path(__file__).resolve().parents[3] / "tests" / "data" / "comments"
        page = (here / "wordpress.html").read_bytes()
        with pith.extract(page) as doc:
            obj = doc.to_dict()
            self.assertEqual([c._asdict() for c in doc.comments], obj["comments"])
            self.assertEqual([c.depth for c in doc.comments], [0, 1, 0])
            self.assertEqual(doc.comments[0].author, "Maria Lopez")
            self.assertEqual(doc.comments[0].published, "2024-05-03T09:14:00Z")
            for c in doc.comments:
                self.assertNotIn(c.text, doc.text)
            plain = doc.render("text")
            with_comments = doc.render("text", comments=True)
            self.assertNotIn("Comments", plain)
            self.assertTrue(with_comments.startswith(plain))
            self.assertIn(doc.comments[2].text, with_comments)
        with pith.extract(PAGE) as doc:
            self.assertEqual(doc.comments, [])
            self.assertEqual(doc.render("text", comments=True), doc.render("text"))

    def test_empty_input_gives_an_empty_document(self):
        for empty in (b"", ""):
            doc = pith.extract(empty)
            self.assertEqual((doc.text, doc.title), ("", ""))

    def test_page_without_article_is_not_an_error(self):
        doc = pith.extract(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
        self.assertIsInstance(doc.text, str)


class MetadataTest(unittest.TestCase):
    def test_title_as_declared_and_headline(self):
        page = META_PAGE.replace(
            '<meta property="og:site_name"',
            '<meta property="og:title" content="Otters return | Valley Chronicle">'
            '<meta property="og:site_name"').replace('"headline": "Otters return to the Wenn valley",', '')
        with pith.extract(page) as doc:
            # the headline is the page's h1, which the reader sees
            self.assertEqual(doc.title, "Otters return | Valley Chronicle")
            self.assertEqual(doc.headline, "Otters return to the Wenn valley")
        # without an h1, the declared title with its site part split off
        with pith.extract(re.sub(r"<h1>.*?</h1>", "", page)) as doc:
            self.assertEqual(doc.title, "Otters return | Valley Chronicle")
            self.assertEqual(doc.headline, "Otters return")

    def test_fields_of_a_page_that_states_them(self):
        with pith.extract(META_PAGE) as doc:
            self.assertEqual(doc.title, "Otters return to the Wenn valley")
            self.assertEqual(doc.headline, "Otters return to the Wenn valley")
            self.assertEqual(doc.authors, ["Amara Lind", "Jonas Pike"])
            self.assertEqual(doc.published, "2026-04-02T07:30:00+01:00")
            self.assertEqual(doc.modified, "2026-04-03")
            self.assertEqual(doc.site_name, "Valley Chronicle")
            self.assertEqual(doc.language, "en-GB")
            self.assertEqual(doc.direction, "ltr")
            self.assertEqual(doc.url, "https://chronicle.example/nature/otters-return")
            self.assertEqual(doc.image, "https://chronicle.example/img/otter.jpg")
            self.assertIn("otters breed again", doc.description)
            self.assertEqual(doc.tags, ["wildlife", "rivers"])
            self.assertEqual(doc.page_type, "article")
            self.assertEqual(doc.encoding, "UTF-8")
            self.assertIn(doc.encoding_source, ("hint", "meta"))
            self.assertIsInstance(doc.layer, str)

    def test_absent_fields_are_none_or_empty_lists(self):
        with pith.extract(PAGE) as doc:
            for name in ("published", "modified", "site_name", "description", "url", "image"):
                self.assertIsNone(getattr(doc, name), name)
            self.assertEqual(doc.authors, [])
            self.assertEqual(doc.tags, [])

    def test_attributes_match_the_json(self):
        with pith.extract(META_PAGE) as doc:
            obj = doc.to_dict()
            for name in ("title", "authors", "published", "modified", "site_name",
                         "description", "language", "direction", "url", "image",
                         "tags", "page_type", "layer"):
                self.assertEqual(getattr(doc, name), obj[name], name)
            self.assertEqual(obj["encoding"], {"name": doc.encoding, "source": doc.encoding_source})
            self.assertEqual(obj["text"], doc.text)


class RenderTest(unittest.TestCase):
    def setUp(self):
        self.doc = pith.extract(META_PAGE)
        self.addCleanup(self.doc.close)

    def test_markdown(self):
        md = self.doc.render()  # markdown is the default
        self.assertEqual(md, self.doc.render("markdown"))
        self.assertEqual(md, self.doc.render("md"))
        self.assertEqual(md, self.doc.render(pith.FORMAT_MARKDOWN))
        self.assertRegex(md, r"(?m)^#+ How the river recovered$")
        self.assertRegex(md, r"(?m)^#+ What happens next$")
        for item in ("Fish stocks doubled within five years",
                     "Kingfishers were seen again from 2020", "Water voles followed in 2023"):
            self.assertRegex(md, r"(?m)^- " + re.escape(item) + "$")
        self.assertIn("[the banks were replanted](https://chronicle.example/nature/tannery)", md)
        self.assertIn("![An otter on the bank](https://chronicle.example/img/otter.jpg)", md)
        self.assertIn("*alder*", md)
        self.assertIn("**willow**", md)
        self.assertRegex(md, r"(?m)^\| *2025 *\| *31 *\|$")
        self.assertNotIn("tracker", md)
        self.assertNotIn("Sport", md)

    def test_html_fragment(self):
        out = self.doc.render("html")
        self.assertTrue(out.startswith("<article>"), out[:40])
        parser = TagCollector()
        parser.feed(out)
        parser.close()
        self.assertEqual(parser.errors, [])
        self.assertEqual(parser.open, [])
        tags = [tag for tag, _ in parser.tags]
        self.assertNotIn("script", tags)
        self.assertNotIn("style", tags)
        for tag in ("article", "h2", "p", "ul", "li", "a", "em", "strong", "img", "table"):
            self.assertIn(tag, tags)
        for tag, attrs in parser.tags:
            self.assertFalse([a for a in attrs if a.startswith("on")], (tag, attrs))
            for a in ("href", "src"):
                if a in attrs:
                    self.assertRegex(attrs[a], r"^(https?:|mailto:)", (tag, attrs))
        self.assertNotIn("tracker", out)

    def test_html_standalone(self):
        out = self.doc.render("html", standalone=True)
        self.assertRegex(out, r"^<!DOCTYPE html>")
        parser = TagCollector()
        parser.feed(out)
        parser.close()
        self.assertEqual(parser.errors, [])
        tags = dict(parser.tags)
        self.assertEqual(tags["html"].get("lang"), "en-GB")
        self.assertIn("<title>Otters return to the Wenn valley</title>", out)

    def test_json(self):
        out = self.doc.render("json")
        self.assertNotIn("\n", out)  # one line, as JSON Lines want it
        obj = json.loads(out)
        self.assertLessEqual(JSON_KEYS, set(obj))
        self.assertNotIn("content", obj)
        self.assertEqual(obj["authors"], ["Amara Lind", "Jonas Pike"])
        self.assertIsInstance(obj["words"], int)

    def test_json_content(self):
        for name, fmt, marker in (("markdown", "markdown", "## How the river recovered"),
                                  ("html", "html", "<h2>How the river recovered</h2>")):
            with self.subTest(name):
                obj = json.loads(self.doc.render("json", json_content=name))
                self.assertEqual(obj["format"], fmt)
                self.assertIn(marker, obj["content"])
                self.assertEqual(obj, self.doc.to_dict(json_content=name))

    def test_text_is_the_documents_text(self):
        self.assertEqual(self.doc.render("text"), self.doc.text)
        self.assertEqual(self.doc.render("TXT"), self.doc.text)
        self.assertEqual(self.doc.render(pith.Format.TEXT), self.doc.text)

    def test_options(self):
        md = self.doc.render("md", links=False)
        without_images = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", md)
        self.assertNotIn("](", without_images)
        self.assertIn("![", md)  # only links are gone
        self.assertIn("the banks were replanted", md)
        md = self.doc.render("md", links=False, images=False)
        self.assertNotIn("](", md)
        self.assertNotIn("![", md)
        md = self.doc.render("md", formatting=False)
        self.assertNotIn("*alder*", md)
        self.assertIn("alder", md)
        md = self.doc.render("md", tables=False)
        self.assertNotIn("| 2025", md)
        self.assertNotIn("<table", self.doc.render("html", tables=False))
        self.assertNotIn("<img", self.doc.render("html", images=False))
        self.assertNotIn("<a ", self.doc.render("html", links=False))

    def test_render_again_gives_the_same_string(self):
        self.assertEqual(self.doc.render("html"), self.doc.render("html"))

    def test_bad_formats(self):
        with self.assertRaises(ValueError):
            self.doc.render("pdf")
        with self.assertRaises(TypeError):
            self.doc.render(None)
        with self.assertRaises(TypeError):
            self.doc.render(True)
        with self.assertRaises(pith.PithError) as caught:
            self.doc.render(99)
        self.assertEqual(caught.exception.status, pith.Status.OPTION_VALUE)
        with self.assertRaises(pith.PithError) as caught:
            self.doc.render("json", json_content="text")
        self.assertEqual(caught.exception.status, pith.Status.OPTION_VALUE)


class ExplainTest(unittest.TestCase):
    HOSTILE = (
        "<html><head><title>Hostile</title><script>fetch('https://evil.example/a')</script>"
        "<style>body{background:url(https://evil.example/b.png)}</style></head>"
        "<body onload=\"alert(1)\"><div id=\"main\"><p onclick=\"alert(2)\">A paragraph "
        "long enough to be kept by the extractor, with commas, clauses, and words, and "
        "more words after them.</p><p><a href=\"javascript:alert(3)\">a link</a> "
        "<img src=\"https://evil.example/c.png\" onerror=\"alert(4)\"></p>"
        "<p>&lt;script&gt;alert(5)&lt;/script&gt; and \"quotes\" and <b>broken <i>markup"
        "</p></div><div class=\"share\"><a href=\"https://evil.example/d\">Share</a></div>"
    )

    def test_explain_keeps_the_text(self):
        with pith.extract(META_PAGE) as plain, pith.extract(META_PAGE, explain=True) as d:
            self.assertEqual(d.text, plain.text)
            self.assertEqual(d.render("markdown"), plain.render("markdown"))
            self.assertEqual(d.to_dict(), plain.to_dict())
            out = d.explain()
            self.assertEqual(out, d.render("explain"))
            self.assertEqual(out, d.render(pith.FORMAT_EXPLAIN))
        self.assertTrue(out.startswith("<!DOCTYPE html>"))
        self.assertIn("Content-Security-Policy", out)
        for line in plain.text.splitlines():
            self.assertIn(html_escape(line), out)

    def test_explain_needs_the_option(self):
        with pith.extract(META_PAGE) as d:
            with self.assertRaises(pith.PithError) as e:
                d.explain()
            self.assertEqual(e.exception.status, pith.Status.INVALID_ARGUMENT)

    def test_hostile_page_loads_nothing(self):
        with pith.extract(self.HOSTILE, explain=True) as d:
            out = d.explain()
        parser = TagCollector()
        parser.feed(out)
        parser.close()
        self.assertEqual(parser.errors, [])
        for tag, attrs in parser.tags:
            self.assertNotEqual(tag, "script")
            for name in attrs:
                self.assertFalse(name.startswith("on"), (tag, name))
                self.assertNotIn(name, ("src", "href", "srcset", "action", "style"), (tag, name))
        self.assertNotIn("<script", out)
        self.assertIn("&lt;script&gt;alert(5)", out)


class LifetimeTest(unittest.TestCase):
    def test_with_closes(self):
        with pith.extract(PAGE) as doc:
            self.assertFalse(doc.closed)
            doc.render()
        self.assertTrue(doc.closed)

    def test_closing_twice_is_safe(self):
        doc = pith.extract(PAGE)
        doc.close()
        doc.close()
        with doc:
            pass
        self.assertTrue(doc.closed)

    def test_attributes_outlive_close(self):
        doc = pith.extract(META_PAGE)
        text, authors = doc.text, doc.authors
        doc.close()
        self.assertEqual((doc.text, doc.authors), (text, authors))
        self.assertEqual(doc.title, "Otters return to the Wenn valley")
        self.assertIn("closed", repr(doc))

    def test_render_after_close_raises_value_error(self):
        doc = pith.extract(PAGE)
        doc.close()
        for fmt in ("text", "markdown", "html", "json"):
            with self.assertRaises(ValueError):
                doc.render(fmt)
        with self.assertRaises(ValueError):
            doc.to_dict(json_content="html")  # needs the C document

    def test_unclosed_documents_are_collected(self):
        for _ in range(200):
            doc = pith.extract(PAGE)
            doc.render()
        del doc
        gc.collect()

    def test_repr(self):
        with pith.extract(PAGE) as doc:
            self.assertIn("Fish pass", repr(doc))


class ErrorTest(unittest.TestCase):
    def test_wrong_types_raise_type_error(self):
        for bad in (None, 42, ["<p>x</p>"], 3.5):
            with self.assertRaises(TypeError):
                pith.extract(bad)
        with self.assertRaises(TypeError):
            pith.extract(PAGE, url=b"https://example.org/")
        with self.assertRaises(TypeError):
            pith.extract(PAGE, encoding=1251)
        with self.assertRaises(TypeError):
            pith.extract(PAGE, max_input_size="10")

    def test_nul_in_a_string_option(self):
        with self.assertRaises(ValueError):
            pith.extract(PAGE, url="https://example.org/\0evil")

    def test_input_too_large(self):
        with self.assertRaises(pith.PithError) as caught:
            pith.extract(PAGE, max_input_size=100)
        err = caught.exception
        self.assertEqual(err.status, pith.Status.INPUT_TOO_LARGE)
        self.assertIsInstance(err.status, int)
        self.assertTrue(err.message)
        self.assertIn(err.message, str(err))

    def test_limit_is_inclusive(self):
        data = PAGE.encode("utf-8")
        pith.extract(data, max_input_size=len(data))
        with self.assertRaises(pith.PithError):
            pith.extract(data, max_input_size=len(data) - 1)

    def test_option_out_of_range(self):
        for bad in (0, -1, 2**40, 2**70):
            with self.assertRaises(pith.PithError) as caught:
                pith.extract(PAGE, max_input_size=bad)
            self.assertEqual(caught.exception.status, pith.Status.OPTION_VALUE)

    def test_each_limit_has_its_status(self):
        deep = "<div>" * 40 + PAGE + "</div>" * 40
        cases = [
            (dict(max_depth=16), deep, pith.Status.TOO_DEEP),
            (dict(max_nodes=5), PAGE, pith.Status.TOO_MANY_NODES),
            (dict(max_output_size=10), PAGE, pith.Status.OUTPUT_TOO_LARGE),
        ]
        for limits, page, status in cases:
            with self.subTest(**limits):
                with self.assertRaises(pith.PithError) as caught:
                    pith.extract(page, **limits)
                self.assertEqual(caught.exception.status, status)

    def test_error_for_an_unknown_code(self):
        err = pith.PithError(1000)
        self.assertEqual(err.status, 1000)
        self.assertEqual(err.message, "unknown status")


class HeaderTest(unittest.TestCase):
    """The package's copies of pith.h's enum values are pith.h's values."""

    @staticmethod
    def header_values(prefix):
        text = (REPO / "include" / "pith.h").read_text()
        return {m.group(1): int(m.group(2))
                for m in re.finditer(r"\b" + prefix + r"([A-Z0-9_]+) = (\d+)", text)}

    def test_options_formats_fields(self):
        from pith import _lib
        for prefix in ("OPT_", "FORMAT_", "FIELD_"):
            values = self.header_values("PITH_" + prefix)
            self.assertTrue(values, prefix)
            for name, value in values.items():
                self.assertEqual(getattr(_lib, prefix + name, None), value, prefix + name)
            ours = {n[len(prefix):] for n in dir(_lib) if n.startswith(prefix)}
            self.assertEqual(ours - set(values), set(), "values pith.h does not have")

    def test_status_codes(self):
        values = self.header_values("PITH_ERR_")
        values["OK"] = 0
        values["END"] = self.header_values("PITH_")["END"]
        self.assertEqual({s.name: int(s) for s in pith.Status}, values)

    def test_binary_input_is_not_html(self):
        with self.assertRaises(pith.PithError) as caught:
            pith.extract(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        self.assertEqual(caught.exception.status, pith.Status.NOT_HTML)

    def test_formats(self):
        values = self.header_values("PITH_FORMAT_")
        self.assertEqual({f.name: int(f) for f in pith.Format}, values)


class VersionTest(unittest.TestCase):
    def test_version(self):
        self.assertRegex(pith.version(), r"^\d+\.\d+\.\d+$")
        self.assertEqual(pith.version(), pith.__version__)


class ThreadTest(unittest.TestCase):
    def test_threads_give_identical_results(self):
        pages = [PAGE.encode("utf-8")]
        seed = SHARED / "seed" / "ctech-azure-review.html"
        if seed.is_file():
            pages.append(seed.read_bytes())
        def outputs(page):
            with pith.extract(page) as d:
                return (d.text, d.title, d.authors, d.render("markdown"),
                        d.render("html"), d.render("json", json_content="html"))

        expected = [outputs(p) for p in pages]
        results, errors = [], []

        def work():
            try:
                for _ in range(20):
                    results.append([outputs(p) for p in pages])
            except Exception as exc:  # reported by the main thread
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(len(results), 80)
        for got in results:
            self.assertEqual(got, expected)

    def test_one_document_shared_by_threads(self):
        doc = pith.extract(META_PAGE)
        expected = {f: doc.render(f) for f in ("text", "markdown", "html", "json")}
        errors = []

        def work():
            try:
                for _ in range(50):
                    for fmt, want in expected.items():
                        if doc.render(fmt) != want:
                            errors.append(f"{fmt} differs")
            except ValueError:
                pass  # closed under our feet: the documented error
            except Exception as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        doc.close()  # and once more while nobody renders
        self.assertEqual(errors, [])

    def test_close_while_other_threads_render(self):
        for _ in range(20):
            doc = pith.extract(PAGE)
            errors = []

            def work():
                try:
                    while True:
                        doc.render("html")
                except ValueError:
                    pass
                except Exception as exc:
                    errors.append(exc)

            threads = [threading.Thread(target=work) for _ in range(3)]
            for t in threads:
                t.start()
            doc.close()
            for t in threads:
                t.join()
            self.assertEqual(errors, [])


class PageTest(unittest.TestCase):
    """Whole pages with known good output."""

    def check_snippets(self, text, with_, without):
        flat = squash(text)
        for snippet in with_:
            self.assertIn(squash(snippet), flat)
        for snippet in without:
            self.assertNotIn(squash(snippet), flat)

    def test_seed_page(self):
        html = SHARED / "seed" / "ctech-azure-review.html"
        if not html.is_file():
            self.skipTest(f"{html} is missing (set PITH_SHARED)")
        gold = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))
        doc = pith.extract(html.read_bytes(), url=gold["url"])
        self.check_snippets(doc.text, gold["with"], gold["without"])
        self.assertIn(gold["title"], doc.title)

    def test_readme_demo_page(self):
        html = REPO / "examples" / "news-page.html"
        if not html.is_file():
            self.skipTest(f"{html} is missing")
        doc = pith.extract(html.read_bytes())
        self.check_snippets(
            doc.text,
            [
                "Saltby town council voted on Thursday night to cut two openings",
                "What the plan includes",
                "two breaches in the existing wall, each about 30 metres wide;",
                "Work on the new bank is due to begin in July.",
            ],
            [
                "use cookies", "Share on Facebook", "Most read", "More on this story",
                "Topics:", "Morning Briefing", "All rights reserved", "Advertisement",
                "Obituaries", "Harbour car park charges",
            ],
        )
        self.assertIn("Saltby lets the sea back in", doc.title)


if __name__ == "__main__":
    unittest.main()

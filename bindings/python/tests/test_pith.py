"""Tests of the pith Python package against the libpith it loads.

Run from the checkout with the library built:
    PITH_LIBRARY=_build/lib/.libs/libpith.so PYTHONPATH=bindings/python \
        python3 -m unittest discover -s bindings/python/tests -v
"""

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

    def test_empty_input_gives_an_empty_document(self):
        for empty in (b"", ""):
            doc = pith.extract(empty)
            self.assertEqual((doc.text, doc.title), ("", ""))

    def test_page_without_article_is_not_an_error(self):
        doc = pith.extract(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
        self.assertIsInstance(doc.text, str)

    def test_document_is_a_plain_object(self):
        with pith.extract(PAGE) as doc:
            text = doc.text
        doc.close()
        doc.close()
        self.assertEqual(doc.text, text)
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
        expected = [(d.text, d.title) for d in map(pith.extract, pages)]
        results, errors = [], []

        def work():
            try:
                for _ in range(20):
                    results.append([(d.text, d.title) for d in map(pith.extract, pages)])
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

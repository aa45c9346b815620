"""Many pages at once: extract_many() in threads, the WARC reader
(iter_warc) and extract_warc(), whose records are the pith command's JSON
Lines on the same files, byte for byte."""

import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import pith
from pith import _jsonl

from test_pith import PAGE, REPO, SHARED

sys.path.insert(0, str(REPO / "tests"))
import warc_tools  # noqa: E402  (the tests' WARC writer)

BUILD = Path(os.environ.get("top_builddir") or REPO / "_build")
CLI = BUILD / "examples" / "pith"
CORPUS = SHARED / "corpus" / "trafilatura"


def corpus_pages(count):
    pages = sorted(CORPUS.glob("*.html"))[:count]
    if len(pages) < count:
        raise AssertionError(f"the trafilatura corpus is missing from {CORPUS}")
    return pages


class ExtractManyTest(unittest.TestCase):
    def setUp(self):
        self.pages = [p.read_bytes() for p in corpus_pages(24)]
        self.expected = [pith.extract_dict(page) for page in self.pages]

    def test_results_come_in_input_order(self):
        for threads in (1, 2, 3):
            with self.subTest(threads=threads):
                got = list(pith.extract_many(iter(self.pages), threads=threads))
                self.assertEqual(got, self.expected)

    def test_pairs_give_their_url_and_options_apply(self):
        pairs = [(page, f"https://site.test/{i}") for i, page in enumerate(self.pages[:4])]
        got = list(pith.extract_many(pairs, threads=2, json_content="markdown"))
        [own] = pith.extract_many([(PAGE, "https://site.test/fish")])  # no canonical URL
        self.assertEqual(own["url"], "https://site.test/fish")
        self.assertTrue(all(r["format"] == "markdown" for r in got))
        self.assertEqual(got[3], pith.extract_dict(self.pages[3], url="https://site.test/3",
                                                   json_content="markdown"))

    def test_a_failed_page_raises_or_is_returned_in_its_place(self):
        pages = [PAGE, b"%PDF-1.7\n\x00\x00", PAGE]
        with self.assertRaises(pith.InputError):
            list(pith.extract_many(pages, threads=2))
        got = list(pith.extract_many(pages, threads=2, errors="return"))
        self.assertIsInstance(got[1], pith.InputError)
        self.assertEqual(got[1].status, pith.Status.NOT_HTML)
        self.assertEqual(got[0], got[2])

    def test_bad_arguments_fail_before_any_page(self):
        with self.assertRaisesRegex(pith.OptionError, "max_nodes=0"):
            pith.extract_many([PAGE], max_nodes=0)
        with self.assertRaises(ValueError):
            pith.extract_many([PAGE], threads=0)
        with self.assertRaises(TypeError):
            pith.extract_many([PAGE], colour="red")


class WarcTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        tmp = Path(cls.tmp.name)
        cls.files = corpus_pages(12)
        cls.warc = tmp / "crawl.warc.gz"
        warc_tools.pack(str(cls.warc), [str(p) for p in cls.files])
        cls.broken = tmp / "broken.warc"
        cls.broken.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99\r\n\r\nshort")
        cls.page = tmp / "page.html"
        cls.page.write_text(PAGE)
        cls.missing = tmp / "missing.html"

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_iter_warc_gives_the_pages_with_their_uris(self):
        records = list(pith.iter_warc(self.warc))
        self.assertEqual([r.uri for r in records],
                         [f"http://pages.test/{p.name}" for p in self.files])
        self.assertEqual([r.html for r in records], [p.read_bytes() for p in self.files])
        first = records[0]
        self.assertEqual((first.http_status, first.charset, first.status), (200, None, pith.Status.OK))
        self.assertTrue(first.record_id.startswith("<urn:uuid:"))
        self.assertRegex(first.date, r"^\d{4}-\d\d-\d\dT")
        self.assertTrue(all(r.is_page for r in records))
        every = list(pith.iter_warc(self.warc, pages_only=False))
        self.assertEqual(len(every), len(records))  # requests are no page records

    def test_iter_warc_failures(self):
        with self.assertRaises(pith.InputError) as caught:
            list(pith.iter_warc(self.broken))
        self.assertEqual(caught.exception.status, pith.Status.TRUNCATED)
        kept = list(pith.iter_warc(self.broken, errors="keep"))
        self.assertEqual([(r.number, r.status, r.html) for r in kept],
                         [(1, pith.Status.TRUNCATED, b"")])
        with self.assertRaises(pith.InputError):
            list(pith.iter_warc(self.page))  # not a WARC file
        with self.assertRaises(FileNotFoundError):
            list(pith.iter_warc(self.missing))

    def cli(self, *paths):
        if not os.access(CLI, os.X_OK):
            raise AssertionError(f"{CLI} is not built")
        run = subprocess.run([str(CLI), "-j", "2", "-f", "json", *map(str, paths)],
                             capture_output=True, check=False)
        self.assertIn(run.returncode, (0, 1), run.stderr)
        return run.stdout

    def test_lines_are_the_commands_byte_for_byte(self):
        paths = (self.warc, self.broken, self.page, self.missing)
        expected = self.cli(*paths)
        self.assertEqual(expected.count(b"\n"), len(self.files) + 3)
        for threads in (1, 2):
            got = b"".join(line.data for p in paths for line in _jsonl.file_lines(p, threads, {}))
            self.assertEqual(got, expected)

    def test_extract_warc_gives_the_records_as_dicts(self):
        records = list(pith.extract_warc(self.warc, threads=2))
        self.assertEqual(len(records), len(self.files))
        self.assertEqual(records[0]["source"]["uri"], f"http://pages.test/{self.files[0].name}")
        plain = pith.extract_dict(self.files[0].read_bytes(), url=records[0]["source"]["uri"])
        self.assertEqual({k: v for k, v in records[0].items() if k != "source"}, plain)
        broken = list(pith.extract_warc(self.broken))
        self.assertEqual(broken[0]["status"]["name"], "PITH_ERR_TRUNCATED")


if __name__ == "__main__":
    unittest.main()

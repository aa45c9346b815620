"""The package for data work: every option of pith.h as a keyword, errors
that name the argument, plain picklable results, exception families."""

import concurrent.futures
import inspect
import multiprocessing
import pickle
import re
import typing
import unittest
from pathlib import Path

import pith
from pith import _options

from test_pith import PAGE, REPO

# The keyword of each PITH_OPT_* of pith.h, and the call that takes it.
KEYWORDS = {
    "URL": (pith.extract, "url"),
    "ENCODING": (pith.extract, "encoding"),
    "MAX_INPUT_SIZE": (pith.extract, "max_input_size"),
    "KEEP_TITLE": (pith.extract, "keep_title"),
    "MAX_DEPTH": (pith.extract, "max_depth"),
    "MAX_NODES": (pith.extract, "max_nodes"),
    "MAX_OUTPUT_SIZE": (pith.extract, "max_output_size"),
    "LINKS": (pith.Document.render, "links"),
    "IMAGES": (pith.Document.render, "images"),
    "TABLES": (pith.Document.render, "tables"),
    "FORMATTING": (pith.Document.render, "formatting"),
    "STANDALONE": (pith.Document.render, "standalone"),
    "JSON_CONTENT": (pith.Document.render, "json_content"),
    "FAVOR": (pith.extract, "favor"),
    "EXPLAIN": (pith.extract, "explain"),
    "COMMENTS": (pith.Document.render, "comments"),
    "PAGE_TYPE": (pith.extract, "page_type"),
}


class OptionsTest(unittest.TestCase):
    def test_every_option_of_the_header_is_a_keyword(self):
        header = (REPO / "include" / "pith.h").read_text()
        names = set(re.findall(r"\bPITH_OPT_([A-Z_]+) = \d+", header))
        self.assertEqual(names, set(KEYWORDS), "options without a keyword, or stale ones")
        for name, (func, keyword) in KEYWORDS.items():
            self.assertIn(keyword, inspect.signature(func).parameters, name)

    def test_a_limit_out_of_range_names_the_argument_and_the_library_range(self):
        for keyword in ("max_input_size", "max_depth", "max_nodes", "max_output_size"):
            key = _options.EXTRACT[keyword][0]
            low, high = _options.bounds(key)
            self.assertGreaterEqual(low, 1)
            with self.subTest(keyword):
                with self.assertRaises(pith.OptionError) as caught:
                    pith.extract(PAGE, **{keyword: low - 1})
                message = str(caught.exception)
                self.assertIn(f"{keyword}={low - 1}", message)
                self.assertIn(f"{low} to {high}", message)
                self.assertEqual(caught.exception.status, pith.Status.OPTION_VALUE)
                self.assertIsInstance(caught.exception, ValueError)
                pith.extract(PAGE, **{keyword: high}).close()  # inclusive

    def test_the_ranges_are_those_of_the_header(self):
        self.assertEqual(_options.bounds(_options.EXTRACT["max_depth"][0]), (16, 1000000))
        with self.assertRaises(pith.OptionError):
            _options.bounds(_options.EXTRACT["url"][0])  # a string option

    def test_bad_choices_list_the_accepted_values(self):
        with self.assertRaisesRegex(pith.OptionError, r"favor='fast'.*'balanced'.*'recall'"):
            pith.extract(PAGE, favor="fast")
        with pith.extract(PAGE) as doc:
            with self.assertRaisesRegex(pith.OptionError, r"json_content='pdf'.*'markdown'"):
                doc.render("json", json_content="pdf")
            with self.assertRaisesRegex(pith.OptionError, r"format='docx'"):
                doc.render("docx")

    def test_a_value_the_library_rejects_names_the_argument(self):
        with pith.extract(PAGE) as doc:
            with self.assertRaisesRegex(pith.OptionError, r"json_content=1\b") as caught:
                doc.render("json", json_content=1)  # PITH_FORMAT_TEXT is no content format
        self.assertEqual(caught.exception.status, pith.Status.OPTION_VALUE)

    def test_keywords_change_the_result(self):
        plain = pith.extract_dict(PAGE)
        kept = pith.extract_dict(PAGE, keep_title=True)
        self.assertTrue(kept["text"].startswith("Fish pass opens"), kept["text"][:40])
        self.assertFalse(plain["text"].startswith("Fish pass opens"))
        at = pith.extract_dict(PAGE, url="https://news.example.org/fish")
        self.assertEqual(at["url"], "https://news.example.org/fish")


class ResultTest(unittest.TestCase):
    def test_to_dict_is_the_same_before_and_after_close(self):
        doc = pith.extract(PAGE, url="https://news.example.org/fish")
        before = doc.to_dict()
        doc.close()
        self.assertEqual(doc.to_dict(), before)
        self.assertEqual(before["text"], doc.text)

    def test_extract_dict_is_plain_and_pickles(self):
        record = pith.extract_dict(PAGE, json_content="markdown")
        self.assertIsInstance(record, dict)
        self.assertEqual(record["format"], "markdown")
        self.assertIn("Kelling weir", record["content"])
        self.assertEqual(pickle.loads(pickle.dumps(record)), record)
        with pith.extract(PAGE) as doc:
            self.assertEqual(pith.extract_dict(PAGE), doc.to_dict())

    def test_results_cross_processes(self):
        pages = [PAGE, PAGE.replace("Kelling", "Marsham")]
        context = multiprocessing.get_context("fork")
        with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as pool:
            records = list(pool.map(pith.extract_dict, pages))
            with self.assertRaises(pith.LimitError):
                pool.submit(pith.extract_dict, PAGE, max_nodes=5).result()
        self.assertEqual(records, [pith.extract_dict(page) for page in pages])
        self.assertIn("Marsham weir", records[1]["text"])

    def test_attributes_are_annotated(self):
        hints = typing.get_type_hints(pith.Document)
        for name in ("text", "title", "authors", "published", "confidence", "page_type"):
            self.assertIn(name, hints)
        self.assertEqual(hints["authors"], typing.List[str])
        self.assertTrue((Path(pith.__file__).parent / "py.typed").is_file())


class ErrorFamilyTest(unittest.TestCase):
    def test_each_status_has_its_family(self):
        cases = {
            pith.Status.OPTION_VALUE: pith.OptionError,
            pith.Status.NOT_HTML: pith.InputError,
            pith.Status.TRUNCATED: pith.InputError,
            pith.Status.TOO_DEEP: pith.LimitError,
            pith.Status.INPUT_TOO_LARGE: pith.LimitError,
            pith.Status.NOMEM: pith.OutOfMemoryError,
        }
        for status, family in cases.items():
            with self.subTest(status.name):
                err = pith.PithError(status)
                self.assertIs(type(err), family)
                self.assertEqual(err.name, "PITH_ERR_" + status.name)
        self.assertIsInstance(pith.PithError(pith.Status.NOMEM), MemoryError)
        self.assertIs(type(pith.PithError(pith.Status.INIT)), pith.PithError)

    def test_raised_errors_are_of_their_family(self):
        with self.assertRaises(pith.InputError) as caught:
            pith.extract(b"%PDF-1.7\n" + b"\x00" * 64)
        self.assertEqual(caught.exception.status, pith.Status.NOT_HTML)
        with self.assertRaises(pith.LimitError):
            pith.extract(PAGE, max_nodes=5)

    def test_errors_pickle(self):
        err = pith.PithError(pith.Status.TOO_DEEP, "too deep here")
        back = pickle.loads(pickle.dumps(err))
        self.assertIs(type(back), pith.LimitError)
        self.assertEqual((back.status, back.message, back.name),
                         (pith.Status.TOO_DEEP, "too deep here", "PITH_ERR_TOO_DEEP"))


if __name__ == "__main__":
    unittest.main()

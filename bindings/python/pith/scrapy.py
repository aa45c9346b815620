"""Scrapy: pith's text, metadata and chosen formats on every crawled item.

    # settings.py
    SPIDER_MIDDLEWARES = {"pith.scrapy.PithMiddleware": 543}
    PITH_FORMATS = ["markdown"]            # also "html", "text"; default none
    PITH_OPTIONS = {"favor": "precision"}  # pith.extract()'s keywords
    PITH_FIELD = "pith"                    # the item key it fills

Each item a spider yields from an HTML response gets, under PITH_FIELD, the
page's JSON record (what ``pith -f json -u URL -e CHARSET`` prints: "text",
"title", "authors", "words" ...) with one more key per format of
PITH_FORMATS holding that rendering. The page is the response's body, its
URL the response's URL and its charset the one of the HTTP Content-Type
header, as a WARC record's are; a page pith cannot read gives
``{"url", "error", "status": {"name", "code"}}`` instead. A page is
extracted once, however many items come from it; requests pass through.

Why a spider middleware, not an item pipeline or a downloader middleware:
an item pipeline sees the item but never the response it came from, and a
downloader middleware sees the response but never the items; a spider
middleware's process_spider_output() gets the response together with what
the spider yielded from it, so the item is filled from the very page it was
scraped from, with no copy of the page carried in the item.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional

from itemadapter import ItemAdapter, is_item
from scrapy.exceptions import NotConfigured

from ._errors import PithError
from ._options import RENDER, format_number
from . import extract


class PithMiddleware:
    """The spider middleware described above, configured from the
    PITH_FORMATS, PITH_OPTIONS and PITH_FIELD settings."""

    def __init__(self, formats: List[str], options: Dict[str, Any], field: str):
        for name in formats:
            format_number(name, "PITH_FORMATS")  # fails at start-up, not per page
        self.formats = list(formats)
        self.options = {k: v for k, v in options.items() if k not in RENDER}
        self.render_options = {k: v for k, v in options.items() if k in RENDER}
        self.field = field

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("PITH_ENABLED", True):
            raise NotConfigured
        return cls(
            settings.getlist("PITH_FORMATS", []),
            settings.getdict("PITH_OPTIONS", {}),
            settings.get("PITH_FIELD", "pith"),
        )

    def extract(self, body: bytes, url: str, charset: Optional[str]) -> Dict[str, Any]:
        """The record of one page (also the middleware's test seam)."""
        try:
            with extract(body, url=url, encoding=charset, **self.options) as doc:
                record = doc.to_dict(json_content=self.render_options.get("json_content"))
                rest = {k: v for k, v in self.render_options.items() if k != "json_content"}
                for name in self.formats:
                    record[name] = doc.render(name, **rest)
                return record
        except PithError as exc:
            return {"url": url, "error": exc.message,
                    "status": {"name": exc.name, "code": int(exc.status)}}

    def process_spider_output(self, response, result: Iterable, spider):
        record = None
        for element in result:
            if is_item(element) and _is_html(response):
                if record is None:
                    record = self.extract(response.body, response.url, _charset(response))
                ItemAdapter(element)[self.field] = dict(record)  # one per item
            yield element


def _header(response, name: str) -> Optional[str]:
    value = response.headers.get(name)
    return value.decode("latin-1") if value is not None else None


def _is_html(response) -> bool:
    media = _header(response, "Content-Type")
    return media is None or "html" in media.lower()


def _charset(response) -> Optional[str]:
    """The charset parameter of the HTTP Content-Type, or None."""
    media = _header(response, "Content-Type") or ""
    for param in media.split(";")[1:]:
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip().strip('"')
    return None

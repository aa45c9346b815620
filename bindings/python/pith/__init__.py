"""Extract the article and metadata from web pages, with libpith.

    >>> import pith
    >>> with pith.extract(open("page.html", "rb").read(), url="https://example.com/a") as doc:
    ...     print(doc.title, doc.authors, doc.published)
    ...     print(doc.text)
    ...     print(doc.render("markdown"))

This is a thin ctypes binding of the C library: it calls the functions
declared in pith.h and nothing else. ctypes releases the GIL during each C
call, so threads extracting different pages run in parallel:
extract_many() does that for an iterable of pages, extract_warc() for the
records of a WARC file (read by iter_warc()), and extract_dict() gives a
plain dict for processes to pass around. pith.dask runs the extraction on
a dask.distributed cluster, pith.scrapy inside a Scrapy crawl.
"""

from __future__ import annotations

import ctypes
import enum
import json
import os
import threading
from typing import Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Tuple, Union

from . import _jsonl, _lib, _options
from ._core import extract_json as _extract_json
from ._pool import ordered_map as _ordered_map
from ._pool import threads_or_default as _threads_or_default
from ._warc import WarcRecord, iter_warc
from ._errors import InputError, LimitError, OptionError, OutOfMemoryError, PithError, Status
from ._errors import check as _check
from ._lib import lib as _clib

__all__ = [
    "Comment",
    "Document",
    "Format",
    "FORMAT_TEXT",
    "FORMAT_MARKDOWN",
    "FORMAT_HTML",
    "FORMAT_JSON",
    "FORMAT_EXPLAIN",
    "InputError",
    "LimitError",
    "OptionError",
    "OutOfMemoryError",
    "PithError",
    "Status",
    "WarcRecord",
    "extract",
    "extract_dict",
    "extract_many",
    "extract_warc",
    "iter_warc",
    "version",
    "__version__",
]

__version__ = "0.1.0"


class Format(enum.IntEnum):
    """The pith_format values of pith.h, for :meth:`Document.render`."""

    TEXT = _lib.FORMAT_TEXT
    MARKDOWN = _lib.FORMAT_MARKDOWN
    HTML = _lib.FORMAT_HTML
    JSON = _lib.FORMAT_JSON
    EXPLAIN = _lib.FORMAT_EXPLAIN


FORMAT_TEXT = Format.TEXT
FORMAT_MARKDOWN = Format.MARKDOWN
FORMAT_HTML = Format.HTML
FORMAT_JSON = Format.JSON
FORMAT_EXPLAIN = Format.EXPLAIN

# Document attribute, pith_field, and whether the field is a list.
_FIELDS = (
    ("headline", _lib.FIELD_HEADLINE, False),
    ("authors", _lib.FIELD_AUTHORS, True),
    ("published", _lib.FIELD_PUBLISHED, False),
    ("modified", _lib.FIELD_MODIFIED, False),
    ("site_name", _lib.FIELD_SITE_NAME, False),
    ("description", _lib.FIELD_DESCRIPTION, False),
    ("language", _lib.FIELD_LANGUAGE, False),
    ("direction", _lib.FIELD_DIRECTION, False),
    ("url", _lib.FIELD_URL, False),
    ("image", _lib.FIELD_IMAGE, False),
    ("tags", _lib.FIELD_TAGS, True),
    ("page_type", _lib.FIELD_PAGE_TYPE, False),
    ("encoding", _lib.FIELD_ENCODING, False),
    ("encoding_source", _lib.FIELD_ENCODING_SOURCE, False),
    ("layer", _lib.FIELD_LAYER, False),
)


class Comment(NamedTuple):
    """A reader comment that follows the article (pith_doc_comment_get):
    ``author`` as shown and ``published`` (ISO 8601), each None when the page
    does not show it; ``text``, its paragraphs separated by "\\n"; ``depth``,
    0 for a comment on the article, 1 for a reply to one, and so on."""

    author: Optional[str]
    published: Optional[str]
    text: str
    depth: int


def _comment_field(handle, i: int, field: int) -> Optional[str]:
    ptr = _clib.pith_doc_comment_get(handle, i, field)
    return _decode(ctypes.string_at(ptr)) if ptr else None


def _comments(handle) -> List[Comment]:
    return [
        Comment(
            _comment_field(handle, i, _lib.COMMENT_AUTHOR),
            _comment_field(handle, i, _lib.COMMENT_PUBLISHED),
            _comment_field(handle, i, _lib.COMMENT_TEXT) or "",
            _clib.pith_doc_comment_depth(handle, i),
        )
        for i in range(_clib.pith_doc_comment_count(handle))
    ]


class Document:
    """What was extracted from one page, and the C document it came from.

    Read at creation and kept after :meth:`close`:

    - ``text``: the article, one block per line ("" when the page has none);
    - ``title``: the page's title as its strongest source declares it, a
      "Headline | Site" from og:title kept whole ("" when the page has none);
    - ``headline``: the headline the reader sees, site name split off
      whatever the source (None when the page has none);
    - ``authors`` and ``tags``: lists of str, in page order (may be empty);
    - ``published``, ``modified`` (ISO 8601), ``site_name``,
      ``description``, ``language`` (BCP 47), ``direction`` ("ltr" or
      "rtl"), ``url`` and ``image`` (absolute URLs), ``page_type``
      ("article", "blog", "product", "collection", "listing", "forum",
      "documentation", "service" or "other"), ``encoding``,
      ``encoding_source`` and ``layer`` (how the page was read; see
      PITH_FIELD_* in pith.h): a str, or None when the page does not say;
    - ``confidence``: the model's estimate of the text's word F1, a float
      from 0 to 1 (PITH_FIELD_CONFIDENCE), or None;
    - ``comments``: the reader comments after the article, a list of
      :class:`Comment` in page order (empty when there are none); they are
      never part of ``text``.

    :meth:`render` needs the C document, so a Document owns its pith_doc
    handle until :meth:`close` (or the end of a ``with`` block) frees it;
    closing twice is harmless, and a Document that is never closed is freed
    when it is garbage-collected. :meth:`render` on a closed Document raises
    ValueError, as file methods do on a closed file.

    A Document may be shared between threads: a lock keeps two threads out
    of its C handle at the same time, as pith.h requires.
    """

    text: str
    title: str
    confidence: Optional[float]
    headline: Optional[str]
    authors: List[str]
    published: Optional[str]
    modified: Optional[str]
    site_name: Optional[str]
    description: Optional[str]
    language: Optional[str]
    direction: Optional[str]
    url: Optional[str]
    image: Optional[str]
    tags: List[str]
    page_type: Optional[str]
    encoding: Optional[str]
    encoding_source: Optional[str]
    layer: Optional[str]
    comments: List[Comment]

    __slots__ = ("text", "title", "confidence", "comments") + tuple(name for name, _, _ in _FIELDS) + (
        "_doc",
        "_lock",
        "_json",
    )

    def __init__(self, handle: ctypes.c_void_p):
        """Take ownership of a pith_doc handle (from :func:`extract`)."""
        self._doc = None
        self._json = None  # the JSON rendering, kept by close() for to_dict()
        self._lock = threading.Lock()
        try:
            self.text = _decode(
                ctypes.string_at(_clib.pith_doc_text(handle), _clib.pith_doc_text_length(handle))
            )
            self.title = _decode(ctypes.string_at(_clib.pith_doc_title(handle)))
            confidence = _clib.pith_doc_confidence(handle)
            self.confidence = confidence if confidence >= 0 else None
            self.comments = _comments(handle)
            for name, field, is_list in _FIELDS:
                values = []
                for i in range(_clib.pith_doc_count(handle, field)):
                    ptr = _clib.pith_doc_get(handle, field, i)
                    if ptr:  # NULL only for a value that is not there
                        values.append(_decode(ctypes.string_at(ptr)))
                setattr(self, name, values if is_list else (values[0] if values else None))
        except BaseException:
            _clib.pith_doc_free(handle)
            raise
        self._doc = handle

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has freed the C document."""
        return self._doc is None

    def close(self) -> None:
        """Free the C document. The attributes and :meth:`to_dict` stay
        readable (the JSON rendering is kept); :meth:`render` no longer
        works. Safe to call more than once."""
        if self._doc is not None and self._json is None:
            self._json = self.render(Format.JSON)
        with self._lock:
            handle, self._doc = self._doc, None
            if handle is not None:
                _clib.pith_doc_free(handle)

    def __enter__(self) -> Document:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __del__(self):
        # A safety net only: __init__ may have failed before _doc was set,
        # and at interpreter exit the module's globals may be gone.
        handle = getattr(self, "_doc", None)
        if handle is not None and _clib is not None:
            self._doc = None
            _clib.pith_doc_free(handle)

    def render(
        self,
        format: Format | int | str = "markdown",
        *,
        links: bool = True,
        images: bool = True,
        tables: bool = True,
        formatting: bool = True,
        standalone: bool = False,
        json_content: Format | int | str | None = None,
        comments: bool = False,
    ) -> str:
        """The article in ``format``: "text" (or "txt"), "markdown" (or
        "md"), "html", "json" or "explain" (see :meth:`explain`), or a
        :class:`Format`.

        The keywords are the render options of pith.h: ``links``,
        ``images``, ``tables`` and ``formatting`` (PITH_OPT_LINKS, ...);
        ``standalone`` makes HTML a whole page rather than an <article>
        fragment; ``json_content`` ("markdown" or "html") adds that rendering
        to the JSON as "content"; ``comments`` writes the reader comments
        after the article in text, Markdown and HTML (PITH_OPT_COMMENTS; JSON
        always has them). Options that do not apply to ``format``
        are ignored, as the library does.

        Raises ValueError for an unknown format name or a closed Document,
        TypeError for a format of the wrong type, and :class:`PithError` when
        the library fails (e.g. Status.OPTION_VALUE for a number that is no
        format, Status.NOMEM).
        """
        fmt = _options.format_number(format, "format")
        opts = _options.make(
            _options.RENDER,
            dict(
                links=links,
                images=images,
                tables=tables,
                formatting=formatting,
                standalone=standalone,
                json_content=json_content,
                comments=comments,
            ),
        )
        out = ctypes.c_void_p()
        size = ctypes.c_size_t()
        try:
            with self._lock:
                if self._doc is None:
                    raise ValueError("render() on a closed pith.Document")
                status = _clib.pith_doc_render(
                    self._doc, fmt, opts, ctypes.byref(out), ctypes.byref(size)
                )
            _check(status)
            data = ctypes.string_at(out, size.value)
        finally:
            _clib.pith_free(out)
            _clib.pith_options_free(opts)
        return _decode(data)

    def explain(self) -> str:
        """The explain view (PITH_FORMAT_EXPLAIN): one self-contained HTML
        page, safe to open in a browser, that shows every block of the page
        kept or dropped, with its statistics and the rule or model decision
        behind it. The Document must come from ``extract(..., explain=True)``;
        otherwise :class:`PithError` with Status.INVALID_ARGUMENT."""
        return self.render(Format.EXPLAIN)

    def to_dict(self, json_content: Format | int | str | None = None) -> Dict[str, Any]:
        """The JSON rendering (every metadata field, "encoding", "layer",
        "confidence", "words", "sentences", "paragraphs", "text", and
        "format"/"content" with ``json_content``) parsed into a plain dict,
        which pickles. Works after :meth:`close` too, but for
        ``json_content``, which needs the C document (ValueError then)."""
        if json_content is None and self._json is not None:
            return json.loads(self._json)
        return json.loads(self.render(Format.JSON, json_content=json_content))

    def __repr__(self) -> str:
        state = " closed" if self._doc is None else ""
        return f"<pith.Document{state} title={self.title!r} text={len(self.text)} chars>"


def version() -> str:
    """The version of the libpith loaded at run time, e.g. "0.1.0"."""
    return _clib.pith_version().decode("ascii")


def _decode(data: bytes) -> str:
    # pith.h promises UTF-8; a violation should show, not be papered over.
    return data.decode("utf-8")


def _extract_options(html, settings: dict, table=_options.ALL):
    """The bytes to extract and the pith_options for them (or None)."""
    if isinstance(html, str):
        data = html.encode("utf-8")
        if settings.get("encoding") is not None:  # still checked, then ignored
            _clib.pith_options_free(
                _options.make(_options.EXTRACT, {"encoding": settings["encoding"]})
            )
        settings = dict(settings, encoding="utf-8")
    elif isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
    else:
        raise TypeError(f"html must be bytes or str, not {type(html).__name__}")
    return data, _options.make(table, settings)


def _extract_handle(data: bytes, opts) -> ctypes.c_void_p:
    """pith_extract(): a pith_doc handle, or PithError."""
    handle = ctypes.c_void_p()
    _check(_clib.pith_extract(data, len(data), opts, ctypes.byref(handle)))
    return handle  # on failure the library has set it to NULL


def extract(
    html: bytes | str,
    url: str | None = None,
    encoding: str | None = None,
    *,
    keep_title: bool = False,
    max_input_size: int | None = None,
    max_depth: int | None = None,
    max_nodes: int | None = None,
    max_output_size: int | None = None,
    favor: str = "balanced",
    explain: bool = False,
    page_type: str | None = None,
) -> Document:
    """Extract the article from a page and return a :class:`Document`,
    which owns the C document: close it, or use it in a ``with`` block.

    ``html`` is the page as bytes in any encoding (bytearray and memoryview
    are accepted too), or as str, which is passed on as UTF-8 with the
    encoding hint forced to UTF-8. The keywords are the extraction options
    of pith.h, one each: ``url`` the address the page came from
    (PITH_OPT_URL); ``encoding`` the charset the server declared
    (PITH_OPT_ENCODING, ignored for str input); ``keep_title`` keeps a
    headline that repeats the title at the top of the text; the ``max_*``
    settings override the library's limits (PITH_OPT_MAX_INPUT_SIZE,
    _MAX_DEPTH, _MAX_NODES, _MAX_OUTPUT_SIZE), None keeping the default;
    ``favor`` is "balanced", "precision" (less furniture, some content
    lost) or "recall" (more of the content, more furniture); ``explain``
    records every decision (PITH_OPT_EXPLAIN), for
    :meth:`Document.explain`; the text and metadata are the same either way;
    ``page_type`` says what kind of page it is ("article", "blog",
    "product", "collection", "listing", "forum", "documentation" or
    "service"; PITH_OPT_PAGE_TYPE): the page model is then not consulted,
    the extraction treats the page as that kind and ``page_type`` of the
    document is the value given.

    Raises TypeError for arguments of the wrong type, :class:`OptionError`
    (a ValueError) naming the argument and the accepted values or range
    (the range is the library's, from pith_option_bounds()) for a value the
    library rejects, and the :class:`PithError` of the failure's family
    when extraction fails (e.g. :class:`LimitError` with
    Status.INPUT_TOO_LARGE). A page without an article is not an error: its
    text is "".
    """
    data, opts = _extract_options(
        html,
        table=_options.EXTRACT,
        settings=dict(
            url=url,
            encoding=encoding,
            keep_title=keep_title,
            max_input_size=max_input_size,
            max_depth=max_depth,
            max_nodes=max_nodes,
            max_output_size=max_output_size,
            favor=favor,
            explain=explain,
            page_type=page_type,
        ),
    )
    try:
        handle = _extract_handle(data, opts)
    finally:
        _clib.pith_options_free(opts)
    return Document(handle)


def extract_dict(html: bytes | str, **options: Any) -> Dict[str, Any]:
    """``extract(html, **options).to_dict()`` without a handle to manage:
    the page's JSON rendering as a plain dict (picklable), the C document
    freed before it returns. ``options`` are :func:`extract`'s keywords,
    and ``json_content`` ("markdown" or "html") adds that rendering as
    "content"."""
    json_content = options.pop("json_content", None)
    with extract(html, **options) as doc:
        return doc.to_dict(json_content=json_content)


Page = Union[bytes, str, Tuple[Union[bytes, str], Optional[str]]]


def extract_many(
    pages: Iterable[Page],
    threads: Optional[int] = None,
    *,
    errors: str = "raise",
    **options: Any,
) -> Iterator[Dict[str, Any]]:
    """Extract many pages, the library's calls running in ``threads``
    threads (default: one per core) without the GIL, and yield each page's
    :func:`extract_dict` in the order of ``pages``.

    ``pages`` is any iterable (read as the work goes, not all at once) of
    bytes or str, or of ``(html, url)`` pairs, the url given as
    PITH_OPT_URL. ``options`` are :func:`extract`'s keywords and
    :meth:`Document.render`'s (``json_content="markdown"`` ...), checked
    before the first page. A page that fails raises its :class:`PithError`
    where its result would come (``errors="raise"``), or is yielded as that
    PithError (``errors="return"``)."""
    if errors not in ("raise", "return"):
        raise ValueError(f"errors={errors!r}: one of 'raise', 'return'")
    threads = _threads_or_default(threads)
    _options.validate(_options.ALL, options)

    def one(page):
        if isinstance(page, tuple):
            html, url = page
            settings = dict(options, url=url)
        else:
            html, settings = page, options
        data, opts = _extract_options(html, settings)
        try:
            return json.loads(_extract_json(data, opts))
        except PithError as exc:
            if errors == "raise":
                raise
            return exc
        finally:
            _clib.pith_options_free(opts)

    return _ordered_map(one, pages, threads)


def extract_warc(
    path: Union[str, os.PathLike], threads: Optional[int] = None, **options: Any
) -> Iterator[Dict[str, Any]]:
    """Extract every page record of a WARC file (or a page file) in
    ``threads`` threads (default: one per core) and yield, in file order,
    the dicts of the JSON Lines that ``pith -f json PATH`` prints: the
    library's JSON object with ``"source"`` in front (``{"file", "record",
    "record_id", "uri"}``); a record that fails gives ``{"source", "url",
    "error", "status": {"name", "code"}}`` and the others go on. The
    record's URI and charset are its PITH_OPT_URL and PITH_OPT_ENCODING;
    redirects and non-HTML records are skipped, as the command does.
    ``options`` are :func:`extract_many`'s."""
    for line in _jsonl.file_lines(path, _threads_or_default(threads), options):
        yield json.loads(line.data)

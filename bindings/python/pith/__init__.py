"""Extract the article and metadata from web pages, with libpith.

    >>> import pith
    >>> with pith.extract(open("page.html", "rb").read(), url="https://example.com/a") as doc:
    ...     print(doc.title, doc.authors, doc.published)
    ...     print(doc.text)
    ...     print(doc.render("markdown"))

This is a thin ctypes binding of the C library: it calls the functions
declared in pith.h and nothing else. ctypes releases the GIL during each C
call, so threads extracting different pages run in parallel.
"""

from __future__ import annotations

import ctypes
import enum
import json
import operator
import threading
import typing

from . import _lib
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
    "PithError",
    "Status",
    "extract",
    "version",
    "__version__",
]

__version__ = "0.1.0"


class Status(enum.IntEnum):
    """The pith_status codes of pith.h."""

    OK = 0
    INVALID_ARGUMENT = 1
    NOMEM = 2
    UNSUPPORTED_OPTION = 3
    OPTION_VALUE = 4
    INPUT_TOO_LARGE = 5
    PARSE = 6
    ENCODING = 7
    INIT = 8
    LIMIT = 9
    TOO_DEEP = 10
    TOO_MANY_NODES = 11
    OUTPUT_TOO_LARGE = 12
    NOT_HTML = 13
    IO = 14
    TRUNCATED = 15
    WARC_HEADER = 16
    WARC_LENGTH = 17
    COMPRESSION = 18
    INFLATE_LIMIT = 19
    HTTP = 20
    END = 21


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

# The names render() accepts besides Format values (any letter case), the
# same as the pith command's -f.
_FORMAT_NAMES = {
    "txt": Format.TEXT,
    "text": Format.TEXT,
    "markdown": Format.MARKDOWN,
    "md": Format.MARKDOWN,
    "html": Format.HTML,
    "json": Format.JSON,
    "explain": Format.EXPLAIN,
}

# extract(favor=...): PITH_OPT_FAVOR's values.
_FAVOR_NAMES = {
    "balanced": _lib.FAVOR_BALANCED,
    "precision": _lib.FAVOR_PRECISION,
    "recall": _lib.FAVOR_RECALL,
}

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


class PithError(Exception):
    """A call into libpith failed.

    ``status`` is the pith_status code (a :class:`Status` when this version
    of the package knows it, else a plain int) and ``message`` the library's
    pith_strerror() text for it.
    """

    def __init__(self, status: int, message: str | None = None):
        try:
            status = Status(status)
        except ValueError:
            status = int(status)
        if message is None:
            message = _strerror(status)
        super().__init__(status, message)
        self.status = status
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} (pith status {int(self.status)})"


class Comment(typing.NamedTuple):
    """A reader comment that follows the article (pith_doc_comment_get):
    ``author`` as shown and ``published`` (ISO 8601), each None when the page
    does not show it; ``text``, its paragraphs separated by "\\n"; ``depth``,
    0 for a comment on the article, 1 for a reply to one, and so on."""

    author: str | None
    published: str | None
    text: str
    depth: int


def _comment_field(handle, i: int, field: int) -> str | None:
    ptr = _clib.pith_doc_comment_get(handle, i, field)
    return _decode(ctypes.string_at(ptr)) if ptr else None


def _comments(handle) -> list[Comment]:
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

    __slots__ = ("text", "title", "confidence", "comments") + tuple(name for name, _, _ in _FIELDS) + (
        "_doc",
        "_lock",
    )

    def __init__(self, handle: ctypes.c_void_p):
        """Take ownership of a pith_doc handle (from :func:`extract`)."""
        self._doc = None
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
        """Free the C document. The attributes stay readable; :meth:`render`
        no longer works. Safe to call more than once."""
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
        fmt = _format(format, "format")
        ints = {}
        for key, value, default in (
            (_lib.OPT_LINKS, links, True),
            (_lib.OPT_IMAGES, images, True),
            (_lib.OPT_TABLES, tables, True),
            (_lib.OPT_FORMATTING, formatting, True),
            (_lib.OPT_STANDALONE, standalone, False),
            (_lib.OPT_COMMENTS, comments, False),
        ):
            if bool(value) != default:
                ints[key] = int(bool(value))
        if json_content is not None:
            ints[_lib.OPT_JSON_CONTENT] = _format(json_content, "json_content")

        opts = _make_options({}, ints)
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

    def to_dict(self, json_content: Format | int | str | None = None) -> dict:
        """The JSON rendering (every metadata field, "encoding", "layer",
        "words", "sentences", "paragraphs", "text", and "format"/"content" with
        ``json_content``) parsed into a dict."""
        return json.loads(self.render(Format.JSON, json_content=json_content))

    def __repr__(self) -> str:
        state = " closed" if self._doc is None else ""
        return f"<pith.Document{state} title={self.title!r} text={len(self.text)} chars>"


def version() -> str:
    """The version of the libpith loaded at run time, e.g. "0.1.0"."""
    return _clib.pith_version().decode("ascii")


def _strerror(status: int) -> str:
    return _clib.pith_strerror(int(status)).decode("utf-8", "replace")


def _check(status: int) -> None:
    if status != Status.OK:
        raise PithError(status)


def _decode(data: bytes) -> str:
    # pith.h promises UTF-8; a violation should show, not be papered over.
    return data.decode("utf-8")


def _format(value, name: str) -> int:
    """A pith_format number from a Format, an int or a name."""
    if isinstance(value, str):
        try:
            return _FORMAT_NAMES[value.lower()]
        except KeyError:
            names = ", ".join(sorted(_FORMAT_NAMES))
            raise ValueError(f"unknown {name} {value!r} (one of {names})") from None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a str or a pith.Format, not {type(value).__name__}")
    return int(value)


def _c_string(value: str, name: str) -> bytes:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError(f"{name} must not contain NUL characters")
    return value.encode("utf-8")


def _make_options(strings, ints):
    """A pith_options pointer with the given {key: bytes} and {key: int}
    settings, or None (the library's defaults) when both are empty. The
    caller frees it with pith_options_free()."""
    if not strings and not ints:
        return None
    opts = _clib.pith_options_new()
    if not opts:
        raise PithError(Status.NOMEM)
    try:
        for key, value in strings.items():
            _check(_clib.pith_options_set_string(opts, key, value))
        for key, value in ints.items():
            if not -(2**63) <= value < 2**63:  # beyond C's long long
                raise PithError(Status.OPTION_VALUE)
            _check(_clib.pith_options_set_int(opts, key, value))
    except BaseException:
        _clib.pith_options_free(opts)
        raise
    return opts


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
) -> Document:
    """Extract the article from a page and return a :class:`Document`,
    which owns the C document: close it, or use it in a ``with`` block.

    ``html`` is the page as bytes in any encoding (bytearray and memoryview
    are accepted too), or as str, which is passed on as UTF-8 with the
    encoding hint forced to UTF-8. ``url`` is the address the page came
    from; ``encoding`` the charset the server declared (ignored for str
    input). ``keep_title`` keeps a headline that repeats the title at the
    top of the text. The ``max_*`` settings override the library's limits
    (PITH_OPT_MAX_INPUT_SIZE, _MAX_DEPTH, _MAX_NODES, _MAX_OUTPUT_SIZE in
    pith.h); None keeps the library's default. ``favor`` is "balanced",
    "precision" (less furniture, some content lost) or "recall" (more of
    the content, more furniture): PITH_OPT_FAVOR. ``explain`` records every
    decision (PITH_OPT_EXPLAIN), for :meth:`Document.explain`; the text and
    metadata are the same either way.

    Raises TypeError for arguments of the wrong type and :class:`PithError`
    when the library fails (e.g. Status.INPUT_TOO_LARGE). A page without an
    article is not an error: its text is "".
    """
    strings = {}
    if url is not None:
        strings[_lib.OPT_URL] = _c_string(url, "url")
    if encoding is not None:
        strings[_lib.OPT_ENCODING] = _c_string(encoding, "encoding")
    if isinstance(html, str):
        data = html.encode("utf-8")
        strings[_lib.OPT_ENCODING] = b"utf-8"
    elif isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
    else:
        raise TypeError(f"html must be bytes or str, not {type(html).__name__}")

    ints = {_lib.OPT_KEEP_TITLE: 1} if keep_title else {}
    if favor != "balanced":
        try:
            ints[_lib.OPT_FAVOR] = _FAVOR_NAMES[favor]
        except (KeyError, TypeError):
            names = ", ".join(repr(n) for n in _FAVOR_NAMES)
            raise ValueError(f"unknown favor {favor!r} (one of {names})") from None
    if explain:
        ints[_lib.OPT_EXPLAIN] = 1
    for key, value in (
        (_lib.OPT_MAX_INPUT_SIZE, max_input_size),
        (_lib.OPT_MAX_DEPTH, max_depth),
        (_lib.OPT_MAX_NODES, max_nodes),
        (_lib.OPT_MAX_OUTPUT_SIZE, max_output_size),
    ):
        if value is not None:
            ints[key] = operator.index(value)

    opts = _make_options(strings, ints)
    handle = ctypes.c_void_p()
    try:
        status = _clib.pith_extract(data, len(data), opts, ctypes.byref(handle))
    finally:
        _clib.pith_options_free(opts)
    _check(status)  # on failure the library has set the handle to NULL
    return Document(handle)

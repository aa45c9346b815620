"""Extract the article text and title from web pages, with libpith.

    >>> import pith
    >>> doc = pith.extract(open("page.html", "rb").read(), url="https://example.com/a")
    >>> print(doc.title)
    >>> print(doc.text)

This is a thin ctypes binding of the C library: it calls the functions
declared in pith.h and nothing else. ctypes releases the GIL during each C
call, so threads extracting different pages run in parallel.
"""

from __future__ import annotations

import ctypes
import enum
import operator

from . import _lib
from ._lib import lib as _clib

__all__ = ["Document", "PithError", "Status", "extract", "version", "__version__"]

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


class Document:
    """What was extracted from one page.

    ``text`` is the article, one block per line ("" when the page has no
    article); ``title`` is the page title ("" when it has none). Both are
    copied out of the C document before :func:`extract` returns, so a
    Document holds no C memory: ``close()`` and ``with`` are accepted for
    symmetry with other handles and do nothing.
    """

    __slots__ = ("text", "title")

    def __init__(self, text: str, title: str):
        self.text = text
        self.title = title

    def close(self) -> None:
        pass

    def __enter__(self) -> Document:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<pith.Document title={self.title!r} text={len(self.text)} chars>"


def version() -> str:
    """The version of the libpith loaded at run time, e.g. "0.1.0"."""
    return _clib.pith_version().decode("ascii")


def _strerror(status: int) -> str:
    return _clib.pith_strerror(int(status)).decode("utf-8", "replace")


def _check(status: int) -> None:
    if status != Status.OK:
        raise PithError(status)


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
) -> Document:
    """Extract the article from a page and return a :class:`Document`.

    ``html`` is the page as bytes in any encoding (bytearray and memoryview
    are accepted too), or as str, which is passed on as UTF-8 with the
    encoding hint forced to UTF-8. ``url`` is the address the page came
    from; ``encoding`` the charset the server declared (ignored for str
    input). ``keep_title`` keeps a headline that repeats the title at the
    top of the text. The ``max_*`` settings override the library's limits
    (PITH_OPT_MAX_INPUT_SIZE, _MAX_DEPTH, _MAX_NODES, _MAX_OUTPUT_SIZE in
    pith.h); None keeps the library's default.

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
    for key, value in (
        (_lib.OPT_MAX_INPUT_SIZE, max_input_size),
        (_lib.OPT_MAX_DEPTH, max_depth),
        (_lib.OPT_MAX_NODES, max_nodes),
        (_lib.OPT_MAX_OUTPUT_SIZE, max_output_size),
    ):
        if value is not None:
            ints[key] = operator.index(value)

    opts = _make_options(strings, ints)
    doc = ctypes.c_void_p()
    try:
        _check(_clib.pith_extract(data, len(data), opts, ctypes.byref(doc)))
        text = ctypes.string_at(_clib.pith_doc_text(doc), _clib.pith_doc_text_length(doc))
        title = ctypes.string_at(_clib.pith_doc_title(doc))
    finally:
        _clib.pith_doc_free(doc)
        _clib.pith_options_free(opts)
    return Document(text.decode("utf-8"), title.decode("utf-8"))

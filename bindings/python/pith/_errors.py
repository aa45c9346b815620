"""The status codes of pith.h and the exceptions that carry them.

Every failure of the library raises a :class:`PithError`; which subclass
tells the family of the status, so that a caller can catch what it means to
handle (a page too big for the limits, a page that is not HTML) and let the
rest through.
"""

from __future__ import annotations

import enum

from ._lib import lib as _clib


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


class PithError(Exception):
    """A call into libpith failed.

    ``status`` is the pith_status code (a :class:`Status` when this version
    of the package knows it, else a plain int), ``name`` its name in pith.h
    (pith_status_name(), e.g. "PITH_ERR_NOT_HTML") and ``message`` the
    library's pith_strerror() text, or a more precise one given by the
    package (which argument, which values are accepted).

    ``PithError(status)`` gives the subclass of the status's family:
    :class:`OptionError`, :class:`InputError`, :class:`LimitError` or
    :class:`OutOfMemoryError`; a status of no family (PITH_ERR_INIT, an
    unknown code) stays a plain PithError. The exceptions pickle, so they
    cross process boundaries (multiprocessing, Dask).
    """

    def __new__(cls, status: int, message: str | None = None):
        if cls is PithError:
            cls = _FAMILY.get(int(status), PithError)
        # Exception's, not super()'s: for OutOfMemoryError that would be
        # MemoryError.__new__, which refuses a class laid out from PithError.
        return Exception.__new__(cls, status, message)

    def __init__(self, status: int, message: str | None = None):
        try:
            status = Status(status)
        except ValueError:
            status = int(status)
        if message is None:
            message = strerror(status)
        super().__init__(status, message)
        self.status: Status | int = status
        self.name: str = status_name(status)
        self.message: str = message

    def __str__(self) -> str:
        return f"{self.message} ({self.name}, pith status {int(self.status)})"


class OptionError(PithError, ValueError):
    """An argument the library rejects: an option value out of range or of
    the wrong kind (PITH_ERR_OPTION_VALUE), an option this library does not
    know (PITH_ERR_UNSUPPORTED_OPTION), a bad argument
    (PITH_ERR_INVALID_ARGUMENT). Also a ValueError."""


class InputError(PithError):
    """The input cannot be read as a page: not HTML (PITH_ERR_NOT_HTML),
    unparsable, an unknown encoding, a malformed or truncated WARC record
    or HTTP message, corrupt compression, a read failure."""


class LimitError(PithError):
    """The input is within reason but over a limit: PITH_OPT_MAX_INPUT_SIZE,
    _MAX_DEPTH, _MAX_NODES, _MAX_OUTPUT_SIZE, a decompression bomb or an
    internal limit. Raise the limit (extract()'s ``max_*``) to go on."""


class OutOfMemoryError(PithError, MemoryError):
    """The library could not allocate memory (PITH_ERR_NOMEM). Also a
    MemoryError."""


_FAMILY = {
    **dict.fromkeys(
        (Status.INVALID_ARGUMENT, Status.UNSUPPORTED_OPTION, Status.OPTION_VALUE), OptionError
    ),
    **dict.fromkeys(
        (
            Status.PARSE,
            Status.ENCODING,
            Status.NOT_HTML,
            Status.IO,
            Status.TRUNCATED,
            Status.WARC_HEADER,
            Status.WARC_LENGTH,
            Status.COMPRESSION,
            Status.HTTP,
        ),
        InputError,
    ),
    **dict.fromkeys(
        (
            Status.INPUT_TOO_LARGE,
            Status.LIMIT,
            Status.TOO_DEEP,
            Status.TOO_MANY_NODES,
            Status.OUTPUT_TOO_LARGE,
            Status.INFLATE_LIMIT,
        ),
        LimitError,
    ),
    Status.NOMEM: OutOfMemoryError,
}


def strerror(status: int) -> str:
    """pith_strerror(): the library's text for a status code."""
    return _clib.pith_strerror(int(status)).decode("utf-8", "replace")


def status_name(status: int) -> str:
    """pith_status_name(): the status's name in pith.h."""
    return _clib.pith_status_name(int(status)).decode("ascii")


def check(status: int) -> None:
    """Raise the PithError of a status that is not PITH_OK."""
    if status != Status.OK:
        raise PithError(status)

"""WARC records through the library's reader (pith_warc_* of pith.h)."""

from __future__ import annotations

import ctypes
import dataclasses
import os
from typing import Iterator, Optional

from ._errors import Status, check
from ._lib import lib as _clib


@dataclasses.dataclass(frozen=True)
class WarcRecord:
    """One record of a WARC file that carries a page.

    ``number`` counts every record of the file from 1, skipped ones too
    (pith_warc_record_number()); ``record_id``, ``uri`` (WARC-Target-URI),
    ``date`` (WARC-Date), ``content_type`` and ``charset`` (of the HTTP
    response, else of the record) are str or None; ``http_status`` is the
    HTTP status code, 0 when the block is not an HTTP message; ``html`` is
    the page's bytes, its transfer and content codings undone. ``status``
    is Status.OK, or the failure of a malformed record (then ``html`` is
    b"") when :func:`iter_warc` is asked to keep failures.
    """

    number: int
    record_id: Optional[str]
    uri: Optional[str]
    date: Optional[str]
    content_type: Optional[str]
    charset: Optional[str]
    http_status: int
    html: bytes
    status: Status = Status.OK

    @property
    def is_page(self) -> bool:
        """What the pith command extracts: HTML or undeclared media, and
        no 1xx or 3xx (redirect) response."""
        if 100 <= self.http_status < 200 or 300 <= self.http_status < 400:
            return False
        media = self.content_type
        return media is None or "html" in media or "HTML" in media


def _text(value: Optional[bytes]) -> Optional[str]:
    # Header values are bytes on the wire; keep any that are not UTF-8
    # recoverable (surrogateescape gives the same bytes back).
    return None if value is None else value.decode("utf-8", "surrogateescape")


def records(warc, errors: str) -> Iterator[WarcRecord]:
    """The records of an open pith_warc reader. `errors` is "raise" (a
    malformed record raises its PithError) or "keep" (it is yielded with its
    status)."""
    length = ctypes.c_size_t()
    while True:
        status = _clib.pith_warc_next(warc)
        if status == Status.END:
            return
        if status != Status.OK and errors == "raise":
            check(status)
        body = b""
        if status == Status.OK:
            ptr = _clib.pith_warc_body(warc, ctypes.byref(length))
            body = ctypes.string_at(ptr, length.value)
        yield WarcRecord(
            number=_clib.pith_warc_record_number(warc),
            record_id=_text(_clib.pith_warc_record_id(warc)),
            uri=_text(_clib.pith_warc_target_uri(warc)),
            date=_text(_clib.pith_warc_date(warc)),
            content_type=_text(_clib.pith_warc_content_type(warc)),
            charset=_text(_clib.pith_warc_charset(warc)),
            http_status=_clib.pith_warc_http_status(warc),
            html=body,
            status=Status(status),
        )


def open_fd(fd: int, opts):
    """A pith_warc reader over an open file descriptor (never closed by it)."""
    warc = ctypes.c_void_p()
    check(_clib.pith_warc_open_fd(fd, opts, ctypes.byref(warc)))
    return warc


def iter_warc(
    path: str | os.PathLike, *, pages_only: bool = True, errors: str = "raise"
) -> Iterator[WarcRecord]:
    """The page records of a WARC file (plain or gzipped), in file order,
    as :class:`WarcRecord`, read by the library's streaming reader.

    With ``pages_only`` (the default) only the records the pith command
    extracts (:attr:`WarcRecord.is_page`). ``errors="raise"`` raises the
    :class:`PithError` of a malformed record (an InputError or LimitError)
    and stops; ``errors="keep"`` yields it with its ``status`` and goes on
    with the next record, as the library allows. A file that is not WARC
    raises InputError (Status.WARC_HEADER); one that cannot be opened,
    OSError.
    """
    if errors not in ("raise", "keep"):
        raise ValueError(f"errors={errors!r}: one of 'raise', 'keep'")
    fd = os.open(path, os.O_RDONLY)
    try:
        warc = open_fd(fd, None)
        try:
            for record in records(warc, errors):
                if record.status != Status.OK or not pages_only or record.is_page:
                    yield record
        finally:
            _clib.pith_warc_free(warc)
    finally:
        os.close(fd)


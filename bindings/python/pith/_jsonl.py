"""A file's JSON Lines, byte for byte what `pith -f json FILE` prints.

A WARC file gives one line per page record, a page file one line: the
library's JSON object with "source" in front; a failure gives the
"source", "url", "error" and "status" line. The JSON itself is the
library's (pith_doc_render); only "source" and the error lines are written
here, escaped as the pith command escapes them (UTF-8 passed through,
'"' and '\\' escaped, control characters as \\u00XX).
"""

from __future__ import annotations

import os
import re
from typing import Iterator, NamedTuple, Optional

from . import _options
from ._core import extract_json
from ._errors import PithError, Status, status_name, strerror
from ._lib import lib as _clib
from ._pool import ordered_map
from ._warc import open_fd, records

# The bytes the pith command reads to tell a WARC file from a page.
_PROBE_BYTES = 4096
_CONTROL = re.compile(rb"[\x00-\x1f]")


class Line(NamedTuple):
    """One line of output (with its newline) and whether it is a page."""

    data: bytes
    ok: bool


class _Job(NamedTuple):
    source: bytes  # "source":{...}
    url: Optional[bytes]
    charset: Optional[bytes]
    html: bytes
    status: int
    reason: str


def json_string(value: bytes) -> bytes:
    """A JSON string of raw bytes, escaped as examples/pith.c does."""
    value = value.replace(b"\\", b"\\\\").replace(b'"', b'\\"')
    return b'"' + _CONTROL.sub(lambda m: b"\\u%04x" % m.group()[0], value) + b'"'


def _bytes(value: Optional[str]) -> Optional[bytes]:
    return None if value is None else value.encode("utf-8", "surrogateescape")


def _source(file: bytes, number: int = 0, record_id=None, uri=None) -> bytes:
    out = b'"source":{"file":' + json_string(file)
    if number:
        out += b',"record":%d' % number
        if record_id is not None:
            out += b',"record_id":' + json_string(record_id)
        if uri is not None:
            out += b',"uri":' + json_string(uri)
    return out + b"}"


def _failure(source: bytes, url: Optional[bytes], reason: str, status: int) -> Line:
    out = b"{" + source
    if url is not None:
        out += b',"url":' + json_string(url)
    out += b',"error":' + json_string(reason.encode("utf-8"))
    out += b',"status":{"name":"%s","code":%d}}\n' % (status_name(status).encode(), int(status))
    return Line(out, False)


def _jobs(path: str, file: bytes, settings: dict) -> Iterator[_Job]:
    """What the pith command reads from one input, as jobs."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        yield _Job(_source(file), None, None, b"", Status.IO, os.strerror(exc.errno))
        return
    try:
        if os.path.isdir(path):
            reason = "is a directory (-r reads directories)"
            yield _Job(_source(file), None, None, b"", Status.IO, reason)
            return
        head = os.pread(fd, _PROBE_BYTES, 0)
        if head and _clib.pith_warc_probe(head, len(head)):
            limits = {k: v for k, v in settings.items() if k in _options.EXTRACT}
            opts = _options.make(_options.EXTRACT, limits)
            try:
                warc = open_fd(fd, opts)
            except PithError as exc:
                yield _Job(_source(file), None, None, b"", exc.status, strerror(exc.status))
                return
            finally:
                _clib.pith_options_free(opts)
            try:
                for r in records(warc, "keep"):
                    if r.status == Status.OK and not r.is_page:
                        continue
                    uri, rid = _bytes(r.uri), _bytes(r.record_id)
                    source = _source(file, r.number, rid, uri)
                    yield _Job(source, uri, _bytes(r.charset), r.html, r.status, strerror(r.status))
            finally:
                _clib.pith_warc_free(warc)
            return
        with os.fdopen(os.dup(fd), "rb") as stream:
            html = stream.read()
        yield _Job(_source(file), None, None, html, Status.OK, "")
    finally:
        os.close(fd)


def _run(job: _Job, settings: dict) -> Line:
    """Extract and write one job, in a worker thread."""
    url = job.url.decode("utf-8", "surrogateescape") if job.url is not None else settings.get("url")
    if job.status != Status.OK:
        return _failure(job.source, _bytes(url), job.reason, job.status)
    charset = job.charset.decode("utf-8", "surrogateescape") if job.charset else None
    page = dict(settings, url=url, encoding=charset or settings.get("encoding"))
    opts = _options.make(_options.ALL, page)
    try:
        body = extract_json(job.html, opts)
    except PithError as exc:
        return _failure(job.source, _bytes(url), strerror(exc.status), exc.status)
    finally:
        _clib.pith_options_free(opts)
    return Line(b"{" + job.source + (b"," if len(body) > 2 else b"") + body[1:] + b"\n", True)


def file_lines(path: str | os.PathLike, threads: int, settings: dict) -> Iterator[Line]:
    """The JSON Lines of `pith -j THREADS -f json [options] PATH`, the
    library's calls in `threads` threads. `settings` are keywords of
    extract() and render(); "url" and "encoding" apply where a WARC record
    gives none, as the command's -u and -e do."""
    file = os.fsencode(path)
    _options.validate(_options.ALL, settings)  # once, before any page
    return ordered_map(lambda job: _run(job, settings), _jobs(os.fsdecode(path), file, settings), threads)

"""One page in, the library's JSON rendering out, with no Python object
in between: what extract_many() and the WARC paths run in their threads."""

from __future__ import annotations

import ctypes

from ._errors import check
from ._lib import FORMAT_JSON
from ._lib import lib as _clib


def extract_json(data: bytes, opts) -> bytes:
    """pith_extract() then pith_doc_render(PITH_FORMAT_JSON) with the same
    options (the library reads the extraction options in the first call
    and the render options in the second), as the pith command does; the
    JSON object's bytes, or the PithError of the failure."""
    handle = ctypes.c_void_p()
    out = ctypes.c_void_p()
    size = ctypes.c_size_t()
    try:
        check(_clib.pith_extract(data, len(data), opts, ctypes.byref(handle)))
        check(_clib.pith_doc_render(handle, FORMAT_JSON, opts, ctypes.byref(out), ctypes.byref(size)))
        return ctypes.string_at(out, size.value)
    finally:
        _clib.pith_free(out)
        _clib.pith_doc_free(handle)

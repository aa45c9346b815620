"""Loading libpith and declaring the C functions the package calls.

Where the library comes from, first match wins:

1. ``PITH_LIBRARY``: the path of a ``libpith.so``. When it is set it must
   load; there is no silent fallback to another copy.
2. A build tree: ``$PITH_BUILD_DIR/lib/.libs/libpith.so``, then
   ``lib/.libs/libpith.so`` and ``_build/lib/.libs/libpith.so`` in the
   source checkout this package lives in (found by its include/pith.h).
3. The installed library: ``ctypes.util.find_library("pith")``, then the
   soname ``libpith.so.0``.

Every function used has its argtypes and restype declared. Strings that a
pith_doc owns come back as ``c_void_p`` so that ctypes does not convert (and
lose) the pointer; the caller copies them with ``ctypes.string_at``. So does
the string pith_doc_render() hands over, which the caller then releases with
``pith_free``.
"""

import ctypes
import ctypes.util
import os
from pathlib import Path

_SONAME = "libpith.so.0"
_LIBS_PATH = Path("lib", ".libs", "libpith.so")

# Values from include/pith.h; the header promises they never change.
OPT_URL = 1
OPT_ENCODING = 2
OPT_MAX_INPUT_SIZE = 3
OPT_KEEP_TITLE = 4
OPT_MAX_DEPTH = 5
OPT_MAX_NODES = 6
OPT_MAX_OUTPUT_SIZE = 7
OPT_LINKS = 8
OPT_IMAGES = 9
OPT_TABLES = 10
OPT_FORMATTING = 11
OPT_STANDALONE = 12
OPT_JSON_CONTENT = 13
OPT_FAVOR = 14
OPT_EXPLAIN = 15
OPT_COMMENTS = 16
OPT_PAGE_TYPE = 17
# pith_comment_field
COMMENT_AUTHOR = 1
COMMENT_PUBLISHED = 2
COMMENT_TEXT = 3

FORMAT_TEXT = 1
FORMAT_MARKDOWN = 2
FORMAT_HTML = 3
FORMAT_JSON = 4
FORMAT_EXPLAIN = 5

FIELD_TITLE = 1
FIELD_AUTHORS = 2
FIELD_PUBLISHED = 3
FIELD_MODIFIED = 4
FIELD_SITE_NAME = 5
FIELD_DESCRIPTION = 6
FIELD_LANGUAGE = 7
FIELD_DIRECTION = 8
FIELD_URL = 9
FIELD_IMAGE = 10
FIELD_TAGS = 11
FIELD_PAGE_TYPE = 12
FIELD_ENCODING = 13
FIELD_ENCODING_SOURCE = 14
FIELD_LAYER = 15
FIELD_HEADLINE = 16
FIELD_CONFIDENCE = 17

# pith_favor
FAVOR_BALANCED = 0
FAVOR_PRECISION = 1
FAVOR_RECALL = 2


def _build_tree_candidates():
    build_dir = os.environ.get("PITH_BUILD_DIR")
    if build_dir:
        yield Path(build_dir) / _LIBS_PATH
    # The source checkout this package sits in, if any: the first directory
    # above it that holds include/pith.h.
    for parent in Path(__file__).resolve().parent.parents:
        if (parent / "include" / "pith.h").is_file():
            yield parent / _LIBS_PATH
            yield parent / "_build" / _LIBS_PATH
            break


def _load():
    explicit = os.environ.get("PITH_LIBRARY")
    if explicit:
        try:
            return ctypes.CDLL(explicit)
        except OSError as exc:
            raise ImportError(f"PITH_LIBRARY={explicit} cannot be loaded: {exc}") from exc

    for path in _build_tree_candidates():
        if path.is_file():
            return ctypes.CDLL(str(path))

    tried = []
    for name in (ctypes.util.find_library("pith"), _SONAME):
        if not name:
            continue
        try:
            return ctypes.CDLL(name)
        except OSError as exc:
            tried.append(f"{name}: {exc}")
    raise ImportError(
        "libpith not found: build it (see README.md), install it, or set "
        "PITH_LIBRARY to the path of libpith.so (" + "; ".join(tried) + ")"
    )


def _declare(lib):
    c_int, c_size_t, c_void_p = ctypes.c_int, ctypes.c_size_t, ctypes.c_void_p
    c_char_p = ctypes.c_char_p
    protos = {
        # Static strings: c_char_p's copy is all we need, nothing to free.
        "pith_version": (c_char_p, []),
        "pith_strerror": (c_char_p, [c_int]),
        "pith_options_new": (c_void_p, []),
        "pith_options_free": (None, [c_void_p]),
        "pith_options_set_string": (c_int, [c_void_p, c_int, c_char_p]),
        "pith_options_set_int": (c_int, [c_void_p, c_int, ctypes.c_longlong]),
        "pith_extract": (c_int, [c_char_p, c_size_t, c_void_p, ctypes.POINTER(c_void_p)]),
        "pith_doc_free": (None, [c_void_p]),
        # Owned by the pith_doc: copy with string_at before pith_doc_free.
        "pith_doc_text": (c_void_p, [c_void_p]),
        "pith_doc_text_length": (c_size_t, [c_void_p]),
        "pith_doc_title": (c_void_p, [c_void_p]),
        "pith_doc_count": (c_size_t, [c_void_p, c_int]),
        "pith_doc_get": (c_void_p, [c_void_p, c_int, c_size_t]),
        "pith_doc_confidence": (ctypes.c_double, [c_void_p]),
        "pith_doc_comment_count": (c_size_t, [c_void_p]),
        "pith_doc_comment_get": (c_void_p, [c_void_p, c_size_t, c_int]),
        "pith_doc_comment_depth": (c_int, [c_void_p, c_size_t]),
        # Handed to the caller: copy with string_at, then pith_free.
        "pith_doc_render": (
            c_int,
            [c_void_p, c_int, c_void_p, ctypes.POINTER(c_void_p), ctypes.POINTER(c_size_t)],
        ),
        "pith_free": (None, [c_void_p]),
        "pith_status_name": (c_char_p, [c_int]),
        "pith_option_bounds": (
            c_int,
            [c_int, ctypes.POINTER(ctypes.c_longlong), ctypes.POINTER(ctypes.c_longlong)],
        ),
        # The WARC reader: its strings are owned by the reader until the
        # next pith_warc_next(); c_char_p copies them at once.
        "pith_warc_open_fd": (c_int, [c_int, c_void_p, ctypes.POINTER(c_void_p)]),
        "pith_warc_free": (None, [c_void_p]),
        "pith_warc_next": (c_int, [c_void_p]),
        "pith_warc_record_number": (ctypes.c_ulonglong, [c_void_p]),
        "pith_warc_record_id": (c_char_p, [c_void_p]),
        "pith_warc_target_uri": (c_char_p, [c_void_p]),
        "pith_warc_date": (c_char_p, [c_void_p]),
        "pith_warc_http_status": (c_int, [c_void_p]),
        "pith_warc_content_type": (c_char_p, [c_void_p]),
        "pith_warc_charset": (c_char_p, [c_void_p]),
        "pith_warc_body": (c_void_p, [c_void_p, ctypes.POINTER(c_size_t)]),
        "pith_warc_probe": (c_int, [c_char_p, c_size_t]),
    }
    for name, (restype, argtypes) in protos.items():
        func = getattr(lib, name)
        func.restype = restype
        func.argtypes = argtypes
    return lib


lib = _declare(_load())

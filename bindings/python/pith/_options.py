"""Keyword arguments to pith_options, checked by the library.

Each keyword of extract() and Document.render() is one PITH_OPT_* key. A
value is checked for its Python type here, and for its range by the library:
pith_option_bounds() gives the accepted range that an error message quotes,
and the status of each pith_options_set_*() call is the verdict. An error
names the keyword and what it accepts.
"""

from __future__ import annotations

import ctypes

from . import _lib
from ._errors import OptionError, PithError, Status, strerror
from ._lib import lib as _clib

# Names accepted for PITH_OPT_FAVOR.
FAVOR_NAMES = {
    "balanced": _lib.FAVOR_BALANCED,
    "precision": _lib.FAVOR_PRECISION,
    "recall": _lib.FAVOR_RECALL,
}

# The values of PITH_OPT_PAGE_TYPE (the library checks them too; this list
# is for the error message).
PAGE_TYPE_NAMES = (
    "article", "blog", "product", "collection", "listing", "forum", "documentation", "service",
)

# Names accepted for a pith_format (render()'s format, json_content), the
# same as the pith command's -f, in any letter case.
FORMAT_NAMES = {
    "txt": _lib.FORMAT_TEXT,
    "text": _lib.FORMAT_TEXT,
    "markdown": _lib.FORMAT_MARKDOWN,
    "md": _lib.FORMAT_MARKDOWN,
    "html": _lib.FORMAT_HTML,
    "json": _lib.FORMAT_JSON,
    "explain": _lib.FORMAT_EXPLAIN,
}

# keyword: (PITH_OPT_*, kind). "str" is a string option, "bool" an integer
# option of 0 or 1, "int" an integer option in pith_option_bounds(),
# "favor" and "format" integers given by name, "page_type" a string option
# of PAGE_TYPE_NAMES.
EXTRACT = {
    "url": (_lib.OPT_URL, "str"),
    "encoding": (_lib.OPT_ENCODING, "str"),
    "keep_title": (_lib.OPT_KEEP_TITLE, "bool"),
    "max_input_size": (_lib.OPT_MAX_INPUT_SIZE, "int"),
    "max_depth": (_lib.OPT_MAX_DEPTH, "int"),
    "max_nodes": (_lib.OPT_MAX_NODES, "int"),
    "max_output_size": (_lib.OPT_MAX_OUTPUT_SIZE, "int"),
    "favor": (_lib.OPT_FAVOR, "favor"),
    "explain": (_lib.OPT_EXPLAIN, "bool"),
    "page_type": (_lib.OPT_PAGE_TYPE, "page_type"),
}
RENDER = {
    "links": (_lib.OPT_LINKS, "bool"),
    "images": (_lib.OPT_IMAGES, "bool"),
    "tables": (_lib.OPT_TABLES, "bool"),
    "formatting": (_lib.OPT_FORMATTING, "bool"),
    "standalone": (_lib.OPT_STANDALONE, "bool"),
    "json_content": (_lib.OPT_JSON_CONTENT, "format"),
    "comments": (_lib.OPT_COMMENTS, "bool"),
}

# Both: extract_many() and the WARC paths pass one option set to
# pith_extract() and pith_doc_render(), as the pith command does.
ALL = {**EXTRACT, **RENDER}


def bounds(key: int) -> tuple[int, int]:
    """pith_option_bounds() of an integer option, or OptionError."""
    low, high = ctypes.c_longlong(), ctypes.c_longlong()
    status = _clib.pith_option_bounds(key, ctypes.byref(low), ctypes.byref(high))
    if status != Status.OK:
        raise PithError(status)
    return low.value, high.value


def format_number(value, name: str) -> int:
    """A pith_format number from a name (any case) or an int."""
    if isinstance(value, str):
        try:
            return FORMAT_NAMES[value.lower()]
        except KeyError:
            names = ", ".join(repr(n) for n in FORMAT_NAMES)
            raise OptionError(Status.OPTION_VALUE, f"{name}={value!r}: not a format (one of {names})") from None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a str or a pith.Format, not {type(value).__name__}")
    return int(value)


def _c_value(name: str, kind: str, key: int, value):
    """The bytes or int to hand to the setter, after the checks of the kind."""
    if kind == "str":
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, not {type(value).__name__}")
        if "\0" in value:
            raise OptionError(Status.OPTION_VALUE, f"{name} must not contain NUL characters")
        return value.encode("utf-8")
    if kind == "page_type":
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, not {type(value).__name__}")
        if value not in PAGE_TYPE_NAMES:
            names = ", ".join(repr(n) for n in PAGE_TYPE_NAMES)
            raise OptionError(Status.OPTION_VALUE, f"page_type={value!r}: one of {names}")
        return value.encode("utf-8")
    if kind == "favor":
        try:
            return FAVOR_NAMES[value]
        except (KeyError, TypeError):
            names = ", ".join(repr(n) for n in FAVOR_NAMES)
            raise OptionError(Status.OPTION_VALUE, f"favor={value!r}: one of {names}") from None
    if kind == "format":
        return format_number(value, name)
    if kind == "bool":
        if not isinstance(value, (bool, int)):
            raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
        return int(bool(value))
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    low, high = bounds(key)
    if not low <= value <= high:
        raise OptionError(
            Status.OPTION_VALUE, f"{name}={value!r} is out of range (accepted: {low} to {high})"
        )
    return value


def make(table: dict, settings: dict):
    """A pith_options pointer with the keywords of `settings` (None values
    left at the library's default) from `table`, or None when nothing is
    set. The caller frees it with pith_options_free()."""
    values = []
    for name, value in settings.items():
        if value is None:
            continue
        try:
            key, kind = table[name]
        except KeyError:
            raise TypeError(f"unknown option {name!r} (one of {', '.join(table)})") from None
        values.append((name, key, kind in ("str", "page_type"), _c_value(name, kind, key, value)))
    if not values:
        return None
    opts = _clib.pith_options_new()
    if not opts:
        raise PithError(Status.NOMEM)
    try:
        for name, key, is_string, value in values:
            if is_string:
                status = _clib.pith_options_set_string(opts, key, value)
            else:
                status = _clib.pith_options_set_int(opts, key, value)
            if status != Status.OK:
                raise PithError(status, f"{name}={settings[name]!r}: {strerror(status)}")
    except BaseException:
        _clib.pith_options_free(opts)
        raise
    return opts


def validate(table: dict, settings: dict) -> None:
    """Raise what make() would raise for `settings`, up front."""
    _clib.pith_options_free(make(table, settings))

#!/bin/sh
# The shape lib/README.md promises (tests/layout.py): file lengths, no
# include or call circle between lib/ files, libxml2 behind tree/dom.c and base/url.c.
exec "${PYTHON3:-python3}" "$top_srcdir/tests/layout.py" "$top_srcdir" "$top_builddir/lib"

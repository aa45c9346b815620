#!/bin/sh
# Safe output, checked by independent parsers (check_safe.py): the hostile
# pages of data/hostile in every format, HTML parsed by html5lib as a
# browser would, Markdown rendered by cmark-gfm --unsafe (raw HTML kept) and
# parsed the same way, the explain view loading nothing.
pith=${top_builddir:-..}/examples/pith
python=${SYSTEM_PYTHON3:-/usr/bin/python3}
[ -x "$pith" ] || { echo "no $pith"; exit 99; }
command -v cmark-gfm >/dev/null 2>&1 || { echo "cmark-gfm not installed (scripts/setup.sh installs it)"; exit 1; }
"$python" -c 'import html5lib' 2>/dev/null || { echo "html5lib missing for $python (python3-html5lib; scripts/setup.sh installs it)"; exit 1; }
exec "$python" "${top_srcdir:-..}/tests/check_safe.py" "$pith" "${top_srcdir:-..}/tests/data/hostile"

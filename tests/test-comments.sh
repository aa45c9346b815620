#!/bin/sh
# Reader comments on written pages of the comment systems people meet most
# (check_comments.py): WordPress, Drupal, Blogger, a news site's "Top Rated
# Comments", a threaded block under an article, a static site's include, and
# the placeholders Disqus and the Facebook plugin leave in crawled HTML.
command -v cmark-gfm >/dev/null 2>&1 || { echo "cmark-gfm not installed (scripts/setup.sh installs it)"; exit 1; }
"${PYTHON3:-python3}" "$top_srcdir/tests/check_comments.py" "$top_builddir/examples/pith" \
    "$top_srcdir/tests/data/comments"

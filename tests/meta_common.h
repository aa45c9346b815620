/* meta_common.h - what the metadata test suites share: a page from a
 * string, its metadata extracted, and short ways to write a <head>. */
#ifndef PI_META_COMMON_H
#define PI_META_COMMON_H

#include "check_common.h"
#include "base/error.h"
#include "meta/metadata.h"
#include "tree/dom.h"

/* A tree of `len` bytes of UTF-8 HTML, parsed as the library parses pages;
 * free it with pi_tree_free(). */
static inline pi_tree *pi_test_parse(const char *html, size_t len)
{
    pi_tree *t = NULL;
    ck_assert_int_eq(pi_parse_html(html, len, NULL, &t), PI_OK);
    return t;
}

/* Extract from an HTML string fetched from `url` (may be NULL); the result
 * must be freed with pi_meta_free. */
static inline pi_meta ex_url(const char *html, const char *url)
{
    pi_meta m;
    pi_tree *d = pi_test_parse(html, strlen(html));
    ck_assert_int_eq(pi_meta_extract(d, url, &m), PI_OK);
    pi_tree_free(d);
    return m;
}

static inline pi_meta ex(const char *html)
{
    return ex_url(html, NULL);
}

#define HEAD(x) "<!DOCTYPE html><html><head>" x "</head><body></body></html>"
#define LD(x) "<script type=\"application/ld+json\">" x "</script>"

#endif

/* url.h - one home for URLs: the document's base, and references made
 * absolute against it. Results are malloc'd; "no usable URL" is PI_OK with
 * *out NULL, distinct from PI_ENOMEM. Call them in a thread that has parsed
 * a page (tree/dom.c silences libxml2's error messages per thread). */
#ifndef PI_URL_H
#define PI_URL_H

#include <stddef.h>

/* The base of the page's relative URLs: `base_href` (the page's <base
 * href>, may be NULL or empty) resolved against `page_url`, else `page_url`
 * (may be NULL: then *out is NULL). Returns PI_OK or PI_ENOMEM. */
int pi_url_base(const char *base_href, const char *page_url, char **out);

/* A link or image of the article: `ref` resolved against `base` (may be
 * NULL: `ref` is then kept as it is), after leading white space. Empty,
 * data:, javascript: and vbscript: references give *out NULL. A reference
 * that does not resolve is kept as it is. Returns PI_OK or PI_ENOMEM. */
int pi_url_resolve(const char *base, const char *ref, char **out);

/* Would pi_url_resolve() give a URL for `ref` (not empty, data:,
 * javascript: or vbscript:)? The model keeps references as the page
 * writes them and resolves them when it is rendered with links. */
int pi_url_usable(const char *ref);

/* A URL the page declares about itself (canonical, image): `ref`, white
 * space already collapsed, made absolute against `base_href` resolved
 * against `page_url` (either may be NULL), or *out NULL when it stays
 * relative, is longer than `max_len`, or is not a resource (javascript:,
 * data:, about:). A protocol-relative "//host/x" without a base reads as
 * https. Returns PI_OK or PI_ENOMEM. */
int pi_url_absolute(const char *base_href, const char *page_url, const char *ref, size_t max_len,
                    char **out);

/* Does `u` start with a URL scheme ("http:", "mailto:")? */
int pi_url_has_scheme(const char *u);

#endif

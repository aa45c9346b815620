/* build.h - the document model from the chosen, classified subtrees. */
#ifndef PI_BUILD_H
#define PI_BUILD_H

#include "model.h"
#include "score.h"
#include "stats.h"

/* Walk the chosen subtrees, skipping dropped elements, and append the blocks
 * to `m`: text with whitespace collapsed, inline markup as spans, images with
 * absolute URLs (relative ones resolve against the document's base: <base
 * href>, then the page URL). `title` (may be NULL) is the page title: a
 * heading that repeats it at the top of the article is left out unless
 * `keep_title`. Returns PI_OK or PI_ENOMEM. */
int pi_build_model(pi_stats *st, const pi_choice *c, const char *title, int keep_title,
                   pi_model *m);

/* An absolute URL for `ref` against `base` (may be NULL: `ref` is then kept
 * as it is), malloc'd; NULL for empty, data: and script URLs. */
char *pi_resolve_url(const char *base, const char *ref);

/* The base of the document's relative URLs: its <base href> resolved against
 * `page_url`, else `page_url` (may be NULL). Malloc'd, or NULL. Call before
 * the head is cleaned away. */
char *pi_document_base(xmlNodePtr root, const char *page_url);

#endif

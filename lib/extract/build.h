/* build.h - the document model from the chosen, cleaned subtrees. */
#ifndef PI_BUILD_H
#define PI_BUILD_H

#include "extract/choice.h"
#include "extract/stats.h"
#include "model.h"

/* Walk the chosen subtrees of `c`, skipping dropped elements, and append the
 * blocks to `m`: text with whitespace collapsed, inline markup as spans,
 * images and links with absolute URLs (relative ones resolve against
 * `base`, the document's base URL, which may be NULL). `title` (may be NULL)
 * is the page's headline: a heading that repeats it at the top of the
 * article is left out unless `keep_title`. Returns PI_OK or PI_ENOMEM. */
int pi_build_model(const pi_stats *st, const pi_choice *c, const char *base, const char *title,
                   int keep_title, pi_model *m);

#endif

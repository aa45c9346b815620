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

#endif

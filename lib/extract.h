/* extract.h - the article from the numbered tree: the layers in order.
 *
 *   1. candidate scoring (score.c), with block classification (blocks.c);
 *   2. when that result is suspiciously short against the page, a relaxed
 *      second attempt, and the better of the two by a quality measure;
 *   3. when even that is short against the article body the page declares
 *      in its structured data (JSON-LD articleBody), that body. */
#ifndef PI_EXTRACT_H
#define PI_EXTRACT_H

#include "model.h"
#include "stats.h"

/* Fill `m` with the article of the tree numbered in `st` (index 0 is the
 * body). `declared_body` (may be NULL) is the article text from structured
 * data. `layer` receives which attempt decided (static string). Returns
 * PI_OK or PI_ENOMEM. */
int pi_extract_article(pi_stats *st, pi_words *w, const char *title, int keep_title,
                       const char *declared_body, pi_model *m, const char **layer);

#endif

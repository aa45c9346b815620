/* score.h - candidate scores; choose the article container. */
#ifndef PI_SCORE_H
#define PI_SCORE_H

#include "extract/choice.h"
#include "extract/stats.h"

/* Score candidates and choose the article: the top candidate and the
 * siblings that belong with it, after the lead of an enclosing article.
 * `body` is the index to fall back on; `title` (may be NULL) is the page's
 * headline, which picks among repeated article containers; `flags` are
 * PI_RELAXED and PI_NO_NAMES (choice.h). `c` receives a new choice (free it
 * with pi_choice_free(), also after a failure). Returns PI_OK or
 * PI_ENOMEM. */
int pi_choose(const pi_stats *st, int32_t body, int flags, const char *title, pi_choice *c);

#endif

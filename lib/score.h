/* score.h - candidate scores; choose the article container. */
#ifndef PI_SCORE_H
#define PI_SCORE_H

#include "stats.h"

typedef struct pi_choice {
    int32_t *roots;   /* indices of the chosen subtrees, in document order */
    size_t n;
    int32_t top;      /* the winning candidate, -1 when none scored */
    const char *layer; /* static: which evidence decided ("score", "fallback" ...) */
} pi_choice;

/* Flags of pi_choose() and pi_blocks_classify(). */
enum {
    /* Second attempt: containers named like furniture vote too, and names
     * alone drop nothing that reads like prose. */
    PI_RELAXED = 1,
    /* Candidates start without their positive name evidence: when the first
     * result is tiny, a name ("article-meta") outweighed the text. */
    PI_NO_NAMES = 2,
    /* Block cleaning: names drop nothing (set when they would drop nearly
     * all of a container: "comment" on every entry of a live blog). */
    PI_IGNORE_NAMES = 4
};

/* Score candidates and choose the article: the top candidate and the
 * siblings that belong with it. `body` is the index to fall back on;
 * `title` (may be NULL) is the page's headline, which picks among repeated
 * article containers.
 * Returns PI_OK or PI_ENOMEM. */
int pi_choose(pi_stats *st, int32_t body, int flags, const char *title, pi_choice *out);

/* Forget scores and drop marks, for another attempt on the same stats. */
void pi_choice_reset(pi_stats *st);
void pi_choice_free(pi_choice *c);

/* Share of the words of `r` that are inside links, 0..1. */
float pi_link_density(const pi_node *r);

#endif

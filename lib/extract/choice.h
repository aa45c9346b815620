/* choice.h - what one extraction attempt decides: each candidate's score,
 * the chosen subtrees, and the elements dropped from them.
 *
 * The statistics (stats.h) are facts about the page, shared by every
 * attempt; an attempt's decisions live here, in arrays it owns and indexed
 * like pi_stats.nodes, so that a second attempt starts from a fresh choice
 * instead of resetting fields of the shared records. score.c fills the
 * scores and the roots, blocks.c the drop marks, build.c reads both. */
#ifndef PI_CHOICE_H
#define PI_CHOICE_H

#include <stddef.h>
#include <stdint.h>

/* How an attempt reads the page (pi_choose(), pi_blocks_classify()). */
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

/* Why an element is dropped (pi_choice.drop); 0 is kept. */
enum { PI_DROP_FURNITURE = 1, PI_DROP_BYLINE = 2 };

typedef struct pi_choice {
    size_t n_nodes;     /* length of the per-element arrays */
    float *score;       /* candidate score, valid where candidate[i] */
    uint8_t *candidate; /* the element received a paragraph's score */
    uint8_t *drop;      /* PI_DROP_* */
    uint8_t *mute;      /* NULL, or per text block: its own text is left out
                           (the learned decisions judge blocks, not subtrees) */
    int32_t *roots;     /* indices of the chosen subtrees, in document order */
    size_t n, cap;
    int32_t top;  /* the winning candidate (the body when none scored) */
    int fallback; /* no candidate scored: the body is the article */
} pi_choice;

/* An empty choice for `n_nodes` elements. Returns PI_OK or PI_ENOMEM (then
 * nothing is left to free). */
int pi_choice_init(pi_choice *c, size_t n_nodes);
void pi_choice_free(pi_choice *c);

/* Append a chosen subtree. Returns PI_OK or PI_ENOMEM. */
int pi_choice_add_root(pi_choice *c, int32_t i);

/* The score of element i, 0 unless it is a candidate. */
static inline float pi_choice_score(const pi_choice *c, size_t i)
{
    return c->candidate[i] ? c->score[i] : 0.0f;
}

#endif

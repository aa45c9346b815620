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
    PI_IGNORE_NAMES = 4,
    /* Record why each element is dropped (pi_choice.why): the explain view
     * (render_explain.c). Changes no decision. */
    PI_EXPLAIN = 8
};

/* Why an element is dropped (pi_choice.drop); 0 is kept. */
enum { PI_DROP_FURNITURE = 1, PI_DROP_BYLINE = 2 };

/* The rule that dropped an element or a block (pi_choice.why), recorded
 * only when explaining; why.c gives each its text. 0 is none. */
typedef enum pi_why {
    PI_WHY_NONE,
    PI_WHY_TAG,            /* furniture element: nav, aside, footer, form ... */
    PI_WHY_NAME,           /* class or id named like furniture */
    PI_WHY_BYLINE,         /* class or id named like a byline */
    PI_WHY_TEASER,         /* "Read also: <a>...</a>" */
    PI_WHY_HEADING_NAME,   /* a heading named like furniture */
    PI_WHY_BIG_LINKS,      /* most of the article, but mostly links */
    PI_WHY_NEGATIVE,       /* names and score below zero */
    PI_WHY_GALLERY,        /* images with few paragraphs */
    PI_WHY_ITEMS,          /* far more list items than paragraphs */
    PI_WHY_SHORT_BOX,      /* a box with too little text */
    PI_WHY_BOX_LINKS,      /* a box of links */
    PI_WHY_POSITIVE_LINKS, /* content-named, but mostly links */
    PI_WHY_LINK_LIST,      /* a short list of links */
    PI_WHY_ORPHAN,         /* a heading that introduces dropped furniture */
    PI_WHY_LAST_HEADING,   /* a heading with nothing under it */
    PI_WHY_HEADLINE,       /* the headline repeated at the top */
    PI_WHY_CAPTION_AGAIN,  /* a caption repeated right after itself */
    PI_WHY_DATE_LINE,      /* a line that is only a date */
    PI_WHY_CREDIT,         /* a picture credit */
    PI_WHY_TAIL,           /* trailing context trimmed */
    PI_WHY_LINE_NUMBERS,   /* the gutter of a code table (codetable.h) */
    PI_WHY_COMMENT,        /* in a comment section (comments.c) */
    PI_WHY_MODEL,          /* the block model's probability (pi_choice.prob) */
    PI_WHY_NO_WORDS        /* the learned layer: no words, the rules decide */
} pi_why;

typedef struct pi_choice {
    size_t n_nodes;     /* length of the per-element arrays */
    float *score;       /* candidate score, valid where candidate[i] */
    uint8_t *candidate; /* the element received a paragraph's score */
    uint8_t *drop;      /* PI_DROP_* */
    uint8_t *mute;      /* NULL, or per text block: its own text is left out
                           (the learned decisions judge blocks, not subtrees) */
    uint8_t *why;       /* NULL, or when explaining (PI_EXPLAIN): pi_why of
                           each dropped element or removed block's element */
    float *prob;        /* NULL, or when explaining the learned layer: the
                           block model's probability of each text block */
    int32_t *roots;     /* indices of the chosen subtrees, in document order */
    size_t n, cap;
    int32_t top;  /* the winning candidate (the body when none scored) */
    int fallback; /* no candidate scored: the body is the article */
    int oom;      /* a decision could not read an element's text for want of
                     memory: the attempt is PI_ENOMEM (base/error.h) */
} pi_choice;

/* The drop mark (PI_DROP_*) of an element that rule `why` drops. */
static inline uint8_t pi_drop_of(int why)
{
    return why == PI_WHY_BYLINE ? PI_DROP_BYLINE : PI_DROP_FURNITURE;
}

/* An empty choice for `n_nodes` elements. Returns PI_OK or PI_ENOMEM (then
 * nothing is left to free). */
int pi_choice_init(pi_choice *c, size_t n_nodes);
void pi_choice_free(pi_choice *c);

/* Make room for the reasons (`why`, and `prob` when `prob` is set).
 * Returns PI_OK or PI_ENOMEM. */
int pi_choice_explain(pi_choice *c, int prob);

/* Append a chosen subtree. Returns PI_OK or PI_ENOMEM. */
int pi_choice_add_root(pi_choice *c, int32_t i);

/* The score of element i, 0 unless it is a candidate. */
static inline float pi_choice_score(const pi_choice *c, size_t i)
{
    return c->candidate[i] ? c->score[i] : 0.0f;
}

#endif

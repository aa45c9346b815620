/* extract.h - the article from the numbered tree: the layers in order.
 *
 *   1. candidate scoring (score.c), block cleaning (blocks.c) and the model
 *      of what is kept (build.c);
 *   2. when that result is suspiciously short against the page, relaxed
 *      attempts, and the better result by its words;
 *   3. when even that is short against the article body the page declares
 *      in its structured data (JSON-LD articleBody), that body.
 * Every attempt's model is tidied the same way: date lines and picture
 * credits out, trailing context trimmed. */
#ifndef PI_EXTRACT_H
#define PI_EXTRACT_H

#include "extract/choice.h"
#include "extract/comments.h"
#include "extract/feature.h"
#include "extract/stats.h"
#include "model.h"

/* Which layer decided. pith.h names them (PITH_FIELD_LAYER). */
typedef enum pi_layer {
    PI_LAYER_NONE,             /* nothing ran: the page has no elements */
    PI_LAYER_SCORE,            /* candidate scoring */
    PI_LAYER_FALLBACK,         /* no candidate: the body */
    PI_LAYER_RELAXED,          /* a relaxed attempt's scoring */
    PI_LAYER_RELAXED_FALLBACK, /* a relaxed attempt without a candidate */
    PI_LAYER_JSON_LD,          /* the declared articleBody */
    PI_LAYER_LEARNED           /* the learned block decisions (learned.c) */
} pi_layer;

/* What the extraction reads besides the tree. */
typedef struct pi_article_in {
    const char *base;          /* base of relative URLs, or NULL */
    const char *headline;      /* the page's headline, or NULL */
    int keep_title;            /* keep the headline at the top of the text */
    const char *declared_body; /* JSON-LD articleBody as text, or NULL */
    float beta2;               /* the learned decisions' beta squared
                                  (learned.h); 0 leaves them out */
    unsigned declared;         /* the types the page declares (PI_DECL_*) */
    const char *url;           /* the page's address, or NULL */
    int explain;               /* record every decision's reason (pi_choice.why) */
    int page_type;             /* the page type the caller gives (PI_PT_*), read
                                  instead of the page model's; -1: none */
} pi_article_in;

/* One attempt of the rules, as the explain view lists them. */
typedef struct pi_attempt {
    int flags;      /* PI_RELAXED, PI_NO_NAMES (choice.h) */
    int32_t top;    /* its winning candidate, -1 when none scored */
    uint32_t words; /* the words its model would keep */
    int taken;      /* it gave the rules' result */
} pi_attempt;

#define PI_MAX_ATTEMPTS 3

/* What the extraction gives besides the model. */
typedef struct pi_article_out {
    pi_layer layer; /* which layer decided */
    /* The page model's probability of each page type (PI_PT_*), when the
     * learned layer ran (`typed`); one-hot for the caller's type, when it
     * gave one (`given`, and `typed` whatever ran). */
    float page_types[PI_N_PAGE_TYPES];
    int typed;
    int given;
    /* The model's estimate of the F1 of the blocks kept (learned.h), when
     * the learned layer ran; else -1. */
    float confidence;
    /* The probability from which the learned layer kept blocks, when it
     * ran. */
    float cut;
    pi_attempt attempts[PI_MAX_ATTEMPTS]; /* the rules' attempts, in order */
    int n_attempts;
    /* Explaining, when the learned layer decided: the rules' choice it
     * replaced (the caller frees it, also after a failure). */
    pi_choice rules;
    /* The rules' container of the article (choice.h `top`): a comment
     * section never holds it (comments.h). */
    int32_t rules_top;
    /* The reader comments, kept out of the model (owned: the caller takes
     * them on success; nothing to free on failure). */
    pi_comments comments;
} pi_article_out;

/* Fill `m` with the article of the tree numbered in `st` (index 0 is the
 * body), and `out`. When `kept` is not NULL it receives the choice of the
 * attempt that gave the model (free it with pi_choice_free(), also after a
 * failure). Returns PI_OK or PI_ENOMEM. */
int pi_extract_article(const pi_stats *st, pi_words *w, const pi_article_in *in, pi_model *m,
                       pi_article_out *out, pi_choice *kept);

#endif

/* feature.h - what the learned decisions see of each text block.
 *
 * A text block is an element that owns text directly (pi_node.own_chars >
 * 0: a paragraph, a heading, a list item, a cell, a div with bare text).
 * For each one, in document order, a row of PI_N_FEATURES numbers made from
 * the one-pass statistics and nothing else: the block's own figures, its
 * ancestors', its neighbours', the names around it, the shape of its text,
 * its place on the page, and what the rules decided about it (the choice of
 * the attempt that gave the rules' text). The rows feed the compiled model
 * (learned.c) and, through the feature dump of train/, its training: one
 * definition for both, so that training sees what inference sees. */
#ifndef PI_FEATURE_H
#define PI_FEATURE_H

#include "extract/choice.h"
#include "extract/stats.h"

#include <stddef.h>
#include <stdint.h>

/* The features, in row order. Append only where a trained model is kept
 * with its feature names (train/ regenerates it otherwise). */
/* clang-format off */
#define PI_FEATURE_LIST(X)                                                     \
    /* the block itself */                                                     \
    X(OWN_WORDS) X(OWN_CHARS) X(OWN_LINK_SHARE) X(OWN_COMMAS) X(CHARS_PER_WORD) \
    X(WORDS) X(LINK_DENSITY) X(N_PARA) X(N_LINKS) X(N_LI) X(N_IMG)             \
    X(N_HEADINGS) X(N_FORMCTL) X(HAS_BLOCK_CHILD) X(TAG) X(HEADING_LEVEL)      \
    X(DEPTH) X(WEIGHT) X(UNLIKELY) X(IN_LINK) X(NAMES)                         \
    /* the shape of its text */                                                \
    X(ENDS_SENTENCE) X(ENDS_COLON) X(FIRST_UPPER) X(UPPER_SHARE)               \
    X(DIGIT_SHARE) X(SENTENCES) X(SEPARATORS) X(COPYRIGHT)                     \
    /* what is around it */                                                    \
    X(ANC_NAMES) X(ANC_MIN_WEIGHT) X(ANC_MAX_WEIGHT) X(IN_MAIN)                \
    X(IN_FURNITURE) X(IN_HEADER) X(IN_LIST) X(IN_TABLE) X(IN_FIGURE)           \
    X(IN_QUOTE) X(RUN) X(P1_TAG) X(P1_WORDS) X(P1_LINK_DENSITY) X(P1_N_PARA)   \
    X(P1_SHARE) X(P1_RUN) X(P2_WORDS) X(P2_LINK_DENSITY) X(P2_SHARE) X(P2_RUN) \
    X(P3_WORDS) X(P3_LINK_DENSITY) X(P3_RUN)                                   \
    X(PREV_WORDS) X(PREV_LINK_SHARE) X(PREV_TAG) X(PREV_KEPT)                  \
    X(NEXT_WORDS) X(NEXT_LINK_SHARE) X(NEXT_TAG) X(NEXT_KEPT)                  \
    /* its place on the page */                                                \
    X(POSITION) X(WORDS_BEFORE)                                                \
    /* what the rules decided */                                               \
    X(RULES_KEPT) X(RULES_DROPPED) X(IN_TOP) X(BELOW_TOP) X(RULES_LAYER)       \
    /* the page */                                                             \
    X(PAGE_WORDS) X(PAGE_LINK_DENSITY) X(PAGE_BLOCKS) X(RULES_SHARE)
/* clang-format on */

enum {
#define PI_FEATURE_ENUM(name) PI_F_##name,
    PI_FEATURE_LIST(PI_FEATURE_ENUM)
#undef PI_FEATURE_ENUM
        PI_N_FEATURES
};

/* The features' names, lowercase ("own_words"), for the dump and the
 * model's header. */
extern const char *const pi_feature_names[PI_N_FEATURES];

typedef struct pi_features {
    size_t n;       /* text blocks */
    int32_t *block; /* the element index of each, in document order */
    float *x;       /* n rows of PI_N_FEATURES */
} pi_features;

/* The rows of every text block of the tree numbered in `st`; `rules` is the
 * choice whose model gave the rules' text, `layer` the layer that decided
 * (pi_layer). Returns PI_OK or PI_ENOMEM (then `f` holds nothing to free). */
int pi_features_build(const pi_stats *st, const pi_choice *rules, int layer, pi_features *f);
void pi_features_free(pi_features *f);

/* Which elements the rules' text comes from: kept[i] is 1 when element i
 * lies in a chosen subtree and neither it nor an ancestor up to the root
 * is dropped. `kept` has st->n bytes. */
void pi_features_kept(const pi_stats *st, const pi_choice *rules, uint8_t *kept);

#endif

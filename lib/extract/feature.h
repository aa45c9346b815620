/* feature.h - what the learned decisions see of a page and of each of its
 * text blocks.
 *
 * A text block is an element that owns text directly (pi_node.own_chars >
 * 0: a paragraph, a heading, a list item, a cell, a div with bare text).
 * For each one, in document order, a row of PI_N_FEATURES numbers made from
 * the one-pass statistics: the block's own figures, its ancestors', its
 * neighbours', the names around it, the shape of its text, its place on the
 * page, and what the rules decided about it (the choice of the attempt that
 * gave the rules' text). For the page, one row of PI_N_PAGE_FEATURES: what
 * it declares (JSON-LD, microdata, og:type), the shape of its URL, its
 * make-up and the rules' result. The rows feed the compiled models
 * (learned.c) and, through the feature dump of train/, their training: one
 * definition for both, so that training sees what inference sees. */
#ifndef PI_FEATURE_H
#define PI_FEATURE_H

#include "extract/choice.h"
#include "extract/stats.h"

#include <stddef.h>
#include <stdint.h>

/* The block features, in row order. A trained model is generated with its
 * feature names; test_learned fails when they differ from these (train/
 * regenerates it). The PT_* features, the page type's probabilities, are
 * filled in by learned.c from the page model. */
/* clang-format off */
#define PI_FEATURE_LIST(X)                                                     \
    /* the block itself */                                                     \
    X(OWN_WORDS) X(OWN_CHARS) X(OWN_LINK_SHARE) X(OWN_COMMAS) X(CHARS_PER_WORD) \
    X(WORDS) X(LINK_DENSITY) X(N_PARA) X(N_LINKS) X(N_LI) X(N_IMG)             \
    X(N_HEADINGS) X(N_FORMCTL) X(HAS_BLOCK_CHILD) X(TAG) X(HEADING_LEVEL)      \
    X(DEPTH) X(WEIGHT) X(UNLIKELY) X(IN_LINK)                                  \
    X(NAME_NEG) X(NAME_POS) X(NAME_BYLINE) X(NAME_STRONG) X(NAME_COMMENT)      \
    X(NAME_REVIEW)                                                             \
    /* the shape of its text */                                                \
    X(ENDS_SENTENCE) X(ENDS_COLON) X(FIRST_UPPER) X(UPPER_SHARE)               \
    X(DIGIT_SHARE) X(SENTENCES) X(SEPARATORS) X(COPYRIGHT) X(PRICES)           \
    /* what is around it */                                                    \
    X(ANC_NEG) X(ANC_POS) X(ANC_BYLINE) X(ANC_STRONG) X(ANC_COMMENT)           \
    X(ANC_REVIEW) X(ANC_UNLIKELY) X(ANC_MIN_WEIGHT) X(ANC_MAX_WEIGHT)          \
    X(IN_MAIN) X(IN_FURNITURE) X(IN_HEADER) X(IN_LIST) X(IN_TABLE)             \
    X(IN_FIGURE) X(IN_QUOTE) X(RUN) X(P1_TAG) X(P1_WORDS) X(P1_LINK_DENSITY)   \
    X(P1_N_PARA) X(P1_SHARE) X(P1_RUN) X(P2_WORDS) X(P2_LINK_DENSITY)          \
    X(P2_SHARE) X(P2_RUN) X(P3_WORDS) X(P3_LINK_DENSITY) X(P3_RUN)             \
    X(PREV_WORDS) X(PREV_LINK_SHARE) X(PREV_TAG) X(PREV_KEPT)                  \
    X(NEXT_WORDS) X(NEXT_LINK_SHARE) X(NEXT_TAG) X(NEXT_KEPT)                  \
    /* its place, against the rules' winner (not on the page: identical     \
     * blocks anywhere in the article must be judged alike) */                 \
    X(TOP_SIDE)                                                                \
    /* what the rules decided */                                               \
    X(RULES_KEPT) X(RULES_DROPPED) X(IN_TOP) X(BELOW_TOP) X(RULES_LAYER)       \
    /* the page */                                                             \
    X(PAGE_WORDS) X(PAGE_LINK_DENSITY) X(PAGE_BLOCKS) X(RULES_SHARE)           \
    X(PT_ARTICLE) X(PT_SERVICE) X(PT_PRODUCT) X(PT_COLLECTION) X(PT_LISTING)   \
    X(PT_FORUM) X(PT_DOCUMENTATION)

/* The page features, in row order. */
#define PI_PAGE_FEATURE_LIST(X)                                                \
    /* declared types (metadata.h PI_DECL_*, in bit order) */                  \
    X(D_ARTICLE) X(D_BLOG) X(D_TECH) X(D_PRODUCT) X(D_LIST) X(D_FORUM)         \
    X(D_COMMENT) X(D_REVIEW) X(D_FAQ) X(D_ORG) X(D_SERVICE) X(D_EVENT)         \
    X(D_RECIPE) X(D_COURSE) X(D_BREADCRUMB) X(D_WEBPAGE) X(D_PERSON)           \
    X(D_MEDIA) X(D_JOB)                                                        \
    /* the URL's shape */                                                      \
    X(URL_KNOWN) X(URL_DEPTH) X(URL_ROOT) X(URL_QUERY) X(URL_NUMERIC) X(URL_YEAR)           \
    X(URL_FORUM) X(URL_PRODUCT) X(URL_COLLECTION) X(URL_LISTING) X(URL_DOCS)   \
    X(URL_ARTICLE) X(URL_SERVICE)                                              \
    /* the page's make-up */                                                   \
    X(WORDS) X(LINK_DENSITY) X(BLOCKS) X(HEADINGS) X(IMAGES) X(ITEMS)          \
    X(LINKS) X(FORMCTL) X(PRE) X(CODE) X(TABLES) X(RUNS) X(RUN_MAX)            \
    X(RUN_SHARE) X(PRICES) X(COMMENT_SHARE) X(REVIEW_SHARE) X(MAIN_SHARE)      \
    /* the rules' result */                                                    \
    X(LAYER) X(RULES_SHARE) X(TOP_LINK_DENSITY) X(TOP_TAG) X(TOP_SHARE)        \
    X(TOP_RUN)
/* clang-format on */

enum {
#define PI_FEATURE_ENUM(name) PI_F_##name,
    PI_FEATURE_LIST(PI_FEATURE_ENUM)
#undef PI_FEATURE_ENUM
        PI_N_FEATURES
};

enum {
#define PI_PAGE_FEATURE_ENUM(name) PI_PF_##name,
    PI_PAGE_FEATURE_LIST(PI_PAGE_FEATURE_ENUM)
#undef PI_PAGE_FEATURE_ENUM
        PI_N_PAGE_FEATURES
};

/* The page types the page model tells apart, in the order of the PT_*
 * features and of its classes. */
enum {
    PI_PT_ARTICLE,
    PI_PT_SERVICE,
    PI_PT_PRODUCT,
    PI_PT_COLLECTION,
    PI_PT_LISTING,
    PI_PT_FORUM,
    PI_PT_DOCUMENTATION,
    PI_N_PAGE_TYPES
};

_Static_assert(PI_F_PT_DOCUMENTATION - PI_F_PT_ARTICLE + 1 == PI_N_PAGE_TYPES,
               "a PT_* feature for each page type, in order");

/* The features' names, as the enums spell them ("OWN_WORDS"). */
extern const char *const pi_feature_names[PI_N_FEATURES];
extern const char *const pi_page_feature_names[PI_N_PAGE_FEATURES];

/* What the features read besides the statistics. */
typedef struct pi_page_in {
    const pi_choice *rules; /* the choice that gave the rules' text */
    int layer;              /* the layer that decided it (pi_layer) */
    unsigned declared;      /* PI_DECL_* (metadata.h) */
    const char *url;        /* the page's address, or NULL */
} pi_page_in;

typedef struct pi_features {
    size_t n;                       /* text blocks */
    int32_t *block;                 /* the element index of each, in document order */
    float *x;                       /* n rows of PI_N_FEATURES */
    float page[PI_N_PAGE_FEATURES]; /* the page's row */
} pi_features;

/* The rows of the page and of every text block of the tree numbered in
 * `st`. Returns PI_OK or PI_ENOMEM (then `f` holds nothing to free). */
int pi_features_build(const pi_stats *st, const pi_page_in *in, pi_features *f);
void pi_features_free(pi_features *f);

/* Which elements the rules' text comes from: kept[i] is 1 when element i
 * lies in a chosen subtree and neither it nor an ancestor up to the root
 * is dropped. `kept` has st->n bytes. */
void pi_features_kept(const pi_stats *st, const pi_choice *rules, uint8_t *kept);

#endif

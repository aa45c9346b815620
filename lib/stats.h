/* stats.h - one pass over the tree: everything the scorers need, per element.
 *
 * Elements are numbered in document order (pre-order); each node's
 * `_private` holds its index + 1, so any stage can go from an xmlNode to its
 * record in O(1). Subtree figures are sums over the element's descendants,
 * computed bottom-up in one reverse sweep of the array: no stage walks a
 * subtree again to count. */
#ifndef PI_STATS_H
#define PI_STATS_H

#include <libxml/tree.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pi_node {
    xmlNodePtr node;
    int32_t parent;         /* index of the parent element, -1 at the root */
    int32_t block;          /* nearest block element, itself if a block */
    uint32_t flags;         /* pi_tag_flags() of the name */
    int32_t weight;         /* class/id/role evidence, + content, - furniture */
    uint32_t depth;

    /* Text directly owned: in text nodes whose nearest block ancestor is this
     * element (so inline markup is crossed, nested blocks are not). */
    uint32_t own_words, own_link_words, own_chars, own_commas;

    /* Subtree totals. */
    uint32_t words, link_words, chars, link_chars, commas;
    uint32_t n_para;        /* text blocks (own_chars >= PARA_MIN_CHARS) */
    uint32_t n_p;           /* <p> elements */
    uint32_t n_img, n_li, n_headings, n_links, n_embeds, n_blocks, n_formctl;

    uint8_t in_link;        /* inside an <a> */
    uint8_t unlikely;       /* inside a container named like furniture */
    uint8_t has_block_child;
    float score;            /* candidate score, filled by score.c */
    uint8_t candidate;      /* score is set */
    uint8_t drop;           /* removed from the output by blocks.c */
} pi_node;

typedef struct pi_words pi_words;

/* A word counter with its own ICU break iterator: one per document or per
 * thread, never shared. NULL when out of memory or ICU fails. */
pi_words *pi_words_new(void);
void pi_words_free(pi_words *w);
/* Words in `len` bytes of UTF-8, in ICU word units (CJK and Thai words are
 * found by dictionary). Returns 0 for text without letters or digits. */
uint32_t pi_count_words(pi_words *w, const char *utf8, size_t len);
/* Sentences in `len` bytes of UTF-8, by ICU's sentence rules (a second
 * iterator of the same counter, opened on first use). */
uint32_t pi_count_sentences(pi_words *w, const char *utf8, size_t len);
/* Non-space code points. */
uint32_t pi_count_chars(const char *utf8, size_t len);

typedef struct pi_stats {
    pi_node *nodes;
    size_t n;
    int oom;
    const char *base_url; /* base of relative URLs, or NULL; not owned */
} pi_stats;

/* Number the elements under `root` and fill their records. Returns PI_OK,
 * PI_ENOMEM, PI_ENODES when there are more than `max_nodes` elements or
 * PI_EDEPTH when they nest deeper than `max_depth`. */
int pi_stats_build(pi_stats *st, xmlNodePtr root, pi_words *w, size_t max_nodes,
                   uint32_t max_depth);
void pi_stats_free(pi_stats *st);

/* The record of an element, or NULL for nodes that are not numbered. */
pi_node *pi_stats_of(const pi_stats *st, xmlNodePtr n);

/* Class/id/role evidence of one element (exposed for tests). */
int pi_class_weight(xmlNodePtr n);

/* Does a class/id token list contain one of the furniture words? (for tests
 * and for blocks.c) `kind` is one of the PI_CW_* sets. */
enum { PI_CW_NEGATIVE, PI_CW_POSITIVE, PI_CW_BYLINE, PI_CW_STRONG_NEGATIVE, PI_CW_UNLIKELY,
       PI_CW_MAYBE };
int pi_class_matches(const char *classes, int kind);

#endif

/* stats.h - one pass over the tree: everything the scorers need, per element.
 *
 * Elements are numbered in document order (pre-order); each node's mark
 * (pi_dom_mark) holds its index + 1, so any stage can go from a node to its
 * record in O(1). Subtree figures are sums over the element's descendants,
 * computed bottom-up in one reverse sweep of the array: no stage walks a
 * subtree again to count. The statistics are read-only after the build:
 * what an extraction attempt decides lives in its pi_choice (choice.h). */
#ifndef PI_STATS_H
#define PI_STATS_H

#include "extract/words.h"
#include "tree/dom.h"

#include <stddef.h>
#include <stdint.h>

typedef struct pi_node {
    pi_dom *node;
    int32_t parent; /* index of the parent element, -1 at the root */
    int32_t block;  /* nearest block element, itself if a block */
    uint32_t flags; /* pi_tag_flags() of the name */
    int32_t weight; /* class/id/role evidence, + content, - furniture */
    uint32_t depth;

    /* Text directly owned: in text nodes whose nearest block ancestor is this
     * element (so inline markup is crossed, nested blocks are not). */
    uint32_t own_words, own_link_words, own_chars, own_commas;

    /* Subtree totals. */
    uint32_t words, link_words, chars, link_chars, commas;
    uint32_t n_para; /* text blocks (own_chars >= PARA_MIN_CHARS) */
    uint32_t n_p;    /* <p> elements */
    uint32_t n_img, n_li, n_headings, n_links, n_embeds, n_blocks, n_formctl;

    uint8_t in_link;  /* inside an <a> */
    uint8_t unlikely; /* inside a container named like furniture */
    uint8_t names;    /* the word lists its class and id match (names.h) */
    uint8_t has_block_child;
} pi_node;

typedef struct pi_stats {
    pi_node *nodes;
    size_t n;
    int oom;
} pi_stats;

/* Number the elements under `root` and fill their records. Returns PI_OK,
 * PI_ENOMEM, PI_ENODES when there are more than `max_nodes` elements or
 * PI_EDEPTH when they nest deeper than `max_depth`. */
int pi_stats_build(pi_stats *st, pi_dom *root, pi_words *w, size_t max_nodes, uint32_t max_depth);
void pi_stats_free(pi_stats *st);

/* The record of an element, or NULL for nodes that are not numbered. */
pi_node *pi_stats_of(const pi_stats *st, const pi_dom *n);

/* Share of the words of `r` that are inside links, 0..1 (of its characters
 * when it has no words). */
float pi_link_density(const pi_node *r);

#endif

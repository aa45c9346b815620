/* blocks.c - keep or drop each block of the chosen subtrees. */
#include "extract/blocks.h"
#include "base/text.h"
#include "extract/furniture.h"
#include "extract/tune.h"
#include "tree/dom.h"

#include <stdlib.h>
#include <string.h>

/* What follows `n` in document order inside `root`: 1 if the first text
 * after it lies in a dropped element, 0 if it is kept text, -1 if nothing
 * with text follows. */
static int next_text_dropped(const pi_stats *st, const pi_choice *c, const pi_dom *n,
                             const pi_dom *root)
{
    pi_dom *x = pi_next(n, root, 1);
    while (x) {
        if (pi_dom_is_text(x)) {
            const char *t = pi_dom_chars(x);
            if (t && pi_count_chars(t, strlen(t)))
                return 0;
            x = pi_next(x, root, 0);
            continue;
        }
        pi_node *r = pi_stats_of(st, x);
        if (!r || !r->chars) {
            x = pi_next(x, root, 1);
            continue;
        }
        uint8_t drop = c->drop[r - st->nodes];
        if (drop == PI_DROP_BYLINE) {
            /* A byline under a heading does not make it an orphan. */
            x = pi_next(x, root, 1);
            continue;
        }
        if (drop)
            return 1;
        x = pi_next(x, root, 0);
    }
    return -1;
}

/* A short line of its own that does not end a sentence ("More on this",
 * "Read also:", "Further information") plays the part of a heading. */
static int is_heading_like(const pi_node *r, int *oom)
{
    if (r->flags & PI_TF_HEADING)
        return 1;
    if (!(r->flags & PI_TF_BLOCK) || r->has_block_child || r->words == 0 ||
        r->words > LEADIN_MAX_WORDS || r->link_words || (r->flags & (PI_TF_ITEM | PI_TF_CELL)))
        return 0;
    char *text = pi_dom_text(r->node);
    if (!text) {
        *oom = 1;
        return 0;
    }
    int sentence = pi_ends_sentence(text, strlen(text));
    pi_dom_free_text(text);
    return !sentence;
}

/* A heading that introduces furniture ("Related stories", "Read more") goes
 * with it; so does a heading left last in the article with nothing under it.
 * Short lead-in lines count as headings for the first rule. */
static void drop_orphan_headings(const pi_stats *st, pi_choice *c, pi_dom *root)
{
    for (pi_dom *n = root; n;) {
        pi_node *r = pi_stats_of(st, n);
        if (r && c->drop[r - st->nodes]) {
            n = pi_next(n, root, 1);
            continue;
        }
        if (r && n != root && r->words <= ORPHAN_MAX_WORDS && is_heading_like(r, &c->oom)) {
            int next = next_text_dropped(st, c, n, root);
            pi_node *rr = pi_stats_of(st, root);
            if (next == 1 || ((r->flags & PI_TF_HEADING) && next == -1 && rr &&
                              rr->words > r->words + ORPHAN_MIN_ARTICLE_WORDS)) {
                c->drop[r - st->nodes] = PI_DROP_FURNITURE;
                if (c->why)
                    c->why[r - st->nodes] = next == 1 ? PI_WHY_ORPHAN : PI_WHY_LAST_HEADING;
            }
            n = pi_next(n, root, 1);
            continue;
        }
        n = pi_next(n, root, 0);
    }
}

/* Mark the furniture under one root; returns the words dropped. */
static uint32_t classify_root(const pi_stats *st, pi_choice *c, pi_dom *rn, uint32_t words,
                              int flags)
{
    uint32_t dropped = 0;
    for (pi_dom *n = pi_dom_first_child(rn); n;) {
        pi_node *r = pi_stats_of(st, n);
        size_t i = r ? (size_t)(r - st->nodes) : 0;
        int why = r ? pi_block_is_furniture(r, pi_choice_score(c, i), words, flags, &c->oom) : 0;
        if (why) {
            c->drop[i] = pi_drop_of(why);
            if (c->why)
                c->why[i] = (uint8_t)why;
            dropped += r->words;
        }
        n = pi_next(n, rn, why != 0);
    }
    return dropped;
}

void pi_blocks_classify(const pi_stats *st, pi_choice *c, int flags)
{
    for (size_t k = 0; k < c->n; k++) {
        pi_node *root = &st->nodes[c->roots[k]];
        uint32_t words = root->words;
        pi_dom *rn = root->node;
        uint32_t dropped = classify_root(st, c, rn, words, flags);
        /* When names would drop nearly all of a container the scorer chose
         * for its text, the names are its template, not furniture. */
        if (words >= NAMES_MISLEAD_MIN_WORDS &&
            (float)dropped >= NAMES_MISLEAD_SHARE * (float)words) {
            for (pi_dom *n = pi_dom_first_child(rn); n; n = pi_next(n, rn, 0)) {
                pi_node *r = pi_stats_of(st, n);
                if (r)
                    c->drop[r - st->nodes] = 0;
                if (r && c->why)
                    c->why[r - st->nodes] = 0;
            }
            classify_root(st, c, rn, words, flags | PI_IGNORE_NAMES);
        }
        drop_orphan_headings(st, c, rn);
    }
}

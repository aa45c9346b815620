/* stats.c - per-element statistics in one walk. */
#include "extract/stats.h"
#include "base/error.h"
#include "extract/names.h"
#include "extract/tune.h"
#include "extract/words.h"
#include "tree/dom.h"

#include <stdlib.h>
#include <string.h>

pi_node *pi_stats_of(const pi_stats *st, const pi_dom *n)
{
    if (!n || !pi_dom_is_element(n))
        return NULL;
    size_t i = pi_dom_mark(n);
    if (i == 0 || i > st->n || st->nodes[i - 1].node != n)
        return NULL;
    return &st->nodes[i - 1];
}

float pi_link_density(const pi_node *r)
{
    if (r->words)
        return (float)r->link_words / (float)r->words;
    if (r->chars)
        return (float)r->link_chars / (float)r->chars;
    return 0.0f;
}

int pi_stats_build(pi_stats *st, pi_dom *root, pi_words *w, size_t max_nodes, uint32_t max_depth)
{
    size_t cap = 0, count = 0;
    memset(st, 0, sizeof *st);
    if (!root)
        return PI_OK;
    for (pi_dom *n = root; n; n = pi_next(n, root, 0))
        if (pi_dom_is_element(n) && ++cap > max_nodes)
            return PI_ENODES;
    st->nodes = calloc(cap ? cap : 1, sizeof *st->nodes);
    if (!st->nodes)
        return PI_ENOMEM;

    /* Pre-order: parents are numbered before their children. */
    for (pi_dom *n = root; n; n = pi_next(n, root, 0)) {
        if (pi_dom_is_element(n)) {
            pi_node *r = &st->nodes[count];
            r->node = n;
            pi_dom_set_mark(n, (uint32_t)(count + 1));
            pi_node *p = n == root ? NULL : pi_stats_of(st, pi_dom_parent(n));
            r->parent = p ? (int32_t)(p - st->nodes) : -1;
            r->flags = pi_tag_flags(pi_dom_name(n));
            r->depth = p ? p->depth + 1 : 0;
            if (r->depth > max_depth) {
                pi_stats_free(st);
                return PI_EDEPTH;
            }
            r->in_link = (p && p->in_link) || (r->flags & PI_TF_LINK);
            r->block = (r->flags & PI_TF_BLOCK) || !p ? (int32_t)count : p->block;
            pi_names ev;
            pi_names_read(n, &ev);
            unsigned mask;
            r->weight = pi_names_weight(&ev, &mask);
            r->names = (uint8_t)mask;
            r->unlikely = (p && p->unlikely) || (p && pi_names_unlikely(&ev, r->flags));
            if (p && (r->flags & PI_TF_BLOCK))
                p->has_block_child = 1;
            st->n = ++count;
        } else if (pi_dom_has_chars(n)) {
            pi_node *p = pi_stats_of(st, pi_dom_parent(n));
            const char *text = pi_dom_chars(n);
            if (!p || !text)
                continue;
            size_t len = strlen(text);
            pi_text_measures tm;
            pi_text_measure(text, len, &tm);
            if (!tm.chars)
                continue;
            uint32_t words = pi_count_words_measured(w, text, len, &tm), chars = tm.chars;
            pi_node *b = &st->nodes[p->block];
            b->own_words += words;
            b->own_chars += chars;
            b->own_commas += tm.commas;
            /* Subtree totals start at the text's parent. */
            p->words += words;
            p->chars += chars;
            if (p->in_link) {
                b->own_link_words += words;
                p->link_words += words;
                p->link_chars += chars;
            }
        }
    }
    /* Bottom-up: add each element's totals into its parent. */
    for (size_t i = count; i-- > 0;) {
        pi_node *r = &st->nodes[i];
        r->commas += r->own_commas;
        if ((r->flags & PI_TF_BLOCK) && r->own_chars >= PARA_MIN_CHARS)
            r->n_para++;
        const char *name = pi_dom_name(r->node);
        if (name[0] == 'p' && !name[1])
            r->n_p++;
        if (r->flags & PI_TF_IMG)
            r->n_img++;
        if ((r->flags & PI_TF_ITEM) && name[0] == 'l')
            r->n_li++;
        if (r->flags & PI_TF_HEADING)
            r->n_headings++;
        if (r->flags & PI_TF_LINK)
            r->n_links++;
        if (r->flags & PI_TF_FORMCTL)
            r->n_formctl++;
        if (r->flags & PI_TF_BLOCK)
            r->n_blocks++;
        if (r->parent < 0)
            continue;
        pi_node *p = &st->nodes[r->parent];
        p->words += r->words;
        p->link_words += r->link_words;
        p->chars += r->chars;
        p->link_chars += r->link_chars;
        p->commas += r->commas;
        p->n_para += r->n_para;
        p->n_p += r->n_p;
        p->n_img += r->n_img;
        p->n_li += r->n_li;
        p->n_headings += r->n_headings;
        p->n_links += r->n_links;
        p->n_embeds += r->n_embeds;
        p->n_blocks += r->n_blocks;
        p->n_formctl += r->n_formctl;
    }
    return PI_OK;
}

void pi_stats_free(pi_stats *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->n; i++)
        pi_dom_set_mark(st->nodes[i].node, 0);
    free(st->nodes);
    memset(st, 0, sizeof *st);
}

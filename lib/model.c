/* model.c - the block list. */
#include "model.h"
#include "extract/words.h"

#include <stdlib.h>
#include <string.h>

void pi_model_init(pi_model *m)
{
    memset(m, 0, sizeof *m);
}

void pi_block_free(pi_block *b)
{
    free(b->text);
    free(b->url);
    for (size_t i = 0; i < b->n_spans; i++)
        free(b->spans[i].url);
    free(b->spans);
}

uint32_t pi_block_words(pi_words *w, pi_block *b)
{
    if (!b->counted) {
        b->words = pi_count_words(w, b->text, b->len);
        b->counted = 1;
    }
    return b->words;
}

void pi_model_free(pi_model *m)
{
    for (size_t i = 0; i < m->n; i++)
        pi_block_free(&m->blocks[i]);
    free(m->blocks);
    free(m->base);
    pi_model_init(m);
}

void pi_model_add(pi_model *m, pi_block b)
{
    if (m->oom) {
        pi_block_free(&b);
        return;
    }
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 32;
        pi_block *p = realloc(m->blocks, cap * sizeof *p);
        if (!p) {
            m->oom = 1;
            pi_block_free(&b);
            return;
        }
        m->blocks = p;
        m->cap = cap;
    }
    m->blocks[m->n++] = b;
}

void pi_model_remove(pi_model *m, size_t i)
{
    if (i >= m->n)
        return;
    pi_block_free(&m->blocks[i]);
    memmove(m->blocks + i, m->blocks + i + 1, (m->n - i - 1) * sizeof *m->blocks);
    m->n--;
}

void pi_model_filter(pi_model *m, int (*keep)(const pi_block *prev, pi_block *b, void *ctx),
                     void *ctx)
{
    size_t n = 0;
    for (size_t i = 0; i < m->n; i++) {
        if (keep(n ? &m->blocks[n - 1] : NULL, &m->blocks[i], ctx))
            m->blocks[n++] = m->blocks[i];
        else
            pi_block_free(&m->blocks[i]);
    }
    m->n = n;
}

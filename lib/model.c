/* model.c - the block list. */
#include "model.h"
#include "stats.h"

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

size_t pi_space_len(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xC2 && n >= 2 && (unsigned char)s[1] == 0xA0)
        return 2;
    if (c == 0xE2 && n >= 3) {
        unsigned char a = (unsigned char)s[1], b = (unsigned char)s[2];
        if (a == 0x80 && (b <= 0x8A || b == 0xAF))
            return 3;
        if (a == 0x81 && b == 0x9F)
            return 3;
    }
    if (c == 0xE3 && n >= 3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80)
        return 3;
    return 0;
}

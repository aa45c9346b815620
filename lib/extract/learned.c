/* learned.c - the compiled forest applied to the text blocks. */
#include "extract/learned.h"
#include "base/error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

float pi_forest_margin(const pi_forest *f, const float *x)
{
    float m = f->base;
    for (size_t t = 0; t < f->n_trees; t++) {
        const pi_forest_node *n = &f->nodes[f->roots[t]];
        while (n->feature != PI_LEAF)
            n = &f->nodes[x[n->feature] < n->value ? n->yes : n->no];
        m += n->value;
    }
    return m;
}

float pi_forest_probability(const pi_forest *f, const float *x)
{
    return 1.0f / (1.0f + expf(-pi_forest_margin(f, x)));
}

void pi_page_types(const float *row, float *prob)
{
    const pi_forest *f = &pi_learned_pages;
    float m[PI_N_PAGE_TYPES], max = -INFINITY, sum = 0.0f;
    for (int k = 0; k < PI_N_PAGE_TYPES; k++)
        m[k] = f->base;
    for (size_t t = 0; t < f->n_trees; t++) {
        const pi_forest_node *n = &f->nodes[f->roots[t]];
        while (n->feature != PI_LEAF)
            n = &f->nodes[row[n->feature] < n->value ? n->yes : n->no];
        m[t % PI_N_PAGE_TYPES] += n->value;
    }
    for (int k = 0; k < PI_N_PAGE_TYPES; k++)
        max = m[k] > max ? m[k] : max;
    for (int k = 0; k < PI_N_PAGE_TYPES; k++)
        sum += prob[k] = expf(m[k] - max);
    for (int k = 0; k < PI_N_PAGE_TYPES; k++)
        prob[k] /= sum;
}

int pi_learned_choose(const pi_stats *st, const pi_page_in *in, float threshold, pi_choice *out,
                      float *types)
{
    pi_features f;
    PI_TRY(pi_features_build(st, in, &f));
    int err = pi_choice_init(out, st->n);
    if (!err)
        err = pi_choice_add_root(out, 0);
    if (!err && !(out->mute = calloc(st->n ? st->n : 1, 1)))
        err = PI_ENOMEM;
    if (err) {
        pi_features_free(&f);
        pi_choice_free(out);
        return err;
    }
    float pt[PI_N_PAGE_TYPES];
    pi_page_types(f.page, pt);
    if (types)
        memcpy(types, pt, sizeof pt);
    /* A probability under the threshold is a margin under its logit. */
    float cut = logf(threshold / (1.0f - threshold));
    for (size_t k = 0; k < f.n; k++) {
        float *x = f.x + k * PI_N_FEATURES;
        memcpy(x + PI_F_PT_ARTICLE, pt, sizeof pt);
        out->mute[f.block[k]] = pi_forest_margin(&pi_learned_blocks, x) < cut;
    }
    out->top = 0;
    pi_features_free(&f);
    return PI_OK;
}

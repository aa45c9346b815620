/* learned.c - the compiled models applied to the page and its text blocks. */
#include "extract/learned.h"
#include "base/error.h"
#include "extract/tune.h"

#include "tree/dom.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* How far up from a text block its table row is looked for: a cell, a
 * paragraph or list in a cell, one wrapper more. */
enum { ROW_LEVELS = 4 };

void pi_page_types(const float *row, float *prob)
{
    float m[PI_N_PAGE_TYPES], max = -INFINITY, sum = 0.0f;
    if (row[PI_PF_URL_KNOWN] != 0.0f)
        pi_learned_page_margins(row, m);
    else
        pi_learned_bare_page_margins(row, m);
    for (int k = 0; k < PI_N_PAGE_TYPES; k++)
        max = m[k] > max ? m[k] : max;
    for (int k = 0; k < PI_N_PAGE_TYPES; k++)
        sum += prob[k] = expf(m[k] - max);
    for (int k = 0; k < PI_N_PAGE_TYPES; k++)
        prob[k] /= sum;
}

const char *const pi_page_type_names[PI_N_PAGE_TYPES + 1] = {
    "article", "service", "product", "collection", "listing", "forum", "documentation", "blog"};

int pi_page_type_parse(const char *name)
{
    for (int k = 0; name && k <= PI_PAGE_TYPE_BLOG; k++)
        if (!strcmp(name, pi_page_type_names[k]))
            return k;
    return -1;
}

int pi_page_type_likeliest(const float *prob)
{
    int best = 0;
    for (int k = 1; k < PI_N_PAGE_TYPES; k++)
        if (prob[k] > prob[best])
            best = k;
    return best;
}

/* 2 * hits / (kept + content), 0 when both are 0. */
static float expected_f1(double hits, double kept, double content)
{
    return kept + content > 0.0 ? (float)(2.0 * hits / (kept + content)) : 0.0f;
}

/* A text block the model judged: its probability and its words. */
typedef struct judged {
    float p;
    float w;
} judged;

static int by_probability(const void *a, const void *b)
{
    float x = ((const judged *)a)->p, y = ((const judged *)b)->p;
    return x > y ? -1 : x < y;
}

/* The table row (tr) a text block is a cell of or lies in, a few levels
 * up and not beyond its table; -1 when none. */
static int32_t row_of(const pi_stats *st, int32_t i)
{
    for (int up = 0; i >= 0 && up < ROW_LEVELS; up++, i = st->nodes[i].parent) {
        uint32_t flags = st->nodes[i].flags;
        if (flags & PI_TF_ROW)
            return i;
        if (flags & PI_TF_TABLE)
            break;
    }
    return -1;
}

/* A table row is one record: its cells share the word-weighted mean of
 * their probabilities, so that a row is kept or dropped whole (a page of
 * link rows keeps "Title | More" or neither, never "More" alone). The
 * cells of a row are consecutive among the blocks. */
static void rows_alike(const pi_stats *st, const pi_features *f, float *prob)
{
    for (size_t k = 0; k < f->n;) {
        int32_t row = prob[k] >= 0.0f ? row_of(st, f->block[k]) : -1;
        size_t e = k + 1;
        double pw = 0.0, w = 0.0;
        if (row >= 0) {
            for (; e < f->n && (prob[e] < 0.0f || row_of(st, f->block[e]) == row); e++)
                ;
            for (size_t q = k; q < e; q++) {
                if (prob[q] < 0.0f)
                    continue;
                double words = f->x[q * PI_N_FEATURES + PI_F_OWN_WORDS];
                pw += words * prob[q];
                w += words;
            }
            for (size_t q = k; q < e && w > 0.0; q++)
                if (prob[q] >= 0.0f)
                    prob[q] = (float)(pw / w);
        }
        k = e;
    }
}

/* The best expected F-beta of the page's text. Kept the blocks K of
 * probability p and words w, the expected hits are sum_K p*w, the expected
 * content C = sum p*w over all blocks, and the expected F-beta
 * (1 + b2) * hits / (b2 * C + sum_K w); the best K is a run of the blocks
 * sorted by probability, and it is exactly the blocks whose p reaches the
 * best F-beta over 1 + b2 (a block adds to the F-beta when its p is above
 * that): a page of uncertain content keeps its likelier part, a page of
 * sure content only what is sure. `j` is reordered. 0 when there is no
 * block. */
static double best_f(judged *j, size_t n, double content, float b2)
{
    qsort(j, n, sizeof *j, by_probability);
    double hits = 0.0, kept = 0.0, best = 0.0;
    for (size_t k = 0; k < n; k++) {
        hits += (double)j[k].p * j[k].w;
        kept += j[k].w;
        double f = (1.0 + b2) * hits / (b2 * content + kept);
        best = f > best ? f : best;
    }
    return best;
}

int pi_learned_choose(const pi_stats *st, const pi_page_in *in, const float *types, float b2,
                      pi_choice *out, pi_learned_out *lo)
{
    pi_features f;
    PI_TRY(pi_features_build(st, in, &f));
    int err = pi_choice_init(out, st->n);
    if (!err)
        err = pi_choice_add_root(out, 0);
    if (!err && !(out->mute = calloc(st->n ? st->n : 1, 1)))
        err = PI_ENOMEM;
    float *prob = err ? NULL : malloc((f.n ? f.n : 1) * sizeof *prob);
    judged *j = err ? NULL : malloc((f.n ? f.n : 1) * sizeof *j);
    if (!err && (!prob || !j))
        err = PI_ENOMEM;
    /* Explaining the rules explains the model too. */
    if (!err && in->rules->why)
        err = pi_choice_explain(out, 1);
    if (err) {
        free(prob);
        free(j);
        pi_features_free(&f);
        pi_choice_free(out);
        return err;
    }
    if (types)
        memcpy(lo->types, types, sizeof lo->types);
    else
        pi_page_types(f.page, lo->types);
    double content = 0.0;
    size_t nj = 0;
    for (size_t k = 0; k < f.n; k++) {
        float *x = f.x + k * PI_N_FEATURES;
        /* A block without words (a separator, a lone symbol) weighs
         * nothing: the model was not trained on such blocks, and the rules
         * decide them. */
        if (x[PI_F_OWN_WORDS] == 0.0f) {
            prob[k] = -1.0f;
            out->mute[f.block[k]] = x[PI_F_RULES_KEPT] == 0.0f;
            if (out->why)
                out->why[f.block[k]] = PI_WHY_NO_WORDS;
            continue;
        }
        memcpy(x + PI_F_PT_ARTICLE, lo->types, sizeof lo->types);
        prob[k] = 1.0f / (1.0f + expf(-pi_learned_block_margin(x)));
    }
    rows_alike(st, &f, prob);
    for (size_t k = 0; k < f.n; k++) {
        if (prob[k] < 0.0f)
            continue;
        judged b = {prob[k], f.x[k * PI_N_FEATURES + PI_F_OWN_WORDS]};
        j[nj++] = b;
        content += (double)b.p * b.w;
    }
    /* The cut is the best F-beta over 1 + b2. On an article the blocks'
     * probabilities are surer than on the other kinds of page, and the text
     * wants no furniture cut in: as much as the page model takes the page
     * for an article, the cut is taken as if the best F-beta were 1, as on
     * a page whose content is sure (1 / (1 + b2), 0.5 for F1); wholly so
     * from even odds on. Cross-validated on wcxb-dev (train/), bow_f1 0.853
     * for 0.855 with the best F-beta alone; the readability set 0.963 for
     * 0.959, and 8.9% of the trafilatura set's furniture blocks kept for
     * 9.8% (8.5% at p >= 0.5 on every page). */
    float article = fminf(1.0f, ARTICLE_SURE * lo->types[PI_PT_ARTICLE]);
    double best = best_f(j, nj, content, b2);
    lo->cut = (float)((article + (1.0 - article) * best) / (1.0 + b2));
    double kept = 0.0, hits = 0.0, rules_kept = 0.0, rules_hits = 0.0;
    for (size_t k = 0; k < f.n; k++) {
        float *x = f.x + k * PI_N_FEATURES;
        if (prob[k] < 0.0f)
            continue;
        double w = x[PI_F_OWN_WORDS], pw = w * prob[k];
        out->mute[f.block[k]] = prob[k] < lo->cut;
        if (out->why) {
            out->why[f.block[k]] = PI_WHY_MODEL;
            out->prob[f.block[k]] = prob[k];
        }
        if (prob[k] >= lo->cut) {
            kept += w;
            hits += pw;
        }
        if (x[PI_F_RULES_KEPT] != 0.0f) {
            rules_kept += w;
            rules_hits += pw;
        }
    }
    lo->confidence = expected_f1(hits, kept, content);
    lo->rules_confidence = expected_f1(rules_hits, rules_kept, content);
    out->top = 0;
    free(prob);
    free(j);
    pi_features_free(&f);
    return PI_OK;
}

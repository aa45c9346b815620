/* learned.c - the compiled models applied to the page and its text blocks. */
#include "extract/learned.h"
#include "base/error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

int pi_learned_choose(const pi_stats *st, const pi_page_in *in, const float *types, float threshold,
                      pi_choice *out, pi_learned_out *lo)
{
    pi_features f;
    PI_TRY(pi_features_build(st, in, &f));
    int err = pi_choice_init(out, st->n);
    if (!err)
        err = pi_choice_add_root(out, 0);
    if (!err && !(out->mute = calloc(st->n ? st->n : 1, 1)))
        err = PI_ENOMEM;
    /* Explaining the rules explains the model too. */
    if (!err && in->rules->why)
        err = pi_choice_explain(out, 1);
    if (err) {
        pi_features_free(&f);
        pi_choice_free(out);
        return err;
    }
    if (types)
        memcpy(lo->types, types, sizeof lo->types);
    else
        pi_page_types(f.page, lo->types);
    /* A probability under the threshold is a margin under its logit. */
    float cut = logf(threshold / (1.0f - threshold));
    double content = 0.0, kept = 0.0, hits = 0.0, rules_kept = 0.0, rules_hits = 0.0;
    for (size_t k = 0; k < f.n; k++) {
        float *x = f.x + k * PI_N_FEATURES;
        /* A block without words (a separator, a lone symbol) weighs
         * nothing: the model was not trained on such blocks, and the rules
         * decide them. */
        if (x[PI_F_OWN_WORDS] == 0.0f) {
            out->mute[f.block[k]] = x[PI_F_RULES_KEPT] == 0.0f;
            if (out->why)
                out->why[f.block[k]] = PI_WHY_NO_WORDS;
            continue;
        }
        memcpy(x + PI_F_PT_ARTICLE, lo->types, sizeof lo->types);
        float margin = pi_learned_block_margin(x);
        out->mute[f.block[k]] = margin < cut;
        double w = x[PI_F_OWN_WORDS], pw = w / (1.0 + exp(-(double)margin));
        if (out->why) {
            out->why[f.block[k]] = PI_WHY_MODEL;
            out->prob[f.block[k]] = (float)(pw / w);
        }
        content += pw;
        if (margin >= cut) {
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
    pi_features_free(&f);
    return PI_OK;
}

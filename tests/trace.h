/* trace.h - test helper: the real pipeline (lib/pipeline.c) on an HTML
 * string, with the state of its stages kept (pi_trace), so that a test of a
 * stage can look at the tree, statistics and choice the pipeline made, or
 * run the stage again on them. */
#ifndef PI_TEST_TRACE_H
#define PI_TEST_TRACE_H

#include "check_common.h"
#include "base/error.h"
#include "base/text.h"
#include "extract/build.h"
#include "extract/score.h"
#include "extract/tune.h"
#include "pipeline.h"
#include "render/render.h"
#include "tree/dom.h"

typedef struct traced {
    pi_result r;
    pi_trace t;
} traced;

/* Extract `html` with default settings, `url` (may be NULL), the learned
 * decisions' beta squared `beta2` (0: the rules alone) and, with `explain`, every
 * decision's reason recorded. */
static inline void traced_run_explained(traced *x, const char *html, const char *url, float beta2,
                                        int explain)
{
    pi_settings s = {url, NULL, 5000000, 10000, 64u << 20, 0, beta2, explain, NULL};
    ck_assert_int_eq(pi_pipeline_run(html, strlen(html), &s, &x->r, &x->t), PI_OK);
}

static inline void traced_run_with(traced *x, const char *html, const char *url, float beta2)
{
    traced_run_explained(x, html, url, beta2, 0);
}

/* The library's defaults: the rules, then the learned decisions. */
static inline void traced_run(traced *x, const char *html)
{
    traced_run_with(x, html, NULL, PI_LEARNED_BETA2);
}

/* The rules alone, for tests of their stages. */
static inline void traced_run_rules(traced *x, const char *html)
{
    traced_run_with(x, html, NULL, 0.0f);
}

static inline void traced_end(traced *x)
{
    pi_trace_free(&x->t);
    pi_result_free(&x->r);
}

/* The first element `name` (with id `id` when not NULL) of the cleaned
 * tree, or NULL. */
static inline pi_dom *traced_find_in(pi_dom *root, const char *name, const char *id)
{
    for (pi_dom *n = root; n; n = pi_next(n, root, 0)) {
        if (!pi_dom_is_element(n) || strcmp(pi_dom_name(n), name))
            continue;
        const char *v = pi_attr(n, "id");
        if (!id || (v && !strcmp(v, id)))
            return n;
    }
    return NULL;
}

static inline pi_node *traced_node(traced *x, const char *name, const char *id)
{
    return pi_stats_of(&x->t.stats, traced_find_in(pi_tree_root(x->t.tree), name, id));
}

/* The model of the whole body, nothing dropped: what the renderers see of
 * a page that is all article. */
static inline void traced_body_model(traced *x, pi_model *m)
{
    pi_choice c;
    ck_assert_int_eq(pi_choice_init(&c, x->t.stats.n), PI_OK);
    ck_assert_int_eq(pi_choice_add_root(&c, 0), PI_OK);
    pi_model_init(m);
    ck_assert_int_eq(pi_build_model(&x->t.stats, &c, NULL, NULL, 0, m), PI_OK);
    pi_choice_free(&c);
}

#endif

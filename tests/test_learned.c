/* Unit tests: lib/extract/learned.c and the compiled models of
 * learned_model.c, against the training library's own predictions. */
#include "check_common.h"
#include "extract/feature.h"
#include "extract/learned.h"

#include <math.h>

/* Each line of a sample file: the features of one row, then xgboost's
 * margin(s) for it. Returns the rows compared. */
static int compare(const char *path, const pi_learned_info *f, int classes,
                   void (*margins)(const float *, float *))
{
    FILE *in = fopen(path, "r");
    ck_assert_msg(in != NULL, "no %s (make train writes it)", path);
    char line[1 << 16];
    int rows = 0;
    while (fgets(line, sizeof line, in)) {
        if (line[0] == '#')
            continue;
        float v[PI_N_FEATURES + PI_N_PAGE_FEATURES + PI_N_PAGE_TYPES];
        size_t n = 0;
        for (char *p = line, *e;; p = e) {
            float x = strtof(p, &e);
            if (e == p || n == sizeof v / sizeof *v)
                break;
            v[n++] = x;
        }
        ck_assert_msg(n == f->n_features + (size_t)classes, "%s row %d: %zu numbers", path,
                      rows + 1, n);
        const float *x = v, *want = v + f->n_features;
        if (classes == 1) {
            float got = pi_learned_block_margin(x);
            ck_assert_msg(fabsf(got - want[0]) <= 1e-4f * (1.0f + fabsf(want[0])),
                          "%s row %d: margin %.7g, xgboost %.7g", path, rows + 1, got, want[0]);
        } else {
            float prob[PI_N_PAGE_TYPES], m[PI_N_PAGE_TYPES], msum = 0.0f, mmax = -INFINITY;
            margins(x, m);
            for (int k = 0; k < classes; k++)
                mmax = m[k] > mmax ? m[k] : mmax;
            for (int k = 0; k < classes; k++)
                msum += prob[k] = expf(m[k] - mmax);
            for (int k = 0; k < classes; k++)
                prob[k] /= msum;
            float sum = 0.0f, max = -INFINITY;
            for (int k = 0; k < classes; k++)
                max = want[k] > max ? want[k] : max;
            for (int k = 0; k < classes; k++)
                sum += expf(want[k] - max);
            for (int k = 0; k < classes; k++) {
                float w = expf(want[k] - max) / sum;
                ck_assert_msg(fabsf(prob[k] - w) <= 1e-4f, "%s row %d class %d: %.7g, xgboost %.7g",
                              path, rows + 1, k, prob[k], w);
            }
        }
        rows++;
    }
    fclose(in);
    return rows;
}

START_TEST(blocks_give_the_training_librarys_margins)
{
    ck_assert_int_ge(compare(PITH_TEST_DATA "/learned-sample.blocks", &pi_learned_blocks, 1, NULL),
                     100);
}
END_TEST

START_TEST(pages_give_the_training_librarys_probabilities)
{
    ck_assert_int_ge(compare(PITH_TEST_DATA "/learned-sample.pages", &pi_learned_pages,
                             PI_N_PAGE_TYPES, pi_learned_page_margins),
                     20);
    ck_assert_int_ge(compare(PITH_TEST_DATA "/learned-sample.bare", &pi_learned_bare_pages,
                             PI_N_PAGE_TYPES, pi_learned_bare_page_margins),
                     20);
}
END_TEST

START_TEST(models_read_the_features_the_library_makes)
{
    /* A model trained on other features than these would read the rows
     * wrong: train/ must be run again (make train). */
    ck_assert_uint_eq(pi_learned_blocks.n_features, PI_N_FEATURES);
    for (size_t i = 0; i < PI_N_FEATURES; i++)
        ck_assert_str_eq(pi_learned_blocks.features[i], pi_feature_names[i]);
    ck_assert_uint_eq(pi_learned_pages.n_features, PI_N_PAGE_FEATURES);
    for (size_t i = 0; i < PI_N_PAGE_FEATURES; i++)
        ck_assert_str_eq(pi_learned_pages.features[i], pi_page_feature_names[i]);
    ck_assert_uint_eq(pi_learned_pages.n_trees % PI_N_PAGE_TYPES, 0);
    ck_assert_uint_eq(pi_learned_bare_pages.n_trees % PI_N_PAGE_TYPES, 0);
    ck_assert_uint_gt(pi_learned_blocks.n_trees, 0);
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, blocks_give_the_training_librarys_margins);
    PI_CASE(s, pages_give_the_training_librarys_probabilities);
    PI_CASE(s, models_read_the_features_the_library_makes);
}

PI_SUITE_MAIN("learned", add)

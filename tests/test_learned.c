/* Unit tests: lib/extract/learned.c and the compiled models of
 * learned_model.c, against the training library's own predictions. */
#include "check_common.h"
#include "extract/feature.h"
#include "extract/learned.h"

#include <math.h>

/* Each line of a sample file: the features of one row, then xgboost's
 * margin(s) for it. Returns the rows compared. */
static int compare(const char *path, const pi_forest *f, int classes)
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
            float got = pi_forest_margin(f, x);
            ck_assert_msg(fabsf(got - want[0]) <= 1e-4f * (1.0f + fabsf(want[0])),
                          "%s row %d: margin %.7g, xgboost %.7g", path, rows + 1, got, want[0]);
        } else {
            float prob[PI_N_PAGE_TYPES], sum = 0.0f, max = -INFINITY;
            pi_page_types(x, prob);
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
    ck_assert_int_ge(compare(PITH_TEST_DATA "/learned-sample.blocks", &pi_learned_blocks, 1), 100);
}
END_TEST

START_TEST(pages_give_the_training_librarys_probabilities)
{
    ck_assert_int_ge(
        compare(PITH_TEST_DATA "/learned-sample.pages", &pi_learned_pages, PI_N_PAGE_TYPES), 20);
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
}
END_TEST

START_TEST(trees_stay_within_their_nodes)
{
    const pi_forest *fs[] = {&pi_learned_blocks, &pi_learned_pages};
    for (int k = 0; k < 2; k++) {
        const pi_forest *f = fs[k];
        ck_assert_uint_gt(f->n_trees, 0);
        size_t n = f->roots[f->n_trees - 1];
        /* Every split's children come after it and inside the forest. */
        for (size_t t = 0; t < f->n_trees; t++) {
            size_t end = t + 1 < f->n_trees ? f->roots[t + 1] : SIZE_MAX;
            for (size_t i = f->roots[t]; i < end && (end != SIZE_MAX || i <= n); i++) {
                const pi_forest_node *x = &f->nodes[i];
                if (x->feature == PI_LEAF) {
                    if (end == SIZE_MAX && i >= n)
                        break;
                    continue;
                }
                ck_assert_uint_lt(x->feature, f->n_features);
                ck_assert_int_gt(x->yes, (int32_t)i);
                ck_assert_int_gt(x->no, (int32_t)i);
                if (end != SIZE_MAX) {
                    ck_assert_int_lt(x->yes, (int32_t)end);
                    ck_assert_int_lt(x->no, (int32_t)end);
                } else {
                    n = (size_t)(x->yes > x->no ? x->yes : x->no) > n
                            ? (size_t)(x->yes > x->no ? x->yes : x->no)
                            : n;
                }
            }
        }
    }
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, blocks_give_the_training_librarys_margins);
    PI_CASE(s, pages_give_the_training_librarys_probabilities);
    PI_CASE(s, models_read_the_features_the_library_makes);
    PI_CASE(s, trees_stay_within_their_nodes);
}

PI_SUITE_MAIN("learned", add)

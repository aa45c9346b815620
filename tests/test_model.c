/* Unit tests: lib/model.c (the block list) */
#include "check_common.h"
#include "base/buf.h"
#include "base/error.h"
#include "extract/words.h"
#include "model.h"

static void add_para(pi_model *m, const char *text)
{
    pi_block b = {0};
    b.kind = PI_BLK_PARA;
    b.text = pi_strdup(text);
    b.len = strlen(text);
    pi_model_add(m, b);
}

static int not_short(const pi_block *prev, pi_block *b, void *ctx)
{
    (void)prev;
    return b->len > *(size_t *)ctx;
}

/* Keeps a block unless it repeats the last one kept. */
static int not_repeat(const pi_block *prev, pi_block *b, void *ctx)
{
    (void)ctx;
    return !prev || strcmp(prev->text, b->text) != 0;
}

START_TEST(add_and_remove_keep_order)
{
    pi_model m;
    pi_model_init(&m);
    const char *texts[] = {"one", "two", "three", "four"};
    for (int i = 0; i < 4; i++)
        add_para(&m, texts[i]);
    ck_assert(!m.oom);
    ck_assert_uint_eq(m.n, 4);
    pi_model_remove(&m, 1);
    pi_model_remove(&m, 7); /* out of range: nothing */
    ck_assert_uint_eq(m.n, 3);
    ck_assert_str_eq(m.blocks[0].text, "one");
    ck_assert_str_eq(m.blocks[1].text, "three");
    ck_assert_str_eq(m.blocks[2].text, "four");
    pi_model_free(&m);
    ck_assert_uint_eq(m.n, 0);
    ck_assert_ptr_null(m.blocks);
}
END_TEST

START_TEST(many_blocks_grow)
{
    pi_model m;
    pi_model_init(&m);
    for (int i = 0; i < 1000; i++)
        add_para(&m, "a block");
    ck_assert_uint_eq(m.n, 1000);
    ck_assert(!m.oom);
    pi_model_free(&m);
}
END_TEST

START_TEST(filter_in_one_pass)
{
    pi_model m;
    pi_model_init(&m);
    const char *texts[] = {"a", "long one", "b", "another long one", "c"};
    for (int i = 0; i < 5; i++)
        add_para(&m, texts[i]);
    size_t min = 1;
    pi_model_filter(&m, not_short, &min);
    ck_assert_uint_eq(m.n, 2);
    ck_assert_str_eq(m.blocks[0].text, "long one");
    ck_assert_str_eq(m.blocks[1].text, "another long one");
    pi_model_free(&m);
}
END_TEST

START_TEST(filter_sees_the_last_kept_block)
{
    pi_model m;
    pi_model_init(&m);
    const char *texts[] = {"x", "x", "x", "y", "x"};
    for (int i = 0; i < 5; i++)
        add_para(&m, texts[i]);
    pi_model_filter(&m, not_repeat, NULL);
    ck_assert_uint_eq(m.n, 3);
    ck_assert_str_eq(m.blocks[0].text, "x");
    ck_assert_str_eq(m.blocks[1].text, "y");
    ck_assert_str_eq(m.blocks[2].text, "x");
    pi_model_free(&m);
}
END_TEST

START_TEST(block_words_counted_once)
{
    pi_words *w = pi_words_new();
    ck_assert_ptr_nonnull(w);
    pi_model m;
    pi_model_init(&m);
    add_para(&m, "four words in here");
    pi_block *b = &m.blocks[0];
    ck_assert_uint_eq(pi_block_words(w, b), 4);
    ck_assert(b->counted);
    /* The count is kept: a later change of the text is not recounted. */
    b->len = 4;
    ck_assert_uint_eq(pi_block_words(w, b), 4);
    pi_model_free(&m);
    pi_words_free(w);
}
END_TEST

START_TEST(add_after_oom_frees_the_block)
{
    pi_model m;
    pi_model_init(&m);
    m.oom = 1;
    add_para(&m, "dropped"); /* freed at once: valgrind/ASan see no leak */
    ck_assert_uint_eq(m.n, 0);
    pi_model_free(&m);
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, add_and_remove_keep_order);
    PI_CASE(s, many_blocks_grow);
    PI_CASE(s, filter_in_one_pass);
    PI_CASE(s, filter_sees_the_last_kept_block);
    PI_CASE(s, block_words_counted_once);
    PI_CASE(s, add_after_oom_frees_the_block);
}

PI_SUITE_MAIN("model", add)

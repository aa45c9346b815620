/* Unit tests: lib/buf.c */
#include "check_common.h"
#include "base/buf.h"
#include "base/text.h"

START_TEST(put_and_detach)
{
    pi_buf b;
    pi_buf_init(&b);
    pi_buf_puts(&b, "hello");
    pi_buf_putc(&b, ' ');
    pi_buf_put(&b, "world!!", 5);
    ck_assert_uint_eq(b.len, 11);
    char *s = pi_buf_detach(&b);
    ck_assert_str_eq(s, "hello world");
    ck_assert_ptr_null(b.data);
    free(s);
}
END_TEST

START_TEST(empty_detach_is_empty_string)
{
    pi_buf b;
    pi_buf_init(&b);
    char *s = pi_buf_detach(&b);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "");
    free(s);
}
END_TEST

START_TEST(grows_past_initial_capacity)
{
    pi_buf b;
    pi_buf_init(&b);
    for (int i = 0; i < 100000; i++)
        pi_buf_putc(&b, (char)('a' + i % 26));
    ck_assert_uint_eq(b.len, 100000);
    ck_assert_int_eq(b.data[99999], 'a' + 99999 % 26);
    ck_assert_int_eq(b.data[100000], '\0');
    pi_buf_free(&b);
}
END_TEST

START_TEST(rtrim)
{
    pi_buf b;
    pi_buf_init(&b);
    pi_buf_puts(&b, "text \n \n");
    pi_buf_rtrim(&b, " \n");
    ck_assert_str_eq(b.data, "text");
    pi_buf_free(&b);
}
END_TEST

START_TEST(oom_flag_sticks)
{
    pi_buf b;
    pi_buf_init(&b);
    pi_buf_puts(&b, "x");
    b.oom = 1;
    pi_buf_puts(&b, "more");
    ck_assert_uint_eq(b.len, 1);
    ck_assert_ptr_null(pi_buf_detach(&b));
}
END_TEST

START_TEST(find_ascii_ci)
{
    const char *s = "Photo: JANE Doe (credit x)";
    ck_assert_ptr_eq(pi_find_ascii_ci(s, strlen(s), "photo", 1), s);
    ck_assert_ptr_eq(pi_find_ascii_ci(s, strlen(s), "jane", 1), s + 7);
    ck_assert_ptr_null(pi_find_ascii_ci(s, strlen(s), "ane", 1)); /* inside a word */
    ck_assert_ptr_eq(pi_find_ascii_ci(s, strlen(s), "ane", 0), s + 8);
    ck_assert_ptr_null(pi_find_ascii_ci(s, 10, "doe", 0)); /* past n */
    ck_assert_ptr_null(pi_find_ascii_ci(NULL, 0, "x", 0));
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, put_and_detach);
    PI_CASE(s, empty_detach_is_empty_string);
    PI_CASE(s, grows_past_initial_capacity);
    PI_CASE(s, rtrim);
    PI_CASE(s, oom_flag_sticks);
    PI_CASE(s, find_ascii_ci);
}

PI_SUITE_MAIN("buf", add)

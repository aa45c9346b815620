/* check_common.h - shared helpers for the Check test programs. */
#ifndef PI_CHECK_COMMON_H
#define PI_CHECK_COMMON_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read a whole file; NULL if it cannot be read. */
static inline char *pi_test_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *p = realloc(buf, cap * 2 + 1);
            if (!p) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        if (len)
            *len = n;
    }
    return buf;
}

/* One test case per test, named after it, so that one behaviour can be run
 * alone: CK_RUN_CASE=name ./test_x. `seconds` is its time limit (scaled by
 * CK_TIMEOUT_MULTIPLIER, as under sanitizers); `tags` (may be NULL) are
 * Check tags: "slow" (huge or corpus-wide input) keeps a case out of `make
 * check-unit`, which runs with CK_EXCLUDE_TAGS=slow. */
static inline void pi_case_add(Suite *s, const char *name, const TTest *test, int seconds,
                               const char *tags)
{
    TCase *tc = tcase_create(name);
    tcase_set_timeout(tc, seconds);
    if (tags)
        tcase_set_tags(tc, tags);
    tcase_add_test(tc, test);
    suite_add_tcase(s, tc);
}
#define PI_CASE_TIMEOUT(suite, test, seconds) pi_case_add(suite, #test, test, seconds, NULL)
#define PI_CASE(suite, test) PI_CASE_TIMEOUT(suite, test, 60)
#define PI_CASE_SLOW(suite, test, seconds) pi_case_add(suite, #test, test, seconds, "slow")

/* Run every case of `s`, free it, and give the exit status of the program. */
static inline int pi_test_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* A main() that runs the suite whose cases `add(Suite *)` registers. */
#define PI_SUITE_MAIN(name, add)       \
    int main(void)                     \
    {                                  \
        Suite *s = suite_create(name); \
        add(s);                        \
        return pi_test_run(s);         \
    }

#endif

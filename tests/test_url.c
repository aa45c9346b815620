/* Unit tests: lib/base/url.c (the document base and absolute URLs) */
#include "check_common.h"
#include "base/error.h"
#include "base/url.h"
#include "failmalloc.h"
#include "tree/dom.h"

#define RESOLVES(base, ref, want)                                  \
    do {                                                           \
        char *got_ = NULL;                                         \
        ck_assert_int_eq(pi_url_resolve(base, ref, &got_), PI_OK); \
        if (want)                                                  \
            ck_assert_str_eq(got_, (const char *)want);            \
        else                                                       \
            ck_assert_ptr_null(got_);                              \
        free(got_);                                                \
    } while (0)

START_TEST(links_resolve_against_the_base)
{
    RESOLVES("https://example.org/a/b.html", "c.html", "https://example.org/a/c.html");
    RESOLVES("https://example.org/a/b.html", "  /x", "https://example.org/x");
    RESOLVES("https://example.org/a/b.html", "//cdn.example.net/i.png",
             "https://cdn.example.net/i.png");
    RESOLVES(NULL, "relative/path", "relative/path"); /* no base: kept as it is */
    RESOLVES("https://example.org/", "JavaScript:alert(1)", NULL);
    RESOLVES("https://example.org/", "data:image/png;base64,xx", NULL);
    RESOLVES("https://example.org/", "vbscript:x", NULL);
    RESOLVES("https://example.org/", "", NULL);
    RESOLVES("https://example.org/", NULL, NULL);
}
END_TEST

START_TEST(the_document_base)
{
    char *b = NULL;
    ck_assert_int_eq(pi_url_base("/docs/", "https://example.org/a/b.html", &b), PI_OK);
    ck_assert_str_eq(b, "https://example.org/docs/");
    free(b);
    ck_assert_int_eq(pi_url_base(NULL, "https://example.org/a", &b), PI_OK);
    ck_assert_str_eq(b, "https://example.org/a");
    free(b);
    ck_assert_int_eq(pi_url_base("", NULL, &b), PI_OK);
    ck_assert_ptr_null(b);
}
END_TEST

START_TEST(declared_urls_are_absolute_or_none)
{
    char *u = NULL;
    ck_assert_int_eq(pi_url_absolute(NULL, "https://example.org/a/b", "../c", 4096, &u), PI_OK);
    ck_assert_str_eq(u, "https://example.org/c");
    free(u);
    ck_assert_int_eq(pi_url_absolute(NULL, NULL, "//example.org/x", 4096, &u), PI_OK);
    ck_assert_str_eq(u, "https://example.org/x");
    free(u);
    ck_assert_int_eq(pi_url_absolute(NULL, NULL, "relative/only", 4096, &u), PI_OK);
    ck_assert_ptr_null(u); /* stays relative: no usable URL */
    ck_assert_int_eq(pi_url_absolute(NULL, "https://example.org/", "about:blank", 4096, &u), PI_OK);
    ck_assert_ptr_null(u);
    ck_assert_int_eq(pi_url_absolute(NULL, "https://example.org/", "/long", 3, &u), PI_OK);
    ck_assert_ptr_null(u);
}
END_TEST

/* Every allocation of a call failing in turn: the call says PI_ENOMEM with
 * no result, or succeeds with the undisturbed result; never "no URL" with
 * PI_OK (what the document base once said when out of memory). */
START_TEST(out_of_memory_is_never_no_url)
{
    if (!failmalloc_active())
        return; /* compiled out under sanitizers; the plain build runs it */
    /* A parse first, as in the pipeline: it silences libxml2's messages
     * about the failed allocations in this thread. */
    pi_tree *t;
    ck_assert_int_eq(pi_parse_html("<p>x</p>", 8, NULL, &t), PI_OK);
    pi_tree_free(t);
    for (int which = 0; which < 3; which++) {
        for (unsigned long n = 1;; n++) {
            char *u = (char *)"unset";
            failmalloc_arm(n, FAILMALLOC_ONE);
            int err = which == 0   ? pi_url_base("/docs/", "https://example.org/a", &u)
                      : which == 1 ? pi_url_resolve("https://example.org/a", "b/c", &u)
                                   : pi_url_absolute("/d/", "https://example.org/a", "e", 4096, &u);
            unsigned long failed = failmalloc_failures();
            failmalloc_disarm();
            if (!failed) { /* every allocation has been failed once */
                ck_assert_int_eq(err, PI_OK);
                ck_assert_ptr_nonnull(u);
                free(u);
                break;
            }
            if (err == PI_OK) {
                ck_assert_msg(u != NULL, "call %d, allocation %lu failing: PI_OK without a URL",
                              which, n);
                free(u);
            } else {
                ck_assert_int_eq(err, PI_ENOMEM);
                ck_assert_ptr_null(u);
            }
        }
    }
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, links_resolve_against_the_base);
    PI_CASE(s, the_document_base);
    PI_CASE(s, declared_urls_are_absolute_or_none);
    PI_CASE(s, out_of_memory_is_never_no_url);
}

PI_SUITE_MAIN("url", add)

/* test_oom.c - every render survives running out of memory: with any one
 * allocation failing (or every allocation from one on), pith_doc_render()
 * gives the undisturbed output or PITH_ERR_NOMEM with nothing to free,
 * never a different output with PITH_OK. Through pith.h and libpith.so,
 * with failmalloc.c failing the allocations of pith and of the libraries
 * under it alike. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <pith.h>

#include "check_common.h"
#include "failmalloc.h"

/* Something of everything a renderer writes: JSON-LD metadata with two
 * authors and keywords, a heading, emphasis, code, links, a list, a table
 * of several rows, an image with a caption, characters JSON and HTML
 * escape. */
static const char PAGE[] =
    "<html lang=en><head><title>Tides at the old pier | Harbour News</title>"
    "<meta property=og:site_name content=\"Harbour News\">"
    "<meta name=description content=\"What the tides did to the pier.\">"
    "<script type=application/ld+json>{\"@context\":\"https://schema.org\","
    "\"@type\":\"NewsArticle\",\"headline\":\"Tides at the old pier\","
    "\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},"
    "{\"@type\":\"Person\",\"name\":\"Bo \\\"Tide\\\" Ng\"}],"
    "\"keywords\":[\"tides\",\"piers\",\"harbour\"],"
    "\"datePublished\":\"2024-03-01T08:00:00Z\"}</script>"
    "</head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>"
    "<article><h1>Tides at the old pier</h1>"
    "<p>The <em>spring tides</em> came higher than the harbour master had "
    "<strong>ever</strong> recorded, and the water reached the third step of "
    "the old pier before noon on Tuesday, the <a href=\"/log\">log</a> says.</p>"
    "<h2>What was measured</h2>"
    "<p>Readings are kept in a file called <code>tides&lt;2024&gt;.csv</code>, "
    "written by hand &amp; checked twice; \"quotes\" and a back\\slash stay.</p>"
    "<ul><li>Monday: four metres and a little more</li>"
    "<li>Tuesday: four metres and a half, the highest</li></ul>"
    "<table><tr><th>Day</th><th>Height</th></tr>"
    "<tr><td>Monday</td><td>4.1 m</td></tr>"
    "<tr><td>Tuesday</td><td>4.5 m</td></tr></table>"
    "<figure><img src=\"https://example.org/pier.jpg\" alt=\"The pier at noon\">"
    "<figcaption>The pier at noon on Tuesday.</figcaption></figure>"
    "<p>The council will meet on Thursday to decide whether the pier needs new "
    "steps, and fishermen have asked for the repairs to start before summer.</p>"
    "</article><footer>All rights reserved.</footer></body></html>";

static const char *format_name(pith_format f)
{
    switch (f) {
    case PITH_FORMAT_TEXT:
        return "text";
    case PITH_FORMAT_MARKDOWN:
        return "markdown";
    case PITH_FORMAT_HTML:
        return "html";
    case PITH_FORMAT_JSON:
        return "json";
    case PITH_FORMAT_EXPLAIN:
        return "explain";
    }
    return "?";
}

/* Render `doc` as `format` with each of its allocations failing in turn,
 * in both failmalloc modes; returns the allocations one render makes. */
static unsigned long torture_render(const pith_doc *doc, pith_format format, const pith_options *o,
                                    const char *label)
{
    char *want = NULL, *out = NULL;
    size_t want_len = 0, len = 0;
    ck_assert_int_eq(pith_doc_render(doc, format, o, &want, &want_len), PITH_OK);

    failmalloc_arm(0, FAILMALLOC_ONE);
    pith_status s = pith_doc_render(doc, format, o, &out, &len);
    unsigned long total = failmalloc_disarm();
    ck_assert_int_eq(s, PITH_OK);
    ck_assert(len == want_len && memcmp(out, want, len) == 0);
    ck_assert_msg(total > 0, "%s: no allocation seen: failmalloc is not in effect", label);
    pith_free(out);

    unsigned long nomem[2] = {0, 0}, same[2] = {0, 0};
    for (int mode = FAILMALLOC_ONE; mode <= FAILMALLOC_FROM; mode++) {
        for (unsigned long n = 1; n <= total; n++) {
            out = (char *)PAGE; /* must become NULL on failure */
            len = 1;
            failmalloc_arm(n, (enum failmalloc_mode)mode);
            s = pith_doc_render(doc, format, o, &out, &len);
            unsigned long failed = failmalloc_failures();
            failmalloc_disarm();
            const char *m = mode == FAILMALLOC_ONE ? "only" : "from";
            ck_assert_msg(failed > 0, "%s: allocation %lu of %lu was never made", label, n, total);
            if (s == PITH_OK) {
                ck_assert_msg(out && len == want_len && memcmp(out, want, len) == 0,
                              "%s: allocation %lu of %lu failing (%s): PITH_OK with a "
                              "different output (%zu bytes, want %zu)",
                              label, n, total, m, len, want_len);
                same[mode]++;
                pith_free(out);
            } else {
                ck_assert_msg(s == PITH_ERR_NOMEM, "%s: allocation %lu of %lu failing (%s): %s",
                              label, n, total, m, pith_strerror(s));
                ck_assert_msg(out == NULL, "%s: allocation %lu failing (%s): *out not NULL", label,
                              n, m);
                nomem[mode]++;
            }
        }
    }
    printf("test_oom: %s: %lu allocations; failing one: %lu NOMEM, %lu unchanged; "
           "failing all from one: %lu NOMEM, %lu unchanged\n",
           label, total, nomem[0], same[0], nomem[1], same[1]);
    fflush(stdout); /* the test runs in a child process */
    pith_free(want);
    return total;
}

/* PAGE with its article grown to about 60 KB (paragraphs and tables
 * repeated), so that every buffer grows many times. */
static char *long_page(size_t *len)
{
    static const char para[] =
        "<p>Row %d: the water stood at mark %d, <em>higher</em> than the week "
        "before, and the <a href=\"/log/%d\">log</a> says the wind was "
        "\"strong &amp; cold\" from the north-east all afternoon.</p>"
        "<table><tr><td>Mark %d</td><td>%d.%d m</td></tr><tr><td>Wind</td>"
        "<td>north-east</td></tr></table>";
    const char *cut = strstr(PAGE, "<p>The council");
    size_t cap = sizeof PAGE + 200 * sizeof para, n = (size_t)(cut - PAGE);
    char *p = malloc(cap);
    ck_assert_ptr_nonnull(p);
    memcpy(p, PAGE, n);
    for (int i = 0; i < 150; i++)
        n += (size_t)snprintf(p + n, cap - n, para, i, i, i, i, i / 10, i % 10);
    n += (size_t)snprintf(p + n, cap - n, "%s", cut);
    *len = n;
    return p;
}

static pith_doc *extract_page(int is_long, int explain)
{
    pith_doc *doc = NULL;
    pith_options *o = pith_options_new();
    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_EXPLAIN, explain), PITH_OK);
    ck_assert_int_eq(pith_options_set_string(o, PITH_OPT_URL, "https://example.org/news/tides"),
                     PITH_OK);
    size_t len = sizeof PAGE - 1;
    char *page = is_long ? long_page(&len) : NULL;
    ck_assert_int_eq(pith_extract(page ? page : PAGE, len, o, &doc), PITH_OK);
    free(page);
    pith_options_free(o);
    /* The metadata the JSON render must carry. */
    ck_assert_uint_eq(pith_doc_count(doc, PITH_FIELD_AUTHORS), 2);
    ck_assert_uint_eq(pith_doc_count(doc, PITH_FIELD_TAGS), 3);
    return doc;
}

/* One render, with `option` set to `value` unless 0, of the short page and
 * of the long one. */
static void torture(pith_format format, int option, long value, const char *variant)
{
    pith_options *o = pith_options_new();
    ck_assert_ptr_nonnull(o);
    if (option)
        ck_assert_int_eq(pith_options_set_int(o, (pith_option)option, value), PITH_OK);
    for (int is_long = 0; is_long <= 1; is_long++) {
        pith_doc *doc = extract_page(is_long, format == PITH_FORMAT_EXPLAIN);
        char label[96];
        snprintf(label, sizeof label, "%s%s, %s page", format_name(format), variant,
                 is_long ? "long" : "short");
        torture_render(doc, format, o, label);
        pith_doc_free(doc);
    }
    pith_options_free(o);
}

START_TEST(failmalloc_sees_libc)
{
    /* glibc's own allocations come here too: strdup fails when armed. */
    failmalloc_arm(1, FAILMALLOC_ONE);
    char *p = strdup("tide");
    char *q = strdup("pier");
    unsigned long n = failmalloc_disarm();
    ck_assert_ptr_null(p);
    ck_assert_ptr_nonnull(q);
    ck_assert_uint_eq(n, 2);
    ck_assert_uint_eq(failmalloc_failures(), 1);
    free(q);
}
END_TEST

START_TEST(oom_text)
{
    torture(PITH_FORMAT_TEXT, 0, 0, "");
}
END_TEST

START_TEST(oom_markdown)
{
    torture(PITH_FORMAT_MARKDOWN, 0, 0, "");
}
END_TEST

START_TEST(oom_html)
{
    torture(PITH_FORMAT_HTML, 0, 0, "");
    torture(PITH_FORMAT_HTML, PITH_OPT_STANDALONE, 1, " standalone");
}
END_TEST

START_TEST(oom_json)
{
    torture(PITH_FORMAT_JSON, 0, 0, "");
    torture(PITH_FORMAT_JSON, PITH_OPT_JSON_CONTENT, PITH_FORMAT_MARKDOWN, " with markdown");
    torture(PITH_FORMAT_JSON, PITH_OPT_JSON_CONTENT, PITH_FORMAT_HTML, " with html");
}
END_TEST

START_TEST(oom_explain)
{
    torture(PITH_FORMAT_EXPLAIN, 0, 0, "");
}
END_TEST

int main(void)
{
    if (!failmalloc_active()) {
        printf("test_oom: failmalloc is compiled out under sanitizers: skipped\n");
        return 77; /* automake's SKIP */
    }
    /* ICU's allocations are failed too: the sentence count of every JSON
     * render opens its iterator from compiled rules, not with ubrk_clone(),
     * which crashed when one of its allocations failed. */
    Suite *s = suite_create("oom");
    PI_CASE_TIMEOUT(s, failmalloc_sees_libc, 600);
    PI_CASE_TIMEOUT(s, oom_text, 600);
    PI_CASE_TIMEOUT(s, oom_markdown, 600);
    PI_CASE_TIMEOUT(s, oom_html, 600);
    PI_CASE_TIMEOUT(s, oom_json, 600);
    PI_CASE_TIMEOUT(s, oom_explain, 600);
    return pi_test_run(s);
}

/* Unit tests: lib/stats.c (word units, densities, class evidence) */
#include "check_common.h"
#include "pipeline.h"

static uint32_t words(const char *s)
{
    pi_words *w = pi_words_new();
    uint32_t n = pi_count_words(w, s, strlen(s));
    pi_words_free(w);
    return n;
}

START_TEST(ascii_words)
{
    ck_assert_uint_eq(words("The quick brown fox."), 4);
    ck_assert_uint_eq(words("it's 3.14, not 1,000 -- e-mail"), 6);
    ck_assert_uint_eq(words("  ... !!! "), 0);
    ck_assert_uint_eq(words(""), 0);
}
END_TEST

START_TEST(ascii_fast_path_agrees_with_icu)
{
    /* The same sentence with one non-ASCII character goes through ICU. */
    ck_assert_uint_eq(words("Don't stop: 3.14 and 1,000 e-mail caf\xc3\xa9"),
                      words("Don't stop: 3.14 and 1,000 e-mail cafe"));
}
END_TEST

START_TEST(cjk_and_thai_words)
{
    /* 私は東京に住んでいます: eight words by ICU's dictionary. */
    ck_assert_uint_eq(words("\xe7\xa7\x81\xe3\x81\xaf\xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xab"
                            "\xe4\xbd\x8f\xe3\x82\x93\xe3\x81\xa7\xe3\x81\x84\xe3\x81\xbe"
                            "\xe3\x81\x99"),
                      8);
    /* Thai has no spaces between words: "ภาษาไทย" is two words. */
    ck_assert_uint_ge(words("\xe0\xb8\xa0\xe0\xb8\xb2\xe0\xb8\xa9\xe0\xb8\xb2\xe0\xb9\x84"
                            "\xe0\xb8\x97\xe0\xb8\xa2"),
                      2);
    /* Chinese: more than one word in a run without spaces. */
    ck_assert_uint_ge(words("\xe6\x88\x91\xe4\xbb\xac\xe5\x96\x9c\xe6\xac\xa2\xe8\xaf\xbb"
                            "\xe4\xb9\xa6"),
                      2);
}
END_TEST

START_TEST(sentences)
{
    pi_words *w = pi_words_new();
    const char *en = "The ship left at 3.15 on Monday. Nobody expected it! Why now?";
    ck_assert_uint_eq(pi_count_sentences(w, en, strlen(en)), 3);
    /* 今日は晴れです。明日は雨です。 */
    const char *ja = "\xe4\xbb\x8a\xe6\x97\xa5\xe3\x81\xaf\xe6\x99\xb4\xe3\x82\x8c\xe3\x81\xa7"
                     "\xe3\x81\x99\xe3\x80\x82\xe6\x98\x8e\xe6\x97\xa5\xe3\x81\xaf\xe9\x9b\xa8"
                     "\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82";
    ck_assert_uint_eq(pi_count_sentences(w, ja, strlen(ja)), 2);
    ck_assert_uint_eq(pi_count_sentences(w, "", 0), 0);
    ck_assert_uint_eq(pi_count_sentences(w, " ... ", 5), 0);
    pi_words_free(w);
}
END_TEST

START_TEST(chars_skip_spaces)
{
    ck_assert_uint_eq(pi_count_chars("a b\n\tc", 6), 3);
    ck_assert_uint_eq(pi_count_chars("\xc3\xa9t\xc3\xa9", 5), 3);
}
END_TEST

START_TEST(subtree_totals_and_link_density)
{
    run r;
    run_start(&r,
              "<body><div id=a><p>one two three four</p><p>five <a href=#>six seven</a></p>"
              "</div><ul id=m><li><a href=/>Home</a><li><a href=/x>News</a></ul></body>",
              0);
    pi_node *a = run_node(&r, "div", "a");
    ck_assert_uint_eq(a->words, 7);
    ck_assert_uint_eq(a->link_words, 2);
    ck_assert_uint_eq(a->n_p, 2);
    ck_assert_float_eq_tol(pi_link_density(a), 2.0 / 7.0, 1e-6);
    pi_node *m = run_node(&r, "ul", "m");
    ck_assert_float_eq_tol(pi_link_density(m), 1.0, 1e-6);
    ck_assert_uint_eq(m->n_li, 2);
    ck_assert_uint_eq(run_node(&r, "body", NULL)->words, 9);
    run_end(&r);
}
END_TEST

START_TEST(own_text_stops_at_blocks)
{
    run r;
    run_start(&r, "<body><div id=d>intro <b>bold</b><p>para words</p>tail</div></body>", 0);
    pi_node *d = run_node(&r, "div", "d");
    ck_assert_uint_eq(d->own_words, 3);
    ck_assert_uint_eq(d->words, 5);
    run_end(&r);
}
END_TEST

START_TEST(class_evidence)
{
    run r;
    run_start(&r,
              "<body><div id=a class=\"article-body\">x</div><div id=b class=\"share-bar\">x</div>"
              "<div id=c class=\"header-ad\">x</div><div id=d class=\"shadow loading\">x</div>"
              "<div id=e role=navigation>x</div><div id=f itemprop=articleBody>x</div>"
              "<div id=g class=comments>x</div></body>",
              0);
    ck_assert_int_gt(run_node(&r, "div", "a")->weight, 0);
    ck_assert_int_lt(run_node(&r, "div", "b")->weight, 0);
    ck_assert_int_lt(run_node(&r, "div", "c")->weight, 0);  /* the "ad" token */
    ck_assert_int_eq(run_node(&r, "div", "d")->weight, 0);  /* "ad" inside words */
    ck_assert_int_lt(run_node(&r, "div", "e")->weight, 0);
    ck_assert_int_gt(run_node(&r, "div", "f")->weight, 25);
    ck_assert_int_eq(run_node(&r, "div", "g")->unlikely, 1);
    ck_assert_int_eq(run_node(&r, "div", "a")->unlikely, 0);
    run_end(&r);
}
END_TEST

START_TEST(patterns)
{
    ck_assert(pi_class_matches("post-share", PI_CW_STRONG_NEGATIVE));
    ck_assert(pi_class_matches("Ad slot", PI_CW_NEGATIVE));
    ck_assert(!pi_class_matches("loading headline", PI_CW_NEGATIVE));
    ck_assert(pi_class_matches("navbar-top", PI_CW_NEGATIVE));
    ck_assert(pi_class_matches("entry-content", PI_CW_POSITIVE));
    ck_assert(pi_class_matches("byline", PI_CW_BYLINE));
}
END_TEST

static void add(TCase *tc)
{
    tcase_add_test(tc, ascii_words);
    tcase_add_test(tc, ascii_fast_path_agrees_with_icu);
    tcase_add_test(tc, cjk_and_thai_words);
    tcase_add_test(tc, sentences);
    tcase_add_test(tc, chars_skip_spaces);
    tcase_add_test(tc, subtree_totals_and_link_density);
    tcase_add_test(tc, own_text_stops_at_blocks);
    tcase_add_test(tc, class_evidence);
    tcase_add_test(tc, patterns);
}

PI_TEST_MAIN("stats", add)

/* Unit tests: lib/stats.c (word units, densities, class evidence) */
#include "check_common.h"
#include "base/error.h"
#include "extract/names.h"
#include "extract/words.h"
#include "trace.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

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

/* The count ICU's word iterator gives, as pi_count_words() counts: runs
 * whose rule status is a word (letters, numbers, ...). */
static uint32_t icu_words(const char *s, size_t len)
{
    UErrorCode e = U_ZERO_ERROR;
    UChar u[512];
    int32_t n = 0;
    u_strFromUTF8WithSub(u, 512, &n, s, (int32_t)len, 0xFFFD, NULL, &e);
    ck_assert(U_SUCCESS(e));
    static UBreakIterator *bi; /* one for the test program */
    if (!bi)
        bi = ubrk_open(UBRK_WORD, "", NULL, 0, &e);
    ubrk_setText(bi, u, n, &e);
    ck_assert(U_SUCCESS(e));
    uint32_t words = 0;
    ubrk_first(bi);
    while (ubrk_next(bi) != UBRK_DONE)
        if (ubrk_getRuleStatus(bi) >= UBRK_WORD_NONE_LIMIT)
            words++;
    ubrk_setText(bi, NULL, 0, &e);
    return words;
}

/* stats.c counts Latin text without ICU; these characters are all it
 * knows, with the Word_Break class it gives each. */
START_TEST(latin_classes_match_icu)
{
    for (UChar32 c = 0xC0; c <= 0x24F; c++)
        if (c != 0xD7 && c != 0xF7)
            ck_assert_msg(u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_ALETTER, "U+%04X",
                          (unsigned)c);
    static const UChar32 other[] = {0xA0,   0xAB,   0xBB,   0x2013, 0x2014, 0x201C,
                                    0x201D, 0x201E, 0x2022, 0x2026, 0x20AC};
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
        ck_assert_msg(u_getIntPropertyValue(other[i], UCHAR_WORD_BREAK) == U_WB_OTHER, "U+%04X",
                      (unsigned)other[i]);
    ck_assert_int_eq(u_getIntPropertyValue(0xB7, UCHAR_WORD_BREAK), U_WB_MIDLETTER);
    ck_assert_int_eq(u_getIntPropertyValue(0x2018, UCHAR_WORD_BREAK), U_WB_MIDNUMLET);
    ck_assert_int_eq(u_getIntPropertyValue(0x2019, UCHAR_WORD_BREAK), U_WB_MIDNUMLET);
    /* ICU's own rules differ from the property for ASCII: '@' is a letter,
     * ':' is no MidLetter, a lone '_' is no word but two are. */
    const char *t = "caf\xc3\xa9 a@b.c x:y _ __";
    ck_assert_uint_eq(words(t), 5);
    ck_assert_uint_eq(icu_words(t, strlen(t)), 5);
}
END_TEST

/* Random strings of the characters count_latin() knows, mixed with ASCII
 * letters, digits and punctuation, and now and then one it does not know:
 * pi_count_words() gives what ICU gives. */
START_TEST(latin_fast_path_agrees_with_icu)
{
    /* clang-format off */
    static const char *const pieces[] = {
        "\xc3\xa9", "\xc3\x9f", "\xc5\x82", "\xc3\x80", "\xc3\x96", "\xc3\x98", "\xc3\xb6", "\xc3\xb8",
        "\xc3\xbf", "\xc9\x8f", "\xc2\xa0", "\xc2\xab", "\xc2\xbb", "\xc2\xb7", "\xe2\x80\x93",
        "\xe2\x80\x94", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x9e", "\xe2\x80\xa2",
        "\xe2\x80\xa6", "\xe2\x82\xac", "\xe2\x80\x98", "\xe2\x80\x99", "\xc3\x97", "\xc2\xa9",
        "\xe2\x80\xaf", "\xcc\x81", "a", "Z", "0", "7", "_", ".", "'", ",", ";", ":", "@", " ",
        "-", "\n", "\t", "\"", "#", "/"};
    /* clang-format on */
    const size_t np = sizeof pieces / sizeof pieces[0];
    pi_words *w = pi_words_new();
    uint32_t seed = 12345;
    for (int it = 0; it < 100000; it++) {
        char buf[128];
        size_t k = 0;
        seed = seed * 1103515245u + 12345u;
        int len = 1 + (int)((seed >> 16) % 14);
        for (int j = 0; j < len; j++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % np];
            memcpy(buf + k, p, strlen(p));
            k += strlen(p);
        }
        /* Not all ASCII: that is count_ascii()'s, with rules of its own. */
        memcpy(buf + k, "\xc3\xa9", 2);
        k += 2;
        buf[k] = '\0';
        ck_assert_msg(pi_count_words(w, buf, k) == icu_words(buf, k), "[%s]", buf);
    }
    pi_words_free(w);
}
END_TEST

START_TEST(chars_skip_spaces)
{
    ck_assert_uint_eq(pi_count_chars("a b\n\tc", 6), 3);
    ck_assert_uint_eq(pi_count_chars("\xc3\xa9t\xc3\xa9", 5), 3);
    /* Sixteen bytes at a time and the rest one by one: every length and
     * mix of spaces, letters and multi-byte characters counts the same. */
    static const char *const pieces[] = {"a",   " ", "\n",       "\t",           "\r",
                                         "\f",  ",", "\xc3\xa9", "\xe4\xb8\xad", "\xf0\x9f\x98\x80",
                                         "\x7f"};
    uint32_t seed = 7;
    for (int it = 0; it < 20000; it++) {
        char buf[256];
        size_t k = 0;
        uint32_t want = 0;
        seed = seed * 1103515245u + 12345u;
        int n = (int)((seed >> 16) % 60);
        for (int j = 0; j < n; j++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
            memcpy(buf + k, p, strlen(p));
            k += strlen(p);
            want += !strchr(" \n\t\r\f", p[0]);
        }
        ck_assert_uint_eq(pi_count_chars(buf, k), want);
    }
}
END_TEST

START_TEST(subtree_totals_and_link_density)
{
    traced r;
    traced_run_rules(&r,
                     "<body><div id=a><p>one two three four</p><p>five <a href=#>six seven</a></p>"
                     "</div><ul id=m><li><a href=/>Home</a><li><a href=/x>News</a></ul></body>");
    pi_node *a = traced_node(&r, "div", "a");
    ck_assert_uint_eq(a->words, 7);
    ck_assert_uint_eq(a->link_words, 2);
    ck_assert_uint_eq(a->n_p, 2);
    ck_assert_float_eq_tol(pi_link_density(a), 2.0 / 7.0, 1e-6);
    pi_node *m = traced_node(&r, "ul", "m");
    ck_assert_float_eq_tol(pi_link_density(m), 1.0, 1e-6);
    ck_assert_uint_eq(m->n_li, 2);
    ck_assert_uint_eq(traced_node(&r, "body", NULL)->words, 9);
    traced_end(&r);
}
END_TEST

START_TEST(own_text_stops_at_blocks)
{
    traced r;
    traced_run_rules(&r, "<body><div id=d>intro <b>bold</b><p>para words</p>tail</div></body>");
    pi_node *d = traced_node(&r, "div", "d");
    ck_assert_uint_eq(d->own_words, 3);
    ck_assert_uint_eq(d->words, 5);
    traced_end(&r);
}
END_TEST

START_TEST(class_evidence)
{
    traced r;
    traced_run_rules(
        &r, "<body><div id=a class=\"article-body\">x</div><div id=b class=\"share-bar\">x</div>"
            "<div id=c class=\"header-ad\">x</div><div id=d class=\"shadow loading\">x</div>"
            "<div id=e role=navigation>x</div><div id=f itemprop=articleBody>x</div>"
            "<div id=g class=comments>x</div></body>");
    ck_assert_int_gt(traced_node(&r, "div", "a")->weight, 0);
    ck_assert_int_lt(traced_node(&r, "div", "b")->weight, 0);
    ck_assert_int_lt(traced_node(&r, "div", "c")->weight, 0); /* the "ad" token */
    ck_assert_int_eq(traced_node(&r, "div", "d")->weight, 0); /* "ad" inside words */
    ck_assert_int_lt(traced_node(&r, "div", "e")->weight, 0);
    ck_assert_int_gt(traced_node(&r, "div", "f")->weight, 25);
    ck_assert_int_eq(traced_node(&r, "div", "g")->unlikely, 1);
    ck_assert_int_eq(traced_node(&r, "div", "a")->unlikely, 0);
    traced_end(&r);
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

static void add(Suite *s)
{
    PI_CASE(s, ascii_words);
    PI_CASE(s, ascii_fast_path_agrees_with_icu);
    PI_CASE(s, cjk_and_thai_words);
    PI_CASE(s, latin_classes_match_icu);
    PI_CASE(s, latin_fast_path_agrees_with_icu);
    PI_CASE(s, sentences);
    PI_CASE(s, chars_skip_spaces);
    PI_CASE(s, subtree_totals_and_link_density);
    PI_CASE(s, own_text_stops_at_blocks);
    PI_CASE(s, class_evidence);
    PI_CASE(s, patterns);
}

PI_SUITE_MAIN("stats", add)

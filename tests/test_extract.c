/* Unit tests: lib/extract.c (the layers and what every attempt's model
 * goes through), through the real pipeline. */
#include "check_common.h"
#include "trace.h"

#define PARA \
    "<p>This paragraph is long enough to count, with commas, clauses, and words that a reader came for.</p>"
#define LINKS \
    "<ul><li><a href=/a>Home</a></li><li><a href=/b>World news</a></li><li><a href=/c>Sport</a></li></ul>"

/* `n` copies of `s`, malloc'd. */
static char *repeat(const char *s, int n)
{
    size_t l = strlen(s);
    char *out = malloc(l * (size_t)n + 1);
    for (int i = 0; i < n; i++)
        memcpy(out + l * (size_t)i, s, l);
    out[l * (size_t)n] = '\0';
    return out;
}

static char *page(const char *head, const char *body)
{
    size_t n = strlen(head) + strlen(body) + 64;
    char *s = malloc(n);
    snprintf(s, n, "<html><head>%s</head><body>%s</body></html>", head, body);
    return s;
}

START_TEST(scoring_decides_an_ordinary_page)
{
    traced x;
    traced_run_rules(&x, "<body><nav>" LINKS "</nav><div id=story>" PARA PARA PARA "</div></body>");
    ck_assert_int_eq(x.r.layer, PI_LAYER_SCORE);
    ck_assert_ptr_nonnull(strstr(x.r.text, "reader came for"));
    ck_assert_ptr_null(strstr(x.r.text, "World news"));
    traced_end(&x);
}
END_TEST

START_TEST(no_candidate_gives_the_body)
{
    traced x;
    traced_run_rules(&x, "<body><span>Short words only</span></body>");
    ck_assert_int_eq(x.r.layer, PI_LAYER_FALLBACK);
    ck_assert_str_eq(x.r.text, "Short words only\n");
    traced_end(&x);
}
END_TEST

START_TEST(weak_first_result_is_retried_relaxed)
{
    /* The article sits in a box named like comments, which the first
     * attempt does not let vote: a 12-word introduction wins it. The
     * relaxed attempt gives the article, with twice the words. */
    char *body = repeat(PARA, 6), *html = NULL;
    size_t n = strlen(body) + 256;
    html = malloc(n);
    snprintf(html, n,
             "<body><div class=intro><p>A short introduction of twelve words that is all the "
             "first attempt finds.</p></div><div class=comments-area>%s</div></body>",
             body);
    traced x;
    traced_run_rules(&x, html);
    ck_assert_int_eq(x.r.layer, PI_LAYER_RELAXED);
    ck_assert_ptr_nonnull(strstr(x.r.text, "reader came for"));
    traced_end(&x);
    free(body);
    free(html);
}
END_TEST

START_TEST(long_first_result_is_kept)
{
    /* 300 words or more are kept whatever else the page holds: the relaxed
     * attempt would take the long comment thread too. */
    char *article = repeat(PARA, 20), *comments = repeat(PARA, 60);
    size_t n = strlen(article) + strlen(comments) + 256;
    char *html = malloc(n);
    snprintf(html, n, "<body><article>%s</article><div class=comments>%s</div></body>", article,
             comments);
    traced x;
    traced_run_rules(&x, html);
    ck_assert_int_eq(x.r.layer, PI_LAYER_SCORE);
    ck_assert_uint_lt(x.r.words, 20 * 18 + 20);
    traced_end(&x);
    free(article);
    free(comments);
    free(html);
}
END_TEST

START_TEST(declared_body_when_the_markup_holds_little)
{
    /* The article is in the JSON-LD only (rendered by a script). */
    char *words = repeat("The council voted on the harbour plan tonight and it passed. ", 12);
    size_t n = strlen(words) * 2 + 512;
    char *head = malloc(n);
    snprintf(head, n,
             "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Plan "
             "passes\",\"articleBody\":\"%s\\n%s\"}</script>",
             words, words);
    char *html = page(head, "<div id=app><p>Loading the article, please wait a moment.</p></div>");
    traced x;
    traced_run_rules(&x, html);
    ck_assert_int_eq(x.r.layer, PI_LAYER_JSON_LD);
    ck_assert_ptr_nonnull(strstr(x.r.text, "harbour plan tonight"));
    ck_assert_ptr_null(strstr(x.r.text, "Loading"));
    traced_end(&x);
    free(words);
    free(head);
    free(html);
}
END_TEST

START_TEST(declared_body_not_used_when_the_markup_has_it)
{
    char *html = page(
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"articleBody\":\"A short summary of the article in a few words.\"}</script>",
        "<article>" PARA PARA PARA "</article>");
    traced x;
    traced_run_rules(&x, html);
    ck_assert_int_eq(x.r.layer, PI_LAYER_SCORE);
    traced_end(&x);
    free(html);
}
END_TEST

START_TEST(date_lines_and_credits_leave_the_text)
{
    traced x;
    traced_run_rules(
        &x, "<body><article><p>Stand: 05. Februar 2020</p>" PARA
            "<figure><img src=a.jpg><figcaption>Foto: Jane Doe</figcaption></figure>"
            "<figure><img src=b.jpg><figcaption>The harbour at dawn</figcaption></figure>" PARA PARA
            "</article></body>");
    ck_assert_ptr_null(strstr(x.r.text, "Februar"));
    ck_assert_ptr_null(strstr(x.r.text, "Jane Doe"));
    ck_assert_ptr_nonnull(strstr(x.r.text, "The harbour at dawn"));
    traced_end(&x);
}
END_TEST

START_TEST(tail_context_is_trimmed_from_long_articles)
{
    char *body = repeat(PARA, 12);
    size_t n = strlen(body) + 256;
    char *html = malloc(n);
    snprintf(html, n, "<body><article>%s<p>More on this story</p><h3>Latest</h3></article></body>",
             body);
    traced x;
    traced_run_rules(&x, html);
    ck_assert_ptr_null(strstr(x.r.text, "More on this"));
    ck_assert_ptr_null(strstr(x.r.text, "Latest"));
    traced_end(&x);
    /* A short article keeps its last lines: they may be all there is. */
    traced_run_rules(&x, "<body><article>" PARA "<p>More on this story</p></article></body>");
    ck_assert_ptr_nonnull(strstr(x.r.text, "More on this story"));
    traced_end(&x);
    free(body);
    free(html);
}
END_TEST

START_TEST(kept_choice_is_the_deciding_attempt)
{
    /* The trace's choice is the one whose model became the text: its roots
     * hold the text's first paragraph. */
    traced x;
    traced_run_rules(&x, "<body><div id=story><p id=first>"
                         "This paragraph is long enough to count, "
                         "with commas, clauses, and words.</p>" PARA PARA "</div></body>");
    const pi_choice *c = &x.t.choice;
    ck_assert_uint_gt(c->n, 0);
    int found = 0;
    for (size_t k = 0; k < c->n; k++)
        found |= traced_find_in(x.t.stats.nodes[c->roots[k]].node, "p", "first") != NULL;
    ck_assert(found);
    traced_end(&x);
}
END_TEST

START_TEST(learned_layer_decides_by_default)
{
    /* The library's default: the rules' result is evidence, the learned
     * block decisions give the text, the page model the page type. */
    traced x;
    traced_run(&x, "<head><meta property=og:type content=article></head>"
                   "<body><nav>" LINKS "</nav><article><h1>A story</h1>" PARA PARA PARA
                   "</article><footer><p>Copyright 2026 The Example Times. All rights "
                   "reserved.</p></footer></body>");
    ck_assert_int_eq(x.r.layer, PI_LAYER_LEARNED);
    ck_assert_ptr_nonnull(strstr(x.r.text, "reader came for"));
    ck_assert_ptr_null(strstr(x.r.text, "World news"));
    ck_assert_ptr_null(strstr(x.r.text, "All rights reserved"));
    ck_assert_str_eq(x.r.meta.page_type, "article");
    ck_assert_ptr_nonnull(x.t.choice.mute); /* the trace keeps the learned choice */
    traced_end(&x);
}
END_TEST

START_TEST(threshold_moves_the_decision)
{
    /* A higher threshold keeps no more than a lower one: the choice of
     * favouring precision or recall. */
    const char *html = "<body><nav>" LINKS "</nav><div class=post>" PARA PARA
                       "<p>Short line</p><ul><li>An item of a list</li><li>Another item</li>"
                       "</ul></div><aside><p>Sign up for our newsletter today</p></aside></body>";
    size_t len[3];
    const float t[3] = {0.2f, 0.5f, 0.8f};
    for (int k = 0; k < 3; k++) {
        traced x;
        traced_run_with(&x, html, NULL, t[k]);
        len[k] = x.r.text_len;
        traced_end(&x);
    }
    ck_assert_uint_ge(len[0], len[1]);
    ck_assert_uint_ge(len[1], len[2]);
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, learned_layer_decides_by_default);
    PI_CASE(s, threshold_moves_the_decision);
    PI_CASE(s, scoring_decides_an_ordinary_page);
    PI_CASE(s, no_candidate_gives_the_body);
    PI_CASE(s, weak_first_result_is_retried_relaxed);
    PI_CASE(s, long_first_result_is_kept);
    PI_CASE(s, declared_body_when_the_markup_holds_little);
    PI_CASE(s, declared_body_not_used_when_the_markup_has_it);
    PI_CASE(s, date_lines_and_credits_leave_the_text);
    PI_CASE(s, tail_context_is_trimmed_from_long_articles);
    PI_CASE(s, kept_choice_is_the_deciding_attempt);
}

PI_SUITE_MAIN("extract", add)

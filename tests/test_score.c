/* Unit tests: lib/score.c (choosing the article container) */
#include "check_common.h"
#include "base/error.h"
#include "trace.h"

#define PARA \
    "<p>This paragraph is long enough to count, with commas, clauses, and words that a reader came for.</p>"
#define LINKS \
    "<ul><li><a href=/a>Home</a></li><li><a href=/b>World news</a></li><li><a href=/c>Sport</a></li></ul>"

/* The page through the real pipeline, and the first attempt's choice made
 * again on its statistics (flags 0, the headline given). */
typedef struct run {
    traced x;
    pi_stats *st;
    pi_choice ch;
} run;

static void run_choose(run *r, const char *html, const char *title)
{
    traced_run_rules(&r->x, html);
    r->st = &r->x.t.stats;
    ck_assert_int_eq(pi_choose(r->st, 0, 0, title, &r->ch), PI_OK);
}

static void run_end(run *r)
{
    pi_choice_free(&r->ch);
    traced_end(&r->x);
}

static const char *chosen_id(run *r)
{
    ck_assert_int_ge(r->ch.top, 0);
    const char *id = pi_attr(r->st->nodes[r->ch.top].node, "id");
    return id ? id : "";
}

START_TEST(text_beats_links)
{
    run r;
    run_choose(&r,
               "<body><div id=nav>" LINKS LINKS "</div><div id=story>" PARA PARA PARA
               "</div><div id=foot>" LINKS "</div></body>",
               NULL);
    ck_assert_str_eq(chosen_id(&r), "story");
    ck_assert_int_eq(r.ch.fallback, 0);
    run_end(&r);
}
END_TEST

START_TEST(names_tip_close_calls)
{
    run r;
    run_choose(&r,
               "<body><div id=x class=comments>" PARA PARA PARA "</div>"
               "<div id=y class=entry-content>" PARA PARA "</div></body>",
               NULL);
    ck_assert_str_eq(chosen_id(&r), "y");
    run_end(&r);
}
END_TEST

START_TEST(paragraphs_lift_their_container)
{
    /* The article is the div holding the paragraphs, not one paragraph. */
    run r;
    run_choose(&r,
               "<body><div id=wrap><div id=art>" PARA PARA PARA PARA "</div><aside id=side>" LINKS
               "</aside></div></body>",
               NULL);
    ck_assert_str_eq(chosen_id(&r), "art");
    run_end(&r);
}
END_TEST

START_TEST(split_article_moves_up)
{
    /* Text split evenly over two sibling containers: their parent wins. */
    run r;
    run_choose(&r,
               "<body><div id=main><div id=a>" PARA PARA PARA "</div><div id=b>" PARA PARA PARA
               "</div></div><div id=n>" LINKS "</div></body>",
               NULL);
    int found_a = 0, found_b = 0;
    for (size_t k = 0; k < r.ch.n; k++) {
        pi_dom *root = r.st->nodes[r.ch.roots[k]].node;
        found_a |= traced_find_in(root, "div", "a") != NULL;
        found_b |= traced_find_in(root, "div", "b") != NULL;
    }
    ck_assert(found_a && found_b);
    run_end(&r);
}
END_TEST

START_TEST(sibling_paragraphs_join)
{
    run r;
    run_choose(&r,
               "<body><div id=outer><div id=art>" PARA PARA PARA PARA "</div>"
               "<p id=tail>And a closing paragraph outside the container, still article text.</p>"
               "</div></body>",
               NULL);
    int tail = 0;
    for (size_t k = 0; k < r.ch.n; k++)
        tail |= traced_find_in(r.st->nodes[r.ch.roots[k]].node, "p", "tail") != NULL;
    ck_assert(tail);
    run_end(&r);
}
END_TEST

START_TEST(no_paragraphs_falls_back_to_body)
{
    run r;
    run_choose(&r, "<body><span>short</span></body>", NULL);
    ck_assert_int_eq(r.ch.fallback, 1);
    ck_assert_uint_eq(r.ch.n, 1);
    run_end(&r);
}
END_TEST

START_TEST(cjk_page)
{
    /* Chinese paragraphs (no spaces) are measured in ICU words. */
    run r;
    run_choose(
        &r,
        "<body><div id=menu><a href=/>\xe9\xa6\x96\xe9\xa1\xb5</a> <a href=/n>\xe6\x96\xb0"
        "\xe9\x97\xbb</a></div><div id=story>"
        "<p>\xe4\xbb\x8a\xe5\xa4\xa9\xe5\x9f\x8e\xe5\xb8\x82\xe7\x9a\x84\xe5\x9b\xbe\xe4\xb9"
        "\xa6\xe9\xa6\x86\xe5\xbc\x80\xe6\x94\xbe\xe4\xba\x86\xe6\x96\xb0\xe7\x9a\x84\xe9\x98"
        "\x85\xe8\xa7\x88\xe5\xae\xa4\xef\xbc\x8c\xe5\xb8\x82\xe6\xb0\x91\xe5\x8f\xaf\xe4\xbb"
        "\xa5\xe5\x85\x8d\xe8\xb4\xb9\xe5\x80\x9f\xe9\x98\x85\xe4\xb9\xa6\xe7\xb1\x8d\xe3\x80"
        "\x82</p><p>\xe9\xa6\x86\xe9\x95\xbf\xe8\xa1\xa8\xe7\xa4\xba\xef\xbc\x8c\xe6\x96\xb0"
        "\xe9\x98\x85\xe8\xa7\x88\xe5\xae\xa4\xe6\xaf\x8f\xe5\xa4\xa9\xe5\xbc\x80\xe6\x94\xbe"
        "\xe5\x88\xb0\xe6\x99\x9a\xe4\xb8\x8a\xe5\x8d\x81\xe7\x82\xb9\xef\xbc\x8c\xe6\xac\xa2"
        "\xe8\xbf\x8e\xe5\xad\xa6\xe7\x94\x9f\xe5\x92\x8c\xe5\xb1\x85\xe6\xb0\x91\xe5\x89\x8d"
        "\xe6\x9d\xa5\xe3\x80\x82</p></div></body>",
        NULL);
    ck_assert_str_eq(chosen_id(&r), "story");
    ck_assert_uint_gt(r.st->nodes[r.ch.top].words, 20);
    run_end(&r);
}
END_TEST

/* A page that runs two stories in alike containers: the page title names
 * the shorter one, which is the page's article. */
#define TWO_STORIES                                                          \
    "<body><div class=story><h2>Bridge reopens after a year of repairs</h2>" \
    "<div class=story-body id=first>" PARA PARA "</div></div>"               \
    "<div class=story><h2>Next: the council votes on the budget</h2>"        \
    "<div class=story-body id=second>" PARA PARA PARA PARA "</div></div></body>"

START_TEST(title_picks_among_alike_stories)
{
    run r;
    run_choose(&r, TWO_STORIES, "Bridge reopens after a year of repairs");
    ck_assert_str_eq(chosen_id(&r), "first");
    pi_choice_free(&r.ch);
    /* Without a title, or with one no story has, the longer one wins. */
    ck_assert_int_eq(pi_choose(r.st, 0, 0, NULL, &r.ch), PI_OK);
    ck_assert_str_eq(chosen_id(&r), "second");
    pi_choice_free(&r.ch);
    ck_assert_int_eq(pi_choose(r.st, 0, 0, "Weather: rain all week long", &r.ch), PI_OK);
    ck_assert_str_eq(chosen_id(&r), "second");
    run_end(&r);
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, text_beats_links);
    PI_CASE(s, names_tip_close_calls);
    PI_CASE(s, paragraphs_lift_their_container);
    PI_CASE(s, split_article_moves_up);
    PI_CASE(s, sibling_paragraphs_join);
    PI_CASE(s, no_paragraphs_falls_back_to_body);
    PI_CASE(s, cjk_page);
    PI_CASE(s, title_picks_among_alike_stories);
}

PI_SUITE_MAIN("score", add)

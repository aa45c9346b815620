/* Unit tests: lib/meta_title.c - the title as declared and the headline
 * the reader sees: the order of title sources, splitting off the site part,
 * the h1 inside a title, a site part in the middle, several h1s. One TCase
 * per behaviour (CK_RUN_CASE=name). */
#include "meta_common.h"

/* ---- sources ----------------------------------------------------------------- */

/* The title as declared (a <title> split), and the headline. */
static void ck_titles(const char *html, const char *title, const char *headline)
{
    pi_meta m = ex(html);
    ck_assert_pstr_eq(m.title, title);
    ck_assert_pstr_eq(m.headline, headline);
    pi_meta_free(&m);
}

/* A page whose only source is the <title> (or the h1): both the same. */
static void ck_title(const char *html, const char *want)
{
    ck_titles(html, want, want);
}

START_TEST(jsonld_headline_or_name)
{
    /* name and headline differ: the one the page shows wins */
    pi_meta m = ex("<html><head><title>Short name</title>" LD(
        "{\"@type\":\"Article\",\"headline\":\"Long SEO headline text here\","
        "\"name\":\"Short name\"}") "</head><body></body></html>");
    ck_assert_str_eq(m.title, "Short name");
    pi_meta_free(&m);
    m = ex(HEAD(LD("{\"@type\":\"Article\",\"headline\":\"The headline\",\"name\":\"The name\"}")));
    ck_assert_str_eq(m.title, "The headline");
    pi_meta_free(&m);
}
END_TEST

START_TEST(title_source_order)
{
    /* JSON-LD headline beats og:title beats <title>, each kept whole */
    ck_titles(
        HEAD(LD(
            "{\"@type\":\"NewsArticle\",\"headline\":\"From JSON-LD\"}") "<meta property=\"og:title\" content=\"From OG | Gazette\">"
                                                                         "<title>From the title element | Gazette</title>"),
        "From JSON-LD", "From JSON-LD");
    ck_titles(HEAD("<meta property=\"og:title\" content=\"From OG | Gazette\">"
                   "<meta name=\"twitter:title\" content=\"From Twitter\">"
                   "<title>From the title element | Gazette</title>"),
              "From OG | Gazette", "From OG | Gazette");
    /* og:title whole with its site part; the headline splits it off */
    ck_titles("<html><head><meta property=\"og:title\" content=\"Rivers rise in the north | "
              "Example News\"><meta property=\"og:site_name\" content=\"Example News\">"
              "<title>Rivers rise in the north | Example News</title></head></html>",
              "Rivers rise in the north | Example News", "Rivers rise in the north");
    /* the headline is the visible h1 inside a declared title */
    ck_titles("<html><head><script type=\"application/ld+json\">{\"@type\":\"Article\","
              "\"headline\":\"Weather: Rivers rise in the north, again\"}</script></head>"
              "<body><h1>Rivers rise in the north, again</h1></body></html>",
              "Weather: Rivers rise in the north, again", "Rivers rise in the north, again");
    /* the <title> alone is split, for both */
    ck_title("<html><head><title>Rivers rise | Example News</title>"
             "<meta property=\"og:site_name\" content=\"Example News\"></head></html>",
             "Rivers rise");
}
END_TEST

START_TEST(whitespace_collapsed)
{
    pi_meta m = ex("<html><head><title>\n  Spaced \t\xC2\xA0 out\n</title></head></html>");
    ck_assert_str_eq(m.title, "Spaced out");
    pi_meta_free(&m);
}
END_TEST

/* ---- the headline inside a title --------------------------------------------- */

START_TEST(title_splitting)
{
    /* the site name declared */
    ck_title("<html><head><title>Rivers rise | Example News</title>"
             "<meta property=\"og:site_name\" content=\"Example News\"></head></html>",
             "Rivers rise");
    ck_title("<html><head><title>Example News - Rivers rise in the north</title>"
             "<meta property=\"og:site_name\" content=\"Example News\"></head></html>",
             "Rivers rise in the north");
    /* the h1 inside the title, as the reader sees it */
    ck_title("<html><head><title>Rivers rise \xE2\x80\x94 Example</title></head>"
             "<body><h1>Rivers rise</h1></body></html>",
             "Rivers rise");
    ck_titles("<html><head><meta property=\"og:title\" content=\"Weather: Rivers rise in the "
              "north, again\"></head><body><h1>Rivers rise in the north, again</h1></body></html>",
              "Weather: Rivers rise in the north, again", "Rivers rise in the north, again");
    ck_title("<html><head><title>Don't panic | Guide</title></head>"
             "<body><h1>Don\xE2\x80\x99t panic</h1></body></html>",
             "Don\xE2\x80\x99t panic");
    /* by shape: the long headline and the short site */
    ck_title(
        "<html><head><title>Five things the flood taught the town | Gazette</title></head></html>",
        "Five things the flood taught the town");
    ck_title(
        "<html><head><title>Gazette | Five things the flood taught the town</title></head></html>",
        "Five things the flood taught the town");
    /* unsure: kept whole */
    ck_title("<html><head><title>Mozilla - Wikipedia</title></head></html>", "Mozilla - Wikipedia");
    ck_title("<html><head><title>A long title with a colon: Hello there</title></head>"
             "<body></body></html>",
             "A long title with a colon: Hello there");
    ck_title("<html><head><title>Daring Fireball: Colophon</title></head></html>",
             "Daring Fireball: Colophon");
    /* a logo h1 is not the headline */
    ck_title("<html><head><title>Rivers rise in the north today | Gazette</title></head>"
             "<body><h1>Gazette</h1></body></html>",
             "Rivers rise in the north today");
    /* no <title>: the h1 */
    ck_title("<html><body><h1> Only  a heading </h1></body></html>", "Only a heading");
    /* the host written as words */
    pi_meta m = ex_url(
        "<html><head><meta property=\"og:title\" content=\"New shoes | Herr Pfleger\">"
        "</head></html>",
        "https://www.herrpfleger.de/x");
    ck_assert_str_eq(m.title, "New shoes | Herr Pfleger");
    ck_assert_str_eq(m.headline, "New shoes");
    pi_meta_free(&m);
}
END_TEST

START_TEST(title_site_in_the_middle)
{
    /* "Headline | host | slogan": the headline before the site */
    pi_meta m = ex_url("<html><head><meta property=\"og:title\" content=\"Pike in winter | "
                       "fishing-news.example | Your angling magazine\"></head></html>",
                       "https://fishing-news.example/pike");
    ck_assert_str_eq(m.title, "Pike in winter | fishing-news.example | Your angling magazine");
    ck_assert_str_eq(m.headline, "Pike in winter");
    pi_meta_free(&m);
    ck_title("<html><head><title>Rivers rise | Example News | Since 1901</title>"
             "<meta property=\"og:site_name\" content=\"Example News\"></head></html>",
             "Rivers rise");
}
END_TEST

START_TEST(title_among_several_h1)
{
    /* a documentation page: the project's h1 first, the page's h1 with a
     * permalink mark; both lie in the <title> */
    ck_title("<html><head><title>Shared and mutable history \xE2\x80\x94 the frob tool reference "
             "manual</title></head><body><h1>the frob tool reference manual</h1>"
             "<h1>Shared and mutable history<a href=\"#s\">\xC2\xB6</a></h1></body></html>",
             "Shared and mutable history");
    ck_title("<html><body><h1>Install the tool #</h1></body></html>", "Install the tool");
    ck_title("<html><body><h1>Learn C#</h1></body></html>", "Learn C#");
}
END_TEST

START_TEST(the_shown_h1_is_the_headline)
{
    /* the page's one h1 is what the reader sees, whatever the declared
     * title says; the title stays as declared */
    ck_titles("<html><head><meta property=\"og:title\" content=\"Best Sofas 2026 | Shop Now\">"
              "</head><body><h1>Sofas &amp; sectionals</h1></body></html>",
              "Best Sofas 2026 | Shop Now", "Sofas & sectionals");
    ck_titles("<html><head><title>A long title with a colon: Hello there</title></head>"
              "<body><h1>A long title with a colon: but a different h1</h1></body></html>",
              "A long title with a colon: Hello there",
              "A long title with a colon: but a different h1");
    /* a logo h1 (the site's name) is not the headline */
    ck_titles("<html><head><title>Rivers rise | Example News</title>"
              "<meta property=\"og:site_name\" content=\"Example News\"></head>"
              "<body><h1>Example News</h1></body></html>",
              "Rivers rise", "Rivers rise");
    /* an h1 that is all a link home is the site's name, even where the
     * page declares none; an h1 linking elsewhere may be the headline */
    ck_title("<html><head><title>Riverside Walks: The bridge closes in March</title></head>"
             "<body><h1><a href=\"https://riverside.example/\">Riverside Walks</a></h1>"
             "<h3>The bridge closes in March</h3></body></html>",
             "The bridge closes in March");
    ck_title("<html><head><title>Riverside Walks: The bridge closes in March</title></head>"
             "<body><h1><a href=\"/\">Riverside Walks</a></h1></body></html>",
             "The bridge closes in March");
    ck_title("<html><head><title>Riverside Walks: The bridge closes in March</title></head>"
             "<body><h1><a href=\"/2024/bridge.html\">Riverside Walks</a></h1></body></html>",
             "Riverside Walks");
    /* one word is a label, not a headline; several h1s decide nothing */
    ck_title("<html><head><title>Rivers rise in the north</title></head>"
             "<body><h1>News</h1></body></html>",
             "Rivers rise in the north");
    ck_title("<html><head><title>Rivers rise in the north</title></head>"
             "<body><h1>First story here</h1><h1>Second story here</h1></body></html>",
             "Rivers rise in the north");
}
END_TEST

START_TEST(full_width_separators_and_labels)
{
    /* "｜", "／", "－" and "：" split like "|", "/", "-" and ":" */
    ck_title("<html><head><title>記事の見出しです｜東西新聞</title>"
             "<meta property=\"og:site_name\" content=\"東西新聞\"></head></html>",
             "記事の見出しです");
    ck_title("<html><head><title>東西新聞：記事の見出しです</title></head>"
             "<body><h1>記事の見出しです</h1></body></html>",
             "記事の見出しです");
    ck_title("<html><head><title>記事の見出しです／東西新聞</title>"
             "<meta property=\"og:site_name\" content=\"東西新聞\"></head></html>",
             "記事の見出しです");
    /* a leading 【label】 is a section's; ・ and 「」 stay */
    ck_titles(
        "<html><head><meta property=\"og:title\" content=\"【速報】「青い鳥」・東京で初公開\">"
        "</head></html>",
        "【速報】「青い鳥」・東京で初公開", "「青い鳥」・東京で初公開");
    ck_titles("<html><head><meta property=\"og:title\" content=\"【速報】\"></head></html>",
              "【速報】", "【速報】");
}
END_TEST

/* ---- main ------------------------------------------------------------------ */

static void add(Suite *s)
{
    PI_CASE(s, jsonld_headline_or_name);
    PI_CASE(s, title_source_order);
    PI_CASE(s, whitespace_collapsed);
    PI_CASE(s, title_splitting);
    PI_CASE(s, title_site_in_the_middle);
    PI_CASE(s, title_among_several_h1);
    PI_CASE(s, the_shown_h1_is_the_headline);
    PI_CASE(s, full_width_separators_and_labels);
}

PI_SUITE_MAIN("meta_title", add)

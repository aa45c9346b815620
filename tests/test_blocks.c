/* Unit tests: lib/blocks.c (furniture inside the article) */
#include "check_common.h"
#include "base/error.h"
#include "trace.h"

#define PARA \
    "<p>This paragraph is long enough to count, with commas, clauses, and words that a reader came for.</p>"

/* The text the pipeline gives; `title`, when given, is what the page's
 * headline must be (the extractor drops the headline it finds). */
static char *extract(const char *html, const char *title)
{
    traced x;
    traced_run_rules(&x, html);
    if (title)
        ck_assert_msg(pi_same_text(x.r.meta.headline, title), "headline %s", x.r.meta.headline);
    char *s = strdup(x.r.text);
    traced_end(&x);
    return s;
}

START_TEST(share_tags_related_dropped)
{
    char *s = extract(
        "<body><article>" PARA PARA
        "<div class=share-buttons><a href=#>Facebook</a> <a href=#>Twitter</a></div>"
        "<div class=tags><a href=/t/a>Alpha</a> <a href=/t/b>Beta</a></div>"
        "<aside class=related><h3>Related</h3><ul><li><a href=/r>Other story</a></li></ul></aside>" PARA
        "</article></body>",
        NULL);
    ck_assert_ptr_null(strstr(s, "Facebook"));
    ck_assert_ptr_null(strstr(s, "Alpha"));
    ck_assert_ptr_null(strstr(s, "Other story"));
    ck_assert_ptr_nonnull(strstr(s, "reader came for"));
    free(s);
}
END_TEST

START_TEST(short_link_list_dropped_real_list_kept)
{
    char *s = extract(
        "<body><div class=content>" PARA PARA
        "<ul><li><a href=/1>One</a></li><li><a href=/2>Two</a></li><li><a href=/3>Three</a></li></ul>"
        "<ul><li>Flour, sugar and a pinch of salt</li><li>Two eggs, beaten well</li></ul>" PARA
        "</div></body>",
        NULL);
    ck_assert_ptr_null(strstr(s, "One\n"));
    ck_assert_ptr_nonnull(strstr(s, "Two eggs, beaten well\n"));
    free(s);
}
END_TEST

START_TEST(byline_and_title_dropped)
{
    char *s = extract(
        "<body><article><h1>The Headline</h1><div class=byline>By Jane Doe, May 3</div>" PARA PARA
        "</article></body>",
        "The headline");
    ck_assert_ptr_null(strstr(s, "Headline"));
    ck_assert_ptr_null(strstr(s, "Jane Doe"));
    ck_assert_ptr_nonnull(strstr(s, "reader came for"));
    free(s);
}
END_TEST

START_TEST(content_named_container_survives_negative_words)
{
    /* CMSs put taxonomy classes such as "tag-news" on the article itself. */
    char *s = extract("<body><div class=\"post tag-news has-paywall\">" PARA PARA PARA "</div>"
                      "<div class=footer><a href=/>Home</a></div></body>",
                      NULL);
    ck_assert_ptr_nonnull(strstr(s, "reader came for"));
    free(s);
}
END_TEST

START_TEST(caption_once)
{
    char *s = extract("<body><article>" PARA "<figure><img alt=\"A harbour\" src=x.jpg>"
                      "<figcaption>A harbour at dawn</figcaption></figure>" PARA PARA
                      "</article></body>",
                      NULL);
    const char *first = strstr(s, "A harbour at dawn");
    ck_assert_ptr_nonnull(first);
    ck_assert_ptr_null(strstr(first + 1, "A harbour at dawn"));
    ck_assert_ptr_null(strstr(s, "A harbour\n"));
    free(s);
}
END_TEST

START_TEST(headings_kept)
{
    char *s = extract("<body><article>" PARA "<h2>A section</h2>" PARA PARA "</article></body>",
                      NULL);
    ck_assert_ptr_nonnull(strstr(s, "\nA section\n"));
    free(s);
}
END_TEST

START_TEST(small_table_and_its_heading_kept)
{
    char *s = extract("<body><article>" PARA PARA
                      "<h2>High water</h2><table><thead><tr><th>Day</th>"
                      "<th>Time</th></tr></thead><tbody><tr><td>Thu</td><td>06:12</td></tr></tbody>"
                      "</table>" PARA "</article></body>",
                      NULL);
    ck_assert_ptr_nonnull(strstr(s, "\nHigh water\nDay\tTime\nThu\t06:12\n"));
    free(s);
}
END_TEST

START_TEST(lead_in_of_furniture_dropped)
{
    /* "Read more:" introduces a related box (dropped), so it goes too; the
     * same kind of short line before article text stays. */
    char *s = extract("<body><article>" PARA PARA "<p>Read more on this</p>"
                      "<div class=related><a href=/a>Story one</a> <a href=/b>Story two</a></div>"
                      "<p>Ingredients</p>" PARA PARA "</article></body>",
                      NULL);
    ck_assert_ptr_null(strstr(s, "Read more on this"));
    ck_assert_ptr_nonnull(strstr(s, "\nIngredients\n"));
    free(s);
}
END_TEST

START_TEST(standfirst_leads_in_whatever_its_name)
{
    /* The standfirst sits before the body in a box named "teaser"; a
     * newsletter box with prose sits there too. */
    char *s = extract("<body><div class=page><div class=newsletter><p>Sign up and get the best "
                      "of our stories in your inbox every morning of the week</p></div>"
                      "<div class=teaser-text><p>The council has voted to rebuild the old pier "
                      "before the summer season begins next year</p></div>"
                      "<div class=body>" PARA PARA PARA "</div></div></body>",
                      NULL);
    ck_assert_ptr_nonnull(strstr(s, "The council has voted to rebuild the old pier"));
    ck_assert_ptr_null(strstr(s, "Sign up"));
    ck_assert_ptr_nonnull(strstr(s, "reader came for"));
    free(s);
}
END_TEST

START_TEST(labelled_link_headings_are_teasers)
{
    char *s = extract(
        "<body><article><h2>The ferry company said on Monday that the service would "
        "resume in March, after a winter of repairs.</h2>"
        "<h3>See also: <a href=/x>Storm closes the harbour for a week</a></h3>" PARA PARA
        "<h3>21) <a href=/f>A film about the sea</a></h3>" PARA "</article></body>",
        NULL);
    ck_assert_ptr_null(strstr(s, "Storm closes the harbour"));
    ck_assert_ptr_nonnull(strstr(s, "after a winter of repairs."));
    ck_assert_ptr_nonnull(strstr(s, "21) A film about the sea"));
    free(s);
}
END_TEST

START_TEST(picture_over_the_article_is_not_lead)
{
    /* Before the body: the standfirst leads in, the picture's caption
     * does not; a caption inside the body stays. */
    char *s = extract("<body><div class=page><div class=intro><p>The council has voted to "
                      "rebuild the old pier before the summer season begins next year</p></div>"
                      "<figure><img src=p.jpg alt=\"\"><figcaption>The pier in the winter "
                      "storms</figcaption></figure><div class=body>" PARA
                      "<figure><img src=q.jpg alt=\"\"><figcaption>Builders at work on the "
                      "new deck</figcaption></figure>" PARA PARA "</div></div></body>",
                      NULL);
    ck_assert_ptr_nonnull(strstr(s, "rebuild the old pier"));
    ck_assert_ptr_null(strstr(s, "The pier in the winter storms"));
    ck_assert_ptr_nonnull(strstr(s, "Builders at work on the new deck"));
    free(s);
}
END_TEST

START_TEST(table_with_linked_entries_kept)
{
    char *s = extract(
        "<body><article>" PARA PARA "<table>"
        "<tr><td>250 g</td><td><a href=/p/1>Plain flour</a></td><td>sifted twice</td></tr>"
        "<tr><td>2</td><td><a href=/p/2>Eggs</a></td><td>at room temperature</td></tr>"
        "<tr><td>100 ml</td><td><a href=/p/3>Whole milk</a></td><td>warmed</td></tr>"
        "</table>" PARA "</article></body>",
        NULL);
    ck_assert_ptr_nonnull(strstr(s, "100 ml\tWhole milk\twarmed"));
    free(s);
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, table_with_linked_entries_kept);
    PI_CASE(s, picture_over_the_article_is_not_lead);
    PI_CASE(s, labelled_link_headings_are_teasers);
    PI_CASE(s, standfirst_leads_in_whatever_its_name);
    PI_CASE(s, lead_in_of_furniture_dropped);
    PI_CASE(s, share_tags_related_dropped);
    PI_CASE(s, short_link_list_dropped_real_list_kept);
    PI_CASE(s, byline_and_title_dropped);
    PI_CASE(s, content_named_container_survives_negative_words);
    PI_CASE(s, caption_once);
    PI_CASE(s, headings_kept);
    PI_CASE(s, small_table_and_its_heading_kept);
}

PI_SUITE_MAIN("blocks", add)

/* Unit tests: lib/meta_jsonld.c - JSON-LD blocks read into the fields:
 * the article entity, @graph and @id references, several blocks and lists,
 * HTML inside strings, image forms, repair of broken JSON, and what cannot
 * be repaired skipped. One TCase per behaviour (CK_RUN_CASE=name). */
#include "meta_common.h"

/* ---- the main entity --------------------------------------------------------- */

START_TEST(jsonld_article)
{
    pi_meta m = ex(HEAD(LD("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                           "\"headline\":\"Rivers rise in the north\","
                           "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"},"
                           "\"datePublished\":\"2025-08-17T11:25:00+03:00\","
                           "\"dateModified\":\"2025-08-18\","
                           "\"description\":\"What the floods did.\","
                           "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Daily Example\"},"
                           "\"image\":\"https://cdn.example/a.jpg\",\"inLanguage\":\"en-GB\","
                           "\"keywords\":[\"floods\",\"weather\"],\"articleSection\":\"News\","
                           "\"url\":\"https://example.com/a\"}")));
    ck_assert_str_eq(m.title, "Rivers rise in the north");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Jane Doe");
    ck_assert_str_eq(m.published, "2025-08-17T11:25:00+03:00");
    ck_assert_str_eq(m.modified, "2025-08-18");
    ck_assert_str_eq(m.description, "What the floods did.");
    ck_assert_str_eq(m.site_name, "Daily Example");
    ck_assert_str_eq(m.image, "https://cdn.example/a.jpg");
    ck_assert_str_eq(m.lang, "en-GB");
    ck_assert_str_eq(m.dir, "ltr");
    ck_assert_str_eq(m.canonical_url, "https://example.com/a");
    ck_assert_uint_eq(m.n_tags, 3);
    ck_assert_str_eq(m.tags[0], "floods");
    ck_assert_str_eq(m.tags[2], "News");
    ck_assert_str_eq(m.page_type, "article");
    pi_meta_free(&m);
}
END_TEST

START_TEST(jsonld_graph_and_references)
{
    pi_meta m = ex(HEAD(LD(
        "{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebSite\",\"@id\":\"#site\",\"name\":\"Example Blog\"},"
        "{\"@type\":\"WebPage\",\"@id\":\"#page\",\"name\":\"Page name\",\"datePublished\":\"2020-01-01\"},"
        "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Ann Author\"},"
        "{\"@type\":[\"BlogPosting\"],\"headline\":\"A post\",\"author\":{\"@id\":\"#p1\"},"
        "\"isPartOf\":{\"@id\":\"#page\"},\"datePublished\":\"2024-03-15T08:00:00Z\","
        "\"image\":{\"@type\":\"ImageObject\",\"url\":\"/img/p.png\"}}]}")));
    ck_assert_str_eq(m.title, "A post");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Ann Author");
    ck_assert_str_eq(m.site_name, "Example Blog");
    ck_assert_str_eq(m.published, "2024-03-15T08:00:00Z");
    ck_assert_ptr_null(m.image); /* relative, and no page URL to resolve it */
    ck_assert_str_eq(m.page_type, "blog");
    pi_meta_free(&m);
}
END_TEST

START_TEST(jsonld_top_level_array_and_several_blocks)
{
    pi_meta m = ex(HEAD(LD("[{\"@type\":\"BreadcrumbList\",\"itemListElement\":[]},"
                           "{\"@type\":\"ReportageNewsArticle\",\"name\":\"The report\","
                           "\"author\":[{\"@type\":\"Person\",\"name\":\"A One\"},"
                           "{\"@type\":\"Person\",\"name\":\"B Two\"},\"C Three\"]}]")
                            LD("{\"@type\":\"Organization\",\"name\":\"Org\"}")));
    ck_assert_str_eq(m.title, "The report");
    ck_assert_uint_eq(m.n_authors, 3);
    ck_assert_str_eq(m.authors[0], "A One");
    ck_assert_str_eq(m.authors[1], "B Two");
    ck_assert_str_eq(m.authors[2], "C Three");
    ck_assert_str_eq(m.page_type, "article");
    pi_meta_free(&m);
}
END_TEST

START_TEST(jsonld_main_entity_choice)
{
    /* of two articles, the one whose headline the page shows is the page's */
    pi_meta m = ex("<html><head><title>Rivers rise</title>" LD(
        "{\"@type\":\"NewsArticle\",\"headline\":\"Another story\","
        "\"author\":\"Ann Other\"}") LD("{\"@type\":\"NewsArticle\",\"headline\":\"Rivers rise\","
                                        "\"author\":\"Jane Doe\"}") "</head><body></body></html>");
    ck_assert_str_eq(m.title, "Rivers rise");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Jane Doe");
    pi_meta_free(&m);

    /* an article listed under another property (a teaser) is not the page */
    m = ex("<html><head><title>Front page</title>" LD(
        "{\"@type\":\"WebPage\",\"hasPart\":[{\"@type\":\"NewsArticle\","
        "\"headline\":\"Teaser\",\"author\":\"Ann Other\"}]}") "</head></html>");
    ck_assert_str_eq(m.title, "Front page");
    ck_assert_uint_eq(m.n_authors, 0);
    ck_assert_str_eq(m.page_type, "other");
    pi_meta_free(&m);
}
END_TEST

/* ---- values ------------------------------------------------------------------ */

START_TEST(jsonld_entities_and_tags_in_strings)
{
    pi_meta m = ex(HEAD(LD("{\"@type\":\"NewsArticle\",\"headline\":\"Tom &amp; Jerry&#8217;s "
                           "<b>big</b> day &#x2014; &eacute;t&eacute; &lt;ok&gt;\"}")));
    ck_assert_str_eq(m.title,
                     "Tom & Jerry\xE2\x80\x99s big day \xE2\x80\x94 \xC3\xA9t\xC3\xA9 <ok>");
    pi_meta_free(&m);
}
END_TEST

START_TEST(jsonld_image_forms)
{
    pi_meta m = ex_url(
        HEAD(LD("{\"@type\":\"Article\",\"headline\":\"h\",\"image\":"
                "[{\"@type\":\"ImageObject\",\"contentUrl\":\"/a.jpg\"},\"/b.jpg\"]}")),
        "https://example.org/news/x.html");
    ck_assert_str_eq(m.image, "https://example.org/a.jpg");
    pi_meta_free(&m);
    m = ex(HEAD(
        LD("{\"@type\":\"Article\",\"headline\":\"h\",\"image\":[\"https://i.example/1.png\"]}")));
    ck_assert_str_eq(m.image, "https://i.example/1.png");
    pi_meta_free(&m);
}
END_TEST

/* ---- broken blocks ----------------------------------------------------------- */

START_TEST(jsonld_broken_json_is_repaired)
{
    /* trailing commas, both comment kinds, an HTML comment wrapper, a raw
     * newline inside a string, a stray escape, a leading ';' */
    pi_meta m = ex(HEAD(LD("<!--\n;{\"@type\":\"Article\", // note\n"
                           "\"headline\":\"Line one\nline two\", /* c */"
                           "\"author\":[\"A B\",],\"description\":\"it\\'s\",}\n-->")));
    ck_assert_str_eq(m.title, "Line one line two");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "A B");
    ck_assert_str_eq(m.description, "it's");
    pi_meta_free(&m);

    /* CDATA wrapper and two concatenated objects */
    m = ex(HEAD(LD("//<![CDATA[\n{\"@type\":\"WebSite\",\"name\":\"Site\"}\n"
                   "{\"@type\":\"NewsArticle\",\"headline\":\"Second\"}\n//]]>")));
    ck_assert_str_eq(m.title, "Second");
    ck_assert_str_eq(m.site_name, "Site");
    pi_meta_free(&m);
}
END_TEST

START_TEST(jsonld_invalid_is_skipped)
{
    pi_meta m = ex(HEAD(LD("{\"@type\":\"Article\",\"headline\":") LD("not json at all {{{")
                            LD("") "<meta property=\"og:title\" content=\"From OG\">"));
    ck_assert_str_eq(m.title, "From OG");
    pi_meta_free(&m);
}
END_TEST

/* ---- main ------------------------------------------------------------------ */

static void add(Suite *s)
{
    PI_CASE(s, jsonld_article);
    PI_CASE(s, jsonld_graph_and_references);
    PI_CASE(s, jsonld_top_level_array_and_several_blocks);
    PI_CASE(s, jsonld_main_entity_choice);
    PI_CASE(s, jsonld_entities_and_tags_in_strings);
    PI_CASE(s, jsonld_image_forms);
    PI_CASE(s, jsonld_broken_json_is_repaired);
    PI_CASE(s, jsonld_invalid_is_skipped);
}

PI_SUITE_MAIN("meta_jsonld", add)

/* Unit tests: lib/metadata.c - the fields from their sources in the order
 * metadata.h gives (<meta> of every kind, microdata, <time> and visible
 * dates, language and direction, URLs, page types), broken and empty input,
 * limits, the seed page, and the agreement with the Readability corpus gold
 * as a floor. The title, authors and JSON-LD have suites of their own
 * (test_meta_title, test_meta_authors, test_meta_jsonld), the date parser
 * too (test_date). One TCase per behaviour (CK_RUN_CASE=name). */
#include "base/buf.h"
#include "meta/date.h"
#include "meta_common.h"

#include <dirent.h>
#include <json-c/json.h>
#include <libxml/HTMLtree.h>
#include <time.h>

#define ck_lang(in, want)                                      \
    do {                                                       \
        char *got_ = (char *)1;                                \
        ck_assert_int_eq(pi_meta_norm_lang(in, &got_), PI_OK); \
        ck_assert_pstr_eq(got_, want);                         \
        free(got_);                                            \
    } while (0)

/* ---- <meta> ------------------------------------------------------------------ */

START_TEST(opengraph)
{
    pi_meta m = ex_url(
        "<html><head><meta property=\"og:title\" content=\"OG headline here\">"
        "<meta property=\"og:site_name\" content=\"OG Site\">"
        "<meta property=\"og:type\" content=\"article\">"
        "<meta property=\"og:image\" content=\"/pic.jpg\">"
        "<meta property=\"og:url\" content=\"https://example.net/story\">"
        "<meta property=\"og:locale\" content=\"pt_BR\">"
        "<meta property=\"og:description\" content=\"OG description\">"
        "<meta property=\"article:published_time\" content=\"2021-06-01T10:00:00-04:00\">"
        "<meta property=\"article:modified_time\" content=\"2021-06-02T10:00:00-04:00\">"
        "<meta property=\"article:author\" content=\"https://facebook.example/writer\">"
        "<meta property=\"article:tag\" content=\"one\"><meta property=\"article:tag\" content=\"two\">"
        "<meta property=\"article:section\" content=\"Sports\">"
        "</head><body></body></html>",
        "https://example.net/story?utm=1");
    ck_assert_str_eq(m.title, "OG headline here");
    ck_assert_str_eq(m.site_name, "OG Site");
    ck_assert_str_eq(m.page_type, "article");
    ck_assert_str_eq(m.image, "https://example.net/pic.jpg");
    ck_assert_str_eq(m.canonical_url, "https://example.net/story");
    ck_assert_str_eq(m.lang, "pt-BR");
    ck_assert_str_eq(m.description, "OG description");
    ck_assert_str_eq(m.published, "2021-06-01T10:00:00-04:00");
    ck_assert_str_eq(m.modified, "2021-06-02T10:00:00-04:00");
    ck_assert_uint_eq(m.n_authors, 0); /* a profile URL is no name */
    ck_assert_uint_eq(m.n_tags, 3);
    ck_assert_str_eq(m.tags[1], "two");
    ck_assert_str_eq(m.tags[2], "Sports");
    pi_meta_free(&m);
}
END_TEST

START_TEST(twitter_cards)
{
    pi_meta m = ex(HEAD("<meta name=\"twitter:title\" content=\"Tweet title\">"
                        "<meta name=\"twitter:image\" content=\"https://t.example/i.png\">"
                        "<meta name=\"twitter:description\" content=\"Tweet text\">"
                        "<meta name=\"twitter:creator\" content=\"@handle\">"));
    ck_assert_str_eq(m.title, "Tweet title");
    ck_assert_str_eq(m.image, "https://t.example/i.png");
    ck_assert_str_eq(m.description, "Tweet text");
    ck_assert_uint_eq(m.n_authors, 0);
    ck_assert_str_eq(m.page_type, "other");
    pi_meta_free(&m);
}
END_TEST

START_TEST(dublin_core)
{
    pi_meta m = ex(HEAD("<meta name=\"DC.title\" content=\"DC title\">"
                        "<meta name=\"DC.creator\" content=\"First Creator\">"
                        "<meta name=\"DC.creator\" content=\"Second Creator\">"
                        "<meta name=\"DC.date\" content=\"2009-05-07\">"
                        "<meta name=\"DC.language\" content=\"nl\">"
                        "<meta name=\"DCTERMS.modified\" content=\"2010-01-02\">"
                        "<meta property=\"og:title\" content=\"OG loses\">"));
    ck_assert_str_eq(m.title, "DC title");
    ck_assert_uint_eq(m.n_authors, 2);
    ck_assert_str_eq(m.authors[1], "Second Creator");
    ck_assert_str_eq(m.published, "2009-05-07");
    ck_assert_str_eq(m.modified, "2010-01-02");
    ck_assert_str_eq(m.lang, "nl");
    pi_meta_free(&m);

    /* the same key as RDFa property and as name: the property wins */
    m = ex(HEAD("<meta name=\"DC.title\" content=\"by name\">"
                "<meta property=\"dc:title\" content=\"by property\">"
                "<meta property=\"x:title dc:creator\" content=\"Space Separated\">"));
    ck_assert_str_eq(m.title, "by property");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Space Separated");
    pi_meta_free(&m);
}
END_TEST

START_TEST(other_meta_names)
{
    pi_meta m = ex(HEAD("<meta name=\"parsely-title\" content=\"Parsely title\">"
                        "<meta name=\"parsely-author\" content=\"P. Author\">"
                        "<meta name=\"parsely-pub-date\" content=\"2024-04-20T04:20:00.000Z\">"));
    ck_assert_str_eq(m.title, "Parsely title");
    ck_assert_str_eq(m.authors[0], "P. Author");
    ck_assert_str_eq(m.published, "2024-04-20T04:20:00Z");
    pi_meta_free(&m);

    m = ex(HEAD("<meta name=\"citation_title\" content=\"A paper\">"
                "<meta name=\"citation_author\" content=\"Doe, J.\">"
                "<meta name=\"citation_author\" content=\"Roe, R.\">"
                "<meta name=\"citation_publication_date\" content=\"2019/03/04\">"
                "<meta name=\"sailthru.date\" content=\"ignored, citation comes first\">"));
    ck_assert_str_eq(m.title, "A paper");
    ck_assert_uint_eq(m.n_authors, 2);
    ck_assert_str_eq(m.published, "2019-03-04");
    pi_meta_free(&m);

    m = ex(HEAD("<meta name=\"pubdate\" content=\"not a date\">"
                "<meta name=\"publish-date\" content=\"March 5, 2022\">"
                "<meta name=\"keywords\" content=\"alpha, beta ,, gamma\">"));
    ck_assert_str_eq(m.published, "2022-03-05");
    ck_assert_uint_eq(m.n_tags, 3);
    ck_assert_str_eq(m.tags[1], "beta");
    pi_meta_free(&m);
}
END_TEST

/* ---- microdata and the visible page ------------------------------------------ */

START_TEST(microdata)
{
    pi_meta m = ex(
        "<html><body><div itemscope itemtype=\"https://schema.org/NewsArticle\">"
        "<h1 itemprop=\"headline\">Micro headline</h1>"
        "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">"
        "By <span itemprop=\"name\">Mia Data</span></span>"
        "<time itemprop=\"datePublished\" datetime=\"2018-02-03T04:05:06+01:00\">Feb 3</time>"
        "<meta itemprop=\"dateModified\" content=\"2018-02-04\">"
        "<div itemprop=\"publisher\" itemscope><meta itemprop=\"name\" content=\"Micro Press\"></div>"
        "<div itemprop=\"comment\" itemscope itemtype=\"https://schema.org/Comment\">"
        "<span itemprop=\"author\">Commenter</span></div>"
        "</div></body></html>");
    ck_assert_str_eq(m.title, "Micro headline");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Mia Data");
    ck_assert_str_eq(m.published, "2018-02-03T04:05:06+01:00");
    ck_assert_str_eq(m.modified, "2018-02-04");
    ck_assert_str_eq(m.site_name, "Micro Press");
    ck_assert_str_eq(m.page_type, "article");
    pi_meta_free(&m);
}
END_TEST

/* A product or a collection page has no author or date of its own unless it
 * declares an article; other kinds keep theirs. */
START_TEST(page_type_as_evidence)
{
    static const char page[] = HEAD("<meta name=\"author\" content=\"Jo Reviewer\">"
                                    "<meta property=\"article:published_time\" "
                                    "content=\"2024-05-01\">");
    static const char *const kinds[] = {"product", "collection", "listing", "article"};
    for (int k = 0; k < 4; k++) {
        pi_meta m = ex(page);
        ck_assert_uint_eq(m.n_authors, 1);
        ck_assert_ptr_nonnull(m.published);
        free(m.page_type);
        m.page_type = pi_strdup(kinds[k]);
        pi_meta_by_page_type(&m);
        int dropped = k < 2;
        ck_assert_uint_eq(m.n_authors, dropped ? 0 : 1);
        ck_assert(dropped ? m.published == NULL : m.published != NULL);
        pi_meta_free(&m);
    }
    pi_meta m = ex(HEAD("<meta name=\"author\" content=\"Jo Reviewer\">" LD(
        "{\"@type\":\"Article\",\"headline\":\"Tested: the X1 kettle\"}")));
    free(m.page_type);
    m.page_type = pi_strdup("product");
    pi_meta_by_page_type(&m);
    ck_assert_uint_eq(m.n_authors, 1);
    pi_meta_free(&m);
}
END_TEST

/* A WebPage's datePublished is the CMS's record of the page: kept on an
 * article, dropped on a service or listing page even when og:type says
 * "article"; a documentation page keeps a declared date but not one read
 * off the page. */
START_TEST(page_type_page_record_dates)
{
    static const char page[] = HEAD("<meta property=\"og:type\" content=\"article\">" LD(
        "{\"@type\":\"WebPage\",\"name\":\"Plumbing services\","
        "\"datePublished\":\"2019-03-04T10:00:00+00:00\"}"));
    static const char *const kinds[] = {"service", "listing", "documentation", "article", "forum"};
    for (int k = 0; k < 5; k++) {
        pi_meta m = ex(page);
        ck_assert_str_eq(m.published, "2019-03-04T10:00:00Z");
        free(m.page_type);
        m.page_type = pi_strdup(kinds[k]);
        pi_meta_by_page_type(&m);
        ck_assert(k < 3 ? m.published == NULL : m.published != NULL);
        pi_meta_free(&m);
    }
    static const char shown[] = "<html><body><h1>Install guide</h1>"
                                "<p>Last built <time datetime=\"2021-06-07\">7 June</time></p>"
                                "</body></html>";
    static const char declared[] = HEAD("<meta property=\"article:published_time\" "
                                        "content=\"2024-05-01\">");
    for (int d = 0; d < 2; d++) {
        pi_meta m = ex(d ? declared : shown);
        ck_assert_ptr_nonnull(m.published);
        free(m.page_type);
        m.page_type = pi_strdup("documentation");
        pi_meta_by_page_type(&m);
        ck_assert(d ? m.published != NULL : m.published == NULL);
        pi_meta_free(&m);
    }
}
END_TEST

/* An English page whose only date is its footer's copyright year states
 * no publication date; nor does a "last updated" line of a catalogue
 * footer give an author. */
START_TEST(copyright_year_is_no_date)
{
    pi_meta m = ex("<html lang=\"en\"><head><title>Garden tools | Acme</title></head><body>"
                   "<h1>Garden tools</h1><p>Spades, rakes and hoes for every garden.</p>"
                   "<footer><p>&copy; 2024 Acme Tools Ltd. All rights reserved.</p>"
                   "<p>Copyright 2019-2025 Acme</p></footer></body></html>");
    ck_assert_ptr_null(m.published);
    ck_assert_uint_eq(m.n_authors, 0);
    pi_meta_free(&m);
}
END_TEST

/* A product page whose JSON-LD is the site's Organization names no author. */
START_TEST(organization_jsonld_is_no_author)
{
    pi_meta m = ex(HEAD(LD("{\"@type\":\"Organization\",\"name\":\"Acme Tools\","
                           "\"founder\":{\"@type\":\"Person\",\"name\":\"Ada Acme\"},"
                           "\"employee\":[{\"@type\":\"Person\",\"name\":\"Bo Bell\"}]}")
                            LD("{\"@type\":\"Product\",\"name\":\"Steel spade\"}")));
    ck_assert_uint_eq(m.n_authors, 0);
    free(m.page_type);
    m.page_type = pi_strdup("product");
    pi_meta_by_page_type(&m);
    ck_assert_uint_eq(m.n_authors, 0);
    ck_assert_ptr_null(m.published);
    pi_meta_free(&m);
}
END_TEST

START_TEST(time_elements)
{
    pi_meta m = ex("<html><body><h1>Headline of the day</h1>"
                   "<time datetime=\"2001-01-01\">first</time>"
                   "<time pubdate datetime=\"2012-12-12T12:12\">pub</time></body></html>");
    ck_assert_str_eq(m.published, "2012-12-12T12:12:00");
    pi_meta_free(&m);
    m = ex("<html><body><div class=\"comments\"><time datetime=\"2001-01-01\">c</time></div>"
           "<time>17. August 2025</time></body></html>");
    ck_assert_str_eq(m.published, "2025-08-17");
    pi_meta_free(&m);
}
END_TEST

START_TEST(visible_dates)
{
    pi_meta m = ex("<html><body><span class=\"updated\">01.01.2020</span>"
                   "<span class=\"entry-date\">am 25.08.2015 22:30</span></body></html>");
    ck_assert_str_eq(m.published, "2015-08-25T22:30:00");
    pi_meta_free(&m);
    m = ex("<html><body><h1>A headline</h1><p>Intro</p><p><em>23.01.2022</em></p></body></html>");
    ck_assert_str_eq(m.published, "2022-01-23");
    pi_meta_free(&m);
}
END_TEST

/* ---- published --------------------------------------------------------------- */

START_TEST(published_prefers_declared)
{
    /* an unparseable declared date passes to the next source */
    pi_meta m = ex(HEAD(LD(
        "{\"@type\":\"Article\",\"headline\":\"h\",\"datePublished\":\"soon\"}") "<meta property=\"article:published_time\" content=\"2020-05-06\">"));
    ck_assert_str_eq(m.published, "2020-05-06");
    pi_meta_free(&m);
}
END_TEST

START_TEST(dates_in_urls)
{
    pi_meta m = ex_url("<html><body></body></html>", "https://example.com/2024/03/15/slug");
    ck_assert_str_eq(m.published, "2024-03-15");
    pi_meta_free(&m);
    m = ex_url("<html><head><link rel=\"canonical\" href=\"/news/2019-10-16-story\"></head></html>",
               "https://example.com/amp/123");
    ck_assert_str_eq(m.published, "2019-10-16");
    pi_meta_free(&m);
    m = ex_url("<html><body></body></html>", "https://example.com/archive/20230102/x.html");
    ck_assert_str_eq(m.published, "2023-01-02");
    pi_meta_free(&m);
    /* ids and impossible dates are not dates */
    m = ex_url("<html><body></body></html>", "https://example.com/item/1234/56/78");
    ck_assert_ptr_null(m.published);
    pi_meta_free(&m);
    m = ex_url("<html><body></body></html>", "https://2024.example.com/?d=/2024/01/01/");
    ck_assert_ptr_null(m.published);
    pi_meta_free(&m);
}
END_TEST

/* ---- language and direction -------------------------------------------------- */

START_TEST(html_lang_and_dir)
{
    pi_meta m = ex("<html lang=\"ar\"><head><title>t</title></head><body></body></html>");
    ck_assert_str_eq(m.lang, "ar");
    ck_assert_str_eq(m.dir, "rtl");
    pi_meta_free(&m);
    m = ex("<html lang=\"he\" dir=\"LTR\"><body></body></html>");
    ck_assert_str_eq(m.dir, "ltr");
    pi_meta_free(&m);
    m = ex("<html lang=\"en\" dir=\"ltr\"><body dir=\"rtl\"></body></html>");
    ck_assert_str_eq(m.dir, "rtl");
    pi_meta_free(&m);
    m = ex(
        "<html><body><main dir=\"rtl\"><article dir=\"ltr\"><p>x</p></article></main></body></html>");
    ck_assert_str_eq(m.dir, "ltr");
    pi_meta_free(&m);
    m = ex("<html lang=\"EN_us\"><body></body></html>");
    ck_assert_str_eq(m.lang, "en-US");
    pi_meta_free(&m);
    m = ex(HEAD("<meta http-equiv=\"Content-Language\" content=\"de-AT\">"));
    ck_assert_str_eq(m.lang, "de-AT");
    pi_meta_free(&m);
    m = ex(HEAD(LD("{\"@type\":\"Article\",\"headline\":\"h\",\"inLanguage\":\"fa-IR\"}")));
    ck_assert_str_eq(m.lang, "fa-IR");
    ck_assert_str_eq(m.dir, "rtl");
    pi_meta_free(&m);
    m = ex("<html><body></body></html>");
    ck_assert_ptr_null(m.lang);
    ck_assert_ptr_null(m.dir);
    pi_meta_free(&m);
}
END_TEST

START_TEST(lang_normalisation)
{
    ck_lang("en_US", "en-US");
    ck_lang(" zh-hant-tw ", "zh-Hant-TW");
    ck_lang("sr-latn", "sr-Latn");
    ck_lang("en-US, fr", "en-US");
    ck_lang("es-419", "es-419");
    ck_lang("{{lang}}", NULL);
    ck_lang("", NULL);
    ck_lang("und", NULL);
    ck_lang("english", NULL);
    ck_assert_str_eq(pi_meta_lang_dir("ku-Arab"), "rtl");
    ck_assert_str_eq(pi_meta_lang_dir("ku"), "ltr");
    ck_assert_str_eq(pi_meta_lang_dir("ur-PK"), "rtl");
    ck_assert_str_eq(pi_meta_lang_dir("yi"), "rtl");
    ck_assert_str_eq(pi_meta_lang_dir("az-Latn"), "ltr");
    ck_assert_str_eq(pi_meta_lang_dir("pa-Arab-PK"), "rtl");
    ck_assert_ptr_null(pi_meta_lang_dir(NULL));
}
END_TEST

/* ---- URLs -------------------------------------------------------------------- */

START_TEST(canonical_and_base)
{
    pi_meta m = ex_url(
        "<html><head><base href=\"/sub/\"><link rel=\"canonical\" href=\"page.html\">"
        "<meta property=\"og:url\" content=\"https://other.example/\">"
        "<meta property=\"og:image\" content=\"img/a.jpg\"></head></html>",
        "https://example.com/x/y?z");
    ck_assert_str_eq(m.canonical_url, "https://example.com/sub/page.html");
    ck_assert_str_eq(m.image, "https://example.com/sub/img/a.jpg");
    pi_meta_free(&m);
    m = ex(HEAD("<meta property=\"og:url\" content=\" https://example.com/og \">"));
    ck_assert_str_eq(m.canonical_url, "https://example.com/og");
    pi_meta_free(&m);
    m = ex(HEAD("<link rel=\"image_src\" href=\"javascript:alert(1)\">"));
    ck_assert_ptr_null(m.image);
    pi_meta_free(&m);
    m = ex(HEAD("<meta property=\"og:image\" content=\"//cdn.example/i.png\">"
                "<link rel=\"canonical\" href=\"/relative/only\">"));
    ck_assert_str_eq(m.image, "https://cdn.example/i.png");
    ck_assert_ptr_null(m.canonical_url);
    pi_meta_free(&m);
    m = ex_url(
        HEAD(
            "<base href=\"https://mirror.example/a/\"><meta property=\"og:image\" content=\"x.png\">"),
        "not a url");
    ck_assert_str_eq(m.image, "https://mirror.example/a/x.png");
    pi_meta_free(&m);
}
END_TEST

/* ---- page types -------------------------------------------------------------- */

START_TEST(page_types)
{
    /* clang-format off */
    const char *cases[][2] = {
        {HEAD(LD("{\"@type\":\"BlogPosting\",\"headline\":\"h\"}")), "blog"},
        {HEAD(LD("{\"@type\":\"Product\",\"name\":\"Shoe\"}")), "product"},
        {HEAD(LD("{\"@type\":\"QAPage\",\"mainEntity\":{\"@type\":\"Question\",\"name\":\"Q?\"}}")), "forum"},
        {HEAD(LD("{\"@type\":\"DiscussionForumPosting\",\"headline\":\"h\"}")), "forum"},
        {HEAD(LD("{\"@type\":\"http://schema.org/NewsArticle\",\"headline\":\"h\"}")), "article"},
        {HEAD("<meta property=\"og:type\" content=\"product\">"), "product"},
        {HEAD("<meta property=\"og:type\" content=\"website\">"), "other"},
        {"<html><body><div itemscope itemtype=\"http://schema.org/BlogPosting\"></div></body></html>", "blog"},
        {"<html></html>", "other"},
    };
    /* clang-format on */
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pi_meta m = ex(cases[i][0]);
        ck_assert_msg(m.page_type && !strcmp(m.page_type, cases[i][1]), "case %zu: %s", i,
                      m.page_type ? m.page_type : "(null)");
        pi_meta_free(&m);
    }
}
END_TEST

/* ---- broken and empty input -------------------------------------------------- */

START_TEST(null_and_empty_documents)
{
    pi_meta m;
    ck_assert_int_eq(pi_meta_extract(NULL, NULL, &m), PI_OK);
    ck_assert_ptr_null(m.title);
    ck_assert_uint_eq(m.n_authors, 0);
    ck_assert_str_eq(m.page_type, "other");
    pi_meta_free(&m);
    pi_meta_free(&m); /* twice is harmless */
    pi_meta_free(NULL);

    xmlDocPtr d = htmlNewDocNoDtD(NULL, NULL);
    ck_assert_int_eq(pi_meta_extract(d, "", &m), PI_OK);
    ck_assert_ptr_null(m.title);
    pi_meta_free(&m);
    xmlFreeDoc(d);
}
END_TEST

START_TEST(no_head_and_empty_tags)
{
    pi_meta m = ex("<p>Just a paragraph, no head, no title.</p>");
    ck_assert_ptr_null(m.title);
    ck_assert_ptr_null(m.published);
    pi_meta_free(&m);

    m = ex("<html lang=\"\"><head><title>  </title><meta property=\"og:title\" content=\"\">"
           "<meta name=\"author\" content=\"   \"><meta property=\"og:image\">"
           "<link rel=\"canonical\" href=\"\"><meta name=\"date\" content=\"\">" LD(
               "  ") "</head><body><h1></h1><time datetime=\"\"></time>"
                     "<div class=\"byline\"></div></body></html>");
    ck_assert_ptr_null(m.title);
    ck_assert_uint_eq(m.n_authors, 0);
    ck_assert_ptr_null(m.image);
    ck_assert_ptr_null(m.canonical_url);
    ck_assert_ptr_null(m.published);
    ck_assert_ptr_null(m.lang);
    pi_meta_free(&m);
}
END_TEST

/* ---- limits ------------------------------------------------------------------ */

START_TEST(deep_and_wide_pages_are_bounded)
{
    pi_buf b;
    pi_buf_init(&b);
    pi_buf_puts(&b, "<html><head><title>Deep</title>");
    for (int i = 0; i < 5000; i++)
        pi_buf_puts(&b, "<meta name=\"keywords\" content=\"a,b\">");
    /* JSON nested deeper than json-c's limit is skipped, not a crash */
    pi_buf_puts(&b, "<script type=\"application/ld+json\">");
    for (int i = 0; i < 10000; i++)
        pi_buf_puts(&b, "{\"a\":[");
    pi_buf_puts(&b, "</script></head><body>");
    for (int i = 0; i < 100000; i++)
        pi_buf_puts(&b, "<div class=\"author byline date\" itemprop=\"author\" itemscope>");
    pi_buf_puts(&b, "x</body></html>");
    ck_assert(!b.oom);
    pi_tree *d = pi_test_parse(b.data, b.len);
    clock_t t0 = clock();
    pi_meta m;
    ck_assert_int_eq(pi_meta_extract(d, NULL, &m), PI_OK);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    /* linear: 0.1 s natively, ~5 s under valgrind; the quadratic version of
     * this walk took 40 s natively */
    ck_assert_msg(secs < 15.0, "took %.2f s", secs);
    ck_assert_str_eq(m.title, "Deep");
    pi_meta_free(&m);
    pi_tree_free(d);
    pi_buf_free(&b);
}
END_TEST

START_TEST(long_lists_are_capped)
{
    pi_buf b;
    pi_buf_init(&b);
    pi_buf_puts(&b, "<html><head>");
    for (int i = 0; i < 500; i++) {
        char tmp[96];
        snprintf(tmp, sizeof tmp,
                 "<meta name=\"author\" content=\"Person Number %d\">"
                 "<meta property=\"article:tag\" content=\"t%d\">",
                 i, i);
        pi_buf_puts(&b, tmp);
    }
    pi_buf_puts(&b, "</head></html>");
    pi_meta m = ex(b.data);
    ck_assert_uint_le(m.n_authors, 32);
    ck_assert_uint_le(m.n_tags, 64);
    ck_assert_uint_gt(m.n_tags, 0);
    pi_meta_free(&m);
    pi_buf_free(&b);
}
END_TEST

/* ---- the seed page ----------------------------------------------------------- */

START_TEST(seed_page)
{
    size_t len;
    char *html = pi_test_read(PITH_SHARED "/seed/ctech-azure-review.html", &len);
    if (!html)
        return; /* shared material absent: nothing to check */
    pi_tree *d = pi_test_parse(html, len);
    pi_meta m;
    ck_assert_int_eq(
        pi_meta_extract(d, "https://www.calcalistech.com/ctechnews/article/microsoft-azure-review",
                        &m),
        PI_OK);
    ck_assert_str_eq(m.title, "Microsoft commissions review into Israeli military use of Azure "
                              "after surveillance allegations");
    ck_assert_str_eq(m.headline, m.title);
    ck_assert_ptr_nonnull(m.published);
    ck_assert(!strncmp(m.published, "2025-08-17", 10));
    ck_assert_str_eq(m.site_name, "CTech");
    ck_assert_str_eq(m.lang, "en");
    ck_assert_str_eq(m.dir, "ltr");
    ck_assert_str_eq(m.canonical_url,
                     "https://www.calcalistech.com/ctechnews/article/microsoft-azure-review");
    ck_assert_str_eq(m.image, "https://images.example-cdn.com/ctech/microsoft-offices.jpg");
    ck_assert_str_eq(m.page_type, "article");
    pi_meta_free(&m);
    pi_tree_free(d);
    free(html);
}
END_TEST

/* ---- agreement with the Readability corpus ----------------------------------- */

/* Lowercase ASCII, whitespace (ASCII, U+00A0, U+3000) collapsed, soft
 * hyphens (U+00AD) dropped. tests/eval.py norm does the same. */
static void norm_into(pi_buf *b, const char *s)
{
    int pend = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; u[i];) {
        size_t k = 0;
        if (u[i] == 0xC2 && u[i + 1] == 0xAD) {
            i += 2;
            continue;
        }
        if (u[i] == ' ' || u[i] == '\t' || u[i] == '\n' || u[i] == '\r' || u[i] == '\f')
            k = 1;
        else if (u[i] == 0xC2 && u[i + 1] == 0xA0)
            k = 2;
        else if (u[i] == 0xE3 && u[i + 1] == 0x80 && u[i + 2] == 0x80)
            k = 3;
        if (k) {
            pend = b->len > 0;
            i += k;
            continue;
        }
        if (pend)
            pi_buf_putc(b, ' ');
        pend = 0;
        pi_buf_putc(b, (char)(u[i] >= 'A' && u[i] <= 'Z' ? u[i] + 32 : u[i]));
        i++;
    }
}

static char *norm(const char *s)
{
    pi_buf b;
    pi_buf_init(&b);
    if (s)
        norm_into(&b, s);
    return pi_buf_detach(&b);
}

/* A byline as Readability's gold writes it, made comparable: the first line
 * of the element's text (a line that is only "By" joins the next one),
 * without "By"/"Written by"/"Par"/"Von", list words ("and", "und", "&", ";")
 * as ", ". tests/eval.py norm_byline does the same. */
static char *norm_byline(const char *s)
{
    static const char *const pre[] = {"written by ", "by ", "von ", "par ", "por ", NULL};
    const char *nl = s;
    while (*nl == ' ' || *nl == '\n' || *nl == '\t')
        nl++;
    nl = strchr(nl, '\n');
    char *first = nl ? strndup(s, (size_t)(nl - s)) : strdup(s);
    char *n = norm(first);
    free(first);
    for (int i = 0; nl && pre[i]; i++)
        if (!strncmp(n, pre[i], strlen(pre[i]) - 1) && !n[strlen(pre[i]) - 1]) {
            const char *nl2 = strchr(nl + 1, '\n');
            char *two = nl2 ? strndup(s, (size_t)(nl2 - s)) : strdup(s);
            free(n);
            n = norm(two);
            free(two);
            break;
        }
    const char *p = n;
    for (int i = 0; pre[i]; i++)
        if (!strncmp(p, pre[i], strlen(pre[i]))) {
            p += strlen(pre[i]);
            break;
        }
    if (!strncmp(p, "by", 2) && p[2] == ':')
        p += 3;
    pi_buf b;
    pi_buf_init(&b);
    while (*p) {
        static const char *const joins[] = {" and ", " und ", " & ", "; ", " y ", " et ", NULL};
        int hit = 0;
        for (int i = 0; joins[i] && !hit; i++)
            if (!strncmp(p, joins[i], strlen(joins[i]))) {
                pi_buf_puts(&b, ", ");
                p += strlen(joins[i]);
                hit = 1;
            }
        if (!hit)
            pi_buf_putc(&b, *p++);
    }
    free(n);
    char *r = pi_buf_detach(&b);
    size_t l = strlen(r);
    while (l && r[l - 1] == ' ')
        r[--l] = '\0';
    return r;
}

typedef struct instant {
    int ok, has_time, has_tz;
    long long day, secs; /* days since 1970 and seconds in the day, UTC if has_tz */
} instant;

static long long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Read our own ISO output (after normalising the gold through the same
 * parser): "YYYY-MM-DD[THH:MM:SS[Z|+HH:MM]]". */
static instant read_iso(const char *s)
{
    instant t = {0, 0, 0, 0, 0};
    int y, mo, d, h = 0, mi = 0, se = 0;
    if (!s || sscanf(s, "%4d-%2d-%2d", &y, &mo, &d) != 3)
        return t;
    t.ok = 1;
    t.day = days_from_civil(y, mo, d);
    if (strlen(s) > 10 && sscanf(s + 10, "T%2d:%2d:%2d", &h, &mi, &se) == 3) {
        t.has_time = 1;
        t.secs = h * 3600 + mi * 60 + se;
        const char *z = s + 19;
        if (*z == 'Z')
            t.has_tz = 1;
        else if (*z == '+' || *z == '-') {
            int oh, om;
            if (sscanf(z + 1, "%2d:%2d", &oh, &om) == 2) {
                t.has_tz = 1;
                t.secs -= (*z == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            }
        }
        t.day += t.secs >= 0 ? t.secs / 86400 : -1 - (-t.secs - 1) / 86400;
        t.secs = ((t.secs % 86400) + 86400) % 86400;
    }
    return t;
}

/* Same instant when both carry a zone; same wall time when neither does;
 * same day when either gives a date only. */
static int same_date(const char *gold, const char *ours)
{
    char *g;
    ck_assert_int_eq(pi_date_parse(gold, 0, &g), PI_OK);
    instant a = read_iso(g), b = read_iso(ours);
    free(g);
    if (!a.ok || !b.ok)
        return 0;
    if (!a.has_time || !b.has_time)
        return !strncmp(ours, gold, 10) || a.day == b.day;
    if (a.has_tz != b.has_tz) {
        /* compare the wall clock: undo the zone shift on the zoned side */
        char *gg;
        ck_assert_int_eq(pi_date_parse(gold, 0, &gg), PI_OK);
        int r = gg && !strncmp(gg, ours, 19);
        free(gg);
        return r;
    }
    return a.day == b.day && a.secs == b.secs;
}

static const char *jstr(json_object *o, const char *k)
{
    json_object *v;
    if (o && json_object_object_get_ex(o, k, &v) && json_object_is_type(v, json_type_string))
        return json_object_get_string(v);
    return NULL;
}

static int valid_utf8(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        int n = *u < 0x80             ? 0
                : (*u & 0xE0) == 0xC0 ? 1
                : (*u & 0xF0) == 0xE0 ? 2
                : (*u & 0xF8) == 0xF0 ? 3
                                      : -1;
        if (n < 0 || (n == 1 && *u < 0xC2))
            return 0;
        u++;
        for (int i = 0; i < n; i++, u++)
            if ((*u & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

static void ck_utf8_meta(const pi_meta *m, const char *page)
{
    const char *f[] = {m->title,         m->headline,    m->site_name, m->published,
                       m->modified,      m->description, m->lang,      m->dir,
                       m->canonical_url, m->image,       m->page_type};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        ck_assert_msg(!f[i] || valid_utf8(f[i]), "%s: field %zu not UTF-8", page, i);
    for (size_t i = 0; i < m->n_authors; i++)
        ck_assert_msg(valid_utf8(m->authors[i]) && *m->authors[i], "%s: author", page);
    for (size_t i = 0; i < m->n_tags; i++)
        ck_assert_msg(valid_utf8(m->tags[i]) && *m->tags[i], "%s: tag", page);
}

/* Title equal, or the gold is our headline plus a site/section part that
 * Readability keeps from og:title ("Headline | Site"). */
static int title_match(const char *gold, const char *ours, int loose)
{
    char *g = norm(gold), *o = norm(ours ? ours : "");
    int r = *o && !strcmp(g, o);
    if (!r && loose && *o) {
        static const char *const seps[] = {" | ",        " - ",  " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                           " \xC2\xB7 ", " :: ", " \xC2\xBB ",     " / ",
                                           NULL};
        size_t gl = strlen(g), ol = strlen(o);
        for (int i = 0; seps[i] && !r; i++) {
            size_t sl = strlen(seps[i]);
            if (gl > ol + sl && !strncmp(g, o, ol) && !strncmp(g + ol, seps[i], sl))
                r = 1;
            if (gl > ol + sl && !strcmp(g + gl - ol, o) && !strncmp(g + gl - ol - sl, seps[i], sl))
                r = 1;
        }
    }
    free(g);
    free(o);
    return r;
}

enum {
    F_TITLE,
    F_TITLE_LOOSE,
    F_HEADLINE,
    F_BYLINE,
    F_BYLINE_LOOSE,
    F_SITE,
    F_DATE,
    F_LANG,
    F_DIR,
    F_N
};

START_TEST(readability_corpus_agreement)
{
    const char *dir = PITH_CORPUS "/readability";
    DIR *dp = opendir(dir);
    ck_assert_msg(dp != NULL, "no %s (make check unpacks ../shared/corpus there)", dir);
    int hit[F_N] = {0}, tot[F_N] = {0};
    struct dirent *de;
    while ((de = readdir(dp))) {
        size_t nl = strlen(de->d_name);
        if (nl < 6 || strcmp(de->d_name + nl - 5, ".json"))
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        json_object *gold = json_object_from_file(path);
        if (!gold)
            continue;
        snprintf(path, sizeof path, "%s/%.*s.html", dir, (int)(nl - 5), de->d_name);
        size_t len;
        char *html = pi_test_read(path, &len);
        if (!html) {
            json_object_put(gold);
            continue;
        }
        pi_tree *d = pi_test_parse(html, len);
        pi_meta m;
        ck_assert_int_eq(pi_meta_extract(d, jstr(gold, "url"), &m), PI_OK);
        ck_utf8_meta(&m, de->d_name);
        json_object *gm = NULL;
        json_object_object_get_ex(gold, "meta", &gm);

        const char *g = jstr(gold, "title");
        if (g && *g) {
            tot[F_TITLE]++, tot[F_TITLE_LOOSE]++;
            hit[F_TITLE] += title_match(g, m.title, 0);
            hit[F_TITLE_LOOSE] += title_match(g, m.title, 1);
            tot[F_HEADLINE]++;
            hit[F_HEADLINE] += title_match(g, m.headline, 0);
        }
        g = jstr(gold, "byline");
        if (g && *g) {
            pi_buf b;
            pi_buf_init(&b);
            for (size_t i = 0; i < m.n_authors; i++) {
                if (i)
                    pi_buf_puts(&b, ", ");
                pi_buf_puts(&b, m.authors[i]);
            }
            char *ours = pi_buf_detach(&b);
            char *gn = norm_byline(g), *on = norm_byline(ours);
            tot[F_BYLINE]++, tot[F_BYLINE_LOOSE]++;
            hit[F_BYLINE] += *on && !strcmp(gn, on);
            hit[F_BYLINE_LOOSE] += *on && (strstr(gn, on) || strstr(on, gn));
            free(gn);
            free(on);
            free(ours);
        }
        g = jstr(gm, "siteName");
        if (g && *g) {
            char *a = norm(g), *o = norm(m.site_name);
            tot[F_SITE]++;
            hit[F_SITE] += !strcmp(a, o);
            free(a);
            free(o);
        }
        g = jstr(gold, "date");
        if (g && *g) {
            tot[F_DATE]++;
            hit[F_DATE] += m.published && same_date(g, m.published);
        }
        g = jstr(gm, "lang");
        if (g && *g) {
            char *a = norm(g), *o = norm(m.lang);
            tot[F_LANG]++;
            hit[F_LANG] += !strcmp(a, o);
            free(a);
            free(o);
        }
        g = jstr(gm, "dir");
        if (g && *g) {
            tot[F_DIR]++;
            hit[F_DIR] += m.dir && !strcmp(g, m.dir);
        }
        pi_meta_free(&m);
        pi_tree_free(d);
        free(html);
        json_object_put(gold);
    }
    closedir(dp);

    static const char *const names[F_N] = {"title",    "title~", "headline", "byline", "byline~",
                                           "siteName", "date",   "lang",     "dir"};
    /* Floors a little under what the module reaches (see the report in the
     * commit log); "~" is the looser comparison; "headline" is the headline
     * field against the gold title (which keeps a declared site part).
     * The headline floor went from 88 to 71 when the headline became the
     * page's shown h1 (issue 20: trafilatura's headline agreement 78.9% ->
     * 83.2%, wcxb-dev's 66.6% -> 72.9%): Readability's gold title is the
     * declared title, not the heading the page shows. */
    static const double floors[F_N] = {95, 97, 71, 87, 91, 97, 96, 98, 95};
    for (int i = 0; i < F_N; i++) {
        double pct = tot[i] ? 100.0 * hit[i] / tot[i] : 100.0;
        fprintf(stderr, "metadata/readability %-9s %3d/%3d = %5.1f%% (floor %.0f%%)\n", names[i],
                hit[i], tot[i], pct, floors[i]);
        if (tot[i])
            ck_assert_msg(pct >= floors[i], "%s agreement %.1f%% under the floor %.0f%%", names[i],
                          pct, floors[i]);
    }
}
END_TEST

/* ---- main ------------------------------------------------------------------ */

static void add(Suite *s)
{
    PI_CASE(s, opengraph);
    PI_CASE(s, twitter_cards);
    PI_CASE(s, dublin_core);
    PI_CASE(s, other_meta_names);
    PI_CASE(s, microdata);
    PI_CASE(s, page_type_as_evidence);
    PI_CASE(s, page_type_page_record_dates);
    PI_CASE(s, copyright_year_is_no_date);
    PI_CASE(s, organization_jsonld_is_no_author);
    PI_CASE(s, time_elements);
    PI_CASE(s, visible_dates);
    PI_CASE(s, published_prefers_declared);
    PI_CASE(s, dates_in_urls);
    PI_CASE(s, html_lang_and_dir);
    PI_CASE(s, lang_normalisation);
    PI_CASE(s, canonical_and_base);
    PI_CASE(s, page_types);
    PI_CASE(s, null_and_empty_documents);
    PI_CASE(s, no_head_and_empty_tags);
    PI_CASE(s, deep_and_wide_pages_are_bounded);
    PI_CASE(s, long_lists_are_capped);
    PI_CASE(s, seed_page);
    PI_CASE_SLOW(s, readability_corpus_agreement, 120);
}

PI_SUITE_MAIN("metadata", add)

/* Unit tests: lib/meta_authors.c - authors from JSON-LD, <meta>, rel=author,
 * byline elements and lines: the forms names come in, what is cut off them
 * (roles, fields, dates, addresses), and placeholders (the site itself, a
 * login) yielding to a named person. One TCase per behaviour
 * (CK_RUN_CASE=name). */
#include "meta_common.h"

/* ---- sources ----------------------------------------------------------------- */

START_TEST(jsonld_author_forms)
{
    pi_meta m = ex(
        HEAD(LD("{\"@type\":\"Article\",\"headline\":\"h\",\"author\":\"By Sam Smith\"}")));
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Sam Smith");
    pi_meta_free(&m);

    m = ex(HEAD(LD("{\"@type\":\"Article\",\"headline\":\"h\",\"author\":{\"@type\":\"Person\","
                   "\"givenName\":\"Ada\",\"familyName\":\"Lovelace\"}}")));
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Ada Lovelace");
    pi_meta_free(&m);

    /* a URL is no name; the meta author takes over */
    m = ex(HEAD(LD(
        "{\"@type\":\"Article\",\"headline\":\"h\",\"author\":\"https://x.example/u/1\"}") "<meta name=\"author\" content=\"Real Name\">"));
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Real Name");
    pi_meta_free(&m);

    /* the same person twice counts once */
    m = ex(HEAD(LD(
        "{\"@type\":\"Article\",\"headline\":\"h\",\"author\":[\"Kim Lee\",{\"name\":\"Kim Lee\"}]}")));
    ck_assert_uint_eq(m.n_authors, 1);
    pi_meta_free(&m);
}
END_TEST

START_TEST(byline_elements)
{
    pi_meta m = ex(
        "<html><body><div class=\"byline\">By Jane Doe | May 20, 2019</div></body></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Jane Doe");
    pi_meta_free(&m);

    /* the names inside the byline, not its decoration */
    m = ex("<html><body><p class=\"article-byline\">Von <a href=\"/autor/a\">Anna Alt</a> und "
           "<a href=\"/autor/b\">Bernd Berg</a>, 3. Mai 2021</p></body></html>");
    ck_assert_uint_eq(m.n_authors, 2);
    ck_assert_str_eq(m.authors[0], "Anna Alt");
    ck_assert_str_eq(m.authors[1], "Bernd Berg");
    pi_meta_free(&m);

    /* comment authors, avatars and follow buttons are not bylines */
    m = ex("<html><body><div class=\"comment-author\">Troll</div><div class=\"author-avatar\">"
           "Pic</div><div class=\"follow-author\">Follow</div>"
           "<span class=\"author-name\">Par Jean Dupont</span></body></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Jean Dupont");
    pi_meta_free(&m);

    /* a date line with a label is no name */
    m = ex("<html><body><div class=\"byline\">Last Updated: January 7, 2025</div></body></html>");
    ck_assert_uint_eq(m.n_authors, 0);
    pi_meta_free(&m);

    /* a bare "By ..." line after the headline */
    m = ex("<html><body><h1>Title of it</h1><p><i>von Daniela Obers</i></p></body></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Daniela Obers");
    pi_meta_free(&m);
}
END_TEST

/* A date where the name should be, or a script's unfilled value, is no
 * author: the next source is asked. */
START_TEST(date_or_void_is_no_author)
{
    pi_meta m = ex("<html><body><div class=\"author\">Dec 31, 2025</div></body></html>");
    ck_assert_uint_eq(m.n_authors, 0);
    pi_meta_free(&m);
    m = ex("<html><body><span class=\"byline\">March 20, 2023 | Wellness</span></body></html>");
    ck_assert_uint_eq(m.n_authors, 0);
    pi_meta_free(&m);
    m = ex("<html><head><meta name=\"author\" content=\"undefined\"></head><body>"
           "<a rel=\"author\" href=\"/a/jo\">Jo March</a></body></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Jo March");
    pi_meta_free(&m);
    /* a name with a month in it stays a name */
    m = ex("<html><body><div class=\"author\">By April May</div></body></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "April May");
    pi_meta_free(&m);
}
END_TEST

/* Five rel=author links, one per teaser, are a list's, not the page's; a
 * paper's authors declared in <meta> may be more. */
START_TEST(teaser_bylines_are_no_authors)
{
    pi_meta m = ex("<html><body><h1>Latest posts</h1>"
                   "<div class=\"post\"><a rel=\"author\" href=\"/a/0\">Ann Aye</a></div>"
                   "<div class=\"post\"><a rel=\"author\" href=\"/a/1\">Ben Bee</a></div>"
                   "<div class=\"post\"><a rel=\"author\" href=\"/a/2\">Cat Cee</a></div>"
                   "<div class=\"post\"><a rel=\"author\" href=\"/a/3\">Dan Dee</a></div>"
                   "<div class=\"post\"><a rel=\"author\" href=\"/a/4\">Eve Eee</a></div>"
                   "<div class=\"byline\">By Ann Aye</div></body></html>");
    ck_assert_uint_eq(m.n_authors, 0);
    pi_meta_free(&m);
    m = ex("<html><head><meta name=\"citation_author\" content=\"A One\">"
           "<meta name=\"citation_author\" content=\"B Two\">"
           "<meta name=\"citation_author\" content=\"C Three\">"
           "<meta name=\"citation_author\" content=\"D Four\">"
           "<meta name=\"citation_author\" content=\"E Five\"></head><body></body></html>");
    ck_assert_uint_eq(m.n_authors, 5);
    pi_meta_free(&m);
    m = ex("<html><body><span class=\"byline\">By Ann Aye and Ben Bee</span></body></html>");
    ck_assert_uint_eq(m.n_authors, 2);
    pi_meta_free(&m);
}
END_TEST

START_TEST(rel_author)
{
    pi_meta m = ex("<html><body><a rel=\"author\" href=\"/u/x\">Rel Author</a>"
                   "<div class=\"byline\">Byline Person</div></body></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Rel Author");
    pi_meta_free(&m);
}
END_TEST

/* ---- cleaning ---------------------------------------------------------------- */

START_TEST(byline_roles_and_fields_end_the_names)
{
    /* an editor after the author is not an author */
    pi_meta m = ex("<html><body><div class=\"byline\">Written by Jane Doe<br>\n"
                   "  Edited by John Roe</div></body></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Jane Doe");
    pi_meta_free(&m);

    m = ex("<html><body><p class=\"author\">Ann Lee, Photos by Bo Kim</p></body></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Ann Lee");
    pi_meta_free(&m);

    /* a labelled field after the name, whatever its date format */
    m = ex("<html><body><span class=\"author\">Max Muster , Datum: 15.Jun.19 , "
           "Kommentare: 0</span></body></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Max Muster");
    pi_meta_free(&m);
}
END_TEST

START_TEST(author_addresses_dropped)
{
    pi_meta m = ex("<html><head><meta name=\"author\" content=\"Jane Doe "
                   "(https://example.org/~jane/)\"></head></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Jane Doe");
    pi_meta_free(&m);

    m = ex("<html><head><meta name=\"author\" content=\"Jane Doe &lt;jane@example.org&gt;\">"
           "</head></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Jane Doe");
    pi_meta_free(&m);

    /* the feed form: address first, name in brackets */
    m = ex("<html><head><meta name=\"author\" content=\"jane@example.org (Jane Doe)\">"
           "</head></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Jane Doe");
    pi_meta_free(&m);

    /* brackets that hold no address stay */
    m = ex("<html><head><meta name=\"author\" content=\"Richard (R.J.) Roe\"></head></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Richard (R.J.) Roe");
    pi_meta_free(&m);
}
END_TEST

/* ---- placeholders ------------------------------------------------------------ */

START_TEST(site_name_as_author_yields)
{
    pi_meta m = ex("<html><head><meta name=\"author\" content=\"Example Times\">"
                   "<meta property=\"og:site_name\" content=\"Example Times\"></head>"
                   "<body><div class=\"byline\">By Real Reporter</div></body></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Real Reporter");
    pi_meta_free(&m);
    /* with nobody better, the site stays the author */
    m = ex("<html><head><meta name=\"author\" content=\"Example Times\">"
           "<meta property=\"og:site_name\" content=\"Example Times\"></head></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Example Times");
    pi_meta_free(&m);
}
END_TEST

START_TEST(site_known_by_canonical_host_yields)
{
    /* no page URL: the site is known only by the host of its canonical URL */
    pi_meta m = ex("<html><head><link rel=\"canonical\" href=\"https://www.example-news.com/x\">"
                   "<meta name=\"author\" content=\"Example News\"></head>"
                   "<body><div class=\"byline\">By Jane Doe</div></body></html>");
    ck_assert_str_eq(m.canonical_url, "https://www.example-news.com/x");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Jane Doe");
    pi_meta_free(&m);

    /* the host written after the name goes */
    m = ex("<html><head><link rel=\"canonical\" href=\"https://www.example-news.com/x\">"
           "<meta name=\"author\" content=\"Jane Doe, example-news.com\"></head></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Jane Doe");
    pi_meta_free(&m);

    /* fetched from elsewhere (a mirror): the canonical host still names the site */
    m = ex_url("<html><head><link rel=\"canonical\" href=\"https://www.example-news.com/x\">"
               "<meta name=\"author\" content=\"example-news.com\"></head>"
               "<body><div class=\"byline\">By Jane Doe</div></body></html>",
               "https://mirror.example.org/x");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Jane Doe");
    pi_meta_free(&m);

    /* with nobody better, the site stays the author */
    m = ex("<html><head><link rel=\"canonical\" href=\"https://www.example-news.com/x\">"
           "<meta name=\"author\" content=\"Example News\"></head></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "Example News");
    pi_meta_free(&m);

    /* a name in another script with the login beside it is a person's, even
     * where the login is the host */
    m = ex("<html><head><link rel=\"canonical\" href=\"https://janedoe.example.net/x\">"
           "<meta name=\"author\" content=\"\xE8\x97\x8D\xE5\xA4\xA9 (janedoe)\"></head>"
           "<body><div class=\"byline\">By Someone Else</div></body></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "\xE8\x97\x8D\xE5\xA4\xA9 (janedoe)");
    pi_meta_free(&m);
}
END_TEST

START_TEST(login_as_author_yields)
{
    /* a login in JSON-LD yields to the name the byline shows */
    const char *page = "<html><head><script type=\"application/ld+json\">"
                       "{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"creator\":\"%s\"}"
                       "</script></head><body><div class=\"byline\"><a href=\"/u/x\">"
                       "<span class=\"author-name\">Jane Doe</span></a></div></body></html>";
    static const char *const logins[] = {"JD4567", "jane_doe", "jane.doe", NULL};
    char html[1024];
    for (int i = 0; logins[i]; i++) {
        snprintf(html, sizeof html, page, logins[i]);
        pi_meta m = ex(html);
        ck_assert_uint_eq(m.n_authors, 1);
        ck_assert_str_eq(m.authors[0], "Jane Doe");
        pi_meta_free(&m);
    }
    /* initials are a name, and a login with nobody better stays */
    snprintf(html, sizeof html, page, "J.Doe");
    pi_meta m = ex(html);
    ck_assert_str_eq(m.authors[0], "J.Doe");
    pi_meta_free(&m);
    m = ex("<html><head><meta name=\"author\" content=\"jdoe_2\"></head></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "jdoe_2");
    pi_meta_free(&m);
    /* a login the byline itself shows is the name the page gives */
    m = ex("<html><body><h1>Title of it</h1><span class=\"author\"><a rel=\"author\" "
           "href=\"/author/jdoe_2/\">jdoe_2</a></span><h2>Interview: Jane Doe</h2></body></html>");
    ck_assert_uint_eq(m.n_authors, 1);
    ck_assert_str_eq(m.authors[0], "jdoe_2");
    pi_meta_free(&m);
}
END_TEST

/* ---- main ------------------------------------------------------------------ */

static void add(Suite *s)
{
    PI_CASE(s, jsonld_author_forms);
    PI_CASE(s, byline_elements);
    PI_CASE(s, rel_author);
    PI_CASE(s, teaser_bylines_are_no_authors);
    PI_CASE(s, date_or_void_is_no_author);
    PI_CASE(s, byline_roles_and_fields_end_the_names);
    PI_CASE(s, author_addresses_dropped);
    PI_CASE(s, site_name_as_author_yields);
    PI_CASE(s, site_known_by_canonical_host_yields);
    PI_CASE(s, login_as_author_yields);
}

PI_SUITE_MAIN("meta_authors", add)

/* Hostile input through the public API: every case states the exact status
 * it must get, and what the text must be when there is one. None may crash,
 * leak (run under ASan or valgrind) or take more than linear time
 * (test-linear.sh measures that). Public API only. */
#include <pith.h>

#include "check_common.h"
#include "shapes.h"

#include <stdint.h>

/* A paragraph long enough to be an article on its own. */
#define ARTICLE                                                                              \
    "<p>The harbour was quiet this morning, with only a few fishing boats heading out past " \
    "the breakwater before the sun rose over the hills.</p>"                                 \
    "<p>Local fishermen say the season has been slow, and prices at the market have risen "  \
    "for the third week in a row, worrying restaurant owners.</p>"

static const char ARTICLE_TEXT[] =
    "The harbour was quiet this morning, with only a few fishing boats heading out past the "
    "breakwater before the sun rose over the hills.\n"
    "Local fishermen say the season has been slow, and prices at the market have risen for "
    "the third week in a row, worrying restaurant owners.\n";

/* Is s[0..n) valid UTF-8 without NUL? */
static int valid_utf8(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        size_t k;
        uint32_t cp;
        if (c == 0)
            return 0;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            k = 1, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            k = 2, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3, cp = c & 0x07;
        } else {
            return 0;
        }
        if (i + k >= n)
            return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((u[i + j] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (u[i + j] & 0x3F);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

/* Extract and return the status; on PITH_OK check the document's invariants
 * (text NUL-terminated at its length, valid UTF-8, title likewise). */
static pith_status extract(const char *html, size_t len, const pith_options *o, pith_doc **doc)
{
    *doc = (pith_doc *)&doc; /* must be overwritten */
    pith_status s = pith_extract(html, len, o, doc);
    if (s != PITH_OK) {
        ck_assert_ptr_null(*doc);
        return s;
    }
    ck_assert_ptr_nonnull(*doc);
    const char *t = pith_doc_text(*doc);
    size_t n = pith_doc_text_length(*doc);
    ck_assert_uint_eq(strlen(t), n);
    ck_assert_msg(valid_utf8(t, n), "text is not valid UTF-8");
    const char *title = pith_doc_title(*doc);
    ck_assert_msg(valid_utf8(title, strlen(title)), "title is not valid UTF-8");
    return s;
}

/* Extract with `o`, expect PITH_OK and exactly `text`. */
static void expect_text(const char *html, size_t len, const pith_options *o, const char *text)
{
    pith_doc *doc;
    pith_status s = extract(html, len, o, &doc);
    ck_assert_msg(s == PITH_OK, "status %s", pith_strerror(s));
    ck_assert_str_eq(pith_doc_text(doc), text);
    pith_doc_free(doc);
}

static void expect_status(const char *html, size_t len, const pith_options *o, pith_status want)
{
    pith_doc *doc;
    pith_status s = extract(html, len, o, &doc);
    ck_assert_msg(s == want, "status %s, wanted %s", pith_strerror(s), pith_strerror(want));
    pith_doc_free(doc);
}

/* Options with every limit at its maximum. */
static pith_options *unlimited(void)
{
    pith_options *o = pith_options_new();
    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_MAX_INPUT_SIZE, 2147483647LL), PITH_OK);
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_MAX_DEPTH, 1000000), PITH_OK);
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_MAX_NODES, 100000000), PITH_OK);
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_MAX_OUTPUT_SIZE, 2147483647LL), PITH_OK);
    return o;
}

/* Deterministic noise (an LCG), so that failures reproduce. */
static void noise(char *p, size_t n, uint32_t seed)
{
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1664525u + 1013904223u;
        p[i] = (char)(seed >> 24);
    }
}

static char *repeat(const char *head, const char *unit, size_t times, const char *tail, size_t *len)
{
    sbuf b = {0};
    sb_puts(&b, head);
    sb_repeat(&b, unit, times);
    sb_puts(&b, tail);
    ck_assert(!b.failed);
    *len = b.len;
    return b.p;
}

/* ---- tiny and malformed input ----------------------------------------- */

START_TEST(empty_and_tiny)
{
    expect_text(NULL, 0, NULL, "");
    expect_text("", 0, NULL, "");
    expect_text("x", 1, NULL, "x\n");
    expect_text("<", 1, NULL, "");
    expect_text(">", 1, NULL, ">\n");
    expect_text("&", 1, NULL, "&\n");
    expect_text("\0", 1, NULL, "");
    expect_text("\xff", 1, NULL, "\xc3\xbf\n"); /* windows-1252 */
    expect_text("   \n\t ", 6, NULL, "");
    expect_text("<<<<>>>>", 8, NULL, ">>>>\n");
    expect_text("</", 2, NULL, "");
    expect_text("<!", 2, NULL, "!\n");
    expect_text("<!--", 4, NULL, "");
    expect_text("<?", 2, NULL, "");
    expect_text("<html", 5, NULL, "");
    expect_text("<p", 2, NULL, "");
    expect_text("<p>", 3, NULL, "");
    expect_text("</p></div></html>", 17, NULL, "");
    expect_text("\xef\xbb\xbf", 3, NULL, "");    /* UTF-8 BOM alone */
    expect_text("\xff\xfe", 2, NULL, "");        /* UTF-16LE BOM alone */
    expect_text("\xff\xfe<\0p\0>", 7, NULL, ""); /* odd length UTF-16 */
}
END_TEST

START_TEST(nul_bytes_in_markup)
{
    static const char page[] = "<html><body><p>The harbour was quiet this morning, with "
                               "only a few\0 fishing boats heading out past the breakwater "
                               "before the sun rose over the hills.</p><di\0v cla\0ss=x>"
                               "<p>Local fishermen say the season has been slow\0, and prices "
                               "at the market have risen for the third week in a row.</p>"
                               "</div></body></html>";
    pith_doc *doc;
    ck_assert_int_eq(extract(page, sizeof page - 1, NULL, &doc), PITH_OK);
    const char *t = pith_doc_text(doc);
    ck_assert_ptr_nonnull(strstr(t, "fishing boats heading out"));
    ck_assert_ptr_nonnull(strstr(t, "third week in a row."));
    pith_doc_free(doc);
}
END_TEST

/* Binary files that are not HTML at all: PITH_ERR_NOT_HTML (issue 16),
 * nothing crashes. */
static void binary_file(const char *magic, size_t mlen, uint32_t seed)
{
    size_t n = 256 * 1024;
    char *p = malloc(n);
    ck_assert_ptr_nonnull(p);
    noise(p, n, seed);
    memcpy(p, magic, mlen);
    pith_doc *doc;
    ck_assert_int_eq(extract(p, n, NULL, &doc), PITH_ERR_NOT_HTML);
    ck_assert_ptr_null(doc);
    free(p);
}

START_TEST(binary_files)
{
#define BINARY(magic, seed) binary_file(magic, sizeof magic - 1, seed)
    BINARY("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 1);
    BINARY("\x1f\x8b\x08\0\0\0\0\0\0\x03", 2);
    BINARY("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5000 /Filter /FlateDecode >>\n"
           "stream\n",
           3);
    BINARY("\xff\xd8\xff\xe0\0\x10JFIF\0", 4);
    BINARY("PK\x03\x04", 5);
    BINARY("\x7f"
           "ELF\x02\x01\x01",
           6);
    BINARY("", 7);
#undef BINARY
}
END_TEST

START_TEST(invalid_utf8)
{
    /* Overlong, surrogate, lone continuation, truncated sequences, 0xFE/0xFF
     * and 5-byte forms in a page that says it is UTF-8. */
    static const char page[] =
        "<html><head><meta charset=utf-8><title>Bad \xc0\xaf bytes</title></head><body>"
        "<p>The harbour \xed\xa0\x80 was quiet \x80\x81 this morning, with only a few fishing "
        "boats \xe2\x82 heading out \xf8\x88\x80\x80\x80 past the breakwater before the sun "
        "rose \xfe\xff over the hills, \xf4\x90\x80\x80 said the harbour master.</p>"
        "<p>Local fishermen say the season has been slow, and prices at the market have risen "
        "for the third week in a row, worrying restaurant owners.</p></body></html>\xc3";
    pith_doc *doc;
    ck_assert_int_eq(extract(page, sizeof page - 1, NULL, &doc), PITH_OK);
    const char *t = pith_doc_text(doc);
    ck_assert_ptr_nonnull(strstr(t, "The harbour"));
    ck_assert_ptr_nonnull(strstr(t, "restaurant owners."));
    pith_doc_free(doc);

    /* Every prefix of a multi-byte character at the very end. */
    static const char *const tails[] = {"\xc3", "\xe2\x82", "\xf0\x9f\x98", "\xf0", "\xe2"};
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        char buf[512];
        int n = snprintf(buf, sizeof buf, "<body>%s%s", ARTICLE, tails[i]);
        ck_assert_int_eq(extract(buf, (size_t)n, NULL, &doc), PITH_OK);
        ck_assert_ptr_nonnull(strstr(pith_doc_text(doc), "restaurant owners."));
        pith_doc_free(doc);
    }
}
END_TEST

START_TEST(only_frameset_image_or_links)
{
    static const char frameset[] = "<html><head><title>Frames</title></head>"
                                   "<frameset cols=\"25%,75%\"><frame src=\"menu.html\">"
                                   "<frame src=\"main.html\"><noframes>Your browser does not "
                                   "support frames.</noframes></frameset></html>";
    expect_text(frameset, sizeof frameset - 1, NULL, "");

    static const char image[] = "<html><body><img src=\"photo.jpg\" alt=\"A harbour at dawn, "
                                "with boats\" width=800 height=600></body></html>";
    expect_text(image, sizeof image - 1, NULL, "");

    sbuf b = {0};
    sb_puts(&b, "<html><body><table>");
    for (int i = 0; i < 200; i++) {
        char row[128];
        snprintf(row, sizeof row,
                 "<tr><td><a href=\"/p/%d\">Page %d</a></td>"
                 "<td><a href=\"/q/%d\">More</a></td></tr>",
                 i, i, i);
        sb_puts(&b, row);
    }
    sb_puts(&b, "</table></body></html>");
    /* A page that is only a table of links may be furniture or a listing:
     * either nothing, or rows of its own cells in order, nothing else. */
    pith_doc *doc;
    ck_assert_int_eq(extract(b.p, b.len, NULL, &doc), PITH_OK);
    int last = -1;
    for (const char *t = pith_doc_text(doc); *t;) {
        int i = -1, n = 0;
        ck_assert_msg(sscanf(t, "Page %d%n", &i, &n) == 1 && i > last && i < 200,
                      "unexpected text: %.60s", t);
        last = i;
        t += n;
        if (!strncmp(t, "\tMore", 5))
            t += 5;
        ck_assert_msg(*t == '\n', "unexpected text: %.60s", t);
        t++;
    }
    pith_doc_free(doc);
    free(b.p);
}
END_TEST

/* ---- size ----------------------------------------------------------------- */

START_TEST(page_of_100_mb)
{
    /* 100 MB in 1,250 paragraphs of 80 KB: over the 64 MiB default input
     * limit, and extracted whole when the limits are raised. */
    size_t n = 100u * 1000 * 1000;
    static const char sentence[] = "The harbour was quiet, and the boats went out early. ";
    sbuf b = {0}, para = {0};
    sb_puts(&para, "<p>");
    sb_repeat(&para, sentence, 80000 / (sizeof sentence - 1));
    sb_puts(&para, "</p>\n");
    ck_assert(!para.failed);
    sb_puts(&b, "<html><head><title>Big</title></head><body><article>");
    size_t paras = 0;
    while (b.len < n && !b.failed) {
        sb_put(&b, para.p, para.len);
        paras++;
    }
    sb_puts(&b, "</article></body></html>");
    ck_assert(!b.failed);
    ck_assert_uint_ge(b.len, n);

    expect_status(b.p, b.len, NULL, PITH_ERR_INPUT_TOO_LARGE);

    pith_options *o = unlimited();
    pith_doc *doc;
    ck_assert_int_eq(extract(b.p, b.len, o, &doc), PITH_OK);
    /* Each paragraph is one line: its sentences without the last space. */
    ck_assert_uint_eq(pith_doc_text_length(doc), paras * (para.len - strlen("<p></p>\n")));
    pith_doc_free(doc);
    pith_options_free(o);
    free(para.p);
    free(b.p);
}
END_TEST

/* ---- depth ---------------------------------------------------------------- */

START_TEST(nested_200000_divs)
{
    size_t len;
    char *html = repeat("<html><body>", "<div>", 200000, ARTICLE, &len);
    expect_status(html, len, NULL, PITH_ERR_TOO_DEEP);
    pith_options *o = unlimited();
    expect_text(html, len, o, ARTICLE_TEXT);
    pith_options_free(o);
    free(html);
}
END_TEST

START_TEST(nested_to_the_maximum_depth)
{
    /* Close to PITH_OPT_MAX_DEPTH's ceiling: a recursive walk anywhere (ours
     * or libxml2's, xmlFreeDoc included) would overflow the 8 MB stack. */
    size_t len;
    char *html = repeat("<html><body>", "<div>", 999000, ARTICLE, &len);
    pith_options *o = unlimited();
    expect_text(html, len, o, ARTICLE_TEXT);
    free(html);
    /* The same depth made of other elements: inline, lists, tables, and
     * under an element that cleaning drops whole (svg) or furniture (nav). */
    static const char *const units[] = {"<b>",       "<ul><li>",        "<blockquote>",
                                        "<section>", "<table><tr><td>", "<a href=x>"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        html = repeat("<html><body>", units[i], 300000, ARTICLE, &len);
        pith_doc *doc;
        ck_assert_int_eq(extract(html, len, o, &doc), PITH_OK);
        pith_doc_free(doc);
        free(html);
    }
    html = repeat("<html><body>" ARTICLE "<svg>", "<g>", 900000, "</svg>", &len);
    expect_text(html, len, o, ARTICLE_TEXT);
    free(html);
    html = repeat("<html><body>" ARTICLE "<nav>", "<div>", 900000, "</nav>", &len);
    expect_text(html, len, o, ARTICLE_TEXT);
    free(html);
    pith_options_free(o);
}
END_TEST

/* ---- breadth and attributes --------------------------------------------- */

START_TEST(million_sibling_paragraphs)
{
    size_t len;
    char *html = repeat("<html><body>", "<p>The boats went out.</p>", 1000000, "", &len);
    pith_doc *doc;
    ck_assert_int_eq(extract(html, len, NULL, &doc), PITH_OK);
    ck_assert_uint_eq(pith_doc_text_length(doc), 1000000 * strlen("The boats went out.\n"));
    pith_doc_free(doc);
    pith_options *o = pith_options_new();
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_MAX_NODES, 100000), PITH_OK);
    expect_status(html, len, o, PITH_ERR_TOO_MANY_NODES);
    pith_options_free(o);
    free(html);
}
END_TEST

START_TEST(attribute_of_10_mb)
{
    static const char *const names[] = {"title", "class", "style", "href", "id"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char head[64];
        snprintf(head, sizeof head, "<html><body><div %s=\"", names[i]);
        size_t len;
        char *html = repeat(head, "abcdefghij", 1000000, "\">" ARTICLE "</div>", &len);
        expect_text(html, len, NULL, ARTICLE_TEXT);
        free(html);
    }
}
END_TEST

START_TEST(attributes_70000_on_one_element)
{
    sbuf b = {0};
    sb_puts(&b, "<html><body><div");
    for (int i = 0; i < 70000; i++) {
        char a[32];
        snprintf(a, sizeof a, " data-a%d=\"%d\"", i, i);
        sb_puts(&b, a);
    }
    sb_puts(&b, ">" ARTICLE "</div></body></html>");
    /* Quadratic in libxml2 (about 11 s); capped, a fraction of a second. */
    expect_text(b.p, b.len, NULL, ARTICLE_TEXT);
    free(b.p);
}
END_TEST

/* ---- entities, comments, scripts ------------------------------------------ */

START_TEST(entity_storms)
{
    size_t len;
    char *html = repeat("<html><body>" ARTICLE "<p>", "&amp;", 1000000, "</p>", &len);
    pith_doc *doc;
    ck_assert_int_eq(extract(html, len, NULL, &doc), PITH_OK);
    ck_assert_ptr_nonnull(strstr(pith_doc_text(doc), "restaurant owners."));
    pith_doc_free(doc);
    free(html);

    html = repeat("<html><body><p>", "&#x41;&#66;&#0;&#xD800;&#1114112; ", 200000, "</p>", &len);
    ck_assert_int_eq(extract(html, len, NULL, &doc), PITH_OK);
    pith_doc_free(doc);
    free(html);

    html = repeat("<html><body><p>", "&bogus;&amp &#; &#x; &", 200000, "</p>", &len);
    ck_assert_int_eq(extract(html, len, NULL, &doc), PITH_OK);
    pith_doc_free(doc);
    free(html);

    html = repeat("<html><body><div title=\"", "&amp;&#65;&bogus;", 500000, "\">" ARTICLE "</div>",
                  &len);
    expect_text(html, len, NULL, ARTICLE_TEXT);
    free(html);
}
END_TEST

START_TEST(unclosed_comment_and_script)
{
    size_t len;
    char *html = repeat("<html><body>" ARTICLE "<!-- ", "<p>hidden</p> -- > <!-- ", 100000, "",
                        &len);
    expect_text(html, len, NULL, ARTICLE_TEXT);
    free(html);

    html = repeat("<html><body>" ARTICLE "<script>var s = '", "</div><p>hidden</p>", 100000, "",
                  &len);
    expect_text(html, len, NULL, ARTICLE_TEXT);
    free(html);

    html = repeat("<html><body>" ARTICLE "<style>", "p { color: red } </p>", 100000, "", &len);
    expect_text(html, len, NULL, ARTICLE_TEXT);
    free(html);

    html = repeat("<html><body>" ARTICLE "<div title=\"", "<p>inside a quote</p>", 100000, "",
                  &len);
    expect_text(html, len, NULL, ARTICLE_TEXT);
    free(html);

    /* Open, never closed, over and over. */
    html = repeat("<html><body>" ARTICLE, "<textarea><title><xmp><iframe><noscript>", 20000, "",
                  &len);
    pith_doc *doc;
    ck_assert_int_eq(extract(html, len, NULL, &doc), PITH_OK);
    pith_doc_free(doc);
    free(html);
}
END_TEST

START_TEST(long_word_without_spaces)
{
    size_t len;
    char *html = repeat("<html><body>" ARTICLE "<p>", "abcdefghij", 1000000, "</p>", &len);
    pith_doc *doc;
    ck_assert_int_eq(extract(html, len, NULL, &doc), PITH_OK);
    pith_doc_free(doc);
    free(html);
    html = repeat("<html><body>" ARTICLE "<p>", "\xe6\x9d\xb1\xe4\xba\xac", 1000000, "</p>", &len);
    ck_assert_int_eq(extract(html, len, NULL, &doc), PITH_OK);
    pith_doc_free(doc);
    free(html);
}
END_TEST

START_TEST(deep_quotes_and_lists_render_in_bounded_size)
{
    /* Markdown marks every line of nested quotes and lists with a prefix as
     * deep as the nesting: capped (under 1 KB a line), or 4,500 levels
     * would write 10 MB of quote markers. */
    static const char *const units[] = {"<blockquote><p>A line of text.</p>",
                                        "<ul><li><p>A line of text.</p>"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t len;
        char *html = repeat("<html><body>", units[i], 4500, "", &len);
        pith_doc *doc;
        ck_assert_int_eq(extract(html, len, NULL, &doc), PITH_OK);
        for (int f = PITH_FORMAT_TEXT; f <= PITH_FORMAT_JSON; f++) {
            char *out = NULL;
            size_t n = 0;
            ck_assert_int_eq(pith_doc_render(doc, (pith_format)f, NULL, &out, &n), PITH_OK);
            ck_assert_uint_eq(strlen(out), n);
            ck_assert_msg(n < 4500 * 1024, "format %d: %zu bytes from %zu", f, n, len);
            pith_free(out);
        }
        pith_doc_free(doc);
        free(html);
    }
}
END_TEST

START_TEST(every_shape_at_small_size)
{
    /* The shapes of test-linear.sh, with default options. */
    for (int i = 0; pi_shape_names[i]; i++) {
        size_t len;
        char *html = pi_shape_make(pi_shape_names[i], 2000, &len);
        ck_assert_ptr_nonnull(html);
        pith_doc *doc;
        pith_status s = extract(html, len, NULL, &doc);
        ck_assert_msg(s == PITH_OK, "%s: %s", pi_shape_names[i], pith_strerror(s));
        for (int f = PITH_FORMAT_TEXT; f <= PITH_FORMAT_JSON; f++) {
            char *out = NULL;
            size_t n = 0;
            ck_assert_int_eq(pith_doc_render(doc, (pith_format)f, NULL, &out, &n), PITH_OK);
            ck_assert_uint_eq(strlen(out), n);
            pith_free(out);
        }
        pith_doc_free(doc);
        free(html);
    }
}
END_TEST

/* Time limits with room for the 100 MB page under sanitizers. */
static void add(Suite *s)
{
    PI_CASE_TIMEOUT(s, empty_and_tiny, 600);
    PI_CASE_TIMEOUT(s, nul_bytes_in_markup, 600);
    PI_CASE_TIMEOUT(s, binary_files, 600);
    PI_CASE_TIMEOUT(s, invalid_utf8, 600);
    PI_CASE_TIMEOUT(s, only_frameset_image_or_links, 600);
    PI_CASE_SLOW(s, page_of_100_mb, 600);
    PI_CASE_TIMEOUT(s, nested_200000_divs, 600);
    PI_CASE_SLOW(s, nested_to_the_maximum_depth, 600);
    PI_CASE_SLOW(s, million_sibling_paragraphs, 600);
    PI_CASE_TIMEOUT(s, attribute_of_10_mb, 600);
    PI_CASE_TIMEOUT(s, attributes_70000_on_one_element, 600);
    PI_CASE_TIMEOUT(s, entity_storms, 600);
    PI_CASE_TIMEOUT(s, unclosed_comment_and_script, 600);
    PI_CASE_TIMEOUT(s, long_word_without_spaces, 600);
    PI_CASE_TIMEOUT(s, deep_quotes_and_lists_render_in_bounded_size, 600);
    PI_CASE_TIMEOUT(s, every_shape_at_small_size, 600);
}

PI_SUITE_MAIN("hostile", add)

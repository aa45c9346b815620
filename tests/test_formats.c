/* Unit tests: the serializers (render_markdown.c, render_html.c,
 * render_json.c) on models built from small pages. */
#include "check_common.h"
#include "base/error.h"
#include "trace.h"

#include "meta/metadata.h"

#include <json-c/json.h>

enum { MD, HTML, TXT };

/* Render the whole body of `html` (no scoring, so every block is kept). */
static char *render(const char *html, int format, const pi_render_opts *o)
{
    traced x;
    traced_run(&x, html);
    pi_model m;
    traced_body_model(&x, &m);
    size_t len;
    char *s = format == MD     ? pi_render_markdown(&m, o, &len)
              : format == HTML ? pi_render_html(&m, o, "T", "en", "ltr", &len)
                               : pi_render_text(&m, o, &len);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(strlen(s), len);
    pi_model_free(&m);
    traced_end(&x);
    return s;
}

#define CHECK(html, format, expect)              \
    do {                                         \
        char *got_ = render(html, format, NULL); \
        ck_assert_str_eq(got_, expect);          \
        free(got_);                              \
    } while (0)

START_TEST(md_headings_and_paragraphs)
{
    CHECK("<body><h2>Section</h2><p>One <em>two</em> <strong>three</strong>.</p></body>", MD,
          "## Section\n\nOne *two* **three**.\n");
}
END_TEST

START_TEST(md_escapes_text_that_looks_like_markup)
{
    CHECK("<body><p>1. not a list</p><p># not a heading</p><p>a * b _c_ | d &lt;e&gt; [f]</p>"
          "<p>- dash</p><p>2) paren</p><p>x &amp;amp; y</p></body>",
          MD,
          "1\\. not a list\n\n\\# not a heading\n\na \\* b \\_c\\_ \\| d \\<e\\> \\[f\\]\n\n"
          "\\- dash\n\n2\\) paren\n\nx \\&amp; y\n");
}
END_TEST

START_TEST(md_links_and_code)
{
    CHECK("<body><p>See <a href=\"https://example.org/a b\">the page</a> and <code>a`b</code>."
          "</p></body>",
          MD, "See [the page](https://example.org/a%20b) and ``a`b``.\n");
}
END_TEST

START_TEST(md_lists_nest)
{
    CHECK("<body><ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul>"
          "<ol><li>first</li><li>second</li></ol></body>",
          MD, "- one\n  - inner\n- two\n\n1. first\n2. second\n");
}
END_TEST

START_TEST(md_list_without_its_outer_items_is_not_indented)
{
    /* Outer items without text of their own give no block: the list
     * starts at its first kept item, not four spaces in (a code block). */
    CHECK("<body><p>Contents</p><ul><li><ul><li><ul><li>a</li><li>b<ul><li>c</li></ul></li>"
          "</ul></li></ul></li></ul></body>",
          MD, "Contents\n\n- a\n- b\n  - c\n");
}
END_TEST

START_TEST(md_code_block_keeps_whitespace)
{
    CHECK(
        "<body><pre><code class=\"language-c\">int  main(void)\n{\n\treturn ```0;\n}</code></pre></body>",
        MD, "````c\nint  main(void)\n{\n\treturn ```0;\n}\n````\n");
}
END_TEST

START_TEST(md_table)
{
    CHECK("<body><table><tr><th>Name</th><th>Age</th></tr><tr><td>A|da</td><td>36</td></tr>"
          "<tr><td>Bo</td></tr></table></body>",
          MD, "| Name | Age |\n| --- | --- |\n| A\\|da | 36 |\n| Bo |  |\n");
}
END_TEST

START_TEST(md_quote_and_break)
{
    CHECK("<body><blockquote><p>quoted<br>line</p><p>more</p></blockquote><p>after</p></body>", MD,
          "> quoted\\\n> line\n>\n> more\n\nafter\n");
}
END_TEST

START_TEST(md_image_and_options)
{
    const char *page =
        "<body><p>Text with <a href=\"/x\">a link</a> and <b>bold</b>.</p>"
        "<img src=\"/i.png\" alt=\"A [view]\"><table><tr><td>c</td></tr></table></body>";
    CHECK(page, MD,
          "Text with [a link](/x) and **bold**.\n\n![A \\[view\\]](/i.png)\n\n| c |\n| --- |\n");
    pi_render_opts o = {0, 0, 0, 0, 0};
    char *s = render(page, MD, &o);
    ck_assert_str_eq(s, "Text with a link and bold.\n");
    free(s);
}
END_TEST

START_TEST(inline_image_after_its_paragraph)
{
    CHECK("<body><p>Before <img src=\"https://i.example/a.png\" alt=\"A\"> after.</p></body>", MD,
          "Before after.\n\n![A](https://i.example/a.png)\n");
}
END_TEST

START_TEST(html_is_safe_and_structured)
{
    CHECK(
        "<body><h3 onclick=\"x()\">Head</h3><p>A <a href=\"javascript:alert(1)\">bad</a> "
        "<a href=\"https://ok.example/?a=1&amp;b=2\">good</a> &lt;tag&gt;</p>"
        "<ul><li>one<ol><li>sub</li></ol></li></ul><blockquote><p>q</p></blockquote>"
        "<pre>a &lt; b</pre><img src=\"data:image/png;base64,xx\"><img src=\"https://i.example/p.jpg\" alt='\"x\"'>"
        "<figcaption>cap</figcaption></body>",
        HTML,
        "<article>\n<h3>Head</h3>\n<p>A bad <a href=\"https://ok.example/?a=1&amp;b=2\">good</a> "
        "&lt;tag&gt;</p>\n<ul>\n<li>one<ol>\n<li>sub</li>\n</ol>\n</li>\n</ul>\n"
        "<blockquote>\n<p>q</p>\n</blockquote>\n<pre><code>a &lt; b</code></pre>\n"
        "<figure><img src=\"https://i.example/p.jpg\" alt=\"&quot;x&quot;\" /><figcaption>cap</figcaption>\n"
        "</figure>\n</article>\n");
}
END_TEST

START_TEST(html_table_and_standalone)
{
    const char *page = "<body><table><tr><th>a</th></tr><tr><td>b<br>c</td></tr></table></body>";
    CHECK(page, HTML,
          "<article>\n<table>\n<tr><th>a</th></tr>\n<tr><td>b c</td></tr>\n</table>\n</article>\n");
    pi_render_opts o = pi_render_defaults;
    o.standalone = 1;
    char *s = render("<body><p>x</p></body>", HTML, &o);
    ck_assert_str_eq(
        s, "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\" />\n"
           "<title>T</title>\n</head>\n<body>\n<article>\n<h1>T</h1>\n<p>x</p>\n</article>\n"
           "</body>\n</html>\n");
    free(s);
}
END_TEST

START_TEST(text_tables_toggle)
{
    const char *page = "<body><p>p</p><table><tr><td>a</td><td>b</td></tr></table></body>";
    CHECK(page, TXT, "p\na\tb\n");
    pi_render_opts o = pi_render_defaults;
    o.tables = 0;
    char *s = render(page, TXT, &o);
    ck_assert_str_eq(s, "p\n");
    free(s);
}
END_TEST

START_TEST(json_has_every_key)
{
    pi_meta meta = {0};
    char *authors[] = {"Ana \"Q\" Lima"};
    meta.title = "T\u00e9st";
    meta.authors = authors;
    meta.n_authors = 1;
    pi_json_facts f = {&meta, "UTF-8", "meta", "score",    "0.50", "line\n", 5,
                       1,     1,       1,      "markdown", "x",    1};
    size_t len;
    char *s = pi_render_json(&f, &len);
    ck_assert_ptr_nonnull(s);
    json_object *o = json_tokener_parse(s);
    ck_assert_ptr_nonnull(o);
    /* clang-format off */
    static const char *const keys[] = {"title", "authors", "published", "modified", "site_name",
                                       "description", "language", "direction", "url", "image",
                                       "tags", "page_type", "encoding", "layer", "confidence", "words",
                                       "sentences", "paragraphs", "text", "comments", "format", "content", NULL};
    /* clang-format on */
    for (int i = 0; keys[i]; i++)
        ck_assert_msg(json_object_object_get_ex(o, keys[i], NULL), "missing %s", keys[i]);
    json_object *a = json_object_object_get(o, "authors");
    ck_assert_str_eq(json_object_get_string(json_object_array_get_idx(a, 0)), "Ana \"Q\" Lima");
    ck_assert_str_eq(json_object_get_string(json_object_object_get(o, "text")), "line\n");
    ck_assert(json_object_is_type(json_object_object_get(o, "published"), json_type_null));
    ck_assert_ptr_nonnull(strstr(s, "\"comments\":[]"));
    ck_assert_ptr_nonnull(strstr(s, "\"confidence\":0.50,"));
    ck_assert_ptr_null(strchr(s, '\n'));
    json_object_put(o);
    free(s);
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, md_headings_and_paragraphs);
    PI_CASE(s, md_escapes_text_that_looks_like_markup);
    PI_CASE(s, md_links_and_code);
    PI_CASE(s, md_lists_nest);
    PI_CASE(s, md_list_without_its_outer_items_is_not_indented);
    PI_CASE(s, md_code_block_keeps_whitespace);
    PI_CASE(s, md_table);
    PI_CASE(s, md_quote_and_break);
    PI_CASE(s, md_image_and_options);
    PI_CASE(s, inline_image_after_its_paragraph);
    PI_CASE(s, html_is_safe_and_structured);
    PI_CASE(s, html_table_and_standalone);
    PI_CASE(s, text_tables_toggle);
    PI_CASE(s, json_has_every_key);
}

PI_SUITE_MAIN("formats", add)

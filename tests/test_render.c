/* Unit tests: the model and lib/render_text.c */
#include "check_common.h"
#include "base/error.h"
#include "trace.h"

static char *text_of(const char *html)
{
    traced x;
    traced_run(&x, html);
    /* Render the whole body, no scoring. */
    pi_model m;
    traced_body_model(&x, &m);
    size_t len;
    char *s = pi_render_text(&m, NULL, &len);
    pi_model_free(&m);
    traced_end(&x);
    return s;
}

START_TEST(paragraphs_one_per_line)
{
    char *s = text_of("<body><p>One   two\n three</p><p>Four</p></body>");
    ck_assert_str_eq(s, "One two three\nFour\n");
    free(s);
}
END_TEST

START_TEST(inline_markup_joins)
{
    char *s = text_of("<body><p>Hello <b>bold</b> and <a href=#>link</a>, <i>done</i>.</p></body>");
    ck_assert_str_eq(s, "Hello bold and link, done.\n");
    free(s);
}
END_TEST

START_TEST(headings_and_items_own_lines)
{
    char *s = text_of("<body><h2>Title</h2>Lead text<ul><li>one</li><li>two <b>2</b></li></ul>"
                      "<ol><li>first</li></ol></body>");
    ck_assert_str_eq(s, "Title\nLead text\none\ntwo 2\nfirst\n");
    free(s);
}
END_TEST

START_TEST(unicode_spaces_collapse)
{
    /* NBSP, ideographic space and thin space are spaces in text output. */
    char *s = text_of("<body><p>a\xc2\xa0\xc2\xa0"
                      "b\xe3\x80\x80"
                      "c\xe2\x80\x89"
                      "d</p></body>");
    ck_assert_str_eq(s, "a b c d\n");
    free(s);
}
END_TEST

START_TEST(pre_keeps_whitespace)
{
    char *s = text_of("<body><pre>int  x;\n  return x;</pre><p>after</p></body>");
    ck_assert_str_eq(s, "int  x;\n  return x;\nafter\n");
    free(s);
}
END_TEST

START_TEST(br_breaks_lines)
{
    char *s = text_of("<body><p>line one<br>line two<br><br>line three</p></body>");
    ck_assert_str_eq(s, "line one\nline two\nline three\n");
    free(s);
}
END_TEST

START_TEST(table_rows)
{
    char *s = text_of("<body><table><tr><th>Name</th><th>Age</th></tr>"
                      "<tr><td>Ada</td><td>36</td></tr></table></body>");
    ck_assert_str_eq(s, "Name\tAge\nAda\t36\n");
    free(s);
}
END_TEST

START_TEST(invisible_characters_dropped)
{
    /* Entities bring back what input cleaning removed from the bytes. */
    char *s = text_of("<body><p>Ver&shy;kehr&#8203;s&#8288;weg&#xFEFF;</p></body>");
    ck_assert_str_eq(s, "Verkehrsweg\n");
    free(s);
}
END_TEST

START_TEST(empty_page)
{
    char *s = text_of("<body></body>");
    ck_assert_str_eq(s, "");
    free(s);
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, paragraphs_one_per_line);
    PI_CASE(s, inline_markup_joins);
    PI_CASE(s, headings_and_items_own_lines);
    PI_CASE(s, unicode_spaces_collapse);
    PI_CASE(s, pre_keeps_whitespace);
    PI_CASE(s, br_breaks_lines);
    PI_CASE(s, table_rows);
    PI_CASE(s, invisible_characters_dropped);
    PI_CASE(s, empty_page);
}

PI_SUITE_MAIN("render", add)

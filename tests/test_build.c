/* Unit tests: lib/build.c (the document model from the chosen subtrees) */
#include "check_common.h"
#include "trace.h"

/* The model of the whole body of `html`, links and images resolved
 * against `base`, the headline `title` dropped unless `keep`. */
static void model_of(traced *x, pi_model *m, const char *html, const char *base, const char *title,
                     int keep)
{
    traced_run_rules(x, html);
    pi_choice c;
    ck_assert_int_eq(pi_choice_init(&c, x->t.stats.n), PI_OK);
    ck_assert_int_eq(pi_choice_add_root(&c, 0), PI_OK);
    pi_model_init(m);
    ck_assert_int_eq(pi_build_model(&x->t.stats, &c, base, title, keep, m), PI_OK);
    pi_choice_free(&c);
}

static void done(traced *x, pi_model *m)
{
    pi_model_free(m);
    traced_end(x);
}

START_TEST(lists_nest_with_their_kind)
{
    traced x;
    pi_model m;
    model_of(&x, &m,
             "<body><ul><li>one<ol><li>inner</li></ol></li><li>two</li></ul>"
             "<ol><li>first</li></ol></body>",
             NULL, NULL, 0);
    ck_assert_uint_eq(m.n, 4);
    ck_assert_int_eq(m.blocks[0].kind, PI_BLK_ITEM);
    ck_assert_int_eq(m.blocks[0].level, 1);
    ck_assert_int_eq(m.blocks[0].ordered, 0);
    ck_assert_str_eq(m.blocks[1].text, "inner");
    ck_assert_int_eq(m.blocks[1].level, 2);
    ck_assert_int_eq(m.blocks[1].ordered, 1);
    ck_assert_int_eq(m.blocks[2].list, m.blocks[0].list);
    ck_assert_int_eq(m.blocks[3].ordered, 1);
    ck_assert_int_ne(m.blocks[3].list, m.blocks[0].list);
    done(&x, &m);
}
END_TEST

START_TEST(data_tables_have_rows_layout_tables_do_not)
{
    traced x;
    pi_model m;
    model_of(&x, &m,
             "<body><table><tr><th>Day</th><th>Time</th></tr><tr><td>Thu</td>"
             "<td>06:12</td></tr></table><table><tr><td><p>A layout cell with a whole "
             "paragraph of text in it, as old pages do.</p></td></tr></table></body>",
             NULL, NULL, 0);
    ck_assert_uint_eq(m.n, 3);
    ck_assert_int_eq(m.blocks[0].kind, PI_BLK_ROW);
    ck_assert_int_eq(m.blocks[0].header, 1);
    ck_assert_str_eq(m.blocks[1].text, "Thu\t06:12");
    ck_assert_int_eq(m.blocks[1].header, 0);
    ck_assert_int_eq(m.blocks[1].table, m.blocks[0].table);
    ck_assert_int_eq(m.blocks[2].kind, PI_BLK_PARA);
    done(&x, &m);
}
END_TEST

START_TEST(code_keeps_whitespace_and_language)
{
    traced x;
    pi_model m;
    model_of(&x, &m,
             "<body><pre><code class=\"language-python\">def f():\n    return 1\n</code>"
             "</pre></body>",
             NULL, NULL, 0);
    ck_assert_uint_eq(m.n, 1);
    ck_assert_int_eq(m.blocks[0].kind, PI_BLK_PRE);
    ck_assert_str_eq(m.blocks[0].text, "def f():\n    return 1");
    ck_assert_str_eq(m.blocks[0].url, "python");
    done(&x, &m);
}
END_TEST

/* A highlighter's table (codetable.c) is one code block: the code cell's
 * <pre>, or its lines of block elements beside a gutter of numbers, with
 * the line breaks and without the numbers. */
START_TEST(code_tables_are_one_code_block)
{
    traced x;
    pi_model m;
    model_of(&x, &m,
             "<body><table><tr><td class=gutter><pre>1\n2</pre></td><td><pre "
             "class=\"language-ruby\">a = 1\n  b = 2</pre></td><td></td></tr></table>"
             "<table><tr><td><div>1</div><div>2</div></td><td><div><div><code>x</code></div>\n"
             "<div>&nbsp;&nbsp;<code>y</code> z</div></div></td></tr></table></body>",
             NULL, NULL, 0);
    ck_assert_uint_eq(m.n, 2);
    ck_assert_int_eq(m.blocks[0].kind, PI_BLK_PRE);
    ck_assert_str_eq(m.blocks[0].text, "a = 1\n  b = 2");
    ck_assert_str_eq(m.blocks[0].url, "ruby");
    ck_assert_int_eq(m.blocks[1].kind, PI_BLK_PRE);
    ck_assert_str_eq(m.blocks[1].text, "x\n  y z");
    done(&x, &m);
}
END_TEST

/* Tables that are not code stay rows: a number beside words, lines
 * without a gutter, two rows, a <pre> with other text in its cell. */
START_TEST(tables_that_are_not_code_stay_rows)
{
    static const char *const pages[] = {
        "<body><table><tr><td>1</td><td>Apples</td></tr></table></body>",
        "<body><table><tr><td><div>x</div><div>y</div></td></tr></table></body>",
        "<body><table><tr><td>1</td><td><pre>a</pre></td></tr><tr><td>2</td><td><pre>b</pre>"
        "</td></tr></table></body>",
        "<body><table><tr><td>Output: <pre>ok</pre></td></tr></table></body>",
        "<body><table><tr><td><pre>1</pre></td><td><pre>a</pre></td><td>b</td></tr></table>"
        "</body>",
    };
    for (size_t k = 0; k < sizeof pages / sizeof pages[0]; k++) {
        traced x;
        pi_model m;
        model_of(&x, &m, pages[k], NULL, NULL, 0);
        ck_assert_uint_ge(m.n, 1);
        for (size_t i = 0; i < m.n; i++)
            ck_assert_msg(m.blocks[i].kind == PI_BLK_ROW, "page %zu, block %zu: kind %d", k, i,
                          (int)m.blocks[i].kind);
        done(&x, &m);
    }
}
END_TEST

START_TEST(urls_kept_as_written_with_the_base)
{
    /* The model keeps links and images as the page writes them, with the
     * base they resolve against when rendered (render.c). */
    traced x;
    pi_model m;
    model_of(&x, &m,
             "<body><p>See <a href=\"../b/c.html\">this</a> and <a href=\"javascript:go()\">"
             "that</a>.</p><img src=\"data:image/png;base64,xx\" data-src=\"/lazy.jpg\" "
             "alt=\"A lazy\nimage\"></body>",
             "https://example.org/a/page.html", NULL, 0);
    ck_assert_uint_eq(m.n, 2);
    const pi_block *p = &m.blocks[0];
    ck_assert_uint_eq(p->n_spans, 1); /* the script link is plain text */
    ck_assert_int_eq(p->spans[0].kind, PI_SPAN_LINK);
    ck_assert_str_eq(p->spans[0].url, "../b/c.html");
    ck_assert_int_eq(m.blocks[1].kind, PI_BLK_IMAGE);
    ck_assert_str_eq(m.blocks[1].url, "/lazy.jpg");
    ck_assert_str_eq(m.blocks[1].text, "A lazy image");
    ck_assert_str_eq(m.base, "https://example.org/a/page.html");
    size_t len;
    char *md = pi_render_markdown(&m, NULL, &len);
    ck_assert_ptr_nonnull(strstr(md, "[this](https://example.org/b/c.html)"));
    ck_assert_ptr_nonnull(strstr(md, "![A lazy image](https://example.org/lazy.jpg)"));
    free(md);
    done(&x, &m);
}
END_TEST

START_TEST(headline_dropped_unless_kept)
{
    traced x;
    pi_model m;
    const char *html = "<body><h1>The Pier Reopens</h1><p>Text of the story.</p></body>";
    model_of(&x, &m, html, NULL, "the pier reopens", 0);
    ck_assert_uint_eq(m.n, 1);
    ck_assert_str_eq(m.blocks[0].text, "Text of the story.");
    done(&x, &m);
    model_of(&x, &m, html, NULL, "the pier reopens", 1);
    ck_assert_uint_eq(m.n, 2);
    ck_assert_int_eq(m.blocks[0].kind, PI_BLK_HEADING);
    ck_assert_int_eq(m.blocks[0].level, 1);
    done(&x, &m);
}
END_TEST

START_TEST(dropped_elements_are_skipped)
{
    traced x;
    traced_run_rules(
        &x, "<body><p>kept one</p><div id=gone><p>dropped</p></div><p>kept two</p></body>");
    pi_choice c;
    ck_assert_int_eq(pi_choice_init(&c, x.t.stats.n), PI_OK);
    ck_assert_int_eq(pi_choice_add_root(&c, 0), PI_OK);
    pi_node *gone = traced_node(&x, "div", "gone");
    c.drop[gone - x.t.stats.nodes] = PI_DROP_FURNITURE;
    pi_model m;
    pi_model_init(&m);
    ck_assert_int_eq(pi_build_model(&x.t.stats, &c, NULL, NULL, 0, &m), PI_OK);
    ck_assert_uint_eq(m.n, 2);
    ck_assert_str_eq(m.blocks[1].text, "kept two");
    pi_choice_free(&c);
    done(&x, &m);
}
END_TEST

START_TEST(repeated_caption_once)
{
    traced x;
    pi_model m;
    model_of(&x, &m,
             "<body><figure><div class=caption>The harbour</div><figcaption>The harbour"
             "</figcaption></figure></body>",
             NULL, NULL, 0);
    ck_assert_uint_eq(m.n, 1);
    ck_assert_int_eq(m.blocks[0].kind, PI_BLK_CAPTION);
    done(&x, &m);
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, lists_nest_with_their_kind);
    PI_CASE(s, data_tables_have_rows_layout_tables_do_not);
    PI_CASE(s, code_keeps_whitespace_and_language);
    PI_CASE(s, code_tables_are_one_code_block);
    PI_CASE(s, tables_that_are_not_code_stay_rows);
    PI_CASE(s, urls_kept_as_written_with_the_base);
    PI_CASE(s, headline_dropped_unless_kept);
    PI_CASE(s, dropped_elements_are_skipped);
    PI_CASE(s, repeated_caption_once);
}

PI_SUITE_MAIN("build", add)

/* Unit tests: lib/clean.c (what is never content leaves the tree) */
#include "check_common.h"
#include "base/error.h"
#include "tree/clean.h"
#include "tree/dom.h"

/* The text of the page's body after cleaning, whitespace runs as one
 * space (malloc'd). */
static char *cleaned(const char *html)
{
    pi_tree *t;
    ck_assert_int_eq(pi_parse_html(html, strlen(html), NULL, &t), PI_OK);
    pi_dom *root = pi_tree_root(t);
    pi_clean(root);
    char *raw = pi_dom_text(root);
    ck_assert_ptr_nonnull(raw);
    char *out = malloc(strlen(raw) + 1), *o = out;
    int space = 1;
    for (const char *p = raw; *p; p++) {
        int sp = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
        if (sp && !space)
            *o++ = ' ';
        else if (!sp)
            *o++ = *p;
        space = sp;
    }
    if (o > out && o[-1] == ' ')
        o--;
    *o = '\0';
    pi_dom_free_text(raw);
    pi_tree_free(t);
    return out;
}

#define CLEANS_TO(html, expect)         \
    do {                                \
        char *got_ = cleaned(html);     \
        ck_assert_str_eq(got_, expect); \
        free(got_);                     \
    } while (0)

START_TEST(never_content_elements_go)
{
    CLEANS_TO("<body><p>kept</p><script>var x = 1;</script><style>p{}</style>"
              "<template><p>template</p></template><svg><text>svg text</text></svg>"
              "<iframe src=x>frame</iframe><select><option>choice</option></select>"
              "<textarea>typed</textarea><button>Press</button></body>",
              "kept");
}
END_TEST

START_TEST(hidden_by_attributes_goes)
{
    CLEANS_TO("<body><p>a</p><p hidden>h1</p><p aria-hidden=\"TRUE\">h2</p>"
              "<p style=\"color: red; DISPLAY : none\">h3</p><p style=\"visibility:hidden\">h4</p>"
              "<p aria-hidden=false>b</p><p style=\"display:none-ish\">c</p>"
              "<p style=\"max-display: none\">d</p></body>",
              "abcd");
}
END_TEST

START_TEST(comments_go)
{
    CLEANS_TO("<body><p>one<!-- a comment --> two</p><?php echo 1 ?></body>", "one two");
}
END_TEST

START_TEST(small_noscript_goes)
{
    CLEANS_TO("<body><p>text</p><noscript><p>Please enable JavaScript</p></noscript></body>",
              "text");
}
END_TEST

START_TEST(noscript_that_swallowed_the_page_is_unwrapped)
{
    /* An element left open inside a noscript takes the rest of the page
     * with it; a page's worth of text in it is kept, in place. */
    char html[8192] = "<body><p>before</p><noscript><div>";
    for (int i = 0; i < 60; i++)
        strcat(html, "<p>The rest of the page ended up inside the noscript.</p>");
    strcat(html, "</noscript><p>after</p></body>");
    char *s = cleaned(html);
    ck_assert(strncmp(s, "beforeThe rest of the page", 26) == 0);
    ck_assert_ptr_nonnull(strstr(s, "noscript.after"));
    free(s);
}
END_TEST

START_TEST(button_that_swallowed_the_page_is_unwrapped)
{
    /* libxml2 ignores a </button> while a div opened in the button is
     * open: the page that follows ends up in the button. A menu button
     * goes; the swallowed page is kept, in place. */
    char html[8192] = "<body><button><span>Menu</span></button><p>before</p>"
                      "<button class=menu><div><div></button></div>";
    for (int i = 0; i < 60; i++)
        strcat(html, "<p>The article ended up inside the menu button.</p>");
    strcat(html, "<p>after</p></body>");
    char *s = cleaned(html);
    ck_assert(strncmp(s, "beforeThe article ended up", 26) == 0);
    ck_assert_ptr_nonnull(strstr(s, "button.after"));
    ck_assert_ptr_null(strstr(s, "Menu"));
    free(s);
}
END_TEST

START_TEST(streamed_segments_are_not_hidden)
{
    /* React's streamed content waits in <div hidden id="S:N"> for a script
     * to show it in the place of its <template id="B:N">: it is kept, and
     * moved there; other hidden elements, and ids only like it, go. */
    CLEANS_TO("<body><p>lead</p><template id=\"B:0\"></template><p>tail</p>"
              "<template id=\"B:1\"></template>"
              "<div hidden id=\"S:0\"><p>streamed</p></div>"
              "<div hidden id=\"S:x\"><p>one</p></div><div hidden id=\"s:1\"><p>two</p></div>"
              "<div hidden><p>three</p></div><div hidden id=\"S:2\"><p>last</p></div></body>",
              "leadstreamedtaillast");
    /* empty and one-letter ids are no segments */
    CLEANS_TO("<body><p id=\"\">a</p><p id=\"S\">b</p><template id=\"\"></template></body>", "ab");
    /* a placeholder inside its own segment stays where it is */
    CLEANS_TO("<body><p>a</p><div hidden id=\"S:0\"><template id=\"B:0\"></template>"
              "<p>b</p></div></body>",
              "ab");
}
END_TEST

START_TEST(disclosed_panels_are_not_hidden)
{
    /* A tab's panel or an accordion's content, hidden by its style until
     * the reader opens it, is the page's; a hidden table or menu is not. */
    CLEANS_TO("<body><p>lead</p><div class=\"tab-pane\" style=\"display:none\"><p>tab</p></div>"
              "<div class=\"cdr-accordion__content\" style=\"display: none\"><p>open</p></div>"
              "<div class=\"table\" style=\"display:none\"><p>one</p></div>"
              "<div class=\"menu\" style=\"display:none\"><p>two</p></div></body>",
              "leadtabopen");
}
END_TEST

START_TEST(hidden_noscript_is_not_unwrapped)
{
    /* It goes, with what it swallowed. */
    char html[8192] = "<body><p>before</p><noscript hidden><div>";
    for (int i = 0; i < 60; i++)
        strcat(html, "<p>Hidden text that must not come back.</p>");
    strcat(html, "</noscript><p>after</p></body>");
    CLEANS_TO(html, "before");
}
END_TEST

START_TEST(is_hidden_reads_the_first_attribute)
{
    pi_tree *t;
    const char *html = "<body><p id=a style=\"display:none\" style=\"display:block\">x</p>"
                       "<p id=b style=\"display:block\" style=\"display:none\">y</p></body>";
    ck_assert_int_eq(pi_parse_html(html, strlen(html), NULL, &t), PI_OK);
    pi_dom *root = pi_tree_root(t);
    int hidden[2] = {-1, -1};
    for (pi_dom *n = root; n; n = pi_next(n, root, 0)) {
        const char *id = pi_dom_is_element(n) ? pi_attr(n, "id") : NULL;
        if (id)
            hidden[id[0] - 'a'] = pi_is_hidden(n);
    }
    ck_assert_int_eq(hidden[0], 1);
    ck_assert_int_eq(hidden[1], 0);
    pi_tree_free(t);
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, never_content_elements_go);
    PI_CASE(s, hidden_by_attributes_goes);
    PI_CASE(s, comments_go);
    PI_CASE(s, small_noscript_goes);
    PI_CASE(s, noscript_that_swallowed_the_page_is_unwrapped);
    PI_CASE(s, button_that_swallowed_the_page_is_unwrapped);
    PI_CASE(s, streamed_segments_are_not_hidden);
    PI_CASE(s, disclosed_panels_are_not_hidden);
    PI_CASE(s, hidden_noscript_is_not_unwrapped);
    PI_CASE(s, is_hidden_reads_the_first_attribute);
}

PI_SUITE_MAIN("clean", add)

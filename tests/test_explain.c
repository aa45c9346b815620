/* test_explain.c - the explain view (PITH_OPT_EXPLAIN, PITH_FORMAT_EXPLAIN):
 * the option, the extraction it leaves unchanged, the reasons it records
 * where the decisions are made, and the page it writes: its kept blocks
 * are the text output's, in its order, every dropped block says why, and a
 * hostile page gives a file that loads and runs nothing. The written pages
 * are read back with libxml2's HTML parser, as a browser would read them. */
#define _POSIX_C_SOURCE 200809L
#include <pith.h>

#include "extract/why.h"
#include "trace.h"

#include <dirent.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <strings.h>

/* An article with one of each thing the rules drop, and a comment. */
static const char PAGE[] =
    "<html><head><title>The bridge reopens | Town Post</title></head><body>"
    "<nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>"
    "<div id=content><article><h1>The bridge reopens</h1>"
    "<div class=byline>By Ann Lee</div>"
    "<p>The old bridge over the river opened again on Monday, after two years of "
    "repairs, and the first cars crossed it before seven in the morning.</p>"
    "<div class=share-bar><a href=/s1>Share</a> <a href=/s2>Tweet</a></div>"
    "<p>Engineers replaced the deck, the railings and most of the bolts, and the "
    "council says the work came in under budget, which few had expected.</p>"
    "<nav class=inline-nav><a href=/a>Previous story</a> <a href=/b>Next story</a></nav>"
    "<p>Traders on both banks said the closure had cost them customers, and that "
    "they hoped the reopening would bring the market days back to the old square, "
    "where the stalls had stood empty for most of the two years of the works.</p>"
    "<p>The mayor thanked the workers, the neighbours who had put up with the noise, "
    "and the drivers who had taken the long way round through the valley roads.</p>"
    "<p>Buses will return to the bridge next month, once the new stops on both "
    "banks are finished, and the ferry that ran during the works will stop in June, "
    "though its crew hopes to keep a summer service for visitors.</p>"
    "<p>The river authority will inspect the piers again in the autumn, as it does "
    "every year, and publish its report on the council's website in the winter.</p>"
    "<p>More pictures</p>"
    "</article></div>"
    "<div class=comments><h3>Comments</h3><p>About time too, says a reader who "
    "crossed it every day for twenty years, and who missed it, and who is glad.</p></div>"
    "<footer>Copyright Town Post</footer></body></html>";

/* What a hostile page tries: scripts in elements and attributes, script and
 * data URLs, styles that load, a base that redirects, markup left open, and
 * text that looks like markup. */
static const char HOSTILE[] =
    "<html><head><title>x\"><script>alert(0)</script></title>"
    "<base href=\"https://evil.example/\"><meta http-equiv=refresh content=\"0;url=https://evil.example/\">"
    "<link rel=stylesheet href=https://evil.example/s.css>"
    "<style>@import url(https://evil.example/i.css); body{background:url(https://evil.example/b)}</style>"
    "<script src=https://evil.example/x.js></script><script>fetch('https://evil.example/f')</script>"
    "</head><body onload=\"alert(1)\" background=https://evil.example/bg.png>"
    "<div id=\"main\" class='\"><script>alert(2)</script>' style=\"background:url(https://evil.example/c)\">"
    "<p onclick=\"alert(3)\">A paragraph long enough to be kept by the extractor, with "
    "commas, clauses, and words, and <a href=\"javascript:alert(4)\">a script link</a> "
    "and more words after it, <b>broken <i>markup that is never closed.</p>"
    "<p>&lt;script&gt;alert(5)&lt;/script&gt; and \"quotes\" and 'apostrophes' "
    "<img src=\"https://evil.example/p.png\" onerror=\"alert(6)\" srcset=\"https://evil.example/q.png 2x\"> "
    "<a href=\"data:text/html,<script>alert(7)</script>\">data</a> "
    "<iframe src=\"https://evil.example/frame\"></iframe><object data=https://evil.example/o></object>"
    "<svg><image href=\"https://evil.example/svg.png\"/><script>alert(8)</script></svg>"
    "<form action=https://evil.example/post><input formaction=https://evil.example/p2></form>"
    "and text that goes on and on so that the block counts as a paragraph.</p>"
    "<div class=share><a href=https://evil.example/share onmouseover=alert(9)>Share</a></div>"
    "<table><tr><td background=https://evil.example/t.png>cell</td></tr></table>"
    "<p>Unclosed <div><span>nested <p>and so on";

static pith_doc *extract(const char *html, size_t len, int explain)
{
    pith_options *o = pith_options_new();
    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_EXPLAIN, explain), PITH_OK);
    pith_doc *d = NULL;
    ck_assert_int_eq(pith_extract(html, len, o, &d), PITH_OK);
    pith_options_free(o);
    return d;
}

static char *render(const pith_doc *d, pith_format f)
{
    char *out = NULL;
    size_t len = 0;
    ck_assert_int_eq(pith_doc_render(d, f, NULL, &out, &len), PITH_OK);
    ck_assert_uint_eq(strlen(out), len);
    return out;
}

/* The explain view of `html` through the API. */
static char *explain_page(const char *html, size_t len)
{
    pith_doc *d = extract(html, len, 1);
    char *out = render(d, PITH_FORMAT_EXPLAIN);
    pith_doc_free(d);
    return out;
}

static htmlDocPtr parse(const char *out)
{
    htmlDocPtr doc = htmlReadMemory(out, (int)strlen(out), "explain.html", "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    ck_assert_ptr_nonnull(doc);
    return doc;
}

static int has_class(xmlNodePtr n, const char *token)
{
    xmlChar *c = xmlGetProp(n, (const xmlChar *)"class");
    int yes = 0;
    if (c) {
        size_t t = strlen(token);
        for (const char *p = (const char *)c; *p;) {
            while (*p == ' ')
                p++;
            size_t l = strcspn(p, " ");
            if (l == t && !strncmp(p, token, t))
                yes = 1;
            p += l;
        }
    }
    xmlFree(c);
    return yes;
}

static xmlNodePtr next_node(xmlNodePtr n, xmlNodePtr root)
{
    if (n->children)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

/* A row's cell or text element with class `cls`. */
static xmlNodePtr find_class(xmlNodePtr row, const char *cls)
{
    for (xmlNodePtr n = row->children; n; n = next_node(n, row))
        if (n->type == XML_ELEMENT_NODE && has_class(n, cls))
            return n;
    return NULL;
}

/* The rows of the block table: the texts of the kept ones (not images)
 * joined by newlines, each ended by one, as the text output writes them;
 * every dropped row must give a reason. Returns the number of rows. */
static size_t read_rows(htmlDocPtr doc, pi_buf *kept)
{
    size_t rows = 0;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr n = root; n; n = next_node(n, root)) {
        if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "tr") ||
            !has_class(n, "b"))
            continue;
        xmlNodePtr t = find_class(n, "t");
        if (!t || !find_class(n, "why"))
            continue; /* the legend's and candidates' rows */
        rows++;
        if (has_class(n, "kept") && !has_class(t, "img")) {
            xmlChar *s = xmlNodeGetContent(t);
            pi_buf_puts(kept, (const char *)s);
            pi_buf_putc(kept, '\n');
            xmlFree(s);
        } else if (!has_class(n, "kept")) {
            xmlChar *why = xmlNodeGetContent(find_class(n, "why"));
            ck_assert_msg(why && *why, "a dropped row without a reason");
            xmlFree(why);
        }
    }
    return rows;
}

/* The explain view of a page agrees with the page's extraction: the text
 * and every format are the same with and without the option, and the kept
 * rows, in order, are the text. */
static void check_agrees(const char *html, size_t len, const char *label)
{
    pith_doc *plain = extract(html, len, 0), *ex = extract(html, len, 1);
    ck_assert_uint_eq(pith_doc_text_length(plain), pith_doc_text_length(ex));
    ck_assert_msg(!strcmp(pith_doc_text(plain), pith_doc_text(ex)), "%s: the text changed", label);
    static const pith_format formats[] = {PITH_FORMAT_MARKDOWN, PITH_FORMAT_HTML, PITH_FORMAT_JSON};
    for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++) {
        char *a = render(plain, formats[k]), *b = render(ex, formats[k]);
        ck_assert_msg(!strcmp(a, b), "%s: format %d changed", label, (int)formats[k]);
        pith_free(a);
        pith_free(b);
    }
    char *out = render(ex, PITH_FORMAT_EXPLAIN);
    htmlDocPtr doc = parse(out);
    pi_buf kept;
    pi_buf_init(&kept);
    read_rows(doc, &kept);
    ck_assert_msg(!strcmp(kept.data ? kept.data : "", pith_doc_text(ex)),
                  "%s: the kept rows are not the text:\n%s\n---\n%s", label,
                  kept.data ? kept.data : "", pith_doc_text(ex));
    pi_buf_free(&kept);
    xmlFreeDoc(doc);
    pith_free(out);
    pith_doc_free(plain);
    pith_doc_free(ex);
}

START_TEST(option_and_format)
{
    long long lo = -1, hi = -1;
    ck_assert_int_eq(pith_option_bounds(PITH_OPT_EXPLAIN, &lo, &hi), PITH_OK);
    ck_assert_int_eq(lo, 0);
    ck_assert_int_eq(hi, 1);
    pith_options *o = pith_options_new();
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_EXPLAIN, 2), PITH_ERR_OPTION_VALUE);
    ck_assert_int_eq(pith_options_set_string(o, PITH_OPT_EXPLAIN, "1"), PITH_ERR_OPTION_VALUE);
    pith_options_free(o);

    /* Without the option there is nothing to explain. */
    pith_doc *d = extract(PAGE, sizeof PAGE - 1, 0);
    char *out = (char *)PAGE;
    size_t len = 1;
    ck_assert_int_eq(pith_doc_render(d, PITH_FORMAT_EXPLAIN, NULL, &out, &len),
                     PITH_ERR_INVALID_ARGUMENT);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(len, 0);
    pith_doc_free(d);

    /* JSON's content member is not an explain view. */
    o = pith_options_new();
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_JSON_CONTENT, PITH_FORMAT_EXPLAIN),
                     PITH_ERR_OPTION_VALUE);
    pith_options_free(o);

    out = explain_page(PAGE, sizeof PAGE - 1);
    ck_assert(!strncmp(out, "<!DOCTYPE html>", 15));
    ck_assert_ptr_nonnull(strstr(out, "</html>\n"));
    pith_free(out);
}
END_TEST

START_TEST(same_extraction)
{
    check_agrees(PAGE, sizeof PAGE - 1, "page");
    check_agrees(HOSTILE, sizeof HOSTILE - 1, "hostile");
    check_agrees("", 0, "empty");
    check_agrees("<p>", 3, "one tag");
    check_agrees("just text, no markup at all", 27, "text");
    size_t len;
    char *seed = pi_test_read(PITH_SHARED "/seed/ctech-azure-review.html", &len);
    if (seed) {
        check_agrees(seed, len, "seed");
        free(seed);
    }
}
END_TEST

/* Every page of every dataset (slow). */
START_TEST(same_extraction_corpus)
{
    static const char *const sets[] = {"readability", "trafilatura", "wcxb-dev", "wcxb-val"};
    size_t pages = 0;
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
        char dir[512];
        snprintf(dir, sizeof dir, "%s/%s", PITH_CORPUS, sets[s]);
        DIR *d = opendir(dir);
        ck_assert_msg(d != NULL, "no corpus at %s", dir);
        struct dirent *e;
        while ((e = readdir(d))) {
            size_t n = strlen(e->d_name);
            if (n < 6 || strcmp(e->d_name + n - 5, ".html"))
                continue;
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            size_t len;
            char *html = pi_test_read(path, &len);
            ck_assert_ptr_nonnull(html);
            check_agrees(html, len, path);
            free(html);
            pages++;
        }
        closedir(d);
    }
    printf("test_explain: %zu corpus pages agree\n", pages);
}
END_TEST

/* The reasons are recorded where the rules decide (the rules alone). */
START_TEST(rules_reasons)
{
    traced x;
    traced_run_explained(&x, PAGE, NULL, 0.0f, 1);
    const pi_choice *c = &x.t.choice;
    ck_assert_ptr_nonnull(c->why);
    ck_assert_int_eq(x.r.layer, PI_LAYER_SCORE);
    pi_node *byline = traced_node(&x, "div", NULL);
    (void)byline;
    pi_dom *root = pi_tree_root(x.t.tree);
    int seen_name = 0, seen_tag = 0, seen_byline = 0, seen_headline = 0, seen_tail = 0;
    for (pi_dom *n = root; n; n = pi_next(n, root, 0)) {
        pi_node *r = pi_stats_of(&x.t.stats, n);
        if (!r)
            continue;
        size_t i = (size_t)(r - x.t.stats.nodes);
        const char *cls = pi_attr(n, "class");
        if (cls && !strcmp(cls, "share-bar"))
            seen_name = c->why[i] == PI_WHY_NAME && c->drop[i] == PI_DROP_FURNITURE;
        if (cls && !strcmp(cls, "inline-nav"))
            seen_tag = c->why[i] == PI_WHY_TAG;
        if (cls && !strcmp(cls, "byline"))
            seen_byline = c->why[i] == PI_WHY_BYLINE && c->drop[i] == PI_DROP_BYLINE;
        if (!strcmp(pi_dom_name(n), "h1"))
            seen_headline = c->why[i] == PI_WHY_HEADLINE;
        if (!strcmp(pi_dom_name(n), "p") && r->words == 2)
            seen_tail = c->why[i] == PI_WHY_TAIL;
    }
    ck_assert(seen_name);
    ck_assert(seen_tag);
    ck_assert(seen_byline);
    ck_assert(seen_headline);
    ck_assert(seen_tail);

    pi_explain_facts f = {&x.r, &x.t, "score", PI_LEARNED_BETA2};
    size_t len;
    char *out = pi_render_explain(&f, &len);
    ck_assert_ptr_nonnull(out);
    static const char *const says[] = {
        "name: class &quot;share-bar&quot;",
        "furniture element &lt;nav&gt;",
        "byline: class &quot;byline&quot;, 3 words &lt; 30",
        "the headline, repeated (the title)",
        "tail trim",
        "outside the chosen container",
        "in the winner ",
        "<td>winner</td>",
    };
    for (size_t k = 0; k < sizeof says / sizeof says[0]; k++)
        ck_assert_msg(strstr(out, says[k]), "no \"%s\"", says[k]);
    /* The comment is outside the article and coloured as one. */
    ck_assert_ptr_nonnull(strstr(out, "<tr class=\"b comment r40\""));
    free(out);

    /* Without explaining, nothing is recorded, and the renderer refuses. */
    traced y;
    traced_run_rules(&y, PAGE);
    ck_assert_ptr_null(y.t.choice.why);
    ck_assert_ptr_null(y.t.choice.prob);
    ck_assert_int_eq(memcmp(x.t.choice.drop, y.t.choice.drop, x.t.stats.n), 0);
    ck_assert_str_eq(x.r.text, y.r.text);
    pi_explain_facts g = {&y.r, &y.t, "score", PI_LEARNED_BETA2};
    ck_assert_ptr_null(pi_render_explain(&g, &len));
    traced_end(&y);
    traced_end(&x);
}
END_TEST

/* The learned layer's reasons: the model's probability of every text
 * block, and the rules' verdict beside it. */
START_TEST(learned_reasons)
{
    traced x;
    traced_run_explained(&x, PAGE, NULL, PI_LEARNED_BETA2, 1);
    ck_assert_int_eq(x.r.layer, PI_LAYER_LEARNED);
    const pi_choice *c = &x.t.choice;
    ck_assert_ptr_nonnull(c->prob);
    ck_assert_ptr_nonnull(x.t.article.rules.why);
    size_t judged = 0;
    for (size_t i = 0; i < x.t.stats.n; i++) {
        if (c->why[i] != PI_WHY_MODEL)
            continue;
        judged++;
        ck_assert(c->prob[i] > 0.0f && c->prob[i] < 1.0f);
        ck_assert_int_eq(c->mute[i], c->prob[i] < x.t.article.cut);
    }
    ck_assert_uint_ge(judged, 5);
    /* The page's cut: between the surest and the least sure block. */
    ck_assert(x.t.article.cut > 0.0f && x.t.article.cut < 1.0f);
    pi_explain_facts f = {&x.r, &x.t, "learned", x.t.article.cut};
    size_t len;
    char *out = pi_render_explain(&f, &len);
    ck_assert_ptr_nonnull(out);
    pi_buf cut = {0};
    pi_put_fixed(&cut, x.t.article.cut, 2);
    char kept[64], dropped[64];
    snprintf(kept, sizeof kept, "&gt;= %.*s; rules: kept", (int)cut.len, cut.data);
    snprintf(dropped, sizeof dropped, "&lt; %.*s; rules: ", (int)cut.len, cut.data);
    pi_buf_free(&cut);
    ck_assert_ptr_nonnull(strstr(out, kept));
    ck_assert_ptr_nonnull(strstr(out, dropped));
    ck_assert_ptr_nonnull(strstr(out, "(page model: article "));
    free(out);
    traced_end(&x);
}
END_TEST

/* A code table (tests/data/codetable): the kept rows are the text, the
 * code's lines are its one block, the gutter is dropped as line numbers. */
START_TEST(code_tables)
{
    static const char *const names[] = {"gutter-pre", "line-divs", "line-breaks"};
    char path[1024];
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        size_t len = 0;
        snprintf(path, sizeof path, "%s/codetable/%s.html", PITH_TEST_DATA, names[k]);
        char *html = pi_test_read(path, &len);
        ck_assert_msg(html != NULL, "no page at %s", path);
        check_agrees(html, len, names[k]);
        char *out = explain_page(html, len);
        ck_assert_msg(strstr(out, "dropped: line numbers beside a code listing") != NULL,
                      "%s: no gutter reason", names[k]);
        pith_free(out);
        free(html);
    }
}
END_TEST

/* A page type the caller gives is shown as such, not as the page model's
 * probabilities. */
START_TEST(given_page_type)
{
    pith_options *o = pith_options_new();
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_EXPLAIN, 1), PITH_OK);
    ck_assert_int_eq(pith_options_set_string(o, PITH_OPT_PAGE_TYPE, "forum"), PITH_OK);
    pith_doc *d = NULL;
    ck_assert_int_eq(pith_extract(PAGE, strlen(PAGE), o, &d), PITH_OK);
    char *out = render(d, PITH_FORMAT_EXPLAIN);
    ck_assert_ptr_nonnull(strstr(out, "<dt>page type</dt><dd>forum (given by the caller)</dd>"));
    ck_assert_ptr_null(strstr(out, "(page model:"));
    pith_free(out);
    pith_doc_free(d);
    pith_options_free(o);
}
END_TEST

/* Attributes the view may write: none takes a URL, none is a handler. */
static int allowed_attribute(const char *name)
{
    static const char *const ok[] = {"class",   "id",         "title", "type",    "name",
                                     "checked", "for",        "lang",  "charset", "content",
                                     "colspan", "http-equiv", "open",  NULL};
    for (int k = 0; ok[k]; k++)
        if (!strcmp(name, ok[k]))
            return 1;
    return 0;
}

START_TEST(hostile_loads_nothing)
{
    char *out = explain_page(HOSTILE, sizeof HOSTILE - 1);
    htmlDocPtr doc = parse(out);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    int csp = 0, styles = 0;
    for (xmlNodePtr n = root; n; n = next_node(n, root)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)n->name;
        static const char *const banned[] = {"script", "iframe", "object", "embed",  "img",
                                             "link",   "base",   "form",   "svg",    "image",
                                             "a",      "video",  "audio",  "source", NULL};
        for (int k = 0; banned[k]; k++)
            ck_assert_msg(strcmp(name, banned[k]), "a <%s> element", name);
        styles += !strcmp(name, "style");
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            const char *an = (const char *)a->name;
            ck_assert_msg(allowed_attribute(an), "<%s %s=...>", name, an);
            if (!strcmp(an, "http-equiv")) {
                xmlChar *v = xmlGetProp(n, a->name);
                ck_assert_str_eq((const char *)v, "Content-Security-Policy");
                xmlFree(v);
                xmlChar *policy = xmlGetProp(n, (const xmlChar *)"content");
                ck_assert_ptr_nonnull(strstr((const char *)policy, "default-src 'none'"));
                ck_assert_ptr_nonnull(strstr((const char *)policy, "script-src 'none'"));
                xmlFree(policy);
                csp++;
            }
        }
    }
    ck_assert_int_eq(csp, 1);
    ck_assert_int_eq(styles, 1);
    /* The page's text is there, escaped. */
    ck_assert_ptr_nonnull(strstr(out,
                                 "&lt;script&gt;alert(5)&lt;/script&gt; and &quot;quotes&quot; "
                                 "and &#39;apostrophes&#39;"));
    ck_assert_ptr_null(strstr(out, "<script"));
    ck_assert_ptr_null(strstr(out, "url(https://evil"));
    /* Its URLs only as text. */
    ck_assert_ptr_nonnull(strstr(out, "https://evil.example/p.png"));
    xmlFreeDoc(doc);
    pith_free(out);
}
END_TEST

START_TEST(deterministic)
{
    char *a = explain_page(PAGE, sizeof PAGE - 1), *b = explain_page(PAGE, sizeof PAGE - 1);
    ck_assert_str_eq(a, b);
    pith_free(a);
    pith_free(b);
}
END_TEST

/* When the declared articleBody replaces the markup, the view says so. */
START_TEST(declared_body)
{
    pi_buf page;
    pi_buf_init(&page);
    pi_buf_puts(&page, "<html><head><script type=application/ld+json>{\"@type\":\"NewsArticle\","
                       "\"headline\":\"Rain\",\"articleBody\":\"");
    for (int i = 0; i < 40; i++)
        pi_buf_puts(&page, "It rained all day in the valley and the river rose. ");
    pi_buf_puts(&page, "\"}</script></head><body><div><a href=/a>One</a> <a href=/b>Two</a> "
                       "<a href=/c>Three</a></div><p>Subscribe to read.</p></body></html>");
    pith_doc *d = extract(page.data, page.len, 1);
    ck_assert_str_eq(pith_doc_get(d, PITH_FIELD_LAYER, 0), "json-ld");
    char *out = render(d, PITH_FORMAT_EXPLAIN);
    ck_assert_ptr_nonnull(strstr(out, "replaced by the page&#39;s declared articleBody"));
    ck_assert_ptr_nonnull(strstr(out, "<td class=\"el\">articleBody</td>"));
    pith_free(out);
    pith_doc_free(d);
    check_agrees(page.data, page.len, "declared");
    pi_buf_free(&page);
}
END_TEST

START_TEST(why_text)
{
    pi_buf b;
    pi_buf_init(&b);
    pi_put_fixed(&b, 0.825, 2);
    pi_buf_putc(&b, ' ');
    pi_put_fixed(&b, -3.14159, 3);
    pi_buf_putc(&b, ' ');
    pi_put_fixed(&b, 12.0, 0);
    pi_buf_putc(&b, ' ');
    pi_put_fixed(&b, 0.04, 1);
    ck_assert_str_eq(b.data, "0.83 -3.142 12 0.0");
    pi_buf_free(&b);
    for (int w = PI_WHY_TAG; w <= PI_WHY_NO_WORDS; w++)
        ck_assert_msg(*pi_why_name(w), "reason %d has no name", w);
    ck_assert_str_eq(pi_why_name(PI_WHY_NONE), "");
    ck_assert_str_eq(pi_why_name(200), "");
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, option_and_format);
    PI_CASE(s, same_extraction);
    PI_CASE_SLOW(s, same_extraction_corpus, 900);
    PI_CASE(s, rules_reasons);
    PI_CASE(s, learned_reasons);
    PI_CASE(s, given_page_type);
    PI_CASE(s, code_tables);
    PI_CASE(s, hostile_loads_nothing);
    PI_CASE(s, deterministic);
    PI_CASE(s, declared_body);
    PI_CASE(s, why_text);
}

PI_SUITE_MAIN("explain", add)

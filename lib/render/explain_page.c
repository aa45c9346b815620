/* explain_page.c - the explain view's frame: the head with its
 * Content-Security-Policy and style sheet, the page's facts, the filters
 * (radio buttons and checkboxes the style sheet reads: no script), the
 * legend and the candidates the rules scored. The blocks themselves are
 * render_explain.c's. */
#include "render/explain.h"

#include "base/text.h"
#include "extract/learned.h"
#include "extract/why.h"
#include "tree/dom.h"

#include <stdlib.h>
#include <string.h>

/* Candidates listed, by score. */
#define MAX_CANDIDATES 15
/* Bytes of class or id in an element's label. */
#define LABEL_NAME_BYTES 40

/* The style sheet, and its SHA-256 for the Content-Security-Policy (a test,
 * tests/test-explain.sh, recomputes it: change both together). */
#define FILTER(n)                                                                               \
    "#f" #n ":checked~main tr.b:not(.r" #n "){display:none}#f" #n ":checked~nav label[for=f" #n \
    "]{background:#333;color:#fff}"
static const char STYLE[] =
    "body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222;background:#fff}"
    "header,nav,section{padding:6px 14px}"
    "header h1{font-size:18px;margin:4px 0}"
    "dl.facts{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:1px 12px;"
    "margin:4px 0}"
    "dl.facts dt{font-weight:600;color:#555}dl.facts dd{margin:0;overflow-wrap:anywhere}"
    "nav{position:sticky;top:0;background:#f4f4f4;border-bottom:1px solid #ccc;z-index:1}"
    "nav label{display:inline-block;margin:2px 4px 2px 0;padding:1px 7px;border:1px solid #bbb;"
    "border-radius:9px;cursor:pointer;background:#fff}"
    "input.f{position:absolute;opacity:0;pointer-events:none}"
    "#fall:checked~nav label[for=fall],#fkept:checked~nav label[for=fkept],"
    "#fdropped:checked~nav label[for=fdropped],#fcomment:checked~nav label[for=fcomment]"
    "{background:#333;color:#fff}"
    "#fkept:checked~main tr.b:not(.kept),#fdropped:checked~main tr.b.kept,"
    "#fcomment:checked~main tr.b:not(.comment){display:none}" FILTER(1) FILTER(2) FILTER(3) FILTER(
        4) FILTER(5) FILTER(6) FILTER(7) FILTER(8) FILTER(9) FILTER(10) FILTER(11) FILTER(12)
        FILTER(13) FILTER(14) FILTER(15) FILTER(16) FILTER(17) FILTER(18) FILTER(19) FILTER(20)
            FILTER(21) FILTER(22) FILTER(40) FILTER(41) FILTER(42) FILTER(
                43) "#cwhy:not(:checked)~main .why,#cst:not(:checked)~main .n{display:none}"
                    ".legend span{display:inline-block;padding:0 6px;margin-right:6px}"
                    "table{border-collapse:collapse}"
                    "table.blocks{width:100%;table-layout:auto}"
                    "th{text-align:left;background:#eee;font-weight:600;padding:2px 6px}"
                    "td{vertical-align:top;padding:2px 6px;border-bottom:1px solid #e4e4e4}"
                    "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;color:#444}"
                    "td.el{font:12px ui-monospace,monospace;color:#555;white-space:nowrap;max-width:16em;"
                    "overflow:hidden;text-overflow:ellipsis}"
                    "td.why{font-size:12px;color:#333;min-width:16em;max-width:26em}"
                    ".t{white-space:pre-wrap;overflow-wrap:anywhere}"
                    "tr.kept{background:#e3f6e1}tr.dropped{background:#fbe3e1;color:#666}"
                    "tr.comment{background:#ece3fb;color:#555}"
                    "tr.top td.tx{border-left:4px solid #2b6cd4}"
                    ".h{font-weight:700;font-size:1.15em}.pre{font-family:ui-monospace,monospace;font-size:12px}"
                    ".li::before{content:'\\2022  '}.row{font-family:ui-monospace,monospace;font-size:12px}"
                    ".img{font-style:italic;color:#555}.cap{font-style:italic}"
                    "tr.g td{background:#ddd;font-weight:600}"
                    ".d1{padding-left:12px}.d2{padding-left:22px}.d3{padding-left:32px}.d4{padding-left:42px}"
                    ".d5{padding-left:52px}.d6{padding-left:62px}.d7{padding-left:72px}.d8{padding-left:82px}"
                    ".d9{padding-left:92px}.d10{padding-left:102px}.d11{padding-left:112px}"
                    ".d12{padding-left:122px}"
                    "details{margin:4px 0}summary{cursor:pointer;font-weight:600}";
static const char STYLE_HASH[] = "sha256-KMc/qwkIZz6reW43+mfacFC8xz2kSZW/P5TmtghPcB8=";

void pi_explain_esc(pi_buf *b, const char *s, size_t n)
{
    pi_html_escape(b, s, n, PI_ESC_QUOT | PI_ESC_APOS);
}

void pi_explain_esc_str(pi_buf *b, const char *s)
{
    if (s)
        pi_explain_esc(b, s, strlen(s));
}

/* Escape the contents of `tmp` into b and empty it. */
void pi_explain_esc_buf(pi_buf *b, pi_buf *tmp)
{
    if (tmp->oom)
        b->oom = 1;
    if (tmp->len)
        pi_explain_esc(b, tmp->data, tmp->len);
    tmp->len = 0;
    if (tmp->data)
        tmp->data[0] = '\0';
}

static void put_uint(pi_buf *b, unsigned long v)
{
    pi_put_fixed(b, (double)v, 0);
}

/* "div#main.article-body", the name cut short. */
void pi_explain_label(pi_buf *b, const pi_node *r)
{
    pi_buf_puts(b, pi_dom_name(r->node));
    const char *v[2] = {pi_attr(r->node, "id"), pi_attr(r->node, "class")};
    for (int k = 0; k < 2; k++) {
        if (!v[k] || !*v[k])
            continue;
        pi_buf_putc(b, k ? '.' : '#');
        size_t n = strlen(v[k]), cut = n > LABEL_NAME_BYTES ? LABEL_NAME_BYTES : n;
        while (cut < n && cut && ((unsigned char)v[k][cut] & 0xC0) == 0x80)
            cut--;
        for (size_t i = 0; i < cut; i++)
            pi_buf_putc(b, pi_is_html_space((unsigned char)v[k][i]) ? '.' : v[k][i]);
        if (cut < n)
            pi_buf_puts(b, "...");
    }
}

/* ---- the header ----------------------------------------------------------- */

static void fact(pi_buf *b, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    pi_buf_puts(b, "<dt>");
    pi_buf_puts(b, name);
    pi_buf_puts(b, "</dt><dd>");
    pi_explain_esc_str(b, value);
    pi_buf_puts(b, "</dd>\n");
}

static void fact_list(pi_buf *b, const char *name, char *const *v, size_t n)
{
    if (!n)
        return;
    pi_buf_puts(b, "<dt>");
    pi_buf_puts(b, name);
    pi_buf_puts(b, "</dt><dd>");
    for (size_t i = 0; i < n; i++) {
        if (i)
            pi_buf_puts(b, "; ");
        pi_explain_esc_str(b, v[i]);
    }
    pi_buf_puts(b, "</dd>\n");
}

static void header(pi_explain *x, const pi_explain_facts *f)
{
    pi_buf *b = x->b;
    const pi_meta *m = &x->r->meta;
    const pi_trace *t = f->t;
    pi_buf_puts(b, "<header><h1>pith explain: ");
    pi_explain_esc_str(b, m->title && *m->title ? m->title : "(no title)");
    pi_buf_puts(b, "</h1>\n<dl class=\"facts\">\n");
    fact(b, "title", m->title);
    fact(b, "headline", m->headline);
    fact_list(b, "authors", m->authors, m->n_authors);
    fact(b, "published", m->published);
    fact(b, "modified", m->modified);
    fact(b, "site name", m->site_name);
    fact(b, "description", m->description);
    fact(b, "language", m->lang);
    fact(b, "direction", m->dir);
    fact(b, "URL", m->canonical_url);
    fact(b, "image", m->image);
    fact_list(b, "tags", m->tags, m->n_tags);
    pi_buf_puts(b, "<dt>encoding</dt><dd>");
    pi_explain_esc_str(b, x->r->encoding);
    pi_buf_puts(b, " (source: ");
    pi_explain_esc_str(b, x->r->encoding_source ? x->r->encoding_source : "none");
    pi_buf_puts(b, ")</dd>\n<dt>page type</dt><dd>");
    pi_explain_esc_str(b, m->page_type && *m->page_type ? m->page_type : "other");
    if (t->article.given) {
        pi_buf_puts(b, " (given by the caller)");
    } else if (t->article.typed) {
        pi_buf_puts(b, " (page model:");
        for (int k = 0; k < PI_N_PAGE_TYPES; k++) {
            pi_buf_puts(b, k ? ", " : " ");
            pi_buf_puts(b, pi_page_type_names[k]);
            pi_buf_putc(b, ' ');
            pi_put_fixed(b, t->article.page_types[k], 2);
        }
        pi_buf_puts(b, ")");
    }
    pi_buf_puts(b, "</dd>\n<dt>layer</dt><dd>");
    pi_explain_esc_str(b, f->layer ? f->layer : "none");
    if (x->learned) {
        pi_buf_puts(b, " (every text block judged by the block model, kept from p &gt;= ");
        pi_put_fixed(b, x->threshold, 2);
        pi_buf_puts(b, ")");
    }
    pi_buf_puts(b, "</dd>\n<dt>words</dt><dd>");
    put_uint(b, x->r->words);
    pi_buf_puts(b, " kept / ");
    put_uint(b, x->st->n ? x->st->nodes[0].words : 0);
    pi_buf_puts(b, " on the page</dd>\n<dt>blocks</dt><dd>");
    put_uint(b, x->kept);
    pi_buf_puts(b, " kept, ");
    put_uint(b, x->dropped);
    pi_buf_puts(b, " left out (");
    put_uint(b, x->comments);
    pi_buf_puts(b, " in comments)</dd>\n</dl></header>\n");
}

/* The radio buttons and checkboxes the style sheet filters by; they come
 * before <main> so that sibling selectors reach it. */
static void filter_inputs(pi_explain *x)
{
    pi_buf *b = x->b;
    pi_buf_puts(b, "<input class=\"f\" type=\"radio\" name=\"show\" id=\"fall\" checked>"
                   "<input class=\"f\" type=\"radio\" name=\"show\" id=\"fkept\">"
                   "<input class=\"f\" type=\"radio\" name=\"show\" id=\"fdropped\">"
                   "<input class=\"f\" type=\"radio\" name=\"show\" id=\"fcomment\">\n");
    for (int code = 1; code < 64; code++) {
        if (!x->counts[code])
            continue;
        pi_buf_puts(b, "<input class=\"f\" type=\"radio\" name=\"show\" id=\"f");
        put_uint(b, (unsigned long)code);
        pi_buf_puts(b, "\">");
    }
    pi_buf_puts(b, "\n<input class=\"f\" type=\"checkbox\" id=\"cwhy\" checked>"
                   "<input class=\"f\" type=\"checkbox\" id=\"cst\" checked>\n");
}

static const char *code_name(int code)
{
    switch (code) {
    case PI_R_OUTSIDE:
        return "outside the container";
    case PI_R_DECLARED:
        return "replaced by articleBody";
    case PI_R_UNWRITTEN:
        return "not written";
    case PI_R_DROPPED:
        return "dropped";
    default:
        return pi_why_name(code);
    }
}

static void label_for(pi_buf *b, const char *id, const char *text, unsigned long count)
{
    pi_buf_puts(b, "<label for=\"");
    pi_buf_puts(b, id);
    pi_buf_puts(b, "\">");
    pi_buf_puts(b, text);
    pi_buf_puts(b, " (");
    put_uint(b, count);
    pi_buf_puts(b, ")</label>");
}

static void filters(pi_explain *x)
{
    pi_buf *b = x->b;
    pi_buf_puts(b, "<nav><b>Show:</b> ");
    label_for(b, "fall", "all", (unsigned long)x->kept + x->dropped);
    label_for(b, "fkept", "kept", x->kept);
    label_for(b, "fdropped", "dropped", x->dropped);
    label_for(b, "fcomment", "comments", x->comments);
    pi_buf_puts(b, " <b>by reason:</b> ");
    for (int code = 1; code < 64; code++) {
        if (!x->counts[code])
            continue;
        char id[8] = "f";
        int n = 1;
        if (code >= 10)
            id[n++] = (char)('0' + code / 10);
        id[n++] = (char)('0' + code % 10);
        id[n] = '\0';
        label_for(b, id, code_name(code), x->counts[code]);
    }
    pi_buf_puts(b, " <b>columns:</b> <label for=\"cwhy\">reasons</label>"
                   "<label for=\"cst\">statistics</label></nav>\n");
}

static void legend(pi_buf *b)
{
    pi_buf_puts(b, "<section><details open><summary>Legend</summary><table class=\"legend\">"
                   "<tr class=\"b kept\"><td class=\"tx\">kept</td><td>the block's text is in "
                   "the output, as the text format writes it</td></tr>"
                   "<tr class=\"b dropped\"><td class=\"tx\">dropped</td><td>left out, with the "
                   "rule or model decision that left it out</td></tr>"
                   "<tr class=\"b comment\"><td class=\"tx\">comment</td><td>left out, inside "
                   "an element named like comments</td></tr>"
                   "<tr class=\"b top\"><td class=\"tx\">in the winner</td><td>inside the "
                   "container the rules chose (blue edge)</td></tr>"
                   "</table><p>Columns: the element (tag#id.class), the text, its words, link "
                   "density (share of its words in links), text density (characters per "
                   "element in its subtree), score (the block model's probability when the "
                   "learned layer decided, else the rules' candidate score), and the reason. "
                   "Hover a row for the same in one line. The filters need no script. "
                   "Scripts, styles, hidden elements and comments were removed before "
                   "extraction and are not shown. Nothing of the page is loaded or run here: "
                   "its URLs are text.</p></details></section>\n");
}

/* The candidates the rules scored, best first, and their attempts. */
typedef struct cand {
    float score;
    int32_t i;
} cand;

static int cand_cmp(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

static int is_root(const pi_choice *c, int32_t i)
{
    for (size_t k = 0; k < c->n; k++)
        if (c->roots[k] == i)
            return 1;
    return 0;
}

static void candidates(pi_explain *x, const pi_explain_facts *f)
{
    pi_buf *b = x->b;
    const pi_choice *c = x->rc;
    const pi_stats *st = x->st;
    pi_buf tmp;
    pi_buf_init(&tmp);
    pi_buf_puts(b, "<section><details open><summary>The rules' choice</summary>\n");
    if (x->learned)
        pi_buf_puts(b, "<p>The learned layer decided; the rules' choice below is part of its "
                       "evidence (each row's reason says what the rules did with it).</p>\n");
    const pi_article_out *a = &f->t->article;
    pi_buf_puts(b, "<table><tr><th>attempt</th><th>winner</th><th>words kept</th><th></th></tr>\n");
    for (int k = 0; k < a->n_attempts; k++) {
        const pi_attempt *at = &a->attempts[k];
        pi_buf_puts(b, "<tr><td>");
        pi_buf_puts(b, !at->flags                ? "strict"
                       : at->flags & PI_NO_NAMES ? "relaxed, without names"
                                                 : "relaxed");
        pi_buf_puts(b, "</td><td>");
        if (at->top >= 0 && (size_t)at->top < st->n)
            pi_explain_label(&tmp, &st->nodes[at->top]);
        else
            pi_buf_puts(&tmp, "(none scored: the body)");
        pi_explain_esc_buf(b, &tmp);
        pi_buf_puts(b, "</td><td class=\"n\">");
        put_uint(b, at->words);
        pi_buf_puts(b, "</td><td>");
        pi_buf_puts(b, at->taken ? "taken" : "");
        pi_buf_puts(b, "</td></tr>\n");
    }
    pi_buf_puts(b, "</table>\n");
    size_t n = 0;
    cand *list = NULL;
    if (c->n_nodes) {
        for (size_t i = 0; i < st->n; i++)
            n += c->candidate[i] != 0;
        list = malloc((n ? n : 1) * sizeof *list);
        if (!list) {
            b->oom = 1;
            n = 0;
        }
        size_t j = 0;
        for (size_t i = 0; list && i < st->n; i++)
            if (c->candidate[i])
                list[j++] = (cand){c->score[i], (int32_t)i};
        if (n)
            qsort(list, n, sizeof *list, cand_cmp);
    }
    pi_buf_puts(b, "<table><tr><th>#</th><th>candidate</th><th>words</th><th>link "
                   "density</th><th>score</th><th>outcome</th></tr>\n");
    for (size_t k = 0; k < n && k < MAX_CANDIDATES; k++) {
        const pi_node *r = &st->nodes[list[k].i];
        int won = list[k].i == c->top && !c->fallback;
        pi_buf_puts(b, won ? "<tr class=\"b kept top\"><td>" : "<tr><td>");
        put_uint(b, (unsigned long)k + 1);
        pi_buf_puts(b, "</td><td class=\"el\">");
        pi_explain_label(&tmp, r);
        pi_explain_esc_buf(b, &tmp);
        pi_buf_puts(b, "</td><td class=\"n\">");
        put_uint(b, r->words);
        pi_buf_puts(b, "</td><td class=\"n\">");
        pi_put_fixed(b, pi_link_density(r), 2);
        pi_buf_puts(b, "</td><td class=\"n\">");
        pi_put_fixed(b, list[k].score, 1);
        pi_buf_puts(b, "</td><td>");
        pi_buf_puts(b, won                     ? "winner"
                       : is_root(c, list[k].i) ? "chosen beside the winner"
                                               : "lost");
        pi_buf_puts(b, "</td></tr>\n");
    }
    if (!n)
        pi_buf_puts(b, "<tr><td colspan=\"6\">no candidate scored</td></tr>\n");
    else if (n > MAX_CANDIDATES) {
        pi_buf_puts(b, "<tr><td colspan=\"6\">and ");
        put_uint(b, (unsigned long)(n - MAX_CANDIDATES));
        pi_buf_puts(b, " more</td></tr>\n");
    }
    pi_buf_puts(b, "</table>\n<p>Chosen subtrees, in page order: ");
    for (size_t k = 0; c->n_nodes && k < c->n; k++) {
        if (k)
            pi_buf_puts(b, ", ");
        pi_explain_label(&tmp, &st->nodes[c->roots[k]]);
        pi_explain_esc_buf(b, &tmp);
        if (c->roots[k] == c->top)
            pi_buf_puts(b, " (winner)");
    }
    if (c->fallback)
        pi_buf_puts(b, " (no candidate scored: the body)");
    pi_buf_puts(b, "</p></details></section>\n");
    free(list);
    if (tmp.oom)
        b->oom = 1;
    pi_buf_free(&tmp);
}

void pi_explain_head(pi_explain *x, const pi_explain_facts *f)
{
    pi_buf_puts(x->b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                      "'none'; style-src '");
    pi_buf_puts(x->b, STYLE_HASH);
    pi_buf_puts(x->b, "'; script-src 'none'; img-src 'none'; base-uri 'none'; form-action "
                      "'none'\">\n<meta name=\"referrer\" content=\"no-referrer\">\n"
                      "<meta name=\"generator\" content=\"pith explain\">\n<title>pith explain: ");
    pi_explain_esc_str(x->b, f->r->meta.title ? f->r->meta.title : "");
    pi_buf_puts(x->b, "</title>\n<style>");
    pi_buf_puts(x->b, STYLE);
    pi_buf_puts(x->b, "</style>\n</head>\n<body>\n");
    filter_inputs(x);
    header(x, f);
    filters(x);
}

void pi_explain_tail(pi_explain *x, const pi_explain_facts *f)
{
    candidates(x, f);
    legend(x->b);
    pi_buf_puts(x->b, "</body>\n</html>\n");
}

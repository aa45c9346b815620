/* render_html.c - the model as a small, well-formed, safe HTML fragment (or
 * page). Only structural elements; attributes are limited to href, src, alt
 * and a code block's language class; URLs are absolute and never script.
 * Void elements are written <br /> and <img ... />, so that the output is
 * also well-formed XML. */
#include "base/url.h"
#include "extract/comments.h"
#include "render/render.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void esc(pi_buf *b, const char *s, size_t n, int attr)
{
    pi_html_escape(b, s, n, attr ? PI_ESC_QUOT | PI_ESC_NL_SPACE : PI_ESC_NL_BR);
}

static void esc_str(pi_buf *b, const char *s, int attr)
{
    esc(b, s, strlen(s), attr);
}

/* The comments after the article: a section of nested lists, a reply in
 * the list inside its comment's item. */
static void comments(pi_buf *b, const pi_comments *c)
{
    pi_buf_puts(b, "<section class=\"comments\">\n<h2>" PI_COMMENTS_TITLE "</h2>\n<ol>\n");
    int open = -1; /* the depth of the comment whose item is open */
    for (size_t i = 0; i < c->n; i++) {
        const pi_comment *x = &c->items[i];
        /* A reply is one level under the comment before it, at most. */
        int depth = x->depth > open + 1 ? open + 1 : x->depth;
        if (open >= 0 && depth > open) {
            pi_buf_puts(b, "<ol>\n");
        } else if (open >= 0) {
            pi_buf_puts(b, "</li>\n");
            for (; open > depth; open--)
                pi_buf_puts(b, "</ol>\n</li>\n");
        }
        open = depth;
        pi_buf_puts(b, "<li>\n<p>");
        if (x->author) {
            pi_buf_puts(b, "<b>");
            esc_str(b, x->author, 0);
            pi_buf_puts(b, "</b>");
        }
        if (x->published) {
            pi_buf_puts(b, x->author ? " <time>" : "<time>");
            esc_str(b, x->published, 0);
            pi_buf_puts(b, "</time>");
        }
        pi_buf_puts(b, "</p>\n");
        for (const char *p = x->text; *p;) {
            const char *e = strchr(p, '\n');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            pi_buf_puts(b, "<p>");
            esc(b, p, n, 0);
            pi_buf_puts(b, "</p>\n");
            p += n + (e != NULL);
        }
    }
    if (open >= 0)
        pi_buf_puts(b, "</li>\n");
    for (; open > 0; open--)
        pi_buf_puts(b, "</ol>\n</li>\n");
    pi_buf_puts(b, "</ol>\n</section>\n");
}

/* Only URLs a reader can follow: web and mail ones, relative ones once
 * resolved. Browsers no longer open ftp:, and every other scheme is
 * refused rather than judged. */
static int safe_url(const char *u)
{
    return u && pi_url_has_scheme(u) && pi_render_url_safe(u);
}

static void h_text(pi_buf *b, const char *s, size_t n, void *ctx)
{
    (void)ctx;
    esc(b, s, n, 0);
}

/* ctx: the model (its base resolves links). */
static int h_open(pi_buf *b, const pi_block *blk, const pi_span *sp, void *ctx)
{
    (void)blk;
    switch (sp->kind) {
    case PI_SPAN_EM:
        pi_buf_puts(b, "<em>");
        return 1;
    case PI_SPAN_STRONG:
        pi_buf_puts(b, "<strong>");
        return 1;
    case PI_SPAN_CODE:
        pi_buf_puts(b, "<code>");
        return 1;
    case PI_SPAN_LINK: {
        const pi_model *m = ctx;
        char *url = pi_render_url(b, m->base, sp->url);
        int ok = safe_url(url);
        if (ok) {
            pi_buf_puts(b, "<a href=\"");
            esc_str(b, url, 1);
            pi_buf_puts(b, "\">");
        }
        free(url);
        return ok;
    }
    }
    return 0;
}

static void h_close(pi_buf *b, const pi_block *blk, const pi_span *sp, void *ctx)
{
    (void)blk;
    (void)ctx;
    static const char *const close[] = {"</em>", "</strong>", "</code>", "</a>"};
    pi_buf_puts(b, close[sp->kind]);
}

static const pi_inline_ops h_ops = {h_text, h_open, h_close, NULL};

typedef struct list_state {
    int depth; /* open lists */
    int ordered[64];
    int item_open[64];
} list_state;

static void close_lists(pi_buf *b, list_state *ls, int to)
{
    while (ls->depth > to) {
        int d = ls->depth - 1;
        if (d < 64 && ls->item_open[d])
            pi_buf_puts(b, "</li>\n");
        pi_buf_puts(b, d < 64 && ls->ordered[d] ? "</ol>\n" : "</ul>\n");
        ls->depth--;
    }
}

static void row(pi_buf *b, const pi_model *m, const pi_block *k, const pi_render_opts *o)
{
    const char *cell = k->header ? "th" : "td";
    size_t from = 0;
    pi_buf_puts(b, "<tr>");
    for (size_t i = 0; i <= k->len; i++) {
        if (i < k->len && k->text[i] != '\t')
            continue;
        pi_buf_putc(b, '<');
        pi_buf_puts(b, cell);
        pi_buf_putc(b, '>');
        pi_render_inlines(b, k, from, i, o, &h_ops, (void *)m);
        pi_buf_puts(b, "</");
        pi_buf_puts(b, cell);
        pi_buf_putc(b, '>');
        from = i + 1;
    }
    pi_buf_puts(b, "</tr>\n");
}

char *pi_render_html(const pi_model *m, const pi_render_opts *o, const char *title,
                     const char *lang, const char *dir, size_t *len)
{
    pi_buf b;
    pi_buf_init(&b);
    if (!o)
        o = &pi_render_defaults;
    if (o->standalone) {
        pi_buf_puts(&b, "<!DOCTYPE html>\n<html");
        if (lang && *lang) {
            pi_buf_puts(&b, " lang=\"");
            esc_str(&b, lang, 1);
            pi_buf_putc(&b, '"');
        }
        if (dir && (!strcmp(dir, "rtl") || !strcmp(dir, "ltr"))) {
            pi_buf_puts(&b, " dir=\"");
            pi_buf_puts(&b, dir);
            pi_buf_putc(&b, '"');
        }
        pi_buf_puts(&b, ">\n<head>\n<meta charset=\"utf-8\" />\n<title>");
        if (title)
            esc_str(&b, title, 0);
        pi_buf_puts(&b, "</title>\n</head>\n<body>\n");
    }
    pi_buf_puts(&b, "<article>\n");
    if (o->standalone && title && *title) {
        pi_buf_puts(&b, "<h1>");
        esc_str(&b, title, 0);
        pi_buf_puts(&b, "</h1>\n");
    }
    list_state ls = {0};
    int quote = 0, table = -1, figure = 0; /* table: number of the open table, -1 none */
    for (size_t i = 0; i < m->n; i++) {
        const pi_block *k = &m->blocks[i];
        if ((k->kind == PI_BLK_IMAGE && !o->images) || (k->kind == PI_BLK_ROW && !o->tables))
            continue;
        int level = k->kind == PI_BLK_ITEM ? k->level : 0;
        if (figure && k->kind != PI_BLK_CAPTION) {
            pi_buf_puts(&b, "</figure>\n");
            figure = 0;
        }
        if (table >= 0 && (k->kind != PI_BLK_ROW || k->table != table)) {
            pi_buf_puts(&b, "</table>\n");
            table = -1;
        }
        /* Lists: close deeper ones; an item at the same depth closes the
         * open item. Other blocks inside a list item stay in it only as
         * item continuations. */
        if (k->kind != PI_BLK_ITEM)
            close_lists(&b, &ls, 0);
        else
            close_lists(&b, &ls, level);
        if (k->quote != quote) {
            close_lists(&b, &ls, 0);
            while (quote > k->quote) {
                pi_buf_puts(&b, "</blockquote>\n");
                quote--;
            }
            while (quote < k->quote) {
                pi_buf_puts(&b, "<blockquote>\n");
                quote++;
            }
        }
        switch (k->kind) {
        case PI_BLK_HEADING: {
            char tag[5] = {'h', (char)('0' + (k->level < 1 ? 1 : k->level > 6 ? 6 : k->level)), 0};
            pi_buf_putc(&b, '<');
            pi_buf_puts(&b, tag);
            pi_buf_putc(&b, '>');
            pi_render_inlines(&b, k, 0, k->len, o, &h_ops, (void *)m);
            pi_buf_puts(&b, "</");
            pi_buf_puts(&b, tag);
            pi_buf_puts(&b, ">\n");
            break;
        }
        case PI_BLK_ITEM:
            while (ls.depth < level) {
                int d = ls.depth < 64 ? ls.depth : 63;
                ls.ordered[d] = k->ordered;
                ls.item_open[d] = 0;
                pi_buf_puts(&b, k->ordered ? "<ol>\n" : "<ul>\n");
                ls.depth++;
                if (ls.depth < level) {
                    /* A list nested with no item of its own around it. */
                    pi_buf_puts(&b, "<li>");
                    ls.item_open[d] = 1;
                }
            }
            {
                int d = (level < 64 ? level : 64) - 1;
                if (k->cont && ls.item_open[d]) {
                    pi_buf_puts(&b, "<p>");
                    pi_render_inlines(&b, k, 0, k->len, o, &h_ops, (void *)m);
                    pi_buf_puts(&b, "</p>\n");
                    break;
                }
                if (ls.item_open[d])
                    pi_buf_puts(&b, "</li>\n");
                pi_buf_puts(&b, "<li>");
                pi_render_inlines(&b, k, 0, k->len, o, &h_ops, (void *)m);
                ls.item_open[d] = 1;
            }
            break;
        case PI_BLK_PRE:
            pi_buf_puts(&b, "<pre><code");
            if (k->url) {
                pi_buf_puts(&b, " class=\"language-");
                esc_str(&b, k->url, 1);
                pi_buf_putc(&b, '"');
            }
            pi_buf_putc(&b, '>');
            for (size_t j = 0; j < k->len; j++) {
                /* Inside pre, line feeds stay line feeds. */
                if (k->text[j] == '\n')
                    pi_buf_putc(&b, '\n');
                else
                    esc(&b, k->text + j, 1, 0);
            }
            pi_buf_puts(&b, "</code></pre>\n");
            break;
        case PI_BLK_ROW:
            if (table < 0) {
                pi_buf_puts(&b, "<table>\n");
                table = k->table;
            }
            row(&b, m, k, o);
            break;
        case PI_BLK_IMAGE: {
            char *url = pi_render_url(&b, m->base, k->url);
            if (!safe_url(url)) {
                free(url);
                break;
            }
            pi_buf_puts(&b, "<figure><img src=\"");
            esc_str(&b, url, 1);
            free(url);
            pi_buf_puts(&b, "\" alt=\"");
            esc(&b, k->text, k->len, 1);
            pi_buf_puts(&b, "\" />");
            figure = 1;
            break;
        }
        case PI_BLK_CAPTION:
            pi_buf_puts(&b, figure ? "<figcaption>" : "<p>");
            pi_render_inlines(&b, k, 0, k->len, o, &h_ops, (void *)m);
            pi_buf_puts(&b, figure ? "</figcaption>\n" : "</p>\n");
            break;
        case PI_BLK_PARA:
        default:
            pi_buf_puts(&b, "<p>");
            pi_render_inlines(&b, k, 0, k->len, o, &h_ops, (void *)m);
            pi_buf_puts(&b, "</p>\n");
            break;
        }
    }
    if (figure)
        pi_buf_puts(&b, "</figure>\n");
    if (table >= 0)
        pi_buf_puts(&b, "</table>\n");
    close_lists(&b, &ls, 0);
    while (quote-- > 0)
        pi_buf_puts(&b, "</blockquote>\n");
    pi_buf_puts(&b, "</article>\n");
    if (o->comments && o->comments->n)
        comments(&b, o->comments);
    if (o->standalone)
        pi_buf_puts(&b, "</body>\n</html>\n");
    return pi_render_finish(&b, len);
}

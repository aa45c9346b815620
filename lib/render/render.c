/* render.c - what the serializers share: the default options, the inline
 * walker that turns a block's spans into a renderer's open/close calls,
 * the HTML escaper, and the hand-over of the finished buffer.
 *
 * One walker for every format, so that which spans are written and how
 * overlapping or too deeply nested ones are treated is decided once. */
#include "render/render.h"
#include "base/error.h"
#include "base/url.h"

#include <strings.h>

const pi_render_opts pi_render_defaults = {1, 1, 1, 1, 0, NULL};

void pi_html_escape(pi_buf *b, const char *s, size_t n, unsigned flags)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        const char *e = NULL;
        switch (s[i]) {
        case '&':
            e = "&amp;";
            break;
        case '<':
            e = "&lt;";
            break;
        case '>':
            e = "&gt;";
            break;
        case '"':
            e = flags & PI_ESC_QUOT ? "&quot;" : NULL;
            break;
        case '\'':
            e = flags & PI_ESC_APOS ? "&#39;" : NULL;
            break;
        case '\n':
            e = flags & PI_ESC_NL_BR ? "<br />\n" : flags & PI_ESC_NL_SPACE ? " " : NULL;
            break;
        default:
            break;
        }
        if (!e)
            continue;
        pi_buf_put(b, s + from, i - from);
        pi_buf_puts(b, e);
        from = i + 1;
    }
    pi_buf_put(b, s + from, n - from);
}

int pi_span_wanted(const pi_span *sp, const pi_render_opts *o)
{
    if (sp->kind == PI_SPAN_LINK)
        return o->links;
    return o->formatting;
}

/* Spans open at once; one nested deeper is left out, its text kept. */
#define MAX_OPEN 64

void pi_render_inlines(pi_buf *b, const pi_block *blk, size_t from, size_t to,
                       const pi_render_opts *o, const pi_inline_ops *ops, void *ctx)
{
    const pi_span *open[MAX_OPEN];
    int shown[MAX_OPEN];
    int n_open = 0;
    size_t next = 0, pos = from;
    /* Spans are sorted by start, outer first; they nest. */
    while (next < blk->n_spans && blk->spans[next].end <= from)
        next++;
    while (pos < to) {
        /* Close what ends here. */
        while (n_open && open[n_open - 1]->end <= pos) {
            n_open--;
            if (shown[n_open])
                ops->close(b, blk, open[n_open], ctx);
        }
        /* Open what starts here (or started before `from`). */
        while (next < blk->n_spans && blk->spans[next].start <= pos) {
            const pi_span *sp = &blk->spans[next++];
            if (sp->end <= pos || sp->end > to || !pi_span_wanted(sp, o))
                continue;
            if (sp->kind == PI_SPAN_CODE && ops->code) {
                ops->code(b, blk->text + pos, sp->end - pos, ctx);
                pos = sp->end;
                /* Spans inside the code span are skipped. */
                while (next < blk->n_spans && blk->spans[next].start < pos)
                    next++;
                goto again;
            }
            if (n_open == MAX_OPEN)
                continue;
            shown[n_open] = ops->open(b, blk, sp, ctx);
            open[n_open++] = sp;
        }
        /* Text up to the next boundary. */
        {
            size_t stop = to;
            if (n_open && open[n_open - 1]->end < stop)
                stop = open[n_open - 1]->end;
            if (next < blk->n_spans && blk->spans[next].start < stop)
                stop = blk->spans[next].start;
            if (stop <= pos)
                stop = pos + 1;
            ops->text(b, blk->text + pos, stop - pos, ctx);
            pos = stop;
        }
    again:;
    }
    while (n_open) {
        n_open--;
        if (shown[n_open])
            ops->close(b, blk, open[n_open], ctx);
    }
}

char *pi_render_finish(pi_buf *b, size_t *len)
{
    *len = b->len;
    char *s = pi_buf_detach(b);
    if (!s)
        *len = 0;
    return s;
}

int pi_render_url_safe(const char *u)
{
    if (!u || !*u)
        return 0;
    if (!pi_url_has_scheme(u))
        return 1;
    return !strncasecmp(u, "http:", 5) || !strncasecmp(u, "https:", 6) ||
           !strncasecmp(u, "mailto:", 7);
}

char *pi_render_url(pi_buf *b, const char *base, const char *raw)
{
    char *abs = NULL;
    if (pi_url_resolve(base, raw, &abs) != PI_OK)
        b->oom = 1;
    return abs;
}

/* render_text.c - the model as plain text, and what all serializers share. */
#include "render.h"

#include <string.h>

const pi_render_opts pi_render_defaults = {1, 1, 1, 1, 0};

int pi_span_wanted(const pi_span *sp, const pi_render_opts *o)
{
    if (sp->kind == PI_SPAN_LINK)
        return o->links;
    return o->formatting;
}

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

char *pi_render_text(const pi_model *m, const pi_render_opts *o, size_t *len)
{
    pi_buf b;
    pi_buf_init(&b);
    if (!o)
        o = &pi_render_defaults;
    for (size_t i = 0; i < m->n; i++) {
        const pi_block *k = &m->blocks[i];
        if (k->kind == PI_BLK_IMAGE || (k->kind == PI_BLK_ROW && !o->tables))
            continue;
        pi_buf_put(&b, k->text, k->len);
        pi_buf_putc(&b, '\n');
    }
    *len = b.len;
    char *s = pi_buf_detach(&b);
    if (!s)
        *len = 0;
    return s;
}

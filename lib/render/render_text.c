/* render_text.c - the model as plain text: the blocks' text, one block per
 * line, without images (and without tables when they are off). */
#include "extract/comments.h"
#include "render/render.h"

/* The comments after the article: a "Comments" line, then each comment's
 * author and date on a line and its text, indented two spaces a level. */
static void comments(pi_buf *b, const pi_comments *c)
{
    pi_buf_puts(b, "\n" PI_COMMENTS_TITLE "\n");
    for (size_t i = 0; i < c->n; i++) {
        const pi_comment *x = &c->items[i];
        int indent = x->depth > 16 ? 16 : x->depth;
        pi_buf_putc(b, '\n');
        for (int k = 0; k < indent; k++)
            pi_buf_puts(b, "  ");
        pi_buf_puts(b, x->author ? x->author : "(anonymous)");
        if (x->published) {
            pi_buf_puts(b, ", ");
            pi_buf_puts(b, x->published);
        }
        pi_buf_putc(b, '\n');
        for (const char *p = x->text; *p; p++) {
            if (p == x->text || p[-1] == '\n')
                for (int k = 0; k < indent; k++)
                    pi_buf_puts(b, "  ");
            pi_buf_putc(b, *p);
        }
        pi_buf_putc(b, '\n');
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
    if (o->comments && o->comments->n)
        comments(&b, o->comments);
    return pi_render_finish(&b, len);
}

/* render_text.c - the model as plain text: the blocks' text, one block per
 * line, without images (and without tables when they are off). */
#include "render/render.h"

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
    return pi_render_finish(&b, len);
}

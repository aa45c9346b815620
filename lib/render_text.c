/* render_text.c - the model as plain text. */
#include "buf.h"
#include "render.h"

char *pi_render_text(const pi_model *m, size_t *len)
{
    pi_buf b;
    pi_buf_init(&b);
    for (size_t i = 0; i < m->n; i++) {
        const pi_block *k = &m->blocks[i];
        if (k->kind == PI_BLK_IMAGE)
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

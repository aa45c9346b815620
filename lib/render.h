/* render.h - serializers of the document model. */
#ifndef PI_RENDER_H
#define PI_RENDER_H

#include "model.h"

/* Plain text: one block per line. Returns a malloc'd NUL-terminated string
 * (its length in *len), or NULL when out of memory. */
char *pi_render_text(const pi_model *m, size_t *len);

#endif

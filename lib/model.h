/* model.h - the extracted article as the reader sees it: a list of blocks.
 * Built once by blocks.c, rendered by one serializer per format. */
#ifndef PI_MODEL_H
#define PI_MODEL_H

#include <stddef.h>

typedef enum pi_block_kind {
    PI_BLK_PARA,     /* a paragraph of running text */
    PI_BLK_HEADING,  /* level 1..6 */
    PI_BLK_ITEM,     /* a list item; level = nesting depth from 1, ordered flag */
    PI_BLK_PRE,      /* preformatted text, whitespace kept */
    PI_BLK_ROW,      /* a table row; cells separated by TAB */
    PI_BLK_CAPTION   /* a figure or table caption */
} pi_block_kind;

typedef struct pi_block {
    pi_block_kind kind;
    int level;       /* heading level, list depth */
    int ordered;     /* list item of an <ol> */
    int quote;       /* inside a blockquote (depth) */
    int header;      /* table row of header cells */
    char *text;      /* UTF-8; whitespace collapsed except in PRE; may hold
                        LF for <br> */
    size_t len;
} pi_block;

typedef struct pi_model {
    pi_block *blocks;
    size_t n, cap;
    int oom;
} pi_model;

void pi_model_init(pi_model *m);
void pi_model_free(pi_model *m);
/* Append a block; takes ownership of `text`. Sets m->oom on failure (and
 * frees text). */
void pi_model_add(pi_model *m, pi_block b);
/* Remove block i. */
void pi_model_remove(pi_model *m, size_t i);

/* Whitespace for text output: ASCII space/tab/CR/LF/FF, NBSP, the Unicode
 * spaces U+2000..U+200A, U+202F, U+205F and the ideographic space U+3000.
 * Returns the byte length of the space at s (0 if none); `n` bytes remain. */
size_t pi_space_len(const char *s, size_t n);

#endif

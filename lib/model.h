/* model.h - the extracted article as the reader sees it: a list of blocks,
 * each with its text and the inline markup over that text. Built once
 * (build.c), rendered by one serializer per format (render_*.c). */
#ifndef PI_MODEL_H
#define PI_MODEL_H

#include <stddef.h>
#include <stdint.h>

typedef enum pi_block_kind {
    PI_BLK_PARA,    /* a paragraph of running text */
    PI_BLK_HEADING, /* level 1..6 */
    PI_BLK_ITEM,    /* a list item; level = nesting depth from 1, ordered flag;
                       cont = a further paragraph of the same item */
    PI_BLK_PRE,     /* preformatted text, whitespace kept; url = language hint */
    PI_BLK_ROW,     /* a table row; cells separated by TAB; table = table number */
    PI_BLK_CAPTION, /* a figure or table caption */
    PI_BLK_IMAGE    /* an image: url = its source as the page writes it, text = alternative
                       text */
} pi_block_kind;

typedef enum pi_span_kind {
    PI_SPAN_EM,     /* emphasis: em, i */
    PI_SPAN_STRONG, /* strong, b */
    PI_SPAN_CODE,   /* code, kbd, samp, tt */
    PI_SPAN_LINK    /* a with href: url = its target as the page writes it */
} pi_span_kind;

/* Inline markup over bytes [start, end) of a block's text. Spans nest
 * properly: they are recorded from well-formed elements. */
typedef struct pi_span {
    uint32_t start, end;
    pi_span_kind kind;
    char *url;
} pi_span;

typedef struct pi_block {
    pi_block_kind kind;
    int level;   /* heading level, list depth */
    int ordered; /* list item of an <ol> */
    int cont;    /* list item continuation paragraph */
    int quote;   /* inside a blockquote (depth) */
    int header;  /* table row of header cells */
    int table;   /* table rows: which table (1, 2 ...); rows of one table are
                    consecutive */
    int list;    /* list items: which outermost list (1, 2 ...) */
    char *text;  /* UTF-8; whitespace collapsed except in PRE; LF for <br> */
    size_t len;
    char *url;      /* IMAGE source, PRE language, else NULL */
    pi_span *spans; /* in order of their start */
    size_t n_spans;
    uint32_t words; /* ICU words of text, once `counted` */
    int counted;
    uint32_t src; /* the element the block comes from, its pi_stats index + 1
                     (a row's <tr>, an image's <img>); 0 when not known */
} pi_block;

typedef struct pi_model {
    pi_block *blocks;
    size_t n, cap;
    int oom;
    /* The base the links and images resolve against when rendered
     * (render.c pi_render_url), or NULL. Owned. */
    char *base;
} pi_model;

void pi_model_init(pi_model *m);
void pi_model_free(pi_model *m);
/* Append a block; takes ownership of its text, url and spans. Sets m->oom on
 * failure (and frees them). */
void pi_model_add(pi_model *m, pi_block b);
/* Remove block i. */
void pi_model_remove(pi_model *m, size_t i);
/* Keep the blocks for which keep() is true, in one pass, in order; `prev`
 * is the last block kept before `b` (NULL for the first). The others are
 * freed. */
void pi_model_filter(pi_model *m, int (*keep)(const pi_block *prev, pi_block *b, void *ctx),
                     void *ctx);
/* Free what a block owns. */
void pi_block_free(pi_block *b);

struct pi_words;
/* The block's words, counted once and kept. */
uint32_t pi_block_words(struct pi_words *w, pi_block *b);

#endif

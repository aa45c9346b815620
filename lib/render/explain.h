/* explain.h - what the two files of the explain view share: what is known
 * of the page while it is written (render_explain.c fills it), and the
 * page's frame, written from it (explain_page.c). */
#ifndef PI_EXPLAIN_H
#define PI_EXPLAIN_H

#include "base/buf.h"
#include "pipeline.h"
#include "render/render.h"

#include <stddef.h>
#include <stdint.h>

/* Depth classes for indentation (the style sheet has d0 .. d12). */
#define MAX_INDENT 12

/* Reasons of the view's own, beside pi_why (choice.h): where the text went
 * when no rule dropped it. */
enum {
    PI_R_OUTSIDE = 40, /* not in a chosen subtree */
    PI_R_DECLARED,     /* the declared articleBody replaced the markup */
    PI_R_UNWRITTEN,    /* kept, yet no text of it was written */
    PI_R_DROPPED,      /* dropped with no reason recorded */
    PI_R_CODES = 64    /* codes are under this */
};

typedef struct pi_explain {
    pi_buf *b;
    const pi_result *r;
    const pi_stats *st;
    const pi_choice *c;  /* the deciding choice */
    const pi_choice *rc; /* the rules' choice (c unless the learned layer decided) */
    int learned, declared;
    float threshold;
    uint8_t *covered;          /* the element's own text is in the output */
    uint8_t *comment;          /* inside an element named like comments */
    uint8_t *top;              /* inside the rules' winner */
    int32_t *drop_c, *drop_rc; /* the nearest dropped element at or above, or -1 */
    int32_t *root_c, *root_rc; /* the chosen subtree the element is in, or -1 */
    uint32_t *size;            /* elements in the subtree */
    uint32_t counts[64];       /* entries per reason, for the filters */
    uint32_t kept, dropped, comments;
    int counting; /* the first pass counts, the second writes */
    /* Scratch for one row, emptied before each: its reason, its title, its
     * statistics cells, and text on its way to being escaped. */
    pi_buf why, title, cells, tmp, raw;
} pi_explain;

/* Escaped text: &, <, >, " and ' as references, nothing else changed. */
void pi_explain_esc(pi_buf *b, const char *s, size_t n);
void pi_explain_esc_str(pi_buf *b, const char *s);
/* Escape the contents of `tmp` into `b`, and empty `tmp`. */
void pi_explain_esc_buf(pi_buf *b, pi_buf *tmp);
/* An element's label, "div#main.article-body", its names cut short
 * (unescaped: page text). */
void pi_explain_label(pi_buf *b, const pi_node *r);

/* What comes before the blocks: the doctype, the head with its policy and
 * style sheet, the filters' inputs, the header with the page's facts and
 * the filters. `x` has been counted. */
void pi_explain_head(pi_explain *x, const pi_explain_facts *f);
/* What comes after them: the rules' candidates, the legend, the end. */
void pi_explain_tail(pi_explain *x, const pi_explain_facts *f);

#endif

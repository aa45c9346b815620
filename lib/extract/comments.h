/* comments.h - reader comments after an article: where their sections are
 * (kept out of the text, whatever the options) and what each comment says,
 * in page order.
 *
 * A comment section is an element named like comments (names.h
 * PI_CW_COMMENT) that shows a comment's structure: comments found in it
 * (an author or a date, and text), the comment form, or, when it holds
 * almost nothing, a placeholder that a script fills (Disqus, the Facebook
 * plugin). It never holds the article: an element around the article's
 * container is a section only when nearly all its words are comments (the
 * rules chose a comment as the article). Testimonials and reviews are
 * content, not comments. */
#ifndef PI_COMMENTS_H
#define PI_COMMENTS_H

#include "extract/stats.h"

#include <stddef.h>
#include <stdint.h>

typedef struct pi_comment {
    char *author;    /* as shown, without "says:"; NULL when none is shown */
    char *published; /* ISO 8601 (date.h) when it can be read; else NULL */
    char *text;      /* its paragraphs, separated by LF */
    int depth;       /* 0 for a top-level comment, 1 for a reply ... */
} pi_comment;

typedef struct pi_comments {
    pi_comment *items;
    size_t n, cap;
} pi_comments;

/* Find the comment sections of the page numbered in `st` and read their
 * comments into `out` (initialised here). `top` is the element holding the
 * article (-1: none). `mark` (st->n bytes) gets 1 for every element inside
 * a section, else 0. Returns PI_OK or PI_ENOMEM (`out` then holds
 * nothing). */
int pi_comments_find(const pi_stats *st, int32_t top, uint8_t *mark, pi_comments *out);

void pi_comments_free(pi_comments *c);

#endif

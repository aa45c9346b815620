/* codetable.h - code listings that syntax highlighters lay out as a table:
 * one row, a cell of line numbers (the gutter) beside a cell of code, as a
 * <pre> or one block element per line. build.c writes such a table as one
 * code block instead of a table row. */
#ifndef PI_CODETABLE_H
#define PI_CODETABLE_H

#include "extract/stats.h"
#include "tree/dom.h"

typedef enum pi_code_kind {
    PI_CODE_NONE, /* not a code table */
    PI_CODE_PRE,  /* the code is the <pre> of its cell, whitespace kept */
    PI_CODE_LINES /* the code is its cell's block elements, one a line */
} pi_code_kind;

/* Is the table `t` (numbered in `st`) a code listing: a single row with no
 * table inside, one cell holding the code, and every other cell empty or
 * nothing but line numbers? The code is a <pre> with nothing else of the
 * cell's text around it (a one-cell table too), or, beside a gutter of
 * numbers, two or more lines, block elements without headings, lists,
 * paragraphs or quotes among them. The kind, with the code's cell in
 * `*cell` (NULL for PI_CODE_NONE). Reads only. */
pi_code_kind pi_code_table(const pi_stats *st, pi_dom *t, pi_dom **cell);

#endif

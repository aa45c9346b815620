/* codetable.c - is a table a highlighter's code listing (codetable.h)? */
#include "extract/codetable.h"
#include "base/text.h"

#include <string.h>

/* What a cell's text is: nothing, line numbers only, or other text. */
enum { TEXT_NONE, TEXT_NUMBERS, TEXT_OTHER };

static unsigned flags_of(const pi_stats *st, const pi_dom *n)
{
    const pi_node *r = pi_stats_of(st, n);
    return r ? r->flags : pi_tag_flags(pi_dom_name(n));
}

/* Raise *kind by the text s: blanks leave it, digits make it numbers,
 * anything else makes it other text. */
static void read_text(const char *s, int *kind)
{
    size_t n = strlen(s), i = 0;
    while (i < n && *kind != TEXT_OTHER) {
        size_t sp = pi_space_len(s + i, n - i);
        if (sp) {
            i += sp;
            continue;
        }
        *kind = pi_is_digit((unsigned char)s[i]) ? TEXT_NUMBERS : TEXT_OTHER;
        i++;
    }
}

/* The kind of the text under `root`; with `outside_pre` only the text that
 * no <pre> holds. */
static int text_kind(const pi_stats *st, pi_dom *root, int outside_pre)
{
    int kind = TEXT_NONE;
    for (pi_dom *n = root; n && kind != TEXT_OTHER;) {
        int skip = 0;
        if (pi_dom_is_element(n))
            skip = outside_pre && n != root && (flags_of(st, n) & PI_TF_PRE);
        else if (pi_dom_has_chars(n) && pi_dom_chars(n))
            read_text(pi_dom_chars(n), &kind);
        n = pi_next(n, root, skip);
    }
    return kind;
}

/* What a cell holds: its <pre> elements, the text in them, its lines (block
 * elements without a block inside) and whether any block would make it
 * prose rather than code. */
typedef struct cell_shape {
    int pres, pre_text, lines, prose;
} cell_shape;

static cell_shape shape_of(const pi_stats *st, pi_dom *cell)
{
    cell_shape s = {0, TEXT_NONE, 0, 0};
    for (pi_dom *n = pi_next(cell, cell, 0); n;) {
        int skip = 0;
        if (pi_dom_is_element(n)) {
            unsigned f = flags_of(st, n);
            const pi_node *r = pi_stats_of(st, n);
            if (f & PI_TF_PRE) {
                s.pres++;
                int k = text_kind(st, n, 0);
                s.pre_text = k > s.pre_text ? k : s.pre_text;
                skip = 1;
            } else if (f & (PI_TF_HEADING | PI_TF_LIST | PI_TF_ITEM | PI_TF_QUOTE | PI_TF_PARA)) {
                s.prose = 1;
            } else if ((f & PI_TF_BLOCK) && r && !r->has_block_child && r->chars > 0) {
                s.lines++;
            }
        }
        n = pi_next(n, cell, skip);
    }
    return s;
}

/* One row and no table inside? The walk stops at the first of either, so
 * that a table's walk never covers a table inside it: with the walk below,
 * each element is read for one table only, and nested tables stay linear. */
static int one_row_alone(const pi_stats *st, pi_dom *t)
{
    int rows = 0;
    for (pi_dom *n = pi_next(t, t, 0); n; n = pi_next(n, t, 0)) {
        if (!pi_dom_is_element(n))
            continue;
        unsigned f = flags_of(st, n);
        if ((f & PI_TF_TABLE) || ((f & PI_TF_ROW) && ++rows > 1))
            return 0;
    }
    return rows == 1;
}

pi_code_kind pi_code_table(const pi_stats *st, pi_dom *t, pi_dom **cell)
{
    *cell = NULL;
    if (!one_row_alone(st, t))
        return PI_CODE_NONE;
    pi_dom *code = NULL;
    int gutter = 0;
    pi_code_kind kind = PI_CODE_NONE;
    for (pi_dom *n = pi_next(t, t, 0); n;) {
        int skip = 0;
        if (pi_dom_is_element(n)) {
            unsigned f = flags_of(st, n);
            if (f & PI_TF_CELL) {
                skip = 1;
                int text = text_kind(st, n, 0);
                if (text == TEXT_NUMBERS) {
                    gutter = 1;
                } else if (text == TEXT_OTHER) {
                    /* A second cell of other text: a table of data. */
                    if (code)
                        return PI_CODE_NONE;
                    cell_shape s = shape_of(st, n);
                    if (s.prose)
                        return PI_CODE_NONE;
                    if (s.pres && s.pre_text == TEXT_OTHER && text_kind(st, n, 1) == TEXT_NONE)
                        kind = PI_CODE_PRE;
                    else if (!s.pres && s.lines >= 2)
                        kind = PI_CODE_LINES;
                    else
                        return PI_CODE_NONE;
                    code = n;
                }
            }
        }
        n = pi_next(n, t, skip);
    }
    /* Lines of block elements are code only beside their numbers. */
    if (!code || (kind == PI_CODE_LINES && !gutter))
        return PI_CODE_NONE;
    *cell = code;
    return kind;
}

/* text.h - character classes and text comparison, one home for each.
 *
 * Text in the tree has been through input.c: valid UTF-8 without C0
 * controls other than TAB, LF and CR. The ASCII classes here are locale-free
 * (<ctype.h> follows the locale, and a library must not). */
#ifndef PI_TEXT_H
#define PI_TEXT_H

#include "base/buf.h"

#include <stddef.h>

/* ASCII white space: space, TAB, LF, VT, FF, CR. */
static inline int pi_is_space(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* ASCII white space as the HTML and Encoding standards define it: space,
 * TAB, LF, FF, CR, without VT. For raw bytes before input.c has cleaned
 * them (charset labels, the <meta> prescan), where "a\vb" must stay one
 * word as it does in browsers. */
static inline int pi_is_html_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static inline int pi_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static inline int pi_is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int pi_is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static inline int pi_is_alnum(int c)
{
    return pi_is_alpha(c) || pi_is_digit(c);
}

/* White space for text output: ASCII white space, NBSP, the Unicode spaces
 * U+2000..U+200A, U+202F, U+205F and the ideographic space U+3000. Returns
 * the byte length of the space at s (0 if none); `n` bytes remain. */
size_t pi_space_len(const char *s, size_t n);

/* The blanks of markup text: ASCII white space or U+00A0 (what &nbsp;
 * gives); narrower than pi_space_len(), which also takes the typographic
 * spaces. Returns the byte length of the blank at s (0 if none); `n` bytes
 * remain. */
size_t pi_blank_len(const char *s, size_t n);

/* Append s[0..n) (up to a NUL) to `b` with each run of blanks (as
 * pi_blank_len) written as one space, and none before or after what is
 * appended: a field value as a reader sees it. */
void pi_put_collapsed(pi_buf *b, const char *s, size_t n);

/* Append code point `cp` to `b` as UTF-8; NUL, surrogates and values over
 * U+10FFFF (what a bad character reference gives) as U+FFFD. */
void pi_put_utf8(pi_buf *b, unsigned long cp);

/* ASCII case-blind comparisons of NUL-terminated strings. */
int pi_ci_eq(const char *a, const char *b);
int pi_ci_prefix(const char *s, const char *prefix);
int pi_ci_contains(const char *haystack, const char *needle);

/* Does the space-separated list `list` (a class, rel or itemprop value;
 * may be NULL) hold `word`, ignoring ASCII case? */
int pi_has_token(const char *list, const char *word);

/* The first place in `n` bytes of `s` where `word` (lowercase ASCII)
 * occurs, ignoring ASCII case; with `word_start`, only where no ASCII letter
 * precedes it. NULL when it does not occur. */
const char *pi_find_ascii_ci(const char *s, size_t n, const char *word, int word_start);

/* Are a and b the same text but for ASCII case? NULL is no text. */
int pi_same_text(const char *a, const char *b);

/* Is `heading` the headline `title`? ASCII case and runs of white space do
 * not count (the first 255 bytes of each are compared); one may contain the
 * other when the shorter has at least `min_bytes` ("Site | Headline"). */
int pi_headline_matches(const char *heading, const char *title, size_t min_bytes);

/* Does the text end like a sentence (or a quotation of one), in any of the
 * scripts we read? Trailing white space is ignored. */
int pi_ends_sentence(const char *text, size_t n);

#endif

/* text.c - character classes, white space and text comparison. */
#include "base/text.h"

#include <string.h>

size_t pi_space_len(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (pi_is_space(c))
        return 1;
    if (c == 0xC2 && n >= 2 && (unsigned char)s[1] == 0xA0)
        return 2;
    if (c == 0xE2 && n >= 3) {
        unsigned char a = (unsigned char)s[1], b = (unsigned char)s[2];
        if (a == 0x80 && (b <= 0x8A || b == 0xAF))
            return 3;
        if (a == 0x81 && b == 0x9F)
            return 3;
    }
    if (c == 0xE3 && n >= 3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80)
        return 3;
    return 0;
}

size_t pi_blank_len(const char *s, size_t n)
{
    if (n && pi_is_space((unsigned char)s[0]))
        return 1;
    if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2;
    return 0;
}

void pi_put_collapsed(pi_buf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t start = b->len, i = 0;
    int pend = 0;
    while (i < n && u[i]) {
        size_t k = pi_blank_len(s + i, n - i);
        if (k) {
            pend = b->len > start;
            i += k;
            continue;
        }
        if (pend)
            pi_buf_putc(b, ' ');
        pend = 0;
        /* copy up to the next byte that may start a blank */
        size_t j = i + 1;
        while (j < n && u[j] && !pi_is_space(u[j]) && u[j] != 0xC2)
            j++;
        pi_buf_put(b, s + i, j - i);
        i = j;
    }
}

void pi_put_utf8(pi_buf *b, unsigned long cp)
{
    char o[4];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        o[0] = (char)cp;
        pi_buf_put(b, o, 1);
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        pi_buf_put(b, o, 2);
    } else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        pi_buf_put(b, o, 3);
    } else {
        o[0] = (char)(0xF0 | (cp >> 18));
        o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (char)(0x80 | (cp & 0x3F));
        pi_buf_put(b, o, 4);
    }
}

int pi_ci_eq(const char *a, const char *b)
{
    while (*a && pi_lower((unsigned char)*a) == pi_lower((unsigned char)*b))
        a++, b++;
    return *a == *b;
}

int pi_ci_prefix(const char *s, const char *p)
{
    while (*p && pi_lower((unsigned char)*s) == pi_lower((unsigned char)*p))
        s++, p++;
    return *p == '\0';
}

int pi_ci_contains(const char *h, const char *nd)
{
    if (!*nd)
        return 1;
    for (; *h; h++)
        if (pi_lower((unsigned char)*h) == pi_lower((unsigned char)*nd) && pi_ci_prefix(h, nd))
            return 1;
    return 0;
}

int pi_has_token(const char *v, const char *tok)
{
    size_t tl = strlen(tok);
    if (!v)
        return 0;
    while (*v) {
        while (pi_is_space((unsigned char)*v))
            v++;
        const char *e = v;
        while (*e && !pi_is_space((unsigned char)*e))
            e++;
        if ((size_t)(e - v) == tl) {
            size_t i = 0;
            while (i < tl && pi_lower((unsigned char)v[i]) == pi_lower((unsigned char)tok[i]))
                i++;
            if (i == tl)
                return 1;
        }
        v = e;
    }
    return 0;
}

const char *pi_find_ascii_ci(const char *s, size_t n, const char *word, int word_start)
{
    size_t k = strlen(word);
    for (size_t i = 0; s && i + k <= n; i++) {
        if (word_start && i && pi_is_alpha((unsigned char)s[i - 1]))
            continue;
        size_t j = 0;
        while (j < k && pi_lower((unsigned char)s[i + j]) == (unsigned char)word[j])
            j++;
        if (j == k)
            return s + i;
    }
    return NULL;
}

int pi_same_text(const char *a, const char *b)
{
    return a && b && pi_ci_eq(a, b);
}

/* Lowercase ASCII, runs of white space as one space, trimmed, into a
 * buffer of `cap` bytes; returns the length. */
static size_t fold(const char *s, char *dst, size_t cap)
{
    size_t n = 0;
    int space = 1;
    for (const char *p = s; *p && n + 1 < cap; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!space)
                dst[n++] = ' ';
            space = 1;
            continue;
        }
        dst[n++] = (char)pi_lower(c);
        space = 0;
    }
    while (n && dst[n - 1] == ' ')
        n--;
    dst[n] = '\0';
    return n;
}

int pi_headline_matches(const char *heading, const char *title, size_t min_bytes)
{
    char a[256], b[256];
    size_t na = fold(heading, a, sizeof a), nb = fold(title, b, sizeof b);
    if (!na || !nb)
        return 0;
    if (na == nb)
        return !strcmp(a, b);
    const char *longer = na > nb ? a : b, *shorter = na > nb ? b : a;
    return (na < nb ? na : nb) >= min_bytes && strstr(longer, shorter) != NULL;
}

int pi_ends_sentence(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (!n)
        return 0;
    unsigned char c = s[n - 1];
    if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')' || c == '\'')
        return 1;
    /* U+3002 。 U+FF01 ！ U+FF1F ？ U+201D ” U+201C “ U+2026 … U+00BB » */
    if (n >= 3 && s[n - 3] == 0xE3 && s[n - 2] == 0x80 && c == 0x82)
        return 1;
    if (n >= 3 && s[n - 3] == 0xEF && s[n - 2] == 0xBC && (c == 0x81 || c == 0x9F))
        return 1;
    if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && (c == 0x9D || c == 0x9C || c == 0xA6))
        return 1;
    if (n >= 2 && s[n - 2] == 0xC2 && c == 0xBB)
        return 1;
    return 0;
}

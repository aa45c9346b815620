/* buf.c - growable byte buffer. */
#include "base/buf.h"

#include <stdlib.h>
#include <string.h>

void pi_buf_init(pi_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void pi_buf_free(pi_buf *b)
{
    free(b->data);
    pi_buf_init(b);
}

int pi_buf_reserve(pi_buf *b, size_t n)
{
    if (b->oom)
        return -1;
    if (b->len + n + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->oom = 1;
            return -1;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

void pi_buf_put(pi_buf *b, const char *s, size_t n)
{
    if (pi_buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void pi_buf_puts(pi_buf *b, const char *s)
{
    pi_buf_put(b, s, strlen(s));
}

void pi_buf_putc(pi_buf *b, char c)
{
    pi_buf_put(b, &c, 1);
}

char *pi_buf_detach(pi_buf *b)
{
    char *p;
    if (b->oom) {
        pi_buf_free(b);
        return NULL;
    }
    if (!b->data) {
        p = malloc(1);
        if (p)
            *p = '\0';
        return p;
    }
    p = b->data;
    pi_buf_init(b);
    return p;
}

void pi_buf_rtrim(pi_buf *b, const char *set)
{
    while (b->len && strchr(set, b->data[b->len - 1]))
        b->data[--b->len] = '\0';
}

char *pi_strdup(const char *s)
{
    return s ? pi_strndup(s, strlen(s)) : NULL;
}

char *pi_strndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* http.c - header fields, HTTP responses as crawlers store them, and the
 * codings of their bodies (RFC 9112 chunked, RFC 1952 gzip, RFC 1950
 * deflate). Lenient where crawlers and servers commonly are (LF line ends,
 * a raw deflate stream under "deflate", a last chunk that never came),
 * strict where the bytes would otherwise be guessed. */
#include "input/http.h"
#include "base/buf.h"
#include "base/error.h"
#include "base/text.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

/* ---- Tuning ------------------------------------------------------------ */

/* The first allocation for an inflated body: pages compress 4-8x (the
 * trafilatura corpus: 143 MB of gzip for its pages), so four times the
 * compressed size usually fits without a reallocation. */
#define INFLATE_GUESS 4
#define INFLATE_MIN_CAP 4096

/* ---- Header fields ----------------------------------------------------- */

static int fields_add(pi_fields *f, const char *name, const char *value)
{
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        pi_field *v = realloc(f->v, cap * sizeof *v);
        if (!v)
            return PI_ENOMEM;
        f->v = v;
        f->cap = cap;
    }
    f->v[f->n].name = name;
    f->v[f->n].value = value;
    f->n++;
    return PI_OK;
}

/* Strip spaces and tabs from both ends of s[0 .. *n-1], in place. */
static char *trim(char *s, size_t *n)
{
    while (*n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        (*n)--;
    }
    while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r'))
        (*n)--;
    return s;
}

int pi_fields_parse(char *text, size_t len, pi_fields *f)
{
    size_t i;

    /* Folded lines first: a line break before a space or tab is white
     * space of the value it continues (RFC 7230 obs-fold). */
    for (i = 0; i + 1 < len; i++)
        if (text[i] == '\n' && (text[i + 1] == ' ' || text[i + 1] == '\t')) {
            text[i] = ' ';
            if (i > 0 && text[i - 1] == '\r')
                text[i - 1] = ' ';
        }
    i = 0;
    while (i < len) {
        char *line = text + i, *end = memchr(line, '\n', len - i), *colon, *name, *value;
        size_t n = end ? (size_t)(end - line) : len - i, name_len, value_len;

        i += n + (end ? 1 : 0);
        if (n > 0 && line[n - 1] == '\r')
            n--;
        if (n == 0)
            continue;
        colon = memchr(line, ':', n);
        if (!colon)
            return PI_EHEADER;
        name_len = (size_t)(colon - line);
        name = trim(line, &name_len);
        value_len = (size_t)(line + n - (colon + 1));
        value = trim(colon + 1, &value_len);
        if (name_len == 0)
            return PI_EHEADER;
        name[name_len] = '\0';
        value[value_len] = '\0';
        PI_TRY(fields_add(f, name, value));
    }
    return PI_OK;
}

const char *pi_fields_get(const pi_fields *f, const char *name)
{
    for (size_t i = 0; i < f->n; i++)
        if (pi_ci_eq(f->v[i].name, name))
            return f->v[i].value;
    return NULL;
}

void pi_fields_free(pi_fields *f)
{
    free(f->v);
    f->v = NULL;
    f->n = f->cap = 0;
}

int pi_content_charset(const char *ct, char **out)
{
    const char *p = ct;

    *out = NULL;
    if (!ct)
        return PI_OK;
    while ((p = strchr(p, ';')) != NULL) {
        size_t n;

        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!pi_ci_prefix(p, "charset="))
            continue;
        p += 8;
        if (*p == '"') {
            const char *q = strchr(++p, '"');
            n = q ? (size_t)(q - p) : strlen(p);
        } else {
            n = strcspn(p, "; \t");
        }
        if (n == 0)
            return PI_OK;
        *out = pi_strndup(p, n);
        return PI_NOMEM_IF_NULL(*out);
    }
    return PI_OK;
}

/* ---- Codings ------------------------------------------------------------ */

int pi_inflate(const void *data, size_t len, int raw, size_t max_out, char **out, size_t *out_len)
{
    z_stream z;
    size_t cap, used = 0;
    char *buf;
    int zs = Z_OK, err = PI_OK;

    *out = NULL;
    *out_len = 0;
    memset(&z, 0, sizeof z);
    /* 15 + 32: zlib or gzip, told apart by the header; -15: raw deflate. */
    if (inflateInit2(&z, raw ? -15 : 15 + 32) != Z_OK)
        return PI_ENOMEM;
    cap = len < (SIZE_MAX - 1) / INFLATE_GUESS ? len * INFLATE_GUESS : SIZE_MAX - 1;
    if (cap > max_out)
        cap = max_out;
    if (cap < INFLATE_MIN_CAP)
        cap = INFLATE_MIN_CAP;
    buf = malloc(cap + 1);
    if (!buf) {
        inflateEnd(&z);
        return PI_ENOMEM;
    }
    z.next_in = (Bytef *)(uintptr_t)data;
    while (err == PI_OK) {
        size_t in_chunk = len > UINT_MAX ? UINT_MAX : len;
        size_t room = cap - used > UINT_MAX ? UINT_MAX : cap - used;
        unsigned avail_in_before;

        if (room == 0) {
            size_t bigger = cap < max_out / 2 ? cap * 2 : max_out;
            char *b;

            if (cap >= max_out) {
                err = PI_EINFLATE;
                break;
            }
            b = realloc(buf, bigger + 1);
            if (!b) {
                err = PI_ENOMEM;
                break;
            }
            buf = b;
            cap = bigger;
            continue;
        }
        z.avail_in = (unsigned)in_chunk;
        avail_in_before = z.avail_in;
        z.next_out = (Bytef *)buf + used;
        z.avail_out = (unsigned)room;
        zs = inflate(&z, Z_NO_FLUSH);
        used += room - z.avail_out;
        len -= avail_in_before - z.avail_in;
        if (zs == Z_STREAM_END) {
            /* Concatenated gzip members are one file (gunzip reads them
             * all); anything else after the end is ignored. */
            if (!raw && len >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
                inflateReset(&z);
                continue;
            }
            break;
        }
        if (zs == Z_MEM_ERROR)
            err = PI_ENOMEM;
        else if (zs != Z_OK && !(zs == Z_BUF_ERROR && z.avail_out == 0))
            err = PI_ECOMPRESS; /* corrupt, or Z_BUF_ERROR: truncated */
        else if (len == 0 && z.avail_out > 0)
            err = PI_ECOMPRESS; /* the input ended before the stream did */
    }
    inflateEnd(&z);
    if (err != PI_OK) {
        free(buf);
        return err;
    }
    buf[used] = '\0';
    *out = buf;
    *out_len = used;
    return PI_OK;
}

/* Undo the chunked transfer coding of body[0 .. *len-1] in place. A body
 * that ends after a whole chunk without the last (zero) chunk is kept as
 * it is: the connection closed early, but every byte that came is sound. */
static int dechunk(char *body, size_t *len)
{
    size_t in = 0, out = 0, n = *len;

    for (;;) {
        unsigned long long size = 0;
        size_t digits = 0;

        if (in == n)
            break; /* no last chunk */
        while (in < n && digits < 16) {
            int c = (unsigned char)body[in], d;

            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            else
                break;
            size = size * 16 + (unsigned long long)d;
            digits++;
            in++;
        }
        if (digits == 0)
            return PI_EHTTP;
        /* Chunk extensions and the line's end. */
        while (in < n && body[in] != '\n')
            in++;
        if (in == n)
            return PI_EHTTP;
        in++;
        if (size == 0)
            break; /* the last chunk; its trailer fields are not the page */
        if (size > n - in)
            return PI_EHTTP;
        memmove(body + out, body + in, (size_t)size);
        out += (size_t)size;
        in += (size_t)size;
        /* The CRLF after the data; tolerate a bare LF. */
        if (in < n && body[in] == '\r')
            in++;
        if (in < n && body[in] == '\n')
            in++;
        else if (in < n)
            return PI_EHTTP;
    }
    *len = out;
    return PI_OK;
}

/* The status line: "HTTP/" digits "." digits, a space, three digits. */
static int status_code(const char *line, size_t n)
{
    size_t i = 5;

    if (n < 12 || memcmp(line, "HTTP/", 5) != 0)
        return 0;
    while (i < n && (pi_is_digit((unsigned char)line[i]) || line[i] == '.'))
        i++;
    if (i == 5 || i + 4 > n || line[i] != ' ')
        return 0;
    i++;
    if (!pi_is_digit((unsigned char)line[i]) || !pi_is_digit((unsigned char)line[i + 1]) ||
        !pi_is_digit((unsigned char)line[i + 2]) ||
        (i + 3 < n && line[i + 3] != ' ' && line[i + 3] != '\r'))
        return 0;
    return (line[i] - '0') * 100 + (line[i + 1] - '0') * 10 + (line[i + 2] - '0');
}

/* The content coding's inflate mode: 0 for none, 1 gzip, 2 deflate; -1 for
 * a coding we cannot undo. */
static int coding(const char *ce)
{
    if (!ce || !*ce || pi_ci_eq(ce, "identity"))
        return 0;
    if (pi_ci_eq(ce, "gzip") || pi_ci_eq(ce, "x-gzip"))
        return 1;
    if (pi_ci_eq(ce, "deflate"))
        return 2;
    return -1;
}

int pi_http_parse(char *block, size_t len, size_t max_body, pi_http *h, const char **body,
                  size_t *body_len)
{
    char *eol = memchr(block, '\n', len), *head, *end = NULL;
    size_t i, blen, head_len;
    const char *te, *ce;
    int mode, err;

    *body = NULL;
    *body_len = 0;
    if (!eol || !(h->status = status_code(block, (size_t)(eol - block))))
        return PI_EHTTP;
    head = eol + 1;
    /* The blank line that ends the head: CRLF CRLF or LF LF. */
    for (i = (size_t)(head - block); i < len; i++)
        if (block[i] == '\n' && (i == (size_t)(head - block) || block[i - 1] == '\n' ||
                                 (block[i - 1] == '\r' && i >= 2 && block[i - 2] == '\n'))) {
            end = block + i + 1;
            break;
        }
    if (!end)
        return PI_EHTTP;
    head_len = (size_t)(end - head);
    blen = len - (size_t)(end - block);
    err = pi_fields_parse(head, head_len, &h->headers);
    if (err == PI_EHEADER)
        return PI_EHTTP;
    PI_TRY(err);

    te = pi_fields_get(&h->headers, "Transfer-Encoding");
    if (te && pi_ci_contains(te, "chunked")) {
        PI_TRY(dechunk(end, &blen));
        end[blen] = '\0';
    }
    ce = pi_fields_get(&h->headers, "Content-Encoding");
    mode = coding(ce);
    if (mode < 0)
        return PI_ECOMPRESS;
    if (mode == 0 || blen == 0) {
        if (blen > max_body)
            return PI_EINFLATE;
        *body = end;
        *body_len = blen;
        return PI_OK;
    }
    err = pi_inflate(end, blen, 0, max_body, &h->decoded, body_len);
    /* "deflate" is meant to be zlib, and is often raw deflate. */
    if (err == PI_ECOMPRESS && mode == 2)
        err = pi_inflate(end, blen, 1, max_body, &h->decoded, body_len);
    PI_TRY(err);
    *body = h->decoded;
    return PI_OK;
}

void pi_http_free(pi_http *h)
{
    pi_fields_free(&h->headers);
    free(h->decoded);
    h->decoded = NULL;
    h->status = 0;
}

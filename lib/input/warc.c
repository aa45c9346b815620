/* warc.c - the records of a WARC file, plain or gzip, from memory or a file
 * descriptor, in one pass with bounded memory (warc.h).
 *
 * Three layers: the raw bytes (a copy of the caller's memory, or read(2) in
 * chunks); the uncompressed stream (the raw bytes themselves, or every gzip
 * member inflated in turn into a window); and the records read from that
 * stream line by line, their blocks copied out (page records) or skipped.
 * A fault of a lower layer (corrupt member, truncation, read error) fails
 * the record it falls in; the record layer then looks for the next line
 * that starts with "WARC/". */
#include "input/warc.h"
#include "base/buf.h"
#include "base/error.h"
#include "base/text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

/* ---- Tuning ------------------------------------------------------------ */

/* Bytes asked of read(2) at a time: large enough that the system call is
 * noise against inflating and parsing them. */
#define RAW_CHUNK (256 * 1024)
/* The window of uncompressed bytes that lines are read from. */
#define WINDOW (256 * 1024)
/* A WARC header line longer than this is not one (real ones are URIs:
 * Common Crawl's longest are a few KB). */
#define LINE_MAX_BYTES (64 * 1024)
/* A record header with more bytes than this is malformed. */
#define HEAD_MAX_BYTES (1024 * 1024)
/* A Content-Length above 1 TiB is taken for garbage, not skipped over. */
#define MAX_CONTENT_LENGTH (1ULL << 40)
/* A gzip member that inflates to more than INFLATE_FLOOR bytes and more
 * than INFLATE_RATIO times its compressed size is a bomb: deflate reaches
 * about 1032:1 on runs of one byte, web pages 4-20:1. The member is
 * abandoned and reading goes on at the next member. */
#define INFLATE_FLOOR (256ULL * 1024 * 1024)
#define INFLATE_RATIO 200

/* ---- The reader -------------------------------------------------------- */

struct pi_warc {
    /* Raw bytes: the copy of the caller's memory, or a buffer read into. */
    int fd;
    unsigned char *raw;
    size_t raw_pos, raw_len;
    int raw_eof;
    uint64_t consumed;
    /* gzip */
    int gzip, z_ready, in_member;
    int z_full; /* the last inflate() filled the window: it may hold more */
    z_stream z;
    uint64_t member_in, member_out;
    /* The uncompressed window: buf[pos .. len) is not yet read. */
    unsigned char *buf;
    size_t pos, len;
    uint64_t base; /* stream offset of buf[0] */
    int eof;       /* the stream has no more bytes */
    int fault;     /* a fault of the lower layers, not yet reported */
    int resync;    /* look for a "WARC/" line before the next record */
    size_t max_record;
    uint64_t number;
    pi_warc_record rec;
    char *head, *block;
};

/* Refill the raw buffer (fd sources). Returns PI_OK, PI_END or PI_EIO. */
static int raw_more(pi_warc *w)
{
    ssize_t n;

    if (w->raw_eof)
        return PI_END;
    if (w->fd < 0) {
        w->raw_eof = 1;
        return PI_END;
    }
    if (w->raw_pos > 0 && w->raw_pos < w->raw_len)
        memmove(w->raw, w->raw + w->raw_pos, w->raw_len - w->raw_pos);
    w->raw_len -= w->raw_pos;
    w->raw_pos = 0;
    do
        n = read(w->fd, w->raw + w->raw_len, RAW_CHUNK - w->raw_len);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
        w->raw_eof = 1;
        return PI_EIO;
    }
    if (n == 0) {
        w->raw_eof = 1;
        return PI_END;
    }
    w->raw_len += (size_t)n;
    return PI_OK;
}

/* Move to the next gzip member header (1f 8b 08) at or after the raw
 * position, reading on as needed. Returns whether bytes other than NULs and
 * white space (padding some writers leave) were passed over. */
static int skip_to_member(pi_warc *w)
{
    int junk = 0;

    for (;;) {
        while (w->raw_pos + 3 <= w->raw_len) {
            const unsigned char *p = w->raw + w->raw_pos;

            if (p[0] == 0x1f && p[1] == 0x8b && p[2] == 0x08)
                return junk;
            if (p[0] != 0 && !pi_is_space(p[0]))
                junk = 1;
            w->raw_pos++;
            w->consumed++;
        }
        if (raw_more(w) != PI_OK) {
            for (; w->raw_pos < w->raw_len; w->raw_pos++, w->consumed++)
                if (w->raw[w->raw_pos] != 0 && !pi_is_space(w->raw[w->raw_pos]))
                    junk = 1;
            return junk;
        }
    }
}

/* Inflate more of the gzip stream into the window's free space. */
static int gzip_more(pi_warc *w)
{
    for (;;) {
        size_t room = WINDOW - w->len, avail;
        int zs;

        if (w->raw_pos == w->raw_len && !(w->in_member && w->z_full)) {
            int st = raw_more(w);

            if (st == PI_EIO)
                return PI_EIO;
            if (st == PI_END) {
                w->eof = 1;
                if (w->in_member) {
                    w->in_member = 0;
                    return PI_ETRUNC;
                }
                return PI_END;
            }
        }
        if (!w->in_member) {
            if (w->raw_len - w->raw_pos < 3 && !w->raw_eof && raw_more(w) == PI_EIO)
                return PI_EIO;
            if (w->raw_len - w->raw_pos < 3 || w->raw[w->raw_pos] != 0x1f ||
                w->raw[w->raw_pos + 1] != 0x8b) {
                int junk = skip_to_member(w);

                if (junk)
                    return PI_ECOMPRESS;
                if (w->raw_pos == w->raw_len) {
                    w->eof = 1;
                    return PI_END;
                }
            }
            if (inflateReset(&w->z) != Z_OK)
                return PI_ECOMPRESS;
            w->in_member = 1;
            w->member_in = w->member_out = 0;
        }
        avail = w->raw_len - w->raw_pos;
        w->z.next_in = w->raw + w->raw_pos;
        w->z.avail_in = (unsigned)avail;
        w->z.next_out = w->buf + w->len;
        w->z.avail_out = (unsigned)room;
        zs = inflate(&w->z, Z_NO_FLUSH);
        w->raw_pos += avail - w->z.avail_in;
        w->consumed += avail - w->z.avail_in;
        w->member_in += avail - w->z.avail_in;
        w->member_out += room - w->z.avail_out;
        w->len += room - w->z.avail_out;
        w->z_full = w->z.avail_out == 0;
        if (zs == Z_STREAM_END) {
            w->in_member = 0;
        } else if (zs == Z_MEM_ERROR) {
            return PI_ENOMEM;
        } else if (zs != Z_OK && zs != Z_BUF_ERROR) {
            /* Corrupt: go on with the member after it. */
            w->in_member = 0;
            if (w->raw_pos < w->raw_len) {
                w->raw_pos++;
                w->consumed++;
            }
            skip_to_member(w);
            return PI_ECOMPRESS;
        }
        if (w->member_out > INFLATE_FLOOR && w->member_out / INFLATE_RATIO > w->member_in) {
            w->in_member = 0;
            skip_to_member(w);
            return PI_EINFLATE;
        }
        if (room - w->z.avail_out > 0)
            return PI_OK;
    }
}

/* Make more uncompressed bytes available in the window (moving the unread
 * ones to its start). Returns PI_OK, PI_END, PI_ENOMEM or a fault. */
static int more(pi_warc *w)
{
    if (w->pos > 0) {
        memmove(w->buf, w->buf + w->pos, w->len - w->pos);
        w->base += w->pos;
        w->len -= w->pos;
        w->pos = 0;
    }
    if (w->eof || w->len == WINDOW)
        return w->eof ? PI_END : PI_OK;
    if (w->gzip) {
        int st = gzip_more(w);

        /* What the window holds of a member that failed is not the start
         * of a line: searching resumes with the next member. */
        if (st == PI_ECOMPRESS || st == PI_EINFLATE) {
            w->base += w->len;
            w->pos = w->len = 0;
        }
        return st;
    }
    for (;;) {
        size_t n;

        if (w->raw_pos == w->raw_len) {
            int st = raw_more(w);

            if (st != PI_OK) {
                w->eof = 1;
                return st;
            }
        }
        n = w->raw_len - w->raw_pos;
        if (n > WINDOW - w->len)
            n = WINDOW - w->len;
        memcpy(w->buf + w->len, w->raw + w->raw_pos, n);
        w->raw_pos += n;
        w->consumed += n;
        w->len += n;
        return PI_OK;
    }
}

/* The next line of the stream, without its LF, not consumed: *line points
 * into the window, *next is the window position after it. Returns PI_OK,
 * PI_END (no bytes left), PI_EHEADER (no LF within LINE_MAX_BYTES: *n
 * then covers what the window holds), PI_ENOMEM or a fault. */
static int peek_line(pi_warc *w, const char **line, size_t *n, size_t *next)
{
    size_t scanned = 0;

    for (;;) {
        unsigned char *nl = memchr(w->buf + w->pos + scanned, '\n', w->len - w->pos - scanned);
        int st;

        if (nl) {
            *line = (const char *)w->buf + w->pos;
            *n = (size_t)(nl - (w->buf + w->pos));
            *next = (size_t)(nl - w->buf) + 1;
            return PI_OK;
        }
        scanned = w->len - w->pos;
        if (scanned >= LINE_MAX_BYTES) {
            *line = (const char *)w->buf + w->pos;
            *n = scanned;
            *next = w->len;
            return PI_EHEADER;
        }
        st = more(w);
        if (st == PI_END && w->len > w->pos) {
            *line = (const char *)w->buf + w->pos;
            *n = w->len - w->pos;
            *next = w->len;
            return PI_OK;
        }
        if (st != PI_OK)
            return st;
    }
}

static int is_version_line(const char *line, size_t n)
{
    return n >= 6 && memcmp(line, "WARC/", 5) == 0 && pi_is_digit((unsigned char)line[5]);
}

/* Pass over bytes until a line that starts a record, which is left unread.
 * Returns PI_OK, PI_END or a fault (after which the caller searches on). */
static int resync(pi_warc *w)
{
    int mid_line = 0;

    for (;;) {
        const char *line;
        size_t n, next;
        int st = peek_line(w, &line, &n, &next);

        if (st == PI_OK && !mid_line && is_version_line(line, n))
            return PI_OK;
        if (st != PI_OK && st != PI_EHEADER)
            return st;
        mid_line = st == PI_EHEADER;
        w->pos = next;
    }
}

/* Copy (dst) or pass over (dst NULL) n bytes of the stream. Returns PI_OK,
 * PI_ETRUNC when the stream ends first, PI_ENOMEM or a fault. */
static int take(pi_warc *w, char *dst, uint64_t n)
{
    while (n > 0) {
        size_t have = w->len - w->pos;
        int st;

        if (have == 0) {
            st = more(w);
            if (st == PI_END)
                return PI_ETRUNC;
            if (st != PI_OK)
                return st;
            continue;
        }
        if (have > n)
            have = (size_t)n;
        if (dst) {
            memcpy(dst, w->buf + w->pos, have);
            dst += have;
        }
        w->pos += have;
        n -= have;
    }
    return PI_OK;
}

int pi_warc_probe(const void *data, size_t len)
{
    const unsigned char *p = data;
    unsigned char out[8];
    z_stream z;
    int ok;

    if (len >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, 15 + 16) != Z_OK)
            return 0;
        z.next_in = (Bytef *)(uintptr_t)data;
        z.avail_in = len > 65536 ? 65536 : (unsigned)len;
        z.next_out = out;
        z.avail_out = sizeof out;
        inflate(&z, Z_SYNC_FLUSH);
        ok = sizeof out - z.avail_out >= 6 && is_version_line((const char *)out, 6);
        inflateEnd(&z);
        return ok;
    }
    return data && is_version_line(data, len);
}

int pi_warc_open(const void *data, size_t len, int fd, size_t max_record, pi_warc **out)
{
    pi_warc *w = calloc(1, sizeof *w);

    *out = NULL;
    if (!w)
        return PI_ENOMEM;
    w->fd = data ? -1 : fd;
    w->max_record = max_record;
    w->buf = malloc(WINDOW);
    w->raw = malloc(data ? (len ? len : 1) : RAW_CHUNK);
    if (!w->buf || !w->raw) {
        pi_warc_free(w);
        return PI_ENOMEM;
    }
    if (data) {
        memcpy(w->raw, data, len);
        w->raw_len = len;
        w->raw_eof = 1;
    } else {
        while (w->raw_len < 2 && !w->raw_eof)
            if (raw_more(w) == PI_EIO)
                w->fault = PI_EIO;
    }
    if (w->raw_len >= 2 && w->raw[0] == 0x1f && w->raw[1] == 0x8b) {
        w->gzip = 1;
        if (inflateInit2(&w->z, 15 + 16) != Z_OK) {
            pi_warc_free(w);
            return PI_ENOMEM;
        }
        w->z_ready = 1;
    }
    *out = w;
    return PI_OK;
}

static void record_clear(pi_warc *w)
{
    pi_fields_free(&w->rec.warc);
    pi_http_free(&w->rec.http);
    free(w->rec.charset);
    free(w->head);
    free(w->block);
    w->head = w->block = NULL;
    memset(&w->rec, 0, sizeof w->rec);
}

void pi_warc_free(pi_warc *w)
{
    if (!w)
        return;
    record_clear(w);
    if (w->z_ready)
        inflateEnd(&w->z);
    free(w->buf);
    free(w->raw);
    free(w);
}

uint64_t pi_warc_consumed(const pi_warc *w)
{
    return w->consumed;
}

static int record_type(const char *t)
{
    static const char *const names[] = {"warcinfo", "response", "resource",   "request",
                                        "metadata", "revisit",  "conversion", "continuation"};

    for (size_t i = 0; t && i < sizeof names / sizeof names[0]; i++)
        if (pi_ci_eq(t, names[i]))
            return (int)i + 1;
    return PI_WARC_OTHER;
}

/* Read the header lines after the version line into w->head (CRLF kept),
 * up to the blank line, which is consumed. */
static int read_head(pi_warc *w)
{
    pi_buf b;
    int st;

    pi_buf_init(&b);
    for (;;) {
        const char *line;
        size_t n, next;

        st = peek_line(w, &line, &n, &next);
        if (st == PI_END)
            st = PI_ETRUNC;
        if (st != PI_OK)
            break;
        if (w->buf[next - 1] != '\n') {
            st = PI_ETRUNC; /* the stream ended inside the header */
            break;
        }
        if (is_version_line(line, n)) {
            st = PI_EHEADER; /* the next record: this header never ended */
            break;
        }
        w->pos = next;
        if (n == 0 || (n == 1 && line[0] == '\r'))
            break;
        if (n > LINE_MAX_BYTES || b.len + n + 1 > HEAD_MAX_BYTES) {
            st = PI_EHEADER;
            break;
        }
        pi_buf_put(&b, line, n);
        pi_buf_putc(&b, '\n');
    }
    if (st == PI_OK && b.oom)
        st = PI_ENOMEM;
    if (st != PI_OK) {
        pi_buf_free(&b);
        return st;
    }
    w->head = pi_buf_detach(&b);
    return w->head ? PI_OK : PI_ENOMEM;
}

/* Content-Length as a number: digits only, at most MAX_CONTENT_LENGTH. */
static int content_length(const char *v, uint64_t *n)
{
    uint64_t x = 0;

    if (!v || !*v)
        return PI_ELENGTH;
    for (; *v; v++) {
        if (!pi_is_digit((unsigned char)*v))
            return PI_ELENGTH;
        x = x * 10 + (uint64_t)(*v - '0');
        if (x > MAX_CONTENT_LENGTH)
            return PI_ELENGTH;
    }
    *n = x;
    return PI_OK;
}

/* The payload of the page record in w->block[0 .. n-1]. */
static int payload(pi_warc *w, size_t n)
{
    pi_warc_record *r = &w->rec;
    const char *ct = pi_fields_get(&r->warc, "Content-Type");

    const char *body = w->block;
    size_t len = n;

    r->media = ct;
    if (r->type == PI_WARC_RESPONSE && ct && pi_ci_prefix(ct, "application/http")) {
        PI_TRY(pi_http_parse(w->block, n, w->max_record, &r->http, &body, &len));
        r->media = pi_fields_get(&r->http.headers, "Content-Type");
    }
    PI_TRY(pi_content_charset(r->media, &r->charset));
    r->body = body;
    r->body_len = len;
    return PI_OK;
}

static int is_page_type(int type)
{
    return type == PI_WARC_RESPONSE || type == PI_WARC_RESOURCE || type == PI_WARC_CONVERSION;
}

/* One record from its version line on. Returns PI_OK for a page record,
 * PI_END for a record that was skipped, or a failure. */
static int read_record(pi_warc *w)
{
    pi_warc_record *r = &w->rec;
    const char *uri;
    uint64_t length;
    int st;

    r->number = ++w->number;
    PI_TRY(read_head(w));
    st = pi_fields_parse(w->head, strlen(w->head), &r->warc);
    uri = pi_fields_get(&r->warc, "WARC-Target-URI");
    if (uri && *uri == '<') {
        /* WARC 1.0's grammar wrapped it in <>, and some writers did. */
        char *u = (char *)uri + 1, *e = strchr(u, '>');

        if (e)
            *e = '\0';
        uri = u;
    }
    r->uri = uri;
    r->date = pi_fields_get(&r->warc, "WARC-Date");
    r->id = pi_fields_get(&r->warc, "WARC-Record-ID");
    r->type = record_type(pi_fields_get(&r->warc, "WARC-Type"));
    PI_TRY(st);
    if (!pi_fields_get(&r->warc, "Content-Length"))
        return PI_EHEADER;
    PI_TRY(content_length(pi_fields_get(&r->warc, "Content-Length"), &length));
    if (!pi_fields_get(&r->warc, "WARC-Type")) {
        PI_TRY(take(w, NULL, length));
        return PI_EHEADER;
    }
    if (!is_page_type(r->type)) {
        PI_TRY(take(w, NULL, length));
        return PI_END;
    }
    if (length > w->max_record) {
        PI_TRY(take(w, NULL, length));
        return PI_ETOOLARGE;
    }
    w->block = malloc((size_t)length + 1);
    if (!w->block)
        return PI_ENOMEM;
    PI_TRY(take(w, w->block, length));
    w->block[length] = '\0';
    return payload(w, (size_t)length);
}

/* Whether a failure of read_record() leaves the stream at an unknown place
 * (inside a block, or in bytes that were not a record). */
static int lost_place(int st)
{
    return st == PI_ETRUNC || st == PI_EHEADER || st == PI_ELENGTH || st == PI_ECOMPRESS ||
           st == PI_EINFLATE || st == PI_EIO;
}

int pi_warc_next(pi_warc *w, const pi_warc_record **rec)
{
    *rec = &w->rec;
    for (;;) {
        const char *line;
        size_t n, next;
        int st;

        record_clear(w);
        if (w->fault) {
            st = w->fault;
            w->fault = 0;
            w->resync = 1;
            return st;
        }
        if (w->resync) {
            st = resync(w);
            if (st != PI_OK) {
                if (st == PI_END)
                    return PI_END;
                w->fault = 0;
                return st;
            }
            w->resync = 0;
        }
        st = peek_line(w, &line, &n, &next);
        if (st == PI_END)
            return PI_END;
        if (st != PI_OK) {
            w->resync = 1;
            return st;
        }
        if (n == 0 || (n == 1 && line[0] == '\r')) {
            w->pos = next; /* the blank lines that end a record */
            continue;
        }
        if (!is_version_line(line, n)) {
            w->resync = 1;
            return PI_EHEADER;
        }
        w->rec.offset = w->base + w->pos;
        w->pos = next;
        st = read_record(w);
        if (st == PI_END)
            continue;
        if (lost_place(st))
            w->resync = 1;
        return st;
    }
}

/* test_warc.c - the WARC reader of pith.h and binary input: records built
 * here byte by byte (and gzipped with zlib), well-formed in every layout
 * and malformed in every way pith.h names, read from memory and from a file
 * descriptor; every allocation failing in turn; pith_extract() on binary
 * data and on UTF-16 and UTF-32 pages. Through libpith.so only. */
#define _POSIX_C_SOURCE 200809L /* fileno */
#include <pith.h>

#include "check_common.h"
#include "failmalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <unistd.h>
#include <zlib.h>

/* ---- Building WARC files ------------------------------------------------ */

typedef struct bytes {
    char *data;
    size_t len;
} bytes;

static void put(bytes *b, const void *data, size_t n)
{
    b->data = realloc(b->data, b->len + n + 1);
    ck_assert_ptr_nonnull(b->data);
    memcpy(b->data + b->len, data, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void putf(bytes *b, const char *format, ...)
{
    char tmp[4096];
    va_list ap;
    int n;

    va_start(ap, format);
    n = vsnprintf(tmp, sizeof tmp, format, ap);
    va_end(ap);
    ck_assert(n >= 0 && (size_t)n < sizeof tmp);
    put(b, tmp, (size_t)n);
}

/* One record: the header fields given (each "Name: value"), then
 * Content-Length of `block`, the block and the CRLF CRLF that ends it. */
static void record(bytes *b, const char *type, const char *uri, const char *ctype,
                   const char *block, size_t len)
{
    static int id;

    putf(b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:0000-%d>\r\n", type, ++id);
    putf(b, "WARC-Date: 2026-03-0%dT10:00:00Z\r\n", id % 9 + 1);
    if (uri)
        putf(b, "WARC-Target-URI: %s\r\n", uri);
    if (ctype)
        putf(b, "Content-Type: %s\r\n", ctype);
    putf(b, "Content-Length: %zu\r\n\r\n", len);
    put(b, block, len);
    put(b, "\r\n\r\n", 4);
}

static void http_record(bytes *b, const char *uri, const char *head, const char *body, size_t len)
{
    bytes block = {0};

    put(&block, head, strlen(head));
    put(&block, body, len);
    record(b, "response", uri, "application/http; msgtype=response", block.data, block.len);
    free(block.data);
}

/* data gzipped as one member (`wrap`: 15 + 16 gzip, 15 zlib, -15 raw). */
static bytes deflated(const void *data, size_t len, int wrap)
{
    bytes out = {0};
    z_stream z;

    memset(&z, 0, sizeof z);
    ck_assert_int_eq(deflateInit2(&z, 6, Z_DEFLATED, wrap, 8, Z_DEFAULT_STRATEGY), Z_OK);
    out.data = malloc(deflateBound(&z, len) + 1);
    z.next_in = (Bytef *)(uintptr_t)data;
    z.avail_in = (unsigned)len;
    z.next_out = (Bytef *)out.data;
    z.avail_out = (unsigned)deflateBound(&z, len);
    ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
    out.len = z.total_out;
    deflateEnd(&z);
    return out;
}

static void put_gzip(bytes *b, const bytes *plain)
{
    bytes gz = deflated(plain->data, plain->len, 15 + 16);
    put(b, gz.data, gz.len);
    free(gz.data);
}

static const char PAGE[] = "<html><head><title>Tides</title></head><body><article>"
                           "<h1>Tides at the pier</h1><p>The spring tides came higher than "
                           "the harbour master had ever recorded, and the water reached the "
                           "third step of the old pier before noon on Tuesday.</p>"
                           "</article></body></html>";

/* A file of every record type: warcinfo, request, the response (HTTP, with
 * a charset), a metadata and a revisit record, a resource, a conversion. */
static bytes sample(void)
{
    bytes b = {0};

    record(&b, "warcinfo", NULL, "application/warc-fields", "software: test\r\n", 16);
    record(&b, "request", "http://example.org/a", "application/http; msgtype=request",
           "GET /a HTTP/1.1\r\n\r\n", 19);
    http_record(&b, "http://example.org/a",
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"windows-1252\"\r\n"
                "X-Test: one\r\n\r\n",
                PAGE, strlen(PAGE));
    record(&b, "metadata", "http://example.org/a", "application/warc-fields", "via: x\r\n", 8);
    record(&b, "revisit", "http://example.org/a", "application/http", "", 0);
    record(&b, "resource", "file:///b.html", "text/html;charset=utf-8", PAGE, strlen(PAGE));
    record(&b, "conversion", "http://example.org/c", "text/plain", "plain", 5);
    return b;
}

/* Each record of `plain` gzipped on its own (split at "WARC/1.1" lines). */
static bytes per_record_gzip(const bytes *plain)
{
    bytes out = {0};
    size_t start = 0;

    while (start < plain->len) {
        const char *next = strstr(plain->data + start + 1, "\r\n\r\nWARC/1.1\r\n");
        size_t end = next ? (size_t)(next - plain->data) + 4 : plain->len;
        bytes one = {0};

        put(&one, plain->data + start, end - start);
        put_gzip(&out, &one);
        free(one.data);
        start = end;
    }
    return out;
}

static pith_warc *open_mem(const bytes *b, const pith_options *o)
{
    pith_warc *w = NULL;
    ck_assert_int_eq(pith_warc_open_memory(b->data, b->len, o, &w), PITH_OK);
    ck_assert_ptr_nonnull(w);
    return w;
}

static void expect_sample(pith_warc *w)
{
    size_t len;
    const char *body;

    ck_assert_int_eq(pith_warc_next(w), PITH_OK);
    ck_assert_int_eq(pith_warc_record_type(w), PITH_WARC_RESPONSE);
    ck_assert_uint_eq(pith_warc_record_number(w), 3);
    ck_assert_str_eq(pith_warc_target_uri(w), "http://example.org/a");
    ck_assert_ptr_nonnull(pith_warc_record_id(w));
    ck_assert(strncmp(pith_warc_record_id(w), "<urn:uuid:", 10) == 0);
    ck_assert_ptr_nonnull(pith_warc_date(w));
    ck_assert_int_eq(pith_warc_http_status(w), 200);
    ck_assert_str_eq(pith_warc_http_header(w, "x-test"), "one");
    ck_assert_str_eq(pith_warc_header(w, "warc-type"), "response");
    ck_assert_str_eq(pith_warc_content_type(w), "text/html; charset=\"windows-1252\"");
    ck_assert_str_eq(pith_warc_charset(w), "windows-1252");
    body = pith_warc_body(w, &len);
    ck_assert_uint_eq(len, strlen(PAGE));
    ck_assert_str_eq(body, PAGE);

    ck_assert_int_eq(pith_warc_next(w), PITH_OK);
    ck_assert_int_eq(pith_warc_record_type(w), PITH_WARC_RESOURCE);
    ck_assert_uint_eq(pith_warc_record_number(w), 6);
    ck_assert_str_eq(pith_warc_target_uri(w), "file:///b.html");
    ck_assert_int_eq(pith_warc_http_status(w), 0);
    ck_assert_str_eq(pith_warc_charset(w), "utf-8");
    ck_assert_str_eq(pith_warc_body(w, NULL), PAGE);

    ck_assert_int_eq(pith_warc_next(w), PITH_OK);
    ck_assert_int_eq(pith_warc_record_type(w), PITH_WARC_CONVERSION);
    ck_assert_ptr_null(pith_warc_charset(w));
    ck_assert_str_eq(pith_warc_body(w, &len), "plain");
    ck_assert_uint_eq(len, 5);

    ck_assert_int_eq(pith_warc_next(w), PITH_END);
    ck_assert_int_eq(pith_warc_next(w), PITH_END);
}

/* ---- Well-formed files --------------------------------------------------- */

START_TEST(plain_file)
{
    bytes b = sample();
    pith_warc *w = open_mem(&b, NULL);

    ck_assert_int_eq(pith_warc_record_type(w), PITH_WARC_OTHER);
    ck_assert_ptr_null(pith_warc_target_uri(w));
    ck_assert_str_eq(pith_warc_body(w, NULL), "");
    free(b.data); /* the reader has its own copy */
    expect_sample(w);
    ck_assert_uint_eq(pith_warc_bytes_read(w), b.len);
    pith_warc_free(w);
}
END_TEST

START_TEST(gzip_per_record)
{
    bytes plain = sample(), gz = per_record_gzip(&plain);
    pith_warc *w = open_mem(&gz, NULL);

    expect_sample(w);
    ck_assert_uint_eq(pith_warc_bytes_read(w), gz.len);
    pith_warc_free(w);
    free(plain.data);
    free(gz.data);
}
END_TEST

START_TEST(gzip_whole_file)
{
    bytes plain = sample(), gz = {0};
    pith_warc *w;

    put_gzip(&gz, &plain);
    w = open_mem(&gz, NULL);
    expect_sample(w);
    pith_warc_free(w);
    free(plain.data);
    free(gz.data);
}
END_TEST

/* Larger than the reader's buffers (256 KB), so records cross them. */
START_TEST(many_records)
{
    bytes plain = {0}, gz;
    pith_warc *w;
    int n = 0;

    for (int i = 0; i < 3000; i++)
        record(&plain, "resource", "http://example.org/x", "text/html", PAGE, strlen(PAGE));
    gz = per_record_gzip(&plain);
    for (int layout = 0; layout < 2; layout++) {
        w = open_mem(layout ? &gz : &plain, NULL);
        pith_status st;
        n = 0;
        while ((st = pith_warc_next(w)) == PITH_OK) {
            ck_assert_str_eq(pith_warc_body(w, NULL), PAGE);
            n++;
        }
        ck_assert_int_eq(st, PITH_END);
        ck_assert_int_eq(n, 3000);
        pith_warc_free(w);
    }
    free(plain.data);
    free(gz.data);
}
END_TEST

START_TEST(from_fd)
{
    bytes plain = sample(), gz = per_record_gzip(&plain);

    for (int layout = 0; layout < 2; layout++) {
        FILE *f = tmpfile();
        pith_warc *w = NULL;
        const bytes *b = layout ? &gz : &plain;

        ck_assert_ptr_nonnull(f);
        ck_assert_uint_eq(fwrite(b->data, 1, b->len, f), b->len);
        fflush(f);
        rewind(f);
        ck_assert_int_eq(pith_warc_open_fd(fileno(f), NULL, &w), PITH_OK);
        expect_sample(w);
        ck_assert_uint_eq(pith_warc_bytes_read(w), b->len);
        pith_warc_free(w);
        fclose(f);
    }
    ck_assert_int_eq(pith_warc_open_fd(-1, NULL, NULL), PITH_ERR_INVALID_ARGUMENT);
    free(plain.data);
    free(gz.data);
}
END_TEST

START_TEST(http_codings)
{
    static const char *const heads[] = {
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n", /* zlib */
        "HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n", /* raw */
        "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n",
        "HTTP/1.0 404 Not Found\nContent-Type: text/html\n\n", /* LF only */
    };
    bytes b = {0};
    size_t plen = strlen(PAGE);

    for (int i = 0; i < 6; i++) {
        bytes body = {0}, coded;

        if (i == 0 || i == 4) {
            bytes src = {0};
            if (i == 4)
                src = deflated(PAGE, plen, 15 + 16);
            else
                put(&src, PAGE, plen);
            /* Three chunks, one with an extension, then the last chunk and
             * a trailer field. */
            size_t a = src.len / 3, c = src.len - 2 * a;
            putf(&body, "%zx\r\n", a);
            put(&body, src.data, a);
            putf(&body, "\r\n%zX;ext=1\r\n", a);
            put(&body, src.data + a, a);
            putf(&body, "\r\n%zx\r\n", c);
            put(&body, src.data + 2 * a, c);
            put(&body, "\r\n0\r\nX-Trailer: t\r\n\r\n", 22);
            free(src.data);
        } else if (i == 5) {
            put(&body, PAGE, plen);
        } else {
            coded = deflated(PAGE, plen, i == 1 ? 15 + 16 : i == 2 ? 15 : -15);
            put(&body, coded.data, coded.len);
            free(coded.data);
        }
        http_record(&b, "http://example.org/", heads[i], body.data, body.len);
        free(body.data);
    }
    pith_warc *w = open_mem(&b, NULL);
    for (int i = 0; i < 6; i++) {
        size_t len;
        ck_assert_int_eq(pith_warc_next(w), PITH_OK);
        ck_assert_str_eq(pith_warc_body(w, &len), PAGE);
        ck_assert_uint_eq(len, plen);
        ck_assert_int_eq(pith_warc_http_status(w), i == 5 ? 404 : 200);
    }
    ck_assert_int_eq(pith_warc_next(w), PITH_END);
    pith_warc_free(w);
    free(b.data);
}
END_TEST

/* A body is extracted like the page it is. */
START_TEST(body_extracts)
{
    bytes b = sample();
    pith_warc *w = open_mem(&b, NULL);
    pith_doc *from_warc = NULL, *from_page = NULL;
    size_t len;

    ck_assert_int_eq(pith_warc_next(w), PITH_OK);
    const char *body = pith_warc_body(w, &len);
    ck_assert_int_eq(pith_extract(body, len, NULL, &from_warc), PITH_OK);
    ck_assert_int_eq(pith_extract(PAGE, strlen(PAGE), NULL, &from_page), PITH_OK);
    ck_assert_str_eq(pith_doc_text(from_warc), pith_doc_text(from_page));
    ck_assert_uint_gt(pith_doc_text_length(from_warc), 50);
    pith_doc_free(from_warc);
    pith_doc_free(from_page);
    pith_warc_free(w);
    free(b.data);
}
END_TEST

START_TEST(probe)
{
    bytes plain = sample(), gz = per_record_gzip(&plain);

    ck_assert_int_eq(pith_warc_probe(plain.data, plain.len), 1);
    ck_assert_int_eq(pith_warc_probe(gz.data, gz.len), 1);
    ck_assert_int_eq(pith_warc_probe(gz.data, 300), 1);
    ck_assert_int_eq(pith_warc_probe(PAGE, strlen(PAGE)), 0);
    bytes page_gz = deflated(PAGE, strlen(PAGE), 15 + 16);
    ck_assert_int_eq(pith_warc_probe(page_gz.data, page_gz.len), 0);
    ck_assert_int_eq(pith_warc_probe(NULL, 0), 0);
    ck_assert_int_eq(pith_warc_probe("WARC/", 5), 0);
    free(page_gz.data);
    free(plain.data);
    free(gz.data);
}
END_TEST

/* ---- Malformed files ----------------------------------------------------- */

static const char GOOD_URI[] = "http://example.org/good";

static void good(bytes *b)
{
    record(b, "resource", GOOD_URI, "text/html", PAGE, strlen(PAGE));
}

/* Read `b` expecting the statuses in `want` (ending in PITH_END), and
 * after each PITH_OK the good record's URI. */
static void expect_statuses(const bytes *b, const pith_options *o, const pith_status *want)
{
    pith_warc *w = open_mem(b, o);

    for (int i = 0;; i++) {
        pith_status st = pith_warc_next(w);
        ck_assert_msg(st == want[i], "%.300s status %d: %s, expected %s", b->data, i,
                      pith_status_name(st), pith_status_name(want[i]));
        if (st == PITH_OK)
            ck_assert_str_eq(pith_warc_target_uri(w), GOOD_URI);
        else if (st != PITH_END)
            ck_assert_str_eq(pith_warc_body(w, NULL), "");
        if (st == PITH_END)
            break;
    }
    pith_warc_free(w);
}

START_TEST(truncated)
{
    bytes b = {0}, gz = {0}, cut = {0};
    const pith_status want[] = {PITH_OK, PITH_ERR_TRUNCATED, PITH_END};

    good(&b);
    good(&b);
    b.len -= 40; /* inside the second block */
    expect_statuses(&b, NULL, want);
    /* In the second record's header. */
    b.len = 0;
    good(&b);
    size_t first = b.len;
    good(&b);
    b.len = first + 60;
    expect_statuses(&b, NULL, want);

    /* A gzip member cut short. */
    b.len = 0;
    good(&b);
    gz = per_record_gzip(&b);
    put(&cut, gz.data, gz.len);
    b.len = 0;
    good(&b);
    bytes second = deflated(b.data, b.len, 15 + 16);
    put(&cut, second.data, second.len / 2);
    expect_statuses(&cut, NULL, want);
    free(second.data);
    free(cut.data);
    free(gz.data);
    free(b.data);
}
END_TEST

START_TEST(bad_lengths)
{
    static const char *const lengths[] = {"12abc", "-5", "", "99999999999999999999",
                                          "2000000000000"};
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        bytes b = {0};
        const pith_status want[] = {PITH_OK, PITH_ERR_WARC_LENGTH, PITH_OK, PITH_END};

        good(&b);
        putf(&b, "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: %s\r\n\r\n%s\r\n\r\n",
             lengths[i], PAGE);
        good(&b);
        expect_statuses(&b, NULL, want);
        free(b.data);
    }
}
END_TEST

START_TEST(bad_headers)
{
    static const char *const heads[] = {
        /* no Content-Length */
        "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: x\r\n\r\nabc\r\n\r\n",
        /* no WARC-Type */
        "WARC/1.0\r\nWARC-Target-URI: x\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n",
        /* a line without a colon */
        "WARC/1.0\r\nWARC-Type: resource\r\nthis is no field\r\nContent-Length: 3\r\n\r\nabc\r\n"
        "\r\n",
        /* garbage where a record should start */
        "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n",
    };
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
        bytes b = {0};
        const pith_status want[] = {PITH_OK, PITH_ERR_WARC_HEADER, PITH_OK, PITH_END};

        good(&b);
        put(&b, heads[i], strlen(heads[i]));
        good(&b);
        expect_statuses(&b, NULL, want);
        free(b.data);
    }
    /* Not a WARC file at all, and an empty one. */
    bytes page = {0};
    const pith_status not_warc[] = {PITH_ERR_WARC_HEADER, PITH_END};
    const pith_status empty[] = {PITH_END};
    put(&page, PAGE, strlen(PAGE));
    expect_statuses(&page, NULL, not_warc);
    page.len = 0;
    expect_statuses(&page, NULL, empty);
    free(page.data);
    /* A header line longer than any real one. */
    bytes b = {0};
    const pith_status want[] = {PITH_ERR_WARC_HEADER, PITH_OK, PITH_END};
    put(&b, "WARC/1.0\r\nWARC-Target-URI: ", 27);
    for (int i = 0; i < 100000; i++)
        put(&b, "x", 1);
    put(&b, "\r\n", 2);
    good(&b);
    expect_statuses(&b, NULL, want);
    free(b.data);
}
END_TEST

START_TEST(bad_http)
{
    static const char *const blocks[] = {
        "not a status line\r\n\r\n<p>x</p>",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", /* no blank line */
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfff\r\nabc\r\n",
        "HTTP/1.1 2x0 OK\r\n\r\n",
    };
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
        bytes b = {0};
        const pith_status want[] = {PITH_ERR_HTTP, PITH_OK, PITH_END};

        record(&b, "response", "http://example.org/bad", "application/http", blocks[i],
               strlen(blocks[i]));
        good(&b);
        expect_statuses(&b, NULL, want);
        free(b.data);
    }
}
END_TEST

START_TEST(bad_compression)
{
    bytes b = {0}, good_gz = {0}, one = {0};
    const pith_status want[] = {PITH_ERR_COMPRESSION, PITH_OK, PITH_END};
    const pith_status want_file[] = {PITH_OK, PITH_ERR_COMPRESSION, PITH_OK, PITH_END};

    /* Content codings: corrupt gzip, unknown coding. */
    http_record(&b, "http://example.org/", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n",
                "\x1f\x8b\x08\x00garbage-garbage", 19);
    good(&b);
    expect_statuses(&b, NULL, want);
    b.len = 0;
    http_record(&b, "http://example.org/", "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n", "abc",
                3);
    good(&b);
    expect_statuses(&b, NULL, want);

    /* A corrupt member between good ones: the next member is read. */
    b.len = 0;
    good(&one);
    put_gzip(&good_gz, &one);
    bytes bad = deflated(one.data, one.len, 15 + 16);
    for (size_t i = 12; i < bad.len - 8; i++)
        bad.data[i] = (char)(bad.data[i] ^ 0x55);
    put(&b, good_gz.data, good_gz.len);
    put(&b, bad.data, bad.len);
    put(&b, good_gz.data, good_gz.len);
    expect_statuses(&b, NULL, want_file);
    /* Junk between members. */
    b.len = 0;
    put(&b, good_gz.data, good_gz.len);
    put(&b, "junk!", 5);
    put(&b, good_gz.data, good_gz.len);
    expect_statuses(&b, NULL, want_file);
    /* NUL padding after the last member is not junk. */
    b.len = 0;
    put(&b, good_gz.data, good_gz.len);
    put(&b, "\0\0\0\0", 4);
    const pith_status one_good[] = {PITH_OK, PITH_END};
    expect_statuses(&b, NULL, one_good);
    free(bad.data);
    free(one.data);
    free(good_gz.data);
    free(b.data);
}
END_TEST

START_TEST(limits)
{
    pith_options *o = pith_options_new();
    bytes b = {0}, big = {0};
    const pith_status want[] = {PITH_ERR_INPUT_TOO_LARGE, PITH_OK, PITH_END};
    const pith_status want_inflate[] = {PITH_ERR_INFLATE_LIMIT, PITH_OK, PITH_END};

    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_MAX_INPUT_SIZE, 4096), PITH_OK);
    for (int i = 0; i < 10000; i++)
        put(&big, "<p>x</p>", 8);
    record(&b, "resource", "http://example.org/big", "text/html", big.data, big.len);
    good(&b);
    expect_statuses(&b, o, want);
    /* A small body that inflates past the limit. */
    b.len = 0;
    bytes gz = deflated(big.data, big.len, 15 + 16);
    ck_assert_uint_lt(gz.len, 4000);
    http_record(&b, "http://example.org/bomb", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n",
                gz.data, gz.len);
    good(&b);
    expect_statuses(&b, o, want_inflate);
    /* A skipped record may be of any size. */
    b.len = 0;
    record(&b, "metadata", "http://example.org/meta", "text/plain", big.data, big.len);
    good(&b);
    const pith_status one_good[] = {PITH_OK, PITH_END};
    expect_statuses(&b, o, one_good);
    free(gz.data);
    free(big.data);
    free(b.data);
    pith_options_free(o);
}
END_TEST

/* A gzip member of 300 MB of zeros (300 KB compressed): abandoned at
 * 256 MB, the member after it read. */
START_TEST(inflate_bomb)
{
    bytes b = {0}, one = {0};
    const pith_status want[] = {PITH_ERR_INFLATE_LIMIT, PITH_OK, PITH_END};
    z_stream z;
    static char zeros[1 << 16];
    unsigned char out[1 << 16];

    memset(&z, 0, sizeof z);
    ck_assert_int_eq(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
    put(&b, "WARC/1.0\r\nWARC-Type: metadata\r\nContent-Length: 400000000\r\n\r\n", 61);
    z.next_in = (Bytef *)b.data;
    z.avail_in = (unsigned)b.len;
    bytes gz = {0};
    for (int i = 0; i <= 300 * 16; i++) {
        int flush = i == 300 * 16 ? Z_FINISH : Z_NO_FLUSH;
        if (i > 0) {
            z.next_in = (Bytef *)zeros;
            z.avail_in = sizeof zeros;
        }
        do {
            z.next_out = out;
            z.avail_out = sizeof out;
            deflate(&z, flush);
            put(&gz, out, sizeof out - z.avail_out);
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    good(&one);
    put_gzip(&gz, &one);
    expect_statuses(&gz, NULL, want);
    free(gz.data);
    free(one.data);
    free(b.data);
}
END_TEST

/* Every allocation failing in turn: PITH_ERR_NOMEM or the undisturbed
 * records, never a crash or a leak (under valgrind / ASan). */
START_TEST(oom)
{
    if (!failmalloc_active())
        return; /* compiled out under sanitizers */
    bytes plain = sample(), gz = per_record_gzip(&plain);

    for (int layout = 0; layout < 2; layout++) {
        const bytes *b = layout ? &gz : &plain;
        failmalloc_arm(0, FAILMALLOC_ONE);
        pith_warc *w = NULL;
        pith_warc_open_memory(b->data, b->len, NULL, &w);
        while (pith_warc_next(w) != PITH_END)
            ;
        pith_warc_free(w);
        unsigned long total = failmalloc_disarm();
        ck_assert_uint_gt(total, 3);
        for (unsigned long n = 1; n <= total; n++) {
            int records = 0, nomem = 0;
            pith_status st;

            failmalloc_arm(n, FAILMALLOC_ONE);
            st = pith_warc_open_memory(b->data, b->len, NULL, &w);
            if (st == PITH_OK) {
                while ((st = pith_warc_next(w)) != PITH_END) {
                    if (st == PITH_OK)
                        records++;
                    else if (st == PITH_ERR_NOMEM)
                        nomem++;
                    else
                        break;
                }
            } else {
                nomem = st == PITH_ERR_NOMEM;
            }
            pith_warc_free(w);
            w = NULL;
            unsigned long failed = failmalloc_failures();
            failmalloc_disarm();
            ck_assert_msg(st == PITH_END || st == PITH_ERR_NOMEM || nomem, "allocation %lu: %s", n,
                          pith_status_name(st));
            if (failed == 0)
                ck_assert_int_eq(records, 3);
            else
                ck_assert_msg(records + nomem >= 1 || st == PITH_ERR_NOMEM,
                              "allocation %lu failed silently", n);
        }
    }
    free(plain.data);
    free(gz.data);
}
END_TEST

/* ---- Binary input --------------------------------------------------------- */

START_TEST(not_html)
{
    static const struct {
        const char *bytes;
        size_t len;
    } inputs[] = {
        {"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10},
        {"PK\x03\x04\x14\x00\x00\x00", 8},
        {"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 15},
        {"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 16},
        {"\xff\xd8\xff\xe0\x00\x10JFIF", 10},
        {"GIF89a\x01\x00\x01\x00", 10},
        {"\x7f"
         "ELF\x02\x01\x01\x00",
         8},
        {"WARC/1.1\r\nWARC-Type: warcinfo\r\n", 31},
        {"BZh91AY&SY\x01\x02", 12},
        {"RIFF\x10\x00\x00\x00WEBPVP8 ", 16},
        {"\x00\x00\x00\x20"
         "ftypisom",
         12},
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        pith_doc *d = (pith_doc *)1;
        ck_assert_msg(pith_extract(inputs[i].bytes, inputs[i].len, NULL, &d) == PITH_ERR_NOT_HTML,
                      "input %zu", i);
        ck_assert_ptr_null(d);
    }
    /* Binary without a signature: zeros all over. */
    char data[4096];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof data; i++) {
        x = x * 1103515245u + 12345u;
        data[i] = (char)((x >> 16) % 7 == 0 ? 0 : (x >> 8));
    }
    pith_doc *d = NULL;
    ck_assert_int_eq(pith_extract(data, sizeof data, NULL, &d), PITH_ERR_NOT_HTML);
    ck_assert_str_eq(pith_status_name(PITH_ERR_NOT_HTML), "PITH_ERR_NOT_HTML");
    ck_assert_str_ne(pith_strerror(PITH_ERR_NOT_HTML), "unknown status");
}
END_TEST

/* Text that merely looks like a signature, and pages with a stray NUL. */
START_TEST(html_is_not_binary)
{
    static const char bzh[] = "BZh, a word: <p>Bzh is Breton.</p>";
    static const char id3[] = "ID3 tags <p>are for music</p>";
    static const char nul[] = "<p>one stray \0 NUL</p>";
    static const struct {
        const char *page;
        size_t len;
    } pages[] = {{bzh, sizeof bzh - 1}, {id3, sizeof id3 - 1}, {nul, sizeof nul - 1}};
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        pith_doc *d = NULL;
        ck_assert_int_eq(pith_extract(pages[i].page, pages[i].len, NULL, &d), PITH_OK);
        pith_doc_free(d);
    }
}
END_TEST

/* PAGE as UTF-16 or UTF-32 in either byte order, with or without a BOM. */
START_TEST(utf16_and_utf32_are_text)
{
    size_t n = strlen(PAGE);
    pith_doc *ref = NULL;

    ck_assert_int_eq(pith_extract(PAGE, n, NULL, &ref), PITH_OK);
    for (int unit = 2; unit <= 4; unit += 2)
        for (int be = 0; be < 2; be++)
            for (int bom = 0; bom < 2; bom++) {
                size_t len = 0;
                char *buf = calloc((n + 1) * (size_t)unit, 1);
                pith_doc *d = NULL;

                if (bom) {
                    buf[be ? unit - 2 : 0] = (char)(be ? 0xfe : 0xff);
                    buf[be ? unit - 1 : 1] = (char)(be ? 0xff : 0xfe);
                    len = (size_t)unit;
                }
                for (size_t i = 0; i < n; i++, len += (size_t)unit)
                    buf[len + (be ? (size_t)unit - 1 : 0)] = PAGE[i];
                ck_assert_msg(pith_extract(buf, len, NULL, &d) == PITH_OK, "unit %d be %d bom %d",
                              unit, be, bom);
                if (unit == 2 || bom)
                    ck_assert_str_eq(pith_doc_text(d), pith_doc_text(ref));
                pith_doc_free(d);
                free(buf);
            }
    pith_doc_free(ref);
}
END_TEST

/* A page of Chinese text as BOM-less UTF-16: its code units have zeros and
 * other C0 bytes in both byte positions. */
START_TEST(utf16_cjk_is_text)
{
    const char *head = "<html><head><title>t</title></head><body><article><p>";
    const char *tail = "</p></article></body></html>";
    size_t n = 0, cap = 2 * (strlen(head) + strlen(tail) + 3000);
    char *buf = calloc(cap, 1);
    pith_doc *d = NULL;

    for (int be = 0; be < 2; be++) {
        n = 0;
        for (const char *p = head; *p; p++, n += 2)
            buf[n + (size_t)be] = *p;
        for (unsigned i = 0; i < 3000; i++, n += 2) {
            unsigned cp = 0x4e00 + (i * 37) % 20000;
            buf[n + (size_t)be] = (char)(cp & 0xff);
            buf[n + 1 - (size_t)be] = (char)(cp >> 8);
        }
        for (const char *p = tail; *p; p++, n += 2)
            buf[n + (size_t)be] = *p;
        ck_assert_int_eq(pith_extract(buf, n, NULL, &d), PITH_OK);
        ck_assert_uint_gt(pith_doc_text_length(d), 3000);
        pith_doc_free(d);
        memset(buf, 0, cap);
    }
    free(buf);
}
END_TEST

START_TEST(status_names)
{
    for (int s = PITH_OK; s <= PITH_END; s++) {
        ck_assert_str_ne(pith_status_name((pith_status)s), "PITH_ERR_UNKNOWN");
        ck_assert_str_ne(pith_strerror((pith_status)s), "unknown status");
    }
    ck_assert_str_eq(pith_status_name(PITH_END), "PITH_END");
    ck_assert_str_eq(pith_status_name((pith_status)999), "PITH_ERR_UNKNOWN");
    ck_assert_int_eq(pith_warc_next(NULL), PITH_ERR_INVALID_ARGUMENT);
    ck_assert_int_eq(pith_warc_open_memory(NULL, 3, NULL, NULL), PITH_ERR_INVALID_ARGUMENT);
    pith_warc_free(NULL);
}
END_TEST

static void add(Suite *s)
{
    failmalloc_spare("libicu");
    PI_CASE(s, plain_file);
    PI_CASE(s, gzip_per_record);
    PI_CASE(s, gzip_whole_file);
    PI_CASE(s, many_records);
    PI_CASE(s, from_fd);
    PI_CASE(s, http_codings);
    PI_CASE(s, body_extracts);
    PI_CASE(s, probe);
    PI_CASE(s, truncated);
    PI_CASE(s, bad_lengths);
    PI_CASE(s, bad_headers);
    PI_CASE(s, bad_http);
    PI_CASE(s, bad_compression);
    PI_CASE(s, limits);
    PI_CASE_SLOW(s, inflate_bomb, 120);
    PI_CASE_TIMEOUT(s, oom, 120);
    PI_CASE(s, not_html);
    PI_CASE(s, html_is_not_binary);
    PI_CASE(s, utf16_and_utf32_are_text);
    PI_CASE(s, utf16_cjk_is_text);
    PI_CASE(s, status_names);
}

PI_SUITE_MAIN("warc", add)

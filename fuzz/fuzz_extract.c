/* fuzz_extract.c - libFuzzer target over pith_extract().
 *
 * The first byte of the input chooses the options, the rest is the page, so
 * that one corpus explores option combinations as well as markup (the idea of
 * cmark's fuzz/cmark-fuzz.c, which reads its options from leading bytes):
 *
 *   bit 0     PITH_OPT_KEEP_TITLE
 *   bits 1-3  PITH_OPT_ENCODING: none or one of seven transport labels
 *   bit 4     PITH_OPT_URL set
 *   bit 5     tight limits: small max depth, node count and output size
 *   bit 6     a pith_options handle at all (clear: NULL, the defaults)
 *   bit 7     rendering without links, images, tables and formatting, HTML
 *             standalone, JSON with HTML content (clear: with Markdown)
 *
 * Input that pith_extract() finds not to be HTML (a WARC file, gzip, other
 * binary) goes through the WARC reader too (pith_warc_open_memory with the
 * same options; bit 5 also makes its record limit small): every record's
 * accessors are read, and the first pages are extracted.
 *
 * Every successful document is read back in full: text, title, every
 * metadata field and all four rendered formats, so that a short or
 * unterminated string shows up as an ASan error here rather than in a
 * caller. */
#include <pith.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const encodings[8] = {
    NULL, "utf-8", "windows-1252", "shift_jis", "utf-16le", "gb18030", "koi8-r", "x-bogus",
};

static volatile size_t sink;

static void touch(const char *s)
{
    size_t sum = 0;
    while (*s)
        sum += (unsigned char)*s++;
    sink += sum;
}

static void read_back(const pith_doc *doc, const pith_options *o, int plain)
{
    const char *text = pith_doc_text(doc);
    if (strlen(text) != pith_doc_text_length(doc))
        abort(); /* the length must match the NUL-terminated text */
    touch(pith_doc_title(doc));
    for (int f = PITH_FIELD_TITLE; f <= PITH_FIELD_LAYER + 1; f++) {
        size_t n = pith_doc_count(doc, (pith_field)f);
        for (size_t i = 0; i <= n; i++) {
            const char *v = pith_doc_get(doc, (pith_field)f, i);
            if (i < n && !v)
                abort(); /* count and get disagree */
            if (v)
                touch(v);
        }
    }
    for (int fmt = PITH_FORMAT_TEXT; fmt <= PITH_FORMAT_JSON; fmt++) {
        char *out = NULL;
        size_t len = 0;
        pith_status s = pith_doc_render(doc, (pith_format)fmt, o, &out, &len);
        if (s == PITH_OK) {
            if (!out || strlen(out) != len)
                abort();
            if (fmt == PITH_FORMAT_TEXT && !plain && strcmp(out, text) != 0)
                abort(); /* with tables, the text format is pith_doc_text() */
        } else if (out || s != PITH_ERR_NOMEM) {
            abort();
        }
        pith_free(out);
    }
}

/* Every record of the input as a WARC file. */
static void read_warc(const char *data, size_t len, pith_options *o, int plain)
{
    pith_warc *w = NULL;
    pith_status s;
    int pages = 0;

    if (pith_warc_open_memory(data, len, o, &w) != PITH_OK)
        return;
    while ((s = pith_warc_next(w)) != PITH_END) {
        size_t n = 0;
        const char *body = pith_warc_body(w, &n);
        const char *fields[] = {pith_warc_record_id(w),
                                pith_warc_target_uri(w),
                                pith_warc_date(w),
                                pith_warc_content_type(w),
                                pith_warc_charset(w),
                                pith_warc_header(w, "Content-Length"),
                                pith_warc_http_header(w, "Content-Type")};

        for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
            if (fields[i])
                touch(fields[i]);
        if (body[n] != '\0' || (s != PITH_OK && n != 0))
            abort(); /* the body is NUL-terminated, and empty after a failure */
        sink += (size_t)pith_warc_record_type(w) + (size_t)pith_warc_http_status(w) +
                (size_t)pith_warc_record_number(w) + (size_t)pith_warc_bytes_read(w);
        if (s == PITH_OK && pages++ < 4) {
            pith_doc *doc = NULL;
            if (pith_extract(body, n, o, &doc) == PITH_OK)
                read_back(doc, o, plain);
            pith_doc_free(doc);
        }
    }
    pith_warc_free(w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned flags = data[0];
    const char *html = (const char *)data + 1;
    size_t len = size - 1;

    pith_options *o = NULL;
    if (flags & 0x40) {
        o = pith_options_new();
        if (!o)
            return 0;
        pith_options_set_int(o, PITH_OPT_KEEP_TITLE, flags & 1);
        pith_options_set_string(o, PITH_OPT_ENCODING, encodings[(flags >> 1) & 7]);
        if (flags & 0x10)
            pith_options_set_string(o, PITH_OPT_URL, "https://example.org/news/2024/story.html");
        if (flags & 0x20) {
            pith_options_set_int(o, PITH_OPT_MAX_DEPTH, 16);
            pith_options_set_int(o, PITH_OPT_MAX_NODES, 64);
            pith_options_set_int(o, PITH_OPT_MAX_OUTPUT_SIZE, 256);
        }
        int plain = (flags & 0x80) != 0;
        pith_options_set_int(o, PITH_OPT_LINKS, !plain);
        pith_options_set_int(o, PITH_OPT_IMAGES, !plain);
        pith_options_set_int(o, PITH_OPT_TABLES, !plain);
        pith_options_set_int(o, PITH_OPT_FORMATTING, !plain);
        pith_options_set_int(o, PITH_OPT_STANDALONE, plain);
        pith_options_set_int(o, PITH_OPT_JSON_CONTENT,
                             plain ? PITH_FORMAT_HTML : PITH_FORMAT_MARKDOWN);
    }

    pith_doc *doc = NULL;
    pith_status s = pith_extract(html, len, o, &doc);
    if (s == PITH_OK) {
        if (!doc)
            abort();
        read_back(doc, o, o && (flags & 0x80));
        pith_doc_free(doc);
    } else if (doc) {
        abort(); /* a failure must leave *doc NULL */
    }
    if (s == PITH_ERR_NOT_HTML) {
        if (o && (flags & 0x20))
            pith_options_set_int(o, PITH_OPT_MAX_INPUT_SIZE, 512);
        read_warc(html, len, o, o && (flags & 0x80));
    }
    pith_options_free(o);
    return 0;
}

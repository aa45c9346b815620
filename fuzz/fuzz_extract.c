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
 *
 * Every successful document is read back in full, so a short or unterminated
 * text shows up as an ASan error here rather than in a caller. */
#include <pith.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const encodings[8] = {
    NULL, "utf-8", "windows-1252", "shift_jis", "utf-16le", "gb18030", "koi8-r", "x-bogus",
};

static void read_back(const pith_doc *doc)
{
    const char *text = pith_doc_text(doc);
    size_t len = pith_doc_text_length(doc);
    if (strlen(text) != len)
        abort(); /* the length must match the NUL-terminated text */
    volatile size_t sum = 0;
    for (const char *t = pith_doc_title(doc); *t; t++)
        sum += (unsigned char)*t;
    (void)sum;
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
    }

    pith_doc *doc = NULL;
    pith_status s = pith_extract(html, len, o, &doc);
    if (s == PITH_OK) {
        if (!doc)
            abort();
        read_back(doc);
        pith_doc_free(doc);
    } else if (doc) {
        abort(); /* a failure must leave *doc NULL */
    }
    pith_options_free(o);
    return 0;
}

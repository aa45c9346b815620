/* input.c - decide the page's encoding and convert it to clean UTF-8.
 *
 * The decision never lets libxml2 guess (NOTES "Encodings"): we pick one
 * encoding for the whole buffer from the evidence in the order input.h
 * gives, convert it ourselves (transcode.c), and dom.c parses the result as
 * UTF-8 with HTML_PARSE_IGNORE_ENC. Labels and the <meta> prescan are
 * charset.c's; this file weighs what they say against the bytes. */
#include "input/input.h"
#include "base/error.h"
#include "input/charset.h"
#include "input/transcode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucsdet.h>

/* ---- Tuning ------------------------------------------------------------ */

/* ICU's detector costs about 1 ms per 4 KB (NOTES) and is only asked when
 * the page is not UTF-8 and nothing declared a usable encoding. */
#define DETECT_BYTES 16384
/* The detector needs non-ASCII bytes to say anything, and heads are often
 * many KB of ASCII script: the sample starts this far before the first
 * non-ASCII byte. */
#define DETECT_LEAD_IN 512
/* Below this ICU's guess is noise: measured on test pages, right answers
 * score 47 (windows-1251), 71 (windows-1252), 100 (CJK); Latin-1 corpus
 * pages 24-75. Under it we fall back to windows-1252, as browsers do for
 * Western locales. */
#define DETECT_MIN_CONFIDENCE 20
/* Latin alternatives to windows-1252 (ISO-8859-2, windows-1250, -1254)
 * need more: on a short French paragraph ICU says windows-1250 at 25
 * (windows-1252 at 12), while a Polish page that is ISO-8859-2 scores 56.
 * Taking windows-1252 for Central European text loses a few letters; taking
 * windows-1250 for Western text loses as many, and Western pages are the
 * more common undeclared legacy pages. */
#define DETECT_LATIN_MIN_CONFIDENCE 50

/* Declared legacy encodings that the bytes contradict: a page whose bytes
 * form valid multi-byte UTF-8 sequences was saved as UTF-8 whatever the
 * declaration says (templates keep old metas; readability/qq.html declares
 * gb2312 over 7500 UTF-8 bytes). In single-byte text a lead byte followed
 * by continuation bytes is vanishingly rare, so one sequence is enough; in
 * EUC/GBK/Big5/Shift_JIS text about one character in ten happens to be a
 * valid UTF-8 sequence, so a few more are required. Stray invalid bytes
 * are allowed as long as valid sequences outnumber them UTF8_RATIO to 1:
 * genuine CJK legacy pages give 1 valid to between 2.3 (EUC-JP) and 9
 * (EUC-KR) invalid, single-byte pages none valid. */
#define OVERRIDE_MIN_SEQ_SINGLE 1
#define OVERRIDE_MIN_SEQ_MULTI 4
#define UTF8_RATIO 2

/* A declared legacy encoding under which at least this many bytes, and one
 * in MISDECLARED_SHARE of the non-ASCII bytes, fail to decode is checked
 * against the detector, whose answer replaces it when it leaves
 * MISDECLARED_RATIO times fewer bad bytes. A bad byte or two is normal in
 * real pages (a pasted character, a cut-off tail); a steady share means the
 * page was saved in another encoding. GBK text read as Shift_JIS fails on
 * about 6% of its bytes (most GBK pairs are also valid Shift_JIS). */
#define MISDECLARED_MIN_REPLACED 3
#define MISDECLARED_SHARE 100
#define MISDECLARED_RATIO 4

/* BOM-less UTF-16 shows as a zero byte in most code units of ASCII markup;
 * ASCII-compatible HTML has no zero bytes at all. Looked at in this many
 * bytes, and required in at least 1/UTF16_ZERO_SHARE of the units of one
 * parity and under 1/UTF16_OTHER_SHARE of the other. */
#define UTF16_SNIFF_BYTES 1024
#define UTF16_ZERO_SHARE 4
#define UTF16_OTHER_SHARE 16
/* Fewer bytes say nothing: "a\0b\0" is as likely ASCII with NULs. A page
 * of UTF-16 is longer than "<html></html>". */
#define UTF16_MIN_BYTES 32

/* ---- Labels ----------------------------------------------------------- */

const char *pi_input_label(const char *label)
{
    int e = label ? pi_charset_lookup(label, strlen(label)) : -1;
    return e < 0 ? NULL : pi_encodings[e].name;
}

const char *pi_input_prescan(const char *bytes, size_t len)
{
    if (!bytes)
        return NULL;
    int e = pi_charset_prescan((const unsigned char *)bytes, len);
    return e < 0 ? NULL : pi_encodings[e].name;
}

/* ---- Evidence from the bytes -------------------------------------------- */

/* Bytes below 0x80 from p, eight at a time. */
static size_t ascii_run(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull)
            break;
        i += 8;
    }
    while (i < n && p[i] < 0x80)
        i++;
    return i;
}

/* Count p[i..n) into st, which holds the counts of p[0..i) (first_high
 * SIZE_MAX if none yet); i is at a character boundary. */
static void utf8_scan(const unsigned char *p, size_t n, size_t i, pi_u8stats *st)
{
    const unsigned char *end = p + n;
    i += ascii_run(p + i, n - i);
    if (st->first_high == SIZE_MAX)
        st->first_high = i;
    while (i < n) {
        int32_t c;
        size_t l = pi_utf8_next(p + i, end, &c);
        st->high += l;
        if (c >= 0)
            st->seqs++;
        else if (c == -1)
            st->invalid++;
        i += l;
        i += ascii_run(p + i, n - i);
    }
}

static int looks_utf8(const pi_u8stats *st, size_t min_seqs, size_t ratio)
{
    if (st->invalid == 0)
        return st->seqs >= min_seqs;
    return st->seqs >= min_seqs && st->seqs >= ratio * st->invalid;
}

/* PI_ENC_UTF16LE or _BE when the zero bytes of the first bytes say so. */
static int utf16_layout(const unsigned char *p, size_t n)
{
    if (n > UTF16_SNIFF_BYTES)
        n = UTF16_SNIFF_BYTES;
    size_t units = n / 2, even = 0, odd = 0;
    if (n < UTF16_MIN_BYTES)
        return -1;
    for (size_t i = 0; i + 1 < n; i += 2) {
        even += p[i] == 0;
        odd += p[i + 1] == 0;
    }
    if (odd * UTF16_ZERO_SHARE >= units && even * UTF16_OTHER_SHARE < units)
        return PI_ENC_UTF16LE;
    if (even * UTF16_ZERO_SHARE >= units && odd * UTF16_OTHER_SHARE < units)
        return PI_ENC_UTF16BE;
    return -1;
}

static int bom(const unsigned char *p, size_t n, size_t *skip)
{
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        *skip = 3;
        return PI_ENC_UTF8;
    }
    /* UTF-32LE before UTF-16LE: FF FE 00 00 would otherwise be UTF-16 with
     * a leading NUL, which no HTML page starts with. */
    if (n >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) {
        *skip = 4;
        return PI_ENC_UTF32LE;
    }
    if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) {
        *skip = 4;
        return PI_ENC_UTF32BE;
    }
    if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        *skip = 2;
        return PI_ENC_UTF16LE;
    }
    if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        *skip = 2;
        return PI_ENC_UTF16BE;
    }
    return -1;
}

/* Single-byte encodings for Latin-script languages other than windows-1252. */
static int latin_alternative(int enc)
{
    switch (enc) {
    case PI_ENC_ISO8859_2:
    case PI_ENC_ISO8859_3:
    case PI_ENC_ISO8859_4:
    case PI_ENC_ISO8859_10:
    case PI_ENC_ISO8859_13:
    case PI_ENC_ISO8859_14:
    case PI_ENC_ISO8859_15:
    case PI_ENC_ISO8859_16:
    case PI_ENC_WIN1250:
    case PI_ENC_WIN1254:
    case PI_ENC_WIN1257:
    case PI_ENC_WIN1258:
    case PI_ENC_MACINTOSH:
        return 1;
    default:
        return 0;
    }
}

/* ICU's detector on a sample around the first non-ASCII byte; *enc is -1
 * when no acceptable guess reaches the threshold. UTF-8 guesses are left
 * to our whole-buffer count (ICU sees 16 KB), UTF-16/32 guesses without a
 * BOM are wrong on ASCII-heavy pages (NOTES), EBCDIC guesses have no label.
 * PI_ENOMEM only for memory: a detector ICU cannot open or run for another
 * reason makes no guess, and the page falls back to windows-1252 like one
 * whose converter is missing, rather than failing. */
static int detect(const unsigned char *p, size_t n, size_t first_high, int *enc)
{
    size_t start = 0;
    *enc = -1;
    if (first_high > DETECT_LEAD_IN) {
        start = first_high - DETECT_LEAD_IN;
        /* Start after a '>' so that the input filter does not see half a tag. */
        const unsigned char *gt = memchr(p + start, '>', first_high - start);
        if (gt)
            start = (size_t)(gt - p) + 1;
    }
    size_t len = n - start;
    if (len > DETECT_BYTES)
        len = DETECT_BYTES;
    UErrorCode e = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&e);
    if (U_FAILURE(e))
        return e == U_MEMORY_ALLOCATION_ERROR ? PI_ENOMEM : PI_OK;
    ucsdet_enableInputFilter(d, 1);
    ucsdet_setText(d, (const char *)p + start, (int32_t)len, &e);
    int32_t count = 0;
    const UCharsetMatch **m = ucsdet_detectAll(d, &count, &e);
    if (U_FAILURE(e)) {
        ucsdet_close(d);
        return e == U_MEMORY_ALLOCATION_ERROR ? PI_ENOMEM : PI_OK;
    }
    for (int32_t i = 0; i < count; i++) {
        UErrorCode e2 = U_ZERO_ERROR;
        int32_t conf = ucsdet_getConfidence(m[i], &e2);
        const char *name = ucsdet_getName(m[i], &e2);
        if (U_FAILURE(e2) || conf < DETECT_MIN_CONFIDENCE)
            break; /* sorted by confidence */
        int x = pi_charset_lookup(name, strlen(name));
        if (x < 0 || x == PI_ENC_UTF8 || pi_encodings[x].kind == PI_KIND_UTF16 ||
            pi_encodings[x].kind == PI_KIND_UTF32)
            continue;
        if (latin_alternative(x) && conf < DETECT_LATIN_MIN_CONFIDENCE)
            continue;
        *enc = x;
        break;
    }
    ucsdet_close(d);
    return PI_OK;
}

/* ---- The decision --------------------------------------------------------- */

/* A declaration checked against the bytes: 1 use it, 0 the bytes are UTF-8
 * instead, -1 ignore it (try the next evidence). */
static int judge(int enc, const pi_u8stats *st)
{
    switch (pi_encodings[enc].kind) {
    case PI_KIND_UTF8:
        /* Declared UTF-8 with stray invalid bytes (a Latin-1 "ü" pasted
         * into a template, a cut-off character) is still UTF-8, as browsers
         * read it: the few bad bytes become U+FFFD. When invalid sequences
         * outnumber valid ones the page is a legacy encoding mislabelled,
         * and reading it as UTF-8 would replace every accented letter. */
        return st->invalid == 0 || st->seqs >= st->invalid ? 1 : -1;
    case PI_KIND_UTF16:
    case PI_KIND_UTF32:
        return 1; /* only reaches here after the zero-byte check */
    case PI_KIND_MULTI:
        return looks_utf8(st, OVERRIDE_MIN_SEQ_MULTI, UTF8_RATIO) ? 0 : 1;
    default:
        return looks_utf8(st, OVERRIDE_MIN_SEQ_SINGLE, UTF8_RATIO) ? 0 : 1;
    }
}

/* The caller's hint: a bare label or anything with "charset=". */
static int hint_encoding(const char *hint, const unsigned char *p, size_t n)
{
    size_t hl = strlen(hint);
    int e = pi_charset_lookup(hint, hl);
    if (e < 0)
        e = pi_charset_from_content((const unsigned char *)hint, hl);
    /* A UTF-16 transport label without a BOM is trusted only when the zero
     * bytes agree; their layout also settles the byte order, which "utf-16"
     * leaves open. */
    if (e >= 0 && pi_encodings[e].kind == PI_KIND_UTF16)
        e = utf16_layout(p, n);
    return e;
}

static void set_name(char *dst, const char *name)
{
    size_t l = strlen(name);
    memcpy(dst, name, l + 1); /* every name is shorter than 48 */
}

static int decode(const char *bytes, size_t len, const char *hint, pi_input *out, int view)
{
    const unsigned char *p = (const unsigned char *)(bytes ? bytes : "");
    int enc = -1, err;
    size_t skip = 0;
    const char *source = "default";
    pi_u8stats st = {0, 0, 0, SIZE_MAX};
    int declared_used = 0, kept = 0;
    size_t prefix = SIZE_MAX; /* pi_clean_prefix() of the bytes, run on s */
    pi_sink s;

    memset(out, 0, sizeof *out);
    if (!bytes)
        len = 0;
    err = pi_sink_init(&s);
    if (err)
        return err;

    enc = bom(p, len, &skip);
    if (enc >= 0)
        source = "bom";
    if (enc < 0) {
        /* One pass both counts the UTF-8 evidence and finds how much of
         * the page UTF-8 cleaning would keep; the count goes on from where
         * that stops. */
        prefix = pi_clean_prefix(&s, p, len, &st);
        utf8_scan(p, len, prefix, &st);
        int decl[2] = {-1, -1};
        const char *by[2] = {"hint", "meta"};
        if (hint)
            decl[0] = hint_encoding(hint, p, len);
        decl[1] = pi_charset_prescan(p, len);
        for (int i = 0; i < 2 && enc < 0; i++) {
            if (decl[i] < 0)
                continue;
            if (!out->declared_by) {
                set_name(out->declared, pi_encodings[decl[i]].name);
                out->declared_by = by[i];
            }
            int j = judge(decl[i], &st);
            if (j == 1) {
                enc = decl[i];
                source = by[i];
                declared_used = 1;
                set_name(out->declared, pi_encodings[decl[i]].name);
                out->declared_by = by[i];
            } else if (j == 0) {
                enc = PI_ENC_UTF8;
                source = "utf-8";
            }
        }
        if (enc < 0 && !out->declared_by) {
            enc = utf16_layout(p, len);
            if (enc >= 0)
                source = "detector";
        }
        if (enc < 0 && !out->declared_by && st.seqs == 0 && st.invalid == 0 &&
            memchr(p, 0x1B, len)) {
            /* ISO-2022 text is 7-bit, so "valid UTF-8"; only the detector
             * tells it from ASCII, by its escape sequences. */
            err = detect(p, len, 0, &enc);
            if (err)
                return err;
            if (enc >= 0 && pi_encodings[enc].kind != PI_KIND_7BIT)
                enc = -1;
            if (enc >= 0)
                source = "detector";
        }
        if (enc < 0 && looks_utf8(&st, 0, UTF8_RATIO)) {
            enc = PI_ENC_UTF8;
            source = "utf-8";
        }
        if (enc < 0) {
            err = detect(p, len, st.first_high, &enc);
            if (err)
                return err;
            if (enc >= 0)
                source = "detector";
        }
        if (enc < 0) {
            enc = PI_ENC_WIN1252;
            source = "default";
        }
    }

    if (pi_encodings[enc].kind != PI_KIND_UTF8 && prefix != SIZE_MAX) {
        /* The measuring pass left state for UTF-8 in s. */
        prefix = SIZE_MAX;
        err = pi_sink_init(&s);
        if (err)
            return err;
    }
    p += skip;
    len -= skip;
    err = pi_transcode(&s, enc, p, len, view, &kept, prefix);
    if (err == PI_EENCODING) {
        /* ICU without this converter's data: read the bytes as the default
         * rather than fail the page. */
        pi_buf_free(&s.b);
        err = pi_sink_init(&s);
        if (err)
            return err;
        enc = PI_ENC_WIN1252;
        source = "default";
        err = pi_transcode(&s, enc, p, len, 0, &kept, SIZE_MAX);
    }
    if (!err && declared_used && s.replaced >= MISDECLARED_MIN_REPLACED &&
        s.replaced * MISDECLARED_SHARE >= st.high && pi_encodings[enc].kind != PI_KIND_UTF8 &&
        pi_encodings[enc].kind != PI_KIND_UTF16) {
        /* The declared legacy encoding left many bytes undecodable (a page
         * saved as Shift_JIS under an EUC-JP meta): ask the detector, and
         * keep its answer if it decodes clearly better. */
        int alt = -1;
        err = detect(p, len, st.first_high, &alt);
        if (!err && alt >= 0 && alt != enc) {
            pi_sink s2;
            err = pi_sink_init(&s2);
            if (!err)
                err = pi_transcode(&s2, alt, p, len, 0, &kept, SIZE_MAX);
            if (!err && s2.replaced * MISDECLARED_RATIO <= s.replaced) {
                pi_buf_free(&s.b);
                s = s2;
                enc = alt;
                source = "detector";
            } else {
                pi_buf_free(&s2.b);
                if (err == PI_EENCODING)
                    err = PI_OK;
            }
        }
    }
    if (!err && kept) {
        err = pi_nfc_pass(&s, (const char *)p, len);
        kept = !s.b.data;
    } else if (!err) {
        err = pi_nfc_pass(&s, s.b.data, s.b.len);
    }
    if (!err && !kept && !s.b.data && pi_buf_reserve(&s.b, 1) == 0)
        s.b.data[0] = '\0';
    if (err || (!kept && !s.b.data)) {
        pi_buf_free(&s.b);
        memset(out, 0, sizeof *out);
        return err && err != PI_EENCODING ? err : PI_ENOMEM;
    }
    if (kept) {
        out->text = (const char *)p;
        out->len = len;
    } else {
        out->len = s.b.len;
        out->utf8 = pi_buf_detach(&s.b);
        out->text = out->utf8;
    }
    out->replaced = s.replaced;
    set_name(out->encoding, pi_encodings[enc].name);
    out->source = source;
    return PI_OK;
}

int pi_input_decode(const char *bytes, size_t len, const char *hint, pi_input *out)
{
    return decode(bytes, len, hint, out, 0);
}

int pi_input_view(const char *bytes, size_t len, const char *hint, pi_input *out)
{
    return decode(bytes, len, hint, out, 1);
}

void pi_input_free(pi_input *in)
{
    if (!in)
        return;
    free(in->utf8);
    in->utf8 = NULL;
    in->text = NULL;
    in->len = 0;
}

int pi_input_init(void)
{
    UErrorCode e = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&e);
    if (U_FAILURE(e))
        return e == U_MEMORY_ALLOCATION_ERROR ? PI_ENOMEM : PI_EINIT;
    ucsdet_close(d);
    return PI_OK;
}

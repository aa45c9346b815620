/* transcode.c - convert a page from its encoding to clean UTF-8 in NFC.
 *
 * Conversion and cleaning are one linear pass that writes UTF-8 code point
 * by code point into a sink (transcode.h): UTF-8 input is validated where it
 * stands, windows-1252 and ISO-8859-16 go through our own tables, the rest
 * through ICU converters. A second pass normalises to NFC only from the
 * first character that fails the NFC quick check, so NFC pages (nearly all)
 * pay a cached property lookup per non-Latin character and nothing more. */
#include "input/transcode.h"
#include "base/error.h"
#include "input/charset.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h> /* ucnv_cbToUWriteUChars */
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- Tuning ------------------------------------------------------------ */

/* UTF-16 units converted per ICU call (on the stack). */
#define CONVERT_UNITS 4096
/* Bytes normalised per unorm2 call (ICU lengths are int32_t). */
#define NFC_CHUNK 65536
/* Stream-Safe Text Format (UAX #15): after 30 non-starters in a row a
 * CGJ is inserted, which bounds canonical reordering (quadratic in the run
 * length) on "zalgo" text and guarantees normalisation boundaries. */
#define MAX_NONSTARTERS 30

/* ---- Tables --------------------------------------------------------------- */

/* windows-1252 0x80-0x9F (WHATWG index; 0xA0-0xFF are Latin-1). The five
 * holes map to C1 controls, as in browsers; the cleaner drops them. */
static const uint16_t win1252_80[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/* ISO-8859-16 0xA0-0xFF (0x80-0x9F are C1 controls). */
static const uint16_t iso8859_16_a0[96] = {
    0x00A0, 0x0104, 0x0105, 0x0141, 0x20AC, 0x201E, 0x0160, 0x00A7, 0x0161, 0x00A9, 0x0218, 0x00AB,
    0x0179, 0x00AD, 0x017A, 0x017B, 0x00B0, 0x00B1, 0x010C, 0x0142, 0x017D, 0x201D, 0x00B6, 0x00B7,
    0x017E, 0x010D, 0x0219, 0x00BB, 0x0152, 0x0153, 0x0178, 0x017C, 0x00C0, 0x00C1, 0x00C2, 0x0102,
    0x00C4, 0x0106, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
    0x0110, 0x0143, 0x00D2, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x015A, 0x0170, 0x00D9, 0x00DA, 0x00DB,
    0x00DC, 0x0118, 0x021A, 0x00DF, 0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x0107, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF, 0x0111, 0x0144, 0x00F2, 0x00F3,
    0x00F4, 0x0151, 0x00F6, 0x015B, 0x0171, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x0119, 0x021B, 0x00FF,
};

/* ICU's Big5-HKSCS (ibm-1375) leaves these HKSCS-2008 characters in the
 * private use area; WHATWG's Big5 index, like later Unicode, has them (four
 * as a letter and a combining mark). Sorted by the PUA code point. */
static const struct {
    uint16_t pua;
    uint16_t cp[2];
    /* clang-format off */
} big5_pua[] = {
    {0xF303, {0x31C0, 0}}, {0xF304, {0x31C1, 0}}, {0xF305, {0x31C2, 0}},
    {0xF306, {0x31C3, 0}}, {0xF307, {0x31C4, 0}}, {0xF309, {0x31C5, 0}},
    {0xF30C, {0x31C6, 0}}, {0xF30D, {0x31C7, 0}}, {0xF310, {0x31C8, 0}},
    {0xF312, {0x31C9, 0}}, {0xF313, {0x31CA, 0}}, {0xF314, {0x31CB, 0}},
    {0xF315, {0x31CC, 0}}, {0xF317, {0x31CD, 0}}, {0xF318, {0x31CE, 0}},
    {0xF325, {0x00CA, 0x0304}}, {0xF327, {0x00CA, 0x030C}},
    {0xF344, {0x00EA, 0x0304}}, {0xF346, {0x00EA, 0x030C}},
    {0xF34A, {0x23DA, 0}}, {0xF34B, {0x23DB, 0}}, {0xF57A, {0x9FA6, 0}},
    {0xF5A4, {0x9FA7, 0}}, {0xF5AB, {0x9FA8, 0}}, {0xF5CC, {0x9FA9, 0}},
    {0xF5CE, {0x9FAA, 0}}, {0xF5D0, {0x9FAB, 0}}, {0xF5D5, {0x9FAC, 0}},
    {0xF5EC, {0x9FAD, 0}}, {0xF5ED, {0x9FAE, 0}}, {0xF5EF, {0x9FAF, 0}},
    {0xF602, {0x9FB2, 0}}, {0xF61C, {0x9FB3, 0}}, {0xF7E5, {0x31CF, 0}},
    {0xF7EB, {0x9FB0, 0}}, {0xF7ED, {0x9FB1, 0}},
};
/* clang-format on */

/* ---- Output: cleaning sink ------------------------------------------------ */

/* ICU's failure as a status: only memory is PI_ENOMEM; anything else means
 * this encoding cannot be converted here (input.c then falls back). */
static int icu_status(UErrorCode e)
{
    return e == U_MEMORY_ALLOCATION_ERROR ? PI_ENOMEM : PI_EENCODING;
}

int pi_sink_init(pi_sink *s)
{
    UErrorCode e = U_ZERO_ERROR;
    memset(s, 0, sizeof *s);
    pi_buf_init(&s->b);
    s->dirty = SIZE_MAX;
    for (int i = 0; i < PI_NFC_CACHE; i++)
        s->block[i] = -1;
    s->nfc = unorm2_getNFCInstance(&e);
    return U_FAILURE(e) ? icu_status(e) : PI_OK;
}

/* Ranges of letters that are all inert, checked against ICU by
 * test_input: CJK ideographs (with extensions A and B) and Hangul
 * syllables. */
static int inert_range(int32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF);
}

static int inert(pi_sink *s, int32_t c)
{
    if (inert_range(c))
        return 1;
    int32_t b = c >> 6;
    unsigned i;
    for (i = 0; i < PI_NFC_CACHE; i++)
        if (s->block[i] == b)
            return (int)((s->inert[i] >> (c & 63)) & 1);
    i = s->next++ % PI_NFC_CACHE;
    s->block[i] = b;
    s->inert[i] = 0;
    for (int k = 0; k < 64; k++) {
        UChar32 x = (b << 6) | k;
        if (unorm2_getCombiningClass(s->nfc, x) == 0 &&
            u_getIntPropertyValue(x, UCHAR_NFC_QUICK_CHECK) == UNORM_YES)
            s->inert[i] |= (uint64_t)1 << k;
    }
    return (int)((s->inert[i] >> (c & 63)) & 1);
}

static inline char *put_utf8(char *w, int32_t c)
{
    if (c < 0x80) {
        *w++ = (char)c;
    } else if (c < 0x800) {
        *w++ = (char)(0xC0 | (c >> 6));
        *w++ = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *w++ = (char)(0xE0 | (c >> 12));
        *w++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *w++ = (char)(0x80 | (c & 0x3F));
    } else {
        *w++ = (char)(0xF0 | (c >> 18));
        *w++ = (char)(0x80 | ((c >> 12) & 0x3F));
        *w++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *w++ = (char)(0x80 | (c & 0x3F));
    }
    return w;
}

/* Bytes one emit() may write: a CGJ and a 4-byte character. */
#define EMIT_MAX 7

/* Write one scalar value with the cleaning rules; the caller reserved
 * EMIT_MAX bytes at w, which is at output offset `at`. */
static inline char *emit_at(pi_sink *s, char *w, size_t at, int32_t c)
{
    char *w0 = w;
    if (c < 0x80) {
        /* C0 controls are not text; TAB, LF and CR are whitespace. FF is
         * whitespace too (a page break in <pre> text), but libxml2 2.9.14
         * drops it from text nodes and would join the words around it. */
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7F)
            return w;
        *w++ = c == '\f' ? '\n' : (char)c;
        s->last_ccc = s->nonstarters = 0;
        return w;
    }
    if (c < 0xA0) {
        /* NEL is a line break; other C1 controls only come from mislabelled
         * or broken text and print nothing. */
        if (c == 0x85) {
            *w++ = '\n';
            s->last_ccc = s->nonstarters = 0;
        }
        return w;
    }
    switch (c) {
    case 0x00AD: /* soft hyphen: invisible, splits words for search */
    case 0x200B: /* zero width space */
    case 0x2060: /* word joiner */
    case 0xFEFF: /* BOM / zero width no-break space inside text */
        return w;
    case 0x2028: /* line separator */
    case 0x2029: /* paragraph separator */
        *w++ = '\n';
        s->last_ccc = s->nonstarters = 0;
        return w;
    default:
        break;
    }
    /* Noncharacters: never text, and libxml2 rejects U+FFFE and U+FFFF. */
    if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF))
        return w;
    if (c < 0x300) {
        /* No character below U+0300 has a combining class, fails the NFC
         * quick check or composes with what precedes it. */
        s->last_ccc = s->nonstarters = 0;
        return put_utf8(w, c);
    }
    if (inert(s, c)) {
        s->last_ccc = s->nonstarters = 0;
        return put_utf8(w, c);
    }
    int ccc = unorm2_getCombiningClass(s->nfc, c);
    if (ccc) {
        if (++s->nonstarters > MAX_NONSTARTERS) {
            w = put_utf8(w, 0x034F);
            s->nonstarters = 1;
            s->last_ccc = 0;
        }
        if (ccc < s->last_ccc && s->dirty == SIZE_MAX)
            s->dirty = at + (size_t)(w - w0);
    } else {
        s->nonstarters = 0;
    }
    if (s->dirty == SIZE_MAX && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES)
        s->dirty = at + (size_t)(w - w0);
    s->last_ccc = ccc;
    return put_utf8(w, c);
}

static inline char *emit(pi_sink *s, char *w, int32_t c)
{
    return emit_at(s, w, (size_t)(w - s->b.data), c);
}

static char *emit_bad(pi_sink *s, char *w)
{
    s->replaced++;
    return emit(s, w, 0xFFFD);
}

/* Bytes of w that are zero, as their high bit; exact per byte (no carry
 * crosses bytes). */
static inline uint64_t zero_bytes(uint64_t w)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
    return ~(((w & low7) + low7) | w) & ~low7;
}

/* ASCII bytes the cleaning keeps as they are: 0x20-0x7E, TAB, LF, CR. */
static int kept_ascii(unsigned b)
{
    return (b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n' || b == '\r';
}

/* Length of the run of kept_ascii() bytes at p, sixteen bytes at a time
 * with SSE2 (every x86-64 has it), else eight. */
static size_t ascii_kept_run(const unsigned char *p, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, low7 = 0x7F7F7F7F7F7F7F7Full;
    size_t i = 0;
#ifdef __SSE2__
    const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F), tab = _mm_set1_epi8('\t'),
                  lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        /* Signed: bytes of 0x80 and up are negative, below 0x20 too. */
        __m128i odd = _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del));
        __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)),
                                  _mm_cmpeq_epi8(v, cr));
        if (_mm_movemask_epi8(_mm_andnot_si128(ws, odd)))
            break;
        i += 16;
    }
#endif
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        uint64_t l = w & low7;
        /* High bit of the bytes of 0x7F and up; of those below 0x20. */
        uint64_t odd = (w | (l + ones)) & ~low7;
        uint64_t ctl = ~(l + 0x60 * ones) & ~w & ~low7;
        if (ctl)
            ctl &= ~(zero_bytes(w ^ ('\t' * ones)) | zero_bytes(w ^ ('\n' * ones)) |
                     zero_bytes(w ^ ('\r' * ones)));
        if (odd | ctl)
            break;
        i += 8;
    }
    while (i < n && kept_ascii(p[i]))
        i++;
    return i;
}

size_t pi_clean_prefix(pi_sink *s, const unsigned char *p, size_t n, pi_u8stats *st)
{
    const unsigned char *end = p + n;
    size_t i = 0;
    while (i < n) {
        size_t r = i + ascii_kept_run(p + i, n - i);
        if (r > i) {
            i = r;
            s->last_ccc = s->nonstarters = 0;
            continue;
        }
        if (p[i] < 0x80)
            return i;
        int32_t c;
        size_t l = pi_utf8_next(p + i, end, &c);
        if (c < 0)
            return i;
        /* Output equals input at the same offset so far: emit() the
         * character aside and compare, restoring the state when it differs
         * (the copying loop then emits it again). */
        char tmp[EMIT_MAX];
        int last_ccc = s->last_ccc, nonstarters = s->nonstarters;
        size_t dirty = s->dirty;
        char *w = emit_at(s, tmp, i, c);
        if ((size_t)(w - tmp) != l || memcmp(tmp, p + i, l) != 0) {
            s->last_ccc = last_ccc;
            s->nonstarters = nonstarters;
            s->dirty = dirty;
            return i;
        }
        if (st) {
            if (st->first_high == SIZE_MAX)
                st->first_high = i;
            st->high += l;
            st->seqs++;
        }
        i += l;
    }
    return n;
}

/* UTF-8 input: validate, replace and clean in one pass, in blocks so that
 * the output is reserved once per block (an invalid byte becomes three).
 * The first `i` bytes are kept as they are (clean_prefix). */
static int from_utf8(pi_sink *s, const unsigned char *p, size_t n, size_t i)
{
    const unsigned char *end = p + n;
    pi_buf_put(&s->b, (const char *)p, i);
    if (s->b.oom)
        return PI_ENOMEM;
    while (i < n) {
        size_t block = n - i < 65536 ? n - i : 65536;
        if (pi_buf_reserve(&s->b, 3 * block + 4 * EMIT_MAX))
            return PI_ENOMEM;
        char *w = s->b.data + s->b.len;
        size_t stop = i + block;
        while (i < stop) {
            size_t r = i + ascii_kept_run(p + i, stop - i);
            if (r > i) {
                memcpy(w, p + i, r - i);
                w += r - i;
                i = r;
                s->last_ccc = s->nonstarters = 0;
                continue;
            }
            int32_t c;
            size_t l = pi_utf8_next(p + i, end, &c);
            i += l;
            w = c < 0 ? emit_bad(s, w) : emit(s, w, c);
        }
        s->b.len = (size_t)(w - s->b.data);
        s->b.data[s->b.len] = '\0';
    }
    return PI_OK;
}

/* Own single-byte tables (windows-1252, ISO-8859-16). */
static int from_table(pi_sink *s, int enc, const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t block = n - i < 65536 ? n - i : 65536;
        if (pi_buf_reserve(&s->b, 4 * block + EMIT_MAX))
            return PI_ENOMEM;
        char *w = s->b.data + s->b.len;
        for (size_t stop = i + block; i < stop; i++) {
            unsigned b = p[i];
            int32_t c = (int32_t)b;
            if (b >= 0xA0 && enc == PI_ENC_ISO8859_16)
                c = iso8859_16_a0[b - 0xA0];
            else if (b >= 0x80 && b < 0xA0 && enc == PI_ENC_WIN1252)
                c = win1252_80[b - 0x80];
            w = emit(s, w, c);
        }
        s->b.len = (size_t)(w - s->b.data);
        s->b.data[s->b.len] = '\0';
    }
    return PI_OK;
}

/* ICU's substitute callback writes U+001A for single-byte charsets; we want
 * U+FFFD everywhere, and a count. */
static void U_CALLCONV to_u_fffd(const void *context, UConverterToUnicodeArgs *args,
                                 const char *units, int32_t length, UConverterCallbackReason reason,
                                 UErrorCode *err)
{
    static const UChar fffd = 0xFFFD;
    (void)units;
    (void)length;
    if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR)
        return;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &fffd, 1, 0, err);
    (*(size_t *)(uintptr_t)context)++;
}

/* The big5_pua entry for u, or -1. */
static int big5_remap(UChar u)
{
    size_t lo = 0, hi = sizeof big5_pua / sizeof big5_pua[0];
    if (u < 0xF303 || u > 0xF7ED)
        return -1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (big5_pua[mid].pua == u)
            return (int)mid;
        if (big5_pua[mid].pua < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static int from_icu(pi_sink *s, int enc, const unsigned char *p, size_t n)
{
    const char *name = pi_encodings[enc].icu;
    UErrorCode e = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(name, &e);
    if (U_FAILURE(e))
        return icu_status(e);
    ucnv_setToUCallBack(cnv, to_u_fffd, &s->replaced, NULL, NULL, &e);
    if (U_FAILURE(e)) {
        ucnv_close(cnv);
        return icu_status(e);
    }
    UChar units[CONVERT_UNITS];
    const char *src = (const char *)p, *src_end = src + n;
    UChar lead = 0; /* a lead surrogate waiting for the next batch */
    int err = PI_OK;
    for (;;) {
        UChar *t = units;
        e = U_ZERO_ERROR;
        ucnv_toUnicode(cnv, &t, units + CONVERT_UNITS, &src, src_end, NULL, 1, &e);
        size_t got = (size_t)(t - units);
        if (pi_buf_reserve(&s->b, 4 * got + 2 * EMIT_MAX)) {
            err = PI_ENOMEM;
            break;
        }
        char *w = s->b.data + s->b.len;
        for (size_t i = 0; i < got; i++) {
            UChar u = units[i];
            if (lead) {
                if (U16_IS_TRAIL(u)) {
                    w = emit(s, w, (int32_t)U16_GET_SUPPLEMENTARY(lead, u));
                    lead = 0;
                    continue;
                }
                w = emit_bad(s, w);
                lead = 0;
            }
            int k;
            if (u >= 0x20 && u < 0x7F) {
                *w++ = (char)u;
                s->last_ccc = s->nonstarters = 0;
            } else if (enc == PI_ENC_BIG5 && (k = big5_remap(u)) >= 0) {
                w = emit(s, w, big5_pua[k].cp[0]);
                if (big5_pua[k].cp[1])
                    w = emit(s, w, big5_pua[k].cp[1]);
            } else if (U16_IS_LEAD(u))
                lead = u;
            else if (U16_IS_TRAIL(u))
                w = emit_bad(s, w);
            else
                w = emit(s, w, u);
        }
        s->b.len = (size_t)(w - s->b.data);
        s->b.data[s->b.len] = '\0';
        if (e == U_BUFFER_OVERFLOW_ERROR)
            continue;
        if (U_FAILURE(e))
            err = icu_status(e);
        break;
    }
    if (!err && lead) {
        if (pi_buf_reserve(&s->b, EMIT_MAX))
            err = PI_ENOMEM;
        else {
            s->b.len = (size_t)(emit_bad(s, s->b.data + s->b.len) - s->b.data);
            s->b.data[s->b.len] = '\0';
        }
    }
    ucnv_close(cnv);
    return err;
}

/* ---- NFC ------------------------------------------------------------------ */

/* End of the chunk that starts at pos: just before an ASCII byte (always a
 * normalisation boundary), else before a character with a boundary. */
static size_t nfc_chunk_end(const UNormalizer2 *nfc, const char *d, size_t n, size_t pos)
{
    if (n - pos <= NFC_CHUNK)
        return n;
    size_t end = pos + NFC_CHUNK;
    for (size_t k = end; k > pos + NFC_CHUNK / 2; k--)
        if ((unsigned char)d[k] < 0x80)
            return k;
    for (size_t k = end; k > pos + NFC_CHUNK / 2; k--) {
        if (((unsigned char)d[k] & 0xC0) == 0x80)
            continue;
        int32_t c;
        pi_utf8_next((const unsigned char *)d + k, (const unsigned char *)d + n, &c);
        if (c >= 0 && unorm2_hasBoundaryBefore(nfc, c))
            return k;
    }
    while (((unsigned char)d[end] & 0xC0) == 0x80)
        end++;
    return end;
}

static int grow_units(UChar **u, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0;
    UChar *p = realloc(*u, need * sizeof **u);
    if (!p)
        return -1;
    *u = p;
    *cap = need;
    return 0;
}

int pi_nfc_pass(pi_sink *s, const char *d, size_t n)
{
    if (s->dirty == SIZE_MAX)
        return PI_OK;
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *nfc = s->nfc;
    size_t start = s->dirty;
    while (start > 0 && (unsigned char)d[start] >= 0x80)
        start--;

    pi_buf out;
    pi_buf_init(&out);
    pi_buf_reserve(&out, n + n / 8);
    pi_buf_put(&out, d, start);
    UChar *u = NULL, *v = NULL;
    size_t ucap = 0, vcap = 0;
    int err = PI_OK;
    for (size_t pos = start; pos < n && !out.oom;) {
        size_t end = nfc_chunk_end(nfc, d, n, pos);
        int32_t ulen = 0, vlen = 0, blen = 0;
        if (grow_units(&u, &ucap, end - pos + 1)) {
            err = PI_ENOMEM;
            break;
        }
        e = U_ZERO_ERROR;
        u_strFromUTF8(u, (int32_t)ucap, &ulen, d + pos, (int32_t)(end - pos), &e);
        if (U_FAILURE(e))
            goto icu_failed;
        if (unorm2_spanQuickCheckYes(nfc, u, ulen, &e) == ulen && U_SUCCESS(e)) {
            pi_buf_put(&out, d + pos, end - pos);
            pos = end;
            continue;
        }
        e = U_ZERO_ERROR;
        if (grow_units(&v, &vcap, (size_t)ulen + (size_t)ulen / 2 + 16)) {
            err = PI_ENOMEM;
            break;
        }
        vlen = unorm2_normalize(nfc, u, ulen, v, (int32_t)vcap, &e);
        if (e == U_BUFFER_OVERFLOW_ERROR) {
            if (grow_units(&v, &vcap, (size_t)vlen + 1)) {
                err = PI_ENOMEM;
                break;
            }
            e = U_ZERO_ERROR;
            vlen = unorm2_normalize(nfc, u, ulen, v, (int32_t)vcap, &e);
        }
        if (U_FAILURE(e))
            goto icu_failed;
        if (pi_buf_reserve(&out, 3 * (size_t)vlen + 1)) {
            err = PI_ENOMEM;
            break;
        }
        u_strToUTF8(out.data + out.len, 3 * vlen + 1, &blen, v, vlen, &e);
        if (U_FAILURE(e))
            goto icu_failed;
        out.len += (size_t)blen;
        out.data[out.len] = '\0';
        pos = end;
    }
    free(u);
    free(v);
    if (err || out.oom) {
        pi_buf_free(&out);
        return PI_ENOMEM;
    }
    pi_buf_free(&s->b);
    s->b = out;
    return PI_OK;

icu_failed:
    free(u);
    free(v);
    pi_buf_free(&out);
    if (e == U_MEMORY_ALLOCATION_ERROR)
        return PI_ENOMEM;
    /* Kept as it is; a view of the input becomes a copy like the others. */
    if (!s->b.data)
        pi_buf_put(&s->b, d, n);
    return s->b.oom ? PI_ENOMEM : PI_OK;
}

/* ---- Dispatch ------------------------------------------------------------- */

int pi_transcode(pi_sink *s, int enc, const unsigned char *p, size_t n, int view, int *kept,
                 size_t prefix)
{
    *kept = 0;
    switch (pi_encodings[enc].kind) {
    case PI_KIND_UTF8: {
        size_t k = prefix != SIZE_MAX ? prefix : pi_clean_prefix(s, p, n, NULL);
        if (view && k == n) {
            *kept = 1;
            return PI_OK;
        }
        return from_utf8(s, p, n, k);
    }
    case PI_KIND_TABLE:
        return from_table(s, enc, p, n);
    default:
        return from_icu(s, enc, p, n);
    }
}

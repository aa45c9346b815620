/* transcode.h - bytes in a known encoding to clean UTF-8 in NFC.
 *
 * input.c decides the encoding; this converts the whole buffer into a sink
 * that applies the cleaning rules of pi_input (input.h) code point by code
 * point, then normalises to NFC from the first character that needs it.
 * The UTF-8 reader and the counts it gathers are shared with input.c, which
 * weighs them as evidence while the sink measures how much of the page it
 * can keep as it is. */
#ifndef PI_TRANSCODE_H
#define PI_TRANSCODE_H

#include "base/buf.h"

#include <stddef.h>
#include <stdint.h>

#include <unicode/unorm2.h>

/* ---- Reading UTF-8 ---- */

/* One UTF-8 sequence at p (p < end): its length, with *cp the code point,
 * or *cp -1 when it is invalid (the length is then that of its maximal
 * subpart, which becomes one U+FFFD as in the WHATWG decoder), or *cp -2
 * when it is a valid prefix cut by the end of the buffer. Inline: both the
 * evidence count (input.c) and the cleaner call it per character. */
static inline size_t pi_utf8_next(const unsigned char *p, const unsigned char *end, int32_t *cp)
{
    unsigned b = p[0];
    unsigned lo = 0x80, hi = 0xBF;
    int32_t c;
    size_t need;
    if (b < 0x80) {
        *cp = (int32_t)b;
        return 1;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
        c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        c = b & 0x0F;
        if (b == 0xE0)
            lo = 0xA0; /* overlong */
        else if (b == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        c = b & 0x07;
        if (b == 0xF0)
            lo = 0x90; /* overlong */
        else if (b == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
    } else {
        *cp = -1;
        return 1;
    }
    for (size_t i = 1; i <= need; i++) {
        if (p + i >= end) {
            *cp = -2;
            return i;
        }
        unsigned t = p[i];
        if (t < lo || t > hi) {
            *cp = -1;
            return i;
        }
        lo = 0x80;
        hi = 0xBF;
        c = (c << 6) | (int32_t)(t & 0x3F);
    }
    *cp = c;
    return need + 1;
}

/* What the bytes say about being UTF-8. */
typedef struct pi_u8stats {
    size_t high;       /* bytes >= 0x80 */
    size_t seqs;       /* valid multi-byte sequences */
    size_t invalid;    /* invalid sequences, not counting a cut-off tail */
    size_t first_high; /* offset of the first byte >= 0x80, or len */
} pi_u8stats;

/* ---- The cleaning sink ---- */

/* Which code points of a 64-code-point block are NFC-inert for our purpose
 * (canonical combining class 0 and NFC quick check "yes"): a small cache
 * per call, since a page uses a few blocks of its script and two ICU
 * property lookups per character would cost as much as parsing. */
#define PI_NFC_CACHE 8

/* The output and the cleaner's state. input.c reads `b` (the text so far,
 * which it owns once conversion ends) and `replaced`; the rest belongs to
 * transcode.c. */
typedef struct pi_sink {
    pi_buf b;
    size_t dirty; /* output offset of the first character failing the NFC
                     quick check, or SIZE_MAX */
    int last_ccc;
    int nonstarters;
    size_t replaced; /* U+FFFD written for bytes invalid in the encoding */
    const UNormalizer2 *nfc;
    int32_t block[PI_NFC_CACHE];
    uint64_t inert[PI_NFC_CACHE];
    unsigned next;
} pi_sink;

/* Start an empty sink (it holds no memory until something is converted).
 * PI_OK, or ICU's status when its NFC data cannot be loaded. */
int pi_sink_init(pi_sink *s);

/* How many bytes of the UTF-8 input p the cleaning rules keep unchanged
 * from the start, updating the sink's state as converting them would, and
 * counting them into `st` (if not NULL) as input.c's evidence count would:
 * that count can then go on from the returned offset. Most pages are kept
 * whole and can be parsed where they are, without a copy. */
size_t pi_clean_prefix(pi_sink *s, const unsigned char *p, size_t n, pi_u8stats *st);

/* Convert and clean p[0..n), in encoding `enc` (charset.h), into s->b.
 * With `view` set, UTF-8 input that the cleaning keeps whole is not copied:
 * s->b stays empty and *kept is set. `prefix` is pi_clean_prefix() of p
 * already run on s, or SIZE_MAX. Returns PI_OK, PI_ENOMEM, or PI_EENCODING
 * when ICU cannot convert this encoding (s->b then holds a partial text the
 * caller frees). */
int pi_transcode(pi_sink *s, int enc, const unsigned char *p, size_t n, int view, int *kept,
                 size_t prefix);

/* Normalise the cleaned text d[0..n) (s->b, or the input itself when it was
 * kept whole) to NFC from the first character that needs it, into a new
 * s->b; nothing happens when no character does. An ICU failure other than
 * memory leaves the text as it is: valid UTF-8, merely not normalised.
 * PI_OK or PI_ENOMEM. */
int pi_nfc_pass(pi_sink *s, const char *d, size_t n);

#endif

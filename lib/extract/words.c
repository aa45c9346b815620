/* words.c - counting words, characters and sentences of UTF-8 text.
 *
 * Words are ICU word units (UAX #29 with dictionaries for CJK and Thai);
 * ASCII and most Latin text is counted without ICU by rules that give what
 * ICU gives (see count_latin). One counter per document or thread. */
#include "extract/words.h"
#include "base/error.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

struct pi_words {
    int failed; /* an allocation or ICU failed: a count may be short */
    UBreakIterator *bi;
    UBreakIterator *sentences; /* opened on first use */
    UChar *u16;
    int32_t cap;
};

/* The compiled rules that each counter's iterators are opened from:
 * ubrk_open() resolves the locale and sets an iterator up from its rules
 * every time (about 220,000 instructions for the word rules, as much as
 * extracting a small page's statistics). ubrk_clone() of an open iterator
 * was as cheap, but ICU 72 dereferences the caches it failed to allocate
 * when memory runs out (RuleBasedBreakIterator's copy constructor), where
 * ubrk_openBinaryRules() reports U_MEMORY_ALLOCATION_ERROR. Taken from
 * iterators opened once by pi_words_init() (the library's initialisation,
 * tried again until it succeeds), read-only afterwards and kept for the
 * life of the process like ICU's own caches; NULL until then, and then
 * each counter opens its own. */
struct rules {
    uint8_t *data;
    int32_t len;
};
static struct rules word_rules, sentence_rules;

static UBreakIterator *new_iterator(UBreakIteratorType type, UErrorCode *e)
{
    const struct rules *r = type == UBRK_WORD ? &word_rules : &sentence_rules;
    if (!r->data)
        return ubrk_open(type, "", NULL, 0, e);
    return ubrk_openBinaryRules(r->data, r->len, NULL, 0, e);
}

/* ICU's failure as a status: memory, or ICU could not start. */
static int icu_init_status(UErrorCode e)
{
    return e == U_MEMORY_ALLOCATION_ERROR ? PI_ENOMEM : PI_EINIT;
}

/* The compiled rules of ICU's iterator of `type` into *r (once). */
static int load_rules(UBreakIteratorType type, struct rules *r)
{
    UErrorCode e = U_ZERO_ERROR;
    if (r->data)
        return PI_OK;
    UBreakIterator *bi = ubrk_open(type, "", NULL, 0, &e);
    if (U_FAILURE(e))
        return icu_init_status(e);
    int32_t len = ubrk_getBinaryRules(bi, NULL, 0, &e);
    uint8_t *data = U_SUCCESS(e) && len > 0 ? malloc((size_t)len) : NULL;
    if (data)
        ubrk_getBinaryRules(bi, data, len, &e);
    ubrk_close(bi);
    if (!data || U_FAILURE(e)) {
        free(data);
        return !data && U_SUCCESS(e) ? PI_ENOMEM : icu_init_status(e);
    }
    r->data = data;
    r->len = len;
    return PI_OK;
}

int pi_words_init(void)
{
    PI_TRY(load_rules(UBRK_WORD, &word_rules));
    return load_rules(UBRK_SENTENCE, &sentence_rules);
}

pi_words *pi_words_new(void)
{
    UErrorCode e = U_ZERO_ERROR;
    pi_words *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->bi = new_iterator(UBRK_WORD, &e);
    if (U_FAILURE(e) || !w->bi) {
        free(w);
        return NULL;
    }
    return w;
}

void pi_words_free(pi_words *w)
{
    if (!w)
        return;
    ubrk_close(w->bi);
    if (w->sentences)
        ubrk_close(w->sentences);
    free(w->u16);
    free(w);
}

uint32_t pi_count_sentences(pi_words *w, const char *s, size_t len)
{
    UErrorCode e = U_ZERO_ERROR;
    if (!len)
        return 0;
    if (!w->sentences) {
        w->sentences = new_iterator(UBRK_SENTENCE, &e);
        if (U_FAILURE(e)) {
            w->sentences = NULL;
            w->failed = 1;
            return 0;
        }
    }
    if (len > (size_t)INT32_MAX / 2)
        len = (size_t)INT32_MAX / 2;
    if ((int32_t)len + 1 > w->cap) {
        UChar *p = realloc(w->u16, (len + 1) * sizeof(UChar));
        if (!p) {
            w->failed = 1;
            return 0;
        }
        w->u16 = p;
        w->cap = (int32_t)len + 1;
    }
    int32_t n16 = 0;
    u_strFromUTF8WithSub(w->u16, w->cap, &n16, s, (int32_t)len, 0xFFFD, NULL, &e);
    if (U_SUCCESS(e))
        ubrk_setText(w->sentences, w->u16, n16, &e);
    if (U_FAILURE(e)) {
        w->failed = 1;
        return 0;
    }
    uint32_t n = 0;
    int32_t prev = ubrk_first(w->sentences), next;
    while ((next = ubrk_next(w->sentences)) != UBRK_DONE) {
        /* A sentence is a span with at least one letter or digit. */
        for (int32_t i = prev; i < next; i++)
            if (u_isalnum(w->u16[i])) {
                n++;
                break;
            }
        prev = next;
    }
    ubrk_setText(w->sentences, NULL, 0, &e);
    return n;
}

/* Non-space code points, commas and whether all bytes are ASCII, in one
 * pass of sixteen bytes per step (SSE2, which every x86-64 has). *commas
 * counts ASCII commas only; the caller counts the full-width ones when
 * the text is not ASCII. */
static uint32_t scan_text(const char *s, size_t len, uint32_t *commas, int *ascii)
{
    uint32_t n = 0, nc = 0;
    size_t i = 0;
    int high = 0;
#ifdef __SSE2__
    const __m128i top2 = _mm_set1_epi8((char)0xC0), cont = _mm_set1_epi8((char)0x80),
                  sp = _mm_set1_epi8(' '), lf = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t'),
                  cr = _mm_set1_epi8('\r'), ff = _mm_set1_epi8('\f'), comma = _mm_set1_epi8(',');
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i skip = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(_mm_and_si128(v, top2), cont), _mm_cmpeq_epi8(v, sp)),
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, tab)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, ff))));
        n += 16 - (uint32_t)__builtin_popcount((unsigned)_mm_movemask_epi8(skip));
        nc += (uint32_t)__builtin_popcount((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma)));
        high |= _mm_movemask_epi8(v);
    }
#endif
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        n += ((c & 0xC0) != 0x80) & (c != ' ') & (c != '\n') & (c != '\t') & (c != '\r') &
             (c != '\f');
        nc += c == ',';
        high |= c >= 0x80;
    }
    *commas = nc;
    *ascii = !high;
    return n;
}

uint32_t pi_count_chars(const char *s, size_t len)
{
    uint32_t commas;
    int ascii;
    return scan_text(s, len, &commas, &ascii);
}

static int ascii_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int ascii_alpha(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26;
}

static int ascii_alnum(unsigned char c)
{
    return ascii_alpha(c) || ascii_digit(c);
}

/* ASCII text: a word is a run of letters and digits, joined across a single
 * apostrophe or period between letters, or a period or comma between
 * digits; this is what ICU's word rules give for ASCII. */
static uint32_t count_ascii(const char *s, size_t len)
{
    uint32_t n = 0;
    int in = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (ascii_alnum(c) || c == '_') {
            if (!in)
                n++;
            in = 1;
        } else if (in && (c == '\'' || c == '.' || c == ',' || c == ':') && i + 1 < len &&
                   ascii_alnum((unsigned char)s[i + 1]) && i > 0) {
            unsigned char a = (unsigned char)s[i - 1], b = (unsigned char)s[i + 1];
            int digits = ascii_digit(a) && ascii_digit(b);
            int letters = ascii_alpha(a) && ascii_alpha(b);
            if (!((c == '.' && (digits || letters)) || (c == '\'' && letters) ||
                  (c == ',' && digits) || (c == ':' && letters)))
                in = 0;
        } else {
            in = 0;
        }
    }
    return n;
}

static int all_ascii(const char *s, size_t len)
{
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        if (v & 0x8080808080808080ull)
            return 0;
    }
    for (; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

/* ---- Latin text without ICU ----------------------------------------------
 *
 * Most text that is not ASCII is Latin letters with a few typographic
 * marks (accents, nbsp, curly quotes, dashes). For text made only of the
 * characters below, count_latin() finds ICU's word count by the rules of
 * UAX #29 that can apply to them, as ICU's root word rules apply them
 * (test_stats compares it with ICU on every such character and on random
 * strings of them); any other character sends the text to ICU. Unlike
 * count_ascii(), which keeps its own ASCII rules, this must agree with ICU
 * exactly: the same text with or without one accented letter goes one way
 * or the other. */
enum {
    WB_OTHER,       /* never part of a word: spaces, most punctuation */
    WB_LETTER,      /* ALetter, and '@' */
    WB_NUMERIC,     /* Numeric */
    WB_EXTEND_NUM,  /* ExtendNumLet: '_' */
    WB_MID_LETTER,  /* MidLetter: U+00B7 (ICU's root rules leave ':' out) */
    WB_MID_NUM_LET, /* MidNumLet and Single_Quote: . ' U+2018 U+2019 */
    WB_MID_NUM,     /* MidNum: , ; */
    WB_UNKNOWN,     /* anything else: ask ICU */
    WB_END
};

static int wb_ascii(unsigned c)
{
    /* ICU's root rules add '@' to ALetter (addresses are one word). */
    if (ascii_alpha((unsigned char)c) || c == '@')
        return WB_LETTER;
    if (ascii_digit((unsigned char)c))
        return WB_NUMERIC;
    switch (c) {
    case '_':
        return WB_EXTEND_NUM;
    case '.':
    case '\'':
        return WB_MID_NUM_LET;
    case ',':
    case ';':
        return WB_MID_NUM;
    default:
        return WB_OTHER;
    }
}

/* The class of the character at s[*i], advancing *i past it. */
static int wb_next(const unsigned char *s, size_t len, size_t *i)
{
    if (*i >= len)
        return WB_END;
    unsigned c = s[*i];
    if (c < 0x80) {
        (*i)++;
        return wb_ascii(c);
    }
    if (c >= 0xC2 && c <= 0xDF && *i + 1 < len && (s[*i + 1] & 0xC0) == 0x80) {
        unsigned cp = ((c & 0x1F) << 6) | (s[*i + 1] & 0x3F);
        *i += 2;
        /* Latin-1 letters, Latin Extended-A and -B; not x and / signs. */
        if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7)
            return WB_LETTER;
        if (cp == 0xA0 || cp == 0xAB || cp == 0xBB) /* nbsp, guillemets */
            return WB_OTHER;
        if (cp == 0xB7) /* middle dot: Catalan l·l */
            return WB_MID_LETTER;
        return WB_UNKNOWN;
    }
    if (c == 0xE2 && *i + 2 < len && (s[*i + 1] & 0xC0) == 0x80 && (s[*i + 2] & 0xC0) == 0x80) {
        unsigned cp = ((s[*i + 1] & 0x3Fu) << 6) | (s[*i + 2] & 0x3Fu) | 0x2000u;
        *i += 3;
        switch (cp) {
        case 0x2013: /* en dash */
        case 0x2014: /* em dash */
        case 0x201C: /* quotation marks */
        case 0x201D:
        case 0x201E:
        case 0x2022: /* bullet */
        case 0x2026: /* ellipsis */
        case 0x20AC: /* euro sign */
            return WB_OTHER;
        case 0x2018: /* single quotation marks, the apostrophe */
        case 0x2019:
            return WB_MID_NUM_LET;
        default:
            return WB_UNKNOWN;
        }
    }
    return WB_UNKNOWN;
}

/* Words in Latin text, or -1 when a character is not one count_latin()
 * knows. A word is a run of letters, digits and '_' (WB5, WB8-WB10,
 * WB13a/b), also across one MidLetter or MidNumLet between letters (WB6,
 * WB7) and one MidNum or MidNumLet between digits (WB11, WB12). ICU
 * counts a run with a letter or digit, and a run of two or more '_' but
 * not a lone one. */
static long count_latin(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    long n = 0;
    int prev = WB_OTHER, bridged = 0, has_alnum = 0, underscores = 0;
    int c = wb_next(s, len, &i);
    while (c != WB_END) {
        if (c == WB_UNKNOWN)
            return -1;
        int join = 0;
        if (bridged) {
            join = 1; /* the letter or digit after a joined middle mark */
            bridged = 0;
        } else if (c >= WB_LETTER && c <= WB_EXTEND_NUM && prev >= WB_LETTER &&
                   prev <= WB_EXTEND_NUM) {
            join = 1;
        } else if (((c == WB_MID_LETTER || c == WB_MID_NUM_LET) && prev == WB_LETTER) ||
                   ((c == WB_MID_NUM || c == WB_MID_NUM_LET) && prev == WB_NUMERIC)) {
            size_t j = i;
            int next = wb_next(s, len, &j);
            if (next == WB_UNKNOWN)
                return -1;
            join = bridged = next == prev;
        }
        if (!join) {
            n += has_alnum || underscores >= 2;
            has_alnum = underscores = 0;
        }
        if (c == WB_LETTER || c == WB_NUMERIC)
            has_alnum = 1;
        else if (c == WB_EXTEND_NUM)
            underscores++;
        prev = c;
        c = wb_next(s, len, &i);
    }
    return n + (has_alnum || underscores >= 2);
}

static uint32_t count_words(pi_words *w, const char *s, size_t len, int ascii)
{
    if (ascii)
        return count_ascii(s, len);
    long latin = count_latin(s, len);
    if (latin >= 0)
        return (uint32_t)latin;
    if (len > (size_t)INT32_MAX / 2)
        len = (size_t)INT32_MAX / 2;
    UErrorCode e = U_ZERO_ERROR;
    int32_t need = 0;
    if ((int32_t)len + 1 > w->cap) {
        int32_t cap = (int32_t)len + 1;
        UChar *p = realloc(w->u16, (size_t)cap * sizeof(UChar));
        if (!p) {
            w->failed = 1;
            return count_ascii(s, len);
        }
        w->u16 = p;
        w->cap = cap;
    }
    u_strFromUTF8WithSub(w->u16, w->cap, &need, s, (int32_t)len, 0xFFFD, NULL, &e);
    if (U_SUCCESS(e))
        ubrk_setText(w->bi, w->u16, need, &e);
    if (U_FAILURE(e)) {
        w->failed = 1;
        return count_ascii(s, len);
    }
    uint32_t n = 0;
    ubrk_first(w->bi);
    while (ubrk_next(w->bi) != UBRK_DONE)
        if (ubrk_getRuleStatus(w->bi) >= UBRK_WORD_NONE_LIMIT)
            n++;
    /* Leave no pointer to our buffer in the iterator. */
    ubrk_setText(w->bi, NULL, 0, &e);
    return n;
}

int pi_words_failed(const pi_words *w)
{
    return w->failed;
}

uint32_t pi_count_words(pi_words *w, const char *s, size_t len)
{
    return count_words(w, s, len, all_ascii(s, len));
}

static uint32_t count_commas(const char *s, size_t len)
{
    uint32_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ',')
            n++;
        /* U+FF0C fullwidth comma, U+3001 ideographic comma */
        else if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBC &&
                 (unsigned char)s[i + 2] == 0x8C)
            n++;
        else if (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                 (unsigned char)s[i + 2] == 0x81)
            n++;
    }
    return n;
}

void pi_text_measure(const char *s, size_t len, pi_text_measures *m)
{
    uint32_t commas;
    m->chars = scan_text(s, len, &commas, &m->ascii);
    m->commas = m->ascii ? commas : count_commas(s, len);
}

uint32_t pi_count_words_measured(pi_words *w, const char *s, size_t len, const pi_text_measures *m)
{
    return count_words(w, s, len, m->ascii);
}

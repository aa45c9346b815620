/* stats.c - per-element statistics in one walk. */
#include "stats.h"
#include "buf.h"
#include "error.h"
#include "dom.h"
#include "tune.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

struct pi_words {
    UBreakIterator *bi;
    UBreakIterator *sentences; /* opened on first use */
    UChar *u16;
    int32_t cap;
};

/* Iterators that each counter clones: ubrk_open() resolves the locale and
 * sets an iterator up from its rules every time (about 220,000
 * instructions for the word rules, as much as extracting a small page's
 * statistics), ubrk_clone() copies one and is thread-safe. Opened once,
 * read-only afterwards, kept for the life of the process like ICU's own
 * caches; NULL if ICU failed, and then each counter opens its own. */
static UBreakIterator *word_template, *sentence_template;
static pthread_once_t templates_once = PTHREAD_ONCE_INIT;

static void open_templates(void)
{
    UErrorCode e = U_ZERO_ERROR;
    word_template = ubrk_open(UBRK_WORD, "", NULL, 0, &e);
    if (U_FAILURE(e))
        word_template = NULL;
    e = U_ZERO_ERROR;
    sentence_template = ubrk_open(UBRK_SENTENCE, "", NULL, 0, &e);
    if (U_FAILURE(e))
        sentence_template = NULL;
}

static UBreakIterator *new_iterator(UBreakIteratorType type, UErrorCode *e)
{
    pthread_once(&templates_once, open_templates);
    UBreakIterator *t = type == UBRK_WORD ? word_template : sentence_template;
    return t ? ubrk_clone(t, e) : ubrk_open(type, "", NULL, 0, e);
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
            return 0;
        }
    }
    if (len > (size_t)INT32_MAX / 2)
        len = (size_t)INT32_MAX / 2;
    if ((int32_t)len + 1 > w->cap) {
        UChar *p = realloc(w->u16, (len + 1) * sizeof(UChar));
        if (!p)
            return 0;
        w->u16 = p;
        w->cap = (int32_t)len + 1;
    }
    int32_t n16 = 0;
    u_strFromUTF8WithSub(w->u16, w->cap, &n16, s, (int32_t)len, 0xFFFD, NULL, &e);
    if (U_FAILURE(e))
        return 0;
    ubrk_setText(w->sentences, w->u16, n16, &e);
    if (U_FAILURE(e))
        return 0;
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
    WB_OTHER,      /* never part of a word: spaces, most punctuation */
    WB_LETTER,     /* ALetter, and '@' */
    WB_NUMERIC,    /* Numeric */
    WB_EXTEND_NUM, /* ExtendNumLet: '_' */
    WB_MID_LETTER, /* MidLetter: U+00B7 (ICU's root rules leave ':' out) */
    WB_MID_NUM_LET, /* MidNumLet and Single_Quote: . ' U+2018 U+2019 */
    WB_MID_NUM,    /* MidNum: , ; */
    WB_UNKNOWN,    /* anything else: ask ICU */
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
        if (!p)
            return count_ascii(s, len);
        w->u16 = p;
        w->cap = cap;
    }
    u_strFromUTF8WithSub(w->u16, w->cap, &need, s, (int32_t)len, 0xFFFD, NULL, &e);
    if (U_FAILURE(e))
        return count_ascii(s, len);
    ubrk_setText(w->bi, w->u16, need, &e);
    if (U_FAILURE(e))
        return count_ascii(s, len);
    uint32_t n = 0;
    ubrk_first(w->bi);
    while (ubrk_next(w->bi) != UBRK_DONE)
        if (ubrk_getRuleStatus(w->bi) >= UBRK_WORD_NONE_LIMIT)
            n++;
    /* Leave no pointer to our buffer in the iterator. */
    ubrk_setText(w->bi, NULL, 0, &e);
    return n;
}

uint32_t pi_count_words(pi_words *w, const char *s, size_t len)
{
    return count_words(w, s, len, all_ascii(s, len));
}

/* ---- class and id evidence ----------------------------------------------
 *
 * Every element's class and id are matched against the word lists of
 * tune.h. An attribute value is lowercased once (ASCII only: the lists are
 * ASCII) and scanned once per list: at each position only the words whose
 * first two bytes hash like the two bytes there are compared. The buckets
 * are built from the lists on first use and only read afterwards. A value
 * is matched on its first HAY_CAP-1 bytes. */

#define HAY_CAP 256
#define PAIR_BUCKETS 256
#define MAX_LIST 255 /* words per list the index can hold */

struct hay {
    char low[HAY_CAP];
    size_t len;
};

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

static void hay_add(struct hay *h, const char *s, size_t max)
{
    size_t i = h->len;
    for (; s && *s && max && i + 1 < HAY_CAP; s++, max--)
        h->low[i++] = ascii_lower(*s);
    h->low[i] = '\0';
    h->len = i;
}

static void hay_init(struct hay *h, const char *s)
{
    h->len = 0;
    hay_add(h, s, (size_t)-1);
}

/* Letters, digits and every non-ASCII byte make up a token. */
static int is_tok(char c)
{
    unsigned char u = (unsigned char)c;
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
           u >= 0x80;
}

static unsigned pair_bucket(unsigned char a, unsigned char b)
{
    return ((unsigned)a * 31u + b) & (PAIR_BUCKETS - 1);
}

enum { N_LISTS = PI_CW_MAYBE + 1 };

/* The words of one list by the bucket of their first two bytes: those of
 * bucket b are order[start[b] .. start[b + 1]). Words shorter than two
 * bytes, which have no pair, are in `short_words`, checked everywhere. */
struct list_index {
    const struct pi_pattern *list;
    uint8_t start[PAIR_BUCKETS + 1];
    uint8_t order[MAX_LIST];
    uint8_t short_words[MAX_LIST];
    uint8_t n_short;
    uint8_t usable; /* 0: the list is too long; use the plain scan */
};

static struct list_index lists[N_LISTS];
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

static const struct pi_pattern *pattern_set(int kind)
{
    return kind == PI_CW_POSITIVE   ? PI_POSITIVE
           : kind == PI_CW_BYLINE   ? PI_BYLINE
           : kind == PI_CW_NEGATIVE ? PI_NEGATIVE
           : kind == PI_CW_UNLIKELY ? PI_UNLIKELY
           : kind == PI_CW_MAYBE    ? PI_MAYBE
                                    : PI_STRONG_NEGATIVE;
}

static void build_lists(void)
{
    for (int k = 0; k < N_LISTS; k++) {
        struct list_index *x = &lists[k];
        unsigned count[PAIR_BUCKETS] = {0}, n = 0;
        x->list = pattern_set(k);
        for (const struct pi_pattern *p = x->list; p->word; p++)
            n++;
        if (n > MAX_LIST)
            continue;
        for (unsigned i = 0; i < n; i++) {
            const char *w = x->list[i].word;
            if (w[0] && w[1])
                count[pair_bucket((unsigned char)w[0], (unsigned char)w[1])]++;
            else
                x->short_words[x->n_short++] = (uint8_t)i;
        }
        unsigned at = 0;
        for (unsigned b = 0; b < PAIR_BUCKETS; b++) {
            x->start[b] = (uint8_t)at;
            at += count[b];
        }
        x->start[PAIR_BUCKETS] = (uint8_t)at;
        unsigned fill[PAIR_BUCKETS];
        for (unsigned b = 0; b < PAIR_BUCKETS; b++)
            fill[b] = x->start[b];
        for (unsigned i = 0; i < n; i++) {
            const char *w = x->list[i].word;
            if (w[0] && w[1])
                x->order[fill[pair_bucket((unsigned char)w[0], (unsigned char)w[1])]++] =
                    (uint8_t)i;
        }
        x->usable = 1;
    }
}

/* Does word `p` occur at `at` in the hay, with the boundaries its mode asks
 * for? */
static int hit_at(const struct hay *h, const char *at, const struct pi_pattern *p)
{
    const char *w = p->word, *q = at;
    while (*w && *w == *q)
        w++, q++;
    if (*w)
        return 0;
    if (p->mode == M_SUB)
        return 1;
    int start = at == h->low || !is_tok(at[-1]);
    int end = !is_tok(*q);
    return start && (end || p->mode == M_PREFIX);
}

/* Every occurrence of the word, as a strstr loop would find them. */
static int pattern_hit(const struct hay *h, const struct pi_pattern *p)
{
    for (const char *at = strstr(h->low, p->word); at; at = strstr(at + 1, p->word))
        if (hit_at(h, at, p))
            return 1;
    return 0;
}

static int hay_matches(const struct hay *h, int kind)
{
    if (kind < 0 || kind >= N_LISTS)
        kind = PI_CW_STRONG_NEGATIVE; /* as pattern_set() reads it */
    pthread_once(&lists_once, build_lists);
    const struct list_index *x = &lists[kind];
    if (!x->usable) {
        for (const struct pi_pattern *p = pattern_set(kind); p->word; p++)
            if (pattern_hit(h, p))
                return 1;
        return 0;
    }
    for (unsigned i = 0; i < x->n_short; i++)
        if (pattern_hit(h, &x->list[x->short_words[i]]))
            return 1;
    for (size_t i = 0; i + 1 < h->len; i++) {
        unsigned b = pair_bucket((unsigned char)h->low[i], (unsigned char)h->low[i + 1]);
        for (unsigned k = x->start[b]; k < x->start[b + 1]; k++)
            if (hit_at(h, h->low + i, &x->list[x->order[k]]))
                return 1;
    }
    return 0;
}

int pi_class_matches(const char *classes, int kind)
{
    struct hay h;
    hay_init(&h, classes);
    return hay_matches(&h, kind);
}

static int attr_weight(const char *v)
{
    int w = 0;
    if (!v || !*v)
        return 0;
    struct hay h;
    hay_init(&h, v);
    if (hay_matches(&h, PI_CW_NEGATIVE))
        w += CW_NEGATIVE;
    if (hay_matches(&h, PI_CW_POSITIVE))
        w += CW_POSITIVE;
    return w;
}

/* The attributes the evidence reads, found in one walk over the element's
 * attributes (the first of each name, as pi_attr() gives it). */
struct evidence_attrs {
    const char *cls, *id, *role, *itemprop;
};

static const char *attr_value(xmlAttrPtr a)
{
    xmlNodePtr t = a->children;
    if (t && t->type == XML_TEXT_NODE && !t->next)
        return (const char *)t->content;
    return "";
}

static void evidence_attrs(xmlNodePtr n, struct evidence_attrs *e)
{
    e->cls = e->id = e->role = e->itemprop = NULL;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        const char *nm = (const char *)a->name;
        const char **slot = NULL;
        if (!nm)
            continue;
        switch (nm[0]) {
        case 'c':
            slot = strcmp(nm, "class") ? NULL : &e->cls;
            break;
        case 'i':
            slot = !strcmp(nm, "id")         ? &e->id
                   : !strcmp(nm, "itemprop") ? &e->itemprop
                                             : NULL;
            break;
        case 'r':
            slot = strcmp(nm, "role") ? NULL : &e->role;
            break;
        default:
            break;
        }
        if (slot && !*slot)
            *slot = attr_value(a);
    }
}

static int evidence_weight(const struct evidence_attrs *e)
{
    int w = attr_weight(e->cls) + attr_weight(e->id);
    const char *v = e->role;
    if (v) {
        if (!strcmp(v, "navigation") || !strcmp(v, "banner") || !strcmp(v, "contentinfo") ||
            !strcmp(v, "complementary") || !strcmp(v, "search") || !strcmp(v, "dialog") ||
            !strcmp(v, "alertdialog") || !strcmp(v, "menu") || !strcmp(v, "menubar"))
            w += CW_ROLE_NEGATIVE;
        else if (!strcmp(v, "main") || !strcmp(v, "article"))
            w += CW_POSITIVE;
    }
    v = e->itemprop;
    if (v && (strstr(v, "articleBody") || strstr(v, "reviewBody") || strstr(v, "text")))
        w += CW_ARTICLE_BODY;
    return w;
}

int pi_class_weight(xmlNodePtr n)
{
    struct evidence_attrs e;
    evidence_attrs(n, &e);
    return evidence_weight(&e);
}

/* Named like furniture, and not also like content. Class and id are matched
 * together as "class id", each cut at 140 bytes. */
#define UNLIKELY_PART 140

static int is_unlikely(const struct evidence_attrs *e, unsigned flags)
{
    if (flags & (PI_TF_MAIN | PI_TF_LINK))
        return 0;
    const char *v = e->role;
    if (v && (!strcmp(v, "navigation") || !strcmp(v, "menu") || !strcmp(v, "menubar") ||
              !strcmp(v, "complementary") || !strcmp(v, "dialog") || !strcmp(v, "alertdialog")))
        return 1;
    /* No word of either list fits in " " alone. */
    if ((!e->cls || !*e->cls) && (!e->id || !*e->id))
        return 0;
    struct hay h;
    h.len = 0;
    hay_add(&h, e->cls, UNLIKELY_PART);
    hay_add(&h, " ", 1);
    hay_add(&h, e->id, UNLIKELY_PART);
    return hay_matches(&h, PI_CW_UNLIKELY) && !hay_matches(&h, PI_CW_MAYBE);
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

pi_node *pi_stats_of(const pi_stats *st, xmlNodePtr n)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    size_t i = (size_t)(uintptr_t)n->_private;
    if (i == 0 || i > st->n || st->nodes[i - 1].node != n)
        return NULL;
    return &st->nodes[i - 1];
}

int pi_stats_build(pi_stats *st, xmlNodePtr root, pi_words *w, size_t max_nodes,
                   uint32_t max_depth)
{
    size_t cap = 0, count = 0;
    memset(st, 0, sizeof *st);
    if (!root)
        return PI_OK;
    for (xmlNodePtr n = root; n; n = pi_next(n, root, 0))
        if (n->type == XML_ELEMENT_NODE && ++cap > max_nodes)
            return PI_ENODES;
    st->nodes = calloc(cap ? cap : 1, sizeof *st->nodes);
    if (!st->nodes)
        return PI_ENOMEM;

    /* Pre-order: parents are numbered before their children. */
    for (xmlNodePtr n = root; n; n = pi_next(n, root, 0)) {
        if (n->type == XML_ELEMENT_NODE) {
            pi_node *r = &st->nodes[count];
            r->node = n;
            n->_private = (void *)(uintptr_t)(count + 1);
            pi_node *p = n == root ? NULL : pi_stats_of(st, n->parent);
            r->parent = p ? (int32_t)(p - st->nodes) : -1;
            r->flags = pi_tag_flags((const char *)n->name);
            r->depth = p ? p->depth + 1 : 0;
            if (r->depth > max_depth) {
                pi_stats_free(st);
                return PI_EDEPTH;
            }
            r->in_link = (p && p->in_link) || (r->flags & PI_TF_LINK);
            r->block = (r->flags & PI_TF_BLOCK) || !p ? (int32_t)count : p->block;
            struct evidence_attrs ev;
            evidence_attrs(n, &ev);
            r->weight = evidence_weight(&ev);
            r->unlikely = (p && p->unlikely) || (p && is_unlikely(&ev, r->flags));
            if (p && (r->flags & PI_TF_BLOCK))
                p->has_block_child = 1;
            st->n = ++count;
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            pi_node *p = pi_stats_of(st, n->parent);
            if (!p || !n->content)
                continue;
            const char *text = (const char *)n->content;
            size_t len = strlen(text);
            uint32_t commas;
            int ascii;
            uint32_t chars = scan_text(text, len, &commas, &ascii);
            if (!chars)
                continue;
            uint32_t words = count_words(w, text, len, ascii);
            pi_node *b = &st->nodes[p->block];
            b->own_words += words;
            b->own_chars += chars;
            b->own_commas += ascii ? commas : count_commas(text, len);
            /* Subtree totals start at the text's parent. */
            p->words += words;
            p->chars += chars;
            if (p->in_link) {
                b->own_link_words += words;
                p->link_words += words;
                p->link_chars += chars;
            }
        }
    }
    /* Bottom-up: add each element's totals into its parent. */
    for (size_t i = count; i-- > 0;) {
        pi_node *r = &st->nodes[i];
        r->commas += r->own_commas;
        if ((r->flags & PI_TF_BLOCK) && r->own_chars >= PARA_MIN_CHARS)
            r->n_para++;
        if (r->node->name[0] == 'p' && !r->node->name[1])
            r->n_p++;
        if (r->flags & PI_TF_IMG)
            r->n_img++;
        if ((r->flags & PI_TF_ITEM) && r->node->name[0] == 'l')
            r->n_li++;
        if (r->flags & PI_TF_HEADING)
            r->n_headings++;
        if (r->flags & PI_TF_LINK)
            r->n_links++;
        if (r->flags & PI_TF_FORMCTL)
            r->n_formctl++;
        if (r->flags & PI_TF_BLOCK)
            r->n_blocks++;
        if (r->parent < 0)
            continue;
        pi_node *p = &st->nodes[r->parent];
        p->words += r->words;
        p->link_words += r->link_words;
        p->chars += r->chars;
        p->link_chars += r->link_chars;
        p->commas += r->commas;
        p->n_para += r->n_para;
        p->n_p += r->n_p;
        p->n_img += r->n_img;
        p->n_li += r->n_li;
        p->n_headings += r->n_headings;
        p->n_links += r->n_links;
        p->n_embeds += r->n_embeds;
        p->n_blocks += r->n_blocks;
        p->n_formctl += r->n_formctl;
    }
    return PI_OK;
}

void pi_stats_free(pi_stats *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->n; i++)
        st->nodes[i].node->_private = NULL;
    free(st->nodes);
    memset(st, 0, sizeof *st);
}

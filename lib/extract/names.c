/* names.c - what class, id, role and itemprop names say about an element:
 * matching them against the word lists of tune.c, and the evidence weight
 * and "unlikely" verdict the statistics record. */
#include "extract/names.h"
#include "base/text.h"
#include "extract/tune.h"
#include "tree/dom.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

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

static void hay_add(struct hay *h, const char *s, size_t max)
{
    size_t i = h->len;
    for (; s && *s && max && i + 1 < HAY_CAP; s++, max--)
        h->low[i++] = (char)pi_lower((unsigned char)*s);
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
    return pi_is_alnum(u) || u >= 0x80;
}

static unsigned pair_bucket(unsigned char a, unsigned char b)
{
    return ((unsigned)a * 31u + b) & (PAIR_BUCKETS - 1);
}

enum { N_LISTS = PI_CW_REVIEW + 1 };

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
           : kind == PI_CW_COMMENT  ? PI_COMMENT
           : kind == PI_CW_REVIEW   ? PI_REVIEW
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

int pi_names_match(const char *value, const struct pi_pattern *list)
{
    if (!value || !*value)
        return 0;
    struct hay h;
    hay_init(&h, value);
    for (const struct pi_pattern *p = list; p->word; p++)
        if (pattern_hit(&h, p))
            return 1;
    return 0;
}

void pi_names_read(const pi_dom *n, pi_names *e)
{
    e->cls = e->id = e->role = e->itemprop = NULL;
    for (const pi_dom_attr *a = pi_dom_attrs(n); a; a = pi_dom_attr_next(a)) {
        const char *nm = pi_dom_attr_name(a);
        const char **slot = NULL;
        if (!nm)
            continue;
        switch (nm[0]) {
        case 'c':
            slot = strcmp(nm, "class") ? NULL : &e->cls;
            break;
        case 'i':
            slot = !strcmp(nm, "id") ? &e->id : !strcmp(nm, "itemprop") ? &e->itemprop : NULL;
            break;
        case 'r':
            slot = strcmp(nm, "role") ? NULL : &e->role;
            break;
        default:
            break;
        }
        if (slot && !*slot)
            *slot = pi_dom_attr_value(a);
    }
}

/* Every list at once, for the masks: each distinct word (and mode)
 * once with the bit set of the lists that hold it, by the bucket of its
 * first two bytes, so that one scan of the hay matches all the lists. */
#define MAX_ALL 1024
struct all_index {
    const struct pi_pattern *word[MAX_ALL];
    uint8_t bits[MAX_ALL];
    uint16_t start[PAIR_BUCKETS + 1];
    uint16_t order[MAX_ALL];
    uint16_t n;
    uint8_t usable;
};

static struct all_index all;
static pthread_once_t all_once = PTHREAD_ONCE_INIT;

static void build_all(void)
{
    uint16_t count[PAIR_BUCKETS] = {0};
    for (int k = 0; k < N_LISTS; k++) {
        for (const struct pi_pattern *p = pattern_set(k); p->word; p++) {
            uint16_t j = 0;
            while (j < all.n &&
                   !(all.word[j]->mode == p->mode && !strcmp(all.word[j]->word, p->word)))
                j++;
            if (j == all.n) {
                if (all.n == MAX_ALL || !p->word[0] || !p->word[1])
                    return; /* not indexable: hay_mask scans list by list */
                all.word[all.n++] = p;
                count[pair_bucket((unsigned char)p->word[0], (unsigned char)p->word[1])]++;
            }
            all.bits[j] |= (uint8_t)(1u << k);
        }
    }
    uint16_t at = 0, fill[PAIR_BUCKETS];
    for (unsigned b = 0; b < PAIR_BUCKETS; b++) {
        all.start[b] = fill[b] = at;
        at = (uint16_t)(at + count[b]);
    }
    all.start[PAIR_BUCKETS] = at;
    for (uint16_t j = 0; j < all.n; j++) {
        const char *w = all.word[j]->word;
        all.order[fill[pair_bucket((unsigned char)w[0], (unsigned char)w[1])]++] = j;
    }
    all.usable = 1;
}

/* The lists a hay matches, as a bit set (bit k: list PI_CW_k), in one scan
 * of the combined index (or list by list when it could not be built). */
static unsigned hay_mask(const struct hay *h)
{
    unsigned mask = 0;
    pthread_once(&all_once, build_all);
    if (!all.usable) {
        for (int k = 0; k < N_LISTS; k++)
            if (hay_matches(h, k))
                mask |= 1u << k;
        return mask;
    }
    for (size_t i = 0; i + 1 < h->len; i++) {
        unsigned b = pair_bucket((unsigned char)h->low[i], (unsigned char)h->low[i + 1]);
        for (unsigned k = all.start[b]; k < all.start[b + 1]; k++) {
            uint16_t j = all.order[k];
            if ((all.bits[j] & ~mask) && hit_at(h, h->low + i, all.word[j]))
                mask |= all.bits[j];
        }
    }
    return mask;
}

static unsigned attr_mask(const char *v)
{
    if (!v || !*v)
        return 0;
    struct hay h;
    hay_init(&h, v);
    return hay_mask(&h);
}

static int mask_weight(unsigned mask)
{
    return ((mask >> PI_CW_NEGATIVE) & 1u ? CW_NEGATIVE : 0) +
           ((mask >> PI_CW_POSITIVE) & 1u ? CW_POSITIVE : 0);
}

int pi_names_weight(const pi_names *e, unsigned *mask)
{
    unsigned mc = attr_mask(e->cls), mi = attr_mask(e->id);
    if (mask)
        *mask = mc | mi;
    int w = mask_weight(mc) + mask_weight(mi);
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

int pi_class_weight(const pi_dom *n)
{
    pi_names e;
    pi_names_read(n, &e);
    return pi_names_weight(&e, NULL);
}

/* Named like furniture, and not also like content. Class and id are matched
 * together as "class id", each cut at 140 bytes. */
#define UNLIKELY_PART 140

/* class and id as one hay, "class id", each part cut at `part` bytes. */
static void names_hay(struct hay *h, const pi_names *e, size_t part)
{
    h->len = 0;
    hay_add(h, e->cls, part);
    hay_add(h, " ", 1);
    hay_add(h, e->id, part);
}

int pi_names_unlikely(const pi_names *e, unsigned flags)
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
    names_hay(&h, e, UNLIKELY_PART);
    return hay_matches(&h, PI_CW_UNLIKELY) && !hay_matches(&h, PI_CW_MAYBE);
}

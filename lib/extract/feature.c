/* feature.c - a row of numbers for the page and for each text block, from
 * the statistics. */
#include "extract/feature.h"
#include "base/error.h"
#include "base/text.h"
#include "extract/names.h"
#include "extract/tune.h"
#include "meta/metadata.h"
#include "tree/dom.h"

#include <stdlib.h>
#include <string.h>

#define PI_FEATURE_NAME(name) #name,
const char *const pi_feature_names[PI_N_FEATURES] = {PI_FEATURE_LIST(PI_FEATURE_NAME)};
const char *const pi_page_feature_names[PI_N_PAGE_FEATURES] = {
    PI_PAGE_FEATURE_LIST(PI_FEATURE_NAME)};
#undef PI_FEATURE_NAME

_Static_assert(PI_PF_D_JOB - PI_PF_D_ARTICLE + 1 == PI_N_DECL,
               "a D_* page feature for each PI_DECL_* bit");

/* Ancestors looked at for names, weights and kinds of container. */
#define ANCESTORS 8

/* A small code per kind of element: what a tree can split on. */
enum {
    KIND_OTHER,
    KIND_P,
    KIND_HEADING,
    KIND_LI,
    KIND_DT_DD,
    KIND_CELL,
    KIND_PRE,
    KIND_QUOTE,
    KIND_CAPTION,
    KIND_DIV,
    KIND_SECTION,
    KIND_MAIN,
    KIND_HEADER,
    KIND_FOOTER,
    KIND_NAV,
    KIND_ASIDE,
    KIND_FORM,
    KIND_TABLE,
    KIND_LIST,
    KIND_BODY,
    KIND_SUMMARY
};

static int tag_code(const pi_node *r)
{
    const char *nm = pi_dom_name(r->node);
    unsigned f = r->flags;
    if (f & PI_TF_HEADING)
        return KIND_HEADING;
    if (f & PI_TF_PARA)
        return KIND_P;
    if (f & PI_TF_ITEM)
        return nm[0] == 'l' ? KIND_LI : KIND_DT_DD;
    if (f & PI_TF_CELL)
        return KIND_CELL;
    if (f & PI_TF_PRE)
        return KIND_PRE;
    if (f & PI_TF_QUOTE)
        return KIND_QUOTE;
    if (f & PI_TF_CAPTION)
        return KIND_CAPTION;
    if (f & PI_TF_MAIN)
        return KIND_MAIN;
    if (f & PI_TF_HEADER)
        return KIND_HEADER;
    if (f & (PI_TF_TABLE | PI_TF_ROW))
        return KIND_TABLE;
    if (f & PI_TF_LIST)
        return KIND_LIST;
    switch (nm[0]) {
    case 'd':
        if (!strcmp(nm, "div"))
            return KIND_DIV;
        break;
    case 's':
        if (!strcmp(nm, "section"))
            return KIND_SECTION;
        if (!strcmp(nm, "summary"))
            return KIND_SUMMARY;
        break;
    case 'f':
        if (!strcmp(nm, "footer"))
            return KIND_FOOTER;
        if (!strcmp(nm, "form") || !strcmp(nm, "fieldset"))
            return KIND_FORM;
        break;
    case 'n':
        if (!strcmp(nm, "nav"))
            return KIND_NAV;
        break;
    case 'a':
        if (!strcmp(nm, "aside"))
            return KIND_ASIDE;
        break;
    case 'b':
        if (!strcmp(nm, "body"))
            return KIND_BODY;
        break;
    default:
        break;
    }
    return KIND_OTHER;
}

/* What one pass over the text nodes finds about each block's own text. */
typedef struct shape {
    uint32_t letters, uppers, digits, terminators, separators, prices;
    uint32_t tail; /* the last four non-space bytes, the last one lowest */
    uint8_t first_upper, started, copyright;
} shape;

static void shape_text(shape *s, const unsigned char *t)
{
    uint32_t letters = 0, uppers = 0, digits = 0, terminators = 0, separators = 0, prices = 0;
    uint32_t tail = s->tail;
    if (!s->started) {
        while (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r')
            t++;
        if (*t) {
            s->started = 1;
            s->first_upper = *t >= 'A' && *t <= 'Z';
        }
    }
    for (; *t; t++) {
        unsigned c = *t;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
            continue;
        tail = tail << 8 | c;
        if ((c | 0x20) - 'a' < 26u) {
            letters++;
            uppers += c <= 'Z';
        } else if (c - '0' < 10u) {
            digits++;
        } else if (c == '.' || c == '!' || c == '?') {
            unsigned n = t[1];
            terminators += n == ' ' || n == '\n' || n == '\0';
        } else if (c == '|') {
            separators++;
        } else if (c == '$') {
            prices++;
        } else if (c == 0xC2) {
            unsigned n = t[1];
            s->copyright |= n == 0xA9;
            prices += n == 0xA3 || n == 0xA5; /* pound, yen sign */
            separators += n == 0xB7;          /* middle dot */
        } else if (c == 0xE2) {
            prices += t[1] == 0x82 && t[2] == 0xAC;                       /* euro sign */
            separators += t[1] == 0x80 && (t[2] == 0xA2 || t[2] == 0xBA); /* bullet, angle */
        }
    }
    s->letters += letters;
    s->uppers += uppers;
    s->digits += digits;
    s->terminators += terminators;
    s->separators += separators;
    s->prices += prices;
    s->tail = tail;
}

/* Does the block's text end like a sentence? */
static int shape_ends_sentence(const shape *s)
{
    char tail[4] = {(char)(s->tail >> 24), (char)(s->tail >> 16), (char)(s->tail >> 8),
                    (char)s->tail};
    return pi_ends_sentence(tail, sizeof tail);
}

static float share(uint32_t part, uint32_t whole)
{
    return whole ? (float)part / (float)whole : 0.0f;
}

void pi_features_kept(const pi_stats *st, const pi_choice *rules, uint8_t *kept)
{
    memset(kept, 0, st->n);
    if (!rules->n_nodes)
        return;
    for (size_t k = 0; k < rules->n; k++)
        kept[rules->roots[k]] = 2; /* a root; made 1 below */
    /* Index order is document order: parents come before their children. */
    for (size_t i = 0; i < st->n; i++) {
        int32_t p = st->nodes[i].parent;
        int in = kept[i] == 2 || (p >= 0 && kept[p]);
        kept[i] = (uint8_t)(in && !rules->drop[i]);
    }
}

/* Does class list `a` start with the same token as `b`? CMSs number their
 * cards and items in later tokens ("menu-item menu-item-12"). */
static int same_first_class(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    while (*a == ' ')
        a++;
    while (*b == ' ')
        b++;
    while (*a && *a != ' ' && *a == *b)
        a++, b++;
    return (!*a || *a == ' ') && (!*b || *b == ' ');
}

/* Runs of alike siblings (same name and first class, one after another):
 * cards of a listing, posts of a thread, items of a menu. run[i] is the
 * length of the run element i is in. */
static void sibling_runs(const pi_stats *st, const char *const *classes, uint32_t *run,
                         int32_t *members)
{
    for (size_t i = 0; i < st->n; i++)
        run[i] = 1;
    for (size_t i = 0; i < st->n; i++) {
        size_t n = 0;
        const char *name = NULL, *cls = NULL;
        for (pi_dom *c = pi_dom_first_child(st->nodes[i].node);; c = pi_dom_next_sibling(c)) {
            const pi_node *r = c ? pi_stats_of(st, c) : NULL;
            if (c && !r)
                continue;
            const char *cn = r ? pi_dom_name(r->node) : NULL,
                       *cc = r ? classes[r - st->nodes] : NULL;
            int same = r && n && !strcmp(cn, name) && same_first_class(cls, cc);
            if (!same) {
                for (size_t k = 0; k < n; k++)
                    run[members[k]] = (uint32_t)n;
                n = 0;
                name = cn;
                cls = cc;
            }
            if (!r)
                break;
            members[n++] = (int32_t)(r - st->nodes);
        }
    }
}

/* Does token [s, e) of a URL, lowercased, equal one of `words`? */
static int url_word(const char *s, const char *e, const char *const *words)
{
    for (; *words; words++) {
        const char *w = *words, *p = s;
        while (p < e && *w && pi_lower((unsigned char)*p) == *w)
            p++, w++;
        if (p == e && !*w)
            return 1;
    }
    return 0;
}

/* The URL's features: its path's depth and the words of path and query. */
static void url_features(const char *url, float *x)
{
    if (!url)
        return;
    x[PI_PF_URL_KNOWN] = 1.0f;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    while (*p && *p != '/' && *p != '?' && *p != '#')
        p++; /* the host */
    int depth = 0, query = 0;
    for (const char *q = p; *q && *q != '#'; q++) {
        if (*q == '?')
            query = 1;
        if (*q == '/' && !query && q[1] && q[1] != '?' && q[1] != '#')
            depth++;
    }
    x[PI_PF_URL_DEPTH] = (float)depth;
    x[PI_PF_URL_ROOT] = (float)(depth == 0 && !query);
    x[PI_PF_URL_QUERY] = (float)query;
    static const struct {
        int feature;
        const char *const *words;
    } classes[] = {{PI_PF_URL_FORUM, PI_URL_FORUM},
                   {PI_PF_URL_PRODUCT, PI_URL_PRODUCT},
                   {PI_PF_URL_COLLECTION, PI_URL_COLLECTION},
                   {PI_PF_URL_LISTING, PI_URL_LISTING},
                   {PI_PF_URL_DOCS, PI_URL_DOCS},
                   {PI_PF_URL_ARTICLE, PI_URL_ARTICLE},
                   {PI_PF_URL_SERVICE, PI_URL_SERVICE}};
    while (*p && *p != '#') {
        while (*p && *p != '#' && !pi_is_alnum((unsigned char)*p))
            p++;
        const char *s = p;
        while (pi_is_alnum((unsigned char)*p))
            p++;
        size_t n = (size_t)(p - s);
        if (!n)
            continue;
        int digits = 1;
        for (const char *d = s; d < p; d++)
            digits &= pi_is_digit((unsigned char)*d);
        if (digits && n == 4 && (s[0] == '1' || s[0] == '2') && (s[1] == '9' || s[1] == '0'))
            x[PI_PF_URL_YEAR] = 1.0f;
        else if (digits && n >= 5)
            x[PI_PF_URL_NUMERIC] = 1.0f;
        for (size_t k = 0; k < sizeof classes / sizeof *classes; k++)
            if (url_word(s, p, classes[k].words))
                x[classes[k].feature] = 1.0f;
    }
}

/* The per-element facts both rows read. */
typedef struct facts {
    uint8_t *kept;  /* in the rules' text */
    uint8_t *under; /* 1: under a dropped element; 2: in the winner's subtree */
    uint8_t *anc;   /* the names of its ancestors, ANCESTORS up */
    uint32_t *run;  /* length of its run of alike siblings */
    shape *sh;      /* the shape of its own text */
} facts;

static void facts_free(facts *a)
{
    free(a->kept);
    free(a->under);
    free(a->anc);
    free(a->run);
    free(a->sh);
}

static int facts_build(const pi_stats *st, const pi_choice *rules, facts *a)
{
    size_t n = st->n ? st->n : 1;
    const pi_node *N = st->nodes;
    int32_t *members = malloc(n * sizeof *members);
    const char **classes = malloc(n * sizeof *classes);
    memset(a, 0, sizeof *a);
    a->kept = malloc(n);
    a->under = malloc(n);
    a->anc = malloc(n);
    a->run = malloc(n * sizeof *a->run);
    a->sh = calloc(n, sizeof *a->sh);
    if (!members || !classes || !a->kept || !a->under || !a->anc || !a->run || !a->sh) {
        free(members);
        free(classes);
        facts_free(a);
        return PI_ENOMEM;
    }
    pi_features_kept(st, rules, a->kept);
    int32_t top = rules->n_nodes ? rules->top : -1;
    for (size_t i = 0; i < st->n; i++) {
        classes[i] = pi_attr(N[i].node, "class");
        /* Top-down, parents before children: what lies above. */
        int32_t p = N[i].parent;
        uint8_t up = p >= 0 ? a->under[p] : 0;
        a->under[i] = (uint8_t)(up | (rules->n_nodes && rules->drop[i] ? 1 : 0) |
                                ((int32_t)i == top ? 2 : 0));
    }
    sibling_runs(st, classes, a->run, members);
    free(members);
    free(classes);
    for (size_t i = 0; i < st->n; i++) {
        unsigned m = 0;
        int32_t q = N[i].parent;
        for (int up = 0; q >= 0 && up < ANCESTORS; up++, q = N[q].parent)
            m |= N[q].names;
        a->anc[i] = (uint8_t)m;
    }
    /* The shape of each block's own text, in one walk of the text. */
    pi_dom *root = N[0].node;
    for (pi_dom *x = root; x; x = pi_next(x, root, 0)) {
        if (!pi_dom_has_chars(x) || !pi_dom_chars(x))
            continue;
        const pi_node *p = pi_stats_of(st, pi_dom_parent(x));
        if (p)
            shape_text(&a->sh[p->block], (const unsigned char *)pi_dom_chars(x));
    }
    return PI_OK;
}

static float bit(unsigned mask, int k)
{
    return (float)((mask >> k) & 1u);
}

static void page_row(const pi_stats *st, const pi_page_in *in, const facts *a, float *x)
{
    const pi_node *N = st->nodes, *body = &N[0];
    memset(x, 0, PI_N_PAGE_FEATURES * sizeof *x);
    for (int k = 0; k < PI_N_DECL; k++)
        x[PI_PF_D_ARTICLE + k] = bit(in->declared, k);
    url_features(in->url, x);
    uint32_t run_max = 0, run_words = 0, comment = 0, review = 0, main = 0, kept = 0;
    float runs = 0.0f;
    uint32_t pre = 0, code = 0, tables = 0, prices = 0, blocks = 0;
    for (size_t i = 0; i < st->n; i++) {
        const pi_node *r = &N[i];
        pre += (r->flags & PI_TF_PRE) != 0;
        code += (r->flags & PI_TF_CODE) != 0;
        tables += (r->flags & PI_TF_TABLE) != 0;
        if (r->own_chars) {
            blocks++;
            prices += a->sh[i].prices;
            kept += a->kept[i] ? r->own_words : 0;
            unsigned m = N[i].names | a->anc[i];
            comment += (m >> PI_CW_COMMENT) & 1u ? r->own_words : 0;
            review += (m >> PI_CW_REVIEW) & 1u ? r->own_words : 0;
        }
        /* Runs of cards, four alike siblings or more with text: each member
         * counts for its share of its run. */
        if (a->run[i] >= 4 && r->words) {
            runs += 1.0f / (float)a->run[i];
            run_max = a->run[i] > run_max ? a->run[i] : run_max;
        }
        if (a->run[i] >= 4 && r->parent >= 0 && a->run[r->parent] < 4)
            run_words += r->words;
        if ((r->flags & PI_TF_MAIN) && (r->parent < 0 || !(N[r->parent].flags & PI_TF_MAIN)))
            main += r->words;
    }
    x[PI_PF_WORDS] = (float)body->words;
    x[PI_PF_LINK_DENSITY] = pi_link_density(body);
    x[PI_PF_BLOCKS] = (float)blocks;
    x[PI_PF_HEADINGS] = (float)body->n_headings;
    x[PI_PF_IMAGES] = (float)body->n_img;
    x[PI_PF_ITEMS] = (float)body->n_li;
    x[PI_PF_LINKS] = (float)body->n_links;
    x[PI_PF_FORMCTL] = (float)body->n_formctl;
    x[PI_PF_PRE] = (float)pre;
    x[PI_PF_CODE] = (float)code;
    x[PI_PF_TABLES] = (float)tables;
    x[PI_PF_RUNS] = runs;
    x[PI_PF_RUN_MAX] = (float)run_max;
    x[PI_PF_RUN_SHARE] = share(run_words, body->words);
    x[PI_PF_PRICES] = (float)prices;
    x[PI_PF_COMMENT_SHARE] = share(comment, body->words);
    x[PI_PF_REVIEW_SHARE] = share(review, body->words);
    x[PI_PF_MAIN_SHARE] = share(main, body->words);
    x[PI_PF_LAYER] = (float)in->layer;
    x[PI_PF_RULES_SHARE] = share(kept, body->words);
    int32_t top = in->rules->n_nodes ? in->rules->top : -1;
    if (top >= 0) {
        x[PI_PF_TOP_LINK_DENSITY] = pi_link_density(&N[top]);
        x[PI_PF_TOP_TAG] = (float)tag_code(&N[top]);
        x[PI_PF_TOP_SHARE] = share(N[top].words, body->words);
        x[PI_PF_TOP_RUN] = (float)a->run[top];
    }
}

static void block_row(const pi_stats *st, const pi_page_in *in, const facts *a,
                      const pi_features *f, size_t k, float *x)
{
    const pi_node *N = st->nodes;
    int32_t i = f->block[k];
    const pi_node *r = &N[i];
    const shape *s = &a->sh[i];
    memset(x, 0, PI_N_FEATURES * sizeof *x);
    x[PI_F_OWN_WORDS] = (float)r->own_words;
    x[PI_F_OWN_CHARS] = (float)r->own_chars;
    x[PI_F_OWN_LINK_SHARE] = share(r->own_link_words, r->own_words);
    x[PI_F_OWN_COMMAS] = (float)r->own_commas;
    x[PI_F_CHARS_PER_WORD] = share(r->own_chars, r->own_words);
    x[PI_F_WORDS] = (float)r->words;
    x[PI_F_LINK_DENSITY] = pi_link_density(r);
    x[PI_F_N_PARA] = (float)r->n_para;
    x[PI_F_N_LINKS] = (float)r->n_links;
    x[PI_F_N_LI] = (float)r->n_li;
    x[PI_F_N_IMG] = (float)r->n_img;
    x[PI_F_N_HEADINGS] = (float)r->n_headings;
    x[PI_F_N_FORMCTL] = (float)r->n_formctl;
    x[PI_F_HAS_BLOCK_CHILD] = (float)r->has_block_child;
    x[PI_F_TAG] = (float)tag_code(r);
    x[PI_F_HEADING_LEVEL] = (float)pi_heading_level(pi_dom_name(r->node));
    x[PI_F_DEPTH] = (float)r->depth;
    x[PI_F_WEIGHT] = (float)r->weight;
    x[PI_F_UNLIKELY] = (float)r->unlikely;
    x[PI_F_IN_LINK] = (float)r->in_link;
    unsigned own = N[i].names, anc = a->anc[i];
    x[PI_F_NAME_NEG] = bit(own, PI_CW_NEGATIVE);
    x[PI_F_NAME_POS] = bit(own, PI_CW_POSITIVE);
    x[PI_F_NAME_BYLINE] = bit(own, PI_CW_BYLINE);
    x[PI_F_NAME_STRONG] = bit(own, PI_CW_STRONG_NEGATIVE);
    x[PI_F_NAME_COMMENT] = bit(own, PI_CW_COMMENT);
    x[PI_F_NAME_REVIEW] = bit(own, PI_CW_REVIEW);

    x[PI_F_ENDS_SENTENCE] = (float)shape_ends_sentence(s);
    x[PI_F_ENDS_COLON] = (float)((s->tail & 0xFF) == ':');
    x[PI_F_FIRST_UPPER] = (float)s->first_upper;
    x[PI_F_UPPER_SHARE] = share(s->uppers, s->letters);
    x[PI_F_DIGIT_SHARE] = share(s->digits, s->letters + s->digits);
    x[PI_F_SENTENCES] = (float)s->terminators;
    x[PI_F_SEPARATORS] = (float)s->separators;
    x[PI_F_COPYRIGHT] = (float)s->copyright;
    x[PI_F_PRICES] = (float)s->prices;

    x[PI_F_ANC_NEG] = bit(anc, PI_CW_NEGATIVE);
    x[PI_F_ANC_POS] = bit(anc, PI_CW_POSITIVE);
    x[PI_F_ANC_BYLINE] = bit(anc, PI_CW_BYLINE);
    x[PI_F_ANC_STRONG] = bit(anc, PI_CW_STRONG_NEGATIVE);
    x[PI_F_ANC_COMMENT] = bit(anc, PI_CW_COMMENT);
    x[PI_F_ANC_REVIEW] = bit(anc, PI_CW_REVIEW);
    x[PI_F_ANC_UNLIKELY] = bit(anc, PI_CW_UNLIKELY);
    int32_t wmin = 0, wmax = 0;
    unsigned flags = 0;
    int32_t q = r->parent;
    for (int up = 0; q >= 0 && up < ANCESTORS; up++, q = N[q].parent) {
        wmin = N[q].weight < wmin ? N[q].weight : wmin;
        wmax = N[q].weight > wmax ? N[q].weight : wmax;
        flags |= N[q].flags;
    }
    x[PI_F_ANC_MIN_WEIGHT] = (float)wmin;
    x[PI_F_ANC_MAX_WEIGHT] = (float)wmax;
    x[PI_F_IN_MAIN] = (float)((flags & PI_TF_MAIN) != 0);
    x[PI_F_IN_FURNITURE] = (float)((flags & PI_TF_FURNITURE) != 0);
    x[PI_F_IN_HEADER] = (float)((flags & PI_TF_HEADER) != 0);
    x[PI_F_IN_LIST] = (float)((flags & (PI_TF_LIST | PI_TF_ITEM)) != 0);
    x[PI_F_IN_TABLE] = (float)((flags & (PI_TF_TABLE | PI_TF_CELL)) != 0);
    x[PI_F_IN_FIGURE] = (float)((flags & PI_TF_FIGURE) != 0);
    x[PI_F_IN_QUOTE] = (float)((flags & PI_TF_QUOTE) != 0);
    x[PI_F_RUN] = (float)a->run[i];

    int32_t p1 = r->parent, p2 = p1 >= 0 ? N[p1].parent : -1, p3 = p2 >= 0 ? N[p2].parent : -1;
    if (p1 >= 0) {
        x[PI_F_P1_TAG] = (float)tag_code(&N[p1]);
        x[PI_F_P1_WORDS] = (float)N[p1].words;
        x[PI_F_P1_LINK_DENSITY] = pi_link_density(&N[p1]);
        x[PI_F_P1_N_PARA] = (float)N[p1].n_para;
        x[PI_F_P1_SHARE] = share(r->words, N[p1].words);
        x[PI_F_P1_RUN] = (float)a->run[p1];
    }
    if (p2 >= 0) {
        x[PI_F_P2_WORDS] = (float)N[p2].words;
        x[PI_F_P2_LINK_DENSITY] = pi_link_density(&N[p2]);
        x[PI_F_P2_SHARE] = share(r->words, N[p2].words);
        x[PI_F_P2_RUN] = (float)a->run[p2];
    }
    if (p3 >= 0) {
        x[PI_F_P3_WORDS] = (float)N[p3].words;
        x[PI_F_P3_LINK_DENSITY] = pi_link_density(&N[p3]);
        x[PI_F_P3_RUN] = (float)a->run[p3];
    }
    if (k > 0) {
        const pi_node *b = &N[f->block[k - 1]];
        x[PI_F_PREV_WORDS] = (float)b->own_words;
        x[PI_F_PREV_LINK_SHARE] = share(b->own_link_words, b->own_words);
        x[PI_F_PREV_TAG] = (float)tag_code(b);
        x[PI_F_PREV_KEPT] = (float)a->kept[f->block[k - 1]];
    }
    if (k + 1 < f->n) {
        const pi_node *b = &N[f->block[k + 1]];
        x[PI_F_NEXT_WORDS] = (float)b->own_words;
        x[PI_F_NEXT_LINK_SHARE] = share(b->own_link_words, b->own_words);
        x[PI_F_NEXT_TAG] = (float)tag_code(b);
        x[PI_F_NEXT_KEPT] = (float)a->kept[f->block[k + 1]];
    }

    int32_t top = in->rules->n_nodes ? in->rules->top : -1;
    int in_top = (a->under[i] & 2) != 0;
    x[PI_F_TOP_SIDE] = in_top ? 0.0f : i < top ? -1.0f : 1.0f;
    x[PI_F_RULES_KEPT] = (float)a->kept[i];
    x[PI_F_RULES_DROPPED] = (float)(a->under[i] & 1);
    x[PI_F_IN_TOP] = (float)in_top;
    x[PI_F_BELOW_TOP] = in_top ? (float)(r->depth - N[top].depth) : -1.0f;
    x[PI_F_RULES_LAYER] = (float)in->layer;

    x[PI_F_PAGE_WORDS] = f->page[PI_PF_WORDS];
    x[PI_F_PAGE_LINK_DENSITY] = f->page[PI_PF_LINK_DENSITY];
    x[PI_F_PAGE_BLOCKS] = f->page[PI_PF_BLOCKS];
    x[PI_F_RULES_SHARE] = f->page[PI_PF_RULES_SHARE];
}

int pi_features_build(const pi_stats *st, const pi_page_in *in, pi_features *f)
{
    memset(f, 0, sizeof *f);
    if (!st->n)
        return PI_OK;
    const pi_node *N = st->nodes;
    size_t nb = 0;
    for (size_t i = 0; i < st->n; i++)
        nb += N[i].own_chars > 0;
    facts a;
    PI_TRY(facts_build(st, in->rules, &a));
    f->block = malloc((nb ? nb : 1) * sizeof *f->block);
    f->x = malloc((nb ? nb : 1) * PI_N_FEATURES * sizeof *f->x);
    if (!f->block || !f->x) {
        facts_free(&a);
        pi_features_free(f);
        return PI_ENOMEM;
    }
    f->n = nb;
    size_t k = 0;
    for (size_t i = 0; i < st->n; i++)
        if (N[i].own_chars)
            f->block[k++] = (int32_t)i;
    page_row(st, in, &a, f->page);
    for (k = 0; k < nb; k++)
        block_row(st, in, &a, f, k, f->x + k * PI_N_FEATURES);
    facts_free(&a);
    return PI_OK;
}

void pi_features_free(pi_features *f)
{
    if (!f)
        return;
    free(f->block);
    free(f->x);
    memset(f, 0, sizeof *f);
}

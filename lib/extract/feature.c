/* feature.c - a row of numbers per text block, from the statistics. */
#include "extract/feature.h"
#include "base/error.h"
#include "base/text.h"
#include "extract/names.h"
#include "tree/dom.h"

#include <stdlib.h>
#include <string.h>

const char *const pi_feature_names[PI_N_FEATURES] = {
#define PI_FEATURE_NAME(name) #name,
    PI_FEATURE_LIST(PI_FEATURE_NAME)
#undef PI_FEATURE_NAME
};

/* Ancestors looked at for names, weights and kinds of container. */
#define ANCESTORS 8

/* A small code per kind of element: what a tree can split on. */
enum {
    TAG_OTHER,
    TAG_P,
    TAG_HEADING,
    TAG_LI,
    TAG_DT_DD,
    TAG_CELL,
    TAG_PRE,
    TAG_QUOTE,
    TAG_CAPTION,
    TAG_DIV,
    TAG_SECTION,
    TAG_MAIN,
    TAG_HEADER,
    TAG_FOOTER,
    TAG_NAV,
    TAG_ASIDE,
    TAG_FORM,
    TAG_TABLE,
    TAG_LIST,
    TAG_BODY,
    TAG_SUMMARY
};

static int tag_code(const pi_node *r)
{
    const char *nm = pi_dom_name(r->node);
    unsigned f = r->flags;
    if (f & PI_TF_HEADING)
        return TAG_HEADING;
    if (f & PI_TF_PARA)
        return TAG_P;
    if (f & PI_TF_ITEM)
        return nm[0] == 'l' ? TAG_LI : TAG_DT_DD;
    if (f & PI_TF_CELL)
        return TAG_CELL;
    if (f & PI_TF_PRE)
        return TAG_PRE;
    if (f & PI_TF_QUOTE)
        return TAG_QUOTE;
    if (f & PI_TF_CAPTION)
        return TAG_CAPTION;
    if (f & PI_TF_MAIN)
        return TAG_MAIN;
    if (f & PI_TF_HEADER)
        return TAG_HEADER;
    if (f & (PI_TF_TABLE | PI_TF_ROW))
        return TAG_TABLE;
    if (f & PI_TF_LIST)
        return TAG_LIST;
    switch (nm[0]) {
    case 'd':
        if (!strcmp(nm, "div"))
            return TAG_DIV;
        break;
    case 's':
        if (!strcmp(nm, "section"))
            return TAG_SECTION;
        if (!strcmp(nm, "summary"))
            return TAG_SUMMARY;
        break;
    case 'f':
        if (!strcmp(nm, "footer"))
            return TAG_FOOTER;
        if (!strcmp(nm, "form") || !strcmp(nm, "fieldset"))
            return TAG_FORM;
        break;
    case 'n':
        if (!strcmp(nm, "nav"))
            return TAG_NAV;
        break;
    case 'a':
        if (!strcmp(nm, "aside"))
            return TAG_ASIDE;
        break;
    case 'b':
        if (!strcmp(nm, "body"))
            return TAG_BODY;
        break;
    default:
        break;
    }
    return TAG_OTHER;
}

/* What one pass over the text nodes finds about each block's own text. */
typedef struct shape {
    uint32_t letters, uppers, digits, terminators, separators;
    uint8_t first_upper, started, copyright;
    char tail[4]; /* the last non-space bytes, the last one at tail[3] */
} shape;

static void shape_text(shape *s, const unsigned char *t)
{
    for (; *t; t++) {
        unsigned char c = *t;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
            continue;
        if (!s->started) {
            s->started = 1;
            s->first_upper = c >= 'A' && c <= 'Z';
        }
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            s->letters++;
            s->uppers += c <= 'Z';
        } else if (c >= '0' && c <= '9') {
            s->digits++;
        } else if (c == '.' || c == '!' || c == '?') {
            unsigned char n = t[1];
            s->terminators += n == ' ' || n == '\n' || n == '\0';
        } else if (c == '|') {
            s->separators++;
        } else if (c == 0xC2 && t[1] == 0xA9) {
            s->copyright = 1;
        } else if (c == 0xE2 && t[1] == 0x80 && (t[2] == 0xA2 || t[2] == 0xBA)) {
            s->separators++; /* bullet, single angle quote */
        } else if (c == 0xC2 && t[1] == 0xB7) {
            s->separators++; /* middle dot */
        }
        memmove(s->tail, s->tail + 1, 3);
        s->tail[3] = (char)c;
    }
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
static void sibling_runs(const pi_stats *st, uint32_t *run, int32_t *members)
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
                       *cc = r ? pi_attr(r->node, "class") : NULL;
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

int pi_features_build(const pi_stats *st, const pi_choice *rules, int layer, pi_features *f)
{
    memset(f, 0, sizeof *f);
    const pi_node *N = st->nodes;
    size_t nb = 0;
    for (size_t i = 0; i < st->n; i++)
        nb += N[i].own_chars > 0;
    if (!nb)
        return PI_OK;
    uint8_t *kept = malloc(st->n ? st->n : 1), *under = malloc(st->n ? st->n : 1);
    uint8_t *names = malloc(st->n ? st->n : 1);
    uint32_t *run = malloc((st->n ? st->n : 1) * sizeof *run);
    int32_t *members = malloc((st->n ? st->n : 1) * sizeof *members);
    shape *sh = calloc(st->n ? st->n : 1, sizeof *sh);
    f->block = malloc(nb * sizeof *f->block);
    f->x = malloc(nb * PI_N_FEATURES * sizeof *f->x);
    if (!kept || !under || !names || !run || !members || !sh || !f->block || !f->x) {
        free(kept);
        free(under);
        free(names);
        free(run);
        free(members);
        free(sh);
        pi_features_free(f);
        return PI_ENOMEM;
    }
    pi_features_kept(st, rules, kept);
    /* Top-down, as kept: under a dropped element (bit 1), in the winner's
     * subtree (bit 2). */
    int32_t top = rules->n_nodes ? rules->top : -1;
    for (size_t i = 0; i < st->n; i++) {
        int32_t p = N[i].parent;
        uint8_t up = p >= 0 ? under[p] : 0;
        under[i] = (uint8_t)(up | (rules->n_nodes && rules->drop[i] ? 1 : 0) |
                             ((int32_t)i == top ? 2 : 0));
    }
    sibling_runs(st, run, members);
    for (size_t i = 0; i < st->n; i++) {
        pi_names e;
        pi_names_read(N[i].node, &e);
        names[i] = (uint8_t)pi_names_mask(&e);
    }
    /* The shape of each block's own text, in one walk of the text. */
    pi_dom *root = N[0].node;
    for (pi_dom *x = root; x; x = pi_next(x, root, 0)) {
        if (!pi_dom_has_chars(x) || !pi_dom_chars(x))
            continue;
        const pi_node *p = pi_stats_of(st, pi_dom_parent(x));
        if (p)
            shape_text(&sh[p->block], (const unsigned char *)pi_dom_chars(x));
    }

    uint32_t page_words = N[0].words, kept_words = 0, before = 0;
    for (size_t i = 0; i < st->n; i++)
        kept_words += kept[i] ? N[i].own_words : 0;
    size_t k = 0;
    for (size_t i = 0; i < st->n; i++)
        if (N[i].own_chars)
            f->block[k++] = (int32_t)i;
    for (k = 0; k < nb; k++) {
        int32_t i = f->block[k];
        const pi_node *r = &N[i];
        const shape *s = &sh[i];
        float *x = f->x + k * PI_N_FEATURES;
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
        x[PI_F_NAMES] = (float)names[i];

        x[PI_F_ENDS_SENTENCE] = (float)pi_ends_sentence(s->tail, sizeof s->tail);
        x[PI_F_ENDS_COLON] = (float)(s->tail[3] == ':');
        x[PI_F_FIRST_UPPER] = (float)s->first_upper;
        x[PI_F_UPPER_SHARE] = share(s->uppers, s->letters);
        x[PI_F_DIGIT_SHARE] = share(s->digits, s->letters + s->digits);
        x[PI_F_SENTENCES] = (float)s->terminators;
        x[PI_F_SEPARATORS] = (float)s->separators;
        x[PI_F_COPYRIGHT] = (float)s->copyright;

        unsigned anc_names = 0;
        int32_t wmin = 0, wmax = 0;
        int in_main = 0, in_furn = 0, in_header = 0, in_list = 0, in_table = 0, in_fig = 0,
            in_quote = 0;
        int32_t a = r->parent;
        for (int up = 0; a >= 0 && up < ANCESTORS; up++, a = N[a].parent) {
            const pi_node *p = &N[a];
            anc_names |= names[a];
            wmin = p->weight < wmin ? p->weight : wmin;
            wmax = p->weight > wmax ? p->weight : wmax;
            in_main |= (p->flags & PI_TF_MAIN) != 0;
            in_furn |= (p->flags & PI_TF_FURNITURE) != 0;
            in_header |= (p->flags & PI_TF_HEADER) != 0;
            in_list |= (p->flags & (PI_TF_LIST | PI_TF_ITEM)) != 0;
            in_table |= (p->flags & (PI_TF_TABLE | PI_TF_CELL)) != 0;
            in_fig |= (p->flags & PI_TF_FIGURE) != 0;
            in_quote |= (p->flags & PI_TF_QUOTE) != 0;
        }
        x[PI_F_ANC_NAMES] = (float)anc_names;
        x[PI_F_ANC_MIN_WEIGHT] = (float)wmin;
        x[PI_F_ANC_MAX_WEIGHT] = (float)wmax;
        x[PI_F_IN_MAIN] = (float)in_main;
        x[PI_F_IN_FURNITURE] = (float)in_furn;
        x[PI_F_IN_HEADER] = (float)in_header;
        x[PI_F_IN_LIST] = (float)in_list;
        x[PI_F_IN_TABLE] = (float)in_table;
        x[PI_F_IN_FIGURE] = (float)in_fig;
        x[PI_F_IN_QUOTE] = (float)in_quote;
        x[PI_F_RUN] = (float)run[i];

        int32_t p1 = r->parent, p2 = p1 >= 0 ? N[p1].parent : -1, p3 = p2 >= 0 ? N[p2].parent : -1;
        if (p1 >= 0) {
            x[PI_F_P1_TAG] = (float)tag_code(&N[p1]);
            x[PI_F_P1_WORDS] = (float)N[p1].words;
            x[PI_F_P1_LINK_DENSITY] = pi_link_density(&N[p1]);
            x[PI_F_P1_N_PARA] = (float)N[p1].n_para;
            x[PI_F_P1_SHARE] = share(r->words, N[p1].words);
            x[PI_F_P1_RUN] = (float)run[p1];
        }
        if (p2 >= 0) {
            x[PI_F_P2_WORDS] = (float)N[p2].words;
            x[PI_F_P2_LINK_DENSITY] = pi_link_density(&N[p2]);
            x[PI_F_P2_SHARE] = share(r->words, N[p2].words);
            x[PI_F_P2_RUN] = (float)run[p2];
        }
        if (p3 >= 0) {
            x[PI_F_P3_WORDS] = (float)N[p3].words;
            x[PI_F_P3_LINK_DENSITY] = pi_link_density(&N[p3]);
            x[PI_F_P3_RUN] = (float)run[p3];
        }
        if (k > 0) {
            const pi_node *q = &N[f->block[k - 1]];
            x[PI_F_PREV_WORDS] = (float)q->own_words;
            x[PI_F_PREV_LINK_SHARE] = share(q->own_link_words, q->own_words);
            x[PI_F_PREV_TAG] = (float)tag_code(q);
            x[PI_F_PREV_KEPT] = (float)kept[f->block[k - 1]];
        }
        if (k + 1 < nb) {
            const pi_node *q = &N[f->block[k + 1]];
            x[PI_F_NEXT_WORDS] = (float)q->own_words;
            x[PI_F_NEXT_LINK_SHARE] = share(q->own_link_words, q->own_words);
            x[PI_F_NEXT_TAG] = (float)tag_code(q);
            x[PI_F_NEXT_KEPT] = (float)kept[f->block[k + 1]];
        }
        x[PI_F_POSITION] = (float)k / (float)nb;
        x[PI_F_WORDS_BEFORE] = share(before, page_words);
        before += r->own_words;

        x[PI_F_RULES_KEPT] = (float)kept[i];
        int in_top = (under[i] & 2) != 0;
        x[PI_F_RULES_DROPPED] = (float)(under[i] & 1);
        x[PI_F_IN_TOP] = (float)in_top;
        x[PI_F_BELOW_TOP] = in_top ? (float)(r->depth - N[top].depth) : -1.0f;
        x[PI_F_RULES_LAYER] = (float)layer;

        x[PI_F_PAGE_WORDS] = (float)page_words;
        x[PI_F_PAGE_LINK_DENSITY] = pi_link_density(&N[0]);
        x[PI_F_PAGE_BLOCKS] = (float)nb;
        x[PI_F_RULES_SHARE] = share(kept_words, page_words);
    }
    free(kept);
    free(under);
    free(names);
    free(run);
    free(members);
    free(sh);
    f->n = nb;
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

/* stats.c - per-element statistics in one walk. */
#include "stats.h"
#include "buf.h"
#include "dom.h"
#include "tune.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

struct pi_words {
    UBreakIterator *bi;
    UChar *u16;
    int32_t cap;
};

pi_words *pi_words_new(void)
{
    UErrorCode e = U_ZERO_ERROR;
    pi_words *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->bi = ubrk_open(UBRK_WORD, "", NULL, 0, &e);
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
    free(w->u16);
    free(w);
}

uint32_t pi_count_chars(const char *s, size_t len)
{
    uint32_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) == 0x80 || c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f')
            continue;
        n++;
    }
    return n;
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
        if (isalnum(c) || c == '_') {
            if (!in)
                n++;
            in = 1;
        } else if (in && (c == '\'' || c == '.' || c == ',' || c == ':') && i + 1 < len &&
                   isalnum((unsigned char)s[i + 1]) && i > 0) {
            unsigned char a = (unsigned char)s[i - 1], b = (unsigned char)s[i + 1];
            int digits = isdigit(a) && isdigit(b);
            int letters = isalpha(a) && isalpha(b);
            if (!((c == '.' && (digits || letters)) || (c == '\'' && letters) ||
                  (c == ',' && digits) || (c == ':' && letters)))
                in = 0;
        } else {
            in = 0;
        }
    }
    return n;
}

uint32_t pi_count_words(pi_words *w, const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            break;
    if (i == len)
        return count_ascii(s, len);
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

/* Lowercase `s` into `out` (at most cap-1 bytes). */
static void lower_into(char *out, size_t cap, const char *s)
{
    size_t i = 0;
    for (; s && *s && i + 1 < cap; s++)
        out[i++] = (char)tolower((unsigned char)*s);
    out[i] = '\0';
}

static int is_tok(char c)
{
    return isalnum((unsigned char)c) || (unsigned char)c >= 0x80;
}

static int pattern_hit(const char *hay, const struct pi_pattern *p)
{
    size_t wl = strlen(p->word);
    for (const char *h = strstr(hay, p->word); h; h = strstr(h + 1, p->word)) {
        if (p->mode == M_SUB)
            return 1;
        int start = h == hay || !is_tok(h[-1]);
        int end = !is_tok(h[wl]);
        /* camelCase boundaries count too: "shareBar", "adSlot". */
        if (start && (end || p->mode == M_PREFIX))
            return 1;
    }
    return 0;
}

int pi_class_matches(const char *classes, int kind)
{
    const struct pi_pattern *set = kind == PI_CW_POSITIVE   ? PI_POSITIVE
                                   : kind == PI_CW_BYLINE   ? PI_BYLINE
                                   : kind == PI_CW_NEGATIVE ? PI_NEGATIVE
                                   : kind == PI_CW_UNLIKELY ? PI_UNLIKELY
                                   : kind == PI_CW_MAYBE    ? PI_MAYBE
                                                            : PI_STRONG_NEGATIVE;
    char low[256];
    lower_into(low, sizeof low, classes);
    for (; set->word; set++)
        if (pattern_hit(low, set))
            return 1;
    return 0;
}

static int attr_weight(const char *v)
{
    int w = 0;
    if (!v || !*v)
        return 0;
    if (pi_class_matches(v, PI_CW_NEGATIVE))
        w += CW_NEGATIVE;
    if (pi_class_matches(v, PI_CW_POSITIVE))
        w += CW_POSITIVE;
    return w;
}

int pi_class_weight(xmlNodePtr n)
{
    int w = attr_weight(pi_attr(n, "class")) + attr_weight(pi_attr(n, "id"));
    const char *v = pi_attr(n, "role");
    if (v) {
        if (!strcmp(v, "navigation") || !strcmp(v, "banner") || !strcmp(v, "contentinfo") ||
            !strcmp(v, "complementary") || !strcmp(v, "search") || !strcmp(v, "dialog") ||
            !strcmp(v, "alertdialog") || !strcmp(v, "menu") || !strcmp(v, "menubar"))
            w += CW_ROLE_NEGATIVE;
        else if (!strcmp(v, "main") || !strcmp(v, "article"))
            w += CW_POSITIVE;
    }
    v = pi_attr(n, "itemprop");
    if (v && (strstr(v, "articleBody") || strstr(v, "reviewBody") || strstr(v, "text")))
        w += CW_ARTICLE_BODY;
    return w;
}

/* Named like furniture, and not also like content. */
static int is_unlikely(xmlNodePtr n, unsigned flags)
{
    if (flags & (PI_TF_MAIN | PI_TF_LINK))
        return 0;
    const char *v = pi_attr(n, "role");
    if (v && (!strcmp(v, "navigation") || !strcmp(v, "menu") || !strcmp(v, "menubar") ||
              !strcmp(v, "complementary") || !strcmp(v, "dialog") || !strcmp(v, "alertdialog")))
        return 1;
    const char *c = pi_attr(n, "class"), *i = pi_attr(n, "id");
    char both[300];
    snprintf(both, sizeof both, "%.140s %.140s", c ? c : "", i ? i : "");
    return pi_class_matches(both, PI_CW_UNLIKELY) && !pi_class_matches(both, PI_CW_MAYBE);
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
            r->flags = pi_tag_flags(n->name);
            r->depth = p ? p->depth + 1 : 0;
            if (r->depth > max_depth) {
                pi_stats_free(st);
                return PI_EDEPTH;
            }
            r->in_link = (p && p->in_link) || (r->flags & PI_TF_LINK);
            r->block = (r->flags & PI_TF_BLOCK) || !p ? (int32_t)count : p->block;
            r->weight = pi_class_weight(n);
            r->unlikely = (p && p->unlikely) || (p && is_unlikely(n, r->flags));
            if (p && (r->flags & PI_TF_BLOCK))
                p->has_block_child = 1;
            st->n = ++count;
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            pi_node *p = pi_stats_of(st, n->parent);
            if (!p || !n->content)
                continue;
            size_t len = strlen((const char *)n->content);
            uint32_t chars = pi_count_chars((const char *)n->content, len);
            if (!chars)
                continue;
            uint32_t words = pi_count_words(w, (const char *)n->content, len);
            pi_node *b = &st->nodes[p->block];
            b->own_words += words;
            b->own_chars += chars;
            b->own_commas += count_commas((const char *)n->content, len);
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

/* blocks.c - keep or drop each block of the article, then build the model. */
#include "blocks.h"
#include "buf.h"
#include "dom.h"
#include "tune.h"

#include <stdlib.h>
#include <string.h>

static int is_list(const pi_node *r)
{
    if (r->flags & PI_TF_LIST)
        return 1;
    /* A container whose text is nearly all in list items. */
    return r->n_li > 0 && r->n_p == 0 && r->n_para <= r->n_li + 1;
}

/* Is this element furniture that happens to sit inside the article? */
int pi_block_is_furniture(const pi_stats *st, const pi_node *r, uint32_t root_words, int flags)
{
    (void)st;
    /* Large parts of the article are never dropped by name alone: a
     * class like "post-share" on the article wrapper itself is common. */
    int big = root_words && r->words * 2 > root_words;
    const char *cls = pi_attr(r->node, "class");
    const char *id = pi_attr(r->node, "id");

    if ((r->flags & PI_TF_FURNITURE) && !big)
        return 1;
    /* Dropped by name: share bars, tag rows, related boxes. Not when the
     * same names also say "content" (CMSs put "tag-x" and "has-paywall" on
     * the article itself) or the element holds several real paragraphs. */
    int substantial = r->n_para >= 3 && pi_link_density(r) < 0.3f;
    if (!big && !substantial &&
        ((cls && pi_class_matches(cls, PI_CW_STRONG_NEGATIVE) &&
          !pi_class_matches(cls, PI_CW_POSITIVE)) ||
         (id && pi_class_matches(id, PI_CW_STRONG_NEGATIVE) &&
          !pi_class_matches(id, PI_CW_POSITIVE))))
        return 1;
    /* Bylines and datelines: metadata, not article text. */
    if (r->words < 30 && ((cls && pi_class_matches(cls, PI_CW_BYLINE)) ||
                          (id && pi_class_matches(id, PI_CW_BYLINE))))
        return 1;
    if (r->flags & PI_TF_HEADING)
        return r->weight < 0;
    /* "Read also: <a>other story</a>": a few words of lead-in, then a link.
     * (A paragraph that is only a link is kept: it may be the text.) */
    if ((r->flags & PI_TF_PARA) && r->words < TEASER_MAX_WORDS &&
        pi_link_density(r) > TEASER_LINK_DENSITY && r->words > r->link_words &&
        r->words - r->link_words <= TEASER_LEAD_WORDS)
        return 1;
    if (!(r->flags & PI_TF_BLOCK) || (r->flags & (PI_TF_PARA | PI_TF_PRE | PI_TF_QUOTE)))
        return 0;
    if (r->flags & (PI_TF_ITEM | PI_TF_ROW | PI_TF_CELL | PI_TF_CAPTION))
        return 0;

    /* Conditional cleaning of containers (tables, lists, divs), after
     * Readability's: judge by what they hold. */
    float score = r->candidate ? r->score : 0.0f;
    float ld = pi_link_density(r);
    /* Most of the article is not furniture, whatever it is made of. */
    if (big)
        return ld > LINK_DENSITY_MAX_POSITIVE && r->n_para < 3;
    /* Lists start with a negative tag score; that alone is no verdict. Nor
     * is a furniture name on a block of plain prose without links. */
    int prose = r->words >= PROSE_MIN_WORDS && ld < PROSE_MAX_LINK_DENSITY;
    if ((float)r->weight + score < 0.0f && !(r->flags & PI_TF_LIST) &&
        !(prose && (flags & PI_RELAXED)))
        return 1;
    if (r->commas >= 10)
        return 0;
    int list = is_list(r);
    int figure = (r->flags & PI_TF_FIGURE) != 0;
    uint32_t p = r->n_p, img = r->n_img, li = r->n_li;

    if (img > 1 && (float)p / (float)img < 0.5f && !figure && r->words < 10 * img)
        return 1;
    if (!list && li > p + 100)
        return 1;
    if (!list && !figure && r->chars < PARA_MIN_CHARS && (img == 0 || img > 2) &&
        r->n_headings == 0 && r->words > 0)
        return 1;
    if (!list && r->weight < 25 && ld > 0.2f + (r->words > 200 ? 0.1f : 0.0f) && r->n_para < 3)
        return 1;
    if (r->weight >= 25 && ld > LINK_DENSITY_MAX_POSITIVE)
        return 1;
    /* Short lists made of links: menus, tag rows, "more stories". */
    if (list && ld > 0.6f && r->words < 30 * (li ? li : 1))
        return 1;
    return 0;
}

/* What follows `n` in document order inside `root`: 1 if the first text
 * after it lies in a dropped element, 0 if it is kept text, -1 if nothing
 * with text follows. */
static int next_text_dropped(pi_stats *st, xmlNodePtr n, xmlNodePtr root)
{
    xmlNodePtr x = pi_next(n, root, 1);
    while (x) {
        if (x->type == XML_TEXT_NODE) {
            if (x->content &&
                pi_count_chars((const char *)x->content, strlen((const char *)x->content)))
                return 0;
            x = pi_next(x, root, 0);
            continue;
        }
        pi_node *r = pi_stats_of(st, x);
        if (!r || !r->chars) {
            x = pi_next(x, root, 1);
            continue;
        }
        if (r->drop)
            return 1;
        x = pi_next(x, root, 0);
    }
    return -1;
}

/* A heading that introduces furniture ("Related stories", "Read more") goes
 * with it; so does a heading left last in the article with nothing under it. */
static void drop_orphan_headings(pi_stats *st, xmlNodePtr root)
{
    for (xmlNodePtr n = root; n;) {
        pi_node *r = pi_stats_of(st, n);
        if (r && r->drop) {
            n = pi_next(n, root, 1);
            continue;
        }
        if (r && (r->flags & PI_TF_HEADING) && n != root) {
            int next = next_text_dropped(st, n, root);
            pi_node *rr = pi_stats_of(st, root);
            if (next == 1 || (next == -1 && rr && rr->words > r->words + ORPHAN_MIN_ARTICLE_WORDS))
                r->drop = 1;
            n = pi_next(n, root, 1);
            continue;
        }
        n = pi_next(n, root, 0);
    }
}

void pi_blocks_classify(pi_stats *st, const pi_choice *c, int flags)
{
    for (size_t k = 0; k < c->n; k++) {
        pi_node *root = &st->nodes[c->roots[k]];
        uint32_t words = root->words;
        xmlNodePtr rn = root->node;
        xmlNodePtr n = rn->children ? rn->children : NULL;
        while (n) {
            pi_node *r = pi_stats_of(st, n);
            int skip = 0;
            if (r && pi_block_is_furniture(st, r, words, flags)) {
                r->drop = 1;
                skip = 1;
            }
            n = pi_next(n, rn, skip);
        }
        drop_orphan_headings(st, rn);
    }
}

/* ---- building the model ------------------------------------------------ */

#define MAX_NEST 64

typedef struct walker {
    pi_stats *st;
    pi_model *m;
    pi_buf cur;
    pi_block_kind kind;
    int level, ordered, header;
    int pending_space;
    int lists;                 /* list nesting */
    int ordered_stack[MAX_NEST];
    int quote;
    int pre;                   /* inside pre */
    int row;                   /* inside a data-table row */
    int cells;                 /* cells seen in the current row */
    int layout;                /* tables that are layout, not data */
} walker;

static void flush(walker *w)
{
    pi_buf_rtrim(&w->cur, w->kind == PI_BLK_PRE ? "\n\r" : " \n");
    if (w->cur.oom) {
        w->m->oom = 1;
        pi_buf_free(&w->cur);
        return;
    }
    if (w->cur.len) {
        pi_block b = {0};
        b.kind = w->kind;
        b.level = w->level;
        b.ordered = w->ordered;
        b.quote = w->quote;
        b.header = w->header;
        b.len = w->cur.len;
        b.text = pi_buf_detach(&w->cur);
        pi_model_add(w->m, b);
    }
    pi_buf_free(&w->cur);
    w->kind = PI_BLK_PARA;
    w->level = w->ordered = w->header = 0;
    w->pending_space = 0;
}

static void put_text(walker *w, const char *s, size_t n)
{
    if (w->pre) {
        pi_buf_put(&w->cur, s, n);
        return;
    }
    size_t i = 0;
    while (i < n) {
        size_t sp = pi_space_len(s + i, n - i);
        if (sp) {
            w->pending_space = 1;
            i += sp;
            continue;
        }
        size_t j = i;
        while (j < n && !pi_space_len(s + j, n - j))
            j++;
        if (w->pending_space && w->cur.len && w->cur.data[w->cur.len - 1] != '\n' &&
            w->cur.data[w->cur.len - 1] != '\t')
            pi_buf_putc(&w->cur, ' ');
        w->pending_space = 0;
        pi_buf_put(&w->cur, s + i, j - i);
        i = j;
    }
}

/* A table whose cells hold paragraphs or other blocks is page layout: its
 * rows are not data rows. */
static int is_layout_table(const pi_node *t)
{
    return t->n_para > 0 && (t->n_p > 0 || t->n_headings > 0 || t->n_li > 0) ? 1
           : t->words > 0 && t->n_blocks > 0 && t->words / (t->n_blocks) > 60;
}

static int enter(walker *w, xmlNodePtr n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            put_text(w, (const char *)n->content, strlen((const char *)n->content));
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    pi_node *r = pi_stats_of(w->st, n);
    if (!r || r->drop)
        return 0;
    unsigned f = r->flags;
    if (f & PI_TF_BR) {
        if (w->row)
            w->pending_space = 1;
        else if (w->cur.len && w->cur.data[w->cur.len - 1] != '\n') {
            pi_buf_rtrim(&w->cur, " ");
            pi_buf_putc(&w->cur, '\n');
            w->pending_space = 0;
        }
        return 0;
    }
    if (f & PI_TF_TABLE) {
        int layout = is_layout_table(r);
        w->layout = (w->layout << 1) | layout;
    }
    if (!(f & PI_TF_BLOCK))
        return 1;
    if (w->row && !(f & (PI_TF_ROW | PI_TF_TABLE))) {
        /* Inside a data row everything is cell content. */
        if (f & PI_TF_CELL) {
            if (w->cells++)
                pi_buf_putc(&w->cur, '\t');
            w->pending_space = 0;
            if (n->name[1] == 'h')
                w->header &= 1;
            else
                w->header = 0;
        } else {
            w->pending_space = 1;
        }
        return 1;
    }
    flush(w);
    if (f & PI_TF_HEADING) {
        w->kind = PI_BLK_HEADING;
        w->level = pi_heading_level(n->name);
    } else if (f & PI_TF_LIST) {
        if (w->lists < MAX_NEST)
            w->ordered_stack[w->lists] = n->name[0] == 'o';
        w->lists++;
    } else if (f & PI_TF_ITEM) {
        w->kind = PI_BLK_ITEM;
        w->level = w->lists ? w->lists : 1;
        w->ordered = w->lists && w->lists <= MAX_NEST ? w->ordered_stack[w->lists - 1] : 0;
    } else if (f & PI_TF_PRE) {
        w->kind = PI_BLK_PRE;
        w->pre++;
    } else if (f & PI_TF_QUOTE) {
        w->quote++;
    } else if (f & PI_TF_CAPTION) {
        w->kind = PI_BLK_CAPTION;
    } else if ((f & PI_TF_ROW) && !(w->layout & 1)) {
        w->kind = PI_BLK_ROW;
        w->row = 1;
        w->cells = 0;
        w->header = 1;
    }
    return 1;
}

static void leave(walker *w, xmlNodePtr n)
{
    if (n->type != XML_ELEMENT_NODE)
        return;
    pi_node *r = pi_stats_of(w->st, n);
    if (!r || r->drop)
        return;
    unsigned f = r->flags;
    if (f & PI_TF_TABLE)
        w->layout >>= 1;
    if (!(f & PI_TF_BLOCK))
        return;
    if (w->row && !(f & (PI_TF_ROW | PI_TF_TABLE)))
        return;
    if (w->row && (f & PI_TF_ROW)) {
        if (!w->cells)
            w->header = 0;
        w->kind = PI_BLK_ROW;
    }
    flush(w);
    if (f & PI_TF_ROW)
        w->row = 0;
    if ((f & PI_TF_LIST) && w->lists)
        w->lists--;
    if ((f & PI_TF_PRE) && w->pre)
        w->pre--;
    if ((f & PI_TF_QUOTE) && w->quote)
        w->quote--;
}

static void walk(walker *w, xmlNodePtr root)
{
    xmlNodePtr n = root;
    int down = enter(w, n);
    for (;;) {
        if (down && n->children) {
            n = n->children;
            down = enter(w, n);
            continue;
        }
        for (;;) {
            leave(w, n);
            if (n == root)
                return;
            if (n->next) {
                n = n->next;
                down = enter(w, n);
                break;
            }
            n = n->parent;
        }
    }
}

/* Compare two texts ignoring case of ASCII letters and runs of spaces and
 * punctuation at the edges. */
static int same_text(const char *a, const char *b)
{
    while (*a && *b) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (y >= 'A' && y <= 'Z')
            y += 32;
        if (x != y)
            return 0;
        a++;
        b++;
    }
    return *a == *b;
}

int pi_blocks_build(pi_stats *st, const pi_choice *c, const char *title, int keep_title,
                    pi_model *m)
{
    walker w;
    memset(&w, 0, sizeof w);
    w.st = st;
    w.m = m;
    pi_buf_init(&w.cur);
    for (size_t k = 0; k < c->n; k++) {
        walk(&w, st->nodes[c->roots[k]].node);
        flush(&w);
    }
    pi_buf_free(&w.cur);
    if (m->oom)
        return PI_ENOMEM;

    /* The headline repeated at the top of the article. */
    if (!keep_title && title && *title) {
        for (size_t i = 0; i < m->n && i < 4; i++) {
            if (m->blocks[i].kind == PI_BLK_HEADING && same_text(m->blocks[i].text, title)) {
                pi_model_remove(m, i);
                break;
            }
        }
    }
    /* A caption repeated right after itself (alt text, figcaption, credit). */
    for (size_t i = 1; i < m->n;) {
        if (m->blocks[i].kind == PI_BLK_CAPTION && m->blocks[i - 1].len == m->blocks[i].len &&
            !strcmp(m->blocks[i - 1].text, m->blocks[i].text))
            pi_model_remove(m, i);
        else
            i++;
    }
    return PI_OK;
}

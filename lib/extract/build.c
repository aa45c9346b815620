/* build.c - from the DOM to the document model, in one walk. */
#include "extract/build.h"
#include "base/buf.h"
#include "base/error.h"
#include "base/text.h"
#include "base/url.h"
#include "extract/codetable.h"
#include "extract/tune.h"
#include "tree/dom.h"

#include <stdlib.h>
#include <string.h>

typedef struct open_span {
    pi_span_kind kind;
    uint32_t start;
    char *url;
    pi_dom *node;
} open_span;

typedef struct walker {
    const pi_stats *st;
    const pi_choice *c;
    const char *base; /* base of relative URLs, or NULL */
    pi_model *m;
    pi_buf cur;
    pi_block_kind kind;
    int level, ordered, header, cont;
    char *lang; /* language of the current PRE block */
    int pending_space;
    int lists; /* list nesting */
    int ordered_stack[MAX_NEST];
    int items; /* open list items */
    int quote;
    int caption;          /* inside a figure or an element named caption */
    int pre;              /* inside pre */
    int row;              /* inside a data-table row */
    int cells;            /* cells seen in the current row */
    int table;            /* number of the current data table */
    int tables;           /* data tables seen */
    int list;             /* number of the current outermost list */
    unsigned long layout; /* stack of flags: table is layout, not data */
    pi_span *spans;       /* closed spans of the current block */
    size_t n_spans, cap_spans;
    open_span open[MAX_NEST]; /* open inline elements */
    int n_open;
    pi_dom *images[MAX_IMAGES]; /* images met inside running text, written
                                      after its block */
    int n_images;
    uint32_t src; /* the current block's element (pi_block.src) */
} walker;

static void emit_image(walker *w, pi_dom *n);

static void add_span(walker *w, pi_span_kind kind, uint32_t start, uint32_t end, const char *url)
{
    const char *t = w->cur.data;
    while (start < end && t[start] == ' ')
        start++;
    while (end > start && (t[end - 1] == ' ' || t[end - 1] == '\n'))
        end--;
    if (start >= end)
        return;
    if (w->n_spans == w->cap_spans) {
        size_t cap = w->cap_spans ? w->cap_spans * 2 : 8;
        pi_span *p = realloc(w->spans, cap * sizeof *p);
        if (!p) {
            w->m->oom = 1;
            return;
        }
        w->spans = p;
        w->cap_spans = cap;
    }
    pi_span *s = &w->spans[w->n_spans++];
    s->start = start;
    s->end = end;
    s->kind = kind;
    s->url = NULL;
    if (url && !(s->url = pi_strdup(url)))
        w->m->oom = 1;
}

static int span_cmp(const void *a, const void *b)
{
    const pi_span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    /* Outer spans first. */
    return x->end > y->end ? -1 : x->end < y->end ? 1 : 0;
}

static void free_spans(walker *w)
{
    for (size_t i = 0; i < w->n_spans; i++)
        free(w->spans[i].url);
    w->n_spans = 0;
}

static void flush(walker *w)
{
    pi_buf_rtrim(&w->cur, w->kind == PI_BLK_PRE ? "\n\r" : " \n");
    /* Empty cells at the end of a row (muted, or empty in the page) are no
     * text: a row of nothing but separators is no row. */
    if (w->kind == PI_BLK_ROW)
        pi_buf_rtrim(&w->cur, "\t ");
    /* Inline elements still open continue in the next block. */
    for (int i = 0; i < w->n_open; i++) {
        if (w->cur.len)
            add_span(w, w->open[i].kind, w->open[i].start, (uint32_t)w->cur.len, w->open[i].url);
        w->open[i].start = 0;
    }
    if (w->cur.oom)
        w->m->oom = 1;
    if (w->cur.len && !w->m->oom) {
        pi_block b = {0};
        b.kind = w->kind;
        /* Text in a figure or caption box reads as a caption, unless it
         * is quoted (pull quotes come in figures too). */
        if (b.kind == PI_BLK_PARA && w->caption && !w->quote)
            b.kind = PI_BLK_CAPTION;
        b.level = w->level;
        b.ordered = w->ordered;
        b.cont = w->cont;
        b.quote = w->quote;
        b.header = w->header;
        b.table = w->kind == PI_BLK_ROW ? w->table : 0;
        b.list = w->kind == PI_BLK_ITEM ? w->list : 0;
        b.len = w->cur.len;
        b.src = w->src;
        if (w->kind == PI_BLK_PRE && w->lang) {
            b.url = w->lang;
            w->lang = NULL;
        }
        if (w->n_spans) {
            qsort(w->spans, w->n_spans, sizeof *w->spans, span_cmp);
            b.spans = w->spans;
            b.n_spans = w->n_spans;
            w->spans = NULL;
            w->n_spans = w->cap_spans = 0;
        }
        b.text = pi_buf_detach(&w->cur);
        pi_model_add(w->m, b);
    }
    free_spans(w);
    pi_buf_free(&w->cur);
    for (int i = 0; i < w->n_images; i++)
        emit_image(w, w->images[i]);
    w->n_images = 0;
    w->kind = PI_BLK_PARA;
    w->level = w->ordered = w->header = w->cont = 0;
    w->pending_space = 0;
    w->src = 0;
    /* Text after a nested block inside a list item continues the item. */
    if (w->items > 0 && !w->row) {
        w->kind = PI_BLK_ITEM;
        w->level = w->lists ? w->lists : 1;
        w->cont = 1;
    }
}

/* Invisible characters that entities bring back after input cleaning
 * (&shy; &#8203; &#8288; &#xFEFF;): soft hyphen, zero-width space, word
 * joiner, zero-width no-break space. Returns their byte length or 0. */
static size_t invisible_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 2 && u[0] == 0xC2 && u[1] == 0xAD)
        return 2;
    if (n >= 3 && u[0] == 0xE2 &&
        ((u[1] == 0x80 && u[2] == 0x8B) || (u[1] == 0x81 && u[2] == 0xA0)))
        return 3;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return 3;
    return 0;
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
        if ((unsigned char)s[i] >= 0xC2 && (sp = invisible_len(s + i, n - i))) {
            i += sp;
            continue;
        }
        size_t j = i;
        while (j < n && !pi_space_len(s + j, n - j) &&
               ((unsigned char)s[j] < 0xC2 || !invisible_len(s + j, n - j)))
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
    return t->n_para > 0 && (t->n_p > 0 || t->n_headings > 0 || t->n_li > 0)
               ? 1
               : t->words > 0 && t->n_blocks > 0 &&
                     t->words / (t->n_blocks) > LAYOUT_WORDS_PER_BLOCK;
}

/* The language of a code block from class names such as "language-c",
 * "lang-python", "highlight-source-js" or "brush: ruby", into w->lang
 * (NULL when none; the builder's oom flag when it cannot be copied). */
static void code_language(walker *w, pi_dom *pre)
{
    free(w->lang);
    w->lang = NULL;
    for (pi_dom *n = pre; n; n = n == pre ? pi_dom_first_child(n) : pi_dom_next_sibling(n)) {
        if (!pi_dom_is_element(n))
            continue;
        const char *c = pi_attr(n, "class");
        static const char *const prefixes[] = {"language-", "lang-", "highlight-source-",
                                               "brush:", NULL};
        for (int i = 0; c && prefixes[i]; i++) {
            const char *p = strstr(c, prefixes[i]);
            if (!p)
                continue;
            p += strlen(prefixes[i]);
            while (*p == ' ')
                p++;
            size_t l = 0;
            while (p[l] && (pi_is_alnum((unsigned char)p[l]) || p[l] == '+' || p[l] == '-' ||
                            p[l] == '#' || p[l] == '_'))
                l++;
            if (l && l < CODE_LANGUAGE_MAX) {
                if (!(w->lang = pi_strndup(p, l)))
                    w->m->oom = 1;
                return;
            }
        }
        if (n != pre && pi_dom_is_element(n))
            break;
    }
}

/* The source of an image, preferring lazy-loading attributes over a
 * placeholder src. */
static const char *image_source(const pi_dom *n)
{
    static const char *const lazy[] = {"data-src", "data-original", "data-lazy-src", "data-url",
                                       NULL};
    const char *src = pi_attr(n, "src");
    if (src && *src && !pi_ci_prefix(src, "data:"))
        return src;
    for (int i = 0; lazy[i]; i++) {
        const char *v = pi_attr(n, lazy[i]);
        if (v && *v)
            return v;
    }
    return NULL;
}

/* Append an image block. */
static void emit_image(walker *w, pi_dom *n)
{
    const char *src = image_source(n);
    if (!pi_url_usable(src))
        return;
    char *url = pi_strdup(src);
    if (!url) {
        w->m->oom = 1;
        return;
    }
    const char *alt = pi_attr(n, "alt");
    pi_block b = {0};
    b.kind = PI_BLK_IMAGE;
    b.quote = w->quote;
    const pi_node *r = pi_stats_of(w->st, n);
    b.src = r ? (uint32_t)(r - w->st->nodes) + 1 : 0;
    b.url = url;
    b.text = pi_strdup(alt ? alt : "");
    if (!b.text) {
        free(url);
        w->m->oom = 1;
        return;
    }
    /* Alt text is one line. */
    for (char *p = b.text; *p; p++)
        if (*p == '\n' || *p == '\t' || *p == '\r')
            *p = ' ';
    b.len = strlen(b.text);
    pi_model_add(w->m, b);
}

/* Is the text or image `n` in a block whose own content is muted? */
static int muted(const walker *w, const pi_dom *n)
{
    const pi_node *r = pi_stats_of(w->st, pi_dom_is_element(n) ? n : pi_dom_parent(n));
    return r && w->c->mute[r->block];
}

/* An image is a block of its own. Between blocks it is written at once;
 * inside running text it waits for the end of the block, so that it does not
 * cut a paragraph in two. */
static void add_image(walker *w, pi_dom *n)
{
    if (!image_source(n) || w->row || w->pre || (w->c->mute && muted(w, n)))
        return;
    if (!w->cur.len)
        emit_image(w, n);
    else if (w->n_images < MAX_IMAGES)
        w->images[w->n_images++] = n;
}

static int inline_kind(const pi_dom *n, unsigned flags, pi_span_kind *kind)
{
    const char *name = pi_dom_name(n);
    if (flags & PI_TF_LINK) {
        *kind = PI_SPAN_LINK;
        return pi_attr(n, "href") != NULL;
    }
    if (flags & PI_TF_CODE) {
        *kind = PI_SPAN_CODE;
        return 1;
    }
    if (!strcmp(name, "em") || !strcmp(name, "i") || !strcmp(name, "cite") ||
        !strcmp(name, "dfn")) {
        *kind = PI_SPAN_EM;
        return 1;
    }
    if (!strcmp(name, "strong") || !strcmp(name, "b")) {
        *kind = PI_SPAN_STRONG;
        return 1;
    }
    return 0;
}

/* Is the element a picture's caption by its place or its name? */
static int is_caption_box(const pi_node *r)
{
    if (r->flags & PI_TF_FIGURE)
        return 1;
    const char *v[2] = {pi_attr(r->node, "class"), pi_attr(r->node, "id")};
    for (int i = 0; i < 2; i++)
        for (const char *const *c = PI_CAPTION_NAMES; *c; c++)
            if (v[i] && pi_find_ascii_ci(v[i], strlen(v[i]), *c, 0))
                return 1;
    return 0;
}

/* Is `n` an element to walk: numbered, and not dropped? Its record, or
 * NULL. */
static const pi_node *kept(const walker *w, const pi_dom *n)
{
    const pi_node *r = pi_stats_of(w->st, n);
    return r && !w->c->drop[r - w->st->nodes] ? r : NULL;
}

/* Is `t` only the markup's indentation: ASCII white space with a line
 * break? */
static int markup_space(const char *t)
{
    int nl = 0;
    for (; *t; t++) {
        if (!pi_is_html_space((unsigned char)*t))
            return 0;
        nl |= *t == '\n';
    }
    return nl;
}

/* Append the text node `n` of a code listing: as it is in a <pre>; as
 * one line's text from lines of block elements, where the source's line
 * breaks are markup and a no-break space stands for a space. */
static void put_code_text(walker *w, pi_dom *n, pi_code_kind kind)
{
    const char *t = pi_dom_chars(n);
    if (!t || (w->c->mute && muted(w, n)))
        return;
    if (kind == PI_CODE_LINES && markup_space(t))
        return;
    if (!w->src) {
        const pi_node *r = pi_stats_of(w->st, pi_dom_parent(n));
        w->src = r ? (uint32_t)r->block + 1 : 0;
    }
    if (kind == PI_CODE_PRE) {
        pi_buf_puts(&w->cur, t);
        return;
    }
    for (const char *p = t; *p; p++) {
        if (*p == '\n' || *p == '\r')
            continue;
        if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
            pi_buf_putc(&w->cur, ' ');
            p++;
            continue;
        }
        pi_buf_putc(&w->cur, *p);
    }
}

/* The code under `root` into the current block: text, a line break for
 * each <br> and, for lines of block elements, between blocks. */
static void put_code(walker *w, pi_dom *root, pi_code_kind kind)
{
    for (pi_dom *n = root; n;) {
        int skip = 0;
        if (pi_dom_is_element(n)) {
            const pi_node *r = kept(w, n);
            unsigned f = r ? r->flags : 0;
            if (!r)
                skip = 1;
            else if ((f & PI_TF_BR) && w->cur.len)
                pi_buf_putc(&w->cur, '\n');
            else if (kind == PI_CODE_LINES && (f & PI_TF_BLOCK) && n != root && w->cur.len &&
                     w->cur.data[w->cur.len - 1] != '\n')
                pi_buf_putc(&w->cur, '\n');
        } else if (pi_dom_has_chars(n)) {
            put_code_text(w, n, kind);
        }
        n = pi_next(n, root, skip);
    }
}

/* Explaining: the numbers of the cells beside the code, left out. */
static void note_line_numbers(walker *w, pi_dom *table, pi_dom *code)
{
    for (pi_dom *n = table; w->c->why && n;) {
        int skip = n == code || (pi_dom_is_element(n) && !kept(w, n));
        const char *t = !skip && pi_dom_has_chars(n) ? pi_dom_chars(n) : NULL;
        if (t && t[strcspn(t, "0123456789")] && !(w->c->mute && muted(w, n))) {
            const pi_node *r = pi_stats_of(w->st, pi_dom_parent(n));
            if (r)
                w->c->why[r->block] = PI_WHY_LINE_NUMBERS;
        }
        n = pi_next(n, table, skip);
    }
}

/* A highlighter's code table (codetable.h) as one code block: the code
 * cell's text with its line breaks, the line numbers left out. */
static void emit_code_table(walker *w, pi_dom *table, pi_dom *cell, pi_code_kind kind)
{
    flush(w);
    w->kind = PI_BLK_PRE;
    w->cont = 0;
    free(w->lang);
    w->lang = NULL;
    if (kind == PI_CODE_LINES) {
        /* The block is the code's cell, every line in it (render_explain.c);
         * a <pre>'s block is the <pre>. */
        const pi_node *cr = pi_stats_of(w->st, cell);
        w->src = cr ? (uint32_t)(cr - w->st->nodes) + 1 : 0;
        put_code(w, cell, kind);
    }
    for (pi_dom *n = cell; kind == PI_CODE_PRE && n;) {
        const pi_node *r = pi_dom_is_element(n) ? kept(w, n) : NULL;
        int skip = pi_dom_is_element(n) && (!r || (r->flags & PI_TF_PRE));
        if (r && (r->flags & PI_TF_PRE)) {
            if (!w->lang)
                code_language(w, n);
            if (w->cur.len && w->cur.data[w->cur.len - 1] != '\n')
                pi_buf_putc(&w->cur, '\n');
            put_code(w, n, kind);
        }
        n = pi_next(n, cell, skip);
    }
    if (!w->lang)
        code_language(w, table);
    flush(w);
    note_line_numbers(w, table, cell);
}

static int enter(walker *w, pi_dom *n)
{
    if (pi_dom_has_chars(n)) {
        const char *t = pi_dom_chars(n);
        if (t && !(w->c->mute && muted(w, n))) {
            if (!w->src) {
                const pi_node *r = pi_stats_of(w->st, pi_dom_parent(n));
                w->src = r ? (uint32_t)r->block + 1 : 0;
            }
            put_text(w, t, strlen(t));
        }
        return 0;
    }
    if (!pi_dom_is_element(n))
        return 0;
    const pi_node *r = kept(w, n);
    if (!r)
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
    if (f & PI_TF_IMG) {
        if (!strcmp(pi_dom_name(n), "img"))
            add_image(w, n);
        return 1;
    }
    if (f & PI_TF_TABLE) {
        w->layout = (w->layout << 1) | (unsigned long)is_layout_table(r);
        pi_dom *cell;
        pi_code_kind code = pi_code_table(w->st, n, &cell);
        if (code != PI_CODE_NONE) {
            emit_code_table(w, n, cell, code);
            return 0;
        }
    }
    if (!(f & PI_TF_BLOCK)) {
        pi_span_kind kind;
        if (!w->pre && w->n_open < MAX_NEST && inline_kind(n, f, &kind)) {
            open_span *o = &w->open[w->n_open++];
            o->kind = kind;
            o->start = (uint32_t)w->cur.len;
            o->node = n;
            o->url = NULL;
            const char *href = kind == PI_SPAN_LINK ? pi_attr(n, "href") : NULL;
            if (pi_url_usable(href) && !(o->url = pi_strdup(href)))
                w->m->oom = 1;
            if (kind == PI_SPAN_LINK && !o->url)
                w->n_open--; /* a script or empty link is plain text */
        }
        return 1;
    }
    if (w->row && !(f & (PI_TF_ROW | PI_TF_TABLE))) {
        /* Inside a data row everything is cell content. */
        if (f & PI_TF_CELL) {
            if (w->cells++)
                pi_buf_putc(&w->cur, '\t');
            w->pending_space = 0;
            if (pi_dom_name(n)[1] == 'h')
                w->header &= 1;
            else
                w->header = 0;
        } else {
            w->pending_space = 1;
        }
        return 1;
    }
    if ((f & PI_TF_TABLE) && !(w->layout & 1))
        w->table = ++w->tables;
    flush(w);
    w->caption += is_caption_box(r);
    if (f & PI_TF_HEADING) {
        w->kind = PI_BLK_HEADING;
        w->level = pi_heading_level(pi_dom_name(n));
        w->cont = 0;
    } else if (f & PI_TF_LIST) {
        if (w->lists == 0)
            w->list++;
        if (w->lists < MAX_NEST)
            w->ordered_stack[w->lists] = pi_dom_name(n)[0] == 'o';
        w->lists++;
    } else if (f & PI_TF_ITEM) {
        w->kind = PI_BLK_ITEM;
        w->level = w->lists ? w->lists : 1;
        w->ordered = w->lists && w->lists <= MAX_NEST ? w->ordered_stack[w->lists - 1] : 0;
        w->cont = 0;
        w->items++;
    } else if (f & PI_TF_PRE) {
        w->kind = PI_BLK_PRE;
        w->cont = 0;
        code_language(w, n);
        w->pre++;
    } else if (f & PI_TF_QUOTE) {
        w->quote++;
    } else if (f & PI_TF_CAPTION) {
        w->kind = PI_BLK_CAPTION;
        w->cont = 0;
    } else if ((f & PI_TF_ROW) && !(w->layout & 1)) {
        w->src = (uint32_t)(r - w->st->nodes) + 1;
        w->kind = PI_BLK_ROW;
        w->cont = 0;
        w->row = 1;
        w->cells = 0;
        w->header = 1;
    }
    return 1;
}

static void leave(walker *w, pi_dom *n)
{
    if (!pi_dom_is_element(n))
        return;
    const pi_node *r = kept(w, n);
    if (!r)
        return;
    unsigned f = r->flags;
    if (f & PI_TF_TABLE)
        w->layout >>= 1;
    if (!(f & PI_TF_BLOCK)) {
        if (w->n_open && w->open[w->n_open - 1].node == n) {
            open_span *o = &w->open[--w->n_open];
            add_span(w, o->kind, o->start, (uint32_t)w->cur.len, o->url);
            free(o->url);
        }
        return;
    }
    if (w->row && !(f & (PI_TF_ROW | PI_TF_TABLE)))
        return;
    if (w->row && (f & PI_TF_ROW)) {
        if (!w->cells)
            w->header = 0;
        w->kind = PI_BLK_ROW;
    }
    if ((f & PI_TF_ITEM) && w->items)
        w->items--;
    flush(w);
    if (f & PI_TF_ROW)
        w->row = 0;
    if (f & PI_TF_TABLE)
        w->table = 0;
    if ((f & PI_TF_LIST) && w->lists)
        w->lists--;
    if ((f & PI_TF_PRE) && w->pre)
        w->pre--;
    if ((f & PI_TF_QUOTE) && w->quote)
        w->quote--;
    if (w->caption && is_caption_box(r))
        w->caption--;
}

static void walk(walker *w, pi_dom *root)
{
    pi_dom *n = root;
    int down = enter(w, n);
    for (;;) {
        if (down && pi_dom_first_child(n)) {
            n = pi_dom_first_child(n);
            down = enter(w, n);
            continue;
        }
        for (;;) {
            leave(w, n);
            if (n == root)
                return;
            if (pi_dom_next_sibling(n)) {
                n = pi_dom_next_sibling(n);
                down = enter(w, n);
                break;
            }
            n = pi_dom_parent(n);
        }
    }
}

/* A caption repeated right after itself (figure and figcaption both named
 * caption) is one caption. */
static int not_repeated_caption(const pi_block *prev, pi_block *b, void *why)
{
    int again = prev && b->kind == PI_BLK_CAPTION && prev->kind == PI_BLK_CAPTION &&
                prev->len == b->len && !strcmp(prev->text, b->text);
    if (again && why && b->src)
        ((uint8_t *)why)[b->src - 1] = PI_WHY_CAPTION_AGAIN;
    return !again;
}

int pi_build_model(const pi_stats *st, const pi_choice *c, const char *base, const char *title,
                   int keep_title, pi_model *m)
{
    walker w;
    memset(&w, 0, sizeof w);
    w.st = st;
    w.c = c;
    w.m = m;
    if (base && !m->base && !(m->base = pi_strdup(base)))
        return PI_ENOMEM;
    pi_buf_init(&w.cur);
    for (size_t k = 0; k < c->n; k++) {
        walk(&w, st->nodes[c->roots[k]].node);
        while (w.n_open)
            free(w.open[--w.n_open].url);
        w.items = w.lists = w.quote = w.pre = w.row = 0;
        flush(&w);
    }
    free_spans(&w);
    free(w.spans);
    free(w.lang);
    pi_buf_free(&w.cur);
    if (m->oom)
        return PI_ENOMEM;

    /* The headline repeated at the top of the article. */
    if (!keep_title && title && *title) {
        for (size_t i = 0; i < m->n && i < HEADLINE_BLOCKS; i++) {
            if (m->blocks[i].kind == PI_BLK_HEADING && pi_same_text(m->blocks[i].text, title)) {
                if (c->why && m->blocks[i].src)
                    c->why[m->blocks[i].src - 1] = PI_WHY_HEADLINE;
                pi_model_remove(m, i);
                break;
            }
        }
    }
    pi_model_filter(m, not_repeated_caption, c->why);
    return PI_OK;
}

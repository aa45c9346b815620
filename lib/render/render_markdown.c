/* render_markdown.c - the model as CommonMark with GitHub tables.
 *
 * Text stays text: every character that could start markup is escaped, so
 * that a CommonMark parser gives back exactly the words of the text output.
 * Emphasis that CommonMark could not parse where it stands (its flanking
 * rules) is left out rather than written as stray asterisks. */
#include "extract/comments.h"
#include "render/render.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

typedef struct md {
    pi_buf *b;
    const char *base;   /* the model's: links and images resolve against it */
    const char *prefix; /* written after each line break inside a block */
    size_t prefix_len;
    int line_start; /* at the start of a line (escape block markers) */
} md;

static void put_prefix(md *c)
{
    pi_buf_put(c->b, c->prefix, c->prefix_len);
}

/* ASCII characters that may start or end inline markup anywhere. */
static int md_special(unsigned char ch)
{
    return ch == '\\' || ch == '`' || ch == '*' || ch == '_' || ch == '[' || ch == ']' ||
           ch == '<' || ch == '>' || ch == '#' || ch == '|' || ch == '~' || ch == '&' || ch == '!';
}

static void md_text(pi_buf *b, const char *s, size_t n, void *ctx)
{
    md *c = ctx;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '\n') {
            /* A hard line break. */
            pi_buf_puts(b, "\\\n");
            put_prefix(c);
            c->line_start = 1;
            continue;
        }
        if (c->line_start) {
            /* Block markers at the start of a line: list bullets, setext
             * underlines, ordered-list numbers. */
            if (ch == '-' || ch == '+' || ch == '=') {
                pi_buf_putc(b, '\\');
            } else if (ch >= '0' && ch <= '9') {
                size_t j = i;
                while (j < n && s[j] >= '0' && s[j] <= '9')
                    j++;
                if (j < n && (s[j] == '.' || s[j] == ')')) {
                    pi_buf_put(b, s + i, j - i);
                    pi_buf_putc(b, '\\');
                    pi_buf_putc(b, s[j]);
                    i = j;
                    c->line_start = 0;
                    continue;
                }
            }
            c->line_start = 0;
        }
        /* '&' starts markup only as an entity: "&amp;", "&#38;". */
        if (md_special(ch) &&
            (ch != '&' || (i + 1 < n && (isalnum((unsigned char)s[i + 1]) || s[i + 1] == '#'))))
            pi_buf_putc(b, '\\');
        pi_buf_putc(b, (char)ch);
    }
}

/* Unicode class of the code point before / at a byte offset: 0 none or
 * whitespace, 1 punctuation, 2 other. */
static int class_at(const char *s, size_t len, size_t pos, int before)
{
    UChar32 c;
    int32_t i = (int32_t)pos;
    if (before) {
        if (pos == 0)
            return 0;
        U8_PREV((const uint8_t *)s, 0, i, c);
    } else {
        if (pos >= len)
            return 0;
        U8_NEXT((const uint8_t *)s, i, (int32_t)len, c);
    }
    if (c < 0 || u_isUWhiteSpace(c) || c == '\n')
        return 0;
    if ((c < 128 && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", (int)c)) || u_ispunct(c))
        return 1;
    return 2;
}

static int md_open(pi_buf *b, const pi_block *blk, const pi_span *sp, void *ctx)
{
    (void)ctx;
    if (sp->kind == PI_SPAN_LINK) {
        pi_buf_putc(b, '[');
        return 1;
    }
    /* '*' runs: left-flanking at the start, right-flanking at the end. */
    int before = class_at(blk->text, blk->len, sp->start, 1);
    int first = class_at(blk->text, blk->len, sp->start, 0);
    int last = class_at(blk->text, blk->len, sp->end, 1);
    int after = class_at(blk->text, blk->len, sp->end, 0);
    if (first == 0 || (first == 1 && before == 2))
        return 0;
    if (last == 0 || (last == 1 && after == 2))
        return 0;
    /* A run next to another run would merge with it: "*a**b*"; so would
     * the closers of two spans that end together: "*a *b**". The outer span
     * is written, the inner one left out. */
    if (b->len && b->data[b->len - 1] == '*')
        return 0;
    for (size_t i = (size_t)(sp - blk->spans), k = 0; i-- > 0 && k < 16; k++) {
        const pi_span *o = &blk->spans[i];
        if (o->end == sp->end && o->kind != PI_SPAN_LINK && o->kind != PI_SPAN_CODE)
            return 0;
    }
    pi_buf_puts(b, sp->kind == PI_SPAN_STRONG ? "**" : "*");
    return 1;
}

static void put_url(pi_buf *b, const char *u)
{
    for (; *u; u++) {
        unsigned char ch = (unsigned char)*u;
        /* CommonMark decodes character references in a destination: a
         * page's literal "javascript&colon;" would become a scheme. */
        if (ch == '&') {
            pi_buf_puts(b, "&amp;");
            continue;
        }
        if (ch <= ' ' || ch == '(' || ch == ')' || ch == '<' || ch == '>' || ch == '\\' ||
            ch == '"' || ch == '`' || ch >= 0x7F) {
            static const char hex[] = "0123456789ABCDEF";
            char e[3] = {'%', hex[ch >> 4], hex[ch & 15]};
            pi_buf_put(b, e, 3);
        } else {
            pi_buf_putc(b, (char)ch);
        }
    }
}

/* "](url)", the URL resolved against the model's base. */
static void put_target(pi_buf *b, const char *base, const char *raw)
{
    char *url = pi_render_url(b, base, raw);
    pi_buf_puts(b, "](");
    put_url(b, pi_render_url_safe(url) ? url : "");
    pi_buf_putc(b, ')');
    free(url);
}

static void md_close(pi_buf *b, const pi_block *blk, const pi_span *sp, void *ctx)
{
    (void)blk;
    if (sp->kind == PI_SPAN_LINK) {
        put_target(b, ((const md *)ctx)->base, sp->url);
        return;
    }
    pi_buf_puts(b, sp->kind == PI_SPAN_STRONG ? "**" : "*");
}

static void md_code(pi_buf *b, const char *s, size_t n, void *ctx)
{
    md *c = ctx;
    size_t run = 0, longest = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            md_text(b, s, n, ctx); /* a line break cannot live in a code span */
            return;
        }
        run = s[i] == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    c->line_start = 0;
    for (size_t i = 0; i <= longest; i++)
        pi_buf_putc(b, '`');
    int pad = n && (s[0] == '`' || s[n - 1] == '`' || (s[0] == ' ' && s[n - 1] == ' '));
    if (pad)
        pi_buf_putc(b, ' ');
    pi_buf_put(b, s, n);
    if (pad)
        pi_buf_putc(b, ' ');
    for (size_t i = 0; i <= longest; i++)
        pi_buf_putc(b, '`');
}

static const pi_inline_ops md_ops = {md_text, md_open, md_close, md_code};

/* Write the inline content of [from, to) of a block. */
static void inlines(md *c, const pi_block *k, size_t from, size_t to, const pi_render_opts *o)
{
    c->line_start = 1;
    pi_render_inlines(c->b, k, from, to, o, &md_ops, c);
}

static void table_cell_text(pi_buf *b, const char *s, size_t n, void *ctx)
{
    /* Inside a cell '|' is escaped by md_text; a line break becomes a space. */
    md *c = ctx;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            pi_buf_putc(b, ' ');
            continue;
        }
        c->line_start = 0;
        md_text(b, s + i, 1, ctx);
    }
}

static const pi_inline_ops cell_ops = {table_cell_text, md_open, md_close, md_code};

static size_t count_cells(const pi_block *k)
{
    size_t n = 1;
    for (size_t i = 0; i < k->len; i++)
        n += k->text[i] == '\t';
    return n;
}

static void table_row(md *c, const pi_block *k, size_t width, const pi_render_opts *o)
{
    size_t from = 0, cells = 0;
    pi_buf_puts(c->b, "|");
    for (size_t i = 0; i <= k->len; i++) {
        if (i < k->len && k->text[i] != '\t')
            continue;
        pi_buf_putc(c->b, ' ');
        c->line_start = 0;
        pi_render_inlines(c->b, k, from, i, o, &cell_ops, c);
        pi_buf_puts(c->b, " |");
        cells++;
        from = i + 1;
    }
    for (; cells < width; cells++)
        pi_buf_puts(c->b, "  |");
    pi_buf_putc(c->b, '\n');
}

static void fenced(md *c, const pi_block *k)
{
    size_t run = 0, longest = 2;
    for (size_t i = 0; i < k->len; i++) {
        run = k->text[i] == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    for (size_t i = 0; i <= longest; i++)
        pi_buf_putc(c->b, '`');
    if (k->url)
        pi_buf_puts(c->b, k->url);
    pi_buf_putc(c->b, '\n');
    put_prefix(c);
    for (size_t i = 0; i < k->len; i++) {
        pi_buf_putc(c->b, k->text[i]);
        if (k->text[i] == '\n')
            put_prefix(c);
    }
    pi_buf_putc(c->b, '\n');
    put_prefix(c);
    for (size_t i = 0; i <= longest; i++)
        pi_buf_putc(c->b, '`');
}

/* One line of a comment, after its quote markers. */
static void comment_line(md *c, const char *s, size_t n)
{
    pi_buf_putc(c->b, '\n');
    put_prefix(c);
    c->line_start = 1;
    md_text(c->b, s, n, c);
}

/* The comments after the article: a "Comments" heading, then each comment
 * as a block quote, a reply one quote level deeper than top level, with its
 * author in bold and its date on the first line. */
static void comments(md *c, const pi_comments *cs)
{
    pi_buf *b = c->b;
    pi_buf_puts(b, b->len ? "\n\n## " PI_COMMENTS_TITLE "\n" : "## " PI_COMMENTS_TITLE "\n");
    char prefix[2 * 17 + 1];
    for (size_t i = 0; i < cs->n; i++) {
        const pi_comment *x = &cs->items[i];
        int q = (x->depth > 16 ? 16 : x->depth) + 1;
        for (int k = 0; k < q; k++)
            memcpy(prefix + 2 * k, "> ", 2);
        prefix[2 * q] = '\0';
        c->prefix = prefix;
        c->prefix_len = (size_t)(2 * q);
        const char *who = x->author ? x->author : "(anonymous)";
        if (i)
            pi_buf_putc(b, '\n');
        comment_line(c, "", 0);
        pi_buf_puts(b, "**");
        md_text(b, who, strlen(who), c);
        pi_buf_puts(b, "**");
        if (x->published) {
            pi_buf_puts(b, " \xC2\xB7 ");
            md_text(b, x->published, strlen(x->published), c);
        }
        for (const char *p = x->text; *p;) {
            const char *e = strchr(p, '\n');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            pi_buf_putc(b, '\n');
            pi_buf_put(b, prefix, (size_t)(2 * q - 1));
            comment_line(c, p, n);
            p += n + (e != NULL);
        }
    }
    c->prefix = "";
    c->prefix_len = 0;
}

char *pi_render_markdown(const pi_model *m, const pi_render_opts *o, size_t *len)
{
    pi_buf b;
    pi_buf_init(&b);
    if (!o)
        o = &pi_render_defaults;
    md c = {&b, m->base, "", 0, 1};
    char prefix[512];
    size_t marker_width[64] = {0};
    size_t width = 0; /* of the current table */
    int counters[64] = {0};
    const pi_block *prev = NULL;
    int shift = 0, item_level = 0; /* of list items, see below */

    for (size_t i = 0; i < m->n; i++) {
        const pi_block *k = &m->blocks[i];
        if ((k->kind == PI_BLK_IMAGE && !o->images) || (k->kind == PI_BLK_ROW && !o->tables))
            continue;
        /* An item's nesting counts from its list's first item kept, one
         * level deeper than the item before at most: a list whose outer
         * items were dropped is not indented into a code block. */
        int level = 0, before = item_level;
        if (k->kind == PI_BLK_ITEM) {
            int raw = k->level > 63 ? 63 : k->level;
            int after_item = prev && prev->kind == PI_BLK_ITEM && prev->list == k->list;
            if (!after_item)
                shift = raw - 1;
            level = raw - shift;
            if (after_item && level > before + 1)
                level = before + 1;
            if (level < 1)
                level = 1;
            item_level = level;
        }

        /* The prefix of this block's lines: quote markers, list indent. */
        size_t p = 0;
        for (int q = 0; q < k->quote && p + 2 < sizeof prefix; q++) {
            prefix[p++] = '>';
            prefix[p++] = ' ';
        }
        size_t indent = 0;
        for (int l = 1; l < level; l++)
            indent += marker_width[l] ? marker_width[l] : 2;
        if (k->kind == PI_BLK_ITEM && k->cont)
            indent += marker_width[level] ? marker_width[level] : 2;
        for (size_t s = 0; s < indent && p + 1 < sizeof prefix; s++)
            prefix[p++] = ' ';
        prefix[p] = '\0';

        /* Separation from the previous block: none between rows of one
         * table or items of one list, else a blank line. */
        if (prev) {
            int same_table = prev->kind == PI_BLK_ROW && k->kind == PI_BLK_ROW &&
                             prev->table == k->table;
            int tight = prev->kind == PI_BLK_ITEM && k->kind == PI_BLK_ITEM && !k->cont &&
                        !prev->cont && prev->list == k->list;
            pi_buf_putc(&b, '\n');
            if (!same_table && !tight) {
                int q = k->quote < prev->quote ? k->quote : prev->quote;
                /* No more markers than the prefix holds: uncapped, N nested
                 * quotes wrote N^2 / 2 of them (50 MB at the default depth). */
                if ((size_t)q > (sizeof prefix - 1) / 2)
                    q = (int)((sizeof prefix - 1) / 2);
                for (int j = 0; j < q; j++)
                    pi_buf_putc(&b, '>');
                pi_buf_putc(&b, '\n');
            }
        }
        if (k->kind != PI_BLK_ITEM) {
            for (int l = 0; l < 64; l++)
                counters[l] = 0;
        }

        c.prefix = prefix;
        c.prefix_len = p;
        pi_buf_put(&b, prefix, p);
        switch (k->kind) {
        case PI_BLK_HEADING: {
            int lv = k->level < 1 ? 1 : k->level > 6 ? 6 : k->level;
            for (int j = 0; j < lv; j++)
                pi_buf_putc(&b, '#');
            pi_buf_putc(&b, ' ');
            /* An ATX heading is one line: line breaks become spaces. */
            pi_block one = *k;
            char *flat = pi_strndup(k->text, k->len);
            if (!flat) {
                b.oom = 1;
                break;
            }
            for (char *q = flat; *q; q++)
                if (*q == '\n')
                    *q = ' ';
            one.text = flat;
            inlines(&c, &one, 0, one.len, o);
            free(flat);
            break;
        }
        case PI_BLK_ITEM:
            if (!k->cont) {
                char marker[16];
                if (k->ordered) {
                    if (prev && prev->kind == PI_BLK_ITEM && before < level)
                        counters[level] = 0;
                    int n = ++counters[level];
                    snprintf(marker, sizeof marker, "%d. ", n);
                } else {
                    strcpy(marker, "- ");
                }
                marker_width[level] = strlen(marker);
                for (int l = level + 1; l < 64; l++)
                    counters[l] = 0;
                pi_buf_puts(&b, marker);
                /* Continuation lines sit under the item's text. */
                for (size_t s = 0; s < marker_width[level] && p + 1 < sizeof prefix; s++)
                    prefix[p++] = ' ';
                prefix[p] = '\0';
                c.prefix_len = p;
            }
            inlines(&c, k, 0, k->len, o);
            break;
        case PI_BLK_PRE:
            fenced(&c, k);
            break;
        case PI_BLK_ROW: {
            int first = !prev || prev->kind != PI_BLK_ROW || prev->table != k->table;
            if (first) {
                /* The table's width, its widest row, measured once at its
                 * first row: per row it would be quadratic. */
                width = 0;
                for (size_t j = i;
                     j < m->n && m->blocks[j].kind == PI_BLK_ROW && m->blocks[j].table == k->table;
                     j++) {
                    size_t w = count_cells(&m->blocks[j]);
                    if (w > width)
                        width = w;
                }
            }
            if (first) {
                /* GitHub tables need a header row: the first row is it. */
                table_row(&c, k, width, o);
                pi_buf_put(&b, prefix, p);
                pi_buf_puts(&b, "|");
                for (size_t j = 0; j < width; j++)
                    pi_buf_puts(&b, " --- |");
            } else {
                table_row(&c, k, width, o);
                /* The row's own newline: separation adds one. Trimmed
                 * rather than cut, since after a failed append the buffer
                 * may hold nothing at all. */
                pi_buf_rtrim(&b, "\n");
            }
            break;
        }
        case PI_BLK_IMAGE:
            pi_buf_puts(&b, "![");
            c.line_start = 0;
            md_text(&b, k->text, k->len, &c);
            put_target(&b, m->base, k->url);
            break;
        case PI_BLK_PARA:
        case PI_BLK_CAPTION:
        default:
            inlines(&c, k, 0, k->len, o);
            break;
        }
        prev = k;
    }
    if (o->comments && o->comments->n)
        comments(&c, o->comments);
    if (b.len)
        pi_buf_putc(&b, '\n');
    return pi_render_finish(&b, len);
}

/* comments.c - comment sections and the comments in them (comments.h).
 *
 * Inside a section, each comment is found from its anchor: the element that
 * shows its author (named like an author, itemprop=author, <cite>), or,
 * where no comment shows one, its date (<time>, named like a date). The
 * comment is the highest frame above its anchor whose first anchor it is:
 * a list item, an <article>, or an element named like a comment or a post,
 * below the list that holds it (if any), and not a list of such frames
 * (two framed comments side by side are two comments, not one). Its depth
 * is the number of comments or reply containers ("children", "replies",
 * "indented") around it, or what a "depth-N" / "level-N" class says. Its
 * text is what the frame holds without its author, date, meta lines,
 * avatars, actions (reply, vote, share, permalink) and the replies nested
 * in it. */
#include "extract/comments.h"
#include "base/buf.h"
#include "base/error.h"
#include "base/text.h"
#include "extract/names.h"
#include "extract/tune.h"
#include "meta/date.h"

#include <stdlib.h>
#include <string.h>

/* What an element of a section is to the reader (bits). */
enum {
    R_FORM = 1,    /* the comment form, or inside it */
    R_AUTHOR = 2,  /* shows an author */
    R_DATE = 4,    /* shows a date */
    R_ITEM = 8,    /* frames one comment */
    R_REPLIES = 16 /* holds replies */
};

typedef struct reader {
    const pi_stats *st;
    uint8_t *role;  /* per element: R_* */
    int32_t *count; /* per element: anchors in its subtree, then what is around it */
    int32_t *frame; /* per anchor: the element that frames its comment, or -1 */
    int32_t *end;   /* per element: the end of its subtree (elements [i, end)) */
    pi_comments *out;
} reader;

static const char *tag(const pi_stats *st, int32_t i)
{
    return pi_dom_name(st->nodes[i].node);
}

static int is_tag(const pi_stats *st, int32_t i, const char *name)
{
    return !strcmp(tag(st, i), name);
}

/* The end of the subtree of i: elements [i, end) in document order. */
static int32_t subtree_end(const reader *r, int32_t i)
{
    return r->end[i];
}

static int named(const pi_stats *st, int32_t i, const struct pi_pattern *list)
{
    pi_names e;
    pi_names_read(st->nodes[i].node, &e);
    return pi_names_match(e.cls, list) || pi_names_match(e.id, list);
}

static int is_comment_named(const pi_stats *st, int32_t i)
{
    return (st->nodes[i].names >> PI_CW_COMMENT) & 1u;
}

static int is_author(const pi_stats *st, int32_t i)
{
    if (st->nodes[i].words > COMMENT_MARKER_MAX_WORDS || st->nodes[i].n_formctl)
        return 0;
    const char *prop = pi_attr(st->nodes[i].node, "itemprop");
    if (prop && (pi_has_token(prop, "author") || pi_has_token(prop, "creator")))
        return 1;
    return is_tag(st, i, "cite") || named(st, i, PI_COMMENT_AUTHOR);
}

static int is_date(const pi_stats *st, int32_t i)
{
    if (st->nodes[i].words > COMMENT_MARKER_MAX_WORDS)
        return 0;
    return is_tag(st, i, "time") || named(st, i, PI_COMMENT_DATE);
}

/* A frame of one comment. */
static int is_frame(const reader *r, int32_t i)
{
    const pi_stats *st = r->st;
    if (r->role[i] & (R_REPLIES | R_FORM))
        return 0;
    unsigned f = st->nodes[i].flags;
    if ((f & (PI_TF_LIST | PI_TF_TABLE | PI_TF_HEADING)) || st->nodes[i].n_formctl)
        return 0;
    return is_tag(st, i, "li") || is_tag(st, i, "article") || is_comment_named(st, i) ||
           named(st, i, PI_COMMENT_FRAME);
}

/* Does i have two children that are frames with an anchor: a list of
 * comments rather than one? */
static int frames_a_list(const reader *r, int32_t i)
{
    int32_t end = subtree_end(r, i), framed = 0;
    for (int32_t j = i + 1; j < end; j = subtree_end(r, j))
        if (r->count[j] && is_frame(r, j) && ++framed == 2)
            return 1;
    return 0;
}

/* The comment of anchor a in section s, whose previous anchor is `prev`
 * (-1: none), or -1. */
static int32_t frame_of(const reader *r, int32_t s, int32_t a, int32_t prev)
{
    const pi_stats *st = r->st;
    int32_t best = -1, loose = -1;
    for (int32_t p = st->nodes[a].parent; p >= s && p > prev; p = st->nodes[p].parent) {
        /* Above the list that holds the comment are the lists' frames. */
        if (st->nodes[p].flags & PI_TF_LIST)
            break;
        if (p == s && !is_tag(st, s, "li") && !is_tag(st, s, "article"))
            break;
        if (is_frame(r, p) && !frames_a_list(r, p))
            best = p;
        else if (r->count[p] == 1 && p != s)
            loose = p;
    }
    return best >= 0 ? best : loose;
}

/* The nesting of comment i: what a "depth-N" or "level-N" class says,
 * else the comments or the reply containers around it, whichever are more
 * (count_around). */
#define AROUND_ITEM 32768
static int depth_of(const reader *r, int32_t i)
{
    pi_names e;
    pi_names_read(r->st->nodes[i].node, &e);
    for (const char *c = e.cls; c && *c;) {
        while (*c && pi_is_html_space((unsigned char)*c))
            c++;
        const char *p = pi_ci_prefix(c, "depth-")   ? c + 6
                        : pi_ci_prefix(c, "level-") ? c + 6
                                                    : NULL;
        if (p && pi_is_digit((unsigned char)*p)) {
            int n = 0;
            for (; pi_is_digit((unsigned char)*p) && n < 100; p++)
                n = n * 10 + (*p - '0');
            if (n >= 1 && (!*p || pi_is_html_space((unsigned char)*p)))
                return n - 1;
        }
        while (*c && !pi_is_html_space((unsigned char)*c))
            c++;
    }
    int items = r->count[i] / AROUND_ITEM, replies = r->count[i] % AROUND_ITEM;
    return items > replies ? items : replies;
}

/* Count, for every element of section [s, end), the comments and the
 * reply containers around it inside the section, into r->count (items
 * times AROUND_ITEM plus replies, each saturating): one pass, parents
 * first. */
static void count_around(reader *r, int32_t s, int32_t end)
{
    const pi_stats *st = r->st;
    for (int32_t j = s + 1; j < end; j++) {
        int32_t p = st->nodes[j].parent;
        int32_t up = 0;
        if (p > s) {
            int32_t items = r->count[p] / AROUND_ITEM, replies = r->count[p] % AROUND_ITEM;
            items += (r->role[p] & R_ITEM) && items < AROUND_ITEM - 1;
            replies += (r->role[p] & R_REPLIES) && replies < AROUND_ITEM - 1;
            up = items * AROUND_ITEM + replies;
        }
        r->count[j] = up;
    }
}

/* Append the line s[0..n) collapsed, after a LF when text precedes it. */
static void put_line(pi_buf *b, const char *s, size_t n)
{
    size_t before = b->len;
    if (b->len)
        pi_buf_putc(b, '\n');
    size_t at = b->len;
    pi_put_collapsed(b, s, n);
    if (b->len == at && b->data) {
        b->len = before;
        b->data[before] = '\0';
    }
}

/* The text of `raw` (lines separated by LF), each line collapsed, empty
 * lines left out. */
static char *tidy_lines(const pi_buf *raw)
{
    pi_buf b;
    pi_buf_init(&b);
    const char *p = raw->data ? raw->data : "";
    for (;;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        put_line(&b, p, n);
        if (!e)
            break;
        p = e + 1;
    }
    return pi_buf_detach(&b);
}

/* Is element j, inside comment i, left out of its text? */
static int left_out(const reader *r, int32_t i, int32_t j)
{
    const pi_stats *st = r->st;
    if (r->role[j] & (R_FORM | R_AUTHOR | R_DATE | R_REPLIES))
        return 1;
    if ((r->role[j] & R_ITEM) && j != i)
        return 1;
    if (st->nodes[j].flags & (PI_TF_IMG | PI_TF_FORMCTL))
        return 1;
    return is_tag(st, j, "footer") || named(st, j, PI_COMMENT_SKIP);
}

/* Is element j, inside author marker a, left out of the name? Its date,
 * "says", an avatar. */
static int not_name(const reader *r, int32_t a, int32_t j)
{
    return j != a && ((r->role[j] & R_DATE) || (r->st->nodes[j].flags & PI_TF_IMG) ||
                      named(r->st, j, PI_COMMENT_SKIP));
}

/* The text under element i, its lines (blocks, line breaks) collapsed and
 * the empty ones left out, without the elements `skip` names: NULL on
 * failure, "" when there is none. */
static char *text_under(const reader *r, int32_t i, int (*skip)(const reader *, int32_t, int32_t))
{
    const pi_dom *root = r->st->nodes[i].node;
    pi_buf raw;
    pi_buf_init(&raw);
    for (const pi_dom *n = pi_next(root, root, 0); n;) {
        int leave = 0;
        if (pi_dom_is_element(n)) {
            uint32_t mark = pi_dom_mark(n);
            if (mark && skip(r, i, (int32_t)mark - 1))
                leave = 1;
            else if (pi_tag_flags(pi_dom_name(n)) & (PI_TF_BLOCK | PI_TF_BR))
                pi_buf_putc(&raw, '\n');
        } else if (pi_dom_is_text(n)) {
            pi_buf_puts(&raw, pi_dom_chars(n));
        }
        n = pi_next(n, root, leave);
    }
    char *text = raw.oom ? NULL : tidy_lines(&raw);
    pi_buf_free(&raw);
    return text;
}

/* The author as shown: the marker's text without its date and "says:";
 * NULL when it shows none or more than a name. */
static int author_of(const reader *r, int32_t a, char **out)
{
    *out = NULL;
    char *raw = text_under(r, a, not_name);
    if (!raw)
        return PI_ENOMEM;
    pi_buf b;
    pi_buf_init(&b);
    pi_put_collapsed(&b, raw, strlen(raw));
    free(raw);
    if (b.oom)
        return PI_ENOMEM;
    pi_buf_rtrim(&b, ": ");
    for (const char *const *w = PI_COMMENT_SAYS; *w && b.len; w++) {
        size_t n = strlen(*w);
        if (b.len > n && pi_ci_eq(b.data + b.len - n, *w) && b.data[b.len - n - 1] == ' ') {
            b.len -= n + 1;
            b.data[b.len] = '\0';
        }
    }
    pi_buf_rtrim(&b, ": ");
    if (!b.len || b.len > COMMENT_AUTHOR_MAX_BYTES) {
        pi_buf_free(&b);
        return PI_OK;
    }
    *out = pi_buf_detach(&b);
    return PI_NOMEM_IF_NULL(*out);
}

/* The date of comment i, read from its first date marker outside the
 * replies nested in it. */
static int date_of(const reader *r, int32_t i, char **out)
{
    const pi_stats *st = r->st;
    *out = NULL;
    int32_t end = subtree_end(r, i);
    for (int32_t j = i + 1; j < end; j++) {
        if ((r->role[j] & (R_ITEM | R_REPLIES | R_FORM))) {
            j = subtree_end(r, j) - 1;
            continue;
        }
        if (!(r->role[j] & R_DATE))
            continue;
        /* A <time> in the marker says it exactly. */
        for (int32_t k = j, k_end = subtree_end(r, j); k < k_end; k++) {
            const char *when = is_tag(st, k, "time") ? pi_attr(st->nodes[k].node, "datetime")
                                                     : NULL;
            if (when && *when) {
                PI_TRY(pi_date_parse(when, 0, out));
                if (*out)
                    return PI_OK;
            }
        }
        const pi_dom *n = st->nodes[j].node;
        char *raw = pi_dom_text(n);
        if (!raw)
            return PI_ENOMEM;
        int err = pi_date_parse(raw, 0, out);
        pi_dom_free_text(raw);
        return err;
    }
    return PI_OK;
}

static int add_comment(pi_comments *c, pi_comment x)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 8;
        pi_comment *items = realloc(c->items, cap * sizeof *items);
        if (!items)
            return PI_ENOMEM;
        c->items = items;
        c->cap = cap;
    }
    c->items[c->n++] = x;
    return PI_OK;
}

static void comment_free(pi_comment *x)
{
    free(x->author);
    free(x->published);
    free(x->text);
}

/* Mark the roles of section [s, end): the form, the authors and dates
 * (outermost), the reply containers; count the anchors. Returns whether
 * it holds a comment form, and the anchors' role in *anchor. */
static int mark_roles(reader *r, int32_t s, int32_t end, int *anchor)
{
    const pi_stats *st = r->st;
    int form = 0, authors = 0;
    int32_t form_end = -1, author_end = -1, date_end = -1;
    for (int32_t j = s; j < end; j++) {
        r->role[j] = 0;
        r->count[j] = 0;
        if (j < form_end) {
            r->role[j] = R_FORM;
            continue;
        }
        if (j > s && (is_tag(st, j, "form") || named(st, j, PI_COMMENT_FORM))) {
            r->role[j] = R_FORM;
            form_end = subtree_end(r, j);
            form = 1;
            continue;
        }
        if (j > s && named(st, j, PI_COMMENT_REPLIES))
            r->role[j] |= R_REPLIES;
        if (j >= author_end && is_author(st, j)) {
            r->role[j] |= R_AUTHOR;
            author_end = subtree_end(r, j);
            authors++;
        } else if (j >= date_end && is_date(st, j)) {
            r->role[j] |= R_DATE;
            date_end = subtree_end(r, j);
        }
    }
    *anchor = authors ? R_AUTHOR : R_DATE;
    for (int32_t j = end - 1; j >= s; j--) {
        r->count[j] += (r->role[j] & *anchor) != 0;
        int32_t p = st->nodes[j].parent;
        if (j > s && p >= s)
            r->count[p] += r->count[j];
    }
    return form;
}

/* Read the comment framed by i (anchor a) into r->out, unless it has no
 * text. */
static int read_comment(reader *r, int32_t i, int32_t a, int anchor, int *added)
{
    pi_comment x = {NULL, NULL, NULL, depth_of(r, i)};
    int err = PI_ENOMEM;
    *added = 0;
    if (!(x.text = text_under(r, i, left_out)))
        return PI_ENOMEM;
    if (!*x.text)
        err = PI_OK;
    else if (!(err = anchor == R_AUTHOR ? author_of(r, a, &x.author) : PI_OK) &&
             !(err = date_of(r, i, &x.published)) && !(err = add_comment(r->out, x))) {
        *added = 1;
        return PI_OK;
    }
    comment_free(&x);
    return err;
}

/* Read the comments of section [s, end) into r->out; *words gets the words
 * they hold (the outermost comments' subtrees). Returns PI_OK or
 * PI_ENOMEM. */
static int read_comments(reader *r, int32_t s, int32_t end, int anchor, uint32_t *words)
{
    const pi_stats *st = r->st;
    int32_t prev = -1, outer_end = -1;
    *words = 0;
    /* Every comment framed first, so that a comment's text leaves out the
     * replies nested in it. */
    for (int32_t a = s; a < end; a++) {
        r->frame[a] = -1;
        if (!(r->role[a] & anchor))
            continue;
        int32_t i = frame_of(r, s, a, prev);
        prev = a;
        if (i >= 0) {
            r->role[i] |= R_ITEM;
            r->frame[a] = i;
        }
    }
    count_around(r, s, end);
    for (int32_t a = s; a < end; a++) {
        int32_t i = r->frame[a];
        if (i < 0)
            continue;
        int added;
        PI_TRY(read_comment(r, i, a, anchor, &added));
        if (!added) {
            r->role[i] &= (uint8_t)~R_ITEM;
        } else if (i >= outer_end) {
            *words += st->nodes[i].words;
            outer_end = subtree_end(r, i);
        }
    }
    return PI_OK;
}

/* The words of [s, end) in the form and in headings outside comments. */
static uint32_t frame_words(const reader *r, int32_t s, int32_t end)
{
    const pi_stats *st = r->st;
    uint32_t n = 0;
    for (int32_t j = s + 1; j < end; j++) {
        if ((r->role[j] & R_ITEM)) {
            j = subtree_end(r, j) - 1;
        } else if ((r->role[j] & R_FORM) || (st->nodes[j].flags & PI_TF_HEADING)) {
            n += st->nodes[j].words;
            j = subtree_end(r, j) - 1;
        }
    }
    return n;
}

static int holds_h1(const pi_stats *st, int32_t s, int32_t end)
{
    for (int32_t j = s; j < end; j++)
        if (is_tag(st, j, "h1"))
            return 1;
    return 0;
}

/* Is s, a block named like comments, a comment section? Its comments are
 * read into r->out either way; the caller drops them when it is not. */
static int section(reader *r, int32_t s, int32_t end, int around_top, int *is)
{
    const pi_stats *st = r->st;
    *is = 0;
    if (holds_h1(st, s, end))
        return PI_OK;
    int anchor;
    int form = mark_roles(r, s, end, &anchor);
    size_t before = r->out->n;
    uint32_t words;
    PI_TRY(read_comments(r, s, end, anchor, &words));
    int found = r->out->n > before;
    uint32_t total = st->nodes[s].words, framed = words + frame_words(r, s, end);
    uint32_t other = total > framed ? total - framed : 0;
    if (around_top)
        *is = found && other <= COMMENT_OTHER_MAX_WORDS;
    else
        *is = found || form || total <= COMMENT_PLACEHOLDER_WORDS;
    return PI_OK;
}

int pi_comments_find(const pi_stats *st, int32_t top, uint8_t *mark, pi_comments *out)
{
    memset(out, 0, sizeof *out);
    memset(mark, 0, st->n);
    /* Most pages have no block named like comments: nothing to set up. */
    size_t first = 1;
    while (first < st->n &&
           (st->nodes[first].block != (int32_t)first || !is_comment_named(st, (int32_t)first)))
        first++;
    if (first >= st->n)
        return PI_OK;
    size_t n = st->n ? st->n : 1;
    uint8_t *around = calloc(n, 1);
    reader r = {st,
                malloc(n),
                malloc(n * sizeof(int32_t)),
                malloc(n * sizeof(int32_t)),
                malloc(n * sizeof(int32_t)),
                out};
    int err = around && r.role && r.count && r.frame && r.end ? PI_OK : PI_ENOMEM;
    /* Pre-order: a subtree ends where its last descendant's does. */
    for (size_t i = 0; !err && i < st->n; i++)
        r.end[i] = (int32_t)i + 1;
    for (size_t i = st->n; !err && i-- > 1;) {
        int32_t p = st->nodes[i].parent;
        if (p >= 0 && r.end[i] > r.end[p])
            r.end[p] = r.end[i];
    }
    for (int32_t p = top; !err && p >= 0; p = st->nodes[p].parent)
        around[p] = 1;
    for (int32_t s = (int32_t)first; !err && (size_t)s < st->n;) {
        if (st->nodes[s].block != s || !is_comment_named(st, s) || named(st, s, PI_COMMENT_NOT)) {
            s++;
            continue;
        }
        int32_t end = subtree_end(&r, s);
        size_t before = out->n;
        int is;
        if ((err = section(&r, s, end, around[s], &is)))
            break;
        if (!is) {
            while (out->n > before)
                comment_free(&out->items[--out->n]);
            s++;
            continue;
        }
        memset(mark + s, 1, (size_t)(end - s));
        s = end;
    }
    free(around);
    free(r.role);
    free(r.count);
    free(r.frame);
    free(r.end);
    if (err) {
        pi_comments_free(out);
        memset(mark, 0, st->n);
    }
    return err;
}

void pi_comments_free(pi_comments *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        comment_free(&c->items[i]);
    free(c->items);
    memset(c, 0, sizeof *c);
}

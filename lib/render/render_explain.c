/* render_explain.c - the explain view: one self-contained HTML page that
 * shows every block of the page in reading order, kept or dropped, with its
 * statistics and the rule or model decision that decided it, the
 * candidates the rules scored, and the page's facts.
 *
 * Reads the result and the trace of an extraction run with `explain`
 * (pi_settings): the statistics, the deciding choice and, when the learned
 * layer decided, the rules' choice it replaced, with their reasons
 * (pi_choice.why, why.c).
 *
 * Safe to open: the page's text is escaped everywhere, its URLs are written
 * as text only (no src, no href), and nothing of its markup, scripts or
 * styles is copied. The file carries a Content-Security-Policy that allows
 * its own style sheet (by hash) and nothing else: no script, no image, no
 * request. Its filters are CSS (radio buttons and checkboxes), so they work
 * without JavaScript. The output is deterministic: no time, no locale. */
#include "render/explain.h"

#include "base/error.h"
#include "base/text.h"
#include "extract/names.h"
#include "extract/why.h"
#include "tree/dom.h"

#include <stdlib.h>
#include <string.h>

static void put_uint(pi_buf *b, unsigned long v)
{
    pi_put_fixed(b, (double)v, 0);
}

/* ---- what is known of each element -------------------------------------- */

/* The nearest dropped element at or above each element, and the chosen
 * subtree each lies in (index order is document order: parents first). */
static void mark_choice(const pi_stats *st, const pi_choice *c, int32_t *drop_at, int32_t *root_at)
{
    for (size_t i = 0; i < st->n; i++)
        root_at[i] = -1;
    for (size_t k = 0; c->n_nodes && k < c->n; k++)
        root_at[c->roots[k]] = c->roots[k];
    for (size_t i = 0; i < st->n; i++) {
        int32_t p = st->nodes[i].parent;
        if (root_at[i] < 0 && p >= 0)
            root_at[i] = root_at[p];
        drop_at[i] = c->n_nodes && root_at[i] >= 0 && c->drop[i] ? (int32_t)i
                     : p >= 0                                    ? drop_at[p]
                                                                 : -1;
    }
}

static int prepare(pi_explain *x)
{
    const pi_stats *st = x->st;
    size_t n = st->n ? st->n : 1;
    x->covered = calloc(n, 1);
    x->comment = calloc(n, 1);
    x->top = calloc(n, 1);
    x->drop_c = malloc(n * sizeof *x->drop_c);
    x->drop_rc = malloc(n * sizeof *x->drop_rc);
    x->root_c = malloc(n * sizeof *x->root_c);
    x->root_rc = malloc(n * sizeof *x->root_rc);
    x->size = calloc(n, sizeof *x->size);
    if (!x->covered || !x->comment || !x->top || !x->drop_c || !x->drop_rc || !x->root_c ||
        !x->root_rc || !x->size)
        return PI_ENOMEM;
    mark_choice(st, x->c, x->drop_c, x->root_c);
    mark_choice(st, x->rc, x->drop_rc, x->root_rc);
    for (size_t i = st->n; i-- > 0;) {
        x->size[i] += 1;
        if (st->nodes[i].parent >= 0)
            x->size[st->nodes[i].parent] += x->size[i];
    }
    int32_t top = x->rc->n_nodes && !x->rc->fallback ? x->rc->top : -1;
    for (size_t i = 0; i < st->n; i++) {
        int32_t p = st->nodes[i].parent;
        x->comment[i] = (st->nodes[i].names & (1u << PI_CW_COMMENT)) || (p >= 0 && x->comment[p]);
        x->top[i] = (int32_t)i == top || (p >= 0 && x->top[p]);
    }
    /* What the model holds: each block's element, a data row's cells and
     * a code block's lines (a code table's, build.c). */
    const pi_model *m = &x->r->model;
    for (size_t k = 0; k < m->n; k++) {
        uint32_t s = m->blocks[k].src;
        if (!s || s > st->n)
            continue;
        x->covered[s - 1] = 1;
        if (m->blocks[k].kind == PI_BLK_ROW || m->blocks[k].kind == PI_BLK_PRE)
            for (uint32_t j = s; j < s - 1 + x->size[s - 1]; j++)
                x->covered[j] = !(x->c->mute && x->c->mute[j]);
    }
    return PI_OK;
}

static void release(pi_explain *x)
{
    pi_buf_free(&x->why);
    pi_buf_free(&x->title);
    pi_buf_free(&x->cells);
    pi_buf_free(&x->tmp);
    pi_buf_free(&x->raw);
    free(x->covered);
    free(x->comment);
    free(x->top);
    free(x->drop_c);
    free(x->drop_rc);
    free(x->root_c);
    free(x->root_rc);
    free(x->size);
}

/* The element's own text (what its nearest-block text nodes say, nested
 * blocks and dropped elements left to their own entries), blanks
 * collapsed. */
static void put_own_text(pi_explain *x, pi_buf *b, size_t i)
{
    const pi_stats *st = x->st;
    pi_dom *root = st->nodes[i].node;
    pi_buf *raw = &x->raw;
    raw->len = 0;
    for (pi_dom *n = pi_dom_first_child(root); n;) {
        if (pi_dom_has_chars(n)) {
            const char *t = pi_dom_chars(n);
            if (t)
                pi_buf_puts(raw, t);
            n = pi_next(n, root, 0);
            continue;
        }
        const pi_node *r = pi_dom_is_element(n) ? pi_stats_of(st, n) : NULL;
        int skip = !r || (r->flags & PI_TF_BLOCK) || x->drop_c[r - st->nodes] == r - st->nodes;
        /* A nested block or a line break parts the words around it. */
        if (!r || skip || (r->flags & PI_TF_BR))
            pi_buf_putc(raw, ' ');
        n = pi_next(n, root, skip);
    }
    if (raw->oom)
        b->oom = 1;
    if (raw->len)
        pi_put_collapsed(b, raw->data, raw->len);
}

/* ---- verdicts ------------------------------------------------------------- */

/* Why rules' choice `c` leaves out element i's text, written to `b`; its
 * code, or 0 when `c` keeps it. */
static int rules_verdict(pi_explain *x, const pi_choice *c, const int32_t *drop_at,
                         const int32_t *root_at, size_t i, pi_buf *b)
{
    int32_t j = drop_at[i];
    if (j >= 0) {
        int why = c->why ? c->why[j] : 0;
        if (j != (int32_t)i) {
            pi_buf_puts(b, "in ");
            pi_explain_label(b, &x->st->nodes[j]);
            pi_buf_puts(b, ": ");
        }
        if (why)
            pi_why_text(b, why, x->st, c, (size_t)j, x->threshold);
        else
            pi_buf_puts(b, "dropped");
        return why ? why : PI_R_DROPPED;
    }
    if (root_at[i] < 0) {
        pi_buf_puts(b, "outside the chosen container");
        return PI_R_OUTSIDE;
    }
    return 0;
}

/* Is reason `why` one of those recorded on the model's blocks after they
 * were built (build.c, extract.c)? */
static int model_reason(int why)
{
    return why >= PI_WHY_HEADLINE && why <= PI_WHY_COMMENT;
}

/* Why the text of element i is not in the output (`kept` 0) or is: the
 * reason to `b`, the code returned (0 for kept text). */
static int verdict(pi_explain *x, size_t i, int kept, pi_buf *b)
{
    const pi_choice *c = x->c;
    int why = c->why ? c->why[i] : 0;
    int code = 0;
    if (!kept && x->declared) {
        pi_buf_puts(b, "replaced by the page's declared articleBody (JSON-LD)");
        code = PI_R_DECLARED;
    } else if (!kept && model_reason(why)) {
        pi_why_text(b, why, x->st, c, i, x->threshold);
        code = why;
    } else if (x->learned) {
        int muted = c->mute && c->mute[i];
        if (why == PI_WHY_MODEL || why == PI_WHY_NO_WORDS) {
            pi_why_text(b, why, x->st, c, i, x->threshold);
            code = muted ? why : 0;
        } else if (c->prob && c->prob[i] > 0.0f) {
            pi_why_text(b, PI_WHY_MODEL, x->st, c, i, x->threshold);
            code = muted ? PI_WHY_MODEL : 0;
        }
        if (!kept && !code)
            code = PI_R_UNWRITTEN;
        else if (kept && !code && (x->st->nodes[i].flags & PI_TF_ROW))
            pi_buf_puts(b, "a table row: its cells judged one by one");
    } else {
        code = rules_verdict(x, c, x->drop_c, x->root_c, i, b);
        if (kept && !code) {
            int32_t root = x->root_c[i];
            if (root >= 0) {
                pi_buf_puts(b, root == c->top ? "in the winner " : "in a chosen subtree ");
                pi_explain_label(b, &x->st->nodes[root]);
                if (c->candidate[root]) {
                    pi_buf_puts(b, " (score ");
                    pi_put_fixed(b, c->score[root], 1);
                    pi_buf_puts(b, ")");
                }
            }
        }
    }
    if (!kept && !code) {
        if (!b->len)
            pi_buf_puts(b, "kept, but no text of it was written");
        code = PI_R_UNWRITTEN;
    }
    /* The learned layer's evidence: what the rules said. */
    if (x->learned && x->rc != x->c) {
        pi_buf_puts(b, b->len ? "; rules: " : "rules: ");
        size_t at = b->len;
        if (!rules_verdict(x, x->rc, x->drop_rc, x->root_rc, i, b) && b->len == at)
            pi_buf_puts(b, "kept");
    }
    return code;
}

/* ---- entries -------------------------------------------------------------- */

/* The statistics cells and the title's figures of element i. */
static void put_stats(pi_explain *x, pi_buf *b, pi_buf *title, size_t i, uint32_t words)
{
    const pi_node *r = &x->st->nodes[i];
    float ld = r->own_words ? (float)r->own_link_words / (float)r->own_words : 0.0f;
    float td = (float)r->chars / (float)(x->size[i] ? x->size[i] : 1);
    int has_score = 0;
    float score = 0.0f;
    if (x->learned && x->c->prob && x->c->why && x->c->why[i] != PI_WHY_NO_WORDS &&
        x->c->prob[i] > 0.0f) {
        has_score = 1;
        score = x->c->prob[i];
    } else if (x->rc->n_nodes && x->rc->candidate[i]) {
        has_score = 1;
        score = x->rc->score[i];
    }
    pi_buf_puts(b, "<td class=\"n\">");
    put_uint(b, words);
    pi_buf_puts(b, "</td><td class=\"n\">");
    pi_put_fixed(b, ld, 2);
    pi_buf_puts(b, "</td><td class=\"n\">");
    pi_put_fixed(b, td, 1);
    pi_buf_puts(b, "</td><td class=\"n\">");
    if (has_score)
        pi_put_fixed(b, score, x->learned ? 2 : 1);
    else
        pi_buf_puts(b, "-");
    pi_buf_puts(b, "</td>");
    pi_buf_puts(title, " | ");
    put_uint(title, words);
    pi_buf_puts(title, " words | link density ");
    pi_put_fixed(title, ld, 2);
    pi_buf_puts(title, " | text density ");
    pi_put_fixed(title, td, 1);
    if (has_score) {
        pi_buf_puts(title, x->learned ? " | p " : " | score ");
        pi_put_fixed(title, score, x->learned ? 2 : 1);
    }
}

static const char *kind_class(const pi_block *k, const pi_node *r)
{
    if (k) {
        switch (k->kind) {
        case PI_BLK_HEADING:
            return "t h";
        case PI_BLK_ITEM:
            return "t li";
        case PI_BLK_PRE:
            return "t pre";
        case PI_BLK_ROW:
            return "t row";
        case PI_BLK_CAPTION:
            return "t cap";
        case PI_BLK_IMAGE:
            return "t img";
        case PI_BLK_PARA:
            break;
        }
        return "t";
    }
    if (r->flags & PI_TF_IMG)
        return "t img";
    if (r->flags & PI_TF_HEADING)
        return "t h";
    if (r->flags & PI_TF_ITEM)
        return "t li";
    if (r->flags & PI_TF_PRE)
        return "t pre";
    if (r->flags & PI_TF_CAPTION)
        return "t cap";
    return "t";
}

/* The text cell's contents: block `k`'s text, or element i's own. */
static void put_entry_text(pi_explain *x, pi_buf *b, pi_buf *tmp, const pi_block *k,
                           const pi_node *r, size_t i)
{
    if (k && k->kind == PI_BLK_IMAGE) {
        pi_buf_puts(b, "[image] ");
        pi_explain_esc(b, k->text, k->len);
        if (k->url) {
            pi_buf_putc(b, ' ');
            pi_explain_esc_str(b, k->url);
        }
    } else if (k) {
        pi_explain_esc(b, k->text, k->len);
    } else if (r->flags & PI_TF_IMG) {
        const char *alt = pi_attr(r->node, "alt"), *src = pi_attr(r->node, "src");
        pi_buf_puts(b, "[image] ");
        if (alt)
            pi_put_collapsed(tmp, alt, strlen(alt));
        if (src) {
            pi_buf_putc(tmp, ' ');
            pi_put_collapsed(tmp, src, strlen(src));
        }
        pi_explain_esc_buf(b, tmp);
    } else if (r->flags & PI_TF_BLOCK) {
        put_own_text(x, tmp, i);
        pi_explain_esc_buf(b, tmp);
    } else {
        /* A dropped inline element: all of its text. */
        char *t = pi_dom_text(r->node);
        if (t)
            pi_put_collapsed(tmp, t, strlen(t));
        else
            tmp->oom = 1;
        pi_dom_free_text(t);
        pi_explain_esc_buf(b, tmp);
    }
}

/* A scratch buffer emptied, its room kept. */
static pi_buf *empty(pi_buf *s)
{
    s->len = 0;
    if (s->data)
        s->data[0] = '\0';
    return s;
}

/* One row: block `k` of the model (kept), or element i's own text (k
 * NULL: dropped). `has_node` is 0 for blocks that come from no element
 * (the declared articleBody). */
static void entry(pi_explain *x, const pi_block *k, size_t i, int has_node)
{
    pi_buf *b = x->b;
    pi_buf *why = empty(&x->why), *title = empty(&x->title), *cells = empty(&x->cells),
           *tmp = empty(&x->tmp);
    int kept = k != NULL;
    const pi_node *r = has_node ? &x->st->nodes[i] : NULL;
    int code = 0;
    if (r)
        code = verdict(x, i, kept, why);
    else
        pi_buf_puts(why, "the page's declared articleBody (JSON-LD)");
    int comment = !kept && r && x->comment[i];
    const char *state = kept ? "kept" : comment ? "comment" : "dropped";
    if (x->counting) {
        x->counts[code < 64 ? code : 0]++;
        x->kept += kept;
        x->dropped += !kept;
        x->comments += comment;
        goto done;
    }
    uint32_t words = 0;
    if (k && k->counted)
        words = k->words;
    else if (r)
        words = (r->flags & PI_TF_BLOCK) || (r->flags & PI_TF_IMG) ? r->own_words : r->words;
    pi_buf_puts(title, state);
    pi_buf_puts(title, ": ");
    if (why->len)
        pi_buf_put(title, why->data, why->len);
    if (r) {
        put_stats(x, cells, title, i, words);
    } else {
        pi_buf_puts(cells, "<td class=\"n\">");
        put_uint(cells, words);
        pi_buf_puts(cells,
                    "</td><td class=\"n\">-</td><td class=\"n\">-</td><td class=\"n\">-</td>");
    }

    pi_buf_puts(b, "<tr class=\"b ");
    pi_buf_puts(b, state);
    if (!kept) {
        pi_buf_puts(b, " r");
        put_uint(b, (unsigned long)code);
    }
    if (r && x->top[i])
        pi_buf_puts(b, " top");
    pi_buf_puts(b, "\" title=\"");
    pi_explain_esc_buf(b, title);
    pi_buf_puts(b, "\"><td class=\"el\">");
    if (r)
        pi_explain_label(tmp, r);
    else
        pi_buf_puts(tmp, "articleBody");
    pi_explain_esc_buf(b, tmp);
    pi_buf_puts(b, "</td><td class=\"tx d");
    put_uint(b, r ? (r->depth > MAX_INDENT ? MAX_INDENT : r->depth) : 0);
    pi_buf_puts(b, "\"><div class=\"");
    pi_buf_puts(b, kind_class(k, r));
    pi_buf_puts(b, "\">");
    put_entry_text(x, b, tmp, k, r, i);
    pi_buf_puts(b, "</div></td>");
    if (cells->oom)
        b->oom = 1;
    if (cells->len)
        pi_buf_put(b, cells->data, cells->len);
    pi_buf_puts(b, "<td class=\"why\">");
    pi_explain_esc_buf(b, why);
    pi_buf_puts(b, "</td></tr>\n");
done:
    if (why->oom || title->oom || cells->oom || tmp->oom)
        b->oom = 1;
}

/* Does element i get a row of its own when its text is not in the output:
 * it owns text, or it is an image, or it is an inline element the rules
 * dropped from a kept block? */
static int dropped_entry(const pi_explain *x, size_t i)
{
    const pi_node *r = &x->st->nodes[i];
    if (x->covered[i] && !(x->c->mute && x->c->mute[i] && r->own_chars))
        return 0;
    if (r->flags & PI_TF_IMG)
        return !strcmp(pi_dom_name(r->node), "img") && !x->covered[i];
    if (r->flags & PI_TF_BLOCK)
        return r->own_chars > 0 && !(x->covered[i] && !(x->c->mute && x->c->mute[i]));
    return r->chars > 0 && x->drop_c[i] == (int32_t)i && r->parent >= 0 && x->drop_c[r->parent] < 0;
}

/* A block of the model; the declared articleBody's (no element) under a
 * heading row of their own, `group` telling whether it was written. */
static void kept_entry(pi_explain *x, const pi_block *blk, int *group)
{
    if (!blk->src && !*group && !x->counting) {
        pi_buf_puts(x->b, "<tr class=\"g\"><td colspan=\"7\">The page's declared "
                          "articleBody (JSON-LD), which replaced the markup</td></tr>\n");
        *group = 1;
    }
    entry(x, blk, blk->src ? blk->src - 1 : 0, blk->src != 0);
}

/* Every block in reading order: the model's blocks in their order (the
 * text output's), and between them, by document position, the elements
 * whose text was left out. */
static void blocks(pi_explain *x)
{
    const pi_model *m = &x->r->model;
    size_t k = 0;
    int64_t pos = -1;
    int group = 0;
    for (size_t i = 0; i < x->st->n; i++) {
        if (!dropped_entry(x, i))
            continue;
        while (k < m->n) {
            const pi_block *blk = &m->blocks[k];
            int64_t at = blk->src ? (int64_t)blk->src - 1 : pos;
            if (at > pos)
                pos = at;
            if (pos >= (int64_t)i)
                break;
            kept_entry(x, blk, &group);
            k++;
        }
        entry(x, NULL, i, 1);
    }
    for (; k < m->n; k++)
        kept_entry(x, &m->blocks[k], &group);
}

static void table(pi_explain *x)
{
    pi_buf *b = x->b;
    pi_buf_puts(b, "<main><table class=\"blocks\"><thead><tr><th>element</th><th>text</th>"
                   "<th class=\"n\">words</th><th class=\"n\">link density</th>"
                   "<th class=\"n\">text density</th><th class=\"n\">score</th>"
                   "<th class=\"why\">reason</th></tr></thead>\n<tbody>\n");
    blocks(x);
    pi_buf_puts(b, "</tbody></table></main>\n");
}

char *pi_render_explain(const pi_explain_facts *f, size_t *len)
{
    pi_buf out;
    pi_buf_init(&out);
    *len = 0;
    pi_explain x;
    memset(&x, 0, sizeof x);
    x.b = &out;
    x.r = f->r;
    x.st = &f->t->stats;
    x.c = &f->t->choice;
    x.rc = f->t->article.rules.n_nodes ? &f->t->article.rules : x.c;
    x.learned = f->r->layer == PI_LAYER_LEARNED;
    x.declared = f->r->layer == PI_LAYER_JSON_LD;
    x.threshold = f->threshold;
    if (x.st->n && (x.c->n_nodes != x.st->n || !x.c->why))
        return NULL; /* not an explained extraction */
    if (prepare(&x) != PI_OK) {
        release(&x);
        return NULL;
    }
    x.counting = 1;
    blocks(&x);
    x.counting = 0;
    pi_explain_head(&x, f);
    table(&x);
    pi_explain_tail(&x, f);
    release(&x);
    return pi_render_finish(&out, len);
}

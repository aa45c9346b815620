/* extract.c - run the layers; fall back when the first result is weak. */
#include "extract/extract.h"
#include "base/buf.h"
#include "base/error.h"
#include "base/text.h"
#include "extract/blocks.h"
#include "extract/build.h"
#include "extract/feature.h"
#include "extract/learned.h"
#include "extract/score.h"
#include "extract/tune.h"
#include "meta/date.h"
#include "meta/metadata.h"

#include <stdlib.h>
#include <string.h>

/* One attempt: choose and clean. `c` receives the attempt's choice. */
static int attempt(const pi_stats *st, int flags, const pi_article_in *in, pi_choice *c)
{
    PI_TRY(pi_choose(st, 0, flags, in->headline, c));
    pi_blocks_classify(st, c, flags);
    return c->oom ? PI_ENOMEM : PI_OK;
}

/* The words of the text blocks a choice keeps: what its model would hold.
 * The attempts are compared by it; only the deciding one is built. */
static int choice_words(const pi_stats *st, const pi_choice *c, uint32_t *words)
{
    uint8_t *kept = malloc(st->n ? st->n : 1);
    if (!kept)
        return PI_ENOMEM;
    pi_features_kept(st, c, kept);
    uint32_t n = 0;
    for (size_t i = 0; i < st->n; i++)
        n += kept[i] ? st->nodes[i].own_words : 0;
    free(kept);
    *words = n;
    return PI_OK;
}

/* Context at the end of the article: what trails the last real paragraph
 * is furniture more often than not ("More on this:", "Back to the list",
 * "Latest articles", photo credits). Short lines that do not end a
 * sentence, and headings with nothing after them, are trimmed from the end.
 * Returns the words left, `total` being the model's words. */
static uint32_t trim_tail(pi_words *w, pi_model *m, uint32_t total, uint8_t *why)
{
    while (m->n > 1) {
        pi_block *b = &m->blocks[m->n - 1];
        if (b->kind == PI_BLK_PRE || b->kind == PI_BLK_ROW)
            break;
        int heading = b->kind == PI_BLK_HEADING;
        int lead_in = b->len && b->text[b->len - 1] == ':';
        uint32_t words = pi_block_words(w, b);
        if (!heading && !lead_in &&
            (pi_ends_sentence(b->text, b->len) || words >= TAIL_SHORT_WORDS))
            break;
        /* Short pages are what they are. */
        if (total < TAIL_MIN_ARTICLE_WORDS + words)
            break;
        total -= words;
        if (why && b->src)
            why[b->src - 1] = PI_WHY_TAIL;
        pi_model_remove(m, m->n - 1);
    }
    return total;
}

/* A line that is only a date ("23.10.2018", "Donnerstag, 31. Mai 2012",
 * "Stand: 05. Februar 2020"), possibly after a short label. */
static int is_date_line(pi_words *w, pi_block *b)
{
    if (b->kind != PI_BLK_PARA || b->len > DATE_LINE_MAX_BYTES ||
        pi_block_words(w, b) > DATE_LINE_MAX_WORDS)
        return 0;
    const char *s = b->text;
    const char *colon = strchr(s, ':');
    if (colon && colon - s < DATE_LINE_LABEL_BYTES && !strchr(colon + 1, ':'))
        s = colon + 1;
    while (*s == ' ')
        s++;
    return pi_is_date(s, 1);
}

/* A caption that credits its picture ("Photo: Jane Doe", "(Credit: ...)",
 * "© Agency", "Quelle: dpa"): the caption is about the picture, not part of
 * the text, and with a credit it is the picture's small print. */
static int is_credit_caption(const pi_block *b)
{
    if (b->kind != PI_BLK_CAPTION)
        return 0;
    if (strstr(b->text, "\xC2\xA9"))
        return 1;
    for (const char *const *c = PI_CREDIT_WORDS; *c; c++) {
        const char *at = pi_find_ascii_ci(b->text, b->len, *c, 1);
        if (!at)
            continue;
        const char *e = at + strlen(*c);
        while (*e == ' ')
            e++;
        /* "Foto: X", "(Photo X)", "Credit X"; not "a photo of the bridge" */
        if (*e == ':' || (at > b->text && at[-1] == '(') || !strcmp(*c, "credit"))
            return 1;
    }
    for (const char *const *c = PI_PICTURE_AGENCIES; *c; c++)
        if (pi_find_ascii_ci(b->text, b->len, *c, 1))
            return 1;
    return 0;
}

/* What the filter of meta lines reads; `why` is the choice's, or NULL. */
typedef struct meta_filter {
    pi_words *w;
    uint8_t *why;
} meta_filter;

/* Date lines and picture credits anywhere in the article are metadata, not
 * text. */
static int not_meta_line(const pi_block *prev, pi_block *b, void *ctx)
{
    (void)prev;
    const meta_filter *f = ctx;
    int why = is_date_line(f->w, b) ? PI_WHY_DATE_LINE : is_credit_caption(b) ? PI_WHY_CREDIT : 0;
    if (why && f->why && b->src)
        f->why[b->src - 1] = (uint8_t)why;
    return !why;
}

static uint32_t model_words(pi_words *w, pi_model *m)
{
    uint32_t n = 0;
    for (size_t i = 0; i < m->n; i++)
        n += pi_block_words(w, &m->blocks[i]);
    return n;
}

/* What every result's model goes through: date lines and credits out, the
 * tail trimmed, `words` being about the model's words. What is removed is
 * recorded in `why` (the choice's, NULL unless explaining). Returns whether
 * text is left (images alone are none). */
static int tidy(pi_words *w, pi_model *m, uint32_t words, uint8_t *why)
{
    meta_filter f = {w, why};
    pi_model_filter(m, not_meta_line, &f);
    trim_tail(w, m, words, why);
    for (size_t i = 0; i < m->n; i++)
        if (m->blocks[i].kind != PI_BLK_IMAGE && m->blocks[i].len)
            return 1;
    return 0;
}

/* The rules' model: the deciding choice built and tidied. */
static int build_rules(const pi_stats *st, pi_words *w, const pi_article_in *in, const pi_choice *c,
                       pi_model *m, int *has_text)
{
    uint32_t words;
    PI_TRY(choice_words(st, c, &words));
    PI_TRY(pi_build_model(st, c, in->base, in->headline, in->keep_title, m));
    *has_text = tidy(w, m, words, c->why);
    return PI_OK;
}

/* The declared body as paragraphs (its lines), replacing the model. */
static int use_declared(pi_model *m, const char *body)
{
    pi_model_free(m);
    for (const char *p = body; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n) {
            pi_block b = {0};
            b.kind = PI_BLK_PARA;
            b.text = pi_strndup(p, n);
            b.len = n;
            if (!b.text)
                m->oom = 1;
            else
                pi_model_add(m, b);
        }
        p += n + (e != NULL);
    }
    return m->oom ? PI_ENOMEM : PI_OK;
}

/* Layer 3: structured data, when the DOM gave much less than it declares. */
static int check_declared(pi_words *w, pi_model *m, const char *body, pi_layer *layer)
{
    if (!body)
        return PI_OK;
    uint32_t declared = pi_count_words(w, body, strlen(body));
    if (declared < DECLARED_MIN_WORDS ||
        (float)model_words(w, m) >= DECLARED_MIN_SHARE * (float)declared)
        return PI_OK;
    *layer = PI_LAYER_JSON_LD;
    return use_declared(m, body);
}

/* The attempts as the explain view lists them. */
static void note_attempt(pi_article_out *out, int flags, const pi_choice *c, uint32_t words,
                         int taken)
{
    if (out->n_attempts >= PI_MAX_ATTEMPTS)
        return;
    for (int k = 0; taken && k < out->n_attempts; k++)
        out->attempts[k].taken = 0;
    pi_attempt a = {flags & (PI_RELAXED | PI_NO_NAMES), c->fallback ? -1 : c->top, words, taken};
    out->attempts[out->n_attempts++] = a;
}

/* Layer 2: another attempt with `flags`; it replaces the kept choice when
 * it keeps FALLBACK_GAIN times as many words. */
static int try_alternative(const pi_stats *st, int flags, const pi_article_in *in, pi_choice *c,
                           uint32_t *got, pi_article_out *out)
{
    pi_layer *layer = &out->layer;
    pi_choice ac;
    uint32_t n = 0;
    int err = attempt(st, flags, in, &ac);
    if (!err)
        err = choice_words(st, &ac, &n);
    int taken = !err && (float)n >= FALLBACK_GAIN * (float)*got && n > *got;
    if (!err)
        note_attempt(out, flags, &ac, n, taken);
    if (taken) {
        *got = n;
        *layer = ac.fallback ? PI_LAYER_RELAXED_FALLBACK : PI_LAYER_RELAXED;
        pi_choice_free(c);
        *c = ac;
        return PI_OK;
    }
    pi_choice_free(&ac);
    return err;
}

/* The learned layer: every text block of the page judged by the compiled
 * model, with the rules' decision among its evidence. Its model goes to
 * `m` and its choice replaces `c`, unless it keeps no text: then the rules'
 * model does, when it has text. */
static int learned(const pi_stats *st, pi_words *w, const pi_article_in *in, pi_model *m,
                   pi_choice *c, pi_article_out *out)
{
    pi_choice lc;
    pi_page_in page = {c, (int)out->layer, in->declared, in->url};
    pi_learned_out lo;
    PI_TRY(pi_learned_choose(st, &page, out->given ? out->page_types : NULL, in->beta2, &lc, &lo));
    memcpy(out->page_types, lo.types, sizeof lo.types);
    /* A page without words is of no kind the model knows. */
    out->typed = out->given || st->nodes[0].words > 0;
    out->confidence = lo.confidence;
    out->cut = lo.cut;
    uint32_t words = 0;
    for (size_t i = 0; i < st->n; i++)
        words += lc.mute[i] ? 0 : st->nodes[i].own_words;
    int text = 0;
    int err = pi_build_model(st, &lc, in->base, in->headline, in->keep_title, m);
    if (!err)
        text = tidy(w, m, words, lc.why);
    if (!err && !text) {
        pi_model rules;
        pi_model_init(&rules);
        err = build_rules(st, w, in, c, &rules, &text);
        if (!err && text) {
            pi_model_free(m);
            *m = rules;
            out->confidence = lo.rules_confidence;
            pi_choice_free(&lc);
            return PI_OK;
        }
        pi_model_free(&rules);
    }
    if (err) {
        pi_choice_free(&lc);
        return err;
    }
    /* Explaining, the rules' choice is kept: their verdicts beside the
     * model's. */
    if (c->why)
        out->rules = *c;
    else
        pi_choice_free(c);
    *c = lc;
    out->layer = PI_LAYER_LEARNED;
    return PI_OK;
}

static int extract(const pi_stats *st, pi_words *w, const pi_article_in *in, pi_model *m,
                   pi_article_out *out, pi_choice *c)
{
    pi_layer *layer = &out->layer;
    int explain = in->explain ? PI_EXPLAIN : 0;
    PI_TRY(attempt(st, explain, in, c));
    *layer = c->fallback ? PI_LAYER_FALLBACK : PI_LAYER_SCORE;
    uint32_t got;
    PI_TRY(choice_words(st, c, &got));
    note_attempt(out, 0, c, got, 1);
    uint32_t prose = st->nodes[0].words - st->nodes[0].link_words;
    if (got < FALLBACK_MIN_WORDS ||
        (got < FALLBACK_MAX_WORDS && (float)got < FALLBACK_MIN_SHARE * (float)prose)) {
        /* Names as well as unlikely containers may have misled the first
         * attempt: a content name on a few words ("article-meta") can
         * outweigh the text. */
        PI_TRY(try_alternative(st, PI_RELAXED | explain, in, c, &got, out));
        PI_TRY(try_alternative(st, PI_RELAXED | PI_NO_NAMES | explain, in, c, &got, out));
    }
    out->rules_top = c->top;
    if (in->beta2 > 0.0f) {
        PI_TRY(learned(st, w, in, m, c, out));
    } else {
        int text;
        PI_TRY(build_rules(st, w, in, c, m, &text));
    }
    return check_declared(w, m, in->declared_body, layer);
}

/* What keeps the blocks outside the comment sections. */
typedef struct comment_filter {
    const uint8_t *mark; /* per element: inside a comment section */
    uint8_t *why;        /* the choice's reasons, or NULL */
} comment_filter;

static int in_comments(const comment_filter *f, const pi_block *b)
{
    return b->src && f->mark[b->src - 1];
}

/* A heading that announces comments ("3 Comments", "Leave a Reply"). */
static int announces_comments(pi_words *w, pi_block *b)
{
    if (b->kind != PI_BLK_HEADING || pi_block_words(w, b) > COMMENT_HEADING_MAX_WORDS)
        return 0;
    for (const char *const *h = PI_COMMENT_HEADINGS; *h; h++)
        if (pi_find_ascii_ci(b->text, b->len, *h, 1))
            return 1;
    return 0;
}

static void note_comment(const comment_filter *f, const pi_block *b)
{
    if (f->why && b->src)
        f->why[b->src - 1] = PI_WHY_COMMENT;
}

/* Reader comments out of the model, with the heading that announces them
 * just before a section. */
static void drop_comment_blocks(pi_words *w, pi_model *m, const comment_filter *f)
{
    size_t n = 0;
    for (size_t i = 0; i < m->n; i++) {
        pi_block *b = &m->blocks[i];
        if (in_comments(f, b)) {
            note_comment(f, b);
            pi_block_free(b);
            continue;
        }
        int next_comments = i + 1 < m->n && in_comments(f, &m->blocks[i + 1]);
        if (next_comments && announces_comments(w, b)) {
            note_comment(f, b);
            pi_block_free(b);
            continue;
        }
        m->blocks[n++] = *b;
    }
    m->n = n;
}

/* Is the page a discussion, whose posts are its content rather than
 * comments? When it declares so (DiscussionForumPosting, QAPage), when the
 * page model finds forum its likeliest type (as PITH_FIELD_PAGE_TYPE
 * says), or when it gives the page a fair chance of being one and the
 * sections hold more of the model's words than the rest: a thread, not an
 * article with comments under it. A declared Article says nothing here:
 * forum software declares og:type article too. */
static int is_forum(pi_words *w, const pi_article_in *in, const pi_article_out *out, pi_model *m,
                    const uint8_t *mark)
{
    if (in->declared & PI_DECL_FORUM)
        return 1;
    if (!out->typed || out->page_types[PI_PT_FORUM] < COMMENT_FORUM_MIN_PROB)
        return 0;
    int likeliest = 1;
    for (int k = 0; k < PI_N_PAGE_TYPES; k++)
        likeliest &= out->page_types[k] <= out->page_types[PI_PT_FORUM];
    if (likeliest)
        return 1;
    uint32_t inside = 0, outside = 0;
    for (size_t i = 0; i < m->n; i++) {
        pi_block *b = &m->blocks[i];
        uint32_t n = pi_block_words(w, b);
        if (b->src && mark[b->src - 1])
            inside += n;
        else
            outside += n;
    }
    return inside > outside;
}

/* Find the comment sections, read their comments into out->comments and
 * take their blocks out of the model. */
static int split_comments(const pi_stats *st, pi_words *w, const pi_article_in *in, pi_model *m,
                          pi_article_out *out, pi_choice *c)
{
    uint8_t *mark = malloc(st->n ? st->n : 1);
    if (!mark)
        return PI_ENOMEM;
    int err = pi_comments_find(st, out->rules_top, mark, &out->comments);
    if (!err && is_forum(w, in, out, m, mark)) {
        pi_comments_free(&out->comments);
    } else if (!err) {
        comment_filter f = {mark, c->why};
        drop_comment_blocks(w, m, &f);
    }
    free(mark);
    return err;
}

int pi_extract_article(const pi_stats *st, pi_words *w, const pi_article_in *in, pi_model *m,
                       pi_article_out *out, pi_choice *kept)
{
    pi_choice c;
    memset(&c, 0, sizeof c);
    memset(out, 0, sizeof *out);
    out->confidence = -1.0f;
    out->rules_top = -1;
    if (in->page_type >= 0 && in->page_type < PI_N_PAGE_TYPES) {
        out->page_types[in->page_type] = 1.0f;
        out->typed = out->given = 1;
    }
    int err = extract(st, w, in, m, out, &c);
    if (!err)
        err = split_comments(st, w, in, m, out, &c);
    if (err)
        pi_comments_free(&out->comments);
    if (kept)
        *kept = c;
    else
        pi_choice_free(&c);
    return err;
}

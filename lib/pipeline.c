/* pipeline.c - one page, from bytes to result (the order is in
 * pipeline.h). */
#include "pipeline.h"
#include "base/buf.h"
#include "base/error.h"
#include "base/url.h"
#include "extract/learned.h"
#include "extract/words.h"
#include "input/input.h"
#include "input/sniff.h"
#include "render/render.h"
#include "tree/clean.h"

#include <stdlib.h>
#include <string.h>

int pi_pipeline_init(void)
{
    pi_dom_init();
    PI_TRY(pi_words_init());
    return pi_input_init();
}

/* The <body>, where the statistics start; the root when there is none. */
static pi_dom *find_body(pi_dom *root)
{
    for (pi_dom *n = root; n; n = pi_next(n, root, 0))
        if (pi_dom_is_element(n) && !strcmp(pi_dom_name(n), "body"))
            return n;
    return root;
}

/* Words and paragraphs of the text (images are not text; table rows and
 * list continuations are not paragraphs). */
static void count_text(pi_words *w, pi_result *r)
{
    for (size_t i = 0; i < r->model.n; i++) {
        pi_block *b = &r->model.blocks[i];
        if (b->kind == PI_BLK_IMAGE)
            continue;
        r->words += pi_block_words(w, b);
        r->paragraphs += b->kind != PI_BLK_ROW && !(b->kind == PI_BLK_ITEM && b->cont);
    }
}

/* The page type as the page model sees it: the likeliest, "blog" for an
 * article the page declares a blog post; or as the caller gave it
 * (`given`, a type of pi_page_type_names, -1 for none). */
static int set_page_type(pi_meta *m, const float *prob, int given)
{
    int best = given >= 0 ? given : pi_page_type_likeliest(prob);
    if (given < 0 && best == PI_PT_ARTICLE && (m->declared & PI_DECL_BLOG))
        best = PI_PAGE_TYPE_BLOG;
    char *copy = pi_strdup(pi_page_type_names[best]);
    if (!copy)
        return PI_ENOMEM;
    free(m->page_type);
    m->page_type = copy;
    return PI_OK;
}

/* From the parsed tree on: metadata, base URL, cleaning, statistics, the
 * article and its text. `t` owns what the stages make. */
static int run(const char *utf8, size_t len, const pi_settings *s, pi_result *r, pi_trace *t)
{
    char *base = NULL;
    int err;
    /* "blog" is an article to the extraction. */
    int given = pi_page_type_parse(s->page_type);
    int given_class = given == PI_PAGE_TYPE_BLOG ? PI_PT_ARTICLE : given;
    PI_TRY(pi_parse_html(utf8, len, s->url, &t->tree));
    PI_TRY(pi_meta_extract(t->tree, s->url, &r->meta));
    /* Relative links resolve against <base href>, else the address the page
     * was fetched from, else its canonical URL; the canonical URL field
     * falls back to the fetched address. */
    pi_dom *root = pi_tree_root(t->tree);
    if (root)
        PI_TRY(pi_url_base(pi_dom_base_href(root), s->url ? s->url : r->meta.canonical_url, &base));
    if (!r->meta.canonical_url && s->url && !(r->meta.canonical_url = pi_strdup(s->url))) {
        err = PI_ENOMEM;
        goto done;
    }
    if (root) {
        PI_TRY_GOTO(err, pi_clean(root), done);
        if (!(t->words = pi_words_new())) {
            err = PI_ENOMEM;
            goto done;
        }
        PI_TRY_GOTO(
            err, pi_stats_build(&t->stats, find_body(root), t->words, s->max_nodes, s->max_depth),
            done);
    }
    if (t->stats.n) {
        pi_article_in in = {base,
                            r->meta.headline,
                            s->keep_title,
                            r->meta.article_body,
                            s->beta2,
                            r->meta.declared,
                            s->url ? s->url : r->meta.canonical_url,
                            s->explain,
                            given_class};
        pi_article_out out;
        err = pi_extract_article(&t->stats, t->words, &in, &r->model, &out, &t->choice);
        t->article = out;
        if (err)
            goto done;
        r->comments = out.comments;
        memset(&t->article.comments, 0, sizeof t->article.comments);
        r->layer = out.layer;
        r->confidence = out.confidence;
        if (out.typed && given < 0) {
            PI_TRY_GOTO(err, set_page_type(&r->meta, out.page_types, -1), done);
            pi_meta_by_page_type(&r->meta);
        }
    }
    /* The caller's type holds whatever the page has. */
    if (given >= 0) {
        PI_TRY_GOTO(err, set_page_type(&r->meta, NULL, given), done);
        pi_meta_by_page_type(&r->meta);
    }
    if (!(r->text = pi_render_text(&r->model, &pi_render_defaults, &r->text_len))) {
        err = PI_ENOMEM;
        goto done;
    }
    if (r->text_len > s->max_output) {
        err = PI_EOUTPUT;
        goto done;
    }
    if (t->words) {
        count_text(t->words, r);
        /* A count that failed would leave the text and its figures wrong. */
        err = pi_words_failed(t->words) ? PI_ENOMEM : PI_OK;
    } else {
        err = PI_OK;
    }
done:
    free(base);
    return err;
}

int pi_pipeline_run(const char *bytes, size_t len, const pi_settings *s, pi_result *out,
                    pi_trace *trace)
{
    pi_trace local;
    pi_trace *t = trace ? trace : &local;
    memset(out, 0, sizeof *out);
    memset(t, 0, sizeof *t);
    out->confidence = -1.0f;
    pi_input in;
    if (pi_sniff_binary(bytes, len))
        return PI_ENOTHTML;
    PI_TRY(pi_input_view(bytes, len, s->encoding, &in));
    memcpy(out->encoding, in.encoding, sizeof out->encoding);
    out->encoding[sizeof out->encoding - 1] = '\0';
    out->encoding_source = in.source;
    int err = run(in.text, in.len, s, out, t);
    pi_input_free(&in);
    if (err) {
        pi_result_free(out);
        pi_trace_free(t);
    } else if (!trace) {
        pi_trace_free(t);
    }
    return err;
}

void pi_result_free(pi_result *r)
{
    if (!r)
        return;
    pi_model_free(&r->model);
    pi_meta_free(&r->meta);
    pi_comments_free(&r->comments);
    free(r->text);
    memset(r, 0, sizeof *r);
}

void pi_trace_free(pi_trace *t)
{
    if (!t)
        return;
    pi_choice_free(&t->choice);
    pi_choice_free(&t->article.rules);
    pi_stats_free(&t->stats);
    pi_words_free(t->words);
    if (t->tree)
        pi_tree_free(t->tree);
    memset(t, 0, sizeof *t);
}

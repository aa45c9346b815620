/* pipeline.h - test helper: run the internal stages on an HTML string. */
#ifndef PI_TEST_PIPELINE_H
#define PI_TEST_PIPELINE_H

#include "blocks.h"
#include "build.h"
#include "buf.h"
#include "clean.h"
#include "dom.h"
#include "error.h"
#include "render.h"
#include "score.h"
#include "stats.h"

typedef struct run {
    xmlDocPtr doc;
    pi_words *w;
    pi_stats st;
    pi_choice ch;
} run;

static inline xmlNodePtr run_find(xmlNodePtr root, const char *name, const char *id)
{
    for (xmlNodePtr n = root; n; n = pi_next(n, root, 0)) {
        if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name))
            continue;
        const char *v = pi_attr(n, "id");
        if (!id || (v && !strcmp(v, id)))
            return n;
    }
    return NULL;
}

/* Parse, clean and number; with `choose`, also score and classify. */
static inline void run_start(run *r, const char *html, int choose)
{
    memset(r, 0, sizeof *r);
    ck_assert_int_eq(pi_parse_html(html, strlen(html), NULL, &r->doc), PI_OK);
    xmlNodePtr root = xmlDocGetRootElement(r->doc);
    pi_clean(root);
    xmlNodePtr body = run_find(root, "body", NULL);
    r->w = pi_words_new();
    ck_assert_ptr_nonnull(r->w);
    ck_assert_int_eq(pi_stats_build(&r->st, body ? body : root, r->w, 100000000, 1000000), PI_OK);
    if (choose) {
        ck_assert_int_eq(pi_choose(&r->st, 0, 0, NULL, &r->ch), PI_OK);
        pi_blocks_classify(&r->st, &r->ch, 0);
    }
}

/* The text the pipeline gives (malloc'd). */
static inline char *run_text(run *r, const char *title)
{
    pi_model m;
    pi_model_init(&m);
    ck_assert_int_eq(pi_build_model(&r->st, &r->ch, title, 0, &m), PI_OK);
    size_t len;
    char *s = pi_render_text(&m, NULL, &len);
    pi_model_free(&m);
    return s;
}

static inline void run_end(run *r)
{
    pi_choice_free(&r->ch);
    pi_stats_free(&r->st);
    pi_words_free(r->w);
    xmlFreeDoc(r->doc);
}

static inline pi_node *run_node(run *r, const char *name, const char *id)
{
    return pi_stats_of(&r->st, run_find(xmlDocGetRootElement(r->doc), name, id));
}

#endif

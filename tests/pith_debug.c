/* pith_debug - show how the extractor decided on one page (for tuning).
 *
 *   pith_debug FILE [N]
 *
 * Runs the pipeline with its trace kept and prints the layer that decided,
 * the N best candidates of the attempt that gave the text with their
 * figures, the chosen roots and every element dropped inside them
 * (PITH_DEBUG_TEXT=1: with their text). Uses the internal modules. */
#include "base/buf.h"
#include "base/error.h"
#include "extract/tune.h"
#include "pipeline.h"
#include "tree/dom.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0, r;
    char *b = malloc(cap);
    while (b && (r = fread(b + n, 1, cap - n, f)) > 0)
        if ((n += r) == cap)
            b = realloc(b, cap *= 2);
    fclose(f);
    *len = n;
    return b;
}

static void describe(const pi_trace *t, size_t i)
{
    const pi_node *r = &t->stats.nodes[i];
    const char *c = pi_attr(r->node, "class"), *id = pi_attr(r->node, "id");
    printf("<%s", pi_dom_name(r->node));
    if (id)
        printf(" id=\"%.40s\"", id);
    if (c)
        printf(" class=\"%.60s\"", c);
    printf("> words=%u link=%u para=%u p=%u w=%d score=%.1f depth=%u\n", r->words, r->link_words,
           r->n_para, r->n_p, r->weight, pi_choice_score(&t->choice, i), r->depth);
    if (getenv("PITH_DEBUG_TEXT")) {
        char *text = pi_dom_text(r->node);
        for (char *p = text; p && *p; p++)
            if (*p == '\n' || *p == '\t')
                *p = ' ';
        printf("    text: %s\n", text ? text : "");
        pi_dom_free_text(text);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: pith_debug FILE [N]\n");
        return 2;
    }
    int top = argc > 2 ? atoi(argv[2]) : 10;
    size_t len;
    char *html = slurp(argv[1], &len);
    if (!html)
        return 1;
    pi_settings s = {NULL, NULL, 100000000, 1000000, (size_t)-1, 0, PI_LEARNED_BETA2, 0, NULL};
    pi_result r;
    pi_trace t;
    int err = pi_pipeline_run(html, len, &s, &r, &t);
    free(html);
    if (err) {
        fprintf(stderr, "pith_debug: extraction failed (%d)\n", err);
        return 1;
    }
    static const char *const layers[] = {
        "none", "score", "fallback", "relaxed", "relaxed-fallback", "json-ld"};
    printf("encoding %s (%s), layer %s, headline %s\n", r.encoding, r.encoding_source,
           layers[r.layer], r.meta.headline ? r.meta.headline : "(none)");
    const pi_choice *c = &t.choice;
    if (t.stats.n && c->n_nodes) {
        /* The best candidates, by score. */
        uint8_t *shown = calloc(t.stats.n, 1);
        for (int k = 0; shown && k < top; k++) {
            long best = -1;
            for (size_t i = 0; i < t.stats.n; i++)
                if (c->candidate[i] && !shown[i] && (best < 0 || c->score[i] > c->score[best]))
                    best = (long)i;
            if (best < 0)
                break;
            printf("cand %d: ", k);
            describe(&t, (size_t)best);
            shown[best] = 1;
        }
        free(shown);
        printf("top ");
        describe(&t, (size_t)c->top);
        for (size_t k = 0; k < c->n; k++) {
            printf("root: ");
            describe(&t, (size_t)c->roots[k]);
        }
        for (size_t i = 0; i < t.stats.n; i++) {
            int32_t p = t.stats.nodes[i].parent;
            if (c->drop[i] && (p < 0 || !c->drop[p])) {
                printf("  drop%s ", c->drop[i] == PI_DROP_BYLINE ? " (byline)" : "");
                describe(&t, i);
            }
        }
    }
    pi_trace_free(&t);
    pi_result_free(&r);
    return 0;
}

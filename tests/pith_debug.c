/* pith_debug - show how the extractor decided on one page (for tuning).
 *
 *   pith_debug FILE [N]
 *
 * Prints the N best candidates with their figures, the chosen roots and
 * every element dropped inside them. Uses the internal modules. */
#include "blocks.h"
#include "buf.h"
#include "error.h"
#include "clean.h"
#include "dom.h"
#include "input.h"
#include "metadata.h"
#include "score.h"
#include "stats.h"

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
    while ((r = fread(b + n, 1, cap - n, f)) > 0)
        if ((n += r) == cap)
            b = realloc(b, cap *= 2);
    fclose(f);
    *len = n;
    return b;
}

static void describe(const pi_node *r)
{
    const char *c = pi_attr(r->node, "class"), *i = pi_attr(r->node, "id");
    printf("<%s", r->node->name);
    if (i)
        printf(" id=\"%.40s\"", i);
    if (c)
        printf(" class=\"%.60s\"", c);
    printf("> words=%u link=%u para=%u p=%u w=%d score=%.1f depth=%u\n", r->words,
           r->link_words, r->n_para, r->n_p, r->weight, r->score, r->depth);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    int top = argc > 2 ? atoi(argv[2]) : 10;
    size_t len;
    char *html = slurp(argv[1], &len);
    if (!html)
        return 1;
    pi_input in;
    pi_input_decode(html, len, NULL, &in);
    printf("encoding %s (%s)\n", in.encoding, in.source);
    xmlDocPtr doc;
    if (pi_parse_html(in.utf8, in.len, NULL, &doc) != PI_OK)
        return 1;
    pi_meta meta;
    if (pi_meta_extract(doc, NULL, &meta) != PI_OK)
        memset(&meta, 0, sizeof meta);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    pi_clean(root);
    xmlNodePtr body = root;
    for (xmlNodePtr n = root; n; n = pi_next(n, root, 0))
        if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, "body")) {
            body = n;
            break;
        }
    pi_words *w = pi_words_new();
    pi_stats st;
    pi_stats_build(&st, body, w, 100000000, 1000000);
    pi_choice ch;
    pi_choose(&st, 0, argc > 3 ? atoi(argv[3]) : 0, meta.title, &ch);
    /* best candidates */
    for (int k = 0; k < top; k++) {
        int best = -1;
        for (size_t i = 0; i < st.n; i++)
            if (st.nodes[i].candidate && !st.nodes[i].drop &&
                (best < 0 || st.nodes[i].score > st.nodes[best].score))
                best = (int)i;
        if (best < 0)
            break;
        printf("cand %d: ", k);
        describe(&st.nodes[best]);
        st.nodes[best].drop = 2;
    }
    for (size_t i = 0; i < st.n; i++)
        if (st.nodes[i].drop == 2)
            st.nodes[i].drop = 0;
    printf("layer %s, top ", ch.layer);
    describe(&st.nodes[ch.top]);
    for (size_t k = 0; k < ch.n; k++) {
        printf("root: ");
        describe(&st.nodes[ch.roots[k]]);
        if (getenv("PITH_DEBUG_TEXT")) {
            xmlChar *t = xmlNodeGetContent(st.nodes[ch.roots[k]].node);
            if (t) {
                for (xmlChar *c = t; *c; c++)
                    if (*c == '\n' || *c == '\t')
                        *c = ' ';
                printf("    text: %s\n", (const char *)t);
            }
            xmlFree(t);
        }
    }
    pi_blocks_classify(&st, &ch, argc > 3 ? atoi(argv[3]) : 0);
    for (size_t i = 0; i < st.n; i++)
        if (st.nodes[i].drop && (st.nodes[i].parent < 0 || !st.nodes[st.nodes[i].parent].drop)) {
            printf("  drop ");
            describe(&st.nodes[i]);
            if (getenv("PITH_DEBUG_TEXT")) {
                xmlChar *t = xmlNodeGetContent(st.nodes[i].node);
                if (t) {
                    for (xmlChar *c = t; *c; c++)
                        if (*c == '\n' || *c == '\t')
                            *c = ' ';
                    printf("    text: %s\n", (const char *)t);
                }
                xmlFree(t);
            }
        }
    return 0;
}

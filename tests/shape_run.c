/* shape_run - extract one generated pathological page; the work that
 * test-linear.sh measures under callgrind. Public API only.
 *
 *   shape_run SHAPE N     print "status text-length rendered-length input-length"
 *   shape_run -l          list the shapes
 *
 * Every limit is raised to its maximum so that the whole page is processed,
 * and the document is rendered in all four formats.
 *
 * The work runs in a thread of its own, whose allocations glibc takes from
 * an mmap'd arena: in the main thread they grow the heap with brk, and
 * valgrind's brk segment is fixed; once it is full, glibc falls back to
 * mmap but leaves errno at ENOMEM, which the parse takes for an allocation
 * libxml2 could not report (dom.c) on the largest pages. */
#include <pith.h>

#include "shapes.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct job {
    const char *html;
    size_t len;
    pith_options *o;
    int status;
};

static void *run(void *arg)
{
    struct job *j = arg;
    pith_doc *doc = NULL;
    pith_status s = pith_extract(j->html, j->len, j->o, &doc);
    size_t rendered = 0;
    for (int f = PITH_FORMAT_TEXT; s == PITH_OK && f <= PITH_FORMAT_JSON; f++) {
        char *out = NULL;
        size_t n = 0;
        s = pith_doc_render(doc, (pith_format)f, j->o, &out, &n);
        rendered += n;
        pith_free(out);
    }
    printf("%s %zu %zu %zu\n", s == PITH_OK ? "ok" : pith_strerror(s), pith_doc_text_length(doc),
           rendered, j->len);
    pith_doc_free(doc);
    j->status = s;
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "-l")) {
        for (int i = 0; pi_shape_names[i]; i++)
            puts(pi_shape_names[i]);
        return 0;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: shape_run SHAPE N | shape_run -l\n");
        return 2;
    }
    size_t len = 0;
    char *html = pi_shape_make(argv[1], strtoull(argv[2], NULL, 10), &len);
    if (!html) {
        fprintf(stderr, "shape_run: unknown shape %s\n", argv[1]);
        return 2;
    }
    pith_options *o = pith_options_new();
    if (!o || pith_options_set_int(o, PITH_OPT_MAX_INPUT_SIZE, 2147483647LL) ||
        pith_options_set_int(o, PITH_OPT_MAX_DEPTH, 1000000) ||
        pith_options_set_int(o, PITH_OPT_MAX_NODES, 100000000) ||
        pith_options_set_int(o, PITH_OPT_MAX_OUTPUT_SIZE, 2147483647LL)) {
        fprintf(stderr, "shape_run: options failed\n");
        return 1;
    }
    struct job j = {html, len, o, PITH_OK};
    pthread_t t;
    if (pthread_create(&t, NULL, run, &j) != 0) {
        fprintf(stderr, "shape_run: no thread\n");
        return 1;
    }
    pthread_join(t, NULL);
    pith_options_free(o);
    free(html);
    return j.status == PITH_OK ? 0 : 1;
}

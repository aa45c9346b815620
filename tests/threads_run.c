/* threads_run - extract pages from many threads at once and compare with
 * one thread. Public API only; test-threads.sh runs it, also built with
 * ThreadSanitizer.
 *
 *   threads_run [-t THREADS] FILE...
 *
 * First every page is extracted in this thread. Then THREADS threads (8 by
 * default) each extract every page, starting at a different one so that
 * different pages run at the same time, all sharing one read-only
 * pith_options. Every text and title must be byte-identical to the first
 * pass. Exit status 0 when all match, 1 otherwise, 2 on usage errors. */
#include <pith.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *html;
    size_t len;
    char *text, *title;
    pith_status status;
} page;

static page *pages;
static int npages;
static const pith_options *shared_options;

typedef struct {
    int first;
    int mismatches;
} job;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, r;
    do {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            char *p = realloc(buf, cap);
            if (!p) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = p;
        }
        r = fread(buf + n, 1, cap - n, f);
        n += r;
    } while (r > 0);
    fclose(f);
    *len = n;
    return buf;
}

static char *dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static void *worker(void *arg)
{
    job *j = arg;
    for (int k = 0; k < npages; k++) {
        page *p = &pages[(j->first + k) % npages];
        pith_doc *doc = NULL;
        pith_status s = pith_extract(p->html, p->len, shared_options, &doc);
        if (s != p->status || (s == PITH_OK && (strcmp(pith_doc_text(doc), p->text) ||
                                                strcmp(pith_doc_title(doc), p->title))))
            j->mismatches++;
        pith_doc_free(doc);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    int threads = 8, a = 1;
    if (a + 1 < argc && !strcmp(argv[a], "-t")) {
        threads = atoi(argv[a + 1]);
        a += 2;
    }
    if (threads < 1 || threads > 256 || a >= argc) {
        fprintf(stderr, "usage: threads_run [-t THREADS] FILE...\n");
        return 2;
    }
    npages = argc - a;
    pages = calloc((size_t)npages, sizeof *pages);
    pith_options *o = pith_options_new();
    if (!pages || !o || pith_init() != PITH_OK) {
        fprintf(stderr, "threads_run: out of memory or init failed\n");
        return 1;
    }
    pith_options_set_string(o, PITH_OPT_URL, "https://example.org/articles/page.html");
    shared_options = o;
    for (int i = 0; i < npages; i++) {
        page *p = &pages[i];
        p->html = read_file(argv[a + i], &p->len);
        if (!p->html) {
            fprintf(stderr, "threads_run: cannot read %s\n", argv[a + i]);
            return 2;
        }
        pith_doc *doc = NULL;
        p->status = pith_extract(p->html, p->len, o, &doc);
        p->text = dup(pith_doc_text(doc));
        p->title = dup(pith_doc_title(doc));
        pith_doc_free(doc);
        if (!p->text || !p->title)
            return 1;
    }

    pthread_t *tid = calloc((size_t)threads, sizeof *tid);
    job *jobs = calloc((size_t)threads, sizeof *jobs);
    if (!tid || !jobs)
        return 1;
    for (int t = 0; t < threads; t++) {
        jobs[t].first = (int)((long long)t * npages / threads);
        if (pthread_create(&tid[t], NULL, worker, &jobs[t]) != 0) {
            fprintf(stderr, "threads_run: pthread_create failed\n");
            return 1;
        }
    }
    int mismatches = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(tid[t], NULL);
        mismatches += jobs[t].mismatches;
    }
    printf("threads_run: %d pages x %d threads, %d mismatches\n", npages, threads, mismatches);

    for (int i = 0; i < npages; i++) {
        free(pages[i].html);
        free(pages[i].text);
        free(pages[i].title);
    }
    free(pages);
    free(tid);
    free(jobs);
    pith_options_free(o);
    return mismatches ? 1 : 0;
}

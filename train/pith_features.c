/* pith_features - the feature rows of every text block of some pages, for
 * training the learned decisions (train/train.py).
 *
 *   pith_features [-u] [-P pages.tsv] DIR|FILE... > blocks.tsv
 *
 * Runs the library's own pipeline on each page (with -u, given the "url" of
 * its gold file <id>.json, as corpus_run -u does) and writes one line per
 * text block: the page id, the block's index, every feature of
 * lib/extract/feature.h (the header line names them) and the block's own
 * text, white space collapsed. With -P, the page rows go to that file: the
 * page id and every page feature, and again as if the page had been given
 * no URL (id#nourl). The rows are exactly what the library's
 * inference computes: this tool adds no feature of its own. Uses the
 * internal modules. */
#define _POSIX_C_SOURCE 200809L
#include "base/buf.h"
#include "base/error.h"
#include "extract/feature.h"
#include "pipeline.h"
#include "tree/dom.h"

#include <dirent.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, r;
    char *b = malloc(cap);
    while (b && (r = fread(b + n, 1, cap - n, f)) > 0)
        if ((n += r) == cap) {
            char *p = realloc(b, cap *= 2);
            if (!p) {
                free(b);
                b = NULL;
            }
            b = p;
        }
    fclose(f);
    *len = n;
    return b;
}

static char *gold_url(const char *html_path)
{
    size_t l = strlen(html_path);
    if (l < 5 || strcmp(html_path + l - 5, ".html"))
        return NULL;
    char *json = strdup(html_path);
    strcpy(json + l - 5, ".json");
    json_object *o = json_object_from_file(json), *u = NULL;
    free(json);
    char *url = NULL;
    if (o && json_object_object_get_ex(o, "url", &u) && json_object_is_type(u, json_type_string))
        url = strdup(json_object_get_string(u));
    json_object_put(o);
    return url;
}

/* Append a text node's characters to its block's text, white space
 * collapsed, tabs and newlines never written. */
static void put_text(pi_buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (b->len && b->data[b->len - 1] != ' ')
                pi_buf_putc(b, ' ');
        } else {
            pi_buf_putc(b, (char)c);
        }
    }
}

static FILE *pages;

static int dump(const char *path, const char *id, int urls)
{
    size_t len;
    char *html = slurp(path, &len);
    if (!html)
        return 1;
    char *url = urls ? gold_url(path) : NULL;
    const char *page_url = url;
    /* The rules alone: their choice is what the features read. */
    pi_settings s = {url, NULL, 5000000, 10000, (size_t)1 << 30, 0, 0.0f, 0};
    pi_result r;
    pi_trace t;
    int err = pi_pipeline_run(html, len, &s, &r, &t);
    free(html);
    if (err) {
        free(url);
        fprintf(stderr, "pith_features: %s: failed (%d)\n", path, err);
        return 1;
    }
    pi_features f;
    pi_page_in in = {&t.choice, (int)r.layer, r.meta.declared,
                     page_url ? page_url : r.meta.canonical_url};
    if (t.stats.n && pi_features_build(&t.stats, &in, &f) == PI_OK) {
        if (pages) {
            /* The row, and the row of the same page given no address
             * (id#nourl): the page model learns to do without one. */
            pi_features g;
            pi_page_in bare = in;
            bare.url = NULL;
            for (int v = 0; v < 2; v++) {
                const pi_features *row = &f;
                if (v && pi_features_build(&t.stats, &bare, &g) != PI_OK)
                    break;
                if (v)
                    row = &g;
                fprintf(pages, "%s%s", id, v ? "#nourl" : "");
                for (int j = 0; j < PI_N_PAGE_FEATURES; j++)
                    fprintf(pages, "\t%.9g", (double)row->page[j]);
                fprintf(pages, "\n");
                if (v)
                    pi_features_free(&g);
            }
        }
        /* Each block's own text: its text nodes, in document order. */
        pi_buf *text = calloc(t.stats.n, sizeof *text);
        pi_dom *root = t.stats.nodes[0].node;
        for (pi_dom *x = root; text && x; x = pi_next(x, root, 0)) {
            if (!pi_dom_has_chars(x) || !pi_dom_chars(x))
                continue;
            const pi_node *p = pi_stats_of(&t.stats, pi_dom_parent(x));
            if (p)
                put_text(&text[p->block], pi_dom_chars(x));
        }
        for (size_t k = 0; text && k < f.n; k++) {
            printf("%s\t%d", id, (int)f.block[k]);
            for (int j = 0; j < PI_N_FEATURES; j++)
                printf("\t%.9g", (double)f.x[k * PI_N_FEATURES + j]);
            const pi_buf *b = &text[f.block[k]];
            printf("\t%.*s\n", (int)b->len, b->data ? b->data : "");
        }
        for (size_t i = 0; text && i < t.stats.n; i++)
            pi_buf_free(&text[i]);
        free(text);
        pi_features_free(&f);
    }
    pi_trace_free(&t);
    pi_result_free(&r);
    free(url);
    return 0;
}

/* A feature's name as the dump's header writes it: lowercase. */
static void put_name(FILE *f, const char *name)
{
    for (const char *c = name; *c; c++)
        fputc(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c, f);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    int urls = 0, argi = 1, failed = 0;
    for (; argi < argc && argv[argi][0] == '-'; argi++) {
        if (!strcmp(argv[argi], "-u")) {
            urls = 1;
        } else if (!strcmp(argv[argi], "-P") && argi + 1 < argc) {
            if (!(pages = fopen(argv[++argi], "w"))) {
                perror(argv[argi]);
                return 2;
            }
        } else {
            break;
        }
    }
    if (argi >= argc) {
        fprintf(stderr, "usage: pith_features [-u] [-P pages.tsv] DIR|FILE... > blocks.tsv\n");
        return 2;
    }
    printf("page\tblock");
    for (int j = 0; j < PI_N_FEATURES; j++) {
        printf("\t");
        put_name(stdout, pi_feature_names[j]);
    }
    printf("\ttext\n");
    if (pages) {
        fprintf(pages, "page");
        for (int j = 0; j < PI_N_PAGE_FEATURES; j++) {
            fprintf(pages, "\t");
            put_name(pages, pi_page_feature_names[j]);
        }
        fprintf(pages, "\n");
    }
    for (; argi < argc; argi++) {
        DIR *d = opendir(argv[argi]);
        if (!d) {
            const char *base = strrchr(argv[argi], '/');
            char *id = strdup(base ? base + 1 : argv[argi]);
            char *dot = strrchr(id, '.');
            if (dot)
                *dot = '\0';
            failed |= dump(argv[argi], id, urls);
            free(id);
            continue;
        }
        size_t n = 0, cap = 256;
        char **names = malloc(cap * sizeof *names);
        struct dirent *e;
        while ((e = readdir(d))) {
            size_t l = strlen(e->d_name);
            if (l < 6 || strcmp(e->d_name + l - 5, ".html"))
                continue;
            if (n == cap)
                names = realloc(names, (cap *= 2) * sizeof *names);
            names[n++] = strdup(e->d_name);
        }
        closedir(d);
        qsort(names, n, sizeof *names, cmp);
        for (size_t i = 0; i < n; i++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[argi], names[i]);
            names[i][strlen(names[i]) - 5] = '\0';
            failed |= dump(path, names[i], urls);
            free(names[i]);
        }
        free(names);
    }
    if (pages && fclose(pages) != 0)
        failed = 1;
    return failed;
}

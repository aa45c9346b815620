/* corpus_run - run pith_extract over every page of a folder.
 *
 *   corpus_run [-o OUTDIR] [-t] [-f FORMAT]... [-I] [-u] [-F FAVOR] DIR|FILE...
 *
 * Writes OUTDIR/<id>.txt (the text) for each <id>.html when -o is given;
 * with -u each page is given the "url" of its gold file <id>.json (when it
 * has one) as PITH_OPT_URL, as a crawler gives the address it fetched;
 * with -t the title is written to OUTDIR/<id>.title; each -f md|html|json
 * also writes OUTDIR/<id>.md, .html or .json (-I: without images); -F sets
 * PITH_OPT_FAVOR (0 balanced, 1 precision, 2 recall). Prints one summary line:
 * pages, failures, empty results, empty results where the gold has text
 * (with -u), bytes, seconds, pages/s, MB/s.
 * Exits 1 if any page failed with a status other than PITH_OK. */
#define _POSIX_C_SOURCE 200809L
#include <pith.h>

#include <dirent.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0) {
        fclose(f);
        return NULL;
    }
    char *buf = malloc((size_t)sb.st_size + 1);
    if (buf)
        *len = fread(buf, 1, (size_t)sb.st_size, f);
    fclose(f);
    return buf;
}

/* The "url" of the gold file beside `html_path` (<id>.json), malloc'd, or
 * NULL when there is none; *has_text tells whether the gold has text. */
static char *gold_url(const char *html_path, int *has_text)
{
    *has_text = 0;
    size_t l = strlen(html_path);
    if (l < 5 || strcmp(html_path + l - 5, ".html"))
        return NULL;
    char *json = malloc(l + 1);
    if (!json)
        return NULL;
    memcpy(json, html_path, l - 5);
    strcpy(json + l - 5, ".json");
    json_object *o = json_object_from_file(json), *u = NULL;
    free(json);
    char *url = NULL;
    if (o && json_object_object_get_ex(o, "url", &u) && json_object_is_type(u, json_type_string))
        url = strdup(json_object_get_string(u));
    if (o && json_object_object_get_ex(o, "text", &u) && json_object_is_type(u, json_type_string))
        *has_text = json_object_get_string_len(u) > 0;
    json_object_put(o);
    return url;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *out = NULL;
    int titles = 0, urls = 0, argi = 1, formats[8], n_formats = 0, favor = 0;
    pith_options *ropts = pith_options_new();
    while (argi < argc && argv[argi][0] == '-') {
        if (!strcmp(argv[argi], "-o") && argi + 1 < argc) {
            out = argv[argi + 1];
            argi += 2;
        } else if (!strcmp(argv[argi], "-t")) {
            titles = 1;
            argi++;
        } else if (!strcmp(argv[argi], "-u")) {
            urls = 1;
            argi++;
        } else if (!strcmp(argv[argi], "-F") && argi + 1 < argc) {
            favor = atoi(argv[argi + 1]);
            argi += 2;
        } else if (!strcmp(argv[argi], "-I")) {
            pith_options_set_int(ropts, PITH_OPT_IMAGES, 0);
            argi++;
        } else if (!strcmp(argv[argi], "-f") && argi + 1 < argc && n_formats < 8) {
            const char *f = argv[argi + 1];
            formats[n_formats++] = !strcmp(f, "md")     ? PITH_FORMAT_MARKDOWN
                                   : !strcmp(f, "html") ? PITH_FORMAT_HTML
                                   : !strcmp(f, "json") ? PITH_FORMAT_JSON
                                                        : PITH_FORMAT_TEXT;
            argi += 2;
        } else {
            fprintf(stderr,
                    "usage: corpus_run [-o OUTDIR] [-t] [-f FORMAT]... [-I] [-u] [-F FAVOR] "
                    "DIR|FILE...\n");
            return 2;
        }
    }
    size_t n = 0, cap = 1024;
    char **files = malloc(cap * sizeof *files);
    for (; argi < argc; argi++) {
        DIR *d = opendir(argv[argi]);
        if (!d) {
            files[n++] = strdup(argv[argi]);
        } else {
            struct dirent *e;
            while ((e = readdir(d))) {
                size_t l = strlen(e->d_name);
                if (l < 6 || strcmp(e->d_name + l - 5, ".html"))
                    continue;
                if (n + 1 >= cap)
                    files = realloc(files, (cap *= 2) * sizeof *files);
                char *p = malloc(strlen(argv[argi]) + l + 2);
                sprintf(p, "%s/%s", argv[argi], e->d_name);
                files[n++] = p;
            }
            closedir(d);
        }
        if (n + 1 >= cap)
            files = realloc(files, (cap *= 2) * sizeof *files);
    }
    qsort(files, n, sizeof *files, cmp);

    size_t failed = 0, empty = 0, missed = 0, bytes = 0;
    double spent = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = 0;
        char *html = slurp(files[i], &len);
        if (!html) {
            fprintf(stderr, "corpus_run: cannot read %s\n", files[i]);
            failed++;
            continue;
        }
        pith_options *eopts = NULL;
        int gold_text = 0;
        char *url = urls ? gold_url(files[i], &gold_text) : NULL;
        if (url || favor) {
            eopts = pith_options_new();
            if (!eopts || (url && pith_options_set_string(eopts, PITH_OPT_URL, url) != PITH_OK) ||
                (favor && pith_options_set_int(eopts, PITH_OPT_FAVOR, favor) != PITH_OK)) {
                fprintf(stderr, "corpus_run: %s: cannot set the options\n", files[i]);
                return 2;
            }
            free(url);
        }
        pith_doc *doc = NULL;
        double t0 = now();
        pith_status s = pith_extract(html, len, eopts, &doc);
        pith_options_free(eopts);
        spent += now() - t0;
        bytes += len;
        free(html);
        if (s != PITH_OK) {
            fprintf(stderr, "corpus_run: %s: %s\n", files[i], pith_strerror(s));
            failed++;
            continue;
        }
        if (pith_doc_text_length(doc) == 0) {
            empty++;
            missed += gold_text;
        }
        if (out) {
            const char *base = strrchr(files[i], '/');
            base = base ? base + 1 : files[i];
            size_t bl = strlen(base);
            if (bl > 5 && !strcmp(base + bl - 5, ".html"))
                bl -= 5;
            char *path = malloc(strlen(out) + bl + 16);
            sprintf(path, "%s/%.*s.txt", out, (int)bl, base);
            FILE *f = fopen(path, "wb");
            if (f) {
                fwrite(pith_doc_text(doc), 1, pith_doc_text_length(doc), f);
                fclose(f);
            }
            for (int k = 0; k < n_formats; k++) {
                static const char *const ext[] = {"", "txt", "md", "html", "json"};
                char *rendered = NULL;
                size_t rlen = 0;
                pith_status rs = pith_doc_render(doc, (pith_format)formats[k], ropts, &rendered,
                                                 &rlen);
                if (rs != PITH_OK) {
                    fprintf(stderr, "corpus_run: %s: render: %s\n", files[i], pith_strerror(rs));
                    failed++;
                    continue;
                }
                sprintf(path, "%s/%.*s.%s", out, (int)bl, base, ext[formats[k]]);
                f = fopen(path, "wb");
                if (f) {
                    fwrite(rendered, 1, rlen, f);
                    fclose(f);
                }
                pith_free(rendered);
            }
            if (titles) {
                sprintf(path, "%s/%.*s.title", out, (int)bl, base);
                f = fopen(path, "wb");
                if (f) {
                    fputs(pith_doc_title(doc), f);
                    fclose(f);
                }
            }
            free(path);
        }
        pith_doc_free(doc);
    }
    printf("pages=%zu failed=%zu empty=%zu missed=%zu bytes=%zu seconds=%.3f pages_per_s=%.1f "
           "mb_per_s=%.2f\n",
           n, failed, empty, missed, bytes, spent, spent > 0 ? (double)n / spent : 0.0,
           spent > 0 ? (double)bytes / 1e6 / spent : 0.0);
    for (size_t i = 0; i < n; i++)
        free(files[i]);
    free(files);
    pith_options_free(ropts);
    return failed ? 1 : 0;
}

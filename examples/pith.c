/*
 * pith - print the article of web pages as text, Markdown, HTML or JSON,
 * or explain what was kept and dropped (--explain).
 *
 *   pith [OPTIONS] [FILE...]
 *
 * Each FILE (standard input when there is none, or for "-") is an HTML page
 * (gzipped or not) or a WARC file, told apart by their content. Pages are
 * handed to pith_extract() by -j worker threads, rendered with
 * pith_doc_render() and written in input order to standard output, or with
 * --output-dir to DIR/PATH.EXT. See pith.1 for the full description.
 *
 * This program only uses the public API in <pith.h> (and zlib, for .gz
 * pages): it parses flags, reads files, calls the library and writes what it
 * returns.
 */
#define _POSIX_C_SOURCE 200809L /* fileno, isatty, strcasecmp, mkdir, open_memstream */

#include <pith.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

enum exit_code { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

/* Long-only options get values outside the range of characters. */
enum {
    OPT_KEEP_TITLE = 256,
    OPT_NO_LINKS,
    OPT_NO_IMAGES,
    OPT_NO_TABLES,
    OPT_NO_FORMATTING,
    OPT_STANDALONE,
    OPT_JSON_CONTENT,
    OPT_FAVOR,
    OPT_PROGRESS,
    OPT_NO_PROGRESS,
    OPT_EXPLAIN,
    OPT_COMMENTS,
    OPT_PAGE_TYPE
};

/* ---- Tuning ------------------------------------------------------------ */

/* Pages in flight per worker thread: enough that a slow page does not stall
 * the others while output waits for it, few enough to bound memory. */
#define JOBS_PER_WORKER 4
#define MAX_JOBS 256
/* The progress line is redrawn at most this often (milliseconds). */
#define PROGRESS_INTERVAL_MS 100
/* A gzipped page may inflate to at most this much (the library's own input
 * limit, PITH_OPT_MAX_INPUT_SIZE, rejects it later anyway). */
#define GUNZIP_LIMIT ((size_t)1 << 30)
/* Bytes read to tell a WARC file from a page. */
#define PROBE_BYTES 4096

struct settings {
    const char *url;
    const char *encoding;
    const char *output_dir;
    const char *list_file; /* -i */
    pith_format format;
    int print_title;
    int print_metadata;
    int keep_title;
    int favor;             /* a pith_favor */
    const char *page_type; /* --page-type, checked by the library */
    int comments;          /* --comments */
    int quiet;
    int recursive;
    int progress; /* -1 when the terminal decides, else 0 or 1 */
    long jobs;
    /* Render options, 0 or 1, as the flags leave them. */
    int links, images, tables, formatting, standalone;
    int json_content; /* 0 or the pith_format of the JSON "content" member */
};
/* The names -f and --json-content accept, with the file extension of the
 * format in batch mode. */
static const struct format_name {
    const char *name;
    pith_format format;
    const char *extension;
    /* clang-format off */
} FORMAT_NAMES[] = {
    {"txt", PITH_FORMAT_TEXT, ".txt"},       {"text", PITH_FORMAT_TEXT, ".txt"},
    {"markdown", PITH_FORMAT_MARKDOWN, ".md"}, {"md", PITH_FORMAT_MARKDOWN, ".md"},
    {"html", PITH_FORMAT_HTML, ".html"},     {"json", PITH_FORMAT_JSON, ".json"},
    {"explain", PITH_FORMAT_EXPLAIN, ".explain.html"},
};
/* clang-format on */

/* The fields --metadata prints, in this order, under the names the JSON
 * output uses for them. */
static const struct field_name {
    pith_field field;
    const char *key;
} FIELD_NAMES[] = {
    {PITH_FIELD_TITLE, "title"},
    {PITH_FIELD_HEADLINE, "headline"},
    {PITH_FIELD_AUTHORS, "authors"},
    {PITH_FIELD_PUBLISHED, "published"},
    {PITH_FIELD_MODIFIED, "modified"},
    {PITH_FIELD_SITE_NAME, "site_name"},
    {PITH_FIELD_DESCRIPTION, "description"},
    {PITH_FIELD_LANGUAGE, "language"},
    {PITH_FIELD_DIRECTION, "direction"},
    {PITH_FIELD_URL, "url"},
    {PITH_FIELD_IMAGE, "image"},
    {PITH_FIELD_TAGS, "tags"},
    {PITH_FIELD_PAGE_TYPE, "page_type"},
    {PITH_FIELD_ENCODING, "encoding"},
    {PITH_FIELD_ENCODING_SOURCE, "encoding_source"},
    {PITH_FIELD_LAYER, "layer"},
    {PITH_FIELD_CONFIDENCE, "confidence"},
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static void usage(void)
{
    fputs("Usage: pith [OPTIONS] [FILE...]\n"
          "Print the article of each HTML page (standard input when no FILE is\n"
          "given, or for -) as plain text, Markdown, HTML or JSON. A FILE may be\n"
          "gzipped, or a WARC file (plain or .gz): each of its HTML records is a page.\n"
          "\n"
          "  -u, --url URL           the URL the page came from\n"
          "  -e, --encoding LABEL    the charset the server declared (e.g. windows-1251)\n"
          "  -f, --format FORMAT     txt (default), markdown (or md), html, json or explain\n"
          "  -t, --title             txt: print the page title as the first line\n"
          "  -m, --metadata          txt: print the metadata as 'key: value' lines,\n"
          "                          then a blank line, before the text\n"
          "      --keep-title        keep the title in the text when the article repeats it\n"
          "      --favor WHAT        precision (less furniture, some text lost), recall\n"
          "                          (more text, more furniture) or balanced (default)\n"
          "      --page-type TYPE    the kind of page, instead of the page model's guess:\n"
          "                          article, blog, product, collection, listing, forum,\n"
          "                          documentation or service\n"
          "      --no-links          link text without the link (markdown, html)\n"
          "      --no-images         leave out the article's images (markdown, html)\n"
          "      --no-tables         leave out tables\n"
          "      --no-formatting     no emphasis, strong or inline code (markdown, html)\n"
          "      --standalone        html: a whole page instead of an <article> fragment\n"
          "      --comments          write the reader comments after the article\n"
          "                          (txt, markdown, html; json always has them)\n"
          "      --json-content FORMAT\n"
          "                          json: add the article as markdown or html too\n"
          "  -r, --recursive         read directories: their .htm, .html, .xhtml and\n"
          "                          .warc files (also .gz), in name order\n"
          "  -i, --input-list FILE   read the paths to read from FILE, one a line\n"
          "                          (- for standard input)\n"
          "  -j, --jobs N            extract with N threads (default: one per core);\n"
          "                          the output keeps the order of the input\n"
          "      --explain           an HTML page that shows what was kept, what was\n"
          "                          dropped and why (the same as --format explain)\n"
          "  -o, --output-dir DIR    write DIR/PATH.EXT for each input instead of stdout,\n"
          "                          EXT following the format: txt, md, html, json or\n"
          "                          explain.html\n"
          "      --progress          show the progress line on stderr even if it is no\n"
          "                          terminal; --no-progress never shows it\n"
          "  -q, --quiet             no progress line and no failure count\n"
          "  -h, --help              show this help and exit\n"
          "  -V, --version           show the library version and exit\n"
          "\n"
          "Several documents on stdout are separated by a blank line; in json,\n"
          "each is one line (JSON Lines) with a \"source\" object, and an input that\n"
          "fails gives a line with \"source\", \"error\" and \"status\". With -m, authors\n"
          "and tags give one line per value ('authors: NAME' repeated).\n"
          "Exit status: 0 success, 1 an input failed, 2 usage error.\n",
          stdout);
}

/* ---- Progress ------------------------------------------------------------ */

/* The progress line on stderr (see progress_wanted()): pages and files
 * done, rates, the time left from the bytes still to read, failures. Drawn
 * by the main thread only. */
struct progress {
    int enabled;
    size_t width; /* characters currently on the line, to blank them out */
    unsigned long long pages, failures;
    unsigned long long bytes_done, bytes_total; /* total 0: unknown */
    size_t files_done, files_total;
    struct timespec start, last;
};

static double seconds_since(const struct timespec *t)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void progress_clear(struct progress *p)
{
    if (p->enabled && p->width > 0) {
        fprintf(stderr, "\r%*s\r", (int)p->width, "");
        p->width = 0;
        fflush(stderr);
    }
}

static size_t terminal_width(void)
{
    struct winsize ws;
    const char *columns = getenv("COLUMNS");

    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    if (columns && atoi(columns) > 0)
        return (size_t)atoi(columns);
    return 80;
}

/* Redraw the line, at most every PROGRESS_INTERVAL_MS unless `force`. */
static void progress_show(struct progress *p, int force)
{
    char line[256], eta[32] = "";
    double elapsed, rate, bytes_rate;
    size_t n, width;

    if (!p->enabled ||
        (!force && p->last.tv_sec != 0 && seconds_since(&p->last) * 1000 < PROGRESS_INTERVAL_MS))
        return;
    clock_gettime(CLOCK_MONOTONIC, &p->last);
    elapsed = seconds_since(&p->start);
    if (elapsed <= 0)
        elapsed = 1e-3;
    rate = (double)p->pages / elapsed;
    bytes_rate = (double)p->bytes_done / elapsed;
    if (p->bytes_total > p->bytes_done && bytes_rate > 0) {
        unsigned long left = (unsigned long)((double)(p->bytes_total - p->bytes_done) / bytes_rate);
        snprintf(eta, sizeof eta, ", ETA %lu:%02lu:%02lu", left / 3600, left / 60 % 60, left % 60);
    }
    snprintf(line, sizeof line, "%llu pages, %zu/%zu files, %.1f pages/s, %.1f MB/s%s, %llu failed",
             p->pages, p->files_done, p->files_total, rate, bytes_rate / 1e6, eta, p->failures);
    /* One column short of the width: a full line would wrap on some
     * terminals and defeat the carriage return. */
    width = terminal_width();
    n = strlen(line);
    if (n >= width)
        n = width > 1 ? width - 1 : 0;
    line[n] = '\0';
    fprintf(stderr, "\r%s", line);
    if (p->width > n)
        fprintf(stderr, "%*s\r%s", (int)(p->width - n), "", line);
    p->width = n;
    fflush(stderr);
}

/* Print "pith: WHAT: WHY" on stderr without tearing the progress line. */
static void report(struct progress *p, const char *what, const char *why)
{
    progress_clear(p);
    fprintf(stderr, "pith: %s: %s\n", what, why);
}

/* Read a stream to its end into a malloc'd buffer. Returns 0, or an errno
 * value with *data left NULL. A regular file's size sizes the first
 * allocation; pipes and terminals grow the buffer geometrically. */
static int read_stream(FILE *in, char **data, size_t *len)
{
    struct stat st;
    size_t cap = 64 * 1024, used = 0;
    char *buf;

    *data = NULL;
    *len = 0;
    if (fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (unsigned long long)st.st_size < (unsigned long long)SIZE_MAX - 1)
        cap = (size_t)st.st_size + 1; /* +1 to see end-of-file in one read */
    buf = malloc(cap);
    if (!buf)
        return ENOMEM;
    errno = 0;

    for (;;) {
        char *bigger;

        used += fread(buf + used, 1, cap - used, in);
        if (ferror(in)) {
            int err = errno ? errno : EIO;

            free(buf);
            return err;
        }
        if (used < cap) /* fread stops short only at end of file or error */
            break;
        bigger = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
        if (!bigger) {
            free(buf);
            return cap <= SIZE_MAX / 2 ? ENOMEM : EFBIG;
        }
        buf = bigger;
        cap *= 2;
    }
    *data = buf;
    *len = used;
    return 0;
}

/* Write a metadata value on one line: a line break inside it (the library
 * collapses whitespace, but a line-based format must not depend on it)
 * becomes a space. Returns 0 or -1. */
static int write_value(FILE *out, const char *value)
{
    for (; *value; value++) {
        int c = *value == '\n' || *value == '\r' ? ' ' : (unsigned char)*value;

        if (putc(c, out) == EOF)
            return -1;
    }
    return putc('\n', out) == EOF ? -1 : 0;
}

/* The --metadata block: "key: value" for every value of every field the page
 * has (a field with several values repeats its key), then a blank line. */
static int write_metadata(FILE *out, const pith_doc *doc)
{
    size_t f, i;

    for (f = 0; f < COUNT_OF(FIELD_NAMES); f++) {
        size_t count = pith_doc_count(doc, FIELD_NAMES[f].field);

        for (i = 0; i < count; i++) {
            const char *value = pith_doc_get(doc, FIELD_NAMES[f].field, i);

            if (!value)
                continue;
            if (fprintf(out, "%s: ", FIELD_NAMES[f].key) < 0 || write_value(out, value) != 0)
                return -1;
        }
    }
    return putc('\n', out) == EOF ? -1 : 0;
}

/* Write one rendered document: for txt the title line and the metadata block
 * when asked for, then the body, ending in a newline unless it is empty (the
 * library's JSON has none of its own). Returns 0 or -1 with errno set. */
static int write_doc(FILE *out, const struct settings *s, const pith_doc *doc, const char *body,
                     size_t len)
{
    if (s->print_metadata) {
        if (write_metadata(out, doc) != 0)
            return -1;
    } else if (s->print_title && fprintf(out, "%s\n", pith_doc_title(doc)) < 0) {
        return -1;
    }
    if (len > 0 && fwrite(body, 1, len, out) != len)
        return -1;
    if (len > 0 && body[len - 1] != '\n' && putc('\n', out) == EOF)
        return -1;
    return 0;
}

/* ---- Inputs -------------------------------------------------------------- */

struct list {
    char **v;
    size_t n, cap;
};

/* Append a copy of `item`. Returns 0 or -1 when out of memory. */
static int list_add(struct list *l, const char *item)
{
    char *copy = strdup(item);

    if (!copy)
        return -1;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **v = realloc(l->v, cap * sizeof *v);

        if (!v) {
            free(copy);
            return -1;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = copy;
    return 0;
}

static void list_free(struct list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

static int ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);

    return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

/* The files -r takes: pages and WARC files, gzipped or not. */
static int wanted_name(const char *name)
{
    size_t n = strlen(name);

    if (ends_with(name, n, ".gz"))
        n -= 3;
    return ends_with(name, n, ".html") || ends_with(name, n, ".htm") ||
           ends_with(name, n, ".xhtml") || ends_with(name, n, ".warc");
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add the wanted files under `dir`, in name order, depth first; hidden
 * entries and symbolic links to directories are passed over. Returns the
 * number of directories that could not be read. */
static size_t walk(const char *dir, struct list *out, struct progress *p)
{
    struct list names = {0};
    struct dirent *e;
    size_t failed = 0;
    DIR *d = opendir(dir);

    if (!d) {
        report(p, dir, strerror(errno));
        return 1;
    }
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.' && list_add(&names, e->d_name) != 0) {
            report(p, dir, strerror(ENOMEM));
            failed++;
            break;
        }
    closedir(d);
    qsort(names.v, names.n, sizeof *names.v, compare_names);
    for (size_t i = 0; i < names.n; i++) {
        size_t len = strlen(dir) + 1 + strlen(names.v[i]) + 1;
        char *path = malloc(len);
        struct stat st;

        if (!path) {
            failed++;
            break;
        }
        snprintf(path, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
            failed += walk(path, out, p);
        else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && wanted_name(names.v[i]) &&
                 list_add(out, path) != 0)
            failed++;
        free(path);
    }
    list_free(&names);
    return failed;
}

/* Read the lines of `path` ("-": standard input) as paths. */
static int read_list(const char *path, struct list *out)
{
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int err = 0;

    if (!in)
        return errno;
    while ((n = getline(&line, &cap, in)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n > 0 && list_add(out, line) != 0) {
            err = ENOMEM;
            break;
        }
    }
    if (!err && ferror(in))
        err = errno ? errno : EIO;
    free(line);
    if (in != stdin)
        fclose(in);
    return err;
}

/* ---- Jobs ------------------------------------------------------------------ */

/* One page (or one failure) on its way from the reader to the output. */
struct job {
    const char *file;          /* the input's path, "-" for standard input */
    unsigned long long record; /* its WARC record number, 0 for a page file */
    char *record_id, *uri, *charset;
    char *data;
    size_t len;
    pith_status status; /* a failure met while reading, else PITH_OK */
    const char *reason; /* static: why it failed, for status */
    /* Filled by a worker. */
    pith_status result;
    const char *why; /* static: the message for result */
    char *out;       /* the document, or the JSON error record */
    size_t out_len;
    int done;
};

static void job_free(struct job *j)
{
    free(j->record_id);
    free(j->uri);
    free(j->charset);
    free(j->data);
    free(j->out);
    memset(j, 0, sizeof *j);
}

/* Standard input is called "stdin" in names and "<stdin>" in messages. */
static const char *display_name(const char *file)
{
    return strcmp(file, "-") == 0 ? "<stdin>" : file;
}

/* A JSON string for `s` (UTF-8 passed through, controls escaped). */
static void json_string(FILE *out, const char *s)
{
    putc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            putc(c, out);
    }
    putc('"', out);
}

/* "source":{...} where the job came from. */
static void json_source(FILE *out, const struct job *j)
{
    fputs("\"source\":{\"file\":", out);
    json_string(out, j->file);
    if (j->record) {
        fprintf(out, ",\"record\":%llu", j->record);
        if (j->record_id) {
            fputs(",\"record_id\":", out);
            json_string(out, j->record_id);
        }
        if (j->uri) {
            fputs(",\"uri\":", out);
            json_string(out, j->uri);
        }
    }
    putc('}', out);
}

/* Extract, render and format one job into j->out, in a worker thread. */
static void run_job(const struct settings *s, pith_options *opts, struct job *j)
{
    char *body = NULL, *buf = NULL;
    size_t body_len = 0, buf_len = 0;
    pith_doc *doc = NULL;
    pith_status st = j->status;
    FILE *out;

    j->why = j->reason;
    if (st == PITH_OK) {
        st = pith_options_set_string(opts, PITH_OPT_URL, j->uri ? j->uri : s->url);
        if (st == PITH_OK)
            st = pith_options_set_string(opts, PITH_OPT_ENCODING,
                                         j->charset ? j->charset : s->encoding);
        if (st == PITH_OK)
            st = pith_extract(j->data, j->len, opts, &doc);
        free(j->data);
        j->data = NULL;
        if (st == PITH_OK)
            st = pith_doc_render(doc, s->format, opts, &body, &body_len);
        j->why = pith_strerror(st);
    }
    j->result = st;
    out = open_memstream(&buf, &buf_len);
    if (!out) {
        j->result = PITH_ERR_NOMEM;
        j->why = pith_strerror(PITH_ERR_NOMEM);
    } else if (st == PITH_OK && s->format == PITH_FORMAT_JSON) {
        /* The library's object with "source" in front. */
        putc('{', out);
        json_source(out, j);
        if (body_len > 2)
            putc(',', out);
        fwrite(body + 1, 1, body_len - 1, out);
        putc('\n', out);
    } else if (st == PITH_OK) {
        write_doc(out, s, doc, body, body_len);
    } else if (s->format == PITH_FORMAT_JSON) {
        putc('{', out);
        json_source(out, j);
        if (j->uri || s->url) {
            fputs(",\"url\":", out);
            json_string(out, j->uri ? j->uri : s->url);
        }
        fputs(",\"error\":", out);
        json_string(out, j->why);
        fprintf(out, ",\"status\":{\"name\":\"%s\",\"code\":%d}}\n", pith_status_name(st), (int)st);
    }
    if (out && fclose(out) != 0) {
        j->result = PITH_ERR_NOMEM;
        j->why = pith_strerror(PITH_ERR_NOMEM);
    }
    j->out = buf;
    j->out_len = buf ? buf_len : 0;
    pith_free(body);
    pith_doc_free(doc);
}

/* ---- Output ----------------------------------------------------------------- */

/* The outputs written by this run, so that no input silently replaces the
 * output of another (a.html and a.htm, or the same file twice). */
struct names_seen {
    char **v;
    size_t cap, n;
};

static unsigned long hash_name(const char *s)
{
    unsigned long h = 5381;

    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

/* 1 if `name` was seen before, 0 if it is new (and now recorded), -1 when
 * out of memory. Takes ownership of `name` when it returns 0. */
static int seen_before(struct names_seen *t, char *name)
{
    size_t i;

    if (t->n * 2 >= t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        char **v = calloc(cap, sizeof *v);

        if (!v)
            return -1;
        for (i = 0; i < t->cap; i++)
            if (t->v[i]) {
                size_t k = hash_name(t->v[i]) & (cap - 1);
                while (v[k])
                    k = (k + 1) & (cap - 1);
                v[k] = t->v[i];
            }
        free(t->v);
        t->v = v;
        t->cap = cap;
    }
    for (i = hash_name(name) & (t->cap - 1); t->v[i]; i = (i + 1) & (t->cap - 1))
        if (strcmp(t->v[i], name) == 0)
            return 1;
    t->v[i] = name;
    t->n++;
    return 0;
}

static void names_free(struct names_seen *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->v[i]);
    free(t->v);
}

static const char *format_extension(pith_format format)
{
    for (size_t f = 0; f < COUNT_OF(FORMAT_NAMES); f++)
        if (FORMAT_NAMES[f].format == format)
            return FORMAT_NAMES[f].extension;
    return ".txt";
}

/* Whether `path` climbs: a ".." component. */
static int has_dotdot(const char *path)
{
    for (const char *p = strstr(path, ".."); p; p = strstr(p + 1, ".."))
        if ((p == path || p[-1] == '/') && (p[2] == '\0' || p[2] == '/'))
            return 1;
    return 0;
}

/* DIR/PATH.EXT for a job: PATH is the input's path as given when it is
 * relative and stays below the working directory ("./" dropped), else its
 * file name; without a final .gz and .html, .htm or .xhtml. A WARC record
 * is DIR/PATH/NUMBER.EXT, PATH without .gz and .warc. Standard input is
 * "stdin". Returns a malloc'd string or NULL when out of memory. */
static char *output_path(const char *dir, const struct job *j, pith_format format)
{
    const char *path = strcmp(j->file, "-") == 0 ? "stdin" : j->file;
    const char *slash = strrchr(path, '/');
    size_t n, cap;
    char *out;

    if (path[0] == '/' || has_dotdot(path))
        path = slash ? slash + 1 : path;
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    n = strlen(path);
    if (ends_with(path, n, ".gz"))
        n -= 3;
    if (j->record) {
        if (ends_with(path, n, ".warc"))
            n -= 5;
    } else if (ends_with(path, n, ".html") || ends_with(path, n, ".xhtml")) {
        n -= ends_with(path, n, ".html") ? 5 : 6;
    } else if (ends_with(path, n, ".htm")) {
        n -= 4;
    }
    cap = strlen(dir) + 1 + n + 32;
    out = malloc(cap);
    if (!out)
        return NULL;
    if (j->record)
        snprintf(out, cap, "%s/%.*s/%06llu%s", dir, (int)n, path, j->record,
                 format_extension(format));
    else
        snprintf(out, cap, "%s/%.*s%s", dir, (int)n, path, format_extension(format));
    return out;
}

/* Create the directories above `path` (mkdir -p of its parent). */
static int make_parents(char *path)
{
    for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        struct stat st;

        *slash = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            *slash = '/';
            return -1;
        }
        if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
            *slash = '/';
            errno = ENOTDIR;
            return -1;
        }
        *slash = '/';
    }
    return 0;
}

struct writer {
    const struct settings *s;
    struct progress *p;
    struct names_seen written;
    int first; /* no document on stdout yet */
    size_t failures, count;
};

/* Write a job's file under the output directory. Returns 0 or 1 after
 * reporting the failure. */
static int save_job(struct writer *wr, const struct job *j)
{
    char *target = output_path(wr->s->output_dir, j, wr->s->format);
    FILE *out;
    int failed, seen;

    if (!target) {
        report(wr->p, display_name(j->file), strerror(ENOMEM));
        return 1;
    }
    seen = seen_before(&wr->written, target);
    if (seen != 0) {
        report(wr->p, target,
               seen < 0 ? strerror(ENOMEM) : "already written for another input: not replaced");
        free(target);
        return 1;
    }
    /* `target` is owned by wr->written from here on. */
    if (make_parents(target) != 0 || !(out = fopen(target, "wb"))) {
        report(wr->p, target, strerror(errno));
        return 1;
    }
    errno = 0;
    failed = j->out_len > 0 && fwrite(j->out, 1, j->out_len, out) != j->out_len;
    if (fclose(out) != 0)
        failed = 1;
    if (failed)
        report(wr->p, target, strerror(errno ? errno : EIO));
    return failed;
}

/* Hand a finished job to the output, in input order (main thread). */
static void emit(struct writer *wr, struct job *j)
{
    const struct settings *s = wr->s;
    int failed = j->result != PITH_OK;

    wr->count++;
    if (failed) {
        char *what = NULL;
        size_t cap = strlen(j->file) + (j->uri ? strlen(j->uri) : 0) + 48;

        what = malloc(cap);
        if (what && j->record)
            snprintf(what, cap, "%s: record %llu%s%s", display_name(j->file), j->record,
                     j->uri ? " " : "", j->uri ? j->uri : "");
        else if (what)
            snprintf(what, cap, "%s", display_name(j->file));
        report(wr->p, what ? what : j->file, j->why ? j->why : pith_strerror(j->result));
        free(what);
        if (!s->output_dir && s->format == PITH_FORMAT_JSON && j->out &&
            fwrite(j->out, 1, j->out_len, stdout) != j->out_len)
            report(wr->p, "stdout", strerror(errno));
    } else if (s->output_dir) {
        failed = save_job(wr, j);
    } else {
        if (!wr->first && s->format != PITH_FORMAT_JSON)
            putchar('\n');
        wr->first = 0;
        if (j->out_len > 0 && fwrite(j->out, 1, j->out_len, stdout) != j->out_len) {
            report(wr->p, "stdout", strerror(errno));
            failed = 1;
        }
    }
    if (failed) {
        wr->failures++;
        wr->p->failures++;
    }
    wr->p->pages++;
    job_free(j);
    progress_show(wr->p, 0);
}

/* ---- Workers ----------------------------------------------------------------- */

/* A ring of jobs: the main thread fills slot `tail`, workers take `next`,
 * the main thread writes `head` once done. */
struct pool {
    pthread_mutex_t mu;
    pthread_cond_t work, finished;
    struct job *slots;
    size_t cap;
    unsigned long long head, next, tail;
    int closing;
    const struct settings *s;
    struct writer *wr;
};

struct worker {
    struct pool *pool;
    pith_options *opts;
    pthread_t thread;
};

static void *work(void *arg)
{
    struct worker *w = arg;
    struct pool *p = w->pool;

    pthread_mutex_lock(&p->mu);
    for (;;) {
        struct job *j;

        while (p->next == p->tail && !p->closing)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->next == p->tail)
            break;
        j = &p->slots[p->next++ % p->cap];
        pthread_mutex_unlock(&p->mu);
        run_job(p->s, w->opts, j);
        pthread_mutex_lock(&p->mu);
        j->done = 1;
        pthread_cond_broadcast(&p->finished);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Write finished jobs in order until at most `keep` are in flight, waiting
 * for the one due next when needed; the progress line moves meanwhile. */
static void collect(struct pool *p, size_t keep)
{
    pthread_mutex_lock(&p->mu);
    for (;;) {
        struct job *j = &p->slots[p->head % p->cap], done;

        if (p->head == p->tail)
            break;
        if (!j->done) {
            struct timespec until;

            if (p->tail - p->head <= keep)
                break;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += PROGRESS_INTERVAL_MS * 1000000L;
            if (until.tv_nsec >= 1000000000L) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000L;
            }
            pthread_cond_timedwait(&p->finished, &p->mu, &until);
            pthread_mutex_unlock(&p->mu);
            progress_show(p->wr->p, 0);
            pthread_mutex_lock(&p->mu);
            continue;
        }
        done = *j;
        memset(j, 0, sizeof *j);
        p->head++;
        pthread_mutex_unlock(&p->mu);
        emit(p->wr, &done);
        pthread_mutex_lock(&p->mu);
    }
    pthread_mutex_unlock(&p->mu);
}

/* Queue a job (taking over what it owns). */
static void submit(struct pool *p, struct job *j)
{
    collect(p, p->cap - 1);
    pthread_mutex_lock(&p->mu);
    p->slots[p->tail++ % p->cap] = *j;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
    memset(j, 0, sizeof *j);
}

static void submit_failure(struct pool *p, const char *file, pith_status st, const char *why)
{
    struct job j = {0};

    j.file = file;
    j.status = st;
    j.reason = why;
    submit(p, &j);
}

/* ---- Reading ------------------------------------------------------------------ */

/* Inflate a gzipped page (all its members). Returns PITH_OK,
 * PITH_ERR_COMPRESSION, PITH_ERR_INPUT_TOO_LARGE or PITH_ERR_NOMEM. */
static pith_status gunzip(const char *data, size_t len, char **out, size_t *out_len)
{
    size_t cap = len * 4 + 4096, used = 0;
    char *buf = malloc(cap);
    z_stream z;
    int zs = Z_OK;

    *out = NULL;
    if (!buf)
        return PITH_ERR_NOMEM;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 32) != Z_OK) {
        free(buf);
        return PITH_ERR_NOMEM;
    }
    z.next_in = (unsigned char *)(uintptr_t)data;
    z.avail_in = (unsigned)(len > UINT32_MAX ? UINT32_MAX : len);
    for (;;) {
        if (used == cap) {
            char *bigger = cap < GUNZIP_LIMIT ? realloc(buf, cap * 2) : NULL;

            if (!bigger) {
                inflateEnd(&z);
                free(buf);
                return cap < GUNZIP_LIMIT ? PITH_ERR_NOMEM : PITH_ERR_INPUT_TOO_LARGE;
            }
            buf = bigger;
            cap *= 2;
        }
        z.next_out = (unsigned char *)buf + used;
        z.avail_out = (unsigned)(cap - used > UINT32_MAX ? UINT32_MAX : cap - used);
        zs = inflate(&z, Z_NO_FLUSH);
        used = (size_t)((char *)z.next_out - buf);
        if (zs == Z_STREAM_END && z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b)
            zs = inflateReset(&z); /* another member */
        else if (zs == Z_STREAM_END)
            break;
        if (zs != Z_OK && !(zs == Z_BUF_ERROR && z.avail_out == 0)) {
            inflateEnd(&z);
            free(buf);
            return zs == Z_MEM_ERROR ? PITH_ERR_NOMEM : PITH_ERR_COMPRESSION;
        }
    }
    inflateEnd(&z);
    *out = buf;
    *out_len = used;
    return PITH_OK;
}

/* A page file's bytes as a job (gunzipped when they are gzip). */
static void submit_page(struct pool *p, const char *file, char *data, size_t len)
{
    struct job j = {0};

    j.file = file;
    if (len >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b) {
        char *plain;
        size_t plain_len;

        j.status = gunzip(data, len, &plain, &plain_len);
        j.reason = j.status == PITH_ERR_COMPRESSION ? "corrupt gzip data" : pith_strerror(j.status);
        free(data);
        data = j.status == PITH_OK ? plain : NULL;
        len = j.status == PITH_OK ? plain_len : 0;
    }
    j.data = data;
    j.len = len;
    submit(p, &j);
}

/* Whether a WARC record is a page to extract: HTML or undeclared media, and
 * not an HTTP redirect or other 1xx/3xx response. */
static int record_is_page(const pith_warc *w)
{
    const char *media = pith_warc_content_type(w);
    int status = pith_warc_http_status(w);

    if ((status >= 100 && status < 200) || (status >= 300 && status < 400))
        return 0;
    return !media || strstr(media, "html") || strstr(media, "HTML");
}

static char *copy_or_null(const char *s, int *oom)
{
    char *c = s ? strdup(s) : NULL;

    if (s && !c)
        *oom = 1;
    return c;
}

/* Every page record of a WARC reader as a job. */
static void submit_records(struct pool *p, const char *file, pith_warc *w)
{
    unsigned long long read_before = 0;
    pith_status st;

    while ((st = pith_warc_next(w)) != PITH_END) {
        struct job j = {0};
        int oom = 0;

        p->wr->p->bytes_done += pith_warc_bytes_read(w) - read_before;
        read_before = pith_warc_bytes_read(w);
        if (st == PITH_OK && !record_is_page(w))
            continue;
        j.file = file;
        j.record = pith_warc_record_number(w);
        j.record_id = copy_or_null(pith_warc_record_id(w), &oom);
        j.uri = copy_or_null(pith_warc_target_uri(w), &oom);
        j.status = st;
        j.reason = pith_strerror(st);
        if (st == PITH_OK) {
            size_t len;
            const char *body = pith_warc_body(w, &len);

            j.charset = copy_or_null(pith_warc_charset(w), &oom);
            j.data = malloc(len + 1);
            if (j.data) {
                memcpy(j.data, body, len);
                j.len = len;
            } else {
                oom = 1;
            }
        }
        if (oom) {
            j.status = PITH_ERR_NOMEM;
            j.reason = pith_strerror(PITH_ERR_NOMEM);
        }
        submit(p, &j);
    }
    p->wr->p->bytes_done += pith_warc_bytes_read(w) - read_before;
}

/* Read one input: standard input, a page or a WARC file. */
static void read_input(struct pool *p, const pith_options *opts, const char *file)
{
    char head[PROBE_BYTES], *data;
    pith_warc *w;
    pith_status st;
    struct stat sb;
    size_t len;
    ssize_t n;
    FILE *in;
    int fd, err;

    if (strcmp(file, "-") == 0) {
        clearerr(stdin);
        err = read_stream(stdin, &data, &len);
        if (err != 0) {
            submit_failure(p, file, PITH_ERR_IO, strerror(err));
            return;
        }
        p->wr->p->bytes_done += len;
        if (!pith_warc_probe(data, len)) {
            submit_page(p, file, data, len);
            return;
        }
        st = pith_warc_open_memory(data, len, opts, &w);
        free(data);
        if (st != PITH_OK) {
            submit_failure(p, file, st, pith_strerror(st));
            return;
        }
        p->wr->p->bytes_done -= len; /* counted again as records are read */
        submit_records(p, file, w);
        pith_warc_free(w);
        return;
    }
    fd = open(file, O_RDONLY);
    if (fd < 0) {
        submit_failure(p, file, PITH_ERR_IO, strerror(errno));
        return;
    }
    if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        close(fd);
        submit_failure(p, file, PITH_ERR_IO, "is a directory (-r reads directories)");
        return;
    }
    do
        n = pread(fd, head, sizeof head, 0);
    while (n < 0 && errno == EINTR);
    if (n > 0 && pith_warc_probe(head, (size_t)n)) {
        st = pith_warc_open_fd(fd, opts, &w);
        if (st == PITH_OK)
            submit_records(p, file, w);
        else
            submit_failure(p, file, st, pith_strerror(st));
        pith_warc_free(w);
        close(fd);
        return;
    }
    in = fdopen(fd, "rb");
    if (!in) {
        err = errno;
        close(fd);
        submit_failure(p, file, PITH_ERR_IO, strerror(err));
        return;
    }
    err = read_stream(in, &data, &len);
    fclose(in);
    if (err != 0) {
        submit_failure(p, file, PITH_ERR_IO, strerror(err));
        return;
    }
    p->wr->p->bytes_done += len;
    submit_page(p, file, data, len);
}

/* Report a rejected option setting; returns the status for chaining. */
static pith_status check_option(pith_status st, const char *flag)
{
    if (st != PITH_OK)
        fprintf(stderr, "pith: %s: %s\n", flag, pith_strerror(st));
    return st;
}

static pith_options *make_options(const struct settings *s)
{
    pith_options *opts = pith_options_new();
    pith_status st = PITH_OK;

    if (!opts) {
        fprintf(stderr, "pith: %s\n", pith_strerror(PITH_ERR_NOMEM));
        return NULL;
    }
    if (s->url)
        st = check_option(pith_options_set_string(opts, PITH_OPT_URL, s->url), "--url");
    if (st == PITH_OK && s->encoding)
        st = check_option(pith_options_set_string(opts, PITH_OPT_ENCODING, s->encoding),
                          "--encoding");
    if (st == PITH_OK && s->keep_title)
        st = check_option(pith_options_set_int(opts, PITH_OPT_KEEP_TITLE, 1), "--keep-title");
    if (st == PITH_OK && s->favor != PITH_FAVOR_BALANCED)
        st = check_option(pith_options_set_int(opts, PITH_OPT_FAVOR, s->favor), "--favor");
    if (st == PITH_OK && s->page_type)
        st = check_option(pith_options_set_string(opts, PITH_OPT_PAGE_TYPE, s->page_type),
                          "--page-type");
    /* The explain view needs the decisions recorded while extracting. */
    if (st == PITH_OK && s->format == PITH_FORMAT_EXPLAIN)
        st = check_option(pith_options_set_int(opts, PITH_OPT_EXPLAIN, 1), "--explain");
    /* The render settings go in the same set: pith_extract() ignores them
     * and pith_doc_render() ignores the others. */
    if (st == PITH_OK && s->comments)
        st = check_option(pith_options_set_int(opts, PITH_OPT_COMMENTS, 1), "--comments");
    if (st == PITH_OK && !s->links)
        st = check_option(pith_options_set_int(opts, PITH_OPT_LINKS, 0), "--no-links");
    if (st == PITH_OK && !s->images)
        st = check_option(pith_options_set_int(opts, PITH_OPT_IMAGES, 0), "--no-images");
    if (st == PITH_OK && !s->tables)
        st = check_option(pith_options_set_int(opts, PITH_OPT_TABLES, 0), "--no-tables");
    if (st == PITH_OK && !s->formatting)
        st = check_option(pith_options_set_int(opts, PITH_OPT_FORMATTING, 0), "--no-formatting");
    if (st == PITH_OK && s->standalone)
        st = check_option(pith_options_set_int(opts, PITH_OPT_STANDALONE, 1), "--standalone");
    if (st == PITH_OK && s->json_content)
        st = check_option(pith_options_set_int(opts, PITH_OPT_JSON_CONTENT, s->json_content),
                          "--json-content");
    if (st != PITH_OK) {
        pith_options_free(opts);
        return NULL;
    }
    return opts;
}

/* The format called `name` (any case), or 0 when there is none. */
static pith_format parse_format(const char *name)
{
    size_t f;

    for (f = 0; f < COUNT_OF(FORMAT_NAMES); f++)
        if (strcasecmp(name, FORMAT_NAMES[f].name) == 0)
            return FORMAT_NAMES[f].format;
    return (pith_format)0;
}

/* "pith: MESSAGE" on stderr, then the hint to --help. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static int
usage_error(const char *format, ...)
{
    va_list ap;

    fputs("pith: ", stderr);
    va_start(ap, format);
    vfprintf(stderr, format, ap);
    va_end(ap);
    fputs("\nTry 'pith --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

/* Does the library take `type` as PITH_OPT_PAGE_TYPE? It knows the names. */
static int page_type_known(const char *type)
{
    pith_options *o = pith_options_new();
    /* Out of memory, make_options() says so. */
    int known = !o || pith_options_set_string(o, PITH_OPT_PAGE_TYPE, type) == PITH_OK;
    pith_options_free(o);
    return known;
}

/* Flags that only mean something for another format are usage errors rather
 * than silently ignored. Returns EXIT_OK or EXIT_USAGE after saying why. */
static int check_settings(const struct settings *s)
{
    if (s->standalone && s->format != PITH_FORMAT_HTML)
        return usage_error("%s needs --format html", "--standalone");
    if (s->json_content && s->format != PITH_FORMAT_JSON)
        return usage_error("%s needs --format json", "--json-content");
    if (s->print_title && s->format != PITH_FORMAT_TEXT)
        return usage_error("%s is for --format txt (the others: --keep-title, or "
                           "the title in json and --standalone html)",
                           "--title");
    if (s->print_metadata && s->format != PITH_FORMAT_TEXT)
        return usage_error("%s is for --format txt (json always has the metadata)", "--metadata");
    return EXIT_OK;
}

/* The progress line goes to a terminal stderr, and only when the text itself
 * is not going to that terminal; --progress and --no-progress decide
 * otherwise, and -q keeps it off. */
static int progress_wanted(const struct settings *s)
{
    if (s->quiet || s->progress == 0)
        return 0;
    if (s->progress == 1)
        return 1;
    if (!isatty(STDERR_FILENO))
        return 0;
    return s->output_dir != NULL || !isatty(STDOUT_FILENO);
}

/* Create the output directory (and its parents) if it does not exist. */
static int prepare_output_dir(const char *dir)
{
    size_t n = strlen(dir);
    char *path = malloc(n + 2);
    struct stat st;
    int err = 0;

    if (!path) {
        fprintf(stderr, "pith: %s: %s\n", dir, strerror(ENOMEM));
        return -1;
    }
    memcpy(path, dir, n);
    memcpy(path + n, "/", 2);
    if (make_parents(path) != 0)
        err = errno;
    free(path);
    if (!err && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)))
        err = ENOTDIR;
    if (err) {
        fprintf(stderr, "pith: %s: %s\n", dir, strerror(err));
        return -1;
    }
    return 0;
}

/* The inputs: the FILE arguments or the -i list, directories expanded with
 * -r. Returns 0, or -1 after saying why. */
static int gather_inputs(const struct settings *s, char **args, size_t n_args, struct list *out,
                         struct progress *p, size_t *failed)
{
    struct list given = {0};
    int err = 0;

    if (s->list_file) {
        err = read_list(s->list_file, &given);
        if (err) {
            fprintf(stderr, "pith: %s: %s\n", s->list_file, strerror(err));
            list_free(&given);
            return -1;
        }
    }
    for (size_t i = 0; i < n_args && !err; i++)
        err = list_add(&given, args[i]) != 0;
    if (!s->list_file && n_args == 0)
        err = list_add(&given, "-") != 0;
    for (size_t i = 0; i < given.n && !err; i++) {
        struct stat st;

        if (s->recursive && strcmp(given.v[i], "-") != 0 && stat(given.v[i], &st) == 0 &&
            S_ISDIR(st.st_mode))
            *failed += walk(given.v[i], out, p);
        else
            err = list_add(out, given.v[i]) != 0;
    }
    list_free(&given);
    if (err) {
        fprintf(stderr, "pith: %s\n", strerror(ENOMEM));
        return -1;
    }
    for (size_t i = 0; i < out->n; i++) {
        struct stat st;

        if (strcmp(out->v[i], "-") != 0 && stat(out->v[i], &st) == 0 && S_ISREG(st.st_mode))
            p->bytes_total += (unsigned long long)st.st_size;
    }
    p->files_total = out->n;
    return 0;
}

static long default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);

    return n < 1 ? 1 : n > 64 ? 64 : n;
}

/* Read every input, extract with s->jobs threads, write in order. Returns
 * the exit status. */
static int run(const struct settings *s, struct list *inputs, struct progress *p,
               size_t failed_before)
{
    struct writer wr = {0};
    struct pool pool;
    struct worker *workers = calloc((size_t)s->jobs, sizeof *workers);
    pith_options *reader_opts = make_options(s);
    size_t started = 0;
    int status = EXIT_OK;

    wr.s = s;
    wr.p = p;
    wr.first = 1;
    memset(&pool, 0, sizeof pool);
    pool.cap = (size_t)s->jobs * JOBS_PER_WORKER;
    if (pool.cap > MAX_JOBS)
        pool.cap = MAX_JOBS;
    pool.slots = calloc(pool.cap, sizeof *pool.slots);
    pool.s = s;
    pool.wr = &wr;
    pthread_mutex_init(&pool.mu, NULL);
    pthread_cond_init(&pool.work, NULL);
    pthread_cond_init(&pool.finished, NULL);
    if (!workers || !pool.slots || !reader_opts)
        goto fail;
    for (started = 0; started < (size_t)s->jobs; started++) {
        workers[started].pool = &pool;
        workers[started].opts = make_options(s);
        if (!workers[started].opts ||
            pthread_create(&workers[started].thread, NULL, work, &workers[started]) != 0) {
            pith_options_free(workers[started].opts);
            break;
        }
    }
    if (started == 0)
        goto fail;

    for (size_t i = 0; i < inputs->n; i++) {
        read_input(&pool, reader_opts, inputs->v[i]);
        p->files_done++;
        collect(&pool, pool.cap - 1);
        progress_show(p, 0);
    }
    collect(&pool, 0);
    pthread_mutex_lock(&pool.mu);
    pool.closing = 1;
    pthread_cond_broadcast(&pool.work);
    pthread_mutex_unlock(&pool.mu);
    for (size_t i = 0; i < started; i++) {
        pthread_join(workers[i].thread, NULL);
        pith_options_free(workers[i].opts);
    }
    progress_clear(p);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "pith: stdout: %s\n", strerror(errno ? errno : EIO));
        status = EXIT_FAILED;
    }
    wr.failures += failed_before;
    if (wr.failures > 0 && !s->quiet && wr.count + failed_before > 1)
        fprintf(stderr, "pith: %zu of %zu inputs failed\n", wr.failures, wr.count + failed_before);
    if (wr.failures > 0)
        status = EXIT_FAILED;
    goto done;
fail:
    fprintf(stderr, "pith: %s\n", strerror(ENOMEM));
    status = EXIT_FAILED;
done:
    pthread_mutex_destroy(&pool.mu);
    pthread_cond_destroy(&pool.work);
    pthread_cond_destroy(&pool.finished);
    free(pool.slots);
    free(workers);
    pith_options_free(reader_opts);
    names_free(&wr.written);
    return status;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"url", required_argument, NULL, 'u'},
        {"encoding", required_argument, NULL, 'e'},
        {"format", required_argument, NULL, 'f'},
        {"title", no_argument, NULL, 't'},
        {"metadata", no_argument, NULL, 'm'},
        {"keep-title", no_argument, NULL, OPT_KEEP_TITLE},
        {"favor", required_argument, NULL, OPT_FAVOR},
        {"page-type", required_argument, NULL, OPT_PAGE_TYPE},
        {"no-links", no_argument, NULL, OPT_NO_LINKS},
        {"no-images", no_argument, NULL, OPT_NO_IMAGES},
        {"no-tables", no_argument, NULL, OPT_NO_TABLES},
        {"no-formatting", no_argument, NULL, OPT_NO_FORMATTING},
        {"standalone", no_argument, NULL, OPT_STANDALONE},
        {"json-content", required_argument, NULL, OPT_JSON_CONTENT},
        {"comments", no_argument, NULL, OPT_COMMENTS},
        {"recursive", no_argument, NULL, 'r'},
        {"input-list", required_argument, NULL, 'i'},
        {"jobs", required_argument, NULL, 'j'},
        {"explain", no_argument, NULL, OPT_EXPLAIN},
        {"output-dir", required_argument, NULL, 'o'},
        {"progress", no_argument, NULL, OPT_PROGRESS},
        {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    /* getopt names the program by argv[0], which under libtool's wrapper is
     * a path into .libs; messages should say "pith". */
    static char progname[] = "pith";
    struct settings s = {0};
    struct progress p = {0};
    struct list inputs = {0};
    pith_format json_content;
    pith_options *opts;
    size_t failed = 0;
    char *end;
    int c, status;

    s.format = PITH_FORMAT_TEXT;
    s.links = s.images = s.tables = s.formatting = 1;
    s.progress = -1;
    s.jobs = default_jobs();
    if (argc > 0)
        argv[0] = progname;
    while ((c = getopt_long(argc, argv, "u:e:f:tmri:j:o:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'u':
            s.url = optarg;
            break;
        case 'e':
            s.encoding = optarg;
            break;
        case 'f':
            s.format = parse_format(optarg);
            if (!s.format)
                return usage_error("unknown format '%s' (txt, markdown, md, html, json or explain)",
                                   optarg);
            break;
        case 't':
            s.print_title = 1;
            break;
        case 'm':
            s.print_metadata = 1;
            break;
        case OPT_KEEP_TITLE:
            s.keep_title = 1;
            break;
        case OPT_FAVOR:
            if (strcmp(optarg, "precision") == 0)
                s.favor = PITH_FAVOR_PRECISION;
            else if (strcmp(optarg, "recall") == 0)
                s.favor = PITH_FAVOR_RECALL;
            else if (strcmp(optarg, "balanced") == 0)
                s.favor = PITH_FAVOR_BALANCED;
            else
                return usage_error("unknown --favor '%s' (precision, recall or balanced)", optarg);
            break;
        case OPT_PAGE_TYPE:
            if (!page_type_known(optarg))
                return usage_error("unknown --page-type '%s' (article, blog, product, collection, "
                                   "listing, forum, documentation or service)",
                                   optarg);
            s.page_type = optarg;
            break;
        case OPT_EXPLAIN:
            s.format = PITH_FORMAT_EXPLAIN;
            break;
        case OPT_NO_LINKS:
            s.links = 0;
            break;
        case OPT_NO_IMAGES:
            s.images = 0;
            break;
        case OPT_NO_TABLES:
            s.tables = 0;
            break;
        case OPT_NO_FORMATTING:
            s.formatting = 0;
            break;
        case OPT_STANDALONE:
            s.standalone = 1;
            break;
        case OPT_COMMENTS:
            s.comments = 1;
            break;
        case OPT_JSON_CONTENT:
            json_content = parse_format(optarg);
            if (json_content != PITH_FORMAT_MARKDOWN && json_content != PITH_FORMAT_HTML)
                return usage_error("unknown --json-content '%s' (markdown, md or html)", optarg);
            s.json_content = (int)json_content;
            break;
        case 'r':
            s.recursive = 1;
            break;
        case 'i':
            s.list_file = optarg;
            break;
        case 'j':
            errno = 0;
            s.jobs = strtol(optarg, &end, 10);
            if (errno || end == optarg || *end || s.jobs < 1 || s.jobs > 1024)
                return usage_error("-j needs a number of threads from 1 to 1024, not '%s'", optarg);
            break;
        case 'o':
            s.output_dir = optarg;
            break;
        case OPT_PROGRESS:
            s.progress = 1;
            break;
        case OPT_NO_PROGRESS:
            s.progress = 0;
            break;
        case 'q':
            s.quiet = 1;
            break;
        case 'h':
            usage();
            return EXIT_OK;
        case 'V':
            printf("pith %s\n", pith_version());
            return EXIT_OK;
        default:
            fputs("Try 'pith --help' for more information.\n", stderr);
            return EXIT_USAGE;
        }
    }

    if (check_settings(&s) != EXIT_OK)
        return EXIT_USAGE;
    if (s.list_file && strcmp(s.list_file, "-") == 0)
        for (int i = optind; i < argc; i++)
            if (strcmp(argv[i], "-") == 0)
                return usage_error("%s",
                                   "-i - reads the list from standard input: no FILE may be -");
    /* The options are checked once here, before any thread starts. */
    opts = make_options(&s);
    if (!opts)
        return EXIT_FAILED;
    pith_options_free(opts);
    if (s.output_dir && prepare_output_dir(s.output_dir) != 0)
        return EXIT_FAILED;

    p.enabled = progress_wanted(&s);
    clock_gettime(CLOCK_MONOTONIC, &p.start);
    if (gather_inputs(&s, argv + optind, (size_t)(argc - optind), &inputs, &p, &failed) != 0)
        return EXIT_FAILED;
    status = run(&s, &inputs, &p, failed);
    list_free(&inputs);
    return status;
}

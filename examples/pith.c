/*
 * pith - print the article of web pages as text, Markdown, HTML or JSON,
 * or explain what was kept and dropped (--explain).
 *
 *   pith [OPTIONS] [FILE...]
 *
 * Each FILE (standard input when there is none, or for "-") is read whole,
 * handed to pith_extract(), rendered with pith_doc_render() and written to
 * standard output, or with --output-dir to DIR/NAME.EXT. See pith.1 for the
 * full description.
 *
 * This program only uses the public API in <pith.h>: it parses flags, reads
 * files, calls the library and writes what it returns.
 */
#define _POSIX_C_SOURCE 200809L /* fileno, isatty, strcasecmp, mkdir */

#include <pith.h>

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

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
    OPT_EXPLAIN
};

struct settings {
    const char *url;
    const char *encoding;
    const char *output_dir;
    pith_format format;
    int print_title;
    int print_metadata;
    int keep_title;
    int quiet;
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
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* The progress line on stderr, shown only when it cannot end up mixed with
 * the text or in a file: see progress_wanted(). */
struct progress {
    int enabled;
    size_t width; /* characters currently on the line, to blank them out */
};

static const char STDIN_NAME[] = "<stdin>";

static void usage(void)
{
    fputs("Usage: pith [OPTIONS] [FILE...]\n"
          "Print the article of each HTML FILE (standard input when no FILE is\n"
          "given, or for -) as plain text, Markdown, HTML or JSON.\n"
          "\n"
          "  -u, --url URL           the URL the page came from\n"
          "  -e, --encoding LABEL    the charset the server declared (e.g. windows-1251)\n"
          "  -f, --format FORMAT     txt (default), markdown (or md), html, json or explain\n"
          "  -t, --title             txt: print the page title as the first line\n"
          "  -m, --metadata          txt: print the metadata as 'key: value' lines,\n"
          "                          then a blank line, before the text\n"
          "      --keep-title        keep the title in the text when the article repeats it\n"
          "      --no-links          link text without the link (markdown, html)\n"
          "      --no-images         leave out the article's images (markdown, html)\n"
          "      --no-tables         leave out tables\n"
          "      --no-formatting     no emphasis, strong or inline code (markdown, html)\n"
          "      --standalone        html: a whole page instead of an <article> fragment\n"
          "      --json-content FORMAT\n"
          "                          json: add the article as markdown or html too\n"
          "      --explain           an HTML page that shows what was kept, what was\n"
          "                          dropped and why (the same as --format explain)\n"
          "  -o, --output-dir DIR    write DIR/NAME.EXT for each FILE instead of stdout,\n"
          "                          EXT following the format: txt, md, html, json or\n"
          "                          explain.html\n"
          "  -q, --quiet             no progress indicator and no failure count\n"
          "  -h, --help              show this help and exit\n"
          "  -V, --version           show the library version and exit\n"
          "\n"
          "Several documents on stdout are separated by a blank line; in json,\n"
          "each is one line (JSON Lines). With -m, authors and tags give one\n"
          "line per value ('authors: NAME' repeated).\n"
          "Exit status: 0 success, 1 a file failed, 2 usage error.\n",
          stdout);
}

static void progress_clear(struct progress *p)
{
    if (p->enabled && p->width > 0) {
        fprintf(stderr, "\r%*s\r", (int)p->width, "");
        p->width = 0;
    }
}

static void progress_show(struct progress *p, size_t index, size_t count, const char *name)
{
    const char *slash = strrchr(name, '/');
    int n;

    if (!p->enabled)
        return;
    progress_clear(p);
    /* The file name only: a long path would wrap and defeat the \r. */
    n = fprintf(stderr, "\r[%zu/%zu] %s", index, count, slash ? slash + 1 : name);
    if (n > 1)
        p->width = (size_t)n - 1; /* the carriage return takes no column */
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

/* Read `path` ("-" is standard input). Returns 0 or an errno value. */
static int read_input(const char *path, char **data, size_t *len)
{
    FILE *in;
    int err;

    if (strcmp(path, "-") == 0) {
        clearerr(stdin);
        return read_stream(stdin, data, len);
    }
    errno = 0;
    in = fopen(path, "rb");
    if (!in)
        return errno ? errno : ENOENT;
    err = read_stream(in, data, len);
    fclose(in);
    return err;
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

/* DIR/NAME.EXT where NAME is the file name of `path` without a final .html
 * or .htm (any case) and EXT follows the format. Standard input is named
 * "stdin". Returns a malloc'd string or NULL when out of memory. */
static char *output_path(const char *dir, const char *path, pith_format format)
{
    const char *ext = ".txt";
    size_t extlen, f;
    const char *base = strcmp(path, "-") == 0 ? "stdin" : path;
    const char *slash = strrchr(base, '/');
    size_t baselen, dirlen = strlen(dir);
    char *out;

    for (f = 0; f < COUNT_OF(FORMAT_NAMES); f++)
        if (FORMAT_NAMES[f].format == format)
            ext = FORMAT_NAMES[f].extension;
    extlen = strlen(ext);
    if (slash)
        base = slash + 1;
    baselen = strlen(base);
    if (baselen > 5 && strcasecmp(base + baselen - 5, ".html") == 0)
        baselen -= 5;
    else if (baselen > 4 && strcasecmp(base + baselen - 4, ".htm") == 0)
        baselen -= 4;

    out = malloc(dirlen + 1 + baselen + extlen + 1);
    if (!out)
        return NULL;
    memcpy(out, dir, dirlen);
    out[dirlen] = '/';
    memcpy(out + dirlen + 1, base, baselen);
    memcpy(out + dirlen + 1 + baselen, ext, extlen + 1);
    return out;
}

/* Write `doc` to the file for `path` in the output directory. Returns 0, or
 * 1 after reporting the failure. */
static int save_doc(const struct settings *s, struct progress *p, const char *path,
                    const pith_doc *doc, const char *body, size_t len)
{
    char *target = output_path(s->output_dir, path, s->format);
    FILE *out;
    int failed;

    if (!target) {
        report(p, path, strerror(ENOMEM));
        return 1;
    }
    out = fopen(target, "wb");
    if (!out) {
        report(p, target, strerror(errno));
        free(target);
        return 1;
    }
    errno = 0;
    failed = write_doc(out, s, doc, body, len) != 0;
    if (fclose(out) != 0)
        failed = 1;
    if (failed)
        report(p, target, strerror(errno ? errno : EIO));
    free(target);
    return failed;
}

/* Extract one input, render it and write it out. Returns 0 on success, 1 on a
 * failure already reported. `first` tells whether a separator is due on
 * stdout. */
static int process(const struct settings *s, const pith_options *opts, struct progress *p,
                   const char *path, int *first)
{
    const char *name = strcmp(path, "-") == 0 ? STDIN_NAME : path;
    pith_doc *doc = NULL;
    pith_status st;
    char *data, *body = NULL;
    size_t len, body_len = 0;
    int err, failed = 0;

    err = read_input(path, &data, &len);
    if (err != 0) {
        report(p, name, strerror(err));
        return 1;
    }
    st = pith_extract(data, len, opts, &doc);
    free(data);
    if (st == PITH_OK)
        st = pith_doc_render(doc, s->format, opts, &body, &body_len);
    if (st != PITH_OK) {
        report(p, name, pith_strerror(st));
        pith_doc_free(doc);
        return 1;
    }

    if (s->output_dir) {
        failed = save_doc(s, p, path, doc, body, body_len);
    } else {
        /* JSON Lines need no separator: each object is one line. */
        if (!*first && s->format != PITH_FORMAT_JSON)
            putchar('\n');
        *first = 0;
        if (write_doc(stdout, s, doc, body, body_len) != 0) {
            report(p, "stdout", strerror(errno));
            failed = 1;
        }
    }
    pith_free(body);
    pith_doc_free(doc);
    return failed;
}

/* The progress line goes to a terminal stderr, for more than one file, and
 * only when the text itself is not going to that terminal. */
static int progress_wanted(const struct settings *s, size_t count)
{
    if (s->quiet || count < 2 || !isatty(STDERR_FILENO))
        return 0;
    return s->output_dir != NULL || !isatty(STDOUT_FILENO);
}

/* Create the output directory if it does not exist yet (one level). */
static int prepare_output_dir(const char *dir)
{
    struct stat st;

    if (mkdir(dir, 0777) == 0)
        return 0;
    if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return 0;
    if (errno == EEXIST)
        errno = ENOTDIR;
    fprintf(stderr, "pith: %s: %s\n", dir, strerror(errno));
    return -1;
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
    /* The explain view needs the decisions recorded while extracting. */
    if (st == PITH_OK && s->format == PITH_FORMAT_EXPLAIN)
        st = check_option(pith_options_set_int(opts, PITH_OPT_EXPLAIN, 1), "--explain");
    /* The render settings go in the same set: pith_extract() ignores them
     * and pith_doc_render() ignores the others. */
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

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"url", required_argument, NULL, 'u'},
        {"encoding", required_argument, NULL, 'e'},
        {"format", required_argument, NULL, 'f'},
        {"title", no_argument, NULL, 't'},
        {"metadata", no_argument, NULL, 'm'},
        {"keep-title", no_argument, NULL, OPT_KEEP_TITLE},
        {"no-links", no_argument, NULL, OPT_NO_LINKS},
        {"no-images", no_argument, NULL, OPT_NO_IMAGES},
        {"no-tables", no_argument, NULL, OPT_NO_TABLES},
        {"no-formatting", no_argument, NULL, OPT_NO_FORMATTING},
        {"standalone", no_argument, NULL, OPT_STANDALONE},
        {"json-content", required_argument, NULL, OPT_JSON_CONTENT},
        {"explain", no_argument, NULL, OPT_EXPLAIN},
        {"output-dir", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    /* getopt names the program by argv[0], which under libtool's wrapper is
     * a path into .libs; messages should say "pith". */
    static char progname[] = "pith";
    static char *stdin_only[] = {"-"};
    struct settings s = {0};
    struct progress p = {0};
    pith_format json_content;
    pith_options *opts;
    char **files;
    size_t count, i, failures = 0;
    int c, first = 1;

    s.format = PITH_FORMAT_TEXT;
    s.links = s.images = s.tables = s.formatting = 1;
    if (argc > 0)
        argv[0] = progname;
    while ((c = getopt_long(argc, argv, "u:e:f:tmo:qhV", longopts, NULL)) != -1) {
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
        case OPT_JSON_CONTENT:
            json_content = parse_format(optarg);
            if (json_content != PITH_FORMAT_MARKDOWN && json_content != PITH_FORMAT_HTML)
                return usage_error("unknown --json-content '%s' (markdown, md or html)", optarg);
            s.json_content = (int)json_content;
            break;
        case 'o':
            s.output_dir = optarg;
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

    if (optind < argc) {
        files = argv + optind;
        count = (size_t)(argc - optind);
    } else {
        files = stdin_only;
        count = 1;
    }

    if (s.output_dir && prepare_output_dir(s.output_dir) != 0)
        return EXIT_FAILED;
    opts = make_options(&s);
    if (!opts)
        return EXIT_FAILED;

    p.enabled = progress_wanted(&s, count);
    for (i = 0; i < count; i++) {
        progress_show(&p, i + 1, count, files[i]);
        failures += (size_t)process(&s, opts, &p, files[i], &first);
    }
    progress_clear(&p);
    pith_options_free(opts);

    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "pith: stdout: %s\n", strerror(errno ? errno : EIO));
        return EXIT_FAILED;
    }
    if (failures > 0 && count > 1 && !s.quiet)
        fprintf(stderr, "pith: %zu of %zu files failed\n", failures, count);
    return failures > 0 ? EXIT_FAILED : EXIT_OK;
}

/*
 * pith - print the article text of web pages.
 *
 *   pith [OPTIONS] [FILE...]
 *
 * Each FILE (standard input when there is none, or for "-") is read whole,
 * handed to pith_extract() and its text written to standard output, or with
 * --output-dir to DIR/NAME.txt. See pith.1 for the full description.
 *
 * This program only uses the public API in <pith.h>: it parses flags, reads
 * files, calls the library and writes what it returns.
 */
#define _POSIX_C_SOURCE 200809L /* fileno, isatty, strcasecmp, mkdir */

#include <pith.h>

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

enum exit_code { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

/* Long-only options get values outside the range of characters. */
enum { OPT_KEEP_TITLE = 256 };

struct settings {
    const char *url;
    const char *encoding;
    const char *output_dir;
    int print_title;
    int keep_title;
    int quiet;
};

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
          "Print the article text of each HTML FILE (standard input when no FILE\n"
          "is given, or for -).\n"
          "\n"
          "  -u, --url URL           the URL the page came from\n"
          "  -e, --encoding LABEL    the charset the server declared (e.g. windows-1251)\n"
          "  -t, --title             print the page title as the first line\n"
          "      --keep-title        keep the title in the text when the article repeats it\n"
          "  -o, --output-dir DIR    write DIR/NAME.txt for each FILE instead of stdout\n"
          "  -q, --quiet             no progress indicator and no failure count\n"
          "  -h, --help              show this help and exit\n"
          "  -V, --version           show the library version and exit\n"
          "\n"
          "Several documents on stdout are separated by a blank line.\n"
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

static void progress_show(struct progress *p, size_t index, size_t count,
                          const char *name)
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

/* Write one document: the title line when asked for, then the text, ending
 * in a newline unless the text is empty. Returns 0 or -1 with errno set. */
static int write_doc(FILE *out, const pith_doc *doc, int print_title)
{
    const char *text = pith_doc_text(doc);
    size_t len = pith_doc_text_length(doc);

    if (print_title && fprintf(out, "%s\n", pith_doc_title(doc)) < 0)
        return -1;
    if (len > 0 && fwrite(text, 1, len, out) != len)
        return -1;
    if (len > 0 && text[len - 1] != '\n' && putc('\n', out) == EOF)
        return -1;
    return 0;
}

/* DIR/NAME.txt where NAME is the file name of `path` without a final .html
 * or .htm (any case). Standard input is named "stdin". Returns a malloc'd
 * string or NULL when out of memory. */
static char *output_path(const char *dir, const char *path)
{
    const char *base = strcmp(path, "-") == 0 ? "stdin" : path;
    const char *slash = strrchr(base, '/');
    size_t baselen, dirlen = strlen(dir);
    char *out;

    if (slash)
        base = slash + 1;
    baselen = strlen(base);
    if (baselen > 5 && strcasecmp(base + baselen - 5, ".html") == 0)
        baselen -= 5;
    else if (baselen > 4 && strcasecmp(base + baselen - 4, ".htm") == 0)
        baselen -= 4;

    out = malloc(dirlen + 1 + baselen + sizeof ".txt");
    if (!out)
        return NULL;
    memcpy(out, dir, dirlen);
    out[dirlen] = '/';
    memcpy(out + dirlen + 1, base, baselen);
    memcpy(out + dirlen + 1 + baselen, ".txt", sizeof ".txt");
    return out;
}

/* Write `doc` to the file for `path` in the output directory. Returns 0, or
 * 1 after reporting the failure. */
static int save_doc(const struct settings *s, struct progress *p,
                    const char *path, const pith_doc *doc)
{
    char *target = output_path(s->output_dir, path);
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
    failed = write_doc(out, doc, s->print_title) != 0;
    if (fclose(out) != 0)
        failed = 1;
    if (failed)
        report(p, target, strerror(errno ? errno : EIO));
    free(target);
    return failed;
}

/* Extract one input and write it out. Returns 0 on success, 1 on a failure
 * already reported. `first` tells whether a separator is due on stdout. */
static int process(const struct settings *s, const pith_options *opts,
                   struct progress *p, const char *path, int *first)
{
    const char *name = strcmp(path, "-") == 0 ? STDIN_NAME : path;
    pith_doc *doc = NULL;
    pith_status st;
    char *data;
    size_t len;
    int err, failed = 0;

    err = read_input(path, &data, &len);
    if (err != 0) {
        report(p, name, strerror(err));
        return 1;
    }
    st = pith_extract(data, len, opts, &doc);
    free(data);
    if (st != PITH_OK) {
        report(p, name, pith_strerror(st));
        return 1;
    }

    if (s->output_dir) {
        failed = save_doc(s, p, path, doc);
    } else {
        if (!*first)
            putchar('\n');
        *first = 0;
        if (write_doc(stdout, doc, s->print_title) != 0) {
            report(p, "stdout", strerror(errno));
            failed = 1;
        }
    }
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
        st = check_option(pith_options_set_string(opts, PITH_OPT_URL, s->url),
                          "--url");
    if (st == PITH_OK && s->encoding)
        st = check_option(
            pith_options_set_string(opts, PITH_OPT_ENCODING, s->encoding),
            "--encoding");
    if (st == PITH_OK && s->keep_title)
        st = check_option(pith_options_set_int(opts, PITH_OPT_KEEP_TITLE, 1),
                          "--keep-title");
    if (st != PITH_OK) {
        pith_options_free(opts);
        return NULL;
    }
    return opts;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"url", required_argument, NULL, 'u'},
        {"encoding", required_argument, NULL, 'e'},
        {"title", no_argument, NULL, 't'},
        {"keep-title", no_argument, NULL, OPT_KEEP_TITLE},
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
    pith_options *opts;
    char **files;
    size_t count, i, failures = 0;
    int c, first = 1;

    if (argc > 0)
        argv[0] = progname;
    while ((c = getopt_long(argc, argv, "u:e:to:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'u':
            s.url = optarg;
            break;
        case 'e':
            s.encoding = optarg;
            break;
        case 't':
            s.print_title = 1;
            break;
        case OPT_KEEP_TITLE:
            s.keep_title = 1;
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

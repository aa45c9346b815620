/* torture.c - every allocation failure survived (issue 19).
 *
 * One run is what a program does with pith on a page: the first call of
 * the process (so pith_init() is in it), pith_extract() with the explain
 * option, the title, the text and every metadata field, and a render in
 * each format (Markdown, standalone HTML, JSON with the article as
 * Markdown, the explain view); or, for a WARC job, reading a gzipped WARC
 * file and extracting and rendering as JSON each of its pages. The run is
 * made once undisturbed, counting its allocations (failmalloc.c sees
 * those of pith, libxml2, ICU, json-c, zlib and glibc alike) and hashing
 * all it produced; then once per failure point N, in a child process of
 * its own, with the Nth allocation failing. Each child must end in
 * PITH_OK with the undisturbed output, or in PITH_ERR_NOMEM after which
 * the same run, undisturbed, gives the undisturbed output (a failure,
 * even in pith_init(), is not permanent). A different output reported as
 * success, another status, a crash (a signal) or a hang (no end within
 * the alarm's seconds: a detector of loops, not a measure of speed) is a
 * failure, reported with the job and N so that it can be replayed alone:
 *
 *     torture [-j JOBS] [-a SECONDS] [--from] SPEC...
 *     torture --one SPEC N        one failure point, in this process
 *     torture --points K SPEC...  K failure points per spec, spread out
 *
 * A SPEC is `page:FILE[:STEP]` or `warc:FILE[:STEP]`: STEP 1 tries every
 * N, STEP k every kth from an offset drawn from a fixed seed. --from
 * fails the Nth allocation and every one after it (memory that has run
 * out for good), where the default fails the Nth alone. --one is
 * for valgrind (tests/test-torture.sh runs a sample under it for leaks)
 * and debuggers; --points lists failure points for it. The last line is
 * "torture: P passed, F failed" over all failure points. */
#define _GNU_SOURCE /* dladdr, MAP_ANONYMOUS */
#include <pith.h>

#include "failmalloc.h"

#include <dlfcn.h>
#include <errno.h>
#include <json-c/json_tokener.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/ucsdet.h>
#include <unicode/uloc.h>
#include <unistd.h>
#include <zlib.h>

#define PAGE_URL "https://shore.example/notes/page"
#define DEFAULT_ALARM 20 /* seconds: a run takes milliseconds */
#define MAX_SPECS 16
#define MAX_REPORTED 12 /* failures printed per spec and outcome */

enum kind { PAGE, WARC };

struct spec {
    const char *arg;
    const char *name; /* the file's base name */
    enum kind kind;
    unsigned long step;
    char *data; /* the page, or the WARC file, gzipped */
    size_t len;
};

/* What a run produced, folded into 64 bits (FNV-1a) and a length: the
 * driver itself must allocate nothing while a run is armed. */
struct digest {
    uint64_t hash;
    size_t bytes;
};

static void mix(struct digest *d, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        d->hash = (d->hash ^ s[i]) * 0x100000001b3ull;
    d->bytes += n;
    /* A separator, so that "ab" + "c" and "a" + "bc" differ. */
    d->hash = (d->hash ^ 0xff) * 0x100000001b3ull;
}

static void mix_str(struct digest *d, const char *s)
{
    mix(d, s ? s : "(null)", s ? strlen(s) : 6);
}

/* ---- one run ---------------------------------------------------------- */

static pith_status render(struct digest *d, const pith_doc *doc, pith_format f,
                          const pith_options *ro)
{
    char *out = NULL;
    size_t len = 0;
    pith_status s = pith_doc_render(doc, f, ro, &out, &len);
    if (s == PITH_OK)
        mix(d, out, len);
    pith_free(out);
    return s;
}

static pith_status run_doc(struct digest *d, const char *html, size_t len, const char *url,
                           const char *charset, int all_formats)
{
    pith_status s = PITH_OK;
    pith_options *o = pith_options_new(), *ro = pith_options_new();
    pith_doc *doc = NULL;
    if (!o || !ro)
        s = PITH_ERR_NOMEM;
    if (s == PITH_OK)
        s = pith_options_set_string(o, PITH_OPT_URL, url);
    if (s == PITH_OK && charset)
        s = pith_options_set_string(o, PITH_OPT_ENCODING, charset);
    if (s == PITH_OK && all_formats)
        s = pith_options_set_int(o, PITH_OPT_EXPLAIN, 1);
    if (s == PITH_OK)
        s = pith_options_set_int(ro, PITH_OPT_JSON_CONTENT, PITH_FORMAT_MARKDOWN);
    if (s == PITH_OK)
        s = pith_extract(html, len, o, &doc);
    if (s == PITH_OK) {
        mix_str(d, pith_doc_title(doc));
        mix(d, pith_doc_text(doc), pith_doc_text_length(doc));
        for (int f = PITH_FIELD_TITLE; f <= PITH_FIELD_CONFIDENCE; f++)
            for (size_t i = 0; i < pith_doc_count(doc, (pith_field)f); i++)
                mix_str(d, pith_doc_get(doc, (pith_field)f, i));
        for (size_t i = 0; i < pith_doc_comment_count(doc); i++) {
            for (int f = PITH_COMMENT_AUTHOR; f <= PITH_COMMENT_TEXT; f++)
                mix_str(d, pith_doc_comment_get(doc, i, (pith_comment_field)f));
            int depth = pith_doc_comment_depth(doc, i);
            mix(d, (const char *)&depth, sizeof depth);
        }
        s = render(d, doc, PITH_FORMAT_JSON, ro);
    }
    if (s == PITH_OK && all_formats) {
        /* The comments after the article, in every format that writes
         * them. */
        s = pith_options_set_int(ro, PITH_OPT_COMMENTS, 1);
        if (s == PITH_OK)
            s = render(d, doc, PITH_FORMAT_TEXT, ro);
        if (s == PITH_OK)
            s = render(d, doc, PITH_FORMAT_MARKDOWN, ro);
        if (s == PITH_OK)
            s = render(d, doc, PITH_FORMAT_EXPLAIN, ro);
        if (s == PITH_OK)
            s = pith_options_set_int(ro, PITH_OPT_STANDALONE, 1);
        if (s == PITH_OK)
            s = render(d, doc, PITH_FORMAT_HTML, ro);
    }
    pith_doc_free(doc);
    pith_options_free(ro);
    pith_options_free(o);
    return s;
}

static pith_status run_warc(struct digest *d, const struct spec *sp)
{
    pith_warc *w = NULL;
    pith_status s = pith_warc_open_memory(sp->data, sp->len, NULL, &w);
    while (s == PITH_OK && (s = pith_warc_next(w)) == PITH_OK) {
        size_t len = 0;
        const char *body = pith_warc_body(w, &len);
        mix_str(d, pith_warc_record_id(w));
        mix_str(d, pith_warc_target_uri(w));
        mix_str(d, pith_warc_charset(w));
        s = run_doc(d, body, len, pith_warc_target_uri(w), pith_warc_charset(w), 0);
    }
    pith_warc_free(w);
    return s == PITH_END ? PITH_OK : s;
}

static pith_status run(const struct spec *sp, struct digest *d)
{
    d->hash = 0xcbf29ce484222325ull;
    d->bytes = 0;
    if (sp->kind == WARC)
        return run_warc(d, sp);
    return run_doc(d, sp->data, sp->len, PAGE_URL, NULL, 1);
}

/* ---- what is not failed: ICU 72's own crashes ---------------------------
 *
 * Two of ICU 72's failure paths crash inside ICU, where nothing pith does
 * can avoid them; their allocations are held (neither counted nor failed,
 * failmalloc_hold) and each spec's line says how many there were:
 *
 *  - ucsdet_open(): when an allocation of the new detector fails, it
 *    deletes the half-built CharsetDetector, whose destructor walks the
 *    array it failed to allocate (SIGSEGV in ~CharsetDetector); a failed
 *    `new InputText` is not reported at all, and the next ucsdet_setText()
 *    dereferences it. pith calls it in pith_init() (ICU's warm-up) and for
 *    a page whose encoding it must detect. The program's own ucsdet_open
 *    below wraps ICU's: the dynamic linker binds libpith's call to it.
 *  - ICU's default locale, made on first use in a process
 *    (locale_set_default_internal) and dereferenced unchecked when its
 *    allocation failed: SIGSEGV in locale_get_default under the first
 *    ubrk_open(). main() resolves it before any run (uloc_getDefault).
 *  - ubrk_next() on text that needs a dictionary (CJK, Thai, Korean ...)
 *    loads the script's break engine on first use: when one of those
 *    allocations fails, RuleBasedBreakIterator::getLanguageBreakEngine
 *    dereferences what it did not get (SIGSEGV). The program's ubrk_next
 *    below holds ICU's allocations while it runs.
 *
 * And one of json-c 0.16's: json_tokener_parse_ex() copies an object's
 * key with an unchecked strdup() and hashes the NULL (SIGSEGV in strlen
 * under json_object_object_add_ex), so its allocations are held too.
 *
 * ICU also remembers a failed one-time set-up of its own (a UInitOnce
 * keeps the error): after some failures of ICU's allocations every later
 * call in the process fails as well. Such a point, NOMEM and NOMEM again
 * with the failed allocation ICU's, is counted apart ("NOMEM for good")
 * and passes; anywhere else it fails. */
#define STR_(x) #x
#define STR(x) STR_(x) /* ucsdet_open is a macro for ucsdet_open_72 ... */

static UCharsetDetector *(*icu_ucsdet_open)(UErrorCode *);

UCharsetDetector *ucsdet_open(UErrorCode *status)
{
    failmalloc_hold(1);
    UCharsetDetector *d = icu_ucsdet_open(status);
    failmalloc_hold(0);
    return d;
}

static json_object *(*jsonc_parse_ex)(json_tokener *, const char *, int);

json_object *json_tokener_parse_ex(json_tokener *tok, const char *str, int len)
{
    failmalloc_hold(1);
    json_object *o = jsonc_parse_ex(tok, str, len);
    failmalloc_hold(0);
    return o;
}

static int32_t (*icu_ubrk_next)(UBreakIterator *);

int32_t ubrk_next(UBreakIterator *bi)
{
    failmalloc_hold(1);
    int32_t r = icu_ubrk_next(bi);
    failmalloc_hold(0);
    return r;
}

static int hold_icu_crashes(void)
{
    icu_ubrk_next = (int32_t(*)(UBreakIterator *))dlsym(RTLD_NEXT, STR(ubrk_next));
    jsonc_parse_ex = (json_object * (*)(json_tokener *, const char *, int))
        dlsym(RTLD_NEXT, "json_tokener_parse_ex");
    icu_ucsdet_open = (UCharsetDetector * (*)(UErrorCode *)) dlsym(RTLD_NEXT, STR(ucsdet_open));
    failmalloc_arm(0, FAILMALLOC_ONE);
    const char *loc = uloc_getDefault();
    unsigned long n = failmalloc_disarm();
    printf("torture: ICU's default locale \"%s\" resolved first (%lu allocations)\n",
           loc ? loc : "", n);
    return icu_ucsdet_open && icu_ubrk_next && jsonc_parse_ex ? 0 : -1;
}

/* libxml2 seeds the hash of its dictionaries with time(NULL)
 * (xmlInitRandom, in each child's first call), and a dictionary allocates
 * on a collision: on the real clock the count of a large page's
 * allocations moves from one second to the next. The program's clock is
 * stopped instead (pith itself never reads it). */
#define FIXED_TIME ((time_t)1715500800) /* 2024-05-12 */

time_t time(time_t *t)
{
    if (t)
        *t = FIXED_TIME;
    return FIXED_TIME;
}

/* ---- the jobs' data ------------------------------------------------------ */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    long n = -1;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)n + 1)) && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf)
        *len = (size_t)n;
    return buf;
}

/* Append data[0 .. n-1] to *out as one gzip member (WARC files are
 * gzipped a record per member). */
static int gzip_append(char **out, size_t *len, const char *data, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    size_t cap = deflateBound(&z, (uLong)n);
    char *p = realloc(*out, *len + cap);
    if (!p) {
        deflateEnd(&z);
        return -1;
    }
    *out = p;
    z.next_in = (Bytef *)(uintptr_t)data;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)p + *len;
    z.avail_out = (uInt)cap;
    int r = deflate(&z, Z_FINISH);
    *len += cap - z.avail_out;
    deflateEnd(&z);
    return r == Z_STREAM_END ? 0 : -1;
}

/* A WARC file of three records, each its own gzip member: the crawl's
 * warcinfo, the request and the response, whose HTTP body is `page`
 * gzipped (a content coding, with the charset in its Content-Type). */
static char *make_warc(const char *page, size_t page_len, size_t *len)
{
    char *gz = NULL, *warc = NULL, head[1024], http[512];
    size_t gz_len = 0;
    *len = 0;
    if (gzip_append(&gz, &gz_len, page, page_len))
        goto fail;
    static const char info[] = "software: pith torture\r\nformat: WARC File Format 1.0\r\n";
    static const char request[] = "GET /notes/cafe HTTP/1.1\r\nHost: shore.example\r\n\r\n";
    int h = snprintf(http, sizeof http,
                     "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n"
                     "Content-Encoding: gzip\r\nContent-Length: %zu\r\n\r\n",
                     gz_len);
    struct {
        const char *type, *ctype;
        const char *a, *b;
        size_t alen, blen;
    } rec[3] = {
        {"warcinfo", "application/warc-fields", info, "", sizeof info - 1, 0},
        {"request", "application/http; msgtype=request", request, "", sizeof request - 1, 0},
        {"response", "application/http; msgtype=response", http, gz, (size_t)h, gz_len},
    };
    for (int i = 0; i < 3; i++) {
        int n = snprintf(head, sizeof head,
                         "WARC/1.0\r\nWARC-Type: %s\r\n"
                         "WARC-Record-ID: <urn:uuid:6f1c0b6e-0000-4000-8000-00000000000%d>\r\n"
                         "WARC-Date: 2024-05-12T10:00:00Z\r\n%s"
                         "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n",
                         rec[i].type, i + 1,
                         i ? "WARC-Target-URI: https://shore.example/notes/cafe\r\n" : "",
                         rec[i].ctype, rec[i].alen + rec[i].blen);
        size_t rl = (size_t)n + rec[i].alen + rec[i].blen + 4;
        char *r = malloc(rl);
        if (!r)
            goto fail;
        memcpy(r, head, (size_t)n);
        memcpy(r + n, rec[i].a, rec[i].alen);
        memcpy(r + n + rec[i].alen, rec[i].b, rec[i].blen);
        memcpy(r + rl - 4, "\r\n\r\n", 4);
        int e = gzip_append(&warc, len, r, rl);
        free(r);
        if (e)
            goto fail;
    }
    free(gz);
    return warc;
fail:
    free(gz);
    free(warc);
    return NULL;
}

static int load(struct spec *sp, const char *arg)
{
    char path[4096];
    sp->arg = arg;
    sp->step = 1;
    if (!strncmp(arg, "page:", 5))
        sp->kind = PAGE;
    else if (!strncmp(arg, "warc:", 5))
        sp->kind = WARC;
    else
        return -1;
    snprintf(path, sizeof path, "%s", arg + 5);
    char *colon = strrchr(path, ':');
    if (colon && colon[1] && strspn(colon + 1, "0123456789") == strlen(colon + 1)) {
        sp->step = strtoul(colon + 1, NULL, 10);
        *colon = '\0';
    }
    if (sp->step == 0)
        return -1;
    const char *slash = strrchr(arg + 5, '/');
    sp->name = slash ? slash + 1 : arg + 5;
    size_t len = 0;
    char *page = read_file(path, &len);
    if (!page) {
        fprintf(stderr, "torture: %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (sp->kind == PAGE) {
        sp->data = page;
        sp->len = len;
        return 0;
    }
    sp->data = make_warc(page, len, &sp->len);
    free(page);
    return sp->data ? 0 : -1;
}

/* ---- one failure point ------------------------------------------------- */

enum outcome {
    SAME,   /* PITH_OK, the undisturbed output */
    NOMEM,  /* PITH_ERR_NOMEM, then the undisturbed output when run again */
    WRONG,  /* PITH_OK with another output: silent data loss */
    STATUS, /* another status, or NOMEM then a failed second run */
    STUCK,  /* NOMEM, and NOMEM again: ICU's one-time set-up failed for good */
    UNSEEN, /* the Nth allocation was never made: the run is not repeatable */
    HANG,   /* killed by the alarm */
    CRASH,  /* another signal */
    N_OUTCOMES
};

static const char *const outcome_names[N_OUTCOMES] = {"same output",
                                                      "NOMEM",
                                                      "different output with PITH_OK",
                                                      "wrong status",
                                                      "NOMEM for good (ICU)",
                                                      "never reached",
                                                      "hang",
                                                      "crash"};

/* What a child reports back, through memory shared with the parent. */
struct report {
    int outcome;
    int status, retry_status;
    struct digest got;
    char culprit[96]; /* the object whose allocation failed */
};

/* Where the failed allocation came from: the object and function, found
 * with dladdr, which allocates nothing. */
static void name_culprit(char *buf, size_t size)
{
    Dl_info info;
    const void *at = failmalloc_failed_caller();
    buf[0] = '\0';
    if (at && dladdr(at, &info) && info.dli_fname) {
        const char *base = strrchr(info.dli_fname, '/');
        snprintf(buf, size, "%s %s", base ? base + 1 : info.dli_fname,
                 info.dli_sname ? info.dli_sname : "?");
    }
}

static enum failmalloc_mode fail_mode = FAILMALLOC_ONE; /* --from */

static void try_point(const struct spec *sp, unsigned long n, const struct digest *want,
                      struct report *r)
{
    struct digest got;
    failmalloc_arm(n, fail_mode);
    pith_status s = run(sp, &got);
    unsigned long failed = failmalloc_failures();
    failmalloc_disarm();
    name_culprit(r->culprit, sizeof r->culprit);
    r->status = s;
    r->got = got;
    r->retry_status = PITH_OK;
    if (failed == 0)
        r->outcome = UNSEEN;
    else if (s == PITH_OK)
        r->outcome = got.hash == want->hash && got.bytes == want->bytes ? SAME : WRONG;
    else if (s != PITH_ERR_NOMEM)
        r->outcome = STATUS;
    else {
        r->retry_status = run(sp, &got);
        r->outcome = r->retry_status == PITH_OK && got.hash == want->hash &&
                             got.bytes == want->bytes
                         ? NOMEM
                         : STATUS;
        if (r->retry_status == PITH_ERR_NOMEM && !strncmp(r->culprit, "libicu", 6))
            r->outcome = STUCK;
    }
}

/* ---- the parent: children, alarms, tallies --------------------------- */

struct slot {
    pid_t pid;
    unsigned long n;
};

static unsigned alarm_seconds = DEFAULT_ALARM;

/* The undisturbed run, in a child so that the parent's libraries stay as
 * they were (every child starts where the first call of a process does). */
static int reference(const struct spec *sp, struct report *shared, struct digest *want,
                     unsigned long *total, unsigned long *held)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        alarm(alarm_seconds * 5);
        failmalloc_arm(0, FAILMALLOC_ONE);
        shared->status = run(sp, &shared->got);
        shared->retry_status = (int)failmalloc_disarm(); /* the count */
        shared->outcome = (int)failmalloc_held();
        _exit(0);
    }
    int ws;
    if (waitpid(pid, &ws, 0) != pid || !WIFEXITED(ws) || WEXITSTATUS(ws) != 0 ||
        shared->status != PITH_OK) {
        fprintf(stderr, "torture: %s: the undisturbed run failed (%s)\n", sp->arg,
                WIFSIGNALED(ws) ? strsignal(WTERMSIG(ws)) : pith_status_name(shared->status));
        return -1;
    }
    *want = shared->got;
    *total = (unsigned long)shared->retry_status;
    *held = (unsigned long)shared->outcome;
    return *total > 0 ? 0 : -1;
}

/* The first failure point a spec tries: 1 for every N, else one drawn
 * from a fixed seed per spec (the same points on every run). */
static unsigned long first_point(const struct spec *sp)
{
    if (sp->step == 1)
        return 1;
    unsigned long h = 5381;
    for (const char *c = sp->name; *c; c++)
        h = h * 33 + (unsigned char)*c;
    return 1 + h % sp->step;
}

static void print_failure(const struct spec *sp, unsigned long n, int outcome,
                          const struct report *r, int sig)
{
    printf("torture: FAIL %s: allocation %lu failing: %s", sp->arg, n, outcome_names[outcome]);
    if (outcome == CRASH)
        printf(" (%s)", strsignal(sig));
    else if (outcome == STATUS)
        printf(" (%s, then %s)", pith_status_name(r->status), pith_status_name(r->retry_status));
    if (r && r->culprit[0] && outcome != HANG && outcome != CRASH)
        printf(" [failed in %s]", r->culprit);
    printf("\n");
}

static int torture_spec(const struct spec *sp, int jobs, unsigned long tally[N_OUTCOMES])
{
    struct report *shared = mmap(NULL, sizeof *shared * (size_t)(jobs + 1), PROT_READ | PROT_WRITE,
                                 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED)
        return -1;
    struct digest want;
    unsigned long total = 0, held = 0, reported[N_OUTCOMES] = {0}, mine[N_OUTCOMES] = {0};
    if (reference(sp, &shared[jobs], &want, &total, &held)) {
        munmap(shared, sizeof *shared * (size_t)(jobs + 1));
        return -1;
    }
    struct slot slots[64] = {{0, 0}};
    unsigned long next = first_point(sp), tried = 0;
    int running = 0;
    fflush(stdout);
    while (next <= total || running) {
        /* Start children while there is a free slot. */
        for (int i = 0; i < jobs && next <= total; i++) {
            if (slots[i].pid)
                continue;
            unsigned long n = next;
            next += sp->step;
            pid_t pid = fork();
            if (pid == 0) {
                alarm(alarm_seconds);
                try_point(sp, n, &want, &shared[i]);
                _exit(0);
            }
            if (pid < 0) {
                perror("torture: fork");
                return -1;
            }
            slots[i].pid = pid;
            slots[i].n = n;
            running++;
        }
        int ws;
        pid_t pid = wait(&ws);
        if (pid < 0)
            return -1;
        for (int i = 0; i < jobs; i++) {
            if (slots[i].pid != pid)
                continue;
            int outcome, sig = 0;
            const struct report *r = &shared[i];
            if (WIFSIGNALED(ws)) {
                sig = WTERMSIG(ws);
                outcome = sig == SIGALRM ? HANG : CRASH;
                r = NULL;
            } else {
                outcome = WIFEXITED(ws) && WEXITSTATUS(ws) == 0 ? r->outcome : CRASH;
            }
            mine[outcome]++;
            tried++;
            if (outcome != SAME && outcome != NOMEM && outcome != STUCK &&
                reported[outcome]++ < MAX_REPORTED)
                print_failure(sp, slots[i].n, outcome, r, sig);
            memset(&shared[i], 0, sizeof shared[i]);
            slots[i].pid = 0;
            running--;
        }
    }
    printf(
        "torture: %s%s: %lu allocations (and %lu held: ucsdet_open, ubrk_next, json_tokener_parse_ex), "
        "%lu failure points tried (every %lu%s):",
        sp->arg, fail_mode == FAILMALLOC_FROM ? " (--from)" : "", total, held, tried, sp->step,
        sp->step > 1 ? ", fixed seed" : "");
    for (int o = 0; o < N_OUTCOMES; o++) {
        if (mine[o] || o <= NOMEM)
            printf(" %s %lu%s", outcome_names[o], mine[o], o + 1 < N_OUTCOMES ? ";" : "");
        tally[o] += mine[o];
    }
    printf("\n");
    fflush(stdout);
    munmap(shared, sizeof *shared * (size_t)(jobs + 1));
    return 0;
}

/* --one: a failure point in this process, for valgrind: 0 when it ends as
 * it must. The undisturbed output is made after it, which runs the same
 * (the output never depends on what the process did before). */
static int one_point(const struct spec *sp, unsigned long n)
{
    struct report r;
    struct digest want = {0, 0};
    memset(&r, 0, sizeof r);
    try_point(sp, n, &want, &r); /* `want` is not read yet: see below */
    pith_status s = run(sp, &want);
    int ok = r.outcome == STUCK ||
             (s == PITH_OK &&
              (r.outcome == NOMEM || r.outcome == STATUS
                   ? r.status == PITH_ERR_NOMEM && r.retry_status == PITH_OK
                   : r.outcome != UNSEEN && r.got.hash == want.hash && r.got.bytes == want.bytes));
    printf("torture: %s: allocation %lu failing: %s%s [failed in %s]\n", sp->arg, n,
           pith_status_name(r.status), ok ? "" : ": FAIL", r.culprit[0] ? r.culprit : "-");
    return ok ? 0 : 1;
}

static void usage(void)
{
    fprintf(stderr, "usage: torture [-j JOBS] [-a SECONDS] [--from] SPEC...\n"
                    "       torture --one SPEC N\n"
                    "       torture --points K SPEC...\n"
                    "SPEC: page:FILE[:STEP] or warc:FILE[:STEP]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    struct spec specs[MAX_SPECS];
    int n_specs = 0, jobs = 2, points = 0;
    unsigned long one = 0;
    int i = 1;
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!failmalloc_active()) {
        printf("torture: failmalloc is compiled out (a sanitizer build): cannot run\n");
        printf("torture: 0 passed, 1 failed\n");
        return 1;
    }
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-j") && i + 1 < argc)
            jobs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-a") && i + 1 < argc)
            alarm_seconds = (unsigned)atoi(argv[++i]);
        else if (!strcmp(argv[i], "--from"))
            fail_mode = FAILMALLOC_FROM;
        else if (!strcmp(argv[i], "--points") && i + 1 < argc)
            points = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--one") && i + 2 < argc) {
            one = strtoul(argv[i + 2], NULL, 10);
            argc = i + 2;
        } else
            usage();
    }
    if (jobs < 1 || jobs > 64 || alarm_seconds == 0)
        usage();
    for (; i < argc; i++) {
        if (n_specs == MAX_SPECS || load(&specs[n_specs], argv[i]))
            usage();
        n_specs++;
    }
    if (n_specs == 0)
        usage();
    if (hold_icu_crashes()) {
        printf(
            "torture: a wrapped ICU or json-c function is not found\ntorture: 0 passed, 1 failed\n");
        return 1;
    }
    if (one) {
        int e = one_point(&specs[0], one);
        free(specs[0].data);
        return e;
    }
    if (points) {
        struct report *shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE,
                                     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        for (int k = 0; k < n_specs; k++) {
            struct digest want;
            unsigned long total, held;
            if (shared == MAP_FAILED || reference(&specs[k], shared, &want, &total, &held))
                return 1;
            for (int p = 0; p < points; p++)
                printf("%s %lu\n", specs[k].arg,
                       1 + (unsigned long)p * total / (unsigned long)points);
            free(specs[k].data);
        }
        return 0;
    }
    unsigned long tally[N_OUTCOMES] = {0};
    int broken = 0;
    for (int k = 0; k < n_specs; k++)
        if (torture_spec(&specs[k], jobs, tally))
            broken++;
    unsigned long pass = tally[SAME] + tally[NOMEM] + tally[STUCK], fail = broken;
    for (int o = WRONG; o < N_OUTCOMES; o++)
        if (o != STUCK)
            fail += tally[o];
    printf("torture: %lu passed, %lu failed\n", pass, fail);
    for (int k = 0; k < n_specs; k++)
        free(specs[k].data);
    return fail ? 1 : 0;
}

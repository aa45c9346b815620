/* pith_bench - how fast pith extracts, how much memory it takes, and how far
 * it is from the floor: libxml2 parsing the same pages and nothing else.
 *
 *   pith_bench [-j N] [-r N] [-n N] [DIR]     timing table + one key=value line
 *   pith_bench --callgrind [-n N] [DIR]        instructions under callgrind
 *   pith_bench --scaling [-j N]                what N threads of a CPU-bound loop
 *                                              gain over one, now (bench-warc.sh)
 *   pith_bench --soak N [DIR]                  memory over N extractions
 *
 * DIR holds the pages (every *.html file, read into memory before timing).
 * -j: threads for the parallel run (default: online cores); -r: repetitions
 * (default 3; pith and floor passes alternate; the fastest pass gives pages/s
 * and MB/s, the per-page median over passes gives latencies); -n: use only
 * N pages, spread evenly over the sorted file list (default all; 50 with
 * --callgrind).
 *
 * Only the public API (pith.h) is used for pith; libxml2 directly for the
 * floor, with the options pith parses with, on the raw bytes (encoding NULL:
 * libxml2 decodes by itself, which is what a caller without pith would do). */
#define _GNU_SOURCE
#include <pith.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FLOOR_OPTIONS                                                                    \
    (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | \
     HTML_PARSE_COMPACT | XML_PARSE_HUGE)

#define CALLGRIND_PAGES 50
#define SOAK_FIRST_MARK 1000

struct page {
    char *name;
    char *data;
    size_t len;
};

static struct page *pages;
static size_t n_pages, total_bytes;

static void die(const char *what)
{
    fprintf(stderr, "pith_bench: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("malloc");
    return p;
}

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
    return clock_s(CLOCK_MONOTONIC);
}

/* ---- loading ------------------------------------------------------------ */

static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct page *)a)->name, ((const struct page *)b)->name);
}

static void load_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        die(dir);
    size_t cap = 256;
    pages = xmalloc(cap * sizeof *pages);
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 6 || strcmp(e->d_name + l - 5, ".html"))
            continue;
        if (n_pages == cap) {
            cap *= 2;
            pages = realloc(pages, cap * sizeof *pages);
            if (!pages)
                die("realloc");
        }
        pages[n_pages].name = strdup(e->d_name);
        if (!pages[n_pages].name)
            die("strdup");
        n_pages++;
    }
    closedir(d);
    qsort(pages, n_pages, sizeof *pages, by_name);
    for (size_t i = 0; i < n_pages; i++) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, pages[i].name);
        FILE *f = fopen(path, "rb");
        struct stat sb;
        if (!f || fstat(fileno(f), &sb) != 0)
            die(path);
        pages[i].data = xmalloc((size_t)sb.st_size);
        pages[i].len = fread(pages[i].data, 1, (size_t)sb.st_size, f);
        fclose(f);
        total_bytes += pages[i].len;
    }
}

/* Keep `want` pages spread evenly over the sorted list: a fixed subset that
 * does not depend on the machine. */
static void keep_subset(size_t want)
{
    if (!want || want >= n_pages)
        return;
    size_t kept = 0;
    total_bytes = 0;
    for (size_t k = 0; k < want; k++) {
        /* i >= kept, and later picks lie beyond i: swapping keeps every
         * page exactly once, the unpicked ones after `kept`. */
        size_t i = k * n_pages / want;
        struct page p = pages[i];
        pages[i] = pages[kept];
        pages[kept++] = p;
        total_bytes += p.len;
    }
    for (size_t i = kept; i < n_pages; i++) {
        free(pages[i].data);
        free(pages[i].name);
    }
    n_pages = kept;
}

/* ---- memory ------------------------------------------------------------- */

/* A field of /proc/self/status in kB ("VmRSS", "VmHWM"), or -1. */
static long status_kb(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    long v = -1;
    size_t fl = strlen(field);
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, field, fl) && line[fl] == ':') {
            v = strtol(line + fl + 1, NULL, 10);
            break;
        }
    fclose(f);
    return v;
}

static long maxrss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Reset VmHWM to the current RSS (Linux 4.0+); 0 on success. */
static int reset_hwm(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (!f)
        return -1;
    int ok = fputs("5", f) >= 0;
    return fclose(f) == 0 && ok ? 0 : -1;
}

/* Peak RSS since reset_hwm(), or since the start when it failed. */
static long peak_kb(int was_reset)
{
    long v = was_reset ? status_kb("VmHWM") : -1;
    return v >= 0 ? v : maxrss_kb();
}

/* ---- the two workloads ------------------------------------------------- */

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void silent_structured(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

static atomic_size_t failures;

static void run_pith(const struct page *p)
{
    pith_doc *doc = NULL;
    if (pith_extract(p->data, p->len, NULL, &doc) != PITH_OK)
        atomic_fetch_add(&failures, 1);
    pith_doc_free(doc);
}

static void run_floor(const struct page *p)
{
    xmlDocPtr doc = htmlReadMemory(p->data, (int)p->len, NULL, NULL, FLOOR_OPTIONS);
    if (!doc)
        atomic_fetch_add(&failures, 1);
    xmlFreeDoc(doc);
}

/* ---- timed runs ---------------------------------------------------------- */

struct job {
    void (*work)(const struct page *);
    atomic_size_t next;
    double *latency; /* per page, seconds */
};

static void *worker(void *arg)
{
    struct job *j = arg;
    /* libxml2's error handlers are per thread. */
    xmlSetGenericErrorFunc(NULL, silent);
    xmlSetStructuredErrorFunc(NULL, silent_structured);
    for (;;) {
        size_t i = atomic_fetch_add(&j->next, 1);
        if (i >= n_pages)
            break;
        double t0 = now();
        j->work(&pages[i]);
        j->latency[i] = now() - t0;
    }
    return NULL;
}

/* One pass over every page with `threads` threads; returns the wall time
 * and sets *cpu to the CPU time the process used. */
static double run_once(void (*work)(const struct page *), int threads, double *latency, double *cpu)
{
    struct job j = {work, 0, latency};
    pthread_t *t = xmalloc((size_t)threads * sizeof *t);
    double c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    double t0 = now();
    if (threads == 1) {
        worker(&j);
    } else {
        for (int k = 0; k < threads; k++)
            if ((errno = pthread_create(&t[k], NULL, worker, &j)) != 0)
                die("pthread_create");
        for (int k = 0; k < threads; k++)
            pthread_join(t[k], NULL);
    }
    double wall = now() - t0;
    *cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
    free(t);
    return wall;
}

/* What the machine gives right now: the same CPU-bound loop in one thread,
 * then in `threads` threads at once; returns how many times one thread's
 * work got done per unit of time. Virtual machines and neighbours' load
 * often give much less than the number of cores. */
static void *spin(void *arg)
{
    volatile uint64_t x = 0;
    for (uint64_t i = 0; i < 200000000u; i++)
        x += i ^ (x >> 3);
    (void)arg;
    return NULL;
}

static double machine_scaling(int threads)
{
    pthread_t *t = xmalloc((size_t)threads * sizeof *t);
    double t0 = now();
    spin(NULL);
    double one = now() - t0;
    t0 = now();
    for (int k = 0; k < threads; k++)
        if ((errno = pthread_create(&t[k], NULL, spin, NULL)) != 0)
            die("pthread_create");
    for (int k = 0; k < threads; k++)
        pthread_join(t[k], NULL);
    double many = now() - t0;
    free(t);
    return (double)threads * one / many;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

struct result {
    double wall;           /* fastest repetition */
    double cpu;            /* least CPU time of a repetition, all threads */
    double p50, p99, mean; /* per-page latency, ms */
};

/* Latency percentiles from `reps` passes: the per-page median over the
 * passes, then p50/p99 over the pages. */
static void latencies(struct result *r, const double *lat, int reps)
{
    double *per = xmalloc(n_pages * sizeof *per), col[64];
    int nc = reps < 64 ? reps : 64;
    r->mean = 0;
    for (size_t i = 0; i < n_pages; i++) {
        for (int k = 0; k < nc; k++)
            col[k] = lat[(size_t)k * n_pages + i];
        qsort(col, (size_t)nc, sizeof *col, cmp_double);
        per[i] = col[(nc - 1) / 2];
        r->mean += per[i];
    }
    qsort(per, n_pages, sizeof *per, cmp_double);
    r->p50 = per[(n_pages - 1) / 2] * 1e3;
    r->p99 = per[(size_t)((double)(n_pages - 1) * 0.99 + 0.5)] * 1e3;
    r->mean = r->mean / (double)n_pages * 1e3;
    free(per);
}

/* `reps` passes of pith and of the floor, alternating, so that both see the
 * same machine (other load comes and goes); the fastest pass of each gives
 * its throughput. */
static void measure(int threads, int reps, struct result *pith, struct result *floor)
{
    double *lp = xmalloc((size_t)reps * n_pages * sizeof *lp);
    double *lf = xmalloc((size_t)reps * n_pages * sizeof *lf);
    for (int k = 0; k < reps; k++) {
        double c, w = run_once(run_pith, threads, lp + (size_t)k * n_pages, &c);
        if (k == 0 || w < pith->wall)
            pith->wall = w;
        if (k == 0 || c < pith->cpu)
            pith->cpu = c;
        w = run_once(run_floor, threads, lf + (size_t)k * n_pages, &c);
        if (k == 0 || w < floor->wall)
            floor->wall = w;
        if (k == 0 || c < floor->cpu)
            floor->cpu = c;
    }
    latencies(pith, lp, reps);
    latencies(floor, lf, reps);
    free(lp);
    free(lf);
}

static double pps(const struct result *r)
{
    return (double)n_pages / r->wall;
}

static double mbps(const struct result *r)
{
    return (double)total_bytes / 1e6 / r->wall;
}

static void row(const char *what, int threads, const struct result *r)
{
    printf("%-14s %7d %9.1f %8.2f %9.2f %9.2f %9.3f %9.3f\n", what, threads, pps(r), mbps(r),
           r->p50, r->p99, r->wall, r->cpu);
}

/* Peak RSS growth while extracting one page, in kB, measured in a fresh
 * process (this one's heap already holds freed memory that an extraction
 * would reuse unseen): the child extracts a small page to bring in ICU's
 * data and libxml2's tables, notes its RSS, extracts the page and reports
 * its peak RSS minus that. -1 on failure. */
static long peak_child(const char *path)
{
    size_t len = 0;
    FILE *f = fopen(path, "rb");
    struct stat sb;
    if (!f || fstat(fileno(f), &sb) != 0)
        return -1;
    char *data = xmalloc((size_t)sb.st_size);
    len = fread(data, 1, (size_t)sb.st_size, f);
    fclose(f);
    static const char warm[] = "<html><head><title>t</title></head><body><article>"
                               "<p>Warm up, with caf\xc3\xa9 for ICU.</p></article></body></html>";
    struct page w = {NULL, (char *)warm, sizeof warm - 1}, p = {NULL, data, len};
    run_pith(&w);
    long before = status_kb("VmRSS");
    run_pith(&p);
    /* VmHWM, not ru_maxrss: across exec the latter keeps the forking
     * parent's peak. */
    long peak = status_kb("VmHWM");
    free(data);
    return before < 0 || peak < 0 || failures ? -1 : peak - before;
}

static long largest_page_peak(const char *dir, size_t *which)
{
    size_t big = 0;
    for (size_t i = 1; i < n_pages; i++)
        if (pages[i].len > pages[big].len)
            big = i;
    *which = big;
    char self[PATH_MAX], path[PATH_MAX + 300], arg[PATH_MAX + 320];
    ssize_t l = readlink("/proc/self/exe", self, sizeof self - 1);
    if (l <= 0)
        return -1;
    self[l] = '\0';
    snprintf(path, sizeof path, "%s/%s", dir, pages[big].name);
    snprintf(arg, sizeof arg, "--peak-child=%s", path);
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        execl(self, self, arg, (char *)NULL);
        _exit(127);
    }
    close(fd[1]);
    char buf[64] = {0};
    ssize_t got = read(fd[0], buf, sizeof buf - 1);
    close(fd[0]);
    int st;
    waitpid(pid, &st, 0);
    if (got <= 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
        return -1;
    return strtol(buf, NULL, 10);
}

static int bench(const char *dir, int threads, int reps)
{
    size_t big;
    double load[1] = {-1};
    getloadavg(load, 1);
    long big_peak = largest_page_peak(dir, &big);
    /* Loading (and -n dropping pages) peaked above what stays resident:
     * growth is counted from here. */
    long rss_loaded = status_kb("VmRSS");
    int was_reset = reset_hwm() == 0;

    struct result p1 = {0}, f1 = {0}, pn = {0}, fn = {0};
    measure(1, reps, &p1, &f1);
    long max1 = peak_kb(was_reset);
    measure(threads, reps, &pn, &fn);
    long maxn = peak_kb(was_reset), maxrss = maxrss_kb();
    double machine = machine_scaling(threads);

    printf("pith_bench: %zu pages, %.1f MB, %d repetitions (best), pith %s, libxml2 %s\n", n_pages,
           (double)total_bytes / 1e6, reps, pith_version(), xmlParserVersion);
    printf("load average at start %.2f; a CPU-bound loop in %d threads ran %.2fx one "
           "thread\n\n",
           load[0], threads, machine);
    printf("%-14s %7s %9s %8s %9s %9s %9s %9s\n", "run", "threads", "pages/s", "MB/s", "p50 ms",
           "p99 ms", "wall s", "CPU s");
    row("pith", 1, &p1);
    row("libxml2 floor", 1, &f1);
    row("pith", threads, &pn);
    row("libxml2 floor", threads, &fn);
    double mult1 = p1.wall / f1.wall, multn = pn.wall / fn.wall;
    double scale = p1.wall / pn.wall;
    printf("\npith / floor: %.2fx (1 thread; in CPU time %.2fx), %.2fx (%d threads); "
           "%d threads = %.2fx one thread (floor %.2fx, machine %.2fx)\n",
           mult1, p1.cpu / f1.cpu, multn, threads, threads, scale, f1.wall / fn.wall, machine);
    /* The scheduler may give this process less than `threads` CPUs (other
     * load, a VM, per-session fair share): CPU time tells what threading
     * itself costs, and what `threads` idle cores would give. */
    double eff = p1.cpu / pn.cpu;
    printf("CPU time: pith in %d threads used %.2fx the CPU time of one thread for the same "
           "pages (floor %.2fx); %d idle cores would give about %.2fx one thread\n",
           threads, pn.cpu / p1.cpu, fn.cpu / f1.cpu, threads, eff * threads);
    printf("peak RSS (ru_maxrss) %ld kB; with the pages loaded %ld kB, peak growth while "
           "extracting: %ld kB (1 thread), %ld kB (%d threads)\n",
           maxrss, rss_loaded, max1 - rss_loaded, maxn - rss_loaded, threads);
    if (big_peak >= 0)
        printf("largest page %s, %zu bytes, alone in a fresh process: peak RSS growth "
               "%ld kB = %.1fx its size\n",
               pages[big].name, pages[big].len, big_peak,
               (double)big_peak * 1024.0 / (double)pages[big].len);
    if (failures)
        printf("failures: %zu\n", (size_t)failures);

    printf("\npages=%zu bytes=%zu reps=%d threads=%d"
           " pith1_pps=%.1f pith1_mbps=%.2f pith1_p50_ms=%.3f pith1_p99_ms=%.3f"
           " floor1_pps=%.1f floor1_mbps=%.2f"
           " pithN_pps=%.1f pithN_mbps=%.2f pithN_p50_ms=%.3f pithN_p99_ms=%.3f"
           " floorN_pps=%.1f floorN_mbps=%.2f"
           " floor_multiple1=%.3f floor_multipleN=%.3f cpu_multiple1=%.3f"
           " scaling=%.3f floor_scaling=%.3f cpu_scaling=%.3f"
           " machine_scaling=%.3f load=%.2f"
           " maxrss_kb=%ld loaded_kb=%ld growth1_kb=%ld growthN_kb=%ld"
           " largest_bytes=%zu largest_peak_kb=%ld failures=%zu\n",
           n_pages, total_bytes, reps, threads, pps(&p1), mbps(&p1), p1.p50, p1.p99, pps(&f1),
           mbps(&f1), pps(&pn), mbps(&pn), pn.p50, pn.p99, pps(&fn), mbps(&fn), mult1, multn,
           p1.cpu / f1.cpu, scale, f1.wall / fn.wall, eff * threads, machine, load[0], maxrss,
           rss_loaded, max1 - rss_loaded, maxn - rss_loaded, pages[big].len, big_peak,
           (size_t)failures);
    return failures ? 1 : 0;
}

/* ---- soak ------------------------------------------------------------------ */

static void soak_mark(size_t done)
{
    struct mallinfo2 mi = mallinfo2();
    printf("after %7zu extractions: RSS %7ld kB, malloc in use %7zu kB\n", done, status_kb("VmRSS"),
           mi.uordblks / 1024);
}

static int soak(size_t n)
{
    printf("pith_bench --soak: %zu extractions round-robin over %zu pages\n", n, n_pages);
    long rss0 = status_kb("VmRSS");
    size_t first = n < SOAK_FIRST_MARK ? n : SOAK_FIRST_MARK;
    long rss1 = 0, rss2;
    size_t heap1 = 0, heap2;
    for (size_t i = 0; i < n; i++) {
        run_pith(&pages[i % n_pages]);
        if (i + 1 == first) {
            soak_mark(i + 1);
            rss1 = status_kb("VmRSS");
            heap1 = mallinfo2().uordblks;
        }
    }
    if (n != first)
        soak_mark(n);
    rss2 = status_kb("VmRSS");
    heap2 = mallinfo2().uordblks;
    printf("\nsoak=%zu rss_start_kb=%ld rss_first_kb=%ld rss_end_kb=%ld rss_growth_kb=%ld"
           " heap_first_kb=%zu heap_end_kb=%zu heap_growth_kb=%ld failures=%zu\n",
           n, rss0, rss1, rss2, rss2 - rss1, heap1 / 1024, heap2 / 1024,
           ((long)heap2 - (long)heap1) / 1024, (size_t)failures);
    return failures ? 1 : 0;
}

/* ---- callgrind ------------------------------------------------------------- */

/* The function callgrind counts (--toggle-collect): one per workload, each
 * in its own valgrind run (several --dump-after options in one run gave
 * empty dumps with valgrind 3.19). */
__attribute__((noinline)) void cg_counted(void (*work)(const struct page *));

__attribute__((noinline)) void cg_counted(void (*work)(const struct page *))
{
    for (size_t i = 0; i < n_pages; i++)
        work(&pages[i]);
}

/* Under valgrind: one uncounted pass to warm up (ICU data, libxml2 tables,
 * the first allocations), then the counted pass. */
static int callgrind_child(const char *which)
{
    void (*work)(const struct page *) = !strcmp(which, "floor") ? run_floor : run_pith;
    xmlSetGenericErrorFunc(NULL, silent);
    xmlSetStructuredErrorFunc(NULL, silent_structured);
    for (size_t i = 0; i < n_pages; i++)
        work(&pages[i]);
    cg_counted(work);
    return failures ? 1 : 0;
}

/* Total Ir of a callgrind output file ("summary:" or "totals:" line). */
static long long cg_total(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[512];
    long long v = -1;
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, "summary:", 8) || !strncmp(line, "totals:", 7))
            v = strtoll(strchr(line, ':') + 1, NULL, 10);
    fclose(f);
    return v;
}

/* Run this program under callgrind on one workload; returns its Ir. */
static long long cg_run(const char *self, const char *dir, size_t want, const char *which)
{
    char tmp[] = "/tmp/pith-bench-XXXXXX";
    if (!mkdtemp(tmp))
        die("mkdtemp");
    char out[PATH_MAX + 128], path[PATH_MAX + 64], nbuf[32], child[64];
    snprintf(path, sizeof path, "%s/cg.out", tmp);
    snprintf(out, sizeof out, "--callgrind-out-file=%s", path);
    snprintf(nbuf, sizeof nbuf, "%zu", want);
    snprintf(child, sizeof child, "--callgrind-child=%s", which);
    pid_t pid = fork();
    if (pid < 0)
        die("fork");
    if (pid == 0) {
        execlp("valgrind", "valgrind", "--tool=callgrind", "--quiet", "--collect-atstart=no",
               "--toggle-collect=cg_counted", out, self, child, "-n", nbuf, dir, (char *)NULL);
        fprintf(stderr, "pith_bench: cannot run valgrind: %s\n", strerror(errno));
        _exit(127);
    }
    int st;
    if (waitpid(pid, &st, 0) < 0)
        die("waitpid");
    long long ir = -1;
    if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
        ir = cg_total(path);
    else
        fprintf(stderr, "pith_bench: the valgrind run for %s failed\n", which);
    unlink(path);
    rmdir(tmp);
    return ir;
}

static int callgrind(const char *dir)
{
    char self[PATH_MAX];
    ssize_t l = readlink("/proc/self/exe", self, sizeof self - 1);
    if (l <= 0)
        die("/proc/self/exe");
    self[l] = '\0';
    printf("pith_bench --callgrind: %zu pages (%.1f MB) of %s, each workload once under "
           "valgrind after one uncounted pass\n",
           n_pages, (double)total_bytes / 1e6, dir);
    fflush(stdout);
    long long ir_pith = cg_run(self, dir, n_pages, "pith");
    long long ir_floor = cg_run(self, dir, n_pages, "floor");
    if (ir_pith <= 0 || ir_floor <= 0) {
        fprintf(stderr, "pith_bench: no callgrind totals\n");
        return 1;
    }
    printf("\n%-14s %16s %12s\n", "run", "instructions", "per byte");
    printf("%-14s %16lld %12.1f\n", "pith", ir_pith, (double)ir_pith / (double)total_bytes);
    printf("%-14s %16lld %12.1f\n", "libxml2 floor", ir_floor,
           (double)ir_floor / (double)total_bytes);
    printf("pith / floor: %.2fx\n", (double)ir_pith / (double)ir_floor);
    printf("\ncg_pages=%zu cg_bytes=%zu pith_ir=%lld floor_ir=%lld ir_multiple=%.3f\n", n_pages,
           total_bytes, ir_pith, ir_floor, (double)ir_pith / (double)ir_floor);
    return 0;
}

/* ---- main --------------------------------------------------------------- */

static void usage(void)
{
    fprintf(stderr, "usage: pith_bench [-j THREADS] [-r REPS] [-n PAGES] [DIR]\n"
                    "       pith_bench --callgrind [-n PAGES] [DIR]\n"
                    "       pith_bench --soak N [DIR]\n"
                    "       pith_bench --scaling [-j THREADS]\n");
    exit(2);
}

static long count_arg(const char *s)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < 1)
        usage();
    return v;
}

int main(int argc, char **argv)
{
    long threads = sysconf(_SC_NPROCESSORS_ONLN), reps = 3, want = 0, soak_n = 0;
    int mode_cg = 0, mode_scaling = 0;
    const char *cg_child = NULL, *peak_path = NULL;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-j") && i + 1 < argc)
            threads = count_arg(argv[++i]);
        else if (!strcmp(a, "-r") && i + 1 < argc)
            reps = count_arg(argv[++i]);
        else if (!strcmp(a, "-n") && i + 1 < argc)
            want = count_arg(argv[++i]);
        else if (!strcmp(a, "--soak") && i + 1 < argc)
            soak_n = count_arg(argv[++i]);
        else if (!strcmp(a, "--callgrind"))
            mode_cg = 1;
        else if (!strcmp(a, "--scaling"))
            mode_scaling = 1;
        else if (!strncmp(a, "--callgrind-child=", 18))
            cg_child = a + 18;
        else if (!strncmp(a, "--peak-child=", 13))
            peak_path = a + 13;
        else if (a[0] == '-' || dir)
            usage();
        else
            dir = a;
    }
    if (peak_path) {
        if (pith_init() != PITH_OK)
            return 1;
        long kb = peak_child(peak_path);
        printf("%ld\n", kb);
        return kb < 0;
    }
    if (threads < 1)
        threads = 1;
    if (mode_scaling) {
        /* For bench-warc.sh: the ceiling the machine gives -j N now. */
        printf("%.2f\n", machine_scaling((int)threads));
        return 0;
    }
    if (!dir)
        dir = PITH_BENCH_CORPUS;
    if (mode_cg && !want)
        want = CALLGRIND_PAGES;

    load_dir(dir);
    keep_subset((size_t)want);
    if (!n_pages) {
        fprintf(stderr, "pith_bench: no *.html pages in %s\n", dir);
        return 1;
    }
    if (mode_cg)
        return callgrind(dir);
    if (pith_init() != PITH_OK) {
        fprintf(stderr, "pith_bench: pith_init failed\n");
        return 1;
    }
    if (cg_child)
        return callgrind_child(cg_child);
    if (soak_n)
        return soak((size_t)soak_n);
    return bench(dir, (int)threads, (int)reps);
}

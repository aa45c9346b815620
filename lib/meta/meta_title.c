/* meta_title.c - the title as the page declares it, and the headline the
 * reader sees.
 *
 * The title is the strongest declared one, kept whole (a declared
 * "Headline | Site" is what the site chose to call the page); only a
 * <title>, where the site part is routine, is split. The headline is the
 * same text reduced to what stands above the article: the page's own h1
 * when the title contains it, else the title without the part that names
 * the site (og:site_name, or the host written as words). Texts are compared
 * folded, so that typographic quotes, dashes, spaces and case do not count. */
#include "base/buf.h"
#include "base/text.h"
#include "meta/meta_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- tuning ------------------------------------------------------------ */

/* A title longer than this is not a title (Readability uses 150 for its
 * heuristics; we only reject outright garbage). */
#define MAX_TITLE_LEN 1000
/* Parts considered when splitting "A | B | C" titles. */
#define MAX_TITLE_PARTS 8
/* Share (%) of a title an h1 must cover to be taken as the headline in it. */
#define H1_SHARE 40

/* ---- splitting and folding ---------------------------------------------- */

/* Separators that put a site or section name beside a headline; the
 * full-width bar, slash and hyphen-minus of CJK titles stand without
 * spaces ("記事の見出し｜新聞名"). The colon is handled apart: it more often
 * belongs to the headline itself. */
static const char *const title_seps[] = {" | ", " – ",  " — ", " - ", " :: ", " » ", " · ",
                                         " / ", " \\ ", " > ", " ~ ", " • ",  " › ", " ‹ ",
                                         " « ", " ǀ ",  "｜",  "／",  "－",   NULL};

/* "Site: Headline" separators: the colon, and the full-width one. */
static const char *const colon_seps[] = {": ", "：", NULL};

/* Fold text for comparing titles: ASCII case, typographic quotes, dashes and
 * spaces, soft hyphens and zero-width characters do not count. */
static void fold_into(pi_buf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t start = b->len;
    int pend = 0;
    for (size_t i = 0; i < n;) {
        const char *rep = NULL;
        size_t k = 1;
        unsigned char c0 = u[i];
        if (c0 == 0xC2 && i + 1 < n) {
            unsigned char c1 = u[i + 1];
            k = 2;
            rep = c1 == 0xA0                   ? " "
                  : c1 == 0xAD                 ? ""
                  : (c1 == 0xAB || c1 == 0xBB) ? "\""
                  : c1 == 0xB4                 ? "'"
                                               : NULL;
        } else if (c0 == 0xE2 && i + 2 < n && u[i + 1] == 0x80) {
            unsigned char c2 = u[i + 2];
            k = 3;
            if (c2 <= 0x8A || c2 == 0xAF)
                rep = " ";
            else if (c2 >= 0x8B && c2 <= 0x8D)
                rep = "";
            else if (c2 >= 0x90 && c2 <= 0x95)
                rep = "-";
            else if (c2 >= 0x98 && c2 <= 0x9B)
                rep = "'";
            else if (c2 >= 0x9C && c2 <= 0x9F)
                rep = "\"";
            else if (c2 == 0xB9 || c2 == 0xBA)
                rep = "\"";
            else if (c2 == 0xA6)
                rep = "...";
        } else if (c0 == 0xE3 && i + 2 < n && u[i + 1] == 0x80 && u[i + 2] == 0x80) {
            k = 3;
            rep = " ";
        } else if (c0 == 0xEF && i + 2 < n && u[i + 1] == 0xBB && u[i + 2] == 0xBF) {
            k = 3;
            rep = "";
        }
        if (!rep && pi_is_space(c0))
            rep = " ";
        if (rep && !strcmp(rep, " ")) {
            pend = b->len > start;
            i += k;
            continue;
        }
        if (rep && !*rep) {
            i += k;
            continue;
        }
        if (pend)
            pi_buf_putc(b, ' ');
        pend = 0;
        if (rep) {
            pi_buf_puts(b, rep);
            i += k;
        } else {
            pi_buf_putc(b, (char)pi_lower(c0));
            i++;
        }
    }
    /* a final full stop is punctuation of the sentence, not of the title */
    while (b->len > start && (b->data[b->len - 1] == '.' || b->data[b->len - 1] == ' '))
        b->data[--b->len] = '\0';
}

typedef struct tctx {
    mctx *c;
    pi_buf tmp;
    char **fh; /* folded headings */
    size_t n_fh;
    char *fsite;        /* folded site name */
    char host[128];     /* host without "www.", letters and digits only */
    char label[128];    /* first label of that host, letters and digits only */
    char hostname[128]; /* host without "www.", lowercase, as written */
} tctx;

static char *fold_dup(tctx *t, const char *s, size_t n)
{
    t->tmp.len = 0;
    if (t->tmp.data)
        t->tmp.data[0] = '\0';
    fold_into(&t->tmp, s, n);
    if (t->tmp.oom) {
        t->c->oom = 1;
        return NULL;
    }
    char *r = pi_strdup(t->tmp.data ? t->tmp.data : "");
    if (!r)
        t->c->oom = 1;
    return r;
}

/* Fold into the scratch buffer; the result lives until the next fold. */
static const char *fold_tmp(tctx *t, span p)
{
    t->tmp.len = 0;
    if (t->tmp.data)
        t->tmp.data[0] = '\0';
    fold_into(&t->tmp, p.s, p.n);
    if (t->tmp.oom) {
        t->c->oom = 1;
        return "";
    }
    return t->tmp.data ? t->tmp.data : "";
}

static void tctx_init(tctx *t, mctx *c, const char *site, const char *url)
{
    memset(t, 0, sizeof *t);
    t->c = c;
    pi_buf_init(&t->tmp);
    if (c->headings.n) {
        t->fh = calloc(c->headings.n, sizeof *t->fh);
        if (!t->fh)
            c->oom = 1;
        for (size_t i = 0; t->fh && i < c->headings.n; i++)
            t->fh[i] = fold_dup(t, c->headings.v[i], strlen(c->headings.v[i]));
        if (t->fh)
            t->n_fh = c->headings.n;
    }
    if (site)
        t->fsite = fold_dup(t, site, strlen(site));
    if (url) {
        span host = pi_meta_host(url);
        const char *h = host.s;
        size_t n = host.n;
        pi_meta_squash(t->host, sizeof t->host, h, n);
        size_t k = 0;
        for (; k < n && k + 1 < sizeof t->hostname; k++)
            t->hostname[k] = (char)pi_lower((unsigned char)h[k]);
        t->hostname[k] = '\0';
        pi_meta_squash(t->label, sizeof t->label, h, strcspn(h, "."));
    }
}

static void tctx_free(tctx *t)
{
    for (size_t i = 0; i < t->n_fh; i++)
        free(t->fh[i]);
    free(t->fh);
    free(t->fsite);
    pi_buf_free(&t->tmp);
}

/* Index of the heading equal to p (h1 only when `h1_only`), or -1. */
static int heading_of(tctx *t, span p, int h1_only)
{
    const char *f = fold_tmp(t, p);
    if (!*f)
        return -1;
    for (size_t i = 0; i < t->n_fh; i++)
        if (t->fh[i] && (!h1_only || t->c->heading_level[i] == 1) && !strcmp(f, t->fh[i]))
            return (int)i;
    return -1;
}

/* Whether part p names the site: the declared site name (alone or opening
 * the part, as in "Site - slogan"), or the host written as words
 * ("Jane Example" on janeexample.org, "Example.com" on example.com). */
static int part_is_site(tctx *t, span p)
{
    if (!p.n)
        return 0;
    if (t->fsite && *t->fsite) {
        const char *f = fold_tmp(t, p);
        size_t l = strlen(t->fsite);
        if (!strncmp(f, t->fsite, l) && (f[l] == '\0' || f[l] == ' ' || f[l] == '.' || f[l] == ','))
            return 1;
    }
    if (t->host[0]) {
        char sq[128];
        pi_meta_squash(sq, sizeof sq, p.s, p.n);
        if (sq[0] && (!strcmp(sq, t->host) || !strcmp(sq, t->label)))
            return 1;
        /* "Recipes on example.com", "Mehr auf example.de" */
        if (strchr(t->hostname, '.') && strstr(fold_tmp(t, p), t->hostname))
            return 1;
    }
    return 0;
}

/* Split t on the first separator kind it contains; returns the part count
 * (0 when no separator). parts[i] spans the text between separators. */
static int split_parts(const char *t, span *parts)
{
    for (int k = 0; title_seps[k]; k++) {
        const char *sep = title_seps[k];
        size_t sl = strlen(sep);
        if (!strstr(t, sep))
            continue;
        int n = 0;
        const char *p = t;
        for (;;) {
            const char *q = strstr(p, sep);
            if (!q || n == MAX_TITLE_PARTS - 1) {
                parts[n].s = p;
                parts[n].n = strlen(p);
                n++;
                break;
            }
            parts[n].s = p;
            parts[n].n = (size_t)(q - p);
            n++;
            p = q + sl;
        }
        return n;
    }
    return 0;
}

static span join_parts(const span *parts, int a, int b)
{
    span r = {parts[a].s, (size_t)(parts[b].s + parts[b].n - parts[a].s)};
    return r;
}

enum { FROM_DECLARED, FROM_TITLE_ELEMENT };

/* A copy of a span (flagged when out of memory). */
static char *dup_span(mctx *c, span p)
{
    char *r = pi_strndup(p.s, p.n);
    if (!r)
        c->oom = 1;
    return r;
}

/* An h1 that the title contains (a kicker, a site name or a slogan around
 * the headline): its index, or -1. The h1 must be a real line of words and
 * most of the title, so that a logo h1 ("Site Name") inside "Headline - Site
 * Name" does not count. When several fit, as a documentation page's project
 * h1 and page h1 both do in "Page — Project", the later one wins: a site's
 * own heading comes before the article's. */
static int h1_inside(tctx *t, span whole)
{
    const char *f = fold_tmp(t, whole);
    size_t fl = strlen(f);
    int best = -1;
    for (size_t i = 0; i < t->n_fh; i++) {
        const char *h = t->fh[i];
        size_t hl = h ? strlen(h) : 0;
        if (t->c->heading_level[i] != 1 || hl < 12 || hl * 100 < fl * H1_SHARE)
            continue;
        span hs = {t->c->headings.v[i], strlen(t->c->headings.v[i])};
        if (pi_meta_words(hs) < 3 || !strstr(f, h))
            continue;
        if (part_is_site(t, hs))
            continue;
        best = (int)i;
        f = fold_tmp(t, whole); /* part_is_site used the scratch buffer */
    }
    return best;
}

/* The headline inside a title: a prefix or suffix run of its parts that is
 * the page's h1 (its text is returned as the reader sees it), else the title
 * without a site-name part at either end; for <title> only, else the longer
 * side when it is clearly a headline. Keeps the whole title when unsure. */
static char *headline_of(tctx *t, const char *title, int from)
{
    mctx *c = t->c;
    span whole = {title, strlen(title)};
    span parts[MAX_TITLE_PARTS];
    int h1_only = from == FROM_DECLARED;
    if (heading_of(t, whole, 0) >= 0)
        return pi_meta_dup(c, title);
    int hi = h1_inside(t, whole);
    if (hi >= 0)
        return pi_meta_dup(c, c->headings.v[hi]);
    int n = split_parts(title, parts);
    if (n < 2) {
        /* "Site: Headline" or "Headline: Site" only when a heading or the
         * site name says which side is which */
        const char *col = NULL;
        size_t cl = 0;
        for (int k = 0; !col && colon_seps[k]; k++)
            if ((col = strstr(title, colon_seps[k])))
                cl = strlen(colon_seps[k]);
        if (!col || col == title || !col[cl])
            return pi_meta_dup(c, title);
        parts[0].s = title, parts[0].n = (size_t)(col - title);
        parts[1].s = col + cl, parts[1].n = strlen(col + cl);
        for (int i = 0; i < 2; i++) {
            /* the site's name is never the headline, heading or not */
            int h = part_is_site(t, parts[i]) ? -1 : heading_of(t, parts[i], h1_only);
            if (h >= 0)
                return pi_meta_dup(c, c->headings.v[h]);
        }
        if (part_is_site(t, parts[0]) && pi_meta_words(parts[1]) >= 2)
            return dup_span(c, parts[1]);
        if (part_is_site(t, parts[1]) && pi_meta_words(parts[0]) >= 2)
            return dup_span(c, parts[0]);
        return pi_meta_dup(c, title);
    }
    int best = -1;
    size_t best_len = 0;
    for (int a = 0; a < n; a++)
        for (int b = a; b < n; b++) {
            if ((a == 0 && b == n - 1) || (a != 0 && b != n - 1))
                continue; /* only a proper prefix or suffix */
            span s = join_parts(parts, a, b);
            if (s.n <= best_len || part_is_site(t, s) || s.n * 100 < whole.n * H1_SHARE)
                continue;
            int h = heading_of(t, s, h1_only);
            if (h >= 0)
                best = h, best_len = s.n;
        }
    if (best >= 0)
        return pi_meta_dup(c, c->headings.v[best]);
    if (part_is_site(t, parts[n - 1])) {
        span s = join_parts(parts, 0, n - 2);
        return dup_span(c, s);
    }
    if (part_is_site(t, parts[0])) {
        span s = join_parts(parts, 1, n - 1);
        return dup_span(c, s);
    }
    /* "Headline | Site | slogan": the site inside, the headline before it */
    for (int i = n - 2; i >= 1; i--)
        if (part_is_site(t, parts[i])) {
            span s = join_parts(parts, 0, i - 1);
            return dup_span(c, s);
        }
    if (from == FROM_DECLARED)
        return pi_meta_dup(c, title);
    /* the site is usually the short end: drop the last part when what
     * remains is a real headline, else the first; too short to be sure
     * keeps the whole */
    span head = join_parts(parts, 0, n - 2);
    span tail = join_parts(parts, 1, n - 1);
    span cand;
    if (pi_meta_words(head) >= 3 && pi_meta_words(parts[n - 1]) <= pi_meta_words(head))
        cand = head;
    else if (pi_meta_words(tail) >= 3 && pi_meta_words(parts[0]) < pi_meta_words(tail))
        cand = tail;
    else
        return pi_meta_dup(c, title);
    if (pi_meta_words(cand) <= 4)
        return pi_meta_dup(c, title);
    return dup_span(c, cand);
}

/* A leading bracketed label ("【速報】", "【動画】 ") is a section's, not
 * part of the headline: dropped in place when text follows it. */
static void drop_label(char *h)
{
    static const char open[] = "\xE3\x80\x90", close[] = "\xE3\x80\x91";
    if (strncmp(h, open, 3) != 0)
        return;
    const char *e = strstr(h + 3, close);
    if (!e)
        return;
    e += 3;
    for (size_t k; (k = pi_space_len(e, strlen(e))) > 0;)
        e += k;
    if (*e)
        memmove(h, e, strlen(e) + 1);
}

/* The page's one h1, when it is a headline the reader sees and `headline`
 * is not already it: a line of words that is not the site's name. Its
 * index, or -1 (no h1, several, or a logo). */
static int shown_h1(tctx *t, const char *headline)
{
    int found = -1;
    for (size_t i = 0; i < t->n_fh; i++) {
        if (t->c->heading_level[i] != 1)
            continue;
        if (found >= 0)
            return -1;
        found = (int)i;
    }
    if (found < 0 || !t->fh[found])
        return -1;
    span hs = {t->c->headings.v[found], strlen(t->c->headings.v[found])};
    if (pi_meta_words(hs) < 2 || hs.n > MAX_TITLE_LEN || part_is_site(t, hs) ||
        pi_same_text(hs.s, headline))
        return -1;
    return found;
}

/* ---- choosing --------------------------------------------------------- */

/* The title as the strongest source declares it, whole; only a <title>
 * (the weakest declared source, where the site part is routine) is split.
 * The headline is what the reader sees, whatever the source: see
 * headline_of. Both NULL when the page says nothing usable. */
void pi_meta_pick_title(mctx *c, const evidence *e, const char *site, const char *url, pi_meta *out)
{
    char *t = NULL;
    int from = FROM_DECLARED;
    if (e->main) {
        char *h = pi_jl_text(c, pi_jl_get(e->main, "headline"));
        char *nm = pi_jl_text(c, pi_jl_get(e->main, "name"));
        if (h && nm && !pi_same_text(h, nm) && pi_meta_is_page_title(c, nm) &&
            !pi_meta_is_page_title(c, h)) {
            t = nm;
            free(h);
        } else {
            t = h ? h : nm;
            if (h)
                free(nm);
        }
    }
    static const char *const keys[] = {"dc:title",       "dcterms:title", "og:title",
                                       "twitter:title",  "parsely-title", "sailthru:title",
                                       "citation_title", "title",         NULL};
    for (int i = 0; !t && keys[i]; i++)
        t = pi_meta_dup_cleans(c, pi_meta_get(c, keys[i]));
    if (!t && c->md_headline)
        t = pi_meta_dup(c, c->md_headline);
    if (!t && c->title_el) {
        t = pi_meta_dup(c, c->title_el);
        from = FROM_TITLE_ELEMENT;
    }
    if (!t && c->first_h1)
        t = pi_meta_dup(c, c->first_h1);
    if (!t || strlen(t) > MAX_TITLE_LEN) {
        free(t);
        return;
    }
    /* A page that names no site may show its name as an h1 that links home
     * (a blog's header): the title's part that it is, is the site's. */
    tctx tc;
    tctx_init(&tc, c, site && *site ? site : c->home_h1, url);
    char *r = c->oom ? NULL : headline_of(&tc, t, from);
    if (r && from == FROM_TITLE_ELEMENT) {
        free(t);
        t = pi_meta_dup(c, r);
    }
    int h = r ? shown_h1(&tc, r) : -1;
    if (h >= 0) {
        free(r);
        r = pi_meta_dup(c, c->headings.v[h]);
    }
    tctx_free(&tc);
    if (!r) {
        c->oom = 1;
        out->title = t;
        return;
    }
    drop_label(r);
    out->headline = r;
    out->title = t;
}

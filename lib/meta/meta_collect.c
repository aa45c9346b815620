/* meta_collect.c - the evidence: one walk over the tree gathers what the
 * page says about itself into the per-call context, before anything is
 * removed from the tree.
 *
 * The walk visits every node once, iteratively, and keeps what each field
 * may need: <meta> by key, <link rel=canonical|image_src>, <base href>,
 * html lang and the dir attributes near the content, <title>, h1/h2 texts,
 * microdata properties, <time>, the first element named like a date or a
 * byline, short date and byline lines after the h1, and the text of
 * ld+json scripts (handed to meta_jsonld.c). The walk decides nothing: the
 * choice among sources is metadata.c's. Looks into subtrees (an element's
 * text, an itemprop inside an item) are bounded per element and per page,
 * so that a page repeating a pattern stays linear. */
#include "base/buf.h"
#include "base/text.h"
#include "meta/date.h"
#include "meta/meta_internal.h"
#include "tree/dom.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- tuning ------------------------------------------------------------ */

/* More <meta> tags than this are noise (pages carry at most a few hundred). */
#define MAX_METAS 2048
/* Cap of text gathered from one element (title, heading, byline, microdata). */
#define TEXT_CAP 2048
/* Nodes visited when gathering one element's text or searching inside it. */
#define SUBTREE_NODES 4000
/* Ancestors climbed to find an itemscope or an <svg>. */
#define ANCESTOR_CAP 64
/* Elements tried as a byline before giving up. */
#define MAX_BYLINE_TRIES 40
/* <time> and date-named elements tried before giving up. */
#define MAX_DATE_TRIES 60
/* A visible date line is short: "Published 17 August 2025, 11:25". */
#define DATE_TEXT_MAX 80
/* Text nodes after the first h1 looked at for a bare date line. */
#define MAX_TEXT_DATE_TRIES 40

static int is_name(const pi_dom *n, const char *name)
{
    const char *nm = pi_dom_name(n);
    return pi_dom_is_element(n) && nm && !strcmp(nm, name);
}

/* Text of an element (textContent without script/style), capped. */
static char *node_text(mctx *c, const pi_dom *n, size_t cap)
{
    pi_buf b;
    pi_buf_init(&b);
    size_t budget = SUBTREE_NODES;
    const pi_dom *x = n;
    while (x && budget-- && c->scan_budget-- > 0 && b.len < cap) {
        int skip = 0;
        if (pi_dom_has_chars(x)) {
            const char *t = pi_dom_chars(x);
            if (t) {
                size_t l = strlen(t);
                if (l > cap - b.len) {
                    /* cut on a character boundary */
                    l = cap - b.len;
                    while (l && ((unsigned char)t[l] & 0xC0) == 0x80)
                        l--;
                }
                pi_buf_put(&b, t, l);
            }
        } else if (pi_dom_is_element(x) && x != n) {
            const char *nm = pi_dom_name(x);
            if (!strcmp(nm, "script") || !strcmp(nm, "style") || !strcmp(nm, "noscript") ||
                !strcmp(nm, "template"))
                skip = 1;
            else if (!strcmp(nm, "br") || (pi_tag_flags(nm) & PI_TF_BLOCK))
                pi_buf_putc(&b, ' ');
        }
        x = pi_next(x, n, skip);
    }
    if (b.oom) {
        c->oom = 1;
        pi_buf_free(&b);
        return NULL;
    }
    char *r = pi_meta_dup_clean(c, b.data ? b.data : "", b.len);
    pi_buf_free(&b);
    return r;
}

static int has_ancestor(const pi_dom *n, const char *name)
{
    int k = 0;
    for (const pi_dom *p = pi_dom_parent(n); p && k < ANCESTOR_CAP; p = pi_dom_parent(p), k++)
        if (is_name(p, name))
            return 1;
    return 0;
}

/* ---- <meta> -------------------------------------------------------------- */

/* Keys are lowercased with blanks removed and '.' read as ':' so that
 * "DC.title", "dc:title" and "dc.Title" meet. */
static void meta_add(mctx *c, const char *prefix, const char *key, size_t kl, const char *val,
                     int prop)
{
    size_t pl = strlen(prefix);
    if (pl + kl >= META_KEY_LEN || !kl)
        return;
    if (c->n_metas >= MAX_METAS)
        return;
    kv *v = pi_meta_grow(c, c->metas, &c->cap_metas, c->n_metas + 1, sizeof *v);
    if (!v)
        return;
    c->metas = v;
    kv *e = &c->metas[c->n_metas];
    size_t n = 0;
    memcpy(e->key, prefix, pl);
    n = pl;
    for (size_t i = 0; i < kl; i++) {
        int ch = (unsigned char)key[i];
        if (pi_is_space(ch))
            continue;
        e->key[n++] = (char)(ch == '.' ? ':' : pi_lower(ch));
    }
    e->key[n] = '\0';
    e->val = val;
    e->prop = prop;
    c->n_metas++;
}

static void visit_meta(mctx *c, const pi_dom *n)
{
    const char *content = pi_attr(n, "content");
    if (!content)
        content = pi_attr(n, "value");
    if (!content)
        return;
    const char *p = content;
    while (*p && pi_is_space((unsigned char)*p))
        p++;
    if (!*p)
        return;
    const char *prop = pi_attr(n, "property");
    if (prop) {
        /* property may list several names */
        const char *s = prop;
        while (*s) {
            while (pi_is_space((unsigned char)*s))
                s++;
            const char *e = s;
            while (*e && !pi_is_space((unsigned char)*e))
                e++;
            if (e > s)
                meta_add(c, "", s, (size_t)(e - s), content, 1);
            s = e;
        }
    }
    const char *name = pi_attr(n, "name");
    if (name)
        meta_add(c, "", name, strlen(name), content, 0);
    const char *he = pi_attr(n, "http-equiv");
    if (he)
        meta_add(c, "http-equiv:", he, strlen(he), content, 0);
}

/* ---- microdata ------------------------------------------------------------ */

/* The itemtype of the nearest enclosing itemscope above n ("" for an untyped
 * scope), or NULL when n is in no scope. */
static const char *scope_type(const pi_dom *n)
{
    int k = 0;
    for (const pi_dom *p = pi_dom_parent(n); p && k < ANCESTOR_CAP; p = pi_dom_parent(p), k++) {
        if (!pi_dom_is_element(p))
            continue;
        if (pi_attr(p, "itemscope")) {
            const char *t = pi_attr(p, "itemtype");
            return t ? t : "";
        }
    }
    return NULL;
}

enum { V_TEXT, V_URL, V_DATE };

/* The value of an itemprop element, as HTML microdata defines it. */
static char *md_value(mctx *c, const pi_dom *n, int want)
{
    const char *nm = pi_dom_name(n);
    const char *v = NULL;
    if (!strcmp(nm, "meta"))
        v = pi_attr(n, "content");
    else if (want == V_URL) {
        v = pi_attr(n, "content");
        if (!v)
            v = pi_attr(n, "href");
        if (!v)
            v = pi_attr(n, "src");
        if (!v)
            return NULL;
    } else if (want == V_DATE) {
        v = pi_attr(n, "datetime");
        if (!v)
            v = pi_attr(n, "content");
    } else if (!strcmp(nm, "data") || !strcmp(nm, "meter")) {
        v = pi_attr(n, "value");
    } else {
        v = pi_attr(n, "content");
    }
    if (v)
        return pi_meta_dup_cleans(c, v);
    return node_text(c, n, TEXT_CAP);
}

/* First descendant carrying itemprop `prop` (bounded search). */
static const pi_dom *find_prop(mctx *c, const pi_dom *n, const char *prop)
{
    size_t budget = SUBTREE_NODES;
    for (const pi_dom *x = pi_next(n, n, 0); x && budget && c->scan_budget-- > 0;
         x = pi_next(x, n, 0), budget--)
        if (pi_dom_is_element(x) && pi_has_token(pi_attr(x, "itemprop"), prop))
            return x;
    return NULL;
}

/* Name of a Person/Organization item: its itemprop=name, else its text. */
static char *md_entity_name(mctx *c, const pi_dom *n)
{
    if (pi_attr(n, "itemscope")) {
        const pi_dom *p = find_prop(c, n, "name");
        if (p)
            return md_value(c, p, V_TEXT);
        p = find_prop(c, n, "givenName");
        if (p)
            return md_value(c, p, V_TEXT);
    }
    return md_value(c, n, V_TEXT);
}

static void visit_itemprop(mctx *c, const pi_dom *n, const char *ip)
{
    const char *st = NULL;
    int st_done = 0;
#define SCOPE() (st_done ? st : (st_done = 1, st = scope_type(n)))
    if (pi_has_token(ip, "headline") && !c->md_headline)
        c->md_headline = md_value(c, n, V_TEXT);
    if (pi_has_token(ip, "name") && !c->md_name && SCOPE() &&
        pi_meta_itemtype_kind(st) >= K_POSTING && pi_meta_itemtype_kind(st) != K_PRODUCT)
        c->md_name = md_value(c, n, V_TEXT);
    if ((pi_has_token(ip, "author") || pi_has_token(ip, "creator")) &&
        c->md_authors.n < MAX_AUTHORS) {
        /* authors of comments, answers and reviews are not the page's */
        if (!(SCOPE() && (strstr(st, "Comment") || strstr(st, "Answer") || strstr(st, "Review"))))
            pi_meta_list_push(c, &c->md_authors, md_entity_name(c, n));
    }
    if (pi_has_token(ip, "datePublished") && !c->md_published)
        c->md_published = md_value(c, n, V_DATE);
    if (pi_has_token(ip, "dateModified") && !c->md_modified)
        c->md_modified = md_value(c, n, V_DATE);
    if (pi_has_token(ip, "dateCreated") && !c->md_created)
        c->md_created = md_value(c, n, V_DATE);
    if ((pi_has_token(ip, "image") || pi_has_token(ip, "thumbnailUrl")) && !c->md_image) {
        if (pi_attr(n, "itemscope")) {
            const pi_dom *u = find_prop(c, n, "url");
            if (!u)
                u = find_prop(c, n, "contentUrl");
            if (u)
                c->md_image = md_value(c, u, V_URL);
        } else {
            c->md_image = md_value(c, n, V_URL);
        }
    }
    if (pi_has_token(ip, "description") && !c->md_desc && SCOPE() &&
        pi_meta_itemtype_kind(st) >= K_POSTING)
        c->md_desc = md_value(c, n, V_TEXT);
    if (pi_has_token(ip, "publisher") && !c->md_publisher)
        c->md_publisher = md_entity_name(c, n);
    if (pi_has_token(ip, "inLanguage") && !c->md_lang)
        c->md_lang = md_value(c, n, V_TEXT);
#undef SCOPE
}

/* Parts of class/id names that mark widgets around authors rather than a
 * byline: comment authors, avatars, follow buttons, author notes and bios,
 * "more by this author" lists. */
static const char *const byline_not[] = {"comment", "authoriz", "avatar", "follow", "note",   "bio",
                                         "more",    "image",    "photo",  "thumb",  "social", NULL};

/* class and id of an element, lowercased into one buffer ("" when neither):
 * the hints below test them with strstr, once per element. */
static const char *names_of(const pi_dom *n, char *buf, size_t cap)
{
    const char *attrs[2] = {pi_attr(n, "class"), pi_attr(n, "id")};
    size_t k = 0;
    for (int i = 0; i < 2; i++) {
        if (!attrs[i])
            continue;
        if (k && k + 1 < cap)
            buf[k++] = ' ';
        for (const char *p = attrs[i]; *p && k + 1 < cap; p++)
            buf[k++] = (char)pi_lower((unsigned char)*p);
    }
    buf[k] = '\0';
    return buf;
}

static int any_in(const char *s, const char *const *words)
{
    for (int k = 0; words[k]; k++)
        if (strstr(s, words[k]))
            return 1;
    return 0;
}

/* Whether class or id (lowercased, see names_of) names a byline. */
static int byline_hint(const char *names)
{
    static const char *const yes[] = {"byline", "by-line", "writtenby", "author", NULL};
    return *names && any_in(names, yes) && !any_in(names, byline_not);
}

/* Inside a byline element, the elements that hold just the names, by
 * decreasing certainty: microdata or rel=author; a class naming a name
 * ("author-name", "authorname"); a link whose class or target says author.
 * Only the first rule that finds anything is used. */
static int name_rule(const pi_dom *x)
{
    if (pi_has_token(pi_attr(x, "itemprop"), "name") || pi_has_token(pi_attr(x, "rel"), "author"))
        return 0;
    const char *cl = pi_attr(x, "class");
    if (cl && pi_ci_contains(cl, "name") && !pi_ci_contains(cl, "username"))
        return 1;
    if (is_name(x, "a")) {
        const char *h = pi_attr(x, "href");
        if ((cl && pi_ci_contains(cl, "author")) ||
            (h && (pi_ci_contains(h, "/author") || pi_ci_contains(h, "/autor") ||
                   pi_ci_contains(h, "/auteur") || pi_ci_contains(h, "/writer"))))
            return 2;
    }
    return -1;
}

#define BYLINE_SCAN 300
#define BYLINE_NAMES 8

static void visit_byline(mctx *c, const pi_dom *n)
{
    const pi_dom *found[3][BYLINE_NAMES];
    int nf[3] = {0, 0, 0};
    size_t budget = BYLINE_SCAN;
    c->byline_tries++;
    const pi_dom *x = pi_next(n, n, 0);
    while (x && budget-- && c->scan_budget-- > 0) {
        int skip = 0;
        if (pi_dom_is_element(x)) {
            int r = name_rule(x);
            if (r >= 0) {
                if (nf[r] < BYLINE_NAMES)
                    found[r][nf[r]++] = x;
                skip = 1; /* a name element's own children are not names */
            }
        }
        x = pi_next(x, n, skip);
    }
    for (int r = 0; r < 3 && !c->bylines.n; r++)
        for (int i = 0; i < nf[r]; i++) {
            char *raw = node_text(c, found[r][i], BYLINE_MAX * 4);
            char *t = pi_meta_clean_author(c, raw, BYLINE_MAX);
            free(raw);
            if (t && !pi_meta_list_has(&c->bylines, t))
                pi_meta_list_push(c, &c->bylines, t);
            else
                free(t);
        }
    if (!c->bylines.n) {
        char *raw = node_text(c, n, BYLINE_MAX * 4);
        pi_meta_list_push(c, &c->bylines, pi_meta_clean_author(c, raw, BYLINE_MAX));
        free(raw);
    }
}

/* ---- visible dates ------------------------------------------------------- */

/* Whether n sits in a comment thread (its dates and names are not the
 * article's). */
static int in_comments(const pi_dom *n)
{
    int k = 0;
    for (const pi_dom *p = n; p && k < ANCESTOR_CAP; p = pi_dom_parent(p), k++) {
        if (!pi_dom_is_element(p))
            continue;
        const char *cl = pi_attr(p, "class"), *id = pi_attr(p, "id");
        if ((cl && pi_ci_contains(cl, "comment")) || (id && pi_ci_contains(id, "comment")))
            return 1;
    }
    return 0;
}

/* Class or id naming a publication date: "date", "datum", "fecha",
 * "published", "posted", "dateline", "entry-meta" ... but not an update. */
static int date_hint(const char *names)
{
    static const char *const yes[] = {"date",    "datum", "fecha", "publish", "posted",
                                      "pubtime", "time",  "meta",  NULL};
    static const char *const no[] = {"update",   "modif", "comment", "event", "runtime",
                                     "timeline", "times", "reading", NULL};
    return *names && any_in(names, yes) && !any_in(names, no);
}

/* A short text line after the headline that is a date ("23.01.2022",
 * "Published 5 May 2021 | Berlin"): the byline date of pages that mark it
 * up with nothing. Only the first few text nodes after the first h1 count. */
static void visit_text_date(mctx *c, const pi_dom *n)
{
    const char *s = pi_dom_chars(n);
    if (!s)
        return;
    size_t l = strlen(s);
    while (l && pi_is_space((unsigned char)s[l - 1]))
        l--;
    while (l && pi_is_space((unsigned char)*s))
        s++, l--;
    if (!l)
        return;
    c->text_tries++;
    size_t digits = 0;
    for (size_t i = 0; i < l && i <= DATE_TEXT_MAX; i++)
        digits += pi_is_digit((unsigned char)s[i]);
    if (l > DATE_TEXT_MAX || digits < 4)
        return; /* every date we read has a four-digit year */
    char tmp[DATE_TEXT_MAX + 1];
    memcpy(tmp, s, l);
    tmp[l] = '\0';
    if (pi_is_date(tmp, 0) && !in_comments(n))
        c->text_date = pi_meta_dup(c, tmp);
}

/* A short text line after the headline that starts with a by-word and goes
 * on with a capitalised name: "von Daniela Obers", "Text von Christian
 * Seiler". "By 2030, ..." is not one. */
static void visit_text_byline(mctx *c, const pi_dom *n)
{
    const char *s = pi_dom_chars(n);
    if (!s)
        return;
    while (*s && pi_is_space((unsigned char)*s))
        s++;
    if (!*s)
        return;
    c->text_by_tries++;
    size_t l = strlen(s);
    if (l > BYLINE_MAX)
        return;
    char tmp[BYLINE_MAX + 1];
    memcpy(tmp, s, l + 1);
    const char *p = pi_meta_strip_by(tmp);
    if (p == tmp || !((*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0xC3))
        return;
    span sp = {p, strlen(p)};
    if (pi_meta_words(sp) > 6 || in_comments(n))
        return;
    c->text_byline = pi_meta_clean_author(c, tmp, BYLINE_MAX);
}

/* Is `href` the site's home: "/", ".", "./", "index.html", or an absolute
 * URL with no path beyond "/"? */
static int is_home_href(const char *href)
{
    const char *p = href;
    if (!strncmp(p, "http://", 7) || !strncmp(p, "https://", 8) || !strncmp(p, "//", 2)) {
        p = strstr(p, "//") + 2;
        while (*p && *p != '/' && *p != '?' && *p != '#')
            p++;
    } else if (!strcmp(p, ".") || !strncmp(p, "./", 2)) {
        p += 1;
    }
    if (*p == '/')
        p++;
    return !*p || !strcmp(p, "index.html") || !strcmp(p, "index.php");
}

/* Does heading `h`, whose text is `text`, hold a link to the site's home
 * with all of its text? Such an h1 is the site's name, a logo, not a
 * headline. */
static int links_home(mctx *c, const pi_dom *h, const char *text)
{
    for (const pi_dom *x = pi_dom_first_child(h); x; x = pi_next(x, h, 0)) {
        if (!pi_dom_is_element(x) || strcmp(pi_dom_name(x), "a"))
            continue;
        const char *href = pi_attr(x, "href");
        if (!href || !is_home_href(href))
            return 0;
        char *t = node_text(c, x, TEXT_CAP);
        int all = t && pi_same_text(t, text);
        free(t);
        return all;
    }
    return 0;
}

/* Documentation generators end headings with a permalink mark ("Install¶",
 * "Install #", "Install 🔗"): it is no part of the heading's text. */
static void drop_permalink(char *t)
{
    size_t l = strlen(t);
    for (;;) {
        size_t k = 0;
        if (l >= 2 && !memcmp(t + l - 2, "\xC2\xB6", 2))
            k = 2;
        else if (l >= 4 && !memcmp(t + l - 4, "\xF0\x9F\x94\x97", 4))
            k = 4;
        else if (l >= 2 && t[l - 1] == '#' && t[l - 2] == ' ')
            k = 1;
        if (!k)
            break;
        l -= k;
        while (l && t[l - 1] == ' ')
            l--;
    }
    t[l] = '\0';
}

/* ---- the walk ------------------------------------------------------------- */

/* Returns 0 when the children need not be visited. */
static int visit(mctx *c, const pi_dom *n)
{
    const char *nm = pi_dom_name(n);
    if (!nm)
        return 1;
    switch (nm[0]) {
    case 'a':
        if (!strcmp(nm, "article") && !c->seen_article) {
            c->seen_article = 1;
            c->article_dir = pi_attr(n, "dir");
        }
        break;
    case 'b':
        if (!strcmp(nm, "base")) {
            if (!c->base_href)
                c->base_href = pi_attr(n, "href");
        } else if (!strcmp(nm, "body") && !c->seen_body) {
            c->seen_body = 1;
            c->body_dir = pi_attr(n, "dir");
        }
        break;
    case 'h':
        if (!strcmp(nm, "html") && !c->seen_html) {
            c->seen_html = 1;
            c->html_lang = pi_attr(n, "lang");
            if (!c->html_lang)
                c->html_lang = pi_attr(n, "xml:lang");
            c->html_dir = pi_attr(n, "dir");
        } else if ((nm[1] == '1' || nm[1] == '2') && !nm[2] && c->headings.n < MAX_HEADINGS) {
            char *t = node_text(c, n, TEXT_CAP);
            if (t)
                drop_permalink(t);
            if (t) {
                if (nm[1] == '1' && !c->first_h1)
                    c->first_h1 = pi_meta_dup(c, t);
                if (nm[1] == '1' && !c->home_h1 && links_home(c, n, t))
                    c->home_h1 = pi_meta_dup(c, t);
                c->heading_level[c->headings.n] = nm[1] - '0';
                pi_meta_list_push(c, &c->headings, t);
            }
        }
        break;
    case 'l':
        if (!strcmp(nm, "link")) {
            const char *rel = pi_attr(n, "rel");
            const char *href = pi_attr(n, "href");
            if (rel && href) {
                if (!c->canonical_link && pi_has_token(rel, "canonical"))
                    c->canonical_link = href;
                if (!c->image_src_link && pi_has_token(rel, "image_src"))
                    c->image_src_link = href;
            }
        }
        break;
    case 'm':
        if (!strcmp(nm, "meta"))
            visit_meta(c, n);
        if (!strcmp(nm, "main") && !c->seen_main) {
            c->seen_main = 1;
            c->main_dir = pi_attr(n, "dir");
        }
        break;
    case 's':
        if (!strcmp(nm, "script")) {
            const char *type = pi_attr(n, "type");
            if (type) {
                while (pi_is_space((unsigned char)*type))
                    type++;
                if (pi_ci_prefix(type, "application/ld+json"))
                    pi_jl_read_script(c, n);
            }
            return 0;
        }
        if (!strcmp(nm, "style"))
            return 0;
        break;
    case 't':
        if (!strcmp(nm, "title")) {
            if (!c->title_el && !has_ancestor(n, "svg"))
                c->title_el = node_text(c, n, TEXT_CAP);
            return 0;
        }
        if (!strcmp(nm, "time")) {
            const char *dtv = pi_attr(n, "datetime");
            if (pi_attr(n, "pubdate") && !c->time_pubdate && dtv)
                c->time_pubdate = dtv;
            if (!c->time_first && c->time_tries < MAX_DATE_TRIES && !in_comments(n)) {
                c->time_tries++;
                char *v = dtv ? pi_meta_dup_cleans(c, dtv) : node_text(c, n, DATE_TEXT_MAX);
                if (v && pi_is_date(v, 0))
                    c->time_first = v;
                else
                    free(v);
            }
            return 1;
        }
        break;
    default:
        break;
    }

    const char *ip = pi_attr(n, "itemprop");
    if (ip)
        visit_itemprop(c, n, ip);
    const char *it = pi_attr(n, "itemtype");
    if (it) {
        c->declared |= pi_meta_itemtype_bits(it);
        if (!c->md_type && pi_attr(n, "itemscope") && pi_meta_itemtype_kind(it) >= K_PRODUCT)
            c->md_type = it;
    }
    if (!strcmp(nm, "a")) {
        const char *rel = pi_attr(n, "rel");
        if (rel && pi_has_token(rel, "author") && c->rel_authors.n < MAX_AUTHORS) {
            char *raw = node_text(c, n, BYLINE_MAX * 4);
            char *t = pi_meta_clean_author(c, raw, BYLINE_MAX);
            free(raw);
            if (t && !pi_meta_list_has(&c->rel_authors, t))
                pi_meta_list_push(c, &c->rel_authors, t);
            else
                free(t);
        }
    }
    /* The date and byline hints read class and id only, and stop once
     * found or tried often enough. */
    int want_date = !c->hint_date && c->hint_tries < MAX_DATE_TRIES;
    int want_byline = !c->bylines.n && c->byline_tries < MAX_BYLINE_TRIES;
    if (!want_date && !want_byline)
        return 1;
    char nbuf[256];
    const char *names = names_of(n, nbuf, sizeof nbuf);
    if (!*names)
        return 1;
    if (want_date && date_hint(names) && strcmp(nm, "meta") && strcmp(nm, "body") &&
        strcmp(nm, "html") && strcmp(nm, "input") && !in_comments(n)) {
        c->hint_tries++;
        char *v = node_text(c, n, DATE_TEXT_MAX + 1);
        if (v && strlen(v) <= DATE_TEXT_MAX && pi_is_date(v, 0))
            c->hint_date = v;
        else
            free(v);
    }
    if (want_byline && byline_hint(names) && strcmp(nm, "meta") && strcmp(nm, "link") &&
        strcmp(nm, "img") && strcmp(nm, "body") && strcmp(nm, "html") && strcmp(nm, "svg") &&
        strcmp(nm, "input") && strcmp(nm, "button"))
        visit_byline(c, n);
    return 1;
}

void pi_meta_collect(mctx *c, pi_tree *tree)
{
    const pi_dom *root = pi_tree_node(tree);
    const pi_dom *n = root;
    while (n && !c->oom) {
        int descend = 1;
        if (pi_dom_is_element(n))
            descend = visit(c, n);
        else if (pi_dom_is_text(n) && c->first_h1) {
            if (!c->text_date && c->text_tries < MAX_TEXT_DATE_TRIES)
                visit_text_date(c, n);
            if (!c->text_byline && c->text_by_tries < MAX_TEXT_DATE_TRIES)
                visit_text_byline(c, n);
        }
        n = pi_next(n, root, !descend);
    }
}

/* metadata.c - what the page says about itself.
 *
 * One pass over the DOM collects the raw evidence (meta tags, links, JSON-LD
 * blocks, microdata, <time>, headings, byline elements, <title>, html lang);
 * the JSON-LD blocks are repaired and parsed with json-c; then every field is
 * taken from the strongest source that gives a usable value. The order of
 * sources per field is written in metadata.h; it follows one principle: what
 * the page declares for machines (JSON-LD, then OpenGraph/Twitter/Dublin Core
 * and other <meta>, then microdata) beats what we infer from the visible page
 * (<time>, byline elements, the URL, <title>). Two exceptions, both because
 * the field has a purpose-built declaration: the canonical URL prefers
 * <link rel=canonical>, and the image prefers og:image.
 *
 * All work is bounded (constants below): the walk is iterative and linear,
 * every text gathered from a subtree has a byte cap, every list has a length
 * cap, JSON-LD blocks have a size cap and json-c a depth cap. Nothing global
 * is written: all state lives in one struct per call. */
#include "metadata.h"
#include "buf.h"
#include "date.h"
#include "dom.h"
#include "error.h"
#include "text.h"
#include "url.h"

#include <json-c/json.h>

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- tuning ------------------------------------------------------------ */

/* More <meta> tags than this are noise (pages carry at most a few hundred). */
#define MAX_METAS 2048
/* A meta key longer than this is not one we know. */
#define META_KEY_LEN 48
/* h1/h2 texts kept for comparing titles: the article heading is early. */
#define MAX_HEADINGS 24
/* Cap of text gathered from one element (title, heading, byline, microdata). */
#define TEXT_CAP 2048
/* Nodes visited when gathering one element's text or searching inside it. */
#define SUBTREE_NODES 4000
/* Nodes visited by all such subtree looks of one page together: what keeps
 * the module linear when a page repeats a pattern (100,000 nested elements
 * each named "author"). The walk itself is not counted. */
#define SCAN_BUDGET 2000000
/* Ancestors climbed to find an itemscope or an <svg>. */
#define ANCESTOR_CAP 64
/* A byline is a short line of names; Readability uses the same bound. */
#define BYLINE_MAX 100
/* Declared author strings may list several people. */
#define META_AUTHOR_MAX 200
/* Elements tried as a byline before giving up. */
#define MAX_BYLINE_TRIES 40
/* One ld+json block larger than this is not metadata (real ones are < 100 KB). */
#define MAX_JSONLD_BLOCK (4u << 20)
/* All ld+json blocks of a page together. */
#define MAX_JSONLD_TOTAL (16u << 20)
/* json-c nesting limit; JSON-LD rarely nests deeper than 6. */
#define MAX_JSON_DEPTH 48
/* JSON-LD depth below which typed objects are still registered. */
#define MAX_JL_WALK_DEPTH 12
/* Typed JSON-LD objects remembered (main entity, @id references). */
#define MAX_JNODES 1024
/* JSON values visited over all blocks. */
#define MAX_JL_VISITS 200000
#define MAX_AUTHORS 32
/* <time> and date-named elements tried before giving up. */
#define MAX_DATE_TRIES 60
/* A visible date line is short: "Published 17 August 2025, 11:25". */
#define DATE_TEXT_MAX 80
/* Text nodes after the first h1 looked at for a bare date line. */
#define MAX_TEXT_DATE_TRIES 40
#define MAX_TAGS 64
#define MAX_TAG_LEN 100
/* A title longer than this is not a title (Readability uses 150 for its
 * heuristics; we only reject outright garbage). */
#define MAX_TITLE_LEN 1000
#define MAX_DESCRIPTION_LEN 2000
#define MAX_URL_LEN 4096
/* Parts considered when splitting "A | B | C" titles. */
#define MAX_TITLE_PARTS 8
/* Share (%) of a title an h1 must cover to be taken as the headline in it. */
#define H1_SHARE 40
/* Room for a normalised language tag and its NUL: language, script, region
 * and a variant or two ("zh-Hant-TW" takes 11); a longer value is no
 * page's language. */
#define LANG_TAG_MAX 36

/* ---- small string helpers ---------------------------------------------- */

typedef struct span {
    const char *s;
    size_t n;
} span;

static size_t span_words(span p)
{
    size_t n = 0;
    int in = 0;
    for (size_t i = 0; i < p.n; i++) {
        if (pi_is_space((unsigned char)p.s[i]))
            in = 0;
        else if (!in)
            in = 1, n++;
    }
    return n;
}

static void squash(char *o, size_t cap, const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        int ch = pi_lower((unsigned char)s[i]);
        if ((ch >= 'a' && ch <= 'z') || pi_is_digit(ch))
            o[k++] = (char)ch;
    }
    o[k] = '\0';
}

static int looks_like_url(const char *s)
{
    return pi_ci_prefix(s, "http://") || pi_ci_prefix(s, "https://") || pi_ci_prefix(s, "//") ||
           pi_ci_prefix(s, "www.") || strstr(s, "://") != NULL;
}

/* ---- per-call state ---------------------------------------------------- */

typedef struct kv {
    char key[META_KEY_LEN];
    const char *val; /* points into the DOM, valid during the call */
    int prop;        /* from a property attribute (RDFa), else name/http-equiv */
} kv;

typedef struct strlist {
    char **v;
    size_t n, cap;
} strlist;

typedef struct jnode {
    json_object *o;
    int depth;
    int kind;
    int listed; /* reached through a property other than @graph/mainEntity */
} jnode;

typedef struct mctx {
    const char *page_url;
    int oom;

    const char *base_href;
    const char *html_lang, *html_dir, *body_dir;
    const char *main_dir, *article_dir; /* first <main>/role=main, first <article> */
    int seen_main, seen_article;
    int seen_html, seen_body;
    char *title_el;
    strlist headings; /* h1 and h2 texts, document order */
    int heading_level[MAX_HEADINGS];
    char *first_h1;

    kv *metas;
    size_t n_metas, cap_metas;

    const char *canonical_link;
    const char *image_src_link;
    strlist rel_authors;
    strlist bylines; /* names from the first usable byline element */
    int byline_tries;

    /* microdata */
    char *md_headline, *md_name, *md_published, *md_modified, *md_created;
    char *md_image, *md_desc, *md_publisher, *md_lang;
    const char *md_type; /* first article-like itemtype */
    strlist md_authors;

    const char *time_pubdate;
    char *time_first;      /* first <time> whose datetime or text parses */
    int time_tries;
    char *hint_date;       /* first element named like a date whose text parses */
    char *text_date;       /* first short text after the h1 that is a date */
    int text_tries;
    char *text_byline;     /* first short "By Jane Doe" line after the h1 */
    int text_by_tries;
    int hint_tries;

    /* JSON-LD */
    json_object **jroots;
    size_t n_jroots, cap_jroots;
    jnode *jn;
    size_t n_jn, cap_jn;
    size_t jl_bytes;
    long jl_visits;
    long scan_budget; /* see SCAN_BUDGET */
} mctx;

static void *grow(mctx *c, void *p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return p;
    size_t nc = *cap ? *cap * 2 : 8;
    while (nc < need)
        nc *= 2;
    if (nc > SIZE_MAX / elem) {
        c->oom = 1;
        return NULL;
    }
    void *q = realloc(p, nc * elem);
    if (!q) {
        c->oom = 1;
        return NULL;
    }
    *cap = nc;
    return q;
}

static void list_free(strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

/* Take ownership of s (freed on failure). */
static void list_push(mctx *c, strlist *l, char *s)
{
    if (!s)
        return;
    char **v = grow(c, l->v, &l->cap, l->n + 1, sizeof *v);
    if (!v) {
        free(s);
        return;
    }
    l->v = v;
    l->v[l->n++] = s;
}

static int list_has(const strlist *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (pi_same_text(l->v[i], s))
            return 1;
    return 0;
}

/* A collapsed copy of s[0..n), NULL when empty (or out of memory, flagged). */
static char *dup_clean(mctx *c, const char *s, size_t n)
{
    if (!s)
        return NULL;
    pi_buf b;
    pi_buf_init(&b);
    pi_put_collapsed(&b, s, n);
    if (b.oom) {
        c->oom = 1;
        pi_buf_free(&b);
        return NULL;
    }
    if (b.len == 0) {
        pi_buf_free(&b);
        return NULL;
    }
    return pi_buf_detach(&b);
}

static char *dup_cleans(mctx *c, const char *s)
{
    return s ? dup_clean(c, s, strlen(s)) : NULL;
}

static char *dup_raw(mctx *c, const char *s)
{
    if (!s)
        return NULL;
    char *r = pi_strdup(s);
    if (!r)
        c->oom = 1;
    return r;
}

/* ---- HTML entities and tags inside JSON-LD strings ---------------------- */

static void put_utf8(pi_buf *b, unsigned long cp)
{
    char o[4];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        o[0] = (char)cp;
        pi_buf_put(b, o, 1);
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        pi_buf_put(b, o, 2);
    } else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        pi_buf_put(b, o, 3);
    } else {
        o[0] = (char)(0xF0 | (cp >> 18));
        o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (char)(0x80 | (cp & 0x3F));
        pi_buf_put(b, o, 4);
    }
}

/* Decode one character reference at s ("&..."); returns the bytes consumed
 * (0 when it is not a reference, then '&' is literal). */
static size_t decode_ref(const char *s, size_t n, pi_buf *b)
{
    size_t i = 1;
    if (i < n && s[i] == '#') {
        unsigned long cp = 0;
        int hex = 0, nd = 0;
        i++;
        if (i < n && (s[i] == 'x' || s[i] == 'X'))
            hex = 1, i++;
        for (; i < n && nd < 8; i++, nd++) {
            int ch = (unsigned char)s[i], v;
            if (pi_is_digit(ch))
                v = ch - '0';
            else if (hex && pi_lower(ch) >= 'a' && pi_lower(ch) <= 'f')
                v = pi_lower(ch) - 'a' + 10;
            else
                break;
            cp = cp * (hex ? 16 : 10) + (unsigned long)v;
        }
        if (!nd)
            return 0;
        if (i < n && s[i] == ';')
            i++;
        put_utf8(b, cp);
        return i;
    }
    char name[32];
    size_t k = 0;
    while (i < n && k < sizeof name - 1 && pi_is_alnum((unsigned char)s[i]))
        name[k++] = s[i++];
    name[k] = '\0';
    if (!k || i >= n || s[i] != ';')
        return 0;
    unsigned cp = pi_dom_entity(name);
    if (!cp)
        return 0;
    put_utf8(b, cp);
    return i + 1;
}

/* JSON-LD text is often HTML: strip tags, then decode references (a decoded
 * "&lt;b&gt;" stays literal text), then collapse whitespace. */
static char *dup_html_text(mctx *c, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    pi_buf b;
    pi_buf_init(&b);
    for (size_t i = 0; i < n;) {
        if (s[i] == '<' && i + 1 < n &&
            (pi_is_alpha((unsigned char)s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) {
            const char *e = memchr(s + i, '>', n - i);
            if (e) {
                pi_buf_putc(&b, ' ');
                i = (size_t)(e - s) + 1;
                continue;
            }
        }
        if (s[i] == '&') {
            size_t k = decode_ref(s + i, n - i, &b);
            if (k) {
                i += k;
                continue;
            }
        }
        size_t j = i + 1;
        while (j < n && s[j] != '<' && s[j] != '&')
            j++;
        pi_buf_put(&b, s + i, j - i);
        i = j;
    }
    if (b.oom) {
        c->oom = 1;
        pi_buf_free(&b);
        return NULL;
    }
    char *r = dup_clean(c, b.data ? b.data : "", b.len);
    pi_buf_free(&b);
    return r;
}

/* ---- language ------------------------------------------------------------ */

/* The tag at the start of s, normalised into o (LANG_TAG_MAX bytes); its
 * length, 0 when it is no plausible tag. */
static size_t norm_lang(const char *s, char *o)
{
    if (!s)
        return 0;
    while (pi_is_space((unsigned char)*s))
        s++;
    size_t n = 0, seg = 0, segno = 0;
    for (;; s++) {
        int ch = (unsigned char)*s;
        int end = !ch || pi_is_space(ch) || ch == ',' || ch == ';';
        if (end || ch == '-' || ch == '_') {
            if (seg == 0 || seg > 8)
                return 0;
            /* casing of the subtag just finished */
            char *st = o + n - seg;
            if (segno == 0) {
                if (seg > 3 && !(seg <= 8 && (st[0] == 'x' || st[0] == 'i')))
                    return 0;
                for (size_t i = 0; i < seg; i++)
                    if (!pi_is_alpha((unsigned char)st[i]))
                        return 0;
            } else if (seg == 2 && pi_is_alpha((unsigned char)st[0])) {
                st[0] = (char)(st[0] >= 'a' && st[0] <= 'z' ? st[0] - 32 : st[0]);
                st[1] = (char)(st[1] >= 'a' && st[1] <= 'z' ? st[1] - 32 : st[1]);
            } else if (seg == 4 && pi_is_alpha((unsigned char)st[0])) {
                st[0] = (char)(st[0] >= 'a' && st[0] <= 'z' ? st[0] - 32 : st[0]);
            }
            segno++;
            seg = 0;
            if (end)
                break;
            if (n + 1 >= LANG_TAG_MAX)
                return 0;
            o[n++] = '-';
            continue;
        }
        if (!pi_is_alpha(ch) && !pi_is_digit(ch))
            return 0;
        if (n + 1 >= LANG_TAG_MAX)
            return 0;
        o[n++] = (char)pi_lower(ch);
        seg++;
    }
    o[n] = '\0';
    if (!n || !strcmp(o, "und") || !strcmp(o, "zxx"))
        return 0;
    return n;
}

int pi_meta_norm_lang(const char *s, char **out)
{
    char o[LANG_TAG_MAX];
    *out = NULL;
    if (!norm_lang(s, o))
        return PI_OK;
    *out = pi_strdup(o);
    return PI_NOMEM_IF_NULL(*out);
}

const char *pi_meta_lang_dir(const char *lang)
{
    static const char *const rtl_lang[] = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji",
                                           "ks", "ku-Arab", "mzn", "pnb", "ps", "sd", "syr",
                                           "ug", "ur", "yi", "azb", "lrc", "glk", "bal", NULL};
    static const char *const rtl_script[] = {"Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm",
                                             "Rohg", "Mand", "Samr", NULL};
    if (!lang)
        return NULL;
    /* an explicit script subtag decides */
    const char *p = strchr(lang, '-');
    while (p) {
        const char *q = strchr(p + 1, '-');
        size_t l = q ? (size_t)(q - p - 1) : strlen(p + 1);
        if (l == 4) {
            for (int i = 0; rtl_script[i]; i++)
                if (!strncmp(p + 1, rtl_script[i], 4))
                    return "rtl";
            return "ltr";
        }
        p = q;
    }
    size_t pl = strcspn(lang, "-");
    for (int i = 0; rtl_lang[i]; i++)
        if (strlen(rtl_lang[i]) == pl && !strncmp(lang, rtl_lang[i], pl))
            return "rtl";
    return "ltr";
}

/* ---- gathering text from the DOM --------------------------------------- */

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
    char *r = dup_clean(c, b.data ? b.data : "", b.len);
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
    kv *v = grow(c, c->metas, &c->cap_metas, c->n_metas + 1, sizeof *v);
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

static int blank(const char *v)
{
    while (*v && pi_is_space((unsigned char)*v))
        v++;
    return !*v;
}

/* Which attribute kind to read a key from: RDFa `property` is the defined
 * syntax of OpenGraph and Dublin Core in HTML, so when a page gives the same
 * key both ways the property wins. 1 property, 0 name, -1 key absent. */
static int meta_kind(const mctx *c, const char *key)
{
    int k = -1;
    for (size_t i = 0; i < c->n_metas; i++)
        if (!strcmp(c->metas[i].key, key) && !blank(c->metas[i].val)) {
            if (c->metas[i].prop)
                return 1;
            k = 0;
        }
    return k;
}

/* First non-blank value of a key, or NULL. */
static const char *meta_get(const mctx *c, const char *key)
{
    int k = meta_kind(c, key);
    for (size_t i = 0; k >= 0 && i < c->n_metas; i++)
        if (!strcmp(c->metas[i].key, key) && c->metas[i].prop == k && !blank(c->metas[i].val))
            return c->metas[i].val;
    return NULL;
}

/* ---- microdata ------------------------------------------------------------ */

enum {
    K_NONE,
    K_OTHER,
    K_PERSON,
    K_ORG,
    K_WEBSITE,
    K_WEBPAGE,
    K_POSTING,
    K_PRODUCT,
    K_FORUM,
    K_BLOG,
    K_ARTICLE
};

static int ends_with(const char *s, size_t n, const char *suf)
{
    size_t l = strlen(suf);
    return n >= l && !memcmp(s + n - l, suf, l);
}

/* Kind of a schema.org type name, given bare ("NewsArticle"), prefixed
 * ("schema:NewsArticle") or as a URL ("https://schema.org/NewsArticle"). */
static int type_kind_n(const char *t, size_t n)
{
    for (size_t i = n; i > 0; i--)
        if (t[i - 1] == '/' || t[i - 1] == ':' || t[i - 1] == '#') {
            t += i;
            n -= i;
            break;
        }
#define IS(x) (n == sizeof(x) - 1 && !memcmp(t, x, n))
    if (!n)
        return K_NONE;
    if (IS("BlogPosting") || IS("Blog"))
        return K_BLOG;
    if (IS("DiscussionForumPosting") || IS("QAPage") || IS("Question"))
        return K_FORUM;
    if (IS("Product") || IS("ProductGroup") || IS("ProductModel") || IS("IndividualProduct") ||
        IS("SomeProducts"))
        return K_PRODUCT;
    if (ends_with(t, n, "Article") || IS("Report") || IS("APIReference") || IS("LiveBlogPosting"))
        return K_ARTICLE;
    if (IS("SocialMediaPosting"))
        return K_POSTING;
    if (ends_with(t, n, "Page"))
        return K_WEBPAGE;
    if (IS("WebSite"))
        return K_WEBSITE;
    if (ends_with(t, n, "Organization") || IS("Corporation") || IS("Organisation"))
        return K_ORG;
    if (IS("Person"))
        return K_PERSON;
#undef IS
    return K_OTHER;
}

/* Strongest kind among the space-separated types of an itemtype attribute. */
static int itemtype_kind(const char *v)
{
    int best = K_NONE;
    while (v && *v) {
        while (pi_is_space((unsigned char)*v))
            v++;
        const char *e = v;
        while (*e && !pi_is_space((unsigned char)*e))
            e++;
        int k = type_kind_n(v, (size_t)(e - v));
        if (k > best)
            best = k;
        v = e;
    }
    return best;
}

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
        return dup_cleans(c, v);
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
    if (pi_has_token(ip, "name") && !c->md_name && SCOPE() && itemtype_kind(st) >= K_POSTING &&
        itemtype_kind(st) != K_PRODUCT)
        c->md_name = md_value(c, n, V_TEXT);
    if ((pi_has_token(ip, "author") || pi_has_token(ip, "creator")) && c->md_authors.n < MAX_AUTHORS) {
        /* authors of comments, answers and reviews are not the page's */
        if (!(SCOPE() && (strstr(st, "Comment") || strstr(st, "Answer") || strstr(st, "Review"))))
            list_push(c, &c->md_authors, md_entity_name(c, n));
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
    if (pi_has_token(ip, "description") && !c->md_desc && SCOPE() && itemtype_kind(st) >= K_POSTING)
        c->md_desc = md_value(c, n, V_TEXT);
    if (pi_has_token(ip, "publisher") && !c->md_publisher)
        c->md_publisher = md_entity_name(c, n);
    if (pi_has_token(ip, "inLanguage") && !c->md_lang)
        c->md_lang = md_value(c, n, V_TEXT);
#undef SCOPE
}

/* ---- bylines -------------------------------------------------------------- */

/* Separators around names and dates: ASCII " |,;:-/", and the UTF-8
 * middle dot, bullet, dashes, no-break space and direction marks. Byte
 * length of the one starting at p (lead) or ending at s[l] (trail), or 0. */
static const char *const name_seps[] = {"\xC2\xB7", "\xE2\x80\xA2", "\xE2\x80\x93",
                                        "\xE2\x80\x94", "\xC2\xA0", "\xE2\x80\x8E",
                                        "\xE2\x80\x8F", "\xC2\xBB", "\xC2\xAB", NULL};

static size_t lead_sep(const char *p)
{
    if (*p && strchr(" |,;:-/&", *p))
        return 1;
    for (int i = 0; name_seps[i]; i++)
        if (!strncmp(p, name_seps[i], strlen(name_seps[i])))
            return strlen(name_seps[i]);
    return 0;
}

static size_t trail_sep(const char *s, size_t l)
{
    if (l && strchr(" |,;:-/", s[l - 1]))
        return 1;
    for (int i = 0; name_seps[i]; i++) {
        size_t k = strlen(name_seps[i]);
        if (l >= k && !memcmp(s + l - k, name_seps[i], k))
            return k;
    }
    return 0;
}

static size_t rtrim_seps(const char *s, size_t l)
{
    size_t k;
    while (l && (k = trail_sep(s, l)) > 0)
        l -= k;
    return l;
}

/* Words that introduce a byline, by language: "By Jane Doe", "Von ...",
 * "Geschrieben von ...". Short words that also begin surnames ("Da Silva",
 * "Di Caprio") count only in lower case. Longer phrases first. */
static const struct byword {
    const char *w;
    int lower_only;
} by_words[] = {
    {"view all posts by", 0}, {"all posts by", 0},   {"zeige alle beiträge von", 0},
    {"alle beiträge von", 0}, {"voir tous les articles de", 0}, {"text & fotos", 0},
    {"text und fotos", 0},  {"text und bilder", 0},  {"text & foto", 0},
    {"fotos", 0},           {"written by", 0},      {"posted by", 0},        {"published by", 0},
    {"reported by", 0},     {"story by", 0},         {"words by", 0},
    {"text by", 0},         {"text von", 0},         {"texte de", 0},
    {"geschrieben von", 0}, {"erstellt von", 0},     {"eingestellt von", 0},
    {"verfasst von", 0},    {"veröffentlicht von", 0}, {"ein beitrag von", 0},
    {"beitrag von", 0},     {"artikel von", 0},      {"publié par", 0},
    {"écrit par", 0},       {"escrito por", 0},      {"publicado por", 0},
    {"scritto da", 0},      {"geschreven door", 0},  {"interview", 0},
    {"by", 0},              {"von", 0},              {"par", 0},
    {"por", 0},             {"door", 0},             {"przez", 0},
    {"autor", 0},           {"autorin", 0},          {"author", 0},
    {"auteur", 0},          {"autore", 0},           {"autora", 0},
    {"text", 0},            {"texte", 0},            {"texto", 0},
    {"testo", 0},           {"tekst", 0},            {"redacción", 0},
    {"di", 1},              {"da", 1},               {"av", 1},
    {"af", 1},              {NULL, 0}};

/* Strip leading "By", "Von:", "Par" ... (repeatedly: "und Interview: X").
 * Phrases of two words may run into the name without a space, as markup
 * without spaces gives "Geschrieben vonElisa Marvena". */
static const char *strip_by(const char *s)
{
    for (int round = 0; round < 3; round++) {
        const char *before = s;
        if (pi_ci_prefix(s, "und ") || pi_ci_prefix(s, "and "))
            s += 4;
        for (int i = 0; by_words[i].w; i++) {
            const char *w = by_words[i].w;
            size_t l = strlen(w);
            if (by_words[i].lower_only ? strncmp(s, w, l) : !pi_ci_prefix(s, w))
                continue;
            const char *p = s + l;
            if (*p == ':' || *p == ' ' || *p == '\t' ||
                ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)) {
                while (*p == ' ' || *p == ':' || *p == '\t' || (unsigned char)*p == 0xC2 ||
                       (unsigned char)*p == 0xA0)
                    p++;
            } else if (strchr(w, ' ') && ((*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0xC3)) {
                /* glued: keep p */
            } else {
                continue;
            }
            if (*p) {
                s = p;
                break;
            }
        }
        if (s == before)
            break;
    }
    return s;
}

/* Label words that are no name on their own ("Posted", "Publiziert am"),
 * longer phrases first. */
static const char *const date_labels[] = {
    "last updated", "zuletzt aktualisiert", "updated", "published", "posted", "modified",
    "aktualisiert", "veröffentlicht", "publiziert", "publié", "mis à jour", "actualizado",
    "publicado", "stand", "datum", "date", NULL};

/* Words left dangling at the end of a byline: "Jane Doe am", "Jane Doe on
 * Monday". Name particles ("de", "van der") only go when a date followed
 * them, as in "Jean Dupont le 12 mai". */
static const char *const tail_words[] = {
    "am", "on", "at", "vom", "um", "under", "stand", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes",
    "sábado", "domingo", NULL};
static const char *const tail_particles[] = {"le", "el", "il", "em", "op", "den", "de", "der",
                                             "du", "in", NULL};

/* Length of s[0..l) once a trailing word of `list` (or a phrase of
 * date_labels when `labels`) is removed, or l. */
static size_t drop_tail(const char *s, size_t l, const char *const *list)
{
    for (int k = 0; list[k]; k++) {
        size_t wl = strlen(list[k]);
        if (wl < l && s[l - wl - 1] == ' ' && pi_ci_prefix(s + l - wl, list[k]))
            return rtrim_seps(s, l - wl - 1);
        if (wl == l && pi_ci_prefix(s, list[k]))
            return 0;
    }
    return l;
}

static size_t trim_tail_words(const char *s, size_t l, int after_date)
{
    l = rtrim_seps(s, l);
    for (int round = 0; round < 4 && l; round++) {
        size_t n = drop_tail(s, l, tail_words);
        if (n == l && after_date)
            n = drop_tail(s, l, tail_particles);
        if (n == l && after_date)
            n = drop_tail(s, l, date_labels);
        if (n == l)
            break;
        l = n;
    }
    return l;
}

/* Length of s[0..l) without a date that ends it: "Jane Doe May 20, 2019",
 * "Jane Doe | 20.05.2019 10:00". The date must start at a word that is a
 * number or a month name, so "Theresa May" stays whole. What precedes the
 * date loses its labels ("Last updated:") and particles ("le"), and may be
 * nothing: "Updated: May 20, 2019" is a date line, not a name. */
static size_t cut_trailing_date(const char *s, size_t l)
{
    for (size_t i = 1; i < l; i++) {
        if (s[i - 1] != ' ')
            continue;
        const char *w = s + i;
        int starts_date = pi_is_digit((unsigned char)*w);
        if (!starts_date) {
            char word[16];
            size_t k = 0;
            while (k < sizeof word - 1 && i + k < l &&
                   (pi_is_alpha((unsigned char)w[k]) || (unsigned char)w[k] >= 0x80))
                word[k] = (char)pi_lower((unsigned char)w[k]), k++;
            word[k] = '\0';
            starts_date = k >= 3 && pi_date_month(word);
        }
        char tmp[BYLINE_MAX * 4 + 1];
        if (!starts_date || l - i >= sizeof tmp)
            continue;
        memcpy(tmp, w, l - i);
        tmp[l - i] = '\0';
        if (pi_is_date(tmp, 0))
            return trim_tail_words(s, i - 1, 1);
    }
    return l;
}

static int is_label(const char *s)
{
    static const char *const labels[] = {
        "author", "authors", "autor", "autoren", "by", "von", "par", "por", "admin",
        "administrator", "unknown", "anonymous", "anonym", "editor", "staff", "guest",
        "gast", "no author", "follow", "folgen", "quelle", "source", "share", "teilen",
        "keine angabe", NULL};
    for (int k = 0; labels[k]; k++)
        if (pi_ci_eq(s, labels[k]))
            return 1;
    for (int k = 0; date_labels[k]; k++)
        if (pi_ci_eq(s, date_labels[k]))
            return 1;
    return 0;
}

static int looks_like_email(const char *s, size_t n)
{
    const char *at = memchr(s, '@', n);
    return at && at > s && memchr(at, '.', n - (size_t)(at - s)) && !memchr(s, ' ', n);
}

/* "Jane Doe (https://example.org/jane)", "Jane Doe <jane@example.org>" and
 * the feed form "jane@example.org (Jane Doe)": the name without the
 * address. Works in place on a collapsed string; returns where the name
 * starts (s itself when there is nothing to drop). */
static char *drop_address(char *s)
{
    size_t l = strlen(s);
    if (l < 4 || (s[l - 1] != ')' && s[l - 1] != '>'))
        return s;
    char open = s[l - 1] == ')' ? '(' : '<';
    char *o = strrchr(s, open);
    if (!o || o == s || o[-1] != ' ')
        return s;
    char *in = o + 1;
    size_t in_n = (size_t)(s + l - 1 - in), out_n = (size_t)(o - 1 - s);
    char tmp[META_AUTHOR_MAX + 1];
    if (in_n == 0 || in_n > META_AUTHOR_MAX)
        return s;
    memcpy(tmp, in, in_n);
    tmp[in_n] = '\0';
    if (looks_like_url(tmp) || looks_like_email(in, in_n)) {
        o[-1] = '\0';
        return s;
    }
    if (looks_like_email(s, out_n)) {
        s[l - 1] = '\0';
        return in;
    }
    return s;
}

/* A usable author name from a raw string: "By" removed, trimmed of
 * separators, dates and dangling words, not a URL, not a label, not a
 * sentence. NULL if none. */
static char *clean_author(mctx *c, const char *raw, size_t maxlen)
{
    if (!raw)
        return NULL;
    char *s = dup_cleans(c, raw);
    if (!s)
        return NULL;
    const char *p = drop_address(s);
    for (size_t k; (k = lead_sep(p)) > 0;)
        p += k;
    p = strip_by(p);
    size_t l = strlen(p);
    /* "Jane Doe, View all posts by Jane Doe": the link's hidden title */
    static const char *const tails[] = {"view all posts", "zeige alle beiträge", "alle artikel",
                                        "all posts by", "voir tous les articles", NULL};
    for (int k = 0; tails[k]; k++) {
        for (size_t i = 1; i < l; i++)
            if (p[i - 1] == ' ' && pi_ci_prefix(p + i, tails[k])) {
                l = i;
                break;
            }
    }
    /* "Jane Doe Edited by John Roe": people in other roles follow the
     * authors (at the start such a phrase is a label, as "Photos by" above),
     * and so do labelled fields. */
    static const char *const roles[] = {
        "edited by", "reviewed by", "medically reviewed by", "fact checked by",
        "fact-checked by", "translated by", "illustrated by", "illustrations by",
        "illustration by", "photos by", "photographs by", "photography by", "photo by",
        "bearbeitet von", "redigiert von", "übersetzt von", "traduit par", NULL};
    for (size_t i = 1; i < l; i++) {
        if (p[i - 1] != ' ' || !pi_is_alpha((unsigned char)p[i]))
            continue;
        int hit = 0;
        for (int k = 0; roles[k] && !hit; k++)
            hit = pi_ci_prefix(p + i, roles[k]) && p[i + strlen(roles[k])] == ' ';
        /* "Jane Doe, Date: 15.Jun.19": a labelled field after the name and a
         * separator ("Last updated:" is one label) */
        for (int k = 0; date_labels[k] && !hit && trail_sep(p, i - 1); k++)
            hit = pi_ci_prefix(p + i, date_labels[k]) && p[i + strlen(date_labels[k])] == ':';
        if (hit) {
            l = rtrim_seps(p, i);
            break;
        }
    }
    /* "Jane Doe | 11:25, 17.08.25": a separator followed by no letters at
     * all is a time or date stamp, not part of the name. */
    for (size_t i = 1; i + 2 < l; i++) {
        if (p[i - 1] != ' ' || !(p[i] == '|' || p[i] == '-' || p[i] == '/') || p[i + 1] != ' ')
            continue;
        size_t j = i + 2;
        while (j < l && !pi_is_alpha((unsigned char)p[j]) && (unsigned char)p[j] < 0x80)
            j++;
        if (j == l) {
            l = i - 1;
            break;
        }
    }
    l = cut_trailing_date(p, l);
    l = trim_tail_words(p, l, 0);
    for (size_t k; l && (k = lead_sep(p)) > 0 && k <= l;)
        p += k, l -= k;
    char *r = NULL;
    if (l && l <= maxlen) {
        int letters = 0;
        for (size_t i = 0; i < l; i++)
            if (pi_is_alpha((unsigned char)p[i]) || (unsigned char)p[i] >= 0x80)
                letters++;
        if (letters)
            r = pi_strndup(p, l);
        if (letters && !r)
            c->oom = 1;
    }
    free(s);
    if (r && (looks_like_url(r) || is_label(r) || r[0] == '@')) {
        free(r);
        r = NULL;
    }
    return r;
}

/* Append `s` (owned) to a list of strings; on failure free it and note OOM. */
static void push_owned(mctx *c, char ***v, size_t *n, char *s)
{
    char **p = realloc(*v, (*n + 1) * sizeof *p);
    if (!p) {
        c->oom = 1;
        free(s);
        return;
    }
    *v = p;
    (*v)[(*n)++] = s;
}

/* Words that join two names in a byline, by language. */
static const char *const name_joins[] = {" and ", " und ", " & ", " et ", " y ", " e ",
                                         " en ", " og ", " och ", " i ", NULL};

/* Add "Jane Doe and John Roe" as two authors when both sides look like full
 * names (two words or more), so that "Mac & i" or "Smith & Sons" stay one. */
static void add_author(mctx *c, pi_meta *m, char *a);

static void add_author_split(mctx *c, pi_meta *m, char *a)
{
    if (!a)
        return;
    for (int k = 0; name_joins[k]; k++) {
        const char *j = strstr(a, name_joins[k]);
        if (!j || strstr(j + 1, name_joins[k]))
            continue;
        span x = {a, (size_t)(j - a)};
        span y = {j + strlen(name_joins[k]), strlen(j + strlen(name_joins[k]))};
        if (span_words(x) < 2 || span_words(y) < 2 || span_words(x) > 4 || span_words(y) > 4 ||
            memchr(x.s, ',', x.n))
            continue;
        char *p = pi_strndup(x.s, x.n), *q = pi_strndup(y.s, y.n);
        if (!p || !q) {
            c->oom = 1;
            free(p);
            free(q);
            break;
        }
        free(a);
        add_author(c, m, p);
        add_author(c, m, q);
        return;
    }
    add_author(c, m, a);
}

/* Parts of class/id names that mark widgets around authors rather than a
 * byline: comment authors, avatars, follow buttons, author notes and bios,
 * "more by this author" lists. */
static const char *const byline_not[] = {"comment", "authoriz", "avatar", "follow", "note",
                                         "bio", "more", "image", "photo", "thumb", "social",
                                         NULL};

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
        if ((cl && pi_ci_contains(cl, "author")) || (h && (pi_ci_contains(h, "/author") ||
                                                       pi_ci_contains(h, "/autor") ||
                                                       pi_ci_contains(h, "/auteur") ||
                                                       pi_ci_contains(h, "/writer"))))
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
            char *t = clean_author(c, raw, BYLINE_MAX);
            free(raw);
            if (t && !list_has(&c->bylines, t))
                list_push(c, &c->bylines, t);
            else
                free(t);
        }
    if (!c->bylines.n) {
        char *raw = node_text(c, n, BYLINE_MAX * 4);
        list_push(c, &c->bylines, clean_author(c, raw, BYLINE_MAX));
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
    static const char *const yes[] = {"date", "datum", "fecha", "publish", "posted",
                                      "pubtime", "time", "meta", NULL};
    static const char *const no[] = {"update", "modif", "comment", "event", "runtime",
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
        c->text_date = dup_raw(c, tmp);
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
    const char *p = strip_by(tmp);
    if (p == tmp || !((*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0xC3))
        return;
    span sp = {p, strlen(p)};
    if (span_words(sp) > 6 || in_comments(n))
        return;
    c->text_byline = clean_author(c, tmp, BYLINE_MAX);
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

static void visit_jsonld(mctx *c, const pi_dom *n);

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
                    c->first_h1 = dup_raw(c, t);
                c->heading_level[c->headings.n] = nm[1] - '0';
                list_push(c, &c->headings, t);
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
                    visit_jsonld(c, n);
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
                char *v = dtv ? dup_cleans(c, dtv) : node_text(c, n, DATE_TEXT_MAX);
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
    if (!c->md_type && pi_attr(n, "itemscope")) {
        const char *it = pi_attr(n, "itemtype");
        if (it && itemtype_kind(it) >= K_PRODUCT)
            c->md_type = it;
    }
    if (!strcmp(nm, "a")) {
        const char *rel = pi_attr(n, "rel");
        if (rel && pi_has_token(rel, "author") && c->rel_authors.n < MAX_AUTHORS) {
            char *raw = node_text(c, n, BYLINE_MAX * 4);
            char *t = clean_author(c, raw, BYLINE_MAX);
            free(raw);
            if (t && !list_has(&c->rel_authors, t))
                list_push(c, &c->rel_authors, t);
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

static void walk(mctx *c, pi_tree *tree)
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

/* ---- JSON-LD -------------------------------------------------------------- */

static int starts(const char *s, size_t n, const char *p)
{
    size_t l = strlen(p);
    return n >= l && !memcmp(s, p, l);
}

/* Repair what pages get wrong around and inside JSON, in one linear pass:
 * HTML comment and CDATA wrappers, // and block comments, stray ';',
 * trailing commas, raw control characters and unknown escapes in strings.
 * Everything else is left for json-c to accept or reject. */
static void jl_repair(const char *in, size_t n, pi_buf *o)
{
    int in_str = 0;
    size_t comma = (size_t)-1; /* output index of a comma that may trail */
    size_t i = 0;
    if (n >= 3 && !memcmp(in, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < n) {
        unsigned char ch = (unsigned char)in[i];
        if (in_str) {
            if (ch == '\\' && i + 1 < n) {
                unsigned char e = (unsigned char)in[i + 1];
                if (e == 'u') {
                    int ok = i + 5 < n;
                    for (int k = 2; ok && k < 6; k++)
                        ok = pi_is_digit((unsigned char)in[i + k]) ||
                             (pi_lower((unsigned char)in[i + k]) >= 'a' &&
                              pi_lower((unsigned char)in[i + k]) <= 'f');
                    if (ok)
                        pi_buf_put(o, in + i, 2);
                    i += ok ? 2 : 1; /* a bad \u: drop the backslash */
                } else if (strchr("\"\\/bfnrt", e) && e) {
                    pi_buf_put(o, in + i, 2);
                    i += 2;
                } else if (e < 0x20) {
                    pi_buf_putc(o, ' ');
                    i += 2;
                } else {
                    i++; /* "\'" and friends: keep the character only */
                }
                continue;
            }
            if (ch == '"')
                in_str = 0;
            pi_buf_putc(o, ch < 0x20 ? ' ' : (char)ch);
            i++;
            continue;
        }
        const char *s = in + i;
        size_t r = n - i;
        if (ch == '"') {
            in_str = 1;
            comma = (size_t)-1;
            pi_buf_putc(o, '"');
            i++;
        } else if (starts(s, r, "//")) {
            while (i < n && in[i] != '\n')
                i++;
        } else if (starts(s, r, "/*")) {
            const char *e = NULL;
            for (size_t k = i + 2; k + 1 < n; k++)
                if (in[k] == '*' && in[k + 1] == '/') {
                    e = in + k;
                    break;
                }
            i = e ? (size_t)(e - in) + 2 : n;
        } else if (starts(s, r, "<!--")) {
            i += 4;
        } else if (starts(s, r, "-->")) {
            i += 3;
        } else if (starts(s, r, "<![CDATA[")) {
            i += 9;
        } else if (starts(s, r, "]]>")) {
            i += 3;
        } else if (ch == ';') {
            i++;
        } else if (pi_is_space(ch)) {
            pi_buf_putc(o, ' ');
            i++;
        } else if (ch == ',') {
            if (comma != (size_t)-1 && !o->oom)
                o->data[comma] = ' '; /* ",," */
            comma = o->len;
            pi_buf_putc(o, ',');
            i++;
        } else {
            if ((ch == '}' || ch == ']') && comma != (size_t)-1 && !o->oom)
                o->data[comma] = ' ';
            comma = (size_t)-1;
            pi_buf_putc(o, (char)ch);
            i++;
        }
    }
}

static void jl_add_root(mctx *c, json_object *o)
{
    json_object **v = grow(c, c->jroots, &c->cap_jroots, c->n_jroots + 1, sizeof *v);
    if (!v) {
        json_object_put(o);
        return;
    }
    c->jroots = v;
    c->jroots[c->n_jroots++] = o;
}

static void visit_jsonld(mctx *c, const pi_dom *n)
{
    size_t total = 0;
    for (const pi_dom *t = pi_dom_first_child(n); t; t = pi_dom_next_sibling(t))
        if (pi_dom_chars(t))
            total += strlen(pi_dom_chars(t));
    if (!total || total > MAX_JSONLD_BLOCK || c->jl_bytes + total > MAX_JSONLD_TOTAL)
        return;
    c->jl_bytes += total;
    pi_buf raw, fixed;
    pi_buf_init(&raw);
    pi_buf_init(&fixed);
    for (const pi_dom *t = pi_dom_first_child(n); t; t = pi_dom_next_sibling(t))
        if (pi_dom_chars(t))
            pi_buf_puts(&raw, pi_dom_chars(t));
    if (!raw.oom)
        jl_repair(raw.data ? raw.data : "", raw.len, &fixed);
    pi_buf_free(&raw);
    if (fixed.oom || raw.oom) {
        c->oom = 1;
        pi_buf_free(&fixed);
        return;
    }
    json_tokener *tok = json_tokener_new_ex(MAX_JSON_DEPTH);
    if (!tok) {
        c->oom = 1;
        pi_buf_free(&fixed);
        return;
    }
    size_t off = 0;
    while (off < fixed.len && fixed.len - off < INT_MAX) {
        while (off < fixed.len && pi_is_space((unsigned char)fixed.data[off]))
            off++;
        if (off >= fixed.len)
            break;
        json_tokener_reset(tok);
        json_object *o = json_tokener_parse_ex(tok, fixed.data + off, (int)(fixed.len - off));
        if (json_tokener_get_error(tok) != json_tokener_success || !o) {
            /* concatenated values separated by a comma: step over it */
            if (fixed.data[off] == ',') {
                off++;
                continue;
            }
            json_object_put(o);
            break;
        }
        size_t used = json_tokener_get_parse_end(tok);
        jl_add_root(c, o);
        if (!used)
            break;
        off += used;
        if (off < fixed.len && fixed.data[off] == ',')
            off++;
    }
    json_tokener_free(tok);
    pi_buf_free(&fixed);
}

static json_object *jget(json_object *o, const char *key)
{
    json_object *v = NULL;
    if (o && json_object_is_type(o, json_type_object) && json_object_object_get_ex(o, key, &v))
        return v;
    return NULL;
}

/* Strongest kind among the types of an object's @type (string or list). */
static int jkind(json_object *o)
{
    json_object *t = jget(o, "@type");
    if (!t)
        return K_NONE;
    if (json_object_is_type(t, json_type_string))
        return type_kind_n(json_object_get_string(t), (size_t)json_object_get_string_len(t));
    int best = K_NONE;
    if (json_object_is_type(t, json_type_array)) {
        size_t n = json_object_array_length(t);
        for (size_t i = 0; i < n && i < 16; i++) {
            json_object *e = json_object_array_get_idx(t, i);
            if (json_object_is_type(e, json_type_string)) {
                int k = type_kind_n(json_object_get_string(e), (size_t)json_object_get_string_len(e));
                if (k > best)
                    best = k;
            }
        }
    }
    return best;
}

static void jl_collect(mctx *c, json_object *v, int depth, int listed)
{
    if (!v || c->oom || c->jl_visits-- <= 0 || depth > MAX_JL_WALK_DEPTH)
        return;
    if (json_object_is_type(v, json_type_array)) {
        size_t n = json_object_array_length(v);
        for (size_t i = 0; i < n; i++)
            jl_collect(c, json_object_array_get_idx(v, i), depth, listed);
        return;
    }
    if (!json_object_is_type(v, json_type_object))
        return;
    if (jget(v, "@type") && c->n_jn < MAX_JNODES) {
        jnode *a = grow(c, c->jn, &c->cap_jn, c->n_jn + 1, sizeof *a);
        if (!a)
            return;
        c->jn = a;
        jnode *j = &c->jn[c->n_jn++];
        j->o = v;
        j->depth = depth;
        j->kind = jkind(v);
        j->listed = listed;
    }
    json_object_object_foreach(v, key, val)
    {
        if (!strcmp(key, "@context") || !strcmp(key, "@type") || !strcmp(key, "@id"))
            continue;
        if (!json_object_is_type(val, json_type_object) && !json_object_is_type(val, json_type_array))
            continue;
        if (!strcmp(key, "@graph"))
            jl_collect(c, val, depth, listed);
        else
            jl_collect(c, val, depth + 1, listed || (strcmp(key, "mainEntity") && strcmp(key, "mainEntityOfPage")));
    }
}

/* A reference {"@id": x} replaced by the typed object with that @id. */
static json_object *jderef(const mctx *c, json_object *v)
{
    if (!v || !json_object_is_type(v, json_type_object) || jget(v, "@type"))
        return v;
    json_object *id = jget(v, "@id");
    if (!id || !json_object_is_type(id, json_type_string))
        return v;
    const char *s = json_object_get_string(id);
    for (size_t i = 0; i < c->n_jn; i++) {
        json_object *o = jget(c->jn[i].o, "@id");
        if (o && json_object_is_type(o, json_type_string) && !strcmp(json_object_get_string(o), s))
            return c->jn[i].o;
    }
    return v;
}

/* Text of a JSON value: a string, the first string of a list, or "@value". */
static char *jtext(mctx *c, json_object *v)
{
    if (!v)
        return NULL;
    if (json_object_is_type(v, json_type_array)) {
        size_t n = json_object_array_length(v);
        for (size_t i = 0; i < n && i < 16; i++) {
            char *r = jtext(c, json_object_array_get_idx(v, i));
            if (r)
                return r;
        }
        return NULL;
    }
    if (json_object_is_type(v, json_type_object))
        return jtext(c, jget(v, "@value"));
    if (!json_object_is_type(v, json_type_string))
        return NULL;
    return dup_html_text(c, json_object_get_string(v));
}

static char *jname(mctx *c, json_object *v)
{
    v = jderef(c, v);
    if (!v)
        return NULL;
    if (json_object_is_type(v, json_type_string))
        return jtext(c, v);
    char *r = jtext(c, jget(v, "name"));
    if (r)
        return r;
    char *g = jtext(c, jget(v, "givenName"));
    char *f = jtext(c, jget(v, "familyName"));
    if (g && f) {
        pi_buf b;
        pi_buf_init(&b);
        pi_buf_puts(&b, g);
        pi_buf_putc(&b, ' ');
        pi_buf_puts(&b, f);
        free(g);
        free(f);
        r = pi_buf_detach(&b);
        if (!r)
            c->oom = 1;
        return r;
    }
    free(f);
    return g;
}

/* URL of a JSON value: a string, {url|contentUrl|@id}, or the first of a list. */
static char *jurl(mctx *c, json_object *v, int depth)
{
    if (!v || depth > 4)
        return NULL;
    if (json_object_is_type(v, json_type_string))
        return dup_cleans(c, json_object_get_string(v));
    if (json_object_is_type(v, json_type_array)) {
        size_t n = json_object_array_length(v);
        for (size_t i = 0; i < n && i < 16; i++) {
            char *r = jurl(c, json_object_array_get_idx(v, i), depth + 1);
            if (r)
                return r;
        }
        return NULL;
    }
    if (json_object_is_type(v, json_type_object)) {
        json_object *d = jderef(c, v);
        char *r = jurl(c, jget(d, "url"), depth + 1);
        if (!r)
            r = jurl(c, jget(d, "contentUrl"), depth + 1);
        if (!r && d == v && !jget(v, "@type"))
            r = jurl(c, jget(v, "@id"), depth + 1);
        return r;
    }
    return NULL;
}

/* ---- choosing values ------------------------------------------------------- */

typedef struct evidence {
    json_object *main;    /* the article / posting / product the page is about */
    json_object *webpage; /* a WebPage node, for fields the main entity lacks */
    json_object *website;
    int main_kind;
    int day_first;
} evidence;

static int text_matches_page(mctx *c, const char *t)
{
    if (!t)
        return 0;
    if (pi_same_text(t, c->title_el))
        return 1;
    const char *og = meta_get(c, "og:title");
    if (og) {
        char *x = dup_cleans(c, og);
        int r = pi_same_text(t, x);
        free(x);
        if (r)
            return 1;
    }
    for (size_t i = 0; i < c->headings.n; i++)
        if (c->heading_level[i] == 1 && pi_same_text(t, c->headings.v[i]))
            return 1;
    return 0;
}

static void choose_entities(mctx *c, evidence *e)
{
    int best = -1, best_score = INT_MIN;
    for (size_t i = 0; i < c->n_jn; i++) {
        jnode *j = &c->jn[i];
        if (j->kind < K_POSTING || j->listed)
            continue;
        int score = -j->depth;
        char *h = jtext(c, jget(j->o, "headline"));
        if (!h)
            h = jtext(c, jget(j->o, "name"));
        if (h && text_matches_page(c, h))
            score += 8;
        free(h);
        if (score > best_score)
            best_score = score, best = (int)i;
    }
    if (best >= 0) {
        e->main = c->jn[best].o;
        e->main_kind = c->jn[best].kind;
    }
    for (size_t i = 0; i < c->n_jn; i++) {
        if (!e->webpage && c->jn[i].kind == K_WEBPAGE)
            e->webpage = c->jn[i].o;
        if (!e->website && c->jn[i].kind == K_WEBSITE)
            e->website = c->jn[i].o;
    }
}

/* An absolute URL for href, resolved against <base href> and the page URL;
 * NULL when it stays relative (no base known) or is not a link to a
 * resource (javascript:, data:, about:). A protocol-relative "//host/x"
 * without a base is read as https. */
static char *resolve_url(mctx *c, const char *href)
{
    char *h = dup_cleans(c, href), *out;
    if (!h)
        return NULL; /* an empty reference would resolve to the base itself */
    if (pi_url_absolute(c->base_href, c->page_url, h, MAX_URL_LEN, &out) != PI_OK)
        c->oom = 1;
    free(h);
    return out;
}

/* Parse and format; NULL passes the turn to the next source. */
static char *date_from(mctx *c, const char *s, int day_first)
{
    char *r;
    if (pi_date_parse(s, day_first, &r) != PI_OK)
        c->oom = 1;
    return r;
}

static char *date_from_owned(mctx *c, char *s, int day_first)
{
    char *r = date_from(c, s, day_first);
    free(s);
    return r;
}

/* ---- titles ---------------------------------------------------------------- */

/* Separators that put a site or section name beside a headline. The colon is
 * handled apart: it more often belongs to the headline itself. */
static const char *const title_seps[] = {" | ", " – ", " — ", " - ", " :: ", " » ", " · ",
                                         " / ", " \\ ", " > ", " ~ ", " • ", " › ", " ‹ ",
                                         " « ", " ǀ ", NULL};


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
            rep = c1 == 0xA0 ? " " : c1 == 0xAD ? "" : (c1 == 0xAB || c1 == 0xBB) ? "\"" :
                  c1 == 0xB4 ? "'" : NULL;
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
    char **fh;    /* folded headings */
    size_t n_fh;
    char *fsite;  /* folded site name */
    char host[128]; /* host without "www.", letters and digits only */
    char label[128]; /* first label of that host, letters and digits only */
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
    return pi_strdup(t->tmp.data ? t->tmp.data : "");
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
        const char *h = strstr(url, "://");
        h = h ? h + 3 : url;
        size_t n = strcspn(h, "/?#:");
        if (n > 4 && pi_ci_prefix(h, "www."))
            h += 4, n -= 4;
        squash(t->host, sizeof t->host, h, n);
        size_t k = 0;
        for (; k < n && k + 1 < sizeof t->hostname; k++)
            t->hostname[k] = (char)pi_lower((unsigned char)h[k]);
        t->hostname[k] = '\0';
        squash(t->label, sizeof t->label, h, strcspn(h, "."));
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
        squash(sq, sizeof sq, p.s, p.n);
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
        if (span_words(hs) < 3 || !strstr(f, h))
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
        return dup_raw(c, title);
    int hi = h1_inside(t, whole);
    if (hi >= 0)
        return dup_raw(c, c->headings.v[hi]);
    int n = split_parts(title, parts);
    if (n < 2) {
        /* "Site: Headline" or "Headline: Site" only when a heading or the
         * site name says which side is which */
        const char *col = strstr(title, ": ");
        if (!col)
            return dup_raw(c, title);
        parts[0].s = title, parts[0].n = (size_t)(col - title);
        parts[1].s = col + 2, parts[1].n = strlen(col + 2);
        for (int i = 0; i < 2; i++) {
            int h = heading_of(t, parts[i], h1_only);
            if (h >= 0)
                return dup_raw(c, c->headings.v[h]);
        }
        if (part_is_site(t, parts[0]) && span_words(parts[1]) >= 2)
            return pi_strndup(parts[1].s, parts[1].n);
        if (part_is_site(t, parts[1]) && span_words(parts[0]) >= 2)
            return pi_strndup(parts[0].s, parts[0].n);
        return dup_raw(c, title);
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
        return dup_raw(c, c->headings.v[best]);
    if (part_is_site(t, parts[n - 1])) {
        span s = join_parts(parts, 0, n - 2);
        return pi_strndup(s.s, s.n);
    }
    if (part_is_site(t, parts[0])) {
        span s = join_parts(parts, 1, n - 1);
        return pi_strndup(s.s, s.n);
    }
    /* "Headline | Site | slogan": the site inside, the headline before it */
    for (int i = n - 2; i >= 1; i--)
        if (part_is_site(t, parts[i])) {
            span s = join_parts(parts, 0, i - 1);
            return pi_strndup(s.s, s.n);
        }
    if (from == FROM_DECLARED)
        return dup_raw(c, title);
    /* the site is usually the short end: drop the last part when what
     * remains is a real headline, else the first; too short to be sure
     * keeps the whole */
    span head = join_parts(parts, 0, n - 2);
    span tail = join_parts(parts, 1, n - 1);
    span cand;
    if (span_words(head) >= 3 && span_words(parts[n - 1]) <= span_words(head))
        cand = head;
    else if (span_words(tail) >= 3 && span_words(parts[0]) < span_words(tail))
        cand = tail;
    else
        return dup_raw(c, title);
    if (span_words(cand) <= 4)
        return dup_raw(c, title);
    return pi_strndup(cand.s, cand.n);
}

/* The title as the strongest source declares it, whole; only a <title>
 * (the weakest declared source, where the site part is routine) is split.
 * The headline is what the reader sees, whatever the source: see
 * headline_of. Both NULL when the page says nothing usable. */
static void pick_title(mctx *c, const evidence *e, const char *site, const char *url,
                       pi_meta *out)
{
    char *t = NULL;
    int from = FROM_DECLARED;
    if (e->main) {
        char *h = jtext(c, jget(e->main, "headline"));
        char *nm = jtext(c, jget(e->main, "name"));
        if (h && nm && !pi_same_text(h, nm) && text_matches_page(c, nm) && !text_matches_page(c, h)) {
            t = nm;
            free(h);
        } else {
            t = h ? h : nm;
            if (h)
                free(nm);
        }
    }
    static const char *const keys[] = {"dc:title",      "dcterms:title", "og:title",
                                       "twitter:title", "parsely-title", "sailthru:title",
                                       "citation_title", "title",        NULL};
    for (int i = 0; !t && keys[i]; i++)
        t = dup_cleans(c, meta_get(c, keys[i]));
    if (!t && c->md_headline)
        t = dup_raw(c, c->md_headline);
    if (!t && c->title_el) {
        t = dup_raw(c, c->title_el);
        from = FROM_TITLE_ELEMENT;
    }
    if (!t && c->first_h1)
        t = dup_raw(c, c->first_h1);
    if (!t || strlen(t) > MAX_TITLE_LEN) {
        free(t);
        return;
    }
    tctx tc;
    tctx_init(&tc, c, site, url);
    char *r = c->oom ? NULL : headline_of(&tc, t, from);
    tctx_free(&tc);
    if (!r) {
        c->oom = 1;
        out->title = t;
        return;
    }
    out->headline = r;
    if (from == FROM_TITLE_ELEMENT) {
        free(t);
        t = dup_raw(c, r);
    }
    out->title = t;
}

/* ---- authors and tags -------------------------------------------------------- */

static void add_author(mctx *c, pi_meta *m, char *a)
{
    if (!a)
        return;
    if (m->n_authors >= MAX_AUTHORS) {
        free(a);
        return;
    }
    /* the same person twice, or once more with a job title after the name */
    for (size_t i = 0; i < m->n_authors; i++)
        if (pi_ci_prefix(a, m->authors[i])) {
            free(a);
            return;
        }
    push_owned(c, &m->authors, &m->n_authors, a);
}

static void jl_authors(mctx *c, pi_meta *m, json_object *v, int depth)
{
    if (!v || depth > 3)
        return;
    if (json_object_is_type(v, json_type_array)) {
        size_t n = json_object_array_length(v);
        for (size_t i = 0; i < n && i < MAX_AUTHORS; i++)
            jl_authors(c, m, json_object_array_get_idx(v, i), depth + 1);
        return;
    }
    char *nm = jname(c, v);
    add_author(c, m, clean_author(c, nm, META_AUTHOR_MAX));
    free(nm);
}

static const char *const author_keys[] = {
    "dc:creator",      "dcterms:creator", "author",          "article:author",
    "og:article:author", "parsely-author", "sailthru:author", "citation_author",
    "dc:contributor",  NULL};

enum { AS_JSONLD, AS_JSONLD_PAGE, AS_META, AS_MICRODATA = AS_META + 9, AS_REL, AS_BYLINE,
       AS_TEXT, AS_END };

/* One source of authors, in the order of strength. */
static void author_stage(mctx *c, const evidence *e, pi_meta *m, int st)
{
    if (st == AS_JSONLD && e->main) {
        jl_authors(c, m, jget(e->main, "author"), 0);
        if (!m->n_authors)
            jl_authors(c, m, jget(e->main, "creator"), 0);
    } else if (st == AS_JSONLD_PAGE && e->webpage) {
        jl_authors(c, m, jget(e->webpage, "author"), 0);
    } else if (st >= AS_META && st < AS_MICRODATA) {
        const char *key = author_keys[st - AS_META];
        int kind = meta_kind(c, key);
        for (size_t i = 0; kind >= 0 && i < c->n_metas && m->n_authors < MAX_AUTHORS; i++)
            if (!strcmp(c->metas[i].key, key) && c->metas[i].prop == kind)
                add_author_split(c, m, clean_author(c, c->metas[i].val, META_AUTHOR_MAX));
    } else if (st == AS_MICRODATA) {
        for (size_t i = 0; i < c->md_authors.n; i++)
            add_author_split(c, m, clean_author(c, c->md_authors.v[i], BYLINE_MAX));
    } else if (st == AS_REL) {
        for (size_t i = 0; i < c->rel_authors.n; i++)
            add_author_split(c, m, dup_raw(c, c->rel_authors.v[i]));
    } else if (st == AS_BYLINE) {
        for (size_t i = 0; i < c->bylines.n; i++)
            add_author_split(c, m, dup_raw(c, c->bylines.v[i]));
    } else if (st == AS_TEXT && c->text_byline) {
        add_author_split(c, m, dup_raw(c, c->text_byline));
    }
}

/* An author that is only the site itself ("Example News" on Example News,
 * "example.com"): a placeholder that a named person in a weaker source
 * should replace. */
/* A login rather than a name: one word with a digit or an underscore
 * ("jdoe_2", "CC7567"), or with a dot and no capital ("jane.doe"), so that
 * initials ("C.Smith") stay names. */
static int looks_like_handle(const char *a)
{
    int digit = 0, dot = 0, upper = 0;
    for (const unsigned char *u = (const unsigned char *)a; *u; u++) {
        if (*u == ' ' || *u >= 0x80)
            return 0;
        digit |= pi_is_digit(*u) || *u == '_';
        dot |= *u == '.';
        upper |= *u >= 'A' && *u <= 'Z';
    }
    return digit || (dot && !upper);
}

static int is_placeholder(const char *a, const char *site, const char *url)
{
    char sa[128], sb[128];
    squash(sa, sizeof sa, a, strlen(a));
    if (!sa[0])
        return 0;
    if (site) {
        squash(sb, sizeof sb, site, strlen(site));
        if (!strcmp(sa, sb))
            return 1;
    }
    if (url) {
        const char *h = strstr(url, "://");
        h = h ? h + 3 : url;
        size_t n = strcspn(h, "/?#:");
        if (n > 4 && pi_ci_prefix(h, "www."))
            h += 4, n -= 4;
        squash(sb, sizeof sb, h, n);
        if (!strcmp(sa, sb))
            return 1;
        squash(sb, sizeof sb, h, strcspn(h, "."));
        if (!strcmp(sa, sb))
            return 1;
    }
    return 0;
}

static void pick_authors(mctx *c, const evidence *e, pi_meta *m, const char *site,
                         const char *url)
{
    char **held = NULL;
    size_t n_held = 0;
    for (int st = 0; st < AS_END && !m->n_authors && !c->oom; st++) {
        author_stage(c, e, m, st);
        /* "Jane Doe, Example News": the name without the site */
        for (size_t i = 0; i < m->n_authors; i++) {
            char *comma = strrchr(m->authors[i], ',');
            if (comma && comma > m->authors[i] && is_placeholder(comma + 1, site, url))
                *comma = '\0';
        }
        /* so is a login in the declared data ("jdoe_2" where the byline
         * shows "Jane Doe"); a login that the byline itself shows stays */
        size_t k = 0;
        while (k < m->n_authors && (is_placeholder(m->authors[k], site, url) ||
                                    (st < AS_REL && looks_like_handle(m->authors[k]))))
            k++;
        if (!m->n_authors || k < m->n_authors)
            continue;
        /* only placeholders: keep the first such answer aside, look on */
        if (!held) {
            held = m->authors, n_held = m->n_authors;
        } else {
            for (size_t i = 0; i < m->n_authors; i++)
                free(m->authors[i]);
            free(m->authors);
        }
        m->authors = NULL;
        m->n_authors = 0;
    }
    if (!m->n_authors) {
        m->authors = held, m->n_authors = n_held;
        return;
    }
    for (size_t i = 0; i < n_held; i++)
        free(held[i]);
    free(held);
}

static void add_tag(mctx *c, pi_meta *m, const char *s, size_t n)
{
    char *t = dup_clean(c, s, n);
    if (!t)
        return;
    size_t l = strlen(t);
    if (l > MAX_TAG_LEN || m->n_tags >= MAX_TAGS) {
        free(t);
        return;
    }
    for (size_t i = 0; i < m->n_tags; i++)
        if (pi_same_text(m->tags[i], t)) {
            free(t);
            return;
        }
    push_owned(c, &m->tags, &m->n_tags, t);
}

/* "a, b, c" (or "a; b") into tags. */
static void add_tag_list(mctx *c, pi_meta *m, const char *s)
{
    if (!s)
        return;
    const char *sep = strchr(s, ',') ? "," : strchr(s, ';') ? ";" : strstr(s, "、") ? "、" : ",";
    size_t sl = strlen(sep);
    for (;;) {
        const char *q = strstr(s, sep);
        size_t n = q ? (size_t)(q - s) : strlen(s);
        add_tag(c, m, s, n);
        if (!q)
            break;
        s = q + sl;
    }
}

static void jl_tags(mctx *c, pi_meta *m, json_object *v, int depth)
{
    if (!v || depth > 2)
        return;
    if (json_object_is_type(v, json_type_array)) {
        size_t n = json_object_array_length(v);
        for (size_t i = 0; i < n && i < MAX_TAGS; i++)
            jl_tags(c, m, json_object_array_get_idx(v, i), depth + 1);
        return;
    }
    char *s = jname(c, v);
    if (s)
        add_tag_list(c, m, s);
    free(s);
}

static void pick_tags(mctx *c, const evidence *e, pi_meta *m)
{
    if (e->main)
        jl_tags(c, m, jget(e->main, "keywords"), 0);
    if (!m->n_tags)
        for (size_t i = 0; i < c->n_metas; i++)
            if (!strcmp(c->metas[i].key, "article:tag"))
                add_tag_list(c, m, c->metas[i].val);
    if (!m->n_tags)
        add_tag_list(c, m, meta_get(c, "news_keywords"));
    if (!m->n_tags)
        add_tag_list(c, m, meta_get(c, "keywords"));
    size_t before = m->n_tags;
    if (e->main)
        jl_tags(c, m, jget(e->main, "articleSection"), 0);
    if (m->n_tags == before)
        add_tag_list(c, m, meta_get(c, "article:section"));
}

/* ---- the rest ------------------------------------------------------------------ */

static const char *const published_keys[] = {
    "article:published_time", "og:article:published_time", "article:published",
    "og:published_time", "published_time", "parsely-pub-date", "sailthru:date",
    "citation_publication_date", "citation_date", "citation_online_date", "dc:date:issued",
    "dcterms:issued", "dc:date", "dcterms:date", "dcterms:created", "dc:date:created",
    "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "pub_date", "article_date_original", "original-publish-date",
    "release_date", "created", NULL};

static const char *const modified_keys[] = {
    "article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
    "modified_time", "dcterms:modified", "dc:date:modified", "datemodified", "last-modified",
    "http-equiv:last-modified", "lastmod", "revised", "updated", NULL};

static char *pick_modified(mctx *c, const evidence *e)
{
    char *r = NULL;
    int df = e->day_first;
    if (e->main)
        r = date_from_owned(c, jtext(c, jget(e->main, "dateModified")), df);
    if (!r && e->webpage)
        r = date_from_owned(c, jtext(c, jget(e->webpage, "dateModified")), df);
    for (int i = 0; !r && modified_keys[i]; i++)
        r = date_from(c, meta_get(c, modified_keys[i]), df);
    if (!r)
        r = date_from(c, c->md_modified, df);
    return r;
}

static char *pick_published(mctx *c, const evidence *e, const char *canon)
{
    char *r = NULL;
    int df = e->day_first;
    if (e->main) {
        r = date_from_owned(c, jtext(c, jget(e->main, "datePublished")), df);
        if (!r)
            r = date_from_owned(c, jtext(c, jget(e->main, "dateCreated")), df);
    }
    if (!r && e->webpage)
        r = date_from_owned(c, jtext(c, jget(e->webpage, "datePublished")), df);
    for (int i = 0; !r && published_keys[i]; i++)
        r = date_from(c, meta_get(c, published_keys[i]), df);
    if (!r)
        r = date_from(c, c->md_published, df);
    if (!r)
        r = date_from(c, c->md_created, df);
    if (!r)
        r = date_from(c, c->time_pubdate, df);
    if (!r)
        r = date_from(c, c->time_first, df);
    if (!r)
        r = date_from(c, c->hint_date, df);
    if (!r)
        r = date_from(c, c->text_date, df);
    if (!r && pi_date_in_url(canon, &r) != PI_OK)
        c->oom = 1;
    if (!r && !c->oom && pi_date_in_url(c->page_url, &r) != PI_OK)
        c->oom = 1;
    return r;
}

static char *pick_site(mctx *c, const evidence *e)
{
    char *r = NULL;
    if (e->main)
        r = jname(c, jget(e->main, "publisher"));
    if (!r && e->website)
        r = jtext(c, jget(e->website, "name"));
    if (!r && e->webpage)
        r = jname(c, jget(e->webpage, "publisher"));
    static const char *const keys[] = {"og:site_name", "application-name", "dc:publisher",
                                       "dcterms:publisher", "citation_journal_title",
                                       "publisher", NULL};
    for (int i = 0; !r && keys[i]; i++)
        r = dup_cleans(c, meta_get(c, keys[i]));
    if (!r && c->md_publisher)
        r = dup_raw(c, c->md_publisher);
    if (r && (strlen(r) > 200 || looks_like_url(r))) {
        free(r);
        r = NULL;
    }
    return r;
}

/* A language tag normalised; NULL when it is none (or out of memory,
 * flagged). */
static char *lang_from(mctx *c, const char *s)
{
    char *r;
    if (pi_meta_norm_lang(s, &r) != PI_OK)
        c->oom = 1;
    return r;
}

static char *pick_lang(mctx *c, const evidence *e)
{
    char *r = lang_from(c, c->html_lang);
    static const char *const keys[] = {"http-equiv:content-language", "content-language",
                                       "language", "dc:language", "dcterms:language", "og:locale",
                                       NULL};
    for (int i = 0; !r && keys[i]; i++)
        r = lang_from(c, meta_get(c, keys[i]));
    json_object *srcs[3] = {e->main, e->webpage, e->website};
    for (int i = 0; !r && i < 3; i++) {
        char *s = jtext(c, jget(srcs[i], "inLanguage"));
        if (!s) {
            json_object *l = jget(srcs[i], "inLanguage");
            if (l && json_object_is_type(l, json_type_object)) {
                s = jtext(c, jget(l, "alternateName"));
                if (!s)
                    s = jtext(c, jget(l, "name"));
            }
        }
        r = lang_from(c, s);
        free(s);
    }
    if (!r)
        r = lang_from(c, c->md_lang);
    return r;
}

static const char *norm_dir(const char *d)
{
    if (!d)
        return NULL;
    while (pi_is_space((unsigned char)*d))
        d++;
    if (pi_ci_prefix(d, "rtl"))
        return "rtl";
    if (pi_ci_prefix(d, "ltr"))
        return "ltr";
    return NULL;
}

static const char *page_type(const mctx *c, const evidence *e)
{
    switch (e->main_kind) {
    case K_ARTICLE:
        return "article";
    case K_BLOG:
        return "blog";
    case K_FORUM:
        return "forum";
    case K_PRODUCT:
        return "product";
    default:
        break;
    }
    switch (itemtype_kind(c->md_type)) {
    case K_ARTICLE:
        return "article";
    case K_BLOG:
        return "blog";
    case K_FORUM:
        return "forum";
    case K_PRODUCT:
        return "product";
    default:
        break;
    }
    const char *og = meta_get(c, "og:type");
    if (og) {
        while (pi_is_space((unsigned char)*og))
            og++;
        if (pi_ci_prefix(og, "article") || pi_ci_prefix(og, "news"))
            return "article";
        if (pi_ci_prefix(og, "blog"))
            return "blog";
        if (pi_ci_prefix(og, "product") || pi_ci_contains(og, ":product"))
            return "product";
    }
    return "other";
}

static void ctx_free(mctx *c)
{
    free(c->title_el);
    list_free(&c->headings);
    free(c->first_h1);
    free(c->metas);
    list_free(&c->rel_authors);
    list_free(&c->bylines);
    free(c->md_headline);
    free(c->md_name);
    free(c->md_published);
    free(c->md_modified);
    free(c->md_created);
    free(c->md_image);
    free(c->md_desc);
    free(c->md_publisher);
    free(c->md_lang);
    free(c->time_first);
    free(c->hint_date);
    free(c->text_date);
    free(c->text_byline);
    list_free(&c->md_authors);
    for (size_t i = 0; i < c->n_jroots; i++)
        json_object_put(c->jroots[i]);
    free(c->jroots);
    free(c->jn);
}

static char *first_url(mctx *c, const char *const *keys)
{
    for (int i = 0; keys[i]; i++) {
        char *r = resolve_url(c, meta_get(c, keys[i]));
        if (r)
            return r;
    }
    return NULL;
}

static char *pick_description(mctx *c, const evidence *e)
{
    char *r = e->main ? jtext(c, jget(e->main, "description")) : NULL;
    static const char *const keys[] = {"og:description", "twitter:description",
                                       "dc:description", "dcterms:description", "description",
                                       NULL};
    for (int i = 0; !r && keys[i]; i++)
        r = dup_cleans(c, meta_get(c, keys[i]));
    if (!r && c->md_desc)
        r = dup_raw(c, c->md_desc);
    if (!r && e->webpage)
        r = jtext(c, jget(e->webpage, "description"));
    if (r && strlen(r) > MAX_DESCRIPTION_LEN) {
        free(r);
        r = NULL;
    }
    return r;
}

int pi_meta_extract(pi_tree *doc, const char *page_url, pi_meta *out)
{
    mctx c;
    evidence e;
    memset(out, 0, sizeof *out);
    memset(&c, 0, sizeof c);
    memset(&e, 0, sizeof e);
    c.page_url = page_url && *page_url ? page_url : NULL;
    c.jl_visits = MAX_JL_VISITS;
    c.scan_budget = SCAN_BUDGET;

    if (doc)
        walk(&c, doc);
    for (size_t i = 0; i < c.n_jroots && !c.oom; i++)
        jl_collect(&c, c.jroots[i], 0, 0);
    choose_entities(&c, &e);

    out->lang = pick_lang(&c, &e);
    e.day_first = !(out->lang && (pi_ci_eq(out->lang, "en") || pi_ci_eq(out->lang, "en-US")));
    if (!out->lang)
        e.day_first = 0;

    /* the dir nearest the content wins: <article>, <main>, <body>, <html> */
    const char *d = norm_dir(c.article_dir);
    if (!d)
        d = norm_dir(c.main_dir);
    if (!d)
        d = norm_dir(c.body_dir);
    if (!d)
        d = norm_dir(c.html_dir);
    if (!d)
        d = pi_meta_lang_dir(out->lang);
    if (d)
        out->dir = dup_raw(&c, d);

    out->site_name = pick_site(&c, &e);
    pick_authors(&c, &e, out, out->site_name,
                 out->canonical_url ? out->canonical_url : c.page_url);

    out->canonical_url = resolve_url(&c, c.canonical_link);
    if (!out->canonical_url)
        out->canonical_url = resolve_url(&c, meta_get(&c, "og:url"));
    if (!out->canonical_url && e.main) {
        char *u = jurl(&c, jget(e.main, "url"), 0);
        if (!u)
            u = jurl(&c, jget(e.main, "mainEntityOfPage"), 0);
        out->canonical_url = resolve_url(&c, u);
        free(u);
    }

    pick_title(&c, &e, out->site_name, out->canonical_url ? out->canonical_url : c.page_url,
               out);
    out->published = pick_published(&c, &e, out->canonical_url);
    out->modified = pick_modified(&c, &e);
    out->description = pick_description(&c, &e);
    out->article_body = e.main ? jtext(&c, jget(e.main, "articleBody")) : NULL;

    static const char *const img_keys[] = {"og:image", "og:image:url", "og:image:secure_url",
                                           "twitter:image", "twitter:image:src", NULL};
    out->image = first_url(&c, img_keys);
    if (!out->image && e.main) {
        char *u = jurl(&c, jget(e.main, "image"), 0);
        if (!u)
            u = jurl(&c, jget(e.main, "thumbnailUrl"), 0);
        out->image = resolve_url(&c, u);
        free(u);
    }
    if (!out->image)
        out->image = resolve_url(&c, c.image_src_link);
    if (!out->image)
        out->image = resolve_url(&c, c.md_image);

    pick_tags(&c, &e, out);
    out->page_type = dup_raw(&c, page_type(&c, &e));

    int oom = c.oom;
    ctx_free(&c);
    if (oom) {
        pi_meta_free(out);
        return PI_ENOMEM;
    }
    return PI_OK;
}

void pi_meta_free(pi_meta *m)
{
    if (!m)
        return;
    free(m->title);
    free(m->headline);
    free(m->site_name);
    for (size_t i = 0; i < m->n_authors; i++)
        free(m->authors[i]);
    free(m->authors);
    free(m->published);
    free(m->modified);
    free(m->description);
    free(m->article_body);
    free(m->lang);
    free(m->dir);
    free(m->canonical_url);
    free(m->image);
    for (size_t i = 0; i < m->n_tags; i++)
        free(m->tags[i]);
    free(m->tags);
    free(m->page_type);
    memset(m, 0, sizeof *m);
}

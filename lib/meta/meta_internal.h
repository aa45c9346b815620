/* meta_internal.h - what the parts of the metadata module share: the
 * per-call context (the evidence the walk gathers), the limits more than one
 * part obeys, and the helpers they have in common.
 *
 * The parts, in the order a call runs them:
 *   meta_collect.c  one walk over the tree fills the context: <meta>, links,
 *                   microdata, <time>, headings, bylines, ld+json blocks;
 *   meta_jsonld.c   the blocks repaired and parsed, typed objects indexed,
 *                   the main entity chosen;
 *   metadata.c      every field picked from its sources, in the order
 *                   metadata.h documents, with
 *   meta_title.c    titles and headlines,
 *   meta_authors.c  authors (cleaning, splitting, placeholders),
 *   meta_lang.c     language tags and direction, and date.c for dates.
 * Nothing is global: one mctx per call, freed by pi_meta_ctx_free(). Out of
 * memory is remembered in mctx.oom (the builder idiom of error.h) and
 * checked once, at the end of pi_meta_extract(); every function below that
 * returns NULL for "none" sets it when the NULL is a failed allocation. */
#ifndef PI_META_INTERNAL_H
#define PI_META_INTERNAL_H

#include "base/text.h"
#include "meta/metadata.h"
#include "tree/dom.h"

#include <stddef.h>
#include <string.h>

/* ---- limits shared by the parts ----------------------------------------- */

/* A meta key longer than this is not one we know. */
#define META_KEY_LEN 48
/* h1/h2 texts kept for comparing titles: the article heading is early. */
#define MAX_HEADINGS 24
/* A byline is a short line of names; Readability uses the same bound. */
#define BYLINE_MAX 100
#define MAX_AUTHORS 32
/* More names than this in the page's visible markup (microdata, rel=author,
 * byline elements) are the authors of a list's items, one per teaser or
 * book, not of the page; declared data may list more (a paper's authors). */
#define MAX_SHOWN_AUTHORS 4

/* ---- the context -------------------------------------------------------- */

typedef struct kv {
    char key[META_KEY_LEN];
    const char *val; /* points into the DOM, valid during the call */
    int prop;        /* from a property attribute (RDFa), else name/http-equiv */
} kv;

typedef struct strlist {
    char **v;
    size_t n, cap;
} strlist;

struct json_object;
struct pi_jnode; /* a typed JSON-LD object (meta_jsonld.c) */

/* Nodes visited by all such subtree looks of one page together: what keeps
 * the modules linear when a page repeats a pattern (100,000 nested elements
 * each named "author"). The walk itself is not counted. */
#define SCAN_BUDGET 2000000

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
    char *home_h1; /* the first h1 that is all a link to the site's home: its name */

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
    char *time_first; /* first <time> whose datetime or text parses */
    int time_tries;
    char *hint_date; /* first element named like a date whose text parses */
    char *text_date; /* first short text after the h1 that is a date */
    int text_tries;
    char *text_byline; /* first short "By Jane Doe" line after the h1 */
    int text_by_tries;
    int hint_tries;

    /* JSON-LD */
    struct json_object **jroots;
    size_t n_jroots, cap_jroots;
    struct pi_jnode *jn;
    size_t n_jn, cap_jn;
    size_t jl_bytes;
    long jl_visits;
    long scan_budget;  /* see SCAN_BUDGET */
    unsigned declared; /* PI_DECL_* seen in JSON-LD and microdata */
} mctx;

/* Kinds of schema.org types, weakest first: a larger kind is a stronger
 * claim to be what the page is about. */
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

/* The JSON-LD objects the fields are read from (NULL when absent). */
typedef struct evidence {
    struct json_object *main;    /* the article / posting / product the page is about */
    struct json_object *webpage; /* a WebPage node, for fields the main entity lacks */
    struct json_object *website;
    int main_kind;
    int day_first;
} evidence;

/* ---- meta_collect.c: the context and the walk --------------------------- */

/* An empty context for a page fetched from `page_url` (may be NULL). */
void pi_meta_ctx_init(mctx *c, const char *page_url);
void pi_meta_ctx_free(mctx *c);

/* Walk the tree once and gather the evidence into `c`. */
void pi_meta_collect(mctx *c, pi_tree *tree);

/* `p` grown to hold `need` elements of `elem` bytes (capacity in *cap), or
 * NULL (flagged) on failure, when `p` is left as it was. */
void *pi_meta_grow(mctx *c, void *p, size_t *cap, size_t need, size_t elem);

/* Append `s` (owned; NULL is ignored) to a list; on failure free it. */
void pi_meta_list_push(mctx *c, strlist *l, char *s);
int pi_meta_list_has(const strlist *l, const char *s);

/* Append `s` (owned) to the array *v of *n strings; on failure free it. */
void pi_meta_push(mctx *c, char ***v, size_t *n, char *s);

/* A copy of s[0..n) with blanks collapsed (pi_put_collapsed); NULL when
 * `s` is NULL or the copy is empty. pi_meta_dup_cleans() for a string,
 * pi_meta_dup() copies as it is. */
char *pi_meta_dup_clean(mctx *c, const char *s, size_t n);
char *pi_meta_dup_cleans(mctx *c, const char *s);
char *pi_meta_dup(mctx *c, const char *s);

/* The first non-blank value of <meta> key `key` (lowercase, '.' read as
 * ':'), or NULL; pi_meta_kind() tells which attribute kind holds it (1
 * property, 0 name/http-equiv, -1 none): see meta_collect.c. */
const char *pi_meta_get(const mctx *c, const char *key);
int pi_meta_kind(const mctx *c, const char *key);

/* The kind (K_*) of a schema.org type name of `n` bytes, bare, prefixed or
 * a URL; the strongest kind of a space-separated itemtype list. */
int pi_meta_type_kind(const char *t, size_t n);
int pi_meta_itemtype_kind(const char *v);
/* The PI_DECL_* bit of one schema.org type name (0 for the others), and of
 * the space-separated types of an itemtype attribute. */
unsigned pi_meta_type_bits(const char *t, size_t n);
unsigned pi_meta_itemtype_bits(const char *v);

/* ---- meta_jsonld.c ------------------------------------------------------ */

/* Parse the ld+json blocks of a <script> element into the context. */
void pi_jl_read_script(mctx *c, const pi_dom *script);
/* Index the typed objects of every parsed block (after the walk). */
void pi_jl_index(mctx *c);
/* Choose the main entity, the WebPage and the WebSite. */
void pi_jl_choose(mctx *c, evidence *e);

/* The value of property `key` of an object, or NULL (also for NULL). */
struct json_object *pi_jl_get(struct json_object *o, const char *key);
/* The text of a value (a string, the first of a list, {"@value"}), as
 * plain text: HTML tags stripped, references decoded, blanks collapsed. */
char *pi_jl_text(mctx *c, struct json_object *v);
/* The name of a value: a string, an entity's name or givenName +
 * familyName, through an {"@id"} reference. */
char *pi_jl_name(mctx *c, struct json_object *v);
/* The URL of a value: a string, {url|contentUrl|@id}, the first of a list;
 * blanks collapsed, not yet resolved. */
char *pi_jl_url(mctx *c, struct json_object *v);
/* Call fn(c, arg, name) for each name pi_jl_name() finds in `v` or, when
 * `v` is a list, in its items (at most `max_items` per list, lists nested
 * `max_depth` deep); `name` is owned by fn. */
void pi_jl_each_name(mctx *c, struct json_object *v, size_t max_items, int max_depth,
                     void (*fn)(mctx *c, void *arg, char *name), void *arg);

/* ---- meta_title.c ------------------------------------------------------- */

/* Is `t` what the page shows as its title: the <title>, og:title or an h1? */
int pi_meta_is_page_title(mctx *c, const char *t);
/* out->title and out->headline (see metadata.h); `site` and `url` (the
 * canonical URL, else the page URL) name the site. */
void pi_meta_pick_title(mctx *c, const evidence *e, const char *site, const char *url,
                        pi_meta *out);

/* ---- meta_authors.c ----------------------------------------------------- */

/* `s` after a leading "By", "Von:", "Geschrieben von" ... (s itself when it
 * has none). */
const char *pi_meta_strip_by(const char *s);
/* A usable author name from a raw string (at most `maxlen` bytes), or
 * NULL: see meta_authors.c. */
char *pi_meta_clean_author(mctx *c, const char *raw, size_t maxlen);
/* out->authors from the strongest source that names a person; `site` and
 * `url` tell a placeholder (the site itself) from a person. */
void pi_meta_pick_authors(mctx *c, const evidence *e, pi_meta *out, const char *site,
                          const char *url);

/* ---- small text helpers ------------------------------------------------- */

typedef struct span {
    const char *s;
    size_t n;
} span;

/* Words of a span: runs of bytes other than ASCII white space. */
static inline size_t pi_meta_words(span p)
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

/* The ASCII letters and digits of s[0..n), lowercased, into o (`cap`
 * bytes): names compared across spacing and punctuation ("Example-News",
 * "example news" and "examplenews" meet). */
static inline void pi_meta_squash(char *o, size_t cap, const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        int ch = pi_lower((unsigned char)s[i]);
        if ((ch >= 'a' && ch <= 'z') || pi_is_digit(ch))
            o[k++] = (char)ch;
    }
    o[k] = '\0';
}

/* The host of a URL ("https://www.example.com/x" -> "example.com"): after
 * "://" (or from the start), up to '/', '?', '#' or ':', without "www.". */
static inline span pi_meta_host(const char *url)
{
    const char *h = strstr(url, "://");
    h = h ? h + 3 : url;
    size_t n = strcspn(h, "/?#:");
    if (n > 4 && pi_ci_prefix(h, "www."))
        h += 4, n -= 4;
    span r = {h, n};
    return r;
}

/* Does s look like a URL rather than a name? */
static inline int pi_meta_is_url_like(const char *s)
{
    return pi_ci_prefix(s, "http://") || pi_ci_prefix(s, "https://") || pi_ci_prefix(s, "//") ||
           pi_ci_prefix(s, "www.") || strstr(s, "://") != NULL;
}

#endif

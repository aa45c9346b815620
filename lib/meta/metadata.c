/* metadata.c - what the page says about itself: each field picked from its
 * sources, in the order metadata.h documents.
 *
 * One pass over the DOM collects the raw evidence (meta_collect.c); the
 * JSON-LD blocks are parsed and the main entity chosen (meta_jsonld.c);
 * then every field is taken from the strongest source that gives a usable
 * value. The order of sources per field follows one principle: what the
 * page declares for machines (JSON-LD, then OpenGraph/Twitter/Dublin Core
 * and other <meta>, then microdata) beats what we infer from the visible
 * page (<time>, byline elements, the URL, <title>). Two exceptions, both
 * because the field has a purpose-built declaration: the canonical URL
 * prefers <link rel=canonical>, and the image prefers og:image.
 *
 * The fields are picked in pi_meta_extract() in the order their
 * dependencies need; the simple fields are picked here, the title
 * (meta_title.c) and the authors (meta_authors.c) where their work is.
 *
 * All work is bounded: the walk is iterative and linear, every text
 * gathered from a subtree has a byte cap, every list has a length cap,
 * JSON-LD blocks have a size cap and json-c a depth cap. Nothing global is
 * written: all state lives in one struct per call. */
#include "meta/metadata.h"
#include "base/error.h"
#include "base/text.h"
#include "base/url.h"
#include "meta/date.h"
#include "meta/meta_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- tuning ------------------------------------------------------------ */

#define MAX_TAGS 64
#define MAX_TAG_LEN 100
#define MAX_DESCRIPTION_LEN 2000
#define MAX_URL_LEN 4096
/* A site name longer than this is a sentence or a list, not a name. */
#define MAX_SITE_NAME_LEN 200

/* ---- values from sources ------------------------------------------------ */

/* An absolute URL for href, resolved against <base href> and the page URL;
 * NULL when it stays relative (no base known) or is not a link to a
 * resource (javascript:, data:, about:). A protocol-relative "//host/x"
 * without a base is read as https. */
static char *resolve_url(mctx *c, const char *href)
{
    char *h = pi_meta_dup_cleans(c, href), *out;
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

/* A language tag normalised; NULL when it is none (or out of memory,
 * flagged). */
static char *lang_from(mctx *c, const char *s)
{
    char *r;
    if (pi_meta_norm_lang(s, &r) != PI_OK)
        c->oom = 1;
    return r;
}

/* ---- the fields, each from its sources ---------------------------------- */

static char *pick_lang(mctx *c, const evidence *e)
{
    char *r = lang_from(c, c->html_lang);
    static const char *const keys[] = {"http-equiv:content-language",
                                       "content-language",
                                       "language",
                                       "dc:language",
                                       "dcterms:language",
                                       "og:locale",
                                       NULL};
    for (int i = 0; !r && keys[i]; i++)
        r = lang_from(c, pi_meta_get(c, keys[i]));
    struct json_object *srcs[3] = {e->main, e->webpage, e->website};
    for (int i = 0; !r && i < 3; i++) {
        /* a tag, or a Language object naming one */
        struct json_object *l = pi_jl_get(srcs[i], "inLanguage");
        char *s = pi_jl_text(c, l);
        if (!s)
            s = pi_jl_text(c, pi_jl_get(l, "alternateName"));
        if (!s)
            s = pi_jl_text(c, pi_jl_get(l, "name"));
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

/* The dir nearest the content wins: <article>, <main>, <body>, <html>;
 * else what the language implies. */
static char *pick_dir(mctx *c, const char *lang)
{
    const char *d = norm_dir(c->article_dir);
    if (!d)
        d = norm_dir(c->main_dir);
    if (!d)
        d = norm_dir(c->body_dir);
    if (!d)
        d = norm_dir(c->html_dir);
    if (!d)
        d = pi_meta_lang_dir(lang);
    return d ? pi_meta_dup(c, d) : NULL;
}

static char *pick_site(mctx *c, const evidence *e)
{
    char *r = NULL;
    if (e->main)
        r = pi_jl_name(c, pi_jl_get(e->main, "publisher"));
    if (!r && e->website)
        r = pi_jl_text(c, pi_jl_get(e->website, "name"));
    if (!r && e->webpage)
        r = pi_jl_name(c, pi_jl_get(e->webpage, "publisher"));
    static const char *const keys[] = {"og:site_name",
                                       "application-name",
                                       "dc:publisher",
                                       "dcterms:publisher",
                                       "citation_journal_title",
                                       "publisher",
                                       NULL};
    for (int i = 0; !r && keys[i]; i++)
        r = pi_meta_dup_cleans(c, pi_meta_get(c, keys[i]));
    if (!r && c->md_publisher)
        r = pi_meta_dup(c, c->md_publisher);
    if (r && (strlen(r) > MAX_SITE_NAME_LEN || pi_meta_is_url_like(r))) {
        free(r);
        r = NULL;
    }
    return r;
}

static char *pick_canonical(mctx *c, const evidence *e)
{
    char *r = resolve_url(c, c->canonical_link);
    if (!r)
        r = resolve_url(c, pi_meta_get(c, "og:url"));
    if (!r && e->main) {
        char *u = pi_jl_url(c, pi_jl_get(e->main, "url"));
        if (!u)
            u = pi_jl_url(c, pi_jl_get(e->main, "mainEntityOfPage"));
        r = resolve_url(c, u);
        free(u);
    }
    return r;
}

/* clang-format off */
static const char *const published_keys[] = {
    "article:published_time", "og:article:published_time", "article:published",
    "og:published_time", "published_time", "parsely-pub-date", "sailthru:date",
    "citation_publication_date", "citation_date", "citation_online_date", "dc:date:issued",
    "dcterms:issued", "dc:date", "dcterms:date", "dcterms:created", "dc:date:created",
    "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "pub_date", "article_date_original", "original-publish-date",
    "release_date", "created", NULL};
/* clang-format on */

/* clang-format off */
static const char *const modified_keys[] = {
    "article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
    "modified_time", "dcterms:modified", "dc:date:modified", "datemodified", "last-modified",
    "http-equiv:last-modified", "lastmod", "revised", "updated", NULL};
/* clang-format on */

static char *pick_published(mctx *c, const evidence *e, const char *canon, int *src)
{
    char *r = NULL;
    int df = e->day_first;
    *src = PI_DATE_MAIN;
    if (e->main) {
        r = date_from_owned(c, pi_jl_text(c, pi_jl_get(e->main, "datePublished")), df);
        if (!r)
            r = date_from_owned(c, pi_jl_text(c, pi_jl_get(e->main, "dateCreated")), df);
    }
    if (!r && e->webpage)
        *src = PI_DATE_WEBPAGE,
        r = date_from_owned(c, pi_jl_text(c, pi_jl_get(e->webpage, "datePublished")), df);
    for (int i = 0; !r && published_keys[i]; i++)
        *src = PI_DATE_MAIN, r = date_from(c, pi_meta_get(c, published_keys[i]), df);
    if (!r)
        *src = PI_DATE_MAIN, r = date_from(c, c->md_published, df);
    if (!r)
        *src = PI_DATE_MAIN, r = date_from(c, c->md_created, df);
    if (!r)
        *src = PI_DATE_SHOWN, r = date_from(c, c->time_pubdate, df);
    if (!r)
        *src = PI_DATE_SHOWN, r = date_from(c, c->time_first, df);
    if (!r)
        *src = PI_DATE_SHOWN, r = date_from(c, c->hint_date, df);
    if (!r)
        *src = PI_DATE_SHOWN, r = date_from(c, c->text_date, df);
    if (!r)
        *src = PI_DATE_URL;
    if (!r && pi_date_in_url(canon, &r) != PI_OK)
        c->oom = 1;
    if (!r && !c->oom && pi_date_in_url(c->page_url, &r) != PI_OK)
        c->oom = 1;
    return r;
}

static char *pick_modified(mctx *c, const evidence *e)
{
    char *r = NULL;
    int df = e->day_first;
    if (e->main)
        r = date_from_owned(c, pi_jl_text(c, pi_jl_get(e->main, "dateModified")), df);
    if (!r && e->webpage)
        r = date_from_owned(c, pi_jl_text(c, pi_jl_get(e->webpage, "dateModified")), df);
    for (int i = 0; !r && modified_keys[i]; i++)
        r = date_from(c, pi_meta_get(c, modified_keys[i]), df);
    if (!r)
        r = date_from(c, c->md_modified, df);
    return r;
}

static char *pick_description(mctx *c, const evidence *e)
{
    char *r = e->main ? pi_jl_text(c, pi_jl_get(e->main, "description")) : NULL;
    static const char *const keys[] = {"og:description", "twitter:description",
                                       "dc:description", "dcterms:description",
                                       "description",    NULL};
    for (int i = 0; !r && keys[i]; i++)
        r = pi_meta_dup_cleans(c, pi_meta_get(c, keys[i]));
    if (!r && c->md_desc)
        r = pi_meta_dup(c, c->md_desc);
    if (!r && e->webpage)
        r = pi_jl_text(c, pi_jl_get(e->webpage, "description"));
    if (r && strlen(r) > MAX_DESCRIPTION_LEN) {
        free(r);
        r = NULL;
    }
    return r;
}

static char *pick_image(mctx *c, const evidence *e)
{
    static const char *const keys[] = {"og:image",      "og:image:url",      "og:image:secure_url",
                                       "twitter:image", "twitter:image:src", NULL};
    char *r = NULL;
    for (int i = 0; !r && keys[i]; i++)
        r = resolve_url(c, pi_meta_get(c, keys[i]));
    if (!r && e->main) {
        char *u = pi_jl_url(c, pi_jl_get(e->main, "image"));
        if (!u)
            u = pi_jl_url(c, pi_jl_get(e->main, "thumbnailUrl"));
        r = resolve_url(c, u);
        free(u);
    }
    if (!r)
        r = resolve_url(c, c->image_src_link);
    if (!r)
        r = resolve_url(c, c->md_image);
    return r;
}

static void add_tag(mctx *c, pi_meta *m, const char *s, size_t n)
{
    char *t = pi_meta_dup_clean(c, s, n);
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
    pi_meta_push(c, &m->tags, &m->n_tags, t);
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

static void add_jl_tags(mctx *c, void *m, char *name)
{
    add_tag_list(c, m, name);
    free(name);
}

/* The tags a JSON-LD value gives: a string, or a list of strings. */
static void jl_tags(mctx *c, pi_meta *m, struct json_object *v)
{
    pi_jl_each_name(c, v, MAX_TAGS, 2, add_jl_tags, m);
}

static void pick_tags(mctx *c, const evidence *e, pi_meta *m)
{
    if (e->main)
        jl_tags(c, m, pi_jl_get(e->main, "keywords"));
    if (!m->n_tags)
        for (size_t i = 0; i < c->n_metas; i++)
            if (!strcmp(c->metas[i].key, "article:tag"))
                add_tag_list(c, m, c->metas[i].val);
    if (!m->n_tags)
        add_tag_list(c, m, pi_meta_get(c, "news_keywords"));
    if (!m->n_tags)
        add_tag_list(c, m, pi_meta_get(c, "keywords"));
    /* then the section, whatever gave the tags */
    size_t before = m->n_tags;
    if (e->main)
        jl_tags(c, m, pi_jl_get(e->main, "articleSection"));
    if (m->n_tags == before)
        add_tag_list(c, m, pi_meta_get(c, "article:section"));
}

static const char *kind_name(int kind)
{
    switch (kind) {
    case K_ARTICLE:
        return "article";
    case K_BLOG:
        return "blog";
    case K_FORUM:
        return "forum";
    case K_PRODUCT:
        return "product";
    default:
        return NULL;
    }
}

/* og:type as declared types: "article", "product", "profile", "video" ... */
static unsigned og_bits(const mctx *c)
{
    const char *og = pi_meta_get(c, "og:type");
    if (!og)
        return 0;
    while (pi_is_space((unsigned char)*og))
        og++;
    if (pi_ci_prefix(og, "article") || pi_ci_prefix(og, "news"))
        return PI_DECL_ARTICLE;
    if (pi_ci_prefix(og, "blog"))
        return PI_DECL_BLOG | PI_DECL_ARTICLE;
    if (pi_ci_prefix(og, "product") || pi_ci_contains(og, ":product"))
        return PI_DECL_PRODUCT;
    if (pi_ci_prefix(og, "profile"))
        return PI_DECL_PERSON;
    if (pi_ci_prefix(og, "video"))
        return PI_DECL_MEDIA;
    if (pi_ci_prefix(og, "website"))
        return PI_DECL_WEBPAGE;
    return 0;
}

static const char *page_type(const mctx *c, const evidence *e)
{
    const char *t = kind_name(e->main_kind);
    if (!t)
        t = kind_name(pi_meta_itemtype_kind(c->md_type));
    if (t)
        return t;
    const char *og = pi_meta_get(c, "og:type");
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

/* ---- the pick order ------------------------------------------------------ */

int pi_meta_extract(pi_tree *doc, const char *page_url, pi_meta *out)
{
    mctx c;
    evidence e;
    memset(out, 0, sizeof *out);
    memset(&e, 0, sizeof e);
    pi_meta_ctx_init(&c, page_url);

    /* the evidence: one walk, then the JSON-LD it found */
    if (doc)
        pi_meta_collect(&c, doc);
    pi_jl_index(&c);
    pi_jl_choose(&c, &e);

    /* the language first: it decides how "03/04/2025" reads */
    out->lang = pick_lang(&c, &e);
    e.day_first = out->lang && !pi_ci_eq(out->lang, "en") && !pi_ci_eq(out->lang, "en-US");
    out->dir = pick_dir(&c, out->lang);

    /* the site, by name and by the address it gives itself (the canonical
     * URL, else the page's): titles and authors must tell it from their own */
    out->site_name = pick_site(&c, &e);
    out->canonical_url = pick_canonical(&c, &e);
    const char *site_url = out->canonical_url ? out->canonical_url : c.page_url;
    pi_meta_pick_title(&c, &e, out->site_name, site_url, out);
    pi_meta_pick_authors(&c, &e, out, out->site_name, site_url);

    /* a date in the canonical URL is a source of the publication date */
    out->published = pick_published(&c, &e, out->canonical_url, &out->published_src);
    out->modified = pick_modified(&c, &e);
    out->description = pick_description(&c, &e);
    out->article_body = e.main ? pi_jl_text(&c, pi_jl_get(e.main, "articleBody")) : NULL;
    out->image = pick_image(&c, &e);
    pick_tags(&c, &e, out);
    out->page_type = pi_meta_dup(&c, page_type(&c, &e));
    out->declared = c.declared | og_bits(&c);

    int oom = c.oom;
    pi_meta_ctx_free(&c);
    if (oom) {
        pi_meta_free(out);
        return PI_ENOMEM;
    }
    return PI_OK;
}

static void drop_published(pi_meta *m)
{
    free(m->published);
    m->published = NULL;
}

void pi_meta_by_page_type(pi_meta *m)
{
    static const char *const unsigned_kinds[] = {"product", "collection", NULL};
    static const char *const stated_kinds[] = {"article", "blog", "forum", "other", NULL};
    if (!m->page_type)
        return;
    int stated = 0;
    for (const char *const *k = stated_kinds; *k && !stated; k++)
        stated = !strcmp(m->page_type, *k);
    if (!stated && m->published_src == PI_DATE_WEBPAGE)
        drop_published(m);
    if (!strcmp(m->page_type, "documentation") && m->published_src >= PI_DATE_SHOWN)
        drop_published(m);
    if (m->declared & (PI_DECL_ARTICLE | PI_DECL_BLOG | PI_DECL_TECH))
        return;
    for (const char *const *k = unsigned_kinds; *k; k++)
        if (!strcmp(m->page_type, *k)) {
            for (size_t i = 0; i < m->n_authors; i++)
                free(m->authors[i]);
            free(m->authors);
            m->authors = NULL;
            m->n_authors = 0;
            drop_published(m);
            return;
        }
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

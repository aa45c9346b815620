/* meta_ctx.c - the per-call context of the metadata modules: its lists,
 * the copies they keep, the <meta> values by key, schema.org type kinds and
 * what counts as the page's own title. The layer every meta_*.c builds on;
 * it calls none of them. */
#include "base/buf.h"
#include "base/text.h"
#include "meta/meta_internal.h"

#include <json-c/json.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void pi_meta_ctx_init(mctx *c, const char *page_url)
{
    memset(c, 0, sizeof *c);
    c->page_url = page_url && *page_url ? page_url : NULL;
    c->scan_budget = SCAN_BUDGET;
}

void *pi_meta_grow(mctx *c, void *p, size_t *cap, size_t need, size_t elem)
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
void pi_meta_list_push(mctx *c, strlist *l, char *s)
{
    if (!s)
        return;
    char **v = pi_meta_grow(c, l->v, &l->cap, l->n + 1, sizeof *v);
    if (!v) {
        free(s);
        return;
    }
    l->v = v;
    l->v[l->n++] = s;
}

int pi_meta_list_has(const strlist *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (pi_same_text(l->v[i], s))
            return 1;
    return 0;
}

/* A collapsed copy of s[0..n), NULL when empty (or out of memory, flagged). */
char *pi_meta_dup_clean(mctx *c, const char *s, size_t n)
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

char *pi_meta_dup_cleans(mctx *c, const char *s)
{
    return s ? pi_meta_dup_clean(c, s, strlen(s)) : NULL;
}

char *pi_meta_dup(mctx *c, const char *s)
{
    if (!s)
        return NULL;
    char *r = pi_strdup(s);
    if (!r)
        c->oom = 1;
    return r;
}

/* Append `s` (owned) to a list of strings; on failure free it and note OOM. */
void pi_meta_push(mctx *c, char ***v, size_t *n, char *s)
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

/* ---- gathering text from the DOM --------------------------------------- */

static int blank(const char *v)
{
    while (*v && pi_is_space((unsigned char)*v))
        v++;
    return !*v;
}

/* Which attribute kind to read a key from: RDFa `property` is the defined
 * syntax of OpenGraph and Dublin Core in HTML, so when a page gives the same
 * key both ways the property wins. 1 property, 0 name, -1 key absent. */
int pi_meta_kind(const mctx *c, const char *key)
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
const char *pi_meta_get(const mctx *c, const char *key)
{
    int k = pi_meta_kind(c, key);
    for (size_t i = 0; k >= 0 && i < c->n_metas; i++)
        if (!strcmp(c->metas[i].key, key) && c->metas[i].prop == k && !blank(c->metas[i].val))
            return c->metas[i].val;
    return NULL;
}

static int ends_with(const char *s, size_t n, const char *suf)
{
    size_t l = strlen(suf);
    return n >= l && !memcmp(s + n - l, suf, l);
}

/* Kind of a schema.org type name, given bare ("NewsArticle"), prefixed
 * ("schema:NewsArticle") or as a URL ("https://schema.org/NewsArticle"). */
int pi_meta_type_kind(const char *t, size_t n)
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

/* The bare name of a schema.org type given bare ("Product"), prefixed
 * ("schema:Product") or as a URL ("https://schema.org/Product"). */
static const char *bare_type(const char *t, size_t *n)
{
    for (size_t i = *n; i > 0; i--)
        if (t[i - 1] == '/' || t[i - 1] == ':' || t[i - 1] == '#') {
            *n -= i;
            return t + i;
        }
    return t;
}

unsigned pi_meta_type_bits(const char *t, size_t n)
{
    t = bare_type(t, &n);
#define IS(x) (n == sizeof(x) - 1 && !memcmp(t, x, n))
#define ENDS(x) ends_with(t, n, x)
    if (IS("BlogPosting") || IS("Blog"))
        return PI_DECL_BLOG | PI_DECL_ARTICLE;
    if (IS("TechArticle") || IS("APIReference") || IS("SoftwareSourceCode") || IS("HowTo"))
        return PI_DECL_TECH;
    if (IS("DiscussionForumPosting") || IS("QAPage") || IS("Question") || IS("Answer"))
        return PI_DECL_FORUM;
    if (IS("Comment") || IS("UserComments"))
        return PI_DECL_COMMENT;
    if (IS("Review") || IS("AggregateRating") || IS("Rating"))
        return PI_DECL_REVIEW;
    if (IS("FAQPage"))
        return PI_DECL_FAQ;
    if (IS("ItemList") || IS("CollectionPage") || IS("SearchResultsPage") || IS("OfferCatalog"))
        return PI_DECL_LIST;
    if (IS("Product") || IS("ProductGroup") || IS("ProductModel") || IS("IndividualProduct") ||
        IS("SomeProducts") || IS("Offer") || IS("AggregateOffer"))
        return PI_DECL_PRODUCT;
    if (IS("BreadcrumbList"))
        return PI_DECL_BREADCRUMB;
    if (IS("Service") || IS("ProfessionalService") || IS("FinancialService"))
        return PI_DECL_SERVICE;
    if (IS("Recipe"))
        return PI_DECL_RECIPE;
    if (IS("Course") || IS("EducationalOccupationalProgram"))
        return PI_DECL_COURSE;
    if (IS("JobPosting"))
        return PI_DECL_JOB;
    if (IS("Person") || IS("ProfilePage"))
        return PI_DECL_PERSON;
    if (IS("VideoObject") || IS("ImageGallery") || IS("MediaGallery") || IS("ImageObject"))
        return PI_DECL_MEDIA;
    if (ENDS("Event"))
        return PI_DECL_EVENT;
    if (ENDS("Article") || IS("Report") || IS("LiveBlogPosting") || IS("SocialMediaPosting"))
        return PI_DECL_ARTICLE;
    if (ENDS("Page"))
        return PI_DECL_WEBPAGE;
    if (ENDS("Organization") || IS("Corporation") || IS("Organisation") || ENDS("Business") ||
        ENDS("Store") || IS("Restaurant") || IS("Hotel"))
        return PI_DECL_ORG;
#undef ENDS
#undef IS
    return 0;
}

unsigned pi_meta_itemtype_bits(const char *v)
{
    unsigned bits = 0;
    while (v && *v) {
        while (pi_is_space((unsigned char)*v))
            v++;
        const char *e = v;
        while (*e && !pi_is_space((unsigned char)*e))
            e++;
        bits |= pi_meta_type_bits(v, (size_t)(e - v));
        v = e;
    }
    return bits;
}

/* Strongest kind among the space-separated types of an itemtype attribute. */
int pi_meta_itemtype_kind(const char *v)
{
    int best = K_NONE;
    while (v && *v) {
        while (pi_is_space((unsigned char)*v))
            v++;
        const char *e = v;
        while (*e && !pi_is_space((unsigned char)*e))
            e++;
        int k = pi_meta_type_kind(v, (size_t)(e - v));
        if (k > best)
            best = k;
        v = e;
    }
    return best;
}

int pi_meta_is_page_title(mctx *c, const char *t)
{
    if (!t)
        return 0;
    if (pi_same_text(t, c->title_el))
        return 1;
    const char *og = pi_meta_get(c, "og:title");
    if (og) {
        char *x = pi_meta_dup_cleans(c, og);
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

void pi_meta_ctx_free(mctx *c)
{
    free(c->title_el);
    list_free(&c->headings);
    free(c->first_h1);
    free(c->home_h1);
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

/* meta_jsonld.c - JSON-LD: the ld+json blocks of a page repaired, parsed
 * with json-c, their typed objects indexed, and the main entity chosen.
 *
 * Pages get JSON wrong in a few routine ways (HTML comment and CDATA
 * wrappers, comments, trailing commas, raw newlines in strings), so each
 * block goes through one linear repair pass before json-c sees it; what is
 * still not JSON is skipped. Typed objects ({"@type": ...}) anywhere in the
 * blocks, @graph included, are registered once, so that {"@id"} references
 * resolve and the main entity (the article, posting or product the page is
 * about) can be chosen among them. Strings are often HTML: the text
 * accessors strip tags and decode character references. Sizes, nesting and
 * the number of values visited are bounded (below). */
#include "base/buf.h"
#include "base/text.h"
#include "meta/meta_internal.h"
#include "tree/dom.h"

#include <errno.h>
#include <json-c/json.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- tuning ------------------------------------------------------------ */

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

/* A typed object of the page's JSON-LD. */
typedef struct pi_jnode {
    json_object *o;
    int depth;
    int kind;
    int listed; /* reached through a property other than @graph/mainEntity */
} jnode;

/* ---- HTML entities and tags inside strings ------------------------------ */

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
        pi_put_utf8(b, cp);
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
    pi_put_utf8(b, cp);
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
    char *r = pi_meta_dup_clean(c, b.data ? b.data : "", b.len);
    pi_buf_free(&b);
    return r;
}

/* ---- repair and parse ------------------------------------------------- */

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
    json_object **v = pi_meta_grow(c, c->jroots, &c->cap_jroots, c->n_jroots + 1, sizeof *v);
    if (!v) {
        json_object_put(o);
        return;
    }
    c->jroots = v;
    c->jroots[c->n_jroots++] = o;
}

void pi_jl_read_script(mctx *c, const pi_dom *n)
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
    int oom = raw.oom;
    if (!oom)
        jl_repair(raw.data ? raw.data : "", raw.len, &fixed);
    pi_buf_free(&raw); /* resets raw.oom: read before */
    if (oom || fixed.oom) {
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
        errno = 0;
        json_object *o = json_tokener_parse_ex(tok, fixed.data + off, (int)(fixed.len - off));
        /* json-c 0.16 reports a failed allocation as no particular error,
         * or not at all (a key it could not copy is a key missing); errno,
         * which the failed allocation set, tells */
        if (errno == ENOMEM) {
            json_object_put(o);
            c->oom = 1;
            break;
        }
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

/* ---- the typed objects -------------------------------------------------- */

json_object *pi_jl_get(json_object *o, const char *key)
{
    json_object *v = NULL;
    if (o && json_object_is_type(o, json_type_object) && json_object_object_get_ex(o, key, &v))
        return v;
    return NULL;
}

/* Strongest kind among the types of an object's @type (string or list). */
static int jkind(json_object *o)
{
    json_object *t = pi_jl_get(o, "@type");
    if (!t)
        return K_NONE;
    if (json_object_is_type(t, json_type_string))
        return pi_meta_type_kind(json_object_get_string(t), (size_t)json_object_get_string_len(t));
    int best = K_NONE;
    if (json_object_is_type(t, json_type_array)) {
        size_t n = json_object_array_length(t);
        for (size_t i = 0; i < n && i < 16; i++) {
            json_object *e = json_object_array_get_idx(t, i);
            if (json_object_is_type(e, json_type_string)) {
                int k = pi_meta_type_kind(json_object_get_string(e),
                                          (size_t)json_object_get_string_len(e));
                if (k > best)
                    best = k;
            }
        }
    }
    return best;
}

/* The PI_DECL_* bits of an object's @type (string or list). */
static unsigned jbits(json_object *o)
{
    json_object *t = pi_jl_get(o, "@type");
    if (t && json_object_is_type(t, json_type_string))
        return pi_meta_type_bits(json_object_get_string(t), (size_t)json_object_get_string_len(t));
    unsigned bits = 0;
    if (t && json_object_is_type(t, json_type_array)) {
        size_t n = json_object_array_length(t);
        for (size_t i = 0; i < n && i < 16; i++) {
            json_object *e = json_object_array_get_idx(t, i);
            if (json_object_is_type(e, json_type_string))
                bits |= pi_meta_type_bits(json_object_get_string(e),
                                          (size_t)json_object_get_string_len(e));
        }
    }
    return bits;
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
    if (pi_jl_get(v, "@type") && c->n_jn < MAX_JNODES) {
        jnode *a = pi_meta_grow(c, c->jn, &c->cap_jn, c->n_jn + 1, sizeof *a);
        if (!a)
            return;
        c->jn = a;
        jnode *j = &c->jn[c->n_jn++];
        j->o = v;
        j->depth = depth;
        j->kind = jkind(v);
        j->listed = listed;
        c->declared |= jbits(v);
    }
    json_object_object_foreach(v, key, val)
    {
        if (!strcmp(key, "@context") || !strcmp(key, "@type") || !strcmp(key, "@id"))
            continue;
        if (!json_object_is_type(val, json_type_object) &&
            !json_object_is_type(val, json_type_array))
            continue;
        if (!strcmp(key, "@graph"))
            jl_collect(c, val, depth, listed);
        else
            jl_collect(c, val, depth + 1,
                       listed || (strcmp(key, "mainEntity") && strcmp(key, "mainEntityOfPage")));
    }
}

/* A reference {"@id": x} replaced by the typed object with that @id. */
static json_object *jderef(const mctx *c, json_object *v)
{
    if (!v || !json_object_is_type(v, json_type_object) || pi_jl_get(v, "@type"))
        return v;
    json_object *id = pi_jl_get(v, "@id");
    if (!id || !json_object_is_type(id, json_type_string))
        return v;
    const char *s = json_object_get_string(id);
    for (size_t i = 0; i < c->n_jn; i++) {
        json_object *o = pi_jl_get(c->jn[i].o, "@id");
        if (o && json_object_is_type(o, json_type_string) && !strcmp(json_object_get_string(o), s))
            return c->jn[i].o;
    }
    return v;
}

/* Text of a JSON value: a string, the first string of a list, or "@value". */
char *pi_jl_text(mctx *c, json_object *v)
{
    if (!v)
        return NULL;
    if (json_object_is_type(v, json_type_array)) {
        size_t n = json_object_array_length(v);
        for (size_t i = 0; i < n && i < 16; i++) {
            char *r = pi_jl_text(c, json_object_array_get_idx(v, i));
            if (r)
                return r;
        }
        return NULL;
    }
    if (json_object_is_type(v, json_type_object))
        return pi_jl_text(c, pi_jl_get(v, "@value"));
    if (!json_object_is_type(v, json_type_string))
        return NULL;
    return dup_html_text(c, json_object_get_string(v));
}

char *pi_jl_name(mctx *c, json_object *v)
{
    v = jderef(c, v);
    if (!v)
        return NULL;
    if (json_object_is_type(v, json_type_string))
        return pi_jl_text(c, v);
    char *r = pi_jl_text(c, pi_jl_get(v, "name"));
    if (r)
        return r;
    char *g = pi_jl_text(c, pi_jl_get(v, "givenName"));
    char *f = pi_jl_text(c, pi_jl_get(v, "familyName"));
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
        return pi_meta_dup_cleans(c, json_object_get_string(v));
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
        char *r = jurl(c, pi_jl_get(d, "url"), depth + 1);
        if (!r)
            r = jurl(c, pi_jl_get(d, "contentUrl"), depth + 1);
        if (!r && d == v && !pi_jl_get(v, "@type"))
            r = jurl(c, pi_jl_get(v, "@id"), depth + 1);
        return r;
    }
    return NULL;
}

/* ---- the main entity ----------------------------------------------------- */

void pi_jl_choose(mctx *c, evidence *e)
{
    int best = -1, best_score = INT_MIN;
    for (size_t i = 0; i < c->n_jn; i++) {
        jnode *j = &c->jn[i];
        if (j->kind < K_POSTING || j->listed)
            continue;
        int score = -j->depth;
        char *h = pi_jl_text(c, pi_jl_get(j->o, "headline"));
        if (!h)
            h = pi_jl_text(c, pi_jl_get(j->o, "name"));
        if (h && pi_meta_is_page_title(c, h))
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

void pi_jl_index(mctx *c)
{
    c->jl_visits = MAX_JL_VISITS;
    for (size_t i = 0; i < c->n_jroots && !c->oom; i++)
        jl_collect(c, c->jroots[i], 0, 0);
}

char *pi_jl_url(mctx *c, json_object *v)
{
    return jurl(c, v, 0);
}

void pi_jl_each_name(mctx *c, json_object *v, size_t max_items, int max_depth,
                     void (*fn)(mctx *c, void *arg, char *name), void *arg)
{
    if (!v || max_depth < 0)
        return;
    if (json_object_is_type(v, json_type_array)) {
        size_t n = json_object_array_length(v);
        for (size_t i = 0; i < n && i < max_items; i++)
            pi_jl_each_name(c, json_object_array_get_idx(v, i), max_items, max_depth - 1, fn, arg);
        return;
    }
    char *name = pi_jl_name(c, v);
    if (name)
        fn(c, arg, name);
}

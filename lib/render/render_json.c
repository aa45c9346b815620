/* render_json.c - the document as one JSON object, built with json-c so that
 * every string is escaped by a library that does nothing else.
 *
 * json-c reports a failed allocation only by returning NULL (or -1 from
 * its add functions), and it adds a NULL value as JSON null without
 * complaint: unchecked, running out of memory would print "null" where a
 * title was. So every value is checked before it is added and every add
 * after; the first failure makes the whole render fail. */
#include "base/error.h"
#include "extract/comments.h"
#include "meta/metadata.h"
#include "render/render.h"

#include <errno.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

/* Add `v` under `key`; on failure `v` is released. Keys are literals added
 * once each, so json-c need neither copy nor look them up (and its copy of
 * the key would be lost when the object's table fails to grow). */
static int add(json_object *o, const char *key, json_object *v)
{
    if (json_object_object_add_ex(
            o, key, v, JSON_C_OBJECT_ADD_KEY_IS_NEW | JSON_C_OBJECT_ADD_CONSTANT_KEY) != 0) {
        json_object_put(v);
        return PI_ENOMEM;
    }
    return PI_OK;
}

/* A string, or null for NULL. */
static int add_str(json_object *o, const char *key, const char *s)
{
    json_object *v = NULL;
    if (s && !(v = json_object_new_string(s)))
        return PI_ENOMEM;
    return add(o, key, v);
}

static int add_str_n(json_object *o, const char *key, const char *s, size_t n)
{
    json_object *v = json_object_new_string_len(s ? s : "", (int)n);
    return v ? add(o, key, v) : PI_ENOMEM;
}

static int add_int(json_object *o, const char *key, unsigned long n)
{
    json_object *v = json_object_new_int64((int64_t)n);
    return v ? add(o, key, v) : PI_ENOMEM;
}

/* A number written as `s` ("0.87"), or null for NULL. */
static int add_number(json_object *o, const char *key, const char *s)
{
    json_object *v = NULL;
    if (s && !(v = json_object_new_double_s(strtod(s, NULL), s)))
        return PI_ENOMEM;
    return add(o, key, v);
}

static int add_list(json_object *o, const char *key, char **v, size_t n)
{
    json_object *a = json_object_new_array();
    if (!a)
        return PI_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        json_object *s = json_object_new_string(v[i]);
        if (!s || json_object_array_add(a, s) != 0) {
            json_object_put(s);
            json_object_put(a);
            return PI_ENOMEM;
        }
    }
    return add(o, key, a);
}

static int add_encoding(json_object *o, const pi_json_facts *f)
{
    json_object *enc = json_object_new_object();
    if (!enc)
        return PI_ENOMEM;
    if (add_str(enc, "name", f->encoding) != PI_OK ||
        add_str(enc, "source", f->encoding_source) != PI_OK) {
        json_object_put(enc);
        return PI_ENOMEM;
    }
    return add(o, "encoding", enc);
}

/* One comment as an object, appended to `a`. */
static int add_comment(json_object *a, const pi_comment *x)
{
    json_object *c = json_object_new_object();
    if (!c)
        return PI_ENOMEM;
    if (add_str(c, "author", x->author) != PI_OK ||
        add_str(c, "published", x->published) != PI_OK || add_str(c, "text", x->text) != PI_OK ||
        add_int(c, "depth", (unsigned long)x->depth) != PI_OK || json_object_array_add(a, c) != 0) {
        json_object_put(c);
        return PI_ENOMEM;
    }
    return PI_OK;
}

/* The comments as an array of objects, [] when there are none. */
static int add_comments(json_object *o, const pi_comments *cs)
{
    json_object *a = json_object_new_array();
    if (!a)
        return PI_ENOMEM;
    for (size_t i = 0; cs && i < cs->n; i++) {
        if (add_comment(a, &cs->items[i]) != PI_OK) {
            json_object_put(a);
            return PI_ENOMEM;
        }
    }
    return add(o, "comments", a);
}

/* The members in the order pith.h documents them. */
static int build(json_object *o, const pi_json_facts *f)
{
    const pi_meta *m = f->meta;
    PI_TRY(add_str(o, "title", m->title));
    PI_TRY(add_str(o, "headline", m->headline));
    PI_TRY(add_list(o, "authors", m->authors, m->n_authors));
    PI_TRY(add_str(o, "published", m->published));
    PI_TRY(add_str(o, "modified", m->modified));
    PI_TRY(add_str(o, "site_name", m->site_name));
    PI_TRY(add_str(o, "description", m->description));
    PI_TRY(add_str(o, "language", m->lang));
    PI_TRY(add_str(o, "direction", m->dir));
    PI_TRY(add_str(o, "url", m->canonical_url));
    PI_TRY(add_str(o, "image", m->image));
    PI_TRY(add_list(o, "tags", m->tags, m->n_tags));
    PI_TRY(add_str(o, "page_type", m->page_type));
    PI_TRY(add_encoding(o, f));
    PI_TRY(add_str(o, "layer", f->layer));
    PI_TRY(add_number(o, "confidence", f->confidence));
    PI_TRY(add_int(o, "words", f->words));
    PI_TRY(add_int(o, "sentences", f->sentences));
    PI_TRY(add_int(o, "paragraphs", f->paragraphs));
    PI_TRY(add_str_n(o, "text", f->text, f->text_len));
    PI_TRY(add_comments(o, f->comments));
    if (f->format) {
        PI_TRY(add_str(o, "format", f->format));
        PI_TRY(add_str_n(o, "content", f->content, f->content_len));
    }
    return PI_OK;
}

char *pi_render_json(const pi_json_facts *f, size_t *len)
{
    char *out = NULL;
    *len = 0;
    json_object *o = json_object_new_object();
    if (!o)
        return NULL;
    if (build(o, f) == PI_OK) {
        /* json-c 0.16's serializer ignores a failed append (json_escape_str
         * drops printbuf_memappend's -1) and returns what it managed: a
         * string with a quote or a whole value missing. The allocator's
         * ENOMEM is the only trace, so errno is cleared before and read
         * after. */
        size_t n = 0;
        errno = 0;
        const char *s = json_object_to_json_string_length(
            o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
        if (s && errno != ENOMEM && (out = pi_strndup(s, n)) != NULL)
            *len = n;
    }
    json_object_put(o);
    return out;
}

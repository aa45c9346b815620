/* render_json.c - the document as one JSON object, built with json-c so that
 * every string is escaped by a library that does nothing else. */
#include "metadata.h"
#include "render.h"

#include <json-c/json.h>
#include <string.h>

static json_object *str_or_null(const char *s)
{
    return s ? json_object_new_string(s) : NULL;
}

static json_object *str_n(const char *s, size_t n)
{
    return json_object_new_string_len(s ? s : "", (int)n);
}

static json_object *list(char **v, size_t n)
{
    json_object *a = json_object_new_array();
    for (size_t i = 0; a && i < n; i++)
        json_object_array_add(a, json_object_new_string(v[i]));
    return a;
}

char *pi_render_json(const pi_json_facts *f, size_t *len)
{
    const pi_meta *m = f->meta;
    json_object *o = json_object_new_object();
    if (!o)
        return NULL;
    json_object_object_add(o, "title", str_or_null(m->title));
    json_object_object_add(o, "headline", str_or_null(m->headline));
    json_object_object_add(o, "authors", list(m->authors, m->n_authors));
    json_object_object_add(o, "published", str_or_null(m->published));
    json_object_object_add(o, "modified", str_or_null(m->modified));
    json_object_object_add(o, "site_name", str_or_null(m->site_name));
    json_object_object_add(o, "description", str_or_null(m->description));
    json_object_object_add(o, "language", str_or_null(m->lang));
    json_object_object_add(o, "direction", str_or_null(m->dir));
    json_object_object_add(o, "url", str_or_null(m->canonical_url));
    json_object_object_add(o, "image", str_or_null(m->image));
    json_object_object_add(o, "tags", list(m->tags, m->n_tags));
    json_object_object_add(o, "page_type", str_or_null(m->page_type));
    json_object *enc = json_object_new_object();
    if (enc) {
        json_object_object_add(enc, "name", str_or_null(f->encoding));
        json_object_object_add(enc, "source", str_or_null(f->encoding_source));
    }
    json_object_object_add(o, "encoding", enc);
    json_object_object_add(o, "layer", str_or_null(f->layer));
    json_object_object_add(o, "words", json_object_new_int64((int64_t)f->words));
    json_object_object_add(o, "sentences", json_object_new_int64((int64_t)f->sentences));
    json_object_object_add(o, "paragraphs", json_object_new_int64((int64_t)f->paragraphs));
    json_object_object_add(o, "text", str_n(f->text, f->text_len));
    if (f->format) {
        json_object_object_add(o, "format", json_object_new_string(f->format));
        json_object_object_add(o, "content", str_n(f->content, f->content_len));
    }
    size_t n = 0;
    const char *s = json_object_to_json_string_length(
        o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
    char *out = s ? pi_strndup(s, n) : NULL;
    json_object_put(o);
    *len = out ? n : 0;
    return out;
}

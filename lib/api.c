/* api.c - the public interface: checks arguments, runs the stages, maps
 * failures to status codes. The only file that implements pith.h. */
#include "pith.h"

#include "blocks.h"
#include "build.h"
#include "buf.h"
#include "clean.h"
#include "dom.h"
#include "error.h"
#include "extract.h"
#include "input.h"
#include "metadata.h"
#include "model.h"
#include "render.h"
#include "score.h"
#include "stats.h"
#include "url.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucsdet.h>

#define DEFAULT_MAX_INPUT (64LL * 1024 * 1024)
#define DEFAULT_MAX_DEPTH 10000
#define DEFAULT_MAX_NODES 5000000
#define DEFAULT_MAX_OUTPUT (64LL * 1024 * 1024)

struct pith_options {
    char *url;
    char *encoding;
    long long max_input;
    long long max_depth;
    long long max_nodes;
    long long max_output;
    int keep_title;
    pi_render_opts render;
    int json_content;
};

static const pith_options defaults = {NULL,
                                      NULL,
                                      DEFAULT_MAX_INPUT,
                                      DEFAULT_MAX_DEPTH,
                                      DEFAULT_MAX_NODES,
                                      DEFAULT_MAX_OUTPUT,
                                      0,
                                      {1, 1, 1, 1, 0},
                                      0};

struct pith_doc {
    char *text;
    size_t text_len;
    pi_model model;
    unsigned long words, paragraphs; /* sentences: count_sentences(), for JSON */
    char *title;
    pi_meta meta;
    char encoding[48];
    const char *encoding_ptr; /* points at encoding[] once it is set */
    const char *encoding_source;
    const char *layer;
};

/* ---- versions and errors ---------------------------------------------- */

const char *pith_version(void)
{
    return PITH_VERSION_STRING;
}

unsigned pith_version_number(void)
{
    return PITH_VERSION_NUMBER;
}

const char *pith_strerror(pith_status status)
{
    switch (status) {
    case PITH_OK:
        return "success";
    case PITH_ERR_INVALID_ARGUMENT:
        return "invalid argument";
    case PITH_ERR_NOMEM:
        return "out of memory";
    case PITH_ERR_UNSUPPORTED_OPTION:
        return "option not supported by this version of the library";
    case PITH_ERR_OPTION_VALUE:
        return "option value out of range or of the wrong type";
    case PITH_ERR_INPUT_TOO_LARGE:
        return "input larger than the maximum input size";
    case PITH_ERR_PARSE:
        return "the HTML parser could not build a document";
    case PITH_ERR_ENCODING:
        return "unknown or unsupported encoding";
    case PITH_ERR_INIT:
        return "library initialisation failed";
    case PITH_ERR_LIMIT:
        return "an internal limit was exceeded";
    case PITH_ERR_TOO_DEEP:
        return "elements nested deeper than the maximum depth";
    case PITH_ERR_TOO_MANY_NODES:
        return "more elements than the maximum node count";
    case PITH_ERR_OUTPUT_TOO_LARGE:
        return "extracted text larger than the maximum output size";
    }
    return "unknown status";
}

static pith_status map_err(int e)
{
    switch (e) {
    case PI_OK:
        return PITH_OK;
    case PI_ENOMEM:
        return PITH_ERR_NOMEM;
    case PI_EENCODING:
        return PITH_ERR_ENCODING;
    case PI_ELIMIT:
        return PITH_ERR_LIMIT;
    case PI_EDEPTH:
        return PITH_ERR_TOO_DEEP;
    case PI_ENODES:
        return PITH_ERR_TOO_MANY_NODES;
    case PI_EOUTPUT:
        return PITH_ERR_OUTPUT_TOO_LARGE;
    default:
        return PITH_ERR_PARSE;
    }
}

/* ---- initialisation ----------------------------------------------------- */

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static pith_status init_status = PITH_ERR_INIT;

static void init_run(void)
{
    /* libxml2 initialises lazily and racily: do it once, up front. */
    xmlInitParser();
    /* Load ICU's break rules and detector data once, so that concurrent
     * first uses do not race on it. */
    UErrorCode e = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "", NULL, 0, &e);
    if (U_FAILURE(e))
        return;
    ubrk_close(bi);
    UCharsetDetector *d = ucsdet_open(&e);
    if (U_FAILURE(e))
        return;
    ucsdet_close(d);
    init_status = PITH_OK;
}

pith_status pith_init(void)
{
    if (pthread_once(&init_once, init_run) != 0)
        return PITH_ERR_INIT;
    return init_status;
}

/* ---- options ------------------------------------------------------------- */

pith_options *pith_options_new(void)
{
    pith_options *o = malloc(sizeof *o);
    if (o)
        *o = defaults;
    return o;
}

void pith_options_free(pith_options *o)
{
    if (!o)
        return;
    free(o->url);
    free(o->encoding);
    free(o);
}

static int is_string_option(pith_option key)
{
    return key == PITH_OPT_URL || key == PITH_OPT_ENCODING;
}

pith_status pith_option_bounds(pith_option key, long long *min, long long *max)
{
    long long lo, hi;
    switch (key) {
    case PITH_OPT_URL:
    case PITH_OPT_ENCODING:
        return PITH_ERR_OPTION_VALUE;
    case PITH_OPT_MAX_INPUT_SIZE:
        lo = 1;
        hi = 2147483647LL;
        break;
    case PITH_OPT_KEEP_TITLE:
    case PITH_OPT_LINKS:
    case PITH_OPT_IMAGES:
    case PITH_OPT_TABLES:
    case PITH_OPT_FORMATTING:
    case PITH_OPT_STANDALONE:
        lo = 0;
        hi = 1;
        break;
    case PITH_OPT_JSON_CONTENT:
        lo = 0;
        hi = PITH_FORMAT_HTML;
        break;
    case PITH_OPT_MAX_DEPTH:
        lo = 16;
        hi = 1000000;
        break;
    case PITH_OPT_MAX_NODES:
        lo = 1;
        hi = 100000000;
        break;
    case PITH_OPT_MAX_OUTPUT_SIZE:
        lo = 1;
        hi = 2147483647LL;
        break;
    default:
        return PITH_ERR_UNSUPPORTED_OPTION;
    }
    if (min)
        *min = lo;
    if (max)
        *max = hi;
    return PITH_OK;
}

pith_status pith_options_set_string(pith_options *o, pith_option key, const char *value)
{
    if (!o)
        return PITH_ERR_INVALID_ARGUMENT;
    if (!is_string_option(key)) {
        long long lo, hi;
        return pith_option_bounds(key, &lo, &hi) == PITH_ERR_UNSUPPORTED_OPTION
                   ? PITH_ERR_UNSUPPORTED_OPTION
                   : PITH_ERR_OPTION_VALUE;
    }
    char *copy = NULL;
    if (value && !(copy = pi_strdup(value)))
        return PITH_ERR_NOMEM;
    char **slot = key == PITH_OPT_URL ? &o->url : &o->encoding;
    free(*slot);
    *slot = copy;
    return PITH_OK;
}

pith_status pith_options_set_int(pith_options *o, pith_option key, long long value)
{
    long long lo, hi;
    if (!o)
        return PITH_ERR_INVALID_ARGUMENT;
    pith_status s = pith_option_bounds(key, &lo, &hi);
    if (s != PITH_OK)
        return s;
    if (value < lo || value > hi)
        return PITH_ERR_OPTION_VALUE;
    switch (key) {
    case PITH_OPT_MAX_INPUT_SIZE:
        o->max_input = value;
        break;
    case PITH_OPT_KEEP_TITLE:
        o->keep_title = (int)value;
        break;
    case PITH_OPT_MAX_DEPTH:
        o->max_depth = value;
        break;
    case PITH_OPT_MAX_NODES:
        o->max_nodes = value;
        break;
    case PITH_OPT_MAX_OUTPUT_SIZE:
        o->max_output = value;
        break;
    case PITH_OPT_LINKS:
        o->render.links = (int)value;
        break;
    case PITH_OPT_IMAGES:
        o->render.images = (int)value;
        break;
    case PITH_OPT_TABLES:
        o->render.tables = (int)value;
        break;
    case PITH_OPT_FORMATTING:
        o->render.formatting = (int)value;
        break;
    case PITH_OPT_STANDALONE:
        o->render.standalone = (int)value;
        break;
    case PITH_OPT_JSON_CONTENT:
        if (value == PITH_FORMAT_TEXT)
            return PITH_ERR_OPTION_VALUE;
        o->json_content = (int)value;
        break;
    default:
        break;
    }
    return PITH_OK;
}

/* ---- extraction -------------------------------------------------------- */

static xmlNodePtr find_body(xmlNodePtr root)
{
    for (xmlNodePtr n = root; n; n = pi_next(n, root, 0))
        if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, "body"))
            return n;
    return root;
}

/* Parse, clean, score and build the model and text of a decoded page. */
static int run(pith_doc *d, const char *utf8, size_t len, const pith_options *o)
{
    pi_tree *doc;
    int err = pi_parse_html(utf8, len, o->url, &doc);
    if (err)
        return err;
    pi_words *words = NULL;
    pi_stats st = {0};
    char *base = NULL;

    err = pi_meta_extract(doc, o->url, &d->meta);
    if (err)
        goto done;
    /* Relative links resolve against <base href>, else the address the page
     * was fetched from, else its canonical URL; the canonical URL field
     * falls back to the fetched address. */
    xmlNodePtr top = xmlDocGetRootElement(doc);
    if (top && (err = pi_url_base(pi_dom_base_href(top), o->url ? o->url : d->meta.canonical_url,
                                  &base)))
        goto done;
    if (!d->meta.canonical_url && o->url && !(d->meta.canonical_url = pi_strdup(o->url))) {
        err = PI_ENOMEM;
        goto done;
    }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (root) {
        pi_clean(root);
        words = pi_words_new();
        if (!words) {
            err = PI_ENOMEM;
            goto done;
        }
        if ((err = pi_stats_build(&st, find_body(root), words, (size_t)o->max_nodes,
                                  (uint32_t)o->max_depth)))
            goto done;
        st.base_url = base;
    }
    if (st.n && (err = pi_extract_article(&st, words, d->meta.headline, o->keep_title,
                                          d->meta.article_body, &d->model, &d->layer)))
        goto done;
    d->text = pi_render_text(&d->model, &pi_render_defaults, &d->text_len);
    if (!d->text) {
        err = PI_ENOMEM;
        goto done;
    }
    if ((long long)d->text_len > o->max_output) {
        err = PI_EOUTPUT;
        goto done;
    }
    for (size_t i = 0; i < d->model.n; i++) {
        pi_block *b = &d->model.blocks[i];
        if (b->kind == PI_BLK_IMAGE)
            continue;
        d->words += pi_block_words(words, b);
        d->paragraphs += b->kind != PI_BLK_ROW && !(b->kind == PI_BLK_ITEM && b->cont);
    }
done:
    pi_stats_free(&st);
    pi_words_free(words);
    free(base);
    xmlFreeDoc(doc);
    return err;
}

pith_status pith_extract(const char *html, size_t len, const pith_options *o, pith_doc **out)
{
    if (!out)
        return PITH_ERR_INVALID_ARGUMENT;
    *out = NULL;
    if (!html && len)
        return PITH_ERR_INVALID_ARGUMENT;
    pith_status s = pith_init();
    if (s != PITH_OK)
        return s;
    if (!o)
        o = &defaults;
    if ((unsigned long long)len > (unsigned long long)o->max_input)
        return PITH_ERR_INPUT_TOO_LARGE;

    pith_doc *d = calloc(1, sizeof *d);
    if (!d)
        return PITH_ERR_NOMEM;
    pi_input in;
    int err = pi_input_view(html, len, o->encoding, &in);
    if (err) {
        free(d);
        return map_err(err);
    }
    memcpy(d->encoding, in.encoding, sizeof d->encoding);
    d->encoding[sizeof d->encoding - 1] = '\0';
    d->encoding_ptr = d->encoding;
    d->encoding_source = in.source;
    err = run(d, in.text, in.len, o);
    pi_input_free(&in);
    if (err) {
        pith_doc_free(d);
        return map_err(err);
    }
    if (!d->text_len && !d->text)
        d->text = pi_strdup("");
    d->title = pi_strdup(d->meta.title ? d->meta.title : "");
    if (!d->text || !d->title) {
        pith_doc_free(d);
        return PITH_ERR_NOMEM;
    }
    *out = d;
    return PITH_OK;
}

void pith_doc_free(pith_doc *d)
{
    if (!d)
        return;
    pi_model_free(&d->model);
    free(d->text);
    free(d->title);
    pi_meta_free(&d->meta);
    free(d);
}

const char *pith_doc_text(const pith_doc *d)
{
    return d && d->text ? d->text : "";
}

size_t pith_doc_text_length(const pith_doc *d)
{
    return d && d->text ? d->text_len : 0;
}

const char *pith_doc_title(const pith_doc *d)
{
    return d && d->title ? d->title : "";
}

/* Sentences of the text blocks, by ICU's rules. Only JSON reports them, and
 * a sentence iterator costs about as much as a word count: counted when
 * JSON is rendered rather than for every extraction. -1 when out of
 * memory. */
static long count_sentences(const pith_doc *d)
{
    pi_words *w = pi_words_new();
    if (!w)
        return -1;
    unsigned long n = 0;
    for (size_t i = 0; i < d->model.n; i++) {
        const pi_block *b = &d->model.blocks[i];
        if (b->kind != PI_BLK_IMAGE && b->kind != PI_BLK_ROW && b->kind != PI_BLK_PRE)
            n += pi_count_sentences(w, b->text, b->len);
    }
    pi_words_free(w);
    return (long)n;
}

pith_status pith_doc_render(const pith_doc *d, pith_format format, const pith_options *o,
                            char **out, size_t *len)
{
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!d || !out)
        return PITH_ERR_INVALID_ARGUMENT;
    if (!o)
        o = &defaults;
    size_t n = 0;
    char *s = NULL;
    switch (format) {
    case PITH_FORMAT_TEXT:
        s = pi_render_text(&d->model, &o->render, &n);
        break;
    case PITH_FORMAT_MARKDOWN:
        s = pi_render_markdown(&d->model, &o->render, &n);
        break;
    case PITH_FORMAT_HTML:
        s = pi_render_html(&d->model, &o->render, d->meta.headline, d->meta.lang, d->meta.dir, &n);
        break;
    case PITH_FORMAT_JSON: {
        long sentences = count_sentences(d);
        if (sentences < 0)
            return PITH_ERR_NOMEM;
        pi_json_facts f = {&d->meta, d->encoding_ptr, d->encoding_source, d->layer,
                           d->text, d->text_len, d->words, (unsigned long)sentences,
                           d->paragraphs, NULL, NULL, 0};
        char *content = NULL;
        if (o->json_content == PITH_FORMAT_MARKDOWN) {
            content = pi_render_markdown(&d->model, &o->render, &f.content_len);
            f.format = "markdown";
        } else if (o->json_content == PITH_FORMAT_HTML) {
            content = pi_render_html(&d->model, &o->render, d->meta.headline, d->meta.lang,
                                     d->meta.dir, &f.content_len);
            f.format = "html";
        }
        if (f.format && !content)
            return PITH_ERR_NOMEM;
        f.content = content;
        s = pi_render_json(&f, &n);
        free(content);
        break;
    }
    default:
        return PITH_ERR_OPTION_VALUE;
    }
    if (!s)
        return PITH_ERR_NOMEM;
    *out = s;
    if (len)
        *len = n;
    return PITH_OK;
}

/* The values of a field as an array of strings. */
static const char *const *field_values(const pith_doc *d, pith_field f, size_t *n)
{
    const pi_meta *m = &d->meta;
    const char *const *one = NULL;
    *n = 0;
    switch (f) {
    case PITH_FIELD_AUTHORS:
        *n = m->n_authors;
        return (const char *const *)m->authors;
    case PITH_FIELD_TAGS:
        *n = m->n_tags;
        return (const char *const *)m->tags;
    case PITH_FIELD_TITLE:
        one = (const char *const *)&m->title;
        break;
    case PITH_FIELD_HEADLINE:
        one = (const char *const *)&m->headline;
        break;
    case PITH_FIELD_PUBLISHED:
        one = (const char *const *)&m->published;
        break;
    case PITH_FIELD_MODIFIED:
        one = (const char *const *)&m->modified;
        break;
    case PITH_FIELD_SITE_NAME:
        one = (const char *const *)&m->site_name;
        break;
    case PITH_FIELD_DESCRIPTION:
        one = (const char *const *)&m->description;
        break;
    case PITH_FIELD_LANGUAGE:
        one = (const char *const *)&m->lang;
        break;
    case PITH_FIELD_DIRECTION:
        one = (const char *const *)&m->dir;
        break;
    case PITH_FIELD_URL:
        one = (const char *const *)&m->canonical_url;
        break;
    case PITH_FIELD_IMAGE:
        one = (const char *const *)&m->image;
        break;
    case PITH_FIELD_PAGE_TYPE:
        one = (const char *const *)&m->page_type;
        break;
    case PITH_FIELD_ENCODING:
        one = (const char *const *)&d->encoding_ptr;
        break;
    case PITH_FIELD_ENCODING_SOURCE:
        one = (const char *const *)&d->encoding_source;
        break;
    case PITH_FIELD_LAYER:
        one = (const char *const *)&d->layer;
        break;
    }
    if (one && *one && **one)
        *n = 1;
    return one;
}

size_t pith_doc_count(const pith_doc *d, pith_field f)
{
    size_t n = 0;
    if (d)
        field_values(d, f, &n);
    return n;
}

const char *pith_doc_get(const pith_doc *d, pith_field f, size_t i)
{
    size_t n = 0;
    if (!d)
        return NULL;
    const char *const *v = field_values(d, f, &n);
    return i < n ? v[i] : NULL;
}

void pith_free(void *p)
{
    free(p);
}

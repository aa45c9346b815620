/* api.c - the public interface: checks arguments, runs the pipeline
 * (pipeline.c), wraps its result in a pith_doc, maps failures to status
 * codes. With api_warc.c (the WARC reader's door), the only files that
 * implement pith.h. */
#include "pith.h"

#include "api.h"
#include "base/buf.h"
#include "base/error.h"
#include "extract/learned.h"
#include "extract/tune.h"
#include "extract/words.h"
#include "pipeline.h"
#include "render/render.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    float beta2; /* the block model's beta squared, as PITH_OPT_FAVOR sets it */
    int explain;
    int comments;          /* render the comments after the article */
    const char *page_type; /* PITH_OPT_PAGE_TYPE: static, of pi_page_type_names */
};

static const pith_options defaults = {NULL,
                                      NULL,
                                      DEFAULT_MAX_INPUT,
                                      DEFAULT_MAX_DEPTH,
                                      DEFAULT_MAX_NODES,
                                      DEFAULT_MAX_OUTPUT,
                                      0,
                                      {1, 1, 1, 1, 0, NULL},
                                      0,
                                      PI_LEARNED_BETA2,
                                      0,
                                      0,
                                      NULL};

struct pith_doc {
    pi_result r;
    /* Fields as pith_doc_get() hands them out: pointers into `r`, or
     * static. The sentences are counted when JSON is rendered. */
    const char *encoding;
    const char *layer;
    char confidence_buf[8]; /* "0.87", empty when absent */
    const char *confidence;
    /* With PITH_OPT_EXPLAIN: the extraction's intermediate state, for
     * PITH_FORMAT_EXPLAIN. */
    pi_trace *trace;
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
    case PITH_ERR_NOT_HTML:
        return "not HTML: binary data (an image, an archive, a PDF, a program or a WARC file)";
    case PITH_ERR_IO:
        return "reading the input failed";
    case PITH_ERR_TRUNCATED:
        return "the data ends inside a WARC record or a gzip member";
    case PITH_ERR_WARC_HEADER:
        return "not a WARC record, or a malformed WARC record header";
    case PITH_ERR_WARC_LENGTH:
        return "a WARC record's Content-Length is not a number or is absurd";
    case PITH_ERR_COMPRESSION:
        return "corrupt or unsupported compressed data";
    case PITH_ERR_INFLATE_LIMIT:
        return "compressed data inflates past the limit";
    case PITH_ERR_HTTP:
        return "a malformed HTTP message in a WARC record";
    case PITH_END:
        return "no more records";
    }
    return "unknown status";
}

const char *pith_status_name(pith_status status)
{
    static const char *const names[] = {
        "PITH_OK",
        "PITH_ERR_INVALID_ARGUMENT",
        "PITH_ERR_NOMEM",
        "PITH_ERR_UNSUPPORTED_OPTION",
        "PITH_ERR_OPTION_VALUE",
        "PITH_ERR_INPUT_TOO_LARGE",
        "PITH_ERR_PARSE",
        "PITH_ERR_ENCODING",
        "PITH_ERR_INIT",
        "PITH_ERR_LIMIT",
        "PITH_ERR_TOO_DEEP",
        "PITH_ERR_TOO_MANY_NODES",
        "PITH_ERR_OUTPUT_TOO_LARGE",
        "PITH_ERR_NOT_HTML",
        "PITH_ERR_IO",
        "PITH_ERR_TRUNCATED",
        "PITH_ERR_WARC_HEADER",
        "PITH_ERR_WARC_LENGTH",
        "PITH_ERR_COMPRESSION",
        "PITH_ERR_INFLATE_LIMIT",
        "PITH_ERR_HTTP",
        "PITH_END",
    };
    if ((unsigned)status < sizeof names / sizeof names[0])
        return names[status];
    return "PITH_ERR_UNKNOWN";
}

pith_status pi_status_public(int e)
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
    case PI_EINIT:
        return PITH_ERR_INIT;
    case PI_ENOTHTML:
        return PITH_ERR_NOT_HTML;
    case PI_EIO:
        return PITH_ERR_IO;
    case PI_ETRUNC:
        return PITH_ERR_TRUNCATED;
    case PI_EHEADER:
        return PITH_ERR_WARC_HEADER;
    case PI_ELENGTH:
        return PITH_ERR_WARC_LENGTH;
    case PI_ECOMPRESS:
        return PITH_ERR_COMPRESSION;
    case PI_EINFLATE:
        return PITH_ERR_INFLATE_LIMIT;
    case PI_EHTTP:
        return PITH_ERR_HTTP;
    case PI_ETOOLARGE:
        return PITH_ERR_INPUT_TOO_LARGE;
    case PI_END:
        return PITH_END;
    default:
        return PITH_ERR_PARSE;
    }
}

/* ---- initialisation ----------------------------------------------------- */

/* Set once, when initialisation has succeeded; until then every call tries
 * again under the lock (a failure, such as memory running out, is not
 * permanent). Afterwards it is only read. */
static atomic_int init_done;
static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;

pith_status pith_init(void)
{
    if (atomic_load_explicit(&init_done, memory_order_acquire))
        return PITH_OK;
    if (pthread_mutex_lock(&init_lock) != 0)
        return PITH_ERR_INIT;
    int err = PI_OK;
    if (!atomic_load_explicit(&init_done, memory_order_relaxed) &&
        (err = pi_pipeline_init()) == PI_OK)
        atomic_store_explicit(&init_done, 1, memory_order_release);
    pthread_mutex_unlock(&init_lock);
    if (err == PI_OK)
        return PITH_OK;
    return err == PI_ENOMEM ? PITH_ERR_NOMEM : PITH_ERR_INIT;
}

/* ---- options ------------------------------------------------------------- */

size_t pi_options_max_input(const pith_options *o)
{
    return (size_t)(o ? o->max_input : defaults.max_input);
}

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
    return key == PITH_OPT_URL || key == PITH_OPT_ENCODING || key == PITH_OPT_PAGE_TYPE;
}

pith_status pith_option_bounds(pith_option key, long long *min, long long *max)
{
    long long lo, hi;
    switch (key) {
    case PITH_OPT_URL:
    case PITH_OPT_ENCODING:
    case PITH_OPT_PAGE_TYPE:
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
    case PITH_OPT_EXPLAIN:
    case PITH_OPT_COMMENTS:
        lo = 0;
        hi = 1;
        break;
    case PITH_OPT_JSON_CONTENT:
        lo = 0;
        hi = PITH_FORMAT_HTML;
        break;
    case PITH_OPT_FAVOR:
        lo = PITH_FAVOR_BALANCED;
        hi = PITH_FAVOR_RECALL;
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
    if (key == PITH_OPT_PAGE_TYPE) {
        /* A name of the one table, kept as its static string. */
        int type = value ? pi_page_type_parse(value) : -1;
        if (value && type < 0)
            return PITH_ERR_OPTION_VALUE;
        o->page_type = value ? pi_page_type_names[type] : NULL;
        return PITH_OK;
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
    case PITH_OPT_FAVOR:
        o->beta2 = value == PITH_FAVOR_PRECISION ? PI_FAVOR_PRECISION_BETA2
                   : value == PITH_FAVOR_RECALL  ? PI_FAVOR_RECALL_BETA2
                                                 : PI_LEARNED_BETA2;
        break;
    case PITH_OPT_EXPLAIN:
        o->explain = (int)value;
        break;
    case PITH_OPT_COMMENTS:
        o->comments = (int)value;
        break;
    default:
        break;
    }
    return PITH_OK;
}

/* ---- extraction -------------------------------------------------------- */

static const char *layer_name(pi_layer layer)
{
    switch (layer) {
    case PI_LAYER_SCORE:
        return "score";
    case PI_LAYER_FALLBACK:
        return "fallback";
    case PI_LAYER_RELAXED:
        return "relaxed";
    case PI_LAYER_RELAXED_FALLBACK:
        return "relaxed-fallback";
    case PI_LAYER_JSON_LD:
        return "json-ld";
    case PI_LAYER_LEARNED:
        return "learned";
    case PI_LAYER_NONE:
        break;
    }
    return NULL;
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
    pi_settings set = {o->url,
                       o->encoding,
                       (size_t)o->max_nodes,
                       (uint32_t)o->max_depth,
                       (size_t)o->max_output,
                       o->keep_title,
                       o->beta2,
                       o->explain,
                       o->page_type};
    if (o->explain && !(d->trace = calloc(1, sizeof *d->trace))) {
        free(d);
        return PITH_ERR_NOMEM;
    }
    int err = pi_pipeline_run(html, len, &set, &d->r, d->trace);
    if (err) {
        free(d->trace);
        free(d);
        return pi_status_public(err);
    }
    d->encoding = d->r.encoding;
    d->layer = layer_name(d->r.layer);
    if (d->r.confidence >= 0.0f) {
        snprintf(d->confidence_buf, sizeof d->confidence_buf, "%.2f", (double)d->r.confidence);
        d->confidence = d->confidence_buf;
    }
    *out = d;
    return PITH_OK;
}

void pith_doc_free(pith_doc *d)
{
    if (!d)
        return;
    pi_result_free(&d->r);
    pi_trace_free(d->trace);
    free(d->trace);
    free(d);
}

const char *pith_doc_text(const pith_doc *d)
{
    return d && d->r.text ? d->r.text : "";
}

size_t pith_doc_text_length(const pith_doc *d)
{
    return d && d->r.text ? d->r.text_len : 0;
}

const char *pith_doc_title(const pith_doc *d)
{
    return d && d->r.meta.title ? d->r.meta.title : "";
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
    for (size_t i = 0; i < d->r.model.n; i++) {
        const pi_block *b = &d->r.model.blocks[i];
        if (b->kind != PI_BLK_IMAGE && b->kind != PI_BLK_ROW && b->kind != PI_BLK_PRE)
            n += pi_count_sentences(w, b->text, b->len);
    }
    int failed = pi_words_failed(w);
    pi_words_free(w);
    return failed ? -1 : (long)n;
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
    const pi_model *m = &d->r.model;
    pi_render_opts ro = o->render;
    ro.comments = o->comments ? &d->r.comments : NULL;
    const pi_meta *meta = &d->r.meta;
    size_t n = 0;
    char *s = NULL;
    switch (format) {
    case PITH_FORMAT_TEXT:
        s = pi_render_text(m, &ro, &n);
        break;
    case PITH_FORMAT_MARKDOWN:
        s = pi_render_markdown(m, &ro, &n);
        break;
    case PITH_FORMAT_HTML:
        s = pi_render_html(m, &ro, meta->headline, meta->lang, meta->dir, &n);
        break;
    case PITH_FORMAT_JSON: {
        long sentences = count_sentences(d);
        if (sentences < 0)
            return PITH_ERR_NOMEM;
        pi_json_facts f = {meta,
                           d->encoding,
                           d->r.encoding_source,
                           d->layer,
                           d->confidence,
                           d->r.text,
                           d->r.text_len,
                           d->r.words,
                           (unsigned long)sentences,
                           d->r.paragraphs,
                           NULL,
                           NULL,
                           0,
                           &d->r.comments};
        char *content = NULL;
        if (o->json_content == PITH_FORMAT_MARKDOWN) {
            content = pi_render_markdown(m, &ro, &f.content_len);
            f.format = "markdown";
        } else if (o->json_content == PITH_FORMAT_HTML) {
            content = pi_render_html(m, &ro, meta->headline, meta->lang, meta->dir, &f.content_len);
            f.format = "html";
        }
        if (f.format && !content)
            return PITH_ERR_NOMEM;
        f.content = content;
        s = pi_render_json(&f, &n);
        free(content);
        break;
    }
    case PITH_FORMAT_EXPLAIN: {
        if (!d->trace)
            return PITH_ERR_INVALID_ARGUMENT;
        pi_explain_facts f = {&d->r, d->trace, d->layer, d->trace->article.cut};
        s = pi_render_explain(&f, &n);
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
    const pi_meta *m = &d->r.meta;
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
        one = (const char *const *)&d->encoding;
        break;
    case PITH_FIELD_ENCODING_SOURCE:
        one = (const char *const *)&d->r.encoding_source;
        break;
    case PITH_FIELD_LAYER:
        one = (const char *const *)&d->layer;
        break;
    case PITH_FIELD_CONFIDENCE:
        one = (const char *const *)&d->confidence;
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

/* ---- comments ---------------------------------------------------------- */

size_t pith_doc_comment_count(const pith_doc *d)
{
    return d ? d->r.comments.n : 0;
}

const char *pith_doc_comment_get(const pith_doc *d, size_t i, pith_comment_field f)
{
    if (!d || i >= d->r.comments.n)
        return NULL;
    const pi_comment *c = &d->r.comments.items[i];
    switch (f) {
    case PITH_COMMENT_AUTHOR:
        return c->author;
    case PITH_COMMENT_PUBLISHED:
        return c->published;
    case PITH_COMMENT_TEXT:
        return c->text;
    }
    return NULL;
}

int pith_doc_comment_depth(const pith_doc *d, size_t i)
{
    return d && i < d->r.comments.n ? d->r.comments.items[i].depth : -1;
}

double pith_doc_confidence(const pith_doc *d)
{
    return d && d->r.confidence >= 0.0f ? (double)d->r.confidence : -1.0;
}

void pith_free(void *p)
{
    free(p);
}

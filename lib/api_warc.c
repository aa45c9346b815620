/* api_warc.c - the WARC reader of pith.h: argument checks and accessors
 * over input/warc.c, whose statuses api.c maps. */
#include "pith.h"

#include "api.h"
#include "base/error.h"
#include "input/warc.h"

#include <stdlib.h>

struct pith_warc {
    pi_warc *reader;
    const pi_warc_record *rec; /* NULL before the first pith_warc_next() */
};

static pith_status open_reader(const void *data, size_t len, int fd, const pith_options *o,
                               pith_warc **out)
{
    pith_warc *w;
    int err;

    if (!out)
        return PITH_ERR_INVALID_ARGUMENT;
    *out = NULL;
    w = calloc(1, sizeof *w);
    if (!w)
        return PITH_ERR_NOMEM;
    err = pi_warc_open(data, len, fd, pi_options_max_input(o), &w->reader);
    if (err != PI_OK) {
        free(w);
        return pi_status_public(err);
    }
    *out = w;
    return PITH_OK;
}

pith_status pith_warc_open_memory(const void *data, size_t len, const pith_options *o,
                                  pith_warc **out)
{
    static const char empty[1] = "";

    if (!data && len > 0) {
        if (out)
            *out = NULL;
        return PITH_ERR_INVALID_ARGUMENT;
    }
    return open_reader(data ? data : empty, len, -1, o, out);
}

pith_status pith_warc_open_fd(int fd, const pith_options *o, pith_warc **out)
{
    if (fd < 0) {
        if (out)
            *out = NULL;
        return PITH_ERR_INVALID_ARGUMENT;
    }
    return open_reader(NULL, 0, fd, o, out);
}

void pith_warc_free(pith_warc *w)
{
    if (!w)
        return;
    pi_warc_free(w->reader);
    free(w);
}

pith_status pith_warc_next(pith_warc *w)
{
    if (!w)
        return PITH_ERR_INVALID_ARGUMENT;
    return pi_status_public(pi_warc_next(w->reader, &w->rec));
}

pith_warc_type pith_warc_record_type(const pith_warc *w)
{
    return w && w->rec ? (pith_warc_type)w->rec->type : PITH_WARC_OTHER;
}

unsigned long long pith_warc_record_number(const pith_warc *w)
{
    return w && w->rec ? w->rec->number : 0;
}

const char *pith_warc_record_id(const pith_warc *w)
{
    return w && w->rec ? w->rec->id : NULL;
}

const char *pith_warc_target_uri(const pith_warc *w)
{
    return w && w->rec ? w->rec->uri : NULL;
}

const char *pith_warc_date(const pith_warc *w)
{
    return w && w->rec ? w->rec->date : NULL;
}

const char *pith_warc_header(const pith_warc *w, const char *name)
{
    return w && w->rec && name ? pi_fields_get(&w->rec->warc, name) : NULL;
}

int pith_warc_http_status(const pith_warc *w)
{
    return w && w->rec ? w->rec->http.status : 0;
}

const char *pith_warc_http_header(const pith_warc *w, const char *name)
{
    return w && w->rec && name ? pi_fields_get(&w->rec->http.headers, name) : NULL;
}

const char *pith_warc_content_type(const pith_warc *w)
{
    return w && w->rec ? w->rec->media : NULL;
}

const char *pith_warc_charset(const pith_warc *w)
{
    return w && w->rec ? w->rec->charset : NULL;
}

const char *pith_warc_body(const pith_warc *w, size_t *len)
{
    const char *body = w && w->rec ? w->rec->body : NULL;

    if (len)
        *len = body ? w->rec->body_len : 0;
    return body ? body : "";
}

unsigned long long pith_warc_bytes_read(const pith_warc *w)
{
    return w ? pi_warc_consumed(w->reader) : 0;
}

int pith_warc_probe(const void *data, size_t len)
{
    return pi_warc_probe(data, len);
}

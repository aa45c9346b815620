/* http.h - header fields and the HTTP messages stored in WARC records.
 *
 * A response record's block is the HTTP response as the crawler received
 * it: a status line, header fields, a blank line, and the body with its
 * transfer coding (chunked) and content coding (gzip, deflate) still
 * applied. pi_http_parse() reads the head and gives the body as a page:
 * dechunked, then inflated, within a size limit. The same field parser
 * reads WARC record headers. */
#ifndef PI_HTTP_H
#define PI_HTTP_H

#include <stddef.h>

typedef struct pi_field {
    const char *name;  /* as written */
    const char *value; /* whitespace around it removed, folded lines joined */
} pi_field;

typedef struct pi_fields {
    pi_field *v;
    size_t n, cap;
} pi_fields;

/* Parse "Name: value" lines from text[0 .. len-1], in place: NULs are
 * written into `text`, which the fields then point into. Lines end in LF
 * or CRLF; a line that starts with a space or tab continues the one before.
 * Returns PI_OK, PI_ENOMEM, or PI_EHEADER for a line without a colon or a
 * field without a name (the fields before it are kept). */
int pi_fields_parse(char *text, size_t len, pi_fields *f);
/* The value of the first field called `name` (case-blind), or NULL. */
const char *pi_fields_get(const pi_fields *f, const char *name);
void pi_fields_free(pi_fields *f);

/* The charset parameter of a Content-Type value, malloc'd in *out (NULL
 * when there is none). Returns PI_OK or PI_ENOMEM. */
int pi_content_charset(const char *content_type, char **out);

typedef struct pi_http {
    int status;        /* the status code, 100..999; 0 before parsing */
    pi_fields headers; /* the response's header fields */
    char *decoded;     /* the body after content decoding, malloc'd, or NULL */
} pi_http;

/* Read the HTTP response in block[0 .. len-1] (modified in place: the head
 * gets NULs, a chunked body is dechunked where it lies). On PI_OK *body and
 * *body_len give the decoded body, inside `block` or h->decoded. Returns
 * PI_OK, PI_ENOMEM, PI_EHTTP (no status line, a head without its blank
 * line, a malformed chunk), PI_ECOMPRESS (corrupt or unknown content
 * coding) or PI_EINFLATE (the body inflates past `max_body` bytes); `h`
 * keeps what was read either way, for pi_http_free(). */
int pi_http_parse(char *block, size_t len, size_t max_body, pi_http *h, const char **body,
                  size_t *body_len);
void pi_http_free(pi_http *h);

/* Inflate a gzip or zlib stream (`raw`: a raw deflate stream) of `len`
 * bytes into a malloc'd buffer of at most `max_out` bytes (NUL-terminated,
 * not counted in *out_len). Returns PI_OK, PI_ENOMEM, PI_ECOMPRESS (corrupt
 * or truncated data) or PI_EINFLATE (more than max_out bytes). For gzip,
 * members that follow the first are inflated too. */
int pi_inflate(const void *data, size_t len, int raw, size_t max_out, char **out, size_t *out_len);

#endif

/* warc.h - read the records of a WARC file (ISO 28500, WARC 1.0 and 1.1).
 *
 * A reader streams the file from memory or a file descriptor, plain or
 * gzip-compressed (one member per record, or the whole file as one member:
 * both are a series of members, inflated as one stream). Each call of
 * pi_warc_next() parses one record's header and block; the records that
 * carry a page (response, resource, conversion) are returned with their
 * payload, the others are skipped. A response record's HTTP message is read
 * by http.c (status, headers, body with its transfer and content codings
 * undone).
 *
 * A malformed record is a status, and the reader then looks for the next
 * record: at the next "WARC/" line of the stream, past a corrupt gzip member
 * at the next member. Thread-safe: a reader is used by one thread. */
#ifndef PI_WARC_H
#define PI_WARC_H

#include "input/http.h"

#include <stddef.h>
#include <stdint.h>

/* Record types, as pith.h numbers them (pith_warc_type). */
enum {
    PI_WARC_OTHER = 0,
    PI_WARC_WARCINFO = 1,
    PI_WARC_RESPONSE = 2,
    PI_WARC_RESOURCE = 3,
    PI_WARC_REQUEST = 4,
    PI_WARC_METADATA = 5,
    PI_WARC_REVISIT = 6,
    PI_WARC_CONVERSION = 7,
    PI_WARC_CONTINUATION = 8
};

typedef struct pi_warc pi_warc;

/* The current record: valid until the next pi_warc_next() or the reader
 * is freed. After a failure, the fields read before it are set (a record
 * whose header was read has its type, id and URI). */
typedef struct pi_warc_record {
    int type;          /* PI_WARC_* */
    uint64_t number;   /* 1-based position among all records of the file */
    uint64_t offset;   /* where the record starts in the uncompressed stream */
    pi_fields warc;    /* the WARC header fields */
    const char *uri;   /* WARC-Target-URI without <>, or NULL */
    const char *date;  /* WARC-Date, or NULL */
    const char *id;    /* WARC-Record-ID, or NULL */
    pi_http http;      /* the HTTP message of a response record (status 0
                          when the block is not one) */
    const char *media; /* the payload's Content-Type (HTTP, else WARC), or NULL */
    char *charset;     /* its charset parameter, malloc'd, or NULL */
    const char *body;  /* the payload, decoded */
    size_t body_len;
} pi_warc_record;

/* A new reader over a copy of data[0 .. len-1] (copy_memory) or over the
 * file descriptor `fd` (data NULL; the descriptor is read, never closed).
 * `max_record` bounds the payload kept for a record: a larger page record
 * fails with PI_ETOOLARGE. Returns PI_OK or PI_ENOMEM. */
int pi_warc_open(const void *data, size_t len, int fd, size_t max_record, pi_warc **out);
void pi_warc_free(pi_warc *w);

/* Advance to the next page record. Returns PI_OK with *rec set; PI_END
 * when the file is done; or a failure of one record (PI_ETRUNC, PI_EHEADER,
 * PI_ELENGTH, PI_ECOMPRESS, PI_EINFLATE, PI_EHTTP, PI_ETOOLARGE, PI_EIO,
 * PI_ENOMEM) with *rec holding what was read of it; the next call goes on
 * after it where it can, else returns PI_END. */
int pi_warc_next(pi_warc *w, const pi_warc_record **rec);

/* Bytes taken from the input so far (compressed bytes for gzip). */
uint64_t pi_warc_consumed(const pi_warc *w);

/* Whether the first bytes of a file (plain, or a gzip member) begin a WARC
 * record. */
int pi_warc_probe(const void *data, size_t len);

#endif

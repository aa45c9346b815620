/* error.h - the internal status codes and the one way to pass them on.
 *
 * Every fallible internal function returns an int status: PI_OK (0) or one
 * of the negative codes below; api.c maps them to pith_status. A function
 * that allocates returns its result through an out-parameter, so that "none"
 * (PI_OK with a NULL result) and "out of memory" (PI_ENOMEM) never share one
 * NULL. Builders that append many times (pi_buf, pi_model) remember a
 * failure in their `oom` flag instead and are checked once at the end. */
#ifndef PI_ERROR_H
#define PI_ERROR_H

enum {
    PI_OK = 0,
    PI_ENOMEM = -1,    /* an allocation failed */
    PI_EENCODING = -2, /* an encoding cannot be converted */
    PI_ELIMIT = -3,    /* an internal limit (a buffer over INT_MAX ...) */
    PI_EPARSE = -4,    /* the parser built no document */
    PI_EDEPTH = -5,    /* nested deeper than the caller allows */
    PI_ENODES = -6,    /* more elements than the caller allows */
    PI_EOUTPUT = -7,   /* more output than the caller allows */
    PI_EINIT = -8,     /* a library the stages use could not start */
    /* Reading input (input/sniff.c, input/warc.c, input/http.c). */
    PI_ENOTHTML = -9,   /* binary data: an image, an archive, a program */
    PI_EIO = -10,       /* reading a file descriptor failed (errno) */
    PI_ETRUNC = -11,    /* the data ends inside a record or a gzip member */
    PI_EHEADER = -12,   /* a WARC record header is malformed or incomplete */
    PI_ELENGTH = -13,   /* a Content-Length is not a number, or absurd */
    PI_ECOMPRESS = -14, /* corrupt or unsupported gzip/deflate data */
    PI_EINFLATE = -15,  /* compressed data inflates past the limit */
    PI_EHTTP = -16,     /* a malformed HTTP message or chunked body */
    PI_ETOOLARGE = -17, /* a record's page is larger than the caller allows */
    /* Not a failure: a reader has nothing more to give. */
    PI_END = 1
};

/* Evaluate `expr`, a status; return it from the calling function unless it
 * is PI_OK (zstd's FORWARD_IF_ERROR). */
#define PI_TRY(expr)                 \
    do {                             \
        int pi_try_status_ = (expr); \
        if (pi_try_status_ != PI_OK) \
            return pi_try_status_;   \
    } while (0)

/* The same for functions that must release something first: store the
 * status in `err` and jump to `label` unless it is PI_OK. */
#define PI_TRY_GOTO(err, expr, label)  \
    do {                               \
        if (((err) = (expr)) != PI_OK) \
            goto label;                \
    } while (0)

/* A NULL from an allocation, `ptr` after `ptr = alloc(...)`, as a status. */
#define PI_NOMEM_IF_NULL(ptr) ((ptr) ? PI_OK : PI_ENOMEM)

#endif

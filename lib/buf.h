/* buf.h - growable byte buffer and the internal error codes. */
#ifndef PI_BUF_H
#define PI_BUF_H

#include <stddef.h>

/* Internal result codes; api.c maps them to pith_status. */
enum {
    PI_OK = 0,
    PI_ENOMEM = -1,
    PI_EENCODING = -2,
    PI_ELIMIT = -3,
    PI_EPARSE = -4,
    PI_EDEPTH = -5,
    PI_ENODES = -6,
    PI_EOUTPUT = -7
};

/* A byte buffer that remembers an allocation failure: after one, every put is
 * a no-op and `oom` stays set, so callers check once at the end. `data` is
 * always NUL-terminated when non-NULL. */
typedef struct pi_buf {
    char *data;
    size_t len;
    size_t cap;
    int oom;
} pi_buf;

void pi_buf_init(pi_buf *b);
void pi_buf_free(pi_buf *b);
void pi_buf_put(pi_buf *b, const char *s, size_t n);
void pi_buf_puts(pi_buf *b, const char *s);
void pi_buf_putc(pi_buf *b, char c);
/* Make room for n more bytes; 0 on success. */
int pi_buf_reserve(pi_buf *b, size_t n);
/* Take ownership of the contents (never NULL unless oom: "" for an empty
 * buffer); the buffer is reset. */
char *pi_buf_detach(pi_buf *b);
/* Remove trailing bytes that are in `set`. */
void pi_buf_rtrim(pi_buf *b, const char *set);

/* strdup that returns NULL for NULL. */
char *pi_strdup(const char *s);
char *pi_strndup(const char *s, size_t n);
/* The first place in `n` bytes of `s` where `word` (lowercase ASCII)
 * occurs, ignoring ASCII case; with `word_start`, only where no ASCII letter
 * precedes it. NULL when it does not occur. */
const char *pi_find_ascii_ci(const char *s, size_t n, const char *word, int word_start);

#endif

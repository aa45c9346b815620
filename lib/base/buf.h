/* buf.h - growable byte buffer and string copies. */
#ifndef PI_BUF_H
#define PI_BUF_H

#include <stddef.h>

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

#endif

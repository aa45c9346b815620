/* input.h - decide the page's encoding and convert it to clean UTF-8.
 *
 * Order of evidence: byte-order mark; the caller's hint (HTTP charset);
 * <meta charset> / http-equiv found by a prescan of the first bytes; "the
 * whole buffer is valid UTF-8"; ICU's charset detector above a confidence
 * threshold; windows-1252. Labels are mapped the way browsers map them. */
#ifndef PI_INPUT_H
#define PI_INPUT_H

#include <stddef.h>

typedef struct pi_input {
    char *utf8;           /* converted page, NUL-terminated, malloc'd */
    size_t len;           /* bytes in utf8, without the NUL */
    char encoding[48];    /* name of the encoding used, e.g. "windows-1252" */
    const char *source;   /* static: "bom", "hint", "meta", "utf-8", "detector", "default" */
} pi_input;

/* Decode `len` bytes. `hint` is the caller's charset label or NULL.
 * Returns PI_OK or PI_ENOMEM; on failure `out` holds nothing to free.
 * The output is valid UTF-8: bytes invalid in the chosen encoding become
 * U+FFFD. */
int pi_input_decode(const char *bytes, size_t len, const char *hint, pi_input *out);
void pi_input_free(pi_input *in);

#endif

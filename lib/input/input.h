/* input.h - decide the page's encoding and convert it to clean UTF-8.
 *
 * Order of evidence: byte-order mark; the caller's hint (HTTP charset);
 * <meta charset> / http-equiv found by a prescan of the first bytes; "the
 * buffer is valid UTF-8"; ICU's charset detector above a confidence
 * threshold; windows-1252. Labels are mapped the way browsers map them
 * (WHATWG Encoding Standard). A hint or meta that the bytes contradict is
 * overridden: see input.c for each rule and its reason. */
#ifndef PI_INPUT_H
#define PI_INPUT_H

#include <stddef.h>

typedef struct pi_input {
    /* The converted page, NUL-terminated, malloc'd. Valid UTF-8 in NFC,
     * without NUL, without C0 controls other than TAB, LF, CR, without
     * C1 controls, U+FEFF, U+200B, U+2060, soft hyphens or noncharacters;
     * FF, NEL, U+2028 and U+2029 are LF. Bytes invalid in the encoding are
     * U+FFFD. */
    char *utf8;
    /* The page to parse: `utf8`, or with pi_input_view() possibly the
     * caller's bytes themselves (not NUL-terminated). */
    const char *text;
    size_t len; /* bytes in text (and utf8), without the NUL */
    /* Canonical (WHATWG-style) name of the encoding used: "UTF-8",
     * "windows-1252", "Shift_JIS", "GBK", "GB18030", "EUC-KR", "Big5",
     * "UTF-16LE", ... */
    char encoding[48];
    /* Static string, the evidence that chose `encoding`:
     *   "bom"      byte-order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE)
     *   "hint"     the caller's charset label
     *   "meta"     <meta charset> or <meta http-equiv> in the first 4 KB
     *   "utf-8"    the bytes are (almost all) valid UTF-8
     *   "detector" ICU's charset detector, or the zero-byte layout of
     *              BOM-less UTF-16
     *   "default"  nothing else applied: windows-1252 */
    const char *source;
    /* The encoding a hint or meta declared, also when it was not used
     * ("" if nothing was declared, the label was unknown, or a BOM decided
     * before declarations were read), and which of the two declared it
     * ("hint", "meta", or NULL). When `source` is "utf-8", "detector" or
     * "default" and `declared` is set, the bytes contradicted the
     * declaration. */
    char declared[48];
    const char *declared_by;
    /* Number of U+FFFD written for bytes invalid in `encoding`. */
    size_t replaced;
} pi_input;

/* Decode `len` bytes (`bytes` may be NULL when len is 0). `hint` is the
 * caller's charset: a bare label ("latin1") or a Content-Type value
 * ("text/html; charset=latin1"), or NULL. Unknown labels are ignored.
 * Returns PI_OK or PI_ENOMEM; on failure `out` holds nothing to free.
 * Thread-safe: no shared mutable state. */
int pi_input_decode(const char *bytes, size_t len, const char *hint, pi_input *out);
/* As pi_input_decode(), but when the bytes are UTF-8 that the cleaning
 * keeps as it is (nearly every page) nothing is copied: `utf8` is NULL and
 * `text` points into `bytes` (past a UTF-8 BOM), which must then stay
 * unchanged until `out` is no longer used. Otherwise `text` is `utf8`. */
int pi_input_view(const char *bytes, size_t len, const char *hint, pi_input *out);
void pi_input_free(pi_input *in);

/* Load ICU's charset detector data once, so that concurrent first uses do
 * not race on it. Returns PI_OK or PI_EINIT. */
int pi_input_init(void);

/* The canonical name for a charset label, or NULL for an unknown label.
 * ASCII whitespace around the label is ignored, case is not significant. */
const char *pi_input_label(const char *label);

/* The canonical name of the encoding declared by <meta> within the prescan
 * window of `bytes` (a UTF-16 declaration gives "UTF-8", as in browsers),
 * or NULL. */
const char *pi_input_prescan(const char *bytes, size_t len);

#endif

/* charset.h - the encodings pith reads, the labels that name them, and the
 * <meta> prescan that finds a page's own declaration.
 *
 * Labels and declarations are ASCII, so everything here works on the raw
 * bytes before anything is converted. Converting (transcode.h) and weighing
 * a declaration against the bytes (input.c) are elsewhere. An encoding is an
 * index into pi_encodings[], or -1 for none. */
#ifndef PI_CHARSET_H
#define PI_CHARSET_H

#include <stddef.h>

/* How an encoding's bytes are decoded. */
enum pi_enc_kind {
    PI_KIND_UTF8,
    PI_KIND_SINGLE, /* ASCII-compatible, one byte per character (ICU) */
    PI_KIND_TABLE,  /* the same, decoded by our own table (transcode.c) */
    PI_KIND_MULTI,  /* ASCII-compatible multi-byte: EUC, GBK, Big5, Shift_JIS */
    PI_KIND_7BIT,   /* ISO-2022 and HZ: escape sequences in 7-bit bytes */
    PI_KIND_UTF16,
    PI_KIND_UTF32
};

/* The indexes of pi_encodings[]. */
/* clang-format off */
enum pi_enc {
    PI_ENC_UTF8, PI_ENC_IBM866, PI_ENC_ISO8859_2, PI_ENC_ISO8859_3,
    PI_ENC_ISO8859_4, PI_ENC_ISO8859_5, PI_ENC_ISO8859_6, PI_ENC_ISO8859_7,
    PI_ENC_ISO8859_8, PI_ENC_ISO8859_8I, PI_ENC_ISO8859_10, PI_ENC_ISO8859_13,
    PI_ENC_ISO8859_14, PI_ENC_ISO8859_15, PI_ENC_ISO8859_16, PI_ENC_KOI8R,
    PI_ENC_KOI8U, PI_ENC_MACINTOSH, PI_ENC_WIN874, PI_ENC_WIN1250,
    PI_ENC_WIN1251, PI_ENC_WIN1252, PI_ENC_WIN1253, PI_ENC_WIN1254,
    PI_ENC_WIN1255, PI_ENC_WIN1256, PI_ENC_WIN1257, PI_ENC_WIN1258,
    PI_ENC_XMACCYR, PI_ENC_GBK, PI_ENC_GB18030, PI_ENC_BIG5, PI_ENC_EUCJP,
    PI_ENC_ISO2022JP, PI_ENC_SJIS, PI_ENC_EUCKR, PI_ENC_ISO2022KR,
    PI_ENC_ISO2022CN, PI_ENC_HZ, PI_ENC_UTF16BE, PI_ENC_UTF16LE,
    PI_ENC_UTF32BE, PI_ENC_UTF32LE
};
/* clang-format on */

typedef struct pi_encoding {
    const char *name;   /* what we report (pi_input.encoding), under 48 bytes */
    const char *icu;    /* the ICU converter that decodes it like browsers, or
                           NULL for PI_KIND_TABLE */
    unsigned char kind; /* enum pi_enc_kind */
} pi_encoding;

/* Indexed by enum pi_enc. */
extern const pi_encoding pi_encodings[];

/* The encoding a label names (WHATWG "get an encoding": ASCII white space
 * around it is ignored, case is not significant), or -1. `label` has `n`
 * bytes and need not be NUL-terminated. */
int pi_charset_lookup(const char *label, size_t n);

/* The encoding after "charset=" in `n` bytes of a Content-Type value or a
 * <meta content> (HTML "extract a character encoding from a meta
 * element"), or -1. */
int pi_charset_from_content(const unsigned char *s, size_t n);

/* The encoding declared by <meta charset> or <meta http-equiv> within the
 * first 4 KB of the `n` bytes at p (HTML "prescan a byte stream"; the
 * window is PRESCAN_BYTES in charset.c), or -1. A UTF-16 declaration gives
 * PI_ENC_UTF8, as in browsers: a page that declares itself in ASCII bytes
 * is not UTF-16. */
int pi_charset_prescan(const unsigned char *p, size_t n);

#endif

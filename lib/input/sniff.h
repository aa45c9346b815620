/* sniff.h - tell input that is not HTML at all (images, archives, PDF,
 * programs) from pages in any encoding, before anything is decoded. */
#ifndef PI_SNIFF_H
#define PI_SNIFF_H

#include <stddef.h>

/* Whether bytes[0 .. len-1] are binary data: a known file signature at the
 * start, or zero bytes in a layout that no text encoding has (UTF-16 and
 * UTF-32, with or without a byte-order mark, are text). */
int pi_sniff_binary(const char *bytes, size_t len);

#endif

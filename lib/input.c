/* input.c - decide the page's encoding and convert it to UTF-8.
 * First version: UTF-8 passthrough with a BOM strip; the full decision
 * (hint, meta prescan, ICU detector) replaces it. */
#include "input.h"
#include "buf.h"

#include <stdlib.h>
#include <string.h>

int pi_input_decode(const char *bytes, size_t len, const char *hint, pi_input *out)
{
    (void)hint;
    memset(out, 0, sizeof *out);
    const char *p = bytes ? bytes : "";
    out->source = "default";
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;
        len -= 3;
        out->source = "bom";
    }
    out->utf8 = pi_strndup(p, len);
    if (!out->utf8)
        return PI_ENOMEM;
    out->len = len;
    strcpy(out->encoding, "UTF-8");
    return PI_OK;
}

void pi_input_free(pi_input *in)
{
    if (!in)
        return;
    free(in->utf8);
    in->utf8 = NULL;
    in->len = 0;
}

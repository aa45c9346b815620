/* meta_lang.c - language tags as pages write them, normalised to BCP 47
 * case, and the writing direction a tag implies.
 *
 * Pages write "en_us", "EN-us", "en-US, fr" or "{{lang}}": the first
 * subtag list is read, cased as BCP 47 does (language lowercase, script
 * title case, region uppercase), and anything that is not a plausible tag
 * (too long a subtag, a non-letter language, "und") is no language. */
#include "base/buf.h"
#include "base/error.h"
#include "base/text.h"
#include "meta/metadata.h"

#include <string.h>

/* Room for a normalised language tag and its NUL: language, script, region
 * and a variant or two ("zh-Hant-TW" takes 11); a longer value is no
 * page's language. */
#define LANG_TAG_MAX 36

/* The tag at the start of s, normalised into o (LANG_TAG_MAX bytes); its
 * length, 0 when it is no plausible tag. */
static size_t norm_lang(const char *s, char *o)
{
    if (!s)
        return 0;
    while (pi_is_space((unsigned char)*s))
        s++;
    size_t n = 0, seg = 0, segno = 0;
    for (;; s++) {
        int ch = (unsigned char)*s;
        int end = !ch || pi_is_space(ch) || ch == ',' || ch == ';';
        if (end || ch == '-' || ch == '_') {
            if (seg == 0 || seg > 8)
                return 0;
            /* casing of the subtag just finished */
            char *st = o + n - seg;
            if (segno == 0) {
                if (seg > 3 && !(seg <= 8 && (st[0] == 'x' || st[0] == 'i')))
                    return 0;
                for (size_t i = 0; i < seg; i++)
                    if (!pi_is_alpha((unsigned char)st[i]))
                        return 0;
            } else if (seg == 2 && pi_is_alpha((unsigned char)st[0])) {
                st[0] = (char)(st[0] >= 'a' && st[0] <= 'z' ? st[0] - 32 : st[0]);
                st[1] = (char)(st[1] >= 'a' && st[1] <= 'z' ? st[1] - 32 : st[1]);
            } else if (seg == 4 && pi_is_alpha((unsigned char)st[0])) {
                st[0] = (char)(st[0] >= 'a' && st[0] <= 'z' ? st[0] - 32 : st[0]);
            }
            segno++;
            seg = 0;
            if (end)
                break;
            if (n + 1 >= LANG_TAG_MAX)
                return 0;
            o[n++] = '-';
            continue;
        }
        if (!pi_is_alpha(ch) && !pi_is_digit(ch))
            return 0;
        if (n + 1 >= LANG_TAG_MAX)
            return 0;
        o[n++] = (char)pi_lower(ch);
        seg++;
    }
    o[n] = '\0';
    if (!n || !strcmp(o, "und") || !strcmp(o, "zxx"))
        return 0;
    return n;
}

int pi_meta_norm_lang(const char *s, char **out)
{
    char o[LANG_TAG_MAX];
    *out = NULL;
    if (!norm_lang(s, o))
        return PI_OK;
    *out = pi_strdup(o);
    return PI_NOMEM_IF_NULL(*out);
}

const char *pi_meta_lang_dir(const char *lang)
{
    static const char *const rtl_lang[] = {"ar", "arc",     "ckb", "dv",  "fa",  "he",  "iw",  "ji",
                                           "ks", "ku-Arab", "mzn", "pnb", "ps",  "sd",  "syr", "ug",
                                           "ur", "yi",      "azb", "lrc", "glk", "bal", NULL};
    static const char *const rtl_script[] = {"Arab", "Hebr", "Thaa", "Syrc", "Nkoo",
                                             "Adlm", "Rohg", "Mand", "Samr", NULL};
    if (!lang)
        return NULL;
    /* an explicit script subtag decides */
    const char *p = strchr(lang, '-');
    while (p) {
        const char *q = strchr(p + 1, '-');
        size_t l = q ? (size_t)(q - p - 1) : strlen(p + 1);
        if (l == 4) {
            for (int i = 0; rtl_script[i]; i++)
                if (!strncmp(p + 1, rtl_script[i], 4))
                    return "rtl";
            return "ltr";
        }
        p = q;
    }
    size_t pl = strcspn(lang, "-");
    for (int i = 0; rtl_lang[i]; i++)
        if (strlen(rtl_lang[i]) == pl && !strncmp(lang, rtl_lang[i], pl))
            return "rtl";
    return "ltr";
}

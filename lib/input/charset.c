/* charset.c - the encodings pith reads, the WHATWG labels that name them,
 * and the HTML prescan for <meta charset>.
 *
 * These run on the raw bytes, before anything is converted or cleaned, so
 * their white space is the standards' ASCII white space (pi_is_html_space:
 * no VT), not the cleaned text's. The table of encodings lives here with
 * the labels because a label is the only way in: the detector's answers,
 * the caller's hint and the page's meta are all labels. */
#include "input/charset.h"
#include "base/text.h"

#include <string.h>

/* ---- Tuning ------------------------------------------------------------ */

/* Bytes the <meta> prescan reads. WHATWG says 1024, but browsers honour
 * later metas in the head too (Firefox reloads, Chromium scans the head)
 * and so does libxml2. In the shared corpus 942 of 1086 declarations start
 * in the first 1024 bytes, 1055 in 4096, 1073 in 8192; the ones past 4096
 * all agree with the bytes, which the UTF-8 check or the detector find. */
#define PRESCAN_BYTES 4096

/* ---- Encodings and labels ----------------------------------------------- */

/* ICU converter choices where the obvious name decodes less than browsers
 * do: GBK as GB18030 (a superset); Shift_JIS as windows-31j (ibm-943, with
 * the NEC and IBM extensions: ①, ㈱, 髙); EUC-KR as windows-949 (UHC, all
 * 11172 syllables); Big5 as Big5-HKSCS (WHATWG's Big5 is HKSCS). ICU has no
 * ISO-8859-16, and windows-1252 is common enough to decode without ICU. */
/* clang-format off */
const pi_encoding pi_encodings[] = {
    [PI_ENC_UTF8] = {"UTF-8", "UTF-8", PI_KIND_UTF8},
    [PI_ENC_IBM866] = {"IBM866", "ibm-866", PI_KIND_SINGLE},
    [PI_ENC_ISO8859_2] = {"ISO-8859-2", "ISO-8859-2", PI_KIND_SINGLE},
    [PI_ENC_ISO8859_3] = {"ISO-8859-3", "ISO-8859-3", PI_KIND_SINGLE},
    [PI_ENC_ISO8859_4] = {"ISO-8859-4", "ISO-8859-4", PI_KIND_SINGLE},
    [PI_ENC_ISO8859_5] = {"ISO-8859-5", "ISO-8859-5", PI_KIND_SINGLE},
    [PI_ENC_ISO8859_6] = {"ISO-8859-6", "ISO-8859-6", PI_KIND_SINGLE},
    [PI_ENC_ISO8859_7] = {"ISO-8859-7", "ISO-8859-7", PI_KIND_SINGLE},
    [PI_ENC_ISO8859_8] = {"ISO-8859-8", "ISO-8859-8", PI_KIND_SINGLE},
    [PI_ENC_ISO8859_8I] = {"ISO-8859-8-I", "ISO-8859-8", PI_KIND_SINGLE},
    [PI_ENC_ISO8859_10] = {"ISO-8859-10", "ISO-8859-10", PI_KIND_SINGLE},
    [PI_ENC_ISO8859_13] = {"ISO-8859-13", "ISO-8859-13", PI_KIND_SINGLE},
    [PI_ENC_ISO8859_14] = {"ISO-8859-14", "ISO-8859-14", PI_KIND_SINGLE},
    [PI_ENC_ISO8859_15] = {"ISO-8859-15", "ISO-8859-15", PI_KIND_SINGLE},
    [PI_ENC_ISO8859_16] = {"ISO-8859-16", NULL, PI_KIND_TABLE},
    [PI_ENC_KOI8R] = {"KOI8-R", "KOI8-R", PI_KIND_SINGLE},
    [PI_ENC_KOI8U] = {"KOI8-U", "KOI8-U", PI_KIND_SINGLE},
    [PI_ENC_MACINTOSH] = {"macintosh", "macintosh", PI_KIND_SINGLE},
    [PI_ENC_WIN874] = {"windows-874", "windows-874", PI_KIND_SINGLE},
    [PI_ENC_WIN1250] = {"windows-1250", "windows-1250", PI_KIND_SINGLE},
    [PI_ENC_WIN1251] = {"windows-1251", "windows-1251", PI_KIND_SINGLE},
    [PI_ENC_WIN1252] = {"windows-1252", NULL, PI_KIND_TABLE},
    [PI_ENC_WIN1253] = {"windows-1253", "windows-1253", PI_KIND_SINGLE},
    [PI_ENC_WIN1254] = {"windows-1254", "windows-1254", PI_KIND_SINGLE},
    [PI_ENC_WIN1255] = {"windows-1255", "windows-1255", PI_KIND_SINGLE},
    [PI_ENC_WIN1256] = {"windows-1256", "windows-1256", PI_KIND_SINGLE},
    [PI_ENC_WIN1257] = {"windows-1257", "windows-1257", PI_KIND_SINGLE},
    [PI_ENC_WIN1258] = {"windows-1258", "windows-1258", PI_KIND_SINGLE},
    [PI_ENC_XMACCYR] = {"x-mac-cyrillic", "x-mac-cyrillic", PI_KIND_SINGLE},
    [PI_ENC_GBK] = {"GBK", "GB18030", PI_KIND_MULTI},
    [PI_ENC_GB18030] = {"GB18030", "GB18030", PI_KIND_MULTI},
    [PI_ENC_BIG5] = {"Big5", "Big5-HKSCS", PI_KIND_MULTI},
    [PI_ENC_EUCJP] = {"EUC-JP", "EUC-JP", PI_KIND_MULTI},
    [PI_ENC_ISO2022JP] = {"ISO-2022-JP", "ISO-2022-JP", PI_KIND_7BIT},
    [PI_ENC_SJIS] = {"Shift_JIS", "windows-31j", PI_KIND_MULTI},
    [PI_ENC_EUCKR] = {"EUC-KR", "windows-949", PI_KIND_MULTI},
    [PI_ENC_ISO2022KR] = {"ISO-2022-KR", "ISO-2022-KR", PI_KIND_7BIT},
    [PI_ENC_ISO2022CN] = {"ISO-2022-CN", "ISO-2022-CN", PI_KIND_7BIT},
    [PI_ENC_HZ] = {"HZ-GB-2312", "HZ", PI_KIND_7BIT},
    [PI_ENC_UTF16BE] = {"UTF-16BE", "UTF-16BE", PI_KIND_UTF16},
    [PI_ENC_UTF16LE] = {"UTF-16LE", "UTF-16LE", PI_KIND_UTF16},
    [PI_ENC_UTF32BE] = {"UTF-32BE", "UTF-32BE", PI_KIND_UTF32},
    [PI_ENC_UTF32LE] = {"UTF-32LE", "UTF-32LE", PI_KIND_UTF32},
};
/* clang-format on */

struct label {
    const char *label;
    unsigned char enc;
};

/* The WHATWG Encoding Standard's label table, with two departures:
 * - the labels WHATWG maps to "replacement" (ISO-2022-KR, ISO-2022-CN,
 *   HZ-GB-2312) are decoded: browsers refuse them to stop script injection
 *   through escape sequences, which cannot hurt a text extractor, and
 *   decoding keeps the text;
 * - x-user-defined (bytes 0x80-0xFF as private-use characters) reads as
 *   windows-1252, as the HTML prescan itself does for metas.
 * UTF-32 has no labels (WHATWG has none); only its BOM selects it. */
/* clang-format off */
static const struct label labels[] = {
    {"unicode-1-1-utf-8", PI_ENC_UTF8}, {"unicode11utf8", PI_ENC_UTF8},
    {"unicode20utf8", PI_ENC_UTF8}, {"utf-8", PI_ENC_UTF8}, {"utf8", PI_ENC_UTF8},
    {"x-unicode20utf8", PI_ENC_UTF8},
    {"866", PI_ENC_IBM866}, {"cp866", PI_ENC_IBM866}, {"csibm866", PI_ENC_IBM866},
    {"ibm866", PI_ENC_IBM866},
    {"csisolatin2", PI_ENC_ISO8859_2}, {"iso-8859-2", PI_ENC_ISO8859_2},
    {"iso-ir-101", PI_ENC_ISO8859_2}, {"iso8859-2", PI_ENC_ISO8859_2},
    {"iso88592", PI_ENC_ISO8859_2}, {"iso_8859-2", PI_ENC_ISO8859_2},
    {"iso_8859-2:1987", PI_ENC_ISO8859_2}, {"l2", PI_ENC_ISO8859_2},
    {"latin2", PI_ENC_ISO8859_2},
    {"csisolatin3", PI_ENC_ISO8859_3}, {"iso-8859-3", PI_ENC_ISO8859_3},
    {"iso-ir-109", PI_ENC_ISO8859_3}, {"iso8859-3", PI_ENC_ISO8859_3},
    {"iso88593", PI_ENC_ISO8859_3}, {"iso_8859-3", PI_ENC_ISO8859_3},
    {"iso_8859-3:1988", PI_ENC_ISO8859_3}, {"l3", PI_ENC_ISO8859_3},
    {"latin3", PI_ENC_ISO8859_3},
    {"csisolatin4", PI_ENC_ISO8859_4}, {"iso-8859-4", PI_ENC_ISO8859_4},
    {"iso-ir-110", PI_ENC_ISO8859_4}, {"iso8859-4", PI_ENC_ISO8859_4},
    {"iso88594", PI_ENC_ISO8859_4}, {"iso_8859-4", PI_ENC_ISO8859_4},
    {"iso_8859-4:1988", PI_ENC_ISO8859_4}, {"l4", PI_ENC_ISO8859_4},
    {"latin4", PI_ENC_ISO8859_4},
    {"csisolatincyrillic", PI_ENC_ISO8859_5}, {"cyrillic", PI_ENC_ISO8859_5},
    {"iso-8859-5", PI_ENC_ISO8859_5}, {"iso-ir-144", PI_ENC_ISO8859_5},
    {"iso8859-5", PI_ENC_ISO8859_5}, {"iso88595", PI_ENC_ISO8859_5},
    {"iso_8859-5", PI_ENC_ISO8859_5}, {"iso_8859-5:1988", PI_ENC_ISO8859_5},
    {"arabic", PI_ENC_ISO8859_6}, {"asmo-708", PI_ENC_ISO8859_6},
    {"csiso88596e", PI_ENC_ISO8859_6}, {"csiso88596i", PI_ENC_ISO8859_6},
    {"csisolatinarabic", PI_ENC_ISO8859_6}, {"ecma-114", PI_ENC_ISO8859_6},
    {"iso-8859-6", PI_ENC_ISO8859_6}, {"iso-8859-6-e", PI_ENC_ISO8859_6},
    {"iso-8859-6-i", PI_ENC_ISO8859_6}, {"iso-ir-127", PI_ENC_ISO8859_6},
    {"iso8859-6", PI_ENC_ISO8859_6}, {"iso88596", PI_ENC_ISO8859_6},
    {"iso_8859-6", PI_ENC_ISO8859_6}, {"iso_8859-6:1987", PI_ENC_ISO8859_6},
    {"csisolatingreek", PI_ENC_ISO8859_7}, {"ecma-118", PI_ENC_ISO8859_7},
    {"elot_928", PI_ENC_ISO8859_7}, {"greek", PI_ENC_ISO8859_7}, {"greek8", PI_ENC_ISO8859_7},
    {"iso-8859-7", PI_ENC_ISO8859_7}, {"iso-ir-126", PI_ENC_ISO8859_7},
    {"iso8859-7", PI_ENC_ISO8859_7}, {"iso88597", PI_ENC_ISO8859_7},
    {"iso_8859-7", PI_ENC_ISO8859_7}, {"iso_8859-7:1987", PI_ENC_ISO8859_7},
    {"sun_eu_greek", PI_ENC_ISO8859_7},
    {"csiso88598e", PI_ENC_ISO8859_8}, {"csisolatinhebrew", PI_ENC_ISO8859_8},
    {"hebrew", PI_ENC_ISO8859_8}, {"iso-8859-8", PI_ENC_ISO8859_8},
    {"iso-8859-8-e", PI_ENC_ISO8859_8}, {"iso-ir-138", PI_ENC_ISO8859_8},
    {"iso8859-8", PI_ENC_ISO8859_8}, {"iso88598", PI_ENC_ISO8859_8},
    {"iso_8859-8", PI_ENC_ISO8859_8}, {"iso_8859-8:1988", PI_ENC_ISO8859_8},
    {"visual", PI_ENC_ISO8859_8},
    {"csiso88598i", PI_ENC_ISO8859_8I}, {"iso-8859-8-i", PI_ENC_ISO8859_8I},
    {"logical", PI_ENC_ISO8859_8I},
    {"csisolatin6", PI_ENC_ISO8859_10}, {"iso-8859-10", PI_ENC_ISO8859_10},
    {"iso-ir-157", PI_ENC_ISO8859_10}, {"iso8859-10", PI_ENC_ISO8859_10},
    {"iso885910", PI_ENC_ISO8859_10}, {"l6", PI_ENC_ISO8859_10},
    {"latin6", PI_ENC_ISO8859_10},
    {"iso-8859-13", PI_ENC_ISO8859_13}, {"iso8859-13", PI_ENC_ISO8859_13},
    {"iso885913", PI_ENC_ISO8859_13},
    {"iso-8859-14", PI_ENC_ISO8859_14}, {"iso8859-14", PI_ENC_ISO8859_14},
    {"iso885914", PI_ENC_ISO8859_14},
    {"csisolatin9", PI_ENC_ISO8859_15}, {"iso-8859-15", PI_ENC_ISO8859_15},
    {"iso8859-15", PI_ENC_ISO8859_15}, {"iso885915", PI_ENC_ISO8859_15},
    {"iso_8859-15", PI_ENC_ISO8859_15}, {"l9", PI_ENC_ISO8859_15},
    {"iso-8859-16", PI_ENC_ISO8859_16},
    {"cskoi8r", PI_ENC_KOI8R}, {"koi", PI_ENC_KOI8R}, {"koi8", PI_ENC_KOI8R},
    {"koi8-r", PI_ENC_KOI8R}, {"koi8_r", PI_ENC_KOI8R},
    {"koi8-ru", PI_ENC_KOI8U}, {"koi8-u", PI_ENC_KOI8U},
    {"csmacintosh", PI_ENC_MACINTOSH}, {"mac", PI_ENC_MACINTOSH},
    {"macintosh", PI_ENC_MACINTOSH}, {"x-mac-roman", PI_ENC_MACINTOSH},
    {"dos-874", PI_ENC_WIN874}, {"iso-8859-11", PI_ENC_WIN874},
    {"iso8859-11", PI_ENC_WIN874}, {"iso885911", PI_ENC_WIN874}, {"tis-620", PI_ENC_WIN874},
    {"windows-874", PI_ENC_WIN874},
    {"cp1250", PI_ENC_WIN1250}, {"windows-1250", PI_ENC_WIN1250},
    {"x-cp1250", PI_ENC_WIN1250},
    {"cp1251", PI_ENC_WIN1251}, {"windows-1251", PI_ENC_WIN1251},
    {"x-cp1251", PI_ENC_WIN1251},
    {"ansi_x3.4-1968", PI_ENC_WIN1252}, {"ascii", PI_ENC_WIN1252},
    {"cp1252", PI_ENC_WIN1252}, {"cp819", PI_ENC_WIN1252}, {"csisolatin1", PI_ENC_WIN1252},
    {"ibm819", PI_ENC_WIN1252}, {"iso-8859-1", PI_ENC_WIN1252},
    {"iso-ir-100", PI_ENC_WIN1252}, {"iso8859-1", PI_ENC_WIN1252},
    {"iso88591", PI_ENC_WIN1252}, {"iso_8859-1", PI_ENC_WIN1252},
    {"iso_8859-1:1987", PI_ENC_WIN1252}, {"l1", PI_ENC_WIN1252}, {"latin1", PI_ENC_WIN1252},
    {"us-ascii", PI_ENC_WIN1252}, {"windows-1252", PI_ENC_WIN1252},
    {"x-cp1252", PI_ENC_WIN1252}, {"x-user-defined", PI_ENC_WIN1252},
    {"cp1253", PI_ENC_WIN1253}, {"windows-1253", PI_ENC_WIN1253},
    {"x-cp1253", PI_ENC_WIN1253},
    {"cp1254", PI_ENC_WIN1254}, {"csisolatin5", PI_ENC_WIN1254},
    {"iso-8859-9", PI_ENC_WIN1254}, {"iso-ir-148", PI_ENC_WIN1254},
    {"iso8859-9", PI_ENC_WIN1254}, {"iso88599", PI_ENC_WIN1254},
    {"iso_8859-9", PI_ENC_WIN1254}, {"iso_8859-9:1989", PI_ENC_WIN1254},
    {"l5", PI_ENC_WIN1254}, {"latin5", PI_ENC_WIN1254}, {"windows-1254", PI_ENC_WIN1254},
    {"x-cp1254", PI_ENC_WIN1254},
    {"cp1255", PI_ENC_WIN1255}, {"windows-1255", PI_ENC_WIN1255},
    {"x-cp1255", PI_ENC_WIN1255},
    {"cp1256", PI_ENC_WIN1256}, {"windows-1256", PI_ENC_WIN1256},
    {"x-cp1256", PI_ENC_WIN1256},
    {"cp1257", PI_ENC_WIN1257}, {"windows-1257", PI_ENC_WIN1257},
    {"x-cp1257", PI_ENC_WIN1257},
    {"cp1258", PI_ENC_WIN1258}, {"windows-1258", PI_ENC_WIN1258},
    {"x-cp1258", PI_ENC_WIN1258},
    {"x-mac-cyrillic", PI_ENC_XMACCYR}, {"x-mac-ukrainian", PI_ENC_XMACCYR},
    {"chinese", PI_ENC_GBK}, {"csgb2312", PI_ENC_GBK}, {"csiso58gb231280", PI_ENC_GBK},
    {"gb2312", PI_ENC_GBK}, {"gb_2312", PI_ENC_GBK}, {"gb_2312-80", PI_ENC_GBK},
    {"gbk", PI_ENC_GBK}, {"iso-ir-58", PI_ENC_GBK}, {"x-gbk", PI_ENC_GBK},
    {"gb18030", PI_ENC_GB18030},
    {"big5", PI_ENC_BIG5}, {"big5-hkscs", PI_ENC_BIG5}, {"cn-big5", PI_ENC_BIG5},
    {"csbig5", PI_ENC_BIG5}, {"x-x-big5", PI_ENC_BIG5},
    {"cseucpkdfmtjapanese", PI_ENC_EUCJP}, {"euc-jp", PI_ENC_EUCJP},
    {"x-euc-jp", PI_ENC_EUCJP},
    {"csiso2022jp", PI_ENC_ISO2022JP}, {"iso-2022-jp", PI_ENC_ISO2022JP},
    {"csshiftjis", PI_ENC_SJIS}, {"ms932", PI_ENC_SJIS}, {"ms_kanji", PI_ENC_SJIS},
    {"shift-jis", PI_ENC_SJIS}, {"shift_jis", PI_ENC_SJIS}, {"sjis", PI_ENC_SJIS},
    {"windows-31j", PI_ENC_SJIS}, {"x-sjis", PI_ENC_SJIS},
    {"cseuckr", PI_ENC_EUCKR}, {"csksc56011987", PI_ENC_EUCKR}, {"euc-kr", PI_ENC_EUCKR},
    {"iso-ir-149", PI_ENC_EUCKR}, {"korean", PI_ENC_EUCKR},
    {"ks_c_5601-1987", PI_ENC_EUCKR}, {"ks_c_5601-1989", PI_ENC_EUCKR},
    {"ksc5601", PI_ENC_EUCKR}, {"ksc_5601", PI_ENC_EUCKR}, {"windows-949", PI_ENC_EUCKR},
    {"csiso2022kr", PI_ENC_ISO2022KR}, {"iso-2022-kr", PI_ENC_ISO2022KR},
    {"iso-2022-cn", PI_ENC_ISO2022CN}, {"iso-2022-cn-ext", PI_ENC_ISO2022CN},
    {"hz-gb-2312", PI_ENC_HZ},
    {"unicodefffe", PI_ENC_UTF16BE}, {"utf-16be", PI_ENC_UTF16BE},
    {"csunicode", PI_ENC_UTF16LE}, {"iso-10646-ucs-2", PI_ENC_UTF16LE},
    {"ucs-2", PI_ENC_UTF16LE}, {"unicode", PI_ENC_UTF16LE}, {"unicodefeff", PI_ENC_UTF16LE},
    {"utf-16", PI_ENC_UTF16LE}, {"utf-16le", PI_ENC_UTF16LE},
};
/* clang-format on */

int pi_charset_lookup(const char *s, size_t n)
{
    char key[24];
    while (n && pi_is_html_space((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && pi_is_html_space((unsigned char)s[n - 1]))
        n--;
    if (n == 0 || n >= sizeof key)
        return -1;
    for (size_t i = 0; i < n; i++)
        key[i] = (char)pi_lower((unsigned char)s[i]);
    key[n] = '\0';
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(labels[i].label, key) == 0)
            return labels[i].enc;
    return -1;
}

/* ---- Prescan (HTML Standard, "prescan a byte stream") -------------------- */

/* Case-insensitive search for the lowercase word `w` in s[from..n). */
static size_t find_ci(const unsigned char *s, size_t n, size_t from, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = from; i + wl <= n; i++) {
        size_t k = 0;
        while (k < wl && pi_lower(s[i + k]) == (unsigned char)w[k])
            k++;
        if (k == wl)
            return i;
    }
    return (size_t)-1;
}

int pi_charset_from_content(const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        size_t k = find_ci(s, n, i, "charset");
        if (k == (size_t)-1)
            return -1;
        i = k + 7;
        while (i < n && pi_is_html_space(s[i]))
            i++;
        if (i >= n)
            return -1;
        if (s[i] != '=')
            continue;
        i++;
        while (i < n && pi_is_html_space(s[i]))
            i++;
        if (i >= n)
            return -1;
        if (s[i] == '"' || s[i] == '\'') {
            const unsigned char *q = memchr(s + i + 1, s[i], n - i - 1);
            if (!q)
                return -1;
            return pi_charset_lookup((const char *)s + i + 1, (size_t)(q - (s + i + 1)));
        }
        size_t j = i;
        while (j < n && !pi_is_html_space(s[j]) && s[j] != ';')
            j++;
        return pi_charset_lookup((const char *)s + i, j - i);
    }
}

struct attr {
    unsigned char name[16];
    unsigned char value[256];
    size_t nlen, vlen; /* may exceed the buffers: then the name matches nothing */
};

static void put_lower(unsigned char *buf, size_t cap, size_t *len, unsigned c)
{
    if (*len < cap)
        buf[*len] = (unsigned char)pi_lower(c);
    (*len)++;
}

static int attr_is(const struct attr *a, const char *name)
{
    size_t l = strlen(name);
    return a->nlen == l && memcmp(a->name, name, l) == 0;
}

/* "Get an attribute": 1 with an attribute, 0 at '>', -1 when the window
 * ends first (the prescan gives up, as the standard allows). */
static int get_attr(const unsigned char *p, size_t n, size_t *pos, struct attr *a)
{
    size_t i = *pos;
    a->nlen = a->vlen = 0;
    while (i < n && (pi_is_html_space(p[i]) || p[i] == '/'))
        i++;
    if (i >= n)
        return -1;
    if (p[i] == '>') {
        *pos = i;
        return 0;
    }
    for (;; i++) {
        if (i >= n)
            return -1;
        unsigned c = p[i];
        if (c == '=' && a->nlen) {
            i++;
            goto value;
        }
        if (pi_is_html_space(c))
            break;
        if (c == '/' || c == '>') {
            *pos = i;
            return 1;
        }
        put_lower(a->name, sizeof a->name, &a->nlen, c);
    }
    while (i < n && pi_is_html_space(p[i]))
        i++;
    if (i >= n)
        return -1;
    if (p[i] != '=') {
        *pos = i;
        return 1;
    }
    i++;
value:
    while (i < n && pi_is_html_space(p[i]))
        i++;
    if (i >= n)
        return -1;
    if (p[i] == '"' || p[i] == '\'') {
        unsigned q = p[i++];
        for (; i < n; i++) {
            if (p[i] == q) {
                *pos = i + 1;
                return 1;
            }
            put_lower(a->value, sizeof a->value, &a->vlen, p[i]);
        }
        return -1;
    }
    if (p[i] == '>') {
        *pos = i;
        return 1;
    }
    for (; i < n; i++) {
        if (pi_is_html_space(p[i]) || p[i] == '>') {
            *pos = i;
            return 1;
        }
        put_lower(a->value, sizeof a->value, &a->vlen, p[i]);
    }
    return -1;
}

/* The attributes of one <meta>: its encoding, -1 for none, -2 when the
 * window ended inside it. */
static int meta_encoding(const unsigned char *p, size_t n, size_t *pos)
{
    int seen_equiv = 0, seen_content = 0, seen_charset = 0;
    int got_pragma = 0, need_pragma = -1; /* -1: null */
    int charset = -1, charset_set = 0;    /* set: not null (maybe failure) */
    struct attr a;
    int r;
    while ((r = get_attr(p, n, pos, &a)) == 1) {
        if (attr_is(&a, "http-equiv")) {
            if (seen_equiv++)
                continue;
            if (a.vlen == 12 && memcmp(a.value, "content-type", 12) == 0)
                got_pragma = 1;
        } else if (attr_is(&a, "content")) {
            if (seen_content++ || charset_set || a.vlen > sizeof a.value)
                continue;
            int e = pi_charset_from_content(a.value, a.vlen);
            if (e >= 0) {
                charset = e;
                charset_set = 1;
                need_pragma = 1;
            }
        } else if (attr_is(&a, "charset")) {
            if (seen_charset++)
                continue;
            charset = a.vlen <= sizeof a.value ? pi_charset_lookup((const char *)a.value, a.vlen)
                                               : -1;
            charset_set = 1;
            need_pragma = 0;
        }
    }
    if (r < 0)
        return -2;
    if (need_pragma < 0 || (need_pragma == 1 && !got_pragma) || charset < 0)
        return -1;
    /* A page that can declare itself in ASCII bytes is not UTF-16. */
    if (pi_encodings[charset].kind == PI_KIND_UTF16)
        return PI_ENC_UTF8;
    return charset;
}

int pi_charset_prescan(const unsigned char *p, size_t n)
{
    size_t i = 0;
    if (n > PRESCAN_BYTES)
        n = PRESCAN_BYTES;
    while (i < n) {
        if (p[i] != '<') {
            const unsigned char *lt = memchr(p + i, '<', n - i);
            if (!lt)
                return -1;
            i = (size_t)(lt - p);
        }
        size_t rest = n - i;
        if (rest >= 4 && memcmp(p + i, "<!--", 4) == 0) {
            /* "-->" may reuse the dashes of "<!--": "<!-->" is a comment. */
            size_t k = i + 2;
            for (;;) {
                const unsigned char *gt = memchr(p + k, '>', n - k);
                if (!gt)
                    return -1;
                k = (size_t)(gt - p);
                if (k >= i + 4 && p[k - 1] == '-' && p[k - 2] == '-')
                    break;
                k++;
            }
            i = k + 1;
            continue;
        }
        if (rest >= 6 && pi_lower(p[i + 1]) == 'm' && pi_lower(p[i + 2]) == 'e' &&
            pi_lower(p[i + 3]) == 't' && pi_lower(p[i + 4]) == 'a' &&
            (pi_is_html_space(p[i + 5]) || p[i + 5] == '/')) {
            size_t pos = i + 6;
            int e = meta_encoding(p, n, &pos);
            if (e >= 0)
                return e;
            if (e == -2)
                return -1;
            i = pos + 1;
            continue;
        }
        if (rest >= 2 &&
            (pi_is_alpha(p[i + 1]) || (rest >= 3 && p[i + 1] == '/' && pi_is_alpha(p[i + 2])))) {
            size_t pos = i + 1;
            while (pos < n && !pi_is_html_space(p[pos]) && p[pos] != '>')
                pos++;
            struct attr a;
            int r;
            while ((r = get_attr(p, n, &pos, &a)) == 1)
                ;
            if (r < 0)
                return -1;
            i = pos + 1;
            continue;
        }
        if (rest >= 2 && (p[i + 1] == '!' || p[i + 1] == '/' || p[i + 1] == '?')) {
            const unsigned char *gt = memchr(p + i + 2, '>', n - i - 2);
            if (!gt)
                return -1;
            i = (size_t)(gt - p) + 1;
            continue;
        }
        i++;
    }
    return -1;
}

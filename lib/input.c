/* input.c - decide the page's encoding and convert it to clean UTF-8.
 *
 * The decision never lets libxml2 guess (NOTES "Encodings"): we pick one
 * encoding for the whole buffer, convert it ourselves, and dom.c parses the
 * result as UTF-8 with HTML_PARSE_IGNORE_ENC. Conversion and cleaning are
 * one linear pass that writes UTF-8 code point by code point; a second pass
 * normalises to NFC only from the first character that fails the NFC quick
 * check, so NFC pages (nearly all) pay a cached property lookup per
 * non-Latin character and nothing more. */
#include "input.h"
#include "buf.h"
#include "error.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- Tuning ------------------------------------------------------------ */

/* Bytes the <meta> prescan reads. WHATWG says 1024, but browsers honour
 * later metas in the head too (Firefox reloads, Chromium scans the head)
 * and so does libxml2. In the shared corpus 942 of 1086 declarations start
 * in the first 1024 bytes, 1055 in 4096, 1073 in 8192; the ones past 4096
 * all agree with the bytes, which the UTF-8 check or the detector find. */
#define PRESCAN_BYTES 4096

/* ICU's detector costs about 1 ms per 4 KB (NOTES) and is only asked when
 * the page is not UTF-8 and nothing declared a usable encoding. */
#define DETECT_BYTES 16384
/* The detector needs non-ASCII bytes to say anything, and heads are often
 * many KB of ASCII script: the sample starts this far before the first
 * non-ASCII byte. */
#define DETECT_LEAD_IN 512
/* Below this ICU's guess is noise: measured on test pages, right answers
 * score 47 (windows-1251), 71 (windows-1252), 100 (CJK); Latin-1 corpus
 * pages 24-75. Under it we fall back to windows-1252, as browsers do for
 * Western locales. */
#define DETECT_MIN_CONFIDENCE 20
/* Latin alternatives to windows-1252 (ISO-8859-2, windows-1250, -1254)
 * need more: on a short French paragraph ICU says windows-1250 at 25
 * (windows-1252 at 12), while a Polish page that is ISO-8859-2 scores 56.
 * Taking windows-1252 for Central European text loses a few letters; taking
 * windows-1250 for Western text loses as many, and Western pages are the
 * more common undeclared legacy pages. */
#define DETECT_LATIN_MIN_CONFIDENCE 50

/* Declared legacy encodings that the bytes contradict: a page whose bytes
 * form valid multi-byte UTF-8 sequences was saved as UTF-8 whatever the
 * declaration says (templates keep old metas; readability/qq.html declares
 * gb2312 over 7500 UTF-8 bytes). In single-byte text a lead byte followed
 * by continuation bytes is vanishingly rare, so one sequence is enough; in
 * EUC/GBK/Big5/Shift_JIS text about one character in ten happens to be a
 * valid UTF-8 sequence, so a few more are required. Stray invalid bytes
 * are allowed as long as valid sequences outnumber them UTF8_RATIO to 1:
 * genuine CJK legacy pages give 1 valid to between 2.3 (EUC-JP) and 9
 * (EUC-KR) invalid, single-byte pages none valid. */
#define OVERRIDE_MIN_SEQ_SINGLE 1
#define OVERRIDE_MIN_SEQ_MULTI 4
#define UTF8_RATIO 2

/* A declared legacy encoding under which at least this many bytes, and one
 * in MISDECLARED_SHARE of the non-ASCII bytes, fail to decode is checked
 * against the detector, whose answer replaces it when it leaves
 * MISDECLARED_RATIO times fewer bad bytes. A bad byte or two is normal in
 * real pages (a pasted character, a cut-off tail); a steady share means the
 * page was saved in another encoding. GBK text read as Shift_JIS fails on
 * about 6% of its bytes (most GBK pairs are also valid Shift_JIS). */
#define MISDECLARED_MIN_REPLACED 3
#define MISDECLARED_SHARE 100
#define MISDECLARED_RATIO 4

/* BOM-less UTF-16 shows as a zero byte in most code units of ASCII markup;
 * ASCII-compatible HTML has no zero bytes at all. Looked at in this many
 * bytes, and required in at least 1/UTF16_ZERO_SHARE of the units of one
 * parity and under 1/UTF16_OTHER_SHARE of the other. */
#define UTF16_SNIFF_BYTES 1024
#define UTF16_ZERO_SHARE 4
#define UTF16_OTHER_SHARE 16
/* Fewer bytes say nothing: "a\0b\0" is as likely ASCII with NULs. A page
 * of UTF-16 is longer than "<html></html>". */
#define UTF16_MIN_BYTES 32

/* UTF-16 units converted per ICU call (on the stack). */
#define CONVERT_UNITS 4096
/* Bytes normalised per unorm2 call (ICU lengths are int32_t). */
#define NFC_CHUNK 65536
/* Stream-Safe Text Format (UAX #15): after 30 non-starters in a row a
 * CGJ is inserted, which bounds canonical reordering (quadratic in the run
 * length) on "zalgo" text and guarantees normalisation boundaries. */
#define MAX_NONSTARTERS 30

/* ---- Encodings and labels ----------------------------------------------- */

enum kind {
    K_UTF8,
    K_SINGLE, /* ASCII-compatible, one byte per character (ICU) */
    K_TABLE,  /* the same, decoded by our own table */
    K_MULTI,  /* ASCII-compatible multi-byte: EUC, GBK, Big5, Shift_JIS */
    K_7BIT,   /* ISO-2022 and HZ: escape sequences in 7-bit bytes */
    K_UTF16,
    K_UTF32
};

enum {
    E_UTF8, E_IBM866, E_ISO8859_2, E_ISO8859_3, E_ISO8859_4, E_ISO8859_5,
    E_ISO8859_6, E_ISO8859_7, E_ISO8859_8, E_ISO8859_8I, E_ISO8859_10,
    E_ISO8859_13, E_ISO8859_14, E_ISO8859_15, E_ISO8859_16, E_KOI8R, E_KOI8U,
    E_MACINTOSH, E_WIN874, E_WIN1250, E_WIN1251, E_WIN1252, E_WIN1253,
    E_WIN1254, E_WIN1255, E_WIN1256, E_WIN1257, E_WIN1258, E_XMACCYR, E_GBK,
    E_GB18030, E_BIG5, E_EUCJP, E_ISO2022JP, E_SJIS, E_EUCKR, E_ISO2022KR,
    E_ISO2022CN, E_HZ, E_UTF16BE, E_UTF16LE, E_UTF32BE, E_UTF32LE
};

struct encoding {
    const char *name; /* what we report */
    const char *icu;  /* the ICU converter that decodes it like browsers */
    unsigned char kind;
};

/* ICU converter choices where the obvious name decodes less than browsers
 * do: GBK as GB18030 (a superset); Shift_JIS as windows-31j (ibm-943, with
 * the NEC and IBM extensions: ①, ㈱, 髙); EUC-KR as windows-949 (UHC, all
 * 11172 syllables); Big5 as Big5-HKSCS (WHATWG's Big5 is HKSCS). ICU has no
 * ISO-8859-16, and windows-1252 is common enough to decode without ICU. */
static const struct encoding encodings[] = {
    [E_UTF8] = {"UTF-8", "UTF-8", K_UTF8},
    [E_IBM866] = {"IBM866", "ibm-866", K_SINGLE},
    [E_ISO8859_2] = {"ISO-8859-2", "ISO-8859-2", K_SINGLE},
    [E_ISO8859_3] = {"ISO-8859-3", "ISO-8859-3", K_SINGLE},
    [E_ISO8859_4] = {"ISO-8859-4", "ISO-8859-4", K_SINGLE},
    [E_ISO8859_5] = {"ISO-8859-5", "ISO-8859-5", K_SINGLE},
    [E_ISO8859_6] = {"ISO-8859-6", "ISO-8859-6", K_SINGLE},
    [E_ISO8859_7] = {"ISO-8859-7", "ISO-8859-7", K_SINGLE},
    [E_ISO8859_8] = {"ISO-8859-8", "ISO-8859-8", K_SINGLE},
    [E_ISO8859_8I] = {"ISO-8859-8-I", "ISO-8859-8", K_SINGLE},
    [E_ISO8859_10] = {"ISO-8859-10", "ISO-8859-10", K_SINGLE},
    [E_ISO8859_13] = {"ISO-8859-13", "ISO-8859-13", K_SINGLE},
    [E_ISO8859_14] = {"ISO-8859-14", "ISO-8859-14", K_SINGLE},
    [E_ISO8859_15] = {"ISO-8859-15", "ISO-8859-15", K_SINGLE},
    [E_ISO8859_16] = {"ISO-8859-16", NULL, K_TABLE},
    [E_KOI8R] = {"KOI8-R", "KOI8-R", K_SINGLE},
    [E_KOI8U] = {"KOI8-U", "KOI8-U", K_SINGLE},
    [E_MACINTOSH] = {"macintosh", "macintosh", K_SINGLE},
    [E_WIN874] = {"windows-874", "windows-874", K_SINGLE},
    [E_WIN1250] = {"windows-1250", "windows-1250", K_SINGLE},
    [E_WIN1251] = {"windows-1251", "windows-1251", K_SINGLE},
    [E_WIN1252] = {"windows-1252", NULL, K_TABLE},
    [E_WIN1253] = {"windows-1253", "windows-1253", K_SINGLE},
    [E_WIN1254] = {"windows-1254", "windows-1254", K_SINGLE},
    [E_WIN1255] = {"windows-1255", "windows-1255", K_SINGLE},
    [E_WIN1256] = {"windows-1256", "windows-1256", K_SINGLE},
    [E_WIN1257] = {"windows-1257", "windows-1257", K_SINGLE},
    [E_WIN1258] = {"windows-1258", "windows-1258", K_SINGLE},
    [E_XMACCYR] = {"x-mac-cyrillic", "x-mac-cyrillic", K_SINGLE},
    [E_GBK] = {"GBK", "GB18030", K_MULTI},
    [E_GB18030] = {"GB18030", "GB18030", K_MULTI},
    [E_BIG5] = {"Big5", "Big5-HKSCS", K_MULTI},
    [E_EUCJP] = {"EUC-JP", "EUC-JP", K_MULTI},
    [E_ISO2022JP] = {"ISO-2022-JP", "ISO-2022-JP", K_7BIT},
    [E_SJIS] = {"Shift_JIS", "windows-31j", K_MULTI},
    [E_EUCKR] = {"EUC-KR", "windows-949", K_MULTI},
    [E_ISO2022KR] = {"ISO-2022-KR", "ISO-2022-KR", K_7BIT},
    [E_ISO2022CN] = {"ISO-2022-CN", "ISO-2022-CN", K_7BIT},
    [E_HZ] = {"HZ-GB-2312", "HZ", K_7BIT},
    [E_UTF16BE] = {"UTF-16BE", "UTF-16BE", K_UTF16},
    [E_UTF16LE] = {"UTF-16LE", "UTF-16LE", K_UTF16},
    [E_UTF32BE] = {"UTF-32BE", "UTF-32BE", K_UTF32},
    [E_UTF32LE] = {"UTF-32LE", "UTF-32LE", K_UTF32},
};

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
static const struct label labels[] = {
    {"unicode-1-1-utf-8", E_UTF8}, {"unicode11utf8", E_UTF8},
    {"unicode20utf8", E_UTF8}, {"utf-8", E_UTF8}, {"utf8", E_UTF8},
    {"x-unicode20utf8", E_UTF8},
    {"866", E_IBM866}, {"cp866", E_IBM866}, {"csibm866", E_IBM866},
    {"ibm866", E_IBM866},
    {"csisolatin2", E_ISO8859_2}, {"iso-8859-2", E_ISO8859_2},
    {"iso-ir-101", E_ISO8859_2}, {"iso8859-2", E_ISO8859_2},
    {"iso88592", E_ISO8859_2}, {"iso_8859-2", E_ISO8859_2},
    {"iso_8859-2:1987", E_ISO8859_2}, {"l2", E_ISO8859_2},
    {"latin2", E_ISO8859_2},
    {"csisolatin3", E_ISO8859_3}, {"iso-8859-3", E_ISO8859_3},
    {"iso-ir-109", E_ISO8859_3}, {"iso8859-3", E_ISO8859_3},
    {"iso88593", E_ISO8859_3}, {"iso_8859-3", E_ISO8859_3},
    {"iso_8859-3:1988", E_ISO8859_3}, {"l3", E_ISO8859_3},
    {"latin3", E_ISO8859_3},
    {"csisolatin4", E_ISO8859_4}, {"iso-8859-4", E_ISO8859_4},
    {"iso-ir-110", E_ISO8859_4}, {"iso8859-4", E_ISO8859_4},
    {"iso88594", E_ISO8859_4}, {"iso_8859-4", E_ISO8859_4},
    {"iso_8859-4:1988", E_ISO8859_4}, {"l4", E_ISO8859_4},
    {"latin4", E_ISO8859_4},
    {"csisolatincyrillic", E_ISO8859_5}, {"cyrillic", E_ISO8859_5},
    {"iso-8859-5", E_ISO8859_5}, {"iso-ir-144", E_ISO8859_5},
    {"iso8859-5", E_ISO8859_5}, {"iso88595", E_ISO8859_5},
    {"iso_8859-5", E_ISO8859_5}, {"iso_8859-5:1988", E_ISO8859_5},
    {"arabic", E_ISO8859_6}, {"asmo-708", E_ISO8859_6},
    {"csiso88596e", E_ISO8859_6}, {"csiso88596i", E_ISO8859_6},
    {"csisolatinarabic", E_ISO8859_6}, {"ecma-114", E_ISO8859_6},
    {"iso-8859-6", E_ISO8859_6}, {"iso-8859-6-e", E_ISO8859_6},
    {"iso-8859-6-i", E_ISO8859_6}, {"iso-ir-127", E_ISO8859_6},
    {"iso8859-6", E_ISO8859_6}, {"iso88596", E_ISO8859_6},
    {"iso_8859-6", E_ISO8859_6}, {"iso_8859-6:1987", E_ISO8859_6},
    {"csisolatingreek", E_ISO8859_7}, {"ecma-118", E_ISO8859_7},
    {"elot_928", E_ISO8859_7}, {"greek", E_ISO8859_7}, {"greek8", E_ISO8859_7},
    {"iso-8859-7", E_ISO8859_7}, {"iso-ir-126", E_ISO8859_7},
    {"iso8859-7", E_ISO8859_7}, {"iso88597", E_ISO8859_7},
    {"iso_8859-7", E_ISO8859_7}, {"iso_8859-7:1987", E_ISO8859_7},
    {"sun_eu_greek", E_ISO8859_7},
    {"csiso88598e", E_ISO8859_8}, {"csisolatinhebrew", E_ISO8859_8},
    {"hebrew", E_ISO8859_8}, {"iso-8859-8", E_ISO8859_8},
    {"iso-8859-8-e", E_ISO8859_8}, {"iso-ir-138", E_ISO8859_8},
    {"iso8859-8", E_ISO8859_8}, {"iso88598", E_ISO8859_8},
    {"iso_8859-8", E_ISO8859_8}, {"iso_8859-8:1988", E_ISO8859_8},
    {"visual", E_ISO8859_8},
    {"csiso88598i", E_ISO8859_8I}, {"iso-8859-8-i", E_ISO8859_8I},
    {"logical", E_ISO8859_8I},
    {"csisolatin6", E_ISO8859_10}, {"iso-8859-10", E_ISO8859_10},
    {"iso-ir-157", E_ISO8859_10}, {"iso8859-10", E_ISO8859_10},
    {"iso885910", E_ISO8859_10}, {"l6", E_ISO8859_10},
    {"latin6", E_ISO8859_10},
    {"iso-8859-13", E_ISO8859_13}, {"iso8859-13", E_ISO8859_13},
    {"iso885913", E_ISO8859_13},
    {"iso-8859-14", E_ISO8859_14}, {"iso8859-14", E_ISO8859_14},
    {"iso885914", E_ISO8859_14},
    {"csisolatin9", E_ISO8859_15}, {"iso-8859-15", E_ISO8859_15},
    {"iso8859-15", E_ISO8859_15}, {"iso885915", E_ISO8859_15},
    {"iso_8859-15", E_ISO8859_15}, {"l9", E_ISO8859_15},
    {"iso-8859-16", E_ISO8859_16},
    {"cskoi8r", E_KOI8R}, {"koi", E_KOI8R}, {"koi8", E_KOI8R},
    {"koi8-r", E_KOI8R}, {"koi8_r", E_KOI8R},
    {"koi8-ru", E_KOI8U}, {"koi8-u", E_KOI8U},
    {"csmacintosh", E_MACINTOSH}, {"mac", E_MACINTOSH},
    {"macintosh", E_MACINTOSH}, {"x-mac-roman", E_MACINTOSH},
    {"dos-874", E_WIN874}, {"iso-8859-11", E_WIN874},
    {"iso8859-11", E_WIN874}, {"iso885911", E_WIN874}, {"tis-620", E_WIN874},
    {"windows-874", E_WIN874},
    {"cp1250", E_WIN1250}, {"windows-1250", E_WIN1250},
    {"x-cp1250", E_WIN1250},
    {"cp1251", E_WIN1251}, {"windows-1251", E_WIN1251},
    {"x-cp1251", E_WIN1251},
    {"ansi_x3.4-1968", E_WIN1252}, {"ascii", E_WIN1252},
    {"cp1252", E_WIN1252}, {"cp819", E_WIN1252}, {"csisolatin1", E_WIN1252},
    {"ibm819", E_WIN1252}, {"iso-8859-1", E_WIN1252},
    {"iso-ir-100", E_WIN1252}, {"iso8859-1", E_WIN1252},
    {"iso88591", E_WIN1252}, {"iso_8859-1", E_WIN1252},
    {"iso_8859-1:1987", E_WIN1252}, {"l1", E_WIN1252}, {"latin1", E_WIN1252},
    {"us-ascii", E_WIN1252}, {"windows-1252", E_WIN1252},
    {"x-cp1252", E_WIN1252}, {"x-user-defined", E_WIN1252},
    {"cp1253", E_WIN1253}, {"windows-1253", E_WIN1253},
    {"x-cp1253", E_WIN1253},
    {"cp1254", E_WIN1254}, {"csisolatin5", E_WIN1254},
    {"iso-8859-9", E_WIN1254}, {"iso-ir-148", E_WIN1254},
    {"iso8859-9", E_WIN1254}, {"iso88599", E_WIN1254},
    {"iso_8859-9", E_WIN1254}, {"iso_8859-9:1989", E_WIN1254},
    {"l5", E_WIN1254}, {"latin5", E_WIN1254}, {"windows-1254", E_WIN1254},
    {"x-cp1254", E_WIN1254},
    {"cp1255", E_WIN1255}, {"windows-1255", E_WIN1255},
    {"x-cp1255", E_WIN1255},
    {"cp1256", E_WIN1256}, {"windows-1256", E_WIN1256},
    {"x-cp1256", E_WIN1256},
    {"cp1257", E_WIN1257}, {"windows-1257", E_WIN1257},
    {"x-cp1257", E_WIN1257},
    {"cp1258", E_WIN1258}, {"windows-1258", E_WIN1258},
    {"x-cp1258", E_WIN1258},
    {"x-mac-cyrillic", E_XMACCYR}, {"x-mac-ukrainian", E_XMACCYR},
    {"chinese", E_GBK}, {"csgb2312", E_GBK}, {"csiso58gb231280", E_GBK},
    {"gb2312", E_GBK}, {"gb_2312", E_GBK}, {"gb_2312-80", E_GBK},
    {"gbk", E_GBK}, {"iso-ir-58", E_GBK}, {"x-gbk", E_GBK},
    {"gb18030", E_GB18030},
    {"big5", E_BIG5}, {"big5-hkscs", E_BIG5}, {"cn-big5", E_BIG5},
    {"csbig5", E_BIG5}, {"x-x-big5", E_BIG5},
    {"cseucpkdfmtjapanese", E_EUCJP}, {"euc-jp", E_EUCJP},
    {"x-euc-jp", E_EUCJP},
    {"csiso2022jp", E_ISO2022JP}, {"iso-2022-jp", E_ISO2022JP},
    {"csshiftjis", E_SJIS}, {"ms932", E_SJIS}, {"ms_kanji", E_SJIS},
    {"shift-jis", E_SJIS}, {"shift_jis", E_SJIS}, {"sjis", E_SJIS},
    {"windows-31j", E_SJIS}, {"x-sjis", E_SJIS},
    {"cseuckr", E_EUCKR}, {"csksc56011987", E_EUCKR}, {"euc-kr", E_EUCKR},
    {"iso-ir-149", E_EUCKR}, {"korean", E_EUCKR},
    {"ks_c_5601-1987", E_EUCKR}, {"ks_c_5601-1989", E_EUCKR},
    {"ksc5601", E_EUCKR}, {"ksc_5601", E_EUCKR}, {"windows-949", E_EUCKR},
    {"csiso2022kr", E_ISO2022KR}, {"iso-2022-kr", E_ISO2022KR},
    {"iso-2022-cn", E_ISO2022CN}, {"iso-2022-cn-ext", E_ISO2022CN},
    {"hz-gb-2312", E_HZ},
    {"unicodefffe", E_UTF16BE}, {"utf-16be", E_UTF16BE},
    {"csunicode", E_UTF16LE}, {"iso-10646-ucs-2", E_UTF16LE},
    {"ucs-2", E_UTF16LE}, {"unicode", E_UTF16LE}, {"unicodefeff", E_UTF16LE},
    {"utf-16", E_UTF16LE}, {"utf-16le", E_UTF16LE},
};

/* windows-1252 0x80-0x9F (WHATWG index; 0xA0-0xFF are Latin-1). The five
 * holes map to C1 controls, as in browsers; the cleaner drops them. */
static const uint16_t win1252_80[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/* ISO-8859-16 0xA0-0xFF (0x80-0x9F are C1 controls). */
static const uint16_t iso8859_16_a0[96] = {
    0x00A0, 0x0104, 0x0105, 0x0141, 0x20AC, 0x201E, 0x0160, 0x00A7,
    0x0161, 0x00A9, 0x0218, 0x00AB, 0x0179, 0x00AD, 0x017A, 0x017B,
    0x00B0, 0x00B1, 0x010C, 0x0142, 0x017D, 0x201D, 0x00B6, 0x00B7,
    0x017E, 0x010D, 0x0219, 0x00BB, 0x0152, 0x0153, 0x0178, 0x017C,
    0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0106, 0x00C6, 0x00C7,
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
    0x0110, 0x0143, 0x00D2, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x015A,
    0x0170, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x0118, 0x021A, 0x00DF,
    0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x0107, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
    0x0111, 0x0144, 0x00F2, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x015B,
    0x0171, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x0119, 0x021B, 0x00FF,
};

/* ICU's Big5-HKSCS (ibm-1375) leaves these HKSCS-2008 characters in the
 * private use area; WHATWG's Big5 index, like later Unicode, has them (four
 * as a letter and a combining mark). Sorted by the PUA code point. */
static const struct {
    uint16_t pua;
    uint16_t cp[2];
} big5_pua[] = {
    {0xF303, {0x31C0, 0}}, {0xF304, {0x31C1, 0}}, {0xF305, {0x31C2, 0}},
    {0xF306, {0x31C3, 0}}, {0xF307, {0x31C4, 0}}, {0xF309, {0x31C5, 0}},
    {0xF30C, {0x31C6, 0}}, {0xF30D, {0x31C7, 0}}, {0xF310, {0x31C8, 0}},
    {0xF312, {0x31C9, 0}}, {0xF313, {0x31CA, 0}}, {0xF314, {0x31CB, 0}},
    {0xF315, {0x31CC, 0}}, {0xF317, {0x31CD, 0}}, {0xF318, {0x31CE, 0}},
    {0xF325, {0x00CA, 0x0304}}, {0xF327, {0x00CA, 0x030C}},
    {0xF344, {0x00EA, 0x0304}}, {0xF346, {0x00EA, 0x030C}},
    {0xF34A, {0x23DA, 0}}, {0xF34B, {0x23DB, 0}}, {0xF57A, {0x9FA6, 0}},
    {0xF5A4, {0x9FA7, 0}}, {0xF5AB, {0x9FA8, 0}}, {0xF5CC, {0x9FA9, 0}},
    {0xF5CE, {0x9FAA, 0}}, {0xF5D0, {0x9FAB, 0}}, {0xF5D5, {0x9FAC, 0}},
    {0xF5EC, {0x9FAD, 0}}, {0xF5ED, {0x9FAE, 0}}, {0xF5EF, {0x9FAF, 0}},
    {0xF602, {0x9FB2, 0}}, {0xF61C, {0x9FB3, 0}}, {0xF7E5, {0x31CF, 0}},
    {0xF7EB, {0x9FB0, 0}}, {0xF7ED, {0x9FB1, 0}},
};

static int is_space(unsigned c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static unsigned lower(unsigned c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* WHATWG "get an encoding": the index in encodings[], or -1. */
static int lookup(const char *s, size_t n)
{
    char key[24];
    while (n && is_space((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && is_space((unsigned char)s[n - 1]))
        n--;
    if (n == 0 || n >= sizeof key)
        return -1;
    for (size_t i = 0; i < n; i++)
        key[i] = (char)lower((unsigned char)s[i]);
    key[n] = '\0';
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(labels[i].label, key) == 0)
            return labels[i].enc;
    return -1;
}

const char *pi_input_label(const char *label)
{
    int e = label ? lookup(label, strlen(label)) : -1;
    return e < 0 ? NULL : encodings[e].name;
}

/* ---- Prescan (HTML Standard, "prescan a byte stream") -------------------- */

/* Case-insensitive search for the lowercase word `w` in s[from..n). */
static size_t find_ci(const unsigned char *s, size_t n, size_t from, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = from; i + wl <= n; i++) {
        size_t k = 0;
        while (k < wl && lower(s[i + k]) == (unsigned char)w[k])
            k++;
        if (k == wl)
            return i;
    }
    return (size_t)-1;
}

/* "Extract a character encoding from a meta element" (also used for a
 * Content-Type hint): the encoding after "charset=", or -1. */
static int charset_from_content(const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        size_t k = find_ci(s, n, i, "charset");
        if (k == (size_t)-1)
            return -1;
        i = k + 7;
        while (i < n && is_space(s[i]))
            i++;
        if (i >= n)
            return -1;
        if (s[i] != '=')
            continue;
        i++;
        while (i < n && is_space(s[i]))
            i++;
        if (i >= n)
            return -1;
        if (s[i] == '"' || s[i] == '\'') {
            const unsigned char *q = memchr(s + i + 1, s[i], n - i - 1);
            if (!q)
                return -1;
            return lookup((const char *)s + i + 1, (size_t)(q - (s + i + 1)));
        }
        size_t j = i;
        while (j < n && !is_space(s[j]) && s[j] != ';')
            j++;
        return lookup((const char *)s + i, j - i);
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
        buf[*len] = (unsigned char)lower(c);
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
    while (i < n && (is_space(p[i]) || p[i] == '/'))
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
        if (is_space(c))
            break;
        if (c == '/' || c == '>') {
            *pos = i;
            return 1;
        }
        put_lower(a->name, sizeof a->name, &a->nlen, c);
    }
    while (i < n && is_space(p[i]))
        i++;
    if (i >= n)
        return -1;
    if (p[i] != '=') {
        *pos = i;
        return 1;
    }
    i++;
value:
    while (i < n && is_space(p[i]))
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
        if (is_space(p[i]) || p[i] == '>') {
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
            int e = charset_from_content(a.value, a.vlen);
            if (e >= 0) {
                charset = e;
                charset_set = 1;
                need_pragma = 1;
            }
        } else if (attr_is(&a, "charset")) {
            if (seen_charset++)
                continue;
            charset = a.vlen <= sizeof a.value
                          ? lookup((const char *)a.value, a.vlen)
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
    if (encodings[charset].kind == K_UTF16)
        return E_UTF8;
    return charset;
}

static int is_alpha(unsigned c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static int prescan(const unsigned char *p, size_t n)
{
    size_t i = 0;
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
        if (rest >= 6 && lower(p[i + 1]) == 'm' && lower(p[i + 2]) == 'e' &&
            lower(p[i + 3]) == 't' && lower(p[i + 4]) == 'a' &&
            (is_space(p[i + 5]) || p[i + 5] == '/')) {
            size_t pos = i + 6;
            int e = meta_encoding(p, n, &pos);
            if (e >= 0)
                return e;
            if (e == -2)
                return -1;
            i = pos + 1;
            continue;
        }
        if (rest >= 2 && (is_alpha(p[i + 1]) ||
                          (rest >= 3 && p[i + 1] == '/' && is_alpha(p[i + 2])))) {
            size_t pos = i + 1;
            while (pos < n && !is_space(p[pos]) && p[pos] != '>')
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

const char *pi_input_prescan(const char *bytes, size_t len)
{
    if (!bytes)
        return NULL;
    int e = prescan((const unsigned char *)bytes, len < PRESCAN_BYTES ? len : PRESCAN_BYTES);
    return e < 0 ? NULL : encodings[e].name;
}

/* ---- Evidence from the bytes -------------------------------------------- */

/* One UTF-8 sequence at p: its length, with *cp the code point, or -1 when
 * it is invalid (the length is then that of its maximal subpart, which
 * becomes one U+FFFD as in the WHATWG decoder), or -2 when it is a valid
 * prefix cut by the end of the buffer. */
static size_t utf8_next(const unsigned char *p, const unsigned char *end, int32_t *cp)
{
    unsigned b = p[0];
    unsigned lo = 0x80, hi = 0xBF;
    int32_t c;
    size_t need;
    if (b < 0x80) {
        *cp = (int32_t)b;
        return 1;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
        c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        c = b & 0x0F;
        if (b == 0xE0)
            lo = 0xA0; /* overlong */
        else if (b == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        c = b & 0x07;
        if (b == 0xF0)
            lo = 0x90; /* overlong */
        else if (b == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
    } else {
        *cp = -1;
        return 1;
    }
    for (size_t i = 1; i <= need; i++) {
        if (p + i >= end) {
            *cp = -2;
            return i;
        }
        unsigned t = p[i];
        if (t < lo || t > hi) {
            *cp = -1;
            return i;
        }
        lo = 0x80;
        hi = 0xBF;
        c = (c << 6) | (int32_t)(t & 0x3F);
    }
    *cp = c;
    return need + 1;
}

/* Bytes below 0x80 from p, eight at a time. */
static size_t ascii_run(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull)
            break;
        i += 8;
    }
    while (i < n && p[i] < 0x80)
        i++;
    return i;
}

struct u8stats {
    size_t high;       /* bytes >= 0x80 */
    size_t seqs;       /* valid multi-byte sequences */
    size_t invalid;    /* invalid sequences, not counting a cut-off tail */
    size_t first_high; /* offset of the first byte >= 0x80, or len */
};

/* Count p[i..n) into st, which holds the counts of p[0..i) (first_high
 * SIZE_MAX if none yet); i is at a character boundary. */
static void utf8_scan(const unsigned char *p, size_t n, size_t i, struct u8stats *st)
{
    const unsigned char *end = p + n;
    i += ascii_run(p + i, n - i);
    if (st->first_high == SIZE_MAX)
        st->first_high = i;
    while (i < n) {
        int32_t c;
        size_t l = utf8_next(p + i, end, &c);
        st->high += l;
        if (c >= 0)
            st->seqs++;
        else if (c == -1)
            st->invalid++;
        i += l;
        i += ascii_run(p + i, n - i);
    }
}

static int looks_utf8(const struct u8stats *st, size_t min_seqs, size_t ratio)
{
    if (st->invalid == 0)
        return st->seqs >= min_seqs;
    return st->seqs >= min_seqs && st->seqs >= ratio * st->invalid;
}

/* E_UTF16LE or E_UTF16BE when the zero bytes of the first bytes say so. */
static int utf16_layout(const unsigned char *p, size_t n)
{
    if (n > UTF16_SNIFF_BYTES)
        n = UTF16_SNIFF_BYTES;
    size_t units = n / 2, even = 0, odd = 0;
    if (n < UTF16_MIN_BYTES)
        return -1;
    for (size_t i = 0; i + 1 < n; i += 2) {
        even += p[i] == 0;
        odd += p[i + 1] == 0;
    }
    if (odd * UTF16_ZERO_SHARE >= units && even * UTF16_OTHER_SHARE < units)
        return E_UTF16LE;
    if (even * UTF16_ZERO_SHARE >= units && odd * UTF16_OTHER_SHARE < units)
        return E_UTF16BE;
    return -1;
}

static int bom(const unsigned char *p, size_t n, size_t *skip)
{
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        *skip = 3;
        return E_UTF8;
    }
    /* UTF-32LE before UTF-16LE: FF FE 00 00 would otherwise be UTF-16 with
     * a leading NUL, which no HTML page starts with. */
    if (n >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) {
        *skip = 4;
        return E_UTF32LE;
    }
    if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) {
        *skip = 4;
        return E_UTF32BE;
    }
    if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        *skip = 2;
        return E_UTF16LE;
    }
    if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        *skip = 2;
        return E_UTF16BE;
    }
    return -1;
}

/* Single-byte encodings for Latin-script languages other than windows-1252. */
static int latin_alternative(int enc)
{
    switch (enc) {
    case E_ISO8859_2: case E_ISO8859_3: case E_ISO8859_4: case E_ISO8859_10:
    case E_ISO8859_13: case E_ISO8859_14: case E_ISO8859_15: case E_ISO8859_16:
    case E_WIN1250: case E_WIN1254: case E_WIN1257: case E_WIN1258: case E_MACINTOSH:
        return 1;
    default:
        return 0;
    }
}

static int icu_err(UErrorCode e)
{
    return e == U_MEMORY_ALLOCATION_ERROR ? PI_ENOMEM : PI_EENCODING;
}

/* ICU's detector on a sample around the first non-ASCII byte; *enc is -1
 * when no acceptable guess reaches the threshold. UTF-8 guesses are left
 * to our whole-buffer count (ICU sees 16 KB), UTF-16/32 guesses without a
 * BOM are wrong on ASCII-heavy pages (NOTES), EBCDIC guesses have no label. */
static int detect(const unsigned char *p, size_t n, size_t first_high, int *enc)
{
    size_t start = 0;
    *enc = -1;
    if (first_high > DETECT_LEAD_IN) {
        start = first_high - DETECT_LEAD_IN;
        /* Start after a '>' so that the input filter does not see half a tag. */
        const unsigned char *gt = memchr(p + start, '>', first_high - start);
        if (gt)
            start = (size_t)(gt - p) + 1;
    }
    size_t len = n - start;
    if (len > DETECT_BYTES)
        len = DETECT_BYTES;
    UErrorCode e = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&e);
    if (U_FAILURE(e))
        return icu_err(e);
    ucsdet_enableInputFilter(d, 1);
    ucsdet_setText(d, (const char *)p + start, (int32_t)len, &e);
    int32_t count = 0;
    const UCharsetMatch **m = ucsdet_detectAll(d, &count, &e);
    if (U_FAILURE(e)) {
        ucsdet_close(d);
        return e == U_MEMORY_ALLOCATION_ERROR ? PI_ENOMEM : PI_OK;
    }
    for (int32_t i = 0; i < count; i++) {
        UErrorCode e2 = U_ZERO_ERROR;
        int32_t conf = ucsdet_getConfidence(m[i], &e2);
        const char *name = ucsdet_getName(m[i], &e2);
        if (U_FAILURE(e2) || conf < DETECT_MIN_CONFIDENCE)
            break; /* sorted by confidence */
        int x = lookup(name, strlen(name));
        if (x < 0 || x == E_UTF8 || encodings[x].kind == K_UTF16 ||
            encodings[x].kind == K_UTF32)
            continue;
        if (latin_alternative(x) && conf < DETECT_LATIN_MIN_CONFIDENCE)
            continue;
        *enc = x;
        break;
    }
    ucsdet_close(d);
    return PI_OK;
}

/* ---- Output: cleaning sink ------------------------------------------------ */

/* Which code points of a 64-code-point block are NFC-inert for our purpose
 * (canonical combining class 0 and NFC quick check "yes"): a small cache
 * per call, since a page uses a few blocks of its script and two ICU
 * property lookups per character would cost as much as parsing. */
#define NFC_CACHE 8

typedef struct sink {
    pi_buf b;
    size_t dirty; /* output offset of the first character failing the NFC
                     quick check, or SIZE_MAX */
    int last_ccc;
    int nonstarters;
    size_t replaced;
    const UNormalizer2 *nfc;
    int32_t block[NFC_CACHE];
    uint64_t inert[NFC_CACHE];
    unsigned next;
} sink;

static int sink_init(sink *s)
{
    UErrorCode e = U_ZERO_ERROR;
    memset(s, 0, sizeof *s);
    pi_buf_init(&s->b);
    s->dirty = SIZE_MAX;
    for (int i = 0; i < NFC_CACHE; i++)
        s->block[i] = -1;
    s->nfc = unorm2_getNFCInstance(&e);
    return U_FAILURE(e) ? icu_err(e) : PI_OK;
}

/* Ranges of letters that are all inert, checked against ICU by
 * test_input: CJK ideographs (with extensions A and B) and Hangul
 * syllables. */
static int inert_range(int32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF);
}

static int inert(sink *s, int32_t c)
{
    if (inert_range(c))
        return 1;
    int32_t b = c >> 6;
    unsigned i;
    for (i = 0; i < NFC_CACHE; i++)
        if (s->block[i] == b)
            return (int)((s->inert[i] >> (c & 63)) & 1);
    i = s->next++ % NFC_CACHE;
    s->block[i] = b;
    s->inert[i] = 0;
    for (int k = 0; k < 64; k++) {
        UChar32 x = (b << 6) | k;
        if (unorm2_getCombiningClass(s->nfc, x) == 0 &&
            u_getIntPropertyValue(x, UCHAR_NFC_QUICK_CHECK) == UNORM_YES)
            s->inert[i] |= (uint64_t)1 << k;
    }
    return (int)((s->inert[i] >> (c & 63)) & 1);
}

static inline char *put_utf8(char *w, int32_t c)
{
    if (c < 0x80) {
        *w++ = (char)c;
    } else if (c < 0x800) {
        *w++ = (char)(0xC0 | (c >> 6));
        *w++ = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *w++ = (char)(0xE0 | (c >> 12));
        *w++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *w++ = (char)(0x80 | (c & 0x3F));
    } else {
        *w++ = (char)(0xF0 | (c >> 18));
        *w++ = (char)(0x80 | ((c >> 12) & 0x3F));
        *w++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *w++ = (char)(0x80 | (c & 0x3F));
    }
    return w;
}

/* Bytes one emit() may write: a CGJ and a 4-byte character. */
#define EMIT_MAX 7

/* Write one scalar value with the cleaning rules; the caller reserved
 * EMIT_MAX bytes at w, which is at output offset `at`. */
static inline char *emit_at(sink *s, char *w, size_t at, int32_t c)
{
    char *w0 = w;
    if (c < 0x80) {
        /* C0 controls are not text; TAB, LF and CR are whitespace. FF is
         * whitespace too (a page break in <pre> text), but libxml2 2.9.14
         * drops it from text nodes and would join the words around it. */
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') ||
            c == 0x7F)
            return w;
        *w++ = c == '\f' ? '\n' : (char)c;
        s->last_ccc = s->nonstarters = 0;
        return w;
    }
    if (c < 0xA0) {
        /* NEL is a line break; other C1 controls only come from mislabelled
         * or broken text and print nothing. */
        if (c == 0x85) {
            *w++ = '\n';
            s->last_ccc = s->nonstarters = 0;
        }
        return w;
    }
    switch (c) {
    case 0x00AD: /* soft hyphen: invisible, splits words for search */
    case 0x200B: /* zero width space */
    case 0x2060: /* word joiner */
    case 0xFEFF: /* BOM / zero width no-break space inside text */
        return w;
    case 0x2028: /* line separator */
    case 0x2029: /* paragraph separator */
        *w++ = '\n';
        s->last_ccc = s->nonstarters = 0;
        return w;
    default:
        break;
    }
    /* Noncharacters: never text, and libxml2 rejects U+FFFE and U+FFFF. */
    if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF))
        return w;
    if (c < 0x300) {
        /* No character below U+0300 has a combining class, fails the NFC
         * quick check or composes with what precedes it. */
        s->last_ccc = s->nonstarters = 0;
        return put_utf8(w, c);
    }
    if (inert(s, c)) {
        s->last_ccc = s->nonstarters = 0;
        return put_utf8(w, c);
    }
    int ccc = unorm2_getCombiningClass(s->nfc, c);
    if (ccc) {
        if (++s->nonstarters > MAX_NONSTARTERS) {
            w = put_utf8(w, 0x034F);
            s->nonstarters = 1;
            s->last_ccc = 0;
        }
        if (ccc < s->last_ccc && s->dirty == SIZE_MAX)
            s->dirty = at + (size_t)(w - w0);
    } else {
        s->nonstarters = 0;
    }
    if (s->dirty == SIZE_MAX &&
        u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES)
        s->dirty = at + (size_t)(w - w0);
    s->last_ccc = ccc;
    return put_utf8(w, c);
}

static inline char *emit(sink *s, char *w, int32_t c)
{
    return emit_at(s, w, (size_t)(w - s->b.data), c);
}

static char *emit_bad(sink *s, char *w)
{
    s->replaced++;
    return emit(s, w, 0xFFFD);
}

/* Bytes of w that are zero, as their high bit; exact per byte (no carry
 * crosses bytes). */
static inline uint64_t zero_bytes(uint64_t w)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
    return ~(((w & low7) + low7) | w) & ~low7;
}

/* ASCII bytes the cleaning keeps as they are: 0x20-0x7E, TAB, LF, CR. */
static int kept_ascii(unsigned b)
{
    return (b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n' || b == '\r';
}

/* Length of the run of kept_ascii() bytes at p, sixteen bytes at a time
 * with SSE2 (every x86-64 has it), else eight. */
static size_t ascii_kept_run(const unsigned char *p, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, low7 = 0x7F7F7F7F7F7F7F7Full;
    size_t i = 0;
#ifdef __SSE2__
    const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F),
                  tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        /* Signed: bytes of 0x80 and up are negative, below 0x20 too. */
        __m128i odd = _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del));
        __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)),
                                  _mm_cmpeq_epi8(v, cr));
        if (_mm_movemask_epi8(_mm_andnot_si128(ws, odd)))
            break;
        i += 16;
    }
#endif
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        uint64_t l = w & low7;
        /* High bit of the bytes of 0x7F and up; of those below 0x20. */
        uint64_t odd = (w | (l + ones)) & ~low7;
        uint64_t ctl = ~(l + 0x60 * ones) & ~w & ~low7;
        if (ctl)
            ctl &= ~(zero_bytes(w ^ ('\t' * ones)) | zero_bytes(w ^ ('\n' * ones)) |
                     zero_bytes(w ^ ('\r' * ones)));
        if (odd | ctl)
            break;
        i += 8;
    }
    while (i < n && kept_ascii(p[i]))
        i++;
    return i;
}

/* How many bytes of the UTF-8 input p the cleaning rules keep unchanged
 * from the start, updating the sink's state (NFC dirty offset, non-starter
 * run) as emit() would for them, and counting them into st (if not NULL)
 * as utf8_scan() would. Most pages are kept whole: they can then be parsed
 * where they are, without a copy. */
static size_t clean_prefix(sink *s, const unsigned char *p, size_t n, struct u8stats *st)
{
    const unsigned char *end = p + n;
    size_t i = 0;
    while (i < n) {
        size_t r = i + ascii_kept_run(p + i, n - i);
        if (r > i) {
            i = r;
            s->last_ccc = s->nonstarters = 0;
            continue;
        }
        if (p[i] < 0x80)
            return i;
        int32_t c;
        size_t l = utf8_next(p + i, end, &c);
        if (c < 0)
            return i;
        /* Output equals input at the same offset so far: emit() the
         * character aside and compare, restoring the state when it differs
         * (the copying loop then emits it again). */
        char tmp[EMIT_MAX];
        int last_ccc = s->last_ccc, nonstarters = s->nonstarters;
        size_t dirty = s->dirty;
        char *w = emit_at(s, tmp, i, c);
        if ((size_t)(w - tmp) != l || memcmp(tmp, p + i, l) != 0) {
            s->last_ccc = last_ccc;
            s->nonstarters = nonstarters;
            s->dirty = dirty;
            return i;
        }
        if (st) {
            if (st->first_high == SIZE_MAX)
                st->first_high = i;
            st->high += l;
            st->seqs++;
        }
        i += l;
    }
    return n;
}

/* UTF-8 input: validate, replace and clean in one pass, in blocks so that
 * the output is reserved once per block (an invalid byte becomes three).
 * The first `i` bytes are kept as they are (clean_prefix). */
static int from_utf8(sink *s, const unsigned char *p, size_t n, size_t i)
{
    const unsigned char *end = p + n;
    pi_buf_put(&s->b, (const char *)p, i);
    if (s->b.oom)
        return PI_ENOMEM;
    while (i < n) {
        size_t block = n - i < 65536 ? n - i : 65536;
        if (pi_buf_reserve(&s->b, 3 * block + 4 * EMIT_MAX))
            return PI_ENOMEM;
        char *w = s->b.data + s->b.len;
        size_t stop = i + block;
        while (i < stop) {
            size_t r = i + ascii_kept_run(p + i, stop - i);
            if (r > i) {
                memcpy(w, p + i, r - i);
                w += r - i;
                i = r;
                s->last_ccc = s->nonstarters = 0;
                continue;
            }
            int32_t c;
            size_t l = utf8_next(p + i, end, &c);
            i += l;
            w = c < 0 ? emit_bad(s, w) : emit(s, w, c);
        }
        s->b.len = (size_t)(w - s->b.data);
        s->b.data[s->b.len] = '\0';
    }
    return PI_OK;
}

/* Own single-byte tables (windows-1252, ISO-8859-16). */
static int from_table(sink *s, int enc, const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t block = n - i < 65536 ? n - i : 65536;
        if (pi_buf_reserve(&s->b, 4 * block + EMIT_MAX))
            return PI_ENOMEM;
        char *w = s->b.data + s->b.len;
        for (size_t stop = i + block; i < stop; i++) {
            unsigned b = p[i];
            int32_t c = (int32_t)b;
            if (b >= 0xA0 && enc == E_ISO8859_16)
                c = iso8859_16_a0[b - 0xA0];
            else if (b >= 0x80 && b < 0xA0 && enc == E_WIN1252)
                c = win1252_80[b - 0x80];
            w = emit(s, w, c);
        }
        s->b.len = (size_t)(w - s->b.data);
        s->b.data[s->b.len] = '\0';
    }
    return PI_OK;
}

/* ICU's substitute callback writes U+001A for single-byte charsets; we want
 * U+FFFD everywhere, and a count. */
static void U_CALLCONV to_u_fffd(const void *context, UConverterToUnicodeArgs *args,
                                 const char *units, int32_t length,
                                 UConverterCallbackReason reason, UErrorCode *err)
{
    static const UChar fffd = 0xFFFD;
    (void)units;
    (void)length;
    if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR)
        return;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &fffd, 1, 0, err);
    (*(size_t *)(uintptr_t)context)++;
}

/* The big5_pua entry for u, or -1. */
static int big5_remap(UChar u)
{
    size_t lo = 0, hi = sizeof big5_pua / sizeof big5_pua[0];
    if (u < 0xF303 || u > 0xF7ED)
        return -1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (big5_pua[mid].pua == u)
            return (int)mid;
        if (big5_pua[mid].pua < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static int from_icu(sink *s, int enc, const unsigned char *p, size_t n)
{
    const char *name = encodings[enc].icu;
    UErrorCode e = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(name, &e);
    if (U_FAILURE(e))
        return icu_err(e);
    ucnv_setToUCallBack(cnv, to_u_fffd, &s->replaced, NULL, NULL, &e);
    if (U_FAILURE(e)) {
        ucnv_close(cnv);
        return icu_err(e);
    }
    UChar units[CONVERT_UNITS];
    const char *src = (const char *)p, *src_end = src + n;
    UChar lead = 0; /* a lead surrogate waiting for the next batch */
    int err = PI_OK;
    for (;;) {
        UChar *t = units;
        e = U_ZERO_ERROR;
        ucnv_toUnicode(cnv, &t, units + CONVERT_UNITS, &src, src_end, NULL, 1, &e);
        size_t got = (size_t)(t - units);
        if (pi_buf_reserve(&s->b, 4 * got + 2 * EMIT_MAX)) {
            err = PI_ENOMEM;
            break;
        }
        char *w = s->b.data + s->b.len;
        for (size_t i = 0; i < got; i++) {
            UChar u = units[i];
            if (lead) {
                if (U16_IS_TRAIL(u)) {
                    w = emit(s, w, (int32_t)U16_GET_SUPPLEMENTARY(lead, u));
                    lead = 0;
                    continue;
                }
                w = emit_bad(s, w);
                lead = 0;
            }
            int k;
            if (u >= 0x20 && u < 0x7F) {
                *w++ = (char)u;
                s->last_ccc = s->nonstarters = 0;
            } else if (enc == E_BIG5 && (k = big5_remap(u)) >= 0) {
                w = emit(s, w, big5_pua[k].cp[0]);
                if (big5_pua[k].cp[1])
                    w = emit(s, w, big5_pua[k].cp[1]);
            } else if (U16_IS_LEAD(u))
                lead = u;
            else if (U16_IS_TRAIL(u))
                w = emit_bad(s, w);
            else
                w = emit(s, w, u);
        }
        s->b.len = (size_t)(w - s->b.data);
        s->b.data[s->b.len] = '\0';
        if (e == U_BUFFER_OVERFLOW_ERROR)
            continue;
        if (U_FAILURE(e))
            err = icu_err(e);
        break;
    }
    if (!err && lead) {
        if (pi_buf_reserve(&s->b, EMIT_MAX))
            err = PI_ENOMEM;
        else {
            s->b.len = (size_t)(emit_bad(s, s->b.data + s->b.len) - s->b.data);
            s->b.data[s->b.len] = '\0';
        }
    }
    ucnv_close(cnv);
    return err;
}

/* ---- NFC ------------------------------------------------------------------ */

/* End of the chunk that starts at pos: just before an ASCII byte (always a
 * normalisation boundary), else before a character with a boundary. */
static size_t nfc_chunk_end(const UNormalizer2 *nfc, const char *d, size_t n, size_t pos)
{
    if (n - pos <= NFC_CHUNK)
        return n;
    size_t end = pos + NFC_CHUNK;
    for (size_t k = end; k > pos + NFC_CHUNK / 2; k--)
        if ((unsigned char)d[k] < 0x80)
            return k;
    for (size_t k = end; k > pos + NFC_CHUNK / 2; k--) {
        if (((unsigned char)d[k] & 0xC0) == 0x80)
            continue;
        int32_t c;
        utf8_next((const unsigned char *)d + k, (const unsigned char *)d + n, &c);
        if (c >= 0 && unorm2_hasBoundaryBefore(nfc, c))
            return k;
    }
    while (((unsigned char)d[end] & 0xC0) == 0x80)
        end++;
    return end;
}

static int grow_units(UChar **u, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0;
    UChar *p = realloc(*u, need * sizeof **u);
    if (!p)
        return -1;
    *u = p;
    *cap = need;
    return 0;
}

/* Normalise the cleaned text d[0..n) (s->b, or the input itself when it
 * was kept whole) to NFC from s->dirty on, into a new s->b. An ICU failure
 * other than memory leaves the text as it is: valid UTF-8, merely not
 * normalised. */
static int nfc_pass(sink *s, const char *d, size_t n)
{
    if (s->dirty == SIZE_MAX)
        return PI_OK;
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *nfc = s->nfc;
    size_t start = s->dirty;
    while (start > 0 && (unsigned char)d[start] >= 0x80)
        start--;

    pi_buf out;
    pi_buf_init(&out);
    pi_buf_reserve(&out, n + n / 8);
    pi_buf_put(&out, d, start);
    UChar *u = NULL, *v = NULL;
    size_t ucap = 0, vcap = 0;
    int err = PI_OK;
    for (size_t pos = start; pos < n && !out.oom;) {
        size_t end = nfc_chunk_end(nfc, d, n, pos);
        int32_t ulen = 0, vlen = 0, blen = 0;
        if (grow_units(&u, &ucap, end - pos + 1)) {
            err = PI_ENOMEM;
            break;
        }
        e = U_ZERO_ERROR;
        u_strFromUTF8(u, (int32_t)ucap, &ulen, d + pos, (int32_t)(end - pos), &e);
        if (U_FAILURE(e))
            goto icu_failed;
        if (unorm2_spanQuickCheckYes(nfc, u, ulen, &e) == ulen && U_SUCCESS(e)) {
            pi_buf_put(&out, d + pos, end - pos);
            pos = end;
            continue;
        }
        e = U_ZERO_ERROR;
        if (grow_units(&v, &vcap, (size_t)ulen + (size_t)ulen / 2 + 16)) {
            err = PI_ENOMEM;
            break;
        }
        vlen = unorm2_normalize(nfc, u, ulen, v, (int32_t)vcap, &e);
        if (e == U_BUFFER_OVERFLOW_ERROR) {
            if (grow_units(&v, &vcap, (size_t)vlen + 1)) {
                err = PI_ENOMEM;
                break;
            }
            e = U_ZERO_ERROR;
            vlen = unorm2_normalize(nfc, u, ulen, v, (int32_t)vcap, &e);
        }
        if (U_FAILURE(e))
            goto icu_failed;
        if (pi_buf_reserve(&out, 3 * (size_t)vlen + 1)) {
            err = PI_ENOMEM;
            break;
        }
        u_strToUTF8(out.data + out.len, 3 * vlen + 1, &blen, v, vlen, &e);
        if (U_FAILURE(e))
            goto icu_failed;
        out.len += (size_t)blen;
        out.data[out.len] = '\0';
        pos = end;
    }
    free(u);
    free(v);
    if (err || out.oom) {
        pi_buf_free(&out);
        return PI_ENOMEM;
    }
    pi_buf_free(&s->b);
    s->b = out;
    return PI_OK;

icu_failed:
    free(u);
    free(v);
    pi_buf_free(&out);
    if (e == U_MEMORY_ALLOCATION_ERROR)
        return PI_ENOMEM;
    /* Kept as it is; a view of the input becomes a copy like the others. */
    if (!s->b.data)
        pi_buf_put(&s->b, d, n);
    return s->b.oom ? PI_ENOMEM : PI_OK;
}

/* ---- The decision --------------------------------------------------------- */

/* A declaration checked against the bytes: 1 use it, 0 the bytes are UTF-8
 * instead, -1 ignore it (try the next evidence). */
static int judge(int enc, const struct u8stats *st)
{
    switch (encodings[enc].kind) {
    case K_UTF8:
        /* Declared UTF-8 with stray invalid bytes (a Latin-1 "ü" pasted
         * into a template, a cut-off character) is still UTF-8, as browsers
         * read it: the few bad bytes become U+FFFD. When invalid sequences
         * outnumber valid ones the page is a legacy encoding mislabelled,
         * and reading it as UTF-8 would replace every accented letter. */
        return st->invalid == 0 || st->seqs >= st->invalid ? 1 : -1;
    case K_UTF16:
    case K_UTF32:
        return 1; /* only reaches here after the zero-byte check */
    case K_MULTI:
        return looks_utf8(st, OVERRIDE_MIN_SEQ_MULTI, UTF8_RATIO) ? 0 : 1;
    default:
        return looks_utf8(st, OVERRIDE_MIN_SEQ_SINGLE, UTF8_RATIO) ? 0 : 1;
    }
}

/* The caller's hint: a bare label or anything with "charset=". */
static int hint_encoding(const char *hint, const unsigned char *p, size_t n)
{
    size_t hl = strlen(hint);
    int e = lookup(hint, hl);
    if (e < 0)
        e = charset_from_content((const unsigned char *)hint, hl);
    /* A UTF-16 transport label without a BOM is trusted only when the zero
     * bytes agree; their layout also settles the byte order, which "utf-16"
     * leaves open. */
    if (e >= 0 && encodings[e].kind == K_UTF16)
        e = utf16_layout(p, n);
    return e;
}

static void set_name(char *dst, const char *name)
{
    size_t l = strlen(name);
    memcpy(dst, name, l + 1); /* every name is shorter than 48 */
}

/* Convert and clean p[0..n) into s->b. With `view` set, UTF-8 input that
 * the cleaning keeps whole is not copied: s->b stays empty and *kept is
 * set. `prefix` is clean_prefix() of p already run on s, or SIZE_MAX. */
static int convert(sink *s, int enc, const unsigned char *p, size_t n, int view, int *kept,
                   size_t prefix)
{
    *kept = 0;
    switch (encodings[enc].kind) {
    case K_UTF8: {
        size_t k = prefix != SIZE_MAX ? prefix : clean_prefix(s, p, n, NULL);
        if (view && k == n) {
            *kept = 1;
            return PI_OK;
        }
        return from_utf8(s, p, n, k);
    }
    case K_TABLE:
        return from_table(s, enc, p, n);
    default:
        return from_icu(s, enc, p, n);
    }
}

static int decode(const char *bytes, size_t len, const char *hint, pi_input *out, int view)
{
    const unsigned char *p = (const unsigned char *)(bytes ? bytes : "");
    int enc = -1, err;
    size_t skip = 0;
    const char *source = "default";
    struct u8stats st = {0, 0, 0, SIZE_MAX};
    int declared_used = 0, kept = 0;
    size_t prefix = SIZE_MAX; /* clean_prefix() of the bytes, run on s */
    sink s;

    memset(out, 0, sizeof *out);
    if (!bytes)
        len = 0;
    err = sink_init(&s);
    if (err)
        return err;

    enc = bom(p, len, &skip);
    if (enc >= 0)
        source = "bom";
    if (enc < 0) {
        /* One pass both counts the UTF-8 evidence and finds how much of
         * the page UTF-8 cleaning would keep; the count goes on from where
         * that stops. */
        prefix = clean_prefix(&s, p, len, &st);
        utf8_scan(p, len, prefix, &st);
        int decl[2] = {-1, -1};
        const char *by[2] = {"hint", "meta"};
        if (hint)
            decl[0] = hint_encoding(hint, p, len);
        decl[1] = prescan(p, len < PRESCAN_BYTES ? len : PRESCAN_BYTES);
        for (int i = 0; i < 2 && enc < 0; i++) {
            if (decl[i] < 0)
                continue;
            if (!out->declared_by) {
                set_name(out->declared, encodings[decl[i]].name);
                out->declared_by = by[i];
            }
            int j = judge(decl[i], &st);
            if (j == 1) {
                enc = decl[i];
                source = by[i];
                declared_used = 1;
                set_name(out->declared, encodings[decl[i]].name);
                out->declared_by = by[i];
            } else if (j == 0) {
                enc = E_UTF8;
                source = "utf-8";
            }
        }
        if (enc < 0 && !out->declared_by) {
            enc = utf16_layout(p, len);
            if (enc >= 0)
                source = "detector";
        }
        if (enc < 0 && !out->declared_by && st.seqs == 0 && st.invalid == 0 &&
            memchr(p, 0x1B, len)) {
            /* ISO-2022 text is 7-bit, so "valid UTF-8"; only the detector
             * tells it from ASCII, by its escape sequences. */
            err = detect(p, len, 0, &enc);
            if (err)
                return err;
            if (enc >= 0 && encodings[enc].kind != K_7BIT)
                enc = -1;
            if (enc >= 0)
                source = "detector";
        }
        if (enc < 0 && looks_utf8(&st, 0, UTF8_RATIO)) {
            enc = E_UTF8;
            source = "utf-8";
        }
        if (enc < 0) {
            err = detect(p, len, st.first_high, &enc);
            if (err)
                return err;
            if (enc >= 0)
                source = "detector";
        }
        if (enc < 0) {
            enc = E_WIN1252;
            source = "default";
        }
    }

    if (encodings[enc].kind != K_UTF8 && prefix != SIZE_MAX) {
        /* The measuring pass left state for UTF-8 in s. */
        prefix = SIZE_MAX;
        err = sink_init(&s);
        if (err)
            return err;
    }
    p += skip;
    len -= skip;
    err = convert(&s, enc, p, len, view, &kept, prefix);
    if (err == PI_EENCODING) {
        /* ICU without this converter's data: read the bytes as the default
         * rather than fail the page. */
        pi_buf_free(&s.b);
        err = sink_init(&s);
        if (err)
            return err;
        enc = E_WIN1252;
        source = "default";
        err = convert(&s, enc, p, len, 0, &kept, SIZE_MAX);
    }
    if (!err && declared_used && s.replaced >= MISDECLARED_MIN_REPLACED &&
        s.replaced * MISDECLARED_SHARE >= st.high && encodings[enc].kind != K_UTF8 &&
        encodings[enc].kind != K_UTF16) {
        /* The declared legacy encoding left many bytes undecodable (a page
         * saved as Shift_JIS under an EUC-JP meta): ask the detector, and
         * keep its answer if it decodes clearly better. */
        int alt = -1;
        err = detect(p, len, st.first_high, &alt);
        if (!err && alt >= 0 && alt != enc) {
            sink s2;
            err = sink_init(&s2);
            if (!err)
                err = convert(&s2, alt, p, len, 0, &kept, SIZE_MAX);
            if (!err && s2.replaced * MISDECLARED_RATIO <= s.replaced) {
                pi_buf_free(&s.b);
                s = s2;
                enc = alt;
                source = "detector";
            } else {
                pi_buf_free(&s2.b);
                if (err == PI_EENCODING)
                    err = PI_OK;
            }
        }
    }
    if (!err && kept) {
        err = nfc_pass(&s, (const char *)p, len);
        kept = !s.b.data;
    } else if (!err) {
        err = nfc_pass(&s, s.b.data, s.b.len);
    }
    if (!err && !kept && !s.b.data && pi_buf_reserve(&s.b, 1) == 0)
        s.b.data[0] = '\0';
    if (err || (!kept && !s.b.data)) {
        pi_buf_free(&s.b);
        memset(out, 0, sizeof *out);
        return err && err != PI_EENCODING ? err : PI_ENOMEM;
    }
    if (kept) {
        out->text = (const char *)p;
        out->len = len;
    } else {
        out->len = s.b.len;
        out->utf8 = pi_buf_detach(&s.b);
        out->text = out->utf8;
    }
    out->replaced = s.replaced;
    set_name(out->encoding, encodings[enc].name);
    out->source = source;
    return PI_OK;
}

int pi_input_decode(const char *bytes, size_t len, const char *hint, pi_input *out)
{
    return decode(bytes, len, hint, out, 0);
}

int pi_input_view(const char *bytes, size_t len, const char *hint, pi_input *out)
{
    return decode(bytes, len, hint, out, 1);
}

void pi_input_free(pi_input *in)
{
    if (!in)
        return;
    free(in->utf8);
    in->utf8 = NULL;
    in->text = NULL;
    in->len = 0;
}

int pi_input_init(void)
{
    UErrorCode e = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&e);
    if (U_FAILURE(e))
        return PI_EINIT;
    ucsdet_close(d);
    return PI_OK;
}

/* test_input.c - the encoding decision of input.c, the labels and prescan
 * of charset.c, the UTF-8 cleaning of transcode.c. */
#include "check_common.h"
#include "base/buf.h"
#include "base/error.h"
#include "input/input.h"

#include <dirent.h>
#include <pthread.h>
#include <sys/resource.h>
#include <time.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

/* An independent validator: well-formed UTF-8 (no overlongs, surrogates or
 * values above U+10FFFF) and no NUL byte. */
static int valid_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned b = p[i];
        if (b == 0)
            return 0;
        if (b < 0x80) {
            i++;
            continue;
        }
        size_t l;
        unsigned long c;
        if ((b & 0xE0) == 0xC0) {
            l = 2;
            c = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            l = 3;
            c = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            l = 4;
            c = b & 0x07;
        } else {
            return 0;
        }
        if (i + l > n)
            return 0;
        for (size_t k = 1; k < l; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return 0;
            c = (c << 6) | (p[i + k] & 0x3F);
        }
        if ((l == 2 && c < 0x80) || (l == 3 && c < 0x800) || (l == 4 && c < 0x10000) ||
            c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return 0;
        i += l;
    }
    return 1;
}

/* Occurrences of needle (without strstr, which sanitizers make quadratic
 * on megabytes). */
static size_t count(const char *hay, const char *needle)
{
    size_t n = 0, l = strlen(needle), h = strlen(hay);
    for (size_t i = 0; i + l <= h; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, l) == 0) {
            n++;
            i += l - 1;
        }
    return n;
}

#define FFFD "\xEF\xBF\xBD"

/* Decode and check the invariants every output must have. */
static pi_input dec(const char *bytes, size_t len, const char *hint)
{
    pi_input in;
    ck_assert_int_eq(pi_input_decode(bytes, len, hint, &in), PI_OK);
    ck_assert_ptr_nonnull(in.utf8);
    ck_assert_ptr_nonnull(in.source);
    ck_assert_uint_eq(strlen(in.utf8), in.len);
    ck_assert_msg(valid_utf8(in.utf8, in.len), "output is not valid UTF-8");
    ck_assert_ptr_eq(in.text, in.utf8);
    /* The no-copy form decides the same, and its text is the same bytes,
     * pointing into the input only when the input is what it gives. */
    pi_input v;
    ck_assert_int_eq(pi_input_view(bytes, len, hint, &v), PI_OK);
    ck_assert_str_eq(v.encoding, in.encoding);
    ck_assert_str_eq(v.source, in.source);
    ck_assert_uint_eq(v.len, in.len);
    ck_assert_uint_eq(v.replaced, in.replaced);
    ck_assert_ptr_nonnull(v.text);
    ck_assert(memcmp(v.text, in.utf8, in.len) == 0);
    if (v.utf8)
        ck_assert_ptr_eq(v.text, v.utf8);
    else if (bytes)
        ck_assert(v.text >= bytes && v.text + v.len <= bytes + len);
    pi_input_free(&v);
    return in;
}

#define DEC(lit, hint) dec(lit, sizeof(lit) - 1, hint)

/* Decode, expect `want` exactly, free. */
static void expect_text(const char *bytes, size_t len, const char *hint, const char *want)
{
    pi_input in = dec(bytes, len, hint);
    ck_assert_str_eq(in.utf8, want);
    pi_input_free(&in);
}

#define EXPECT(lit, want) expect_text(lit, sizeof(lit) - 1, NULL, want)

static void expect_enc(pi_input *in, const char *encoding, const char *source)
{
    ck_assert_str_eq(in->encoding, encoding);
    ck_assert_str_eq(in->source, source);
}

/* ---- labels ---- */

START_TEST(labels_whatwg)
{
    /* clang-format off */
    static const char *const map[][2] = {
        {"iso-8859-1", "windows-1252"}, {"latin1", "windows-1252"},
        {"ascii", "windows-1252"},      {"US-ASCII", "windows-1252"},
        {" ISO_8859-1:1987 ", "windows-1252"}, {"x-user-defined", "windows-1252"},
        {"gb2312", "GBK"},              {"GBK", "GBK"},
        {"x-gbk", "GBK"},               {"chinese", "GBK"},
        {"gb18030", "GB18030"},         {"x-sjis", "Shift_JIS"},
        {"shift_jis", "Shift_JIS"},     {"ms932", "Shift_JIS"},
        {"windows-31j", "Shift_JIS"},   {"euc-kr", "EUC-KR"},
        {"ks_c_5601-1987", "EUC-KR"},   {"big5", "Big5"},
        {"big5-hkscs", "Big5"},         {"koi8-r", "KOI8-R"},
        {"koi8-u", "KOI8-U"},           {"iso-8859-2", "ISO-8859-2"},
        {"iso-8859-9", "windows-1254"}, {"tis-620", "windows-874"},
        {"iso-8859-11", "windows-874"}, {"utf8", "UTF-8"},
        {"UTF-8", "UTF-8"},             {"unicode-1-1-utf-8", "UTF-8"},
        {"utf-16", "UTF-16LE"},         {"utf-16be", "UTF-16BE"},
        {"euc-jp", "EUC-JP"},           {"iso-2022-jp", "ISO-2022-JP"},
        {"windows-1251", "windows-1251"}, {"cp1250", "windows-1250"},
        {"iso-8859-16", "ISO-8859-16"}, {"iso-8859-8-i", "ISO-8859-8-I"},
        {"\tmacintosh\n", "macintosh"},
    };
    /* clang-format on */
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        const char *got = pi_input_label(map[i][0]);
        ck_assert_msg(got && strcmp(got, map[i][1]) == 0, "%s -> %s, want %s", map[i][0],
                      got ? got : "NULL", map[i][1]);
    }
}
END_TEST

START_TEST(labels_unknown)
{
    ck_assert_ptr_null(pi_input_label("x-no-such-charset"));
    ck_assert_ptr_null(pi_input_label(""));
    ck_assert_ptr_null(pi_input_label("   "));
    ck_assert_ptr_null(pi_input_label(NULL));
    ck_assert_ptr_null(pi_input_label("utf-7")); /* not a web encoding */
    ck_assert_ptr_null(pi_input_label("utf-8x"));
    ck_assert_ptr_null(pi_input_label("a-very-long-label-that-is-not-any-charset"));
}
END_TEST

/* ---- prescan ---- */

#define PRESCAN(lit) pi_input_prescan(lit, sizeof(lit) - 1)

static void expect_prescan(const char *got, const char *want)
{
    if (!want)
        ck_assert_msg(got == NULL, "prescan found %s", got);
    else
        ck_assert_msg(got && strcmp(got, want) == 0, "prescan %s, want %s", got ? got : "NULL",
                      want);
}

START_TEST(prescan_forms)
{
    expect_prescan(PRESCAN("<meta charset=\"koi8-r\">"), "KOI8-R");
    expect_prescan(PRESCAN("<meta charset='koi8-r'>"), "KOI8-R");
    expect_prescan(PRESCAN("<meta charset=koi8-r>"), "KOI8-R");
    expect_prescan(PRESCAN("<META CHARSET=KOI8-R>"), "KOI8-R");
    expect_prescan(PRESCAN("<meta/charset=koi8-r>"), "KOI8-R");
    expect_prescan(PRESCAN("<meta charset = \" koi8-r \" >"), "KOI8-R");
    expect_prescan(PRESCAN("<meta http-equiv=\"Content-Type\" "
                           "content=\"text/html; charset=windows-1251\">"),
                   "windows-1251");
    expect_prescan(PRESCAN("<meta content='text/html;charset=\"gb2312\"' "
                           "http-equiv='content-type'>"),
                   "GBK");
    expect_prescan(PRESCAN("<meta http-equiv=content-type content=text/html;charset=EUC-JP>"),
                   "EUC-JP");
    expect_prescan(PRESCAN("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                           "charsetx; charset = Shift_JIS\">"),
                   "Shift_JIS");
}
END_TEST

START_TEST(prescan_skips)
{
    /* Comments, including a meta inside one and "<!-->". */
    expect_prescan(PRESCAN("<!-- <meta charset=koi8-r> --><meta charset=euc-kr>"), "EUC-KR");
    expect_prescan(PRESCAN("<!--><meta charset=euc-kr>-->"), "EUC-KR");
    expect_prescan(PRESCAN("<!-- <meta charset=koi8-r>"), NULL);
    /* A meta inside another tag's attribute value is not a tag. */
    expect_prescan(PRESCAN("<div title=\"<meta charset=koi8-r>\"><meta charset=big5>"), "Big5");
    expect_prescan(PRESCAN("<!DOCTYPE html><?xml version=\"1.0\"?></x><meta charset=big5>"),
                   "Big5");
    /* http-equiv form needs http-equiv=content-type. */
    expect_prescan(PRESCAN("<meta content=\"text/html; charset=koi8-r\">"), NULL);
    expect_prescan(PRESCAN("<meta http-equiv=refresh content=\"0; charset=koi8-r\">"), NULL);
    /* The charset attribute wins over content; the first of duplicates counts. */
    expect_prescan(PRESCAN("<meta http-equiv=content-type content=\"charset=koi8-r\" "
                           "charset=big5>"),
                   "Big5");
    expect_prescan(PRESCAN("<meta charset=big5 charset=koi8-r>"), "Big5");
    /* An unknown label is ignored, the next meta counts. */
    expect_prescan(PRESCAN("<meta charset=bogus><meta charset=koi8-r>"), "KOI8-R");
    /* UTF-16 declared in ASCII bytes means UTF-8. */
    expect_prescan(PRESCAN("<meta charset=utf-16le>"), "UTF-8");
    /* Not a meta: <metadata>, <meta> with nothing. */
    expect_prescan(PRESCAN("<metadata charset=koi8-r>"), NULL);
    expect_prescan(PRESCAN("<meta>"), NULL);
    /* The window ends inside the tag. */
    expect_prescan(PRESCAN("<meta charset=\"koi8-r"), NULL);
    expect_prescan(PRESCAN(""), NULL);
    expect_prescan(pi_input_prescan(NULL, 10), NULL);
}
END_TEST

START_TEST(prescan_vt_is_not_space)
{
    /* WHATWG ASCII white space has no VT: browsers read "<meta\v" as
     * another tag and keep a VT in a label, so the label is unknown. */
    expect_prescan(PRESCAN("<meta\vcharset=koi8-r>"), NULL);
    expect_prescan(PRESCAN("<meta charset=\vkoi8-r>"), NULL);
    expect_prescan(PRESCAN("<meta\fcharset=\fkoi8-r\f>"), "KOI8-R");
    ck_assert_ptr_null(pi_input_label("\vkoi8-r"));
    ck_assert_str_eq(pi_input_label("\f\t koi8-r\r\n"), "KOI8-R");
}
END_TEST

START_TEST(prescan_window)
{
    char page[8192];
    size_t n = 0;
    n += (size_t)sprintf(page, "<html><head><!-- ");
    memset(page + n, 'x', 5000);
    n += 5000;
    n += (size_t)sprintf(page + n, " --><meta charset=koi8-r></head>");
    expect_prescan(pi_input_prescan(page, n), NULL);
    /* The same meta inside the window counts. */
    expect_prescan(pi_input_prescan(page + 4900, n - 4900), "KOI8-R");
}
END_TEST

/* ---- order of evidence ---- */

START_TEST(order_bom_beats_hint)
{
    pi_input in = DEC("\xEF\xBB\xBF<meta charset=koi8-r><p>\xC3\xA9t\xC3\xA9</p>", "koi8-r");
    expect_enc(&in, "UTF-8", "bom");
    ck_assert_str_eq(in.utf8, "<meta charset=koi8-r><p>\xC3\xA9t\xC3\xA9</p>");
    pi_input_free(&in);

    in = DEC("\xFF\xFE<\0p\0>\0\xE9\0", "windows-1252");
    expect_enc(&in, "UTF-16LE", "bom");
    ck_assert_str_eq(in.utf8, "<p>\xC3\xA9");
    pi_input_free(&in);
}
END_TEST

START_TEST(order_hint_beats_meta)
{
    pi_input in = DEC("<meta charset=windows-1252><p>\xC1\xC2\xD7</p>", "koi8-r");
    expect_enc(&in, "KOI8-R", "hint");
    ck_assert_str_eq(in.declared, "KOI8-R");
    ck_assert_str_eq(in.declared_by, "hint");
    ck_assert_ptr_nonnull(strstr(in.utf8, "\xD0\xB0\xD0\xB1\xD0\xB2")); /* абв */
    pi_input_free(&in);

    /* A whole Content-Type value works as a hint; so does "charset=". */
    in = DEC("<p>\xC1\xC2\xD7</p>", "text/html; charset=\"KOI8-R\"");
    expect_enc(&in, "KOI8-R", "hint");
    pi_input_free(&in);
    in = DEC("<p>\xC1\xC2\xD7</p>", "charset=koi8-r");
    expect_enc(&in, "KOI8-R", "hint");
    pi_input_free(&in);

    /* An unknown hint or a hint without charset falls to the meta. */
    in = DEC("<meta charset=koi8-r><p>\xC1\xC2\xD7</p>", "x-bogus");
    expect_enc(&in, "KOI8-R", "meta");
    ck_assert_str_eq(in.declared_by, "meta");
    pi_input_free(&in);
    in = DEC("<meta charset=koi8-r><p>\xC1\xC2\xD7</p>", "text/html");
    expect_enc(&in, "KOI8-R", "meta");
    pi_input_free(&in);
    in = DEC("<meta charset=koi8-r><p>\xC1\xC2\xD7</p>", "");
    expect_enc(&in, "KOI8-R", "meta");
    pi_input_free(&in);
}
END_TEST

START_TEST(order_plain)
{
    pi_input in = DEC("<p>plain ASCII</p>", NULL);
    expect_enc(&in, "UTF-8", "utf-8");
    ck_assert_str_eq(in.declared, "");
    ck_assert_ptr_null(in.declared_by);
    pi_input_free(&in);

    /* Undeclared Latin-1 bytes: windows-1252 (detector or default). */
    in = DEC("<p>caf\xE9 cr\xE8me br\xFBl\xE9"
             "e \x80 5</p>",
             NULL);
    ck_assert_str_eq(in.encoding, "windows-1252");
    ck_assert_str_eq(in.utf8, "<p>caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9"
                              "e \xE2\x82\xAC 5</p>");
    pi_input_free(&in);
}
END_TEST

START_TEST(order_utf16_hint)
{
    /* BOM-less UTF-16 with a transport label: the zero bytes settle the
     * byte order whatever the label says. */
    static const char le[] = "<\0p\0>\0\xE9\0t\0\xE9\0 \0i\0n\0 \0U\0T\0F\0-\0"
                             "1\0"
                             "6\0 \0<\0/\0p\0>\0";
    static const char be[] = "\0<\0p\0>\0\xE9\0t\0\xE9\0 \0i\0n\0 \0U\0T\0F\0-"
                             "\0"
                             "1\0"
                             "6\0 \0<\0/\0p\0>";
    static const char want[] = "<p>\xC3\xA9t\xC3\xA9 in UTF-16 </p>";
    pi_input in = dec(le, sizeof le - 1, "utf-16");
    expect_enc(&in, "UTF-16LE", "hint");
    ck_assert_str_eq(in.utf8, want);
    pi_input_free(&in);
    in = dec(be, sizeof be - 1, "utf-16le");
    expect_enc(&in, "UTF-16BE", "hint");
    ck_assert_str_eq(in.utf8, want);
    pi_input_free(&in);
    /* Without a hint the layout is evidence too. */
    in = dec(be, sizeof be - 1, NULL);
    expect_enc(&in, "UTF-16BE", "detector");
    ck_assert_str_eq(in.utf8, want);
    pi_input_free(&in);
    /* A UTF-16 label on an ASCII-compatible page is ignored. */
    in = DEC("<meta charset=koi8-r><p>\xC1\xC2\xD7</p>", "utf-16");
    expect_enc(&in, "KOI8-R", "meta");
    pi_input_free(&in);
    /* A few NULs in a short ASCII string are not UTF-16. */
    expect_text("a\0b\0c", 5, NULL, "abc");
}
END_TEST

/* ---- declarations the bytes contradict ---- */

START_TEST(conflict_legacy_declared_utf8_bytes)
{
    pi_input in = DEC("<meta charset=windows-1252><p>S\xC3\xA3o Paulo</p>", NULL);
    expect_enc(&in, "UTF-8", "utf-8");
    ck_assert_str_eq(in.declared, "windows-1252");
    ck_assert_str_eq(in.declared_by, "meta");
    ck_assert_str_eq(in.utf8, "<meta charset=windows-1252><p>S\xC3\xA3o Paulo</p>");
    pi_input_free(&in);

    in = DEC("<p>S\xC3\xA3o Paulo</p>", "iso-8859-1");
    expect_enc(&in, "UTF-8", "utf-8");
    ck_assert_str_eq(in.declared_by, "hint");
    pi_input_free(&in);

    /* Pure ASCII under a legacy declaration keeps the declaration. */
    in = DEC("<meta charset=windows-1252><p>plain</p>", NULL);
    expect_enc(&in, "windows-1252", "meta");
    pi_input_free(&in);

    /* A multi-byte declaration needs more than a few lucky sequences: three
     * GBK characters that happen to be valid UTF-8 stay GBK. */
    in = DEC("<meta charset=gb2312><p>\xD6\xB0\xD6\xB0\xD6\xB0</p>", NULL);
    expect_enc(&in, "GBK", "meta");
    pi_input_free(&in);
    in = DEC("<meta charset=gb2312><p>\xE4\xB8\xAD\xE6\x96\x87\xE7\xBD\x91\xE9\xA1\xB5</p>", NULL);
    expect_enc(&in, "UTF-8", "utf-8");
    ck_assert_str_eq(in.declared, "GBK");
    pi_input_free(&in);
}
END_TEST

START_TEST(conflict_utf8_declared_legacy_bytes)
{
    /* Declared UTF-8 but every accented letter is a Latin-1 byte. */
    pi_input in = DEC("<meta charset=utf-8><p>El ni\xF1o comi\xF3 pi\xF1"
                      "a en la "
                      "monta\xF1"
                      "a, \xBFqu\xE9 m\xE1s?</p>",
                      NULL);
    ck_assert_str_eq(in.encoding, "windows-1252");
    ck_assert_str_eq(in.declared, "UTF-8");
    ck_assert_uint_eq(in.replaced, 0);
    ck_assert_ptr_nonnull(strstr(in.utf8, "ni\xC3\xB1o"));
    pi_input_free(&in);

    /* Declared UTF-8, mostly UTF-8, one stray byte: UTF-8 with one U+FFFD. */
    in = DEC("<meta charset=utf-8><p>Gr\xC3\xBC\xC3\x9F"
             "e, K\xFC"
             "che, \xC3\xA4 \xC3\xB6</p>",
             NULL);
    expect_enc(&in, "UTF-8", "meta");
    ck_assert_uint_eq(in.replaced, 1);
    ck_assert_str_eq(in.utf8, "<meta charset=utf-8><p>Gr\xC3\xBC\xC3\x9F"
                              "e, K" FFFD "che, \xC3\xA4 \xC3\xB6</p>");
    pi_input_free(&in);

    /* A rejected UTF-8 hint lets the meta speak. */
    in = DEC("<meta charset=koi8-r><p>\xC1\xC2\xD7 \xC7\xC4\xC5</p>", "utf-8");
    expect_enc(&in, "KOI8-R", "meta");
    pi_input_free(&in);
}
END_TEST

/* ---- conversion ---- */

START_TEST(convert_replacement)
{
    /* Bytes undefined in the encoding become U+FFFD, never ICU's U+001A. */
    pi_input in = DEC("<meta charset=windows-1253><p>\xE1\xFF\xE2</p>", NULL);
    ck_assert_str_eq(in.encoding, "windows-1253");
    ck_assert_str_eq(in.utf8, "<meta charset=windows-1253><p>\xCE\xB1" FFFD "\xCE\xB2</p>");
    ck_assert_uint_eq(in.replaced, 1);
    pi_input_free(&in);

    in = DEC("<meta charset=shift_jis><p>\x82\xA0\xFF\x82\xA2\x82</p>", NULL);
    ck_assert_str_eq(in.utf8,
                     "<meta charset=shift_jis><p>\xE3\x81\x82" FFFD "\xE3\x81\x84" FFFD "</p>");
    pi_input_free(&in);
}
END_TEST

START_TEST(convert_invalid_utf8)
{
    /* WHATWG: one U+FFFD per maximal subpart. A BOM makes them UTF-8 (the
     * bytes alone would read as windows-1252). */
#define BOM8 "\xEF\xBB\xBF"
    EXPECT(BOM8 "a\xC3(b", "a" FFFD "(b");
    EXPECT(BOM8 "a\xE2\x82(b", "a" FFFD "(b");
    EXPECT(BOM8 "a\xC0\x80"
                "b",
           "a" FFFD FFFD "b");
    EXPECT(BOM8 "a\xED\xA0\x80"
                "b",
           "a" FFFD FFFD FFFD "b");
    EXPECT(BOM8 "a\xF4\x90\x80\x80"
                "b",
           "a" FFFD FFFD FFFD FFFD "b");
    EXPECT(BOM8 "a\xF0\x9F\x93\x9A"
                "b",
           "a\xF0\x9F\x93\x9A"
           "b");
    EXPECT(BOM8 "\xFF\xFE\xF5\x80", FFFD FFFD FFFD FFFD);
    /* A character cut off by the end of the buffer. */
    EXPECT("\xC3\xA9t\xC3\xA9\xE2\x82", "\xC3\xA9t\xC3\xA9" FFFD);
    pi_input in = DEC(BOM8 "a\xC3(b\xFF", NULL);
    ck_assert_uint_eq(in.replaced, 2);
    pi_input_free(&in);
}
END_TEST

START_TEST(convert_iso_2022_jp)
{
    /* 7-bit and therefore "valid UTF-8": found by its escape sequences. */
    static const char page[] = "<p>\x1B$B$3$s$K$A$O!\"F|K\\8l$G$9!#\x1B(B</p>"
                               "<p>\x1B$BEl5~$NE75$$O@2$l$G$9!#\x1B(B</p>";
    pi_input in = dec(page, sizeof page - 1, NULL);
    expect_enc(&in, "ISO-2022-JP", "detector");
    ck_assert_ptr_nonnull(strstr(in.utf8, "\xE3\x81\x93\xE3\x82\x93\xE3\x81\xAB")); /* こんに */
    ck_assert_uint_eq(in.replaced, 0);
    pi_input_free(&in);
}
END_TEST

START_TEST(convert_windows_1252_table)
{
    /* Every byte, through our own table, against ICU's view of the same. */
    char all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (char)(i ? i : ' ');
    pi_input in = dec(all, sizeof all, "windows-1252");
    ck_assert_str_eq(in.encoding, "windows-1252");
    ck_assert_ptr_nonnull(strstr(in.utf8, " !\"#"));
    ck_assert_ptr_nonnull(strstr(in.utf8, "\xE2\x82\xAC\xE2\x80\x9A\xC6\x92")); /* €‚ƒ */
    ck_assert_ptr_nonnull(strstr(in.utf8, "\xC5\xBE\xC5\xB8\xC2\xA0\xC2\xA1")); /* žŸ NBSP ¡ */
    ck_assert_ptr_nonnull(strstr(in.utf8, "\xC3\xBE\xC3\xBF"));                 /* þÿ */
    ck_assert_uint_eq(in.replaced, 0);
    pi_input_free(&in);
}
END_TEST

/* ---- cleaning ---- */

START_TEST(clean_controls)
{
    EXPECT("a\x01"
           "b\x08"
           "c\x0B"
           "d\x1F"
           "e\x7F"
           "f",
           "abcdef");
    /* FF is a line break: libxml2 would drop it and join the words. */
    EXPECT("tab\tlf\ncr\rff\f.", "tab\tlf\ncr\rff\n.");
    expect_text("a\0b\0c", 5, NULL, "abc");
    /* NEL, LS, PS are line breaks; other C1 controls go. */
    EXPECT("a\xC2\x85"
           "b\xE2\x80\xA8"
           "c\xE2\x80\xA9"
           "d\xC2\x80"
           "e\xC2\x9F"
           "f",
           "a\nb\nc\nd"
           "e"
           "f");
    /* In a legacy encoding too: KOI8-R has no C1, windows-1252 holes do. */
    pi_input in = DEC("<p>a\x81"
                      "b\x8D"
                      "c</p>",
                      "windows-1252");
    ck_assert_str_eq(in.utf8, "<p>abc</p>");
    pi_input_free(&in);
}
END_TEST

START_TEST(clean_invisible)
{
    /* ZWSP, word joiner, BOM inside text, soft hyphen: dropped. */
    EXPECT("a\xE2\x80\x8B"
           "b\xE2\x81\xA0"
           "c\xEF\xBB\xBF"
           "d\xC2\xAD"
           "e",
           "abcde");
    /* ZWNJ and ZWJ stay (Persian, Indic, emoji sequences). */
    EXPECT("\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE", "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE");
    EXPECT("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",
           "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB");
    /* NBSP and ideographic space are left to the whitespace collapser. */
    EXPECT("a\xC2\xA0"
           "b\xE3\x80\x80"
           "c",
           "a\xC2\xA0"
           "b\xE3\x80\x80"
           "c");
    /* Noncharacters. */
    EXPECT("a\xEF\xBF\xBE"
           "b\xEF\xBF\xBF"
           "c\xEF\xB7\x90"
           "d\xF4\x8F\xBF\xBF"
           "e",
           "abcde");
    /* Bidi marks stay: they order right-to-left text. */
    EXPECT("\xE2\x80\x8F"
           "a\xE2\x80\x8E",
           "\xE2\x80\x8F"
           "a\xE2\x80\x8E");
}
END_TEST

START_TEST(clean_nfc)
{
    EXPECT("caf"
           "e\xCC\x81",
           "caf\xC3\xA9");                                          /* e + acute -> é */
    EXPECT("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "\xED\x95\x9C"); /* jamo -> 한 */
    /* Canonical order: dot below (220) before acute (230). */
    EXPECT("a\xCC\x81\xCC\xA3", "\xE1\xBA\xA1\xCC\x81");
    /* A dropped ZWSP between base and mark lets them compose. */
    EXPECT("e\xE2\x80\x8B\xCC\x81", "\xC3\xA9");
    /* Already NFC: untouched, including non-Latin text. */
    EXPECT("\xC3\xA9t\xC3\xA9 \xD0\xBC\xD0\xB8\xD1\x80 \xE4\xB8\xAD",
           "\xC3\xA9t\xC3\xA9 \xD0\xBC\xD0\xB8\xD1\x80 \xE4\xB8\xAD");
    /* Singleton: Ohm sign becomes Omega. */
    EXPECT("\xE2\x84\xA6", "\xCE\xA9");
    /* From a legacy encoding (windows-1258 Vietnamese uses combining tones). */
    pi_input in = DEC("<p>Vi\xEA\xF2t</p>", "windows-1258");
    ck_assert_str_eq(in.utf8, "<p>Vi\xE1\xBB\x87t</p>"); /* ệ */
    pi_input_free(&in);
}
END_TEST

START_TEST(clean_nfc_long)
{
    /* Decomposed letters far apart, across the normaliser's chunks. */
    size_t n = 300000;
    char *page = malloc(n + 16);
    ck_assert_ptr_nonnull(page);
    for (size_t i = 0; i < n; i += 4)
        memcpy(page + i, i % 4096 ? "abc " : "e\xCC\x81 ", 4);
    pi_input in = dec(page, n, NULL);
    ck_assert_uint_eq(count(in.utf8, "\xC3\xA9"), (n + 4095) / 4096);
    ck_assert_uint_eq(count(in.utf8, "\xCC\x81"), 0);
    pi_input_free(&in);
    /* CJK without ASCII for more than a chunk, and a mark at the end. */
    for (size_t i = 0; i + 3 <= n; i += 3)
        memcpy(page + i, "\xE4\xB8\xAD", 3);
    memcpy(page + n - 3, "e\xCC\x81", 3);
    in = dec(page, n, "utf-8");
    ck_assert_uint_eq(in.len, n - 1); /* 99999 x 3 bytes and "é" */
    ck_assert_uint_eq(count(in.utf8, "\xC3\xA9"), 1);
    pi_input_free(&in);
    free(page);
}
END_TEST

START_TEST(clean_inert_ranges)
{
    /* transcode.c's inert_range() skips ICU for these: each code point must
     * have combining class 0 and NFC quick check "yes" in the ICU we run on. */
    static const int32_t r[][2] = {
        {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0x3400, 0x4DBF}, {0x20000, 0x2A6DF}};
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
    ck_assert(U_SUCCESS(e));
    for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
        for (int32_t c = r[i][0]; c <= r[i][1]; c++)
            ck_assert_msg(unorm2_getCombiningClass(nfc, c) == 0 &&
                              u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES,
                          "U+%04X", (unsigned)c);
}
END_TEST

START_TEST(clean_stream_safe)
{
    /* "Zalgo": 1000 combining marks on one letter. A CGJ after every 30
     * keeps normalisation linear. */
    char page[1 + 2000 + 1];
    page[0] = 'a';
    for (int i = 0; i < 1000; i++)
        memcpy(page + 1 + 2 * i, i % 2 ? "\xCC\x81" : "\xCC\xA3", 2);
    pi_input in = dec(page, 2001, NULL);
    ck_assert_uint_ge(count(in.utf8, "\xCD\x8F"), 30);
    pi_input_free(&in);
}
END_TEST

/* pi_input_view: a page the cleaning keeps whole is not copied; any byte
 * that it changes, wherever it falls in the eight-byte words of the scan,
 * makes a copy (dec() checks that both forms give the same text). */
START_TEST(view_no_copy)
{
    static const char clean[] = "<p>caf\xC3\xA9 \xE4\xB8\xAD\tx\r\ny \xD0\xBC\xD0\xB8\xD1\x80</p>";
    pi_input v;
    ck_assert_int_eq(pi_input_view(clean, sizeof clean - 1, NULL, &v), PI_OK);
    ck_assert_ptr_null(v.utf8);
    ck_assert_ptr_eq(v.text, clean);
    ck_assert_uint_eq(v.len, sizeof clean - 1);
    pi_input_free(&v);
    /* After a UTF-8 BOM. */
    ck_assert_int_eq(pi_input_view("\xEF\xBB\xBF"
                                   "abc",
                                   6, NULL, &v),
                     PI_OK);
    ck_assert_ptr_null(v.utf8);
    ck_assert_uint_eq(v.len, 3);
    ck_assert(memcmp(v.text, "abc", 3) == 0);
    pi_input_free(&v);

    static const char *const changed[] = {"\x01",     "\x7F",      "\f",
                                          "\xC2\x85", "\xC2\xAD",  "\xE2\x80\x8B",
                                          "\xFF",     "e\xCC\x81", "\xE2\x84\xA6"};
    for (size_t k = 0; k < sizeof changed / sizeof changed[0]; k++)
        for (size_t at = 0; at <= 17; at++) {
            char page[64];
            size_t cl = strlen(changed[k]);
            memset(page, 'a', sizeof page);
            memcpy(page + at, changed[k], cl);
            pi_input in = dec(page, 32, NULL);
            ck_assert_int_eq(pi_input_view(page, 32, NULL, &v), PI_OK);
            ck_assert_ptr_nonnull(v.utf8);
            ck_assert_str_eq(v.utf8, in.utf8);
            pi_input_free(&v);
            pi_input_free(&in);
        }
    /* A legacy encoding is always converted into a copy. */
    ck_assert_int_eq(pi_input_view("<p>abc</p>", 10, "koi8-r", &v), PI_OK);
    ck_assert_ptr_nonnull(v.utf8);
    pi_input_free(&v);
}
END_TEST

/* ---- edges ---- */

START_TEST(edge_empty)
{
    pi_input in = dec("", 0, NULL);
    ck_assert_str_eq(in.utf8, "");
    ck_assert_uint_eq(in.len, 0);
    ck_assert_str_eq(in.encoding, "UTF-8");
    pi_input_free(&in);
    in = dec(NULL, 0, NULL);
    ck_assert_str_eq(in.utf8, "");
    pi_input_free(&in);
    in = dec(NULL, 5, "koi8-r"); /* NULL bytes: nothing to read */
    ck_assert_str_eq(in.utf8, "");
    pi_input_free(&in);
    in = dec("\xEF\xBB\xBF", 3, NULL);
    ck_assert_str_eq(in.utf8, "");
    ck_assert_str_eq(in.source, "bom");
    pi_input_free(&in);
    pi_input_free(NULL);
    pi_input_free(&in); /* twice is harmless */
}
END_TEST

START_TEST(edge_one_byte)
{
    for (int b = 0; b < 256; b++) {
        char c = (char)b;
        pi_input in = dec(&c, 1, NULL);
        ck_assert_uint_le(in.len, 3);
        pi_input_free(&in);
        in = dec(&c, 1, "shift_jis");
        pi_input_free(&in);
        in = dec(&c, 1, "utf-16");
        pi_input_free(&in);
    }
    EXPECT("x", "x");
}
END_TEST

START_TEST(edge_utf16_odd)
{
    /* A BOM, "ab", and one stray byte: U+FFFD for the half unit. */
    pi_input in = DEC("\xFF\xFE"
                      "a\0b\0c",
                      NULL);
    expect_enc(&in, "UTF-16LE", "bom");
    ck_assert_str_eq(in.utf8, "ab" FFFD);
    ck_assert_uint_eq(in.replaced, 1);
    pi_input_free(&in);
    in = DEC("\xFE\xFF\0a\0b\0", NULL);
    expect_enc(&in, "UTF-16BE", "bom");
    ck_assert_str_eq(in.utf8, "ab" FFFD);
    pi_input_free(&in);
    /* Lone surrogates. */
    in = DEC("\xFF\xFE"
             "a\0\x00\xD8"
             "b\0\x00\xDC",
             NULL);
    ck_assert_str_eq(in.utf8, "a" FFFD "b" FFFD);
    pi_input_free(&in);
    /* A pair. */
    in = DEC("\xFF\xFE\x3D\xD8\xDA\xDC", NULL);
    ck_assert_str_eq(in.utf8, "\xF0\x9F\x93\x9A");
    pi_input_free(&in);
    /* UTF-32 BOMs. */
    in = DEC("\xFF\xFE\0\0"
             "a\0\0\0\xE9\0\0\0",
             NULL);
    expect_enc(&in, "UTF-32LE", "bom");
    ck_assert_str_eq(in.utf8, "a\xC3\xA9");
    pi_input_free(&in);
    in = DEC("\0\0\xFE\xFF\0\0\0a", NULL);
    expect_enc(&in, "UTF-32BE", "bom");
    ck_assert_str_eq(in.utf8, "a");
    pi_input_free(&in);
}
END_TEST

START_TEST(edge_big)
{
    /* 16 MB of mixed text decodes linearly (well under the test timeout). */
    size_t n = 16u << 20;
    char *page = malloc(n);
    ck_assert_ptr_nonnull(page);
    static const char unit[] = "<p>Gr\xC3\xBC\xC3\x9F"
                               "e \xE4\xB8\xAD\xE6\x96\x87 ok</p>\n";
    size_t u = sizeof unit - 1;
    for (size_t i = 0; i < n; i++)
        page[i] = unit[i % u];
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    pi_input in = dec(page, n - n % u, NULL);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    ck_assert_uint_eq(in.len, n - n % u);
    printf("input: 16 MB UTF-8 in %.3f s (%.0f MB/s)\n", s, 16 / s);
    pi_input_free(&in);
    /* Through ICU: KOI8-R. */
    static const char koi[] = "<p>\xF0\xD2\xC9\xD7\xC5\xD4 ok</p>\n"; /* Привет */
    u = sizeof koi - 1;
    for (size_t i = 0; i < n; i++)
        page[i] = koi[i % u];
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    in = dec(page, n - n % u, "koi8-r");
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    ck_assert_str_eq(in.encoding, "KOI8-R");
    ck_assert_uint_eq(count(in.utf8, "\xD0\x9F\xD1\x80\xD0\xB8"), (n - n % u) / u);
    printf("input: 16 MB KOI8-R in %.3f s (%.0f MB/s)\n", s, 16 / s);
    pi_input_free(&in);
    free(page);
}
END_TEST

/* Address space in use, from /proc (0 if unknown). */
static size_t vm_bytes(void)
{
    unsigned long pages = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    if (fscanf(f, "%lu", &pages) != 1)
        pages = 0;
    fclose(f);
    return (size_t)pages * 4096;
}

#if defined(__SANITIZE_ADDRESS__)
#define PI_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PI_ASAN 1
#endif
#endif

START_TEST(edge_out_of_memory)
{
#ifdef PI_ASAN
    return; /* ASan's shadow memory does not fit under an address space cap */
#endif
    /* With the address space capped a little above what is in use, every
     * path (UTF-8, ICU, NFC) either succeeds or says PI_ENOMEM. The cap
     * would outlive the test without fork, and valgrind needs room. */
    const char *fork_mode = getenv("CK_FORK");
    if ((fork_mode && strcmp(fork_mode, "no") == 0) || vm_bytes() == 0)
        return;
    size_t n = 24u << 20;
    char *page = malloc(n);
    ck_assert_ptr_nonnull(page);
    static const char unit[] = "<p>e\xCC\x81t\xC3\xA9 \xE4\xB8\xAD</p>\n";
    for (size_t i = 0; i < n; i++)
        page[i] = unit[i % (sizeof unit - 1)];
    static const char *const hints[] = {NULL, "gb18030", "windows-1252"};
    struct rlimit old;
    ck_assert_int_eq(getrlimit(RLIMIT_AS, &old), 0);
    int enomem = 0, ok = 0;
    for (size_t h = 0; h < 3; h++) {
        /* gb18030 reads the UTF-8 bytes as UTF-8 (they are); force ICU
         * with a page of GB18030 bytes instead. */
        static const char gb[] = "<p>\xD6\xD0\xCE\xC4</p>\n"; /* 中文 */
        if (h == 1)
            for (size_t i = 0; i < n; i++)
                page[i] = gb[i % (sizeof gb - 1)];
        for (size_t extra = 1u << 20; extra <= 160u << 20; extra *= 2) {
            struct rlimit cap = old;
            cap.rlim_cur = vm_bytes() + extra;
            ck_assert_int_eq(setrlimit(RLIMIT_AS, &cap), 0);
            pi_input in;
            int r = pi_input_decode(page, n, hints[h], &in);
            ck_assert_int_eq(setrlimit(RLIMIT_AS, &old), 0);
            ck_assert(r == PI_OK || r == PI_ENOMEM);
            if (getenv("PI_TEST_VERBOSE"))
                printf("input: oom hint %s, %zu MB spare: %d\n", hints[h] ? hints[h] : "none",
                       extra >> 20, r);
            if (r == PI_OK) {
                ok++;
                ck_assert(valid_utf8(in.utf8, in.len));
                pi_input_free(&in);
            } else {
                enomem++;
                ck_assert_ptr_null(in.utf8);
            }
        }
    }
    ck_assert_int_gt(enomem, 0);
    ck_assert_int_gt(ok, 0);
    free(page);
}
END_TEST

/* ---- pages in tests/data/encodings ---- */

static char *data_path(const char *name, const char *ext)
{
    static const char dir[] = PITH_TEST_DATA "/encodings/";
    char *p = malloc(sizeof dir + strlen(name) + strlen(ext) + 1);
    ck_assert_ptr_nonnull(p);
    sprintf(p, "%s%s%s", dir, name, ext);
    return p;
}

struct page_case {
    char name[64], hint[64], encoding[48], source[16];
};

static int read_manifest(struct page_case **out)
{
    char *path = data_path("MANIFEST", "");
    char *m = pi_test_read(path, NULL);
    free(path);
    ck_assert_ptr_nonnull(m);
    int n = 0, cap = 0;
    struct page_case *c = NULL;
    for (char *line = strtok(m, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#')
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            c = realloc(c, (size_t)cap * sizeof *c);
            ck_assert_ptr_nonnull(c);
        }
        int k = sscanf(line, "%63[^\t]\t%63[^\t]\t%47[^\t]\t%15s", c[n].name, c[n].hint,
                       c[n].encoding, c[n].source);
        ck_assert_int_eq(k, 4);
        n++;
    }
    free(m);
    *out = c;
    return n;
}

START_TEST(pages)
{
    struct page_case *c;
    int n = read_manifest(&c);
    ck_assert_int_ge(n, 40);
    for (int i = 0; i < n; i++) {
        char *hp = data_path(c[i].name, ".html");
        char *ep = data_path(c[i].name, ".expected.txt");
        size_t len;
        char *html = pi_test_read(hp, &len);
        char *want = pi_test_read(ep, NULL);
        ck_assert_msg(html && want, "%s: missing files", c[i].name);
        const char *hint = strcmp(c[i].hint, "-") ? c[i].hint : NULL;
        pi_input in = dec(html, len, hint);
        ck_assert_msg(strcmp(in.encoding, c[i].encoding) == 0 &&
                          strcmp(in.source, c[i].source) == 0,
                      "%s: %s (%s), want %s (%s)", c[i].name, in.encoding, in.source, c[i].encoding,
                      c[i].source);
        ck_assert_msg(!strstr(in.utf8, FFFD), "%s: U+FFFD in output", c[i].name);
        ck_assert_uint_eq(in.replaced, 0);
        for (char *line = strtok(want, "\n"); line; line = strtok(NULL, "\n"))
            ck_assert_msg(strstr(in.utf8, line), "%s: missing \"%s\"", c[i].name, line);
        pi_input_free(&in);
        free(html);
        free(want);
        free(hp);
        free(ep);
    }
    free(c);
}
END_TEST

/* Concurrent decoding of every page gives what one thread gives. */
struct job {
    struct page_case *c;
    int n;
    int bad;
};

static void *decode_all(void *arg)
{
    struct job *j = arg;
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < j->n; i++) {
            char *hp = data_path(j->c[i].name, ".html");
            size_t len;
            char *html = pi_test_read(hp, &len);
            pi_input in;
            const char *hint = strcmp(j->c[i].hint, "-") ? j->c[i].hint : NULL;
            if (!html || pi_input_decode(html, len, hint, &in) != PI_OK ||
                strcmp(in.encoding, j->c[i].encoding) != 0 || strstr(in.utf8, FFFD))
                j->bad++;
            else
                pi_input_free(&in);
            free(html);
            free(hp);
        }
    return NULL;
}

START_TEST(pages_threads)
{
    struct page_case *c;
    int n = read_manifest(&c);
    pthread_t t[4];
    struct job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (struct job){c, n, 0};
        ck_assert_int_eq(pthread_create(&t[i], NULL, decode_all, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        ck_assert_int_eq(jobs[i].bad, 0);
    }
    free(c);
}
END_TEST

/* ---- the shared corpus ---- */

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

START_TEST(corpus)
{
    static const char *const sets[] = {"trafilatura", "readability", "wcxb-dev", "wcxb-val"};
    int npages = 0, replaced = 0, literal = 0;
    size_t bytes = 0;
    double secs = 0;
    for (size_t k = 0; k < sizeof sets / sizeof *sets; k++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s", PITH_CORPUS, sets[k]);
        DIR *d = opendir(dir);
        if (!d)
            ck_abort_msg("no dataset %s (make check unpacks ../shared/corpus into %s)", sets[k],
                         PITH_CORPUS);
        struct dirent *e;
        while ((e = readdir(d))) {
            if (!ends_with(e->d_name, ".html"))
                continue;
            char path[8192];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            size_t len;
            char *html = pi_test_read(path, &len);
            ck_assert_ptr_nonnull(html);
            struct timespec t0, t1;
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
            pi_input in = dec(html, len, NULL);
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
            secs += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
            bytes += len;
            npages++;
            if (in.replaced) {
                replaced++;
                printf("input: %zu U+FFFD for bad bytes in %s/%s (%s, %s, declared %s)\n",
                       in.replaced, sets[k], e->d_name, in.encoding, in.source,
                       in.declared[0] ? in.declared : "nothing");
            } else if (strstr(in.utf8, FFFD)) {
                literal++;
            }
            pi_input_free(&in);
            free(html);
        }
        closedir(d);
    }
    printf("input: %d corpus pages; U+FFFD for bad bytes in %d, U+FFFD in the page itself in "
           "%d; %.1f MB in %.3f s (%.0f MB/s)\n",
           npages, replaced, literal, (double)bytes / 1e6, secs, (double)bytes / 1e6 / secs);
    /* The pages that get U+FFFD are UTF-8 with a few stray Latin-1 bytes
     * (4 in the corpus of 2024): more means a wrong decision somewhere. */
    ck_assert_int_le(replaced, 4);
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, labels_whatwg);
    PI_CASE(s, labels_unknown);
    PI_CASE(s, prescan_forms);
    PI_CASE(s, prescan_skips);
    PI_CASE(s, prescan_vt_is_not_space);
    PI_CASE(s, prescan_window);
    PI_CASE(s, order_bom_beats_hint);
    PI_CASE(s, order_hint_beats_meta);
    PI_CASE(s, order_plain);
    PI_CASE(s, order_utf16_hint);
    PI_CASE(s, conflict_legacy_declared_utf8_bytes);
    PI_CASE(s, conflict_utf8_declared_legacy_bytes);
    PI_CASE(s, convert_replacement);
    PI_CASE(s, convert_invalid_utf8);
    PI_CASE(s, convert_iso_2022_jp);
    PI_CASE(s, convert_windows_1252_table);
    PI_CASE(s, clean_controls);
    PI_CASE(s, clean_invisible);
    PI_CASE(s, clean_nfc);
    PI_CASE(s, clean_nfc_long);
    PI_CASE(s, clean_inert_ranges);
    PI_CASE(s, clean_stream_safe);
    PI_CASE(s, view_no_copy);
    PI_CASE(s, edge_empty);
    PI_CASE(s, edge_one_byte);
    PI_CASE(s, edge_utf16_odd);
    PI_CASE(s, edge_big);
    PI_CASE(s, edge_out_of_memory);
    PI_CASE(s, pages);
    PI_CASE(s, pages_threads);
    PI_CASE_SLOW(s, corpus, 300);
}

PI_SUITE_MAIN("input", add)

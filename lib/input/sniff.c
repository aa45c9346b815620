/* sniff.c - binary input, by file signatures and by zero bytes.
 *
 * Signatures are those of the WHATWG MIME Sniffing Standard's image,
 * archive and font tables plus executables and PDF: none can begin an HTML
 * page. Zero bytes and other C0 controls: ASCII-compatible HTML has almost
 * none, UTF-16 has zeros in one byte of most code units of its markup,
 * UTF-32 in two or three bytes of every unit; other data has them
 * anywhere. */
#include "input/sniff.h"

#include <string.h>

/* ---- Tuning ------------------------------------------------------------ */

/* Zero bytes are counted in this many bytes at the start. */
#define SNIFF_BYTES 4096
/* Binary when at least one byte in CONTROL_SHARE of the sample is a zero or
 * another C0 control that text does not use, and the zeros do not follow
 * the code units of UTF-16 or UTF-32: a stray NUL or two in a page (seen in
 * real pages, cut-and-paste) is not enough, random bytes (compressed or
 * encrypted data without a signature) have one in ten. */
#define CONTROL_SHARE 64
#define MIN_ZEROS 4
/* UTF-16: in one byte position of the units (even or odd) at least this
 * share of the zeros (CJK characters put some in the other); UTF-32: this
 * share of the units with zeros in both high bytes. */
#define UNIT_SHARE_NUM 8
#define UNIT_SHARE_DEN 10

static const struct signature {
    const char *bytes;
    size_t len;
} SIGNATURES[] = {
    {"\x1f\x8b", 2},          /* gzip */
    {"PK\x03\x04", 4},        /* zip, docx, jar, epub */
    {"PK\x05\x06", 4},        /* empty zip */
    {"%PDF-", 5},             /* PDF */
    {"\x89PNG\r\n\x1a\n", 8}, /* PNG */
    {"\xff\xd8\xff", 3},      /* JPEG */
    {"GIF87a", 6},            /* GIF */
    {"GIF89a", 6},            /* GIF */
    {"\x7f"
     "ELF",
     4},        /* ELF */
    {"BZh", 3}, /* bzip2 (with a digit after) */
    {"\xfd"
     "7zXZ\x00",
     6},                       /* xz */
    {"\x28\xb5\x2f\xfd", 4},   /* zstd */
    {"7z\xbc\xaf\x27\x1c", 6}, /* 7-Zip */
    {"Rar!\x1a\x07", 6},       /* RAR */
    {"\x00"
     "asm",
     4},                         /* WebAssembly */
    {"\xca\xfe\xba\xbe", 4},     /* Java class, Mach-O fat */
    {"\xcf\xfa\xed\xfe", 4},     /* Mach-O 64 */
    {"OggS\x00", 5},             /* Ogg */
    {"wOFF", 4},                 /* WOFF */
    {"wOF2", 4},                 /* WOFF2 */
    {"II*\x00", 4},              /* TIFF */
    {"MM\x00*", 4},              /* TIFF */
    {"\x00\x00\x01\x00", 4},     /* ICO */
    {"ID3", 3},                  /* MP3 */
    {"\x1a\x45\xdf\xa3", 4},     /* Matroska, WebM */
    {"SQLite format 3\x00", 16}, /* SQLite */
    {"WARC/", 5},                /* a WARC file: records, not a page */
};

static int signature(const unsigned char *b, size_t len)
{
    for (size_t i = 0; i < sizeof SIGNATURES / sizeof SIGNATURES[0]; i++) {
        const struct signature *s = &SIGNATURES[i];

        if (len >= s->len && memcmp(b, s->bytes, s->len) == 0) {
            /* "BZh" is also how a word starts: bzip2 has a block size digit
             * and its block magic after it. */
            if (s->len == 3 && s->bytes[0] == 'B')
                return len >= 10 && b[3] >= '1' && b[3] <= '9' && memcmp(b + 4, "1AY&SY", 6) == 0;
            if (s->len == 3 && s->bytes[0] == 'I')
                return len >= 10 && b[3] < 5; /* ID3v2.2 - 2.4 */
            return 1;
        }
    }
    /* RIFF containers (WebP, WAV, AVI) and ISO media (MP4, HEIF, AVIF). */
    if (len >= 12 && memcmp(b, "RIFF", 4) == 0 &&
        (memcmp(b + 8, "WEBP", 4) == 0 || memcmp(b + 8, "WAVE", 4) == 0 ||
         memcmp(b + 8, "AVI ", 4) == 0))
        return 1;
    return len >= 12 && memcmp(b + 4, "ftyp", 4) == 0;
}

/* C0 controls that no text puts in a page: all but TAB, LF, VT, FF, CR and
 * ESC (ISO-2022 escapes). */
static int is_binary_control(unsigned char c)
{
    return c < 0x20 && c != '\t' && c != '\n' && c != 0x0b && c != '\f' && c != '\r' && c != 0x1b;
}

int pi_sniff_binary(const char *bytes, size_t len)
{
    const unsigned char *b = (const unsigned char *)bytes;
    size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES, zeros = 0, controls = 0;
    size_t at[4] = {0, 0, 0, 0};
    size_t units = n / 4;

    if (!bytes || len == 0)
        return 0;
    /* A byte-order mark says text, whatever follows. */
    if ((len >= 2 && ((b[0] == 0xfe && b[1] == 0xff) || (b[0] == 0xff && b[1] == 0xfe))) ||
        (len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf))
        return 0;
    if (signature(b, len))
        return 1;
    for (size_t i = 0; i < n; i++) {
        if (b[i] == 0) {
            zeros++;
            at[i % 4]++;
        }
        controls += is_binary_control(b[i]);
    }
    if (controls < MIN_ZEROS || controls * CONTROL_SHARE < n)
        return 0;
    /* Zeros in the layout of UTF-16 (the even or the odd bytes) or UTF-32
     * (nearly every unit's two high bytes, BMP) are text, as are the other
     * controls that UTF-16's code units then contain. */
    if (zeros >= MIN_ZEROS && ((at[0] + at[2]) * UNIT_SHARE_DEN >= zeros * UNIT_SHARE_NUM ||
                               (at[1] + at[3]) * UNIT_SHARE_DEN >= zeros * UNIT_SHARE_NUM))
        return 0;
    if (zeros >= MIN_ZEROS && ((at[0] * UNIT_SHARE_DEN >= units * UNIT_SHARE_NUM &&
                                at[1] * UNIT_SHARE_DEN >= units * UNIT_SHARE_NUM) ||
                               (at[2] * UNIT_SHARE_DEN >= units * UNIT_SHARE_NUM &&
                                at[3] * UNIT_SHARE_DEN >= units * UNIT_SHARE_NUM)))
        return 0;
    return 1;
}

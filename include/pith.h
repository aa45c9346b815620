/*
 * pith.h - extract the article from a web page.
 *
 * pith takes the bytes of an HTML page and gives back what a reader came for:
 * the article text and its title, without menus, banners, share bars, related
 * links, comments and footers.
 *
 * This header is the reference manual; read it top to bottom.
 *
 *   1. Simple interface: pith_extract() with default options.
 *   2. Options: an opaque, extensible set of typed settings.
 *   3. The document: accessors for what was extracted.
 *   4. Errors, versions, memory and threads.
 *   5. WARC files: the records of crawls, read as pages (pith_warc_*).
 *
 * Naming: functions and types start with "pith_", macros and enum values with
 * "PITH_". Every handle is opaque. Strings returned by accessors are UTF-8,
 * NUL-terminated, owned by the handle and valid until it is freed.
 *
 * Threads: the library has no mutable global state after its one-time
 * initialisation, which pith_extract() performs itself (pith_init() lets a
 * program do it up front). Any number of threads may call pith_extract() at
 * the same time. One pith_doc or pith_options handle must not be used by two
 * threads at once; a pith_options that is no longer modified may be shared
 * read-only by any number of concurrent pith_extract() calls.
 *
 * The library never prints, never aborts and never exits: every failure,
 * including running out of memory, is reported as a pith_status. An
 * extraction during which any one allocation fails, pith's or libxml2's,
 * ICU's, json-c's or zlib's, ends in PITH_OK with the same result as without
 * the failure, or in PITH_ERR_NOMEM, and leaks nothing of pith's (make
 * check-torture fails each allocation in turn). Not covered: a few failure
 * paths inside ICU 72 and json-c 0.16 crash in those libraries themselves
 * (ucsdet_open(), ICU's first default locale, the first load of a
 * dictionary break engine, json_tokener_parse_ex()), and libxml2 2.9.14
 * and ICU 72 leak a few bytes at three of their own failure points.
 */
#ifndef PITH_H
#define PITH_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(PITH_BUILDING_DLL)
#define PITH_API __declspec(dllexport)
#elif defined(__GNUC__) && __GNUC__ >= 4
#define PITH_API __attribute__((visibility("default")))
#else
#define PITH_API
#endif

/* ---------------------------------------------------------------------------
 * Versions
 * ------------------------------------------------------------------------- */

#define PITH_VERSION_MAJOR 0
#define PITH_VERSION_MINOR 1
#define PITH_VERSION_PATCH 0
/** 0xMMmmpp: major, minor and patch in one comparable number. */
#define PITH_VERSION_NUMBER \
    ((PITH_VERSION_MAJOR << 16) | (PITH_VERSION_MINOR << 8) | PITH_VERSION_PATCH)
#define PITH_VERSION_STRING "0.1.0"

/** The version string of the library linked at run time, e.g. "0.1.0".
 *  Compare with PITH_VERSION_STRING to detect a header/library mismatch. */
PITH_API const char *pith_version(void);

/** The version of the library linked at run time as 0xMMmmpp. */
PITH_API unsigned pith_version_number(void);

/* ---------------------------------------------------------------------------
 * Status codes
 *
 * Every fallible call returns a pith_status; PITH_OK is 0. Codes are only ever
 * appended: a value keeps its meaning in every later release.
 * ------------------------------------------------------------------------- */

typedef enum pith_status {
    PITH_OK = 0,
    /** A required pointer was NULL, or a length did not match its buffer. */
    PITH_ERR_INVALID_ARGUMENT = 1,
    /** Memory could not be allocated. Nothing was leaked. */
    PITH_ERR_NOMEM = 2,
    /** The option key is not known to this version of the library. */
    PITH_ERR_UNSUPPORTED_OPTION = 3,
    /** The option value is out of range or of the wrong type for its key. */
    PITH_ERR_OPTION_VALUE = 4,
    /** The input is larger than PITH_OPT_MAX_INPUT_SIZE. */
    PITH_ERR_INPUT_TOO_LARGE = 5,
    /** The HTML parser could not build a document from the input. */
    PITH_ERR_PARSE = 6,
    /** The encoding named by the caller is unknown or cannot be converted. */
    PITH_ERR_ENCODING = 7,
    /** The library failed to initialise (ICU or libxml2 could not start). */
    PITH_ERR_INIT = 8,
    /** An internal limit was hit (e.g. a buffer over 2 GiB). */
    PITH_ERR_LIMIT = 9,
    /** The page nests elements deeper than PITH_OPT_MAX_DEPTH. */
    PITH_ERR_TOO_DEEP = 10,
    /** The page has more elements than PITH_OPT_MAX_NODES. */
    PITH_ERR_TOO_MANY_NODES = 11,
    /** The extracted text is larger than PITH_OPT_MAX_OUTPUT_SIZE. */
    PITH_ERR_OUTPUT_TOO_LARGE = 12,
    /** The input is not HTML but binary data: it starts with the signature
     *  of gzip, zip, PDF, PNG, JPEG, GIF, ELF, a WARC file or another known
     *  binary format, or has zero bytes where no text encoding puts them
     *  (UTF-16 and UTF-32 pages, with or without a byte-order mark, are
     *  text). Since 0.1. */
    PITH_ERR_NOT_HTML = 13,
    /** Reading a file descriptor failed; errno tells why. Since 0.1. */
    PITH_ERR_IO = 14,
    /** The data ends inside a WARC record or a gzip member. Since 0.1. */
    PITH_ERR_TRUNCATED = 15,
    /** Bytes where a WARC record should start are not one, or a record's
     *  header is malformed (a line without a colon, no blank line after it,
     *  over 1 MiB) or lacks WARC-Type or Content-Length. Since 0.1. */
    PITH_ERR_WARC_HEADER = 16,
    /** A WARC record's Content-Length is not a decimal number, or is
     *  absurd (over 1 TiB). Since 0.1. */
    PITH_ERR_WARC_LENGTH = 17,
    /** Compressed data is corrupt, or uses a content coding that the
     *  library does not undo (only gzip and deflate are). Since 0.1. */
    PITH_ERR_COMPRESSION = 18,
    /** Compressed data inflates past a limit: a record's body past
     *  PITH_OPT_MAX_INPUT_SIZE, or a gzip member of a WARC file to over
     *  256 MiB at more than 200 times its size (a decompression bomb).
     *  Since 0.1. */
    PITH_ERR_INFLATE_LIMIT = 19,
    /** A WARC response record's HTTP message is malformed: no status line,
     *  no blank line after the head, or a broken chunked body. Since 0.1. */
    PITH_ERR_HTTP = 20,
    /** Not a failure: pith_warc_next() has no more records. Since 0.1. */
    PITH_END = 21
} pith_status;

/** A short, static English description of a status code. Never NULL; an
 *  unknown code gives "unknown status". */
PITH_API const char *pith_strerror(pith_status status);

/** The name of a status code as this header spells it, e.g.
 *  "PITH_ERR_NOT_HTML": static, never NULL; an unknown code gives
 *  "PITH_ERR_UNKNOWN". For logs and error records. Since 0.1. */
PITH_API const char *pith_status_name(pith_status status);

/* ---------------------------------------------------------------------------
 * Initialisation
 * ------------------------------------------------------------------------- */

/** Initialise libxml2 and ICU for use from many threads. Optional:
 *  pith_extract() calls it on first use. Safe to call more than once and from
 *  several threads. Returns PITH_OK, PITH_ERR_NOMEM or PITH_ERR_INIT. A
 *  failure is not kept: the next call (or pith_extract()) tries again and may
 *  succeed, except where ICU itself keeps the failure of its own one-time
 *  set-up, which it does for some failed allocations. The library never calls
 *  xmlCleanupParser(); a program that wants libxml2's memory back at exit may
 *  call it itself once every thread is done with pith. */
PITH_API pith_status pith_init(void);

/* ---------------------------------------------------------------------------
 * Options
 *
 * An opaque set of settings, keyed by enum values. A setting unknown to the
 * library at run time returns PITH_ERR_UNSUPPORTED_OPTION, so a program built
 * against a newer header fails cleanly on an older library. Passing NULL
 * where a pith_options is expected means "all defaults".
 * ------------------------------------------------------------------------- */

typedef struct pith_options pith_options;

typedef enum pith_option {
    /** string: the URL the page was fetched from. Relative links and images
     *  resolve against the page's <base href>, else this URL, else the
     *  page's canonical URL (without any, they stay relative in Markdown and
     *  are left out of HTML). Also evidence for metadata. Default: none. */
    PITH_OPT_URL = 1,
    /** string: the charset the transport declared, e.g. the charset of an
     *  HTTP Content-Type header ("windows-1251", "Shift_JIS"). It outranks
     *  what the page declares itself; a byte-order mark outranks it. An
     *  unknown label is ignored. Default: none. */
    PITH_OPT_ENCODING = 2,
    /** integer: largest input accepted, in bytes; larger input fails with
     *  PITH_ERR_INPUT_TOO_LARGE. Range 1 .. 2147483647. Default 67108864. */
    PITH_OPT_MAX_INPUT_SIZE = 3,
    /** integer (0 or 1): keep the headline (PITH_FIELD_HEADLINE) as the
     *  first line of the text when the page repeats it at the top of the
     *  article. Default 0. */
    PITH_OPT_KEEP_TITLE = 4,
    /** integer: deepest element nesting accepted; a deeper page fails with
     *  PITH_ERR_TOO_DEEP. Range 16 .. 1000000. Default 10000 (real pages
     *  stay under 100; libxml2 itself keeps any depth). */
    PITH_OPT_MAX_DEPTH = 5,
    /** integer: most elements accepted; a larger page fails with
     *  PITH_ERR_TOO_MANY_NODES. Range 1 .. 100000000. Default 5000000. */
    PITH_OPT_MAX_NODES = 6,
    /** integer: largest text output, in bytes; a larger result fails with
     *  PITH_ERR_OUTPUT_TOO_LARGE (no partial text is returned). Range
     *  1 .. 2147483647. Default 67108864. */
    PITH_OPT_MAX_OUTPUT_SIZE = 7,
    /** integer (0 or 1): pith_doc_render() writes link markup (Markdown
     *  links, <a href>); the link text is kept either way. Default 1. */
    PITH_OPT_LINKS = 8,
    /** integer (0 or 1): pith_doc_render() writes the article's images
     *  (Markdown images, <figure><img>). Default 1. */
    PITH_OPT_IMAGES = 9,
    /** integer (0 or 1): pith_doc_render() writes tables; 0 leaves them
     *  out. Default 1. */
    PITH_OPT_TABLES = 10,
    /** integer (0 or 1): pith_doc_render() writes emphasis, strong and
     *  inline code. Default 1. */
    PITH_OPT_FORMATTING = 11,
    /** integer (0 or 1): PITH_FORMAT_HTML gives a whole page (doctype,
     *  head with the headline (PITH_FIELD_HEADLINE), lang and dir, and the
     *  headline as the article's <h1>) instead of an <article> fragment.
     *  Default 0. */
    PITH_OPT_STANDALONE = 12,
    /** integer: the format of the "content" member that PITH_FORMAT_JSON
     *  adds beside "text": 0 (none), PITH_FORMAT_MARKDOWN or
     *  PITH_FORMAT_HTML. Default 0. */
    PITH_OPT_JSON_CONTENT = 13,
    /** integer (a pith_favor): which errors the extraction would rather
     *  make when the model is unsure of a block. Default
     *  PITH_FAVOR_BALANCED. Since 0.1. */
    PITH_OPT_FAVOR = 14,
    /** integer (0 or 1): record every decision of the extraction (each
     *  block's statistics, the rule or model decision that kept or dropped
     *  it, the candidates the rules scored), so that pith_doc_render() can
     *  write PITH_FORMAT_EXPLAIN. The extraction itself is the same: the
     *  text, metadata and every other format do not change. The document
     *  then keeps the parsed page until it is freed (memory of the order of
     *  ten times the input). Default 0: nothing is recorded and nothing
     *  costs. Since 0.1. */
    PITH_OPT_EXPLAIN = 15,
    /** integer (0 or 1): pith_doc_render() writes the reader comments
     *  (pith_doc_comment_get()) after the article, under a "Comments"
     *  heading: in text as "author, date" lines with each reply indented
     *  two spaces, in Markdown as block quotes (a reply one quote level
     *  deeper), in HTML as a <section class="comments"> of nested <ol>
     *  lists. JSON always has them ("comments"), the text of
     *  pith_doc_text() never. Default 0. Since 0.1. */
    PITH_OPT_COMMENTS = 16,
    /** string: the kind of page, when the caller knows it: "article",
     *  "blog", "product", "collection", "listing", "forum",
     *  "documentation" or "service" (the values of PITH_FIELD_PAGE_TYPE).
     *  The page model is then not consulted: the extraction treats the
     *  page as that kind (a blog as an article) wherever the kind matters
     *  (which blocks the block model keeps, whether comment sections are a
     *  forum's posts, whether a product or collection page that declares no
     *  article has authors and a date), and PITH_FIELD_PAGE_TYPE reports
     *  the value given, also for a page without text. Any other string is
     *  refused with PITH_ERR_OPTION_VALUE when set, and the option keeps
     *  its value. Default: none (the page model decides). Since 0.1. */
    PITH_OPT_PAGE_TYPE = 17
} pith_option;

/** The values of PITH_OPT_FAVOR. On each page the block model keeps the
 *  blocks from the probability of being content that gives the text the
 *  best expected F-score: F1 balanced, F0.5 to favour precision (less
 *  furniture, some content lost), F2 to favour recall (more of the
 *  content, more furniture); the likelier the page is an article, the
 *  nearer that cut to the one of a page whose content is sure (0.5, 0.8,
 *  0.2). Cross-validated on WCXB's development pages, mean word precision
 *  / recall per page: balanced 0.850 / 0.922, precision 0.882 / 0.869,
 *  recall 0.799 / 0.951 (without the article lean). */
typedef enum pith_favor {
    PITH_FAVOR_BALANCED = 0,
    PITH_FAVOR_PRECISION = 1,
    PITH_FAVOR_RECALL = 2
} pith_favor;

/** Allocate an option set with every setting at its default. Returns NULL
 *  when out of memory. Free with pith_options_free(). */
PITH_API pith_options *pith_options_new(void);

/** Free an option set. Accepts NULL. */
PITH_API void pith_options_free(pith_options *options);

/** Set a string option; the string is copied. NULL resets it to its default.
 *  Returns PITH_ERR_UNSUPPORTED_OPTION for an unknown key,
 *  PITH_ERR_OPTION_VALUE for a key that does not take a string,
 *  PITH_ERR_NOMEM, or PITH_OK. */
PITH_API pith_status pith_options_set_string(pith_options *options, pith_option key,
                                             const char *value);

/** Set an integer option. Returns PITH_ERR_UNSUPPORTED_OPTION for an unknown
 *  key, PITH_ERR_OPTION_VALUE for a value outside the bounds reported by
 *  pith_option_bounds() or a key that does not take an integer, or PITH_OK. */
PITH_API pith_status pith_options_set_int(pith_options *options, pith_option key, long long value);

/** The accepted range of an integer option. Returns
 *  PITH_ERR_UNSUPPORTED_OPTION for an unknown key and PITH_ERR_OPTION_VALUE for
 *  a string option; the outputs are written only on PITH_OK. */
PITH_API pith_status pith_option_bounds(pith_option key, long long *min, long long *max);

/* ---------------------------------------------------------------------------
 * Extraction
 * ------------------------------------------------------------------------- */

typedef struct pith_doc pith_doc;

/** Extract the article from html[0 .. len-1].
 *
 *  The bytes may be in any encoding; output is always UTF-8. The input is
 *  only read during the call and may be freed afterwards. `options` may be
 *  NULL for defaults. On PITH_OK, *doc receives a new handle to free with
 *  pith_doc_free(); on failure *doc is set to NULL and nothing is leaked.
 *
 *  A page with no recognisable article is not an error: the call succeeds and
 *  the text is empty. Empty input (len == 0) succeeds the same way; `html` may
 *  then be NULL.
 *
 *  Returns PITH_OK, PITH_ERR_INVALID_ARGUMENT (doc is NULL, or html is NULL
 *  with len > 0), PITH_ERR_INPUT_TOO_LARGE, PITH_ERR_TOO_DEEP,
 *  PITH_ERR_TOO_MANY_NODES, PITH_ERR_OUTPUT_TOO_LARGE, PITH_ERR_NOMEM,
 *  PITH_ERR_PARSE, PITH_ERR_INIT or PITH_ERR_LIMIT. Extraction is linear
 *  in the input size. */
PITH_API pith_status pith_extract(const char *html, size_t len, const pith_options *options,
                                  pith_doc **doc);

/** Free a document and every string it owns. Accepts NULL. */
PITH_API void pith_doc_free(pith_doc *doc);

/** The article as plain text: one block (paragraph, heading, list item, table
 *  row, preformatted block) per line, whitespace inside blocks collapsed to
 *  single spaces, preformatted text kept as it is. Never NULL; "" when the
 *  page has no article. Owned by `doc`. */
PITH_API const char *pith_doc_text(const pith_doc *doc);

/** Length in bytes of pith_doc_text(), without the terminating NUL. */
PITH_API size_t pith_doc_text_length(const pith_doc *doc);

/** The title of the page, as PITH_FIELD_TITLE: whitespace collapsed. Never
 *  NULL; "" when the page has none. Owned by `doc`. */
PITH_API const char *pith_doc_title(const pith_doc *doc);

/* ---------------------------------------------------------------------------
 * Output formats
 *
 * The article is kept as a document model (headings, paragraphs, nested
 * lists, tables, quotes, code blocks, figures; emphasis, strong, code, links,
 * line breaks) and rendered on demand, as often as wanted, in any format.
 * ------------------------------------------------------------------------- */

typedef enum pith_format {
    /** Plain text, as pith_doc_text(); tables as TAB-separated rows. */
    PITH_FORMAT_TEXT = 1,
    /** CommonMark with GitHub tables. Text that looks like markup is
     *  escaped; code blocks keep their whitespace exactly. */
    PITH_FORMAT_MARKDOWN = 2,
    /** A well-formed HTML fragment (<article>...</article>), or a page with
     *  PITH_OPT_STANDALONE: structural elements only, no scripts, styles or
     *  event handlers, absolute http(s)/mailto URLs only. */
    PITH_FORMAT_HTML = 3,
    /** One JSON object on one line: every metadata field (null or [] when
     *  unknown), "encoding" {"name","source"}, "layer", "confidence" (a
     *  number, PITH_FIELD_CONFIDENCE; since 0.1), "words" (ICU word
     *  units), "sentences" (ICU sentence rules), "paragraphs", "text",
     *  "comments" (an array of {"author", "published", "text", "depth"},
     *  as pith_doc_comment_get() gives them, [] when there are none; since
     *  0.1), and "format"/"content" when PITH_OPT_JSON_CONTENT asks for
     *  them. */
    PITH_FORMAT_JSON = 4,
    /** The explain view, for a document extracted with PITH_OPT_EXPLAIN: one
     *  self-contained HTML page that shows what was kept, what was dropped
     *  and why. A header with the metadata, the encoding and its source, the
     *  page type, the layer that decided and the words kept against the
     *  words on the page; every block of the page in reading order (the
     *  kept ones with the text the text format writes, in its order),
     *  coloured kept, dropped or comment, with its words, link density,
     *  text density, score and the rule or model decision that decided it
     *  ("link density 0.83 > 0.20", "name: class share-bar",
     *  "model p=0.12 < 0.50", "tail trim"), on hover and in a column; the
     *  rules' candidates with their scores; a legend and filters (kept,
     *  dropped, comments, by reason) that work without JavaScript. Safe to
     *  open: all page text is escaped, the page's URLs are written as text,
     *  nothing of its markup, scripts or styles is copied, and a
     *  Content-Security-Policy forbids every script and request. No external
     *  assets; the same document always gives the same bytes. Render options
     *  do not apply. Since 0.1. */
    PITH_FORMAT_EXPLAIN = 5
} pith_format;

/** Render the document in `format`. `options` (may be NULL for defaults)
 *  supplies PITH_OPT_LINKS, IMAGES, TABLES, FORMATTING, STANDALONE and
 *  JSON_CONTENT; other options are ignored here. On PITH_OK, *out receives a
 *  NUL-terminated UTF-8 string that the caller frees with pith_free(), and
 *  *len (if `len` is not NULL) its length. Returns PITH_ERR_INVALID_ARGUMENT
 *  (doc or out NULL, or PITH_FORMAT_EXPLAIN for a document extracted
 *  without PITH_OPT_EXPLAIN), PITH_ERR_OPTION_VALUE (unknown format) or
 *  PITH_ERR_NOMEM; *out is then NULL. Since 0.1. */
PITH_API pith_status pith_doc_render(const pith_doc *doc, pith_format format,
                                     const pith_options *options, char **out, size_t *len);

/* ---------------------------------------------------------------------------
 * Metadata and the extraction's own facts
 *
 * What the page says about itself, each value from the strongest source
 * present (JSON-LD, then OpenGraph and Twitter cards, Dublin Core and other
 * <meta> names, microdata, <time>, byline elements, <html lang>,
 * <link rel=canonical>, the URL, the <title>), and how the page was read.
 * A field is a list of strings: most hold zero or one value, authors and
 * tags any number. Keys are only ever appended.
 * ------------------------------------------------------------------------- */

typedef enum pith_field {
    /** The page's title as its strongest source declares it, whole: JSON-LD
     *  headline or name, then og:title, twitter:title, Dublin Core and other
     *  <meta> titles, microdata headline; else the <title> with the site
     *  name part split off ("Headline | Site", "Site - Headline"); else the
     *  first <h1>. A declared "Headline | Site" stays so (see
     *  PITH_FIELD_HEADLINE). At most one value. */
    PITH_FIELD_TITLE = 1,
    /** The authors' names, in page order. A date where a name should be
     *  ("Dec 31, 2025") or "undefined" is none; the next source is asked.
     *  More than four names in the visible markup (microdata, rel=author,
     *  byline elements) are a list's items' authors: then none. */
    PITH_FIELD_AUTHORS = 2,
    /** Publication date, ISO 8601: "2025-08-17" or "2025-08-17T11:25:00+03:00".
     *  NULL on a page that is no article, blog or forum thread when only a
     *  JSON-LD WebPage gives one (the CMS's record of the page), and on a
     *  documentation page when only the visible page does. */
    PITH_FIELD_PUBLISHED = 3,
    /** Last modification date, ISO 8601. */
    PITH_FIELD_MODIFIED = 4,
    /** The site's name, e.g. "CTech". */
    PITH_FIELD_SITE_NAME = 5,
    /** The page's own summary. */
    PITH_FIELD_DESCRIPTION = 6,
    /** Language as a BCP 47 tag, e.g. "en", "pt-BR". */
    PITH_FIELD_LANGUAGE = 7,
    /** Text direction: "ltr" or "rtl". */
    PITH_FIELD_DIRECTION = 8,
    /** Canonical URL, absolute; else the URL given as PITH_OPT_URL. */
    PITH_FIELD_URL = 9,
    /** Main image URL, absolute. */
    PITH_FIELD_IMAGE = 10,
    /** Tags, keywords and sections. */
    PITH_FIELD_TAGS = 11,
    /** The kind of page, as the page model reads the page (what it
     *  declares in JSON-LD, microdata and og:type, its URL, its make-up):
     *  "article" (a story, a post, a report), "blog" (an article the page
     *  declares a blog post), "product" (one product), "collection" (the
     *  products of a category or shop), "listing" (a list of things that
     *  are not products: results, events, courses, links), "forum" (a
     *  thread of posts, questions and answers), "documentation" (a manual,
     *  a reference, a guide), "service" (a company's or a service's own
     *  page: home, about, pricing); "other" when the page has no text
     *  blocks; the value of PITH_OPT_PAGE_TYPE when the caller gave one.
     *  Since 0.1: "collection", "listing", "documentation" and
     *  "service" are new, and "other" no longer stands for those. */
    PITH_FIELD_PAGE_TYPE = 12,
    /** The encoding the bytes were read in, e.g. "windows-1252". */
    PITH_FIELD_ENCODING = 13,
    /** Why that encoding: "bom", "hint", "meta", "utf-8", "detector" or
     *  "default". */
    PITH_FIELD_ENCODING_SOURCE = 14,
    /** Which layer of the extractor decided: "learned" (the usual case:
     *  every text block kept or dropped by the compiled block model, with
     *  the rules' result among its evidence), "score" (candidate scoring),
     *  "fallback" (no candidate: the whole body, cleaned), "relaxed" or
     *  "relaxed-fallback" (a later attempt of the rules, after a first
     *  result under 40% of the page's prose, that gave twice the words):
     *  the rules decided when the model kept nothing of what they kept;
     *  "json-ld" (the page's own articleBody, when the markup gave much
     *  less). For diagnostics; the values may grow. */
    PITH_FIELD_LAYER = 15,
    /** The headline the reader sees: the page's one <h1> when it is a line
     *  of words and not the site's name; else the same source as
     *  PITH_FIELD_TITLE with a site or section name split off whatever the
     *  source (full-width separators as their ASCII forms), and a leading
     *  bracketed label ("【速報】") left out. What the extractor uses to drop
     *  a repeated headline from the text. At most one value. Since 0.1. */
    PITH_FIELD_HEADLINE = 16,
    /** How far the extraction can be trusted: the block model's estimate
     *  of the word F1 of the text against what a reader would call the
     *  content, from 0 to 1, two decimals ("0.87"); pith_doc_confidence()
     *  gives it as a number. Pages under about 0.7 are the ones to send to
     *  a slower extractor or a person; a page without words gives
     *  "0.00". Absent when the page has no elements. Since 0.1. */
    PITH_FIELD_CONFIDENCE = 17
} pith_field;

/** Number of values of `field` (0 when the page does not say, or for an
 *  unknown key). */
PITH_API size_t pith_doc_count(const pith_doc *doc, pith_field field);

/** Value `index` of `field`, or NULL when there is no such value (absent
 *  field, index out of range, unknown key). UTF-8, owned by `doc`. */
PITH_API const char *pith_doc_get(const pith_doc *doc, pith_field field, size_t index);

/** PITH_FIELD_CONFIDENCE as a number from 0 to 1, or -1 when it is absent
 *  (or `doc` is NULL). Since 0.1. */
PITH_API double pith_doc_confidence(const pith_doc *doc);

/* ---------------------------------------------------------------------------
 * Reader comments
 *
 * Comments that follow the article (a blog's or a news site's thread, a
 * threaded discussion under a story) are found on every extraction, kept
 * out of the article's text whatever the options, and given here, one per
 * comment in page order, a reply after the comment it answers. A comment
 * section is an element named like comments (comments, respond, disqus,
 * discussion, replies ...) that holds comments (an author or a date, and
 * text), the comment form, or almost nothing (the placeholder of a plugin
 * that loads in a frame: its text stays out, and no comment is invented).
 * On a page whose type is forum (PITH_FIELD_PAGE_TYPE) the posts are the
 * content: none is taken for a comment. Since 0.1.
 * ------------------------------------------------------------------------- */

typedef enum pith_comment_field {
    /** The author's name as the page shows it, without "says:"; NULL when
     *  none is shown. */
    PITH_COMMENT_AUTHOR = 1,
    /** When it was written, ISO 8601 ("2024-05-03", "2024-05-03T09:14:00Z")
     *  as PITH_FIELD_PUBLISHED writes dates; NULL when the page shows no date
     *  that can be read as one ("3 hours ago"). */
    PITH_COMMENT_PUBLISHED = 2,
    /** Its text, without author, date, avatar and actions (reply, vote,
     *  share) and without its replies; paragraphs separated by LF. */
    PITH_COMMENT_TEXT = 3
} pith_comment_field;

/** The number of comments; 0 for NULL. */
PITH_API size_t pith_doc_comment_count(const pith_doc *doc);

/** Field `field` of comment `index` (0 .. count-1), or NULL (absent, index
 *  out of range, unknown field). UTF-8, owned by `doc`. */
PITH_API const char *pith_doc_comment_get(const pith_doc *doc, size_t index,
                                          pith_comment_field field);

/** The nesting of comment `index`: 0 for a comment on the article, 1 for a
 *  reply to one, and so on; -1 when out of range (or `doc` is NULL). */
PITH_API int pith_doc_comment_depth(const pith_doc *doc, size_t index);

/* ---------------------------------------------------------------------------
 * WARC files
 *
 * A reader of WARC files (ISO 28500: WARC 1.0 and 1.1), the way crawlers
 * store pages: plain, or gzip-compressed with one member per record or the
 * whole file as one member. It streams: memory stays bounded by the largest
 * record, whatever the size of the file. pith_warc_next() moves to the next
 * record that carries a page (a response, resource or conversion record;
 * warcinfo, request, metadata, revisit and continuation records are
 * skipped), and the accessors describe that record until the next call.
 * For a response record whose block is an HTTP message (Content-Type
 * application/http), the body is given as the page: its chunked transfer
 * coding and gzip or deflate content coding undone.
 *
 * A malformed record gives its status from pith_warc_next(), and the next
 * call goes on with the record after it where the file allows (the next
 * "WARC/" line, or the next gzip member after a corrupt one).
 *
 *     pith_warc *w;
 *     if (pith_warc_open_fd(fd, NULL, &w) == PITH_OK) {
 *         pith_status st;
 *         while ((st = pith_warc_next(w)) != PITH_END) {
 *             size_t len;
 *             const char *page = pith_warc_body(w, &len);
 *             if (st == PITH_OK)
 *                 ... pith_extract(page, len, ...) with the record's URL
 *                     (pith_warc_target_uri) and charset (pith_warc_charset)
 *         }
 *         pith_warc_free(w);
 *     }
 * ------------------------------------------------------------------------- */

typedef struct pith_warc pith_warc;

/** The type of a WARC record (its WARC-Type field). Since 0.1. */
typedef enum pith_warc_type {
    /** A type this version does not know, or no record yet. */
    PITH_WARC_OTHER = 0,
    PITH_WARC_WARCINFO = 1,
    /** The response a server sent, usually an HTTP message. */
    PITH_WARC_RESPONSE = 2,
    /** A resource fetched without a protocol message (a file, ftp). */
    PITH_WARC_RESOURCE = 3,
    PITH_WARC_REQUEST = 4,
    PITH_WARC_METADATA = 5,
    PITH_WARC_REVISIT = 6,
    /** Another version of a record's content (e.g. converted). */
    PITH_WARC_CONVERSION = 7,
    PITH_WARC_CONTINUATION = 8
} pith_warc_type;

/** A reader over a copy of data[0 .. len-1] (the caller's bytes may be
 *  freed at once). `options` may be NULL; PITH_OPT_MAX_INPUT_SIZE bounds a
 *  record's block and its decoded body (a larger page record fails with
 *  PITH_ERR_INPUT_TOO_LARGE or PITH_ERR_INFLATE_LIMIT). On PITH_OK *warc
 *  receives a reader to free with pith_warc_free(). Returns
 *  PITH_ERR_INVALID_ARGUMENT (warc NULL, or data NULL with len > 0) or
 *  PITH_ERR_NOMEM. Data that is not a WARC file gives PITH_ERR_WARC_HEADER
 *  from the first pith_warc_next(). Since 0.1. */
PITH_API pith_status pith_warc_open_memory(const void *data, size_t len,
                                           const pith_options *options, pith_warc **warc);

/** A reader over the file descriptor `fd`, read from its current position
 *  to its end (a file, a pipe, a socket); the reader never closes it.
 *  Otherwise as pith_warc_open_memory(); a read failure is PITH_ERR_IO
 *  from pith_warc_next(). Since 0.1. */
PITH_API pith_status pith_warc_open_fd(int fd, const pith_options *options, pith_warc **warc);

/** Free a reader and its current record. Accepts NULL. Since 0.1. */
PITH_API void pith_warc_free(pith_warc *warc);

/** Move to the next record that carries a page. Returns PITH_OK (the
 *  accessors describe it), PITH_END when the file has no more records, or
 *  the failure of one record: PITH_ERR_TRUNCATED, PITH_ERR_WARC_HEADER,
 *  PITH_ERR_WARC_LENGTH, PITH_ERR_COMPRESSION, PITH_ERR_INFLATE_LIMIT,
 *  PITH_ERR_HTTP, PITH_ERR_INPUT_TOO_LARGE, PITH_ERR_IO or PITH_ERR_NOMEM.
 *  After a failure the accessors describe what was read of the record (its
 *  number, and its type, id and URI when its header was read), and the next
 *  call goes on after it; PITH_END comes when nothing can be read any more.
 *  PITH_ERR_INVALID_ARGUMENT for a NULL reader. Since 0.1. */
PITH_API pith_status pith_warc_next(pith_warc *warc);

/** The current record's type (PITH_WARC_OTHER before the first record or
 *  for an unknown type). Since 0.1. */
PITH_API pith_warc_type pith_warc_record_type(const pith_warc *warc);

/** The current record's position in the file, counting every record from
 *  1 (skipped ones too); 0 when a failure came before any record header.
 *  Since 0.1. */
PITH_API unsigned long long pith_warc_record_number(const pith_warc *warc);

/** The current record's WARC-Record-ID (e.g. "<urn:uuid:...>"), or NULL
 *  when it has none. Owned by the reader, valid until the next
 *  pith_warc_next() or pith_warc_free(), as every string below. Since 0.1. */
PITH_API const char *pith_warc_record_id(const pith_warc *warc);

/** The current record's WARC-Target-URI, without the angle brackets WARC
 *  1.0 allowed, or NULL. Since 0.1. */
PITH_API const char *pith_warc_target_uri(const pith_warc *warc);

/** The current record's WARC-Date (ISO 8601, UTC), or NULL. Since 0.1. */
PITH_API const char *pith_warc_date(const pith_warc *warc);

/** The value of the current record's WARC header field `name` (any case;
 *  the first if repeated), or NULL. Owned as above. Since 0.1. */
PITH_API const char *pith_warc_header(const pith_warc *warc, const char *name);

/** The HTTP status code of the current response record (e.g. 200, 404),
 *  or 0 when its block is not an HTTP message. Since 0.1. */
PITH_API int pith_warc_http_status(const pith_warc *warc);

/** The value of the HTTP header field `name` (any case; the first if
 *  repeated) of the current response record, or NULL. Owned as above.
 *  Since 0.1. */
PITH_API const char *pith_warc_http_header(const pith_warc *warc, const char *name);

/** The media type of the page, as declared: the HTTP Content-Type of a
 *  response, else the record's own Content-Type; NULL when there is none.
 *  Owned as above. Since 0.1. */
PITH_API const char *pith_warc_content_type(const pith_warc *warc);

/** The charset parameter of pith_warc_content_type() (e.g. "windows-1251"),
 *  to pass as PITH_OPT_ENCODING; NULL when none is declared. Owned as
 *  above. Since 0.1. */
PITH_API const char *pith_warc_charset(const pith_warc *warc);

/** The page of the current record: the body of its HTTP message, decoded,
 *  or its whole block for other records; *len (if `len` is not NULL) gets
 *  its length. NUL-terminated (the page may contain NULs of its own), owned
 *  as above; "" with length 0 after a failure. Since 0.1. */
PITH_API const char *pith_warc_body(const pith_warc *warc, size_t *len);

/** Bytes of the input read so far (compressed bytes for a gzip file): the
 *  progress through a file of known size. Since 0.1. */
PITH_API unsigned long long pith_warc_bytes_read(const pith_warc *warc);

/** 1 when data[0 .. len-1], the first bytes of a file, begin a WARC record
 *  (plain, or inside a gzip member), else 0. A few hundred bytes are
 *  enough. Since 0.1. */
PITH_API int pith_warc_probe(const void *data, size_t len);

/* ---------------------------------------------------------------------------
 * Memory
 * ------------------------------------------------------------------------- */

/** Release memory that a pith_* function handed to the caller to own.
 *  Accepts NULL. Never use free() on such memory, nor pith_free() on strings
 *  owned by a handle. */
PITH_API void pith_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* PITH_H */

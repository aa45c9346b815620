/* dom.c - the tree with libxml2: parse, walk, change; the element-name
 * table. */
#include "tree/dom.h"
#include "base/error.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct tag {
    const char *name;
    unsigned flags;
};

#define B PI_TF_BLOCK
/* Sorted by name (for the reader; the lookup hashes). */
static const struct tag tags[] = {
    {"a", PI_TF_LINK},
    {"address", B},
    {"applet", PI_TF_DROP},
    {"article", B | PI_TF_MAIN},
    {"aside", B | PI_TF_FURNITURE},
    {"audio", PI_TF_DROP},
    {"base", PI_TF_DROP},
    {"blockquote", B | PI_TF_QUOTE},
    {"body", B},
    {"br", PI_TF_BR},
    {"button", PI_TF_DROP | PI_TF_FORMCTL},
    {"canvas", PI_TF_DROP},
    {"caption", B | PI_TF_CAPTION},
    {"center", B},
    {"code", PI_TF_CODE},
    {"datalist", PI_TF_DROP},
    {"dd", B | PI_TF_ITEM},
    {"details", B},
    {"dialog", B | PI_TF_FURNITURE},
    {"dir", B | PI_TF_LIST},
    {"div", B},
    {"dl", B | PI_TF_LIST},
    {"dt", B | PI_TF_ITEM},
    {"fieldset", B | PI_TF_FURNITURE},
    {"figcaption", B | PI_TF_CAPTION},
    {"figure", B | PI_TF_FIGURE},
    {"footer", B | PI_TF_FURNITURE},
    {"form", B | PI_TF_FURNITURE},
    {"frame", PI_TF_DROP},
    {"frameset", PI_TF_DROP},
    {"h1", B | PI_TF_HEADING},
    {"h2", B | PI_TF_HEADING},
    {"h3", B | PI_TF_HEADING},
    {"h4", B | PI_TF_HEADING},
    {"h5", B | PI_TF_HEADING},
    {"h6", B | PI_TF_HEADING},
    {"head", PI_TF_DROP},
    {"header", B | PI_TF_HEADER},
    {"hgroup", B | PI_TF_HEADER},
    {"hr", B | PI_TF_HR},
    {"html", B},
    {"iframe", PI_TF_DROP},
    {"img", PI_TF_IMG},
    {"input", PI_TF_DROP | PI_TF_FORMCTL},
    {"kbd", PI_TF_CODE},
    {"label", PI_TF_FORMCTL},
    {"legend", B},
    {"li", B | PI_TF_ITEM},
    {"link", PI_TF_DROP},
    {"listing", B | PI_TF_PRE},
    {"main", B | PI_TF_MAIN},
    {"map", PI_TF_DROP},
    {"math", PI_TF_DROP},
    {"menu", B | PI_TF_LIST | PI_TF_FURNITURE},
    {"meta", PI_TF_DROP},
    {"nav", B | PI_TF_FURNITURE},
    {"noframes", PI_TF_DROP},
    {"noscript", PI_TF_DROP},
    {"object", PI_TF_DROP},
    {"ol", B | PI_TF_LIST},
    {"optgroup", PI_TF_DROP},
    {"option", PI_TF_DROP},
    {"output", PI_TF_DROP},
    {"p", B | PI_TF_PARA},
    {"param", PI_TF_DROP},
    {"picture", PI_TF_IMG},
    {"plaintext", B | PI_TF_PRE},
    {"pre", B | PI_TF_PRE},
    {"progress", PI_TF_DROP},
    {"rp", PI_TF_DROP}, /* ruby: the base text is the text, not its reading */
    {"rt", PI_TF_DROP},
    {"samp", PI_TF_CODE},
    {"script", PI_TF_DROP},
    {"section", B},
    {"select", PI_TF_DROP | PI_TF_FORMCTL},
    {"style", PI_TF_DROP},
    {"summary", B},
    {"svg", PI_TF_DROP},
    {"table", B | PI_TF_TABLE},
    {"tbody", B},
    {"td", B | PI_TF_CELL},
    {"template", PI_TF_DROP},
    {"textarea", PI_TF_DROP | PI_TF_FORMCTL},
    {"tfoot", B},
    {"th", B | PI_TF_CELL},
    {"thead", B},
    {"title", PI_TF_DROP},
    {"tr", B | PI_TF_ROW},
    {"tt", PI_TF_CODE},
    {"ul", B | PI_TF_LIST},
    {"video", PI_TF_DROP},
    {"xmp", B | PI_TF_PRE},
};
#undef B

/* Open addressing over the table above, built once on first use and only
 * read afterwards: a name costs one hash and usually one strcmp, where the
 * binary search took seven (this runs for every element, twice). */
#define N_TAGS (sizeof tags / sizeof tags[0])
#define TAG_SLOTS 256 /* a power of two, over twice N_TAGS */
_Static_assert(N_TAGS * 2 < TAG_SLOTS && N_TAGS < 255, "tag_slots is too small");

static uint8_t tag_slots[TAG_SLOTS]; /* index into tags + 1; 0 is empty */
static pthread_once_t tag_once = PTHREAD_ONCE_INIT;

static unsigned tag_hash(const unsigned char *s)
{
    unsigned h = 5381;
    for (; *s; s++)
        h = h * 33 + *s;
    return h;
}

static void build_tag_slots(void)
{
    for (size_t i = 0; i < N_TAGS; i++) {
        unsigned h = tag_hash((const unsigned char *)tags[i].name);
        while (tag_slots[h & (TAG_SLOTS - 1)])
            h++;
        tag_slots[h & (TAG_SLOTS - 1)] = (uint8_t)(i + 1);
    }
}

unsigned pi_tag_flags(const char *name)
{
    if (!name)
        return 0;
    pthread_once(&tag_once, build_tag_slots);
    for (unsigned h = tag_hash((const unsigned char *)name);; h++) {
        unsigned i = tag_slots[h & (TAG_SLOTS - 1)];
        if (!i)
            return 0;
        if (!strcmp(name, tags[i - 1].name))
            return tags[i - 1].flags;
    }
}

int pi_heading_level(const char *name)
{
    if (name && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2])
        return name[1] - '0';
    return 0;
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void silent_structured(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

/* libxml2 2.9's HTML parser, when one of its allocations fails, mostly
 * drops the node and goes on, and at some failure points loops for ever
 * (xmlNextChar after a failed grow); only its error reports tell. Every
 * report of this call comes here (the handler is per thread and set for
 * the call): a failed allocation stops the parse at once, and the page is
 * PI_ENOMEM, whatever document comes back. */
struct parse_watch {
    htmlParserCtxtPtr ctxt;
    int oom;
};

static void watch_parse(void *ctx, xmlErrorPtr e)
{
    struct parse_watch *w = ctx;
    if (e && e->code == XML_ERR_NO_MEMORY) {
        w->oom = 1;
        /* End the input where it stands: every loop of the parser stops
         * at the NUL there. libxml2's own htmlErrMemory() sets instate to
         * XML_PARSER_EOF, after which xmlNextChar() no longer moves and a
         * loop calling it spins for ever; xmlStopParser() would free the
         * input buffer that the failing call is still using. */
        w->ctxt->disableSAX = 1;
        if (w->ctxt->myDoc && w->ctxt->input && w->ctxt->input->end)
            w->ctxt->input->cur = w->ctxt->input->end;
    }
}

/* ---- attribute cap ------------------------------------------------------
 *
 * libxml2 2.9 compares each new attribute of a start tag with every earlier
 * one (70,000 attributes on one element: 11 s). Before parsing we walk the
 * page the way libxml2's HTML tokenizer does and blank out, with spaces,
 * every attribute of a tag past the first PI_MAX_TAG_ATTRS; real tags carry
 * a few dozen at most.
 *
 * The walk must agree with libxml2 on where each tag starts and ends, or a
 * tag that it hides inside a quoted value, comment or script could reach
 * the parser whole. So it follows libxml2 2.9's rules, checked one by one
 * against the parser (see test_dom): names of at most 100 characters
 * (a longer attribute name is several attributes), quotes only at the start
 * of a value, comments ending at "-->" or "--!>", script and style ending
 * at "</script" or "</style" followed by a non-name byte, end tags and
 * processing instructions ending at the next '>', doctypes with quoted
 * literals after PUBLIC or SYSTEM. */
#define PI_MAX_TAG_ATTRS 256
#define PI_NAME_CHUNK 100 /* libxml2's HTML_PARSER_BUFFER_SIZE */

/* Byte classes of the walk, a table built once (pthread_once): the tests
 * run for nearly every byte of the tags. */
enum { C_BLANK = 1, C_LETTER = 2, C_NAME_START = 4, C_NAME = 8 };
static uint8_t byte_class[256];
static pthread_once_t class_once = PTHREAD_ONCE_INIT;

static void build_byte_class(void)
{
    for (unsigned c = 0; c < 256; c++) {
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        int start = letter || c == '_' || c == ':' || c == '.';
        int name = start || (c >= '0' && c <= '9') || c == '-';
        byte_class[c] = (uint8_t)((c == ' ' || c == '\t' || c == '\n' || c == '\r' ? C_BLANK : 0) |
                                  (letter ? C_LETTER : 0) | (start ? C_NAME_START : 0) |
                                  (name ? C_NAME : 0));
    }
}

static int is_blank(unsigned char c)
{
    return byte_class[c] & C_BLANK;
}

static int is_letter(unsigned char c)
{
    return byte_class[c] & C_LETTER;
}

static int is_name_start(unsigned char c)
{
    return byte_class[c] & C_NAME_START;
}

static int is_name_char(unsigned char c)
{
    return byte_class[c] & C_NAME;
}

static size_t name_len(const unsigned char *s, size_t i, size_t len)
{
    size_t j = i;
    while (j < len && is_name_char(s[j]))
        j++;
    return j - i;
}

static size_t skip_blanks(const unsigned char *s, size_t i, size_t len)
{
    while (i < len && is_blank(s[i]))
        i++;
    return i;
}

/* Index of the first `c` (or NUL) at or after i, or len. memchr beats a
 * byte loop on long quoted values. *nul is the index of a NUL at or after
 * the previous i (or len): most pages have none, and it is searched for
 * again only when passed. */
static size_t find_byte(const unsigned char *s, size_t i, size_t len, unsigned char c, size_t *nul)
{
    if (i >= len)
        return i;
    if (*nul < i) {
        const unsigned char *z = memchr(s + i, 0, len - i);
        *nul = z ? (size_t)(z - s) : len;
    }
    const unsigned char *q = memchr(s + i, c, len - i);
    size_t end = q ? (size_t)(q - s) : len;
    return end < *nul ? end : *nul;
}

/* Index just past the end of a comment whose body starts at i: after the
 * first "-->" or "--!>", whichever comes first, or len. One pass: searching
 * for each ending on its own went to the end of the page for every comment
 * of a page without "--!>", quadratic in the page size. */
static size_t comment_end(const unsigned char *s, size_t i, size_t len)
{
    while (i + 3 <= len) {
        const unsigned char *d = memchr(s + i, '-', len - i - 2);
        if (!d)
            break;
        i = (size_t)(d - s);
        if (s[i + 1] == '-') {
            if (s[i + 2] == '>')
                return i + 3;
            if (s[i + 2] == '!' && i + 4 <= len && s[i + 3] == '>')
                return i + 4;
        }
        i++;
    }
    return len;
}

/* After the raw text of a script or style element (name of n bytes) that
 * starts at i: the index of its "</name", or len. */
static size_t raw_end(const unsigned char *s, size_t i, size_t len, const char *name, size_t n)
{
    while (i + 2 + n <= len) {
        /* The last place "</name" fits starts at len - 2 - n. */
        const unsigned char *lt = memchr(s + i, '<', len - 1 - n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (s[i + 1] == '/' && !strncasecmp((const char *)s + i + 2, name, n) &&
            (i + 2 + n == len || !is_name_char(s[i + 2 + n])))
            return i;
        i++;
    }
    return len;
}

/* A start tag at s[i] == '<' followed by a letter. Counts its attributes as
 * libxml2 will, blanking those past the cap when `out` is set (out mirrors
 * s). Returns the index after the tag; *excess counts blanked attributes,
 * *raw is set for a script or style element that is not self-closed. */
static size_t start_tag(const unsigned char *s, size_t i, size_t len, char *out, size_t *excess,
                        size_t *raw, size_t *nul)
{
    size_t n = name_len(s, i + 1, len);
    size_t j = i + 1 + n;
    /* A name past 100 bytes goes on as attributes. */
    size_t count = (n - 1) / PI_NAME_CHUNK;
    *raw = 0;
    if (n == 6 && !strncasecmp((const char *)s + i + 1, "script", 6))
        *raw = 6;
    else if (n == 5 && !strncasecmp((const char *)s + i + 1, "style", 5))
        *raw = 5;
    for (;;) {
        j = skip_blanks(s, j, len);
        if (j >= len || !s[j])
            return j;
        if (s[j] == '>')
            return j + 1;
        if (s[j] == '/' && j + 1 < len && s[j + 1] == '>') {
            *raw = 0;
            return j + 2;
        }
        size_t a = j;
        if (!is_name_start(s[j])) {
            /* libxml2 drops a bogus token up to a blank or the tag's end. */
            while (j < len && s[j] && !is_blank(s[j]) && s[j] != '>' &&
                   !(s[j] == '/' && j + 1 < len && s[j + 1] == '>'))
                j++;
            continue;
        }
        size_t an = name_len(s, j, len);
        j += an;
        count += (an + PI_NAME_CHUNK - 1) / PI_NAME_CHUNK;
        size_t k = skip_blanks(s, j, len);
        if (k < len && s[k] == '=') {
            j = skip_blanks(s, k + 1, len);
            if (j < len && (s[j] == '"' || s[j] == '\'')) {
                j = find_byte(s, j + 1, len, s[j], nul);
                if (j < len && s[j])
                    j++; /* the closing quote; at NUL or the end, the tag ends */
            } else {
                while (j < len && s[j] && !is_blank(s[j]) && s[j] != '>')
                    j++;
            }
        }
        if (count > PI_MAX_TAG_ATTRS) {
            (*excess)++;
            if (out)
                memset(out + a, ' ', j - a);
        }
    }
}

/* Count (out == NULL) or blank (out a copy of s) the attributes past the
 * cap in the whole page. Linear: every byte is looked at a bounded number
 * of times. */
static size_t cap_attributes(const unsigned char *s, size_t len, char *out)
{
    size_t excess = 0, i = 0, nul = 0;
    const unsigned char *z = memchr(s, 0, len);
    nul = z ? (size_t)(z - s) : len;
    while (i < len) {
        const unsigned char *lt = memchr(s + i, '<', len - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        unsigned char c = i + 1 < len ? s[i + 1] : 0;
        if (is_letter(c)) {
            size_t raw;
            i = start_tag(s, i, len, out, &excess, &raw, &nul);
            if (raw)
                i = raw_end(s, i, len, raw == 6 ? "script" : "style", raw);
        } else if (c == '!' && i + 3 < len && s[i + 2] == '-' && s[i + 3] == '-') {
            i = comment_end(s, i + 4, len);
        } else if (c == '!' && i + 9 <= len &&
                   !strncasecmp((const char *)s + i + 2, "doctype", 7)) {
            size_t j = skip_blanks(s, i + 9, len);
            j += name_len(s, j, len);
            j = skip_blanks(s, j, len);
            if (j + 6 <= len && (!strncasecmp((const char *)s + j, "public", 6) ||
                                 !strncasecmp((const char *)s + j, "system", 6))) {
                j += 6;
                for (int lit = 0; lit < 2; lit++) {
                    j = skip_blanks(s, j, len);
                    if (j >= len || (s[j] != '"' && s[j] != '\''))
                        break;
                    j = find_byte(s, j + 1, len, s[j], &nul);
                    if (j < len && s[j])
                        j++;
                }
            }
            i = find_byte(s, j, len, '>', &nul);
        } else if ((c == '/' || c == '?') && i + 2 < len && is_name_start(s[i + 2])) {
            i = find_byte(s, i + 2, len, '>', &nul);
        } else {
            i++;
        }
    }
    return excess;
}

void pi_dom_init(void)
{
    /* Its set-up reports a failed allocation on stderr unless silenced. */
    xmlSetGenericErrorFunc(NULL, silent);
    xmlSetStructuredErrorFunc(NULL, silent_structured);
    xmlInitParser();
}

/* Content after </body> or </html> belongs to the body, as a browser's
 * parser puts it ("after body" insertion modes); libxml2 leaves it beside
 * the body, or under a second <html> after the first. Elements and
 * comments move to the end of the body in their order, and a shell left
 * empty goes; text between them stays (moving it could merge it into a
 * neighbour, which allocates). Nothing is allocated. */
static void adopt(xmlNodePtr body, xmlNodePtr n)
{
    if (n->type == XML_ELEMENT_NODE && n->name &&
        (!strcmp((const char *)n->name, "html") || !strcmp((const char *)n->name, "body"))) {
        for (xmlNodePtr c = n->children, next; c; c = next) {
            next = c->next;
            adopt(body, c);
        }
        if (!n->children) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        }
    } else if ((n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "head")) ||
               n->type == XML_COMMENT_NODE) {
        xmlUnlinkNode(n);
        xmlAddChild(body, n);
    }
}

static void adopt_after_body(xmlDocPtr doc)
{
    xmlNodePtr html = doc->children, body = NULL;
    while (html && html->type != XML_ELEMENT_NODE)
        html = html->next;
    if (!html || !html->name || strcmp((const char *)html->name, "html"))
        return;
    for (body = html->children; body; body = body->next)
        if (body->type == XML_ELEMENT_NODE && !strcmp((const char *)body->name, "body"))
            break;
    if (!body)
        return;
    for (xmlNodePtr n = body->next, next; n; n = next) {
        next = n->next;
        adopt(body, n);
    }
    for (xmlNodePtr n = html->next, next; n; n = next) {
        next = n->next;
        adopt(body, n);
    }
}

int pi_parse_html(const char *utf8, size_t len, const char *url, pi_tree **out)
{
    *out = NULL;
    if (len > INT_MAX)
        return PI_ELIMIT;
    /* Pages within the cap, nearly all, are parsed as they are; the others
     * from a copy with the extra attributes blanked. */
    char *capped = NULL;
    pthread_once(&class_once, build_byte_class);
    if (cap_attributes((const unsigned char *)utf8, len, NULL)) {
        if (!(capped = malloc(len)))
            return PI_ENOMEM;
        memcpy(capped, utf8, len);
        cap_attributes((const unsigned char *)utf8, len, capped);
        utf8 = capped;
    }
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) {
        free(capped);
        return PI_ENOMEM;
    }
    /* Error handlers are per thread in libxml2: set them here, in the
     * calling thread, every time; the watch only for this parse. */
    struct parse_watch watch = {ctxt, 0};
    xmlSetGenericErrorFunc(NULL, silent);
    xmlSetStructuredErrorFunc(&watch, watch_parse);
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
               HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
    if (len == 0) {
        utf8 = "<html></html>";
        len = strlen(utf8);
    }
    /* Some failures are reported nowhere (a name the dictionary could not
     * store is a name missing): errno, which a failed allocation sets, is
     * the only trace they leave. */
    errno = 0;
    *out = htmlCtxtReadMemory(ctxt, utf8, (int)len, url, "UTF-8", opts);
    int oom = watch.oom || ctxt->errNo == XML_ERR_NO_MEMORY || errno == ENOMEM;
    xmlSetStructuredErrorFunc(NULL, silent_structured);
    htmlFreeParserCtxt(ctxt);
    free(capped);
    if (oom) {
        xmlFreeDoc(*out);
        *out = NULL;
        return PI_ENOMEM;
    }
    if (!*out)
        return PI_EPARSE;
    adopt_after_body(*out);
    return PI_OK;
}

void pi_tree_free(pi_tree *t)
{
    xmlFreeDoc(t);
}

const char *pi_attr(const pi_dom *n, const char *name)
{
    for (const pi_dom_attr *a = n->properties; a; a = a->next)
        if (a->name && a->name[0] == (xmlChar)name[0] && strcmp((const char *)a->name, name) == 0)
            return pi_dom_attr_value(a);
    return NULL;
}

pi_dom *pi_next(const pi_dom *n, const pi_dom *root, int skip_children)
{
    if (!skip_children && n->children && n->type != XML_ENTITY_REF_NODE)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

char *pi_dom_text(const pi_dom *n)
{
    return (char *)xmlNodeGetContent(n);
}

void pi_dom_free_text(char *text)
{
    xmlFree(text);
}

const char *pi_dom_base_href(const pi_dom *root)
{
    for (const pi_dom *n = root; n; n = pi_next(n, root, 0)) {
        if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "base"))
            continue;
        const char *href = pi_attr(n, "href");
        return href && *href ? href : NULL;
    }
    return NULL;
}

void pi_dom_remove(pi_dom *n)
{
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

void pi_dom_move_before(pi_dom *n, pi_dom *target)
{
    /* An element merges with no neighbour: nothing is allocated. */
    xmlUnlinkNode(n);
    xmlAddPrevSibling(target, n);
}

pi_dom *pi_dom_unwrap(pi_dom *n, const pi_dom *root, int *oom)
{
    pi_dom *prev = n->prev, *parent = n->parent;
    while (n->children) {
        pi_dom *c = n->children;
        xmlUnlinkNode(c);
        /* It may merge text into its neighbour, and then reports a failed
         * allocation nowhere but in errno. */
        errno = 0;
        xmlAddPrevSibling(n, c);
        if (errno == ENOMEM)
            *oom = 1;
    }
    pi_dom *next = prev ? prev->next : parent->children;
    if (next == n)
        next = pi_next(n, root, 1);
    pi_dom_remove(n);
    return next;
}

unsigned pi_dom_entity(const char *name)
{
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
    return e ? e->value : 0;
}

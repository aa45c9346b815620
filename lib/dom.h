/* dom.h - parse UTF-8 HTML with libxml2, and what each element name means. */
#ifndef PI_DOM_H
#define PI_DOM_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stddef.h>

/* What an element name says about the element, as a bit set. libxml2 2.9 knows
 * nothing of HTML5 block rules, so we decide "block" from our own table. */
enum {
    PI_TF_DROP = 1u << 0,      /* never content: script, style, svg, iframe ... */
    PI_TF_BLOCK = 1u << 1,     /* starts a new line in text output */
    PI_TF_HEADING = 1u << 2,   /* h1..h6 */
    PI_TF_LIST = 1u << 3,      /* ul, ol, menu, dl */
    PI_TF_ITEM = 1u << 4,      /* li, dt, dd */
    PI_TF_TABLE = 1u << 5,     /* table */
    PI_TF_ROW = 1u << 6,       /* tr */
    PI_TF_CELL = 1u << 7,      /* td, th */
    PI_TF_PRE = 1u << 8,       /* pre, listing, xmp, plaintext */
    PI_TF_QUOTE = 1u << 9,     /* blockquote */
    PI_TF_PARA = 1u << 10,     /* p and other paragraph-like leaves */
    PI_TF_FURNITURE = 1u << 11, /* nav, aside, footer, form, dialog, menu ... */
    PI_TF_MAIN = 1u << 12,     /* article, main */
    PI_TF_LINK = 1u << 13,     /* a */
    PI_TF_IMG = 1u << 14,      /* img, picture */
    PI_TF_BR = 1u << 15,       /* br */
    PI_TF_CAPTION = 1u << 16,  /* figcaption, caption */
    PI_TF_HR = 1u << 17,       /* hr */
    PI_TF_FIGURE = 1u << 18,   /* figure */
    PI_TF_HEADER = 1u << 19,   /* header, hgroup */
    PI_TF_FORMCTL = 1u << 20,  /* input, button, select, textarea, label */
    PI_TF_CODE = 1u << 21      /* code, kbd, samp, tt */
};

/* Flags of an element name (lowercase, as libxml2 gives it). 0 for unknown
 * (inline) elements. */
unsigned pi_tag_flags(const xmlChar *name);

/* Heading level 1..6 of h1..h6, else 0. */
int pi_heading_level(const xmlChar *name);

/* Parse `len` bytes of UTF-8 HTML. Never prints. On failure returns NULL and
 * sets *err (PI_ENOMEM, PI_ELIMIT for input over INT_MAX bytes, PI_EPARSE). */
xmlDocPtr pi_parse_html(const char *utf8, size_t len, const char *url, int *err);

/* The value of attribute `name` of `n` without copying, or NULL. Only plain
 * text attribute values are returned (the common case in HTML). */
const char *pi_attr(xmlNodePtr n, const char *name);

/* Next node in document order (pre-order), not descending into `n` when
 * `skip_children` is set; NULL after the last node under `root`. Iterative:
 * safe on trees of any depth. */
xmlNodePtr pi_next(xmlNodePtr n, xmlNodePtr root, int skip_children);

#endif

/* dom.h - the tree, behind one door: parse UTF-8 HTML, walk and change the
 * tree, and what each element name means.
 *
 * The stages see the tree only through the type and accessors below; none
 * names a libxml2 type or field. The accessors are static inline, so they
 * cost what a field access costs; building the tree another way (an arena
 * from SAX events, another parser) changes this file and dom.c alone. */
#ifndef PI_DOM_H
#define PI_DOM_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stddef.h>
#include <stdint.h>

/* A node of the tree (element, text or other) and a parsed page. */
typedef struct _xmlNode pi_dom;
typedef struct _xmlDoc pi_tree;
typedef struct _xmlAttr pi_dom_attr;

/* What a node is. Text is PI_DOM_TEXT; PI_DOM_CDATA is text the parser
 * kept apart (rare in HTML). */
typedef enum pi_dom_kind {
    PI_DOM_ELEMENT,
    PI_DOM_TEXT,
    PI_DOM_CDATA,
    PI_DOM_COMMENT,
    PI_DOM_PI,
    PI_DOM_DTD,
    PI_DOM_ENTITY_REF,
    PI_DOM_OTHER
} pi_dom_kind;

static inline pi_dom_kind pi_dom_kind_of(const pi_dom *n)
{
    switch (n->type) {
    case XML_ELEMENT_NODE:
        return PI_DOM_ELEMENT;
    case XML_TEXT_NODE:
        return PI_DOM_TEXT;
    case XML_CDATA_SECTION_NODE:
        return PI_DOM_CDATA;
    case XML_COMMENT_NODE:
        return PI_DOM_COMMENT;
    case XML_PI_NODE:
        return PI_DOM_PI;
    case XML_DTD_NODE:
        return PI_DOM_DTD;
    case XML_ENTITY_REF_NODE:
        return PI_DOM_ENTITY_REF;
    default:
        return PI_DOM_OTHER;
    }
}

static inline int pi_dom_is_element(const pi_dom *n)
{
    return n->type == XML_ELEMENT_NODE;
}

static inline int pi_dom_is_text(const pi_dom *n)
{
    return n->type == XML_TEXT_NODE;
}

/* Text or CDATA: a node whose characters are text. */
static inline int pi_dom_has_chars(const pi_dom *n)
{
    return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

static inline pi_dom *pi_dom_parent(const pi_dom *n)
{
    return n->parent;
}

static inline pi_dom *pi_dom_first_child(const pi_dom *n)
{
    return n->children;
}

static inline pi_dom *pi_dom_next_sibling(const pi_dom *n)
{
    return n->next;
}

static inline pi_dom *pi_dom_prev_sibling(const pi_dom *n)
{
    return n->prev;
}

/* The lowercase name of an element (libxml2 lowercases HTML names). */
static inline const char *pi_dom_name(const pi_dom *n)
{
    return (const char *)n->name;
}

/* The characters of a text or CDATA node, or NULL. */
static inline const char *pi_dom_chars(const pi_dom *n)
{
    return (const char *)n->content;
}

/* A number the stages keep on each element (stats.c: its index + 1; 0 when
 * unset). */
static inline uint32_t pi_dom_mark(const pi_dom *n)
{
    return (uint32_t)(uintptr_t)n->_private;
}

static inline void pi_dom_set_mark(pi_dom *n, uint32_t mark)
{
    n->_private = (void *)(uintptr_t)mark;
}

/* The root element of a page, or NULL. */
static inline pi_dom *pi_tree_root(const pi_tree *t)
{
    return xmlDocGetRootElement(t);
}

/* The page as a node: the parent of the root element, and of what lies
 * outside it. */
static inline pi_dom *pi_tree_node(pi_tree *t)
{
    return (pi_dom *)t;
}

/* Attributes, in source order. */
static inline pi_dom_attr *pi_dom_attrs(const pi_dom *n)
{
    return n->properties;
}

static inline pi_dom_attr *pi_dom_attr_next(const pi_dom_attr *a)
{
    return a->next;
}

static inline const char *pi_dom_attr_name(const pi_dom_attr *a)
{
    return (const char *)a->name;
}

/* The value of an attribute: its text, or "" when the parser gave it no
 * plain text (an empty value, or one split by entities it kept). */
static inline const char *pi_dom_attr_value(const pi_dom_attr *a)
{
    const pi_dom *t = a->children;
    if (t && t->type == XML_TEXT_NODE && !t->next)
        return (const char *)t->content;
    return "";
}

/* What an element name says about the element, as a bit set. libxml2 2.9 knows
 * nothing of HTML5 block rules, so we decide "block" from our own table. */
enum {
    PI_TF_DROP = 1u << 0,       /* never content: script, style, svg, iframe ... */
    PI_TF_BLOCK = 1u << 1,      /* starts a new line in text output */
    PI_TF_HEADING = 1u << 2,    /* h1..h6 */
    PI_TF_LIST = 1u << 3,       /* ul, ol, menu, dl */
    PI_TF_ITEM = 1u << 4,       /* li, dt, dd */
    PI_TF_TABLE = 1u << 5,      /* table */
    PI_TF_ROW = 1u << 6,        /* tr */
    PI_TF_CELL = 1u << 7,       /* td, th */
    PI_TF_PRE = 1u << 8,        /* pre, listing, xmp, plaintext */
    PI_TF_QUOTE = 1u << 9,      /* blockquote */
    PI_TF_PARA = 1u << 10,      /* p and other paragraph-like leaves */
    PI_TF_FURNITURE = 1u << 11, /* nav, aside, footer, form, dialog, menu ... */
    PI_TF_MAIN = 1u << 12,      /* article, main */
    PI_TF_LINK = 1u << 13,      /* a */
    PI_TF_IMG = 1u << 14,       /* img, picture */
    PI_TF_BR = 1u << 15,        /* br */
    PI_TF_CAPTION = 1u << 16,   /* figcaption, caption */
    PI_TF_HR = 1u << 17,        /* hr */
    PI_TF_FIGURE = 1u << 18,    /* figure */
    PI_TF_HEADER = 1u << 19,    /* header, hgroup */
    PI_TF_FORMCTL = 1u << 20,   /* input, button, select, textarea, label */
    PI_TF_CODE = 1u << 21       /* code, kbd, samp, tt */
};

/* Initialise the parser once per process, before threads parse (libxml2
 * initialises lazily and racily). */
void pi_dom_init(void);

/* Flags of an element name (lowercase, as the parser gives it). 0 for
 * unknown (inline) elements. */
unsigned pi_tag_flags(const char *name);

/* Heading level 1..6 of h1..h6, else 0. */
int pi_heading_level(const char *name);

/* Parse `len` bytes of UTF-8 HTML into *out. Never prints. Returns PI_OK,
 * PI_ENOMEM, PI_ELIMIT (input over INT_MAX bytes) or PI_EPARSE; *out is
 * then NULL. Free the tree with pi_tree_free(). */
int pi_parse_html(const char *utf8, size_t len, const char *url, pi_tree **out);
void pi_tree_free(pi_tree *t);

/* The value of attribute `name` of `n` without copying (as
 * pi_dom_attr_value()), or NULL when it has none. */
const char *pi_attr(const pi_dom *n, const char *name);

/* Next node in document order (pre-order), not descending into `n` when
 * `skip_children` is set; NULL after the last node under `root`. Iterative:
 * safe on trees of any depth. */
pi_dom *pi_next(const pi_dom *n, const pi_dom *root, int skip_children);

/* The text of a subtree, all its text nodes joined, malloc'd by the parser's
 * allocator (free with pi_dom_free_text()); NULL when out of memory. */
char *pi_dom_text(const pi_dom *n);
void pi_dom_free_text(char *text);

/* The href of the page's first <base> element under `root`, NULL when it
 * has none or an empty one. */
const char *pi_dom_base_href(const pi_dom *root);

/* Remove `n` and its subtree from the tree and free them. */
void pi_dom_remove(pi_dom *n);

/* Move the element `n` (and its subtree) to just before `target`, which
 * must not lie inside it. */
void pi_dom_move_before(pi_dom *n, pi_dom *target);

/* Replace `n` by its children, in place, and free it. Returns the node that
 * now stands where `n` stood (its first child, or what followed `n` in
 * document order under `root` when it had none). Text may merge with a
 * neighbouring text node; *oom is set to 1 when a merge could not be
 * allocated (libxml2 then drops the text it was to add). */
pi_dom *pi_dom_unwrap(pi_dom *n, const pi_dom *root, int *oom);

/* The code point of the HTML entity `name` ("amp", "eacute"), or 0 when
 * there is no such entity. */
unsigned pi_dom_entity(const char *name);

#endif

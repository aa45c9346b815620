/* clean.c - drop what is never content. */
#include "clean.h"
#include "dom.h"
#include "tune.h"

#include <ctype.h>
#include <strings.h>
#include <string.h>

/* Does the inline style set `prop` to `value`? Tolerates spaces and case. */
static int style_has(const char *style, const char *prop, const char *value)
{
    size_t pl = strlen(prop), vl = strlen(value);
    /* `prop` is lowercase: compare its first byte before the whole name. */
    for (const char *p = style; *p; p++) {
        if ((*p | 0x20) != prop[0] || strncasecmp(p, prop, pl) != 0)
            continue;
        if (p > style && (isalnum((unsigned char)p[-1]) || p[-1] == '-'))
            continue;
        const char *q = p + pl;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q != ':')
            continue;
        q++;
        while (*q == ' ' || *q == '\t')
            q++;
        if (strncasecmp(q, value, vl) == 0 && !isalnum((unsigned char)q[vl]) && q[vl] != '-')
            return 1;
    }
    return 0;
}

/* The value of an attribute as pi_attr() gives it. */
static const char *attr_value(xmlAttrPtr a)
{
    xmlNodePtr t = a->children;
    if (t && t->type == XML_TEXT_NODE && !t->next)
        return (const char *)t->content;
    return "";
}

int pi_is_hidden(xmlNodePtr n)
{
    /* One walk over the attributes (this runs for every element), keeping
     * the first of each name as pi_attr() would. */
    const char *aria = NULL, *style = NULL;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        const char *nm = (const char *)a->name;
        if (!nm)
            continue;
        if (nm[0] == 'h' && !strcmp(nm, "hidden"))
            return 1;
        if (nm[0] == 'a' && !aria && !strcmp(nm, "aria-hidden"))
            aria = attr_value(a);
        else if (nm[0] == 's' && !style && !strcmp(nm, "style"))
            style = attr_value(a);
    }
    if (aria && strcasecmp(aria, "true") == 0)
        return 1;
    if (style && (style_has(style, "display", "none") || style_has(style, "visibility", "hidden")))
        return 1;
    return 0;
}

/* Does the subtree hold at least `min` bytes of text within its first
 * NOSCRIPT_LOOK_NODES nodes? The budget keeps nested noscripts linear. */
static int holds_text(xmlNodePtr root, size_t min)
{
    size_t n = 0, seen = 0;
    for (xmlNodePtr x = root; x && n < min && seen < NOSCRIPT_LOOK_NODES;
         x = pi_next(x, root, 0), seen++)
        if (x->type == XML_TEXT_NODE && x->content)
            n += strlen((const char *)x->content);
    return n >= min;
}

/* A <noscript> that holds the page: libxml2 reads its content as markup, so
 * an element left open in it ("<noscript><div></noscript>") swallows all
 * that follows. Small ones (a tracking pixel, "enable JavaScript") go;
 * one with a page's worth of text is unwrapped instead. */
static int is_swallowing_noscript(xmlNodePtr n)
{
    return n->name && !strcmp((const char *)n->name, "noscript") &&
           holds_text(n, NOSCRIPT_KEEP_BYTES);
}

void pi_clean(xmlNodePtr root)
{
    xmlNodePtr n = root;
    while (n) {
        int drop = 0;
        switch (n->type) {
        case XML_ELEMENT_NODE:
            drop = (pi_tag_flags((const char *)n->name) & PI_TF_DROP) || pi_is_hidden(n);
            if (drop && n != root && is_swallowing_noscript(n) && !pi_is_hidden(n)) {
                /* Unwrap: its children take its place and are cleaned in
                 * turn. */
                xmlNodePtr prev = n->prev, parent = n->parent;
                while (n->children) {
                    xmlNodePtr c = n->children;
                    xmlUnlinkNode(c);
                    xmlAddPrevSibling(n, c); /* may merge text into its neighbour */
                }
                xmlNodePtr next = prev ? prev->next : parent->children;
                if (next == n)
                    next = pi_next(n, root, 1);
                xmlUnlinkNode(n);
                xmlFreeNode(n);
                n = next;
                continue;
            }
            break;
        case XML_COMMENT_NODE:
        case XML_PI_NODE:
        case XML_DTD_NODE:
            drop = 1;
            break;
        default:
            break;
        }
        if (drop && n != root) {
            xmlNodePtr next = pi_next(n, root, 1);
            xmlUnlinkNode(n);
            xmlFreeNode(n);
            n = next;
        } else {
            n = pi_next(n, root, 0);
        }
    }
}

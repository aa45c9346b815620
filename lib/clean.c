/* clean.c - drop what is never content. */
#include "clean.h"
#include "dom.h"

#include <ctype.h>
#include <strings.h>
#include <string.h>

/* Does the inline style set `prop` to `value`? Tolerates spaces and case. */
static int style_has(const char *style, const char *prop, const char *value)
{
    size_t pl = strlen(prop), vl = strlen(value);
    for (const char *p = style; *p; p++) {
        if (strncasecmp(p, prop, pl) != 0)
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

int pi_is_hidden(xmlNodePtr n)
{
    const char *v;
    if (pi_attr(n, "hidden"))
        return 1;
    v = pi_attr(n, "aria-hidden");
    if (v && strcasecmp(v, "true") == 0)
        return 1;
    v = pi_attr(n, "style");
    if (v && (style_has(v, "display", "none") || style_has(v, "visibility", "hidden")))
        return 1;
    return 0;
}

void pi_clean(xmlNodePtr root)
{
    xmlNodePtr n = root;
    while (n) {
        int drop = 0;
        switch (n->type) {
        case XML_ELEMENT_NODE:
            drop = (pi_tag_flags(n->name) & PI_TF_DROP) || pi_is_hidden(n);
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

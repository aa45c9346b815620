/* dom.c - parse with libxml2; the element-name table. */
#include "dom.h"
#include "buf.h"

#include <limits.h>
#include <string.h>

struct tag {
    const char *name;
    unsigned flags;
};

#define B PI_TF_BLOCK
/* Sorted by name for bsearch. */
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

static int tag_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const struct tag *)elem)->name);
}

unsigned pi_tag_flags(const xmlChar *name)
{
    if (!name)
        return 0;
    const struct tag *t = bsearch(name, tags, sizeof tags / sizeof tags[0],
                                  sizeof tags[0], tag_cmp);
    return t ? t->flags : 0;
}

int pi_heading_level(const xmlChar *name)
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

xmlDocPtr pi_parse_html(const char *utf8, size_t len, const char *url, int *err)
{
    *err = PI_OK;
    if (len > INT_MAX) {
        *err = PI_ELIMIT;
        return NULL;
    }
    /* Error handlers are per thread in libxml2: silence them here, in the
     * calling thread, every time. */
    xmlSetGenericErrorFunc(NULL, silent);
    xmlSetStructuredErrorFunc(NULL, silent_structured);
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
               XML_PARSE_HUGE;
    if (len == 0) {
        utf8 = "<html></html>";
        len = strlen(utf8);
    }
    xmlDocPtr doc = htmlReadMemory(utf8, (int)len, url, "UTF-8", opts);
    if (!doc)
        *err = PI_EPARSE;
    return doc;
}

const char *pi_attr(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (a->name && strcmp((const char *)a->name, name) == 0) {
            xmlNodePtr t = a->children;
            if (t && t->type == XML_TEXT_NODE && !t->next)
                return (const char *)t->content;
            return "";
        }
    }
    return NULL;
}

xmlNodePtr pi_next(xmlNodePtr n, xmlNodePtr root, int skip_children)
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

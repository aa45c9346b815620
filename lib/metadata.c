/* metadata.c - title, authors, dates, site, language ...
 * First version: the title from <title>. */
#include "metadata.h"
#include "buf.h"

#include <stdlib.h>
#include <string.h>

static xmlNodePtr find_elem(xmlNodePtr n, const char *name)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)n->name, name) == 0)
            return n;
        xmlNodePtr r = find_elem(n->children, name);
        if (r)
            return r;
    }
    return NULL;
}

static char *collapse(const char *s)
{
    pi_buf b;
    int space = 0;
    pi_buf_init(&b);
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f') {
            space = b.len > 0;
            continue;
        }
        if (space)
            pi_buf_putc(&b, ' ');
        space = 0;
        pi_buf_putc(&b, *s);
    }
    return pi_buf_detach(&b);
}

int pi_meta_extract(xmlDocPtr doc, const char *page_url, pi_meta *out)
{
    (void)page_url;
    memset(out, 0, sizeof *out);
    xmlNodePtr t = doc ? find_elem(xmlDocGetRootElement(doc), "title") : NULL;
    if (t) {
        xmlChar *s = xmlNodeGetContent(t);
        if (s) {
            out->title = collapse((const char *)s);
            xmlFree(s);
            if (!out->title)
                return PI_ENOMEM;
        }
    }
    return PI_OK;
}

void pi_meta_free(pi_meta *m)
{
    if (!m)
        return;
    free(m->title);
    free(m->site_name);
    for (size_t i = 0; i < m->n_authors; i++)
        free(m->authors[i]);
    free(m->authors);
    free(m->published);
    free(m->modified);
    free(m->description);
    free(m->lang);
    free(m->dir);
    free(m->canonical_url);
    free(m->image);
    for (size_t i = 0; i < m->n_tags; i++)
        free(m->tags[i]);
    free(m->tags);
    free(m->page_type);
    memset(m, 0, sizeof *m);
}

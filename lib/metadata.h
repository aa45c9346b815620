/* metadata.h - what the page is: title, authors, dates, site, language ...
 *
 * Runs on the parsed DOM before anything is removed from it (JSON-LD lives in
 * <script>, OpenGraph in <meta>). Every string is UTF-8, whitespace collapsed,
 * malloc'd, NULL when the page does not say. */
#ifndef PI_METADATA_H
#define PI_METADATA_H

#include <libxml/tree.h>
#include <stddef.h>

typedef struct pi_meta {
    char *title;
    char *site_name;
    char **authors;     /* n_authors strings */
    size_t n_authors;
    char *published;    /* ISO 8601 date or date-time */
    char *modified;
    char *description;
    char *lang;         /* BCP 47 */
    char *dir;          /* "ltr", "rtl" or NULL */
    char *canonical_url;
    char *image;
    char **tags;        /* n_tags strings */
    size_t n_tags;
    char *page_type;    /* "article", "blog", "product", "forum", "other" */
} pi_meta;

/* Fill `out` from `doc`; `page_url` (may be NULL) resolves relative URLs.
 * Returns PI_OK or PI_ENOMEM (then `out` holds nothing to free). */
int pi_meta_extract(xmlDocPtr doc, const char *page_url, pi_meta *out);
void pi_meta_free(pi_meta *m);

#endif

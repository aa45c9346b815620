/* url.c - the document base and absolute URLs, with libxml2's RFC 3986
 * resolver. */
#include "base/url.h"
#include "base/buf.h"
#include "base/error.h"
#include "base/text.h"

#include <errno.h>
#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>

int pi_url_has_scheme(const char *u)
{
    if (!pi_is_alpha((unsigned char)*u))
        return 0;
    for (u++; *u; u++) {
        if (*u == ':')
            return 1;
        if (!pi_is_alnum((unsigned char)*u) && !strchr("+.-", *u))
            return 0;
    }
    return 0;
}

/* `ref` against `base`, malloc'd (pi_strdup); *out NULL when libxml2 does not
 * resolve it. xmlBuildURI() says nothing of its own allocations: it returns
 * NULL both for a reference it cannot parse and when out of memory, and
 * the reference unresolved when parsing the base ran out. A failed
 * allocation leaves ENOMEM in errno (malloc sets it), which tells. */
static int build(const char *ref, const char *base, char **out)
{
    errno = 0;
    xmlChar *abs = xmlBuildURI((const xmlChar *)ref, (const xmlChar *)base);
    *out = NULL;
    if (errno == ENOMEM) {
        xmlFree(abs);
        return PI_ENOMEM;
    }
    if (!abs)
        return PI_OK;
    *out = pi_strdup((const char *)abs);
    xmlFree(abs);
    return PI_NOMEM_IF_NULL(*out);
}

/* `ref` past its leading white space, or NULL when it is no usable
 * reference. */
static const char *usable(const char *ref)
{
    while (ref && (*ref == ' ' || *ref == '\t' || *ref == '\n' || *ref == '\r'))
        ref++;
    if (!ref || !*ref || pi_ci_prefix(ref, "data:") || pi_ci_prefix(ref, "javascript:") ||
        pi_ci_prefix(ref, "vbscript:"))
        return NULL;
    return ref;
}

int pi_url_usable(const char *ref)
{
    return usable(ref) != NULL;
}

int pi_url_resolve(const char *base, const char *ref, char **out)
{
    *out = NULL;
    if (!(ref = usable(ref)))
        return PI_OK;
    if (base)
        PI_TRY(build(ref, base, out));
    if (!*out && !(*out = pi_strdup(ref)))
        return PI_ENOMEM;
    return PI_OK;
}

int pi_url_base(const char *base_href, const char *page_url, char **out)
{
    if (base_href && *base_href)
        return pi_url_resolve(page_url, base_href, out);
    *out = NULL;
    if (page_url && !(*out = pi_strdup(page_url)))
        return PI_ENOMEM;
    return PI_OK;
}

int pi_url_absolute(const char *base_href, const char *page_url, const char *ref, size_t max_len,
                    char **out)
{
    *out = NULL;
    if (!ref || strlen(ref) > max_len || pi_ci_prefix(ref, "javascript:") ||
        pi_ci_prefix(ref, "data:") || pi_ci_prefix(ref, "about:"))
        return PI_OK;
    /* The base: <base href> against the page URL, or either alone; one
     * without a scheme is no base. */
    char *base = NULL;
    int err = PI_OK;
    if (base_href && *base_href && page_url)
        err = build(base_href, page_url, &base);
    else if (base_href && *base_href)
        err = PI_NOMEM_IF_NULL(base = pi_strdup(base_href));
    else if (page_url)
        err = PI_NOMEM_IF_NULL(base = pi_strdup(page_url));
    if (err)
        return err;
    if (base && !pi_url_has_scheme(base)) {
        free(base);
        base = NULL;
    }
    if (!base && ref[0] == '/' && ref[1] == '/' && !(base = pi_strdup("https:")))
        return PI_ENOMEM;
    if (base) {
        err = build(ref, base, out);
        free(base);
        if (err)
            return err;
    }
    if (!*out && pi_url_has_scheme(ref) && !(*out = pi_strdup(ref)))
        return PI_ENOMEM;
    if (*out && !pi_url_has_scheme(*out)) {
        free(*out);
        *out = NULL;
    }
    return PI_OK;
}

/* names.h - what class, id, role and itemprop say about an element. */
#ifndef PI_NAMES_H
#define PI_NAMES_H

#include "tree/dom.h"

/* The name attributes of one element, found in one walk over its attributes
 * (the first of each name, as pi_attr() gives it); NULL when absent. */
typedef struct pi_names {
    const char *cls, *id, *role, *itemprop;
} pi_names;

void pi_names_read(const pi_dom *n, pi_names *e);

/* Evidence of the names: + for content (article, main, itemprop
 * articleBody ...), - for furniture (nav, share, role=navigation ...).
 * With `mask` (may be NULL), also which word lists of tune.c class or id
 * match, as a bit set (bit k for list PI_CW_k): evidence for the learned
 * decisions (feature.c), which weigh the lists themselves. */
int pi_names_weight(const pi_names *e, unsigned *mask);

/* Named like furniture (or with a furniture role), and not also like
 * content; never for main, article and link elements (`flags` are the
 * element's pi_tag_flags). */
int pi_names_unlikely(const pi_names *e, unsigned flags);

/* Does a name attribute (class or id, may be NULL) match a word of `list`
 * (tune.h's patterns)? A plain scan, for lists read on few elements. */
struct pi_pattern;
int pi_names_match(const char *value, const struct pi_pattern *list);

/* pi_names_weight() of an element. */
int pi_class_weight(const pi_dom *n);

/* Does a class/id token list contain a word of one of the lists of tune.c?
 * `kind` is one of the PI_CW_* sets. */
enum {
    PI_CW_NEGATIVE,
    PI_CW_POSITIVE,
    PI_CW_BYLINE,
    PI_CW_STRONG_NEGATIVE,
    PI_CW_UNLIKELY,
    PI_CW_MAYBE,
    PI_CW_COMMENT,
    PI_CW_REVIEW
};
int pi_class_matches(const char *classes, int kind);

#endif

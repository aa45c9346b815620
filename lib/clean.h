/* clean.h - drop what is never content. */
#ifndef PI_CLEAN_H
#define PI_CLEAN_H

#include <libxml/tree.h>

/* Remove from the tree under `root`: elements that never carry article text
 * (script, style, template, noscript, svg, iframe, form controls ...),
 * elements hidden by `hidden`, aria-hidden="true" or an inline display:none /
 * visibility:hidden, comments and processing instructions. Linear, iterative. */
void pi_clean(xmlNodePtr root);

/* 1 if the element is hidden by its own attributes. */
int pi_is_hidden(xmlNodePtr n);

#endif

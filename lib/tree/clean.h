/* clean.h - drop what is never content. */
#ifndef PI_CLEAN_H
#define PI_CLEAN_H

#include "tree/dom.h"

/* Remove from the tree under `root`: elements that never carry article text
 * (script, style, template, noscript, svg, iframe, form controls ...),
 * elements hidden by `hidden`, aria-hidden="true" or an inline display:none /
 * visibility:hidden (but a disclosure widget's panel, and React's streamed
 * segments, which are moved into their placeholders' places), comments and
 * processing instructions. A noscript or button that holds a page's worth
 * of text is unwrapped instead. Linear, iterative.
 * Returns PI_OK, or PI_ENOMEM when unwrapping lost text for want of memory
 * (the tree is then whole but not to be used). */
int pi_clean(pi_dom *root);

/* 1 if the element is hidden by its own attributes (as pi_clean reads
 * them). */
int pi_is_hidden(const pi_dom *n);

#endif

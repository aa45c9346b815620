/* furniture.h - is this element, inside the article, page furniture? */
#ifndef PI_FURNITURE_H
#define PI_FURNITURE_H

#include "extract/stats.h"

/* Is element `r` furniture inside an article of `root_words` words? `score`
 * is its candidate score in the current attempt (0 if it has none), `flags`
 * the attempt's PI_RELAXED / PI_IGNORE_NAMES (choice.h). 0 if not, else the
 * rule that found it (pi_why, choice.h; pi_drop_of() gives its drop mark).
 * Reads its statistics and names; changes nothing but *oom, set to 1 when
 * the element's text could not be read for want of memory (the answer is
 * then meaningless). */
int pi_block_is_furniture(const pi_node *r, float score, uint32_t root_words, int flags, int *oom);

#endif

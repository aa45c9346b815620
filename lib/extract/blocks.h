/* blocks.h - clean the chosen subtrees: mark what is dropped from them. */
#ifndef PI_BLOCKS_H
#define PI_BLOCKS_H

#include "extract/choice.h"
#include "extract/stats.h"

/* Mark the furniture inside the chosen subtrees of `c` as dropped
 * (c->drop): blocks judged by furniture.c, the headings that introduce
 * dropped furniture, and headings left with nothing under them. `flags` as
 * for pi_choose(). */
void pi_blocks_classify(const pi_stats *st, pi_choice *c, int flags);

#endif

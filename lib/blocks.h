/* blocks.h - classify the blocks of the chosen container: keep or drop. */
#ifndef PI_BLOCKS_H
#define PI_BLOCKS_H

#include "model.h"
#include "score.h"
#include "stats.h"

/* Why an element is dropped (pi_node.drop). */
enum { PI_DROP_FURNITURE = 1, PI_DROP_BYLINE = 2 };

/* Is this element furniture inside an article of `root_words` words? 0 if
 * not, else the reason (PI_DROP_*). */
int pi_block_is_furniture(const pi_stats *st, const pi_node *r, uint32_t root_words,
                          int flags);

/* Mark furniture inside the chosen subtrees as dropped (pi_node.drop). */
void pi_blocks_classify(pi_stats *st, const pi_choice *c, int flags);


#endif

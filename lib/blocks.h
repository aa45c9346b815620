/* blocks.h - classify the blocks of the chosen container, then build the
 * document model from what is kept. */
#ifndef PI_BLOCKS_H
#define PI_BLOCKS_H

#include "model.h"
#include "score.h"
#include "stats.h"

/* Is this element furniture inside an article of `root_words` words? */
int pi_block_is_furniture(const pi_stats *st, const pi_node *r, uint32_t root_words,
                          int flags);

/* Mark furniture inside the chosen subtrees as dropped (pi_node.drop). */
void pi_blocks_classify(pi_stats *st, const pi_choice *c, int flags);

/* Walk the chosen subtrees, skipping dropped elements, and append the blocks
 * to `m`. `title` (may be NULL) is the page title: a heading that repeats it
 * at the top of the article is left out unless `keep_title`. Returns PI_OK or
 * PI_ENOMEM. */
int pi_blocks_build(pi_stats *st, const pi_choice *c, const char *title, int keep_title,
                    pi_model *m);

#endif

/* why.h - the reasons an extraction records when it explains itself
 * (pi_choice.why, choice.h), as a reader reads them: the rule and the
 * figures it compared, "link density 0.83 > 0.20", "name: share-bar",
 * "model p=0.12 < 0.50". */
#ifndef PI_WHY_H
#define PI_WHY_H

#include "base/buf.h"
#include "extract/choice.h"
#include "extract/stats.h"

#include <stddef.h>

/* A short name of reason `why` (pi_why), for filters and class names:
 * "name", "link density", "tail trim". Static; "" for PI_WHY_NONE. */
const char *pi_why_name(int why);

/* Append to `b` the reason `why` recorded for element `i` of `st` by choice
 * `c` (its scores and, for PI_WHY_MODEL, its probabilities), with the
 * figures the rule compared; `threshold` is the learned decisions'. The
 * text quotes the page's class and id: escape it before writing it in
 * markup. */
void pi_why_text(pi_buf *b, int why, const pi_stats *st, const pi_choice *c, size_t i,
                 float threshold);

/* Append `x` with `digits` (0..3) decimals, the same in every locale. */
void pi_put_fixed(pi_buf *b, double x, int digits);

#endif

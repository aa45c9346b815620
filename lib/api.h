/* api.h - what api.c shares with the other files that implement pith.h
 * (api_warc.c): the status mapping and the options' limits. */
#ifndef PI_API_H
#define PI_API_H

#include "pith.h"

#include <stddef.h>

/* The pith_status of an internal status (base/error.h). */
pith_status pi_status_public(int e);
/* PITH_OPT_MAX_INPUT_SIZE of `o` (NULL: the default). */
size_t pi_options_max_input(const pith_options *o);

#endif

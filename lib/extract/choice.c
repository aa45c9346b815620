/* choice.c - an extraction attempt's own arrays. */
#include "extract/choice.h"
#include "base/error.h"

#include <stdlib.h>
#include <string.h>

int pi_choice_init(pi_choice *c, size_t n_nodes)
{
    memset(c, 0, sizeof *c);
    c->top = -1;
    size_t n = n_nodes ? n_nodes : 1;
    c->n_nodes = n_nodes;
    c->score = calloc(n, sizeof *c->score);
    c->candidate = calloc(n, sizeof *c->candidate);
    c->drop = calloc(n, sizeof *c->drop);
    c->cap = 8;
    c->roots = malloc(c->cap * sizeof *c->roots);
    if (!c->score || !c->candidate || !c->drop || !c->roots) {
        pi_choice_free(c);
        return PI_ENOMEM;
    }
    return PI_OK;
}

void pi_choice_free(pi_choice *c)
{
    if (!c)
        return;
    free(c->score);
    free(c->candidate);
    free(c->drop);
    free(c->mute);
    free(c->why);
    free(c->prob);
    free(c->roots);
    memset(c, 0, sizeof *c);
    c->top = -1;
}

int pi_choice_explain(pi_choice *c, int prob)
{
    size_t n = c->n_nodes ? c->n_nodes : 1;
    if (!c->why && !(c->why = calloc(n, 1)))
        return PI_ENOMEM;
    if (prob && !c->prob && !(c->prob = calloc(n, sizeof *c->prob)))
        return PI_ENOMEM;
    return PI_OK;
}

int pi_choice_add_root(pi_choice *c, int32_t i)
{
    if (c->n == c->cap) {
        int32_t *p = realloc(c->roots, c->cap * 2 * sizeof *p);
        if (!p)
            return PI_ENOMEM;
        c->roots = p;
        c->cap *= 2;
    }
    c->roots[c->n++] = i;
    return PI_OK;
}

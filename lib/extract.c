/* extract.c - run the layers; fall back when the first result is weak. */
#include "extract.h"
#include "blocks.h"
#include "buf.h"
#include "score.h"
#include "tune.h"

static int attempt(pi_stats *st, int flags, const char *title, int keep_title, pi_model *m,
                   const char **layer)
{
    pi_choice c;
    pi_choice_reset(st);
    int err = pi_choose(st, 0, flags, &c);
    if (!err) {
        pi_blocks_classify(st, &c, flags);
        err = pi_blocks_build(st, &c, title, keep_title, m);
        *layer = c.layer;
    }
    pi_choice_free(&c);
    return err;
}

static uint32_t model_words(pi_words *w, const pi_model *m)
{
    uint32_t n = 0;
    for (size_t i = 0; i < m->n; i++)
        n += pi_count_words(w, m->blocks[i].text, m->blocks[i].len);
    return n;
}

int pi_extract_article(pi_stats *st, pi_words *w, const char *title, int keep_title,
                       pi_model *m, const char **layer)
{
    int err = attempt(st, 0, title, keep_title, m, layer);
    if (err || st->n == 0)
        return err;
    uint32_t got = model_words(w, m);
    uint32_t prose = st->nodes[0].words - st->nodes[0].link_words;
    if (got >= FALLBACK_MIN_WORDS && (float)got >= FALLBACK_MIN_SHARE * (float)prose)
        return PI_OK;

    pi_model second;
    pi_model_init(&second);
    const char *layer2 = NULL;
    err = attempt(st, PI_RELAXED, title, keep_title, &second, &layer2);
    if (err) {
        pi_model_free(&second);
        return err;
    }
    uint32_t got2 = model_words(w, &second);
    if ((float)got2 >= FALLBACK_GAIN * (float)got && got2 > got) {
        pi_model_free(m);
        *m = second;
        *layer = layer2[0] == 's' ? "relaxed" : "relaxed-fallback";
    } else {
        pi_model_free(&second);
    }
    return PI_OK;
}

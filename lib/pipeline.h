/* pipeline.h - one page, from bytes to result: the stages in order.
 *
 *   input.c     the encoding decided, the bytes as clean UTF-8
 *   dom.c       parsed into a tree
 *   metadata.c  what the page says about itself (before anything is removed)
 *   url.c       the base of the page's relative URLs
 *   clean.c     what is never content removed
 *   stats.c     every element's statistics, in one walk
 *   extract.c   the article's blocks (score.c, blocks.c, build.c and the
 *               fallback layers)
 *   render_text.c  the text
 *
 * Every input is an argument; every output is in the result. api.c checks
 * the caller's arguments, runs this and wraps the result in a pith_doc. */
#ifndef PI_PIPELINE_H
#define PI_PIPELINE_H

#include "extract/choice.h"
#include "extract/extract.h"
#include "extract/stats.h"
#include "meta/metadata.h"
#include "model.h"
#include "tree/dom.h"

#include <stddef.h>
#include <stdint.h>

/* What the caller asks for. */
typedef struct pi_settings {
    const char *url;       /* the address the page was fetched from, or NULL */
    const char *encoding;  /* the transport's charset label, or NULL */
    size_t max_nodes;      /* more elements fail with PI_ENODES */
    uint32_t max_depth;    /* deeper nesting fails with PI_EDEPTH */
    size_t max_output;     /* more text fails with PI_EOUTPUT */
    int keep_title;        /* keep the repeated headline in the text */
    float beta2;           /* the learned decisions keep the blocks that make
                              the best expected F-beta, beta squared being
                              this (0: the rules alone) */
    int explain;           /* record why each element is kept or dropped (the
                              trace's choices; render_explain.c) */
    const char *page_type; /* the caller's page type, one of
                              pi_page_type_names (learned.h), read instead
                              of the page model's; NULL: none */
} pi_settings;

/* Everything one extraction gives. */
typedef struct pi_result {
    pi_model model;       /* the article's blocks */
    pi_meta meta;         /* the page's metadata */
    pi_comments comments; /* the reader comments, out of the model */
    char *text;           /* the text rendering of the model, never NULL */
    size_t text_len;
    unsigned long words; /* ICU words of the text blocks */
    unsigned long paragraphs;
    char encoding[48];           /* the encoding the bytes were read in */
    const char *encoding_source; /* static: why that encoding */
    pi_layer layer;              /* which layer of the extractor decided */
    float confidence;            /* the model's estimate of the text's F1
                                    (0 .. 1), or -1: the rules alone */
} pi_result;

/* What the stages leave behind, for tests and tools that look inside (the
 * tree as cleaned, its statistics, the choice of the attempt that gave the
 * model). Free with pi_trace_free(). */
typedef struct pi_trace {
    pi_tree *tree;
    pi_words *words;
    pi_stats stats;
    pi_choice choice;
    /* The extraction's account: its attempts, the page types and, when
     * explaining and the learned layer decided, the rules' choice
     * (article.rules, owned here). */
    pi_article_out article;
} pi_trace;

/* Extract `len` bytes (`bytes` may be NULL when len is 0) into `out`. With
 * `trace` (may be NULL) the intermediate state is kept there. Returns PI_OK,
 * PI_ENOMEM, PI_EPARSE, PI_ELIMIT, PI_EDEPTH, PI_ENODES, PI_EOUTPUT or
 * PI_ENOTHTML (binary input: input/sniff.c); on
 * failure `out` and `trace` hold nothing to free. */
/* What the stages load once per process, before threads use them: libxml2's
 * parser state, ICU's break rules and detector data (their lazy first use
 * races). Returns PI_OK or PI_EINIT. api.c calls it once (pith_init). */
int pi_pipeline_init(void);

int pi_pipeline_run(const char *bytes, size_t len, const pi_settings *s, pi_result *out,
                    pi_trace *trace);
void pi_result_free(pi_result *r);
void pi_trace_free(pi_trace *t);

#endif

/* words.h - counting words, characters and sentences of UTF-8 text. */
#ifndef PI_WORDS_H
#define PI_WORDS_H

#include <stddef.h>
#include <stdint.h>

typedef struct pi_words pi_words;

/* Load ICU's break rules once, so that concurrent first uses do not race
 * on them, and open the iterators that counters clone. Returns PI_OK,
 * PI_ENOMEM or PI_EINIT; after a failure a later call tries again. Called
 * by the library's initialisation only, under its lock. */
int pi_words_init(void);

/* A word counter with its own ICU break iterator: one per document or per
 * thread, never shared. NULL when out of memory or ICU fails. */
pi_words *pi_words_new(void);
void pi_words_free(pi_words *w);
/* Did an allocation or ICU fail in a count (which then came out short: a
 * word count as if the text were ASCII, a sentence count of 0)? Callers
 * that report counts turn it into PI_ENOMEM. */
int pi_words_failed(const pi_words *w);

/* Words in `len` bytes of UTF-8, in ICU word units (CJK and Thai words are
 * found by dictionary). Returns 0 for text without letters or digits. */
uint32_t pi_count_words(pi_words *w, const char *utf8, size_t len);
/* Sentences in `len` bytes of UTF-8, by ICU's sentence rules (a second
 * iterator of the same counter, opened on first use). */
uint32_t pi_count_sentences(pi_words *w, const char *utf8, size_t len);
/* Non-space code points. */
uint32_t pi_count_chars(const char *utf8, size_t len);

/* What one pass over a text finds: non-space code points, commas (ASCII,
 * full-width and ideographic) and whether every byte is ASCII. */
typedef struct pi_text_measures {
    uint32_t chars, commas;
    int ascii;
} pi_text_measures;

void pi_text_measure(const char *utf8, size_t len, pi_text_measures *m);
/* pi_count_words() of a text already measured. */
uint32_t pi_count_words_measured(pi_words *w, const char *utf8, size_t len,
                                 const pi_text_measures *m);

#endif

/* render.h - serializers of the document model, one per format. They read
 * the model only: none re-parses a string. */
#ifndef PI_RENDER_H
#define PI_RENDER_H

#include "base/buf.h"
#include "model.h"

/* What a serializer includes. */
typedef struct pi_render_opts {
    int links;      /* link markup (the link text is always kept) */
    int images;     /* image blocks */
    int tables;     /* table rows (off: tables are left out) */
    int formatting; /* emphasis, strong, inline code */
    int standalone; /* HTML: a whole page rather than a fragment */
    /* The reader comments, written after the article ("Comments"), or NULL
     * to leave them out. */
    const struct pi_comments *comments;
} pi_render_opts;

/* The defaults: everything on, HTML as a fragment. */
extern const pi_render_opts pi_render_defaults;

/* Each returns a malloc'd NUL-terminated string (its length in *len), or
 * NULL when out of memory. */
char *pi_render_text(const pi_model *m, const pi_render_opts *o, size_t *len);
char *pi_render_markdown(const pi_model *m, const pi_render_opts *o, size_t *len);
/* `title`, `lang` and `dir` (each may be NULL) are used by standalone pages. */
char *pi_render_html(const pi_model *m, const pi_render_opts *o, const char *title,
                     const char *lang, const char *dir, size_t *len);

/* What the JSON object says besides the content. */
typedef struct pi_json_facts {
    const struct pi_meta *meta;
    const char *encoding, *encoding_source, *layer;
    const char *confidence; /* "0.87", or NULL */
    const char *text;       /* the text output */
    size_t text_len;
    unsigned long words, sentences, paragraphs;
    const char *format;  /* name of the embedded format, or NULL */
    const char *content; /* the rendered content in that format */
    size_t content_len;
    const struct pi_comments *comments; /* the reader comments, or NULL */
} pi_json_facts;

/* One JSON object (one line, no trailing newline) with every metadata key
 * (null or [] when unknown), the text, the counts and, when given, the
 * content in another format. */
char *pi_render_json(const pi_json_facts *f, size_t *len);

/* What the explain view reads: the result and the trace of an extraction
 * run with `explain` (pipeline.h). */
struct pi_result;
struct pi_trace;
typedef struct pi_explain_facts {
    const struct pi_result *r;
    const struct pi_trace *t;
    const char *layer; /* the deciding layer's name, or NULL */
    float threshold;   /* the learned decisions' */
} pi_explain_facts;

/* The explain view (render_explain.c): one self-contained HTML page, safe to
 * open, with every block of the page, kept or dropped, and why. NULL when
 * out of memory, or when the trace was not made with `explain`. */
char *pi_render_explain(const pi_explain_facts *f, size_t *len);

/* ---- shared by the serializers ---- */

/* Callbacks for pi_render_inlines. `open` returns 0 to leave a span out (its
 * text is still written); `code`, when set, writes a whole code span itself
 * (the walker then skips over it). */
typedef struct pi_inline_ops {
    void (*text)(pi_buf *b, const char *s, size_t n, void *ctx);
    int (*open)(pi_buf *b, const pi_block *blk, const pi_span *sp, void *ctx);
    void (*close)(pi_buf *b, const pi_block *blk, const pi_span *sp, void *ctx);
    void (*code)(pi_buf *b, const char *s, size_t n, void *ctx);
} pi_inline_ops;

/* Write bytes [from, to) of the block's text with the spans that lie in
 * that range, as the options allow. */
void pi_render_inlines(pi_buf *b, const pi_block *blk, size_t from, size_t to,
                       const pi_render_opts *o, const pi_inline_ops *ops, void *ctx);

/* A link's or image's URL as the model keeps it (as the page wrote it)
 * made absolute against the model's base (url.c pi_url_resolve), malloc'd;
 * NULL when it resolves to nothing, or out of memory (then b->oom is set).
 * Resolved here rather than when the model is built: the text needs no
 * URL, and most extractions render only the text. */
char *pi_render_url(pi_buf *b, const char *base, const char *raw);
/* May an output link to `u`, a URL pi_render_url() gave: one without a
 * scheme (relative), or http:, https: or mailto:? 0 for NULL or "". */
int pi_render_url_safe(const char *u);

/* Is the span kind wanted by the options? */
int pi_span_wanted(const pi_span *sp, const pi_render_opts *o);

/* The title of the comments section the renderers write. */
#define PI_COMMENTS_TITLE "Comments"

/* What pi_html_escape() writes besides &amp; &lt; &gt;. */
enum {
    PI_ESC_QUOT = 1,    /* " as &quot; */
    PI_ESC_APOS = 2,    /* ' as &#39; */
    PI_ESC_NL_BR = 4,   /* a line feed as <br /> and a line feed */
    PI_ESC_NL_SPACE = 8 /* a line feed as a space (attribute values) */
};

/* Append s[0..n) to `b` as HTML text: the one escaper of the HTML and the
 * explain renderers. */
void pi_html_escape(pi_buf *b, const char *s, size_t n, unsigned flags);

/* The renderers' result: the buffer's contents (its length in *len), or
 * NULL with *len 0 when an append failed. The buffer is reset. */
char *pi_render_finish(pi_buf *b, size_t *len);

#endif

/* shapes.h - generators of pathological pages, for test_hostile and
 * shape_run (the driver of test-linear.sh). Public API only: no lib/ headers.
 *
 * pi_shape_make(name, n, &len) returns a malloc'd page whose size grows
 * linearly with n (NULL for an unknown name or out of memory). */
#ifndef PI_SHAPES_H
#define PI_SHAPES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *p;
    size_t len, cap;
    int failed;
} sbuf;

static inline void sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static inline void sb_puts(sbuf *b, const char *s)
{
    sb_put(b, s, strlen(s));
}

static inline void sb_repeat(sbuf *b, const char *s, size_t times)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < times; i++)
        sb_put(b, s, n);
}

/* Names and what they make, n being the repeat count. */
static const char *const pi_shape_names[] = {
    "deep",      /* n nested <div>s, text at the bottom, never closed */
    "deepclose", /* n nested <div>s with a word each, all closed */
    "siblings",  /* n sibling <p>s of one sentence */
    "attrs",     /* one <div> with n distinct attributes */
    "longattr",  /* one attribute value of 16 * n bytes */
    "entities",  /* &amp; n times in a paragraph */
    "numeric",   /* &#x41;&#66; n times */
    "unknown",   /* &bogus; n times */
    "longword",  /* 16 * n letters without a space */
    "links",     /* a list of n links */
    "table",     /* a table of n rows of links */
    "comment",   /* an unclosed comment, then n lines */
    "script",    /* an unclosed script, then n lines */
    "inline",    /* n nested <b>s (inline, not block) */
    "tables",    /* n nested tables */
    "lists",     /* n nested <ul><li> */
    "hidden",    /* n <div style="display:none"> siblings with text */
    "authors",   /* n nested elements named like bylines */
    "comments",  /* n closed comments between paragraphs */
    "thread",    /* a comment section of n replies, each nested in the one before */
    "replies",   /* a comment section of n sibling comments, no list around them */
    "scripts",   /* n closed scripts between paragraphs */
    "markup",    /* n doctypes, processing instructions and stray end tags */
    "quotes",    /* n nested blockquotes, a paragraph in each */
    "noscripts", /* n nested noscripts, a sentence in each */
    "datelines", /* n paragraphs each followed by a date line, in an article */
    NULL,
};

static inline char *pi_shape_make(const char *name, size_t n, size_t *len)
{
    sbuf b = {0};
    char tmp[96];
    const char *sentence = "The harbour was quiet this morning, and the boats went out.";
    sb_puts(&b, "<html><head><title>Shape</title></head><body>");
    if (!strcmp(name, "deep")) {
        sb_repeat(&b, "<div>", n);
        sb_puts(&b, sentence);
    } else if (!strcmp(name, "deepclose")) {
        sb_repeat(&b, "<div>word ", n);
        sb_puts(&b, sentence);
        sb_repeat(&b, "</div>", n);
    } else if (!strcmp(name, "datelines")) {
        /* Every date line leaves the model: one pass, not one move each. */
        sb_puts(&b, "<article>");
        for (size_t i = 0; i < n; i++) {
            sb_puts(&b, "<p>");
            sb_puts(&b, sentence);
            sb_puts(&b, "</p><p>05.02.2020</p>");
        }
        sb_puts(&b, "</article>");
    } else if (!strcmp(name, "siblings")) {
        for (size_t i = 0; i < n; i++) {
            sb_puts(&b, "<p>");
            sb_puts(&b, sentence);
            sb_puts(&b, "</p>");
        }
    } else if (!strcmp(name, "attrs")) {
        sb_puts(&b, "<div");
        for (size_t i = 0; i < n; i++) {
            snprintf(tmp, sizeof tmp, " a%zu=v", i);
            sb_puts(&b, tmp);
        }
        sb_puts(&b, "><p>");
        sb_puts(&b, sentence);
        sb_puts(&b, "</p></div>");
    } else if (!strcmp(name, "longattr")) {
        sb_puts(&b, "<p class=\"");
        sb_repeat(&b, "abcdefghijklmno ", n);
        sb_puts(&b, "\">");
        sb_puts(&b, sentence);
        sb_puts(&b, "</p>");
    } else if (!strcmp(name, "entities")) {
        sb_puts(&b, "<p>");
        sb_repeat(&b, "&amp;", n);
        sb_puts(&b, "</p>");
    } else if (!strcmp(name, "numeric")) {
        sb_puts(&b, "<p>");
        sb_repeat(&b, "&#x41;&#66;", n);
        sb_puts(&b, "</p>");
    } else if (!strcmp(name, "unknown")) {
        sb_puts(&b, "<p>");
        sb_repeat(&b, "&bogus;", n);
        sb_puts(&b, "</p>");
    } else if (!strcmp(name, "longword")) {
        sb_puts(&b, "<p>");
        sb_repeat(&b, "abcdefghijklmnop", n);
        sb_puts(&b, "</p>");
    } else if (!strcmp(name, "links")) {
        sb_puts(&b, "<ul>");
        for (size_t i = 0; i < n; i++) {
            snprintf(tmp, sizeof tmp, "<li><a href=\"/page/%zu\">Page number %zu</a></li>", i, i);
            sb_puts(&b, tmp);
        }
        sb_puts(&b, "</ul>");
    } else if (!strcmp(name, "table")) {
        sb_puts(&b, "<table>");
        for (size_t i = 0; i < n; i++) {
            snprintf(tmp, sizeof tmp,
                     "<tr><td><a href=\"/t/%zu\">Row %zu</a></td><td>cell</td></tr>", i, i);
            sb_puts(&b, tmp);
        }
        sb_puts(&b, "</table>");
    } else if (!strcmp(name, "comment")) {
        sb_puts(&b, "<p>Before the comment.</p><!-- ");
        for (size_t i = 0; i < n; i++) {
            sb_puts(&b, sentence);
            sb_puts(&b, "\n");
        }
    } else if (!strcmp(name, "script")) {
        sb_puts(&b, "<p>Before the script.</p><script>var x = '");
        for (size_t i = 0; i < n; i++) {
            sb_puts(&b, sentence);
            sb_puts(&b, "</div>\n");
        }
    } else if (!strcmp(name, "inline")) {
        sb_repeat(&b, "<b>", n);
        sb_puts(&b, sentence);
    } else if (!strcmp(name, "tables")) {
        sb_repeat(&b, "<table><tr><td>", n);
        sb_puts(&b, sentence);
    } else if (!strcmp(name, "lists")) {
        sb_repeat(&b, "<ul><li>item ", n);
        sb_puts(&b, sentence);
    } else if (!strcmp(name, "hidden")) {
        for (size_t i = 0; i < n; i++) {
            sb_puts(&b, "<div style=\"display:none\">");
            sb_puts(&b, sentence);
            sb_puts(&b, "</div>");
        }
        sb_puts(&b, "<p>");
        sb_puts(&b, sentence);
        sb_puts(&b, "</p>");
    } else if (!strcmp(name, "authors")) {
        sb_repeat(&b, "<div class=\"author byline\" itemprop=\"author\"><span>", n);
        sb_puts(&b, sentence);
    } else if (!strcmp(name, "comments")) {
        for (size_t i = 0; i < n; i++) {
            sb_puts(&b, "<p>");
            sb_puts(&b, sentence);
            sb_puts(&b, "</p><!-- a comment -- with dashes -->");
        }
    } else if (!strcmp(name, "thread") || !strcmp(name, "replies")) {
        int nested = !strcmp(name, "thread");
        sb_puts(&b, "<article><p>");
        sb_repeat(&b, sentence, 8);
        sb_puts(&b, "</p></article><div id=\"comments\" class=\"comments\">");
        for (size_t i = 0; i < n; i++) {
            sb_puts(&b, "<div class=\"comment\"><span class=\"comment-author\">Reader</span>"
                        "<time datetime=\"2024-05-03\">May 3</time><p>");
            sb_puts(&b, sentence);
            sb_puts(&b, nested ? "</p><div class=\"children\">" : "</p></div>");
        }
        if (nested)
            sb_repeat(&b, "</div></div>", n);
        sb_puts(&b, "</div>");
    } else if (!strcmp(name, "scripts")) {
        for (size_t i = 0; i < n; i++) {
            sb_puts(&b, "<p>");
            sb_puts(&b, sentence);
            sb_puts(&b, "</p><script>if (a </b) x = '<p a=\"';</script>");
        }
    } else if (!strcmp(name, "markup")) {
        for (size_t i = 0; i < n; i++) {
            sb_puts(&b, "<p>");
            sb_puts(&b, sentence);
            sb_puts(&b, "</p><!DOCTYPE html PUBLIC \"-//W3C\" 'x'><?php echo 1 ?></div x=\">");
        }
    } else if (!strcmp(name, "quotes")) {
        for (size_t i = 0; i < n; i++) {
            sb_puts(&b, "<blockquote><p>");
            sb_puts(&b, sentence);
            sb_puts(&b, "</p>");
        }
    } else if (!strcmp(name, "noscripts")) {
        for (size_t i = 0; i < n; i++) {
            sb_puts(&b, "<noscript><span>");
            sb_puts(&b, sentence);
        }
    } else {
        free(b.p);
        return NULL;
    }
    sb_puts(&b, "</body></html>");
    if (b.failed) {
        free(b.p);
        return NULL;
    }
    *len = b.len;
    return b.p;
}

#endif

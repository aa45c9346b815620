/* clean.c - drop what is never content. */
#include "tree/clean.h"
#include "extract/names.h"
#include "extract/tune.h"
#include "tree/dom.h"

#include "base/error.h"
#include "base/text.h"

#include <string.h>

/* Does the inline style set `prop` to `value`? Tolerates spaces and case. */
static int style_has(const char *style, const char *prop, const char *value)
{
    size_t pl = strlen(prop), vl = strlen(value);
    /* `prop` is lowercase: compare its first byte before the whole name. */
    for (const char *p = style; *p; p++) {
        if ((*p | 0x20) != prop[0] || !pi_ci_prefix(p, prop))
            continue;
        if (p > style && (pi_is_alnum((unsigned char)p[-1]) || p[-1] == '-'))
            continue;
        const char *q = p + pl;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q != ':')
            continue;
        q++;
        while (*q == ' ' || *q == '\t')
            q++;
        if (pi_ci_prefix(q, value) && !pi_is_alnum((unsigned char)q[vl]) && q[vl] != '-')
            return 1;
    }
    return 0;
}

/* React's streamed segments. A server that streams a page sends what was
 * not ready at first in <div hidden id="S:N">, at the end of the body, and
 * a script ($RC) puts it in the place of its <template id="B:N"> and shows
 * it: it is the page, not hidden, and it is read where it is shown. The
 * number N of an id "<kind>:N", or -1. */
static long streamed_number(const char *id, char kind)
{
    if (!id || id[0] != kind || id[1] != ':' || !id[2])
        return -1;
    long v = 0;
    for (const char *p = id + 2; *p; p++) {
        if (!pi_is_digit((unsigned char)*p) || v > 100000000)
            return -1;
        v = v * 10 + (*p - '0');
    }
    return v;
}

static int is_streamed_segment(const char *id)
{
    return streamed_number(id, 'S') >= 0;
}

/* Is an element named like the part of a disclosure widget a reader opens
 * (a tab's panel, an accordion's or a carousel's content)? Hidden by its
 * style until then, it is the page's. */
static int is_disclosed(const char *cls, const char *id)
{
    return pi_names_match(cls, PI_DISCLOSURE) || pi_names_match(id, PI_DISCLOSURE);
}

/* Is the element hidden by its own attributes? 1 by `hidden` or its
 * style, 2 by aria-hidden, else 0. `segment`, when not NULL, is set to
 * whether it is a streamed segment, whose `hidden` does not hide it. */
static int hidden_as(const pi_dom *n, int *segment)
{
    /* One walk over the attributes (this runs for every element), keeping
     * the first of each name as pi_attr() would. */
    const char *aria = NULL, *style = NULL, *id = NULL, *cls = NULL;
    int hidden = 0;
    for (const pi_dom_attr *a = pi_dom_attrs(n); a; a = pi_dom_attr_next(a)) {
        const char *nm = pi_dom_attr_name(a);
        if (!nm)
            continue;
        if (nm[0] == 'h' && !strcmp(nm, "hidden"))
            hidden = 1;
        else if (nm[0] == 'i' && !id && !strcmp(nm, "id"))
            id = pi_dom_attr_value(a);
        else if (nm[0] == 'a' && !aria && !strcmp(nm, "aria-hidden"))
            aria = pi_dom_attr_value(a);
        else if (nm[0] == 's' && !style && !strcmp(nm, "style"))
            style = pi_dom_attr_value(a);
        else if (nm[0] == 'c' && !cls && !strcmp(nm, "class"))
            cls = pi_dom_attr_value(a);
    }
    int streamed = hidden && is_streamed_segment(id);
    if (segment)
        *segment = streamed;
    if (hidden && !streamed)
        return 1;
    if (aria && pi_ci_eq(aria, "true"))
        return 2;
    if (style && (style_has(style, "display", "none") || style_has(style, "visibility", "hidden")))
        return !is_disclosed(cls, id);
    return 0;
}

int pi_is_hidden(const pi_dom *n)
{
    return hidden_as(n, NULL);
}

/* Does the subtree hold at least `min` bytes of text within its first
 * SWALLOW_LOOK_NODES nodes? The budget keeps nested noscripts linear. */
static int holds_text(const pi_dom *root, size_t min)
{
    size_t n = 0, seen = 0;
    for (const pi_dom *x = root; x && n < min && seen < SWALLOW_LOOK_NODES;
         x = pi_next(x, root, 0), seen++)
        if (pi_dom_is_text(x) && pi_dom_chars(x))
            n += strlen(pi_dom_chars(x));
    return n >= min;
}

/* A <noscript> or <button> that holds the page. libxml2 reads a noscript's
 * content as markup, so an element left open in it ("<noscript><div>
 * </noscript>") swallows all that follows; and it ignores a </button>
 * while an element opened in the button is open ("<button><div>
 * </button>"), where a browser closes both. Small ones (a tracking pixel,
 * "enable JavaScript", a menu button) go; one with a page's worth of text
 * is unwrapped instead. */
static int is_swallowing(const pi_dom *n)
{
    const char *name = pi_dom_name(n);
    return name && (!strcmp(name, "noscript") || !strcmp(name, "button")) &&
           holds_text(n, SWALLOW_KEEP_BYTES);
}

/* Bytes of text in the subtree of `n`, outside the elements cleaning
 * drops whatever they hold (scripts, styles). */
static size_t text_bytes(const pi_dom *n)
{
    size_t b = 0;
    for (const pi_dom *x = n; x;) {
        if (pi_dom_is_element(x) && x != n && (pi_tag_flags(pi_dom_name(x)) & PI_TF_DROP)) {
            x = pi_next(x, n, 1);
            continue;
        }
        if (pi_dom_is_text(x) && pi_dom_chars(x))
            b += strlen(pi_dom_chars(x));
        x = pi_next(x, n, 0);
    }
    return b;
}

/* Is the element `n`, hidden by `hidden` or its style, the page
 * (REVEAL_SHARE)? Not one hidden by aria-hidden: an app shell marked so
 * while a dialog is open holds the furniture with the article, and
 * revealing it cost the readability set 0.003 of F1. `page` is the text
 * of the whole tree, counted on first need (0 until then); `left` counts
 * down the elements that may still be kept this way. */
static int is_revealed(const pi_dom *n, const pi_dom *root, size_t *page, int *left)
{
    if (*left <= 0 || !holds_text(n, SWALLOW_KEEP_BYTES))
        return 0;
    if (!*page)
        *page = text_bytes(root);
    if ((double)text_bytes(n) <= REVEAL_SHARE * (double)*page)
        return 0;
    --*left;
    return 1;
}

/* The placeholders of a page's streamed segments and the segments that
 * fill them, the first STREAMED_MAX of each. */
typedef struct streamed {
    pi_dom *slot[STREAMED_MAX]; /* <template id="B:N"> */
    long slot_n[STREAMED_MAX];
    size_t n_slots;
    pi_dom *seg[STREAMED_MAX]; /* <div hidden id="S:N">, and its slot */
    pi_dom *seg_slot[STREAMED_MAX];
    size_t n_segs;
} streamed;

static int is_inside(const pi_dom *n, const pi_dom *ancestor)
{
    for (; n; n = pi_dom_parent(n))
        if (n == ancestor)
            return 1;
    return 0;
}

/* Is the <template> `n` a placeholder? Then it is noted, kept until it is
 * filled, and removed. */
static int note_slot(streamed *sp, pi_dom *n)
{
    long b = streamed_number(pi_attr(n, "id"), 'B');
    if (b < 0 || sp->n_slots >= STREAMED_MAX)
        return 0;
    sp->slot[sp->n_slots] = n;
    sp->slot_n[sp->n_slots++] = b;
    return 1;
}

/* The kept segment `n` noted with its placeholder, when one came before. */
static void note_segment(streamed *sp, pi_dom *n)
{
    long s = streamed_number(pi_attr(n, "id"), 'S');
    for (size_t k = 0; s >= 0 && k < sp->n_slots && sp->n_segs < STREAMED_MAX; k++) {
        if (sp->slot_n[k] != s || is_inside(sp->slot[k], n))
            continue;
        sp->seg[sp->n_segs] = n;
        sp->seg_slot[sp->n_segs++] = sp->slot[k];
        break;
    }
}

/* Each segment to its placeholder, then the placeholders out. */
static void place_streamed(streamed *sp)
{
    for (size_t k = 0; k < sp->n_segs; k++)
        pi_dom_move_before(sp->seg[k], sp->seg_slot[k]);
    for (size_t k = 0; k < sp->n_slots; k++)
        pi_dom_remove(sp->slot[k]);
}

int pi_clean(pi_dom *root)
{
    pi_dom *n = root;
    int oom = 0, reveal_left = REVEAL_MAX;
    size_t page_bytes = 0;
    streamed sp;
    sp.n_slots = sp.n_segs = 0;
    while (n) {
        int drop = 0;
        switch (pi_dom_kind_of(n)) {
        case PI_DOM_ELEMENT: {
            const char *name = pi_dom_name(n);
            if (n != root && !strcmp(name, "template") && note_slot(&sp, n)) {
                n = pi_next(n, root, 1);
                continue;
            }
            int segment = 0, hidden = hidden_as(n, &segment);
            if (hidden == 1 && n != root && !(pi_tag_flags(name) & PI_TF_DROP) &&
                is_revealed(n, root, &page_bytes, &reveal_left))
                hidden = 0;
            drop = (pi_tag_flags(name) & PI_TF_DROP) || hidden;
            if (drop && n != root && !hidden && is_swallowing(n)) {
                /* Unwrap: its children take its place and are cleaned in
                 * turn. */
                n = pi_dom_unwrap(n, root, &oom);
                continue;
            }
            /* Only a segment that stays is moved. */
            if (segment && !drop)
                note_segment(&sp, n);
            break;
        }
        case PI_DOM_COMMENT:
        case PI_DOM_PI:
        case PI_DOM_DTD:
            drop = 1;
            break;
        default:
            break;
        }
        if (drop && n != root) {
            pi_dom *next = pi_next(n, root, 1);
            pi_dom_remove(n);
            n = next;
        } else {
            n = pi_next(n, root, 0);
        }
    }
    place_streamed(&sp);
    return oom ? PI_ENOMEM : PI_OK;
}

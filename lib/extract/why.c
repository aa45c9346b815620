/* why.c - the reasons as text. Each rule's figures are those furniture.c,
 * blocks.c, build.c, extract.c and learned.c compare, with the constants of
 * tune.h: a change of a rule there is a change of its sentence here. */
#include "extract/why.h"
#include "base/text.h"
#include "extract/names.h"
#include "extract/tune.h"
#include "tree/dom.h"

#include <stdint.h>
#include <string.h>

static const char *const NAMES[] = {
    [PI_WHY_NONE] = "",
    [PI_WHY_TAG] = "furniture element",
    [PI_WHY_NAME] = "name",
    [PI_WHY_BYLINE] = "byline",
    [PI_WHY_TEASER] = "teaser",
    [PI_WHY_HEADING_NAME] = "heading name",
    [PI_WHY_BIG_LINKS] = "links in a large part",
    [PI_WHY_NEGATIVE] = "negative score",
    [PI_WHY_GALLERY] = "gallery",
    [PI_WHY_ITEMS] = "list items",
    [PI_WHY_SHORT_BOX] = "short box",
    [PI_WHY_BOX_LINKS] = "link density",
    [PI_WHY_POSITIVE_LINKS] = "links in content",
    [PI_WHY_LINK_LIST] = "list of links",
    [PI_WHY_ORPHAN] = "orphan heading",
    [PI_WHY_LAST_HEADING] = "last heading",
    [PI_WHY_HEADLINE] = "headline",
    [PI_WHY_CAPTION_AGAIN] = "repeated caption",
    [PI_WHY_DATE_LINE] = "date line",
    [PI_WHY_CREDIT] = "picture credit",
    [PI_WHY_TAIL] = "tail trim",
    [PI_WHY_LINE_NUMBERS] = "line numbers",
    [PI_WHY_COMMENT] = "comment section",
    [PI_WHY_MODEL] = "model",
    [PI_WHY_NO_WORDS] = "no words",
};

const char *pi_why_name(int why)
{
    if (why < 0 || (size_t)why >= sizeof NAMES / sizeof NAMES[0] || !NAMES[why])
        return "";
    return NAMES[why];
}

void pi_put_fixed(pi_buf *b, double x, int digits)
{
    static const long scale[] = {1, 10, 100, 1000};
    if (digits < 0)
        digits = 0;
    if (digits > 3)
        digits = 3;
    if (x != x)
        x = 0; /* NaN */
    if (x < 0) {
        pi_buf_putc(b, '-');
        x = -x;
    }
    if (x > 1e12)
        x = 1e12;
    unsigned long long v = (unsigned long long)(x * (double)scale[digits] + 0.5);
    char tmp[32];
    int n = 0;
    unsigned long long whole = v / (unsigned long long)scale[digits];
    unsigned long long frac = v % (unsigned long long)scale[digits];
    do {
        tmp[n++] = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole);
    while (n)
        pi_buf_putc(b, tmp[--n]);
    if (digits) {
        pi_buf_putc(b, '.');
        for (int d = digits - 1; d >= 0; d--) {
            unsigned long long p = 1;
            for (int k = 0; k < d; k++)
                p *= 10;
            pi_buf_putc(b, (char)('0' + (frac / p) % 10));
        }
    }
}

static void put_uint(pi_buf *b, unsigned long v)
{
    pi_put_fixed(b, (double)v, 0);
}

/* The first of class and id that matches word list `kind`, quoted. */
static void put_name(pi_buf *b, const pi_node *r, int kind)
{
    const char *cls = pi_attr(r->node, "class"), *id = pi_attr(r->node, "id");
    const char *v = cls && pi_class_matches(cls, kind) ? cls : id ? id : cls;
    if (!v)
        return;
    size_t n = strlen(v);
    /* A page can write any length: the first 60 bytes name it, cut at a
     * character boundary. */
    if (n > 60) {
        n = 60;
        while (n && ((unsigned char)v[n] & 0xC0) == 0x80)
            n--;
    }
    pi_buf_puts(b, v == cls ? "class \"" : "id \"");
    pi_put_collapsed(b, v, n);
    pi_buf_puts(b, n < strlen(v) ? "...\"" : "\"");
}

static void put_density(pi_buf *b, const char *what, float ld, const char *op, float limit)
{
    pi_buf_puts(b, what);
    pi_buf_puts(b, "link density ");
    pi_put_fixed(b, ld, 2);
    pi_buf_puts(b, op);
    pi_put_fixed(b, limit, 2);
}

void pi_why_text(pi_buf *b, int why, const pi_stats *st, const pi_choice *c, size_t i,
                 float threshold)
{
    const pi_node *r = &st->nodes[i];
    float ld = pi_link_density(r);
    switch (why) {
    case PI_WHY_TAG:
        pi_buf_puts(b, "furniture element <");
        pi_buf_puts(b, pi_dom_name(r->node));
        pi_buf_puts(b, ">");
        break;
    case PI_WHY_NAME:
        pi_buf_puts(b, "name: ");
        put_name(b, r, PI_CW_STRONG_NEGATIVE);
        break;
    case PI_WHY_BYLINE:
        pi_buf_puts(b, "byline: ");
        put_name(b, r, PI_CW_BYLINE);
        pi_buf_puts(b, ", ");
        put_uint(b, r->words);
        pi_buf_puts(b, " words < ");
        put_uint(b, BYLINE_MAX_WORDS);
        break;
    case PI_WHY_TEASER:
        pi_buf_puts(b, "teaser: ");
        put_uint(b, r->words - r->link_words);
        pi_buf_puts(b, " words before a link, ");
        put_density(b, "", ld, " > ", TEASER_LINK_DENSITY);
        break;
    case PI_WHY_HEADING_NAME:
        pi_buf_puts(b, "heading named like furniture: weight ");
        pi_put_fixed(b, r->weight, 0);
        pi_buf_puts(b, " < 0");
        break;
    case PI_WHY_BIG_LINKS:
        put_density(b, "most of the article, but ", ld, " > ", LINK_DENSITY_MAX_POSITIVE);
        break;
    case PI_WHY_NEGATIVE:
        pi_buf_puts(b, "names and score: ");
        pi_put_fixed(b, r->weight, 0);
        pi_buf_puts(b, " + ");
        pi_put_fixed(b, pi_choice_score(c, i), 1);
        pi_buf_puts(b, " < 0");
        break;
    case PI_WHY_GALLERY:
        pi_buf_puts(b, "gallery: ");
        put_uint(b, r->n_img);
        pi_buf_puts(b, " images, ");
        put_uint(b, r->n_p);
        pi_buf_puts(b, " paragraphs, ");
        put_uint(b, r->words);
        pi_buf_puts(b, " words");
        break;
    case PI_WHY_ITEMS:
        pi_buf_puts(b, "list items: ");
        put_uint(b, r->n_li);
        pi_buf_puts(b, " > ");
        put_uint(b, r->n_p);
        pi_buf_puts(b, " paragraphs + ");
        put_uint(b, ITEMS_OVER_PARAGRAPHS);
        break;
    case PI_WHY_SHORT_BOX:
        pi_buf_puts(b, "short box: ");
        put_uint(b, r->chars);
        pi_buf_puts(b, " characters < ");
        put_uint(b, PARA_MIN_CHARS);
        break;
    case PI_WHY_BOX_LINKS: {
        float limit = BOX_LINK_DENSITY + (r->words > LONG_BOX_WORDS ? LONG_BOX_LINK_SLACK : 0.0f) +
                      ((r->flags & PI_TF_TABLE) ? TABLE_LINK_SLACK : 0.0f);
        put_density(b, "", ld, " > ", limit);
        break;
    }
    case PI_WHY_POSITIVE_LINKS:
        put_density(b, "named like content, but ", ld, " > ", LINK_DENSITY_MAX_POSITIVE);
        break;
    case PI_WHY_LINK_LIST:
        put_density(b, "list of links: ", ld, " > ", LINK_LIST_DENSITY);
        break;
    case PI_WHY_ORPHAN:
        pi_buf_puts(b, "heading of dropped furniture");
        break;
    case PI_WHY_LAST_HEADING:
        pi_buf_puts(b, "heading with nothing under it");
        break;
    case PI_WHY_HEADLINE:
        pi_buf_puts(b, "the headline, repeated (the title)");
        break;
    case PI_WHY_CAPTION_AGAIN:
        pi_buf_puts(b, "caption repeated");
        break;
    case PI_WHY_DATE_LINE:
        pi_buf_puts(b, "date line");
        break;
    case PI_WHY_CREDIT:
        pi_buf_puts(b, "picture credit");
        break;
    case PI_WHY_TAIL:
        pi_buf_puts(b, "tail trim: a short line at the end");
        break;
    case PI_WHY_LINE_NUMBERS:
        pi_buf_puts(b, "line numbers beside a code listing");
        break;
    case PI_WHY_COMMENT:
        pi_buf_puts(b, "reader comments: in a comment section");
        break;
    case PI_WHY_MODEL: {
        float p = c->prob ? c->prob[i] : 0.0f;
        pi_buf_puts(b, "model p=");
        pi_put_fixed(b, p, 2);
        pi_buf_puts(b, p < threshold ? " < " : " >= ");
        pi_put_fixed(b, threshold, 2);
        break;
    }
    case PI_WHY_NO_WORDS:
        pi_buf_puts(b, "no words: as the rules decided");
        break;
    default:
        break;
    }
}

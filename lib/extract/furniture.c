/* furniture.c - is this element, inside the article, page furniture? The
 * one judgement of a block by its own statistics and names, used when the
 * lead of an article is gathered (score.c) and when the chosen subtrees are
 * cleaned (blocks.c). */
#include "extract/furniture.h"
#include "extract/choice.h"
#include "extract/names.h"
#include "extract/tune.h"
#include "tree/dom.h"

#include <string.h>

static int is_list(const pi_node *r)
{
    if (r->flags & PI_TF_LIST)
        return 1;
    /* A container whose text is nearly all in list items. */
    return r->n_li > 0 && r->n_p == 0 && r->n_para <= r->n_li + 1;
}

/* Does the element's text start with a short label and a colon ("See
 * also:")? Headings and quote boxes are teasers only with one: "21) <a>A
 * film</a>" is a list of the article's own. */
static int labelled(const pi_node *r, int *oom)
{
    char *t = pi_dom_text(r->node);
    if (!t) {
        *oom = 1;
        return 0;
    }
    const char *c = strchr(t, ':');
    int yes = c && c - t <= TEASER_LABEL_BYTES;
    pi_dom_free_text(t);
    return yes;
}

/* Is this element furniture that happens to sit inside the article? The
 * rule that says so (each return names its rule, for the explain view). */
int pi_block_is_furniture(const pi_node *r, float score, uint32_t root_words, int flags, int *oom)
{
    /* Large parts of the article are never dropped by name alone: a
     * class like "post-share" on the article wrapper itself is common. */
    int big = root_words && r->words * BIG_PART_RATIO > root_words;
    const char *cls = pi_attr(r->node, "class");
    const char *id = pi_attr(r->node, "id");

    if ((r->flags & PI_TF_FURNITURE) && !big)
        return PI_WHY_TAG;
    /* Dropped by name: share bars, tag rows, related boxes. Not when the
     * same names also say "content" (CMSs put "tag-x" and "has-paywall" on
     * the article itself) or the element holds several real paragraphs. */
    int substantial = r->n_para >= SUBSTANTIAL_PARAS &&
                      pi_link_density(r) < SUBSTANTIAL_LINK_DENSITY;
    int names = !(flags & PI_IGNORE_NAMES);
    int32_t weight = names ? r->weight : 0;
    if (names && !big && !substantial &&
        ((cls && pi_class_matches(cls, PI_CW_STRONG_NEGATIVE) &&
          !pi_class_matches(cls, PI_CW_POSITIVE)) ||
         (id && pi_class_matches(id, PI_CW_STRONG_NEGATIVE) &&
          !pi_class_matches(id, PI_CW_POSITIVE))))
        return PI_WHY_NAME;
    /* Bylines and datelines: metadata, not article text. */
    if (r->words < BYLINE_MAX_WORDS && ((cls && pi_class_matches(cls, PI_CW_BYLINE)) ||
                                        (id && pi_class_matches(id, PI_CW_BYLINE))))
        return PI_WHY_BYLINE;
    /* "Read also: <a>other story</a>": a few words of lead-in, then a link,
     * in a paragraph, a heading or a quote box. (A paragraph that is only a
     * link is kept: it may be the text.) */
    if ((r->flags & (PI_TF_PARA | PI_TF_HEADING | PI_TF_QUOTE)) && r->words < TEASER_MAX_WORDS &&
        pi_link_density(r) > TEASER_LINK_DENSITY && r->words > r->link_words &&
        r->words - r->link_words <= TEASER_LEAD_WORDS &&
        ((r->flags & PI_TF_PARA) || labelled(r, oom)))
        return PI_WHY_TEASER;
    if (r->flags & PI_TF_HEADING)
        return r->weight < 0 ? PI_WHY_HEADING_NAME : 0;
    if (!(r->flags & PI_TF_BLOCK) || (r->flags & (PI_TF_PARA | PI_TF_PRE | PI_TF_QUOTE)))
        return 0;
    if (r->flags & (PI_TF_ITEM | PI_TF_ROW | PI_TF_CELL | PI_TF_CAPTION))
        return 0;
    /* Table sections are judged with their table. */
    const char *nm = pi_dom_name(r->node);
    if (nm[0] == 't' && (!strcmp(nm, "thead") || !strcmp(nm, "tbody") || !strcmp(nm, "tfoot")))
        return 0;

    /* Conditional cleaning of containers (tables, lists, divs), after
     * Readability's: judge by what they hold. */
    float ld = pi_link_density(r);
    /* Most of the article is not furniture, whatever it is made of. */
    if (big)
        return ld > LINK_DENSITY_MAX_POSITIVE && r->n_para < SUBSTANTIAL_PARAS ? PI_WHY_BIG_LINKS
                                                                               : 0;
    /* Lists start with a negative tag score; that alone is no verdict. Nor
     * is a furniture name on a block of plain prose without links. */
    int prose = r->words >= PROSE_MIN_WORDS && ld < PROSE_MAX_LINK_DENSITY;
    if ((float)weight + score < 0.0f && !(r->flags & PI_TF_LIST) &&
        !(prose && (flags & PI_RELAXED)))
        return PI_WHY_NEGATIVE;
    if (r->commas >= PROSE_COMMAS)
        return 0;
    int list = is_list(r);
    int figure = (r->flags & PI_TF_FIGURE) != 0;
    uint32_t p = r->n_p, img = r->n_img, li = r->n_li;

    if (img > 1 && (float)p / (float)img < GALLERY_P_PER_IMAGE && !figure &&
        r->words < GALLERY_WORDS_PER_IMAGE * img)
        return PI_WHY_GALLERY;
    if (!list && li > p + ITEMS_OVER_PARAGRAPHS)
        return PI_WHY_ITEMS;
    if (!list && !figure && !(r->flags & PI_TF_TABLE) && r->chars < PARA_MIN_CHARS &&
        (img == 0 || img > SHORT_BOX_MAX_IMAGES) && r->n_headings == 0 && r->words > 0)
        return PI_WHY_SHORT_BOX;
    if (!list && r->weight < CW_POSITIVE &&
        ld > BOX_LINK_DENSITY + (r->words > LONG_BOX_WORDS ? LONG_BOX_LINK_SLACK : 0.0f) +
                 ((r->flags & PI_TF_TABLE) ? TABLE_LINK_SLACK : 0.0f) &&
        r->n_para < SUBSTANTIAL_PARAS)
        return PI_WHY_BOX_LINKS;
    if (r->weight >= CW_POSITIVE && ld > LINK_DENSITY_MAX_POSITIVE)
        return PI_WHY_POSITIVE_LINKS;
    /* Short lists made of links: menus, tag rows, "more stories". */
    if (list && ld > LINK_LIST_DENSITY && r->words < LINK_LIST_WORDS_PER_ITEM * (li ? li : 1))
        return PI_WHY_LINK_LIST;
    return 0;
}

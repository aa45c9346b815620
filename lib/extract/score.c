/* score.c - candidate scoring (paragraphs pass their score up), and the
 * choice of the article's subtrees. */
#include "extract/score.h"
#include "base/error.h"
#include "base/text.h"
#include "extract/furniture.h"
#include "extract/names.h"
#include "extract/tune.h"
#include "tree/dom.h"

#include <stdlib.h>
#include <string.h>

static float tag_score(const pi_node *r)
{
    const char *name = pi_dom_name(r->node);
    if (r->flags & PI_TF_MAIN)
        return TAG_MAIN;
    if (!strcmp(name, "div"))
        return TAG_DIV;
    if (r->flags & (PI_TF_PRE | PI_TF_CELL | PI_TF_QUOTE))
        return TAG_CELL;
    if (r->flags & (PI_TF_LIST | PI_TF_ITEM) || !strcmp(name, "address") || !strcmp(name, "form"))
        return TAG_LIST;
    if (r->flags & PI_TF_HEADING || !strcmp(name, "th"))
        return TAG_HEADING;
    return 0;
}

static void init_candidate(const pi_node *r, pi_choice *c, size_t i, int flags)
{
    if (c->candidate[i])
        return;
    c->candidate[i] = 1;
    c->score[i] = tag_score(r);
    if (!(flags & PI_NO_NAMES) || r->weight < 0)
        c->score[i] += (float)r->weight;
}

/* Can this element hold the article? Inline elements and furniture cannot. */
static int can_hold(const pi_node *r)
{
    return (r->flags & PI_TF_BLOCK) && !(r->flags & (PI_TF_HEADING | PI_TF_PARA)) &&
           strcmp(pi_dom_name(r->node), "html") != 0;
}

static int same_class(const pi_node *a, const pi_node *b)
{
    const char *x = pi_attr(a->node, "class"), *y = pi_attr(b->node, "class");
    return x && y && *x && !strcmp(x, y);
}

static int is_ancestor(const pi_node *N, int32_t a, int32_t x)
{
    for (; x >= 0; x = N[x].parent)
        if (x == a)
            return 1;
    return 0;
}

/* When several near-equal candidates compete (recipe steps, one article in
 * many sections), the article is their common ancestor. */
static int32_t common_ancestor_of_rivals(const pi_stats *st, const pi_choice *c, int32_t top,
                                         int32_t body)
{
    const pi_node *N = st->nodes;
    const float *S = c->score;
    int32_t best[RIVALS_CONSIDERED];
    int nb = 0;
    for (size_t i = 0; i < st->n; i++) {
        if (!c->candidate[i] || (int32_t)i == top)
            continue;
        int k;
        if (nb < RIVALS_CONSIDERED)
            k = nb++;
        else if (S[i] > S[best[RIVALS_CONSIDERED - 1]])
            k = RIVALS_CONSIDERED - 1;
        else
            continue;
        best[k] = (int32_t)i;
        /* keep best[] sorted by score, descending */
        while (k > 0 && S[best[k]] > S[best[k - 1]]) {
            int32_t t = best[k];
            best[k] = best[k - 1];
            best[k - 1] = t;
            k--;
        }
    }
    int32_t rivals[RIVALS_CONSIDERED];
    int nr = 0;
    for (int k = 0; k < nb; k++)
        if (S[best[k]] >= RIVAL_SHARE * S[top])
            rivals[nr++] = best[k];
    if (nr < RIVALS_NEEDED)
        return top;
    for (int32_t p = N[top].parent; p >= 0 && p != body; p = N[p].parent) {
        int holding = 0;
        for (int k = 0; k < nr; k++)
            holding += is_ancestor(N, p, rivals[k]);
        if (holding >= RIVALS_NEEDED)
            return p;
    }
    return top;
}

/* The region of candidate `i`: its highest ancestor, TWIN_LEVELS up at
 * most, that holds no other twin. */
static pi_dom *twin_region(const pi_stats *st, int32_t i, const int32_t *twins, int nt,
                           int32_t body)
{
    const pi_node *N = st->nodes;
    int32_t region = i;
    for (int up = 0; up < TWIN_LEVELS; up++) {
        int32_t p = N[region].parent;
        if (p < 0 || p == body)
            break;
        int other = 0;
        for (int k = 0; k < nt && !other; k++)
            other = twins[k] != i && is_ancestor(N, p, twins[k]);
        if (other)
            break;
        region = p;
    }
    return N[region].node;
}

/* Is there an h1-h3 in the region that matches `title`? */
static int region_heading(const pi_stats *st, pi_dom *root, const char *title, int *oom)
{
    for (pi_dom *n = root; n; n = pi_next(n, root, 0)) {
        const pi_node *r = pi_stats_of(st, n);
        if (!r || !(r->flags & PI_TF_HEADING) || pi_dom_name(n)[1] < '1' || pi_dom_name(n)[1] > '3')
            continue;
        char *text = pi_dom_text(n);
        if (!text)
            *oom = 1;
        int hit = text && pi_headline_matches(text, title, TWIN_TITLE_MIN_BYTES);
        pi_dom_free_text(text);
        if (hit)
            return 1;
    }
    return 0;
}

/* Pages that run several articles one after the other (infinite scroll,
 * "next story" blocks) give each the same container. The page is about
 * the one whose headline is the page's title, which need not be the
 * longest. (Sections of one article share a container too; the rivals
 * step that follows joins them again.) */
static int32_t titled_twin(const pi_stats *st, pi_choice *c, int32_t top, int32_t body,
                           const char *title)
{
    const pi_node *N = st->nodes;
    const char *cls = pi_attr(N[top].node, "class");
    if (!title || !*title || !cls || !*cls)
        return top;
    int32_t twins[TWINS_MAX];
    int nt = 0;
    for (size_t i = 0; i < st->n && nt < TWINS_MAX; i++) {
        const pi_node *r = &N[i];
        if (!c->candidate[i] || c->score[i] < TWIN_SHARE * c->score[top] ||
            strcmp(pi_dom_name(r->node), pi_dom_name(N[top].node)) || !same_class(r, &N[top]))
            continue;
        if ((int32_t)i != top &&
            (is_ancestor(N, (int32_t)i, top) || is_ancestor(N, top, (int32_t)i)))
            continue;
        twins[nt++] = (int32_t)i;
    }
    if (nt < 2)
        return top;
    pi_dom *own = twin_region(st, top, twins, nt, body);
    if (region_heading(st, own, title, &c->oom))
        return top;
    for (int k = 0; k < nt; k++) {
        if (twins[k] == top)
            continue;
        if (region_heading(st, twin_region(st, twins[k], twins, nt, body), title, &c->oom))
            return twins[k];
    }
    return top;
}

/* The body container often sits in an <article> that also holds the
 * headline, the standfirst and the lead paragraph. When the article element
 * adds little text to the winner, take it: block cleaning drops the byline,
 * share bar and tags it also holds. */
static int32_t widen_to_article(const pi_stats *st, int32_t top, int32_t body)
{
    const pi_node *N = st->nodes;
    uint32_t own = N[top].words - N[top].link_words;
    int32_t a = N[top].parent, best = top;
    for (int up = 0; a >= 0 && a != body && up < WIDEN_LEVELS; up++, a = N[a].parent) {
        const pi_node *r = &N[a];
        uint32_t text = r->words - r->link_words;
        if ((float)text > (float)own * WIDEN_MAX_GROWTH + WIDEN_SLACK_WORDS ||
            pi_link_density(r) >= WIDEN_MAX_LINK_DENSITY || r->unlikely)
            break;
        best = a;
        if ((r->flags & PI_TF_MAIN) && pi_dom_name(r->node)[0] == 'a')
            break;
    }
    return best;
}

/* Is this a paragraph of prose that may lead into the article? */
static int is_lead_block(const pi_node *r)
{
    return (r->flags & PI_TF_BLOCK) && !(r->flags & (PI_TF_HEADING | PI_TF_ITEM | PI_TF_CAPTION)) &&
           r->own_words >= LEAD_MIN_WORDS && r->own_link_words * LEAD_LINK_RATIO < r->own_words &&
           !r->unlikely;
}

/* A paragraph of prose before the winner: a standfirst or lead, whatever
 * its container is called ("teaser", "header"). */
static int is_prose_lead(const pi_stats *st, const pi_node *r, const pi_node *article)
{
    if (!(r->flags & PI_TF_BLOCK) || r->has_block_child ||
        (r->flags & (PI_TF_HEADING | PI_TF_ITEM | PI_TF_CAPTION | PI_TF_FURNITURE)) ||
        r->own_words < LEAD_MIN_WORDS || r->own_link_words)
        return 0;
    /* Not in a share, newsletter or related box. */
    for (const pi_node *x = r; x && x != article;
         x = x->parent >= 0 ? &st->nodes[x->parent] : NULL) {
        const char *c = pi_attr(x->node, "class"), *i = pi_attr(x->node, "id");
        if ((c && pi_class_matches(c, PI_CW_STRONG_NEGATIVE)) ||
            (i && pi_class_matches(i, PI_CW_STRONG_NEGATIVE)) || x->weight <= CW_ROLE_NEGATIVE)
            return 0;
    }
    return 1;
}

/* What the article holds before the winner (headline block, standfirst,
 * lead paragraph), as roots of their own. Inside an <article> element,
 * every subtree that precedes the winner and is not one of its ancestors or
 * siblings, less furniture (bylines, share bars); inside another container,
 * only paragraphs of prose. What comes after the winner is left out:
 * author boxes and "more on this" follow articles. */
static int add_lead(const pi_stats *st, int32_t article, int32_t top, pi_choice *c)
{
    const pi_node *N = st->nodes;
    pi_dom *a = N[article].node, *tn = N[top].node;
    int is_article = (N[article].flags & PI_TF_MAIN) && pi_dom_name(a)[0] == 'a';
    pi_dom *n = pi_dom_first_child(a);
    while (n && n != tn) {
        const pi_node *r = pi_stats_of(st, n);
        int is_anc = 0;
        for (pi_dom *x = pi_dom_parent(tn); x && x != a; x = pi_dom_parent(x))
            if (x == n)
                is_anc = 1;
        if (is_anc) {
            n = pi_dom_first_child(n);
            continue;
        }
        /* The picture over the article, with its caption, is not text. */
        if (!r || !r->words || (r->flags & (PI_TF_FIGURE | PI_TF_CAPTION))) {
            n = pi_next(n, a, 1);
            continue;
        }
        int lead = is_prose_lead(st, r, &N[article]);
        if (r->unlikely && !lead) {
            n = pi_next(n, a, r->has_block_child ? 0 : 1);
            continue;
        }
        size_t i = (size_t)(r - N);
        if (lead) {
            PI_TRY(pi_choice_add_root(c, (int32_t)i));
            n = pi_next(n, a, 1);
        } else if (is_article) {
            if (!pi_block_is_furniture(r, pi_choice_score(c, i), N[article].words, 0, &c->oom))
                PI_TRY(pi_choice_add_root(c, (int32_t)i));
            n = pi_next(n, a, 1);
        } else if (is_lead_block(r) &&
                   !pi_block_is_furniture(r, pi_choice_score(c, i), N[article].words, 0, &c->oom)) {
            PI_TRY(pi_choice_add_root(c, (int32_t)i));
            n = pi_next(n, a, 1);
        } else {
            n = pi_next(n, a, 0);
        }
    }
    return PI_OK;
}

int pi_choose(const pi_stats *st, int32_t body, int flags, const char *title, pi_choice *c)
{
    PI_TRY(pi_choice_init(c, st->n));
    if (flags & PI_EXPLAIN)
        PI_TRY(pi_choice_explain(c, 0));
    const pi_node *N = st->nodes;
    float *S = c->score;

    /* 1. Every text block passes its score to its ancestors. */
    for (size_t i = 0; i < st->n; i++) {
        const pi_node *r = &N[i];
        if (!(r->flags & PI_TF_BLOCK) || r->own_chars < PARA_MIN_CHARS)
            continue;
        if (r->flags & (PI_TF_HEADING | PI_TF_FURNITURE) || (r->unlikely && !(flags & PI_RELAXED)))
            continue;
        if (r->own_words && r->own_link_words * VOTE_LINK_RATIO > r->own_words)
            continue;
        float s = 1.0f + (float)r->own_commas;
        float len = (float)r->own_chars / VOTE_CHARS_PER_POINT;
        s += len > VOTE_LENGTH_POINTS ? VOTE_LENGTH_POINTS : (float)(int)len;
        /* Text directly in a container (not in a <p>) scores the container
         * itself, as if it were wrapped in a paragraph. */
        int32_t a = can_hold(r) ? (int32_t)i : r->parent;
        for (int level = 0; a >= 0 && level < SCORE_LEVELS; level++, a = N[a].parent) {
            if (!can_hold(&N[a])) {
                level--;
                continue;
            }
            init_candidate(&N[a], c, (size_t)a, flags);
            float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
            S[a] += s / div;
        }
    }

    /* 2. Scale by link density; pick the best. */
    int32_t top = -1;
    for (size_t i = 0; i < st->n; i++) {
        if (!c->candidate[i])
            continue;
        S[i] *= 1.0f - pi_link_density(&N[i]);
        if (top < 0 || S[i] > S[top])
            top = (int32_t)i;
    }

    if (top < 0) {
        c->fallback = 1;
        top = body;
    } else {
        top = titled_twin(st, c, top, body, title);
        top = common_ancestor_of_rivals(st, c, top, body);
        /* 3. Move up while the parent scores close to the winner: the
         * article is then split over several of its children. */
        float last = S[top], threshold = last / PARENT_SCORE_DIVISOR;
        for (int32_t p = N[top].parent; p >= 0 && p != body; p = N[p].parent) {
            if (!c->candidate[p])
                continue;
            if (S[p] < threshold)
                break;
            if (S[p] > last) {
                top = p;
                break;
            }
            last = S[p];
        }
        /* An only child: its parent is the same container. */
        while (N[top].parent >= 0 && N[top].parent != body) {
            pi_dom *pn = N[N[top].parent].node;
            int elems = 0;
            for (pi_dom *ch = pi_dom_first_child(pn); ch; ch = pi_dom_next_sibling(ch))
                if (pi_dom_is_element(ch) ||
                    (pi_dom_is_text(ch) &&
                     pi_count_chars(pi_dom_chars(ch), strlen(pi_dom_chars(ch)))))
                    elems++;
            if (elems != 1 || N[N[top].parent].weight < 0)
                break;
            top = N[top].parent;
        }
    }
    int32_t article = top != body ? widen_to_article(st, top, body) : top;
    c->top = top;

    /* 4. Siblings that belong with the winner, after the lead of the
     * enclosing article. */
    const pi_node *t = &N[top];
    if (t->parent < 0 || top == body)
        return pi_choice_add_root(c, top);
    if (article != top)
        PI_TRY(add_lead(st, article, top, c));
    float tscore = pi_choice_score(c, (size_t)top);
    float thresh = tscore * SIBLING_SHARE > SIBLING_MIN ? tscore * SIBLING_SHARE : SIBLING_MIN;
    for (pi_dom *ch = pi_dom_first_child(N[t->parent].node); ch; ch = pi_dom_next_sibling(ch)) {
        const pi_node *s = pi_stats_of(st, ch);
        if (!s)
            continue;
        int32_t si = (int32_t)(s - N);
        int join = si == top;
        if (!join && !(s->flags & PI_TF_FURNITURE) && s->weight >= 0) {
            float bonus = same_class(s, t) ? tscore * SIBLING_CLASS_BONUS : 0.0f;
            if (c->candidate[si] && S[si] + bonus >= thresh)
                join = 1;
            else if (s->flags & PI_TF_PARA) {
                float ld = pi_link_density(s);
                if (s->chars > SIBLING_PARA_CHARS && ld < SIBLING_PARA_LINK_DENSITY)
                    join = 1;
                else if (s->chars > 0 && ld == 0.0f && s->words >= SIBLING_PARA_MIN_WORDS)
                    join = 1;
            }
        }
        for (size_t k = 0; join && k < c->n; k++)
            if (c->roots[k] == si)
                join = 0; /* already taken as part of the lead */
        if (join)
            PI_TRY(pi_choice_add_root(c, si));
    }
    return PI_OK;
}

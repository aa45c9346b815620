/* tune.h - every tuning constant and word list of the extractor, with its
 * reason. Accuracy work is a change in this file; measure it with `make eval`
 * on every dataset. */
#ifndef PI_TUNE_H
#define PI_TUNE_H

/* A block with fewer non-space characters than this is not a paragraph for
 * scoring: captions, labels and buttons are shorter. */
#define PARA_MIN_CHARS 22

/* Class/id evidence, added per matching attribute (class, id). Same size as
 * the largest paragraph score a container gets from a few paragraphs, so
 * that names tip close calls but do not beat a page of text. */
#define CW_POSITIVE 25
#define CW_NEGATIVE (-25)
/* role=navigation and the like are explicit statements of purpose. */
#define CW_ROLE_NEGATIVE (-50)
/* itemprop=articleBody is the page telling us where the article is. */
#define CW_ARTICLE_BODY 60

/* Tag evidence for candidate containers (as in Readability's initial
 * scores: divs hold articles, list items and headings do not). */
#define TAG_DIV 5
#define TAG_CELL 3
#define TAG_LIST (-3)
#define TAG_HEADING (-5)
#define TAG_MAIN 10 /* article and main elements */

/* Ancestors a paragraph passes its score to, and how it decays: parent gets
 * all, grandparent half, then 1/(3 level). */
#define SCORE_LEVELS 5
/* A paragraph's score: 1, a point per comma, a point per
 * VOTE_CHARS_PER_POINT characters up to VOTE_LENGTH_POINTS (as
 * Readability): length counts, but three long paragraphs beat one huge one.
 * A paragraph whose words are more than 1/VOTE_LINK_RATIO link text is a
 * list of links and does not vote. */
#define VOTE_CHARS_PER_POINT 100.0f
#define VOTE_LENGTH_POINTS 3.0f
#define VOTE_LINK_RATIO 2
/* The winner moves up to an ancestor that scores more, looking past
 * ancestors that score at least 1/PARENT_SCORE_DIVISOR of it: the article is
 * then split over several children. */
#define PARENT_SCORE_DIVISOR 3.0f

/* Rivals: among the best RIVALS_CONSIDERED other candidates, those scoring
 * at least RIVAL_SHARE of the winner; when RIVALS_NEEDED of them share an
 * ancestor with it, that ancestor is the article (as Readability does). */
#define RIVALS_CONSIDERED 4
#define RIVAL_SHARE 0.65f
#define RIVALS_NEEDED 3

/* Twins: candidates with the winner's tag and class scoring at least
 * TWIN_SHARE of it (TWINS_MAX looked at). The one whose region (up to
 * TWIN_LEVELS ancestors holding no other twin) has an h1-h3 matching the
 * page title wins; a heading may contain the title or the reverse when the
 * shorter has TWIN_TITLE_MIN_BYTES. */
#define TWIN_SHARE 0.2f
#define TWINS_MAX 16
#define TWIN_LEVELS 6
#define TWIN_TITLE_MIN_BYTES 16

/* Widening the winner to an enclosing <article>: at most WIDEN_LEVELS up,
 * and only if the article's non-link words are at most
 * GROWTH x the winner's + SLACK (headline, standfirst, lead) and it is not
 * link-heavy. Outside <article> elements only prose leads in from the
 * widened part, so these limits are generous (measured: 4 levels, 80 words
 * and 0.3 gave trafilatura F1 0.918; 6, 160, 0.4 give 0.920). */
#define WIDEN_LEVELS 6
#define WIDEN_MAX_GROWTH 1.3f
#define WIDEN_SLACK_WORDS 160.0f
#define WIDEN_MAX_LINK_DENSITY 0.4f
/* Outside an <article> element only prose leads in: a block of at least
 * this many words, under 1/LEAD_LINK_RATIO of them in links. */
#define LEAD_MIN_WORDS 12
#define LEAD_LINK_RATIO 5

/* A sibling joins the winner when its score reaches this share of the
 * winner's (or SIBLING_MIN absolute). */
#define SIBLING_SHARE 0.3f
#define SIBLING_MIN 10.0f
/* A sibling with the winner's class is likelier its continuation: its score
 * counts this share of the winner's more. */
#define SIBLING_CLASS_BONUS 0.2f
/* A sibling paragraph joins without a score of its own when it is prose:
 * longer than SIBLING_PARA_CHARS under SIBLING_PARA_LINK_DENSITY, or of
 * SIBLING_PARA_MIN_WORDS words without a link. */
#define SIBLING_PARA_CHARS 80
#define SIBLING_PARA_LINK_DENSITY 0.25f
#define SIBLING_PARA_MIN_WORDS 4

/* Two more attempts (relaxed, then relaxed without positive names) run
 * when the first gives fewer words than FALLBACK_MIN_WORDS or than
 * FALLBACK_MIN_SHARE of the page's non-link words; each wins when it gives
 * FALLBACK_GAIN times as many words as the best so far. (Share measured
 * from 0.1 to 1.0: trafilatura F1 rises to 0.4 and is flat above.) A first
 * result of FALLBACK_MAX_WORDS or more is kept whatever the share: on a
 * page with long comments the relaxed attempt takes them all. */
#define FALLBACK_MIN_WORDS 30
#define FALLBACK_MAX_WORDS 300
#define FALLBACK_MIN_SHARE 0.4f
#define FALLBACK_GAIN 2.0f

/* The learned decisions (learned.c) keep, on each page, the blocks whose
 * text has the best expected F-beta; this is beta squared. 1, the F1 that
 * the benchmarks count. Cross-validated on wcxb-dev (train/, mean bow_f1;
 * mean per-page word precision / recall), against one threshold for every
 * page: p >= 0.5 0.846 (0.864 / 0.891), p >= 0.3 0.850 (0.834 / 0.930),
 * the best F1 of each page 0.855 (0.850 / 0.922): a listing whose items
 * the model doubts keeps them. An article keeps what is sure
 * (ARTICLE_SURE). */
#define PI_LEARNED_BETA2 1.0f
/* PITH_OPT_FAVOR's, beta 0.5 and 2, on the same folds: precision 0.882 /
 * recall 0.869 (p >= 0.7 gave 0.874 / 0.833), precision 0.799 / recall
 * 0.951 (p >= 0.3 0.834 / 0.930). */
#define PI_FAVOR_PRECISION_BETA2 0.25f
#define PI_FAVOR_RECALL_BETA2 4.0f
/* How much surer than the page model's P(article) the cut takes an article
 * to be: wholly from even odds on (learned.c, the page's cut; train.py
 * ARTICLE_SURE). */
#define ARTICLE_SURE 2.0f

/* Structured data (JSON-LD articleBody) replaces the DOM result when it has
 * at least DECLARED_MIN_WORDS words and the DOM result under
 * DECLARED_MIN_SHARE of them: the article is then in a script, not in the
 * markup. */
#define DECLARED_MIN_WORDS 100
#define DECLARED_MIN_SHARE 0.3f

/* A paragraph this short that parses as a date is a dateline; a label
 * before a colon within DATE_LINE_LABEL_BYTES ("Stand:", "Updated:") is
 * read past. */
#define DATE_LINE_MAX_WORDS 6
#define DATE_LINE_MAX_BYTES 64
#define DATE_LINE_LABEL_BYTES 24

/* Trailing lines shorter than this that do not end a sentence are trimmed
 * from the end of the article. */
#define TAIL_SHORT_WORDS 15
#define TAIL_MIN_ARTICLE_WORDS 150
/* A heading with nothing after it is dropped only from an article this long:
 * on a tiny page it may be all there is. */
#define ORPHAN_MIN_ARTICLE_WORDS 50
/* A "heading" longer than this is a standfirst set large, not a title. */
#define ORPHAN_MAX_WORDS 15
/* A line this short, without links, not ending a sentence, that leads
 * into dropped furniture is its heading. */
#define LEADIN_MAX_WORDS 6

/* Block cleaning inside the winner (furniture.c). */
#define PROSE_MIN_WORDS 20 /* a block this long without links reads as prose */
#define PROSE_MAX_LINK_DENSITY 0.1f
/* A block named like content is still furniture above this link density. */
#define LINK_DENSITY_MAX_POSITIVE 0.5f
/* A block holding more than 1/BIG_PART_RATIO of the article's words is
 * never dropped by its name alone: "post-share" on the article wrapper. */
#define BIG_PART_RATIO 2
/* A block with this many paragraphs, under SUBSTANTIAL_LINK_DENSITY, is
 * text whatever its name says. */
#define SUBSTANTIAL_PARAS 3
#define SUBSTANTIAL_LINK_DENSITY 0.3f
/* A byline-named block of fewer words is a byline; a longer one is text
 * (an author's note, a standfirst in a "byline" box). */
#define BYLINE_MAX_WORDS 30
/* A block with this many commas is prose: kept. */
#define PROSE_COMMAS 10
/* A gallery: several images, under GALLERY_P_PER_IMAGE paragraphs and
 * GALLERY_WORDS_PER_IMAGE words per image. */
#define GALLERY_P_PER_IMAGE 0.5f
#define GALLERY_WORDS_PER_IMAGE 10
/* More list items than paragraphs by this many, outside a list: a menu. */
#define ITEMS_OVER_PARAGRAPHS 100
/* A short box (under PARA_MIN_CHARS, no heading) with up to this many
 * images is a figure; with more, or none, it is furniture. */
#define SHORT_BOX_MAX_IMAGES 2
/* A box that is not named like content is furniture above
 * BOX_LINK_DENSITY of links (LONG_BOX_LINK_SLACK more when it has over
 * LONG_BOX_WORDS words: long text carries links). */
#define BOX_LINK_DENSITY 0.2f
#define LONG_BOX_WORDS 200
#define LONG_BOX_LINK_SLACK 0.1f
/* A list of links (menus, tag rows, "more stories"): above this link
 * density with under LINK_LIST_WORDS_PER_ITEM words per item. */
#define LINK_LIST_DENSITY 0.6f
#define LINK_LIST_WORDS_PER_ITEM 30
/* A data table may link its entries (ingredients to products, rows to
 * pages): it is dropped for links only at this much more link density. */
#define TABLE_LINK_SLACK 0.2f

enum { M_SUB, M_TOKEN, M_PREFIX };

struct pi_pattern {
    const char *word;
    int mode; /* M_SUB: substring of the lowercased attribute; M_TOKEN: a whole
                 token (tokens split at anything but letters and digits);
                 M_PREFIX: a token that starts with the word */
};

/* Names of a disclosure widget's hidden part, a tab's panel, an accordion's
 * or a carousel's content (clean.c): an element hidden by its style and
 * named so is kept. wcxb-dev 0.887 -> 0.888, readability and trafilatura
 * unchanged. */
extern const struct pi_pattern PI_DISCLOSURE[];

/* Names of containers that hold the article. */
extern const struct pi_pattern PI_POSITIVE[];

/* Names of page furniture. Substrings only where they cannot occur inside
 * content words; short words must be whole tokens ("ad" is not "header"). */
extern const struct pi_pattern PI_NEGATIVE[];

/* Names that, in a container that also looks like content, still mean
 * "furniture": these decide block drops inside the winner. */
extern const struct pi_pattern PI_STRONG_NEGATIVE[];

/* Containers that almost never hold the article (comment threads, menus,
 * sidebars ...): their paragraphs do not vote, unless the same names also say
 * "content" (PI_MAYBE). */
extern const struct pi_pattern PI_UNLIKELY[];
extern const struct pi_pattern PI_MAYBE[];

/* Names of reader-comment sections and their parts (evidence for the
 * learned decisions; forum posts carry such names too). */
extern const struct pi_pattern PI_COMMENT[];

/* Inside a comment section (comments.c): the names of a comment's author,
 * its date, a frame of one comment besides those named like comments, the
 * parts of a comment that are not its text (meta lines, avatars, actions),
 * the comment form, and containers of replies. */
extern const struct pi_pattern PI_COMMENT_AUTHOR[];
/* Named like comments and like these, a block holds what customers say of
 * a product or a service (testimonials, reviews: content), or links to
 * comments elsewhere on the site (a "recent comments" widget): not the
 * page's comments. */
extern const struct pi_pattern PI_COMMENT_NOT[];
extern const struct pi_pattern PI_COMMENT_DATE[];
extern const struct pi_pattern PI_COMMENT_FRAME[];
extern const struct pi_pattern PI_COMMENT_SKIP[];
extern const struct pi_pattern PI_COMMENT_FORM[];
extern const struct pi_pattern PI_COMMENT_REPLIES[];
/* What follows an author's name ("Jane says:"), lowercase. */
extern const char *const PI_COMMENT_SAYS[];
/* Words of a heading that announces comments ("3 Comments", "Leave a
 * Reply"), lowercase, matched at a word start. */
extern const char *const PI_COMMENT_HEADINGS[];
/* An author or date marker is short: a name, a date. */
#define COMMENT_MARKER_MAX_WORDS 12
/* More than this is not a name. */
#define COMMENT_AUTHOR_MAX_BYTES 100
/* An element around the article's container is a comment section only when
 * at most this many of its words are outside its comments, form and
 * headings: the rules took a comment for the article. */
#define COMMENT_OTHER_MAX_WORDS 40
/* A block named like comments with no comment and no form is a placeholder
 * ("Loading comments...", a Disqus frame's shell) up to this many words. */
#define COMMENT_PLACEHOLDER_WORDS 30
/* A heading just before a comment section that announces it goes with it,
 * up to this many words. */
#define COMMENT_HEADING_MAX_WORDS 8

/* Posts of a thread are content, not comments: on a page that declares no
 * kind, a forum probability from the page model from this on keeps its
 * comment-named sections in the text (a thread misread as an article with
 * comments loses its posts; an article misread as a thread keeps them). */
#define COMMENT_FORUM_MIN_PROB 0.25f

/* Names of reviews and ratings (evidence for the learned decisions: on a
 * product page they follow the product). */
extern const struct pi_pattern PI_REVIEW[];

/* Words of a URL's path and query that say what kind of page it is
 * (evidence for the page model: "/forum/", "/products/", "/docs/" ...).
 * Lowercase, matched as whole tokens (split at anything but letters and
 * digits). */
extern const char *const PI_URL_FORUM[];
extern const char *const PI_URL_PRODUCT[];
extern const char *const PI_URL_COLLECTION[];
extern const char *const PI_URL_LISTING[];
extern const char *const PI_URL_DOCS[];
extern const char *const PI_URL_ARTICLE[];
extern const char *const PI_URL_SERVICE[];

/* Bylines, datelines and image credits: short lines that are not article
 * text (metadata carries the first two). */
extern const struct pi_pattern PI_BYLINE[];

/* Words that, before a colon, after an opening parenthesis or ("credit")
 * anywhere, mark a caption as a picture credit; and picture agencies whose
 * name in a caption does the same. Lowercase; matched at a word start. */
extern const char *const PI_CREDIT_WORDS[];
extern const char *const PI_PICTURE_AGENCIES[];

/* Names of elements that hold a picture's caption (substrings,
 * ASCII case ignored). */
extern const char *const PI_CAPTION_NAMES[];

/* The document model (build.c). The headline repeated at the top of the
 * article is looked for in the first HEADLINE_BLOCKS blocks. */
#define HEADLINE_BLOCKS 4
/* A table with over this many words per block is page layout, not data. */
#define LAYOUT_WORDS_PER_BLOCK 60
/* A code block's language name ("language-python") is shorter than this. */
#define CODE_LANGUAGE_MAX 32
/* Nesting the walker tracks (lists, inline spans) and images held back
 * until their paragraph ends: deeper nesting is flattened, later images
 * of one paragraph are left out (real pages stay far below both). */
#define MAX_NEST 64
#define MAX_IMAGES 8

/* Names that would drop this share of a chosen container of at least
 * NAMES_MISLEAD_MIN_WORDS words are ignored in it (see blocks.c). */
#define NAMES_MISLEAD_SHARE 0.9f
#define NAMES_MISLEAD_MIN_WORDS 100

/* A <noscript> or <button> with this much text is unwrapped, not dropped
 * (see clean.c): libxml2 lets one with an unclosed element swallow the
 * page. */
#define SWALLOW_KEEP_BYTES 2000
#define SWALLOW_LOOK_NODES 4096 /* ... found within this many nodes */

/* React's streamed segments put in their placeholders' places (clean.c):
 * the first this many of a page. */
#define STREAMED_MAX 64

/* An element hidden by `hidden` or its style that holds more than this
 * share of the page's text (and at least SWALLOW_KEEP_BYTES of it) is the
 * page, shown by a script once loaded, not hidden furniture (clean.c); at
 * most REVEAL_MAX of them a page, so that nested ones cost linear time.
 * Modals and consent boxes stay under the share. */
#define REVEAL_SHARE 0.5
#define REVEAL_MAX 4

/* A paragraph whose words are mostly link text and that is this short is a
 * "read also" teaser, not prose. */
#define TEASER_LINK_DENSITY 0.5f
#define TEASER_MAX_WORDS 40
#define TEASER_LEAD_WORDS 4
/* In a heading or a quote box the lead-in must be a label: a colon within
 * this many bytes of the start. */
#define TEASER_LABEL_BYTES 32

#endif

/* tune.c - the word lists of tune.h: class and id names, picture credits
 * and caption names, each list's reason beside its declaration there. */
#include "extract/tune.h"

#include <stddef.h>

/* clang-format off */
const struct pi_pattern PI_POSITIVE[] = {
    {"article", M_SUB}, {"body", M_SUB}, {"content", M_SUB}, {"entry", M_SUB},
    {"hentry", M_SUB}, {"main", M_TOKEN}, {"post", M_PREFIX}, {"text", M_TOKEN},
    {"blog", M_SUB}, {"story", M_SUB}, {"prose", M_SUB}, {"markdown", M_SUB},
    {"page", M_TOKEN}, {"column", M_TOKEN}, {"abstract", M_TOKEN},
    {NULL, 0}};
/* clang-format on */

const struct pi_pattern PI_DISCLOSURE[] = {
    {"tab", M_TOKEN},     {"tabs", M_TOKEN},   {"tabpanel", M_TOKEN}, {"tabcontent", M_TOKEN},
    {"accordion", M_SUB}, {"collapse", M_SUB}, {"carousel", M_SUB},   {NULL, 0}};

/* clang-format off */
const struct pi_pattern PI_NEGATIVE[] = {
    {"comment", M_SUB}, {"sidebar", M_SUB}, {"footer", M_SUB}, {"footnote", M_SUB},
    {"related", M_SUB}, {"share", M_SUB}, {"sharing", M_SUB}, {"social", M_SUB},
    {"sponsor", M_SUB}, {"promo", M_SUB}, {"advert", M_SUB}, {"banner", M_SUB},
    {"cookie", M_SUB}, {"consent", M_SUB}, {"gdpr", M_SUB}, {"newsletter", M_SUB},
    {"subscri", M_SUB}, {"breadcrumb", M_SUB}, {"masthead", M_SUB}, {"menu", M_SUB},
    {"navbar", M_SUB}, {"navigation", M_SUB}, {"popup", M_SUB}, {"modal", M_SUB},
    {"outbrain", M_SUB}, {"taboola", M_SUB}, {"widget", M_SUB}, {"recommend", M_SUB},
    {"teaser", M_SUB}, {"trending", M_SUB}, {"popular", M_SUB}, {"mostread", M_SUB},
    {"most-read", M_SUB}, {"signup", M_SUB}, {"login", M_SUB}, {"toolbar", M_SUB},
    {"combx", M_SUB}, {"shoutbox", M_SUB}, {"skyscraper", M_SUB}, {"disqus", M_SUB},
    {"paywall", M_SUB}, {"overlay", M_SUB}, {"pagination", M_SUB}, {"pager", M_TOKEN},
    {"contact", M_SUB}, {"scroll", M_SUB}, {"shopping", M_SUB}, {"supplement", M_SUB},
    {"community", M_SUB}, {"replies", M_SUB}, {"reply", M_TOKEN}, {"rss", M_TOKEN},
    {"nav", M_PREFIX}, {"ad", M_TOKEN}, {"ads", M_TOKEN}, {"advertisement", M_TOKEN},
    {"adv", M_TOKEN}, {"tags", M_TOKEN}, {"tag", M_TOKEN}, {"tagcloud", M_SUB},
    {"meta", M_TOKEN}, {"more", M_TOKEN}, {"aside", M_TOKEN}, {"hidden", M_TOKEN},
    {"hide", M_TOKEN}, {"print", M_TOKEN}, {"follow", M_TOKEN}, {"donate", M_SUB},
    {"rating", M_SUB}, {"author-bio", M_SUB}, {"bio", M_TOKEN}, {"links", M_TOKEN},
    {"header", M_TOKEN}, {"foot", M_TOKEN}, {"extra", M_TOKEN}, {"sponsored", M_SUB},
    {"affiliate", M_SUB}, {"disclosure", M_SUB}, {"disclaimer", M_SUB},
    {"author-box", M_SUB}, {"authorbox", M_SUB}, {"author-info", M_SUB},
    {"author-description", M_SUB}, {"author-card", M_SUB}, {"about-author", M_SUB},
    {"about-the-author", M_SUB}, {NULL, 0}};
/* clang-format on */

/* clang-format off */
const struct pi_pattern PI_STRONG_NEGATIVE[] = {
    {"share", M_SUB}, {"sharing", M_SUB}, {"social", M_SUB}, {"related", M_SUB},
    {"newsletter", M_SUB}, {"subscri", M_SUB}, {"cookie", M_SUB}, {"consent", M_SUB},
    {"comment", M_SUB}, {"breadcrumb", M_SUB}, {"advert", M_SUB}, {"promo", M_SUB},
    {"recommend", M_SUB}, {"outbrain", M_SUB}, {"taboola", M_SUB},
    {"sponsor", M_SUB}, {"paywall", M_SUB}, {"popular", M_SUB}, {"trending", M_SUB},
    {"tags", M_TOKEN}, {"tag", M_TOKEN}, {"ad", M_TOKEN}, {"ads", M_TOKEN},
    {"tagcloud", M_SUB}, {"most-read", M_SUB}, {"mostread", M_SUB}, {"disqus", M_SUB},
    {"read-more", M_SUB}, {"readmore", M_SUB}, {"more-stories", M_SUB},
    {"author-bio", M_SUB}, {"toolbar", M_SUB}, {"widget", M_SUB}, {"nav", M_PREFIX},
    {"menu", M_SUB}, {"pagination", M_SUB}, {"signup", M_SUB}, {"print", M_TOKEN},
    {"affiliate", M_SUB}, {"disclosure", M_SUB}, {"disclaimer", M_SUB},
    {"author-box", M_SUB}, {"authorbox", M_SUB}, {"author-info", M_SUB},
    {"author-description", M_SUB}, {"author-card", M_SUB}, {"about-author", M_SUB},
    {"about-the-author", M_SUB}, {NULL, 0}};
/* clang-format on */

/* clang-format off */
const struct pi_pattern PI_UNLIKELY[] = {
    {"banner", M_SUB}, {"breadcrumb", M_SUB}, {"combx", M_SUB}, {"comment", M_SUB},
    {"community", M_SUB}, {"disqus", M_SUB}, {"extra", M_TOKEN}, {"footer", M_SUB},
    {"gdpr", M_SUB}, {"header", M_TOKEN}, {"legends", M_SUB}, {"menu", M_SUB},
    {"related", M_SUB}, {"remark", M_SUB}, {"replies", M_SUB}, {"rss", M_TOKEN},
    {"shoutbox", M_SUB}, {"sidebar", M_SUB}, {"skyscraper", M_SUB}, {"social", M_SUB},
    {"sponsor", M_SUB}, {"supplemental", M_SUB}, {"ad-break", M_SUB}, {"agegate", M_SUB},
    {"pagination", M_SUB}, {"pager", M_TOKEN}, {"popup", M_SUB}, {"cookie", M_SUB},
    {"consent", M_SUB}, {"newsletter", M_SUB}, {"recommend", M_SUB}, {"teaser", M_SUB},
    {"navbar", M_SUB}, {"navigation", M_SUB}, {"nav", M_TOKEN}, {NULL, 0}};
/* clang-format on */

/* clang-format off */
const struct pi_pattern PI_MAYBE[] = {
    {"and", M_SUB}, {"article", M_SUB}, {"body", M_SUB}, {"column", M_SUB},
    {"content", M_SUB}, {"main", M_SUB}, {"shadow", M_SUB}, {"entry", M_SUB},
    {"post", M_TOKEN}, {"story", M_SUB}, {NULL, 0}};
/* clang-format on */

/* clang-format off */
const struct pi_pattern PI_BYLINE[] = {
    {"byline", M_SUB}, {"by-line", M_SUB}, {"author", M_SUB}, {"dateline", M_SUB},
    {"timestamp", M_SUB}, {"publish", M_SUB}, {"posted", M_SUB}, {"date", M_TOKEN},
    {"time", M_TOKEN}, {"meta", M_TOKEN}, {"credit", M_SUB}, {"copyright", M_SUB},
    {"photographer", M_SUB}, {NULL, 0}};
/* clang-format on */

/* clang-format off */
const char *const PI_CREDIT_WORDS[] = {
    "foto", "fotos", "photo", "photos", "photograph", "bild", "bilder", "image", "imagen",
    "quelle", "source", "fuente", "credit", "cr\xC3\xA9" "dito", "illustration", "grafik",
    "zdj\xC4\x99" "cie", "\xC5\xBAr\xC3\xB3" "d\xC5\x82o", NULL};
/* clang-format on */

/* clang-format off */
const char *const PI_PICTURE_AGENCIES[] = {
    "getty images", "shutterstock", "istock", "unsplash", "pixabay", "reuters", "afp", "dpa",
    "imago", "adobe stock", "stock.adobe", "picture alliance", "picture-alliance", "keystone",
    "epa", "associated press", NULL};
/* clang-format on */

const char *const PI_CAPTION_NAMES[] = {"caption", "bildunterschrift", NULL};

/* clang-format off */
const struct pi_pattern PI_COMMENT[] = {
    {"comment", M_SUB}, {"respond", M_SUB}, {"disqus", M_SUB}, {"replies", M_SUB},
    {"reply", M_TOKEN}, {"discussion", M_SUB}, {"talkback", M_SUB}, {"guestbook", M_SUB},
    {NULL, 0}};
/* clang-format on */

/* clang-format off */
const struct pi_pattern PI_COMMENT_AUTHOR[] = {
    {"author", M_SUB}, {"username", M_SUB}, {"user-name", M_SUB}, {"user_name", M_SUB},
    {"nickname", M_SUB}, {"commenter", M_SUB}, {"poster", M_SUB}, {"fn", M_TOKEN},
    {"user", M_TOKEN}, {"byline", M_SUB}, {NULL, 0}};
const struct pi_pattern PI_COMMENT_DATE[] = {
    {"date", M_SUB}, {"time", M_SUB}, {"ago", M_TOKEN}, {"published", M_SUB},
    {"submitted", M_SUB}, {NULL, 0}};
const struct pi_pattern PI_COMMENT_NOT[] = {
    {"testimonial", M_SUB}, {"review", M_SUB}, {"rating", M_SUB}, {"recent", M_SUB},
    {"latest", M_SUB}, {"widget", M_SUB}, {NULL, 0}};
const struct pi_pattern PI_COMMENT_FRAME[] = {
    {"post", M_TOKEN}, {"message", M_SUB}, {"entry", M_TOKEN}, {"response", M_SUB},
    {NULL, 0}};
const struct pi_pattern PI_COMMENT_SKIP[] = {
    {"meta", M_SUB}, {"avatar", M_SUB}, {"action", M_SUB}, {"reply", M_SUB}, {"vote", M_SUB},
    {"like", M_TOKEN}, {"likes", M_TOKEN}, {"share", M_SUB}, {"permalink", M_SUB},
    {"links", M_TOKEN}, {"toolbar", M_SUB}, {"control", M_SUB}, {"button", M_SUB},
    {"flag", M_TOKEN}, {"report", M_SUB}, {"says", M_TOKEN}, {"edit", M_PREFIX},
    {"header", M_SUB}, {"footer", M_SUB}, {NULL, 0}};
const struct pi_pattern PI_COMMENT_FORM[] = {
    {"respond", M_SUB}, {"comment-form", M_SUB}, {"commentform", M_SUB}, {"reply-form", M_SUB},
    {"replyform", M_SUB}, {"post-comment", M_SUB}, {"add-comment", M_SUB}, {NULL, 0}};
const struct pi_pattern PI_COMMENT_REPLIES[] = {
    {"children", M_SUB}, {"replies", M_SUB}, {"indented", M_SUB}, {"nested", M_SUB},
    {"child", M_TOKEN}, {"subcomments", M_SUB}, {"sub-comments", M_SUB}, {NULL, 0}};
const char *const PI_COMMENT_SAYS[] = {
    "says", "said", "said...", "said\xE2\x80\xA6", "wrote", "writes", "schreibt", "dit",
    "a dit", "dice", "disse", "zegt", "schreef", NULL};
const char *const PI_COMMENT_HEADINGS[] = {
    "comment", "repl", "respon", "thought", "discussion", "kommentar", "commentaire",
    "comentario", "coment\xC3\xA1rio", "reactie", "komentar", "commenti", NULL};
/* clang-format on */

const struct pi_pattern PI_REVIEW[] = {
    {"review", M_SUB}, {"rating", M_SUB}, {"stars", M_TOKEN}, {"feedback", M_SUB}, {NULL, 0}};

/* clang-format off */
const char *const PI_URL_FORUM[] = {
    "forum", "forums", "thread", "threads", "topic", "topics", "t", "comments",
    "question", "questions", "discussion", "discussions", "community", "board", "boards",
    "viewtopic", "showthread", "answers", "r", NULL};
const char *const PI_URL_PRODUCT[] = {
    "product", "products", "p", "dp", "item", "items", "sku", "pd", "buy", "shop", "store",
    NULL};
const char *const PI_URL_COLLECTION[] = {
    "category", "categories", "collection", "collections", "c", "catalog", "catalogue",
    "department", "departments", "browse", "range", "brands", "brand", NULL};
const char *const PI_URL_LISTING[] = {
    "search", "results", "tag", "tags", "archive", "archives", "page", "events", "jobs",
    "directory", "listings", "list", "all", NULL};
const char *const PI_URL_DOCS[] = {
    "docs", "doc", "documentation", "api", "reference", "guide", "guides", "manual", "wiki",
    "kb", "help", "tutorial", "tutorials", "learn", "howto", "faq", "support", "knowledge",
    "man", "library", NULL};
const char *const PI_URL_ARTICLE[] = {
    "blog", "blogs", "news", "article", "articles", "story", "stories", "post", "posts",
    "press", "opinion", "magazine", "insights", "html", "htm", NULL};
const char *const PI_URL_SERVICE[] = {
    "services", "service", "solutions", "solution", "pricing", "plans", "about", "contact",
    "features", "company", "team", "careers", "industries", "platform", "why", NULL};
/* clang-format on */

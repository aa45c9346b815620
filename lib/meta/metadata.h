/* metadata.h - what the page says about itself: title, authors, dates, site,
 * language, direction, canonical URL, image, tags and kind of page.
 *
 * Runs on the parsed DOM before anything is removed from it (JSON-LD lives in
 * <script>, OpenGraph in <meta>). Every string is UTF-8, whitespace collapsed,
 * malloc'd, NULL when the page does not say.
 *
 * Each field comes from the strongest source present, in this order (the
 * first source that yields a usable value wins; a value that does not parse,
 * e.g. a date in no known format, passes the turn to the next source):
 *
 *   title        JSON-LD headline/name of the main entity; <meta> dc.title,
 *                dcterms.title, og:title, twitter:title, parsely-title,
 *                sailthru.title, citation_title, title; microdata headline;
 *                <title> with the site-name part split off (as headline
 *                below); first <h1>. A declared title is kept whole, site
 *                part and all ("Headline | Site" in og:title stays so).
 *   headline     The same source, reduced to the headline the reader sees
 *                (the extractor uses it to drop the repeated headline from
 *                the body and to choose among alike containers): an h1
 *                that the title contains (kicker, "<h1> | Site", "Site -
 *                <h1>") gives the h1's text (the later h1 when several
 *                fit; permalink marks "¶" are no part of a heading); else
 *                a part at either end that names the site (og:site_name,
 *                the host written as words or named in it) is dropped, and
 *                a site part inside ("Headline | Site | slogan") keeps what
 *                comes before it. Only a <title> is also split by shape
 *                ("Headline words | Site"), and only when the remaining
 *                headline has five words or more; a colon splits only
 *                beside a heading or the site.
 *   authors      JSON-LD author/creator of the main entity (string, {name},
 *                {givenName, familyName}, {@id} reference, list), then of the
 *                WebPage; <meta> dc.creator, dcterms.creator, author,
 *                article:author and og:article:author (not a URL),
 *                parsely-author, sailthru.author, citation_author (each key
 *                repeated = several authors), dc.contributor; microdata
 *                author (not inside a Comment/Answer/Review); <a rel=author>;
 *                the first byline element (class/id byline, author,
 *                writtenby; not comment, avatar, follow, bio ...), by the
 *                names inside it when marked; a short "By Jane Doe" line
 *                after the h1. "By"/"Von"/"Par"/"Geschrieben von" ...,
 *                trailing dates and "View all posts by" are removed, and so
 *                is what follows another role ("Edited by", "Photos by") or
 *                a labelled field ("Date: ..."); an address beside the name
 *                ("Jane Doe (https://...)", "jane@x.org (Jane Doe)") goes;
 *                "A and B" of two full names gives two authors; a
 *                date ("Dec 31, 2025") or "undefined" is no name; more
 *                than four names from microdata, rel=author or bylines
 *                are the items' of a list, and end the search. A source
 *                whose only answer is the site itself (its name or host),
 *                or a login in JSON-LD or <meta> ("jdoe_2", "jane.doe"),
 *                yields to a later source that names a person, and is kept
 *                otherwise.
 *   published    JSON-LD datePublished (main entity, then WebPage);
 *                article:published_time and ~25 other <meta> names;
 *                microdata datePublished, dateCreated; <time pubdate>, then
 *                the first <time> (datetime or text) outside comments; the
 *                text of the first element whose class/id names a date
 *                ("date", "datum", "published" ... not "updated"); the first
 *                short text line after the h1 that is a date; a date in the
 *                canonical URL or page URL (/2024/03/15/, /2024-03-15-,
 *                /20240315/).
 *   modified     JSON-LD dateModified; article:modified_time, og:updated_time,
 *                dcterms.modified ...; microdata dateModified.
 *   description  JSON-LD description; og:description, twitter:description,
 *                dc.description, description.
 *   site_name    JSON-LD publisher.name of the main entity, then a WebSite's
 *                name; og:site_name, application-name, dc.publisher;
 *                microdata publisher.
 *   lang         <html lang>; http-equiv content-language; <meta> language,
 *                dc.language; og:locale; JSON-LD inLanguage. Normalised to
 *                BCP 47 case ("en_us" -> "en-US").
 *   dir          dir nearest the content: on the first <article>, the first
 *                <main>, <body>, <html>; else from lang (ar, he, fa ... or an
 *                Arab/Hebr/Thaa/Syrc script subtag -> "rtl", else "ltr").
 *   canonical_url <link rel=canonical>; og:url; JSON-LD url/mainEntityOfPage.
 *   image        og:image; twitter:image; JSON-LD image (string, object,
 *                list); <link rel=image_src>; microdata image.
 *   tags         JSON-LD keywords (string or list); article:tag;
 *                news_keywords / keywords (split on commas); then the section
 *                (JSON-LD articleSection, article:section) is appended.
 *   page_type    JSON-LD main entity type; microdata itemtype; og:type;
 *                "other" when nothing says.
 *
 * URLs resolve against <base href> and page_url and are absolute or NULL
 * ("//host/x" without a base reads as https). Dates are ISO 8601:
 * "2025-08-17" or "2025-08-17T11:25:00+03:00" ("Z" for UTC, no offset when
 * the page gives none). */
#ifndef PI_METADATA_H
#define PI_METADATA_H

#include "meta/date.h" /* the date parser, once pi_meta_parse_date() here */
#include "tree/dom.h"

#include <stddef.h>

typedef struct pi_meta {
    char *title;    /* as declared (a <title> split) */
    char *headline; /* the title reduced to the headline the reader sees */
    char *site_name;
    char **authors; /* n_authors strings */
    size_t n_authors;
    char *published; /* ISO 8601 date or date-time */
    char *modified;
    char *description;
    char *lang; /* BCP 47 */
    char *dir;  /* "ltr", "rtl" or NULL */
    char *canonical_url;
    char *image;
    char **tags; /* n_tags strings */
    size_t n_tags;
    char *page_type;    /* "article", "blog", "product", "forum", "other" */
    char *article_body; /* JSON-LD articleBody of the main entity, as text */
    unsigned declared;  /* PI_DECL_* of every type the page declares */
    int published_src;  /* PI_DATE_* : where `published` came from */
} pi_meta;

/* What a page declares it holds, anywhere in its JSON-LD, microdata or
 * og:type (not only its main entity): evidence of the kind of page, for the
 * page-type decision. */
enum {
    PI_DECL_ARTICLE = 1u << 0,     /* Article, NewsArticle, Report ... */
    PI_DECL_BLOG = 1u << 1,        /* BlogPosting, Blog */
    PI_DECL_TECH = 1u << 2,        /* TechArticle, APIReference, SoftwareSourceCode, HowTo */
    PI_DECL_PRODUCT = 1u << 3,     /* Product and its kinds, Offer, AggregateOffer */
    PI_DECL_LIST = 1u << 4,        /* ItemList, CollectionPage, SearchResultsPage, OfferCatalog */
    PI_DECL_FORUM = 1u << 5,       /* DiscussionForumPosting, QAPage, Question, Answer */
    PI_DECL_COMMENT = 1u << 6,     /* Comment, UserComments */
    PI_DECL_REVIEW = 1u << 7,      /* Review, AggregateRating */
    PI_DECL_FAQ = 1u << 8,         /* FAQPage */
    PI_DECL_ORG = 1u << 9,         /* Organization, Corporation, LocalBusiness, *Store */
    PI_DECL_SERVICE = 1u << 10,    /* Service, ProfessionalService */
    PI_DECL_EVENT = 1u << 11,      /* Event and its kinds */
    PI_DECL_RECIPE = 1u << 12,     /* Recipe */
    PI_DECL_COURSE = 1u << 13,     /* Course, EducationalOccupationalProgram */
    PI_DECL_BREADCRUMB = 1u << 14, /* BreadcrumbList */
    PI_DECL_WEBPAGE = 1u << 15,    /* WebPage and its kinds (AboutPage, ContactPage ...) */
    PI_DECL_PERSON = 1u << 16,     /* Person, ProfilePage */
    PI_DECL_MEDIA = 1u << 17,      /* VideoObject, ImageGallery, MediaGallery */
    PI_DECL_JOB = 1u << 18,        /* JobPosting */
    PI_N_DECL = 19
};

/* Where the publication date came from, strongest first. */
enum {
    PI_DATE_MAIN,    /* JSON-LD main entity, <meta>, microdata */
    PI_DATE_WEBPAGE, /* JSON-LD WebPage: the CMS's record of the page, not of its content */
    PI_DATE_SHOWN,   /* the visible page: <time>, a date element, a line after the h1 */
    PI_DATE_URL      /* the canonical or page URL */
};

/* Fill `out` from `doc`; `page_url` (may be NULL) resolves relative URLs.
 * A NULL or empty doc gives an empty result (page_type "other") and PI_OK.
 * Returns PI_OK or PI_ENOMEM (then `out` holds nothing to free). Uses no
 * global mutable state: calls on different documents may run in parallel. */
int pi_meta_extract(pi_tree *doc, const char *page_url, pi_meta *out);
void pi_meta_free(pi_meta *m);

/* The page type (m->page_type, from the page model) as evidence: a
 * product or a collection page states no author and no publication date
 * for itself unless it declares an article; what was found there (a
 * review's author, a catalogue's copyright year) is dropped. Listings and
 * company pages keep theirs: the page model reads too many news pages as
 * those (dropping there cost 3 points of trafilatura's date agreement and
 * readability's bylines). On any page that is no article, blog or forum
 * thread, a date that only a JSON-LD WebPage gives is the CMS's record of
 * the page (every page of a site has one), not a date the page states, and
 * is dropped even where og:type says "article" (CMSs say so of every
 * page); on a documentation page a date read off the visible page (a
 * release note's, a "last updated") is dropped too. */
void pi_meta_by_page_type(pi_meta *m);

/* Normalise a language tag ("en_us" -> "en-US", "zh-hant-tw" -> "zh-Hant-TW")
 * into a malloc'd *out. Returns PI_OK (*out NULL when `s` is NULL or not a
 * plausible tag) or PI_ENOMEM. */
int pi_meta_norm_lang(const char *s, char **out);

/* "rtl" or "ltr" for a BCP 47 tag (static strings), NULL for NULL. */
const char *pi_meta_lang_dir(const char *lang);

#endif

/* meta_authors.c - authors: names cleaned of what surrounds them on a page,
 * split where one string names several people, and taken from the
 * strongest source that names a person.
 *
 * A byline carries more than names: "By", a date, a role ("Edited by"), a
 * labelled field, an address, a "View all posts by" link title. Cleaning
 * removes these by word lists (several languages) rather than by guessing
 * at names, and rejects what is then a label, a URL or no word at all. The
 * sources are tried in metadata.h's order; one whose only answer is the
 * site itself (its name or host) or a login is held aside for a later
 * source that names a person. */
#include "base/buf.h"
#include "base/error.h"
#include "base/text.h"
#include "meta/date.h"
#include "meta/meta_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- tuning ------------------------------------------------------------ */

/* Declared author strings may list several people. */
#define META_AUTHOR_MAX 200

/* ---- cleaning ---------------------------------------------------------- */

/* Separators around names and dates: ASCII " |,;:-/", and the UTF-8
 * middle dot, bullet, dashes, no-break space and direction marks. Byte
 * length of the one starting at p (lead) or ending at s[l] (trail), or 0. */
static const char *const name_seps[] = {
    "\xC2\xB7",     "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xA0",
    "\xE2\x80\x8E", "\xE2\x80\x8F", "\xC2\xBB",     "\xC2\xAB",     NULL};

static size_t lead_sep(const char *p)
{
    if (*p && strchr(" |,;:-/&", *p))
        return 1;
    for (int i = 0; name_seps[i]; i++)
        if (!strncmp(p, name_seps[i], strlen(name_seps[i])))
            return strlen(name_seps[i]);
    return 0;
}

static size_t trail_sep(const char *s, size_t l)
{
    if (l && strchr(" |,;:-/", s[l - 1]))
        return 1;
    for (int i = 0; name_seps[i]; i++) {
        size_t k = strlen(name_seps[i]);
        if (l >= k && !memcmp(s + l - k, name_seps[i], k))
            return k;
    }
    return 0;
}

static size_t rtrim_seps(const char *s, size_t l)
{
    size_t k;
    while (l && (k = trail_sep(s, l)) > 0)
        l -= k;
    return l;
}

/* Words that introduce a byline, by language: "By Jane Doe", "Von ...",
 * "Geschrieben von ...". Short words that also begin surnames ("Da Silva",
 * "Di Caprio") count only in lower case. Longer phrases first. */
static const struct byword {
    const char *w;
    int lower_only;
    /* clang-format off */
} by_words[] = {
    {"view all posts by", 0}, {"all posts by", 0},   {"zeige alle beiträge von", 0},
    {"alle beiträge von", 0}, {"voir tous les articles de", 0}, {"text & fotos", 0},
    {"text und fotos", 0},  {"text und bilder", 0},  {"text & foto", 0},
    {"fotos", 0},           {"written by", 0},      {"posted by", 0},        {"published by", 0},
    {"reported by", 0},     {"story by", 0},         {"words by", 0},
    {"text by", 0},         {"text von", 0},         {"texte de", 0},
    {"geschrieben von", 0}, {"erstellt von", 0},     {"eingestellt von", 0},
    {"verfasst von", 0},    {"veröffentlicht von", 0}, {"ein beitrag von", 0},
    {"beitrag von", 0},     {"artikel von", 0},      {"publié par", 0},
    {"écrit par", 0},       {"escrito por", 0},      {"publicado por", 0},
    {"scritto da", 0},      {"geschreven door", 0},  {"interview", 0},
    {"by", 0},              {"von", 0},              {"par", 0},
    {"por", 0},             {"door", 0},             {"przez", 0},
    {"autor", 0},           {"autorin", 0},          {"author", 0},
    {"auteur", 0},          {"autore", 0},           {"autora", 0},
    {"text", 0},            {"texte", 0},            {"texto", 0},
    {"testo", 0},           {"tekst", 0},            {"redacción", 0},
    {"di", 1},              {"da", 1},               {"av", 1},
    {"af", 1},              {NULL, 0}};
/* clang-format on */

/* Strip leading "By", "Von:", "Par" ... (repeatedly: "und Interview: X").
 * Phrases of two words may run into the name without a space, as markup
 * without spaces gives "Geschrieben vonElisa Marvena". */
const char *pi_meta_strip_by(const char *s)
{
    for (int round = 0; round < 3; round++) {
        const char *before = s;
        if (pi_ci_prefix(s, "und ") || pi_ci_prefix(s, "and "))
            s += 4;
        for (int i = 0; by_words[i].w; i++) {
            const char *w = by_words[i].w;
            size_t l = strlen(w);
            if (by_words[i].lower_only ? strncmp(s, w, l) : !pi_ci_prefix(s, w))
                continue;
            const char *p = s + l;
            if (*p == ':' || *p == ' ' || *p == '\t' ||
                ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)) {
                while (*p == ' ' || *p == ':' || *p == '\t' || (unsigned char)*p == 0xC2 ||
                       (unsigned char)*p == 0xA0)
                    p++;
            } else if (strchr(w, ' ') && ((*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0xC3)) {
                /* glued: keep p */
            } else {
                continue;
            }
            if (*p) {
                s = p;
                break;
            }
        }
        if (s == before)
            break;
    }
    return s;
}

/* Label words that are no name on their own ("Posted", "Publiziert am"),
 * longer phrases first. */
/* clang-format off */
static const char *const date_labels[] = {
    "last updated", "zuletzt aktualisiert", "updated", "published", "posted", "modified",
    "aktualisiert", "veröffentlicht", "publiziert", "publié", "mis à jour", "actualizado",
    "publicado", "stand", "datum", "date", NULL};
/* clang-format on */

/* Words left dangling at the end of a byline: "Jane Doe am", "Jane Doe on
 * Monday". Name particles ("de", "van der") only go when a date followed
 * them, as in "Jean Dupont le 12 mai". */
/* clang-format off */
static const char *const tail_words[] = {
    "am", "on", "at", "vom", "um", "under", "stand", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes",
    "sábado", "domingo", NULL};
/* clang-format on */
static const char *const tail_particles[] = {"le", "el",  "il", "em", "op", "den",
                                             "de", "der", "du", "in", NULL};

/* Length of s[0..l) once a trailing word of `list` (or a phrase of
 * date_labels when `labels`) is removed, or l. */
static size_t drop_tail(const char *s, size_t l, const char *const *list)
{
    for (int k = 0; list[k]; k++) {
        size_t wl = strlen(list[k]);
        if (wl < l && s[l - wl - 1] == ' ' && pi_ci_prefix(s + l - wl, list[k]))
            return rtrim_seps(s, l - wl - 1);
        if (wl == l && pi_ci_prefix(s, list[k]))
            return 0;
    }
    return l;
}

static size_t trim_tail_words(const char *s, size_t l, int after_date)
{
    l = rtrim_seps(s, l);
    for (int round = 0; round < 4 && l; round++) {
        size_t n = drop_tail(s, l, tail_words);
        if (n == l && after_date)
            n = drop_tail(s, l, tail_particles);
        if (n == l && after_date)
            n = drop_tail(s, l, date_labels);
        if (n == l)
            break;
        l = n;
    }
    return l;
}

/* Length of s[0..l) without a date that ends it: "Jane Doe May 20, 2019",
 * "Jane Doe | 20.05.2019 10:00". The date must start at a word that is a
 * number or a month name, so "Theresa May" stays whole. What precedes the
 * date loses its labels ("Last updated:") and particles ("le"), and may be
 * nothing: "Updated: May 20, 2019" is a date line, not a name. */
static size_t cut_trailing_date(const char *s, size_t l)
{
    for (size_t i = 1; i < l; i++) {
        if (s[i - 1] != ' ')
            continue;
        const char *w = s + i;
        int starts_date = pi_is_digit((unsigned char)*w);
        if (!starts_date) {
            char word[16];
            size_t k = 0;
            while (k < sizeof word - 1 && i + k < l &&
                   (pi_is_alpha((unsigned char)w[k]) || (unsigned char)w[k] >= 0x80))
                word[k] = (char)pi_lower((unsigned char)w[k]), k++;
            word[k] = '\0';
            starts_date = k >= 3 && pi_date_month(word);
        }
        char tmp[BYLINE_MAX * 4 + 1];
        if (!starts_date || l - i >= sizeof tmp)
            continue;
        memcpy(tmp, w, l - i);
        tmp[l - i] = '\0';
        if (pi_is_date(tmp, 0))
            return trim_tail_words(s, i - 1, 1);
    }
    return l;
}

static int is_label(const char *s)
{
    /* clang-format off */
    static const char *const labels[] = {
        "author", "authors", "autor", "autoren", "by", "von", "par", "por", "admin",
        "administrator", "unknown", "anonymous", "anonym", "editor", "staff", "guest",
        "gast", "no author", "follow", "folgen", "quelle", "source", "share", "teilen",
        "keine angabe", NULL};
    /* clang-format on */
    for (int k = 0; labels[k]; k++)
        if (pi_ci_eq(s, labels[k]))
            return 1;
    for (int k = 0; date_labels[k]; k++)
        if (pi_ci_eq(s, date_labels[k]))
            return 1;
    return 0;
}

static int looks_like_email(const char *s, size_t n)
{
    const char *at = memchr(s, '@', n);
    return at && at > s && memchr(at, '.', n - (size_t)(at - s)) && !memchr(s, ' ', n);
}

/* "Jane Doe (https://example.org/jane)", "Jane Doe <jane@example.org>" and
 * the feed form "jane@example.org (Jane Doe)": the name without the
 * address. Works in place on a collapsed string; returns where the name
 * starts (s itself when there is nothing to drop). */
static char *drop_address(char *s)
{
    size_t l = strlen(s);
    if (l < 4 || (s[l - 1] != ')' && s[l - 1] != '>'))
        return s;
    char open = s[l - 1] == ')' ? '(' : '<';
    char *o = strrchr(s, open);
    if (!o || o == s || o[-1] != ' ')
        return s;
    char *in = o + 1;
    size_t in_n = (size_t)(s + l - 1 - in), out_n = (size_t)(o - 1 - s);
    char tmp[META_AUTHOR_MAX + 1];
    if (in_n == 0 || in_n > META_AUTHOR_MAX)
        return s;
    memcpy(tmp, in, in_n);
    tmp[in_n] = '\0';
    if (pi_meta_is_url_like(tmp) || looks_like_email(in, in_n)) {
        o[-1] = '\0';
        return s;
    }
    if (looks_like_email(s, out_n)) {
        s[l - 1] = '\0';
        return in;
    }
    return s;
}

/* A date where a name should be ("Dec 31, 2025", "March 20, 2023 |
 * Wellness": a teaser's date line in a byline element), or a script's
 * unfilled value ("undefined", "null"). */
static int is_date_or_void(mctx *c, const char *a)
{
    if (pi_ci_eq(a, "undefined") || pi_ci_eq(a, "null"))
        return 1;
    char head[64], *d = NULL;
    size_t n = strcspn(a, "|");
    if (n >= sizeof head)
        return 0;
    memcpy(head, a, n);
    head[n] = '\0';
    if (pi_date_parse(head, 0, &d) != PI_OK) {
        c->oom = 1;
        return 0;
    }
    int hit = d != NULL;
    free(d);
    return hit;
}

/* A usable author name from a raw string: "By" removed, trimmed of
 * separators, dates and dangling words, not a URL, not a label, not a
 * sentence. NULL if none. */
char *pi_meta_clean_author(mctx *c, const char *raw, size_t maxlen)
{
    if (!raw)
        return NULL;
    char *s = pi_meta_dup_cleans(c, raw);
    if (!s)
        return NULL;
    const char *p = drop_address(s);
    for (size_t k; (k = lead_sep(p)) > 0;)
        p += k;
    p = pi_meta_strip_by(p);
    size_t l = strlen(p);
    /* "Jane Doe, View all posts by Jane Doe": the link's hidden title */
    static const char *const tails[] = {"view all posts", "zeige alle beiträge",    "alle artikel",
                                        "all posts by",   "voir tous les articles", NULL};
    for (int k = 0; tails[k]; k++) {
        for (size_t i = 1; i < l; i++)
            if (p[i - 1] == ' ' && pi_ci_prefix(p + i, tails[k])) {
                l = i;
                break;
            }
    }
    /* "Jane Doe Edited by John Roe": people in other roles follow the
     * authors (at the start such a phrase is a label, as "Photos by" above),
     * and so do labelled fields. */
    /* clang-format off */
    static const char *const roles[] = {
        "edited by", "reviewed by", "medically reviewed by", "fact checked by",
        "fact-checked by", "translated by", "illustrated by", "illustrations by",
        "illustration by", "photos by", "photographs by", "photography by", "photo by",
        "bearbeitet von", "redigiert von", "übersetzt von", "traduit par", NULL};
    /* clang-format on */
    for (size_t i = 1; i < l; i++) {
        if (p[i - 1] != ' ' || !pi_is_alpha((unsigned char)p[i]))
            continue;
        int hit = 0;
        for (int k = 0; roles[k] && !hit; k++)
            hit = pi_ci_prefix(p + i, roles[k]) && p[i + strlen(roles[k])] == ' ';
        /* "Jane Doe, Date: 15.Jun.19": a labelled field after the name and a
         * separator ("Last updated:" is one label) */
        for (int k = 0; date_labels[k] && !hit && trail_sep(p, i - 1); k++)
            hit = pi_ci_prefix(p + i, date_labels[k]) && p[i + strlen(date_labels[k])] == ':';
        if (hit) {
            l = rtrim_seps(p, i);
            break;
        }
    }
    /* "Jane Doe | 11:25, 17.08.25": a separator followed by no letters at
     * all is a time or date stamp, not part of the name. */
    for (size_t i = 1; i + 2 < l; i++) {
        if (p[i - 1] != ' ' || !(p[i] == '|' || p[i] == '-' || p[i] == '/') || p[i + 1] != ' ')
            continue;
        size_t j = i + 2;
        while (j < l && !pi_is_alpha((unsigned char)p[j]) && (unsigned char)p[j] < 0x80)
            j++;
        if (j == l) {
            l = i - 1;
            break;
        }
    }
    l = cut_trailing_date(p, l);
    l = trim_tail_words(p, l, 0);
    for (size_t k; l && (k = lead_sep(p)) > 0 && k <= l;)
        p += k, l -= k;
    char *r = NULL;
    if (l && l <= maxlen) {
        int letters = 0;
        for (size_t i = 0; i < l; i++)
            if (pi_is_alpha((unsigned char)p[i]) || (unsigned char)p[i] >= 0x80)
                letters++;
        if (letters)
            r = pi_strndup(p, l);
        if (letters && !r)
            c->oom = 1;
    }
    free(s);
    if (r && (pi_meta_is_url_like(r) || is_label(r) || r[0] == '@' || is_date_or_void(c, r))) {
        free(r);
        r = NULL;
    }
    return r;
}

/* ---- the list of authors --------------------------------------------------- */

static void add_author(mctx *c, pi_meta *m, char *a)
{
    if (!a)
        return;
    if (m->n_authors >= MAX_AUTHORS) {
        free(a);
        return;
    }
    /* the same person twice, or once more with a job title after the name */
    for (size_t i = 0; i < m->n_authors; i++)
        if (pi_ci_prefix(a, m->authors[i])) {
            free(a);
            return;
        }
    pi_meta_push(c, &m->authors, &m->n_authors, a);
}

/* Words that join two names in a byline, by language. */
static const char *const name_joins[] = {" and ", " und ", " & ",   " et ", " y ", " e ",
                                         " en ",  " og ",  " och ", " i ",  NULL};

/* Add "Jane Doe and John Roe" as two authors when both sides look like full
 * names (two words or more), so that "Mac & i" or "Smith & Sons" stay one. */
static void add_author_split(mctx *c, pi_meta *m, char *a)
{
    if (!a)
        return;
    for (int k = 0; name_joins[k]; k++) {
        const char *j = strstr(a, name_joins[k]);
        if (!j || strstr(j + 1, name_joins[k]))
            continue;
        span x = {a, (size_t)(j - a)};
        span y = {j + strlen(name_joins[k]), strlen(j + strlen(name_joins[k]))};
        size_t wx = pi_meta_words(x), wy = pi_meta_words(y);
        if (wx < 2 || wy < 2 || wx > 4 || wy > 4 || memchr(x.s, ',', x.n))
            continue;
        char *p = pi_strndup(x.s, x.n), *q = pi_strndup(y.s, y.n);
        if (!p || !q) {
            c->oom = 1;
            free(p);
            free(q);
            break;
        }
        free(a);
        add_author(c, m, p);
        add_author(c, m, q);
        return;
    }
    add_author(c, m, a);
}

static void add_jl_author(mctx *c, void *m, char *name)
{
    add_author(c, m, pi_meta_clean_author(c, name, META_AUTHOR_MAX));
    free(name);
}

/* The authors a JSON-LD value names: a string, a Person, a list of them. */
static void jl_authors(mctx *c, pi_meta *m, struct json_object *v)
{
    pi_jl_each_name(c, v, MAX_AUTHORS, 3, add_jl_author, m);
}

/* ---- the sources ------------------------------------------------------ */

/* clang-format off */
static const char *const author_keys[] = {
    "dc:creator",      "dcterms:creator", "author",          "article:author",
    "og:article:author", "parsely-author", "sailthru:author", "citation_author",
    "dc:contributor",  NULL};
/* clang-format on */

enum {
    AS_JSONLD,
    AS_JSONLD_PAGE,
    AS_META,
    AS_MICRODATA = AS_META + 9,
    AS_REL,
    AS_BYLINE,
    AS_TEXT,
    AS_END
};

/* One source of authors, in the order of strength. */
static void author_stage(mctx *c, const evidence *e, pi_meta *m, int st)
{
    if (st == AS_JSONLD && e->main) {
        jl_authors(c, m, pi_jl_get(e->main, "author"));
        if (!m->n_authors)
            jl_authors(c, m, pi_jl_get(e->main, "creator"));
    } else if (st == AS_JSONLD_PAGE && e->webpage) {
        jl_authors(c, m, pi_jl_get(e->webpage, "author"));
    } else if (st >= AS_META && st < AS_MICRODATA) {
        const char *key = author_keys[st - AS_META];
        int kind = pi_meta_kind(c, key);
        for (size_t i = 0; kind >= 0 && i < c->n_metas && m->n_authors < MAX_AUTHORS; i++)
            if (!strcmp(c->metas[i].key, key) && c->metas[i].prop == kind)
                add_author_split(c, m, pi_meta_clean_author(c, c->metas[i].val, META_AUTHOR_MAX));
    } else if (st == AS_MICRODATA) {
        for (size_t i = 0; i < c->md_authors.n; i++)
            add_author_split(c, m, pi_meta_clean_author(c, c->md_authors.v[i], BYLINE_MAX));
    } else if (st == AS_REL) {
        for (size_t i = 0; i < c->rel_authors.n; i++)
            add_author_split(c, m, pi_meta_dup(c, c->rel_authors.v[i]));
    } else if (st == AS_BYLINE) {
        for (size_t i = 0; i < c->bylines.n; i++)
            add_author_split(c, m, pi_meta_dup(c, c->bylines.v[i]));
    } else if (st == AS_TEXT && c->text_byline) {
        add_author_split(c, m, pi_meta_dup(c, c->text_byline));
    }
}

/* A login rather than a name: one word with a digit or an underscore
 * ("jdoe_2", "CC7567"), or with a dot and no capital ("jane.doe"), so that
 * initials ("C.Smith") stay names. */
static int looks_like_handle(const char *a)
{
    int digit = 0, dot = 0, upper = 0;
    for (const unsigned char *u = (const unsigned char *)a; *u; u++) {
        if (*u == ' ' || *u >= 0x80)
            return 0;
        digit |= pi_is_digit(*u) || *u == '_';
        dot |= *u == '.';
        upper |= *u >= 'A' && *u <= 'Z';
    }
    return digit || (dot && !upper);
}

/* An author that is only the site itself ("Example News" on Example News,
 * "example.com"): a placeholder that a named person in a weaker source
 * should replace. `url` is the site's own address (the canonical URL, else
 * the page URL). Names are compared by their ASCII letters and digits; a
 * host is ASCII, so a name with letters of another script ("藍天
 * (janedoe)" on janedoe.example.net) is a person's, not the host's. */
static int is_placeholder(const char *a, const char *site, const char *url)
{
    char sa[128], sb[128];
    pi_meta_squash(sa, sizeof sa, a, strlen(a));
    if (!sa[0])
        return 0;
    if (site) {
        pi_meta_squash(sb, sizeof sb, site, strlen(site));
        if (!strcmp(sa, sb))
            return 1;
    }
    int ascii = 1;
    for (const char *p = a; *p && ascii; p++)
        ascii = (unsigned char)*p < 0x80;
    if (url && ascii) {
        span host = pi_meta_host(url);
        const char *h = host.s;
        pi_meta_squash(sb, sizeof sb, h, host.n);
        if (!strcmp(sa, sb))
            return 1;
        pi_meta_squash(sb, sizeof sb, h, strcspn(h, "."));
        if (!strcmp(sa, sb))
            return 1;
    }
    return 0;
}

void pi_meta_pick_authors(mctx *c, const evidence *e, pi_meta *m, const char *site, const char *url)
{
    char **held = NULL;
    size_t n_held = 0;
    for (int st = 0; st < AS_END && !m->n_authors && !c->oom; st++) {
        author_stage(c, e, m, st);
        if (st >= AS_MICRODATA && m->n_authors > MAX_SHOWN_AUTHORS) {
            for (size_t i = 0; i < m->n_authors; i++)
                free(m->authors[i]);
            free(m->authors);
            m->authors = NULL;
            m->n_authors = 0;
            break; /* the weaker sources would give the first teaser's */
        }
        /* "Jane Doe, Example News": the name without the site */
        for (size_t i = 0; i < m->n_authors; i++) {
            char *comma = strrchr(m->authors[i], ',');
            if (comma && comma > m->authors[i] && is_placeholder(comma + 1, site, url))
                *comma = '\0';
        }
        /* so is a login in the declared data ("jdoe_2" where the byline
         * shows "Jane Doe"); a login that the byline itself shows stays */
        size_t k = 0;
        while (k < m->n_authors && (is_placeholder(m->authors[k], site, url) ||
                                    (st < AS_REL && looks_like_handle(m->authors[k]))))
            k++;
        if (!m->n_authors || k < m->n_authors)
            continue;
        /* only placeholders: keep the first such answer aside, look on */
        if (!held) {
            held = m->authors, n_held = m->n_authors;
        } else {
            for (size_t i = 0; i < m->n_authors; i++)
                free(m->authors[i]);
            free(m->authors);
        }
        m->authors = NULL;
        m->n_authors = 0;
    }
    if (!m->n_authors) {
        m->authors = held, m->n_authors = n_held;
        return;
    }
    for (size_t i = 0; i < n_held; i++)
        free(held[i]);
    free(held);
}

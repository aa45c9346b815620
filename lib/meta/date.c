/* date.c - dates as pages write them, read into ISO 8601.
 *
 * ISO 8601 and its everyday variants are read first (what machines write),
 * then a bare unix time, then everything else by tokens: month names in
 * seven languages, numeric day-month-year orders, CJK year/month/day
 * markers, an optional time with am/pm and a zone. A date that is not
 * certain (no day, an impossible day, a year outside 1000..2999) is no
 * date: the caller passes the turn to its next source. */
#include "meta/date.h"
#include "base/buf.h"
#include "base/error.h"
#include "base/text.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A date is a short string; a longer one is prose that contains a date. */
#define MAX_DATE_INPUT 200
/* Tokens read from one date; one written out in full has about 15
 * ("Aug. 17, 2025 at 11:25 a.m. EDT"). */
#define MAX_DTOK 48

typedef struct dt {
    int y, mo, d, h, mi, s;
    int has_time, has_tz, tz; /* tz in minutes east of UTC */
} dt;

static int days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static int valid_ymd(int y, int m, int d)
{
    return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

static int valid_time(const dt *t)
{
    return t->h >= 0 && t->h <= 23 && t->mi >= 0 && t->mi <= 59 && t->s >= 0 && t->s <= 60 &&
           t->tz >= -14 * 60 && t->tz <= 14 * 60;
}

/* Month names, lowercase UTF-8, in the languages pages are most often written
 * in; a word matches after a trailing '.' is dropped. Overlaps across
 * languages ("mar", "mai", "dec") agree on the month. */
static const struct month {
    const char *name;
    int m;
    /* clang-format off */
} months[] = {
    /* English */
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6},
    {"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    /* German */
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"maerz", 3}, {"mai", 5},
    {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12}, {"mär", 3}, {"mrz", 3},
    {"okt", 10}, {"dez", 12},
    /* French */
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
    {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"décembre", 12}, {"decembre", 12}, {"janv", 1}, {"févr", 2},
    {"fevr", 2}, {"avr", 4}, {"juil", 7}, {"déc", 12},
    /* Spanish */
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12}, {"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12},
    /* Italian */
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
    {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"gen", 1},
    {"mag", 5}, {"giu", 6}, {"lug", 7}, {"set", 9}, {"ott", 10},
    /* Dutch */
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
    {"mrt", 3},
    /* Portuguese */
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"marco", 3}, {"maio", 5},
    {"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"novembro", 11},
    {"dezembro", 12}, {"fev", 2}, {"out", 10},
};
/* clang-format on */

int pi_date_month(const char *w)
{
    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
        if (!strcmp(months[i].name, w))
            return months[i].m;
    return 0;
}

/* Zone abbreviations seen in bylines; ambiguous ones (IST, CST in Asia) are
 * read the way English-language news sites use them. */
static const struct zone {
    const char *name;
    int off;
    /* clang-format off */
} zones[] = {
    {"utc", 0}, {"gmt", 0}, {"z", 0}, {"ut", 0}, {"est", -300}, {"edt", -240},
    {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480},
    {"pdt", -420}, {"bst", 60}, {"cet", 60}, {"cest", 120}, {"mez", 60}, {"mesz", 120},
    {"eet", 120}, {"eest", 180}, {"jst", 540}, {"kst", 540}, {"aest", 600},
    {"aedt", 660},
};
/* clang-format on */

static int zone_of(const char *w, int *off)
{
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
        if (!strcmp(zones[i].name, w)) {
            *off = zones[i].off;
            return 1;
        }
    return 0;
}

/* Read n digits exactly. */
static int rd_digits(const char *s, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (!pi_is_digit((unsigned char)s[i]))
            return 0;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 1;
}

/* Read 1 or 2 digits. */
static int rd_12(const char **ps, int *v)
{
    const char *s = *ps;
    if (!pi_is_digit((unsigned char)s[0]))
        return 0;
    int x = s[0] - '0';
    s++;
    if (pi_is_digit((unsigned char)s[0]))
        x = x * 10 + (*s++ - '0');
    if (pi_is_digit((unsigned char)s[0]))
        return 0;
    *v = x;
    *ps = s;
    return 1;
}

/* "+03:00", "+0300", "+03", "Z", " UTC", " GMT+2" at *ps. */
static int rd_tz(const char **ps, int *off)
{
    const char *s = *ps;
    while (*s == ' ')
        s++;
    if (*s == 'Z' || *s == 'z') {
        if (pi_is_alpha((unsigned char)s[1]))
            return 0;
        *off = 0;
        *ps = s + 1;
        return 1;
    }
    if (pi_ci_prefix(s, "utc") || pi_ci_prefix(s, "gmt")) {
        s += 3;
        *off = 0;
        if (*s != '+' && *s != '-') {
            *ps = s;
            return 1;
        }
    }
    if (*s != '+' && *s != '-')
        return 0;
    int sign = *s == '-' ? -1 : 1, h, m = 0;
    s++;
    if (rd_digits(s, 2, &h)) {
        s += 2;
        if (*s == ':' && rd_digits(s + 1, 2, &m))
            s += 3;
        else if (rd_digits(s, 2, &m) && !pi_is_digit((unsigned char)s[2]))
            s += 2;
        else if (pi_is_digit((unsigned char)*s))
            return 0;
    } else if (pi_is_digit((unsigned char)*s) && !pi_is_digit((unsigned char)s[1])) {
        h = *s - '0';
        s++;
    } else {
        return 0;
    }
    if (h > 14 || m > 59)
        return 0;
    *off = sign * (h * 60 + m);
    *ps = s;
    return 1;
}

/* "11:25", "11:25:00", "11:25:00.123" at *ps. */
static int rd_hms(const char **ps, dt *t)
{
    const char *s = *ps;
    int h, m, sec = 0;
    if (!rd_12(&s, &h) || *s != ':' || !rd_digits(s + 1, 2, &m))
        return 0;
    s += 3;
    if (*s == ':' && rd_digits(s + 1, 2, &sec)) {
        s += 3;
        if (*s == '.' || *s == ',')
            for (s++; pi_is_digit((unsigned char)*s); s++)
                ;
    }
    t->h = h, t->mi = m, t->s = sec, t->has_time = 1;
    *ps = s;
    return 1;
}

/* ISO 8601 and its everyday variants: "2025-08-17", "2025-08-17T11:25",
 * "2025-08-17 11:25:00.000000", "2025-08-17T11:25:00+0300", "2025/08/17",
 * "20250817". */
static int parse_iso(const char *s, dt *t)
{
    int y, m, d;
    if (!rd_digits(s, 4, &y))
        return 0;
    const char *p = s + 4;
    if (*p == '-' || *p == '/' || *p == '.') {
        char sep = *p++;
        if (!rd_12(&p, &m) || *p != sep)
            return 0;
        p++;
        if (!rd_12(&p, &d))
            return 0;
    } else if (rd_digits(p, 2, &m) && rd_digits(p + 2, 2, &d) &&
               !pi_is_digit((unsigned char)p[4])) {
        p += 4;
    } else {
        return 0;
    }
    if (!valid_ymd(y, m, d))
        return 0;
    t->y = y, t->mo = m, t->d = d;
    const char *q = p;
    if ((*q == 'T' || *q == 't' || *q == ' ') && pi_is_digit((unsigned char)q[1])) {
        q++;
        dt tt = *t;
        if (rd_hms(&q, &tt)) {
            int off;
            if (rd_tz(&q, &off))
                tt.has_tz = 1, tt.tz = off;
            if (valid_time(&tt))
                *t = tt;
        } else if (rd_digits(q, 4, &tt.h) && !pi_is_digit((unsigned char)q[4])) {
            /* basic format "T1125" is too rare to trust; keep the date */
        }
    }
    return 1;
}

/* Civil date from days since 1970-01-01 (the classic era algorithm). */
static void civil_from_days(long long z, int *y, int *m, int *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long yy = yoe + era * 400;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* A bare 10-digit (seconds) or 13-digit (milliseconds) unix time between
 * 1995 and 2100; anything else made of digits is not a date. */
static int parse_epoch(const char *s, dt *t)
{
    size_t n = 0;
    long long v = 0;
    while (pi_is_digit((unsigned char)s[n]) && n < 14)
        v = v * 10 + (s[n++] - '0');
    const char *e = s + n;
    while (pi_is_space((unsigned char)*e))
        e++;
    if (*e)
        return 0;
    if (n == 13)
        v /= 1000;
    else if (n != 10)
        return 0;
    if (v < 788918400LL || v > 4102444800LL)
        return 0;
    civil_from_days(v / 86400, &t->y, &t->mo, &t->d);
    long long r = v % 86400;
    t->h = (int)(r / 3600), t->mi = (int)(r / 60 % 60), t->s = (int)(r % 60);
    t->has_time = t->has_tz = 1;
    t->tz = 0;
    return 1;
}

enum { TK_NUM, TK_WORD, TK_PUNCT };

typedef struct dtok {
    int kind;
    int val, nd;    /* number value and digit count */
    char w[16];     /* lowercase word, or the punctuation byte */
    const char *at; /* start in the input */
} dtok;

/* Does NUL-terminated `u` begin with the three-byte character `c`? strncmp
 * stops at the terminator, where memcmp would read past a short tail. */
static int starts3(const unsigned char *u, const char *c)
{
    return strncmp((const char *)u, c, 3) == 0;
}

static int tokenize_date(const char *s, dtok *tk)
{
    int n = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (*u && n < MAX_DTOK) {
        size_t k = pi_blank_len((const char *)u, 4);
        if (k) {
            u += k;
            continue;
        }
        dtok *t = &tk[n];
        memset(t, 0, sizeof *t);
        t->at = (const char *)u;
        if (pi_is_digit(*u)) {
            t->kind = TK_NUM;
            while (pi_is_digit(*u)) {
                if (t->nd < 9)
                    t->val = t->val * 10 + (*u - '0');
                t->nd++;
                u++;
            }
        } else if (pi_is_alpha(*u) || *u >= 0x80) {
            /* CJK date markers are words of their own. */
            if (starts3(u, "年") || starts3(u, "月") || starts3(u, "日") || starts3(u, "년") ||
                starts3(u, "월") || starts3(u, "일")) {
                t->kind = TK_WORD;
                memcpy(t->w, u, 3);
                u += 3;
                n++;
                continue;
            }
            t->kind = TK_WORD;
            size_t l = 0;
            while (*u && (pi_is_alpha(*u) || *u >= 0x80) && !pi_blank_len((const char *)u, 4)) {
                if (*u >= 0x80 && (starts3(u, "年") || starts3(u, "月") || starts3(u, "日")))
                    break;
                if (l < sizeof t->w - 1)
                    t->w[l++] = (char)pi_lower(*u);
                u++;
            }
            t->w[l] = '\0';
        } else {
            t->kind = TK_PUNCT;
            t->w[0] = (char)*u++;
        }
        n++;
    }
    return n;
}

static int tk_is(const dtok *tk, int n, int i, char p)
{
    return i >= 0 && i < n && tk[i].kind == TK_PUNCT && tk[i].w[0] == p;
}

/* A time "11:25[:00] [am|pm] [zone]" anywhere among the tokens. */
static void find_time(const dtok *tk, int n, dt *t)
{
    for (int i = 0; i + 2 < n; i++) {
        int h, mi, s = 0, j;
        if (tk[i].kind != TK_NUM || tk[i].nd > 2 || tk[i + 2].kind != TK_NUM || tk[i + 2].nd != 2)
            continue;
        if (tk_is(tk, n, i + 1, ':'))
            ;
        else if (tk[i + 1].kind == TK_WORD && !strcmp(tk[i + 1].w, "h"))
            ;
        else
            continue;
        h = tk[i].val, mi = tk[i + 2].val;
        j = i + 3;
        if (tk_is(tk, n, j, ':') && j + 1 < n && tk[j + 1].kind == TK_NUM && tk[j + 1].nd == 2) {
            s = tk[j + 1].val;
            j += 2;
            if ((tk_is(tk, n, j, '.') || tk_is(tk, n, j, ',')) && j + 1 < n &&
                tk[j + 1].kind == TK_NUM)
                j += 2;
        }
        /* am / pm / a.m. / p.m. */
        if (j < n && tk[j].kind == TK_WORD) {
            const char *w = tk[j].w;
            int pm = !strcmp(w, "pm") || (!strcmp(w, "p") && tk_is(tk, n, j + 1, '.'));
            int am = !strcmp(w, "am") || (!strcmp(w, "a") && tk_is(tk, n, j + 1, '.'));
            if (pm || am) {
                if (h < 1 || h > 12)
                    return;
                if (pm && h < 12)
                    h += 12;
                if (am && h == 12)
                    h = 0;
                j++;
                if (strlen(w) == 1) {
                    j++; /* '.' */
                    if (j < n && tk[j].kind == TK_WORD && !strcmp(tk[j].w, "m"))
                        j++;
                    if (tk_is(tk, n, j, '.'))
                        j++;
                }
            }
        }
        dt x = *t;
        x.h = h, x.mi = mi, x.s = s, x.has_time = 1;
        /* zone: a name, and/or a numeric offset */
        int off;
        if (j < n && tk[j].kind == TK_WORD && zone_of(tk[j].w, &off)) {
            x.has_tz = 1, x.tz = off;
            j++;
        }
        if (j < n && tk[j].kind == TK_PUNCT && (tk[j].w[0] == '+' || tk[j].w[0] == '-')) {
            const char *p = tk[j].at;
            if (rd_tz(&p, &off))
                x.has_tz = 1, x.tz = off;
        }
        if (valid_time(&x))
            *t = x;
        return;
    }
}

/* Everything that is not ISO: month names in several languages, numeric
 * day-month-year orders, CJK year/month/day markers. */
static int parse_loose(const char *s, int day_first, dt *t)
{
    dtok tk[MAX_DTOK];
    int n = tokenize_date(s, tk);
    int y = 0, m = 0, d = 0, yi = -1, mi = -1, di = -1;

    /* 2025年8月17日 / 2025년 8월 17일 */
    for (int i = 0; i + 1 < n; i++) {
        if (tk[i].kind != TK_NUM || tk[i + 1].kind != TK_WORD)
            continue;
        const char *w = tk[i + 1].w;
        if (!strcmp(w, "年") || !strcmp(w, "년"))
            y = tk[i].val, yi = i;
        else if (!strcmp(w, "月") || !strcmp(w, "월"))
            m = tk[i].val, mi = i;
        else if (!strcmp(w, "日") || !strcmp(w, "일"))
            d = tk[i].val, di = i;
    }
    if (yi >= 0 && mi > yi && di > mi)
        goto found;
    y = m = d = 0;
    yi = mi = di = -1;

    for (int i = 0; i < n && mi < 0; i++) {
        if (tk[i].kind != TK_WORD)
            continue;
        int mm = pi_date_month(tk[i].w);
        if (mm)
            m = mm, mi = i;
    }
    if (mi >= 0) {
        for (int i = 0; i < n; i++) {
            if (tk[i].kind == TK_NUM && tk[i].nd == 4 && tk[i].val >= 1000 &&
                !tk_is(tk, n, i + 1, ':') && !tk_is(tk, n, i - 1, ':')) {
                y = tk[i].val, yi = i;
                break;
            }
        }
        if (yi < 0)
            return 0;
        int best = INT_MAX;
        for (int i = 0; i < n; i++) {
            if (tk[i].kind != TK_NUM || tk[i].nd > 2 || tk[i].val < 1 || tk[i].val > 31)
                continue;
            if (tk_is(tk, n, i + 1, ':') || tk_is(tk, n, i - 1, ':'))
                continue;
            if (i + 1 < n && tk[i + 1].kind == TK_WORD && !strcmp(tk[i + 1].w, "h"))
                continue;
            if (i > 0 && tk[i - 1].kind == TK_WORD && !strcmp(tk[i - 1].w, "h"))
                continue;
            int dist = i > mi ? i - mi : mi - i;
            if (dist < best)
                best = dist, d = tk[i].val, di = i;
        }
        if (di < 0 || best > 3)
            return 0;
        goto found;
    }

    /* numeric: a sep b sep c with one separator */
    for (int i = 0; i + 4 < n; i++) {
        if (tk[i].kind != TK_NUM || tk[i + 2].kind != TK_NUM || tk[i + 4].kind != TK_NUM)
            continue;
        if (tk[i + 1].kind != TK_PUNCT || tk[i + 3].kind != TK_PUNCT)
            continue;
        char p = tk[i + 1].w[0];
        if ((p != '.' && p != '/' && p != '-') || tk[i + 3].w[0] != p)
            continue;
        const dtok *a = &tk[i], *b = &tk[i + 2], *cc = &tk[i + 4];
        if (a->nd == 4 && b->nd <= 2 && cc->nd <= 2) {
            y = a->val, m = b->val, d = cc->val;
        } else if (cc->nd == 4 && a->nd <= 2 && b->nd <= 2) {
            y = cc->val;
            int df = p == '.' ? 1 : a->val > 12 ? 1 : b->val > 12 ? 0 : day_first;
            d = df ? a->val : b->val;
            m = df ? b->val : a->val;
        } else {
            continue;
        }
        yi = i, mi = i + 2, di = i + 4;
        goto found;
    }
    return 0;

found:
    if (!valid_ymd(y, m, d))
        return 0;
    t->y = y, t->mo = m, t->d = d;
    find_time(tk, n, t);
    return 1;
}

static int parse_date(const char *s, int day_first, dt *t)
{
    memset(t, 0, sizeof *t);
    if (!s)
        return 0;
    for (size_t k; *s && (k = pi_blank_len(s, 4)) > 0;)
        s += k;
    if (!*s || strlen(s) > MAX_DATE_INPUT)
        return 0;
    if (parse_iso(s, t))
        return 1;
    memset(t, 0, sizeof *t);
    if (parse_epoch(s, t))
        return 1;
    memset(t, 0, sizeof *t);
    return parse_loose(s, day_first, t);
}

static int format_date(const dt *t, char **iso)
{
    char o[40];
    int n;
    if (!t->has_time)
        n = snprintf(o, sizeof o, "%04d-%02d-%02d", t->y, t->mo, t->d);
    else if (!t->has_tz)
        n = snprintf(o, sizeof o, "%04d-%02d-%02dT%02d:%02d:%02d", t->y, t->mo, t->d, t->h, t->mi,
                     t->s);
    else if (t->tz == 0)
        n = snprintf(o, sizeof o, "%04d-%02d-%02dT%02d:%02d:%02dZ", t->y, t->mo, t->d, t->h, t->mi,
                     t->s);
    else
        n = snprintf(o, sizeof o, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", t->y, t->mo, t->d,
                     t->h, t->mi, t->s, t->tz < 0 ? '-' : '+', abs(t->tz) / 60, abs(t->tz) % 60);
    *iso = NULL;
    if (n < 0 || (size_t)n >= sizeof o)
        return PI_OK; /* cannot happen for valid fields; no date then */
    *iso = pi_strdup(o);
    return PI_NOMEM_IF_NULL(*iso);
}

int pi_date_parse(const char *s, int day_first, char **iso)
{
    dt t;
    *iso = NULL;
    if (!parse_date(s, day_first, &t))
        return PI_OK;
    return format_date(&t, iso);
}

int pi_is_date(const char *s, int day_first)
{
    dt t;
    return parse_date(s, day_first, &t);
}

/* A date in a URL path: /2024/03/15/, /2024-03-15-slug, /20240315/. Years
 * before the web are rejected as ids. */
static int url_date(const char *url, dt *t)
{
    if (!url)
        return 0;
    const char *p = strstr(url, "://");
    p = p ? strchr(p + 3, '/') : url;
    if (!p)
        return 0;
    for (; *p && *p != '?' && *p != '#'; p++) {
        if (p[0] != '/' && p[0] != '-' && p[0] != '_')
            continue;
        const char *q = p + 1;
        int y, m, d;
        memset(t, 0, sizeof *t);
        if (!rd_digits(q, 4, &y) || y < 1990 || y > 2100)
            continue;
        q += 4;
        if ((*q == '/' || *q == '-' || *q == '_') && rd_digits(q + 1, 2, &m)) {
            char sep = *q;
            q += 3;
            if (*q == sep && rd_digits(q + 1, 2, &d) && !pi_is_digit((unsigned char)q[3])) {
                if (valid_ymd(y, m, d)) {
                    t->y = y, t->mo = m, t->d = d;
                    return 1;
                }
            }
        } else if (rd_digits(q, 2, &m) && rd_digits(q + 2, 2, &d) &&
                   !pi_is_digit((unsigned char)q[4]) &&
                   (q[4] == '/' || q[4] == '-' || q[4] == '_' || q[4] == '.' || !q[4])) {
            if (valid_ymd(y, m, d)) {
                t->y = y, t->mo = m, t->d = d;
                return 1;
            }
        }
    }
    return 0;
}

int pi_date_in_url(const char *url, char **iso)
{
    dt t;
    *iso = NULL;
    if (!url_date(url, &t))
        return PI_OK;
    return format_date(&t, iso);
}

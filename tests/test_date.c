/* Unit tests: lib/date.c - the formats and languages read, what is no date,
 * pi_is_date agreeing with pi_date_parse, dates in URL paths, month names. */
#include "check_common.h"
#include "base/error.h"
#include "meta/date.h"

/* pi_date_parse with day_first, its status checked; free the result. */
static char *parse(const char *s, int day_first)
{
    char *iso = (char *)1;
    ck_assert_int_eq(pi_date_parse(s, day_first, &iso), PI_OK);
    ck_assert(iso != (char *)1);
    /* the answer without allocating is the same */
    ck_assert_int_eq(pi_is_date(s, day_first), iso != NULL);
    return iso;
}

#define ck_date_df(in, df, want)       \
    do {                               \
        char *got_ = parse(in, df);    \
        ck_assert_pstr_eq(got_, want); \
        free(got_);                    \
    } while (0)

#define ck_date(in, want) ck_date_df(in, 1, want)

#define ck_url_date(url, want)                               \
    do {                                                     \
        char *got_ = (char *)1;                              \
        ck_assert_int_eq(pi_date_in_url(url, &got_), PI_OK); \
        ck_assert_pstr_eq(got_, want);                       \
        free(got_);                                          \
    } while (0)

START_TEST(date_formats)
{
    ck_date("2025-08-17", "2025-08-17");
    ck_date("2025-08-17T11:25:00+03:00", "2025-08-17T11:25:00+03:00");
    ck_date("2025-08-17T11:25:00.123+0300", "2025-08-17T11:25:00+03:00");
    ck_date("2025-08-17T08:25Z", "2025-08-17T08:25:00Z");
    ck_date("2017-11-03 03:01:00.000000", "2017-11-03T03:01:00");
    ck_date("2025/08/17", "2025-08-17");
    ck_date("20250817", "2025-08-17");
    ck_date("Sat, 17 Aug 2025 11:25:00 +0300", "2025-08-17T11:25:00+03:00");
    ck_date("Sun, 17 Aug 2025 08:25:00 GMT", "2025-08-17T08:25:00Z");
    ck_date("August 17, 2025", "2025-08-17");
    ck_date("Aug. 17, 2025 at 11:25 a.m. EDT", "2025-08-17T11:25:00-04:00");
    ck_date("August 17, 2025 3:05 PM", "2025-08-17T15:05:00");
    ck_date("17 August 2025", "2025-08-17");
    ck_date("17th August 2025", "2025-08-17");
    ck_date("17.08.2025", "2025-08-17");
    ck_date("17.08.2025, 11:25 Uhr", "2025-08-17T11:25:00");
    ck_date("1755429900", "2025-08-17T11:25:00Z");
    ck_date("1755429900000", "2025-08-17T11:25:00Z");
    ck_date("2025年8月17日", "2025-08-17");
}
END_TEST

START_TEST(date_languages)
{
    ck_date("17. August 2025", "2025-08-17");
    ck_date("3. März 2024", "2024-03-03");
    ck_date("Montag, 1. Dezember 2014", "2014-12-01");
    ck_date("17 août 2025", "2025-08-17");
    ck_date("le 1 février 2020 à 10h30", "2020-02-01T10:30:00");
    ck_date("17 de agosto de 2025", "2025-08-17");
    ck_date("5 de septiembre de 2019", "2019-09-05");
    ck_date("12 dicembre 2021", "2021-12-12");
    ck_date("21 maart 2022", "2022-03-21");
    ck_date("3 de março de 2020", "2020-03-03");
    ck_date("23 mai 2019", "2019-05-23");
}
END_TEST

START_TEST(date_ambiguity_and_garbage)
{
    ck_date_df("03/04/2025", 0, "2025-03-04");
    ck_date_df("03/04/2025", 1, "2025-04-03");
    ck_date_df("13/04/2025", 0, "2025-04-13"); /* only one reading */
    ck_date("", NULL);
    ck_date(NULL, NULL);
    ck_date("yesterday", NULL);
    ck_date("3 hours ago", NULL);
    ck_date("2025-02-30", NULL);
    ck_date("2025-13-01", NULL);
    ck_date("32.01.2025", NULL);
    ck_date("12345", NULL);
    ck_date("Theresa May", NULL);
    ck_date("August 2025", NULL);                 /* no day */
    ck_date("2025-08-17T25:00:00", "2025-08-17"); /* a bad time keeps the date */
}
END_TEST

START_TEST(date_blanks_around)
{
    /* ASCII white space and no-break spaces before the date are skipped */
    ck_date(" \t\xC2\xA0"
            "17.08.2025",
            "2025-08-17");
    ck_date("17\xC2\xA0"
            "August\xC2\xA0"
            "2025",
            "2025-08-17");
    ck_date("\xC2\xA0", NULL);
}
END_TEST

START_TEST(dates_in_url_paths)
{
    ck_url_date("https://example.com/2024/03/15/slug", "2024-03-15");
    ck_url_date("https://example.com/news/2019-10-16-story", "2019-10-16");
    ck_url_date("https://example.com/archive/20230102/x.html", "2023-01-02");
    ck_url_date("/2021_05_06_x", "2021-05-06");
    /* ids, impossible dates, the host and the query are no dates */
    ck_url_date("https://example.com/item/1234/56/78", NULL);
    ck_url_date("https://example.com/1989/01/01/", NULL);
    ck_url_date("https://example.com/2023/02/30/", NULL);
    ck_url_date("https://2024.example.com/?d=/2024/01/01/", NULL);
    ck_url_date(NULL, NULL);
}
END_TEST

START_TEST(month_names)
{
    ck_assert_int_eq(pi_date_month("august"), 8);
    ck_assert_int_eq(pi_date_month("aug"), 8);
    ck_assert_int_eq(pi_date_month("märz"), 3);
    ck_assert_int_eq(pi_date_month("déc"), 12);
    ck_assert_int_eq(pi_date_month("maart"), 3);
    ck_assert_int_eq(pi_date_month("August"), 0); /* lowercase words only */
    ck_assert_int_eq(pi_date_month("may-be"), 0);
    ck_assert_int_eq(pi_date_month(""), 0);
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, date_formats);
    PI_CASE(s, date_languages);
    PI_CASE(s, date_ambiguity_and_garbage);
    PI_CASE(s, date_blanks_around);
    PI_CASE(s, dates_in_url_paths);
    PI_CASE(s, month_names);
}

PI_SUITE_MAIN("date", add)

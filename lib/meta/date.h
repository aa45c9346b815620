/* date.h - dates as pages write them, read into ISO 8601.
 *
 * One parser for every place that reads a date: the metadata sources
 * (<meta>, JSON-LD, <time>, byline lines, URL paths) and the extractor's
 * test for a line that is only a date. Nothing here allocates except where
 * a result is returned: "not a date" (PI_OK, *iso NULL) and out of memory
 * (PI_ENOMEM) are told apart. */
#ifndef PI_DATE_H
#define PI_DATE_H

/* Parse a date as pages write it (ISO 8601 variants, RFC 2822, "August 17,
 * 2025", "17 August 2025", "17.08.2025", "2025/08/17", month names in
 * English, German, French, Spanish, Italian, Dutch and Portuguese, CJK
 * 2025年8月17日, unix timestamps) into a malloc'd ISO 8601 string:
 * "2025-08-17", "2025-08-17T11:25:00" (no zone given), "...Z" (UTC) or
 * "...+03:00". `day_first` decides an ambiguous "03/04/2025" (1: 3 April,
 * 0: March 4). `s` may be NULL. Returns PI_OK (*iso NULL when `s` is not a
 * date) or PI_ENOMEM. */
int pi_date_parse(const char *s, int day_first, char **iso);

/* Whether pi_date_parse() would find a date in `s`; allocates nothing. */
int pi_is_date(const char *s, int day_first);

/* A date in the path of a URL: /2024/03/15/, /2024-03-15-slug, /20240315/
 * (years 1990..2100; query and fragment are not read), as "2024-03-15".
 * `url` may be NULL. Returns PI_OK (*iso NULL when there is none) or
 * PI_ENOMEM. */
int pi_date_in_url(const char *url, char **iso);

/* The month (1..12) a lowercase UTF-8 word names in one of the languages
 * above ("august", "aug", "märz", "déc"), else 0. */
int pi_date_month(const char *word);

#endif

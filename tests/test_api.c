/* Tests of the public API, through pith.h and libpith.so only. */
#include <pith.h>

#include "check_common.h"

#include <json-c/json.h>
#include <math.h>
#include <pthread.h>

static const char PAGE[] =
    "<html><head><title>A quiet harbour</title></head><body>"
    "<nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>"
    "<article><h1>A quiet harbour</h1>"
    "<p>The harbour was quiet this morning, with only a few fishing boats heading out past "
    "the breakwater before the sun rose over the hills.</p>"
    "<p>Local fishermen say the season has been slow, and prices at the market have risen "
    "for the third week in a row, worrying restaurant owners.</p>"
    "<p>The town council will discuss the matter on Thursday, when it meets to plan the "
    "summer festival and the repairs to the old pier.</p>"
    "</article><footer>All rights reserved. <a href=/privacy>Privacy</a></footer></body></html>";

static pith_doc *extract_ok(const char *html, size_t len, const pith_options *o)
{
    pith_doc *doc = NULL;
    pith_status s = pith_extract(html, len, o, &doc);
    ck_assert_msg(s == PITH_OK, "pith_extract: %s", pith_strerror(s));
    ck_assert_ptr_nonnull(doc);
    return doc;
}

START_TEST(versions)
{
    ck_assert_str_eq(pith_version(), PITH_VERSION_STRING);
    ck_assert_uint_eq(pith_version_number(), PITH_VERSION_NUMBER);
    ck_assert_uint_eq(PITH_VERSION_NUMBER,
                      (PITH_VERSION_MAJOR << 16) | (PITH_VERSION_MINOR << 8) | PITH_VERSION_PATCH);
}
END_TEST

START_TEST(strerror_covers_every_status)
{
    for (int s = PITH_OK; s <= PITH_ERR_OUTPUT_TOO_LARGE; s++) {
        ck_assert_ptr_nonnull(pith_strerror((pith_status)s));
        ck_assert_str_ne(pith_strerror((pith_status)s), "unknown status");
    }
    ck_assert_str_eq(pith_strerror((pith_status)9999), "unknown status");
}
END_TEST

START_TEST(options)
{
    long long lo = -1, hi = -1;
    pith_options *o = pith_options_new();
    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq(pith_option_bounds(PITH_OPT_KEEP_TITLE, &lo, &hi), PITH_OK);
    ck_assert(lo == 0 && hi == 1);
    ck_assert_int_eq(pith_option_bounds(PITH_OPT_URL, &lo, &hi), PITH_ERR_OPTION_VALUE);
    ck_assert_int_eq(pith_option_bounds((pith_option)999, &lo, &hi), PITH_ERR_UNSUPPORTED_OPTION);
    ck_assert_int_eq(pith_options_set_int(o, (pith_option)999, 1), PITH_ERR_UNSUPPORTED_OPTION);
    ck_assert_int_eq(pith_options_set_string(o, (pith_option)999, "x"),
                     PITH_ERR_UNSUPPORTED_OPTION);
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_KEEP_TITLE, 2), PITH_ERR_OPTION_VALUE);
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_URL, 1), PITH_ERR_OPTION_VALUE);
    ck_assert_int_eq(pith_options_set_string(o, PITH_OPT_KEEP_TITLE, "1"), PITH_ERR_OPTION_VALUE);
    ck_assert_int_eq(pith_options_set_string(o, PITH_OPT_URL, "https://example.org/a"), PITH_OK);
    ck_assert_int_eq(pith_options_set_string(o, PITH_OPT_URL, NULL), PITH_OK);
    ck_assert_int_eq(pith_options_set_int(NULL, PITH_OPT_KEEP_TITLE, 1), PITH_ERR_INVALID_ARGUMENT);
    pith_options_free(o);
    pith_options_free(NULL);
}
END_TEST

START_TEST(invalid_arguments)
{
    pith_doc *doc = (pith_doc *)1;
    ck_assert_int_eq(pith_extract(NULL, 5, NULL, &doc), PITH_ERR_INVALID_ARGUMENT);
    ck_assert_ptr_null(doc);
    ck_assert_int_eq(pith_extract("x", 1, NULL, NULL), PITH_ERR_INVALID_ARGUMENT);
    pith_doc_free(NULL);
    ck_assert_str_eq(pith_doc_text(NULL), "");
    ck_assert_str_eq(pith_doc_title(NULL), "");
}
END_TEST

START_TEST(empty_input_is_empty_text)
{
    pith_doc *doc = extract_ok(NULL, 0, NULL);
    ck_assert_str_eq(pith_doc_text(doc), "");
    ck_assert_uint_eq(pith_doc_text_length(doc), 0);
    pith_doc_free(doc);
    doc = extract_ok("\0\0\0", 3, NULL);
    pith_doc_free(doc);
}
END_TEST

START_TEST(input_too_large)
{
    pith_options *o = pith_options_new();
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_MAX_INPUT_SIZE, 100), PITH_OK);
    pith_doc *doc = NULL;
    ck_assert_int_eq(pith_extract(PAGE, strlen(PAGE), o, &doc), PITH_ERR_INPUT_TOO_LARGE);
    ck_assert_ptr_null(doc);
    pith_options_free(o);
}
END_TEST

START_TEST(limits)
{
    pith_options *o = pith_options_new();
    pith_doc *doc = NULL;
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_MAX_NODES, 5), PITH_OK);
    ck_assert_int_eq(pith_extract(PAGE, strlen(PAGE), o, &doc), PITH_ERR_TOO_MANY_NODES);
    ck_assert_ptr_null(doc);
    pith_options_free(o);

    o = pith_options_new();
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_MAX_OUTPUT_SIZE, 10), PITH_OK);
    ck_assert_int_eq(pith_extract(PAGE, strlen(PAGE), o, &doc), PITH_ERR_OUTPUT_TOO_LARGE);
    ck_assert_ptr_null(doc);
    pith_options_free(o);

    o = pith_options_new();
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_MAX_DEPTH, 15), PITH_ERR_OPTION_VALUE);
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_MAX_DEPTH, 16), PITH_OK);
    char deep[4096] = "";
    for (int i = 0; i < 40; i++)
        strcat(deep, "<div>");
    strcat(deep, "<p>deep text</p>");
    ck_assert_int_eq(pith_extract(deep, strlen(deep), o, &doc), PITH_ERR_TOO_DEEP);
    ck_assert_ptr_null(doc);
    /* Within the default limit the same page extracts. */
    doc = extract_ok(deep, strlen(deep), NULL);
    ck_assert_str_eq(pith_doc_text(doc), "deep text\n");
    pith_doc_free(doc);
    pith_options_free(o);
}
END_TEST

START_TEST(article_without_furniture)
{
    pith_doc *doc = extract_ok(PAGE, strlen(PAGE), NULL);
    const char *t = pith_doc_text(doc);
    ck_assert_str_eq(pith_doc_title(doc), "A quiet harbour");
    ck_assert_ptr_nonnull(strstr(t, "The harbour was quiet this morning"));
    ck_assert_ptr_nonnull(strstr(t, "old pier.\n"));
    ck_assert_ptr_null(strstr(t, "Sport"));
    ck_assert_ptr_null(strstr(t, "rights reserved"));
    /* The headline is the title, not body text, unless asked for. */
    ck_assert_ptr_null(strstr(t, "A quiet harbour"));
    ck_assert_uint_eq(strlen(t), pith_doc_text_length(doc));
    pith_doc_free(doc);

    pith_options *o = pith_options_new();
    pith_options_set_int(o, PITH_OPT_KEEP_TITLE, 1);
    doc = extract_ok(PAGE, strlen(PAGE), o);
    ck_assert_ptr_nonnull(strstr(pith_doc_text(doc), "A quiet harbour\n"));
    pith_doc_free(doc);
    pith_options_free(o);
}
END_TEST

/* The seed page: every `with` snippet, no `without` snippet, the caption at
 * most once. */
START_TEST(seed_page)
{
    char path[1024];
    size_t len;
    snprintf(path, sizeof path, "%s/seed/ctech-azure-review.html", PITH_SHARED);
    char *html = pi_test_read(path, &len);
    ck_assert_msg(html != NULL, "seed page not found at %s", path);
    snprintf(path, sizeof path, "%s/seed/ctech-azure-review.json", PITH_SHARED);
    json_object *gold = json_object_from_file(path);
    ck_assert_ptr_nonnull(gold);
    pith_doc *doc = extract_ok(html, len, NULL);
    const char *t = pith_doc_text(doc);
    json_object *with = json_object_object_get(gold, "with");
    json_object *without = json_object_object_get(gold, "without");
    for (size_t i = 0; i < json_object_array_length(with); i++) {
        const char *s = json_object_get_string(json_object_array_get_idx(with, i));
        ck_assert_msg(strstr(t, s) != NULL, "missing: %s", s);
    }
    for (size_t i = 0; i < json_object_array_length(without); i++) {
        const char *s = json_object_get_string(json_object_array_get_idx(without, i));
        ck_assert_msg(strstr(t, s) == NULL, "leaked: %s", s);
    }
    const char *cap = strstr(t, "Microsoft offices.");
    if (cap)
        ck_assert_ptr_null(strstr(cap + 1, "Microsoft offices."));
    pith_doc_free(doc);
    json_object_put(gold);
    free(html);
}
END_TEST

/* The words of the seed page's text with PITH_OPT_FAVOR `favor`. */
static unsigned long seed_words(const char *html, size_t len, int favor)
{
    pith_options *o = pith_options_new();
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_FAVOR, favor), PITH_OK);
    pith_doc *doc = extract_ok(html, len, o);
    char *json = NULL;
    ck_assert_int_eq(pith_doc_render(doc, PITH_FORMAT_JSON, NULL, &json, NULL), PITH_OK);
    json_object *obj = json_tokener_parse(json);
    ck_assert_ptr_nonnull(obj);
    unsigned long n = (unsigned long)json_object_get_int64(json_object_object_get(obj, "words"));
    json_object_put(obj);
    pith_free(json);
    pith_doc_free(doc);
    pith_options_free(o);
    return n;
}

/* Favouring precision keeps no more than the balanced threshold, which
 * keeps no more than favouring recall; on the seed page, where the model
 * hesitates over a few blocks, the two ends differ. */
START_TEST(favor_moves_the_threshold)
{
    char path[1024];
    size_t len;
    snprintf(path, sizeof path, "%s/seed/ctech-azure-review.html", PITH_SHARED);
    char *html = pi_test_read(path, &len);
    ck_assert_msg(html != NULL, "seed page not found at %s", path);
    unsigned long precision = seed_words(html, len, PITH_FAVOR_PRECISION);
    unsigned long balanced = seed_words(html, len, PITH_FAVOR_BALANCED);
    unsigned long recall = seed_words(html, len, PITH_FAVOR_RECALL);
    ck_assert_uint_le(precision, balanced);
    ck_assert_uint_le(balanced, recall);
    ck_assert_uint_lt(precision, recall);
    free(html);

    long long lo = -1, hi = -1;
    ck_assert_int_eq(pith_option_bounds(PITH_OPT_FAVOR, &lo, &hi), PITH_OK);
    ck_assert(lo == PITH_FAVOR_BALANCED && hi == PITH_FAVOR_RECALL);
    pith_options *o = pith_options_new();
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_FAVOR, 3), PITH_ERR_OPTION_VALUE);
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_FAVOR, -1), PITH_ERR_OPTION_VALUE);
    ck_assert_int_eq(pith_options_set_string(o, PITH_OPT_FAVOR, "recall"), PITH_ERR_OPTION_VALUE);
    pith_options_free(o);
}
END_TEST

/* The confidence: a number in [0, 1], the field its two-decimal form, the
 * JSON member the same number; high for a plain article, 0 for a page
 * without words. */
START_TEST(confidence)
{
    pith_doc *doc = extract_ok(PAGE, strlen(PAGE), NULL);
    double c = pith_doc_confidence(doc);
    ck_assert(c >= 0.7 && c <= 1.0);
    char want[8];
    snprintf(want, sizeof want, "%.2f", c);
    ck_assert_uint_eq(pith_doc_count(doc, PITH_FIELD_CONFIDENCE), 1);
    ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_CONFIDENCE, 0), want);
    char *json = NULL;
    ck_assert_int_eq(pith_doc_render(doc, PITH_FORMAT_JSON, NULL, &json, NULL), PITH_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"confidence\":"));
    json_object *obj = json_tokener_parse(json);
    json_object *v = json_object_object_get(obj, "confidence");
    ck_assert(json_object_is_type(v, json_type_double));
    ck_assert(fabs(json_object_get_double(v) - strtod(want, NULL)) < 1e-9);
    json_object_put(obj);
    pith_free(json);
    pith_doc_free(doc);

    /* Nothing found is nothing to trust: the page to send elsewhere. */
    doc = extract_ok("<p>", 3, NULL);
    ck_assert(pith_doc_confidence(doc) == 0.0);
    ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_CONFIDENCE, 0), "0.00");
    pith_doc_free(doc);
    ck_assert(pith_doc_confidence(NULL) == -1.0);
}
END_TEST

/* The comment accessors: the written WordPress page's three comments with
 * their fields and depths, NULL and -1 out of range, none on a page
 * without comments, and the text of none in the article. */
START_TEST(comments)
{
    char path[1024];
    size_t len;
    snprintf(path, sizeof path, "%s/comments/wordpress.html", PITH_TEST_DATA);
    char *html = pi_test_read(path, &len);
    ck_assert_msg(html != NULL, "no page at %s", path);
    pith_doc *doc = extract_ok(html, len, NULL);
    ck_assert_uint_eq(pith_doc_comment_count(doc), 3);
    ck_assert_str_eq(pith_doc_comment_get(doc, 0, PITH_COMMENT_AUTHOR), "Maria Lopez");
    ck_assert_str_eq(pith_doc_comment_get(doc, 1, PITH_COMMENT_AUTHOR), "Tom Baker");
    ck_assert_str_eq(pith_doc_comment_get(doc, 1, PITH_COMMENT_PUBLISHED), "2024-05-03T11:02:00Z");
    ck_assert_str_eq(pith_doc_comment_get(doc, 2, PITH_COMMENT_TEXT),
                     "Great tips, thanks for sharing them.");
    int want[] = {0, 1, 0};
    for (size_t i = 0; i < 3; i++) {
        ck_assert_int_eq(pith_doc_comment_depth(doc, i), want[i]);
        ck_assert_ptr_null(
            strstr(pith_doc_text(doc), pith_doc_comment_get(doc, i, PITH_COMMENT_TEXT)));
    }
    ck_assert_ptr_null(pith_doc_comment_get(doc, 3, PITH_COMMENT_TEXT));
    ck_assert_ptr_null(pith_doc_comment_get(doc, 0, (pith_comment_field)99));
    ck_assert_int_eq(pith_doc_comment_depth(doc, 3), -1);
    pith_doc_free(doc);
    free(html);

    doc = extract_ok(PAGE, strlen(PAGE), NULL);
    ck_assert_uint_eq(pith_doc_comment_count(doc), 0);
    char *json = NULL;
    ck_assert_int_eq(pith_doc_render(doc, PITH_FORMAT_JSON, NULL, &json, NULL), PITH_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"comments\":[]"));
    pith_free(json);
    pith_doc_free(doc);
    ck_assert_uint_eq(pith_doc_comment_count(NULL), 0);
    ck_assert_ptr_null(pith_doc_comment_get(NULL, 0, PITH_COMMENT_TEXT));
    ck_assert_int_eq(pith_doc_comment_depth(NULL, 0), -1);
}
END_TEST

/* Many threads extracting at once give the results of one thread. */
#define THREADS 8
#define ROUNDS 20

struct job {
    const char *html;
    size_t len;
    const char *expect;
    int mismatches;
};

static void *worker(void *arg)
{
    struct job *j = arg;
    for (int i = 0; i < ROUNDS; i++) {
        pith_doc *doc = NULL;
        if (pith_extract(j->html, j->len, NULL, &doc) != PITH_OK ||
            strcmp(pith_doc_text(doc), j->expect) != 0)
            j->mismatches++;
        pith_doc_free(doc);
    }
    return NULL;
}

START_TEST(threads_agree_with_one_thread)
{
    char path[1024];
    size_t len;
    snprintf(path, sizeof path, "%s/seed/ctech-azure-review.html", PITH_SHARED);
    char *seed = pi_test_read(path, &len);
    const char *pages[2] = {PAGE, seed ? seed : PAGE};
    size_t lens[2] = {strlen(PAGE), seed ? len : strlen(PAGE)};
    char *expect[2];
    for (int k = 0; k < 2; k++) {
        pith_doc *doc = extract_ok(pages[k], lens[k], NULL);
        expect[k] = strdup(pith_doc_text(doc));
        pith_doc_free(doc);
    }
    pthread_t th[THREADS];
    struct job jobs[THREADS];
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = (struct job){pages[i % 2], lens[i % 2], expect[i % 2], 0};
        ck_assert_int_eq(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(th[i], NULL);
        ck_assert_int_eq(jobs[i].mismatches, 0);
    }
    free(expect[0]);
    free(expect[1]);
    free(seed);
}
END_TEST

START_TEST(fields)
{
    static const char page[] =
        "<html lang=\"pt-BR\"><head><meta charset=\"utf-8\"><title>Chuva forte | Jornal</title>"
        "<meta property=\"og:site_name\" content=\"Jornal\">"
        "<meta name=\"keywords\" content=\"clima, chuva\">"
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"Chuva forte\",\"datePublished\":\"2024-03-15T08:00:00Z\","
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Lima\"},"
        "{\"@type\":\"Person\",\"name\":\"Rui Costa\"}]}</script></head>"
        "<body><article><h1>Chuva forte</h1><p>A chuva que caiu durante a noite alagou ruas "
        "do centro, e a defesa civil pediu que os moradores evitassem sair de casa.</p>"
        "<p>Segundo os meteorologistas, o tempo deve melhorar a partir de amanh\xc3\xa3, "
        "com sol entre nuvens e temperaturas mais altas.</p></article></body></html>";
    pith_doc *doc = extract_ok(page, strlen(page), NULL);
    ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_TITLE, 0), "Chuva forte");
    ck_assert_uint_eq(pith_doc_count(doc, PITH_FIELD_AUTHORS), 2);
    ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_AUTHORS, 1), "Rui Costa");
    ck_assert_ptr_null(pith_doc_get(doc, PITH_FIELD_AUTHORS, 2));
    ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_PUBLISHED, 0), "2024-03-15T08:00:00Z");
    ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_SITE_NAME, 0), "Jornal");
    ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_LANGUAGE, 0), "pt-BR");
    ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_DIRECTION, 0), "ltr");
    ck_assert_uint_ge(pith_doc_count(doc, PITH_FIELD_TAGS), 2);
    ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_ENCODING, 0), "UTF-8");
    ck_assert_uint_eq(pith_doc_count(doc, PITH_FIELD_ENCODING_SOURCE), 1);
    ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_LAYER, 0), "learned");
    ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_PAGE_TYPE, 0), "article");
    ck_assert_uint_eq(pith_doc_count(doc, PITH_FIELD_MODIFIED), 0);
    ck_assert_ptr_null(pith_doc_get(doc, PITH_FIELD_MODIFIED, 0));
    ck_assert_uint_eq(pith_doc_count(doc, (pith_field)999), 0);
    ck_assert_ptr_null(pith_doc_get(doc, (pith_field)999, 0));
    ck_assert_uint_eq(pith_doc_count(NULL, PITH_FIELD_TITLE), 0);
    pith_doc_free(doc);
}
END_TEST

/* The title as declared, site part and all; the headline as the reader sees
 * it, which is also what leaves the text. */
START_TEST(title_and_headline)
{
    static const char page[] =
        "<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Rivers rise in the north | Gazette</title>"
        "<meta property=\"og:title\" content=\"Rivers rise in the north | Gazette\">"
        "<meta property=\"og:site_name\" content=\"Gazette\"></head>"
        "<body><article><h1>Rivers rise in the north</h1><p>The rivers of the north rose "
        "through the night, and by morning the lower streets of three towns stood under "
        "water.</p><p>Crews worked to clear the drains while the weather office warned "
        "that more rain would come before the weekend.</p></article></body></html>";
    pith_doc *doc = extract_ok(page, strlen(page), NULL);
    ck_assert_str_eq(pith_doc_title(doc), "Rivers rise in the north | Gazette");
    ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_TITLE, 0), "Rivers rise in the north | Gazette");
    ck_assert_uint_eq(pith_doc_count(doc, PITH_FIELD_HEADLINE), 1);
    ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_HEADLINE, 0), "Rivers rise in the north");
    ck_assert_ptr_null(strstr(pith_doc_text(doc), "Rivers rise"));
    char *json = NULL;
    ck_assert_int_eq(pith_doc_render(doc, PITH_FORMAT_JSON, NULL, &json, NULL), PITH_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"title\":\"Rivers rise in the north | Gazette\""));
    ck_assert_ptr_nonnull(strstr(json, "\"headline\":\"Rivers rise in the north\""));
    pith_free(json);
    pith_doc_free(doc);

    pith_options *o = pith_options_new();
    pith_options_set_int(o, PITH_OPT_KEEP_TITLE, 1);
    doc = extract_ok(page, strlen(page), o);
    ck_assert(!strncmp(pith_doc_text(doc), "Rivers rise in the north\n", 25));
    pith_doc_free(doc);
    pith_options_free(o);

    doc = extract_ok("<p>no title</p>", 15, NULL);
    ck_assert_uint_eq(pith_doc_count(doc, PITH_FIELD_HEADLINE), 0);
    ck_assert_ptr_null(pith_doc_get(doc, PITH_FIELD_HEADLINE, 0));
    pith_doc_free(doc);
}
END_TEST

/* A short line in a container named like content ("article-text") outscores
 * the unnamed container of the story; the tiny result sends the extractor
 * to a second attempt without names, which finds the story. */
START_TEST(tiny_named_block_does_not_win)
{
    static const char page[] =
        "<html><body><div class=article-text><p>Posted on 3 May 2021 by the desk</p></div>"
        "<div><div><div><p>The ferry service to the islands resumes on Monday, after a winter in which "
        "storms, repairs and a strike kept the boats in port for weeks.</p>"
        "<p>Islanders, who depend on the ferry for food, fuel and school runs, welcomed the "
        "news, though many said the timetable was thinner than before.</p>"
        "<p>The operator said two more sailings a day would follow in June, once the second "
        "vessel returns from dry dock, and fares would stay the same.</p></div></div></div>"
        "</body></html>";
    pith_doc *doc = extract_ok(page, strlen(page), NULL);
    ck_assert_ptr_nonnull(strstr(pith_doc_text(doc), "The ferry service to the islands"));
    ck_assert_ptr_nonnull(strstr(pith_doc_text(doc), "fares would stay the same."));
    pith_doc_free(doc);
}
END_TEST

/* A caption that describes its picture stays; one that credits it goes. */
START_TEST(credit_captions_go)
{
    static const char page[] =
        "<html><body><article><p>The old pier was closed to the public in March, after "
        "engineers found that two of its supports had cracked in the winter storms.</p>"
        "<figure><img src=a.jpg alt=\"\"><figcaption>The pier at dawn, seen from the "
        "beach</figcaption></figure>"
        "<p>Repairs will take most of the summer, the council said, and will cost more than "
        "the town had set aside for all of its harbour works this year.</p>"
        "<figure><img src=b.jpg alt=\"\"><figcaption>Photo: Jane Doe</figcaption></figure>"
        "<figure><img src=c.jpg alt=\"\"><figcaption>Workers on the beach (Credit Tom "
        "Roe)</figcaption></figure>"
        "<figure><img src=d.jpg alt=\"\"><figcaption>Boats in the harbour \xC2\xA9 Harbour "
        "Pictures</figcaption></figure>"
        "<div class=wp-caption><img src=e.jpg alt=\"\"><p class=wp-caption-text>Gulls on the "
        "jetty. Bild: Ana Lima</p></div>"
        "<p>Until then, boats will tie up at the new jetty on the other side of the bay, "
        "which opened last year and has room for twenty of them.</p></article></body></html>";
    pith_doc *doc = extract_ok(page, strlen(page), NULL);
    const char *t = pith_doc_text(doc);
    ck_assert_ptr_nonnull(strstr(t, "The pier at dawn, seen from the beach"));
    ck_assert_ptr_null(strstr(t, "Jane Doe"));
    ck_assert_ptr_null(strstr(t, "Workers on the beach"));
    ck_assert_ptr_null(strstr(t, "Boats in the harbour"));
    ck_assert_ptr_null(strstr(t, "Gulls on the jetty"));
    ck_assert_ptr_nonnull(strstr(t, "room for twenty of them."));
    pith_doc_free(doc);
}
END_TEST

/* A live blog: every entry is named "comment", and the entries are the
 * text. Names that would drop nearly all of the chosen container are its
 * template, not furniture. */
START_TEST(names_that_drop_everything_are_ignored)
{
#define ENTRY(t) "<div class=live-comment><p>" t "</p></div>"
    static const char page[] = "<html><body><div class=live>" ENTRY(
        "The referee blows the whistle and the match begins in the rain, with both "
        "teams pressing high from the first minute.")
        ENTRY("A corner for the home side after a long spell of pressure, but the header "
              "goes wide of the far post.")
            ENTRY("Half time, and still no goals, though the visitors have had the better "
                  "chances and hit the bar twice.")
                ENTRY("The second half starts as the first ended, with the visitors on top and the "
                      "home fans growing restless.")
                    ENTRY(
                        "The home side score at last, a low shot from the edge of the box that the "
                        "keeper never sees.")
                        ENTRY(
                            "Full time: one goal settles it, and the home side climb to third in the "
                            "table after a hard night.") "</div></body></html>";
#undef ENTRY
    pith_doc *doc = extract_ok(page, strlen(page), NULL);
    const char *t = pith_doc_text(doc);
    ck_assert_ptr_nonnull(strstr(t, "The referee blows the whistle"));
    ck_assert_ptr_nonnull(strstr(t, "climb to third in the table after a hard night."));
    pith_doc_free(doc);
}
END_TEST

/* Pages in scripts without spaces between words (zh, ja, th) and written
 * right to left (ar, he): the body comes out exactly, the furniture not at
 * all, and the direction is reported. */
START_TEST(scripts_extract_right)
{
    static const char *const names[] = {"zh", "ja", "th", "ar", "he"};
    char path[1024];
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        size_t len = 0, elen = 0, flen = 0;
        snprintf(path, sizeof path, "%s/scripts/%s.html", PITH_TEST_DATA, names[k]);
        char *html = pi_test_read(path, &len);
        snprintf(path, sizeof path, "%s/scripts/%s.expected.txt", PITH_TEST_DATA, names[k]);
        char *expect = pi_test_read(path, &elen);
        snprintf(path, sizeof path, "%s/scripts/%s.furniture.txt", PITH_TEST_DATA, names[k]);
        char *furniture = pi_test_read(path, &flen);
        ck_assert_msg(html && expect && furniture, "missing test data for %s", names[k]);
        pith_doc *doc = extract_ok(html, len, NULL);
        ck_assert_msg(strcmp(pith_doc_text(doc), expect) == 0, "%s: got\n%s", names[k],
                      pith_doc_text(doc));
        for (char *line = strtok(furniture, "\n"); line; line = strtok(NULL, "\n"))
            ck_assert_msg(strstr(pith_doc_text(doc), line) == NULL, "%s: furniture %s", names[k],
                          line);
        const char *dir = pith_doc_get(doc, PITH_FIELD_DIRECTION, 0);
        ck_assert_ptr_nonnull(dir);
        ck_assert_str_eq(dir, k >= 3 ? "rtl" : "ltr");
        ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_LANGUAGE, 0), names[k]);
        pith_doc_free(doc);
        free(html);
        free(expect);
        free(furniture);
    }
}
END_TEST

/* Relative links and images resolve against <base href>, the caller's URL
 * or the canonical URL, in that order. */
START_TEST(relative_urls_resolve)
{
    static const char page[] =
        "<html><head><link rel=canonical href=\"https://canon.example/news/story\"></head><body>"
        "<article><p>The first paragraph of the story is long enough to count as text, with "
        "commas, clauses and a <a href=\"../pontoons\">link to the pontoons</a>.</p>"
        "<p>A second paragraph, also long enough, follows it here with more words to read.</p>"
        "<img src=\"img/quay.jpg\" alt=\"quay\"></article></body></html>";
    const char *bases[] = {NULL, "https://given.example/a/b"};
    const char *expect[] = {"(https://canon.example/pontoons)", "(https://given.example/pontoons)"};
    for (int k = 0; k < 2; k++) {
        pith_options *o = pith_options_new();
        if (bases[k])
            pith_options_set_string(o, PITH_OPT_URL, bases[k]);
        pith_doc *doc = extract_ok(page, strlen(page), o);
        char *md = NULL;
        ck_assert_int_eq(pith_doc_render(doc, PITH_FORMAT_MARKDOWN, NULL, &md, NULL), PITH_OK);
        ck_assert_msg(strstr(md, expect[k]) != NULL, "%s", md);
        pith_free(md);
        pith_doc_free(doc);
        pith_options_free(o);
    }
}
END_TEST

/* The page type of `html` extracted with PITH_OPT_PAGE_TYPE `type` (NULL:
 * the page model's), and the number of `names` its text holds. */
static const char *typed_extract(const char *html, size_t len, const char *type,
                                 const char *const *names, int *found, pith_doc **doc)
{
    pith_options *o = pith_options_new();
    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq(pith_options_set_string(o, PITH_OPT_PAGE_TYPE, type), PITH_OK);
    *doc = extract_ok(html, len, o);
    pith_options_free(o);
    *found = 0;
    for (const char *const *n = names; n && *n; n++)
        *found += strstr(pith_doc_text(*doc), *n) != NULL;
    ck_assert_uint_eq(pith_doc_count(*doc, PITH_FIELD_PAGE_TYPE), 1);
    return pith_doc_get(*doc, PITH_FIELD_PAGE_TYPE, 0);
}

/* PITH_OPT_PAGE_TYPE: a string option of the page types' names, refused
 * otherwise (the value set before kept); the field says the type given
 * ("blog" too, also for a page without text), and the extraction follows
 * it: a shop's twelve product cards are kept as a collection's content
 * where an article's treatment drops them, and a forum keeps no reader
 * comments apart. */
START_TEST(page_type_option)
{
    static const char *const types[] = {"article",       "blog",    "product",
                                        "collection",    "listing", "forum",
                                        "documentation", "service", NULL};
    static const char *const cards[] = {
        "Oak desk lamp", "Walnut side table", "Wool throw", "Ceramic vase",   "Linen cushion",
        "Rattan basket", "Copper kettle",     "Cotton rug", "Pine bookshelf", "Glass carafe",
        "Beech stool",   "Felt slippers",     NULL};
    long long lo, hi;
    ck_assert_int_eq(pith_option_bounds(PITH_OPT_PAGE_TYPE, &lo, &hi), PITH_ERR_OPTION_VALUE);
    pith_options *o = pith_options_new();
    ck_assert_int_eq(pith_options_set_string(o, PITH_OPT_PAGE_TYPE, "blog"), PITH_OK);
    ck_assert_int_eq(pith_options_set_string(o, PITH_OPT_PAGE_TYPE, "recipe"),
                     PITH_ERR_OPTION_VALUE);
    ck_assert_int_eq(pith_options_set_string(o, PITH_OPT_PAGE_TYPE, "Article"),
                     PITH_ERR_OPTION_VALUE);
    ck_assert_int_eq(pith_options_set_string(o, PITH_OPT_PAGE_TYPE, ""), PITH_ERR_OPTION_VALUE);
    ck_assert_int_eq(pith_options_set_int(o, PITH_OPT_PAGE_TYPE, 1), PITH_ERR_OPTION_VALUE);
    pith_doc *doc = extract_ok(PAGE, strlen(PAGE), o);
    ck_assert_str_eq(pith_doc_get(doc, PITH_FIELD_PAGE_TYPE, 0), "blog");
    pith_doc_free(doc);
    pith_options_free(o);

    int found;
    ck_assert_str_eq(typed_extract(PAGE, strlen(PAGE), NULL, NULL, &found, &doc), "article");
    pith_doc_free(doc);
    for (const char *const *t = types; *t; t++) {
        ck_assert_str_eq(typed_extract(PAGE, strlen(PAGE), *t, NULL, &found, &doc), *t);
        pith_doc_free(doc);
        ck_assert_str_eq(typed_extract("<p>", 3, *t, NULL, &found, &doc), *t);
        pith_doc_free(doc);
    }

    char path[1024];
    size_t len;
    snprintf(path, sizeof path, "%s/pagetype/collection.html", PITH_TEST_DATA);
    char *html = pi_test_read(path, &len);
    ck_assert_msg(html != NULL, "no page at %s", path);
    int as_article, as_collection;
    ck_assert_str_eq(typed_extract(html, len, "article", cards, &as_article, &doc), "article");
    pith_doc_free(doc);
    ck_assert_str_eq(typed_extract(html, len, "collection", cards, &as_collection, &doc),
                     "collection");
    pith_doc_free(doc);
    ck_assert_msg(as_collection > as_article, "cards kept: %d as a collection, %d as an article",
                  as_collection, as_article);
    free(html);

    /* The forum guard reads the given type: a forum's comments are its
     * posts. */
    snprintf(path, sizeof path, "%s/comments/wordpress.html", PITH_TEST_DATA);
    html = pi_test_read(path, &len);
    ck_assert_msg(html != NULL, "no page at %s", path);
    ck_assert_str_eq(typed_extract(html, len, "article", NULL, &found, &doc), "article");
    ck_assert_uint_eq(pith_doc_comment_count(doc), 3);
    pith_doc_free(doc);
    ck_assert_str_eq(typed_extract(html, len, "forum", NULL, &found, &doc), "forum");
    ck_assert_uint_eq(pith_doc_comment_count(doc), 0);
    pith_doc_free(doc);
    free(html);
}
END_TEST

/* `doc` rendered in `format` with the defaults; free with pith_free(). */
static char *rendered(const pith_doc *doc, pith_format format)
{
    char *out = NULL;
    ck_assert_int_eq(pith_doc_render(doc, format, NULL, &out, NULL), PITH_OK);
    return out;
}

/* `s` with & < > as HTML writes them; malloc'd. */
static char *html_escaped(const char *s)
{
    char *out = malloc(5 * strlen(s) + 1), *o = out;
    ck_assert_ptr_nonnull(out);
    for (; *s; s++) {
        const char *e = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : NULL;
        if (e)
            o += sprintf(o, "%s", e);
        else
            *o++ = *s;
    }
    *o = '\0';
    return out;
}

/* Highlighters' code tables (tests/data/codetable/README): the code cell
 * as one code block with its line breaks, in text, Markdown and HTML; the
 * gutter's numbers gone; a table of data beside them still a row. */
START_TEST(code_tables_are_code)
{
    static const char *const names[] = {"gutter-pre", "line-divs", "line-breaks"};
    char path[1024], want[4096];
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        size_t len = 0, clen = 0, llen = 0;
        snprintf(path, sizeof path, "%s/codetable/%s.html", PITH_TEST_DATA, names[k]);
        char *html = pi_test_read(path, &len);
        snprintf(path, sizeof path, "%s/codetable/%s.code.txt", PITH_TEST_DATA, names[k]);
        char *code = pi_test_read(path, &clen);
        snprintf(path, sizeof path, "%s/codetable/%s.lang", PITH_TEST_DATA, names[k]);
        char *lang = pi_test_read(path, &llen);
        ck_assert_msg(html && code && lang, "missing test data for %s", names[k]);
        pith_doc *doc = extract_ok(html, len, NULL);
        const char *text = pith_doc_text(doc);
        snprintf(want, sizeof want, "\n%s\n", code);
        ck_assert_msg(strstr(text, want) != NULL, "%s: no code block in\n%s", names[k], text);
        ck_assert_msg(strstr(text, "1\n2\n3") == NULL && strstr(text, "1 2 3") == NULL &&
                          strstr(text, "1\t") == NULL,
                      "%s: the gutter in\n%s", names[k], text);

        char *md = rendered(doc, PITH_FORMAT_MARKDOWN);
        snprintf(want, sizeof want, "\n```%s\n%s\n```\n", lang, code);
        ck_assert_msg(strstr(md, want) != NULL, "%s: no fenced block in\n%s", names[k], md);
        ck_assert(k == 0 || strstr(md, "| ---") == NULL);
        pith_free(md);

        char *out = rendered(doc, PITH_FORMAT_HTML), *esc = html_escaped(code);
        if (*lang)
            snprintf(want, sizeof want, "<pre><code class=\"language-%s\">%s</code></pre>", lang,
                     esc);
        else
            snprintf(want, sizeof want, "<pre><code>%s</code></pre>", esc);
        ck_assert_msg(strstr(out, want) != NULL, "%s: no <pre> in\n%s", names[k], out);
        ck_assert_ptr_null(strstr(out, "<pre><code>1"));
        /* The one-row table of data on the first page stays a table. */
        ck_assert(k != 0 || strstr(out, "<td>2024</td>") != NULL);
        free(esc);
        pith_free(out);
        pith_doc_free(doc);
        free(html);
        free(code);
        free(lang);
    }
}
END_TEST

START_TEST(init_is_idempotent)
{
    ck_assert_int_eq(pith_init(), PITH_OK);
    ck_assert_int_eq(pith_init(), PITH_OK);
}
END_TEST

static void add(Suite *s)
{
    PI_CASE(s, versions);
    PI_CASE(s, strerror_covers_every_status);
    PI_CASE(s, options);
    PI_CASE(s, invalid_arguments);
    PI_CASE(s, empty_input_is_empty_text);
    PI_CASE(s, input_too_large);
    PI_CASE(s, limits);
    PI_CASE(s, article_without_furniture);
    PI_CASE(s, seed_page);
    PI_CASE(s, favor_moves_the_threshold);
    PI_CASE(s, confidence);
    PI_CASE(s, comments);
    PI_CASE(s, threads_agree_with_one_thread);
    PI_CASE(s, fields);
    PI_CASE(s, title_and_headline);
    PI_CASE(s, tiny_named_block_does_not_win);
    PI_CASE(s, credit_captions_go);
    PI_CASE(s, names_that_drop_everything_are_ignored);
    PI_CASE(s, scripts_extract_right);
    PI_CASE(s, relative_urls_resolve);
    PI_CASE(s, page_type_option);
    PI_CASE(s, code_tables_are_code);
    PI_CASE(s, init_is_idempotent);
}

PI_SUITE_MAIN("api", add)

/*
 * The private helpers of lib/util.h: text checks, ids, string lists.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pthread.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include <infoview/infoview.h>
#include "util.h"

#define ANY_FLAGS 0u

/* A refusal: the code, and a message that begins with the field's name. */
#define assert_refused(expr, code, field) do { \
	int rc_ = (expr); \
	const char *msg_ = iv_error_message(); \
	assert_int_equal(rc_, (code)); \
	if (strncmp(msg_, (field), strlen(field)) != 0 || msg_[strlen(field)] != ':') \
		fail_msg("message \"%s\" does not name %s", msg_, (field)); \
} while (0)

#define assert_text_refused(s, max, flags) \
	assert_refused(iv__check_text("t.f", (s), (max), (flags)), IV_EINVALID, "t.f")

#define assert_text_ok(s, max, flags) \
	assert_int_equal(iv__check_text("t.f", (s), (max), (flags)), 0)

/* --- errors --- */

static void error_sets_code_and_formatted_message(void **state)
{
	(void)state;
	assert_int_equal(iv__error(IV_ENOTFOUND, "x.%s: %d", "y", 7), IV_ENOTFOUND);
	assert_int_equal(iv_error_code(), IV_ENOTFOUND);
	assert_string_equal(iv_error_message(), "x.y: 7");
}

static void oom_sets_enomem(void **state)
{
	(void)state;
	assert_int_equal(iv__oom(), IV_ENOMEM);
	assert_int_equal(iv_error_code(), IV_ENOMEM);
}

/* --- UTF-8 --- */

static void check_text_accepts_ascii_and_multibyte_utf8(void **state)
{
	(void)state;
	assert_text_ok("plain", 100, ANY_FLAGS);
	assert_text_ok("caf\xC3\xA9", 100, ANY_FLAGS);          /* U+00E9 */
	assert_text_ok("\xE2\x82\xAC", 100, ANY_FLAGS);          /* U+20AC */
	assert_text_ok("\xF0\x9F\x98\x80", 100, ANY_FLAGS);      /* U+1F600 */
	assert_text_ok("\xEF\xBF\xBF", 100, ANY_FLAGS);          /* U+FFFF */
	assert_text_ok("\xF4\x8F\xBF\xBF", 100, ANY_FLAGS);      /* U+10FFFF */
	assert_text_ok("", 100, ANY_FLAGS);
}

static void check_text_refuses_overlong_encodings(void **state)
{
	(void)state;
	assert_text_refused("\xC0\xAF", 100, ANY_FLAGS);         /* '/' in two bytes */
	assert_text_refused("\xC1\xBF", 100, ANY_FLAGS);
	assert_text_refused("\xE0\x80\xAF", 100, ANY_FLAGS);     /* '/' in three */
	assert_text_refused("\xE0\x9F\xBF", 100, ANY_FLAGS);     /* U+07FF in three */
	assert_text_refused("\xF0\x80\x80\xAF", 100, ANY_FLAGS); /* '/' in four */
	assert_text_refused("\xF0\x8F\xBF\xBF", 100, ANY_FLAGS); /* U+FFFF in four */
}

static void check_text_refuses_surrogates(void **state)
{
	(void)state;
	assert_text_refused("\xED\xA0\x80", 100, ANY_FLAGS);     /* U+D800 */
	assert_text_refused("\xED\xBF\xBF", 100, ANY_FLAGS);     /* U+DFFF */
	assert_text_ok("\xED\x9F\xBF", 100, ANY_FLAGS);          /* U+D7FF, just below */
}

static void check_text_refuses_code_points_above_10ffff(void **state)
{
	(void)state;
	assert_text_refused("\xF4\x90\x80\x80", 100, ANY_FLAGS); /* U+110000 */
	assert_text_refused("\xF5\x80\x80\x80", 100, ANY_FLAGS);
	assert_text_refused("\xFF", 100, ANY_FLAGS);
}

static void check_text_refuses_truncated_sequences(void **state)
{
	(void)state;
	assert_text_refused("\xE2\x82", 100, ANY_FLAGS);
	assert_text_refused("a\xF0\x9F\x98", 100, ANY_FLAGS);
	assert_text_refused("\xC3x", 100, ANY_FLAGS);
	assert_text_refused("\x80", 100, ANY_FLAGS);              /* lone continuation */
}

static void check_text_message_names_the_field(void **state)
{
	(void)state;
	assert_refused(iv__check_text("contact.name", "\xC0\xAF", 100, ANY_FLAGS),
		       IV_EINVALID, "contact.name");
}

/* --- length and flags --- */

static void check_text_accepts_max_bytes_and_refuses_one_more(void **state)
{
	(void)state;
	assert_text_ok("abcd", 4, ANY_FLAGS);
	assert_text_refused("abcde", 4, ANY_FLAGS);
	/* The limit counts bytes, not characters. */
	assert_text_refused("\xC3\xA9\xC3\xA9\xC3\xA9", 5, ANY_FLAGS);
}

static void check_text_oneline_refuses_every_control_character(void **state)
{
	(void)state;
	assert_text_refused("a\nb", 100, IV__ONELINE);
	assert_text_refused("a\tb", 100, IV__ONELINE);
	assert_text_refused("a\rb", 100, IV__ONELINE);
	assert_text_refused("a\x7F", 100, IV__ONELINE);
}

static void check_text_multiline_allows_tab_newline_return_only(void **state)
{
	(void)state;
	assert_text_ok("a\nb\tc\r\n", 100, ANY_FLAGS);
	assert_text_refused("a\x01", 100, ANY_FLAGS);
	assert_text_refused("a\x1B[0m", 100, ANY_FLAGS);
	assert_text_refused("a\x7F", 100, ANY_FLAGS);
}

static void check_text_nonblank_refuses_empty_and_whitespace(void **state)
{
	(void)state;
	assert_text_refused("", 100, IV__NONBLANK);
	assert_text_refused("   ", 100, IV__NONBLANK);
	assert_text_refused(" \n\t", 100, IV__NONBLANK);
	assert_text_ok(" a ", 100, IV__NONBLANK);
	assert_text_ok("\xC3\xA9", 100, IV__NONBLANK);
}

static void check_text_nospace_refuses_spaces(void **state)
{
	(void)state;
	assert_text_refused("a b", 100, IV__NOSPACE);
	assert_text_ok("a.b", 100, IV__NOSPACE);
}

static void check_text_trimmed_refuses_leading_or_trailing_space(void **state)
{
	(void)state;
	assert_text_refused(" a", 100, IV__TRIMMED);
	assert_text_refused("a ", 100, IV__TRIMMED);
	assert_text_ok("a b", 100, IV__TRIMMED);
}

/* --- set_text --- */

static void set_text_stores_a_copy(void **state)
{
	char input[] = "hello";
	char *dst = NULL;

	(void)state;
	assert_int_equal(iv__set_text(&dst, "t.f", input, 100, ANY_FLAGS), 0);
	assert_ptr_not_equal(dst, input);
	input[0] = 'j';
	assert_string_equal(dst, "hello");
	free(dst);
}

static void set_text_null_or_empty_clears(void **state)
{
	char *dst = NULL;

	(void)state;
	assert_int_equal(iv__set_text(&dst, "t.f", "x", 100, ANY_FLAGS), 0);
	assert_int_equal(iv__set_text(&dst, "t.f", NULL, 100, ANY_FLAGS), 0);
	assert_null(dst);
	assert_int_equal(iv__set_text(&dst, "t.f", "x", 100, ANY_FLAGS), 0);
	assert_int_equal(iv__set_text(&dst, "t.f", "", 100, ANY_FLAGS), 0);
	assert_null(dst);
}

static void set_text_nonblank_refuses_null_and_empty(void **state)
{
	char *dst = NULL;

	(void)state;
	assert_refused(iv__set_text(&dst, "t.f", NULL, 100, IV__NONBLANK), IV_EINVALID, "t.f");
	assert_refused(iv__set_text(&dst, "t.f", "", 100, IV__NONBLANK), IV_EINVALID, "t.f");
	assert_null(dst);
}

static void set_text_refused_leaves_destination_unchanged(void **state)
{
	char *dst = NULL;

	(void)state;
	assert_int_equal(iv__set_text(&dst, "t.f", "keep", 100, IV__ONELINE), 0);
	assert_refused(iv__set_text(&dst, "t.f", "a\nb", 100, IV__ONELINE), IV_EINVALID, "t.f");
	assert_refused(iv__set_text(&dst, "t.f", "toolong", 4, ANY_FLAGS), IV_EINVALID, "t.f");
	assert_string_equal(dst, "keep");
	free(dst);
}

/* --- ids --- */

#define SAMPLE_ID "0190b4c2-7d3e-7a1b-9c4d-5e6f70819203"
#define SAMPLE_ID_UPPER "0190B4C2-7D3E-7A1B-9C4D-5E6F70819203"

static void id_valid_accepts_either_case(void **state)
{
	(void)state;
	assert_true(iv_id_valid(SAMPLE_ID));
	assert_true(iv_id_valid(SAMPLE_ID_UPPER));
}

static void id_valid_refuses_malformed(void **state)
{
	(void)state;
	assert_false(iv_id_valid(NULL));
	assert_false(iv_id_valid(""));
	assert_false(iv_id_valid("0190b4c2-7d3e-7a1b-9c4d-5e6f7081920"));   /* short */
	assert_false(iv_id_valid("0190b4c2-7d3e-7a1b-9c4d-5e6f708192033")); /* long */
	assert_false(iv_id_valid("0190b4c2x7d3e-7a1b-9c4d-5e6f70819203"));  /* dash */
	assert_false(iv_id_valid("0190b4c2-7d3e-7a1b-9c4d-5e6f7081920g"));  /* hex */
	assert_false(iv_id_valid("{190b4c2-7d3e-7a1b-9c4d-5e6f70819203"));
}

static void parse_id_lower_cases(void **state)
{
	char out[IV_ID_LEN + 1];

	(void)state;
	assert_int_equal(iv__parse_id(out, "t.id", SAMPLE_ID_UPPER), 0);
	assert_string_equal(out, SAMPLE_ID);
}

static void parse_id_refuses_null_empty_and_malformed(void **state)
{
	char out[IV_ID_LEN + 1];

	(void)state;
	assert_refused(iv__parse_id(out, "t.id", NULL), IV_EINVALID, "t.id");
	assert_refused(iv__parse_id(out, "t.id", ""), IV_EINVALID, "t.id");
	assert_refused(iv__parse_id(out, "t.id", "not-a-uuid"), IV_EINVALID, "t.id");
}

static void set_id_stores_lower_case_copy(void **state)
{
	char *dst = NULL;

	(void)state;
	assert_int_equal(iv__set_id(&dst, "t.id", SAMPLE_ID_UPPER, 0), 0);
	assert_string_equal(dst, SAMPLE_ID);
	free(dst);
}

static void set_id_optional_clears_with_null_or_empty(void **state)
{
	char *dst = NULL;

	(void)state;
	assert_int_equal(iv__set_id(&dst, "t.id", SAMPLE_ID, 1), 0);
	assert_int_equal(iv__set_id(&dst, "t.id", NULL, 1), 0);
	assert_null(dst);
	assert_int_equal(iv__set_id(&dst, "t.id", SAMPLE_ID, 1), 0);
	assert_int_equal(iv__set_id(&dst, "t.id", "", 1), 0);
	assert_null(dst);
}

static void set_id_required_refuses_null_and_keeps_value(void **state)
{
	char *dst = NULL;

	(void)state;
	assert_int_equal(iv__set_id(&dst, "t.id", SAMPLE_ID, 0), 0);
	assert_refused(iv__set_id(&dst, "t.id", NULL, 0), IV_EINVALID, "t.id");
	assert_refused(iv__set_id(&dst, "t.id", "", 0), IV_EINVALID, "t.id");
	assert_refused(iv__set_id(&dst, "t.id", "zz", 1), IV_EINVALID, "t.id");
	assert_string_equal(dst, SAMPLE_ID);
	free(dst);
}

static void id_generate_gives_valid_lower_case_version_7(void **state)
{
	char id[IV_ID_LEN + 1];
	size_t i;

	(void)state;
	iv__id_generate(id);
	assert_true(iv_id_valid(id));
	for (i = 0; i < IV_ID_LEN; i++)
		assert_false(id[i] >= 'A' && id[i] <= 'F');
	assert_int_equal(id[14], '7');
	assert_non_null(strchr("89ab", id[19]));
}

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void id_generate_embeds_the_current_millisecond(void **state)
{
	char id[IV_ID_LEN + 1], hex[13];
	uint64_t before, after, ms;

	(void)state;
	before = now_ms();
	iv__id_generate(id);
	after = now_ms();
	memcpy(hex, id, 8);
	memcpy(hex + 8, id + 9, 4);
	hex[12] = '\0';
	ms = strtoull(hex, NULL, 16);
	assert_in_range(ms, before, after);
}

static int compare_ids(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

/*
 * The random bits come from a per-thread pool: a child forked after its
 * parent drew from it must not hand out the ids the parent will.
 */
static void id_generate_differs_in_a_forked_child(void **state)
{
	enum { N = 40 };
	char parent[N][IV_ID_LEN + 1], child[N][IV_ID_LEN + 1];
	int fd[2], status, i, k;
	pid_t pid;

	(void)state;
	iv__id_generate(parent[0]); /* the pool is filled before the fork */
	assert_int_equal(pipe(fd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		for (i = 0; i < N; i++)
			iv__id_generate(child[i]);
		_exit(write(fd[1], child, sizeof(child)) == (ssize_t)sizeof(child) ? 0 : 1);
	}
	for (i = 0; i < N; i++)
		iv__id_generate(parent[i]);
	assert_int_equal(read(fd[0], child, sizeof(child)), (ssize_t)sizeof(child));
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(fd[0]);
	close(fd[1]);
	/* The random part (after the millisecond) never repeats across the two. */
	for (i = 0; i < N; i++)
		for (k = 0; k < N; k++)
			assert_string_not_equal(parent[i] + 14, child[k] + 14);
}

static void *ids_of_a_thread(void *out)
{
	char (*ids)[IV_ID_LEN + 1] = out;
	int i;

	for (i = 0; i < 500; i++)
		iv__id_generate(ids[i]);
	return NULL;
}

/* Each thread has a pool of its own: no two threads draw the same bits. */
static void id_generate_differs_across_threads(void **state)
{
	static char ids[4 * 500][IV_ID_LEN + 1];
	pthread_t t[4];
	int i;

	(void)state;
	for (i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, ids_of_a_thread, ids[i * 500]), 0);
	for (i = 0; i < 4; i++)
		assert_int_equal(pthread_join(t[i], NULL), 0);
	for (i = 0; i < 4 * 500; i++)
		memmove(ids[i], ids[i] + 14, IV_ID_LEN + 1 - 14);
	qsort(ids, 4 * 500, sizeof(ids[0]), compare_ids);
	for (i = 1; i < 4 * 500; i++)
		assert_string_not_equal(ids[i - 1], ids[i]);
}

static void id_generate_gives_distinct_ids(void **state)
{
	enum { N = 2000 };
	static char ids[N][IV_ID_LEN + 1];
	size_t i;

	(void)state;
	for (i = 0; i < N; i++)
		iv__id_generate(ids[i]);
	qsort(ids, N, sizeof(ids[0]), compare_ids);
	for (i = 1; i < N; i++)
		assert_string_not_equal(ids[i - 1], ids[i]);
}

static void id_generate_sorts_in_time_order_across_milliseconds(void **state)
{
	const struct timespec two_ms = { 0, 2000000L };
	char earlier[IV_ID_LEN + 1], later[IV_ID_LEN + 1];
	int round;

	(void)state;
	for (round = 0; round < 5; round++) {
		iv__id_generate(earlier);
		nanosleep(&two_ms, NULL);
		iv__id_generate(later);
		assert_true(strcmp(earlier, later) < 0);
	}
}

/* --- strings --- */

static void strdup_copies_and_passes_null_through(void **state)
{
	const char *s = "text";
	char *copy;

	(void)state;
	assert_null(iv__strdup(NULL));
	copy = iv__strdup(s);
	assert_ptr_not_equal(copy, s);
	assert_string_equal(copy, s);
	free(copy);
}

static void ascii_casecmp_ignores_ascii_case_only(void **state)
{
	(void)state;
	assert_int_equal(iv__ascii_casecmp("Hello", "hELLO"), 0);
	assert_true(iv__ascii_casecmp("\xC3\xA9", "\xC3\x89") != 0); /* é vs É */
	assert_true(iv__ascii_casecmp("I", "\xC4\xB1") != 0);        /* no Turkish i */
}

static void ascii_casecmp_orders_like_lower_case(void **state)
{
	(void)state;
	assert_true(iv__ascii_casecmp("apple", "Banana") < 0);
	assert_true(iv__ascii_casecmp("Banana", "apple") > 0);
	assert_true(iv__ascii_casecmp("ab", "ABC") < 0);
	/* '_' sits between 'Z' and 'a'; folding to lower case puts it before letters. */
	assert_true(iv__ascii_casecmp("_", "A") < 0);
}

/* --- string lists --- */

static void strlist_fill(iv__strlist *l, const char *const *items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		assert_int_equal(iv__strlist_insert(l, l->count, items[i]), 0);
}

static void assert_strlist(const iv__strlist *l, const char *const *want, size_t n)
{
	size_t i;

	assert_int_equal(l->count, n);
	for (i = 0; i < n; i++) {
		if (want[i])
			assert_string_equal(l->items[i], want[i]);
		else
			assert_null(l->items[i]);
	}
}

static void strlist_insert_places_copies_at_index(void **state)
{
	iv__strlist l = { NULL, 0, 0 };
	char b[] = "b";
	const char *const want[] = { "a", "b", "c", "d" };

	(void)state;
	assert_int_equal(iv__strlist_insert(&l, 0, "c"), 0);
	assert_int_equal(iv__strlist_insert(&l, 0, "a"), 0);
	assert_int_equal(iv__strlist_insert(&l, 1, b), 0);
	assert_int_equal(iv__strlist_insert(&l, 3, "d"), 0);
	b[0] = 'x';
	assert_strlist(&l, want, 4);
	iv__strlist_free(&l);
}

static void strlist_insert_keeps_null_entries(void **state)
{
	iv__strlist l = { NULL, 0, 0 };
	const char *const want[] = { "a", NULL };

	(void)state;
	strlist_fill(&l, want, 2);
	assert_strlist(&l, want, 2);
	iv__strlist_free(&l);
}

static void strlist_grows_past_its_first_allocation(void **state)
{
	iv__strlist l = { NULL, 0, 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 100; i++)
		assert_int_equal(iv__strlist_insert(&l, 0, "x"), 0);
	assert_int_equal(l.count, 100);
	assert_true(l.alloc >= 100);
	iv__strlist_free(&l);
}

static void strlist_remove_closes_the_gap(void **state)
{
	iv__strlist l = { NULL, 0, 0 };
	const char *const items[] = { "a", "b", "c" };
	const char *const want[] = { "a", "c" };

	(void)state;
	strlist_fill(&l, items, 3);
	iv__strlist_remove(&l, 1);
	assert_strlist(&l, want, 2);
	iv__strlist_free(&l);
}

static void strlist_move_forward(void **state)
{
	iv__strlist l = { NULL, 0, 0 };
	const char *const items[] = { "a", "b", "c", "d" };
	const char *const want[] = { "b", "c", "a", "d" };

	(void)state;
	strlist_fill(&l, items, 4);
	iv__strlist_move(&l, 0, 2);
	assert_strlist(&l, want, 4);
	iv__strlist_free(&l);
}

static void strlist_move_backward(void **state)
{
	iv__strlist l = { NULL, 0, 0 };
	const char *const items[] = { "a", "b", "c", "d" };
	const char *const want[] = { "d", "a", "b", "c" };

	(void)state;
	strlist_fill(&l, items, 4);
	iv__strlist_move(&l, 3, 0);
	assert_strlist(&l, want, 4);
	iv__strlist_free(&l);
}

static void strlist_find_nocase_ignores_case_and_skips_null(void **state)
{
	iv__strlist l = { NULL, 0, 0 };
	const char *const items[] = { "One", NULL, "two" };

	(void)state;
	strlist_fill(&l, items, 3);
	assert_int_equal(iv__strlist_find_nocase(&l, "one"), 0);
	assert_int_equal(iv__strlist_find_nocase(&l, "TWO"), 2);
	assert_int_equal(iv__strlist_find_nocase(&l, "three"), -1);
	iv__strlist_free(&l);
}

static void strlist_copy_is_deep_and_keeps_nulls(void **state)
{
	iv__strlist l = { NULL, 0, 0 }, copy = { NULL, 0, 0 };
	const char *const items[] = { "a", NULL, "c" };

	(void)state;
	strlist_fill(&l, items, 3);
	assert_int_equal(iv__strlist_copy(&copy, &l), 0);
	assert_strlist(&copy, items, 3);
	assert_ptr_not_equal(copy.items[0], l.items[0]);
	iv__strlist_free(&l);
	assert_strlist(&copy, items, 3);
	iv__strlist_free(&copy);
}

static void strlist_free_leaves_an_empty_reusable_list(void **state)
{
	iv__strlist l = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(iv__strlist_insert(&l, 0, "a"), 0);
	iv__strlist_free(&l);
	assert_null(l.items);
	assert_int_equal(l.count, 0);
	assert_int_equal(iv__strlist_insert(&l, 0, "b"), 0);
	iv__strlist_free(&l);
}

static void check_index_accepts_below_count(void **state)
{
	(void)state;
	assert_int_equal(iv__check_index("t.q", 3, 4), 0);
}

static void check_index_refuses_count_and_beyond_naming_the_field(void **state)
{
	(void)state;
	assert_refused(iv__check_index("t.q", 4, 4), IV_EINVALID, "t.q");
	assert_non_null(strstr(iv_error_message(), "4"));
	assert_refused(iv__check_index("t.q", 0, 0), IV_EINVALID, "t.q");
}

/* --- enumerations --- */

static void check_enum_accepts_known_values(void **state)
{
	(void)state;
	assert_int_equal(iv__check_enum("contact.known", "known", IV_KNOWN_COLD), 0);
	assert_int_equal(iv__check_enum("interview.medium", "medium", IV_MEDIUM_UNSET), 0);
}

static void check_enum_refuses_unknown_value_naming_field_and_value(void **state)
{
	(void)state;
	assert_int_equal(iv__check_enum("contact.known", "known", 9), IV_EINVALID);
	assert_string_equal(iv_error_message(), "contact.known: unknown value 9");
	assert_int_equal(iv__check_enum("contact.known", "known", 0), IV_EINVALID);
	assert_int_equal(iv__check_enum("contact.known", "known", -1), IV_EINVALID);
}

static void check_enum_refuses_everything_of_an_unknown_type(void **state)
{
	(void)state;
	assert_refused(iv__check_enum("x.y", "colour", 1), IV_EINVALID, "x.y");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(error_sets_code_and_formatted_message),
		cmocka_unit_test(oom_sets_enomem),
		cmocka_unit_test(check_text_accepts_ascii_and_multibyte_utf8),
		cmocka_unit_test(check_text_refuses_overlong_encodings),
		cmocka_unit_test(check_text_refuses_surrogates),
		cmocka_unit_test(check_text_refuses_code_points_above_10ffff),
		cmocka_unit_test(check_text_refuses_truncated_sequences),
		cmocka_unit_test(check_text_message_names_the_field),
		cmocka_unit_test(check_text_accepts_max_bytes_and_refuses_one_more),
		cmocka_unit_test(check_text_oneline_refuses_every_control_character),
		cmocka_unit_test(check_text_multiline_allows_tab_newline_return_only),
		cmocka_unit_test(check_text_nonblank_refuses_empty_and_whitespace),
		cmocka_unit_test(check_text_nospace_refuses_spaces),
		cmocka_unit_test(check_text_trimmed_refuses_leading_or_trailing_space),
		cmocka_unit_test(set_text_stores_a_copy),
		cmocka_unit_test(set_text_null_or_empty_clears),
		cmocka_unit_test(set_text_nonblank_refuses_null_and_empty),
		cmocka_unit_test(set_text_refused_leaves_destination_unchanged),
		cmocka_unit_test(id_valid_accepts_either_case),
		cmocka_unit_test(id_valid_refuses_malformed),
		cmocka_unit_test(parse_id_lower_cases),
		cmocka_unit_test(parse_id_refuses_null_empty_and_malformed),
		cmocka_unit_test(set_id_stores_lower_case_copy),
		cmocka_unit_test(set_id_optional_clears_with_null_or_empty),
		cmocka_unit_test(set_id_required_refuses_null_and_keeps_value),
		cmocka_unit_test(id_generate_gives_valid_lower_case_version_7),
		cmocka_unit_test(id_generate_embeds_the_current_millisecond),
		cmocka_unit_test(id_generate_gives_distinct_ids),
		cmocka_unit_test(id_generate_differs_in_a_forked_child),
		cmocka_unit_test(id_generate_differs_across_threads),
		cmocka_unit_test(id_generate_sorts_in_time_order_across_milliseconds),
		cmocka_unit_test(strdup_copies_and_passes_null_through),
		cmocka_unit_test(ascii_casecmp_ignores_ascii_case_only),
		cmocka_unit_test(ascii_casecmp_orders_like_lower_case),
		cmocka_unit_test(strlist_insert_places_copies_at_index),
		cmocka_unit_test(strlist_insert_keeps_null_entries),
		cmocka_unit_test(strlist_grows_past_its_first_allocation),
		cmocka_unit_test(strlist_remove_closes_the_gap),
		cmocka_unit_test(strlist_move_forward),
		cmocka_unit_test(strlist_move_backward),
		cmocka_unit_test(strlist_find_nocase_ignores_case_and_skips_null),
		cmocka_unit_test(strlist_copy_is_deep_and_keeps_nulls),
		cmocka_unit_test(strlist_free_leaves_an_empty_reusable_list),
		cmocka_unit_test(check_index_accepts_below_count),
		cmocka_unit_test(check_index_refuses_count_and_beyond_naming_the_field),
		cmocka_unit_test(check_enum_accepts_known_values),
		cmocka_unit_test(check_enum_refuses_unknown_value_naming_field_and_value),
		cmocka_unit_test(check_enum_refuses_everything_of_an_unknown_type),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

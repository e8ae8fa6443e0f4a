/*
 * Full-text search through the public API, run against every built-in
 * backend with the same expectations, so that both give the same hits:
 *
 *     test_search memory     (the core's scan: the memory backend has no search)
 *     test_search sqlite     (the backend's FTS5 indexes)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fixture.h"
#include <infoview/sys/backend.h> /* iv_search_hit_new(), a backend's tool */

typedef char id_buf[IV_ID_LEN + 1];

static void ok(int rc)
{
	if (rc != 0)
		fail_msg("%s: %s", iv_error_name(rc), iv_error_message());
}

/* Asserts the call failed with `code` and a message holding `needle`. */
static void refused(int rc, int code, const char *needle)
{
	assert_int_equal(rc, code);
	if (!strstr(iv_error_message(), needle))
		fail_msg("message \"%s\" lacks \"%s\"", iv_error_message(), needle);
}

/* --- Records --------------------------------------------------------------- */

static void put_contact(iv_db *db, const char *name, const char *company, const char *notes, id_buf out)
{
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, name));
	ok(iv_contact_set_company(c, company));
	ok(iv_contact_set_notes(c, notes));
	ok(iv_contact_insert(db, c));
	memcpy(out, iv_contact_id(c), sizeof(id_buf));
	iv_contact_free(c);
}

/* An interview with `contact`, its purpose and one question answered. */
static iv_interview *new_interview(const char *contact, const char *purpose, const char *answer)
{
	iv_interview *iv = NULL;

	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, contact));
	ok(iv_interview_set_purpose(iv, purpose));
	ok(iv_interview_add_question(iv, "How did you get there?"));
	if (answer)
		ok(iv_interview_set_answer(iv, 0, answer));
	return iv;
}

static void put_interview(iv_db *db, iv_interview *iv, id_buf out)
{
	ok(iv_interview_insert(db, iv));
	memcpy(out, iv_interview_id(iv), sizeof(id_buf));
	iv_interview_free(iv);
}

/* --- Hits ------------------------------------------------------------------ */

#define MAX_HITS 32

typedef struct {
	size_t n;
	int kind[MAX_HITS];
	id_buf id[MAX_HITS];
	double score[MAX_HITS];
} hits;

/* Runs a search that must succeed and collects every hit, in order. */
static void search_with(hits *h, iv_db *db, const char *q, unsigned int kinds, size_t limit,
			unsigned int flags)
{
	iv_search_options o = IV_SEARCH_OPTIONS_INIT;
	iv_search_iter *it = NULL;
	iv_search_hit *hit = NULL;
	int rc;

	memset(h, 0, sizeof(*h));
	o.kinds = kinds;
	o.limit = limit;
	o.flags = flags;
	ok(iv_search(&it, db, q, &o));
	while ((rc = iv_search_iter_next(&hit, it)) == 0) {
		assert_true(h->n < MAX_HITS);
		h->kind[h->n] = iv_search_hit_kind(hit);
		memcpy(h->id[h->n], iv_search_hit_id(hit), sizeof(id_buf));
		h->score[h->n] = iv_search_hit_score(hit);
		h->n++;
		iv_search_hit_free(hit);
	}
	assert_int_equal(rc, IV_ITEROVER);
	assert_null(hit);
	iv_search_iter_free(it);
}

static void search(hits *h, iv_db *db, const char *q, unsigned int kinds, size_t limit)
{
	search_with(h, db, q, kinds, limit, 0);
}

/* The index of `id` among the hits, or -1. */
static int find(const hits *h, const char *id)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcmp(h->id[i], id) == 0)
			return (int)i;
	return -1;
}

/* Asserts the hits are exactly the records in `ids`, in any order. */
static void expect_set(const hits *h, const char *const *ids, size_t n)
{
	size_t i;

	if (h->n != n)
		fail_msg("%u hits, expected %u", (unsigned int)h->n, (unsigned int)n);
	for (i = 0; i < n; i++)
		if (find(h, ids[i]) < 0)
			fail_msg("%s is not among the hits", ids[i]);
}

#define EXPECT_SET(h, ...) \
	expect_set((h), (const char *const[]){ __VA_ARGS__ }, \
		   sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))

static void expect_none(iv_db *db, const char *q)
{
	hits h;

	search(&h, db, q, 0, 0);
	if (h.n)
		fail_msg("\"%s\" found %u records, expected none", q, (unsigned int)h.n);
}

/* --- Matching -------------------------------------------------------------- */

static void word_prefix_finds_company(void **state)
{
	iv_fixture *fx = *state;
	id_buf dana, lee;
	hits h;

	put_contact(fx->db, "Dana Smith", "Pfizer", NULL, dana);
	put_contact(fx->db, "Lee Park", "Merck", NULL, lee);
	search(&h, fx->db, "pfi", 0, 0);
	EXPECT_SET(&h, dana);
}

static void prefix_must_begin_a_word(void **state)
{
	iv_fixture *fx = *state;
	id_buf dana;

	put_contact(fx->db, "Dana Smith", "Pfizer", NULL, dana);
	expect_none(fx->db, "izer");
	expect_none(fx->db, "pfizers");
}

static void every_word_must_match(void **state)
{
	iv_fixture *fx = *state;
	id_buf smith, jones;
	hits h;

	put_contact(fx->db, "Dana Smith", "Pfizer", NULL, smith);
	put_contact(fx->db, "Dana Jones", "Merck", NULL, jones);
	search(&h, fx->db, "dana", 0, 0);
	EXPECT_SET(&h, smith, jones);
	/* the words may match in different fields */
	search(&h, fx->db, "dana pfi", 0, 0);
	EXPECT_SET(&h, smith);
	expect_none(fx->db, "dana novartis");
}

static void case_does_not_matter(void **state)
{
	iv_fixture *fx = *state;
	id_buf dana;
	hits h;

	put_contact(fx->db, "dana smith", "PfIzEr", NULL, dana);
	search(&h, fx->db, "DANA PFIZER", 0, 0);
	EXPECT_SET(&h, dana);
	search(&h, fx->db, "Smi", 0, 0);
	EXPECT_SET(&h, dana);
}

static void punctuation_separates_words(void **state)
{
	iv_fixture *fx = *state;
	id_buf kim;
	hits h;

	put_contact(fx->db, "Kim O'Brien-Lopez", "Acme", "met at R&D day, see kim@example.com", kim);
	search(&h, fx->db, "lopez", 0, 0);
	EXPECT_SET(&h, kim);
	search(&h, fx->db, "brien", 0, 0);
	EXPECT_SET(&h, kim);
	/* the query is split the same way: "example.com" is two words */
	search(&h, fx->db, "example.com", 0, 0);
	EXPECT_SET(&h, kim);
	search(&h, fx->db, "  r&d!!  ", 0, 0);
	EXPECT_SET(&h, kim);
}

static void non_ascii_letters_are_part_of_words(void **state)
{
	iv_fixture *fx = *state;
	id_buf zoe;
	hits h;

	put_contact(fx->db, "Zoë Müller", "Café Noir", NULL, zoe);
	search(&h, fx->db, "zoë", 0, 0);
	EXPECT_SET(&h, zoe);
	search(&h, fx->db, "müll caf", 0, 0);
	EXPECT_SET(&h, zoe);
	/* accents are kept: "cafe" is another word */
	expect_none(fx->db, "cafe");
}

static void tags_and_title_are_searched(void **state)
{
	iv_fixture *fx = *state;
	iv_contact *c = NULL;
	hits h;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Ravi Shah"));
	ok(iv_contact_set_title(c, "Regulatory affairs lead"));
	ok(iv_contact_add_tag(c, "mentor"));
	ok(iv_contact_add_tag(c, "biotech"));
	ok(iv_contact_insert(fx->db, c));
	search(&h, fx->db, "regul", 0, 0);
	EXPECT_SET(&h, iv_contact_id(c));
	search(&h, fx->db, "biot", 0, 0);
	EXPECT_SET(&h, iv_contact_id(c));
	search(&h, fx->db, "mentor affairs", 0, 0);
	EXPECT_SET(&h, iv_contact_id(c));
	iv_contact_free(c);
}

static void fields_not_searched_are_not_matched(void **state)
{
	iv_fixture *fx = *state;
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Ravi Shah"));
	ok(iv_contact_set_location(c, "Basel"));
	ok(iv_contact_add_email(c, "ravi@novartis.com"));
	ok(iv_contact_insert(fx->db, c));
	iv_contact_free(c);
	expect_none(fx->db, "basel");
	expect_none(fx->db, "novartis");
}

static void no_match_ends_at_once_and_stays_ended(void **state)
{
	iv_fixture *fx = *state;
	iv_search_iter *it = NULL;
	iv_search_hit *hit = NULL;
	id_buf dana;

	put_contact(fx->db, "Dana Smith", "Pfizer", NULL, dana);
	ok(iv_search(&it, fx->db, "zzz", NULL));
	assert_int_equal(iv_search_iter_next(&hit, it), IV_ITEROVER);
	assert_int_equal(iv_search_iter_next(&hit, it), IV_ITEROVER);
	assert_null(hit);
	iv_search_iter_free(it);
}

/* --- Interviews -------------------------------------------------------------- */

static void interview_answer_is_found(void **state)
{
	iv_fixture *fx = *state;
	id_buf dana, v;
	hits h;

	put_contact(fx->db, "Dana Smith", NULL, NULL, dana);
	put_interview(fx->db, new_interview(dana, "Learn about the job", "Through a clinical trials internship"), v);
	search(&h, fx->db, "clinic intern", 0, 0);
	EXPECT_SET(&h, v);
	assert_int_equal(h.kind[0], IV_SEARCH_INTERVIEW);
}

static void interview_advice_and_resources_are_found(void **state)
{
	iv_fixture *fx = *state;
	iv_interview *iv;
	id_buf dana, v;
	hits h;

	put_contact(fx->db, "Dana Smith", NULL, NULL, dana);
	iv = new_interview(dana, "Learn about the job", NULL);
	ok(iv_interview_add_advice(iv, "Take the GCP certification"));
	ok(iv_interview_add_resource(iv, "The Regulatory Affairs Professionals Society"));
	put_interview(fx->db, iv, v);
	search(&h, fx->db, "certif", 0, 0);
	EXPECT_SET(&h, v);
	search(&h, fx->db, "professionals", 0, 0);
	EXPECT_SET(&h, v);
}

static void interview_notes_and_purpose_are_found(void **state)
{
	iv_fixture *fx = *state;
	iv_interview *iv;
	id_buf dana, v;
	hits h;

	put_contact(fx->db, "Dana Smith", NULL, NULL, dana);
	iv = new_interview(dana, "Understand pharmacovigilance", NULL);
	ok(iv_interview_set_notes(iv, "She suggested talking to Omar"));
	put_interview(fx->db, iv, v);
	search(&h, fx->db, "omar", 0, 0);
	EXPECT_SET(&h, v);
	search(&h, fx->db, "pharmacov", 0, 0);
	EXPECT_SET(&h, v);
	/* questions themselves are not searched, only their answers */
	expect_none(fx->db, "how did you get there");
}

static void kinds_mask_selects_what_is_searched(void **state)
{
	iv_fixture *fx = *state;
	id_buf dana, v;
	hits h;

	put_contact(fx->db, "Dana Oncology", NULL, NULL, dana);
	put_interview(fx->db, new_interview(dana, "Oncology careers", NULL), v);
	search(&h, fx->db, "oncology", 0, 0);
	EXPECT_SET(&h, dana, v);
	search(&h, fx->db, "oncology", IV_SEARCH_CONTACT, 0);
	EXPECT_SET(&h, dana);
	search(&h, fx->db, "oncology", IV_SEARCH_INTERVIEW, 0);
	EXPECT_SET(&h, v);
	search(&h, fx->db, "oncology", IV_SEARCH_CONTACT | IV_SEARCH_INTERVIEW, 0);
	EXPECT_SET(&h, dana, v);
}

/* --- Ranking and limits ------------------------------------------------------- */

static void name_match_ranks_above_notes_only_match(void **state)
{
	iv_fixture *fx = *state;
	id_buf by_notes, by_name;
	hits h;

	/*
	 * Inserted first, and a short record naming Kim twice, so that neither
	 * insertion order nor word counts explain the result: the field does.
	 */
	put_contact(fx->db, "Sam", NULL, "Kim, Kim", by_notes);
	put_contact(fx->db, "Kim Alexandra Lee", NULL, "An old friend from school days", by_name);
	search(&h, fx->db, "kim", 0, 0);
	assert_int_equal(h.n, 2);
	assert_string_equal(h.id[0], by_name);
	assert_string_equal(h.id[1], by_notes);
	assert_true(h.score[0] > h.score[1]);
}

static void hits_carry_kind_id_and_score(void **state)
{
	iv_fixture *fx = *state;
	id_buf dana, v;
	hits h;

	put_contact(fx->db, "Dana Smith", "Pfizer", NULL, dana);
	put_interview(fx->db, new_interview(dana, "Pfizer careers", NULL), v);
	search(&h, fx->db, "pfizer", 0, 0);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.kind[find(&h, dana)], IV_SEARCH_CONTACT);
	assert_int_equal(h.kind[find(&h, v)], IV_SEARCH_INTERVIEW);
	assert_true(h.score[0] > 0);
	assert_true(h.score[1] > 0);
	assert_true(h.score[0] >= h.score[1]);
}

/* Two name matches and three notes-only ones: a limit of 2 keeps the best two. */
static void limit_keeps_the_best_hits(void **state)
{
	iv_fixture *fx = *state;
	id_buf a, b, c, d, e;
	hits h;

	put_contact(fx->db, "Ann Lee", NULL, "Knows Jordan", a);
	put_contact(fx->db, "Jordan Park", NULL, NULL, b);
	put_contact(fx->db, "Bob Chan", NULL, "Jordan's cousin", c);
	put_contact(fx->db, "Jordan Diaz", NULL, NULL, d);
	put_contact(fx->db, "Eve Ng", NULL, "Jordan said hi", e);
	search(&h, fx->db, "jordan", 0, 0);
	assert_int_equal(h.n, 5);
	search(&h, fx->db, "jordan", 0, 2);
	EXPECT_SET(&h, b, d);
	search(&h, fx->db, "jordan", 0, 1);
	assert_int_equal(h.n, 1);
}

static void limit_applies_across_kinds(void **state)
{
	iv_fixture *fx = *state;
	id_buf a, b, v1, v2;
	hits h;

	put_contact(fx->db, "Genomics Ann", NULL, NULL, a);
	put_contact(fx->db, "Genomics Bob", NULL, NULL, b);
	put_interview(fx->db, new_interview(a, "Genomics", NULL), v1);
	put_interview(fx->db, new_interview(b, "Genomics", NULL), v2);
	search(&h, fx->db, "genomics", 0, 3);
	assert_int_equal(h.n, 3);
	search(&h, fx->db, "genomics", 0, 0);
	EXPECT_SET(&h, a, b, v1, v2);
}

/* --- Search as you type (IV_SEARCH_UNRANKED) ------------------------------------ */

/* Twelve contacts and six interviews that all match "jordan". */
static void put_many_jordans(iv_db *db, id_buf ids[18])
{
	char name[32];
	int i;

	for (i = 0; i < 12; i++) {
		snprintf(name, sizeof(name), "Jordan %c", 'A' + i);
		put_contact(db, name, NULL, i % 2 ? "met Jordan at a fair" : NULL, ids[i]);
	}
	for (i = 0; i < 6; i++)
		put_interview(db, new_interview(ids[i], "Jordan's path into biotech", NULL), ids[12 + i]);
}

static void unranked_search_stops_at_the_limit(void **state)
{
	iv_fixture *fx = *state;
	id_buf ids[18];
	hits all, h;
	size_t i;

	put_many_jordans(fx->db, ids);
	search(&all, fx->db, "jordan", 0, 0);
	assert_int_equal(all.n, 18);
	search_with(&h, fx->db, "jordan", 0, 5, IV_SEARCH_UNRANKED);
	assert_int_equal(h.n, 5);
	for (i = 0; i < h.n; i++) {
		int at = find(&all, h.id[i]);
		assert_true(at >= 0);
		/* The same record has the same score either way. */
		assert_true(h.score[i] == all.score[at]);
		assert_int_equal(find(&h, h.id[i]), (int)i); /* no hit twice */
	}
}

static void unranked_search_under_the_limit_finds_every_match(void **state)
{
	iv_fixture *fx = *state;
	id_buf a, b, c, d;
	hits h;

	put_contact(fx->db, "Pat Kim", "Pfizer", NULL, a);
	put_contact(fx->db, "Lee Wu", NULL, "Pat's friend", b);
	put_contact(fx->db, "Sam Roe", NULL, NULL, c);
	put_interview(fx->db, new_interview(c, "ask Pat about oncology", NULL), d);
	search_with(&h, fx->db, "pat", 0, 10, IV_SEARCH_UNRANKED);
	EXPECT_SET(&h, a, b, d);
}

static void unranked_flag_without_a_limit_ranks_as_usual(void **state)
{
	iv_fixture *fx = *state;
	id_buf ids[18];
	hits ranked, h;
	size_t i;

	put_many_jordans(fx->db, ids);
	search(&ranked, fx->db, "jordan", 0, 0);
	search_with(&h, fx->db, "jordan", 0, 0, IV_SEARCH_UNRANKED);
	assert_int_equal(h.n, ranked.n);
	for (i = 0; i < h.n; i++)
		assert_string_equal(h.id[i], ranked.id[i]);
}

static void unknown_flags_are_refused(void **state)
{
	iv_fixture *fx = *state;
	iv_search_options o = IV_SEARCH_OPTIONS_INIT;
	iv_search_iter *it = NULL;

	o.flags = IV_SEARCH_UNRANKED | 0x10u;
	refused(iv_search(&it, fx->db, "pfizer", &o), IV_EINVALID, "search_options.flags");
	assert_null(it);
}

/* --- Kept in step with writes ------------------------------------------------ */

static void rename_is_reflected(void **state)
{
	iv_fixture *fx = *state;
	iv_contact *c = NULL;
	id_buf dana;
	hits h;

	put_contact(fx->db, "Dana Smith", "Pfizer", NULL, dana);
	ok(iv_contact_lookup(&c, fx->db, dana));
	ok(iv_contact_set_name(c, "Dana Brown"));
	ok(iv_contact_update(fx->db, c));
	iv_contact_free(c);
	expect_none(fx->db, "smith");
	search(&h, fx->db, "brown", 0, 0);
	EXPECT_SET(&h, dana);
	search(&h, fx->db, "pfizer", 0, 0);
	EXPECT_SET(&h, dana);
}

static void update_of_other_fields_keeps_record_found(void **state)
{
	iv_fixture *fx = *state;
	iv_contact *c = NULL;
	id_buf dana;
	hits h;

	put_contact(fx->db, "Dana Smith", "Pfizer", NULL, dana);
	ok(iv_contact_lookup(&c, fx->db, dana));
	ok(iv_contact_set_location(c, "Boston"));
	ok(iv_contact_set_last_interaction(c, IV_FIXTURE_T0));
	ok(iv_contact_update(fx->db, c));
	iv_contact_free(c);
	search(&h, fx->db, "smith pfizer", 0, 0);
	EXPECT_SET(&h, dana);
}

static void delete_is_reflected(void **state)
{
	iv_fixture *fx = *state;
	id_buf dana, lee;
	hits h;

	put_contact(fx->db, "Dana Smith", "Pfizer", NULL, dana);
	put_contact(fx->db, "Lee Smith", "Pfizer", NULL, lee);
	ok(iv_contact_delete(fx->db, dana, IV_DELETE_DEFAULT));
	search(&h, fx->db, "smith", 0, 0);
	EXPECT_SET(&h, lee);
}

static void interview_answer_change_is_reflected(void **state)
{
	iv_fixture *fx = *state;
	iv_interview *iv = NULL;
	id_buf dana, v;
	hits h;

	put_contact(fx->db, "Dana Smith", NULL, NULL, dana);
	put_interview(fx->db, new_interview(dana, "Careers", "Started in marketing"), v);
	ok(iv_interview_lookup(&iv, fx->db, v));
	ok(iv_interview_set_answer(iv, 0, "Started in finance"));
	ok(iv_interview_add_advice(iv, "Network at conferences"));
	ok(iv_interview_update(fx->db, iv));
	iv_interview_free(iv);
	expect_none(fx->db, "marketing");
	search(&h, fx->db, "financ confer", 0, 0);
	EXPECT_SET(&h, v);
}

static void interview_delete_is_reflected(void **state)
{
	iv_fixture *fx = *state;
	id_buf dana, v;

	put_contact(fx->db, "Dana Smith", NULL, NULL, dana);
	put_interview(fx->db, new_interview(dana, "Careers", "Started in marketing"), v);
	ok(iv_interview_delete(fx->db, v, IV_DELETE_DEFAULT));
	expect_none(fx->db, "marketing");
}

static void rolled_back_insert_is_not_found(void **state)
{
	iv_fixture *fx = *state;
	id_buf dana, lee;
	hits h;

	put_contact(fx->db, "Dana Smith", NULL, NULL, dana);
	ok(iv_db_begin(fx->db));
	put_contact(fx->db, "Lee Smith", NULL, NULL, lee);
	search(&h, fx->db, "smith", 0, 0);
	EXPECT_SET(&h, dana, lee);
	ok(iv_db_rollback(fx->db));
	search(&h, fx->db, "smith", 0, 0);
	EXPECT_SET(&h, dana);
	expect_none(fx->db, "lee");
}

static void rolled_back_interview_edit_is_undone(void **state)
{
	iv_fixture *fx = *state;
	iv_interview *iv = NULL;
	id_buf dana, v;
	hits h;

	put_contact(fx->db, "Dana Smith", NULL, NULL, dana);
	put_interview(fx->db, new_interview(dana, "Careers", "Started in marketing"), v);
	ok(iv_db_begin(fx->db));
	ok(iv_interview_lookup(&iv, fx->db, v));
	ok(iv_interview_set_answer(iv, 0, "Started in finance"));
	ok(iv_interview_update(fx->db, iv));
	iv_interview_free(iv);
	ok(iv_db_rollback(fx->db));
	expect_none(fx->db, "finance");
	search(&h, fx->db, "marketing", 0, 0);
	EXPECT_SET(&h, v);
}

/* --- Refusals ------------------------------------------------------------------ */

static void query_without_words_is_refused(void **state)
{
	iv_fixture *fx = *state;
	iv_search_iter *it = (iv_search_iter *)&it; /* anything but NULL */

	refused(iv_search(&it, fx->db, "", NULL), IV_EINVALID, "query: no word to search for");
	assert_null(it);
	refused(iv_search(&it, fx->db, "  -- !? ", NULL), IV_EINVALID, "query: no word to search for");
	assert_null(it);
}

static void invalid_utf8_query_is_refused(void **state)
{
	iv_fixture *fx = *state;
	iv_search_iter *it = NULL;

	refused(iv_search(&it, fx->db, "caf\xc3", NULL), IV_EINVALID, "query");
	refused(iv_search(&it, fx->db, "\xff\xfe pfizer", NULL), IV_EINVALID, "UTF-8");
	assert_null(it);
}

static void unknown_options_version_is_refused(void **state)
{
	iv_fixture *fx = *state;
	iv_search_options o = IV_SEARCH_OPTIONS_INIT;
	iv_search_iter *it = NULL;

	o.version = iv_struct_version("iv_search_options") + 1 /* one the library does not know */;
	refused(iv_search(&it, fx->db, "pfizer", &o), IV_EVERSION, "version");
	o.version = 0;
	refused(iv_search(&it, fx->db, "pfizer", &o), IV_EVERSION, "version");
	assert_null(it);
}

static void unknown_kinds_are_refused(void **state)
{
	iv_fixture *fx = *state;
	iv_search_options o = IV_SEARCH_OPTIONS_INIT;
	iv_search_iter *it = NULL;

	o.kinds = IV_SEARCH_CONTACT | 0x8u;
	refused(iv_search(&it, fx->db, "pfizer", &o), IV_EINVALID, "search_options.kinds");
	assert_null(it);
}

static void options_init_sets_defaults_and_checks_version(void **state)
{
	iv_search_options o;

	(void)state;
	memset(&o, 0x5a, sizeof(o));
	ok(iv_search_options_init(&o, IV_SEARCH_OPTIONS_VERSION));
	assert_int_equal(o.version, IV_SEARCH_OPTIONS_VERSION);
	assert_int_equal(o.kinds, 0);
	assert_int_equal(o.limit, 0);
	assert_int_equal(o.flags, 0);
	refused(iv_search_options_init(&o, 99), IV_EVERSION, "version 99");
	refused(iv_search_options_init(&o, 0), IV_EVERSION, "version 0");
}

static void hit_new_checks_its_fields(void **state)
{
	iv_search_hit *hit = NULL;

	(void)state;
	ok(iv_search_hit_new(&hit, IV_SEARCH_INTERVIEW, "0190A5C0-0000-7000-8000-000000000001", 2.5));
	assert_int_equal(iv_search_hit_kind(hit), IV_SEARCH_INTERVIEW);
	assert_string_equal(iv_search_hit_id(hit), "0190a5c0-0000-7000-8000-000000000001");
	assert_true(iv_search_hit_score(hit) == 2.5);
	iv_search_hit_free(hit);
	hit = NULL;
	refused(iv_search_hit_new(&hit, IV_SEARCH_CONTACT | IV_SEARCH_INTERVIEW,
				  "0190a5c0-0000-7000-8000-000000000001", 1), IV_EINVALID, "search_hit.kind");
	refused(iv_search_hit_new(&hit, IV_SEARCH_CONTACT, "pfizer", 1), IV_EINVALID, "search_hit.id");
	assert_null(hit);
}

int main(int argc, char **argv)
{
#define T(name) cmocka_unit_test_setup_teardown(name, iv_fixture_setup, iv_fixture_teardown)
	const struct CMUnitTest tests[] = {
		T(word_prefix_finds_company),
		T(prefix_must_begin_a_word),
		T(every_word_must_match),
		T(case_does_not_matter),
		T(punctuation_separates_words),
		T(non_ascii_letters_are_part_of_words),
		T(tags_and_title_are_searched),
		T(fields_not_searched_are_not_matched),
		T(no_match_ends_at_once_and_stays_ended),
		T(interview_answer_is_found),
		T(interview_advice_and_resources_are_found),
		T(interview_notes_and_purpose_are_found),
		T(kinds_mask_selects_what_is_searched),
		T(name_match_ranks_above_notes_only_match),
		T(hits_carry_kind_id_and_score),
		T(limit_keeps_the_best_hits),
		T(limit_applies_across_kinds),
		T(unranked_search_stops_at_the_limit),
		T(unranked_search_under_the_limit_finds_every_match),
		T(unranked_flag_without_a_limit_ranks_as_usual),
		T(unknown_flags_are_refused),
		T(rename_is_reflected),
		T(update_of_other_fields_keeps_record_found),
		T(delete_is_reflected),
		T(interview_answer_change_is_reflected),
		T(interview_delete_is_reflected),
		T(rolled_back_insert_is_not_found),
		T(rolled_back_interview_edit_is_undone),
		T(query_without_words_is_refused),
		T(invalid_utf8_query_is_refused),
		T(unknown_options_version_is_refused),
		T(unknown_kinds_are_refused),
		T(options_init_sets_defaults_and_checks_version),
		T(hit_new_checks_its_fields),
	};
#undef T

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

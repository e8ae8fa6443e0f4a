/*
 * The network without a snapshot (issue 10): iv_db_path(), iv_db_degree()
 * and iv_db_company_paths() give exactly what iv_network_load() and its
 * queries give, on random networks with many ties, on each backend:
 *
 *     test_network_walk memory
 *     test_network_walk sqlite
 *
 * and on the same backends without some of their optional operations, so
 * that the core's other ways of walking give the same answers too.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <infoview/infoview.h>
#include <infoview/sys/backend.h>

#include "fixture.h"

typedef char id_t_[IV_ID_LEN + 1];

#define COMPANIES 4

static const char *const companies[COMPANIES] = { "Acme", "Globex", "Initech", "Umbrella" };
/* The same companies spelled otherwise: a company matches ASCII case-insensitively. */
static const char *const respelled[COMPANIES] = { "ACME", "globex", "INITECH", "umbrella" };

static uint64_t rng;
/* How many contacts compare() saw at each degree (0: unreachable), up to 4+. */
static size_t seen_at[5];

static unsigned int next(unsigned int n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned int)(rng % n);
}

/* Asserts that two paths are the same, hop by hop; either may be NULL. */
static void assert_same_path(const iv_path *a, const iv_path *b)
{
	size_t i;

	assert_int_equal(iv_path_length(a), iv_path_length(b));
	for (i = 0; i < iv_path_length(a); i++) {
		assert_string_equal(iv_path_contact_at(a, i), iv_path_contact_at(b, i));
		if (i)
			assert_string_equal(iv_path_intro_at(a, i), iv_path_intro_at(b, i));
	}
}

/*
 * A random network of `n` contacts: few distinct interaction times (so that
 * paths tie on them and fall to ids), pairs introduced several times in
 * every status at several times, cycles, and contacts nobody leads to.
 */
static void random_network(iv_fixture *fx, size_t n, id_t_ *ids)
{
	size_t i, k, intros = 2 * n + next((unsigned int)n);

	for (i = 0; i < n; i++) {
		static const int known[] = { IV_KNOWN_DIRECT, IV_KNOWN_INTRODUCED, IV_KNOWN_INTRODUCED, IV_KNOWN_COLD };
		iv_contact *c = NULL;
		char name[32];

		snprintf(name, sizeof(name), "Person %zu", i);
		ok(iv_contact_new(&c));
		ok(iv_contact_set_name(c, name));
		if (next(5)) {
			unsigned int co = next(COMPANIES);

			ok(iv_contact_set_company(c, next(3) ? companies[co] : respelled[co]));
		}
		ok(iv_contact_set_known(c, i ? known[next(4)] : IV_KNOWN_DIRECT));
		ok(iv_contact_set_last_interaction(c, next(3) ? IV_FIXTURE_T0 - (iv_time)next(3) * 86400 : 0));
		ok(iv_contact_insert(fx->db, c));
		memcpy(ids[i], iv_contact_id(c), IV_ID_LEN + 1);
		iv_contact_free(c);
	}
	for (k = 0; k < intros; k++) {
		size_t by = next((unsigned int)n), to = next((unsigned int)n);
		iv_intro *in = NULL;

		if (by == to)
			continue;
		fx->now = IV_FIXTURE_T0 + (iv_time)next(4) * 3600;
		ok(iv_intro_new(&in));
		ok(iv_intro_set_introducer(in, ids[by]));
		ok(iv_intro_set_introduced(in, ids[to]));
		ok(iv_intro_set_status(in, (int)next(4) + 1));
		if (iv_intro_status(in) == IV_INTRO_MADE && next(2))
			ok(iv_intro_set_made_at(in, IV_FIXTURE_T0 - (iv_time)next(3) * 86400));
		ok(iv_intro_insert(fx->db, in));
		iv_intro_free(in);
	}
	fx->now = IV_FIXTURE_T0;
}

static void compare(iv_db *db, size_t n, id_t_ *ids)
{
	iv_network *net = NULL;
	size_t i, c, reached = 0;

	ok(iv_network_load(&net, db));
	for (i = 0; i < n; i++) {
		iv_path *a = NULL, *b = NULL;
		int da = -1, db_ = -1, ra, rb;

		ok(iv_network_degree(&da, net, ids[i]));
		ok(iv_db_degree(&db_, db, ids[i]));
		assert_int_equal(da, db_);
		ra = iv_network_path(&a, net, ids[i]);
		rb = iv_db_path(&b, db, ids[i]);
		assert_int_equal(ra, rb);
		assert_int_equal(ra == 0, da > 0);
		assert_same_path(a, b);
		reached += da > 0;
		seen_at[da < 4 ? da : 4]++;
		iv_path_free(a);
		iv_path_free(b);
	}
	for (c = 0; c < COMPANIES; c++) {
		iv_path_iter *ia = NULL, *ib = NULL;
		iv_path *a = NULL, *b = NULL;
		int ra, rb;

		/* The snapshot answers from its company index, asked in the other spelling. */
		ok(iv_network_company_paths(&ia, net, respelled[c]));
		ok(iv_db_company_paths(&ib, db, companies[c]));
		do {
			ra = iv_path_iter_next(&a, ia);
			rb = iv_path_iter_next(&b, ib);
			assert_int_equal(ra, rb);
			assert_same_path(a, b);
			iv_path_free(a);
			iv_path_free(b);
			a = b = NULL;
		} while (ra == 0);
		iv_path_iter_free(ia);
		iv_path_iter_free(ib);
	}
	/* The networks are not degenerate: some contacts are reached, some not. */
	assert_true(reached > 0);
	iv_network_free(net);
}

static void same_answers_on_random_networks(void **state)
{
	static const size_t sizes[] = { 2, 5, 12, 30, 60 };
	size_t s;

	(void)state;
	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		unsigned int seed;
		for (seed = 1; seed <= 12; seed++) {
			void *fxs = NULL;
			id_t_ *ids = calloc(sizes[s], sizeof(*ids));

			assert_non_null(ids);
			rng = 0x9e3779b97f4a7c15u * (seed + 100 * s) + 1;
			assert_int_equal(iv_fixture_setup(&fxs), 0);
			random_network(fxs, sizes[s], ids);
			compare(((iv_fixture *)fxs)->db, sizes[s], ids);
			iv_fixture_teardown(&fxs);
			free(ids);
		}
	}
	/* The networks were not degenerate: every degree and unreachable contacts. */
	for (s = 0; s < 5; s++)
		assert_true(seen_at[s] > 0);
}

/* Ties everywhere: every contact with the same time, so ids decide. */
static void same_answers_when_every_time_ties(void **state)
{
	iv_fixture *fx = *state;
	id_t_ ids[24];
	size_t i;

	rng = 42;
	for (i = 0; i < 24; i++)
		iv_fixture_contact(fx->db, "Same", companies[i % 2], i < 4 ? IV_KNOWN_DIRECT : IV_KNOWN_INTRODUCED, ids[i]);
	for (i = 0; i < 80; i++) {
		size_t by = next(24), to = next(24);
		if (by != to)
			iv_fixture_intro(fx->db, ids[by], ids[to], IV_INTRO_MADE, NULL);
	}
	compare(fx->db, 24, ids);
}

/*
 * Ids stored in descending order (given by the caller): the snapshot reads
 * them far out of order and must still find each one.
 */
static void ids_stored_out_of_order(void **state)
{
	iv_fixture *fx = *state;
	id_t_ ids[300];
	size_t i;

	rng = 7;
	for (i = 0; i < 300; i++) {
		iv_contact *c = NULL;

		snprintf(ids[i], sizeof(ids[i]), "01900000-0000-7000-8000-%012zx", (size_t)(1000 - i));
		ok(iv_contact_new(&c));
		ok(iv_contact_set_id(c, ids[i]));
		ok(iv_contact_set_name(c, "Backwards"));
		ok(iv_contact_set_company(c, companies[i % COMPANIES]));
		ok(iv_contact_set_known(c, i % 7 ? IV_KNOWN_INTRODUCED : IV_KNOWN_DIRECT));
		ok(iv_contact_insert(fx->db, c));
		iv_contact_free(c);
	}
	for (i = 0; i < 600; i++) {
		size_t by = next(300), to = next(300);
		if (by != to)
			iv_fixture_intro(fx->db, ids[by], ids[to], IV_INTRO_MADE, NULL);
	}
	compare(fx->db, 300, ids);
}

static void errors_match_the_snapshot(void **state)
{
	iv_fixture *fx = *state;
	const char *unknown = "0190a0b0-0000-7000-8000-000000000001";
	iv_path_iter *it = NULL;
	iv_path *p = NULL;
	id_t_ a, b;
	int d = -1;

	iv_fixture_contact(fx->db, "Ada", "Acme", IV_KNOWN_COLD, a);
	iv_fixture_contact(fx->db, "Bob", "Acme", IV_KNOWN_DIRECT, b);
	check(iv_db_degree(&d, fx->db, unknown), IV_ENOTFOUND);
	assert_int_equal(d, 0);
	assert_non_null(strstr(iv_error_message(), "not found"));
	check(iv_db_path(&p, fx->db, unknown), IV_ENOTFOUND);
	assert_null(p);
	check(iv_db_degree(&d, fx->db, "not-an-id"), IV_EINVALID);
	check(iv_db_path(&p, fx->db, NULL), IV_EINVALID);
	check(iv_db_path(NULL, fx->db, a), IV_EINVALID);
	check(iv_db_degree(&d, NULL, a), IV_EINVALID);
	check(iv_db_path(&p, fx->db, a), IV_ENOTFOUND);
	assert_non_null(strstr(iv_error_message(), "no introduction path reaches contact"));
	assert_non_null(strstr(iv_error_message(), "Ada"));
	ok(iv_db_degree(&d, fx->db, a));
	assert_int_equal(d, 0);
	check(iv_db_company_paths(&it, fx->db, ""), IV_EINVALID);
	check(iv_db_company_paths(&it, fx->db, NULL), IV_EINVALID);
	assert_null(it);
	ok(iv_db_company_paths(&it, fx->db, "ACME"));
	ok(iv_path_iter_next(&p, it));
	assert_string_equal(iv_path_target(p), b);
	iv_path_free(p);
	check(iv_path_iter_next(&p, it), IV_ITEROVER);
	iv_path_iter_free(it);
	ok(iv_db_company_paths(&it, fx->db, "Nobody Inc"));
	check(iv_path_iter_next(&p, it), IV_ITEROVER);
	iv_path_iter_free(it);
}

static int fixture_clock(iv_time *now, void *payload)
{
	*now = ((const iv_fixture *)payload)->now;
	return 0;
}

/*
 * The PostgreSQL backend has no constructor in the public API to strip
 * (it is opened by name only): its runs skip the tests that strip one.
 */
static void skip_without_a_constructor(void)
{
	if (strcmp(iv_fixture_backend, "postgresql") == 0)
		skip();
}

/*
 * Reopens the fixture's store on a backend without network_company()
 * (`strip` 1), or without network_node() and intros_to_key() as well (2:
 * walks by ids through intros_to()), or without intros_to() either (3:
 * through the listings, as for an older backend).
 */
static void open_stripped(iv_fixture *fx, int strip)
{
	iv_backend *be = NULL;
	char path[600];

	iv_db_free(fx->db);
	fx->db = NULL;
	if (strcmp(iv_fixture_backend, "memory") == 0) {
		ok(iv_backend_memory_new(&be));
	} else {
		snprintf(path, sizeof(path), "%s/stripped.db", fx->dir);
		ok(iv_backend_sqlite_new(&be, path));
	}
	be->network_company = NULL;
	if (strip > 1)
		be->network_node = NULL, be->intros_to_key = NULL;
	if (strip > 2)
		be->intros_to = NULL;
	ok(iv_db_open_backend(&fx->db, be));
	ok(iv_db_set_clock(fx->db, fixture_clock, fx));
}

static void same_answers_without_optional_operations(void **state)
{
	static const size_t sizes[] = { 12, 40 };
	int strip;
	size_t s;

	(void)state;
	skip_without_a_constructor();
	for (strip = 1; strip <= 3; strip++) {
		for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			unsigned int seed;
			for (seed = 1; seed <= 4; seed++) {
				void *fxs = NULL;
				id_t_ *ids = calloc(sizes[s], sizeof(*ids));

				assert_non_null(ids);
				rng = 0x9e3779b97f4a7c15u * (seed + 100 * s + 1000 * (size_t)strip) + 1;
				assert_int_equal(iv_fixture_setup(&fxs), 0);
				open_stripped(fxs, strip);
				random_network(fxs, sizes[s], ids);
				compare(((iv_fixture *)fxs)->db, sizes[s], ids);
				iv_fixture_teardown(&fxs);
				free(ids);
			}
		}
	}
}

/* The errors are the same whichever way the core walks. */
static void errors_without_optional_operations(void **state)
{
	iv_fixture *fx = *state;
	iv_path *p = NULL;
	iv_path_iter *it = NULL;
	id_t_ a;
	int strip;

	skip_without_a_constructor();
	for (strip = 1; strip <= 3; strip++) {
		open_stripped(fx, strip);
		iv_fixture_contact(fx->db, "Ada Unreached", "Acme", IV_KNOWN_COLD, a);
		check(iv_db_path(&p, fx->db, "0190a0b0-0000-7000-8000-000000000001"), IV_ENOTFOUND);
		assert_non_null(strstr(iv_error_message(), "not found"));
		check(iv_db_path(&p, fx->db, a), IV_ENOTFOUND);
		assert_non_null(strstr(iv_error_message(), "no introduction path reaches contact"));
		assert_non_null(strstr(iv_error_message(), "Ada Unreached"));
		check(iv_db_company_paths(&it, fx->db, "Bad\ncompany"), IV_EINVALID);
		assert_null(it);
		ok(iv_db_company_paths(&it, fx->db, "acme"));
		check(iv_path_iter_next(&p, it), IV_ITEROVER);
		iv_path_iter_free(it);
	}
}

#define T(name) cmocka_unit_test_setup_teardown(name, iv_fixture_setup, iv_fixture_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_answers_on_random_networks),
		T(same_answers_when_every_time_ties),
		T(ids_stored_out_of_order),
		T(errors_match_the_snapshot),
		cmocka_unit_test(same_answers_without_optional_operations),
		T(errors_without_optional_operations),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

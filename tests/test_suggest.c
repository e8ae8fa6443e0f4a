/*
 * Whom a nudge to reach out to someone else suggests (issue 10): found
 * without loading the network (the company's contacts walked back, the
 * best contacts known directly from one scan of the contacts), yet the same
 * people in the same order as the whole network gives them, on random
 * networks with many ties, on each backend, and on a backend without
 * network_scan() (the core's fallback):
 *
 *     test_suggest memory
 *     test_suggest sqlite
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
#include <strings.h>

#include <infoview/infoview.h>
#include <infoview/sys/backend.h>

#include "fixture.h"

typedef char id_t_[IV_ID_LEN + 1];

#define MAX_SUGGESTED 3

static const char *const companies[] = { "Acme", "ACME", "Globex", "Initech" };
/* Few names, some the same but for case: the order falls to names, then to ids. */
static const char *const names[] = { "Alex Kim", "alex kim", "Blake Chen", "BLAKE CHEN", "Casey Jones", "Dana Smith" };

static uint64_t rng;

static unsigned int next(unsigned int n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned int)(rng % n);
}

/*
 * `n` contacts (a share `direct` of 32 known directly), few distinct
 * interaction times, random introductions in every status, and some
 * interviews requested or scheduled (whose people are never suggested).
 */
static void random_network(iv_fixture *fx, size_t n, unsigned int direct, id_t_ *ids)
{
	size_t i, k, intros = 2 * n;

	for (i = 0; i < n; i++) {
		iv_contact *c = NULL;

		ok(iv_contact_new(&c));
		ok(iv_contact_set_name(c, names[next(sizeof(names) / sizeof(names[0]))]));
		if (next(4))
			ok(iv_contact_set_company(c, companies[next(sizeof(companies) / sizeof(companies[0]))]));
		ok(iv_contact_set_known(c, next(32) < direct ? IV_KNOWN_DIRECT : next(2) ? IV_KNOWN_INTRODUCED : IV_KNOWN_COLD));
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
		ok(iv_intro_new(&in));
		ok(iv_intro_set_introducer(in, ids[by]));
		ok(iv_intro_set_introduced(in, ids[to]));
		ok(iv_intro_set_status(in, (int)next(4) + 1));
		ok(iv_intro_insert(fx->db, in));
		iv_intro_free(in);
	}
	for (k = 0; k < n / 10; k++) {
		iv_interview *iv = NULL;

		ok(iv_interview_new(&iv));
		ok(iv_interview_set_contact(iv, ids[next((unsigned int)n)]));
		ok(iv_interview_set_status(iv, next(2) ? IV_INTERVIEW_REQUESTED : IV_INTERVIEW_SCHEDULED));
		ok(iv_interview_insert(fx->db, iv));
		iv_interview_free(iv);
	}
}

/* --- The suggestions as the whole network gives them ---------------------- */

typedef struct {
	id_t_ id;
	int degree;
	iv_time last;
	size_t order;
} candidate;

static int candidate_cmp(const void *pa, const void *pb)
{
	const candidate *a = pa, *b = pb;

	if (a->degree != b->degree)
		return a->degree - b->degree;
	if (a->last != b->last)
		return a->last > b->last ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

static int among(id_t_ *list, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], id) == 0)
			return 1;
	return 0;
}

/* Adds the people of the interviews in `status` to `skip`. */
static void add_busy(id_t_ *skip, size_t *nskip, size_t cap, iv_db *db, int status)
{
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	iv_interview_iter *it = NULL;
	iv_interview *iv = NULL;
	int rc;

	f.status = status;
	ok(iv_interview_list(&it, db, &f));
	while ((rc = iv_interview_iter_next(&iv, it)) == 0) {
		assert_true(*nskip < cap);
		memcpy(skip[(*nskip)++], iv_interview_contact(iv), IV_ID_LEN + 1);
		iv_interview_free(iv);
	}
	check(rc, IV_ITEROVER);
	iv_interview_iter_free(it);
}

/*
 * The rule of the draft (draft.h), from a snapshot: at the company first as
 * iv_network_company_paths() orders them, then everyone else at degree 1 or
 * 2, nearer first, then the most recent interaction, then as listed.
 */
static size_t expected(id_t_ out[MAX_SUGGESTED], iv_db *db, const char *waiting, size_t n)
{
	iv_network *net = NULL;
	iv_contact *target = NULL, *c = NULL;
	iv_contact_iter *cit = NULL;
	iv_path_iter *pit = NULL;
	iv_path *p = NULL;
	id_t_ *skip = calloc(n + 1, sizeof(*skip));
	candidate *all = calloc(n, sizeof(*all));
	size_t nskip = 0, count = 0, got = 0, order = 0, i;
	const char *company;
	int rc, degree;

	assert_non_null(skip);
	assert_non_null(all);
	ok(iv_contact_lookup(&target, db, waiting));
	company = iv_contact_company(target);
	memcpy(skip[nskip++], waiting, IV_ID_LEN + 1);
	add_busy(skip, &nskip, n + 1, db, IV_INTERVIEW_REQUESTED);
	add_busy(skip, &nskip, n + 1, db, IV_INTERVIEW_SCHEDULED);
	ok(iv_network_load(&net, db));
	if (company) {
		ok(iv_network_company_paths(&pit, net, company));
		while (got < MAX_SUGGESTED && (rc = iv_path_iter_next(&p, pit)) == 0) {
			if (iv_path_length(p) <= 2 && !among(skip, nskip, iv_path_target(p)))
				memcpy(out[got++], iv_path_target(p), IV_ID_LEN + 1);
			iv_path_free(p);
		}
		iv_path_iter_free(pit);
	}
	ok(iv_contact_list(&cit, db, NULL));
	while ((rc = iv_contact_iter_next(&c, cit)) == 0) {
		const char *id = iv_contact_id(c), *at = iv_contact_company(c);

		ok(iv_network_degree(&degree, net, id));
		if (degree >= 1 && degree <= 2 && !(company && at && strcasecmp(company, at) == 0) &&
		    !among(skip, nskip, id) && !among(out, got, id)) {
			memcpy(all[count].id, id, IV_ID_LEN + 1);
			all[count].degree = degree;
			all[count].last = iv_contact_last_interaction(c);
			all[count].order = order;
			count++;
		}
		order++;
		iv_contact_free(c);
	}
	check(rc, IV_ITEROVER);
	iv_contact_iter_free(cit);
	qsort(all, count, sizeof(*all), candidate_cmp);
	for (i = 0; i < count && got < MAX_SUGGESTED; i++)
		memcpy(out[got++], all[i].id, IV_ID_LEN + 1);
	free(all);
	free(skip);
	iv_network_free(net);
	iv_contact_free(target);
	return got;
}

/* Asserts that the draft of a nudge to reach out instead of `waiting` suggests what expected() says. */
static void assert_suggests_as_the_network(iv_db *db, const char *waiting, size_t n)
{
	id_t_ want[MAX_SUGGESTED];
	iv_followup *fu = NULL;
	iv_draft *d = NULL;
	size_t count, i;

	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, waiting));
	ok(iv_followup_set_kind(fu, IV_FOLLOWUP_NUDGE));
	ok(iv_followup_set_rule(fu, "nudge_other:test"));
	ok(iv_followup_set_due(fu, IV_FIXTURE_T0 + 86400));
	ok(iv_followup_insert(db, fu));
	ok(iv_draft_followup(&d, db, iv_followup_id(fu), NULL));
	count = expected(want, db, waiting, n);
	if (iv_draft_suggestion_count(d) != count)
		fail_msg("%zu suggested, expected %zu", iv_draft_suggestion_count(d), count);
	for (i = 0; i < count; i++)
		assert_string_equal(iv_draft_suggestion_at(d, i), want[i]);
	iv_draft_free(d);
	ok(iv_followup_delete(db, iv_followup_id(fu), 0));
	iv_followup_free(fu);
}

static void same_suggestions_on(iv_fixture *fx, uint64_t seed, size_t n, unsigned int direct)
{
	id_t_ *ids = calloc(n, sizeof(*ids));
	size_t t;

	assert_non_null(ids);
	rng = seed;
	random_network(fx, n, direct, ids);
	for (t = 0; t < 12; t++)
		assert_suggests_as_the_network(fx->db, ids[next((unsigned int)n)], n);
	free(ids);
}

/* Many contacts known directly: the best of them are found in one scan. */
static void same_suggestions_as_the_network(void **state)
{
	uint64_t seed;

	for (seed = 1; seed <= 4; seed++) {
		iv_fixture_teardown(state);
		assert_int_equal(iv_fixture_setup(state), 0);
		same_suggestions_on(*state, 0x9E3779B97F4A7C15ull * seed, 120, 12);
	}
}

/* Few known directly, most of them busy or at the company: people one introduction away fill in. */
static void degree_two_fills_in_when_few_are_known_directly(void **state)
{
	uint64_t seed;

	for (seed = 1; seed <= 4; seed++) {
		iv_fixture_teardown(state);
		assert_int_equal(iv_fixture_setup(state), 0);
		same_suggestions_on(*state, 0xD1B54A32D192ED03ull * seed, 60, 2);
	}
}

/* --- A backend without network_scan() ------------------------------------- */

static int noscan_clock(iv_time *now, void *payload)
{
	*now = ((iv_fixture *)payload)->now;
	return 0;
}

/* The memory backend without its network_scan(): the core loads the network as a version 3 backend's. */
static int noscan_setup(void **state)
{
	iv_fixture *fx = calloc(1, sizeof(*fx));
	iv_backend *be = NULL;

	*state = fx;
	if (!fx || iv_backend_memory_new(&be) != 0)
		return -1;
	be->network_scan = NULL;
	fx->now = IV_FIXTURE_T0;
	if (iv_db_open_backend(&fx->db, be) != 0) {
		be->free(be);
		return -1;
	}
	if (iv_db_set_clock(fx->db, noscan_clock, fx) != 0)
		return -1;
	return 0;
}

static void same_suggestions_without_the_scan(void **state)
{
	same_suggestions_on(*state, 0x2545F4914F6CDD1Dull, 120, 12);
}

#define T(name) cmocka_unit_test_setup_teardown(name, iv_fixture_setup, iv_fixture_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(same_suggestions_as_the_network),
		T(degree_two_fills_in_when_few_are_known_directly),
		cmocka_unit_test_setup_teardown(same_suggestions_without_the_scan, noscan_setup, iv_fixture_teardown),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

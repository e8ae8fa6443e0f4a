/*
 * Your network: degrees of separation, introduction paths and "who can
 * introduce me", run against each backend:
 *
 *     test_network memory
 *     test_network sqlite
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
#include <string.h>

#include <infoview/infoview.h>

#include "fixture.h"


typedef char id_t_[IV_ID_LEN + 1];

/* Stores a contact with its last interaction (0 for never). */
static void contact(iv_db *db, const char *name, const char *company, int known, iv_time last, char *out)
{
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, name));
	ok(iv_contact_set_company(c, company));
	ok(iv_contact_set_known(c, known));
	ok(iv_contact_set_last_interaction(c, last));
	ok(iv_contact_insert(db, c));
	memcpy(out, iv_contact_id(c), IV_ID_LEN + 1);
	iv_contact_free(c);
}

static void set_last_interaction(iv_db *db, const char *id, iv_time last)
{
	iv_contact *c = NULL;

	ok(iv_contact_lookup(&c, db, id));
	ok(iv_contact_set_last_interaction(c, last));
	ok(iv_contact_update(db, c));
	iv_contact_free(c);
}

static iv_network *load(iv_db *db)
{
	iv_network *net = NULL;

	ok(iv_network_load(&net, db));
	assert_non_null(net);
	return net;
}

static int degree_of(const iv_network *net, const char *id)
{
	int d = -1;

	ok(iv_network_degree(&d, net, id));
	return d;
}

/* Asserts the contacts of the path to `target`, from you on. */
static void assert_path(const iv_path *p, size_t n, const char *const *ids)
{
	size_t i;

	assert_non_null(p);
	assert_int_equal(iv_path_length(p), n);
	for (i = 0; i < n; i++)
		assert_string_equal(iv_path_contact_at(p, i), ids[i]);
	assert_null(iv_path_contact_at(p, n));
	assert_string_equal(iv_path_target(p), ids[n - 1]);
}

static void assert_path_to(const iv_network *net, const char *target, size_t n, const char *const *ids)
{
	iv_path *p = NULL;

	ok(iv_network_path(&p, net, target));
	assert_path(p, n, ids);
	iv_path_free(p);
}

/* The first hop of the path to `target`. */
static void assert_first_hop(const iv_network *net, const char *target, const char *first)
{
	iv_path *p = NULL;

	ok(iv_network_path(&p, net, target));
	assert_string_equal(iv_path_contact_at(p, 0), first);
	iv_path_free(p);
}

/* --- Degrees ------------------------------------------------------------ */

static void direct_contact_is_degree_one(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a;
	iv_network *net;

	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 0, a);
	net = load(fx->db);
	assert_int_equal(degree_of(net, a), 1);
	iv_network_free(net);
}

static void introduced_contact_is_degree_two(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b;
	iv_network *net;

	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 0, a);
	contact(fx->db, "Bo", NULL, IV_KNOWN_INTRODUCED, 0, b);
	iv_fixture_intro(fx->db, a, b, IV_INTRO_MADE, NULL);
	net = load(fx->db);
	assert_int_equal(degree_of(net, b), 2);
	iv_network_free(net);
}

static void two_hop_chain_is_degree_three(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, c;
	iv_network *net;

	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 0, a);
	contact(fx->db, "Bo", NULL, IV_KNOWN_INTRODUCED, 0, b);
	contact(fx->db, "Cy", NULL, IV_KNOWN_INTRODUCED, 0, c);
	iv_fixture_intro(fx->db, a, b, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, b, c, IV_INTRO_SUGGESTED, NULL);
	net = load(fx->db);
	assert_int_equal(degree_of(net, a), 1);
	assert_int_equal(degree_of(net, b), 2);
	assert_int_equal(degree_of(net, c), 3);
	iv_network_free(net);
}

static void contact_without_path_is_degree_zero(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, c;
	iv_network *net;

	/* b introduced c, but nobody you know leads to b. */
	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 0, a);
	contact(fx->db, "Bo", NULL, IV_KNOWN_INTRODUCED, 0, b);
	contact(fx->db, "Cy", NULL, IV_KNOWN_INTRODUCED, 0, c);
	iv_fixture_intro(fx->db, b, c, IV_INTRO_MADE, NULL);
	net = load(fx->db);
	assert_int_equal(degree_of(net, b), 0);
	assert_int_equal(degree_of(net, c), 0);
	iv_network_free(net);
}

static void declined_intro_does_not_connect(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b;
	iv_network *net;

	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 0, a);
	contact(fx->db, "Bo", NULL, IV_KNOWN_INTRODUCED, 0, b);
	iv_fixture_intro(fx->db, a, b, IV_INTRO_DECLINED, NULL);
	net = load(fx->db);
	assert_int_equal(degree_of(net, b), 0);
	iv_network_free(net);
}

static void cold_contact_without_intro_is_unreachable(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, cold;
	iv_network *net;
	iv_path *p = NULL;

	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 0, a);
	contact(fx->db, "Cole Cold", NULL, IV_KNOWN_COLD, 0, cold);
	net = load(fx->db);
	assert_int_equal(degree_of(net, cold), 0);
	check(iv_network_path(&p, net, cold), IV_ENOTFOUND);
	assert_null(p);
	assert_non_null(strstr(iv_error_message(), cold));
	/* The snapshot keeps no names: the message names the contact by its id. */
	assert_non_null(strstr(iv_error_message(), "no introduction path reaches contact"));
	iv_network_free(net);
}

static void cycle_terminates_with_correct_degrees(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, c, x, y;
	iv_network *net;

	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 0, a);
	contact(fx->db, "Bo", NULL, IV_KNOWN_INTRODUCED, 0, b);
	contact(fx->db, "Cy", NULL, IV_KNOWN_INTRODUCED, 0, c);
	iv_fixture_intro(fx->db, a, b, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, b, a, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, b, c, IV_INTRO_MADE, NULL);
	/* A cycle no one you know leads into. */
	contact(fx->db, "Xi", NULL, IV_KNOWN_INTRODUCED, 0, x);
	contact(fx->db, "Yu", NULL, IV_KNOWN_INTRODUCED, 0, y);
	iv_fixture_intro(fx->db, x, y, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, y, x, IV_INTRO_MADE, NULL);
	net = load(fx->db);
	assert_int_equal(degree_of(net, a), 1);
	assert_int_equal(degree_of(net, b), 2);
	assert_int_equal(degree_of(net, c), 3);
	assert_int_equal(degree_of(net, x), 0);
	assert_int_equal(degree_of(net, y), 0);
	assert_path_to(net, c, 3, (const char *const[]){ a, b, c });
	iv_network_free(net);
}

/* --- Paths -------------------------------------------------------------- */

static void path_lists_contacts_and_intros_per_hop(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, c, ab, bc;
	iv_network *net;
	iv_path *p = NULL;

	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 0, a);
	contact(fx->db, "Bo", NULL, IV_KNOWN_INTRODUCED, 0, b);
	contact(fx->db, "Cy", NULL, IV_KNOWN_INTRODUCED, 0, c);
	iv_fixture_intro(fx->db, a, b, IV_INTRO_MADE, ab);
	iv_fixture_intro(fx->db, b, c, IV_INTRO_REQUESTED, bc);
	net = load(fx->db);
	ok(iv_network_path(&p, net, c));
	assert_path(p, 3, (const char *const[]){ a, b, c });
	assert_null(iv_path_intro_at(p, 0));
	assert_string_equal(iv_path_intro_at(p, 1), ab);
	assert_string_equal(iv_path_intro_at(p, 2), bc);
	assert_null(iv_path_intro_at(p, 3));
	iv_path_free(p);
	iv_network_free(net);
}

static void path_to_direct_contact_has_one_hop(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a;
	iv_network *net;
	iv_path *p = NULL;

	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 0, a);
	net = load(fx->db);
	ok(iv_network_path(&p, net, a));
	assert_path(p, 1, (const char *const[]){ a });
	assert_null(iv_path_intro_at(p, 0));
	iv_path_free(p);
	iv_network_free(net);
}

static void shortest_path_beats_more_recent_longer_one(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, d, t;
	iv_network *net;

	/* You -> Ada -> Bo -> Tess, recently; you -> Dee -> Tess, long ago. */
	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, fx->now, a);
	contact(fx->db, "Bo", NULL, IV_KNOWN_INTRODUCED, fx->now, b);
	contact(fx->db, "Dee", NULL, IV_KNOWN_DIRECT, 1000, d);
	contact(fx->db, "Tess", NULL, IV_KNOWN_INTRODUCED, 0, t);
	iv_fixture_intro(fx->db, a, b, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, b, t, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, d, t, IV_INTRO_MADE, NULL);
	net = load(fx->db);
	assert_int_equal(degree_of(net, t), 2);
	assert_path_to(net, t, 2, (const char *const[]){ d, t });
	iv_network_free(net);
}

/* Two people you know both introduced you to Tess. */
static void two_introducers(iv_fixture *fx, char *a, char *b, char *t, iv_time a_last, iv_time b_last)
{
	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, a_last, a);
	contact(fx->db, "Bo", NULL, IV_KNOWN_DIRECT, b_last, b);
	contact(fx->db, "Tess", NULL, IV_KNOWN_INTRODUCED, 0, t);
	iv_fixture_intro(fx->db, a, t, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, b, t, IV_INTRO_MADE, NULL);
}

static void tie_goes_to_most_recent_interaction(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, t;
	iv_network *net;

	two_introducers(fx, a, b, t, fx->now - 86400, fx->now - 3600);
	net = load(fx->db);
	assert_first_hop(net, t, b);
	iv_network_free(net);
}

static void tie_flips_when_interaction_times_flip(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, t;
	iv_network *net;

	two_introducers(fx, a, b, t, fx->now - 86400, fx->now - 3600);
	set_last_interaction(fx->db, a, fx->now - 60);
	net = load(fx->db);
	assert_first_hop(net, t, a);
	iv_network_free(net);
}

static void tie_prefers_some_interaction_over_none(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, t;
	iv_network *net;

	two_introducers(fx, a, b, t, 0, 1);
	net = load(fx->db);
	assert_first_hop(net, t, b);
	iv_network_free(net);
}

static void tie_is_decided_at_the_first_hop(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, x, y, t;
	iv_network *net;

	/* Ada is more recent than Bo, though Bo's introduction Yu is more recent than Xi. */
	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 2000, a);
	contact(fx->db, "Bo", NULL, IV_KNOWN_DIRECT, 1000, b);
	contact(fx->db, "Xi", NULL, IV_KNOWN_INTRODUCED, 10, x);
	contact(fx->db, "Yu", NULL, IV_KNOWN_INTRODUCED, 9000, y);
	contact(fx->db, "Tess", NULL, IV_KNOWN_INTRODUCED, 0, t);
	iv_fixture_intro(fx->db, a, x, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, b, y, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, x, t, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, y, t, IV_INTRO_MADE, NULL);
	net = load(fx->db);
	assert_path_to(net, t, 3, (const char *const[]){ a, x, t });
	iv_network_free(net);
}

static void tie_on_first_hop_is_decided_at_the_next(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, x, y, t;
	const char *lo, *hi;
	iv_network *net;

	/* The first hops tie on time; the one with the greater id leads to the more recent second hop. */
	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 1000, a);
	contact(fx->db, "Bo", NULL, IV_KNOWN_DIRECT, 1000, b);
	lo = strcmp(a, b) < 0 ? a : b;
	hi = lo == a ? b : a;
	contact(fx->db, "Xi", NULL, IV_KNOWN_INTRODUCED, 10, x);
	contact(fx->db, "Yu", NULL, IV_KNOWN_INTRODUCED, 9000, y);
	contact(fx->db, "Tess", NULL, IV_KNOWN_INTRODUCED, 0, t);
	iv_fixture_intro(fx->db, lo, x, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, hi, y, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, x, t, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, y, t, IV_INTRO_MADE, NULL);
	net = load(fx->db);
	assert_path_to(net, t, 3, (const char *const[]){ hi, y, t });
	iv_network_free(net);
}

static void equal_times_are_broken_by_contact_id(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, t;
	iv_network *net;

	two_introducers(fx, a, b, t, 500, 500);
	net = load(fx->db);
	assert_first_hop(net, t, strcmp(a, b) < 0 ? a : b);
	iv_network_free(net);
}

static void several_intros_of_a_pair_prefer_the_made_one(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, suggested, made, later;
	iv_network *net;
	iv_path *p = NULL;

	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 0, a);
	contact(fx->db, "Bo", NULL, IV_KNOWN_INTRODUCED, 0, b);
	iv_fixture_intro(fx->db, a, b, IV_INTRO_MADE, made);
	fx->now += 3600;
	iv_fixture_intro(fx->db, a, b, IV_INTRO_SUGGESTED, suggested);
	iv_fixture_intro(fx->db, a, b, IV_INTRO_REQUESTED, later);
	net = load(fx->db);
	ok(iv_network_path(&p, net, b));
	assert_string_equal(iv_path_intro_at(p, 1), made);
	iv_path_free(p);
	iv_network_free(net);
}

static void several_made_intros_of_a_pair_prefer_the_latest(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, old, recent;
	iv_network *net;
	iv_path *p = NULL;

	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 0, a);
	contact(fx->db, "Bo", NULL, IV_KNOWN_INTRODUCED, 0, b);
	iv_fixture_intro(fx->db, a, b, IV_INTRO_MADE, old);
	fx->now += 86400;
	iv_fixture_intro(fx->db, a, b, IV_INTRO_MADE, recent);
	net = load(fx->db);
	ok(iv_network_path(&p, net, b));
	assert_string_equal(iv_path_intro_at(p, 1), recent);
	iv_path_free(p);
	iv_network_free(net);
}

/* --- Who can introduce me ------------------------------------------------- */

/* Reads every path of a company query into `targets` (their last contacts); returns how many. */
static size_t company_targets(const iv_network *net, const char *company, size_t max, char (*targets)[IV_ID_LEN + 1],
			      size_t *lengths)
{
	iv_path_iter *it = NULL;
	iv_path *p = NULL;
	size_t n = 0;
	int rc;

	ok(iv_network_company_paths(&it, net, company));
	while ((rc = iv_path_iter_next(&p, it)) == 0) {
		assert_true(n < max);
		memcpy(targets[n], iv_path_target(p), IV_ID_LEN + 1);
		lengths[n++] = iv_path_length(p);
		iv_path_free(p);
	}
	check(rc, IV_ITEROVER);
	check(iv_path_iter_next(&p, it), IV_ITEROVER);
	assert_null(p);
	iv_path_iter_free(it);
	return n;
}

static void company_query_finds_contact_two_hops_away(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, t, ab, bt, targets[4];
	size_t lengths[4];
	iv_network *net;
	iv_path_iter *it = NULL;
	iv_path *p = NULL;

	contact(fx->db, "Ada", "Acme", IV_KNOWN_DIRECT, 0, a);
	contact(fx->db, "Bo", "Initech", IV_KNOWN_INTRODUCED, 0, b);
	contact(fx->db, "Tess", "Pfizer", IV_KNOWN_INTRODUCED, 0, t);
	iv_fixture_intro(fx->db, a, b, IV_INTRO_MADE, ab);
	iv_fixture_intro(fx->db, b, t, IV_INTRO_MADE, bt);
	net = load(fx->db);
	ok(iv_network_company_paths(&it, net, "pfizer"));
	ok(iv_path_iter_next(&p, it));
	assert_path(p, 3, (const char *const[]){ a, b, t });
	assert_string_equal(iv_path_intro_at(p, 1), ab);
	assert_string_equal(iv_path_intro_at(p, 2), bt);
	iv_path_free(p);
	check(iv_path_iter_next(&p, it), IV_ITEROVER);
	iv_path_iter_free(it);
	assert_int_equal(company_targets(net, "PFIZER", 4, targets, lengths), 1);
	iv_network_free(net);
}

static void company_query_orders_shortest_then_recent_then_id(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, far, near_old, near_new, twin1, twin2, targets[8];
	size_t lengths[8];
	iv_network *net;

	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 100, a);
	contact(fx->db, "Bo", NULL, IV_KNOWN_INTRODUCED, 0, b);
	contact(fx->db, "Far", "Pfizer", IV_KNOWN_INTRODUCED, fx->now, far);
	contact(fx->db, "Near Old", "Pfizer", IV_KNOWN_INTRODUCED, 10, near_old);
	contact(fx->db, "Near New", "pfizer", IV_KNOWN_INTRODUCED, 20, near_new);
	contact(fx->db, "Twin One", "Pfizer", IV_KNOWN_INTRODUCED, 5, twin1);
	contact(fx->db, "Twin Two", "Pfizer", IV_KNOWN_INTRODUCED, 5, twin2);
	iv_fixture_intro(fx->db, a, b, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, b, far, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, a, near_old, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, a, near_new, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, a, twin1, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, a, twin2, IV_INTRO_MADE, NULL);
	net = load(fx->db);
	assert_int_equal(company_targets(net, "Pfizer", 8, targets, lengths), 5);
	assert_string_equal(targets[0], near_new);
	assert_string_equal(targets[1], near_old);
	assert_string_equal(targets[2], strcmp(twin1, twin2) < 0 ? twin1 : twin2);
	assert_string_equal(targets[3], strcmp(twin1, twin2) < 0 ? twin2 : twin1);
	assert_string_equal(targets[4], far);
	assert_int_equal(lengths[0], 2);
	assert_int_equal(lengths[4], 3);
	iv_network_free(net);
}

static void company_query_leaves_out_unreachable_contacts(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, cold, targets[4];
	size_t lengths[4];
	iv_network *net;

	contact(fx->db, "Ada", "Pfizer", IV_KNOWN_DIRECT, 0, a);
	contact(fx->db, "Cole", "Pfizer", IV_KNOWN_COLD, 0, cold);
	net = load(fx->db);
	assert_int_equal(company_targets(net, "Pfizer", 4, targets, lengths), 1);
	assert_string_equal(targets[0], a);
	assert_int_equal(lengths[0], 1);
	iv_network_free(net);
}

static void unknown_company_gives_no_paths(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a;
	iv_network *net;
	iv_path_iter *it = NULL;
	iv_path *p = NULL;

	contact(fx->db, "Ada", "Acme", IV_KNOWN_DIRECT, 0, a);
	net = load(fx->db);
	ok(iv_network_company_paths(&it, net, "Pfizer"));
	check(iv_path_iter_next(&p, it), IV_ITEROVER);
	assert_null(p);
	iv_path_iter_free(it);
	iv_network_free(net);
}

static void company_paths_outlive_the_network(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a;
	iv_network *net;
	iv_path_iter *it = NULL;
	iv_path *p = NULL;

	contact(fx->db, "Ada", "Acme", IV_KNOWN_DIRECT, 0, a);
	net = load(fx->db);
	ok(iv_network_company_paths(&it, net, "Acme"));
	iv_network_free(net);
	ok(iv_path_iter_next(&p, it));
	assert_string_equal(iv_path_target(p), a);
	iv_path_free(p);
	iv_path_iter_free(it);
}

static void empty_company_is_invalid(void **state)
{
	iv_fixture *fx = *state;
	iv_network *net = load(fx->db);
	iv_path_iter *it = NULL;

	check(iv_network_company_paths(&it, net, ""), IV_EINVALID);
	assert_null(it);
	check(iv_network_company_paths(&it, net, NULL), IV_EINVALID);
	assert_null(it);
	iv_network_free(net);
}

/* --- Snapshot and errors ----------------------------------------------------- */

static void snapshot_does_not_see_later_writes(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, b, late;
	iv_network *net;
	int d = -1;

	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 0, a);
	contact(fx->db, "Bo", NULL, IV_KNOWN_INTRODUCED, 0, b);
	net = load(fx->db);
	iv_fixture_intro(fx->db, a, b, IV_INTRO_MADE, NULL);
	contact(fx->db, "Late", NULL, IV_KNOWN_DIRECT, 0, late);
	assert_int_equal(degree_of(net, b), 0);
	check(iv_network_degree(&d, net, late), IV_ENOTFOUND);
	iv_network_free(net);
	net = load(fx->db);
	assert_int_equal(degree_of(net, b), 2);
	assert_int_equal(degree_of(net, late), 1);
	iv_network_free(net);
}

static void unknown_contact_is_not_found(void **state)
{
	iv_fixture *fx = *state;
	const char *unknown = "0190a0b0-0000-7000-8000-000000000001";
	iv_network *net = load(fx->db);
	iv_path *p = NULL;
	int d = -1;

	check(iv_network_degree(&d, net, unknown), IV_ENOTFOUND);
	assert_non_null(strstr(iv_error_message(), "contact 0190a0b0-0000-7000-8000-000000000001 not found"));
	check(iv_network_path(&p, net, unknown), IV_ENOTFOUND);
	assert_null(p);
	assert_non_null(strstr(iv_error_message(), "not found"));
	iv_network_free(net);
}

static void malformed_id_is_invalid(void **state)
{
	iv_fixture *fx = *state;
	iv_network *net = load(fx->db);
	iv_path *p = NULL;
	int d = -1;

	check(iv_network_degree(&d, net, "not-an-id"), IV_EINVALID);
	check(iv_network_degree(&d, net, NULL), IV_EINVALID);
	check(iv_network_path(&p, net, "0190a0b0-0000-7000-8000"), IV_EINVALID);
	assert_null(p);
	iv_network_free(net);
}

static void upper_case_id_finds_the_contact(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a;
	iv_network *net;
	size_t i;

	contact(fx->db, "Ada", NULL, IV_KNOWN_DIRECT, 0, a);
	for (i = 0; a[i]; i++)
		if (a[i] >= 'a' && a[i] <= 'f')
			a[i] = (char)(a[i] - 'a' + 'A');
	net = load(fx->db);
	assert_int_equal(degree_of(net, a), 1);
	iv_network_free(net);
}

#define T(name) cmocka_unit_test_setup_teardown(name, iv_fixture_setup, iv_fixture_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(direct_contact_is_degree_one),
		T(introduced_contact_is_degree_two),
		T(two_hop_chain_is_degree_three),
		T(contact_without_path_is_degree_zero),
		T(declined_intro_does_not_connect),
		T(cold_contact_without_intro_is_unreachable),
		T(cycle_terminates_with_correct_degrees),
		T(path_lists_contacts_and_intros_per_hop),
		T(path_to_direct_contact_has_one_hop),
		T(shortest_path_beats_more_recent_longer_one),
		T(tie_goes_to_most_recent_interaction),
		T(tie_flips_when_interaction_times_flip),
		T(tie_prefers_some_interaction_over_none),
		T(tie_is_decided_at_the_first_hop),
		T(tie_on_first_hop_is_decided_at_the_next),
		T(equal_times_are_broken_by_contact_id),
		T(several_intros_of_a_pair_prefer_the_made_one),
		T(several_made_intros_of_a_pair_prefer_the_latest),
		T(company_query_finds_contact_two_hops_away),
		T(company_query_orders_shortest_then_recent_then_id),
		T(company_query_leaves_out_unreachable_contacts),
		T(unknown_company_gives_no_paths),
		T(company_paths_outlive_the_network),
		T(empty_company_is_invalid),
		T(snapshot_does_not_see_later_writes),
		T(unknown_contact_is_not_found),
		T(malformed_id_is_invalid),
		T(upper_case_id_finds_the_contact),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

/*
 * Target employers and the ranked plan (issue 14, items 1 and 2), on every
 * built-in backend: the records and their checks, the LAMP order with the
 * advocacy computed from the network, and a version-5 backend that keeps
 * no targets.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <infoview/infoview.h>
#include <infoview/sys/backend.h>

#include "check.h"
#include "fault_backend.h"
#include "fixture.h"

static iv_target *target(iv_db *db, const char *name, int motivation, int posting, int rank, const char *alias)
{
	iv_target *t = NULL;

	ok(iv_target_new(&t));
	ok(iv_target_set_name(t, name));
	ok(iv_target_set_motivation(t, motivation));
	ok(iv_target_set_posting(t, posting));
	ok(iv_target_set_rank(t, rank));
	if (alias)
		ok(iv_target_add_alias(t, alias));
	ok(iv_target_insert(db, t));
	return t;
}

static void a_target_is_stored_numbered_and_read_back(void **state)
{
	iv_fixture *fx = *state;
	iv_target *t = NULL, *back = NULL, *u = NULL;
	iv_target_iter *it = NULL;
	iv_target_filter f = IV_TARGET_FILTER_INIT;

	ok(iv_target_new(&t));
	assert_int_equal(iv_target_motivation(t), 2);
	assert_int_equal(iv_target_posting(t), 0);
	assert_int_equal(iv_target_rank(t), 0);
	ok(iv_target_set_name(t, "Pfizer"));
	ok(iv_target_add_alias(t, "Pfizer Inc."));
	ok(iv_target_add_alias(t, "Pfizer Ltd"));
	ok(iv_target_set_note(t, "vaccines\nthe Cambridge lab"));
	ok(iv_target_set_motivation(t, 3));
	ok(iv_target_set_posting(t, 1));
	ok(iv_target_set_rank(t, 4));
	ok(iv_target_insert(fx->db, t));
	assert_non_null(iv_target_id(t));
	assert_int_equal(iv_target_number(t), 1);
	assert_int_equal(iv_target_created(t), fx->now);

	ok(iv_target_lookup(&back, fx->db, iv_target_id(t)));
	assert_str(iv_target_name(back), "Pfizer");
	assert_int_equal(iv_target_alias_count(back), 2);
	assert_str(iv_target_alias_at(back, 0), "Pfizer Inc.");
	assert_str(iv_target_alias_at(back, 1), "Pfizer Ltd");
	assert_null(iv_target_alias_at(back, 2));
	assert_str(iv_target_note(back), "vaccines\nthe Cambridge lab");
	assert_int_equal(iv_target_motivation(back), 3);
	assert_int_equal(iv_target_posting(back), 1);
	assert_int_equal(iv_target_rank(back), 4);
	assert_int_equal(iv_target_number(back), 1);

	/* Found by its name or an alias, in any case; by number; by id prefix. */
	f.name = "PFIZER INC.";
	ok(iv_target_list(&it, fx->db, &f));
	ok(iv_target_iter_next(&u, it));
	assert_str(iv_target_id(u), iv_target_id(t));
	iv_target_free(u);
	check(iv_target_iter_next(&u, it), IV_ITEROVER);
	iv_target_iter_free(it);
	f.name = "pfizer";
	ok(iv_target_list(&it, fx->db, &f));
	ok(iv_target_iter_next(&u, it));
	iv_target_free(u);
	iv_target_iter_free(it);
	f.name = "Pfizer Incorporated";
	ok(iv_target_list(&it, fx->db, &f));
	check(iv_target_iter_next(&u, it), IV_ITEROVER);
	iv_target_iter_free(it);
	f.name = NULL;
	f.number = 1;
	ok(iv_target_list(&it, fx->db, &f));
	ok(iv_target_iter_next(&u, it));
	iv_target_free(u);
	iv_target_iter_free(it);

	/* An update replaces the aliases and keeps number and created time. */
	fx->now += HOUR;
	iv_target_clear_aliases(back);
	ok(iv_target_add_alias(back, "Pfizer AG"));
	ok(iv_target_set_motivation(back, 1));
	ok(iv_target_update(fx->db, back));
	assert_int_equal(iv_target_updated(back), fx->now);
	ok(iv_target_lookup(&u, fx->db, iv_target_id(t)));
	assert_int_equal(iv_target_alias_count(u), 1);
	assert_str(iv_target_alias_at(u, 0), "Pfizer AG");
	assert_int_equal(iv_target_motivation(u), 1);
	assert_int_equal(iv_target_number(u), 1);
	assert_int_equal(iv_target_created(u), IV_FIXTURE_T0);
	iv_target_free(u);
	f.number = 0;
	f.name = "Pfizer Inc.";
	ok(iv_target_list(&it, fx->db, &f));
	check(iv_target_iter_next(&u, it), IV_ITEROVER);
	iv_target_iter_free(it);

	/* Deleting. */
	ok(iv_target_delete(fx->db, iv_target_id(t)));
	check(iv_target_lookup(&u, fx->db, iv_target_id(t)), IV_ENOTFOUND);
	assert_message_has("not found");
	check(iv_target_delete(fx->db, iv_target_id(t)), IV_ENOTFOUND);
	iv_target_free(back);
	iv_target_free(t);
}

static void targets_list_by_name(void **state)
{
	iv_fixture *fx = *state;
	static const char *const names[] = { "acme", "Globex", "Hooli", "initech" };
	static const int64_t numbers[] = { 3, 2, 4, 1 };
	iv_target_iter *it = NULL;
	iv_target *t = NULL;
	size_t i;

	iv_target_free(target(fx->db, "initech", 2, 0, 0, NULL));
	iv_target_free(target(fx->db, "Globex", 2, 0, 0, NULL));
	iv_target_free(target(fx->db, "acme", 2, 0, 0, NULL));
	iv_target_free(target(fx->db, "Hooli", 2, 0, 0, NULL));
	ok(iv_target_list(&it, fx->db, NULL));
	for (i = 0; i < 4; i++) {
		ok(iv_target_iter_next(&t, it));
		assert_str(iv_target_name(t), names[i]);
		assert_int_equal(iv_target_number(t), numbers[i]);
		iv_target_free(t);
	}
	check(iv_target_iter_next(&t, it), IV_ITEROVER);
	iv_target_iter_free(it);
}

static void bad_targets_are_refused_with_clear_messages(void **state)
{
	iv_fixture *fx = *state;
	iv_target *t = NULL, *other;
	char longname[IV_LIMIT_SHORT + 8];

	ok(iv_target_new(&t));
	check(iv_target_insert(fx->db, t), IV_EINVALID);
	assert_message_has("a target needs a name");
	check(iv_target_set_name(t, ""), IV_EINVALID);
	check(iv_target_set_name(t, "   "), IV_EINVALID);
	check(iv_target_set_name(t, "Two\nlines"), IV_EINVALID);
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	check(iv_target_set_name(t, longname), IV_EINVALID);
	assert_message_has("target.name");
	check(iv_target_set_motivation(t, 0), IV_EINVALID);
	assert_message_has("not 1, 2 or 3");
	check(iv_target_set_motivation(t, 4), IV_EINVALID);
	check(iv_target_set_posting(t, 2), IV_EINVALID);
	check(iv_target_set_rank(t, -1), IV_EINVALID);
	assert_message_has("target.rank");
	check(iv_target_set_note(t, "bad \x01 byte"), IV_EINVALID);

	ok(iv_target_set_name(t, "Pfizer"));
	check(iv_target_add_alias(t, "PFIZER"), IV_EINVALID);
	assert_message_has("is the target's name");
	ok(iv_target_add_alias(t, "Pfizer Inc."));
	check(iv_target_add_alias(t, "pfizer inc."), IV_EEXISTS);
	assert_message_has("already an alias");
	check(iv_target_add_alias(t, ""), IV_EINVALID);
	check(iv_target_set_name(t, "PFIZER INC."), IV_EINVALID);
	assert_message_has("aliases");
	check(iv_target_remove_alias(t, "Pfizer AG"), IV_ENOTFOUND);
	ok(iv_target_remove_alias(t, "PFIZER INC."));
	assert_int_equal(iv_target_alias_count(t), 0);
	ok(iv_target_add_alias(t, "Pfizer Inc."));
	ok(iv_target_insert(fx->db, t));

	/* A company is one target only: another may not take its name or alias. */
	ok(iv_target_new(&other));
	ok(iv_target_set_name(other, "pfizer inc."));
	check(iv_target_insert(fx->db, other), IV_EEXISTS);
	assert_message_has("already goes by");
	assert_null(iv_target_id(other));
	ok(iv_target_set_name(other, "Moderna"));
	ok(iv_target_add_alias(other, "PFIZER"));
	check(iv_target_insert(fx->db, other), IV_EEXISTS);
	ok(iv_target_remove_alias(other, "pfizer"));
	ok(iv_target_insert(fx->db, other));
	ok(iv_target_add_alias(other, "Pfizer inc."));
	check(iv_target_update(fx->db, other), IV_EEXISTS);
	/* Its own names are no conflict. */
	ok(iv_target_update(fx->db, t));
	iv_target_free(other);

	check(iv_target_lookup(&other, fx->db, "not-an-id"), IV_EINVALID);
	check(iv_target_delete(fx->db, "01890a5d-ac96-774b-bcce-b302099a8057"), IV_ENOTFOUND);
	iv_target_free(t);
}

/* The next item of the plan, checked. */
static iv_target_plan_item *next_item(iv_target_plan_iter *it, const char *name, int degree, size_t people, int step)
{
	iv_target_plan_item *item = NULL;

	ok(iv_target_plan_next(&item, it));
	assert_str(iv_target_name(iv_target_plan_item_target(item)), name);
	assert_int_equal(iv_target_plan_item_degree(item), degree);
	assert_int_equal(iv_target_plan_item_people(item), people);
	assert_int_equal(iv_target_plan_item_step(item), step);
	return item;
}

static void expect_path(const iv_target_plan_item *item, const char *first, const char *second)
{
	const iv_path *p = iv_target_plan_item_path(item);

	assert_non_null(p);
	assert_int_equal(iv_path_length(p), second ? 2 : 1);
	assert_str(iv_path_contact_at(p, 0), first);
	if (second)
		assert_str(iv_path_contact_at(p, 1), second);
}

struct world {
	char ann[IV_ID_LEN + 1], al[IV_ID_LEN + 1], bea[IV_ID_LEN + 1], cy[IV_ID_LEN + 1];
	char intro[IV_ID_LEN + 1];
};

/*
 * Five targets; you know Ann and Al at Acme (degree 1), and Bea, who could
 * introduce you to Cy at Globex Corp (an alias of Globex: degree 2).
 */
static void make_world(iv_fixture *fx, struct world *w)
{
	iv_target_free(target(fx->db, "Umbrella", 1, 1, 0, NULL));
	iv_target_free(target(fx->db, "Initech", 3, 1, 0, NULL));
	iv_target_free(target(fx->db, "Hooli", 2, 0, 0, NULL));
	iv_target_free(target(fx->db, "Globex", 3, 0, 0, "Globex Corp"));
	iv_target_free(target(fx->db, "Acme", 3, 0, 0, NULL));
	iv_fixture_contact(fx->db, "Al Brown", "ACME", IV_KNOWN_DIRECT, w->al);
	iv_fixture_contact(fx->db, "Ann Lee", "acme", IV_KNOWN_DIRECT, w->ann);
	iv_fixture_contact(fx->db, "Bea Ruiz", "Freelance", IV_KNOWN_DIRECT, w->bea);
	iv_fixture_contact(fx->db, "Cy Tan", "globex corp", IV_KNOWN_INTRODUCED, w->cy);
	iv_fixture_intro(fx->db, w->bea, w->cy, IV_INTRO_SUGGESTED, w->intro);
	/* Ann is the one you talked to last: the path goes to her. */
	ok(iv_contact_touch(fx->db, w->ann, IV_FIXTURE_T0 - 24 * HOUR, NULL));
	ok(iv_contact_touch(fx->db, w->al, IV_FIXTURE_T0 - 72 * HOUR, NULL));
}

static void the_plan_is_in_lamp_order_with_computed_advocacy(void **state)
{
	iv_fixture *fx = *state;
	iv_target_plan_iter *it = NULL;
	iv_target_plan_item *item;
	struct world w;

	make_world(fx, &w);
	ok(iv_target_plan(&it, fx->db));
	/* Motivation 3 first: Acme (degree 1), Globex (2), Initech (nobody, though it has a posting). */
	item = next_item(it, "Acme", 1, 2, IV_TARGET_STEP_REQUEST);
	expect_path(item, w.ann, NULL);
	assert_str(iv_target_plan_item_step_contact(item), w.ann);
	assert_str(iv_target_plan_item_step_contact_name(item), "Ann Lee");
	assert_null(iv_target_plan_item_step_about(item));
	assert_null(iv_target_plan_item_step_about_name(item));
	iv_target_plan_item_free(item);
	item = next_item(it, "Globex", 2, 1, IV_TARGET_STEP_ASK_INTRO);
	expect_path(item, w.bea, w.cy);
	assert_str(iv_target_plan_item_step_contact(item), w.bea);
	assert_str(iv_target_plan_item_step_contact_name(item), "Bea Ruiz");
	assert_str(iv_target_plan_item_step_about(item), w.cy);
	assert_str(iv_target_plan_item_step_about_name(item), "Cy Tan");
	iv_target_plan_item_free(item);
	item = next_item(it, "Initech", 0, 0, IV_TARGET_STEP_FIND);
	assert_null(iv_target_plan_item_path(item));
	assert_null(iv_target_plan_item_step_contact(item));
	assert_null(iv_target_plan_item_step_about(item));
	iv_target_plan_item_free(item);
	iv_target_plan_item_free(next_item(it, "Hooli", 0, 0, IV_TARGET_STEP_FIND));
	iv_target_plan_item_free(next_item(it, "Umbrella", 0, 0, IV_TARGET_STEP_FIND));
	check(iv_target_plan_next(&item, it), IV_ITEROVER);
	assert_null(item);
	iv_target_plan_iter_free(it);
}

static void open_requests_make_the_step_a_wait(void **state)
{
	iv_fixture *fx = *state;
	iv_target_plan_iter *it = NULL;
	iv_target_plan_item *item;
	iv_interview *iv = NULL;
	iv_intro *in = NULL;
	struct world w;

	make_world(fx, &w);
	/* An interview requested of Ann, the introduction to Cy asked of Bea. */
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, w.ann));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_REQUESTED));
	ok(iv_interview_insert(fx->db, iv));
	ok(iv_intro_lookup(&in, fx->db, w.intro));
	ok(iv_intro_set_status(in, IV_INTRO_REQUESTED));
	ok(iv_intro_update(fx->db, in));
	iv_intro_free(in);
	ok(iv_target_plan(&it, fx->db));
	item = next_item(it, "Acme", 1, 2, IV_TARGET_STEP_WAIT);
	assert_str(iv_target_plan_item_step_contact(item), w.ann);
	iv_target_plan_item_free(item);
	item = next_item(it, "Globex", 2, 1, IV_TARGET_STEP_WAIT);
	assert_str(iv_target_plan_item_step_contact(item), w.bea);
	assert_str(iv_target_plan_item_step_about(item), w.cy);
	iv_target_plan_item_free(item);
	iv_target_plan_iter_free(it);

	/* Declined: asking again is the step. */
	ok(iv_interview_set_status(iv, IV_INTERVIEW_DECLINED));
	ok(iv_interview_update(fx->db, iv));
	iv_interview_free(iv);
	ok(iv_target_plan(&it, fx->db));
	iv_target_plan_item_free(next_item(it, "Acme", 1, 2, IV_TARGET_STEP_REQUEST));
	iv_target_plan_iter_free(it);
}

static void an_introduction_made_changes_the_advocacy(void **state)
{
	iv_fixture *fx = *state;
	iv_target_plan_iter *it = NULL;
	iv_target_plan_item *item;
	iv_intro *in = NULL;
	struct world w;

	make_world(fx, &w);
	ok(iv_intro_lookup(&in, fx->db, w.intro));
	ok(iv_intro_set_status(in, IV_INTRO_MADE));
	ok(iv_intro_set_made_at(in, fx->now));
	ok(iv_intro_update(fx->db, in));
	iv_intro_free(in);
	ok(iv_target_plan(&it, fx->db));
	/* Globex is now at degree 1 too, and Acme has no posting either: by name. */
	item = next_item(it, "Acme", 1, 2, IV_TARGET_STEP_REQUEST);
	iv_target_plan_item_free(item);
	item = next_item(it, "Globex", 1, 1, IV_TARGET_STEP_REQUEST);
	expect_path(item, w.bea, w.cy);
	assert_str(iv_target_plan_item_step_contact(item), w.cy);
	assert_str(iv_target_plan_item_step_contact_name(item), "Cy Tan");
	assert_null(iv_target_plan_item_step_about(item));
	iv_target_plan_item_free(item);
	iv_target_plan_iter_free(it);

	/* With a posting, Globex comes first among the degree-1 targets. */
	{
		iv_target_filter f = IV_TARGET_FILTER_INIT;
		iv_target_iter *ti = NULL;
		iv_target *t = NULL;

		f.name = "globex";
		ok(iv_target_list(&ti, fx->db, &f));
		ok(iv_target_iter_next(&t, ti));
		iv_target_iter_free(ti);
		ok(iv_target_set_posting(t, 1));
		ok(iv_target_update(fx->db, t));
		iv_target_free(t);
	}
	ok(iv_target_plan(&it, fx->db));
	iv_target_plan_item_free(next_item(it, "Globex", 1, 1, IV_TARGET_STEP_REQUEST));
	iv_target_plan_item_free(next_item(it, "Acme", 1, 2, IV_TARGET_STEP_REQUEST));
	iv_target_plan_iter_free(it);
}

/*
 * Cy was introduced to you by Dan (made), while the path the network finds
 * goes through Bea, whom you talked to last and who only could introduce
 * you: you know Cy all the same.
 */
static void an_introduction_made_by_anyone_counts(void **state)
{
	iv_fixture *fx = *state;
	iv_target_plan_iter *it = NULL;
	iv_target_plan_item *item;
	struct world w;
	char dan[IV_ID_LEN + 1];

	make_world(fx, &w);
	iv_fixture_contact(fx->db, "Dan Wu", NULL, IV_KNOWN_DIRECT, dan);
	iv_fixture_intro(fx->db, dan, w.cy, IV_INTRO_MADE, NULL);
	ok(iv_contact_touch(fx->db, w.bea, IV_FIXTURE_T0 - HOUR, NULL));
	ok(iv_target_plan(&it, fx->db));
	iv_target_plan_item_free(next_item(it, "Acme", 1, 2, IV_TARGET_STEP_REQUEST));
	item = next_item(it, "Globex", 1, 1, IV_TARGET_STEP_REQUEST);
	expect_path(item, w.bea, w.cy);
	assert_str(iv_target_plan_item_step_contact(item), w.cy);
	iv_target_plan_item_free(item);
	iv_target_plan_iter_free(it);
}

static void aliases_match_and_a_deleted_target_leaves_the_plan(void **state)
{
	iv_fixture *fx = *state;
	iv_target_plan_iter *it = NULL;
	iv_target *t;
	char dee[IV_ID_LEN + 1];

	t = target(fx->db, "Pfizer", 2, 0, 0, "Pfizer Inc.");
	iv_fixture_contact(fx->db, "Dee Ong", "PFIZER INC.", IV_KNOWN_DIRECT, dee);
	iv_fixture_contact(fx->db, "Eve Ng", "Pfizer Incorporated", IV_KNOWN_DIRECT, NULL);
	ok(iv_target_plan(&it, fx->db));
	iv_target_plan_item_free(next_item(it, "Pfizer", 1, 1, IV_TARGET_STEP_REQUEST));
	iv_target_plan_iter_free(it);
	ok(iv_target_delete(fx->db, iv_target_id(t)));
	ok(iv_target_plan(&it, fx->db));
	{
		iv_target_plan_item *item = NULL;
		check(iv_target_plan_next(&item, it), IV_ITEROVER);
	}
	iv_target_plan_iter_free(it);
	iv_target_free(t);
}

static void rank_orders_what_the_rest_leaves_equal(void **state)
{
	iv_fixture *fx = *state;
	iv_target_plan_iter *it = NULL;

	iv_target_free(target(fx->db, "Alpha", 2, 0, 0, NULL));
	iv_target_free(target(fx->db, "Beta", 2, 0, 2, NULL));
	iv_target_free(target(fx->db, "Gamma", 2, 0, 1, NULL));
	ok(iv_target_plan(&it, fx->db));
	iv_target_plan_item_free(next_item(it, "Gamma", 0, 0, IV_TARGET_STEP_FIND));
	iv_target_plan_item_free(next_item(it, "Beta", 0, 0, IV_TARGET_STEP_FIND));
	iv_target_plan_item_free(next_item(it, "Alpha", 0, 0, IV_TARGET_STEP_FIND));
	iv_target_plan_iter_free(it);
}

/* A third party's version-5 backend: no targets, everything else as before. */
static void a_version_5_backend_refuses_targets_only(void **state)
{
	iv_backend *inner = NULL, *be = NULL;
	fault_backend *ctl = NULL;
	iv_db *db = NULL;
	iv_target *t = NULL;
	iv_target_iter *it = NULL;
	iv_target_plan_iter *plan = NULL;
	char ann[IV_ID_LEN + 1];

	(void)state;
	if (strcmp(iv_fixture_backend, "memory") == 0)
		ok(iv_backend_memory_new(&inner));
	else
		ok(iv_backend_sqlite_new(&inner, ":memory:"));
	ok(fault_wrap_version(&be, &ctl, inner, 5));
	ok(iv_db_open_backend(&db, be));
	ok(iv_target_new(&t));
	ok(iv_target_set_name(t, "Acme"));
	check(iv_target_insert(db, t), IV_EVERSION);
	assert_message_has("targets need a backend of version 6; this store's is version 5");
	assert_null(iv_target_id(t));
	check(iv_target_list(&it, db, NULL), IV_EVERSION);
	check(iv_target_plan(&plan, db), IV_EVERSION);
	assert_message_has("version 6");
	iv_target_free(t);
	check(iv_target_lookup(&t, db, "01890a5d-ac96-774b-bcce-b302099a8057"), IV_EVERSION);
	assert_null(t);
	check(iv_target_delete(db, "01890a5d-ac96-774b-bcce-b302099a8057"), IV_EVERSION);
	/* The rest works. */
	iv_fixture_contact(db, "Ann Lee", "Acme", IV_KNOWN_DIRECT, ann);
	{
		int degree = 0;
		ok(iv_db_degree(&degree, db, ann));
		assert_int_equal(degree, 1);
	}
	iv_db_free(db);
}

/* A backend that claims version 6 must offer the target operations. */
static void a_version_6_backend_without_targets_is_refused(void **state)
{
	iv_backend *be = NULL;
	iv_db *db = NULL;

	(void)state;
	ok(iv_backend_memory_new(&be));
	be->target_list = NULL;
	check(iv_db_open_backend(&db, be), IV_EINVALID);
	assert_message_has("target_list");
	be->free(be);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_target_is_stored_numbered_and_read_back, iv_fixture_setup, iv_fixture_teardown),
		cmocka_unit_test_setup_teardown(targets_list_by_name, iv_fixture_setup, iv_fixture_teardown),
		cmocka_unit_test_setup_teardown(bad_targets_are_refused_with_clear_messages, iv_fixture_setup, iv_fixture_teardown),
		cmocka_unit_test_setup_teardown(the_plan_is_in_lamp_order_with_computed_advocacy, iv_fixture_setup, iv_fixture_teardown),
		cmocka_unit_test_setup_teardown(open_requests_make_the_step_a_wait, iv_fixture_setup, iv_fixture_teardown),
		cmocka_unit_test_setup_teardown(an_introduction_made_changes_the_advocacy, iv_fixture_setup, iv_fixture_teardown),
		cmocka_unit_test_setup_teardown(an_introduction_made_by_anyone_counts, iv_fixture_setup, iv_fixture_teardown),
		cmocka_unit_test_setup_teardown(aliases_match_and_a_deleted_target_leaves_the_plan, iv_fixture_setup, iv_fixture_teardown),
		cmocka_unit_test_setup_teardown(rank_orders_what_the_rest_leaves_equal, iv_fixture_setup, iv_fixture_teardown),
		cmocka_unit_test(a_version_5_backend_refuses_targets_only),
		cmocka_unit_test(a_version_6_backend_without_targets_is_refused),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * The whole story, end to end, on each backend: two contacts known directly,
 * an e-mail introduction chain of two hops to someone at a target company,
 * the path query finding it, a request drafted and checked, the interview
 * requested (nudges), scheduled (nudges cancelled), completed with notes and
 * advice (thank-yous for the interviewee and both introducers in the agenda
 * in the right window, a report-back later), follow-ups done, and the
 * stay-in-touch check-in moving.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "check.h"

#include "fixture.h"


typedef char id_t37[IV_ID_LEN + 1];

typedef struct story {
	iv_fixture *fx;
	id_t37 alex, sam, blake, dana, casey;
	id_t37 alex_blake, blake_dana;
	id_t37 interview;
} story;

static void set_profile(iv_db *db)
{
	iv_profile *p = NULL;

	ok(iv_profile_new(&p));
	ok(iv_profile_set_name(p, "Jordan Reyes"));
	ok(iv_profile_set_background(p, "eight years as a hospital pharmacist"));
	ok(iv_profile_set_exploring(p, "a move into regulatory affairs"));
	ok(iv_profile_set(db, p));
	iv_profile_free(p);
}

/* Sets a contact's stay-in-touch cadence. */
static void set_cadence(iv_db *db, const char *id, int days)
{
	iv_contact *c = NULL;

	ok(iv_contact_lookup(&c, db, id));
	ok(iv_contact_set_cadence_days(c, days));
	ok(iv_contact_update(db, c));
	iv_contact_free(c);
}

static void build_network(story *s)
{
	iv_db *db = s->fx->db;

	set_profile(db);
	iv_fixture_contact(db, "Alex Kim", "Northwind", IV_KNOWN_DIRECT, s->alex);
	iv_fixture_contact(db, "Sam Ortiz", "Contoso", IV_KNOWN_DIRECT, s->sam);
	iv_fixture_contact(db, "Blake Chen", "Fabrikam", IV_KNOWN_INTRODUCED, s->blake);
	iv_fixture_contact(db, "Dana Smith", "Pfizer", IV_KNOWN_INTRODUCED, s->dana);
	/* Someone at Pfizer nobody can introduce you to: never on a path. */
	iv_fixture_contact(db, "Casey Moore", "Pfizer", IV_KNOWN_COLD, s->casey);
	iv_fixture_intro(db, s->alex, s->blake, IV_INTRO_MADE, s->alex_blake);
	iv_fixture_intro(db, s->blake, s->dana, IV_INTRO_MADE, s->blake_dana);
	set_cadence(db, s->dana, 30);
}

/* Counts the pending follow-ups made by the rule with this key. */
static int pending_by_rule(iv_db *db, const char *rule, iv_followup **first)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	int n = 0;

	f.rule = rule;
	f.status = IV_FOLLOWUP_PENDING;
	ok(iv_followup_list(&it, db, &f));
	while (iv_followup_iter_next(&fu, it) == 0) {
		if (n++ == 0 && first)
			*first = fu;
		else
			iv_followup_free(fu);
	}
	iv_followup_iter_free(it);
	return n;
}

static void rule_key(char *buf, size_t size, const char *prefix, const char *a, const char *b)
{
	if (b)
		snprintf(buf, size, "%s:%s:%s", prefix, a, b);
	else
		snprintf(buf, size, "%s:%s", prefix, a);
}

/* The follow-ups on the agenda at `at`, as their rule keys in order. */
static int agenda_followups(iv_db *db, iv_time at, char keys[][128], int *overdue, int max)
{
	iv_agenda_options o = IV_AGENDA_OPTIONS_INIT;
	iv_agenda_iter *it = NULL;
	iv_agenda_item *item = NULL;
	int n = 0;

	o.at = at;
	ok(iv_agenda(&it, db, &o));
	while (iv_agenda_iter_next(&item, it) == 0) {
		if (iv_agenda_item_kind(item) == IV_AGENDA_FOLLOWUP && n < max) {
			const char *rule = iv_followup_rule(iv_agenda_item_followup(item));
			snprintf(keys[n], 128, "%s", rule ? rule : "");
			overdue[n] = iv_agenda_item_overdue(item);
			n++;
		}
		iv_agenda_item_free(item);
	}
	iv_agenda_iter_free(it);
	return n;
}

static void whole_story(void **state)
{
	story s = { .fx = *state };
	iv_db *db = s.fx->db;
	iv_network *net = NULL;
	iv_path_iter *pit = NULL;
	iv_path *path = NULL;
	iv_interview *iv = NULL;
	iv_followup *fu = NULL;
	iv_contact *c = NULL;
	iv_search_iter *sit = NULL;
	iv_search_hit *hit = NULL;
	iv_draft_options dopt = IV_DRAFT_OPTIONS_INIT;
	char key[128], keys[8][128];
	int overdue[8], n, degree;
	unsigned int warnings = 99;
	char *text = NULL;
	iv_time requested, done_at, completed;

	build_network(&s);

	/* Who can introduce me to someone at Pfizer? Alex, through Blake. */
	ok(iv_network_load(&net, db));
	ok(iv_network_degree(&degree, net, s.dana));
	assert_int_equal(degree, 3);
	ok(iv_network_company_paths(&pit, net, "pfizer"));
	ok(iv_path_iter_next(&path, pit));
	assert_int_equal(iv_path_length(path), 3);
	assert_string_equal(iv_path_contact_at(path, 0), s.alex);
	assert_string_equal(iv_path_contact_at(path, 1), s.blake);
	assert_string_equal(iv_path_target(path), s.dana);
	assert_string_equal(iv_path_intro_at(path, 1), s.alex_blake);
	assert_string_equal(iv_path_intro_at(path, 2), s.blake_dana);
	iv_path_free(path);
	assert_int_equal(iv_path_iter_next(&path, pit), IV_ITEROVER); /* Casey is unreachable */
	iv_path_iter_free(pit);
	iv_network_free(net);

	/* Plan the interview with Dana through Blake's introduction. */
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, s.dana));
	ok(iv_interview_set_intro(iv, s.blake_dana));
	ok(iv_interview_set_purpose(iv, "learn how regulatory affairs works in a large drug company"));
	ok(iv_interview_seed_questions(iv, 4));
	assert_int_equal(iv_interview_question_count(iv), 4);
	ok(iv_interview_insert(db, iv));
	memcpy(s.interview, iv_interview_id(iv), sizeof(s.interview));
	iv_interview_free(iv);
	iv = NULL;

	/* Draft the request: three parts, no warnings. A job ask is flagged. */
	ok(iv_draft_request(&text, db, s.interview, NULL));
	assert_non_null(strstr(text, "Jordan Reyes"));
	assert_non_null(strstr(text, "Blake"));
	assert_non_null(strchr(text, '?'));
	ok(iv_draft_check(&warnings, text));
	assert_int_equal(warnings, 0);
	iv_free(text);
	dopt.template_text = "Hi {contact.first_name}, I'm {me.name}. Is there a job opening on your team I could apply for?";
	ok(iv_draft_request(&text, db, s.interview, &dopt));
	ok(iv_draft_check(&warnings, text));
	assert_true(warnings & IV_DRAFT_ASKS_FOR_JOB);
	iv_free(text);

	/* Request it on Monday 09:00: the two 3B7 nudges appear. */
	requested = s.fx->now;
	ok(iv_interview_move(NULL, db, s.interview, IV_INTERVIEW_REQUESTED));
	rule_key(key, sizeof(key), "nudge_other", s.interview, NULL);
	assert_int_equal(pending_by_rule(db, key, &fu), 1);
	assert_int_equal(iv_followup_due(fu), requested + 3 * DAY); /* Thursday */
	iv_followup_free(fu);
	rule_key(key, sizeof(key), "nudge_followup", s.interview, NULL);
	assert_int_equal(pending_by_rule(db, key, &fu), 1);
	assert_int_equal(iv_followup_due(fu), requested + 9 * DAY); /* Wednesday next week */
	iv_followup_free(fu);

	/* Dana answers on Tuesday; scheduled for Thursday 15:00: nudges cancelled. */
	s.fx->now += DAY;
	ok(iv_interview_lookup(&iv, db, s.interview));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_SCHEDULED));
	ok(iv_interview_set_scheduled_at(iv, requested + 3 * DAY + 6 * HOUR));
	ok(iv_interview_set_medium(iv, IV_MEDIUM_VIDEO));
	ok(iv_interview_update(db, iv));
	iv_interview_free(iv);
	iv = NULL;
	rule_key(key, sizeof(key), "nudge_other", s.interview, NULL);
	assert_int_equal(pending_by_rule(db, key, NULL), 0);
	rule_key(key, sizeof(key), "nudge_followup", s.interview, NULL);
	assert_int_equal(pending_by_rule(db, key, NULL), 0);

	/* Held on Thursday; completed at 15:30 with notes and advice. */
	s.fx->now = requested + 3 * DAY + 6 * HOUR + 30 * 60;
	completed = s.fx->now;
	ok(iv_interview_lookup(&iv, db, s.interview));
	ok(iv_interview_set_notes(iv, "Dana moved from QA into regulatory; RAC certification helped."));
	ok(iv_interview_add_advice(iv, "take the RAC exam within a year"));
	ok(iv_interview_set_answer(iv, 0, "Started in QA, moved to regulatory after five years."));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_COMPLETED));
	ok(iv_interview_update(db, iv));
	iv_interview_free(iv);
	iv = NULL;

	/* The thank-yous are not on the agenda for the first three hours... */
	n = agenda_followups(db, completed + HOUR, keys, overdue, 8);
	assert_int_equal(n, 0);
	/* ...then all three are, for Dana, Blake and Alex, none overdue yet. */
	n = agenda_followups(db, completed + 4 * HOUR, keys, overdue, 8);
	assert_int_equal(n, 3);
	rule_key(key, sizeof(key), "thank_you", s.interview, NULL);
	assert_int_equal(pending_by_rule(db, key, &fu), 1);
	assert_int_equal(iv_followup_earliest(fu), completed + 3 * HOUR);
	assert_int_equal(iv_followup_due(fu), completed + 24 * HOUR);
	assert_string_equal(iv_followup_contact(fu), s.dana);
	ok(iv_draft_thanks(&text, db, iv_followup_id(fu), NULL));
	assert_non_null(strstr(text, "RAC exam"));
	iv_free(text);
	iv_followup_free(fu);
	rule_key(key, sizeof(key), "thank_introducer", s.interview, s.blake);
	assert_int_equal(pending_by_rule(db, key, &fu), 1);
	ok(iv_draft_thanks(&text, db, iv_followup_id(fu), NULL));
	assert_non_null(strstr(text, "Dana"));
	iv_free(text);
	iv_followup_free(fu);
	rule_key(key, sizeof(key), "thank_introducer", s.interview, s.alex);
	assert_int_equal(pending_by_rule(db, key, NULL), 1);
	/* A day later they are overdue. */
	n = agenda_followups(db, completed + 25 * HOUR, keys, overdue, 8);
	assert_int_equal(n, 3);
	assert_true(overdue[0] && overdue[1] && overdue[2]);

	/* A report-back is due in 30 days because advice was recorded. */
	rule_key(key, sizeof(key), "report_back", s.interview, NULL);
	assert_int_equal(pending_by_rule(db, key, &fu), 1);
	assert_int_equal(iv_followup_due(fu), completed + 30 * DAY);
	iv_followup_free(fu);

	/* The check-in with Dana now counts from the interview. */
	rule_key(key, sizeof(key), "check_in", s.dana, NULL);
	assert_int_equal(pending_by_rule(db, key, &fu), 1);
	assert_int_equal(iv_followup_due(fu), completed + 30 * DAY);
	iv_followup_free(fu);

	/* Thank everyone the next morning: the agenda clears, the check-in moves. */
	s.fx->now = completed + 18 * HOUR;
	done_at = s.fx->now;
	rule_key(key, sizeof(key), "thank_you", s.interview, NULL);
	assert_int_equal(pending_by_rule(db, key, &fu), 1);
	ok(iv_followup_close(NULL, db, iv_followup_id(fu), IV_FOLLOWUP_DONE));
	iv_followup_free(fu);
	rule_key(key, sizeof(key), "thank_introducer", s.interview, s.blake);
	assert_int_equal(pending_by_rule(db, key, &fu), 1);
	ok(iv_followup_close(NULL, db, iv_followup_id(fu), IV_FOLLOWUP_DONE));
	iv_followup_free(fu);
	rule_key(key, sizeof(key), "thank_introducer", s.interview, s.alex);
	assert_int_equal(pending_by_rule(db, key, &fu), 1);
	ok(iv_followup_close(NULL, db, iv_followup_id(fu), IV_FOLLOWUP_DONE));
	iv_followup_free(fu);
	n = agenda_followups(db, done_at + HOUR, keys, overdue, 8);
	assert_int_equal(n, 0);
	ok(iv_contact_lookup(&c, db, s.dana));
	assert_int_equal(iv_contact_last_interaction(c), done_at);
	iv_contact_free(c);
	rule_key(key, sizeof(key), "check_in", s.dana, NULL);
	assert_int_equal(pending_by_rule(db, key, &fu), 1);
	assert_int_equal(iv_followup_due(fu), done_at + 30 * DAY);
	iv_followup_free(fu);

	/* Applying the rules again changes nothing. */
	ok(iv_rules_apply(db));
	rule_key(key, sizeof(key), "thank_you", s.interview, NULL);
	assert_int_equal(pending_by_rule(db, key, NULL), 0);
	rule_key(key, sizeof(key), "check_in", s.dana, NULL);
	assert_int_equal(pending_by_rule(db, key, NULL), 1);

	/* And the story can be found again. */
	ok(iv_search(&sit, db, "pfi dan", NULL));
	ok(iv_search_iter_next(&hit, sit));
	assert_int_equal(iv_search_hit_kind(hit), IV_SEARCH_CONTACT);
	assert_string_equal(iv_search_hit_id(hit), s.dana);
	iv_search_hit_free(hit);
	iv_search_iter_free(sit);
	ok(iv_search(&sit, db, "rac", NULL));
	ok(iv_search_iter_next(&hit, sit));
	assert_int_equal(iv_search_hit_kind(hit), IV_SEARCH_INTERVIEW);
	assert_string_equal(iv_search_hit_id(hit), s.interview);
	iv_search_hit_free(hit);
	iv_search_iter_free(sit);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(whole_story, iv_fixture_setup, iv_fixture_teardown),
	};

	if (iv_fixture_init(argc, argv) != 0)
		return 2;
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

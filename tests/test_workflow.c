/*
 * The workflow rules: interview lifecycle, follow-ups made by rules,
 * stay-in-touch check-ins, business days, the question bank. Run against
 * each backend:
 *
 *     test_workflow memory
 *     test_workflow sqlite
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
#include <time.h>

#include <infoview/infoview.h>

#include "fixture.h"


/* IV_FIXTURE_T0 is Monday 2026-03-02 09:00 UTC. */
#define T0 IV_FIXTURE_T0

typedef char id_t_[IV_ID_LEN + 1];
typedef char key_t_[128];

/* --- Helpers ---------------------------------------------------------------- */

static iv_fixture *fixture(void **state)
{
	return *state;
}

static void contact(iv_db *db, const char *name, int known, char *out)
{
	iv_fixture_contact(db, name, NULL, known, out);
}

static void contact_with_cadence(iv_db *db, const char *name, int days, char *out)
{
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, name));
	ok(iv_contact_set_cadence_days(c, days));
	ok(iv_contact_insert(db, c));
	memcpy(out, iv_contact_id(c), IV_ID_LEN + 1);
	iv_contact_free(c);
}

/* Stores a planned interview with `contact_id`, through `intro_id` (may be NULL). */
static void interview(iv_db *db, const char *contact_id, const char *intro_id, char *out)
{
	iv_interview *iv = NULL;

	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, contact_id));
	ok(iv_interview_set_intro(iv, intro_id));
	ok(iv_interview_insert(db, iv));
	memcpy(out, iv_interview_id(iv), IV_ID_LEN + 1);
	iv_interview_free(iv);
}

static void move(iv_db *db, const char *id, int status)
{
	ok(iv_interview_move(NULL, db, id, status));
}

/* Moves a planned interview through requested and scheduled to completed at `t`. */
static void complete_at(iv_fixture *fx, const char *id, iv_time t)
{
	fx->now = t - 2 * DAY;
	move(fx->db, id, IV_INTERVIEW_REQUESTED);
	fx->now = t - DAY;
	move(fx->db, id, IV_INTERVIEW_SCHEDULED);
	fx->now = t;
	move(fx->db, id, IV_INTERVIEW_COMPLETED);
}

/* Stores a custom follow-up to `contact_id` due T0 + 1 day in `status`; free with iv_followup_free(). */
static iv_followup *custom_followup(iv_db *db, const char *contact_id, int status)
{
	iv_followup *fu = NULL;

	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, contact_id));
	ok(iv_followup_set_due(fu, T0 + DAY));
	ok(iv_followup_set_status(fu, status));
	ok(iv_followup_insert(db, fu));
	return fu;
}

/* Stores Dana and an interview with her, requested at the fixture's time. */
static void requested_interview(iv_fixture *fx, char *dana, char *v)
{
	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, NULL, v);
	move(fx->db, v, IV_INTERVIEW_REQUESTED);
}

static void add_advice(iv_db *db, const char *id, const char *advice)
{
	iv_interview *iv = NULL;

	ok(iv_interview_lookup(&iv, db, id));
	ok(iv_interview_add_advice(iv, advice));
	ok(iv_interview_update(db, iv));
	iv_interview_free(iv);
}

static const char *key(key_t_ buf, const char *rule, const char *id)
{
	snprintf(buf, sizeof(key_t_), "%s:%s", rule, id);
	return buf;
}

static size_t count_followups(iv_db *db, const iv_followup_filter *f)
{
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	size_t n = 0;
	int rc;

	ok(iv_followup_list(&it, db, f));
	while ((rc = iv_followup_iter_next(&fu, it)) == 0) {
		n++;
		iv_followup_free(fu);
	}
	assert_int_equal(rc, IV_ITEROVER);
	iv_followup_iter_free(it);
	return n;
}

static size_t count_all(iv_db *db)
{
	return count_followups(db, NULL);
}

/* How many follow-ups rule `k` made in `status` (0: any). */
static size_t count_rule(iv_db *db, const char *k, int status)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;

	f.rule = k;
	f.status = status;
	return count_followups(db, &f);
}

/* The only follow-up rule `k` made in `status` (0: any; asserted), free with iv_followup_free(). */
static iv_followup *the_one(iv_db *db, const char *k, int status)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL, *extra = NULL;

	f.rule = k;
	f.status = status;
	ok(iv_followup_list(&it, db, &f));
	ok(iv_followup_iter_next(&fu, it));
	check(iv_followup_iter_next(&extra, it), IV_ITEROVER);
	iv_followup_iter_free(it);
	assert_string_equal(iv_followup_rule(fu), k);
	return fu;
}

static iv_followup *by_rule(iv_db *db, const char *k)
{
	return the_one(db, k, 0);
}

static void assert_followup(const iv_followup *fu, int kind, const char *to, const char *about,
			    iv_time earliest, iv_time due, const char *note)
{
	assert_int_equal(iv_followup_kind(fu), kind);
	assert_int_equal(iv_followup_status(fu), IV_FOLLOWUP_PENDING);
	assert_string_equal(iv_followup_contact(fu), to);
	if (about)
		assert_string_equal(iv_followup_interview(fu), about);
	else
		assert_null(iv_followup_interview(fu));
	assert_int_equal(iv_followup_earliest(fu), earliest);
	assert_int_equal(iv_followup_due(fu), due);
	assert_string_equal(iv_followup_note(fu), note);
}

static int status_of(iv_db *db, const char *k)
{
	iv_followup *fu = by_rule(db, k);
	int status = iv_followup_status(fu);

	iv_followup_free(fu);
	return status;
}

static iv_time due_of(iv_db *db, const char *k)
{
	iv_followup *fu = by_rule(db, k);
	iv_time due = iv_followup_due(fu);

	iv_followup_free(fu);
	return due;
}

/* The due time of the pending check-in of `contact_id` (asserted to be the only one). */
static iv_time pending_check_in_due(iv_db *db, const char *contact_id)
{
	key_t_ k;
	iv_followup *fu = the_one(db, key(k, "check_in", contact_id), IV_FOLLOWUP_PENDING);
	iv_time due;

	assert_int_equal(iv_followup_kind(fu), IV_FOLLOWUP_CHECK_IN);
	assert_int_equal(iv_followup_earliest(fu), iv_followup_due(fu));
	due = iv_followup_due(fu);
	iv_followup_free(fu);
	return due;
}

static int interview_status(iv_db *db, const char *id)
{
	iv_interview *iv = NULL;
	int status;

	ok(iv_interview_lookup(&iv, db, id));
	status = iv_interview_status(iv);
	iv_interview_free(iv);
	return status;
}

/* Tests that set their own TZ restore the fixture's, even when they fail. */
static int teardown_tz(void **state)
{
	setenv("TZ", "UTC", 1);
	tzset();
	return iv_fixture_teardown(state);
}

static void use_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* --- Lifecycle ----------------------------------------------------------------- */

static void can_move_follows_the_lifecycle(void **state)
{
	/* allowed[from][to], statuses 1..7: planned requested scheduled completed declined no_response cancelled */
	static const int allowed[8][8] = {
		[IV_INTERVIEW_PLANNED] = { [2] = 1, [5] = 1, [6] = 1, [7] = 1 },
		[IV_INTERVIEW_REQUESTED] = { [3] = 1, [5] = 1, [6] = 1, [7] = 1 },
		[IV_INTERVIEW_SCHEDULED] = { [4] = 1, [5] = 1, [6] = 1, [7] = 1 },
	};
	int from, to;

	(void)state;
	for (from = 0; from < 8; from++)
		for (to = 0; to < 8; to++)
			assert_int_equal(iv_interview_can_move(from, to), allowed[from][to]);
	assert_int_equal(iv_interview_can_move(99, IV_INTERVIEW_REQUESTED), 0);
}

static void illegal_move_is_refused_and_changes_nothing(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_interview *before = NULL, *after = NULL, *iv = NULL;
	id_t_ dana, v;
	size_t n;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, NULL, v);
	complete_at(fx, v, T0 + 5 * DAY);
	ok(iv_interview_lookup(&before, fx->db, v));
	n = count_all(fx->db);
	fx->now = T0 + 6 * DAY;

	check(iv_interview_move(&iv, fx->db, v, IV_INTERVIEW_REQUESTED), IV_EINVALID);
	assert_null(iv);
	assert_string_equal(iv_error_message(), "interview.status: cannot move from completed to requested");
	/* The same refusal through a plain update. */
	ok(iv_interview_dup(&iv, before));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_SCHEDULED));
	check(iv_interview_update(fx->db, iv), IV_EINVALID);
	assert_non_null(strstr(iv_error_message(), "from completed to scheduled"));

	ok(iv_interview_lookup(&after, fx->db, v));
	assert_int_equal(iv_interview_status(after), IV_INTERVIEW_COMPLETED);
	assert_int_equal(iv_interview_updated(after), iv_interview_updated(before));
	assert_int_equal(iv_interview_status_at(after, IV_INTERVIEW_REQUESTED),
			 iv_interview_status_at(before, IV_INTERVIEW_REQUESTED));
	assert_int_equal(count_all(fx->db), n);
	iv_interview_free(before);
	iv_interview_free(after);
	iv_interview_free(iv);
}

static void skipping_a_state_is_refused(void **state)
{
	iv_fixture *fx = fixture(state);
	id_t_ dana, v;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, NULL, v);
	check(iv_interview_move(NULL, fx->db, v, IV_INTERVIEW_COMPLETED), IV_EINVALID);
	assert_string_equal(iv_error_message(), "interview.status: cannot move from planned to completed");
	check(iv_interview_move(NULL, fx->db, v, IV_INTERVIEW_PLANNED), IV_EINVALID);
	assert_int_equal(interview_status(fx->db, v), IV_INTERVIEW_PLANNED);
}

static void each_move_records_its_time(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_interview *iv = NULL;
	id_t_ dana, v;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, NULL, v);
	fx->now = T0 + HOUR;
	move(fx->db, v, IV_INTERVIEW_REQUESTED);
	fx->now = T0 + 2 * HOUR;
	move(fx->db, v, IV_INTERVIEW_SCHEDULED);
	fx->now = T0 + 3 * HOUR;
	ok(iv_interview_move(&iv, fx->db, v, IV_INTERVIEW_COMPLETED));
	assert_int_equal(iv_interview_status(iv), IV_INTERVIEW_COMPLETED);
	iv_interview_free(iv);

	ok(iv_interview_lookup(&iv, fx->db, v));
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_PLANNED), T0);
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_REQUESTED), T0 + HOUR);
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_SCHEDULED), T0 + 2 * HOUR);
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_COMPLETED), T0 + 3 * HOUR);
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_DECLINED), 0);
	iv_interview_free(iv);
}

static void move_keeps_a_time_the_caller_set(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_interview *iv = NULL;
	id_t_ dana, v;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, NULL, v);
	fx->now = T0 + DAY;
	ok(iv_interview_lookup(&iv, fx->db, v));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_REQUESTED));
	ok(iv_interview_set_status_at(iv, IV_INTERVIEW_REQUESTED, T0 + HOUR));
	ok(iv_interview_update(fx->db, iv));
	iv_interview_free(iv);

	ok(iv_interview_lookup(&iv, fx->db, v));
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_REQUESTED), T0 + HOUR);
	iv_interview_free(iv);
}

/* --- Thank-yous ------------------------------------------------------------------ */

static void completing_creates_thank_you_in_window(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_time t = T0 + 3 * DAY + 2 * HOUR;
	iv_followup *fu;
	id_t_ dana, v;
	key_t_ k;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, NULL, v);
	complete_at(fx, v, t);

	fu = by_rule(fx->db, key(k, "thank_you", v));
	assert_followup(fu, IV_FOLLOWUP_THANK_YOU, dana, v, t + 3 * HOUR, t + 24 * HOUR,
			"Thank Dana Smith for the interview");
	iv_followup_free(fu);
	/* Nobody introduced Dana: no other thanks. */
	/* The two nudges, cancelled by scheduling, and the thank-you. */
	assert_int_equal(count_all(fx->db), 3);
}

static void inserting_completed_interview_creates_thank_you(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_interview *iv = NULL;
	id_t_ dana;
	key_t_ k;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, dana));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_COMPLETED));
	ok(iv_interview_set_status_at(iv, IV_INTERVIEW_COMPLETED, T0 - DAY));
	ok(iv_interview_insert(fx->db, iv));
	assert_int_equal(due_of(fx->db, key(k, "thank_you", iv_interview_id(iv))), T0);
	iv_interview_free(iv);
}

static void completing_thanks_each_introducer_on_chain(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_time t = T0 + 10 * DAY;
	id_t_ alex, blake, dana, to_dana, v;
	iv_followup *fu;
	key_t_ k;
	char rule[256];

	contact(fx->db, "Alex Lee", IV_KNOWN_DIRECT, alex);
	contact(fx->db, "Blake Jones", IV_KNOWN_INTRODUCED, blake);
	contact(fx->db, "Dana Smith", IV_KNOWN_INTRODUCED, dana);
	iv_fixture_intro(fx->db, alex, blake, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, blake, dana, IV_INTRO_MADE, to_dana);
	interview(fx->db, dana, to_dana, v);
	complete_at(fx, v, t);

	fu = by_rule(fx->db, key(k, "thank_you", v));
	assert_followup(fu, IV_FOLLOWUP_THANK_YOU, dana, v, t + 3 * HOUR, t + 24 * HOUR,
			"Thank Dana Smith for the interview");
	iv_followup_free(fu);

	snprintf(rule, sizeof(rule), "thank_introducer:%s:%s", v, blake);
	fu = by_rule(fx->db, rule);
	assert_followup(fu, IV_FOLLOWUP_THANK_INTRODUCER, blake, v, t + 3 * HOUR, t + 24 * HOUR,
			"Thank Blake Jones for introducing you to Dana Smith");
	iv_followup_free(fu);

	snprintf(rule, sizeof(rule), "thank_introducer:%s:%s", v, alex);
	fu = by_rule(fx->db, rule);
	assert_followup(fu, IV_FOLLOWUP_THANK_INTRODUCER, alex, v, t + 3 * HOUR, t + 24 * HOUR,
			"Thank Alex Lee for introducing you to Blake Jones");
	iv_followup_free(fu);
}

static void thanks_the_latest_introducer_without_an_intro_on_the_interview(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	id_t_ alex, blake, casey, dana, v;
	char rule[256];

	contact(fx->db, "Alex Lee", IV_KNOWN_DIRECT, alex);
	contact(fx->db, "Blake Jones", IV_KNOWN_DIRECT, blake);
	contact(fx->db, "Casey Wu", IV_KNOWN_DIRECT, casey);
	contact(fx->db, "Dana Smith", IV_KNOWN_INTRODUCED, dana);
	iv_fixture_intro(fx->db, alex, dana, IV_INTRO_MADE, NULL);
	fx->now = T0 + HOUR;
	iv_fixture_intro(fx->db, blake, dana, IV_INTRO_MADE, NULL);
	/* Only suggested: nobody introduced anyone yet. */
	fx->now = T0 + 2 * HOUR;
	iv_fixture_intro(fx->db, casey, dana, IV_INTRO_SUGGESTED, NULL);
	interview(fx->db, dana, NULL, v);
	complete_at(fx, v, T0 + 5 * DAY);

	f.interview = v;
	f.rule = rule;
	snprintf(rule, sizeof(rule), "thank_introducer:%s:%s", v, blake);
	assert_int_equal(count_followups(fx->db, &f), 1);
	snprintf(rule, sizeof(rule), "thank_introducer:%s:%s", v, alex);
	assert_int_equal(count_followups(fx->db, &f), 0);
	snprintf(rule, sizeof(rule), "thank_introducer:%s:%s", v, casey);
	assert_int_equal(count_followups(fx->db, &f), 0);
}

static size_t count_thank_introducers(iv_db *db, const char *interview_id)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	size_t n = 0;

	f.interview = interview_id;
	ok(iv_followup_list(&it, db, &f));
	while (iv_followup_iter_next(&fu, it) == 0) {
		n += iv_followup_kind(fu) == IV_FOLLOWUP_THANK_INTRODUCER;
		iv_followup_free(fu);
	}
	iv_followup_iter_free(it);
	return n;
}

static void chain_with_cycle_terminates(void **state)
{
	iv_fixture *fx = fixture(state);
	id_t_ alex, blake, dana, to_dana, v;
	char rule[256];

	contact(fx->db, "Alex Lee", IV_KNOWN_DIRECT, alex);
	contact(fx->db, "Blake Jones", IV_KNOWN_INTRODUCED, blake);
	contact(fx->db, "Dana Smith", IV_KNOWN_INTRODUCED, dana);
	/* Alex and Blake each introduced the other to you: the chain loops. */
	iv_fixture_intro(fx->db, alex, blake, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, blake, alex, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, blake, dana, IV_INTRO_MADE, to_dana);
	interview(fx->db, dana, to_dana, v);
	complete_at(fx, v, T0 + 5 * DAY);

	assert_int_equal(count_thank_introducers(fx->db, v), 2);
	snprintf(rule, sizeof(rule), "thank_introducer:%s:%s", v, alex);
	assert_int_equal(count_rule(fx->db, rule, 0), 1);
}

static void interviewee_is_never_thanked_as_introducer(void **state)
{
	iv_fixture *fx = fixture(state);
	id_t_ alex, dana, to_dana, v;
	char rule[256];

	contact(fx->db, "Alex Lee", IV_KNOWN_DIRECT, alex);
	contact(fx->db, "Dana Smith", IV_KNOWN_INTRODUCED, dana);
	iv_fixture_intro(fx->db, alex, dana, IV_INTRO_MADE, to_dana);
	/* Dana later introduced you to Alex as well, closing a loop through the interviewee. */
	iv_fixture_intro(fx->db, dana, alex, IV_INTRO_MADE, NULL);
	interview(fx->db, dana, to_dana, v);
	complete_at(fx, v, T0 + 5 * DAY);

	assert_int_equal(count_thank_introducers(fx->db, v), 1);
	snprintf(rule, sizeof(rule), "thank_introducer:%s:%s", v, dana);
	assert_int_equal(count_rule(fx->db, rule, 0), 0);
}

/* --- Nudges ------------------------------------------------------------------------ */

static void requesting_creates_3b7_nudges(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_followup *fu;
	id_t_ dana, v;
	key_t_ k;

	/* Monday 09:00: 3 business days on is Thursday, 7 is the Wednesday after next. */
	requested_interview(fx, dana, v);

	fu = by_rule(fx->db, key(k, "nudge_other", v));
	assert_followup(fu, IV_FOLLOWUP_NUDGE, dana, v, T0 + 3 * DAY, T0 + 3 * DAY,
			"No reply from Dana Smith yet: reach out to another contact");
	iv_followup_free(fu);
	fu = by_rule(fx->db, key(k, "nudge_followup", v));
	assert_followup(fu, IV_FOLLOWUP_NUDGE, dana, v, T0 + 9 * DAY, T0 + 9 * DAY,
			"Follow up once with Dana Smith");
	iv_followup_free(fu);
}

/* Requests an interview, then moves it along `path` (ending in 0) at T0 + 1 day. */
static void assert_nudges_cancelled_by(iv_fixture *fx, const int *path)
{
	iv_followup *fu;
	id_t_ dana, v;
	key_t_ k;

	requested_interview(fx, dana, v);
	assert_int_equal(count_rule(fx->db, key(k, "nudge_other", v), IV_FOLLOWUP_PENDING), 1);
	fx->now = T0 + DAY;
	for (; *path; path++)
		move(fx->db, v, *path);
	assert_int_equal(status_of(fx->db, key(k, "nudge_other", v)), IV_FOLLOWUP_CANCELLED);
	fu = by_rule(fx->db, key(k, "nudge_followup", v));
	assert_int_equal(iv_followup_status(fu), IV_FOLLOWUP_CANCELLED);
	assert_int_equal(iv_followup_closed_at(fu), T0 + DAY);
	iv_followup_free(fu);
}

static void scheduling_cancels_nudges(void **state)
{
	static const int path[] = { IV_INTERVIEW_SCHEDULED, 0 };

	assert_nudges_cancelled_by(fixture(state), path);
}

static void declining_cancels_nudges(void **state)
{
	static const int path[] = { IV_INTERVIEW_DECLINED, 0 };

	assert_nudges_cancelled_by(fixture(state), path);
}

static void no_response_cancels_nudges(void **state)
{
	static const int path[] = { IV_INTERVIEW_NO_RESPONSE, 0 };

	assert_nudges_cancelled_by(fixture(state), path);
}

static void cancelling_cancels_nudges(void **state)
{
	static const int path[] = { IV_INTERVIEW_CANCELLED, 0 };

	assert_nudges_cancelled_by(fixture(state), path);
}

static void completing_cancels_nudges(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_followup *fu = NULL;
	id_t_ dana, v;
	key_t_ k;

	requested_interview(fx, dana, v);
	move(fx->db, v, IV_INTERVIEW_SCHEDULED);
	/* Someone reopened a nudge by hand: completing must still close it. */
	fu = by_rule(fx->db, key(k, "nudge_followup", v));
	ok(iv_followup_set_status(fu, IV_FOLLOWUP_PENDING));
	ok(iv_followup_update(fx->db, fu));
	iv_followup_free(fu);
	assert_int_equal(status_of(fx->db, k), IV_FOLLOWUP_PENDING);

	move(fx->db, v, IV_INTERVIEW_COMPLETED);
	assert_int_equal(status_of(fx->db, k), IV_FOLLOWUP_CANCELLED);
}

static void nudge_rule_with_zero_days_is_disabled(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_rules rules = IV_RULES_INIT;
	id_t_ dana, v;
	key_t_ k;

	rules.nudge_other_days = 0;
	ok(iv_rules_set(fx->db, &rules));
	requested_interview(fx, dana, v);
	assert_int_equal(count_rule(fx->db, key(k, "nudge_other", v), 0), 0);
	assert_int_equal(count_rule(fx->db, key(k, "nudge_followup", v), 0), 1);
}

/* --- Report-back ---------------------------------------------------------------------- */

static void report_back_after_advice(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_time t = T0 + 2 * DAY;
	iv_followup *fu;
	id_t_ dana, v;
	key_t_ k;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, NULL, v);
	add_advice(fx->db, v, "Learn SQL before applying");
	complete_at(fx, v, t);

	fu = by_rule(fx->db, key(k, "report_back", v));
	assert_followup(fu, IV_FOLLOWUP_REPORT_BACK, dana, v, t + 30 * DAY, t + 30 * DAY,
			"Tell Dana Smith what you did with their advice");
	iv_followup_free(fu);
}

static void no_report_back_without_advice(void **state)
{
	iv_fixture *fx = fixture(state);
	id_t_ dana, v;
	key_t_ k;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, NULL, v);
	complete_at(fx, v, T0 + 2 * DAY);
	assert_int_equal(count_rule(fx->db, key(k, "report_back", v), 0), 0);
}

static void advice_recorded_after_completion_creates_report_back(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_time t = T0 + 2 * DAY;
	id_t_ dana, v;
	key_t_ k;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, NULL, v);
	complete_at(fx, v, t);
	fx->now = t + DAY;
	add_advice(fx->db, v, "Join the local analytics meetup");
	/* Counted from the talk, not from when the advice was typed in. */
	assert_int_equal(due_of(fx->db, key(k, "report_back", v)), t + 30 * DAY);
	add_advice(fx->db, v, "Read the company's annual report");
	assert_int_equal(count_rule(fx->db, k, 0), 1);
}

/* --- Check-ins and interactions --------------------------------------------------------- */

/* Stores Dana with a 14-day cadence; returns her check-in, its key in `k`. */
static iv_followup *dana_with_check_in(iv_fixture *fx, char *dana, key_t_ k)
{
	contact_with_cadence(fx->db, "Dana Smith", 14, dana);
	return by_rule(fx->db, key(k, "check_in", dana));
}

static void check_in_due_after_cadence(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_followup *fu;
	id_t_ dana;
	key_t_ k;

	fu = dana_with_check_in(fx, dana, k);
	assert_followup(fu, IV_FOLLOWUP_CHECK_IN, dana, NULL, T0 + 14 * DAY, T0 + 14 * DAY,
			"Check in with Dana Smith");
	iv_followup_free(fu);
}

static void setting_a_cadence_creates_check_in_from_last_interaction(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_contact *c = NULL;
	id_t_ dana;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	ok(iv_contact_lookup(&c, fx->db, dana));
	ok(iv_contact_set_last_interaction(c, T0 + DAY));
	ok(iv_contact_set_cadence_days(c, 30));
	ok(iv_contact_update(fx->db, c));
	iv_contact_free(c);
	assert_int_equal(pending_check_in_due(fx->db, dana), T0 + 31 * DAY);
}

static void touch_resets_check_in(void **state)
{
	iv_fixture *fx = fixture(state);
	id_t_ dana;

	contact_with_cadence(fx->db, "Dana Smith", 14, dana);
	fx->now = T0 + 5 * DAY;
	ok(iv_contact_touch(fx->db, dana, 0, NULL));
	assert_int_equal(pending_check_in_due(fx->db, dana), T0 + 19 * DAY);
	/* An older interaction does not move it back. */
	ok(iv_contact_touch(fx->db, dana, T0 + DAY, NULL));
	assert_int_equal(pending_check_in_due(fx->db, dana), T0 + 19 * DAY);
}

static void completing_interview_resets_check_in(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_contact *c = NULL;
	id_t_ dana, v;

	contact_with_cadence(fx->db, "Dana Smith", 14, dana);
	interview(fx->db, dana, NULL, v);
	complete_at(fx, v, T0 + 4 * DAY);
	assert_int_equal(pending_check_in_due(fx->db, dana), T0 + 18 * DAY);
	ok(iv_contact_lookup(&c, fx->db, dana));
	assert_int_equal(iv_contact_last_interaction(c), T0 + 4 * DAY);
	iv_contact_free(c);
}

/* Closes a follow-up to a contact with a 14-day cadence on T0 + 6 days; returns its check-in's due time. */
static iv_time check_in_after_closing(iv_fixture *fx, int status)
{
	iv_followup *fu;
	id_t_ dana;

	contact_with_cadence(fx->db, "Dana Smith", 14, dana);
	fu = custom_followup(fx->db, dana, IV_FOLLOWUP_PENDING);
	fx->now = T0 + 6 * DAY;
	ok(iv_followup_close(NULL, fx->db, iv_followup_id(fu), status));
	iv_followup_free(fu);
	return pending_check_in_due(fx->db, dana);
}

static void done_followup_resets_check_in(void **state)
{
	assert_int_equal(check_in_after_closing(fixture(state), IV_FOLLOWUP_DONE), T0 + 20 * DAY);
}

static void skipped_followup_is_no_interaction(void **state)
{
	assert_int_equal(check_in_after_closing(fixture(state), IV_FOLLOWUP_SKIPPED), T0 + 14 * DAY);
}

static void done_check_in_makes_the_next_one(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_followup *fu;
	id_t_ dana;
	key_t_ k;

	fu = dana_with_check_in(fx, dana, k);
	fx->now = T0 + 15 * DAY;
	ok(iv_followup_close(NULL, fx->db, iv_followup_id(fu), IV_FOLLOWUP_DONE));
	iv_followup_free(fu);
	assert_int_equal(count_rule(fx->db, k, IV_FOLLOWUP_DONE), 1);
	assert_int_equal(pending_check_in_due(fx->db, dana), T0 + 29 * DAY);
}

static void done_check_in_is_replaced_without_a_later_interaction(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_followup *fu;
	id_t_ dana;
	key_t_ k;

	iv_followup_free(dana_with_check_in(fx, dana, k));
	fx->now = T0 + 5 * DAY;
	ok(iv_contact_touch(fx->db, dana, 0, NULL));
	/* Marked done as of a day before the last interaction: the contact does not change. */
	fu = by_rule(fx->db, k);
	ok(iv_followup_set_status(fu, IV_FOLLOWUP_DONE));
	ok(iv_followup_set_closed_at(fu, T0 + 4 * DAY));
	ok(iv_followup_update(fx->db, fu));
	iv_followup_free(fu);
	assert_int_equal(pending_check_in_due(fx->db, dana), T0 + 19 * DAY);
}

static void cadence_zero_cancels_check_in(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_contact *c = NULL;
	id_t_ dana;
	key_t_ k;

	contact_with_cadence(fx->db, "Dana Smith", 14, dana);
	fx->now = T0 + DAY;
	ok(iv_contact_lookup(&c, fx->db, dana));
	ok(iv_contact_set_cadence_days(c, 0));
	ok(iv_contact_update(fx->db, c));
	iv_contact_free(c);
	assert_int_equal(count_rule(fx->db, key(k, "check_in", dana), IV_FOLLOWUP_PENDING), 0);
	assert_int_equal(status_of(fx->db, k), IV_FOLLOWUP_CANCELLED);
	/* Touching a contact without a cadence makes none. */
	ok(iv_contact_touch(fx->db, dana, 0, NULL));
	assert_int_equal(count_rule(fx->db, k, IV_FOLLOWUP_PENDING), 0);
}

static void touch_appends_dated_note(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_contact *c = NULL;
	id_t_ dana;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	ok(iv_contact_touch(fx->db, dana, 0, "Met at the conference"));
	fx->now = T0 + 3 * DAY;
	ok(iv_contact_touch(fx->db, dana, 0, "Sent the article she mentioned"));
	ok(iv_contact_lookup(&c, fx->db, dana));
	assert_string_equal(iv_contact_notes(c),
			    "2026-03-02: Met at the conference\n2026-03-05: Sent the article she mentioned");
	assert_int_equal(iv_contact_last_interaction(c), T0 + 3 * DAY);
	iv_contact_free(c);
}

static void touch_refuses_bad_input(void **state)
{
	iv_fixture *fx = fixture(state);
	id_t_ dana;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	check(iv_contact_touch(fx->db, "not-an-id", 0, NULL), IV_EINVALID);
	check(iv_contact_touch(fx->db, "00000000-0000-7000-8000-000000000000", 0, NULL), IV_ENOTFOUND);
	check(iv_contact_touch(fx->db, dana, 0, "two\nlines"), IV_EINVALID);
	assert_non_null(strstr(iv_error_message(), "note"));
}

/* --- Rules: idempotence and configuration ------------------------------------------------- */

static void rules_are_idempotent(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_interview *iv = NULL;
	iv_contact *c = NULL;
	id_t_ alex, blake, dana, erin, to_dana, asked, done;
	iv_followup *thanks;
	key_t_ k;
	size_t n;

	contact_with_cadence(fx->db, "Alex Lee", 30, alex);
	contact(fx->db, "Blake Jones", IV_KNOWN_DIRECT, blake);
	contact(fx->db, "Dana Smith", IV_KNOWN_INTRODUCED, dana);
	contact(fx->db, "Erin Park", IV_KNOWN_DIRECT, erin);
	iv_fixture_intro(fx->db, alex, blake, IV_INTRO_MADE, NULL);
	iv_fixture_intro(fx->db, blake, dana, IV_INTRO_MADE, to_dana);
	interview(fx->db, erin, NULL, asked);
	move(fx->db, asked, IV_INTERVIEW_REQUESTED);
	interview(fx->db, dana, to_dana, done);
	add_advice(fx->db, done, "Talk to the data team");
	complete_at(fx, done, T0 + 3 * DAY);
	/* Nudges 2 + 2 (cancelled), thank-yous 3, report-back 1, check-in 1. */
	n = count_all(fx->db);
	assert_int_equal(n, 9);

	ok(iv_rules_apply(fx->db));
	ok(iv_rules_apply(fx->db));
	assert_int_equal(count_all(fx->db), n);

	/* Saving records unchanged applies nothing new either. */
	ok(iv_interview_lookup(&iv, fx->db, done));
	ok(iv_interview_update(fx->db, iv));
	iv_interview_free(iv);
	ok(iv_contact_lookup(&c, fx->db, alex));
	ok(iv_contact_update(fx->db, c));
	iv_contact_free(c);
	assert_int_equal(count_all(fx->db), n);

	/* A thank-you already sent is not made again; a deleted one is. */
	thanks = by_rule(fx->db, key(k, "thank_you", done));
	ok(iv_followup_close(NULL, fx->db, iv_followup_id(thanks), IV_FOLLOWUP_DONE));
	ok(iv_rules_apply(fx->db));
	assert_int_equal(count_all(fx->db), n);
	ok(iv_followup_delete(fx->db, iv_followup_id(thanks), 0));
	iv_followup_free(thanks);
	assert_int_equal(count_all(fx->db), n - 1);
	ok(iv_rules_apply(fx->db));
	assert_int_equal(count_all(fx->db), n);
	assert_int_equal(status_of(fx->db, k), IV_FOLLOWUP_PENDING);
}

static void rules_apply_creates_missing_check_in(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_followup *fu;
	id_t_ dana;
	key_t_ k;

	contact_with_cadence(fx->db, "Dana Smith", 7, dana);
	fu = by_rule(fx->db, key(k, "check_in", dana));
	ok(iv_followup_delete(fx->db, iv_followup_id(fu), 0));
	iv_followup_free(fu);
	ok(iv_rules_apply(fx->db));
	assert_int_equal(pending_check_in_due(fx->db, dana), T0 + 7 * DAY);
}

static void rule_times_are_configurable(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_rules rules = IV_RULES_INIT, got;
	const iv_time t = T0 + 8 * DAY;
	id_t_ dana, v;
	key_t_ k;
	iv_followup *fu;

	rules.thank_earliest = HOUR;
	rules.thank_due = 48 * HOUR;
	rules.nudge_other_days = 2;
	rules.nudge_followup_days = 5;
	rules.report_back_days = 10;
	ok(iv_rules_set(fx->db, &rules));
	memset(&got, 0, sizeof(got));
	check(iv_rules_get(&got, fx->db), IV_EVERSION); /* the caller says which version it has */
	got.version = IV_RULES_VERSION;
	ok(iv_rules_get(&got, fx->db));
	assert_int_equal(got.version, IV_RULES_VERSION);
	assert_int_equal(got.thank_earliest, HOUR);
	assert_int_equal(got.thank_due, 48 * HOUR);
	assert_int_equal(got.nudge_other_days, 2);
	assert_int_equal(got.nudge_followup_days, 5);
	assert_int_equal(got.report_back_days, 10);

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, NULL, v);
	add_advice(fx->db, v, "Shadow an analyst for a day");
	/* Requested on Saturday T0 + 5 days: 2 business days on is Tuesday. */
	fx->now = T0 + 5 * DAY;
	move(fx->db, v, IV_INTERVIEW_REQUESTED);
	assert_int_equal(due_of(fx->db, key(k, "nudge_other", v)), T0 + 8 * DAY);
	assert_int_equal(due_of(fx->db, key(k, "nudge_followup", v)), T0 + 11 * DAY);
	fx->now = t - DAY;
	move(fx->db, v, IV_INTERVIEW_SCHEDULED);
	fx->now = t;
	move(fx->db, v, IV_INTERVIEW_COMPLETED);
	fu = by_rule(fx->db, key(k, "thank_you", v));
	assert_int_equal(iv_followup_earliest(fu), t + HOUR);
	assert_int_equal(iv_followup_due(fu), t + 48 * HOUR);
	iv_followup_free(fu);
	assert_int_equal(due_of(fx->db, key(k, "report_back", v)), t + 10 * DAY);
}

static void assert_default_rules(const iv_rules *r)
{
	assert_int_equal(r->version, IV_RULES_VERSION);
	assert_int_equal(r->thank_earliest, 3 * HOUR);
	assert_int_equal(r->thank_due, 24 * HOUR);
	assert_int_equal(r->nudge_other_days, 3);
	assert_int_equal(r->nudge_followup_days, 7);
	assert_int_equal(r->report_back_days, 30);
}

static void rules_default_when_unset(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_rules got = IV_RULES_INIT, init;

	ok(iv_rules_get(&got, fx->db));
	assert_default_rules(&got);
	ok(iv_rules_init(&init, IV_RULES_VERSION));
	assert_default_rules(&init);
	check(iv_rules_init(&init, 0), IV_EVERSION);
	check(iv_rules_init(&init, iv_struct_version("iv_rules") + 1 /* one the library does not know */), IV_EVERSION);
}

static void assert_rules_refused(iv_db *db, const iv_rules *bad, int code, const char *field)
{
	iv_rules got = IV_RULES_INIT;

	check(iv_rules_set(db, bad), code);
	assert_non_null(strstr(iv_error_message(), field));
	ok(iv_rules_get(&got, db));
	assert_default_rules(&got);
}

static void rules_set_refuses_bad_values(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_rules r;

	r = (iv_rules)IV_RULES_INIT;
	r.thank_earliest = -1;
	assert_rules_refused(fx->db, &r, IV_EINVALID, "rules.thank_earliest");
	r = (iv_rules)IV_RULES_INIT;
	r.thank_due = r.thank_earliest - 1;
	assert_rules_refused(fx->db, &r, IV_EINVALID, "rules.thank_due");
	r = (iv_rules)IV_RULES_INIT;
	r.thank_due = 30 * DAY + 1;
	assert_rules_refused(fx->db, &r, IV_EINVALID, "rules.thank_due");
	r = (iv_rules)IV_RULES_INIT;
	r.nudge_other_days = -1;
	assert_rules_refused(fx->db, &r, IV_EINVALID, "rules.nudge_other_days");
	r = (iv_rules)IV_RULES_INIT;
	r.nudge_followup_days = 366;
	assert_rules_refused(fx->db, &r, IV_EINVALID, "rules.nudge_followup_days");
	r = (iv_rules)IV_RULES_INIT;
	r.report_back_days = 1000;
	assert_rules_refused(fx->db, &r, IV_EINVALID, "rules.report_back_days");
	r = (iv_rules)IV_RULES_INIT;
	r.version = iv_struct_version("iv_rules") + 1;
	assert_rules_refused(fx->db, &r, IV_EVERSION, "version");
	/* The reserved keys stay out of reach of the public setter. */
	check(iv_db_setting_set(fx->db, "iv.rules.thank_due", "5"), IV_EINVALID);
}

/* --- Calendar ---------------------------------------------------------------------------- */

static void business_days_skip_weekends(void **state)
{
	const iv_time fri = T0 + 4 * DAY, sat = T0 + 5 * DAY, sun = T0 + 6 * DAY, mon = T0 + 7 * DAY;

	(void)state;
	assert_int_equal(iv_time_add_business_days(fri, 1), mon);
	assert_int_equal(iv_time_add_business_days(sat, 1), mon);
	assert_int_equal(iv_time_add_business_days(sun, 1), mon);
	assert_int_equal(iv_time_add_business_days(T0, 5), mon);
	assert_int_equal(iv_time_add_business_days(T0, 10), mon + 7 * DAY);
	assert_int_equal(iv_time_add_business_days(sat, 5), fri + 7 * DAY);
	assert_int_equal(iv_time_add_business_days(fri, 0), fri);
	assert_int_equal(iv_time_add_business_days(mon, -1), fri);
	assert_int_equal(iv_time_add_business_days(sun, -1), fri);
	assert_int_equal(iv_time_add_days(fri, 3), mon);
}

static void due_time_keeps_wall_clock_across_dst(void **state)
{
	iv_fixture *fx = fixture(state);
	/* Friday 2026-03-06 10:00 EST (15:00 UTC); clocks go forward on Sunday 8 March. */
	const iv_time ny_request = 1772809200;
	/* Wednesday 2026-03-11 10:00 EDT is 14:00 UTC, not 15:00. */
	const iv_time ny_due = 1773237600;
	/* Friday 2026-10-23 10:00 CEST (08:00 UTC); clocks go back on Sunday 25 October. */
	const iv_time berlin_request = 1792742400;
	/* Wednesday 2026-10-28 10:00 CET is 09:00 UTC. */
	const iv_time berlin_due = 1793178000;
	id_t_ dana, v;
	key_t_ k;

	use_tz("America/New_York");
	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, NULL, v);
	fx->now = ny_request;
	move(fx->db, v, IV_INTERVIEW_REQUESTED);
	assert_int_equal(due_of(fx->db, key(k, "nudge_other", v)), ny_due);
	assert_int_equal(iv_time_add_days(ny_request, 5), ny_due);

	use_tz("Europe/Berlin");
	assert_int_equal(iv_time_add_business_days(berlin_request, 3), berlin_due);
	assert_int_equal(iv_time_add_days(berlin_request, 2), berlin_request + 2 * DAY + HOUR);
}

/* --- Question bank ------------------------------------------------------------------------- */

static void question_bank_has_three_per_category(void **state)
{
	size_t per[IV_QUESTION_ASSIGNMENTS + 1] = { 0 };
	size_t i, n = iv_question_bank_count();
	int cat;

	(void)state;
	for (i = 0; i < n; i++) {
		cat = iv_question_bank_category(i);
		assert_in_range(cat, IV_QUESTION_JOURNEY, IV_QUESTION_ASSIGNMENTS);
		assert_non_null(iv_question_bank_text(i));
		per[cat]++;
	}
	for (cat = IV_QUESTION_JOURNEY; cat <= IV_QUESTION_ASSIGNMENTS; cat++)
		assert_true(per[cat] >= 3);
	assert_null(iv_question_bank_text(n));
	assert_int_equal(iv_question_bank_category(n), 0);
}

static int category_of(const char *text)
{
	size_t i;

	for (i = 0; i < iv_question_bank_count(); i++)
		if (strcmp(iv_question_bank_text(i), text) == 0)
			return iv_question_bank_category(i);
	return 0;
}

static void seed_questions_four_from_bank(void **state)
{
	/* Each seeding starts the cycle again, passing over the questions already there. */
	static const int order[] = {
		IV_QUESTION_JOURNEY, IV_QUESTION_INSIGHTS, IV_QUESTION_TRENDS, IV_QUESTION_ADVICE,
		IV_QUESTION_JOURNEY, IV_QUESTION_INSIGHTS, IV_QUESTION_TRENDS, IV_QUESTION_ADVICE,
	};
	iv_interview *iv = NULL;
	size_t i, j;

	(void)state;
	ok(iv_interview_new(&iv));
	ok(iv_interview_add_question(iv, "What do you like about your team?"));
	ok(iv_interview_seed_questions(iv, 4));
	assert_int_equal(iv_interview_question_count(iv), 5);
	ok(iv_interview_seed_questions(iv, 4));
	assert_int_equal(iv_interview_question_count(iv), 9);
	assert_string_equal(iv_interview_question_at(iv, 0), "What do you like about your team?");
	for (i = 1; i < 9; i++) {
		assert_int_equal(category_of(iv_interview_question_at(iv, i)), order[i - 1]);
		for (j = 1; j < i; j++)
			assert_string_not_equal(iv_interview_question_at(iv, i), iv_interview_question_at(iv, j));
	}
	iv_interview_free(iv);
}

static void seeding_stops_when_the_bank_runs_out(void **state)
{
	iv_interview *iv = NULL;

	(void)state;
	ok(iv_interview_new(&iv));
	ok(iv_interview_seed_questions(iv, iv_question_bank_count() + 10));
	assert_int_equal(iv_interview_question_count(iv), iv_question_bank_count());
	check(iv_interview_seed_questions(iv, IV_LIMIT_LIST), IV_EINVALID);
	assert_int_equal(iv_interview_question_count(iv), iv_question_bank_count());
	iv_interview_free(iv);
}

/* --- Closing follow-ups ------------------------------------------------------------------------ */

static void followup_close_sets_closed_at(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_followup *fu, *out = NULL;
	id_t_ dana;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	fu = custom_followup(fx->db, dana, IV_FOLLOWUP_PENDING);
	assert_int_equal(iv_followup_closed_at(fu), 0);
	fx->now = T0 + 2 * HOUR;
	ok(iv_followup_close(&out, fx->db, iv_followup_id(fu), IV_FOLLOWUP_DONE));
	assert_int_equal(iv_followup_status(out), IV_FOLLOWUP_DONE);
	assert_int_equal(iv_followup_closed_at(out), T0 + 2 * HOUR);
	iv_followup_free(out);
	ok(iv_followup_lookup(&out, fx->db, iv_followup_id(fu)));
	assert_int_equal(iv_followup_closed_at(out), T0 + 2 * HOUR);
	iv_followup_free(out);
	iv_followup_free(fu);
}

static void followup_close_refuses_closed(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_followup *fu, *out = NULL;
	id_t_ dana;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	fu = custom_followup(fx->db, dana, IV_FOLLOWUP_PENDING);
	check(iv_followup_close(&out, fx->db, iv_followup_id(fu), IV_FOLLOWUP_PENDING), IV_EINVALID);
	assert_non_null(strstr(iv_error_message(), "pending"));
	check(iv_followup_close(&out, fx->db, iv_followup_id(fu), 42), IV_EINVALID);
	ok(iv_followup_close(NULL, fx->db, iv_followup_id(fu), IV_FOLLOWUP_SKIPPED));
	fx->now = T0 + HOUR;
	check(iv_followup_close(&out, fx->db, iv_followup_id(fu), IV_FOLLOWUP_DONE), IV_EINVALID);
	assert_null(out);
	assert_non_null(strstr(iv_error_message(), "already skipped"));
	ok(iv_followup_lookup(&out, fx->db, iv_followup_id(fu)));
	assert_int_equal(iv_followup_status(out), IV_FOLLOWUP_SKIPPED);
	assert_int_equal(iv_followup_closed_at(out), T0);
	iv_followup_free(out);
	iv_followup_free(fu);
}

static void closing_replaces_a_stale_closed_at(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_followup *fu = NULL, *out = NULL;
	id_t_ dana;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, dana));
	ok(iv_followup_set_due(fu, T0 + DAY));
	/* Left over from an import: pending, yet with a closing time. */
	ok(iv_followup_set_closed_at(fu, T0 - DAY));
	ok(iv_followup_insert(fx->db, fu));
	fx->now = T0 + HOUR;
	ok(iv_followup_close(&out, fx->db, iv_followup_id(fu), IV_FOLLOWUP_DONE));
	assert_int_equal(iv_followup_closed_at(out), T0 + HOUR);
	iv_followup_free(out);
	iv_followup_free(fu);
}

static void reopening_followup_clears_closed_at(void **state)
{
	iv_fixture *fx = fixture(state);
	iv_followup *fu;
	id_t_ dana;

	contact(fx->db, "Dana Smith", IV_KNOWN_DIRECT, dana);
	fu = custom_followup(fx->db, dana, IV_FOLLOWUP_CANCELLED);
	assert_int_equal(iv_followup_closed_at(fu), T0);
	ok(iv_followup_set_status(fu, IV_FOLLOWUP_PENDING));
	ok(iv_followup_update(fx->db, fu));
	assert_int_equal(iv_followup_closed_at(fu), 0);
	iv_followup_free(fu);
}

#define T(name) cmocka_unit_test_setup_teardown(name, iv_fixture_setup, iv_fixture_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(can_move_follows_the_lifecycle),
		T(illegal_move_is_refused_and_changes_nothing),
		T(skipping_a_state_is_refused),
		T(each_move_records_its_time),
		T(move_keeps_a_time_the_caller_set),
		T(completing_creates_thank_you_in_window),
		T(inserting_completed_interview_creates_thank_you),
		T(completing_thanks_each_introducer_on_chain),
		T(thanks_the_latest_introducer_without_an_intro_on_the_interview),
		T(chain_with_cycle_terminates),
		T(interviewee_is_never_thanked_as_introducer),
		T(requesting_creates_3b7_nudges),
		T(scheduling_cancels_nudges),
		T(declining_cancels_nudges),
		T(no_response_cancels_nudges),
		T(cancelling_cancels_nudges),
		T(completing_cancels_nudges),
		T(nudge_rule_with_zero_days_is_disabled),
		T(report_back_after_advice),
		T(no_report_back_without_advice),
		T(advice_recorded_after_completion_creates_report_back),
		T(check_in_due_after_cadence),
		T(setting_a_cadence_creates_check_in_from_last_interaction),
		T(touch_resets_check_in),
		T(completing_interview_resets_check_in),
		T(done_followup_resets_check_in),
		T(skipped_followup_is_no_interaction),
		T(done_check_in_makes_the_next_one),
		T(done_check_in_is_replaced_without_a_later_interaction),
		T(cadence_zero_cancels_check_in),
		T(touch_appends_dated_note),
		T(touch_refuses_bad_input),
		T(rules_are_idempotent),
		T(rules_apply_creates_missing_check_in),
		T(rule_times_are_configurable),
		T(rules_default_when_unset),
		T(rules_set_refuses_bad_values),
		cmocka_unit_test(business_days_skip_weekends),
		cmocka_unit_test_setup_teardown(due_time_keeps_wall_clock_across_dst, iv_fixture_setup, teardown_tz),
		cmocka_unit_test(question_bank_has_three_per_category),
		cmocka_unit_test(seed_questions_four_from_bank),
		cmocka_unit_test(seeding_stops_when_the_bank_runs_out),
		T(followup_close_sets_closed_at),
		T(followup_close_refuses_closed),
		T(closing_replaces_a_stale_closed_at),
		T(reopening_followup_clears_closed_at),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

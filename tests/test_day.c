/*
 * The day's agenda and honest interactions (issue 8, findings 3 and 4), run
 * against each backend:
 *
 *     test_day memory
 *     test_day sqlite
 *
 * - with options version 2 the agenda covers the whole local day: what
 *   becomes doable later today is listed as IV_AGENDA_LATER, up to the end
 *   of the local day (TZ honoured); version 1 and NULL options see the
 *   agenda of 0.1.0;
 * - a request whose last nudge has passed without a reply is listed as
 *   IV_AGENDA_NO_REPLY, and no longer as waiting;
 * - closing the "reach out to another contact" nudge is no interaction
 *   with its recipient; closing a thank-you is.
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

typedef char id_t_[IV_ID_LEN + 1];

/* IV_FIXTURE_T0 is Monday 2026-03-02 09:00 UTC; the fixture runs in UTC. */
#define MINUTE ((iv_time)60)
#define MON_0830 (IV_FIXTURE_T0 - 30 * MINUTE)
/* The Wednesday before, 10:20: three business days before Monday 10:20. */
#define WED_1020 (IV_FIXTURE_T0 - 5 * DAY + HOUR + 20 * MINUTE)

/* --- Helpers ----------------------------------------------------------------- */

static void copy_id(char *dst, const char *id)
{
	memcpy(dst, id, IV_ID_LEN + 1);
}

/* A follow-up of your own to `to`, doable from `earliest`, due `due`. */
static void followup(iv_db *db, const char *to, int kind, iv_time earliest, iv_time due, char *out)
{
	iv_followup *fu = NULL;

	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, to));
	ok(iv_followup_set_kind(fu, kind));
	ok(iv_followup_set_earliest(fu, earliest));
	ok(iv_followup_set_due(fu, due));
	ok(iv_followup_insert(db, fu));
	copy_id(out, iv_followup_id(fu));
	iv_followup_free(fu);
}

/* Plans an interview with `with` and moves it to requested at the fixture's clock. */
static void request(iv_fixture *fx, const char *with, char *out)
{
	iv_interview *iv = NULL;

	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, with));
	ok(iv_interview_insert(fx->db, iv));
	copy_id(out, iv_interview_id(iv));
	iv_interview_free(iv);
	ok(iv_interview_move(NULL, fx->db, out, IV_INTERVIEW_REQUESTED));
}

/* The id of the follow-up made by rule "<rule>:<of>", which must exist. */
static void rule_followup(iv_db *db, const char *rule, const char *of, char *out)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	char key[128];

	snprintf(key, sizeof(key), "%s:%s", rule, of);
	f.rule = key;
	ok(iv_followup_list(&it, db, &f));
	ok(iv_followup_iter_next(&fu, it));
	copy_id(out, iv_followup_id(fu));
	iv_followup_free(fu);
	check(iv_followup_iter_next(&fu, it), IV_ITEROVER);
	iv_followup_iter_free(it);
}

/* What the tests look at in an agenda item. */
typedef struct seen {
	int kind;
	id_t_ id; /* the follow-up's, else the interview's */
	iv_time time;
	int overdue;
	int64_t waiting;
} seen;

/* Reads the whole agenda with `opts`; returns how many items. */
static size_t read_agenda(iv_db *db, const iv_agenda_options *opts, seen *out, size_t max)
{
	iv_agenda_iter *it = NULL;
	iv_agenda_item *item = NULL;
	size_t n = 0;
	int rc;

	ok(iv_agenda(&it, db, opts));
	while ((rc = iv_agenda_iter_next(&item, it)) == 0) {
		const iv_followup *fu = iv_agenda_item_followup(item);
		assert_true(n < max);
		out[n].kind = iv_agenda_item_kind(item);
		copy_id(out[n].id, fu ? iv_followup_id(fu) : iv_interview_id(iv_agenda_item_interview(item)));
		out[n].time = iv_agenda_item_time(item);
		out[n].overdue = iv_agenda_item_overdue(item);
		out[n].waiting = iv_agenda_item_waiting(item);
		assert_non_null(iv_agenda_item_contact(item));
		n++;
		iv_agenda_item_free(item);
		item = NULL;
	}
	check(rc, IV_ITEROVER);
	iv_agenda_iter_free(it);
	return n;
}

/* The kind under which `id` is on the agenda, or 0 if it is not. */
static int kind_of(iv_db *db, const iv_agenda_options *opts, const char *id)
{
	seen items[32];
	size_t i, n = read_agenda(db, opts, items, 32);
	int kind = 0;

	for (i = 0; i < n; i++) {
		if (strcmp(items[i].id, id) == 0) {
			assert_int_equal(kind, 0); /* listed once */
			kind = items[i].kind;
		}
	}
	return kind;
}

static const iv_agenda_options *v1(void)
{
	static iv_agenda_options o;

	assert_int_equal(iv_agenda_options_init(&o, 1), 0);
	return &o;
}

static const iv_agenda_options *v2(void)
{
	static iv_agenda_options o;

	assert_int_equal(iv_agenda_options_init(&o, 2), 0);
	return &o;
}

static void contact_with_cadence(iv_db *db, const char *name, int days, iv_time last, char *out)
{
	iv_contact *c = NULL;

	iv_fixture_contact(db, name, NULL, IV_KNOWN_DIRECT, out);
	ok(iv_contact_lookup(&c, db, out));
	ok(iv_contact_set_cadence_days(c, days));
	ok(iv_contact_set_last_interaction(c, last));
	ok(iv_contact_update(db, c));
	iv_contact_free(c);
}

static iv_time last_interaction(iv_db *db, const char *id)
{
	iv_contact *c = NULL;
	iv_time t;

	ok(iv_contact_lookup(&c, db, id));
	t = iv_contact_last_interaction(c);
	iv_contact_free(c);
	return t;
}

/* The due time of the pending check-in of `contact`, which must exist. */
static iv_time check_in_due(iv_db *db, const char *contact)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	char key[128];
	iv_time due;

	snprintf(key, sizeof(key), "check_in:%s", contact);
	f.rule = key;
	f.status = IV_FOLLOWUP_PENDING;
	ok(iv_followup_list(&it, db, &f));
	ok(iv_followup_iter_next(&fu, it));
	due = iv_followup_due(fu);
	iv_followup_free(fu);
	check(iv_followup_iter_next(&fu, it), IV_ITEROVER);
	iv_followup_iter_free(it);
	return due;
}

static void set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* A fixture whose local time is New York's (EST, UTC-5, until 8 March 2026). */
static int new_york_setup(void **state)
{
	set_tz("America/New_York");
	return iv_fixture_setup(state);
}

static int new_york_teardown(void **state)
{
	set_tz("UTC");
	return iv_fixture_teardown(state);
}

/* --- The whole local day ------------------------------------------------------- */

/* Sets up the 3B7 story: requested Wednesday 10:20, so "reach out" is due Monday 10:20. */
static void nudge_due_monday_1020(iv_fixture *fx, char *dana, char *interview, char *nudge)
{
	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_INTRODUCED, dana);
	fx->now = WED_1020;
	request(fx, dana, interview);
	rule_followup(fx->db, "nudge_other", interview, nudge);
	fx->now = MON_0830;
}

static void at_0830_the_1020_nudge_is_listed_as_later_today(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, interview, nudge;
	seen items[8];
	size_t n, i, found = 0;

	nudge_due_monday_1020(fx, dana, interview, nudge);
	n = read_agenda(fx->db, v2(), items, 8);
	for (i = 0; i < n; i++) {
		if (strcmp(items[i].id, nudge) != 0)
			continue;
		found++;
		assert_int_equal(items[i].kind, IV_AGENDA_LATER);
		assert_int_equal(items[i].time, IV_FIXTURE_T0 + HOUR + 20 * MINUTE);
		assert_false(items[i].overdue);
	}
	assert_int_equal(found, 1);
}

static void the_default_options_are_version_3(void **state)
{
	iv_fixture *fx = *state;
	iv_agenda_options o = IV_AGENDA_OPTIONS_INIT;
	id_t_ dana, interview, nudge;

	nudge_due_monday_1020(fx, dana, interview, nudge);
	assert_int_equal(o.version, 3);
	assert_int_equal(o.until, 0);
	assert_int_equal(kind_of(fx->db, &o, nudge), IV_AGENDA_LATER);
}

static void version_1_and_null_options_do_not_list_it(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, interview, nudge;
	iv_agenda_options o;

	nudge_due_monday_1020(fx, dana, interview, nudge);
	assert_int_equal(kind_of(fx->db, v1(), nudge), 0);
	assert_int_equal(kind_of(fx->db, NULL, nudge), 0);
	/* A version-1 struct ends before `until`: whatever lies there is not read. */
	ok(iv_agenda_options_init(&o, 1));
	o.until = fx->now + DAY;
	assert_int_equal(kind_of(fx->db, &o, nudge), 0);
	/* The request is still what they show: waiting, as in 0.1.0. */
	assert_int_equal(kind_of(fx->db, v1(), interview), IV_AGENDA_WAITING);
	assert_int_equal(kind_of(fx->db, NULL, interview), IV_AGENDA_WAITING);
}

static void once_its_time_comes_it_is_to_do(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, interview, nudge;

	nudge_due_monday_1020(fx, dana, interview, nudge);
	fx->now = IV_FIXTURE_T0 + HOUR + 20 * MINUTE;
	assert_int_equal(kind_of(fx->db, v2(), nudge), IV_AGENDA_FOLLOWUP);
	assert_int_equal(kind_of(fx->db, v1(), nudge), IV_AGENDA_FOLLOWUP);
}

static void later_items_come_after_those_to_do_by_due_time(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, now1, now2, later1, later2;
	seen items[8];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	followup(fx->db, dana, IV_FOLLOWUP_CUSTOM, fx->now + 5 * HOUR, fx->now + 6 * HOUR, later2);
	followup(fx->db, dana, IV_FOLLOWUP_CUSTOM, 0, fx->now + 9 * HOUR, now2);
	followup(fx->db, dana, IV_FOLLOWUP_CUSTOM, fx->now + HOUR, fx->now + 2 * HOUR, later1);
	followup(fx->db, dana, IV_FOLLOWUP_CUSTOM, fx->now - HOUR, fx->now + 3 * HOUR, now1);
	assert_int_equal(read_agenda(fx->db, v2(), items, 8), 4);
	assert_string_equal(items[0].id, now1);
	assert_int_equal(items[0].kind, IV_AGENDA_FOLLOWUP);
	assert_string_equal(items[1].id, now2);
	assert_int_equal(items[1].kind, IV_AGENDA_FOLLOWUP);
	assert_string_equal(items[2].id, later1);
	assert_int_equal(items[2].kind, IV_AGENDA_LATER);
	assert_int_equal(items[2].time, fx->now + 2 * HOUR);
	assert_string_equal(items[3].id, later2);
	assert_int_equal(items[3].kind, IV_AGENDA_LATER);
}

static void end_of_day_is_local_midnight(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, last, first, before;
	/* 2026-03-02 00:00 in New York (EST) is 05:00 UTC. */
	const iv_time ny_midnight = IV_FIXTURE_T0 - 9 * HOUR + DAY + 5 * HOUR;
	iv_agenda_options o = IV_AGENDA_OPTIONS_INIT;
	struct tm tm;
	time_t tt = (time_t)IV_FIXTURE_T0;

	/* The zone must really be in force, or the test would prove nothing. */
	assert_non_null(localtime_r(&tt, &tm));
	assert_int_equal(tm.tm_hour, 4);
	fx->now = IV_FIXTURE_T0; /* 04:00 in New York */
	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	followup(fx->db, dana, IV_FOLLOWUP_CUSTOM, ny_midnight - 30 * MINUTE, ny_midnight + DAY, last);
	followup(fx->db, dana, IV_FOLLOWUP_CUSTOM, ny_midnight + 10 * MINUTE, ny_midnight + DAY, first);
	followup(fx->db, dana, IV_FOLLOWUP_CUSTOM, ny_midnight - 1, ny_midnight + DAY, before);
	/* 23:30 local is in, 23:59:59 too; 00:10 the next day is not. */
	assert_int_equal(kind_of(fx->db, &o, last), IV_AGENDA_LATER);
	assert_int_equal(kind_of(fx->db, &o, before), IV_AGENDA_LATER);
	assert_int_equal(kind_of(fx->db, &o, first), 0);
	/* In UTC the day of the same moment has ended before any of them. */
	set_tz("UTC");
	assert_int_equal(kind_of(fx->db, &o, last), 0);
	assert_int_equal(kind_of(fx->db, &o, before), 0);
	set_tz("America/New_York");
	/* The next morning they are all to do. */
	fx->now = ny_midnight + 9 * HOUR;
	assert_int_equal(kind_of(fx->db, &o, first), IV_AGENDA_FOLLOWUP);
}

static void end_of_day_holds_on_a_daylight_saving_change(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, in, out;
	/* Sunday 2026-03-08, a 23-hour day in New York: 00:00 EST is 05:00 UTC, 00:00 EDT the next day 04:00 UTC. */
	const iv_time day = IV_FIXTURE_T0 - 9 * HOUR + 6 * DAY + 5 * HOUR;
	const iv_time next = day + 23 * HOUR;

	fx->now = day + 9 * HOUR; /* 10:00 EDT */
	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	followup(fx->db, dana, IV_FOLLOWUP_CUSTOM, next - 30 * MINUTE, next + DAY, in);
	followup(fx->db, dana, IV_FOLLOWUP_CUSTOM, next + 10 * MINUTE, next + DAY, out);
	assert_int_equal(kind_of(fx->db, v2(), in), IV_AGENDA_LATER);
	assert_int_equal(kind_of(fx->db, v2(), out), 0);
}

static void until_option_bounds_what_is_later(void **state)
{
	iv_fixture *fx = *state;
	iv_agenda_options o = IV_AGENDA_OPTIONS_INIT;
	iv_agenda_iter *it = NULL;
	id_t_ dana, soon, tonight, tomorrow;

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	followup(fx->db, dana, IV_FOLLOWUP_CUSTOM, fx->now + HOUR, fx->now + DAY, soon);
	followup(fx->db, dana, IV_FOLLOWUP_CUSTOM, fx->now + 10 * HOUR, fx->now + DAY, tonight);
	followup(fx->db, dana, IV_FOLLOWUP_CUSTOM, fx->now + DAY, fx->now + 2 * DAY, tomorrow);
	o.until = fx->now + 2 * HOUR;
	assert_int_equal(kind_of(fx->db, &o, soon), IV_AGENDA_LATER);
	assert_int_equal(kind_of(fx->db, &o, tonight), 0);
	o.until = fx->now + 2 * DAY;
	assert_int_equal(kind_of(fx->db, &o, tomorrow), IV_AGENDA_LATER);
	/* At or before `at`: nothing later. */
	o.until = fx->now;
	assert_int_equal(kind_of(fx->db, &o, soon), 0);
	o.until = -1;
	check(iv_agenda(&it, fx->db, &o), IV_EINVALID);
	assert_message_has("until");
	assert_null(it);
}

/* --- No reply after the last nudge ------------------------------------------------- */

/* Requested Monday 2 March 09:00: "reach out" due Thursday 5, "follow up once" Wednesday 11. */
static void requested_monday(iv_fixture *fx, char *dana, char *interview)
{
	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_INTRODUCED, dana);
	request(fx, dana, interview);
}

static void close_at(iv_fixture *fx, const char *id, iv_time when, int status)
{
	fx->now = when;
	ok(iv_followup_close(NULL, fx->db, id, status));
}

static void after_the_last_nudge_is_done_and_no_reply_comes_it_is_no_reply(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, interview, other, last;
	const iv_time wed11 = IV_FIXTURE_T0 + 9 * DAY + HOUR;
	const iv_time mon16 = IV_FIXTURE_T0 + 14 * DAY + HOUR; /* wed11 + 3 business days */
	seen items[8];
	size_t n, i;

	requested_monday(fx, dana, interview);
	rule_followup(fx->db, "nudge_other", interview, other);
	rule_followup(fx->db, "nudge_followup", interview, last);
	close_at(fx, other, IV_FIXTURE_T0 + 3 * DAY, IV_FOLLOWUP_DONE);
	assert_int_equal(kind_of(fx->db, v2(), interview), IV_AGENDA_WAITING);
	close_at(fx, last, wed11, IV_FOLLOWUP_DONE);
	/* Time for them to answer the follow-up. */
	fx->now = mon16 - 1;
	assert_int_equal(kind_of(fx->db, v2(), interview), IV_AGENDA_WAITING);
	fx->now = mon16;
	n = read_agenda(fx->db, v2(), items, 8);
	for (i = 0; i < n; i++)
		assert_int_not_equal(items[i].kind, IV_AGENDA_WAITING);
	assert_int_equal(kind_of(fx->db, v2(), interview), IV_AGENDA_NO_REPLY);
	for (i = 0; i < n && strcmp(items[i].id, interview) != 0; i++)
		;
	assert_true(i < n);
	assert_int_equal(items[i].time, IV_FIXTURE_T0);
	assert_int_equal(items[i].waiting, 14 * DAY + HOUR);
	/* Older programs still see it waiting. */
	assert_int_equal(kind_of(fx->db, v1(), interview), IV_AGENDA_WAITING);
	assert_int_equal(kind_of(fx->db, NULL, interview), IV_AGENDA_WAITING);
	/* Marking it no_response takes it off the agenda. */
	ok(iv_interview_move(NULL, fx->db, interview, IV_INTERVIEW_NO_RESPONSE));
	assert_int_equal(kind_of(fx->db, v2(), interview), 0);
}

static void a_skipped_last_nudge_is_no_reply_at_once(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, interview, last;

	requested_monday(fx, dana, interview);
	rule_followup(fx->db, "nudge_followup", interview, last);
	fx->now += DAY;
	assert_int_equal(kind_of(fx->db, v2(), interview), IV_AGENDA_WAITING);
	close_at(fx, last, IV_FIXTURE_T0 + 9 * DAY, IV_FOLLOWUP_SKIPPED);
	assert_int_equal(kind_of(fx->db, v2(), interview), IV_AGENDA_NO_REPLY);
}

static void a_last_nudge_never_done_is_no_reply_after_its_grace(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, interview;
	/* Due Wednesday 11 09:00; plus 3 business days: Monday 16 09:00. */
	const iv_time mon16 = IV_FIXTURE_T0 + 14 * DAY;

	requested_monday(fx, dana, interview);
	fx->now = mon16 - 1;
	assert_int_equal(kind_of(fx->db, v2(), interview), IV_AGENDA_WAITING);
	fx->now = mon16;
	assert_int_equal(kind_of(fx->db, v2(), interview), IV_AGENDA_NO_REPLY);
}

static void a_reply_ends_it(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, interview, last;

	requested_monday(fx, dana, interview);
	rule_followup(fx->db, "nudge_followup", interview, last);
	close_at(fx, last, IV_FIXTURE_T0 + 9 * DAY, IV_FOLLOWUP_SKIPPED);
	assert_int_equal(kind_of(fx->db, v2(), interview), IV_AGENDA_NO_REPLY);
	ok(iv_interview_move(NULL, fx->db, interview, IV_INTERVIEW_DECLINED));
	assert_int_equal(kind_of(fx->db, v2(), interview), 0);
}

static void with_only_the_first_nudge_it_is_the_last(void **state)
{
	iv_fixture *fx = *state;
	iv_rules rules = IV_RULES_INIT;
	id_t_ dana, interview, other;

	rules.nudge_followup_days = 0;
	ok(iv_rules_set(fx->db, &rules));
	requested_monday(fx, dana, interview);
	rule_followup(fx->db, "nudge_other", interview, other);
	/* Done Thursday 5 09:00; no reply by Tuesday 10 09:00. */
	close_at(fx, other, IV_FIXTURE_T0 + 3 * DAY, IV_FOLLOWUP_DONE);
	fx->now = IV_FIXTURE_T0 + 8 * DAY - 1;
	assert_int_equal(kind_of(fx->db, v2(), interview), IV_AGENDA_WAITING);
	fx->now += 1;
	assert_int_equal(kind_of(fx->db, v2(), interview), IV_AGENDA_NO_REPLY);
}

static void without_nudges_the_request_counts_from_its_time(void **state)
{
	iv_fixture *fx = *state;
	iv_rules rules = IV_RULES_INIT;
	id_t_ dana, interview;
	/* 7 business days and then the grace of 3: Monday 16 09:00. */
	const iv_time mon16 = IV_FIXTURE_T0 + 14 * DAY;

	rules.nudge_other_days = 0;
	rules.nudge_followup_days = 0;
	ok(iv_rules_set(fx->db, &rules));
	requested_monday(fx, dana, interview);
	fx->now = mon16 - 1;
	assert_int_equal(kind_of(fx->db, v2(), interview), IV_AGENDA_WAITING);
	fx->now = mon16;
	assert_int_equal(kind_of(fx->db, v2(), interview), IV_AGENDA_NO_REPLY);
}

static void no_reply_comes_longest_waiting_first_before_waiting(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, ed, flo, old, older, fresh, last;
	seen items[16];
	size_t n, i, at = 0;
	int order[3] = { 0 };

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_INTRODUCED, dana);
	iv_fixture_contact(fx->db, "Ed", NULL, IV_KNOWN_INTRODUCED, ed);
	iv_fixture_contact(fx->db, "Flo", NULL, IV_KNOWN_INTRODUCED, flo);
	fx->now = IV_FIXTURE_T0 + DAY;
	request(fx, dana, old);
	fx->now = IV_FIXTURE_T0;
	request(fx, ed, older);
	fx->now = IV_FIXTURE_T0 + 30 * DAY;
	request(fx, flo, fresh);
	rule_followup(fx->db, "nudge_followup", fresh, last);
	n = read_agenda(fx->db, v2(), items, 16);
	for (i = 0; i < n; i++) {
		if (items[i].kind == IV_AGENDA_FOLLOWUP || items[i].kind == IV_AGENDA_LATER)
			continue;
		assert_true(at < 3);
		if (strcmp(items[i].id, older) == 0)
			order[at] = 1;
		else if (strcmp(items[i].id, old) == 0)
			order[at] = 2;
		else if (strcmp(items[i].id, fresh) == 0)
			order[at] = 3;
		if (order[at] == 3)
			assert_int_equal(items[i].kind, IV_AGENDA_WAITING);
		else
			assert_int_equal(items[i].kind, IV_AGENDA_NO_REPLY);
		at++;
	}
	assert_int_equal(at, 3);
	assert_int_equal(order[0], 1);
	assert_int_equal(order[1], 2);
	assert_int_equal(order[2], 3);
}

/* --- Honest interactions ------------------------------------------------------------ */

static void closing_the_reach_out_nudge_is_no_interaction_with_the_non_replier(void **state)
{
	iv_fixture *fx = *state;
	const iv_time last = IV_FIXTURE_T0 - 10 * DAY;
	id_t_ dana, interview, other;
	iv_time due;

	contact_with_cadence(fx->db, "Dana", 30, last, dana);
	due = check_in_due(fx->db, dana);
	assert_int_equal(due, iv_time_add_days(last, 30));
	request(fx, dana, interview);
	rule_followup(fx->db, "nudge_other", interview, other);
	close_at(fx, other, IV_FIXTURE_T0 + 3 * DAY, IV_FOLLOWUP_DONE);
	assert_int_equal(last_interaction(fx->db, dana), last);
	assert_int_equal(check_in_due(fx->db, dana), due);
}

static void closing_the_follow_up_once_nudge_is_an_interaction(void **state)
{
	iv_fixture *fx = *state;
	const iv_time last = IV_FIXTURE_T0 - 10 * DAY;
	const iv_time when = IV_FIXTURE_T0 + 7 * DAY;
	id_t_ dana, interview, followup_once;

	contact_with_cadence(fx->db, "Dana", 30, last, dana);
	request(fx, dana, interview);
	rule_followup(fx->db, "nudge_followup", interview, followup_once);
	close_at(fx, followup_once, when, IV_FOLLOWUP_DONE);
	assert_int_equal(last_interaction(fx->db, dana), when);
	assert_int_equal(check_in_due(fx->db, dana), iv_time_add_days(when, 30));
}

static void closing_a_thank_you_is_an_interaction(void **state)
{
	iv_fixture *fx = *state;
	const iv_time last = IV_FIXTURE_T0 - 10 * DAY;
	const iv_time thanked = IV_FIXTURE_T0 + 5 * HOUR;
	id_t_ dana, interview, thanks;
	iv_interview *iv = NULL;

	contact_with_cadence(fx->db, "Dana", 30, last, dana);
	request(fx, dana, interview);
	ok(iv_interview_lookup(&iv, fx->db, interview));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_SCHEDULED));
	ok(iv_interview_set_scheduled_at(iv, IV_FIXTURE_T0 + HOUR));
	ok(iv_interview_update(fx->db, iv));
	iv_interview_free(iv);
	fx->now = IV_FIXTURE_T0 + 2 * HOUR;
	ok(iv_interview_move(NULL, fx->db, interview, IV_INTERVIEW_COMPLETED));
	assert_int_equal(last_interaction(fx->db, dana), fx->now);
	rule_followup(fx->db, "thank_you", interview, thanks);
	close_at(fx, thanks, thanked, IV_FOLLOWUP_DONE);
	assert_int_equal(last_interaction(fx->db, dana), thanked);
	assert_int_equal(check_in_due(fx->db, dana), iv_time_add_days(thanked, 30));
}

static void closing_a_follow_up_of_your_own_is_an_interaction(void **state)
{
	iv_fixture *fx = *state;
	const iv_time last = IV_FIXTURE_T0 - 10 * DAY;
	id_t_ dana, mine;

	contact_with_cadence(fx->db, "Dana", 30, last, dana);
	followup(fx->db, dana, IV_FOLLOWUP_CUSTOM, 0, fx->now + DAY, mine);
	close_at(fx, mine, fx->now + HOUR, IV_FOLLOWUP_DONE);
	assert_int_equal(last_interaction(fx->db, dana), fx->now);
	assert_int_equal(check_in_due(fx->db, dana), iv_time_add_days(fx->now, 30));
}

#define T(name) cmocka_unit_test_setup_teardown(name, iv_fixture_setup, iv_fixture_teardown)
#define T_NEW_YORK(name) cmocka_unit_test_setup_teardown(name, new_york_setup, new_york_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(at_0830_the_1020_nudge_is_listed_as_later_today),
		T(the_default_options_are_version_3),
		T(version_1_and_null_options_do_not_list_it),
		T(once_its_time_comes_it_is_to_do),
		T(later_items_come_after_those_to_do_by_due_time),
		T_NEW_YORK(end_of_day_is_local_midnight),
		T_NEW_YORK(end_of_day_holds_on_a_daylight_saving_change),
		T(until_option_bounds_what_is_later),
		T(after_the_last_nudge_is_done_and_no_reply_comes_it_is_no_reply),
		T(a_skipped_last_nudge_is_no_reply_at_once),
		T(a_last_nudge_never_done_is_no_reply_after_its_grace),
		T(a_reply_ends_it),
		T(with_only_the_first_nudge_it_is_the_last),
		T(without_nudges_the_request_counts_from_its_time),
		T(no_reply_comes_longest_waiting_first_before_waiting),
		T(closing_the_reach_out_nudge_is_no_interaction_with_the_non_replier),
		T(closing_the_follow_up_once_nudge_is_an_interaction),
		T(closing_a_thank_you_is_an_interaction),
		T(closing_a_follow_up_of_your_own_is_an_interaction),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

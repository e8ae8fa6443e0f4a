/*
 * Referrals (iv_interview_refer()) and the weekly review
 * (iv_week_review_get()), run against each backend:
 *
 *     test_week memory
 *     test_week sqlite
 *
 * The fixture's clock starts on Monday 2026-03-02 09:00 UTC, the first
 * hour of ISO week 2026-W10, and TZ is UTC unless a test sets it.
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

#include <unistd.h>

#include <infoview/infoview.h>
#include <infoview/sys/backend.h>

#include "fault_backend.h"
#include "fixture.h"

typedef char id_t_[IV_ID_LEN + 1];

#define T0 IV_FIXTURE_T0
/* Monday 2026-03-02 00:00 UTC and the Monday after. */
#define W10 ((iv_time)1772409600)
#define W11 (W10 + 7 * DAY)

static void copy_id(char *dst, const char *id)
{
	memcpy(dst, id, IV_ID_LEN + 1);
}

/* A planned interview with `with`. */
static void interview(iv_fixture *fx, const char *with, char *out)
{
	iv_interview *iv = NULL;

	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, with));
	ok(iv_interview_insert(fx->db, iv));
	copy_id(out, iv_interview_id(iv));
	iv_interview_free(iv);
}

/* Moves interview `id` to `status` at `at` on the store's clock. */
static void move_at(iv_fixture *fx, const char *id, int status, iv_time at)
{
	fx->now = at;
	ok(iv_interview_move(NULL, fx->db, id, status));
}

/* An interview with `with` completed at `at` (requested and scheduled a day and an hour before). */
static void talked(iv_fixture *fx, const char *with, iv_time at, char *out)
{
	interview(fx, with, out);
	move_at(fx, out, IV_INTERVIEW_REQUESTED, at - DAY);
	move_at(fx, out, IV_INTERVIEW_SCHEDULED, at - HOUR);
	move_at(fx, out, IV_INTERVIEW_COMPLETED, at);
}

/* The follow-up the rule `key` made (any status); fails if none. */
static iv_followup *by_rule(iv_db *db, const char *key)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL, *more = NULL;

	f.rule = key;
	ok(iv_followup_list(&it, db, &f));
	ok(iv_followup_iter_next(&fu, it));
	check(iv_followup_iter_next(&more, it), IV_ITEROVER);
	iv_followup_iter_free(it);
	return fu;
}

static iv_followup *ask_of(iv_db *db, const char *intro_id)
{
	char key[64];

	snprintf(key, sizeof(key), "ask_intro:%s", intro_id);
	return by_rule(db, key);
}

static size_t count_contacts(iv_db *db)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	size_t n = 0;

	ok(iv_contact_list(&it, db, NULL));
	while (iv_contact_iter_next(&c, it) == 0) {
		n++;
		iv_contact_free(c);
	}
	iv_contact_iter_free(it);
	return n;
}

static size_t count_intros(iv_db *db)
{
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	size_t n = 0;

	ok(iv_intro_list(&it, db, NULL));
	while (iv_intro_iter_next(&in, it) == 0) {
		n++;
		iv_intro_free(in);
	}
	iv_intro_iter_free(it);
	return n;
}

static size_t count_followups(iv_db *db, int kind)
{
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	size_t n = 0;

	ok(iv_followup_list(&it, db, NULL));
	while (iv_followup_iter_next(&fu, it) == 0) {
		n += iv_followup_kind(fu) == kind;
		iv_followup_free(fu);
	}
	iv_followup_iter_free(it);
	return n;
}

/* The story's start: Priya (known directly, at Roche) talked with you at T0. */
typedef struct {
	iv_fixture *fx;
	id_t_ priya, talk;
} story;

static void start(story *s, void **state)
{
	s->fx = *state;
	iv_fixture_contact(s->fx->db, "Priya Shah", "Roche", IV_KNOWN_DIRECT, s->priya);
	talked(s->fx, s->priya, T0, s->talk);
}

/* --- Referrals --------------------------------------------------------------- */

static void a_referral_makes_the_person_a_suggested_introduction_and_a_follow_up(void **state)
{
	story s;
	iv_intro *in = NULL;
	iv_contact *ella = NULL;
	iv_followup *ask;
	int degree = 0;

	start(&s, state);
	s.fx->now = T0 + HOUR;
	ok(iv_interview_refer(&in, s.fx->db, s.talk, "Ella Marsh", "Novartis"));
	assert_str(iv_intro_introducer(in), s.priya);
	assert_int_equal(iv_intro_status(in), IV_INTRO_SUGGESTED);
	ok(iv_contact_lookup(&ella, s.fx->db, iv_intro_introduced(in)));
	assert_str(iv_contact_name(ella), "Ella Marsh");
	assert_str(iv_contact_company(ella), "Novartis");
	assert_int_equal(iv_contact_known(ella), IV_KNOWN_INTRODUCED);
	/* One introduction beyond Priya, whom you know directly. */
	ok(iv_db_degree(&degree, s.fx->db, iv_contact_id(ella)));
	assert_int_equal(degree, 2);
	ask = ask_of(s.fx->db, iv_intro_id(in));
	assert_int_equal(iv_followup_kind(ask), IV_FOLLOWUP_ASK_INTRO);
	assert_int_equal(iv_followup_status(ask), IV_FOLLOWUP_PENDING);
	assert_str(iv_followup_contact(ask), s.priya);
	assert_str(iv_followup_interview(ask), s.talk);
	assert_int_equal(iv_followup_earliest(ask), T0 + HOUR);
	assert_int_equal(iv_followup_due(ask), T0 + HOUR + DAY);
	assert_str(iv_followup_note(ask), "Ask Priya Shah to introduce you to Ella Marsh");
	iv_followup_free(ask);
	iv_contact_free(ella);
	iv_intro_free(in);
}

static void an_existing_contact_is_reused_ascii_case_insensitively(void **state)
{
	story s;
	id_t_ ella;
	iv_intro *in = NULL;
	size_t before;

	start(&s, state);
	iv_fixture_contact(s.fx->db, "ella marsh", "NOVARTIS", IV_KNOWN_COLD, ella);
	before = count_contacts(s.fx->db);
	ok(iv_interview_refer(&in, s.fx->db, s.talk, " Ella Marsh ", "Novartis"));
	assert_str(iv_intro_introduced(in), ella);
	assert_int_equal(count_contacts(s.fx->db), before);
	iv_intro_free(in);
}

static void a_namesake_at_another_company_is_someone_else(void **state)
{
	story s;
	id_t_ ella;
	iv_intro *in = NULL;
	size_t before;

	start(&s, state);
	iv_fixture_contact(s.fx->db, "Ella Marsh", "Pfizer", IV_KNOWN_DIRECT, ella);
	before = count_contacts(s.fx->db);
	ok(iv_interview_refer(&in, s.fx->db, s.talk, "Ella Marsh", "Novartis"));
	assert_string_not_equal(iv_intro_introduced(in), ella);
	assert_int_equal(count_contacts(s.fx->db), before + 1);
	iv_intro_free(in);
	/* Without a company, the name alone finds her. */
	ok(iv_interview_refer(&in, s.fx->db, s.talk, "ELLA MARSH", NULL));
	assert_int_equal(count_contacts(s.fx->db), before + 1);
	iv_intro_free(in);
}

static void referring_the_same_person_twice_duplicates_nothing(void **state)
{
	story s;
	iv_intro *first = NULL, *again = NULL;
	size_t contacts, intros;

	start(&s, state);
	ok(iv_interview_refer(&first, s.fx->db, s.talk, "Ella Marsh", "Novartis"));
	contacts = count_contacts(s.fx->db);
	intros = count_intros(s.fx->db);
	ok(iv_interview_refer(&again, s.fx->db, s.talk, "ella marsh", "novartis"));
	assert_str(iv_intro_id(again), iv_intro_id(first));
	assert_int_equal(count_contacts(s.fx->db), contacts);
	assert_int_equal(count_intros(s.fx->db), intros);
	assert_int_equal(count_followups(s.fx->db, IV_FOLLOWUP_ASK_INTRO), 1);
	iv_intro_free(first);
	iv_intro_free(again);
}

static void two_referrals_make_two_introductions_and_two_follow_ups(void **state)
{
	story s;
	iv_intro *a = NULL, *b = NULL;

	start(&s, state);
	ok(iv_interview_refer(&a, s.fx->db, s.talk, "Ella Marsh", "Novartis"));
	ok(iv_interview_refer(&b, s.fx->db, s.talk, "Tom Reed", NULL));
	assert_string_not_equal(iv_intro_id(a), iv_intro_id(b));
	assert_int_equal(count_followups(s.fx->db, IV_FOLLOWUP_ASK_INTRO), 2);
	iv_intro_free(a);
	iv_intro_free(b);
}

/* Moves introduction `in` to `status` at `at`. */
static void intro_to(iv_fixture *fx, iv_intro *in, int status, iv_time at)
{
	fx->now = at;
	ok(iv_intro_set_status(in, status));
	if (status == IV_INTRO_MADE)
		ok(iv_intro_set_made_at(in, at));
	ok(iv_intro_update(fx->db, in));
}

static void marking_the_introduction_made_closes_the_follow_up(void **state)
{
	story s;
	iv_intro *in = NULL;
	iv_followup *ask;

	start(&s, state);
	ok(iv_interview_refer(&in, s.fx->db, s.talk, "Ella Marsh", "Novartis"));
	intro_to(s.fx, in, IV_INTRO_MADE, T0 + DAY);
	ask = ask_of(s.fx->db, iv_intro_id(in));
	assert_int_equal(iv_followup_status(ask), IV_FOLLOWUP_DONE);
	assert_int_equal(iv_followup_closed_at(ask), T0 + DAY);
	iv_followup_free(ask);
	iv_intro_free(in);
}

static void a_declined_introduction_cancels_the_follow_up(void **state)
{
	story s;
	iv_intro *in = NULL;
	iv_followup *ask;

	start(&s, state);
	ok(iv_interview_refer(&in, s.fx->db, s.talk, "Ella Marsh", "Novartis"));
	intro_to(s.fx, in, IV_INTRO_DECLINED, T0 + DAY);
	ask = ask_of(s.fx->db, iv_intro_id(in));
	assert_int_equal(iv_followup_status(ask), IV_FOLLOWUP_CANCELLED);
	iv_followup_free(ask);
	iv_intro_free(in);
}

static void doing_the_follow_up_marks_the_introduction_requested(void **state)
{
	story s;
	iv_intro *in = NULL, *got = NULL;
	iv_followup *ask;

	start(&s, state);
	ok(iv_interview_refer(&in, s.fx->db, s.talk, "Ella Marsh", "Novartis"));
	ask = ask_of(s.fx->db, iv_intro_id(in));
	s.fx->now = T0 + 2 * HOUR;
	ok(iv_followup_close(NULL, s.fx->db, iv_followup_id(ask), IV_FOLLOWUP_DONE));
	ok(iv_intro_lookup(&got, s.fx->db, iv_intro_id(in)));
	assert_int_equal(iv_intro_status(got), IV_INTRO_REQUESTED);
	assert_int_equal(iv_intro_requested_at(got), T0 + 2 * HOUR);
	iv_followup_free(ask);
	iv_intro_free(got);
	iv_intro_free(in);
}

static void a_referral_to_an_introduction_already_made_asks_nothing(void **state)
{
	story s;
	id_t_ ella, made;
	iv_intro *in = NULL;

	start(&s, state);
	iv_fixture_contact(s.fx->db, "Ella Marsh", "Novartis", IV_KNOWN_INTRODUCED, ella);
	iv_fixture_intro(s.fx->db, s.priya, ella, IV_INTRO_MADE, made);
	ok(iv_interview_refer(&in, s.fx->db, s.talk, "Ella Marsh", "Novartis"));
	assert_str(iv_intro_id(in), made);
	assert_int_equal(count_followups(s.fx->db, IV_FOLLOWUP_ASK_INTRO), 0);
	iv_intro_free(in);
}

static void the_follow_up_drafts_the_introduction_request(void **state)
{
	story s;
	iv_intro *in = NULL;
	iv_followup *ask;
	iv_draft *d = NULL;

	start(&s, state);
	ok(iv_interview_refer(&in, s.fx->db, s.talk, "Ella Marsh", "Novartis"));
	ask = ask_of(s.fx->db, iv_intro_id(in));
	ok(iv_draft_followup(&d, s.fx->db, iv_followup_id(ask), NULL));
	assert_int_equal(iv_draft_kind(d), IV_TEMPLATE_INTRO_REQUEST);
	assert_str(iv_draft_contact(d), s.priya);
	assert_str(iv_draft_subject(d), "Could you introduce me to Ella?");
	assert_non_null(strstr(iv_draft_text(d), "Hi Priya,"));
	assert_non_null(strstr(iv_draft_text(d), "Would you be willing to introduce me to Ella Marsh at Novartis?"));
	/* Nothing from the talk behind: the new talk's medium is not known yet. */
	assert_non_null(strstr(iv_draft_text(d), "by phone or video"));
	iv_draft_free(d);
	iv_followup_free(ask);
	iv_intro_free(in);
}

static void referring_the_interviewee_to_themselves_is_refused_and_changes_nothing(void **state)
{
	story s;
	size_t contacts, intros;

	start(&s, state);
	contacts = count_contacts(s.fx->db);
	intros = count_intros(s.fx->db);
	check(iv_interview_refer(NULL, s.fx->db, s.talk, "priya shah", "Roche"), IV_EINVALID);
	assert_message_has("interviewee");
	check(iv_interview_refer(NULL, s.fx->db, s.talk, "  ", NULL), IV_EINVALID);
	assert_message_has("name");
	check(iv_interview_refer(NULL, s.fx->db, "0190a000-0000-7000-8000-000000000000", "Ella", NULL), IV_ENOTFOUND);
	assert_int_equal(count_contacts(s.fx->db), contacts);
	assert_int_equal(count_intros(s.fx->db), intros);
	assert_int_equal(count_followups(s.fx->db, IV_FOLLOWUP_ASK_INTRO), 0);
}

/* The plan's item for the target named `name`; fails if none. */
static iv_target_plan_item *plan_of(iv_db *db, const char *name)
{
	iv_target_plan_iter *it = NULL;
	iv_target_plan_item *item = NULL;

	ok(iv_target_plan(&it, db));
	while (iv_target_plan_next(&item, it) == 0) {
		if (strcmp(iv_target_name(iv_target_plan_item_target(item)), name) == 0)
			break;
		iv_target_plan_item_free(item);
		item = NULL;
	}
	iv_target_plan_iter_free(it);
	if (!item)
		FAIL("no target %s in the plan\n", name);
	return item;
}

static void target(iv_fixture *fx, const char *name, int motivation);

/* The scenario: two referrals, one introduction made, the target's advocacy follows. */
static void a_referral_made_moves_its_target_one_step_nearer(void **state)
{
	story s;
	iv_intro *ella = NULL, *tom = NULL;
	iv_target_plan_item *item;
	iv_followup *ask;

	start(&s, state);
	target(s.fx, "Novartis", 3);
	item = plan_of(s.fx->db, "Novartis");
	assert_int_equal(iv_target_plan_item_degree(item), 0);
	assert_int_equal(iv_target_plan_item_step(item), IV_TARGET_STEP_FIND);
	iv_target_plan_item_free(item);
	ok(iv_interview_refer(&ella, s.fx->db, s.talk, "Ella Marsh", "Novartis"));
	ok(iv_interview_refer(&tom, s.fx->db, s.talk, "Tom Reed", "GSK"));
	assert_int_equal(count_followups(s.fx->db, IV_FOLLOWUP_ASK_INTRO), 2);
	/* Priya, whom you know, could introduce you to Ella. */
	item = plan_of(s.fx->db, "Novartis");
	assert_int_equal(iv_target_plan_item_degree(item), 2);
	assert_int_equal(iv_target_plan_item_step(item), IV_TARGET_STEP_ASK_INTRO);
	assert_str(iv_target_plan_item_step_contact(item), s.priya);
	assert_str(iv_target_plan_item_step_about(item), iv_intro_introduced(ella));
	iv_target_plan_item_free(item);
	intro_to(s.fx, ella, IV_INTRO_MADE, T0 + DAY);
	item = plan_of(s.fx->db, "Novartis");
	assert_int_equal(iv_target_plan_item_degree(item), 1);
	assert_int_equal(iv_target_plan_item_step(item), IV_TARGET_STEP_REQUEST);
	assert_str(iv_target_plan_item_step_contact(item), iv_intro_introduced(ella));
	iv_target_plan_item_free(item);
	ask = ask_of(s.fx->db, iv_intro_id(ella));
	assert_int_equal(iv_followup_status(ask), IV_FOLLOWUP_DONE);
	iv_followup_free(ask);
	ask = ask_of(s.fx->db, iv_intro_id(tom));
	assert_int_equal(iv_followup_status(ask), IV_FOLLOWUP_PENDING);
	iv_followup_free(ask);
	iv_intro_free(ella);
	iv_intro_free(tom);
}

/* --- All or nothing ----------------------------------------------------------------- */

static iv_time sweep_now;

static int sweep_clock(iv_time *out, void *payload)
{
	(void)payload;
	*out = sweep_now;
	return 0;
}

/* A store on the backend under test behind a fault backend; `dir` holds the SQLite file ("" for memory). */
static iv_db *sweep_store(fault_backend **f, char *dir, size_t n)
{
	iv_backend *inner = NULL, *outer = NULL;
	iv_db *db = NULL;
	char path[600];

	dir[0] = '\0';
	if (strcmp(iv_fixture_backend, "memory") == 0) {
		ok(iv_backend_memory_new(&inner));
	} else {
		snprintf(dir, n, "%s/iv-week-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
		assert_non_null(mkdtemp(dir));
		snprintf(path, sizeof(path), "%s/store.db", dir);
		ok(iv_backend_sqlite_new(&inner, path));
	}
	ok(fault_wrap(&outer, f, inner));
	ok(iv_db_open_backend(&db, outer));
	sweep_now = T0;
	ok(iv_db_set_clock(db, sweep_clock, NULL));
	return db;
}

static void sweep_close(iv_db *db, const char *dir)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	char path[700];
	size_t i;

	iv_db_free(db);
	if (!dir[0])
		return;
	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		snprintf(path, sizeof(path), "%s/store.db%s", dir, ext[i]);
		unlink(path);
	}
	rmdir(dir);
}

/*
 * A referral failing at any one of its backend calls (for every call, the
 * failing write done or not) leaves nothing: no contact, introduction nor
 * follow-up, and no transaction open.
 */
static void a_referral_failing_at_any_backend_call_leaves_nothing(void **state)
{
	fault_backend *f = NULL;
	char dir[512];
	id_t_ priya, talk;
	iv_fixture fx;
	long k;
	int mode, hits = 0, rc;

	(void)state;
	for (mode = FAULT_BEFORE; mode <= FAULT_AFTER; mode++) {
		for (k = 1;; k++) {
			size_t contacts, intros, asks;

			memset(&fx, 0, sizeof(fx));
			fx.db = sweep_store(&f, dir, sizeof(dir));
			iv_fixture_contact(fx.db, "Priya Shah", "Roche", IV_KNOWN_DIRECT, priya);
			interview(&fx, priya, talk);
			contacts = count_contacts(fx.db);
			intros = count_intros(fx.db);
			asks = count_followups(fx.db, IV_FOLLOWUP_ASK_INTRO);
			fault_arm(f, k, IV_ESTORAGE, mode);
			rc = iv_interview_refer(NULL, fx.db, talk, "Ella Marsh", "Novartis");
			if (!fault_hit(f)) {
				fault_disarm(f);
				ok(rc);
				sweep_close(fx.db, dir);
				break;
			}
			fault_disarm(f);
			hits++;
			if (rc >= 0)
				FAIL("call %ld (%s) failed, yet iv_interview_refer() returned %d\n", k, fault_where(f), rc);
			assert_int_equal(iv_db_transaction_depth(fx.db), 0);
			assert_int_equal(count_contacts(fx.db), contacts);
			assert_int_equal(count_intros(fx.db), intros);
			assert_int_equal(count_followups(fx.db, IV_FOLLOWUP_ASK_INTRO), asks);
			sweep_close(fx.db, dir);
		}
	}
	/* The sweep reached every step: reads, the contact, the introduction, the follow-up. */
	assert_true(hits > 8);
}

/* --- Weeks --------------------------------------------------------------------- */

static void set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static void weeks_run_monday_to_monday_in_utc(void **state)
{
	iv_time start = 0, end = 0;

	(void)state;
	ok(iv_week_bounds(&start, &end, T0));
	assert_int_equal(start, W10);
	assert_int_equal(end, W11);
	ok(iv_week_bounds(&start, &end, W11 - 1));
	assert_int_equal(start, W10);
	ok(iv_week_bounds(&start, &end, W11));
	assert_int_equal(start, W11);
}

static void iso_weeks_start_on_their_monday(void **state)
{
	iv_time t = 0;

	(void)state;
	ok(iv_week_start(&t, 2026, 10));
	assert_int_equal(t, W10);
	/* 2026-W01 starts on Monday 2025-12-29. */
	ok(iv_week_start(&t, 2026, 1));
	assert_int_equal(t, W10 - 9 * 7 * DAY);
	/* 2026 starts on a Thursday: 53 weeks; 2025 has 52, leap 2020 (a Wednesday) 53. */
	ok(iv_week_start(&t, 2026, 53));
	check(iv_week_start(&t, 2025, 53), IV_EINVALID);
	assert_message_has("week");
	ok(iv_week_start(&t, 2020, 53));
	check(iv_week_start(&t, 2026, 0), IV_EINVALID);
	check(iv_week_start(&t, 0, 1), IV_EINVALID);
	assert_message_has("year");
}

static void a_new_york_week_is_an_hour_short_over_the_clock_change(void **state)
{
	iv_time start = 0, end = 0, t = 0;

	(void)state;
	set_tz("America/New_York");
	/* Monday 2026-03-02 00:00 EST is 05:00 UTC; clocks go forward on Sunday 8 March. */
	ok(iv_week_bounds(&start, &end, T0));
	assert_int_equal(start, W10 + 5 * HOUR);
	assert_int_equal(end, W11 + 4 * HOUR);
	/* Sunday evening in New York is Monday in UTC, and still the week before. */
	ok(iv_week_bounds(&start, &end, W10 + 2 * HOUR));
	assert_int_equal(end, W10 + 5 * HOUR);
	ok(iv_week_start(&t, 2026, 10));
	assert_int_equal(t, W10 + 5 * HOUR);
	set_tz("UTC");
}

static void a_review_needs_a_known_version(void **state)
{
	iv_fixture *fx = *state;
	iv_week_review r = IV_WEEK_REVIEW_INIT;

	r.version = 0;
	check(iv_week_review_get(&r, fx->db, 0), IV_EVERSION);
	ok(iv_week_review_init(&r, IV_WEEK_REVIEW_VERSION));
	assert_int_equal(r.reply_median, -1);
	ok(iv_week_review_get(&r, fx->db, 0));
	assert_int_equal(r.start, W10);
	assert_int_equal(r.end, W11);
	assert_int_equal(r.requests_sent, 0);
	assert_int_equal(r.reply_median, -1);
}

/*
 * The scripted week 2026-W10, each count made to differ from the others
 * and with events just outside the week on both sides.
 */
/* A target employer named `name`. */
static void target(iv_fixture *fx, const char *name, int motivation)
{
	iv_target *t = NULL;

	ok(iv_target_new(&t));
	ok(iv_target_set_name(t, name));
	ok(iv_target_set_motivation(t, motivation));
	ok(iv_target_insert(fx->db, t));
	iv_target_free(t);
}

static void script_week(iv_fixture *fx)
{
	id_t_ ana, ben, cy, dee, eve, fay, gus, a, b, c, d, e, f, last;
	iv_intro *ella = NULL, *tom = NULL, *got = NULL;
	iv_followup *fu;
	char key[64];

	/*
	 * Targets: Pfizer reached the week before (Gus), Roche this week (Ana,
	 * added on Monday), Novartis this week (Ella, a referral), GSK never.
	 */
	fx->now = W10 - 2 * DAY;
	iv_fixture_contact(fx->db, "Gus", "Pfizer", IV_KNOWN_DIRECT, gus);
	fx->now = T0;
	target(fx, "Pfizer", 3);
	target(fx, "Roche", 2);
	target(fx, "Novartis", 2);
	target(fx, "GSK", 1);
	iv_fixture_contact(fx->db, "Ana", "Roche", IV_KNOWN_DIRECT, ana);
	iv_fixture_contact(fx->db, "Ben", NULL, IV_KNOWN_DIRECT, ben);
	iv_fixture_contact(fx->db, "Cy", NULL, IV_KNOWN_DIRECT, cy);
	iv_fixture_contact(fx->db, "Dee", NULL, IV_KNOWN_DIRECT, dee);
	iv_fixture_contact(fx->db, "Eve", NULL, IV_KNOWN_DIRECT, eve);
	iv_fixture_contact(fx->db, "Fay", NULL, IV_KNOWN_DIRECT, fay);
	/* The week before: A asked on Friday; D held on Thursday, thanked late on Monday. */
	interview(fx, ana, a);
	move_at(fx, a, IV_INTERVIEW_REQUESTED, W10 - 3 * DAY + 10 * HOUR);
	talked(fx, dee, W10 - 4 * DAY + 10 * HOUR, d);
	/* Requests this week: B and C on Monday, F in the last second of Sunday. */
	interview(fx, ben, b);
	move_at(fx, b, IV_INTERVIEW_REQUESTED, W10 + 9 * HOUR);
	interview(fx, cy, c);
	move_at(fx, c, IV_INTERVIEW_REQUESTED, W10 + 9 * HOUR);
	interview(fx, fay, f);
	move_at(fx, f, IV_INTERVIEW_REQUESTED, W11 - 1);
	/* E asked at the first second of the next week: not this one. */
	interview(fx, eve, e);
	move_at(fx, e, IV_INTERVIEW_REQUESTED, W11);
	/* Replies: A scheduled Tuesday 09:00, B declined Wednesday 09:00, C scheduled Thursday 15:00. */
	move_at(fx, a, IV_INTERVIEW_SCHEDULED, W10 + DAY + 9 * HOUR);
	move_at(fx, b, IV_INTERVIEW_DECLINED, W10 + 2 * DAY + 9 * HOUR);
	move_at(fx, c, IV_INTERVIEW_SCHEDULED, W10 + 3 * DAY + 15 * HOUR);
	/* C's talk falls through and is declined: still one reply, at its scheduling. */
	move_at(fx, c, IV_INTERVIEW_DECLINED, W10 + 4 * DAY);
	/* D's thank-you (due the Friday before) done on Monday: sent, late. */
	snprintf(key, sizeof(key), "thank_you:%s", d);
	fu = by_rule(fx->db, key);
	fx->now = W10 + 10 * HOUR;
	ok(iv_followup_close(NULL, fx->db, iv_followup_id(fu), IV_FOLLOWUP_DONE));
	iv_followup_free(fu);
	/* A held on Thursday 10:00, thanked on time at 14:00. */
	move_at(fx, a, IV_INTERVIEW_COMPLETED, W10 + 3 * DAY + 10 * HOUR);
	snprintf(key, sizeof(key), "thank_you:%s", a);
	fu = by_rule(fx->db, key);
	fx->now = W10 + 3 * DAY + 14 * HOUR;
	ok(iv_followup_close(NULL, fx->db, iv_followup_id(fu), IV_FOLLOWUP_DONE));
	iv_followup_free(fu);
	/* Ana suggests two people; you ask her for Ella on Friday, she makes it on Saturday. */
	ok(iv_interview_refer(&ella, fx->db, a, "Ella Marsh", "Novartis"));
	ok(iv_interview_refer(&tom, fx->db, a, "Tom Reed", NULL));
	fu = ask_of(fx->db, iv_intro_id(ella));
	fx->now = W10 + 4 * DAY + 9 * HOUR;
	ok(iv_followup_close(NULL, fx->db, iv_followup_id(fu), IV_FOLLOWUP_DONE));
	iv_followup_free(fu);
	ok(iv_intro_lookup(&got, fx->db, iv_intro_id(ella)));
	assert_int_equal(iv_intro_status(got), IV_INTRO_REQUESTED);
	iv_intro_free(ella);
	ella = got;
	fx->now = W10 + 5 * DAY + 12 * HOUR;
	ok(iv_intro_set_status(ella, IV_INTRO_MADE));
	ok(iv_intro_set_made_at(ella, fx->now));
	ok(iv_intro_update(fx->db, ella));
	/* Something the week after changes nothing. */
	talked(fx, eve, W11 + 2 * DAY, last);
	iv_intro_free(ella);
	iv_intro_free(tom);
}

static void expect_the_scripted_week(iv_fixture *fx, iv_time at)
{
	iv_week_review r = IV_WEEK_REVIEW_INIT;

	ok(iv_week_review_get(&r, fx->db, at));
	assert_int_equal(r.requests_sent, 3);   /* B, C, F */
	assert_int_equal(r.replies, 3);         /* A, B, C */
	/* Waits: B 2 d, C 3 d 6 h, A 3 d 23 h; the middle one. */
	assert_int_equal(r.reply_median, 3 * DAY + 6 * HOUR);
	assert_int_equal(r.talks_held, 1);      /* A */
	assert_int_equal(r.thanks_sent, 2);     /* D's, A's */
	assert_int_equal(r.thanks_late, 1);     /* D's */
	assert_int_equal(r.intros_asked, 1);    /* Ella */
	assert_int_equal(r.intros_made, 1);     /* Ella */
	assert_int_equal(r.referrals, 2);       /* Ella, Tom */
	assert_int_equal(r.targets_reached, 2); /* Roche, Novartis */
}

static void the_scripted_week_counts_exactly(void **state)
{
	iv_fixture *fx = *state;
	iv_week_review r = IV_WEEK_REVIEW_INIT;

	script_week(fx);
	expect_the_scripted_week(fx, W10 + 3 * DAY);
	expect_the_scripted_week(fx, W10);
	expect_the_scripted_week(fx, W11 - 1);
	/* The week after holds E's request, and a second talk with Eve, asked a day before it. */
	ok(iv_week_review_get(&r, fx->db, W11));
	assert_int_equal(r.requests_sent, 2);
	assert_int_equal(r.talks_held, 1);
	assert_int_equal(r.replies, 1);
	assert_int_equal(r.reply_median, DAY - HOUR);
	assert_int_equal(r.targets_reached, 0);
	/* The week before saw Pfizer reached. */
	ok(iv_week_review_get(&r, fx->db, W10 - 1));
	assert_int_equal(r.targets_reached, 1);
}

static void the_store_clock_picks_the_week(void **state)
{
	iv_fixture *fx = *state;
	iv_week_review r = IV_WEEK_REVIEW_INIT;

	script_week(fx);
	fx->now = W10 + 6 * DAY;
	ok(iv_week_review_get(&r, fx->db, 0));
	assert_int_equal(r.start, W10);
	assert_int_equal(r.requests_sent, 3);
}

/* In New York the week ends at Monday 00:00 EDT, 04:00 UTC, after the clocks went forward. */
static void a_new_york_week_counts_to_its_own_edges(void **state)
{
	iv_fixture *fx = *state;
	iv_week_review r = IV_WEEK_REVIEW_INIT;
	id_t_ ana, ben, cy, a, b, c;

	set_tz("America/New_York");
	iv_fixture_contact(fx->db, "Ana", NULL, IV_KNOWN_DIRECT, ana);
	iv_fixture_contact(fx->db, "Ben", NULL, IV_KNOWN_DIRECT, ben);
	iv_fixture_contact(fx->db, "Cy", NULL, IV_KNOWN_DIRECT, cy);
	interview(fx, ana, a);
	interview(fx, ben, b);
	interview(fx, cy, c);
	/* Sunday 1 March 23:00 EST: the week before, though Monday in UTC. */
	move_at(fx, a, IV_INTERVIEW_REQUESTED, W10 + 4 * HOUR);
	/* Sunday 8 March 23:30 EDT: the last half hour of the week. */
	move_at(fx, b, IV_INTERVIEW_REQUESTED, W11 + 3 * HOUR + 1800);
	/* Monday 9 March 00:00 EDT: the next week. */
	move_at(fx, c, IV_INTERVIEW_REQUESTED, W11 + 4 * HOUR);
	ok(iv_week_review_get(&r, fx->db, W10 + 5 * HOUR));
	assert_int_equal(r.start, W10 + 5 * HOUR);
	assert_int_equal(r.end, W11 + 4 * HOUR);
	assert_int_equal(r.requests_sent, 1);
	set_tz("UTC");
}

/* --- The agenda's weekly plan ----------------------------------------------------- */

/* The agenda's IV_AGENDA_PLAN items at `at` under `opts`: the targets' names, comma-separated, into `buf`. */
static void plan_items(iv_fixture *fx, iv_agenda_options *opts, iv_time at, char *buf, size_t n)
{
	iv_agenda_iter *it = NULL;
	iv_agenda_item *item = NULL;
	int last = 0, rc;

	buf[0] = '\0';
	opts->at = at;
	ok(iv_agenda(&it, fx->db, opts));
	while ((rc = iv_agenda_iter_next(&item, it)) == 0) {
		int kind = iv_agenda_item_kind(item);
		if (kind == IV_AGENDA_PLAN) {
			const iv_target_plan_item *p = iv_agenda_item_plan(item);
			snprintf(buf + strlen(buf), n - strlen(buf), "%s%s", buf[0] ? "," : "",
				 iv_target_name(iv_target_plan_item_target(p)));
			/* The contact is whom the step is with; nobody for FIND. */
			if (iv_target_plan_item_step_contact(p))
				assert_str(iv_contact_id(iv_agenda_item_contact(item)), iv_target_plan_item_step_contact(p));
			else
				assert_null(iv_agenda_item_contact(item));
		} else {
			/* The plan comes last. */
			assert_int_equal(last, 0);
		}
		last = kind == IV_AGENDA_PLAN;
		iv_agenda_item_free(item);
	}
	check(rc, IV_ITEROVER);
	iv_agenda_iter_free(it);
}

/* Seven targets: four with a step, one waiting, two more with a step further down. */
static void seven_targets(iv_fixture *fx)
{
	id_t_ ana, ben, iv;

	iv_fixture_contact(fx->db, "Ana", "Roche", IV_KNOWN_DIRECT, ana);
	iv_fixture_contact(fx->db, "Ben", "Bayer", IV_KNOWN_DIRECT, ben);
	target(fx, "Roche", 3);    /* request Ana */
	target(fx, "Bayer", 3);    /* waiting: Ben's interview is requested */
	target(fx, "Pfizer", 3);   /* find someone */
	target(fx, "Novartis", 2);
	target(fx, "GSK", 2);
	target(fx, "Sanofi", 1);
	target(fx, "Merck", 1);
	interview(fx, ben, iv);
	move_at(fx, iv, IV_INTERVIEW_REQUESTED, T0);
}

static void the_agenda_lists_the_plan_on_mondays_first_five_steps_last(void **state)
{
	iv_fixture *fx = *state;
	iv_agenda_options o = IV_AGENDA_OPTIONS_INIT;
	char got[256];

	seven_targets(fx);
	plan_items(fx, &o, T0, got, sizeof(got));
	/* LAMP order: motivation, then advocacy; Bayer waits for Ben's answer. */
	assert_string_equal(got, "Roche,Pfizer,GSK,Novartis,Merck");
	/* Not on Tuesday. */
	plan_items(fx, &o, T0 + DAY, got, sizeof(got));
	assert_string_equal(got, "");
	/* Always, or never, when the caller says so. */
	o.plan = IV_AGENDA_PLAN_ALWAYS;
	plan_items(fx, &o, T0 + DAY, got, sizeof(got));
	assert_string_equal(got, "Roche,Pfizer,GSK,Novartis,Merck");
	o.plan = IV_AGENDA_PLAN_NEVER;
	plan_items(fx, &o, T0, got, sizeof(got));
	assert_string_equal(got, "");
	o.plan = 2;
	o.at = T0;
	{
		iv_agenda_iter *it = NULL;
		check(iv_agenda(&it, fx->db, &o), IV_EINVALID);
		assert_message_has("plan");
	}
}

static void the_plan_day_is_a_rule_of_the_store(void **state)
{
	iv_fixture *fx = *state;
	iv_agenda_options o = IV_AGENDA_OPTIONS_INIT;
	iv_rules rules = IV_RULES_INIT;
	char got[256];

	seven_targets(fx);
	assert_int_equal(rules.plan_day, 1);
	rules.plan_day = 2;
	ok(iv_rules_set(fx->db, &rules));
	plan_items(fx, &o, T0, got, sizeof(got));
	assert_string_equal(got, "");
	plan_items(fx, &o, T0 + DAY, got, sizeof(got));
	assert_string_equal(got, "Roche,Pfizer,GSK,Novartis,Merck");
	rules.plan_day = 0;
	ok(iv_rules_set(fx->db, &rules));
	plan_items(fx, &o, T0, got, sizeof(got));
	assert_string_equal(got, "");
	rules.plan_day = 8;
	check(iv_rules_set(fx->db, &rules), IV_EINVALID);
	assert_message_has("plan_day");
	/* A caller of version 1 leaves it as it is. */
	rules.version = 1;
	rules.plan_day = 3;
	ok(iv_rules_set(fx->db, &rules));
	rules = (iv_rules)IV_RULES_INIT;
	ok(iv_rules_get(&rules, fx->db));
	assert_int_equal(rules.plan_day, 0);
}

static void older_agenda_options_never_list_the_plan(void **state)
{
	iv_fixture *fx = *state;
	iv_agenda_options o;
	char got[256];

	seven_targets(fx);
	ok(iv_agenda_options_init(&o, 2));
	plan_items(fx, &o, T0, got, sizeof(got));
	assert_string_equal(got, "");
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, iv_fixture_setup, iv_fixture_teardown)
		T(a_referral_makes_the_person_a_suggested_introduction_and_a_follow_up),
		T(an_existing_contact_is_reused_ascii_case_insensitively),
		T(a_namesake_at_another_company_is_someone_else),
		T(referring_the_same_person_twice_duplicates_nothing),
		T(two_referrals_make_two_introductions_and_two_follow_ups),
		T(marking_the_introduction_made_closes_the_follow_up),
		T(a_declined_introduction_cancels_the_follow_up),
		T(doing_the_follow_up_marks_the_introduction_requested),
		T(a_referral_to_an_introduction_already_made_asks_nothing),
		T(the_follow_up_drafts_the_introduction_request),
		T(referring_the_interviewee_to_themselves_is_refused_and_changes_nothing),
		T(a_referral_made_moves_its_target_one_step_nearer),
		cmocka_unit_test(a_referral_failing_at_any_backend_call_leaves_nothing),
		T(weeks_run_monday_to_monday_in_utc),
		T(iso_weeks_start_on_their_monday),
		T(a_new_york_week_is_an_hour_short_over_the_clock_change),
		T(a_review_needs_a_known_version),
		T(the_scripted_week_counts_exactly),
		T(the_store_clock_picks_the_week),
		T(a_new_york_week_counts_to_its_own_edges),
		T(the_agenda_lists_the_plan_on_mondays_first_five_steps_last),
		T(the_plan_day_is_a_rule_of_the_store),
		T(older_agenda_options_never_list_the_plan),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

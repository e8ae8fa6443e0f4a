/*
 * The range of times (issue 12): every time a record holds is from
 * IV_TIME_MIN to IV_TIME_MAX (the years 1 to 9999), the setters refuse
 * others naming the field, and the arithmetic on times saturates at the
 * bounds instead of overflowing (UBSan builds abort on an overflow).
 *
 * usage: test_time memory|sqlite
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include <infoview/infoview.h>

#include "fixture.h"

#define T0 IV_FIXTURE_T0


typedef char id_t_[IV_ID_LEN + 1];

/* Times no record may hold. */
static const iv_time outside[] = {
	IV_TIME_MAX + 1, IV_TIME_MIN - 1, INT64_MAX, INT64_MIN, INT64_MAX - 5,
};

/* --- Arithmetic ------------------------------------------------------------ */

static void add_days_saturates_at_the_latest_time(void **state)
{
	(void)state;
	assert_true(iv_time_add_days(INT64_MAX - 5, 1) == IV_TIME_MAX);
	assert_true(iv_time_add_days(INT64_MAX, INT_MAX) == IV_TIME_MAX);
	assert_true(iv_time_add_days(IV_TIME_MAX, 1) == IV_TIME_MAX);
	assert_true(iv_time_add_days(IV_TIME_MAX - DAY / 2, 1) == IV_TIME_MAX);
	assert_true(iv_time_add_days(T0, INT_MAX) == IV_TIME_MAX);
}

static void add_days_saturates_at_the_earliest_time(void **state)
{
	(void)state;
	assert_true(iv_time_add_days(INT64_MIN + 5, -1) == IV_TIME_MIN);
	assert_true(iv_time_add_days(INT64_MIN, INT_MIN) == IV_TIME_MIN);
	assert_true(iv_time_add_days(IV_TIME_MIN, -1) == IV_TIME_MIN);
	assert_true(iv_time_add_days(T0, INT_MIN) == IV_TIME_MIN);
}

static void add_days_within_the_range_is_unchanged(void **state)
{
	(void)state;
	/* The fixture runs in UTC: a day is 86400 s. */
	assert_true(iv_time_add_days(T0, 1) == T0 + DAY);
	assert_true(iv_time_add_days(T0, -3) == T0 - 3 * DAY);
	assert_true(iv_time_add_days(IV_TIME_MAX - DAY, 1) == IV_TIME_MAX);
	assert_true(iv_time_add_days(IV_TIME_MIN + DAY, -1) == IV_TIME_MIN);
	assert_true(iv_time_add_days(IV_TIME_MIN, 1) == IV_TIME_MIN + DAY);
	assert_true(iv_time_add_days(-DAY, 2) == DAY);
}

static void business_days_saturate(void **state)
{
	(void)state;
	assert_true(iv_time_add_business_days(INT64_MAX - 5, 1) == IV_TIME_MAX);
	assert_true(iv_time_add_business_days(INT64_MAX, INT_MAX) == IV_TIME_MAX);
	assert_true(iv_time_add_business_days(T0, INT_MAX) == IV_TIME_MAX);
	assert_true(iv_time_add_business_days(INT64_MIN + 5, -1) == IV_TIME_MIN);
	assert_true(iv_time_add_business_days(T0, INT_MIN) == IV_TIME_MIN);
	/* Monday T0 plus 5 business days is the next Monday. */
	assert_true(iv_time_add_business_days(T0, 5) == T0 + 7 * DAY);
}

/* --- Setters ----------------------------------------------------------------- */

/* Asserts `set(t)` refuses every time outside the range naming `field`, and takes the bounds. */
#define REFUSES_OUTSIDE(field, call) do { \
	size_t i_; \
	iv_time t; \
	for (i_ = 0; i_ < sizeof(outside) / sizeof(outside[0]); i_++) { \
		t = outside[i_]; \
		check(call, IV_EINVALID); \
		assert_message_has(field); \
		assert_message_has("0001-01-01 to 9999-12-31"); \
	} \
	t = IV_TIME_MIN; \
	ok(call); \
	t = IV_TIME_MAX; \
	ok(call); \
	t = 0; \
	ok(call); \
} while (0)

static void setters_refuse_times_outside_the_range(void **state)
{
	iv_contact *c = NULL;
	iv_intro *in = NULL;
	iv_interview *iv = NULL;
	iv_followup *fu = NULL;
	iv_note *n = NULL;

	(void)state;
	ok(iv_contact_new(&c));
	ok(iv_intro_new(&in));
	ok(iv_interview_new(&iv));
	ok(iv_followup_new(&fu));
	ok(iv_note_new(&n));
	REFUSES_OUTSIDE("contact.last_interaction", iv_contact_set_last_interaction(c, t));
	REFUSES_OUTSIDE("intro.requested_at", iv_intro_set_requested_at(in, t));
	REFUSES_OUTSIDE("intro.made_at", iv_intro_set_made_at(in, t));
	REFUSES_OUTSIDE("interview.scheduled_at", iv_interview_set_scheduled_at(iv, t));
	REFUSES_OUTSIDE("interview.status_at", iv_interview_set_status_at(iv, IV_INTERVIEW_REQUESTED, t));
	REFUSES_OUTSIDE("followup.earliest", iv_followup_set_earliest(fu, t));
	REFUSES_OUTSIDE("followup.due", iv_followup_set_due(fu, t));
	REFUSES_OUTSIDE("followup.closed_at", iv_followup_set_closed_at(fu, t));
	REFUSES_OUTSIDE("note.at", iv_note_set_at(n, t));
	iv_contact_free(c);
	iv_intro_free(in);
	iv_interview_free(iv);
	iv_followup_free(fu);
	iv_note_free(n);
}

static void a_refused_time_leaves_the_field_as_it_was(void **state)
{
	iv_contact *c = NULL;

	(void)state;
	ok(iv_contact_new(&c));
	ok(iv_contact_set_last_interaction(c, T0));
	check(iv_contact_set_last_interaction(c, INT64_MAX - 5), IV_EINVALID);
	assert_true(iv_contact_last_interaction(c) == T0);
	iv_contact_free(c);
}

static void a_note_may_be_dated_before_1970(void **state)
{
	iv_fixture *fx = *state;
	iv_note *n = NULL;
	id_t_ dana;

	iv_fixture_contact(fx->db, "Dana Smith", NULL, IV_KNOWN_DIRECT, dana);
	ok(iv_note_new(&n));
	ok(iv_note_set_contact(n, dana));
	ok(iv_note_set_text(n, "Met at the 1969 fair"));
	ok(iv_note_set_at(n, -100 * DAY));
	ok(iv_note_insert(fx->db, n));
	assert_true(iv_note_at(n) == -100 * DAY);
	iv_note_free(n);
}

/* --- What the workflow computes -------------------------------------------- */

/* The pending check-in of `contact_id`; free with iv_followup_free(). */
static iv_followup *check_in_of(iv_db *db, const char *contact_id)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL, *found = NULL;

	f.contact = contact_id;
	f.status = IV_FOLLOWUP_PENDING;
	ok(iv_followup_list(&it, db, &f));
	while (iv_followup_iter_next(&fu, it) == 0) {
		if (iv_followup_kind(fu) == IV_FOLLOWUP_CHECK_IN && !found)
			found = fu;
		else
			iv_followup_free(fu);
	}
	iv_followup_iter_free(it);
	assert_non_null(found);
	return found;
}

static void a_cadence_after_a_last_interaction_near_the_end_saturates(void **state)
{
	iv_fixture *fx = *state;
	iv_contact *c = NULL;
	iv_followup *fu;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Late Lee"));
	ok(iv_contact_set_cadence_days(c, 3650));
	ok(iv_contact_set_last_interaction(c, IV_TIME_MAX - 10));
	ok(iv_contact_insert(fx->db, c));
	fu = check_in_of(fx->db, iv_contact_id(c));
	assert_true(iv_followup_due(fu) == IV_TIME_MAX);
	assert_true(iv_followup_earliest(fu) == IV_TIME_MAX);
	iv_followup_free(fu);
	iv_contact_free(c);
}

static void touch_refuses_a_time_outside_the_range(void **state)
{
	iv_fixture *fx = *state;
	iv_contact *c = NULL;
	iv_note *n = NULL;
	id_t_ cal;
	size_t i;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Cadence Cal"));
	ok(iv_contact_set_cadence_days(c, 30));
	ok(iv_contact_insert(fx->db, c));
	for (i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		check(iv_contact_touch(fx->db, iv_contact_id(c), outside[i], NULL), IV_EINVALID);
		assert_message_has("when");
		check(iv_contact_interact(&n, fx->db, iv_contact_id(c), outside[i], "hello"), IV_EINVALID);
		assert_message_has("when");
		assert_null(n);
	}
	memcpy(cal, iv_contact_id(c), sizeof(cal));
	iv_contact_free(c);
	ok(iv_contact_lookup(&c, fx->db, cal));
	assert_true(iv_contact_last_interaction(c) == 0);
	iv_contact_free(c);
}

static void touch_at_the_latest_time_puts_the_check_in_there(void **state)
{
	iv_fixture *fx = *state;
	iv_followup *fu;
	id_t_ cal;
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Cadence Cal"));
	ok(iv_contact_set_cadence_days(c, 30));
	ok(iv_contact_insert(fx->db, c));
	memcpy(cal, iv_contact_id(c), sizeof(cal));
	iv_contact_free(c);
	ok(iv_contact_touch(fx->db, cal, IV_TIME_MAX, NULL));
	fu = check_in_of(fx->db, cal);
	assert_true(iv_followup_due(fu) == IV_TIME_MAX);
	iv_followup_free(fu);
}

static void nudges_of_a_request_near_the_end_saturate(void **state)
{
	iv_fixture *fx = *state;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	iv_interview *iv = NULL;
	id_t_ dana;
	int n = 0;

	iv_fixture_contact(fx->db, "Dana Smith", NULL, IV_KNOWN_DIRECT, dana);
	fx->now = IV_TIME_MAX - 60;
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, dana));
	ok(iv_interview_insert(fx->db, iv));
	ok(iv_interview_move(NULL, fx->db, iv_interview_id(iv), IV_INTERVIEW_REQUESTED));
	ok(iv_followup_list(&it, fx->db, NULL));
	while (iv_followup_iter_next(&fu, it) == 0) {
		assert_true(iv_followup_due(fu) <= IV_TIME_MAX);
		assert_true(iv_followup_due(fu) >= fx->now);
		n++;
		iv_followup_free(fu);
	}
	assert_true(n > 0);
	iv_followup_iter_free(it);
	iv_interview_free(iv);
}

static void thanks_for_an_interview_completed_at_the_end_saturate(void **state)
{
	iv_fixture *fx = *state;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	iv_interview *iv = NULL;
	id_t_ dana;
	int thanks = 0;

	iv_fixture_contact(fx->db, "Dana Smith", NULL, IV_KNOWN_DIRECT, dana);
	fx->now = IV_TIME_MAX - 3 * DAY;
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, dana));
	ok(iv_interview_add_advice(iv, "Read the EPARs"));
	ok(iv_interview_insert(fx->db, iv));
	ok(iv_interview_move(NULL, fx->db, iv_interview_id(iv), IV_INTERVIEW_REQUESTED));
	ok(iv_interview_move(NULL, fx->db, iv_interview_id(iv), IV_INTERVIEW_SCHEDULED));
	fx->now = IV_TIME_MAX - 10;
	ok(iv_interview_move(NULL, fx->db, iv_interview_id(iv), IV_INTERVIEW_COMPLETED));
	ok(iv_followup_list(&it, fx->db, NULL));
	while (iv_followup_iter_next(&fu, it) == 0) {
		assert_true(iv_followup_due(fu) <= IV_TIME_MAX);
		assert_true(iv_followup_earliest(fu) <= IV_TIME_MAX);
		if (iv_followup_kind(fu) == IV_FOLLOWUP_THANK_YOU) {
			assert_true(iv_followup_due(fu) == IV_TIME_MAX);
			thanks++;
		}
		iv_followup_free(fu);
	}
	assert_int_equal(thanks, 1);
	iv_followup_iter_free(it);
	iv_interview_free(iv);
}

static int discard(const char *data, size_t len, void *payload)
{
	(void)data;
	(void)payload;
	(void)len;
	return 0;
}

/* A store's own times are not a setter's: a damaged file may hold any. */
static void a_calendar_export_of_stored_times_at_the_extremes_does_not_overflow(void **state)
{
	iv_fixture *fx = *state;
	char path[600];
	sqlite3 *sq = NULL;
	iv_followup *fu = NULL;
	id_t_ dana;

	if (!fx->dir[0])
		skip(); /* the memory store keeps what the core gave it */
	iv_fixture_contact(fx->db, "Dana Smith", NULL, IV_KNOWN_DIRECT, dana);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, dana));
	ok(iv_followup_set_due(fu, T0));
	ok(iv_followup_insert(fx->db, fu));
	iv_followup_free(fu);
	snprintf(path, sizeof(path), "%s/store.db", fx->dir);
	assert_int_equal(sqlite3_open(path, &sq), SQLITE_OK);
	assert_int_equal(sqlite3_exec(sq, "UPDATE followup SET created = -9223372036854775808, "
				      "updated = 9223372036854775807", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(sq);
	ok(iv_export(fx->db, IV_FORMAT_ICALENDAR, discard, NULL, NULL));
}

static void the_agenda_refuses_a_moment_outside_the_range(void **state)
{
	iv_fixture *fx = *state;
	iv_agenda_options o = IV_AGENDA_OPTIONS_INIT;
	iv_agenda_iter *it = NULL;
	size_t i;

	for (i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		o.at = outside[i];
		check(iv_agenda(&it, fx->db, &o), IV_EINVALID);
		assert_message_has("iv_agenda_options.at");
		assert_null(it);
	}
	o.at = IV_TIME_MAX;
	ok(iv_agenda(&it, fx->db, &o));
	iv_agenda_iter_free(it);
}

struct text {
	const char *p;
	size_t pos;
};

static int read_text(char *buf, size_t cap, size_t *got, void *payload)
{
	struct text *t = payload;
	size_t n = strlen(t->p + t->pos);

	if (n > cap)
		n = cap;
	memcpy(buf, t->p + t->pos, n);
	t->pos += n;
	*got = n;
	return 0;
}

static void a_backup_with_a_time_outside_the_range_is_refused(void **state)
{
	iv_fixture *fx = *state;
#define DOC(t) "{\"format\": \"infoview-backup\", \"version\": 1, \"settings\": [{\"key\": " \
	"\"iv.number.contact\", \"value\": \"1\"}], \"contacts\": [\n{\"id\": " \
	"\"01900000-0000-7000-8000-000000000002\", \"number\": 1, \"created\": 1, \"updated\": 1, " \
	"\"name\": \"Late\", \"last_interaction\": " t "}]}\n"
	static const char *const docs[] = { DOC("253402300800"), DOC("-62135596801"), DOC("-9223372036854775807") };

	iv_import_report *r = NULL;
	size_t i;

	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		struct text t = { docs[i], 0 };

		check(iv_import(&r, fx->db, IV_FORMAT_JSON, read_text, &t, NULL), IV_EINVALID);
		assert_message_has("last_interaction");
		assert_message_has("0001-01-01 to 9999-12-31");
		iv_import_report_free(r);
		r = NULL;
	}
}

static void ffi_gives_the_earliest_time(void **state)
{
	int64_t v = 0;

	(void)state;
	ok(iv_constant(&v, "IV_TIME_MIN"));
	assert_true(v == IV_TIME_MIN);
	assert_true(IV_TIME_MIN == INT64_C(-62135596800));
}

#define T(name) cmocka_unit_test_setup_teardown(name, iv_fixture_setup, iv_fixture_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(add_days_saturates_at_the_latest_time),
		cmocka_unit_test(add_days_saturates_at_the_earliest_time),
		cmocka_unit_test(add_days_within_the_range_is_unchanged),
		cmocka_unit_test(business_days_saturate),
		cmocka_unit_test(setters_refuse_times_outside_the_range),
		cmocka_unit_test(a_refused_time_leaves_the_field_as_it_was),
		T(a_note_may_be_dated_before_1970),
		T(a_cadence_after_a_last_interaction_near_the_end_saturates),
		T(touch_refuses_a_time_outside_the_range),
		T(touch_at_the_latest_time_puts_the_check_in_there),
		T(nudges_of_a_request_near_the_end_saturate),
		T(thanks_for_an_interview_completed_at_the_end_saturate),
		T(a_calendar_export_of_stored_times_at_the_extremes_does_not_overflow),
		T(the_agenda_refuses_a_moment_outside_the_range),
		T(a_backup_with_a_time_outside_the_range_is_refused),
		cmocka_unit_test(ffi_gives_the_earliest_time),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

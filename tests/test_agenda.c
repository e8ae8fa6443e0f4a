/*
 * The agenda: follow-ups whose time has come, interviews coming up, requests
 * still waiting, run against each backend:
 *
 *     test_agenda memory
 *     test_agenda sqlite
 *
 * The data is made with the public API directly. The workflow's rules also
 * make follow-ups of their own (nudges for requests, thank-yous for completed
 * talks); they carry a rule key, and the assertions below only look at the
 * follow-ups made by hand.
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

/* What the tests look at in an agenda item. */
typedef struct seen {
	int kind;
	id_t_ id;        /* the follow-up's or the interview's */
	id_t_ contact;
	id_t_ interview; /* "" if none */
	iv_time time;
	int overdue;
	int64_t waiting;
} seen;

static void copy_id(char *dst, const char *id)
{
	if (id)
		memcpy(dst, id, IV_ID_LEN + 1);
	else
		dst[0] = '\0';
}

static void followup(iv_db *db, const char *to, const char *interview, iv_time earliest, iv_time due,
		     int status, char *out)
{
	iv_followup *fu = NULL;

	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, to));
	ok(iv_followup_set_interview(fu, interview));
	ok(iv_followup_set_earliest(fu, earliest));
	ok(iv_followup_set_due(fu, due));
	ok(iv_followup_set_status(fu, status));
	ok(iv_followup_set_note(fu, "by hand"));
	ok(iv_followup_insert(db, fu));
	copy_id(out, iv_followup_id(fu));
	iv_followup_free(fu);
}

/*
 * Stores an interview in `status` under `id` (NULL for a new one); `when` is
 * its scheduled time or, if requested, the request time.
 */
static void interview_as(iv_db *db, const char *id, const char *with, int status, iv_time when, char *out)
{
	iv_interview *iv = NULL;

	ok(iv_interview_new(&iv));
	ok(iv_interview_set_id(iv, id));
	ok(iv_interview_set_contact(iv, with));
	ok(iv_interview_set_status(iv, status));
	if (status == IV_INTERVIEW_SCHEDULED)
		ok(iv_interview_set_scheduled_at(iv, when));
	if (status == IV_INTERVIEW_REQUESTED)
		ok(iv_interview_set_status_at(iv, status, when));
	ok(iv_interview_insert(db, iv));
	copy_id(out, iv_interview_id(iv));
	iv_interview_free(iv);
}

static void interview(iv_db *db, const char *with, int status, iv_time when, char *out)
{
	interview_as(db, NULL, with, status, when, out);
}

static void record(seen *s, const iv_agenda_item *item)
{
	const iv_followup *fu = iv_agenda_item_followup(item);
	const iv_interview *iv = iv_agenda_item_interview(item);

	memset(s, 0, sizeof(*s));
	s->kind = iv_agenda_item_kind(item);
	assert_non_null(iv_agenda_item_contact(item));
	copy_id(s->contact, iv_contact_id(iv_agenda_item_contact(item)));
	copy_id(s->interview, iv ? iv_interview_id(iv) : NULL);
	if (s->kind == IV_AGENDA_FOLLOWUP) {
		assert_non_null(fu);
		copy_id(s->id, iv_followup_id(fu));
	} else {
		assert_null(fu);
		assert_non_null(iv);
		copy_id(s->id, iv_interview_id(iv));
	}
	s->time = iv_agenda_item_time(item);
	s->overdue = iv_agenda_item_overdue(item);
	s->waiting = iv_agenda_item_waiting(item);
}

/* Reads the whole agenda, leaving out follow-ups the rules made; returns how many items. */
static size_t read_agenda(iv_db *db, const iv_agenda_options *opts, seen *out, size_t max)
{
	iv_agenda_iter *it = NULL;
	iv_agenda_item *item = NULL;
	size_t n = 0;
	int rc;

	ok(iv_agenda(&it, db, opts));
	while ((rc = iv_agenda_iter_next(&item, it)) == 0) {
		const iv_followup *fu = iv_agenda_item_followup(item);
		if (!fu || !iv_followup_rule(fu)) {
			assert_true(n < max);
			record(&out[n++], item);
		}
		iv_agenda_item_free(item);
		item = NULL;
	}
	check(rc, IV_ITEROVER);
	assert_null(item);
	check(iv_agenda_iter_next(&item, it), IV_ITEROVER);
	iv_agenda_iter_free(it);
	return n;
}

/* --- Follow-ups ---------------------------------------------------------- */

static void empty_agenda_is_over_at_once(void **state)
{
	iv_fixture *fx = *state;
	iv_agenda_iter *it = NULL;
	iv_agenda_item *item = NULL;

	ok(iv_agenda(&it, fx->db, NULL));
	check(iv_agenda_iter_next(&item, it), IV_ITEROVER);
	assert_null(item);
	iv_agenda_iter_free(it);
}

static void followup_appears_once_its_earliest_time_passes(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, fu;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	followup(fx->db, dana, NULL, fx->now + 3 * HOUR, fx->now + DAY, IV_FOLLOWUP_PENDING, fu);
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 0);
	fx->now += 3 * HOUR - 1;
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 0);
	fx->now += 1;
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 1);
	assert_int_equal(items[0].kind, IV_AGENDA_FOLLOWUP);
	assert_string_equal(items[0].id, fu);
}

static void followup_without_earliest_time_is_shown_at_once(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, fu;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	followup(fx->db, dana, NULL, 0, fx->now + DAY, IV_FOLLOWUP_PENDING, fu);
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 1);
	assert_string_equal(items[0].id, fu);
}

static void followups_are_ordered_by_due_time(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, late, soon, middle;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	followup(fx->db, dana, NULL, 0, fx->now + 3 * DAY, IV_FOLLOWUP_PENDING, late);
	followup(fx->db, dana, NULL, 0, fx->now + HOUR, IV_FOLLOWUP_PENDING, soon);
	followup(fx->db, dana, NULL, 0, fx->now + DAY, IV_FOLLOWUP_PENDING, middle);
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 3);
	assert_string_equal(items[0].id, soon);
	assert_string_equal(items[1].id, middle);
	assert_string_equal(items[2].id, late);
	assert_int_equal(items[0].time, fx->now + HOUR);
	assert_int_equal(items[2].time, fx->now + 3 * DAY);
}

static void followup_past_due_is_overdue(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, past, future;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	followup(fx->db, dana, NULL, 0, fx->now - 1, IV_FOLLOWUP_PENDING, past);
	followup(fx->db, dana, NULL, 0, fx->now + 1, IV_FOLLOWUP_PENDING, future);
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 2);
	assert_string_equal(items[0].id, past);
	assert_int_equal(items[0].overdue, 1);
	assert_string_equal(items[1].id, future);
	assert_int_equal(items[1].overdue, 0);
}

static void closed_followups_are_absent(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, done, skipped, cancelled, pending;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	followup(fx->db, dana, NULL, 0, fx->now - DAY, IV_FOLLOWUP_DONE, done);
	followup(fx->db, dana, NULL, 0, fx->now - DAY, IV_FOLLOWUP_SKIPPED, skipped);
	followup(fx->db, dana, NULL, 0, fx->now - DAY, IV_FOLLOWUP_CANCELLED, cancelled);
	followup(fx->db, dana, NULL, 0, fx->now + DAY, IV_FOLLOWUP_PENDING, pending);
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 1);
	assert_string_equal(items[0].id, pending);
}

static void followup_item_carries_recipient_and_interview(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, eli, talk, fu;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	iv_fixture_contact(fx->db, "Eli", NULL, IV_KNOWN_DIRECT, eli);
	interview(fx->db, dana, IV_INTERVIEW_PLANNED, 0, talk);
	followup(fx->db, eli, talk, 0, fx->now + DAY, IV_FOLLOWUP_PENDING, fu);
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 1);
	assert_string_equal(items[0].id, fu);
	assert_string_equal(items[0].contact, eli);
	assert_string_equal(items[0].interview, talk);
}

static void followup_item_without_interview_has_none(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, fu;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	followup(fx->db, dana, NULL, 0, fx->now + DAY, IV_FOLLOWUP_PENDING, fu);
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 1);
	assert_string_equal(items[0].contact, dana);
	assert_string_equal(items[0].interview, "");
	assert_int_equal(items[0].waiting, 0);
}

/*
 * A list of due follow-ups names their contacts: the SQLite backend reads
 * the name in the same query; a backend that does not leaves it NULL, for
 * a lookup. Either way a rename shows at the next read.
 */
static void due_followups_name_their_contact_or_leave_it_to_a_lookup(void **state)
{
	iv_fixture *fx = *state;
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	iv_contact *c = NULL;
	id_t_ dana, eli, a, b;
	const char *name;
	int n = 0, sqlite = strcmp(iv_fixture_backend, "sqlite") == 0;

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	iv_fixture_contact(fx->db, "Eli", NULL, IV_KNOWN_DIRECT, eli);
	followup(fx->db, dana, NULL, 0, fx->now + DAY, IV_FOLLOWUP_PENDING, a);
	followup(fx->db, eli, NULL, 0, fx->now + 2 * DAY, IV_FOLLOWUP_PENDING, b);
	assert_int_equal(iv_contact_lookup(&c, fx->db, eli), 0);
	assert_int_equal(iv_contact_set_name(c, "Eli Renamed"), 0);
	assert_int_equal(iv_contact_update(fx->db, c), 0);
	iv_contact_free(c);
	f.status = IV_FOLLOWUP_PENDING;
	f.earliest_before = fx->now;
	assert_int_equal(iv_followup_list(&it, fx->db, &f), 0);
	while (iv_followup_iter_next(&fu, it) == 0) {
		name = iv_followup_contact_name(fu);
		if (sqlite)
			assert_non_null(name);
		if (name)
			assert_string_equal(name, n == 0 ? "Dana" : "Eli Renamed");
		assert_string_equal(iv_followup_id(fu), n == 0 ? a : b);
		iv_followup_free(fu);
		n++;
	}
	iv_followup_iter_free(it);
	assert_int_equal(n, 2);
}

/* --- Scheduled interviews ------------------------------------------------- */

static void interview_within_horizon_is_shown_and_beyond_is_not(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, soon, later;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, IV_INTERVIEW_SCHEDULED, fx->now + 7 * DAY, soon);
	interview(fx->db, dana, IV_INTERVIEW_SCHEDULED, fx->now + 7 * DAY + 1, later);
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 1);
	assert_int_equal(items[0].kind, IV_AGENDA_INTERVIEW);
	assert_string_equal(items[0].id, soon);
	assert_int_equal(items[0].time, fx->now + 7 * DAY);
	assert_int_equal(items[0].overdue, 0);
}

static void horizon_option_widens_the_window(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, soon, later;
	iv_agenda_options opts = IV_AGENDA_OPTIONS_INIT;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, IV_INTERVIEW_SCHEDULED, fx->now + DAY, soon);
	interview(fx->db, dana, IV_INTERVIEW_SCHEDULED, fx->now + 20 * DAY, later);
	opts.horizon = 30 * DAY;
	assert_int_equal(read_agenda(fx->db, &opts, items, 4), 2);
	assert_string_equal(items[1].id, later);
	opts.horizon = HOUR;
	assert_int_equal(read_agenda(fx->db, &opts, items, 4), 0);
}

static void past_scheduled_interview_is_overdue(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, past;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, IV_INTERVIEW_SCHEDULED, fx->now - 2 * DAY, past);
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 1);
	assert_string_equal(items[0].id, past);
	assert_int_equal(items[0].overdue, 1);
}

static void scheduled_interview_without_time_is_shown_first_not_overdue(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, timed, untimed;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, IV_INTERVIEW_SCHEDULED, fx->now - DAY, timed);
	interview(fx->db, dana, IV_INTERVIEW_SCHEDULED, 0, untimed);
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 2);
	assert_string_equal(items[0].id, untimed);
	assert_int_equal(items[0].time, 0);
	assert_int_equal(items[0].overdue, 0);
	assert_string_equal(items[1].id, timed);
}

static void scheduled_interviews_are_ordered_by_time(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, eli, third, first, second;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	iv_fixture_contact(fx->db, "Eli", NULL, IV_KNOWN_DIRECT, eli);
	interview(fx->db, dana, IV_INTERVIEW_SCHEDULED, fx->now + 3 * DAY, third);
	interview(fx->db, eli, IV_INTERVIEW_SCHEDULED, fx->now - HOUR, first);
	interview(fx->db, eli, IV_INTERVIEW_SCHEDULED, fx->now + DAY, second);
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 3);
	assert_string_equal(items[0].id, first);
	assert_string_equal(items[1].id, second);
	assert_string_equal(items[2].id, third);
	assert_string_equal(items[0].contact, eli);
	assert_string_equal(items[2].contact, dana);
}

static void interviews_at_the_same_time_are_ordered_by_id(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, id;
	seen items[4];

	/* Stored in the reverse of id order, so that the order cannot come from the store. */
	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	interview_as(fx->db, "f0000000-0000-7000-8000-000000000002", dana, IV_INTERVIEW_SCHEDULED, fx->now + DAY, id);
	interview_as(fx->db, "f0000000-0000-7000-8000-000000000004", dana, IV_INTERVIEW_REQUESTED, fx->now - DAY, id);
	fx->now += 1;
	interview_as(fx->db, "00000000-0000-7000-8000-000000000001", dana, IV_INTERVIEW_SCHEDULED, fx->now + DAY - 1, id);
	interview_as(fx->db, "00000000-0000-7000-8000-000000000003", dana, IV_INTERVIEW_REQUESTED, fx->now - DAY - 1, id);
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 4);
	assert_string_equal(items[0].id, "00000000-0000-7000-8000-000000000001");
	assert_string_equal(items[1].id, "f0000000-0000-7000-8000-000000000002");
	assert_string_equal(items[2].id, "00000000-0000-7000-8000-000000000003");
	assert_string_equal(items[3].id, "f0000000-0000-7000-8000-000000000004");
}

static void interviews_neither_scheduled_nor_requested_are_absent(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, id;
	seen items[8];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, IV_INTERVIEW_PLANNED, 0, id);
	interview(fx->db, dana, IV_INTERVIEW_COMPLETED, 0, id);
	interview(fx->db, dana, IV_INTERVIEW_DECLINED, 0, id);
	interview(fx->db, dana, IV_INTERVIEW_NO_RESPONSE, 0, id);
	interview(fx->db, dana, IV_INTERVIEW_CANCELLED, 0, id);
	assert_int_equal(read_agenda(fx->db, NULL, items, 8), 0);
}

/* --- Waiting requests ------------------------------------------------------ */

static void waiting_requests_come_longest_waiting_first(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, eli, recent, old;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	iv_fixture_contact(fx->db, "Eli", NULL, IV_KNOWN_DIRECT, eli);
	interview(fx->db, dana, IV_INTERVIEW_REQUESTED, fx->now - DAY, recent);
	interview(fx->db, eli, IV_INTERVIEW_REQUESTED, fx->now - 5 * DAY, old);
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 2);
	assert_int_equal(items[0].kind, IV_AGENDA_WAITING);
	assert_string_equal(items[0].id, old);
	assert_string_equal(items[0].contact, eli);
	assert_int_equal(items[0].waiting, 5 * DAY);
	assert_int_equal(items[0].time, fx->now - 5 * DAY);
	assert_string_equal(items[1].id, recent);
	assert_string_equal(items[1].contact, dana);
	assert_int_equal(items[1].waiting, DAY);
	assert_int_equal(items[1].overdue, 0);
}

static void waiting_grows_with_the_clock(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, req;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	interview(fx->db, dana, IV_INTERVIEW_REQUESTED, fx->now, req);
	fx->now += 2 * HOUR;
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 1);
	assert_int_equal(items[0].waiting, 2 * HOUR);
}

/* --- The whole ------------------------------------------------------------ */

static void sections_come_followups_interviews_then_waiting(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, fu, talk, req;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	/* Times chosen so that ordering by time alone would give the reverse. */
	interview(fx->db, dana, IV_INTERVIEW_REQUESTED, fx->now - 3 * DAY, req);
	interview(fx->db, dana, IV_INTERVIEW_SCHEDULED, fx->now - 2 * DAY, talk);
	followup(fx->db, dana, NULL, 0, fx->now + DAY, IV_FOLLOWUP_PENDING, fu);
	assert_int_equal(read_agenda(fx->db, NULL, items, 4), 3);
	assert_int_equal(items[0].kind, IV_AGENDA_FOLLOWUP);
	assert_string_equal(items[0].id, fu);
	assert_int_equal(items[1].kind, IV_AGENDA_INTERVIEW);
	assert_string_equal(items[1].id, talk);
	assert_int_equal(items[2].kind, IV_AGENDA_WAITING);
	assert_string_equal(items[2].id, req);
}

static void at_option_plans_for_another_moment(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, fu;
	iv_agenda_options opts;
	seen items[4];

	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	followup(fx->db, dana, NULL, fx->now + DAY, fx->now + 2 * DAY, IV_FOLLOWUP_PENDING, fu);
	ok(iv_agenda_options_init(&opts, IV_AGENDA_OPTIONS_VERSION));
	assert_int_equal(read_agenda(fx->db, &opts, items, 4), 0);
	opts.at = fx->now + 3 * DAY;
	assert_int_equal(read_agenda(fx->db, &opts, items, 4), 1);
	assert_string_equal(items[0].id, fu);
	assert_int_equal(items[0].overdue, 1);
}

static void options_init_gives_the_defaults(void **state)
{
	iv_agenda_options opts;

	(void)state;
	memset(&opts, 0xff, sizeof(opts));
	ok(iv_agenda_options_init(&opts, IV_AGENDA_OPTIONS_VERSION));
	assert_int_equal(opts.version, IV_AGENDA_OPTIONS_VERSION);
	assert_int_equal(opts.at, 0);
	assert_int_equal(opts.horizon, 0);
}

static void unknown_options_version_is_refused(void **state)
{
	iv_fixture *fx = *state;
	iv_agenda_options opts = IV_AGENDA_OPTIONS_INIT;
	iv_agenda_iter *it = NULL;

	check(iv_agenda_options_init(&opts, 0), IV_EVERSION);
	check(iv_agenda_options_init(&opts, iv_struct_version("iv_agenda_options") + 1 /* one the library does not know */), IV_EVERSION);
	opts.version = iv_struct_version("iv_agenda_options") + 1 /* one the library does not know */;
	check(iv_agenda(&it, fx->db, &opts), IV_EVERSION);
	assert_null(it);
	assert_non_null(strstr(iv_error_message(), "version"));
	opts.version = 0;
	check(iv_agenda(&it, fx->db, &opts), IV_EVERSION);
	assert_null(it);
}

static void negative_horizon_is_invalid(void **state)
{
	iv_fixture *fx = *state;
	iv_agenda_options opts = IV_AGENDA_OPTIONS_INIT;
	iv_agenda_iter *it = NULL;

	opts.horizon = -1;
	check(iv_agenda(&it, fx->db, &opts), IV_EINVALID);
	assert_null(it);
	assert_non_null(strstr(iv_error_message(), "horizon"));
}

static void null_arguments_are_invalid(void **state)
{
	iv_fixture *fx = *state;
	iv_agenda_iter *it = NULL;
	iv_agenda_item *item = NULL;

	check(iv_agenda(NULL, fx->db, NULL), IV_EINVALID);
	check(iv_agenda(&it, NULL, NULL), IV_EINVALID);
	assert_null(it);
	check(iv_agenda_iter_next(&item, NULL), IV_EINVALID);
	assert_null(item);
	check(iv_agenda_options_init(NULL, IV_AGENDA_OPTIONS_VERSION), IV_EINVALID);
}

static void iterator_freed_early_releases_everything(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, id;
	iv_agenda_iter *it = NULL;
	iv_agenda_item *item = NULL;

	/* Run under valgrind: what the iterator still holds must be freed with it. */
	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	followup(fx->db, dana, NULL, 0, fx->now + DAY, IV_FOLLOWUP_PENDING, id);
	interview(fx->db, dana, IV_INTERVIEW_SCHEDULED, fx->now + DAY, id);
	interview(fx->db, dana, IV_INTERVIEW_REQUESTED, fx->now, id);
	ok(iv_agenda(&it, fx->db, NULL));
	ok(iv_agenda_iter_next(&item, it));
	assert_int_equal(iv_agenda_item_kind(item), IV_AGENDA_FOLLOWUP);
	iv_agenda_item_free(item);
	iv_agenda_iter_free(it);
}

#define T(name) cmocka_unit_test_setup_teardown(name, iv_fixture_setup, iv_fixture_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(empty_agenda_is_over_at_once),
		T(followup_appears_once_its_earliest_time_passes),
		T(followup_without_earliest_time_is_shown_at_once),
		T(followups_are_ordered_by_due_time),
		T(followup_past_due_is_overdue),
		T(closed_followups_are_absent),
		T(followup_item_carries_recipient_and_interview),
		T(followup_item_without_interview_has_none),
		T(due_followups_name_their_contact_or_leave_it_to_a_lookup),
		T(interview_within_horizon_is_shown_and_beyond_is_not),
		T(horizon_option_widens_the_window),
		T(past_scheduled_interview_is_overdue),
		T(scheduled_interview_without_time_is_shown_first_not_overdue),
		T(scheduled_interviews_are_ordered_by_time),
		T(interviews_at_the_same_time_are_ordered_by_id),
		T(interviews_neither_scheduled_nor_requested_are_absent),
		T(waiting_requests_come_longest_waiting_first),
		T(waiting_grows_with_the_clock),
		T(sections_come_followups_interviews_then_waiting),
		T(at_option_plans_for_another_moment),
		T(options_init_gives_the_defaults),
		T(unknown_options_version_is_refused),
		T(negative_horizon_is_invalid),
		T(null_arguments_are_invalid),
		T(iterator_freed_early_releases_everything),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

/*
 * The iCalendar and Graphviz DOT exports (issue 9), run against each
 * backend:
 *
 *     test_ics_dot memory
 *     test_ics_dot sqlite
 *
 * The calendar is checked line by line (RFC 5545: CRLF, folding at 75
 * octets, TEXT escapes, UTC times); the picture by its statements. Both
 * must give the same bytes when exported twice.
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

typedef char id_t_[IV_ID_LEN + 1];

/* 2026-03-03 14:30:00 UTC: the day after the fixture's T0, in the afternoon. */
#define WHEN ((iv_time)(IV_FIXTURE_T0 + DAY + 5 * HOUR + 30 * 60))

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

struct buf {
	char *p;
	size_t len, cap;
	int fail_after; /* >0: the write callback fails on that call */
	int calls;
};

static int to_buf(const char *data, size_t len, void *payload)
{
	struct buf *b = payload;

	if (b->fail_after && ++b->calls >= b->fail_after)
		return 42;
	if (b->len + len + 1 > b->cap) {
		b->cap = (b->len + len + 1) * 2;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
	}
	memcpy(b->p + b->len, data, len);
	b->len += len;
	b->p[b->len] = '\0';
	return 0;
}

/* Exports in `format`; the text, to free with free(). */
static char *export_as(iv_db *db, int format, const char *company)
{
	iv_export_options o = IV_EXPORT_OPTIONS_INIT;
	struct buf b = { 0 };

	o.company = company;
	ok(iv_export(db, format, to_buf, &b, &o));
	assert_non_null(b.p);
	assert_int_equal(strlen(b.p), b.len);
	return b.p;
}

static char *ics(iv_db *db)
{
	return export_as(db, IV_FORMAT_ICALENDAR, NULL);
}

static char *dot(iv_db *db, const char *company)
{
	return export_as(db, IV_FORMAT_DOT, company);
}

/* The calendar with its folds undone (RFC 5545 3.1: CRLF followed by one space). */
static char *unfold(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	assert_non_null(out);
	while (*s) {
		if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ')
			s += 3;
		else
			*o++ = *s++;
	}
	*o = '\0';
	return out;
}

/* Whether the (unfolded) calendar has exactly this content line. */
static int has_line(const char *cal, const char *line)
{
	char *u = unfold(cal);
	size_t n = strlen(line);
	const char *p = u;
	int found = 0;

	while (!found && (p = strstr(p, line)) != NULL) {
		found = (p == u || p[-1] == '\n') && p[n] == '\r' && p[n + 1] == '\n';
		p++;
	}
	free(u);
	return found;
}

#define assert_line(cal, line) do { \
	if (!has_line((cal), (line))) \
		FAIL("no line \"%s\" in:\n%s\n", (line), (cal)); \
} while (0)

#define assert_no_line_starting(cal, start) do { \
	if (strstr((cal), "\r\n" start) != NULL) \
		FAIL("a line starting \"%s\" in:\n%s\n", (start), (cal)); \
} while (0)

#define assert_has(text, needle) do { \
	if (strstr((text), (needle)) == NULL) \
		FAIL("no \"%s\" in:\n%s\n", (needle), (text)); \
} while (0)

#define assert_lacks(text, needle) do { \
	if (strstr((text), (needle)) != NULL) \
		FAIL("\"%s\" in:\n%s\n", (needle), (text)); \
} while (0)

static size_t count(const char *text, const char *needle)
{
	size_t n = 0;

	for (; (text = strstr(text, needle)) != NULL; text++)
		n++;
	return n;
}

static void contact_with(iv_db *db, const char *name, const char *company, const char *title,
			 const char *email, int known, char *out)
{
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, name));
	ok(iv_contact_set_company(c, company));
	ok(iv_contact_set_title(c, title));
	if (email)
		ok(iv_contact_add_email(c, email));
	ok(iv_contact_set_known(c, known));
	ok(iv_contact_insert(db, c));
	memcpy(out, iv_contact_id(c), IV_ID_LEN + 1);
	iv_contact_free(c);
}

static iv_interview *new_interview(const char *with, int status, iv_time when)
{
	iv_interview *iv = NULL;

	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, with));
	ok(iv_interview_set_status(iv, status));
	if (when)
		ok(iv_interview_set_scheduled_at(iv, when));
	return iv;
}

static void store_interview(iv_db *db, iv_interview *iv, char *out)
{
	ok(iv_interview_insert(db, iv));
	memcpy(out, iv_interview_id(iv), IV_ID_LEN + 1);
	iv_interview_free(iv);
}

static void scheduled(iv_db *db, const char *with, iv_time when, char *out)
{
	store_interview(db, new_interview(with, IV_INTERVIEW_SCHEDULED, when), out);
}

static iv_followup *new_followup(const char *to, int kind, iv_time earliest, iv_time due)
{
	iv_followup *fu = NULL;

	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, to));
	ok(iv_followup_set_kind(fu, kind));
	ok(iv_followup_set_earliest(fu, earliest));
	ok(iv_followup_set_due(fu, due));
	return fu;
}

static void store_followup(iv_db *db, iv_followup *fu, char *out)
{
	ok(iv_followup_insert(db, fu));
	if (out)
		memcpy(out, iv_followup_id(fu), IV_ID_LEN + 1);
	iv_followup_free(fu);
}

/* ------------------------------------------------------------------ */
/* iCalendar                                                            */

static void empty_store_is_an_empty_calendar(void **state)
{
	iv_fixture *fx = *state;
	char *cal = ics(fx->db);

	assert_string_equal(cal, "BEGIN:VCALENDAR\r\n"
				 "VERSION:2.0\r\n"
				 "PRODID:-//infoview//libinfoview//EN\r\n"
				 "CALSCALE:GREGORIAN\r\n"
				 "X-WR-CALNAME:Informational interviews\r\n"
				 "END:VCALENDAR\r\n");
	free(cal);
}

static void scheduled_interview_is_an_event_in_utc(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, iv;
	char line[128], *cal;

	contact_with(fx->db, "Dana Reyes", "Pfizer", NULL, "dana@example.com", IV_KNOWN_DIRECT, dana);
	scheduled(fx->db, dana, WHEN, iv);
	cal = ics(fx->db);
	assert_int_equal(count(cal, "BEGIN:VEVENT\r\n"), 1);
	assert_int_equal(count(cal, "END:VEVENT\r\n"), 1);
	snprintf(line, sizeof(line), "UID:%s@infoview", iv);
	assert_line(cal, line);
	assert_line(cal, "DTSTART:20260303T143000Z");
	assert_line(cal, "DURATION:PT30M");
	assert_line(cal, "DTSTAMP:20260302T090000Z");
	assert_line(cal, "LAST-MODIFIED:20260302T090000Z");
	assert_line(cal, "SUMMARY:Informational interview with Dana Reyes (Pfizer)");
	assert_line(cal, "ATTENDEE;CN=\"Dana Reyes\";ROLE=REQ-PARTICIPANT:mailto:dana@example.com");
	assert_line(cal, "STATUS:CONFIRMED");
	free(cal);
}

static void only_scheduled_interviews_are_events(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, planned, done, sched;
	char line[128], *cal;

	iv_fixture_contact(fx->db, "Dana Reyes", NULL, IV_KNOWN_DIRECT, dana);
	store_interview(fx->db, new_interview(dana, IV_INTERVIEW_PLANNED, 0), planned);
	store_interview(fx->db, new_interview(dana, IV_INTERVIEW_COMPLETED, WHEN - 3 * DAY), done);
	scheduled(fx->db, dana, WHEN, sched);
	cal = ics(fx->db);
	assert_int_equal(count(cal, "BEGIN:VEVENT"), 1);
	snprintf(line, sizeof(line), "UID:%s@infoview", sched);
	assert_line(cal, line);
	/* The completed one is there only as what its thank-you relates to. */
	snprintf(line, sizeof(line), "UID:%s@infoview", done);
	assert_lacks(cal, line);
	assert_lacks(cal, planned);
	free(cal);
}

static void scheduled_interview_without_a_time_is_left_out(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, untimed;
	char *cal;

	iv_fixture_contact(fx->db, "Dana Reyes", NULL, IV_KNOWN_DIRECT, dana);
	scheduled(fx->db, dana, 0, untimed);
	cal = ics(fx->db);
	assert_lacks(cal, "VEVENT");
	free(cal);
}

static void planned_length_is_the_duration(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, iv;
	iv_interview *rec;
	char *cal;

	iv_fixture_contact(fx->db, "Dana Reyes", NULL, IV_KNOWN_DIRECT, dana);
	rec = new_interview(dana, IV_INTERVIEW_SCHEDULED, WHEN);
	ok(iv_interview_set_minutes(rec, 45));
	store_interview(fx->db, rec, iv);
	cal = ics(fx->db);
	assert_line(cal, "DURATION:PT45M");
	free(cal);
}

static void event_without_email_has_no_attendee(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, iv;
	char *cal;

	iv_fixture_contact(fx->db, "Dana Reyes", NULL, IV_KNOWN_DIRECT, dana);
	scheduled(fx->db, dana, WHEN, iv);
	cal = ics(fx->db);
	assert_lacks(cal, "ATTENDEE");
	assert_line(cal, "SUMMARY:Informational interview with Dana Reyes");
	free(cal);
}

static void description_holds_purpose_and_numbered_questions(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, iv;
	iv_interview *rec;
	char *cal;

	iv_fixture_contact(fx->db, "Dana Reyes", NULL, IV_KNOWN_DIRECT, dana);
	rec = new_interview(dana, IV_INTERVIEW_SCHEDULED, WHEN);
	ok(iv_interview_set_purpose(rec, "learn about regulatory affairs"));
	ok(iv_interview_add_question(rec, "How did you get there?"));
	ok(iv_interview_add_question(rec, "What does a week look like?"));
	ok(iv_interview_set_medium(rec, IV_MEDIUM_VIDEO));
	store_interview(fx->db, rec, iv);
	cal = ics(fx->db);
	assert_line(cal, "DESCRIPTION:Purpose: learn about regulatory affairs\\n\\nQuestions:"
			 "\\n1. How did you get there?\\n2. What does a week look like?");
	assert_line(cal, "LOCATION:Video call");
	free(cal);
}

static void text_values_are_escaped(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, iv;
	iv_interview *rec;
	char *cal;

	contact_with(fx->db, "Reyes, Dana; \"DR\"", "A\\B, Inc.", NULL, "dana@example.com", IV_KNOWN_DIRECT,
		     dana);
	rec = new_interview(dana, IV_INTERVIEW_SCHEDULED, WHEN);
	ok(iv_interview_set_purpose(rec, "one\ntwo\r\nthree; four, five\\six\tseven"));
	store_interview(fx->db, rec, iv);
	cal = ics(fx->db);
	assert_line(cal, "SUMMARY:Informational interview with Reyes\\, Dana\\; \"DR\" (A\\\\B\\, Inc.)");
	assert_line(cal, "DESCRIPTION:Purpose: one\\ntwo\\nthree\\; four\\, five\\\\six\tseven");
	/* A parameter value is quoted; a quote inside becomes ^' (RFC 6868). */
	assert_line(cal, "ATTENDEE;CN=\"Reyes, Dana; ^'DR^'\";ROLE=REQ-PARTICIPANT:mailto:dana@example.com");
	free(cal);
}

/* Every physical line is at most 75 octets and never cuts a UTF-8 character. */
static void assert_folded(const char *cal)
{
	const char *line = cal, *end;

	while ((end = strstr(line, "\r\n")) != NULL) {
		size_t n = (size_t)(end - line);

		if (n > 75)
			FAIL("a line of %zu octets: %.*s\n", n, (int)n, line);
		/* A continuation octet (10xxxxxx) cannot start a line's content. */
		if (line[0] == ' ' && ((unsigned char)line[1] & 0xC0) == 0x80)
			FAIL("a fold cuts a character: %.*s\n", (int)n, line);
		if (n > 0 && ((unsigned char)end[-1] & 0x80) && ((unsigned char)end[-1] & 0xC0) != 0x80 )
			FAIL("a line ends with the first byte of a character: %.*s\n", (int)n, line);
		line = end + 2;
	}
	assert_int_equal(*line, '\0');
}

static void long_lines_fold_at_75_octets_between_characters(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, iv;
	iv_interview *rec;
	char purpose[2048], expect[2100], *cal, *u;
	size_t i;

	/* é is two octets, 日 three, 🙂 four: every offset of a fold gets tried. */
	purpose[0] = '\0';
	for (i = 0; i < 40; i++)
		strcat(purpose, i % 3 == 0 ? "é日🙂" : i % 3 == 1 ? "x日é" : "🙂xy");
	iv_fixture_contact(fx->db, "Zoë Ångström", NULL, IV_KNOWN_DIRECT, dana);
	rec = new_interview(dana, IV_INTERVIEW_SCHEDULED, WHEN);
	ok(iv_interview_set_purpose(rec, purpose));
	store_interview(fx->db, rec, iv);
	cal = ics(fx->db);
	assert_folded(cal);
	assert_has(cal, "\r\n ");
	snprintf(expect, sizeof(expect), "DESCRIPTION:Purpose: %s", purpose);
	assert_line(cal, expect);
	u = unfold(cal);
	assert_has(u, "SUMMARY:Informational interview with Zoë Ångström\r\n");
	free(u);
	free(cal);
}

static void exact_fold_positions(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, iv;
	iv_interview *rec;
	char purpose[200], *cal;
	const char *p;

	/* "DESCRIPTION:Purpose: " is 21 octets: 54 more fill the first line; the rest go 74 a line. */
	memset(purpose, 'a', 150);
	purpose[150] = '\0';
	iv_fixture_contact(fx->db, "Dana", NULL, IV_KNOWN_DIRECT, dana);
	rec = new_interview(dana, IV_INTERVIEW_SCHEDULED, WHEN);
	ok(iv_interview_set_purpose(rec, purpose));
	store_interview(fx->db, rec, iv);
	cal = ics(fx->db);
	p = strstr(cal, "DESCRIPTION:");
	assert_non_null(p);
	assert_int_equal(strncmp(p + 21, purpose, 54), 0);
	assert_int_equal(strncmp(p + 75, "\r\n ", 3), 0);
	assert_int_equal(strncmp(p + 78, purpose, 74), 0);
	assert_int_equal(strncmp(p + 152, "\r\n ", 3), 0);
	assert_int_equal(strncmp(p + 155, purpose, 22), 0);
	assert_int_equal(strncmp(p + 177, "\r\n", 2), 0);
	assert_int_not_equal(p[179], ' ');
	free(cal);
}

static void pending_followup_is_a_todo(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, iv, fu;
	iv_followup *rec;
	char line[128], *cal;

	contact_with(fx->db, "Dana Reyes", "Pfizer", NULL, NULL, IV_KNOWN_DIRECT, dana);
	store_interview(fx->db, new_interview(dana, IV_INTERVIEW_PLANNED, 0), iv);
	rec = new_followup(dana, IV_FOLLOWUP_THANK_YOU, WHEN, WHEN + DAY);
	ok(iv_followup_set_interview(rec, iv));
	ok(iv_followup_set_note(rec, "Mention the RAPS course"));
	store_followup(fx->db, rec, fu);
	cal = ics(fx->db);
	assert_int_equal(count(cal, "BEGIN:VTODO\r\n"), 1);
	assert_int_equal(count(cal, "END:VTODO\r\n"), 1);
	snprintf(line, sizeof(line), "UID:%s@infoview", fu);
	assert_line(cal, line);
	assert_line(cal, "DTSTART:20260303T143000Z");
	assert_line(cal, "DUE:20260304T143000Z");
	assert_line(cal, "SUMMARY:Thank Dana Reyes");
	assert_line(cal, "DESCRIPTION:Mention the RAPS course");
	assert_line(cal, "STATUS:NEEDS-ACTION");
	snprintf(line, sizeof(line), "RELATED-TO:%s@infoview", iv);
	assert_line(cal, line);
	free(cal);
}

static void todo_summaries_name_the_kind_and_the_person(void **state)
{
	iv_fixture *fx = *state;
	id_t_ alex;
	char *cal;
	static const struct {
		int kind;
		const char *summary;
	} kinds[] = {
		{ IV_FOLLOWUP_THANK_INTRODUCER, "SUMMARY:Thank Alex Kim for the introduction" },
		{ IV_FOLLOWUP_NUDGE, "SUMMARY:Nudge Alex Kim" },
		{ IV_FOLLOWUP_CHECK_IN, "SUMMARY:Check in with Alex Kim" },
		{ IV_FOLLOWUP_REPORT_BACK, "SUMMARY:Report back to Alex Kim" },
		{ IV_FOLLOWUP_CUSTOM, "SUMMARY:Follow up with Alex Kim" },
	};
	size_t i;

	iv_fixture_contact(fx->db, "Alex Kim", NULL, IV_KNOWN_DIRECT, alex);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		store_followup(fx->db, new_followup(alex, kinds[i].kind, 0, WHEN + (iv_time)i * HOUR), NULL);
	cal = ics(fx->db);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		assert_line(cal, kinds[i].summary);
	/* No earliest time: no DTSTART; no interview: no RELATED-TO; no note: no DESCRIPTION. */
	assert_lacks(cal, "DTSTART");
	assert_lacks(cal, "RELATED-TO");
	assert_lacks(cal, "DESCRIPTION");
	free(cal);
}

static void closed_followups_are_left_out(void **state)
{
	iv_fixture *fx = *state;
	id_t_ alex, done, pending;
	iv_followup *rec;
	char *cal;

	iv_fixture_contact(fx->db, "Alex Kim", NULL, IV_KNOWN_DIRECT, alex);
	rec = new_followup(alex, IV_FOLLOWUP_CUSTOM, 0, WHEN);
	ok(iv_followup_set_status(rec, IV_FOLLOWUP_DONE));
	store_followup(fx->db, rec, done);
	store_followup(fx->db, new_followup(alex, IV_FOLLOWUP_CUSTOM, 0, WHEN), pending);
	cal = ics(fx->db);
	assert_int_equal(count(cal, "BEGIN:VTODO"), 1);
	assert_has(cal, pending);
	assert_lacks(cal, done);
	free(cal);
}

static void due_at_the_earliest_time_keeps_due_alone(void **state)
{
	iv_fixture *fx = *state;
	id_t_ alex;
	char *cal;

	/* RFC 5545 wants DUE later than DTSTART. */
	iv_fixture_contact(fx->db, "Alex Kim", NULL, IV_KNOWN_DIRECT, alex);
	store_followup(fx->db, new_followup(alex, IV_FOLLOWUP_REPORT_BACK, WHEN, WHEN), NULL);
	cal = ics(fx->db);
	assert_line(cal, "DUE:20260303T143000Z");
	assert_lacks(cal, "DTSTART");
	free(cal);
}

static void events_come_before_todos_in_listing_order(void **state)
{
	iv_fixture *fx = *state;
	id_t_ alex, iv1, iv2, fu1, fu2;
	char *cal;

	iv_fixture_contact(fx->db, "Alex Kim", NULL, IV_KNOWN_DIRECT, alex);
	store_followup(fx->db, new_followup(alex, IV_FOLLOWUP_CUSTOM, 0, WHEN + 2 * DAY), fu2);
	store_followup(fx->db, new_followup(alex, IV_FOLLOWUP_CUSTOM, 0, WHEN + DAY), fu1);
	scheduled(fx->db, alex, WHEN + 5 * DAY, iv1);
	fx->now += 60;
	scheduled(fx->db, alex, WHEN, iv2);
	cal = ics(fx->db);
	/* Interviews by creation, follow-ups by due time. */
	assert_true(strstr(cal, iv1) < strstr(cal, iv2));
	assert_true(strstr(cal, iv2) < strstr(cal, fu1));
	assert_true(strstr(cal, fu1) < strstr(cal, fu2));
	free(cal);
}

static void two_exports_are_byte_identical(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, iv, fu;
	iv_interview *rec;
	char *a, *b;

	contact_with(fx->db, "Dana Reyes", "Pfizer", NULL, "dana@example.com", IV_KNOWN_DIRECT, dana);
	rec = new_interview(dana, IV_INTERVIEW_SCHEDULED, WHEN);
	ok(iv_interview_add_question(rec, "How did you get there?"));
	store_interview(fx->db, rec, iv);
	store_followup(fx->db, new_followup(dana, IV_FOLLOWUP_CHECK_IN, WHEN, WHEN + DAY), fu);
	a = ics(fx->db);
	fx->now += 3 * DAY; /* the clock moves; the store does not */
	b = ics(fx->db);
	assert_string_equal(a, b);
	free(a);
	free(b);
}

static void update_keeps_the_uid_and_moves_stamp_and_sequence(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, id;
	iv_interview *rec = NULL;
	char line[128], *a, *b;

	iv_fixture_contact(fx->db, "Dana Reyes", NULL, IV_KNOWN_DIRECT, dana);
	scheduled(fx->db, dana, WHEN, id);
	a = ics(fx->db);
	assert_line(a, "SEQUENCE:0");
	fx->now += HOUR;
	ok(iv_interview_lookup(&rec, fx->db, id));
	ok(iv_interview_set_scheduled_at(rec, WHEN + DAY));
	ok(iv_interview_update(fx->db, rec));
	iv_interview_free(rec);
	b = ics(fx->db);
	snprintf(line, sizeof(line), "UID:%s@infoview", id);
	assert_line(b, line);
	assert_line(b, "DTSTART:20260304T143000Z");
	assert_line(b, "DTSTAMP:20260302T100000Z");
	assert_line(b, "CREATED:20260302T090000Z");
	assert_line(b, "SEQUENCE:3600");
	free(a);
	free(b);
}

static void times_are_utc_in_any_time_zone(void **state)
{
	iv_fixture *fx = *state;
	id_t_ dana, iv;
	const char *zones[] = { "America/New_York", "Asia/Kolkata", "Pacific/Chatham" };
	char *utc, *there, *saved = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	size_t i;

	iv_fixture_contact(fx->db, "Dana Reyes", NULL, IV_KNOWN_DIRECT, dana);
	scheduled(fx->db, dana, WHEN, iv);
	store_followup(fx->db, new_followup(dana, IV_FOLLOWUP_NUDGE, WHEN, WHEN + DAY), NULL);
	utc = ics(fx->db);
	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		setenv("TZ", zones[i], 1);
		tzset();
		there = ics(fx->db);
		assert_string_equal(utc, there);
		free(there);
	}
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
	assert_line(utc, "DTSTART:20260303T143000Z");
	free(utc);
}

static void write_error_stops_the_export(void **state)
{
	iv_fixture *fx = *state;
	struct buf b = { 0 };
	id_t_ dana, iv;

	iv_fixture_contact(fx->db, "Dana Reyes", NULL, IV_KNOWN_DIRECT, dana);
	scheduled(fx->db, dana, WHEN, iv);
	b.fail_after = 1;
	assert_int_equal(iv_export(fx->db, IV_FORMAT_ICALENDAR, to_buf, &b, NULL), 42);
	assert_int_equal(iv_export(fx->db, IV_FORMAT_DOT, to_buf, &b, NULL), 42);
	free(b.p);
}

static int count_progress(uint64_t done, uint64_t total, uint64_t records, void *payload)
{
	(void)done;
	(void)total;
	*(uint64_t *)payload = records;
	return 0;
}

static void progress_counts_components(void **state)
{
	iv_fixture *fx = *state;
	iv_export_options o = IV_EXPORT_OPTIONS_INIT;
	struct buf b = { 0 };
	uint64_t records = 0;
	id_t_ dana, iv;

	iv_fixture_contact(fx->db, "Dana Reyes", NULL, IV_KNOWN_DIRECT, dana);
	scheduled(fx->db, dana, WHEN, iv);
	store_followup(fx->db, new_followup(dana, IV_FOLLOWUP_NUDGE, 0, WHEN), NULL);
	store_followup(fx->db, new_followup(dana, IV_FOLLOWUP_NUDGE, 0, WHEN + 1), NULL);
	o.progress = count_progress;
	o.payload = &records;
	ok(iv_export(fx->db, IV_FORMAT_ICALENDAR, to_buf, &b, &o));
	assert_int_equal(records, 3);
	free(b.p);
}

/* ------------------------------------------------------------------ */
/* DOT                                                                  */

/* You -> Alex (Northwind, direct) -> Blake (Medisol) -> Dana (Pfizer); Casey direct, no company. */
struct story {
	id_t_ alex, blake, dana, casey, ab, bd;
};

static void set_profile_name(iv_db *db, const char *name)
{
	iv_profile *p = NULL;

	ok(iv_profile_new(&p));
	ok(iv_profile_set_name(p, name));
	ok(iv_profile_set(db, p));
	iv_profile_free(p);
}

static void story(iv_db *db, struct story *s)
{
	iv_intro *in = NULL;

	set_profile_name(db, "Sam Rivera");
	contact_with(db, "Alex Kim", "Northwind", "Recruiter", NULL, IV_KNOWN_DIRECT, s->alex);
	contact_with(db, "Blake Chen", "Medisol", NULL, NULL, IV_KNOWN_INTRODUCED, s->blake);
	contact_with(db, "Dana Reyes", "Pfizer", "Director, Regulatory Affairs", NULL, IV_KNOWN_INTRODUCED,
		     s->dana);
	contact_with(db, "Casey Jones", NULL, NULL, NULL, IV_KNOWN_DIRECT, s->casey);
	iv_fixture_intro(db, s->alex, s->blake, IV_INTRO_MADE, s->ab);
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, s->blake));
	ok(iv_intro_set_introduced(in, s->dana));
	ok(iv_intro_set_channel(in, IV_CHANNEL_IN_PERSON));
	ok(iv_intro_set_status(in, IV_INTRO_REQUESTED));
	ok(iv_intro_insert(db, in));
	memcpy(s->bd, iv_intro_id(in), IV_ID_LEN + 1);
	iv_intro_free(in);
}

static void graph_has_you_at_the_root_and_every_contact(void **state)
{
	iv_fixture *fx = *state;
	struct story s;
	char line[256], *g;

	story(fx->db, &s);
	g = dot(fx->db, NULL);
	assert_int_equal(strncmp(g, "digraph network {\n", 18), 0);
	assert_string_equal(g + strlen(g) - 2, "}\n");
	assert_has(g, "\t\"me\" [label=\"Sam Rivera\", shape=ellipse, style=bold];\n");
	snprintf(line, sizeof(line), "\t\t\"%s\" [label=\"Alex Kim\\nRecruiter\"];\n", s.alex);
	assert_has(g, line);
	snprintf(line, sizeof(line), "\t\t\"%s\" [label=\"Dana Reyes\\nDirector, Regulatory Affairs\"];\n",
		 s.dana);
	assert_has(g, line);
	/* No company: outside every cluster. */
	snprintf(line, sizeof(line), "\n\t\"%s\" [label=\"Casey Jones\"];\n", s.casey);
	assert_has(g, line);
	/* You -> each contact known directly, and only them. */
	snprintf(line, sizeof(line), "\t\"me\" -> \"%s\";\n", s.alex);
	assert_has(g, line);
	snprintf(line, sizeof(line), "\t\"me\" -> \"%s\";\n", s.casey);
	assert_has(g, line);
	assert_int_equal(count(g, "\"me\" -> "), 2);
	free(g);
}

static void companies_are_clusters(void **state)
{
	iv_fixture *fx = *state;
	struct story s;
	id_t_ other;
	char line[256], *g;

	story(fx->db, &s);
	/* Same company, other case: the same cluster, labelled with the first spelling in name order. */
	contact_with(fx->db, "Avery Stone", "PFIZER", NULL, NULL, IV_KNOWN_DIRECT, other);
	g = dot(fx->db, NULL);
	assert_int_equal(count(g, "subgraph cluster_"), 3);
	assert_has(g, "\tsubgraph cluster_1 {\n\t\tlabel=\"Medisol\";\n");
	assert_has(g, "\tsubgraph cluster_2 {\n\t\tlabel=\"Northwind\";\n");
	snprintf(line, sizeof(line), "\tsubgraph cluster_3 {\n\t\tlabel=\"PFIZER\";\n\t\t\"%s\" [label=\"Avery Stone\"];\n"
				     "\t\t\"%s\" [label=\"Dana Reyes\\nDirector, Regulatory Affairs\"];\n\t}\n",
		 other, s.dana);
	assert_has(g, line);
	free(g);
}

static void contacts_are_ranked_by_degree(void **state)
{
	iv_fixture *fx = *state;
	struct story s;
	id_t_ lone;
	char line[256], *g;

	story(fx->db, &s);
	iv_fixture_contact(fx->db, "Lee Cold", NULL, IV_KNOWN_COLD, lone);
	g = dot(fx->db, NULL);
	assert_has(g, "newrank=true");
	snprintf(line, sizeof(line), "\t{ rank=same; \"%s\"; \"%s\"; }\n", s.alex, s.casey);
	assert_has(g, line);
	snprintf(line, sizeof(line), "\t{ rank=same; \"%s\"; }\n", s.blake);
	assert_has(g, line);
	snprintf(line, sizeof(line), "\t{ rank=same; \"%s\"; }\n", s.dana);
	assert_has(g, line);
	/* Nobody reaches Lee: a rank after the deepest (3), a dashed border. */
	snprintf(line, sizeof(line), "\t{ rank=same; \"%s\"; }\n", lone);
	assert_has(g, line);
	snprintf(line, sizeof(line), "\t\"me\" -> \"%s\" [style=invis, minlen=4];\n", lone);
	assert_has(g, line);
	snprintf(line, sizeof(line), "\t\"%s\" [label=\"Lee Cold\", style=\"rounded,dashed\"];\n", lone);
	assert_has(g, line);
	free(g);
}

static void introductions_are_labelled_edges_styled_by_status(void **state)
{
	iv_fixture *fx = *state;
	struct story s;
	id_t_ declined;
	char line[256], *g;

	story(fx->db, &s);
	iv_fixture_intro(fx->db, s.casey, s.alex, IV_INTRO_DECLINED, declined);
	g = dot(fx->db, NULL);
	snprintf(line, sizeof(line), "\t\"%s\" -> \"%s\" [label=\"email, made\", style=bold];\n", s.alex, s.blake);
	assert_has(g, line);
	snprintf(line, sizeof(line), "\t\"%s\" -> \"%s\" [label=\"in person, requested\", style=dashed];\n",
		 s.blake, s.dana);
	assert_has(g, line);
	/* Between two people at degree 1: drawn, but it does not rank them. */
	snprintf(line, sizeof(line),
		 "\t\"%s\" -> \"%s\" [label=\"email, declined\", style=dotted, color=red, fontcolor=red, "
		 "constraint=false];\n",
		 s.casey, s.alex);
	assert_has(g, line);
	free(g);
}

static void names_are_escaped_for_quoted_ids(void **state)
{
	iv_fixture *fx = *state;
	id_t_ odd;
	char line[256], *g;

	set_profile_name(fx->db, "Sam \"the\" Rivera");
	contact_with(fx->db, "Pat \"Q\" O\\Brien", "Back\\slash \"Co\"", "VP \\N", NULL, IV_KNOWN_DIRECT, odd);
	g = dot(fx->db, NULL);
	assert_has(g, "\"me\" [label=\"Sam \\\"the\\\" Rivera\"");
	assert_has(g, "label=\"Back\\\\slash \\\"Co\\\"\";");
	snprintf(line, sizeof(line), "\"%s\" [label=\"Pat \\\"Q\\\" O\\\\Brien\\nVP \\\\N\"];", odd);
	assert_has(g, line);
	free(g);
}

static void without_a_profile_name_you_are_you(void **state)
{
	iv_fixture *fx = *state;
	char *g = dot(fx->db, NULL);

	assert_string_equal(g, "digraph network {\n"
			       "\tgraph [rankdir=LR, newrank=true];\n"
			       "\tnode [shape=box, style=rounded];\n"
			       "\tedge [fontsize=10];\n"
			       "\t\"me\" [label=\"You\", shape=ellipse, style=bold];\n"
			       "}\n");
	free(g);
}

static void company_keeps_only_the_paths_to_it(void **state)
{
	iv_fixture *fx = *state;
	struct story s;
	id_t_ other, side;
	char line[256], *g;

	story(fx->db, &s);
	iv_fixture_contact(fx->db, "Eli Park", "Roche", IV_KNOWN_INTRODUCED, other);
	iv_fixture_intro(fx->db, s.casey, other, IV_INTRO_MADE, side);
	g = dot(fx->db, "pfizer");
	assert_has(g, s.alex);
	assert_has(g, s.blake);
	assert_has(g, s.dana);
	assert_lacks(g, s.casey);
	assert_lacks(g, other);
	assert_lacks(g, "Roche");
	snprintf(line, sizeof(line), "\t\"me\" -> \"%s\";\n", s.alex);
	assert_has(g, line);
	assert_int_equal(count(g, " -> "), 3);
	free(g);
}

static void company_nobody_reaches_is_you_alone_with_a_label(void **state)
{
	iv_fixture *fx = *state;
	struct story s;
	char *g;

	story(fx->db, &s);
	g = dot(fx->db, "Acme \"Labs\"");
	assert_has(g, "\tgraph [rankdir=LR, newrank=true, label=\"No one at Acme \\\"Labs\\\" is reachable\"];\n");
	assert_has(g, "\"me\" [label=\"Sam Rivera\"");
	assert_lacks(g, " -> ");
	assert_lacks(g, "cluster");
	free(g);
}

static void empty_company_is_invalid(void **state)
{
	iv_fixture *fx = *state;
	iv_export_options o = IV_EXPORT_OPTIONS_INIT;
	struct buf b = { 0 };

	o.company = "";
	check(iv_export(fx->db, IV_FORMAT_DOT, to_buf, &b, &o), IV_EINVALID);
	free(b.p);
}

static void two_pictures_are_byte_identical(void **state)
{
	iv_fixture *fx = *state;
	struct story s;
	char *a, *b;

	story(fx->db, &s);
	a = dot(fx->db, NULL);
	b = dot(fx->db, NULL);
	assert_string_equal(a, b);
	free(a);
	free(b);
	a = dot(fx->db, "Pfizer");
	b = dot(fx->db, "Pfizer");
	assert_string_equal(a, b);
	free(a);
	free(b);
}

#define T(name) cmocka_unit_test_setup_teardown(name, iv_fixture_setup, iv_fixture_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(empty_store_is_an_empty_calendar),
		T(scheduled_interview_is_an_event_in_utc),
		T(only_scheduled_interviews_are_events),
		T(scheduled_interview_without_a_time_is_left_out),
		T(planned_length_is_the_duration),
		T(event_without_email_has_no_attendee),
		T(description_holds_purpose_and_numbered_questions),
		T(text_values_are_escaped),
		T(long_lines_fold_at_75_octets_between_characters),
		T(exact_fold_positions),
		T(pending_followup_is_a_todo),
		T(todo_summaries_name_the_kind_and_the_person),
		T(closed_followups_are_left_out),
		T(due_at_the_earliest_time_keeps_due_alone),
		T(events_come_before_todos_in_listing_order),
		T(two_exports_are_byte_identical),
		T(update_keeps_the_uid_and_moves_stamp_and_sequence),
		T(times_are_utc_in_any_time_zone),
		T(write_error_stops_the_export),
		T(progress_counts_components),
		T(graph_has_you_at_the_root_and_every_contact),
		T(companies_are_clusters),
		T(contacts_are_ranked_by_degree),
		T(introductions_are_labelled_edges_styled_by_status),
		T(names_are_escaped_for_quoted_ids),
		T(without_a_profile_name_you_are_you),
		T(company_keeps_only_the_paths_to_it),
		T(company_nobody_reaches_is_you_alone_with_a_label),
		T(empty_company_is_invalid),
		T(two_pictures_are_byte_identical),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

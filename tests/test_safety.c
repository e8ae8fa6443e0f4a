/*
 * Safety nets: moving a scheduled interview back to requested (its nudges
 * reopened, never doubled), re-timing one, finding contacts by e-mail
 * (also on a backend of version 1, where the core applies the filter), and
 * messages that name no C constant. Run against each backend:
 *
 *     test_safety memory
 *     test_safety sqlite
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
#include <sqlite3.h>

#include <infoview/infoview.h>
#include <infoview/sys/backend.h>

#include "fixture.h"

/* IV_FIXTURE_T0 is Monday 2026-03-02 09:00 UTC; the fixture runs in UTC. */
#define T0 IV_FIXTURE_T0

typedef char id_buf[IV_ID_LEN + 1];

/* --- Helpers ---------------------------------------------------------------- */

/* A requested interview with a new contact, asked at the clock's time. */
static void requested(iv_fixture *fx, const char *name, char *contact_out, char *out)
{
	iv_interview *iv = NULL;

	iv_fixture_contact(fx->db, name, NULL, IV_KNOWN_DIRECT, contact_out);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, contact_out));
	ok(iv_interview_insert(fx->db, iv));
	memcpy(out, iv_interview_id(iv), IV_ID_LEN + 1);
	iv_interview_free(iv);
	ok(iv_interview_move(NULL, fx->db, out, IV_INTERVIEW_REQUESTED));
}

static void schedule(iv_db *db, const char *id, iv_time at)
{
	iv_interview *iv = NULL;

	ok(iv_interview_lookup(&iv, db, id));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_SCHEDULED));
	ok(iv_interview_set_scheduled_at(iv, at));
	ok(iv_interview_update(db, iv));
	iv_interview_free(iv);
}

/* The follow-ups made by rule `<rule>:<interview id>`, in any status. */
static size_t nudges(iv_db *db, const char *rule, const char *id, iv_followup **first)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	char key[128];
	size_t n = 0;
	int rc;

	snprintf(key, sizeof(key), "%s:%s", rule, id);
	f.rule = key;
	if (first)
		*first = NULL;
	ok(iv_followup_list(&it, db, &f));
	while ((rc = iv_followup_iter_next(&fu, it)) == 0) {
		if (first && !*first)
			*first = fu;
		else
			iv_followup_free(fu);
		n++;
	}
	check(rc, IV_ITEROVER);
	iv_followup_iter_free(it);
	return n;
}

/* Asserts the one nudge of `rule` is `status`, due at `due` (0: not checked). */
static void assert_nudge(iv_db *db, const char *rule, const char *id, int status, iv_time due)
{
	iv_followup *fu = NULL;

	assert_int_equal(nudges(db, rule, id, &fu), 1);
	assert_int_equal(iv_followup_status(fu), status);
	if (due) {
		assert_int_equal(iv_followup_due(fu), due);
		assert_int_equal(iv_followup_earliest(fu), due);
	}
	if (status == IV_FOLLOWUP_PENDING)
		assert_int_equal(iv_followup_closed_at(fu), 0);
	iv_followup_free(fu);
}

/* --- Moving back to requested ------------------------------------------------ */

static void unschedule_reopens_the_nudges_due_from_the_request(void **state)
{
	iv_fixture *fx = *state;
	iv_interview *iv = NULL;
	id_buf c, id;

	requested(fx, "Priya Shah", c, id);
	fx->now = T0 + 24 * HOUR;
	schedule(fx->db, id, T0 + 3 * DAY);
	assert_nudge(fx->db, "nudge_other", id, IV_FOLLOWUP_CANCELLED, 0);
	fx->now = T0 + 2 * DAY;
	ok(iv_interview_unschedule(&iv, fx->db, id));
	assert_int_equal(iv_interview_status(iv), IV_INTERVIEW_REQUESTED);
	assert_int_equal(iv_interview_scheduled_at(iv), 0);
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_SCHEDULED), 0);
	/* The request date is kept: still Monday 09:00. */
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_REQUESTED), T0);
	iv_interview_free(iv);
	/* Thursday 09:00 and the Wednesday after, as the request put them. */
	assert_nudge(fx->db, "nudge_other", id, IV_FOLLOWUP_PENDING, T0 + 3 * DAY);
	assert_nudge(fx->db, "nudge_followup", id, IV_FOLLOWUP_PENDING, T0 + 9 * DAY);
	/* What is stored agrees with what came back. */
	ok(iv_interview_lookup(&iv, fx->db, id));
	assert_int_equal(iv_interview_status(iv), IV_INTERVIEW_REQUESTED);
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_REQUESTED), T0);
	iv_interview_free(iv);
}

static void unschedule_after_the_nudges_passed_counts_from_now(void **state)
{
	iv_fixture *fx = *state;
	id_buf c, id;

	requested(fx, "Priya Shah", c, id);
	fx->now = T0 + HOUR;
	schedule(fx->db, id, T0 + DAY);
	/* Thursday 12 March 09:00: both nudges of the request are past. */
	fx->now = T0 + 10 * DAY;
	ok(iv_interview_unschedule(NULL, fx->db, id));
	/* 3 business days on: Tuesday 17 March; 7: Monday 23 March. */
	assert_nudge(fx->db, "nudge_other", id, IV_FOLLOWUP_PENDING, T0 + 15 * DAY);
	assert_nudge(fx->db, "nudge_followup", id, IV_FOLLOWUP_PENDING, T0 + 21 * DAY);
}

static void unschedule_keeps_a_nudge_still_ahead_and_moves_one_past(void **state)
{
	iv_fixture *fx = *state;
	id_buf c, id;

	requested(fx, "Priya Shah", c, id);
	fx->now = T0 + HOUR;
	schedule(fx->db, id, T0 + DAY);
	/* Thursday 10:00: the first nudge (Thursday 09:00) is past, the second ahead. */
	fx->now = T0 + 3 * DAY + HOUR;
	ok(iv_interview_unschedule(NULL, fx->db, id));
	assert_nudge(fx->db, "nudge_other", id, IV_FOLLOWUP_PENDING, T0 + 8 * DAY + HOUR);
	assert_nudge(fx->db, "nudge_followup", id, IV_FOLLOWUP_PENDING, T0 + 9 * DAY);
}

static void unschedule_and_reschedule_again_never_double_the_nudges(void **state)
{
	iv_fixture *fx = *state;
	id_buf c, id;
	int round;

	requested(fx, "Priya Shah", c, id);
	for (round = 0; round < 3; round++) {
		fx->now = T0 + (2 * round + 1) * HOUR;
		schedule(fx->db, id, T0 + DAY);
		assert_nudge(fx->db, "nudge_other", id, IV_FOLLOWUP_CANCELLED, 0);
		assert_nudge(fx->db, "nudge_followup", id, IV_FOLLOWUP_CANCELLED, 0);
		fx->now += HOUR;
		ok(iv_interview_unschedule(NULL, fx->db, id));
		assert_nudge(fx->db, "nudge_other", id, IV_FOLLOWUP_PENDING, T0 + 3 * DAY);
		assert_nudge(fx->db, "nudge_followup", id, IV_FOLLOWUP_PENDING, T0 + 9 * DAY);
	}
	/* Applying every rule again makes nothing new either. */
	ok(iv_rules_apply(fx->db));
	assert_int_equal(nudges(fx->db, "nudge_other", id, NULL), 1);
	assert_int_equal(nudges(fx->db, "nudge_followup", id, NULL), 1);
}

static void unschedule_leaves_a_nudge_already_done(void **state)
{
	iv_fixture *fx = *state;
	iv_followup *fu = NULL;
	id_buf c, id;

	requested(fx, "Priya Shah", c, id);
	fx->now = T0 + 3 * DAY + HOUR;
	assert_int_equal(nudges(fx->db, "nudge_other", id, &fu), 1);
	ok(iv_followup_close(NULL, fx->db, iv_followup_id(fu), IV_FOLLOWUP_DONE));
	iv_followup_free(fu);
	fx->now += HOUR;
	schedule(fx->db, id, T0 + 5 * DAY);
	fx->now += HOUR;
	ok(iv_interview_unschedule(NULL, fx->db, id));
	assert_nudge(fx->db, "nudge_other", id, IV_FOLLOWUP_DONE, 0);
	assert_nudge(fx->db, "nudge_followup", id, IV_FOLLOWUP_PENDING, T0 + 9 * DAY);
}

static void unschedule_of_one_never_requested_dates_the_request_now(void **state)
{
	iv_fixture *fx = *state;
	iv_interview *iv = NULL;
	id_buf c, id;

	iv_fixture_contact(fx->db, "Tom Nguyen", NULL, IV_KNOWN_DIRECT, c);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, c));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_SCHEDULED));
	ok(iv_interview_set_scheduled_at(iv, T0 + DAY));
	ok(iv_interview_insert(fx->db, iv));
	memcpy(id, iv_interview_id(iv), sizeof(id));
	iv_interview_free(iv);
	assert_int_equal(nudges(fx->db, "nudge_other", id, NULL), 0);
	fx->now = T0 + 2 * HOUR;
	ok(iv_interview_unschedule(&iv, fx->db, id));
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_REQUESTED), T0 + 2 * HOUR);
	iv_interview_free(iv);
	assert_nudge(fx->db, "nudge_other", id, IV_FOLLOWUP_PENDING, T0 + 3 * DAY + 2 * HOUR);
	assert_nudge(fx->db, "nudge_followup", id, IV_FOLLOWUP_PENDING, T0 + 9 * DAY + 2 * HOUR);
}

static void unschedule_refuses_an_interview_not_scheduled(void **state)
{
	iv_fixture *fx = *state;
	iv_interview *iv = (iv_interview *)1;
	id_buf c, id;

	requested(fx, "Priya Shah", c, id);
	check(iv_interview_unschedule(&iv, fx->db, id), IV_EINVALID);
	assert_null(iv);
	assert_message_has("only a scheduled interview can go back to requested");
	assert_message_has("is requested");
	assert_nudge(fx->db, "nudge_other", id, IV_FOLLOWUP_PENDING, T0 + 3 * DAY);
	check(iv_interview_unschedule(NULL, fx->db, "01900000-0000-7000-8000-000000000001"), IV_ENOTFOUND);
	check(iv_interview_unschedule(NULL, fx->db, NULL), IV_EINVALID);
	check(iv_interview_unschedule(NULL, NULL, id), IV_EINVALID);
}

/* The lifecycle table keeps its meaning: only the new function goes back. */
static void update_and_move_still_refuse_scheduled_to_requested(void **state)
{
	iv_fixture *fx = *state;
	iv_interview *iv = NULL;
	id_buf c, id;

	assert_int_equal(iv_interview_can_move(IV_INTERVIEW_SCHEDULED, IV_INTERVIEW_REQUESTED), 0);
	requested(fx, "Priya Shah", c, id);
	schedule(fx->db, id, T0 + DAY);
	check(iv_interview_move(NULL, fx->db, id, IV_INTERVIEW_REQUESTED), IV_EINVALID);
	assert_message_has("cannot move from scheduled to requested");
	ok(iv_interview_lookup(&iv, fx->db, id));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_REQUESTED));
	check(iv_interview_update(fx->db, iv), IV_EINVALID);
	iv_interview_free(iv);
	assert_nudge(fx->db, "nudge_other", id, IV_FOLLOWUP_CANCELLED, 0);
}

static void retiming_keeps_the_request_date_and_the_nudges_cancelled(void **state)
{
	iv_fixture *fx = *state;
	iv_interview *iv = NULL;
	id_buf c, id;

	requested(fx, "Priya Shah", c, id);
	fx->now = T0 + HOUR;
	schedule(fx->db, id, T0 + DAY);
	fx->now = T0 + 2 * HOUR;
	ok(iv_interview_lookup(&iv, fx->db, id));
	ok(iv_interview_set_scheduled_at(iv, T0 + 2 * DAY));
	ok(iv_interview_set_medium(iv, IV_MEDIUM_IN_PERSON));
	ok(iv_interview_set_minutes(iv, 45));
	ok(iv_interview_update(fx->db, iv));
	iv_interview_free(iv);
	ok(iv_interview_lookup(&iv, fx->db, id));
	assert_int_equal(iv_interview_status(iv), IV_INTERVIEW_SCHEDULED);
	assert_int_equal(iv_interview_scheduled_at(iv), T0 + 2 * DAY);
	assert_int_equal(iv_interview_minutes(iv), 45);
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_REQUESTED), T0);
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_SCHEDULED), T0 + HOUR);
	iv_interview_free(iv);
	assert_nudge(fx->db, "nudge_other", id, IV_FOLLOWUP_CANCELLED, 0);
	assert_nudge(fx->db, "nudge_followup", id, IV_FOLLOWUP_CANCELLED, 0);
}

/* --- Contacts by e-mail -------------------------------------------------------- */

static void add_with_emails(iv_db *db, const char *name, const char *company, const char *e1, const char *e2,
			    char *out)
{
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, name));
	ok(iv_contact_set_company(c, company));
	if (e1)
		ok(iv_contact_add_email(c, e1));
	if (e2)
		ok(iv_contact_add_email(c, e2));
	ok(iv_contact_insert(db, c));
	if (out)
		memcpy(out, iv_contact_id(c), IV_ID_LEN + 1);
	iv_contact_free(c);
}

/* The names `f` lists, joined with commas. */
static void names(char *buf, size_t size, iv_db *db, const iv_contact_filter *f)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	size_t len = 0;
	int rc;

	buf[0] = '\0';
	ok(iv_contact_list(&it, db, f));
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? "," : "", iv_contact_name(c));
		iv_contact_free(c);
		assert_true(len < size);
	}
	check(rc, IV_ITEROVER);
	iv_contact_iter_free(it);
}

static void email_filter_cases(iv_db *db)
{
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact *c = NULL;
	char buf[256];
	id_buf priya;

	add_with_emails(db, "Priya Shah", "Acme", "priya@acme.example", "p.shah@home.example", priya);
	add_with_emails(db, "Tom Nguyen", "Acme", "tom@acme.example", NULL, NULL);
	add_with_emails(db, "Sara Klein", "Initech", "SARA@initech.example", NULL, NULL);
	add_with_emails(db, "No Mail", "Acme", NULL, NULL, NULL);

	f.email = "priya@acme.example";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "Priya Shah");
	/* Any of a contact's addresses, in any ASCII case. */
	f.email = "P.SHAH@Home.Example";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "Priya Shah");
	f.email = "sara@INITECH.example";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "Sara Klein");
	/* The whole address, never a part of one. */
	f.email = "acme.example";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "");
	f.email = "priya@acme.exampl";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "");
	/* With the other members. */
	f.email = "tom@acme.example";
	f.company = "acme";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "Tom Nguyen");
	f.company = "Initech";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "");
	f.company = NULL;

	/* An address taken away is no longer found; a new one is. */
	ok(iv_contact_lookup(&c, db, priya));
	ok(iv_contact_remove_email(c, "priya@acme.example"));
	ok(iv_contact_add_email(c, "priya@newco.example"));
	ok(iv_contact_update(db, c));
	iv_contact_free(c);
	f.email = "priya@acme.example";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "");
	f.email = "PRIYA@newco.example";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "Priya Shah");
	ok(iv_contact_delete(db, priya, IV_DELETE_DEFAULT));
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "");
}

/* The url filter (version 3): the whole URL, ASCII case-insensitively. */
static void url_filter_cases(iv_db *db)
{
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact *c = NULL;
	char buf[256];
	id_buf ada;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Ada Url"));
	ok(iv_contact_set_url(c, "https://www.linkedin.com/in/ada-url"));
	ok(iv_contact_insert(db, c));
	memcpy(ada, iv_contact_id(c), IV_ID_LEN + 1);
	iv_contact_free(c);
	add_with_emails(db, "Bea NoUrl", "Acme", NULL, NULL, NULL);

	f.url = "https://www.linkedin.com/in/ada-url";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "Ada Url");
	f.url = "HTTPS://WWW.LinkedIn.com/in/ADA-URL";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "Ada Url");
	f.url = "https://www.linkedin.com/in/ada";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "");
	/* A URL changed is found by its new value only. */
	ok(iv_contact_lookup(&c, db, ada));
	ok(iv_contact_set_url(c, "https://ada.example/"));
	ok(iv_contact_update(db, c));
	iv_contact_free(c);
	f.url = "https://www.linkedin.com/in/ada-url";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "");
	f.url = "https://ada.example/";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "Ada Url");
	/* A version 2 caller has no url member: it is not read. */
	f.version = 2;
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "Ada Url,Bea NoUrl");
}

static void contacts_are_found_by_email(void **state)
{
	iv_fixture *fx = *state;

	email_filter_cases(fx->db);
}

static void contacts_are_found_by_url(void **state)
{
	iv_fixture *fx = *state;

	url_filter_cases(fx->db);
}

static void a_version_1_filter_knows_no_email(void **state)
{
	iv_fixture *fx = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	char buf[256];

	add_with_emails(fx->db, "Priya Shah", "Acme", "priya@acme.example", NULL, NULL);
	add_with_emails(fx->db, "Tom Nguyen", "Acme", "tom@acme.example", NULL, NULL);
	/* A caller built against version 1 has no email member: whatever lies there is not read. */
	f.version = 1;
	f.email = "priya@acme.example";
	names(buf, sizeof(buf), fx->db, &f);
	assert_string_equal(buf, "Priya Shah,Tom Nguyen");
	f.version = IV_CONTACT_FILTER_VERSION;
	names(buf, sizeof(buf), fx->db, &f);
	assert_string_equal(buf, "Priya Shah");
	ok(iv_contact_filter_init(&f, 1));
	assert_int_equal(f.version, 1);
}

static void a_malformed_email_filter_is_refused(void **state)
{
	iv_fixture *fx = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact_iter *it = NULL;

	f.email = "a\x01@b";
	check(iv_contact_list(&it, fx->db, &f), IV_EINVALID);
	assert_null(it);
	assert_message_has("contact_filter.email");
}

/*
 * A third party's backend built at version 1, in front of the backend
 * under test: it hands on only the members of a version 1 filter, as a
 * backend that never heard of `email` would apply only those.
 */
typedef struct {
	iv_backend parent;
	iv_backend *inner;
	int lists; /* contact lists it answered */
} v1_backend;

static iv_backend *v1_inner(iv_backend *be)
{
	v1_backend *p = (v1_backend *)be;

	p->inner->db = be->db;
	return p->inner;
}

#define V1_FORWARD(kind) \
	static int v1_##kind##_get(iv_##kind **out, iv_backend *be, const char *id) \
	{ iv_backend *in = v1_inner(be); return in->kind##_get(out, in, id); } \
	static int v1_##kind##_insert(iv_backend *be, const iv_##kind *r) \
	{ iv_backend *in = v1_inner(be); return in->kind##_insert(in, r); } \
	static int v1_##kind##_update(iv_backend *be, const iv_##kind *r) \
	{ iv_backend *in = v1_inner(be); return in->kind##_update(in, r); } \
	static int v1_##kind##_delete(iv_backend *be, const char *id) \
	{ iv_backend *in = v1_inner(be); return in->kind##_delete(in, id); }

V1_FORWARD(contact)
V1_FORWARD(intro)
V1_FORWARD(interview)
V1_FORWARD(followup)

static int v1_contact_list(iv_backend_iter **out, iv_backend *be, const iv_contact_filter *filter)
{
	iv_backend *in = v1_inner(be);
	iv_contact_filter v1;

	/* Only what version 1 has: the rest of the caller's struct is unknown to it. */
	memset(&v1, 0, sizeof(v1));
	memcpy(&v1, filter, iv_struct_size("iv_contact_filter", 1));
	v1.version = IV_CONTACT_FILTER_VERSION;
	((v1_backend *)be)->lists++;
	return in->contact_list(out, in, &v1);
}

static int v1_intro_list(iv_backend_iter **out, iv_backend *be, const iv_intro_filter *f)
{
	iv_backend *in = v1_inner(be);
	return in->intro_list(out, in, f);
}

static int v1_interview_list(iv_backend_iter **out, iv_backend *be, const iv_interview_filter *f)
{
	iv_backend *in = v1_inner(be);
	return in->interview_list(out, in, f);
}

static int v1_followup_list(iv_backend_iter **out, iv_backend *be, const iv_followup_filter *f)
{
	iv_backend *in = v1_inner(be);
	return in->followup_list(out, in, f);
}

static int v1_setting_get(char **out, iv_backend *be, const char *key)
{
	iv_backend *in = v1_inner(be);
	return in->setting_get(out, in, key);
}

static int v1_setting_set(iv_backend *be, const char *key, const char *value)
{
	iv_backend *in = v1_inner(be);
	return in->setting_set(in, key, value);
}

static int v1_begin(iv_backend *be)
{
	iv_backend *in = v1_inner(be);
	return in->begin(in);
}

static int v1_commit(iv_backend *be)
{
	iv_backend *in = v1_inner(be);
	return in->commit(in);
}

static int v1_rollback(iv_backend *be)
{
	iv_backend *in = v1_inner(be);
	return in->rollback(in);
}

static void v1_free(iv_backend *be)
{
	v1_backend *p = (v1_backend *)be;

	p->inner->free(p->inner);
	free(p);
}

static void v1_open(iv_db **db, v1_backend **out, iv_fixture *fx)
{
	static int opened;
	v1_backend *p = calloc(1, sizeof(*p));
	char path[600];

	assert_non_null(p);
	ok(iv_backend_init(&p->parent, 1));
	if (fx->dir[0]) {
		/* A new file each time: each open is a fresh store, as in memory. */
		snprintf(path, sizeof(path), "%s/v1-%d.db", fx->dir, ++opened);
		ok(iv_backend_sqlite_new(&p->inner, path));
	} else {
		ok(iv_backend_memory_new(&p->inner));
	}
	p->parent.contact_get = v1_contact_get;
	p->parent.contact_insert = v1_contact_insert;
	p->parent.contact_update = v1_contact_update;
	p->parent.contact_delete = v1_contact_delete;
	p->parent.contact_list = v1_contact_list;
	p->parent.intro_get = v1_intro_get;
	p->parent.intro_insert = v1_intro_insert;
	p->parent.intro_update = v1_intro_update;
	p->parent.intro_delete = v1_intro_delete;
	p->parent.intro_list = v1_intro_list;
	p->parent.interview_get = v1_interview_get;
	p->parent.interview_insert = v1_interview_insert;
	p->parent.interview_update = v1_interview_update;
	p->parent.interview_delete = v1_interview_delete;
	p->parent.interview_list = v1_interview_list;
	p->parent.followup_get = v1_followup_get;
	p->parent.followup_insert = v1_followup_insert;
	p->parent.followup_update = v1_followup_update;
	p->parent.followup_delete = v1_followup_delete;
	p->parent.followup_list = v1_followup_list;
	p->parent.setting_get = v1_setting_get;
	p->parent.setting_set = v1_setting_set;
	p->parent.begin = v1_begin;
	p->parent.commit = v1_commit;
	p->parent.rollback = v1_rollback;
	p->parent.free = v1_free;
	ok(iv_db_open_backend(db, &p->parent));
	*out = p;
}

static void a_version_1_backend_gets_the_email_filter_applied_by_the_core(void **state)
{
	iv_fixture *fx = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	v1_backend *be = NULL;
	iv_db *db = NULL;
	char buf[256];

	v1_open(&db, &be, fx);
	add_with_emails(db, "Priya Shah", "Acme", "priya@acme.example", NULL, NULL);
	add_with_emails(db, "Tom Nguyen", "Acme", "tom@acme.example", NULL, NULL);
	/* The backend itself does not filter by e-mail: it returns both. */
	f.company = "Acme";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "Priya Shah,Tom Nguyen");
	f.company = NULL;
	iv_db_free(db);

	/* Every case holds through the core's filter as through the backends' own. */
	v1_open(&db, &be, fx);
	email_filter_cases(db);
	assert_true(be->lists > 0);
	iv_db_free(db);
	v1_open(&db, &be, fx);
	url_filter_cases(db);
	iv_db_free(db);
}

/* A store of schema version 2 (before the e-mail index) gets its addresses indexed on open. */
static void sqlite_store_of_version_2_indexes_its_emails(void **state)
{
	iv_fixture *fx = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	sqlite3 *raw = NULL;
	char path[600], buf[256];
	iv_db *db = NULL;

	assert_true(fx->dir[0]); /* run on SQLite only: see main() */
	snprintf(path, sizeof(path), "%s/old.db", fx->dir);
	ok(iv_db_open(&db, path));
	add_with_emails(db, "Priya Shah", "Acme", "priya@acme.example", "p@home.example", NULL);
	add_with_emails(db, "Tom Nguyen", "Acme", "Tom@Acme.example", NULL, NULL);
	iv_db_free(db);
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "DROP INDEX followup_pending; DROP INDEX contact_url; DROP TABLE contact_email; DROP TABLE note;"
				       " DROP INDEX contact_num; ALTER TABLE contact DROP COLUMN num;"
				       " DROP INDEX intro_num; ALTER TABLE intro DROP COLUMN num;"
				       " DROP INDEX interview_num; ALTER TABLE interview DROP COLUMN num;"
				       " DROP INDEX followup_num; ALTER TABLE followup DROP COLUMN num;"
				       " DELETE FROM setting WHERE key LIKE 'iv.number.%'; PRAGMA user_version = 2;", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(raw);

	ok(iv_db_open(&db, path));
	f.email = "p@HOME.example";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "Priya Shah");
	f.email = "tom@acme.example";
	names(buf, sizeof(buf), db, &f);
	assert_string_equal(buf, "Tom Nguyen");
	iv_db_free(db);
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	{
		sqlite3_stmt *st = NULL;
		assert_int_equal(sqlite3_prepare_v2(raw, "SELECT count(*) FROM contact_email", -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 3);
		sqlite3_finalize(st);
	}
	sqlite3_close(raw);
}

/* --- Messages in words ----------------------------------------------------------- */

static void assert_no_constant_in_message(void)
{
	const char *m = iv_error_last()->message;

	if (strstr(m, "IV_"))
		FAIL("message \"%s\" names a C constant\n", m);
}

static void refusing_a_delete_says_cascade_in_words(void **state)
{
	iv_fixture *fx = *state;
	id_buf a, b, in, c, id;

	iv_fixture_contact(fx->db, "Alex Kim", NULL, IV_KNOWN_DIRECT, a);
	iv_fixture_contact(fx->db, "Blake Chen", NULL, IV_KNOWN_INTRODUCED, b);
	iv_fixture_intro(fx->db, a, b, IV_INTRO_MADE, in);
	check(iv_contact_delete(fx->db, a, IV_DELETE_DEFAULT), IV_ECONSTRAINT);
	assert_message_has("delete with cascade to remove them too");
	assert_no_constant_in_message();
	requested(fx, "Priya Shah", c, id);
	check(iv_interview_delete(fx->db, id, IV_DELETE_DEFAULT), IV_ECONSTRAINT);
	assert_message_has("delete with cascade");
	assert_no_constant_in_message();
}

static int silent_failing_clock(iv_time *now, void *payload)
{
	(void)now;
	(void)payload;
	return IV_ESTORAGE;
}

static void a_failure_without_a_message_is_said_in_words(void **state)
{
	iv_fixture *fx = *state;
	iv_contact *c = NULL;

	ok(iv_db_set_clock(fx->db, silent_failing_clock, NULL));
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "X"));
	check(iv_contact_insert(fx->db, c), IV_ESTORAGE);
	assert_message_has("the store's clock failed (storage error)");
	assert_no_constant_in_message();
	iv_contact_free(c);
	check(iv_error_set(IV_EBUSY, NULL), IV_EBUSY);
	assert_message_has("the store is busy");
	assert_no_constant_in_message();
}

#define T(f) cmocka_unit_test_setup_teardown(f, iv_fixture_setup, iv_fixture_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(unschedule_reopens_the_nudges_due_from_the_request),
		T(unschedule_after_the_nudges_passed_counts_from_now),
		T(unschedule_keeps_a_nudge_still_ahead_and_moves_one_past),
		T(unschedule_and_reschedule_again_never_double_the_nudges),
		T(unschedule_leaves_a_nudge_already_done),
		T(unschedule_of_one_never_requested_dates_the_request_now),
		T(unschedule_refuses_an_interview_not_scheduled),
		T(update_and_move_still_refuse_scheduled_to_requested),
		T(retiming_keeps_the_request_date_and_the_nudges_cancelled),
		T(contacts_are_found_by_email),
		T(contacts_are_found_by_url),
		T(a_version_1_filter_knows_no_email),
		T(a_malformed_email_filter_is_refused),
		T(a_version_1_backend_gets_the_email_filter_applied_by_the_core),
		T(refusing_a_delete_says_cascade_in_words),
		T(a_failure_without_a_message_is_said_in_words),
	};
	/* What only the SQLite backend has: a schema that migrates. */
	const struct CMUnitTest sqlite_tests[] = {
		T(sqlite_store_of_version_2_indexes_its_emails),
	};
	int failed;

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	if (strcmp(iv_fixture_backend, "sqlite") == 0)
		failed += cmocka_run_group_tests(sqlite_tests, NULL, NULL);
	return failed;
}

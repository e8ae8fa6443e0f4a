/*
 * Issue 13: two people on one PostgreSQL database never see nor change each
 * other's records: not through the library (every read path: lookups,
 * listings with each filter, id prefixes, search, the network, the agenda,
 * notes, the timeline, settings, rules, the profile; every write path:
 * updates, deletes, inserts that name the other's records, settings), not
 * through their own SQL as their own role (row-level security), and not
 * through the infoview program.
 *
 *     test_pg_isolation [INFOVIEW]
 *
 * with the tests' server in $IV_TEST_PG or $IV_TEST_PG_DIR (tests/pg/pg-server);
 * INFOVIEW, the program, adds its checks.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "../check.h"
#include "pg_store.h"

#include <infoview/interop.h>
#include <infoview/postgres.h>

#include <libpq-fe.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

/* Monday 2026-03-02 09:00:00 UTC. */
#define T0 ((iv_time)1772442000)

typedef char id_t_[IV_ID_LEN + 1];

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

static const char *infoview_program;

/* One person's store and what it holds. */
typedef struct person {
	char role[IV_TEST_PG_ROLE_LEN];
	iv_db *db;
	iv_time now;
	const char *word;   /* in every name: what a search finds */
	char company[64];
	char tag[64];
	char setting[64];
	char names[2][64];
	id_t_ contact[2];   /* [0] introduced [1] by [0]... see populate() */
	id_t_ intro;
	id_t_ interview;
	id_t_ followup;     /* a custom follow-up of their own */
	char rule[128];     /* the rule key of one follow-up the rules made */
	id_t_ note;
} person;

static person alice = { .word = "Aardvark" }, bob = { .word = "Bumblebee" };

static int clock_of(iv_time *now, void *payload)
{
	*now = ((const person *)payload)->now;
	return 0;
}

/* --- Making the two stores ---------------------------------------------- */

static void populate(person *p)
{
	iv_contact *c = NULL;
	iv_intro *in = NULL;
	iv_interview *iv = NULL;
	iv_followup *fu = NULL;
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_note *n = NULL;
	iv_rules rules = IV_RULES_INIT;
	iv_profile *pr = NULL;
	int i;

	snprintf(p->company, sizeof(p->company), "%s Corp", p->word);
	snprintf(p->tag, sizeof(p->tag), "%s-tag", p->word);
	snprintf(p->setting, sizeof(p->setting), "my.%s", p->word);
	for (i = 0; i < 2; i++) {
		snprintf(p->names[i], sizeof(p->names[i]), "%s %s", i ? "Erin" : "Dana", p->word);
		ok(iv_contact_new(&c));
		ok(iv_contact_set_name(c, p->names[i]));
		ok(iv_contact_set_company(c, p->company));
		ok(iv_contact_add_tag(c, p->tag));
		ok(iv_contact_set_cadence_days(c, 30));
		ok(iv_contact_insert(p->db, c));
		memcpy(p->contact[i], iv_contact_id(c), sizeof(id_t_));
		iv_contact_free(c);
	}
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, p->contact[0]));
	ok(iv_intro_set_introduced(in, p->contact[1]));
	ok(iv_intro_set_status(in, IV_INTRO_MADE));
	ok(iv_intro_insert(p->db, in));
	memcpy(p->intro, iv_intro_id(in), sizeof(id_t_));
	iv_intro_free(in);

	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, p->contact[1]));
	ok(iv_interview_set_intro(iv, p->intro));
	ok(iv_interview_set_purpose(iv, p->word));
	ok(iv_interview_insert(p->db, iv));
	memcpy(p->interview, iv_interview_id(iv), sizeof(id_t_));
	iv_interview_free(iv);
	p->now = T0 + DAY;
	ok(iv_interview_move(NULL, p->db, p->interview, IV_INTERVIEW_REQUESTED));
	p->now = T0 + 2 * DAY;
	ok(iv_interview_move(NULL, p->db, p->interview, IV_INTERVIEW_SCHEDULED));
	p->now = T0 + 3 * DAY;
	ok(iv_interview_move(NULL, p->db, p->interview, IV_INTERVIEW_COMPLETED));

	/* One follow-up the rules made: its key. */
	f.interview = p->interview;
	ok(iv_followup_list(&it, p->db, &f));
	ok(iv_followup_iter_next(&fu, it));
	assert_non_null(iv_followup_rule(fu));
	snprintf(p->rule, sizeof(p->rule), "%s", iv_followup_rule(fu));
	iv_followup_free(fu);
	iv_followup_iter_free(it);

	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, p->contact[0]));
	ok(iv_followup_set_due(fu, p->now + DAY));
	ok(iv_followup_set_note(fu, p->word));
	ok(iv_followup_insert(p->db, fu));
	memcpy(p->followup, iv_followup_id(fu), sizeof(id_t_));
	iv_followup_free(fu);

	ok(iv_note_new(&n));
	ok(iv_note_set_contact(n, p->contact[0]));
	ok(iv_note_set_text(n, p->word));
	ok(iv_note_insert(p->db, n));
	memcpy(p->note, iv_note_id(n), sizeof(id_t_));
	iv_note_free(n);

	ok(iv_db_setting_set(p->db, p->setting, p->word));
	ok(iv_rules_get(&rules, p->db));
	rules.thank_due = p == &alice ? 48 * 3600 : 36 * 3600;
	ok(iv_rules_set(p->db, &rules));
	ok(iv_profile_new(&pr));
	ok(iv_profile_set_name(pr, p->word));
	ok(iv_profile_set(p->db, pr));
	iv_profile_free(pr);
}

static int open_person(person *p)
{
	if (iv_test_pg_open(&p->db, p->role) < 0)
		return -1;
	p->now = T0;
	return iv_db_set_clock(p->db, clock_of, p) == 0 ? 0 : -1;
}

static int group_setup(void **state)
{
	(void)state;
	if (!iv_test_pg_conninfo() || open_person(&alice) < 0 || open_person(&bob) < 0)
		return -1;
	populate(&alice);
	populate(&bob);
	return 0;
}

static int group_teardown(void **state)
{
	int rc = 0;

	(void)state;
	if (iv_test_pg_close(alice.db, alice.role) < 0)
		rc = -1;
	if (iv_test_pg_close(bob.db, bob.role) < 0)
		rc = -1;
	return rc;
}

/* --- What a store holds, written out, to see that nothing changed -------- */

struct buf {
	char *s;
	size_t n, cap;
};

static void put(struct buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);

static void put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	assert_true(len >= 0);
	if (b->n + (size_t)len + 1 > b->cap) {
		b->cap = 2 * (b->n + (size_t)len + 1);
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
	va_end(ap);
	b->n += (size_t)len;
}

static const char *str(const char *s)
{
	return s ? s : "-";
}

/* Every record of the store with its fields that could change; free with free(). */
static char *dump(iv_db *db)
{
	struct buf b = { NULL, 0, 0 };
	iv_contact_iter *ci = NULL;
	iv_intro_iter *ii = NULL;
	iv_interview_iter *vi = NULL;
	iv_followup_iter *fi = NULL;
	iv_note_iter *ni = NULL;
	iv_contact *c = NULL;
	iv_intro *in = NULL;
	iv_interview *iv = NULL;
	iv_followup *fu = NULL;
	iv_note *n = NULL;
	iv_profile *pr = NULL;
	iv_rules rules = IV_RULES_INIT;
	char *v = NULL;

	put(&b, "%s", "");
	ok(iv_contact_list(&ci, db, NULL));
	while (iv_contact_iter_next(&c, ci) == 0) {
		put(&b, "contact %s %s %s %lld %lld\n", iv_contact_id(c), iv_contact_name(c), str(iv_contact_company(c)),
		    (long long)iv_contact_updated(c), (long long)iv_contact_number(c));
		iv_contact_free(c);
	}
	iv_contact_iter_free(ci);
	ok(iv_intro_list(&ii, db, NULL));
	while (iv_intro_iter_next(&in, ii) == 0) {
		put(&b, "intro %s %s %s %d %lld\n", iv_intro_id(in), iv_intro_introducer(in), iv_intro_introduced(in),
		    iv_intro_status(in), (long long)iv_intro_updated(in));
		iv_intro_free(in);
	}
	iv_intro_iter_free(ii);
	ok(iv_interview_list(&vi, db, NULL));
	while (iv_interview_iter_next(&iv, vi) == 0) {
		put(&b, "interview %s %s %d %lld\n", iv_interview_id(iv), iv_interview_contact(iv), iv_interview_status(iv),
		    (long long)iv_interview_updated(iv));
		iv_interview_free(iv);
	}
	iv_interview_iter_free(vi);
	ok(iv_followup_list(&fi, db, NULL));
	while (iv_followup_iter_next(&fu, fi) == 0) {
		put(&b, "followup %s %s %d %s %lld\n", iv_followup_id(fu), iv_followup_contact(fu), iv_followup_status(fu),
		    str(iv_followup_rule(fu)), (long long)iv_followup_updated(fu));
		iv_followup_free(fu);
	}
	iv_followup_iter_free(fi);
	ok(iv_note_list(&ni, db, NULL));
	while (iv_note_iter_next(&n, ni) == 0) {
		put(&b, "note %s %s %s\n", iv_note_id(n), iv_note_contact(n), iv_note_text(n));
		iv_note_free(n);
	}
	iv_note_iter_free(ni);
	if (iv_db_setting_get(&v, db, alice.setting) == 0)
		put(&b, "setting %s %s\n", alice.setting, v);
	iv_free(v);
	v = NULL;
	if (iv_db_setting_get(&v, db, bob.setting) == 0)
		put(&b, "setting %s %s\n", bob.setting, v);
	iv_free(v);
	ok(iv_rules_get(&rules, db));
	put(&b, "rules %lld\n", (long long)rules.thank_due);
	ok(iv_profile_get(&pr, db));
	put(&b, "profile %s\n", str(iv_profile_name(pr)));
	iv_profile_free(pr);
	return b.s;
}

/* --- Reads through the library ------------------------------------------ */

/* Whether `id` is one of the person's two contacts. */
static int is_one_of(const char *id, const person *p)
{
	return id && (strcmp(id, p->contact[0]) == 0 || strcmp(id, p->contact[1]) == 0);
}

static size_t count_contacts(iv_db *db, const iv_contact_filter *f, const person *own)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	size_t n = 0;
	int rc;

	ok(iv_contact_list(&it, db, f));
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		assert_true(is_one_of(iv_contact_id(c), own));
		iv_contact_free(c);
		n++;
	}
	iv_contact_iter_free(it);
	check(rc, IV_ITEROVER);
	return n;
}

static size_t count_intros(iv_db *db, const iv_intro_filter *f, const person *own)
{
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	size_t n = 0;
	int rc;

	ok(iv_intro_list(&it, db, f));
	while ((rc = iv_intro_iter_next(&in, it)) == 0) {
		assert_string_equal(iv_intro_id(in), own->intro);
		iv_intro_free(in);
		n++;
	}
	iv_intro_iter_free(it);
	check(rc, IV_ITEROVER);
	return n;
}

static size_t count_interviews(iv_db *db, const iv_interview_filter *f, const person *own)
{
	iv_interview_iter *it = NULL;
	iv_interview *iv = NULL;
	size_t n = 0;
	int rc;

	ok(iv_interview_list(&it, db, f));
	while ((rc = iv_interview_iter_next(&iv, it)) == 0) {
		assert_string_equal(iv_interview_id(iv), own->interview);
		iv_interview_free(iv);
		n++;
	}
	iv_interview_iter_free(it);
	check(rc, IV_ITEROVER);
	return n;
}

static size_t count_followups(iv_db *db, const iv_followup_filter *f, const person *own)
{
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	size_t n = 0;
	int rc;

	ok(iv_followup_list(&it, db, f));
	while ((rc = iv_followup_iter_next(&fu, it)) == 0) {
		assert_true(is_one_of(iv_followup_contact(fu), own));
		iv_followup_free(fu);
		n++;
	}
	iv_followup_iter_free(it);
	check(rc, IV_ITEROVER);
	return n;
}

/* A listing of the other's records: refused as not found, or empty. */
static void none_of_notes(iv_db *db, const iv_note_filter *f)
{
	iv_note_iter *it = NULL;
	iv_note *n = NULL;
	int rc = iv_note_list(&it, db, f);

	if (rc == 0) {
		rc = iv_note_iter_next(&n, it);
		iv_note_free(n);
		iv_note_iter_free(it);
		check(rc, IV_ITEROVER);
	} else {
		check(rc, IV_ENOTFOUND);
	}
}

static void lookups_of_the_other(person *me, const person *other)
{
	iv_contact *c = NULL;
	iv_intro *in = NULL;
	iv_interview *iv = NULL;
	iv_followup *fu = NULL;
	iv_note *n = NULL;
	iv_timeline_iter *tl = NULL;
	char *v = NULL;
	int degree = 0;
	iv_path *path = NULL;

	check(iv_contact_lookup(&c, me->db, other->contact[0]), IV_ENOTFOUND);
	check(iv_contact_lookup(&c, me->db, other->contact[1]), IV_ENOTFOUND);
	check(iv_intro_lookup(&in, me->db, other->intro), IV_ENOTFOUND);
	check(iv_interview_lookup(&iv, me->db, other->interview), IV_ENOTFOUND);
	check(iv_followup_lookup(&fu, me->db, other->followup), IV_ENOTFOUND);
	check(iv_note_lookup(&n, me->db, other->note), IV_ENOTFOUND);
	check(iv_db_setting_get(&v, me->db, other->setting), IV_ENOTFOUND);
	check(iv_db_degree(&degree, me->db, other->contact[1]), IV_ENOTFOUND);
	check(iv_db_path(&path, me->db, other->contact[1]), IV_ENOTFOUND);
	if (iv_timeline(&tl, me->db, other->contact[0]) == 0) {
		iv_timeline_entry *e = NULL;

		check(iv_timeline_iter_next(&e, tl), IV_ITEROVER);
		iv_timeline_iter_free(tl);
	} else {
		assert_int_equal(iv_error_code(), IV_ENOTFOUND);
	}
	/* One's own are there. */
	ok(iv_contact_lookup(&c, me->db, me->contact[0]));
	iv_contact_free(c);
	ok(iv_db_setting_get(&v, me->db, me->setting));
	assert_string_equal(v, me->word);
	iv_free(v);
}

static void listings_of_the_other(person *me, const person *other)
{
	iv_contact_filter cf = IV_CONTACT_FILTER_INIT;
	iv_intro_filter inf = IV_INTRO_FILTER_INIT;
	iv_interview_filter vf = IV_INTERVIEW_FILTER_INIT;
	iv_followup_filter ff = IV_FOLLOWUP_FILTER_INIT;
	iv_note_filter nf = IV_NOTE_FILTER_INIT;
	int i;

	assert_int_equal(count_contacts(me->db, NULL, me), 2);
	cf.company = other->company;
	assert_int_equal(count_contacts(me->db, &cf, me), 0);
	cf.company = NULL;
	cf.tag = other->tag;
	assert_int_equal(count_contacts(me->db, &cf, me), 0);
	cf.tag = NULL;
	for (i = 0; i < 2; i++) {
		cf.name = other->names[i];
		assert_int_equal(count_contacts(me->db, &cf, me), 0);
		cf.name = NULL;
		/* The whole id as the prefix: ids made in the same second share their first digits. */
		cf.id_prefix = other->contact[i];
		assert_int_equal(count_contacts(me->db, &cf, me), 0);
		cf.id_prefix = NULL;
	}
	cf.number = 1;
	assert_int_equal(count_contacts(me->db, &cf, me), 1);
	cf.number = 0;

	assert_int_equal(count_intros(me->db, NULL, me), 1);
	inf.introducer = other->contact[0];
	assert_int_equal(count_intros(me->db, &inf, me), 0);
	inf.introducer = NULL;
	inf.introduced = other->contact[1];
	assert_int_equal(count_intros(me->db, &inf, me), 0);
	inf.introduced = NULL;
	inf.id_prefix = other->intro;
	assert_int_equal(count_intros(me->db, &inf, me), 0);
	inf.id_prefix = NULL;
	inf.status = IV_INTRO_MADE;
	assert_int_equal(count_intros(me->db, &inf, me), 1);

	assert_int_equal(count_interviews(me->db, NULL, me), 1);
	vf.contact = other->contact[1];
	assert_int_equal(count_interviews(me->db, &vf, me), 0);
	vf.contact = NULL;
	vf.intro = other->intro;
	assert_int_equal(count_interviews(me->db, &vf, me), 0);
	vf.intro = NULL;
	vf.id_prefix = other->interview;
	assert_int_equal(count_interviews(me->db, &vf, me), 0);
	vf.id_prefix = NULL;
	vf.status = IV_INTERVIEW_COMPLETED;
	assert_int_equal(count_interviews(me->db, &vf, me), 1);

	assert_true(count_followups(me->db, NULL, me) >= 2);
	ff.contact = other->contact[0];
	assert_int_equal(count_followups(me->db, &ff, me), 0);
	ff.contact = NULL;
	ff.interview = other->interview;
	assert_int_equal(count_followups(me->db, &ff, me), 0);
	ff.interview = NULL;
	ff.rule = other->rule;
	assert_int_equal(count_followups(me->db, &ff, me), 0);
	ff.rule = NULL;
	ff.id_prefix = other->followup;
	assert_int_equal(count_followups(me->db, &ff, me), 0);
	ff.id_prefix = NULL;
	ff.status = IV_FOLLOWUP_PENDING;
	ff.due_before = T0 + 365 * DAY;
	ff.earliest_before = T0 + 365 * DAY;
	assert_true(count_followups(me->db, &ff, me) >= 2);

	nf.contact = other->contact[0];
	none_of_notes(me->db, &nf);
	nf.contact = NULL;
	nf.id_prefix = other->note;
	none_of_notes(me->db, &nf);
}

static void reads_see_only_their_own_records(void **state)
{
	(void)state;
	lookups_of_the_other(&bob, &alice);
	lookups_of_the_other(&alice, &bob);
	listings_of_the_other(&bob, &alice);
	listings_of_the_other(&alice, &bob);
}

static size_t search_hits(person *me, const char *query)
{
	iv_search_iter *it = NULL;
	iv_search_hit *hit = NULL;
	size_t n = 0;
	int rc;

	ok(iv_search(&it, me->db, query, NULL));
	while ((rc = iv_search_iter_next(&hit, it)) == 0) {
		const char *id = iv_search_hit_id(hit);

		assert_true(is_one_of(id, me) || strcmp(id, me->interview) == 0
			    || strcmp(id, me->note) == 0 || strcmp(id, me->followup) == 0 || strcmp(id, me->intro) == 0);
		iv_search_hit_free(hit);
		n++;
	}
	iv_search_iter_free(it);
	check(rc, IV_ITEROVER);
	return n;
}

static void search_finds_only_their_own_records(void **state)
{
	(void)state;
	assert_int_equal(search_hits(&bob, alice.word), 0);
	assert_int_equal(search_hits(&alice, bob.word), 0);
	assert_true(search_hits(&bob, bob.word) > 0);
	assert_true(search_hits(&alice, alice.word) > 0);
	/* What both have: each finds only their own. */
	assert_true(search_hits(&bob, "Dana") > 0);
	assert_true(search_hits(&alice, "Erin") > 0);
}

static void network_of(person *me, const person *other)
{
	iv_network *net = NULL;
	iv_path_iter *it = NULL;
	iv_path *p = NULL;
	int degree = 0;
	int rc;

	ok(iv_network_load(&net, me->db));
	check(iv_network_degree(&degree, net, other->contact[1]), IV_ENOTFOUND);
	ok(iv_network_degree(&degree, net, me->contact[1]));
	iv_network_free(net);
	ok(iv_db_company_paths(&it, me->db, other->company));
	check(iv_path_iter_next(&p, it), IV_ITEROVER);
	iv_path_iter_free(it);
	ok(iv_db_company_paths(&it, me->db, me->company));
	while ((rc = iv_path_iter_next(&p, it)) == 0) {
		size_t i;

		for (i = 0; i < iv_path_length(p); i++)
			assert_true(is_one_of(iv_path_contact_at(p, i), me));
		iv_path_free(p);
	}
	check(rc, IV_ITEROVER);
	iv_path_iter_free(it);
}

static void agenda_of(person *me)
{
	iv_agenda_options o = IV_AGENDA_OPTIONS_INIT;
	iv_agenda_iter *it = NULL;
	iv_agenda_item *item = NULL;
	size_t n = 0;
	int rc;

	o.at = T0 + 40 * DAY;
	o.horizon = 60 * DAY;
	ok(iv_agenda(&it, me->db, &o));
	while ((rc = iv_agenda_iter_next(&item, it)) == 0) {
		const iv_followup *fu = iv_agenda_item_followup(item);
		const iv_interview *iv = iv_agenda_item_interview(item);
		const iv_contact *c = iv_agenda_item_contact(item);

		if (fu)
			assert_true(is_one_of(iv_followup_contact(fu), me));
		if (iv)
			assert_string_equal(iv_interview_id(iv), me->interview);
		if (c)
			assert_true(is_one_of(iv_contact_id(c), me));
		iv_agenda_item_free(item);
		n++;
	}
	iv_agenda_iter_free(it);
	check(rc, IV_ITEROVER);
	assert_true(n > 0);
}

static void network_and_agenda_hold_only_their_own_records(void **state)
{
	(void)state;
	network_of(&bob, &alice);
	network_of(&alice, &bob);
	agenda_of(&bob);
	agenda_of(&alice);
}

static void settings_rules_and_profile_are_each_their_own(void **state)
{
	iv_rules r = IV_RULES_INIT;
	iv_profile *pr = NULL;

	(void)state;
	ok(iv_rules_get(&r, alice.db));
	assert_int_equal(r.thank_due, 48 * 3600);
	ok(iv_rules_get(&r, bob.db));
	assert_int_equal(r.thank_due, 36 * 3600);
	ok(iv_profile_get(&pr, bob.db));
	assert_string_equal(iv_profile_name(pr), bob.word);
	iv_profile_free(pr);
	ok(iv_profile_get(&pr, alice.db));
	assert_string_equal(iv_profile_name(pr), alice.word);
	iv_profile_free(pr);
}

/* --- Exports ------------------------------------------------------------------ */

static int to_buf(const char *data, size_t len, void *payload)
{
	put(payload, "%.*s", (int)len, data);
	return 0;
}

/* Every export of `me`'s store (the backup, vCards, the calendar, the network) names nothing of `other`'s. */
static void exports_of(person *me, const person *other)
{
	static const int formats[] = { IV_FORMAT_JSON, IV_FORMAT_VCARD, IV_FORMAT_ICALENDAR, IV_FORMAT_DOT };
	size_t f;

	for (f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
		struct buf b = { NULL, 0, 0 };

		put(&b, "%s", "");
		ok(iv_export(me->db, formats[f], to_buf, &b, NULL));
		if (strstr(b.s, other->word) || strstr(b.s, other->contact[0]) || strstr(b.s, other->contact[1])
		    || strstr(b.s, other->interview) || strstr(b.s, other->followup) || strstr(b.s, other->role))
			FAIL("export %d of %s's store names %s's records:\n%s\n", formats[f], me->role, other->role, b.s);
		assert_non_null(strstr(b.s, me->word));
		free(b.s);
	}
}

static void exports_hold_only_their_own_records(void **state)
{
	(void)state;
	exports_of(&bob, &alice);
	exports_of(&alice, &bob);
}

/* --- Writes through the library ------------------------------------------ */

/* Every write `me` could aim at `other`'s records: each refused or kept to `me`'s own. */
static void writes_at_the_other(person *me, const person *other)
{
	iv_contact *c = NULL;
	iv_intro *in = NULL;
	iv_interview *iv = NULL;
	iv_followup *fu = NULL;
	iv_note *n = NULL;
	unsigned int flags[2] = { 0, IV_DELETE_CASCADE };
	int i;

	/* Updates of their records, under their ids. */
	ok(iv_contact_new(&c));
	ok(iv_contact_set_id(c, other->contact[0]));
	ok(iv_contact_set_name(c, "Taken Over"));
	check(iv_contact_update(me->db, c), IV_ENOTFOUND);
	iv_contact_free(c);
	ok(iv_intro_new(&in));
	ok(iv_intro_set_id(in, other->intro));
	ok(iv_intro_set_introducer(in, me->contact[0]));
	ok(iv_intro_set_introduced(in, me->contact[1]));
	check(iv_intro_update(me->db, in), IV_ENOTFOUND);
	iv_intro_free(in);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_id(iv, other->interview));
	ok(iv_interview_set_contact(iv, me->contact[1]));
	check(iv_interview_update(me->db, iv), IV_ENOTFOUND);
	iv_interview_free(iv);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_id(fu, other->followup));
	ok(iv_followup_set_contact(fu, me->contact[0]));
	ok(iv_followup_set_due(fu, T0 + 9 * DAY));
	check(iv_followup_update(me->db, fu), IV_ENOTFOUND);
	iv_followup_free(fu);

	/* The workflow's writes. */
	check(iv_interview_move(NULL, me->db, other->interview, IV_INTERVIEW_CANCELLED), IV_ENOTFOUND);
	check(iv_interview_unschedule(NULL, me->db, other->interview), IV_ENOTFOUND);
	check(iv_followup_close(NULL, me->db, other->followup, IV_FOLLOWUP_DONE), IV_ENOTFOUND);
	check(iv_contact_touch(me->db, other->contact[0], 0, "touched"), IV_ENOTFOUND);
	check(iv_contact_interact(NULL, me->db, other->contact[0], 0, "met"), IV_ENOTFOUND);

	/* Deletes, with and without cascade. */
	for (i = 0; i < 2; i++) {
		check(iv_followup_delete(me->db, other->followup, flags[i]), IV_ENOTFOUND);
		check(iv_interview_delete(me->db, other->interview, flags[i]), IV_ENOTFOUND);
		check(iv_intro_delete(me->db, other->intro, flags[i]), IV_ENOTFOUND);
		check(iv_contact_delete(me->db, other->contact[0], flags[i]), IV_ENOTFOUND);
	}
	check(iv_note_delete(me->db, other->note), IV_ENOTFOUND);

	/* Inserts naming their records. */
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, other->contact[0]));
	ok(iv_intro_set_introduced(in, me->contact[1]));
	assert_int_not_equal(iv_intro_insert(me->db, in), 0);
	iv_intro_free(in);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, other->contact[1]));
	assert_int_not_equal(iv_interview_insert(me->db, iv), 0);
	iv_interview_free(iv);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, me->contact[1]));
	ok(iv_interview_set_intro(iv, other->intro));
	assert_int_not_equal(iv_interview_insert(me->db, iv), 0);
	iv_interview_free(iv);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, other->contact[0]));
	ok(iv_followup_set_due(fu, T0 + 9 * DAY));
	assert_int_not_equal(iv_followup_insert(me->db, fu), 0);
	iv_followup_free(fu);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, me->contact[0]));
	ok(iv_followup_set_interview(fu, other->interview));
	ok(iv_followup_set_due(fu, T0 + 9 * DAY));
	assert_int_not_equal(iv_followup_insert(me->db, fu), 0);
	iv_followup_free(fu);
	ok(iv_note_new(&n));
	ok(iv_note_set_contact(n, other->contact[0]));
	ok(iv_note_set_text(n, "a note"));
	assert_int_not_equal(iv_note_insert(me->db, n), 0);
	iv_note_free(n);

	/*
	 * A record of one's own under an id the other uses: ids are per
	 * person, so it is stored, and refusing it would tell that the id
	 * is taken.
	 */
	ok(iv_contact_new(&c));
	ok(iv_contact_set_id(c, other->contact[0]));
	ok(iv_contact_set_name(c, "Same Id"));
	ok(iv_contact_insert(me->db, c));
	iv_contact_free(c);
	ok(iv_contact_delete(me->db, other->contact[0], 0));

	/* Settings of the same name are each their own. */
	ok(iv_db_setting_set(me->db, other->setting, "mine"));
	ok(iv_db_setting_set(me->db, other->setting, NULL));
	ok(iv_rules_apply(me->db));
}

static void writes_never_reach_the_other(void **state)
{
	char *alice_before, *bob_before, *after;

	(void)state;
	alice_before = dump(alice.db);
	bob_before = dump(bob.db);
	writes_at_the_other(&bob, &alice);
	after = dump(alice.db);
	assert_string_equal(after, alice_before);
	free(after);
	writes_at_the_other(&alice, &bob);
	after = dump(bob.db);
	assert_string_equal(after, bob_before);
	free(after);
	free(alice_before);
	free(bob_before);
}

/* --- Their own SQL as their own role -------------------------------------- */

static PGconn *connect_as(const char *role)
{
	char ci[1200];
	PGconn *conn;

	assert_int_equal(iv_test_pg_role_conninfo(ci, sizeof(ci), role), 0);
	conn = PQconnectdb(ci);
	if (PQstatus(conn) != CONNECTION_OK)
		FAIL("cannot connect as %s: %s", role, PQerrorMessage(conn));
	return conn;
}

/* Runs `sql`; returns the result (PQclear it). */
static PGresult *run_sql(PGconn *conn, const char *fmt, ...) PRINTF_LIKE(2, 3);

static PGresult *run_sql(PGconn *conn, const char *fmt, ...)
{
	char sql[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof(sql), fmt, ap);
	va_end(ap);
	return PQexec(conn, sql);
}

static void sql_ok(PGconn *conn, const char *sql)
{
	PGresult *r = PQexec(conn, sql);

	if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
		FAIL("%s: %s", sql, PQerrorMessage(conn));
	PQclear(r);
}

/* A single number a query returns. */
static long long sql_count(PGconn *conn, const char *fmt, ...) PRINTF_LIKE(2, 3);

static long long sql_count(PGconn *conn, const char *fmt, ...)
{
	char sql[1024];
	va_list ap;
	PGresult *r;
	long long n;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof(sql), fmt, ap);
	va_end(ap);
	r = PQexec(conn, sql);
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
		FAIL("%s: %s", sql, PQerrorMessage(conn));
	n = atoll(PQgetvalue(r, 0, 0));
	PQclear(r);
	return n;
}

/* The statement either fails, or changes no row. */
static void changes_nothing(PGconn *conn, const char *what, PGresult *r)
{
	if (PQresultStatus(r) == PGRES_COMMAND_OK) {
		if (strcmp(PQcmdTuples(r), "0") != 0)
			FAIL("%s changed %s rows of another owner\n", what, PQcmdTuples(r));
	} else {
		/* Refused: the transaction is over; start another. */
		sql_ok(conn, "ROLLBACK");
		sql_ok(conn, "BEGIN");
	}
	PQclear(r);
}

/* The statement must be refused by row-level security (or a privilege). */
static void refused(PGconn *conn, const char *what, PGresult *r)
{
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);

	if (PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK)
		FAIL("%s was allowed (%s rows)\n", what, PQcmdTuples(r));
	if (!state || strcmp(state, "42501") != 0)
		FAIL("%s failed, but not for want of privilege: %s", what, PQerrorMessage(conn));
	PQclear(r);
	sql_ok(conn, "ROLLBACK");
	sql_ok(conn, "BEGIN");
}

/*
 * `me`'s own SQL at `other`'s rows. With `pretend`, the session first sets
 * what the administrator's policy looks for (any role may set a custom
 * setting): it must not open anything to a person.
 */
static void own_sql(const person *me, const person *other, int pretend)
{
	PGconn *admin = connect_as("postgres"), *conn = connect_as(me->role);
	PGresult *tables = PQexec(admin, "SELECT c.table_name, EXISTS (SELECT 1 FROM information_schema.columns c2 "
					 "WHERE c2.table_schema = 'infoview' AND c2.table_name = c.table_name "
					 "AND c2.column_name = 'owner') FROM information_schema.tables c "
					 "WHERE c.table_schema = 'infoview' AND c.table_type = 'BASE TABLE' ORDER BY 1");
	int i, with_rows = 0;

	if (PQresultStatus(tables) != PGRES_TUPLES_OK)
		FAIL("listing the tables: %s", PQerrorMessage(admin));
	assert_true(PQntuples(tables) >= 5);
	if (pretend)
		sql_ok(conn, "SET infoview.admin = 'on'");
	sql_ok(conn, "BEGIN");
	for (i = 0; i < PQntuples(tables); i++) {
		const char *t = PQgetvalue(tables, i, 0);
		int has_owner = strcmp(PQgetvalue(tables, i, 1), "t") == 0;
		long long theirs, mine;
		char what[200];

		if (!has_owner) {
			/* Shared by all (the schema's version): nobody but the administrator writes it... */
			PGresult *r = run_sql(conn, "SELECT * FROM infoview.%s", t);

			if (PQresultStatus(r) == PGRES_TUPLES_OK) {
				int row, col;

				/* ...and what anyone may read of it names nobody (who else has a space). */
				for (row = 0; row < PQntuples(r); row++)
					for (col = 0; col < PQnfields(r); col++)
						if (strstr(PQgetvalue(r, row, col), other->role))
							FAIL("infoview.%s shows %s to %s\n", t, other->role, me->role);
				PQclear(r);
			} else {
				PQclear(r);
				sql_ok(conn, "ROLLBACK");
				sql_ok(conn, "BEGIN");
			}
			snprintf(what, sizeof(what), "DELETE FROM infoview.%s", t);
			changes_nothing(conn, what, run_sql(conn, "DELETE FROM infoview.%s", t));
			snprintf(what, sizeof(what), "TRUNCATE infoview.%s", t);
			refused(conn, what, run_sql(conn, "TRUNCATE infoview.%s", t));
			continue;
		}
		theirs = sql_count(admin, "SELECT count(*) FROM infoview.%s WHERE owner = '%s'", t, other->role);
		mine = sql_count(admin, "SELECT count(*) FROM infoview.%s WHERE owner = '%s'", t, me->role);
		with_rows += theirs > 0;
		/* What they see: their own rows, all of them, and nobody else's. */
		assert_int_equal(sql_count(conn, "SELECT count(*) FROM infoview.%s WHERE owner <> current_user", t), 0);
		assert_int_equal(sql_count(conn, "SELECT count(*) FROM infoview.%s", t), mine);
		assert_int_equal(sql_count(conn, "SELECT count(*) FROM infoview.%s WHERE owner = '%s'", t, other->role), 0);
		/* What they change of the other's: nothing. */
		snprintf(what, sizeof(what), "UPDATE infoview.%s (another owner's rows)", t);
		changes_nothing(conn, what, run_sql(conn, "UPDATE infoview.%s SET owner = owner WHERE owner <> current_user", t));
		snprintf(what, sizeof(what), "DELETE FROM infoview.%s (another owner's rows)", t);
		changes_nothing(conn, what, run_sql(conn, "DELETE FROM infoview.%s WHERE owner <> current_user", t));
		if (mine > 0) {
			/* A row written as the other's, new or moved: refused. */
			PGresult *cols = run_sql(admin,
				"SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position), "
				"string_agg(CASE WHEN column_name = 'owner' THEN quote_literal('%s') "
				"ELSE quote_ident(column_name) END, ',' ORDER BY ordinal_position) "
				"FROM information_schema.columns WHERE table_schema = 'infoview' AND table_name = '%s' "
				"AND is_generated = 'NEVER' AND is_identity = 'NO'", other->role, t);

			if (PQresultStatus(cols) != PGRES_TUPLES_OK || PQntuples(cols) != 1)
				FAIL("columns of %s: %s", t, PQerrorMessage(admin));
			snprintf(what, sizeof(what), "INSERT INTO infoview.%s a row of %s", t, other->role);
			refused(conn, what, run_sql(conn, "INSERT INTO infoview.%s (%s) SELECT %s FROM infoview.%s LIMIT 1",
						    t, PQgetvalue(cols, 0, 0), PQgetvalue(cols, 0, 1), t));
			PQclear(cols);
			snprintf(what, sizeof(what), "UPDATE infoview.%s giving a row to %s", t, other->role);
			refused(conn, what, run_sql(conn,
				"UPDATE infoview.%s SET owner = '%s' WHERE ctid = (SELECT ctid FROM infoview.%s LIMIT 1)",
				t, other->role, t));
		}
		/* Nor can they turn the policy off. */
		snprintf(what, sizeof(what), "ALTER TABLE infoview.%s NO FORCE ROW LEVEL SECURITY", t);
		refused(conn, what, run_sql(conn, "ALTER TABLE infoview.%s NO FORCE ROW LEVEL SECURITY", t));
		snprintf(what, sizeof(what), "ALTER TABLE infoview.%s DISABLE ROW LEVEL SECURITY", t);
		refused(conn, what, run_sql(conn, "ALTER TABLE infoview.%s DISABLE ROW LEVEL SECURITY", t));
	}
	sql_ok(conn, "ROLLBACK");
	/* The other has rows in the tables of contacts, introductions, interviews, follow-ups, notes at least. */
	assert_true(with_rows >= 5);
	PQclear(tables);
	PQfinish(conn);
	PQfinish(admin);
}

static void their_own_sql_sees_and_changes_only_their_rows(void **state)
{
	char *alice_before, *bob_before, *after;

	(void)state;
	alice_before = dump(alice.db);
	bob_before = dump(bob.db);
	own_sql(&bob, &alice, 0);
	own_sql(&alice, &bob, 0);
	own_sql(&bob, &alice, 1);
	after = dump(alice.db);
	assert_string_equal(after, alice_before);
	free(after);
	after = dump(bob.db);
	assert_string_equal(after, bob_before);
	free(after);
	free(alice_before);
	free(bob_before);
}

/* --- The infoview program as each of them --------------------------------- */

/* `infoview --db URI-of-role --now ... ARGS...`; its output into `out` (free it); returns its exit status. */
static int infoview(char **out, const char *role, ...)
{
	PQconninfoOption *opts, *o;
	const char *host = NULL, *port = NULL, *dbname = NULL;
	char uri[1200], *argv[16];
	struct buf b = { NULL, 0, 0 };
	int argc = 0, fds[2], status;
	char chunk[4096];
	ssize_t got;
	va_list ap;
	pid_t pid;

	opts = PQconninfoParse(iv_test_pg_conninfo(), NULL);
	assert_non_null(opts);
	for (o = opts; o->keyword; o++) {
		if (strcmp(o->keyword, "host") == 0)
			host = o->val;
		else if (strcmp(o->keyword, "port") == 0)
			port = o->val;
		else if (strcmp(o->keyword, "dbname") == 0)
			dbname = o->val;
	}
	assert_non_null(host);
	snprintf(uri, sizeof(uri), "postgresql:///%s?host=%s&port=%s&user=%s", dbname ? dbname : "infoview", host,
		 port ? port : "5432", role);
	PQconninfoFree(opts);
	argv[argc++] = (char *)infoview_program;
	argv[argc++] = (char *)"--db";
	argv[argc++] = uri;
	argv[argc++] = (char *)"--now";
	argv[argc++] = (char *)"2026-04-10 09:00";
	va_start(ap, role);
	while (argc < 15 && (argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);
	argv[argc] = NULL;
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		/* Its messages ("no contact matches ...") are expected: only the exit status counts. */
		if (null >= 0)
			dup2(null, 2);
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	put(&b, "%s", "");
	while ((got = read(fds[0], chunk, sizeof(chunk) - 1)) > 0) {
		chunk[got] = '\0';
		put(&b, "%s", chunk);
	}
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	*out = b.s;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static void the_program_as_each_shows_and_changes_only_their_own(void **state)
{
	char *out = NULL, *alice_before, *bob_before, *after;

	(void)state;
	if (!infoview_program)
		skip();
	alice_before = dump(alice.db);
	bob_before = dump(bob.db);

	assert_int_equal(infoview(&out, bob.role, "contact", "list", "--json", NULL), 0);
	assert_non_null(strstr(out, bob.names[0]));
	assert_null(strstr(out, alice.word));
	free(out);
	assert_int_equal(infoview(&out, bob.role, "search", "--json", alice.word, NULL), 0);
	assert_string_equal(out, "[]\n");
	free(out);
	assert_int_equal(infoview(&out, bob.role, "followup", "list", "--all", "--json", NULL), 0);
	assert_null(strstr(out, alice.followup));
	assert_null(strstr(out, alice.word));
	free(out);
	/* Her records by their ids or names: not found, so not shown, changed nor removed. */
	assert_int_equal(infoview(&out, bob.role, "contact", "show", alice.contact[0], NULL), 1);
	free(out);
	assert_int_equal(infoview(&out, bob.role, "contact", "show", alice.names[0], NULL), 1);
	free(out);
	assert_int_equal(infoview(&out, bob.role, "followup", "done", alice.followup, NULL), 1);
	free(out);
	assert_int_equal(infoview(&out, bob.role, "contact", "rm", alice.contact[0], NULL), 1);
	free(out);
	assert_int_equal(infoview(&out, bob.role, "interview", "cancel", alice.interview, NULL), 1);
	free(out);
	assert_int_equal(infoview(&out, bob.role, "rules", "apply", NULL), 0);
	free(out);
	/* She sees hers. */
	assert_int_equal(infoview(&out, alice.role, "contact", "show", alice.contact[0], NULL), 0);
	assert_non_null(strstr(out, alice.names[0]));
	free(out);
	assert_int_equal(infoview(&out, alice.role, "followup", "list", "--all", "--json", NULL), 0);
	assert_null(strstr(out, bob.followup));
	assert_non_null(strstr(out, alice.followup));
	free(out);

	after = dump(alice.db);
	assert_string_equal(after, alice_before);
	free(after);
	after = dump(bob.db);
	assert_string_equal(after, bob_before);
	free(after);
	free(alice_before);
	free(bob_before);
}

/* --- Spaces given and taken back ----------------------------------------- */

static void a_role_without_a_space_is_refused_clearly(void **state)
{
	char ci[1200];
	iv_db *db = NULL;

	(void)state;
	assert_int_equal(iv_test_pg_admin_exec("DROP ROLE IF EXISTS ivt_nospace"), 0);
	assert_int_equal(iv_test_pg_admin_exec("CREATE ROLE ivt_nospace LOGIN"), 0);
	assert_int_equal(iv_test_pg_role_conninfo(ci, sizeof(ci), "ivt_nospace"), 0);
	assert_int_not_equal(iv_db_open_with(&db, "postgresql", ci), 0);
	assert_null(db);
	assert_message_has("ivt_nospace");
	assert_message_has("add-user");
	check(iv_postgres_add_user(iv_test_pg_conninfo(), "ivt_no_such_role"), IV_ENOTFOUND);
	assert_int_equal(iv_test_pg_admin_exec("DROP ROLE ivt_nospace"), 0);
}

static void removing_a_user_deletes_every_record_of_theirs_only(void **state)
{
	person carol = { .word = "Caracal" };
	char *alice_before, *after, ci[1200], sql[512];
	PGconn *admin;
	PGresult *tables;
	iv_db *db = NULL;
	int i;

	(void)state;
	alice_before = dump(alice.db);
	assert_int_equal(open_person(&carol), 0);
	populate(&carol);
	ok(iv_postgres_remove_user(iv_test_pg_conninfo(), carol.role));
	/* Idempotent. */
	ok(iv_postgres_remove_user(iv_test_pg_conninfo(), carol.role));
	admin = connect_as("postgres");
	tables = PQexec(admin, "SELECT table_name FROM information_schema.columns WHERE table_schema = 'infoview' "
			       "AND column_name = 'owner'");
	assert_int_equal(PQresultStatus(tables), PGRES_TUPLES_OK);
	assert_true(PQntuples(tables) >= 5);
	for (i = 0; i < PQntuples(tables); i++)
		assert_int_equal(sql_count(admin, "SELECT count(*) FROM infoview.%s WHERE owner = '%s'",
					   PQgetvalue(tables, i, 0), carol.role), 0);
	PQclear(tables);
	PQfinish(admin);
	/* Without a space, the role cannot open a store any more. */
	iv_db_free(carol.db);
	assert_int_equal(iv_test_pg_role_conninfo(ci, sizeof(ci), carol.role), 0);
	assert_int_not_equal(iv_db_open_with(&db, "postgresql", ci), 0);
	assert_message_has("add-user");
	snprintf(sql, sizeof(sql), "DROP ROLE %s", carol.role);
	assert_int_equal(iv_test_pg_admin_exec(sql), 0);
	after = dump(alice.db);
	assert_string_equal(after, alice_before);
	free(after);
	free(alice_before);
}

/*
 * Administrators add and remove people while others work: several
 * add-user and remove-user calls at the same moment (GRANTs on the same
 * schema from several connections) all succeed, each at once.
 */
static void adding_and_removing_users_at_once_succeeds(void **state)
{
	enum { N = 6 };
	char roles[N][64], sql[512];
	pid_t pids[N];
	int go[2], i;

	(void)state;
	for (i = 0; i < N; i++) {
		snprintf(roles[i], sizeof(roles[i]), "ivt_%ld_at_once_%d", (long)getpid(), i);
		snprintf(sql, sizeof(sql), "DROP ROLE IF EXISTS %s", roles[i]);
		assert_int_equal(iv_test_pg_admin_exec(sql), 0);
		snprintf(sql, sizeof(sql), "CREATE ROLE %s LOGIN", roles[i]);
		assert_int_equal(iv_test_pg_admin_exec(sql), 0);
	}
	assert_int_equal(pipe(go), 0);
	fflush(NULL);
	for (i = 0; i < N; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			char c;
			int rc;

			close(go[1]);
			/* All start when the pipe closes. */
			if (read(go[0], &c, 1) != 0)
				_exit(3);
			rc = iv_postgres_add_user(iv_test_pg_conninfo(), roles[i]);
			if (rc != 0)
				fprintf(stderr, "add-user %s at once: %s\n", roles[i], iv_error_message());
			if (rc == 0 && (rc = iv_postgres_remove_user(iv_test_pg_conninfo(), roles[i])) != 0)
				fprintf(stderr, "remove-user %s at once: %s\n", roles[i], iv_error_message());
			_exit(rc == 0 ? 0 : 1);
		}
	}
	close(go[0]);
	close(go[1]);
	for (i = 0; i < N; i++) {
		int status = 0;

		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	for (i = 0; i < N; i++) {
		snprintf(sql, sizeof(sql), "DROP ROLE %s", roles[i]);
		assert_int_equal(iv_test_pg_admin_exec(sql), 0);
	}
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_see_only_their_own_records),
		cmocka_unit_test(search_finds_only_their_own_records),
		cmocka_unit_test(network_and_agenda_hold_only_their_own_records),
		cmocka_unit_test(settings_rules_and_profile_are_each_their_own),
		cmocka_unit_test(exports_hold_only_their_own_records),
		cmocka_unit_test(writes_never_reach_the_other),
		cmocka_unit_test(their_own_sql_sees_and_changes_only_their_rows),
		cmocka_unit_test(the_program_as_each_shows_and_changes_only_their_own),
		cmocka_unit_test(a_role_without_a_space_is_refused_clearly),
		cmocka_unit_test(removing_a_user_deletes_every_record_of_theirs_only),
		cmocka_unit_test(adding_and_removing_users_at_once_succeeds),
	};

	if (argc > 1)
		infoview_program = argv[1];
	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests_name("pg_isolation", tests, group_setup, group_teardown);
}

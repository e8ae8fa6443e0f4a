/*
 * The lossless JSON backup (IV_FORMAT_JSON), on the backend named on the
 * command line: a store with every kind and every field survives export
 * and restore into an empty store of the same and of the other built-in
 * backend, byte for byte; hostile backups are refused naming the line,
 * writing nothing.
 *
 *   test_backup memory|sqlite                 the suite
 *   test_backup memory|sqlite --write FILE    writes the full store's
 *                                             backup to FILE (for the
 *                                             Python reader's test)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <infoview/infoview.h>
#include <infoview/interop.h>
#include <infoview/sys/backend.h>

#include "fixture.h"
#ifdef IV_TEST_POSTGRES
#include "pg/pg_store.h"
#endif

/* --- Bytes in and out ---------------------------------------------------- */

struct buf {
	char *p;
	size_t len, cap;
};

static int buf_write(const char *data, size_t len, void *payload)
{
	struct buf *b = payload;

	if (b->len + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + len + 1)
			cap *= 2;
		b->p = realloc(b->p, cap);
		assert_non_null(b->p);
		b->cap = cap;
	}
	memcpy(b->p + b->len, data, len);
	b->len += len;
	b->p[b->len] = '\0';
	return 0;
}

static void export_json(iv_db *db, struct buf *b)
{
	b->len = 0;
	assert_int_equal(iv_export(db, IV_FORMAT_JSON, buf_write, b, NULL), 0);
	assert_non_null(b->p);
}

/* Input handed out `chunk` bytes at a time (1: jansson must take no byte too many). */
struct src {
	const char *p;
	size_t len, pos, chunk;
};

static int src_read(char *buf, size_t size, size_t *got, void *payload)
{
	struct src *s = payload;
	size_t n = s->len - s->pos;

	if (n > size)
		n = size;
	if (n > s->chunk)
		n = s->chunk;
	memcpy(buf, s->p + s->pos, n);
	s->pos += n;
	*got = n;
	return 0;
}

static int restore_flags(iv_db *db, const char *text, size_t len, size_t chunk, unsigned int flags,
			 size_t *added)
{
	iv_import_options o = IV_IMPORT_OPTIONS_INIT;
	iv_import_report *rep = NULL;
	struct src s = { text, len, 0, chunk };
	int error;

	o.flags = flags;
	error = iv_import(&rep, db, IV_FORMAT_JSON, src_read, &s, &o);
	if (added)
		*added = iv_import_report_added(rep);
	iv_import_report_free(rep);
	return error;
}

static int restore(iv_db *db, const char *text)
{
	return restore_flags(db, text, strlen(text), 65536, 0, NULL);
}

/* --- A second store, of either built-in backend ---------------------------- */

struct store {
	iv_db *db;
	char dir[512];
	char role[64]; /* a PostgreSQL store's role of its own, or "" */
};

static void store_open(struct store *s, const char *backend)
{
	char path[600];

	s->dir[0] = '\0';
	s->role[0] = '\0';
	if (strcmp(backend, "memory") == 0) {
		assert_int_equal(iv_db_open_memory(&s->db), 0);
		return;
	}
#ifdef IV_TEST_POSTGRES
	if (strcmp(backend, "postgresql") == 0) {
		assert_int_equal(iv_test_pg_open(&s->db, s->role), 0);
		return;
	}
#endif
	snprintf(s->dir, sizeof(s->dir), "%s/iv-backup-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(s->dir));
	snprintf(path, sizeof(path), "%s/other.db", s->dir);
	assert_int_equal(iv_db_open(&s->db, path), 0);
}

static void store_close(struct store *s)
{
	char path[700];
	static const char *const files[] = { "other.db", "other.db-wal", "other.db-shm" };
	size_t i;

#ifdef IV_TEST_POSTGRES
	if (s->role[0]) {
		assert_int_equal(iv_test_pg_close(s->db, s->role), 0);
		return;
	}
#endif
	iv_db_free(s->db);
	if (!s->dir[0])
		return;
	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/%s", s->dir, files[i]);
		unlink(path);
	}
	rmdir(s->dir);
}

static const char *other_backend(void)
{
	return strcmp(iv_fixture_backend, "memory") == 0 ? "sqlite" : "memory";
}

/* Nothing at all in the store: no record, none of the settings the backups below hold. */
static void assert_store_empty(iv_db *db)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	iv_profile *p = NULL;
	char *v = NULL;

	assert_int_equal(iv_contact_list(&it, db, NULL), 0);
	assert_int_equal(iv_contact_iter_next(&c, it), IV_ITEROVER);
	iv_contact_iter_free(it);
	assert_int_equal(iv_db_setting_get(&v, db, "my.setting"), IV_ENOTFOUND);
	assert_int_equal(iv_profile_get(&p, db), 0);
	assert_null(iv_profile_name(p));
	iv_profile_free(p);
}

/* --- A store with every kind and every field -------------------------------- */

struct world {
	char introducer[IV_ID_LEN + 1], person[IV_ID_LEN + 1], intro[IV_ID_LEN + 1];
	char interview[IV_ID_LEN + 1], manual[IV_ID_LEN + 1], note[IV_ID_LEN + 1];
	size_t records; /* of every kind, counted from the lists */
};

static const char odd_text[] = "Zoë said: \"call me\" \\ then\nleft — 李雷, tab\there";

static void tick(iv_fixture *fx, iv_time seconds)
{
	fx->now += seconds;
}

static void add_person(iv_fixture *fx, struct world *w)
{
	iv_contact *c = NULL;

	assert_int_equal(iv_contact_new(&c), 0);
	assert_int_equal(iv_contact_set_name(c, "Zoë Ångström-李"), 0);
	assert_int_equal(iv_contact_add_email(c, "zoe@example.com"), 0);
	assert_int_equal(iv_contact_add_email(c, "z.angstrom@example.org"), 0);
	assert_int_equal(iv_contact_set_phone(c, "+46 8 123 45 67"), 0);
	assert_int_equal(iv_contact_set_company(c, "Fjord \"Labs\" AB"), 0);
	assert_int_equal(iv_contact_set_title(c, "Head of Regulatory — Nordics"), 0);
	assert_int_equal(iv_contact_set_location(c, "Göteborg"), 0);
	assert_int_equal(iv_contact_set_url(c, "https://example.com/in/zo%C3%AB?x=1&y=2"), 0);
	assert_int_equal(iv_contact_set_notes(c, odd_text), 0);
	assert_int_equal(iv_contact_add_tag(c, "régulation"), 0);
	assert_int_equal(iv_contact_add_tag(c, "met at \"RAPS\""), 0);
	assert_int_equal(iv_contact_set_known(c, IV_KNOWN_INTRODUCED), 0);
	assert_int_equal(iv_contact_set_cadence_days(c, 45), 0);
	assert_int_equal(iv_contact_set_last_interaction(c, IV_FIXTURE_T0 - 86400), 0);
	assert_int_equal(iv_contact_insert(fx->db, c), 0);
	memcpy(w->person, iv_contact_id(c), IV_ID_LEN + 1);
	iv_contact_free(c);
}

/* Names that sort the same only if both backends fold case the same way. */
static void add_crowd(iv_fixture *fx)
{
	static const char *const names[] = { "bob", "Bob", "BOB", "Émile", "émile", "Zed", "zed", "_under", "Åsa" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		iv_fixture_contact(fx->db, names[i], i % 2 ? "Acme" : NULL, IV_KNOWN_COLD, NULL);
		if (i % 3 == 0)
			tick(fx, 60);
	}
}

static void add_interview(iv_fixture *fx, struct world *w)
{
	iv_interview *iv = NULL;
	int s;

	assert_int_equal(iv_interview_new(&iv), 0);
	assert_int_equal(iv_interview_set_contact(iv, w->person), 0);
	assert_int_equal(iv_interview_set_intro(iv, w->intro), 0);
	assert_int_equal(iv_interview_set_purpose(iv, "How did you move\ninto \"regulatory\"?"), 0);
	assert_int_equal(iv_interview_set_notes(iv, odd_text), 0);
	assert_int_equal(iv_interview_set_medium(iv, IV_MEDIUM_VIDEO), 0);
	assert_int_equal(iv_interview_set_scheduled_at(iv, fx->now - 3600), 0);
	assert_int_equal(iv_interview_set_minutes(iv, 45), 0);
	assert_int_equal(iv_interview_add_question(iv, "What does a day look like?"), 0);
	assert_int_equal(iv_interview_set_answer(iv, 0, "Meetings, then \"dossiers\".\nMany."), 0);
	assert_int_equal(iv_interview_add_question(iv, "Qui recommander ?"), 0);
	assert_int_equal(iv_interview_set_answer(iv, 1, "Dana — à Pfizer"), 0);
	assert_int_equal(iv_interview_add_question(iv, "Unanswered?"), 0);
	assert_int_equal(iv_interview_add_advice(iv, "Take the RAC exam"), 0);
	assert_int_equal(iv_interview_add_advice(iv, "Read ICH E6 \"R3\""), 0);
	assert_int_equal(iv_interview_add_resource(iv, "https://example.org/raps"), 0);
	assert_int_equal(iv_interview_add_resource(iv, "Livre : « Réglementation »"), 0);
	assert_int_equal(iv_interview_set_status(iv, IV_INTERVIEW_COMPLETED), 0);
	/* Every status time, even ones the lifecycle would not pass through together. */
	for (s = IV_INTERVIEW_PLANNED; s <= IV_INTERVIEW_CANCELLED; s++)
		assert_int_equal(iv_interview_set_status_at(iv, s, IV_FIXTURE_T0 - 86400 * (10 - s)), 0);
	assert_int_equal(iv_interview_insert(fx->db, iv), 0);
	memcpy(w->interview, iv_interview_id(iv), IV_ID_LEN + 1);
	iv_interview_free(iv);
}

static void add_followup_and_note(iv_fixture *fx, struct world *w)
{
	iv_followup *fu = NULL;
	iv_note *n = NULL;

	assert_int_equal(iv_followup_new(&fu), 0);
	assert_int_equal(iv_followup_set_contact(fu, w->person), 0);
	assert_int_equal(iv_followup_set_interview(fu, w->interview), 0);
	assert_int_equal(iv_followup_set_kind(fu, IV_FOLLOWUP_CUSTOM), 0);
	assert_int_equal(iv_followup_set_earliest(fu, fx->now + 3600), 0);
	assert_int_equal(iv_followup_set_due(fu, fx->now + 7200), 0);
	assert_int_equal(iv_followup_set_note(fu, "Send Zoë the \"slides\""), 0);
	assert_int_equal(iv_followup_set_rule(fu, "custom:slides"), 0);
	assert_int_equal(iv_followup_set_draft(fu, odd_text), 0);
	assert_int_equal(iv_followup_insert(fx->db, fu), 0);
	memcpy(w->manual, iv_followup_id(fu), IV_ID_LEN + 1);
	iv_followup_free(fu);
	tick(fx, 600);
	assert_int_equal(iv_followup_close(&fu, fx->db, w->manual, IV_FOLLOWUP_DONE), 0);
	iv_followup_free(fu);

	assert_int_equal(iv_note_new(&n), 0);
	assert_int_equal(iv_note_set_contact(n, w->person), 0);
	assert_int_equal(iv_note_set_at(n, fx->now - 1800), 0);
	assert_int_equal(iv_note_set_text(n, odd_text), 0);
	assert_int_equal(iv_note_insert(fx->db, n), 0);
	memcpy(w->note, iv_note_id(n), IV_ID_LEN + 1);
	iv_note_free(n);
}

/* Two targets, one with every field set (a posting, aliases, a rank, an odd note). */
static void add_targets(iv_fixture *fx)
{
	iv_target *t = NULL;

	assert_int_equal(iv_target_new(&t), 0);
	assert_int_equal(iv_target_set_name(t, "Medisol"), 0);
	assert_int_equal(iv_target_add_alias(t, "Medisol Pharma GmbH"), 0);
	assert_int_equal(iv_target_add_alias(t, "Médisol"), 0);
	assert_int_equal(iv_target_set_motivation(t, 3), 0);
	assert_int_equal(iv_target_set_posting(t, 1), 0);
	assert_int_equal(iv_target_set_rank(t, 2), 0);
	assert_int_equal(iv_target_set_note(t, odd_text), 0);
	assert_int_equal(iv_target_insert(fx->db, t), 0);
	tick(fx, 60);
	assert_int_equal(iv_target_set_motivation(t, 2), 0);
	assert_int_equal(iv_target_update(fx->db, t), 0);
	iv_target_free(t);
	assert_int_equal(iv_target_new(&t), 0);
	assert_int_equal(iv_target_set_name(t, "acme"), 0);
	assert_int_equal(iv_target_insert(fx->db, t), 0);
	iv_target_free(t);
}

static void add_settings(iv_fixture *fx, struct world *w)
{
	iv_rules rules = IV_RULES_INIT;
	iv_profile *p = NULL;
	char tmpl[4096];

	assert_int_equal(iv_profile_new(&p), 0);
	assert_int_equal(iv_profile_set_name(p, "Sam Rivera-Ñúñez"), 0);
	assert_int_equal(iv_profile_set_background(p, "eight years as a \"hospital\" pharmacist"), 0);
	assert_int_equal(iv_profile_set_exploring(p, "regulatory affairs — in Europe"), 0);
	assert_int_equal(iv_profile_set(fx->db, p), 0);
	iv_profile_free(p);
	rules.thank_earliest = 2 * 3600;
	rules.thank_due = 30 * 3600;
	rules.nudge_other_days = 4;
	rules.nudge_followup_days = 8;
	rules.report_back_days = 21;
	assert_int_equal(iv_rules_set(fx->db, &rules), 0);
	snprintf(tmpl, sizeof(tmpl), "%s\nMerci — \"vraiment\".", iv_draft_default_template(IV_TEMPLATE_THANKS));
	assert_int_equal(iv_draft_template_set(fx->db, IV_TEMPLATE_THANKS, tmpl), 0);
	assert_int_equal(iv_draft_save_request(fx->db, w->interview, odd_text), 0);
	assert_int_equal(iv_db_setting_set(fx->db, "my.setting", odd_text), 0);
}

#define COUNT(K, db, n) do { \
	iv_##K##_iter *it_ = NULL; iv_##K *r_ = NULL; \
	assert_int_equal(iv_##K##_list(&it_, db, NULL), 0); \
	while (iv_##K##_iter_next(&r_, it_) == 0) { (n)++; iv_##K##_free(r_); r_ = NULL; } \
	iv_##K##_iter_free(it_); \
} while (0)

static size_t count_records(iv_db *db)
{
	size_t n = 0;

	COUNT(contact, db, n);
	COUNT(intro, db, n);
	COUNT(interview, db, n);
	COUNT(followup, db, n);
	COUNT(note, db, n);
	COUNT(target, db, n);
	return n;
}

static void build_world(iv_fixture *fx, struct world *w)
{
	iv_intro *in = NULL;

	iv_fixture_contact(fx->db, "Blake O'Neil", "Medisol", IV_KNOWN_DIRECT, w->introducer);
	tick(fx, 60);
	add_person(fx, w);
	add_crowd(fx);
	tick(fx, 3600);
	assert_int_equal(iv_intro_new(&in), 0);
	assert_int_equal(iv_intro_set_introducer(in, w->introducer), 0);
	assert_int_equal(iv_intro_set_introduced(in, w->person), 0);
	assert_int_equal(iv_intro_set_channel(in, IV_CHANNEL_IN_PERSON), 0);
	assert_int_equal(iv_intro_set_status(in, IV_INTRO_MADE), 0);
	assert_int_equal(iv_intro_set_requested_at(in, fx->now - 7200), 0);
	assert_int_equal(iv_intro_set_made_at(in, fx->now - 3600), 0);
	assert_int_equal(iv_intro_set_note(in, odd_text), 0);
	assert_int_equal(iv_intro_insert(fx->db, in), 0);
	memcpy(w->intro, iv_intro_id(in), IV_ID_LEN + 1);
	iv_intro_free(in);
	/* Two introductions at the same time: their order is the ids'. */
	iv_fixture_intro(fx->db, w->person, w->introducer, IV_INTRO_SUGGESTED, NULL);
	tick(fx, 86400);
	add_interview(fx, w);
	tick(fx, 3600);
	add_followup_and_note(fx, w);
	add_targets(fx);
	add_settings(fx, w);
	w->records = count_records(fx->db);
}

/* --- Round trips ------------------------------------------------------------ */

/* Restores `a` into a new empty store of `backend` (`chunk` bytes a read), exports it and compares. */
static void round_trip(const struct buf *a, const char *backend, size_t chunk, size_t records)
{
	struct store s;
	struct buf b = { 0 };
	size_t added = 0;

	store_open(&s, backend);
	assert_int_equal(restore_flags(s.db, a->p, a->len, chunk, 0, &added), 0);
	assert_int_equal(added, records);
	assert_int_equal(count_records(s.db), records);
	export_json(s.db, &b);
	assert_int_equal(b.len, a->len);
	assert_memory_equal(b.p, a->p, a->len);
	free(b.p);
	store_close(&s);
}

static void restore_then_export_is_byte_identical_on_the_same_backend(void **state)
{
	iv_fixture *fx = *state;
	struct world w;
	struct buf a = { 0 };

	build_world(fx, &w);
	export_json(fx->db, &a);
	round_trip(&a, iv_fixture_backend, 65536, w.records);
	free(a.p);
}

static void restore_then_export_is_byte_identical_on_the_other_backend(void **state)
{
	iv_fixture *fx = *state;
	struct world w;
	struct buf a = { 0 };

	build_world(fx, &w);
	export_json(fx->db, &a);
	round_trip(&a, other_backend(), 65536, w.records);
	free(a.p);
}

static void restore_reading_one_byte_at_a_time_takes_nothing_past_a_record(void **state)
{
	iv_fixture *fx = *state;
	struct world w;
	struct buf a = { 0 };

	build_world(fx, &w);
	export_json(fx->db, &a);
	round_trip(&a, iv_fixture_backend, 1, w.records);
	round_trip(&a, iv_fixture_backend, 7, w.records);
	free(a.p);
}

static void export_writes_every_field_in_its_text_form(void **state)
{
	iv_fixture *fx = *state;
	struct world w;
	struct buf a = { 0 };
	char want[256];

	build_world(fx, &w);
	export_json(fx->db, &a);
	assert_memory_equal(a.p, "{\"format\": \"infoview-backup\", \"version\": 1,\n\"settings\": [\n", 57);
	/* Text escaped by JSON only: quotes, backslash, newline, tab; UTF-8 as it is. */
	assert_non_null(strstr(a.p, "\"notes\": \"Zoë said: \\\"call me\\\" \\\\ then\\nleft — 李雷, tab\\there\""));
	assert_non_null(strstr(a.p, "\"known\": \"introduced\""));
	assert_non_null(strstr(a.p, "\"channel\": \"in_person\""));
	assert_non_null(strstr(a.p, "\"medium\": \"video\""));
	assert_non_null(strstr(a.p, "\"kind\": \"thank_introducer\""));
	assert_non_null(strstr(a.p, "\"status\": \"done\""));
	assert_non_null(strstr(a.p, "\"rule\": \"custom:slides\""));
	assert_non_null(strstr(a.p, "\"cadence_days\": 45"));
	assert_non_null(strstr(a.p, "\"last_interaction\": \"2026-03-03T11:14:00Z\""));
	assert_non_null(strstr(a.p, "\"no_response\": \"2026-02-26T09:00:00Z\""));
	assert_non_null(strstr(a.p, "{\"question\": \"Unanswered?\", \"answer\": null}"));
	assert_non_null(strstr(a.p, "{\"key\": \"iv.rules.report_back_days\", \"value\": \"21\"}"));
	assert_non_null(strstr(a.p, "{\"key\": \"iv.number.contact\", \"value\": \"11\"}"));
	assert_non_null(strstr(a.p, "{\"key\": \"iv.profile.name\", \"value\": \"Sam Rivera-Ñúñez\"}"));
	assert_non_null(strstr(a.p, "\"key\": \"iv.template.thanks\""));
	snprintf(want, sizeof(want), "\"key\": \"iv.draft.request.%s\"", w.interview);
	assert_non_null(strstr(a.p, want));
	assert_non_null(strstr(a.p, "\"key\": \"my.setting\""));
	/* Each record on a line of its own. */
	snprintf(want, sizeof(want), "\n{\"id\": \"%s\", \"number\": 1, ", w.note);
	assert_non_null(strstr(a.p, want));
	assert_memory_equal(a.p + a.len - 3, "\n}\n", 3);
	free(a.p);
}

static void restore_keeps_ids_numbers_times_and_states(void **state)
{
	iv_fixture *fx = *state;
	struct world w;
	struct buf a = { 0 };
	struct store s;
	iv_interview *iv = NULL;
	iv_followup *fu = NULL;
	iv_contact *c = NULL, *orig = NULL;
	iv_note *n = NULL;
	char *text = NULL;
	int st;

	build_world(fx, &w);
	export_json(fx->db, &a);
	store_open(&s, other_backend());
	assert_int_equal(restore(s.db, a.p), 0);
	assert_int_equal(iv_contact_lookup(&orig, fx->db, w.person), 0);
	assert_int_equal(iv_contact_lookup(&c, s.db, w.person), 0);
	assert_int_equal(iv_contact_number(c), iv_contact_number(orig));
	assert_int_equal(iv_contact_created(c), iv_contact_created(orig));
	assert_int_equal(iv_contact_updated(c), iv_contact_updated(orig));
	assert_string_equal(iv_contact_notes(c), odd_text);
	assert_string_equal(iv_contact_email_at(c, 1), "z.angstrom@example.org");
	assert_int_equal(iv_interview_lookup(&iv, s.db, w.interview), 0);
	assert_int_equal(iv_interview_status(iv), IV_INTERVIEW_COMPLETED);
	for (st = IV_INTERVIEW_PLANNED; st <= IV_INTERVIEW_CANCELLED; st++)
		assert_int_equal(iv_interview_status_at(iv, st), IV_FIXTURE_T0 - 86400 * (10 - st));
	assert_null(iv_interview_answer_at(iv, 2));
	assert_int_equal(iv_followup_lookup(&fu, s.db, w.manual), 0);
	assert_int_equal(iv_followup_status(fu), IV_FOLLOWUP_DONE);
	assert_true(iv_followup_closed_at(fu) > 0);
	assert_int_equal(iv_note_lookup(&n, s.db, w.note), 0);
	assert_string_equal(iv_note_text(n), odd_text);
	assert_int_equal(iv_draft_saved_request(&text, s.db, w.interview), 0);
	assert_string_equal(text, odd_text);
	iv_free(text);
	text = NULL;
	assert_int_equal(iv_db_setting_get(&text, s.db, "my.setting"), 0);
	assert_string_equal(text, odd_text);
	iv_free(text);
	/* The next record gets the next number, not one already given. */
	iv_contact_free(c);
	c = NULL;
	assert_int_equal(iv_contact_new(&c), 0);
	assert_int_equal(iv_contact_set_name(c, "Newcomer"), 0);
	assert_int_equal(iv_contact_insert(s.db, c), 0);
	assert_int_equal(iv_contact_number(c), 12);
	iv_contact_free(c);
	iv_contact_free(orig);
	iv_interview_free(iv);
	iv_followup_free(fu);
	iv_note_free(n);
	store_close(&s);
	free(a.p);
}

/* Rules run on insert, not on restore: a restored store has what the backup has, no more. */
static void restore_adds_no_follow_up_of_its_own(void **state)
{
	iv_fixture *fx = *state;
	struct world w;
	struct buf a = { 0 };
	struct store s;
	size_t before = 0, after = 0;

	build_world(fx, &w);
	export_json(fx->db, &a);
	store_open(&s, iv_fixture_backend);
	assert_int_equal(restore(s.db, a.p), 0);
	COUNT(followup, fx->db, before);
	COUNT(followup, s.db, after);
	assert_int_equal(after, before);
	store_close(&s);
	free(a.p);
}

/*
 * Seconds outside the text years (written as numbers) cannot be in a
 * record any more (issue 12: times are from IV_TIME_MIN to IV_TIME_MAX);
 * the ends of that range are written as text.
 */
static void times_at_the_ends_of_the_range_round_trip(void **state)
{
	iv_fixture *fx = *state;
	static const iv_time times[] = {
		-1, 1, IV_TIME_MIN, IV_TIME_MAX, INT64_C(951782400) /* 2000-02-29 */,
	};
	static const char *const texts[] = {
		"\"1969-12-31T23:59:59Z\"", "\"1970-01-01T00:00:01Z\"", "\"0001-01-01T00:00:00Z\"",
		"\"9999-12-31T23:59:59Z\"", "\"2000-02-29T00:00:00Z\"",
	};
	struct buf a = { 0 };
	char want[128];
	iv_contact *c = NULL;
	size_t i;

	for (i = 0; i < sizeof(times) / sizeof(times[0]); i++) {
		char name[32];
		snprintf(name, sizeof(name), "Time %zu", i);
		assert_int_equal(iv_contact_new(&c), 0);
		assert_int_equal(iv_contact_set_name(c, name), 0);
		assert_int_equal(iv_contact_set_last_interaction(c, times[i]), 0);
		assert_int_equal(iv_contact_insert(fx->db, c), 0);
		iv_contact_free(c);
		c = NULL;
	}
	export_json(fx->db, &a);
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		snprintf(want, sizeof(want), "\"name\": \"Time %zu\", ", i);
		assert_non_null(strstr(a.p, want));
		snprintf(want, sizeof(want), "\"last_interaction\": %s, ", texts[i]);
		assert_non_null(strstr(strstr(a.p, "\"name\": \"Time 0\""), want));
	}
	round_trip(&a, other_backend(), 65536, sizeof(times) / sizeof(times[0]));
	free(a.p);
}

static void an_empty_store_round_trips(void **state)
{
	iv_fixture *fx = *state;
	struct buf a = { 0 };

	export_json(fx->db, &a);
	assert_string_equal(a.p, "{\"format\": \"infoview-backup\", \"version\": 1,\n\"settings\": [\n],\n"
			    "\"contacts\": [\n],\n\"intros\": [\n],\n\"interviews\": [\n],\n\"followups\": [\n],\n"
			    "\"notes\": [\n],\n\"targets\": [\n]\n}\n");
	round_trip(&a, other_backend(), 1, 0);
	free(a.p);
}

/* Issue 12: the key remembering a card's UID holds the UID as given, ':' and all. */
static void a_store_that_remembers_vcard_uids_round_trips(void **state)
{
	static const char cards[] =
		"BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b\r\n"
		"FN:Fay Fox\r\nEND:VCARD\r\n"
		"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:c0ffee@contacts.example.com\r\nFN:Gus Grey\r\nEND:VCARD\r\n";
	iv_fixture *fx = *state;
	struct src s = { cards, sizeof(cards) - 1, 0, 65536 };
	struct buf a = { 0 };

	assert_int_equal(iv_import(NULL, fx->db, IV_FORMAT_VCARD, src_read, &s, NULL), 0);
	export_json(fx->db, &a);
	assert_non_null(strstr(a.p, "iv.uid.urn:uuid:0e1f2a3b"));
	assert_non_null(strstr(a.p, "iv.uid.c0ffee@contacts.example.com"));
	round_trip(&a, iv_fixture_backend, 65536, 2);
	round_trip(&a, other_backend(), 65536, 2);
	free(a.p);
}

static void a_store_with_records_is_refused(void **state)
{
	iv_fixture *fx = *state;
	struct world w;
	struct buf a = { 0 };

	build_world(fx, &w);
	export_json(fx->db, &a);
	assert_int_equal(restore(fx->db, a.p), IV_ECONSTRAINT);
	assert_non_null(strstr(iv_error_message(), "empty store"));
	assert_int_equal(count_records(fx->db), w.records);
	free(a.p);
}

static void a_dry_run_counts_and_writes_nothing(void **state)
{
	iv_fixture *fx = *state;
	struct world w;
	struct buf a = { 0 };
	struct store s;
	size_t added = 0;

	build_world(fx, &w);
	export_json(fx->db, &a);
	store_open(&s, iv_fixture_backend);
	assert_int_equal(restore_flags(s.db, a.p, a.len, 65536, IV_IMPORT_DRY_RUN, &added), 0);
	assert_int_equal(added, w.records);
	assert_store_empty(s.db);
	store_close(&s);
	free(a.p);
}

static int stop_writing(const char *data, size_t len, void *payload)
{
	(void)data;
	(void)len;
	(void)payload;
	return 42;
}

static void a_write_callback_stops_the_export_with_its_value(void **state)
{
	iv_fixture *fx = *state;
	struct world w;

	build_world(fx, &w);
	assert_int_equal(iv_export(fx->db, IV_FORMAT_JSON, stop_writing, NULL, NULL), 42);
}

/* --- Hostile backups ------------------------------------------------------- */

#define C1 "01900000-0000-7000-8000-000000000001"
#define C2 "01900000-0000-7000-8000-000000000002"
#define C3 "01900000-0000-7000-8000-000000000003"
#define I1 "01900000-0000-7000-8000-0000000000a1"
#define T "\"created\": \"2026-03-02T09:00:00Z\", \"updated\": \"2026-03-02T09:00:00Z\""

/* A small valid backup; the line numbers matter to the tests below. */
static const char good[] =
	"{\"format\": \"infoview-backup\", \"version\": 1,\n"                         /* 1 */
	"\"settings\": [\n"                                                           /* 2 */
	"{\"key\": \"iv.number.contact\", \"value\": \"2\"},\n"                       /* 3 */
	"{\"key\": \"iv.number.intro\", \"value\": \"1\"},\n"                         /* 4 */
	"{\"key\": \"iv.profile.name\", \"value\": \"Sam\"},\n"                       /* 5 */
	"{\"key\": \"my.setting\", \"value\": \"x\"}\n"                               /* 6 */
	"],\n"                                                                        /* 7 */
	"\"contacts\": [\n"                                                           /* 8 */
	"{\"id\": \"" C1 "\", \"number\": 1, " T ", \"name\": \"Ann\"},\n"            /* 9 */
	"{\"id\": \"" C2 "\", \"number\": 2, " T ", \"name\": \"Bo\"}\n"              /* 10 */
	"],\n"                                                                        /* 11 */
	"\"intros\": [\n"                                                             /* 12 */
	"{\"id\": \"" I1 "\", \"number\": 1, " T ", \"introducer\": \"" C1 "\", \"introduced\": \"" C2 "\"}\n" /* 13 */
	"]\n"                                                                         /* 14 */
	"}\n";                                                                        /* 15 */

/* `good` with the first `from` replaced by `to`. */
static char *edited(const char *from, const char *to)
{
	const char *at = strstr(good, from);
	size_t n = strlen(good) + strlen(to) + 1;
	char *s = malloc(n);

	assert_non_null(at);
	assert_non_null(s);
	snprintf(s, n, "%.*s%s%s", (int)(at - good), good, to, at + strlen(from));
	return s;
}

/* Restoring `text` fails with `code`, a message holding `line` and `words`, and nothing written. */
static void refused(iv_db *db, const char *text, size_t len, int code, const char *line, const char *words)
{
	static const size_t chunks[] = { 1, 3, 65536 };
	size_t i;
	int error;

	/* Read a byte at a time and in large blocks: the line is the same. */
	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		error = restore_flags(db, text, len, chunks[i], 0, NULL);
		if (error != code || !strstr(iv_error_message(), line) || !strstr(iv_error_message(), words))
			fail_msg("restore (%zu bytes a read) gave %d '%s'; expected %d with '%s' and '%s'", chunks[i],
				 error, iv_error_message(), code, line, words);
		assert_store_empty(db);
	}
}

static void refused_edit(iv_db *db, const char *from, const char *to, int code, const char *line,
			 const char *words)
{
	char *s = edited(from, to);

	refused(db, s, strlen(s), code, line, words);
	free(s);
}

static void the_small_backup_restores(void **state)
{
	iv_fixture *fx = *state;
	size_t added = 0;
	char *v = NULL;

	assert_int_equal(restore_flags(fx->db, good, strlen(good), 1, 0, &added), 0);
	assert_int_equal(added, 3);
	assert_int_equal(iv_db_setting_get(&v, fx->db, "my.setting"), 0);
	assert_string_equal(v, "x");
	iv_free(v);
}

static void a_truncated_backup_names_the_line(void **state)
{
	iv_fixture *fx = *state;
	const char *cut = strstr(good, "\"name\": \"Bo\"");

	refused(fx->db, good, (size_t)(cut - good), IV_EINVALID, "line 10:", "invalid JSON");
	cut = strstr(good, "\"intros\"");
	refused(fx->db, good, (size_t)(cut - good), IV_EINVALID, "line 12:", "ends too early");
	refused(fx->db, good, strlen(good) - 2, IV_EINVALID, "line 15:", "ends too early, after a list");
	refused(fx->db, "", 0, IV_EINVALID, "line 1:", "not an infoview backup");
}

static void wrong_types_are_refused(void **state)
{
	iv_fixture *fx = *state;

	refused_edit(fx->db, "\"number\": 2", "\"number\": \"2\"", IV_EINVALID, "line 10: contact " C2,
		     "number: expected a whole number, found text");
	refused_edit(fx->db, "\"name\": \"Bo\"", "\"name\": 7", IV_EINVALID, "line 10:", "name: expected text or null");
	refused_edit(fx->db, "\"name\": \"Bo\"", "\"name\": \"Bo\", \"emails\": \"bo@example.com\"", IV_EINVALID,
		     "line 10:", "emails: expected a list of text");
	refused_edit(fx->db, "\"value\": \"x\"", "\"value\": 1", IV_EINVALID, "line 6: setting 'my.setting'",
		     "value: expected text");
	refused_edit(fx->db, "\"name\": \"Ann\"}", "\"name\": \"Ann\"}, 3", IV_EINVALID, "line 9:",
		     "expected a record");
	refused_edit(fx->db, "\"created\": \"2026-03-02T09:00:00Z\"", "\"created\": \"2026-02-30T09:00:00Z\"",
		     IV_EINVALID, "line 9:", "created: '2026-02-30T09:00:00Z' is not a UTC time");
	refused_edit(fx->db, "\"created\": \"2026-03-02T09:00:00Z\"", "\"created\": 1.5", IV_EINVALID, "line 9:",
		     "created: expected a time");
}

static void a_missing_reference_is_refused(void **state)
{
	iv_fixture *fx = *state;

	refused_edit(fx->db, "\"introduced\": \"" C2 "\"", "\"introduced\": \"" C3 "\"", IV_EINVALID,
		     "line 13: introduction " I1, "introduced: contact " C3 " is not in the backup");
}

static void a_newer_format_version_is_refused(void **state)
{
	iv_fixture *fx = *state;

	refused_edit(fx->db, "\"version\": 1", "\"version\": 2", IV_EVERSION, "line 1:", "version 2");
	refused_edit(fx->db, "\"version\": 1", "\"version\": 1.0", IV_EINVALID, "line 1:", "whole number");
}

static void invalid_utf8_is_refused(void **state)
{
	iv_fixture *fx = *state;

	refused_edit(fx->db, "\"name\": \"Bo\"", "\"name\": \"B\xE9o\"", IV_EINVALID, "line 10:", "0xe9");
	refused_edit(fx->db, "\"value\": \"x\"", "\"value\": \"x\xC0\xAF\"", IV_EINVALID, "line 6:", "invalid JSON");
	/* jansson quotes the input in its message: a control character there is blanked. */
	refused_edit(fx->db, "\"name\": \"Bo\"", "\"name\": \"B\x01o\"", IV_EINVALID, "line 10:", "control character");
	assert_null(strchr(iv_error_message(), '\x01'));
}

static void what_is_not_a_backup_is_refused(void **state)
{
	iv_fixture *fx = *state;
	static const char binary[] = "\x00\x01\x02PK\x03\x04";

	refused(fx->db, binary, sizeof(binary) - 1, IV_EINVALID, "line 1:", "not an infoview backup");
	refused(fx->db, "[1, 2]", 6, IV_EINVALID, "line 1:", "not an infoview backup");
	refused_edit(fx->db, "infoview-backup", "vcard", IV_EINVALID, "line 1:", "its format is \"vcard\"");
	refused_edit(fx->db, "{\"format\": \"infoview-backup\", ", "{\"version\": 1, \"format\": \"infoview-backup\", ",
		     IV_EINVALID, "line 1:", "first member is not \"format\"");
	refused_edit(fx->db, "]\n}\n", "]\n}\n{}", IV_EINVALID, "line 16:", "more after the end");
	refused_edit(fx->db, "\"intros\": [", "\"people\": [", IV_EINVALID, "line 12:", "unknown member \"people\"");
}

static void arrays_out_of_order_are_refused(void **state)
{
	iv_fixture *fx = *state;
	char *s = edited("\"intros\": [", "\"contacts\": [");

	refused(fx->db, s, strlen(s), IV_EINVALID, "line 12:", "\"contacts\" is out of place");
	free(s);
}

static void unknown_members_and_names_are_refused(void **state)
{
	iv_fixture *fx = *state;

	refused_edit(fx->db, "\"name\": \"Bo\"", "\"name\": \"Bo\", \"nickname\": \"B\"", IV_EINVALID, "line 10:",
		     "unknown member 'nickname': restoring would lose it");
	refused_edit(fx->db, "\"name\": \"Bo\"", "\"name\": \"Bo\", \"known\": \"friend\"", IV_EINVALID, "line 10:",
		     "known: unknown value 'friend' (one of: direct, introduced, cold)");
	refused_edit(fx->db, "\"value\": \"x\"}", "\"value\": \"x\", \"when\": 1}", IV_EINVALID, "line 6:",
		     "unknown member 'when'");
	/* A member given twice: jansson would keep one and lose the other. */
	refused_edit(fx->db, "\"name\": \"Bo\"", "\"name\": \"Bo\", \"name\": \"Bob\"", IV_EINVALID, "line 10:",
		     "duplicate");
}

static void ids_and_numbers_given_twice_are_refused(void **state)
{
	iv_fixture *fx = *state;

	refused_edit(fx->db, "\"id\": \"" C2 "\"", "\"id\": \"" C1 "\"", IV_EINVALID, "line 10:",
		     "the id is given to two contacts");
	refused_edit(fx->db, "\"number\": 2", "\"number\": 1", IV_EINVALID, "line 10:",
		     "number: 1 is given to two contacts");
	refused_edit(fx->db, "\"value\": \"2\"", "\"value\": \"1\"", IV_EINVALID, "line 10:",
		     "number: 2 is past the last number given to contacts");
	refused_edit(fx->db, "\"id\": \"" C1 "\"", "\"id\": \"not-a-uuid\"", IV_EINVALID, "line 9: contact:",
		     "id: 'not-a-uuid' is not a UUID");
}

static void settings_are_checked(void **state)
{
	iv_fixture *fx = *state;

	refused_edit(fx->db, "\"key\": \"my.setting\"", "\"key\": \"a.setting\"", IV_EINVALID, "line 6:",
		     "byte order");
	refused_edit(fx->db, "\"key\": \"my.setting\"", "\"key\": \"my setting\"", IV_EINVALID, "line 6:",
		     "letters, digits");
	refused_edit(fx->db, "{\"key\": \"my.setting\", \"value\": \"x\"}",
		     "{\"key\": \"iv.rules.thank_due\", \"value\": \"60\"},\n"
		     "{\"key\": \"iv.rules.thank_earliest\", \"value\": \"3600\"}",
		     IV_EINVALID, "line 9:", "settings:");
	refused_edit(fx->db, "{\"key\": \"my.setting\", \"value\": \"x\"}",
		     "{\"key\": \"iv.rules.thank_due\", \"value\": \" 60\"}", IV_EINVALID, "line 6:",
		     "' 60' is not a whole number");
	refused_edit(fx->db, "{\"key\": \"my.setting\", \"value\": \"x\"}",
		     "{\"key\": \"iv.template.thanks\", \"value\": \"{unknown}\"}", IV_EINVALID, "line 6:",
		     "setting 'iv.template.thanks'");
	refused_edit(fx->db, "{\"key\": \"iv.number.contact\"",
		     "{\"key\": \"iv.draft.request." C3 "\", \"value\": \"Hello\"},\n{\"key\": \"iv.number.contact\"", IV_EINVALID,
		     "iv.draft.request." C3, "not in the backup");
}

/* Inside an interview's questions and status times, the message names the part. */
static void an_interview_s_parts_are_checked(void **state)
{
	iv_fixture *fx = *state;
	struct world w;
	struct buf a = { 0 };
	struct store s;
	char *t, *at;

	build_world(fx, &w);
	export_json(fx->db, &a);
	store_open(&s, iv_fixture_backend);
	assert_non_null(at = strstr(a.p, "{\"question\": \"Unanswered?\", \"answer\": null}"));
	assert_non_null(t = malloc(a.len + 32));
	snprintf(t, a.len + 32, "%.*s{\"question\": \"Unanswered?\", \"answer\": null, \"asked\": true}%s",
		 (int)(at - a.p), a.p, at + strlen("{\"question\": \"Unanswered?\", \"answer\": null}"));
	assert_int_equal(restore(s.db, t), IV_EINVALID);
	assert_non_null(strstr(iv_error_message(), w.interview));
	assert_non_null(strstr(iv_error_message(), ", question 3: unknown member 'asked'"));
	assert_non_null(at = strstr(t, "\"no_response\""));
	memcpy(at, "\"no-response\"", 13);
	assert_int_equal(restore(s.db, t), IV_EINVALID);
	assert_non_null(strstr(iv_error_message(), "status_at.no-response: there is no interview status"));
	assert_int_equal(count_records(s.db), 0);
	free(t);
	free(a.p);
	store_close(&s);
}

/* Numbers past those kept in memory are checked by asking the store. */
static void large_numbers_given_twice_are_refused(void **state)
{
	iv_fixture *fx = *state;
	static const char text[] =
		"{\"format\": \"infoview-backup\", \"version\": 1,\n"
		"\"settings\": [\n"
		"{\"key\": \"iv.number.contact\", \"value\": \"900000000000\"}\n"
		"],\n"
		"\"contacts\": [\n"
		"{\"id\": \"" C1 "\", \"number\": 800000000000, " T ", \"name\": \"Ann\"},\n"
		"{\"id\": \"" C2 "\", \"number\": 800000000001, " T ", \"name\": \"Bo\"},\n"
		"{\"id\": \"" C3 "\", \"number\": 800000000000, " T ", \"name\": \"Cy\"}\n"
		"]\n"
		"}\n";

	refused(fx->db, text, strlen(text), IV_EINVALID, "line 8:", "800000000000 is given to two contacts");
}

static void a_record_without_a_number_is_numbered_now(void **state)
{
	iv_fixture *fx = *state;
	char *s = edited("\"number\": 2, ", "");
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	char *v = NULL;

	assert_int_equal(restore(fx->db, s), 0);
	f.number = 3;
	assert_int_equal(iv_contact_list(&it, fx->db, &f), 0);
	assert_int_equal(iv_contact_iter_next(&c, it), 0);
	assert_string_equal(iv_contact_id(c), C2);
	assert_int_equal(iv_db_setting_get(&v, fx->db, "iv.number.contact"), 0);
	assert_string_equal(v, "3");
	iv_free(v);
	iv_contact_free(c);
	iv_contact_iter_free(it);
	free(s);
}

/* --- A third party's backend of version 1 (no numbers, no notes) --------------- */

/* Forwards every operation to a built-in backend, declaring version 1. */
typedef struct {
	iv_backend parent;
	iv_backend *inner;
} v1_backend;

static iv_backend *v1_inner(iv_backend *be)
{
	v1_backend *p = (v1_backend *)be;

	p->inner->db = be->db;
	return p->inner;
}

#define V1_KIND(K, F) \
	static int v1_##K##_get(iv_##K **out, iv_backend *be, const char *id) \
	{ iv_backend *in = v1_inner(be); return in->K##_get(out, in, id); } \
	static int v1_##K##_insert(iv_backend *be, const iv_##K *r) \
	{ iv_backend *in = v1_inner(be); return in->K##_insert(in, r); } \
	static int v1_##K##_update(iv_backend *be, const iv_##K *r) \
	{ iv_backend *in = v1_inner(be); return in->K##_update(in, r); } \
	static int v1_##K##_delete(iv_backend *be, const char *id) \
	{ iv_backend *in = v1_inner(be); return in->K##_delete(in, id); } \
	static int v1_##K##_list(iv_backend_iter **out, iv_backend *be, const F *f) \
	{ iv_backend *in = v1_inner(be); return in->K##_list(out, in, f); }

V1_KIND(contact, iv_contact_filter)
V1_KIND(intro, iv_intro_filter)
V1_KIND(interview, iv_interview_filter)
V1_KIND(followup, iv_followup_filter)

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

#define V1_SET(K) \
	p->parent.K##_get = v1_##K##_get; p->parent.K##_insert = v1_##K##_insert; \
	p->parent.K##_update = v1_##K##_update; p->parent.K##_delete = v1_##K##_delete; \
	p->parent.K##_list = v1_##K##_list

static void v1_open(iv_db **db)
{
	v1_backend *p = calloc(1, sizeof(*p));

	assert_non_null(p);
	assert_int_equal(iv_backend_init(&p->parent, 1), 0);
	assert_int_equal(iv_backend_memory_new(&p->inner), 0);
	V1_SET(contact);
	V1_SET(intro);
	V1_SET(interview);
	V1_SET(followup);
	p->parent.setting_get = v1_setting_get;
	p->parent.setting_set = v1_setting_set;
	p->parent.begin = v1_begin;
	p->parent.commit = v1_commit;
	p->parent.rollback = v1_rollback;
	p->parent.free = v1_free;
	assert_int_equal(iv_db_open_backend(db, &p->parent), 0);
}

/* A store that kept no numbers: its records are numbered as they are restored, in the backup's order. */
static void a_backup_of_a_version_1_store_is_numbered_on_restore(void **state)
{
	iv_fixture *fx = *state;
	struct buf a = { 0 }, b = { 0 };
	iv_db *v1 = NULL;
	char first[IV_ID_LEN + 1], second[IV_ID_LEN + 1];
	iv_contact *c = NULL;

	v1_open(&v1);
	iv_fixture_contact(v1, "Bea", NULL, IV_KNOWN_DIRECT, second);
	iv_fixture_contact(v1, "Ann", NULL, IV_KNOWN_DIRECT, first);
	iv_fixture_intro(v1, first, second, IV_INTRO_MADE, NULL);
	export_json(v1, &a);
	assert_non_null(strstr(a.p, "\"number\": 0"));
	assert_non_null(strstr(a.p, "\"notes\": [\n],\n\"targets\": [\n]\n}\n"));
	assert_int_equal(restore(fx->db, a.p), 0);
	/* Ann comes first in the backup (by name), so she is number 1. */
	assert_int_equal(iv_contact_lookup(&c, fx->db, first), 0);
	assert_int_equal(iv_contact_number(c), 1);
	iv_contact_free(c);
	export_json(fx->db, &b);
	assert_non_null(strstr(b.p, "{\"key\": \"iv.number.contact\", \"value\": \"2\"}"));
	round_trip(&b, other_backend(), 65536, 3);
	iv_db_free(v1);
	free(a.p);
	free(b.p);
}

/* Numbers and notes cannot be kept by a version 1 backend: refused, not dropped. */
static void a_version_1_store_refuses_what_it_cannot_keep(void **state)
{
	iv_fixture *fx = *state;
	struct world w;
	struct buf a = { 0 };
	iv_db *v1 = NULL;
	static const char notes[] =
		"{\"format\": \"infoview-backup\", \"version\": 1,\n"
		"\"contacts\": [\n"
		"{\"id\": \"" C1 "\", " T ", \"name\": \"Ann\"}\n"
		"],\n"
		"\"notes\": [\n"
		"{\"id\": \"" I1 "\", \"created\": 1, \"contact\": \"" C1 "\", \"at\": 1, \"text\": \"x\"}\n"
		"]\n"
		"}\n";

	build_world(fx, &w);
	export_json(fx->db, &a);
	v1_open(&v1);
	assert_int_equal(restore(v1, a.p), IV_EVERSION);
	assert_non_null(strstr(iv_error_message(), "number: this store's backend keeps no numbers"));
	assert_store_empty(v1);
	assert_int_equal(restore(v1, notes), IV_EVERSION);
	assert_non_null(strstr(iv_error_message(), "line 6: note"));
	assert_non_null(strstr(iv_error_message(), "keeps no notes"));
	assert_store_empty(v1);
	iv_db_free(v1);
	free(a.p);
}

/* --- The file for the Python test ----------------------------------------- */

static const char *write_path;

static void write_the_full_backup(void **state)
{
	iv_fixture *fx = *state;
	struct world w;
	struct buf a = { 0 };
	FILE *f;

	build_world(fx, &w);
	export_json(fx->db, &a);
	assert_non_null(f = fopen(write_path, "wb"));
	assert_int_equal(fwrite(a.p, 1, a.len, f), a.len);
	assert_int_equal(fclose(f), 0);
	free(a.p);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, iv_fixture_setup, iv_fixture_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		TEST(restore_then_export_is_byte_identical_on_the_same_backend),
		TEST(restore_then_export_is_byte_identical_on_the_other_backend),
		TEST(restore_reading_one_byte_at_a_time_takes_nothing_past_a_record),
		TEST(export_writes_every_field_in_its_text_form),
		TEST(restore_keeps_ids_numbers_times_and_states),
		TEST(restore_adds_no_follow_up_of_its_own),
		TEST(times_at_the_ends_of_the_range_round_trip),
		TEST(an_empty_store_round_trips),
		TEST(a_store_that_remembers_vcard_uids_round_trips),
		TEST(a_store_with_records_is_refused),
		TEST(a_dry_run_counts_and_writes_nothing),
		TEST(a_write_callback_stops_the_export_with_its_value),
		TEST(the_small_backup_restores),
		TEST(a_truncated_backup_names_the_line),
		TEST(wrong_types_are_refused),
		TEST(a_missing_reference_is_refused),
		TEST(a_newer_format_version_is_refused),
		TEST(invalid_utf8_is_refused),
		TEST(what_is_not_a_backup_is_refused),
		TEST(arrays_out_of_order_are_refused),
		TEST(unknown_members_and_names_are_refused),
		TEST(ids_and_numbers_given_twice_are_refused),
		TEST(settings_are_checked),
		TEST(an_interview_s_parts_are_checked),
		TEST(large_numbers_given_twice_are_refused),
		TEST(a_record_without_a_number_is_numbered_now),
		TEST(a_backup_of_a_version_1_store_is_numbered_on_restore),
		TEST(a_version_1_store_refuses_what_it_cannot_keep),
	};
	const struct CMUnitTest write[] = { TEST(write_the_full_backup) };

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	if (argc == 4 && strcmp(argv[2], "--write") == 0) {
		write_path = argv[3];
		return cmocka_run_group_tests_name("backup_write", write, NULL, NULL);
	}
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

/*
 * The contract for stores shared by many connections (backend version 5):
 * a transient failure (IV_ERETRY) makes the library do the whole public
 * call again when the call opened its own transaction, and only then; the
 * result is the one without the failure, with nothing written twice. And
 * version 5's followup_list_contacts: the agenda without a lookup per item.
 *
 * The failures come from tests/fault_backend.c wrapped around the memory
 * or the SQLite backend (argv[1]), as a server backend would give them:
 * before the call does anything, or after a write it made (the core must
 * roll it back before doing the call again).
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
#include <infoview/sys/backend.h>

#include "fault_backend.h"

#define T0 ((iv_time)1772442000) /* Monday 2026-03-02 09:00 UTC */

static const char *backend_name;

typedef struct {
	iv_db *db;
	fault_backend *f;
	iv_time now;
	char dir[512];
} store;

static int clock_cb(iv_time *out, void *payload)
{
	*out = ((store *)payload)->now;
	return 0;
}

static void ok_(int rc, const char *what, int line)
{
	if (rc != 0)
		fail_msg("line %d: %s returned %d (%s)", line, what, rc, iv_error_last()->message);
}
#define ok(call) ok_((call), #call, __LINE__)

static store *open_store_version(unsigned int version)
{
	store *s = calloc(1, sizeof(*s));
	iv_backend *inner = NULL, *outer = NULL;
	char path[600];

	assert_non_null(s);
	if (strcmp(backend_name, "memory") == 0) {
		ok(iv_backend_memory_new(&inner));
	} else {
		snprintf(s->dir, sizeof(s->dir), "%s/iv-retry-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
		assert_non_null(mkdtemp(s->dir));
		snprintf(path, sizeof(path), "%s/store.db", s->dir);
		ok(iv_backend_sqlite_new(&inner, path));
	}
	ok(fault_wrap_version(&outer, &s->f, inner, version));
	ok(iv_db_open_backend(&s->db, outer));
	s->now = T0;
	ok(iv_db_set_clock(s->db, clock_cb, s));
	return s;
}

static store *open_store(void)
{
	return open_store_version(IV_BACKEND_VERSION);
}

static void close_store(store *s)
{
	char path[700];

	iv_db_free(s->db);
	if (s->dir[0]) {
		const char *ext[] = { "", "-wal", "-shm", "-journal" };
		size_t i;

		for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
			snprintf(path, sizeof(path), "%s/store.db%s", s->dir, ext[i]);
			unlink(path);
		}
		rmdir(s->dir);
	}
	free(s);
}

static void add_contact(store *s, const char *name, char *id)
{
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, name));
	ok(iv_contact_insert(s->db, c));
	if (id)
		memcpy(id, iv_contact_id(c), IV_ID_LEN + 1);
	iv_contact_free(c);
}

static size_t count_contacts(store *s)
{
	iv_contact_iter *it = NULL;
	iv_contact *c;
	size_t n = 0;
	int rc;

	ok(iv_contact_list(&it, s->db, NULL));
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		n++;
		iv_contact_free(c);
	}
	assert_int_equal(rc, IV_ITEROVER);
	iv_contact_iter_free(it);
	return n;
}

/*
 * Every follow-up as "kind rule status", sorted, one per line: what a
 * duplicate would show. `iv_id` in a rule's key reads "IV", the same in
 * every run.
 */
static char *followups(store *s, const char *iv_id)
{
	iv_followup_iter *it = NULL;
	iv_followup *fu;
	char *lines[64], *out;
	size_t n = 0, i, len = 1;
	int rc;

	ok(iv_followup_list(&it, s->db, NULL));
	while ((rc = iv_followup_iter_next(&fu, it)) == 0) {
		char line[256], rule[128];
		const char *r = iv_followup_rule(fu), *at;

		assert_true(n < 64);
		snprintf(rule, sizeof(rule), "%s", r ? r : "-");
		if ((at = strstr(r ? r : "", iv_id)) != NULL)
			snprintf(rule + (at - r), sizeof(rule) - (size_t)(at - r), "IV%s", at + strlen(iv_id));
		snprintf(line, sizeof(line), "%d %s %d\n", iv_followup_kind(fu), rule, iv_followup_status(fu));
		lines[n] = strdup(line);
		assert_non_null(lines[n]);
		len += strlen(lines[n++]);
		iv_followup_free(fu);
	}
	assert_int_equal(rc, IV_ITEROVER);
	iv_followup_iter_free(it);
	for (i = 1; i < n; i++) {
		size_t j;

		for (j = i; j > 0 && strcmp(lines[j - 1], lines[j]) > 0; j--) {
			char *t = lines[j];
			lines[j] = lines[j - 1];
			lines[j - 1] = t;
		}
	}
	out = calloc(1, len);
	assert_non_null(out);
	for (i = 0; i < n; i++) {
		strcat(out, lines[i]);
		free(lines[i]);
	}
	return out;
}

/* A store with Ada, her scheduled interview (its id in `iv_id`) and her cadence. */
static store *story(char *iv_id)
{
	store *s = open_store();
	iv_interview *iv = NULL;
	char ada[IV_ID_LEN + 1];

	add_contact(s, "Ada", ada);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, ada));
	ok(iv_interview_set_purpose(iv, "Learn the trade"));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_SCHEDULED));
	ok(iv_interview_set_scheduled_at(iv, T0 + 86400));
	ok(iv_interview_insert(s->db, iv));
	memcpy(iv_id, iv_interview_id(iv), IV_ID_LEN + 1);
	iv_interview_free(iv);
	s->now = T0 + 2 * 86400;
	return s;
}

/* Completes the story's interview: the thank-you and the rest the rules call for. */
static int complete(store *s, const char *iv_id)
{
	iv_interview *iv = NULL;
	int rc = iv_interview_move(&iv, s->db, iv_id, IV_INTERVIEW_COMPLETED);

	if (rc == 0)
		assert_int_equal(iv_interview_status(iv), IV_INTERVIEW_COMPLETED);
	iv_interview_free(iv);
	return rc;
}

/*
 * Completing an interview (several reads and writes in the core's own
 * transaction) with a transient failure at its k-th backend call, for
 * every k, both before and after the failing call's write: the call
 * succeeds all the same, once retried, and the store holds exactly what
 * it holds without the failure (one thank-you, not two).
 */
static void every_call_of_a_step_may_fail_once_and_the_step_is_done_once(void **state)
{
	char iv_id[IV_ID_LEN + 1];
	char *want, *got;
	store *s;
	long k;
	int mode, hits = 0;

	(void)state;
	s = story(iv_id);
	ok(complete(s, iv_id));
	want = followups(s, iv_id);
	assert_non_null(strstr(want, "thank_you"));
	assert_int_equal(iv_db_retry_count(s->db), 0);
	close_store(s);
	for (mode = FAULT_BEFORE; mode <= FAULT_AFTER; mode++) {
		for (k = 1;; k++) {
			int rc, hit;

			s = story(iv_id);
			fault_arm(s->f, k, IV_ERETRY, mode);
			rc = complete(s, iv_id);
			hit = fault_hit(s->f);
			fault_disarm(s->f);
			if (rc != 0)
				fail_msg("%s: call %ld (%s) failing once with a transient error: returned %s (%s)",
					 backend_name, k, fault_where(s->f), iv_error_name(rc), iv_error_last()->message);
			assert_int_equal(iv_db_retry_count(s->db), hit ? 1 : 0);
			assert_int_equal(iv_db_transaction_depth(s->db), 0);
			got = followups(s, iv_id);
			if (strcmp(got, want) != 0)
				fail_msg("%s: call %ld (%s) failing once: the follow-ups are\n%swhere without a failure"
					 " they are\n%s", backend_name, k, fault_where(s->f), got, want);
			free(got);
			close_store(s);
			if (!hit)
				break;
			hits++;
		}
	}
	/* The sweep reached into the call: it makes several backend calls. */
	assert_true(hits > 6);
	free(want);
}

/* Inside the caller's transaction the library cannot redo the caller's work: it says so. */
static void inside_the_callers_transaction_the_failure_is_returned(void **state)
{
	store *s = open_store();
	iv_contact *c = NULL;

	(void)state;
	add_contact(s, "Ada", NULL);
	ok(iv_db_begin(s->db));
	add_contact(s, "Bea", NULL);
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Cy"));
	fault_arm(s->f, 1, IV_ERETRY, FAULT_BEFORE);
	assert_int_equal(iv_contact_insert(s->db, c), IV_ERETRY);
	assert_true(fault_hit(s->f));
	fault_disarm(s->f);
	assert_int_equal(iv_db_retry_count(s->db), 0);
	assert_int_equal(iv_db_transaction_depth(s->db), 1);
	/* The caller rolls back and does its work again. */
	ok(iv_db_rollback(s->db));
	assert_int_equal(count_contacts(s), 1);
	ok(iv_db_begin(s->db));
	add_contact(s, "Bea", NULL);
	ok(iv_contact_insert(s->db, c));
	ok(iv_db_commit(s->db));
	assert_int_equal(count_contacts(s), 3);
	iv_contact_free(c);
	close_store(s);
}

/* A failure that does not clear: a bounded number of attempts, then the error, in words; nothing written. */
static void a_failure_that_persists_is_given_up_after_a_few_attempts(void **state)
{
	store *s = open_store();
	iv_contact *c = NULL;
	const char *msg;

	(void)state;
	add_contact(s, "Ada", NULL);
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Bea"));
	fault_arm(s->f, 2, IV_ERETRY, FAULT_AFTER | FAULT_EVERY);
	assert_int_equal(iv_contact_insert(s->db, c), IV_ERETRY);
	fault_disarm(s->f);
	msg = iv_error_last()->message;
	if (!strstr(msg, "iv_contact_insert: gave up after 9 attempts: ") || !strstr(msg, "injected fault"))
		fail_msg("the message says: %s", msg);
	assert_int_equal(iv_db_retry_count(s->db), 8);
	assert_int_equal(iv_db_transaction_depth(s->db), 0);
	/* The record is as it was: no id, nothing stored; the store still works. */
	assert_null(iv_contact_id(c));
	assert_int_equal(count_contacts(s), 1);
	ok(iv_contact_insert(s->db, c));
	assert_int_equal(count_contacts(s), 2);
	iv_contact_free(c);
	close_store(s);
}

/* Other errors are not transient: returned at once. */
static void other_errors_are_not_retried(void **state)
{
	store *s = open_store();
	int codes[] = { IV_EBUSY, IV_ESTORAGE, IV_ENOMEM };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		iv_contact *c = NULL;

		ok(iv_contact_new(&c));
		ok(iv_contact_set_name(c, "Ada"));
		fault_arm(s->f, 1, codes[i], FAULT_BEFORE);
		assert_int_equal(iv_contact_insert(s->db, c), codes[i]);
		fault_disarm(s->f);
		iv_contact_free(c);
	}
	assert_int_equal(iv_db_retry_count(s->db), 0);
	assert_int_equal(count_contacts(s), 0);
	close_store(s);
}

struct input {
	const char *text;
	size_t pos;
	int reads;
};

static int read_input(char *buf, size_t size, size_t *got, void *payload)
{
	struct input *in = payload;
	size_t n = strlen(in->text + in->pos);

	in->reads++;
	if (n > size)
		n = size;
	memcpy(buf, in->text + in->pos, n);
	in->pos += n;
	*got = n;
	return 0;
}

/*
 * An import reads the caller's stream, which cannot be read twice: it is
 * not done again; the caller gets IV_ERETRY and nothing is imported.
 */
static void an_import_is_not_done_again(void **state)
{
	store *s = open_store();
	struct input in = { "Name,Company\nAda Lovelace,Engines\nGrace Hopper,Navy\n", 0, 0 };
	iv_import_report *report = NULL;
	int rc;

	(void)state;
	fault_arm(s->f, 3, IV_ERETRY, FAULT_BEFORE);
	rc = iv_import(&report, s->db, IV_FORMAT_CSV, read_input, &in, NULL);
	assert_true(fault_hit(s->f));
	fault_disarm(s->f);
	iv_import_report_free(report);
	assert_int_equal(rc, IV_ERETRY);
	assert_int_equal(iv_db_retry_count(s->db), 0);
	assert_int_equal(count_contacts(s), 0);
	close_store(s);
}

/* The backend calls an agenda of `n` due follow-ups makes, read to the end. */
static long agenda_calls(unsigned int version, int n, int *has_join)
{
	store *s = open_store_version(version);
	iv_agenda_iter *it = NULL;
	iv_agenda_item *item = NULL;
	char name[32], id[IV_ID_LEN + 1];
	long calls;
	int i, rc, items = 0;

	for (i = 0; i < n; i++) {
		iv_followup *fu = NULL;

		snprintf(name, sizeof(name), "Contact %d", i);
		add_contact(s, name, id);
		ok(iv_followup_new(&fu));
		ok(iv_followup_set_contact(fu, id));
		ok(iv_followup_set_earliest(fu, T0 - 3600));
		ok(iv_followup_set_due(fu, T0 - 60));
		ok(iv_followup_insert(s->db, fu));
		iv_followup_free(fu);
	}
	*has_join = version >= 5 && fault_inner(s->f)->followup_list_contacts != NULL;
	fault_arm(s->f, 0, 0, 0);
	ok(iv_agenda(&it, s->db, NULL));
	while ((rc = iv_agenda_iter_next(&item, it)) == 0) {
		assert_non_null(iv_agenda_item_contact(item));
		items++;
		iv_agenda_item_free(item);
	}
	assert_int_equal(rc, IV_ITEROVER);
	iv_agenda_iter_free(it);
	calls = fault_calls(s->f);
	fault_disarm(s->f);
	assert_int_equal(items, n);
	close_store(s);
	return calls;
}

/*
 * A backend with followup_list_contacts (version 5) gives the agenda each
 * follow-up with its contact: no lookup per item. Through an older one
 * (the same backend wrapped as version 4) the core looks each contact up:
 * exactly one backend call more per item.
 */
static void the_agenda_reads_each_contact_with_its_follow_up(void **state)
{
	int join5, join4;
	long v5 = agenda_calls(5, 6, &join5), v4 = agenda_calls(4, 6, &join4);

	(void)state;
	assert_false(join4);
	assert_int_equal(v4 - v5, join5 ? 6 : 0);
	if (strcmp(backend_name, "sqlite") == 0)
		assert_true(join5);
}

/* What a backend hands the core to own comes from iv_malloc(); iv_free() frees it. */
static void the_library_allocator_round_trips(void **state)
{
	char *p = iv_malloc(16), *q;

	(void)state;
	assert_non_null(p);
	memcpy(p, "fifteen letters", 16);
	q = iv_strdup(p);
	assert_non_null(q);
	assert_string_equal(q, "fifteen letters");
	assert_ptr_not_equal(p, q);
	iv_free(p);
	iv_free(q);
	assert_null(iv_strdup(NULL));
	assert_int_equal(iv_db_retry_count(NULL), 0);
	assert_string_equal(iv_error_name(IV_ERETRY), "IV_ERETRY");
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_call_of_a_step_may_fail_once_and_the_step_is_done_once),
		cmocka_unit_test(inside_the_callers_transaction_the_failure_is_returned),
		cmocka_unit_test(a_failure_that_persists_is_given_up_after_a_few_attempts),
		cmocka_unit_test(other_errors_are_not_retried),
		cmocka_unit_test(an_import_is_not_done_again),
		cmocka_unit_test(the_library_allocator_round_trips),
		cmocka_unit_test(the_agenda_reads_each_contact_with_its_follow_up),
	};

	if (argc < 2 || (strcmp(argv[1], "memory") != 0 && strcmp(argv[1], "sqlite") != 0)) {
		fprintf(stderr, "usage: %s memory|sqlite\n", argv[0]);
		return 2;
	}
	backend_name = argv[1];
	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}

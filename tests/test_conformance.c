/*
 * The conformance suite: the behaviours every storage backend must show
 * through the public API, run unchanged against each of them:
 *
 *     test_conformance memory
 *     test_conformance sqlite
 *     test_conformance thirdparty
 *
 * "thirdparty" is a backend defined below the way an outside author would
 * write one: it embeds iv_backend, forwards every operation to a memory
 * backend and leaves the optional accelerators NULL, so the core's fallbacks
 * are exercised too.
 *
 * Every store gets a fixed clock, so times are asserted exactly.
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <infoview/infoview.h>
#include <infoview/sys/backend.h>
#ifdef IV_TEST_POSTGRES
#include "pg/pg_store.h"
#endif

/* --- Helpers for assertions ------------------------------------------- */






#define T0 ((iv_time)1700000000)

/* Fixed ids, so that orders by id are known in advance. */
#define ID(n) "01900000-0000-7000-8000-00000000000" #n
/* A well-formed id that no test stores. */
#define MISSING_ID "0190ffff-ffff-7fff-bfff-fffffffffff1"

typedef char id_buf[IV_ID_LEN + 1];

static void copy_id(id_buf out, const char *id)
{
	assert_non_null(id);
	assert_int_equal(strlen(id), IV_ID_LEN);
	memcpy(out, id, IV_ID_LEN + 1);
}

/* A lower-case UUID text with the version 7 and RFC 4122 variant nibbles. */
static void assert_v7_id(const char *id)
{
	size_t i;

	assert_non_null(id);
	assert_int_equal(strlen(id), IV_ID_LEN);
	assert_true(iv_id_valid(id));
	for (i = 0; i < IV_ID_LEN; i++) {
		char ch = id[i];

		if (i == 8 || i == 13 || i == 18 || i == 23) {
			assert_int_equal(ch, '-');
		} else if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
			FAIL("id %s: '%c' at %u is not lower-case hex\n", id, ch, (unsigned int)i);
		}
	}
	if (id[14] != '7')
		FAIL("id %s is not version 7\n", id);
	if (strchr("89ab", id[19]) == NULL)
		FAIL("id %s does not have the RFC 4122 variant\n", id);
}

/* --- The backend under test ------------------------------------------- */

static const char *backend_name;

/*
 * The third-party backend: a proxy in front of a memory backend. A real
 * backend would store records itself; forwarding is enough to show that a
 * backend built only from the public backend header works.
 */
typedef struct {
	iv_backend parent;
	iv_backend *inner;
} proxy_backend;

typedef struct {
	iv_backend_iter parent;
	iv_backend_iter *inner;
} proxy_iter;

/* How many proxies the factory made, to prove the suite runs on them. */
static int proxy_opened;

static iv_backend *proxy_inner(iv_backend *be)
{
	proxy_backend *p = (proxy_backend *)be;

	p->inner->db = be->db;
	return p->inner;
}

static int proxy_iter_next(void **out, iv_backend_iter *it)
{
	proxy_iter *pi = (proxy_iter *)it;

	return pi->inner->next(out, pi->inner);
}

static void proxy_iter_free(iv_backend_iter *it)
{
	proxy_iter *pi = (proxy_iter *)it;

	pi->inner->free(pi->inner);
	free(pi);
}

/* Wraps an iterator of the inner backend in one of the proxy's own. */
static int proxy_wrap(iv_backend_iter **out, iv_backend_iter *inner)
{
	proxy_iter *pi = calloc(1, sizeof(*pi));

	if (pi == NULL) {
		inner->free(inner);
		return iv_error_set(IV_ENOMEM, "proxy: out of memory");
	}
	pi->parent.version = 1;
	pi->parent.next = proxy_iter_next;
	pi->parent.free = proxy_iter_free;
	pi->inner = inner;
	*out = &pi->parent;
	return 0;
}

/* The five operations on one kind of record, forwarded. */
#define PROXY_RECORD_OPS(kind) \
	static int proxy_##kind##_get(iv_##kind **out, iv_backend *be, const char *id) \
	{ \
		iv_backend *in = proxy_inner(be); \
		return in->kind##_get(out, in, id); \
	} \
	static int proxy_##kind##_insert(iv_backend *be, const iv_##kind *rec) \
	{ \
		iv_backend *in = proxy_inner(be); \
		return in->kind##_insert(in, rec); \
	} \
	static int proxy_##kind##_update(iv_backend *be, const iv_##kind *rec) \
	{ \
		iv_backend *in = proxy_inner(be); \
		return in->kind##_update(in, rec); \
	} \
	static int proxy_##kind##_delete(iv_backend *be, const char *id) \
	{ \
		iv_backend *in = proxy_inner(be); \
		return in->kind##_delete(in, id); \
	} \
	static int proxy_##kind##_list(iv_backend_iter **out, iv_backend *be, \
	                               const iv_##kind##_filter *filter) \
	{ \
		iv_backend *in = proxy_inner(be); \
		iv_backend_iter *inner = NULL; \
		int rc = in->kind##_list(&inner, in, filter); \
		if (rc != 0) \
			return rc; \
		return proxy_wrap(out, inner); \
	}

PROXY_RECORD_OPS(contact)
PROXY_RECORD_OPS(intro)
PROXY_RECORD_OPS(interview)
PROXY_RECORD_OPS(followup)

static int proxy_setting_get(char **out, iv_backend *be, const char *key)
{
	iv_backend *in = proxy_inner(be);

	return in->setting_get(out, in, key);
}

static int proxy_setting_set(iv_backend *be, const char *key, const char *value)
{
	iv_backend *in = proxy_inner(be);

	return in->setting_set(in, key, value);
}

static int proxy_begin(iv_backend *be)
{
	iv_backend *in = proxy_inner(be);

	return in->begin(in);
}

static int proxy_commit(iv_backend *be)
{
	iv_backend *in = proxy_inner(be);

	return in->commit(in);
}

static int proxy_rollback(iv_backend *be)
{
	iv_backend *in = proxy_inner(be);

	return in->rollback(in);
}

static void proxy_free(iv_backend *be)
{
	proxy_backend *p = (proxy_backend *)be;

	p->inner->free(p->inner);
	free(p);
}

static int proxy_factory(iv_backend **out, const char *location, void *payload)
{
	int *opened = payload;
	proxy_backend *p;
	int rc;

	(void)location;
	p = calloc(1, sizeof(*p));
	if (p == NULL)
		return iv_error_set(IV_ENOMEM, "proxy: out of memory");
	/* Built at version 1, and kept there: newer libraries must still serve it. */
	rc = iv_backend_init(&p->parent, 1);
	if (rc == 0)
		rc = iv_backend_memory_new(&p->inner);
	if (rc != 0) {
		free(p);
		return rc;
	}
	p->parent.contact_get = proxy_contact_get;
	p->parent.contact_insert = proxy_contact_insert;
	p->parent.contact_update = proxy_contact_update;
	p->parent.contact_delete = proxy_contact_delete;
	p->parent.contact_list = proxy_contact_list;
	p->parent.intro_get = proxy_intro_get;
	p->parent.intro_insert = proxy_intro_insert;
	p->parent.intro_update = proxy_intro_update;
	p->parent.intro_delete = proxy_intro_delete;
	p->parent.intro_list = proxy_intro_list;
	p->parent.interview_get = proxy_interview_get;
	p->parent.interview_insert = proxy_interview_insert;
	p->parent.interview_update = proxy_interview_update;
	p->parent.interview_delete = proxy_interview_delete;
	p->parent.interview_list = proxy_interview_list;
	p->parent.followup_get = proxy_followup_get;
	p->parent.followup_insert = proxy_followup_insert;
	p->parent.followup_update = proxy_followup_update;
	p->parent.followup_delete = proxy_followup_delete;
	p->parent.followup_list = proxy_followup_list;
	p->parent.setting_get = proxy_setting_get;
	p->parent.setting_set = proxy_setting_set;
	p->parent.begin = proxy_begin;
	p->parent.commit = proxy_commit;
	p->parent.rollback = proxy_rollback;
	p->parent.free = proxy_free;
	/* contact_referenced stays NULL: the core must fall back. */
	(*opened)++;
	*out = &p->parent;
	return 0;
}

/* --- The fixture: one fresh store per test ----------------------------- */

typedef struct {
	iv_db *db;
	iv_time now;    /* what the store's clock says */
	char dir[512];  /* the sqlite store's temporary directory, or "" */
	char role[64];  /* the postgresql store's role of its own, or "" */
} fixture;

static int fixture_clock(iv_time *now, void *payload)
{
	*now = ((const fixture *)payload)->now;
	return 0;
}

static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[1024];

	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) < sizeof(path))
				unlink(path);
		}
		closedir(d);
	}
	rmdir(dir);
}

static int open_store(fixture *fx)
{
	if (strcmp(backend_name, "memory") == 0)
		return iv_db_open_with(&fx->db, "memory", NULL);

	if (strcmp(backend_name, "sqlite") == 0) {
		const char *tmp = getenv("TMPDIR");
		char path[600];

		if (tmp == NULL || tmp[0] != '/')
			tmp = "/tmp";
		if ((size_t)snprintf(fx->dir, sizeof(fx->dir), "%s/iv-conformance-XXXXXX", tmp) >= sizeof(fx->dir))
			return -1;
		if (mkdtemp(fx->dir) == NULL) {
			fx->dir[0] = '\0';
			return -1;
		}
		snprintf(path, sizeof(path), "%s/store.db", fx->dir);
		return iv_db_open_with(&fx->db, "sqlite", path);
	}

#ifdef IV_TEST_POSTGRES
	/* A fresh role of its own on the tests' server: an empty store. */
	if (strcmp(backend_name, "postgresql") == 0)
		return iv_test_pg_open(&fx->db, fx->role);
#endif

	if (strcmp(backend_name, "thirdparty") == 0) {
		int before = proxy_opened;
		int rc = iv_db_open_with(&fx->db, "proxy", NULL);

		if (rc == 0 && proxy_opened != before + 1)
			return -1;
		return rc;
	}
	return -1;
}

static int store_teardown(void **state)
{
	fixture *fx = *state;

	int rc = 0;

	if (fx == NULL)
		return 0;
#ifdef IV_TEST_POSTGRES
	if (fx->role[0] != '\0') {
		rc = iv_test_pg_close(fx->db, fx->role);
		fx->db = NULL;
	}
#endif
	iv_db_free(fx->db);
	if (fx->dir[0] != '\0')
		remove_dir(fx->dir);
	free(fx);
	*state = NULL;
	return rc;
}

static int store_setup(void **state)
{
	fixture *fx = calloc(1, sizeof(*fx));

	*state = fx;
	if (fx == NULL)
		return -1;
	fx->now = T0;
	if (open_store(fx) != 0 || fx->db == NULL
	    || iv_db_set_clock(fx->db, fixture_clock, fx) != 0) {
		store_teardown(state);
		return -1;
	}
	iv_error_clear();
	return 0;
}

static int suite_setup(void **state)
{
	(void)state;
	if (strcmp(backend_name, "thirdparty") == 0)
		return iv_backend_register("proxy", proxy_factory, &proxy_opened) == 0 ? 0 : -1;
	if (strcmp(backend_name, "memory") == 0 || strcmp(backend_name, "sqlite") == 0
	    || strcmp(backend_name, "postgresql") == 0)
		return 0;
	return -1;
}

/* --- Building and reading records --------------------------------------- */

/* Stores a contact; `id` may be NULL to let the store assign one. */
static void put_contact(iv_db *db, const char *name, const char *id, id_buf out)
{
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, name));
	if (id != NULL)
		ok(iv_contact_set_id(c, id));
	ok(iv_contact_insert(db, c));
	if (out != NULL)
		copy_id(out, iv_contact_id(c));
	iv_contact_free(c);
}

static void put_contact_at(iv_db *db, const char *name, const char *company,
                           const char *tag1, const char *tag2, id_buf out)
{
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, name));
	ok(iv_contact_set_company(c, company));
	if (tag1 != NULL)
		ok(iv_contact_add_tag(c, tag1));
	if (tag2 != NULL)
		ok(iv_contact_add_tag(c, tag2));
	ok(iv_contact_insert(db, c));
	copy_id(out, iv_contact_id(c));
	iv_contact_free(c);
}

static void put_intro(iv_db *db, const char *introducer, const char *introduced,
                      int status, const char *id, id_buf out)
{
	iv_intro *in = NULL;

	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, introducer));
	ok(iv_intro_set_introduced(in, introduced));
	ok(iv_intro_set_status(in, status));
	if (id != NULL)
		ok(iv_intro_set_id(in, id));
	ok(iv_intro_insert(db, in));
	if (out != NULL)
		copy_id(out, iv_intro_id(in));
	iv_intro_free(in);
}

/*
 * Tests of storage store interviews as planned or scheduled where the status
 * is not the point: requested and completed ones make the workflow rules add
 * follow-ups (nudges, thank-yous), which those tests would then count.
 */
static void put_interview(iv_db *db, const char *contact, const char *intro,
                          int status, const char *id, id_buf out)
{
	iv_interview *iv = NULL;

	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, contact));
	if (intro != NULL)
		ok(iv_interview_set_intro(iv, intro));
	ok(iv_interview_set_status(iv, status));
	ok(iv_interview_set_purpose(iv, "Learn how the job really works"));
	if (id != NULL)
		ok(iv_interview_set_id(iv, id));
	ok(iv_interview_insert(db, iv));
	if (out != NULL)
		copy_id(out, iv_interview_id(iv));
	iv_interview_free(iv);
}

static void put_followup(iv_db *db, const char *contact, const char *interview,
                         iv_time due, int status, const char *id, id_buf out)
{
	iv_followup *fu = NULL;

	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, contact));
	if (interview != NULL)
		ok(iv_followup_set_interview(fu, interview));
	ok(iv_followup_set_due(fu, due));
	ok(iv_followup_set_status(fu, status));
	if (id != NULL)
		ok(iv_followup_set_id(fu, id));
	ok(iv_followup_insert(db, fu));
	if (out != NULL)
		copy_id(out, iv_followup_id(fu));
	iv_followup_free(fu);
}

/* The ids a list returned, in order. */
#define MAX_LISTED 32
typedef struct {
	size_t count;
	id_buf id[MAX_LISTED];
} idlist;

static void idlist_add(idlist *l, const char *id)
{
	if (l->count >= MAX_LISTED)
		FAIL("more than %d records listed\n", MAX_LISTED);
	copy_id(l->id[l->count], id);
	l->count++;
}

static void expect_ids(const idlist *l, const char *const *want, size_t n)
{
	size_t i;

	if (l->count != n)
		FAIL("listed %u records, expected %u\n", (unsigned int)l->count, (unsigned int)n);
	for (i = 0; i < n; i++)
		if (strcmp(l->id[i], want[i]) != 0)
			FAIL("record %u is %s, expected %s\n", (unsigned int)i, l->id[i], want[i]);
}

#define EXPECT_IDS(l, ...) \
	expect_ids((l), (const char *const[]){ __VA_ARGS__ }, \
	           sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))

/* list_<kind>(): runs a list to its end and collects the ids. */
#define LIST_FUNCTION(kind) \
	static void list_##kind##s(idlist *l, iv_db *db, const iv_##kind##_filter *filter) \
	{ \
		iv_##kind##_iter *it = NULL; \
		iv_##kind *rec = NULL; \
		int rc; \
		memset(l, 0, sizeof(*l)); \
		ok(iv_##kind##_list(&it, db, filter)); \
		assert_non_null(it); \
		while ((rc = iv_##kind##_iter_next(&rec, it)) == 0) { \
			idlist_add(l, iv_##kind##_id(rec)); \
			iv_##kind##_free(rec); \
			rec = NULL; \
		} \
		check(rc, IV_ITEROVER); \
		iv_##kind##_iter_free(it); \
	} \
	static size_t count_##kind##s(iv_db *db) \
	{ \
		idlist l; \
		list_##kind##s(&l, db, NULL); \
		return l.count; \
	} \
	static int kind##_exists(iv_db *db, const char *id) \
	{ \
		iv_##kind *rec = NULL; \
		int rc = iv_##kind##_lookup(&rec, db, id); \
		iv_##kind##_free(rec); \
		if (rc != 0 && rc != IV_ENOTFOUND) \
			FAIL("looking up %s: %s\n", id, iv_error_last()->message); \
		return rc == 0; \
	}

LIST_FUNCTION(contact)
LIST_FUNCTION(intro)
LIST_FUNCTION(interview)
LIST_FUNCTION(followup)

/* ======================================================================= */
/* Contacts                                                                 */
/* ======================================================================= */

static void contact_insert_assigns_id_and_times(void **state)
{
	fixture *fx = *state;
	iv_contact *c = NULL, *d = NULL;

	fx->now = T0 + 5;
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Dana"));
	assert_null(iv_contact_id(c));
	assert_int_equal(iv_contact_created(c), 0);
	ok(iv_contact_insert(fx->db, c));
	assert_v7_id(iv_contact_id(c));
	assert_int_equal(iv_contact_created(c), T0 + 5);
	assert_int_equal(iv_contact_updated(c), T0 + 5);

	ok(iv_contact_new(&d));
	ok(iv_contact_set_name(d, "Dana"));
	ok(iv_contact_insert(fx->db, d));
	assert_v7_id(iv_contact_id(d));
	assert_string_not_equal(iv_contact_id(c), iv_contact_id(d));
	iv_contact_free(c);
	iv_contact_free(d);
}

static void contact_insert_keeps_caller_id_in_lower_case(void **state)
{
	fixture *fx = *state;
	iv_contact *c = NULL, *got = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Imported"));
	ok(iv_contact_set_id(c, "0190ABCD-0000-7000-8000-0000000000EF"));
	assert_str(iv_contact_id(c), "0190abcd-0000-7000-8000-0000000000ef");
	ok(iv_contact_insert(fx->db, c));
	assert_str(iv_contact_id(c), "0190abcd-0000-7000-8000-0000000000ef");
	assert_int_equal(iv_contact_created(c), T0);
	ok(iv_contact_lookup(&got, fx->db, "0190abcd-0000-7000-8000-0000000000ef"));
	assert_str(iv_contact_name(got), "Imported");
	iv_contact_free(got);
	iv_contact_free(c);
}

static void contact_lookup_accepts_upper_case_id(void **state)
{
	fixture *fx = *state;
	iv_contact *got = NULL;

	put_contact(fx->db, "Upper", "0190abcd-0000-7000-8000-0000000000ef", NULL);
	ok(iv_contact_lookup(&got, fx->db, "0190ABCD-0000-7000-8000-0000000000EF"));
	assert_str(iv_contact_id(got), "0190abcd-0000-7000-8000-0000000000ef");
	iv_contact_free(got);
}

static void contact_insert_refuses_taken_id(void **state)
{
	fixture *fx = *state;
	iv_contact *c = NULL, *got = NULL;

	put_contact(fx->db, "First", ID(1), NULL);
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Second"));
	ok(iv_contact_set_id(c, ID(1)));
	check(iv_contact_insert(fx->db, c), IV_EEXISTS);
	iv_contact_free(c);

	ok(iv_contact_lookup(&got, fx->db, ID(1)));
	assert_str(iv_contact_name(got), "First");
	iv_contact_free(got);
	assert_int_equal(count_contacts(fx->db), 1);
}

static void contact_lookup_round_trips_every_field(void **state)
{
	fixture *fx = *state;
	iv_contact *c = NULL, *got = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Dana S\xc3\xb8ndergaard"));
	ok(iv_contact_set_phone(c, "+1 617 555 0100"));
	ok(iv_contact_set_company(c, "Pfizer"));
	ok(iv_contact_set_title(c, "Director of Clinical Operations"));
	ok(iv_contact_set_location(c, "Boston, MA"));
	ok(iv_contact_set_url(c, "https://example.org/in/dana"));
	ok(iv_contact_set_notes(c, "Met at the alumni evening.\nPrefers mornings."));
	ok(iv_contact_set_known(c, IV_KNOWN_INTRODUCED));
	ok(iv_contact_set_cadence_days(c, 45));
	ok(iv_contact_set_last_interaction(c, T0 - 3 * DAY));
	ok(iv_contact_add_email(c, "dana@example.org"));
	ok(iv_contact_add_email(c, "d.sondergaard@work.example"));
	ok(iv_contact_add_email(c, "ds@alumni.example"));
	ok(iv_contact_add_tag(c, "pharma"));
	ok(iv_contact_add_tag(c, "Mentor"));
	ok(iv_contact_add_tag(c, "clinical ops"));
	ok(iv_contact_insert(fx->db, c));

	ok(iv_contact_lookup(&got, fx->db, iv_contact_id(c)));
	assert_str(iv_contact_id(got), iv_contact_id(c));
	assert_int_equal(iv_contact_created(got), T0);
	assert_int_equal(iv_contact_updated(got), T0);
	assert_str(iv_contact_name(got), "Dana S\xc3\xb8ndergaard");
	assert_str(iv_contact_phone(got), "+1 617 555 0100");
	assert_str(iv_contact_company(got), "Pfizer");
	assert_str(iv_contact_title(got), "Director of Clinical Operations");
	assert_str(iv_contact_location(got), "Boston, MA");
	assert_str(iv_contact_url(got), "https://example.org/in/dana");
	assert_str(iv_contact_notes(got), "Met at the alumni evening.\nPrefers mornings.");
	assert_int_equal(iv_contact_known(got), IV_KNOWN_INTRODUCED);
	assert_int_equal(iv_contact_cadence_days(got), 45);
	assert_int_equal(iv_contact_last_interaction(got), T0 - 3 * DAY);
	assert_int_equal(iv_contact_email_count(got), 3);
	assert_str(iv_contact_email_at(got, 0), "dana@example.org");
	assert_str(iv_contact_email_at(got, 1), "d.sondergaard@work.example");
	assert_str(iv_contact_email_at(got, 2), "ds@alumni.example");
	assert_int_equal(iv_contact_tag_count(got), 3);
	assert_str(iv_contact_tag_at(got, 0), "pharma");
	assert_str(iv_contact_tag_at(got, 1), "Mentor");
	assert_str(iv_contact_tag_at(got, 2), "clinical ops");
	iv_contact_free(got);
	iv_contact_free(c);
}

static void contact_lookup_round_trips_unset_fields(void **state)
{
	fixture *fx = *state;
	iv_contact *got = NULL;
	id_buf id;

	put_contact(fx->db, "Bare", NULL, id);
	ok(iv_contact_lookup(&got, fx->db, id));
	assert_str(iv_contact_name(got), "Bare");
	assert_null(iv_contact_phone(got));
	assert_null(iv_contact_company(got));
	assert_null(iv_contact_title(got));
	assert_null(iv_contact_location(got));
	assert_null(iv_contact_url(got));
	assert_null(iv_contact_notes(got));
	assert_int_equal(iv_contact_known(got), IV_KNOWN_DIRECT);
	assert_int_equal(iv_contact_cadence_days(got), 0);
	assert_int_equal(iv_contact_last_interaction(got), 0);
	assert_int_equal(iv_contact_email_count(got), 0);
	assert_int_equal(iv_contact_tag_count(got), 0);
	iv_contact_free(got);
}

static void contact_lookup_missing_is_notfound_naming_id(void **state)
{
	fixture *fx = *state;
	iv_contact *got = NULL;

	put_contact(fx->db, "Someone", NULL, NULL);
	check(iv_contact_lookup(&got, fx->db, MISSING_ID), IV_ENOTFOUND);
	assert_message_has(MISSING_ID);
}

static void contact_lookup_malformed_id_is_invalid(void **state)
{
	fixture *fx = *state;
	iv_contact *got = NULL;

	check(iv_contact_lookup(&got, fx->db, "not-an-id"), IV_EINVALID);
	check(iv_contact_lookup(&got, fx->db, ""), IV_EINVALID);
	check(iv_contact_lookup(&got, fx->db, "01900000-0000-7000-8000-00000000000"), IV_EINVALID);
	check(iv_contact_lookup(&got, fx->db, "01900000-0000-7000-8000-00000000000g"), IV_EINVALID);
}

static void contact_update_replaces_fields_and_stamps_updated(void **state)
{
	fixture *fx = *state;
	iv_contact *c = NULL, *got = NULL;
	id_buf id;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Dana"));
	ok(iv_contact_set_company(c, "Acme"));
	ok(iv_contact_set_phone(c, "555 0100"));
	ok(iv_contact_add_email(c, "old@example.org"));
	ok(iv_contact_add_tag(c, "old"));
	ok(iv_contact_insert(fx->db, c));
	copy_id(id, iv_contact_id(c));
	iv_contact_free(c);
	c = NULL;

	fx->now = T0 + 100;
	ok(iv_contact_lookup(&c, fx->db, id));
	ok(iv_contact_set_name(c, "Dana Smith"));
	ok(iv_contact_set_company(c, NULL));
	ok(iv_contact_set_title(c, "VP Research"));
	ok(iv_contact_set_cadence_days(c, 30));
	iv_contact_clear_emails(c);
	ok(iv_contact_add_email(c, "new@example.org"));
	iv_contact_clear_tags(c);
	ok(iv_contact_add_tag(c, "new"));
	ok(iv_contact_add_tag(c, "biotech"));
	ok(iv_contact_update(fx->db, c));
	iv_contact_free(c);

	ok(iv_contact_lookup(&got, fx->db, id));
	assert_str(iv_contact_name(got), "Dana Smith");
	assert_null(iv_contact_company(got));
	assert_str(iv_contact_phone(got), "555 0100");
	assert_str(iv_contact_title(got), "VP Research");
	assert_int_equal(iv_contact_cadence_days(got), 30);
	assert_int_equal(iv_contact_email_count(got), 1);
	assert_str(iv_contact_email_at(got, 0), "new@example.org");
	assert_int_equal(iv_contact_tag_count(got), 2);
	assert_str(iv_contact_tag_at(got, 0), "new");
	assert_str(iv_contact_tag_at(got, 1), "biotech");
	assert_int_equal(iv_contact_created(got), T0);
	assert_int_equal(iv_contact_updated(got), T0 + 100);
	iv_contact_free(got);
}

static void contact_update_missing_is_notfound(void **state)
{
	fixture *fx = *state;
	iv_contact *c = NULL;

	put_contact(fx->db, "Existing", NULL, NULL);
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Ghost"));
	ok(iv_contact_set_id(c, MISSING_ID));
	check(iv_contact_update(fx->db, c), IV_ENOTFOUND);
	iv_contact_free(c);
	assert_false(contact_exists(fx->db, MISSING_ID));
	assert_int_equal(count_contacts(fx->db), 1);
}

static void contact_delete_then_lookup_is_notfound(void **state)
{
	fixture *fx = *state;
	iv_contact *got = NULL;
	id_buf id, other;

	put_contact(fx->db, "Leaving", NULL, id);
	put_contact(fx->db, "Staying", NULL, other);
	ok(iv_contact_delete(fx->db, id, IV_DELETE_DEFAULT));
	check(iv_contact_lookup(&got, fx->db, id), IV_ENOTFOUND);
	assert_true(contact_exists(fx->db, other));
	assert_int_equal(count_contacts(fx->db), 1);
}

static void contact_delete_missing_is_notfound(void **state)
{
	fixture *fx = *state;

	put_contact(fx->db, "Someone", NULL, NULL);
	check(iv_contact_delete(fx->db, MISSING_ID, IV_DELETE_DEFAULT), IV_ENOTFOUND);
	check(iv_contact_delete(fx->db, MISSING_ID, IV_DELETE_CASCADE), IV_ENOTFOUND);
	assert_int_equal(count_contacts(fx->db), 1);
}

static void contact_delete_malformed_id_is_invalid(void **state)
{
	fixture *fx = *state;

	check(iv_contact_delete(fx->db, "nope", IV_DELETE_DEFAULT), IV_EINVALID);
}

static void contact_insert_refuses_missing_name(void **state)
{
	fixture *fx = *state;
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_company(c, "Acme"));
	check(iv_contact_insert(fx->db, c), IV_EINVALID);
	assert_message_has("contact.name");
	iv_contact_free(c);
	assert_int_equal(count_contacts(fx->db), 0);
}

/* --- Contact lists ------------------------------------------------------ */

static void contact_list_orders_by_name_case_insensitive_then_id(void **state)
{
	fixture *fx = *state;
	idlist l;

	/* A byte-wise order would give Alice, Carol, alice, bob. */
	put_contact(fx->db, "Alice", ID(5), NULL);
	put_contact(fx->db, "bob", ID(3), NULL);
	put_contact(fx->db, "Carol", ID(1), NULL);
	put_contact(fx->db, "alice", ID(4), NULL);
	list_contacts(&l, fx->db, NULL);
	EXPECT_IDS(&l, ID(4), ID(5), ID(3), ID(1));
}

static void contact_list_filters_by_company_case_insensitive(void **state)
{
	fixture *fx = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	id_buf a, b, c, d, e;
	idlist l;

	put_contact_at(fx->db, "Bea", "ACME", NULL, NULL, b);
	put_contact_at(fx->db, "Abe", "Acme", NULL, NULL, a);
	put_contact_at(fx->db, "Cy", "Acme Corp", NULL, NULL, c);
	put_contact_at(fx->db, "Di", NULL, NULL, NULL, d);
	put_contact_at(fx->db, "Ed", "Pfizer", NULL, NULL, e);
	f.company = "acme";
	list_contacts(&l, fx->db, &f);
	EXPECT_IDS(&l, a, b);
	f.company = "PFIZER";
	list_contacts(&l, fx->db, &f);
	EXPECT_IDS(&l, e);
	f.company = "Moderna";
	list_contacts(&l, fx->db, &f);
	assert_int_equal(l.count, 0);
}

static void contact_list_filters_by_tag_case_insensitive(void **state)
{
	fixture *fx = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	id_buf a, b, c, d;
	idlist l;

	put_contact_at(fx->db, "Bea", NULL, "Pharma", NULL, b);
	put_contact_at(fx->db, "Abe", NULL, "mentor", "pharma", a);
	put_contact_at(fx->db, "Cy", NULL, "pharmacy", NULL, c);
	put_contact_at(fx->db, "Di", NULL, NULL, NULL, d);
	f.tag = "PHARMA";
	list_contacts(&l, fx->db, &f);
	EXPECT_IDS(&l, a, b);
	f.tag = "mentor";
	list_contacts(&l, fx->db, &f);
	EXPECT_IDS(&l, a);
}

static void contact_list_combines_company_and_tag(void **state)
{
	fixture *fx = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	id_buf a, b, c;
	idlist l;

	put_contact_at(fx->db, "Abe", "Acme", "pharma", NULL, a);
	put_contact_at(fx->db, "Bea", "Acme", "mentor", NULL, b);
	put_contact_at(fx->db, "Cy", "Other", "pharma", NULL, c);
	f.company = "acme";
	f.tag = "pharma";
	list_contacts(&l, fx->db, &f);
	EXPECT_IDS(&l, a);
}

static void contact_list_of_empty_store_returns_iterover_repeatedly(void **state)
{
	fixture *fx = *state;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;

	ok(iv_contact_list(&it, fx->db, NULL));
	check(iv_contact_iter_next(&c, it), IV_ITEROVER);
	check(iv_contact_iter_next(&c, it), IV_ITEROVER);
	check(iv_contact_iter_next(&c, it), IV_ITEROVER);
	iv_contact_iter_free(it);
}

static void contact_list_keeps_returning_iterover_after_the_end(void **state)
{
	fixture *fx = *state;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;

	put_contact(fx->db, "Only", NULL, NULL);
	ok(iv_contact_list(&it, fx->db, NULL));
	ok(iv_contact_iter_next(&c, it));
	assert_str(iv_contact_name(c), "Only");
	iv_contact_free(c);
	check(iv_contact_iter_next(&c, it), IV_ITEROVER);
	check(iv_contact_iter_next(&c, it), IV_ITEROVER);
	iv_contact_iter_free(it);
}

static void contact_list_refuses_unknown_filter_version(void **state)
{
	fixture *fx = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact_iter *it = NULL;

	f.version = 99;
	check(iv_contact_list(&it, fx->db, &f), IV_EVERSION);
	f.version = 0;
	check(iv_contact_list(&it, fx->db, &f), IV_EVERSION);
}

static void contact_filter_init_sets_defaults(void **state)
{
	iv_contact_filter f;

	(void)state;
	memset(&f, 0x5a, sizeof(f));
	ok(iv_contact_filter_init(&f, IV_CONTACT_FILTER_VERSION));
	assert_int_equal(f.version, IV_CONTACT_FILTER_VERSION);
	assert_null(f.company);
	assert_null(f.tag);
	assert_null(f.id_prefix);
	assert_null(f.name);
	check(iv_contact_filter_init(&f, 99), IV_EVERSION);
}

/* ======================================================================= */
/* Introductions                                                            */
/* ======================================================================= */

static void intro_insert_assigns_id_and_times(void **state)
{
	fixture *fx = *state;
	iv_intro *in = NULL;
	id_buf a, b;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	fx->now = T0 + 7;
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, a));
	ok(iv_intro_set_introduced(in, b));
	assert_null(iv_intro_id(in));
	ok(iv_intro_insert(fx->db, in));
	assert_v7_id(iv_intro_id(in));
	assert_int_equal(iv_intro_created(in), T0 + 7);
	assert_int_equal(iv_intro_updated(in), T0 + 7);
	iv_intro_free(in);
}

static void intro_insert_keeps_caller_id(void **state)
{
	fixture *fx = *state;
	iv_intro *in = NULL, *got = NULL;
	id_buf a, b;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, a));
	ok(iv_intro_set_introduced(in, b));
	ok(iv_intro_set_id(in, ID(7)));
	ok(iv_intro_insert(fx->db, in));
	assert_str(iv_intro_id(in), ID(7));
	ok(iv_intro_lookup(&got, fx->db, ID(7)));
	assert_str(iv_intro_introducer(got), a);
	iv_intro_free(got);
	iv_intro_free(in);
}

static void intro_insert_refuses_taken_id(void **state)
{
	fixture *fx = *state;
	iv_intro *in = NULL, *got = NULL;
	id_buf a, b, c;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_contact(fx->db, "Cat", NULL, c);
	put_intro(fx->db, a, b, IV_INTRO_SUGGESTED, ID(1), NULL);
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, a));
	ok(iv_intro_set_introduced(in, c));
	ok(iv_intro_set_id(in, ID(1)));
	check(iv_intro_insert(fx->db, in), IV_EEXISTS);
	iv_intro_free(in);
	ok(iv_intro_lookup(&got, fx->db, ID(1)));
	assert_str(iv_intro_introduced(got), b);
	iv_intro_free(got);
	assert_int_equal(count_intros(fx->db), 1);
}

static void intro_lookup_round_trips_every_field(void **state)
{
	fixture *fx = *state;
	iv_intro *in = NULL, *got = NULL;
	id_buf a, b;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, a));
	ok(iv_intro_set_introduced(in, b));
	ok(iv_intro_set_channel(in, IV_CHANNEL_IN_PERSON));
	ok(iv_intro_set_status(in, IV_INTRO_MADE));
	ok(iv_intro_set_requested_at(in, T0 - 2 * DAY));
	ok(iv_intro_set_made_at(in, T0 - DAY));
	ok(iv_intro_set_note(in, "Ann offered at the reunion.\nBen runs the lab."));
	ok(iv_intro_insert(fx->db, in));

	ok(iv_intro_lookup(&got, fx->db, iv_intro_id(in)));
	assert_str(iv_intro_id(got), iv_intro_id(in));
	assert_int_equal(iv_intro_created(got), T0);
	assert_int_equal(iv_intro_updated(got), T0);
	assert_str(iv_intro_introducer(got), a);
	assert_str(iv_intro_introduced(got), b);
	assert_int_equal(iv_intro_channel(got), IV_CHANNEL_IN_PERSON);
	assert_int_equal(iv_intro_status(got), IV_INTRO_MADE);
	assert_int_equal(iv_intro_requested_at(got), T0 - 2 * DAY);
	assert_int_equal(iv_intro_made_at(got), T0 - DAY);
	assert_str(iv_intro_note(got), "Ann offered at the reunion.\nBen runs the lab.");
	iv_intro_free(got);
	iv_intro_free(in);
}

static void intro_lookup_missing_is_notfound_naming_id(void **state)
{
	fixture *fx = *state;
	iv_intro *got = NULL;

	check(iv_intro_lookup(&got, fx->db, MISSING_ID), IV_ENOTFOUND);
	assert_message_has(MISSING_ID);
}

static void intro_lookup_malformed_id_is_invalid(void **state)
{
	fixture *fx = *state;
	iv_intro *got = NULL;

	check(iv_intro_lookup(&got, fx->db, "0190-not-a-uuid"), IV_EINVALID);
	check(iv_intro_lookup(&got, fx->db, ""), IV_EINVALID);
}

static void intro_update_replaces_fields_and_stamps_updated(void **state)
{
	fixture *fx = *state;
	iv_intro *in = NULL, *got = NULL;
	id_buf a, b, c, id;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_contact(fx->db, "Cat", NULL, c);
	put_intro(fx->db, a, b, IV_INTRO_SUGGESTED, NULL, id);

	fx->now = T0 + 2 * HOUR;
	ok(iv_intro_lookup(&in, fx->db, id));
	ok(iv_intro_set_introduced(in, c));
	ok(iv_intro_set_status(in, IV_INTRO_MADE));
	ok(iv_intro_set_channel(in, IV_CHANNEL_PHONE));
	ok(iv_intro_set_made_at(in, T0 + HOUR));
	ok(iv_intro_set_note(in, "Changed to Cat"));
	ok(iv_intro_update(fx->db, in));
	iv_intro_free(in);

	ok(iv_intro_lookup(&got, fx->db, id));
	assert_str(iv_intro_introducer(got), a);
	assert_str(iv_intro_introduced(got), c);
	assert_int_equal(iv_intro_status(got), IV_INTRO_MADE);
	assert_int_equal(iv_intro_channel(got), IV_CHANNEL_PHONE);
	assert_int_equal(iv_intro_made_at(got), T0 + HOUR);
	assert_str(iv_intro_note(got), "Changed to Cat");
	assert_int_equal(iv_intro_created(got), T0);
	assert_int_equal(iv_intro_updated(got), T0 + 2 * HOUR);
	iv_intro_free(got);
}

static void intro_update_missing_is_notfound(void **state)
{
	fixture *fx = *state;
	iv_intro *in = NULL;
	id_buf a, b;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, a));
	ok(iv_intro_set_introduced(in, b));
	ok(iv_intro_set_id(in, MISSING_ID));
	check(iv_intro_update(fx->db, in), IV_ENOTFOUND);
	iv_intro_free(in);
	assert_int_equal(count_intros(fx->db), 0);
}

static void intro_delete_then_lookup_is_notfound(void **state)
{
	fixture *fx = *state;
	iv_intro *got = NULL;
	id_buf a, b, id;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_intro(fx->db, a, b, IV_INTRO_MADE, NULL, id);
	ok(iv_intro_delete(fx->db, id, IV_DELETE_DEFAULT));
	check(iv_intro_lookup(&got, fx->db, id), IV_ENOTFOUND);
	assert_int_equal(count_intros(fx->db), 0);
	assert_int_equal(count_contacts(fx->db), 2);
}

static void intro_delete_missing_is_notfound(void **state)
{
	fixture *fx = *state;

	check(iv_intro_delete(fx->db, MISSING_ID, IV_DELETE_DEFAULT), IV_ENOTFOUND);
}

/* --- Introduction lists ------------------------------------------------- */

/*
 * Four contacts and four introductions, created an hour apart:
 * i[0] a->b suggested, i[1] a->c made, i[2] d->b made, i[3] d->c requested.
 */
static void build_intro_web(fixture *fx, id_buf p[4], id_buf i[4])
{
	put_contact(fx->db, "Ann", NULL, p[0]);
	put_contact(fx->db, "Ben", NULL, p[1]);
	put_contact(fx->db, "Cat", NULL, p[2]);
	put_contact(fx->db, "Dov", NULL, p[3]);
	fx->now = T0 + HOUR;
	put_intro(fx->db, p[0], p[1], IV_INTRO_SUGGESTED, NULL, i[0]);
	fx->now = T0 + 2 * HOUR;
	put_intro(fx->db, p[0], p[2], IV_INTRO_MADE, NULL, i[1]);
	fx->now = T0 + 3 * HOUR;
	put_intro(fx->db, p[3], p[1], IV_INTRO_MADE, NULL, i[2]);
	fx->now = T0 + 4 * HOUR;
	put_intro(fx->db, p[3], p[2], IV_INTRO_REQUESTED, NULL, i[3]);
}

static void intro_list_filters_by_introducer(void **state)
{
	fixture *fx = *state;
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	id_buf p[4], i[4];
	idlist l;

	build_intro_web(fx, p, i);
	f.introducer = p[0];
	list_intros(&l, fx->db, &f);
	EXPECT_IDS(&l, i[0], i[1]);
	f.introducer = p[3];
	list_intros(&l, fx->db, &f);
	EXPECT_IDS(&l, i[2], i[3]);
	f.introducer = p[1];
	list_intros(&l, fx->db, &f);
	assert_int_equal(l.count, 0);
}

static void intro_list_filters_by_introduced(void **state)
{
	fixture *fx = *state;
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	id_buf p[4], i[4];
	idlist l;

	build_intro_web(fx, p, i);
	f.introduced = p[1];
	list_intros(&l, fx->db, &f);
	EXPECT_IDS(&l, i[0], i[2]);
	f.introduced = p[2];
	list_intros(&l, fx->db, &f);
	EXPECT_IDS(&l, i[1], i[3]);
}

static void intro_list_filters_by_status(void **state)
{
	fixture *fx = *state;
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	id_buf p[4], i[4];
	idlist l;

	build_intro_web(fx, p, i);
	f.status = IV_INTRO_MADE;
	list_intros(&l, fx->db, &f);
	EXPECT_IDS(&l, i[1], i[2]);
	f.status = IV_INTRO_DECLINED;
	list_intros(&l, fx->db, &f);
	assert_int_equal(l.count, 0);
}

static void intro_list_combines_filters(void **state)
{
	fixture *fx = *state;
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	id_buf p[4], i[4];
	idlist l;

	build_intro_web(fx, p, i);
	f.introducer = p[3];
	f.status = IV_INTRO_MADE;
	list_intros(&l, fx->db, &f);
	EXPECT_IDS(&l, i[2]);
	f.introducer = p[0];
	f.introduced = p[2];
	f.status = 0;
	list_intros(&l, fx->db, &f);
	EXPECT_IDS(&l, i[1]);
}

static void intro_list_accepts_upper_case_filter_ids(void **state)
{
	fixture *fx = *state;
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	id_buf p[4], i[4], upper;
	idlist l;
	size_t k;

	build_intro_web(fx, p, i);
	for (k = 0; k <= IV_ID_LEN; k++)
		upper[k] = (p[0][k] >= 'a' && p[0][k] <= 'f') ? (char)(p[0][k] - 'a' + 'A') : p[0][k];
	f.introducer = upper;
	list_intros(&l, fx->db, &f);
	EXPECT_IDS(&l, i[0], i[1]);
}

static void intro_list_orders_by_created_then_id(void **state)
{
	fixture *fx = *state;
	id_buf a, b, c, d;
	idlist l;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_contact(fx->db, "Cat", NULL, c);
	put_contact(fx->db, "Dov", NULL, d);
	fx->now = T0 + 200;
	put_intro(fx->db, a, b, IV_INTRO_SUGGESTED, ID(5), NULL);
	put_intro(fx->db, a, c, IV_INTRO_SUGGESTED, ID(3), NULL);
	fx->now = T0 + 100;
	put_intro(fx->db, a, d, IV_INTRO_SUGGESTED, ID(9), NULL);
	fx->now = T0 + 300;
	put_intro(fx->db, b, c, IV_INTRO_SUGGESTED, ID(1), NULL);
	list_intros(&l, fx->db, NULL);
	EXPECT_IDS(&l, ID(9), ID(3), ID(5), ID(1));
}

static void intro_list_of_empty_store_returns_iterover_repeatedly(void **state)
{
	fixture *fx = *state;
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;

	ok(iv_intro_list(&it, fx->db, NULL));
	check(iv_intro_iter_next(&in, it), IV_ITEROVER);
	check(iv_intro_iter_next(&in, it), IV_ITEROVER);
	iv_intro_iter_free(it);
}

static void intro_list_refuses_malformed_filter(void **state)
{
	fixture *fx = *state;
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	iv_intro_iter *it = NULL;

	f.introducer = "not-a-uuid";
	check(iv_intro_list(&it, fx->db, &f), IV_EINVALID);
	f.introducer = NULL;
	f.introduced = "01900000-0000-7000-8000-0000000000zz";
	check(iv_intro_list(&it, fx->db, &f), IV_EINVALID);
	f.introduced = NULL;
	f.status = 99;
	check(iv_intro_list(&it, fx->db, &f), IV_EINVALID);
}

static void intro_list_refuses_unknown_filter_version(void **state)
{
	fixture *fx = *state;
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	iv_intro_iter *it = NULL;

	f.version = 99;
	check(iv_intro_list(&it, fx->db, &f), IV_EVERSION);
}

static void intro_filter_init_sets_defaults(void **state)
{
	iv_intro_filter f;

	(void)state;
	memset(&f, 0x5a, sizeof(f));
	ok(iv_intro_filter_init(&f, IV_INTRO_FILTER_VERSION));
	assert_int_equal(f.version, IV_INTRO_FILTER_VERSION);
	assert_null(f.introducer);
	assert_null(f.introduced);
	assert_int_equal(f.status, 0);
	assert_null(f.id_prefix);
	check(iv_intro_filter_init(&f, 99), IV_EVERSION);
}

/* --- Introduction integrity -------------------------------------------- */

static void intro_insert_refuses_missing_introducer(void **state)
{
	fixture *fx = *state;
	iv_intro *in = NULL;
	id_buf b;

	put_contact(fx->db, "Ben", NULL, b);
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, MISSING_ID));
	ok(iv_intro_set_introduced(in, b));
	check(iv_intro_insert(fx->db, in), IV_ENOTFOUND);
	assert_message_has(MISSING_ID);
	iv_intro_free(in);
	assert_int_equal(count_intros(fx->db), 0);
}

static void intro_insert_refuses_missing_introduced(void **state)
{
	fixture *fx = *state;
	iv_intro *in = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, a));
	ok(iv_intro_set_introduced(in, MISSING_ID));
	check(iv_intro_insert(fx->db, in), IV_ENOTFOUND);
	assert_message_has(MISSING_ID);
	iv_intro_free(in);
	assert_int_equal(count_intros(fx->db), 0);
}

static void intro_insert_refuses_unset_contacts(void **state)
{
	fixture *fx = *state;
	iv_intro *in = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, a));
	check(iv_intro_insert(fx->db, in), IV_EINVALID);
	iv_intro_free(in);
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introduced(in, a));
	check(iv_intro_insert(fx->db, in), IV_EINVALID);
	iv_intro_free(in);
	assert_int_equal(count_intros(fx->db), 0);
}

static void intro_insert_refuses_self_introduction(void **state)
{
	fixture *fx = *state;
	iv_intro *in = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, a));
	ok(iv_intro_set_introduced(in, a));
	check(iv_intro_insert(fx->db, in), IV_EINVALID);
	iv_intro_free(in);
	assert_int_equal(count_intros(fx->db), 0);
}

static void intro_update_refuses_missing_contact(void **state)
{
	fixture *fx = *state;
	iv_intro *in = NULL, *got = NULL;
	id_buf a, b, id;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_intro(fx->db, a, b, IV_INTRO_SUGGESTED, NULL, id);
	fx->now = T0 + 50;
	ok(iv_intro_lookup(&in, fx->db, id));
	ok(iv_intro_set_introduced(in, MISSING_ID));
	check(iv_intro_update(fx->db, in), IV_ENOTFOUND);
	assert_message_has(MISSING_ID);
	iv_intro_free(in);
	ok(iv_intro_lookup(&got, fx->db, id));
	assert_str(iv_intro_introduced(got), b);
	assert_int_equal(iv_intro_updated(got), T0);
	iv_intro_free(got);
}

/* ======================================================================= */
/* Interviews                                                               */
/* ======================================================================= */

static void interview_insert_assigns_id_and_times(void **state)
{
	fixture *fx = *state;
	iv_interview *iv = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	fx->now = T0 + 9;
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, a));
	assert_null(iv_interview_id(iv));
	ok(iv_interview_insert(fx->db, iv));
	assert_v7_id(iv_interview_id(iv));
	assert_int_equal(iv_interview_created(iv), T0 + 9);
	assert_int_equal(iv_interview_updated(iv), T0 + 9);
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_PLANNED), T0 + 9);
	iv_interview_free(iv);
}

static void interview_insert_keeps_caller_id(void **state)
{
	fixture *fx = *state;
	iv_interview *iv = NULL, *got = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, a));
	ok(iv_interview_set_id(iv, ID(8)));
	ok(iv_interview_insert(fx->db, iv));
	assert_str(iv_interview_id(iv), ID(8));
	ok(iv_interview_lookup(&got, fx->db, ID(8)));
	assert_str(iv_interview_contact(got), a);
	iv_interview_free(got);
	iv_interview_free(iv);
}

static void interview_insert_refuses_taken_id(void **state)
{
	fixture *fx = *state;
	iv_interview *iv = NULL, *got = NULL;
	id_buf a, b;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_interview(fx->db, a, NULL, IV_INTERVIEW_PLANNED, ID(2), NULL);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, b));
	ok(iv_interview_set_id(iv, ID(2)));
	check(iv_interview_insert(fx->db, iv), IV_EEXISTS);
	iv_interview_free(iv);
	ok(iv_interview_lookup(&got, fx->db, ID(2)));
	assert_str(iv_interview_contact(got), a);
	iv_interview_free(got);
	assert_int_equal(count_interviews(fx->db), 1);
}

static void interview_lookup_round_trips_every_field(void **state)
{
	fixture *fx = *state;
	iv_interview *iv = NULL, *got = NULL;
	id_buf a, b, intro;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_intro(fx->db, b, a, IV_INTRO_MADE, NULL, intro);

	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, a));
	ok(iv_interview_set_intro(iv, intro));
	ok(iv_interview_set_purpose(iv, "Learn what a clinical data manager does"));
	ok(iv_interview_set_notes(iv, "Very open.\nSuggested two people."));
	ok(iv_interview_set_medium(iv, IV_MEDIUM_VIDEO));
	ok(iv_interview_set_scheduled_at(iv, T0 + 2 * DAY));
	ok(iv_interview_set_minutes(iv, 45));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_SCHEDULED));
	ok(iv_interview_set_status_at(iv, IV_INTERVIEW_REQUESTED, T0 - 3 * DAY));
	ok(iv_interview_set_status_at(iv, IV_INTERVIEW_SCHEDULED, T0 - DAY));
	ok(iv_interview_add_question(iv, "How did you get into this field?"));
	ok(iv_interview_add_question(iv, "What does a typical week look like?"));
	ok(iv_interview_add_question(iv, "Who else should I talk to?"));
	ok(iv_interview_add_question(iv, "An unanswered last one"));
	ok(iv_interview_set_answer(iv, 0, "By accident, through a temp job."));
	ok(iv_interview_set_answer(iv, 2, "Talk to Sam in biostatistics."));
	ok(iv_interview_add_advice(iv, "Learn SQL properly"));
	ok(iv_interview_add_advice(iv, "Join the professional society"));
	ok(iv_interview_add_resource(iv, "https://example.org/ccdm-guide"));
	ok(iv_interview_add_resource(iv, "Book: Data Management in Clinical Trials"));
	ok(iv_interview_insert(fx->db, iv));

	ok(iv_interview_lookup(&got, fx->db, iv_interview_id(iv)));
	assert_str(iv_interview_id(got), iv_interview_id(iv));
	assert_int_equal(iv_interview_created(got), T0);
	assert_int_equal(iv_interview_updated(got), T0);
	assert_str(iv_interview_contact(got), a);
	assert_str(iv_interview_intro(got), intro);
	assert_str(iv_interview_purpose(got), "Learn what a clinical data manager does");
	assert_str(iv_interview_notes(got), "Very open.\nSuggested two people.");
	assert_int_equal(iv_interview_medium(got), IV_MEDIUM_VIDEO);
	assert_int_equal(iv_interview_scheduled_at(got), T0 + 2 * DAY);
	assert_int_equal(iv_interview_minutes(got), 45);
	assert_int_equal(iv_interview_status(got), IV_INTERVIEW_SCHEDULED);
	assert_int_equal(iv_interview_status_at(got, IV_INTERVIEW_PLANNED), T0);
	assert_int_equal(iv_interview_status_at(got, IV_INTERVIEW_REQUESTED), T0 - 3 * DAY);
	assert_int_equal(iv_interview_status_at(got, IV_INTERVIEW_SCHEDULED), T0 - DAY);
	assert_int_equal(iv_interview_status_at(got, IV_INTERVIEW_COMPLETED), 0);
	assert_int_equal(iv_interview_question_count(got), 4);
	assert_str(iv_interview_question_at(got, 0), "How did you get into this field?");
	assert_str(iv_interview_question_at(got, 1), "What does a typical week look like?");
	assert_str(iv_interview_question_at(got, 2), "Who else should I talk to?");
	assert_str(iv_interview_question_at(got, 3), "An unanswered last one");
	assert_str(iv_interview_answer_at(got, 0), "By accident, through a temp job.");
	assert_null(iv_interview_answer_at(got, 1));
	assert_str(iv_interview_answer_at(got, 2), "Talk to Sam in biostatistics.");
	assert_null(iv_interview_answer_at(got, 3));
	assert_int_equal(iv_interview_advice_count(got), 2);
	assert_str(iv_interview_advice_at(got, 0), "Learn SQL properly");
	assert_str(iv_interview_advice_at(got, 1), "Join the professional society");
	assert_int_equal(iv_interview_resource_count(got), 2);
	assert_str(iv_interview_resource_at(got, 0), "https://example.org/ccdm-guide");
	assert_str(iv_interview_resource_at(got, 1), "Book: Data Management in Clinical Trials");
	iv_interview_free(got);
	iv_interview_free(iv);
}

static void interview_lookup_round_trips_defaults(void **state)
{
	fixture *fx = *state;
	iv_interview *got = NULL;
	iv_interview *iv = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, a));
	ok(iv_interview_insert(fx->db, iv));
	ok(iv_interview_lookup(&got, fx->db, iv_interview_id(iv)));
	assert_null(iv_interview_intro(got));
	assert_null(iv_interview_purpose(got));
	assert_null(iv_interview_notes(got));
	assert_int_equal(iv_interview_medium(got), IV_MEDIUM_UNSET);
	assert_int_equal(iv_interview_scheduled_at(got), 0);
	assert_int_equal(iv_interview_minutes(got), IV_INTERVIEW_DEFAULT_MINUTES);
	assert_int_equal(iv_interview_status(got), IV_INTERVIEW_PLANNED);
	assert_int_equal(iv_interview_question_count(got), 0);
	assert_int_equal(iv_interview_advice_count(got), 0);
	assert_int_equal(iv_interview_resource_count(got), 0);
	iv_interview_free(got);
	iv_interview_free(iv);
}

static void interview_lookup_missing_is_notfound_naming_id(void **state)
{
	fixture *fx = *state;
	iv_interview *got = NULL;

	check(iv_interview_lookup(&got, fx->db, MISSING_ID), IV_ENOTFOUND);
	assert_message_has(MISSING_ID);
}

static void interview_lookup_malformed_id_is_invalid(void **state)
{
	fixture *fx = *state;
	iv_interview *got = NULL;

	check(iv_interview_lookup(&got, fx->db, "interview-1"), IV_EINVALID);
	check(iv_interview_lookup(&got, fx->db, "{01900000-0000-7000-8000-000000000001}"), IV_EINVALID);
}

static void interview_update_replaces_fields_and_stamps_updated(void **state)
{
	fixture *fx = *state;
	iv_interview *iv = NULL, *got = NULL;
	id_buf a, b, intro, id;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_intro(fx->db, b, a, IV_INTRO_MADE, NULL, intro);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, a));
	ok(iv_interview_set_intro(iv, intro));
	ok(iv_interview_set_purpose(iv, "Old purpose"));
	ok(iv_interview_add_question(iv, "First question"));
	ok(iv_interview_add_question(iv, "Second question"));
	ok(iv_interview_add_advice(iv, "Old advice"));
	ok(iv_interview_insert(fx->db, iv));
	copy_id(id, iv_interview_id(iv));
	iv_interview_free(iv);
	iv = NULL;

	fx->now = T0 + DAY;
	ok(iv_interview_lookup(&iv, fx->db, id));
	ok(iv_interview_set_intro(iv, NULL));
	ok(iv_interview_set_purpose(iv, "New purpose"));
	ok(iv_interview_set_medium(iv, IV_MEDIUM_PHONE));
	ok(iv_interview_set_minutes(iv, 20));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_REQUESTED));
	ok(iv_interview_set_status_at(iv, IV_INTERVIEW_REQUESTED, T0 + DAY - HOUR));
	ok(iv_interview_remove_question(iv, 0));
	ok(iv_interview_set_answer(iv, 0, "Answer to the second"));
	ok(iv_interview_add_question(iv, "Third question"));
	ok(iv_interview_remove_advice(iv, 0));
	ok(iv_interview_add_resource(iv, "New resource"));
	ok(iv_interview_update(fx->db, iv));
	iv_interview_free(iv);

	ok(iv_interview_lookup(&got, fx->db, id));
	assert_str(iv_interview_contact(got), a);
	assert_null(iv_interview_intro(got));
	assert_str(iv_interview_purpose(got), "New purpose");
	assert_int_equal(iv_interview_medium(got), IV_MEDIUM_PHONE);
	assert_int_equal(iv_interview_minutes(got), 20);
	assert_int_equal(iv_interview_status(got), IV_INTERVIEW_REQUESTED);
	assert_int_equal(iv_interview_status_at(got, IV_INTERVIEW_REQUESTED), T0 + DAY - HOUR);
	assert_int_equal(iv_interview_question_count(got), 2);
	assert_str(iv_interview_question_at(got, 0), "Second question");
	assert_str(iv_interview_answer_at(got, 0), "Answer to the second");
	assert_str(iv_interview_question_at(got, 1), "Third question");
	assert_null(iv_interview_answer_at(got, 1));
	assert_int_equal(iv_interview_advice_count(got), 0);
	assert_int_equal(iv_interview_resource_count(got), 1);
	assert_str(iv_interview_resource_at(got, 0), "New resource");
	assert_int_equal(iv_interview_created(got), T0);
	assert_int_equal(iv_interview_updated(got), T0 + DAY);
	iv_interview_free(got);
}

static void interview_update_missing_is_notfound(void **state)
{
	fixture *fx = *state;
	iv_interview *iv = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, a));
	ok(iv_interview_set_id(iv, MISSING_ID));
	check(iv_interview_update(fx->db, iv), IV_ENOTFOUND);
	iv_interview_free(iv);
	assert_int_equal(count_interviews(fx->db), 0);
}

static void interview_delete_then_lookup_is_notfound(void **state)
{
	fixture *fx = *state;
	iv_interview *got = NULL;
	id_buf a, id;

	put_contact(fx->db, "Ann", NULL, a);
	put_interview(fx->db, a, NULL, IV_INTERVIEW_PLANNED, NULL, id);
	ok(iv_interview_delete(fx->db, id, IV_DELETE_DEFAULT));
	check(iv_interview_lookup(&got, fx->db, id), IV_ENOTFOUND);
	assert_int_equal(count_interviews(fx->db), 0);
	assert_true(contact_exists(fx->db, a));
}

static void interview_delete_missing_is_notfound(void **state)
{
	fixture *fx = *state;

	check(iv_interview_delete(fx->db, MISSING_ID, IV_DELETE_DEFAULT), IV_ENOTFOUND);
}

/* --- Interview lists ---------------------------------------------------- */

/*
 * Contacts p[0..2]; intro x: p[2] introduces p[0]; interviews an hour apart:
 * v[0] p[0] via x planned, v[1] p[1] completed, v[2] p[0] completed.
 */
static void build_interviews(fixture *fx, id_buf p[3], id_buf x, id_buf v[3])
{
	put_contact(fx->db, "Ann", NULL, p[0]);
	put_contact(fx->db, "Ben", NULL, p[1]);
	put_contact(fx->db, "Cat", NULL, p[2]);
	put_intro(fx->db, p[2], p[0], IV_INTRO_MADE, NULL, x);
	fx->now = T0 + HOUR;
	put_interview(fx->db, p[0], x, IV_INTERVIEW_PLANNED, NULL, v[0]);
	fx->now = T0 + 2 * HOUR;
	put_interview(fx->db, p[1], NULL, IV_INTERVIEW_COMPLETED, NULL, v[1]);
	fx->now = T0 + 3 * HOUR;
	put_interview(fx->db, p[0], NULL, IV_INTERVIEW_COMPLETED, NULL, v[2]);
}

static void interview_list_filters_by_contact(void **state)
{
	fixture *fx = *state;
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	id_buf p[3], x, v[3];
	idlist l;

	build_interviews(fx, p, x, v);
	f.contact = p[0];
	list_interviews(&l, fx->db, &f);
	EXPECT_IDS(&l, v[0], v[2]);
	f.contact = p[2];
	list_interviews(&l, fx->db, &f);
	assert_int_equal(l.count, 0);
}

static void interview_list_filters_by_status(void **state)
{
	fixture *fx = *state;
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	id_buf p[3], x, v[3];
	idlist l;

	build_interviews(fx, p, x, v);
	f.status = IV_INTERVIEW_COMPLETED;
	list_interviews(&l, fx->db, &f);
	EXPECT_IDS(&l, v[1], v[2]);
	f.status = IV_INTERVIEW_PLANNED;
	list_interviews(&l, fx->db, &f);
	EXPECT_IDS(&l, v[0]);
}

static void interview_list_filters_by_intro(void **state)
{
	fixture *fx = *state;
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	id_buf p[3], x, v[3];
	idlist l;

	build_interviews(fx, p, x, v);
	f.intro = x;
	list_interviews(&l, fx->db, &f);
	EXPECT_IDS(&l, v[0]);
}

static void interview_list_combines_filters(void **state)
{
	fixture *fx = *state;
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	id_buf p[3], x, v[3];
	idlist l;

	build_interviews(fx, p, x, v);
	f.contact = p[0];
	f.status = IV_INTERVIEW_COMPLETED;
	list_interviews(&l, fx->db, &f);
	EXPECT_IDS(&l, v[2]);
}

static void interview_list_orders_by_created_then_id(void **state)
{
	fixture *fx = *state;
	id_buf a;
	idlist l;

	put_contact(fx->db, "Ann", NULL, a);
	fx->now = T0 + 200;
	put_interview(fx->db, a, NULL, IV_INTERVIEW_PLANNED, ID(6), NULL);
	put_interview(fx->db, a, NULL, IV_INTERVIEW_PLANNED, ID(2), NULL);
	fx->now = T0 + 100;
	put_interview(fx->db, a, NULL, IV_INTERVIEW_PLANNED, ID(8), NULL);
	fx->now = T0 + 300;
	put_interview(fx->db, a, NULL, IV_INTERVIEW_PLANNED, ID(0), NULL);
	list_interviews(&l, fx->db, NULL);
	EXPECT_IDS(&l, ID(8), ID(2), ID(6), ID(0));
}

static void interview_list_of_empty_store_returns_iterover_repeatedly(void **state)
{
	fixture *fx = *state;
	iv_interview_iter *it = NULL;
	iv_interview *iv = NULL;

	ok(iv_interview_list(&it, fx->db, NULL));
	check(iv_interview_iter_next(&iv, it), IV_ITEROVER);
	check(iv_interview_iter_next(&iv, it), IV_ITEROVER);
	iv_interview_iter_free(it);
}

static void interview_list_refuses_malformed_filter(void **state)
{
	fixture *fx = *state;
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	iv_interview_iter *it = NULL;

	f.contact = "bad";
	check(iv_interview_list(&it, fx->db, &f), IV_EINVALID);
	f.contact = NULL;
	f.intro = "01900000_0000_7000_8000_000000000001";
	check(iv_interview_list(&it, fx->db, &f), IV_EINVALID);
}

static void interview_list_refuses_unknown_filter_version(void **state)
{
	fixture *fx = *state;
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	iv_interview_iter *it = NULL;

	f.version = 99;
	check(iv_interview_list(&it, fx->db, &f), IV_EVERSION);
}

static void interview_filter_init_sets_defaults(void **state)
{
	iv_interview_filter f;

	(void)state;
	memset(&f, 0x5a, sizeof(f));
	ok(iv_interview_filter_init(&f, IV_INTERVIEW_FILTER_VERSION));
	assert_int_equal(f.version, IV_INTERVIEW_FILTER_VERSION);
	assert_null(f.contact);
	assert_int_equal(f.status, 0);
	assert_null(f.intro);
	assert_null(f.id_prefix);
	check(iv_interview_filter_init(&f, 99), IV_EVERSION);
}

/* --- Interview integrity ------------------------------------------------ */

static void interview_insert_refuses_missing_contact(void **state)
{
	fixture *fx = *state;
	iv_interview *iv = NULL;

	put_contact(fx->db, "Ann", NULL, NULL);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, MISSING_ID));
	check(iv_interview_insert(fx->db, iv), IV_ENOTFOUND);
	assert_message_has(MISSING_ID);
	iv_interview_free(iv);
	assert_int_equal(count_interviews(fx->db), 0);
}

static void interview_insert_refuses_unset_contact(void **state)
{
	fixture *fx = *state;
	iv_interview *iv = NULL;

	ok(iv_interview_new(&iv));
	check(iv_interview_insert(fx->db, iv), IV_EINVALID);
	iv_interview_free(iv);
	assert_int_equal(count_interviews(fx->db), 0);
}

static void interview_insert_refuses_missing_intro(void **state)
{
	fixture *fx = *state;
	iv_interview *iv = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, a));
	ok(iv_interview_set_intro(iv, MISSING_ID));
	check(iv_interview_insert(fx->db, iv), IV_ENOTFOUND);
	assert_message_has(MISSING_ID);
	iv_interview_free(iv);
	assert_int_equal(count_interviews(fx->db), 0);
}

static void interview_insert_refuses_intro_not_introducing_contact(void **state)
{
	fixture *fx = *state;
	iv_interview *iv = NULL;
	id_buf a, b, c, intro;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_contact(fx->db, "Cat", NULL, c);
	put_intro(fx->db, b, a, IV_INTRO_MADE, NULL, intro);

	/* The introducer is not the one introduced. */
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, b));
	ok(iv_interview_set_intro(iv, intro));
	check(iv_interview_insert(fx->db, iv), IV_EINVALID);
	iv_interview_free(iv);

	/* Nor is someone unrelated. */
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, c));
	ok(iv_interview_set_intro(iv, intro));
	check(iv_interview_insert(fx->db, iv), IV_EINVALID);
	iv_interview_free(iv);
	assert_int_equal(count_interviews(fx->db), 0);
}

static void interview_update_refuses_missing_intro(void **state)
{
	fixture *fx = *state;
	iv_interview *iv = NULL, *got = NULL;
	id_buf a, id;

	put_contact(fx->db, "Ann", NULL, a);
	put_interview(fx->db, a, NULL, IV_INTERVIEW_PLANNED, NULL, id);
	fx->now = T0 + 60;
	ok(iv_interview_lookup(&iv, fx->db, id));
	ok(iv_interview_set_intro(iv, MISSING_ID));
	ok(iv_interview_set_purpose(iv, "Should not be stored"));
	check(iv_interview_update(fx->db, iv), IV_ENOTFOUND);
	assert_message_has(MISSING_ID);
	iv_interview_free(iv);
	ok(iv_interview_lookup(&got, fx->db, id));
	assert_null(iv_interview_intro(got));
	assert_str(iv_interview_purpose(got), "Learn how the job really works");
	assert_int_equal(iv_interview_updated(got), T0);
	iv_interview_free(got);
}

/* ======================================================================= */
/* Follow-ups                                                               */
/* ======================================================================= */

static void followup_insert_assigns_id_and_times(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	fx->now = T0 + 11;
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, a));
	ok(iv_followup_set_due(fu, T0 + DAY));
	assert_null(iv_followup_id(fu));
	ok(iv_followup_insert(fx->db, fu));
	assert_v7_id(iv_followup_id(fu));
	assert_int_equal(iv_followup_created(fu), T0 + 11);
	assert_int_equal(iv_followup_updated(fu), T0 + 11);
	iv_followup_free(fu);
}

static void followup_insert_keeps_caller_id(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL, *got = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, a));
	ok(iv_followup_set_due(fu, T0 + DAY));
	ok(iv_followup_set_id(fu, ID(4)));
	ok(iv_followup_insert(fx->db, fu));
	assert_str(iv_followup_id(fu), ID(4));
	ok(iv_followup_lookup(&got, fx->db, ID(4)));
	assert_str(iv_followup_contact(got), a);
	iv_followup_free(got);
	iv_followup_free(fu);
}

static void followup_insert_refuses_taken_id(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL, *got = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	put_followup(fx->db, a, NULL, T0 + DAY, IV_FOLLOWUP_PENDING, ID(3), NULL);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, a));
	ok(iv_followup_set_due(fu, T0 + 5 * DAY));
	ok(iv_followup_set_id(fu, ID(3)));
	check(iv_followup_insert(fx->db, fu), IV_EEXISTS);
	iv_followup_free(fu);
	ok(iv_followup_lookup(&got, fx->db, ID(3)));
	assert_int_equal(iv_followup_due(got), T0 + DAY);
	iv_followup_free(got);
	assert_int_equal(count_followups(fx->db), 1);
}

static void followup_lookup_round_trips_every_field(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL, *got = NULL;
	id_buf a, v;

	put_contact(fx->db, "Ann", NULL, a);
	put_interview(fx->db, a, NULL, IV_INTERVIEW_SCHEDULED, NULL, v);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, a));
	ok(iv_followup_set_interview(fu, v));
	ok(iv_followup_set_kind(fu, IV_FOLLOWUP_THANK_YOU));
	ok(iv_followup_set_status(fu, IV_FOLLOWUP_DONE));
	ok(iv_followup_set_earliest(fu, T0 + 3 * HOUR));
	ok(iv_followup_set_due(fu, T0 + DAY));
	ok(iv_followup_set_closed_at(fu, T0 + 5 * HOUR));
	ok(iv_followup_set_note(fu, "Thank Ann for the talk"));
	ok(iv_followup_set_draft(fu, "Dear Ann,\n\nThank you for your time.\n"));
	ok(iv_followup_insert(fx->db, fu));

	ok(iv_followup_lookup(&got, fx->db, iv_followup_id(fu)));
	assert_str(iv_followup_id(got), iv_followup_id(fu));
	assert_int_equal(iv_followup_created(got), T0);
	assert_int_equal(iv_followup_updated(got), T0);
	assert_str(iv_followup_contact(got), a);
	assert_str(iv_followup_interview(got), v);
	assert_int_equal(iv_followup_kind(got), IV_FOLLOWUP_THANK_YOU);
	assert_int_equal(iv_followup_status(got), IV_FOLLOWUP_DONE);
	assert_int_equal(iv_followup_earliest(got), T0 + 3 * HOUR);
	assert_int_equal(iv_followup_due(got), T0 + DAY);
	assert_int_equal(iv_followup_closed_at(got), T0 + 5 * HOUR);
	assert_str(iv_followup_note(got), "Thank Ann for the talk");
	assert_str(iv_followup_draft(got), "Dear Ann,\n\nThank you for your time.\n");
	iv_followup_free(got);
	iv_followup_free(fu);
}

static void followup_lookup_round_trips_defaults(void **state)
{
	fixture *fx = *state;
	iv_followup *got = NULL;
	id_buf a, id;

	put_contact(fx->db, "Ann", NULL, a);
	put_followup(fx->db, a, NULL, T0 + DAY, IV_FOLLOWUP_PENDING, NULL, id);
	ok(iv_followup_lookup(&got, fx->db, id));
	assert_null(iv_followup_interview(got));
	assert_int_equal(iv_followup_kind(got), IV_FOLLOWUP_CUSTOM);
	assert_int_equal(iv_followup_status(got), IV_FOLLOWUP_PENDING);
	assert_int_equal(iv_followup_earliest(got), 0);
	assert_int_equal(iv_followup_closed_at(got), 0);
	assert_null(iv_followup_note(got));
	assert_null(iv_followup_draft(got));
	iv_followup_free(got);
}

static void followup_lookup_missing_is_notfound_naming_id(void **state)
{
	fixture *fx = *state;
	iv_followup *got = NULL;

	check(iv_followup_lookup(&got, fx->db, MISSING_ID), IV_ENOTFOUND);
	assert_message_has(MISSING_ID);
}

static void followup_lookup_malformed_id_is_invalid(void **state)
{
	fixture *fx = *state;
	iv_followup *got = NULL;

	check(iv_followup_lookup(&got, fx->db, "01900000-0000-7000-8000-000000000001x"), IV_EINVALID);
	check(iv_followup_lookup(&got, fx->db, " 01900000-0000-7000-8000-000000000001"), IV_EINVALID);
}

static void followup_update_replaces_fields_and_stamps_updated(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL, *got = NULL;
	id_buf a, v, id;

	put_contact(fx->db, "Ann", NULL, a);
	put_interview(fx->db, a, NULL, IV_INTERVIEW_SCHEDULED, NULL, v);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, a));
	ok(iv_followup_set_interview(fu, v));
	ok(iv_followup_set_due(fu, T0 + DAY));
	ok(iv_followup_set_note(fu, "Old note"));
	ok(iv_followup_insert(fx->db, fu));
	copy_id(id, iv_followup_id(fu));
	iv_followup_free(fu);
	fu = NULL;

	fx->now = T0 + 6 * HOUR;
	ok(iv_followup_lookup(&fu, fx->db, id));
	ok(iv_followup_set_interview(fu, NULL));
	ok(iv_followup_set_kind(fu, IV_FOLLOWUP_CHECK_IN));
	ok(iv_followup_set_status(fu, IV_FOLLOWUP_SKIPPED));
	ok(iv_followup_set_due(fu, T0 + 2 * DAY));
	ok(iv_followup_set_closed_at(fu, T0 + 6 * HOUR));
	ok(iv_followup_set_note(fu, NULL));
	ok(iv_followup_set_draft(fu, "New draft"));
	ok(iv_followup_update(fx->db, fu));
	iv_followup_free(fu);

	ok(iv_followup_lookup(&got, fx->db, id));
	assert_null(iv_followup_interview(got));
	assert_int_equal(iv_followup_kind(got), IV_FOLLOWUP_CHECK_IN);
	assert_int_equal(iv_followup_status(got), IV_FOLLOWUP_SKIPPED);
	assert_int_equal(iv_followup_due(got), T0 + 2 * DAY);
	assert_int_equal(iv_followup_closed_at(got), T0 + 6 * HOUR);
	assert_null(iv_followup_note(got));
	assert_str(iv_followup_draft(got), "New draft");
	assert_int_equal(iv_followup_created(got), T0);
	assert_int_equal(iv_followup_updated(got), T0 + 6 * HOUR);
	iv_followup_free(got);
}

static void followup_update_missing_is_notfound(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, a));
	ok(iv_followup_set_due(fu, T0 + DAY));
	ok(iv_followup_set_id(fu, MISSING_ID));
	check(iv_followup_update(fx->db, fu), IV_ENOTFOUND);
	iv_followup_free(fu);
	assert_int_equal(count_followups(fx->db), 0);
}

static void followup_delete_then_lookup_is_notfound(void **state)
{
	fixture *fx = *state;
	iv_followup *got = NULL;
	id_buf a, id;

	put_contact(fx->db, "Ann", NULL, a);
	put_followup(fx->db, a, NULL, T0 + DAY, IV_FOLLOWUP_PENDING, NULL, id);
	ok(iv_followup_delete(fx->db, id, IV_DELETE_DEFAULT));
	check(iv_followup_lookup(&got, fx->db, id), IV_ENOTFOUND);
	assert_int_equal(count_followups(fx->db), 0);
	assert_true(contact_exists(fx->db, a));
}

static void followup_delete_missing_is_notfound(void **state)
{
	fixture *fx = *state;

	check(iv_followup_delete(fx->db, MISSING_ID, IV_DELETE_DEFAULT), IV_ENOTFOUND);
}

/* --- Follow-up lists ---------------------------------------------------- */

/*
 * Contacts p[0], p[1]; interview v on p[0]; follow-ups:
 * f[0] p[0] due +300 pending, f[1] p[1] due +100 done,
 * f[2] p[0] about v due +200 pending, f[3] p[1] due +400 pending.
 */
static void build_followups(fixture *fx, id_buf p[2], id_buf v, id_buf f[4])
{
	put_contact(fx->db, "Ann", NULL, p[0]);
	put_contact(fx->db, "Ben", NULL, p[1]);
	put_interview(fx->db, p[0], NULL, IV_INTERVIEW_SCHEDULED, NULL, v);
	put_followup(fx->db, p[0], NULL, T0 + 300, IV_FOLLOWUP_PENDING, NULL, f[0]);
	put_followup(fx->db, p[1], NULL, T0 + 100, IV_FOLLOWUP_DONE, NULL, f[1]);
	put_followup(fx->db, p[0], v, T0 + 200, IV_FOLLOWUP_PENDING, NULL, f[2]);
	put_followup(fx->db, p[1], NULL, T0 + 400, IV_FOLLOWUP_PENDING, NULL, f[3]);
}

static void followup_list_orders_by_due_then_id(void **state)
{
	fixture *fx = *state;
	id_buf a;
	idlist l;

	put_contact(fx->db, "Ann", NULL, a);
	put_followup(fx->db, a, NULL, T0 + 200, IV_FOLLOWUP_PENDING, ID(9), NULL);
	put_followup(fx->db, a, NULL, T0 + 200, IV_FOLLOWUP_PENDING, ID(2), NULL);
	put_followup(fx->db, a, NULL, T0 + 100, IV_FOLLOWUP_PENDING, ID(5), NULL);
	put_followup(fx->db, a, NULL, T0 + 900, IV_FOLLOWUP_PENDING, ID(1), NULL);
	list_followups(&l, fx->db, NULL);
	EXPECT_IDS(&l, ID(5), ID(2), ID(9), ID(1));
}

static void followup_list_filters_by_status(void **state)
{
	fixture *fx = *state;
	iv_followup_filter flt = IV_FOLLOWUP_FILTER_INIT;
	id_buf p[2], v, f[4];
	idlist l;

	build_followups(fx, p, v, f);
	flt.status = IV_FOLLOWUP_PENDING;
	list_followups(&l, fx->db, &flt);
	EXPECT_IDS(&l, f[2], f[0], f[3]);
	flt.status = IV_FOLLOWUP_DONE;
	list_followups(&l, fx->db, &flt);
	EXPECT_IDS(&l, f[1]);
}

static void followup_list_filters_by_due_before_inclusive(void **state)
{
	fixture *fx = *state;
	iv_followup_filter flt = IV_FOLLOWUP_FILTER_INIT;
	id_buf p[2], v, f[4];
	idlist l;

	build_followups(fx, p, v, f);
	flt.due_before = T0 + 300;
	list_followups(&l, fx->db, &flt);
	EXPECT_IDS(&l, f[1], f[2], f[0]);
	flt.due_before = T0 + 99;
	list_followups(&l, fx->db, &flt);
	assert_int_equal(l.count, 0);
}

static void followup_list_combines_status_and_due_before(void **state)
{
	fixture *fx = *state;
	iv_followup_filter flt = IV_FOLLOWUP_FILTER_INIT;
	id_buf p[2], v, f[4];
	idlist l;

	build_followups(fx, p, v, f);
	flt.status = IV_FOLLOWUP_PENDING;
	flt.due_before = T0 + 300;
	list_followups(&l, fx->db, &flt);
	EXPECT_IDS(&l, f[2], f[0]);
}

static void followup_list_filters_by_contact(void **state)
{
	fixture *fx = *state;
	iv_followup_filter flt = IV_FOLLOWUP_FILTER_INIT;
	id_buf p[2], v, f[4];
	idlist l;

	build_followups(fx, p, v, f);
	flt.contact = p[1];
	list_followups(&l, fx->db, &flt);
	EXPECT_IDS(&l, f[1], f[3]);
	flt.contact = p[0];
	list_followups(&l, fx->db, &flt);
	EXPECT_IDS(&l, f[2], f[0]);
}

static void followup_list_filters_by_interview(void **state)
{
	fixture *fx = *state;
	iv_followup_filter flt = IV_FOLLOWUP_FILTER_INIT;
	id_buf p[2], v, f[4];
	idlist l;

	build_followups(fx, p, v, f);
	flt.interview = v;
	list_followups(&l, fx->db, &flt);
	EXPECT_IDS(&l, f[2]);
}

/* Stores a pending follow-up to `contact` with a rule key and times. */
static void put_ruled_followup(iv_db *db, const char *contact, const char *rule,
                               iv_time earliest, iv_time due, id_buf out)
{
	iv_followup *fu = NULL;

	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, contact));
	ok(iv_followup_set_rule(fu, rule));
	ok(iv_followup_set_earliest(fu, earliest));
	ok(iv_followup_set_due(fu, due));
	ok(iv_followup_insert(db, fu));
	copy_id(out, iv_followup_id(fu));
	iv_followup_free(fu);
}

static void followup_rule_round_trips(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL;
	id_buf a, f[2];

	put_contact(fx->db, "Ann", NULL, a);
	put_ruled_followup(fx->db, a, "thank_you:" ID(1), 0, T0 + DAY, f[0]);
	put_ruled_followup(fx->db, a, NULL, 0, T0 + DAY, f[1]);
	ok(iv_followup_lookup(&fu, fx->db, f[0]));
	assert_str(iv_followup_rule(fu), "thank_you:" ID(1));
	/* and an update replaces it */
	ok(iv_followup_set_rule(fu, "nudge:" ID(2)));
	ok(iv_followup_update(fx->db, fu));
	iv_followup_free(fu);
	fu = NULL;
	ok(iv_followup_lookup(&fu, fx->db, f[0]));
	assert_str(iv_followup_rule(fu), "nudge:" ID(2));
	iv_followup_free(fu);
	fu = NULL;
	ok(iv_followup_lookup(&fu, fx->db, f[1]));
	assert_null(iv_followup_rule(fu));
	iv_followup_free(fu);
}

static void followup_list_by_rule(void **state)
{
	fixture *fx = *state;
	iv_followup_filter flt = IV_FOLLOWUP_FILTER_INIT;
	id_buf a, b, f[5];
	idlist l;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_ruled_followup(fx->db, a, "nudge:x", 0, T0 + 300, f[0]);
	put_ruled_followup(fx->db, b, "nudge:x", 0, T0 + 100, f[1]);
	put_ruled_followup(fx->db, a, "nudge:xy", 0, T0 + 200, f[2]);
	put_ruled_followup(fx->db, a, "Nudge:x", 0, T0 + 200, f[3]);
	put_ruled_followup(fx->db, a, NULL, 0, T0 + 200, f[4]);
	/* exact and case-sensitive: no prefix, no case folding */
	flt.rule = "nudge:x";
	list_followups(&l, fx->db, &flt);
	EXPECT_IDS(&l, f[1], f[0]);
	/* and combined with a narrowing filter */
	flt.contact = a;
	list_followups(&l, fx->db, &flt);
	EXPECT_IDS(&l, f[0]);
	flt.contact = NULL;
	flt.rule = "nudge:none";
	list_followups(&l, fx->db, &flt);
	assert_int_equal(l.count, 0);
}

static void followup_list_by_earliest_before(void **state)
{
	fixture *fx = *state;
	iv_followup_filter flt = IV_FOLLOWUP_FILTER_INIT;
	id_buf a, f[4];
	idlist l;

	put_contact(fx->db, "Ann", NULL, a);
	put_ruled_followup(fx->db, a, NULL, T0 + 100, T0 + 900, f[0]);
	put_ruled_followup(fx->db, a, NULL, T0 + 200, T0 + 500, f[1]);
	put_ruled_followup(fx->db, a, NULL, 0, T0 + 700, f[2]);
	put_ruled_followup(fx->db, a, NULL, T0 + 201, T0 + 300, f[3]);
	/* inclusive; an unset earliest time (0) is "any time", so it is always in */
	flt.earliest_before = T0 + 200;
	list_followups(&l, fx->db, &flt);
	EXPECT_IDS(&l, f[1], f[2], f[0]);
	/* as the agenda asks: pending ones, by due time */
	flt.status = IV_FOLLOWUP_PENDING;
	flt.earliest_before = T0 + 201;
	list_followups(&l, fx->db, &flt);
	EXPECT_IDS(&l, f[3], f[1], f[2], f[0]);
	flt.earliest_before = T0 + 99;
	list_followups(&l, fx->db, &flt);
	EXPECT_IDS(&l, f[2]);
}

static void followup_list_of_empty_store_returns_iterover_repeatedly(void **state)
{
	fixture *fx = *state;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;

	ok(iv_followup_list(&it, fx->db, NULL));
	check(iv_followup_iter_next(&fu, it), IV_ITEROVER);
	check(iv_followup_iter_next(&fu, it), IV_ITEROVER);
	iv_followup_iter_free(it);
}

static void followup_list_refuses_malformed_filter(void **state)
{
	fixture *fx = *state;
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;

	f.contact = "someone";
	check(iv_followup_list(&it, fx->db, &f), IV_EINVALID);
	f.contact = NULL;
	f.interview = "0190000000007000800000000000000000001";
	check(iv_followup_list(&it, fx->db, &f), IV_EINVALID);
}

static void followup_list_refuses_unknown_filter_version(void **state)
{
	fixture *fx = *state;
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;

	f.version = 99;
	check(iv_followup_list(&it, fx->db, &f), IV_EVERSION);
}

static void followup_filter_init_sets_defaults(void **state)
{
	iv_followup_filter f;

	(void)state;
	memset(&f, 0x5a, sizeof(f));
	ok(iv_followup_filter_init(&f, IV_FOLLOWUP_FILTER_VERSION));
	assert_int_equal(f.version, IV_FOLLOWUP_FILTER_VERSION);
	assert_int_equal(f.status, 0);
	assert_int_equal(f.due_before, 0);
	assert_null(f.contact);
	assert_null(f.interview);
	assert_null(f.rule);
	assert_int_equal(f.earliest_before, 0);
	assert_null(f.id_prefix);
	check(iv_followup_filter_init(&f, 99), IV_EVERSION);
}

/* --- Follow-up integrity ------------------------------------------------ */

static void followup_insert_refuses_missing_contact(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL;

	put_contact(fx->db, "Ann", NULL, NULL);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, MISSING_ID));
	ok(iv_followup_set_due(fu, T0 + DAY));
	check(iv_followup_insert(fx->db, fu), IV_ENOTFOUND);
	assert_message_has(MISSING_ID);
	iv_followup_free(fu);
	assert_int_equal(count_followups(fx->db), 0);
}

static void followup_insert_refuses_missing_interview(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, a));
	ok(iv_followup_set_interview(fu, MISSING_ID));
	ok(iv_followup_set_due(fu, T0 + DAY));
	check(iv_followup_insert(fx->db, fu), IV_ENOTFOUND);
	assert_message_has(MISSING_ID);
	iv_followup_free(fu);
	assert_int_equal(count_followups(fx->db), 0);
}

static void followup_insert_refuses_unset_contact(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL;

	ok(iv_followup_new(&fu));
	ok(iv_followup_set_due(fu, T0 + DAY));
	check(iv_followup_insert(fx->db, fu), IV_EINVALID);
	iv_followup_free(fu);
	assert_int_equal(count_followups(fx->db), 0);
}

static void followup_insert_refuses_unset_due(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, a));
	check(iv_followup_insert(fx->db, fu), IV_EINVALID);
	iv_followup_free(fu);
	assert_int_equal(count_followups(fx->db), 0);
}

static void followup_insert_refuses_due_before_earliest(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, a));
	ok(iv_followup_set_earliest(fu, T0 + DAY));
	ok(iv_followup_set_due(fu, T0 + DAY - 1));
	check(iv_followup_insert(fx->db, fu), IV_EINVALID);
	iv_followup_free(fu);
	assert_int_equal(count_followups(fx->db), 0);
}

static void followup_insert_accepts_due_equal_to_earliest(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, a));
	ok(iv_followup_set_earliest(fu, T0 + DAY));
	ok(iv_followup_set_due(fu, T0 + DAY));
	ok(iv_followup_insert(fx->db, fu));
	iv_followup_free(fu);
	assert_int_equal(count_followups(fx->db), 1);
}

static void followup_update_refuses_missing_interview(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL, *got = NULL;
	id_buf a, id;

	put_contact(fx->db, "Ann", NULL, a);
	put_followup(fx->db, a, NULL, T0 + DAY, IV_FOLLOWUP_PENDING, NULL, id);
	fx->now = T0 + 40;
	ok(iv_followup_lookup(&fu, fx->db, id));
	ok(iv_followup_set_interview(fu, MISSING_ID));
	ok(iv_followup_set_due(fu, T0 + 3 * DAY));
	check(iv_followup_update(fx->db, fu), IV_ENOTFOUND);
	assert_message_has(MISSING_ID);
	iv_followup_free(fu);
	ok(iv_followup_lookup(&got, fx->db, id));
	assert_null(iv_followup_interview(got));
	assert_int_equal(iv_followup_due(got), T0 + DAY);
	assert_int_equal(iv_followup_updated(got), T0);
	iv_followup_free(got);
}

/* ======================================================================= */
/* Deleting what others depend on                                           */
/* ======================================================================= */

static void contact_delete_refused_when_introducer(void **state)
{
	fixture *fx = *state;
	id_buf a, b, in;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_intro(fx->db, a, b, IV_INTRO_MADE, NULL, in);
	check(iv_contact_delete(fx->db, a, IV_DELETE_DEFAULT), IV_ECONSTRAINT);
	assert_true(contact_exists(fx->db, a));
	assert_true(intro_exists(fx->db, in));
	assert_int_equal(count_contacts(fx->db), 2);
}

static void contact_delete_refused_when_introduced(void **state)
{
	fixture *fx = *state;
	id_buf a, b, in;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_intro(fx->db, a, b, IV_INTRO_MADE, NULL, in);
	check(iv_contact_delete(fx->db, b, IV_DELETE_DEFAULT), IV_ECONSTRAINT);
	assert_true(contact_exists(fx->db, b));
	assert_true(intro_exists(fx->db, in));
}

static void contact_delete_refused_when_interviewed(void **state)
{
	fixture *fx = *state;
	id_buf a, v;

	put_contact(fx->db, "Ann", NULL, a);
	put_interview(fx->db, a, NULL, IV_INTERVIEW_PLANNED, NULL, v);
	check(iv_contact_delete(fx->db, a, IV_DELETE_DEFAULT), IV_ECONSTRAINT);
	assert_true(contact_exists(fx->db, a));
	assert_true(interview_exists(fx->db, v));
}

static void contact_delete_refused_when_followup_recipient(void **state)
{
	fixture *fx = *state;
	id_buf a, f;

	put_contact(fx->db, "Ann", NULL, a);
	put_followup(fx->db, a, NULL, T0 + DAY, IV_FOLLOWUP_PENDING, NULL, f);
	check(iv_contact_delete(fx->db, a, IV_DELETE_DEFAULT), IV_ECONSTRAINT);
	assert_true(contact_exists(fx->db, a));
	assert_true(followup_exists(fx->db, f));
}

static void contact_delete_cascade_removes_dependents_only(void **state)
{
	fixture *fx = *state;
	id_buf a, b, c, i1, i2, i3, v1, v2, f1, f2, f3, f4;

	put_contact(fx->db, "Target", NULL, a);
	put_contact(fx->db, "Bridge", NULL, b);
	put_contact(fx->db, "Colleague", NULL, c);
	put_intro(fx->db, b, a, IV_INTRO_MADE, NULL, i1);  /* to the target */
	put_intro(fx->db, a, c, IV_INTRO_MADE, NULL, i2);  /* by the target */
	put_intro(fx->db, b, c, IV_INTRO_MADE, NULL, i3);  /* unrelated */
	put_interview(fx->db, a, i1, IV_INTERVIEW_SCHEDULED, NULL, v1);
	put_interview(fx->db, c, i3, IV_INTERVIEW_SCHEDULED, NULL, v2);
	put_followup(fx->db, a, NULL, T0 + DAY, IV_FOLLOWUP_PENDING, NULL, f1);
	/* To someone else, but about the target's interview. */
	put_followup(fx->db, b, v1, T0 + DAY, IV_FOLLOWUP_PENDING, NULL, f2);
	put_followup(fx->db, c, v2, T0 + DAY, IV_FOLLOWUP_PENDING, NULL, f3);
	put_followup(fx->db, b, NULL, T0 + DAY, IV_FOLLOWUP_PENDING, NULL, f4);

	ok(iv_contact_delete(fx->db, a, IV_DELETE_CASCADE));
	assert_int_equal(iv_db_transaction_depth(fx->db), 0);

	assert_false(contact_exists(fx->db, a));
	assert_false(intro_exists(fx->db, i1));
	assert_false(intro_exists(fx->db, i2));
	assert_false(interview_exists(fx->db, v1));
	assert_false(followup_exists(fx->db, f1));
	assert_false(followup_exists(fx->db, f2));

	assert_true(contact_exists(fx->db, b));
	assert_true(contact_exists(fx->db, c));
	assert_true(intro_exists(fx->db, i3));
	assert_true(interview_exists(fx->db, v2));
	assert_true(followup_exists(fx->db, f3));
	assert_true(followup_exists(fx->db, f4));
	assert_int_equal(count_contacts(fx->db), 2);
	assert_int_equal(count_intros(fx->db), 1);
	assert_int_equal(count_interviews(fx->db), 1);
	assert_int_equal(count_followups(fx->db), 2);
}

static void interview_delete_refused_with_followups(void **state)
{
	fixture *fx = *state;
	id_buf a, v, f;

	put_contact(fx->db, "Ann", NULL, a);
	put_interview(fx->db, a, NULL, IV_INTERVIEW_SCHEDULED, NULL, v);
	put_followup(fx->db, a, v, T0 + DAY, IV_FOLLOWUP_PENDING, NULL, f);
	check(iv_interview_delete(fx->db, v, IV_DELETE_DEFAULT), IV_ECONSTRAINT);
	assert_true(interview_exists(fx->db, v));
	assert_true(followup_exists(fx->db, f));
}

static void interview_delete_cascade_removes_its_followups(void **state)
{
	fixture *fx = *state;
	id_buf a, v, other_v, f1, f2, f3;

	put_contact(fx->db, "Ann", NULL, a);
	put_interview(fx->db, a, NULL, IV_INTERVIEW_SCHEDULED, NULL, v);
	put_interview(fx->db, a, NULL, IV_INTERVIEW_PLANNED, NULL, other_v);
	put_followup(fx->db, a, v, T0 + DAY, IV_FOLLOWUP_PENDING, NULL, f1);
	put_followup(fx->db, a, v, T0 + 2 * DAY, IV_FOLLOWUP_PENDING, NULL, f2);
	put_followup(fx->db, a, other_v, T0 + DAY, IV_FOLLOWUP_PENDING, NULL, f3);
	ok(iv_interview_delete(fx->db, v, IV_DELETE_CASCADE));
	assert_false(interview_exists(fx->db, v));
	assert_false(followup_exists(fx->db, f1));
	assert_false(followup_exists(fx->db, f2));
	assert_true(interview_exists(fx->db, other_v));
	assert_true(followup_exists(fx->db, f3));
	assert_true(contact_exists(fx->db, a));
}

static void intro_delete_refused_when_interview_names_it(void **state)
{
	fixture *fx = *state;
	id_buf a, b, in, v;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_intro(fx->db, a, b, IV_INTRO_MADE, NULL, in);
	put_interview(fx->db, b, in, IV_INTERVIEW_PLANNED, NULL, v);
	check(iv_intro_delete(fx->db, in, IV_DELETE_DEFAULT), IV_ECONSTRAINT);
	assert_true(intro_exists(fx->db, in));
	assert_true(interview_exists(fx->db, v));
}

static void intro_delete_cascade_keeps_interview_without_intro(void **state)
{
	fixture *fx = *state;
	iv_interview *got = NULL;
	id_buf a, b, in, v;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_intro(fx->db, a, b, IV_INTRO_MADE, NULL, in);
	put_interview(fx->db, b, in, IV_INTERVIEW_PLANNED, NULL, v);
	ok(iv_intro_delete(fx->db, in, IV_DELETE_CASCADE));
	assert_false(intro_exists(fx->db, in));
	ok(iv_interview_lookup(&got, fx->db, v));
	assert_null(iv_interview_intro(got));
	assert_str(iv_interview_contact(got), b);
	assert_str(iv_interview_purpose(got), "Learn how the job really works");
	iv_interview_free(got);
	assert_int_equal(count_contacts(fx->db), 2);
}

/* ======================================================================= */
/* Transactions                                                             */
/* ======================================================================= */

static void transaction_rollback_discards_insert(void **state)
{
	fixture *fx = *state;
	id_buf a;

	ok(iv_db_begin(fx->db));
	put_contact(fx->db, "Temporary", NULL, a);
	assert_true(contact_exists(fx->db, a));
	ok(iv_db_rollback(fx->db));
	assert_false(contact_exists(fx->db, a));
	assert_int_equal(count_contacts(fx->db), 0);
}

static void transaction_commit_keeps_insert(void **state)
{
	fixture *fx = *state;
	id_buf a, b;

	ok(iv_db_begin(fx->db));
	put_contact(fx->db, "Kept", NULL, a);
	put_contact(fx->db, "Also kept", NULL, b);
	ok(iv_db_commit(fx->db));
	assert_true(contact_exists(fx->db, a));
	assert_true(contact_exists(fx->db, b));
	assert_int_equal(iv_db_transaction_depth(fx->db), 0);
}

static void transaction_inner_rollback_undoes_only_inner_part(void **state)
{
	fixture *fx = *state;
	id_buf outer, inner;

	ok(iv_db_begin(fx->db));
	put_contact(fx->db, "Outer", NULL, outer);
	ok(iv_db_begin(fx->db));
	put_contact(fx->db, "Inner", NULL, inner);
	ok(iv_db_rollback(fx->db));
	assert_int_equal(iv_db_transaction_depth(fx->db), 1);
	assert_true(contact_exists(fx->db, outer));
	assert_false(contact_exists(fx->db, inner));
	ok(iv_db_commit(fx->db));
	assert_true(contact_exists(fx->db, outer));
	assert_false(contact_exists(fx->db, inner));
}

static void transaction_outer_rollback_undoes_inner_commit(void **state)
{
	fixture *fx = *state;
	id_buf outer, inner;

	ok(iv_db_begin(fx->db));
	put_contact(fx->db, "Outer", NULL, outer);
	ok(iv_db_begin(fx->db));
	put_contact(fx->db, "Inner", NULL, inner);
	ok(iv_db_commit(fx->db));
	assert_true(contact_exists(fx->db, inner));
	ok(iv_db_rollback(fx->db));
	assert_false(contact_exists(fx->db, outer));
	assert_false(contact_exists(fx->db, inner));
	assert_int_equal(count_contacts(fx->db), 0);
}

static void transaction_commit_without_begin_is_misuse(void **state)
{
	fixture *fx = *state;

	check(iv_db_commit(fx->db), IV_EMISUSE);
	ok(iv_db_begin(fx->db));
	ok(iv_db_commit(fx->db));
	check(iv_db_commit(fx->db), IV_EMISUSE);
	assert_int_equal(iv_db_transaction_depth(fx->db), 0);
}

static void transaction_rollback_without_begin_is_misuse(void **state)
{
	fixture *fx = *state;

	check(iv_db_rollback(fx->db), IV_EMISUSE);
	ok(iv_db_begin(fx->db));
	ok(iv_db_rollback(fx->db));
	check(iv_db_rollback(fx->db), IV_EMISUSE);
	assert_int_equal(iv_db_transaction_depth(fx->db), 0);
}

static void transaction_depth_counts_open_transactions(void **state)
{
	fixture *fx = *state;

	assert_int_equal(iv_db_transaction_depth(fx->db), 0);
	ok(iv_db_begin(fx->db));
	assert_int_equal(iv_db_transaction_depth(fx->db), 1);
	ok(iv_db_begin(fx->db));
	assert_int_equal(iv_db_transaction_depth(fx->db), 2);
	ok(iv_db_begin(fx->db));
	assert_int_equal(iv_db_transaction_depth(fx->db), 3);
	ok(iv_db_commit(fx->db));
	assert_int_equal(iv_db_transaction_depth(fx->db), 2);
	ok(iv_db_rollback(fx->db));
	assert_int_equal(iv_db_transaction_depth(fx->db), 1);
	ok(iv_db_commit(fx->db));
	assert_int_equal(iv_db_transaction_depth(fx->db), 0);
}

static void transaction_rollback_restores_updated_record(void **state)
{
	fixture *fx = *state;
	iv_contact *c = NULL, *got = NULL;
	id_buf id;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Before"));
	ok(iv_contact_add_tag(c, "old"));
	ok(iv_contact_insert(fx->db, c));
	copy_id(id, iv_contact_id(c));

	fx->now = T0 + 10;
	ok(iv_db_begin(fx->db));
	ok(iv_contact_set_name(c, "After"));
	iv_contact_clear_tags(c);
	ok(iv_contact_add_tag(c, "new"));
	ok(iv_contact_update(fx->db, c));
	ok(iv_db_rollback(fx->db));
	iv_contact_free(c);

	ok(iv_contact_lookup(&got, fx->db, id));
	assert_str(iv_contact_name(got), "Before");
	assert_int_equal(iv_contact_tag_count(got), 1);
	assert_str(iv_contact_tag_at(got, 0), "old");
	assert_int_equal(iv_contact_updated(got), T0);
	iv_contact_free(got);
}

static void transaction_rollback_restores_deleted_record(void **state)
{
	fixture *fx = *state;
	iv_interview *got = NULL;
	id_buf a, v, f;

	put_contact(fx->db, "Ann", NULL, a);
	put_interview(fx->db, a, NULL, IV_INTERVIEW_SCHEDULED, NULL, v);
	put_followup(fx->db, a, v, T0 + DAY, IV_FOLLOWUP_PENDING, NULL, f);
	ok(iv_db_begin(fx->db));
	ok(iv_contact_delete(fx->db, a, IV_DELETE_CASCADE));
	assert_false(contact_exists(fx->db, a));
	ok(iv_db_rollback(fx->db));
	assert_true(contact_exists(fx->db, a));
	assert_true(followup_exists(fx->db, f));
	ok(iv_interview_lookup(&got, fx->db, v));
	assert_str(iv_interview_contact(got), a);
	iv_interview_free(got);
}

/* ======================================================================= */
/* Settings                                                                 */
/* ======================================================================= */

static void setting_get_unset_is_notfound(void **state)
{
	fixture *fx = *state;
	char *value = NULL;

	check(iv_db_setting_get(&value, fx->db, "profile.name"), IV_ENOTFOUND);
}

static void setting_set_then_get(void **state)
{
	fixture *fx = *state;
	char *value = NULL;

	ok(iv_db_setting_set(fx->db, "profile.name", "R\xc3\xa9mi Laurent"));
	ok(iv_db_setting_set(fx->db, "profile.exploring", "clinical data management"));
	ok(iv_db_setting_get(&value, fx->db, "profile.name"));
	assert_str(value, "R\xc3\xa9mi Laurent");
	iv_free(value);
	ok(iv_db_setting_get(&value, fx->db, "profile.exploring"));
	assert_str(value, "clinical data management");
	iv_free(value);
}

static void setting_set_overwrites(void **state)
{
	fixture *fx = *state;
	char *value = NULL;

	ok(iv_db_setting_set(fx->db, "draft.signature", "Best, R."));
	ok(iv_db_setting_set(fx->db, "draft.signature", "Thanks again,\nR\xc3\xa9mi"));
	ok(iv_db_setting_get(&value, fx->db, "draft.signature"));
	assert_str(value, "Thanks again,\nR\xc3\xa9mi");
	iv_free(value);
}

static void setting_set_null_removes(void **state)
{
	fixture *fx = *state;
	char *value = NULL;

	ok(iv_db_setting_set(fx->db, "k", "v"));
	ok(iv_db_setting_set(fx->db, "other", "stays"));
	ok(iv_db_setting_set(fx->db, "k", NULL));
	check(iv_db_setting_get(&value, fx->db, "k"), IV_ENOTFOUND);
	ok(iv_db_setting_get(&value, fx->db, "other"));
	assert_str(value, "stays");
	iv_free(value);
	/* Removing what is not there is not an error. */
	ok(iv_db_setting_set(fx->db, "never-set", NULL));
}

static void setting_refuses_invalid_key(void **state)
{
	fixture *fx = *state;
	char *value = NULL;
	char long_key[66];

	memset(long_key, 'k', 65);
	long_key[65] = '\0';
	check(iv_db_setting_set(fx->db, "", "v"), IV_EINVALID);
	check(iv_db_setting_set(fx->db, "has space", "v"), IV_EINVALID);
	check(iv_db_setting_set(fx->db, "a/b", "v"), IV_EINVALID);
	check(iv_db_setting_set(fx->db, "caf\xc3\xa9", "v"), IV_EINVALID);
	check(iv_db_setting_set(fx->db, long_key, "v"), IV_EINVALID);
	check(iv_db_setting_set(fx->db, NULL, "v"), IV_EINVALID);
	check(iv_db_setting_get(&value, fx->db, "has space"), IV_EINVALID);
	check(iv_db_setting_get(&value, fx->db, ""), IV_EINVALID);
}

static void setting_accepts_key_of_64_bytes(void **state)
{
	fixture *fx = *state;
	char *value = NULL;
	char key[65];

	memset(key, 'a', 64);
	key[10] = '.';
	key[20] = '_';
	key[30] = '-';
	key[40] = '7';
	key[64] = '\0';
	ok(iv_db_setting_set(fx->db, key, "fits"));
	ok(iv_db_setting_get(&value, fx->db, key));
	assert_str(value, "fits");
	iv_free(value);
}

static void setting_refuses_reserved_prefix(void **state)
{
	fixture *fx = *state;
	char *value = NULL;

	check(iv_db_setting_set(fx->db, "iv.schema", "1"), IV_EINVALID);
	check(iv_db_setting_set(fx->db, "iv.", "1"), IV_EINVALID);
	check(iv_db_setting_set(fx->db, "iv.anything", NULL), IV_EINVALID);
	/* Only the "iv." prefix is reserved. */
	ok(iv_db_setting_set(fx->db, "ivy.colour", "green"));
	ok(iv_db_setting_get(&value, fx->db, "ivy.colour"));
	assert_str(value, "green");
	iv_free(value);
}

static void setting_rolls_back_with_transaction(void **state)
{
	fixture *fx = *state;
	char *value = NULL;

	ok(iv_db_setting_set(fx->db, "kept", "before"));
	ok(iv_db_setting_set(fx->db, "removed", "present"));
	ok(iv_db_begin(fx->db));
	ok(iv_db_setting_set(fx->db, "kept", "during"));
	ok(iv_db_setting_set(fx->db, "added", "during"));
	ok(iv_db_setting_set(fx->db, "removed", NULL));
	ok(iv_db_setting_get(&value, fx->db, "kept"));
	assert_str(value, "during");
	iv_free(value);
	ok(iv_db_rollback(fx->db));

	ok(iv_db_setting_get(&value, fx->db, "kept"));
	assert_str(value, "before");
	iv_free(value);
	ok(iv_db_setting_get(&value, fx->db, "removed"));
	assert_str(value, "present");
	iv_free(value);
	check(iv_db_setting_get(&value, fx->db, "added"), IV_ENOTFOUND);
}

/* ======================================================================= */
/* Atomicity inside a caller's transaction                                  */
/* ======================================================================= */

/* Two failing writes inside an open transaction: a taken id and a missing reference. */
static void fail_two_writes(fixture *fx, const char *taken_id)
{
	iv_contact *c = NULL;
	iv_intro *in = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Duplicate"));
	ok(iv_contact_set_id(c, taken_id));
	check(iv_contact_insert(fx->db, c), IV_EEXISTS);
	iv_contact_free(c);

	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, taken_id));
	ok(iv_intro_set_introduced(in, MISSING_ID));
	check(iv_intro_insert(fx->db, in), IV_ENOTFOUND);
	iv_intro_free(in);
}

static void failed_write_keeps_transaction_and_earlier_writes(void **state)
{
	fixture *fx = *state;
	id_buf later;

	ok(iv_db_begin(fx->db));
	put_contact(fx->db, "Earlier", ID(1), NULL);
	fail_two_writes(fx, ID(1));
	assert_int_equal(iv_db_transaction_depth(fx->db), 1);
	assert_true(contact_exists(fx->db, ID(1)));
	put_contact(fx->db, "Later", NULL, later);
	ok(iv_db_commit(fx->db));
	assert_true(contact_exists(fx->db, ID(1)));
	assert_true(contact_exists(fx->db, later));
	assert_int_equal(count_contacts(fx->db), 2);
	assert_int_equal(count_intros(fx->db), 0);
}

static void failed_write_leaves_transaction_to_roll_back(void **state)
{
	fixture *fx = *state;

	put_contact(fx->db, "Before", ID(2), NULL);
	ok(iv_db_begin(fx->db));
	put_contact(fx->db, "Earlier", ID(1), NULL);
	fail_two_writes(fx, ID(1));
	assert_int_equal(iv_db_transaction_depth(fx->db), 1);
	ok(iv_db_rollback(fx->db));
	assert_false(contact_exists(fx->db, ID(1)));
	assert_true(contact_exists(fx->db, ID(2)));
	assert_int_equal(iv_db_transaction_depth(fx->db), 0);
}

/* Deletes that fail inside an open transaction: refused and missing. */
static void fail_two_deletes(fixture *fx, const char *referenced)
{
	check(iv_contact_delete(fx->db, referenced, IV_DELETE_DEFAULT), IV_ECONSTRAINT);
	check(iv_contact_delete(fx->db, MISSING_ID, IV_DELETE_CASCADE), IV_ENOTFOUND);
	check(iv_interview_delete(fx->db, MISSING_ID, IV_DELETE_CASCADE), IV_ENOTFOUND);
	check(iv_intro_delete(fx->db, MISSING_ID, IV_DELETE_CASCADE), IV_ENOTFOUND);
}

static void failed_cascade_keeps_transaction_and_earlier_writes(void **state)
{
	fixture *fx = *state;
	id_buf a, b, in, v, f;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_db_begin(fx->db));
	put_contact(fx->db, "Ben", NULL, b);
	put_intro(fx->db, b, a, IV_INTRO_MADE, NULL, in);
	put_interview(fx->db, a, in, IV_INTERVIEW_SCHEDULED, NULL, v);
	put_followup(fx->db, b, v, T0 + DAY, IV_FOLLOWUP_PENDING, NULL, f);
	fail_two_deletes(fx, a);
	assert_int_equal(iv_db_transaction_depth(fx->db), 1);
	ok(iv_db_commit(fx->db));
	assert_int_equal(iv_db_transaction_depth(fx->db), 0);
	assert_true(contact_exists(fx->db, a));
	assert_true(contact_exists(fx->db, b));
	assert_true(intro_exists(fx->db, in));
	assert_true(interview_exists(fx->db, v));
	assert_true(followup_exists(fx->db, f));
}

static void failed_cascade_leaves_transaction_to_roll_back(void **state)
{
	fixture *fx = *state;
	id_buf a, b, in;

	put_contact(fx->db, "Ann", NULL, a);
	ok(iv_db_begin(fx->db));
	put_contact(fx->db, "Ben", NULL, b);
	put_intro(fx->db, b, a, IV_INTRO_MADE, NULL, in);
	fail_two_deletes(fx, a);
	assert_int_equal(iv_db_transaction_depth(fx->db), 1);
	ok(iv_db_rollback(fx->db));
	assert_true(contact_exists(fx->db, a));
	assert_false(contact_exists(fx->db, b));
	assert_false(intro_exists(fx->db, in));
}

static void cascade_inside_transaction_commits_with_it(void **state)
{
	fixture *fx = *state;
	id_buf a, b, in, c;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	put_intro(fx->db, b, a, IV_INTRO_MADE, NULL, in);
	ok(iv_db_begin(fx->db));
	put_contact(fx->db, "Cat", NULL, c);
	ok(iv_contact_delete(fx->db, a, IV_DELETE_CASCADE));
	assert_int_equal(iv_db_transaction_depth(fx->db), 1);
	ok(iv_db_commit(fx->db));
	assert_false(contact_exists(fx->db, a));
	assert_false(intro_exists(fx->db, in));
	assert_true(contact_exists(fx->db, b));
	assert_true(contact_exists(fx->db, c));
}

/* ======================================================================= */
/* Lookups by id prefix and by name                                         */
/* ======================================================================= */

/*
 * Four ids sharing prefixes of several lengths. Each kind stores them so
 * that its documented order is C, B, A (the reverse of the ids' order) and
 * D never matches, so a result in id order or with D in it is caught.
 */
#define PX_A "a1b2c3d4-0000-7000-8000-000000000001"
#define PX_B "a1b2c3d4-e5f6-7000-8000-000000000002"
#define PX_C "a1b2c3d5-0000-7000-8000-000000000003"
#define PX_D "b0000000-0000-7000-8000-000000000004"

typedef void (*prefix_lister)(idlist *l, iv_db *db, const char *prefix);
typedef int (*prefix_opener)(iv_db *db, const char *prefix);

/*
 * list_<kind>s_by_prefix() lists with only an id prefix;
 * open_<kind>s_by_prefix() returns what iv_<kind>_list() says to it.
 */
#define PREFIX_FUNCTIONS(kind, INIT) \
	static void list_##kind##s_by_prefix(idlist *l, iv_db *db, const char *prefix) \
	{ \
		iv_##kind##_filter f = INIT; \
		f.id_prefix = prefix; \
		list_##kind##s(l, db, &f); \
	} \
	static int open_##kind##s_by_prefix(iv_db *db, const char *prefix) \
	{ \
		iv_##kind##_filter f = INIT; \
		iv_##kind##_iter *it = NULL; \
		int rc; \
		f.id_prefix = prefix; \
		rc = iv_##kind##_list(&it, db, &f); \
		iv_##kind##_iter_free(it); \
		return rc; \
	}

PREFIX_FUNCTIONS(contact, IV_CONTACT_FILTER_INIT)
PREFIX_FUNCTIONS(intro, IV_INTRO_FILTER_INIT)
PREFIX_FUNCTIONS(interview, IV_INTERVIEW_FILTER_INIT)
PREFIX_FUNCTIONS(followup, IV_FOLLOWUP_FILTER_INIT)

/* Prefixes of 1, 8, 9 (with the hyphen), 13 and 36 characters, either case. */
static void expect_prefix_matches(iv_db *db, prefix_lister list)
{
	idlist l;

	list(&l, db, "a");
	EXPECT_IDS(&l, PX_C, PX_B, PX_A);
	list(&l, db, "a1b2c3d4");
	EXPECT_IDS(&l, PX_B, PX_A);
	list(&l, db, "a1b2c3d4-");
	EXPECT_IDS(&l, PX_B, PX_A);
	list(&l, db, "a1b2c3d4-e5f6");
	EXPECT_IDS(&l, PX_B);
	list(&l, db, "A1B2C3D4-E5F6");
	EXPECT_IDS(&l, PX_B);
	list(&l, db, PX_C);
	EXPECT_IDS(&l, PX_C);
	list(&l, db, "a1b2c3d4-0000-7000-8000-00000000000F");
	assert_int_equal(l.count, 0);
	/* Above every stored id: the end of the range is inclusive, not beyond. */
	list(&l, db, "c");
	assert_int_equal(l.count, 0);
}

/* Non-hex, a hyphen out of place or missing, too long, empty. */
static void expect_bad_prefixes_refused(iv_db *db, prefix_opener open, const char *field)
{
	static const char *const bad[] = {
		"a1g", "a1b2-c3d4", "a1b2c3d4e", "a1b2c3d4-0000-7000-8000-0000000000010", "", "a1b2c3d4 ",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		check(open(db, bad[i]), IV_EINVALID);
		assert_message_has(field);
	}
	ok(open(db, "A1B2C3D4-0000-7000-8000-00000000000F"));
}

/* Contacts named so that the order by name is C, B, A. */
static void put_prefix_contacts(iv_db *db)
{
	put_contact(db, "Cat", PX_A, NULL);
	put_contact(db, "Ben", PX_B, NULL);
	put_contact(db, "Ann", PX_C, NULL);
	put_contact(db, "Abe", PX_D, NULL);
}

static void contact_list_by_id_prefix(void **state)
{
	fixture *fx = *state;

	put_prefix_contacts(fx->db);
	expect_prefix_matches(fx->db, list_contacts_by_prefix);
}

static void intro_list_by_id_prefix(void **state)
{
	fixture *fx = *state;
	id_buf a, b;

	put_contact(fx->db, "Ann", NULL, a);
	put_contact(fx->db, "Ben", NULL, b);
	fx->now = T0 + HOUR;
	put_intro(fx->db, a, b, IV_INTRO_SUGGESTED, PX_C, NULL);
	fx->now = T0 + 2 * HOUR;
	put_intro(fx->db, b, a, IV_INTRO_SUGGESTED, PX_B, NULL);
	fx->now = T0 + 3 * HOUR;
	put_intro(fx->db, a, b, IV_INTRO_MADE, PX_A, NULL);
	put_intro(fx->db, b, a, IV_INTRO_MADE, PX_D, NULL);
	expect_prefix_matches(fx->db, list_intros_by_prefix);
}

static void interview_list_by_id_prefix(void **state)
{
	fixture *fx = *state;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	fx->now = T0 + HOUR;
	put_interview(fx->db, a, NULL, IV_INTERVIEW_PLANNED, PX_C, NULL);
	fx->now = T0 + 2 * HOUR;
	put_interview(fx->db, a, NULL, IV_INTERVIEW_PLANNED, PX_B, NULL);
	fx->now = T0 + 3 * HOUR;
	put_interview(fx->db, a, NULL, IV_INTERVIEW_SCHEDULED, PX_A, NULL);
	put_interview(fx->db, a, NULL, IV_INTERVIEW_SCHEDULED, PX_D, NULL);
	expect_prefix_matches(fx->db, list_interviews_by_prefix);
}

static void followup_list_by_id_prefix(void **state)
{
	fixture *fx = *state;
	id_buf a;

	put_contact(fx->db, "Ann", NULL, a);
	put_followup(fx->db, a, NULL, T0 + 300, IV_FOLLOWUP_PENDING, PX_A, NULL);
	put_followup(fx->db, a, NULL, T0 + 200, IV_FOLLOWUP_DONE, PX_B, NULL);
	put_followup(fx->db, a, NULL, T0 + 100, IV_FOLLOWUP_PENDING, PX_C, NULL);
	put_followup(fx->db, a, NULL, T0 + 150, IV_FOLLOWUP_PENDING, PX_D, NULL);
	expect_prefix_matches(fx->db, list_followups_by_prefix);
}

/* The prefix narrows the kind's other filters rather than replacing them. */
static void followup_list_combines_id_prefix_and_status(void **state)
{
	fixture *fx = *state;
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	id_buf a;
	idlist l;

	put_contact(fx->db, "Ann", NULL, a);
	put_followup(fx->db, a, NULL, T0 + 300, IV_FOLLOWUP_PENDING, PX_A, NULL);
	put_followup(fx->db, a, NULL, T0 + 200, IV_FOLLOWUP_DONE, PX_B, NULL);
	put_followup(fx->db, a, NULL, T0 + 100, IV_FOLLOWUP_PENDING, PX_D, NULL);
	f.id_prefix = "A1B2";
	f.status = IV_FOLLOWUP_PENDING;
	list_followups(&l, fx->db, &f);
	EXPECT_IDS(&l, PX_A);
}

static void contact_list_by_id_prefix_matching_nothing_is_over_at_once(void **state)
{
	fixture *fx = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;

	put_prefix_contacts(fx->db);
	f.id_prefix = "a1b2c3d6";
	ok(iv_contact_list(&it, fx->db, &f));
	check(iv_contact_iter_next(&c, it), IV_ITEROVER);
	assert_null(c);
	check(iv_contact_iter_next(&c, it), IV_ITEROVER);
	iv_contact_iter_free(it);
}

static void contact_list_refuses_malformed_id_prefix(void **state)
{
	fixture *fx = *state;

	expect_bad_prefixes_refused(fx->db, open_contacts_by_prefix, "contact_filter.id_prefix");
}

static void intro_list_refuses_malformed_id_prefix(void **state)
{
	fixture *fx = *state;

	expect_bad_prefixes_refused(fx->db, open_intros_by_prefix, "intro_filter.id_prefix");
}

static void interview_list_refuses_malformed_id_prefix(void **state)
{
	fixture *fx = *state;

	expect_bad_prefixes_refused(fx->db, open_interviews_by_prefix, "interview_filter.id_prefix");
}

static void followup_list_refuses_malformed_id_prefix(void **state)
{
	fixture *fx = *state;

	expect_bad_prefixes_refused(fx->db, open_followups_by_prefix, "followup_filter.id_prefix");
}

/* Contacts around the name "Dana": two spellings of it, and longer names. */
static void put_danas(iv_db *db)
{
	put_contact(db, "Dana Smith", ID(3), NULL);
	put_contact(db, "DANA", ID(2), NULL);
	put_contact(db, "dana", ID(1), NULL);
	put_contact(db, "Danae", ID(4), NULL);
	put_contact(db, "Ann", ID(5), NULL);
}

static void contact_list_by_name_is_exact_and_case_insensitive(void **state)
{
	fixture *fx = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	idlist l;

	put_danas(fx->db);
	f.name = "Dana";
	list_contacts(&l, fx->db, &f);
	EXPECT_IDS(&l, ID(1), ID(2));
	f.name = "dANA sMITH";
	list_contacts(&l, fx->db, &f);
	EXPECT_IDS(&l, ID(3));
	f.name = "Dan";
	list_contacts(&l, fx->db, &f);
	assert_int_equal(l.count, 0);
}

static void contact_list_combines_name_and_id_prefix(void **state)
{
	fixture *fx = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	idlist l;

	put_danas(fx->db);
	f.name = "dana";
	f.id_prefix = ID(2);
	list_contacts(&l, fx->db, &f);
	EXPECT_IDS(&l, ID(2));
}

static void contact_list_refuses_malformed_name(void **state)
{
	fixture *fx = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact_iter *it = NULL;

	f.name = "Dana\nSmith";
	check(iv_contact_list(&it, fx->db, &f), IV_EINVALID);
	assert_message_has("contact_filter.name");
	assert_null(it);
}

/* ======================================================================= */

/*
 * Targets (backend version 6): stored and listed by name or alias on a
 * backend that keeps them; the version-1 third-party backend refuses each
 * target call with IV_EVERSION naming the versions, and keeps working.
 */
static void targets_are_kept_or_refused_by_version(void **state)
{
	fixture *fx = *state;
	iv_target_filter f = IV_TARGET_FILTER_INIT;
	iv_target_plan_iter *plan = NULL;
	iv_target_iter *it = NULL;
	iv_target *t = NULL, *got = NULL;
	iv_contact_iter *ci = NULL;
	int old = strcmp(backend_name, "thirdparty") == 0;

	ok(iv_target_new(&t));
	ok(iv_target_set_name(t, "Acme"));
	ok(iv_target_add_alias(t, "Acme Corp"));
	f.name = "ACME CORP";
	if (old) {
		check(iv_target_insert(fx->db, t), IV_EVERSION);
		assert_message_has("targets need a backend of version 6; this store's is version 1");
		check(iv_target_list(&it, fx->db, &f), IV_EVERSION);
		check(iv_target_plan(&plan, fx->db), IV_EVERSION);
		ok(iv_contact_list(&ci, fx->db, NULL));
		iv_contact_iter_free(ci);
	} else {
		ok(iv_target_insert(fx->db, t));
		ok(iv_target_list(&it, fx->db, &f));
		ok(iv_target_iter_next(&got, it));
		assert_string_equal(iv_target_id(got), iv_target_id(t));
		assert_int_equal(iv_target_number(got), 1);
		iv_target_free(got);
		check(iv_target_iter_next(&got, it), IV_ITEROVER);
		iv_target_iter_free(it);
	}
	iv_target_free(t);
}

#define T(name) cmocka_unit_test_setup_teardown(name, store_setup, store_teardown)

/* --- Numbers, notes and the timeline -------------------------------------- */

/* A version-1 backend (the third party's) stores no numbers and no notes. */
static int keeps_numbers(void)
{
	return strcmp(backend_name, "thirdparty") != 0;
}

static int64_t contact_number(iv_db *db, const char *id)
{
	iv_contact *c = NULL;
	int64_t n;

	ok(iv_contact_lookup(&c, db, id));
	n = iv_contact_number(c);
	iv_contact_free(c);
	return n;
}

static void records_are_numbered_in_insertion_order_per_kind(void **state)
{
	fixture *fx = *state;
	id_buf a, b, c, v, f;

	put_contact(fx->db, "Ada", NULL, a);
	put_contact(fx->db, "Bea", NULL, b);
	put_interview(fx->db, a, NULL, IV_INTERVIEW_PLANNED, NULL, v);
	put_followup(fx->db, a, NULL, T0 + 10, IV_FOLLOWUP_PENDING, NULL, f);
	put_contact(fx->db, "Cy", NULL, c);
	if (!keeps_numbers()) {
		assert_int_equal(contact_number(fx->db, a), 0);
		return;
	}
	assert_int_equal(contact_number(fx->db, a), 1);
	assert_int_equal(contact_number(fx->db, b), 2);
	assert_int_equal(contact_number(fx->db, c), 3);
	{
		iv_interview *iv = NULL;
		iv_followup *fu = NULL;

		ok(iv_interview_lookup(&iv, fx->db, v));
		assert_int_equal(iv_interview_number(iv), 1);
		ok(iv_followup_lookup(&fu, fx->db, f));
		assert_int_equal(iv_followup_number(fu), 1);
		iv_interview_free(iv);
		iv_followup_free(fu);
	}
}

static void numbers_are_never_given_twice_and_survive_updates(void **state)
{
	fixture *fx = *state;
	iv_contact *c = NULL;
	id_buf a, b, d;

	put_contact(fx->db, "Ada", NULL, a);
	put_contact(fx->db, "Bea", NULL, b);
	ok(iv_contact_delete(fx->db, b, 0));
	put_contact(fx->db, "Dee", NULL, d);
	ok(iv_contact_lookup(&c, fx->db, a));
	/* a caller cannot renumber a record */
	ok(iv_contact_set_number(c, 99));
	ok(iv_contact_set_name(c, "Ada Lovelace"));
	ok(iv_contact_update(fx->db, c));
	assert_int_equal(iv_contact_number(c), keeps_numbers() ? 1 : 0);
	iv_contact_free(c);
	if (keeps_numbers()) {
		assert_int_equal(contact_number(fx->db, a), 1);
		assert_int_equal(contact_number(fx->db, d), 3); /* not 2 again */
	}
}

static void failed_insert_gives_no_number(void **state)
{
	fixture *fx = *state;
	iv_followup *fu = NULL;
	id_buf a, b;

	put_contact(fx->db, "Ada", NULL, a);
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, MISSING_ID));
	ok(iv_followup_set_due(fu, T0));
	check(iv_followup_insert(fx->db, fu), IV_ENOTFOUND);
	assert_int_equal(iv_followup_number(fu), 0);
	iv_followup_free(fu);
	put_contact(fx->db, "Bea", NULL, b);
	if (keeps_numbers())
		assert_int_equal(contact_number(fx->db, b), 2);
}

static void list_by_number_finds_one_record(void **state)
{
	fixture *fx = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_followup_filter ff = IV_FOLLOWUP_FILTER_INIT;
	iv_contact_iter *it = NULL;
	iv_followup_iter *fit = NULL;
	iv_contact *c = NULL;
	iv_followup *fu = NULL;
	id_buf a, b;

	put_contact(fx->db, "Ada", NULL, a);
	put_contact(fx->db, "Bea", NULL, b);
	put_followup(fx->db, b, NULL, T0 + 10, IV_FOLLOWUP_PENDING, NULL, NULL);
	f.number = 2;
	ok(iv_contact_list(&it, fx->db, &f));
	if (keeps_numbers()) {
		ok(iv_contact_iter_next(&c, it));
		assert_string_equal(iv_contact_id(c), b);
		iv_contact_free(c);
	}
	/* a version-1 backend has no numbers: the core filters, and nothing matches */
	check(iv_contact_iter_next(&c, it), IV_ITEROVER);
	iv_contact_iter_free(it);
	ff.number = 1;
	ok(iv_followup_list(&fit, fx->db, &ff));
	if (keeps_numbers()) {
		ok(iv_followup_iter_next(&fu, fit));
		assert_string_equal(iv_followup_contact(fu), b);
		iv_followup_free(fu);
	}
	check(iv_followup_iter_next(&fu, fit), IV_ITEROVER);
	iv_followup_iter_free(fit);
	f.number = -1;
	check(iv_contact_list(&it, fx->db, &f), IV_EINVALID);
	assert_message_has("contact_filter.number");
}

static void add_note(iv_db *db, const char *contact, iv_time at, const char *text, id_buf out)
{
	iv_note *n = NULL;

	ok(iv_note_new(&n));
	ok(iv_note_set_contact(n, contact));
	ok(iv_note_set_text(n, text));
	ok(iv_note_set_at(n, at));
	ok(iv_note_insert(db, n));
	if (out)
		copy_id(out, iv_note_id(n));
	iv_note_free(n);
}

static void notes_are_listed_by_time_per_contact(void **state)
{
	fixture *fx = *state;
	iv_note_filter f = IV_NOTE_FILTER_INIT;
	iv_note_iter *it = NULL;
	iv_note *n = NULL;
	id_buf a, b, n1;

	put_contact(fx->db, "Ada", NULL, a);
	put_contact(fx->db, "Bea", NULL, b);
	if (!keeps_numbers()) {
		ok(iv_note_new(&n));
		ok(iv_note_set_contact(n, a));
		ok(iv_note_set_text(n, "x"));
		check(iv_note_insert(fx->db, n), IV_EVERSION);
		assert_message_has("notes");
		iv_note_free(n);
		check(iv_note_list(&it, fx->db, NULL), IV_EVERSION);
		return;
	}
	add_note(fx->db, a, T0 + 200, "Second", NULL);
	add_note(fx->db, a, T0 + 100, "First\nwith two lines", n1);
	add_note(fx->db, b, T0 + 150, "About Bea", NULL);
	f.contact = a;
	ok(iv_note_list(&it, fx->db, &f));
	ok(iv_note_iter_next(&n, it));
	assert_string_equal(iv_note_text(n), "First\nwith two lines");
	assert_string_equal(iv_note_id(n), n1);
	assert_int_equal(iv_note_at(n), T0 + 100);
	assert_int_equal(iv_note_number(n), 2);
	assert_int_equal(iv_note_created(n), T0);
	iv_note_free(n);
	ok(iv_note_iter_next(&n, it));
	assert_string_equal(iv_note_text(n), "Second");
	iv_note_free(n);
	check(iv_note_iter_next(&n, it), IV_ITEROVER);
	iv_note_iter_free(it);
	/* by number, across contacts */
	f.contact = NULL;
	f.number = 3;
	ok(iv_note_list(&it, fx->db, &f));
	ok(iv_note_iter_next(&n, it));
	assert_string_equal(iv_note_text(n), "About Bea");
	iv_note_free(n);
	check(iv_note_iter_next(&n, it), IV_ITEROVER);
	iv_note_iter_free(it);
	/* lookup and delete */
	ok(iv_note_lookup(&n, fx->db, n1));
	iv_note_free(n);
	ok(iv_note_delete(fx->db, n1));
	check(iv_note_lookup(&n, fx->db, n1), IV_ENOTFOUND);
	check(iv_note_delete(fx->db, n1), IV_ENOTFOUND);
}

static void note_insert_checks_its_contact_and_text(void **state)
{
	fixture *fx = *state;
	iv_note *n = NULL;
	id_buf a;

	if (!keeps_numbers())
		return;
	put_contact(fx->db, "Ada", NULL, a);
	ok(iv_note_new(&n));
	check(iv_note_set_text(n, "   "), IV_EINVALID);
	check(iv_note_insert(fx->db, n), IV_EINVALID);
	assert_message_has("note.contact");
	ok(iv_note_set_contact(n, MISSING_ID));
	check(iv_note_insert(fx->db, n), IV_EINVALID);
	assert_message_has("note.text");
	ok(iv_note_set_text(n, "Met at the conference"));
	check(iv_note_insert(fx->db, n), IV_ENOTFOUND);
	assert_null(iv_note_id(n));
	ok(iv_note_set_contact(n, a));
	ok(iv_note_insert(fx->db, n));
	/* unset time: the store's clock */
	assert_int_equal(iv_note_at(n), T0);
	iv_note_free(n);
}

static void deleting_a_contact_deletes_its_notes(void **state)
{
	fixture *fx = *state;
	iv_note_iter *it = NULL;
	iv_note *n = NULL;
	id_buf a, b, nb;

	if (!keeps_numbers())
		return;
	put_contact(fx->db, "Ada", NULL, a);
	put_contact(fx->db, "Bea", NULL, b);
	add_note(fx->db, a, T0, "About Ada", NULL);
	add_note(fx->db, b, T0, "About Bea", nb);
	/* notes do not hold a contact back */
	ok(iv_contact_delete(fx->db, a, 0));
	ok(iv_note_list(&it, fx->db, NULL));
	ok(iv_note_iter_next(&n, it));
	assert_string_equal(iv_note_id(n), nb);
	iv_note_free(n);
	check(iv_note_iter_next(&n, it), IV_ITEROVER);
	iv_note_iter_free(it);
}

static void interact_records_the_interaction_and_a_dated_note(void **state)
{
	fixture *fx = *state;
	iv_contact *c = NULL;
	iv_note *n = NULL;
	id_buf a;

	put_contact(fx->db, "Ada", NULL, a);
	ok(iv_contact_interact(&n, fx->db, a, T0 - 3600, "Coffee; she suggested Tom"));
	ok(iv_contact_lookup(&c, fx->db, a));
	assert_int_equal(iv_contact_last_interaction(c), T0 - 3600);
	if (keeps_numbers()) {
		assert_non_null(n);
		assert_int_equal(iv_note_at(n), T0 - 3600);
		assert_string_equal(iv_note_text(n), "Coffee; she suggested Tom");
		/* the contact's own notes field is left alone */
		assert_null(iv_contact_notes(c));
	} else {
		/* no notes on a version-1 backend: the text goes to the notes field */
		assert_null(n);
		assert_non_null(strstr(iv_contact_notes(c), "Coffee; she suggested Tom"));
	}
	iv_contact_free(c);
	iv_note_free(n);
	/* editing the contact cannot lose a note */
	ok(iv_contact_lookup(&c, fx->db, a));
	ok(iv_contact_set_notes(c, "Replaced"));
	ok(iv_contact_update(fx->db, c));
	iv_contact_free(c);
	if (keeps_numbers()) {
		iv_note_iter *it = NULL;
		iv_note_filter f = IV_NOTE_FILTER_INIT;

		f.contact = a;
		ok(iv_note_list(&it, fx->db, &f));
		ok(iv_note_iter_next(&n, it));
		assert_string_equal(iv_note_text(n), "Coffee; she suggested Tom");
		iv_note_free(n);
		iv_note_iter_free(it);
	}
	check(iv_contact_interact(NULL, fx->db, MISSING_ID, 0, "x"), IV_ENOTFOUND);
}

static void timeline_merges_a_contacts_records_by_time(void **state)
{
	fixture *fx = *state;
	iv_timeline_iter *it = NULL;
	iv_timeline_entry *e = NULL;
	iv_interview *iv = NULL;
	id_buf me, ada, other, in, v;
	int kinds[8];
	size_t n = 0;

	put_contact(fx->db, "Priya", NULL, me);
	put_contact(fx->db, "Ada", NULL, ada);
	put_contact(fx->db, "Other", NULL, other);
	fx->now = T0 + 100;
	put_intro(fx->db, me, ada, IV_INTRO_SUGGESTED, NULL, in);
	fx->now = T0 + 200;
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, ada));
	ok(iv_interview_set_intro(iv, in));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_SCHEDULED));
	ok(iv_interview_set_scheduled_at(iv, T0 + 1000));
	ok(iv_interview_insert(fx->db, iv));
	copy_id(v, iv_interview_id(iv));
	iv_interview_free(iv);
	put_followup(fx->db, ada, NULL, T0 + 500, IV_FOLLOWUP_PENDING, NULL, NULL);
	put_followup(fx->db, other, NULL, T0 + 600, IV_FOLLOWUP_PENDING, NULL, NULL);
	if (keeps_numbers())
		add_note(fx->db, ada, T0 + 300, "Read her paper", NULL);

	ok(iv_timeline(&it, fx->db, ada));
	while (iv_timeline_iter_next(&e, it) == 0) {
		assert_true(n < 8);
		kinds[n++] = iv_timeline_entry_kind(e);
		switch (iv_timeline_entry_kind(e)) {
		case IV_TIMELINE_INTRO:
			assert_string_equal(iv_intro_id(iv_timeline_entry_intro(e)), in);
			assert_int_equal(iv_timeline_entry_time(e), T0 + 100);
			break;
		case IV_TIMELINE_NOTE:
			assert_string_equal(iv_note_text(iv_timeline_entry_note(e)), "Read her paper");
			break;
		case IV_TIMELINE_FOLLOWUP:
			assert_int_equal(iv_timeline_entry_time(e), T0 + 500);
			break;
		case IV_TIMELINE_INTERVIEW:
			assert_string_equal(iv_interview_id(iv_timeline_entry_interview(e)), v);
			assert_int_equal(iv_timeline_entry_time(e), T0 + 1000);
			assert_null(iv_timeline_entry_note(e));
			break;
		default:
			fail();
		}
		iv_timeline_entry_free(e);
	}
	iv_timeline_iter_free(it);
	if (keeps_numbers()) {
		assert_int_equal(n, 4);
		assert_int_equal(kinds[1], IV_TIMELINE_NOTE);
	} else {
		assert_int_equal(n, 3);
	}
	assert_int_equal(kinds[0], IV_TIMELINE_INTRO);
	assert_int_equal(kinds[n - 2], IV_TIMELINE_FOLLOWUP);
	assert_int_equal(kinds[n - 1], IV_TIMELINE_INTERVIEW);
	check(iv_timeline(&it, fx->db, MISSING_ID), IV_ENOTFOUND);
	assert_null(it);
}

/* --- The network walked back (issue 10) ---------------------------------- */

/*
 * iv_db_path(), iv_db_degree() and iv_db_company_paths() answer as a
 * snapshot does on every backend: with intros_to() (version 4) or, for an
 * older backend such as the third party's, through the list operations.
 */
static void network_walked_back_matches_the_snapshot(void **state)
{
	static const int known[] = { IV_KNOWN_DIRECT, IV_KNOWN_INTRODUCED, IV_KNOWN_COLD, IV_KNOWN_INTRODUCED };
	fixture *fx = *state;
	id_buf ids[24];
	iv_network *net = NULL;
	iv_path_iter *ia = NULL, *ib = NULL;
	unsigned int r = 7;
	size_t i;
	int ra, rb;

	for (i = 0; i < 24; i++) {
		iv_contact *c = NULL;

		r = r * 1103515245u + 12345u;
		ok(iv_contact_new(&c));
		ok(iv_contact_set_name(c, "Person"));
		ok(iv_contact_set_company(c, (r >> 8) % 2 ? "Acme" : "Globex"));
		ok(iv_contact_set_known(c, i < 2 ? IV_KNOWN_DIRECT : known[(r >> 12) % 4]));
		ok(iv_contact_set_last_interaction(c, (r >> 16) % 3 ? T0 - (iv_time)((r >> 20) % 2) * 86400 : 0));
		ok(iv_contact_insert(fx->db, c));
		copy_id(ids[i], iv_contact_id(c));
		iv_contact_free(c);
	}
	for (i = 0; i < 60; i++) {
		size_t by, to;

		r = r * 1103515245u + 12345u;
		by = (r >> 8) % 24;
		to = (r >> 16) % 24;
		if (by != to)
			put_intro(fx->db, ids[by], ids[to], (int)((r >> 24) % 4) + 1, NULL, NULL);
	}
	ok(iv_network_load(&net, fx->db));
	for (i = 0; i < 24; i++) {
		iv_path *a = NULL, *b = NULL;
		int da = -1, db = -1;
		size_t k;

		ok(iv_network_degree(&da, net, ids[i]));
		ok(iv_db_degree(&db, fx->db, ids[i]));
		assert_int_equal(da, db);
		ra = iv_network_path(&a, net, ids[i]);
		rb = iv_db_path(&b, fx->db, ids[i]);
		assert_int_equal(ra, rb);
		assert_int_equal(iv_path_length(a), iv_path_length(b));
		for (k = 0; k < iv_path_length(a); k++) {
			assert_string_equal(iv_path_contact_at(a, k), iv_path_contact_at(b, k));
			if (k)
				assert_string_equal(iv_path_intro_at(a, k), iv_path_intro_at(b, k));
		}
		iv_path_free(a);
		iv_path_free(b);
	}
	ok(iv_network_company_paths(&ia, net, "acme"));
	ok(iv_db_company_paths(&ib, fx->db, "acme"));
	do {
		iv_path *a = NULL, *b = NULL;

		ra = iv_path_iter_next(&a, ia);
		rb = iv_path_iter_next(&b, ib);
		assert_int_equal(ra, rb);
		if (ra == 0)
			assert_string_equal(iv_path_target(a), iv_path_target(b));
		iv_path_free(a);
		iv_path_free(b);
	} while (ra == 0);
	iv_path_iter_free(ia);
	iv_path_iter_free(ib);
	iv_network_free(net);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		/* contacts */
		T(contact_insert_assigns_id_and_times),
		T(targets_are_kept_or_refused_by_version),
		T(network_walked_back_matches_the_snapshot),
		T(contact_insert_keeps_caller_id_in_lower_case),
		T(contact_lookup_accepts_upper_case_id),
		T(contact_insert_refuses_taken_id),
		T(contact_lookup_round_trips_every_field),
		T(contact_lookup_round_trips_unset_fields),
		T(contact_lookup_missing_is_notfound_naming_id),
		T(contact_lookup_malformed_id_is_invalid),
		T(contact_update_replaces_fields_and_stamps_updated),
		T(contact_update_missing_is_notfound),
		T(contact_delete_then_lookup_is_notfound),
		T(contact_delete_missing_is_notfound),
		T(contact_delete_malformed_id_is_invalid),
		T(contact_insert_refuses_missing_name),
		T(contact_list_orders_by_name_case_insensitive_then_id),
		T(contact_list_filters_by_company_case_insensitive),
		T(contact_list_filters_by_tag_case_insensitive),
		T(contact_list_combines_company_and_tag),
		T(contact_list_of_empty_store_returns_iterover_repeatedly),
		T(contact_list_keeps_returning_iterover_after_the_end),
		T(contact_list_refuses_unknown_filter_version),
		T(contact_filter_init_sets_defaults),
		/* introductions */
		T(intro_insert_assigns_id_and_times),
		T(intro_insert_keeps_caller_id),
		T(intro_insert_refuses_taken_id),
		T(intro_lookup_round_trips_every_field),
		T(intro_lookup_missing_is_notfound_naming_id),
		T(intro_lookup_malformed_id_is_invalid),
		T(intro_update_replaces_fields_and_stamps_updated),
		T(intro_update_missing_is_notfound),
		T(intro_delete_then_lookup_is_notfound),
		T(intro_delete_missing_is_notfound),
		T(intro_list_filters_by_introducer),
		T(intro_list_filters_by_introduced),
		T(intro_list_filters_by_status),
		T(intro_list_combines_filters),
		T(intro_list_accepts_upper_case_filter_ids),
		T(intro_list_orders_by_created_then_id),
		T(intro_list_of_empty_store_returns_iterover_repeatedly),
		T(intro_list_refuses_malformed_filter),
		T(intro_list_refuses_unknown_filter_version),
		T(intro_filter_init_sets_defaults),
		T(intro_insert_refuses_missing_introducer),
		T(intro_insert_refuses_missing_introduced),
		T(intro_insert_refuses_unset_contacts),
		T(intro_insert_refuses_self_introduction),
		T(intro_update_refuses_missing_contact),
		/* interviews */
		T(interview_insert_assigns_id_and_times),
		T(interview_insert_keeps_caller_id),
		T(interview_insert_refuses_taken_id),
		T(interview_lookup_round_trips_every_field),
		T(interview_lookup_round_trips_defaults),
		T(interview_lookup_missing_is_notfound_naming_id),
		T(interview_lookup_malformed_id_is_invalid),
		T(interview_update_replaces_fields_and_stamps_updated),
		T(interview_update_missing_is_notfound),
		T(interview_delete_then_lookup_is_notfound),
		T(interview_delete_missing_is_notfound),
		T(interview_list_filters_by_contact),
		T(interview_list_filters_by_status),
		T(interview_list_filters_by_intro),
		T(interview_list_combines_filters),
		T(interview_list_orders_by_created_then_id),
		T(interview_list_of_empty_store_returns_iterover_repeatedly),
		T(interview_list_refuses_malformed_filter),
		T(interview_list_refuses_unknown_filter_version),
		T(interview_filter_init_sets_defaults),
		T(interview_insert_refuses_missing_contact),
		T(interview_insert_refuses_unset_contact),
		T(interview_insert_refuses_missing_intro),
		T(interview_insert_refuses_intro_not_introducing_contact),
		T(interview_update_refuses_missing_intro),
		/* follow-ups */
		T(followup_insert_assigns_id_and_times),
		T(followup_insert_keeps_caller_id),
		T(followup_insert_refuses_taken_id),
		T(followup_lookup_round_trips_every_field),
		T(followup_lookup_round_trips_defaults),
		T(followup_lookup_missing_is_notfound_naming_id),
		T(followup_lookup_malformed_id_is_invalid),
		T(followup_update_replaces_fields_and_stamps_updated),
		T(followup_update_missing_is_notfound),
		T(followup_delete_then_lookup_is_notfound),
		T(followup_delete_missing_is_notfound),
		T(followup_list_orders_by_due_then_id),
		T(followup_list_filters_by_status),
		T(followup_list_filters_by_due_before_inclusive),
		T(followup_list_combines_status_and_due_before),
		T(followup_list_filters_by_contact),
		T(followup_list_filters_by_interview),
		T(followup_rule_round_trips),
		T(followup_list_by_rule),
		T(followup_list_by_earliest_before),
		T(followup_list_of_empty_store_returns_iterover_repeatedly),
		T(followup_list_refuses_malformed_filter),
		T(followup_list_refuses_unknown_filter_version),
		T(followup_filter_init_sets_defaults),
		/* lookups by id prefix and by name */
		T(contact_list_by_id_prefix),
		T(intro_list_by_id_prefix),
		T(interview_list_by_id_prefix),
		T(followup_list_by_id_prefix),
		T(followup_list_combines_id_prefix_and_status),
		T(contact_list_by_id_prefix_matching_nothing_is_over_at_once),
		T(contact_list_refuses_malformed_id_prefix),
		T(intro_list_refuses_malformed_id_prefix),
		T(interview_list_refuses_malformed_id_prefix),
		T(followup_list_refuses_malformed_id_prefix),
		T(contact_list_by_name_is_exact_and_case_insensitive),
		T(contact_list_combines_name_and_id_prefix),
		T(contact_list_refuses_malformed_name),
		T(followup_insert_refuses_missing_contact),
		T(followup_insert_refuses_missing_interview),
		T(followup_insert_refuses_unset_contact),
		T(followup_insert_refuses_unset_due),
		T(followup_insert_refuses_due_before_earliest),
		T(followup_insert_accepts_due_equal_to_earliest),
		T(followup_update_refuses_missing_interview),
		/* deleting what others depend on */
		T(contact_delete_refused_when_introducer),
		T(contact_delete_refused_when_introduced),
		T(contact_delete_refused_when_interviewed),
		T(contact_delete_refused_when_followup_recipient),
		T(contact_delete_cascade_removes_dependents_only),
		T(interview_delete_refused_with_followups),
		T(interview_delete_cascade_removes_its_followups),
		T(intro_delete_refused_when_interview_names_it),
		T(intro_delete_cascade_keeps_interview_without_intro),
		/* transactions */
		T(transaction_rollback_discards_insert),
		T(transaction_commit_keeps_insert),
		T(transaction_inner_rollback_undoes_only_inner_part),
		T(transaction_outer_rollback_undoes_inner_commit),
		T(transaction_commit_without_begin_is_misuse),
		T(transaction_rollback_without_begin_is_misuse),
		T(transaction_depth_counts_open_transactions),
		T(transaction_rollback_restores_updated_record),
		T(transaction_rollback_restores_deleted_record),
		/* settings */
		T(setting_get_unset_is_notfound),
		T(setting_set_then_get),
		T(setting_set_overwrites),
		T(setting_set_null_removes),
		T(setting_refuses_invalid_key),
		T(setting_accepts_key_of_64_bytes),
		T(setting_refuses_reserved_prefix),
		T(setting_rolls_back_with_transaction),
		/* atomicity */
		T(failed_write_keeps_transaction_and_earlier_writes),
		T(failed_write_leaves_transaction_to_roll_back),
		T(failed_cascade_keeps_transaction_and_earlier_writes),
		T(failed_cascade_leaves_transaction_to_roll_back),
		T(cascade_inside_transaction_commits_with_it),
		/* numbers, notes, the timeline */
		T(records_are_numbered_in_insertion_order_per_kind),
		T(numbers_are_never_given_twice_and_survive_updates),
		T(failed_insert_gives_no_number),
		T(list_by_number_finds_one_record),
		T(notes_are_listed_by_time_per_contact),
		T(note_insert_checks_its_contact_and_text),
		T(deleting_a_contact_deletes_its_notes),
		T(interact_records_the_interaction_and_a_dated_note),
		T(timeline_merges_a_contacts_records_by_time),
	};

	if (argc != 2) {
		fprintf(stderr, "usage: %s memory|sqlite|postgresql|thirdparty\n", argv[0]);
		return 2;
	}
	backend_name = argv[1];
	if (strcmp(backend_name, "postgresql") == 0) {
#ifdef IV_TEST_POSTGRES
		/* The server's conninfo ($IV_TEST_PG or $IV_TEST_PG_DIR), checked now. */
		if (iv_test_pg_conninfo() == NULL)
			return 2;
#else
		fprintf(stderr, "%s: this test was built without PostgreSQL support (libpq)\n", argv[0]);
		return 2;
#endif
	}
	return cmocka_run_group_tests_name(backend_name, tests, suite_setup, NULL);
}

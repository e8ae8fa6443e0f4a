/*
 * What is particular to the PostgreSQL backend (the behaviours every
 * backend shares are the conformance suite's): the administrator's
 * functions and the refusals of a store that cannot open, a dropped
 * connection made again and the call done again (IV_ERETRY), iterators
 * that outlive writes, commits and rolled-back savepoints, the order of
 * names whatever the database's collation, and search giving exactly the
 * memory backend's hits and scores.
 *
 * Runs against the tests' server (tests/pg/pg-server; $IV_TEST_PG or
 * $IV_TEST_PG_DIR), each test as a fresh role.
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

#include <libpq-fe.h>

#include <infoview/infoview.h>
#include <infoview/postgres.h>

#include "pg/pg_store.h"

typedef struct {
	iv_db *db;
	char role[IV_TEST_PG_ROLE_LEN];
} fixture;

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof(*fx));

	*state = fx;
	return fx && iv_test_pg_open(&fx->db, fx->role) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	fixture *fx = *state;

	if (fx)
		iv_test_pg_close(fx->db, fx->role);
	free(fx);
	return 0;
}

static void add_contact(iv_db *db, const char *name, const char *id)
{
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, name));
	if (id)
		ok(iv_contact_set_id(c, id));
	ok(iv_contact_insert(db, c));
	iv_contact_free(c);
}

static size_t count_contacts(iv_db *db)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	size_t n = 0;
	int rc;

	ok(iv_contact_list(&it, db, NULL));
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		n++;
		iv_contact_free(c);
	}
	check(rc, IV_ITEROVER);
	iv_contact_iter_free(it);
	return n;
}

/* Ends the role's connections from the server's side, as a restart or a network failure would. */
static void drop_connections(const char *role)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '%s'", role);
	assert_int_equal(iv_test_pg_admin_exec(sql), 0);
}

/* --- The administrator's functions --------------------------------------- */

static void admin_functions_are_idempotent_and_refusals_say_what_to_run(void **state)
{
	const char *admin = iv_test_pg_conninfo();
	char role[IV_TEST_PG_ROLE_LEN], ci[1200], sql[200], uri[1400];
	PQconninfoOption *opts, *o;
	const char *host = NULL, *port = NULL, *dbname = NULL;
	iv_db *db = NULL;

	(void)state;
	assert_non_null(admin);
	assert_int_equal(iv_postgres_available(), 1);
	ok(iv_postgres_init(admin));
	ok(iv_postgres_init(admin));
	check(iv_postgres_init(NULL), IV_EINVALID);
	check(iv_postgres_add_user(admin, NULL), IV_EINVALID);
	check(iv_postgres_add_user(admin, "ivt_no_such_role"), IV_ENOTFOUND);
	assert_message_has("ivt_no_such_role");

	/* A role that was never given a space is told what to run. */
	assert_int_equal(iv_test_pg_role_new(role), 0);
	ok(iv_postgres_remove_user(admin, role));
	ok(iv_postgres_remove_user(admin, role));
	assert_int_equal(iv_test_pg_role_conninfo(ci, sizeof(ci), role), 0);
	check(iv_db_open_with(&db, "postgresql", ci), IV_ENOTFOUND);
	assert_null(db);
	assert_message_has("has no space");
	assert_message_has("admin add-user");
	assert_message_has(role);

	/* Given one twice, it opens; its records go with remove_user. */
	ok(iv_postgres_add_user(admin, role));
	ok(iv_postgres_add_user(admin, role));
	ok(iv_db_open_with(&db, "postgres", ci));
	add_contact(db, "Ada Lovelace", NULL);
	assert_int_equal(count_contacts(db), 1);
	iv_db_free(db);
	db = NULL;
	ok(iv_postgres_remove_user(admin, role));
	check(iv_db_open_with(&db, "postgresql", ci), IV_ENOTFOUND);
	ok(iv_postgres_add_user(admin, role));

	/* iv_db_open() takes a postgresql:// URI; the space is empty again. */
	assert_non_null(opts = PQconninfoParse(ci, NULL));
	for (o = opts; o->keyword; o++) {
		if (o->val && strcmp(o->keyword, "host") == 0)
			host = o->val;
		else if (o->val && strcmp(o->keyword, "port") == 0)
			port = o->val;
		else if (o->val && strcmp(o->keyword, "dbname") == 0)
			dbname = o->val;
	}
	assert_non_null(host);
	assert_non_null(dbname);
	snprintf(uri, sizeof(uri), "postgresql:///%s?host=%s&port=%s&user=%s", dbname, host, port ? port : "5432", role);
	PQconninfoFree(opts);
	ok(iv_db_open(&db, uri));
	assert_int_equal(count_contacts(db), 0);
	iv_db_free(db);
	assert_int_equal(iv_test_pg_role_drop(role), 0);

	/* A database without the schema: the administrator is told to run init. */
	assert_int_equal(iv_test_pg_admin_exec("DROP DATABASE IF EXISTS ivt_empty"), 0);
	assert_int_equal(iv_test_pg_admin_exec("CREATE DATABASE ivt_empty"), 0);
	snprintf(sql, sizeof(sql), "%s dbname=ivt_empty", admin);
	db = NULL;
	check(iv_db_open_with(&db, "postgresql", sql), IV_ENOTFOUND);
	assert_message_has("admin init");
	check(iv_postgres_add_user(sql, "postgres"), IV_ESTORAGE);
	assert_message_has("admin init");
	assert_int_equal(iv_test_pg_admin_exec("DROP DATABASE ivt_empty"), 0);
}

/* --- Transient failures ---------------------------------------------------- */

static void a_dropped_connection_is_made_again_and_the_call_done_again(void **state)
{
	fixture *fx = *state;
	uint64_t before;

	add_contact(fx->db, "Before", NULL);
	before = iv_db_retry_count(fx->db);
	drop_connections(fx->role);
	/* The library's own transaction: done again on a new connection. */
	add_contact(fx->db, "After", NULL);
	assert_true(iv_db_retry_count(fx->db) > before);
	assert_int_equal(count_contacts(fx->db), 2);

	/* In the caller's transaction: IV_ERETRY, and nothing of it stays. */
	ok(iv_db_begin(fx->db));
	add_contact(fx->db, "Lost", NULL);
	drop_connections(fx->role);
	{
		iv_contact *c = NULL;

		ok(iv_contact_new(&c));
		ok(iv_contact_set_name(c, "Refused"));
		check(iv_contact_insert(fx->db, c), IV_ERETRY);
		iv_contact_free(c);
	}
	ok(iv_db_rollback(fx->db));
	assert_int_equal(iv_db_transaction_depth(fx->db), 0);
	add_contact(fx->db, "Again", NULL);
	assert_int_equal(count_contacts(fx->db), 3);
}

/*
 * The connection is lost inside COMMIT (a deferred trigger the test puts
 * on the settings ends it while the server commits): the backend asks a
 * new connection whether the transaction committed, and it had not, so
 * the commit says IV_ERETRY, the rollback closes it, and the store works.
 */
static void a_connection_lost_in_commit_is_asked_about(void **state)
{
	fixture *fx = *state;
	char *v = NULL;

	assert_int_equal(iv_test_pg_admin_exec(
		"CREATE OR REPLACE FUNCTION infoview.ivt_kill() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
		" IF NEW.key = 't.kill' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;"
		" RETURN NULL; END $$"), 0);
	assert_int_equal(iv_test_pg_admin_exec("DROP TRIGGER IF EXISTS ivt_kill ON infoview.setting"), 0);
	assert_int_equal(iv_test_pg_admin_exec("CREATE CONSTRAINT TRIGGER ivt_kill AFTER INSERT ON infoview.setting"
					       " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
					       " EXECUTE FUNCTION infoview.ivt_kill()"), 0);
	ok(iv_db_begin(fx->db));
	add_contact(fx->db, "In the lost commit", NULL);
	ok(iv_db_setting_set(fx->db, "t.kill", "1"));
	check(iv_db_commit(fx->db), IV_ERETRY);
	assert_int_equal(iv_db_transaction_depth(fx->db), 1);
	ok(iv_db_rollback(fx->db));
	assert_int_equal(iv_test_pg_admin_exec("DROP TRIGGER ivt_kill ON infoview.setting"), 0);
	assert_int_equal(iv_test_pg_admin_exec("DROP FUNCTION infoview.ivt_kill()"), 0);
	assert_int_equal(count_contacts(fx->db), 0);
	check(iv_db_setting_get(&v, fx->db, "t.kill"), IV_ENOTFOUND);
	add_contact(fx->db, "Afterwards", NULL);
	assert_int_equal(count_contacts(fx->db), 1);
}

/* --- Iterators ------------------------------------------------------------- */

static void iterators_outlive_writes_commits_and_rolled_back_savepoints(void **state)
{
	fixture *fx = *state;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	char name[32], last[64] = "";
	size_t n = 0;
	int i, rc;

	/* More than one batch of the cursor (256 rows). */
	ok(iv_db_begin(fx->db));
	for (i = 0; i < 600; i++) {
		snprintf(name, sizeof(name), "Person %03d", i);
		add_contact(fx->db, name, NULL);
	}
	ok(iv_db_commit(fx->db));

	/* Open inside a transaction, read across its commit and a write after it. */
	ok(iv_db_begin(fx->db));
	ok(iv_contact_list(&it, fx->db, NULL));
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		assert_true(strcmp(last, iv_contact_name(c)) < 0);
		snprintf(last, sizeof(last), "%s", iv_contact_name(c));
		iv_contact_free(c);
		if (++n == 300) {
			ok(iv_db_commit(fx->db));
			add_contact(fx->db, "Written meanwhile", NULL);
		}
	}
	check(rc, IV_ITEROVER);
	iv_contact_iter_free(it);
	assert_true(n >= 600);

	/*
	 * One freed after the savepoint it was opened in was rolled back (which
	 * closed its cursor): the enclosing transaction goes on and commits.
	 */
	ok(iv_db_begin(fx->db));
	ok(iv_db_begin(fx->db));
	ok(iv_contact_list(&it, fx->db, NULL));
	ok(iv_contact_iter_next(&c, it));
	iv_contact_free(c);
	ok(iv_db_rollback(fx->db));
	iv_contact_iter_free(it);
	add_contact(fx->db, "After the savepoint", NULL);
	ok(iv_db_commit(fx->db));
	assert_int_equal(count_contacts(fx->db), 602);

	/* One freed early outside any transaction. */
	ok(iv_contact_list(&it, fx->db, NULL));
	ok(iv_contact_iter_next(&c, it));
	iv_contact_free(c);
	iv_contact_iter_free(it);
	add_contact(fx->db, "Last", NULL);
	assert_int_equal(count_contacts(fx->db), 603);
}

/* --- Settings in transactions ------------------------------------------- */

static void setting_is(iv_db *db, const char *key, const char *want)
{
	char *v = NULL;

	if (!want) {
		check(iv_db_setting_get(&v, db, key), IV_ENOTFOUND);
		return;
	}
	ok(iv_db_setting_get(&v, db, key));
	assert_string_equal(v, want);
	iv_free(v);
}

struct text {
	char *p;
	size_t len;
};

static int collect(const char *data, size_t len, void *payload)
{
	struct text *t = payload;

	t->p = realloc(t->p, t->len + len + 1);
	assert_non_null(t->p);
	memcpy(t->p + t->len, data, len);
	t->len += len;
	t->p[t->len] = '\0';
	return 0;
}

/*
 * Settings written in a transaction are kept by the backend until the
 * outermost commit: each level's writes follow its commit or rollback,
 * reads and the backup's listing see them, another connection does not
 * until the commit.
 */
static void settings_follow_each_levels_commit_and_rollback(void **state)
{
	fixture *fx = *state;
	struct text t = { NULL, 0 };
	char ci[1200];
	iv_db *other = NULL;

	ok(iv_db_setting_set(fx->db, "t.gone", "server"));
	ok(iv_db_setting_set(fx->db, "t.kept", "server"));
	ok(iv_db_begin(fx->db));
	ok(iv_db_setting_set(fx->db, "t.a", "1"));
	ok(iv_db_begin(fx->db));
	ok(iv_db_setting_set(fx->db, "t.a", "2"));
	ok(iv_db_setting_set(fx->db, "t.b", "x"));
	setting_is(fx->db, "t.a", "2");
	ok(iv_db_rollback(fx->db));
	setting_is(fx->db, "t.a", "1");
	setting_is(fx->db, "t.b", NULL);
	ok(iv_db_begin(fx->db));
	ok(iv_db_setting_set(fx->db, "t.a", "3"));
	ok(iv_db_setting_set(fx->db, "t.gone", NULL));
	ok(iv_db_begin(fx->db));
	ok(iv_db_setting_set(fx->db, "t.c", "inner"));
	ok(iv_db_commit(fx->db));
	ok(iv_db_commit(fx->db));
	setting_is(fx->db, "t.a", "3");
	setting_is(fx->db, "t.c", "inner");
	setting_is(fx->db, "t.gone", NULL);

	/* Not yet on the server. */
	assert_int_equal(iv_test_pg_role_conninfo(ci, sizeof(ci), fx->role), 0);
	ok(iv_db_open_with(&other, "postgresql", ci));
	setting_is(other, "t.a", NULL);
	setting_is(other, "t.gone", "server");

	/* The backup lists the transaction's settings: added, removed, kept. */
	ok(iv_export(fx->db, IV_FORMAT_JSON, collect, &t, NULL));
	assert_non_null(strstr(t.p, "\"t.a\""));
	assert_non_null(strstr(t.p, "\"t.c\""));
	assert_non_null(strstr(t.p, "\"t.kept\""));
	assert_null(strstr(t.p, "\"t.gone\""));
	assert_null(strstr(t.p, "\"t.b\""));
	free(t.p);

	ok(iv_db_commit(fx->db));
	setting_is(other, "t.a", "3");
	setting_is(other, "t.c", "inner");
	setting_is(other, "t.b", NULL);
	setting_is(other, "t.gone", NULL);
	setting_is(other, "t.kept", "server");

	/* Rolled back whole: nothing reaches the server. */
	ok(iv_db_begin(fx->db));
	ok(iv_db_setting_set(fx->db, "t.d", "never"));
	ok(iv_db_rollback(fx->db));
	setting_is(fx->db, "t.d", NULL);
	setting_is(other, "t.d", NULL);
	iv_db_free(other);
}

/* --- Order ----------------------------------------------------------------- */

static const char *const names[] = {
	"bob", "Bob", "BOB", "alice", "Álvaro", "alvaro", "_under", "Zed", "zed2", "[bracket", "a b", "ab", "Ñandú", "nandu",
};
#define NNAMES (sizeof(names) / sizeof(names[0]))

/* The order of the contacts' ids as a store lists them. */
static void list_ids(iv_db *db, char ids[][IV_ID_LEN + 1], size_t n)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	size_t i = 0;
	int rc;

	ok(iv_contact_list(&it, db, NULL));
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		assert_true(i < n);
		memcpy(ids[i++], iv_contact_id(c), IV_ID_LEN + 1);
		iv_contact_free(c);
	}
	check(rc, IV_ITEROVER);
	iv_contact_iter_free(it);
	assert_int_equal(i, n);
}

static void names_are_ordered_as_ascii_case_insensitive_bytes(void **state)
{
	fixture *fx = *state;
	char pg[NNAMES][IV_ID_LEN + 1], mem[NNAMES][IV_ID_LEN + 1], id[IV_ID_LEN + 1];
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	iv_db *m = NULL;
	size_t i;
	int n = 0;

	ok(iv_db_open_memory(&m));
	for (i = 0; i < NNAMES; i++) {
		snprintf(id, sizeof(id), "01900000-0000-7000-8000-0000000000%02u", (unsigned)(NNAMES - i));
		add_contact(fx->db, names[i], id);
		add_contact(m, names[i], id);
	}
	list_ids(fx->db, pg, NNAMES);
	list_ids(m, mem, NNAMES);
	for (i = 0; i < NNAMES; i++)
		assert_string_equal(pg[i], mem[i]);
	/* A name filter folds A-Z only: "BOB" finds the three bobs, "ÁLVARO" is not "álvaro". */
	f.name = "BOB";
	ok(iv_contact_list(&it, fx->db, &f));
	while (iv_contact_iter_next(&c, it) == 0) {
		n++;
		iv_contact_free(c);
	}
	iv_contact_iter_free(it);
	assert_int_equal(n, 3);
	iv_db_free(m);
}

/* --- Search ---------------------------------------------------------------- */

/* The hits of `query` as "kind id score" lines, in order. */
static char *hits(iv_db *db, const char *query, size_t limit)
{
	iv_search_options o = IV_SEARCH_OPTIONS_INIT;
	iv_search_iter *it = NULL;
	iv_search_hit *h = NULL;
	size_t size = 1, len = 0;
	char *out = calloc(1, 1), line[128];
	int rc;

	o.limit = limit;
	ok(iv_search(&it, db, query, &o));
	while ((rc = iv_search_iter_next(&h, it)) == 0) {
		int k = snprintf(line, sizeof(line), "%d %s %g\n", iv_search_hit_kind(h), iv_search_hit_id(h),
				 iv_search_hit_score(h));
		out = realloc(out, size += (size_t)k);
		assert_non_null(out);
		memcpy(out + len, line, (size_t)k + 1);
		len += (size_t)k;
		iv_search_hit_free(h);
	}
	check(rc, IV_ITEROVER);
	iv_search_iter_free(it);
	return out;
}

static void fill(iv_db *db)
{
	static const struct { const char *name, *company, *title, *tag, *notes; } people[] = {
		{ "Dana Pfister", "Pfizer", "Chemist", "pharma", "met at the Pfizer talk" },
		{ "O'Brien-Lopez", "Acme", "Lopez lead", NULL, NULL },
		{ "Café Owner", "Cafeteria Ltd", NULL, "café", "serves cafe au lait" },
		{ "Ünal Öz", "ÖzTech", "CEO", "tech", "dana's friend" },
		{ "pfi", NULL, NULL, "PFI", "pfizer pfister" },
	};
	char id[IV_ID_LEN + 1];
	size_t i;

	for (i = 0; i < sizeof(people) / sizeof(people[0]); i++) {
		iv_contact *c = NULL;
		iv_interview *iv = NULL;

		snprintf(id, sizeof(id), "01900000-0000-7000-8000-0000000001%02u", (unsigned)i);
		ok(iv_contact_new(&c));
		ok(iv_contact_set_id(c, id));
		ok(iv_contact_set_name(c, people[i].name));
		ok(iv_contact_set_company(c, people[i].company));
		ok(iv_contact_set_title(c, people[i].title));
		if (people[i].tag)
			ok(iv_contact_add_tag(c, people[i].tag));
		ok(iv_contact_set_notes(c, people[i].notes));
		ok(iv_contact_insert(db, c));
		ok(iv_interview_new(&iv));
		snprintf(id, sizeof(id), "01900000-0000-7000-8000-0000000002%02u", (unsigned)i);
		ok(iv_interview_set_id(iv, id));
		ok(iv_interview_set_contact(iv, iv_contact_id(c)));
		ok(iv_interview_set_purpose(iv, people[i].title ? people[i].title : "Catch up"));
		ok(iv_interview_set_notes(iv, people[i].notes));
		ok(iv_interview_add_question(iv, "What about Pfizer?"));
		ok(iv_interview_set_answer(iv, 0, people[i].company ? people[i].company : "no answer"));
		ok(iv_interview_add_advice(iv, "Ask Dana"));
		ok(iv_interview_add_resource(iv, "lopez.example/pfi"));
		ok(iv_interview_insert(db, iv));
		iv_interview_free(iv);
		iv_contact_free(c);
	}
}

static void search_gives_the_memory_backends_hits_and_scores(void **state)
{
	static const char *const queries[] = {
		"pfi", "PFIZER", "dana", "o brien", "brien-lopez", "café", "cafe", "caf", "öz", "Öz", "lopez pfi",
		"what", "zzz", "a", "dana pfi", "tech",
	};
	fixture *fx = *state;
	iv_db *m = NULL;
	size_t i, limit;

	ok(iv_db_open_memory(&m));
	fill(fx->db);
	fill(m);
	for (i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		for (limit = 0; limit <= 2; limit += 2) {
			char *a = hits(fx->db, queries[i], limit), *b = hits(m, queries[i], limit);

			if (strcmp(a, b) != 0)
				FAIL("query '%s' (limit %zu):\npostgresql:\n%smemory:\n%s", queries[i], limit, a, b);
			free(a);
			free(b);
		}
	}
	iv_db_free(m);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(admin_functions_are_idempotent_and_refusals_say_what_to_run),
		T(a_dropped_connection_is_made_again_and_the_call_done_again),
		T(a_connection_lost_in_commit_is_asked_about),
		T(iterators_outlive_writes_commits_and_rolled_back_savepoints),
		T(settings_follow_each_levels_commit_and_rollback),
		T(names_are_ordered_as_ascii_case_insensitive_bytes),
		T(search_gives_the_memory_backends_hits_and_scores),
	};

	if (!iv_test_pg_conninfo())
		return 1;
	return cmocka_run_group_tests_name("postgres", tests, NULL, NULL);
}

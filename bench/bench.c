/*
 * The library against its limit (issue 10): the same operations done
 * through the public API and by a plain C program with hand-written SQL on
 * the library's own schema and connection settings, interleaved (raw,
 * library, raw, library...) and compared as medians of several rounds.
 *
 * usage: iv_bench [-r ROUNDS] [-o STORE] [-k] N
 *   N       contacts in the store (2N introductions, N follow-ups)
 *   -r      rounds per operation (default 6; the heavy ones at most 4), made
 *           even: each side goes first in half of them
 *   -o      where to make the store (default /tmp/iv_bench-PID.db)
 *   -k      keep the store afterwards
 *
 * The store is created by opening it through the library, so the schema is
 * the library's; the raw side opens it with the library's connection
 * settings (sqlite_schema.c). Most of it is written by raw SQL (a build,
 * not measured); the insert rows then add chunks alternately raw and
 * through the API. Every raw answer is checked against the library's: a
 * difference stops the program with status 1.
 *
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include <infoview/infoview.h>

#include "common.h"

/* The library's connection settings (lib/backends/sqlite_schema.c). */
static const char pragmas[] = "PRAGMA foreign_keys = ON;"
			      "PRAGMA synchronous = NORMAL;"
			      "PRAGMA journal_size_limit = 67108864;"
			      "PRAGMA cache_size = -8192;"
			      "PRAGMA journal_mode = WAL;";

/* --- Small tools -------------------------------------------------------- */

static void fail(const char *what)
{
	fprintf(stderr, "iv_bench: %s\n", what);
	exit(1);
}

static void lib_die(const char *what)
{
	fprintf(stderr, "iv_bench: %s: %s\n", what, iv_error_last()->message);
	exit(1);
}

static sqlite3 *raw_db; /* the raw program's connection */
static volatile size_t sink; /* what is read, so that reading is not left out */

static void sql_die(const char *what)
{
	fprintf(stderr, "iv_bench: %s: %s\n", what, sqlite3_errmsg(raw_db));
	exit(1);
}

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "iv_bench: raw and library disagree: %s\n", what);
		exit(1);
	}
}

/* The raw program's statements, finalized at the end (not FTS5's own). */
static sqlite3_stmt *prepared[64];
static int nprepared;

static sqlite3_stmt *prep(const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v3(raw_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		sql_die(sql);
	if (nprepared < 64)
		prepared[nprepared++] = st;
	return st;
}

static void exec(const char *sql)
{
	if (sqlite3_exec(raw_db, sql, NULL, NULL, NULL) != SQLITE_OK)
		sql_die(sql);
}

static void done(sqlite3_stmt *st, const char *what)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		sql_die(what);
	sqlite3_reset(st);
}

/* --- The data ----------------------------------------------------------- */

static unsigned char (*cuuid)[16]; /* per contact index */
static sqlite3_int64 *crow;    /* its row id */
static int default_cadence;

/* --- The raw program's writes --------------------------------------------- */

static sqlite3_stmt *s_begin, *s_commit, *s_num_get, *s_num_set, *s_contact_ins, *s_tag_ins, *s_email_ins,
	*s_intro_ins, *s_fu_ins, *s_rowid, *s_intro_ins_by_uuid, *s_fu_ins_by_uuid;
/* The raw inserts resolve the contacts' UUIDs in SQL, as the API is given them (not row ids it kept). */
static int by_uuid;

static void raw_prepare_writes(void)
{
	s_begin = prep("BEGIN IMMEDIATE");
	s_commit = prep("COMMIT");
	s_num_get = prep("SELECT value FROM setting WHERE key = ?1");
	s_num_set = prep("INSERT OR REPLACE INTO setting (key, value) VALUES (?1, ?2)");
	s_contact_ins = prep("INSERT INTO contact (uuid, name, phone, company, title, location, url, notes, known,"
			     " cadence_days, last_interaction, emails, tags, created, updated, num)"
			     " VALUES (?1, ?2, NULL, ?3, NULL, NULL, NULL, NULL, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)");
	s_tag_ins = prep("INSERT INTO contact_tag (contact_id, tag) VALUES (?1, ?2)");
	s_email_ins = prep("INSERT INTO contact_email (contact_id, email) VALUES (?1, ?2)");
	s_intro_ins = prep("INSERT INTO intro (uuid, introducer, introduced, channel, status, requested_at, made_at,"
			   " note, created, updated, num) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL, ?8, ?8, ?9)");
	s_fu_ins = prep("INSERT INTO followup (uuid, contact, interview, kind, status, earliest, due, closed_at, note,"
			" draft, created, updated, num, rule) VALUES (?1, ?2, NULL, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9, ?9,"
			" ?10, NULL)");
	s_rowid = prep("SELECT id FROM contact WHERE uuid = ?1");
	s_intro_ins_by_uuid = prep("INSERT INTO intro (uuid, introducer, introduced, channel, status, requested_at,"
				   " made_at, note, created, updated, num) VALUES (?1, (SELECT id FROM contact WHERE"
				   " uuid = ?2), (SELECT id FROM contact WHERE uuid = ?3), ?4, ?5, ?6, ?7, NULL, ?8, ?8,"
				   " ?9)");
	s_fu_ins_by_uuid = prep("INSERT INTO followup (uuid, contact, interview, kind, status, earliest, due, closed_at,"
				" note, draft, created, updated, num, rule) VALUES (?1, (SELECT id FROM contact WHERE"
				" uuid = ?2), NULL, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9, ?9, ?10, NULL)");
}

/* The last number given to a kind (the library's setting iv.number.<kind>). */
static sqlite3_int64 num_get(const char *kind)
{
	char key[32];
	sqlite3_int64 v = 0;

	snprintf(key, sizeof(key), "iv.number.%s", kind);
	sqlite3_bind_text(s_num_get, 1, key, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s_num_get) == SQLITE_ROW)
		v = atoll((const char *)sqlite3_column_text(s_num_get, 0));
	sqlite3_reset(s_num_get);
	return v;
}

static void num_set(const char *kind, sqlite3_int64 v)
{
	char key[32], text[24];

	snprintf(key, sizeof(key), "iv.number.%s", kind);
	snprintf(text, sizeof(text), "%lld", (long long)v);
	sqlite3_bind_text(s_num_set, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s_num_set, 2, text, -1, SQLITE_TRANSIENT);
	done(s_num_set, "keeping a number");
}

static void raw_contact(long i, sqlite3_int64 num)
{
	struct contact_data d;
	sqlite3_stmt *st = s_contact_ins;

	contact_data(&d, i);
	uuid7(cuuid[i]);
	sqlite3_bind_blob(st, 1, cuuid[i], 16, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d.name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, d.company, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, d.known);
	sqlite3_bind_int(st, 5, default_cadence);
	sqlite3_bind_int64(st, 6, d.last);
	if (d.email[0])
		sqlite3_bind_text(st, 7, d.email, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 7);
	if (d.tag)
		sqlite3_bind_text(st, 8, d.tag, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 8);
	sqlite3_bind_int64(st, 9, NOW);
	sqlite3_bind_int64(st, 10, num);
	done(st, "inserting a contact");
	crow[i] = sqlite3_last_insert_rowid(raw_db);
	if (d.tag) {
		sqlite3_bind_int64(s_tag_ins, 1, crow[i]);
		sqlite3_bind_text(s_tag_ins, 2, d.tag, -1, SQLITE_STATIC);
		done(s_tag_ins, "inserting a tag");
	}
	if (d.email[0]) {
		sqlite3_bind_int64(s_email_ins, 1, crow[i]);
		sqlite3_bind_text(s_email_ins, 2, d.email, -1, SQLITE_STATIC);
		done(s_email_ins, "inserting an e-mail");
	}
}

static void raw_intro(const struct intro_data *d, sqlite3_int64 num)
{
	unsigned char u[16];
	sqlite3_stmt *st = by_uuid ? s_intro_ins_by_uuid : s_intro_ins;

	uuid7(u);
	sqlite3_bind_blob(st, 1, u, 16, SQLITE_STATIC);
	if (by_uuid) {
		sqlite3_bind_blob(st, 2, cuuid[d->by], 16, SQLITE_STATIC);
		sqlite3_bind_blob(st, 3, cuuid[d->to], 16, SQLITE_STATIC);
	} else {
		sqlite3_bind_int64(st, 2, crow[d->by]);
		sqlite3_bind_int64(st, 3, crow[d->to]);
	}
	sqlite3_bind_int(st, 4, d->channel);
	sqlite3_bind_int(st, 5, d->status);
	sqlite3_bind_int64(st, 6, NOW - 10 * DAY);
	sqlite3_bind_int64(st, 7, d->status == IV_INTRO_MADE ? NOW - 5 * DAY : 0);
	sqlite3_bind_int64(st, 8, NOW);
	sqlite3_bind_int64(st, 9, num);
	done(st, "inserting an introduction");
}

static void raw_followup(const struct followup_data *d, sqlite3_int64 num)
{
	unsigned char u[16];
	sqlite3_stmt *st = by_uuid ? s_fu_ins_by_uuid : s_fu_ins;

	uuid7(u);
	sqlite3_bind_blob(st, 1, u, 16, SQLITE_STATIC);
	if (by_uuid)
		sqlite3_bind_blob(st, 2, cuuid[d->contact], 16, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 2, crow[d->contact]);
	sqlite3_bind_int(st, 3, IV_FOLLOWUP_CUSTOM);
	sqlite3_bind_int(st, 4, d->status);
	sqlite3_bind_int64(st, 5, d->earliest);
	sqlite3_bind_int64(st, 6, d->due);
	sqlite3_bind_int64(st, 7, d->closed);
	sqlite3_bind_text(st, 8, fu_note, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, NOW);
	sqlite3_bind_int64(st, 10, num);
	done(st, "inserting a follow-up");
}

/* --- The library's writes ---------------------------------------------- */

static iv_db *lib_db;

static int clock_cb(iv_time *now, void *payload)
{
	(void)payload;
	*now = NOW;
	return 0;
}

static void lib_contact(long i)
{
	struct contact_data d;
	iv_contact *c = NULL;

	contact_data(&d, i);
	if (iv_contact_new(&c) < 0 || iv_contact_set_name(c, d.name) < 0 || iv_contact_set_company(c, d.company) < 0 ||
	    iv_contact_set_known(c, d.known) < 0 || iv_contact_set_last_interaction(c, d.last) < 0 ||
	    (d.email[0] && iv_contact_add_email(c, d.email) < 0) || (d.tag && iv_contact_add_tag(c, d.tag) < 0) ||
	    iv_contact_insert(lib_db, c) < 0)
		lib_die("inserting a contact");
	uuid_blob(cuuid[i], iv_contact_id(c));
	crow[i] = 0; /* found after the commit */
	iv_contact_free(c);
}

static void lib_intro(const struct intro_data *d)
{
	char by[IV_ID_LEN + 1], to[IV_ID_LEN + 1];
	iv_intro *in = NULL;

	uuid_text(by, cuuid[d->by]);
	uuid_text(to, cuuid[d->to]);
	if (iv_intro_new(&in) < 0 || iv_intro_set_introducer(in, by) < 0 || iv_intro_set_introduced(in, to) < 0 ||
	    iv_intro_set_channel(in, d->channel) < 0 || iv_intro_set_status(in, d->status) < 0 ||
	    iv_intro_set_requested_at(in, NOW - 10 * DAY) < 0 ||
	    iv_intro_set_made_at(in, d->status == IV_INTRO_MADE ? NOW - 5 * DAY : 0) < 0 ||
	    iv_intro_insert(lib_db, in) < 0)
		lib_die("inserting an introduction");
	iv_intro_free(in);
}

static void lib_followup(const struct followup_data *d)
{
	char contact[IV_ID_LEN + 1];
	iv_followup *fu = NULL;

	uuid_text(contact, cuuid[d->contact]);
	if (iv_followup_new(&fu) < 0 || iv_followup_set_contact(fu, contact) < 0 ||
	    iv_followup_set_kind(fu, IV_FOLLOWUP_CUSTOM) < 0 || iv_followup_set_status(fu, d->status) < 0 ||
	    iv_followup_set_earliest(fu, d->earliest) < 0 || iv_followup_set_due(fu, d->due) < 0 ||
	    (d->closed && iv_followup_set_closed_at(fu, d->closed) < 0) || iv_followup_set_note(fu, fu_note) < 0 ||
	    iv_followup_insert(lib_db, fu) < 0)
		lib_die("inserting a follow-up");
	iv_followup_free(fu);
}

/* Row ids of contacts the library inserted, for the raw program's references. */
static void find_rowids(long from, long to)
{
	long i;

	for (i = from; i < to; i++) {
		if (crow[i])
			continue;
		sqlite3_bind_blob(s_rowid, 1, cuuid[i], 16, SQLITE_STATIC);
		if (sqlite3_step(s_rowid) != SQLITE_ROW)
			fail("a contact the library inserted is not in the store");
		crow[i] = sqlite3_column_int64(s_rowid, 0);
		sqlite3_reset(s_rowid);
	}
}

/* --- The table ---------------------------------------------------------- */

static int rounds = 6;

/* --- Bulk inserts, one transaction per chunk --------------------------- */

static long chunk; /* rows per timed chunk */
static long next_contact, next_intro, next_fu;

static double raw_bulk_contacts(void)
{
	double t = now_s();
	sqlite3_int64 num;
	long i;

	done(s_begin, "begin");
	num = num_get("contact");
	for (i = 0; i < chunk; i++)
		raw_contact(next_contact + i, ++num);
	num_set("contact", num);
	done(s_commit, "commit");
	t = now_s() - t;
	next_contact += chunk;
	n_made = next_contact;
	return (double)chunk / t;
}

static double lib_bulk_contacts(void)
{
	double t = now_s();
	long i;

	if (iv_db_begin(lib_db) < 0)
		lib_die("begin");
	for (i = 0; i < chunk; i++)
		lib_contact(next_contact + i);
	if (iv_db_commit(lib_db) < 0)
		lib_die("commit");
	t = now_s() - t;
	find_rowids(next_contact, next_contact + chunk);
	next_contact += chunk;
	n_made = next_contact;
	return (double)chunk / t;
}

static double raw_bulk_intros(void)
{
	struct intro_data d;
	double t = now_s();
	sqlite3_int64 num;
	long i;

	done(s_begin, "begin");
	num = num_get("intro");
	for (i = 0; i < chunk; i++) {
		intro_data(&d, next_intro++, n_made);
		raw_intro(&d, ++num);
	}
	num_set("intro", num);
	done(s_commit, "commit");
	return (double)chunk / (now_s() - t);
}

static double lib_bulk_intros(void)
{
	struct intro_data d;
	double t = now_s();
	long i;

	if (iv_db_begin(lib_db) < 0)
		lib_die("begin");
	for (i = 0; i < chunk; i++) {
		intro_data(&d, next_intro++, n_made);
		lib_intro(&d);
	}
	if (iv_db_commit(lib_db) < 0)
		lib_die("commit");
	return (double)chunk / (now_s() - t);
}

/* Timed follow-ups are pending from two days on: what is due stays the same. */
static void timed_followup(struct followup_data *d)
{
	followup_data(d, DUE_NOW * 2 + 2 * next_fu++);
}

static double raw_bulk_followups(void)
{
	struct followup_data d;
	double t = now_s();
	sqlite3_int64 num;
	long i;

	done(s_begin, "begin");
	num = num_get("followup");
	for (i = 0; i < chunk; i++) {
		timed_followup(&d);
		raw_followup(&d, ++num);
	}
	num_set("followup", num);
	done(s_commit, "commit");
	return (double)chunk / (now_s() - t);
}

static double lib_bulk_followups(void)
{
	struct followup_data d;
	double t = now_s();
	long i;

	if (iv_db_begin(lib_db) < 0)
		lib_die("begin");
	for (i = 0; i < chunk; i++) {
		timed_followup(&d);
		lib_followup(&d);
	}
	if (iv_db_commit(lib_db) < 0)
		lib_die("commit");
	return (double)chunk / (now_s() - t);
}

/* One contact per transaction: p50 of single inserts, interleaved one by one. */
static void single_inserts(int n)
{
	double *r = malloc((size_t)n * sizeof(double)), *l = malloc((size_t)n * sizeof(double)), t;
	sqlite3_int64 num;
	int i;

	if (!r || !l)
		fail("out of memory");
	/* Each side goes first in every other pair, as in compare(). */
	for (i = 0; i < n; i++) {
		int side, lib_first = i % 2;

		for (side = 0; side < 2; side++) {
			if ((side ^ lib_first) == 0) {
				t = now_s();
				done(s_begin, "begin");
				num = num_get("contact");
				raw_contact(next_contact, num + 1);
				num_set("contact", num + 1);
				done(s_commit, "commit");
				r[i] = now_s() - t;
			} else {
				t = now_s();
				lib_contact(next_contact);
				l[i] = now_s() - t;
				find_rowids(next_contact, next_contact + 1);
			}
			next_contact++;
		}
	}
	n_made = next_contact;
	row("one contact per transaction, p50", median(r, n), median(l, n), MICRO, NULL);
	free(r);
	free(l);
}

/* --- Lookups ------------------------------------------------------------ */

#define SAMPLE 2000
static long sample[SAMPLE];
static char sample_id[SAMPLE][IV_ID_LEN + 1];
static sqlite3_stmt *s_lookup;
static const char *store_path;

static const char lookup_sql[] = "SELECT uuid, name, phone, company, title, location, url, notes, known, cadence_days,"
				 " last_interaction, emails, tags, created, updated, num FROM contact WHERE uuid = ?1";

/* Reads every column, as a program showing a contact would. */
static size_t raw_read_contact(sqlite3_stmt *st)
{
	size_t bytes = 0;
	int i;

	for (i = 0; i < 16; i++)
		bytes += sqlite3_column_type(st, i) == SQLITE_INTEGER ? (size_t)sqlite3_column_int64(st, i) & 1
									: (size_t)sqlite3_column_bytes(st, i);
	return bytes;
}

static double raw_lookups(void)
{
	double t = now_s();
	int i;

	for (i = 0; i < SAMPLE; i++) {
		sqlite3_bind_blob(s_lookup, 1, cuuid[sample[i]], 16, SQLITE_STATIC);
		if (sqlite3_step(s_lookup) != SQLITE_ROW)
			fail("raw lookup found nothing");
		sink += raw_read_contact(s_lookup);
		sqlite3_reset(s_lookup);
	}
	t = now_s() - t;
	return t / SAMPLE;
}

static double lib_lookups(void)
{
	double t = now_s();
	int i;

	for (i = 0; i < SAMPLE; i++) {
		iv_contact *c = NULL;

		if (iv_contact_lookup(&c, lib_db, sample_id[i]) < 0)
			lib_die("lookup");
		iv_contact_free(c);
	}
	return (now_s() - t) / SAMPLE;
}

static void check_lookups(void)
{
	int i;

	for (i = 0; i < SAMPLE; i += 7) {
		iv_contact *c = NULL;

		if (iv_contact_lookup(&c, lib_db, sample_id[i]) < 0)
			lib_die("lookup");
		sqlite3_bind_blob(s_lookup, 1, cuuid[sample[i]], 16, SQLITE_STATIC);
		check(sqlite3_step(s_lookup) == SQLITE_ROW, "a contact the library finds is not in the table");
		check(strcmp((const char *)sqlite3_column_text(s_lookup, 1), iv_contact_name(c)) == 0,
		      "a looked-up contact's name");
		check(sqlite3_column_int64(s_lookup, 15) == iv_contact_number(c), "a looked-up contact's number");
		sqlite3_reset(s_lookup);
		iv_contact_free(c);
	}
}

#define OPENS 50

static double raw_open_lookup(void)
{
	double t = now_s();
	int i;

	for (i = 0; i < OPENS; i++) {
		sqlite3 *db = NULL;
		sqlite3_stmt *st = NULL;

		if (sqlite3_open_v2(store_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
		    sqlite3_exec(db, pragmas, NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_prepare_v2(db, lookup_sql, -1, &st, NULL) != SQLITE_OK)
			fail("raw open");
		sqlite3_busy_timeout(db, 5000);
		sqlite3_bind_blob(st, 1, cuuid[sample[i]], 16, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW)
			fail("raw open + lookup found nothing");
		sink += raw_read_contact(st);
		sqlite3_finalize(st);
		sqlite3_close(db);
	}
	return (now_s() - t) / OPENS;
}

static double lib_open_lookup(void)
{
	double t = now_s();
	int i;

	for (i = 0; i < OPENS; i++) {
		iv_db *db = NULL;
		iv_contact *c = NULL;

		if (iv_db_open(&db, store_path) < 0 || iv_contact_lookup(&c, db, sample_id[i]) < 0)
			lib_die("open + lookup");
		iv_contact_free(c);
		iv_db_free(db);
	}
	return (now_s() - t) / OPENS;
}

/* --- Follow-ups due now, the agenda --------------------------------------- */

static sqlite3_stmt *s_due, *s_agenda;
static char due_raw[DUE_NOW + 8][IV_ID_LEN + 1], due_lib[DUE_NOW + 8][IV_ID_LEN + 1];
static char due_name_raw[DUE_NOW + 8][96], due_name_lib[DUE_NOW + 8][96];
static int ndue_raw, ndue_lib;

/*
 * The raw query of the due rows: the id and the name only (s_due_narrow),
 * or every column of the follow-up as well, as the library hands out whole
 * records (s_due_whole); the id and the name come first in both.
 */
static sqlite3_stmt *s_due_narrow, *s_due_whole;

static double raw_due(void)
{
	double t = now_s();
	int i, ncol = sqlite3_column_count(s_due);

	ndue_raw = 0;
	sqlite3_bind_int(s_due, 1, IV_FOLLOWUP_PENDING);
	sqlite3_bind_int64(s_due, 2, NOW);
	while (sqlite3_step(s_due) == SQLITE_ROW) {
		for (i = 1; i < ncol; i++)
			sink += sqlite3_column_type(s_due, i) == SQLITE_INTEGER
					? (size_t)sqlite3_column_int64(s_due, i) & 1
					: (size_t)sqlite3_column_bytes(s_due, i);
		if (ndue_raw < DUE_NOW + 8) {
			uuid_text(due_raw[ndue_raw], sqlite3_column_blob(s_due, 0));
			snprintf(due_name_raw[ndue_raw], sizeof(due_name_raw[0]), "%s", sqlite3_column_text(s_due, 1));
		}
		ndue_raw++;
	}
	sqlite3_reset(s_due);
	return now_s() - t;
}

static double lib_due(void)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	double t = now_s();
	int rc;

	ndue_lib = 0;
	f.status = IV_FOLLOWUP_PENDING;
	f.due_before = NOW;
	if (iv_followup_list(&it, lib_db, &f) < 0)
		lib_die("followup list");
	while ((rc = iv_followup_iter_next(&fu, it)) == 0) {
		iv_contact *c = NULL;
		const char *name = NULL;

#ifdef IV_BENCH_HAVE_CONTACT_NAME
		name = iv_followup_contact_name(fu);
#endif
		if (!name) {
			if (iv_contact_lookup(&c, lib_db, iv_followup_contact(fu)) < 0)
				lib_die("contact lookup");
			name = iv_contact_name(c);
		}
		sink += strlen(name);
		if (ndue_lib < DUE_NOW + 8) {
			strcpy(due_lib[ndue_lib], iv_followup_id(fu));
			snprintf(due_name_lib[ndue_lib], sizeof(due_name_lib[0]), "%s", name);
		}
		ndue_lib++;
		iv_contact_free(c);
		iv_followup_free(fu);
	}
	if (rc != IV_ITEROVER)
		lib_die("followup list");
	iv_followup_iter_free(it);
	return now_s() - t;
}

static void check_due(const char *what)
{
	int i;

	check(ndue_raw == DUE_NOW, what);
	check(ndue_lib == ndue_raw, what);
	for (i = 0; i < ndue_raw; i++)
		check(strcmp(due_raw[i], due_lib[i]) == 0, what);
}

static double raw_agenda(void)
{
	double t = now_s();
	int i;

	ndue_raw = 0;
	sqlite3_bind_int(s_agenda, 1, IV_FOLLOWUP_PENDING);
	sqlite3_bind_int64(s_agenda, 2, NOW);
	while (sqlite3_step(s_agenda) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(s_agenda); i++)
			sink += (size_t)sqlite3_column_bytes(s_agenda, i);
		if (ndue_raw < DUE_NOW + 8)
			uuid_text(due_raw[ndue_raw], sqlite3_column_blob(s_agenda, 0));
		ndue_raw++;
	}
	sqlite3_reset(s_agenda);
	return now_s() - t;
}

static double lib_agenda(void)
{
	iv_agenda_iter *it = NULL;
	iv_agenda_item *item = NULL;
	double t = now_s();
	int rc;

	ndue_lib = 0;
	if (iv_agenda(&it, lib_db, NULL) < 0)
		lib_die("agenda");
	while ((rc = iv_agenda_iter_next(&item, it)) == 0) {
		if (iv_agenda_item_kind(item) == IV_AGENDA_FOLLOWUP && ndue_lib < DUE_NOW + 8)
			strcpy(due_lib[ndue_lib], iv_followup_id(iv_agenda_item_followup(item)));
		/* Whom each item is about, as the raw join reads it. */
		sink += strlen(iv_contact_name(iv_agenda_item_contact(item)));
		ndue_lib++;
		iv_agenda_item_free(item);
	}
	if (rc != IV_ITEROVER)
		lib_die("agenda");
	iv_agenda_iter_free(it);
	return now_s() - t;
}

/* --- Search ------------------------------------------------------------- */

static sqlite3_stmt *s_search, *s_search_unranked;
static double score_raw[HITS], score_lib[HITS];
static char hit_raw[HITS][IV_ID_LEN + 1], hit_lib[HITS][IV_ID_LEN + 1];
static int nhit_raw, nhit_lib;

static double raw_search_with(sqlite3_stmt *st)
{
	double t = now_s();

	nhit_raw = 0;
	sqlite3_bind_text(st, 1, "\"" QUERY "\"*", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, HITS);
	while (sqlite3_step(st) == SQLITE_ROW) {
		score_raw[nhit_raw] = sqlite3_column_double(st, 1);
		uuid_text(hit_raw[nhit_raw++], sqlite3_column_blob(st, 0));
	}
	sqlite3_reset(st);
	return now_s() - t;
}

static double lib_search_with(unsigned int flags)
{
	iv_search_options o = IV_SEARCH_OPTIONS_INIT;
	iv_search_iter *it = NULL;
	iv_search_hit *hit = NULL;
	double t = now_s();
	int rc;

	nhit_lib = 0;
	o.kinds = IV_SEARCH_CONTACT;
	o.limit = HITS;
	o.flags = flags;
	if (iv_search(&it, lib_db, QUERY, &o) < 0)
		lib_die("search");
	while ((rc = iv_search_iter_next(&hit, it)) == 0) {
		score_lib[nhit_lib] = iv_search_hit_score(hit);
		strcpy(hit_lib[nhit_lib++], iv_search_hit_id(hit));
		iv_search_hit_free(hit);
	}
	if (rc != IV_ITEROVER)
		lib_die("search");
	iv_search_iter_free(it);
	return now_s() - t;
}

static double raw_search(void) { return raw_search_with(s_search); }
static double lib_search(void) { return lib_search_with(0); }
static double raw_search_unranked(void) { return raw_search_with(s_search_unranked); }
static double lib_search_unranked(void) { return lib_search_with(IV_SEARCH_UNRANKED); }

static void check_search(int ranked)
{
	int i;

	check(nhit_raw == nhit_lib && nhit_raw > 0, "the number of search hits");
	for (i = 0; i < nhit_raw; i++)
		check(ranked ? score_raw[i] == score_lib[i] : strcmp(hit_raw[i], hit_lib[i]) == 0,
		      ranked ? "the scores of the best hits" : "the first hits");
}

/* --- Iterating every contact, in a child process of its own -------------- */

/* The child: iterates, then prints "count seconds peak-KiB". */
static int iterate_child(const char *how, const char *path)
{
	char line[256];
	long count = 0, hwm = 0;
	double t = now_s();
	FILE *f;

	if (strcmp(how, "raw") == 0) {
		sqlite3_stmt *st = NULL;

		if (sqlite3_open_v2(path, &raw_db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
		    sqlite3_exec(raw_db, pragmas, NULL, NULL, NULL) != SQLITE_OK)
			sql_die("open");
		st = prep("SELECT uuid, name, phone, company, title, location, url, notes, known, cadence_days,"
			  " last_interaction, emails, tags, created, updated, num FROM contact"
			  " ORDER BY name COLLATE NOCASE, uuid");
		while (sqlite3_step(st) == SQLITE_ROW) {
			sink += raw_read_contact(st);
			count++;
		}
		sqlite3_finalize(st);
		nprepared = 0;
		sqlite3_close(raw_db);
	} else {
		iv_contact_iter *it = NULL;
		iv_contact *c = NULL;
		int rc;

		if (iv_db_open(&lib_db, path) < 0 || iv_contact_list(&it, lib_db, NULL) < 0)
			lib_die("contact list");
		while ((rc = iv_contact_iter_next(&c, it)) == 0) {
			count++;
			iv_contact_free(c);
		}
		if (rc != IV_ITEROVER)
			lib_die("contact list");
		iv_contact_iter_free(it);
		iv_db_free(lib_db);
	}
	t = now_s() - t;
	if ((f = fopen("/proc/self/status", "r"))) {
		while (fgets(line, sizeof(line), f))
			if (strncmp(line, "VmHWM:", 6) == 0)
				hwm = atol(line + 6);
		fclose(f);
	}
	printf("%ld %.6f %ld\n", count, t, hwm);
	return 0;
}

static const char *self_exe;
static long iter_count[2];
static double iter_rss[2][16];
static int iter_round[2];

static double iterate_in_child(int lib)
{
	char cmd[4096], line[128];
	long count = 0, hwm = 0;
	double t = 0;
	FILE *p;

	snprintf(cmd, sizeof(cmd), "'%s' --iterate %s '%s'", self_exe, lib ? "lib" : "raw", store_path);
	if (!(p = popen(cmd, "r")) || !fgets(line, sizeof(line), p) ||
	    sscanf(line, "%ld %lf %ld", &count, &t, &hwm) != 3)
		fail("the iterating child failed");
	if (pclose(p) != 0)
		fail("the iterating child failed");
	iter_count[lib] = count;
	iter_rss[lib][iter_round[lib]++] = (double)hwm / 1024;
	return t;
}

static double raw_iterate(void) { return iterate_in_child(0); }
static double lib_iterate(void) { return iterate_in_child(1); }

/* --- The network -------------------------------------------------------- */

/*
 * The raw program's network: contacts in arrays indexed by row id, the
 * introductions not declined as out-edges (CSR), a breadth-first search
 * from the contacts known directly at load, and the contacts sorted by
 * company for the company query.
 */
struct raw_net {
	sqlite3_int64 max;
	int *dist, *parent, *known, *first_edge, *edges, *by_company;
	long n_company;
	iv_time *last;
	char **company;
	unsigned char (*uuid)[16];
};

static struct raw_net rn;
static sqlite3_stmt *s_net_contacts, *s_net_intros, *s_net_max;

static int company_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return strcasecmp(rn.company[x], rn.company[y]);
}

static void raw_net_free(void)
{
	sqlite3_int64 i;

	if (!rn.dist)
		return;
	for (i = 0; i <= rn.max; i++)
		free(rn.company[i]);
	free(rn.dist);
	free(rn.parent);
	free(rn.known);
	free(rn.first_edge);
	free(rn.edges);
	free(rn.by_company);
	free(rn.last);
	free(rn.company);
	free(rn.uuid);
	memset(&rn, 0, sizeof(rn));
}

static double raw_net_load(void)
{
	double t = now_s();
	size_t n, nedge = 0, cap = 1024, k;
	int *from = NULL, *to = NULL, *queue, head = 0, tail = 0, v, e;
	sqlite3_int64 i;

	raw_net_free();
	if (sqlite3_step(s_net_max) != SQLITE_ROW)
		sql_die("network");
	rn.max = sqlite3_column_int64(s_net_max, 0);
	sqlite3_reset(s_net_max);
	n = (size_t)rn.max + 1;
	rn.dist = calloc(n, sizeof(int));
	rn.parent = calloc(n, sizeof(int));
	rn.known = calloc(n, sizeof(int));
	rn.first_edge = calloc(n + 1, sizeof(int));
	rn.last = calloc(n, sizeof(iv_time));
	rn.company = calloc(n, sizeof(char *));
	rn.uuid = calloc(n, 16);
	rn.by_company = malloc(n * sizeof(int));
	queue = malloc(n * sizeof(int));
	from = malloc(cap * sizeof(int));
	to = malloc(cap * sizeof(int));
	if (!rn.dist || !rn.parent || !rn.known || !rn.first_edge || !rn.last || !rn.company || !rn.uuid ||
	    !rn.by_company || !queue || !from || !to)
		fail("out of memory");
	while (sqlite3_step(s_net_contacts) == SQLITE_ROW) {
		i = sqlite3_column_int64(s_net_contacts, 0);
		memcpy(rn.uuid[i], sqlite3_column_blob(s_net_contacts, 1), 16);
		rn.known[i] = sqlite3_column_int(s_net_contacts, 2);
		rn.last[i] = sqlite3_column_int64(s_net_contacts, 3);
		if (sqlite3_column_type(s_net_contacts, 4) != SQLITE_NULL) {
			rn.company[i] = strdup((const char *)sqlite3_column_text(s_net_contacts, 4));
			rn.by_company[rn.n_company++] = (int)i;
		}
	}
	sqlite3_reset(s_net_contacts);
	while (sqlite3_step(s_net_intros) == SQLITE_ROW) {
		if (nedge == cap) {
			cap *= 2;
			if (!(from = realloc(from, cap * sizeof(int))) || !(to = realloc(to, cap * sizeof(int))))
				fail("out of memory");
		}
		from[nedge] = sqlite3_column_int(s_net_intros, 0);
		to[nedge++] = sqlite3_column_int(s_net_intros, 1);
	}
	sqlite3_reset(s_net_intros);
	if (!(rn.edges = malloc((nedge + 1) * sizeof(int))))
		fail("out of memory");
	for (k = 0; k < nedge; k++)
		rn.first_edge[from[k] + 1]++;
	for (k = 1; k <= n; k++)
		rn.first_edge[k] += rn.first_edge[k - 1];
	for (k = 0; k < nedge; k++)
		rn.edges[rn.first_edge[from[k]]++] = to[k];
	for (k = n; k > 0; k--)
		rn.first_edge[k] = rn.first_edge[k - 1];
	rn.first_edge[0] = 0;
	for (k = 0; k < n; k++)
		if (rn.known[k] == IV_KNOWN_DIRECT) {
			rn.dist[k] = 1;
			queue[tail++] = (int)k;
		}
	while (head < tail) {
		v = queue[head++];
		for (e = rn.first_edge[v]; e < rn.first_edge[v + 1]; e++)
			if (!rn.dist[rn.edges[e]]) {
				rn.dist[rn.edges[e]] = rn.dist[v] + 1;
				rn.parent[rn.edges[e]] = v;
				queue[tail++] = rn.edges[e];
			}
	}
	qsort(rn.by_company, (size_t)rn.n_company, sizeof(int), company_cmp);
	free(queue);
	free(from);
	free(to);
	return now_s() - t;
}

static iv_network *lib_net;

static double lib_net_load(void)
{
	double t = now_s();

	iv_network_free(lib_net);
	lib_net = NULL;
	if (iv_network_load(&lib_net, lib_db) < 0)
		lib_die("network load");
	return now_s() - t;
}

/* The bytes malloc() holds for the process now (glibc: the heap's and the mmap()ed blocks). */
static double heap_bytes(void)
{
	struct mallinfo2 m = mallinfo2();

	return (double)m.uordblks + (double)m.hblkhd;
}

/*
 * What each side's network holds once loaded: the heap before and after a
 * load from nothing (the connections' page caches are warm from the rows
 * before, so they do not grow).
 */
static void net_memory(double *raw, double *lib)
{
	double before;

	raw_net_free();
	before = heap_bytes();
	raw_net_load();
	*raw = (heap_bytes() - before) / (1024.0 * 1024.0);
	iv_network_free(lib_net);
	lib_net = NULL;
	before = heap_bytes();
	lib_net_load();
	*lib = (heap_bytes() - before) / (1024.0 * 1024.0);
}

/* One path, as the raw program gives it: contact indexes from you. */
struct raw_path {
	int len, node[64];
};

static int raw_path_of(struct raw_path *p, int v)
{
	int k;

	if (!rn.dist[v])
		return -1;
	p->len = rn.dist[v];
	for (k = p->len - 1; k >= 0; k--, v = rn.parent[v])
		p->node[k] = v;
	return 0;
}

static int path_cmp(const void *a, const void *b)
{
	const struct raw_path *x = a, *y = b;

	if (x->len != y->len)
		return x->len - y->len;
	return memcmp(rn.uuid[x->node[x->len - 1]], rn.uuid[y->node[y->len - 1]], 16);
}

static char company_q[64];
static struct raw_path *cpaths;
static int ncpaths_raw, ncpaths_lib;
static char (*ctarget_lib)[IV_ID_LEN + 1];
static int *clen_lib;

static double raw_company(void)
{
	double t = now_s();
	long lo = 0, hi = rn.n_company, mid;
	char id[IV_ID_LEN + 1];
	int v, i, k;

	/* The first of the company, then each of its contacts reachable. */
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (strcasecmp(rn.company[rn.by_company[mid]], company_q) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	ncpaths_raw = 0;
	for (; lo < rn.n_company && strcasecmp(rn.company[v = rn.by_company[lo]], company_q) == 0; lo++)
		if (raw_path_of(&cpaths[ncpaths_raw], v) == 0)
			ncpaths_raw++;
	qsort(cpaths, (size_t)ncpaths_raw, sizeof(*cpaths), path_cmp);
	/* The ids as text, as the library gives them. */
	for (i = 0; i < ncpaths_raw; i++)
		for (k = 0; k < cpaths[i].len; k++) {
			uuid_text(id, rn.uuid[cpaths[i].node[k]]);
			sink += (size_t)id[0];
		}
	return now_s() - t;
}

static double lib_company(void)
{
	iv_path_iter *it = NULL;
	iv_path *p = NULL;
	double t = now_s();
	int rc;

	ncpaths_lib = 0;
	if (iv_network_company_paths(&it, lib_net, company_q) < 0)
		lib_die("company paths");
	while ((rc = iv_path_iter_next(&p, it)) == 0) {
		strcpy(ctarget_lib[ncpaths_lib], iv_path_target(p));
		clen_lib[ncpaths_lib++] = (int)iv_path_length(p);
		iv_path_free(p);
	}
	if (rc != IV_ITEROVER)
		lib_die("company paths");
	iv_path_iter_free(it);
	return now_s() - t;
}

static void check_company(void)
{
	char id[IV_ID_LEN + 1];
	int i, j;

	check(ncpaths_raw == ncpaths_lib && ncpaths_raw > 0, "the number of paths into the company");
	/* The same targets at the same lengths; among equal lengths the orders differ. */
	for (i = 0; i < ncpaths_raw; i++) {
		uuid_text(id, rn.uuid[cpaths[i].node[cpaths[i].len - 1]]);
		for (j = 0; j < ncpaths_lib && strcmp(ctarget_lib[j], id) != 0; j++)
			;
		check(j < ncpaths_lib && clen_lib[j] == cpaths[i].len, "a path into the company");
		check(i == 0 || clen_lib[i - 1] <= clen_lib[i], "the library's paths are shortest first");
	}
}

#define PATHS 200
static int path_target[PATHS];
static unsigned char path_target_uuid[PATHS][16];
static char path_target_id[PATHS][IV_ID_LEN + 1];
static int path_len_raw[PATHS], path_len_lib[PATHS];

static double raw_paths(void)
{
	struct raw_path p;
	double t = now_s();
	int i;

	char ids[64][IV_ID_LEN + 1];
	int k;

	/* The ids as text, as the library gives them. */
	for (i = 0; i < PATHS; i++) {
		if (raw_path_of(&p, path_target[i]) < 0)
			fail("raw path: unreachable");
		for (k = 0; k < p.len; k++)
			uuid_text(ids[k], rn.uuid[p.node[k]]);
		sink += (size_t)ids[p.len - 1][0];
		path_len_raw[i] = p.len;
	}
	return (now_s() - t) / PATHS;
}

static double lib_paths(void)
{
	double t = now_s();
	int i;

	for (i = 0; i < PATHS; i++) {
		iv_path *p = NULL;

		if (iv_network_path(&p, lib_net, path_target_id[i]) < 0)
			lib_die("path");
		path_len_lib[i] = (int)iv_path_length(p);
		iv_path_free(p);
	}
	return (now_s() - t) / PATHS;
}

/*
 * The network from the store, without a snapshot: walking back from a
 * contact through the introductions by who was introduced (the index
 * intro_introduced), a level at a time, until a contact known directly;
 * each contact met once.
 */
#define BACK_MAX (1 << 16)

struct back {
	sqlite3_int64 row;
	int next;      /* the node this one introduced, toward the target; -1 for the target */
	int known;
	unsigned char uuid[16];
};

static struct back back[BACK_MAX];
static sqlite3_int64 seen_row[2 * BACK_MAX];
static unsigned int seen_gen[2 * BACK_MAX], gen;
static sqlite3_stmt *s_back, *s_node, *s_members;

/* Whether `row` was met in this walk; marks it met. */
static int seen(sqlite3_int64 row)
{
	unsigned int h = (unsigned int)((uint64_t)row * 0x9e3779b97f4a7c15ull >> 47);

	while (seen_gen[h] == gen) {
		if (seen_row[h] == row)
			return 1;
		h = (h + 1) & (2 * BACK_MAX - 1);
	}
	seen_gen[h] = gen;
	seen_row[h] = row;
	return 0;
}

/*
 * The shortest path to contact `row` (its known and uuid given): its length,
 * 0 if none, and its ids as text from you in `ids`.
 */
static int walk_back(char (*ids)[IV_ID_LEN + 1], sqlite3_int64 row, int known, const void *uuid)
{
	int lo = 0, hi = 1, n = 1, depth = 1, found = -1, i, len, k;

	gen++;
	back[0].row = row;
	back[0].next = -1;
	back[0].known = known;
	memcpy(back[0].uuid, uuid, 16);
	seen(row);
	for (;;) {
		for (i = lo; i < hi && found < 0; i++)
			if (back[i].known == IV_KNOWN_DIRECT)
				found = i;
		if (found >= 0 || depth >= 63)
			break;
		for (i = lo; i < hi; i++) {
			sqlite3_bind_int64(s_back, 1, back[i].row);
			while (sqlite3_step(s_back) == SQLITE_ROW) {
				sqlite3_int64 r = sqlite3_column_int64(s_back, 0);

				if (seen(r))
					continue;
				if (n == BACK_MAX)
					fail("raw walk back: too many ancestors");
				back[n].row = r;
				back[n].next = i;
				back[n].known = sqlite3_column_int(s_back, 1);
				memcpy(back[n++].uuid, sqlite3_column_blob(s_back, 2), 16);
			}
			sqlite3_reset(s_back);
		}
		if (n == hi)
			break;
		lo = hi;
		hi = n;
		depth++;
	}
	if (found < 0)
		return 0;
	for (len = 0, i = found; i >= 0; i = back[i].next)
		len++;
	for (k = 0, i = found; i >= 0; i = back[i].next)
		uuid_text(ids[k++], back[i].uuid);
	return len;
}

static int store_len_raw, store_len_lib;

static double raw_path_from_store(void)
{
	char ids[64][IV_ID_LEN + 1];
	double t = now_s();

	/* Asked as the library is: by the contact's id, not its row id. */
	sqlite3_bind_blob(s_node, 1, path_target_uuid[0], 16, SQLITE_STATIC);
	if (sqlite3_step(s_node) != SQLITE_ROW)
		fail("raw path from the store: no such contact");
	store_len_raw = walk_back(ids, sqlite3_column_int64(s_node, 0), sqlite3_column_int(s_node, 1),
				  sqlite3_column_blob(s_node, 2));
	sqlite3_reset(s_node);
	return now_s() - t;
}

static double lib_path_from_store(void)
{
	iv_path *p = NULL;
	double t = now_s();
#ifdef IV_BENCH_HAVE_DB_PATH
	if (iv_db_path(&p, lib_db, path_target_id[0]) < 0)
		lib_die("path from the store");
	store_len_lib = (int)iv_path_length(p);
	iv_path_free(p);
#else
	iv_network *net = NULL;

	if (iv_network_load(&net, lib_db) < 0 || iv_network_path(&p, net, path_target_id[0]) < 0)
		lib_die("load + path");
	store_len_lib = (int)iv_path_length(p);
	iv_path_free(p);
	iv_network_free(net);
#endif
	return now_s() - t;
}

/* Who can introduce me at the company, from the store: each of its contacts walked back. */
static char (*ctarget_raw)[IV_ID_LEN + 1];
static int *clen_raw, ncstore_raw;

static double raw_company_from_store(void)
{
	char ids[64][IV_ID_LEN + 1];
	double t = now_s();
	int len;

	ncstore_raw = 0;
	sqlite3_bind_text(s_members, 1, company_q, -1, SQLITE_STATIC);
	while (sqlite3_step(s_members) == SQLITE_ROW) {
		len = walk_back(ids, sqlite3_column_int64(s_members, 0), sqlite3_column_int(s_members, 1),
				sqlite3_column_blob(s_members, 2));
		if (len) {
			strcpy(ctarget_raw[ncstore_raw], ids[len - 1]);
			clen_raw[ncstore_raw++] = len;
		}
	}
	sqlite3_reset(s_members);
	return now_s() - t;
}

static double lib_company_from_store(void)
{
	iv_path_iter *it = NULL;
	iv_path *p = NULL;
	double t = now_s();
	int rc;
#ifdef IV_BENCH_HAVE_DB_PATH
	if (iv_db_company_paths(&it, lib_db, company_q) < 0)
		lib_die("company paths from the store");
#else
	iv_network *net = NULL;

	if (iv_network_load(&net, lib_db) < 0 || iv_network_company_paths(&it, net, company_q) < 0)
		lib_die("load + company paths");
	iv_network_free(net);
#endif
	ncpaths_lib = 0;
	while ((rc = iv_path_iter_next(&p, it)) == 0) {
		strcpy(ctarget_lib[ncpaths_lib], iv_path_target(p));
		clen_lib[ncpaths_lib++] = (int)iv_path_length(p);
		iv_path_free(p);
	}
	if (rc != IV_ITEROVER)
		lib_die("company paths");
	iv_path_iter_free(it);
	return now_s() - t;
}

/* The walk back finds what the snapshot's BFS found (cpaths). */
static void check_company_from_store(void)
{
	char id[IV_ID_LEN + 1];
	int i, j;

	check(ncstore_raw == ncpaths_raw, "the number of paths into the company, from the store (raw)");
	for (i = 0; i < ncpaths_raw; i++) {
		uuid_text(id, rn.uuid[cpaths[i].node[cpaths[i].len - 1]]);
		for (j = 0; j < ncstore_raw && strcmp(ctarget_raw[j], id) != 0; j++)
			;
		check(j < ncstore_raw && clen_raw[j] == cpaths[i].len, "a path into the company, from the store (raw)");
	}
	check_company();
}

/* --- Building the store -------------------------------------------------- */

static void build(long n_build, long intros, long fus)
{
	struct intro_data di;
	struct followup_data df;
	long i;

	exec("PRAGMA cache_size = -262144"); /* the build is not measured */
	done(s_begin, "begin");
	for (i = 0; i < n_build; i++)
		raw_contact(i, (sqlite3_int64)i + 1);
	num_set("contact", n_build);
	done(s_commit, "commit");
	next_contact = n_made = n_build;
	done(s_begin, "begin");
	for (i = 0; i < intros; i++) {
		intro_data(&di, next_intro++, n_made);
		raw_intro(&di, (sqlite3_int64)i + 1);
	}
	num_set("intro", intros);
	done(s_commit, "commit");
	done(s_begin, "begin");
	for (i = 0; i < fus; i++) {
		followup_data(&df, i);
		raw_followup(&df, (sqlite3_int64)i + 1);
	}
	num_set("followup", fus);
	done(s_commit, "commit");
	next_fu = fus / 2;
	exec("PRAGMA cache_size = -8192; PRAGMA wal_checkpoint(TRUNCATE)");
}

static void usage(void)
{
	fprintf(stderr, "usage: iv_bench [-r ROUNDS] [-o STORE] [-k] N\n");
	exit(2);
}

int main(int argc, char **argv)
{
	char default_path[64], cmd[256];
	const char *path = NULL;
	int keep = 0, heavy, i, k;
	long n = 0, n_build, intros, fus;
	double t0 = now_s();
	iv_contact *fresh = NULL;

	if (argc == 4 && strcmp(argv[1], "--iterate") == 0)
		return iterate_child(argv[2], argv[3]);
	self_exe = "/proc/self/exe";
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
			rounds = atoi(argv[++i]);
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			path = argv[++i];
		else if (strcmp(argv[i], "-k") == 0)
			keep = 1;
		else if (argv[i][0] != '-' && !n)
			n = atol(argv[i]);
		else
			usage();
	}
	if (n < 300 || rounds < 1 || rounds > 16) {
		fprintf(stderr, "iv_bench: N is at least 300, rounds 1 to 16\n");
		usage();
	}
	/* /proc/self/exe in the child would be the shell: resolve it here. */
	{
		static char exe[4096];
		ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

		if (len > 0) {
			exe[len] = '\0';
			self_exe = exe;
		}
	}
	if (!path) {
		snprintf(default_path, sizeof(default_path), "/tmp/iv_bench-%ld.db", (long)getpid());
		path = default_path;
	}
	store_path = path;
	snprintf(cmd, sizeof(cmd), "%s-wal", path);
	remove(path);
	remove(cmd);
	rounds += rounds % 2;
	heavy = rounds < 4 ? rounds : 4;
	n_contacts = n;
	chunk = n / (8 * rounds);
	chunk = chunk < 10 ? 10 : chunk > 5000 ? 5000 : chunk;
	n_build = n - 2 * rounds * chunk;
	intros = 2 * n - 4 * rounds * chunk;
	fus = n - 4 * rounds * chunk;
	if (!(cuuid = calloc((size_t)n + 4096, 16)) || !(crow = calloc((size_t)n + 4096, sizeof(*crow))) ||
	    !(cpaths = malloc((size_t)n * sizeof(*cpaths))) || !(ctarget_lib = malloc((size_t)n * sizeof(*ctarget_lib))) ||
	    !(clen_lib = malloc((size_t)n * sizeof(int))) || !(ctarget_raw = malloc((size_t)n * sizeof(*ctarget_raw))) ||
	    !(clen_raw = malloc((size_t)n * sizeof(int))))
		fail("out of memory");

	/* The schema is the library's: it creates the store. */
	if (iv_db_open(&lib_db, path) < 0)
		lib_die("creating the store");
	iv_db_set_clock(lib_db, clock_cb, NULL);
	if (sqlite3_open_v2(path, &raw_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		sql_die("open");
	sqlite3_busy_timeout(raw_db, 5000);
	exec(pragmas);
	if (iv_contact_new(&fresh) < 0)
		lib_die("contact");
	default_cadence = iv_contact_cadence_days(fresh);
	iv_contact_free(fresh);
	raw_prepare_writes();

	printf("# iv_bench: N = %ld contacts, %ld introductions, %ld follow-ups (%d due now); libinfoview %s, SQLite %s\n",
	       n, 2 * n, n, DUE_NOW, iv_version(NULL, NULL, NULL), sqlite3_libversion());
	printf("# %d rounds (%d for the heavy rows), inserts in chunks of %ld rows; store %s\n", rounds, heavy, chunk, path);
	fflush(stdout);
	build(n_build, intros, fus);
	printf("# built by raw SQL in %.1f s\n\n", now_s() - t0);
	printf("| operation | raw | library | ratio |\n|---|---:|---:|---:|\n");

	compare("bulk insert contacts (one transaction)", raw_bulk_contacts, lib_bulk_contacts, rounds, RATE, NULL);
	/*
	 * The same work: the API is given the contacts' ids, so the raw program
	 * resolves them too, in its INSERT. Then, as a bound, a raw program
	 * holding the row ids it kept when it made the contacts: no caller of
	 * the API has those (they are the backend's), so no goal is set on it.
	 */
	by_uuid = 1;
	compare("bulk insert introductions", raw_bulk_intros, lib_bulk_intros, rounds, RATE, NULL);
	compare("bulk insert follow-ups", raw_bulk_followups, lib_bulk_followups, rounds, RATE, NULL);
	by_uuid = 0;
	compare("bulk insert introductions (bound: raw holding row ids)", raw_bulk_intros, lib_bulk_intros, rounds,
		RATE, NULL);
	compare("bulk insert follow-ups (bound: raw holding row ids)", raw_bulk_followups, lib_bulk_followups, rounds,
		RATE, NULL);
	single_inserts(100 * rounds < n / 2 ? 100 * rounds : (int)(n / 2));
	exec("PRAGMA wal_checkpoint(TRUNCATE)");

	/* What the reads look at. */
	for (i = 0; i < SAMPLE; i++) {
		sample[i] = (long)(next() % (uint64_t)n_made);
		uuid_text(sample_id[i], cuuid[sample[i]]);
	}
	s_lookup = prep(lookup_sql);
	check_lookups();
	compare("lookup by UUID", raw_lookups, lib_lookups, rounds, MICRO, NULL);
	compare("open + lookup + close", raw_open_lookup, lib_open_lookup, rounds, MILLI, NULL);

	s_due = s_due_whole = prep("SELECT f.uuid, c.name, c.uuid, i.uuid, f.kind, f.status, f.earliest, f.due,"
				   " f.closed_at, f.note, f.draft, f.rule, f.created, f.updated, f.num"
				   " FROM followup f JOIN contact c ON c.id = f.contact"
				   " LEFT JOIN interview i ON i.id = f.interview"
				   " WHERE f.status = ?1 AND f.due <= ?2 ORDER BY f.due, f.uuid");
	s_due_narrow = prep("SELECT f.uuid, c.name FROM followup f JOIN contact c ON c.id = f.contact"
			    " WHERE f.status = ?1 AND f.due <= ?2 ORDER BY f.due, f.uuid");
	raw_due();
	lib_due();
	check_due("the follow-ups due now");
	for (i = 0; i < ndue_raw; i++)
		check(strcmp(due_name_raw[i], due_name_lib[i]) == 0, "the names of the follow-ups due now");
#ifdef IV_BENCH_HAVE_CONTACT_NAME
#define DUE_HOW "iv_followup_list + iv_followup_contact_name"
#else
#define DUE_HOW "iv_followup_list + iv_contact_lookup"
#endif
	compare("follow-ups due now with names (raw: whole follow-ups and the name; lib: " DUE_HOW ")", raw_due,
		lib_due, rounds, MICRO, NULL);
	s_due = s_due_narrow;
	compare("follow-ups due now with names (raw: the id and the name only)", raw_due, lib_due, rounds, MICRO,
		NULL);
	s_due = s_due_whole;
	s_agenda = prep("SELECT f.uuid, f.kind, f.status, f.earliest, f.due, f.closed_at, f.note, f.draft, f.rule,"
			" f.created, f.updated, f.num, c.uuid, c.name, c.phone, c.company, c.title, c.location, c.url,"
			" c.notes, c.known, c.cadence_days, c.last_interaction, c.emails, c.tags, c.created,"
			" c.updated, c.num FROM followup f JOIN contact c ON c.id = f.contact"
			" WHERE f.status = ?1 AND f.earliest <= ?2 ORDER BY f.due, f.uuid");
	raw_agenda();
	lib_agenda();
	check_due("the agenda");
	{
		char note[96];

		snprintf(note, sizeof(note), "(%d due among %ld pending)", DUE_NOW, n / 2);
		compare("iv_agenda", raw_agenda, lib_agenda, rounds, MICRO, note);
	}

	/* The ids of the best hits only, not of every match ranked. */
	s_search = prep("SELECT (SELECT uuid FROM contact WHERE id = h.rowid), h.score FROM (SELECT rowid, -rank AS score"
			" FROM contact_fts WHERE contact_fts MATCH ?1 ORDER BY rank LIMIT ?2) AS h");
	s_search_unranked = prep("SELECT c.uuid, -f.rank FROM contact_fts f JOIN contact c ON c.id = f.rowid"
				 " WHERE contact_fts MATCH ?1 LIMIT ?2");
	raw_search();
	lib_search();
	check_search(1);
	compare("search \"" QUERY "\", ranked, best 20", raw_search, lib_search, rounds, MICRO, NULL);
	raw_search_unranked();
	lib_search_unranked();
	check_search(0);
	compare("search \"" QUERY "\", unranked, first 20", raw_search_unranked, lib_search_unranked, rounds, MICRO,
		NULL);

	/* Nothing else may write while the children read. */
	exec("PRAGMA wal_checkpoint(TRUNCATE)");
	compare("iterate all contacts", raw_iterate, lib_iterate, heavy, MILLI, NULL);
	check(iter_count[0] == iter_count[1] && iter_count[0] == n_made, "the number of contacts iterated");
	row("iterate all contacts, peak RSS of the process", median(iter_rss[0], iter_round[0]),
	    median(iter_rss[1], iter_round[1]), MIB, NULL);

	s_net_max = prep("SELECT max(id) FROM contact");
	s_net_contacts = prep("SELECT id, uuid, known, last_interaction, company FROM contact");
	s_net_intros = prep("SELECT introducer, introduced FROM intro WHERE status <> 4");
	s_back = prep("SELECT i.introducer, c.known, c.uuid FROM intro i JOIN contact c ON c.id = i.introducer"
		      " WHERE i.introduced = ?1 AND i.status <> 4");
	s_node = prep("SELECT id, known, uuid FROM contact WHERE uuid = ?1");
	s_members = prep("SELECT id, known, uuid FROM contact WHERE company = ?1 COLLATE NOCASE");
	compare("network load (raw: arrays, edges, BFS, company index)", raw_net_load, lib_net_load, heavy, MILLI, NULL);
	{
		double mraw, mlib;

		net_memory(&mraw, &mlib);
		row("network snapshot, heap held after load", mraw, mlib, MIB, NULL);
	}

	snprintf(company_q, sizeof(company_q), "Company %ld", 17 % (n / 50 + 1));
	raw_company();
	lib_company();
	check_company();
	{
		char op[192];

		snprintf(op, sizeof(op), "who can introduce me at \"%s\" (%d paths), per query after load", company_q,
			 ncpaths_raw);
		compare(op, raw_company, lib_company, rounds, MICRO, NULL);
	}

	/* Contacts reachable, deepest first, for the path rows. */
	for (i = 0, k = 0; k < PATHS && i < 100000; i++) {
		long c = 100 + (long)(next() % (uint64_t)(n_build - 100));
		sqlite3_int64 r = crow[c];

		if (r <= rn.max && rn.dist[r] > 1) {
			path_target[k] = (int)r;
			memcpy(path_target_uuid[k], cuuid[c], 16);
			uuid_text(path_target_id[k++], cuuid[c]);
		}
	}
	if (k < PATHS)
		fail("too few contacts reachable through introductions");
	raw_paths();
	lib_paths();
	for (i = 0; i < PATHS; i++)
		check(path_len_raw[i] == path_len_lib[i], "the length of a path");
	compare("path to one contact, per query after load", raw_paths, lib_paths, rounds, MICRO, NULL);
	raw_path_from_store();
	lib_path_from_store();
	check(store_len_raw == store_len_lib && store_len_raw == path_len_raw[0], "the path from the store");
#ifdef IV_BENCH_HAVE_DB_PATH
#define FROM_STORE "iv_db_path"
#define COMPANY_FROM_STORE "iv_db_company_paths"
#else
#define FROM_STORE "load + path"
#define COMPANY_FROM_STORE "load + company paths"
#endif
	compare("path to one contact from the store (raw: by uuid, then walk back by introduced; lib: " FROM_STORE ")",
		raw_path_from_store, lib_path_from_store, heavy, MILLI, NULL);
	raw_company_from_store();
	lib_company_from_store();
	check_company_from_store();
	compare("who can introduce me at the company from the store (raw: its contacts walked back; lib: "
		COMPANY_FROM_STORE ")", raw_company_from_store, lib_company_from_store, heavy, MILLI, NULL);

	printf("\n# raw and library answers agree; %.1f s in all\n", now_s() - t0);
	iv_network_free(lib_net);
	raw_net_free();
	for (i = 0; i < nprepared; i++)
		sqlite3_finalize(prepared[i]);
	if (sqlite3_close(raw_db) != SQLITE_OK)
		sql_die("close");
	iv_db_free(lib_db);
	if (!keep) {
		remove(path);
		snprintf(cmd, sizeof(cmd), "%s-wal", path);
		remove(cmd);
		snprintf(cmd, sizeof(cmd), "%s-shm", path);
		remove(cmd);
	}
	free(cuuid);
	free(crow);
	free(cpaths);
	free(ctarget_lib);
	free(clen_lib);
	free(ctarget_raw);
	free(clen_raw);
	return 0;
}

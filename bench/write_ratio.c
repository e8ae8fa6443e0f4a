/*
 * The write and read paths of the core against a raw SQLite program doing
 * the same work with hand-written SQL on the library's own schema and
 * connection settings (issue 10): bulk inserts of contacts, introductions
 * and follow-ups in one transaction, one contact per transaction, lookup
 * by UUID, and open + lookup + close. Each phase runs raw then library on
 * stores of their own, and prints raw | library | ratio.
 *
 * usage: write_ratio DIR N [raw|lib]
 * DIR is a scratch directory (two stores are made there, replacing any);
 * with raw or lib only that side runs, for profiling one side under
 * valgrind --tool=callgrind (each phase is a function of its own:
 * raw_contacts, lib_contacts, ...).
 * SPDX-License-Identifier: MIT
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include <infoview/infoview.h>

#define NOW ((iv_time)1772442000)

/* A phase stays a function of its own, for callgrind. */
#if defined(__GNUC__)
# define PHASE static __attribute__((noinline))
#else
# define PHASE static
#endif

static long n_bulk, n_single, n_lookup, n_open;
static char (*cids)[IV_ID_LEN + 1]; /* the library's contact ids */
static unsigned char (*rids)[16];    /* the raw side's */
static uint64_t rng;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what)
{
	fprintf(stderr, "write_ratio: %s: %s\n", what, iv_error_last()->message);
	exit(1);
}

/* --- Raw ------------------------------------------------------------------ */

static sqlite3 *raw;

static void rdie(const char *what)
{
	fprintf(stderr, "write_ratio: raw %s: %s\n", what, sqlite3_errmsg(raw));
	exit(1);
}

static void rexec(const char *sql)
{
	if (sqlite3_exec(raw, sql, NULL, NULL, NULL) != SQLITE_OK)
		rdie(sql);
}

static sqlite3_stmt *rprep(const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v3(raw, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		rdie(sql);
	return st;
}

static void rdone(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		rdie("step");
	sqlite3_reset(st);
}

static void raw_open(const char *path)
{
	if (sqlite3_open_v2(path, &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		rdie("open");
	sqlite3_busy_timeout(raw, 5000);
	rexec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 67108864;"
	      "PRAGMA cache_size = -8192; PRAGMA journal_mode = WAL;");
}

static void uuid7(unsigned char u[16])
{
	struct timespec ts;
	uint64_t ms;
	int i;

	uuid_generate_random(u);
	clock_gettime(CLOCK_REALTIME, &ts);
	ms = (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
	for (i = 5; i >= 0; i--) {
		u[i] = (unsigned char)(ms & 0xFF);
		ms >>= 8;
	}
	u[6] = (unsigned char)(0x70 | (u[6] & 0x0F));
	u[8] = (unsigned char)(0x80 | (u[8] & 0x3F));
}

static void contact_fields(long i, char *name, char *company, char *email)
{
	snprintf(name, 96, "Person %ld %lu", i, (unsigned long)(next() % 1000));
	snprintf(company, 64, "Company %lu", (unsigned long)(next() % 2000));
	if (i % 4 == 0)
		snprintf(email, 64, "person%ld@example.org", i);
	else
		*email = '\0';
}

static sqlite3_stmt *r_contact, *r_email, *r_intro, *r_followup, *r_get, *r_number;

static void raw_number_set(const char *kind, long value)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "INSERT INTO setting (key, value) VALUES ('iv.number.%s', '%ld')"
		 " ON CONFLICT (key) DO UPDATE SET value = excluded.value", kind, value);
	rexec(sql);
}

static void raw_contact(long i, long num)
{
	char name[96], company[64], email[64];

	contact_fields(i, name, company, email);
	uuid7(rids[i]);
	sqlite3_bind_blob(r_contact, 1, rids[i], 16, SQLITE_STATIC);
	sqlite3_bind_text(r_contact, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(r_contact, 3, company, -1, SQLITE_STATIC);
	sqlite3_bind_int64(r_contact, 4, NOW);
	sqlite3_bind_int64(r_contact, 5, num);
	if (*email)
		sqlite3_bind_text(r_contact, 6, email, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(r_contact, 6);
	if (sqlite3_step(r_contact) != SQLITE_ROW)
		rdie("contact insert");
	if (*email) {
		sqlite3_bind_int64(r_email, 1, sqlite3_column_int64(r_contact, 0));
		sqlite3_bind_text(r_email, 2, email, -1, SQLITE_STATIC);
		rdone(r_email);
	}
	sqlite3_reset(r_contact);
}

static void raw_prepare(void)
{
	r_contact = rprep("INSERT INTO contact (uuid, name, phone, company, title, location, url, notes, known,"
			  " cadence_days, last_interaction, emails, tags, created, updated, num)"
			  " VALUES (?1, ?2, NULL, ?3, NULL, NULL, NULL, NULL, 0, 0, 0, ?6, NULL, ?4, ?4, ?5) RETURNING id");
	r_email = rprep("INSERT OR IGNORE INTO contact_email (contact_id, email) VALUES (?1, ?2)");
	r_intro = rprep("INSERT INTO intro (uuid, introducer, introduced, channel, status, requested_at, made_at,"
			" note, created, updated, num) VALUES (?1, (SELECT id FROM contact WHERE uuid = ?2),"
			" (SELECT id FROM contact WHERE uuid = ?3), 1, 2, 0, 0, NULL, ?4, ?4, ?5)");
	r_followup = rprep("INSERT INTO followup (uuid, contact, interview, kind, status, earliest, due, closed_at,"
			   " note, draft, created, updated, rule, num) VALUES (?1,"
			   " (SELECT id FROM contact WHERE uuid = ?2), NULL, 6, 1, ?3, ?4, 0, 'Send the article',"
			   " NULL, ?5, ?5, NULL, ?6)");
	r_get = rprep("SELECT r.id, r.uuid, r.name, r.phone, r.company, r.title, r.location, r.url, r.notes,"
		      " r.known, r.cadence_days, r.last_interaction, r.emails, r.tags, r.created, r.updated, r.num"
		      " FROM contact r WHERE r.uuid = ?1");
	r_number = rprep("INSERT INTO setting (key, value) VALUES ('iv.number.contact', '1')"
			 " ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value");
}

static void raw_finalize(void)
{
	sqlite3_finalize(r_contact);
	sqlite3_finalize(r_email);
	sqlite3_finalize(r_intro);
	sqlite3_finalize(r_followup);
	sqlite3_finalize(r_get);
	sqlite3_finalize(r_number);
}

PHASE void raw_contacts(void)
{
	long i;

	rexec("BEGIN IMMEDIATE");
	for (i = 0; i < n_bulk; i++)
		raw_contact(i, i + 1);
	raw_number_set("contact", n_bulk);
	rexec("COMMIT");
}

PHASE void raw_intros(void)
{
	unsigned char u[16];
	long i;

	rexec("BEGIN IMMEDIATE");
	for (i = 0; i < n_bulk; i++) {
		uuid7(u);
		sqlite3_bind_blob(r_intro, 1, u, 16, SQLITE_STATIC);
		sqlite3_bind_blob(r_intro, 2, rids[(i + 1 + (long)(next() % (uint64_t)(n_bulk - 1))) % n_bulk], 16, SQLITE_STATIC);
		sqlite3_bind_blob(r_intro, 3, rids[i], 16, SQLITE_STATIC);
		sqlite3_bind_int64(r_intro, 4, NOW);
		sqlite3_bind_int64(r_intro, 5, i + 1);
		rdone(r_intro);
	}
	raw_number_set("intro", n_bulk);
	rexec("COMMIT");
}

PHASE void raw_followups(void)
{
	unsigned char u[16];
	long i;

	rexec("BEGIN IMMEDIATE");
	for (i = 0; i < n_bulk; i++) {
		iv_time earliest = NOW + (iv_time)(next() % 60) * 86400;
		uuid7(u);
		sqlite3_bind_blob(r_followup, 1, u, 16, SQLITE_STATIC);
		sqlite3_bind_blob(r_followup, 2, rids[(i * 7) % n_bulk], 16, SQLITE_STATIC);
		sqlite3_bind_int64(r_followup, 3, earliest);
		sqlite3_bind_int64(r_followup, 4, earliest + 2 * 86400);
		sqlite3_bind_int64(r_followup, 5, NOW);
		sqlite3_bind_int64(r_followup, 6, i + 1);
		rdone(r_followup);
	}
	raw_number_set("followup", n_bulk);
	rexec("COMMIT");
}

/* One contact per transaction: the counter read and advanced in one statement. */
PHASE void raw_single(void)
{
	long i;

	for (i = 0; i < n_single; i++) {
		long num;
		rexec("BEGIN IMMEDIATE");
		if (sqlite3_step(r_number) != SQLITE_ROW)
			rdie("number");
		num = sqlite3_column_int64(r_number, 0);
		sqlite3_reset(r_number);
		raw_contact(n_bulk + i, num);
		rexec("COMMIT");
	}
}

/* Reads every column, as the library's lookup does. */
static long raw_get(sqlite3_stmt *st, const unsigned char *u)
{
	long sum = 0;
	int c;

	sqlite3_bind_blob(st, 1, u, 16, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		rdie("lookup");
	for (c = 0; c < 17; c++)
		sum += sqlite3_column_type(st, c) == SQLITE_TEXT || sqlite3_column_type(st, c) == SQLITE_BLOB
			? sqlite3_column_bytes(st, c) : (long)sqlite3_column_int64(st, c);
	sqlite3_reset(st);
	return sum;
}

PHASE long raw_lookup(void)
{
	long i, sum = 0;

	for (i = 0; i < n_lookup; i++)
		sum += raw_get(r_get, rids[next() % (uint64_t)n_bulk]);
	return sum;
}

PHASE long raw_open_lookup(const char *path)
{
	sqlite3_stmt *st;
	long i, sum = 0;

	for (i = 0; i < n_open; i++) {
		raw_open(path);
		st = rprep("SELECT r.id, r.uuid, r.name, r.phone, r.company, r.title, r.location, r.url, r.notes,"
			   " r.known, r.cadence_days, r.last_interaction, r.emails, r.tags, r.created, r.updated, r.num"
			   " FROM contact r WHERE r.uuid = ?1");
		sum += raw_get(st, rids[next() % (uint64_t)n_bulk]);
		sqlite3_finalize(st);
		sqlite3_close_v2(raw);
	}
	return sum;
}

/* --- Library -------------------------------------------------------------- */

static iv_db *db;

static int clock_cb(iv_time *t, void *payload)
{
	(void)payload;
	*t = NOW;
	return 0;
}

static void lib_contact(long i)
{
	char name[96], company[64], email[64];
	iv_contact *c = NULL;

	contact_fields(i, name, company, email);
	if (iv_contact_new(&c) < 0 || iv_contact_set_name(c, name) < 0 || iv_contact_set_company(c, company) < 0 ||
	    (*email && iv_contact_add_email(c, email) < 0) || iv_contact_insert(db, c) < 0)
		die("contact insert");
	memcpy(cids[i], iv_contact_id(c), IV_ID_LEN + 1);
	iv_contact_free(c);
}

PHASE void lib_contacts(void)
{
	long i;

	if (iv_db_begin(db) < 0)
		die("begin");
	for (i = 0; i < n_bulk; i++)
		lib_contact(i);
	if (iv_db_commit(db) < 0)
		die("commit");
}

PHASE void lib_intros(void)
{
	long i;

	if (iv_db_begin(db) < 0)
		die("begin");
	for (i = 0; i < n_bulk; i++) {
		iv_intro *in = NULL;
		if (iv_intro_new(&in) < 0 || iv_intro_set_introducer(in, cids[(i + 1 + (long)(next() % (uint64_t)(n_bulk - 1))) % n_bulk]) < 0 ||
		    iv_intro_set_introduced(in, cids[i]) < 0 || iv_intro_insert(db, in) < 0)
			die("intro insert");
		iv_intro_free(in);
	}
	if (iv_db_commit(db) < 0)
		die("commit");
}

PHASE void lib_followups(void)
{
	long i;

	if (iv_db_begin(db) < 0)
		die("begin");
	for (i = 0; i < n_bulk; i++) {
		iv_followup *fu = NULL;
		iv_time earliest = NOW + (iv_time)(next() % 60) * 86400;
		if (iv_followup_new(&fu) < 0 || iv_followup_set_contact(fu, cids[(i * 7) % n_bulk]) < 0 ||
		    iv_followup_set_kind(fu, IV_FOLLOWUP_CUSTOM) < 0 || iv_followup_set_earliest(fu, earliest) < 0 ||
		    iv_followup_set_due(fu, earliest + 2 * 86400) < 0 ||
		    iv_followup_set_note(fu, "Send the article") < 0 || iv_followup_insert(db, fu) < 0)
			die("followup insert");
		iv_followup_free(fu);
	}
	if (iv_db_commit(db) < 0)
		die("commit");
}

PHASE void lib_single(void)
{
	long i;

	for (i = 0; i < n_single; i++)
		lib_contact(n_bulk + i);
}

PHASE long lib_lookup(void)
{
	long i, sum = 0;

	for (i = 0; i < n_lookup; i++) {
		iv_contact *c = NULL;
		if (iv_contact_lookup(&c, db, cids[next() % (uint64_t)n_bulk]) < 0)
			die("lookup");
		sum += (long)strlen(iv_contact_name(c));
		iv_contact_free(c);
	}
	return sum;
}

PHASE long lib_open_lookup(const char *path)
{
	long i, sum = 0;

	for (i = 0; i < n_open; i++) {
		iv_db *d = NULL;
		iv_contact *c = NULL;
		if (iv_db_open(&d, path) < 0 || iv_contact_lookup(&c, d, cids[next() % (uint64_t)n_bulk]) < 0)
			die("open + lookup");
		sum += (long)strlen(iv_contact_name(c));
		iv_contact_free(c);
		iv_db_free(d);
	}
	return sum;
}

/* --- Driver --------------------------------------------------------------- */

enum { P_CONTACTS, P_INTROS, P_FOLLOWUPS, P_SINGLE, P_LOOKUP, P_OPEN, P_COUNT };
static const char *const phase_name[P_COUNT] = {
	"bulk insert contacts (rows/s)", "bulk insert introductions (rows/s)", "bulk insert follow-ups (rows/s)",
	"one contact per transaction (us)", "lookup by UUID (us)", "open + lookup + close (us)",
};

static double run(int side, int phase, const char *path)
{
	double t = now_s();
	volatile long sink = 0;

	rng = 0x9e3779b97f4a7c15ull + (uint64_t)phase;
	switch (phase * 2 + side) {
	case P_CONTACTS * 2: raw_contacts(); break;
	case P_CONTACTS * 2 + 1: lib_contacts(); break;
	case P_INTROS * 2: raw_intros(); break;
	case P_INTROS * 2 + 1: lib_intros(); break;
	case P_FOLLOWUPS * 2: raw_followups(); break;
	case P_FOLLOWUPS * 2 + 1: lib_followups(); break;
	case P_SINGLE * 2: raw_single(); break;
	case P_SINGLE * 2 + 1: lib_single(); break;
	case P_LOOKUP * 2: sink += raw_lookup(); break;
	case P_LOOKUP * 2 + 1: sink += lib_lookup(); break;
	case P_OPEN * 2: sink += raw_open_lookup(path); break;
	default: sink += lib_open_lookup(path); break;
	}
	(void)sink;
	return now_s() - t;
}

int main(int argc, char **argv)
{
	char rpath[4096], lpath[4096];
	double t[2][P_COUNT] = { { 0 } };
	int only = -1, side, p;
	long n;

	if (argc < 3 || (n = atol(argv[2])) < 2 || (argc > 3 && strcmp(argv[3], "raw") && strcmp(argv[3], "lib"))) {
		fprintf(stderr, "usage: write_ratio DIR N [raw|lib]\n");
		return 2;
	}
	if (argc > 3)
		only = strcmp(argv[3], "lib") == 0;
	n_bulk = n;
	n_single = n < 2000 ? n : 2000;
	n_lookup = n < 20000 ? n : 20000;
	n_open = n < 200 ? n : 200;
	snprintf(rpath, sizeof(rpath), "%s/raw.db", argv[1]);
	snprintf(lpath, sizeof(lpath), "%s/lib.db", argv[1]);
	cids = calloc((size_t)(n + n_single), sizeof(*cids));
	rids = calloc((size_t)(n + n_single), sizeof(*rids));
	if (!cids || !rids)
		return 1;
	/* Both stores get the library's schema. */
	for (side = 0; side < 2; side++) {
		const char *path = side ? lpath : rpath;
		char more[4200];
		unlink(path);
		snprintf(more, sizeof(more), "%s-wal", path);
		unlink(more);
		snprintf(more, sizeof(more), "%s-shm", path);
		unlink(more);
		if (iv_db_open(&db, path) < 0)
			die("create");
		iv_db_free(db);
	}
	raw_open(rpath);
	raw_prepare();
	if (iv_db_open(&db, lpath) < 0)
		die("open");
	iv_db_set_clock(db, clock_cb, NULL);
	for (p = 0; p < P_COUNT; p++) {
		if (p == P_OPEN) {
			raw_finalize();
			sqlite3_close_v2(raw);
			iv_db_free(db);
			db = NULL;
		}
		for (side = 0; side < 2; side++)
			if (only < 0 || only == side)
				t[side][p] = run(side, p, side ? lpath : rpath);
	}
	printf("%-36s | %12s | %12s | %6s\n", "operation", "raw", "library", "ratio");
	for (p = 0; p < P_COUNT; p++) {
		long count = p < P_SINGLE ? n_bulk : p == P_SINGLE ? n_single : p == P_LOOKUP ? n_lookup : n_open;
		double r = t[0][p] / count, l = t[1][p] / count;
		if (p < P_SINGLE)
			printf("%-36s | %12.0f | %12.0f | %5.2fx\n", phase_name[p], r > 0 ? 1 / r : 0, l > 0 ? 1 / l : 0,
			       r > 0 ? l / r : 0);
		else
			printf("%-36s | %12.1f | %12.1f | %5.2fx\n", phase_name[p], r * 1e6, l * 1e6, r > 0 ? l / r : 0);
	}
	free(cids);
	free(rids);
	return 0;
}

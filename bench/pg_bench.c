/*
 * The library against its limit on PostgreSQL (issue 13): the operations of
 * bench.c done through the public API with the `postgresql` backend and by a
 * plain C program with hand-written SQL (libpq) on the backend's own schema
 * (lib/backends/postgres_schema.c), interleaved and compared as medians.
 *
 * usage: iv_bench_pg [-r ROUNDS] CONNINFO N
 *   CONNINFO  a libpq conninfo or URI of the database, as a role allowed to
 *             create roles (CREATEROLE) and to add users to the schema (an
 *             administrator of it: iv_postgres_init() was run there)
 *   N         contacts in the store (2N introductions, N follow-ups)
 *   -r        rounds per operation (default 6; the heavy ones at most 4),
 *             made even: each side goes first in half of them
 *
 * The store is a role of its own, made for the run (ivbench_<pid>: CREATE
 * ROLE, iv_postgres_add_user()) and removed at the end
 * (iv_postgres_remove_user(), DROP ROLE). Both sides connect as it, with
 * the backend's session settings (client encoding UTF8; nothing else is
 * set), and the raw side's write transactions take the lock the backend
 * takes at the start of each (pg_advisory_xact_lock on the role's key).
 * Most of the store is written by the raw program (a build, not measured,
 * pipelined); the insert rows then add chunks alternately raw and through
 * the API. Every raw answer is checked against the library's: a difference
 * stops the program with status 1.
 *
 * SPDX-License-Identifier: MIT
 */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libpq-fe.h>

#include <infoview/infoview.h>
#include <infoview/postgres.h>

#include "common.h"

/* The first key of the backend's advisory locks (lib/backends/postgres_internal.h, PG_LOCK_CLASS). */
#define LOCK_CLASS 0x49567731
#define OPENS 20

static const char *admin_info;  /* the administrator's conninfo */
static char *role_info;         /* the same server and database, as the role */
static char role[64];
static int role_made;
static PGconn *raw;             /* the raw program's connection */
static iv_db *lib_db;
static volatile size_t sink;    /* what is read, so that reading is not left out */
static int rounds = 6;

/* --- Small tools -------------------------------------------------------- */

static void fail(const char *what)
{
	fprintf(stderr, "iv_bench_pg: %s\n", what);
	exit(1);
}

static void lib_die(const char *what)
{
	fprintf(stderr, "iv_bench_pg: %s: %s\n", what, iv_error_last()->message);
	exit(1);
}

static void pq_die(const char *what, PGresult *res)
{
	const char *m = res ? PQresultErrorMessage(res) : "";

	fprintf(stderr, "iv_bench_pg: %s: %s", what, m && *m ? m : PQerrorMessage(raw));
	PQclear(res);
	exit(1);
}

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "iv_bench_pg: raw and library disagree: %s\n", what);
		exit(1);
	}
}

/* The role's lock key, as the backend computes it (postgres_schema.c: FNV-1a of the name, never 0). */
static int32_t lock_key(const char *name)
{
	uint32_t h = 2166136261u;

	for (; *name; name++)
		h = (h ^ (unsigned char)*name) * 16777619u;
	return (int32_t)((h & 0x7fffffff) | 1);
}

static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* A connection with the backend's session settings (postgres_schema.c, connect_to()). */
static PGconn *connect_as(const char *conninfo)
{
	PGconn *c = PQconnectdb(conninfo);

	if (!c || PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "iv_bench_pg: cannot connect: %s", c ? PQerrorMessage(c) : "out of memory\n");
		exit(1);
	}
	if (PQsetClientEncoding(c, "UTF8") != 0)
		fail("the server does not speak UTF-8");
	PQsetNoticeProcessor(c, quiet, NULL);
	return c;
}

static void exec_sql(PGconn *c, const char *sql)
{
	PGresult *res = PQexec(c, sql);

	if (PQresultStatus(res) != PGRES_COMMAND_OK && PQresultStatus(res) != PGRES_TUPLES_OK) {
		fprintf(stderr, "iv_bench_pg: %s: %s", sql, PQresultErrorMessage(res));
		PQclear(res);
		exit(1);
	}
	PQclear(res);
}

/* The raw program's statements, prepared once on its connection ("bN") and reused. */
static char stmt_names[64][16];
static int nstmt;

static const char *prep(const char *sql)
{
	PGresult *res;
	char *name;

	if (nstmt == 64)
		fail("too many statements");
	name = stmt_names[nstmt++];
	snprintf(name, 16, "b%d", nstmt);
	res = PQprepare(raw, name, sql, 0, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		pq_die(sql, res);
	PQclear(res);
	return name;
}

static PGresult *run(const char *stmt, int n, const char *const *v, const char *what)
{
	PGresult *res = PQexecPrepared(raw, stmt, n, v, NULL, NULL, 0);

	if (PQresultStatus(res) != PGRES_COMMAND_OK && PQresultStatus(res) != PGRES_TUPLES_OK)
		pq_die(what, res);
	return res;
}

/* The bytes of every column of every row, as a program showing them reads them. */
static size_t read_all(const PGresult *res, int from_col)
{
	size_t bytes = 0;
	int r, c;

	for (r = 0; r < PQntuples(res); r++)
		for (c = from_col; c < PQnfields(res); c++)
			bytes += (size_t)PQgetlength(res, r, c) + (size_t)(PQgetvalue(res, r, c)[0] & 1);
	return bytes;
}

/* --- The role: made for the run, removed at the end ---------------------- */

/* The administrator's conninfo with user=<role> (and no password), as keywords. */
static char *role_conninfo(const char *admin, const char *name)
{
	PQconninfoOption *opts, *o;
	char *err = NULL, *out;
	size_t len = 64 + strlen(name), k;
	const char *v;

	if (!(opts = PQconninfoParse(admin, &err))) {
		fprintf(stderr, "iv_bench_pg: the conninfo: %s", err ? err : "out of memory\n");
		exit(2);
	}
	for (o = opts; o->keyword; o++)
		if (o->val)
			len += strlen(o->keyword) + 2 * strlen(o->val) + 8;
	if (!(out = malloc(len)))
		fail("out of memory");
	k = 0;
	for (o = opts; o->keyword; o++) {
		if (!o->val || strcmp(o->keyword, "user") == 0 || strcmp(o->keyword, "password") == 0)
			continue;
		k += (size_t)sprintf(out + k, "%s='", o->keyword);
		for (v = o->val; *v; v++) {
			if (*v == '\'' || *v == '\\')
				out[k++] = '\\';
			out[k++] = *v;
		}
		out[k++] = '\'';
		out[k++] = ' ';
	}
	sprintf(out + k, "user='%s'", name);
	PQconninfoFree(opts);
	return out;
}

static void role_make(void)
{
	PGconn *admin = connect_as(admin_info);
	char sql[128];

	snprintf(role, sizeof(role), "ivbench_%ld", (long)getpid());
	snprintf(sql, sizeof(sql), "CREATE ROLE %s LOGIN", role);
	exec_sql(admin, sql);
	role_made = 1;
	PQfinish(admin);
	if (iv_postgres_add_user(admin_info, role) < 0)
		lib_die("iv_postgres_add_user");
	role_info = role_conninfo(admin_info, role);
}

/* At exit, whatever happened: the role's records and the role go. */
static void role_remove(void)
{
	PGconn *admin;
	PGresult *res;
	char sql[128];

	iv_db_free(lib_db);
	lib_db = NULL;
	if (raw)
		PQfinish(raw);
	raw = NULL;
	if (!role_made)
		return;
	role_made = 0;
	if (iv_postgres_remove_user(admin_info, role) < 0)
		fprintf(stderr, "iv_bench_pg: removing the role's records: %s\n", iv_error_last()->message);
	/* At exit: a failure is said, not made another exit. */
	admin = PQconnectdb(admin_info);
	snprintf(sql, sizeof(sql), "DROP ROLE IF EXISTS %s", role);
	res = PQstatus(admin) == CONNECTION_OK ? PQexec(admin, sql) : NULL;
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		fprintf(stderr, "iv_bench_pg: dropping the role %s: %s", role,
			res ? PQresultErrorMessage(res) : PQerrorMessage(admin));
	PQclear(res);
	PQfinish(admin);
}

/* --- The data ----------------------------------------------------------- */

static char (*cid)[IV_ID_LEN + 1]; /* per contact index: its id */
static int default_cadence;
static char begin_sql[96];

/* The backend's write transaction: BEGIN and the role's lock (postgres.c, tx_begin()). */
static void raw_begin(void)
{
	exec_sql(raw, begin_sql);
}

static void raw_commit(void)
{
	exec_sql(raw, "COMMIT");
}

/*
 * The search index's words, as the backend writes them (postgres_records.c):
 * split on every byte that is not an ASCII letter or digit, A-Z folded,
 * each a quoted lexeme at position 1 with the field's weight.
 */
static size_t words_add(char *out, size_t len, size_t size, const char *text, char weight)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t n, i;

#define WORD_BYTE(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || ((c) >= '0' && (c) <= '9') || (c) >= 0x80)
	while (*p) {
		if (!WORD_BYTE(*p)) {
			p++;
			continue;
		}
		for (n = 0; p[n] && WORD_BYTE(p[n]); n++)
			;
		if (len + n + 8 < size) {
			out[len++] = '\'';
			for (i = 0; i < n; i++)
				out[len++] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
			len += (size_t)sprintf(out + len, "':1%c ", weight);
		}
		p += n;
	}
#undef WORD_BYTE
	out[len] = '\0';
	return len;
}

static const char *s_num_get, *s_num_set, *s_contact_ins, *s_intro_ins, *s_fu_ins;

static void raw_prepare_writes(void)
{
	s_num_get = prep("SELECT value FROM infoview.setting WHERE owner = current_user AND key = $1");
	s_num_set = prep("INSERT INTO infoview.setting (key, value) VALUES ($1, $2)"
			 " ON CONFLICT (owner, key) DO UPDATE SET value = excluded.value");
	s_contact_ins = prep("INSERT INTO infoview.contact (id, num, name, company, known, cadence_days,"
			     " last_interaction, emails, tags, created, updated, fts) VALUES ($1, $2, $3, $4, $5,"
			     " $6, $7, $8::text[], $9::text[], $10, $10, $11::tsvector)");
	s_intro_ins = prep("INSERT INTO infoview.intro (id, num, introducer, introduced, channel, status,"
			   " requested_at, made_at, created, updated) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)");
	s_fu_ins = prep("INSERT INTO infoview.followup (id, num, contact, kind, status, earliest, due, closed_at, note,"
			" created, updated) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)");
}

/* The last number given to a kind (the library's setting iv.number.<kind>). */
static long long num_get(const char *kind)
{
	char key[32];
	const char *v[1] = { key };
	PGresult *res;
	long long n = 0;

	snprintf(key, sizeof(key), "iv.number.%s", kind);
	res = run(s_num_get, 1, v, "reading a number");
	if (PQntuples(res) > 0)
		n = atoll(PQgetvalue(res, 0, 0));
	PQclear(res);
	return n;
}

static void num_set(const char *kind, long long n)
{
	char key[32], text[24];
	const char *v[2] = { key, text };

	snprintf(key, sizeof(key), "iv.number.%s", kind);
	snprintf(text, sizeof(text), "%lld", n);
	PQclear(run(s_num_set, 2, v, "keeping a number"));
}

/*
 * The build sends its rows in a pipeline (not measured); the timed rows
 * wait for each statement, as the library does.
 */
static int pipelined, in_flight;

static void drain(void)
{
	PGresult *res;

	if (!PQpipelineSync(raw))
		pq_die("pipeline sync", NULL);
	for (;;) {
		if (!(res = PQgetResult(raw)))
			continue; /* the end of one statement's results */
		if (PQresultStatus(res) == PGRES_PIPELINE_SYNC) {
			PQclear(res);
			break;
		}
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			pq_die("building the store", res);
		PQclear(res);
		in_flight--;
	}
	if (in_flight != 0)
		fail("the pipeline lost results");
}

static void write_row(const char *stmt, int n, const char *const *v, const char *what)
{
	if (!pipelined) {
		PQclear(run(stmt, n, v, what));
		return;
	}
	if (!PQsendQueryPrepared(raw, stmt, n, v, NULL, NULL, 0))
		pq_die(what, NULL);
	if (++in_flight == 1000)
		drain();
}

static void pipeline(int on)
{
	if (on) {
		if (!PQenterPipelineMode(raw))
			pq_die("pipeline mode", NULL);
	} else {
		if (in_flight)
			drain();
		if (!PQexitPipelineMode(raw))
			pq_die("leaving pipeline mode", NULL);
	}
	pipelined = on;
}

static void raw_contact(long i, long long num)
{
	struct contact_data d;
	unsigned char u[16];
	char nums[5][24], emails[80], tags[32], fts[512];
	const char *v[11];
	size_t len;

	contact_data(&d, i);
	uuid7(u);
	uuid_text(cid[i], u);
	snprintf(nums[0], 24, "%lld", num);
	snprintf(nums[1], 24, "%d", d.known);
	snprintf(nums[2], 24, "%d", default_cadence);
	snprintf(nums[3], 24, "%lld", (long long)d.last);
	snprintf(nums[4], 24, "%lld", (long long)NOW);
	snprintf(emails, sizeof(emails), "{%s}", d.email);
	snprintf(tags, sizeof(tags), "{%s}", d.tag ? d.tag : "");
	len = words_add(fts, 0, sizeof(fts), d.name, 'A');
	len = words_add(fts, len, sizeof(fts), d.company, 'B');
	if (d.tag)
		words_add(fts, len, sizeof(fts), d.tag, 'B');
	v[0] = cid[i];
	v[1] = nums[0];
	v[2] = d.name;
	v[3] = d.company;
	v[4] = nums[1];
	v[5] = nums[2];
	v[6] = nums[3];
	v[7] = d.email[0] ? emails : NULL;
	v[8] = d.tag ? tags : NULL;
	v[9] = nums[4];
	v[10] = fts;
	write_row(s_contact_ins, 11, v, "inserting a contact");
}

static void raw_intro(const struct intro_data *d, long long num)
{
	unsigned char u[16];
	char id[IV_ID_LEN + 1], nums[6][24];
	const char *v[9];

	uuid7(u);
	uuid_text(id, u);
	snprintf(nums[0], 24, "%lld", num);
	snprintf(nums[1], 24, "%d", d->channel);
	snprintf(nums[2], 24, "%d", d->status);
	snprintf(nums[3], 24, "%lld", (long long)(NOW - 10 * DAY));
	snprintf(nums[4], 24, "%lld", (long long)(d->status == IV_INTRO_MADE ? NOW - 5 * DAY : 0));
	snprintf(nums[5], 24, "%lld", (long long)NOW);
	v[0] = id;
	v[1] = nums[0];
	v[2] = cid[d->by];
	v[3] = cid[d->to];
	v[4] = nums[1];
	v[5] = nums[2];
	v[6] = nums[3];
	v[7] = nums[4];
	v[8] = nums[5];
	write_row(s_intro_ins, 9, v, "inserting an introduction");
}

static void raw_followup(const struct followup_data *d, long long num)
{
	unsigned char u[16];
	char id[IV_ID_LEN + 1], nums[7][24];
	const char *v[10];

	uuid7(u);
	uuid_text(id, u);
	snprintf(nums[0], 24, "%lld", num);
	snprintf(nums[1], 24, "%d", IV_FOLLOWUP_CUSTOM);
	snprintf(nums[2], 24, "%d", d->status);
	snprintf(nums[3], 24, "%lld", (long long)d->earliest);
	snprintf(nums[4], 24, "%lld", (long long)d->due);
	snprintf(nums[5], 24, "%lld", (long long)d->closed);
	snprintf(nums[6], 24, "%lld", (long long)NOW);
	v[0] = id;
	v[1] = nums[0];
	v[2] = cid[d->contact];
	v[3] = nums[1];
	v[4] = nums[2];
	v[5] = nums[3];
	v[6] = nums[4];
	v[7] = nums[5];
	v[8] = fu_note;
	v[9] = nums[6];
	write_row(s_fu_ins, 10, v, "inserting a follow-up");
}

/* --- The library's writes ---------------------------------------------- */

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
	strcpy(cid[i], iv_contact_id(c));
	iv_contact_free(c);
}

static void lib_intro(const struct intro_data *d)
{
	iv_intro *in = NULL;

	if (iv_intro_new(&in) < 0 || iv_intro_set_introducer(in, cid[d->by]) < 0 ||
	    iv_intro_set_introduced(in, cid[d->to]) < 0 || iv_intro_set_channel(in, d->channel) < 0 ||
	    iv_intro_set_status(in, d->status) < 0 || iv_intro_set_requested_at(in, NOW - 10 * DAY) < 0 ||
	    iv_intro_set_made_at(in, d->status == IV_INTRO_MADE ? NOW - 5 * DAY : 0) < 0 ||
	    iv_intro_insert(lib_db, in) < 0)
		lib_die("inserting an introduction");
	iv_intro_free(in);
}

static void lib_followup(const struct followup_data *d)
{
	iv_followup *fu = NULL;

	if (iv_followup_new(&fu) < 0 || iv_followup_set_contact(fu, cid[d->contact]) < 0 ||
	    iv_followup_set_kind(fu, IV_FOLLOWUP_CUSTOM) < 0 || iv_followup_set_status(fu, d->status) < 0 ||
	    iv_followup_set_earliest(fu, d->earliest) < 0 || iv_followup_set_due(fu, d->due) < 0 ||
	    (d->closed && iv_followup_set_closed_at(fu, d->closed) < 0) || iv_followup_set_note(fu, fu_note) < 0 ||
	    iv_followup_insert(lib_db, fu) < 0)
		lib_die("inserting a follow-up");
	iv_followup_free(fu);
}

/* --- Bulk inserts, one transaction per chunk --------------------------- */

static long chunk; /* rows per timed chunk */
static long next_contact, next_intro, next_fu;

static double raw_bulk_contacts(void)
{
	double t = now_s();
	long long num;
	long i;

	raw_begin();
	num = num_get("contact");
	for (i = 0; i < chunk; i++)
		raw_contact(next_contact + i, ++num);
	num_set("contact", num);
	raw_commit();
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
	next_contact += chunk;
	n_made = next_contact;
	return (double)chunk / t;
}

static double raw_bulk_intros(void)
{
	struct intro_data d;
	double t = now_s();
	long long num;
	long i;

	raw_begin();
	num = num_get("intro");
	for (i = 0; i < chunk; i++) {
		intro_data(&d, next_intro++, n_made);
		raw_intro(&d, ++num);
	}
	num_set("intro", num);
	raw_commit();
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
	long long num;
	long i;

	raw_begin();
	num = num_get("followup");
	for (i = 0; i < chunk; i++) {
		timed_followup(&d);
		raw_followup(&d, ++num);
	}
	num_set("followup", num);
	raw_commit();
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
	long long num;
	int i;

	if (!r || !l)
		fail("out of memory");
	for (i = 0; i < n; i++) {
		int side, lib_first = i % 2;

		for (side = 0; side < 2; side++) {
			if ((side ^ lib_first) == 0) {
				t = now_s();
				raw_begin();
				num = num_get("contact");
				raw_contact(next_contact, num + 1);
				num_set("contact", num + 1);
				raw_commit();
				r[i] = now_s() - t;
			} else {
				t = now_s();
				lib_contact(next_contact);
				l[i] = now_s() - t;
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
static const char *s_lookup;

static const char lookup_sql[] = "SELECT id, num, name, phone, company, title, location, url, notes, known,"
				 " cadence_days, last_interaction, emails, tags, created, updated"
				 " FROM infoview.contact WHERE owner = current_user AND id = $1";

static double raw_lookups(void)
{
	double t = now_s();
	int i;

	for (i = 0; i < SAMPLE; i++) {
		const char *v[1] = { cid[sample[i]] };
		PGresult *res = run(s_lookup, 1, v, "lookup");

		if (PQntuples(res) != 1)
			fail("raw lookup found nothing");
		sink += read_all(res, 0);
		PQclear(res);
	}
	return (now_s() - t) / SAMPLE;
}

static double lib_lookups(void)
{
	double t = now_s();
	int i;

	for (i = 0; i < SAMPLE; i++) {
		iv_contact *c = NULL;

		if (iv_contact_lookup(&c, lib_db, cid[sample[i]]) < 0)
			lib_die("lookup");
		iv_contact_free(c);
	}
	return (now_s() - t) / SAMPLE;
}

static void check_lookups(void)
{
	int i;

	for (i = 0; i < SAMPLE; i += 7) {
		const char *v[1] = { cid[sample[i]] };
		iv_contact *c = NULL;
		PGresult *res;

		if (iv_contact_lookup(&c, lib_db, cid[sample[i]]) < 0)
			lib_die("lookup");
		res = run(s_lookup, 1, v, "lookup");
		check(PQntuples(res) == 1, "a contact the library finds is not in the table");
		check(strcmp(PQgetvalue(res, 0, 2), iv_contact_name(c)) == 0, "a looked-up contact's name");
		check(atoll(PQgetvalue(res, 0, 1)) == iv_contact_number(c), "a looked-up contact's number");
		check(iv_contact_email_count(c) == (PQgetisnull(res, 0, 12) ? 0u : 1u), "a looked-up contact's e-mails");
		PQclear(res);
		iv_contact_free(c);
	}
}

static double raw_open_lookup(void)
{
	double t = now_s();
	int i;

	for (i = 0; i < OPENS; i++) {
		const char *v[1] = { cid[sample[i]] };
		PGconn *c = connect_as(role_info);
		PGresult *res = PQexecParams(c, lookup_sql, 1, NULL, v, NULL, NULL, 0);

		if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1)
			fail("raw open + lookup found nothing");
		sink += read_all(res, 0);
		PQclear(res);
		PQfinish(c);
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

		if (iv_db_open_with(&db, "postgresql", role_info) < 0 || iv_contact_lookup(&c, db, cid[sample[i]]) < 0)
			lib_die("open + lookup");
		iv_contact_free(c);
		iv_db_free(db);
	}
	return (now_s() - t) / OPENS;
}

/* --- Follow-ups due now, the agenda --------------------------------------- */

/*
 * The raw queries of the due rows: their SQL, and the same prepared. The
 * raw side reads them through a cursor, as the library does, declared and
 * read to its end in one round trip: PostgreSQL plans a cursor for its
 * first rows (cursor_tuple_fraction), which here is the plan to have. The
 * planner takes `status = pending AND due <= now` for a quarter of the
 * follow-ups (half are pending, half are due before now: the done ones),
 * where it is 50 of them; planned for all its rows, the plain query joins
 * by hashing every contact, 10 to 50 times slower (the row "the plain
 * query"; both a statement planned for its values and a prepared one).
 */
static const char *due_whole_sql, *due_narrow_sql, *agenda_sql, *due_sql;
static const char *s_due_whole;
static int due_prepared; /* the raw side runs the prepared statement s_due_whole */
static char due_raw[DUE_NOW + 8][IV_ID_LEN + 1], due_lib[DUE_NOW + 8][IV_ID_LEN + 1];
static char due_name_raw[DUE_NOW + 8][96], due_name_lib[DUE_NOW + 8][96];
static int ndue_raw, ndue_lib;

/* Declares a cursor on `query` with $1 the status pending and $2 the time now, reads it, ends: one round trip. */
static PGresult *run_cursor(const char *query)
{
	char sql[2048], *o = sql;
	const char *q;
	PGresult *res, *rows = NULL;

	o += sprintf(o, "BEGIN; DECLARE r NO SCROLL CURSOR FOR ");
	for (q = query; *q && o < sql + sizeof(sql) - 64; q++) {
		if (q[0] == '$' && (q[1] == '1' || q[1] == '2')) {
			o += q[1] == '1' ? sprintf(o, "%d", IV_FOLLOWUP_PENDING) : sprintf(o, "%lld", (long long)NOW);
			q++;
		} else {
			*o++ = *q;
		}
	}
	sprintf(o, "; FETCH ALL FROM r; COMMIT");
	if (!PQsendQuery(raw, sql))
		pq_die("the follow-ups due", NULL);
	while ((res = PQgetResult(raw))) {
		if (PQresultStatus(res) == PGRES_TUPLES_OK && !rows) {
			rows = res;
			continue;
		}
		if (PQresultStatus(res) != PGRES_COMMAND_OK && PQresultStatus(res) != PGRES_TUPLES_OK)
			pq_die("the follow-ups due", res);
		PQclear(res);
	}
	if (!rows)
		fail("the follow-ups due: no rows");
	return rows;
}

static PGresult *raw_pending(const char *query)
{
	char status[8], now[24];
	const char *v[2] = { status, now };

	if (!due_prepared)
		return run_cursor(query);
	snprintf(status, sizeof(status), "%d", IV_FOLLOWUP_PENDING);
	snprintf(now, sizeof(now), "%lld", (long long)NOW);
	return run(s_due_whole, 2, v, "the follow-ups due");
}

static double raw_due(void)
{
	double t = now_s();
	PGresult *res = raw_pending(due_sql);
	int i;

	sink += read_all(res, 1);
	ndue_raw = PQntuples(res);
	for (i = 0; i < ndue_raw && i < DUE_NOW + 8; i++) {
		snprintf(due_raw[i], sizeof(due_raw[0]), "%s", PQgetvalue(res, i, 0));
		snprintf(due_name_raw[i], sizeof(due_name_raw[0]), "%s", PQgetvalue(res, i, 1));
	}
	PQclear(res);
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
		const char *name = iv_followup_contact_name(fu);

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
	PGresult *res = raw_pending(agenda_sql);
	int i;

	sink += read_all(res, 0);
	ndue_raw = PQntuples(res);
	for (i = 0; i < ndue_raw && i < DUE_NOW + 8; i++)
		snprintf(due_raw[i], sizeof(due_raw[0]), "%s", PQgetvalue(res, i, 0));
	PQclear(res);
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

static const char *s_search, *s_search_unranked;
static double score_raw[HITS], score_lib[HITS];
static char hit_raw[HITS][IV_ID_LEN + 1], hit_lib[HITS][IV_ID_LEN + 1];
static int nhit_raw, nhit_lib;

static double raw_search_with(const char *stmt)
{
	/* The word the query begins, and how many hits. */
	static const char *const v[2] = { QUERY, "20" };
	double t = now_s();
	PGresult *res = run(stmt, 2, v, "search");
	int i;

	nhit_raw = PQntuples(res);
	for (i = 0; i < nhit_raw && i < HITS; i++) {
		snprintf(hit_raw[i], sizeof(hit_raw[0]), "%s", PQgetvalue(res, i, 0));
		score_raw[i] = strtod(PQgetvalue(res, i, 1), NULL);
	}
	PQclear(res);
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

static const char *s_hit;

static void check_search(int ranked)
{
	int i;

	check(nhit_raw == nhit_lib && nhit_raw > 0, "the number of search hits");
	for (i = 0; i < nhit_raw; i++) {
		const char *v[2] = { QUERY, hit_lib[i] };
		PGresult *res;

		if (ranked) {
			check(score_raw[i] == score_lib[i] && strcmp(hit_raw[i], hit_lib[i]) == 0, "the best hits");
			continue;
		}
		/*
		 * Unranked, any matches will do, and the two plans (the library
		 * reads through a cursor) need not give the same ones: each of the
		 * library's is a match with the score the raw query gives it.
		 */
		res = run(s_hit, 2, v, "a hit");
		check(PQntuples(res) == 1 && strtod(PQgetvalue(res, 0, 0), NULL) == score_lib[i], "a hit unranked");
		PQclear(res);
	}
}

/* --- The network -------------------------------------------------------- */

/*
 * The raw program's network: contacts in arrays indexed by their key (rid)
 * less the smallest, the introductions not declined as out-edges (CSR), a
 * breadth-first search from the contacts known directly at load, and the
 * contacts sorted by company for the company query.
 */
struct raw_net {
	long long base;
	long n;
	int *dist, *parent, *known, *first_edge, *edges, *by_company;
	long n_company;
	iv_time *last;
	char **company;
	char (*id)[IV_ID_LEN + 1];
};

static struct raw_net rn;
static const char *s_net_range, *s_net_contacts, *s_net_intros, *s_back, *s_node, *s_members;

static int company_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return strcasecmp(rn.company[x], rn.company[y]);
}

static void raw_net_free(void)
{
	long i;

	if (!rn.dist)
		return;
	for (i = 0; i < rn.n; i++)
		free(rn.company[i]);
	free(rn.dist);
	free(rn.parent);
	free(rn.known);
	free(rn.first_edge);
	free(rn.edges);
	free(rn.by_company);
	free(rn.last);
	free(rn.company);
	free(rn.id);
	memset(&rn, 0, sizeof(rn));
}

static double raw_net_load(void)
{
	double t = now_s();
	size_t n, nedge, k;
	int *queue, head = 0, tail = 0, v, e, *from;
	PGresult *res;
	long i, r;

	raw_net_free();
	res = run(s_net_range, 0, NULL, "network");
	rn.base = atoll(PQgetvalue(res, 0, 0));
	rn.n = atol(PQgetvalue(res, 0, 1)) - (long)rn.base + 1;
	PQclear(res);
	n = (size_t)rn.n;
	rn.dist = calloc(n, sizeof(int));
	rn.parent = calloc(n, sizeof(int));
	rn.known = calloc(n, sizeof(int));
	rn.first_edge = calloc(n + 1, sizeof(int));
	rn.last = calloc(n, sizeof(iv_time));
	rn.company = calloc(n, sizeof(char *));
	rn.id = calloc(n, sizeof(*rn.id));
	rn.by_company = malloc(n * sizeof(int));
	queue = malloc(n * sizeof(int));
	if (!rn.dist || !rn.parent || !rn.known || !rn.first_edge || !rn.last || !rn.company || !rn.id ||
	    !rn.by_company || !queue)
		fail("out of memory");
	res = run(s_net_contacts, 0, NULL, "network");
	for (r = 0; r < PQntuples(res); r++) {
		i = atol(PQgetvalue(res, (int)r, 0)) - (long)rn.base;
		memcpy(rn.id[i], PQgetvalue(res, (int)r, 1), IV_ID_LEN);
		rn.known[i] = atoi(PQgetvalue(res, (int)r, 2));
		rn.last[i] = atoll(PQgetvalue(res, (int)r, 3));
		if (!PQgetisnull(res, (int)r, 4)) {
			rn.company[i] = strdup(PQgetvalue(res, (int)r, 4));
			rn.by_company[rn.n_company++] = (int)i;
		}
	}
	PQclear(res);
	res = run(s_net_intros, 0, NULL, "network");
	nedge = (size_t)PQntuples(res);
	if (!(rn.edges = malloc((nedge + 1) * sizeof(int))) || !(from = malloc((nedge + 1) * sizeof(int))))
		fail("out of memory");
	for (k = 0; k < nedge; k++) {
		from[k] = (int)(atol(PQgetvalue(res, (int)k, 0)) - (long)rn.base);
		rn.first_edge[from[k] + 1]++;
	}
	for (k = 1; k <= n; k++)
		rn.first_edge[k] += rn.first_edge[k - 1];
	for (k = 0; k < nedge; k++)
		rn.edges[rn.first_edge[from[k]]++] = (int)(atol(PQgetvalue(res, (int)k, 1)) - (long)rn.base);
	PQclear(res);
	free(from);
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

static double heap_bytes(void)
{
	struct mallinfo2 m = mallinfo2();

	return (double)m.uordblks + (double)m.hblkhd;
}

/* What each side's network holds once loaded: the heap before and after a load from nothing. */
static void net_memory(double *rawm, double *libm)
{
	double before;

	raw_net_free();
	before = heap_bytes();
	raw_net_load();
	*rawm = (heap_bytes() - before) / (1024.0 * 1024.0);
	iv_network_free(lib_net);
	lib_net = NULL;
	before = heap_bytes();
	lib_net_load();
	*libm = (heap_bytes() - before) / (1024.0 * 1024.0);
}

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
	return strcmp(rn.id[x->node[x->len - 1]], rn.id[y->node[y->len - 1]]);
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
	int v, i, k;

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
	/* The ids along each path, as the library gives them. */
	for (i = 0; i < ncpaths_raw; i++)
		for (k = 0; k < cpaths[i].len; k++)
			sink += (size_t)rn.id[cpaths[i].node[k]][0];
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
	int i, j;

	check(ncpaths_raw == ncpaths_lib && ncpaths_raw > 0, "the number of paths into the company");
	for (i = 0; i < ncpaths_raw; i++) {
		const char *id = rn.id[cpaths[i].node[cpaths[i].len - 1]];

		for (j = 0; j < ncpaths_lib && strcmp(ctarget_lib[j], id) != 0; j++)
			;
		check(j < ncpaths_lib && clen_lib[j] == cpaths[i].len, "a path into the company");
		check(i == 0 || clen_lib[i - 1] <= clen_lib[i], "the library's paths are shortest first");
	}
}

#define PATHS 200
static int path_target[PATHS];
static char path_target_id[PATHS][IV_ID_LEN + 1];
static int path_len_raw[PATHS], path_len_lib[PATHS];

static double raw_paths(void)
{
	char ids[64][IV_ID_LEN + 1];
	struct raw_path p;
	double t = now_s();
	int i, k;

	/* The ids along the path, copied out as the library hands them out. */
	for (i = 0; i < PATHS; i++) {
		if (raw_path_of(&p, path_target[i]) < 0)
			fail("raw path: unreachable");
		for (k = 0; k < p.len; k++)
			memcpy(ids[k], rn.id[p.node[k]], IV_ID_LEN + 1);
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
	long long rid;
	int next; /* the node this one introduced, toward the target; -1 for the target */
	int known;
	char id[IV_ID_LEN + 1];
};

static struct back back[BACK_MAX];
static long long seen_rid[2 * BACK_MAX];
static unsigned int seen_gen[2 * BACK_MAX], gen;

static int seen(long long rid)
{
	unsigned int h = (unsigned int)((uint64_t)rid * 0x9e3779b97f4a7c15ull >> 47);

	while (seen_gen[h] == gen) {
		if (seen_rid[h] == rid)
			return 1;
		h = (h + 1) & (2 * BACK_MAX - 1);
	}
	seen_gen[h] = gen;
	seen_rid[h] = rid;
	return 0;
}

/* The length of the shortest path to the contact (rid, known, id) from a row of s_node or s_members; 0 if none. */
static int walk_back(const char **target, const PGresult *start, int row)
{
	int lo = 0, hi = 1, n = 1, depth = 1, found = -1, i, len, r;

	gen++;
	back[0].rid = atoll(PQgetvalue(start, row, 0));
	back[0].next = -1;
	back[0].known = atoi(PQgetvalue(start, row, 1));
	memcpy(back[0].id, PQgetvalue(start, row, 2), IV_ID_LEN + 1);
	seen(back[0].rid);
	for (;;) {
		for (i = lo; i < hi && found < 0; i++)
			if (back[i].known == IV_KNOWN_DIRECT)
				found = i;
		if (found >= 0 || depth >= 63)
			break;
		for (i = lo; i < hi; i++) {
			const char *v[1] = { back[i].id };
			PGresult *res = run(s_back, 1, v, "walking back");

			for (r = 0; r < PQntuples(res); r++) {
				long long rid = atoll(PQgetvalue(res, r, 0));

				if (seen(rid))
					continue;
				if (n == BACK_MAX)
					fail("raw walk back: too many ancestors");
				back[n].rid = rid;
				back[n].next = i;
				back[n].known = atoi(PQgetvalue(res, r, 1));
				memcpy(back[n++].id, PQgetvalue(res, r, 2), IV_ID_LEN + 1);
			}
			PQclear(res);
		}
		if (n == hi)
			break;
		lo = hi;
		hi = n;
		depth++;
	}
	if (found < 0)
		return 0;
	/* From you to the target: the ids, as the library gives them. */
	for (len = 0, i = found; i >= 0; i = back[i].next, len++)
		sink += (size_t)back[i].id[0];
	*target = back[0].id;
	return len;
}

static int store_len_raw, store_len_lib;

static double raw_path_from_store(void)
{
	const char *v[1] = { path_target_id[0] }, *target;
	double t = now_s();
	PGresult *res = run(s_node, 1, v, "a contact");

	if (PQntuples(res) != 1)
		fail("raw path from the store: no such contact");
	store_len_raw = walk_back(&target, res, 0);
	PQclear(res);
	return now_s() - t;
}

static double lib_path_from_store(void)
{
	iv_path *p = NULL;
	double t = now_s();

	if (iv_db_path(&p, lib_db, path_target_id[0]) < 0)
		lib_die("path from the store");
	store_len_lib = (int)iv_path_length(p);
	iv_path_free(p);
	return now_s() - t;
}

static char (*ctarget_raw)[IV_ID_LEN + 1];
static int *clen_raw, ncstore_raw;

static double raw_company_from_store(void)
{
	const char *v[1] = { company_q }, *target;
	double t = now_s();
	PGresult *res = run(s_members, 1, v, "a company's contacts");
	int r, len;

	ncstore_raw = 0;
	for (r = 0; r < PQntuples(res); r++)
		if ((len = walk_back(&target, res, r))) {
			strcpy(ctarget_raw[ncstore_raw], target);
			clen_raw[ncstore_raw++] = len;
		}
	PQclear(res);
	return now_s() - t;
}

static double lib_company_from_store(void)
{
	iv_path_iter *it = NULL;
	iv_path *p = NULL;
	double t = now_s();
	int rc;

	if (iv_db_company_paths(&it, lib_db, company_q) < 0)
		lib_die("company paths from the store");
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
	int i, j;

	check(ncstore_raw == ncpaths_raw, "the number of paths into the company, from the store (raw)");
	for (i = 0; i < ncpaths_raw; i++) {
		const char *id = rn.id[cpaths[i].node[cpaths[i].len - 1]];

		for (j = 0; j < ncstore_raw && strcmp(ctarget_raw[j], id) != 0; j++)
			;
		check(j < ncstore_raw && clen_raw[j] == cpaths[i].len, "a path into the company, from the store (raw)");
	}
	check_company();
}

/* --- Building the store -------------------------------------------------- */

/*
 * The planner's statistics, as autovacuum makes them a minute or so after
 * a load this size; only the tables' owner (the administrator) may: the
 * role's own ANALYZE is skipped with a warning. Without them the planner
 * takes `owner = current_user` for one row and joins introductions to
 * contacts by nested loops over every contact: the network's scan of
 * 20,000 introductions took 7 s, on both sides.
 */
static void analyze(void)
{
	PGconn *admin = connect_as(admin_info);

	exec_sql(admin, "ANALYZE infoview.contact; ANALYZE infoview.intro; ANALYZE infoview.followup;"
		 " ANALYZE infoview.setting");
	PQfinish(admin);
}

static void build(long n_build, long intros, long fus)
{
	struct intro_data di;
	struct followup_data df;
	long i;

	raw_begin();
	pipeline(1);
	for (i = 0; i < n_build; i++)
		raw_contact(i, (long long)i + 1);
	pipeline(0);
	num_set("contact", n_build);
	raw_commit();
	next_contact = n_made = n_build;
	raw_begin();
	pipeline(1);
	for (i = 0; i < intros; i++) {
		intro_data(&di, next_intro++, n_made);
		raw_intro(&di, (long long)i + 1);
	}
	pipeline(0);
	num_set("intro", intros);
	raw_commit();
	raw_begin();
	pipeline(1);
	for (i = 0; i < fus; i++) {
		followup_data(&df, i);
		raw_followup(&df, (long long)i + 1);
	}
	pipeline(0);
	num_set("followup", fus);
	raw_commit();
	next_fu = fus / 2;
	analyze();
}

static void usage(void)
{
	fprintf(stderr, "usage: iv_bench_pg [-r ROUNDS] CONNINFO N\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int heavy, i, k;
	long n = 0, n_build, intros, fus;
	double t0 = now_s();
	iv_contact *fresh = NULL;
	PGresult *res;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
			rounds = atoi(argv[++i]);
		else if (argv[i][0] != '-' && !admin_info)
			admin_info = argv[i];
		else if (argv[i][0] != '-' && !n)
			n = atol(argv[i]);
		else
			usage();
	}
	if (!admin_info)
		usage();
	if (n < 300 || rounds < 1 || rounds > 16) {
		fprintf(stderr, "iv_bench_pg: N is at least 300, rounds 1 to 16\n");
		usage();
	}
	if (!iv_postgres_available())
		fail("this libinfoview was built without PostgreSQL support");
	rounds += rounds % 2;
	heavy = rounds < 4 ? rounds : 4;
	n_contacts = n;
	chunk = n / (8 * rounds);
	chunk = chunk < 10 ? 10 : chunk > 5000 ? 5000 : chunk;
	n_build = n - 2 * rounds * chunk;
	intros = 2 * n - 2 * rounds * chunk;
	fus = n - 2 * rounds * chunk;
	if (!(cid = calloc((size_t)n + 4096, sizeof(*cid))) || !(cpaths = malloc((size_t)n * sizeof(*cpaths))) ||
	    !(ctarget_lib = malloc((size_t)n * sizeof(*ctarget_lib))) || !(clen_lib = malloc((size_t)n * sizeof(int))) ||
	    !(ctarget_raw = malloc((size_t)n * sizeof(*ctarget_raw))) || !(clen_raw = malloc((size_t)n * sizeof(int))))
		fail("out of memory");

	atexit(role_remove);
	role_make();
	if (iv_db_open_with(&lib_db, "postgresql", role_info) < 0)
		lib_die("opening the store");
	iv_db_set_clock(lib_db, clock_cb, NULL);
	raw = connect_as(role_info);
	snprintf(begin_sql, sizeof(begin_sql), "BEGIN; SELECT pg_advisory_xact_lock(%d, %ld)", LOCK_CLASS,
		 (long)lock_key(role));
	if (iv_contact_new(&fresh) < 0)
		lib_die("contact");
	default_cadence = iv_contact_cadence_days(fresh);
	iv_contact_free(fresh);
	raw_prepare_writes();

	res = PQexec(raw, "SHOW server_version");
	printf("# iv_bench_pg: N = %ld contacts, %ld introductions, %ld follow-ups (%d due now); libinfoview %s,"
	       " PostgreSQL %s (libpq %d)\n", n, 2 * n, n, DUE_NOW, iv_version(NULL, NULL, NULL),
	       PQresultStatus(res) == PGRES_TUPLES_OK ? PQgetvalue(res, 0, 0) : "?", PQlibVersion());
	PQclear(res);
	printf("# %d rounds (%d for the heavy rows), inserts in chunks of %ld rows; role %s\n", rounds, heavy, chunk,
	       role);
	fflush(stdout);
	build(n_build, intros, fus);
	printf("# built by raw SQL in %.1f s\n\n", now_s() - t0);
	printf("| operation | raw | library | ratio |\n|---|---:|---:|---:|\n");

	compare("bulk insert contacts (one transaction)", raw_bulk_contacts, lib_bulk_contacts, rounds, RATE, NULL);
	compare("bulk insert introductions", raw_bulk_intros, lib_bulk_intros, rounds, RATE, NULL);
	compare("bulk insert follow-ups", raw_bulk_followups, lib_bulk_followups, rounds, RATE, NULL);
	single_inserts(100 * rounds < n / 2 ? 100 * rounds : (int)(n / 2));

	/* What the reads look at. */
	for (i = 0; i < SAMPLE; i++)
		sample[i] = (long)(next() % (uint64_t)n_made);
	s_lookup = prep(lookup_sql);
	check_lookups();
	compare("lookup by id", raw_lookups, lib_lookups, rounds, MICRO, NULL);
	compare("open + lookup + close", raw_open_lookup, lib_open_lookup, rounds, MILLI, NULL);

	due_sql = due_whole_sql = ("SELECT f.id, c.name, f.num, f.contact, f.interview, f.kind, f.status, f.earliest,"
				   " f.due, f.closed_at, f.note, f.draft, f.rule, f.created, f.updated"
				   " FROM infoview.followup f JOIN infoview.contact c ON c.owner = f.owner"
				   " AND c.id = f.contact WHERE f.owner = current_user AND f.status = $1"
				   " AND f.due <= $2 ORDER BY f.due, f.id");
	due_narrow_sql = ("SELECT f.id, c.name FROM infoview.followup f JOIN infoview.contact c"
			    " ON c.owner = f.owner AND c.id = f.contact WHERE f.owner = current_user"
			    " AND f.status = $1 AND f.due <= $2 ORDER BY f.due, f.id");
	raw_due();
	lib_due();
	check_due("the follow-ups due now");
	for (i = 0; i < ndue_raw; i++)
		check(strcmp(due_name_raw[i], due_name_lib[i]) == 0, "the names of the follow-ups due now");
	compare("follow-ups due now with names (raw: whole follow-ups and the name, in a cursor; lib: iv_followup_list +"
		" iv_followup_contact_name)", raw_due, lib_due, rounds, MICRO, NULL);
	due_sql = due_narrow_sql;
	compare("follow-ups due now with names (raw: the id and the name only)", raw_due, lib_due, rounds, MICRO,
		NULL);
	due_sql = due_whole_sql;
	s_due_whole = prep(due_whole_sql);
	due_prepared = 1;
	raw_due();
	check_due("the follow-ups due now, prepared");
	compare("follow-ups due now with names (raw: the plain query, prepared: not the limit)", raw_due, lib_due,
		rounds, MICRO, NULL);
	due_prepared = 0;
	agenda_sql = ("SELECT f.id, f.num, f.kind, f.status, f.earliest, f.due, f.closed_at, f.note, f.draft,"
			" f.rule, f.created, f.updated, c.id, c.num, c.name, c.phone, c.company, c.title, c.location,"
			" c.url, c.notes, c.known, c.cadence_days, c.last_interaction, c.emails, c.tags, c.created,"
			" c.updated FROM infoview.followup f JOIN infoview.contact c ON c.owner = f.owner"
			" AND c.id = f.contact WHERE f.owner = current_user AND f.status = $1 AND f.earliest <= $2"
			" ORDER BY f.due, f.id");
	raw_agenda();
	lib_agenda();
	check_due("the agenda");
	{
		char note[96];

		snprintf(note, sizeof(note), "(%d due among %ld pending)", DUE_NOW, n / 2);
		compare("iv_agenda", raw_agenda, lib_agenda, rounds, MICRO, note);
	}

	/*
	 * The words of contacts, each with the weight of the best field it is
	 * in (contact_word, which the contact's trigger keeps): the words a
	 * query's word begins are a range of the index (owner, word); with one
	 * word, a contact's score is its best weight.
	 */
	s_search = prep("SELECT ref, max(weight) AS score FROM infoview.contact_word WHERE owner = current_user"
			" AND word >= $1 AND word < $1 || chr(1114111) AND starts_with(word, $1)"
			" GROUP BY ref ORDER BY score DESC, ref LIMIT $2::bigint");
	s_search_unranked = prep("SELECT ref, max(weight) FROM infoview.contact_word WHERE owner = current_user"
				 " AND word >= $1 AND word < $1 || chr(1114111) AND starts_with(word, $1)"
				 " GROUP BY ref LIMIT $2::bigint");
	s_hit = prep("SELECT max(weight) FROM infoview.contact_word WHERE owner = current_user AND ref = $2"
		     " AND word >= $1 AND word < $1 || chr(1114111) AND starts_with(word, $1)");
	raw_search();
	lib_search();
	check_search(1);
	compare("search \"" QUERY "\", ranked, best 20", raw_search, lib_search, rounds, MICRO, NULL);
	raw_search_unranked();
	lib_search_unranked();
	check_search(0);
	compare("search \"" QUERY "\", unranked, first 20", raw_search_unranked, lib_search_unranked, rounds, MICRO,
		NULL);

	s_net_range = prep("SELECT min(rid), max(rid) FROM infoview.contact WHERE owner = current_user");
	s_net_contacts = prep("SELECT rid, id, known, last_interaction, company FROM infoview.contact"
			      " WHERE owner = current_user");
	s_net_intros = prep("SELECT a.rid, z.rid FROM infoview.intro i"
			    " JOIN infoview.contact a ON a.owner = i.owner AND a.id = i.introducer"
			    " JOIN infoview.contact z ON z.owner = i.owner AND z.id = i.introduced"
			    " WHERE i.owner = current_user AND i.status <> 4");
	s_back = prep("SELECT c.rid, c.known, c.id FROM infoview.intro i JOIN infoview.contact c"
		      " ON c.owner = i.owner AND c.id = i.introducer"
		      " WHERE i.owner = current_user AND i.introduced = $1 AND i.status <> 4");
	s_node = prep("SELECT rid, known, id FROM infoview.contact WHERE owner = current_user AND id = $1");
	s_members = prep("SELECT rid, known, id FROM infoview.contact WHERE owner = current_user"
			 " AND company_key = infoview.fold($1)");
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

	/* Contacts reachable through introductions, for the path rows. */
	for (i = 0, k = 0; k < PATHS && i < 100000; i++) {
		int v = (int)(next() % (uint64_t)rn.n);

		if (rn.dist[v] > 1) {
			path_target[k] = v;
			memcpy(path_target_id[k++], rn.id[v], IV_ID_LEN + 1);
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
	compare("path to one contact from the store (raw: by id, then walk back by introduced; lib: iv_db_path)",
		raw_path_from_store, lib_path_from_store, heavy, MILLI, NULL);
	raw_company_from_store();
	lib_company_from_store();
	check_company_from_store();
	compare("who can introduce me at the company from the store (raw: its contacts walked back; lib:"
		" iv_db_company_paths)", raw_company_from_store, lib_company_from_store, heavy, MILLI, NULL);

	printf("\n# raw and library answers agree; %.1f s in all\n", now_s() - t0);
	iv_network_free(lib_net);
	raw_net_free();
	role_remove();
	free(role_info);
	free(cid);
	free(cpaths);
	free(ctarget_lib);
	free(clen_lib);
	free(ctarget_raw);
	free(clen_raw);
	return 0;
}

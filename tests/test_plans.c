/*
 * Every query's plan (issue 10): no full scan where an index should serve.
 *
 * The SQLite backend's statements are not copied here: an SQLite
 * auto-extension hands this process the library's own connection when
 * iv_db_open() opens it, and a trace on that connection records the text
 * of every statement the library runs. A story of the public calls (the
 * seeding writes, every lookup and filter, the agenda, search, the network
 * walk, settings, drafts, import, export, deletes, the rules) runs on a
 * store of a few thousand records; then every distinct statement recorded
 * is explained on the same connection, and a step that scans a table, or
 * sorts for an ORDER BY in a temporary b-tree, fails the test with the
 * statement, its plan and the public call that ran it, unless the
 * allowlist below says why that statement scans or sorts by nature.
 *
 *     test_plans [N]        N contacts (2000 by default)
 *     test_plans -v [N]     also prints every statement with its plan
 *
 * The library does not run ANALYZE, so neither does this test: the plans
 * are the ones a user's store gets.
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
#include <unistd.h>

#include <sqlite3.h>
#include <infoview/infoview.h>

/* 2026-03-02 09:00 UTC, a Monday morning, as in bench/mkstore.c. */
#define NOW ((iv_time)1772442000)

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* --- The trace ----------------------------------------------------------- */

struct stmt {
	char *sql;
	const char *call; /* the first public call that ran it */
	const char *calls[16]; /* the first few public calls that ran it */
	unsigned long runs;
	int after_creation; /* run after the store was made, not only while making it */
};

static struct {
	sqlite3 *conn;    /* the library's connection, once opened */
	int armed;        /* the next connection opened is the library's */
	int recording;
	int creating;     /* iv_db_open() is making the store: its schema, once */
	const char *call; /* the public call being made */
	struct stmt *v;
	size_t n, cap;
	unsigned long runs;
} tr;

static int verbose;
static long ncontacts = 2000;

static void add_call(struct stmt *s)
{
	size_t i;

	for (i = 0; i < COUNT(s->calls) && s->calls[i]; i++)
		if (strcmp(s->calls[i], tr.call) == 0)
			return;
	if (i < COUNT(s->calls))
		s->calls[i] = tr.call;
}

static void record(const char *sql)
{
	size_t i;

	tr.runs++;
	for (i = 0; i < tr.n; i++)
		if (strcmp(tr.v[i].sql, sql) == 0) {
			tr.v[i].runs++;
			tr.v[i].after_creation |= !tr.creating;
			add_call(&tr.v[i]);
			return;
		}
	if (tr.n == tr.cap) {
		tr.cap = tr.cap ? 2 * tr.cap : 64;
		tr.v = realloc(tr.v, tr.cap * sizeof(*tr.v));
		assert_non_null(tr.v);
	}
	tr.v[tr.n].sql = strdup(sql);
	assert_non_null(tr.v[tr.n].sql);
	tr.v[tr.n].call = tr.call;
	memset(tr.v[tr.n].calls, 0, sizeof(tr.v[tr.n].calls));
	tr.v[tr.n].calls[0] = tr.call;
	tr.v[tr.n].runs = 1;
	tr.v[tr.n].after_creation = !tr.creating;
	tr.n++;
}

static int on_trace(unsigned int type, void *ctx, void *p, void *x)
{
	const char *sql;

	(void)ctx;
	(void)x;
	/* sqlite3_sql(): the text as prepared, parameters unexpanded. */
	if (type == SQLITE_TRACE_STMT && tr.recording && (sql = sqlite3_sql((sqlite3_stmt *)p)) != NULL)
		record(sql);
	return 0;
}

static int on_open(sqlite3 *db, char **err, const sqlite3_api_routines *api)
{
	(void)err;
	(void)api;
	if (tr.armed && !tr.conn) {
		tr.conn = db;
		sqlite3_trace_v2(db, SQLITE_TRACE_STMT, on_trace, NULL);
	}
	return SQLITE_OK;
}

/* Whether the public call `call` ran a statement containing `needle`. */
static int seen(const char *needle, const char *call)
{
	size_t i, k;

	for (i = 0; i < tr.n; i++)
		if (strstr(tr.v[i].sql, needle))
			for (k = 0; k < COUNT(tr.v[i].calls) && tr.v[i].calls[k]; k++)
				if (strcmp(tr.v[i].calls[k], call) == 0)
					return 1;
	return 0;
}

/* --- What may scan or sort ----------------------------------------------- */

/*
 * A statement containing `sql` may have plan steps containing `step`: each
 * is a full scan or a sort by nature, for the reason given. Matching is by
 * substring of both, so that an entry excuses one step of one statement,
 * not a whole statement.
 */
static const struct allow {
	const char *sql;
	const char *step;
	const char *why;
} allowed[] = {
	/* Scans by nature. */
	{ "FROM sqlite_", "SCAN sqlite_",
	  "opening reads the schema table, a handful of rows" },
	{ "FROM contact r ORDER BY r.name COLLATE NOCASE, r.uuid", "SCAN r USING INDEX contact_name",
	  "listing every contact (contact list, export), in name order from the name index" },
	{ "FROM intro r LEFT JOIN contact j0 ON j0.id = r.introducer LEFT JOIN contact j1 ON j1.id = r.introduced"
	  " ORDER BY", "SCAN r USING INDEX intro_created",
	  "listing every introduction (export)" },
	{ "FROM intro r LEFT JOIN contact j0 ON j0.id = r.introducer LEFT JOIN contact j1 ON j1.id = r.introduced"
	  " WHERE r.status = ?3 ORDER BY", "SCAN r USING INDEX intro_created",
	  "a status is a large share of all introductions (4 values): read in creation order, no sort" },
	{ "FROM interview r LEFT JOIN contact j0 ON j0.id = r.contact LEFT JOIN intro j1 ON j1.id = r.intro"
	  " ORDER BY", "SCAN r USING INDEX interview_created",
	  "listing every interview (export, iv_rules_apply applies the rules to each)" },
	{ "FROM followup r LEFT JOIN contact fc ON fc.id = r.contact LEFT JOIN interview j1 ON j1.id = r.interview"
	  " ORDER BY", "SCAN r USING INDEX followup_due",
	  "listing every follow-up (export)" },
	{ "FROM note r LEFT JOIN contact j0 ON j0.id = r.contact ORDER BY", "SCAN r USING INDEX note_at",
	  "listing every note (export)" },
	{ "FROM target r ORDER BY r.name COLLATE NOCASE, r.uuid", "SCAN r USING INDEX target_name",
	  "listing every target (export, the plan), in name order from the name index" },
	{ "SELECT id, uuid, known, last_interaction, ", "SCAN contact",
	  "the network snapshot (iv_network_load) reads every contact once, by row id" },
	{ "FROM intro WHERE status <> 4", "SCAN intro",
	  "the network snapshot reads every introduction once, by row id" },
	{ "_fts_config'", "SCAN ",
	  "FTS5 reads its own settings table (a row or two) when a connection first uses an index" },
	/*
	 * FTS5 runs this itself for ORDER BY rank: its filter takes the outer
	 * statement's MATCH expression, so it reads that query's hits only, then
	 * ranks them (what a ranked search is).
	 */
	{ "SELECT rowid, rank FROM 'main'.'contact_fts' ORDER BY bm25(", "VIRTUAL TABLE INDEX 0:",
	  "FTS5's ranking statement: it reads the outer MATCH's hits, not the table" },
	{ "SELECT rowid, rank FROM 'main'.'contact_fts' ORDER BY bm25(", "TEMP B-TREE FOR ORDER BY",
	  "FTS5's ranking statement: ranking the hits is the sort" },
	{ "SELECT rowid, rank FROM 'main'.'interview_fts' ORDER BY bm25(", "VIRTUAL TABLE INDEX 0:",
	  "FTS5's ranking statement: it reads the outer MATCH's hits, not the table" },
	{ "SELECT rowid, rank FROM 'main'.'interview_fts' ORDER BY bm25(", "TEMP B-TREE FOR ORDER BY",
	  "FTS5's ranking statement: ranking the hits is the sort" },

	/*
	 * Sorts of what an index found, few rows by nature: the sort is of the
	 * rows returned, and no index can give them in the listing's order
	 * (by name, time, creation) as well.
	 */
	{ "r.id IN (SELECT target_id FROM target_alias WHERE alias = ?1)) ORDER BY", "USE TEMP B-TREE FOR ORDER BY",
	  "a name or an alias names one target at most (the core keeps them distinct): both indexes find it, "
	  "the sort is of that row" },
	{ "ORDER BY r.last_interaction DESC, r.name COLLATE NOCASE", "TEMP B-TREE FOR RIGHT PART OF ORDER BY",
	  "sorts only the contacts tied at one interaction time, a group at a time as the index is read" },
	{ "r.num = ?", "TEMP B-TREE FOR ORDER BY", "a number names one record" },
	{ "r.uuid BETWEEN ?", "TEMP B-TREE FOR ORDER BY", "an id prefix (a short id) names one record or a few" },
	{ "FROM contact_email WHERE email = ?", "TEMP B-TREE FOR ORDER BY", "an e-mail address names a contact or two" },
	{ "r.url = ?8 COLLATE NOCASE", "TEMP B-TREE FOR ORDER BY", "a profile URL names a contact or two" },
	{ "r.name = ?3 COLLATE NOCASE", "TEMP B-TREE FOR ORDER BY", "a name names a few contacts" },
	{ "FROM contact_tag WHERE tag = ?", "TEMP B-TREE FOR ORDER BY",
	  "a tag's contacts come from the tag index; their names live in another table" },
	{ "r.contact = (SELECT id FROM contact WHERE uuid = ?", "TEMP B-TREE FOR ORDER BY",
	  "one contact's follow-ups or interviews" },
	{ "r.interview = (SELECT id FROM interview WHERE uuid = ?", "TEMP B-TREE FOR ORDER BY",
	  "one interview's follow-ups" },
	{ "r.intro = (SELECT id FROM intro WHERE uuid = ?", "TEMP B-TREE FOR ORDER BY",
	  "one introduction's interviews" },
	{ "r.introducer = (SELECT id FROM contact WHERE uuid = ?", "TEMP B-TREE FOR ORDER BY",
	  "the introductions one contact made" },
	{ "r.introduced = (SELECT id FROM contact WHERE uuid = ?", "TEMP B-TREE FOR ORDER BY",
	  "the introductions to one contact" },
	{ "r.rule = ?5", "TEMP B-TREE FOR ORDER BY",
	  "a rule key (rule:interview) names one interview's follow-ups of one rule" },
	{ "WHERE r.status = ?1 AND r.earliest <= ?6 ORDER BY r.due", "TEMP B-TREE FOR ORDER BY",
	  "the agenda: the (status, earliest) range reads what is doable now, then sorts those by due time" },
};

/* Whether a plan step is a full scan or a sort that needs a reason. */
static int step_suspect(const char *detail, char names[][64], size_t nnames)
{
	const char *vt;
	size_t i;

	if (strstr(detail, "TEMP B-TREE"))
		return 1;
	if (strncmp(detail, "SCAN ", 5) != 0)
		return 0;
	if (strcmp(detail, "SCAN CONSTANT ROW") == 0)
		return 0;
	/* A virtual table: FTS5 with a MATCH ('M') or by rowid ('=') is a lookup. */
	if ((vt = strstr(detail, " VIRTUAL TABLE INDEX ")) != NULL) {
		vt = strchr(vt, ':');
		return !(vt && (strchr(vt, 'M') || strchr(vt, '=')));
	}
	/* Scanning a subquery's or a common table expression's rows is not scanning a table. */
	for (i = 0; i < nnames; i++) {
		size_t len = strlen(names[i]);

		if (strncmp(detail + 5, names[i], len) == 0 && (detail[5 + len] == '\0' || detail[5 + len] == ' '))
			return 0;
	}
	return 1;
}

static const struct allow *allowance(const char *sql, const char *detail)
{
	size_t i;

	for (i = 0; i < COUNT(allowed); i++)
		if (strstr(sql, allowed[i].sql) && strstr(detail, allowed[i].step))
			return &allowed[i];
	return NULL;
}

/* The names a plan gives its subqueries and common table expressions (CO-ROUTINE x, MATERIALIZE x). */
static size_t plan_names(sqlite3_stmt *st, char names[][64], size_t max)
{
	static const char *const kinds[] = { "CO-ROUTINE ", "MATERIALIZE " };
	size_t n = 0, k;

	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 3);

		for (k = 0; k < COUNT(kinds); k++)
			if (d && strncmp(d, kinds[k], strlen(kinds[k])) == 0 && n < max) {
				snprintf(names[n], 64, "%s", d + strlen(kinds[k]));
				names[n][strcspn(names[n], " ")] = '\0';
				n++;
			}
	}
	sqlite3_reset(st);
	return n;
}

/*
 * Whether a statement reads or writes rows: schema statements, pragmas and
 * transaction control have no plan (and the schema's cannot run twice).
 */
static int is_query(const char *sql)
{
	static const char *const verbs[] = { "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "REPLACE" };
	size_t i;

	sql += strspn(sql, " \t\n");
	for (i = 0; i < COUNT(verbs); i++)
		if (strncmp(sql, verbs[i], strlen(verbs[i])) == 0)
			return 1;
	return 0;
}

/*
 * Explains one statement; returns how many of its steps are suspect and
 * not allowed, printing them with the plan.
 */
static int check_plan(const struct stmt *s, unsigned int *excused, unsigned int *checked, unsigned int *skipped)
{
	char names[16][64];
	char explain[8192], plan[8192];
	sqlite3_stmt *st;
	size_t nnames, len = 0;
	int bad = 0, rc;

	/*
	 * Making the schema (and upgrading it) runs once per store, on
	 * whatever is there: only what opening an existing store runs again
	 * is checked (the story reopens the store at its end).
	 */
	if (!is_query(s->sql) || !s->after_creation) {
		(*skipped)++;
		return 0;
	}
	(*checked)++;
	snprintf(explain, sizeof(explain), "EXPLAIN QUERY PLAN %s", s->sql);
	rc = sqlite3_prepare_v2(tr.conn, explain, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		/* Statements that cannot be explained (none is expected) fail too. */
		print_error("cannot explain (%s): %s\n  %s\n", s->call, sqlite3_errmsg(tr.conn), s->sql);
		return 1;
	}
	nnames = plan_names(st, names, 16);
	plan[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 3);
		const struct allow *a;
		const char *mark = "";

		if (!d)
			continue;
		if (step_suspect(d, names, nnames)) {
			if ((a = allowance(s->sql, d)) != NULL) {
				(*excused)++;
				mark = "   <- allowed: ";
			} else {
				bad++;
				mark = "   <- NOT SERVED BY AN INDEX";
			}
			if (len < sizeof(plan))
				len += (size_t)snprintf(plan + len, sizeof(plan) - len, "    %s%s%s\n", d, mark,
							a ? a->why : "");
		} else if (len < sizeof(plan)) {
			len += (size_t)snprintf(plan + len, sizeof(plan) - len, "    %s\n", d);
		}
	}
	sqlite3_finalize(st);
	if (bad || verbose) {
		char calls[1024];
		size_t k, n = 0;

		calls[0] = '\0';
		for (k = 0; k < COUNT(s->calls) && s->calls[k] && n < sizeof(calls); k++)
			n += (size_t)snprintf(calls + n, sizeof(calls) - n, "%s%s", k ? ", " : "", s->calls[k]);
		fprintf(bad ? stderr : stdout, "%s[%lu run%s by %s] %s\n%s\n", bad ? "FULL SCAN OR SORT: " : "",
			s->runs, s->runs == 1 ? "" : "s", calls, s->sql, plan);
	}
	return bad;
}

/* --- The store ------------------------------------------------------------ */

static char dir[256];
static char path[300];
static iv_db *db;
static char (*cids)[IV_ID_LEN + 1];
static char (*iids)[IV_ID_LEN + 1];
static char (*fids)[IV_ID_LEN + 1];
static char (*vids)[IV_ID_LEN + 1];
static char nid[IV_ID_LEN + 1];
static long nintros, ninterviews, nfollowups;
static uint64_t rng = 0x9e3779b97f4a7c15ull;
static iv_time clock_now = NOW - 400 * DAY;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static int clock_cb(iv_time *now, void *payload)
{
	(void)payload;
	*now = clock_now;
	return 0;
}

/* The public call about to be made, named in the report of its statements. */
#define CALL(name) (tr.call = (name))

static void seed(void)
{
	char name[96], company[64], text[96];
	long n = ncontacts, i, k;

	cids = calloc((size_t)n, sizeof(*cids));
	iids = calloc((size_t)(2 * n), sizeof(*iids));
	vids = calloc((size_t)(n / 20 + 1), sizeof(*vids));
	fids = calloc((size_t)n, sizeof(*fids));
	assert_true(cids && iids && vids && fids);
	CALL("iv_db_begin");
	ok(iv_db_begin(db));
	for (i = 0; i < n; i++) {
		iv_contact *c = NULL;

		snprintf(name, sizeof(name), "Person %ld", i);
		snprintf(company, sizeof(company), "Company %ld", (long)(next() % (uint64_t)(n / 50 + 1)));
		ok(iv_contact_new(&c));
		ok(iv_contact_set_name(c, name));
		ok(iv_contact_set_company(c, company));
		ok(iv_contact_set_known(c, i < 20 || i % 3 == 0 ? IV_KNOWN_DIRECT
					   : i % 3 == 1 ? IV_KNOWN_INTRODUCED : IV_KNOWN_COLD));
		if (i % 5)
			ok(iv_contact_set_last_interaction(c, NOW - (iv_time)(next() % 300) * DAY));
		if (i % 4 == 0) {
			snprintf(text, sizeof(text), "person%ld@example.org", i);
			ok(iv_contact_add_email(c, text));
		}
		if (i % 6 == 0) {
			snprintf(text, sizeof(text), "https://example.org/in/person%ld", i);
			ok(iv_contact_set_url(c, text));
		}
		if (i % 7 == 0)
			ok(iv_contact_add_tag(c, i % 2 ? "pharma" : "alumni"));
		CALL("iv_contact_insert");
		ok(iv_contact_insert(db, c));
		memcpy(cids[i], iv_contact_id(c), IV_ID_LEN + 1);
		iv_contact_free(c);
	}
	/* Each contact after the first twenty introduced by one or two earlier ones. */
	for (i = 0, k = 0; k < 2 * n; i = (i + 1) % n) {
		iv_intro *in = NULL;

		if (i < 20)
			continue;
		ok(iv_intro_new(&in));
		ok(iv_intro_set_introducer(in, cids[next() % (uint64_t)i]));
		ok(iv_intro_set_introduced(in, cids[i]));
		ok(iv_intro_set_channel(in, (int)(next() % 5) + 1));
		ok(iv_intro_set_status(in, next() % 10 < 7 ? IV_INTRO_MADE : IV_INTRO_REQUESTED));
		CALL("iv_intro_insert");
		ok(iv_intro_insert(db, in));
		memcpy(iids[k], iv_intro_id(in), IV_ID_LEN + 1);
		iv_intro_free(in);
		k++;
	}
	nintros = k;
	for (i = 0; i < n / 20; i++) {
		iv_interview *iv = NULL;

		ok(iv_interview_new(&iv));
		/* Every other one came from an introduction, to the contact it introduced. */
		ok(iv_interview_set_contact(iv, cids[i % 2 ? i * 3 + 20 : (i * 13) % n]));
		if (i % 2)
			ok(iv_interview_set_intro(iv, iids[i * 3]));
		ok(iv_interview_set_purpose(iv, "Learn how regulatory affairs teams work"));
		ok(iv_interview_add_question(iv, "What does a typical week look like?"));
		CALL("iv_interview_insert");
		ok(iv_interview_insert(db, iv));
		memcpy(vids[i], iv_interview_id(iv), IV_ID_LEN + 1);
		iv_interview_free(iv);
	}
	ninterviews = n / 20;
	for (i = 0; i < n; i++) {
		iv_followup *fu = NULL;
		/* Half done in the past; of the pending half, 30 doable now, the rest weeks ahead. */
		iv_time earliest = i % 2 ? NOW - (iv_time)(1 + next() % 60) * DAY
			      : i / 2 < 30 ? NOW - (iv_time)(1 + next() % 5) * DAY
			      : NOW + (iv_time)(2 + next() % 60) * DAY;

		ok(iv_followup_new(&fu));
		ok(iv_followup_set_contact(fu, cids[(i * 7) % n]));
		if (i % 10 == 0)
			ok(iv_followup_set_interview(fu, vids[(i / 10) % ninterviews]));
		ok(iv_followup_set_kind(fu, IV_FOLLOWUP_CUSTOM));
		ok(iv_followup_set_earliest(fu, earliest));
		ok(iv_followup_set_due(fu, earliest + 2 * DAY));
		ok(iv_followup_set_note(fu, "Send the article we talked about"));
		CALL("iv_followup_insert");
		ok(iv_followup_insert(db, fu));
		memcpy(fids[i], iv_followup_id(fu), IV_ID_LEN + 1);
		if (i % 2) {
			CALL("iv_followup_close");
			ok(iv_followup_close(NULL, db, iv_followup_id(fu), IV_FOLLOWUP_DONE));
		}
		iv_followup_free(fu);
	}
	nfollowups = n;
	for (i = 0; i < n / 10; i++) {
		iv_note *no = NULL;

		snprintf(text, sizeof(text), "Coffee chat number %ld", i);
		ok(iv_note_new(&no));
		ok(iv_note_set_contact(no, cids[(i * 3) % n]));
		ok(iv_note_set_text(no, text));
		CALL("iv_note_insert");
		ok(iv_note_insert(db, no));
		if (i == 0)
			memcpy(nid, iv_note_id(no), IV_ID_LEN + 1);
		iv_note_free(no);
	}
	CALL("iv_db_commit");
	ok(iv_db_commit(db));
	clock_now = NOW;
}

static int setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	if (!tmp || tmp[0] != '/')
		tmp = "/tmp";
	snprintf(dir, sizeof(dir), "%s/iv-plans-XXXXXX", tmp);
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/store.db", dir);
	/* Only iv_db_open()'s connection is traced: it is the one opened next. */
	if (sqlite3_auto_extension((void (*)(void))on_open) != SQLITE_OK)
		return -1;
	tr.armed = 1;
	tr.recording = 1;
	tr.creating = 1;
	tr.call = "iv_db_open (a new store)";
	if (iv_db_open(&db, path) != 0 || !tr.conn) {
		fprintf(stderr, "plans: cannot open a traced store in %s: %s\n", dir, iv_error_last()->message);
		return -1;
	}
	tr.armed = 0;
	tr.creating = 0;
	return iv_db_set_clock(db, clock_cb, NULL) == 0 ? 0 : -1;
}

static void remove_store(void)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char p[400];
	size_t i;

	for (i = 0; i < COUNT(suffix); i++) {
		snprintf(p, sizeof(p), "%s%s", path, suffix[i]);
		unlink(p);
	}
	rmdir(dir);
}

static int teardown(void **state)
{
	size_t i;

	(void)state;
	iv_db_free(db);
	sqlite3_reset_auto_extension();
	remove_store();
	for (i = 0; i < tr.n; i++)
		free(tr.v[i].sql);
	free(tr.v);
	free(cids);
	free(iids);
	free(vids);
	free(fids);
	return 0;
}

/* --- The story ------------------------------------------------------------ */

static void drain_contacts(iv_contact_iter *it, size_t *n)
{
	iv_contact *c;
	int rc;

	*n = 0;
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		(*n)++;
		iv_contact_free(c);
	}
	assert_int_equal(rc, IV_ITEROVER);
	iv_contact_iter_free(it);
}

static size_t contacts(const char *call, const iv_contact_filter *f)
{
	iv_contact_iter *it = NULL;
	size_t n;

	CALL(call);
	ok(iv_contact_list(&it, db, f));
	drain_contacts(it, &n);
	return n;
}

static size_t followups(const char *call, const iv_followup_filter *f)
{
	iv_followup_iter *it = NULL;
	iv_followup *fu;
	size_t n = 0;
	int rc;

	CALL(call);
	ok(iv_followup_list(&it, db, f));
	while ((rc = iv_followup_iter_next(&fu, it)) == 0) {
		CALL("iv_followup_contact_name");
		assert_non_null(iv_followup_contact_name(fu));
		n++;
		iv_followup_free(fu);
	}
	assert_int_equal(rc, IV_ITEROVER);
	iv_followup_iter_free(it);
	return n;
}

static size_t intros(const char *call, const iv_intro_filter *f)
{
	iv_intro_iter *it = NULL;
	iv_intro *in;
	size_t n = 0;
	int rc;

	CALL(call);
	ok(iv_intro_list(&it, db, f));
	while ((rc = iv_intro_iter_next(&in, it)) == 0) {
		n++;
		iv_intro_free(in);
	}
	assert_int_equal(rc, IV_ITEROVER);
	iv_intro_iter_free(it);
	return n;
}

static size_t interviews(const char *call, const iv_interview_filter *f)
{
	iv_interview_iter *it = NULL;
	iv_interview *iv;
	size_t n = 0;
	int rc;

	CALL(call);
	ok(iv_interview_list(&it, db, f));
	while ((rc = iv_interview_iter_next(&iv, it)) == 0) {
		n++;
		iv_interview_free(iv);
	}
	assert_int_equal(rc, IV_ITEROVER);
	iv_interview_iter_free(it);
	return n;
}

static size_t notes(const char *call, const iv_note_filter *f)
{
	iv_note_iter *it = NULL;
	iv_note *no;
	size_t n = 0;
	int rc;

	CALL(call);
	ok(iv_note_list(&it, db, f));
	while ((rc = iv_note_iter_next(&no, it)) == 0) {
		n++;
		iv_note_free(no);
	}
	assert_int_equal(rc, IV_ITEROVER);
	iv_note_iter_free(it);
	return n;
}

static void lookups(void)
{
	iv_contact *c = NULL;
	iv_intro *in = NULL;
	iv_interview *iv = NULL;
	iv_followup *fu = NULL;
	iv_note *no = NULL;

	CALL("iv_contact_lookup");
	ok(iv_contact_lookup(&c, db, cids[ncontacts / 2]));
	CALL("iv_contact_update");
	ok(iv_contact_set_title(c, "Director"));
	ok(iv_contact_add_tag(c, "rare"));
	ok(iv_contact_update(db, c));
	iv_contact_free(c);
	CALL("iv_intro_lookup");
	ok(iv_intro_lookup(&in, db, iids[5]));
	CALL("iv_intro_update");
	ok(iv_intro_set_note(in, "Met at the conference"));
	ok(iv_intro_update(db, in));
	iv_intro_free(in);
	CALL("iv_interview_lookup");
	ok(iv_interview_lookup(&iv, db, vids[2]));
	CALL("iv_interview_update");
	ok(iv_interview_set_answer(iv, 0, "Meetings, mostly"));
	ok(iv_interview_add_advice(iv, "Read the guidance documents"));
	ok(iv_interview_update(db, iv));
	iv_interview_free(iv);
	CALL("iv_followup_lookup");
	ok(iv_followup_lookup(&fu, db, fids[4]));
	assert_non_null(iv_followup_contact_name(fu));
	CALL("iv_followup_update");
	ok(iv_followup_set_note(fu, "Send the paper"));
	ok(iv_followup_update(db, fu));
	iv_followup_free(fu);
	CALL("iv_note_lookup");
	ok(iv_note_lookup(&no, db, nid));
	iv_note_free(no);
	CALL("iv_contact_lookup (unknown id)");
	check(iv_contact_lookup(&c, db, "00000000-0000-7000-8000-000000000000"), IV_ENOTFOUND);
}

static void filters(void)
{
	iv_contact_filter cf;
	iv_followup_filter ff;
	iv_intro_filter inf;
	iv_interview_filter vf;
	iv_note_filter nf;
	char prefix[9];
	iv_contact *c = NULL;
	int64_t num;

	ok(iv_contact_lookup(&c, db, cids[42]));
	num = iv_contact_number(c);
	iv_contact_free(c);
	snprintf(prefix, sizeof(prefix), "%.8s", cids[42]);

	/* Contacts: each field alone, then a few together. */
	assert_int_equal(contacts("iv_contact_list (all)", NULL), (size_t)ncontacts);
	ok(iv_contact_filter_init(&cf, IV_CONTACT_FILTER_VERSION));
	cf.company = "company 3";
	assert_true(contacts("iv_contact_list (company)", &cf) > 0);
	ok(iv_contact_filter_init(&cf, IV_CONTACT_FILTER_VERSION));
	cf.tag = "Pharma";
	assert_true(contacts("iv_contact_list (tag)", &cf) > 0);
	ok(iv_contact_filter_init(&cf, IV_CONTACT_FILTER_VERSION));
	cf.name = "person 42";
	assert_int_equal(contacts("iv_contact_list (name)", &cf), 1);
	ok(iv_contact_filter_init(&cf, IV_CONTACT_FILTER_VERSION));
	cf.email = "Person40@example.org";
	assert_int_equal(contacts("iv_contact_list (email)", &cf), 1);
	ok(iv_contact_filter_init(&cf, IV_CONTACT_FILTER_VERSION));
	cf.url = "https://example.org/in/person42";
	assert_int_equal(contacts("iv_contact_list (url)", &cf), 1);
	ok(iv_contact_filter_init(&cf, IV_CONTACT_FILTER_VERSION));
	cf.number = num;
	assert_int_equal(contacts("iv_contact_list (number)", &cf), 1);
	ok(iv_contact_filter_init(&cf, IV_CONTACT_FILTER_VERSION));
	cf.id_prefix = prefix;
	assert_true(contacts("iv_contact_list (id prefix)", &cf) >= 1);
	cf.id_prefix = cids[42];
	assert_int_equal(contacts("iv_contact_list (whole id as prefix)", &cf), 1);
	ok(iv_contact_filter_init(&cf, IV_CONTACT_FILTER_VERSION));
	cf.company = "Company 3";
	cf.tag = "alumni";
	contacts("iv_contact_list (company and tag)", &cf);
	cf.tag = NULL;
	cf.name = "Person 3";
	contacts("iv_contact_list (company and name)", &cf);
	ok(iv_contact_filter_init(&cf, IV_CONTACT_FILTER_VERSION));
	cf.tag = "alumni";
	cf.id_prefix = prefix;
	contacts("iv_contact_list (tag and id prefix)", &cf);

	/* Follow-ups. */
	ok(iv_followup_filter_init(&ff, IV_FOLLOWUP_FILTER_VERSION));
	ff.status = IV_FOLLOWUP_PENDING;
	assert_true(followups("iv_followup_list (pending)", &ff) > 0);
	ff.due_before = NOW;
	assert_true(followups("iv_followup_list (pending, due_before: due now)", &ff) > 0);
	ok(iv_followup_filter_init(&ff, IV_FOLLOWUP_FILTER_VERSION));
	ff.due_before = NOW;
	assert_true(followups("iv_followup_list (due_before)", &ff) > 0);
	ok(iv_followup_filter_init(&ff, IV_FOLLOWUP_FILTER_VERSION));
	ff.status = IV_FOLLOWUP_PENDING;
	ff.earliest_before = NOW;
	assert_true(followups("iv_followup_list (pending, earliest_before)", &ff) > 0);
	ok(iv_followup_filter_init(&ff, IV_FOLLOWUP_FILTER_VERSION));
	ff.contact = cids[7];
	assert_true(followups("iv_followup_list (contact)", &ff) > 0);
	ff.status = IV_FOLLOWUP_PENDING;
	followups("iv_followup_list (contact, pending)", &ff);
	ok(iv_followup_filter_init(&ff, IV_FOLLOWUP_FILTER_VERSION));
	ff.interview = vids[0];
	assert_true(followups("iv_followup_list (interview)", &ff) > 0);
	ok(iv_followup_filter_init(&ff, IV_FOLLOWUP_FILTER_VERSION));
	ff.rule = "nudge_followup";
	followups("iv_followup_list (rule)", &ff);
	ff.interview = vids[1];
	followups("iv_followup_list (interview, rule)", &ff);
	ok(iv_followup_filter_init(&ff, IV_FOLLOWUP_FILTER_VERSION));
	ff.id_prefix = fids[3];
	assert_int_equal(followups("iv_followup_list (id prefix)", &ff), 1);
	ok(iv_followup_filter_init(&ff, IV_FOLLOWUP_FILTER_VERSION));
	ff.number = 3;
	assert_int_equal(followups("iv_followup_list (number)", &ff), 1);

	/* Introductions. */
	ok(iv_intro_filter_init(&inf, IV_INTRO_FILTER_VERSION));
	inf.introducer = cids[3];
	intros("iv_intro_list (introducer)", &inf);
	ok(iv_intro_filter_init(&inf, IV_INTRO_FILTER_VERSION));
	inf.introduced = cids[ncontacts - 1];
	assert_true(intros("iv_intro_list (introduced)", &inf) > 0);
	inf.status = IV_INTRO_MADE;
	intros("iv_intro_list (introduced, status)", &inf);
	ok(iv_intro_filter_init(&inf, IV_INTRO_FILTER_VERSION));
	inf.status = IV_INTRO_REQUESTED;
	assert_true(intros("iv_intro_list (status)", &inf) > 0);
	ok(iv_intro_filter_init(&inf, IV_INTRO_FILTER_VERSION));
	inf.id_prefix = iids[9];
	assert_int_equal(intros("iv_intro_list (id prefix)", &inf), 1);
	ok(iv_intro_filter_init(&inf, IV_INTRO_FILTER_VERSION));
	inf.number = 9;
	assert_int_equal(intros("iv_intro_list (number)", &inf), 1);

	/* Interviews. */
	ok(iv_interview_filter_init(&vf, IV_INTERVIEW_FILTER_VERSION));
	vf.contact = cids[0];
	assert_true(interviews("iv_interview_list (contact)", &vf) > 0);
	ok(iv_interview_filter_init(&vf, IV_INTERVIEW_FILTER_VERSION));
	vf.status = IV_INTERVIEW_PLANNED;
	assert_true(interviews("iv_interview_list (status)", &vf) > 0);
	vf.contact = cids[0];
	interviews("iv_interview_list (contact, status)", &vf);
	ok(iv_interview_filter_init(&vf, IV_INTERVIEW_FILTER_VERSION));
	vf.intro = iids[3];
	assert_true(interviews("iv_interview_list (intro)", &vf) > 0);
	ok(iv_interview_filter_init(&vf, IV_INTERVIEW_FILTER_VERSION));
	vf.id_prefix = vids[1];
	assert_int_equal(interviews("iv_interview_list (id prefix)", &vf), 1);
	ok(iv_interview_filter_init(&vf, IV_INTERVIEW_FILTER_VERSION));
	vf.number = 2;
	assert_int_equal(interviews("iv_interview_list (number)", &vf), 1);

	/* Notes. */
	ok(iv_note_filter_init(&nf, IV_NOTE_FILTER_VERSION));
	nf.contact = cids[3];
	assert_true(notes("iv_note_list (contact)", &nf) > 0);
	ok(iv_note_filter_init(&nf, IV_NOTE_FILTER_VERSION));
	nf.id_prefix = nid;
	assert_int_equal(notes("iv_note_list (id prefix)", &nf), 1);
	ok(iv_note_filter_init(&nf, IV_NOTE_FILTER_VERSION));
	nf.number = 1;
	assert_int_equal(notes("iv_note_list (number)", &nf), 1);
}

static void agenda(void)
{
	iv_agenda_options o;
	iv_agenda_iter *it = NULL;
	iv_agenda_item *item;
	size_t n = 0;
	int rc;

	ok(iv_agenda_options_init(&o, IV_AGENDA_OPTIONS_VERSION));
	o.at = NOW;
	o.until = NOW + 12 * HOUR;
	CALL("iv_agenda");
	ok(iv_agenda(&it, db, &o));
	while ((rc = iv_agenda_iter_next(&item, it)) == 0) {
		const iv_followup *fu = iv_agenda_item_followup(item);

		CALL("iv_followup_contact_name (agenda)");
		if (fu)
			assert_non_null(iv_followup_contact_name(fu));
		n++;
		iv_agenda_item_free(item);
		CALL("iv_agenda_iter_next");
	}
	assert_int_equal(rc, IV_ITEROVER);
	iv_agenda_iter_free(it);
	assert_true(n >= 30);
	/* Version 1: no later items, no replies waited for. */
	CALL("iv_agenda (version 1)");
	ok(iv_agenda(&it, db, NULL));
	while (iv_agenda_iter_next(&item, it) == 0)
		iv_agenda_item_free(item);
	iv_agenda_iter_free(it);
}

static void search(void)
{
	static const char *const queries[] = { "person", "company 3", "regulatory" };
	iv_search_options o;
	iv_search_iter *it = NULL;
	iv_search_hit *hit;
	size_t i, f;

	for (f = 0; f < 4; f++)
		for (i = 0; i < COUNT(queries); i++) {
			ok(iv_search_options_init(&o, IV_SEARCH_OPTIONS_VERSION));
			o.flags = f & 1 ? IV_SEARCH_UNRANKED : 0;
			o.limit = f & 1 ? 20 : f & 2 ? 10 : 0;
			CALL(f & 1 ? "iv_search (unranked)" : "iv_search (ranked)");
			ok(iv_search(&it, db, queries[i], &o));
			while (iv_search_iter_next(&hit, it) == 0)
				iv_search_hit_free(hit);
			iv_search_iter_free(it);
		}
	ok(iv_search_options_init(&o, IV_SEARCH_OPTIONS_VERSION));
	o.kinds = IV_SEARCH_INTERVIEW;
	CALL("iv_search (interviews)");
	ok(iv_search(&it, db, "typical week", &o));
	while (iv_search_iter_next(&hit, it) == 0)
		iv_search_hit_free(hit);
	iv_search_iter_free(it);
}

static void network(void)
{
	iv_path *p = NULL;
	iv_path_iter *pit = NULL;
	iv_network *net = NULL;
	int degree;
	long i;

	for (i = ncontacts - 1; i > ncontacts - 6; i--) {
		CALL("iv_db_path");
		ok(iv_db_path(&p, db, cids[i]));
		iv_path_free(p);
		p = NULL;
		CALL("iv_db_degree");
		ok(iv_db_degree(&degree, db, cids[i]));
	}
	CALL("iv_db_company_paths");
	ok(iv_db_company_paths(&pit, db, "company 3"));
	while (iv_path_iter_next(&p, pit) == 0)
		iv_path_free(p);
	iv_path_iter_free(pit);
	CALL("iv_db_company_paths (no such company)");
	ok(iv_db_company_paths(&pit, db, "Nobody Inc"));
	iv_path_iter_free(pit);

	/* Targets: each insert asks for its names; the plan walks back from each one's people. */
	{
		static const char *const names[][2] = { { "Company 3", "Company 4 Ltd" }, { "Company 5", NULL },
							{ "Nobody Inc", NULL } };
		iv_target_plan_iter *plan = NULL;
		iv_target_plan_item *item = NULL;
		iv_target_filter tf = IV_TARGET_FILTER_INIT;
		iv_target_iter *ti = NULL;
		iv_target *t = NULL;
		size_t k;

		for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
			ok(iv_target_new(&t));
			ok(iv_target_set_name(t, names[k][0]));
			if (names[k][1])
				ok(iv_target_add_alias(t, names[k][1]));
			CALL("iv_target_insert");
			ok(iv_target_insert(db, t));
			iv_target_free(t);
		}
		CALL("iv_target_list (name or alias)");
		tf.name = "company 4 ltd";
		ok(iv_target_list(&ti, db, &tf));
		ok(iv_target_iter_next(&t, ti));
		iv_target_iter_free(ti);
		CALL("iv_target_update");
		ok(iv_target_set_motivation(t, 3));
		ok(iv_target_update(db, t));
		iv_target_free(t);
		CALL("iv_target_plan");
		ok(iv_target_plan(&plan, db));
		while (iv_target_plan_next(&item, plan) == 0)
			iv_target_plan_item_free(item);
		iv_target_plan_iter_free(plan);
	}

	CALL("iv_network_load");
	ok(iv_network_load(&net, db));
	ok(iv_network_degree(&degree, net, cids[ncontacts - 1]));
	iv_network_free(net);

	CALL("iv_timeline");
	{
		iv_timeline_iter *it = NULL;
		iv_timeline_entry *e;

		ok(iv_timeline(&it, db, cids[ncontacts - 1]));
		while (iv_timeline_iter_next(&e, it) == 0)
			iv_timeline_entry_free(e);
		iv_timeline_iter_free(it);
	}
}

static void settings_and_drafts(void)
{
	iv_rules r;
	iv_profile *pr = NULL;
	iv_draft *d = NULL;
	char *s = NULL;

	CALL("iv_db_setting_set");
	ok(iv_db_setting_set(db, "ui.theme", "dark"));
	CALL("iv_db_setting_get");
	ok(iv_db_setting_get(&s, db, "ui.theme"));
	iv_free(s);
	s = NULL;
	CALL("iv_rules_get");
	ok(iv_rules_init(&r, IV_RULES_VERSION));
	ok(iv_rules_get(&r, db));
	CALL("iv_rules_set");
	ok(iv_rules_set(db, &r));
	CALL("iv_profile_set");
	ok(iv_profile_new(&pr));
	ok(iv_profile_set_name(pr, "Sam Tester"));
	ok(iv_profile_set_background(pr, "a chemist"));
	ok(iv_profile_set_exploring(pr, "regulatory affairs"));
	ok(iv_profile_set(db, pr));
	iv_profile_free(pr);
	pr = NULL;
	CALL("iv_profile_get");
	ok(iv_profile_get(&pr, db));
	iv_profile_free(pr);
	CALL("iv_draft_template_set");
	ok(iv_draft_template_set(db, IV_TEMPLATE_CHECK_IN, "Hello {greeting}"));
	CALL("iv_draft_template_get");
	ok(iv_draft_template_get(&s, db, IV_TEMPLATE_CHECK_IN));
	iv_free(s);
	CALL("iv_draft_template_clear");
	ok(iv_draft_template_clear(db, IV_TEMPLATE_CHECK_IN));
	CALL("iv_draft_followup");
	ok(iv_draft_followup(&d, db, fids[0], NULL));
	iv_draft_free(d);
	CALL("iv_draft_interview_request");
	ok(iv_draft_interview_request(&d, db, vids[3], NULL));
	iv_draft_free(d);
	CALL("iv_draft_intro_request");
	ok(iv_draft_intro_request(&d, db, iids[1], NULL));
	iv_draft_free(d);
}

/* The rules: each move makes or cancels follow-ups found by interview and rule key. */
static void workflow(void)
{
	iv_interview *iv = NULL;
	iv_note *no = NULL;

	CALL("iv_interview_move (requested)");
	ok(iv_interview_move(&iv, db, vids[4], IV_INTERVIEW_REQUESTED));
	iv_interview_free(iv);
	ok(iv_interview_move(&iv, db, vids[5], IV_INTERVIEW_REQUESTED));
	iv_interview_free(iv);
	CALL("iv_agenda (no reply)");
	{
		iv_agenda_options o;
		iv_agenda_iter *it = NULL;
		iv_agenda_item *item;

		ok(iv_agenda_options_init(&o, IV_AGENDA_OPTIONS_VERSION));
		o.at = NOW + 30 * DAY;
		ok(iv_agenda(&it, db, &o));
		while (iv_agenda_iter_next(&item, it) == 0)
			iv_agenda_item_free(item);
		iv_agenda_iter_free(it);
	}
	{
		/* The request's nudges, drafted: the one to reach out to someone else suggests people. */
		iv_followup_filter f;
		iv_followup_iter *it = NULL;
		iv_followup *fu;
		iv_draft *d = NULL;
		size_t nudges = 0;

		iv_contact *solo = NULL;
		iv_interview *req = NULL;

		/* Nobody else works where they do: the suggestions come from everyone you know. */
		ok(iv_contact_new(&solo));
		ok(iv_contact_set_name(solo, "Solo Person"));
		ok(iv_contact_set_company(solo, "Solo Corp"));
		ok(iv_contact_insert(db, solo));
		ok(iv_interview_new(&req));
		ok(iv_interview_set_contact(req, iv_contact_id(solo)));
		ok(iv_interview_insert(db, req));
		ok(iv_interview_move(&iv, db, iv_interview_id(req), IV_INTERVIEW_REQUESTED));
		iv_interview_free(iv);
		ok(iv_followup_filter_init(&f, IV_FOLLOWUP_FILTER_VERSION));
		f.interview = iv_interview_id(req);
		f.status = IV_FOLLOWUP_PENDING;
		ok(iv_followup_list(&it, db, &f));
		while (iv_followup_iter_next(&fu, it) == 0) {
			if (iv_followup_kind(fu) == IV_FOLLOWUP_NUDGE) {
				CALL("iv_draft_followup (nudge)");
				ok(iv_draft_followup(&d, db, iv_followup_id(fu), NULL));
				iv_draft_free(d);
				nudges++;
			}
			iv_followup_free(fu);
		}
		iv_followup_iter_free(it);
		iv_contact_free(solo);
		iv_interview_free(req);
		assert_int_equal(nudges, 2);
	}
	CALL("iv_interview_move (scheduled)");
	ok(iv_interview_move(&iv, db, vids[4], IV_INTERVIEW_SCHEDULED));
	iv_interview_free(iv);
	CALL("iv_interview_move (completed)");
	ok(iv_interview_move(&iv, db, vids[4], IV_INTERVIEW_COMPLETED));
	iv_interview_free(iv);
	{
		/* The thank-yous the rules made, drafted. */
		iv_followup_filter f;
		iv_followup_iter *it = NULL;
		iv_followup *fu;
		size_t thanks = 0;
		char *text = NULL;

		ok(iv_followup_filter_init(&f, IV_FOLLOWUP_FILTER_VERSION));
		f.interview = vids[4];
		f.status = IV_FOLLOWUP_PENDING;
		ok(iv_followup_list(&it, db, &f));
		while (iv_followup_iter_next(&fu, it) == 0) {
			int kind = iv_followup_kind(fu);

			if (kind == IV_FOLLOWUP_THANK_YOU || kind == IV_FOLLOWUP_THANK_INTRODUCER) {
				CALL("iv_draft_thanks");
				ok(iv_draft_thanks(&text, db, iv_followup_id(fu), NULL));
				iv_free(text);
				thanks++;
			}
			iv_followup_free(fu);
		}
		iv_followup_iter_free(it);
		assert_true(thanks > 0);
	}
	{
		char *text = NULL;

		CALL("iv_draft_request");
		ok(iv_draft_request(&text, db, vids[7], NULL));
		CALL("iv_draft_save_request");
		ok(iv_draft_save_request(db, vids[7], text));
		iv_free(text);
		CALL("iv_draft_saved_request");
		ok(iv_draft_saved_request(&text, db, vids[7]));
		assert_non_null(text);
		iv_free(text);
	}
	CALL("iv_interview_unschedule");
	ok(iv_interview_move(&iv, db, vids[5], IV_INTERVIEW_SCHEDULED));
	iv_interview_free(iv);
	ok(iv_interview_unschedule(&iv, db, vids[5]));
	iv_interview_free(iv);
	CALL("iv_rules_apply");
	ok(iv_rules_apply(db));
	CALL("iv_contact_touch");
	ok(iv_contact_touch(db, cids[8], NOW, "Said hello"));
	CALL("iv_contact_interact");
	ok(iv_contact_interact(&no, db, cids[9], NOW, "Coffee"));
	iv_note_free(no);
	CALL("iv_followup_close");
	ok(iv_followup_close(NULL, db, fids[2], IV_FOLLOWUP_SKIPPED));
}

struct source {
	const char *text;
	size_t at;
};

static int read_cb(char *buf, size_t size, size_t *got, void *payload)
{
	struct source *s = payload;
	size_t left = strlen(s->text) - s->at;

	*got = left < size ? left : size;
	memcpy(buf, s->text + s->at, *got);
	s->at += *got;
	return 0;
}

static void import(void)
{
	char vcard[512];
	struct source src = {
		"Name,Email,Company,URL\n"
		"Someone,person0@example.org,,\n"             /* by e-mail */
		"Someone Else,,,https://example.org/in/person6\n" /* by URL */
		"Person 5,,Company 9999,\n"                    /* by name and company: no match */
		"Brand New,new@example.org,Company 1,\n",
		0
	};
	iv_import_report *r = NULL;

	CALL("iv_import (csv)");
	ok(iv_import(&r, db, IV_FORMAT_CSV, read_cb, &src, NULL));
	if (iv_import_report_merged(r) + iv_import_report_unchanged(r) != 2 || iv_import_report_added(r) != 2)
		FAIL("import: %zu added, %zu merged, %zu unchanged, %zu skipped\n", iv_import_report_added(r),
		     iv_import_report_merged(r), iv_import_report_unchanged(r), iv_import_report_skipped(r));
	iv_import_report_free(r);
	snprintf(vcard, sizeof(vcard),
		 "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:%s\r\nFN:Person 11\r\nTITLE:Chemist\r\nEND:VCARD\r\n"
		 "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000\r\n"
		 "FN:Visitor\r\nEND:VCARD\r\n", cids[11]);
	{
		iv_import_options o;

		ok(iv_import_options_init(&o, IV_IMPORT_OPTIONS_VERSION));
		o.flags = IV_IMPORT_DRY_RUN | IV_IMPORT_PER_ROW;
		src.at = 0;
		CALL("iv_import (csv, dry run, per row)");
		ok(iv_import(&r, db, IV_FORMAT_CSV, read_cb, &src, &o));
		iv_import_report_free(r);
	}
	src.text = vcard;
	src.at = 0;
	CALL("iv_import (vcard)");
	ok(iv_import(&r, db, IV_FORMAT_VCARD, read_cb, &src, NULL));
	iv_import_report_free(r);
	src.at = 0;
	CALL("iv_import (vcard, again: seen UID)");
	ok(iv_import(&r, db, IV_FORMAT_VCARD, read_cb, &src, NULL));
	iv_import_report_free(r);
}

static int sink(const char *data, size_t len, void *payload)
{
	(void)data;
	*(size_t *)payload += len;
	return 0;
}

static void export(void)
{
	static const struct { int format; const char *call; } formats[] = {
		{ IV_FORMAT_JSON, "iv_export (json)" },
		{ IV_FORMAT_VCARD, "iv_export (vcard)" },
		{ IV_FORMAT_ICALENDAR, "iv_export (icalendar)" },
		{ IV_FORMAT_DOT, "iv_export (dot)" },
	};
	size_t i, bytes;

	for (i = 0; i < COUNT(formats); i++) {
		bytes = 0;
		CALL(formats[i].call);
		ok(iv_export(db, formats[i].format, sink, &bytes, NULL));
		assert_true(bytes > 0);
	}
}

static void deletes(void)
{
	CALL("iv_contact_delete (referenced: refused)");
	check(iv_contact_delete(db, cids[ncontacts - 1], IV_DELETE_DEFAULT), IV_ECONSTRAINT);
	CALL("iv_note_delete");
	ok(iv_note_delete(db, nid));
	CALL("iv_followup_delete");
	ok(iv_followup_delete(db, fids[6], IV_DELETE_DEFAULT));
	CALL("iv_interview_delete (referenced: refused)");
	check(iv_interview_delete(db, vids[0], IV_DELETE_DEFAULT), IV_ECONSTRAINT);
	CALL("iv_interview_delete (cascade)");
	ok(iv_interview_delete(db, vids[0], IV_DELETE_CASCADE));
	CALL("iv_intro_delete (cascade)");
	ok(iv_intro_delete(db, iids[nintros - 1], IV_DELETE_CASCADE));
	CALL("iv_contact_delete (cascade)");
	ok(iv_contact_delete(db, cids[ncontacts - 2], IV_DELETE_CASCADE));
	CALL("iv_contact_delete (unreferenced)");
	{
		/* The contact the import added: nothing names it. */
		iv_contact_filter cf;
		iv_contact_iter *it = NULL;
		iv_contact *c = NULL;

		ok(iv_contact_filter_init(&cf, IV_CONTACT_FILTER_VERSION));
		cf.email = "new@example.org";
		ok(iv_contact_list(&it, db, &cf));
		ok(iv_contact_iter_next(&c, it));
		iv_contact_iter_free(it);
		ok(iv_contact_delete(db, iv_contact_id(c), IV_DELETE_DEFAULT));
		iv_contact_free(c);
	}
}

/* Opening an existing store, and a lookup: what every short-lived process runs. */
static void reopen(void)
{
	iv_contact *c = NULL;

	iv_db_free(db);
	db = NULL;
	tr.conn = NULL;
	tr.armed = 1;
	CALL("iv_db_open (an existing store)");
	ok(iv_db_open(&db, path));
	tr.armed = 0;
	assert_non_null(tr.conn);
	ok(iv_db_set_clock(db, clock_cb, NULL));
	CALL("iv_contact_lookup (after reopening)");
	ok(iv_contact_lookup(&c, db, cids[1]));
	iv_contact_free(c);
}

/*
 * The statements that answer the questions: each must have been
 * run (else the test would pass without looking), and is checked like
 * every other.
 */
static const struct key {
	const char *what;
	const char *sql;
	const char *call;
} keys[] = {
	{ "the agenda's doable follow-ups (earliest <= now)", "r.status = ?1 AND r.earliest <= ?6", "iv_agenda" },
	{ "the agenda's follow-ups with their whole contacts", "fc.num FROM followup r LEFT JOIN contact fc",
	  "iv_agenda" },
	{ "follow-ups due with their contacts' names", "fc.name FROM followup r LEFT JOIN contact fc",
	  "iv_followup_list (pending, due_before: due now)" },
	{ "the agenda's interviews by status", "FROM interview r LEFT JOIN contact j0 ON j0.id = r.contact"
	  " LEFT JOIN intro j1 ON j1.id = r.intro WHERE r.status = ?2 ORDER BY", "iv_agenda" },
	{ "follow-ups due (due_before)", "r.due <= ?2", "iv_followup_list (due_before)" },
	{ "the people known directly, latest first (a nudge's suggestions)",
	  "WHERE r.known = ?1 ORDER BY r.last_interaction DESC", "iv_draft_followup (nudge)" },
	{ "contacts by id prefix (short ids)", "r.uuid BETWEEN ?6 AND ?7", "iv_contact_list (id prefix)" },
	{ "follow-ups by id prefix", "r.uuid BETWEEN ?8 AND ?9", "iv_followup_list (id prefix)" },
	{ "follow-ups by rule key", "r.rule = ?5", "iv_interview_move (scheduled)" },
	{ "contacts at a company", "WHERE company = ?1 COLLATE NOCASE", "iv_db_company_paths" },
	{ "targets by name or alias", "SELECT target_id FROM target_alias WHERE alias = ?1", "iv_target_insert" },
	{ "the people at a target", "WHERE company = ?1 COLLATE NOCASE", "iv_target_plan" },
	{ "the contact a walk starts from", "FROM contact WHERE uuid = ?1", "iv_db_path" },
	{ "the walk back through introductions (by row id)", "i.introduced = ?1 AND i.status <> 4", "iv_db_path" },
	{ "the walk behind a company's paths", "i.introduced = ?1 AND i.status <> 4", "iv_db_company_paths" },
	{ "a contact by id", "FROM contact r", "iv_contact_lookup" },
	{ "the reference check before a delete", "EXISTS (SELECT 1 FROM intro WHERE introducer",
	  "iv_contact_delete (referenced: refused)" },
	{ "import matching by e-mail", "FROM contact_email WHERE email = ?", "iv_import (csv)" },
	{ "import matching by profile URL", "r.url = ?8", "iv_import (csv)" },
	{ "search", "MATCH ?1", "iv_search (ranked)" },
	{ "search as you type", "MATCH ?1 LIMIT", "iv_search (unranked)" },
};

static void every_statement_is_served_by_an_index(void **state)
{
	unsigned int excused = 0, checked = 0, skipped = 0;
	size_t i;
	int bad = 0;

	(void)state;
	seed();
	lookups();
	filters();
	agenda();
	search();
	network();
	settings_and_drafts();
	workflow();
	import();
	export();
	deletes();
	reopen();
	tr.recording = 0;

	printf("plans: %lu statements run, %zu distinct\n", tr.runs, tr.n);
	/* The trace works: a story this long runs many different statements. */
	assert_true(tr.n >= 60);
	for (i = 0; i < COUNT(keys); i++)
		if (!seen(keys[i].sql, keys[i].call))
			FAIL("%s was never run: %s ran no statement containing \"%s\"\n", keys[i].what,
			     keys[i].call, keys[i].sql);
	for (i = 0; i < tr.n; i++)
		bad += check_plan(&tr.v[i], &excused, &checked, &skipped);
	printf("plans: %u queries explained, %u other statements (schema, pragmas, transactions);"
	       " %u steps scan or sort by nature (allowed)\n", checked, skipped, excused);
	if (bad)
		FAIL("%d plan steps scan a table or sort where an index should serve (above)\n", bad);
}

/*
 * Foreign keys are enforced: deleting or re-keying a parent row looks for
 * its children, which is a scan of the child table unless an index starts
 * with the child's column. EXPLAIN does not show those look-ups, so the
 * schema is checked instead.
 */
static void every_foreign_key_is_indexed(void **state)
{
	sqlite3_stmt *st;
	int rc, n = 0, bad = 0;

	(void)state;
	if (!tr.conn)
		skip();
	rc = sqlite3_prepare_v2(tr.conn,
				"SELECT m.name, f.\"from\", f.\"table\","
				" EXISTS (SELECT 1 FROM pragma_index_list(m.name) l"
				"         JOIN pragma_index_info(l.name) x ON x.seqno = 0"
				"         WHERE x.name = f.\"from\")"
				"  OR EXISTS (SELECT 1 FROM pragma_table_info(m.name) t"
				"             WHERE t.name = f.\"from\" AND t.pk = 1 AND lower(t.type) = 'integer')"
				" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f"
				" WHERE m.type = 'table' AND f.seq = 0",
				-1, &st, NULL);
	assert_int_equal(rc, SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		n++;
		if (verbose || !sqlite3_column_int(st, 3))
			fprintf(sqlite3_column_int(st, 3) ? stdout : stderr, "foreign key %s(%s) -> %s: %s\n",
				sqlite3_column_text(st, 0), sqlite3_column_text(st, 1), sqlite3_column_text(st, 2),
				sqlite3_column_int(st, 3) ? "indexed" : "NO INDEX: deleting a parent scans the table");
		bad += !sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	printf("plans: %d foreign keys\n", n);
	assert_true(n > 0);
	assert_int_equal(bad, 0);
}

/* A store made before the interview status index (schema 5) gets it when opened. */
static void store_of_version_5_gets_the_interview_status_index(void **state)
{
	sqlite3 *raw;
	sqlite3_stmt *st;
	iv_db *old = NULL;
	char p[400];

	(void)state;
	snprintf(p, sizeof(p), "%s/old.db", dir);
	ok(iv_db_open(&old, p));
	iv_db_free(old);
	assert_int_equal(sqlite3_open(p, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "DROP INDEX interview_status; PRAGMA user_version = 5;", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(raw);
	ok(iv_db_open(&old, p));
	iv_db_free(old);
	assert_int_equal(sqlite3_open(p, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'interview_status'",
					    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
	sqlite3_close(raw);
	{
		static const char *const suffix[] = { "", "-wal", "-shm" };
		char q[420];
		size_t i;

		for (i = 0; i < COUNT(suffix); i++) {
			snprintf(q, sizeof(q), "%s%s", p, suffix[i]);
			unlink(q);
		}
	}
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_statement_is_served_by_an_index),
		cmocka_unit_test(every_foreign_key_is_indexed),
		cmocka_unit_test(store_of_version_5_gets_the_interview_status_index),
	};
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0)
			verbose = 1;
		else if ((ncontacts = atol(argv[i])) < 200) {
			fprintf(stderr, "usage: test_plans [-v] [N >= 200]\n");
			return 2;
		}
	}
	return cmocka_run_group_tests_name("plans", tests, setup, teardown);
}

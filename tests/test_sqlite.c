/*
 * What is particular to the SQLite backend, beyond the conformance suite:
 * the file it makes (schema, version, WAL, foreign keys, mode), the files it
 * refuses and leaves alone, locking, transactions at the vtable, and that
 * every field survives the trip through SQL.
 *
 * The file is inspected with SQLite itself, as a second connection.
 */
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include <infoview/infoview.h>
#include <infoview/sys/backend.h>

#define BUSY_ENV "INFOVIEW_SQLITE_BUSY_TIMEOUT_MS"
#define APP_ID 0x49567731 /* 'IVw1' */
/* The schema version this library writes. */
#define SCHEMA_VERSION 8

/* --- Fixture: a fresh directory per test -------------------------------- */

typedef struct {
	char dir[512];
	char path[600];   /* dir/store.db */
	iv_backend *be;
} fixture;

static void remove_tree(const char *path)
{
	struct stat st;
	struct dirent *e;
	char child[1024];
	DIR *d;

	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode) && (d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			if ((size_t)snprintf(child, sizeof(child), "%s/%s", path, e->d_name) < sizeof(child))
				remove_tree(child);
		}
		closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof(*fx));
	const char *tmp = getenv("TMPDIR");

	if (!fx)
		return -1;
	if (!tmp || tmp[0] != '/')
		tmp = "/tmp";
	snprintf(fx->dir, sizeof(fx->dir), "%s/iv-sqlite-XXXXXX", tmp);
	if (!mkdtemp(fx->dir)) {
		free(fx);
		return -1;
	}
	snprintf(fx->path, sizeof(fx->path), "%s/store.db", fx->dir);
	*state = fx;
	iv_error_clear();
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;

	if (fx->be)
		fx->be->free(fx->be);
	remove_tree(fx->dir);
	free(fx);
	return 0;
}

static iv_backend *open_be(fixture *fx)
{
	int rc = iv_backend_sqlite_new(&fx->be, fx->path);

	if (rc != 0)
		fail_msg("opening %s: %s", fx->path, iv_error_message());
	return fx->be;
}

static iv_backend *reopen(fixture *fx)
{
	fx->be->free(fx->be);
	fx->be = NULL;
	return open_be(fx);
}

static void close_be(fixture *fx)
{
	fx->be->free(fx->be);
	fx->be = NULL;
}

/* --- A second connection ------------------------------------------------ */

static sqlite3 *raw_open(const char *path)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	return db;
}

static void raw_exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
}

static sqlite3_int64 raw_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	sqlite3_int64 v;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void raw_text(char *buf, size_t size, sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* An SQLite file another program could have made. */
static void make_foreign_file(const char *path, const char *pragmas)
{
	sqlite3 *db = raw_open(path);

	raw_exec(db, pragmas);
	sqlite3_close(db);
}

static unsigned char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*size = (size_t)n;
	return buf;
}

static int exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static int path_mode(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return (int)(st.st_mode & 0777);
}

/* Opening `path` fails with `code` and a message holding `needle`, and leaves the file as it was. */
static void assert_refused_untouched(const char *path, int code, const char *needle)
{
	iv_backend *be = (iv_backend *)&be;  /* anything but NULL */
	unsigned char *before, *after;
	size_t n_before, n_after;
	char wal[700];

	before = read_file(path, &n_before);
	assert_int_equal(iv_backend_sqlite_new(&be, path), code);
	assert_null(be);
	assert_int_equal(iv_error_code(), code);
	if (!strstr(iv_error_message(), needle))
		fail_msg("message \"%s\" lacks \"%s\"", iv_error_message(), needle);
	after = read_file(path, &n_after);
	assert_int_equal(n_before, n_after);
	assert_memory_equal(before, after, n_before);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	assert_false(exists(wal));
	free(before);
	free(after);
}

/* --- Records ------------------------------------------------------------ */

typedef char id_buf[IV_ID_LEN + 1];

static void make_id(id_buf out, unsigned long n)
{
	snprintf(out, sizeof(id_buf), "0190a5c0-0000-7000-8000-%012lx", n);
}

static void ok(int rc)
{
	if (rc != 0)
		fail_msg("%s: %s", iv_error_name(rc), iv_error_message());
}

static iv_contact *new_contact(unsigned long n, const char *name)
{
	iv_contact *c;
	id_buf id;

	make_id(id, n);
	ok(iv_contact_new(&c));
	ok(iv_contact_set_id(c, id));
	ok(iv_contact_set_name(c, name));
	iv_contact_set_times(c, 1000 + (iv_time)n, 2000 + (iv_time)n);
	return c;
}

static void add_contact(iv_backend *be, unsigned long n, const char *name)
{
	iv_contact *c = new_contact(n, name);

	ok(be->contact_insert(be, c));
	iv_contact_free(c);
}

static iv_intro *new_intro(unsigned long n, unsigned long by, unsigned long to)
{
	iv_intro *in;
	id_buf id;

	ok(iv_intro_new(&in));
	make_id(id, n);
	ok(iv_intro_set_id(in, id));
	make_id(id, by);
	ok(iv_intro_set_introducer(in, id));
	make_id(id, to);
	ok(iv_intro_set_introduced(in, id));
	iv_intro_set_times(in, 3000 + (iv_time)n, 3000 + (iv_time)n);
	return in;
}

static iv_interview *new_interview(unsigned long n, unsigned long with)
{
	iv_interview *iv;
	id_buf id;

	ok(iv_interview_new(&iv));
	make_id(id, n);
	ok(iv_interview_set_id(iv, id));
	make_id(id, with);
	ok(iv_interview_set_contact(iv, id));
	iv_interview_set_times(iv, 4000 + (iv_time)n, 4000 + (iv_time)n);
	return iv;
}

static iv_followup *new_followup(unsigned long n, unsigned long to, iv_time due)
{
	iv_followup *fu;
	id_buf id;

	ok(iv_followup_new(&fu));
	make_id(id, n);
	ok(iv_followup_set_id(fu, id));
	make_id(id, to);
	ok(iv_followup_set_contact(fu, id));
	ok(iv_followup_set_due(fu, due));
	iv_followup_set_times(fu, 5000 + (iv_time)n, 5000 + (iv_time)n);
	return fu;
}

/* Lookups that free what they find; they return the operation's code. */
static int contact_exists(iv_backend *be, unsigned long n)
{
	iv_contact *c = NULL;
	id_buf id;
	int rc;

	make_id(id, n);
	rc = be->contact_get(&c, be, id);
	iv_contact_free(c);
	return rc;
}

/* The names of the contacts a list gives, as "a,b,c". */
static void list_names(char *buf, size_t size, iv_backend *be, const iv_contact_filter *f)
{
	iv_backend_iter *it;
	void *r;
	size_t len = 0;
	int rc;

	buf[0] = '\0';
	ok(be->contact_list(&it, be, f));
	while ((rc = it->next(&r, it)) == 0) {
		len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? "," : "", iv_contact_name(r));
		iv_contact_free(r);
		assert_true(len < size);
	}
	assert_int_equal(rc, IV_ITEROVER);
	it->free(it);
}

/* --- The file ----------------------------------------------------------- */

static void new_store_has_version_and_application_id(void **state)
{
	fixture *fx = *state;
	sqlite3 *db;

	open_be(fx);
	close_be(fx);
	db = raw_open(fx->path);
	assert_int_equal(raw_int(db, "PRAGMA user_version"), SCHEMA_VERSION);
	assert_int_equal(raw_int(db, "PRAGMA application_id"), APP_ID);
	sqlite3_close(db);
}

static void new_store_uses_wal(void **state)
{
	fixture *fx = *state;
	char mode[16];
	sqlite3 *db;

	open_be(fx);
	close_be(fx);
	db = raw_open(fx->path);
	raw_text(mode, sizeof(mode), db, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	sqlite3_close(db);
}

static void new_store_has_every_table(void **state)
{
	static const char *const tables[] = {
		"contact", "contact_tag", "intro", "interview", "interview_question",
		"interview_item", "followup", "setting", "contact_fts", "interview_fts",
	};
	fixture *fx = *state;
	char sql[200];
	sqlite3 *db;
	size_t i;

	open_be(fx);
	db = raw_open(fx->path);
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'",
			 tables[i]);
		if (raw_int(db, sql) != 1)
			fail_msg("table %s is missing", tables[i]);
	}
	sqlite3_close(db);
}

/* Deleting a contact would otherwise scan every table that names it. */
static void every_foreign_key_is_indexed(void **state)
{
	fixture *fx = *state;
	sqlite3 *db;

	open_be(fx);
	db = raw_open(fx->path);
	assert_true(raw_int(db, "SELECT count(*) FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
			    " WHERE m.type = 'table'") >= 9);
	assert_int_equal(raw_int(db,
		"SELECT count(*) FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
		" WHERE m.type = 'table' AND NOT EXISTS ("
		"  SELECT 1 FROM pragma_index_list(m.name) l, pragma_index_info(l.name) i"
		"  WHERE i.seqno = 0 AND i.name = f.\"from\")"), 0);
	sqlite3_close(db);
}

/* The core checks references itself; the foreign keys are the second line. */
static void foreign_keys_are_enforced(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_intro *in = new_intro(10, 1, 2);
	id_buf id;

	add_contact(be, 1, "Ada");
	add_contact(be, 2, "Bea");
	ok(be->intro_insert(be, in));
	make_id(id, 1);
	assert_int_equal(be->contact_delete(be, id), IV_ECONSTRAINT);
	assert_non_null(strstr(iv_error_message(), id));
	assert_int_equal(contact_exists(be, 1), 0);
	iv_intro_free(in);
}

static void new_file_is_private(void **state)
{
	fixture *fx = *state;
	mode_t old = umask(0);
	char wal[700];

	open_be(fx);
	umask(old);
	add_contact(fx->be, 1, "Ada");
	assert_int_equal(path_mode(fx->path), 0600);
	snprintf(wal, sizeof(wal), "%s-wal", fx->path);
	assert_true(exists(wal));
	assert_int_equal(path_mode(wal), 0600);
}

static void new_file_through_a_dangling_symlink_is_private(void **state)
{
	fixture *fx = *state;
	mode_t old = umask(0);
	char target[700], wal[800];
	struct stat st;

	snprintf(target, sizeof(target), "%s/target.db", fx->dir);
	assert_int_equal(symlink(target, fx->path), 0);
	open_be(fx);
	umask(old);
	add_contact(fx->be, 1, "Ada");
	assert_int_equal(lstat(fx->path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(path_mode(target), 0600);
	snprintf(wal, sizeof(wal), "%s-wal", target);
	assert_true(exists(wal));
	assert_int_equal(path_mode(wal), 0600);
}

static void empty_file_gets_the_schema(void **state)
{
	fixture *fx = *state;
	FILE *f = fopen(fx->path, "w");
	sqlite3 *db;

	assert_non_null(f);
	fclose(f);
	open_be(fx);
	db = raw_open(fx->path);
	assert_int_equal(raw_int(db, "PRAGMA user_version"), SCHEMA_VERSION);
	sqlite3_close(db);
}

/* A version 0 store of ours (no schema yet) goes through every migration step. */
static void store_of_version_0_is_migrated(void **state)
{
	fixture *fx = *state;
	sqlite3 *db;

	make_foreign_file(fx->path, "PRAGMA application_id = 1230403377;");
	add_contact(open_be(fx), 1, "Ada");
	db = raw_open(fx->path);
	assert_int_equal(raw_int(db, "PRAGMA user_version"), SCHEMA_VERSION);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM contact"), 1);
	sqlite3_close(db);
}

/*
 * Turns the store at fx->path back into what version 1 of the schema made,
 * by taking away what the later migrations add.
 */
/* Takes a store of today's schema back to version 2: no numbers, no notes. */
static void downgrade_to_version_2(fixture *fx)
{
	sqlite3 *db = raw_open(fx->path);

	raw_exec(db, "BEGIN;"
		     "DROP INDEX followup_pending;"
		     "DROP INDEX contact_url;"
		     "DROP TABLE note;"
		     "DROP TABLE contact_email;"
		     "DROP INDEX contact_num; ALTER TABLE contact DROP COLUMN num;"
		     "DROP INDEX intro_num; ALTER TABLE intro DROP COLUMN num;"
		     "DROP INDEX interview_num; ALTER TABLE interview DROP COLUMN num;"
		     "DROP INDEX followup_num; ALTER TABLE followup DROP COLUMN num;"
		     "DELETE FROM setting WHERE key LIKE 'iv.number.%';"
		     "PRAGMA user_version = 2;"
		     "COMMIT;");
	sqlite3_close(db);
}

static void downgrade_to_version_1(fixture *fx)
{
	sqlite3 *db;

	downgrade_to_version_2(fx);
	db = raw_open(fx->path);
	raw_exec(db, "BEGIN;"
		     "DROP INDEX followup_rule;"
		     "ALTER TABLE followup DROP COLUMN rule;"
		     "DROP TRIGGER contact_fts_insert;"
		     "DROP TRIGGER contact_fts_delete;"
		     "DROP TRIGGER contact_fts_update;"
		     "DROP TRIGGER interview_fts_delete;"
		     "DROP TABLE contact_fts;"
		     "DROP TABLE interview_fts;"
		     "PRAGMA user_version = 1;"
		     "COMMIT;");
	assert_int_equal(raw_int(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%fts%'"), 0);
	sqlite3_close(db);
}

/* The kinds and ids of what the backend's search finds for `terms`, as "c:<n>,i:<n>" (n from make_id). */
static void search_ids(char *buf, size_t size, iv_backend *be, const char *const *terms, size_t nterms)
{
	iv_backend_iter *it;
	void *r;
	size_t len = 0;
	int rc;

	buf[0] = '\0';
	ok(be->search(&it, be, terms, nterms, IV_SEARCH_CONTACT | IV_SEARCH_INTERVIEW, 0, 0));
	while ((rc = it->next(&r, it)) == 0) {
		const char *id = iv_search_hit_id(r);

		len += (size_t)snprintf(buf + len, size - len, "%s%c:%lu", len ? "," : "",
					iv_search_hit_kind(r) == IV_SEARCH_CONTACT ? 'c' : 'i',
					strtoul(id + 24, NULL, 16));
		iv_search_hit_free(r);
		assert_true(len < size);
	}
	assert_int_equal(rc, IV_ITEROVER);
	it->free(it);
}

/* A store of the first release is brought up to date on open, and keeps its data. */
/* Version 2 -> 3: records already stored get numbers by created time, and the counters follow. */
static void store_of_version_2_is_numbered_by_age(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_contact *c3 = new_contact(3, "Cy"), *c2 = new_contact(2, "Bea"), *d = NULL;
	char *value = NULL;
	sqlite3 *db;

	iv_contact_set_times(c3, 100, 100);
	iv_contact_set_times(c2, 200, 200);
	ok(be->contact_insert(be, c2));
	ok(be->contact_insert(be, c3));
	close_be(fx);
	downgrade_to_version_2(fx);

	be = open_be(fx);
	db = raw_open(fx->path);
	assert_int_equal(raw_int(db, "PRAGMA user_version"), SCHEMA_VERSION);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'note'"), 1);
	sqlite3_close(db);
	ok(be->contact_get(&d, be, iv_contact_id(c3)));
	assert_int_equal(iv_contact_number(d), 1); /* the older one first */
	iv_contact_free(d);
	ok(be->contact_get(&d, be, iv_contact_id(c2)));
	assert_int_equal(iv_contact_number(d), 2);
	iv_contact_free(d);
	ok(be->setting_get(&value, be, "iv.number.contact"));
	assert_string_equal(value, "2");
	free(value);
	/* no follow-ups, so no counter: the first one gets 1 */
	assert_int_equal(be->setting_get(&value, be, "iv.number.followup"), IV_ENOTFOUND);
	iv_contact_free(c2);
	iv_contact_free(c3);
}

static void store_of_version_1_is_migrated_keeping_its_data(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_followup *fu = new_followup(30, 1, 9000), *d = NULL;
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_backend_iter *it;
	sqlite3 *db;
	void *r;

	iv_contact *c = new_contact(2, "Bea");
	iv_interview *iv = new_interview(20, 1);
	const char *pfi = "pfi", *biotech = "biotech";
	char hits[100];

	add_contact(be, 1, "Ada");
	ok(iv_contact_set_company(c, "Pfizer"));
	ok(be->contact_insert(be, c));
	ok(iv_interview_add_question(iv, "Where next?"));
	ok(iv_interview_set_answer(iv, 0, "Biotech, for sure"));
	ok(be->interview_insert(be, iv));
	ok(iv_followup_set_note(fu, "Ask Ada again"));
	ok(be->followup_insert(be, fu));
	close_be(fx);
	downgrade_to_version_1(fx);

	be = open_be(fx);
	db = raw_open(fx->path);
	assert_int_equal(raw_int(db, "PRAGMA user_version"), SCHEMA_VERSION);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM pragma_table_info('followup') WHERE name = 'rule'"), 1);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'followup_rule'"), 1);
	sqlite3_close(db);
	assert_int_equal(contact_exists(be, 1), 0);
	ok(be->followup_get(&d, be, iv_followup_id(fu)));
	assert_string_equal(iv_followup_note(d), "Ask Ada again");
	assert_int_equal(iv_followup_due(d), 9000);
	/* a follow-up made before rules existed was made by hand */
	assert_null(iv_followup_rule(d));
	iv_followup_free(d);
	/* what was there is indexed for search */
	search_ids(hits, sizeof(hits), be, &pfi, 1);
	assert_string_equal(hits, "c:2");
	search_ids(hits, sizeof(hits), be, &biotech, 1);
	assert_string_equal(hits, "i:20");
	iv_contact_free(c);
	iv_interview_free(iv);
	/* and the new column is usable at once */
	ok(iv_followup_set_rule(fu, "nudge:1"));
	ok(be->followup_update(be, fu));
	f.rule = "nudge:1";
	ok(be->followup_list(&it, be, &f));
	ok(it->next(&r, it));
	assert_string_equal(iv_followup_id(r), iv_followup_id(fu));
	iv_followup_free(r);
	assert_int_equal(it->next(&r, it), IV_ITEROVER);
	it->free(it);
	iv_followup_free(fu);
}

static void two_connections_share_one_store(void **state)
{
	fixture *fx = *state;
	iv_backend *first = open_be(fx), *second = NULL;

	ok(iv_backend_sqlite_new(&second, fx->path));
	add_contact(first, 1, "Ada");
	assert_int_equal(contact_exists(second, 1), 0);
	second->free(second);
}

/*
 * Opening a store again in a process that has it open keeps that process's
 * locks on it. Closing any descriptor of the file drops every POSIX lock
 * the process holds on it; another process that then closed the store
 * would think itself the last, checkpoint and delete the WAL under the
 * first connection, and commits would be lost or the store damaged (seen
 * as such by the concurrency test). The other process is forked before
 * anything is open, as SQLite requires, and opens and closes the store
 * when told to: the WAL must still be there, and every commit readable.
 */
static void reopening_keeps_this_process_locks(void **state)
{
	fixture *fx = *state;
	iv_backend *first, *second = NULL;
	char wal[700], go;
	int pipefd[2], status;
	pid_t pid;

	assert_int_equal(pipe(pipefd), 0);
	fflush(NULL);
	if ((pid = fork()) == 0) {
		iv_backend *other = NULL;

		close(pipefd[1]);
		if (read(pipefd[0], &go, 1) != 1)
			_exit(2);
		if (iv_backend_sqlite_new(&other, fx->path) != 0)
			_exit(3);
		other->free(other);
		_exit(0);
	}
	assert_true(pid > 0);
	close(pipefd[0]);
	first = open_be(fx);
	add_contact(first, 1, "Ada");
	assert_int_equal(contact_exists(first, 1), 0);
	ok(iv_backend_sqlite_new(&second, fx->path));
	assert_int_equal(contact_exists(second, 1), 0);
	second->free(second);
	assert_int_equal(write(pipefd[1], "g", 1), 1);
	close(pipefd[1]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	snprintf(wal, sizeof(wal), "%s-wal", fx->path);
	assert_true(exists(wal));
	add_contact(first, 2, "Grace");
	assert_int_equal(contact_exists(first, 1), 0);
	assert_int_equal(contact_exists(first, 2), 0);
	first = reopen(fx);
	assert_int_equal(contact_exists(first, 1), 0);
	assert_int_equal(contact_exists(first, 2), 0);
}

static void data_persists_across_reopening(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	char *value = NULL;

	add_contact(be, 1, "Ada");
	ok(be->setting_set(be, "profile.name", "Me"));
	be = reopen(fx);
	assert_int_equal(contact_exists(be, 1), 0);
	ok(be->setting_get(&value, be, "profile.name"));
	assert_string_equal(value, "Me");
	free(value);
}

/*
 * A write of several tables (an interview and its questions) that fails half
 * way rolls back its own savepoint: the next write commits and is still
 * there after reopening.
 */
static void failed_child_write_leaves_the_store_usable(void **state)
{
	fixture *fx = *state;
	iv_interview *iv = NULL;
	iv_contact *c = NULL;
	iv_db *db = NULL;
	sqlite3 *raw;
	id_buf id;

	add_contact(open_be(fx), 1, "Ada");
	close_be(fx);
	raw = raw_open(fx->path);
	raw_exec(raw, "CREATE TRIGGER refuse_boom BEFORE INSERT ON interview_question "
		      "WHEN NEW.question = 'boom' BEGIN SELECT RAISE(ABORT, 'boom refused'); END");
	sqlite3_close(raw);

	ok(iv_db_open(&db, fx->path));
	make_id(id, 1);
	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, id));
	ok(iv_interview_add_question(iv, "boom"));
	assert_true(iv_interview_insert(db, iv) < 0);
	assert_non_null(strstr(iv_error_message(), "boom refused"));
	iv_interview_free(iv);
	assert_int_equal(iv_db_transaction_depth(db), 0);

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Grace"));
	ok(iv_contact_insert(db, c));
	snprintf(id, sizeof(id), "%s", iv_contact_id(c));
	iv_contact_free(c);
	iv_db_free(db);

	ok(iv_db_open(&db, fx->path));
	ok(iv_contact_lookup(&c, db, id));
	assert_string_equal(iv_contact_name(c), "Grace");
	iv_contact_free(c);
	iv_db_free(db);
}

static void public_open_reads_the_same_file(void **state)
{
	fixture *fx = *state;
	iv_contact *c = NULL;
	iv_db *db = NULL;
	id_buf id;

	add_contact(open_be(fx), 1, "Ada");
	close_be(fx);
	ok(iv_db_open(&db, fx->path));
	make_id(id, 1);
	ok(iv_contact_lookup(&c, db, id));
	assert_string_equal(iv_contact_name(c), "Ada");
	iv_contact_free(c);
	iv_db_free(db);
}

static void newer_schema_is_refused_untouched(void **state)
{
	fixture *fx = *state;

	make_foreign_file(fx->path, "PRAGMA application_id = 1230403377; PRAGMA user_version = 9;"
				    " CREATE TABLE contact (x);");
	assert_refused_untouched(fx->path, IV_EVERSION, "store schema version 9 is newer than this library's 8");
}

static void other_application_is_refused_untouched(void **state)
{
	fixture *fx = *state;

	make_foreign_file(fx->path, "PRAGMA application_id = 305419896; CREATE TABLE t (x);");
	assert_refused_untouched(fx->path, IV_EINVALID, "is not an infoview store");
}

static void tables_without_application_id_are_refused_untouched(void **state)
{
	fixture *fx = *state;

	make_foreign_file(fx->path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');");
	assert_refused_untouched(fx->path, IV_EINVALID, "is not an infoview store");
}

static void non_database_file_is_refused_untouched(void **state)
{
	fixture *fx = *state;
	FILE *f = fopen(fx->path, "w");
	int i;

	assert_non_null(f);
	for (i = 0; i < 200; i++)
		fputs("this is a text file, not a database\n", f);
	fclose(f);
	assert_refused_untouched(fx->path, IV_EINVALID, "is not an infoview store");
}

static void missing_directory_is_a_clear_error(void **state)
{
	fixture *fx = *state;
	iv_backend *be = NULL;
	char dir[600], path[700];

	snprintf(dir, sizeof(dir), "%s/missing", fx->dir);
	snprintf(path, sizeof(path), "%s/store.db", dir);
	assert_int_equal(iv_backend_sqlite_new(&be, path), IV_ESTORAGE);
	assert_null(be);
	assert_non_null(strstr(iv_error_message(), path));
	assert_non_null(strstr(iv_error_message(), strerror(ENOENT)));
	assert_false(exists(dir));
}

static void default_path_gets_a_private_directory(void **state)
{
	fixture *fx = *state;
	const char *old = getenv("XDG_DATA_HOME");
	char *saved = old ? strdup(old) : NULL;
	char xdg[600], dir[700], file[800];

	snprintf(xdg, sizeof(xdg), "%s/xdg/data", fx->dir);
	snprintf(dir, sizeof(dir), "%s/infoview", xdg);
	snprintf(file, sizeof(file), "%s/infoview.db", dir);
	setenv("XDG_DATA_HOME", xdg, 1);
	ok(iv_backend_sqlite_new(&fx->be, NULL));
	if (saved)
		setenv("XDG_DATA_HOME", saved, 1);
	else
		unsetenv("XDG_DATA_HOME");
	free(saved);
	assert_true(exists(file));
	assert_int_equal(path_mode(file), 0600);
	assert_int_equal(path_mode(dir), 0700);
	assert_int_equal(path_mode(xdg), 0700);
}

/* --- Locking ------------------------------------------------------------ */

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void write_fails_busy_after_the_timeout(void **state)
{
	fixture *fx = *state;
	iv_contact *c = new_contact(1, "Ada");
	struct timespec t0;
	iv_backend *be;
	sqlite3 *other;
	double waited;

	setenv(BUSY_ENV, "150", 1);
	be = open_be(fx);
	unsetenv(BUSY_ENV);
	other = raw_open(fx->path);
	raw_exec(other, "BEGIN IMMEDIATE");

	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(be->contact_insert(be, c), IV_EBUSY);
	waited = seconds_since(&t0);
	assert_true(waited >= 0.12);
	assert_true(waited < 3.0);
	assert_non_null(strstr(iv_error_message(), "locked"));
	assert_int_equal(be->begin(be), IV_EBUSY);

	raw_exec(other, "COMMIT");
	ok(be->contact_insert(be, c));
	sqlite3_close(other);
	iv_contact_free(c);
}

/* WAL: a reader is not blocked by a writer. */
static void reads_go_on_while_another_connection_writes(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	sqlite3 *other;

	add_contact(be, 1, "Ada");
	other = raw_open(fx->path);
	raw_exec(other, "BEGIN IMMEDIATE; DELETE FROM contact_tag;");
	assert_int_equal(contact_exists(be, 1), 0);
	raw_exec(other, "ROLLBACK");
	sqlite3_close(other);
}

/* --- Transactions at the vtable ----------------------------------------- */

static void rollback_leaves_nothing(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_interview *iv = new_interview(20, 1);
	iv_followup *fu = new_followup(30, 1, 9000);
	iv_contact *c = new_contact(1, "Ada");
	char *value = NULL;
	sqlite3 *db;

	ok(iv_contact_add_tag(c, "mentor"));
	ok(iv_interview_add_question(iv, "How did you start?"));
	ok(iv_interview_add_advice(iv, "Read more"));
	ok(be->begin(be));
	ok(be->contact_insert(be, c));
	ok(be->interview_insert(be, iv));
	ok(be->followup_insert(be, fu));
	ok(be->setting_set(be, "k", "v"));
	ok(be->rollback(be));

	assert_int_equal(contact_exists(be, 1), IV_ENOTFOUND);
	assert_int_equal(be->setting_get(&value, be, "k"), IV_ENOTFOUND);
	close_be(fx);
	db = raw_open(fx->path);
	assert_int_equal(raw_int(db, "SELECT (SELECT count(*) FROM contact) + (SELECT count(*) FROM contact_tag)"
				     " + (SELECT count(*) FROM interview) + (SELECT count(*) FROM interview_question)"
				     " + (SELECT count(*) FROM interview_item) + (SELECT count(*) FROM followup)"
				     " + (SELECT count(*) FROM setting)"), 0);
	sqlite3_close(db);
	iv_contact_free(c);
	iv_interview_free(iv);
	iv_followup_free(fu);
}

static void inner_rollback_undoes_only_the_inner_transaction(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);

	ok(be->begin(be));
	add_contact(be, 1, "Ada");
	ok(be->begin(be));
	add_contact(be, 2, "Bea");
	ok(be->rollback(be));
	ok(be->begin(be));
	add_contact(be, 3, "Cy");
	ok(be->commit(be));
	ok(be->commit(be));

	be = reopen(fx);
	assert_int_equal(contact_exists(be, 1), 0);
	assert_int_equal(contact_exists(be, 2), IV_ENOTFOUND);
	assert_int_equal(contact_exists(be, 3), 0);
}

static void outer_rollback_undoes_committed_inner_work(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);

	ok(be->begin(be));
	ok(be->begin(be));
	add_contact(be, 1, "Ada");
	ok(be->commit(be));
	ok(be->rollback(be));
	assert_int_equal(contact_exists(be, 1), IV_ENOTFOUND);
	/* The connection is back in autocommit: a write now is durable. */
	add_contact(be, 2, "Bea");
	be = reopen(fx);
	assert_int_equal(contact_exists(be, 2), 0);
}

static void commit_or_rollback_without_begin_is_misuse(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);

	assert_int_equal(be->commit(be), IV_EMISUSE);
	assert_int_equal(be->rollback(be), IV_EMISUSE);
	ok(be->begin(be));
	ok(be->commit(be));
	assert_int_equal(be->commit(be), IV_EMISUSE);
}

/* --- Records through SQL ------------------------------------------------ */

static void contact_keeps_every_field(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_contact *c = new_contact(1, "Ada Lovelace"), *d = NULL;
	size_t i;

	ok(iv_contact_set_phone(c, "+44 20 1234"));
	ok(iv_contact_set_company(c, "Analytical Engines"));
	ok(iv_contact_set_title(c, "Programmer"));
	ok(iv_contact_set_location(c, "London"));
	ok(iv_contact_set_url(c, "https://example.org/ada"));
	ok(iv_contact_set_notes(c, "Line one\nline two\ttabbed"));
	ok(iv_contact_set_known(c, IV_KNOWN_INTRODUCED));
	ok(iv_contact_set_cadence_days(c, 45));
	ok(iv_contact_set_last_interaction(c, 1700000000));
	ok(iv_contact_add_email(c, "zed@example.org"));
	ok(iv_contact_add_email(c, "ada@example.org"));
	ok(iv_contact_add_email(c, "Mid@Example.org"));
	ok(iv_contact_add_tag(c, "mentor"));
	ok(iv_contact_add_tag(c, "Pfizer alumni"));
	ok(iv_contact_add_tag(c, "a"));
	ok(be->contact_insert(be, c));
	be = reopen(fx);

	ok(be->contact_get(&d, be, iv_contact_id(c)));
	assert_string_equal(iv_contact_id(d), iv_contact_id(c));
	assert_string_equal(iv_contact_name(d), "Ada Lovelace");
	assert_string_equal(iv_contact_phone(d), "+44 20 1234");
	assert_string_equal(iv_contact_company(d), "Analytical Engines");
	assert_string_equal(iv_contact_title(d), "Programmer");
	assert_string_equal(iv_contact_location(d), "London");
	assert_string_equal(iv_contact_url(d), "https://example.org/ada");
	assert_string_equal(iv_contact_notes(d), "Line one\nline two\ttabbed");
	assert_int_equal(iv_contact_known(d), IV_KNOWN_INTRODUCED);
	assert_int_equal(iv_contact_cadence_days(d), 45);
	assert_int_equal(iv_contact_last_interaction(d), 1700000000);
	assert_int_equal(iv_contact_created(d), iv_contact_created(c));
	assert_int_equal(iv_contact_updated(d), iv_contact_updated(c));
	assert_int_equal(iv_contact_email_count(d), 3);
	for (i = 0; i < 3; i++)
		assert_string_equal(iv_contact_email_at(d, i), iv_contact_email_at(c, i));
	assert_int_equal(iv_contact_tag_count(d), 3);
	for (i = 0; i < 3; i++)
		assert_string_equal(iv_contact_tag_at(d, i), iv_contact_tag_at(c, i));
	iv_contact_free(c);
	iv_contact_free(d);
}

static void contact_with_only_a_name_keeps_unset_fields_unset(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_contact *d = NULL;
	id_buf id;

	add_contact(be, 1, "Ada");
	make_id(id, 1);
	ok(be->contact_get(&d, be, id));
	assert_null(iv_contact_phone(d));
	assert_null(iv_contact_company(d));
	assert_null(iv_contact_notes(d));
	assert_int_equal(iv_contact_known(d), IV_KNOWN_DIRECT);
	assert_int_equal(iv_contact_cadence_days(d), 0);
	assert_int_equal(iv_contact_last_interaction(d), 0);
	assert_int_equal(iv_contact_email_count(d), 0);
	assert_int_equal(iv_contact_tag_count(d), 0);
	iv_contact_free(d);
}

static void intro_keeps_every_field(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_intro *in = new_intro(10, 1, 2), *d = NULL;

	add_contact(be, 1, "Ada");
	add_contact(be, 2, "Bea");
	ok(iv_intro_set_channel(in, IV_CHANNEL_IN_PERSON));
	ok(iv_intro_set_status(in, IV_INTRO_MADE));
	ok(iv_intro_set_requested_at(in, 1700000100));
	ok(iv_intro_set_made_at(in, 1700000200));
	ok(iv_intro_set_note(in, "At the conference"));
	ok(be->intro_insert(be, in));
	be = reopen(fx);

	ok(be->intro_get(&d, be, iv_intro_id(in)));
	assert_string_equal(iv_intro_id(d), iv_intro_id(in));
	assert_string_equal(iv_intro_introducer(d), iv_intro_introducer(in));
	assert_string_equal(iv_intro_introduced(d), iv_intro_introduced(in));
	assert_int_equal(iv_intro_channel(d), IV_CHANNEL_IN_PERSON);
	assert_int_equal(iv_intro_status(d), IV_INTRO_MADE);
	assert_int_equal(iv_intro_requested_at(d), 1700000100);
	assert_int_equal(iv_intro_made_at(d), 1700000200);
	assert_string_equal(iv_intro_note(d), "At the conference");
	assert_int_equal(iv_intro_created(d), iv_intro_created(in));
	assert_int_equal(iv_intro_updated(d), iv_intro_updated(in));
	iv_intro_free(in);
	iv_intro_free(d);
}

static void interview_keeps_every_field(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_interview *iv = new_interview(20, 2), *d = NULL;
	iv_intro *in = new_intro(10, 1, 2);
	int s;

	add_contact(be, 1, "Ada");
	add_contact(be, 2, "Bea");
	ok(be->intro_insert(be, in));
	ok(iv_interview_set_intro(iv, iv_intro_id(in)));
	ok(iv_interview_set_purpose(iv, "Learn about clinical data"));
	ok(iv_interview_set_notes(iv, "Friendly.\nSuggested two people."));
	ok(iv_interview_set_medium(iv, IV_MEDIUM_VIDEO));
	ok(iv_interview_set_scheduled_at(iv, 1700001000));
	ok(iv_interview_set_minutes(iv, 45));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_COMPLETED));
	for (s = IV_INTERVIEW_PLANNED; s <= IV_INTERVIEW_CANCELLED; s++)
		ok(iv_interview_set_status_at(iv, s, 1700000000 + s));
	ok(iv_interview_add_question(iv, "How did you get here?"));
	ok(iv_interview_add_question(iv, "What is a normal day?"));
	ok(iv_interview_add_question(iv, "Whom else should I ask?"));
	ok(iv_interview_set_answer(iv, 0, "By accident"));
	ok(iv_interview_set_answer(iv, 2, "Cy, and Dee"));
	ok(iv_interview_add_advice(iv, "Learn SQL"));
	ok(iv_interview_add_advice(iv, "Go to meetups"));
	ok(iv_interview_add_resource(iv, "https://example.org/book"));
	ok(be->interview_insert(be, iv));
	be = reopen(fx);

	ok(be->interview_get(&d, be, iv_interview_id(iv)));
	assert_string_equal(iv_interview_id(d), iv_interview_id(iv));
	assert_string_equal(iv_interview_contact(d), iv_interview_contact(iv));
	assert_string_equal(iv_interview_intro(d), iv_intro_id(in));
	assert_string_equal(iv_interview_purpose(d), "Learn about clinical data");
	assert_string_equal(iv_interview_notes(d), "Friendly.\nSuggested two people.");
	assert_int_equal(iv_interview_medium(d), IV_MEDIUM_VIDEO);
	assert_int_equal(iv_interview_scheduled_at(d), 1700001000);
	assert_int_equal(iv_interview_minutes(d), 45);
	assert_int_equal(iv_interview_status(d), IV_INTERVIEW_COMPLETED);
	for (s = IV_INTERVIEW_PLANNED; s <= IV_INTERVIEW_CANCELLED; s++)
		assert_int_equal(iv_interview_status_at(d, s), 1700000000 + s);
	assert_int_equal(iv_interview_question_count(d), 3);
	assert_string_equal(iv_interview_question_at(d, 0), "How did you get here?");
	assert_string_equal(iv_interview_question_at(d, 1), "What is a normal day?");
	assert_string_equal(iv_interview_question_at(d, 2), "Whom else should I ask?");
	assert_string_equal(iv_interview_answer_at(d, 0), "By accident");
	assert_null(iv_interview_answer_at(d, 1));
	assert_string_equal(iv_interview_answer_at(d, 2), "Cy, and Dee");
	assert_int_equal(iv_interview_advice_count(d), 2);
	assert_string_equal(iv_interview_advice_at(d, 0), "Learn SQL");
	assert_string_equal(iv_interview_advice_at(d, 1), "Go to meetups");
	assert_int_equal(iv_interview_resource_count(d), 1);
	assert_string_equal(iv_interview_resource_at(d, 0), "https://example.org/book");
	assert_int_equal(iv_interview_created(d), iv_interview_created(iv));
	assert_int_equal(iv_interview_updated(d), iv_interview_updated(iv));
	iv_interview_free(iv);
	iv_interview_free(d);
	iv_intro_free(in);
}

static void interview_update_replaces_its_lists(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_interview *iv = new_interview(20, 1), *d = NULL;

	add_contact(be, 1, "Ada");
	ok(iv_interview_add_question(iv, "One?"));
	ok(iv_interview_add_question(iv, "Two?"));
	ok(iv_interview_add_advice(iv, "Old advice"));
	ok(be->interview_insert(be, iv));
	ok(iv_interview_remove_question(iv, 0));
	ok(iv_interview_set_answer(iv, 0, "Yes"));
	ok(iv_interview_remove_advice(iv, 0));
	ok(iv_interview_add_resource(iv, "New resource"));
	ok(be->interview_update(be, iv));

	ok(be->interview_get(&d, be, iv_interview_id(iv)));
	assert_int_equal(iv_interview_question_count(d), 1);
	assert_string_equal(iv_interview_question_at(d, 0), "Two?");
	assert_string_equal(iv_interview_answer_at(d, 0), "Yes");
	assert_int_equal(iv_interview_advice_count(d), 0);
	assert_int_equal(iv_interview_resource_count(d), 1);
	assert_null(iv_interview_intro(d));
	iv_interview_free(iv);
	iv_interview_free(d);
}

static void followup_keeps_every_field(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_interview *iv = new_interview(20, 1);
	iv_followup *fu = new_followup(30, 1, 1700090000), *d = NULL;

	add_contact(be, 1, "Ada");
	ok(be->interview_insert(be, iv));
	ok(iv_followup_set_interview(fu, iv_interview_id(iv)));
	ok(iv_followup_set_kind(fu, IV_FOLLOWUP_THANK_YOU));
	ok(iv_followup_set_status(fu, IV_FOLLOWUP_DONE));
	ok(iv_followup_set_earliest(fu, 1700080000));
	ok(iv_followup_set_closed_at(fu, 1700085000));
	ok(iv_followup_set_note(fu, "Thank Ada for the talk"));
	ok(iv_followup_set_draft(fu, "Dear Ada,\n\nThank you."));
	ok(iv_followup_set_rule(fu, "thank_you:0190a5c0-0000-7000-8000-000000000014"));
	ok(be->followup_insert(be, fu));
	be = reopen(fx);

	ok(be->followup_get(&d, be, iv_followup_id(fu)));
	assert_string_equal(iv_followup_id(d), iv_followup_id(fu));
	assert_string_equal(iv_followup_contact(d), iv_followup_contact(fu));
	assert_string_equal(iv_followup_interview(d), iv_interview_id(iv));
	assert_int_equal(iv_followup_kind(d), IV_FOLLOWUP_THANK_YOU);
	assert_int_equal(iv_followup_status(d), IV_FOLLOWUP_DONE);
	assert_int_equal(iv_followup_earliest(d), 1700080000);
	assert_int_equal(iv_followup_due(d), 1700090000);
	assert_int_equal(iv_followup_closed_at(d), 1700085000);
	assert_string_equal(iv_followup_note(d), "Thank Ada for the talk");
	assert_string_equal(iv_followup_draft(d), "Dear Ada,\n\nThank you.");
	assert_string_equal(iv_followup_rule(d), "thank_you:0190a5c0-0000-7000-8000-000000000014");
	assert_int_equal(iv_followup_created(d), iv_followup_created(fu));
	assert_int_equal(iv_followup_updated(d), iv_followup_updated(fu));
	iv_followup_free(d);

	/* and without an interview */
	ok(iv_followup_set_interview(fu, NULL));
	ok(be->followup_update(be, fu));
	ok(be->followup_get(&d, be, iv_followup_id(fu)));
	assert_null(iv_followup_interview(d));
	iv_interview_free(iv);
	iv_followup_free(fu);
	iv_followup_free(d);
}

static void reference_to_a_missing_record_is_a_constraint_error(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_followup *fu = new_followup(30, 1, 9000);
	id_buf id;

	add_contact(be, 1, "Ada");
	make_id(id, 99);
	ok(iv_followup_set_interview(fu, id));
	assert_int_equal(be->followup_insert(be, fu), IV_ECONSTRAINT);
	assert_non_null(strstr(iv_error_message(), iv_followup_id(fu)));
	iv_followup_free(fu);
}

static void existing_id_and_missing_id_are_reported(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_contact *c = new_contact(1, "Ada");
	id_buf missing;

	ok(be->contact_insert(be, c));
	assert_int_equal(be->contact_insert(be, c), IV_EEXISTS);
	assert_non_null(strstr(iv_error_message(), iv_contact_id(c)));
	make_id(missing, 2);
	ok(iv_contact_set_id(c, missing));
	assert_int_equal(be->contact_update(be, c), IV_ENOTFOUND);
	assert_non_null(strstr(iv_error_message(), missing));
	assert_int_equal(be->contact_delete(be, missing), IV_ENOTFOUND);
	assert_non_null(strstr(iv_error_message(), missing));
	assert_int_equal(contact_exists(be, 2), IV_ENOTFOUND);
	assert_non_null(strstr(iv_error_message(), missing));
	iv_contact_free(c);
}

/* What the backend finds invalid on the way out is named, not passed on. */
static void damaged_stored_record_is_reported(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	sqlite3 *db;

	add_contact(be, 1, "Ada");
	db = raw_open(fx->path);
	raw_exec(db, "UPDATE contact SET name = '   '");
	sqlite3_close(db);
	assert_int_equal(contact_exists(be, 1), IV_EINVALID);
	assert_non_null(strstr(iv_error_message(), "sqlite: reading a stored contact"));
	assert_non_null(strstr(iv_error_message(), "name"));
}

/* An id or an enumeration no setter could have stored is a damaged store, named as such. */
static void damaged_ids_and_values_are_reported(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	sqlite3 *db;

	add_contact(be, 1, "Ada");
	add_contact(be, 2, "Bea");
	db = raw_open(fx->path);
	raw_exec(db, "UPDATE contact SET known = 7 WHERE name = 'Ada'");
	raw_exec(db, "UPDATE contact SET uuid = x'0102' WHERE name = 'Bea'");
	sqlite3_close(db);
	assert_int_equal(contact_exists(be, 1), IV_ESTORAGE);
	assert_non_null(strstr(iv_error_message(), "sqlite: reading a stored contact: the store is damaged"));
	assert_non_null(strstr(iv_error_message(), "out of range"));
	{
		iv_contact_filter f = IV_CONTACT_FILTER_INIT;
		iv_backend_iter *it = NULL;
		iv_contact *c = NULL;
		int rc = 0, bad = 0;

		f.name = "Bea";
		ok(be->contact_list(&it, be, &f));
		while ((rc = it->next((void **)&c, it)) != IV_ITEROVER) {
			if (rc == IV_ESTORAGE && strstr(iv_error_message(), "not 16 bytes"))
				bad = 1;
			if (rc < 0)
				break;
			iv_contact_free(c);
			c = NULL;
		}
		it->free(it);
		assert_true(bad);
	}
}

/* --- Lists -------------------------------------------------------------- */

static void tag_and_company_filters_ignore_case(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact *c;
	char names[200];

	c = new_contact(1, "Ada");
	ok(iv_contact_set_company(c, "Pfizer"));
	ok(iv_contact_add_tag(c, "Mentor"));
	ok(be->contact_insert(be, c));
	iv_contact_free(c);
	c = new_contact(2, "bea");
	ok(iv_contact_set_company(c, "PFIZER"));
	ok(be->contact_insert(be, c));
	/* The tag index follows an update. */
	ok(iv_contact_add_tag(c, "mentor"));
	ok(be->contact_update(be, c));
	iv_contact_free(c);
	c = new_contact(3, "Cy");
	ok(iv_contact_add_tag(c, "MENTOR"));
	ok(be->contact_insert(be, c));
	iv_contact_clear_tags(c);
	ok(be->contact_update(be, c));
	iv_contact_free(c);

	f.company = "pfizer";
	list_names(names, sizeof(names), be, &f);
	assert_string_equal(names, "Ada,bea");
	f.company = NULL;
	f.tag = "mENTOR";
	list_names(names, sizeof(names), be, &f);
	assert_string_equal(names, "Ada,bea");
	f.company = "Pfizer";
	list_names(names, sizeof(names), be, &f);
	assert_string_equal(names, "Ada,bea");
}

/* Ids are blobs inside; their order must still be that of the text. */
static void equal_names_are_ordered_by_id_text(void **state)
{
	static const char *const ids[] = {
		"f0000000-0000-4000-8000-000000000000",
		"0a000000-0000-4000-8000-000000000000",
		"a0000000-0000-4000-8000-000000000000",
		"09000000-0000-4000-8000-000000000000",
	};
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_backend_iter *it;
	iv_contact *c;
	void *r;
	size_t i;

	for (i = 0; i < 4; i++) {
		ok(iv_contact_new(&c));
		ok(iv_contact_set_id(c, ids[i]));
		ok(iv_contact_set_name(c, i % 2 ? "same" : "SAME"));
		ok(be->contact_insert(be, c));
		iv_contact_free(c);
	}
	ok(be->contact_list(&it, be, &f));
	ok(it->next(&r, it));
	assert_string_equal(iv_contact_id(r), ids[3]);
	iv_contact_free(r);
	ok(it->next(&r, it));
	assert_string_equal(iv_contact_id(r), ids[1]);
	iv_contact_free(r);
	ok(it->next(&r, it));
	assert_string_equal(iv_contact_id(r), ids[2]);
	iv_contact_free(r);
	ok(it->next(&r, it));
	assert_string_equal(iv_contact_id(r), ids[0]);
	iv_contact_free(r);
	assert_int_equal(it->next(&r, it), IV_ITEROVER);
	assert_int_equal(it->next(&r, it), IV_ITEROVER);
	it->free(it);
}

/* 1 if the plan of `sql` on `db` has a step whose description holds `needle`. */
static int plan_has(sqlite3 *db, const char *sql, const char *needle)
{
	char explain[1024];
	sqlite3_stmt *st;
	int found = 0;

	snprintf(explain, sizeof(explain), "EXPLAIN QUERY PLAN %s", sql);
	if (sqlite3_prepare_v2(db, explain, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", explain, sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW)
		if (strstr((const char *)sqlite3_column_text(st, 3), needle))
			found = 1;
	sqlite3_finalize(st);
	return found;
}

/*
 * The agenda's question, pending follow-ups whose earliest time has come,
 * is a range of the (status, earliest) index: it reads what is due, not
 * every pending follow-up, then sorts those few by due time. Pending alone
 * (followup list) walks the (status, due) index in order: no sort. Either
 * reads the contact's name by its integer key (a join), never by scanning.
 * The SQL is what the backend generates for those filters, but for the
 * columns, which the plan does not depend on.
 */
static void due_followups_read_only_what_is_due(void **state)
{
	static const char agenda[] =
		"SELECT r.id, r.uuid, fc.name FROM followup r LEFT JOIN contact fc ON fc.id = r.contact"
		" WHERE r.status = ?1 AND r.earliest <= ?6 ORDER BY r.due, r.uuid";
	static const char pending[] =
		"SELECT r.id, r.uuid, fc.name FROM followup r LEFT JOIN contact fc ON fc.id = r.contact"
		" WHERE r.status = ?1 ORDER BY r.due, r.uuid";
	static const char by_rule[] =
		"SELECT r.id, r.uuid, fc.name FROM followup r LEFT JOIN contact fc ON fc.id = r.contact"
		" WHERE +r.status = ?1 AND r.rule = ?5 ORDER BY r.due, r.uuid";
	fixture *fx = *state;
	sqlite3 *db;

	open_be(fx);
	db = raw_open(fx->path);
	assert_true(plan_has(db, agenda, "followup_pending (status=? AND earliest<?)"));
	assert_false(plan_has(db, agenda, "followup_status"));
	assert_true(plan_has(db, agenda, "SEARCH fc USING INTEGER PRIMARY KEY"));
	assert_false(plan_has(db, agenda, "SCAN"));
	assert_true(plan_has(db, pending, "followup_status (status=?)"));
	assert_false(plan_has(db, pending, "TEMP B-TREE"));
	assert_true(plan_has(db, pending, "SEARCH fc USING INTEGER PRIMARY KEY"));
	assert_false(plan_has(db, pending, "SCAN"));
	assert_true(plan_has(db, by_rule, "followup_rule"));
	sqlite3_close(db);
}

/* A listed or read follow-up carries its contact's name, read in the same query. */
static void followups_come_with_their_contacts_name(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup *fu = new_followup(30, 1, 9000), *d = NULL;
	iv_backend_iter *it;
	iv_contact *c = new_contact(1, "Ada Lovelace");
	void *r;

	ok(be->contact_insert(be, c));
	/* A name set by the caller is not stored: the stored contact's is read. */
	ok(iv_followup_set_contact_name(fu, "Someone Else"));
	ok(be->followup_insert(be, fu));
	ok(be->followup_get(&d, be, iv_followup_id(fu)));
	assert_string_equal(iv_followup_contact_name(d), "Ada Lovelace");
	iv_followup_free(d);
	f.status = IV_FOLLOWUP_PENDING;
	f.earliest_before = 10000;
	ok(be->followup_list(&it, be, &f));
	ok(it->next(&r, it));
	assert_string_equal(iv_followup_contact_name(r), "Ada Lovelace");
	iv_followup_free(r);
	assert_int_equal(it->next(&r, it), IV_ITEROVER);
	it->free(it);
	/* Renamed: the next read says so. */
	ok(iv_contact_set_name(c, "Ada King"));
	ok(be->contact_update(be, c));
	ok(be->followup_get(&d, be, iv_followup_id(fu)));
	assert_string_equal(iv_followup_contact_name(d), "Ada King");
	iv_followup_free(d);
	iv_followup_free(fu);
	iv_contact_free(c);
}

/* Version 4 -> 5: the agenda's index is made, the data stays. */
static void store_of_version_4_gets_the_agenda_index(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_followup *fu = new_followup(30, 1, 9000), *d = NULL;
	sqlite3 *db;

	add_contact(be, 1, "Ada");
	ok(be->followup_insert(be, fu));
	close_be(fx);
	db = raw_open(fx->path);
	raw_exec(db, "DROP INDEX followup_pending; PRAGMA user_version = 4;");
	sqlite3_close(db);

	be = open_be(fx);
	db = raw_open(fx->path);
	assert_int_equal(raw_int(db, "PRAGMA user_version"), SCHEMA_VERSION);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'followup_pending'"), 1);
	sqlite3_close(db);
	ok(be->followup_get(&d, be, iv_followup_id(fu)));
	assert_int_equal(iv_followup_due(d), 9000);
	iv_followup_free(d);
	iv_followup_free(fu);
}

/*
 * The network without loading it (issue 10): each step back from a contact
 * reads the introductions to it from intro_introduced, joined with their
 * introducers by primary key; "who can introduce me at C" starts from the
 * contacts at C in contact_company, in order. Listing records reads their
 * references with joins by primary key. The SQL is the backend's
 * (SQ_INTROS_TO and the shapes cat_list() generates).
 */
static void network_walk_queries_use_their_indexes(void **state)
{
	static const char intros_to[] =
		"SELECT i.uuid, c.uuid, i.status, i.made_at, i.created, c.known, c.last_interaction"
		" FROM intro i JOIN contact c ON c.id = i.introducer"
		" WHERE i.introduced = (SELECT id FROM contact WHERE uuid = ?1) AND i.status <> 4";
	static const char company[] =
		"SELECT r.id, r.uuid, r.name, r.company, r.known, r.last_interaction FROM contact r"
		" WHERE r.company = ?1 COLLATE NOCASE ORDER BY r.name COLLATE NOCASE, r.uuid";
	static const char intro_list[] =
		"SELECT r.id, r.uuid, j0.uuid, j1.uuid, r.channel FROM intro r"
		" LEFT JOIN contact j0 ON j0.id = r.introducer LEFT JOIN contact j1 ON j1.id = r.introduced"
		" WHERE r.introduced = (SELECT id FROM contact WHERE uuid = ?2) ORDER BY r.created, r.uuid";
	/* The walk by row ids (SQ_NETWORK_NODE, SQ_INTROS_TO_KEY, SQ_NETWORK_COMPANY). */
	static const char node[] = "SELECT id, uuid, known, last_interaction, name FROM contact WHERE uuid = ?1";
	static const char intros_to_key[] =
		"SELECT i.uuid, c.uuid, i.status, i.made_at, i.created, c.known, c.last_interaction, c.id"
		" FROM intro i JOIN contact c ON c.id = i.introducer"
		" WHERE i.introduced = ?1 AND i.status <> 4";
	static const char company_nodes[] =
		"SELECT id, uuid, known, last_interaction, name FROM contact WHERE company = ?1 COLLATE NOCASE";
	fixture *fx = *state;
	sqlite3 *db;

	open_be(fx);
	db = raw_open(fx->path);
	assert_true(plan_has(db, node, "sqlite_autoindex_contact_1 (uuid=?)"));
	assert_false(plan_has(db, node, "SCAN"));
	assert_true(plan_has(db, intros_to_key, "intro_introduced (introduced=?)"));
	assert_true(plan_has(db, intros_to_key, "c USING INTEGER PRIMARY KEY (rowid=?)"));
	assert_false(plan_has(db, intros_to_key, "SCAN"));
	assert_true(plan_has(db, company_nodes, "contact_company (company=?)"));
	assert_false(plan_has(db, company_nodes, "SCAN"));
	assert_true(plan_has(db, intros_to, "intro_introduced (introduced=?)"));
	assert_true(plan_has(db, intros_to, "c USING INTEGER PRIMARY KEY (rowid=?)"));
	assert_false(plan_has(db, intros_to, "SCAN"));
	assert_true(plan_has(db, company, "contact_company (company=?)"));
	assert_false(plan_has(db, company, "SCAN"));
	assert_false(plan_has(db, company, "TEMP B-TREE"));
	assert_true(plan_has(db, intro_list, "intro_introduced (introduced=?)"));
	assert_true(plan_has(db, intro_list, "j0 USING INTEGER PRIMARY KEY (rowid=?)"));
	assert_true(plan_has(db, intro_list, "j1 USING INTEGER PRIMARY KEY (rowid=?)"));
	assert_false(plan_has(db, intro_list, "SCAN"));
	sqlite3_close(db);
}

/*
 * References typed by users, an id prefix or a contact's name, are answered
 * from an index: a range of the uuid index, or the name index; no scan of
 * the table. The SQL has the shape the backend generates for those filters.
 */
static void id_prefix_and_name_lists_use_their_indexes(void **state)
{
	static const char contact_prefix[] =
		"SELECT r.id, r.uuid FROM contact r WHERE r.uuid BETWEEN ?4 AND ?5"
		" ORDER BY r.name COLLATE NOCASE, r.uuid";
	static const char contact_name[] =
		"SELECT r.id, r.uuid FROM contact r WHERE r.name = ?3 COLLATE NOCASE"
		" ORDER BY r.name COLLATE NOCASE, r.uuid";
	/* An import asks it once per row. */
	static const char contact_url[] =
		"SELECT r.id, r.uuid FROM contact r WHERE r.url = ?8 COLLATE NOCASE"
		" ORDER BY r.name COLLATE NOCASE, r.uuid";
	static const char followup_prefix[] =
		"SELECT r.id, r.uuid FROM followup r WHERE r.uuid BETWEEN ?7 AND ?8"
		" ORDER BY r.due, r.uuid";
	static const char pending_followup_prefix[] =
		"SELECT r.id, r.uuid FROM followup r WHERE +r.status = ?1 AND r.uuid BETWEEN ?7 AND ?8"
		" ORDER BY r.due, r.uuid";
	fixture *fx = *state;
	sqlite3 *db;

	open_be(fx);
	db = raw_open(fx->path);
	assert_true(plan_has(db, contact_prefix, "sqlite_autoindex_contact_1 (uuid>? AND uuid<?)"));
	assert_false(plan_has(db, contact_prefix, "SCAN"));
	assert_true(plan_has(db, contact_name, "contact_name (name=?)"));
	assert_false(plan_has(db, contact_name, "SCAN"));
	assert_true(plan_has(db, contact_url, "contact_url (url=?)"));
	assert_false(plan_has(db, contact_url, "SCAN"));
	assert_true(plan_has(db, followup_prefix, "sqlite_autoindex_followup_1 (uuid>? AND uuid<?)"));
	assert_false(plan_has(db, followup_prefix, "SCAN"));
	assert_true(plan_has(db, pending_followup_prefix, "sqlite_autoindex_followup_1"));
	assert_false(plan_has(db, pending_followup_prefix, "SCAN"));
	sqlite3_close(db);
}

/* The second takes a statement of its own; neither disturbs the other. */
static void two_iterators_over_one_query_run_apart(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_backend_iter *a, *b;
	unsigned long n;
	void *ra, *rb;
	iv_followup *fu;

	add_contact(be, 1, "Ada");
	for (n = 1; n <= 3; n++) {
		fu = new_followup(30 + n, 1, (iv_time)(1000 * n));
		ok(be->followup_insert(be, fu));
		iv_followup_free(fu);
	}
	f.status = IV_FOLLOWUP_PENDING;
	ok(be->followup_list(&a, be, &f));
	ok(a->next(&ra, a));
	iv_followup_free(ra);
	ok(be->followup_list(&b, be, &f));
	for (n = 1; n <= 3; n++) {
		ok(b->next(&rb, b));
		assert_int_equal(iv_followup_due(rb), 1000 * n);
		iv_followup_free(rb);
	}
	assert_int_equal(b->next(&rb, b), IV_ITEROVER);
	b->free(b);
	for (n = 2; n <= 3; n++) {
		ok(a->next(&ra, a));
		assert_int_equal(iv_followup_due(ra), 1000 * n);
		iv_followup_free(ra);
	}
	assert_int_equal(a->next(&ra, a), IV_ITEROVER);
	a->free(a);
	/* and the cached statement is free again */
	ok(be->followup_list(&a, be, &f));
	ok(a->next(&ra, a));
	assert_int_equal(iv_followup_due(ra), 1000);
	iv_followup_free(ra);
	a->free(a);
}

/* --- Search ------------------------------------------------------------ */

/*
 * The number of index entries (term, row, column, offset) in which the
 * search index `fts` and a reference index built afresh from the rows by
 * `fill` differ, both ways. `columns` are those of the index.
 */
static sqlite3_int64 index_differences(sqlite3 *db, const char *fts, const char *columns, const char *fill)
{
	char sql[1400];

	snprintf(sql, sizeof(sql),
		 "CREATE VIRTUAL TABLE temp.ref USING fts5(%s, tokenize = 'unicode61 remove_diacritics 0');"
		 "INSERT INTO temp.ref %s;"
		 "CREATE VIRTUAL TABLE temp.v_idx USING fts5vocab(main, %s, instance);"
		 "CREATE VIRTUAL TABLE temp.v_ref USING fts5vocab(temp, ref, instance);",
		 columns, fill, fts);
	raw_exec(db, sql);
	return raw_int(db, "SELECT (SELECT count(*) FROM (SELECT * FROM v_idx EXCEPT SELECT * FROM v_ref))"
			   " + (SELECT count(*) FROM (SELECT * FROM v_ref EXCEPT SELECT * FROM v_idx))"
			   " + (SELECT count(*) = 0 FROM v_ref)");
}

static void write_contacts_of_every_kind(iv_backend *be)
{
	iv_contact *c;
	id_buf id;
	unsigned long n;

	for (n = 1; n <= 4; n++) {
		c = new_contact(n, n % 2 ? "Ada Lovelace" : "Bea Smith");
		ok(iv_contact_set_company(c, "Pfizer"));
		ok(iv_contact_set_notes(c, "Met at the Basel conference"));
		ok(iv_contact_add_tag(c, "mentor"));
		ok(iv_contact_add_tag(c, "biotech"));
		ok(be->contact_insert(be, c));
		if (n == 2)
			ok(iv_contact_set_name(c, "Bea Jones"));
		if (n == 3)
			ok(iv_contact_set_last_interaction(c, 1700000000));
		if (n == 2 || n == 3)
			ok(be->contact_update(be, c));
		iv_contact_free(c);
	}
	make_id(id, 4);
	ok(be->contact_delete(be, id));
	ok(be->begin(be));
	add_contact(be, 5, "Cy Rolledback");
	ok(be->rollback(be));
}

static void write_interviews_of_every_kind(iv_backend *be)
{
	iv_interview *iv = new_interview(20, 1), *gone = new_interview(21, 1);

	ok(iv_interview_set_purpose(iv, "Learn about regulatory affairs"));
	ok(iv_interview_add_question(iv, "How did you start?"));
	ok(iv_interview_add_question(iv, "Left unanswered?"));
	ok(iv_interview_add_question(iv, "What next?"));
	ok(iv_interview_set_answer(iv, 0, "As a chemist"));
	ok(iv_interview_set_answer(iv, 2, "Oncology"));
	ok(iv_interview_add_advice(iv, "Join RAPS"));
	ok(iv_interview_add_resource(iv, "The FDA guidance pages"));
	ok(be->interview_insert(be, iv));
	ok(iv_interview_set_answer(iv, 0, "As a pharmacist"));
	ok(iv_interview_set_notes(iv, "Follow up in spring"));
	ok(be->interview_update(be, iv));
	ok(be->interview_insert(be, gone));
	ok(be->interview_delete(be, iv_interview_id(gone)));
	iv_interview_free(iv);
	iv_interview_free(gone);
}

/* After inserts, updates (of searched fields and others), deletes and a rollback, the indexes hold exactly the rows' words. */
static void search_indexes_match_the_rows_after_every_kind_of_write(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	sqlite3 *db;

	write_contacts_of_every_kind(be);
	write_interviews_of_every_kind(be);
	db = raw_open(fx->path);
	assert_int_equal(index_differences(db, "contact_fts", "name, company, title, tags, notes",
		"(rowid, name, company, title, tags, notes)"
		" SELECT id, name, company, title, tags, notes FROM main.contact"), 0);
	raw_exec(db, "DROP TABLE temp.ref; DROP TABLE temp.v_idx; DROP TABLE temp.v_ref;");
	assert_int_equal(index_differences(db, "interview_fts", "purpose, notes, answers, advice, resources",
		"(rowid, purpose, notes, answers, advice, resources)"
		" SELECT i.id, i.purpose, i.notes,"
		" (SELECT group_concat(answer, char(10)) FROM main.interview_question WHERE interview = i.id),"
		" (SELECT group_concat(text, char(10)) FROM main.interview_item WHERE interview = i.id AND kind = 1),"
		" (SELECT group_concat(text, char(10)) FROM main.interview_item WHERE interview = i.id AND kind = 2)"
		" FROM main.interview i"), 0);
	sqlite3_close(db);
}

/* Two searches open at once: the second prepares statements of its own. */
static void two_searches_open_at_once_run_apart(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	const char *ada = "ada", *bea = "bea";
	iv_backend_iter *a, *b;
	void *ra, *rb;
	char hits[100];

	add_contact(be, 1, "Ada");
	add_contact(be, 2, "Bea");
	ok(be->search(&a, be, &ada, 1, IV_SEARCH_CONTACT | IV_SEARCH_INTERVIEW, 0, 0));
	ok(be->search(&b, be, &bea, 1, IV_SEARCH_CONTACT | IV_SEARCH_INTERVIEW, 0, 0));
	ok(b->next(&rb, b));
	ok(a->next(&ra, a));
	assert_string_equal(iv_search_hit_id(ra), "0190a5c0-0000-7000-8000-000000000001");
	assert_string_equal(iv_search_hit_id(rb), "0190a5c0-0000-7000-8000-000000000002");
	iv_search_hit_free(ra);
	iv_search_hit_free(rb);
	assert_int_equal(a->next(&ra, a), IV_ITEROVER);
	assert_int_equal(b->next(&rb, b), IV_ITEROVER);
	a->free(a);
	b->free(b);
	/* and the cached statements serve the next search */
	search_ids(hits, sizeof(hits), be, &bea, 1);
	assert_string_equal(hits, "c:2");
}

/* A word the core sees but FTS5 splits into nothing (a dash) finds nothing, without an error. */
static void term_fts5_sees_no_word_in_finds_nothing(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	const char *dash = "\xe2\x80\x94";
	char hits[100];

	add_contact(be, 1, "Ada \xe2\x80\x94 Lovelace");
	search_ids(hits, sizeof(hits), be, &dash, 1);
	assert_string_equal(hits, "");
}

static void contact_referenced_sees_every_kind_of_reference(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	iv_intro *in = new_intro(10, 1, 2);
	iv_interview *iv = new_interview(20, 3);
	iv_followup *fu = new_followup(30, 4, 9000);
	unsigned long n;
	id_buf id;
	int used;

	for (n = 1; n <= 5; n++)
		add_contact(be, n, "Someone");
	ok(be->intro_insert(be, in));
	ok(be->interview_insert(be, iv));
	ok(be->followup_insert(be, fu));
	for (n = 1; n <= 6; n++) {
		make_id(id, n);
		ok(be->contact_referenced(&used, be, id));
		assert_int_equal(used, n <= 4);
	}
	iv_intro_free(in);
	iv_interview_free(iv);
	iv_followup_free(fu);
}

static void settings_are_written_replaced_and_removed(void **state)
{
	fixture *fx = *state;
	iv_backend *be = open_be(fx);
	char *v = NULL;

	assert_int_equal(be->setting_get(&v, be, "a.b"), IV_ENOTFOUND);
	assert_null(v);
	ok(be->setting_set(be, "a.b", "one"));
	ok(be->setting_set(be, "a.b", "two"));
	ok(be->setting_get(&v, be, "a.b"));
	assert_string_equal(v, "two");
	free(v);
	ok(be->setting_set(be, "a.b", NULL));
	ok(be->setting_set(be, "a.b", NULL));
	assert_int_equal(be->setting_get(&v, be, "a.b"), IV_ENOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(new_store_has_version_and_application_id),
		T(new_store_uses_wal),
		T(new_store_has_every_table),
		T(every_foreign_key_is_indexed),
		T(foreign_keys_are_enforced),
		T(new_file_is_private),
		T(new_file_through_a_dangling_symlink_is_private),
		T(empty_file_gets_the_schema),
		T(store_of_version_0_is_migrated),
		T(store_of_version_1_is_migrated_keeping_its_data),
		T(store_of_version_2_is_numbered_by_age),
		T(two_connections_share_one_store),
		T(reopening_keeps_this_process_locks),
		T(data_persists_across_reopening),
		T(public_open_reads_the_same_file),
		T(failed_child_write_leaves_the_store_usable),
		T(newer_schema_is_refused_untouched),
		T(other_application_is_refused_untouched),
		T(tables_without_application_id_are_refused_untouched),
		T(non_database_file_is_refused_untouched),
		T(missing_directory_is_a_clear_error),
		T(default_path_gets_a_private_directory),
		T(write_fails_busy_after_the_timeout),
		T(reads_go_on_while_another_connection_writes),
		T(rollback_leaves_nothing),
		T(inner_rollback_undoes_only_the_inner_transaction),
		T(outer_rollback_undoes_committed_inner_work),
		T(commit_or_rollback_without_begin_is_misuse),
		T(contact_keeps_every_field),
		T(contact_with_only_a_name_keeps_unset_fields_unset),
		T(intro_keeps_every_field),
		T(interview_keeps_every_field),
		T(interview_update_replaces_its_lists),
		T(followup_keeps_every_field),
		T(reference_to_a_missing_record_is_a_constraint_error),
		T(existing_id_and_missing_id_are_reported),
		T(damaged_stored_record_is_reported),
		T(damaged_ids_and_values_are_reported),
		T(tag_and_company_filters_ignore_case),
		T(equal_names_are_ordered_by_id_text),
		T(due_followups_read_only_what_is_due),
		T(followups_come_with_their_contacts_name),
		T(store_of_version_4_gets_the_agenda_index),
		T(id_prefix_and_name_lists_use_their_indexes),
		T(network_walk_queries_use_their_indexes),
		T(two_iterators_over_one_query_run_apart),
		T(search_indexes_match_the_rows_after_every_kind_of_write),
		T(two_searches_open_at_once_run_apart),
		T(term_fts5_sees_no_word_in_finds_nothing),
		T(contact_referenced_sees_every_kind_of_reference),
		T(settings_are_written_replaced_and_removed),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Hostile stores (issue 12): files that are not what the SQLite backend
 * made, or that it may not write. Each is refused with a short message
 * that names the file and the problem, not SQL, and a refused file is left
 * byte for byte as it was; a store that can only be read is read.
 *
 * Other hostile files are in test_sqlite.c: not an SQLite file, another
 * program's database, a newer schema version, an empty file (which is a new
 * store), a dangling symbolic link (which makes the store at its end).
 *
 * `test_hostile full-disk` is the full disk at close: it mounts a small
 * tmpfs in a mount namespace of its own, which takes root (or a user
 * namespace); where that is refused it exits 77, which ctest counts as
 * skipped.
 */
#define _GNU_SOURCE /* unshare() */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include <infoview/infoview.h>
#include <infoview/sys/backend.h>

#include "backends/sqlite_internal.h"

#define SKIP 77

typedef struct {
	char dir[512];
	char path[600]; /* dir/store.db */
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
	snprintf(fx->dir, sizeof(fx->dir), "%s/iv-hostile-XXXXXX", tmp);
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

	chmod(fx->dir, 0700);
	remove_tree(fx->dir);
	free(fx);
	return 0;
}

static void ok(int rc)
{
	if (rc != 0)
		fail_msg("%s: %s", iv_error_name(rc), iv_error_message());
}

static int exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

static unsigned char *read_all(const char *path, size_t *size)
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

/* A store with `n` contacts, closed: its WAL copied in and gone. */
static void make_store(const char *path, int n)
{
	char name[32], notes[600];
	iv_contact *c;
	iv_db *db;
	int i;

	ok(iv_db_open(&db, path));
	memset(notes, 'x', sizeof(notes) - 1);
	notes[sizeof(notes) - 1] = '\0';
	ok(iv_db_begin(db));
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Person %d", i);
		ok(iv_contact_new(&c));
		ok(iv_contact_set_name(c, name));
		ok(iv_contact_set_notes(c, notes));
		ok(iv_contact_insert(db, c));
		iv_contact_free(c);
	}
	ok(iv_db_commit(db));
	iv_db_free(db);
}

static void raw(const char *path, const char *sql)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* A message fit for a person: short, naming the file, no SQL in it. */
static void assert_clear_message(const char *msg, const char *path, const char *needle)
{
	if (!strstr(msg, needle))
		fail_msg("message \"%s\" lacks \"%s\"", msg, needle);
	if (path && !strstr(msg, path))
		fail_msg("message \"%s\" does not name %s", msg, path);
	if (strlen(msg) - (path ? strlen(path) : 0) > 160)
		fail_msg("message \"%s\" is too long", msg);
	if (strstr(msg, "CREATE ") || strstr(msg, "SELECT ") || strstr(msg, "INSERT ") || strstr(msg, "IV_E"))
		fail_msg("message \"%s\" shows SQL or a constant", msg);
}

/* Opening `path` fails with `code`, a clear message holding `needle`, and leaves the file (and its directory) as they were. */
static void assert_refused_untouched(const char *path, int code, const char *needle)
{
	unsigned char *before, *after;
	size_t n_before, n_after;
	char wal[700], shm[700];
	iv_db *db = (iv_db *)&db; /* anything but NULL */

	before = read_all(path, &n_before);
	assert_int_equal(iv_db_open(&db, path), code);
	assert_null(db);
	assert_clear_message(iv_error_message(), path, needle);
	after = read_all(path, &n_after);
	assert_int_equal(n_before, n_after);
	assert_memory_equal(before, after, n_before);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	snprintf(shm, sizeof(shm), "%s-shm", path);
	assert_false(exists(wal));
	assert_false(exists(shm));
	free(before);
	free(after);
}

/* A store of today's schema, changed by `sql`, is refused as damaged with `needle` and not touched. */
static void assert_damage_found(fixture *fx, const char *sql, const char *needle)
{
	make_store(fx->path, 3);
	raw(fx->path, sql);
	assert_refused_untouched(fx->path, IV_ESTORAGE, "is damaged");
	assert_clear_message(iv_error_message(), fx->path, needle);
}

/* --- A damaged schema ----------------------------------------------------- */

/*
 * A store as the migrations make it is known at open by its fingerprint,
 * without building the schema to compare; a new migration must say the
 * new one.
 */
static void schema_fingerprint_is_todays(void **state)
{
	uint64_t expected, fresh;

	(void)state;
	ok(iv__sq_schema_fingerprint(&expected, &fresh));
	if (expected != fresh)
		fail_msg("SCHEMA_FINGERPRINT in lib/backends/sqlite_schema.c is stale: make it UINT64_C(0x%016llx)",
			 (unsigned long long)fresh);
}

static void missing_table_is_found_at_open(void **state)
{
	assert_damage_found(*state, "DROP TABLE followup", "table followup is missing");
}

static void missing_search_table_is_found_at_open(void **state)
{
	assert_damage_found(*state, "DROP TABLE contact_fts", "table contact_fts is missing");
}

static void missing_search_shadow_table_is_found_at_open(void **state)
{
	assert_damage_found(*state, "DROP TABLE interview_fts_docsize", "table interview_fts_docsize is missing");
}

static void missing_column_is_found_at_open(void **state)
{
	assert_damage_found(*state, "ALTER TABLE followup DROP COLUMN draft", "column draft of table followup is missing");
}

static void missing_index_is_found_at_open(void **state)
{
	assert_damage_found(*state, "DROP INDEX contact_name", "index contact_name is missing");
}

static void altered_index_is_found_at_open(void **state)
{
	assert_damage_found(*state, "DROP INDEX followup_due; CREATE INDEX followup_due ON followup (closed_at)",
			    "index followup_due is altered");
}

/* Changed in place, as a bad sector or a hand edit would, without SQLite's schema counter moving. */
static void index_changed_in_place_is_found_at_open(void **state)
{
	assert_damage_found(*state,
			    "PRAGMA writable_schema = ON;"
			    " UPDATE sqlite_schema SET sql = replace(sql, '(due, uuid)', '(num, uuid)') WHERE name = 'followup_due';"
			    " PRAGMA writable_schema = OFF;",
			    "index followup_due is altered");
}

static void missing_trigger_is_found_at_open(void **state)
{
	assert_damage_found(*state, "DROP TRIGGER contact_fts_update", "trigger contact_fts_update is missing");
}

/* Checked against the version it claims, before any migration writes to it. */
static void damaged_older_store_is_refused_unmigrated(void **state)
{
	assert_damage_found(*state, "DROP INDEX followup_status; PRAGMA user_version = 4",
			    "index followup_status is missing");
}

/* An index of the user's own, or SQLite's statistics, are no damage. */
static void additions_of_the_users_own_are_accepted(void **state)
{
	fixture *fx = *state;
	iv_db *db;

	make_store(fx->path, 3);
	raw(fx->path, "CREATE INDEX mine ON contact (phone); CREATE TABLE my_notes (x); ANALYZE;");
	ok(iv_db_open(&db, fx->path));
	iv_db_free(db);
}

/* --- A damaged file ------------------------------------------------------- */

static void cut_short_store_is_refused_untouched(void **state)
{
	fixture *fx = *state;
	struct stat st;

	make_store(fx->path, 200);
	assert_int_equal(stat(fx->path, &st), 0);
	assert_true(st.st_size > 16 * 4096);
	assert_int_equal(truncate(fx->path, st.st_size / 2), 0);
	assert_refused_untouched(fx->path, IV_ESTORAGE, "is damaged: it is cut short");
}

/* Pages of garbage: refused at open, or when the page is read; never written. */
static void corrupt_pages_are_reported_untouched(void **state)
{
	fixture *fx = *state;
	unsigned char junk[4096], *before, *after;
	size_t n_before, n_after;
	iv_contact_iter *it;
	iv_contact *c;
	iv_db *db = NULL;
	struct stat st;
	off_t pos;
	int fd, rc;

	make_store(fx->path, 200);
	memset(junk, 0xa5, sizeof(junk));
	fd = open(fx->path, O_WRONLY);
	assert_true(fd >= 0);
	/* Every other page of the second half: past the schema, in the records. */
	assert_int_equal(fstat(fd, &st), 0);
	for (pos = st.st_size / 2 / 4096 * 4096; pos < st.st_size; pos += 2 * 4096)
		assert_int_equal(pwrite(fd, junk, sizeof(junk), pos), (ssize_t)sizeof(junk));
	close(fd);
	before = read_all(fx->path, &n_before);
	if ((rc = iv_db_open(&db, fx->path)) == 0) {
		ok(iv_contact_list(&it, db, NULL));
		while ((rc = iv_contact_iter_next(&c, it)) == 0)
			iv_contact_free(c);
		iv_contact_iter_free(it);
		iv_db_free(db);
	}
	if (rc != IV_ESTORAGE)
		fail_msg("%d: %s", rc, iv_error_message());
	assert_clear_message(iv_error_message(), fx->path, "is damaged");
	after = read_all(fx->path, &n_after);
	assert_int_equal(n_before, n_after);
	assert_memory_equal(before, after, n_before);
	free(before);
	free(after);
}

static void directory_at_the_path_is_refused(void **state)
{
	fixture *fx = *state;
	iv_db *db = NULL;

	assert_int_equal(mkdir(fx->path, 0700), 0);
	assert_int_equal(iv_db_open(&db, fx->path), IV_EINVALID);
	assert_null(db);
	assert_clear_message(iv_error_message(), fx->path, "is a directory");
}

static void symlink_to_a_store_opens_the_store(void **state)
{
	fixture *fx = *state;
	char target[700], wal[800];
	iv_contact_iter *it;
	iv_contact *c;
	iv_db *db;
	int n = 0;

	snprintf(target, sizeof(target), "%s/real.db", fx->dir);
	make_store(target, 3);
	assert_int_equal(symlink(target, fx->path), 0);
	ok(iv_db_open(&db, fx->path));
	ok(iv_contact_list(&it, db, NULL));
	while (iv_contact_iter_next(&c, it) == 0) {
		iv_contact_free(c);
		n++;
	}
	iv_contact_iter_free(it);
	assert_int_equal(n, 3);
	/* The WAL is beside the store, not the link. */
	snprintf(wal, sizeof(wal), "%s-wal", target);
	assert_true(exists(wal));
	iv_db_free(db);
}

/* --- Stores that can only be read ------------------------------------------ */

/*
 * Root reads and writes through any mode: a check of what a read-only
 * file does runs in a child that is the user nobody. It says what failed
 * on stderr and in its exit status.
 */
static int child_failed;

#define CHECK(cond, ...) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: ", __FILE__, __LINE__); \
			fprintf(stderr, __VA_ARGS__); \
			fputc('\n', stderr); \
			child_failed = 1; \
			return; \
		} \
	} while (0)

/* The store at `path` reads its 3 contacts, refuses a write with a message holding `why`, and makes no WAL files. */
static void reads_and_refuses_writes(const char *path, const char *why)
{
	char wal[700];
	iv_contact_iter *it;
	iv_contact *c;
	struct stat st;
	iv_db *db;
	int rc, n = 0;

	if ((rc = iv_db_open(&db, path)) != 0) {
		CHECK(0, "opening %s: %s", path, iv_error_message());
	}
	CHECK(iv_contact_list(&it, db, NULL) == 0, "listing: %s", iv_error_message());
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		iv_contact_free(c);
		n++;
	}
	iv_contact_iter_free(it);
	CHECK(rc == IV_ITEROVER && n == 3, "read %d contacts, then %s", n, iv_error_message());
	CHECK(iv_contact_new(&c) == 0 && iv_contact_set_name(c, "Grace") == 0, "making a contact");
	rc = iv_contact_insert(db, c);
	iv_contact_free(c);
	CHECK(rc == IV_ESTORAGE, "a write gave %d: %s", rc, iv_error_message());
	CHECK(strstr(iv_error_message(), why) && strstr(iv_error_message(), path) &&
		      strlen(iv_error_message()) < 200 + strlen(path),
	      "the refused write says \"%s\"", iv_error_message());
	iv_db_free(db);
	/*
	 * Where the directory can be written, SQLite may make an empty -wal
	 * (its own doing, harmless); none where it cannot.
	 */
	snprintf(wal, sizeof(wal), "%s-wal", path);
	CHECK(!exists(wal) || (stat(wal, &st) == 0 && st.st_size == 0), "%s was written", wal);
}

/* Runs `check` as the user nobody where this is root, else as it is. */
static void as_reader(void (*check)(const char *, const char *), const char *path, const char *why)
{
	int status;
	pid_t pid;

	if (geteuid() != 0) {
		child_failed = 0;
		check(path, why);
		assert_false(child_failed);
		return;
	}
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/*
		 * No user to become, or a TMPDIR it cannot reach: nothing to say
		 * about the store (which may not exist yet: its directory reached).
		 */
		if (setgid(65534) != 0 || setuid(65534) != 0 || (access(path, R_OK) != 0 && errno != ENOENT)) {
			fprintf(stderr, "skipped: the user nobody cannot read %s\n", path);
			_exit(SKIP);
		}
		check(path, why);
		_exit(child_failed ? 1 : 0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == SKIP)
		skip();
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void read_only_file_is_read(void **state)
{
	fixture *fx = *state;
	unsigned char *before, *after;
	size_t n_before, n_after;

	make_store(fx->path, 3);
	/* The directory open to all, as the file's own would be; the file not. */
	assert_int_equal(chmod(fx->dir, 0777), 0);
	assert_int_equal(chmod(fx->path, 0444), 0);
	before = read_all(fx->path, &n_before);
	as_reader(reads_and_refuses_writes, fx->path, "the file is read-only");
	after = read_all(fx->path, &n_after);
	assert_int_equal(n_before, n_after);
	assert_memory_equal(before, after, n_before);
	free(before);
	free(after);
}

static void store_in_a_read_only_directory_is_read(void **state)
{
	fixture *fx = *state;
	unsigned char *before, *after;
	size_t n_before, n_after;
	char why[600], wal[700];

	make_store(fx->path, 3);
	/* The file writable by all: only the directory stops the WAL's files. */
	assert_int_equal(chmod(fx->path, 0666), 0);
	assert_int_equal(chmod(fx->dir, 0555), 0);
	snprintf(why, sizeof(why), "its directory %s is not writable", fx->dir);
	before = read_all(fx->path, &n_before);
	as_reader(reads_and_refuses_writes, fx->path, why);
	snprintf(wal, sizeof(wal), "%s-wal", fx->path);
	assert_false(exists(wal));
	after = read_all(fx->path, &n_after);
	assert_int_equal(n_before, n_after);
	assert_memory_equal(before, after, n_before);
	free(before);
	free(after);
}

static void read_only_file_in_a_read_only_directory_is_read(void **state)
{
	fixture *fx = *state;
	unsigned char *before, *after;
	size_t n_before, n_after;
	char wal[700];

	make_store(fx->path, 3);
	assert_int_equal(chmod(fx->path, 0444), 0);
	assert_int_equal(chmod(fx->dir, 0555), 0);
	before = read_all(fx->path, &n_before);
	as_reader(reads_and_refuses_writes, fx->path, "the file is read-only");
	snprintf(wal, sizeof(wal), "%s-wal", fx->path);
	assert_false(exists(wal));
	after = read_all(fx->path, &n_after);
	assert_int_equal(n_before, n_after);
	assert_memory_equal(before, after, n_before);
	free(before);
	free(after);
}

/* No store at `path`, in a directory that cannot be written: refused, naming the file and why. */
static void refuses_new_store(const char *path, const char *why)
{
	iv_db *db = NULL;
	int rc = iv_db_open(&db, path);
	const char *msg = iv_error_message();

	iv_db_free(db);
	CHECK(rc == IV_ESTORAGE && db == NULL, "opening %s gave %d: %s", path, rc, msg);
	CHECK(strstr(msg, path) && strstr(msg, why) && strlen(msg) < 160 + 2 * strlen(path),
	      "the refusal says \"%s\"", msg);
	CHECK(!strstr(msg, "CREATE ") && !strstr(msg, "IV_E"), "the refusal shows SQL: \"%s\"", msg);
	CHECK(!exists(path), "%s was made", path);
}

static void new_store_in_a_read_only_directory_names_it(void **state)
{
	fixture *fx = *state;
	char why[700];

	/* Root creates files anywhere: as_reader() runs the open as the user nobody. */
	assert_int_equal(chmod(fx->dir, 0555), 0);
	snprintf(why, sizeof(why), "its directory %s is not writable (%s)", fx->dir, strerror(EACCES));
	as_reader(refuses_new_store, fx->path, why);
}

/* --- A full disk at close ---------------------------------------------------- */

/*
 * In a private mount namespace, a 2 MiB tmpfs: a transaction whose pages
 * fit in the WAL, then a file that takes the rest of the space, so that
 * copying the WAL into the store at close finds no room. The close must
 * say so; and once there is room, nothing is lost.
 */
static int full_disk_at_close(const char *dir)
{
	char mnt[600], path[700], filler[700], name[32], notes[2000];
	static char block[65536];
	iv_contact_iter *it;
	iv_contact *c;
	iv_db *db;
	int i, fd, n = 0, want = 120;

	if (unshare(CLONE_NEWNS) != 0) {
		printf("SKIP: no mount namespace of our own (%s): the full disk is not tested\n", strerror(errno));
		return SKIP;
	}
	snprintf(mnt, sizeof(mnt), "%s/mnt", dir);
	if (mkdir(mnt, 0700) != 0 || mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0 ||
	    mount("tmpfs", mnt, "tmpfs", 0, "size=2m") != 0) {
		printf("SKIP: cannot mount a small tmpfs (%s): the full disk is not tested\n", strerror(errno));
		return SKIP;
	}
	snprintf(path, sizeof(path), "%s/store.db", mnt);
	snprintf(filler, sizeof(filler), "%s/filler", mnt);
	memset(notes, 'n', sizeof(notes) - 1);
	notes[sizeof(notes) - 1] = '\0';
	if (iv_db_open(&db, path) != 0 || iv_db_begin(db) != 0)
		goto fail;
	for (i = 0; i < want; i++) {
		snprintf(name, sizeof(name), "Person %d", i);
		if (iv_contact_new(&c) != 0 || iv_contact_set_name(c, name) != 0 || iv_contact_set_notes(c, notes) != 0 ||
		    iv_contact_insert(db, c) != 0)
			goto fail;
		iv_contact_free(c);
	}
	if (iv_db_commit(db) != 0)
		goto fail;
	if ((fd = open(filler, O_WRONLY | O_CREAT, 0600)) < 0)
		goto fail;
	while (write(fd, block, sizeof(block)) > 0)
		;
	while (write(fd, block, 512) > 0)
		;
	close(fd);
	iv_error_clear();
	iv_db_free(db);
	printf("the close said: %s\n", iv_error_message());
	if (iv_error_code() != IV_ESTORAGE || !strstr(iv_error_message(), path) ||
	    !strstr(iv_error_message(), "-wal") || !strstr(iv_error_message(), "nothing is lost")) {
		printf("FAIL: the close of a store on a full disk did not say what was not written\n");
		return 1;
	}
	/* Room again: every contact is there. */
	unlink(filler);
	if (iv_db_open(&db, path) != 0 || iv_contact_list(&it, db, NULL) != 0)
		goto fail;
	while (iv_contact_iter_next(&c, it) == 0) {
		iv_contact_free(c);
		n++;
	}
	iv_contact_iter_free(it);
	iv_db_free(db);
	if (n != want) {
		printf("FAIL: %d of %d contacts after the full disk\n", n, want);
		return 1;
	}
	umount(mnt);
	printf("1 passed, 0 failed\n");
	return 0;
fail:
	printf("FAIL: %s\n", iv_error_message());
	return 1;
}

static int full_disk_main(void)
{
	char dir[512];
	const char *tmp = getenv("TMPDIR");
	int rc;

	if (!tmp || tmp[0] != '/')
		tmp = "/tmp";
	snprintf(dir, sizeof(dir), "%s/iv-full-XXXXXX", tmp);
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	rc = full_disk_at_close(dir);
	/* The mount goes with the namespace, when this process ends. */
	{
		char mnt[600];
		snprintf(mnt, sizeof(mnt), "%s/mnt", dir);
		umount(mnt);
		rmdir(mnt);
		rmdir(dir);
	}
	return rc;
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(schema_fingerprint_is_todays),
		T(missing_table_is_found_at_open),
		T(missing_search_table_is_found_at_open),
		T(missing_search_shadow_table_is_found_at_open),
		T(missing_column_is_found_at_open),
		T(missing_index_is_found_at_open),
		T(altered_index_is_found_at_open),
		T(index_changed_in_place_is_found_at_open),
		T(missing_trigger_is_found_at_open),
		T(damaged_older_store_is_refused_unmigrated),
		T(additions_of_the_users_own_are_accepted),
		T(cut_short_store_is_refused_untouched),
		T(corrupt_pages_are_reported_untouched),
		T(directory_at_the_path_is_refused),
		T(symlink_to_a_store_opens_the_store),
		T(read_only_file_is_read),
		T(store_in_a_read_only_directory_is_read),
		T(read_only_file_in_a_read_only_directory_is_read),
		T(new_store_in_a_read_only_directory_names_it),
#undef T
	};

	if (argc > 1 && strcmp(argv[1], "full-disk") == 0)
		return full_disk_main();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * libpq is loaded only when PostgreSQL is asked for (lib/backends/postgres_pq.c).
 *
 * This program links the library alone, as a user's program does, and
 * reads /proc/self/maps: opening and writing SQLite and memory stores maps
 * no libpq; asking whether PostgreSQL is available, or opening a
 * PostgreSQL store, loads it where the library was built with the backend
 * (IV_TEST_POSTGRES), and gives the same answers as a library linking it
 * would: a server that is not there is a storage error naming the
 * connection.
 *
 *     test_libpq_lazy unloadable FILE WORD
 * checks instead, with INFOVIEW_LIBPQ set to FILE, a file that is not
 * libpq, that PostgreSQL is refused as unavailable, with a message holding
 * WORD, and that SQLite stores still work. (The arguments hold no spaces:
 * CI's valgrind pass splits a ctest's command line on them.)
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <infoview/infoview.h>

/* Whether a library whose file name starts with `name` is mapped into this process. */
static int mapped(const char *name)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[4096];
	const char *base;
	int found = 0;

	assert_non_null(f);
	while (!found && fgets(line, sizeof(line), f)) {
		base = strrchr(line, '/');
		found = base && strncmp(base + 1, name, strlen(name)) == 0;
	}
	fclose(f);
	return found;
}

static void write_one(iv_db *db)
{
	iv_contact *c = NULL;

	assert_int_equal(iv_contact_new(&c), 0);
	assert_int_equal(iv_contact_set_name(c, "Ana Direct"), 0);
	assert_int_equal(iv_contact_insert(db, c), 0);
	iv_contact_free(c);
}

static void sqlite_and_memory_stores_do_not_load_libpq(void **state)
{
	char dir[] = "/tmp/iv-libpq-lazy-XXXXXX", path[64];
	iv_db *db = NULL;

	(void)state;
	assert_false(mapped("libpq.so"));
	assert_int_equal(iv_db_open(&db, ":memory:"), 0);
	write_one(db);
	iv_db_free(db);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/store.db", dir);
	assert_int_equal(iv_db_open(&db, path), 0);
	write_one(db);
	iv_db_free(db);
	unlink(path);
	rmdir(dir);
	/* Nor the libraries libpq would have brought. */
	assert_false(mapped("libpq.so"));
	assert_false(mapped("libssl.so"));
	assert_false(mapped("libldap"));
}

static void postgres_is_loaded_when_asked_for(void **state)
{
	iv_db *db = NULL;

	(void)state;
#ifdef IV_TEST_POSTGRES
	assert_int_equal(iv_postgres_available(), 1);
	assert_true(mapped("libpq.so.5"));
	/* No server there: libpq answers, through the loaded functions. */
	assert_int_equal(iv_db_open(&db, "postgresql:///infoview?host=/nonexistent-iv-dir"), IV_ESTORAGE);
	assert_non_null(strstr(iv_error_last()->message, "cannot connect to the server"));
	assert_int_equal(iv_postgres_init("host=/nonexistent-iv-dir dbname=x"), IV_ESTORAGE);
#else
	assert_int_equal(iv_postgres_available(), 0);
	assert_false(mapped("libpq.so"));
	assert_int_equal(iv_db_open(&db, "postgresql:///infoview?host=/nonexistent-iv-dir"), IV_ENOTFOUND);
#endif
	assert_null(db);
}

static const char *unloadable_words;

/* INFOVIEW_LIBPQ (set by main()) names no libpq: refused, saying why, once and again. */
static void postgres_is_refused_when_libpq_cannot_be_loaded(void **state)
{
	iv_db *db = NULL;
	int i;

	(void)state;
	assert_non_null(getenv("INFOVIEW_LIBPQ"));
	for (i = 0; i < 2; i++) {
		assert_int_equal(iv_db_open(&db, "postgresql:///infoview?host=/nonexistent-iv-dir"), IV_ENOTFOUND);
		assert_null(db);
		assert_non_null(strstr(iv_error_last()->message, "libpq cannot be loaded"));
		assert_non_null(strstr(iv_error_last()->message, unloadable_words));
		assert_int_equal(iv_postgres_add_user("host=/nonexistent-iv-dir", "ana"), IV_ENOTFOUND);
		assert_non_null(strstr(iv_error_last()->message, unloadable_words));
	}
	/* Asking sets no error. */
	iv_error_clear();
	assert_int_equal(iv_postgres_available(), 0);
	assert_int_equal(iv_error_code(), 0);
	assert_false(mapped("libpq.so"));
	sqlite_and_memory_stores_do_not_load_libpq(state);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sqlite_and_memory_stores_do_not_load_libpq),
		cmocka_unit_test(postgres_is_loaded_when_asked_for),
	};
	const struct CMUnitTest unloadable[] = {
		cmocka_unit_test(postgres_is_refused_when_libpq_cannot_be_loaded),
	};

	if (argc == 4 && strcmp(argv[1], "unloadable") == 0) {
		if (setenv("INFOVIEW_LIBPQ", argv[2], 1) != 0)
			return 1;
		unloadable_words = argv[3];
		return cmocka_run_group_tests(unloadable, NULL, NULL);
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Durability per store (issue 12): iv_db_set_durability() sets SQLite's
 * synchronous mode on the library's own connection (read back through it,
 * caught with an auto-extension, since the mode belongs to a connection),
 * keeps it in the store for the next opening, waits for the end of a
 * transaction, follows a rollback, and refuses what is not a durability.
 * On the memory backend it is kept and changes nothing.
 *
 * SPDX-License-Identifier: MIT
 */
#include <infoview/infoview.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

/* SQLite's values of PRAGMA synchronous. */
#define SYNC_NORMAL 1
#define SYNC_FULL 2

/* The connection the library opened last, caught as it opens. */
static sqlite3 *caught;

static int on_open(sqlite3 *db, char **err, const sqlite3_api_routines *api)
{
	(void)err;
	(void)api;
	caught = db;
	return SQLITE_OK;
}

static int synchronous(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int v = -1;

	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA synchronous", -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

struct fx {
	char path[64];
	iv_db *db;
	sqlite3 *conn; /* the library's connection of db */
};

static void reopen(struct fx *fx)
{
	iv_db_free(fx->db);
	fx->db = NULL;
	caught = NULL;
	assert_int_equal(iv_db_open(&fx->db, fx->path), 0);
	assert_non_null(caught);
	fx->conn = caught;
}

static int setup(void **state)
{
	struct fx *fx = calloc(1, sizeof(*fx));
	int fd;

	if (!fx)
		return -1;
	snprintf(fx->path, sizeof(fx->path), "/tmp/iv-durability-XXXXXX");
	if ((fd = mkstemp(fx->path)) < 0)
		return -1;
	close(fd);
	unlink(fx->path);
	if (sqlite3_auto_extension((void (*)(void))on_open) != SQLITE_OK)
		return -1;
	reopen(fx);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fx *fx = *state;
	char aux[80];

	iv_db_free(fx->db);
	sqlite3_reset_auto_extension();
	unlink(fx->path);
	snprintf(aux, sizeof(aux), "%s-wal", fx->path);
	unlink(aux);
	snprintf(aux, sizeof(aux), "%s-shm", fx->path);
	unlink(aux);
	free(fx);
	return 0;
}

static void a_new_store_is_normal(void **state)
{
	struct fx *fx = *state;
	char *v = NULL;

	assert_int_equal(synchronous(fx->conn), SYNC_NORMAL);
	assert_int_equal(iv_db_setting_get(&v, fx->db, "iv.durability"), IV_ENOTFOUND);
}

static void full_takes_effect_at_once_and_is_kept(void **state)
{
	struct fx *fx = *state;
	char *v = NULL;

	assert_int_equal(iv_db_set_durability(fx->db, IV_DURABILITY_FULL), 0);
	assert_int_equal(synchronous(fx->conn), SYNC_FULL);
	assert_int_equal(iv_db_setting_get(&v, fx->db, "iv.durability"), 0);
	assert_string_equal(v, "full");
	iv_free(v);

	reopen(fx);
	assert_int_equal(synchronous(fx->conn), SYNC_FULL);

	assert_int_equal(iv_db_set_durability(fx->db, IV_DURABILITY_NORMAL), 0);
	assert_int_equal(synchronous(fx->conn), SYNC_NORMAL);
	assert_int_equal(iv_db_setting_get(&v, fx->db, "iv.durability"), IV_ENOTFOUND);
	reopen(fx);
	assert_int_equal(synchronous(fx->conn), SYNC_NORMAL);
}

static void inside_a_transaction_it_waits_for_the_commit(void **state)
{
	struct fx *fx = *state;

	assert_int_equal(iv_db_begin(fx->db), 0);
	assert_int_equal(iv_db_begin(fx->db), 0);
	assert_int_equal(iv_db_set_durability(fx->db, IV_DURABILITY_FULL), 0);
	assert_int_equal(iv_db_commit(fx->db), 0);
	assert_int_equal(synchronous(fx->conn), SYNC_NORMAL);
	assert_int_equal(iv_db_commit(fx->db), 0);
	assert_int_equal(synchronous(fx->conn), SYNC_FULL);
	assert_int_equal(iv_db_set_durability(fx->db, IV_DURABILITY_NORMAL), 0);
}

static void a_rolled_back_change_changes_nothing(void **state)
{
	struct fx *fx = *state;
	char *v = NULL;

	assert_int_equal(iv_db_begin(fx->db), 0);
	assert_int_equal(iv_db_set_durability(fx->db, IV_DURABILITY_FULL), 0);
	assert_int_equal(iv_db_rollback(fx->db), 0);
	assert_int_equal(synchronous(fx->conn), SYNC_NORMAL);
	assert_int_equal(iv_db_setting_get(&v, fx->db, "iv.durability"), IV_ENOTFOUND);
	reopen(fx);
	assert_int_equal(synchronous(fx->conn), SYNC_NORMAL);
}

static int interrupt_it(void *payload)
{
	(void)payload;
	return 1;
}

static int64_t contacts(iv_db *db)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	int64_t n = 0;

	assert_int_equal(iv_contact_list(&it, db, NULL), 0);
	while (iv_contact_iter_next(&c, it) == 0) {
		iv_contact_free(c);
		n++;
	}
	iv_contact_iter_free(it);
	return n;
}

static int add_contact(iv_db *db, const char *name)
{
	iv_contact *c = NULL;
	int rc;

	assert_int_equal(iv_contact_new(&c), 0);
	assert_int_equal(iv_contact_set_name(c, name), 0);
	rc = iv_contact_insert(db, c);
	iv_contact_free(c);
	return rc;
}

/*
 * After some errors (an interrupted write, a full disk, out of memory)
 * SQLite ends the caller's transaction itself. What the caller does next,
 * until it rolls back, must not be written on its own, outside any
 * transaction: it is refused, and the rollback leaves nothing.
 */
static void writes_after_sqlite_ended_the_transaction_are_refused(void **state)
{
	struct fx *fx = *state;
	iv_db *db = fx->db;
	int rc;

	assert_int_equal(iv_db_begin(db), 0);
	assert_int_equal(add_contact(db, "Ada"), 0);
	/* Every statement of the next call is interrupted: SQLite rolls the transaction back. */
	sqlite3_progress_handler(fx->conn, 1, interrupt_it, NULL);
	assert_true(add_contact(db, "Bea") < 0);
	sqlite3_progress_handler(fx->conn, 0, NULL, NULL);
	assert_true(sqlite3_get_autocommit(fx->conn));
	/* The caller carries on regardless. */
	rc = add_contact(db, "Cy");
	assert_int_equal(rc, IV_ESTORAGE);
	assert_non_null(strstr(iv_error_message(), "rolled back"));
	assert_int_equal(iv_db_begin(db), IV_ESTORAGE);
	rc = iv_db_rollback(db);
	if (rc != 0)
		fail_msg("rollback: %d %s", rc, iv_error_message());
	assert_int_equal(iv_db_transaction_depth(db), 0);
	assert_int_equal(contacts(db), 0);
	/* And the store works on. */
	assert_int_equal(add_contact(db, "Dee"), 0);
	assert_int_equal(contacts(db), 1);
}

static void other_values_are_refused(void **state)
{
	struct fx *fx = *state;

	assert_int_equal(iv_db_set_durability(fx->db, 2), IV_EINVALID);
	assert_non_null(strstr(iv_error_message(), "durability"));
	assert_int_equal(iv_db_set_durability(fx->db, -1), IV_EINVALID);
	assert_int_equal(iv_db_set_durability(NULL, IV_DURABILITY_FULL), IV_EINVALID);
	assert_int_equal(synchronous(fx->conn), SYNC_NORMAL);
	/* A user cannot write the library's key around the function. */
	assert_int_equal(iv_db_setting_set(fx->db, "iv.durability", "full"), IV_EINVALID);
}

static void the_names_are_known(void **state)
{
	int v = -1;

	(void)state;
	assert_string_equal(iv_enum_name("durability", IV_DURABILITY_FULL), "full");
	assert_int_equal(iv_enum_value(&v, "durability", "normal"), 0);
	assert_int_equal(v, IV_DURABILITY_NORMAL);
}

static void the_memory_store_keeps_it_and_nothing_changes(void **state)
{
	iv_db *mem = NULL;
	char *v = NULL;

	(void)state;
	assert_int_equal(iv_db_open_memory(&mem), 0);
	assert_int_equal(iv_db_set_durability(mem, IV_DURABILITY_FULL), 0);
	assert_int_equal(iv_db_setting_get(&v, mem, "iv.durability"), 0);
	assert_string_equal(v, "full");
	iv_free(v);
	iv_db_free(mem);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_new_store_is_normal, setup, teardown),
		cmocka_unit_test_setup_teardown(full_takes_effect_at_once_and_is_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(inside_a_transaction_it_waits_for_the_commit, setup, teardown),
		cmocka_unit_test_setup_teardown(a_rolled_back_change_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(other_values_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(writes_after_sqlite_ended_the_transaction_are_refused, setup, teardown),
		cmocka_unit_test(the_names_are_known),
		cmocka_unit_test(the_memory_store_keeps_it_and_nothing_changes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * The write paths made fast for bulk inserts (issue 10), run against each
 * backend:
 *
 *     test_write_paths memory
 *     test_write_paths sqlite
 *
 * Inside the caller's transaction an insert of the SQLite backend goes
 * without a savepoint of the core's, keeps the number it gives in the
 * handle until something could read it, and looks its references up only
 * when the insert fails. What a caller sees stays as it was: numbers are
 * consecutive and read back right at any moment, a rolled-back savepoint
 * or transaction takes its numbers back, a failed insert writes nothing
 * and says which reference is missing.
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

#include <sqlite3.h>
#include <infoview/infoview.h>

#include "fixture.h"

typedef char id_t_[IV_ID_LEN + 1];

/* An id no record has. */
#define NOBODY "0190a000-0000-7000-8000-000000000001"

static int64_t add_contact(iv_db *db, const char *name, int cadence, char *out)
{
	iv_contact *c = NULL;
	int64_t n;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, name));
	ok(iv_contact_set_cadence_days(c, cadence));
	ok(iv_contact_insert(db, c));
	if (out)
		strcpy(out, iv_contact_id(c));
	n = iv_contact_number(c);
	iv_contact_free(c);
	return n;
}

static void assert_setting(iv_db *db, const char *key, const char *expected)
{
	char *value = NULL;

	ok(iv_db_setting_get(&value, db, key));
	assert_string_equal(value, expected);
	iv_free(value);
}

static int64_t stored_number(iv_db *db, const char *id)
{
	iv_contact *c = NULL;
	int64_t n;

	ok(iv_contact_lookup(&c, db, id));
	n = iv_contact_number(c);
	iv_contact_free(c);
	return n;
}

static void numbers_inside_a_transaction_are_consecutive_and_read_back_at_once(void **state)
{
	iv_fixture *fx = *state;
	id_t_ a, d;

	ok(iv_db_begin(fx->db));
	assert_int_equal(add_contact(fx->db, "Ada", 0, a), 1);
	assert_int_equal(add_contact(fx->db, "Bea", 0, NULL), 2);
	assert_int_equal(add_contact(fx->db, "Cam", 0, NULL), 3);
	/* Read inside the transaction, between inserts. */
	assert_setting(fx->db, "iv.number.contact", "3");
	assert_int_equal(stored_number(fx->db, a), 1);
	assert_int_equal(add_contact(fx->db, "Dana", 0, d), 4);
	ok(iv_db_commit(fx->db));
	assert_setting(fx->db, "iv.number.contact", "4");
	assert_int_equal(stored_number(fx->db, d), 4);
	assert_int_equal(add_contact(fx->db, "Eli", 0, NULL), 5);
}

static void a_rolled_back_savepoint_takes_its_numbers_back(void **state)
{
	iv_fixture *fx = *state;
	iv_contact *c = NULL;
	id_t_ b;

	ok(iv_db_begin(fx->db));
	assert_int_equal(add_contact(fx->db, "Ada", 0, NULL), 1);
	ok(iv_db_begin(fx->db));
	assert_int_equal(add_contact(fx->db, "Bea", 0, b), 2);
	assert_int_equal(add_contact(fx->db, "Cam", 0, NULL), 3);
	ok(iv_db_rollback(fx->db));
	check(iv_contact_lookup(&c, fx->db, b), IV_ENOTFOUND);
	assert_int_equal(add_contact(fx->db, "Dana", 0, NULL), 2);
	ok(iv_db_commit(fx->db));
	assert_setting(fx->db, "iv.number.contact", "2");
}

static void a_rolled_back_transaction_gives_its_numbers_again(void **state)
{
	iv_fixture *fx = *state;
	char *value = NULL;

	ok(iv_db_begin(fx->db));
	assert_int_equal(add_contact(fx->db, "Ada", 0, NULL), 1);
	assert_int_equal(add_contact(fx->db, "Bea", 0, NULL), 2);
	ok(iv_db_rollback(fx->db));
	check(iv_db_setting_get(&value, fx->db, "iv.number.contact"), IV_ENOTFOUND);
	ok(iv_db_begin(fx->db));
	assert_int_equal(add_contact(fx->db, "Cam", 0, NULL), 1);
	ok(iv_db_commit(fx->db));
	assert_setting(fx->db, "iv.number.contact", "1");
}

/* Inserts an introduction by -> to; returns the error, with the record's number and id in *n and out. */
static int try_intro(iv_db *db, const char *by, const char *to, int64_t *n, int *has_id)
{
	iv_intro *in = NULL;
	int rc;

	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, by));
	ok(iv_intro_set_introduced(in, to));
	rc = iv_intro_insert(db, in);
	*n = iv_intro_number(in);
	*has_id = iv_intro_id(in) != NULL;
	iv_intro_free(in);
	return rc;
}

static void a_failed_insert_in_a_transaction_writes_nothing_and_names_the_missing_reference(void **state)
{
	iv_fixture *fx = *state;
	iv_followup *fu = NULL;
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	int64_t n = 0;
	int has_id = 0, count = 0;
	id_t_ a, b;

	add_contact(fx->db, "Ada", 0, a);
	add_contact(fx->db, "Bea", 0, b);
	ok(iv_db_begin(fx->db));
	check(try_intro(fx->db, NOBODY, b, &n, &has_id), IV_ENOTFOUND);
	assert_string_equal(iv_error_last()->message, "intro.introducer: contact " NOBODY " not found");
	assert_int_equal(n, 0);
	assert_false(has_id);
	check(try_intro(fx->db, a, NOBODY, &n, &has_id), IV_ENOTFOUND);
	assert_string_equal(iv_error_last()->message, "intro.introduced: contact " NOBODY " not found");
	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, NOBODY));
	ok(iv_followup_set_due(fu, fx->now + 86400));
	check(iv_followup_insert(fx->db, fu), IV_ENOTFOUND);
	assert_string_equal(iv_error_last()->message, "followup.contact: contact " NOBODY " not found");
	ok(iv_followup_set_contact(fu, a));
	ok(iv_followup_set_interview(fu, NOBODY));
	check(iv_followup_insert(fx->db, fu), IV_ENOTFOUND);
	assert_string_equal(iv_error_last()->message, "followup.interview: interview " NOBODY " not found");
	assert_null(iv_followup_id(fu));
	assert_int_equal(iv_followup_number(fu), 0);
	iv_followup_free(fu);
	/* The failures took no number. */
	check(try_intro(fx->db, a, b, &n, &has_id), IV_OK);
	assert_int_equal(n, 1);
	ok(iv_db_commit(fx->db));
	ok(iv_intro_list(&it, fx->db, NULL));
	while (iv_intro_iter_next(&in, it) == 0) {
		count++;
		iv_intro_free(in);
		in = NULL;
	}
	iv_intro_iter_free(it);
	assert_int_equal(count, 1);
	assert_setting(fx->db, "iv.number.intro", "1");
	{
		char *value = NULL;
		check(iv_db_setting_get(&value, fx->db, "iv.number.followup"), IV_ENOTFOUND);
	}
}

static void a_duplicate_id_in_a_transaction_is_refused_and_takes_no_number(void **state)
{
	iv_fixture *fx = *state;
	iv_contact *c = NULL;
	id_t_ a;

	ok(iv_db_begin(fx->db));
	assert_int_equal(add_contact(fx->db, "Ada", 0, a), 1);
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Ada again"));
	ok(iv_contact_set_id(c, a));
	check(iv_contact_insert(fx->db, c), IV_EEXISTS);
	assert_int_equal(iv_contact_number(c), 0);
	assert_str(iv_contact_id(c), a);
	iv_contact_free(c);
	assert_int_equal(add_contact(fx->db, "Bea", 0, NULL), 2);
	ok(iv_db_commit(fx->db));
	assert_setting(fx->db, "iv.number.contact", "2");
}

/* A contact with a cadence gets its check-in: the insert that writes more keeps its own savepoint. */
static void inserts_that_write_more_keep_their_numbers_in_step(void **state)
{
	iv_fixture *fx = *state;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	id_t_ b;

	ok(iv_db_begin(fx->db));
	assert_int_equal(add_contact(fx->db, "Ada", 0, NULL), 1);
	assert_int_equal(add_contact(fx->db, "Bea", 30, b), 2);
	assert_int_equal(add_contact(fx->db, "Cam", 0, NULL), 3);
	ok(iv_db_commit(fx->db));
	assert_setting(fx->db, "iv.number.contact", "3");
	f.contact = b;
	ok(iv_followup_list(&it, fx->db, &f));
	ok(iv_followup_iter_next(&fu, it));
	assert_int_equal(iv_followup_number(fu), 1);
	iv_followup_free(fu);
	iv_followup_iter_free(it);
}

/* Another connection to the same file carries on from the numbers given. */
static void another_connection_carries_on_from_the_numbers_given(void **state)
{
	iv_fixture *fx = *state;
	char path[600];
	iv_db *other = NULL;

	if (!fx->dir[0])
		skip();
	ok(iv_db_begin(fx->db));
	add_contact(fx->db, "Ada", 0, NULL);
	add_contact(fx->db, "Bea", 0, NULL);
	ok(iv_db_commit(fx->db));
	snprintf(path, sizeof(path), "%s/store.db", fx->dir);
	ok(iv_db_open(&other, path));
	ok(iv_db_begin(other));
	assert_int_equal(add_contact(other, "Cam", 0, NULL), 3);
	ok(iv_db_commit(other));
	iv_db_free(other);
	ok(iv_db_begin(fx->db));
	assert_int_equal(add_contact(fx->db, "Dana", 0, NULL), 4);
	ok(iv_db_commit(fx->db));
}

/*
 * An insert whose child rows fail (here a trigger refuses an e-mail) stores
 * nothing of the record, inside the caller's transaction too, where the
 * SQLite backend takes its main row back instead of using a savepoint.
 */
static void a_contact_whose_child_rows_fail_is_not_stored(void **state)
{
	iv_fixture *fx = *state;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL, *got = NULL;
	char path[600];
	sqlite3 *raw = NULL;
	int count = 0;

	if (!fx->dir[0])
		skip();
	snprintf(path, sizeof(path), "%s/store.db", fx->dir);
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "CREATE TRIGGER refuse BEFORE INSERT ON contact_email"
				      " WHEN new.email = 'no@example.org' BEGIN SELECT RAISE(ABORT, 'refused'); END;",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	ok(iv_db_begin(fx->db));
	add_contact(fx->db, "Ada", 0, NULL);
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Bea"));
	ok(iv_contact_add_email(c, "no@example.org"));
	check(iv_contact_insert(fx->db, c), IV_ECONSTRAINT);
	assert_non_null(strstr(iv_error_last()->message, "refused"));
	assert_null(iv_contact_id(c));
	ok(iv_contact_set_id(c, "0190a000-0000-7000-8000-0000000000b0"));
	check(iv_contact_insert(fx->db, c), IV_ECONSTRAINT);
	check(iv_contact_lookup(&got, fx->db, "0190a000-0000-7000-8000-0000000000b0"), IV_ENOTFOUND);
	iv_contact_free(c);
	assert_int_equal(add_contact(fx->db, "Cam", 0, NULL), 2);
	ok(iv_db_commit(fx->db));
	ok(iv_contact_list(&it, fx->db, NULL));
	while (iv_contact_iter_next(&got, it) == 0) {
		count++;
		iv_contact_free(got);
		got = NULL;
	}
	iv_contact_iter_free(it);
	assert_int_equal(count, 2);
}

#define T(name) cmocka_unit_test_setup_teardown(name, iv_fixture_setup, iv_fixture_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(numbers_inside_a_transaction_are_consecutive_and_read_back_at_once),
		T(a_rolled_back_savepoint_takes_its_numbers_back),
		T(a_rolled_back_transaction_gives_its_numbers_again),
		T(a_failed_insert_in_a_transaction_writes_nothing_and_names_the_missing_reference),
		T(a_duplicate_id_in_a_transaction_is_refused_and_takes_no_number),
		T(inserts_that_write_more_keep_their_numbers_in_step),
		T(another_connection_carries_on_from_the_numbers_given),
		T(a_contact_whose_child_rows_fail_is_not_stored),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

/*
 * Stores on the tests' PostgreSQL server (tests/pg/pg-server): each one as a
 * fresh login role of its own, given its space in the database with
 * iv_postgres_add_user(), so that each test starts empty; closing removes
 * the role's records and the role.
 */
#ifndef IV_TEST_PG_STORE_H
#define IV_TEST_PG_STORE_H

#include <infoview/infoview.h>
#include <infoview/postgres.h>

#include <stddef.h>

/* What the longest role name made here needs. */
#define IV_TEST_PG_ROLE_LEN 64

/*
 * The administrator's conninfo: $IV_TEST_PG, else the first line of
 * $IV_TEST_PG_DIR/conninfo (pg-server writes it); NULL, with the reason
 * printed on stderr, when neither is there.
 */
const char *iv_test_pg_conninfo(void);

/* The conninfo of `role` on the same server, into `buf`; 0, or -1 if it does not fit. */
int iv_test_pg_role_conninfo(char *buf, size_t n, const char *role);

/*
 * Makes a fresh login role ("ivt_<pid>_<n>", copied to `role`, at least
 * IV_TEST_PG_ROLE_LEN bytes) and gives it its space. 0, or -1 (printed).
 */
int iv_test_pg_role_new(char *role);

/* Removes the role's records (iv_postgres_remove_user()) and drops the role; 0 or -1 (printed). */
int iv_test_pg_role_drop(const char *role);

/* A fresh role (as iv_test_pg_role_new()) and a store opened as it; 0 or -1 (printed). */
int iv_test_pg_open(iv_db **out, char *role);

/* Frees `db` (may be NULL) and drops `role` (may be ""); 0 or -1 (printed). */
int iv_test_pg_close(iv_db *db, const char *role);

/* One SQL statement as the administrator; 0, or -1 (printed). */
int iv_test_pg_admin_exec(const char *sql);

#endif

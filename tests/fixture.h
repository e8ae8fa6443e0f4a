/*
 * A cmocka fixture shared by the per-backend suites: each test gets a fresh
 * store on the backend named on the command line, with a clock it controls.
 */
#ifndef IV_TEST_FIXTURE_H
#define IV_TEST_FIXTURE_H

#include <infoview/infoview.h>

/* Monday 2026-03-02 09:00:00 UTC: where every fixture's clock starts. */
#define IV_FIXTURE_T0 ((iv_time)1772442000)

typedef struct iv_fixture {
	iv_db *db;
	iv_time now;    /* what the store's clock says; tests move it */
	char dir[512];  /* the SQLite store's temporary directory, or "" */
	char role[64];  /* the PostgreSQL store's role, or "" */
} iv_fixture;

/*
 * The backend under test: "memory", "sqlite" or "postgresql" (the server
 * $IV_TEST_PG or $IV_TEST_PG_DIR names: see tests/pg/pg_store.h; each test
 * a role of its own).
 */
extern const char *iv_fixture_backend;

/*
 * Reads the backend from argv[1]; returns 0, or prints usage and returns -1.
 * Also sets TZ to UTC unless the caller set IV_FIXTURE_KEEP_TZ, so that
 * local-time rules are deterministic unless a test sets TZ itself.
 */
int iv_fixture_init(int argc, char **argv);

/* cmocka setup / teardown: *state becomes an iv_fixture *. */
int iv_fixture_setup(void **state);
int iv_fixture_teardown(void **state);

/* Stores a contact with a name (and company, may be NULL); copies its id to out (37 bytes). */
void iv_fixture_contact(iv_db *db, const char *name, const char *company, int known, char *out);
/* Stores an introduction by -> to with a status; copies its id to out (may be NULL). */
void iv_fixture_intro(iv_db *db, const char *by, const char *to, int status, char *out);

#endif

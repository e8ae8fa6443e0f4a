/*
 * Stores on the tests' PostgreSQL server: see pg_store.h.
 */
#include "pg_store.h"

#include <libpq-fe.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char admin_conninfo[1024];
static PGconn *admin;
static unsigned role_count;

const char *iv_test_pg_conninfo(void)
{
	const char *env = getenv("IV_TEST_PG"), *dir;
	char path[1024];
	FILE *f;
	size_t len;

	if (admin_conninfo[0])
		return admin_conninfo;
	if (env && *env) {
		if (strlen(env) >= sizeof(admin_conninfo)) {
			fprintf(stderr, "pg_store: IV_TEST_PG is too long\n");
			return NULL;
		}
		strcpy(admin_conninfo, env);
		return admin_conninfo;
	}
	dir = getenv("IV_TEST_PG_DIR");
	if (!dir || !*dir) {
		fprintf(stderr, "pg_store: set IV_TEST_PG to the administrator's conninfo of a server "
				"(tests/pg/pg-server start DIR writes it to DIR/conninfo), or IV_TEST_PG_DIR to DIR\n");
		return NULL;
	}
	if ((size_t)snprintf(path, sizeof(path), "%s/conninfo", dir) >= sizeof(path) || !(f = fopen(path, "r"))) {
		fprintf(stderr, "pg_store: cannot read %s/conninfo: is the test server running "
				"(tests/pg/pg-server start %s)?\n", dir, dir);
		return NULL;
	}
	if (!fgets(admin_conninfo, sizeof(admin_conninfo), f))
		admin_conninfo[0] = '\0';
	fclose(f);
	len = strlen(admin_conninfo);
	while (len && (admin_conninfo[len - 1] == '\n' || admin_conninfo[len - 1] == '\r'))
		admin_conninfo[--len] = '\0';
	if (!len) {
		fprintf(stderr, "pg_store: %s is empty\n", path);
		return NULL;
	}
	return admin_conninfo;
}

int iv_test_pg_role_conninfo(char *buf, size_t n, const char *role)
{
	const char *ci = iv_test_pg_conninfo();

	if (!ci)
		return -1;
	/* A keyword given twice takes its last value. */
	if ((size_t)snprintf(buf, n, "%s user=%s", ci, role) >= n)
		return -1;
	return 0;
}

/* The server's notices ("role ... does not exist, skipping") are no news here. */
static void no_notices(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static void admin_finish(void)
{
	PQfinish(admin);
	admin = NULL;
}

int iv_test_pg_admin_exec(const char *sql)
{
	const char *ci = iv_test_pg_conninfo();
	PGresult *res;
	int ok;

	if (!ci)
		return -1;
	if (admin && PQstatus(admin) != CONNECTION_OK) {
		PQfinish(admin);
		admin = NULL;
	}
	if (!admin) {
		admin = PQconnectdb(ci);
		if (PQstatus(admin) != CONNECTION_OK) {
			fprintf(stderr, "pg_store: cannot connect as the administrator (%s): %s", ci, PQerrorMessage(admin));
			PQfinish(admin);
			admin = NULL;
			return -1;
		}
		PQsetNoticeProcessor(admin, no_notices, NULL);
		atexit(admin_finish);
	}
	res = PQexec(admin, sql);
	ok = PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK;
	if (!ok)
		fprintf(stderr, "pg_store: %s: %s", sql, PQerrorMessage(admin));
	PQclear(res);
	return ok ? 0 : -1;
}

int iv_test_pg_role_new(char *role)
{
	const char *ci = iv_test_pg_conninfo();
	char sql[200];

	if (!ci)
		return -1;
	snprintf(role, IV_TEST_PG_ROLE_LEN, "ivt_%ld_%u", (long)getpid(), ++role_count);
	/* A role left by an earlier process of the same pid (killed before its teardown) goes first. */
	snprintf(sql, sizeof(sql), "DROP ROLE IF EXISTS %s", role);
	if (iv_test_pg_admin_exec(sql) < 0) {
		iv_postgres_remove_user(ci, role);
		iv_test_pg_admin_exec(sql);
	}
	snprintf(sql, sizeof(sql), "CREATE ROLE %s LOGIN", role);
	if (iv_test_pg_admin_exec(sql) < 0)
		return -1;
	if (iv_postgres_add_user(ci, role) != 0) {
		fprintf(stderr, "pg_store: iv_postgres_add_user(%s): %s\n", role, iv_error_message());
		snprintf(sql, sizeof(sql), "DROP ROLE %s", role);
		iv_test_pg_admin_exec(sql);
		return -1;
	}
	return 0;
}

int iv_test_pg_role_drop(const char *role)
{
	const char *ci = iv_test_pg_conninfo();
	char sql[200];
	int rc = 0;

	if (!ci)
		return -1;
	if (iv_postgres_remove_user(ci, role) != 0) {
		fprintf(stderr, "pg_store: iv_postgres_remove_user(%s): %s\n", role, iv_error_message());
		rc = -1;
	}
	snprintf(sql, sizeof(sql), "DROP ROLE %s", role);
	if (iv_test_pg_admin_exec(sql) < 0)
		rc = -1;
	return rc;
}

int iv_test_pg_open(iv_db **out, char *role)
{
	char ci[1200];

	*out = NULL;
	role[0] = '\0';
	if (iv_test_pg_role_new(role) < 0)
		return -1;
	if (iv_test_pg_role_conninfo(ci, sizeof(ci), role) < 0 || iv_db_open_with(out, "postgresql", ci) != 0) {
		fprintf(stderr, "pg_store: cannot open a store as %s: %s\n", role, iv_error_message());
		iv_test_pg_role_drop(role);
		role[0] = '\0';
		return -1;
	}
	return 0;
}

int iv_test_pg_close(iv_db *db, const char *role)
{
	iv_db_free(db);
	if (!role || !role[0])
		return 0;
	return iv_test_pg_role_drop(role);
}

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "fixture.h"
#ifdef IV_TEST_POSTGRES
#include "pg/pg_store.h"
#endif

const char *iv_fixture_backend;

int iv_fixture_init(int argc, char **argv)
{
	if (argc < 2 || (strcmp(argv[1], "memory") != 0 && strcmp(argv[1], "sqlite") != 0
			 && strcmp(argv[1], "postgresql") != 0)) {
		fprintf(stderr, "usage: %s memory|sqlite|postgresql\n", argv[0]);
		return -1;
	}
	iv_fixture_backend = argv[1];
	if (strcmp(argv[1], "postgresql") == 0) {
#ifdef IV_TEST_POSTGRES
		/* The server's conninfo ($IV_TEST_PG or $IV_TEST_PG_DIR), read once and checked now. */
		if (!iv_test_pg_conninfo())
			return -1;
#else
		fprintf(stderr, "%s: this test was built without PostgreSQL support (libpq)\n", argv[0]);
		return -1;
#endif
	}
	if (!getenv("IV_FIXTURE_KEEP_TZ")) {
		setenv("TZ", "UTC", 1);
		tzset();
	}
	return 0;
}

static int fixture_clock(iv_time *now, void *payload)
{
	*now = ((const iv_fixture *)payload)->now;
	return 0;
}

static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[1024];

	if (d) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) < sizeof(path))
				unlink(path);
		}
		closedir(d);
	}
	rmdir(dir);
}

int iv_fixture_teardown(void **state)
{
	iv_fixture *fx = *state;

	if (!fx)
		return 0;
	int rc = 0;

#ifdef IV_TEST_POSTGRES
	if (fx->role[0]) {
		/* Removes the role's records and the role: each test starts empty. */
		rc = iv_test_pg_close(fx->db, fx->role);
		fx->db = NULL;
	}
#endif
	iv_db_free(fx->db);
	if (fx->dir[0])
		remove_dir(fx->dir);
	free(fx);
	*state = NULL;
	return rc;
}

int iv_fixture_setup(void **state)
{
	iv_fixture *fx = calloc(1, sizeof(*fx));
	int rc = -1;

	*state = fx;
	if (!fx)
		return -1;
	fx->now = IV_FIXTURE_T0;
	if (strcmp(iv_fixture_backend, "memory") == 0) {
		rc = iv_db_open_memory(&fx->db);
	} else if (strcmp(iv_fixture_backend, "postgresql") == 0) {
#ifdef IV_TEST_POSTGRES
		/* A fresh role of its own: an empty store. */
		rc = iv_test_pg_open(&fx->db, fx->role);
#endif
	} else {
		const char *tmp = getenv("TMPDIR");
		char path[600];

		if (!tmp || tmp[0] != '/')
			tmp = "/tmp";
		snprintf(fx->dir, sizeof(fx->dir), "%s/iv-test-XXXXXX", tmp);
		if (mkdtemp(fx->dir)) {
			snprintf(path, sizeof(path), "%s/store.db", fx->dir);
			rc = iv_db_open(&fx->db, path);
		} else {
			fx->dir[0] = '\0';
		}
	}
	if (rc != 0 || iv_db_set_clock(fx->db, fixture_clock, fx) != 0) {
		fprintf(stderr, "fixture: cannot open a %s store: %s\n", iv_fixture_backend, iv_error_message());
		iv_fixture_teardown(state);
		return -1;
	}
	return 0;
}

void iv_fixture_contact(iv_db *db, const char *name, const char *company, int known, char *out)
{
	iv_contact *c = NULL;

	assert_int_equal(iv_contact_new(&c), 0);
	assert_int_equal(iv_contact_set_name(c, name), 0);
	assert_int_equal(iv_contact_set_company(c, company), 0);
	assert_int_equal(iv_contact_set_known(c, known), 0);
	assert_int_equal(iv_contact_insert(db, c), 0);
	if (out)
		memcpy(out, iv_contact_id(c), IV_ID_LEN + 1);
	iv_contact_free(c);
}

void iv_fixture_intro(iv_db *db, const char *by, const char *to, int status, char *out)
{
	iv_intro *in = NULL;

	assert_int_equal(iv_intro_new(&in), 0);
	assert_int_equal(iv_intro_set_introducer(in, by), 0);
	assert_int_equal(iv_intro_set_introduced(in, to), 0);
	assert_int_equal(iv_intro_set_status(in, status), 0);
	assert_int_equal(iv_intro_insert(db, in), 0);
	if (out)
		memcpy(out, iv_intro_id(in), IV_ID_LEN + 1);
	iv_intro_free(in);
}

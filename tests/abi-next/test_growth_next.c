/*
 * A program of the simulated next version (compiled against the patched
 * headers, see patch-headers.cmake) on the next library, whose built-in
 * backends are still at today's version: a filter member they do not know
 * (abi_next: "only the record with this id") must be applied by the core,
 * never silently ignored.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <infoview/infoview.h>
#include "../check.h"

static void add(iv_db *db, const char *name, char id[IV_ID_LEN + 1])
{
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, name));
	ok(iv_contact_set_company(c, "Acme"));
	ok(iv_contact_insert(db, c));
	strcpy(id, iv_contact_id(c));
	iv_contact_free(c);
}

static void run(const char *backend)
{
	iv_db *db = NULL;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	char a[IV_ID_LEN + 1], b[IV_ID_LEN + 1];
	char dir[] = "/tmp/iv-growth-XXXXXX", path[64];

	/* Built against the patched headers: one version past the real ones. */
	assert_true(IV_CONTACT_FILTER_VERSION >= 2);
	assert_int_equal(iv_struct_version("iv_contact_filter"), IV_CONTACT_FILTER_VERSION);
	if (strcmp(backend, "sqlite") == 0) {
		assert_non_null(mkdtemp(dir));
		snprintf(path, sizeof(path), "%s/s.db", dir);
		ok(iv_db_open_with(&db, backend, path));
	} else {
		ok(iv_db_open_with(&db, backend, NULL));
	}
	add(db, "Ada", a);
	add(db, "Bea", b);
	f.company = "acme";
	f.abi_next = b;
	ok(iv_contact_list(&it, db, &f));
	ok(iv_contact_iter_next(&c, it));
	assert_string_equal(iv_contact_id(c), b);
	iv_contact_free(c);
	check(iv_contact_iter_next(&c, it), IV_ITEROVER);
	iv_contact_iter_free(it);
	iv_db_free(db);
	if (strcmp(backend, "sqlite") == 0) {
		unlink(path);
		rmdir(dir);
	}
	(void)a;
}

static void a_filter_member_a_backend_does_not_know_is_applied_by_the_core(void **state)
{
	(void)state;
	run("memory");
	run("sqlite");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_filter_member_a_backend_does_not_know_is_applied_by_the_core),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

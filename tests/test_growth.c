/*
 * A program compiled against today's headers, run on today's library and
 * (as the ctest growth_next) on one built with a simulated next version of
 * every versioned struct. Each struct it hands the library is allocated at
 * exactly the size it knows, followed by guard bytes: the library must not
 * write past it (checked here), nor read past it (ASan and valgrind check
 * that), and everything must behave as it does today.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <infoview/infoview.h>
#include <infoview/sys/backend.h>
#include "check.h"

#define GUARD 32
#define GUARD_BYTE 0xA5

/* A struct of `size` bytes with guard bytes after it, zeroed. */
static void *guarded(size_t size)
{
	unsigned char *p = malloc(size + GUARD);

	assert_non_null(p);
	memset(p, 0, size);
	memset(p + size, GUARD_BYTE, GUARD);
	return p;
}

static void guard_intact(void *p, size_t size)
{
	const unsigned char *g = (const unsigned char *)p + size;
	size_t i;

	for (i = 0; i < GUARD; i++)
		if (g[i] != GUARD_BYTE)
			FAIL("byte %zu past a %zu-byte struct was written\n", i, size);
	free(p);
}

/* An exact-size copy: reading past it is what ASan and valgrind catch. */
static void *exact(const void *src, size_t size)
{
	void *p = malloc(size);

	assert_non_null(p);
	memcpy(p, src, size);
	return p;
}

static int expect_next(void)
{
	const char *e = getenv("IV_GROWTH_EXPECT_NEXT");
	return e && strcmp(e, "1") == 0;
}

static void the_library_is_the_one_expected(void **state)
{
	unsigned int want = IV_CONTACT_FILTER_VERSION + (expect_next() ? 1 : 0);

	(void)state;
	assert_int_equal(iv_struct_version("iv_contact_filter"), want);
	assert_int_equal(iv_struct_version("iv_backend"), IV_BACKEND_VERSION + (expect_next() ? 1 : 0));
	/* The size of the version this program knows is what it sees. */
	assert_int_equal(iv_struct_size("iv_contact_filter", IV_CONTACT_FILTER_VERSION),
			 offsetof(iv_contact_filter, url) + sizeof(const char *));
	/* A released version keeps its size: version 1 ended at the name. */
	assert_int_equal(iv_struct_size("iv_contact_filter", 1),
			 offsetof(iv_contact_filter, name) + sizeof(const char *));
	assert_int_equal(iv_struct_size("iv_rules", IV_RULES_VERSION),
			 offsetof(iv_rules, plan_day) + sizeof(int));
	/* Version 1 (0.1.0) ended at report_back_days. */
	assert_int_equal(iv_struct_size("iv_rules", 1), offsetof(iv_rules, report_back_days) + sizeof(int));
}

static void add_contact(iv_db *db, const char *name, const char *company)
{
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, name));
	ok(iv_contact_set_company(c, company));
	ok(iv_contact_insert(db, c));
	iv_contact_free(c);
}

static size_t count_contacts(iv_db *db, const iv_contact_filter *f)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	size_t n = 0;
	int rc;

	ok(iv_contact_list(&it, db, f));
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		n++;
		iv_contact_free(c);
	}
	check(rc, IV_ITEROVER);
	iv_contact_iter_free(it);
	return n;
}

static void filters_are_read_and_written_at_the_callers_size(void **state)
{
	iv_db *db = NULL;
	iv_contact_filter *f = guarded(sizeof(*f)), *copy;
	iv_intro_filter *fi = guarded(sizeof(*fi));
	iv_interview_filter *fv = guarded(sizeof(*fv));
	iv_followup_filter *ff = guarded(sizeof(*ff));
	iv_intro_iter *ii = NULL;
	iv_interview_iter *vi = NULL;
	iv_followup_iter *fi_it = NULL;

	(void)state;
	ok(iv_db_open_memory(&db));
	add_contact(db, "Ada", "Acme");
	add_contact(db, "Bea", "Acme");
	add_contact(db, "Cy", "Initech");

	ok(iv_contact_filter_init(f, IV_CONTACT_FILTER_VERSION));
	assert_int_equal(f->version, IV_CONTACT_FILTER_VERSION);
	f->company = "acme";
	copy = exact(f, sizeof(*f));
	assert_int_equal(count_contacts(db, copy), 2);
	free(copy);
	guard_intact(f, sizeof(*f));

	ok(iv_intro_filter_init(fi, IV_INTRO_FILTER_VERSION));
	ok(iv_interview_filter_init(fv, IV_INTERVIEW_FILTER_VERSION));
	ok(iv_followup_filter_init(ff, IV_FOLLOWUP_FILTER_VERSION));
	ok(iv_intro_list(&ii, db, fi));
	ok(iv_interview_list(&vi, db, fv));
	ok(iv_followup_list(&fi_it, db, ff));
	iv_intro_iter_free(ii);
	iv_interview_iter_free(vi);
	iv_followup_iter_free(fi_it);
	guard_intact(fi, sizeof(*fi));
	guard_intact(fv, sizeof(*fv));
	guard_intact(ff, sizeof(*ff));
	iv_db_free(db);
}

static void options_are_read_and_written_at_the_callers_size(void **state)
{
	iv_db *db = NULL;
	iv_agenda_options *ao = guarded(sizeof(*ao));
	iv_search_options *so = guarded(sizeof(*so));
	iv_draft_options *dopt = guarded(sizeof(*dopt));
	iv_agenda_iter *ai = NULL;
	iv_search_iter *si = NULL;
	iv_search_hit *hit = NULL;
	void *copy;

	(void)state;
	ok(iv_db_open_memory(&db));
	add_contact(db, "Ada Lovelace", "Acme");

	ok(iv_agenda_options_init(ao, IV_AGENDA_OPTIONS_VERSION));
	ao->at = 1772442000;
	copy = exact(ao, sizeof(*ao));
	ok(iv_agenda(&ai, db, copy));
	iv_agenda_iter_free(ai);
	free(copy);
	guard_intact(ao, sizeof(*ao));

	ok(iv_search_options_init(so, IV_SEARCH_OPTIONS_VERSION));
	so->limit = 5;
	copy = exact(so, sizeof(*so));
	ok(iv_search(&si, db, "lovel", copy));
	ok(iv_search_iter_next(&hit, si));
	assert_int_equal(iv_search_hit_kind(hit), IV_SEARCH_CONTACT);
	iv_search_hit_free(hit);
	iv_search_iter_free(si);
	free(copy);
	guard_intact(so, sizeof(*so));

	ok(iv_draft_options_init(dopt, IV_DRAFT_OPTIONS_VERSION));
	assert_null(dopt->template_text);
	guard_intact(dopt, sizeof(*dopt));
	iv_db_free(db);
}

static void rules_get_fills_only_the_callers_version(void **state)
{
	iv_db *db = NULL;
	iv_rules *r = guarded(sizeof(*r)), *copy;

	(void)state;
	ok(iv_db_open_memory(&db));
	ok(iv_rules_init(r, IV_RULES_VERSION));
	r->nudge_other_days = 4;
	copy = exact(r, sizeof(*r));
	ok(iv_rules_set(db, copy));
	free(copy);
	memset(r, 0, sizeof(*r));
	r->version = IV_RULES_VERSION;
	ok(iv_rules_get(r, db));
	assert_int_equal(r->version, IV_RULES_VERSION); /* not the library's newer one */
	assert_int_equal(r->nudge_other_days, 4);
	assert_int_equal(r->thank_due, 24 * HOUR);
	guard_intact(r, sizeof(*r));
	iv_db_free(db);
}

/* A backend's own fields follow the iv_backend it embeds. */
struct my_backend {
	iv_backend base;
	uint64_t mine;
};

static void backend_init_touches_only_its_version(void **state)
{
	struct my_backend b;
	iv_backend_iter *it = guarded(sizeof(*it));

	(void)state;
	memset(&b, 0xFF, sizeof(b));
	b.mine = 0x1234567890abcdefULL;
	ok(iv_backend_init(&b.base, IV_BACKEND_VERSION));
	assert_int_equal(b.base.version, IV_BACKEND_VERSION);
	assert_null(b.base.search);
	assert_true(b.mine == 0x1234567890abcdefULL);
	guard_intact(it, sizeof(*it));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_library_is_the_one_expected),
		cmocka_unit_test(filters_are_read_and_written_at_the_callers_size),
		cmocka_unit_test(options_are_read_and_written_at_the_callers_size),
		cmocka_unit_test(rules_get_fills_only_the_callers_version),
		cmocka_unit_test(backend_init_touches_only_its_version),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

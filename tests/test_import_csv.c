/*
 * CSV imports end to end, through iv_import_file() and iv_import() on
 * every built-in backend: what lands in the store, what a second import
 * of the same file does, dry runs, and hostile files that write nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <infoview/infoview.h>
#include "check.h"
#include "fixture.h"

#define T(name) cmocka_unit_test_setup_teardown(name, iv_fixture_setup, iv_fixture_teardown)

/* Noon UTC of 2024-03-12, as LinkedIn's "12 Mar 2024" is stored. */
#define MAR_12_2024 ((iv_time)1710244800)

static const char *data_path(const char *name)
{
	static char path[1024];

	snprintf(path, sizeof(path), "%s/%s", IV_IMPORT_DATA, name);
	return path;
}

/* The file's report, asserting success. */
static iv_import_report *import_ok(iv_db *db, int format, const char *name, const iv_import_options *opts)
{
	iv_import_report *r = NULL;

	ok(iv_import_file(&r, db, format, data_path(name), opts));
	assert_non_null(r);
	return r;
}

static void assert_report(const iv_import_report *r, size_t added, size_t merged, size_t unchanged,
			  size_t skipped)
{
	assert_int_equal(iv_import_report_added(r), added);
	assert_int_equal(iv_import_report_merged(r), merged);
	assert_int_equal(iv_import_report_unchanged(r), unchanged);
	assert_int_equal(iv_import_report_skipped(r), skipped);
}

static size_t count(iv_db *db)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	size_t n = 0;
	int rc;

	ok(iv_contact_list(&it, db, NULL));
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		n++;
		iv_contact_free(c);
	}
	check(rc, IV_ITEROVER);
	iv_contact_iter_free(it);
	return n;
}

/* The one contact with this name; free with iv_contact_free(). */
static iv_contact *by_name(iv_db *db, const char *name)
{
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL, *extra = NULL;

	f.name = name;
	ok(iv_contact_list(&it, db, &f));
	ok(iv_contact_iter_next(&c, it));
	check(iv_contact_iter_next(&extra, it), IV_ITEROVER);
	iv_contact_iter_free(it);
	return c;
}

/* Writes `len` bytes to a new temporary file; its path in `path`. */
static void temp_file(char path[256], const char *text, size_t len)
{
	const char *tmp = getenv("TMPDIR");
	int fd;

	snprintf(path, 256, "%s/iv-csv-XXXXXX", tmp && tmp[0] == '/' ? tmp : "/tmp");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
}

/* ------------------------------------------------------------------ */

static void linkedin_import_stores_every_field(void **state)
{
	iv_fixture *fx = *state;
	iv_import_report *r = import_ok(fx->db, IV_FORMAT_LINKEDIN, "linkedin_connections.csv", NULL);
	iv_contact *c;

	assert_report(r, 10, 0, 0, 1);
	assert_int_equal(iv_import_report_skipped_line(r, 0), 11);
	assert_str(iv_import_report_skipped_reason(r, 0), "no name");
	iv_import_report_free(r);
	assert_int_equal(count(fx->db), 10);

	c = by_name(fx->db, "Ada Okafor");
	assert_str(iv_contact_url(c), "https://www.linkedin.com/in/ada-okafor-example");
	assert_int_equal(iv_contact_email_count(c), 1);
	assert_str(iv_contact_email_at(c, 0), "ada.okafor@example.com");
	assert_str(iv_contact_company(c), "Meridian Pharma");
	assert_str(iv_contact_title(c), "Clinical Data Manager");
	assert_int_equal(iv_contact_last_interaction(c), MAR_12_2024);
	assert_int_equal(iv_contact_known(c), IV_KNOWN_DIRECT);
	assert_null(iv_contact_phone(c));
	assert_null(iv_contact_location(c));
	assert_null(iv_contact_notes(c));
	assert_int_equal(iv_contact_tag_count(c), 0);
	assert_int_equal(iv_contact_created(c), fx->now);
	iv_contact_free(c);

	c = by_name(fx->db, "Bruno Lindqvist");
	assert_int_equal(iv_contact_email_count(c), 0);
	assert_str(iv_contact_company(c), "Northwind Traders, Inc.");
	assert_str(iv_contact_title(c), "Senior Analyst");
	assert_int_equal(iv_contact_last_interaction(c), (iv_time)1672747200); /* 2023-01-03 12:00Z */
	iv_contact_free(c);

	c = by_name(fx->db, "Chiara D'Amato");
	assert_str(iv_contact_title(c), "Head of \"Special\" Projects");
	iv_contact_free(c);

	c = by_name(fx->db, "\xC3\x89milie Durand");
	assert_str(iv_contact_company(c), "Soci\xC3\xA9t\xC3\xA9 Exemple");
	assert_str(iv_contact_title(c), "Ing\xC3\xA9nieure");
	iv_contact_free(c);

	c = by_name(fx->db, "Dev Raman");
	assert_null(iv_contact_company(c));
	assert_int_equal(iv_contact_last_interaction(c), 0);
	iv_contact_free(c);
}

static void reimporting_the_same_file_adds_nothing(void **state)
{
	iv_fixture *fx = *state;
	iv_import_report *r = import_ok(fx->db, IV_FORMAT_LINKEDIN, "linkedin_connections.csv", NULL);

	iv_import_report_free(r);
	fx->now += 3600;
	r = import_ok(fx->db, IV_FORMAT_LINKEDIN, "linkedin_connections.csv", NULL);
	assert_report(r, 0, 0, 10, 1);
	iv_import_report_free(r);
	assert_int_equal(count(fx->db), 10);
	/* Read as any CSV (its preamble skipped), it is the same people. */
	r = import_ok(fx->db, IV_FORMAT_CSV, "linkedin_connections.csv", NULL);
	assert_report(r, 0, 0, 10, 1);
	iv_import_report_free(r);
	assert_int_equal(count(fx->db), 10);
}

static void a_dry_run_reports_and_writes_nothing(void **state)
{
	iv_fixture *fx = *state;
	iv_import_options o = IV_IMPORT_OPTIONS_INIT;
	iv_import_report *r;

	o.flags = IV_IMPORT_DRY_RUN;
	r = import_ok(fx->db, IV_FORMAT_LINKEDIN, "linkedin_connections.csv", &o);
	assert_report(r, 10, 0, 0, 1);
	iv_import_report_free(r);
	assert_int_equal(count(fx->db), 0);
	/* Over a store that has them, a dry run reports them unchanged. */
	iv_import_report_free(import_ok(fx->db, IV_FORMAT_LINKEDIN, "linkedin_connections.csv", NULL));
	r = import_ok(fx->db, IV_FORMAT_LINKEDIN, "linkedin_connections.csv", &o);
	assert_report(r, 0, 0, 10, 1);
	iv_import_report_free(r);
	r = import_ok(fx->db, IV_FORMAT_GOOGLE, "google_contacts.csv", &o);
	assert_report(r, 3, 0, 0, 1);
	iv_import_report_free(r);
	assert_int_equal(count(fx->db), 10);
}

/* Hostile files: each fails naming the line and leaves the store as it was. */
static void a_hostile_file_writes_nothing(void **state)
{
	static const struct {
		const char *text;
		size_t len;
		const char *message;
	} cases[] = {
#define CASE(s, m) { s, sizeof(s) - 1, m }
		CASE("Name,Company\nNew One,A\nRen\xE9 Latin,B\n", "line 3: invalid UTF-8"),
		CASE("Name,Company\nNew One,A\nNew Two,\"never\nclosed\n", "line 3: a quoted cell starts here and never ends"),
		CASE("Name,Company\nNew One,A\nNew\0Two,B\n", "line 3: a NUL byte"),
		CASE("", "line 1: no header row"),
		CASE("Email\nnew@example.com\n", "line 1: the header has no name column"),
#undef CASE
	};
	iv_fixture *fx = *state;
	iv_import_report *r;
	char path[256];
	size_t i;

	iv_import_report_free(import_ok(fx->db, IV_FORMAT_LINKEDIN, "linkedin_connections.csv", NULL));
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		temp_file(path, cases[i].text, cases[i].len);
		r = (iv_import_report *)1;
		check(iv_import_file(&r, fx->db, IV_FORMAT_CSV, path, NULL), IV_EINVALID);
		assert_message_has(cases[i].message);
		assert_null(r);
		unlink(path);
		assert_int_equal(count(fx->db), 10);
	}
}

static void google_import_merges_with_linkedin_by_email(void **state)
{
	static const char text[] =
		"Name,E-mail 1 - Value,Phone 1 - Value,Labels,Notes\n"
		"Ada O.,ada.okafor@example.com ::: ada@example.org,+1 555 0100,* myContacts ::: Pharma,\"Met twice.\r\nLikes trials.\"\n";
	iv_fixture *fx = *state;
	iv_import_report *r;
	iv_contact *c;
	char path[256];

	iv_import_report_free(import_ok(fx->db, IV_FORMAT_LINKEDIN, "linkedin_connections.csv", NULL));
	temp_file(path, text, sizeof(text) - 1);
	ok(iv_import_file(&r, fx->db, IV_FORMAT_GOOGLE, path, NULL));
	unlink(path);
	assert_report(r, 0, 1, 0, 0);
	iv_import_report_free(r);
	c = by_name(fx->db, "Ada Okafor"); /* the stored name is kept */
	assert_int_equal(iv_contact_email_count(c), 2);
	assert_str(iv_contact_email_at(c, 1), "ada@example.org");
	assert_str(iv_contact_phone(c), "+1 555 0100");
	assert_int_equal(iv_contact_tag_count(c), 1);
	assert_str(iv_contact_tag_at(c, 0), "Pharma");
	assert_str(iv_contact_notes(c), "Met twice.\nLikes trials.");
	assert_str(iv_contact_company(c), "Meridian Pharma");
	iv_contact_free(c);
	assert_int_equal(count(fx->db), 10);
}

static void google_import_stores_every_field(void **state)
{
	iv_fixture *fx = *state;
	iv_import_report *r = import_ok(fx->db, IV_FORMAT_GOOGLE, "google_contacts.csv", NULL);
	iv_contact *c;

	assert_report(r, 3, 0, 0, 1);
	assert_int_equal(iv_import_report_skipped_line(r, 0), 8);
	iv_import_report_free(r);
	c = by_name(fx->db, "Grace Ngata");
	assert_str(iv_contact_company(c), "Harbour Bank");
	assert_str(iv_contact_title(c), "Risk Analyst");
	assert_str(iv_contact_notes(c), "Met at the spring data meetup.\nAsked about moving into risk.\nFollow up in May.");
	assert_int_equal(iv_contact_tag_count(c), 2);
	assert_true(iv_contact_has_tag(c, "Friends"));
	assert_true(iv_contact_has_tag(c, "Data people"));
	assert_int_equal(iv_contact_email_count(c), 2);
	assert_str(iv_contact_phone(c), "+64 21 555 0101");
	assert_str(iv_contact_location(c), "Wellington");
	assert_str(iv_contact_url(c), "https://grace.example.com");
	assert_int_equal(iv_contact_known(c), IV_KNOWN_DIRECT);
	iv_contact_free(c);
	r = import_ok(fx->db, IV_FORMAT_GOOGLE, "google_contacts.csv", NULL);
	assert_report(r, 0, 0, 3, 1);
	iv_import_report_free(r);
	r = import_ok(fx->db, IV_FORMAT_GOOGLE, "google_contacts_old.csv", NULL);
	assert_report(r, 2, 0, 0, 1);
	iv_import_report_free(r);
	assert_int_equal(count(fx->db), 5);
}

static void generic_import_with_known_uid_and_map(void **state)
{
	static const char *const map[] = { "Favourite Colour", "tags", NULL };
	iv_fixture *fx = *state;
	iv_import_options o = IV_IMPORT_OPTIONS_INIT;
	iv_import_report *r;
	iv_contact *c;

	o.map = map;
	o.known = IV_KNOWN_COLD;
	r = import_ok(fx->db, IV_FORMAT_CSV, "generic.csv", &o);
	assert_report(r, 5, 0, 0, 3);
	assert_int_equal(iv_import_report_skipped_line(r, 0), 7);
	assert_int_equal(iv_import_report_skipped_line(r, 1), 8);
	assert_int_equal(iv_import_report_skipped_line(r, 2), 9);
	iv_import_report_free(r);
	c = by_name(fx->db, "Priya Natarajan");
	assert_int_equal(iv_contact_known(c), IV_KNOWN_INTRODUCED); /* the file says */
	assert_int_equal(iv_contact_tag_count(c), 3);
	assert_true(iv_contact_has_tag(c, "teal"));
	assert_int_equal(iv_contact_last_interaction(c), (iv_time)1700481600); /* 2023-11-20 12:00Z */
	iv_contact_free(c);
	c = by_name(fx->db, "Zoe Clark");
	assert_int_equal(iv_contact_known(c), IV_KNOWN_COLD); /* the options' default */
	iv_contact_free(c);
	/* Again: matched by e-mail (or UID), nothing new. */
	r = import_ok(fx->db, IV_FORMAT_CSV, "generic.csv", &o);
	assert_report(r, 0, 0, 5, 3);
	iv_import_report_free(r);
}

static void a_map_naming_no_field_fails_before_reading(void **state)
{
	static const char *const map[] = { "Full_Name", "fullname!", NULL };
	iv_fixture *fx = *state;
	iv_import_options o = IV_IMPORT_OPTIONS_INIT;

	o.map = map;
	check(iv_import_file(NULL, fx->db, IV_FORMAT_CSV, data_path("generic.csv"), &o), IV_EINVALID);
	assert_message_has("'fullname!'");
	assert_int_equal(count(fx->db), 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(linkedin_import_stores_every_field),
		T(reimporting_the_same_file_adds_nothing),
		T(a_dry_run_reports_and_writes_nothing),
		T(a_hostile_file_writes_nothing),
		T(google_import_merges_with_linkedin_by_email),
		T(google_import_stores_every_field),
		T(generic_import_with_known_uid_and_map),
		T(a_map_naming_no_field_fails_before_reading),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

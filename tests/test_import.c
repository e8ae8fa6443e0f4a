/*
 * The import engine (lib/import.c), through iv_import() on each built-in
 * backend: matching a row to a stored contact, merging without
 * overwriting, the report, the dry run, progress, and all-or-nothing
 * transactions. The rows come as small CSV texts with a header, the format
 * every column maps to most plainly; each format's own parsing has its
 * own suites (test_csv, test_vcard).
 *
 * usage: test_import memory|sqlite
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
#include "check.h"
#include "fixture.h"

/* --- Input ---------------------------------------------------------------- */

struct text {
	const char *s;
	size_t pos, chunk;
	int fail_at; /* a read returning this value once pos passes half: 0 for none */
};

static int read_text(char *buf, size_t size, size_t *got, void *payload)
{
	struct text *t = payload;
	size_t n = strlen(t->s) - t->pos;

	if (t->fail_at && t->pos > strlen(t->s) / 2)
		return t->fail_at;
	if (t->chunk && n > t->chunk)
		n = t->chunk;
	if (n > size)
		n = size;
	memcpy(buf, t->s + t->pos, n);
	t->pos += n;
	*got = n;
	return 0;
}

/* Imports `csv` with options `o` (NULL: defaults); the report in *r (may be NULL). */
static int import_csv(iv_db *db, const char *csv, const iv_import_options *o, iv_import_report **r)
{
	struct text t = { csv, 0, 7, 0 };

	return iv_import(r, db, IV_FORMAT_CSV, read_text, &t, o);
}

static void expect_report(const iv_import_report *r, size_t added, size_t merged, size_t unchanged, size_t skipped)
{
	assert_int_equal(iv_import_report_added(r), added);
	assert_int_equal(iv_import_report_merged(r), merged);
	assert_int_equal(iv_import_report_unchanged(r), unchanged);
	assert_int_equal(iv_import_report_skipped(r), skipped);
}

static size_t count_contacts(iv_db *db)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	size_t n = 0;
	int rc;

	ok(iv_contact_list(&it, db, NULL));
	while ((rc = iv_contact_iter_next(&c, it)) == 0) {
		iv_contact_free(c);
		n++;
	}
	check(rc, IV_ITEROVER);
	iv_contact_iter_free(it);
	return n;
}

/* The one contact named `name` (fails if none or several). */
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

static const char people[] =
	"Name,Email,Company,Title,URL,Tags,Notes\n"
	"Priya Shah,priya@acme.example,Acme,Engineer,https://www.linkedin.com/in/priya-shah,\"friends,acme\",Met at PyCon\n"
	"Tom Nguyen,,Acme,,https://www.linkedin.com/in/tom-nguyen/,,\n"
	"Sara Klein,sara@initech.example,Initech,Regulatory Affairs,,,\n";

/* --- Adding and matching -------------------------------------------------------- */

static void rows_are_added_with_their_fields(void **state)
{
	iv_fixture *fx = *state;
	iv_import_report *r = NULL;
	iv_contact *c;

	ok(import_csv(fx->db, people, NULL, &r));
	expect_report(r, 3, 0, 0, 0);
	iv_import_report_free(r);
	c = by_name(fx->db, "Priya Shah");
	assert_str(iv_contact_email_at(c, 0), "priya@acme.example");
	assert_str(iv_contact_company(c), "Acme");
	assert_str(iv_contact_title(c), "Engineer");
	assert_str(iv_contact_url(c), "https://www.linkedin.com/in/priya-shah");
	assert_true(iv_contact_has_tag(c, "friends") && iv_contact_has_tag(c, "acme"));
	assert_str(iv_contact_notes(c), "Met at PyCon");
	/* People in an address book are people you know. */
	assert_int_equal(iv_contact_known(c), IV_KNOWN_DIRECT);
	assert_true(iv_contact_number(c) > 0);
	iv_contact_free(c);
}

static void the_same_file_twice_adds_nothing(void **state)
{
	iv_fixture *fx = *state;
	iv_import_report *r = NULL;
	iv_contact *c;

	ok(import_csv(fx->db, people, NULL, NULL));
	ok(import_csv(fx->db, people, NULL, &r));
	expect_report(r, 0, 0, 3, 0);
	iv_import_report_free(r);
	assert_int_equal(count_contacts(fx->db), 3);
	/* Notes are appended once, not again on each import. */
	c = by_name(fx->db, "Priya Shah");
	assert_str(iv_contact_notes(c), "Met at PyCon");
	iv_contact_free(c);
}

/* E-mail first (any case), then URL (also with the slash the other way), then name and company. */
static void rows_match_by_email_then_url_then_name_and_company(void **state)
{
	iv_fixture *fx = *state;
	iv_import_report *r = NULL;
	iv_contact *c;

	ok(import_csv(fx->db, people, NULL, NULL));
	ok(import_csv(fx->db,
		      "Name,Email,Company,URL,Phone\n"
		      "P. Shah,PRIYA@Acme.Example,,,+1 555 0100\n"       /* by e-mail, another name */
		      "Thomas Nguyen,,,https://www.linkedin.com/in/tom-nguyen,+1 555 0101\n" /* by URL */
		      "sara klein,,INITECH,,+1 555 0102\n"                /* by name and company */
		      "Sara Klein,,Globex,,\n",                           /* same name, another company */
		      NULL, &r));
	expect_report(r, 1, 3, 0, 0);
	iv_import_report_free(r);
	c = by_name(fx->db, "Priya Shah");
	assert_str(iv_contact_phone(c), "+1 555 0100");
	iv_contact_free(c);
	c = by_name(fx->db, "Tom Nguyen");
	assert_str(iv_contact_phone(c), "+1 555 0101");
	iv_contact_free(c);
	assert_int_equal(count_contacts(fx->db), 4);
}

/* A match fills empty fields and adds e-mails and tags, but keeps what is stored. */
static void a_match_fills_but_never_overwrites(void **state)
{
	iv_fixture *fx = *state;
	iv_import_options o = IV_IMPORT_OPTIONS_INIT;
	iv_import_report *r = NULL;
	iv_contact *c;
	static const char update[] =
		"Name,Email,Company,Title,Tags,Notes\n"
		"Priya Shah,p.shah@home.example,Acme,Director,mentor,Now leads the team\n";

	ok(import_csv(fx->db, people, NULL, NULL));
	ok(import_csv(fx->db, update, NULL, &r));
	expect_report(r, 0, 1, 0, 0);
	iv_import_report_free(r);
	c = by_name(fx->db, "Priya Shah");
	assert_str(iv_contact_title(c), "Engineer"); /* kept */
	assert_int_equal(iv_contact_email_count(c), 2);
	assert_str(iv_contact_email_at(c, 1), "p.shah@home.example");
	assert_true(iv_contact_has_tag(c, "mentor") && iv_contact_has_tag(c, "friends"));
	assert_str(iv_contact_notes(c), "Met at PyCon\n\nNow leads the team");
	iv_contact_free(c);

	/* Asked to, the file's non-empty fields win. */
	o.flags = IV_IMPORT_OVERWRITE;
	ok(import_csv(fx->db, update, &o, &r));
	expect_report(r, 0, 1, 0, 0);
	iv_import_report_free(r);
	c = by_name(fx->db, "Priya Shah");
	assert_str(iv_contact_title(c), "Director");
	assert_str(iv_contact_url(c), "https://www.linkedin.com/in/priya-shah"); /* the file had none */
	iv_contact_free(c);
}

/* Two rows of one file naming the same person give one contact. */
static void duplicates_within_a_file_merge(void **state)
{
	iv_fixture *fx = *state;
	iv_import_report *r = NULL;

	ok(import_csv(fx->db,
		      "Name,Email,Company\n"
		      "Ada Byron,ada@example.org,Engines\n"
		      "Ada Lovelace,ADA@example.org,\n"
		      "Ada B.,ada@example.org,Engines\n"
		      "A. Byron,other@example.org,Engines\n",
		      NULL, &r));
	/* The second and third bring nothing new; the fourth is someone else (no shared key). */
	expect_report(r, 2, 0, 2, 0);
	iv_import_report_free(r);
	assert_int_equal(count_contacts(fx->db), 2);
}

/* --- The report, options and progress --------------------------------------------- */

static void unusable_rows_are_skipped_with_their_line(void **state)
{
	iv_fixture *fx = *state;
	iv_import_report *r = NULL;

	ok(import_csv(fx->db,
		      "Name,Email,Company\n"
		      "Ada Byron,ada@example.org,Engines\n"
		      ",nobody@example.org,Nowhere\n"
		      "Bad Mail,not an address,X\n"
		      "Grace Hopper,,Navy\n",
		      NULL, &r));
	expect_report(r, 2, 0, 0, 2);
	assert_int_equal(iv_import_report_skipped_line(r, 0), 3);
	assert_str(iv_import_report_skipped_reason(r, 0), "no name");
	assert_int_equal(iv_import_report_skipped_line(r, 1), 4);
	assert_non_null(strstr(iv_import_report_skipped_reason(r, 1), "email"));
	assert_null(iv_import_report_skipped_reason(r, 2));
	assert_int_equal(iv_import_report_skipped_line(r, 2), 0);
	iv_import_report_free(r);
	assert_int_equal(count_contacts(fx->db), 2);
}

static void a_dry_run_reports_and_writes_nothing(void **state)
{
	iv_fixture *fx = *state;
	iv_import_options o = IV_IMPORT_OPTIONS_INIT;
	iv_import_report *r = NULL;
	iv_contact *c;

	o.flags = IV_IMPORT_DRY_RUN;
	ok(import_csv(fx->db, people, &o, &r));
	expect_report(r, 3, 0, 0, 0);
	iv_import_report_free(r);
	assert_int_equal(count_contacts(fx->db), 0);
	assert_int_equal(iv_db_transaction_depth(fx->db), 0);
	ok(import_csv(fx->db, people, NULL, NULL));
	assert_int_equal(count_contacts(fx->db), 3);
	/* Not even the numbering moved: the first contact stored is still #1. */
	c = by_name(fx->db, "Priya Shah");
	assert_int_equal(iv_contact_number(c), 1);
	iv_contact_free(c);
	/* A dry run after it sees what is stored. */
	ok(import_csv(fx->db, people, &o, &r));
	expect_report(r, 0, 0, 3, 0);
	iv_import_report_free(r);
}

static void the_options_tag_and_known_apply_to_new_rows(void **state)
{
	iv_fixture *fx = *state;
	iv_import_options o = IV_IMPORT_OPTIONS_INIT;
	iv_contact *c;

	o.tag = "import-2026";
	o.known = IV_KNOWN_COLD;
	ok(import_csv(fx->db, people, &o, NULL));
	c = by_name(fx->db, "Tom Nguyen");
	assert_true(iv_contact_has_tag(c, "import-2026"));
	assert_int_equal(iv_contact_known(c), IV_KNOWN_COLD);
	iv_contact_free(c);
}

static void bad_options_are_refused_naming_them(void **state)
{
	iv_fixture *fx = *state;
	iv_import_options o = IV_IMPORT_OPTIONS_INIT;
	struct text t = { people, 0, 0, 0 };

	o.flags = 0x100;
	check(import_csv(fx->db, people, &o, NULL), IV_EINVALID);
	assert_message_has("flags");
	o.flags = 0;
	o.known = 42;
	check(import_csv(fx->db, people, &o, NULL), IV_EINVALID);
	assert_message_has("import.known");
	o.known = 0;
	o.tag = "two\nlines";
	check(import_csv(fx->db, people, &o, NULL), IV_EINVALID);
	assert_message_has("import.tag");
	check(iv_import(NULL, fx->db, IV_FORMAT_ICALENDAR, read_text, &t, NULL), IV_EINVALID);
	assert_message_has("exported, not imported");
	check(iv_import(NULL, fx->db, 99, read_text, &t, NULL), IV_EINVALID);
	o = (iv_import_options)IV_IMPORT_OPTIONS_INIT;
	o.version = 99;
	check(import_csv(fx->db, people, &o, NULL), IV_EVERSION);
	check(iv_import(NULL, fx->db, IV_FORMAT_CSV, NULL, &t, NULL), IV_EINVALID);
	assert_int_equal(count_contacts(fx->db), 0);
	check(iv_import_file(NULL, fx->db, IV_FORMAT_CSV, "/nonexistent/file.csv", NULL), IV_ENOTFOUND);
	assert_message_has("/nonexistent/file.csv");
}

struct progress {
	uint64_t calls, last_records, last_done;
	int stop_at; /* return 1234 at this call; 0: never */
};

static int on_progress(uint64_t done, uint64_t total, uint64_t records, void *payload)
{
	struct progress *p = payload;

	(void)total;
	assert_true(records >= p->last_records);
	assert_true(done >= p->last_done);
	p->calls++;
	p->last_records = records;
	p->last_done = done;
	return p->stop_at && p->calls == (uint64_t)p->stop_at ? 1234 : 0;
}

static void progress_is_reported_and_can_stop_the_import(void **state)
{
	iv_fixture *fx = *state;
	iv_import_options o = IV_IMPORT_OPTIONS_INIT;
	struct progress p = { 0, 0, 0, 0 };

	o.progress = on_progress;
	o.payload = &p;
	ok(import_csv(fx->db, people, &o, NULL));
	assert_true(p.calls >= 1);
	assert_int_equal(p.last_records, 3);
	assert_int_equal(p.last_done, strlen(people));

	/* The callback's own value stops it, and nothing is written. */
	memset(&p, 0, sizeof(p));
	p.stop_at = 1;
	o.flags = 0;
	check(import_csv(fx->db,
			 "Name\nOne\n", &o, NULL), 1234);
	{
		iv_contact_filter f = IV_CONTACT_FILTER_INIT;
		iv_contact_iter *it = NULL;
		iv_contact *c = NULL;

		f.name = "One";
		ok(iv_contact_list(&it, fx->db, &f));
		check(iv_contact_iter_next(&c, it), IV_ITEROVER);
		iv_contact_iter_free(it);
	}
}

/* --- All or nothing -------------------------------------------------------------- */

/* Input that is not CSV at its end: nothing of the rows before is written. */
static void a_failed_import_writes_nothing(void **state)
{
	iv_fixture *fx = *state;
	iv_import_report *r = (iv_import_report *)&r;
	char bad[256];

	snprintf(bad, sizeof(bad), "Name,Email\nAda Byron,ada@example.org\nLatin \xe9t\xe9,x@example.org\n");
	check(import_csv(fx->db, bad, NULL, &r), IV_EINVALID);
	assert_message_has("line 3");
	assert_null(r);
	assert_int_equal(count_contacts(fx->db), 0);
	assert_int_equal(iv_db_transaction_depth(fx->db), 0);
}

/* A read callback's own error (even a positive one) is returned, and nothing is written. */
static void a_failing_reader_writes_nothing(void **state)
{
	iv_fixture *fx = *state;
	struct text t = { people, 0, 5, 77 };

	check(iv_import(NULL, fx->db, IV_FORMAT_CSV, read_text, &t, NULL), 77);
	assert_int_equal(count_contacts(fx->db), 0);
	t = (struct text){ people, 0, 5, IV_ESTORAGE };
	check(iv_import(NULL, fx->db, IV_FORMAT_CSV, read_text, &t, NULL), IV_ESTORAGE);
	assert_int_equal(count_contacts(fx->db), 0);
}

/* Each row its own transaction: a failure keeps the rows before it. */
static void per_row_keeps_the_rows_before_a_failure(void **state)
{
	iv_fixture *fx = *state;
	iv_import_options o = IV_IMPORT_OPTIONS_INIT;
	char bad[256];

	o.flags = IV_IMPORT_PER_ROW;
	snprintf(bad, sizeof(bad), "Name,Email\nAda Byron,ada@example.org\nLatin \xe9t\xe9,x@example.org\n");
	check(import_csv(fx->db, bad, &o, NULL), IV_EINVALID);
	assert_int_equal(count_contacts(fx->db), 1);
	/* A dry run stays a dry run. */
	o.flags = IV_IMPORT_PER_ROW | IV_IMPORT_DRY_RUN;
	ok(import_csv(fx->db, people, &o, NULL));
	assert_int_equal(count_contacts(fx->db), 1);
}

/* Inside the caller's transaction, the import is part of it. */
static void an_import_joins_the_callers_transaction(void **state)
{
	iv_fixture *fx = *state;

	ok(iv_db_begin(fx->db));
	ok(import_csv(fx->db, people, NULL, NULL));
	assert_int_equal(count_contacts(fx->db), 3);
	ok(iv_db_rollback(fx->db));
	assert_int_equal(count_contacts(fx->db), 0);
}

/* --- vCard UIDs and introducers --------------------------------------------------- */

static int import_vcard(iv_db *db, const char *vcf, iv_import_report **r)
{
	struct text t = { vcf, 0, 11, 0 };

	return iv_import(r, db, IV_FORMAT_VCARD, read_text, &t, NULL);
}

/* A card's UID is remembered: the same card with a new name and address still finds its contact. */
static void a_foreign_uid_finds_its_contact_again(void **state)
{
	iv_fixture *fx = *state;
	iv_import_report *r = NULL;
	iv_contact *c;

	ok(import_vcard(fx->db,
			"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-4711\r\nFN:Ada Byron\r\n"
			"EMAIL:ada@example.org\r\nEND:VCARD\r\n", NULL));
	ok(import_vcard(fx->db,
			"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-4711\r\nFN:Ada Lovelace\r\n"
			"EMAIL:countess@example.org\r\nTITLE:Analyst\r\nEND:VCARD\r\n", &r));
	expect_report(r, 0, 1, 0, 0);
	iv_import_report_free(r);
	assert_int_equal(count_contacts(fx->db), 1);
	c = by_name(fx->db, "Ada Byron");
	assert_int_equal(iv_contact_email_count(c), 2);
	assert_str(iv_contact_title(c), "Analyst");
	iv_contact_free(c);
}

/* Who introduced whom comes back as a made introduction, even when the introducer's card comes later. */
static void introducers_named_by_cards_become_introductions(void **state)
{
	iv_fixture *fx = *state;
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	iv_contact *bea, *zed;
	static const char vcf[] =
		"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bea Chen\r\n"
		"RELATED;TYPE=contact,x-introducer;VALUE=uri:urn:uuid:11111111-2222-4333-8444-555555555555\r\n"
		"END:VCARD\r\n"
		"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zed Okafor\r\n"
		"UID:urn:uuid:11111111-2222-4333-8444-555555555555\r\nEND:VCARD\r\n";

	ok(import_vcard(fx->db, vcf, NULL));
	bea = by_name(fx->db, "Bea Chen");
	zed = by_name(fx->db, "Zed Okafor");
	ok(iv_intro_list(&it, fx->db, NULL));
	ok(iv_intro_iter_next(&in, it));
	assert_str(iv_intro_introducer(in), iv_contact_id(zed));
	assert_str(iv_intro_introduced(in), iv_contact_id(bea));
	assert_int_equal(iv_intro_status(in), IV_INTRO_MADE);
	iv_intro_free(in);
	check(iv_intro_iter_next(&in, it), IV_ITEROVER);
	iv_intro_iter_free(it);
	/* Again: no second introduction. */
	ok(import_vcard(fx->db, vcf, NULL));
	ok(iv_intro_list(&it, fx->db, NULL));
	ok(iv_intro_iter_next(&in, it));
	iv_intro_free(in);
	check(iv_intro_iter_next(&in, it), IV_ITEROVER);
	iv_intro_iter_free(it);
	iv_contact_free(bea);
	iv_contact_free(zed);
}

/* LinkedIn, then the phone's vCard, then Google: one person, merged across formats. */
static void one_person_merges_across_formats(void **state)
{
	iv_fixture *fx = *state;
	iv_import_report *r = NULL;
	struct text li = { "\xef\xbb\xbfNotes:\r\n\"A preamble.\"\r\n\r\n"
			   "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
			   "Dana,Reyes,https://www.linkedin.com/in/dana-reyes,,Pfizer,Director,12 Mar 2024\r\n", 0, 3, 0 };
	struct text go = { "First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Value,Labels\n"
			   "Dana,Reyes,Work,dana@pfizer.example ::: dana@home.example,,* myContacts ::: Pharma\n",
			   0, 5, 0 };
	iv_contact *c;

	ok(iv_import(NULL, fx->db, IV_FORMAT_LINKEDIN, read_text, &li, NULL));
	/* The vCard has her profile URL (with a slash) and a phone: matched by URL. */
	ok(import_vcard(fx->db,
			"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana R.\r\nEMAIL;TYPE=WORK:dana@pfizer.example\r\n"
			"TEL;TYPE=CELL:+1 555 0199\r\nURL:https://www.linkedin.com/in/dana-reyes/\r\n"
			"END:VCARD\r\n", &r));
	expect_report(r, 0, 1, 0, 0);
	iv_import_report_free(r);
	/* Google's row has her e-mail: matched by it, and brings a second address and a label. */
	ok(iv_import(&r, fx->db, IV_FORMAT_GOOGLE, read_text, &go, NULL));
	expect_report(r, 0, 1, 0, 0);
	iv_import_report_free(r);
	assert_int_equal(count_contacts(fx->db), 1);
	c = by_name(fx->db, "Dana Reyes");
	assert_str(iv_contact_phone(c), "+1 555 0199");
	assert_str(iv_contact_title(c), "Director");
	assert_int_equal(iv_contact_email_count(c), 2);
	assert_true(iv_contact_has_tag(c, "Pharma"));
	assert_false(iv_contact_has_tag(c, "myContacts"));
	iv_contact_free(c);
}

/* Notes written with CRLF are the same notes when a file brings them back with LF. */
static void notes_differing_only_in_carriage_returns_are_not_appended(void **state)
{
	iv_fixture *fx = *state;
	iv_import_report *r = NULL;
	iv_contact *c;

	iv_fixture_contact(fx->db, "Ada Byron", "Engines", IV_KNOWN_DIRECT, NULL);
	c = by_name(fx->db, "Ada Byron");
	ok(iv_contact_set_notes(c, "First line\r\nSecond line"));
	ok(iv_contact_update(fx->db, c));
	iv_contact_free(c);
	ok(import_csv(fx->db, "Name,Company,Notes\nAda Byron,Engines,\"First line\nSecond line\"\n", NULL, &r));
	expect_report(r, 0, 0, 1, 0);
	iv_import_report_free(r);
}

/* A backup goes only into an empty store. */
static void a_backup_into_a_store_with_records_is_refused(void **state)
{
	iv_fixture *fx = *state;
	struct text t = { "{\"format\": \"infoview-backup\", \"version\": 1}", 0, 0, 0 };

	iv_fixture_contact(fx->db, "Ada Byron", NULL, IV_KNOWN_DIRECT, NULL);
	check(iv_import(NULL, fx->db, IV_FORMAT_JSON, read_text, &t, NULL), IV_ECONSTRAINT);
	assert_message_has("empty store");
	assert_int_equal(count_contacts(fx->db), 1);
}

int main(int argc, char **argv)
{
#define T(f) cmocka_unit_test_setup_teardown(f, iv_fixture_setup, iv_fixture_teardown)
	const struct CMUnitTest tests[] = {
		T(rows_are_added_with_their_fields),
		T(the_same_file_twice_adds_nothing),
		T(rows_match_by_email_then_url_then_name_and_company),
		T(a_match_fills_but_never_overwrites),
		T(duplicates_within_a_file_merge),
		T(unusable_rows_are_skipped_with_their_line),
		T(a_dry_run_reports_and_writes_nothing),
		T(the_options_tag_and_known_apply_to_new_rows),
		T(bad_options_are_refused_naming_them),
		T(progress_is_reported_and_can_stop_the_import),
		T(a_failed_import_writes_nothing),
		T(a_failing_reader_writes_nothing),
		T(per_row_keeps_the_rows_before_a_failure),
		T(an_import_joins_the_callers_transaction),
		T(a_backup_into_a_store_with_records_is_refused),
		T(a_foreign_uid_finds_its_contact_again),
		T(one_person_merges_across_formats),
		T(introducers_named_by_cards_become_introductions),
		T(notes_differing_only_in_carriage_returns_are_not_appended),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests_name(iv_fixture_backend, tests, NULL, NULL);
}

/*
 * The CSV importer (lib/csv.c, lib/import_csv.c) driven through its
 * iv__importer interface over in-memory input. Every input is read twice,
 * once in large chunks and once a byte at a time, and both readings must
 * give the same rows and errors: chunk boundaries never matter.
 */
#define _DEFAULT_SOURCE /* timegm() */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include <infoview/infoview.h>
#include "check.h"
#include "csv.h"

#define MAX_ROWS 32

/* ------------------------------------------------------------------ */
/* Harness                                                              */

struct src {
	const char *p;
	size_t len, pos;
	size_t chunk; /* at most this many bytes per call; 0: as many as fit */
	int fail_at;  /* non-zero: the call after this many bytes returns it */
};

static int read_src(char *buf, size_t size, size_t *got, void *payload)
{
	struct src *s = payload;
	size_t n = s->len - s->pos;

	if (s->fail_at && s->pos >= (size_t)s->fail_at)
		return -77;
	if (n > size)
		n = size;
	if (s->chunk && n > s->chunk)
		n = s->chunk;
	memcpy(buf, s->p + s->pos, n);
	s->pos += n;
	*got = n;
	return 0;
}

struct result {
	int error;            /* of creating the importer or of next() */
	char message[512];
	size_t n;
	struct iv__row rows[MAX_ROWS];
};

static void result_clear(struct result *res)
{
	size_t i;

	for (i = 0; i < res->n; i++)
		iv__row_clear(&res->rows[i]);
	res->n = 0;
}

static void run_src(struct result *res, struct src *s, int format, const iv_import_options *opts)
{
	struct iv__reader *r = malloc(sizeof(*r));
	struct iv__importer *imp = NULL;
	struct iv__row row;
	int error;

	assert_non_null(r);
	memset(res, 0, sizeof(*res));
	iv__reader_init(r, read_src, s, s->len);
	if ((error = iv__csv_importer(&imp, r, format, opts)) == 0) {
		for (;;) {
			memset(&row, 0, sizeof(row));
			if ((error = imp->next(&row, imp)) != 0) {
				iv__row_clear(&row);
				break;
			}
			assert_true(res->n < MAX_ROWS);
			res->rows[res->n++] = row;
		}
		imp->free(imp);
		if (error == IV_ITEROVER)
			error = 0;
	} else {
		assert_null(imp);
	}
	res->error = error;
	if (error)
		snprintf(res->message, sizeof(res->message), "%s", iv_error_last()->message);
	free(r);
}

static void str_eq(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void rows_equal(const struct iv__row *a, const struct iv__row *b)
{
	const iv_contact *x = a->contact, *y = b->contact;
	size_t i;

	assert_int_equal(a->line, b->line);
	str_eq(a->skip, b->skip);
	assert_int_equal(a->known, b->known);
	str_eq(a->uid, b->uid);
	str_eq(iv_contact_name(x), iv_contact_name(y));
	str_eq(iv_contact_phone(x), iv_contact_phone(y));
	str_eq(iv_contact_company(x), iv_contact_company(y));
	str_eq(iv_contact_title(x), iv_contact_title(y));
	str_eq(iv_contact_location(x), iv_contact_location(y));
	str_eq(iv_contact_url(x), iv_contact_url(y));
	str_eq(iv_contact_notes(x), iv_contact_notes(y));
	assert_int_equal(iv_contact_last_interaction(x), iv_contact_last_interaction(y));
	assert_int_equal(iv_contact_email_count(x), iv_contact_email_count(y));
	for (i = 0; i < iv_contact_email_count(x); i++)
		str_eq(iv_contact_email_at(x, i), iv_contact_email_at(y, i));
	assert_int_equal(iv_contact_tag_count(x), iv_contact_tag_count(y));
	for (i = 0; i < iv_contact_tag_count(x); i++)
		str_eq(iv_contact_tag_at(x, i), iv_contact_tag_at(y, i));
}

/*
 * Imports `len` bytes of `text` in chunks and then byte by byte; checks
 * both readings agree and leaves the first in `res`.
 */
static void import_n(struct result *res, const char *text, size_t len, int format,
		     const iv_import_options *opts)
{
	struct src whole = { text, len, 0, 0, 0 }, bytes = { text, len, 0, 1, 0 };
	struct result *one = malloc(sizeof(*one));
	size_t i;

	assert_non_null(one);
	run_src(res, &whole, format, opts);
	run_src(one, &bytes, format, opts);
	assert_int_equal(res->error, one->error);
	assert_string_equal(res->message, one->message);
	assert_int_equal(res->n, one->n);
	for (i = 0; i < res->n; i++)
		rows_equal(&res->rows[i], &one->rows[i]);
	result_clear(one);
	free(one);
}

static void import(struct result *res, const char *text, int format, const iv_import_options *opts)
{
	import_n(res, text, strlen(text), format, opts);
}

static char *slurp(const char *name, size_t *len)
{
	char path[1024];
	FILE *f;
	char *p;
	long n;

	snprintf(path, sizeof(path), "%s/%s", IV_IMPORT_DATA, name);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	p = malloc((size_t)n + 1);
	assert_non_null(p);
	assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
	p[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return p;
}

static void import_file(struct result *res, const char *name, int format, const iv_import_options *opts)
{
	size_t len;
	char *text = slurp(name, &len);

	import_n(res, text, len, format, opts);
	free(text);
}

/*
 * Asserts that an import failed with IV_EINVALID and a message containing
 * `needle`; frees the rows read before.
 */
static void assert_fails(struct result *res, const char *needle)
{
	result_clear(res);
	assert_int_equal(res->error, IV_EINVALID);
	if (!strstr(res->message, needle))
		fail_msg("message \"%s\" does not contain \"%s\"", res->message, needle);
}

static void assert_skipped(const struct iv__row *row, uint64_t line, const char *needle)
{
	assert_int_equal(row->line, line);
	if (!row->skip)
		fail_msg("the row of line %llu is not skipped", (unsigned long long)line);
	if (!strstr(row->skip, needle))
		fail_msg("reason \"%s\" does not contain \"%s\"", row->skip, needle);
}

static void assert_taken(const struct iv__row *row, uint64_t line, const char *name)
{
	if (row->skip)
		fail_msg("the row of line %llu is skipped: %s", (unsigned long long)line, row->skip);
	assert_int_equal(row->line, line);
	assert_str(iv_contact_name(row->contact), name);
}

static void assert_emails(const iv_contact *c, size_t n, ...)
{
	va_list ap;
	size_t i;

	assert_int_equal(iv_contact_email_count(c), n);
	va_start(ap, n);
	for (i = 0; i < n; i++)
		assert_str(iv_contact_email_at(c, i), va_arg(ap, const char *));
	va_end(ap);
}

static void assert_tags(const iv_contact *c, size_t n, ...)
{
	va_list ap;
	size_t i;

	assert_int_equal(iv_contact_tag_count(c), n);
	va_start(ap, n);
	for (i = 0; i < n; i++)
		assert_str(iv_contact_tag_at(c, i), va_arg(ap, const char *));
	va_end(ap);
}

/* Noon UTC of a date, as the importer stores connection dates. */
static iv_time noon(int y, int m, int d)
{
	struct tm tm = { 0 };

	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	return (iv_time)timegm(&tm);
}

static iv_import_options with_map(const char *const *map)
{
	iv_import_options o = IV_IMPORT_OPTIONS_INIT;

	o.map = map;
	return o;
}

/* ------------------------------------------------------------------ */
/* LinkedIn                                                             */

static void linkedin_fixture_gives_every_field(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	import_file(&res, "linkedin_connections.csv", IV_FORMAT_LINKEDIN, NULL);
	ok(res.error);
	assert_int_equal(res.n, 11);

	assert_taken(&res.rows[0], 5, "Ada Okafor");
	c = res.rows[0].contact;
	assert_str(iv_contact_url(c), "https://www.linkedin.com/in/ada-okafor-example");
	assert_emails(c, 1, "ada.okafor@example.com");
	assert_str(iv_contact_company(c), "Meridian Pharma");
	assert_str(iv_contact_title(c), "Clinical Data Manager");
	assert_int_equal(iv_contact_last_interaction(c), noon(2024, 3, 12));
	assert_null(iv_contact_phone(c));
	assert_null(iv_contact_location(c));
	assert_null(iv_contact_notes(c));
	assert_int_equal(iv_contact_tag_count(c), 0);
	assert_int_equal(res.rows[0].known, 0);
	assert_null(res.rows[0].uid);

	assert_taken(&res.rows[1], 6, "Bruno Lindqvist");
	c = res.rows[1].contact;
	assert_int_equal(iv_contact_email_count(c), 0);
	assert_str(iv_contact_company(c), "Northwind Traders, Inc.");
	assert_str(iv_contact_title(c), "Senior Analyst");
	assert_int_equal(iv_contact_last_interaction(c), noon(2023, 1, 3));

	assert_taken(&res.rows[2], 7, "Chiara D'Amato");
	assert_str(iv_contact_title(res.rows[2].contact), "Head of \"Special\" Projects");
	assert_int_equal(iv_contact_last_interaction(res.rows[2].contact), noon(2024, 2, 29));

	assert_taken(&res.rows[3], 8, "Dev Raman");
	c = res.rows[3].contact;
	assert_str(iv_contact_url(c), "https://www.linkedin.com/in/dev-raman-example");
	assert_null(iv_contact_company(c));
	assert_null(iv_contact_title(c));
	assert_int_equal(iv_contact_last_interaction(c), 0);

	assert_taken(&res.rows[4], 9, "Oyelaran");
	assert_taken(&res.rows[5], 10, "\xC3\x89milie Durand");
	assert_str(iv_contact_company(res.rows[5].contact), "Soci\xC3\xA9t\xC3\xA9 Exemple");
	assert_int_equal(iv_contact_last_interaction(res.rows[5].contact), noon(2021, 11, 7));

	assert_skipped(&res.rows[6], 11, "no name");

	assert_taken(&res.rows[7], 12, "Farah Haddad");
	assert_str(iv_contact_company(res.rows[7].contact), "Cedar, Stone & Partners");
	assert_str(iv_contact_title(res.rows[7].contact), "Director, Research & Development");
	assert_int_equal(iv_contact_last_interaction(res.rows[7].contact), noon(2021, 12, 31));

	assert_taken(&res.rows[8], 13, "Gustav Nilsson");
	assert_int_equal(iv_contact_last_interaction(res.rows[8].contact), noon(2024, 3, 12));

	assert_taken(&res.rows[9], 14, "Hana Kobayashi");
	assert_str(iv_contact_company(res.rows[9].contact), "Blue Heron Books");
	assert_null(iv_contact_title(res.rows[9].contact));
	assert_int_equal(iv_contact_email_count(res.rows[9].contact), 0);

	assert_taken(&res.rows[10], 15, "Ian O'Neil");
	assert_int_equal(iv_contact_last_interaction(res.rows[10].contact), noon(2020, 5, 5));
	result_clear(&res);
}

#define LI_HEADER "First Name,Last Name,URL,Email Address,Company,Position,Connected On"

static void linkedin_header_is_found_after_the_notes_preamble(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Notes:\n\"A note, with commas\nand a second line\"\n\n" LI_HEADER "\nAnn,Lee,,,,,\n",
	       IV_FORMAT_LINKEDIN, NULL);
	ok(res.error);
	assert_int_equal(res.n, 1);
	assert_taken(&res.rows[0], 6, "Ann Lee");
	result_clear(&res);
}

static void linkedin_header_without_preamble_is_the_first_line(void **state)
{
	struct result res;

	(void)state;
	import(&res, LI_HEADER "\nAnn,Lee,,,,,\n", IV_FORMAT_LINKEDIN, NULL);
	ok(res.error);
	assert_int_equal(res.n, 1);
	assert_taken(&res.rows[0], 2, "Ann Lee");
	result_clear(&res);
}

static void linkedin_file_as_plain_csv_skips_the_preamble_too(void **state)
{
	struct result res;

	(void)state;
	import(&res, "\xEF\xBB\xBFNotes:\r\n\"Some text\"\r\n\r\n" LI_HEADER "\r\nAnn,Lee,,,,,\r\n",
	       IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_int_equal(res.n, 1);
	assert_taken(&res.rows[0], 5, "Ann Lee");
	result_clear(&res);
}

static void linkedin_without_first_and_last_name_columns_fails(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Email\nAnn Lee,ann@example.com\n", IV_FORMAT_LINKEDIN, NULL);
	assert_fails(&res, "line 3: no header row");
	assert_fails(&res, "First Name and Last Name");
}

static void linkedin_names_take_either_half(void **state)
{
	struct result res;

	(void)state;
	import(&res, LI_HEADER "\nAnn,,,,,,\n,Lee,,,,,\n , ,https://x.example,,,,\n", IV_FORMAT_LINKEDIN, NULL);
	ok(res.error);
	assert_int_equal(res.n, 3);
	assert_taken(&res.rows[0], 2, "Ann");
	assert_taken(&res.rows[1], 3, "Lee");
	assert_skipped(&res.rows[2], 4, "no name");
	result_clear(&res);
}

static void connected_on_accepts_both_forms_at_noon_utc(void **state)
{
	struct result res;

	(void)state;
	import(&res, LI_HEADER "\n"
	       "A,A,,,,,12 Mar 2024\n"
	       "B,B,,,,,2024-03-12\n"
	       "C,C,,,,,1 january 1999\n"
	       "D,D,,,,,29 Feb 2000\n"
	       "E,E,,,,,30 Sept 2010\n",
	       IV_FORMAT_LINKEDIN, NULL);
	ok(res.error);
	assert_int_equal(res.n, 5);
	assert_int_equal(iv_contact_last_interaction(res.rows[0].contact), 1710244800);
	assert_int_equal(iv_contact_last_interaction(res.rows[1].contact), 1710244800);
	assert_int_equal(iv_contact_last_interaction(res.rows[2].contact), noon(1999, 1, 1));
	assert_int_equal(iv_contact_last_interaction(res.rows[3].contact), noon(2000, 2, 29));
	assert_int_equal(iv_contact_last_interaction(res.rows[4].contact), noon(2010, 9, 30));
	result_clear(&res);
}

static void connected_on_that_is_not_a_date_skips_the_row(void **state)
{
	struct result res;
	static const char *const bad[] = { "29 Feb 2023", "32 Jan 2024", "12 Mrz 2024", "2024-13-01",
					   "12 Mar 24", "yesterday", "12 Mar 2024 10:00", "2024-3-" };
	char text[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(text, sizeof(text), LI_HEADER "\nAnn,Lee,,,,,%s\n", bad[i]);
		import(&res, text, IV_FORMAT_LINKEDIN, NULL);
		ok(res.error);
		assert_int_equal(res.n, 1);
		assert_skipped(&res.rows[0], 2, "is not a date");
		assert_skipped(&res.rows[0], 2, bad[i]);
		result_clear(&res);
	}
}

/* ------------------------------------------------------------------ */
/* Google                                                               */

static void google_new_fixture_gives_every_field(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	import_file(&res, "google_contacts.csv", IV_FORMAT_GOOGLE, NULL);
	ok(res.error);
	assert_int_equal(res.n, 4);

	assert_taken(&res.rows[0], 2, "Grace Ngata");
	c = res.rows[0].contact;
	assert_str(iv_contact_company(c), "Harbour Bank");
	assert_str(iv_contact_title(c), "Risk Analyst");
	assert_str(iv_contact_notes(c),
		   "Met at the spring data meetup.\nAsked about moving into risk.\nFollow up in May.");
	assert_tags(c, 2, "Friends", "Data people");
	assert_emails(c, 2, "grace.ngata@example.com", "g.ngata@example.org");
	assert_str(iv_contact_phone(c), "+64 21 555 0101");
	assert_str(iv_contact_location(c), "Wellington");
	assert_str(iv_contact_url(c), "https://grace.example.com");
	assert_int_equal(iv_contact_last_interaction(c), 0);
	assert_int_equal(res.rows[0].known, 0);

	assert_taken(&res.rows[1], 7, "Jo Ann Baker");
	c = res.rows[1].contact;
	assert_str(iv_contact_company(c), "Baker & Sons, Ltd.");
	assert_emails(c, 2, "jo@example.net", "jo.baker@example.com");
	assert_str(iv_contact_phone(c), "+44 20 5550 0134");
	assert_int_equal(iv_contact_tag_count(c), 0);
	assert_null(iv_contact_title(c));
	assert_null(iv_contact_notes(c));

	assert_skipped(&res.rows[2], 8, "no name");

	assert_taken(&res.rows[3], 9, "Kwame Mensah");
	c = res.rows[3].contact;
	assert_str(iv_contact_notes(c), "Said \"call any time\", then moved to Accra.");
	assert_tags(c, 1, "Mentors");
	assert_str(iv_contact_location(c), "Accra");
	assert_int_equal(iv_contact_email_count(c), 0);
	result_clear(&res);
}

static void google_old_fixture_gives_every_field(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	import_file(&res, "google_contacts_old.csv", IV_FORMAT_GOOGLE, NULL);
	ok(res.error);
	assert_int_equal(res.n, 3);

	assert_taken(&res.rows[0], 2, "Karl Meyer");
	c = res.rows[0].contact;
	assert_str(iv_contact_notes(c), "Old colleague.\nKnows the hiring manager.");
	assert_tags(c, 2, "Mentors", "Berlin");
	assert_emails(c, 3, "karl.meyer@example.de", "kmeyer@example.com", "karl@example.org");
	assert_str(iv_contact_phone(c), "+49 30 5550 1234");
	assert_str(iv_contact_location(c), "Berlin");
	assert_str(iv_contact_company(c), "Spree Software GmbH");
	assert_str(iv_contact_title(c), "Staff Engineer");
	assert_str(iv_contact_url(c), "https://karl.example.de");

	assert_taken(&res.rows[1], 5, "Lena Maria Rossi");
	c = res.rows[1].contact;
	assert_str(iv_contact_location(c), "Milan"); /* the first location column with a value */
	assert_emails(c, 1, "lena.rossi@example.it");
	assert_str(iv_contact_company(c), "Fiume Design");
	assert_int_equal(iv_contact_tag_count(c), 0);

	assert_skipped(&res.rows[2], 6, "no name");
	result_clear(&res);
}

static void google_name_column_wins_over_its_parts(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Given Name,Family Name\nDr. Ann Lee,Ann,Lee\n,Bo,Chen\n", IV_FORMAT_GOOGLE, NULL);
	ok(res.error);
	assert_int_equal(res.n, 2);
	assert_taken(&res.rows[0], 2, "Dr. Ann Lee");
	assert_taken(&res.rows[1], 3, "Bo Chen");
	result_clear(&res);
}

static void google_system_labels_are_dropped(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Labels\nAnn,\"* myContacts ::: * starred ::: Friends ::: Work, Remote\"\nBo,* starred\n",
	       IV_FORMAT_GOOGLE, NULL);
	ok(res.error);
	assert_int_equal(res.n, 2);
	/* " ::: " lists keep commas inside a label */
	assert_tags(res.rows[0].contact, 2, "Friends", "Work, Remote");
	assert_tags(res.rows[1].contact, 0);
	result_clear(&res);
}

/* ------------------------------------------------------------------ */
/* Any CSV                                                              */

static void generic_fixture_gives_every_field(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	import_file(&res, "generic.csv", IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_int_equal(res.n, 8);

	assert_taken(&res.rows[0], 2, "Priya Natarajan");
	c = res.rows[0].contact;
	assert_emails(c, 2, "priya@example.com", "p.natarajan@example.org");
	assert_str(iv_contact_phone(c), "+91 80 5550 1111");
	assert_str(iv_contact_company(c), "Saffron Health");
	assert_str(iv_contact_title(c), "Product Manager");
	assert_str(iv_contact_location(c), "Bengaluru");
	assert_str(iv_contact_url(c), "https://www.linkedin.com/in/priya-example");
	assert_str(iv_contact_notes(c), "Introduced by Ada.");
	assert_tags(c, 2, "mentor", "health");
	assert_int_equal(res.rows[0].known, IV_KNOWN_INTRODUCED);
	assert_int_equal(iv_contact_last_interaction(c), noon(2023, 11, 20));
	assert_str(res.rows[0].uid, "ext-0001");

	assert_taken(&res.rows[1], 3, "Tomasz Zielinski");
	c = res.rows[1].contact;
	assert_str(iv_contact_notes(c), "Two lines:\nsecond line");
	assert_tags(c, 1, "warm");
	assert_int_equal(res.rows[1].known, IV_KNOWN_DIRECT);
	assert_str(res.rows[1].uid, "ext-0002");
	assert_null(iv_contact_title(c));
	assert_null(iv_contact_phone(c));

	assert_taken(&res.rows[2], 5, "Uma Patel");
	assert_int_equal(res.rows[2].known, IV_KNOWN_COLD);
	assert_null(res.rows[2].uid);

	assert_taken(&res.rows[3], 6, "Victor \"Vic\" Hale");
	c = res.rows[3].contact;
	assert_str(iv_contact_company(c), "Hale, Hale & Co");
	assert_str(iv_contact_title(c), "Partner");
	assert_tags(c, 2, "a", "b");
	assert_int_equal(res.rows[3].known, 0);

	assert_skipped(&res.rows[4], 7, "known: 'sometimes' is not direct, introduced or cold");
	assert_skipped(&res.rows[5], 8, "email");
	assert_skipped(&res.rows[5], 8, "xia.example.com");
	assert_skipped(&res.rows[6], 9, "15 cells where the header has 14 columns");
	assert_taken(&res.rows[7], 10, "Zoe Clark");
	assert_emails(res.rows[7].contact, 1, "zoe@example.com");
	result_clear(&res);
}

static void column_names_ignore_case_spaces_underscores_and_hyphens(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	import(&res,
	       "FIRST_NAME,family-name,E Mail Address,Telephone,ORGANISATION,job_title,LOCATION,Web-Site,NOTE,"
	       "LABELS,KNOWN,Connected_On,uid\n"
	       "Ann,Lee,ann@example.com,555 0100,Acme,CTO,Oslo,https://ann.example,hi,x;y,Cold,1 Feb 2020,u-1\n",
	       IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_int_equal(res.n, 1);
	assert_taken(&res.rows[0], 2, "Ann Lee");
	c = res.rows[0].contact;
	assert_emails(c, 1, "ann@example.com");
	assert_str(iv_contact_phone(c), "555 0100");
	assert_str(iv_contact_company(c), "Acme");
	assert_str(iv_contact_title(c), "CTO");
	assert_str(iv_contact_location(c), "Oslo");
	assert_str(iv_contact_url(c), "https://ann.example");
	assert_str(iv_contact_notes(c), "hi");
	assert_tags(c, 2, "x", "y");
	assert_int_equal(res.rows[0].known, IV_KNOWN_COLD);
	assert_int_equal(iv_contact_last_interaction(c), noon(2020, 2, 1));
	assert_str(res.rows[0].uid, "u-1");
	result_clear(&res);
}

static void other_recognised_names(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	import(&res, "Given Name,Surname,Email 2,Mobile,Employer,Role,City,Profile,Tags\n"
	       "Ann,Lee,a@example.com,1,E,R,C,https://p.example,t\n",
	       IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_taken(&res.rows[0], 2, "Ann Lee");
	c = res.rows[0].contact;
	assert_emails(c, 1, "a@example.com");
	assert_str(iv_contact_phone(c), "1");
	assert_str(iv_contact_company(c), "E");
	assert_str(iv_contact_title(c), "R");
	assert_str(iv_contact_location(c), "C");
	assert_str(iv_contact_url(c), "https://p.example");
	assert_tags(c, 1, "t");
	result_clear(&res);
	import(&res, "Full Name,Company,Position,Organization,LinkedIn,Website\nAnn Lee,A,P,B,https://l.example,https://w.example\n",
	       IV_FORMAT_CSV, NULL);
	ok(res.error);
	c = res.rows[0].contact;
	assert_str(iv_contact_company(c), "A"); /* the first column with a value */
	assert_str(iv_contact_title(c), "P");
	assert_str(iv_contact_url(c), "https://l.example");
	result_clear(&res);
}

static void emails_split_on_commas_semicolons_and_triple_colons(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Email,Email 2\nAnn,\"a@example.com, b@example.com; c@example.com\",d@example.com ::: A@EXAMPLE.COM\n",
	       IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_emails(res.rows[0].contact, 4, "a@example.com", "b@example.com", "c@example.com", "d@example.com");
	result_clear(&res);
}

static void tags_split_on_commas_semicolons_or_triple_colons(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Tags\nA,\"x, y;z\"\nB,p ::: q\nC,\" ; ,\"\n", IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_int_equal(res.n, 3);
	assert_tags(res.rows[0].contact, 3, "x", "y", "z");
	assert_tags(res.rows[1].contact, 2, "p", "q");
	assert_tags(res.rows[2].contact, 0);
	result_clear(&res);
}

static void unknown_columns_are_dropped(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Favourite Colour,Birthday,E-mail 1 - Type\nAnn,teal,1990-01-01,Work\n", IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_taken(&res.rows[0], 2, "Ann");
	assert_null(iv_contact_notes(res.rows[0].contact));
	assert_null(iv_contact_company(res.rows[0].contact));
	assert_int_equal(iv_contact_tag_count(res.rows[0].contact), 0);
	assert_int_equal(iv_contact_last_interaction(res.rows[0].contact), 0);
	result_clear(&res);
}

static void a_header_without_a_name_column_fails_naming_its_line(void **state)
{
	struct result res;

	(void)state;
	import(&res, "\n\nEmail,Company\nann@example.com,Acme\n", IV_FORMAT_CSV, NULL);
	assert_fails(&res, "line 3: the header has no name column (give one with --map)");
	import(&res, "Email,Company\nann@example.com,Acme\n", IV_FORMAT_GOOGLE, NULL);
	assert_fails(&res, "line 1: the header has no name column");
}

static void values_are_trimmed(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Company,Notes\n  Ann Lee  , Acme\t,\"\n note \n\"\n", IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_taken(&res.rows[0], 2, "Ann Lee");
	assert_str(iv_contact_company(res.rows[0].contact), "Acme");
	assert_str(iv_contact_notes(res.rows[0].contact), "note");
	result_clear(&res);
}

static void a_refused_field_skips_the_row_naming_the_field(void **state)
{
	struct result res;
	char text[600];

	(void)state;
	snprintf(text, sizeof(text), "Name,Company,Tags\nAnn,%0300d,\nBo,,ok\n\"Cy\nDe\",,\nEd,,%070d\n", 7, 7);
	import(&res, text, IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_int_equal(res.n, 4);
	assert_skipped(&res.rows[0], 2, "company");
	assert_taken(&res.rows[1], 3, "Bo");
	assert_skipped(&res.rows[2], 4, "name");
	assert_skipped(&res.rows[3], 6, "tag");
	result_clear(&res);
}

/* ------------------------------------------------------------------ */
/* The map                                                              */

static void map_wins_over_recognition(void **state)
{
	static const char *const map[] = { "Company", "title", "Employer (current)", "company",
					   "Handle", "name", NULL };
	iv_import_options o = with_map(map);
	struct result res;

	(void)state;
	import(&res, "Handle,Name,Company,Employer (current)\nann_l,Ann Lee,Engineer,Acme\n", IV_FORMAT_CSV, &o);
	ok(res.error);
	assert_taken(&res.rows[0], 2, "ann_l"); /* the mapped column comes first */
	assert_str(iv_contact_title(res.rows[0].contact), "Engineer");
	assert_str(iv_contact_company(res.rows[0].contact), "Acme");
	result_clear(&res);
}

static void map_gives_a_name_column_and_ignores_columns(void **state)
{
	static const char *const map[] = { "Who", "name", "email", "ignore", "Primary-Mail", "email", NULL };
	iv_import_options o = with_map(map);
	struct result res;

	(void)state;
	import(&res, "Who,Email,PRIMARY MAIL\nAnn,skip@example.com,ann@example.com\n", IV_FORMAT_CSV, &o);
	ok(res.error);
	assert_taken(&res.rows[0], 2, "Ann");
	assert_emails(res.rows[0].contact, 1, "ann@example.com");
	result_clear(&res);
}

static void map_field_names_as_documented(void **state)
{
	static const char *const map[] = { "a", "name", "b", "first_name", "c", "middle_name", "d", "last_name",
					   "e", "email", "f", "phone", "g", "company", "h", "title",
					   "i", "location", "j", "url", "k", "notes", "l", "tags",
					   "m", "known", "n", "connected", "o", "uid", "p", "ignore", NULL };
	iv_import_options o = with_map(map);
	struct result res;
	const iv_contact *c;

	(void)state;
	import(&res, "b,c,d,e,f,g,h,i,j,k,l,m,n,o,p\nA,B,C,e@example.com,F,G,H,I,https://j.example,K,L,cold,2020-01-02,O,P\n",
	       IV_FORMAT_CSV, &o);
	ok(res.error);
	assert_taken(&res.rows[0], 2, "A B C");
	c = res.rows[0].contact;
	assert_emails(c, 1, "e@example.com");
	assert_str(iv_contact_phone(c), "F");
	assert_str(iv_contact_company(c), "G");
	assert_str(iv_contact_title(c), "H");
	assert_str(iv_contact_location(c), "I");
	assert_str(iv_contact_url(c), "https://j.example");
	assert_str(iv_contact_notes(c), "K");
	assert_tags(c, 1, "L");
	assert_int_equal(res.rows[0].known, IV_KNOWN_COLD);
	assert_int_equal(iv_contact_last_interaction(c), noon(2020, 1, 2));
	assert_str(res.rows[0].uid, "O");
	result_clear(&res);
}

static void map_with_an_unknown_field_fails_naming_it(void **state)
{
	static const char *const map[] = { "Who", "name", "Mail", "e_mail_address", NULL };
	static const char *const odd[] = { "Who", NULL };
	iv_import_options o = with_map(map);
	struct result res;

	(void)state;
	import(&res, "Who,Mail\nAnn,a@example.com\n", IV_FORMAT_CSV, &o);
	assert_fails(&res, "'e_mail_address'");
	assert_fails(&res, "is not a field");
	o = with_map(odd);
	import(&res, "Who\nAnn\n", IV_FORMAT_CSV, &o);
	assert_fails(&res, "'Who'");
}

static void map_applies_to_linkedin_too(void **state)
{
	static const char *const map[] = { "Position", "ignore", NULL };
	iv_import_options o = with_map(map);
	struct result res;

	(void)state;
	import(&res, LI_HEADER "\nAnn,Lee,,,Acme,CTO,\n", IV_FORMAT_LINKEDIN, &o);
	ok(res.error);
	assert_null(iv_contact_title(res.rows[0].contact));
	assert_str(iv_contact_company(res.rows[0].contact), "Acme");
	result_clear(&res);
}

/* ------------------------------------------------------------------ */
/* RFC 4180 and its quirks                                              */

static void quoted_cells_keep_commas_quotes_and_newlines(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Notes,Company\n"
	       "\"Lee, Ann\",\"she said \"\"hi\"\"\nand left\",\"A \"\"B\"\" C\"\n"
	       "Bo,\"\",\n",
	       IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_int_equal(res.n, 2);
	assert_taken(&res.rows[0], 2, "Lee, Ann");
	assert_str(iv_contact_notes(res.rows[0].contact), "she said \"hi\"\nand left");
	assert_str(iv_contact_company(res.rows[0].contact), "A \"B\" C");
	assert_taken(&res.rows[1], 4, "Bo");
	assert_null(iv_contact_notes(res.rows[1].contact));
	result_clear(&res);
}

static void line_numbers_count_newlines_inside_cells(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Notes\n"
	       "Ann,\"1\n2\n3\"\n"          /* lines 2-4 */
	       ",\"no\r\nname\"\n"           /* 5-6 */
	       "\n"                          /* 7 */
	       "Bo,x,y\n"                    /* 8 */
	       "Cy,\"a\n\nb\"\n",            /* 9-11 */
	       IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_int_equal(res.n, 4);
	assert_taken(&res.rows[0], 2, "Ann");
	assert_str(iv_contact_notes(res.rows[0].contact), "1\n2\n3");
	assert_skipped(&res.rows[1], 5, "no name");
	assert_skipped(&res.rows[2], 8, "3 cells where the header has 2 columns");
	assert_taken(&res.rows[3], 9, "Cy");
	assert_str(iv_contact_notes(res.rows[3].contact), "a\n\nb");
	result_clear(&res);
}

static void crlf_and_lf_read_the_same(void **state)
{
	struct result lf, crlf;

	(void)state;
	import(&lf, "Name,Notes\nAnn,\"a\nb\"\nBo,c\n", IV_FORMAT_CSV, NULL);
	import(&crlf, "Name,Notes\r\nAnn,\"a\r\nb\"\r\nBo,c\r\n", IV_FORMAT_CSV, NULL);
	ok(lf.error);
	ok(crlf.error);
	assert_int_equal(lf.n, 2);
	assert_int_equal(crlf.n, 2);
	rows_equal(&lf.rows[0], &crlf.rows[0]);
	rows_equal(&lf.rows[1], &crlf.rows[1]);
	assert_str(iv_contact_notes(crlf.rows[0].contact), "a\nb");
	result_clear(&lf);
	result_clear(&crlf);
}

static void a_byte_order_mark_is_not_part_of_the_header(void **state)
{
	struct result res;

	(void)state;
	import(&res, "\xEF\xBB\xBFName,Email\nAnn,a@example.com\n", IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_taken(&res.rows[0], 2, "Ann");
	assert_emails(res.rows[0].contact, 1, "a@example.com");
	result_clear(&res);
}

static void bytes_like_a_byte_order_mark_stay_data(void **state)
{
	/* EF BB 80 is U+FEC0, EF 80 80 is U+F000: the first cell, not a mark */
	static const char *const map[] = { "\xEF\xBB\x80x", "company", "\xEF\x80\x80y", "title", NULL };
	iv_import_options o = with_map(map);
	struct result res;

	(void)state;
	import(&res, "\xEF\xBB\x80x,Name\nAcme,Ann\n", IV_FORMAT_CSV, &o);
	ok(res.error);
	assert_str(iv_contact_company(res.rows[0].contact), "Acme");
	result_clear(&res);
	import(&res, "\xEF\x80\x80y,Name\nCTO,Ann\n", IV_FORMAT_CSV, &o);
	ok(res.error);
	assert_str(iv_contact_title(res.rows[0].contact), "CTO");
	result_clear(&res);
}

static void empty_and_missing_cells_are_empty(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Company,Title,Email\nAnn,,,\nBo\nCy,Acme\n", IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_int_equal(res.n, 3);
	assert_taken(&res.rows[0], 2, "Ann");
	assert_null(iv_contact_company(res.rows[0].contact));
	assert_taken(&res.rows[1], 3, "Bo");
	assert_taken(&res.rows[2], 4, "Cy");
	assert_str(iv_contact_company(res.rows[2].contact), "Acme");
	assert_null(iv_contact_title(res.rows[2].contact));
	assert_int_equal(iv_contact_email_count(res.rows[2].contact), 0);
	result_clear(&res);
}

static void blank_lines_and_empty_records_are_not_rows(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Company\n\nAnn,A\n,\n  ,  \r\n\r\n\n", IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_int_equal(res.n, 1);
	assert_taken(&res.rows[0], 3, "Ann");
	result_clear(&res);
}

static void the_last_record_needs_no_newline(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Company\nAnn,\"A, B\"", IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_int_equal(res.n, 1);
	assert_str(iv_contact_company(res.rows[0].contact), "A, B");
	result_clear(&res);
	import(&res, "Name,Company\nAnn,A,x", IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_skipped(&res.rows[0], 2, "3 cells");
	result_clear(&res);
}

/* A spreadsheet's trailing commas, empty cells past the header's, are nothing to skip a row for. */
static void empty_cells_past_the_header_are_ignored(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Company\nAnn,A,,  ,\nBea,B\n", IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_int_equal(res.n, 2);
	assert_taken(&res.rows[0], 2, "Ann");
	assert_str(iv_contact_company(res.rows[0].contact), "A");
	assert_taken(&res.rows[1], 3, "Bea");
	result_clear(&res);
}

static void sloppy_quotes_are_text(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Company\nAnn \"the\" Lee,\"Acme\" Inc\n", IV_FORMAT_CSV, NULL);
	ok(res.error);
	assert_taken(&res.rows[0], 2, "Ann \"the\" Lee");
	assert_str(iv_contact_company(res.rows[0].contact), "Acme Inc");
	result_clear(&res);
}

static void a_header_only_file_has_no_rows(void **state)
{
	struct result res;

	(void)state;
	import(&res, LI_HEADER "\r\n", IV_FORMAT_LINKEDIN, NULL);
	ok(res.error);
	assert_int_equal(res.n, 0);
}

/* ------------------------------------------------------------------ */
/* Hostile input                                                        */

static void an_empty_file_has_no_header_row(void **state)
{
	struct result res;

	(void)state;
	import(&res, "", IV_FORMAT_CSV, NULL);
	assert_fails(&res, "line 1: no header row (the file is empty)");
	import(&res, "\xEF\xBB\xBF", IV_FORMAT_LINKEDIN, NULL);
	assert_fails(&res, "line 1: no header row (the file is empty)");
	import(&res, "\n\r\n\n", IV_FORMAT_GOOGLE, NULL);
	assert_fails(&res, "line 4: no header row (the file has only blank lines)");
}

static void invalid_utf8_fails_naming_the_line(void **state)
{
	struct result res;

	(void)state;
	/* Latin-1 e-acute after a cell of three lines: line 5 */
	import(&res, "Name,Notes\nAnn,\"a\nb\nc\"\nRen\xE9,x\n", IV_FORMAT_CSV, NULL);
	assert_fails(&res, "line 5: invalid UTF-8");
	/* inside a cell that spans lines: the line of the byte */
	import(&res, "Name,Notes\nAnn,\"a\nb\xC3\"\n", IV_FORMAT_CSV, NULL);
	assert_fails(&res, "line 3: invalid UTF-8");
	/* in the header, in a preamble, an overlong form, a surrogate */
	import(&res, "Nam\xE9\n", IV_FORMAT_CSV, NULL);
	assert_fails(&res, "line 1: invalid UTF-8");
	import(&res, "Notes:\n\xFF\n\n" LI_HEADER "\n", IV_FORMAT_LINKEDIN, NULL);
	assert_fails(&res, "line 2: invalid UTF-8");
	import(&res, "Name\n\xC0\xAF\n", IV_FORMAT_CSV, NULL);
	assert_fails(&res, "line 2: invalid UTF-8");
	import(&res, "Name\nx\xED\xA0\x80\n", IV_FORMAT_CSV, NULL);
	assert_fails(&res, "line 2: invalid UTF-8");
}

static void a_nul_byte_is_binary_data(void **state)
{
	static const char text[] = "Name,Email\nAnn,a@example.com\nB\0b,x\n";
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	struct result res;

	(void)state;
	import_n(&res, text, sizeof(text) - 1, IV_FORMAT_CSV, NULL);
	assert_fails(&res, "line 3: a NUL byte: this is binary data");
	import_n(&res, png, sizeof(png) - 1, IV_FORMAT_CSV, NULL);
	assert_fails(&res, "line 1: invalid UTF-8");
}

static void a_quoted_cell_that_never_ends_fails_where_it_starts(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name,Notes\nAnn,x\nBo,\"starts here\nand\nnever ends\n", IV_FORMAT_CSV, NULL);
	assert_fails(&res, "line 3: a quoted cell starts here and never ends");
	import(&res, "Notes:\n\"unclosed\n\n" LI_HEADER "\nAnn,Lee,,,,,\n", IV_FORMAT_LINKEDIN, NULL);
	assert_fails(&res, "line 2: a quoted cell starts here and never ends");
}

/* Produces a header, then one record of `size` bytes on line 3. */
struct big {
	size_t size, pos;
	const char *head;
};

static int read_big(char *buf, size_t size, size_t *got, void *payload)
{
	struct big *b = payload;
	size_t hl = strlen(b->head), n = 0;

	while (n < size && b->pos < hl + b->size) {
		buf[n++] = b->pos < hl ? b->head[b->pos] : 'a';
		b->pos++;
	}
	*got = n;
	return 0;
}

static void a_record_longer_than_the_limit_fails_naming_its_line(void **state)
{
	struct big b = { (size_t)IV_LIMIT_RECORD + 10, 0, "Name,Notes\nAnn,x\nBo,\"" };
	struct iv__reader *r = malloc(sizeof(*r));
	struct iv__importer *imp;
	struct iv__row row;

	(void)state;
	assert_non_null(r);
	iv__reader_init(r, read_big, &b, 0);
	ok(iv__csv_importer(&imp, r, IV_FORMAT_CSV, NULL));
	memset(&row, 0, sizeof(row));
	ok(imp->next(&row, imp));
	assert_taken(&row, 2, "Ann");
	iv__row_clear(&row);
	check(imp->next(&row, imp), IV_EINVALID);
	assert_message_has("line 3: a record longer than");
	iv__row_clear(&row);
	imp->free(imp);
	/* Far fewer bytes were read than the input holds: the import stopped there. */
	assert_true(r->offset < (uint64_t)IV_LIMIT_RECORD + 100);
	free(r);
}

static void a_header_of_too_many_columns_fails(void **state)
{
	size_t n = 2 * IV__CSV_MAX_COLUMNS + 8, i;
	char *text = malloc(n + 1);
	struct result res;

	(void)state;
	assert_non_null(text);
	for (i = 0; i + 1 < n; i += 2)
		text[i] = 'x', text[i + 1] = ',';
	text[n - 1] = '\n';
	text[n] = '\0';
	import(&res, text, IV_FORMAT_CSV, NULL);
	assert_fails(&res, "line 1: more than 4096 columns");
	free(text);
}

static void a_failing_read_callback_stops_the_import_with_its_value(void **state)
{
	static const char text[] = "Name\nAnn\nBo\nCy\n";
	struct src s = { text, sizeof(text) - 1, 0, 1, 9 };
	struct result res;

	(void)state;
	run_src(&res, &s, IV_FORMAT_CSV, NULL);
	assert_int_equal(res.error, -77);
	assert_int_equal(res.n, 1);
	result_clear(&res);
	s.pos = 0;
	s.fail_at = 2;
	run_src(&res, &s, IV_FORMAT_CSV, NULL);
	assert_int_equal(res.error, -77);
}

static void a_format_that_is_not_csv_is_refused(void **state)
{
	struct result res;

	(void)state;
	import(&res, "Name\nAnn\n", IV_FORMAT_VCARD, NULL);
	assert_fails(&res, "not a CSV format");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(linkedin_fixture_gives_every_field),
		cmocka_unit_test(linkedin_header_is_found_after_the_notes_preamble),
		cmocka_unit_test(linkedin_header_without_preamble_is_the_first_line),
		cmocka_unit_test(linkedin_file_as_plain_csv_skips_the_preamble_too),
		cmocka_unit_test(linkedin_without_first_and_last_name_columns_fails),
		cmocka_unit_test(linkedin_names_take_either_half),
		cmocka_unit_test(connected_on_accepts_both_forms_at_noon_utc),
		cmocka_unit_test(connected_on_that_is_not_a_date_skips_the_row),
		cmocka_unit_test(google_new_fixture_gives_every_field),
		cmocka_unit_test(google_old_fixture_gives_every_field),
		cmocka_unit_test(google_name_column_wins_over_its_parts),
		cmocka_unit_test(google_system_labels_are_dropped),
		cmocka_unit_test(generic_fixture_gives_every_field),
		cmocka_unit_test(column_names_ignore_case_spaces_underscores_and_hyphens),
		cmocka_unit_test(other_recognised_names),
		cmocka_unit_test(emails_split_on_commas_semicolons_and_triple_colons),
		cmocka_unit_test(tags_split_on_commas_semicolons_or_triple_colons),
		cmocka_unit_test(unknown_columns_are_dropped),
		cmocka_unit_test(a_header_without_a_name_column_fails_naming_its_line),
		cmocka_unit_test(values_are_trimmed),
		cmocka_unit_test(a_refused_field_skips_the_row_naming_the_field),
		cmocka_unit_test(map_wins_over_recognition),
		cmocka_unit_test(map_gives_a_name_column_and_ignores_columns),
		cmocka_unit_test(map_field_names_as_documented),
		cmocka_unit_test(map_with_an_unknown_field_fails_naming_it),
		cmocka_unit_test(map_applies_to_linkedin_too),
		cmocka_unit_test(quoted_cells_keep_commas_quotes_and_newlines),
		cmocka_unit_test(line_numbers_count_newlines_inside_cells),
		cmocka_unit_test(crlf_and_lf_read_the_same),
		cmocka_unit_test(a_byte_order_mark_is_not_part_of_the_header),
		cmocka_unit_test(bytes_like_a_byte_order_mark_stay_data),
		cmocka_unit_test(empty_and_missing_cells_are_empty),
		cmocka_unit_test(blank_lines_and_empty_records_are_not_rows),
		cmocka_unit_test(the_last_record_needs_no_newline),
		cmocka_unit_test(empty_cells_past_the_header_are_ignored),
		cmocka_unit_test(sloppy_quotes_are_text),
		cmocka_unit_test(a_header_only_file_has_no_rows),
		cmocka_unit_test(an_empty_file_has_no_header_row),
		cmocka_unit_test(invalid_utf8_fails_naming_the_line),
		cmocka_unit_test(a_nul_byte_is_binary_data),
		cmocka_unit_test(a_quoted_cell_that_never_ends_fails_where_it_starts),
		cmocka_unit_test(a_record_longer_than_the_limit_fails_naming_its_line),
		cmocka_unit_test(a_header_of_too_many_columns_fails),
		cmocka_unit_test(a_failing_read_callback_stops_the_import_with_its_value),
		cmocka_unit_test(a_format_that_is_not_csv_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * The vCard reader (lib/vcard.c) through its iv__importer interface, over
 * input held in memory: every input is read whole, byte by byte and in
 * 5-byte pieces, and the three readings must give the same rows and the
 * same error. Versions 3.0 and 4.0 and 2.1 quirks; hostile input names its
 * line.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "check.h"
#include "io.h"

#define MAX_ROWS 8

/* Input handed out `chunk` bytes at a time. */
struct mem {
	const char *s;
	size_t len, pos, chunk;
	int fail_at;  /* > 0: the read that starts at or past this offset fails with 42 */
};

static int mem_read(char *buf, size_t size, size_t *got, void *payload)
{
	struct mem *m = payload;
	size_t n = m->len - m->pos;

	if (m->fail_at > 0 && m->pos >= (size_t)m->fail_at)
		return 42;
	if (n > size)
		n = size;
	if (n > m->chunk)
		n = m->chunk;
	memcpy(buf, m->s + m->pos, n);
	m->pos += n;
	*got = n;
	return 0;
}

/* What reading a whole input gave. */
struct result {
	int code;           /* how it ended: IV_ITEROVER, or the error */
	char message[512];  /* the error's message */
	size_t n;
	struct iv__row rows[MAX_ROWS];
};

static void result_clear(struct result *res)
{
	size_t i;

	for (i = 0; i < res->n; i++)
		iv__row_clear(&res->rows[i]);
	memset(res, 0, sizeof(*res));
}

static int read_rows(struct iv__reader *r, struct result *res)
{
	struct iv__importer *imp = NULL;
	struct iv__row row;
	int error;

	if ((error = iv__vcard_importer(&imp, r, NULL)) != 0)
		return error;
	for (;;) {
		memset(&row, 0, sizeof(row));
		if ((error = imp->next(&row, imp)) != 0) {
			iv__row_clear(&row);
			break;
		}
		if (res->n == MAX_ROWS) {
			iv__row_clear(&row);
			error = -1000;
			break;
		}
		res->rows[res->n++] = row;
	}
	imp->free(imp);
	return error;
}

static void read_chunked(const char *s, size_t len, size_t chunk, int fail_at, struct result *res)
{
	struct mem m = { s, len, 0, chunk, fail_at };
	struct iv__reader *r = malloc(sizeof(*r));

	assert_non_null(r);
	memset(res, 0, sizeof(*res));
	iv__reader_init(r, mem_read, &m, len);
	res->code = read_rows(r, res);
	if (res->code != IV_ITEROVER)
		snprintf(res->message, sizeof(res->message), "%s", iv_error_last()->message);
	free(r);
}

static void dump_text(FILE *f, const char *what, const char *s)
{
	fprintf(f, "%s=%s\n", what, s ? s : "(null)");
}

/* Everything a result holds, as text, to compare readings. */
static char *dump(const struct result *res)
{
	char *text = NULL;
	size_t size = 0, i, j;
	FILE *f = open_memstream(&text, &size);

	assert_non_null(f);
	fprintf(f, "code=%d message=%s\n", res->code, res->code == IV_ITEROVER ? "" : res->message);
	for (i = 0; i < res->n; i++) {
		const struct iv__row *row = &res->rows[i];
		const iv_contact *c = row->contact;

		fprintf(f, "row %zu line=%llu known=%d\n", i, (unsigned long long)row->line, row->known);
		dump_text(f, "uid", row->uid);
		dump_text(f, "introducer", row->introducer);
		dump_text(f, "skip", row->skip);
		if (!c)
			continue;
		dump_text(f, "name", iv_contact_name(c));
		dump_text(f, "phone", iv_contact_phone(c));
		dump_text(f, "company", iv_contact_company(c));
		dump_text(f, "title", iv_contact_title(c));
		dump_text(f, "location", iv_contact_location(c));
		dump_text(f, "url", iv_contact_url(c));
		dump_text(f, "notes", iv_contact_notes(c));
		for (j = 0; j < iv_contact_email_count(c); j++)
			dump_text(f, "email", iv_contact_email_at(c, j));
		for (j = 0; j < iv_contact_tag_count(c); j++)
			dump_text(f, "tag", iv_contact_tag_at(c, j));
	}
	fclose(f);
	return text;
}

/*
 * Reads s[0..len) whole, then byte by byte, then in 5-byte pieces: the
 * three must agree. `res` holds the first reading.
 */
static void import_n(const char *s, size_t len, struct result *res)
{
	static const size_t chunks[] = { 1, 5 };
	struct result other;
	char *want, *got;
	size_t i;

	read_chunked(s, len, (size_t)-1, 0, res);
	want = dump(res);
	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		read_chunked(s, len, chunks[i], 0, &other);
		got = dump(&other);
		result_clear(&other);
		if (strcmp(want, got) != 0)
			FAIL("read in %zu-byte pieces:\n%s\nread whole:\n%s\n", chunks[i], got, want);
		free(got);
	}
	free(want);
}

static void import(const char *s, struct result *res)
{
	import_n(s, strlen(s), res);
}

/* The one row of a card that must read; returns its contact. */
static const iv_contact *only_contact(const char *s, struct result *res)
{
	import(s, res);
	if (res->code != IV_ITEROVER)
		FAIL("the import failed: %s\n", res->message);
	assert_int_equal(res->n, 1);
	if (res->rows[0].skip)
		FAIL("the row was skipped: %s\n", res->rows[0].skip);
	assert_non_null(res->rows[0].contact);
	return res->rows[0].contact;
}

/* The import fails with IV_EINVALID and this message. */
static void assert_fails(const char *s, const char *message)
{
	struct result res;

	import(s, &res);
	assert_int_equal(res.code, IV_EINVALID);
	if (strstr(res.message, message) == NULL)
		FAIL("message \"%s\"\n  does not contain \"%s\"\n", res.message, message);
	result_clear(&res);
}

#define assert_emails(c, ...) do { \
	const char *want_[] = { __VA_ARGS__ }; \
	size_t i_, n_ = sizeof(want_) / sizeof(want_[0]); \
	assert_int_equal(iv_contact_email_count(c), n_); \
	for (i_ = 0; i_ < n_; i_++) \
		assert_str(iv_contact_email_at((c), i_), want_[i_]); \
} while (0)

#define assert_tags(c, ...) do { \
	const char *want_[] = { __VA_ARGS__ }; \
	size_t i_, n_ = sizeof(want_) / sizeof(want_[0]); \
	assert_int_equal(iv_contact_tag_count(c), n_); \
	for (i_ = 0; i_ < n_; i_++) \
		assert_str(iv_contact_tag_at((c), i_), want_[i_]); \
} while (0)

/* ======================================================================= */
/* Cards that read                                                          */
/* ======================================================================= */

static void a_minimal_4_0_card_gives_one_row(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	c = only_contact("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Quill\r\nEMAIL:ada@example.org\r\n"
			 "UID:urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\r\nEND:VCARD\r\n", &res);
	assert_str(iv_contact_name(c), "Ada Quill");
	assert_emails(c, "ada@example.org");
	assert_str(res.rows[0].uid, "urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
	assert_int_equal(res.rows[0].line, 1);
	assert_int_equal(res.rows[0].known, 0);
	assert_null(res.rows[0].introducer);
	assert_null(iv_contact_phone(c));
	assert_null(iv_contact_notes(c));
	result_clear(&res);
}

static void rows_carry_the_line_of_their_begin(void **state)
{
	struct result res;

	(void)state;
	import("\n\nBEGIN:VCARD\nVERSION:3.0\nFN:One\nN:;One;;;\nEND:VCARD\n"
	       "\n"
	       "BEGIN:VCARD\nVERSION:3.0\nFN:Two\nNOTE:a\n  folded note\nEND:VCARD\n"
	       "BEGIN:VCARD\nVERSION:3.0\nFN:Three\nEND:VCARD", &res);
	assert_int_equal(res.code, IV_ITEROVER);
	assert_int_equal(res.n, 3);
	assert_int_equal(res.rows[0].line, 3);
	assert_int_equal(res.rows[1].line, 9);
	assert_int_equal(res.rows[2].line, 15);
	assert_str(iv_contact_name(res.rows[2].contact), "Three");
	result_clear(&res);
}

static void empty_or_blank_input_gives_no_row(void **state)
{
	struct result res;

	(void)state;
	import("", &res);
	assert_int_equal(res.code, IV_ITEROVER);
	assert_int_equal(res.n, 0);
	import("\r\n \r\n\t\n", &res);
	assert_int_equal(res.code, IV_ITEROVER);
	assert_int_equal(res.n, 0);
}

static void folded_lines_are_unfolded(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	/* CRLF and a space, LF and a tab; the line break and that one character go */
	c = only_contact("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada \r\n Quill\r\n"
			 "NOTE:one two\n\tthree\r\n  four\r\nEMA\r\n IL:ada@exa\r\n mple.org\r\nEND:VCARD\r\n", &res);
	assert_str(iv_contact_name(c), "Ada Quill");
	assert_str(iv_contact_notes(c), "one twothree four");
	assert_emails(c, "ada@example.org");
	result_clear(&res);
}

static void a_fold_inside_a_utf8_character_is_joined(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	/* RFC 6350 3.2: "Zoë Ångström" folded between the bytes of ë and of Å */
	c = only_contact("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zo\xC3\r\n \xAB \xC3\r\n\t\x85ngstr\xC3\xB6m\r\n"
			 "NOTE:\xE2\x82\r\n \xAC and \xF0\x9F\r\n \x98\x80\r\nEND:VCARD\r\n", &res);
	assert_str(iv_contact_name(c), "Zo\xC3\xAB \xC3\x85ngstr\xC3\xB6m");
	assert_str(iv_contact_notes(c), "\xE2\x82\xAC and \xF0\x9F\x98\x80");
	result_clear(&res);
}

static void escapes_are_undone(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	c = only_contact("BEGIN:VCARD\nVERSION:4.0\nFN:Lee\\, Jr.\n"
			 "NOTE:a\\nb\\Nc\\, d\\; e\\\\f \\\\n C:\\Users\\x\n"
			 "TITLE:Head of R\\&D\nEND:VCARD\n", &res);
	assert_str(iv_contact_name(c), "Lee, Jr.");
	/* \\n is a backslash and an n; an unknown escape keeps its backslash */
	assert_str(iv_contact_notes(c), "a\nb\nc, d; e\\f \\n C:\\Users\\x");
	assert_str(iv_contact_title(c), "Head of R\\&D");
	result_clear(&res);
}

static void grouped_properties_are_read_and_labels_passed_over(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	c = only_contact("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Gus Pine\r\n"
			 "item1.EMAIL;type=INTERNET:gus@work.example\r\nitem1.X-ABLabel:_$!<Work>!$_\r\n"
			 "item2.URL:https\\://gus.example\r\nitem2.X-ABLabel:_$!<HomePage>!$_\r\n"
			 "a.b.TEL:+1 555 0100\r\nEND:VCARD\r\n", &res);
	assert_emails(c, "gus@work.example");
	assert_str(iv_contact_url(c), "https://gus.example");
	assert_str(iv_contact_phone(c), "+1 555 0100");
	result_clear(&res);
}

static void several_emails_put_the_preferred_first(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	/* 4.0: PREF=n, lower first; the others keep the file's order */
	c = only_contact("BEGIN:VCARD\nVERSION:4.0\nFN:Ann\n"
			 "EMAIL;TYPE=home:home@example.org\nEMAIL;TYPE=work;PREF=2:work@example.org\n"
			 "EMAIL:other@example.org\nEMAIL;PREF=1:main@example.org\n"
			 "EMAIL:mailto:MAIN@example.org\nEND:VCARD\n", &res);
	assert_emails(c, "main@example.org", "work@example.org", "home@example.org", "other@example.org");
	result_clear(&res);
}

static void pref_in_any_3_0_spelling_comes_first(void **state)
{
	static const char *const spellings[] = {
		"EMAIL;TYPE=INTERNET,pref:b@example.org",
		"EMAIL;TYPE=\"internet,PREF\":b@example.org",
		"EMAIL;INTERNET;PREF:b@example.org",
		"EMAIL;type=INTERNET;type=pref:b@example.org",
	};
	char text[512];
	struct result res;
	const iv_contact *c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++) {
		snprintf(text, sizeof(text), "BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nEMAIL;TYPE=INTERNET:a@example.org\n"
			 "%s\nEND:VCARD\n", spellings[i]);
		c = only_contact(text, &res);
		assert_emails(c, "b@example.org", "a@example.org");
		result_clear(&res);
	}
}

static void the_preferred_phone_or_else_the_first_is_kept(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	c = only_contact("BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nTEL;TYPE=HOME:111\nTEL;TYPE=CELL,pref:222\n"
			 "TEL;TYPE=WORK:333\nEND:VCARD\n", &res);
	assert_str(iv_contact_phone(c), "222");
	result_clear(&res);
	c = only_contact("BEGIN:VCARD\nVERSION:4.0\nFN:Ann\nTEL;VALUE=uri;TYPE=home:tel:+1-555-0101\n"
			 "TEL;TYPE=work:+1-555-0102\nEND:VCARD\n", &res);
	assert_str(iv_contact_phone(c), "+1-555-0101");
	result_clear(&res);
	/* 2.1 and 3.0 bare types */
	c = only_contact("BEGIN:VCARD\nVERSION:2.1\nFN:Ann\nTEL;WORK;VOICE:444\nTEL;CELL;PREF:555\nEND:VCARD\n", &res);
	assert_str(iv_contact_phone(c), "555");
	result_clear(&res);
}

static void n_without_fn_gives_the_name(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	c = only_contact("BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane;Q.;Dr.;PhD\nEND:VCARD\n", &res);
	assert_str(iv_contact_name(c), "Jane Q. Doe");
	result_clear(&res);
	/* lists inside a part, escapes, empty parts */
	c = only_contact("BEGIN:VCARD\nVERSION:4.0\nN:de la Cruz\\, Jr.;Ana;Maria,Luisa;;\nEND:VCARD\n", &res);
	assert_str(iv_contact_name(c), "Ana Maria Luisa de la Cruz, Jr.");
	result_clear(&res);
	c = only_contact("BEGIN:VCARD\nVERSION:4.0\nN:Solo\nEND:VCARD\n", &res);
	assert_str(iv_contact_name(c), "Solo");
	result_clear(&res);
	/* FN wins when both are there, wherever it stands */
	c = only_contact("BEGIN:VCARD\nVERSION:4.0\nN:Doe;Jane;;;\nFN:J. Doe\nEND:VCARD\n", &res);
	assert_str(iv_contact_name(c), "J. Doe");
	result_clear(&res);
	/* a blank FN gives way to N */
	c = only_contact("BEGIN:VCARD\nVERSION:4.0\nFN: \nN:Doe;Jane;;;\nEND:VCARD\n", &res);
	assert_str(iv_contact_name(c), "Jane Doe");
	result_clear(&res);
}

static void org_gives_the_company_without_its_units(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	c = only_contact("BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nORG:Acme\\; Sons\\, Inc.;Research;Lab 2\n"
			 "TITLE:Chemist\nORG:Second Org\nEND:VCARD\n", &res);
	assert_str(iv_contact_company(c), "Acme; Sons, Inc.");
	assert_str(iv_contact_title(c), "Chemist");
	result_clear(&res);
}

static void categories_become_tags(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	c = only_contact("BEGIN:VCARD\nVERSION:4.0\nFN:Ann\nCATEGORIES:pharma, mentors ,R\\,D\n"
			 "CATEGORIES:Pharma,,boston\nEND:VCARD\n", &res);
	assert_tags(c, "pharma", "mentors", "R,D", "boston");
	result_clear(&res);
}

static void urls_prefer_a_linkedin_profile(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	c = only_contact("BEGIN:VCARD\nVERSION:4.0\nFN:Ann\nURL:https://ann.example\n"
			 "URL;TYPE=work:https://www.linkedin.com/in/ann-example\nURL:https://linkedin.com/in/other\n"
			 "END:VCARD\n", &res);
	assert_str(iv_contact_url(c), "https://www.linkedin.com/in/ann-example");
	result_clear(&res);
	c = only_contact("BEGIN:VCARD\nVERSION:4.0\nFN:Ann\nURL:https://ann.example\nURL:https://b.example\n"
			 "END:VCARD\n", &res);
	assert_str(iv_contact_url(c), "https://ann.example");
	result_clear(&res);
}

static void several_notes_are_joined_by_a_blank_line(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	c = only_contact("BEGIN:VCARD\nVERSION:4.0\nFN:Ann\nNOTE:first\nNOTE:\nNOTE:second\\nline\nEND:VCARD\n", &res);
	assert_str(iv_contact_notes(c), "first\n\nsecond\nline");
	result_clear(&res);
}

static void the_address_locality_is_the_location(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	c = only_contact("BEGIN:VCARD\nVERSION:3.0\nFN:Ann\n"
			 "ADR;TYPE=HOME:;;1 Elm St;Springfield;IL;62701;USA\n"
			 "ADR;TYPE=WORK,pref:;Suite 5;2 Main St;Boston;MA;02110;\nEND:VCARD\n", &res);
	assert_str(iv_contact_location(c), "Boston, MA");
	result_clear(&res);
	/* what the exporter writes: the whole location as the locality */
	c = only_contact("BEGIN:VCARD\nVERSION:4.0\nFN:Ann\nADR:;;;Paris\\, France;;;\nEND:VCARD\n", &res);
	assert_str(iv_contact_location(c), "Paris, France");
	result_clear(&res);
	c = only_contact("BEGIN:VCARD\nVERSION:4.0\nFN:Ann\nADR:;;Street only;;;;\nEND:VCARD\n", &res);
	assert_null(iv_contact_location(c));
	result_clear(&res);
}

static void introducer_and_known_are_read_back(void **state)
{
	struct result res;

	(void)state;
	only_contact("BEGIN:VCARD\nVERSION:4.0\nFN:Ann\n"
		     "RELATED;TYPE=spouse;VALUE=uri:urn:uuid:00000000-0000-7000-8000-000000000001\n"
		     "RELATED;TYPE=friend:Some text\n"
		     "RELATED;TYPE=contact,x-introducer;VALUE=uri:urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\n"
		     "RELATED;TYPE=contact,x-introducer;VALUE=uri:urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c\n"
		     "X-INFOVIEW-KNOWN:introduced\nEND:VCARD\n", &res);
	assert_str(res.rows[0].introducer, "urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
	assert_int_equal(res.rows[0].known, IV_KNOWN_INTRODUCED);
	assert_int_equal(iv_contact_known(res.rows[0].contact), IV_KNOWN_INTRODUCED);
	result_clear(&res);
	/* 3.0 has no RELATED */
	only_contact("BEGIN:VCARD\nVERSION:3.0\nFN:Ann\n"
		     "X-INFOVIEW-INTRODUCED-BY:urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d\n"
		     "X-INFOVIEW-KNOWN:cold\nEND:VCARD\n", &res);
	assert_str(res.rows[0].introducer, "urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d");
	assert_int_equal(res.rows[0].known, IV_KNOWN_COLD);
	result_clear(&res);
	/* an unknown word says nothing */
	only_contact("BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nX-INFOVIEW-KNOWN:sometimes\nEND:VCARD\n", &res);
	assert_int_equal(res.rows[0].known, 0);
	result_clear(&res);
}

/* A card with a PHOTO of `size` base64 bytes folded at 75, between FN and EMAIL. */
static char *card_with_photo(size_t size, const char *head)
{
	size_t cap = size + size / 74 * 3 + 512, len, i;
	char *s = malloc(cap);

	assert_non_null(s);
	len = (size_t)snprintf(s, cap, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Photo Person\r\n%s", head);
	for (i = 0; i < size; i++) {
		if (i > 0 && i % 74 == 0) {
			memcpy(s + len, "\r\n ", 3);
			len += 3;
		}
		s[len++] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[i % 64];
	}
	snprintf(s + len, cap - len, "\r\nEMAIL:photo@example.org\r\nEND:VCARD\r\n");
	return s;
}

static void a_big_photo_is_passed_over(void **state)
{
	struct result res;
	const iv_contact *c;
	char *s = card_with_photo(1 << 20, "PHOTO;ENCODING=b;TYPE=JPEG:");

	(void)state;
	read_chunked(s, strlen(s), (size_t)-1, 0, &res);
	assert_int_equal(res.code, IV_ITEROVER);
	assert_int_equal(res.n, 1);
	c = res.rows[0].contact;
	assert_str(iv_contact_name(c), "Photo Person");
	assert_emails(c, "photo@example.org");
	result_clear(&res);
	free(s);
	s = card_with_photo(100000, "PHOTO:data:image/jpeg;base64,");
	c = only_contact(s, &res);
	assert_emails(c, "photo@example.org");
	result_clear(&res);
	free(s);
}

static void unknown_and_extension_properties_are_passed_over(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	c = only_contact("BEGIN:VCARD\nVERSION:4.0\nFN:Ann\nX-SOCIALPROFILE;type=twitter:x\nLOGO:http://a\n"
			 "SOUND;ENCODING=b:AAAA\nKEY:data:x\nBDAY:19800101\nX-ANYTHING-ELSE;A=\"b;c:d\":e;f:g\n"
			 "GENDER:F\nNICKNAME:Annie\nEMAIL:ann@example.org\nEND:VCARD\n", &res);
	assert_emails(c, "ann@example.org");
	assert_null(iv_contact_notes(c));
	result_clear(&res);
}

static void names_and_markers_ignore_case(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	c = only_contact("begin:vcard\nversion:3.0\nfn:Ann\nEmail;Type=Work:ann@example.org\n"
			 "Categories:x\nend:VCard  \n", &res);
	assert_str(iv_contact_name(c), "Ann");
	assert_emails(c, "ann@example.org");
	assert_tags(c, "x");
	result_clear(&res);
}

static void a_byte_order_mark_is_skipped(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	c = only_contact("\xEF\xBB\xBF" "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n", &res);
	assert_str(iv_contact_name(c), "Ann");
	result_clear(&res);
}

static void quoted_printable_2_1_values_are_decoded(void **state)
{
	struct result res;
	const iv_contact *c;

	(void)state;
	c = only_contact("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=\r\n"
			 "=C3=BCrgen;;;\r\n"
			 "NOTE;QUOTED-PRINTABLE:line one=0D=0Aline two =3D ok=\r\n"
			 "\r\n"
			 "ORG;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Caf=E9 Ltd\r\n"
			 "EMAIL;INTERNET:j@example.org\r\nEND:VCARD\r\n", &res);
	assert_str(iv_contact_name(c), "J\xC3\xBCrgen M\xC3\xBCller");
	assert_str(iv_contact_notes(c), "line one\r\nline two = ok");
	assert_str(iv_contact_company(c), "Caf\xC3\xA9 Ltd");
	assert_emails(c, "j@example.org");
	result_clear(&res);
}

/* ======================================================================= */
/* Rows skipped with a reason                                               */
/* ======================================================================= */

static void assert_skipped(const struct result *res, size_t i, uint64_t line, const char *reason)
{
	assert_true(i < res->n);
	assert_int_equal(res->rows[i].line, line);
	if (!res->rows[i].skip)
		FAIL("row %zu is not skipped\n", i);
	if (strstr(res->rows[i].skip, reason) == NULL)
		FAIL("reason \"%s\"\n  does not contain \"%s\"\n", res->rows[i].skip, reason);
}

static void a_card_without_a_name_is_skipped(void **state)
{
	struct result res;

	(void)state;
	import("BEGIN:VCARD\nVERSION:4.0\nEMAIL:a@example.org\nORG:Acme\nEND:VCARD\n"
	       "BEGIN:VCARD\nEND:VCARD\n"
	       "BEGIN:VCARD\nVERSION:4.0\nFN:Kept\nEND:VCARD\n", &res);
	assert_int_equal(res.code, IV_ITEROVER);
	assert_int_equal(res.n, 3);
	assert_skipped(&res, 0, 1, "no name (FN or N)");
	assert_skipped(&res, 1, 6, "no name (FN or N)");
	assert_null(res.rows[2].skip);
	assert_str(iv_contact_name(res.rows[2].contact), "Kept");
	result_clear(&res);
}

static void an_unknown_version_skips_that_card(void **state)
{
	struct result res;

	(void)state;
	import("BEGIN:VCARD\nVERSION:5.0\nFN:Future\nEND:VCARD\n"
	       "BEGIN:VCARD\nVERSION:3.0\nFN:Present\nEND:VCARD\n", &res);
	assert_int_equal(res.code, IV_ITEROVER);
	assert_int_equal(res.n, 2);
	assert_skipped(&res, 0, 1, "vCard version '5.0' is not supported (2.1, 3.0 and 4.0 are)");
	assert_str(iv_contact_name(res.rows[1].contact), "Present");
	result_clear(&res);
}

static void a_group_card_is_skipped(void **state)
{
	struct result res;

	(void)state;
	import("BEGIN:VCARD\nVERSION:4.0\nKIND:group\nFN:Book club\n"
	       "MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af\nEND:VCARD\n"
	       "BEGIN:VCARD\nVERSION:3.0\nX-ADDRESSBOOKSERVER-KIND:GROUP\nFN:Colleagues\nEND:VCARD\n"
	       "BEGIN:VCARD\nVERSION:4.0\nKIND:individual\nFN:Person\nEND:VCARD\n"
	       "BEGIN:VCARD\nVERSION:4.0\nKIND:org\nFN:Acme\nEND:VCARD\n", &res);
	assert_int_equal(res.code, IV_ITEROVER);
	assert_int_equal(res.n, 4);
	assert_skipped(&res, 0, 1, "a group of contacts, not a person");
	assert_skipped(&res, 1, 7, "a group of contacts, not a person");
	assert_str(iv_contact_name(res.rows[2].contact), "Person");
	assert_str(iv_contact_name(res.rows[3].contact), "Acme");
	result_clear(&res);
}

static void a_value_the_contact_refuses_skips_the_row(void **state)
{
	struct result res;
	char *s;
	size_t i;

	(void)state;
	import("BEGIN:VCARD\nVERSION:4.0\nFN:Ann\nEMAIL:ann at example.org\nEND:VCARD\n"
	       "BEGIN:VCARD\nVERSION:4.0\nFN:Bob\nEMAIL:no-at-sign\nEND:VCARD\n"
	       "BEGIN:VCARD\nVERSION:4.0\nFN:Cy\nURL:http://a b\nEND:VCARD\n"
	       "BEGIN:VCARD\nVERSION:4.0\nFN:Di\\nNewline\nEND:VCARD\n", &res);
	assert_int_equal(res.n, 4);
	assert_skipped(&res, 0, 1, "contact.email: must not contain spaces");
	assert_skipped(&res, 1, 6, "contact.email:");
	assert_skipped(&res, 2, 11, "contact.url: must not contain spaces");
	assert_skipped(&res, 3, 16, "contact.name: control character");
	result_clear(&res);

	/* too long: a name of 300 bytes, notes past the limit, too many e-mails */
	s = calloc(1, 400000);
	assert_non_null(s);
	strcpy(s, "BEGIN:VCARD\nFN:");
	memset(s + strlen(s), 'n', 300);
	strcat(s, "\nEND:VCARD\nBEGIN:VCARD\nFN:Notes\n");
	for (i = 0; i < 3; i++) {
		strcat(s, "NOTE:");
		memset(s + strlen(s), 'x', 30000);
		strcat(s, "\n");
	}
	strcat(s, "END:VCARD\nBEGIN:VCARD\nFN:Mails\n");
	for (i = 0; i <= IV_LIMIT_LIST; i++)
		sprintf(s + strlen(s), "EMAIL:m%zu@example.org\n", i);
	strcat(s, "END:VCARD\n");
	read_chunked(s, strlen(s), (size_t)-1, 0, &res);
	assert_int_equal(res.code, IV_ITEROVER);
	assert_int_equal(res.n, 3);
	assert_skipped(&res, 0, 1, "contact.name: too long (300 bytes; at most 256)");
	assert_skipped(&res, 1, 4, "contact.notes: too long (90004 bytes; at most 65536)");
	assert_skipped(&res, 2, 10, "contact.email: too many (at most 256)");
	result_clear(&res);
	free(s);
}

/* ======================================================================= */
/* Hostile input: the whole import fails, naming the line                   */
/* ======================================================================= */

static void invalid_utf8_names_its_line(void **state)
{
	(void)state;
	assert_fails("BEGIN:VCARD\nVERSION:3.0\nFN:Caf\xE9\nEND:VCARD\n",
		     "line 3: invalid UTF-8 (byte 0xE9); save the file as UTF-8");
	/* on a folded piece: the line of that piece */
	assert_fails("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nNOTE:fine\r\n and fine\r\n but Latin-1 \xE9t\xE9\r\nEND:VCARD\r\n",
		     "line 6: invalid UTF-8 (byte 0xE9)");
	/* a character cut short at the end of a line that is not folded */
	assert_fails("BEGIN:VCARD\nFN:Zo\xC3\nEND:VCARD\n", "line 2: invalid UTF-8 (byte 0xC3)");
	/* overlong and surrogate forms */
	assert_fails("BEGIN:VCARD\nFN:\xC0\xAF\nEND:VCARD\n", "line 2: invalid UTF-8");
	assert_fails("BEGIN:VCARD\nFN:\xED\xA0\x80\nEND:VCARD\n", "line 2: invalid UTF-8");
	/* outside a card too */
	assert_fails("\n\xFF\xFE" "B\0E\0", "line 2: invalid UTF-8 (byte 0xFF)");
	/* quoted-printable that decodes to Latin-1 without saying so */
	assert_fails("BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:Caf=E9\nEND:VCARD\n",
		     "line 3: invalid UTF-8 (byte 0xE9)");
}

static void a_nul_byte_is_binary_data(void **state)
{
	static const char bin[] = "BEGIN:VCARD\nVERSION:4.0\nFN:A\0B\nEND:VCARD\n";
	static const char qp[] = "BEGIN:VCARD\nVERSION:2.1\n\nFN;QUOTED-PRINTABLE:A=00B\nEND:VCARD\n";
	struct result res;

	(void)state;
	import_n(bin, sizeof(bin) - 1, &res);
	assert_int_equal(res.code, IV_EINVALID);
	assert_string_equal(res.message, "line 3: a NUL byte: this is binary data, not text");
	result_clear(&res);
	import_n(qp, sizeof(qp) - 1, &res);
	assert_int_equal(res.code, IV_EINVALID);
	assert_string_equal(res.message, "line 4: a NUL byte: this is binary data, not text");
	result_clear(&res);
}

static void a_card_that_never_ends_names_its_begin(void **state)
{
	(void)state;
	assert_fails("BEGIN:VCARD\nVERSION:3.0\nFN:Done\nEND:VCARD\n\nBEGIN:VCARD\nVERSION:3.0\nFN:Cut",
		     "line 6: the vCard that starts here never ends (no END:VCARD)");
	assert_fails("BEGIN:VCARD\r\n", "line 1: the vCard that starts here never ends");
	/* a card cut off, another one begun */
	assert_fails("BEGIN:VCARD\nFN:Cut\nBEGIN:VCARD\nFN:Next\nEND:VCARD\n",
		     "line 3: 'BEGIN:VCARD' inside the vCard that starts at line 1 (is its END:VCARD missing?)");
	assert_fails("BEGIN:VCARD\nFN:A\nEND:VCALENDAR\n",
		     "line 3: 'END:VCALENDAR' inside the vCard that starts at line 1");
}

static void end_without_begin_names_its_line(void **state)
{
	(void)state;
	assert_fails("BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n",
		     "line 4: END:VCARD without a BEGIN:VCARD before it");
}

static void text_outside_a_card_names_its_line(void **state)
{
	(void)state;
	assert_fails("\n\nHello there\nBEGIN:VCARD\nFN:A\nEND:VCARD\n",
		     "line 3: text outside a vCard: 'Hello there'");
	assert_fails("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n",
		     "line 1: text outside a vCard: 'BEGIN:VCALENDAR'");
	assert_fails("BEGIN:VCARD\nFN:A\nEND:VCARD\nFN:stray\n", "line 4: text outside a vCard: 'FN:stray'");
	/* a long line is quoted only in part */
	assert_fails("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
		     "line 1: text outside a vCard: 'First Name,Last Name,URL,Email Address,C...'");
}

static void a_line_that_is_no_property_names_its_line(void **state)
{
	(void)state;
	assert_fails("BEGIN:VCARD\nVERSION:3.0\nFN:A\nNOTE:a note with\na raw line break\nEND:VCARD\n",
		     "line 5: not a vCard property: 'a raw line break' (expected a name, ':' and the value)");
	assert_fails("BEGIN:VCARD\nFN;TYPE=\"unclosed:A\nEND:VCARD\n", "line 2: not a vCard property");
	assert_fails("BEGIN:VCARD\n:no name\nEND:VCARD\n", "line 2: not a vCard property");
	assert_fails("BEGIN:VCARD\nFN A\nEND:VCARD\n", "line 2: not a vCard property: 'FN A'");
}

/* An endless line: "BEGIN:VCARD\nPHOTO:" then 'A' forever. */
static int endless_read(char *buf, size_t size, size_t *got, void *payload)
{
	static const char head[] = "BEGIN:VCARD\nVERSION:4.0\nFN:Big\nPHOTO:";
	uint64_t *done = payload;
	size_t i;

	for (i = 0; i < size; i++, (*done)++)
		buf[i] = *done < sizeof(head) - 1 ? head[*done] : 'A';
	*got = size;
	return 0;
}

static void a_line_longer_than_a_record_names_its_line(void **state)
{
	struct iv__reader *r = malloc(sizeof(*r));
	struct result res;
	uint64_t done = 0;

	(void)state;
	assert_non_null(r);
	memset(&res, 0, sizeof(res));
	iv__reader_init(r, endless_read, &done, 0);
	assert_int_equal(read_rows(r, &res), IV_EINVALID);
	assert_message_has("line 4: a record longer than 67108864 bytes");
	/* it stopped at the limit, not at the end of the memory */
	assert_true(done < (uint64_t)IV_LIMIT_RECORD + 2 * IV__READER_BUF);
	assert_int_equal(res.n, 0);
	free(r);
}

static void a_read_error_is_returned_as_it_is(void **state)
{
	static const char s[] = "BEGIN:VCARD\nVERSION:4.0\nFN:Ann\nEND:VCARD\nBEGIN:VCARD\nFN:Bob\nEND:VCARD\n";
	struct result res;

	(void)state;
	read_chunked(s, sizeof(s) - 1, 8, 44, &res);
	assert_int_equal(res.code, 42);
	assert_int_equal(res.n, 1);
	assert_str(iv_contact_name(res.rows[0].contact), "Ann");
	result_clear(&res);
}

/* The fixtures in tests/data/import, read from the source tree. */
static char *slurp(const char *name, size_t *len)
{
	char path[1024];
	FILE *f;
	char *s;
	long n;

	snprintf(path, sizeof(path), "%s/%s", IV_IMPORT_DATA, name);
	f = fopen(path, "rb");
	if (!f)
		FAIL("cannot open %s\n", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return s;
}

static void the_3_0_fixture_reads_every_field(void **state)
{
	struct result res;
	const iv_contact *c;
	size_t len;
	char *s = slurp("contacts_v3.vcf", &len);

	(void)state;
	import_n(s, len, &res);
	free(s);
	if (res.code != IV_ITEROVER)
		FAIL("%s\n", res.message);
	assert_int_equal(res.n, 4);

	c = res.rows[0].contact;
	assert_null(res.rows[0].skip);
	assert_int_equal(res.rows[0].line, 1);
	assert_str(iv_contact_name(c), "Dana Whitfield");
	assert_emails(c, "dana.whitfield@pfizer.example", "dana.w@home.example");
	assert_str(iv_contact_phone(c), "+1 (617) 555-0142");
	assert_str(iv_contact_company(c), "Pfizer");
	assert_str(iv_contact_title(c), "Director, Regulatory Affairs");
	assert_str(iv_contact_url(c), "https://www.linkedin.com/in/dana-whitfield-example");
	assert_str(iv_contact_location(c), "Cambridge, MA, United States");
	assert_str(iv_contact_notes(c), "Met at the RAPS meeting; happy to talk about FDA submissions.\n"
					"Prefers e-mail, mornings.");
	assert_tags(c, "pharma", "regulatory");
	assert_str(res.rows[0].uid, "A1B2C3D4-0000-4000-8000-00000000D0A1");

	c = res.rows[1].contact;
	assert_str(iv_contact_name(c), "Tom\xC3\xA1s Ib\xC3\xA1\xC3\xB1\x65z");
	assert_emails(c, "tomas@biotech.example");
	assert_str(iv_contact_company(c), "Genomix Labs");
	assert_null(iv_contact_url(c));

	/* N only, Google-like: no FN */
	c = res.rows[2].contact;
	assert_str(iv_contact_name(c), "Sara Lindqvist");
	assert_str(iv_contact_phone(c), "+46 8 555 010 10");

	assert_int_equal(res.rows[1].line, 41);
	assert_int_equal(res.rows[2].line, 50);
	assert_skipped(&res, 3, 56, "no name (FN or N)");
	result_clear(&res);
}

static void the_4_0_fixture_reads_every_field(void **state)
{
	struct result res;
	const iv_contact *c;
	size_t len;
	char *s = slurp("contacts_v4.vcf", &len);

	(void)state;
	import_n(s, len, &res);
	free(s);
	if (res.code != IV_ITEROVER)
		FAIL("%s\n", res.message);
	assert_int_equal(res.n, 3);

	c = res.rows[0].contact;
	assert_str(iv_contact_name(c), "Priya Natarajan");
	assert_emails(c, "priya@example.org", "p.natarajan@work.example");
	assert_str(iv_contact_phone(c), "+1-555-555-0199");
	assert_str(iv_contact_company(c), "Moderna");
	assert_str(iv_contact_title(c), "Clinical Research Associate");
	assert_str(iv_contact_url(c), "https://www.linkedin.com/in/priya-natarajan-example");
	assert_str(iv_contact_location(c), "Boston, MA");
	assert_tags(c, "biotech", "alumni, 2015");
	assert_str(res.rows[0].uid, "urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01");
	assert_int_equal(res.rows[0].known, IV_KNOWN_DIRECT);

	c = res.rows[1].contact;
	assert_int_equal(res.rows[1].line, 22);
	assert_str(iv_contact_name(c), "Jos\xC3\xA9 \xC3\x81lvarez-Ruiz");
	assert_str(res.rows[1].introducer, "urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01");
	assert_int_equal(res.rows[1].known, IV_KNOWN_INTRODUCED);
	assert_str(iv_contact_notes(c), "Introduced by Priya; works on mRNA vaccines.\n\nAsk about: "
					"trial design, career path; \"what they wish they knew\".");

	c = res.rows[2].contact;
	assert_str(iv_contact_name(c), "\xE7\x8E\x8B\xE8\x8A\xB3");
	assert_emails(c, "wang.fang@example.cn");
	result_clear(&res);
}

/* ======================================================================= */
/* What the exporter writes reads back                                      */
/* ======================================================================= */

struct text_out {
	char *s;
	size_t len;
};

static int text_write(const char *data, size_t len, void *payload)
{
	struct text_out *o = payload;

	o->s = realloc(o->s, o->len + len + 1);
	assert_non_null(o->s);
	memcpy(o->s + o->len, data, len);
	o->len += len;
	o->s[o->len] = '\0';
	return 0;
}

static void put_contact(iv_db *db, iv_contact *c, char id_out[IV_ID_LEN + 1])
{
	ok(iv_contact_insert(db, c));
	strcpy(id_out, iv_contact_id(c));
	iv_contact_free(c);
}

static void assert_same_contact(const iv_contact *a, const iv_contact *b)
{
	size_t i;

#define SAME(getter) do { \
	const char *x_ = getter(a), *y_ = getter(b); \
	if ((x_ == NULL) != (y_ == NULL) || (x_ && strcmp(x_, y_) != 0)) \
		FAIL("%s: \"%s\" read back as \"%s\"\n", #getter, x_ ? x_ : "(null)", y_ ? y_ : "(null)"); \
} while (0)
	SAME(iv_contact_name);
	SAME(iv_contact_phone);
	SAME(iv_contact_company);
	SAME(iv_contact_title);
	SAME(iv_contact_location);
	SAME(iv_contact_url);
	SAME(iv_contact_notes);
#undef SAME
	assert_int_equal(iv_contact_email_count(a), iv_contact_email_count(b));
	for (i = 0; i < iv_contact_email_count(a); i++)
		assert_str(iv_contact_email_at(b, i), iv_contact_email_at(a, i));
	assert_int_equal(iv_contact_tag_count(a), iv_contact_tag_count(b));
	for (i = 0; i < iv_contact_tag_count(a); i++)
		assert_str(iv_contact_tag_at(b, i), iv_contact_tag_at(a, i));
	assert_int_equal(iv_contact_known(a), iv_contact_known(b));
}

static void export_reads_back(unsigned int flags)
{
	iv_export_options opts = IV_EXPORT_OPTIONS_INIT;
	struct text_out out = { NULL, 0 };
	char ids[3][IV_ID_LEN + 1], uid[64], related[64];
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	iv_intro *in = NULL;
	struct result res;
	iv_db *db = NULL;
	size_t i, n = 0;
	char notes[IV_LIMIT_TEXT + 1];

	ok(iv_db_open_memory(&db));
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Zo\xC3\xAB \xC3\x85ngstr\xC3\xB6m-Lee, Jr."));
	ok(iv_contact_add_email(c, "zoe@example.org"));
	ok(iv_contact_add_email(c, "z.lee@work.example"));
	ok(iv_contact_add_email(c, "third@example.org"));
	ok(iv_contact_set_phone(c, "+1 (555) 010-0199; ext. 7"));
	ok(iv_contact_set_company(c, "Acme; Sons, Inc. \\ Co"));
	ok(iv_contact_set_title(c, "VP, R&D; Europe"));
	ok(iv_contact_set_url(c, "https://www.linkedin.com/in/zoe,lee;x"));
	ok(iv_contact_set_location(c, "Z\xC3\xBCrich; Switzerland, Europe"));
	ok(iv_contact_set_notes(c, "Line one, with commas; semicolons \\ backslashes\n\n  indented \xF0\x9F\x98\x80\ttab\n"));
	ok(iv_contact_add_tag(c, "pharma, biotech"));
	ok(iv_contact_add_tag(c, "semi;colon"));
	ok(iv_contact_add_tag(c, "\xE5\x8C\xBB\xE8\x8D\xAF"));
	ok(iv_contact_set_known(c, IV_KNOWN_INTRODUCED));
	put_contact(db, c, ids[0]);
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Solo"));
	ok(iv_contact_set_known(c, IV_KNOWN_COLD));
	put_contact(db, c, ids[1]);
	/* notes as long as a contact holds, in 3-byte characters, folded many times */
	for (i = 0; i + 3 <= IV_LIMIT_TEXT; i += 3)
		memcpy(notes + i, "\xE2\x82\xAC", 3);
	notes[i] = '\0';
	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, "Long Notes"));
	ok(iv_contact_set_notes(c, notes));
	put_contact(db, c, ids[2]);
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, ids[1]));
	ok(iv_intro_set_introduced(in, ids[0]));
	ok(iv_intro_set_status(in, IV_INTRO_MADE));
	ok(iv_intro_insert(db, in));
	iv_intro_free(in);

	opts.flags = flags;
	ok(iv_export(db, IV_FORMAT_VCARD, text_write, &out, &opts));
	import_n(out.s, out.len, &res);
	free(out.s);
	if (res.code != IV_ITEROVER)
		FAIL("%s\n", res.message);
	assert_int_equal(res.n, 3);

	ok(iv_contact_list(&it, db, NULL));
	while (iv_contact_iter_next(&c, it) == 0) {
		const struct iv__row *row = &res.rows[n++];

		assert_null(row->skip);
		assert_same_contact(c, row->contact);
		snprintf(uid, sizeof(uid), "urn:uuid:%s", iv_contact_id(c));
		assert_str(row->uid, uid);
		assert_int_equal(row->known, iv_contact_known(c));
		if (strcmp(iv_contact_id(c), ids[0]) == 0) {
			snprintf(related, sizeof(related), "urn:uuid:%s", ids[1]);
			assert_str(row->introducer, related);
		} else {
			assert_null(row->introducer);
		}
		iv_contact_free(c);
	}
	iv_contact_iter_free(it);
	assert_int_equal(n, 3);
	result_clear(&res);
	iv_db_free(db);
}

static void a_4_0_export_reads_back_field_for_field(void **state)
{
	(void)state;
	export_reads_back(0);
}

static void a_3_0_export_reads_back_field_for_field(void **state)
{
	(void)state;
	export_reads_back(IV_EXPORT_VCARD3);
}

#define T(name) cmocka_unit_test(name)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(a_minimal_4_0_card_gives_one_row),
		T(rows_carry_the_line_of_their_begin),
		T(empty_or_blank_input_gives_no_row),
		T(folded_lines_are_unfolded),
		T(a_fold_inside_a_utf8_character_is_joined),
		T(escapes_are_undone),
		T(grouped_properties_are_read_and_labels_passed_over),
		T(several_emails_put_the_preferred_first),
		T(pref_in_any_3_0_spelling_comes_first),
		T(the_preferred_phone_or_else_the_first_is_kept),
		T(n_without_fn_gives_the_name),
		T(org_gives_the_company_without_its_units),
		T(categories_become_tags),
		T(urls_prefer_a_linkedin_profile),
		T(several_notes_are_joined_by_a_blank_line),
		T(the_address_locality_is_the_location),
		T(introducer_and_known_are_read_back),
		T(a_big_photo_is_passed_over),
		T(unknown_and_extension_properties_are_passed_over),
		T(names_and_markers_ignore_case),
		T(a_byte_order_mark_is_skipped),
		T(quoted_printable_2_1_values_are_decoded),
		T(a_card_without_a_name_is_skipped),
		T(an_unknown_version_skips_that_card),
		T(a_group_card_is_skipped),
		T(a_value_the_contact_refuses_skips_the_row),
		T(invalid_utf8_names_its_line),
		T(a_nul_byte_is_binary_data),
		T(a_card_that_never_ends_names_its_begin),
		T(end_without_begin_names_its_line),
		T(text_outside_a_card_names_its_line),
		T(a_line_that_is_no_property_names_its_line),
		T(a_line_longer_than_a_record_names_its_line),
		T(a_read_error_is_returned_as_it_is),
		T(the_3_0_fixture_reads_every_field),
		T(the_4_0_fixture_reads_every_field),
		T(a_4_0_export_reads_back_field_for_field),
		T(a_3_0_export_reads_back_field_for_field),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * vCard export through iv_export(): every field of a contact in 4.0 and
 * 3.0, escapes, lines folded at 75 octets between characters, who
 * introduced them, the listing's order, filters, the same bytes twice.
 * Run on each backend.
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "check.h"

#include "fixture.h"

typedef char id37[IV_ID_LEN + 1];

#define ID_ADA "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01"
#define ID_BEN "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a02"
#define ID_CY  "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a03"
#define ID_DEV "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a04"

#define assert_has(text, needle) do { \
	const char *t_ = (text); \
	if (strstr(t_, (needle)) == NULL) \
		FAIL("\"%s\"\n  does not contain \"%s\"\n", t_, (needle)); \
} while (0)

#define assert_lacks(text, needle) do { \
	const char *t_ = (text); \
	if (strstr(t_, (needle)) != NULL) \
		FAIL("\"%s\"\n  contains \"%s\"\n", t_, (needle)); \
} while (0)

/* What an export wrote. */
struct out {
	char *s;
	size_t len, cap;
	size_t calls;
	int fail;  /* non-zero: the write callback returns it */
};

static int out_write(const char *data, size_t len, void *payload)
{
	struct out *o = payload;

	o->calls++;
	if (o->fail)
		return o->fail;
	if (o->len + len + 1 > o->cap) {
		o->cap = (o->len + len + 1) * 2;
		o->s = realloc(o->s, o->cap);
		assert_non_null(o->s);
	}
	memcpy(o->s + o->len, data, len);
	o->len += len;
	o->s[o->len] = '\0';
	return 0;
}

/* The whole export; free it. */
static char *export_text(iv_db *db, unsigned int flags, const iv_contact_filter *filter)
{
	iv_export_options opts = IV_EXPORT_OPTIONS_INIT;
	struct out o = { NULL, 0, 0, 0, 0 };

	opts.flags = flags;
	opts.contacts = filter;
	ok(iv_export(db, IV_FORMAT_VCARD, out_write, &o, &opts));
	if (!o.s)
		o.s = calloc(1, 1);
	assert_non_null(o.s);
	return o.s;
}

/* The text with folding undone (CRLF followed by a space or a tab goes). */
static char *unfold(const char *s)
{
	char *out = malloc(strlen(s) + 1), *p = out;

	assert_non_null(out);
	while (*s) {
		if (s[0] == '\r' && s[1] == '\n' && (s[2] == ' ' || s[2] == '\t')) {
			s += 3;
			continue;
		}
		*p++ = *s++;
	}
	*p = '\0';
	return out;
}

static char *unfolded_export(iv_db *db, unsigned int flags, const iv_contact_filter *filter)
{
	char *text = export_text(db, flags, filter), *flat = unfold(text);

	free(text);
	return flat;
}

/* A contact with every field; emails and tags NULL-terminated lists (may be NULL). */
static void store(iv_db *db, const char *id, const char *name, const char *const *emails,
		  const char *const *tags, const char *notes, int known)
{
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	if (id)
		ok(iv_contact_set_id(c, id));
	ok(iv_contact_set_name(c, name));
	for (; emails && *emails; emails++)
		ok(iv_contact_add_email(c, *emails));
	for (; tags && *tags; tags++)
		ok(iv_contact_add_tag(c, *tags));
	if (notes)
		ok(iv_contact_set_notes(c, notes));
	ok(iv_contact_set_known(c, known));
	ok(iv_contact_insert(db, c));
	iv_contact_free(c);
}

static void store_full(iv_db *db)
{
	static const char *const emails[] = { "ada@example.org", "ada.quill@acme.example", NULL };
	static const char *const tags[] = { "pharma", "r,d", "mentors; alumni", NULL };
	iv_contact *c = NULL;

	store(db, ID_ADA, "Ada Quill", emails, tags, "Met at a meetup, 2024; likes tea.\nSecond line \\ done", IV_KNOWN_INTRODUCED);
	ok(iv_contact_lookup(&c, db, ID_ADA));
	ok(iv_contact_set_phone(c, "+1 555 0100"));
	ok(iv_contact_set_company(c, "Acme; Sons, Inc."));
	ok(iv_contact_set_title(c, "Head of R&D"));
	ok(iv_contact_set_url(c, "https://www.linkedin.com/in/ada-quill-example"));
	ok(iv_contact_set_location(c, "Boston, MA"));
	ok(iv_contact_update(db, c));
	iv_contact_free(c);
}

/* ======================================================================= */
/* Fields                                                                   */
/* ======================================================================= */

static void a_contact_is_written_field_for_field_in_4_0(void **state)
{
	iv_fixture *fx = *state;
	char *text;

	store_full(fx->db);
	text = export_text(fx->db, 0, NULL);
	assert_string_equal(text,
		"BEGIN:VCARD\r\n"
		"VERSION:4.0\r\n"
		"PRODID:-//libinfoview//vCard export//EN\r\n"
		"UID:urn:uuid:" ID_ADA "\r\n"
		"FN:Ada Quill\r\n"
		"N:Quill;Ada;;;\r\n"
		"EMAIL;PREF=1:ada@example.org\r\n"
		"EMAIL:ada.quill@acme.example\r\n"
		"TEL:+1 555 0100\r\n"
		"ORG:Acme\\; Sons\\, Inc.\r\n"
		"TITLE:Head of R&D\r\n"
		"URL:https://www.linkedin.com/in/ada-quill-example\r\n"
		"ADR:;;;Boston\\, MA;;;\r\n"
		"NOTE:Met at a meetup\\, 2024\\; likes tea.\\nSecond line \\\\ done\r\n"
		"CATEGORIES:pharma,r\\,d,mentors\\; alumni\r\n"
		"X-INFOVIEW-KNOWN:introduced\r\n"
		"END:VCARD\r\n");
	free(text);
}

static void version_3_0_on_request(void **state)
{
	iv_fixture *fx = *state;
	char *text;

	store_full(fx->db);
	text = export_text(fx->db, IV_EXPORT_VCARD3, NULL);
	assert_string_equal(text,
		"BEGIN:VCARD\r\n"
		"VERSION:3.0\r\n"
		"PRODID:-//libinfoview//vCard export//EN\r\n"
		"UID:urn:uuid:" ID_ADA "\r\n"
		"FN:Ada Quill\r\n"
		"N:Quill;Ada;;;\r\n"
		"EMAIL;TYPE=INTERNET,pref:ada@example.org\r\n"
		"EMAIL;TYPE=INTERNET:ada.quill@acme.example\r\n"
		"TEL:+1 555 0100\r\n"
		"ORG:Acme\\; Sons\\, Inc.\r\n"
		"TITLE:Head of R&D\r\n"
		"URL:https://www.linkedin.com/in/ada-quill-example\r\n"
		"ADR:;;;Boston\\, MA;;;\r\n"
		"NOTE:Met at a meetup\\, 2024\\; likes tea.\\nSecond line \\\\ done\r\n"
		"CATEGORIES:pharma,r\\,d,mentors\\; alumni\r\n"
		"X-INFOVIEW-KNOWN:introduced\r\n"
		"END:VCARD\r\n");
	free(text);
}

static void empty_fields_are_left_out(void **state)
{
	iv_fixture *fx = *state;
	char *text;

	store(fx->db, ID_BEN, "Ben", NULL, NULL, NULL, IV_KNOWN_DIRECT);
	text = export_text(fx->db, 0, NULL);
	assert_string_equal(text,
		"BEGIN:VCARD\r\n"
		"VERSION:4.0\r\n"
		"PRODID:-//libinfoview//vCard export//EN\r\n"
		"UID:urn:uuid:" ID_BEN "\r\n"
		"FN:Ben\r\n"
		"N:;Ben;;;\r\n"
		"X-INFOVIEW-KNOWN:direct\r\n"
		"END:VCARD\r\n");
	free(text);
}

static void names_are_split_into_family_and_given(void **state)
{
	iv_fixture *fx = *state;
	char *text;

	store(fx->db, NULL, "Ana Mar\xC3\xAD" "a L\xC3\xB3pez", NULL, NULL, NULL, IV_KNOWN_DIRECT);
	store(fx->db, NULL, "Madonna", NULL, NULL, NULL, IV_KNOWN_DIRECT);
	store(fx->db, NULL, "Jean-Luc  Picard ", NULL, NULL, NULL, IV_KNOWN_DIRECT);
	store(fx->db, NULL, "Doe, Jr.; John", NULL, NULL, NULL, IV_KNOWN_DIRECT);
	text = export_text(fx->db, 0, NULL);
	assert_has(text, "\r\nN:L\xC3\xB3pez;Ana Mar\xC3\xAD" "a;;;\r\n");
	assert_has(text, "\r\nN:;Madonna;;;\r\n");
	assert_has(text, "\r\nFN:Jean-Luc  Picard \r\nN:Picard;Jean-Luc;;;\r\n");
	assert_has(text, "\r\nFN:Doe\\, Jr.\\; John\r\nN:John;Doe\\, Jr.\\;;;;\r\n");
	free(text);
}

/* Whether s[0..n) is valid UTF-8 on its own. */
static int valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0, len, k;

	while (i < n) {
		if (s[i] < 0x80)
			len = 1;
		else if ((s[i] & 0xE0) == 0xC0)
			len = 2;
		else if ((s[i] & 0xF0) == 0xE0)
			len = 3;
		else if ((s[i] & 0xF8) == 0xF0)
			len = 4;
		else
			return 0;
		if (i + len > n)
			return 0;
		for (k = 1; k < len; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
		i += len;
	}
	return 1;
}

static void long_lines_are_folded_at_75_octets_between_characters(void **state)
{
	iv_fixture *fx = *state;
	char notes[4096] = "", want[8192];
	const char *line, *end;
	char *text, *flat, *p;
	size_t i, lines = 0;

	/* 1, 2, 3 and 4-byte characters, commas and line breaks, in a pattern that moves */
	for (i = 0; i < 40; i++)
		strcat(notes, i % 4 == 0 ? "a, " : i % 4 == 1 ? "\xC3\xA9t\xC3\xA9\n" :
			      i % 4 == 2 ? "\xE6\xBC\xA2\xE5\xAD\x97;" : "\xF0\x9F\x98\x80 ");
	store(fx->db, ID_CY, "Cy \xE6\xBC\xA2\xE5\xAD\x97", NULL, NULL, notes, IV_KNOWN_DIRECT);
	text = export_text(fx->db, 0, NULL);
	for (line = text; *line; line = end + 2) {
		end = strstr(line, "\r\n");
		assert_non_null(end);
		if ((size_t)(end - line) > 75)
			FAIL("a line of %zu octets: %.*s\n", (size_t)(end - line), (int)(end - line), line);
		if (!valid_utf8((const unsigned char *)line, (size_t)(end - line)))
			FAIL("a line cuts a character: %.*s\n", (int)(end - line), line);
		assert_null(memchr(line, '\n', (size_t)(end - line)));
		lines++;
	}
	assert_true(lines > 10);
	/* unfolded, the note is one line with the text escaped */
	flat = unfold(text);
	strcpy(want, "\r\nNOTE:");
	p = want + strlen(want);
	for (i = 0; notes[i]; i++) {
		if (notes[i] == '\n' || notes[i] == ',' || notes[i] == ';')
			*p++ = '\\';
		*p++ = notes[i] == '\n' ? 'n' : notes[i];
	}
	strcpy(p, "\r\n");
	assert_has(flat, want);
	free(flat);
	free(text);
}

static void a_line_exactly_75_octets_long_is_not_folded(void **state)
{
	iv_fixture *fx = *state;
	char notes[128];
	char *text;

	/* "NOTE:" and 70 bytes: 75 octets */
	memset(notes, 'x', 70);
	notes[70] = '\0';
	store(fx->db, NULL, "Dev", NULL, NULL, notes, IV_KNOWN_DIRECT);
	text = export_text(fx->db, 0, NULL);
	assert_has(text, "\r\nNOTE:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\nX-INFOVIEW");
	free(text);
	/* one more is folded: 75 octets, then a space and the last one */
	store(fx->db, NULL, "Eve", NULL, NULL, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxy", IV_KNOWN_DIRECT);
	text = export_text(fx->db, 0, NULL);
	assert_has(text, "\r\nNOTE:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n y\r\nX-INFOVIEW");
	free(text);
}

static void carriage_returns_in_notes_become_line_breaks(void **state)
{
	iv_fixture *fx = *state;
	char *text;

	store(fx->db, NULL, "Dev", NULL, NULL, "one\r\ntwo\rthree\tfour", IV_KNOWN_DIRECT);
	text = export_text(fx->db, 0, NULL);
	assert_has(text, "\r\nNOTE:one\\ntwo\\nthree\tfour\r\n");
	free(text);
}

/* ======================================================================= */
/* Introductions                                                            */
/* ======================================================================= */

static void intro_at(iv_fixture *fx, const char *by, const char *to, int status)
{
	fx->now += HOUR;
	iv_fixture_intro(fx->db, by, to, status, NULL);
}

static void who_introduced_them_is_related_made_first_newest_first(void **state)
{
	iv_fixture *fx = *state;
	char *text;
	const char *dev;

	store(fx->db, ID_ADA, "Ada", NULL, NULL, NULL, IV_KNOWN_DIRECT);
	store(fx->db, ID_BEN, "Ben", NULL, NULL, NULL, IV_KNOWN_DIRECT);
	store(fx->db, ID_CY, "Cy", NULL, NULL, NULL, IV_KNOWN_DIRECT);
	store(fx->db, ID_DEV, "Dev", NULL, NULL, NULL, IV_KNOWN_INTRODUCED);
	intro_at(fx, ID_ADA, ID_DEV, IV_INTRO_MADE);
	intro_at(fx, ID_BEN, ID_DEV, IV_INTRO_SUGGESTED);
	intro_at(fx, ID_CY, ID_DEV, IV_INTRO_DECLINED);
	intro_at(fx, ID_BEN, ID_DEV, IV_INTRO_MADE);
	intro_at(fx, ID_ADA, ID_CY, IV_INTRO_REQUESTED);

	text = unfolded_export(fx->db, 0, NULL);
	dev = strstr(text, "FN:Dev\r\n");
	assert_non_null(dev);
	/* Ben's made introduction is the newest; Ben once; Cy declined */
	assert_has(dev, "X-INFOVIEW-KNOWN:introduced\r\n"
		   "RELATED;TYPE=contact,x-introducer;VALUE=uri:urn:uuid:" ID_BEN "\r\n"
		   "RELATED;TYPE=contact,x-introducer;VALUE=uri:urn:uuid:" ID_ADA "\r\n"
		   "END:VCARD\r\n");
	assert_lacks(dev, ID_CY);
	/* one not made yet is still who would introduce them */
	assert_has(text, "FN:Cy\r\nN:;Cy;;;\r\nX-INFOVIEW-KNOWN:direct\r\n"
		   "RELATED;TYPE=contact,x-introducer;VALUE=uri:urn:uuid:" ID_ADA "\r\nEND:VCARD\r\n");
	assert_has(text, "FN:Ada\r\nN:;Ada;;;\r\nX-INFOVIEW-KNOWN:direct\r\nEND:VCARD\r\n");
	free(text);

	text = unfolded_export(fx->db, IV_EXPORT_VCARD3, NULL);
	assert_lacks(text, "RELATED");
	assert_has(text, "FN:Dev\r\nN:;Dev;;;\r\nX-INFOVIEW-KNOWN:introduced\r\n"
		   "X-INFOVIEW-INTRODUCED-BY:urn:uuid:" ID_BEN "\r\n"
		   "X-INFOVIEW-INTRODUCED-BY:urn:uuid:" ID_ADA "\r\nEND:VCARD\r\n");
	free(text);
}

/* ======================================================================= */
/* The whole export                                                         */
/* ======================================================================= */

static void store_several(iv_fixture *fx)
{
	static const char *const e1[] = { "zo\xC3\xAB@example.org", NULL };
	static const char *const t1[] = { "friends", NULL };
	char long_notes[3000];
	size_t i;

	for (i = 0; i + 10 < sizeof(long_notes); i += 10)
		memcpy(long_notes + i, "0123456, ;", 10);
	long_notes[i] = '\0';
	store(fx->db, ID_ADA, "Zo\xC3\xAB \xC3\x85ngstr\xC3\xB6m", e1, t1, "Commas, semicolons; and\nnew lines", IV_KNOWN_DIRECT);
	store(fx->db, ID_BEN, "ben lowercase", NULL, NULL, long_notes, IV_KNOWN_COLD);
	store(fx->db, ID_CY, "\xE7\x8E\x8B\xE8\x8A\xB3", NULL, t1, NULL, IV_KNOWN_INTRODUCED);
	store(fx->db, ID_DEV, "Abe Early", NULL, NULL, NULL, IV_KNOWN_DIRECT);
	intro_at(fx, ID_DEV, ID_CY, IV_INTRO_MADE);
}

static void exporting_twice_gives_the_same_bytes(void **state)
{
	iv_fixture *fx = *state;
	char *a, *b;

	store_several(fx);
	a = export_text(fx->db, 0, NULL);
	fx->now += 30 * DAY;
	b = export_text(fx->db, 0, NULL);
	assert_string_equal(a, b);
	free(a);
	free(b);
	a = export_text(fx->db, IV_EXPORT_VCARD3, NULL);
	fx->now += DAY;
	b = export_text(fx->db, IV_EXPORT_VCARD3, NULL);
	assert_string_equal(a, b);
	free(a);
	free(b);
}

static void cards_come_in_the_order_of_the_listing(void **state)
{
	iv_fixture *fx = *state;
	const char *abe, *ben, *zoe, *wang;
	char *text;

	store_several(fx);
	text = export_text(fx->db, 0, NULL);
	abe = strstr(text, "FN:Abe Early");
	ben = strstr(text, "FN:ben lowercase");
	zoe = strstr(text, "FN:Zo\xC3\xAB");
	wang = strstr(text, "FN:\xE7\x8E\x8B");
	assert_true(abe && ben && zoe && wang);
	assert_true(abe < ben && ben < zoe && zoe < wang);
	assert_true(strncmp(text, "BEGIN:VCARD\r\n", 13) == 0);
	free(text);
}

static void a_filter_exports_only_its_contacts(void **state)
{
	iv_fixture *fx = *state;
	iv_contact_filter f = IV_CONTACT_FILTER_INIT;
	char *text;

	store_several(fx);
	f.tag = "friends";
	text = unfolded_export(fx->db, 0, &f);
	assert_has(text, "UID:urn:uuid:" ID_ADA "\r\n");
	assert_has(text, "UID:urn:uuid:" ID_CY "\r\n");
	assert_lacks(text, ID_BEN);
	/* Cy's introducer is named though not exported */
	assert_has(text, "RELATED;TYPE=contact,x-introducer;VALUE=uri:urn:uuid:" ID_DEV "\r\n");
	free(text);
}

static void an_empty_store_exports_nothing(void **state)
{
	iv_fixture *fx = *state;
	char *text = export_text(fx->db, 0, NULL);

	assert_string_equal(text, "");
	free(text);
}

static void a_write_error_stops_the_export(void **state)
{
	iv_fixture *fx = *state;
	struct out o = { NULL, 0, 0, 0, 7 };

	store_several(fx);
	assert_int_equal(iv_export(fx->db, IV_FORMAT_VCARD, out_write, &o, NULL), 7);
	assert_int_equal(o.calls, 1);
	free(o.s);
}

struct progress {
	uint64_t calls, records, total;
};

static int count_progress(uint64_t done, uint64_t total, uint64_t records, void *payload)
{
	struct progress *p = payload;

	(void)done;
	p->calls++;
	p->records = records;
	p->total = total;
	return 0;
}

static void progress_counts_the_cards(void **state)
{
	iv_fixture *fx = *state;
	iv_export_options opts = IV_EXPORT_OPTIONS_INIT;
	struct progress p = { 0, 0, 0 };
	struct out o = { NULL, 0, 0, 0, 0 };

	store_several(fx);
	opts.progress = count_progress;
	opts.payload = &p;
	ok(iv_export(fx->db, IV_FORMAT_VCARD, out_write, &o, &opts));
	assert_int_equal(p.records, 4);
	assert_true(p.calls >= 1);
	free(o.s);
}

static void every_card_has_its_own_uid_and_ends(void **state)
{
	iv_fixture *fx = *state;
	char *text, *p;
	size_t begins = 0, ends = 0, uids = 0;

	store_several(fx);
	text = export_text(fx->db, 0, NULL);
	for (p = text; (p = strstr(p, "BEGIN:VCARD\r\n")) != NULL; p++)
		begins++;
	for (p = text; (p = strstr(p, "END:VCARD\r\n")) != NULL; p++)
		ends++;
	for (p = text; (p = strstr(p, "\r\nUID:urn:uuid:")) != NULL; p++)
		uids++;
	assert_int_equal(begins, 4);
	assert_int_equal(ends, 4);
	assert_int_equal(uids, 4);
	free(text);
}

#define T(name) cmocka_unit_test_setup_teardown(name, iv_fixture_setup, iv_fixture_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(a_contact_is_written_field_for_field_in_4_0),
		T(version_3_0_on_request),
		T(empty_fields_are_left_out),
		T(names_are_split_into_family_and_given),
		T(long_lines_are_folded_at_75_octets_between_characters),
		T(a_line_exactly_75_octets_long_is_not_folded),
		T(carriage_returns_in_notes_become_line_breaks),
		T(who_introduced_them_is_related_made_first_newest_first),
		T(exporting_twice_gives_the_same_bytes),
		T(cards_come_in_the_order_of_the_listing),
		T(a_filter_exports_only_its_contacts),
		T(an_empty_store_exports_nothing),
		T(a_write_error_stops_the_export),
		T(progress_counts_the_cards),
		T(every_card_has_its_own_uid_and_ends),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests(tests, NULL, NULL);
}

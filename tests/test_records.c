/*
 * The records in memory: defaults, setters and their rules, lists, copies,
 * completeness checks, and the names of the enumerations.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <infoview/infoview.h>
#include <infoview/sys/backend.h>
#include "records.h"
#include "util.h"

#define ID_A "0190b4c2-7d3e-7a1b-9c4d-5e6f70819203"
#define ID_A_UPPER "0190B4C2-7D3E-7A1B-9C4D-5E6F70819203"
#define ID_B "0190b4c2-7d3e-7a1b-9c4d-5e6f70819204"
#define ID_C "0190b4c2-7d3e-7a1b-9c4d-5e6f70819205"

/* A refusal: the code, and a message that begins with the field's name. */
#define assert_refused(expr, code, field) do { \
	int rc_ = (expr); \
	const char *msg_ = iv_error_message(); \
	assert_int_equal(rc_, (code)); \
	if (strncmp(msg_, (field), strlen(field)) != 0 || msg_[strlen(field)] != ':') \
		fail_msg("message \"%s\" does not name %s", msg_, (field)); \
} while (0)

#define assert_invalid(expr, field) assert_refused(expr, IV_EINVALID, field)

/* `n` bytes of 'a', NUL-terminated; valid until the next call. */
static const char *text_of(size_t n)
{
	static char buf[IV_LIMIT_TEXT + 2];

	memset(buf, 'a', n);
	buf[n] = '\0';
	return buf;
}

/* Per-test fixtures: one record of each kind, freed after the test. */
static int new_contact(void **state)
{
	return iv_contact_new((iv_contact **)state);
}

static int free_contact(void **state)
{
	iv_contact_free(*state);
	return 0;
}

static int new_intro(void **state)
{
	return iv_intro_new((iv_intro **)state);
}

static int free_intro(void **state)
{
	iv_intro_free(*state);
	return 0;
}

static int new_interview(void **state)
{
	return iv_interview_new((iv_interview **)state);
}

static int free_interview(void **state)
{
	iv_interview_free(*state);
	return 0;
}

static int new_followup(void **state)
{
	return iv_followup_new((iv_followup **)state);
}

static int free_followup(void **state)
{
	iv_followup_free(*state);
	return 0;
}

/* ------------------------------------------------------------------ */
/* All records                                                        */
/* ------------------------------------------------------------------ */

static void new_and_dup_refuse_null_arguments(void **state)
{
	iv_contact *c = NULL;
	iv_intro *in = NULL;
	iv_interview *iv = NULL;
	iv_followup *fu = NULL;

	(void)state;
	assert_int_equal(iv_contact_new(NULL), IV_EINVALID);
	assert_int_equal(iv_intro_new(NULL), IV_EINVALID);
	assert_int_equal(iv_interview_new(NULL), IV_EINVALID);
	assert_int_equal(iv_followup_new(NULL), IV_EINVALID);
	assert_int_equal(iv_contact_dup(&c, NULL), IV_EINVALID);
	assert_int_equal(iv_intro_dup(&in, NULL), IV_EINVALID);
	assert_int_equal(iv_interview_dup(&iv, NULL), IV_EINVALID);
	assert_int_equal(iv_followup_dup(&fu, NULL), IV_EINVALID);
	assert_null(c);
	assert_null(in);
	assert_null(iv);
	assert_null(fu);
}

/* ------------------------------------------------------------------ */
/* Contacts                                                           */
/* ------------------------------------------------------------------ */

/* The text fields other than the name, with their rules. */
static const struct text_field {
	const char *field;
	int (*set)(iv_contact *, const char *);
	const char *(*get)(const iv_contact *);
	size_t max;
	int oneline;
} contact_texts[] = {
	{ "contact.phone", iv_contact_set_phone, iv_contact_phone, IV_LIMIT_SHORT, 1 },
	{ "contact.company", iv_contact_set_company, iv_contact_company, IV_LIMIT_SHORT, 1 },
	{ "contact.title", iv_contact_set_title, iv_contact_title, IV_LIMIT_SHORT, 1 },
	{ "contact.location", iv_contact_set_location, iv_contact_location, IV_LIMIT_SHORT, 1 },
	{ "contact.url", iv_contact_set_url, iv_contact_url, IV_LIMIT_URL, 1 },
	{ "contact.notes", iv_contact_set_notes, iv_contact_notes, IV_LIMIT_TEXT, 0 },
};
#define N_CONTACT_TEXTS (sizeof(contact_texts) / sizeof(contact_texts[0]))

static void contact_new_is_empty_and_known_directly(void **state)
{
	iv_contact *c = *state;
	size_t i;

	assert_null(iv_contact_id(c));
	assert_null(iv_contact_name(c));
	for (i = 0; i < N_CONTACT_TEXTS; i++)
		assert_null(contact_texts[i].get(c));
	assert_int_equal(iv_contact_known(c), IV_KNOWN_DIRECT);
	assert_int_equal(iv_contact_cadence_days(c), 0);
	assert_int_equal(iv_contact_last_interaction(c), 0);
	assert_int_equal(iv_contact_created(c), 0);
	assert_int_equal(iv_contact_updated(c), 0);
	assert_int_equal(iv_contact_email_count(c), 0);
	assert_int_equal(iv_contact_tag_count(c), 0);
}

static void contact_free_accepts_null(void **state)
{
	(void)state;
	iv_contact_free(NULL);
}

static void contact_set_id_keeps_lower_case(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_set_id(c, ID_A_UPPER), 0);
	assert_string_equal(iv_contact_id(c), ID_A);
}

static void contact_set_id_refuses_a_malformed_id(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_set_id(c, ID_A), 0);
	assert_invalid(iv_contact_set_id(c, "12345"), "contact.id");
	assert_string_equal(iv_contact_id(c), ID_A);
}

static void contact_set_id_null_or_empty_clears_it(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_set_id(c, ID_A), 0);
	assert_int_equal(iv_contact_set_id(c, NULL), 0);
	assert_null(iv_contact_id(c));
	assert_int_equal(iv_contact_set_id(c, ID_A), 0);
	assert_int_equal(iv_contact_set_id(c, ""), 0);
	assert_null(iv_contact_id(c));
}

static void contact_set_times_sets_created_and_updated(void **state)
{
	iv_contact *c = *state;

	iv_contact_set_times(c, 100, 200);
	assert_int_equal(iv_contact_created(c), 100);
	assert_int_equal(iv_contact_updated(c), 200);
}

static void contact_set_name_stores_a_copy(void **state)
{
	iv_contact *c = *state;
	char name[] = "Dana Reyes";

	assert_int_equal(iv_contact_set_name(c, name), 0);
	name[0] = 'L';
	assert_string_equal(iv_contact_name(c), "Dana Reyes");
}

static void contact_name_refuses_blank_null_and_newline(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_set_name(c, "Dana"), 0);
	assert_invalid(iv_contact_set_name(c, ""), "contact.name");
	assert_invalid(iv_contact_set_name(c, "  "), "contact.name");
	assert_invalid(iv_contact_set_name(c, NULL), "contact.name");
	assert_invalid(iv_contact_set_name(c, "Da\nna"), "contact.name");
	assert_string_equal(iv_contact_name(c), "Dana");
}

static void contact_name_accepts_short_limit_and_refuses_one_byte_more(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_set_name(c, text_of(IV_LIMIT_SHORT)), 0);
	assert_invalid(iv_contact_set_name(c, text_of(IV_LIMIT_SHORT + 1)), "contact.name");
	assert_int_equal(strlen(iv_contact_name(c)), IV_LIMIT_SHORT);
}

static void contact_text_fields_store_what_is_set(void **state)
{
	iv_contact *c = *state;
	size_t i;

	for (i = 0; i < N_CONTACT_TEXTS; i++) {
		assert_int_equal(contact_texts[i].set(c, contact_texts[i].field), 0);
		assert_string_equal(contact_texts[i].get(c), contact_texts[i].field);
	}
}

static void contact_text_fields_clear_with_null_or_empty(void **state)
{
	iv_contact *c = *state;
	size_t i;

	for (i = 0; i < N_CONTACT_TEXTS; i++) {
		assert_int_equal(contact_texts[i].set(c, "x"), 0);
		assert_int_equal(contact_texts[i].set(c, NULL), 0);
		assert_null(contact_texts[i].get(c));
		assert_int_equal(contact_texts[i].set(c, "x"), 0);
		assert_int_equal(contact_texts[i].set(c, ""), 0);
		assert_null(contact_texts[i].get(c));
	}
}

static void contact_text_fields_accept_their_limit_and_refuse_one_byte_more(void **state)
{
	iv_contact *c = *state;
	size_t i;

	for (i = 0; i < N_CONTACT_TEXTS; i++) {
		const struct text_field *f = &contact_texts[i];
		assert_int_equal(f->set(c, text_of(f->max)), 0);
		assert_invalid(f->set(c, text_of(f->max + 1)), f->field);
		assert_int_equal(strlen(f->get(c)), f->max);
	}
}

static void contact_one_line_fields_refuse_a_newline_and_keep_their_value(void **state)
{
	iv_contact *c = *state;
	size_t i;

	for (i = 0; i < N_CONTACT_TEXTS; i++) {
		const struct text_field *f = &contact_texts[i];
		if (!f->oneline)
			continue;
		assert_int_equal(f->set(c, "kept"), 0);
		assert_invalid(f->set(c, "two\nlines"), f->field);
		assert_string_equal(f->get(c), "kept");
	}
}

static void contact_notes_accept_several_lines(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_set_notes(c, "met at a talk\n\tfollow up in May\r\n"), 0);
	assert_string_equal(iv_contact_notes(c), "met at a talk\n\tfollow up in May\r\n");
}

static void contact_text_fields_refuse_invalid_utf8(void **state)
{
	iv_contact *c = *state;
	size_t i;

	assert_invalid(iv_contact_set_name(c, "Jos\xC3"), "contact.name");
	for (i = 0; i < N_CONTACT_TEXTS; i++)
		assert_invalid(contact_texts[i].set(c, "\xC0\xAF"), contact_texts[i].field);
}

static void contact_url_refuses_spaces(void **state)
{
	iv_contact *c = *state;

	assert_invalid(iv_contact_set_url(c, "https://example.com/a b"), "contact.url");
	assert_null(iv_contact_url(c));
}

static void contact_known_accepts_every_iv_known(void **state)
{
	iv_contact *c = *state;
	int k;

	for (k = IV_KNOWN_DIRECT; k <= IV_KNOWN_COLD; k++) {
		assert_int_equal(iv_contact_set_known(c, k), 0);
		assert_int_equal(iv_contact_known(c), k);
	}
}

static void contact_known_refuses_unknown_value_and_keeps_old(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_set_known(c, IV_KNOWN_COLD), 0);
	assert_invalid(iv_contact_set_known(c, 0), "contact.known");
	assert_invalid(iv_contact_set_known(c, 4), "contact.known");
	assert_int_equal(iv_contact_known(c), IV_KNOWN_COLD);
}

static void contact_cadence_accepts_0_to_3650_days(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_set_cadence_days(c, 3650), 0);
	assert_int_equal(iv_contact_cadence_days(c), 3650);
	assert_int_equal(iv_contact_set_cadence_days(c, 0), 0);
	assert_int_equal(iv_contact_cadence_days(c), 0);
}

static void contact_cadence_refuses_out_of_range_and_keeps_old(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_set_cadence_days(c, 90), 0);
	assert_invalid(iv_contact_set_cadence_days(c, -1), "contact.cadence_days");
	assert_invalid(iv_contact_set_cadence_days(c, 3651), "contact.cadence_days");
	assert_int_equal(iv_contact_cadence_days(c), 90);
}

static void contact_last_interaction_takes_any_time(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_set_last_interaction(c, 1700000000), 0);
	assert_int_equal(iv_contact_last_interaction(c), 1700000000);
	assert_int_equal(iv_contact_set_last_interaction(c, -5), 0);
	assert_int_equal(iv_contact_last_interaction(c), -5);
}

static void contact_emails_keep_the_order_added(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_add_email(c, "dana@work.example"), 0);
	assert_int_equal(iv_contact_add_email(c, "dana@home.example"), 0);
	assert_int_equal(iv_contact_email_count(c), 2);
	assert_string_equal(iv_contact_email_at(c, 0), "dana@work.example");
	assert_string_equal(iv_contact_email_at(c, 1), "dana@home.example");
}

static void contact_email_at_out_of_range_is_null(void **state)
{
	iv_contact *c = *state;

	assert_null(iv_contact_email_at(c, 0));
	assert_int_equal(iv_contact_add_email(c, "a@b"), 0);
	assert_null(iv_contact_email_at(c, 1));
}

static void contact_add_email_ignores_a_case_insensitive_duplicate(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_add_email(c, "Dana@Work.example"), 0);
	assert_int_equal(iv_contact_add_email(c, "dana@work.EXAMPLE"), 0);
	assert_int_equal(iv_contact_email_count(c), 1);
	assert_string_equal(iv_contact_email_at(c, 0), "Dana@Work.example");
}

static void contact_add_email_refuses_malformed_addresses(void **state)
{
	static const char *const bad[] = {
		"", "dana", "@work.example", "dana@", "a@b@c", "da na@work.example",
		"dana@work\n", "dana@\xC3",
	};
	iv_contact *c = *state;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_invalid(iv_contact_add_email(c, bad[i]), "contact.email");
	assert_invalid(iv_contact_add_email(c, NULL), "contact.email");
	assert_int_equal(iv_contact_email_count(c), 0);
}

static void contact_add_email_refuses_more_than_short_limit_bytes(void **state)
{
	iv_contact *c = *state;
	char email[IV_LIMIT_SHORT + 2];

	memset(email, 'a', sizeof(email) - 1);
	email[sizeof(email) - 1] = '\0';
	email[1] = '@';
	assert_invalid(iv_contact_add_email(c, email), "contact.email");
	email[IV_LIMIT_SHORT] = '\0';
	assert_int_equal(iv_contact_add_email(c, email), 0);
}

static void contact_add_email_refuses_more_than_list_limit(void **state)
{
	iv_contact *c = *state;
	char email[32];
	int i;

	for (i = 0; i < IV_LIMIT_LIST; i++) {
		snprintf(email, sizeof(email), "p%d@example.com", i);
		assert_int_equal(iv_contact_add_email(c, email), 0);
	}
	assert_invalid(iv_contact_add_email(c, "one@more.example"), "contact.email");
	assert_int_equal(iv_contact_email_count(c), IV_LIMIT_LIST);
	/* A duplicate still changes nothing rather than failing. */
	assert_int_equal(iv_contact_add_email(c, "P0@example.com"), 0);
}

static void contact_remove_email_is_case_insensitive(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_add_email(c, "a@x"), 0);
	assert_int_equal(iv_contact_add_email(c, "b@x"), 0);
	assert_int_equal(iv_contact_remove_email(c, "A@X"), 0);
	assert_int_equal(iv_contact_email_count(c), 1);
	assert_string_equal(iv_contact_email_at(c, 0), "b@x");
}

static void contact_remove_absent_email_is_not_found(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_add_email(c, "a@x"), 0);
	assert_refused(iv_contact_remove_email(c, "b@x"), IV_ENOTFOUND, "contact.email");
	assert_refused(iv_contact_remove_email(c, NULL), IV_ENOTFOUND, "contact.email");
	assert_int_equal(iv_contact_email_count(c), 1);
}

static void contact_clear_emails_removes_all(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_add_email(c, "a@x"), 0);
	assert_int_equal(iv_contact_add_email(c, "b@x"), 0);
	iv_contact_clear_emails(c);
	assert_int_equal(iv_contact_email_count(c), 0);
	assert_null(iv_contact_email_at(c, 0));
}

static void contact_tags_keep_the_order_added(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_add_tag(c, "pharma"), 0);
	assert_int_equal(iv_contact_add_tag(c, "alumni"), 0);
	assert_int_equal(iv_contact_tag_count(c), 2);
	assert_string_equal(iv_contact_tag_at(c, 0), "pharma");
	assert_string_equal(iv_contact_tag_at(c, 1), "alumni");
	assert_null(iv_contact_tag_at(c, 2));
}

static void contact_add_tag_ignores_a_case_insensitive_duplicate(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_add_tag(c, "Pharma"), 0);
	assert_int_equal(iv_contact_add_tag(c, "PHARMA"), 0);
	assert_int_equal(iv_contact_tag_count(c), 1);
	assert_string_equal(iv_contact_tag_at(c, 0), "Pharma");
}

static void contact_has_tag_is_case_insensitive(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_add_tag(c, "Pharma"), 0);
	assert_true(iv_contact_has_tag(c, "pharma"));
	assert_false(iv_contact_has_tag(c, "biotech"));
	assert_false(iv_contact_has_tag(c, NULL));
}

static void contact_add_tag_refuses_blank_untrimmed_or_multiline(void **state)
{
	static const char *const bad[] = { "", "   ", " lead", "trail ", "two\nlines", "tab\there" };
	iv_contact *c = *state;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_invalid(iv_contact_add_tag(c, bad[i]), "contact.tag");
	assert_invalid(iv_contact_add_tag(c, NULL), "contact.tag");
	assert_int_equal(iv_contact_tag_count(c), 0);
}

static void contact_add_tag_accepts_tag_limit_and_refuses_one_byte_more(void **state)
{
	iv_contact *c = *state;

	assert_invalid(iv_contact_add_tag(c, text_of(IV_LIMIT_TAG + 1)), "contact.tag");
	assert_int_equal(iv_contact_add_tag(c, text_of(IV_LIMIT_TAG)), 0);
	assert_int_equal(iv_contact_tag_count(c), 1);
}

static void contact_add_tag_refuses_more_than_list_limit(void **state)
{
	iv_contact *c = *state;
	char tag[16];
	int i;

	for (i = 0; i < IV_LIMIT_LIST; i++) {
		snprintf(tag, sizeof(tag), "t%d", i);
		assert_int_equal(iv_contact_add_tag(c, tag), 0);
	}
	assert_invalid(iv_contact_add_tag(c, "extra"), "contact.tag");
	assert_int_equal(iv_contact_tag_count(c), IV_LIMIT_LIST);
}

static void contact_remove_tag_is_case_insensitive(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_add_tag(c, "a"), 0);
	assert_int_equal(iv_contact_add_tag(c, "b"), 0);
	assert_int_equal(iv_contact_remove_tag(c, "A"), 0);
	assert_int_equal(iv_contact_tag_count(c), 1);
	assert_string_equal(iv_contact_tag_at(c, 0), "b");
}

static void contact_remove_absent_tag_is_not_found(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_add_tag(c, "a"), 0);
	assert_refused(iv_contact_remove_tag(c, "b"), IV_ENOTFOUND, "contact.tag");
	assert_int_equal(iv_contact_tag_count(c), 1);
}

static void contact_clear_tags_removes_all(void **state)
{
	iv_contact *c = *state;

	assert_int_equal(iv_contact_add_tag(c, "a"), 0);
	iv_contact_clear_tags(c);
	assert_int_equal(iv_contact_tag_count(c), 0);
	assert_false(iv_contact_has_tag(c, "a"));
}

static void contact_dup_copies_every_field_deeply(void **state)
{
	iv_contact *c = *state, *d = NULL;
	size_t i;

	assert_int_equal(iv_contact_set_id(c, ID_A), 0);
	assert_int_equal(iv_contact_set_name(c, "Dana"), 0);
	for (i = 0; i < N_CONTACT_TEXTS; i++)
		assert_int_equal(contact_texts[i].set(c, contact_texts[i].field), 0);
	assert_int_equal(iv_contact_set_known(c, IV_KNOWN_INTRODUCED), 0);
	assert_int_equal(iv_contact_set_cadence_days(c, 30), 0);
	assert_int_equal(iv_contact_set_last_interaction(c, 5), 0);
	iv_contact_set_times(c, 1, 2);
	assert_int_equal(iv_contact_add_email(c, "d@x"), 0);
	assert_int_equal(iv_contact_add_tag(c, "t"), 0);

	assert_int_equal(iv_contact_dup(&d, c), 0);
	assert_int_equal(iv_contact_set_name(c, "Changed"), 0);
	for (i = 0; i < N_CONTACT_TEXTS; i++)
		assert_int_equal(contact_texts[i].set(c, NULL), 0);
	assert_int_equal(iv_contact_set_id(c, ID_B), 0);
	iv_contact_clear_emails(c);
	iv_contact_clear_tags(c);

	assert_string_equal(iv_contact_id(d), ID_A);
	assert_string_equal(iv_contact_name(d), "Dana");
	for (i = 0; i < N_CONTACT_TEXTS; i++)
		assert_string_equal(contact_texts[i].get(d), contact_texts[i].field);
	assert_int_equal(iv_contact_known(d), IV_KNOWN_INTRODUCED);
	assert_int_equal(iv_contact_cadence_days(d), 30);
	assert_int_equal(iv_contact_last_interaction(d), 5);
	assert_int_equal(iv_contact_created(d), 1);
	assert_int_equal(iv_contact_updated(d), 2);
	assert_int_equal(iv_contact_email_count(d), 1);
	assert_string_equal(iv_contact_email_at(d, 0), "d@x");
	assert_int_equal(iv_contact_tag_count(d), 1);
	assert_string_equal(iv_contact_tag_at(d, 0), "t");
	iv_contact_free(d);
}

static void contact_check_requires_a_name(void **state)
{
	iv_contact *c = *state;

	assert_invalid(iv__contact_check(c), "contact.name");
	assert_int_equal(iv_contact_set_name(c, "Dana"), 0);
	assert_int_equal(iv__contact_check(c), 0);
}

/* ------------------------------------------------------------------ */
/* Introductions                                                      */
/* ------------------------------------------------------------------ */

static void intro_new_is_by_email_and_suggested(void **state)
{
	iv_intro *in = *state;

	assert_null(iv_intro_id(in));
	assert_null(iv_intro_introducer(in));
	assert_null(iv_intro_introduced(in));
	assert_null(iv_intro_note(in));
	assert_int_equal(iv_intro_channel(in), IV_CHANNEL_EMAIL);
	assert_int_equal(iv_intro_status(in), IV_INTRO_SUGGESTED);
	assert_int_equal(iv_intro_requested_at(in), 0);
	assert_int_equal(iv_intro_made_at(in), 0);
	assert_int_equal(iv_intro_created(in), 0);
	assert_int_equal(iv_intro_updated(in), 0);
}

static void intro_free_accepts_null(void **state)
{
	(void)state;
	iv_intro_free(NULL);
}

static void intro_set_id_keeps_lower_case_and_refuses_malformed(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_id(in, ID_A_UPPER), 0);
	assert_string_equal(iv_intro_id(in), ID_A);
	assert_invalid(iv_intro_set_id(in, "x"), "intro.id");
	assert_string_equal(iv_intro_id(in), ID_A);
}

static void intro_set_id_null_clears_it(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_id(in, ID_A), 0);
	assert_int_equal(iv_intro_set_id(in, NULL), 0);
	assert_null(iv_intro_id(in));
}

static void intro_set_times_sets_created_and_updated(void **state)
{
	iv_intro *in = *state;

	iv_intro_set_times(in, 10, 20);
	assert_int_equal(iv_intro_created(in), 10);
	assert_int_equal(iv_intro_updated(in), 20);
}

static void intro_introducer_keeps_lower_case(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_introducer(in, ID_A_UPPER), 0);
	assert_string_equal(iv_intro_introducer(in), ID_A);
}

static void intro_introducer_refuses_malformed_or_null_and_keeps_old(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_introducer(in, ID_A), 0);
	assert_invalid(iv_intro_set_introducer(in, "nobody"), "intro.introducer");
	assert_invalid(iv_intro_set_introducer(in, NULL), "intro.introducer");
	assert_string_equal(iv_intro_introducer(in), ID_A);
}

static void intro_introduced_keeps_lower_case(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_introduced(in, ID_A_UPPER), 0);
	assert_string_equal(iv_intro_introduced(in), ID_A);
}

static void intro_introduced_refuses_malformed_or_null_and_keeps_old(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_introduced(in, ID_B), 0);
	assert_invalid(iv_intro_set_introduced(in, "nobody"), "intro.introduced");
	assert_invalid(iv_intro_set_introduced(in, ""), "intro.introduced");
	assert_string_equal(iv_intro_introduced(in), ID_B);
}

static void intro_channel_accepts_every_iv_channel(void **state)
{
	iv_intro *in = *state;
	int ch;

	for (ch = IV_CHANNEL_EMAIL; ch <= IV_CHANNEL_OTHER; ch++) {
		assert_int_equal(iv_intro_set_channel(in, ch), 0);
		assert_int_equal(iv_intro_channel(in), ch);
	}
}

static void intro_channel_refuses_unknown_value_and_keeps_old(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_channel(in, IV_CHANNEL_PHONE), 0);
	assert_invalid(iv_intro_set_channel(in, 0), "intro.channel");
	assert_invalid(iv_intro_set_channel(in, 6), "intro.channel");
	assert_int_equal(iv_intro_channel(in), IV_CHANNEL_PHONE);
}

static void intro_status_accepts_every_iv_intro_status(void **state)
{
	iv_intro *in = *state;
	int s;

	for (s = IV_INTRO_SUGGESTED; s <= IV_INTRO_DECLINED; s++) {
		assert_int_equal(iv_intro_set_status(in, s), 0);
		assert_int_equal(iv_intro_status(in), s);
	}
}

static void intro_status_refuses_unknown_value_and_keeps_old(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_status(in, IV_INTRO_MADE), 0);
	assert_invalid(iv_intro_set_status(in, 5), "intro.status");
	assert_int_equal(iv_intro_status(in), IV_INTRO_MADE);
}

static void intro_dates_store_what_is_set(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_requested_at(in, 111), 0);
	assert_int_equal(iv_intro_set_made_at(in, 222), 0);
	assert_int_equal(iv_intro_requested_at(in), 111);
	assert_int_equal(iv_intro_made_at(in), 222);
}

static void intro_note_accepts_several_lines_and_clears(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_note(in, "Sam knows her\nfrom college"), 0);
	assert_string_equal(iv_intro_note(in), "Sam knows her\nfrom college");
	assert_int_equal(iv_intro_set_note(in, NULL), 0);
	assert_null(iv_intro_note(in));
}

static void intro_note_refuses_more_than_text_limit(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_note(in, text_of(IV_LIMIT_TEXT)), 0);
	assert_invalid(iv_intro_set_note(in, text_of(IV_LIMIT_TEXT + 1)), "intro.note");
	assert_int_equal(strlen(iv_intro_note(in)), IV_LIMIT_TEXT);
}

static void intro_dup_copies_every_field_deeply(void **state)
{
	iv_intro *in = *state, *d = NULL;

	assert_int_equal(iv_intro_set_id(in, ID_C), 0);
	assert_int_equal(iv_intro_set_introducer(in, ID_A), 0);
	assert_int_equal(iv_intro_set_introduced(in, ID_B), 0);
	assert_int_equal(iv_intro_set_channel(in, IV_CHANNEL_MESSAGE), 0);
	assert_int_equal(iv_intro_set_status(in, IV_INTRO_REQUESTED), 0);
	assert_int_equal(iv_intro_set_requested_at(in, 3), 0);
	assert_int_equal(iv_intro_set_made_at(in, 4), 0);
	assert_int_equal(iv_intro_set_note(in, "n"), 0);
	iv_intro_set_times(in, 1, 2);

	assert_int_equal(iv_intro_dup(&d, in), 0);
	assert_int_equal(iv_intro_set_introducer(in, ID_C), 0);
	assert_int_equal(iv_intro_set_note(in, "changed"), 0);

	assert_string_equal(iv_intro_id(d), ID_C);
	assert_string_equal(iv_intro_introducer(d), ID_A);
	assert_string_equal(iv_intro_introduced(d), ID_B);
	assert_int_equal(iv_intro_channel(d), IV_CHANNEL_MESSAGE);
	assert_int_equal(iv_intro_status(d), IV_INTRO_REQUESTED);
	assert_int_equal(iv_intro_requested_at(d), 3);
	assert_int_equal(iv_intro_made_at(d), 4);
	assert_string_equal(iv_intro_note(d), "n");
	assert_int_equal(iv_intro_created(d), 1);
	assert_int_equal(iv_intro_updated(d), 2);
	iv_intro_free(d);
}

static void intro_check_requires_an_introducer(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_introduced(in, ID_B), 0);
	assert_invalid(iv__intro_check(in), "intro.introducer");
}

static void intro_check_requires_an_introduced_contact(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_introducer(in, ID_A), 0);
	assert_invalid(iv__intro_check(in), "intro.introduced");
}

static void intro_check_refuses_someone_introduced_to_themselves(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_introducer(in, ID_A), 0);
	assert_int_equal(iv_intro_set_introduced(in, ID_A_UPPER), 0);
	assert_invalid(iv__intro_check(in), "intro.introduced");
}

static void intro_check_accepts_two_different_contacts(void **state)
{
	iv_intro *in = *state;

	assert_int_equal(iv_intro_set_introducer(in, ID_A), 0);
	assert_int_equal(iv_intro_set_introduced(in, ID_B), 0);
	assert_int_equal(iv__intro_check(in), 0);
}

/* ------------------------------------------------------------------ */
/* Interviews                                                         */
/* ------------------------------------------------------------------ */

static void interview_new_is_planned_30_minutes_medium_unset(void **state)
{
	iv_interview *iv = *state;
	int s;

	assert_null(iv_interview_id(iv));
	assert_null(iv_interview_contact(iv));
	assert_null(iv_interview_intro(iv));
	assert_null(iv_interview_purpose(iv));
	assert_null(iv_interview_notes(iv));
	assert_int_equal(iv_interview_status(iv), IV_INTERVIEW_PLANNED);
	assert_int_equal(iv_interview_minutes(iv), IV_INTERVIEW_DEFAULT_MINUTES);
	assert_int_equal(iv_interview_minutes(iv), 30);
	assert_int_equal(iv_interview_medium(iv), IV_MEDIUM_UNSET);
	assert_int_equal(iv_interview_scheduled_at(iv), 0);
	assert_int_equal(iv_interview_created(iv), 0);
	assert_int_equal(iv_interview_updated(iv), 0);
	for (s = IV_INTERVIEW_PLANNED; s <= IV_INTERVIEW_CANCELLED; s++)
		assert_int_equal(iv_interview_status_at(iv, s), 0);
	assert_int_equal(iv_interview_question_count(iv), 0);
	assert_int_equal(iv_interview_advice_count(iv), 0);
	assert_int_equal(iv_interview_resource_count(iv), 0);
}

static void interview_free_accepts_null(void **state)
{
	(void)state;
	iv_interview_free(NULL);
}

static void interview_set_id_keeps_lower_case_and_refuses_malformed(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_set_id(iv, ID_A_UPPER), 0);
	assert_string_equal(iv_interview_id(iv), ID_A);
	assert_invalid(iv_interview_set_id(iv, "x"), "interview.id");
	assert_string_equal(iv_interview_id(iv), ID_A);
}

static void interview_set_id_null_clears_it(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_set_id(iv, ID_A), 0);
	assert_int_equal(iv_interview_set_id(iv, NULL), 0);
	assert_null(iv_interview_id(iv));
}

static void interview_set_times_sets_created_and_updated(void **state)
{
	iv_interview *iv = *state;

	iv_interview_set_times(iv, 10, 20);
	assert_int_equal(iv_interview_created(iv), 10);
	assert_int_equal(iv_interview_updated(iv), 20);
}

static void interview_contact_is_required_and_kept_lower_case(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_set_contact(iv, ID_A_UPPER), 0);
	assert_string_equal(iv_interview_contact(iv), ID_A);
	assert_invalid(iv_interview_set_contact(iv, NULL), "interview.contact");
	assert_invalid(iv_interview_set_contact(iv, "bad"), "interview.contact");
	assert_string_equal(iv_interview_contact(iv), ID_A);
}

static void interview_intro_is_optional_and_clears(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_set_intro(iv, ID_B), 0);
	assert_string_equal(iv_interview_intro(iv), ID_B);
	assert_int_equal(iv_interview_set_intro(iv, NULL), 0);
	assert_null(iv_interview_intro(iv));
	assert_int_equal(iv_interview_set_intro(iv, ID_B), 0);
	assert_int_equal(iv_interview_set_intro(iv, ""), 0);
	assert_null(iv_interview_intro(iv));
}

static void interview_intro_refuses_malformed_and_keeps_old(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_set_intro(iv, ID_B), 0);
	assert_invalid(iv_interview_set_intro(iv, "intro-1"), "interview.intro");
	assert_string_equal(iv_interview_intro(iv), ID_B);
}

static void interview_purpose_and_notes_accept_several_lines_and_clear(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_set_purpose(iv, "learn\nabout QA"), 0);
	assert_int_equal(iv_interview_set_notes(iv, "she said\n- a\n- b"), 0);
	assert_string_equal(iv_interview_purpose(iv), "learn\nabout QA");
	assert_string_equal(iv_interview_notes(iv), "she said\n- a\n- b");
	assert_int_equal(iv_interview_set_purpose(iv, ""), 0);
	assert_int_equal(iv_interview_set_notes(iv, NULL), 0);
	assert_null(iv_interview_purpose(iv));
	assert_null(iv_interview_notes(iv));
}

static void interview_purpose_and_notes_refuse_more_than_text_limit(void **state)
{
	iv_interview *iv = *state;

	assert_invalid(iv_interview_set_purpose(iv, text_of(IV_LIMIT_TEXT + 1)), "interview.purpose");
	assert_invalid(iv_interview_set_notes(iv, text_of(IV_LIMIT_TEXT + 1)), "interview.notes");
	assert_null(iv_interview_purpose(iv));
	assert_null(iv_interview_notes(iv));
}

static void interview_medium_accepts_0_to_3(void **state)
{
	iv_interview *iv = *state;
	int m;

	for (m = IV_MEDIUM_UNSET; m <= IV_MEDIUM_IN_PERSON; m++) {
		assert_int_equal(iv_interview_set_medium(iv, m), 0);
		assert_int_equal(iv_interview_medium(iv), m);
	}
}

static void interview_medium_refuses_unknown_value_and_keeps_old(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_set_medium(iv, IV_MEDIUM_VIDEO), 0);
	assert_invalid(iv_interview_set_medium(iv, 4), "interview.medium");
	assert_invalid(iv_interview_set_medium(iv, -1), "interview.medium");
	assert_int_equal(iv_interview_medium(iv), IV_MEDIUM_VIDEO);
}

static void interview_scheduled_at_stores_what_is_set(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_set_scheduled_at(iv, 1700000000), 0);
	assert_int_equal(iv_interview_scheduled_at(iv), 1700000000);
}

static void interview_minutes_accept_1_to_600(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_set_minutes(iv, 1), 0);
	assert_int_equal(iv_interview_minutes(iv), 1);
	assert_int_equal(iv_interview_set_minutes(iv, 600), 0);
	assert_int_equal(iv_interview_minutes(iv), 600);
}

static void interview_minutes_refuse_out_of_range_and_keep_old(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_set_minutes(iv, 45), 0);
	assert_invalid(iv_interview_set_minutes(iv, 0), "interview.minutes");
	assert_invalid(iv_interview_set_minutes(iv, 601), "interview.minutes");
	assert_int_equal(iv_interview_minutes(iv), 45);
}

static void interview_status_accepts_every_iv_interview_status(void **state)
{
	iv_interview *iv = *state;
	int s;

	for (s = IV_INTERVIEW_PLANNED; s <= IV_INTERVIEW_CANCELLED; s++) {
		assert_int_equal(iv_interview_set_status(iv, s), 0);
		assert_int_equal(iv_interview_status(iv), s);
	}
}

static void interview_status_refuses_unknown_value_and_keeps_old(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_set_status(iv, IV_INTERVIEW_SCHEDULED), 0);
	assert_invalid(iv_interview_set_status(iv, 0), "interview.status");
	assert_invalid(iv_interview_set_status(iv, 8), "interview.status");
	assert_int_equal(iv_interview_status(iv), IV_INTERVIEW_SCHEDULED);
}

static void interview_status_at_keeps_one_time_per_status(void **state)
{
	iv_interview *iv = *state;
	int s;

	for (s = IV_INTERVIEW_PLANNED; s <= IV_INTERVIEW_CANCELLED; s++)
		assert_int_equal(iv_interview_set_status_at(iv, s, 1000 + s), 0);
	for (s = IV_INTERVIEW_PLANNED; s <= IV_INTERVIEW_CANCELLED; s++)
		assert_int_equal(iv_interview_status_at(iv, s), 1000 + s);
}

static void interview_set_status_at_refuses_unknown_status(void **state)
{
	iv_interview *iv = *state;

	assert_invalid(iv_interview_set_status_at(iv, 0, 5), "interview.status_at");
	assert_invalid(iv_interview_set_status_at(iv, 8, 5), "interview.status_at");
}

static void interview_status_at_of_unknown_status_is_zero(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_status_at(iv, 0), 0);
	assert_int_equal(iv_interview_status_at(iv, 8), 0);
	assert_int_equal(iv_interview_status_at(iv, -1), 0);
}

static void interview_status_at_planned_defaults_to_creation_time(void **state)
{
	iv_interview *iv = *state;

	iv_interview_set_times(iv, 500, 600);
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_PLANNED), 500);
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_SCHEDULED), 0);
	assert_int_equal(iv_interview_set_status_at(iv, IV_INTERVIEW_PLANNED, 400), 0);
	assert_int_equal(iv_interview_status_at(iv, IV_INTERVIEW_PLANNED), 400);
}

/* Adds the questions "q0".."q{n-1}", answering each "a<i>". */
static void add_answered_questions(iv_interview *iv, int n)
{
	char q[16], a[16];
	int i;

	for (i = 0; i < n; i++) {
		snprintf(q, sizeof(q), "q%d", i);
		snprintf(a, sizeof(a), "a%d", i);
		assert_int_equal(iv_interview_add_question(iv, q), 0);
		assert_int_equal(iv_interview_set_answer(iv, (size_t)i, a), 0);
	}
}

/* Asserts the questions in order, as a space-separated "q0:a0 q1:- ..." */
static void assert_questions(const iv_interview *iv, const char *want)
{
	char got[512] = "";
	size_t i, len = 0;

	for (i = 0; i < iv_interview_question_count(iv); i++) {
		const char *a = iv_interview_answer_at(iv, i);
		len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%s:%s", i ? " " : "",
					iv_interview_question_at(iv, i), a ? a : "-");
	}
	assert_string_equal(got, want);
}

static void interview_add_question_appends_unanswered(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_add_question(iv, "How did you get here?"), 0);
	assert_int_equal(iv_interview_add_question(iv, "What is a day like?"), 0);
	assert_int_equal(iv_interview_question_count(iv), 2);
	assert_string_equal(iv_interview_question_at(iv, 0), "How did you get here?");
	assert_string_equal(iv_interview_question_at(iv, 1), "What is a day like?");
	assert_null(iv_interview_answer_at(iv, 0));
	assert_null(iv_interview_answer_at(iv, 1));
}

static void interview_question_accepts_several_lines(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_add_question(iv, "Trends:\nwhat is changing?"), 0);
	assert_string_equal(iv_interview_question_at(iv, 0), "Trends:\nwhat is changing?");
}

static void interview_question_refuses_blank_or_null(void **state)
{
	iv_interview *iv = *state;

	assert_invalid(iv_interview_add_question(iv, ""), "interview.question");
	assert_invalid(iv_interview_add_question(iv, " \n "), "interview.question");
	assert_invalid(iv_interview_add_question(iv, NULL), "interview.question");
	assert_int_equal(iv_interview_question_count(iv), 0);
}

static void interview_question_refuses_more_than_text_limit(void **state)
{
	iv_interview *iv = *state;

	assert_invalid(iv_interview_add_question(iv, text_of(IV_LIMIT_TEXT + 1)), "interview.question");
	assert_int_equal(iv_interview_add_question(iv, text_of(IV_LIMIT_TEXT)), 0);
}

static void interview_questions_refuse_more_than_list_limit(void **state)
{
	iv_interview *iv = *state;
	int i;

	for (i = 0; i < IV_LIMIT_LIST; i++)
		assert_int_equal(iv_interview_add_question(iv, "q"), 0);
	assert_invalid(iv_interview_add_question(iv, "one more"), "interview.question");
	assert_invalid(iv_interview_insert_question(iv, 0, "one more"), "interview.question");
	assert_int_equal(iv_interview_question_count(iv), IV_LIMIT_LIST);
}

static void interview_insert_question_at_start_middle_and_end(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 2);
	assert_int_equal(iv_interview_insert_question(iv, 0, "first"), 0);
	assert_int_equal(iv_interview_insert_question(iv, 2, "middle"), 0);
	assert_int_equal(iv_interview_insert_question(iv, 4, "last"), 0);
	assert_questions(iv, "first:- q0:a0 middle:- q1:a1 last:-");
}

static void interview_insert_question_beyond_count_is_refused(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 2);
	assert_invalid(iv_interview_insert_question(iv, 3, "far"), "interview.question");
	assert_non_null(strstr(iv_error_message(), "index 3"));
	assert_questions(iv, "q0:a0 q1:a1");
}

static void interview_question_at_out_of_range_is_null(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 1);
	assert_null(iv_interview_question_at(iv, 1));
	assert_null(iv_interview_answer_at(iv, 1));
}

static void interview_set_question_replaces_text_and_keeps_answer(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 2);
	assert_int_equal(iv_interview_set_question(iv, 1, "new"), 0);
	assert_questions(iv, "q0:a0 new:a1");
}

static void interview_set_question_refuses_blank_and_keeps_old(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 1);
	assert_invalid(iv_interview_set_question(iv, 0, " "), "interview.question");
	assert_invalid(iv_interview_set_question(iv, 0, NULL), "interview.question");
	assert_questions(iv, "q0:a0");
}

static void interview_set_question_out_of_range_is_refused(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 1);
	assert_invalid(iv_interview_set_question(iv, 1, "x"), "interview.question");
	assert_questions(iv, "q0:a0");
}

static void interview_set_answer_clears_with_null_or_empty(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 2);
	assert_int_equal(iv_interview_set_answer(iv, 0, NULL), 0);
	assert_int_equal(iv_interview_set_answer(iv, 1, ""), 0);
	assert_questions(iv, "q0:- q1:-");
}

static void interview_set_answer_accepts_several_lines(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 1);
	assert_int_equal(iv_interview_set_answer(iv, 0, "by luck\nand work"), 0);
	assert_string_equal(iv_interview_answer_at(iv, 0), "by luck\nand work");
}

static void interview_set_answer_refuses_invalid_text_and_keeps_old(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 1);
	assert_invalid(iv_interview_set_answer(iv, 0, "bad \xFF"), "interview.answer");
	assert_invalid(iv_interview_set_answer(iv, 0, text_of(IV_LIMIT_TEXT + 1)), "interview.answer");
	assert_questions(iv, "q0:a0");
}

static void interview_set_answer_out_of_range_is_refused(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 1);
	assert_invalid(iv_interview_set_answer(iv, 1, "x"), "interview.answer");
}

static void interview_move_question_forward_carries_its_answer(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 4);
	assert_int_equal(iv_interview_move_question(iv, 0, 2), 0);
	assert_questions(iv, "q1:a1 q2:a2 q0:a0 q3:a3");
}

static void interview_move_question_backward_carries_its_answer(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 4);
	assert_int_equal(iv_interview_move_question(iv, 3, 1), 0);
	assert_questions(iv, "q0:a0 q3:a3 q1:a1 q2:a2");
}

static void interview_move_question_to_itself_changes_nothing(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 2);
	assert_int_equal(iv_interview_move_question(iv, 1, 1), 0);
	assert_questions(iv, "q0:a0 q1:a1");
}

static void interview_move_question_refuses_either_index_out_of_range(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 3);
	assert_invalid(iv_interview_move_question(iv, 3, 0), "interview.question");
	assert_invalid(iv_interview_move_question(iv, 0, 3), "interview.question");
	assert_questions(iv, "q0:a0 q1:a1 q2:a2");
}

static void interview_remove_question_removes_its_answer(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 3);
	assert_int_equal(iv_interview_remove_question(iv, 1), 0);
	assert_questions(iv, "q0:a0 q2:a2");
}

static void interview_remove_question_out_of_range_is_refused(void **state)
{
	iv_interview *iv = *state;

	add_answered_questions(iv, 2);
	assert_invalid(iv_interview_remove_question(iv, 2), "interview.question");
	assert_questions(iv, "q0:a0 q1:a1");
}

static void interview_advice_keeps_the_order_added(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_add_advice(iv, "learn SQL"), 0);
	assert_int_equal(iv_interview_add_advice(iv, "talk to Lee"), 0);
	assert_int_equal(iv_interview_advice_count(iv), 2);
	assert_string_equal(iv_interview_advice_at(iv, 0), "learn SQL");
	assert_string_equal(iv_interview_advice_at(iv, 1), "talk to Lee");
	assert_null(iv_interview_advice_at(iv, 2));
}

static void interview_advice_refuses_blank(void **state)
{
	iv_interview *iv = *state;

	assert_invalid(iv_interview_add_advice(iv, " "), "interview.advice");
	assert_invalid(iv_interview_add_advice(iv, NULL), "interview.advice");
	assert_int_equal(iv_interview_advice_count(iv), 0);
}

static void interview_advice_refuses_more_than_list_limit(void **state)
{
	iv_interview *iv = *state;
	int i;

	for (i = 0; i < IV_LIMIT_LIST; i++)
		assert_int_equal(iv_interview_add_advice(iv, "a"), 0);
	assert_invalid(iv_interview_add_advice(iv, "a"), "interview.advice");
	assert_int_equal(iv_interview_advice_count(iv), IV_LIMIT_LIST);
}

static void interview_remove_advice_closes_the_gap(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_add_advice(iv, "a"), 0);
	assert_int_equal(iv_interview_add_advice(iv, "b"), 0);
	assert_int_equal(iv_interview_remove_advice(iv, 0), 0);
	assert_int_equal(iv_interview_advice_count(iv), 1);
	assert_string_equal(iv_interview_advice_at(iv, 0), "b");
}

static void interview_remove_advice_out_of_range_is_refused(void **state)
{
	iv_interview *iv = *state;

	assert_invalid(iv_interview_remove_advice(iv, 0), "interview.advice");
}

static void interview_resources_keep_the_order_added(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_add_resource(iv, "a book"), 0);
	assert_int_equal(iv_interview_add_resource(iv, "a podcast"), 0);
	assert_int_equal(iv_interview_resource_count(iv), 2);
	assert_string_equal(iv_interview_resource_at(iv, 0), "a book");
	assert_string_equal(iv_interview_resource_at(iv, 1), "a podcast");
	assert_null(iv_interview_resource_at(iv, 2));
}

static void interview_resource_refuses_blank(void **state)
{
	iv_interview *iv = *state;

	assert_invalid(iv_interview_add_resource(iv, ""), "interview.resource");
	assert_int_equal(iv_interview_resource_count(iv), 0);
}

static void interview_resources_refuse_more_than_list_limit(void **state)
{
	iv_interview *iv = *state;
	int i;

	for (i = 0; i < IV_LIMIT_LIST; i++)
		assert_int_equal(iv_interview_add_resource(iv, "r"), 0);
	assert_invalid(iv_interview_add_resource(iv, "r"), "interview.resource");
	assert_int_equal(iv_interview_resource_count(iv), IV_LIMIT_LIST);
}

static void interview_remove_resource_closes_the_gap(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_add_resource(iv, "a"), 0);
	assert_int_equal(iv_interview_add_resource(iv, "b"), 0);
	assert_int_equal(iv_interview_remove_resource(iv, 1), 0);
	assert_int_equal(iv_interview_resource_count(iv), 1);
	assert_string_equal(iv_interview_resource_at(iv, 0), "a");
}

static void interview_remove_resource_out_of_range_is_refused(void **state)
{
	iv_interview *iv = *state;

	assert_int_equal(iv_interview_add_resource(iv, "a"), 0);
	assert_invalid(iv_interview_remove_resource(iv, 1), "interview.resource");
	assert_int_equal(iv_interview_resource_count(iv), 1);
}

static void interview_dup_copies_every_field_deeply(void **state)
{
	iv_interview *iv = *state, *d = NULL;

	assert_int_equal(iv_interview_set_id(iv, ID_C), 0);
	assert_int_equal(iv_interview_set_contact(iv, ID_A), 0);
	assert_int_equal(iv_interview_set_intro(iv, ID_B), 0);
	assert_int_equal(iv_interview_set_purpose(iv, "p"), 0);
	assert_int_equal(iv_interview_set_notes(iv, "n"), 0);
	assert_int_equal(iv_interview_set_medium(iv, IV_MEDIUM_PHONE), 0);
	assert_int_equal(iv_interview_set_scheduled_at(iv, 7), 0);
	assert_int_equal(iv_interview_set_minutes(iv, 20), 0);
	assert_int_equal(iv_interview_set_status(iv, IV_INTERVIEW_COMPLETED), 0);
	assert_int_equal(iv_interview_set_status_at(iv, IV_INTERVIEW_COMPLETED, 8), 0);
	iv_interview_set_times(iv, 1, 2);
	add_answered_questions(iv, 2);
	assert_int_equal(iv_interview_add_advice(iv, "adv"), 0);
	assert_int_equal(iv_interview_add_resource(iv, "res"), 0);

	assert_int_equal(iv_interview_dup(&d, iv), 0);
	assert_int_equal(iv_interview_set_purpose(iv, "changed"), 0);
	assert_int_equal(iv_interview_set_answer(iv, 0, "changed"), 0);
	assert_int_equal(iv_interview_remove_question(iv, 1), 0);
	assert_int_equal(iv_interview_remove_advice(iv, 0), 0);
	assert_int_equal(iv_interview_remove_resource(iv, 0), 0);
	assert_int_equal(iv_interview_set_status_at(iv, IV_INTERVIEW_COMPLETED, 9), 0);

	assert_string_equal(iv_interview_id(d), ID_C);
	assert_string_equal(iv_interview_contact(d), ID_A);
	assert_string_equal(iv_interview_intro(d), ID_B);
	assert_string_equal(iv_interview_purpose(d), "p");
	assert_string_equal(iv_interview_notes(d), "n");
	assert_int_equal(iv_interview_medium(d), IV_MEDIUM_PHONE);
	assert_int_equal(iv_interview_scheduled_at(d), 7);
	assert_int_equal(iv_interview_minutes(d), 20);
	assert_int_equal(iv_interview_status(d), IV_INTERVIEW_COMPLETED);
	assert_int_equal(iv_interview_status_at(d, IV_INTERVIEW_COMPLETED), 8);
	assert_int_equal(iv_interview_created(d), 1);
	assert_int_equal(iv_interview_updated(d), 2);
	assert_questions(d, "q0:a0 q1:a1");
	assert_int_equal(iv_interview_advice_count(d), 1);
	assert_string_equal(iv_interview_advice_at(d, 0), "adv");
	assert_int_equal(iv_interview_resource_count(d), 1);
	assert_string_equal(iv_interview_resource_at(d, 0), "res");
	iv_interview_free(d);
}

static void interview_check_requires_a_contact(void **state)
{
	iv_interview *iv = *state;

	assert_invalid(iv__interview_check(iv), "interview.contact");
	assert_int_equal(iv_interview_set_contact(iv, ID_A), 0);
	assert_int_equal(iv__interview_check(iv), 0);
}

/* ------------------------------------------------------------------ */
/* Follow-ups                                                         */
/* ------------------------------------------------------------------ */

static void followup_new_is_custom_and_pending(void **state)
{
	iv_followup *fu = *state;

	assert_null(iv_followup_id(fu));
	assert_null(iv_followup_contact(fu));
	assert_null(iv_followup_interview(fu));
	assert_null(iv_followup_note(fu));
	assert_null(iv_followup_draft(fu));
	assert_int_equal(iv_followup_kind(fu), IV_FOLLOWUP_CUSTOM);
	assert_int_equal(iv_followup_status(fu), IV_FOLLOWUP_PENDING);
	assert_int_equal(iv_followup_earliest(fu), 0);
	assert_int_equal(iv_followup_due(fu), 0);
	assert_int_equal(iv_followup_closed_at(fu), 0);
	assert_int_equal(iv_followup_created(fu), 0);
	assert_int_equal(iv_followup_updated(fu), 0);
}

/*
 * The contact's name a store reads with a follow-up is not part of the
 * record: a copy leaves it out (a backend keeping copies would store it),
 * and another contact clears it.
 */
static void followup_contact_name_is_read_not_kept(void **state)
{
	iv_followup *fu = *state, *d = NULL;

	assert_null(iv_followup_contact_name(fu));
	assert_int_equal(iv_followup_set_contact(fu, "0190a5c0-0000-7000-8000-000000000001"), 0);
	assert_int_equal(iv_followup_set_contact_name(fu, "Ada Lovelace"), 0);
	assert_string_equal(iv_followup_contact_name(fu), "Ada Lovelace");
	assert_int_equal(iv_followup_set_contact_name(fu, "two\nlines"), IV_EINVALID);
	assert_int_equal(iv_followup_dup(&d, fu), 0);
	assert_null(iv_followup_contact_name(d));
	iv_followup_free(d);
	/* The same contact again keeps it; another clears it. */
	assert_int_equal(iv_followup_set_contact(fu, "0190a5c0-0000-7000-8000-000000000001"), 0);
	assert_string_equal(iv_followup_contact_name(fu), "Ada Lovelace");
	assert_int_equal(iv_followup_set_contact(fu, "0190a5c0-0000-7000-8000-000000000002"), 0);
	assert_null(iv_followup_contact_name(fu));
	assert_int_equal(iv_followup_set_contact_name(fu, "Bea"), 0);
	assert_int_equal(iv_followup_set_contact_name(fu, ""), 0);
	assert_null(iv_followup_contact_name(fu));
	assert_int_equal(iv_followup_set_contact_name(NULL, "Bea"), IV_EINVALID);
}

static void followup_free_accepts_null(void **state)
{
	(void)state;
	iv_followup_free(NULL);
}

static void followup_set_id_keeps_lower_case_and_refuses_malformed(void **state)
{
	iv_followup *fu = *state;

	assert_int_equal(iv_followup_set_id(fu, ID_A_UPPER), 0);
	assert_string_equal(iv_followup_id(fu), ID_A);
	assert_invalid(iv_followup_set_id(fu, "x"), "followup.id");
	assert_string_equal(iv_followup_id(fu), ID_A);
}

static void followup_set_id_null_clears_it(void **state)
{
	iv_followup *fu = *state;

	assert_int_equal(iv_followup_set_id(fu, ID_A), 0);
	assert_int_equal(iv_followup_set_id(fu, NULL), 0);
	assert_null(iv_followup_id(fu));
}

static void followup_set_times_sets_created_and_updated(void **state)
{
	iv_followup *fu = *state;

	iv_followup_set_times(fu, 10, 20);
	assert_int_equal(iv_followup_created(fu), 10);
	assert_int_equal(iv_followup_updated(fu), 20);
}

static void followup_contact_is_required_and_kept_lower_case(void **state)
{
	iv_followup *fu = *state;

	assert_int_equal(iv_followup_set_contact(fu, ID_A_UPPER), 0);
	assert_string_equal(iv_followup_contact(fu), ID_A);
	assert_invalid(iv_followup_set_contact(fu, NULL), "followup.contact");
	assert_invalid(iv_followup_set_contact(fu, "bad"), "followup.contact");
	assert_string_equal(iv_followup_contact(fu), ID_A);
}

static void followup_interview_is_optional_and_clears(void **state)
{
	iv_followup *fu = *state;

	assert_int_equal(iv_followup_set_interview(fu, ID_B), 0);
	assert_string_equal(iv_followup_interview(fu), ID_B);
	assert_int_equal(iv_followup_set_interview(fu, NULL), 0);
	assert_null(iv_followup_interview(fu));
	assert_invalid(iv_followup_set_interview(fu, "bad"), "followup.interview");
}

static void followup_kind_accepts_every_iv_followup_kind(void **state)
{
	iv_followup *fu = *state;
	int k;

	for (k = IV_FOLLOWUP_THANK_YOU; k <= IV_FOLLOWUP_CUSTOM; k++) {
		assert_int_equal(iv_followup_set_kind(fu, k), 0);
		assert_int_equal(iv_followup_kind(fu), k);
	}
}

static void followup_kind_refuses_unknown_value_and_keeps_old(void **state)
{
	iv_followup *fu = *state;

	assert_int_equal(iv_followup_set_kind(fu, IV_FOLLOWUP_NUDGE), 0);
	assert_invalid(iv_followup_set_kind(fu, 8), "followup.kind");
	assert_invalid(iv_followup_set_kind(fu, 0), "followup.kind");
	assert_int_equal(iv_followup_kind(fu), IV_FOLLOWUP_NUDGE);
}

static void followup_status_accepts_every_iv_followup_status(void **state)
{
	iv_followup *fu = *state;
	int s;

	for (s = IV_FOLLOWUP_PENDING; s <= IV_FOLLOWUP_CANCELLED; s++) {
		assert_int_equal(iv_followup_set_status(fu, s), 0);
		assert_int_equal(iv_followup_status(fu), s);
	}
}

static void followup_status_refuses_unknown_value_and_keeps_old(void **state)
{
	iv_followup *fu = *state;

	assert_int_equal(iv_followup_set_status(fu, IV_FOLLOWUP_DONE), 0);
	assert_invalid(iv_followup_set_status(fu, 5), "followup.status");
	assert_int_equal(iv_followup_status(fu), IV_FOLLOWUP_DONE);
}

static void followup_times_store_what_is_set(void **state)
{
	iv_followup *fu = *state;

	assert_int_equal(iv_followup_set_earliest(fu, 100), 0);
	assert_int_equal(iv_followup_set_due(fu, 200), 0);
	assert_int_equal(iv_followup_set_closed_at(fu, 300), 0);
	assert_int_equal(iv_followup_earliest(fu), 100);
	assert_int_equal(iv_followup_due(fu), 200);
	assert_int_equal(iv_followup_closed_at(fu), 300);
}

static void followup_note_is_one_line(void **state)
{
	iv_followup *fu = *state;

	assert_int_equal(iv_followup_set_note(fu, "Thank Dana for the talk"), 0);
	assert_invalid(iv_followup_set_note(fu, "Thank\nDana"), "followup.note");
	assert_string_equal(iv_followup_note(fu), "Thank Dana for the talk");
	assert_int_equal(iv_followup_set_note(fu, NULL), 0);
	assert_null(iv_followup_note(fu));
}

static void followup_draft_accepts_several_lines_up_to_text_limit(void **state)
{
	iv_followup *fu = *state;

	assert_int_equal(iv_followup_set_draft(fu, "Hi Dana,\n\nThank you."), 0);
	assert_string_equal(iv_followup_draft(fu), "Hi Dana,\n\nThank you.");
	assert_invalid(iv_followup_set_draft(fu, text_of(IV_LIMIT_TEXT + 1)), "followup.draft");
	assert_string_equal(iv_followup_draft(fu), "Hi Dana,\n\nThank you.");
}

static void followup_dup_copies_every_field_deeply(void **state)
{
	iv_followup *fu = *state, *d = NULL;

	assert_int_equal(iv_followup_set_id(fu, ID_C), 0);
	assert_int_equal(iv_followup_set_contact(fu, ID_A), 0);
	assert_int_equal(iv_followup_set_interview(fu, ID_B), 0);
	assert_int_equal(iv_followup_set_kind(fu, IV_FOLLOWUP_THANK_YOU), 0);
	assert_int_equal(iv_followup_set_status(fu, IV_FOLLOWUP_SKIPPED), 0);
	assert_int_equal(iv_followup_set_earliest(fu, 3), 0);
	assert_int_equal(iv_followup_set_due(fu, 4), 0);
	assert_int_equal(iv_followup_set_closed_at(fu, 5), 0);
	assert_int_equal(iv_followup_set_note(fu, "note"), 0);
	assert_int_equal(iv_followup_set_draft(fu, "draft"), 0);
	iv_followup_set_times(fu, 1, 2);

	assert_int_equal(iv_followup_dup(&d, fu), 0);
	assert_int_equal(iv_followup_set_note(fu, "changed"), 0);
	assert_int_equal(iv_followup_set_draft(fu, NULL), 0);

	assert_string_equal(iv_followup_id(d), ID_C);
	assert_string_equal(iv_followup_contact(d), ID_A);
	assert_string_equal(iv_followup_interview(d), ID_B);
	assert_int_equal(iv_followup_kind(d), IV_FOLLOWUP_THANK_YOU);
	assert_int_equal(iv_followup_status(d), IV_FOLLOWUP_SKIPPED);
	assert_int_equal(iv_followup_earliest(d), 3);
	assert_int_equal(iv_followup_due(d), 4);
	assert_int_equal(iv_followup_closed_at(d), 5);
	assert_string_equal(iv_followup_note(d), "note");
	assert_string_equal(iv_followup_draft(d), "draft");
	assert_int_equal(iv_followup_created(d), 1);
	assert_int_equal(iv_followup_updated(d), 2);
	iv_followup_free(d);
}

static void followup_check_requires_a_contact(void **state)
{
	iv_followup *fu = *state;

	assert_int_equal(iv_followup_set_due(fu, 100), 0);
	assert_invalid(iv__followup_check(fu), "followup.contact");
}

static void followup_check_requires_a_due_time(void **state)
{
	iv_followup *fu = *state;

	assert_int_equal(iv_followup_set_contact(fu, ID_A), 0);
	assert_invalid(iv__followup_check(fu), "followup.due");
}

static void followup_check_refuses_due_before_earliest(void **state)
{
	iv_followup *fu = *state;

	assert_int_equal(iv_followup_set_contact(fu, ID_A), 0);
	assert_int_equal(iv_followup_set_earliest(fu, 200), 0);
	assert_int_equal(iv_followup_set_due(fu, 199), 0);
	assert_invalid(iv__followup_check(fu), "followup.due");
}

static void followup_check_accepts_due_at_earliest_or_without_earliest(void **state)
{
	iv_followup *fu = *state;

	assert_int_equal(iv_followup_set_contact(fu, ID_A), 0);
	assert_int_equal(iv_followup_set_due(fu, 200), 0);
	assert_int_equal(iv__followup_check(fu), 0);
	assert_int_equal(iv_followup_set_earliest(fu, 200), 0);
	assert_int_equal(iv__followup_check(fu), 0);
}

static void followup_check_reads_earliest_zero_as_any_time_not_the_epoch(void **state)
{
	iv_followup *fu = *state;

	assert_int_equal(iv_followup_set_contact(fu, ID_A), 0);
	assert_int_equal(iv_followup_set_due(fu, -86400), 0);
	assert_int_equal(iv__followup_check(fu), 0);
}

/* ------------------------------------------------------------------ */
/* Enumerations                                                       */
/* ------------------------------------------------------------------ */

#include "enum_table.h"

static void enum_name_gives_the_documented_names(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < ENUM_COUNT; i++) {
		const char *name = iv_enum_name(enum_table[i].type, enum_table[i].value);
		assert_non_null(name);
		assert_string_equal(name, enum_table[i].name);
	}
}

static void enum_value_round_trips_every_name(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < ENUM_COUNT; i++) {
		int v = -100;
		assert_int_equal(iv_enum_value(&v, enum_table[i].type, enum_table[i].name), 0);
		assert_int_equal(v, enum_table[i].value);
	}
}

static void enum_name_has_no_name_for_values_outside_the_enumeration(void **state)
{
	(void)state;
	assert_null(iv_enum_name("known", 0));
	assert_null(iv_enum_name("known", 4));
	assert_null(iv_enum_name("medium", -1));
	assert_null(iv_enum_name("interview_status", 8));
	assert_null(iv_enum_name("followup_kind", 8));
	assert_null(iv_enum_name("followup_status", 5));
	assert_null(iv_enum_name("channel", 6));
	assert_null(iv_enum_name("intro_status", 5));
}

static void enum_name_of_unknown_type_is_null(void **state)
{
	(void)state;
	assert_null(iv_enum_name("colour", 1));
	assert_null(iv_enum_name("Known", 1));
	assert_null(iv_enum_name(NULL, 1));
}

static void enum_value_ignores_ascii_case_and_accepts_dashes(void **state)
{
	int v = 0;

	(void)state;
	assert_int_equal(iv_enum_value(&v, "interview_status", "No-Response"), 0);
	assert_int_equal(v, IV_INTERVIEW_NO_RESPONSE);
	assert_int_equal(iv_enum_value(&v, "followup_kind", "THANK_INTRODUCER"), 0);
	assert_int_equal(v, IV_FOLLOWUP_THANK_INTRODUCER);
	assert_int_equal(iv_enum_value(&v, "medium", "in-person"), 0);
	assert_int_equal(v, IV_MEDIUM_IN_PERSON);
}

static void enum_value_refuses_unknown_name_naming_type_and_value(void **state)
{
	int v = 42;

	(void)state;
	assert_int_equal(iv_enum_value(&v, "known", "friend"), IV_EINVALID);
	assert_non_null(strstr(iv_error_message(), "known"));
	assert_non_null(strstr(iv_error_message(), "friend"));
	assert_int_equal(v, 42);
}

static void enum_value_refuses_near_misses(void **state)
{
	int v = 42;

	(void)state;
	assert_int_equal(iv_enum_value(&v, "known", ""), IV_EINVALID);
	assert_int_equal(iv_enum_value(&v, "known", "direc"), IV_EINVALID);
	assert_int_equal(iv_enum_value(&v, "known", "directly"), IV_EINVALID);
	assert_int_equal(iv_enum_value(&v, "known", " direct"), IV_EINVALID);
	assert_int_equal(iv_enum_value(&v, "followup_kind", "thank you"), IV_EINVALID);
	assert_int_equal(iv_enum_value(&v, "known", NULL), IV_EINVALID);
	assert_int_equal(v, 42);
}

static void enum_value_refuses_a_null_out(void **state)
{
	(void)state;
	assert_int_equal(iv_enum_value(NULL, "known", "direct"), IV_EINVALID);
}

static void enum_value_refuses_unknown_type(void **state)
{
	int v = 42;

	(void)state;
	assert_int_equal(iv_enum_value(&v, "colour", "red"), IV_EINVALID);
	assert_non_null(strstr(iv_error_message(), "colour"));
	assert_int_equal(iv_enum_value(&v, NULL, "direct"), IV_EINVALID);
	assert_int_equal(v, 42);
}

#define CONTACT_TEST(f) cmocka_unit_test_setup_teardown(f, new_contact, free_contact)
#define INTRO_TEST(f) cmocka_unit_test_setup_teardown(f, new_intro, free_intro)
#define INTERVIEW_TEST(f) cmocka_unit_test_setup_teardown(f, new_interview, free_interview)
#define FOLLOWUP_TEST(f) cmocka_unit_test_setup_teardown(f, new_followup, free_followup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(new_and_dup_refuse_null_arguments),

		CONTACT_TEST(contact_new_is_empty_and_known_directly),
		cmocka_unit_test(contact_free_accepts_null),
		CONTACT_TEST(contact_set_id_keeps_lower_case),
		CONTACT_TEST(contact_set_id_refuses_a_malformed_id),
		CONTACT_TEST(contact_set_id_null_or_empty_clears_it),
		CONTACT_TEST(contact_set_times_sets_created_and_updated),
		CONTACT_TEST(contact_set_name_stores_a_copy),
		CONTACT_TEST(contact_name_refuses_blank_null_and_newline),
		CONTACT_TEST(contact_name_accepts_short_limit_and_refuses_one_byte_more),
		CONTACT_TEST(contact_text_fields_store_what_is_set),
		CONTACT_TEST(contact_text_fields_clear_with_null_or_empty),
		CONTACT_TEST(contact_text_fields_accept_their_limit_and_refuse_one_byte_more),
		CONTACT_TEST(contact_one_line_fields_refuse_a_newline_and_keep_their_value),
		CONTACT_TEST(contact_notes_accept_several_lines),
		CONTACT_TEST(contact_text_fields_refuse_invalid_utf8),
		CONTACT_TEST(contact_url_refuses_spaces),
		CONTACT_TEST(contact_known_accepts_every_iv_known),
		CONTACT_TEST(contact_known_refuses_unknown_value_and_keeps_old),
		CONTACT_TEST(contact_cadence_accepts_0_to_3650_days),
		CONTACT_TEST(contact_cadence_refuses_out_of_range_and_keeps_old),
		CONTACT_TEST(contact_last_interaction_takes_any_time),
		CONTACT_TEST(contact_emails_keep_the_order_added),
		CONTACT_TEST(contact_email_at_out_of_range_is_null),
		CONTACT_TEST(contact_add_email_ignores_a_case_insensitive_duplicate),
		CONTACT_TEST(contact_add_email_refuses_malformed_addresses),
		CONTACT_TEST(contact_add_email_refuses_more_than_short_limit_bytes),
		CONTACT_TEST(contact_add_email_refuses_more_than_list_limit),
		CONTACT_TEST(contact_remove_email_is_case_insensitive),
		CONTACT_TEST(contact_remove_absent_email_is_not_found),
		CONTACT_TEST(contact_clear_emails_removes_all),
		CONTACT_TEST(contact_tags_keep_the_order_added),
		CONTACT_TEST(contact_add_tag_ignores_a_case_insensitive_duplicate),
		CONTACT_TEST(contact_has_tag_is_case_insensitive),
		CONTACT_TEST(contact_add_tag_refuses_blank_untrimmed_or_multiline),
		CONTACT_TEST(contact_add_tag_accepts_tag_limit_and_refuses_one_byte_more),
		CONTACT_TEST(contact_add_tag_refuses_more_than_list_limit),
		CONTACT_TEST(contact_remove_tag_is_case_insensitive),
		CONTACT_TEST(contact_remove_absent_tag_is_not_found),
		CONTACT_TEST(contact_clear_tags_removes_all),
		CONTACT_TEST(contact_dup_copies_every_field_deeply),
		CONTACT_TEST(contact_check_requires_a_name),

		INTRO_TEST(intro_new_is_by_email_and_suggested),
		cmocka_unit_test(intro_free_accepts_null),
		INTRO_TEST(intro_set_id_keeps_lower_case_and_refuses_malformed),
		INTRO_TEST(intro_set_id_null_clears_it),
		INTRO_TEST(intro_set_times_sets_created_and_updated),
		INTRO_TEST(intro_introducer_keeps_lower_case),
		INTRO_TEST(intro_introducer_refuses_malformed_or_null_and_keeps_old),
		INTRO_TEST(intro_introduced_keeps_lower_case),
		INTRO_TEST(intro_introduced_refuses_malformed_or_null_and_keeps_old),
		INTRO_TEST(intro_channel_accepts_every_iv_channel),
		INTRO_TEST(intro_channel_refuses_unknown_value_and_keeps_old),
		INTRO_TEST(intro_status_accepts_every_iv_intro_status),
		INTRO_TEST(intro_status_refuses_unknown_value_and_keeps_old),
		INTRO_TEST(intro_dates_store_what_is_set),
		INTRO_TEST(intro_note_accepts_several_lines_and_clears),
		INTRO_TEST(intro_note_refuses_more_than_text_limit),
		INTRO_TEST(intro_dup_copies_every_field_deeply),
		INTRO_TEST(intro_check_requires_an_introducer),
		INTRO_TEST(intro_check_requires_an_introduced_contact),
		INTRO_TEST(intro_check_refuses_someone_introduced_to_themselves),
		INTRO_TEST(intro_check_accepts_two_different_contacts),

		INTERVIEW_TEST(interview_new_is_planned_30_minutes_medium_unset),
		cmocka_unit_test(interview_free_accepts_null),
		INTERVIEW_TEST(interview_set_id_keeps_lower_case_and_refuses_malformed),
		INTERVIEW_TEST(interview_set_id_null_clears_it),
		INTERVIEW_TEST(interview_set_times_sets_created_and_updated),
		INTERVIEW_TEST(interview_contact_is_required_and_kept_lower_case),
		INTERVIEW_TEST(interview_intro_is_optional_and_clears),
		INTERVIEW_TEST(interview_intro_refuses_malformed_and_keeps_old),
		INTERVIEW_TEST(interview_purpose_and_notes_accept_several_lines_and_clear),
		INTERVIEW_TEST(interview_purpose_and_notes_refuse_more_than_text_limit),
		INTERVIEW_TEST(interview_medium_accepts_0_to_3),
		INTERVIEW_TEST(interview_medium_refuses_unknown_value_and_keeps_old),
		INTERVIEW_TEST(interview_scheduled_at_stores_what_is_set),
		INTERVIEW_TEST(interview_minutes_accept_1_to_600),
		INTERVIEW_TEST(interview_minutes_refuse_out_of_range_and_keep_old),
		INTERVIEW_TEST(interview_status_accepts_every_iv_interview_status),
		INTERVIEW_TEST(interview_status_refuses_unknown_value_and_keeps_old),
		INTERVIEW_TEST(interview_status_at_keeps_one_time_per_status),
		INTERVIEW_TEST(interview_set_status_at_refuses_unknown_status),
		INTERVIEW_TEST(interview_status_at_of_unknown_status_is_zero),
		INTERVIEW_TEST(interview_status_at_planned_defaults_to_creation_time),
		INTERVIEW_TEST(interview_add_question_appends_unanswered),
		INTERVIEW_TEST(interview_question_accepts_several_lines),
		INTERVIEW_TEST(interview_question_refuses_blank_or_null),
		INTERVIEW_TEST(interview_question_refuses_more_than_text_limit),
		INTERVIEW_TEST(interview_questions_refuse_more_than_list_limit),
		INTERVIEW_TEST(interview_insert_question_at_start_middle_and_end),
		INTERVIEW_TEST(interview_insert_question_beyond_count_is_refused),
		INTERVIEW_TEST(interview_question_at_out_of_range_is_null),
		INTERVIEW_TEST(interview_set_question_replaces_text_and_keeps_answer),
		INTERVIEW_TEST(interview_set_question_refuses_blank_and_keeps_old),
		INTERVIEW_TEST(interview_set_question_out_of_range_is_refused),
		INTERVIEW_TEST(interview_set_answer_clears_with_null_or_empty),
		INTERVIEW_TEST(interview_set_answer_accepts_several_lines),
		INTERVIEW_TEST(interview_set_answer_refuses_invalid_text_and_keeps_old),
		INTERVIEW_TEST(interview_set_answer_out_of_range_is_refused),
		INTERVIEW_TEST(interview_move_question_forward_carries_its_answer),
		INTERVIEW_TEST(interview_move_question_backward_carries_its_answer),
		INTERVIEW_TEST(interview_move_question_to_itself_changes_nothing),
		INTERVIEW_TEST(interview_move_question_refuses_either_index_out_of_range),
		INTERVIEW_TEST(interview_remove_question_removes_its_answer),
		INTERVIEW_TEST(interview_remove_question_out_of_range_is_refused),
		INTERVIEW_TEST(interview_advice_keeps_the_order_added),
		INTERVIEW_TEST(interview_advice_refuses_blank),
		INTERVIEW_TEST(interview_advice_refuses_more_than_list_limit),
		INTERVIEW_TEST(interview_remove_advice_closes_the_gap),
		INTERVIEW_TEST(interview_remove_advice_out_of_range_is_refused),
		INTERVIEW_TEST(interview_resources_keep_the_order_added),
		INTERVIEW_TEST(interview_resource_refuses_blank),
		INTERVIEW_TEST(interview_resources_refuse_more_than_list_limit),
		INTERVIEW_TEST(interview_remove_resource_closes_the_gap),
		INTERVIEW_TEST(interview_remove_resource_out_of_range_is_refused),
		INTERVIEW_TEST(interview_dup_copies_every_field_deeply),
		INTERVIEW_TEST(interview_check_requires_a_contact),

		FOLLOWUP_TEST(followup_new_is_custom_and_pending),
		FOLLOWUP_TEST(followup_contact_name_is_read_not_kept),
		cmocka_unit_test(followup_free_accepts_null),
		FOLLOWUP_TEST(followup_set_id_keeps_lower_case_and_refuses_malformed),
		FOLLOWUP_TEST(followup_set_id_null_clears_it),
		FOLLOWUP_TEST(followup_set_times_sets_created_and_updated),
		FOLLOWUP_TEST(followup_contact_is_required_and_kept_lower_case),
		FOLLOWUP_TEST(followup_interview_is_optional_and_clears),
		FOLLOWUP_TEST(followup_kind_accepts_every_iv_followup_kind),
		FOLLOWUP_TEST(followup_kind_refuses_unknown_value_and_keeps_old),
		FOLLOWUP_TEST(followup_status_accepts_every_iv_followup_status),
		FOLLOWUP_TEST(followup_status_refuses_unknown_value_and_keeps_old),
		FOLLOWUP_TEST(followup_times_store_what_is_set),
		FOLLOWUP_TEST(followup_note_is_one_line),
		FOLLOWUP_TEST(followup_draft_accepts_several_lines_up_to_text_limit),
		FOLLOWUP_TEST(followup_dup_copies_every_field_deeply),
		FOLLOWUP_TEST(followup_check_requires_a_contact),
		FOLLOWUP_TEST(followup_check_requires_a_due_time),
		FOLLOWUP_TEST(followup_check_refuses_due_before_earliest),
		FOLLOWUP_TEST(followup_check_accepts_due_at_earliest_or_without_earliest),
		FOLLOWUP_TEST(followup_check_reads_earliest_zero_as_any_time_not_the_epoch),

		cmocka_unit_test(enum_name_gives_the_documented_names),
		cmocka_unit_test(enum_value_round_trips_every_name),
		cmocka_unit_test(enum_name_has_no_name_for_values_outside_the_enumeration),
		cmocka_unit_test(enum_name_of_unknown_type_is_null),
		cmocka_unit_test(enum_value_ignores_ascii_case_and_accepts_dashes),
		cmocka_unit_test(enum_value_refuses_unknown_name_naming_type_and_value),
		cmocka_unit_test(enum_value_refuses_near_misses),
		cmocka_unit_test(enum_value_refuses_unknown_type),
		cmocka_unit_test(enum_value_refuses_a_null_out),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

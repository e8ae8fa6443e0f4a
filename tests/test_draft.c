/*
 * Your profile, the drafts and the request checker (draft.h).
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <infoview/infoview.h>





#define assert_has(text, needle) do { \
	const char *t_ = (text); \
	assert_non_null(t_); \
	if (strstr(t_, (needle)) == NULL) \
		FAIL("\"%s\"\n  does not contain \"%s\"\n", t_, (needle)); \
} while (0)

#define assert_lacks(text, needle) do { \
	const char *t_ = (text); \
	assert_non_null(t_); \
	if (strstr(t_, (needle)) != NULL) \
		FAIL("\"%s\"\n  contains \"%s\"\n", t_, (needle)); \
} while (0)


/* The warnings iv_draft_check() gives a text that must be valid. */
static unsigned int warnings_of(const char *text)
{
	unsigned int w = 12345;

	ok(iv_draft_check(&w, text));
	return w;
}

#define assert_flags(text, expected) do { \
	unsigned int w_ = warnings_of(text); \
	if (w_ != (unsigned int)(expected)) \
		FAIL("\"%s\"\n  has warnings 0x%x, expected 0x%x\n", (text), w_, (unsigned int)(expected)); \
} while (0)

/* ======================================================================= */
/* A small world: you, Dana at Pfizer, and Sam who introduced you to her    */
/* ======================================================================= */

#define ME "Alex Moreau"
#define BACKGROUND "eight years as a hospital pharmacist"
#define EXPLORING "moving into regulatory affairs"
#define PURPOSE "how you moved from the lab into regulatory work"
#define ADVICE1 "join the regulatory affairs society's local chapter"
#define ADVICE2 "read the agency's guidance on submissions"

typedef struct {
	iv_db *db;
	char dana[IV_ID_LEN + 1];  /* the interviewee, at Pfizer */
	char sam[IV_ID_LEN + 1];   /* who introduced you to Dana */
	char intro[IV_ID_LEN + 1]; /* Sam -> Dana */
	char iv[IV_ID_LEN + 1];    /* the interview added last */
	char fu[IV_ID_LEN + 1];    /* the follow-up added last */
} world;

static void add_contact(iv_db *db, const char *name, const char *company, const char *title, int known, char *out)
{
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, name));
	ok(iv_contact_set_known(c, known));
	ok(iv_contact_set_company(c, company));
	ok(iv_contact_set_title(c, title));
	ok(iv_contact_insert(db, c));
	strcpy(out, iv_contact_id(c));
	iv_contact_free(c);
}

static void set_profile(iv_db *db, const char *name, const char *background, const char *exploring)
{
	iv_profile *p = NULL;

	ok(iv_profile_new(&p));
	ok(iv_profile_set_name(p, name));
	ok(iv_profile_set_background(p, background));
	ok(iv_profile_set_exploring(p, exploring));
	ok(iv_profile_set(db, p));
	iv_profile_free(p);
}

/* A memory store with your profile, Dana, Sam (known directly) and Sam's introduction to Dana. */
static int world_setup(void **state)
{
	world *w = calloc(1, sizeof(*w));
	iv_intro *in = NULL;

	*state = w;
	if (!w || iv_db_open_memory(&w->db) < 0)
		return -1;
	set_profile(w->db, ME, BACKGROUND, EXPLORING);
	add_contact(w->db, "Dana Whitfield", "Pfizer", "Director of Regulatory Affairs", IV_KNOWN_INTRODUCED, w->dana);
	add_contact(w->db, "Sam Ortiz", "St. Mary's Hospital", "Chief Pharmacist", IV_KNOWN_DIRECT, w->sam);
	ok(iv_intro_new(&in));
	ok(iv_intro_set_introducer(in, w->sam));
	ok(iv_intro_set_introduced(in, w->dana));
	ok(iv_intro_set_status(in, IV_INTRO_MADE));
	ok(iv_intro_insert(w->db, in));
	strcpy(w->intro, iv_intro_id(in));
	iv_intro_free(in);
	return 0;
}

static int world_teardown(void **state)
{
	world *w = *state;

	if (w)
		iv_db_free(w->db);
	free(w);
	return 0;
}

/* Adds w->iv: an interview with Dana (through Sam's introduction if `intro`), with up to two advice items. */
static void add_interview(world *w, int intro, const char *purpose, const char *advice1, const char *advice2)
{
	iv_interview *iv = NULL;

	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, w->dana));
	if (intro)
		ok(iv_interview_set_intro(iv, w->intro));
	ok(iv_interview_set_purpose(iv, purpose));
	if (advice1)
		ok(iv_interview_add_advice(iv, advice1));
	if (advice2)
		ok(iv_interview_add_advice(iv, advice2));
	ok(iv_interview_insert(w->db, iv));
	strcpy(w->iv, iv_interview_id(iv));
	iv_interview_free(iv);
}

/* Adds w->fu: a follow-up of `kind` to `to` about `interview` (may be NULL). */
static void add_followup(world *w, const char *to, const char *interview, int kind)
{
	iv_followup *fu = NULL;
	iv_time now = 0;

	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, to));
	ok(iv_followup_set_interview(fu, interview));
	ok(iv_followup_set_kind(fu, kind));
	ok(iv_db_now(&now, w->db));
	ok(iv_followup_set_due(fu, now + 86400));
	ok(iv_followup_insert(w->db, fu));
	strcpy(w->fu, iv_followup_id(fu));
	iv_followup_free(fu);
}

/* Drafts a request for w->iv with `tmpl` (NULL for the built-in). */
static char *request(const world *w, const char *tmpl)
{
	iv_draft_options opts = IV_DRAFT_OPTIONS_INIT;
	char *text = NULL;

	opts.template_text = tmpl;
	ok(iv_draft_request(&text, w->db, w->iv, &opts));
	assert_non_null(text);
	return text;
}

/* Drafts a request about a new interview with Dana, with no advice. */
static char *request_about(world *w, int intro, const char *purpose, const char *tmpl)
{
	add_interview(w, intro, purpose, NULL, NULL);
	return request(w, tmpl);
}

/* The draft of a thank-you of `kind` to `to`, about a new interview through Sam's introduction. */
static char *thanks_about(world *w, const char *advice, const char *to, int kind)
{
	char *text = NULL;

	add_interview(w, 1, PURPOSE, advice, NULL);
	add_followup(w, to, w->iv, kind);
	ok(iv_draft_thanks(&text, w->db, w->fu, NULL));
	assert_non_null(text);
	return text;
}

/* A custom template refused for w->iv's request, with the message it gives. */
static void template_refused(const world *w, const char *tmpl, const char *message)
{
	iv_draft_options opts = IV_DRAFT_OPTIONS_INIT;
	char *text = (char *)"untouched";

	opts.template_text = tmpl;
	check(iv_draft_request(&text, w->db, w->iv, &opts), IV_EINVALID);
	assert_null(text);
	assert_message_has(message);
}

/* ======================================================================= */
/* Profile                                                                  */
/* ======================================================================= */

static void profile_round_trips_through_the_store(void **state)
{
	world *w = *state;
	iv_profile *p = NULL;

	set_profile(w->db, "Alex Q. Moreau", "ten years as a hospital pharmacist", "regulatory work");
	ok(iv_profile_get(&p, w->db));
	assert_str(iv_profile_name(p), "Alex Q. Moreau");
	assert_str(iv_profile_background(p), "ten years as a hospital pharmacist");
	assert_str(iv_profile_exploring(p), "regulatory work");
	iv_profile_free(p);
}

static void profile_fields_never_set_read_back_null(void **state)
{
	iv_db *db = NULL;
	iv_profile *p = NULL;

	(void)state;
	ok(iv_db_open_memory(&db));
	ok(iv_profile_get(&p, db));
	assert_null(iv_profile_name(p));
	assert_null(iv_profile_background(p));
	assert_null(iv_profile_exploring(p));
	iv_profile_free(p);
	iv_db_free(db);
}

static void profile_set_replaces_every_field(void **state)
{
	world *w = *state;
	iv_profile *p = NULL;

	set_profile(w->db, "Alex M.", NULL, "");
	ok(iv_profile_get(&p, w->db));
	assert_str(iv_profile_name(p), "Alex M.");
	assert_null(iv_profile_background(p));
	assert_null(iv_profile_exploring(p));
	iv_profile_free(p);
}

static void profile_keys_are_reserved_from_the_settings_api(void **state)
{
	world *w = *state;
	iv_profile *p = NULL;

	check(iv_db_setting_set(w->db, "iv.profile.name", "Mallory"), IV_EINVALID);
	ok(iv_profile_get(&p, w->db));
	assert_str(iv_profile_name(p), ME);
	iv_profile_free(p);
}

/* Removes an SQLite store's files and the directory holding them. */
static void remove_store(const char *dir, const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char file[700];
	size_t i;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(file, sizeof(file), "%s%s", path, suffixes[i]);
		unlink(file);
	}
	assert_int_equal(rmdir(dir), 0);
}

static void profile_persists_in_an_sqlite_file(void **state)
{
	const char *tmp = getenv("TMPDIR");
	char dir[512], path[600];
	iv_db *db = NULL;
	iv_profile *p = NULL;

	(void)state;
	if (!tmp || tmp[0] != '/')
		tmp = "/tmp";
	assert_true((size_t)snprintf(dir, sizeof(dir), "%s/iv-draft-XXXXXX", tmp) < sizeof(dir));
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/store.db", dir);

	ok(iv_db_open(&db, path));
	set_profile(db, ME, BACKGROUND, NULL);
	iv_db_free(db);
	db = NULL;

	ok(iv_db_open(&db, path));
	ok(iv_profile_get(&p, db));
	assert_str(iv_profile_name(p), ME);
	assert_str(iv_profile_background(p), BACKGROUND);
	assert_null(iv_profile_exploring(p));
	iv_profile_free(p);
	iv_db_free(db);
	remove_store(dir, path);
}

static void profile_name_must_be_one_short_line(void **state)
{
	iv_profile *p = NULL;
	char long_name[IV_LIMIT_SHORT + 2];

	(void)state;
	memset(long_name, 'a', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	ok(iv_profile_new(&p));
	check(iv_profile_set_name(p, "Alex\nMoreau"), IV_EINVALID);
	assert_message_has("profile.name: ");
	check(iv_profile_set_name(p, long_name), IV_EINVALID);
	assert_message_has("profile.name: ");
	long_name[IV_LIMIT_SHORT] = '\0';
	ok(iv_profile_set_name(p, long_name));
	iv_profile_free(p);
}

static void profile_background_and_exploring_are_one_line(void **state)
{
	iv_profile *p = NULL;

	(void)state;
	ok(iv_profile_new(&p));
	check(iv_profile_set_background(p, "pharmacist\nand more"), IV_EINVALID);
	assert_message_has("profile.background: ");
	check(iv_profile_set_exploring(p, "regulatory\raffairs"), IV_EINVALID);
	assert_message_has("profile.exploring: ");
	iv_profile_free(p);
}

static void profile_setter_refusing_keeps_the_old_value(void **state)
{
	iv_profile *p = NULL;

	(void)state;
	ok(iv_profile_new(&p));
	ok(iv_profile_set_name(p, ME));
	check(iv_profile_set_name(p, "bad \xff byte"), IV_EINVALID);
	assert_message_has("profile.name: invalid UTF-8");
	assert_str(iv_profile_name(p), ME);
	iv_profile_free(p);
}

/* ======================================================================= */
/* Templates                                                                */
/* ======================================================================= */

static void every_placeholder_expands(void **state)
{
	world *w = *state;
	char *text;

	add_interview(w, 1, PURPOSE, ADVICE1, ADVICE2);
	text = request(w,
		"{me.name}|{me.background}|{me.exploring}|{contact.name}|{contact.first_name}|"
		"{contact.company}|{contact.title}|{purpose}|{introducer.name}|{introducer.first_name}|"
		"{introduced.name}|{introduced.first_name}|{advice}|{advice.list}");
	assert_str(text, ME "|" BACKGROUND "|" EXPLORING "|Dana Whitfield|Dana|Pfizer|"
		   "Director of Regulatory Affairs|" PURPOSE "|Sam Ortiz|Sam|Dana Whitfield|Dana|"
		   ADVICE1 "|- " ADVICE1 "\n- " ADVICE2);
	iv_free(text);
}

static void unset_values_expand_to_nothing(void **state)
{
	world *w = *state;
	char *text;

	set_profile(w->db, ME, NULL, NULL);
	text = request_about(w, 0, NULL,
			     "[{me.background}{me.exploring}{purpose}{introducer.name}{advice}{advice.list}]");
	assert_str(text, "[]");
	iv_free(text);
}

static void sentence_fragments_lose_their_final_full_stop(void **state)
{
	world *w = *state;
	char *text;

	set_profile(w->db, ME, BACKGROUND ".", EXPLORING ".");
	add_interview(w, 0, "  " PURPOSE ".\n", ADVICE1 ".", NULL);
	text = request(w, "{me.background}. {me.exploring}. {purpose}. {advice}.");
	assert_str(text, BACKGROUND ". " EXPLORING ". " PURPOSE ". " ADVICE1 ".");
	iv_free(text);
}

static void only_one_final_full_stop_goes(void **state)
{
	world *w = *state;
	char *text;

	set_profile(w->db, ME, "a Ph.D. ", NULL);
	text = request_about(w, 0, PURPOSE, "After {me.background}, I...");
	assert_str(text, "After a Ph.D, I...");
	iv_free(text);
	text = request(w, "{me.background}.");
	assert_str(text, "a Ph.D.");
	iv_free(text);
}

static void values_are_not_expanded_again(void **state)
{
	world *w = *state;
	char *text = request_about(w, 0, "{me.name} and {{", "<{purpose}>");

	assert_str(text, "<{me.name} and {{>");
	iv_free(text);
}

static void double_brace_is_a_literal_brace(void **state)
{
	world *w = *state;
	char *text = request_about(w, 0, PURPOSE, "{{me.name} is {me.name}; {{{me.name}} and a } alone");

	assert_str(text, "{me.name} is " ME "; {" ME "} and a } alone");
	iv_free(text);
}

static void unknown_placeholder_is_refused_naming_it(void **state)
{
	world *w = *state;

	add_interview(w, 0, PURPOSE, NULL, NULL);
	template_refused(w, "Dear {contact.first_name}, {foo} bar", "template: unknown placeholder {foo}");
	template_refused(w, "{}", "template: unknown placeholder {}");
}

static void unclosed_brace_is_refused(void **state)
{
	world *w = *state;

	add_interview(w, 0, PURPOSE, NULL, NULL);
	template_refused(w, "Dear {contact.first_name", "template: unclosed { at byte 5");
	template_refused(w, "Dear {contact.first_name\n}", "template: unclosed { at byte 5");
}

static void template_must_be_utf8_text(void **state)
{
	world *w = *state;

	add_interview(w, 0, PURPOSE, NULL, NULL);
	template_refused(w, "Dear \xc3\x28 {contact.name}", "template: invalid UTF-8");
}

static void default_templates_exist_for_each_kind_only(void **state)
{
	(void)state;
	assert_non_null(iv_draft_default_template(IV_TEMPLATE_REQUEST));
	assert_non_null(iv_draft_default_template(IV_TEMPLATE_REQUEST_INTRODUCED));
	assert_non_null(iv_draft_default_template(IV_TEMPLATE_THANKS));
	assert_non_null(iv_draft_default_template(IV_TEMPLATE_THANKS_INTRODUCER));
	assert_non_null(iv_draft_default_template(IV_TEMPLATE_INTRO_REQUEST));
	assert_null(iv_draft_default_template(0));
	assert_null(iv_draft_default_template(IV_TEMPLATE_INTRO_REQUEST + 1));
}

static void options_of_unknown_version_are_refused(void **state)
{
	world *w = *state;
	iv_draft_options opts;
	char *text = NULL;

	ok(iv_draft_options_init(&opts, IV_DRAFT_OPTIONS_VERSION));
	assert_int_equal(opts.version, IV_DRAFT_OPTIONS_VERSION);
	assert_null(opts.template_text);
	check(iv_draft_options_init(&opts, 0), IV_EVERSION);
	check(iv_draft_options_init(&opts, iv_struct_version("iv_draft_options") + 1 /* one the library does not know */), IV_EVERSION);
	add_interview(w, 0, PURPOSE, NULL, NULL);
	opts.version = iv_struct_version("iv_draft_options") + 1 /* one the library does not know */;
	check(iv_draft_request(&text, w->db, w->iv, &opts), IV_EVERSION);
	assert_null(text);
}

/* ======================================================================= */
/* Request drafts                                                           */
/* ======================================================================= */

static void request_has_the_three_parts_in_order(void **state)
{
	world *w = *state;
	char *text = request_about(w, 0, PURPOSE, NULL);
	const char *who = strstr(text, ME), *why = strstr(text, "Pfizer"), *ask = strchr(text, '?');

	assert_has(text, "Dana");
	assert_non_null(who);
	assert_non_null(why);
	assert_non_null(ask);
	assert_has(text, BACKGROUND);
	assert_has(why, PURPOSE);
	assert_has(text, "20-30 minutes");
	assert_true(who < why && why < ask);
	iv_free(text);
}

static void request_through_an_introduction_names_the_introducer(void **state)
{
	world *w = *state;
	char *text = request_about(w, 1, PURPOSE, NULL);

	assert_has(text, "Sam suggested I get in touch");
	assert_has(text, "Pfizer");
	assert_lacks(text, "Ortiz");
	iv_free(text);
}

static void request_without_an_introduction_names_no_introducer(void **state)
{
	world *w = *state;
	char *text = request_about(w, 0, PURPOSE, NULL);

	assert_lacks(text, "suggested");
	assert_lacks(text, "Sam");
	iv_free(text);
}

static void request_without_a_profile_name_says_your_name(void **state)
{
	world *w = *state;
	char *text;

	set_profile(w->db, NULL, BACKGROUND, EXPLORING);
	text = request_about(w, 0, PURPOSE, NULL);
	assert_has(text, "My name is [your name].");
	iv_free(text);
}

static void custom_template_replaces_the_built_in_one(void **state)
{
	world *w = *state;
	char *text = request_about(w, 1, PURPOSE, "Hi {contact.first_name}, could we talk? {me.name}");

	assert_str(text, "Hi Dana, could we talk? " ME);
	iv_free(text);
}

static void request_for_a_missing_interview_is_not_found(void **state)
{
	world *w = *state;
	char *text = NULL;

	check(iv_draft_request(&text, w->db, "01234567-89ab-7def-8123-456789abcdef", NULL), IV_ENOTFOUND);
	assert_message_has("01234567-89ab-7def-8123-456789abcdef");
	check(iv_draft_request(&text, w->db, "not-an-id", NULL), IV_EINVALID);
	assert_null(text);
}

static void built_in_requests_pass_the_checker(void **state)
{
	world *w = *state;
	char *text = request_about(w, 0, PURPOSE, NULL);

	assert_flags(text, 0);
	iv_free(text);
	text = request_about(w, 1, PURPOSE, NULL);
	assert_flags(text, 0);
	iv_free(text);
}

/* ======================================================================= */
/* Thank-you drafts                                                         */
/* ======================================================================= */

static void thank_you_cites_the_advice(void **state)
{
	world *w = *state;
	char *text = thanks_about(w, ADVICE1 ".", w->dana, IV_FOLLOWUP_THANK_YOU);

	assert_has(text, "Dear Dana,");
	assert_has(text, ": " ADVICE1 ". ");
	assert_has(text, ME);
	iv_free(text);
}

static void thank_you_without_advice_does_not_mention_advice(void **state)
{
	world *w = *state;
	char *text = thanks_about(w, NULL, w->dana, IV_FOLLOWUP_THANK_YOU);

	assert_has(text, "Thank you");
	assert_lacks(text, "advice");
	assert_lacks(text, ": .");
	iv_free(text);
}

static void thank_introducer_names_the_interviewee(void **state)
{
	world *w = *state;
	char *text = thanks_about(w, ADVICE1, w->sam, IV_FOLLOWUP_THANK_INTRODUCER);

	/* Sam is known directly: an informal greeting. */
	assert_has(text, "Hi Sam,");
	assert_has(text, "introducing me to Dana Whitfield");
	iv_free(text);
}

static void thank_you_uses_a_custom_template(void **state)
{
	world *w = *state;
	iv_draft_options opts = IV_DRAFT_OPTIONS_INIT;
	char *text = NULL;

	set_profile(w->db, NULL, NULL, NULL);
	add_interview(w, 1, PURPOSE, ADVICE1, ADVICE2);
	add_followup(w, w->sam, w->iv, IV_FOLLOWUP_THANK_INTRODUCER);
	opts.template_text = "{contact.first_name}: {introduced.first_name} said\n{advice.list}\n{me.name}";
	ok(iv_draft_thanks(&text, w->db, w->fu, &opts));
	assert_str(text, "Sam: Dana said\n- " ADVICE1 "\n- " ADVICE2 "\n[your name]");
	iv_free(text);
}

static void thanks_for_other_kinds_of_follow_up_is_refused(void **state)
{
	world *w = *state;
	char *text = NULL;
	int kind;

	add_interview(w, 0, PURPOSE, ADVICE1, NULL);
	for (kind = IV_FOLLOWUP_NUDGE; kind <= IV_FOLLOWUP_CUSTOM; kind++) {
		add_followup(w, w->dana, w->iv, kind);
		check(iv_draft_thanks(&text, w->db, w->fu, NULL), IV_EINVALID);
		assert_message_has("followup.kind: only thank-you follow-ups have a thank-you draft");
		assert_null(text);
	}
}

static void thanks_for_a_follow_up_without_interview_is_refused(void **state)
{
	world *w = *state;
	char *text = NULL;

	add_followup(w, w->dana, NULL, IV_FOLLOWUP_THANK_YOU);
	check(iv_draft_thanks(&text, w->db, w->fu, NULL), IV_EINVALID);
	assert_message_has("followup.interview: ");
	assert_message_has(w->fu);
	assert_null(text);
}

/* ======================================================================= */
/* The checker                                                              */
/* ======================================================================= */

/* "Would you talk? " followed by words up to `words` words in all. */
static char *text_of_words(size_t words)
{
	char *text = malloc(words * 6 + 1);
	size_t i;

	assert_non_null(text);
	strcpy(text, "Would you talk?");
	for (i = 3; i < words; i++)
		strcat(text, " word");
	return text;
}

static void checker_flags_over_100_words(void **state)
{
	char *text = text_of_words(IV_DRAFT_MAX_WORDS + 1);

	(void)state;
	assert_int_equal(iv_draft_word_count(text), 101);
	assert_flags(text, IV_DRAFT_TOO_LONG);
	free(text);
}

static void checker_accepts_exactly_100_words(void **state)
{
	char *text = text_of_words(IV_DRAFT_MAX_WORDS);

	(void)state;
	assert_int_equal(iv_draft_word_count(text), 100);
	assert_flags(text, 0);
	free(text);
}

static void checker_flags_asking_for_a_job(void **state)
{
	static const char *const asks[] = {
		"Do you have a job for me?",
		"Are there any JOBS on your team?",
		"Is your team hiring?",
		"Could you hire me?",
		"Would you refer me to your recruiter?",
		"Could you give me a referral?",
		"May I send you my resume?",
		"May I send you my r\xc3\xa9sum\xc3\xa9?",
		"Could I send my CV?",
		"Are there openings in your group?",
		"Do you know of any vacancies?",
		"Is there an opening?",
		"Are there open roles?",
		"Do you have any open role for a pharmacist?",
		"I am looking for employment. Can we talk?",
		"I would love to work for you. Can we talk?",
		"I would love to work for your company. Can we talk?",
		"I am interested in working for your team. Can we talk?",
		"I am applying for a position there. Can we talk?",
		"Do you have any positions?",
		"Is there an open position?",
		"Could we talk? I'm after a job",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(asks) / sizeof(asks[0]); i++)
		assert_flags(asks[i], IV_DRAFT_ASKS_FOR_JOB);
}

static void checker_does_not_flag_innocent_words(void **state)
{
	static const char *const fine[] = {
		"How did you find being jobless for a while?",
		"Did you work with Dr. Jobson?",
		"How did you reach your position?",
		"I am in a position to share our findings. Would you talk?",
		"Would Tuesday work for you?",
		"Does that work for you?",
		"Could we talk about your career path?",
		"What do you enjoy about your role?",
		"Are your cover letters presumed read?",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(fine) / sizeof(fine[0]); i++)
		assert_flags(fine[i], 0);
}

static void checker_flags_no_question(void **state)
{
	(void)state;
	assert_flags("I would like to talk with you.", IV_DRAFT_NO_QUESTION);
	assert_flags("Could we talk\xef\xbc\x9f", 0);
	assert_flags("", IV_DRAFT_NO_QUESTION);
}

static void checker_combines_flags(void **state)
{
	char *text = text_of_words(150);

	(void)state;
	text[strlen("Would you talk")] = ' ';
	strcat(text, " refer me");
	assert_flags(text, IV_DRAFT_TOO_LONG | IV_DRAFT_ASKS_FOR_JOB | IV_DRAFT_NO_QUESTION);
	free(text);
}

static void checker_refuses_invalid_utf8(void **state)
{
	unsigned int w = 99;

	(void)state;
	check(iv_draft_check(&w, "Could we talk\xff?"), IV_EINVALID);
	assert_message_has("invalid UTF-8");
	assert_int_equal(w, 0);
	check(iv_draft_check(&w, "overlong \xc0\xaf?"), IV_EINVALID);
	check(iv_draft_check(&w, NULL), IV_EINVALID);
}

static void word_count_follows_letters_apostrophes_and_hyphens(void **state)
{
	(void)state;
	assert_int_equal(iv_draft_word_count(NULL), 0);
	assert_int_equal(iv_draft_word_count(""), 0);
	assert_int_equal(iv_draft_word_count("  \n\t "), 0);
	assert_int_equal(iv_draft_word_count("one"), 1);
	assert_int_equal(iv_draft_word_count("Don't stop"), 2);
	assert_int_equal(iv_draft_word_count("a well-known 20-30 minute talk"), 5);
	assert_int_equal(iv_draft_word_count("hello -- world - 'quoted' it's"), 4);
	assert_int_equal(iv_draft_word_count("rock'n'roll"), 1);
	assert_int_equal(iv_draft_word_count("end. Start,again;now"), 4);
	assert_int_equal(iv_draft_word_count("caf\xc3\xa9 na\xc3\xafve r\xc3\xa9sum\xc3\xa9"), 3);
	assert_int_equal(iv_draft_word_count("don\xe2\x80\x99t"), 1);
	assert_int_equal(iv_draft_word_count("trailing- 'leading"), 2);
	assert_int_equal(iv_draft_word_count("double--hyphen"), 2);
}

static void warning_messages_are_one_line_per_flag(void **state)
{
	unsigned int flags[] = { IV_DRAFT_TOO_LONG, IV_DRAFT_ASKS_FOR_JOB, IV_DRAFT_NO_QUESTION };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		const char *m = iv_draft_warning_message(flags[i]);

		assert_non_null(m);
		assert_true(strlen(m) > 0);
		assert_null(strchr(m, '\n'));
	}
	assert_has(iv_draft_warning_message(IV_DRAFT_TOO_LONG), "100 words");
	assert_null(iv_draft_warning_message(0));
	assert_null(iv_draft_warning_message(IV_DRAFT_TOO_LONG | IV_DRAFT_NO_QUESTION));
	assert_null(iv_draft_warning_message(1u << 10));
}

#define T(name) cmocka_unit_test_setup_teardown(name, world_setup, world_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(profile_round_trips_through_the_store),
		cmocka_unit_test(profile_fields_never_set_read_back_null),
		T(profile_set_replaces_every_field),
		T(profile_keys_are_reserved_from_the_settings_api),
		cmocka_unit_test(profile_persists_in_an_sqlite_file),
		cmocka_unit_test(profile_name_must_be_one_short_line),
		cmocka_unit_test(profile_background_and_exploring_are_one_line),
		cmocka_unit_test(profile_setter_refusing_keeps_the_old_value),
		T(every_placeholder_expands),
		T(unset_values_expand_to_nothing),
		T(sentence_fragments_lose_their_final_full_stop),
		T(only_one_final_full_stop_goes),
		T(values_are_not_expanded_again),
		T(double_brace_is_a_literal_brace),
		T(unknown_placeholder_is_refused_naming_it),
		T(unclosed_brace_is_refused),
		T(template_must_be_utf8_text),
		cmocka_unit_test(default_templates_exist_for_each_kind_only),
		T(options_of_unknown_version_are_refused),
		T(request_has_the_three_parts_in_order),
		T(request_through_an_introduction_names_the_introducer),
		T(request_without_an_introduction_names_no_introducer),
		T(request_without_a_profile_name_says_your_name),
		T(custom_template_replaces_the_built_in_one),
		T(request_for_a_missing_interview_is_not_found),
		T(built_in_requests_pass_the_checker),
		T(thank_you_cites_the_advice),
		T(thank_you_without_advice_does_not_mention_advice),
		T(thank_introducer_names_the_interviewee),
		T(thank_you_uses_a_custom_template),
		T(thanks_for_other_kinds_of_follow_up_is_refused),
		T(thanks_for_a_follow_up_without_interview_is_refused),
		cmocka_unit_test(checker_flags_over_100_words),
		cmocka_unit_test(checker_accepts_exactly_100_words),
		cmocka_unit_test(checker_flags_asking_for_a_job),
		cmocka_unit_test(checker_does_not_flag_innocent_words),
		cmocka_unit_test(checker_flags_no_question),
		cmocka_unit_test(checker_combines_flags),
		cmocka_unit_test(checker_refuses_invalid_utf8),
		cmocka_unit_test(word_count_follows_letters_apostrophes_and_hyphens),
		cmocka_unit_test(warning_messages_are_one_line_per_flag),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

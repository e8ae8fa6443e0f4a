/*
 * Drafts for every follow-up (draft.h): the introduction chain named right,
 * no holes where a field is empty, the greeting, articles and medium
 * adapted, people suggested when someone does not reply, a store's own
 * templates, and requests kept for interviews. Run on each backend.
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

/* ======================================================================= */
/* The world: Priya -> Tom -> Sara                                          */
/* ======================================================================= */

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

/* Stores a contact; title, company and email may be NULL. */
static void person(iv_db *db, const char *name, const char *company, const char *title, const char *email,
		   int known, char *out)
{
	iv_contact *c = NULL;

	ok(iv_contact_new(&c));
	ok(iv_contact_set_name(c, name));
	ok(iv_contact_set_company(c, company));
	ok(iv_contact_set_title(c, title));
	if (email)
		ok(iv_contact_add_email(c, email));
	ok(iv_contact_set_known(c, known));
	ok(iv_contact_insert(db, c));
	memcpy(out, iv_contact_id(c), IV_ID_LEN + 1);
	iv_contact_free(c);
}

/* Adds an interview with `who` (through `intro`, may be NULL); copies its id. */
static void plan(iv_db *db, const char *who, const char *intro, const char *purpose, int medium, char *out)
{
	iv_interview *iv = NULL;

	ok(iv_interview_new(&iv));
	ok(iv_interview_set_contact(iv, who));
	ok(iv_interview_set_intro(iv, intro));
	ok(iv_interview_set_purpose(iv, purpose));
	ok(iv_interview_set_medium(iv, medium));
	ok(iv_interview_insert(db, iv));
	memcpy(out, iv_interview_id(iv), IV_ID_LEN + 1);
	iv_interview_free(iv);
}

/* Requests, schedules and completes an interview, recording advice and resources (NULL-terminated lists). */
static void hold(iv_fixture *fx, const char *id, const char *const *advice, const char *const *resources)
{
	iv_interview *iv = NULL;

	ok(iv_interview_move(NULL, fx->db, id, IV_INTERVIEW_REQUESTED));
	fx->now += DAY;
	ok(iv_interview_move(NULL, fx->db, id, IV_INTERVIEW_SCHEDULED));
	fx->now += DAY;
	ok(iv_interview_lookup(&iv, fx->db, id));
	while (advice && *advice)
		ok(iv_interview_add_advice(iv, *advice++));
	while (resources && *resources)
		ok(iv_interview_add_resource(iv, *resources++));
	ok(iv_interview_set_status(iv, IV_INTERVIEW_COMPLETED));
	ok(iv_interview_update(fx->db, iv));
	iv_interview_free(iv);
	fx->now += 4 * HOUR;
}

/* The id of the follow-up made by the rule `kind:interview[:contact]`. */
static void by_rule(iv_db *db, const char *kind, const char *interview, const char *contact, char *out)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	char key[200];

	if (contact)
		snprintf(key, sizeof(key), "%s:%s:%s", kind, interview, contact);
	else
		snprintf(key, sizeof(key), "%s:%s", kind, interview);
	f.rule = key;
	ok(iv_followup_list(&it, db, &f));
	ok(iv_followup_iter_next(&fu, it));
	memcpy(out, iv_followup_id(fu), IV_ID_LEN + 1);
	iv_followup_free(fu);
	iv_followup_iter_free(it);
}

/* A follow-up made by hand, of `kind`, to `to`, about `interview` (may be NULL). */
static void followup(iv_fixture *fx, const char *to, const char *interview, int kind, const char *rule, char *out)
{
	iv_followup *fu = NULL;

	ok(iv_followup_new(&fu));
	ok(iv_followup_set_contact(fu, to));
	ok(iv_followup_set_interview(fu, interview));
	ok(iv_followup_set_kind(fu, kind));
	ok(iv_followup_set_rule(fu, rule));
	ok(iv_followup_set_due(fu, fx->now + DAY));
	ok(iv_followup_insert(fx->db, fu));
	memcpy(out, iv_followup_id(fu), IV_ID_LEN + 1);
	iv_followup_free(fu);
}

static void done(iv_db *db, const char *followup_id)
{
	ok(iv_followup_close(NULL, db, followup_id, IV_FOLLOWUP_DONE));
}

static iv_draft *draft_of(iv_db *db, const char *followup_id)
{
	iv_draft *d = NULL;

	ok(iv_draft_followup(&d, db, followup_id, NULL));
	assert_non_null(d);
	assert_non_null(iv_draft_text(d));
	assert_non_null(iv_draft_subject(d));
	return d;
}

/* Whether the draft warns about `field`. */
static int warns(const iv_draft *d, const char *field)
{
	size_t i;

	for (i = 0; i < iv_draft_warning_count(d); i++)
		if (strcmp(iv_draft_warning_field_at(d, i), field) == 0)
			return 1;
	return 0;
}

#define assert_warns(d, field) do { \
	if (!warns((d), (field))) \
		FAIL("the draft has no warning about %s:\n%s\n", (field), iv_draft_text(d)); \
} while (0)

typedef struct {
	iv_fixture *fx;
	id37 priya, tom, sara;
	id37 priya_tom, tom_sara;
	id37 with_sara;
} world;

#define ME "Jordan Lee"

static int world_setup(void **state)
{
	world *w = calloc(1, sizeof(*w));
	iv_db *db;

	if (!w || iv_fixture_setup((void **)&w->fx) < 0)
		return -1;
	*state = w;
	db = w->fx->db;
	set_profile(db, ME, "three years as a lab scientist", "moving into clinical research");
	person(db, "Priya Shah", "Northwind Labs", "Senior Scientist", "priya@example.com", IV_KNOWN_DIRECT, w->priya);
	person(db, "Tom Nguyen", "Acme Clinical", "Clinical Trial Manager", "tom@example.com", IV_KNOWN_INTRODUCED,
	       w->tom);
	person(db, "Sara Klein", "Acme Clinical", "Associate Director", "sara@example.com", IV_KNOWN_INTRODUCED,
	       w->sara);
	iv_fixture_intro(db, w->priya, w->tom, IV_INTRO_MADE, w->priya_tom);
	iv_fixture_intro(db, w->tom, w->sara, IV_INTRO_MADE, w->tom_sara);
	plan(db, w->sara, w->tom_sara, "how trial sites are chosen", IV_MEDIUM_VIDEO, w->with_sara);
	return 0;
}

static int world_teardown(void **state)
{
	world *w = *state;

	if (w && w->fx) {
		void *fx = w->fx;

		iv_fixture_teardown(&fx);
	}
	free(w);
	return 0;
}

static const char *const sara_advice[] = { "Shadow a CRA for a day", "Take the GCP course", NULL };
static const char *const sara_resources[] = { "the ACRP site", "ICH E6", "the CenterWatch newsletter", NULL };

/* ======================================================================= */
/* The introduction chain                                                   */
/* ======================================================================= */

static void upstream_introducer_is_thanked_for_whom_she_introduced(void **state)
{
	world *w = *state;
	id37 fu;
	iv_draft *d;

	hold(w->fx, w->with_sara, sara_advice, NULL);
	by_rule(w->fx->db, "thank_introducer", w->with_sara, w->priya, fu);
	d = draft_of(w->fx->db, fu);
	assert_int_equal(iv_draft_kind(d), IV_TEMPLATE_THANKS_INTRODUCER);
	assert_has(iv_draft_text(d), "Thank you for introducing me to Tom Nguyen, who in turn put me in touch "
		   "with Sara Klein.");
	assert_lacks(iv_draft_text(d), "introducing me to Sara");
	assert_has(iv_draft_text(d), "Hi Priya,");
	assert_str(iv_draft_to(d), "priya@example.com");
	assert_str(iv_draft_contact(d), w->priya);
	assert_has(iv_draft_subject(d), "Tom");
	iv_draft_free(d);
}

static void direct_introducer_is_thanked_for_the_interviewee(void **state)
{
	world *w = *state;
	id37 fu;
	iv_draft *d;

	hold(w->fx, w->with_sara, sara_advice, NULL);
	by_rule(w->fx->db, "thank_introducer", w->with_sara, w->tom, fu);
	d = draft_of(w->fx->db, fu);
	assert_has(iv_draft_text(d), "Dear Tom,");
	assert_has(iv_draft_text(d), "Thank you for introducing me to Sara Klein. We had");
	assert_lacks(iv_draft_text(d), "in turn");
	assert_str(iv_draft_to(d), "tom@example.com");
	iv_draft_free(d);
}

static void draft_thanks_gives_the_same_corrected_text(void **state)
{
	world *w = *state;
	char *text = NULL;
	id37 fu;
	iv_draft *d;

	hold(w->fx, w->with_sara, sara_advice, NULL);
	by_rule(w->fx->db, "thank_introducer", w->with_sara, w->priya, fu);
	d = draft_of(w->fx->db, fu);
	ok(iv_draft_thanks(&text, w->fx->db, fu, NULL));
	assert_str(text, iv_draft_text(d));
	iv_free(text);
	iv_draft_free(d);
}

static void three_hop_chain_names_every_hop(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	id37 carl, tom_carl, carl_sara, with_sara, fu;
	iv_draft *d;

	person(db, "Carl Diaz", "Acme Clinical", NULL, NULL, IV_KNOWN_INTRODUCED, carl);
	iv_fixture_intro(db, w->tom, carl, IV_INTRO_MADE, tom_carl);
	iv_fixture_intro(db, carl, w->sara, IV_INTRO_MADE, carl_sara);
	plan(db, w->sara, carl_sara, "site selection", IV_MEDIUM_UNSET, with_sara);
	hold(w->fx, with_sara, NULL, NULL);
	by_rule(db, "thank_introducer", with_sara, w->priya, fu);
	d = draft_of(db, fu);
	assert_has(iv_draft_text(d), "introducing me to Tom Nguyen, who in turn put me in touch with Carl Diaz, "
		   "who introduced me to Sara Klein.");
	iv_draft_free(d);
	by_rule(db, "thank_introducer", with_sara, w->tom, fu);
	d = draft_of(db, fu);
	assert_has(iv_draft_text(d), "introducing me to Carl Diaz, who in turn put me in touch with Sara Klein.");
	iv_draft_free(d);
}

static void introducer_thanked_before_gets_news_not_a_second_thank_you(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	id37 with_tom, fu;
	iv_draft *d;

	/* First a talk with Tom, and Priya thanked for introducing him. */
	plan(db, w->tom, w->priya_tom, "what a trial manager does", IV_MEDIUM_PHONE, with_tom);
	hold(w->fx, with_tom, NULL, NULL);
	by_rule(db, "thank_introducer", with_tom, w->priya, fu);
	d = draft_of(db, fu);
	assert_int_equal(iv_draft_kind(d), IV_TEMPLATE_THANKS_INTRODUCER);
	assert_has(iv_draft_text(d), "Thank you for introducing me to Tom Nguyen. We had");
	iv_draft_free(d);
	done(db, fu);

	/* Then Tom introduces Sara: Priya hears what came of her introduction. */
	hold(w->fx, w->with_sara, NULL, NULL);
	by_rule(db, "thank_introducer", w->with_sara, w->priya, fu);
	d = draft_of(db, fu);
	assert_int_equal(iv_draft_kind(d), IV_TEMPLATE_INTRODUCER_UPDATE);
	assert_has(iv_draft_text(d), "I wanted to let you know that Tom put me in touch with Sara Klein, and Sara "
		   "and I had a very helpful conversation.");
	assert_lacks(iv_draft_text(d), "Thank you for introducing");
	assert_str(iv_draft_to(d), "priya@example.com");
	iv_draft_free(d);

	/* Tom was never thanked for Sara: his is a thank-you. */
	by_rule(db, "thank_introducer", w->with_sara, w->tom, fu);
	d = draft_of(db, fu);
	assert_int_equal(iv_draft_kind(d), IV_TEMPLATE_THANKS_INTRODUCER);
	iv_draft_free(d);
}

static void a_pending_earlier_thanks_is_no_thanks_yet(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	id37 with_tom, fu;
	iv_draft *d;

	plan(db, w->tom, w->priya_tom, "what a trial manager does", IV_MEDIUM_PHONE, with_tom);
	hold(w->fx, with_tom, NULL, NULL);
	hold(w->fx, w->with_sara, NULL, NULL);
	by_rule(db, "thank_introducer", w->with_sara, w->priya, fu);
	d = draft_of(db, fu);
	assert_int_equal(iv_draft_kind(d), IV_TEMPLATE_THANKS_INTRODUCER);
	assert_has(iv_draft_text(d), "who in turn put me in touch with Sara Klein");
	iv_draft_free(d);
}

static void introducer_not_on_the_chain_is_warned_about(void **state)
{
	world *w = *state;
	id37 quinn, fu;
	iv_draft *d;

	person(w->fx->db, "Quinn Ode", NULL, NULL, "quinn@example.com", IV_KNOWN_DIRECT, quinn);
	hold(w->fx, w->with_sara, NULL, NULL);
	/* Made by hand: Quinn introduced you to nobody. */
	followup(w->fx, quinn, w->with_sara, IV_FOLLOWUP_THANK_INTRODUCER, NULL, fu);
	d = draft_of(w->fx->db, fu);
	assert_has(iv_draft_text(d), "introducing me to Sara Klein.");
	assert_warns(d, "intro");
	assert_str(iv_draft_warning_record_at(d, 0), quinn);
	iv_draft_free(d);
	/* One who did introduce Sara, though not on the chain, is thanked without a warning. */
	iv_fixture_intro(w->fx->db, quinn, w->sara, IV_INTRO_MADE, NULL);
	d = draft_of(w->fx->db, fu);
	assert_int_equal(iv_draft_warning_count(d), 0);
	iv_draft_free(d);
}

/* ======================================================================= */
/* No holes                                                                 */
/* ======================================================================= */

/* The text shows no trace of a missing value. */
static void assert_no_hole(const char *text)
{
	static const char *const holes[] = {
		", ,", "as  at", "After ,", "  ", " .", " ,", ",.", "..", "{", "}", "as at", "as .",
		"about .", "in  ", "to .", "with .", "Dear ,", "Hi ,", "\n,", "\n\n\n\n\n",
	};
	size_t i;

	for (i = 0; i < sizeof(holes) / sizeof(holes[0]); i++)
		assert_lacks(text, holes[i]);
}

/* Every kind of draft for `to` (with `intro` to them, suggested), about an interview with `to`. */
static void every_kind(iv_fixture *fx, const char *to, const char *intro, const char *interview,
		       void (*check_one)(const iv_draft *d, int kind))
{
	static const struct { int kind; const char *rule; } kinds[] = {
		{ IV_FOLLOWUP_THANK_YOU, NULL }, { IV_FOLLOWUP_NUDGE, "nudge_followup" },
		{ IV_FOLLOWUP_NUDGE, "nudge_other" }, { IV_FOLLOWUP_CHECK_IN, NULL },
		{ IV_FOLLOWUP_REPORT_BACK, NULL }, { IV_FOLLOWUP_CUSTOM, NULL },
	};
	iv_draft *d = NULL;
	char rule[200];
	id37 fu;
	size_t i;

	ok(iv_draft_interview_request(&d, fx->db, interview, NULL));
	check_one(d, 0);
	iv_draft_free(d);
	ok(iv_draft_intro_request(&d, fx->db, intro, NULL));
	check_one(d, 0);
	iv_draft_free(d);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (kinds[i].rule)
			snprintf(rule, sizeof(rule), "%s:%s", kinds[i].rule, interview);
		followup(fx, to, interview, kinds[i].kind, kinds[i].rule ? rule : NULL, fu);
		d = draft_of(fx->db, fu);
		check_one(d, kinds[i].kind);
		iv_draft_free(d);
	}
}

static void no_hole_and_warnings(const iv_draft *d, int kind)
{
	assert_no_hole(iv_draft_text(d));
	assert_no_hole(iv_draft_subject(d));
	assert_true(strlen(iv_draft_subject(d)) > 0);
	/* The placeholder of your name stays only with its warning. */
	assert_has(iv_draft_text(d), "[your name]");
	assert_warns(d, "profile.name");
	if (kind == IV_FOLLOWUP_NUDGE)
		return;
	if (kind == IV_FOLLOWUP_CUSTOM || kind == IV_FOLLOWUP_THANK_YOU || kind == IV_FOLLOWUP_REPORT_BACK)
		return;
	assert_warns(d, "profile.exploring");
}

static void empty_profile_and_contact_leave_no_hole(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	id37 bare, intro, interview;
	iv_draft *d = NULL;

	set_profile(db, NULL, NULL, NULL);
	person(db, "Ana Bare", NULL, NULL, NULL, IV_KNOWN_COLD, bare);
	iv_fixture_intro(db, w->priya, bare, IV_INTRO_SUGGESTED, intro);
	plan(db, bare, NULL, NULL, IV_MEDIUM_UNSET, interview);
	every_kind(w->fx, bare, intro, interview, no_hole_and_warnings);

	ok(iv_draft_interview_request(&d, db, interview, NULL));
	assert_has(iv_draft_text(d), "Dear Ana,\n\nMy name is [your name].\n\n"
		   "I am reaching out because of your experience.\n\n");
	assert_warns(d, "profile.background");
	assert_warns(d, "profile.exploring");
	assert_warns(d, "contact.title");
	assert_warns(d, "contact.company");
	assert_warns(d, "contact.email");
	assert_warns(d, "interview.purpose");
	assert_null(iv_draft_to(d));
	assert_str(iv_draft_contact(d), bare);
	iv_draft_free(d);
}

static void each_empty_field_rewrites_its_sentence(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	id37 c, interview;
	iv_draft *d = NULL;

	/* No background: "I am ..." alone. */
	set_profile(db, ME, NULL, "moving into clinical research");
	person(db, "Ben Ode", "Acme Clinical", NULL, "ben@example.com", IV_KNOWN_COLD, c);
	plan(db, c, NULL, "site selection", IV_MEDIUM_UNSET, interview);
	ok(iv_draft_interview_request(&d, db, interview, NULL));
	assert_has(iv_draft_text(d), "My name is " ME ". I am moving into clinical research.\n\n");
	assert_has(iv_draft_text(d), "because of your experience at Acme Clinical, and I would like to learn "
		   "about site selection.");
	assert_no_hole(iv_draft_text(d));
	assert_int_equal(iv_draft_warning_count(d), 2);
	assert_warns(d, "profile.background");
	assert_warns(d, "contact.title");
	assert_str(iv_draft_warning_record_at(d, 1), c);
	assert_has(iv_draft_warning_at(d, 0), "profile.background is empty");
	iv_draft_free(d);

	/* No exploring: the background sentence still ends well. */
	set_profile(db, ME, "three years as a lab scientist", NULL);
	ok(iv_draft_interview_request(&d, db, interview, NULL));
	assert_has(iv_draft_text(d), "After three years as a lab scientist, I am exploring my next step.");
	assert_warns(d, "profile.exploring");
	assert_no_hole(iv_draft_text(d));
	iv_draft_free(d);
}

static void a_full_record_draws_no_warning(void **state)
{
	world *w = *state;
	iv_draft *d = NULL;

	ok(iv_draft_interview_request(&d, w->fx->db, w->with_sara, NULL));
	assert_int_equal(iv_draft_warning_count(d), 0);
	assert_null(iv_draft_warning_at(d, 0));
	assert_no_hole(iv_draft_text(d));
	iv_draft_free(d);
}

/* ======================================================================= */
/* Every kind: Subject and To                                               */
/* ======================================================================= */

static void full_and_addressed(const iv_draft *d, int kind)
{
	(void)kind;
	assert_true(strlen(iv_draft_subject(d)) > 0);
	assert_null(strchr(iv_draft_subject(d), '\n'));
	assert_non_null(iv_draft_to(d));
	assert_non_null(strchr(iv_draft_to(d), '@'));
	assert_no_hole(iv_draft_text(d));
	assert_no_hole(iv_draft_subject(d));
}

static void every_kind_has_a_subject_and_a_recipient(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	id37 uma, intro;

	/* Someone to suggest when Sara does not reply, and an introduction Priya could make. */
	person(db, "Uma Patel", "Acme Clinical", "Study Coordinator", "uma@example.com", IV_KNOWN_DIRECT, uma);
	iv_fixture_intro(db, w->priya, w->sara, IV_INTRO_SUGGESTED, intro);
	every_kind(w->fx, w->sara, intro, w->with_sara, full_and_addressed);
}

static void each_follow_up_kind_has_its_template(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	static const struct { int kind; const char *rule; int which; const char *says; } kinds[] = {
		{ IV_FOLLOWUP_THANK_YOU, NULL, IV_TEMPLATE_THANKS, "Thank you for taking the time" },
		{ IV_FOLLOWUP_NUDGE, "nudge_followup", IV_TEMPLATE_NUDGE_FOLLOWUP, "follow up on my earlier note" },
		{ IV_FOLLOWUP_NUDGE, NULL, IV_TEMPLATE_NUDGE_FOLLOWUP, "follow up on my earlier note" },
		{ IV_FOLLOWUP_CHECK_IN, NULL, IV_TEMPLATE_CHECK_IN, "wanted to check in" },
		{ IV_FOLLOWUP_REPORT_BACK, NULL, IV_TEMPLATE_REPORT_BACK, "what came of our conversation" },
		{ IV_FOLLOWUP_CUSTOM, NULL, IV_TEMPLATE_CUSTOM, "Dear Sara,\n\n\n\nBest regards,\n" ME "\n" },
	};
	char rule[200];
	iv_draft *d;
	id37 fu;
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (kinds[i].rule)
			snprintf(rule, sizeof(rule), "%s:%s", kinds[i].rule, w->with_sara);
		followup(w->fx, w->sara, w->with_sara, kinds[i].kind, kinds[i].rule ? rule : NULL, fu);
		d = draft_of(db, fu);
		assert_int_equal(iv_draft_kind(d), kinds[i].which);
		assert_has(iv_draft_text(d), kinds[i].says);
		assert_str(iv_draft_to(d), "sara@example.com");
		iv_draft_free(d);
	}
}

static void nudge_followup_adapts_the_medium(void **state)
{
	world *w = *state;
	id37 fu;
	iv_draft *d;
	char rule[200];

	snprintf(rule, sizeof(rule), "nudge_followup:%s", w->with_sara);
	followup(w->fx, w->sara, w->with_sara, IV_FOLLOWUP_NUDGE, rule, fu);
	d = draft_of(w->fx->db, fu);
	assert_has(iv_draft_text(d), "about how trial sites are chosen.");
	assert_has(iv_draft_text(d), "in the coming weeks, by video call, I would");
	assert_has(iv_draft_subject(d), "Following up");
	iv_draft_free(d);
}

/* ======================================================================= */
/* Adapting to the person                                                   */
/* ======================================================================= */

static void someone_known_directly_gets_first_names_and_no_self_introduction(void **state)
{
	world *w = *state;
	id37 interview;
	iv_draft *d = NULL;

	plan(w->fx->db, w->priya, NULL, "moving from the bench to clinical work", IV_MEDIUM_IN_PERSON, interview);
	ok(iv_draft_interview_request(&d, w->fx->db, interview, NULL));
	assert_has(iv_draft_text(d), "Hi Priya,\n\n");
	assert_lacks(iv_draft_text(d), "My name is");
	assert_lacks(iv_draft_text(d), "Dear");
	assert_has(iv_draft_text(d), "As you may know, I am moving into clinical research.");
	assert_has(iv_draft_text(d), "as a Senior Scientist at Northwind Labs");
	assert_has(iv_draft_text(d), "20-30 minutes in person, perhaps over coffee, at a time");
	assert_has(iv_draft_text(d), "\nBest,\nJordan\n");
	assert_lacks(iv_draft_text(d), ME);
	iv_draft_free(d);
}

static void someone_introduced_gets_a_formal_greeting_and_your_name(void **state)
{
	world *w = *state;
	iv_draft *d = NULL;

	ok(iv_draft_interview_request(&d, w->fx->db, w->with_sara, NULL));
	assert_int_equal(iv_draft_kind(d), IV_TEMPLATE_REQUEST_INTRODUCED);
	assert_has(iv_draft_text(d), "Dear Sara,\n\nMy name is " ME ". After three years as a lab scientist, "
		   "I am moving into clinical research.\n\n");
	assert_has(iv_draft_text(d), "Tom suggested I get in touch with you, given your experience as an "
		   "Associate Director at Acme Clinical. I would like to learn about how trial sites are chosen.");
	assert_has(iv_draft_text(d), "20-30 minutes by video call, at a time");
	assert_has(iv_draft_text(d), "\nBest regards,\n" ME "\n");
	assert_str(iv_draft_subject(d), "Tom suggested I get in touch");
	assert_str(iv_draft_to(d), "sara@example.com");
	iv_draft_free(d);
}

/* The request to a cold contact with `title`, checked for `expected`. */
static void title_reads(iv_fixture *fx, const char *title, const char *expected)
{
	id37 c, interview;
	iv_draft *d = NULL;

	person(fx->db, "Cy Cold", "Acme", title, NULL, IV_KNOWN_COLD, c);
	plan(fx->db, c, NULL, "the work", IV_MEDIUM_UNSET, interview);
	ok(iv_draft_interview_request(&d, fx->db, interview, NULL));
	assert_has(iv_draft_text(d), expected);
	iv_draft_free(d);
}

static void titles_take_the_right_article(void **state)
{
	world *w = *state;

	title_reads(w->fx, "Clinical Trial Manager", "your experience as a Clinical Trial Manager at Acme");
	title_reads(w->fx, "Associate", "as an Associate at Acme");
	title_reads(w->fx, "Engineer", "as an Engineer at Acme");
	title_reads(w->fx, "MSL", "as an MSL at Acme");
	title_reads(w->fx, "CRA", "as a CRA at Acme");
	title_reads(w->fx, "Unit Head", "as a Unit Head at Acme");
	title_reads(w->fx, "Underwriter", "as an Underwriter at Acme");
	title_reads(w->fx, "Honorary Fellow", "as an Honorary Fellow at Acme");
	title_reads(w->fx, "the Head of Quality", "as the Head of Quality at Acme");
	title_reads(w->fx, "An Analyst", "as An Analyst at Acme");
}

/* The request for an interview held by `medium`, checked for `expected`. */
static void medium_reads(world *w, int medium, const char *expected)
{
	id37 interview;
	iv_draft *d = NULL;

	plan(w->fx->db, w->sara, NULL, "the work", medium, interview);
	ok(iv_draft_interview_request(&d, w->fx->db, interview, NULL));
	assert_has(iv_draft_text(d), expected);
	iv_draft_free(d);
}

static void the_medium_is_worded_naturally(void **state)
{
	world *w = *state;

	medium_reads(w, IV_MEDIUM_UNSET, "about 20-30 minutes by phone or video, at a time");
	medium_reads(w, IV_MEDIUM_PHONE, "about 20-30 minutes by phone, at a time");
	medium_reads(w, IV_MEDIUM_VIDEO, "about 20-30 minutes by video call, at a time");
	medium_reads(w, IV_MEDIUM_IN_PERSON, "about 20-30 minutes in person, perhaps over coffee, at a time");
}

/* ======================================================================= */
/* Reaching out to someone else                                             */
/* ======================================================================= */

static void set_last_interaction(iv_db *db, const char *id, iv_time when)
{
	iv_contact *c = NULL;

	ok(iv_contact_lookup(&c, db, id));
	ok(iv_contact_set_last_interaction(c, when));
	ok(iv_contact_update(db, c));
	iv_contact_free(c);
}

/* Sara (at Acme Clinical, through Tom) has not replied: the nudge to reach out to someone else. */
static void nudge_other_of(world *w, char *fu)
{
	ok(iv_interview_move(NULL, w->fx->db, w->with_sara, IV_INTERVIEW_REQUESTED));
	by_rule(w->fx->db, "nudge_other", w->with_sara, NULL, fu);
}

static void nudge_other_suggests_three_people_same_company_first(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	id37 uma, victor, wen, xavier, fu;
	iv_draft *d;

	person(db, "Uma Patel", "Acme Clinical", "Study Coordinator", "uma@example.com", IV_KNOWN_DIRECT, uma);
	person(db, "Victor Ruiz", "Globex", NULL, NULL, IV_KNOWN_DIRECT, victor);
	person(db, "Wen Li", "Initech", NULL, NULL, IV_KNOWN_DIRECT, wen);
	/* At Acme Clinical, but nobody can introduce you: not suggested. */
	person(db, "Xavier Cold", "Acme Clinical", NULL, NULL, IV_KNOWN_COLD, xavier);
	set_last_interaction(db, wen, w->fx->now - DAY);
	set_last_interaction(db, victor, w->fx->now - 30 * DAY);
	nudge_other_of(w, fu);
	d = draft_of(db, fu);
	assert_int_equal(iv_draft_kind(d), IV_TEMPLATE_NUDGE_OTHER);
	assert_int_equal(iv_draft_suggestion_count(d), 3);
	/* Uma (known directly) and Tom (one introduction away) at Acme Clinical; then Wen, talked to last. */
	assert_str(iv_draft_suggestion_at(d, 0), uma);
	assert_str(iv_draft_suggestion_at(d, 1), w->tom);
	assert_str(iv_draft_suggestion_at(d, 2), wen);
	assert_null(iv_draft_suggestion_at(d, 3));
	/* The message goes to the first, a request about the same purpose. */
	assert_str(iv_draft_contact(d), uma);
	assert_str(iv_draft_to(d), "uma@example.com");
	assert_has(iv_draft_text(d), "Hi Uma,");
	assert_has(iv_draft_text(d), "how trial sites are chosen");
	assert_has(iv_draft_text(d), "?");
	assert_lacks(iv_draft_text(d), "Sara");
	iv_draft_free(d);
}

static void nudge_other_never_suggests_the_interviewee_nor_someone_already_asked(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	id37 uma, asked, fu;
	iv_draft *d;
	size_t i;

	person(db, "Uma Patel", "Acme Clinical", NULL, "uma@example.com", IV_KNOWN_DIRECT, uma);
	plan(db, uma, NULL, "coordination", IV_MEDIUM_UNSET, asked);
	ok(iv_interview_move(NULL, db, asked, IV_INTERVIEW_REQUESTED));
	nudge_other_of(w, fu);
	d = draft_of(db, fu);
	for (i = 0; i < iv_draft_suggestion_count(d); i++) {
		assert_string_not_equal(iv_draft_suggestion_at(d, i), w->sara);
		assert_string_not_equal(iv_draft_suggestion_at(d, i), uma);
	}
	/* Tom at Acme Clinical first, then Priya: nobody else is near. */
	assert_int_equal(iv_draft_suggestion_count(d), 2);
	assert_str(iv_draft_suggestion_at(d, 0), w->tom);
	assert_str(iv_draft_suggestion_at(d, 1), w->priya);
	/* Tom is one introduction away, through Priya: the message says so. */
	assert_str(iv_draft_contact(d), w->tom);
	assert_has(iv_draft_text(d), "Dear Tom,");
	assert_has(iv_draft_text(d), "Priya suggested I get in touch with you, given your experience as a "
		   "Clinical Trial Manager at Acme Clinical.");
	iv_draft_free(d);
}

static void nudge_other_with_nobody_near_warns(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	id37 lone, interview, fu;
	iv_draft *d;

	/* A store where the only other people already have interviews going. */
	ok(iv_interview_move(NULL, db, w->with_sara, IV_INTERVIEW_REQUESTED));
	plan(db, w->priya, NULL, "x", IV_MEDIUM_UNSET, interview);
	ok(iv_interview_move(NULL, db, interview, IV_INTERVIEW_REQUESTED));
	plan(db, w->tom, NULL, "x", IV_MEDIUM_UNSET, interview);
	ok(iv_interview_move(NULL, db, interview, IV_INTERVIEW_REQUESTED));
	person(db, "Lone Cold", "Acme Clinical", NULL, NULL, IV_KNOWN_COLD, lone);
	by_rule(db, "nudge_other", w->with_sara, NULL, fu);
	d = draft_of(db, fu);
	assert_int_equal(iv_draft_suggestion_count(d), 0);
	assert_null(iv_draft_contact(d));
	assert_null(iv_draft_to(d));
	assert_warns(d, "network");
	assert_has(iv_draft_text(d), "Hello,\n\n");
	assert_no_hole(iv_draft_text(d));
	iv_draft_free(d);
}

/* ======================================================================= */
/* Report-back, check-in, introduction request                              */
/* ======================================================================= */

static void report_back_cites_the_advice_and_resources(void **state)
{
	world *w = *state;
	id37 fu;
	iv_draft *d;

	hold(w->fx, w->with_sara, sara_advice, sara_resources);
	by_rule(w->fx->db, "report_back", w->with_sara, NULL, fu);
	d = draft_of(w->fx->db, fu);
	assert_int_equal(iv_draft_kind(d), IV_TEMPLATE_REPORT_BACK);
	assert_has(iv_draft_text(d), "You suggested:\n- Shadow a CRA for a day\n- Take the GCP course\n\n");
	assert_has(iv_draft_text(d), "You also pointed me to the ACRP site, ICH E6 and the CenterWatch newsletter.");
	assert_has(iv_draft_text(d), "[what you did, and how it went]");
	assert_warns(d, "text");
	assert_str(iv_draft_subject(d), "What I did with your advice");
	iv_draft_free(d);
}

static void thank_you_cites_advice_and_resources(void **state)
{
	world *w = *state;
	id37 fu;
	iv_draft *d;

	hold(w->fx, w->with_sara, sara_advice, sara_resources);
	by_rule(w->fx->db, "thank_you", w->with_sara, NULL, fu);
	d = draft_of(w->fx->db, fu);
	assert_has(iv_draft_text(d), "One piece of your advice has stayed with me: Shadow a CRA for a day.");
	assert_has(iv_draft_text(d), "Thank you also for pointing me to the ACRP site, ICH E6 and the "
		   "CenterWatch newsletter.");
	assert_int_equal(iv_draft_warning_count(d), 0);
	iv_draft_free(d);
}

static void intro_request_is_a_forwardable_note(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	id37 ella, intro;
	iv_draft *d = NULL;

	person(db, "Ella Berg", "Acme Clinical", "Clinical Trial Manager", NULL, IV_KNOWN_INTRODUCED, ella);
	iv_fixture_intro(db, w->priya, ella, IV_INTRO_REQUESTED, intro);
	ok(iv_draft_intro_request(&d, db, intro, NULL));
	assert_int_equal(iv_draft_kind(d), IV_TEMPLATE_INTRO_REQUEST);
	assert_str(iv_draft_contact(d), w->priya);
	assert_str(iv_draft_to(d), "priya@example.com");
	assert_str(iv_draft_subject(d), "Could you introduce me to Ella?");
	assert_has(iv_draft_text(d), "Hi Priya,\n\nWould you be willing to introduce me to Ella Berg at Acme Clinical?");
	assert_has(iv_draft_text(d), "> " ME ", after three years as a lab scientist, is moving into clinical "
		   "research, and would value 20-30 minutes by phone or video to learn from Ella's experience as a "
		   "Clinical Trial Manager at Acme Clinical.");
	assert_no_hole(iv_draft_text(d));
	iv_draft_free(d);
	/* One already made needs no asking. */
	check(iv_draft_intro_request(&d, db, w->priya_tom, NULL), IV_EINVALID);
	assert_message_has("intro.status");
	assert_null(d);
}

/* ======================================================================= */
/* Templates                                                                */
/* ======================================================================= */

static void sections_keep_or_drop_text(void **state)
{
	world *w = *state;
	iv_draft_options o = IV_DRAFT_OPTIONS_INIT;
	iv_draft *d = NULL;

	o.template_text = "Subject: {?purpose}On {purpose}{/purpose}{^purpose}Hello{/purpose}\n\n"
			  "[{?contact.title}T={contact.title}{?contact.direct}D{/contact.direct}{/contact.title}"
			  "{^advice}no advice{/advice}]";
	ok(iv_draft_interview_request(&d, w->fx->db, w->with_sara, &o));
	assert_str(iv_draft_subject(d), "On how trial sites are chosen");
	assert_str(iv_draft_text(d), "[T=Associate Directorno advice]");
	iv_draft_free(d);
}

static void a_template_without_subject_takes_the_built_in_one(void **state)
{
	world *w = *state;
	iv_draft_options o = IV_DRAFT_OPTIONS_INIT;
	iv_draft *d = NULL;

	o.template_text = "Hello {contact.first_name}";
	ok(iv_draft_interview_request(&d, w->fx->db, w->with_sara, &o));
	assert_str(iv_draft_text(d), "Hello Sara");
	assert_str(iv_draft_subject(d), "Tom suggested I get in touch");
	iv_draft_free(d);
}

static void malformed_sections_are_refused(void **state)
{
	world *w = *state;
	iv_draft_options o = IV_DRAFT_OPTIONS_INIT;
	iv_draft *d = NULL;

	o.template_text = "{?purpose}never closed";
	check(iv_draft_interview_request(&d, w->fx->db, w->with_sara, &o), IV_EINVALID);
	assert_message_has("never closed by {/purpose}");
	o.template_text = "{?purpose}{?advice}x{/purpose}{/advice}";
	check(iv_draft_interview_request(&d, w->fx->db, w->with_sara, &o), IV_EINVALID);
	assert_message_has("{/purpose} at byte 20 closes no open");
	o.template_text = "{?nothing}x{/nothing}";
	check(iv_draft_interview_request(&d, w->fx->db, w->with_sara, &o), IV_EINVALID);
	assert_message_has("unknown placeholder {?nothing}");
	assert_null(d);
}

static void store_template_is_used_and_reset(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	char *text = NULL;
	id37 fu;
	iv_draft *d;

	hold(w->fx, w->with_sara, sara_advice, NULL);
	by_rule(db, "thank_you", w->with_sara, NULL, fu);
	ok(iv_draft_template_get(&text, db, IV_TEMPLATE_THANKS));
	assert_null(text);

	ok(iv_draft_template_set(db, IV_TEMPLATE_THANKS, "Subject: Thanks, {contact.first_name}\n\n{greeting}! {advice}."));
	ok(iv_draft_template_get(&text, db, IV_TEMPLATE_THANKS));
	assert_str(text, "Subject: Thanks, {contact.first_name}\n\n{greeting}! {advice}.");
	iv_free(text);
	d = draft_of(db, fu);
	assert_str(iv_draft_subject(d), "Thanks, Sara");
	assert_str(iv_draft_text(d), "Dear Sara! Shadow a CRA for a day.");
	iv_draft_free(d);
	/* The older function uses it too; options still win over it. */
	ok(iv_draft_thanks(&text, db, fu, NULL));
	assert_str(text, "Dear Sara! Shadow a CRA for a day.");
	iv_free(text);

	/* A malformed one is refused and the one set stays. */
	check(iv_draft_template_set(db, IV_TEMPLATE_THANKS, "{greeting} {oops}"), IV_EINVALID);
	assert_message_has("template: unknown placeholder {oops}");
	check(iv_draft_template_set(db, 0, "x"), IV_EINVALID);
	check(iv_draft_template_set(db, IV_TEMPLATE_INTRO_REQUEST + 1, "x"), IV_EINVALID);
	d = draft_of(db, fu);
	assert_str(iv_draft_text(d), "Dear Sara! Shadow a CRA for a day.");
	iv_draft_free(d);

	ok(iv_draft_template_clear(db, IV_TEMPLATE_THANKS));
	ok(iv_draft_template_get(&text, db, IV_TEMPLATE_THANKS));
	assert_null(text);
	d = draft_of(db, fu);
	assert_has(iv_draft_text(d), "Thank you for taking the time to talk with me.");
	assert_str(iv_draft_subject(d), "Thank you for your time");
	iv_draft_free(d);
	/* Clearing again is no error; "" clears as well. */
	ok(iv_draft_template_clear(db, IV_TEMPLATE_THANKS));
	ok(iv_draft_template_set(db, IV_TEMPLATE_THANKS, ""));
}

static void built_in_templates_are_valid_and_differ(void **state)
{
	int i, j;

	(void)state;
	for (i = IV_TEMPLATE_REQUEST; i <= IV_TEMPLATE_INTRO_REQUEST; i++) {
		assert_non_null(iv_draft_default_template(i));
		assert_true(strncmp(iv_draft_default_template(i), "Subject: ", 9) == 0);
		assert_non_null(iv_enum_name("template", i));
		for (j = IV_TEMPLATE_REQUEST; j < i; j++)
			assert_string_not_equal(iv_draft_default_template(i), iv_draft_default_template(j));
	}
}

static void built_in_templates_can_be_set_as_store_templates(void **state)
{
	world *w = *state;
	int i;

	for (i = IV_TEMPLATE_REQUEST; i <= IV_TEMPLATE_INTRO_REQUEST; i++)
		ok(iv_draft_template_set(w->fx->db, i, iv_draft_default_template(i)));
}

/* ======================================================================= */
/* Saved requests                                                           */
/* ======================================================================= */

#define EDITED "Dear Sara,\n\nEdited by hand. Could we talk?\n\nJordan\n"

static void saved_request_reads_back_until_replaced_or_removed(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	char *text = (char *)"untouched";

	ok(iv_draft_saved_request(&text, db, w->with_sara));
	assert_null(text);
	ok(iv_draft_save_request(db, w->with_sara, EDITED));
	ok(iv_draft_saved_request(&text, db, w->with_sara));
	assert_str(text, EDITED);
	iv_free(text);
	ok(iv_draft_save_request(db, w->with_sara, "Second version?"));
	ok(iv_draft_saved_request(&text, db, w->with_sara));
	assert_str(text, "Second version?");
	iv_free(text);
	ok(iv_draft_save_request(db, w->with_sara, NULL));
	ok(iv_draft_saved_request(&text, db, w->with_sara));
	assert_null(text);
	check(iv_draft_save_request(db, w->with_sara, "bad \xff byte"), IV_EINVALID);
	check(iv_draft_save_request(db, "01234567-89ab-7def-8123-456789abcdef", "x"), IV_ENOTFOUND);
	check(iv_draft_saved_request(&text, db, "not-an-id"), IV_EINVALID);
}

/* Whether the store still holds a saved request under the interview's id. */
static int setting_left(iv_db *db, const char *interview_id)
{
	char key[100], *value = NULL;
	int rc;

	snprintf(key, sizeof(key), "iv.draft.request.%s", interview_id);
	rc = iv_db_setting_get(&value, db, key);
	iv_free(value);
	return rc == 0;
}

static void saved_request_goes_with_its_interview(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	char *text = NULL;
	id37 other, with_fus;

	ok(iv_draft_save_request(db, w->with_sara, EDITED));
	assert_true(setting_left(db, w->with_sara));
	ok(iv_interview_delete(db, w->with_sara, IV_DELETE_DEFAULT));
	assert_false(setting_left(db, w->with_sara));
	check(iv_draft_saved_request(&text, db, w->with_sara), IV_ENOTFOUND);

	/* Deleted with its follow-ups, or with its contact. */
	plan(db, w->tom, NULL, "x", IV_MEDIUM_UNSET, with_fus);
	ok(iv_interview_move(NULL, db, with_fus, IV_INTERVIEW_REQUESTED));
	ok(iv_draft_save_request(db, with_fus, EDITED));
	ok(iv_interview_delete(db, with_fus, IV_DELETE_CASCADE));
	assert_false(setting_left(db, with_fus));
	plan(db, w->priya, NULL, "y", IV_MEDIUM_UNSET, other);
	ok(iv_draft_save_request(db, other, EDITED));
	ok(iv_contact_delete(db, w->priya, IV_DELETE_CASCADE));
	assert_false(setting_left(db, other));
}

static void a_failed_delete_keeps_the_saved_request(void **state)
{
	world *w = *state;
	iv_db *db = w->fx->db;
	char *text = NULL;

	ok(iv_interview_move(NULL, db, w->with_sara, IV_INTERVIEW_REQUESTED));
	ok(iv_draft_save_request(db, w->with_sara, EDITED));
	check(iv_interview_delete(db, w->with_sara, IV_DELETE_DEFAULT), IV_ECONSTRAINT);
	ok(iv_draft_saved_request(&text, db, w->with_sara));
	assert_str(text, EDITED);
	iv_free(text);
}

static void arguments_are_checked(void **state)
{
	world *w = *state;
	iv_draft *d = (iv_draft *)&d;
	char *text = NULL;

	check(iv_draft_followup(&d, w->fx->db, NULL, NULL), IV_EINVALID);
	assert_message_has("iv_draft_followup: argument 'id' is NULL");
	assert_null(d);
	check(iv_draft_followup(NULL, w->fx->db, w->with_sara, NULL), IV_EINVALID);
	check(iv_draft_interview_request(&d, NULL, w->with_sara, NULL), IV_EINVALID);
	check(iv_draft_followup(&d, w->fx->db, "01234567-89ab-7def-8123-456789abcdef", NULL), IV_ENOTFOUND);
	check(iv_draft_intro_request(&d, w->fx->db, "nope", NULL), IV_EINVALID);
	check(iv_draft_template_get(&text, w->fx->db, 99), IV_EINVALID);
	check(iv_draft_template_get(NULL, w->fx->db, IV_TEMPLATE_THANKS), IV_EINVALID);
	check(iv_draft_save_request(NULL, w->with_sara, "x"), IV_EINVALID);
	check(iv_draft_saved_request(NULL, w->fx->db, w->with_sara), IV_EINVALID);
}

#define T(name) cmocka_unit_test_setup_teardown(name, world_setup, world_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(upstream_introducer_is_thanked_for_whom_she_introduced),
		T(direct_introducer_is_thanked_for_the_interviewee),
		T(draft_thanks_gives_the_same_corrected_text),
		T(three_hop_chain_names_every_hop),
		T(introducer_thanked_before_gets_news_not_a_second_thank_you),
		T(a_pending_earlier_thanks_is_no_thanks_yet),
		T(introducer_not_on_the_chain_is_warned_about),
		T(empty_profile_and_contact_leave_no_hole),
		T(each_empty_field_rewrites_its_sentence),
		T(a_full_record_draws_no_warning),
		T(every_kind_has_a_subject_and_a_recipient),
		T(each_follow_up_kind_has_its_template),
		T(nudge_followup_adapts_the_medium),
		T(someone_known_directly_gets_first_names_and_no_self_introduction),
		T(someone_introduced_gets_a_formal_greeting_and_your_name),
		T(titles_take_the_right_article),
		T(the_medium_is_worded_naturally),
		T(nudge_other_suggests_three_people_same_company_first),
		T(nudge_other_never_suggests_the_interviewee_nor_someone_already_asked),
		T(nudge_other_with_nobody_near_warns),
		T(report_back_cites_the_advice_and_resources),
		T(thank_you_cites_advice_and_resources),
		T(intro_request_is_a_forwardable_note),
		T(sections_keep_or_drop_text),
		T(a_template_without_subject_takes_the_built_in_one),
		T(malformed_sections_are_refused),
		T(store_template_is_used_and_reset),
		cmocka_unit_test(built_in_templates_are_valid_and_differ),
		T(built_in_templates_can_be_set_as_store_templates),
		T(saved_request_reads_back_until_replaced_or_removed),
		T(saved_request_goes_with_its_interview),
		T(a_failed_delete_keeps_the_saved_request),
		T(arguments_are_checked),
	};

	if (iv_fixture_init(argc, argv) < 0)
		return 2;
	return cmocka_run_group_tests(tests, NULL, NULL);
}

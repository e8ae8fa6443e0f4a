/*
 * A libFuzzer harness for the templates of drafts (issue 12), through the
 * public API: the first byte picks the kind (iv_template_t), the rest is
 * the template's text. It is set as the store's own template for that kind
 * (iv_draft_template_set()), then every draft the store can make (each
 * follow-up, the interview request, the introduction request) is made with
 * it as the options' template, and checked (iv_draft_check_report()).
 * Beyond "no crash, no leak, no undefined behaviour":
 *
 * - a template the store takes drafts every record; one it refuses is
 *   refused by every draft too, with the same code (the check is the same);
 * - a draft of the template's kind made from the store's own template is
 *   the same as one made from the options' template;
 * - a refused template leaves the store's template as it was (none).
 *
 * The store (a memory store, the same for the whole run) holds a profile,
 * three people, an introduction made and one suggested, a completed
 * interview through the first with advice and resources, the follow-ups
 * the rules made for it, and one follow-up made by hand of each other kind.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <infoview/infoview.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_FOLLOWUPS 16

static struct world {
	iv_db *db;
	iv_time now;
	char interview[IV_ID_LEN + 1], suggested[IV_ID_LEN + 1];
	char followups[MAX_FOLLOWUPS][IV_ID_LEN + 1];
	size_t n_followups;
} w;

static int world_clock(iv_time *now, void *payload)
{
	(void)payload;
	*now = w.now;
	return 0;
}

#define MUST(call) do { if ((call) < 0) abort(); } while (0)

static void person(const char *name, const char *company, const char *title, int known, char *out)
{
	iv_contact *c = NULL;

	MUST(iv_contact_new(&c));
	MUST(iv_contact_set_name(c, name));
	MUST(iv_contact_set_company(c, company));
	MUST(iv_contact_set_title(c, title));
	MUST(iv_contact_set_known(c, known));
	MUST(iv_contact_set_cadence_days(c, 30));
	MUST(iv_contact_add_email(c, "someone@example.org"));
	MUST(iv_contact_insert(w.db, c));
	memcpy(out, iv_contact_id(c), IV_ID_LEN + 1);
	iv_contact_free(c);
}

static void intro(const char *by, const char *to, int status, char *out)
{
	iv_intro *in = NULL;

	MUST(iv_intro_new(&in));
	MUST(iv_intro_set_introducer(in, by));
	MUST(iv_intro_set_introduced(in, to));
	MUST(iv_intro_set_status(in, status));
	MUST(iv_intro_set_note(in, "met at the conference"));
	MUST(iv_intro_insert(w.db, in));
	memcpy(out, iv_intro_id(in), IV_ID_LEN + 1);
	iv_intro_free(in);
}

static void followup(const char *to, const char *interview, int kind)
{
	iv_followup *fu = NULL;

	MUST(iv_followup_new(&fu));
	MUST(iv_followup_set_contact(fu, to));
	MUST(iv_followup_set_interview(fu, interview));
	MUST(iv_followup_set_kind(fu, kind));
	MUST(iv_followup_set_due(fu, w.now + 86400));
	MUST(iv_followup_insert(w.db, fu));
	iv_followup_free(fu);
}

static void world_make(void)
{
	char priya[IV_ID_LEN + 1], tom[IV_ID_LEN + 1], sara[IV_ID_LEN + 1], made[IV_ID_LEN + 1];
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	iv_interview *iv = NULL;
	iv_profile *p = NULL;

	w.now = 1772442000; /* Monday 2026-03-02 09:00 UTC */
	MUST(iv_db_open_memory(&w.db));
	MUST(iv_db_set_clock(w.db, world_clock, NULL));
	MUST(iv_profile_new(&p));
	MUST(iv_profile_set_name(p, "Alex Morgan"));
	MUST(iv_profile_set_background(p, "a pharmacist with five years in hospital practice."));
	MUST(iv_profile_set_exploring(p, "roles in medical affairs"));
	MUST(iv_profile_set(w.db, p));
	iv_profile_free(p);
	person("Priya Shah", "Pfizer", "Director", IV_KNOWN_DIRECT, priya);
	person("Tom Lee", "Roche", "Associate", IV_KNOWN_INTRODUCED, tom);
	person("Sara Klein", "Novartis", "MSL", IV_KNOWN_COLD, sara);
	intro(priya, tom, IV_INTRO_MADE, made);
	intro(tom, sara, IV_INTRO_SUGGESTED, w.suggested);
	MUST(iv_interview_new(&iv));
	MUST(iv_interview_set_contact(iv, tom));
	MUST(iv_interview_set_intro(iv, made));
	MUST(iv_interview_set_purpose(iv, "to learn how MSL teams are built."));
	MUST(iv_interview_set_medium(iv, IV_MEDIUM_VIDEO));
	MUST(iv_interview_insert(w.db, iv));
	memcpy(w.interview, iv_interview_id(iv), IV_ID_LEN + 1);
	iv_interview_free(iv);
	MUST(iv_interview_move(NULL, w.db, w.interview, IV_INTERVIEW_REQUESTED));
	w.now += 86400;
	MUST(iv_interview_move(NULL, w.db, w.interview, IV_INTERVIEW_SCHEDULED));
	w.now += 86400;
	MUST(iv_interview_lookup(&iv, w.db, w.interview));
	MUST(iv_interview_add_advice(iv, "Read the EPARs."));
	MUST(iv_interview_add_advice(iv, "Join TOPRA"));
	MUST(iv_interview_add_resource(iv, "TOPRA"));
	MUST(iv_interview_add_resource(iv, "the RAC guide"));
	MUST(iv_interview_set_status(iv, IV_INTERVIEW_COMPLETED));
	MUST(iv_interview_update(w.db, iv));
	iv_interview_free(iv);
	followup(priya, NULL, IV_FOLLOWUP_CHECK_IN);
	followup(tom, w.interview, IV_FOLLOWUP_REPORT_BACK);
	followup(sara, NULL, IV_FOLLOWUP_CUSTOM);
	followup(sara, NULL, IV_FOLLOWUP_NUDGE);
	MUST(iv_followup_list(&it, w.db, NULL));
	while (iv_followup_iter_next(&fu, it) == 0) {
		if (w.n_followups < MAX_FOLLOWUPS)
			memcpy(w.followups[w.n_followups++], iv_followup_id(fu), IV_ID_LEN + 1);
		iv_followup_free(fu);
	}
	iv_followup_iter_free(it);
}

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Draft number `i` of the store's drafts: follow-ups, then the two requests; -1 past the last. */
static int draft(iv_draft **out, size_t i, const iv_draft_options *opts)
{
	*out = NULL;
	if (i < w.n_followups)
		return iv_draft_followup(out, w.db, w.followups[i], opts);
	if (i == w.n_followups)
		return iv_draft_interview_request(out, w.db, w.interview, opts);
	return iv_draft_intro_request(out, w.db, w.suggested, opts);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	iv_draft_options opts = IV_DRAFT_OPTIONS_INIT;
	iv_draft_report report;
	char *text, *stored = NULL;
	int which, set, rc;
	size_t i;

	if (!w.db)
		world_make();
	if (size < 1)
		return 0;
	which = 1 + data[0] % 11;
	if (!(text = malloc(size)))
		abort();
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	set = iv_draft_template_set(w.db, which, text);
	if (iv_draft_template_get(&stored, w.db, which) != 0)
		abort();
	/* Taken exactly ("" removes it), or refused leaving none. */
	if (set == 0 ? !same(stored, *text ? text : NULL) : stored != NULL)
		abort();
	iv_free(stored);
	opts.template_text = text;
	for (i = 0; i <= w.n_followups + 1; i++) {
		iv_draft *d = NULL, *mine = NULL;

		rc = draft(&d, i, &opts);
		if (*text && (set < 0 ? rc != set : rc != 0))
			abort(); /* the store and the drafts disagree on the template */
		if (rc == 0 && set == 0 && *text && iv_draft_kind(d) == which) {
			if (draft(&mine, i, NULL) != 0 || !same(iv_draft_text(d), iv_draft_text(mine)) ||
			    !same(iv_draft_subject(d), iv_draft_subject(mine)))
				abort(); /* the store's template drafts otherwise */
			iv_draft_free(mine);
		}
		if (rc == 0) {
			if (iv_draft_report_init(&report, IV_DRAFT_REPORT_VERSION) != 0 ||
			    iv_draft_check_report(&report, iv_draft_text(d)) < 0)
				abort();
			iv_draft_word_count(iv_draft_text(d));
		}
		iv_draft_free(d);
	}
	if (iv_draft_template_clear(w.db, which) != 0)
		abort();
	free(text);
	return 0;
}

/*
 * The introduction chain behind an interview, as the drafts need it: whom
 * each introducer on it introduced you to, and whether they were thanked
 * for that introduction before.
 */
#include <string.h>

#include "compose.h"

/* When an introduction was made: its own record of it, else when it was stored. */
static iv_time made_time(const iv_intro *in)
{
	return iv_intro_made_at(in) ? iv_intro_made_at(in) : iv_intro_created(in);
}

/* The most recently made introduction the filter selects, or NULL. */
static int latest_made(iv_intro **out, iv_db *db, iv_intro_filter *f)
{
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	int error;

	*out = NULL;
	f->status = IV_INTRO_MADE;
	if ((error = iv_intro_list(&it, db, f)) < 0)
		return error;
	/* Listed by creation: on equal times the later record wins. */
	while ((error = iv_intro_iter_next(&in, it)) == 0) {
		if (!*out || made_time(in) >= made_time(*out)) {
			iv_intro_free(*out);
			*out = in;
		} else {
			iv_intro_free(in);
		}
		in = NULL;
	}
	iv_intro_iter_free(it);
	if (error != IV_ITEROVER) {
		iv_intro_free(*out);
		*out = NULL;
		return error;
	}
	return 0;
}

int iv__latest_intro_to(iv_intro **out, iv_db *db, const char *introduced)
{
	iv_intro_filter f = IV_INTRO_FILTER_INIT;

	f.introduced = introduced;
	return latest_made(out, db, &f);
}

int iv__latest_intro_by(iv_intro **out, iv_db *db, const char *introducer)
{
	iv_intro_filter f = IV_INTRO_FILTER_INIT;

	f.introducer = introducer;
	return latest_made(out, db, &f);
}

int iv__intro_chain(iv__strlist *people, iv_db *db, const iv_interview *iv)
{
	const char *intro_id = iv_interview_intro(iv);
	iv_intro *in = NULL;
	int error;

	if ((error = iv__strlist_insert(people, 0, iv_interview_contact(iv))) < 0)
		return error;
	error = intro_id ? iv_intro_lookup(&in, db, intro_id) : iv__latest_intro_to(&in, db, iv_interview_contact(iv));
	while (error >= 0 && in && iv__strlist_find_nocase(people, iv_intro_introducer(in)) < 0) {
		char by[IV_ID_LEN + 1];

		memcpy(by, iv_intro_introducer(in), IV_ID_LEN + 1);
		iv_intro_free(in);
		in = NULL;
		if ((error = iv__strlist_insert(people, people->count, by)) >= 0)
			error = iv__latest_intro_to(&in, db, by);
	}
	iv_intro_free(in);
	return error;
}

/* Whether interview `interview_id`'s chain has `introducer` introducing you to `introduced`. */
static int chain_has(int *found, iv_db *db, const char *interview_id, const char *introducer, const char *introduced)
{
	iv__strlist people = { 0 };
	iv_interview *iv = NULL;
	long k;
	int error;

	*found = 0;
	if ((error = iv_interview_lookup(&iv, db, interview_id)) >= 0 &&
	    (error = iv__intro_chain(&people, db, iv)) >= 0) {
		k = iv__strlist_find_nocase(&people, introducer);
		*found = k >= 1 && iv__ascii_casecmp(people.items[k - 1], introduced) == 0;
	}
	iv__strlist_free(&people);
	iv_interview_free(iv);
	return error;
}

int iv__introducer_thanked(int *thanked, iv_db *db, const char *introducer, const char *introduced,
			   const char *interview_id)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	int error;

	*thanked = 0;
	f.contact = introducer;
	f.status = IV_FOLLOWUP_DONE;
	if ((error = iv_followup_list(&it, db, &f)) < 0)
		return error;
	while (!*thanked && (error = iv_followup_iter_next(&fu, it)) == 0) {
		const char *about = iv_followup_interview(fu);

		if (iv_followup_kind(fu) == IV_FOLLOWUP_THANK_INTRODUCER && about &&
		    (!interview_id || iv__ascii_casecmp(about, interview_id) != 0))
			error = chain_has(thanked, db, about, introducer, introduced);
		iv_followup_free(fu);
		fu = NULL;
		if (error < 0)
			break;
	}
	iv_followup_iter_free(it);
	return error == IV_ITEROVER || error >= 0 ? 0 : error;
}

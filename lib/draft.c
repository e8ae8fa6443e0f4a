/*
 * Drafts of the messages the craft calls for (the request for an interview,
 * the thank-yous) and the checker of a request.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"
#include "util.h"
#include "db.h"

/* What a draft says for your name until the profile has one. */
#define NAME_TO_FILL "[your name]"

/*
 * The built-in templates. A request keeps to the three parts (who you are,
 * why them, would you talk), asks for no job and stays well under
 * IV_DRAFT_MAX_WORDS with realistic values.
 */
#define GREETING "Dear {contact.first_name},\n\n"
#define SIGNATURE "\nBest regards,\n{me.name}\n"
#define WHO_YOU_ARE "My name is {me.name}. After {me.background}, I am {me.exploring}.\n\n"
#define WILLING_TO_TALK "Would you be willing to talk with me for about 20-30 minutes, " \
	"by phone or video, at a time that suits you?\n"

static const char request_text[] =
	GREETING WHO_YOU_ARE
	"I am reaching out because of your experience as {contact.title} at {contact.company}, "
	"and I would like to learn about {purpose}.\n\n"
	WILLING_TO_TALK SIGNATURE;

static const char request_introduced_text[] =
	GREETING WHO_YOU_ARE
	"{introducer.first_name} suggested I get in touch with you, given your experience as "
	"{contact.title} at {contact.company}. I would like to learn about {purpose}.\n\n"
	WILLING_TO_TALK SIGNATURE;

static const char thanks_text[] =
	GREETING
	"Thank you for taking the time to talk with me. One piece of your advice "
	"has stayed with me: {advice}. I am acting on it, and I will let you know how it goes.\n"
	SIGNATURE;

/* What the built-in thank-you says when the interview recorded no advice. */
static const char thanks_no_advice_text[] =
	GREETING
	"Thank you for taking the time to talk with me. Hearing how you see the field "
	"was exactly what I needed, and I will let you know how things go.\n"
	SIGNATURE;

static const char thanks_introducer_text[] =
	GREETING
	"Thank you for introducing me to {introduced.name}. We had a very helpful "
	"conversation, and I am grateful you made it happen. I will keep you posted.\n"
	SIGNATURE;

const char *iv_draft_default_template(int which)
{
	switch (which) {
	case IV_TEMPLATE_REQUEST: return request_text;
	case IV_TEMPLATE_REQUEST_INTRODUCED: return request_introduced_text;
	case IV_TEMPLATE_THANKS: return thanks_text;
	case IV_TEMPLATE_THANKS_INTRODUCER: return thanks_introducer_text;
	default: return NULL;
	}
}

IV__DEFINE_INIT(iv_draft_options_init, iv_draft_options, IV_DRAFT_OPTIONS_INIT, IV__ST_DRAFT_OPTIONS)

/* The caller's template, or NULL for the built-in one. */
static int custom_template(const char **out, const iv_draft_options *opts)
{
	iv_draft_options o = IV_DRAFT_OPTIONS_INIT;
	int error;

	*out = NULL;
	if (!opts)
		return 0;
	/* Only as much of the caller's options as its version has. */
	if ((error = iv__struct_read(&o, IV__ST_DRAFT_OPTIONS, opts)) < 0)
		return error;
	*out = o.template_text;
	return 0;
}

/* --- Filling a template from the records ---------------------------------- */

/* Everything a draft may draw on; NULL where there is none. */
typedef struct {
	iv_profile *me;
	iv_interview *iv;
	iv_contact *interviewee;
	iv_contact *introducer;
	iv_contact *recipient; /* a thank-you's; the interviewee for a request */
} sources;

static void sources_free(sources *src)
{
	iv_profile_free(src->me);
	iv_interview_free(src->iv);
	iv_contact_free(src->interviewee);
	iv_contact_free(src->introducer);
	iv_contact_free(src->recipient);
}

/* Loads the interview, its interviewee, and the introducer if it names an introduction. */
static int load_interview(sources *src, iv_db *db, const char *interview_id)
{
	iv_intro *in = NULL;
	int error;

	if ((error = iv_profile_get(&src->me, db)) < 0 ||
	    (error = iv_interview_lookup(&src->iv, db, interview_id)) < 0 ||
	    (error = iv_contact_lookup(&src->interviewee, db, iv_interview_contact(src->iv))) < 0)
		return error;
	if (!iv_interview_intro(src->iv))
		return 0;
	if ((error = iv_intro_lookup(&in, db, iv_interview_intro(src->iv))) >= 0)
		error = iv_contact_lookup(&src->introducer, db, iv_intro_introducer(in));
	iv_intro_free(in);
	return error;
}

static iv__tval text_value(const char *s)
{
	iv__tval v = { s, s ? strlen(s) : 0 };
	return v;
}

static int is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static void trim_spaces(iv__tval *v)
{
	while (v->len && is_space(*v->s))
		v->s++, v->len--;
	while (v->len && is_space(v->s[v->len - 1]))
		v->len--;
}

/*
 * A fragment the templates carry on as part of their own sentence: without
 * surrounding spaces or a final full stop, which the template supplies
 * ("...about {purpose}." must not end in ".."). Only one stop goes, so that
 * "a Ph.D." still reads "a Ph.D." once the template adds its own.
 */
static iv__tval fragment_value(const char *s)
{
	iv__tval v = text_value(s);

	trim_spaces(&v);
	if (v.len && v.s[v.len - 1] == '.')
		v.len--;
	trim_spaces(&v);
	return v;
}

/* The name up to its first space. */
static iv__tval first_name_value(const char *name)
{
	iv__tval v = text_value(name);
	size_t i;

	trim_spaces(&v);
	for (i = 0; i < v.len && !is_space(v.s[i]); i++)
		;
	v.len = i;
	return v;
}

static void person_values(iv__tval *name, iv__tval *first, const iv_contact *c)
{
	const char *s = c ? iv_contact_name(c) : NULL;

	*name = text_value(s);
	*first = first_name_value(s);
}

/* Every advice item, one per line, "- " first; empty when there is none. */
static void advice_list(iv__buf *b, const iv_interview *iv)
{
	size_t i, n = iv ? iv_interview_advice_count(iv) : 0;

	for (i = 0; i < n; i++) {
		const char *item = iv_interview_advice_at(iv, i);

		if (i)
			iv__buf_put(b, "\n", 1);
		iv__buf_put(b, "- ", 2);
		iv__buf_put(b, item, strlen(item));
	}
}

static int fill(char **out, const char *tmpl, const sources *src)
{
	iv__tval v[IV__T_COUNT];
	const iv_contact *to = src->recipient ? src->recipient : src->interviewee;
	const char *me_name = iv_profile_name(src->me);
	const iv_interview *iv = src->iv;
	iv__buf list = { NULL, 0, 0, 0 };
	char *list_text = NULL;
	int error;

	advice_list(&list, iv);
	if ((error = iv__buf_finish(&list_text, &list)) < 0)
		return error;
	v[IV__T_ME_NAME] = text_value(me_name ? me_name : NAME_TO_FILL);
	v[IV__T_ME_BACKGROUND] = fragment_value(iv_profile_background(src->me));
	v[IV__T_ME_EXPLORING] = fragment_value(iv_profile_exploring(src->me));
	person_values(&v[IV__T_CONTACT_NAME], &v[IV__T_CONTACT_FIRST_NAME], to);
	v[IV__T_CONTACT_COMPANY] = text_value(to ? iv_contact_company(to) : NULL);
	v[IV__T_CONTACT_TITLE] = text_value(to ? iv_contact_title(to) : NULL);
	v[IV__T_PURPOSE] = fragment_value(iv ? iv_interview_purpose(iv) : NULL);
	person_values(&v[IV__T_INTRODUCER_NAME], &v[IV__T_INTRODUCER_FIRST_NAME], src->introducer);
	person_values(&v[IV__T_INTRODUCED_NAME], &v[IV__T_INTRODUCED_FIRST_NAME], src->interviewee);
	v[IV__T_ADVICE] = fragment_value(iv && iv_interview_advice_count(iv) ? iv_interview_advice_at(iv, 0) : NULL);
	v[IV__T_ADVICE_LIST] = text_value(list_text);
	error = iv__template_fill(out, tmpl, v);
	free(list_text);
	return error;
}

/* --- Drafts --------------------------------------------------------------- */

/* Loads what a draft draws on from the record `id`, and picks the built-in template. */
typedef int (*loader)(sources *src, const char **builtin, iv_db *db, const char *id);

static int draft(char **out, iv_db *db, const char *id, const iv_draft_options *opts, loader load)
{
	sources src = { NULL, NULL, NULL, NULL, NULL };
	const char *tmpl, *builtin = NULL;
	int error;

	if ((error = custom_template(&tmpl, opts)) < 0)
		return error;
	/* One snapshot of the records the draft is made of. */
	if ((error = iv__tx_begin(db)) < 0)
		return error;
	if ((error = iv__tx_end(db, load(&src, &builtin, db, id))) >= 0)
		error = fill(out, tmpl ? tmpl : builtin, &src);
	sources_free(&src);
	return error;
}

static int load_request(sources *src, const char **builtin, iv_db *db, const char *interview_id)
{
	int error = load_interview(src, db, interview_id);

	*builtin = src->introducer ? request_introduced_text : request_text;
	return error;
}

static int draft_request_unguarded(char **out, iv_db *db, const char *interview_id, const iv_draft_options *opts)
{
	IV__ARG_OF("iv_draft_request", out);
	*out = NULL;
	IV__ARG_OF("iv_draft_request", db);
	IV__ARG_OF("iv_draft_request", interview_id);
	return draft(out, db, interview_id, opts, load_request);
}

int iv_draft_request(char **out, iv_db *db, const char *interview_id, const iv_draft_options *opts)
{
	IV__GUARDED(db, "iv_draft_request", draft_request_unguarded(out, db, interview_id, opts));
}

static int load_thanks(sources *src, const char **builtin, iv_db *db, const char *followup_id)
{
	iv_followup *fu = NULL;
	int error, kind;

	if ((error = iv_followup_lookup(&fu, db, followup_id)) < 0)
		return error;
	kind = iv_followup_kind(fu);
	if (kind != IV_FOLLOWUP_THANK_YOU && kind != IV_FOLLOWUP_THANK_INTRODUCER)
		error = iv__error(IV_EINVALID, "followup.kind: only thank-you follow-ups have a thank-you draft "
				  "(follow-up %s is a %s)", iv_followup_id(fu), iv_enum_name("followup_kind", kind));
	else if (!iv_followup_interview(fu))
		error = iv__error(IV_EINVALID, "followup.interview: follow-up %s names no interview to thank for",
				  iv_followup_id(fu));
	else if ((error = load_interview(src, db, iv_followup_interview(fu))) >= 0)
		error = iv_contact_lookup(&src->recipient, db, iv_followup_contact(fu));
	iv_followup_free(fu);
	if (kind == IV_FOLLOWUP_THANK_INTRODUCER)
		*builtin = thanks_introducer_text;
	else
		*builtin = src->iv && iv_interview_advice_count(src->iv) ? thanks_text : thanks_no_advice_text;
	return error;
}

static int draft_thanks_unguarded(char **out, iv_db *db, const char *followup_id, const iv_draft_options *opts)
{
	IV__ARG_OF("iv_draft_thanks", out);
	*out = NULL;
	IV__ARG_OF("iv_draft_thanks", db);
	IV__ARG_OF("iv_draft_thanks", followup_id);
	return draft(out, db, followup_id, opts, load_thanks);
}

int iv_draft_thanks(char **out, iv_db *db, const char *followup_id, const iv_draft_options *opts)
{
	IV__GUARDED(db, "iv_draft_thanks", draft_thanks_unguarded(out, db, followup_id, opts));
}

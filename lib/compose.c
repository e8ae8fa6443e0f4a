/*
 * Drafts of the messages the craft calls for: the records a draft draws on,
 * the values of the placeholders, and the warnings about what is missing.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "db.h"
#include "draft_store.h"
#include "template.h"
#include "util.h"
#include "workflow.h"

/* What a draft says for your name until the profile has one. */
#define NAME_TO_FILL "[your name]"
/* What a report-back leaves for you to write. */
#define OUTCOME_TO_FILL "[what you did, and how it went]"
#define MAX_SUGGESTIONS 3

struct iv_draft {
	char *text;
	char *subject;
	char *to;
	char contact[IV_ID_LEN + 1]; /* "" for nobody */
	int which;
	iv__strlist warnings, fields, records; /* records holds NULL where there is none */
	iv__strlist suggestions;
};

IV__DEFINE_INIT(iv_draft_options_init, iv_draft_options, IV_DRAFT_OPTIONS_INIT, IV__ST_DRAFT_OPTIONS)

/* The caller's template, or NULL for the store's or the built-in one. */
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

/* --- What a draft draws on ------------------------------------------------ */

/* Everything a draft may draw on; NULL where there is none. */
typedef struct {
	iv_profile *me;
	iv_interview *iv;
	iv_contact *interviewee;
	iv_contact *introducer;
	iv_contact *recipient;  /* NULL: the interviewee */
	iv_contact *introduced; /* NULL: the interviewee */
	int nobody;             /* the message has nobody to go to */
	char *chain;            /* see "chain" in draft.h; NULL when empty */
	int which;              /* the iv_template_t */
	int intro_unsure;       /* a thanked introducer was not found on the chain */
	iv__suggestion suggested[MAX_SUGGESTIONS];
	size_t nsuggested;
} sources;

static void sources_free(sources *src)
{
	iv_profile_free(src->me);
	iv_interview_free(src->iv);
	iv_contact_free(src->interviewee);
	iv_contact_free(src->introducer);
	iv_contact_free(src->recipient);
	iv_contact_free(src->introduced);
	free(src->chain);
}

static const iv_contact *to_of(const sources *src)
{
	if (src->nobody)
		return NULL;
	return src->recipient ? src->recipient : src->interviewee;
}

static const iv_contact *introduced_of(const sources *src)
{
	return src->introduced ? src->introduced : src->interviewee;
}

/* Loads your profile, the interview, its interviewee, and the introducer if it names an introduction. */
static int load_interview(sources *src, iv_db *db, const char *interview_id)
{
	iv_intro *in = NULL;
	int error;

	if ((error = iv_interview_lookup(&src->iv, db, interview_id)) < 0 ||
	    (error = iv_contact_lookup(&src->interviewee, db, iv_interview_contact(src->iv))) < 0)
		return error;
	if (!iv_interview_intro(src->iv))
		return 0;
	if ((error = iv_intro_lookup(&in, db, iv_interview_intro(src->iv))) >= 0)
		error = iv_contact_lookup(&src->introducer, db, iv_intro_introducer(in));
	iv_intro_free(in);
	return error;
}

static int load_request(sources *src, iv_db *db, const char *interview_id)
{
	int error = load_interview(src, db, interview_id);

	src->which = src->introducer ? IV_TEMPLATE_REQUEST_INTRODUCED : IV_TEMPLATE_REQUEST;
	return error;
}

/* Appends the contact's name to `b`. */
static int put_name(iv__buf *b, iv_db *db, const char *id)
{
	iv_contact *c = NULL;
	int error;

	if ((error = iv_contact_lookup(&c, db, id)) >= 0)
		iv__buf_puts(b, iv_contact_name(c));
	iv_contact_free(c);
	return error;
}

/* The chain beyond people[k - 1], whom people[k] introduced you to: see "chain" in draft.h. */
static int chain_text(char **out, iv_db *db, const iv__strlist *people, size_t k)
{
	iv__buf b = { NULL, 0, 0, 0 };
	size_t j;
	int error;

	*out = NULL;
	if (k < 2)
		return 0;
	iv__buf_puts(&b, "put me in touch with ");
	error = put_name(&b, db, people->items[k - 2]);
	for (j = k - 2; j-- > 0 && error >= 0;) {
		iv__buf_puts(&b, ", who introduced me to ");
		error = put_name(&b, db, people->items[j]);
	}
	if (error < 0) {
		free(b.p);
		return error;
	}
	return iv__buf_finish(out, &b);
}

/* Whether `by` made an introduction of you to `to`. */
static int made_intro(int *found, iv_db *db, const char *by, const char *to)
{
	iv_intro_filter f = IV_INTRO_FILTER_INIT;
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	int error;

	f.introducer = by;
	f.introduced = to;
	f.status = IV_INTRO_MADE;
	if ((error = iv_intro_list(&it, db, &f)) < 0)
		return error;
	error = iv_intro_iter_next(&in, it);
	*found = error == 0;
	iv_intro_free(in);
	iv_intro_iter_free(it);
	return error == 0 || error == IV_ITEROVER ? 0 : error;
}

/*
 * A thanks to the introducer src->recipient: whom they introduced you to
 * and the rest of the chain, from the interview's chain; the update
 * template if they were thanked for that introduction before.
 */
static int load_introducer(sources *src, iv_db *db, const char *followup_id)
{
	const char *by = iv_contact_id(src->recipient);
	iv__strlist people = { 0 };
	iv_intro *in = NULL;
	int error, thanked = 0, direct = 0;
	long k;

	src->which = IV_TEMPLATE_THANKS_INTRODUCER;
	if (!src->iv) {
		/* Nothing to walk: the latest introduction they made. */
		if ((error = iv__latest_intro_by(&in, db, by)) < 0)
			return error;
		if (!in)
			return iv__error(IV_EINVALID, "followup.interview: follow-up %s names no interview, and %s "
					 "made no introduction to thank them for", followup_id,
					 iv_contact_name(src->recipient));
		error = iv_contact_lookup(&src->introduced, db, iv_intro_introduced(in));
		iv_intro_free(in);
		return error;
	}
	if ((error = iv__intro_chain(&people, db, src->iv)) < 0)
		goto done;
	if ((k = iv__strlist_find_nocase(&people, by)) >= 1) {
		if ((error = iv_contact_lookup(&src->introduced, db, people.items[k - 1])) >= 0 &&
		    (error = chain_text(&src->chain, db, &people, (size_t)k)) >= 0)
			error = iv__introducer_thanked(&thanked, db, by, people.items[k - 1], iv_interview_id(src->iv));
	} else if ((error = made_intro(&direct, db, by, iv_interview_contact(src->iv))) >= 0) {
		/* Not on the chain (a follow-up made by hand): name the interviewee, and say so unless they introduced them. */
		src->intro_unsure = !direct;
	}
	if (thanked)
		src->which = IV_TEMPLATE_INTRODUCER_UPDATE;
done:
	iv__strlist_free(&people);
	return error;
}

/* A nudge to reach out to someone else: the message goes to the first person suggested. */
static int load_other(sources *src, iv_db *db)
{
	const iv_contact *waiting = src->interviewee ? src->interviewee : src->recipient;
	iv__suggestion *first = &src->suggested[0];
	int error;

	src->which = IV_TEMPLATE_NUDGE_OTHER;
	if ((error = iv__suggest_others(src->suggested, &src->nsuggested, MAX_SUGGESTIONS, db, waiting)) < 0)
		return error;
	/* The interviewee stays who did not reply; the introducer becomes the suggested person's. */
	if (!src->interviewee) {
		src->interviewee = src->recipient;
		src->recipient = NULL;
	}
	iv_contact_free(src->recipient);
	iv_contact_free(src->introducer);
	src->recipient = src->introducer = NULL;
	if (!src->nsuggested) {
		src->nobody = 1;
		return 0;
	}
	if ((error = iv_contact_lookup(&src->recipient, db, first->id)) < 0)
		return error;
	return first->via[0] ? iv_contact_lookup(&src->introducer, db, first->via) : 0;
}

static int load_intro(sources *src, iv_db *db, const char *intro_id);

/*
 * Asking for an introduction (a referral, review.c): the introduction
 * request of the introduction its rule names. What the interview said
 * (its medium, its introducer) is about the talk behind, not the one asked
 * for, so it is left out.
 */
static int load_ask_intro(sources *src, iv_db *db, const iv_followup *fu)
{
	const char *rule = iv_followup_rule(fu);
	size_t n = strlen(IV__RULE_ASK_INTRO);

	iv_interview_free(src->iv);
	iv_contact_free(src->interviewee);
	iv_contact_free(src->introducer);
	iv_contact_free(src->recipient);
	src->iv = NULL;
	src->interviewee = src->introducer = src->recipient = NULL;
	if (!rule || strncmp(rule, IV__RULE_ASK_INTRO, n) != 0)
		return iv__error(IV_EINVALID, "followup.rule: follow-up %s names no introduction to ask for "
				 "(its rule is not %s<introduction id>)", iv_followup_id(fu), IV__RULE_ASK_INTRO);
	return load_intro(src, db, rule + n);
}

static int thanks_kind(int kind)
{
	return kind == IV_FOLLOWUP_THANK_YOU || kind == IV_FOLLOWUP_THANK_INTRODUCER;
}

static int is_rule(const iv_followup *fu, const char *rule)
{
	const char *key = iv_followup_rule(fu);
	size_t n = strlen(rule);

	return key && strncmp(key, rule, n) == 0 && key[n] == ':';
}

/* Loads what the draft of a follow-up draws on; `thanks_only` refuses other kinds as iv_draft_thanks() does. */
static int load_followup_as(sources *src, iv_db *db, const char *followup_id, int thanks_only)
{
	iv_followup *fu = NULL;
	int error, kind;

	if ((error = iv_followup_lookup(&fu, db, followup_id)) < 0)
		return error;
	kind = iv_followup_kind(fu);
	if (thanks_only && !thanks_kind(kind))
		error = iv__error(IV_EINVALID, "followup.kind: only thank-you follow-ups have a thank-you draft "
				  "(follow-up %s is a %s)", iv_followup_id(fu), iv_enum_name("followup_kind", kind));
	else if (thanks_only && !iv_followup_interview(fu))
		error = iv__error(IV_EINVALID, "followup.interview: follow-up %s names no interview to thank for",
				  iv_followup_id(fu));
	else if (!iv_followup_interview(fu) || (error = load_interview(src, db, iv_followup_interview(fu))) >= 0)
		error = iv_contact_lookup(&src->recipient, db, iv_followup_contact(fu));
	if (error >= 0) {
		switch (kind) {
		case IV_FOLLOWUP_THANK_YOU:
			src->which = IV_TEMPLATE_THANKS;
			break;
		case IV_FOLLOWUP_THANK_INTRODUCER:
			error = load_introducer(src, db, iv_followup_id(fu));
			break;
		case IV_FOLLOWUP_NUDGE:
			if (is_rule(fu, "nudge_other"))
				error = load_other(src, db);
			else
				src->which = IV_TEMPLATE_NUDGE_FOLLOWUP;
			break;
		case IV_FOLLOWUP_CHECK_IN:
			src->which = IV_TEMPLATE_CHECK_IN;
			break;
		case IV_FOLLOWUP_REPORT_BACK:
			src->which = IV_TEMPLATE_REPORT_BACK;
			break;
		case IV_FOLLOWUP_ASK_INTRO:
			error = load_ask_intro(src, db, fu);
			break;
		default:
			src->which = IV_TEMPLATE_CUSTOM;
			break;
		}
	}
	iv_followup_free(fu);
	return error;
}

static int load_followup(sources *src, iv_db *db, const char *followup_id)
{
	return load_followup_as(src, db, followup_id, 0);
}

static int load_thanks(sources *src, iv_db *db, const char *followup_id)
{
	return load_followup_as(src, db, followup_id, 1);
}

static int load_intro(sources *src, iv_db *db, const char *intro_id)
{
	iv_intro *in = NULL;
	int error, status;

	if ((error = iv_intro_lookup(&in, db, intro_id)) < 0)
		return error;
	status = iv_intro_status(in);
	if (status != IV_INTRO_SUGGESTED && status != IV_INTRO_REQUESTED)
		error = iv__error(IV_EINVALID, "intro.status: introduction %s is %s already; only a suggested or "
				  "requested one is asked for", iv_intro_id(in), iv_enum_name("intro_status", status));
	else if ((error = iv_contact_lookup(&src->recipient, db, iv_intro_introducer(in))) >= 0 &&
		 (error = iv_contact_lookup(&src->introducer, db, iv_intro_introducer(in))) >= 0)
		error = iv_contact_lookup(&src->introduced, db, iv_intro_introduced(in));
	src->which = IV_TEMPLATE_INTRO_REQUEST;
	iv_intro_free(in);
	return error;
}

/* --- The values of the placeholders --------------------------------------- */

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

static char lower(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

static int is_vowel(char ch)
{
	return strchr("aeiou", lower(ch)) != NULL && ch != '\0';
}

/* Whether `s` starts with the word or prefix `w` (ASCII case-insensitively); a word must end there. */
static int starts(const char *s, const char *w, int word)
{
	size_t i;

	for (i = 0; w[i]; i++)
		if (lower(s[i]) != w[i])
			return 0;
	return !word || s[i] == ' ';
}

/*
 * The indefinite article a title takes, with its space: "an Associate", "a
 * Clinical Trial Manager", "a Unit Head", "an MSL", "a CRA"; none for a title
 * that has one ("the Head of ..."). English spelling only roughly tells the
 * sound, so this errs on the common cases.
 */
static const char *article(const char *t)
{
	size_t n, i;

	if (starts(t, "a", 1) || starts(t, "an", 1) || starts(t, "the", 1))
		return "";
	for (n = 0; t[n] && !strchr(" -,/", t[n]); n++)
		;
	/* An acronym reads letter by letter. */
	for (i = 0; i < n && t[i] >= 'A' && t[i] <= 'Z'; i++)
		;
	if (n >= 2 && i == n)
		return strchr("AEFHILMNORSX", t[0]) ? "an " : "a ";
	switch (lower(t[0])) {
	case 'a': case 'i':
		return "an ";
	case 'e':
		return starts(t, "eu", 0) || starts(t, "ewe", 0) ? "a " : "an ";
	case 'o':
		return starts(t, "one", 0) || starts(t, "once", 0) ? "a " : "an ";
	case 'u':
		/* "a unit", "a user", "a urologist"; "an underwriter", "an ultrasound technician" */
		return n >= 3 && !is_vowel(t[1]) && is_vowel(t[2]) ? "a " : "an ";
	case 'h':
		return starts(t, "hour", 0) || starts(t, "honest", 0) || starts(t, "honor", 0) ||
		       starts(t, "honour", 0) || starts(t, "heir", 0) ? "an " : "a ";
	default:
		return "a ";
	}
}

/* The strings computed for a draft, freed with it. */
typedef struct {
	char *advice_list, *resources, *resources_list, *greeting, *contact_a_title, *introduced_a_title;
} computed;

static void computed_free(computed *c)
{
	free(c->advice_list);
	free(c->resources);
	free(c->resources_list);
	free(c->greeting);
	free(c->contact_a_title);
	free(c->introduced_a_title);
}

/* Every item, one per line, "- " first; empty when there is none. */
static int item_list(char **out, size_t n, const char *(*at)(const iv_interview *, size_t), const iv_interview *iv)
{
	iv__buf b = { NULL, 0, 0, 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		iv__buf_puts(&b, i ? "\n- " : "- ");
		iv__buf_puts(&b, at(iv, i));
	}
	return iv__buf_finish(out, &b);
}

/* The resources in a sentence: "A", "A and B", "A, B and C". */
static int resources_inline(char **out, const iv_interview *iv)
{
	size_t i, n = iv_interview_resource_count(iv);
	iv__buf b = { NULL, 0, 0, 0 };

	for (i = 0; i < n; i++) {
		iv__tval v = fragment_value(iv_interview_resource_at(iv, i));

		if (i)
			iv__buf_puts(&b, i + 1 == n ? " and " : ", ");
		iv__buf_put(&b, v.s, v.len);
	}
	return iv__buf_finish(out, &b);
}

/* "a " and the title, or NULL without a title. */
static int with_article(char **out, const iv_contact *c)
{
	const char *title = c ? iv_contact_title(c) : NULL;
	iv__buf b = { NULL, 0, 0, 0 };

	*out = NULL;
	if (!title || !*title)
		return 0;
	iv__buf_puts(&b, article(title));
	iv__buf_puts(&b, title);
	return iv__buf_finish(out, &b);
}

static int greeting(char **out, const iv_contact *to)
{
	iv__buf b = { NULL, 0, 0, 0 };
	iv__tval first = first_name_value(to ? iv_contact_name(to) : NULL);

	if (!first.len) {
		iv__buf_puts(&b, "Hello");
	} else {
		iv__buf_puts(&b, iv_contact_known(to) == IV_KNOWN_DIRECT ? "Hi " : "Dear ");
		iv__buf_put(&b, first.s, first.len);
	}
	return iv__buf_finish(out, &b);
}

static const char *medium_phrase(const iv_interview *iv)
{
	switch (iv ? iv_interview_medium(iv) : IV_MEDIUM_UNSET) {
	case IV_MEDIUM_PHONE: return "by phone";
	case IV_MEDIUM_VIDEO: return "by video call";
	case IV_MEDIUM_IN_PERSON: return "in person, perhaps over coffee";
	default: return "by phone or video";
	}
}

static int values(iv__tval v[IV__T_COUNT], computed *c, const sources *src)
{
	const iv_contact *to = to_of(src), *introduced = introduced_of(src);
	const char *me_name = iv_profile_name(src->me);
	const iv_interview *iv = src->iv;
	size_t nadvice = iv ? iv_interview_advice_count(iv) : 0;
	size_t nresources = iv ? iv_interview_resource_count(iv) : 0;
	int error;

	if ((error = item_list(&c->advice_list, nadvice, iv_interview_advice_at, iv)) < 0 ||
	    (error = item_list(&c->resources_list, nresources, iv_interview_resource_at, iv)) < 0 ||
	    (iv && (error = resources_inline(&c->resources, iv)) < 0) ||
	    (error = greeting(&c->greeting, to)) < 0 ||
	    (error = with_article(&c->contact_a_title, to)) < 0 ||
	    (error = with_article(&c->introduced_a_title, introduced)) < 0)
		return error;
	v[IV__T_ME_NAME] = text_value(me_name ? me_name : NAME_TO_FILL);
	v[IV__T_ME_FIRST_NAME] = me_name ? first_name_value(me_name) : text_value(NAME_TO_FILL);
	v[IV__T_ME_BACKGROUND] = fragment_value(iv_profile_background(src->me));
	v[IV__T_ME_EXPLORING] = fragment_value(iv_profile_exploring(src->me));
	person_values(&v[IV__T_CONTACT_NAME], &v[IV__T_CONTACT_FIRST_NAME], to);
	v[IV__T_CONTACT_COMPANY] = text_value(to ? iv_contact_company(to) : NULL);
	v[IV__T_CONTACT_TITLE] = text_value(to ? iv_contact_title(to) : NULL);
	v[IV__T_CONTACT_A_TITLE] = text_value(c->contact_a_title);
	v[IV__T_CONTACT_DIRECT] = text_value(to && iv_contact_known(to) == IV_KNOWN_DIRECT ? "yes" : NULL);
	v[IV__T_GREETING] = text_value(c->greeting);
	v[IV__T_PURPOSE] = fragment_value(iv ? iv_interview_purpose(iv) : NULL);
	v[IV__T_MEDIUM] = text_value(medium_phrase(iv));
	person_values(&v[IV__T_INTERVIEWEE_NAME], &v[IV__T_INTERVIEWEE_FIRST_NAME], src->interviewee);
	person_values(&v[IV__T_INTRODUCER_NAME], &v[IV__T_INTRODUCER_FIRST_NAME], src->introducer);
	person_values(&v[IV__T_INTRODUCED_NAME], &v[IV__T_INTRODUCED_FIRST_NAME], introduced);
	v[IV__T_INTRODUCED_COMPANY] = text_value(introduced ? iv_contact_company(introduced) : NULL);
	v[IV__T_INTRODUCED_TITLE] = text_value(introduced ? iv_contact_title(introduced) : NULL);
	v[IV__T_INTRODUCED_A_TITLE] = text_value(c->introduced_a_title);
	v[IV__T_CHAIN] = text_value(src->chain);
	v[IV__T_ADVICE] = fragment_value(nadvice ? iv_interview_advice_at(iv, 0) : NULL);
	v[IV__T_ADVICE_LIST] = text_value(c->advice_list);
	v[IV__T_RESOURCES] = text_value(c->resources);
	v[IV__T_RESOURCES_LIST] = text_value(c->resources_list);
	v[IV__T_OUTCOME] = text_value(OUTCOME_TO_FILL);
	return 0;
}

/* --- Warnings ----------------------------------------------------------------- */

/* Adds a warning about `field` of `record` (NULL: none), once per field and record. */
static int warn(iv_draft *d, const char *field, const char *record, const char *fmt, ...) IV_PRINTF(4, 5);

static int warn(iv_draft *d, const char *field, const char *record, const char *fmt, ...)
{
	char msg[3 * IV_LIMIT_SHORT];
	va_list ap;
	size_t i;
	int error;

	for (i = 0; i < d->fields.count; i++)
		if (strcmp(d->fields.items[i], field) == 0 &&
		    (record ? d->records.items[i] && strcmp(d->records.items[i], record) == 0 : !d->records.items[i]))
			return 0;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if ((error = iv__strlist_insert(&d->warnings, d->warnings.count, msg)) < 0 ||
	    (error = iv__strlist_insert(&d->fields, d->fields.count, field)) < 0 ||
	    (error = iv__strlist_insert(&d->records, d->records.count, record)) < 0)
		return iv__oom();
	return 0;
}

static int empty(const char *s)
{
	return !s || !*s;
}

/* The warnings about a person's title and company, if the template used them. */
static int person_warnings(iv_draft *d, const iv_contact *c, iv__tmask used, iv__tmask title, iv__tmask company)
{
	int error = 0;

	if (!c)
		return 0;
	if ((used & title) && empty(iv_contact_title(c)))
		error = warn(d, "contact.title", iv_contact_id(c), "contact.title is empty for %s: set their job title",
			     iv_contact_name(c));
	if (error >= 0 && (used & company) && empty(iv_contact_company(c)))
		error = warn(d, "contact.company", iv_contact_id(c), "contact.company is empty for %s: set where they work",
			     iv_contact_name(c));
	return error;
}

/* What the message still needs: the empty fields the template used, and more. */
static int warnings(iv_draft *d, const sources *src, const iv__tval *v, iv__tmask used)
{
	const iv_contact *to = to_of(src);
	const iv_interview *iv = src->iv;
	const char *about = src->interviewee ? iv_contact_name(src->interviewee) : "them";
	int error = 0;

	if ((used & (IV__TBIT(IV__T_ME_NAME) | IV__TBIT(IV__T_ME_FIRST_NAME))) && empty(iv_profile_name(src->me)))
		error = warn(d, "profile.name", NULL, "profile.name is empty: the draft says %s until you set your name",
			     NAME_TO_FILL);
	if (error >= 0 && (used & IV__TBIT(IV__T_ME_BACKGROUND)) && !v[IV__T_ME_BACKGROUND].len)
		error = warn(d, "profile.background", NULL, "profile.background is empty: set it with your background");
	if (error >= 0 && (used & IV__TBIT(IV__T_ME_EXPLORING)) && !v[IV__T_ME_EXPLORING].len)
		error = warn(d, "profile.exploring", NULL, "profile.exploring is empty: set what you are exploring");
	if (error >= 0)
		error = person_warnings(d, to, used, IV__TBIT(IV__T_CONTACT_TITLE) | IV__TBIT(IV__T_CONTACT_A_TITLE),
					IV__TBIT(IV__T_CONTACT_COMPANY));
	if (error >= 0)
		error = person_warnings(d, introduced_of(src), used,
					IV__TBIT(IV__T_INTRODUCED_TITLE) | IV__TBIT(IV__T_INTRODUCED_A_TITLE),
					IV__TBIT(IV__T_INTRODUCED_COMPANY));
	if (error >= 0 && iv && (used & IV__TBIT(IV__T_PURPOSE)) && !v[IV__T_PURPOSE].len)
		error = warn(d, "interview.purpose", iv_interview_id(iv),
			     "interview.purpose is empty: say what you want to learn from %s", about);
	if (error >= 0 && iv && (used & (IV__TBIT(IV__T_ADVICE) | IV__TBIT(IV__T_ADVICE_LIST))) &&
	    !iv_interview_advice_count(iv))
		error = warn(d, "interview.advice", iv_interview_id(iv),
			     "interview.advice is empty: record the advice %s gave, so that the message can cite it", about);
	if (error >= 0 && (used & IV__TBIT(IV__T_OUTCOME)))
		error = warn(d, "text", NULL, "text: replace %s with what you did with the advice, and how it went",
			     OUTCOME_TO_FILL);
	if (error >= 0 && to && !iv_contact_email_count(to))
		error = warn(d, "contact.email", iv_contact_id(to),
			     "contact.email is empty for %s: add their e-mail address for the To: line", iv_contact_name(to));
	if (error >= 0 && src->intro_unsure)
		error = warn(d, "intro", iv_contact_id(src->recipient), "intro: no introduction by %s leads to %s; "
			     "the draft thanks them for introducing you to %s", iv_contact_name(src->recipient), about, about);
	if (error >= 0 && src->which == IV_TEMPLATE_NUDGE_OTHER && !src->nsuggested)
		error = warn(d, "network", NULL, "network: nobody you know, or could be introduced to, is left to "
			     "suggest; add the people you know%s%s", src->interviewee && iv_contact_company(src->interviewee)
			     ? ", at " : "", src->interviewee && iv_contact_company(src->interviewee)
			     ? iv_contact_company(src->interviewee) : "");
	return error;
}

/* --- Making a draft ------------------------------------------------------- */

void iv_draft_free(iv_draft *d)
{
	if (!d)
		return;
	free(d->text);
	free(d->subject);
	free(d->to);
	iv__strlist_free(&d->warnings);
	iv__strlist_free(&d->fields);
	iv__strlist_free(&d->records);
	iv__strlist_free(&d->suggestions);
	free(d);
}

/* Fills the draft from `tmpl` (NULL: the built-in of the kind). */
static int make(iv_draft *d, const sources *src, const char *tmpl)
{
	const char *builtin = iv_draft_default_template(src->which);
	const iv_contact *to = to_of(src);
	iv__tval v[IV__T_COUNT];
	computed c = { NULL, NULL, NULL, NULL, NULL, NULL };
	char *subject = NULL, *body = NULL;
	iv__tmask used = 0;
	size_t i;
	int error;

	if ((error = values(v, &c, src)) < 0 ||
	    (error = iv__template_fill(&d->subject, &d->text, &used, tmpl ? tmpl : builtin, v)) < 0)
		goto done;
	/* A template with no subject of its own takes the built-in's. */
	if (!d->subject) {
		if ((error = iv__template_fill(&subject, &body, NULL, builtin, v)) < 0)
			goto done;
		d->subject = subject;
		subject = NULL;
	}
	d->which = src->which;
	if (to) {
		memcpy(d->contact, iv_contact_id(to), IV_ID_LEN + 1);
		if (iv_contact_email_count(to) && !(d->to = iv__strdup(iv_contact_email_at(to, 0)))) {
			error = IV_ENOMEM;
			goto done;
		}
	}
	for (i = 0; i < src->nsuggested && error >= 0; i++)
		if (iv__strlist_insert(&d->suggestions, i, src->suggested[i].id) < 0)
			error = iv__oom();
	if (error >= 0)
		error = warnings(d, src, v, used);
done:
	free(subject);
	free(body);
	computed_free(&c);
	return error;
}

typedef int (*loader)(sources *src, iv_db *db, const char *id);

static int compose(iv_draft **out, iv_db *db, const char *id, const iv_draft_options *opts, loader load)
{
	sources src;
	const char *tmpl;
	char *stored = NULL;
	iv_draft *d;
	int error;

	*out = NULL;
	if ((error = custom_template(&tmpl, opts)) < 0)
		return error;
	if (!(d = calloc(1, sizeof(*d))))
		return iv__oom();
	memset(&src, 0, sizeof(src));
	/* One snapshot of the records the draft is made of. */
	if ((error = iv__tx_begin(db)) >= 0) {
		if ((error = iv_profile_get(&src.me, db)) >= 0 && (error = load(&src, db, id)) >= 0 && !tmpl &&
		    (error = iv__store_template(&stored, db, src.which)) >= 0)
			tmpl = stored;
		error = iv__tx_end(db, error);
	}
	if (error >= 0)
		error = make(d, &src, tmpl);
	free(stored);
	sources_free(&src);
	if (error < 0) {
		iv_draft_free(d);
		return error;
	}
	*out = d;
	return 0;
}

/* The text alone, for the functions that give only that. */
static int text_of(char **out, iv_db *db, const char *id, const iv_draft_options *opts, loader load)
{
	iv_draft *d = NULL;
	int error = compose(&d, db, id, opts, load);

	if (error >= 0) {
		*out = d->text;
		d->text = NULL;
	}
	iv_draft_free(d);
	return error;
}

static int draft_request_unguarded(char **out, iv_db *db, const char *interview_id, const iv_draft_options *opts)
{
	IV__ARG_OF("iv_draft_request", out);
	*out = NULL;
	IV__ARG_OF("iv_draft_request", db);
	IV__ARG_OF("iv_draft_request", interview_id);
	return text_of(out, db, interview_id, opts, load_request);
}

int iv_draft_request(char **out, iv_db *db, const char *interview_id, const iv_draft_options *opts)
{
	IV__GUARDED(db, "iv_draft_request", draft_request_unguarded(out, db, interview_id, opts));
}

static int draft_thanks_unguarded(char **out, iv_db *db, const char *followup_id, const iv_draft_options *opts)
{
	IV__ARG_OF("iv_draft_thanks", out);
	*out = NULL;
	IV__ARG_OF("iv_draft_thanks", db);
	IV__ARG_OF("iv_draft_thanks", followup_id);
	return text_of(out, db, followup_id, opts, load_thanks);
}

int iv_draft_thanks(char **out, iv_db *db, const char *followup_id, const iv_draft_options *opts)
{
	IV__GUARDED(db, "iv_draft_thanks", draft_thanks_unguarded(out, db, followup_id, opts));
}

/* The body of the functions that give a draft: `fn` names them in messages. */
static int draft_unguarded(const char *fn, iv_draft **out, iv_db *db, const char *id, const iv_draft_options *opts,
			   loader load)
{
	IV__ARG_OF(fn, out);
	*out = NULL;
	IV__ARG_OF(fn, db);
	IV__ARG_OF(fn, id);
	return compose(out, db, id, opts, load);
}

int iv_draft_followup(iv_draft **out, iv_db *db, const char *followup_id, const iv_draft_options *opts)
{
	IV__GUARDED(db, "iv_draft_followup",
		    draft_unguarded("iv_draft_followup", out, db, followup_id, opts, load_followup));
}

int iv_draft_interview_request(iv_draft **out, iv_db *db, const char *interview_id, const iv_draft_options *opts)
{
	IV__GUARDED(db, "iv_draft_interview_request",
		    draft_unguarded("iv_draft_interview_request", out, db, interview_id, opts, load_request));
}

int iv_draft_intro_request(iv_draft **out, iv_db *db, const char *intro_id, const iv_draft_options *opts)
{
	IV__GUARDED(db, "iv_draft_intro_request",
		    draft_unguarded("iv_draft_intro_request", out, db, intro_id, opts, load_intro));
}

/* --- Getters -------------------------------------------------------------- */

const char *iv_draft_text(const iv_draft *d)
{
	return d ? d->text : NULL;
}

const char *iv_draft_subject(const iv_draft *d)
{
	return d ? d->subject : NULL;
}

const char *iv_draft_to(const iv_draft *d)
{
	return d ? d->to : NULL;
}

const char *iv_draft_contact(const iv_draft *d)
{
	return d && d->contact[0] ? d->contact : NULL;
}

int iv_draft_kind(const iv_draft *d)
{
	return d ? d->which : 0;
}

size_t iv_draft_warning_count(const iv_draft *d)
{
	return d ? d->warnings.count : 0;
}

const char *iv_draft_warning_at(const iv_draft *d, size_t i)
{
	return d && i < d->warnings.count ? d->warnings.items[i] : NULL;
}

const char *iv_draft_warning_field_at(const iv_draft *d, size_t i)
{
	return d && i < d->fields.count ? d->fields.items[i] : NULL;
}

const char *iv_draft_warning_record_at(const iv_draft *d, size_t i)
{
	return d && i < d->records.count ? d->records.items[i] : NULL;
}

size_t iv_draft_suggestion_count(const iv_draft *d)
{
	return d ? d->suggestions.count : 0;
}

const char *iv_draft_suggestion_at(const iv_draft *d, size_t i)
{
	return d && i < d->suggestions.count ? d->suggestions.items[i] : NULL;
}

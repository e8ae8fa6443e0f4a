/*
 * Interviews: the record with its questions, advice and resources, its
 * setters' rules and its completeness check.
 */
#include <stdlib.h>

#include "infoview/sys/backend.h"
#include "records.h"
#include "util.h"

/* The text fields live in one list, so that dup and free take them at once. */
enum { I_ID, I_CONTACT, I_INTRO, I_PURPOSE, I_NOTES, I_NTEXT };

#define MIN_MINUTES 1
#define MAX_MINUTES 600
#define QUESTION "interview.question"

struct iv_interview {
	int64_t number;   /* the short reference; 0 until stored */
	iv__strlist text;       /* I_NTEXT entries, NULL when unset */
	iv__strlist questions;
	iv__strlist answers;    /* one per question, NULL when unanswered */
	iv__strlist advice;
	iv__strlist resources;
	iv_time created, updated, scheduled_at;
	iv_time status_at[IV_INTERVIEW_CANCELLED + 1]; /* indexed by status */
	int medium;
	int minutes;
	int status;
};

/* What iv_interview_new() gives: a copy of this. */
static char *no_text[I_NTEXT];
static const iv_interview blank = {
	.text = { no_text, I_NTEXT, I_NTEXT },
	.medium = IV_MEDIUM_UNSET,
	.minutes = IV_INTERVIEW_DEFAULT_MINUTES,
	.status = IV_INTERVIEW_PLANNED,
};

int iv_interview_new(iv_interview **out)
{
	IV__ARG(out);
	return iv_interview_dup(out, &blank);
}

int iv_interview_dup(iv_interview **out, const iv_interview *iv)
{
	iv_interview *d;

	IV__ARG(out);
	IV__ARG(iv);
	if (!(d = malloc(sizeof(*d))))
		return iv__oom();
	*d = *iv;
	d->text = d->questions = d->answers = d->advice = d->resources =
		(iv__strlist){ NULL, 0, 0 };
	if (iv__strlist_copy(&d->text, &iv->text) < 0 ||
	    iv__strlist_copy(&d->questions, &iv->questions) < 0 ||
	    iv__strlist_copy(&d->answers, &iv->answers) < 0 ||
	    iv__strlist_copy(&d->advice, &iv->advice) < 0 ||
	    iv__strlist_copy(&d->resources, &iv->resources) < 0) {
		iv_interview_free(d);
		return IV_ENOMEM;
	}
	*out = d;
	return 0;
}

void iv_interview_free(iv_interview *iv)
{
	if (!iv)
		return;
	iv__strlist_free(&iv->text);
	iv__strlist_free(&iv->questions);
	iv__strlist_free(&iv->answers);
	iv__strlist_free(&iv->advice);
	iv__strlist_free(&iv->resources);
	free(iv);
}

const char *iv_interview_id(const iv_interview *iv)
{
	return iv ? iv->text.items[I_ID] : NULL;
}

int iv_interview_set_id(iv_interview *iv, const char *id)
{
	IV__ARG(iv);
	return iv__set_id(&iv->text.items[I_ID], "interview.id", id, 1);
}

iv_time iv_interview_created(const iv_interview *iv)
{
	return iv ? iv->created : 0;
}

iv_time iv_interview_updated(const iv_interview *iv)
{
	return iv ? iv->updated : 0;
}

int64_t iv_interview_number(const iv_interview *iv)
{
	return iv ? iv->number : 0;
}

int iv_interview_set_number(iv_interview *iv, int64_t number)
{
	IV__ARG(iv);
	if (number < 0)
		return iv__error(IV_EINVALID, "interview.number: %lld is negative", (long long)number);
	iv->number = number;
	return 0;
}

void iv_interview_set_times(iv_interview *iv, iv_time created, iv_time updated)
{
	if (!iv)
		return;
	iv->created = created;
	iv->updated = updated;
}

const char *iv_interview_contact(const iv_interview *iv)
{
	return iv ? iv->text.items[I_CONTACT] : NULL;
}

int iv_interview_set_contact(iv_interview *iv, const char *contact_id)
{
	IV__ARG(iv);
	return iv__set_id(&iv->text.items[I_CONTACT], "interview.contact", contact_id, 0);
}

const char *iv_interview_intro(const iv_interview *iv)
{
	return iv ? iv->text.items[I_INTRO] : NULL;
}

int iv_interview_set_intro(iv_interview *iv, const char *intro_id)
{
	IV__ARG(iv);
	return iv__set_id(&iv->text.items[I_INTRO], "interview.intro", intro_id, 1);
}

const char *iv_interview_purpose(const iv_interview *iv)
{
	return iv ? iv->text.items[I_PURPOSE] : NULL;
}

int iv_interview_set_purpose(iv_interview *iv, const char *purpose)
{
	IV__ARG(iv);
	return iv__set_text(&iv->text.items[I_PURPOSE], "interview.purpose", purpose, IV_LIMIT_TEXT, 0);
}

const char *iv_interview_notes(const iv_interview *iv)
{
	return iv ? iv->text.items[I_NOTES] : NULL;
}

int iv_interview_set_notes(iv_interview *iv, const char *notes)
{
	IV__ARG(iv);
	return iv__set_text(&iv->text.items[I_NOTES], "interview.notes", notes, IV_LIMIT_TEXT, 0);
}

int iv_interview_medium(const iv_interview *iv)
{
	return iv ? iv->medium : 0;
}

int iv_interview_set_medium(iv_interview *iv, int medium)
{
	IV__ARG(iv);
	int error = iv__check_enum("interview.medium", "medium", medium);

	if (error < 0)
		return error;
	iv->medium = medium;
	return 0;
}

iv_time iv_interview_scheduled_at(const iv_interview *iv)
{
	return iv ? iv->scheduled_at : 0;
}

int iv_interview_set_scheduled_at(iv_interview *iv, iv_time when)
{
	int error;

	IV__ARG(iv);
	if ((error = iv__check_time("interview.scheduled_at", when)) < 0)
		return error;
	iv->scheduled_at = when;
	return 0;
}

int iv_interview_minutes(const iv_interview *iv)
{
	return iv ? iv->minutes : 0;
}

int iv_interview_set_minutes(iv_interview *iv, int minutes)
{
	IV__ARG(iv);
	if (minutes < MIN_MINUTES || minutes > MAX_MINUTES)
		return iv__error(IV_EINVALID, "interview.minutes: %d is not between %d and %d",
				 minutes, MIN_MINUTES, MAX_MINUTES);
	iv->minutes = minutes;
	return 0;
}

int iv_interview_status(const iv_interview *iv)
{
	return iv ? iv->status : 0;
}

int iv_interview_set_status(iv_interview *iv, int status)
{
	IV__ARG(iv);
	int error = iv__check_enum("interview.status", "interview_status", status);

	if (error < 0)
		return error;
	iv->status = status;
	return 0;
}

iv_time iv_interview_status_at(const iv_interview *iv, int status)
{
	if (!iv || status < IV_INTERVIEW_PLANNED || status > IV_INTERVIEW_CANCELLED)
		return 0;
	/* Every interview was planned once, at the latest when it was stored. */
	if (status == IV_INTERVIEW_PLANNED && !iv->status_at[status])
		return iv->created;
	return iv->status_at[status];
}

int iv_interview_set_status_at(iv_interview *iv, int status, iv_time when)
{
	IV__ARG(iv);
	int error = iv__check_enum("interview.status_at", "interview_status", status);

	if (error < 0 || (error = iv__check_time("interview.status_at", when)) < 0)
		return error;
	iv->status_at[status] = when;
	return 0;
}

static const char *at(const iv__strlist *l, size_t i)
{
	return i < l->count ? l->items[i] : NULL;
}

/* Questions, advice and resources: lists of texts that must not be blank. */
static int check_item(const iv__strlist *l, const char *field, const char *s)
{
	if (l->count >= IV_LIMIT_LIST)
		return iv__error(IV_EINVALID, "%s: too many (at most %d)", field, IV_LIMIT_LIST);
	return iv__check_text(field, s ? s : "", IV_LIMIT_TEXT, IV__NONBLANK);
}

static int add_item(iv__strlist *l, const char *field, const char *s)
{
	int error = check_item(l, field, s);

	return error < 0 ? error : iv__strlist_insert(l, l->count, s);
}

static int remove_item(iv__strlist *l, const char *field, size_t i)
{
	int error = iv__check_index(field, i, l->count);

	if (error < 0)
		return error;
	iv__strlist_remove(l, i);
	return 0;
}

size_t iv_interview_question_count(const iv_interview *iv)
{
	return iv ? iv->questions.count : 0;
}

const char *iv_interview_question_at(const iv_interview *iv, size_t i)
{
	return iv ? at(&iv->questions, i) : NULL;
}

const char *iv_interview_answer_at(const iv_interview *iv, size_t i)
{
	return iv ? at(&iv->answers, i) : NULL;
}

int iv_interview_add_question(iv_interview *iv, const char *question)
{
	IV__ARG(iv);
	return iv_interview_insert_question(iv, iv->questions.count, question);
}

int iv_interview_insert_question(iv_interview *iv, size_t i, const char *question)
{
	IV__ARG(iv);
	size_t count = iv->questions.count;
	int error;

	/* Inserting at the count appends, so only a larger index is out of range. */
	if (i != count && (error = iv__check_index(QUESTION, i, count)) < 0)
		return error;
	if ((error = check_item(&iv->questions, QUESTION, question)) < 0 ||
	    (error = iv__strlist_insert(&iv->questions, i, question)) < 0)
		return error;
	if ((error = iv__strlist_insert(&iv->answers, i, NULL)) < 0) {
		iv__strlist_remove(&iv->questions, i);
		return error;
	}
	return 0;
}

int iv_interview_set_question(iv_interview *iv, size_t i, const char *question)
{
	IV__ARG(iv);
	int error = iv__check_index(QUESTION, i, iv->questions.count);

	if (error < 0)
		return error;
	return iv__set_text(&iv->questions.items[i], QUESTION, question, IV_LIMIT_TEXT, IV__NONBLANK);
}

int iv_interview_set_answer(iv_interview *iv, size_t i, const char *answer)
{
	IV__ARG(iv);
	int error = iv__check_index("interview.answer", i, iv->answers.count);

	if (error < 0)
		return error;
	return iv__set_text(&iv->answers.items[i], "interview.answer", answer, IV_LIMIT_TEXT, 0);
}

int iv_interview_move_question(iv_interview *iv, size_t from, size_t to)
{
	IV__ARG(iv);
	int error;

	if ((error = iv__check_index(QUESTION, from, iv->questions.count)) < 0 ||
	    (error = iv__check_index(QUESTION, to, iv->questions.count)) < 0)
		return error;
	iv__strlist_move(&iv->questions, from, to);
	iv__strlist_move(&iv->answers, from, to);
	return 0;
}

int iv_interview_remove_question(iv_interview *iv, size_t i)
{
	IV__ARG(iv);
	int error = remove_item(&iv->questions, QUESTION, i);

	if (error == 0)
		iv__strlist_remove(&iv->answers, i);
	return error;
}

size_t iv_interview_advice_count(const iv_interview *iv)
{
	return iv ? iv->advice.count : 0;
}

const char *iv_interview_advice_at(const iv_interview *iv, size_t i)
{
	return iv ? at(&iv->advice, i) : NULL;
}

int iv_interview_add_advice(iv_interview *iv, const char *advice)
{
	IV__ARG(iv);
	return add_item(&iv->advice, "interview.advice", advice);
}

int iv_interview_remove_advice(iv_interview *iv, size_t i)
{
	IV__ARG(iv);
	return remove_item(&iv->advice, "interview.advice", i);
}

size_t iv_interview_resource_count(const iv_interview *iv)
{
	return iv ? iv->resources.count : 0;
}

const char *iv_interview_resource_at(const iv_interview *iv, size_t i)
{
	return iv ? at(&iv->resources, i) : NULL;
}

int iv_interview_add_resource(iv_interview *iv, const char *resource)
{
	IV__ARG(iv);
	return add_item(&iv->resources, "interview.resource", resource);
}

int iv_interview_remove_resource(iv_interview *iv, size_t i)
{
	IV__ARG(iv);
	return remove_item(&iv->resources, "interview.resource", i);
}

int iv__interview_check(const iv_interview *iv)
{
	if (!iv->text.items[I_CONTACT])
		return iv__error(IV_EINVALID, "interview.contact: is required");
	return 0;
}

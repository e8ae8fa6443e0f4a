/*
 * Follow-ups: the record, its setters' rules and its completeness check.
 */
#include <stdlib.h>
#include <string.h>

#include "infoview/sys/backend.h"
#include "records.h"
#include "util.h"


/* What iv_followup_new() gives: a copy of this. */
static char *no_text[IV__F_NTEXT];
static const iv_followup blank = {
	.text = { no_text, IV__F_NTEXT, IV__F_NTEXT },
	.kind = IV_FOLLOWUP_CUSTOM,
	.status = IV_FOLLOWUP_PENDING,
};

int iv_followup_new(iv_followup **out)
{
	IV__ARG(out);
	return iv_followup_dup(out, &blank);
}

int iv_followup_dup(iv_followup **out, const iv_followup *fu)
{
	iv_followup *d;

	IV__ARG(out);
	IV__ARG(fu);
	if (!(d = malloc(sizeof(*d))))
		return iv__oom();
	*d = *fu;
	d->text = (iv__strlist){ NULL, 0, 0 };
	if (iv__strlist_copy(&d->text, &fu->text) < 0) {
		free(d);
		return IV_ENOMEM;
	}
	/*
	 * Not the name read with it: a backend keeping copies (the memory one)
	 * would otherwise store it.
	 */
	free(d->text.items[IV__F_CONTACT_NAME]);
	d->text.items[IV__F_CONTACT_NAME] = NULL;
	d->contact_record = NULL;
	*out = d;
	return 0;
}

void iv_followup_free(iv_followup *fu)
{
	if (!fu)
		return;
	iv__strlist_free(&fu->text);
	iv_contact_free(fu->contact_record);
	free(fu);
}

void iv__followup_attach_contact(iv_followup *fu, iv_contact *c)
{
	iv_contact_free(fu->contact_record);
	fu->contact_record = c;
}

int iv_followup_attach_contact(iv_followup *fu, iv_contact *c)
{
	const char *want = iv_followup_contact(fu), *got = iv_contact_id(c);

	if (!fu || !c) {
		iv_contact_free(c);
		return iv__error(IV_EINVALID, "iv_followup_attach_contact: argument '%s' is NULL", fu ? "c" : "fu");
	}
	if (!want || !got || iv__ascii_casecmp(want, got) != 0) {
		iv__error(IV_EINVALID, "iv_followup_attach_contact: contact %s is not the one the follow-up names (%s)",
			  got ? got : "without an id", want ? want : "none");
		iv_contact_free(c);
		return IV_EINVALID;
	}
	iv__followup_attach_contact(fu, c);
	return 0;
}

iv_contact *iv__followup_take_contact(iv_followup *fu)
{
	iv_contact *c = fu->contact_record;

	fu->contact_record = NULL;
	return c;
}

const char *iv_followup_id(const iv_followup *fu)
{
	return fu ? fu->text.items[IV__F_ID] : NULL;
}

int iv_followup_set_id(iv_followup *fu, const char *id)
{
	IV__ARG(fu);
	return iv__set_id(&fu->text.items[IV__F_ID], "followup.id", id, 1);
}

iv_time iv_followup_created(const iv_followup *fu)
{
	return fu ? fu->created : 0;
}

iv_time iv_followup_updated(const iv_followup *fu)
{
	return fu ? fu->updated : 0;
}

int64_t iv_followup_number(const iv_followup *fu)
{
	return fu ? fu->number : 0;
}

int iv_followup_set_number(iv_followup *fu, int64_t number)
{
	IV__ARG(fu);
	if (number < 0)
		return iv__error(IV_EINVALID, "followup.number: %lld is negative", (long long)number);
	fu->number = number;
	return 0;
}

void iv_followup_set_times(iv_followup *fu, iv_time created, iv_time updated)
{
	if (!fu)
		return;
	fu->created = created;
	fu->updated = updated;
}

const char *iv_followup_contact(const iv_followup *fu)
{
	return fu ? fu->text.items[IV__F_CONTACT] : NULL;
}

int iv_followup_set_contact(iv_followup *fu, const char *contact_id)
{
	int error, same;

	IV__ARG(fu);
	same = fu->text.items[IV__F_CONTACT] && contact_id && strcmp(fu->text.items[IV__F_CONTACT], contact_id) == 0;
	if ((error = iv__set_id(&fu->text.items[IV__F_CONTACT], "followup.contact", contact_id, 0)) < 0)
		return error;
	/* The name read with the record was the old contact's. */
	if (!same) {
		free(fu->text.items[IV__F_CONTACT_NAME]);
		fu->text.items[IV__F_CONTACT_NAME] = NULL;
	}
	return 0;
}

const char *iv_followup_interview(const iv_followup *fu)
{
	return fu ? fu->text.items[IV__F_INTERVIEW] : NULL;
}

int iv_followup_set_interview(iv_followup *fu, const char *interview_id)
{
	IV__ARG(fu);
	return iv__set_id(&fu->text.items[IV__F_INTERVIEW], "followup.interview", interview_id, 1);
}

int iv_followup_kind(const iv_followup *fu)
{
	return fu ? fu->kind : 0;
}

int iv_followup_set_kind(iv_followup *fu, int kind)
{
	IV__ARG(fu);
	int error = iv__check_enum("followup.kind", "followup_kind", kind);

	if (error < 0)
		return error;
	fu->kind = kind;
	return 0;
}

int iv_followup_status(const iv_followup *fu)
{
	return fu ? fu->status : 0;
}

int iv_followup_set_status(iv_followup *fu, int status)
{
	IV__ARG(fu);
	int error = iv__check_enum("followup.status", "followup_status", status);

	if (error < 0)
		return error;
	fu->status = status;
	return 0;
}

iv_time iv_followup_earliest(const iv_followup *fu)
{
	return fu ? fu->earliest : 0;
}

int iv_followup_set_earliest(iv_followup *fu, iv_time when)
{
	int error;

	IV__ARG(fu);
	if ((error = iv__check_time("followup.earliest", when)) < 0)
		return error;
	fu->earliest = when;
	return 0;
}

iv_time iv_followup_due(const iv_followup *fu)
{
	return fu ? fu->due : 0;
}

int iv_followup_set_due(iv_followup *fu, iv_time when)
{
	int error;

	IV__ARG(fu);
	if ((error = iv__check_time("followup.due", when)) < 0)
		return error;
	fu->due = when;
	return 0;
}

iv_time iv_followup_closed_at(const iv_followup *fu)
{
	return fu ? fu->closed_at : 0;
}

int iv_followup_set_closed_at(iv_followup *fu, iv_time when)
{
	int error;

	IV__ARG(fu);
	if ((error = iv__check_time("followup.closed_at", when)) < 0)
		return error;
	fu->closed_at = when;
	return 0;
}

const char *iv_followup_rule(const iv_followup *fu)
{
	return fu ? fu->text.items[IV__F_RULE] : NULL;
}

int iv_followup_set_rule(iv_followup *fu, const char *rule)
{
	IV__ARG(fu);
	return iv__set_text(&fu->text.items[IV__F_RULE], "followup.rule", rule, IV_LIMIT_SHORT, IV__ONELINE | IV__NOSPACE);
}

const char *iv_followup_contact_name(const iv_followup *fu)
{
	return fu ? fu->text.items[IV__F_CONTACT_NAME] : NULL;
}

int iv_followup_set_contact_name(iv_followup *fu, const char *name)
{
	IV__ARG(fu);
	return iv__set_text(&fu->text.items[IV__F_CONTACT_NAME], "followup.contact_name", name, IV_LIMIT_SHORT, IV__ONELINE);
}

const char *iv_followup_note(const iv_followup *fu)
{
	return fu ? fu->text.items[IV__F_NOTE] : NULL;
}

int iv_followup_set_note(iv_followup *fu, const char *note)
{
	IV__ARG(fu);
	return iv__set_text(&fu->text.items[IV__F_NOTE], "followup.note", note, IV_LIMIT_TEXT, IV__ONELINE);
}

const char *iv_followup_draft(const iv_followup *fu)
{
	return fu ? fu->text.items[IV__F_DRAFT] : NULL;
}

int iv_followup_set_draft(iv_followup *fu, const char *draft)
{
	IV__ARG(fu);
	return iv__set_text(&fu->text.items[IV__F_DRAFT], "followup.draft", draft, IV_LIMIT_TEXT, 0);
}

int iv__followup_check(const iv_followup *fu)
{
	if (!fu->text.items[IV__F_CONTACT])
		return iv__error(IV_EINVALID, "followup.contact: is required");
	if (!fu->due)
		return iv__error(IV_EINVALID, "followup.due: is required");
	/* An earliest time of 0 means "any time", not the epoch. */
	if (fu->earliest && fu->due < fu->earliest)
		return iv__error(IV_EINVALID, "followup.due: is before the earliest time");
	return 0;
}

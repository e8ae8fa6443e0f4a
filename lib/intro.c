/*
 * Introductions: the record, its setters' rules and its completeness check.
 */
#include <stdlib.h>
#include <string.h>

#include "infoview/sys/backend.h"
#include "records.h"
#include "util.h"

/* The text fields live in one list, so that dup and free take them at once. */
enum { N_ID, N_INTRODUCER, N_INTRODUCED, N_NOTE, N_NTEXT };

struct iv_intro {
	int64_t number;   /* the short reference; 0 until stored */
	iv__strlist text;   /* N_NTEXT entries, NULL when unset */
	iv_time created, updated, requested_at, made_at;
	int channel;
	int status;
};

/* What iv_intro_new() gives: a copy of this. */
static char *no_text[N_NTEXT];
static const iv_intro blank = {
	.text = { no_text, N_NTEXT, N_NTEXT },
	.channel = IV_CHANNEL_EMAIL,
	.status = IV_INTRO_SUGGESTED,
};

int iv_intro_new(iv_intro **out)
{
	IV__ARG(out);
	return iv_intro_dup(out, &blank);
}

int iv_intro_dup(iv_intro **out, const iv_intro *in)
{
	iv_intro *d;

	IV__ARG(out);
	IV__ARG(in);
	if (!(d = malloc(sizeof(*d))))
		return iv__oom();
	*d = *in;
	d->text = (iv__strlist){ NULL, 0, 0 };
	if (iv__strlist_copy(&d->text, &in->text) < 0) {
		free(d);
		return IV_ENOMEM;
	}
	*out = d;
	return 0;
}

void iv_intro_free(iv_intro *in)
{
	if (!in)
		return;
	iv__strlist_free(&in->text);
	free(in);
}

const char *iv_intro_id(const iv_intro *in)
{
	return in ? in->text.items[N_ID] : NULL;
}

int iv_intro_set_id(iv_intro *in, const char *id)
{
	IV__ARG(in);
	return iv__set_id(&in->text.items[N_ID], "intro.id", id, 1);
}

iv_time iv_intro_created(const iv_intro *in)
{
	return in ? in->created : 0;
}

iv_time iv_intro_updated(const iv_intro *in)
{
	return in ? in->updated : 0;
}

int64_t iv_intro_number(const iv_intro *in)
{
	return in ? in->number : 0;
}

int iv_intro_set_number(iv_intro *in, int64_t number)
{
	IV__ARG(in);
	if (number < 0)
		return iv__error(IV_EINVALID, "intro.number: %lld is negative", (long long)number);
	in->number = number;
	return 0;
}

void iv_intro_set_times(iv_intro *in, iv_time created, iv_time updated)
{
	if (!in)
		return;
	in->created = created;
	in->updated = updated;
}

const char *iv_intro_introducer(const iv_intro *in)
{
	return in ? in->text.items[N_INTRODUCER] : NULL;
}

int iv_intro_set_introducer(iv_intro *in, const char *contact_id)
{
	IV__ARG(in);
	return iv__set_id(&in->text.items[N_INTRODUCER], "intro.introducer", contact_id, 0);
}

const char *iv_intro_introduced(const iv_intro *in)
{
	return in ? in->text.items[N_INTRODUCED] : NULL;
}

int iv_intro_set_introduced(iv_intro *in, const char *contact_id)
{
	IV__ARG(in);
	return iv__set_id(&in->text.items[N_INTRODUCED], "intro.introduced", contact_id, 0);
}

int iv_intro_channel(const iv_intro *in)
{
	return in ? in->channel : 0;
}

int iv_intro_set_channel(iv_intro *in, int channel)
{
	IV__ARG(in);
	int error = iv__check_enum("intro.channel", "channel", channel);

	if (error < 0)
		return error;
	in->channel = channel;
	return 0;
}

int iv_intro_status(const iv_intro *in)
{
	return in ? in->status : 0;
}

int iv_intro_set_status(iv_intro *in, int status)
{
	IV__ARG(in);
	int error = iv__check_enum("intro.status", "intro_status", status);

	if (error < 0)
		return error;
	in->status = status;
	return 0;
}

iv_time iv_intro_requested_at(const iv_intro *in)
{
	return in ? in->requested_at : 0;
}

int iv_intro_set_requested_at(iv_intro *in, iv_time when)
{
	int error;

	IV__ARG(in);
	if ((error = iv__check_time("intro.requested_at", when)) < 0)
		return error;
	in->requested_at = when;
	return 0;
}

iv_time iv_intro_made_at(const iv_intro *in)
{
	return in ? in->made_at : 0;
}

int iv_intro_set_made_at(iv_intro *in, iv_time when)
{
	int error;

	IV__ARG(in);
	if ((error = iv__check_time("intro.made_at", when)) < 0)
		return error;
	in->made_at = when;
	return 0;
}

const char *iv_intro_note(const iv_intro *in)
{
	return in ? in->text.items[N_NOTE] : NULL;
}

int iv_intro_set_note(iv_intro *in, const char *note)
{
	IV__ARG(in);
	return iv__set_text(&in->text.items[N_NOTE], "intro.note", note, IV_LIMIT_TEXT, 0);
}

int iv__intro_check(const iv_intro *in)
{
	const char *introducer = in->text.items[N_INTRODUCER];
	const char *introduced = in->text.items[N_INTRODUCED];

	if (!introducer)
		return iv__error(IV_EINVALID, "intro.introducer: is required");
	if (!introduced)
		return iv__error(IV_EINVALID, "intro.introduced: is required");
	/* Ids are kept in lower case, so equal people have equal text. */
	if (strcmp(introducer, introduced) == 0)
		return iv__error(IV_EINVALID, "intro.introduced: must differ from the introducer");
	return 0;
}

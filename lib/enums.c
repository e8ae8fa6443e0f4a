/*
 * The names of the enumerations of types.h, as text formats spell them.
 */
#include <string.h>

#include "util.h"

/* Indexed by value; a NULL slot is a value the enumeration does not have. */
static const char *const known[] = { NULL, "direct", "introduced", "cold" };
static const char *const channel[] = {
	NULL, "email", "in_person", "phone", "message", "other"
};
static const char *const intro_status[] = {
	NULL, "suggested", "requested", "made", "declined"
};
static const char *const medium[] = { "unset", "phone", "video", "in_person" };
static const char *const interview_status[] = {
	NULL, "planned", "requested", "scheduled", "completed", "declined",
	"no_response", "cancelled"
};
static const char *const followup_kind[] = {
	NULL, "thank_you", "thank_introducer", "nudge", "check_in", "report_back",
	"custom"
};
static const char *const followup_status[] = {
	NULL, "pending", "done", "skipped", "cancelled"
};

#define ENUM(name) { #name, name, sizeof(name) / sizeof(name[0]) }

static const struct enum_type {
	const char *type;
	const char *const *names;
	size_t count;
} types[] = {
	ENUM(known), ENUM(channel), ENUM(intro_status), ENUM(medium),
	ENUM(interview_status), ENUM(followup_kind), ENUM(followup_status),
};

static const struct enum_type *find_type(const char *type)
{
	size_t i;

	for (i = 0; type && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(types[i].type, type) == 0)
			return &types[i];
	return NULL;
}

/* Users type "no-response" and "No_Response" as readily as "no_response". */
static int name_matches(const char *name, const char *given)
{
	for (;; name++, given++) {
		int ch = (unsigned char)*given;
		if (ch >= 'A' && ch <= 'Z')
			ch += 'a' - 'A';
		else if (ch == '-')
			ch = '_';
		if (ch != *name)
			return 0;
		if (!ch)
			return 1;
	}
}

const char *iv_enum_name(const char *type, int value)
{
	const struct enum_type *t = find_type(type);

	if (!t || value < 0 || (size_t)value >= t->count)
		return NULL;
	return t->names[value];
}

int iv_enum_value(int *out, const char *type, const char *name)
{
	const struct enum_type *t = find_type(type);
	size_t i;

	IV__ARG(out);
	if (!t)
		return iv__error(IV_EINVALID, "unknown enumeration type '%.40s'",
				 type ? type : "(null)");
	for (i = 0; name && i < t->count; i++) {
		if (t->names[i] && name_matches(t->names[i], name)) {
			*out = (int)i;
			return 0;
		}
	}
	return iv__error(IV_EINVALID, "%s: unknown value '%.60s'", t->type,
			 name ? name : "(null)");
}

int iv__check_enum(const char *field, const char *type, int value)
{
	if (!iv_enum_name(type, value))
		return iv__error(IV_EINVALID, "%s: unknown value %d", field, value);
	return 0;
}

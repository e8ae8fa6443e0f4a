/*
 * The names of every public enumeration and of the error codes, as text
 * formats spell them, for callers that cannot read the headers.
 */
#include <string.h>

#include "util.h"

struct name {
	int value;
	const char *name;
};

/* Each list is in its header's order, which iv_enum_at() shows. */
static const struct name known[] = {
	{ IV_KNOWN_DIRECT, "direct" }, { IV_KNOWN_INTRODUCED, "introduced" },
	{ IV_KNOWN_COLD, "cold" }
};
static const struct name channel[] = {
	{ IV_CHANNEL_EMAIL, "email" }, { IV_CHANNEL_IN_PERSON, "in_person" },
	{ IV_CHANNEL_PHONE, "phone" }, { IV_CHANNEL_MESSAGE, "message" },
	{ IV_CHANNEL_OTHER, "other" }
};
static const struct name intro_status[] = {
	{ IV_INTRO_SUGGESTED, "suggested" }, { IV_INTRO_REQUESTED, "requested" },
	{ IV_INTRO_MADE, "made" }, { IV_INTRO_DECLINED, "declined" }
};
static const struct name medium[] = {
	{ IV_MEDIUM_UNSET, "unset" }, { IV_MEDIUM_PHONE, "phone" },
	{ IV_MEDIUM_VIDEO, "video" }, { IV_MEDIUM_IN_PERSON, "in_person" }
};
static const struct name interview_status[] = {
	{ IV_INTERVIEW_PLANNED, "planned" }, { IV_INTERVIEW_REQUESTED, "requested" },
	{ IV_INTERVIEW_SCHEDULED, "scheduled" }, { IV_INTERVIEW_COMPLETED, "completed" },
	{ IV_INTERVIEW_DECLINED, "declined" }, { IV_INTERVIEW_NO_RESPONSE, "no_response" },
	{ IV_INTERVIEW_CANCELLED, "cancelled" }
};
static const struct name followup_kind[] = {
	{ IV_FOLLOWUP_THANK_YOU, "thank_you" },
	{ IV_FOLLOWUP_THANK_INTRODUCER, "thank_introducer" },
	{ IV_FOLLOWUP_NUDGE, "nudge" }, { IV_FOLLOWUP_CHECK_IN, "check_in" },
	{ IV_FOLLOWUP_REPORT_BACK, "report_back" }, { IV_FOLLOWUP_CUSTOM, "custom" },
	{ IV_FOLLOWUP_ASK_INTRO, "ask_intro" }
};
static const struct name followup_status[] = {
	{ IV_FOLLOWUP_PENDING, "pending" }, { IV_FOLLOWUP_DONE, "done" },
	{ IV_FOLLOWUP_SKIPPED, "skipped" }, { IV_FOLLOWUP_CANCELLED, "cancelled" }
};
static const struct name delete_flags[] = {
	{ IV_DELETE_DEFAULT, "default" }, { IV_DELETE_CASCADE, "cascade" }
};
static const struct name agenda_plan[] = {
	{ IV_AGENDA_PLAN_NEVER, "never" }, { IV_AGENDA_PLAN_ON_DAY, "on_day" },
	{ IV_AGENDA_PLAN_ALWAYS, "always" }
};
static const struct name agenda_kind[] = {
	{ IV_AGENDA_FOLLOWUP, "followup" }, { IV_AGENDA_INTERVIEW, "interview" },
	{ IV_AGENDA_WAITING, "waiting" }, { IV_AGENDA_LATER, "later" }, { IV_AGENDA_NO_REPLY, "no_reply" },
	{ IV_AGENDA_PLAN, "plan" }
};
static const struct name search_kind[] = {
	{ IV_SEARCH_CONTACT, "contact" }, { IV_SEARCH_INTERVIEW, "interview" }
};
static const struct name search_flags[] = {
	{ IV_SEARCH_UNRANKED, "unranked" }
};
static const struct name template_kind[] = {
	{ IV_TEMPLATE_REQUEST, "request" },
	{ IV_TEMPLATE_REQUEST_INTRODUCED, "request_introduced" },
	{ IV_TEMPLATE_THANKS, "thanks" },
	{ IV_TEMPLATE_THANKS_INTRODUCER, "thanks_introducer" },
	{ IV_TEMPLATE_INTRODUCER_UPDATE, "introducer_update" },
	{ IV_TEMPLATE_NUDGE_FOLLOWUP, "nudge_followup" },
	{ IV_TEMPLATE_NUDGE_OTHER, "nudge_other" },
	{ IV_TEMPLATE_CHECK_IN, "check_in" },
	{ IV_TEMPLATE_REPORT_BACK, "report_back" },
	{ IV_TEMPLATE_CUSTOM, "custom" },
	{ IV_TEMPLATE_INTRO_REQUEST, "intro_request" }
};
static const struct name draft_warning[] = {
	{ IV_DRAFT_TOO_LONG, "too_long" }, { IV_DRAFT_ASKS_FOR_JOB, "asks_for_job" },
	{ IV_DRAFT_NO_QUESTION, "no_question" }, { IV_DRAFT_NO_INTRODUCTION, "no_introduction" },
	{ IV_DRAFT_NO_REASON, "no_reason" }
};
static const struct name draft_part[] = {
	{ IV_DRAFT_PART_WHO, "who" }, { IV_DRAFT_PART_WHY, "why" }, { IV_DRAFT_PART_ASK, "ask" }
};
static const struct name question_category[] = {
	{ IV_QUESTION_JOURNEY, "journey" }, { IV_QUESTION_TRENDS, "trends" },
	{ IV_QUESTION_INSIGHTS, "insights" }, { IV_QUESTION_ADVICE, "advice" },
	{ IV_QUESTION_RESOURCES, "resources" }, { IV_QUESTION_ASSIGNMENTS, "assignments" }
};
static const struct name error_codes[] = {
	{ IV_OK, "ok" }, { IV_ERROR, "error" }, { IV_ENOTFOUND, "enotfound" },
	{ IV_EEXISTS, "eexists" }, { IV_EINVALID, "einvalid" },
	{ IV_ECONSTRAINT, "econstraint" }, { IV_EBUSY, "ebusy" },
	{ IV_ENOMEM, "enomem" }, { IV_EVERSION, "eversion" },
	{ IV_ESTORAGE, "estorage" }, { IV_EMISUSE, "emisuse" },
	{ IV_ERETRY, "eretry" },
	{ IV_ITEROVER, "iterover" }
};

static const struct name timeline_kind[] = {
	{ IV_TIMELINE_NOTE, "note" }, { IV_TIMELINE_INTRO, "intro" },
	{ IV_TIMELINE_INTERVIEW, "interview" }, { IV_TIMELINE_FOLLOWUP, "followup" }
};

static const struct name format[] = {
	{ IV_FORMAT_LINKEDIN, "linkedin" }, { IV_FORMAT_GOOGLE, "google" },
	{ IV_FORMAT_CSV, "csv" }, { IV_FORMAT_VCARD, "vcard" }, { IV_FORMAT_JSON, "json" },
	{ IV_FORMAT_ICALENDAR, "icalendar" }, { IV_FORMAT_DOT, "dot" }
};
static const struct name import_flags[] = {
	{ IV_IMPORT_DRY_RUN, "dry_run" }, { IV_IMPORT_OVERWRITE, "overwrite" },
	{ IV_IMPORT_PER_ROW, "per_row" }
};
static const struct name export_flags[] = {
	{ IV_EXPORT_VCARD3, "vcard3" }
};
static const struct name durability[] = {
	{ IV_DURABILITY_NORMAL, "normal" }, { IV_DURABILITY_FULL, "full" }
};
static const struct name target_step[] = {
	{ IV_TARGET_STEP_FIND, "find" }, { IV_TARGET_STEP_REQUEST, "request" },
	{ IV_TARGET_STEP_ASK_INTRO, "ask_intro" }, { IV_TARGET_STEP_WAIT, "wait" },
	{ IV_TARGET_STEP_FOLLOW_UP, "follow_up" }
};

#define TYPE(type, names) { type, names, sizeof(names) / sizeof(names[0]) }

/* Bindings index this list (iv_enum_type_name()): new types go at the end. */
static const struct enum_type {
	const char *type;
	const struct name *names;
	size_t count;
} types[] = {
	TYPE("known", known), TYPE("channel", channel),
	TYPE("intro_status", intro_status), TYPE("medium", medium),
	TYPE("interview_status", interview_status),
	TYPE("followup_kind", followup_kind),
	TYPE("followup_status", followup_status),
	TYPE("delete_flags", delete_flags), TYPE("agenda_kind", agenda_kind),
	TYPE("agenda_plan", agenda_plan),
	TYPE("search_kind", search_kind), TYPE("search_flags", search_flags),
	TYPE("template", template_kind), TYPE("draft_warning", draft_warning),
	TYPE("question_category", question_category), TYPE("error", error_codes),
	TYPE("timeline_kind", timeline_kind),
	TYPE("draft_part", draft_part),
	TYPE("format", format), TYPE("import_flags", import_flags),
	TYPE("export_flags", export_flags),
	TYPE("durability", durability),
	TYPE("target_step", target_step),
};

#define TYPE_COUNT (sizeof(types) / sizeof(types[0]))

static const struct enum_type *find_type(const char *type)
{
	size_t i;

	for (i = 0; type && i < TYPE_COUNT; i++)
		if (strcmp(types[i].type, type) == 0)
			return &types[i];
	return NULL;
}

/*
 * Users type "no-response" and "No_Response" as readily as "no_response".
 * Returns what follows `prefix` in `given`, or NULL if it does not start so.
 */
static const char *skip(const char *given, const char *prefix)
{
	for (; *prefix; prefix++, given++) {
		int ch = (unsigned char)*given;
		if (ch >= 'A' && ch <= 'Z')
			ch += 'a' - 'A';
		else if (ch == '-')
			ch = '_';
		if (ch != *prefix)
			return NULL;
	}
	return given;
}

const char *iv_enum_name(const char *type, int value)
{
	const struct enum_type *t = find_type(type);
	size_t i;

	for (i = 0; t && i < t->count; i++)
		if (t->names[i].value == value)
			return t->names[i].name;
	return NULL;
}

int iv_enum_value(int *out, const char *type, const char *name)
{
	const struct enum_type *t = find_type(type);
	const char *rest;
	size_t i;

	IV__ARG(out);
	if (!t)
		return iv__error(IV_EINVALID, "iv_enum_value: unknown enumeration type '%.40s'",
				 type ? type : "(null)");
	/* So that what iv_error_name() gives ("IV_ENOTFOUND") reads back. */
	if (t->names == error_codes && name && (rest = skip(name, "iv_")))
		name = rest;
	for (i = 0; name && i < t->count; i++) {
		if ((rest = skip(name, t->names[i].name)) && !*rest) {
			*out = t->names[i].value;
			return 0;
		}
	}
	return iv__error(IV_EINVALID, "%s: unknown value '%.60s'", t->type,
			 name ? name : "(null)");
}

const char *iv_enum_type_name(size_t i)
{
	return i < TYPE_COUNT ? types[i].type : NULL;
}

int iv_enum_at(int *value, const char **name, const char *type, size_t i)
{
	const struct enum_type *t = find_type(type);

	if (!t)
		return iv__error(IV_EINVALID, "iv_enum_at: unknown enumeration type '%.40s'",
				 type ? type : "(null)");
	if (i >= t->count)
		return iv__error(IV_ITEROVER, "%s has %zu values", t->type, t->count);
	if (value)
		*value = t->names[i].value;
	if (name)
		*name = t->names[i].name;
	return 0;
}

int iv__check_enum(const char *field, const char *type, int value)
{
	if (!iv_enum_name(type, value))
		return iv__error(IV_EINVALID, "%s: unknown value %d", field, value);
	return 0;
}

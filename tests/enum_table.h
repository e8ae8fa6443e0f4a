/*
 * The documented name of every enumeration value (types.h), which
 * iv_enum_name() must give and iv_enum_value() must read back. One table for
 * every suite that checks them. Types come in iv_enum_type_name()'s order and
 * values in their header's, as iv_enum_at() lists them.
 */
#ifndef IV_TEST_ENUM_TABLE_H
#define IV_TEST_ENUM_TABLE_H

#include <infoview/infoview.h>

typedef struct {
	const char *type;
	int value;
	const char *name;
} enum_entry;

static const enum_entry enum_table[] = {
	{ "known", IV_KNOWN_DIRECT, "direct" },
	{ "known", IV_KNOWN_INTRODUCED, "introduced" },
	{ "known", IV_KNOWN_COLD, "cold" },
	{ "channel", IV_CHANNEL_EMAIL, "email" },
	{ "channel", IV_CHANNEL_IN_PERSON, "in_person" },
	{ "channel", IV_CHANNEL_PHONE, "phone" },
	{ "channel", IV_CHANNEL_MESSAGE, "message" },
	{ "channel", IV_CHANNEL_OTHER, "other" },
	{ "intro_status", IV_INTRO_SUGGESTED, "suggested" },
	{ "intro_status", IV_INTRO_REQUESTED, "requested" },
	{ "intro_status", IV_INTRO_MADE, "made" },
	{ "intro_status", IV_INTRO_DECLINED, "declined" },
	{ "medium", IV_MEDIUM_UNSET, "unset" },
	{ "medium", IV_MEDIUM_PHONE, "phone" },
	{ "medium", IV_MEDIUM_VIDEO, "video" },
	{ "medium", IV_MEDIUM_IN_PERSON, "in_person" },
	{ "interview_status", IV_INTERVIEW_PLANNED, "planned" },
	{ "interview_status", IV_INTERVIEW_REQUESTED, "requested" },
	{ "interview_status", IV_INTERVIEW_SCHEDULED, "scheduled" },
	{ "interview_status", IV_INTERVIEW_COMPLETED, "completed" },
	{ "interview_status", IV_INTERVIEW_DECLINED, "declined" },
	{ "interview_status", IV_INTERVIEW_NO_RESPONSE, "no_response" },
	{ "interview_status", IV_INTERVIEW_CANCELLED, "cancelled" },
	{ "followup_kind", IV_FOLLOWUP_THANK_YOU, "thank_you" },
	{ "followup_kind", IV_FOLLOWUP_THANK_INTRODUCER, "thank_introducer" },
	{ "followup_kind", IV_FOLLOWUP_NUDGE, "nudge" },
	{ "followup_kind", IV_FOLLOWUP_CHECK_IN, "check_in" },
	{ "followup_kind", IV_FOLLOWUP_REPORT_BACK, "report_back" },
	{ "followup_kind", IV_FOLLOWUP_CUSTOM, "custom" },
	{ "followup_status", IV_FOLLOWUP_PENDING, "pending" },
	{ "followup_status", IV_FOLLOWUP_DONE, "done" },
	{ "followup_status", IV_FOLLOWUP_SKIPPED, "skipped" },
	{ "followup_status", IV_FOLLOWUP_CANCELLED, "cancelled" },
	{ "delete_flags", IV_DELETE_DEFAULT, "default" },
	{ "delete_flags", IV_DELETE_CASCADE, "cascade" },
	{ "agenda_kind", IV_AGENDA_FOLLOWUP, "followup" },
	{ "agenda_kind", IV_AGENDA_INTERVIEW, "interview" },
	{ "agenda_kind", IV_AGENDA_WAITING, "waiting" },
	{ "agenda_kind", IV_AGENDA_LATER, "later" },
	{ "agenda_kind", IV_AGENDA_NO_REPLY, "no_reply" },
	{ "search_kind", IV_SEARCH_CONTACT, "contact" },
	{ "search_kind", IV_SEARCH_INTERVIEW, "interview" },
	{ "search_flags", IV_SEARCH_UNRANKED, "unranked" },
	{ "template", IV_TEMPLATE_REQUEST, "request" },
	{ "template", IV_TEMPLATE_REQUEST_INTRODUCED, "request_introduced" },
	{ "template", IV_TEMPLATE_THANKS, "thanks" },
	{ "template", IV_TEMPLATE_THANKS_INTRODUCER, "thanks_introducer" },
	{ "template", IV_TEMPLATE_INTRODUCER_UPDATE, "introducer_update" },
	{ "template", IV_TEMPLATE_NUDGE_FOLLOWUP, "nudge_followup" },
	{ "template", IV_TEMPLATE_NUDGE_OTHER, "nudge_other" },
	{ "template", IV_TEMPLATE_CHECK_IN, "check_in" },
	{ "template", IV_TEMPLATE_REPORT_BACK, "report_back" },
	{ "template", IV_TEMPLATE_CUSTOM, "custom" },
	{ "template", IV_TEMPLATE_INTRO_REQUEST, "intro_request" },
	{ "draft_warning", IV_DRAFT_TOO_LONG, "too_long" },
	{ "draft_warning", IV_DRAFT_ASKS_FOR_JOB, "asks_for_job" },
	{ "draft_warning", IV_DRAFT_NO_QUESTION, "no_question" },
	{ "draft_warning", IV_DRAFT_NO_INTRODUCTION, "no_introduction" },
	{ "draft_warning", IV_DRAFT_NO_REASON, "no_reason" },
	{ "question_category", IV_QUESTION_JOURNEY, "journey" },
	{ "question_category", IV_QUESTION_TRENDS, "trends" },
	{ "question_category", IV_QUESTION_INSIGHTS, "insights" },
	{ "question_category", IV_QUESTION_ADVICE, "advice" },
	{ "question_category", IV_QUESTION_RESOURCES, "resources" },
	{ "question_category", IV_QUESTION_ASSIGNMENTS, "assignments" },
	{ "error", IV_OK, "ok" },
	{ "error", IV_ERROR, "error" },
	{ "error", IV_ENOTFOUND, "enotfound" },
	{ "error", IV_EEXISTS, "eexists" },
	{ "error", IV_EINVALID, "einvalid" },
	{ "error", IV_ECONSTRAINT, "econstraint" },
	{ "error", IV_EBUSY, "ebusy" },
	{ "error", IV_ENOMEM, "enomem" },
	{ "error", IV_EVERSION, "eversion" },
	{ "error", IV_ESTORAGE, "estorage" },
	{ "error", IV_EMISUSE, "emisuse" },
	{ "error", IV_ITEROVER, "iterover" },
	{ "timeline_kind", IV_TIMELINE_NOTE, "note" },
	{ "timeline_kind", IV_TIMELINE_INTRO, "intro" },
	{ "timeline_kind", IV_TIMELINE_INTERVIEW, "interview" },
	{ "timeline_kind", IV_TIMELINE_FOLLOWUP, "followup" },
	{ "draft_part", IV_DRAFT_PART_WHO, "who" },
	{ "draft_part", IV_DRAFT_PART_WHY, "why" },
	{ "draft_part", IV_DRAFT_PART_ASK, "ask" },
	{ "format", IV_FORMAT_LINKEDIN, "linkedin" },
	{ "format", IV_FORMAT_GOOGLE, "google" },
	{ "format", IV_FORMAT_CSV, "csv" },
	{ "format", IV_FORMAT_VCARD, "vcard" },
	{ "format", IV_FORMAT_JSON, "json" },
	{ "format", IV_FORMAT_ICALENDAR, "icalendar" },
	{ "format", IV_FORMAT_DOT, "dot" },
	{ "import_flags", IV_IMPORT_DRY_RUN, "dry_run" },
	{ "import_flags", IV_IMPORT_OVERWRITE, "overwrite" },
	{ "import_flags", IV_IMPORT_PER_ROW, "per_row" },
	{ "export_flags", IV_EXPORT_VCARD3, "vcard3" },
};

#define ENUM_COUNT (sizeof(enum_table) / sizeof(enum_table[0]))

#endif

/*
 * The documented name of every enumeration value (types.h), which
 * iv_enum_name() must give and iv_enum_value() must read back. One table for
 * every suite that checks them.
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
};

#define ENUM_COUNT (sizeof(enum_table) / sizeof(enum_table[0]))

#endif

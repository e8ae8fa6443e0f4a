/*
 * libinfoview: follow-ups, what to do for a contact and when.
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_followup_h__
#define INCLUDE_infoview_followup_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

/*
 * A follow-up is one thing to do for one contact (the recipient), often about
 * an interview: thank them, thank who introduced you, nudge, check in. It
 * should not be done before its earliest time and is due at its due time.
 * Conventions as in contact.h: every getter accepts NULL and then returns
 * NULL for a string, 0 for a time or enumeration.
 */

/**
 * Creates an empty follow-up: custom, pending.
 * @param out free with iv_followup_free()
 */
IV_EXTERN(int) iv_followup_new(iv_followup **out);
IV_EXTERN(int) iv_followup_dup(iv_followup **out, const iv_followup *fu);
IV_EXTERN(void) iv_followup_free(iv_followup *fu);

IV_EXTERN(const char *) iv_followup_id(const iv_followup *fu);
IV_EXTERN(int) iv_followup_set_id(iv_followup *fu, const char *id);
IV_EXTERN(iv_time) iv_followup_created(const iv_followup *fu);
IV_EXTERN(iv_time) iv_followup_updated(const iv_followup *fu);

/** The recipient's contact id (required); borrowed. */
IV_EXTERN(const char *) iv_followup_contact(const iv_followup *fu);
IV_EXTERN(int) iv_followup_set_contact(iv_followup *fu, const char *contact_id);
/** The interview it is about, or NULL; borrowed. */
IV_EXTERN(const char *) iv_followup_interview(const iv_followup *fu);
IV_EXTERN(int) iv_followup_set_interview(iv_followup *fu, const char *interview_id);

/** One of iv_followup_kind_t. */
IV_EXTERN(int) iv_followup_kind(const iv_followup *fu);
IV_EXTERN(int) iv_followup_set_kind(iv_followup *fu, int kind);
/** One of iv_followup_status_t. */
IV_EXTERN(int) iv_followup_status(const iv_followup *fu);
IV_EXTERN(int) iv_followup_set_status(iv_followup *fu, int status);

/** Not to be done before this time; 0 means any time. */
IV_EXTERN(iv_time) iv_followup_earliest(const iv_followup *fu);
IV_EXTERN(int) iv_followup_set_earliest(iv_followup *fu, iv_time when);
/** Due at this time (required, not before the earliest time). */
IV_EXTERN(iv_time) iv_followup_due(const iv_followup *fu);
IV_EXTERN(int) iv_followup_set_due(iv_followup *fu, iv_time when);
/** When it was done, skipped or cancelled; 0 while pending. */
IV_EXTERN(iv_time) iv_followup_closed_at(const iv_followup *fu);
IV_EXTERN(int) iv_followup_set_closed_at(iv_followup *fu, iv_time when);

/** A one-line summary ("Thank Dana for the talk"); borrowed. */
IV_EXTERN(const char *) iv_followup_note(const iv_followup *fu);
IV_EXTERN(int) iv_followup_set_note(iv_followup *fu, const char *note);
/**
 * The key of the rule that made the follow-up ("thank_you:<interview id>",
 * see workflow.h), or NULL for one made by hand; borrowed. A key is one
 * word of at most IV_LIMIT_SHORT bytes.
 */
IV_EXTERN(const char *) iv_followup_rule(const iv_followup *fu);
IV_EXTERN(int) iv_followup_set_rule(iv_followup *fu, const char *rule);
/** The draft message text; borrowed. */
IV_EXTERN(const char *) iv_followup_draft(const iv_followup *fu);
IV_EXTERN(int) iv_followup_set_draft(iv_followup *fu, const char *draft);

/**
 * Stores a new follow-up, assigning its id and times.
 * @return 0; IV_EINVALID if the contact or due time is unset, or the due
 *         time is before the earliest; IV_ENOTFOUND naming a missing contact
 *         or interview; IV_EEXISTS
 */
IV_EXTERN(int) iv_followup_insert(iv_db *db, iv_followup *fu);
/** @param out free with iv_followup_free() */
IV_EXTERN(int) iv_followup_lookup(iv_followup **out, iv_db *db, const char *id);
/** Replaces the stored follow-up; same checks as iv_followup_insert(). */
IV_EXTERN(int) iv_followup_update(iv_db *db, iv_followup *fu);
/** Deletes a follow-up (nothing depends on one; `flags` is accepted for symmetry). */
IV_EXTERN(int) iv_followup_delete(iv_db *db, const char *id, unsigned int flags);

/** Which follow-ups iv_followup_list() returns. */
typedef struct iv_followup_filter {
	unsigned int version;
	/** only this iv_followup_status_t; 0 for any */
	int status;
	/** only those due at or before this time; 0 for any */
	iv_time due_before;
	/** only those to this contact id; NULL for any */
	const char *contact;
	/** only those about this interview id; NULL for any */
	const char *interview;
	/** only those made by the rule with this key; NULL for any */
	const char *rule;
	/** only those whose earliest time is at or before this time; 0 for any */
	iv_time earliest_before;
	/**
	 * only records whose id begins with this: 1 to 36 characters of the
	 * UUID text form (hex digits in either case, hyphens only where a UUID
	 * has them); NULL for any
	 */
	const char *id_prefix;
} iv_followup_filter;

#define IV_FOLLOWUP_FILTER_VERSION 1
#define IV_FOLLOWUP_FILTER_INIT { IV_FOLLOWUP_FILTER_VERSION, 0, 0, NULL, NULL, NULL, 0, NULL }
IV_EXTERN(int) iv_followup_filter_init(iv_followup_filter *filter, unsigned int version);

/**
 * Lists follow-ups ordered by due time, then id.
 * @param out free with iv_followup_iter_free()
 */
IV_EXTERN(int) iv_followup_list(iv_followup_iter **out, iv_db *db, const iv_followup_filter *filter);
IV_EXTERN(int) iv_followup_iter_next(iv_followup **out, iv_followup_iter *it);
IV_EXTERN(void) iv_followup_iter_free(iv_followup_iter *it);

IV_END_DECL

#endif

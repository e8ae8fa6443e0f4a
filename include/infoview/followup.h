/**
 * @file infoview/followup.h
 * @brief Follow-ups, what to do for a contact and when.
 *
 * A follow-up is one thing to do for one contact (the recipient), often about
 * an interview: thank them, thank who introduced you, nudge, check in. It
 * should not be done before its earliest time and is due at its due time.
 * Conventions as in contact.h: setters copy and check their arguments;
 * every getter accepts NULL and then returns NULL for a string, 0 for a
 * time or enumeration.
 *
 * @par Threads
 * As in db.h; a follow-up is an independent copy.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_followup_h__
#define INCLUDE_infoview_followup_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

/**
 * Creates an empty follow-up: custom, pending.
 * @param out the follow-up, free with iv_followup_free()
 * @return 0, IV_ENOMEM
 */
IV_EXTERN(int) iv_followup_new(iv_followup **out);
/**
 * A deep copy of a follow-up.
 * @param out the copy, free with iv_followup_free()
 * @param fu the follow-up
 * @return 0, IV_EINVALID when `fu` is NULL, IV_ENOMEM
 */
IV_EXTERN(int) iv_followup_dup(iv_followup **out, const iv_followup *fu);
/**
 * Frees a follow-up; accepts NULL.
 * @param fu the follow-up, or NULL
 */
IV_EXTERN(void) iv_followup_free(iv_followup *fu);

/**
 * The follow-up's id.
 * @param fu the follow-up, or NULL
 * @return the id; borrowed, valid until `fu` is freed or the field set; NULL before it is stored
 */
IV_EXTERN(const char *) iv_followup_id(const iv_followup *fu);
/**
 * Sets the id a new follow-up will be stored under (as iv_contact_set_id()).
 * @param fu the follow-up
 * @param id the id, copied; NULL clears it
 * @return 0, or IV_EINVALID if `id` is not a UUID
 */
IV_EXTERN(int) iv_followup_set_id(iv_followup *fu, const char *id);
/**
 * When the follow-up was stored.
 * @param fu the follow-up, or NULL
 * @return the time; 0 before it is stored
 */
IV_EXTERN(iv_time) iv_followup_created(const iv_followup *fu);
/**
 * The follow-up's number: a short reference, unique among the store's
 * follow-ups and never given twice, that the store gives it when it is
 * inserted (1, 2, 3... in the order of insertion). Programs show it to
 * users ("#12") and find the record again with the list filter's `number`.
 * A stored id keeps working everywhere; the number is only shorter.
 * @param fu the follow-up, or NULL
 * @return the number; 0 before it is stored, and in a store whose backend
 *         keeps no numbers (one of backend version 1)
 */
IV_EXTERN(int64_t) iv_followup_number(const iv_followup *fu);
/**
 * When the follow-up was last updated in the store.
 * @param fu the follow-up, or NULL
 * @return the time; 0 before it is stored
 */
IV_EXTERN(iv_time) iv_followup_updated(const iv_followup *fu);

/**
 * The recipient's contact id (required).
 * @param fu the follow-up, or NULL
 * @return the id; borrowed, valid until `fu` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_followup_contact(const iv_followup *fu);
/**
 * Sets the recipient.
 * @param fu the follow-up
 * @param contact_id the contact's id, copied
 * @return 0, or IV_EINVALID if `contact_id` is not a UUID
 */
IV_EXTERN(int) iv_followup_set_contact(iv_followup *fu, const char *contact_id);
/**
 * The interview the follow-up is about.
 * @param fu the follow-up, or NULL
 * @return the interview's id; borrowed, valid until `fu` is freed or the field set; NULL if none
 */
IV_EXTERN(const char *) iv_followup_interview(const iv_followup *fu);
/**
 * Sets the interview the follow-up is about.
 * @param fu the follow-up
 * @param interview_id the interview's id, copied; NULL clears it
 * @return 0, or IV_EINVALID if `interview_id` is not a UUID
 */
IV_EXTERN(int) iv_followup_set_interview(iv_followup *fu, const char *interview_id);

/**
 * What the follow-up is for.
 * @param fu the follow-up, or NULL
 * @return one of iv_followup_kind_t
 */
IV_EXTERN(int) iv_followup_kind(const iv_followup *fu);
/**
 * Sets what the follow-up is for.
 * @param fu the follow-up
 * @param kind one of iv_followup_kind_t
 * @return 0, or IV_EINVALID for another value
 */
IV_EXTERN(int) iv_followup_set_kind(iv_followup *fu, int kind);
/**
 * Where the follow-up stands.
 * @param fu the follow-up, or NULL
 * @return one of iv_followup_status_t
 */
IV_EXTERN(int) iv_followup_status(const iv_followup *fu);
/**
 * Sets where the follow-up stands (iv_followup_close() also records when).
 * @param fu the follow-up
 * @param status one of iv_followup_status_t
 * @return 0, or IV_EINVALID for another value
 */
IV_EXTERN(int) iv_followup_set_status(iv_followup *fu, int status);

/**
 * The time before which the follow-up is not to be done.
 * @param fu the follow-up, or NULL
 * @return the time; 0 means any time
 */
IV_EXTERN(iv_time) iv_followup_earliest(const iv_followup *fu);
/**
 * Sets the earliest time.
 * @param fu the follow-up
 * @param when the time; 0 means any time
 * @return 0, or IV_EINVALID for a time outside IV_TIME_MIN to IV_TIME_MAX
 */
IV_EXTERN(int) iv_followup_set_earliest(iv_followup *fu, iv_time when);
/**
 * When the follow-up is due (required, not before the earliest time).
 * @param fu the follow-up, or NULL
 * @return the time; 0 if unset
 */
IV_EXTERN(iv_time) iv_followup_due(const iv_followup *fu);
/**
 * Sets the due time; checked when the follow-up is stored.
 * @param fu the follow-up
 * @param when the time
 * @return 0, or IV_EINVALID for a time outside IV_TIME_MIN to IV_TIME_MAX
 */
IV_EXTERN(int) iv_followup_set_due(iv_followup *fu, iv_time when);
/**
 * When the follow-up was done, skipped or cancelled.
 * @param fu the follow-up, or NULL
 * @return the time; 0 while pending
 */
IV_EXTERN(iv_time) iv_followup_closed_at(const iv_followup *fu);
/**
 * Sets when the follow-up was closed.
 * @param fu the follow-up
 * @param when the time; 0 clears it
 * @return 0, or IV_EINVALID for a time outside IV_TIME_MIN to IV_TIME_MAX
 */
IV_EXTERN(int) iv_followup_set_closed_at(iv_followup *fu, iv_time when);

/**
 * A one-line summary ("Thank Dana for the talk").
 * @param fu the follow-up, or NULL
 * @return the note; borrowed, valid until `fu` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_followup_note(const iv_followup *fu);
/**
 * Sets the summary.
 * @param fu the follow-up
 * @param note the text, copied; NULL or "" clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_followup_set_note(iv_followup *fu, const char *note);
/**
 * The key of the rule that made the follow-up ("thank_you:<interview id>",
 * see workflow.h). A key is one word of at most IV_LIMIT_SHORT bytes.
 * @param fu the follow-up, or NULL
 * @return the key; borrowed, valid until `fu` is freed or the field set;
 *         NULL for one made by hand
 */
IV_EXTERN(const char *) iv_followup_rule(const iv_followup *fu);
/**
 * Sets the rule key.
 * @param fu the follow-up
 * @param rule the key, copied; NULL or "" clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_followup_set_rule(iv_followup *fu, const char *rule);
/**
 * The name of the follow-up's contact, as a listing read it: a backend
 * that can read it in the same query (the SQLite backend joins it) gives
 * it with every follow-up it reads, so that a list of follow-ups with
 * names costs one query, not one contact lookup per row. The store does
 * not keep it, and iv_followup_dup() leaves it out.
 * @param fu the follow-up, or NULL
 * @return the name; borrowed, valid until `fu` is freed or the field set;
 *         NULL when the backend did not give it (look the contact up with
 *         iv_contact_lookup() then) and for a follow-up not read from a store
 */
IV_EXTERN(const char *) iv_followup_contact_name(const iv_followup *fu);
/**
 * Sets the name of the follow-up's contact, for a backend that reads it
 * with the follow-up (see iv_followup_contact_name()).
 * @param fu the follow-up
 * @param name the name, copied; NULL or "" clears it
 * @return 0, IV_EINVALID for a name iv_contact_set_name() would refuse
 */
IV_EXTERN(int) iv_followup_set_contact_name(iv_followup *fu, const char *name);
/**
 * The draft message text.
 * @param fu the follow-up, or NULL
 * @return the draft; borrowed, valid until `fu` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_followup_draft(const iv_followup *fu);
/**
 * Sets the draft message text (at most IV_LIMIT_TEXT bytes).
 * @param fu the follow-up
 * @param draft the text, copied; NULL or "" clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_followup_set_draft(iv_followup *fu, const char *draft);

/**
 * Stores a new follow-up, assigning its id and times.
 * @return 0; IV_EINVALID if the contact or due time is unset, or the due
 *         time is before the earliest; IV_ENOTFOUND naming a missing contact
 *         or interview; IV_EEXISTS
 * @param db the store
 * @param fu the follow-up; updated to match what was stored
 */
IV_EXTERN(int) iv_followup_insert(iv_db *db, iv_followup *fu);
/**
 * Looks a follow-up up by id.
 * @param out the follow-up, free with iv_followup_free()
 * @param db the store
 * @param id the follow-up's id
 * @return 0, IV_EINVALID for a malformed id, IV_ENOTFOUND
 */
IV_EXTERN(int) iv_followup_lookup(iv_followup **out, iv_db *db, const char *id);
/**
 * Replaces the stored follow-up having `fu`'s id with `fu`, and stamps its
 * updated time; same checks as iv_followup_insert().
 * @param db the store
 * @param fu the follow-up; updated to match what was stored
 * @return 0, IV_EINVALID, IV_ENOTFOUND
 */
IV_EXTERN(int) iv_followup_update(iv_db *db, iv_followup *fu);
/**
 * Deletes a follow-up (nothing depends on one; `flags` is accepted for symmetry).
 * @param db the store
 * @param id the follow-up's id
 * @param flags IV_DELETE_DEFAULT or IV_DELETE_CASCADE
 * @return 0, IV_EINVALID, IV_ENOTFOUND
 */
IV_EXTERN(int) iv_followup_delete(iv_db *db, const char *id, unsigned int flags);

/** Which follow-ups iv_followup_list() returns. */
typedef struct iv_followup_filter {
	/** the struct's version: IV_FOLLOWUP_FILTER_VERSION */
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
	/**
	 * only the record with this number (iv_followup_number()); 0 for any.
	 * Since version 2.
	 */
	int64_t number;
} iv_followup_filter;

/** The current version of iv_followup_filter. */
#define IV_FOLLOWUP_FILTER_VERSION 2
/** A static initialiser for iv_followup_filter matching everything. */
#define IV_FOLLOWUP_FILTER_INIT { IV_FOLLOWUP_FILTER_VERSION, 0, 0, NULL, NULL, NULL, 0, NULL, 0 }
/**
 * Initialises a filter to its defaults (matching everything).
 * @param filter the filter
 * @param version IV_FOLLOWUP_FILTER_VERSION, or an older version
 * @return 0, or IV_EVERSION for a version this library does not know
 */
IV_EXTERN(int) iv_followup_filter_init(iv_followup_filter *filter, unsigned int version);

/**
 * Lists follow-ups ordered by due time, then id.
 * @param out the iterator, free with iv_followup_iter_free() before the store
 * @param db the store
 * @param filter NULL for every follow-up; borrowed for this call only
 * @return 0, or IV_EINVALID for a malformed field of the filter
 */
IV_EXTERN(int) iv_followup_list(iv_followup_iter **out, iv_db *db, const iv_followup_filter *filter);
/**
 * The next follow-up.
 * @param out the follow-up, free with iv_followup_free()
 * @param it the iterator
 * @return 0, IV_ITEROVER at the end, or an error
 */
IV_EXTERN(int) iv_followup_iter_next(iv_followup **out, iv_followup_iter *it);
/**
 * Frees an iterator; accepts NULL.
 * @param it the iterator, or NULL
 */
IV_EXTERN(void) iv_followup_iter_free(iv_followup_iter *it);

IV_END_DECL

#endif

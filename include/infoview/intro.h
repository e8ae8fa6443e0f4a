/**
 * @file infoview/intro.h
 * @brief Introductions, one person introducing you to another.
 *
 * An introduction links two contacts: the introducer, who knows you, and the
 * introduced, whom they introduce you to. A chain of introductions is a path
 * in your network. Conventions as in contact.h: setters copy and check
 * their arguments; every getter accepts NULL and then returns NULL for a
 * string, 0 for a number, time or enumeration.
 *
 * @par Threads
 * As in db.h; an introduction is an independent copy.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_intro_h__
#define INCLUDE_infoview_intro_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

/**
 * Creates an empty introduction: by e-mail, suggested.
 * @param out the introduction, free with iv_intro_free()
 * @return 0, IV_ENOMEM
 */
IV_EXTERN(int) iv_intro_new(iv_intro **out);
/**
 * A deep copy of an introduction.
 * @param out the copy, free with iv_intro_free()
 * @param in the introduction
 * @return 0, IV_EINVALID when `in` is NULL, IV_ENOMEM
 */
IV_EXTERN(int) iv_intro_dup(iv_intro **out, const iv_intro *in);
/**
 * Frees an introduction; accepts NULL.
 * @param in the introduction, or NULL
 */
IV_EXTERN(void) iv_intro_free(iv_intro *in);

/**
 * The introduction's id.
 * @param in the introduction, or NULL
 * @return the id; borrowed, valid until `in` is freed or the field set; NULL before it is stored
 */
IV_EXTERN(const char *) iv_intro_id(const iv_intro *in);
/**
 * Sets the id a new introduction will be stored under (as iv_contact_set_id()).
 * @param in the introduction
 * @param id the id, copied; NULL clears it
 * @return 0, or IV_EINVALID if `id` is not a UUID
 */
IV_EXTERN(int) iv_intro_set_id(iv_intro *in, const char *id);
/**
 * When the introduction was stored.
 * @param in the introduction, or NULL
 * @return the time; 0 before it is stored
 */
IV_EXTERN(iv_time) iv_intro_created(const iv_intro *in);
/**
 * The introduction's number: a short reference, unique among the store's
 * introductions and never given twice, that the store gives it when it is
 * inserted (1, 2, 3... in the order of insertion). Programs show it to
 * users ("#12") and find the record again with the list filter's `number`.
 * A stored id keeps working everywhere; the number is only shorter.
 * @param in the introduction, or NULL
 * @return the number; 0 before it is stored, and in a store whose backend
 *         keeps no numbers (one of backend version 1)
 */
IV_EXTERN(int64_t) iv_intro_number(const iv_intro *in);
/**
 * When the introduction was last updated in the store.
 * @param in the introduction, or NULL
 * @return the time; 0 before it is stored
 */
IV_EXTERN(iv_time) iv_intro_updated(const iv_intro *in);

/**
 * The id of the contact who introduces (required).
 * @param in the introduction, or NULL
 * @return the contact id; borrowed, valid until `in` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_intro_introducer(const iv_intro *in);
/**
 * Sets the contact who introduces.
 * @param in the introduction
 * @param contact_id the contact's id, copied
 * @return 0, or IV_EINVALID if `contact_id` is not a UUID
 */
IV_EXTERN(int) iv_intro_set_introducer(iv_intro *in, const char *contact_id);
/**
 * The id of the contact introduced to you (required).
 * @param in the introduction, or NULL
 * @return the contact id; borrowed, valid until `in` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_intro_introduced(const iv_intro *in);
/**
 * Sets the contact introduced to you.
 * @param in the introduction
 * @param contact_id the contact's id, copied
 * @return 0, or IV_EINVALID if `contact_id` is not a UUID
 */
IV_EXTERN(int) iv_intro_set_introduced(iv_intro *in, const char *contact_id);

/**
 * How the introduction is made.
 * @param in the introduction, or NULL
 * @return one of iv_channel_t
 */
IV_EXTERN(int) iv_intro_channel(const iv_intro *in);
/**
 * Sets how the introduction is made.
 * @param in the introduction
 * @param channel one of iv_channel_t
 * @return 0, or IV_EINVALID for another value
 */
IV_EXTERN(int) iv_intro_set_channel(iv_intro *in, int channel);
/**
 * Where the introduction stands.
 * @param in the introduction, or NULL
 * @return one of iv_intro_status_t
 */
IV_EXTERN(int) iv_intro_status(const iv_intro *in);
/**
 * Sets where the introduction stands.
 * @param in the introduction
 * @param status one of iv_intro_status_t
 * @return 0, or IV_EINVALID for another value
 */
IV_EXTERN(int) iv_intro_set_status(iv_intro *in, int status);

/**
 * When you asked for the introduction.
 * @param in the introduction, or NULL
 * @return the time; 0 if not recorded
 */
IV_EXTERN(iv_time) iv_intro_requested_at(const iv_intro *in);
/**
 * Sets when you asked for the introduction.
 * @param in the introduction
 * @param when the time; 0 clears it
 * @return 0, or IV_EINVALID for a time outside IV_TIME_MIN to IV_TIME_MAX
 */
IV_EXTERN(int) iv_intro_set_requested_at(iv_intro *in, iv_time when);
/**
 * When the introduction was made.
 * @param in the introduction, or NULL
 * @return the time; 0 if not recorded
 */
IV_EXTERN(iv_time) iv_intro_made_at(const iv_intro *in);
/**
 * Sets when the introduction was made.
 * @param in the introduction
 * @param when the time; 0 clears it
 * @return 0, or IV_EINVALID for a time outside IV_TIME_MIN to IV_TIME_MAX
 */
IV_EXTERN(int) iv_intro_set_made_at(iv_intro *in, iv_time when);

/**
 * Free text, at most IV_LIMIT_TEXT bytes.
 * @param in the introduction, or NULL
 * @return the note; borrowed, valid until `in` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_intro_note(const iv_intro *in);
/**
 * Sets the note.
 * @param in the introduction
 * @param note the note, copied; NULL or "" clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_intro_set_note(iv_intro *in, const char *note);

/**
 * Stores a new introduction, assigning its id and times.
 * @param db the store
 * @param in the introduction; updated to match what was stored
 * @return 0; IV_EINVALID if either contact is unset or both are the same;
 *         IV_ENOTFOUND naming the id of a contact that does not exist;
 *         IV_EEXISTS
 */
IV_EXTERN(int) iv_intro_insert(iv_db *db, iv_intro *in);
/**
 * Looks an introduction up by id.
 * @param out the introduction, free with iv_intro_free()
 * @param db the store
 * @param id the introduction's id
 * @return 0, IV_EINVALID for a malformed id, IV_ENOTFOUND
 */
IV_EXTERN(int) iv_intro_lookup(iv_intro **out, iv_db *db, const char *id);
/**
 * Replaces the stored introduction having `in`'s id with `in`, and stamps
 * its updated time; same checks as iv_intro_insert().
 * @param db the store
 * @param in the introduction
 * @return 0, IV_EINVALID, IV_ENOTFOUND
 */
IV_EXTERN(int) iv_intro_update(iv_db *db, iv_intro *in);
/**
 * Deletes an introduction. One that an interview names is refused with
 * IV_ECONSTRAINT unless `flags` has IV_DELETE_CASCADE; then those interviews
 * are kept and no longer name it.
 * @param db the store
 * @param id the introduction's id
 * @param flags IV_DELETE_DEFAULT or IV_DELETE_CASCADE
 * @return 0, IV_EINVALID, IV_ENOTFOUND, IV_ECONSTRAINT
 */
IV_EXTERN(int) iv_intro_delete(iv_db *db, const char *id, unsigned int flags);

/** Which introductions iv_intro_list() returns. */
typedef struct iv_intro_filter {
	/** the struct's version: IV_INTRO_FILTER_VERSION */
	unsigned int version;
	/** only introductions made by this contact id; NULL for any */
	const char *introducer;
	/** only introductions to this contact id; NULL for any */
	const char *introduced;
	/** only introductions in this iv_intro_status_t; 0 for any */
	int status;
	/**
	 * only records whose id begins with this: 1 to 36 characters of the
	 * UUID text form (hex digits in either case, hyphens only where a UUID
	 * has them); NULL for any
	 */
	const char *id_prefix;
	/**
	 * only the record with this number (iv_intro_number()); 0 for any.
	 * Since version 2.
	 */
	int64_t number;
} iv_intro_filter;

/** The current version of iv_intro_filter. */
#define IV_INTRO_FILTER_VERSION 2
/** A static initialiser for iv_intro_filter matching everything. */
#define IV_INTRO_FILTER_INIT { IV_INTRO_FILTER_VERSION, NULL, NULL, 0, NULL, 0 }
/**
 * Initialises a filter to its defaults (matching everything).
 * @param filter the filter
 * @param version IV_INTRO_FILTER_VERSION, or an older version
 * @return 0, or IV_EVERSION for a version this library does not know
 */
IV_EXTERN(int) iv_intro_filter_init(iv_intro_filter *filter, unsigned int version);

/**
 * Lists introductions ordered by creation time, then id.
 * @param out the iterator, free with iv_intro_iter_free() before the store
 * @param db the store
 * @param filter NULL for every introduction; borrowed for this call only
 * @return 0, or IV_EINVALID for a malformed id or status in the filter
 */
IV_EXTERN(int) iv_intro_list(iv_intro_iter **out, iv_db *db, const iv_intro_filter *filter);
/**
 * The next introduction.
 * @param out the introduction, free with iv_intro_free()
 * @param it the iterator
 * @return 0, IV_ITEROVER at the end, or an error
 */
IV_EXTERN(int) iv_intro_iter_next(iv_intro **out, iv_intro_iter *it);
/**
 * Frees an iterator; accepts NULL.
 * @param it the iterator, or NULL
 */
IV_EXTERN(void) iv_intro_iter_free(iv_intro_iter *it);

IV_END_DECL

#endif

/*
 * libinfoview: introductions, one person introducing you to another.
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_intro_h__
#define INCLUDE_infoview_intro_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

/*
 * An introduction links two contacts: the introducer, who knows you, and the
 * introduced, whom they introduce you to. A chain of introductions is a path
 * in your network. Conventions as in contact.h: every getter accepts NULL
 * and then returns NULL for a string, 0 for a number, time or enumeration.
 */

/**
 * Creates an empty introduction: by e-mail, suggested.
 * @param out the introduction, free with iv_intro_free()
 */
IV_EXTERN(int) iv_intro_new(iv_intro **out);
IV_EXTERN(int) iv_intro_dup(iv_intro **out, const iv_intro *in);
IV_EXTERN(void) iv_intro_free(iv_intro *in);

/** The id, or NULL before it is stored; borrowed. */
IV_EXTERN(const char *) iv_intro_id(const iv_intro *in);
IV_EXTERN(int) iv_intro_set_id(iv_intro *in, const char *id);
IV_EXTERN(iv_time) iv_intro_created(const iv_intro *in);
IV_EXTERN(iv_time) iv_intro_updated(const iv_intro *in);

/** The id of the contact who introduces (required); borrowed. */
IV_EXTERN(const char *) iv_intro_introducer(const iv_intro *in);
/** @return 0, or IV_EINVALID if `contact_id` is not a UUID */
IV_EXTERN(int) iv_intro_set_introducer(iv_intro *in, const char *contact_id);
/** The id of the contact introduced to you (required); borrowed. */
IV_EXTERN(const char *) iv_intro_introduced(const iv_intro *in);
IV_EXTERN(int) iv_intro_set_introduced(iv_intro *in, const char *contact_id);

/** One of iv_channel_t. */
IV_EXTERN(int) iv_intro_channel(const iv_intro *in);
IV_EXTERN(int) iv_intro_set_channel(iv_intro *in, int channel);
/** One of iv_intro_status_t. */
IV_EXTERN(int) iv_intro_status(const iv_intro *in);
IV_EXTERN(int) iv_intro_set_status(iv_intro *in, int status);

/** When you asked for the introduction; 0 if not recorded. */
IV_EXTERN(iv_time) iv_intro_requested_at(const iv_intro *in);
IV_EXTERN(int) iv_intro_set_requested_at(iv_intro *in, iv_time when);
/** When the introduction was made; 0 if not recorded. */
IV_EXTERN(iv_time) iv_intro_made_at(const iv_intro *in);
IV_EXTERN(int) iv_intro_set_made_at(iv_intro *in, iv_time when);

/** Free text, at most IV_LIMIT_TEXT bytes; borrowed. */
IV_EXTERN(const char *) iv_intro_note(const iv_intro *in);
IV_EXTERN(int) iv_intro_set_note(iv_intro *in, const char *note);

/**
 * Stores a new introduction, assigning its id and times.
 * @return 0; IV_EINVALID if either contact is unset or both are the same;
 *         IV_ENOTFOUND naming the id of a contact that does not exist;
 *         IV_EEXISTS
 */
IV_EXTERN(int) iv_intro_insert(iv_db *db, iv_intro *in);
/** @param out free with iv_intro_free(); @return 0, IV_EINVALID, IV_ENOTFOUND */
IV_EXTERN(int) iv_intro_lookup(iv_intro **out, iv_db *db, const char *id);
/** Replaces the stored introduction; same checks as iv_intro_insert(). */
IV_EXTERN(int) iv_intro_update(iv_db *db, iv_intro *in);
/**
 * Deletes an introduction. One that an interview names is refused with
 * IV_ECONSTRAINT unless `flags` has IV_DELETE_CASCADE; then those interviews
 * are kept and no longer name it.
 */
IV_EXTERN(int) iv_intro_delete(iv_db *db, const char *id, unsigned int flags);

/** Which introductions iv_intro_list() returns. */
typedef struct iv_intro_filter {
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
} iv_intro_filter;

#define IV_INTRO_FILTER_VERSION 1
#define IV_INTRO_FILTER_INIT { IV_INTRO_FILTER_VERSION, NULL, NULL, 0, NULL }
IV_EXTERN(int) iv_intro_filter_init(iv_intro_filter *filter, unsigned int version);

/**
 * Lists introductions ordered by creation time, then id.
 * @param out free with iv_intro_iter_free()
 * @return 0, or IV_EINVALID for a malformed id or status in the filter
 */
IV_EXTERN(int) iv_intro_list(iv_intro_iter **out, iv_db *db, const iv_intro_filter *filter);
/** @param out free with iv_intro_free(); @return 0, IV_ITEROVER, or an error */
IV_EXTERN(int) iv_intro_iter_next(iv_intro **out, iv_intro_iter *it);
IV_EXTERN(void) iv_intro_iter_free(iv_intro_iter *it);

IV_END_DECL

#endif

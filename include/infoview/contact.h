/*
 * libinfoview: contacts, the people in your network.
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_contact_h__
#define INCLUDE_infoview_contact_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

/**
 * A contact is built in memory with iv_contact_new() and the setters, then
 * stored with iv_contact_insert(). Records read back from a store are
 * independent copies: changing one changes nothing stored until it is passed
 * to iv_contact_update().
 *
 * Setters copy their string arguments and check them: invalid UTF-8, control
 * characters in one-line fields, or text over the limits of common.h are
 * refused with IV_EINVALID naming the field, and the record is left as it was.
 * Passing NULL (or "") to an optional field's setter clears it.
 *
 * Every getter (a function taking a `const iv_contact *` and returning a
 * value, not an error code) accepts NULL and then returns NULL for a string,
 * 0 for a number, time, count or enumeration (0 is no iv_known_t), so that a
 * binding holding a freed or failed handle gets no crash.
 */

/**
 * Creates an empty contact: no id, known directly, no cadence.
 * @param out the contact, free with iv_contact_free()
 */
IV_EXTERN(int) iv_contact_new(iv_contact **out);

/** A deep copy of `c`, free with iv_contact_free(). */
IV_EXTERN(int) iv_contact_dup(iv_contact **out, const iv_contact *c);

/** Frees a contact; accepts NULL. */
IV_EXTERN(void) iv_contact_free(iv_contact *c);

/**
 * The contact's id (lower-case UUID), or NULL before it is stored.
 * Borrowed, valid until `c` is freed or its id set again.
 */
IV_EXTERN(const char *) iv_contact_id(const iv_contact *c);

/**
 * Sets the id a new contact will be stored under (for imports); normally
 * iv_contact_insert() assigns one. Accepts either case, keeps lower case;
 * NULL clears the id (insert then assigns a new one). The same holds for
 * iv_intro_set_id(), iv_interview_set_id() and iv_followup_set_id().
 * @return 0, or IV_EINVALID if `id` is not a UUID
 */
IV_EXTERN(int) iv_contact_set_id(iv_contact *c, const char *id);

/** When the contact was stored / last updated (0 before it is stored). */
IV_EXTERN(iv_time) iv_contact_created(const iv_contact *c);
IV_EXTERN(iv_time) iv_contact_updated(const iv_contact *c);

/*
 * Text fields. Getters return a borrowed string valid until `c` is freed or
 * that field set again; NULL when unset (the name is NULL only before it is
 * first set).
 */
IV_EXTERN(const char *) iv_contact_name(const iv_contact *c);
/** The name is required, one line, not blank, at most IV_LIMIT_SHORT bytes. */
IV_EXTERN(int) iv_contact_set_name(iv_contact *c, const char *name);
IV_EXTERN(const char *) iv_contact_phone(const iv_contact *c);
IV_EXTERN(int) iv_contact_set_phone(iv_contact *c, const char *phone);
IV_EXTERN(const char *) iv_contact_company(const iv_contact *c);
IV_EXTERN(int) iv_contact_set_company(iv_contact *c, const char *company);
IV_EXTERN(const char *) iv_contact_title(const iv_contact *c);
IV_EXTERN(int) iv_contact_set_title(iv_contact *c, const char *title);
IV_EXTERN(const char *) iv_contact_location(const iv_contact *c);
IV_EXTERN(int) iv_contact_set_location(iv_contact *c, const char *location);
/** A profile URL: one line, no spaces, at most IV_LIMIT_URL bytes. */
IV_EXTERN(const char *) iv_contact_url(const iv_contact *c);
IV_EXTERN(int) iv_contact_set_url(iv_contact *c, const char *url);
/** Free text, several lines allowed, at most IV_LIMIT_TEXT bytes. */
IV_EXTERN(const char *) iv_contact_notes(const iv_contact *c);
IV_EXTERN(int) iv_contact_set_notes(iv_contact *c, const char *notes);

/** How you know the contact: one of iv_known_t. */
IV_EXTERN(int) iv_contact_known(const iv_contact *c);
/** @return 0, or IV_EINVALID for a value not in iv_known_t */
IV_EXTERN(int) iv_contact_set_known(iv_contact *c, int known);

/** Stay-in-touch cadence in days; 0 means none. */
IV_EXTERN(int) iv_contact_cadence_days(const iv_contact *c);
/** @return 0, or IV_EINVALID unless 0 <= days <= 3650 */
IV_EXTERN(int) iv_contact_set_cadence_days(iv_contact *c, int days);

/** When you last interacted with the contact; 0 if never recorded. */
IV_EXTERN(iv_time) iv_contact_last_interaction(const iv_contact *c);
IV_EXTERN(int) iv_contact_set_last_interaction(iv_contact *c, iv_time when);

/*
 * E-mail addresses, in the order added; the first is the primary one. An
 * address is one word with a single '@' that has text on both sides.
 * Adding one already present (ASCII case-insensitively) changes nothing.
 */
IV_EXTERN(size_t) iv_contact_email_count(const iv_contact *c);
/** The i-th address, borrowed; NULL if i is out of range. */
IV_EXTERN(const char *) iv_contact_email_at(const iv_contact *c, size_t i);
IV_EXTERN(int) iv_contact_add_email(iv_contact *c, const char *email);
/** @return 0, or IV_ENOTFOUND if the address is not there */
IV_EXTERN(int) iv_contact_remove_email(iv_contact *c, const char *email);
IV_EXTERN(void) iv_contact_clear_emails(iv_contact *c);

/*
 * Tags, in the order added. A tag is one line, not blank, at most
 * IV_LIMIT_TAG bytes, without leading or trailing spaces; tags compare ASCII
 * case-insensitively and a duplicate is not added twice.
 */
IV_EXTERN(size_t) iv_contact_tag_count(const iv_contact *c);
IV_EXTERN(const char *) iv_contact_tag_at(const iv_contact *c, size_t i);
/** 1 if the contact has `tag` (ASCII case-insensitively), else 0. */
IV_EXTERN(int) iv_contact_has_tag(const iv_contact *c, const char *tag);
IV_EXTERN(int) iv_contact_add_tag(iv_contact *c, const char *tag);
IV_EXTERN(int) iv_contact_remove_tag(iv_contact *c, const char *tag);
IV_EXTERN(void) iv_contact_clear_tags(iv_contact *c);

/*
 * Storage.
 */

/**
 * Stores a new contact. Assigns its id (unless one was set), and its created
 * and updated times from the store's clock; `c` is updated to match.
 * @return 0, IV_EINVALID if the name is missing, IV_EEXISTS if the id is
 *         taken
 */
IV_EXTERN(int) iv_contact_insert(iv_db *db, iv_contact *c);

/**
 * Looks a contact up by id.
 * @param out the contact, free with iv_contact_free()
 * @return 0, IV_EINVALID for a malformed id, IV_ENOTFOUND
 */
IV_EXTERN(int) iv_contact_lookup(iv_contact **out, iv_db *db, const char *id);

/**
 * Replaces the stored contact having `c`'s id with `c`, and stamps its
 * updated time.
 * @return 0, IV_EINVALID, IV_ENOTFOUND
 */
IV_EXTERN(int) iv_contact_update(iv_db *db, iv_contact *c);

/**
 * Deletes a contact. A contact named by an introduction, interview or
 * follow-up is refused with IV_ECONSTRAINT unless `flags` has
 * IV_DELETE_CASCADE, which also deletes those introductions, interviews and
 * follow-ups (and the follow-ups of those interviews), all in one
 * transaction.
 * @return 0, IV_EINVALID, IV_ENOTFOUND, IV_ECONSTRAINT
 */
IV_EXTERN(int) iv_contact_delete(iv_db *db, const char *id, unsigned int flags);

/** Which contacts iv_contact_list() returns. */
typedef struct iv_contact_filter {
	unsigned int version;
	/** only contacts at this company (ASCII case-insensitive equality); NULL for any */
	const char *company;
	/** only contacts with this tag (ASCII case-insensitive); NULL for any */
	const char *tag;
	/**
	 * only records whose id begins with this: 1 to 36 characters of the
	 * UUID text form (hex digits in either case, hyphens only where a UUID
	 * has them); NULL for any
	 */
	const char *id_prefix;
	/** only contacts whose name equals this (ASCII case-insensitive); NULL for any */
	const char *name;
} iv_contact_filter;

#define IV_CONTACT_FILTER_VERSION 1
#define IV_CONTACT_FILTER_INIT { IV_CONTACT_FILTER_VERSION, NULL, NULL, NULL, NULL }

/**
 * Initialises a filter to its defaults (matching everything).
 * @return 0, or IV_EVERSION for a version this library does not know
 */
IV_EXTERN(int) iv_contact_filter_init(iv_contact_filter *filter, unsigned int version);

/**
 * Lists contacts ordered by name (ASCII case-insensitive), then id.
 * @param out the iterator, free with iv_contact_iter_free() before the store
 * @param filter NULL for every contact; borrowed for this call only
 * @return 0, or IV_EINVALID for a malformed field of the filter
 */
IV_EXTERN(int) iv_contact_list(iv_contact_iter **out, iv_db *db, const iv_contact_filter *filter);

/**
 * The next contact.
 * @param out the contact, free with iv_contact_free()
 * @return 0, IV_ITEROVER at the end, or an error
 */
IV_EXTERN(int) iv_contact_iter_next(iv_contact **out, iv_contact_iter *it);

/** Frees an iterator; accepts NULL. */
IV_EXTERN(void) iv_contact_iter_free(iv_contact_iter *it);

IV_END_DECL

#endif

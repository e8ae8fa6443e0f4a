/**
 * @file infoview/contact.h
 * @brief Contacts, the people in your network.
 *
 * @par Threads
 * As in db.h: a store and its iterators, one thread at a time; a contact
 * is an independent copy, used by one thread at a time.
 *
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
 * @return 0, IV_ENOMEM
 */
IV_EXTERN(int) iv_contact_new(iv_contact **out);

/**
 * A deep copy of a contact.
 * @param out the copy, free with iv_contact_free()
 * @param c the contact
 * @return 0, IV_EINVALID when `c` is NULL, IV_ENOMEM
 */
IV_EXTERN(int) iv_contact_dup(iv_contact **out, const iv_contact *c);

/**
 * Frees a contact; accepts NULL.
 * @param c the contact, or NULL
 */
IV_EXTERN(void) iv_contact_free(iv_contact *c);

/**
 * The contact's id (lower-case UUID), or NULL before it is stored.
 * @param c the contact, or NULL
 * @return the id; borrowed, valid until `c` is freed or its id set again
 */
IV_EXTERN(const char *) iv_contact_id(const iv_contact *c);

/**
 * Sets the id a new contact will be stored under (for imports); normally
 * iv_contact_insert() assigns one. Accepts either case, keeps lower case;
 * NULL clears the id (insert then assigns a new one). The same holds for
 * iv_intro_set_id(), iv_interview_set_id() and iv_followup_set_id().
 * @param c the contact
 * @param id the id, copied; NULL clears it
 * @return 0, or IV_EINVALID if `id` is not a UUID
 */
IV_EXTERN(int) iv_contact_set_id(iv_contact *c, const char *id);

/**
 * When the contact was stored.
 * @param c the contact, or NULL
 * @return the time; 0 before it is stored
 */
IV_EXTERN(iv_time) iv_contact_created(const iv_contact *c);
/**
 * The contact's number: a short reference, unique among the store's
 * contacts and never given twice, that the store gives it when it is
 * inserted (1, 2, 3... in the order of insertion). Programs show it to
 * users ("#12") and find the record again with the list filter's `number`.
 * A stored id keeps working everywhere; the number is only shorter.
 * @param c the contact, or NULL
 * @return the number; 0 before it is stored, and in a store whose backend
 *         keeps no numbers (one of backend version 1)
 */
IV_EXTERN(int64_t) iv_contact_number(const iv_contact *c);
/**
 * When the contact was last updated in the store.
 * @param c the contact, or NULL
 * @return the time; 0 before it is stored
 */
IV_EXTERN(iv_time) iv_contact_updated(const iv_contact *c);

/*
 * Text fields. Getters return a borrowed string valid until `c` is freed or
 * that field set again; NULL when unset (the name is NULL only before it is
 * first set). Setters copy.
 */
/**
 * The contact's name.
 * @param c the contact, or NULL
 * @return the name; borrowed, valid until `c` is freed or its name set; NULL before it is set or when `c` is NULL
 */
IV_EXTERN(const char *) iv_contact_name(const iv_contact *c);
/**
 * Sets the name: required, one line, not blank, at most IV_LIMIT_SHORT bytes.
 * @param c the contact
 * @param name the name, copied
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_contact_set_name(iv_contact *c, const char *name);
/**
 * The phone number.
 * @param c the contact, or NULL
 * @return borrowed, valid until `c` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_contact_phone(const iv_contact *c);
/**
 * Sets the phone number: one line, at most IV_LIMIT_SHORT bytes.
 * @param c the contact
 * @param phone the number, copied; NULL or "" clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_contact_set_phone(iv_contact *c, const char *phone);
/**
 * The company.
 * @param c the contact, or NULL
 * @return borrowed, valid until `c` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_contact_company(const iv_contact *c);
/**
 * Sets the company: one line, at most IV_LIMIT_SHORT bytes.
 * @param c the contact
 * @param company the company, copied; NULL or "" clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_contact_set_company(iv_contact *c, const char *company);
/**
 * The job title.
 * @param c the contact, or NULL
 * @return borrowed, valid until `c` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_contact_title(const iv_contact *c);
/**
 * Sets the job title: one line, at most IV_LIMIT_SHORT bytes.
 * @param c the contact
 * @param title the title, copied; NULL or "" clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_contact_set_title(iv_contact *c, const char *title);
/**
 * Where the contact lives or works.
 * @param c the contact, or NULL
 * @return borrowed, valid until `c` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_contact_location(const iv_contact *c);
/**
 * Sets the location: one line, at most IV_LIMIT_SHORT bytes.
 * @param c the contact
 * @param location the location, copied; NULL or "" clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_contact_set_location(iv_contact *c, const char *location);
/**
 * A profile URL: one line, no spaces, at most IV_LIMIT_URL bytes.
 * @param c the contact, or NULL
 * @return borrowed, valid until `c` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_contact_url(const iv_contact *c);
/**
 * Sets the profile URL.
 * @param c the contact
 * @param url the URL, copied; NULL or "" clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_contact_set_url(iv_contact *c, const char *url);
/**
 * Free text, several lines allowed, at most IV_LIMIT_TEXT bytes.
 * @param c the contact, or NULL
 * @return borrowed, valid until `c` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_contact_notes(const iv_contact *c);
/**
 * Sets the notes.
 * @param c the contact
 * @param notes the notes, copied; NULL or "" clears them
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_contact_set_notes(iv_contact *c, const char *notes);

/**
 * How you know the contact.
 * @param c the contact, or NULL
 * @return one of iv_known_t; 0 when `c` is NULL
 */
IV_EXTERN(int) iv_contact_known(const iv_contact *c);
/**
 * Sets how you know the contact.
 * @param c the contact
 * @param known one of iv_known_t
 * @return 0, or IV_EINVALID for a value not in iv_known_t
 */
IV_EXTERN(int) iv_contact_set_known(iv_contact *c, int known);

/**
 * The stay-in-touch cadence (see workflow.h).
 * @param c the contact, or NULL
 * @return the cadence in days; 0 means none
 */
IV_EXTERN(int) iv_contact_cadence_days(const iv_contact *c);
/**
 * Sets the stay-in-touch cadence.
 * @param c the contact
 * @param days the cadence in days; 0 for none
 * @return 0, or IV_EINVALID unless 0 <= days <= 3650
 */
IV_EXTERN(int) iv_contact_set_cadence_days(iv_contact *c, int days);

/**
 * When you last interacted with the contact.
 * @param c the contact, or NULL
 * @return the time; 0 if never recorded
 */
IV_EXTERN(iv_time) iv_contact_last_interaction(const iv_contact *c);
/**
 * Sets when you last interacted with the contact (iv_contact_touch() also
 * records one in a store).
 * @param c the contact
 * @param when the time; 0 clears it
 * @return 0, or IV_EINVALID for a time outside IV_TIME_MIN to IV_TIME_MAX
 */
IV_EXTERN(int) iv_contact_set_last_interaction(iv_contact *c, iv_time when);

/*
 * E-mail addresses, in the order added; the first is the primary one. An
 * address is one word with a single '@' that has text on both sides.
 * Adding one already present (ASCII case-insensitively) changes nothing.
 */
/**
 * The number of e-mail addresses.
 * @param c the contact, or NULL
 * @return the count
 */
IV_EXTERN(size_t) iv_contact_email_count(const iv_contact *c);
/**
 * The i-th e-mail address.
 * @param c the contact, or NULL
 * @param i the index, from 0
 * @return the address; borrowed, valid until `c` is freed or its addresses
 *         change; NULL if `i` is out of range
 */
IV_EXTERN(const char *) iv_contact_email_at(const iv_contact *c, size_t i);
/**
 * Appends an e-mail address (at most IV_LIMIT_LIST of them).
 * @param c the contact
 * @param email the address, copied
 * @return 0, IV_EINVALID for a malformed address or a full list
 */
IV_EXTERN(int) iv_contact_add_email(iv_contact *c, const char *email);
/**
 * Removes an e-mail address (ASCII case-insensitively).
 * @param c the contact
 * @param email the address
 * @return 0, or IV_ENOTFOUND if the address is not there
 */
IV_EXTERN(int) iv_contact_remove_email(iv_contact *c, const char *email);
/**
 * Removes every e-mail address.
 * @param c the contact; NULL does nothing
 */
IV_EXTERN(void) iv_contact_clear_emails(iv_contact *c);

/*
 * Tags, in the order added. A tag is one line, not blank, at most
 * IV_LIMIT_TAG bytes, without leading or trailing spaces; tags compare ASCII
 * case-insensitively and a duplicate is not added twice.
 */
/**
 * The number of tags.
 * @param c the contact, or NULL
 * @return the count
 */
IV_EXTERN(size_t) iv_contact_tag_count(const iv_contact *c);
/**
 * The i-th tag.
 * @param c the contact, or NULL
 * @param i the index, from 0
 * @return the tag; borrowed, valid until `c` is freed or its tags change;
 *         NULL if `i` is out of range
 */
IV_EXTERN(const char *) iv_contact_tag_at(const iv_contact *c, size_t i);
/**
 * Whether the contact has a tag (ASCII case-insensitively).
 * @param c the contact, or NULL
 * @param tag the tag
 * @return 1 if it has, else 0
 */
IV_EXTERN(int) iv_contact_has_tag(const iv_contact *c, const char *tag);
/**
 * Adds a tag (at most IV_LIMIT_LIST of them).
 * @param c the contact
 * @param tag the tag, copied
 * @return 0, IV_EINVALID for a malformed tag or a full list
 */
IV_EXTERN(int) iv_contact_add_tag(iv_contact *c, const char *tag);
/**
 * Removes a tag (ASCII case-insensitively).
 * @param c the contact
 * @param tag the tag
 * @return 0, or IV_ENOTFOUND if the contact does not have it
 */
IV_EXTERN(int) iv_contact_remove_tag(iv_contact *c, const char *tag);
/**
 * Removes every tag.
 * @param c the contact; NULL does nothing
 */
IV_EXTERN(void) iv_contact_clear_tags(iv_contact *c);

/*
 * Storage.
 */

/**
 * Stores a new contact. Assigns its id (unless one was set), and its created
 * and updated times from the store's clock; `c` is updated to match.
 * @param db the store
 * @param c the contact; borrowed for this call
 * @return 0, IV_EINVALID if the name is missing, IV_EEXISTS if the id is
 *         taken
 */
IV_EXTERN(int) iv_contact_insert(iv_db *db, iv_contact *c);

/**
 * Looks a contact up by id.
 * @param out the contact, free with iv_contact_free()
 * @param db the store
 * @param id the contact's id
 * @return 0, IV_EINVALID for a malformed id, IV_ENOTFOUND
 */
IV_EXTERN(int) iv_contact_lookup(iv_contact **out, iv_db *db, const char *id);

/**
 * Replaces the stored contact having `c`'s id with `c`, and stamps its
 * updated time.
 * @param db the store
 * @param c the contact; its updated time is set to match
 * @return 0, IV_EINVALID, IV_ENOTFOUND
 */
IV_EXTERN(int) iv_contact_update(iv_db *db, iv_contact *c);

/**
 * Deletes a contact. A contact named by an introduction, interview or
 * follow-up is refused with IV_ECONSTRAINT unless `flags` has
 * IV_DELETE_CASCADE, which also deletes those introductions, interviews and
 * follow-ups (and the follow-ups of those interviews), all in one
 * transaction.
 * @param db the store
 * @param id the contact's id
 * @param flags IV_DELETE_DEFAULT or IV_DELETE_CASCADE (iv_delete_flags_t)
 * @return 0, IV_EINVALID, IV_ENOTFOUND, IV_ECONSTRAINT
 */
IV_EXTERN(int) iv_contact_delete(iv_db *db, const char *id, unsigned int flags);

/** Which contacts iv_contact_list() returns. */
typedef struct iv_contact_filter {
	/** the struct's version: IV_CONTACT_FILTER_VERSION */
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
	/**
	 * only the record with this number (iv_contact_number()); 0 for any.
	 * Since version 2.
	 */
	int64_t number;
	/**
	 * only contacts having this e-mail address among theirs (the whole
	 * address, ASCII case-insensitive); NULL for any. Since version 2.
	 */
	const char *email;
	/**
	 * only contacts whose profile URL equals this (ASCII case-insensitive);
	 * NULL for any. Since version 3.
	 */
	const char *url;
} iv_contact_filter;

/**
 * The current version of iv_contact_filter (2 added `number` and `email`,
 * 3 added `url`).
 */
#define IV_CONTACT_FILTER_VERSION 3
/** A static initialiser for iv_contact_filter matching everything. */
#define IV_CONTACT_FILTER_INIT { IV_CONTACT_FILTER_VERSION, NULL, NULL, NULL, NULL, 0, NULL, NULL }

/**
 * Initialises a filter to its defaults (matching everything).
 * @param filter the filter
 * @param version IV_CONTACT_FILTER_VERSION, or an older version
 * @return 0, or IV_EVERSION for a version this library does not know
 */
IV_EXTERN(int) iv_contact_filter_init(iv_contact_filter *filter, unsigned int version);

/**
 * Lists contacts ordered by name (ASCII case-insensitive), then id.
 * @param out the iterator, free with iv_contact_iter_free() before the store
 * @param db the store
 * @param filter NULL for every contact; borrowed for this call only
 * @return 0, or IV_EINVALID for a malformed field of the filter
 */
IV_EXTERN(int) iv_contact_list(iv_contact_iter **out, iv_db *db, const iv_contact_filter *filter);

/**
 * The next contact.
 * @param out the contact, free with iv_contact_free()
 * @param it the iterator
 * @return 0, IV_ITEROVER at the end, or an error
 */
IV_EXTERN(int) iv_contact_iter_next(iv_contact **out, iv_contact_iter *it);

/**
 * Frees an iterator; accepts NULL.
 * @param it the iterator, or NULL
 */
IV_EXTERN(void) iv_contact_iter_free(iv_contact_iter *it);

IV_END_DECL

#endif

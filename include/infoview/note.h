/**
 * @file infoview/note.h
 * @brief Notes, dated entries about a contact; and a contact's timeline.
 *
 * A note is a record of its own: what you learned or did with a person, on
 * a date. Notes are only ever added or deleted, never rewritten, so that
 * editing a contact cannot lose them (the contact's own notes field,
 * iv_contact_notes(), stays a free text about them). Conventions as in
 * contact.h: setters copy and check their arguments; every getter accepts
 * NULL and then returns NULL or 0.
 *
 * Notes need a backend of version 2 or later (both built-in backends are);
 * with an older backend the functions that store or list notes fail with
 * IV_EVERSION, and everything else keeps working.
 *
 * @par Threads
 * As in db.h; a note and a timeline entry are independent copies.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_note_h__
#define INCLUDE_infoview_note_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

/** A dated note about a contact. */
typedef struct iv_note iv_note;
/** An iterator over notes; see iv_note_iter_next(). */
typedef struct iv_note_iter iv_note_iter;

/**
 * Creates an empty note.
 * @param out the note, free with iv_note_free()
 * @return 0, IV_ENOMEM
 */
IV_EXTERN(int) iv_note_new(iv_note **out);
/**
 * A deep copy of a note.
 * @param out the copy, free with iv_note_free()
 * @param n the note
 * @return 0, IV_EINVALID when `n` is NULL, IV_ENOMEM
 */
IV_EXTERN(int) iv_note_dup(iv_note **out, const iv_note *n);
/**
 * Frees a note; accepts NULL.
 * @param n the note, or NULL
 */
IV_EXTERN(void) iv_note_free(iv_note *n);

/**
 * The note's id.
 * @param n the note, or NULL
 * @return the id; borrowed, valid until `n` is freed or its id set; NULL before it is stored
 */
IV_EXTERN(const char *) iv_note_id(const iv_note *n);
/**
 * Sets the id a new note will be stored under (as iv_contact_set_id()).
 * @param n the note
 * @param id the id, copied; NULL clears it
 * @return 0, or IV_EINVALID if `id` is not a UUID
 */
IV_EXTERN(int) iv_note_set_id(iv_note *n, const char *id);
/**
 * The note's number, as iv_contact_number().
 * @param n the note, or NULL
 * @return the number; 0 before it is stored
 */
IV_EXTERN(int64_t) iv_note_number(const iv_note *n);
/**
 * When the note was stored.
 * @param n the note, or NULL
 * @return the time; 0 before it is stored
 */
IV_EXTERN(iv_time) iv_note_created(const iv_note *n);
/**
 * The contact the note is about (required).
 * @param n the note, or NULL
 * @return the contact's id; borrowed, valid until `n` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_note_contact(const iv_note *n);
/**
 * Sets the contact the note is about.
 * @param n the note
 * @param contact_id the contact's id, copied
 * @return 0, or IV_EINVALID if `contact_id` is not a UUID
 */
IV_EXTERN(int) iv_note_set_contact(iv_note *n, const char *contact_id);
/**
 * The time the note is about (when you talked, say).
 * @param n the note, or NULL
 * @return the time; 0 until set or stored
 */
IV_EXTERN(iv_time) iv_note_at(const iv_note *n);
/**
 * Sets the time the note is about; 0 lets iv_note_insert() use the
 * store's clock.
 * @param n the note
 * @param when the time, IV_TIME_MIN to IV_TIME_MAX
 * @return 0, or IV_EINVALID for a time before IV_TIME_MIN or past
 *         IV_TIME_MAX (before 0.2, any negative time was refused)
 */
IV_EXTERN(int) iv_note_set_at(iv_note *n, iv_time when);
/**
 * The note's text (required): several lines allowed, at most
 * IV_LIMIT_TEXT bytes.
 * @param n the note, or NULL
 * @return the text; borrowed, valid until `n` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_note_text(const iv_note *n);
/**
 * Sets the note's text.
 * @param n the note
 * @param text the text, copied; not blank
 * @return 0, or IV_EINVALID (invalid UTF-8, control characters, blank or too long)
 */
IV_EXTERN(int) iv_note_set_text(iv_note *n, const char *text);

/**
 * Stores a new note, assigning its id (unless set), number and stored
 * time, and its time from the store's clock when unset.
 * @param db the store
 * @param n the note; its id and times are set on success
 * @return 0; IV_EINVALID for a note without contact or text; IV_ENOTFOUND
 *         naming a missing contact; IV_EEXISTS for a taken id;
 *         IV_EVERSION when the store's backend keeps no notes
 */
IV_EXTERN(int) iv_note_insert(iv_db *db, iv_note *n);
/**
 * Reads one note.
 * @param out the note, free with iv_note_free()
 * @param db the store
 * @param id the note's id
 * @return 0, IV_EINVALID for a malformed id, IV_ENOTFOUND, IV_EVERSION
 */
IV_EXTERN(int) iv_note_lookup(iv_note **out, iv_db *db, const char *id);
/**
 * Deletes a note. Deleting a contact deletes its notes too.
 * @param db the store
 * @param id the note's id
 * @return 0, IV_EINVALID for a malformed id, IV_ENOTFOUND, IV_EVERSION
 */
IV_EXTERN(int) iv_note_delete(iv_db *db, const char *id);

/** Which notes iv_note_list() returns. */
typedef struct iv_note_filter {
	/** the struct's version: IV_NOTE_FILTER_VERSION */
	unsigned int version;
	/** only notes about this contact id; NULL for any */
	const char *contact;
	/** only records whose id begins with this (as in iv_contact_filter); NULL for any */
	const char *id_prefix;
	/** only the note with this number; 0 for any */
	int64_t number;
} iv_note_filter;

/** The current version of iv_note_filter. */
#define IV_NOTE_FILTER_VERSION 1
/** A static initialiser for iv_note_filter matching everything. */
#define IV_NOTE_FILTER_INIT { IV_NOTE_FILTER_VERSION, NULL, NULL, 0 }
/**
 * Initialises a filter to its defaults (matching everything).
 * @param filter the filter
 * @param version IV_NOTE_FILTER_VERSION, or an older version
 * @return 0, or IV_EVERSION for a version this library does not know
 */
IV_EXTERN(int) iv_note_filter_init(iv_note_filter *filter, unsigned int version);
/**
 * Lists notes, by time (iv_note_at()), then by id.
 * @param out the iterator, free with iv_note_iter_free()
 * @param db the store
 * @param filter NULL for every note; borrowed for this call only
 * @return 0, IV_EINVALID for a malformed filter, IV_EVERSION
 */
IV_EXTERN(int) iv_note_list(iv_note_iter **out, iv_db *db, const iv_note_filter *filter);
/**
 * The next note.
 * @param out the note, free with iv_note_free()
 * @param it the iterator
 * @return 0, IV_ITEROVER at the end, or an error
 */
IV_EXTERN(int) iv_note_iter_next(iv_note **out, iv_note_iter *it);
/**
 * Frees an iterator; accepts NULL.
 * @param it the iterator, or NULL
 */
IV_EXTERN(void) iv_note_iter_free(iv_note_iter *it);

/**
 * Records an interaction with a contact, with a note of it: sets the
 * contact's last interaction to `when` if that is later than the one
 * stored, moves its check-in (as iv_contact_touch()), and, when `text` is
 * given, stores it as a note dated `when`; all in one transaction. With a
 * backend that keeps no notes, the text is appended to the contact's notes
 * instead, as iv_contact_touch() does.
 * @param out the note stored, free with iv_note_free(); may be NULL; set to
 *        NULL when no note was stored
 * @param db the store
 * @param contact_id the contact's id
 * @param when the time of the interaction; 0 for now
 * @param text the note, or NULL for none
 * @return 0; IV_EINVALID for a malformed id or text, or a time outside
 *         IV_TIME_MIN to IV_TIME_MAX; IV_ENOTFOUND
 */
IV_EXTERN(int) iv_contact_interact(iv_note **out, iv_db *db, const char *contact_id, iv_time when, const char *text);

/**
 * @name A contact's timeline
 * Everything that happened with one contact, oldest first: notes about
 * them, introductions they made or that introduced them, their interviews,
 * and follow-ups to them.
 * @{
 */

/** An iterator over a timeline; see iv_timeline_iter_next(). */
typedef struct iv_timeline_iter iv_timeline_iter;
/** One entry of a timeline. */
typedef struct iv_timeline_entry iv_timeline_entry;

/** What a timeline entry is. */
typedef enum {
	IV_TIMELINE_NOTE = 1,      /**< a note (iv_timeline_entry_note()) */
	IV_TIMELINE_INTRO = 2,     /**< an introduction (iv_timeline_entry_intro()) */
	IV_TIMELINE_INTERVIEW = 3, /**< an interview (iv_timeline_entry_interview()) */
	IV_TIMELINE_FOLLOWUP = 4   /**< a follow-up (iv_timeline_entry_followup()) */
} iv_timeline_kind_t;

/**
 * A contact's timeline. Each record is one entry at its time: a note at
 * iv_note_at(); an introduction when it was made, else when requested,
 * else when stored; an interview at the time of its current status (a
 * scheduled one at its scheduled time, if set); a follow-up when it was
 * closed, or while pending at its due time. Entries are ordered by time,
 * then kind, then id; pending follow-ups and scheduled interviews may lie
 * in the future. Notes are left out with a backend that keeps none.
 * @param out the iterator, free with iv_timeline_iter_free()
 * @param db the store
 * @param contact_id the contact's id
 * @return 0, IV_EINVALID for a malformed id, IV_ENOTFOUND for a missing
 *         contact
 */
IV_EXTERN(int) iv_timeline(iv_timeline_iter **out, iv_db *db, const char *contact_id);
/**
 * The next entry.
 * @param out the entry, free with iv_timeline_entry_free()
 * @param it the iterator
 * @return 0, IV_ITEROVER at the end, or an error
 */
IV_EXTERN(int) iv_timeline_iter_next(iv_timeline_entry **out, iv_timeline_iter *it);
/**
 * Frees an iterator; accepts NULL.
 * @param it the iterator, or NULL
 */
IV_EXTERN(void) iv_timeline_iter_free(iv_timeline_iter *it);
/**
 * Frees an entry and the record it holds; accepts NULL.
 * @param e the entry, or NULL
 */
IV_EXTERN(void) iv_timeline_entry_free(iv_timeline_entry *e);
/**
 * What the entry is.
 * @param e the entry, or NULL
 * @return one of iv_timeline_kind_t; 0 for NULL
 */
IV_EXTERN(int) iv_timeline_entry_kind(const iv_timeline_entry *e);
/**
 * The entry's time (see iv_timeline()).
 * @param e the entry, or NULL
 * @return the time; 0 for NULL
 */
IV_EXTERN(iv_time) iv_timeline_entry_time(const iv_timeline_entry *e);
/**
 * The note, for IV_TIMELINE_NOTE.
 * @param e the entry, or NULL
 * @return borrowed, valid until `e` is freed; NULL for other kinds
 */
IV_EXTERN(const iv_note *) iv_timeline_entry_note(const iv_timeline_entry *e);
/**
 * The introduction, for IV_TIMELINE_INTRO.
 * @param e the entry, or NULL
 * @return borrowed, valid until `e` is freed; NULL for other kinds
 */
IV_EXTERN(const iv_intro *) iv_timeline_entry_intro(const iv_timeline_entry *e);
/**
 * The interview, for IV_TIMELINE_INTERVIEW.
 * @param e the entry, or NULL
 * @return borrowed, valid until `e` is freed; NULL for other kinds
 */
IV_EXTERN(const iv_interview *) iv_timeline_entry_interview(const iv_timeline_entry *e);
/**
 * The follow-up, for IV_TIMELINE_FOLLOWUP.
 * @param e the entry, or NULL
 * @return borrowed, valid until `e` is freed; NULL for other kinds
 */
IV_EXTERN(const iv_followup *) iv_timeline_entry_followup(const iv_timeline_entry *e);
/** @} */

IV_END_DECL

#endif

/**
 * @file infoview/interview.h
 * @brief Informational interviews.
 *
 * An interview is a short talk with one contact (the interviewee), possibly
 * arranged through an introduction. It holds an ordered list of questions,
 * each with an optional answer, notes, and the advice and resources that came
 * out of it. Conventions as in contact.h: setters copy and check their
 * arguments; every getter accepts NULL and then returns NULL for a string,
 * 0 for a number, time, count or enumeration (so iv_interview_medium(NULL)
 * is IV_MEDIUM_UNSET).
 *
 * @par Threads
 * As in db.h; an interview is an independent copy.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_interview_h__
#define INCLUDE_infoview_interview_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

/** The planned length of a new interview, in minutes. */
#define IV_INTERVIEW_DEFAULT_MINUTES 30

/**
 * Creates an empty interview: planned, 30 minutes, medium unset.
 * @param out the interview, free with iv_interview_free()
 * @return 0, IV_ENOMEM
 */
IV_EXTERN(int) iv_interview_new(iv_interview **out);
/**
 * A deep copy of an interview.
 * @param out the copy, free with iv_interview_free()
 * @param iv the interview
 * @return 0, IV_EINVALID when `iv` is NULL, IV_ENOMEM
 */
IV_EXTERN(int) iv_interview_dup(iv_interview **out, const iv_interview *iv);
/**
 * Frees an interview; accepts NULL.
 * @param iv the interview, or NULL
 */
IV_EXTERN(void) iv_interview_free(iv_interview *iv);

/**
 * The interview's id.
 * @param iv the interview, or NULL
 * @return the id; borrowed, valid until `iv` is freed or the field set; NULL before it is stored
 */
IV_EXTERN(const char *) iv_interview_id(const iv_interview *iv);
/**
 * Sets the id a new interview will be stored under (as iv_contact_set_id()).
 * @param iv the interview
 * @param id the id, copied; NULL clears it
 * @return 0, or IV_EINVALID if `id` is not a UUID
 */
IV_EXTERN(int) iv_interview_set_id(iv_interview *iv, const char *id);
/**
 * When the interview was stored.
 * @param iv the interview, or NULL
 * @return the time; 0 before it is stored
 */
IV_EXTERN(iv_time) iv_interview_created(const iv_interview *iv);
/**
 * The interview's number: a short reference, unique among the store's
 * interviews and never given twice, that the store gives it when it is
 * inserted (1, 2, 3... in the order of insertion). Programs show it to
 * users ("#12") and find the record again with the list filter's `number`.
 * A stored id keeps working everywhere; the number is only shorter.
 * @param iv the interview, or NULL
 * @return the number; 0 before it is stored, and in a store whose backend
 *         keeps no numbers (one of backend version 1)
 */
IV_EXTERN(int64_t) iv_interview_number(const iv_interview *iv);
/**
 * When the interview was last updated in the store.
 * @param iv the interview, or NULL
 * @return the time; 0 before it is stored
 */
IV_EXTERN(iv_time) iv_interview_updated(const iv_interview *iv);

/**
 * The interviewee's contact id (required).
 * @param iv the interview, or NULL
 * @return the id; borrowed, valid until `iv` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_interview_contact(const iv_interview *iv);
/**
 * Sets the interviewee.
 * @param iv the interview
 * @param contact_id the contact's id, copied
 * @return 0, or IV_EINVALID if `contact_id` is not a UUID
 */
IV_EXTERN(int) iv_interview_set_contact(iv_interview *iv, const char *contact_id);
/**
 * The introduction that led to the interview; it must introduce the
 * interviewee.
 * @param iv the interview, or NULL
 * @return the introduction's id; borrowed, valid until `iv` is freed or the field set; NULL if none
 */
IV_EXTERN(const char *) iv_interview_intro(const iv_interview *iv);
/**
 * Sets the introduction that led to the interview.
 * @param iv the interview
 * @param intro_id the introduction's id, copied; NULL clears it
 * @return 0, or IV_EINVALID if `intro_id` is not a UUID
 */
IV_EXTERN(int) iv_interview_set_intro(iv_interview *iv, const char *intro_id);

/**
 * What you want to learn from them; text, at most IV_LIMIT_TEXT bytes.
 * @param iv the interview, or NULL
 * @return the purpose; borrowed, valid until `iv` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_interview_purpose(const iv_interview *iv);
/**
 * Sets the purpose.
 * @param iv the interview
 * @param purpose the text, copied; NULL or "" clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_interview_set_purpose(iv_interview *iv, const char *purpose);
/**
 * Notes taken during or after the talk; at most IV_LIMIT_TEXT bytes.
 * @param iv the interview, or NULL
 * @return the notes; borrowed, valid until `iv` is freed or the field set; NULL if unset
 */
IV_EXTERN(const char *) iv_interview_notes(const iv_interview *iv);
/**
 * Sets the notes.
 * @param iv the interview
 * @param notes the text, copied; NULL or "" clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_interview_set_notes(iv_interview *iv, const char *notes);

/**
 * How the interview is held.
 * @param iv the interview, or NULL
 * @return one of iv_medium_t
 */
IV_EXTERN(int) iv_interview_medium(const iv_interview *iv);
/**
 * Sets how the interview is held.
 * @param iv the interview
 * @param medium one of iv_medium_t
 * @return 0, or IV_EINVALID for another value
 */
IV_EXTERN(int) iv_interview_set_medium(iv_interview *iv, int medium);
/**
 * When the interview is to take place.
 * @param iv the interview, or NULL
 * @return the time; 0 if not scheduled
 */
IV_EXTERN(iv_time) iv_interview_scheduled_at(const iv_interview *iv);
/**
 * Sets when the interview is to take place.
 * @param iv the interview
 * @param when the time; 0 clears it
 * @return 0, or IV_EINVALID for a time outside IV_TIME_MIN to IV_TIME_MAX
 */
IV_EXTERN(int) iv_interview_set_scheduled_at(iv_interview *iv, iv_time when);
/**
 * The planned length.
 * @param iv the interview, or NULL
 * @return the length in minutes, 1 to 600
 */
IV_EXTERN(int) iv_interview_minutes(const iv_interview *iv);
/**
 * Sets the planned length.
 * @param iv the interview
 * @param minutes the length in minutes, 1 to 600
 * @return 0, or IV_EINVALID out of range
 */
IV_EXTERN(int) iv_interview_set_minutes(iv_interview *iv, int minutes);

/**
 * Where the interview stands.
 * @param iv the interview, or NULL
 * @return one of iv_interview_status_t
 */
IV_EXTERN(int) iv_interview_status(const iv_interview *iv);
/**
 * Sets the status of the record in memory; the lifecycle (workflow.h)
 * is checked when it is stored.
 * @param iv the interview
 * @param status one of iv_interview_status_t
 * @return 0, or IV_EINVALID for another value
 */
IV_EXTERN(int) iv_interview_set_status(iv_interview *iv, int status);
/**
 * When the interview entered a status.
 * @param iv the interview, or NULL
 * @param status one of iv_interview_status_t
 * @return the time; 0 if it never did or it was not recorded;
 *         IV_INTERVIEW_PLANNED gives the creation time
 */
IV_EXTERN(iv_time) iv_interview_status_at(const iv_interview *iv, int status);
/**
 * Records when the interview entered a status.
 * @param iv the interview
 * @param status one of iv_interview_status_t
 * @param when the time; 0 clears it
 * @return 0, or IV_EINVALID for an unknown status or a time outside
 *         IV_TIME_MIN to IV_TIME_MAX
 */
IV_EXTERN(int) iv_interview_set_status_at(iv_interview *iv, int status, iv_time when);

/*
 * Questions: an ordered list; each has text (required, not blank) and an
 * answer (NULL until answered). Indices start at 0; an index out of range is
 * IV_EINVALID ("question: index 7 out of range (4 questions)").
 */
/**
 * The number of questions.
 * @param iv the interview, or NULL
 * @return the count
 */
IV_EXTERN(size_t) iv_interview_question_count(const iv_interview *iv);
/**
 * The i-th question's text.
 * @param iv the interview, or NULL
 * @param i the index, from 0
 * @return the text; borrowed, valid until `iv` is freed or its questions
 *         change; NULL if out of range
 */
IV_EXTERN(const char *) iv_interview_question_at(const iv_interview *iv, size_t i);
/**
 * The i-th question's answer.
 * @param iv the interview, or NULL
 * @param i the index, from 0
 * @return the answer; borrowed, valid until `iv` is freed or its questions
 *         change; NULL if unanswered or out of range
 */
IV_EXTERN(const char *) iv_interview_answer_at(const iv_interview *iv, size_t i);
/**
 * Appends a question (at most IV_LIMIT_LIST).
 * @param iv the interview
 * @param question the text, copied
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_interview_add_question(iv_interview *iv, const char *question);
/**
 * Inserts a question before index `i` (i == count appends).
 * @param iv the interview
 * @param i the index, from 0
 * @param question the text, copied
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_interview_insert_question(iv_interview *iv, size_t i, const char *question);
/**
 * Replaces the text of question `i`, keeping its answer.
 * @param iv the interview
 * @param i the index, from 0
 * @param question the text, copied
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_interview_set_question(iv_interview *iv, size_t i, const char *question);
/**
 * Sets (or with NULL clears) the answer to question `i`.
 * @param iv the interview
 * @param i the index, from 0
 * @param answer the answer, copied; NULL clears it
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_interview_set_answer(iv_interview *iv, size_t i, const char *answer);
/**
 * Moves question `from` so that it ends up at index `to`.
 * @param iv the interview
 * @param from the question's index now
 * @param to its index afterwards
 * @return 0, or IV_EINVALID for an index out of range
 */
IV_EXTERN(int) iv_interview_move_question(iv_interview *iv, size_t from, size_t to);
/**
 * Removes question `i` with its answer.
 * @param iv the interview
 * @param i the index, from 0
 * @return 0, or IV_EINVALID for an index out of range
 */
IV_EXTERN(int) iv_interview_remove_question(iv_interview *iv, size_t i);

/*
 * Advice and resources: ordered lists of short texts (not blank, at most
 * IV_LIMIT_TEXT bytes each) that came out of the talk.
 */
/**
 * The number of pieces of advice.
 * @param iv the interview, or NULL
 * @return the count
 */
IV_EXTERN(size_t) iv_interview_advice_count(const iv_interview *iv);
/**
 * The i-th piece of advice.
 * @param iv the interview, or NULL
 * @param i the index, from 0
 * @return the text; borrowed, valid until `iv` is freed or its advice
 *         changes; NULL if out of range
 */
IV_EXTERN(const char *) iv_interview_advice_at(const iv_interview *iv, size_t i);
/**
 * Appends a piece of advice (at most IV_LIMIT_LIST).
 * @param iv the interview
 * @param advice the text, copied
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_interview_add_advice(iv_interview *iv, const char *advice);
/**
 * Removes the i-th piece of advice.
 * @param iv the interview
 * @param i the index, from 0
 * @return 0, or IV_EINVALID for an index out of range
 */
IV_EXTERN(int) iv_interview_remove_advice(iv_interview *iv, size_t i);
/**
 * The number of resources.
 * @param iv the interview, or NULL
 * @return the count
 */
IV_EXTERN(size_t) iv_interview_resource_count(const iv_interview *iv);
/**
 * The i-th resource.
 * @param iv the interview, or NULL
 * @param i the index, from 0
 * @return the text; borrowed, valid until `iv` is freed or its resources
 *         change; NULL if out of range
 */
IV_EXTERN(const char *) iv_interview_resource_at(const iv_interview *iv, size_t i);
/**
 * Appends a resource (at most IV_LIMIT_LIST).
 * @param iv the interview
 * @param resource the text, copied
 * @return 0, IV_EINVALID
 */
IV_EXTERN(int) iv_interview_add_resource(iv_interview *iv, const char *resource);
/**
 * Removes the i-th resource.
 * @param iv the interview
 * @param i the index, from 0
 * @return 0, or IV_EINVALID for an index out of range
 */
IV_EXTERN(int) iv_interview_remove_resource(iv_interview *iv, size_t i);

/**
 * Stores a new interview, assigning its id and times (and the planned time
 * of its status if unset).
 * @param db the store
 * @param iv the interview; updated to match what was stored
 * @return 0; IV_EINVALID if the contact is unset or the introduction does
 *         not introduce the interviewee; IV_ENOTFOUND naming a missing
 *         contact or introduction; IV_EEXISTS
 */
IV_EXTERN(int) iv_interview_insert(iv_db *db, iv_interview *iv);
/**
 * Looks an interview up by id.
 * @param out the interview, free with iv_interview_free()
 * @param db the store
 * @param id the interview's id
 * @return 0, IV_EINVALID for a malformed id, IV_ENOTFOUND
 */
IV_EXTERN(int) iv_interview_lookup(iv_interview **out, iv_db *db, const char *id);
/**
 * Replaces the stored interview having `iv`'s id with `iv`, and stamps its
 * updated time; same checks as iv_interview_insert(), and a status change
 * follows the lifecycle and applies the rules of workflow.h.
 * @param db the store
 * @param iv the interview; updated to match what was stored
 * @return 0, IV_EINVALID (including an illegal move), IV_ENOTFOUND
 */
IV_EXTERN(int) iv_interview_update(iv_db *db, iv_interview *iv);
/**
 * Deletes an interview with its questions. One that follow-ups name is
 * refused with IV_ECONSTRAINT unless `flags` has IV_DELETE_CASCADE, which
 * deletes those follow-ups too.
 * @param db the store
 * @param id the interview's id
 * @param flags IV_DELETE_DEFAULT or IV_DELETE_CASCADE
 * @return 0, IV_EINVALID, IV_ENOTFOUND, IV_ECONSTRAINT
 */
IV_EXTERN(int) iv_interview_delete(iv_db *db, const char *id, unsigned int flags);

/** Which interviews iv_interview_list() returns. */
typedef struct iv_interview_filter {
	/** the struct's version: IV_INTERVIEW_FILTER_VERSION */
	unsigned int version;
	/** only interviews with this contact id; NULL for any */
	const char *contact;
	/** only interviews in this iv_interview_status_t; 0 for any */
	int status;
	/** only interviews that came from this introduction id; NULL for any */
	const char *intro;
	/**
	 * only records whose id begins with this: 1 to 36 characters of the
	 * UUID text form (hex digits in either case, hyphens only where a UUID
	 * has them); NULL for any
	 */
	const char *id_prefix;
	/**
	 * only the record with this number (iv_interview_number()); 0 for any.
	 * Since version 2.
	 */
	int64_t number;
} iv_interview_filter;

/** The current version of iv_interview_filter. */
#define IV_INTERVIEW_FILTER_VERSION 2
/** A static initialiser for iv_interview_filter matching everything. */
#define IV_INTERVIEW_FILTER_INIT { IV_INTERVIEW_FILTER_VERSION, NULL, 0, NULL, NULL, 0 }
/**
 * Initialises a filter to its defaults (matching everything).
 * @param filter the filter
 * @param version IV_INTERVIEW_FILTER_VERSION, or an older version
 * @return 0, or IV_EVERSION for a version this library does not know
 */
IV_EXTERN(int) iv_interview_filter_init(iv_interview_filter *filter, unsigned int version);

/**
 * Lists interviews ordered by creation time, then id.
 * @param out the iterator, free with iv_interview_iter_free() before the store
 * @param db the store
 * @param filter NULL for every interview; borrowed for this call only
 * @return 0, or IV_EINVALID for a malformed field of the filter
 */
IV_EXTERN(int) iv_interview_list(iv_interview_iter **out, iv_db *db, const iv_interview_filter *filter);
/**
 * The next interview.
 * @param out the interview, free with iv_interview_free()
 * @param it the iterator
 * @return 0, IV_ITEROVER at the end, or an error
 */
IV_EXTERN(int) iv_interview_iter_next(iv_interview **out, iv_interview_iter *it);
/**
 * Frees an iterator; accepts NULL.
 * @param it the iterator, or NULL
 */
IV_EXTERN(void) iv_interview_iter_free(iv_interview_iter *it);

IV_END_DECL

#endif
